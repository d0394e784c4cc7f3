"""AppTest: a learner's lessons kept on the server under their id. A new session of the same learner (a
reload: new session state, the same cookie) gets the answers, verdicts and the lesson's choices back, also
after a restart of the server (its caches emptied: the store reads the files); a link's step wins over
the stored one; another learner gets nothing. (The cookie itself is tested in Chromium:
test_browser_reload.py.)"""
import streamlit as st
from streamlit.testing.v1 import AppTest

from apptest import ok, session
from conftest import ROOT
from aecore.use import learners


def lesson(page: str, learner: str | None, **query) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages" / f"lesson_{page}.py"), default_timeout=120)
    if learner is not None:
        at.session_state["aecore.learner"] = learner   # what the cookie gives a reloaded tab
    at.query_params.update(query)
    return ok(at.run())


def submit(at, lesson_name, step_id):
    form = f"course.{lesson_name}.{step_id}.form"
    button = next(b for b in at.button if b.key and b.key.startswith(f"FormSubmitter:{form}"))
    return ok(button.click().run())


def test_a_new_session_of_the_same_learner_gets_its_lessons_back():
    learner = learners.new_id()
    at = lesson("shapes", learner, step="3")
    at.text_input(key="course.shapes.pool.typed").set_value("14 x 14 x 16")
    ok(submit(at, "shapes", "pool"))
    at = lesson("pca", learner)                      # another lesson's own choice: its dataset
    ok(at.selectbox(key="guide.pca.dataset").set_value("faces").run())

    again = lesson("shapes", learner)               # no step in the URL: the stored one
    p = session(again).lesson("shapes")
    assert p.step == 2 and p.answers == {"pool": "14 x 14 x 16"} and p.right == {"pool": True}
    assert "Right: (14, 14, 16)" in again.success[0].value
    assert session(again).lesson("pca").values["dataset"] == "faces"

    st.cache_resource.clear()                        # a restarted server: the store reads its files
    linked = lesson("shapes", learner, step="5")     # a link's step wins, the answers stay
    p = session(linked).lesson("shapes")
    assert p.step == 4 and p.answers == {"pool": "14 x 14 x 16"} and "Step 5 of 8" in linked.subheader[0].value

    other = lesson("shapes", learners.new_id(), step="3")
    assert not session(other).lesson("shapes").answers and not other.success
    anyone = lesson("shapes", None, step="3")      # no cookie: a new id, nothing stored
    assert not session(anyone).lesson("shapes").answers
    assert learners.valid_id(anyone.session_state["aecore.learner"])
    assert anyone.session_state["aecore.learner"] != learner


def test_answer_again_is_kept_too():
    learner = learners.new_id()
    at = lesson("shapes", learner, step="2")
    at.text_input(key="course.shapes.conv.typed").set_value("28, 28, 16")
    ok(submit(at, "shapes", "conv"))
    ok(at.button(key="course.shapes.conv.again").click().run())
    assert not session(lesson("shapes", learner)).lesson("shapes").answers
