"""The two Keras layers torch.nn lacks, written out so the PyTorch code view can show them."""
import torch
from torch import nn


class GaussianNoise(nn.Module):
    """Adds N(0, stddev²) noise while training; passes values through unchanged at test time."""

    def __init__(self, stddev: float):
        super().__init__()
        self.stddev = stddev

    def forward(self, x):
        if self.training and self.stddev > 0:
            return x + torch.randn_like(x) * self.stddev
        return x


class GaussianDropout(nn.Module):
    """Multiplies by N(1, rate/(1-rate)) noise while training; unchanged at test time."""

    def __init__(self, rate: float):
        super().__init__()
        self.rate = rate

    def forward(self, x):
        if self.training and 0 < self.rate < 1:
            std = (self.rate / (1.0 - self.rate)) ** 0.5
            return x * (1.0 + torch.randn_like(x) * std)
        return x


class Rescaling(nn.Module):
    """Keras's Rescaling: every value times ``scale`` plus ``offset``; nothing learned."""

    def __init__(self, scale: float, offset: float = 0.0):
        super().__init__()
        self.scale, self.offset = scale, offset

    def forward(self, x):
        return x * self.scale + self.offset


class Normalization(nn.Module):
    """Keras's Normalization with a given mean and variance: (x - mean) / sqrt(variance)."""

    def __init__(self, mean: float, variance: float):
        super().__init__()
        self.mean, self.std = mean, max(variance, 1e-7) ** 0.5

    def forward(self, x):
        return (x - self.mean) / self.std


class Permute(nn.Module):
    """Reorders a tensor's axes (torchvision.ops.Permute's job, without importing torchvision)."""

    def __init__(self, dims: list[int]):
        super().__init__()
        self.dims = list(dims)

    def forward(self, x):
        return torch.permute(x, self.dims)
