"""Real Chromium: a 3 drawn with the mouse on the Similar images page's pad comes back as the model sees it, rebuilt,
with its nearest images; at a phone's width the whole pad is on the screen and a finger draws on it."""
import math

import pytest
from browser import open_page, settle, shot

pytestmark = pytest.mark.browser


def three_path(box, n: int = 24) -> list[list[tuple[float, float]]]:
    """Two strokes of a '3' inside the canvas's box (x, y, width, height): an upper and a lower bow."""
    x0, y0, w, h = box["x"], box["y"], box["width"], box["height"]
    strokes = []
    for cy, r in ((0.32, 0.17), (0.66, 0.19)):
        pts = []
        for i in range(n + 1):
            a = math.radians(-150 + 270 * i / n)  # from upper left, round the right side, to lower left
            pts.append((x0 + w * (0.5 + r * math.cos(a)), y0 + h * (cy + r * math.sin(a))))
        strokes.append(pts)
    return strokes


def draw(page, canvas) -> None:
    for stroke in three_path(canvas.bounding_box()):
        page.mouse.move(*stroke[0])
        page.mouse.down()
        for p in stroke[1:]:
            page.mouse.move(*p, steps=2)
        page.mouse.up()


def open_draw(browser, server, width: int = 1500, height: int = 1400):
    page, errors = open_page(browser, server, "/similar", "Similar images", height)
    if width != 1500:
        page.set_viewport_size({"width": width, "height": height})
    button = page.get_by_role("button", name="Train what is missing")
    if button.count():
        button.click()
        page.get_by_text("This page needs a trained model").wait_for(state="detached", timeout=600_000)
    settle(page)
    page.get_by_text("draw", exact=True).click()
    settle(page)
    canvas = page.locator("canvas[aria-label='drawing pad']")
    canvas.wait_for(timeout=60_000)
    return page, errors, canvas


def test_a_three_drawn_with_the_mouse_is_rebuilt_with_its_neighbours(server, browser):
    page, errors, canvas = open_draw(browser, server)
    page.get_by_text("Draw on the pad and press").wait_for(timeout=30_000)  # nothing used yet
    page.get_by_role("button", name="Use this drawing").click()
    page.get_by_text("Draw something first").wait_for(timeout=60_000)   # a blank pad: a sentence
    settle(page)
    draw(page, canvas)
    page.get_by_role("button", name="Use this drawing").click()
    page.get_by_text("Your drawing, made the way scikit-learn's digits were made").wait_for(timeout=60_000)
    settle(page)
    main = page.locator("[data-testid='stMain']")
    captions = main.locator("[data-testid='stImageCaption']")
    assert captions.filter(has_text="your drawing").count() == 2 and captions.filter(has_text="reconstruction").count()
    assert captions.filter(has_text="d=").count() == 14  # 7 nearest and 7 farthest
    assert "The 7 nearest codes" in main.inner_text() and "Per-pixel error" in main.inner_text()
    nearest = [c.inner_text().split(" · ")[1] for c in captions.filter(has_text="d=").all()[:7]]
    assert "3" in nearest, nearest  # a drawn 3 lands near 3s (how many depends on the training: tests/test_drawing.py)
    assert canvas.evaluate("c => c.dataset.inked") == "1"  # the drawing is still on the pad after the rerun
    shot(page, "draw-similar")
    page.get_by_role("button", name="Clear").click()
    page.get_by_text("Draw on the pad and press").wait_for(timeout=60_000)
    assert not errors, errors
    page.close()


def test_the_pad_fits_a_phone_and_a_finger_draws(server, browser):
    page, errors, canvas = open_draw(browser, server, 390, 844)
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
    use = page.get_by_role("button", name="Use this drawing").bounding_box()
    clear = page.get_by_role("button", name="Clear").bounding_box()
    for b in (box, use, clear):  # every part on the screen, side to side
        assert b["x"] >= 0 and b["x"] + b["width"] <= 390, b
    assert box["width"] >= 250 and abs(box["width"] - box["height"]) < 2
    cdp = page.context.new_cdp_session(page)  # a finger: real touch events, which Chromium turns into pointer events
    for stroke in three_path(box):
        cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": stroke[0][0], "y": stroke[0][1]}]})
        for x, y in stroke[1:]:
            cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x, "y": y}]})
        cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    assert abs(canvas.bounding_box()["y"] - box["y"]) < 1  # the finger drew; the page did not scroll
    assert canvas.evaluate("c => c.dataset.inked") == "1"
    assert canvas.evaluate("c => getComputedStyle(c).touchAction") == "none"  # a finger draws, not scrolls
    page.get_by_role("button", name="Use this drawing").click()
    page.get_by_text("Your drawing, made the way").wait_for(timeout=60_000)
    settle(page)
    shot(page, "draw-similar-phone")
    assert not errors, errors
    page.close()
