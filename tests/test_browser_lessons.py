"""Real Chromium, in Korean: lesson 1 walked from its first step to its last as a student would: predict
each shape, read the verdict, train the model the last step needs, and go back through the step list."""
import pytest

from browser import open_page, settle, shot

from aecore.use.course import LESSONS

pytestmark = pytest.mark.browser


def answer_shape(page, typed: str) -> None:
    page.get_by_label("예상한 모양").fill(typed)
    page.get_by_role("button", name="내 답 확인").click()
    settle(page)


def test_lesson_one_in_korean(server, browser):
    page, errors = open_page(browser, server, "/lesson_shapes?lang=ko", "🧩 1강 · 입력과 출력의 모양",
                             1800)
    assert page.get_by_text("수업", exact=True).first.is_visible()  # the Lessons group, first in the navigation
    shot(page, "lesson1-ko-1-idea")
    answers = {2: "28, 28, 16", 3: "14, 14, 16", 4: "4, 4, 8", 5: "16, 16, 16", 6: "28, 28, 1"}
    for step in range(2, 7):
        page.get_by_role("button", name="다음").first.click()
        settle(page)
        page.get_by_text(f"{len(LESSONS['shapes'])}단계 중 {step}단계").wait_for()
        if step < 6:  # the asked shape is hidden before the answer (step 6 asks about a model not shown yet)
            assert page.get_by_text("?", exact=True).count() > 0
        answer_shape(page, answers[step])
        verdict = "맞았습니다" if step in (2, 3, 4) else "아쉽습니다"
        page.get_by_text(verdict).first.wait_for()
        shot(page, f"lesson1-ko-{step}")
    page.get_by_text("정답: (32, 32, 1)").wait_for()  # 'same' everywhere: 32, not 28
    page.get_by_role("button", name="다음").first.click()
    settle(page)
    page.get_by_text("학습 이미지의 손실").click()
    page.get_by_role("button", name="내 답 확인").click()
    settle(page)
    train = page.get_by_role("button", name="없는 모델 학습하기")  # the model this step needs: missing (the server
    if train.count():  # starts without it, browser.warm_cache) unless a browser test run before this one trained it
        train.click()
    page.get_by_text("학습 손실").first.wait_for(timeout=300_000)  # the verdict quotes both losses
    settle(page)
    page.get_by_text("에포크별 손실").first.wait_for()
    shot(page, "lesson1-ko-7-trained")
    n = len(LESSONS["shapes"])
    page.get_by_role("button", name="다음").first.click()  # the last step: the checkerboard lab's question
    settle(page)
    page.get_by_text(f"{n}단계 중 {n}단계").wait_for()
    page.get_by_role("button", name="내 답 확인").wait_for()  # asked before anything is shown
    asked = sum(1 for s in LESSONS["shapes"] if s.question is not None)
    page.get_by_text(f"단계 · 질문 {asked}개 중 6개 답함").click()   # the step list: where the learner has been
    page.get_by_role("button", name="3. 풀링은 크기를 절반으로").wait_for()
    page.get_by_role("button", name="3. 풀링은 크기를 절반으로").click()
    settle(page)
    page.get_by_text(f"{len(LESSONS['shapes'])}단계 중 3단계").wait_for()
    page.get_by_text("맞았습니다: (14, 14, 16).").wait_for()  # the answer was kept
    shot(page, "lesson1-ko-back-to-3")
    assert not errors
