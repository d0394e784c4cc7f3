"""Exact search against a float64 NumPy brute force: nearest and farthest, ties by index."""
import numpy as np
import pytest
import torch

from aecore.use.search import KeyIndex


def brute(keys, q, k, metric, largest, exclude=None):
    keys, q = np.asarray(keys, np.float64), np.asarray(q, np.float64)
    if metric == "euclidean":
        d = np.sqrt(((keys - q) ** 2).sum(1))
    else:
        nk, nq = np.linalg.norm(keys, axis=1), np.linalg.norm(q)
        with np.errstate(invalid="ignore", divide="ignore"):
            s = np.where((nk == 0) | (nq == 0), 0.0, keys @ q / (nk * nq))
        d = 1 - s
    idx = np.arange(len(d))
    if exclude is not None:
        keep = idx != exclude
        d, idx = d[keep], idx[keep]
    order = np.lexsort((idx, -d if largest else d))[:k]
    return idx[order], d[order]


@pytest.mark.parametrize("metric", ["euclidean", "cosine"])
@pytest.mark.parametrize("largest", [False, True])
@pytest.mark.parametrize("seed", range(5))
def test_random_keys(metric, largest, seed):
    g = np.random.default_rng(seed)
    keys = g.normal(size=(500, 16)).astype(np.float32)
    q = g.normal(size=16).astype(np.float32)
    idx, dist = KeyIndex(torch.from_numpy(keys)).search(torch.from_numpy(q), 10, metric, largest)
    ref_idx, ref_d = brute(keys, q, 10, metric, largest)
    assert idx.tolist() == ref_idx.tolist()
    np.testing.assert_allclose(dist.numpy(), ref_d, rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("metric", ["euclidean", "cosine"])
@pytest.mark.parametrize("largest", [False, True])
def test_ties_go_to_the_lower_index(metric, largest):
    g = np.random.default_rng(1)
    base = g.integers(-2, 3, size=(6, 4)).astype(np.float32)
    keys = np.concatenate([base, base, base[::-1], 2 * base])  # many exact ties, and cosine ties from 2x
    q = base[2]
    idx, _ = KeyIndex(torch.from_numpy(keys)).search(torch.from_numpy(q), 9, metric, largest)
    ref_idx, _ = brute(keys, q, 9, metric, largest)
    assert idx.tolist() == ref_idx.tolist()
    if metric == "euclidean" and not largest:
        assert idx.tolist()[:2] == [2, 8]  # the query itself and its twin, lower index first


def test_k_larger_than_the_keys_and_exclude():
    keys = torch.arange(12, dtype=torch.float32).reshape(6, 2)
    index = KeyIndex(keys)
    idx, dist = index.nearest(keys[3], k=50)
    assert idx.tolist() == brute(keys.numpy(), keys[3].numpy(), 50, "euclidean", False)[0].tolist()
    assert len(idx) == 6 and dist[0] == 0
    idx, _ = index.nearest(keys[3], k=50, exclude=3)
    assert 3 not in idx.tolist() and len(idx) == 5
    idx, _ = index.farthest(keys[3], k=2, exclude=0)
    assert idx.tolist() == [1, 5]  # both √32 away: a tie, the lower index first


def test_zero_vectors_under_cosine():
    keys = torch.tensor([[0.0, 0.0], [1.0, 0.0], [-1.0, 0.0], [0.0, 0.0]])
    idx, dist = KeyIndex(keys).nearest(torch.tensor([2.0, 0.0]), 4, "cosine")
    assert idx.tolist() == [1, 0, 3, 2] and dist.tolist() == [0.0, 1.0, 1.0, 2.0]


def test_bad_queries():
    index = KeyIndex(torch.zeros(3, 4))
    with pytest.raises(ValueError, match="metric"):
        index.nearest(torch.zeros(4), 2, "manhattan")
    with pytest.raises(ValueError, match="the query has 3 numbers"):
        index.nearest(torch.zeros(3), 2)
    with pytest.raises(ValueError, match="k must be"):
        index.nearest(torch.zeros(4), 0)


def test_large_index_matches_brute_force_near_ties():
    g = np.random.default_rng(7)
    keys = g.normal(size=(10_000, 256)).astype(np.float32)
    keys[5000] = keys[10] + 1e-7  # a near-tie a careless float32 search would misorder
    q = keys[10] + g.normal(scale=1e-3, size=256).astype(np.float32)
    idx, _ = KeyIndex(torch.from_numpy(keys)).nearest(torch.from_numpy(q), 10)
    assert idx.tolist() == brute(keys, q, 10, "euclidean", False)[0].tolist()


def test_interpolation_and_other_class():
    from aecore.use.search import interpolate, other_class
    t, path = interpolate(torch.zeros(3), torch.ones(3) * 2, 5)
    assert t.tolist() == [0.0, 0.25, 0.5, 0.75, 1.0] and path[2].tolist() == [1.0, 1.0, 1.0]
    assert other_class(torch.tensor([4, 4, 7, 4])) == 2 and other_class(torch.tensor([1, 1])) == 1
