"""Run a corpus file as the framework would, to check the reader against it (shared by the golden maker,
which runs Keras in a side environment, and tests/test_corpus.py, which runs PyTorch here).

The corpus files are this project's own code, written after public tutorials (tests/fixtures/corpus/README.md).
Their top-level statements run one by one, and a statement that fails (a dataset download with no network, a
library not installed, a training loop over a loader that was never made) is passed over, as the reader
passes it over; training and plotting are switched off first so nothing slow or blocking runs.
"""
from __future__ import annotations

import ast
import re
import sys
import types
from pathlib import Path
from unittest import mock

CORPUS = Path(__file__).resolve().parent / "fixtures" / "corpus"


def headers(path: Path) -> dict:
    """The '# key: value' lines at the top of a corpus file."""
    out = {}
    for line in path.read_text().splitlines():
        m = re.match(r"#\s*(\w+):\s*(.*)", line)
        if not m:
            break
        out[m.group(1)] = m.group(2).strip()
    return out


def files(prefix: str = "") -> list[Path]:
    return sorted(p for p in CORPUS.glob(f"{prefix}*.py"))


def input_shape(path: Path) -> tuple | None:
    text = headers(path).get("input")
    return tuple(int(x) for x in text.split(",")) if text else None


def _quiet_modules() -> dict:
    """matplotlib, torchsummary and the like: stand-ins that accept anything (nothing is drawn or printed)."""
    fake = {}
    for name in ("matplotlib", "matplotlib.pyplot", "torchsummary", "torchinfo", "cv2", "PIL"):
        if name not in sys.modules:
            fake[name] = mock.MagicMock(name=name)
    return fake


def run_file(path: Path, extra_modules: dict | None = None, errors: list | None = None) -> dict:
    """The file's namespace after running every top-level statement that can run (what the others raised goes
    into ``errors``)."""
    tree = ast.parse(path.read_text())
    namespace: dict = {"__name__": "__main__"}
    fakes = {**_quiet_modules(), **(extra_modules or {})}
    saved = {name: sys.modules.get(name) for name in fakes}
    sys.modules.update(fakes)  # only these names are swapped (restoring all of sys.modules would drop what
    try:                       # torch imports lazily meanwhile)
        for stmt in tree.body:
            code = compile(ast.Module(body=[stmt], type_ignores=[]), str(path), "exec")
            try:
                exec(code, namespace)  # noqa: S102 - the project's own test fixtures
            except Exception as e:  # noqa: BLE001 - passed over, as the reader passes it over
                if errors is not None:
                    errors.append(e)
    finally:
        for name, module in saved.items():
            if module is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = module
    return namespace


def model_of(path: Path, namespace: dict):
    """The model the file's '# model:' header names: a variable, or an expression such as Autoencoder()."""
    return eval(headers(path)["model"], namespace)  # noqa: S307 - the project's own test fixtures


def keras_shims(keras) -> dict:
    """tensorflow.keras as Keras 3 (the side environment has no TensorFlow), with fit/predict and the datasets
    switched off."""
    import numpy as np

    class Scalar:  # what tf.math.reduce_prod gives: a tensor whose .numpy() is a NumPy integer
        def __init__(self, v):
            self.v = np.int32(np.prod(v))

        def numpy(self):
            return self.v

    tf = types.ModuleType("tensorflow")
    tf.keras = keras
    tf.math = types.SimpleNamespace(reduce_prod=Scalar)
    tf.nn = types.SimpleNamespace(relu="relu", sigmoid="sigmoid")
    if not hasattr(keras.backend, "int_shape"):
        keras.backend.int_shape = lambda x: tuple(x.shape)
    keras.Model.fit = lambda *a, **k: None
    keras.Model.predict = lambda self, x, *a, **k: x

    def no_data():
        raise OSError("no network here")
    for name in ("mnist", "fashion_mnist", "cifar10"):
        getattr(keras.datasets, name).load_data = no_data
    mods = {"tensorflow": tf, "tensorflow.keras": keras}
    for sub in ("layers", "models", "backend", "regularizers", "initializers", "datasets", "optimizers"):
        mods[f"tensorflow.keras.{sub}"] = getattr(keras, sub)
        mods[f"keras.{sub}"] = getattr(keras, sub)
    return mods
