"""The code reader against the frameworks themselves, on a corpus of model definitions written after public
tutorial code (tests/fixtures/corpus, each citing its source).

Keras files are compared with Keras 3's own rows (tests/golden/corpus_keras.json, made by
tools/make_corpus_goldens.py in a side environment); PyTorch files with a real forward pass through the real
torch.nn module, here: every module call is hooked, in order, with its output shape and parameters. Row by
row: type, output shape, parameters, the total, the failing layer; and the refusals say what they refuse.
"""
import json
from unittest import mock

import pytest
import torch
from corpus_run import files, headers, input_shape, model_of, run_file
from conftest import ROOT

from aecore.shapes.layers import summarize
from aecore.shapes.parse import ParseError, guess_input_shape, read_code

GOLDEN = json.loads((ROOT / "tests" / "golden" / "corpus_keras.json").read_text())["files"]
KERAS = [p for p in files("k")]
TORCH = [p for p in files("p")]
# Rows a PyTorch forward may make with a function instead of a module (F.relu, x.view, F.max_pool2d ...):
# the reader shows them as rows, torch's hooks cannot see them.
FUNCTIONAL_KINDS = {"ReLU", "Sigmoid", "Tanh", "LeakyReLU", "ELU", "GELU", "SiLU", "Softmax", "Flatten",
                    "Unflatten", "MaxPool2d", "AvgPool2d", "Upsample", "Dropout"}


def read(path):
    parsed = read_code(path.read_text())
    return parsed, summarize(parsed.stack, input_shape(path) or guess_input_shape(parsed), parsed.dialect)


def test_the_corpus_is_large_and_cites_its_sources():
    assert len(KERAS) + len(TORCH) >= 30
    for path in KERAS + TORCH:
        head = headers(path)
        owner_repo, _, where = head["source"].partition(" ")
        assert owner_repo.count("/") == 1 and where, path.name
        assert {"construct", "expect"} <= set(head), path.name
        assert "model" in head or head["expect"].startswith("refuse"), path.name


# ---- Keras --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", [p for p in KERAS if not headers(p)["expect"].startswith("refuse")],
                         ids=lambda p: p.name)
def test_keras_rows_equal_keras_3(path):
    golden = GOLDEN[path.name]
    parsed = read_code(path.read_text())
    if "rows" not in golden:  # Keras refused to build it: the table must fail at the same layer, saying why
        summary = summarize(parsed.stack, input_shape(path) or guess_input_shape(parsed), parsed.dialect)
        assert not summary.ok and summary.error_index == golden["error_index"], summary.error
        assert parsed.stack[summary.error_index]["type"] == golden["error_type"]
        assert f"fails {golden['error_index']}" == headers(path)["expect"]
        return
    shape = tuple(golden["input_shape"])
    if parsed.input_shape is not None:  # the code says its input: it must be the one Keras built
        assert tuple(parsed.input_shape) == shape
    summary = summarize(parsed.stack, shape, parsed.dialect)
    assert summary.ok, summary.error
    ours = [(r.type, list(r.output_shape), r.params) for r in summary.rows]
    theirs = [(g["type"], g["output_shape"], g["params"]) for g in golden["rows"]]
    assert ours == theirs
    assert summary.total_params == golden["total_params"]
    assert list(summary.output_shape) == golden["output_shape"]


# ---- PyTorch -------------------------------------------------------------------------------------------

def torch_calls(model, shape, batch=2):
    """[(module type, output shape, params)] of every leaf module call in a real forward pass, in order, and the
    output; or the module that raised and the calls before it."""
    calls, entered, hooks = [], [], []
    leaves = [m for m in model.modules() if not list(m.children())]
    for m in leaves:
        hooks.append(m.register_forward_pre_hook(lambda mod, args: entered.append(mod)))
        hooks.append(m.register_forward_hook(
            lambda mod, args, out: calls.append((mod, tuple(out.shape[1:])))))
    model.eval()
    try:
        with torch.no_grad():
            out = model(torch.zeros((batch,) + tuple(shape)))
        failed = None
    except RuntimeError:
        out, failed = None, entered[-1]
    finally:
        for h in hooks:
            h.remove()
    rows = [(type(m).__name__, list(s), sum(p.numel() for p in m.parameters())) for m, s in calls]
    return rows, out, failed, {id(m) for m, _ in calls}


def align(ours, theirs):
    """Every module call matches a row of ours, in order; rows of ours between them may only be what a function
    makes (F.relu, x.view ...)."""
    i = 0
    for kind, shape, params in theirs:
        while i < len(ours) and ours[i][0] != kind:
            assert ours[i][0] in FUNCTIONAL_KINDS, f"row {i} ({ours[i][0]}) is not in PyTorch's forward"
            i += 1
        assert i < len(ours), f"PyTorch calls {kind} {shape}, which the table lacks"
        assert ours[i] == (kind, shape, params), f"row {i}: {ours[i]} but PyTorch has {(kind, shape, params)}"
        i += 1
    assert all(r[0] in FUNCTIONAL_KINDS for r in ours[i:]), ours[i:]


@pytest.mark.parametrize("path", [p for p in TORCH if not headers(p)["expect"].startswith("refuse")],
                         ids=lambda p: p.name)
def test_pytorch_rows_equal_a_real_forward_pass(path):
    head = headers(path)
    offline = {name: mock.MagicMock(name=name) for name in ("torchvision", "torchvision.datasets",
                                                            "torchvision.transforms", "torchvision.utils")}
    model = model_of(path, run_file(path, offline))  # no dataset is downloaded, no training loop runs
    shape = input_shape(path)
    rows, out, failed, called = torch_calls(model, shape, int(head.get("batch", 2)))
    parsed, summary = read(path)
    ours = [(r.type, list(r.output_shape), r.params) for r in summary.rows]
    if head["expect"].startswith("fails"):
        assert failed is not None and not summary.ok
        assert summary.error_index == int(head["expect"].split()[1])
        assert parsed.stack[summary.error_index]["type"] == type(failed).__name__
        align(ours, rows)  # the calls before the failure are the rows before it
        return
    assert failed is None and summary.ok, summary.error
    if isinstance(out, tuple):  # forward returns (code, reconstruction): the reader follows the reconstruction
        out = max(out, key=lambda o: o.numel())
    align(ours, rows)
    assert list(summary.output_shape) == list(out.shape[1:])
    used = sum(p.numel() for m in model.modules() if id(m) in called for p in m.parameters(recurse=False))
    assert summary.total_params == used
    unused = sum(p.numel() for p in model.parameters()) - used
    if unused:  # layers made but never used: PyTorch counts them, the table cannot, and a note says so
        assert any("never uses" in n for n in parsed.notes), parsed.notes


# ---- refusals ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", [p for p in KERAS + TORCH if headers(p)["expect"].startswith("refuse")],
                         ids=lambda p: p.name)
def test_refusals_say_what_they_refuse(path):
    words = headers(path)["expect"].split(":", 1)[1].strip()
    with pytest.raises(ParseError) as e:
        read_code(path.read_text())
    assert words in str(e.value) and e.value.line, str(e.value)
