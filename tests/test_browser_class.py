"""Real Chromium: a class from four browsers at once. A teacher starts a class in the Class view; three students
(separate browser contexts, so separate learner cookies) open its join link and join, one of them anonymously.
The teacher holds lesson 1's step 2 for a vote: two students answer right, one wrong, and each sees 'wait', not
the verdict; the live board counts 3 / 3 answered and 67 % right. The teacher moves the class on (discuss,
revote, reveal) and each student's page follows by itself, without a reload; the wrong student changes their
answer in the revote, and after the reveal all three see a green verdict. The board's second vote is 100 %
(+33 %), the same numbers as the class database's ``board()``. Ending the class deletes every row of it."""
from __future__ import annotations

import re
import sqlite3

import pytest
from browser import open_page, settle, shot, start_app
from playwright.sync_api import expect

from aecore.app import classdb

pytestmark = pytest.mark.browser
TOKEN = "browser-class-token"
LESSON = "🧩 Lesson 1 · Shapes in and out"
HOME = "The autoencoder classroom"
QUESTION = "shapes/conv"                 # lesson 1, step 2: the first Conv2D's output shape, (28, 28, 16)
STEP = re.compile(r"Step 2 of \d+ · A convolution")
FOLLOW_MS = 20_000                       # a page polls every 2 s: a move reaches it well within this


@pytest.fixture(scope="module")
def class_server(tmp_path_factory):
    """A server of its own, with the teacher's token and its own AECORE_HOME (so its own class.db)."""
    home = tmp_path_factory.mktemp("class-home")
    proc, url, log = start_app(home, {"AECORE_CLASS_TOKEN": TOKEN, "AECORE_DB": ""})
    yield url, home
    proc.terminate()
    proc.wait(timeout=20)
    log.close()


def main_text(page) -> str:
    return page.locator("[data-testid='stMain']").inner_text()


def board_box(page):
    """The live board's box of step 2 (its heading, metrics and chart); the board redraws it every 2 s."""
    heading = page.locator("[data-testid='stMain'] h4").filter(has_text=STEP)
    return heading.locator("xpath=ancestor::div[@data-testid='stVerticalBlock'][1]")


def metric(box, label: str):
    return box.locator("[data-testid='stMetric']").filter(has_text=label)


def move(teacher, mode: str) -> None:
    """The teacher's move on step 2 (the segmented control under 'Peer instruction: hold a step')."""
    control = teacher.locator(".st-key-board-mode-shapes-conv")
    segment = control.get_by_role("radio", name=mode, exact=True)
    segment.click()
    settle(teacher)
    expect(segment).to_have_attribute("aria-checked", "true")
    now = {"Vote": "voting", "Discuss": "discussion", "Revote": "revote", "Reveal": "revealed"}[mode]
    expect(teacher.get_by_text(f"Now: {now}.")).to_be_visible()  # the caption under the control


def answer(page, typed: str) -> None:
    page.locator(".st-key-course-shapes-conv-typed input").fill(typed)
    page.get_by_role("button", name="Check my answer").click()
    settle(page)


def verdicts(page) -> int:
    return page.locator("[data-testid='stAlertContentSuccess'], [data-testid='stAlertContentError']").count()


def test_a_teacher_and_three_students_through_a_vote_a_revote_and_the_reveal(class_server, browser):
    url, home = class_server
    # ---- 1. the teacher starts a class --------------------------------------------------------------------------
    teacher, teacher_errors = open_page(browser, url, f"/class_view?token={TOKEN}", "Class view", 2400)
    teacher.locator(".st-key-board-title input").fill("Period 3")
    teacher.get_by_role("button", name="Start the class").click()
    settle(teacher)
    link = teacher.locator("[data-testid='stCode'] code").first.inner_text().strip()
    match = re.fullmatch(re.escape(url) + r"/\?join=([A-Z0-9]{4})", link)
    assert match, link
    code = match.group(1)
    assert teacher.get_by_text(code, exact=True).is_visible()  # the big code on the projector
    expect(teacher.locator("[data-testid='stImage'] img")).to_have_count(1)  # the QR code
    students_metric = metric(teacher, "Students in the class").locator("[data-testid='stMetricValue']")
    expect(students_metric).to_have_text("0")

    # ---- 2. three students join by the link; one stays anonymous ------------------------------------------------
    names = ["Mina", "Joon", ""]
    students = []
    for name in names:
        page, errors = open_page(browser, url, link.removeprefix(url), HOME, 1800)
        assert page.locator(".st-key-home-join_code input").input_value() == code  # from the link
        page.locator(".st-key-home-join_nick input").fill(name)
        page.get_by_role("button", name="Join").click()
        settle(page)
        expect(page.get_by_text(f"You are in class {code} as {name or 'anonymous'}")).to_be_visible()
        students.append((page, errors))
    cookies = {c["value"] for p, _ in students for c in p.context.cookies() if c["name"] == "aecore_learner"}
    assert len(cookies) == 3  # three browsers, three learners
    db = classdb.connect(f"sqlite:///{home / 'class.db'}")
    assert db.learners(code) == 3
    with sqlite3.connect(home / "class.db") as raw:
        nicknames = sorted(n for (n,) in raw.execute("SELECT nickname FROM learners"))
    assert nicknames == ["", "Joon", "Mina"]  # the anonymous one has no name stored
    board_answered = metric(board_box(teacher), "Answered").locator("[data-testid='stMetricValue']")
    expect(board_answered).to_have_text("0 / 3", timeout=FOLLOW_MS)  # the live board counts the class at once
    expect(students_metric).to_have_text("3", timeout=FOLLOW_MS)  # live on the projector as they join
    shot(teacher, "class-teacher-after-joins")

    # ---- 3. a vote: two answer right, one wrong; nobody sees a verdict -------------------------------------------
    assert re.search(STEP, teacher.locator(".st-key-board-step-shapes input").input_value())  # the first step held
    move(teacher, "Vote")
    typed = ["28, 28, 16", "28, 28, 16", "14, 14, 16"]
    for (page, _), first in zip(students, typed):
        page.goto(url + "/lesson_shapes?step=2")
        page.get_by_role("heading", name=LESSON).wait_for(timeout=120_000)
        settle(page)
        expect(page.get_by_text(re.compile(r"Step 2 of \d+"))).to_be_visible()
        answer(page, first)
        expect(page.get_by_text("Your answer is in. Wait for the discussion")).to_be_visible()
        assert verdicts(page) == 0 and "the answer is" not in main_text(page), main_text(page)
    shot(students[2][0], "class-student-held")  # the wrong one's vote: in, and no verdict

    # ---- 4. the live board: 3 / 3 answered, how they split, not yet which is right ------------------
    box = board_box(teacher)
    expect(metric(box, "Answered").locator("[data-testid='stMetricValue']")).to_have_text("3 / 3", timeout=FOLLOW_MS)
    expect(box.get_by_text("stays off the board until the reveal")).to_be_visible()  # held: the class sees this
    assert metric(box, "Right, vote 1").count() == 0  # no % right on the projector before the reveal
    expect(box.locator("[data-testid='stPlotlyChart']")).to_contain_text("67 % (2)")
    expect(box.locator("[data-testid='stPlotlyChart']")).to_contain_text("33 % (1)")

    # ---- 5. discuss, revote, reveal: the students' pages follow by themselves -------------------------------------
    for page, _ in students:
        page.evaluate("() => { window.__not_reloaded = true; }")  # gone if the page were loaded again
    move(teacher, "Discuss")
    for page, _ in students:
        expect(page.get_by_text("Discuss with your neighbour")).to_be_visible(timeout=FOLLOW_MS)
        assert page.locator(".st-key-course-shapes-conv-typed input").count() == 0  # no answering now
    move(teacher, "Revote")
    second = ["28, 28, 16", "28, 28, 16", "28, 28, 16"]  # the wrong one changes; the others keep theirs
    for (page, _), first, again in zip(students, typed, second):
        revote = page.get_by_text("Vote again: keep your answer")
        expect(revote).to_be_visible(timeout=FOLLOW_MS)
        shown = "(" + first.replace(" ", "").replace(",", ", ") + ")"
        assert shown in revote.inner_text(), revote.inner_text()  # their first answer, named
        settle(page)
        answer(page, again)
        expect(page.get_by_text("Your second answer is in")).to_be_visible()
        assert verdicts(page) == 0
    move(teacher, "Reveal")
    for page, _ in students:
        right = page.locator("[data-testid='stAlertContentSuccess']").filter(has_text="Right: (28, 28, 16).")
        expect(right).to_be_visible(timeout=FOLLOW_MS)
        assert page.evaluate("() => window.__not_reloaded === true")  # followed the teacher, never reloaded
    settle(teacher)

    # ---- 6. the board's second vote, and the database's numbers behind it ---------------------------------------
    box = board_box(teacher)
    vote2 = metric(box, "Right, vote 2")
    expect(vote2.locator("[data-testid='stMetricValue']")).to_have_text("100 %", timeout=FOLLOW_MS)
    expect(vote2.locator("[data-testid='stMetricDelta']")).to_have_text(re.compile(r"\+33 %"))
    tallies = db.board(code, [QUESTION])[QUESTION]
    assert [(x.round, x.answered, x.right, x.pending) for x in tallies] == [(1, 3, 2, 0), (2, 3, 3, 0)]
    on_screen = {
        "answered": metric(box, "Answered").locator("[data-testid='stMetricValue']").inner_text(),  # vote 1 → 2
        "vote 1": metric(box, "Right, vote 1").locator("[data-testid='stMetricValue']").inner_text(),
        "vote 2": vote2.locator("[data-testid='stMetricValue']").inner_text(),
    }
    assert on_screen == {"answered": f"{tallies[0].answered} → {tallies[1].answered} / {db.learners(code)}",
                         "vote 1": f"{100 * tallies[0].right / tallies[0].answered:.0f} %",
                         "vote 2": f"{100 * tallies[1].right / tallies[1].answered:.0f} %"}, on_screen
    assert {a: n for a, n, _ in tallies[0].answers} == {"(28, 28, 16)": 2, "(14, 14, 16)": 1}
    assert {a: n for a, n, _ in tallies[1].answers} == {"(28, 28, 16)": 3}
    shot(teacher, "class-board")

    # ---- 7. the teacher ends the class: no row of it is left ----------------------------------------------------
    class_id = db.find(code).id
    teacher.locator("[data-testid='stExpander'] summary").filter(has_text="End the class").click()
    teacher.get_by_text("Yes, delete this class and its data").click()
    settle(teacher)
    teacher.get_by_role("button", name="End the class and delete its data").click()
    settle(teacher)
    expect(teacher.get_by_text("Start a class")).to_be_visible()
    with sqlite3.connect(home / "class.db") as raw:
        left = {table: raw.execute(f"SELECT COUNT(*) FROM {table} WHERE class_id = ?", (class_id,)).fetchone()[0]
                for table in ("learners", "answers", "steps")}
        left["classes"] = raw.execute("SELECT COUNT(*) FROM classes WHERE id = ? OR code = ?",
                                      (class_id, code)).fetchone()[0]
    assert left == {"learners": 0, "answers": 0, "steps": 0, "classes": 0}, left
    db.close()
    for page, errors in [(teacher, teacher_errors), *students]:
        assert not errors, errors
        page.close()
