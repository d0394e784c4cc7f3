"""Links a teacher can share: the codec on its own, and pages opened from valid, invalid and hostile URLs."""
import base64
import zlib

import pytest
from apptest import clean_caches, ok, read, session  # noqa: F401 - clean_caches: a fixture, used below
from conftest import ROOT
from streamlit.testing.v1 import AppTest

from aecore.app import links
from aecore.app.state import Session
from aecore.shapes.presets import make

pytestmark = pytest.mark.usefixtures("clean_caches")


def fresh(page: str, params: dict) -> Session:
    s = Session()
    links.apply(s, params, page, "cpu")
    return s


def notices(s: Session) -> list[str]:
    return [key for key, _ in s.notices]


# ---- the codec -------------------------------------------------------------------------------------------

def test_a_stack_round_trips_compactly():
    stack, _, _ = make("s1-uva-conv")
    text = links.encode_stack(stack)
    assert links.decode_stack(text, "pytorch") == stack
    assert len(text) < 700 and text.isascii() and "=" not in text and "+" not in text and "/" not in text


def test_state_to_link_and_back():
    s = Session()
    s.builder.load_choice("s2-mlp3")
    s.builder.layers[1].values["out_features"] = "96"
    s.builder.edited = True
    s.train.model, s.train.dataset = "custom", "faces"
    st = s.train.settings_for("faces", "custom", "cpu")
    st.epochs, st.lr, st.noise, st.noise_level = 12, 1e-2, "masking", 0.35
    s.lang, s.hide = "ko", frozenset({"advanced"})
    params = links.page_params(s, "train")
    again = fresh("train", params)
    assert again.notices == [] and again.lang == "ko" and again.hide == {"advanced"}
    assert again.train.model == "custom" and again.train.dataset == "faces"
    assert again.builder.stack() == s.builder.stack() and again.builder.dialect == "pytorch"
    back = again.train.settings_for("faces", "custom", "cpu")
    assert (back.epochs, back.lr, back.noise, back.noise_level) == (12, 1e-2, "masking", 0.35)


def test_an_untouched_preset_travels_by_name():
    s = Session()
    s.builder.load_choice("s3-dense")
    assert links.builder_params(s.builder) == {"preset": "s3-dense"}
    assert fresh("builder", {"preset": "s3-dense"}).builder.stack() == make("s3-dense")[0]


@pytest.mark.parametrize("params, notice", [
    ({"epochs": "100000"}, "link.clamped"), ({"epochs": "-3"}, "link.clamped"), ({"epochs": "ten"}, "link.bad_value"),
    ({"epochs": "nan"}, "link.bad_value"), ({"epochs": "1e400"}, "link.bad_value"), ({"batch": "100"}, "link.nearest"),
    ({"lr": "0.5"}, "link.nearest"), ({"loss": "hinge"}, "link.bad_value"), ({"level": "0.33"}, "link.clamped"),
    ({"data": "../../etc/passwd"}, "link.bad_choice"), ({"model": "<script>"}, "link.bad_choice"),
    ({"lang": "fr"}, "link.bad_choice"), ({"hide": "everything"}, "link.bad_hide"),
    ({"params": "base:100000"}, "link.clamped"), ({"params": "evil:1"}, "link.bad_value"),
])
def test_bad_values_are_corrected_or_refused_with_a_notice(params, notice):
    s = fresh("train", {"model": "s1-uva-conv", **params})
    assert notice in notices(s)
    settings = s.train.settings_for(s.train.dataset, s.train.model, "cpu")
    assert 1 <= settings.epochs <= 100 and settings.batch_size in (16, 32, 64, 128, 256, 512, 1024)
    assert settings.loss in ("auto", "bce", "mse") and s.lang in ("en", "ko") and 4 <= settings.params.get("base", 64) <= 128


def bomb(n: int) -> str:
    return base64.urlsafe_b64encode(zlib.compress(b"[" + b" " * n + b"]", 9)).decode().rstrip("=")


@pytest.mark.parametrize("stack, reason", [
    ("not base64 at all!", "unreadable"), (bomb(4_000_000), "too_long"), ("A" * 7000, "value"),
    (links.encode_stack({"type": "Conv2D"}), "not_a_stack"), (links.encode_stack([{"type": "os.system"}]), "unknown_layer"),
    (links.encode_stack([{"type": "Dense", "units": [[[[[[1]]]]]]}]), "not_a_stack"),
    (links.encode_stack([{"type": "Dense"}] * 500), "not_a_stack"),
], ids=["garbage", "zip-bomb", "huge", "dict", "unknown-type", "deep", "too-many-layers"])
def test_hostile_stacks_are_refused_whole_without_unpacking_much(stack, reason, monkeypatch):
    assert len(stack) <= links.MAX_VALUE or reason == "value"  # (the bomb is small: it only grows when unpacked)
    unpacked, real = [], zlib.decompressobj

    class Counting:  # zlib's decompressor, counting the bytes it hands out
        def __init__(self):
            self._z = real()

        def decompress(self, data, max_length=0):
            out = self._z.decompress(data, max_length)
            unpacked.append(len(out))
            return out

        def __getattr__(self, name):
            return getattr(self._z, name)
    monkeypatch.setattr(links.zlib, "decompressobj", Counting)
    s = fresh("builder", {"stack": stack, "dialect": "keras", "input": "28,28,1"})
    assert sum(unpacked) <= links.MAX_STACK_JSON  # a 4 MB bomb is cut at 64 kB, on any machine
    assert unpacked or reason in ("unreadable", "value")  # the bomb was unpacked (in part) through the counter
    assert notices(s) == (["link.too_long"] if reason == "value" else ["link.bad_stack_" + reason])
    assert s.builder.stack() == make("s0-keras-conv")[0]  # the Builder keeps its own stack


def test_too_many_or_too_long_values():
    s = fresh("train", {f"x{i}": "1" for i in range(100)} | {"epochs": "x" * 10_000})
    assert "link.too_many" in notices(s)
    s = fresh("train", {"epochs": "9" * 10_000})
    assert notices(s) == ["link.too_long"]


# ---- pages opened from a link ------------------------------------------------------------------------------

def open_page(name: str, query: dict) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages" / f"{name}.py"), default_timeout=60)
    for k, v in query.items():
        at.query_params[k] = v
    return ok(at.run())


def test_a_builder_link_opens_the_same_stack():
    s = Session()
    s.builder.load_choice("s0-keras-conv")
    s.builder.layers[0].values["filters"] = "4"
    s.builder.edited = True
    at = open_page("builder", {**links.page_params(s, "builder"), "hide": "paste,quiz"})
    assert at.table[0].value["Output shape"][1] == "(28, 28, 4)" and not at.warning
    assert session(at).hide == {"paste", "quiz"}
    assert not any("Predict the shape" in m.value for m in at.markdown)  # hidden by the link
    assert not at.text_area  # the paste box is hidden too


def test_a_train_link_sets_the_form():
    at = open_page("train", {"lang": "ko", "data": "faces", "model": "s4-stacked", "epochs": "25", "batch": "64",
                             "lr": "0.01", "params": "hidden:200,coding:30", "hide": "advanced"})
    assert at.title[0].value.endswith("학습") and at.selectbox(key="train.dataset").value == "faces"
    assert (at.slider(key="train.epochs").value, at.select_slider(key="train.batch").value,
            at.select_slider(key="train.lr").value) == (25, 64, 0.01)
    settings = session(at).train.settings_for("faces", "s4-stacked", "cpu")
    assert settings.params == {"hidden": 200, "coding": 30} and not at.number_input  # advanced hidden


def test_a_tampered_link_says_so_and_opens_anyway():
    at = open_page("train", {"epochs": "9999", "data": "'; DROP TABLE", "stack": "%%%", "model": "custom",
                             "hide": "<b>x</b>"})
    text = " ".join(read(w) for w in at.warning)
    assert "epochs = 9999 is out of range; 100 is used" in text
    assert "'data' cannot be ''; DROP TABLE'" in text and "there is nothing called <b>x</b> to hide" in text
    assert "its model could not be read" in text
    assert at.slider(key="train.epochs").value == 100
    at.run()  # shown once, not on every run
    assert not at.warning


def test_the_address_bar_follows_the_state():
    at = open_page("train", {})
    at.slider(key="train.epochs").set_value(21)
    at.button(key="FormSubmitter:train.form-Train").click().run()
    session(at).train.job.join(120)
    ok(at.run())
    assert at.query_params["epochs"] in ("21", ["21"]) and at.query_params["data"] in ("digits", ["digits"])


def test_a_flood_of_bad_values_is_one_notice():
    """700 unusable model parameters: one notice that counts them (not 700 warnings down the page)."""
    s = fresh("train", {"model": "s1-uva-conv", "params": ",".join(f"x{i}:1" for i in range(700)), "epochs": "0"})
    assert notices(s) == ["link.many"] and s.notices[0][1]["n"] == 701
    assert s.notices[0][1]["names"] == "epochs, params"
    bad_stack = fresh("train", {"model": "custom", "stack": "not base64!", "params": ",".join(f"x{i}:1" for i in range(9))})
    assert notices(bad_stack) == ["link.bad_stack_unreadable"]  # params are not read for a custom model
    mixed = links.summary([("link.bad_stack_unreadable", {})] + [("link.clamped", {"name": f"p{i}"}) for i in range(7)])
    assert [k for k, _ in mixed] == ["link.bad_stack_unreadable", "link.many"]  # a refused stack is always said
    assert mixed[1][1] == {"n": 7, "names": "p0, p1, p2, p3, p4, …"}
    few = fresh("train", {"epochs": "0", "lr": "7"})
    assert notices(few) == ["link.clamped", "link.nearest"]  # a few are each said as before
