"""Real Chromium: click Train on the defaults and see the reconstructions appear."""
import re
import time

import pytest
from browser import open_page, settle, shot

pytestmark = pytest.mark.browser


def test_train_in_chromium(server, browser):
    # a seed of its own: the default settings may already be in the server's cache (lesson 1 trains the
    # very same model, and the same settings come back at once instead of training)
    page, errors = open_page(browser, server, "/train?seed=11", "Train", 1400)
    start = time.time()
    page.get_by_role("button", name="Train").click()
    page.get_by_text("bottom: the autoencoder's reconstructions").first.wait_for(timeout=120_000)
    first_picture = time.time() - start
    assert page.locator("[data-testid='stImage'] img").count() >= 1
    page.get_by_text("Trained in").first.wait_for(timeout=600_000)
    settle(page)
    text = page.locator("[data-testid='stMain']").inner_text()
    assert "Training images: 1,437" in text and re.search(r"Device: (CPU|CUDA|MPS)", text)
    assert page.locator("[data-testid='stPlotlyChart']").count() == 1
    shot(page, "train")
    print(f"first reconstructions on screen after {first_picture:.1f} s")  # a measure, not a pass mark
    assert not errors, errors
    page.close()
