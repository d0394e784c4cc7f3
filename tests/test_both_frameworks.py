"""One model, both frameworks (issue 20, part 5): the Keras code and the PyTorch code of a stack, the two shape
tables aligned row by row with the rows that differ explained, and a trained model's settings as a notebook.

Oracles: the PyTorch code is executed and every intermediate shape compared with the table; the Keras code is
read back with ``ast`` and compared with the committed Keras 3 golden tables (Keras is not installed here) or,
for a translated PyTorch stack, summarized by the Keras rules those goldens check; the 'same function' claims
are checked numerically by building the Keras translation with ``build`` and giving it torch's weights."""
import ast
import json
import sys
from unittest.mock import MagicMock

import nbformat
import pytest
import torch
from apptest import clean_caches, ok, session  # noqa: F401 - clean_caches: a fixture, used below
from conftest import GOLDEN, ROOT
from streamlit.testing.v1 import AppTest

from aecore.learn.config import TrainConfig, plan
from aecore.learn.notebook import notebook
from aecore.shapes import presets
from aecore.shapes.both import aligned, hwc, keras_code, keras_layers
from aecore.shapes.build import build
from aecore.shapes.layers import summarize
from aecore.shapes.lower import LowerError, lower, pytorch_code, torch_shape
from aecore.text import using

TABLES = json.loads((GOLDEN / "keras_tables.json").read_text())
SMALL_PRESETS = {"s1-uva-conv": {"base": 4, "latent": 8}, "s4-stacked": {"hidden": 16, "coding": 8}}


def conv(f, k=3, **kw):
    return {"type": "Conv2D", "filters": f, "kernel_size": k, **kw}


def tconv(i, o, **kw):
    return {"type": "ConvTranspose2d", "in_channels": i, "out_channels": o, "kernel_size": 3, **kw}


ODD = {  # stacks where the frameworks differ in every way the notes explain
    "keras-odd": ([conv(4, 4, strides=2, padding="same"), {"type": "MaxPooling2D", "padding": "same"},
                   {"type": "Conv2DTranspose", "filters": 3, "kernel_size": 3, "strides": 2, "padding": "same"},
                   {"type": "Conv2DTranspose", "filters": 2, "kernel_size": 2, "strides": 3},
                   {"type": "Dense", "units": 5}, {"type": "Flatten"}, {"type": "Dense", "units": 48},
                   {"type": "Reshape", "target_shape": [4, 4, 3]}], (9, 9, 2), "keras"),
    "torch-odd": ([{"type": "Conv2d", "in_channels": 3, "out_channels": 4, "kernel_size": 3, "stride": 2, "padding": 1},
                   {"type": "BatchNorm2d", "num_features": 4}, {"type": "LeakyReLU", "negative_slope": 0.1},
                   {"type": "Conv2d", "in_channels": 4, "out_channels": 4, "kernel_size": 3, "padding": 1},
                   {"type": "ZeroPad2d", "padding": [1, 0, 1, 0]}, {"type": "MaxPool2d", "kernel_size": 2},
                   tconv(4, 6, stride=2, padding=1, output_padding=1), {"type": "Upsample", "scale_factor": 2,
                                                                       "mode": "bilinear"},
                   {"type": "Dropout2d", "p": 0.1}, tconv(6, 3, padding=1), {"type": "Sigmoid"}],
                  (3, 12, 10), "pytorch"),
    "torch-none": ([{"type": "Conv2d", "in_channels": 1, "out_channels": 2, "kernel_size": 3, "padding": 1,
                     "padding_mode": "reflect"}, {"type": "Linear", "in_features": 8, "out_features": 8},
                    {"type": "Upsample", "size": [10, 10]}, {"type": "ReLU"}], (1, 8, 8), "pytorch"),
}


def cases():
    out = {}
    for name in presets.PRESETS:
        out[name] = presets.make(name, **SMALL_PRESETS.get(name, {}))
    return {**out, **ODD}


def summary_of(name):
    stack, shape, dialect = cases()[name]
    s = summarize(stack, shape, dialect)
    assert s.ok, s.error
    return stack, s


# ---- the PyTorch code runs, and its every shape is the table's ---------------------------------------------

@pytest.mark.parametrize("name", [n for n in cases() if n != "torch-none"])
def test_the_pytorch_code_runs_and_every_shape_is_the_tables(name):
    stack, s = summary_of(name)
    namespace = {}
    exec(compile(pytorch_code(s), name, "exec"), namespace)  # noqa: S102 - the code the Builder shows
    model = namespace["model"].eval()
    ops, blocks, sides = list(model), lower(s), aligned(s)
    x = torch.rand((2,) + torch_shape(s.input_shape, s.dialect))
    i = 0
    with torch.no_grad():
        for row, block, side in zip(s.rows, blocks, sides):
            for _ in block:
                x = ops[i](x)
                i += 1
            assert tuple(x.shape[1:]) == side.torch_shape == torch_shape(row.output_shape, s.dialect), row
            if side.keras_shape is not None:  # the same sizes, in Keras's order
                assert hwc(side.torch_shape) == side.keras_shape
    assert i == len(ops)


# ---- the Keras code, read back ----------------------------------------------------------------------------

def read_keras(code: str):
    """(the keras.Input shape, [layer dicts]) of generated Keras code, read with ast."""
    tree = ast.parse(code)
    seq = next(n for n in ast.walk(tree) if isinstance(n, ast.Call) and ast.unparse(n.func) == "keras.Sequential")
    first, *calls = seq.args[0].elts
    assert ast.unparse(first.func) == "keras.Input"
    shape = ast.literal_eval(first.keywords[0].value)
    layers = []
    for call in calls:
        assert isinstance(call.func, ast.Attribute) and ast.unparse(call.func.value) == "layers"
        assert not call.args  # keywords only: each one maps to a stack key
        layers.append({"type": call.func.attr, **{k.arg: ast.literal_eval(k.value) for k in call.keywords}})
    return shape, layers


@pytest.mark.parametrize("case", [c for c in TABLES if c.get("error") is None], ids=lambda c: c["name"])
def test_keras_code_of_the_golden_stacks_is_their_stack_and_input(case):
    s = summarize(case["stack"], case["input"], "keras")
    assert s.ok, s.error
    shape, layers = read_keras(keras_code(s, case["stack"]))
    assert list(shape) == case["input"]
    dropped = ("input_shape", "input_dim")
    assert layers == [{k: v for k, v in layer.items() if k not in dropped} for layer in case["stack"]]
    try:
        sides = aligned(s)
    except LowerError:  # no PyTorch model for it (channels_first, a size of 0, ...): the Builder says so
        return
    assert [list(x.keras_shape) for x in sides] == [r["output_shape"] for r in case["rows"]]


@pytest.mark.parametrize("name", ["s1-uva-conv", "s2-mlp3", "torch-odd"])
def test_a_pytorch_stack_as_keras_code_has_every_shape_of_the_torch_table(name):
    """The Keras code read back, summarized by the Keras rules (checked against Keras 3 itself): after each
    row's layers the shape is torch's, reordered to (H, W, C)."""
    _, s = summary_of(name)
    shape, layers = read_keras(keras_code(s, []))
    assert shape == hwc(s.input_shape)
    k = summarize(layers, shape, "keras")
    assert k.ok, k.error
    at = 0
    for row in s.rows:
        at += len(keras_layers(row)[0])
        assert k.rows[at - 1].output_shape == hwc(row.output_shape), row


def test_a_row_with_no_keras_layer_says_why_and_the_code_says_it_will_not_run():
    _, s = summary_of("torch-none")
    sides = aligned(s)
    assert [x.keras for x in sides] == ["", "", "", "ReLU"] and sides[0].keras_shape is None
    assert "padding_mode='reflect'" in sides[0].note and "zeros only" in sides[0].note
    assert "acts on the last axis, the width" in sides[1].note
    assert "UpSampling2D repeats by whole factors" in sides[2].note
    assert sides[3].keras_shape == (10, 10, 2) and not sides[3].differs
    code = keras_code(s, [])
    assert code.count("# ✗") == 4 and "Rows with no Keras layer: 3" in code


# ---- the notes are claims: where they apply, and that they are true ----------------------------------------

def test_the_notes_mark_exactly_the_rows_where_the_frameworks_differ():
    _, s = summary_of("keras-odd")
    notes = [x.note for x in aligned(s)]
    assert "top 1, bottom 2, left 1, right 2" in notes[0]         # 'same' on 9, k=4, s=2: total 3, odd
    assert "ceil_mode=True" in notes[1]                          # pooling 5 -> 3 with a partial window
    assert "gives 6" in notes[2] and "= 7" in notes[2] and "crops" in notes[2]  # 'same': n·s, torch crops
    assert "gives 18" in notes[3] and "output_padding=1" in notes[3]  # 'valid', k < s: n·s, torch needs +1
    assert "1×1" in notes[4] and "channels-last" in notes[5] and "(4, 4, 3)" in notes[7]
    _, s0 = summary_of("s0-keras-conv")
    assert not any(x.differs for x in aligned(s0))               # every 'same' there pads evenly
    _, s2 = summary_of("s2-mlp3")
    assert not any(x.differs for x in aligned(s2))               # one channel: both orders are the same
    _, s1 = summary_of("s1-uva-conv")
    differs = [x.index for x in aligned(s1) if x.differs]
    assert differs == [0, 4, 8, 10, 14, 15, 19, 23]              # stride-2 pads, flatten, unflatten, tconvs


def test_the_translation_computes_the_same_function_given_the_same_weights():
    """'The same function' in the notes: the Keras translation of a PyTorch stack (built as a Keras-dialect
    model) gives the torch model's output when it gets the torch model's weights."""
    _, s = summary_of("torch-odd")
    shape, layers = read_keras(keras_code(s, []))
    torch.manual_seed(0)
    mine, theirs = build(s).eval(), build(summarize(layers, shape, "keras")).eval()
    with torch.no_grad():
        for a, b in zip(mine.state_dict().values(), theirs.state_dict().values()):
            assert a.shape == b.shape
            b.copy_(a)
        x = torch.rand((3,) + s.input_shape)
        assert torch.allclose(mine(x), theirs(x), atol=1e-6)


def test_notes_speak_korean():
    _, s = summary_of("s1-uva-conv")
    with using("ko"):
        notes = [x.note for x in aligned(s)]
    assert "양쪽에 1씩 패딩합니다" in notes[0] and "채널 먼저" in notes[10]


# ---- the notebook ----------------------------------------------------------------------------------------

def run_notebook(nb, monkeypatch):
    plt = MagicMock()
    plt.subplots.return_value = (MagicMock(), MagicMock())
    monkeypatch.setitem(sys.modules, "matplotlib", MagicMock(pyplot=plt))
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", plt)
    namespace = {}
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        source = "\n".join(line for line in cell.source.splitlines() if not line.lstrip().startswith(("%", "!")))
        source = source.replace("SMALL = False", "SMALL = True")
        exec(compile(source, "notebook", "exec"), namespace)  # noqa: S102 - the notebook's own cells
    return namespace, plt


@pytest.mark.parametrize("model", ["s0-keras-conv", "s2-mlp3"])
def test_the_notebook_runs_and_reconstructs_images_of_the_tables_shape(model, monkeypatch):
    config = TrainConfig(dataset="digits", model=model, epochs=3, batch_size=16, noise="gaussian", noise_level=0.2)
    nb = notebook(config)
    nbformat.validate(nb)
    assert "SMALL = False" in nb.cells[2].source and "EPOCHS = 1 if SMALL else 3" in nb.cells[2].source
    assert nb.cells[0].source.startswith("# %pip install")
    namespace, plt = run_notebook(nb, monkeypatch)
    p = plan(config)
    assert namespace["EPOCHS"] == 1 and len(namespace["x_train"]) == 64
    assert tuple(namespace["recon"].shape) == (8, p.channels, p.height, p.width)
    out = torch_shape(p.summary.output_shape, p.summary.dialect)
    assert tuple(namespace["model"](namespace["to_model"](namespace["x_test"][:2])).shape[1:]) == out
    assert plt.show.called
    assert namespace["x_train"].shape[1:] == (1, 28, 28) and float(namespace["x_train"].max()) <= 1


@pytest.mark.parametrize("dataset", ["digits", "faces", "textures", "ihc"])
def test_the_notebook_loads_the_offline_sets_as_the_app_does(dataset):
    """Its data cell, in plain code, gives the app's own test images and labels."""
    from aecore.learn import data
    nb = notebook(TrainConfig(dataset=dataset, model="s2-mlp3", epochs=1))
    namespace = {}
    for cell in (nb.cells[2], nb.cells[4]):  # the settings, the data
        exec(compile(cell.source.replace("SMALL = False", "SMALL = True"), dataset, "exec"), namespace)  # noqa: S102
    images = data.load(dataset)
    shown = namespace["x_test"]  # SMALL: the first 8 test images
    assert len(shown) == 8 and torch.equal(shown, images.test_x[:8].float() / 255)
    assert torch.equal(torch.as_tensor(namespace["y_test"]), images.test_y)


def test_the_notebook_of_torchvision_and_medmnist_uses_their_loaders():
    for dataset, needle in (("mnist", "datasets.MNIST(\"data\", train=split, download=True)"),
                            ("cifar10", "datasets.CIFAR10("), ("pathmnist", "medmnist.PathMNIST(split=split, "
                                                                             "download=True")):
        nb = notebook(TrainConfig(dataset=dataset, model="s2-mlp3", epochs=1))
        assert needle in nb.cells[4].source
        compile(nb.cells[4].source, dataset, "exec")


# ---- the pages --------------------------------------------------------------------------------------------

@pytest.mark.usefixtures("clean_caches")
def test_the_builder_shows_both_codes_and_the_aligned_table():
    at = AppTest.from_file(str(ROOT / "pages" / "builder.py"), default_timeout=60).run()
    at.toggle(key="builder.torch").set_value(True).run()
    ok(at)
    codes = [c.value for c in at.code]
    assert any("nn.Conv2d(1, 16, kernel_size=3, padding=1)," in c for c in codes)
    assert any("layers.Conv2D(filters=16, kernel_size=3, padding='same', activation='relu')," in c for c in codes)
    frame = at.table[1].value
    assert list(frame["Keras (H, W, C)"])[:2] == ["(28, 28, 16)", "(14, 14, 16)"]
    assert list(frame["PyTorch (C, H, W)"])[:2] == ["(16, 28, 28)", "(16, 14, 14)"]
    session(at).builder.load_choice("s1-uva-conv")
    ok(at.run())
    frame = at.table[1].value
    assert frame["≠"][0] == "≠" and "ZeroPadding2D" in frame["Where they differ"][0]
    at.button(key="builder.quiz_start").click().run()  # a shape quiz: the aligned table would give the answer away
    assert len(ok(at).table) == 1 and "One model, both frameworks" not in [h.value for h in at.subheader]


@pytest.mark.usefixtures("clean_caches")
def test_the_train_page_offers_the_notebook_after_training():
    at = ok(AppTest.from_file(str(ROOT / "pages" / "train.py"), default_timeout=90).run())
    at.slider(key="train.epochs").set_value(1)
    ok(at.button(key="FormSubmitter:train.form-Train").click().run())
    session(at).train.job.join(300)
    ok(at.run())
    labels = [b.proto.label for b in at.get("download_button")]
    assert "Download as a notebook (.ipynb)" in labels
