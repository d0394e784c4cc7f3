"""AppTest: lesson 5's TensorFlow 1 code pasted into the Layer Builder: the table it builds, or the sentence that
says why not and the button that opens the built-in model instead."""
from unittest import mock

import pytest
from apptest import clean_caches, ok, read, session  # noqa: F401 - clean_caches: a fixture, used below
from conftest import FIXTURES, ROOT
from streamlit.testing.v1 import AppTest

from aecore.shapes import presets

BUILDER = str(ROOT / "pages" / "builder.py")
pytestmark = pytest.mark.usefixtures("clean_caches")


def paste(name):
    at = AppTest.from_file(BUILDER, default_timeout=60).run()
    at.text_area(key="builder.code").set_value((FIXTURES / "tf1" / name).read_text())
    at.button(key="builder.read").click().run()
    return ok(at)


def test_the_stacked_tf1_code_reads_into_its_table():
    at = paste("s004_stacked.py.txt")
    frame = at.table[0].value
    assert list(frame["Layer"])[1:] == ["Dense", "Dense ◆ bottleneck", "Dense", "Dense"]
    assert list(frame["Output shape"]) == ["(784,)", "(300,)", "(150,)", "(300,)", "(784,)"]
    assert {m.label: m.value for m in at.metric}["Total params"] == "561,934"
    assert any("TensorFlow 1 graph code: the placeholder is the input" in read(i) for i in at.info)
    assert not at.error and session(at).builder.origin == "pasted"


def test_tied_tf1_code_says_why_and_opens_lesson_5s_model():
    at = paste("s004_tied.py.txt")
    before = session(at).builder.stack()
    message = read(at.error[0])
    assert "line 23: this is TensorFlow 1 graph code with tied weights" in message
    assert "Stacked & tied" in message and "Lesson 5 · stacked 784-300-150-300-784 (ELU)" in message
    assert "Nothing was changed" in message and session(at).builder.stack() == before
    assert at.button(key="builder.way.tied").label == "Go to the Stacked & tied page"
    button = at.button(key="builder.way.s4-stacked")
    assert button.label == "Open Lesson 5 · stacked 784-300-150-300-784 (ELU) here"
    button.click().run()
    b = session(ok(at)).builder
    stack, shape, dialect = presets.make("s4-stacked")
    assert b.stack() == stack and b.dialect == dialect and b.input_text == ", ".join(map(str, shape))
    assert b.origin == "s4-stacked" and b.unchanged_preset() == "s4-stacked"
    assert not at.error and at.selectbox(key="builder.preset").value == "s4-stacked"
    assert at.table[0].value["Output shape"].iloc[-1] == "(28, 28, 1)"


def test_the_tied_button_goes_to_the_stacked_and_tied_page():
    at = paste("s004_tied.py.txt")
    with mock.patch("streamlit.switch_page") as switch:
        at.button(key="builder.way.tied").click().run()
    ok(at)
    switch.assert_called_once_with("pages/stacked.py")


def test_untied_tf1_code_it_cannot_read_offers_only_the_stacked_model():
    at = AppTest.from_file(BUILDER, default_timeout=60).run()
    at.text_area(key="builder.code").set_value(
        "import tensorflow as tf\nX = tf.placeholder(tf.float32, [None, 784])\n"
        "noisy = X + 0.1 * tf.random_normal(tf.shape(X))\nh = tf.layers.dense(noisy, 32)\n")
    at.button(key="builder.read").click().run()
    message = read(ok(at).error[0])
    assert message.startswith("This is TensorFlow 1 graph code") and "line 3:" in message
    keys = [b.key for b in at.button if b.key and b.key.startswith("builder.way.")]
    assert keys == ["builder.way.s4-stacked"]


def test_korean():
    at = AppTest.from_file(BUILDER, default_timeout=60)
    at.run()
    session(at).lang = "ko"
    at.text_area(key="builder.code").set_value((FIXTURES / "tf1" / "s004_tied.py.txt").read_text())
    at.button(key="builder.read").click().run()
    message = read(ok(at).error[0])
    assert message.startswith("23번째 줄:") and "묶은 가중치" in message
    assert at.button(key="builder.way.tied").label == "'적층과 묶은 가중치' 페이지로 가기"
    assert at.button(key="builder.way.s4-stacked").label.startswith("여기서 열기: 5강 · 적층")
