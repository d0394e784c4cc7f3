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

import torch
from torch import nn

from aecore.learn.batches import as_uint8, corrupt, from_model, image_loss, to_model
from aecore.learn.families import dense_layers
from aecore.learn.phase import Phase


def _pairs(model) -> tuple[list[int], list[int]]:
    """Block indices of the encoder's Dense layers (outer first) and of their mirrors in the decoder."""
    blocks = [i for i, _, _ in dense_layers(model)]
    half = len(blocks) // 2
    return blocks[:half], list(reversed(blocks[half:]))


def stage(model, k: int) -> nn.Module:
    """The model as it stands after k pairs: encoder pairs 1..k, then their decoders, then the reshape."""
    enc, dec = _pairs(model)
    return nn.Sequential(*model.blocks[: enc[k - 1] + 1], *model.blocks[dec[k - 1]:])


def phases(model, config, p, xtr: torch.Tensor, xte: torch.Tensor, sample: torch.Tensor) -> list[Phase]:
    """The phases of layer-wise pretraining for the one loop: pair 1 alone on images, each inner pair on the
    codes of the pairs before it (frozen; the codes computed once as its phase begins), then every pair
    stacked and fine-tuned on images. Each phase runs ``config.epochs`` epochs with its own Adam."""
    enc, dec = _pairs(model)
    pairs = len(enc)
    logits = p.loss == "bce"

    def images(x_uint8: torch.Tensor, noisy: bool, gen=None) -> tuple[torch.Tensor, torch.Tensor]:
        x01 = x_uint8.float().div_(255)                               # (B, C, H, W) uint8 -> [0, 1]
        inp = corrupt(x01, config.noise, config.noise_level, gen) if noisy else x01
        return x01, to_model(inp, p)                                  # -> (B, pixels) for these Dense stacks

    def forward(net, x: torch.Tensor, skip_sigmoid: bool) -> torch.Tensor:
        """``net`` over x, leaving out a final Sigmoid when the loss is BCE on logits."""
        mods = list(_flat(net))
        last = max((i for i, m in enumerate(mods) if isinstance(m, nn.Sigmoid)), default=None)
        for i, m in enumerate(mods):
            if skip_sigmoid and i == last:
                continue
            x = m(x)
        return x

    def test_loss(net) -> float:
        """The image loss of the model as it stands, on the test images (no noise)."""
        with torch.no_grad():
            net.eval()
            total = torch.zeros((), device=xte.device)
            for i in range(0, len(xte), 1024):
                x01, inp = images(xte[i:i + 1024], False)
                total += image_loss(forward(net, inp, logits), x01, p) * len(x01)
            net.train()
        return float(total / max(len(xte), 1))

    def pictures(net) -> tuple:
        with torch.no_grad():
            net.eval()
            _, inp = images(sample, False)
            out = forward(net, inp, False)
            net.train()
        return sample.cpu(), as_uint8(from_model(out, p))

    def on_images(net):
        def loss(idx, gen):
            x01, inp = images(xtr[idx], True, gen)
            return image_loss(forward(net, inp, logits), x01, p)
        return loss

    out = []
    for k in range(1, pairs + 1):
        net = stage(model, k)
        if k == 1:
            out.append(Phase("pair", config.epochs, net.parameters, on_images(net), lambda n=net: test_loss(n),
                             lambda n=net: pictures(n), pair=1))
            continue
        front = nn.Sequential(*model.blocks[: enc[k - 2] + 1])                      # images -> codes of pair k-1
        inner = nn.Sequential(nn.Sequential(*model.blocks[enc[k - 2] + 1: enc[k - 1] + 1]),
                              nn.Sequential(*model.blocks[dec[k - 1]: dec[k - 2]]))  # codes -> codes
        codes: dict = {}

        def begin(front=front, codes=codes):
            with torch.no_grad():
                front.eval()
                codes["h"] = torch.cat([front(images(xtr[i:i + 4096], False)[1])      # (N, a): pair k-1's codes
                                        for i in range(0, len(xtr), 4096)])
                front.train()

        def on_codes(idx, gen, inner=inner, codes=codes):
            h = codes["h"][idx]
            return torch.nn.functional.mse_loss(inner(h), h)

        out.append(Phase("pair", config.epochs, inner.parameters, on_codes, lambda n=net: test_loss(n),
                         lambda n=net: pictures(n), start=begin, pair=k))
    out.append(Phase("fine_tune", config.epochs, model.parameters, on_images(model.blocks),
                     lambda: test_loss(model.blocks), lambda: pictures(model.blocks)))
    return out


def _flat(net):
    """The leaf modules of a (nested) Sequential, in order."""
    for m in net.children():
        if isinstance(m, nn.Sequential):
            yield from _flat(m)
        else:
            yield m
