"""Write tests/golden/corpus_keras.json: what Keras 3 itself makes of each Keras file in the code reader's
corpus (tests/fixtures/corpus/k*.py). Needs keras + jax (not a project requirement):

    KERAS_BACKEND=jax /path/to/keras-venv/bin/python tools/make_corpus_goldens.py

Each file runs as a script (tests/corpus_run.py); the model its '# model:' header names is called on zeros
with every leaf layer's call recorded in order, so the goldens are Keras's own rows: class, output shape
(batch left out), parameters; plus the model's input shape and total.
"""
import json
import os
import sys
from pathlib import Path

os.environ.setdefault("KERAS_BACKEND", "jax")
import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
import keras  # noqa: E402
from corpus_run import files, headers, input_shape, keras_shims, model_of, run_file  # noqa: E402

OUT = ROOT / "tests" / "golden" / "corpus_keras.json"


def leaves(model) -> list:
    return [layer for layer in model._flatten_layers(include_self=False, recursive=True)
            if not list(layer._flatten_layers(include_self=False)) and type(layer).__name__ != "InputLayer"]


def record(model, shape) -> dict:
    zeros = np.zeros((1,) + tuple(shape), dtype="float32")
    model(zeros)  # built first: a subclassed model's first call also traces its layers
    calls = []
    for layer in leaves(model):
        original = layer.call

        def call(*args, _layer=layer, _original=original, **kwargs):
            out = _original(*args, **kwargs)
            calls.append((_layer, tuple(out.shape[1:])))
            return out
        object.__setattr__(layer, "call", call)
    out = model(zeros)
    rows = [{"type": type(layer).__name__, "output_shape": list(s), "params": int(layer.count_params())}
            for layer, s in calls]
    return {"input_shape": list(shape), "rows": rows, "output_shape": list(out.shape[1:]),
            "total_params": int(model.count_params())}


def failing_layer(error, made: list) -> dict:
    """Where Keras refused to build the model: the layer whose __init__ raised, counted among the layers made
    before it (their order is the model's, for the corpus's straight chains)."""
    tb, culprit = error.__traceback__, None
    while tb is not None:
        me = tb.tb_frame.f_locals.get("self")
        if tb.tb_frame.f_code.co_name == "__init__" and isinstance(me, keras.layers.Layer):
            culprit = me
        tb = tb.tb_next
    leaves = [m for m in made if not isinstance(m, (keras.Model, keras.layers.InputLayer))]
    # a layer that refuses its arguments before Layer.__init__ runs is not among those made: it comes next
    return {"error_index": leaves.index(culprit) if culprit in leaves else len(leaves),
            "error_type": type(culprit).__name__, "error": f"{type(error).__name__}: {error}"[:300]}


def main() -> None:
    answers = {}
    made = []
    original_init = keras.layers.Layer.__init__

    def init(self, *args, **kwargs):
        made.append(self)
        original_init(self, *args, **kwargs)
    keras.layers.Layer.__init__ = init
    for path in files("k"):
        head = headers(path)
        if head["expect"].startswith("refuse"):
            continue
        made.clear()
        errors = []
        namespace = run_file(path, keras_shims(keras), errors)
        if head["expect"].startswith("fails"):
            answers[path.name] = failing_layer(errors[-1], made)
            print(path.name, answers[path.name])
            continue
        model = model_of(path, namespace)
        shape = input_shape(path) or tuple(model.inputs[0].shape[1:])
        answers[path.name] = record(model, shape)
        print(path.name, len(answers[path.name]["rows"]), "rows", answers[path.name]["total_params"], "params")
    meta = {"keras": keras.__version__, "backend": keras.backend.backend()}
    OUT.write_text(json.dumps({"made_with": meta, "files": answers}, indent=1) + "\n")
    print("wrote", OUT)


if __name__ == "__main__":
    main()
