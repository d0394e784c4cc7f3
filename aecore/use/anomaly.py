"""Anomalies by reconstruction error (lesson 2): an autoencoder trained on one kind of image rebuilds that
kind well and everything else badly, so its error is an anomaly score.

    s = scores(result, test_images, test_labels, normal=3)     # per-image error, and which are anomalies
    roc(s.anomaly, s.error)                                     # false and true positive rates, AUC
    confusion(s.anomaly, s.error, threshold)                   # counts at one threshold
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
from sklearn.metrics import roc_auc_score, roc_curve

from aecore.learn.train import from_model, to_model


@dataclass(frozen=True)
class Scores:
    error: np.ndarray     # per test image: mean squared error of its reconstruction (pixels in [0, 1])
    anomaly: np.ndarray   # True where the image is not of the normal class
    labels: np.ndarray


@torch.no_grad()
def errors(model, plan, x_uint8: torch.Tensor) -> np.ndarray:
    model.eval()
    dev = next(model.parameters()).device
    out = []
    for i in range(0, len(x_uint8), 1024):
        x01 = x_uint8[i:i + 1024].to(dev).float() / 255   # (b, C, H, W) uint8 -> float in [0, 1]
        _, y = model.forward_parts(to_model(x01, plan))    # (b, *model input) -> (b, *model output)
        out.append(((from_model(y, plan) - x01) ** 2).flatten(1).mean(1).double().cpu())  # (b, C, H, W) -> (b,)
    return torch.cat(out).numpy() if out else np.zeros(0)  # (N,)


def scores(result, images: torch.Tensor, labels, normal: int) -> Scores:
    labels = np.asarray(labels)
    return Scores(errors(result.model, result.plan, images), labels != normal, labels)


def roc(anomaly: np.ndarray, error: np.ndarray) -> dict:
    """The ROC curve of 'error above a threshold means anomaly' (scikit-learn), and its area."""
    fpr, tpr, thresholds = roc_curve(anomaly.astype(int), error)
    return {"fpr": fpr, "tpr": tpr, "thresholds": thresholds, "auc": float(roc_auc_score(anomaly.astype(int), error))}


def confusion(anomaly: np.ndarray, error: np.ndarray, threshold: float) -> dict:
    """Counts at one threshold: flagged anomalies that are (tp) or are not (fp), and so on."""
    flagged = error > threshold
    return {"tp": int((flagged & anomaly).sum()), "fp": int((flagged & ~anomaly).sum()),
            "tn": int((~flagged & ~anomaly).sum()), "fn": int((~flagged & anomaly).sum())}


def worst(error: np.ndarray, n: int = 8) -> np.ndarray:
    """The n worst-rebuilt images, worst first (ties to the lower index)."""
    return np.lexsort((np.arange(len(error)), -error))[:n]  # (N,) -> (n,) indices
