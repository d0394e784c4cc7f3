"""Real Chromium: the Layer Builder as a student sees it."""
import pytest

from browser import settle, shot

pytestmark = pytest.mark.browser


def test_builder_in_chromium(server, browser):
    page = browser.new_page(viewport={"width": 1500, "height": 3200})
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(server + "/builder")  # a fresh server's first request goes straight to the page
    page.get_by_role("heading", name="Layer Builder").wait_for(timeout=120_000)
    settle(page)
    assert page.get_by_text("Welcome").first.is_visible()  # app.py's navigation, not the bare page
    table = page.locator("[data-testid='stTable']")
    assert "(14, 14, 16)" in table.inner_text() and "⌈7/2⌉ = 4" in table.inner_text()
    assert page.locator("[data-testid='stPlotlyChart']").count() == 1
    path = shot(page, "builder")
    assert path.stat().st_size > 50_000

    kernel = page.locator(".st-key-builder-9-kernel_size input")
    kernel.fill("17")
    kernel.press("Enter")
    settle(page)
    text = page.locator("[data-testid='stTable']").inner_text()
    assert "⌊(16 − 17)/1⌋ + 1 = 0" in text
    assert page.get_by_text("Layer 9 fails").first.is_visible()
    shot(page, "builder-error")
    assert not errors, errors
    page.close()
