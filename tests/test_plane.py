"""The code plane's numbers (aecore.use.plane), each against an independent computation: a NumPy brute force for
the distances, scipy's normal density for the prior, PIL reading the PNG back for the sprite."""
import base64
import io
import math

import numpy as np
import pytest
import torch
from PIL import Image
from scipy.stats import multivariate_normal

from aecore.use import plane


def brute_nearest(points, codes):
    p, c = np.asarray(points, np.float64), np.asarray(codes, np.float64)
    return np.array([min(math.dist(a, b) for b in c) for a in p])


def test_the_grid_covers_the_codes_row_by_row_from_the_top():
    codes = np.random.default_rng(1).normal(size=(200, 2)) * [3.0, 0.5] + [1.0, -2.0]
    g = plane.plane_grid(codes, n=7)
    assert g.points.shape == (49, 2) and g.points.dtype == torch.float32
    assert g.xs[0] < codes[:, 0].min() and g.xs[-1] > codes[:, 0].max()   # a margin around the codes
    assert g.ys[0] > codes[:, 1].max() and g.ys[-1] < codes[:, 1].min()   # row 0 at the top: the largest z₂
    assert np.all(np.diff(g.xs) > 0) and np.all(np.diff(g.ys) < 0)
    for r in range(7):
        for c in range(7):
            assert np.allclose(g.points[r * 7 + c].numpy(), [g.xs[c], g.ys[r]], atol=1e-6)
    with pytest.raises(ValueError):
        plane.plane_grid(np.zeros((5, 3)))
    with pytest.raises(ValueError):
        plane.plane_grid(codes, n=1)


def test_distances_and_the_gap_ratio_match_a_brute_force():
    rng = np.random.default_rng(2)
    codes = rng.normal(size=(300, 2))
    points = rng.uniform(-4, 4, size=(60, 2))
    near = brute_nearest(points, codes)
    assert np.allclose(plane.nearest_distance(points, codes, chunk=37), near, rtol=1e-12, atol=1e-12)
    own = np.array([min(math.dist(a, b) for j, b in enumerate(codes) if j != i) for i, a in enumerate(codes)])
    assert plane.typical_gap(codes, chunk=41) == pytest.approx(np.median(own), rel=1e-12)
    assert np.allclose(plane.gap_ratio(points, codes), near / np.median(own), rtol=1e-12)
    assert np.allclose(plane.gap_ratio(codes, codes), 0)  # on a training code: no gap at all


def test_the_gap_meter_reads_high_in_a_hole():
    """Two clusters with an empty band between them: points in the band read far, points on a cluster near."""
    rng = np.random.default_rng(3)
    codes = np.r_[rng.normal(size=(200, 2)) * 0.3 + [-3, 0], rng.normal(size=(200, 2)) * 0.3 + [3, 0]]
    ratio = plane.gap_ratio([[-3, 0], [0, 0], [3, 0]], codes)
    assert list(plane.gap_levels(ratio)) == [0, 2, 0]


def test_prior_density_is_the_normal_density_relative_to_its_peak():
    rng = np.random.default_rng(4)
    z = rng.normal(size=(50, 2)) * 2
    prior = multivariate_normal(mean=[0, 0], cov=np.eye(2))
    assert np.allclose(plane.prior_density(z), prior.pdf(z) / prior.pdf([0, 0]), rtol=1e-12)
    assert plane.prior_density([[0, 0]])[0] == 1
    # the ring holds 95% of N(0, I) in 2-D: the chi-square with 2 degrees of freedom
    assert 1 - math.exp(-plane.RING ** 2 / 2) == pytest.approx(0.95)
    levels = plane.density_levels(plane.prior_density([[0, 0], [1.99, 0], [2.01, 0], [2.99, 0], [3.01, 0]]))
    assert list(levels) == [0, 0, 1, 1, 2]


def test_the_sprite_holds_each_image_at_its_tile():
    n = 3
    images = torch.randint(0, 256, (n * n, 1, 8, 6), dtype=torch.uint8, generator=torch.Generator().manual_seed(0))
    url = plane.sprite(images, n)
    assert url.startswith("data:image/png;base64,")
    sheet = np.array(Image.open(io.BytesIO(base64.b64decode(url.split(",", 1)[1]))))
    assert sheet.shape == (n * 8, n * 6)
    for i in range(n * n):
        r, c = divmod(i, n)
        assert np.array_equal(sheet[r * 8:(r + 1) * 8, c * 6:(c + 1) * 6], images[i, 0].numpy())
    colour = torch.randint(0, 256, (4, 3, 5, 5), dtype=torch.uint8)
    rgb = np.array(Image.open(io.BytesIO(base64.b64decode(plane.sprite(colour, 2).split(",", 1)[1]))))
    assert rgb.shape == (10, 10, 3) and np.array_equal(rgb[5:, :5], colour[2].permute(1, 2, 0).numpy())
    with pytest.raises(ValueError):
        plane.sprite(images[:8], n)
