"""build.py: every intermediate shape equals the table; with Keras's weights, Keras's numbers."""
import json

import numpy as np
import pytest
import torch
from conftest import GOLDEN

from aecore.shapes.build import LowerError, build, load_keras_weights, trace_shapes
from aecore.shapes.layers import summarize
from aecore.shapes.lower import lower, pytorch_code, torch_shape
from aecore.shapes.presets import PRESETS, make

TABLES = json.loads((GOLDEN / "keras_tables.json").read_text())
NUMERIC = json.loads((GOLDEN / "keras_numeric.json").read_text())
ARRAYS = np.load(GOLDEN / "keras_numeric.npz")

UNBUILDABLE = {"channels_first conv", "tconv same op=0 reaches 0 (Keras builds it)",
               "batch norm on map and vector"}  # channels_first, a 0 size, BatchNormalization(center=False)
BUILDABLE = [c for c in TABLES if c["error_index"] is None and c["name"] not in UNBUILDABLE]


@pytest.mark.parametrize("name", sorted(UNBUILDABLE))
def test_unbuildable_golden_stacks_are_refused_with_a_reason(name):
    case = next(c for c in TABLES if c["name"] == name)
    with pytest.raises(LowerError, match=r"^Layer \d+ \("):
        build(summarize(case["stack"], tuple(case["input"])))


def test_most_golden_stacks_are_buildable():
    assert len(BUILDABLE) >= 30


@pytest.mark.parametrize("case", BUILDABLE, ids=[c["name"] for c in BUILDABLE])
def test_builder_shapes_equal_the_table(case):
    s = summarize(case["stack"], tuple(case["input"]))
    model = build(s, check=False)
    assert trace_shapes(model) == [torch_shape(tuple(r["output_shape"]), "keras") for r in case["rows"]]
    assert sum(p.numel() for p in model.parameters()) == s.trainable_params + sum(
        r.params - r.trainable for r in s.rows if r.type != "BatchNormalization")


def keras_io(ci, case):
    ws = [[ARRAYS[f"c{ci}_l{li}_w{wi}"] for wi in range(n)] for li, n in enumerate(case["n_weights"])]
    x, y = torch.from_numpy(ARRAYS[f"c{ci}_x"]), ARRAYS[f"c{ci}_y"]
    return ws, (x.permute(0, 3, 1, 2) if x.ndim == 4 else x), y


@pytest.mark.parametrize("ci", range(len(NUMERIC)), ids=[c["name"] for c in NUMERIC])
def test_same_function_as_keras(ci):
    case = NUMERIC[ci]
    model = build(summarize(case["stack"], tuple(case["input"]))).eval()
    ws, x, y = keras_io(ci, case)
    load_keras_weights(model, ws)
    with torch.no_grad():
        out = model(x)
    out = out.permute(0, 2, 3, 1) if out.ndim == 4 else out
    np.testing.assert_allclose(out.numpy(), y, rtol=1e-4, atol=1e-4)


def test_numeric_cases_cover_same_padding_at_stride_2_on_odd_and_even():
    assert len(NUMERIC) >= 5
    sizes = set()
    for case in NUMERIC:
        s = summarize(case["stack"], tuple(case["input"]))
        for row in s.rows:
            st = row.cfg.get("strides") or (1, 1)
            if row.cfg.get("padding") == "same" and max(st) == 2:
                sizes.update(n % 2 for n in row.input_shape[:2])
    assert sizes == {0, 1}


@pytest.mark.parametrize("ci", range(len(NUMERIC)), ids=[c["name"] for c in NUMERIC])
def test_generated_code_runs_and_is_the_built_model(ci):
    case = NUMERIC[ci]
    s = summarize(case["stack"], tuple(case["input"]))
    model = build(s).eval()
    ws, x, _ = keras_io(ci, case)
    load_keras_weights(model, ws)
    namespace = {}
    exec(pytorch_code(s), namespace)  # our own generated code, run to prove it is runnable and right
    code_model = namespace["model"].eval()
    with torch.no_grad():
        for p_code, p_built in zip(code_model.parameters(), model.parameters(), strict=True):
            p_code.copy_(p_built)
        for b_code, b_built in zip(code_model.buffers(), model.buffers(), strict=True):
            b_code.copy_(b_built)
        torch.testing.assert_close(code_model(x), model(x))


def test_tf_same_padding_is_explicit_when_odd():
    s = summarize([{"type": "Conv2D", "filters": 1, "kernel_size": 3, "strides": 2, "padding": "same"}], (8, 8, 1))
    ops = lower(s)[0]
    assert [o.cls for o in ops] == ["nn.ZeroPad2d", "nn.Conv2d"] and ops[0].args == ((0, 1, 0, 1),)
    s = summarize([{"type": "Conv2D", "filters": 1, "kernel_size": 3, "strides": 2, "padding": "same"}], (7, 7, 1))
    assert [o.cls for o in lower(s)[0]] == ["nn.Conv2d"]  # 7: pad 1 and 1, torch's own padding=1


@pytest.mark.parametrize("stack,shape,needle", [
    ([{"type": "Conv2D", "filters": 2, "kernel_size": 3, "data_format": "channels_first"}], (1, 8, 8), "channels_first"),
    ([{"type": "UpSampling2D", "interpolation": "lanczos3"}], (4, 4, 1), "lanczos3"),
    ([{"type": "Dense", "units": 3, "activation": "sparsemax"}], (4,), "sparsemax"),
    ([{"type": "Conv2DTranspose", "filters": 2, "kernel_size": 2, "padding": "same", "output_padding": 0}], (1, 1, 1), "size is 0"),
])
def test_stacks_that_cannot_train_say_why(stack, shape, needle):
    s = summarize(stack, shape)
    assert s.ok
    with pytest.raises(LowerError, match=needle):
        build(s)


@pytest.mark.parametrize("name", list(PRESETS))
def test_every_preset_builds_and_reconstructs_its_shape(name):
    stack, shape, dialect = make(name)
    s = summarize(stack, shape, dialect)
    model = build(s)
    x = torch.rand((2,) + torch_shape(shape, dialect))
    assert model(x).shape == x.shape
    z = model.encode(x)
    assert model.decode(z).shape == x.shape
    assert tuple(z.shape[1:]) == model.latent_shape


def test_pytorch_dialect_code_and_module_agree():
    stack, shape, dialect = make("s1-uva-conv", base=8, latent=16, channels=3)
    s = summarize(stack, shape, dialect)
    namespace = {}
    exec(pytorch_code(s), namespace)
    code_params = sum(p.numel() for p in namespace["model"].parameters())
    assert code_params == s.total_params == sum(p.numel() for p in build(s).parameters())
