"""Write the Keras 3 golden files the tests read. Needs keras + jax (not a project requirement):

    KERAS_BACKEND=jax /path/to/keras-venv/bin/python tools/make_keras_goldens.py

Writes tests/golden/keras_tables.json (shape tables: every output shape, parameter count, and the
failing layer) and tests/golden/keras_numeric.{json,npz} (weights, inputs and Keras's outputs).
"""
import json
import os
import sys
from pathlib import Path

os.environ.setdefault("KERAS_BACKEND", "jax")
import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import keras  # noqa: E402
from keras_oracle import _tuples, run_case  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "tests" / "golden"


def C(filters, k=3, **kw):
    return {"type": "Conv2D", "filters": filters, "kernel_size": k, **kw}


def T(filters, k=3, **kw):
    return {"type": "Conv2DTranspose", "filters": filters, "kernel_size": k, **kw}


def L(kind, **kw):
    return {"type": kind, **kw}


SEED0 = [C(16, padding="same", activation="relu"), L("MaxPooling2D", pool_size=2, padding="same"),
         C(8, activation="relu", padding="same"), L("MaxPooling2D", pool_size=2, padding="same"),
         C(8, strides=2, padding="same", activation="relu"), C(8, padding="same", activation="relu"),
         L("UpSampling2D"), C(8, padding="same", activation="relu"), L("UpSampling2D"),
         C(16, activation="relu"), L("UpSampling2D"), C(1, padding="same", activation="sigmoid")]
MLP3 = [L("Flatten"), L("Dense", units=128, activation="relu"), L("Dense", units=64, activation="relu"),
        L("Dense", units=12, activation="relu"), L("Dense", units=3), L("Dense", units=12, activation="relu"),
        L("Dense", units=64, activation="relu"), L("Dense", units=128, activation="relu"),
        L("Dense", units=784, activation="sigmoid"), L("Reshape", target_shape=[28, 28, 1])]
STACKED = [L("Dense", units=300, activation="elu", kernel_initializer="he_normal"),
           L("Dense", units=150, activation="elu"), L("Dense", units=300, activation="elu"), L("Dense", units=784)]

TABLES = [
    ("seed 000 puzzle", [28, 28, 1], SEED0),
    ("seed 000 puzzle, fixed with padding", [28, 28, 1], SEED0[:9] + [C(16, activation="relu", padding="same")] + SEED0[10:]),
    ("same s2 odd 7", [7, 7, 3], [C(4, strides=2, padding="same")]),
    ("same s2 odd 9, k5", [9, 9, 1], [C(2, 5, strides=2, padding="same")]),
    ("same s2 odd 15 twice", [15, 15, 1], [C(4, strides=2, padding="same"), C(4, strides=2, padding="same")]),
    ("same s2 even 8", [8, 8, 2], [C(4, strides=2, padding="same"), C(4, 4, strides=2, padding="same")]),
    ("same s3 on 10x11", [10, 11, 1], [C(3, strides=3, padding="same")]),
    ("same k2 s1 (odd total)", [6, 5, 1], [C(2, 2, padding="same"), C(2, 4, padding="same")]),
    ("max same 7 -> 4", [7, 7, 1], [L("MaxPooling2D", padding="same")]),
    ("max same pool3 s2 on 7", [7, 7, 1], [L("MaxPooling2D", pool_size=3, strides=2, padding="same")]),
    ("max valid explicit strides", [28, 28, 1], [L("MaxPooling2D", pool_size=3, strides=2),
                                                 L("MaxPooling2D", pool_size=2, strides=1),
                                                 L("MaxPooling2D", pool_size=[2, 3], strides=[1, 2])]),
    ("avg pooling same and valid", [9, 10, 2], [L("AveragePooling2D", pool_size=2, padding="same"),
                                                L("AveragePooling2D", pool_size=3, strides=1),
                                                L("AveragePooling2D", pool_size=[1, 2], strides=[2, 1], padding="same")]),
    ("tconv valid k3 s2", [7, 7, 4], [T(2, strides=2)]),
    ("tconv valid k2 s2", [7, 7, 4], [T(2, 2, strides=2)]),
    ("tconv valid k1 s2 (kernel < stride)", [5, 5, 1], [T(2, 1, strides=2)]),
    ("tconv valid k2 s3 (kernel < stride)", [4, 3, 1], [T(1, 2, strides=3)]),
    ("tconv same k3 s2", [7, 7, 4], [T(4, strides=2, padding="same"), T(1, strides=2, padding="same")]),
    ("tconv same k1 s2", [4, 4, 2], [T(2, 1, strides=2, padding="same")]),
    ("tconv output_padding", [4, 4, 1], [T(2, strides=2, padding="same", output_padding=1),
                                         T(2, strides=3, output_padding=[0, 2])]),
    ("tconv same op=0 reaches 0 (Keras builds it)", [1, 1, 1], [T(2, 2, padding="same", output_padding=0),
                                                                 L("Flatten"), L("Dense", units=3)]),
    ("dense on an image map", [7, 7, 8], [L("Dense", units=4), L("Dense", units=2, use_bias=False)]),
    ("flatten dense reshape", [28, 28, 1], [L("Flatten"), L("Dense", units=392), L("Reshape", target_shape=[7, 7, 8])]),
    ("reshape with -1", [28, 28, 1], [L("Reshape", target_shape=[-1]), L("Reshape", target_shape=[14, -1, 2])]),
    ("batch norm on map and vector", [8, 8, 3], [L("BatchNormalization"), L("Flatten"),
                                                 L("BatchNormalization", center=False)]),
    ("dropout and activation", [10, 10, 1], [L("Dropout", rate=0.3), L("Activation", activation="gelu"),
                                             L("Dropout", rate=1.0)]),
    ("zero padding and cropping", [10, 9, 2], [L("ZeroPadding2D", padding=[[1, 2], [3, 0]]),
                                               L("Cropping2D", cropping=[[2, 1], [0, 3]]),
                                               L("ZeroPadding2D", padding=2), L("Cropping2D", cropping=[1, 2])]),
    ("upsampling sizes", [5, 4, 3], [L("UpSampling2D", size=[2, 3]), L("UpSampling2D", size=2, interpolation="bilinear")]),
    ("dilated conv", [20, 20, 1], [C(4, dilation_rate=2), C(4, dilation_rate=[1, 3], padding="same")]),
    ("grouped conv", [12, 12, 4], [C(8, groups=2, padding="same"), C(8, groups=4)]),
    ("global pooling", [6, 6, 5], [L("GlobalAveragePooling2D", keepdims=True), L("GlobalMaxPooling2D")]),
    ("seed 002 MLP in Keras", [28, 28, 1], MLP3),
    ("seed 004 stacked", [784], STACKED),
    ("conv + tconv autoencoder", [28, 28, 1], [C(16, strides=2, padding="same", activation="relu"),
                                               C(32, strides=2, padding="same", activation="relu"),
                                               T(16, strides=2, padding="same", activation="relu"),
                                               T(1, strides=2, padding="same", activation="sigmoid")]),
    ("odd input 27 down and up", [27, 27, 1], [L("MaxPooling2D", padding="same"), L("MaxPooling2D", padding="same"),
                                              L("UpSampling2D"), L("UpSampling2D")]),
    ("channels_first conv", [3, 16, 16], [C(4, strides=2, padding="same", data_format="channels_first")]),
    ("no bias, trainable False", [8, 8, 1], [C(4, use_bias=False), L("Dense", units=2, trainable=False)]),
    # ---- stacks that fail, with the failing layer ---------------------------------------------
    ("fail: conv valid too big", [28, 28, 1], SEED0[:5] + [C(8, 5)]),
    ("fail: pool valid too small", [3, 3, 1], [L("MaxPooling2D", pool_size=2), L("MaxPooling2D", pool_size=2)]),
    ("fail: crop too much", [6, 6, 1], [L("Cropping2D", cropping=[[3, 3], [0, 0]])]),
    ("fail: reshape mismatch", [28, 28, 1], [L("Flatten"), L("Reshape", target_shape=[7, 7, 7])]),
    ("fail: reshape two -1", [16], [L("Reshape", target_shape=[-1, -1])]),
    ("fail: unknown layer", [28, 28, 1], [C(4), L("Conv3D", filters=2, kernel_size=3)]),
    ("fail: unknown keyword", [28, 28, 1], [C(4, stride=2)]),
    ("fail: unknown activation", [28, 28, 1], [C(4, activation="ReLU")]),
    ("fail: conv on a vector", [784], [L("Dense", units=64), C(4)]),
    ("fail: units 0", [10], [L("Dense", units=0)]),
    ("fail: dropout rate 1.5", [10], [L("Dropout", rate=1.5)]),
    ("fail: output_padding >= strides", [4, 4, 1], [T(1, strides=2, output_padding=2)]),
    ("fail: strides with dilation", [10, 10, 1], [C(1, strides=2, dilation_rate=2)]),
    ("fail: pooling padding SAME", [8, 8, 1], [C(2, padding="SAME"), L("MaxPooling2D", padding="SAME")]),
    ("fail: groups mismatch", [8, 8, 3], [C(4, groups=2)]),
    ("fail: average pooling needs pool_size", [8, 8, 1], [L("AveragePooling2D")]),
    ("fail: kernel 0", [8, 8, 1], [C(2, 0)]),
    ("fail: pool strides 0", [8, 8, 1], [L("MaxPooling2D", strides=0)]),
    ("fail: batch norm axis", [8, 8, 1], [L("BatchNormalization", axis=5)]),
    ("fail: upsampling a vector", [64], [L("UpSampling2D")]),
    ("fail: negative zero-padding", [4, 4, 1], [L("ZeroPadding2D", padding=-3)]),
]

NUMERIC = [
    ("seed 000 puzzle", [28, 28, 1], SEED0),
    ("stride-2 'same' on odd 9x9", [9, 9, 2], [C(4, strides=2, padding="same", activation="relu"),
                                               L("MaxPooling2D", pool_size=3, strides=2, padding="same"),
                                               L("AveragePooling2D", pool_size=2, padding="same"),
                                               T(3, strides=2, padding="same", activation="tanh")]),
    ("stride-2 'same' on even 10x8, even kernels", [10, 8, 1], [C(3, 4, strides=2, padding="same"),
                                                                 L("AveragePooling2D", pool_size=2, strides=1, padding="same"),
                                                                 L("MaxPooling2D", pool_size=[2, 4], strides=1, padding="same"),
                                                                 T(2, 4, strides=2, padding="same", activation="elu"),
                                                                 T(1, 2, strides=3)]),
    ("odd 7x11 transposed convs", [7, 11, 3], [C(4, 2, padding="same", activation="selu"),
                                              T(2, strides=2, padding="same", output_padding=1),
                                              T(2, 5, strides=[2, 3], padding="same"),
                                              C(2, strides=2, padding="same", activation="leaky_relu"),
                                              T(1, 1, strides=2, padding="same")]),
    ("dense on map, flatten, batch norm, reshape", [6, 6, 2], [C(3, padding="same", strides=2, activation="gelu"),
                                                               L("BatchNormalization"), L("Dense", units=5),
                                                               L("Flatten"), L("Dense", units=18, activation="hard_sigmoid"),
                                                               L("BatchNormalization"), L("Reshape", target_shape=[3, 3, 2]),
                                                               L("UpSampling2D", size=2, interpolation="bilinear"),
                                                               L("Softmax")]),
    ("padding, cropping, dilation, groups", [13, 12, 4], [L("ZeroPadding2D", padding=[[1, 2], [0, 1]]),
                                                          C(4, dilation_rate=2, groups=2, padding="same", activation="swish"),
                                                          L("Cropping2D", cropping=[[1, 0], [2, 1]]),
                                                          C(2, 3, strides=2, padding="same", activation="softplus"),
                                                          L("GlobalAveragePooling2D")]),
]


def tables():
    out = []
    for name, shape, stack in TABLES:
        answer = run_case({"input": shape, "stack": stack})
        out.append({"name": name, "input": shape, "stack": stack, **answer})
    assert len(out) >= 40, len(out)
    (OUT / "keras_tables.json").write_text(json.dumps(out, indent=1))
    return out


def numeric():
    rng = np.random.default_rng(0)
    meta, arrays = [], {}
    for ci, (name, shape, stack) in enumerate(NUMERIC):
        x = keras.Input(shape=tuple(shape))
        layers = []
        for spec in stack:
            spec = dict(spec)
            layer = getattr(keras.layers, spec.pop("type"))(**{k: _tuples(v) for k, v in spec.items()})
            x = layer(x)
            layers.append(layer)
        for li, layer in enumerate(layers):
            ws = [rng.normal(0, 0.5, w.shape).astype("float32") for w in layer.get_weights()]
            if isinstance(layer, keras.layers.BatchNormalization):
                ws[-1] = rng.uniform(0.5, 2.0, ws[-1].shape).astype("float32")  # moving variance > 0
            layer.set_weights(ws)
            for wi, w in enumerate(ws):
                arrays[f"c{ci}_l{li}_w{wi}"] = w
        inp = rng.uniform(0, 1, (3, *shape)).astype("float32")
        y = inp
        for layer in layers:
            y = layer(y, training=False)
        arrays[f"c{ci}_x"] = inp
        arrays[f"c{ci}_y"] = np.asarray(y)
        meta.append({"name": name, "input": shape, "stack": stack,
                     "n_weights": [len(layer.get_weights()) for layer in layers]})
    (OUT / "keras_numeric.json").write_text(json.dumps(meta, indent=1))
    np.savez_compressed(OUT / "keras_numeric.npz", **arrays)


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    t = tables()
    numeric()
    print(f"{len(t)} tables ({sum(c['error_index'] is not None for c in t)} failing), {len(NUMERIC)} numeric cases; "
          f"keras {keras.__version__}, backend {keras.backend.backend()}")
