"""Screenshot a page of the running app in Debian's Chromium:  python tools/shoot.py URL OUT.png [WAIT_TEXT]"""
import sys

from playwright.sync_api import sync_playwright

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def settle(page, timeout_ms=90_000):
    """Wait until the script run is over (no 'Running...' status) and the page has stopped changing."""
    page.wait_for_timeout(800)
    page.wait_for_function("() => !document.querySelector('[data-testid=\\'stStatusWidget\\']')",
                           timeout=timeout_ms)
    for selector in ("[data-testid='stDataFrame'] canvas", "[data-testid='stMetricValue']",
                     "[data-testid='stPlotlyChart'] .main-svg"):
        if page.locator(selector.split(" ")[0]).first.is_visible():  # hidden ones (closed expanders) never draw
            page.locator(selector).first.wait_for(timeout=timeout_ms)
    page.wait_for_timeout(1500)


def main(url, out, wait_text=None, width=1500, height=1700):
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": width, "height": height})
        page.goto(url)
        page.wait_for_selector("[data-testid='stApp']", timeout=60_000)
        if wait_text:
            page.get_by_text(wait_text).first.wait_for(timeout=90_000)
        settle(page)
        page.screenshot(path=out, full_page=True)
        browser.close()


if __name__ == "__main__":
    main(*sys.argv[1:4])
