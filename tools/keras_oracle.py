"""Keras 3 as the oracle for the layer-stack language.

Run with a Python that has keras + jax (NOT a project requirement):

    KERAS_BACKEND=jax python tools/keras_oracle.py < cases.json > answers.json

Input: a JSON list of cases {"input": [H, W, C], "stack": [{"type": "Conv2D", ...}, ...]}.
Output: one answer per case: {"rows": [{"output_shape": [...], "params": N, "trainable": N}],
"error_index": i | null, "error": "..."}. A layer "fails" when constructing it or calling it
on the symbolic output of the previous layer raises, exactly as `keras.Sequential` would.
"""
import json
import os
import sys
import warnings

os.environ.setdefault("KERAS_BACKEND", "jax")
warnings.filterwarnings("ignore")
import keras  # noqa: E402


def _tuples(v):
    # JSON has no tuples; Keras accepts lists where it accepts tuples except in a few places.
    if isinstance(v, list):
        return tuple(_tuples(x) for x in v)
    return v


def run_case(case):
    x = keras.Input(shape=tuple(case["input"]))
    rows = []
    for i, spec in enumerate(case["stack"]):
        spec = dict(spec)
        kind = spec.pop("type")
        kwargs = {k: _tuples(v) for k, v in spec.items()}
        try:
            cls = getattr(keras.layers, kind)
            layer = cls(**kwargs)
            x = layer(x)
        except Exception as e:  # noqa: BLE001 - any failure is the answer
            return {"rows": rows, "error_index": i, "error": f"{type(e).__name__}: {e}"[:400]}
        rows.append({
            "output_shape": list(x.shape[1:]),
            "params": int(layer.count_params()),
            "trainable": int(sum(int(w.numpy().size) for w in layer.trainable_weights)),
        })
    return {"rows": rows, "error_index": None, "error": None}


def main():
    cases = json.load(sys.stdin)
    json.dump([run_case(c) for c in cases], sys.stdout)


if __name__ == "__main__":
    main()
