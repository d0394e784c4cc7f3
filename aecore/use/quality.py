"""How good a reconstruction is: PSNR and SSIM (scikit-image's), and denoising compared over noise levels."""
from __future__ import annotations

import numpy as np
import torch
from skimage.metrics import peak_signal_noise_ratio, structural_similarity

from aecore.learn.train import reconstruct

PSNR_CAP = 99.0  # identical images: PSNR is infinite; shown and averaged as 99 dB


def _hwc(x: torch.Tensor) -> np.ndarray:
    # (C, H, W) -> (H, W, C), or (H, W) for one channel: scikit-image's layout
    return x.permute(1, 2, 0).numpy() if x.shape[0] > 1 else x[0].numpy()


def psnr(clean: torch.Tensor, other: torch.Tensor) -> list[float]:
    """Per image, uint8 (N, C, H, W) against uint8 (N, C, H, W), in dB."""
    out = []
    for a, b in zip(clean, other):  # per image: (C, H, W)
        if torch.equal(a, b):
            out.append(PSNR_CAP)
        else:
            out.append(min(float(peak_signal_noise_ratio(_hwc(a), _hwc(b), data_range=255)), PSNR_CAP))
    return out


def ssim(clean: torch.Tensor, other: torch.Tensor) -> list[float]:
    """Per image structural similarity, 1 = identical."""
    out = []
    for a, b in zip(clean, other):
        a, b = _hwc(a), _hwc(b)  # (C, H, W) -> (H, W, C) or (H, W)
        win = min(7, a.shape[0], a.shape[1])
        win -= (win + 1) % 2  # an odd window that fits
        out.append(float(structural_similarity(a, b, data_range=255, win_size=win,
                                               channel_axis=-1 if a.ndim == 3 else None)))
    return out


def _outputs(models: dict, plan, clean: torch.Tensor, noise: str, level: float, seed: int) -> dict:
    """{"noisy": the noisy inputs (the same noise for every model), name: that model's outputs}."""
    images = {}
    for name, model in models.items():
        images["noisy"], images[name] = reconstruct(model, plan, clean, noise, level, seed)
    return images


def compare(models: dict, plan, clean: torch.Tensor, noise: str, level: float, seed: int = 0) -> dict:
    """For each model: the noisy inputs (the same noise for all), its outputs, PSNR and SSIM per image."""
    images = _outputs(models, plan, clean, noise, level, seed)
    return {name: {"images": x, "psnr": psnr(clean, x), "ssim": ssim(clean, x)} for name, x in images.items()}


def psnr_curve(models: dict, plan, clean: torch.Tensor, noise: str, levels: list[float], seed: int = 0) -> dict:
    """Mean PSNR of the noisy input and of each model's output, at each noise level."""
    curve = {"levels": list(levels), "noisy": []}
    for name in models:
        curve[name] = []
    for level in levels:
        images = _outputs(models, plan, clean, noise, level, seed)
        # no noise: the input is the original, its PSNR infinite; the line starts where there is noise
        curve["noisy"].append(float(np.mean(psnr(clean, images["noisy"]))) if level > 0 else None)
        for name in models:
            curve[name].append(float(np.mean(psnr(clean, images[name]))))
    return curve
