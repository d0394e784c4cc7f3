"""AppTest: the five guided lessons walked step by step in English and Korean; predict, then check; the
hand-over to the tools; a link to a step; the teacher's class view behind its token."""
import re

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from apptest import ok, read, session
from conftest import ROOT, train_once

from aecore.learn import store
from aecore.use.course import LESSONS, ORDER

KEY_LEFT = re.compile(r"\b(course|class|tool|hide)\.[a-z0-9_]+(\.[a-z0-9_]+)*\b")


@pytest.fixture(scope="module")
def home(trained_home):
    """The run's one model store (conftest.trained_home): each model is trained once per run."""
    return trained_home


@pytest.fixture(autouse=True)
def shared_home(home, monkeypatch):
    monkeypatch.setenv("AECORE_HOME", home)


def lesson_page(lesson: str, lang: str = "en", step: int | None = None) -> AppTest:
    st.cache_data.clear()
    at = AppTest.from_file(str(ROOT / "pages" / f"lesson_{lesson}.py"), default_timeout=120)
    at.query_params["lang"] = lang
    if step is not None:
        at.query_params["step"] = str(step)
    return ok(at.run())


def texts(at) -> list[str]:
    out = [m.value for m in at.markdown] + [h.value for h in at.subheader] + [h.value for h in at.title]
    out += [c.value for c in at.caption] + [b.label for b in at.button]
    out += [e.value for e in at.error] + [e.value for e in at.success]
    return out


def no_key_left(at) -> None:
    """No catalogue key reached the screen (t() shows a missing key as itself)."""
    for text in texts(at):
        assert not KEY_LEFT.search(text), text


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("lesson", ORDER)
def test_every_step_of_every_lesson_opens_in_both_languages(lesson, lang):
    """Next through the whole lesson: each step shows its number, its title and its text, raises nothing,
    and shows no untranslated key; in Korean every step's heading is Korean."""
    at = lesson_page(lesson, lang)
    steps = LESSONS[lesson]
    for i, step in enumerate(steps):
        heading = at.subheader[0].value
        assert (f"{i + 1}단계" if lang == "ko" else f"Step {i + 1} of {len(steps)}") in heading, heading
        if lang == "ko":
            assert re.search("[가-힣]", heading.split("·", 1)[1]) or "→" in heading
        no_key_left(at)
        assert session(at).lesson(lesson).step == i
        assert at.query_params["step"] in (str(i + 1), [str(i + 1)])  # the address names the step: a link to it
        if i < len(steps) - 1:
            ok(at.button(key=f"guide.{lesson}.next.top").click().run())
    # arriving at the last step with nothing answered: no green "end", a pointer to the open questions
    assert not at.success
    assert any("last step" in m.value or "마지막 단계" in m.value for m in at.info)


def answer_shape(at, lesson, step_id, typed):
    at.text_input(key=f"course.{lesson}.{step_id}.typed").set_value(typed)
    return ok(at.button(key=f"FormSubmitter:course.{lesson}.{step_id}.form-{'Check my answer'}").click().run())


def submit(at, lesson, step_id):
    form = f"course.{lesson}.{step_id}.form"
    button = next(b for b in at.button if b.key and b.key.startswith(f"FormSubmitter:{form}"))
    return ok(button.click().run())


def test_the_shape_puzzle_predict_then_check():
    """Lesson 1: the table hides the asked row until the learner commits; a right and a wrong answer are
    each explained with the shape the table then shows; an unreadable answer is a message and records
    nothing; the answers survive leaving the lesson and coming back."""
    at = lesson_page("shapes", step=2)  # step 2: layer 0, Conv2D(16, 3, 'same')
    table = at.table[0].value
    assert table.iloc[1].tolist()[2] == "?"  # the asked row is hidden
    at.text_input(key="course.shapes.conv.typed").set_value("28 by 28")
    ok(submit(at, "shapes", "conv"))
    assert "is not a shape: type the output shape" in read(at.error[0])
    assert "conv" not in session(at).lesson("shapes").answers
    at.text_input(key="course.shapes.conv.typed").set_value("28, 28, 16")
    ok(submit(at, "shapes", "conv"))
    assert "Right: (28, 28, 16)" in at.success[0].value
    assert "(28, 28, 16)" in at.table[0].value.iloc[1].tolist()  # now the table shows it
    ok(at.button(key="guide.shapes.next.top").click().run())     # layer 1, pooling
    at.text_input(key="course.shapes.pool.typed").set_value("14, 14, 8")
    ok(submit(at, "shapes", "pool"))
    assert "the answer is (14, 14, 16)" in at.error[0].value
    assert any("channels pass through untouched (16)" in m.value for m in at.markdown)
    ok(at.button(key="guide.shapes.next.top").click().run())     # layer 4: 7 -> 4
    at.text_input(key="course.shapes.odd.typed").set_value("4,4,8")
    ok(submit(at, "shapes", "odd"))
    assert "Right: (4, 4, 8)" in at.success[0].value and any("7 / 2 = 3.5 → 4" in m.value for m in at.markdown)
    ok(at.button(key="guide.shapes.next.top").click().run())
    ok(at.button(key="guide.shapes.next.top").click().run())     # what if 'same' everywhere
    at.text_input(key="course.shapes.fix.typed").set_value("28, 28, 1")
    ok(submit(at, "shapes", "fix"))
    assert "the answer is (32, 32, 1)" in at.error[0].value
    p = session(at).lesson("shapes")
    assert p.right == {"conv": True, "pool": False, "odd": True, "fix": False}
    # another page and back: the answers and the step are where they were
    at.switch_page(str(ROOT / "pages" / "builder.py"))
    ok(at.run())
    at.switch_page(str(ROOT / "pages" / "lesson_shapes.py"))
    ok(at.run())
    assert session(at).lesson("shapes").step == 5 and "Step 6 of 8" in at.subheader[0].value
    assert "the answer is (32, 32, 1)" in at.error[0].value
    ok(at.button(key="course.shapes.fix.again").click().run())  # answer again: the form is back
    assert any(b.key and b.key.startswith("FormSubmitter:course.shapes.fix.form") for b in at.button)


def test_a_choice_must_be_picked_before_it_is_checked():
    at = lesson_page("stacked", step=2)  # how much does tying save? (no training needed)
    ok(submit(at, "stacked", "tied"))
    assert "Pick one answer first" in at.error[0].value and not session(at).lesson("stacked").answers
    at.radio(key="course.stacked.tied.picked").set_value("quarter")
    ok(submit(at, "stacked", "tied"))
    assert "the answer is about half" in at.error[0].value
    assert any("561,934 weights untied, 281,734 tied" in m.value for m in at.markdown)


@pytest.fixture(scope="module")
def trained_shapes(home):
    """Lesson 1's model, trained as the lesson trains it (a warm cache: what the class view's button does)."""
    from aecore.app.guided import DATASETS, configs
    (config,) = configs("shapes", DATASETS["shapes"], "cpu")
    train_once(config, home)
    return config


def test_a_question_about_a_trained_model_is_checked_against_its_numbers(trained_shapes):
    """'Which loss is lower?': the verdict is read from the run's last two losses, and the explanation
    quotes them; the same in Korean."""
    for lang in ("en", "ko"):
        at = lesson_page("shapes", lang, step=7)
        at.radio(key="course.shapes.train.picked").set_value("a")
        ok(submit(at, "shapes", "train"))
        result = store.load(trained_shapes)
        a, b = result.history["train_loss"][-1], result.history["test_loss"][-1]
        shown = " ".join(m.value for m in at.markdown)
        assert f"{a:.4g}" in shown and f"{b:.4g}" in shown
        from aecore.use.course import closer
        right = any(e.icon == ":material/check_circle:" for e in at.success)
        wrong = any(e.icon == ":material/cancel:" for e in at.error)
        assert right == (closer(a, b) == "a") and right != wrong
        assert at.image  # the rebuilt images are on the page
        no_key_left(at)


def test_open_in_the_tool_takes_the_same_state():
    at = lesson_page("shapes", step=6)  # the 'same' padding variant
    ok(at.button(key="guide.shapes.tool").click().run())
    b = session(at).builder
    assert b.origin == "link" and b.layers[9].values.get("padding") == "same"
    at = lesson_page("conv", step=4)  # denoising -> the Denoise tool on the step's images and noise
    ok(at.button(key="guide.conv.tool").click().run())
    use = session(at).use["denoise"]
    assert use.dataset == "digits" and use.model == "s1-uva-conv" and use.values["train_level"] == 0.5


def test_a_cached_result_speaks_each_readers_language():
    """One server: a learner answers lesson 5's tying question in English, then another in Korean. The
    counts are cached once (numbers); the sentence built from them is the second reader's, in Korean."""
    at = lesson_page("stacked", "en", step=2)
    at.radio(key="course.stacked.tied.picked").set_value("half")
    ok(submit(at, "stacked", "tied"))
    english = " ".join(m.value for m in at.markdown)
    assert "own no weight matrix" in english
    ko = AppTest.from_file(str(ROOT / "pages" / "lesson_stacked.py"), default_timeout=120)  # the cache kept
    ko.query_params.update({"lang": "ko", "step": "2"})
    ok(ko.run())
    ko.radio(key="course.stacked.tied.picked").set_value("half")
    ok(submit(ko, "stacked", "tied"))
    shown = [m.value for m in ko.markdown] + [c.value for c in ko.caption] + [e.value for e in ko.success]
    assert any("가중치" in m for m in shown)
    for text in shown:  # no English sentence: every text with three English words in a row is a defect
        assert not re.search(r"\b[A-Za-z]{3,} [a-z]{2,} [a-z]{2,}\b", text), text


def test_a_link_to_a_step_and_hidden_controls():
    at = AppTest.from_file(str(ROOT / "pages" / "lesson_pca.py"), default_timeout=60)
    at.query_params.update({"step": "3", "hide": "steps,tool,dataset", "lang": "ko"})
    ok(at.run())
    assert "3단계" in at.subheader[0].value
    assert not [b for b in at.button if b.key == "guide.pca.tool"] and not at.selectbox
    assert not at.expander  # the step list is hidden
    at = AppTest.from_file(str(ROOT / "pages" / "lesson_pca.py"), default_timeout=60)
    at.query_params.update({"step": "99"})
    ok(at.run())
    assert "Step 3 of 3" in at.subheader[0].value and "step" in at.warning[0].value


def test_the_class_view_needs_the_token(monkeypatch):
    page = str(ROOT / "pages" / "class_view.py")
    monkeypatch.delenv("AECORE_CLASS_TOKEN", raising=False)
    at = ok(AppTest.from_file(page, default_timeout=60).run())
    assert "class view is off" in at.info[0].value and not at.metric
    monkeypatch.setenv("AECORE_CLASS_TOKEN", "s3cret-for-class")
    at = AppTest.from_file(page, default_timeout=60)
    at.query_params["token"] = "guess"
    ok(at.run())
    assert "not this server's token" in at.error[0].value and not at.metric
    at = AppTest.from_file(page, default_timeout=60)
    at.query_params["token"] = "s3cret-for-class"
    ok(at.run())
    labels = [m.label for m in at.metric]
    assert labels == ["Browser sessions connected", "Training now", "Waiting in the queue", "Models ready (saved)"]
    assert [b.key for b in at.button if b.key and b.key.startswith("class.warm.")]  # a warm button per lesson
