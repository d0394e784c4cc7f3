"""Real Chromium: each 'Lessons' models' page opens, trains what it needs and shows its main picture."""
import pytest

from browser import open_page, settle, shot

pytestmark = pytest.mark.browser

PAGES = [("pca", "A linear autoencoder is PCA", "Principal angles between the two subspaces"),
         ("stacked", "Stacked autoencoders", "Image test loss of the model as it stands"),
         ("sparse", "The sparse autoencoder", "Mean activation of every code unit"),
         ("anomaly", "Anomaly lab", "ROC curve"),
         ("vae", "The VAE", "VAE · distance to the nearest training image"),
         ("sizes", "Code size, and two runs side by side", "Compare two runs")]


@pytest.mark.parametrize("path, heading, picture", PAGES, ids=[p[0] for p in PAGES])
def test_lesson_model_page_in_chromium(server, browser, path, heading, picture):
    page, errors = open_page(browser, server, "/" + path, heading, 2400)
    assert page.get_by_text("Lessons' models").first.is_visible()  # the navigation group
    button = page.get_by_role("button", name="Train what is missing")
    if button.count():
        button.click()
        page.get_by_text("This page needs a trained model").wait_for(state="detached", timeout=600_000)
    settle(page)
    page.get_by_text(picture).first.wait_for(timeout=120_000)
    if path == "vae":  # its default code of 8 numbers: rows of decoded random codes (the maps need 2 numbers)
        assert page.locator("[data-testid='stImage']").count() >= 3
    elif path != "sizes":
        assert page.locator("[data-testid='stPlotlyChart']").count() >= 1
    shot(page, "model-" + path)
    assert not errors, errors
    page.close()
