"""Real Chromium: a similarity query on the default dataset shows k images; the denoise grid, with an upload; a click on
a latent point."""
import numpy as np
import pytest
from browser import open_page, settle, shot
from PIL import Image

pytestmark = pytest.mark.browser


def train_what_is_missing(page):
    """Press the page's train button if it has one, then wait for the page to be usable."""
    button = page.get_by_role("button", name="Train what is missing")
    if button.count():
        button.click()
        page.get_by_text("This page needs a trained model").wait_for(state="detached", timeout=600_000)
    settle(page)


def test_similarity_query_in_chromium(server, browser):
    page, errors = open_page(browser, server, "/similar", "Similar images", 1400)
    train_what_is_missing(page)
    page.get_by_text("The 7 nearest codes").wait_for(timeout=60_000)
    captions = page.locator("[data-testid='stImageCaption']").filter(has_text="d=")
    assert captions.count() == 14  # 7 nearest and 7 farthest, each with its distance
    index = page.locator(".st-key-similar-index input")
    index.fill("12")
    index.press("Enter")
    settle(page)
    assert "#12 ·" in page.locator("[data-testid='stMain']").inner_text()
    shot(page, "similar")
    assert not errors, errors
    page.close()


def test_denoise_grid_and_an_upload_in_chromium(server, browser, tmp_path):
    page, errors = open_page(browser, server, "/denoise", "Denoise", 2200)
    train_what_is_missing(page)
    page.get_by_text("Side by side").wait_for(timeout=60_000)
    for row in ("Clean", "Noisy input", "Plain autoencoder", "Denoising autoencoder"):
        assert page.get_by_text(row, exact=True).first.is_visible()
    assert page.locator("[data-testid='stImageCaption']").filter(has_text="dB").count() == 24  # 3 rows × 8, PSNR
    digit = np.full((64, 64), 255, np.uint8)
    digit[12:52, 28:36] = 0  # ink on paper, as a phone photo of a '1' would be
    path = tmp_path / "my *digit*.png"
    Image.fromarray(digit).save(path)
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(path))
    page.get_by_text("read as 1 channel, 28×28").wait_for(timeout=60_000)
    settle(page)
    text = page.locator("[data-testid='stMain']").inner_text()
    assert "were inverted" in text and "my \\*digit\\*.png" not in text  # shown as text, markdown escaped
    shot(page, "denoise")
    assert not errors, errors
    page.close()


# The page position of one point of the 2-D scatter (plotly's own axes map its data to pixels), and its image number
POINT = """([trace, i]) => {
    const gd = document.querySelector('[data-testid=stPlotlyChart] .js-plotly-plot');
    const L = gd._fullLayout, t = gd._fullData[trace], r = gd.getBoundingClientRect();
    return {x: r.left + L.xaxis._offset + L.xaxis.l2p(t.x[i]), y: r.top + L.yaxis._offset + L.yaxis.l2p(t.y[i]),
            number: t.customdata[i]};
}"""


def test_latent_space_click_in_chromium(server, browser):
    """A click on a point of the 2-D chart shows that image, its reconstruction, its error map and its nearest
    training images (issue 20: a click used to change nothing)."""
    page, errors = open_page(browser, server, "/latent", "Latent space", 1800)
    train_what_is_missing(page)
    page.get_by_text("principal directions keep").wait_for(timeout=60_000)  # the 3-number code, in 2-D
    assert page.locator(".st-key-latent-index input").input_value() == "0"
    point = page.evaluate(POINT, [2, 3])
    assert point["number"] != 0
    page.mouse.move(point["x"], point["y"])
    page.mouse.click(point["x"], point["y"])
    settle(page)
    assert page.locator(".st-key-latent-index input").input_value() == str(point["number"])
    assert page.get_by_text("Per-pixel error").first.is_visible()
    assert page.get_by_text("The 6 training images whose codes are nearest").is_visible()
    assert page.locator("[data-testid='stImageCaption']").filter(has_text="d=").count() == 6
    assert page.get_by_text("reconstruction", exact=True).first.is_visible()
    shot(page, "latent")
    index = page.locator(".st-key-latent-index input")
    index.fill("0")
    index.press("Enter")
    settle(page)
    page.mouse.click(point["x"], point["y"])  # the same point again, after a number typed: it counts again
    settle(page)
    assert index.input_value() == str(point["number"])
    page.get_by_text("3-D", exact=True).click()  # the 3-D view says where picking is done
    settle(page)
    assert page.get_by_text("A 3-D chart cannot pick points").is_visible()
    assert not errors, errors
    page.close()
