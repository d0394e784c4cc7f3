"""AppTest: a class from both sides. The teacher starts a class in the Class view and moves a step through a vote,
a discussion, a revote and the reveal; a student joins by the link, answers the concept check, votes, sees
'wait' instead of the verdict, votes again, and sees the verdict once revealed; the board counts what was
answered. The database is the real SQLite file in AECORE_HOME."""
import pytest
from streamlit.testing.v1 import AppTest

from apptest import ok
from conftest import ROOT

from aecore.app import classdb
from aecore.use import checks

pytestmark = pytest.mark.usefixtures("fresh_home")
TOKEN = "teacher-token"


@pytest.fixture
def fresh_home(tmp_path, monkeypatch):
    monkeypatch.setenv("AECORE_HOME", str(tmp_path))
    monkeypatch.setenv("AECORE_CLASS_TOKEN", TOKEN)
    monkeypatch.delenv("AECORE_DB", raising=False)
    yield tmp_path
    classdb.connect(f"sqlite:///{tmp_path / 'class.db'}").close()


def teacher() -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages" / "class_view.py"), default_timeout=60)
    at.query_params["token"] = TOKEN
    return ok(at.run())


def student(page: str, learner: str, **params) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages" / f"{page}.py"), default_timeout=120)
    at.session_state["aecore.learner"] = learner  # the browser's learner id (its cookie, in a browser)
    for k, v in params.items():
        at.query_params[k] = v
    return ok(at.run())


def click(at, label: str) -> AppTest:
    return ok(next(b for b in at.button if label in str(b.label)).click().run())


def submit(at, form: str) -> AppTest:
    """Press a form's submit button, as the learner does."""
    return ok(next(b for b in at.button if b.key and b.key.startswith(f"FormSubmitter:{form}")).click().run())


def answer_conv(at, typed: str) -> AppTest:
    """Lesson 1, step 2: type a shape and check it."""
    at.text_input(key="course.shapes.conv.typed").set_value(typed)
    return submit(at, "course.shapes.conv.form")


def infos(at) -> str:
    return " ".join(i.value for i in at.info)


def test_a_teacher_starts_a_class_and_a_student_joins_by_its_link():
    t = teacher()
    t.text_input(key="board.title").input("Period 3")
    t = click(t, "Start the class")
    code = t.session_state["board.code"]
    assert len(code) == 4 and not set(code) & set("0O1IL2Z5S8BUV")
    assert any(code in m.value for m in t.markdown)  # the big code on the projector
    assert any(f"/?join={code}" in c.value for c in t.code)
    assert any("localhost" in w.value for w in t.warning)  # the link only works on this machine: said
    s = student("home", "learner-0001", join=code)
    assert s.text_input(key="home.join_code").value == code  # from the link
    s.text_input(key="home.join_nick").input("<b>Mina</b>")
    s = click(s, "Join")
    assert any(f"class {code} as" in x.value for x in s.success)
    again = student("home", "learner-0001")  # a reload (a new session, the same browser): still in the class
    assert any(f"class {code} as" in x.value for x in again.success)
    assert classdb.connect().learners(code) == 1
    wrong = student("home", "learner-0002")
    wrong.text_input(key="home.join_code").input("QQQQ")
    wrong = click(wrong, "Join")
    assert any("no class with the code QQQQ" in e.value for e in wrong.error)  # a sentence, not an exception


def test_peer_instruction_vote_discuss_revote_reveal():
    db = classdb.connect()
    code = db.start("PI").code
    db.join(code, "learner-0001", "Mina")
    # before the lesson: the concept check, answered with the truth except the first question
    s = student("lesson_shapes", "learner-0001")
    asked = [checks.ask("shapes", name) for name in checks.CHECKS["shapes"]]
    assert any("Before the lesson" in c.value for c in s.caption)
    for i, a in enumerate(asked):
        key = f"check.shapes.1.{a.id}"
        wrong = "1, 1, 1" if a.kind == "shape" else next(o for o in a.options if o != a.truth)
        value = wrong if i == 0 else (", ".join(map(str, a.truth)) if a.kind == "shape" else a.truth)
        (s.text_input(key=key) if a.kind == "shape" else s.radio(key=key)).set_value(value)
    s = click(s, "Send my answers")
    pre = db.rounds_of(code, "learner-0001", [a.id for a in asked])
    assert [pre[a.id][1][1] for a in asked] == [False] + [True] * (len(asked) - 1)
    assert not any("Before the lesson" in c.value for c in s.caption)  # the lesson opens
    # step 2 (the first convolution's output, truth (28, 28, 16)) held for a vote
    db.set_step_state(code, "shapes/conv", "vote")
    s = student("lesson_shapes", "learner-0001", step="2")
    s = answer_conv(s, "14x14x16")
    assert "Wait for the discussion" in infos(s)
    assert not s.success and not s.error  # no verdict while the vote is held
    assert not any("Open this in the tool" in str(b.label) for b in s.button)  # the tool would show the answer
    assert db.mine(code, "learner-0001", "shapes/conv") == {1: ("(14, 14, 16)", False)}
    db.set_step_state(code, "shapes/conv", "discuss")
    s = ok(s.run())
    assert "Discuss with your neighbour" in infos(s)
    db.set_step_state(code, "shapes/conv", "revote")
    s = ok(s.run())
    assert "Vote again" in infos(s) and "(14, 14, 16)" in infos(s)
    s = answer_conv(s, "28, 28, 16")
    assert "second answer is in" in infos(s)
    db.set_step_state(code, "shapes/conv", "reveal")
    s = ok(s.run())
    assert any("Right" in x.value for x in s.success)  # the verdict of the revote's answer
    (one, two) = db.board(code, ["shapes/conv"])["shapes/conv"]
    assert (one.round, one.answered, one.right, one.answers) == (1, 1, 0, [("(14, 14, 16)", 1, False)])
    assert (two.round, two.answered, two.right, two.answers) == (2, 1, 1, [("(28, 28, 16)", 1, True)])
    # the teacher's board shows the same numbers
    t = teacher()
    t.session_state["board.code"] = code
    t = ok(t.run())
    metrics = {m.label: m.value for m in t.metric}
    assert metrics["Right, vote 1"] == "0 %" and metrics["Right, vote 2"] == "100 %"
    assert any("Took the concept check: 1 before the lesson, 0 after it" in c.value for c in t.caption)


def test_a_student_outside_any_class_gets_the_verdict_at_once():
    s = student("lesson_shapes", "learner-0009", step="2")
    s = answer_conv(s, "28, 28, 16")
    assert any("Right" in x.value for x in s.success)
    assert not any("Before the lesson" in c.value for c in s.caption)


def test_the_teacher_holds_a_step_and_ends_the_class():
    t = teacher()
    t = click(t, "Start the class")
    code = t.session_state["board.code"]
    t.segmented_control(key="board.mode.shapes/conv").set_value("vote").run()
    ok(t)
    assert classdb.connect().step_state(code, "shapes/conv").mode == "vote"
    t.checkbox(key="board.end_sure").check().run()
    t = ok(t.button(key="board.end").click().run())
    with pytest.raises(classdb.ClassError):
        classdb.connect().find(code)


def test_the_database_down_the_lessons_go_on_and_the_student_is_told(monkeypatch):
    db = classdb.connect()
    code = db.start().code
    db.join(code, "learner-0003")
    s = student("lesson_shapes", "learner-0003", step="2")  # in the class (the seat is read once per session)
    monkeypatch.setenv("AECORE_DB", "postgresql+psycopg://nobody@127.0.0.1:1/none")  # now nothing answers there
    s = answer_conv(s, "28, 28, 16")
    assert any("Right" in x.value for x in s.success)  # the lesson goes on, with its verdict
    assert any("not being recorded" in x.value for x in s.toast)


def test_a_returning_learner_first_meets_earlier_questions_with_new_numbers():
    db = classdb.connect()
    code = db.start().code
    db.join(code, "learner-0004")
    db.set_lesson(code, "shapes")
    asked = [checks.ask("shapes", name) for name in checks.CHECKS["shapes"]]
    for a in asked:
        db.record(code, "learner-0004", a.id, 1, "x", False)
    s = student("lesson_conv", "learner-0004")  # another lesson: its page starts with a warm-up
    assert any("Warm-up" in m.value for m in s.markdown)
    shown = [m.value for m in s.markdown if m.value.startswith("**1.**")]
    assert shown and shown[0] != "**1.** " + checks.text(asked[0])  # re-drawn: not the class's version
    first = s.session_state["class.warm.conv"][0]
    assert first.id == asked[0].id and first.values != asked[0].values
    right = ", ".join(map(str, first.truth)) if first.kind == "shape" else first.truth
    (s.text_input(key="warm.conv.0.typed") if first.kind == "shape" else s.radio(key="warm.conv.0.typed")) \
        .set_value(right)
    s = submit(s, "warm.conv.0")
    assert any(x.value.startswith("Right") for x in s.success)
    s = click(s, "On to the lesson")
    assert any("Before the lesson" in c.value for c in s.caption)  # then the lesson's own check
    assert db.rounds_of(code, "learner-0004", [asked[0].id])[asked[0].id] == {1: ("x", False)}  # not recorded


def test_a_class_ended_during_a_held_vote_frees_its_students():
    db = classdb.connect()
    code = db.start().code
    db.join(code, "learner-0005")
    db.set_step_state(code, "shapes/conv", "vote")
    s = student("lesson_shapes", "learner-0005", step="2")
    s = answer_conv(s, "28, 28, 16")
    assert "Wait for the discussion" in infos(s)
    db.end(code)
    s = ok(s.run())  # the page's next poll: the class is gone
    assert any("class has ended" in x.value for x in s.toast)
    assert any("Right" in x.value for x in s.success)  # outside a class: the verdict at once


def test_a_held_choice_whose_truth_comes_with_the_result_is_settled_at_the_reveal():
    """Lesson 5's 'how much does tying save?' knows its truth only when its numbers are drawn: a vote on it is
    stored without a verdict, the board keeps the right answer off the projector, and the student's reveal
    gives the answer its verdict."""
    db = classdb.connect()
    code = db.start().code
    db.join(code, "learner-0006")
    db.set_step_state(code, "stacked/tied", "vote")
    s = student("lesson_stacked", "learner-0006", step="2")
    s.radio(key="course.stacked.tied.picked").set_value("none")
    s = submit(s, "course.stacked.tied.form")
    assert "Wait for the discussion" in infos(s)
    assert db.mine(code, "learner-0006", "stacked/tied") == {1: ("none", None)}  # no verdict yet
    db.set_lesson(code, "stacked")  # the class is on lesson 5: its board
    t = teacher()
    t.session_state["board.code"] = code
    t = ok(t.run())
    assert not any(m.label.startswith("Right, vote") for m in t.metric)  # held: nothing says which is right
    assert any("stays off the board until the reveal" in c.value for c in t.caption)
    db.set_step_state(code, "stacked/tied", "reveal")
    s = ok(s.run())
    assert any("the answer is" in e.value for e in s.error)  # 'none' is wrong: tying halves the weights
    assert db.mine(code, "learner-0006", "stacked/tied") == {1: ("none", False)}  # settled by the reveal
    t = ok(t.run())
    assert {m.label: m.value for m in t.metric}["Right, vote 1"] == "0 %"


def test_a_host_that_is_no_address_is_said_and_the_link_still_works():
    t = click(teacher(), "Start the class")
    code = t.session_state["board.code"]
    t.text_input(key="board.host").input("[fe80::1").run()  # urlsplit refuses it
    ok(t)
    assert any("cannot be read as an address" in w.value for w in t.warning)
    assert any(c.value.endswith(f"/?join={code}") for c in t.code)  # this page's own address
    t.text_input(key="board.host").input("192.168.0.12:8501").run()
    assert any(c.value == f"http://192.168.0.12:8501/?join={code}" for c in ok(t).code)
