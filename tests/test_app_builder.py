"""AppTest: the app and the Layer Builder page, driven by widget keys."""
import pytest
from streamlit.testing.v1 import AppTest

from apptest import clean_caches, ok  # noqa: F401 - clean_caches: a fixture, used below
from conftest import FIXTURES, ROOT

BUILDER = str(ROOT / "pages" / "builder.py")
pytestmark = pytest.mark.usefixtures("clean_caches")  # every test starts with empty caches


def builder(**state):
    at = AppTest.from_file(BUILDER, default_timeout=60)
    for k, v in state.items():
        at.session_state[k] = v
    return at.run()


def table(at):
    return at.table[0].value


def test_app_renders_with_sidebar_and_navigation():
    at = ok(AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run())
    assert at.sidebar.selectbox(key="app.lang").value == "en"
    assert any("CPU" in c.value or "CUDA" in c.value for c in at.sidebar.caption)
    at.switch_page("pages/builder.py")
    ok(at.run())
    assert at.title[0].value.endswith("Layer Builder")


def test_builder_starts_on_the_seed_puzzle():
    at = ok(builder())
    frame = table(at)
    assert list(frame["Output shape"])[1:] == ["(28, 28, 16)", "(14, 14, 16)", "(14, 14, 8)", "(7, 7, 8)", "(4, 4, 8)",
                                               "(4, 4, 8)", "(8, 8, 8)", "(8, 8, 8)", "(16, 16, 8)", "(14, 14, 16)",
                                               "(28, 28, 16)", "(28, 28, 1)"]
    assert "bottleneck" in frame["Layer"][5]
    assert at.success[0].value.startswith("The output (28, 28, 1) equals the input")
    assert at.session_state["builder.model"]["ok"] is True


def test_preset_switch():
    at = builder()
    at.selectbox(key="builder.preset").select("s2-mlp3").run()
    frame = table(ok(at))
    assert "Linear" in list(frame["Layer"]) and frame["Output shape"].iloc[-1] == "(1, 28, 28)"
    assert at.text_input(key="builder.input").value == "1, 28, 28"


def test_editing_a_layer_changes_the_table():
    at = builder()
    at.text_input(key="builder.0.filters").set_value("4").run()
    frame = table(ok(at))
    assert frame["Output shape"][1] == "(28, 28, 4)" and frame["Params"][1] == "40"


def test_invalid_stack_shows_the_failing_row():
    at = builder()
    at.text_input(key="builder.9.kernel_size").set_value("17").run()
    frame = table(ok(at))
    assert frame["Layer"].iloc[-1] == "✗" and "⌊(16 − 17)/1⌋ + 1 = 0" in frame["Why"].iloc[-1]
    assert len(frame) == 1 + 9 + 1  # input, the nine rows before, the failing row
    assert any("Layer 9 fails" in e.value for e in at.error)


def test_padding_fix_shows_the_output_differs_banner():
    at = builder()
    at.selectbox(key="builder.9.padding").select("same").run()
    ok(at)
    assert "(32, 32, 1) is not the input (28, 28, 1)" in at.warning[0].value


def test_add_move_and_remove_layers():
    at = builder()
    n = len(table(at))
    at.selectbox(key="builder.add_type").select("Dropout").run()
    at.button(key="builder.add").click().run()
    assert len(table(ok(at))) == n + 1 and table(at)["Layer"].iloc[-1] == "Dropout"
    uid = at.session_state["builder.layers"][-1]
    at.button(key=f"builder.{uid}.up").click().run()
    assert table(ok(at))["Layer"].iloc[-2] == "Dropout"
    at.button(key=f"builder.{uid}.del").click().run()
    assert len(table(ok(at))) == n


def test_predict_the_shape():
    at = builder()
    at.button(key="builder.quiz_start").click().run()
    row = at.session_state["builder.quiz_row"]
    frame = table(ok(at))
    assert set(frame["Output shape"][row + 1:]) == {"?"}
    from aecore.layers import summarize
    from aecore.presets import make
    stack, shape, _ = make("s0-keras-conv")
    answer = ", ".join(map(str, summarize(stack, shape).rows[row].output_shape))
    at.text_input(key="builder.quiz_answer").set_value(answer).run()
    at.button(key="builder.quiz_check").click().run()
    assert ok(at).success[-1].value.startswith("✓ Right")
    at.text_input(key="builder.quiz_answer").set_value("1, 2, 3").run()
    at.button(key="builder.quiz_check").click().run()
    assert ok(at).error[-1].value.startswith("Not quite")


def test_paste_seed_001_code():
    at = builder()
    at.text_area(key="builder.code").set_value((FIXTURES / "seed_code" / "s001_full_model.py.txt").read_text())
    at.button(key="builder.read").click().run()
    ok(at)
    assert at.session_state["builder.dialect"] == "pytorch" and len(at.session_state["builder.layers"]) == 25
    assert table(at)["Output shape"].iloc[-1] == "(3, 32, 32)"


def test_paste_asks_for_missing_values():
    at = builder()
    at.text_area(key="builder.code").set_value((FIXTURES / "seed_code" / "s001_encoder.py.txt").read_text())
    at.button(key="builder.read").click().run()
    assert "num_input_channels" in ok(at).error[0].value
    for name, value in (("num_input_channels", 1), ("base_channel_size", 8), ("latent_dim", 16)):
        at.button(key="builder.read").click().run()
        at.number_input(key=f"builder.var.{name}").set_value(value).run()
    at.button(key="builder.read").click().run()
    assert table(ok(at))["Layer"].iloc[-1].startswith("Linear")


def test_torch_view_shows_runnable_code():
    at = builder()
    at.toggle(key="builder.torch").set_value(True).run()
    ok(at)
    assert "nn.Conv2d(1, 16, kernel_size=3, padding=1)," in at.code[0].value
    assert table(at)["Output shape"][1] == "(16, 28, 28)"


def test_korean():
    at = builder(**{"app.lang": "ko"})
    assert ok(at).title[0].value.endswith("레이어 빌더")
    assert "앞에 1, 뒤에 1 패딩" in table(at)["이유"][1]


def test_bad_input_shape_is_a_clear_message():
    at = builder()
    at.text_input(key="builder.input").set_value("28, x").run()
    assert "input shape must be" in ok(at).error[0].value
