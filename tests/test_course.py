"""The guided lessons' logic: every question type's check, the truths read from numbers, and the texts
every step needs in both languages."""
import re

import numpy as np
import pytest

from aecore.text import CATALOG
from aecore.use import course
from aecore.use.course import LESSONS, check_choice, check_shape, closer


def test_a_shape_is_read_however_it_is_typed():
    for typed in ("28, 28, 16", "(28,28,16)", " [28, 28, 16] ", "28,28,16,"):
        assert check_shape(typed, (28, 28, 16)).right, typed
    wrong = check_shape("28, 28, 1", (28, 28, 16))
    assert not wrong.right and wrong.answer == (28, 28, 1) and wrong.problem is None
    assert check_shape("3", (3,)).right and not check_shape("3, 1", (3,)).right


@pytest.mark.parametrize("typed", ["14×14×16", "14x14x16", "14 X 14 X 16", "(14, 14, 16)", "14,14,16", "14 14 16",
                                   "[14, 14, 16]", " 14 ×  14 × 16 ", "14*14*16", "(None, 14, 14, 16)", "14, 14, 16,"])
def test_a_shape_in_the_lessons_own_notation(typed):
    v = check_shape(typed, (14, 14, 16))
    assert v.right and v.answer == (14, 14, 16) and v.problem is None, typed


def test_the_notation_keeps_the_numbers_apart():
    assert check_shape("28 x 28", (28, 28)).right and check_shape("3", (3,)).right
    assert check_shape("14×14×8", (14, 14, 16)).answer == (14, 14, 8)
    assert check_shape("16 16 16 16", (16, 16, 16, 16)).right


@pytest.mark.parametrize("typed", ["", "twenty", "28 by 28", "1," * 3000, "0, 28", "1, 2, 3, 4, 5", "14×", "x14", "××",
                                   "14.5, 14, 16", "-14, 14, 16", "１４, 14, 16", "None", "(14, 14, 16", "14; 14; 16",
                                   "2097152, 1"])
def test_an_unreadable_shape_is_a_message_not_a_wrong_answer(typed):
    v = check_shape(typed, (28, 28, 16))
    assert v.problem and not v.right and v.answer is None and len(v.problem) < 300
    assert "output shape" in v.problem and "input shape" not in v.problem


def test_the_unreadable_shape_message_in_korean():
    from aecore.text import using
    with using("ko"):
        problem = check_shape("twenty", (28, 28, 16)).problem
    assert "출력 모양" in problem and "'twenty'" in problem


def test_a_choice_is_right_only_when_it_is_the_truth():
    assert check_choice("dae", "dae", ("plain", "dae", "same")).right
    assert not check_choice("plain", "dae", ("plain", "dae", "same")).right
    assert check_choice("hack", "dae", ("plain", "dae", "same")).problem == "hack"


def test_which_is_lower_with_a_band_for_about_the_same():
    assert closer(1.0, 2.0) == "a" and closer(2.0, 1.0) == "b"
    assert closer(1.0, 1.019) == "same" and closer(1.0, 1.021) == "a"
    assert closer(0.0103, 0.0102, ("pca", "ae", "same")) == "same"
    with pytest.raises(ValueError):
        closer(float("nan"), 1.0)


def test_tying_saves_named_by_its_share():
    assert course.saving(561_934, 281_734) == "half"  # lesson 5: the measured pair
    assert course.saving(1000, 950) == "none" and course.saving(1000, 750) == "quarter"


def test_neighbours_share_bands():
    assert [course.neighbours_share(s, 8) for s in (0, 2, 3, 5, 6, 8)] == \
        ["few", "few", "half", "half", "most", "most"]


def test_grouped_codes_against_chance():
    rng = np.random.default_rng(0)
    labels = np.repeat(np.arange(4), 50)
    apart = rng.normal(size=(200, 3)) * 0.1 + labels[:, None] * 3.0   # four tight clusters
    mixed = rng.normal(size=(200, 3))                                   # labels unrelated to place
    answer, share, chance = course.grouped(apart, labels)
    assert answer == "yes" and share > 0.95 and abs(chance - 0.25) < 1e-9
    assert course.grouped(mixed, labels)[0] == "no"


def test_basis_equal_or_mixed():
    eye = np.eye(6)[:3]
    assert course.basis([0, 0, 0], eye * -1, eye) == "equal"           # the same up to sign
    rotated = np.array([[1, 1, 0, 0, 0, 0], [1, -1, 0, 0, 0, 0], [0, 0, 1, 0, 0, 0]], dtype=float)
    assert course.basis([0, 0, 0], rotated, eye) == "mixed"            # the same span, other directions


def test_progress_counts_only_this_lessons_questions():
    answers = {"conv": "28,28,16", "pool": "14,14,16", "idea": "x"}
    assert course.progress("shapes", answers, {"conv": True, "pool": False}) == (2, 1, 7)


PLACEHOLDER = re.compile(r"{(\w+)")


@pytest.mark.parametrize("lesson", course.ORDER)
def test_every_step_has_its_texts_in_both_languages(lesson):
    """Titles, bodies, questions, options and an explanation for every possible truth, in English and
    Korean, with the same placeholders in both (a Korean text that drops one would say something else)."""
    keys = [f"course.{lesson}.title", f"course.{lesson}.intro", f"course.nav.{lesson}"]
    for step in LESSONS[lesson]:
        base = f"course.{lesson}.{step.id}"
        keys += [base + ".title", base + ".body"]
        if step.question is not None:
            keys.append(base + ".ask")
            if step.question.kind == "shape" or base + ".why" in CATALOG:
                keys.append(base + ".why")
            else:
                keys += [f"{base}.why_{o}" for o in step.question.options]
            if step.question.kind == "choice":
                keys += [f"{base}.opt_{o}" for o in step.question.options]
        if step.tool:
            keys.append("tool." + step.tool)
    for key in keys:
        assert key in CATALOG, key
        en, ko = CATALOG[key]
        assert en.strip() and ko.strip() and en != ko or key.endswith(("opt_pca",)) or "→" in en, key
        assert set(PLACEHOLDER.findall(en)) == set(PLACEHOLDER.findall(ko)), key
        assert re.search("[가-힣]", ko) or key.endswith(("opt_pca",)) or "→" in ko, key
