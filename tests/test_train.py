"""The training engine and the store, on the CPU with the offline digits (the workers: test_workers.py)."""
import copy
import json
from dataclasses import replace

import pytest
import torch

from aecore.learn import store
from aecore.learn.config import ConfigError, TrainConfig, plan
from aecore.learn.train import corrupt, run
from aecore.shapes.presets import make

QUICK = TrainConfig(epochs=3, batch_size=64, lr=3e-3, max_train=512)
_QUICK: list = []


def quick_run():
    """QUICK trained once for the module; each caller gets its own copy (a test may change the weights)."""
    if not _QUICK:
        _QUICK.append(run(QUICK, device="cpu"))
    return copy.deepcopy(_QUICK[0])


def test_loss_falls_on_digits():
    r = quick_run()
    assert r.images == 512 and r.device == "cpu" and len(r.history["train_loss"]) == 3
    assert r.history["train_loss"][-1] < r.history["train_loss"][0] - 0.05
    assert r.history["test_loss"][-1] < r.history["test_loss"][0]
    assert all(s > 0 for s in r.history["epoch_s"]) and not r.model.training


def test_same_seed_same_losses_on_cpu():
    a = quick_run().history
    b = run(QUICK, device="cpu").history  # a run of its own: the same numbers again
    assert a["train_loss"] == b["train_loss"] and a["test_loss"] == b["test_loss"]
    c = run(TrainConfig(**{**QUICK.__dict__, "seed": 1}), device="cpu").history
    assert c["train_loss"] != a["train_loss"]


@pytest.mark.parametrize("noise", ["gaussian", "salt_pepper", "masking"])
def test_denoising_trains_from_noisy_input_to_clean_target(noise):
    r = run(TrainConfig(epochs=2, batch_size=64, max_train=256, noise=noise, noise_level=0.3), device="cpu")
    assert r.history["train_loss"][-1] < r.history["train_loss"][0]


def test_noise_kinds():
    x = torch.full((4, 1, 8, 8), 0.5)
    g = torch.Generator().manual_seed(0)
    assert torch.equal(corrupt(x, "none", 0.5), x)
    assert abs(float((corrupt(x, "gaussian", 0.2, g) - x).std()) - 0.2) < 0.05
    m = corrupt(x, "masking", 0.25, g)
    assert set(m.unique().tolist()) <= {0.0, 0.5} and 0.1 < float((m == 0).float().mean()) < 0.4
    sp = corrupt(x, "salt_pepper", 0.5, g)
    assert set(sp.unique().tolist()) <= {0.0, 0.5, 1.0} and float((sp == 1).float().mean()) > 0.1


def test_sparsity_and_tanh_model_and_flat_model():
    run(TrainConfig(epochs=1, max_train=128, sparsity=0.01), device="cpu")
    p = plan(TrainConfig(model="s1-uva-conv", model_params=(("base", 4), ("latent", 8))))
    assert (p.scale, p.loss, p.model_input) == ("signed", "mse", (1, 28, 28))
    r = run(TrainConfig(model="s1-uva-conv", model_params=(("base", 4), ("latent", 8)), epochs=1, max_train=128),
            device="cpu")
    assert r.history["train_loss"][0] > 0
    stack, shape, dialect = make("s4-stacked", hidden=32, coding=8)
    flat = [{"type": "Dense", "units": 16, "activation": "relu"}, {"type": "Dense", "units": 784, "activation": "sigmoid"}]
    cfg = TrainConfig(model="custom", stack=json.dumps(flat), dialect="keras", input_shape=(784,), epochs=1,
                      max_train=128)
    assert plan(cfg).model_input == (784,) and run(cfg, device="cpu").history["train_loss"]


@pytest.mark.parametrize("change,needle", [
    ({"lr": 0}, "lr must be from"), ({"epochs": 0}, "epochs must be from"), ({"dataset": "nope"}, "no dataset"),
    ({"noise": "pink"}, "noise must be one of"), ({"model": "nope"}, "no model called"),
    ({"loss": "bce", "model": "s1-uva-conv"}, "end the model with a sigmoid"),
    ({"model_params": (("latent", 0),), "model": "s3-dense"}, "latent must be"),
    ({"model": "custom", "stack": json.dumps([{"type": "Dense", "units": 10}]), "input_shape": (784,)},
     "is not its input"),
    ({"model": "custom", "stack": json.dumps([{"type": "Conv2D", "filters": 1, "kernel_size": 40}]),
      "input_shape": (28, 28, 1)}, "cannot be built"),
])
def test_bad_settings_are_refused_with_a_reason(change, needle):
    with pytest.raises(ConfigError, match=needle):
        plan(TrainConfig(**{**QUICK.__dict__, **change}))


def test_budget_is_checked(monkeypatch):
    from aecore.learn import config
    monkeypatch.setitem(config.BUDGET, "cpu", 5000)
    with pytest.raises(ConfigError, match=r"1437 images × 4 epochs = 5748 image passes"):
        run(TrainConfig(epochs=4), device="cpu")



def _custom(stack, batch=128):
    return TrainConfig(**{**QUICK.__dict__, "model": "custom", "stack": json.dumps(stack), "input_shape": (28, 28, 1),
                          "batch_size": batch})


FLAT, BACK = {"type": "Flatten"}, {"type": "Reshape", "target_shape": [28, 28, 1]}
ONE = {"type": "Conv2D", "filters": 1, "kernel_size": 3, "padding": "same"}


@pytest.mark.parametrize("stack, batch, needle", [
    ([{"type": "Conv2D", "filters": 4096, "kernel_size": 3, "padding": "same"}, ONE], 128, "4096 channels"),
    ([FLAT, {"type": "Dense", "units": 10**6}, {"type": "Dense", "units": 784}, BACK], 128, "1000000 units"),
    ([{"type": "Conv2D", "filters": 8, "kernel_size": 21, "padding": "same"}, ONE], 128, r"kernel_size=\(21, 21\)"),
    ([FLAT] + [{"type": "Dense", "units": 784}] * 63 + [BACK], 128, "65 layers"),
    ([FLAT, {"type": "Dense", "units": 60_000}, {"type": "Dense", "units": 784}, BACK], 128, "weights"),
    ([{"type": "Conv2D", "filters": 1024, "kernel_size": 3, "padding": "same"}, ONE], 1024, "MB of memory"),
], ids=["filters", "units", "kernel", "layers", "weights", "memory"])
def test_a_model_over_budget_is_refused_before_anything_is_built(stack, batch, needle, monkeypatch):
    """Issue 11: 4096 filters or 10^6 units passed every check and took 4 GB once Train was pressed; now
    ``plan`` refuses them with a reason, and never builds a module (torch.nn.Module.__init__ is not called)."""
    import torch.nn
    built = []
    monkeypatch.setattr(torch.nn.Module, "__init__", lambda self, *a, **k: built.append(self))
    with pytest.raises(ConfigError, match=needle):
        plan(_custom(stack, batch))
    assert not built
    a = TrainConfig(noise="none", noise_level=0.7, model_params=(("b", 1), ("a", 2)))
    b = TrainConfig(noise="none", noise_level=0.0, model_params=(("a", 2), ("b", 1)))
    assert a.key() == b.key() and a.key() != TrainConfig(epochs=21).key()
    assert TrainConfig.from_dict(a.to_dict()).key() == a.key()


def test_store_round_trip_and_disk_cache():
    r = quick_run()
    assert store.load(QUICK) is None
    path = store.save(r)
    back = store.load(QUICK)
    assert back is not None and back.from_cache == "disk" and back.history == json.loads(
        json.dumps(r.history))
    for a, b in zip(r.model.state_dict().values(), back.model.state_dict().values()):
        assert torch.equal(a, b)
    assert not back.model.training and path.endswith(QUICK.key() + ".zip")
    assert store.saved() == [QUICK]


def test_store_takes_an_fsspec_url(monkeypatch, tmp_path):
    monkeypatch.setenv("AECORE_STORE", "memory://aecore-test-store")
    r = quick_run()
    store.save(r)
    assert store.load(QUICK) is not None and store.saved() == [QUICK]
    monkeypatch.setenv("AECORE_STORE", f"file://{tmp_path}/shared")
    store.save(r)
    assert (tmp_path / "shared" / (QUICK.key() + ".zip")).exists() and store.load(QUICK) is not None


def _rewrite(config, member: str, payload: bytes) -> None:
    """Replace one member of a saved model file (as a tampering user, or a bit rot, would)."""
    import io
    import zipfile
    from pathlib import Path
    path = Path(store.path_for(config))
    old = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name in old.namelist():
            z.writestr(name, payload if name == member else old.read(name))
    path.write_bytes(out.getvalue())


def test_corrupt_weights_are_ignored_with_a_warning():
    store.save(quick_run())
    _rewrite(QUICK, "weights.pt", b"\x00garbage")
    with pytest.warns(UserWarning, match="ignoring the saved model"):
        assert store.load(QUICK) is None


class Payload:
    """A pickle that would write a file when loaded, if anything ran it."""
    target = ""

    def __reduce__(self):
        return (open, (self.target, "w"))


def test_pickle_payload_is_never_executed(tmp_path):
    import io
    store.save(quick_run())
    target = tmp_path / "written-by-the-payload"
    Payload.target = str(target)
    buffer = io.BytesIO()
    torch.save({"weights": Payload()}, buffer)
    _rewrite(QUICK, "weights.pt", buffer.getvalue())
    with pytest.warns(UserWarning, match="ignoring the saved model"):
        assert store.load(QUICK) is None
    assert not target.exists()


def test_tampered_config_is_ignored():
    import io
    import zipfile
    from pathlib import Path
    store.save(quick_run())
    meta = json.loads(zipfile.ZipFile(io.BytesIO(Path(store.path_for(QUICK)).read_bytes())).read("config.json"))
    meta["config"]["epochs"] = 99
    _rewrite(QUICK, "config.json", json.dumps(meta).encode())
    with pytest.warns(UserWarning):
        assert store.load(QUICK) is None


def test_nan_weights_never_load_as_already_trained():
    r = quick_run()
    with torch.no_grad():
        next(r.model.parameters())[0] = float("nan")
    store.save(r)
    with pytest.warns(UserWarning, match="NaN"):
        assert store.load(QUICK) is None


@pytest.mark.parametrize("name,loss,scale", [("s0-keras-conv", "bce", "unit"), ("s1-uva-conv", "mse", "signed"),
                                             ("s2-mlp3", "bce", "unit"), ("s3-dense", "bce", "unit"),
                                             ("s4-stacked", "mse", "unit")])
def test_the_output_range_is_found_past_shape_only_layers(name, loss, scale):
    from aecore.shapes.build import build
    p = plan(TrainConfig(model=name))
    assert (p.loss, p.scale) == (loss, scale)
    model = build(p.summary).eval()
    x = torch.rand(2, *p.model_input)
    _, logits = model.forward_parts(x, logits=True)
    _, out = model.forward_parts(x)
    if loss == "bce":  # the Sigmoid sits before an Unflatten / Reshape here, and is still the one left out
        torch.testing.assert_close(torch.sigmoid(logits), out)
    else:
        assert torch.equal(logits, out)


class _StopAfter:
    """A stop flag that is set after ``n`` checks: the loop checks it once before every step."""

    def __init__(self, n: int):
        self.n, self.calls = n, 0

    def is_set(self) -> bool:
        self.calls += 1
        return self.calls > self.n


@pytest.mark.parametrize("config", [replace(QUICK, noise="gaussian", noise_level=0.3),  # noise draws from the run's generator
                                    TrainConfig(model="s4-stacked", epochs=2, batch_size=100, max_train=512)],
                         ids=["conv-noise", "stacked"])
def test_stop_then_continue_equals_the_run_that_never_stopped(config):
    whole = run(config, device="cpu")
    part = run(config, device="cpu", stop=_StopAfter(11))  # mid-epoch: 11 steps of ⌈512/64⌉ = 8 per epoch
    ck = part.checkpoint
    assert part.stopped and (ck.epoch, ck.step) == divmod(11, ck.steps) and len(part.history["train_loss"]) == 11 // ck.steps
    rest = run(config, device="cpu", resume=part)
    assert not rest.stopped and rest.history["test_loss"] == whole.history["test_loss"]
    for a, b in zip(whole.model.state_dict().values(), rest.model.state_dict().values()):
        assert torch.equal(a, b)


def test_a_kept_stopped_run_is_exactly_its_stop_at_config():
    part = run(QUICK, device="cpu", stop=_StopAfter(11))
    kept = part.kept()
    assert kept.config.stop_at == 11 and kept.config.key() != QUICK.key() and not kept.stopped
    assert kept.history["partial"] == [2, 3, 8]
    again = run(kept.config, device="cpu")
    assert not again.stopped and again.history["partial"] == [2, 3, 8]
    for a, b in zip(kept.model.state_dict().values(), again.model.state_dict().values()):
        assert torch.equal(a, b)


def test_a_run_stopped_before_its_first_step_cannot_be_kept():
    part = run(QUICK, device="cpu", stop=_StopAfter(0))
    assert part.stopped and part.checkpoint.done_steps == 0
    with pytest.raises(ValueError, match="nothing to keep"):
        part.kept()
    rest = run(QUICK, device="cpu", resume=part)  # Continue still works: it is the whole run
    assert torch.equal(next(iter(rest.model.state_dict().values())),
                       next(iter(run(QUICK, device="cpu").model.state_dict().values())))


def test_stop_at_zero_keeps_every_existing_cache_key():
    """The new field must not change the key of a whole run (models saved before it stay valid)."""
    assert "stop_at" not in QUICK.to_dict() and "stop_at" in replace(QUICK, stop_at=5).to_dict()
    assert TrainConfig.from_dict(replace(QUICK, stop_at=5).to_dict()) == replace(QUICK, stop_at=5).canonical()


def test_resume_refuses_other_settings():
    part = run(QUICK, device="cpu", stop=_StopAfter(3))
    with pytest.raises(ValueError, match="same settings"):
        run(replace(QUICK, lr=1e-2), device="cpu", resume=part)




GREEDY = TrainConfig(model="s4-stacked", model_params=(("coding", 16), ("hidden", 64)), family="greedy", epochs=2,
                     batch_size=100, max_train=512, loss="mse", noise="gaussian", noise_level=0.2)


@pytest.mark.parametrize("stop_after", [3, 11, 12, 21], ids=["phase1", "phase2-mid", "phase2-start", "fine-tune"])
def test_greedy_stop_then_continue_equals_the_run_that_never_stopped(stop_after):
    """Layer-wise training is phases of the one loop: stopped in any phase (6 steps an epoch, 2 epochs a phase),
    continued, it is bit for bit the run that never stopped, phase records included."""
    whole = run(GREEDY, device="cpu")
    part = run(GREEDY, device="cpu", stop=_StopAfter(stop_after))
    assert part.stopped and part.checkpoint.done_steps == stop_after
    rest = run(GREEDY, device="cpu", resume=part)
    assert not rest.stopped and rest.history["test_loss"] == whole.history["test_loss"]
    assert rest.history["phases"] == whole.history["phases"] and len(whole.history["phases"]) == 3
    for a, b in zip(whole.model.state_dict().values(), rest.model.state_dict().values()):
        assert torch.equal(a, b)


def test_greedy_runs_are_kept_schedules_and_budgets_like_any_run():
    """What the separate greedy loop lacked: keep a stopped run (stop_at), a cosine schedule, a time budget."""
    part = run(GREEDY, device="cpu", stop=_StopAfter(15))
    kept = part.kept()
    again = run(kept.config, device="cpu")
    assert kept.config.stop_at == 15 and not again.stopped
    for a, b in zip(kept.model.state_dict().values(), again.model.state_dict().values()):
        assert torch.equal(a, b)
    cosine = run(replace(GREEDY, schedule="cosine"), device="cpu")
    constant = run(GREEDY, device="cpu")
    assert cosine.history["test_loss"] != constant.history["test_loss"]  # the schedule is not ignored
