"""Which device trains: CUDA > MPS > CPU, and what to tell the learner about it."""
from __future__ import annotations

import os
from dataclasses import dataclass

import torch


@dataclass(frozen=True)
class DeviceInfo:
    kind: str  # "cuda" | "mps" | "cpu"
    name: str
    memory_gb: float | None
    threads: int

    @property
    def torch_device(self) -> torch.device:
        return torch.device(self.kind)


def detect(prefer: str | None = None) -> DeviceInfo:
    """The best device here, or ``prefer`` ('cpu', 'cuda', 'mps') when it is available.

    The environment variable AECORE_DEVICE overrides (e.g. AECORE_DEVICE=cpu on a shared GPU server).
    """
    prefer = prefer or os.environ.get("AECORE_DEVICE") or None
    cuda = torch.cuda.is_available()
    mps = getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_available()
    kind = prefer if prefer in ("cpu", "cuda", "mps") and {"cpu": True, "cuda": cuda, "mps": mps}[prefer] \
        else ("cuda" if cuda else "mps" if mps else "cpu")
    if kind == "cuda":
        props = torch.cuda.get_device_properties(0)
        return DeviceInfo("cuda", props.name, round(props.total_memory / 2**30, 1), torch.get_num_threads())
    if kind == "mps":
        return DeviceInfo("mps", "Apple GPU (MPS)", None, torch.get_num_threads())
    return DeviceInfo("cpu", f"CPU × {os.cpu_count() or 1}", None, torch.get_num_threads())
