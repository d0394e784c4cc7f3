"""Real Chromium: the VAE page's code planes (issue 20). Moving the pointer over a plane changes the decoded picture
and the meter at once, with no rerun (the app stays idle: no script run per move); a finger's tap does too."""
import pytest
from browser import IDLE, open_page, settle, shot

pytestmark = pytest.mark.browser

PICTURE = "el => el.closest('.cp-root').querySelector('.cp-pic').toDataURL()"
STATE = ("el => { const r = el.closest('.cp-root');"
         " return [r.dataset.cell, r.querySelector('.cp-gap .cp-value').innerText]; }")


def test_moving_over_the_code_plane_changes_the_picture_in_chromium(server, browser):
    page, errors = open_page(browser, server, "/vae", "The VAE", 2400)
    size = page.locator(".st-key-vae-latent input")
    for _ in range(2):  # code size 8 -> 2, the first of its three steps
        size.focus()
        size.press("ArrowLeft")
        settle(page)
    button = page.get_by_role("button", name="Train what is missing")
    if button.count():
        button.click()
        page.get_by_text("This page needs a trained model").wait_for(state="detached", timeout=600_000)
    settle(page)
    page.get_by_text("Move over the code plane").wait_for(timeout=120_000)
    planes = page.locator(".cp-planebox")
    assert planes.count() == 2  # the VAE and the plain autoencoder, side by side
    assert page.locator(".cp-root .cp-title").all_inner_texts() == ["VAE", "Plain autoencoder"]
    assert page.locator(".cp-legend span").count() == 20  # each plane's ten classes, by colour
    for i in range(2):
        plane = planes.nth(i)
        plane.scroll_into_view_if_needed()
        box = plane.bounding_box()
        page.wait_for_function("el => el.closest('.cp-root').querySelector('.cp-pic').toDataURL().length > 200",
                               arg=plane.element_handle())
        page.mouse.move(box["x"] + 8, box["y"] + 8)  # the top-left cell: outside every code
        corner_cell, corner_meter = plane.evaluate(STATE)
        corner = plane.evaluate(PICTURE)
        assert corner_cell == "0,0" and "far from every code" in corner_meter
        page.mouse.move(box["x"] + box["width"] * 0.52, box["y"] + box["height"] * 0.48, steps=5)
        cell, _ = plane.evaluate(STATE)
        assert cell != corner_cell and plane.evaluate(PICTURE) != corner  # a new picture at once
        assert page.evaluate(IDLE)  # and no script run for it
    shot(page, "vae-plane")
    assert not errors, errors
    page.close()


def test_a_finger_on_the_code_plane_in_chromium(server, browser):
    """A phone: a tap (a touch pointer) on the plane shows that cell's picture; the page does not scroll with it."""
    context = browser.new_context(viewport={"width": 420, "height": 900}, has_touch=True, is_mobile=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(server + "/vae")
    page.get_by_role("heading", name="The VAE").wait_for(timeout=120_000)
    settle(page)
    size = page.locator(".st-key-vae-latent input")
    for _ in range(2):
        size.focus()
        size.press("ArrowLeft")
        settle(page)
    button = page.get_by_role("button", name="Train what is missing")
    if button.count():  # run alone: the models are trained here
        button.click()
        page.get_by_text("This page needs a trained model").wait_for(state="detached", timeout=600_000)
    plane = page.locator(".cp-planebox").first
    plane.wait_for(timeout=120_000)
    plane.scroll_into_view_if_needed()
    assert plane.evaluate("el => getComputedStyle(el).touchAction") == "none"
    box = plane.bounding_box()
    page.touchscreen.tap(box["x"] + 20, box["y"] + 20)
    assert plane.evaluate(STATE)[0] == "1,1"
    shot(page, "vae-plane-phone")
    assert not errors, errors
    context.close()
