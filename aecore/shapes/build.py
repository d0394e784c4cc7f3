"""Shape table -> torch model whose every intermediate shape is the table's, Keras numerics included.

    model = build(summarize(stack, (28, 28, 1)))
    model(torch.rand(8, 1, 28, 28)).shape  # (8, 1, 28, 28): torch tensors are (B, C, H, W)

One ``nn.Sequential`` block per table row, so ``model.blocks[i]`` is row i; ``encode``/``decode``
split the model at the bottleneck row (the latent code).
"""
from __future__ import annotations

import numpy as np
import torch
from torch import nn

from aecore.shapes import torch_helpers
from aecore.shapes.layers import Summary
from aecore.shapes.lower import LowerError, Op, final_activation, lower, torch_shape

__all__ = ["LowerError", "StackModel", "build", "load_keras_weights", "trace_shapes"]


def make_module(op: Op) -> nn.Module:
    if op.cls.startswith("nn."):
        cls = getattr(nn, op.cls[3:])
    else:
        cls = getattr(torch_helpers, op.cls)
    return cls(*op.args, **dict(op.kwargs))


class StackModel(nn.Module):
    """A layer stack as a torch model: ``blocks[i]`` computes row i of the table."""

    def __init__(self, summary: Summary, blocks: list[list[Op]]):
        super().__init__()
        self.dialect = summary.dialect
        self.blocks = nn.Sequential(*[nn.Sequential(*[make_module(op) for op in ops]) for ops in blocks])
        self._final, self._final_at = final_activation(blocks)
        self.input_shape = torch_shape(summary.input_shape, summary.dialect)
        self.row_shapes = [torch_shape(r.output_shape, summary.dialect) for r in summary.rows]
        self.output_shape = self.row_shapes[-1] if self.row_shapes else self.input_shape
        # The latent code: the bottleneck row, or the middle row when no row is smaller than the input.
        self.bottleneck = summary.bottleneck if summary.bottleneck is not None else max(len(summary.rows) // 2 - 1, 0)

    @property
    def latent_shape(self) -> tuple:
        return self.row_shapes[self.bottleneck] if self.row_shapes else self.input_shape

    @property
    def final_activation(self) -> str | None:
        """'sigmoid' or 'tanh' when the output is squashed (it sets the pixel scale), else None."""
        return self._final

    def forward_parts(self, x, logits: bool = False):
        """(code, output) in one pass. With ``logits`` the final Sigmoid is left out (wherever it sits,
        e.g. before an Unflatten), so the loss can be BCE on logits: stable, and safe under autocast."""
        return self.run_from(x, 0, logits, keep=self.bottleneck)

    def run_from(self, x, start: int, logits: bool = False, keep: int | None = None):
        """Blocks ``start``… on ``x``: (the output of block ``keep``, or ``x`` when it does not run; the
        last output, or ``x`` when no block is left). With ``logits`` the final Sigmoid is left out
        (wherever it sits)."""
        skip = self._final_at if logits and self._final == "sigmoid" else None
        kept = x
        for i in range(start, len(self.blocks)):
            block = self.blocks[i]  # row i: x -> (B, *self.row_shapes[i])
            if skip is not None and skip[0] == i:
                for j, module in enumerate(block):
                    if j != skip[1]:
                        x = module(x)
            else:
                x = block(x)
            if i == keep:
                kept = x
        return kept, x

    def forward(self, x):
        return self.blocks(x)  # (B, *input_shape) -> (B, *output_shape)

    def encode(self, x):
        return self.blocks[: self.bottleneck + 1](x)  # (B, *input_shape) -> (B, *latent_shape)

    def decode(self, z):
        return self.blocks[self.bottleneck + 1:](z)  # (B, *latent_shape) -> (B, *output_shape)


@torch.no_grad()
def trace_shapes(model: StackModel, batch: int = 2) -> list[tuple]:
    """Run a zero batch through each block (eval mode) and return each block's output shape."""
    was_training = model.training
    model.eval()
    x = torch.zeros((batch,) + tuple(model.input_shape))  # (batch, *input_shape)
    shapes = []
    for block in model.blocks:
        x = block(x)  # -> (batch, *this row's shape)
        shapes.append(tuple(x.shape[1:]))
    model.train(was_training)
    return shapes


def build(summary: Summary, check: bool = True) -> StackModel:
    """The model for a valid summary. Raises LowerError for a stack that cannot train (with why)."""
    model = StackModel(summary, lower(summary))
    if check:
        got = trace_shapes(model, batch=1)
        if got != model.row_shapes:  # pragma: no cover - a bug in lower.py, never the learner's fault
            raise AssertionError(f"built shapes {got} differ from the table {model.row_shapes}")
    return model


# ---- Keras weights -----------------------------------------------------------------------------

def _set(param: torch.Tensor, value: np.ndarray) -> None:
    value = torch.as_tensor(np.ascontiguousarray(value), dtype=param.dtype)
    if value.shape != param.shape:
        raise ValueError(f"weight of shape {tuple(value.shape)} does not fit {tuple(param.shape)}")
    param.data.copy_(value)


@torch.no_grad()
def load_keras_weights(model: StackModel, weights: list[list[np.ndarray]]) -> None:
    """Copy Keras ``layer.get_weights()`` (one list per row) into the model, converting layouts."""
    if len(weights) != len(model.blocks):
        raise ValueError(f"{len(weights)} weight lists for {len(model.blocks)} layers")
    for block, ws in zip(model.blocks, weights):
        if not ws:
            continue
        mod = next(m for m in block if any(True for _ in m.parameters(recurse=False)) or
                   isinstance(m, nn.modules.batchnorm._BatchNorm))
        if isinstance(mod, nn.ConvTranspose2d):  # Keras (kh, kw, out, in) -> torch (in, out, kh, kw)
            _set(mod.weight, ws[0].transpose(3, 2, 0, 1))
        elif isinstance(mod, nn.Conv2d):  # (kh, kw, in, out) -> (out, in, kh, kw); Dense (in, out) -> 1×1
            kernel = ws[0] if ws[0].ndim == 4 else ws[0][None, None]
            _set(mod.weight, kernel.transpose(3, 2, 0, 1))
        elif isinstance(mod, nn.Linear):  # (in, out) -> (out, in)
            _set(mod.weight, ws[0].T)
        elif isinstance(mod, nn.modules.batchnorm._BatchNorm):
            gamma, beta, mean, var = ws[-4:] if len(ws) >= 4 else (None, None, *ws[-2:])
            if gamma is not None:
                _set(mod.weight, gamma)
                _set(mod.bias, beta)
            _set(mod.running_mean, mean)
            _set(mod.running_var, var)
            continue
        else:  # pragma: no cover
            raise ValueError(f"no Keras weight layout for {type(mod).__name__}")
        if len(ws) > 1:
            _set(mod.bias, ws[1])
