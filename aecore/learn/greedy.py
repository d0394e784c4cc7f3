"""Greedy layer-wise pretraining (lesson 5): train a deep stacked autoencoder one pair of layers at a time.

For a stack of mirrored Dense layers  n → a → b → a → n  (pairs: outer n ↔ a, inner a ↔ b):

    phase 1   the outer pair alone is an autoencoder: x → a → x̂            (the image loss)
    phase 2   the inner pair learns the outer pair's codes: h → b → ĥ       (MSE on codes; outer frozen)
    phase 3   all pairs stacked, fine-tuned together: x → a → b → a → x̂    (the image loss)

Each phase runs ``config.epochs`` epochs, with its own Adam. The test loss recorded every epoch is always
an image reconstruction loss of *the model as it stands* (the pairs trained so far, stacked), so the curve
compares with training the whole stack end to end for the same number of steps; each phase's own
objective is kept in ``history["phases"]``. Runs on the engine's terms: images on the device as uint8,
batches by ``randperm``, losses summed on the device and read once per epoch.
"""
from __future__ import annotations

import math
import time

import torch
from torch import nn

from aecore.learn.config import BUDGET, _check
from aecore.learn.families import build_model, dense_layers


def _pairs(model) -> tuple[list[int], list[int]]:
    """Block indices of the encoder's Dense layers (outer first) and of their mirrors in the decoder."""
    blocks = [i for i, _, _ in dense_layers(model)]
    half = len(blocks) // 2
    return blocks[:half], list(reversed(blocks[half:]))


def stage(model, k: int) -> nn.Module:
    """The model as it stands after k pairs: encoder pairs 1..k, then their decoders, then the reshape."""
    enc, dec = _pairs(model)
    return nn.Sequential(*model.blocks[: enc[k - 1] + 1], *model.blocks[dec[k - 1]:])


def run_greedy(config, p, xtr, xte, dev, prog, emit, stop, tick_s):
    from aecore.learn.train import TrainResult, _as_uint8, _loss, corrupt, from_model, to_model
    n = len(xtr)
    torch.manual_seed(config.seed)
    model = build_model(p.summary, "greedy").to(dev)
    enc, dec = _pairs(model)
    pairs = len(enc)
    budget = BUDGET.get(dev.type, BUDGET["cpu"])
    phases = pairs + 1
    _check(n * config.epochs * phases <= budget, "train.budget", n=n, e=config.epochs * phases,
           total=n * config.epochs * phases, budget=budget, device=dev.type)
    logits = p.loss == "bce"
    gen = torch.Generator(device=dev).manual_seed(config.seed)
    steps = math.ceil(n / config.batch_size)
    history = {"train_loss": prog.train_loss, "test_loss": prog.test_loss, "epoch_s": prog.epoch_s, "phases": []}
    prog.epochs, prog.steps, prog.images, prog.phase = config.epochs * phases, steps, n, "training"
    sample = xte[:8]
    prog.originals = sample.cpu()
    emit("phase")

    def images(x_uint8, noisy: bool):
        x01 = x_uint8.float().div_(255)
        inp = corrupt(x01, config.noise, config.noise_level, gen) if noisy else x01
        return x01, to_model(inp, p)

    def forward(net, x, skip_sigmoid: bool):
        """``net`` over x, leaving out a final Sigmoid when the loss is BCE on logits."""
        mods = list(_flat(net))
        last = max((i for i, m in enumerate(mods) if isinstance(m, nn.Sigmoid)), default=None)
        for i, m in enumerate(mods):
            if skip_sigmoid and i == last:
                continue
            x = m(x)
        return x

    @torch.no_grad()
    def test_loss(net) -> float:
        net.eval()
        total = torch.zeros((), device=dev)
        for i in range(0, len(xte), 1024):
            x01, inp = images(xte[i:i + 1024], False)
            total += _loss(forward(net, inp, logits), x01, p) * len(x01)
        net.train()
        return float(total / max(len(xte), 1))

    @torch.no_grad()
    def picture(net) -> None:
        net.eval()
        _, inp = images(sample, False)
        out = forward(net, inp, False)
        prog.inputs, prog.outputs = prog.originals, _as_uint8(from_model(out, p))
        prog.version += 1
        net.train()

    t_start = time.perf_counter()
    stopped = False
    for k in range(1, phases + 1):
        fine_tune = k == phases
        if fine_tune:
            net, params, name = model.blocks, list(model.parameters()), "fine_tune"
        elif k == 1:
            net = stage(model, 1)
            params, name = list(net.parameters()), "pair"
        else:  # an inner pair learns the codes of the pairs before it (frozen): targets computed once
            front = nn.Sequential(*model.blocks[: enc[k - 2] + 1])
            inner_enc = nn.Sequential(*model.blocks[enc[k - 2] + 1: enc[k - 1] + 1])
            inner_dec = nn.Sequential(*model.blocks[dec[k - 1]: dec[k - 2]])
            net = nn.Sequential(inner_enc, inner_dec)
            params = list(net.parameters())
            name = "pair"
            with torch.no_grad():
                front.eval()
                codes = torch.cat([front(images(xtr[i:i + 4096], False)[1]) for i in range(0, n, 4096)])
                front.train()
        opt = torch.optim.Adam(params, lr=config.lr, **({"fused": True} if dev.type == "cuda" else {}))
        phase = {"name": name, "pair": k if not fine_tune else None, "train_loss": []}
        history["phases"].append(phase)
        model.train()
        for _ in range(config.epochs):
            prog.epoch += 1
            t0 = last_tick = time.perf_counter()
            running = torch.zeros((), device=dev)
            perm = torch.randperm(n, generator=gen, device=dev)
            for step in range(steps):
                if stop is not None and stop.is_set():
                    stopped = True
                    break
                idx = perm[step * config.batch_size:(step + 1) * config.batch_size]
                if k == 1 or fine_tune:
                    x01, inp = images(xtr[idx], True)
                    loss = _loss(forward(net, inp, logits), x01, p)
                else:
                    h = codes[idx]
                    loss = torch.nn.functional.mse_loss(net(h), h)
                opt.zero_grad(set_to_none=True)
                loss.backward()
                opt.step()
                running += loss.detach() * len(idx)
                if time.perf_counter() - last_tick >= tick_s:
                    last_tick = time.perf_counter()
                    prog.step = step + 1
                    emit("tick")
            if stopped:
                break
            elapsed = time.perf_counter() - t0
            prog.epoch_s.append(round(elapsed, 4))
            objective = float(running) / n
            phase["train_loss"].append(objective)
            prog.train_loss.append(objective)
            now = model.blocks if fine_tune else stage(model, k)
            prog.test_loss.append(test_loss(now))
            prog.images_per_s = n / max(elapsed, 1e-9)
            picture(now)
            prog.step = steps
            emit("epoch")
        if stopped:
            break
    model.eval()
    prog.phase = "stopped" if stopped else "done"
    emit("phase")
    return TrainResult(config, p, model, history, dev.type, n, time.perf_counter() - t_start, stopped)


def _flat(net):
    """The leaf modules of a (nested) Sequential, in order."""
    for m in net.children():
        if isinstance(m, nn.Sequential):
            yield from _flat(m)
        else:
            yield m
