"""A linear autoencoder beside PCA (lessons 4 and 5): the same subspace, found two ways.

A linear autoencoder with a code of k numbers and squared error can only rebuild x as an affine map of
rank k; the best such map is PCA's projection onto the top k principal directions (Eckart–Young). So a
well-trained linear autoencoder reaches PCA's error, and its decoder's columns span PCA's subspace — but
not the same basis: any invertible mix of the k components works as well, which is why the pictures of
its columns look like blends of PCA's components while the principal angles between the two subspaces
are near zero.

    r = compare(result, train_uint8, test_uint8)   # errors, angles, pictures
"""
from __future__ import annotations

import numpy as np
import torch
from scipy.linalg import subspace_angles
from sklearn.decomposition import PCA

from aecore.learn.train import to_model


def flat(x_uint8: torch.Tensor) -> np.ndarray:
    """uint8 (N, C, H, W) -> float64 (N, C·H·W) in [0, 1]."""
    return x_uint8.reshape(len(x_uint8), -1).double().numpy() / 255.0  # (N, C, H, W) -> (N, C·H·W)


def fit_pca(train_x: torch.Tensor, k: int):
    return PCA(n_components=k, svd_solver="full").fit(flat(train_x))


def pca_error(pca, test_x: torch.Tensor) -> float:
    """Mean squared error per pixel of PCA's rebuilding of the test images."""
    x = flat(test_x)  # (N, C·H·W)
    return float(((pca.inverse_transform(pca.transform(x)) - x) ** 2).mean())  # (N, C·H·W) -> (N, k) -> (N, C·H·W)


@torch.no_grad()
def ae_outputs(model, plan, x_uint8: torch.Tensor) -> np.ndarray:
    """The autoencoder's rebuilt pixels, *not* clipped to [0, 1]: PCA's are not clipped either, and clipping
    alone lowers the error, which would make the comparison unfair (to PCA)."""
    model.eval()
    dev = next(model.parameters()).device
    out = []
    for i in range(0, len(x_uint8), 1024):
        _, y = model.forward_parts(to_model(x_uint8[i:i + 1024].to(dev).float() / 255, plan))  # (b, *output)
        y = y.double().reshape(len(y), -1)  # (b, *output) -> (b, C·H·W)
        out.append(((y + 1) / 2 if plan.scale == "signed" else y).cpu().numpy())
    return np.concatenate(out)  # (N, C·H·W)


def ae_error(model, plan, test_x: torch.Tensor) -> float:
    return float(((ae_outputs(model, plan, test_x) - flat(test_x)) ** 2).mean())


@torch.no_grad()
def decoder_columns(model, plan) -> np.ndarray:
    """(pixels, k): what each code unit adds to the image, decode(e_j) − decode(0), in the images' own pixel
    order. For a linear decoder these are exactly its weight's columns (as an image), whatever the layout."""
    model.eval()
    dev = next(model.parameters()).device
    k = int(np.prod(model.latent_shape))
    # (k + 1, k) -> (k + 1, *latent): the zero code, then each unit code e_j; decoded -> (k + 1, C·H·W)
    codes = torch.cat([torch.zeros(1, k), torch.eye(k)]).to(dev).reshape((k + 1,) + tuple(model.latent_shape))
    out = model.decode(codes).float().reshape(k + 1, -1)  # the raw output, unclamped: a column may go below 0
    if plan.scale == "signed":  # tanh outputs in [-1, 1]: a pixel is (y + 1) / 2
        out = out / 2
    return (out[1:] - out[0]).double().cpu().numpy().T  # (k, C·H·W) -> (C·H·W, k)


def principal_angles(columns: np.ndarray, components: np.ndarray) -> np.ndarray:
    """The principal angles (degrees, largest first) between span(columns) and span(components' rows)."""
    return np.degrees(subspace_angles(columns, components.T))


def as_images(vectors: np.ndarray, shape: tuple) -> torch.Tensor:
    """Rows of (pixels,) values of any sign -> uint8 images, each stretched to its own range (0 → grey when
    the signs are balanced), so a component and a column can be looked at side by side."""
    v = np.asarray(vectors, dtype=np.float64)
    peak = np.abs(v).max(1, keepdims=True)  # (n, pixels) -> (n, 1)
    peak[peak == 0] = 1
    img = (v / peak + 1) / 2
    # (n, pixels) -> uint8 (n, *shape)
    return torch.as_tensor(np.round(img * 255), dtype=torch.uint8).reshape((len(v),) + tuple(shape))


def compare(result, train_x: torch.Tensor, test_x: torch.Tensor) -> dict:
    """Everything the page shows for one linear autoencoder: both errors, their ratio, the principal angles,
    PCA's components and the autoencoder's decoder columns as images."""
    k = int(np.prod(result.model.latent_shape))
    pca = fit_pca(train_x, k)
    cols = decoder_columns(result.model, result.plan)
    angles = principal_angles(cols, pca.components_)
    shape = tuple(test_x.shape[1:])
    return {"k": k, "pca_error": pca_error(pca, test_x), "ae_error": ae_error(result.model, result.plan, test_x),
            "angles": angles, "explained": float(pca.explained_variance_ratio_.sum()),
            "components": as_images(pca.components_, shape), "columns": as_images(cols.T, shape)}


def pca_curve(train_x: torch.Tensor, test_x: torch.Tensor, ks: list[int]) -> dict:
    """PCA's test error for each k (the optimum a linear autoencoder can reach)."""
    x = flat(train_x)
    full = PCA(n_components=min(max(ks), min(x.shape)), svd_solver="full").fit(x)
    t = flat(test_x) - full.mean_  # (N, C·H·W) - (C·H·W,)
    out = {}
    for k in ks:
        comp = full.components_[:k]     # (k, C·H·W)
        rebuilt = (t @ comp.T) @ comp   # (N, C·H·W) -> (N, k) -> (N, C·H·W)
        out[k] = float(((rebuilt - t) ** 2).mean())
    return out
