"""Real Chromium: a learner's place is never lost. Lesson 1's shape questions answered (in the lessons' own
notation, 14×14×16), the tab reloaded: the answers and verdicts are still there. The learner id lives in a
cookie only: not in the address bar, not in the link a teacher copies; a fresh browser opening that link is
another learner and sees none of the first one's answers."""
import pytest

from browser import copied_link, open_page, settle, shot

pytestmark = pytest.mark.browser
HEADING = "🧩 Lesson 1 · Shapes in and out"


def answer_shape(page, typed: str) -> None:
    page.get_by_label("Your shape").fill(typed)
    page.get_by_role("button", name="Check my answer").click()
    settle(page)


def step_list(page) -> str:
    """The step list's title: how many questions are answered, how many right."""
    return page.locator("[data-testid='stExpander'] summary").first.inner_text()


def test_a_reload_keeps_the_answers_and_verdicts_and_no_link_holds_the_learner(server, browser):
    page, errors = open_page(browser, server, "/lesson_shapes?step=3", HEADING, 1800)
    answer_shape(page, "14×14×16")                       # step 3: pooling halves 28 -> 14
    page.get_by_text("Right: (14, 14, 16).").wait_for()
    page.get_by_role("button", name="Previous").first.click()
    settle(page)
    answer_shape(page, "28 x 28 x 8")                    # step 2: wrong (16 filters)
    page.get_by_text("the answer is (28, 28, 16)").first.wait_for()
    assert "2 of 7 questions answered · 1 right" in step_list(page)

    cookies = {c["name"]: c["value"] for c in page.context.cookies()}
    learner = cookies["aecore_learner"]
    assert len(learner) >= 22
    link = copied_link(page)
    assert link.startswith(server + "/lesson_shapes?") and "step=2" in link
    assert learner not in link and "learner" not in link
    assert learner not in page.url

    page.reload()
    page.get_by_role("heading", name=HEADING).wait_for(timeout=120_000)
    settle(page)
    assert "step=2" in page.url and learner not in page.url
    page.get_by_text("Step 2 of 8").wait_for()
    assert "2 of 7 questions answered · 1 right" in step_list(page)   # the step list still counts both
    page.get_by_text("the answer is (28, 28, 16)").first.wait_for()     # the verdict, drawn again
    assert page.get_by_text("(28, 28, 8)").count() > 0                   # and the answer as it was read
    shot(page, "reload-kept-answers")
    page.get_by_role("button", name="Next").first.click()
    settle(page)
    page.get_by_text("Right: (14, 14, 16).").wait_for()
    assert {c["name"]: c["value"] for c in page.context.cookies()}["aecore_learner"] == learner
    assert not errors

    other, other_errors = open_page(browser, server, link.removeprefix(server), HEADING, 1800)  # a fresh browser
    other.get_by_text("Step 2 of 8").wait_for()
    assert "0 of 7 questions answered · 0 right" in step_list(other)
    assert other.get_by_label("Your shape").count() == 1                  # the question, not the verdict
    assert other.get_by_text("the answer is (28, 28, 16)").count() == 0
    assert {c["name"]: c["value"] for c in other.context.cookies()}["aecore_learner"] != learner
    shot(other, "reload-other-learner")
    assert not other_errors
