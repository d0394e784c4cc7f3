"""Every lesson sentence that claims an effect, checked on the step's own configuration against a computation
of the test's own: the model run by hand, PSNR by its formula, distances and AUC by brute force in float64.

Each configuration is trained once per test run (``trained``), on the CPU, exactly as the page trains it
(``aecore.app.guided.configs`` and the lessons' recipes), on the offline images a classroom without network has.
"""
from dataclasses import replace

import numpy as np
import pytest
import torch
from conftest import train_once

from aecore.app import guided as steps
from aecore.learn import data
from aecore.learn.train import from_model, prepare, to_model
from aecore.shapes.build import build
from aecore.shapes.layers import summarize
from aecore.use import course, generate, lessons, quality

pytestmark = pytest.mark.claims
_HOME: list = []


@pytest.fixture(autouse=True, scope="module")
def _shared(trained_home):
    _HOME[:] = [trained_home]


def trained(config):
    """One trained model per configuration per test run: the same store the pages' tests fill (a lesson and its
    tool train the same configs)."""
    return train_once(config, _HOME[0])


def forward(result, x_uint8: torch.Tensor, clamp: bool = True) -> torch.Tensor:
    """The model on images, by hand: uint8 (N, C, H, W) -> float (N, C·H·W or C, H, W), in [0, 1] as an image
    (``clamp``) or the raw output (an MLP's sigmoid-free outputs may leave [0, 1])."""
    result.model.eval()
    with torch.no_grad():
        y = result.model(to_model(x_uint8.float() / 255, result.plan))
    if clamp:
        return from_model(y, result.plan)
    assert result.plan.scale != "signed"
    return y.double().reshape(len(y), -1)


def psnr(clean01: np.ndarray, other01: np.ndarray) -> np.ndarray:
    """PSNR per image from its definition: 10 log10(1 / MSE), pixels in [0, 1]."""
    mse = ((clean01.astype(np.float64) - other01.astype(np.float64)) ** 2).reshape(len(clean01), -1).mean(1)
    return 10 * np.log10(1.0 / np.maximum(mse, 1e-12))


def held_out(config, n: int | None = None):
    images = data.load(config.dataset)
    x = prepare(images.test_x, trained(config).plan)
    y = images.test_y.numpy()
    return (x, y) if n is None else (x[:n], y[:n])


# ---- lesson 2: the decoder goes back up, and output_padding picks the size -------------------------------------

@pytest.mark.parametrize("dataset", ["ihc", "cifar10"])
def test_lesson2_output_padding_step_is_what_pytorch_computes(dataset):
    """The step's numbers (n, out, other) against real torch layers: the transposed convolution gives
    ``out``, and a stride-2 convolution takes both ``out`` and ``other`` down to ``n`` (why output_padding)."""
    config = steps.configs("conv", dataset, "cpu")[0]
    from aecore.learn.config import plan
    summary = plan(config).summary
    row, facts = steps.up_row(summary)
    cin, n, _ = row.input_shape
    cfg = dict(row.cfg)
    layer = torch.nn.ConvTranspose2d(cin, cfg["out_channels"], facts["k"], facts["s"], facts["p"], facts["op"])
    assert tuple(layer(torch.zeros(1, cin, n, n)).shape[1:]) == tuple(row.output_shape)
    assert row.output_shape[1] == facts["out"]
    down = torch.nn.Conv2d(1, 1, facts["k"], facts["s"], facts["p"])
    for side in (facts["out"], facts["other"]):
        assert down(torch.zeros(1, 1, side, side)).shape[-1] == n
    # the whole decoder lands on the input's size: every row of the table is what torch computes
    x = torch.zeros((1,) + tuple(summary.input_shape))
    for i, block in enumerate(build(summary).blocks):
        x = block(x)
        assert tuple(x.shape[1:]) == tuple(summary.rows[i].output_shape), i
    assert tuple(x.shape[1:]) == tuple(summary.input_shape)


# ---- lesson 2: denoising -------------------------------------------------------------------------------------

def test_lesson2_denoising_is_clearly_better_on_noisy_images():
    """The step's own pair of models: on noisy test images (σ as the step uses) the denoising model's output
    is ≥ 1.5 dB closer to the clean images than the plain model's (PSNR by its formula), SSIM higher too,
    and the page's verdict says so."""
    _, plain_cfg, dae_cfg = steps.configs("conv", "ihc", "cpu")
    assert plain_cfg.dataset == dae_cfg.dataset == "digits" and dae_cfg.noise_level == steps.NOISE_TRAIN
    plain, dae = trained(plain_cfg), trained(dae_cfg)
    x, y = held_out(plain_cfg)
    clean = x[data.pick_diverse(y, steps.DENOISE_IMAGES, 0)]
    gen = torch.Generator().manual_seed(123)  # noise of the test's own, not the page's
    noisy01 = (clean.float() / 255 + steps.NOISE_TEST * torch.randn(clean.shape, generator=gen)).clamp(0, 1)
    noisy = (noisy01 * 255).round().to(torch.uint8)
    c = clean.float().numpy() / 255
    p_plain, p_dae = psnr(c, forward(plain, noisy).numpy()), psnr(c, forward(dae, noisy).numpy())
    assert p_dae.mean() - p_plain.mean() >= 1.5, (p_plain.mean(), p_dae.mean())
    s_plain = np.mean(quality.ssim(clean, (forward(plain, noisy) * 255).round().to(torch.uint8)))
    s_dae = np.mean(quality.ssim(clean, (forward(dae, noisy) * 255).round().to(torch.uint8)))
    assert s_dae > s_plain + 0.03, (s_plain, s_dae)
    # what the page shows (its own noise draw) tells the same story
    out = quality.compare({"plain": plain.model, "dae": dae.model}, plain.plan, clean, "gaussian",
                          steps.NOISE_TEST, 0)
    facts = steps.denoise_facts(out)
    assert facts["truth"] == "dae" and float(facts["gain"]) >= 1.5


# ---- lesson 2: similar images, on images whose labels are not a pixel statistic --------------------------------

def test_lesson2_neighbours_are_the_nearest_codes_and_labels_are_digits():
    config = steps.configs("conv", "ihc", "cpu")[1]
    assert config.dataset == "digits"  # the tissue tiles' labels are how brown a tile is: not used here
    result = trained(config)
    from aecore.use import search
    x, y = held_out(config)
    codes = search.embed(result.model, result.plan, x)
    brute = codes.double().numpy()
    for i in (0, 5, 17):
        rows, _ = search.KeyIndex(codes).nearest(codes[i], steps.NEIGHBOURS, exclude=i)
        d = ((brute - brute[i]) ** 2).sum(1)
        d[i] = np.inf
        assert set(int(r) for r in rows) == set(np.argsort(d, kind="stable")[:steps.NEIGHBOURS].tolist())
    # the claim "near codes often share the class": well above chance over the whole test set
    d = ((brute[:, None, :] - brute[None, :, :]) ** 2).sum(-1)
    np.fill_diagonal(d, np.inf)
    share = float((y[np.argsort(d, axis=1)[:, :steps.NEIGHBOURS]] == y[:, None]).mean())
    assert share > 0.7, share


# ---- lesson 3: the 3-D codes group the classes -------------------------------------------------------------

def test_lesson3_codes_group_classes_by_scikit_learn():
    from sklearn.neighbors import KNeighborsClassifier
    config = steps.configs("code3d", "digits", "cpu")[0]
    result = trained(config)
    from aecore.use import search
    x, y = held_out(config)
    codes = search.embed(result.model, result.plan, x).numpy()
    truth, share, chance = course.grouped(codes, y)
    knn = KNeighborsClassifier(n_neighbors=6).fit(codes, y)  # itself among its 6 nearest: 5 others
    idx = knn.kneighbors(codes, return_distance=False)[:, 1:]
    assert abs(float((y[idx] == y[:, None]).mean()) - share) < 0.02
    assert truth == "yes" and share >= 2 * chance


# ---- lesson 5: tied weights, layer-wise training and the epochs behind the errors --------------------------------

def _error(result) -> float:
    """The test error as the lesson shows it: MSE per pixel of the raw outputs (unclipped, as PCA's)."""
    x, _ = held_out(result.config)
    return float(((forward(result, x, clamp=False) - x.double().reshape(len(x), -1) / 255) ** 2).mean())


def test_lesson5_tied_counts_and_errors():
    plain_cfg, tied_cfg, greedy_cfg, e2e_cfg = steps.configs("stacked", "digits", "cpu")
    from aecore.ui import lessons as L
    plain, tied = trained(plain_cfg), trained(tied_cfg)
    weights = 784 * 300 + 300 * 150
    assert L.unique_params(plain.model) == 2 * weights + 300 + 150 + 300 + 784
    assert L.unique_params(tied.model) == weights + 300 + 150 + 300 + 784
    assert course.saving(L.unique_params(plain.model), L.unique_params(tied.model)) == "half"
    n, same = L.tie_facts(tied.model)
    assert n == 2 and same
    # the page's error is the test's own
    assert abs(L.test_error(plain_cfg.key(), plain) - _error(plain)) < 1e-6


def test_lesson5_greedy_step_says_why_its_end_to_end_error_is_lower_than_step_3():
    plain_cfg, _, greedy_cfg, e2e_cfg = steps.configs("stacked", "digits", "cpu")
    plain, greedy, e2e = trained(plain_cfg), trained(greedy_cfg), trained(e2e_cfg)
    assert e2e_cfg.epochs == 3 * plain_cfg.epochs == 3 * greedy_cfg.epochs
    assert _error(e2e) < _error(plain)          # "that is why its error is lower than the untied model's there"
    steps_greedy = sum(len(ph["train_loss"]) for ph in greedy.history["phases"])
    assert steps_greedy == e2e_cfg.epochs       # the same number of epochs (and steps) on both sides
    from aecore.ui import lessons as L
    a, b = L.train_seconds(greedy), L.train_seconds(e2e)
    assert a > 0 and b > 0
    words = L.time_note(greedy, e2e)
    assert f"{a:.1f}" in words and f"{b:.1f}" in words


def test_lesson5_phase_bands_cover_the_greedy_curve():
    _, _, greedy_cfg, _ = steps.configs("stacked", "digits", "cpu")
    from aecore.ui import lessons as L
    greedy = trained(greedy_cfg)
    bands = L.phase_bands(greedy.history["phases"])
    assert len(bands) == 3 and bands[0][0] == 0.5 and bands[-1][1] == len(greedy.history["test_loss"]) + 0.5


# ---- the VAE page --------------------------------------------------------------------------------------------

def test_vae_random_codes_decode_closer_to_real_images_at_the_pages_default():
    """At the page's default (a code of 8 numbers, β = 1) the VAE's N(0, I) samples are nearer to real training
    images than the plain model's (float64 brute force), its codes are nearer N(0, I), and the page's
    verdict says so."""
    plain_cfg, vae_cfg = lessons.vae_pair("digits", 8, 1.0, "cpu")
    plain, vae = trained(plain_cfg), trained(vae_cfg)
    images = data.load("digits")
    train_x = prepare(images.train_x, plain.plan, cap=plain_cfg.max_train, seed=plain_cfg.seed)
    t = train_x.double().numpy().reshape(len(train_x), -1) / 255

    def nearest(result):
        s = generate.prior_samples(result.model, result.plan, 64, seed=0).double().numpy().reshape(64, -1) / 255
        d = ((s[:, None, :] - t[None, :, :]) ** 2).mean(-1)
        return float(d.min(1).mean())
    d_vae, d_plain = nearest(vae), nearest(plain)
    page_vae = float(generate.nearest_distance(generate.prior_samples(vae.model, vae.plan, 64, seed=0), train_x).mean())
    assert abs(page_vae - d_vae) < 1e-5
    assert generate.realism(d_vae, d_plain) == "vae" and d_plain / d_vae > 1.5, (d_vae, d_plain)
    from aecore.use import search
    x, _ = held_out(plain_cfg)
    cv, cp = search.embed(vae.model, vae.plan, x), search.embed(plain.model, plain.plan, x)
    assert abs(float(cv.var(0).mean()) - 1) < abs(float(cp.var(0).mean()) - 1)
    assert float(cv.mean(0).abs().mean()) < float(cp.mean(0).abs().mean())
    assert generate.code_sigma(plain.model, plain.plan, x) is None
    assert 0 < generate.code_sigma(vae.model, vae.plan, x) < 1


# ---- the anomaly lab: the AUC depends on the normal class -------------------------------------------------------

def _auc_brute(anomalous: np.ndarray, error: np.ndarray) -> float:
    """P(error of an anomaly > error of a normal image), ties counting half: the AUC by its definition."""
    a, n = error[anomalous], error[~anomalous]
    return float(((a[:, None] > n[None, :]).sum() + 0.5 * (a[:, None] == n[None, :]).sum()) / (len(a) * len(n)))


def test_anomaly_auc_per_class_equals_its_definition():
    from aecore.use import anomaly
    aucs = []
    for normal in (0, 8):
        config = lessons.anomaly("digits", normal, "cpu")
        result = trained(config)
        x, y = held_out(config)
        per_image = ((forward(result, x).double() - x.double() / 255) ** 2).reshape(len(x), -1).mean(1).numpy()
        s = anomaly.scores(result, x, y, normal)
        assert np.allclose(s.error, per_image, atol=1e-5)
        auc = anomaly.roc(s.anomaly, s.error)["auc"]
        assert abs(auc - _auc_brute(y != normal, per_image)) < 1e-3
        aucs.append(auc)
    assert aucs[0] != aucs[1]  # one number for one class says little about another


# ---- lesson 1: training and test loss -------------------------------------------------------------------------

def test_lesson1_test_loss_shown_is_the_models_own():
    config = steps.configs("shapes", "digits", "cpu")[0]
    result = trained(config)
    from aecore.learn.train import evaluate
    x, _ = held_out(config)
    xte = prepare(data.load(config.dataset).test_x, result.plan, cap=max(256, config.max_train // 4), seed=config.seed)
    assert abs(evaluate(result.model, result.plan, xte, config.seed) - result.history["test_loss"][-1]) < 1e-6
    assert len(x) > 0
    assert course.closer(result.history["train_loss"][-1], result.history["test_loss"][-1]) in ("a", "b", "same")


def test_the_greedy_configs_are_the_pages():
    """The lesson and the Stacked & tied page train the same models (one cache): the claims above hold for both."""
    plain_cfg, tied_cfg, greedy_cfg, e2e_cfg = steps.configs("stacked", "digits", "cpu")
    assert plain_cfg == lessons.stacked("digits", "ae", device_kind="cpu")
    assert e2e_cfg == lessons.end_to_end_for(lessons.stacked("digits", "greedy", device_kind="cpu"))
    assert replace(tied_cfg, family="ae") == plain_cfg


def test_summary_of_lesson1_rows_match_torch():
    from aecore.shapes import presets
    stack, shape, dialect = presets.make("s0-keras-conv")
    summary = summarize(stack, shape, dialect)
    x = torch.zeros((1, shape[2], shape[0], shape[1]))
    outs = []
    for block in build(summary).blocks:  # row i's block, channels first
        x = block(x)
        outs.append(tuple(x.shape[1:]))
    for step_id, row in steps.SHAPE_ROWS.items():
        h, w, c = summary.rows[row].output_shape
        assert outs[row] == (c, h, w), step_id
