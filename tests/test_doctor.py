"""The training doctor on real runs: a model that truly collapses, and one that does not."""
from dataclasses import replace

import pytest

from aecore.learn import data
from aecore.learn.config import TrainConfig
from aecore.learn.doctor import COLLAPSED_RATIO, examine, measure
from aecore.learn.train import prepare, run

MNIST_QUICK = TrainConfig(epochs=3, batch_size=128, lr=1e-3)  # MNIST's quick settings, left on after a switch
DIGITS_QUICK = TrainConfig(epochs=10, batch_size=32, lr=3e-3)  # what the form suggests for digits


def diagnosis(config):
    result = run(config, device="cpu")
    return result, examine(result)


def test_a_collapsed_model_is_found_and_the_cure_works():
    result, d = diagnosis(MNIST_QUICK)
    assert d.verdict == "collapsed" and d.ratio > 1 and d.spread < 0.1  # worse than the mean image, all alike
    assert [c.key for c in d.causes][0] == "doctor.few_steps"
    assert d.causes[0].values["steps"] == 36  # 3 epochs × ⌈1437/128⌉ batches
    assert d.patch() == {"epochs": 14, "batch_size": 32}
    _, cured = diagnosis(replace(MNIST_QUICK, **d.patch()))
    assert cured.verdict == "ok" and cured.ratio < 0.3 and cured.spread > 0.8


def test_a_trained_model_is_left_alone():
    _, d = diagnosis(DIGITS_QUICK)
    assert d.verdict == "ok" and d.ratio < 0.2 and d.causes == ()


def test_a_small_learning_rate_is_named():
    _, d = diagnosis(TrainConfig(epochs=1, batch_size=1024, lr=1e-4))
    assert d.verdict == "collapsed" and {"doctor.few_steps", "doctor.low_lr"} <= {c.key for c in d.causes}
    assert d.patch()["lr"] == 3e-3


def test_the_baseline_is_the_mean_image():
    """A 'model' that answers the mean training image for every input scores ratio 1 and spread 0."""
    import torch
    result = run(replace(DIGITS_QUICK, epochs=1), device="cpu")
    images = data.load("digits")
    train_x = prepare(images.train_x, result.plan)
    test_x = prepare(images.test_x, result.plan)[:64]

    class Mean(torch.nn.Module):
        latent_shape = (1,)

        def __init__(self):
            super().__init__()
            self.w = torch.nn.Parameter(torch.zeros(1))
            self.mean = train_x.double().mean(0).float() / 255

        def forward_parts(self, x, logits=False):
            return x.flatten(1)[:, :1] * 0, self.mean.expand(len(x), -1, -1, -1).clone()
    error, baseline, spread, dead = measure(Mean(), result.plan, train_x, test_x)
    assert error == pytest.approx(baseline, rel=1e-5) and spread == 0 and dead == 1.0
    assert error / baseline >= COLLAPSED_RATIO
