"""The app layer without streamlit (aecore.app): the page list, the field table, the default configs, the
lessons' configs — in milliseconds, no page run, no training. One AppTest checks that the Train form's widgets
are the table's."""
import ast
from dataclasses import fields as dataclass_fields

import pytest
from conftest import ROOT

from aecore.app import defaults, fields, guided, links, pages
from aecore.app.fields import FIELDS, TRAIN
from aecore.app.state import Session, TrainSettings
from aecore.learn import data
from aecore.learn.config import plan
from aecore.shapes import presets
from aecore.use import course

KINDS = ("cpu", "cuda")


# ---- the page list ---------------------------------------------------------------------------------------------

def test_every_page_file_is_listed_once_and_every_listed_page_exists():
    files = {p.name for p in (ROOT / "pages").glob("*.py")}
    assert {p.file.removeprefix("pages/") for p in pages.PAGES.values()} == files
    assert [p.slug for p in pages.in_group("lessons")] == ["lesson_" + name for name in course.ORDER]
    assert sum(p.default for p in pages.PAGES.values()) == 1 and pages.PAGES["home"].default
    assert {p.group for p in pages.PAGES.values()} == set(pages.GROUPS)


def test_a_use_page_starts_on_a_model_it_can_train():
    for p in pages.PAGES.values():
        if p.kind == "use":
            assert p.model in presets.PRESETS or p.model == "custom", p.slug
            assert Session().page(p.slug).model == p.model
        else:
            assert not p.model and not p.choose_model, p.slug
    assert pages.hideable("train") == pages.HIDEABLE["train"] and pages.hideable("home") == ()
    assert pages.hideable("lesson_conv") == pages.HIDEABLE["lesson"] and pages.hideable("nowhere") == ()


def test_app_py_and_the_lessons_read_the_page_list():
    """No page's file is written anywhere but the list: app.py, the lessons and the pages name pages by slug."""
    for path in [ROOT / "app.py", *(ROOT / "aecore").rglob("*.py"), *(ROOT / "pages").glob("*.py")]:
        if path.name == "pages.py":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                assert not (node.value.startswith("pages/") and node.value.endswith(".py")), (path.name, node.value)


# ---- the field table ----------------------------------------------------------------------------------------------

def test_the_table_holds_every_setting_of_the_form():
    settings = {f.name for f in dataclass_fields(TrainSettings)} - {"params"}
    assert {f.attr for f in TRAIN} == settings
    assert len(FIELDS) == len(TRAIN) and {f.group for f in TRAIN} == set(fields.GROUPS)
    assert set(fields.GROUPS) < set(pages.HIDEABLE["train"])  # each group is a control a link may hide


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("dataset", data.OFFLINE + ("mnist", "cifar10", "pathmnist"))
def test_every_default_is_a_value_the_form_offers(dataset, kind):
    for model in presets.PRESETS:
        s = Session().train.settings_for(dataset, model, kind)
        for f in TRAIN:
            value = getattr(s, f.attr)
            assert f.clamp(value) == value, (dataset, model, f.url, value)
            assert f.read(f.write(value)) == (value, None), (f.url, value)
        specs = presets.PRESETS[model].params
        for name, value in s.params.items():
            f = fields.field_for(name, specs[name])
            assert f.read(f.write(value)) == (value, None), (model, name, value)


@pytest.mark.parametrize("url, raw, used, notice", [
    ("epochs", "500", 100, "link.clamped"), ("epochs", "0", 1, "link.clamped"), ("epochs", "12", 12, None),
    ("lr", "0.002", 0.003, "link.nearest"), ("lr", "1e-3", 0.001, None), ("batch", "100", 128, "link.nearest"),
    ("batch", "-5", 16, "link.nearest"), ("level", "0.33", 0.35, "link.clamped"), ("level", "7", 1.0, "link.clamped"),
    ("sparsity", "0", 0.0, None), ("sparsity", "0.05", 0.1, "link.nearest"), ("max", "5", 16, "link.clamped"),
    ("seed", "3", 3, None), ("loss", "mse", "mse", None), ("noise", "masking", "masking", None),
])
def test_a_value_from_outside_becomes_one_the_form_offers(url, raw, used, notice):
    value, said = FIELDS[url].read(raw)
    assert value == used and type(value) is type(used)
    assert (said[0] if said else None) == notice
    if said:
        assert said[1] == {"name": url, "value": raw, "used": fields.number(used)}


@pytest.mark.parametrize("url, raw", [("epochs", "1.5"), ("epochs", "nan"), ("lr", "inf"), ("batch", "lots"),
                                      ("loss", "hinge"), ("noise", ""), ("seed", "1e400")])
def test_a_value_that_cannot_be_read_is_refused(url, raw):
    with pytest.raises((ValueError, OverflowError)):
        FIELDS[url].read(raw)


def test_a_link_is_written_and_read_through_the_table():
    s = Session()
    s.train.model = "s1-uva-conv"
    st = s.train.settings_for(s.train.dataset, "s1-uva-conv", "cpu")
    st.epochs, st.lr, st.noise, st.noise_level, st.params["latent"] = 33, 1e-2, "gaussian", 0.45, 96
    params = links.page_params(s, "train")
    assert [k for k in params if k in FIELDS] == [f.url for f in TRAIN]  # the table's order
    back = Session()
    links.apply(back, params, "train")
    assert not back.notices
    assert back.train.settings_for(back.train.dataset, "s1-uva-conv", "cpu") == st


# ---- one default config per (model, dataset, device kind) ---------------------------------------------------------

@pytest.mark.parametrize("kind", KINDS)
def test_the_defaults_plan_and_the_form_starts_from_them(kind):
    for dataset in data.OFFLINE:
        for model in presets.PRESETS:
            c = defaults.config(model, dataset, kind)
            plan(c)  # a model the data fits
            s = Session().train.settings_for(dataset, model, kind)
            assert (s.epochs, s.batch_size, s.lr) == (c.epochs, c.batch_size, c.lr)
    assert dict(defaults.config("s1-uva-conv", "ihc", "cpu").model_params) == {"base": 16, "latent": 64}
    assert defaults.config("s1-uva-conv", "ihc", "cuda").model_params == ()


@pytest.mark.parametrize("kind", KINDS)
def test_the_lessons_train_the_tool_pages_own_configs(kind):
    """A lesson and a tool share one cache entry: the same config, made in one place."""
    shapes, = guided.configs("shapes", "digits", kind)
    assert shapes == defaults.config("s0-keras-conv", "digits", kind)
    conv, plain, dae = guided.configs("conv", "ihc", kind)
    assert conv == defaults.config("s1-uva-conv", "ihc", kind)
    assert plain == defaults.config("s1-uva-conv", "digits", kind)
    assert dae.noise == "gaussian" and dae.noise_level == guided.NOISE_TRAIN
    assert guided.configs("code3d", "digits", kind) == [defaults.config("s2-mlp3", "digits", kind)]


def test_open_in_tool_sets_the_tool_state_and_names_the_page():
    s = Session()
    steps = {step.id: step for step in course.LESSONS["conv"]}
    tool_steps = [step for step in course.LESSONS["conv"] if step.tool]
    assert tool_steps
    for step in tool_steps:
        assert guided.open_in_tool(s, "conv", step, "ihc", "cpu") == step.tool and step.tool in pages.PAGES
    if "noise" in steps and steps["noise"].tool == "denoise":
        assert s.use["denoise"].values["train_level"] == guided.NOISE_TRAIN


# ---- the form draws the table --------------------------------------------------------------------------------------

def test_the_train_form_draws_every_field_of_the_table():
    from apptest import ok
    from streamlit.testing.v1 import AppTest
    at = ok(AppTest.from_file(str(ROOT / "pages" / "train.py"), default_timeout=60).run())
    kinds = {"slider": at.slider, "select_slider": at.select_slider, "radio": at.radio, "selectbox": at.selectbox,
             "number_input": at.number_input}
    s = at.session_state["aecore.session"].train.settings_for("digits", "s0-keras-conv", "cpu")
    for f in TRAIN:
        w = kinds[f.widget](key="train." + f.url)
        assert w.value == getattr(s, f.attr), f.url
        if f.widget in ("slider", "number_input"):
            assert (w.min, w.max) == (f.low, f.high), f.url
        else:
            assert len(w.options) == len(f.options), f.url
    for name in s.params:
        assert at.number_input(key=f"train.p.s0-keras-conv.{name}").value == s.params[name]


# ---- values set past the widgets (issue 18: injected into the session) ----------------------------------------------

def test_values_set_past_the_widgets_are_clamped_or_refused_with_a_notice():
    s = Session()
    st = s.train.settings_for("digits", "s1-uva-conv", "cpu")
    st.epochs, st.lr, st.batch_size, st.max_train, st.loss = 10**6, float("nan"), -5, 10**9, "hinge"
    st.noise_level, st.params["latent"], st.params["base"] = 0.33, 10**9, "many"
    fresh = Session().train.settings_for("digits", "s1-uva-conv", "cpu")
    said = fields.settle(st, presets.PRESETS["s1-uva-conv"].params, fresh)
    assert (st.epochs, st.batch_size, st.max_train, st.noise_level) == (100, 16, 1_000_000, 0.35)
    assert st.lr == fresh.lr and st.loss == "auto"  # no value at all: the default again, and said
    specs = presets.PRESETS["s1-uva-conv"].params
    assert st.params["latent"] == specs["latent"].high and st.params["base"] == specs["base"].default
    keys = [(k, v["name"]) for k, v in said]
    assert keys[:6] == [("link.clamped", "epochs"), ("link.nearest", "batch"), ("link.bad_value", "lr"),
                        ("link.bad_value", "loss"), ("link.clamped", "level"), ("link.clamped", "max")]  # form order
    assert sorted(keys[6:]) == [("link.bad_value", "base"), ("link.clamped", "latent")]
    assert fields.settle(st, specs, fresh) == []  # settled: nothing more to say
    st.params["bogus"], st.params["channels"] = 3, 3  # no size of this model / one the dataset sets: dropped
    said = fields.settle(st, specs, fresh)
    assert [v["value"] for _, v in said] == ["bogus:3", "channels:3"] and "bogus" not in st.params
    s.train.model = "s1-uva-conv"
    assert "bogus" not in links.page_params(s, "train")["params"]  # the address bar never fails on it


def test_the_train_page_says_what_it_changed_and_draws_the_form():
    from apptest import ok
    from streamlit.testing.v1 import AppTest
    at = ok(AppTest.from_file(str(ROOT / "pages" / "train.py"), default_timeout=60).run())
    st = at.session_state["aecore.session"].train.settings_for("digits", "s0-keras-conv", "cpu")
    st.epochs, st.lr, st.batch_size, st.max_train = 10**6, float("nan"), -5, 10**9
    ok(at.run())
    warnings = " ".join(w.value for w in at.warning)
    assert "epochs = 1000000 is out of range; 100 is used." in warnings and "'nan' is not a value for lr" in warnings
    assert at.slider(key="train.epochs").value == 100 and at.number_input(key="train.max").value == 1_000_000
    assert at.select_slider(key="train.batch").value == 16
