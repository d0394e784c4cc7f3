"""Run the Builder's generated Keras 3 code under real Keras (not a project requirement: keras + jax), for every
valid stack of the Keras golden tables and every preset, and compare each layer's output shape (and, for a Keras
stack, the parameter count) with the app's own table. The test suite checks the code's layers and arguments
against the goldens with ast (tests/test_both_frameworks.py); this runs it.

    pip install keras "jax[cpu]"
    KERAS_BACKEND=jax python tools/run_keras_code.py
"""
import contextlib
import io
import json
import os
import sys
from pathlib import Path

os.environ.setdefault("KERAS_BACKEND", "jax")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
import keras  # noqa: E402

from aecore.shapes import presets  # noqa: E402
from aecore.shapes.both import hwc, keras_code  # noqa: E402
from aecore.shapes.layers import summarize  # noqa: E402


def run(summary, stack) -> tuple[bool, str]:
    """(the code ran and every table row's shape is among its layers' outputs in order, what was seen)."""
    code = keras_code(summary, stack)
    if "# ✗" in code:
        return True, "rows with no Keras layer: not runnable as it is (the code says so)"
    namespace: dict = {}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(code.replace("model.summary()", ""), namespace)  # noqa: S102 - our own generated code
    model = namespace["model"]
    torch_side = summary.dialect == "pytorch"
    y = keras.Input(shape=tuple(hwc(summary.input_shape) if torch_side else summary.input_shape))
    got = []
    for layer in model.layers:
        y = layer(y)
        got.append(tuple(y.shape[1:]))
    want = [tuple(hwc(r.output_shape) if torch_side else r.output_shape) for r in summary.rows]
    it = iter(got)
    in_order = all(any(w == g for g in it) for w in want)  # each row's shape, in order (a row may be 2 layers)
    same = in_order and got[-1] == want[-1]
    if not torch_side:
        same = same and got == want and model.count_params() == sum(r.params for r in summary.rows)
    return same, f"{len(got)} layers, output {got[-1]}"


def main() -> int:
    bad = 0
    cases = [(c["name"], c["stack"], tuple(c["input"]), "keras")
             for c in json.loads((ROOT / "tests" / "golden" / "keras_tables.json").read_text())]
    cases += [(name, *presets.make(name)) for name in presets.PRESETS]
    ran = 0
    for name, stack, shape, *dialect in cases:
        summary = summarize(stack, shape, *dialect)
        if not summary.ok:
            continue  # a golden stack that fails on purpose: no model to write
        good, seen = run(summary, stack)
        ran += 1
        bad += not good
        print(f"{'ok ' if good else 'BAD'} {name}: {seen}")
    print(f"Keras {keras.__version__}: {ran - bad} of {ran} stacks' code ran with the table's shapes")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
