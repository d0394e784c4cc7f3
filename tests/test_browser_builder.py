"""Real Chromium: the Layer Builder as a student sees it."""
import pytest
from browser import open_page, settle, shot

pytestmark = pytest.mark.browser


def test_builder_in_chromium(server, browser):
    page, errors = open_page(browser, server, "/builder", "Layer Builder", 3200)
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


def test_choices_survive_a_language_switch(server, browser):
    page, errors = open_page(browser, server, "/builder", "Layer Builder", 1600)

    def choose(key, text):
        page.locator(f".st-key-{key} button[aria-label='Open']").click()
        page.get_by_role("option").filter(has_text=text).first.click()
        settle(page)
    choose("builder-preset", "Lesson 3")
    choose("app-lang", "한국어")
    assert page.locator(".st-key-builder-preset input").input_value().startswith("3강")
    assert page.get_by_role("heading", name="레이어 빌더").is_visible()
    choose("app-lang", "English")
    assert page.locator(".st-key-builder-preset input").input_value().startswith("Lesson 3")
    assert "Linear" in page.locator("[data-testid='stTable']").inner_text()  # the stack was not reset
    assert not errors, errors
    page.close()
