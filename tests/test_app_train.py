"""AppTest: the Train page trains one short run, shows progress, then the result; the cache answers next."""
import json

import pytest
from streamlit.testing.v1 import AppTest

from apptest import clean_caches, ok  # noqa: F401 - clean_caches: a fixture, used below
from conftest import ROOT

TRAIN = str(ROOT / "pages" / "train.py")
pytestmark = pytest.mark.usefixtures("clean_caches")  # every test starts with empty caches


def page(**state):
    at = AppTest.from_file(TRAIN, default_timeout=90)
    for k, v in state.items():
        at.session_state[k] = v
    return ok(at.run())


def submit(at):
    return ok(at.button(key="FormSubmitter:train.form-Train").click().run())


def test_train_shows_progress_then_the_result_then_the_cache():
    at = page()
    assert "press Train" in at.info[0].value
    at.slider(key="train.epochs").set_value(3)
    submit(at)
    job = at.session_state["train.job"]
    assert len(at.get("progress")) == 1 and at.button(key="train.stop")  # the live view, with its Stop button
    job.join(120)
    assert job.snapshot().phase == "done"
    ok(at.run())
    assert at.success[0].value.startswith("Trained in")
    assert len(at.get("image")) == 1  # originals over reconstructions
    assert any("Device: **CPU**" in c.value and "Training images: **1,437**" in c.value for c in at.caption)
    submit(at)  # the same settings again in this session: no second job
    assert at.session_state["train.job"] is job
    other = page()  # another learner, the same settings: straight from the cache, nothing trains
    other.slider(key="train.epochs").set_value(3)
    submit(other)
    assert "train.job" not in other.session_state
    assert other.success[0].value.startswith("Already trained with these settings (kept in memory)")


def test_a_builder_stack_that_does_not_reconstruct_is_refused_with_a_link():
    bad = {"stack": [{"type": "Flatten"}, {"type": "Dense", "units": 10}], "input_shape": (28, 28, 1),
           "dialect": "keras", "ok": True}
    at = page(**{"builder.model": bad})
    at.selectbox(key="train.model").select("custom").run()
    submit(at)
    assert "is not its input" in at.error[0].value
    assert any("Layer Builder" in m.value for m in at.markdown)  # a link back, plain when the page runs alone


def test_a_good_builder_stack_trains():
    stack = [{"type": "Flatten"}, {"type": "Dense", "units": 16, "activation": "relu"},
             {"type": "Dense", "units": 784, "activation": "sigmoid"}, {"type": "Reshape", "target_shape": [28, 28, 1]}]
    at = page(**{"builder.model": {"stack": stack, "input_shape": (28, 28, 1), "dialect": "keras", "ok": True}})
    at.selectbox(key="train.model").select("custom").run()
    at.slider(key="train.epochs").set_value(1)
    submit(at)
    job = at.session_state["train.job"]
    job.join(120)
    assert job.snapshot().phase == "done" and json.loads(job.config.stack) == stack


def test_no_stack_yet_points_to_the_builder():
    at = page()
    at.selectbox(key="train.model").select("custom").run()
    assert "Build a stack in the Layer Builder first" in ok(at).info[0].value
