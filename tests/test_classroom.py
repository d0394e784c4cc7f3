"""The class's rules without a page (aecore.app.classroom): what a student sees of a held step, the join link,
answers kept in one spelling, and the rule a wrong shape on the board points at (checked against the table)."""
import pytest

from aecore.app import classroom
from aecore.app.classroom import Seen, canonical, is_local, join_link, misread, student_view
from aecore.shapes import presets
from aecore.shapes.layers import summarize


@pytest.mark.parametrize("mode,rounds,committed,seen", [
    ("open", set(), False, Seen("ask", 1)), ("open", {1}, True, Seen("verdict", 1)),
    ("vote", set(), False, Seen("ask", 1)), ("vote", {1}, True, Seen("wait", 0)),
    ("discuss", {1}, True, Seen("discuss", 0)), ("discuss", set(), False, Seen("discuss", 0)),
    ("revote", {1}, True, Seen("ask", 2)), ("revote", {1, 2}, True, Seen("wait", 0)),
    ("reveal", {1, 2}, True, Seen("verdict", 0)), ("reveal", set(), False, Seen("ask", 0)),
])
def test_what_a_student_sees_of_each_move(mode, rounds, committed, seen):
    assert student_view(mode, rounds, committed) == seen


def test_the_join_link_and_its_host():
    assert join_link("http://localhost:8501/class_view?token=x", "K7Q2") == "http://localhost:8501/?join=K7Q2"
    assert join_link("http://localhost:8501/class_view", "K7Q2", "192.168.0.12:8501") == \
        "http://192.168.0.12:8501/?join=K7Q2"
    assert join_link("http://localhost:8501/", "K7Q2", "https://class.example.org/") == \
        "https://class.example.org/?join=K7Q2"
    assert is_local("http://localhost:8501/?join=K7Q2") and is_local("http://127.0.0.1/?join=A")
    assert not is_local("http://192.168.0.12:8501/?join=K7Q2")


def test_answers_are_kept_in_one_spelling():
    assert {canonical("shape", a) for a in ("14x14x16", "(14, 14, 16)", "14 14 16", "[14,14,16]")} == {"(14, 14, 16)"}
    assert canonical("shape", "fourteen") == "fourteen"  # kept as typed, never dropped
    assert canonical("choice", "dae") == "dae"


def test_a_wrong_shape_names_the_rule_it_points_at():
    rows = summarize(*presets.make("s0-keras-conv")).rows  # the lesson's own table, read independently
    pool = rows[1]
    assert pool.type == "MaxPooling2D"
    went_in = ", ".join(map(str, pool.input_shape))
    assert misread("shapes", "pool", went_in) == ("room.misread_input", {"layer": "MaxPooling2D"})
    assert misread("shapes", "pool", ", ".join(map(str, pool.output_shape))) is None  # right: no hint
    other = rows[2]
    assert misread("shapes", "pool", ", ".join(map(str, other.output_shape))) == \
        ("room.misread_row", {"i": 2, "layer": other.type})
    odd = rows[4]
    h, w, c = odd.output_shape
    assert misread("shapes", "odd", f"{h - 1}, {w - 1}, {c}") == ("room.misread_round", {})
    assert misread("conv", "model", "1, 2, 3") is None and misread("shapes", "pool", "no shape") is None


def test_every_lessons_questions_have_ids():
    assert classroom.step_questions("shapes")[:2] == ["shapes/conv", "shapes/pool"]
    assert all(q.startswith("check/shapes/") for q in classroom.check_questions("shapes"))
    assert len(classroom.check_questions("shapes")) >= 3
