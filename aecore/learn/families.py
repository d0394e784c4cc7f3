"""The lessons' model families on top of a layer stack: tied weights, the VAE, and the sparsity penalties.

    tied = tie(build(summary))           # each decoder Dense uses its mirror encoder Dense's weight, transposed
    vae = VAE(build(summary))             # μ and log σ² after the bottleneck, a sampled code, the same decoder
    penalty(z, "kl", weight=0.1, rho=0.05)  # KL(ρ‖ρ̂) summed over the code's units

Every family keeps the engine's interface (``forward_parts(x, logits) -> (code, output)``, ``encode``,
``decode``, ``latent_shape``), so the one training loop, the cache and the pages serve them all.
"""
from __future__ import annotations

import math

import torch
import torch.nn.functional as F
from torch import nn

from aecore.shapes.build import build

FAMILIES = ("ae", "tied", "vae", "greedy")
PENALTIES = ("l1", "kl")


# ---- tied weights (lesson 5) ----------------------------------------------------------------------------

class TiedLinear(nn.Module):
    """A decoder layer that owns only its bias: its weight *is* the encoder layer's weight, transposed.
    One tensor, so a gradient step on either side moves both (not two copies kept equal)."""

    def __init__(self, encoder: nn.Linear):
        super().__init__()
        self.encoder = [encoder]  # a plain list: not a submodule, so its weight is counted once
        self.bias = nn.Parameter(torch.zeros(encoder.in_features))

    @property
    def weight(self) -> torch.Tensor:
        return self.encoder[0].weight.t()  # the encoder Linear(n, m)'s (m, n) -> (n, m)

    def forward(self, x):
        return F.linear(x, self.encoder[0].weight.t(), self.bias)  # (B, m) -> (B, n): the encoder's n -> m, back

    def extra_repr(self) -> str:
        return f"in_features={self.encoder[0].out_features}, out_features={self.encoder[0].in_features}, tied"


def dense_layers(model) -> list[tuple[int, int, nn.Linear]]:
    """(block index, position in block, layer) of every nn.Linear, in order."""
    return [(i, j, m) for i, block in enumerate(model.blocks) for j, m in enumerate(block) if isinstance(m, nn.Linear)]


DENSE = ("Dense", "Linear")
SHAPE_ONLY = ("Flatten", "Reshape", "Unflatten", "Activation", "Dropout", "ReLU", "ELU", "Sigmoid", "Tanh", "GELU",
              "LeakyReLU", "SELU", "Identity", "InputLayer", "GaussianNoise", "GaussianDropout")


def mirror_dense(summary) -> str | None:
    """None when the stack is Dense layers that mirror each other (n → a → b → a → n) between layers that
    only reshape or activate (so its decoder can be tied to its encoder, or it can be pretrained pair by
    pair), else a word for why not."""
    widths = []
    for row in summary.rows:
        if row.type in DENSE:
            if len(row.input_shape) != 1:
                return "flat"
            widths.append((row.input_shape[-1], row.output_shape[-1]))
        elif row.type not in SHAPE_ONLY:
            return "dense_only"
    if len(widths) < 2 or len(widths) % 2:
        return "even"
    for (a, b), (c, d) in zip(widths, reversed(widths)):
        if (a, b) != (d, c):
            return "mirror"
    return None


def tie(model):
    """The same model with each decoder Dense tied to its mirror in the encoder (in place; returned)."""
    dense = dense_layers(model)
    half = len(dense) // 2
    for (_, _, enc), (i, j, dec) in zip(dense[:half], reversed(dense[half:])):
        tied = TiedLinear(enc)
        if dec.bias is not None:
            with torch.no_grad():
                tied.bias.copy_(dec.bias)
        model.blocks[i][j] = tied
    model.family = "tied"
    return model


# ---- the VAE (lessons 3 and 4: the next step) ----------------------------------------------------------------

class VAE(nn.Module):
    """The VAE version of a model: after its bottleneck, two small layers give the mean μ and log σ² of the
    code; training decodes a sample z = μ + σ·ε (the reparameterisation trick: the randomness is in ε, so
    gradients reach μ and σ); the KL term pulls each code's distribution towards N(0, I), which is what
    lets random codes from N(0, I) decode to plausible images. Evaluation and ``encode`` use μ."""

    def __init__(self, base):
        super().__init__()
        self.base = base
        d = math.prod(base.latent_shape)
        self.mu = nn.Linear(d, d)
        self.logvar = nn.Linear(d, d)
        nn.init.zeros_(self.logvar.weight)
        nn.init.constant_(self.logvar.bias, -4.0)  # start nearly deterministic: a plain autoencoder's start
        self.kl = torch.zeros(())  # the last batch's KL, per image, summed over the code (set by forward)
        self.family = "vae"

    @property
    def latent_shape(self) -> tuple:
        return self.base.latent_shape

    @property
    def input_shape(self):
        return self.base.input_shape

    @property
    def final_activation(self):
        return self.base.final_activation

    def heads(self, h):
        """(μ, log σ²) of the code for the bottleneck's output ``h`` (log σ² clamped to [-12, 8])."""
        flat = h.flatten(1).float()                                 # (B, *latent) -> (B, D)
        return self.mu(flat), self.logvar(flat).clamp(-12.0, 8.0)  # (B, D) -> μ (B, D), log σ² (B, D)

    def forward_parts(self, x, logits: bool = False):
        h = self.base.encode(x)                    # (B, *input) -> (B, *latent)
        mu, logvar = self.heads(h)                 # (B, *latent) -> (B, D), (B, D)
        self.kl = kl_normal(mu, logvar).mean()     # (B,) -> ()
        z = mu + torch.randn_like(mu) * (0.5 * logvar).exp() if self.training else mu
        code = z.reshape(h.shape)                  # (B, D) -> (B, *latent)
        # the decoder, (B, *latent) -> (B, *output); with logits its final sigmoid is left out
        out = self.base.run_from(code, self.base.bottleneck + 1, logits)[1]
        return mu.reshape(h.shape), out            # μ (B, D) -> (B, *latent), the output

    def forward(self, x):
        return self.forward_parts(x)[1]

    def encode(self, x):
        mu, _ = self.heads(self.base.encode(x))                   # (B, *input) -> (B, D)
        return mu.reshape((len(x),) + tuple(self.latent_shape))  # (B, D) -> (B, *latent)

    def decode(self, z):
        return self.base.decode(z.reshape((len(z),) + tuple(self.latent_shape)))  # -> (B, *latent) -> (B, *output)

    def parameters_of_heads(self) -> int:
        return sum(p.numel() for p in (*self.mu.parameters(), *self.logvar.parameters()))


def kl_normal(mu: torch.Tensor, logvar: torch.Tensor) -> torch.Tensor:
    """KL(N(μ, σ²) ‖ N(0, 1)) per row, summed over the code: ½ Σ (μ² + σ² − 1 − log σ²)."""
    return 0.5 * (mu.pow(2) + logvar.exp() - 1.0 - logvar).sum(1)  # (B, D) -> (B,)


# ---- sparsity (lesson 2) ------------------------------------------------------------------------------------

def kl_sparsity(z: torch.Tensor, rho: float) -> torch.Tensor:
    """KL(ρ ‖ ρ̂) summed over the code's units, ρ̂ each unit's mean activation over the batch (codes in [0, 1])."""
    rho_hat = z.flatten(1).float().mean(0).clamp(1e-6, 1 - 1e-6)  # (B, *code) -> (B, D) -> (D,)
    return (rho * torch.log(rho / rho_hat) + (1 - rho) * torch.log((1 - rho) / (1 - rho_hat))).sum()  # (D,) -> ()


def penalty(z: torch.Tensor, kind: str, weight: float, rho: float = 0.05) -> torch.Tensor:
    """The sparsity term added to the loss: ``l1`` the mean |code|, ``kl`` KL(ρ ‖ ρ̂)."""
    if kind == "kl":
        return weight * kl_sparsity(z, rho)
    return weight * z.float().abs().mean()  # (B, *code) -> ()


def family_loss(model, z: torch.Tensor, config, pixels: int) -> torch.Tensor | None:
    """What a model's family adds to the reconstruction loss of a batch (None: nothing): the sparsity
    penalty on the code ``z``, and the VAE's KL term per pixel, like the reconstruction term (β = 1 is the
    evidence lower bound). The training loop knows no family: it adds this."""
    extra = None
    if config.sparsity:
        extra = penalty(z, config.penalty, config.sparsity, config.rho)
    if getattr(model, "family", "") == "vae":
        kl = config.beta * model.kl / pixels
        extra = kl if extra is None else extra + kl
    return extra


def build_model(summary, family: str):
    """The model a config trains: the stack itself, its tied version, or its VAE version."""
    model = build(summary)
    if family == "tied":
        return tie(model)
    if family == "vae":
        return VAE(model)
    model.family = family
    return model
