"""AppTest: the app and the Layer Builder page, driven by widget keys; its state survives leaving the page."""
import json

import pytest
from apptest import clean_caches, ok, read, session  # noqa: F401 - clean_caches: a fixture, used below
from conftest import FIXTURES, ROOT
from streamlit.testing.v1 import AppTest

APP, BUILDER = str(ROOT / "app.py"), str(ROOT / "pages" / "builder.py")
pytestmark = pytest.mark.usefixtures("clean_caches")  # every test starts with empty caches


def builder(**state):
    at = AppTest.from_file(BUILDER, default_timeout=60)
    for k, v in state.items():
        at.session_state[k] = v
    return at.run()


def table(at):
    return at.table[0].value


def uid(at, position):
    return session(at).builder.layers[position].uid


def test_app_renders_with_sidebar_and_navigation():
    at = ok(AppTest.from_file(APP, default_timeout=60).run())
    assert at.sidebar.selectbox(key="app.lang").value == "en"
    assert any("CPU" in c.value or "CUDA" in c.value for c in at.sidebar.caption)
    at.switch_page("pages/builder.py")
    ok(at.run())
    assert at.title[0].value.endswith("Layer Builder")


def test_builder_starts_on_the_lesson_1_puzzle():
    at = ok(builder())
    frame = table(at)
    assert list(frame["Output shape"])[1:] == ["(28, 28, 16)", "(14, 14, 16)", "(14, 14, 8)", "(7, 7, 8)", "(4, 4, 8)",
                                               "(4, 4, 8)", "(8, 8, 8)", "(8, 8, 8)", "(16, 16, 8)", "(14, 14, 16)",
                                               "(28, 28, 16)", "(28, 28, 1)"]
    assert "bottleneck" in frame["Layer"][5]
    assert at.success[0].value.startswith("The output (28, 28, 1) equals the input")
    assert session(at).builder.stack()[0]["filters"] == 16


def test_presets_are_named_by_lesson_not_seed():
    at = builder()
    labels = [at.selectbox(key="builder.preset").format_func(o) for o in at.selectbox(key="builder.preset").options]
    assert all(not o.startswith("Seed") for o in at.selectbox(key="builder.preset").options)
    at.session_state["aecore.session"].lang = "ko"
    ok(at.run())
    options = at.selectbox(key="builder.preset").options
    assert options[0].startswith("1강 · ") and not any("시드" in o for o in options), (labels, options)


def test_preset_switch():
    at = builder()
    at.selectbox(key="builder.preset").select("s2-mlp3").run()
    frame = table(ok(at))
    assert "Linear" in list(frame["Layer"]) and frame["Output shape"].iloc[-1] == "(1, 28, 28)"
    assert at.text_input(key="builder.input").value == "1, 28, 28"


def test_editing_a_layer_changes_the_table():
    at = builder()
    at.text_input(key=f"builder.{uid(at, 0)}.filters").set_value("4").run()
    frame = table(ok(at))
    assert frame["Output shape"][1] == "(28, 28, 4)" and frame["Params"][1] == "40"


def test_invalid_stack_shows_the_failing_row_and_keeps_the_models_input():
    at = builder()
    at.text_input(key=f"builder.{uid(at, 9)}.kernel_size").set_value("17").run()
    frame = table(ok(at))
    assert frame["Layer"].iloc[-1] == "✗" and "⌊(16 − 17)/1⌋ + 1 = 0" in frame["Why"].iloc[-1]
    assert len(frame) == 1 + 9 + 1  # input, the nine rows before, the failing row
    assert frame["Output shape"][0] == "(28, 28, 1)"  # the model's input, not the failing layer's (16, 16, 8)
    assert any("Layer 9 fails" in e.value for e in at.error)
    assert {m.label: m.value for m in at.metric}["Layers"] == "12"  # every layer counts, not the rows that pass


def test_padding_fix_shows_the_output_differs_banner():
    at = builder()
    at.selectbox(key=f"builder.{uid(at, 9)}.padding").select("same").run()
    ok(at)
    assert "(32, 32, 1) is not the input (28, 28, 1)" in at.warning[0].value


def test_add_move_and_remove_layers():
    at = builder()
    n = len(table(at))
    at.selectbox(key="builder.add_type").select("Dropout").run()
    at.button(key="builder.add").click().run()
    assert len(table(ok(at))) == n + 1 and table(at)["Layer"].iloc[-1] == "Dropout"
    last = uid(at, -1)
    at.button(key=f"builder.{last}.up").click().run()
    assert table(ok(at))["Layer"].iloc[-2] == "Dropout"
    at.button(key=f"builder.{last}.del").click().run()
    assert len(table(ok(at))) == n


def test_predict_the_shape():
    at = builder()
    at.button(key="builder.quiz_start").click().run()
    row = session(at).builder.quiz.row
    frame = table(ok(at))
    assert set(frame["Output shape"][row + 1:]) == {"?"}
    from aecore.shapes.layers import summarize
    from aecore.shapes.presets import make
    stack, shape, _ = make("s0-keras-conv")
    answer = ", ".join(map(str, summarize(stack, shape).rows[row].output_shape))
    at.text_input(key="builder.quiz_answer").set_value(answer).run()
    at.button(key="builder.quiz_check").click().run()
    assert ok(at).success[-1].value.startswith("✓ Right")
    at.text_input(key="builder.quiz_answer").set_value("1, 2, 3").run()
    at.button(key="builder.quiz_check").click().run()
    assert ok(at).error[-1].value.startswith("Not quite")


def test_paste_lesson_2_code_and_start_from_says_so():
    at = builder()
    at.text_area(key="builder.code").set_value((FIXTURES / "seed_code" / "s001_full_model.py.txt").read_text())
    at.button(key="builder.read").click().run()
    ok(at)
    b = session(at).builder
    assert b.dialect == "pytorch" and len(b.layers) == 25 and b.origin == "pasted"
    assert table(at)["Output shape"].iloc[-1] == "(3, 32, 32)"
    box = at.selectbox(key="builder.preset")
    assert box.value == "mine" and box.format_func("mine") == "✎ My stack: pasted code (25 layers)"
    at.selectbox(key="builder.preset").select("s3-dense").run()  # a preset over the pasted stack: one undo
    assert len(session(ok(at)).builder.layers) == 4
    at.button(key="builder.undo").click().run()
    assert len(session(ok(at)).builder.layers) == 25 and table(at)["Output shape"].iloc[-1] == "(3, 32, 32)"


def test_pasted_code_the_reader_refuses_keeps_the_stack_and_says_so():
    at = builder()
    before = [layer.type for layer in session(at).builder.layers]
    at.text_area(key="builder.code").set_value((FIXTURES / "corpus" / "p15_unet_cat_refused.py").read_text())
    at.button(key="builder.read").click().run()
    message = read(ok(at).error[0])
    assert "line 44" in message and "joins several tensors" in message and "Nothing was changed" in message
    assert [layer.type for layer in session(at).builder.layers] == before


def test_pasted_code_with_notes_shows_them_and_the_guessed_input():
    at = builder()
    at.text_area(key="builder.code").set_value((FIXTURES / "corpus" / "p10_block_helper_zip_star.py").read_text())
    at.button(key="builder.read").click().run()
    notes = [read(i) for i in ok(at).info]
    assert any("never uses self.last" in n for n in notes)
    assert any("does not say its input's shape; the table uses 1, 28, 28" in n for n in notes)
    assert table(at)["Output shape"].iloc[-1] == "(256,)"


def test_editing_a_preset_names_it_as_mine():
    at = builder()
    at.text_input(key=f"builder.{uid(at, 0)}.filters").set_value("4").run()
    box = ok(at).selectbox(key="builder.preset")
    assert box.value == "mine" and box.format_func("mine") == "✎ My stack: Lesson 1, edited"


def test_paste_asks_for_missing_values():
    at = builder()
    at.text_area(key="builder.code").set_value((FIXTURES / "seed_code" / "s001_encoder.py.txt").read_text())
    at.button(key="builder.read").click().run()
    assert "num_input_channels" in read(ok(at).error[0])
    for name, value in (("num_input_channels", 1), ("base_channel_size", 8), ("latent_dim", 16)):
        at.button(key="builder.read").click().run()
        at.number_input(key=f"builder.var.{name}").set_value(value).run()
    at.button(key="builder.read").click().run()
    assert table(ok(at))["Layer"].iloc[-1].startswith("Linear")


def test_torch_view_shows_runnable_code():
    at = builder()
    at.toggle(key="builder.torch").set_value(True).run()
    ok(at)
    assert any("nn.Conv2d(1, 16, kernel_size=3, padding=1)," in c.value for c in at.code)  # beside the Keras code
    assert table(at)["Output shape"][1] == "(16, 28, 28)"


def test_korean():
    at = builder()
    session(at).lang = "ko"
    ok(at.run())
    assert at.title[0].value.endswith("레이어 빌더")
    assert "앞에 1, 뒤에 1 패딩" in table(at)["이유"][1]


def test_bad_input_shape_is_a_clear_message():
    at = builder()
    at.text_input(key="builder.input").set_value("28, x").run()
    assert "input shape must be" in read(ok(at).error[0])



@pytest.mark.parametrize("typed", ["1," * 450_000, "9" * 900_000, "(" * 900_000], ids=["commas", "digits", "parens"])
def test_a_900_kb_input_shape_is_a_short_message(typed):
    """Issue 11: what the internet sends into the input-shape box (900 kB) gives a message of a line,
    not an uncaught error and not the 900 kB echoed back; the stack is untouched."""
    at = builder()
    before = table(at)
    at.text_input(key="builder.input").set_value(typed).run()
    message = read(ok(at).error[0])
    assert "input shape must be" in message and len(message) < 300
    assert session(at).builder.layers and len(session(at).builder.layers) == len(before) - 1


def test_korean_input_shape_message_is_not_markdown():
    """'1~1048576 ... 1~4개' must not render as strikethrough: the ~ reach the page escaped."""
    at = builder()
    session(at).lang = "ko"
    at.run()
    at.text_input(key="builder.input").set_value("28, x").run()
    message = ok(at).error[0].value
    assert "1\\~1048576" in message and "1\\~4" in message


def test_builder_welcome_builder_keeps_everything():
    """The walk that lost the stack: edit, go to Welcome, come back, edit again."""
    at = ok(AppTest.from_file(APP, default_timeout=60).run())
    at.switch_page("pages/builder.py").run()
    first = uid(at, 0)
    at.text_input(key=f"builder.{first}.filters").set_value("4").run()
    at.text_input(key="builder.input").set_value("28, 28, 1").run()
    at.switch_page("pages/home.py").run()
    ok(at)
    at.switch_page("pages/builder.py").run()
    ok(at)
    assert at.text_input(key="builder.input").value == "28, 28, 1" and not at.error
    assert at.text_input(key=f"builder.{first}.filters").value == "4"
    assert table(at)["Output shape"][1] == "(28, 28, 4)"
    at.text_input(key="builder.input").set_value("28, 28, 1 ").run()  # typing again once back: no KeyError
    at.text_input(key=f"builder.{first}.filters").set_value("6").run()
    assert table(ok(at))["Output shape"][1] == "(28, 28, 6)"


def test_train_this_model_hands_over_the_learners_stack():
    at = ok(AppTest.from_file(APP, default_timeout=60).run())
    at.switch_page("pages/builder.py").run()
    at.selectbox(key="builder.preset").select("s4-stacked").run()
    at.button(key="builder.to_train").click().run()  # an untouched preset: Train takes the preset itself
    at.switch_page("pages/train.py").run()  # (AppTest does not follow a script's own st.switch_page; Chromium does)
    ok(at)
    assert at.title[0].value.endswith("Train") and at.selectbox(key="train.model").value == "s4-stacked"
    at.switch_page("pages/builder.py").run()
    at.text_input(key=f"builder.{uid(at, 1)}.units").set_value("64").run()  # now it is the learner's own
    at.button(key="builder.to_train").click().run()
    at.switch_page("pages/train.py").run()
    ok(at)
    assert at.selectbox(key="train.model").value == "custom"
    assert any("Your stack from the Layer Builder (6 layers)" in i.value for i in at.info)
    assert any("My stack: 6 layers, keras, input (28, 28, 1)" in c.value for c in at.caption)
    at.slider(key="train.epochs").set_value(1)
    at.button(key="FormSubmitter:train.form-Train").click().run()
    job = session(ok(at)).train.job
    assert job.config.model == "custom" and json.loads(job.config.stack)[1]["units"] == 64
    job.join(120)


def test_a_layers_rarer_fields_are_drawn_only_while_their_box_is_open():
    """The rarer keywords (dilation_rate, use_bias, ...) cost every rerun of the Builder when drawn for every
    layer; they are drawn when their layer's box is open, and what is typed there reaches the table."""
    at = ok(builder())
    first = uid(at, 0)
    keys = {w.key for w in at.text_input} | {w.key for w in at.selectbox}
    assert f"builder.{first}.filters" in keys and f"builder.{first}.dilation_rate" not in keys
    at.session_state[f"builder.{first}.more"] = True  # the learner opens the box
    ok(at.run())
    at.text_input(key=f"builder.{first}.dilation_rate").input("2").run()
    ok(at)
    assert session(at).builder.layers[0].values["dilation_rate"] == "2"
