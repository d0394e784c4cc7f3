"""The lessons' model families against independent references: PCA from scikit-learn, float64 formulas,
torch.distributions, a brute-force Mann–Whitney count for the AUC."""
import math
from dataclasses import replace

import numpy as np
import pytest
import torch
from conftest import train_once

from aecore.learn import data
from aecore.learn.config import ConfigError, TrainConfig, plan
from aecore.learn.families import TiedLinear, VAE, kl_normal, kl_sparsity, penalty, tie
from aecore.learn.train import prepare, run
from aecore.shapes.build import build
from aecore.use import anomaly, lessons, pca

FAST = dict(max_train=512)


# ---- linear autoencoder = PCA ----------------------------------------------------------------------------

def test_a_linear_autoencoder_finds_pcas_subspace(trained_home):
    """The Linear AE = PCA page's own model (k = 16), trained once per run for the page's tests too."""
    config = lessons.linear("digits", 16)
    result = train_once(config, trained_home)
    images = data.load("digits")
    train_x, test_x = prepare(images.train_x, result.plan), prepare(images.test_x, result.plan)
    r = pca.compare(result, train_x, test_x)
    assert r["k"] == 16 and r["ae_error"] / r["pca_error"] < 1.01
    assert r["angles"][0] < 3  # degrees: the same subspace
    fitted = pca.fit_pca(train_x, 16)  # on the training images PCA is the optimum: the autoencoder cannot beat it
    assert pca.ae_error(result.model, result.plan, train_x) >= pca.pca_error(fitted, train_x) * (1 - 1e-6)


def test_principal_angles_against_a_known_rotation():
    rng = np.random.default_rng(0)
    basis = np.linalg.qr(rng.normal(size=(50, 3)))[0]
    assert np.allclose(pca.principal_angles(basis @ rng.normal(size=(3, 3)), basis.T), 0, atol=1e-6)  # same span
    tilted = basis.copy()
    tilted[:, 0] = math.cos(0.3) * basis[:, 0] + math.sin(0.3) * np.linalg.qr(
        np.c_[basis, rng.normal(size=50)])[0][:, 3]
    assert pca.principal_angles(tilted, basis.T)[0] == pytest.approx(math.degrees(0.3), abs=1e-6)


def test_pca_curve_matches_scikit_learn_refits():
    images = data.load("digits")
    p = plan(lessons.linear("digits", 8))
    train_x, test_x = prepare(images.train_x, p), prepare(images.test_x, p)
    curve = pca.pca_curve(train_x, test_x, [2, 8])
    for k in (2, 8):
        assert curve[k] == pytest.approx(pca.pca_error(pca.fit_pca(train_x, k), test_x), rel=1e-9)


# ---- tied weights ---------------------------------------------------------------------------------------

def test_tied_weights_are_one_tensor_and_half_the_count():
    p = plan(lessons.stacked("digits", "tied"))
    plain, tied = build(p.summary), tie(build(p.summary))
    n = lambda m: sum(q.numel() for q in m.parameters())  # noqa: E731
    assert n(plain) == 784 * 300 + 300 + 300 * 150 + 150 + 150 * 300 + 300 + 300 * 784 + 784 == 561_934
    assert n(tied) == 784 * 300 + 300 + 300 * 150 + 150 + 300 + 784 == 281_734
    decoders = [m for m in tied.modules() if isinstance(m, TiedLinear)]
    assert len(decoders) == 2 and all(d.weight.data_ptr() == d.encoder[0].weight.data_ptr() for d in decoders)
    state = tied.state_dict()
    for name, module in tied.named_modules():
        if isinstance(module, TiedLinear):  # a tied decoder saves its bias only: its weight is the encoder's
            assert f"{name}.bias" in state and f"{name}.weight" not in state
    opt = torch.optim.SGD(tied.parameters(), lr=0.1)  # one step on the decoder's loss moves the encoder too
    before = decoders[0].encoder[0].weight.detach().clone()
    tied(torch.rand(4, 1, 28, 28)).square().mean().backward()
    opt.step()
    assert not torch.equal(before, decoders[0].encoder[0].weight) and torch.equal(decoders[0].weight,
                                                                                   decoders[0].encoder[0].weight.t())


def test_tying_needs_mirrored_dense_layers():
    with pytest.raises(ConfigError, match="mirror each other"):
        plan(TrainConfig(model="s0-keras-conv", family="tied"))
    with pytest.raises(ConfigError, match="mirror each other"):
        plan(TrainConfig(model="s2-mlp3", family="greedy").__class__(model="s1-uva-conv", family="greedy"))
    plan(TrainConfig(model="s2-mlp3", family="tied"))  # 784-128-64-12-3 and back: it mirrors


def test_a_tied_model_trains_saves_and_loads(tmp_path, monkeypatch):
    from aecore.learn import store
    monkeypatch.setenv("AECORE_HOME", str(tmp_path))
    config = replace(lessons.stacked("digits", "tied"), epochs=2, **FAST)
    result = run(config, device="cpu")
    store.save(result)
    again = store.load(config)
    x = torch.rand(3, 1, 28, 28)
    assert torch.equal(result.model.eval()(x), again.model(x))
    assert sum(q.numel() for q in again.model.parameters()) == 281_734


# ---- layer-wise pretraining ---------------------------------------------------------------------------------

def test_greedy_pretraining_runs_its_phases_at_equal_steps():
    config = replace(lessons.stacked("digits", "greedy"), epochs=2, **FAST)
    result = run(config, device="cpu")
    phases = result.history["phases"]
    assert [p["name"] for p in phases] == ["pair", "pair", "fine_tune"] and [p["pair"] for p in phases] == [1, 2, None]
    assert all(len(p["train_loss"]) == 2 for p in phases) and len(result.history["test_loss"]) == 6
    assert lessons.end_to_end_for(config).epochs == 6 and lessons.end_to_end_for(config).family == "ae"
    assert result.history["test_loss"][-1] < result.history["test_loss"][0]


# ---- sparsity ---------------------------------------------------------------------------------------------------

def test_kl_sparsity_against_a_float64_formula():
    z = torch.rand(64, 10, generator=torch.Generator().manual_seed(0))
    rho = 0.05
    rho_hat = z.double().mean(0).numpy()
    expected = float(np.sum(rho * np.log(rho / rho_hat) + (1 - rho) * np.log((1 - rho) / (1 - rho_hat))))
    assert float(kl_sparsity(z, rho)) == pytest.approx(expected, rel=1e-5)
    assert float(kl_sparsity(torch.full((8, 4), rho), rho)) == pytest.approx(0, abs=1e-6)  # on target: no penalty
    assert float(penalty(z, "l1", 0.5)) == pytest.approx(0.5 * float(z.abs().mean()))


def test_the_kl_penalty_needs_a_sigmoid_code():
    with pytest.raises(ConfigError, match="between 0 and 1"):
        plan(TrainConfig(model="s4-stacked", sparsity=0.1, penalty="kl"))
    plan(lessons.sparse("digits", 64, 0.1, "kl", 0.05))


def test_the_kl_penalty_holds_units_near_rho(trained_home):
    from aecore.use import sparse
    result = train_once(lessons.sparse("digits", 64, 0.1, "kl", 0.05), trained_home)  # the Sparse page's default
    u = sparse.units(result, prepare(data.load("digits").test_x, result.plan))
    assert abs(u.mean.mean() - 0.05) < 0.02 and u.near_zero > 0.4


# ---- anomalies ------------------------------------------------------------------------------------------------

def test_roc_auc_against_a_brute_force_count():
    rng = np.random.default_rng(1)
    anomalous = rng.random(200) < 0.3
    error = rng.normal(size=200) + anomalous * 1.0
    error[:10] = error[10]  # ties count half, as the AUC's definition says
    pos, neg = error[anomalous], error[~anomalous]
    wins = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
    assert anomaly.roc(anomalous, error)["auc"] == pytest.approx(wins / (len(pos) * len(neg)), abs=1e-12)
    c = anomaly.confusion(anomalous, error, 0.5)
    assert c == {"tp": int(((error > 0.5) & anomalous).sum()), "fp": int(((error > 0.5) & ~anomalous).sum()),
                 "tn": int(((error <= 0.5) & ~anomalous).sum()), "fn": int(((error <= 0.5) & anomalous).sum())}
    assert list(anomaly.worst(np.array([0.1, 0.5, 0.5, 0.2]), 3)) == [1, 2, 3]


def test_training_on_one_class_uses_only_that_class():
    config = replace(lessons.anomaly("digits", 3), epochs=1)
    result = run(config, device="cpu")
    assert result.images == int((data.load("digits").train_y == 3).sum())
    with pytest.raises(ConfigError, match="no class number 10"):
        run(replace(config, only_class=10), device="cpu")


# ---- the VAE -------------------------------------------------------------------------------------------------

def test_the_vae_kl_matches_its_closed_form_in_torch_distributions():
    from torch.distributions import Normal, kl_divergence
    mu, logvar = torch.randn(5, 3, dtype=torch.float64), torch.randn(5, 3, dtype=torch.float64)
    expected = kl_divergence(Normal(mu, (0.5 * logvar).exp()), Normal(torch.zeros(3), torch.ones(3))).sum(1)
    assert torch.allclose(kl_normal(mu, logvar), expected, atol=1e-12)


def test_the_vae_samples_in_training_and_uses_the_mean_in_evaluation():
    vae = VAE(build(plan(TrainConfig(model="s2-mlp3")).summary))
    x = torch.rand(6, 1, 28, 28)
    vae.eval()
    a, b = vae.forward_parts(x)[1], vae.forward_parts(x)[1]
    assert torch.equal(a, b) and torch.equal(vae.encode(x), vae.forward_parts(x)[0])
    vae.train()
    assert not torch.equal(vae.forward_parts(x)[1], vae.forward_parts(x)[1]) and float(vae.kl.detach()) > 0


def test_a_vae_learns_codes_near_the_prior(trained_home):
    """After training, the VAE's codes sit around N(0, I); the plain twin's are wherever training put them. The
    VAE page's default pair (a code of 8 numbers), trained once per run for the page's tests too."""
    from aecore.use import search
    plain_cfg, vae_cfg = lessons.vae_pair("digits", 8, 1.0)
    test_x = prepare(data.load("digits").test_x, plan(vae_cfg))
    spread = {}
    for name, config in (("plain", plain_cfg), ("vae", vae_cfg)):
        result = train_once(config, trained_home)
        codes = search.embed(result.model, result.plan, test_x)
        spread[name] = float(codes.std(0).mean())
    assert 0.3 < spread["vae"] < 2.5 and spread["plain"] > 1.5 * spread["vae"]
