"""PSNR and SSIM on pairs whose answer is known."""
import math

import torch

from aecore.use.quality import PSNR_CAP, psnr, ssim


def test_psnr_known_pairs():
    a = torch.full((1, 1, 28, 28), 100, dtype=torch.uint8)
    assert psnr(a, a) == [PSNR_CAP]
    b = a + 10  # every pixel off by 10: MSE 100
    assert abs(psnr(a, b)[0] - 10 * math.log10(255 ** 2 / 100)) < 1e-9
    c = torch.zeros((2, 3, 28, 28), dtype=torch.uint8)
    d = c.clone()
    d[1] = 255
    p = psnr(c, d)
    assert p[0] == PSNR_CAP and abs(p[1] - 0.0) < 1e-9


def test_ssim_known_pairs():
    g = torch.Generator().manual_seed(0)
    a = torch.randint(0, 256, (1, 1, 28, 28), generator=g, dtype=torch.uint8)
    assert abs(ssim(a, a)[0] - 1.0) < 1e-12
    noisy = (a.float() + torch.randn(a.shape, generator=g) * 60).clamp(0, 255).to(torch.uint8)
    assert ssim(a, noisy)[0] < 0.8
    rgb = torch.randint(0, 256, (2, 3, 32, 32), generator=g, dtype=torch.uint8)
    assert [round(s, 9) for s in ssim(rgb, rgb)] == [1.0, 1.0]
    assert ssim(rgb, 255 - rgb)[0] < 0


def test_psnr_curve_leaves_the_noise_free_input_out():
    from aecore.learn.config import TrainConfig, plan
    from aecore.shapes.build import build
    from aecore.use.quality import psnr_curve
    p = plan(TrainConfig())
    model = build(p.summary).eval()
    clean = torch.randint(0, 256, (4, 1, 28, 28), dtype=torch.uint8)
    curve = psnr_curve({"m": model}, p, clean, "gaussian", [0.0, 0.2])
    assert curve["noisy"][0] is None and curve["noisy"][1] < 30 and len(curve["m"]) == 2
