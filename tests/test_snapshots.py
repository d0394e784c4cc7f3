"""Snapshots of the text the app prints: the CLI's shape tables (both dialects, a failing stack, Korean),
its ``--json``, and the Builder's generated PyTorch code. Each case is one file in tests/snapshots/; a
change of format fails here with a unified diff.

    python -m pytest tests/test_snapshots.py --update   # rewrite the files from today's output, then
                                                        # review `git diff tests/snapshots/` and commit it
"""
import contextlib
import difflib
import io
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass

import pytest
from conftest import FIXTURES, ROOT, SNAPSHOTS_WRITTEN

SNAPSHOTS = ROOT / "tests" / "snapshots"
MIN_CASES = 16  # so that a broken case list cannot pass by collecting nothing


@dataclass(frozen=True)
class Case:
    name: str        # the file's name in tests/snapshots/
    args: tuple      # python -m aecore ... (CLI cases) or ("code" | "keras", preset) for generated code
    stdin: str = ""
    rc: int = 0      # the exit status the CLI must give


def _stack(layers):
    return json.dumps(layers)


# A PyTorch-dialect stack typed by hand (not a preset): BatchNorm2d, MaxPool2d, Upsample, ConvTranspose2d.
TORCH_STACK = _stack([
    {"type": "Conv2d", "in_channels": 1, "out_channels": 8, "kernel_size": 3, "padding": 1},
    {"type": "BatchNorm2d", "num_features": 8}, {"type": "ReLU"}, {"type": "MaxPool2d", "kernel_size": 2},
    {"type": "Conv2d", "in_channels": 8, "out_channels": 4, "kernel_size": 3, "stride": 2, "padding": 1},
    {"type": "ReLU"}, {"type": "Upsample", "scale_factor": 2},
    {"type": "ConvTranspose2d", "in_channels": 4, "out_channels": 1, "kernel_size": 2, "stride": 2},
    {"type": "Sigmoid"}])
# Keras: a 20x20 kernel on a 14x14 map; the table stops before row 2 and names the rule and the numbers.
KERAS_FAILS = _stack([
    {"type": "Conv2D", "filters": 16, "kernel_size": 3, "padding": "same", "activation": "relu"},
    {"type": "MaxPooling2D", "pool_size": 2, "padding": "same"},
    {"type": "Conv2D", "filters": 8, "kernel_size": 20},
    {"type": "UpSampling2D"}])
# PyTorch: a Linear whose in_features is not what Flatten gives it.
TORCH_FAILS = _stack([
    {"type": "Conv2d", "in_channels": 1, "out_channels": 4, "kernel_size": 3, "stride": 2, "padding": 1},
    {"type": "Flatten"}, {"type": "Linear", "in_features": 100, "out_features": 16}])
# Valid layers, but the output is not the input's shape: the last line says so (exit status 0).
NOT_AN_AUTOENCODER = _stack([
    {"type": "Conv2D", "filters": 16, "kernel_size": 3, "padding": "same"},
    {"type": "MaxPooling2D", "pool_size": 2}, {"type": "Conv2D", "filters": 8, "kernel_size": 3, "strides": 2},
    {"type": "Flatten"}])

PRESET_DIALECTS = {"s0-keras-conv": "keras", "s1-uva-conv": "pytorch", "s2-mlp3": "pytorch", "s3-dense": "keras",
                   "s4-stacked": "keras"}
CASES = [
    *[Case(f"table-{p}-{d}.txt", ("summary", "--preset", p)) for p, d in PRESET_DIALECTS.items()],
    Case("table-pytorch-stack.txt", ("summary", "--input", "1,28,28"), TORCH_STACK),
    Case("table-keras-fails.txt", ("summary", "--input", "28,28,1"), KERAS_FAILS, rc=2),
    Case("table-pytorch-fails.txt", ("summary", "--input", "1,28,28"), TORCH_FAILS, rc=2),
    Case("table-not-an-autoencoder.txt", ("summary", "--input", "28,28,1"), NOT_AN_AUTOENCODER),
    Case("table-code-s001-full-model.txt", ("summary", "--code", "tests/fixtures/seed_code/s001_full_model.py.txt")),
    Case("table-s0-keras-conv.ko.txt", ("summary", "--preset", "s0-keras-conv", "--lang", "ko")),
    Case("table-keras-fails.ko.txt", ("summary", "--input", "28,28,1", "--lang", "ko"), KERAS_FAILS, rc=2),
    Case("json-s0-keras-conv.json", ("summary", "--preset", "s0-keras-conv", "--json")),
    Case("json-keras-fails.json", ("summary", "--input", "28,28,1", "--json"), KERAS_FAILS, rc=2),
    *[Case(f"code-{p}.py.txt", ("code", p)) for p in ("s0-keras-conv", "s1-uva-conv", "s3-dense")],
    *[Case(f"keras-{p}.py.txt", ("keras", p)) for p in ("s0-keras-conv", "s1-uva-conv")],  # the Keras side of both
]


def cli(case: Case) -> str:
    """What ``python -m aecore ...`` prints, run as a learner runs it (its own process)."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    p = subprocess.run([sys.executable, "-m", "aecore", *case.args], input=case.stdin, capture_output=True, check=False,
                       encoding="utf-8", cwd=ROOT, env=env, timeout=120)
    assert p.returncode == case.rc, f"exit status {p.returncode}, expected {case.rc}; stderr:\n{p.stderr}"
    assert p.stderr == "", p.stderr
    return p.stdout


def generated_code(preset: str):
    from aecore.shapes.layers import summarize
    from aecore.shapes.lower import pytorch_code
    from aecore.shapes.presets import make
    summary = summarize(*make(preset))
    return summary, pytorch_code(summary)


def render(case: Case) -> str:
    """The case's text as it is stored in its file."""
    if case.args[0] == "code":
        return generated_code(case.args[1])[1]
    if case.args[0] == "keras":
        from aecore.shapes.both import keras_code
        from aecore.shapes.layers import summarize
        from aecore.shapes.presets import make
        stack, shape, dialect = make(case.args[1])
        return keras_code(summarize(stack, shape, dialect), stack)
    out = cli(case)
    if case.name.endswith(".json"):
        data = json.loads(out)
        # the CLI prints one compact line with the characters themselves (⌈, 층), not \u escapes; the file
        # holds the same object indented, so that a change shows as a readable diff
        assert out == json.dumps(data, ensure_ascii=False) + "\n"
        return pretty(data) + "\n"
    return out


def pretty(value, pad="") -> str:
    """JSON indented one key per line, with lists of numbers on one line: a shape reads (28, 28, 1)-like."""
    inner = pad + "  "
    if isinstance(value, dict) and value:
        items = [f"{inner}{json.dumps(k, ensure_ascii=False)}: {pretty(v, inner)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + f"\n{pad}}}"
    if isinstance(value, list) and any(isinstance(v, (dict, list)) for v in value):
        return "[\n" + ",\n".join(inner + pretty(v, inner) for v in value) + f"\n{pad}]"
    return json.dumps(value, ensure_ascii=False)


def check_snapshot(request, name: str, actual: str) -> None:
    path = SNAPSHOTS / name
    if request.config.getoption("--update"):
        if not path.exists() or path.read_text(encoding="utf-8") != actual:
            SNAPSHOTS.mkdir(exist_ok=True)
            path.write_text(actual, encoding="utf-8")
            request.config.stash[SNAPSHOTS_WRITTEN].append(str(path.relative_to(ROOT)))
        return
    if not path.exists():
        pytest.fail(f"no snapshot {path.relative_to(ROOT)}: run `python -m pytest tests/test_snapshots.py --update`, "
                    "then review and commit the new file", pytrace=False)
    expected = path.read_text(encoding="utf-8")
    if expected != actual:
        diff = "".join(difflib.unified_diff(expected.splitlines(keepends=True), actual.splitlines(keepends=True),
                                            f"tests/snapshots/{name} (stored)", f"{name} (printed now)"))
        if expected.rstrip("\n") == actual.rstrip("\n"):
            diff += "\n(only the newlines at the end differ)"
        pytest.fail(f"the output differs from its snapshot (a deliberate change? rerun with --update and review "
                    f"the diff):\n{diff}", pytrace=False)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_snapshot(request, case):
    check_snapshot(request, case.name, render(case))


def test_the_case_list_is_whole():
    """Not vacuous: the cases are all there, named once, each preset in its dialect, and no stored file is
    left without a case (a renamed case would otherwise leave its old file behind, never checked)."""
    from aecore.shapes.presets import PRESETS
    names = [c.name for c in CASES]
    assert len(names) >= MIN_CASES and len(set(names)) == len(names)
    assert PRESET_DIALECTS == {n: p.dialect for n, p in PRESETS.items()}  # a new preset needs its table here
    assert (FIXTURES / "seed_code" / "s001_full_model.py.txt").exists()
    assert any(".ko." in n for n in names) and any(c.rc == 2 for c in CASES)
    stored = {p.name for p in SNAPSHOTS.iterdir()} if SNAPSHOTS.exists() else set()
    orphans = sorted(stored - set(names))
    assert not orphans, f"files in tests/snapshots/ that no case writes (delete them): {orphans}"


CODE_CASES = [c for c in CASES if c.args[0] == "code"]


@pytest.mark.parametrize("case", CODE_CASES, ids=[c.name for c in CODE_CASES])
def test_generated_code_runs_and_gives_the_tables_shapes(case):
    """The stored code is runnable: exec it (our own generated code) and check every row's output shape,
    and the model's output, against the shape table it was made from."""
    import torch

    from aecore.shapes.lower import lower, torch_shape
    summary, code = generated_code(case.args[1])
    namespace, printed = {}, io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(code, case.name, "exec"), namespace)  # noqa: S102 - our own generated code
    model = namespace["model"].eval()
    want = (8,) + torch_shape(summary.output_shape, summary.dialect)
    # the code's last line prints the output's shape and says in a comment what it will be
    claimed = re.search(r"# torch\.Size\(\[([\d, ]+)\]\)", code).group(1)
    assert printed.getvalue().strip() == f"torch.Size([{claimed}])" == str(torch.Size(want))
    ops, blocks = list(model.children()), lower(summary)
    assert len(ops) == sum(len(b) for b in blocks)
    x = torch.rand((2,) + torch_shape(summary.input_shape, summary.dialect))
    with torch.no_grad():
        for row, block in zip(summary.rows, blocks, strict=True):
            for _ in block:
                x = ops.pop(0)(x)
            assert tuple(x.shape[1:]) == torch_shape(row.output_shape, summary.dialect), (row.index, row.type)
    assert tuple(x.shape[1:]) == want[1:]
