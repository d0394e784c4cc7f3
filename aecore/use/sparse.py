"""What a sparsity penalty does to a code (lesson 2): how active each unit is, how many never fire, and
what each unit draws on its own.

    u = units(result, test_images)          # mean activation per unit, dead units, share near zero
    atoms(result)                           # each unit's picture: decode(unit on) − decode(all off)
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch

from aecore.learn.train import from_model
from aecore.use.pca import as_images
from aecore.use.search import embed

NEAR_ZERO = 0.05   # an activation this small counts as 'off'
DEAD = 0.01        # a unit whose activation never reaches this, on any test image, is dead
ALWAYS_ON = 0.95   # a unit whose activation stays above this on every test image carries nothing either


@dataclass(frozen=True)
class Units:
    mean: np.ndarray        # each unit's mean activation over the test images
    peak: np.ndarray        # each unit's largest activation
    dead: int               # units that never reach DEAD
    always_on: int          # units that never fall below ALWAYS_ON
    near_zero: float        # share of all (image, unit) activations below NEAR_ZERO in size
    codes: np.ndarray       # (images, units)


@torch.no_grad()
def codes(model, plan, x_uint8: torch.Tensor) -> np.ndarray:
    return embed(model, plan, x_uint8).double().numpy()  # (N, C, H, W) -> (N, D)


def units(result, x_uint8: torch.Tensor) -> Units:
    z = codes(result.model, result.plan, x_uint8)  # (N, D): images × units
    # each unit over the images: (N, D) -> (D,)
    return Units(z.mean(0), np.abs(z).max(0), int((np.abs(z).max(0) < DEAD).sum()), int((z.min(0) > ALWAYS_ON).sum()),
                 float((np.abs(z) < NEAR_ZERO).mean()), z)


@torch.no_grad()
def atoms(result, mean_code: np.ndarray) -> torch.Tensor:
    """Each code unit's own picture, uint8 (units, C, H, W): the decoder's output with that unit at 1 minus its
    output with it at 0, every other unit at its mean activation (a code the model really meets, for a sparse
    code and for one whose units are always on alike). Stretched to the grey scale: mid-grey is no change,
    light where the unit adds ink, dark where it removes it."""
    model, p = result.model, result.plan
    model.eval()
    dev = next(model.parameters()).device
    k = int(np.prod(model.latent_shape))
    base = torch.as_tensor(np.asarray(mean_code, dtype=np.float32)).reshape(1, k).repeat(k, 1)  # (k,) -> (k, k)
    on, off = base.clone(), base.clone()
    on[range(k), range(k)], off[range(k), range(k)] = 1.0, 0.0
    shape = (k,) + tuple(model.latent_shape)
    # (k, k) -> (k, *latent) -> decoded -> (k, C, H, W) in [0, 1]
    diff = from_model(model.decode(on.to(dev).reshape(shape)), p).double() - \
        from_model(model.decode(off.to(dev).reshape(shape)), p).double()
    return as_images(diff.reshape(k, -1).cpu().numpy(), (p.channels, p.height, p.width))  # (k, C·H·W) -> (k, C, H, W)
