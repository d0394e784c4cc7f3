"""Compare aecore's Keras-dialect table with Keras 3 on random stacks (valid and broken).

    python tools/fuzz_keras.py --cases 2000 --seed 1 --keras-python /path/to/venv/bin/python

Needs a second Python with keras + jax for tools/keras_oracle.py. Prints every disagreement
(shape, params or failing index) and a count; writes the cases with Keras's answers to --save
(that is how tests/golden/keras_fuzz.json was made).
"""
from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from aecore.shapes.keras_rules import ACTIVATIONS  # noqa: E402
from aecore.shapes.layers import summarize  # noqa: E402


def maybe(r, p):
    return r.random() < p


def k_int(r, lo, hi, bad=0.01):
    if maybe(r, bad):
        return r.choice([0, -1, 2.5, "3", None, [1, 2, 3]])
    return r.randint(lo, hi)


def k_pair(r, lo, hi, bad=0.01):
    if maybe(r, 0.3):
        return [k_int(r, lo, hi, bad), k_int(r, lo, hi, bad)]
    return k_int(r, lo, hi, bad)


def padding(r):
    return r.choice(["same", "valid"] * 15 + ["SAME", "Valid", "full", "causal"])


def activation(r):
    if maybe(r, 0.4):
        return None
    return r.choice(list(ACTIVATIONS) + ["relu", "sigmoid", "tanh"] * 3 + ["ReLU", "nope"])


def data_format(r):
    return r.choice([None] * 12 + ["channels_last", "channels_first", "CHANNELS_LAST", "nhwc"])


def layer(r, shape):
    kinds = ["Conv2D"] * 6 + ["Conv2DTranspose"] * 4 + ["MaxPooling2D"] * 4 + ["AveragePooling2D"] * 2 + \
        ["UpSampling2D"] * 3 + ["ZeroPadding2D", "Cropping2D", "Flatten", "Reshape", "Dense", "Dense",
                                "Dropout", "BatchNormalization", "Activation", "ReLU", "LeakyReLU", "ELU",
                                "Softmax", "GaussianNoise", "SpatialDropout2D", "GlobalAveragePooling2D",
                                "GlobalMaxPooling2D", "GaussianDropout"]
    if len(shape) != 3 and maybe(r, 0.8):  # mostly layers that fit, so stacks grow deep
        kinds = ["Dense"] * 4 + ["Reshape"] * 3 + ["Dropout", "BatchNormalization", "Activation", "Flatten"]
    kind = r.choice(kinds)
    d = {"type": kind}
    if kind in ("Conv2D", "Conv2DTranspose"):
        d["filters"] = k_int(r, 1, 12)
        d["kernel_size"] = k_pair(r, 1, 5)
        if maybe(r, 0.5):
            d["strides"] = k_pair(r, 1, 3)
        if maybe(r, 0.8):
            d["padding"] = padding(r)
        if maybe(r, 0.1):
            d["dilation_rate"] = k_pair(r, 1, 3)
        if kind == "Conv2D" and maybe(r, 0.08):
            d["groups"] = r.choice([1, 2, 3, 0])
        if kind == "Conv2DTranspose" and maybe(r, 0.3):
            d["output_padding"] = k_pair(r, 0, 2)
        if maybe(r, 0.5):
            d["activation"] = activation(r)
        if maybe(r, 0.1):
            d["use_bias"] = False
        if maybe(r, 0.1):
            d["data_format"] = data_format(r)
    elif kind in ("MaxPooling2D", "AveragePooling2D"):
        if kind == "AveragePooling2D" or maybe(r, 0.7):
            if not maybe(r, 0.02):
                d["pool_size"] = k_pair(r, 1, 4)
        if maybe(r, 0.3):
            d["strides"] = r.choice([None, 0, 1, 2, 3, [1, 2], [2, 0]])
        if maybe(r, 0.8):
            d["padding"] = padding(r)
        if maybe(r, 0.1):
            d["data_format"] = data_format(r)
    elif kind == "UpSampling2D":
        if maybe(r, 0.6):
            d["size"] = k_pair(r, 1, 3)
        if maybe(r, 0.2):
            d["interpolation"] = r.choice(["nearest", "bilinear", "bicubic", "Bilinear", "area", "cubic"])
        if maybe(r, 0.1):
            d["data_format"] = data_format(r)
    elif kind == "ZeroPadding2D":
        if maybe(r, 0.8):
            d["padding"] = r.choice([r.randint(-1, 3), [r.randint(0, 2), r.randint(0, 2)],
                                     [[r.randint(0, 2), r.randint(-1, 2)], [r.randint(0, 2), r.randint(0, 2)]],
                                     [1, 2, 3]])
    elif kind == "Cropping2D":
        d["cropping"] = r.choice([r.randint(-1, 3), [r.randint(0, 3), r.randint(0, 3)],
                                  [[r.randint(0, 2), r.randint(0, 2)], [r.randint(0, 4), r.randint(0, 2)]]])
    elif kind == "Flatten":
        if maybe(r, 0.1):
            d["data_format"] = data_format(r)
    elif kind == "Reshape":
        n = 1
        for s in shape:
            n *= s
        options = [[n], [-1], [n, 1], [1, -1, 1], [7, 7, 8], [-1, -1], [0, -1], [-2, 4]]
        for a in (2, 3, 4, 7):
            if n % (a * a) == 0:
                options += [[a, a, n // (a * a)], [a, a, -1], [-1, a, a]]
        d["target_shape"] = r.choice(options)
    elif kind == "Dense":
        d["units"] = k_int(r, 1, 40)
        if maybe(r, 0.4):
            d["activation"] = activation(r)
        if maybe(r, 0.1):
            d["use_bias"] = False
    elif kind in ("Dropout", "SpatialDropout2D", "GaussianDropout"):
        d["rate"] = r.choice([0.0, 0.2, 0.5, 1.0, 1.5, -0.1])
    elif kind == "GaussianNoise":
        d["stddev"] = r.choice([0.1, 0.2, 1.5])
    elif kind == "BatchNormalization":
        if maybe(r, 0.3):
            d["axis"] = r.choice([-1, 1, 2, 3, 4, -4, 0])
        if maybe(r, 0.1):
            d["center"] = False
        if maybe(r, 0.1):
            d["scale"] = False
        if maybe(r, 0.05):
            d["renorm"] = True
    elif kind == "Activation":
        d["activation"] = activation(r) or "linear"
    elif kind == "LeakyReLU" and maybe(r, 0.5):
        d["negative_slope"] = r.choice([0.1, 0.3, -0.2])
    elif kind in ("GlobalAveragePooling2D", "GlobalMaxPooling2D") and maybe(r, 0.4):
        d["keepdims"] = True
    if maybe(r, 0.01):
        d["bogus_keyword"] = 1
    if maybe(r, 0.02):
        d["trainable"] = False
    return d


def case(r):
    roll = r.random()
    if roll < 0.75:
        shape = [r.randint(1, 40), r.randint(1, 40), r.randint(1, 4)]
        if maybe(r, 0.5):
            shape[1] = shape[0]
    elif roll < 0.9:
        shape = [r.choice([784, 64, 12, 3])]
    else:
        shape = [r.randint(1, 10), r.randint(1, 10)]
    stack = []
    cur = tuple(shape)
    for _ in range(r.randint(1, 12)):
        stack.append(layer(r, cur))
        s = summarize(stack, tuple(shape))
        if not s.ok:
            if maybe(r, 0.4):
                break  # some stacks end at their first failure
            stack.pop()  # most try another layer instead
            continue
        if s.ok:
            cur = s.output_shape
    return {"input": shape, "stack": stack}


def compare(case_, answer):
    s = summarize(case_["stack"], tuple(case_["input"]))
    ours = [(list(r.output_shape), r.params, r.trainable) for r in s.rows]
    theirs = [(a["output_shape"], a["params"], a["trainable"]) for a in answer["rows"]]
    if s.error_index != answer["error_index"] or ours != theirs:
        return {"case": case_, "ours": {"rows": ours, "error_index": s.error_index, "error": s.error},
                "keras": answer}
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=500)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--keras-python", default="/tmp/kvenv/bin/python")
    ap.add_argument("--save", help="write the cases with Keras's answers here")
    ap.add_argument("--jobs", type=int, default=2, help="oracle processes in parallel")
    args = ap.parse_args()
    r = random.Random(args.seed)
    cases = [case(r) for _ in range(args.cases)]
    chunks = [cases[i::args.jobs] for i in range(args.jobs)]
    procs = [subprocess.Popen([args.keras_python, str(ROOT / "tools" / "keras_oracle.py")], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True) for _ in chunks]
    outs = [p.communicate(json.dumps(chunk)) for p, chunk in zip(procs, chunks)]
    parts = [json.loads(out) for out, _ in outs]
    answers = [None] * len(cases)
    for j, part in enumerate(parts):
        answers[j::args.jobs] = part
    bad = [m for m in (compare(c, a) for c, a in zip(cases, answers)) if m]
    for m in bad[:30]:
        print(json.dumps(m))
    n_err = sum(a["error_index"] is not None for a in answers)
    print(f"{len(cases) - len(bad)}/{len(cases)} agree ({n_err} of the cases fail somewhere in Keras)")
    if args.save:
        Path(args.save).write_text(json.dumps(
            [{"input": c["input"], "stack": c["stack"], "keras": a} for c, a in zip(cases, answers)], indent=None))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
