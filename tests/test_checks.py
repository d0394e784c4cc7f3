"""The concept checks (aecore.use.checks): every truth recomputed here by other means (real torch layers for shapes
and parameter counts, a formula, NumPy or scikit-learn for the choices), for the class's version and twenty
re-drawn ones; the texts in both languages; the verdicts; and no check that repeats a step's own stack."""
import json
import math
import re
import warnings

import numpy as np
import pytest
import torch
from torch import nn

from aecore.shapes import presets
from aecore.shapes.layers import summarize
from aecore.text import CATALOG, t, using
from aecore.use import checks, course

SEEDS = range(21)
CASES = [(lesson, name) for lesson in checks.CHECKS for name in checks.CHECKS[lesson]]
STATIC = {("conv", "denoise")}  # the questions that cannot be re-drawn


# ---- independent oracles -----------------------------------------------------------------------------------------

def torch_shape(stack, input_shape):
    """The output shape of a stack built from torch.nn layers and run on one zero image (batch left out).
    PyTorch names are made as they are; Keras layers are translated by their documented meaning, channels last."""
    keras = any(spec["type"] in ("Conv2D", "Conv2DTranspose", "MaxPooling2D", "UpSampling2D", "Dense", "Reshape")
                for spec in stack)
    x = torch.zeros((1,) + tuple(input_shape))
    for spec in stack:
        kw = {k: v for k, v in spec.items() if k not in ("type", "activation")}
        kind = spec["type"]
        if not keras:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                x = getattr(nn, kind)(**kw)(x)
            continue
        if kind == "Flatten":
            x = x.flatten(1)
        elif kind == "Dense":  # acts on the last axis
            x = nn.Linear(x.shape[-1], kw["units"])(x)
        elif kind == "Reshape":
            x = x.reshape((1,) + tuple(kw["target_shape"]))
        elif kind == "Conv2DTranspose" and kw.get("padding") == "same":
            # Keras: a 'same' transposed convolution's side is exactly input × stride (deconv_output_length)
            x = torch.zeros((1, x.shape[1] * kw["strides"], x.shape[2] * kw["strides"], kw["filters"]))
        else:  # the 2-D layers run channels first
            c = x.shape[-1]
            if kind == "Conv2D":  # 'same' with an odd kernel: (k - 1) / 2 on each side gives ⌈n / s⌉ in torch
                k, s = kw["kernel_size"], kw.get("strides", 1)
                layer = nn.Conv2d(c, kw["filters"], k, stride=s, padding=(k - 1) // 2 if kw.get("padding") == "same"
                                  else 0)
            elif kind == "Conv2DTranspose":
                layer = nn.ConvTranspose2d(c, kw["filters"], kw["kernel_size"], stride=kw["strides"])
            elif kind == "MaxPooling2D":  # strides default to the pool size; 'same' keeps a partial window
                layer = nn.MaxPool2d(kw["pool_size"], ceil_mode=kw.get("padding") == "same")
            else:
                layer = nn.Upsample(scale_factor=2)
            x = layer(x.permute(0, 3, 1, 2)).permute(0, 2, 3, 1)
    return tuple(x.shape[1:])


def numel(*modules) -> int:
    return sum(p.numel() for m in modules for p in m.parameters())


class Tied(nn.Module):
    """pixels → h1 → h2 → h1 → pixels with the decoder's kernels the encoder's, transposed (own biases)."""

    def __init__(self, pixels, h1, h2):
        super().__init__()
        self.enc1, self.enc2 = nn.Linear(pixels, h1), nn.Linear(h1, h2)
        self.b3, self.b4 = nn.Parameter(torch.zeros(h1)), nn.Parameter(torch.zeros(pixels))

    def forward(self, x):
        h = nn.functional.elu(self.enc2(nn.functional.elu(self.enc1(x))))
        return nn.functional.elu(h @ self.enc2.weight + self.b3) @ self.enc1.weight + self.b4


def dense_sizes(asked):
    return [spec["units"] for spec in checks.stack_of(asked) if spec["type"] == "Dense"]


def option_with(asked, value):
    named = [o for o in asked.options if asked.values[o] == value]
    assert len(named) == 1, (asked.id, value, named)
    return named[0]


def roundtrip(a):
    x = torch.zeros(1, 1, a.values["n"], a.values["n"])
    for _ in range(a.values["d"]):
        x = nn.MaxPool2d(2, ceil_mode=True)(x)
    for _ in range(a.values["d"]):
        x = nn.Upsample(scale_factor=2)(x)
    side = x.shape[-1]
    return "same" if side == a.values["n"] else ("bigger" if side > a.values["n"] else "smaller")


def denoise(a):
    """Fresh toy images (another generator, other sizes) and scikit-learn's least squares: only noisy -> clean
    brings new noisy images clearly closer to their clean versions; the other two copy, as the noise level says."""
    from sklearn.linear_model import LinearRegression
    rng = np.random.default_rng(7)
    basis = rng.normal(size=(4, 24))
    clean, test = (rng.normal(size=(900, 4)) @ basis + 0.1 * rng.normal(size=(900, 24)) for _ in range(2))
    noisy, test_noisy = clean + 0.5 * rng.normal(size=clean.shape), test + 0.5 * rng.normal(size=test.shape)
    err = {name: float(np.mean((LinearRegression().fit(x, y).predict(test_noisy) - test) ** 2))
           for name, (x, y) in {"noisy_noisy": (noisy, noisy), "noisy_clean": (noisy, clean),
                                "clean_clean": (clean, clean)}.items()}
    best = min(err, key=err.get)
    assert all(err[best] < 0.5 * e for name, e in err.items() if name != best)
    v = a.values
    assert v[f"e_{best}"] < 0.5 * min(v[f"e_{n}"] for n in a.options if n != best)
    assert math.isclose(v["e_noisy_noisy"], v["e_noise"], rel_tol=1e-6)  # copying leaves the noise as it was
    return best


def nearest(a):
    dist = {o: math.dist(a.values["q"], a.values[o]) for o in a.options}
    assert all(math.isclose(dist[o], a.values["d" + o]) for o in a.options)
    return min(dist, key=dist.get)


INTERVALS = {"unit": (0, 1), "sym": (-1, 1), "nonneg": (0, math.inf), "above": (-1, math.inf),
             "any": (-math.inf, math.inf)}


def code_range(a):
    """The tightest of the options' intervals that holds the torch activation's values on a wide grid."""
    y = getattr(nn, a.values["act"])()(torch.linspace(-60, 60, 24001, dtype=torch.float64))
    lo, hi = float(y.min()), float(y.max())
    fits = [o for o, (a_, b_) in INTERVALS.items() if a_ - 1e-12 <= lo and hi <= b_ + 1e-12]
    return min(fits, key=lambda o: (INTERVALS[o][1] - INTERVALS[o][0], -INTERVALS[o][0]))


def where(a):
    layers = [nn.Linear(s["in_features"], s["out_features"]) for s in checks.stack_of(a) if s["type"] == "Linear"]
    counts = [numel(m) for m in layers]
    assert counts == [a.values["p1"], a.values["p2"], a.values["p3"]]
    return a.options[int(np.argmax(counts))]


def collapse(a):
    """The rank of a torch stack's outputs: many random images through random float64 Linear layers."""
    torch.manual_seed(0)
    side, units = a.values["input"][0], dense_sizes(a)
    sizes = [side * side] + units
    model = nn.Sequential(*(nn.Linear(i, o, dtype=torch.float64) for i, o in zip(sizes, sizes[1:])))
    out = model(torch.randn(2 * sizes[0], sizes[0], dtype=torch.float64)).detach()
    rank = int(torch.linalg.matrix_rank(out - out.mean(0)))
    return option_with(a, rank)


def direction(a):
    from sklearn.decomposition import PCA
    points = np.array([[float(x) for x in p.split(",")] for p in re.findall(r"\(([^()]*)\)", a.values["points"])])
    u = PCA(1).fit(points).components_[0]
    assert abs(abs(u @ [a.values["u"], a.values["v"]]) - 1) < 1e-9
    cos = {o: abs(u @ np.array(d)) / np.linalg.norm(d) for o, d in
           {"x": (1, 0), "y": (0, 1), "diag": (1, 1), "anti": (1, -1)}.items()}
    return max(cos, key=cos.get)


def exact(a):
    """Mixes of k patterns (fresh ones, 100 pixels) rebuilt by scikit-learn's PCA from z numbers."""
    from sklearn.decomposition import PCA
    k, z = a.values["k"], a.values["z"]
    rng = np.random.default_rng(11)
    x = rng.uniform(size=(200, k)) @ rng.uniform(size=(k, 100))
    pca = PCA(z).fit(x)
    err = np.mean((pca.inverse_transform(pca.transform(x)) - x) ** 2) / np.var(x)
    assert (err < 1e-12) == (z >= k)
    return "yes" if err < 1e-12 else "no"


def tied(a):
    pixels, (h1, h2, _, _) = a.values["input"][0] ** 2, dense_sizes(a)
    untied = numel(nn.Linear(pixels, h1), nn.Linear(h1, h2), nn.Linear(h2, h1), nn.Linear(h1, pixels))
    model = Tied(pixels, h1, h2)
    assert model(torch.zeros(2, pixels)).shape == (2, pixels)
    assert untied == a.values["untied"]
    return option_with(a, numel(model))


def phase1(a):
    pixels, (h1, *_) = a.values["input"][0] ** 2, dense_sizes(a)
    return option_with(a, numel(nn.Sequential(nn.Linear(pixels, h1), nn.ELU(), nn.Linear(h1, pixels))))


def shape(a):
    out = torch_shape(checks.stack_of(a), a.values["input"])
    return (a.values["n"],) + out if a.id == "check/stacked/codes" else out


ORACLES = {"roundtrip": roundtrip, "denoise": denoise, "nearest": nearest, "code_range": code_range,
           "where": where, "collapse": collapse, "direction": direction, "exact": exact, "tied": tied,
           "phase1": phase1}


# ---- the tests ---------------------------------------------------------------------------------------------------

def test_every_lesson_has_three_to_five_checks():
    assert list(checks.CHECKS) == list(course.ORDER)
    for lesson, names in checks.CHECKS.items():
        assert 3 <= len(names) <= 5, lesson
        for name in names:
            a = checks.ask(lesson, name)
            assert a.id == f"check/{lesson}/{name}" and a.kind in ("shape", "choice")
            assert (a.kind == "shape") == (a.options == ()) and (a.kind != "choice" or a.truth in a.options)


@pytest.mark.parametrize("lesson,name", CASES)
def test_the_truth_recomputed_independently(lesson, name):
    for seed in SEEDS:
        a = checks.ask(lesson, name, seed)
        expected = ORACLES.get(name, shape)(a)
        assert a.truth == expected, (a.id, seed, a.truth, expected)


@pytest.mark.parametrize("lesson,name", CASES)
def test_seed_0_is_the_class_version_and_other_seeds_redraw(lesson, name):
    first = checks.ask(lesson, name, 0)
    assert checks.ask(lesson, name) == first == checks.ask(lesson, name, 0)
    versions = {json.dumps(checks.ask(lesson, name, seed).values, sort_keys=True, default=str) for seed in SEEDS}
    if (lesson, name) in STATIC:
        assert len(versions) == 1
        return
    for seed in range(1, 21):
        again = checks.ask(lesson, name, seed)
        assert again.values != first.values and again == checks.ask(lesson, name, seed), seed
    assert len(versions) >= 3 + (name != "code_range") * 5  # four activations: at most three other versions


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("lesson,name", CASES)
def test_every_text_renders_with_its_numbers(lesson, name, lang):
    base = f"check.{lesson}.{name}"
    for seed in SEEDS:
        a = checks.ask(lesson, name, seed)
        with using(lang):
            texts = [checks.text(a, part) for part in ("q", "why")] + [checks.text(a, "opt_" + o) for o in a.options]
        for key in [base + ".q", base + ".why"] + [f"{base}.opt_{o}" for o in a.options]:
            assert key in CATALOG, key
        for text in texts:
            assert text.strip() and "{" not in text and "}" not in text, (a.id, text)
            assert not re.search(r"(이|을|은|과|으)\((가|를|는|와|로)\)|\((이|으)\)", text), (a.id, text)
        if "{stack}" in CATALOG[base + ".q"][0]:
            assert a.values["stack"] in texts[0]
        if lang == "ko":
            assert re.search("[가-힣]", texts[0]) and re.search("[가-힣]", texts[1])
    for key in ("check.title", "check.intro_pre", "check.intro_post", "check.done"):
        with using(lang):
            text = t(key, n=4, right=3)
        assert key in CATALOG and "{" not in text


def test_the_korean_check_texts_follow_the_glossary():
    from test_korean import BANNED, BANNED_PATTERNS, FIXED, _depends_on_the_value, _english_words
    for key, (_, ko) in CATALOG.items():
        if not key.startswith("check."):
            continue
        assert not _english_words(ko), (key, _english_words(ko))
        assert not [w for w in BANNED if w in ko] and not [p for p in BANNED_PATTERNS if re.search(p, ko)], key
        assert not [m.group() for m in FIXED.finditer(ko) if _depends_on_the_value(ko, m)], key


@pytest.mark.parametrize("lesson,name", CASES)
def test_check_accepts_the_truth_and_rejects_a_wrong_answer(lesson, name):
    for seed in (0, 1, 7):
        a = checks.ask(lesson, name, seed)
        if a.kind == "shape":
            assert checks.check(a, ", ".join(map(str, a.truth))).right
            assert checks.check(a, "×".join(map(str, a.truth))).right
            wrong = checks.check(a, ", ".join(map(str, a.truth[:-1] + (a.truth[-1] + 1,))))
            assert not wrong.right and wrong.problem is None
            assert checks.check(a, "twenty").problem
        else:
            assert checks.check(a, a.truth).right
            assert all(not checks.check(a, o).right for o in a.options if o != a.truth)
            assert checks.check(a, "hack").problem == "hack"


@pytest.mark.parametrize("lesson,name", CASES)
def test_the_stack_is_the_one_the_question_shows(lesson, name):
    a = checks.ask(lesson, name, 3)
    stack = checks.stack_of(a)
    if stack is None:
        assert "stack" not in a.values
        return
    assert all(f"`{spec['type']}(" in a.values["stack"] for spec in stack)
    summary = summarize(stack, a.values["input"], "keras" if lesson in ("shapes", "pca", "stacked") else "pytorch")
    assert summary.ok
    if a.kind == "shape":
        assert a.truth[-len(summary.output_shape):] == summary.output_shape
    stack[0]["type"] = "changed"
    assert checks.stack_of(a)[0]["type"] != "changed"  # a copy


def _step_stacks():
    """Every prefix of every stack the lessons' steps show (their presets at the lessons' settings, on one and
    three channels and the usual sides) and of step 'fix''s variant."""
    from aecore.app import guided
    from aecore.learn import data
    made = [guided.same_everywhere()]
    for lesson in course.ORDER:
        for dataset in ("digits", "ihc"):
            for config in guided.configs(lesson, dataset, "cpu"):
                info = data.REGISTRY[config.dataset]
                for c, side in [(info.channels, info.side), (1, 8), (1, 28), (3, 28), (3, 32)]:
                    params = presets.fit_to(config.model, c, side, **dict(config.model_params))
                    made.append(presets.make(config.model, **params))
    for name in presets.PRESETS:
        made.append(presets.make(name))
    return {(json.dumps(stack[:i], sort_keys=True), tuple(shape)) for stack, shape, _ in made
            for i in range(1, len(stack) + 1)}


def test_no_check_repeats_a_steps_stack():
    seen = _step_stacks()
    assert len(seen) > 50
    for lesson, name in CASES:
        for seed in SEEDS:
            a = checks.ask(lesson, name, seed)
            stack = checks.stack_of(a)
            if stack is not None:
                assert (json.dumps(stack, sort_keys=True), tuple(a.values["input"])) not in seen, (a.id, seed)
