"""Training: the fast loop, and what it reports.

The loop keeps the whole dataset on the device as uint8 and draws batches by ``randperm`` indexing;
conversion to float and the input noise happen on the device, per batch. There is no DataLoader and
no ``.item()`` per step: losses add up on the device and are read at progress ticks. On CUDA it
uses bf16 autocast (the loss is BCE on logits, never BCELoss under autocast), channels_last and
fused Adam. Callbacks in minGPT's manner: ``on_tick`` (about twice a second) and ``on_epoch``.
A run stopped by hand carries a ``Checkpoint``: continuing from it gives exactly the run that never
stopped; keeping it gives a model of its own (``stop_at``).

    result = run(TrainConfig(dataset="digits", epochs=5))
    result.history["test_loss"], result.model
"""
from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass, field, replace
from typing import Callable

import torch
import torch.nn.functional as F

from aecore.learn import data
from aecore.learn.config import BUDGET, Plan, TrainConfig, _check, plan
from aecore.learn.families import build_model, penalty
from aecore.shapes.build import StackModel

PICTURE_S = 2.0  # during an epoch, new reconstructions at most this often


class Stopped(Exception):
    """Stopped by the learner before training began (while queued or loading the images)."""


# ---- data on the device ------------------------------------------------------------------------------

def fixed_pick(n: int, cap: int | None, seed: int = 0) -> torch.Tensor | None:
    """Indices of at most ``cap`` of ``n`` items, a seeded random pick (None: keep all). Training and the
    pages use this one pick, so an image number means the same image everywhere."""
    if cap is None or n <= cap:
        return None
    return torch.randperm(n, generator=torch.Generator().manual_seed(seed))[:cap]


def prepare(images: torch.Tensor, p: Plan, cap: int | None = None, seed: int = 0) -> torch.Tensor:
    """uint8 images -> uint8 in the model's channels and size; at most ``cap``, a fixed random pick."""
    pick = fixed_pick(len(images), cap, seed)
    if pick is not None:
        images = images[pick]
    x = data.fit_images(images, channels=p.channels)
    if (x.shape[2], x.shape[3]) != (p.height, p.width):
        x = torch.nn.functional.interpolate(x.float(), size=(p.height, p.width), mode="bilinear", antialias=True,
                                            align_corners=False).round().clamp(0, 255).to(torch.uint8)
    return x.contiguous()


def one_class(images, config: TrainConfig) -> tuple[torch.Tensor, torch.Tensor]:
    """(train, test) images, of one class only when the config says so (an anomaly detector learns what
    normal looks like: one kind of image)."""
    if config.only_class < 0:
        return images.train_x, images.test_x
    k = len(images.classes)
    _check(config.only_class < k, "train.no_such_class", data=data.display_name(config.dataset), n=config.only_class,
           k=k, last=k - 1)
    return images.train_x[images.train_y == config.only_class], images.test_x[images.test_y == config.only_class]


def to_model(xb: torch.Tensor, p: Plan) -> torch.Tensor:
    """Pixels in [0, 1] -> the model's input: its scale, and its shape (flat models get flat vectors)."""
    if p.scale == "signed":
        xb = xb * 2 - 1
    return xb.reshape((len(xb),) + tuple(p.model_input))


def from_model(y: torch.Tensor, p: Plan) -> torch.Tensor:
    """The model's output -> images in [0, 1], (B, C, H, W)."""
    y = y.float().reshape(len(y), p.channels, p.height, p.width)
    if p.scale == "signed":
        y = (y + 1) / 2
    return y.clamp(0, 1)


def corrupt(x: torch.Tensor, kind: str, level: float, gen: torch.Generator | None = None) -> torch.Tensor:
    """Noise on pixels in [0, 1]. gaussian: + N(0, σ²), unclipped as in lesson 001; salt_pepper: a share of
    pixels set to 0 or 1; masking: a share of pixels set to 0."""
    if kind == "none" or level <= 0:
        return x
    if kind == "gaussian":
        return x + torch.randn(x.shape, generator=gen, device=x.device, dtype=x.dtype) * level
    hit = torch.rand(x.shape, generator=gen, device=x.device) < level
    if kind == "masking":
        return x.masked_fill(hit, 0.0)
    salt = torch.rand(x.shape, generator=gen, device=x.device) < 0.5
    return torch.where(hit, salt.to(x.dtype), x)


# ---- the loop ---------------------------------------------------------------------------------------------

@dataclass
class Progress:
    """What the loop reports: a snapshot a page can draw."""
    phase: str = "queued"  # queued | data | training | done | stopped | error
    epoch: int = 0
    epochs: int = 0
    step: int = 0
    steps: int = 0
    train_loss: list = field(default_factory=list)   # per finished epoch
    test_loss: list = field(default_factory=list)
    epoch_s: list = field(default_factory=list)      # training seconds per epoch (evaluation not counted)
    running_loss: float | None = None                # the current epoch so far
    images_per_s: float | None = None
    originals: torch.Tensor | None = None            # uint8 (8, C, H, W) test images
    inputs: torch.Tensor | None = None               # what the model saw (noisy when denoising)
    outputs: torch.Tensor | None = None              # its reconstructions, uint8
    device: str = ""
    images: int = 0
    message: str = ""
    queue_position: int = 0
    download: tuple | None = None                    # (bytes so far, total or None, label)
    started: float = 0.0
    version: int = 0                                 # +1 whenever the pictures or the curve change


@dataclass
class Checkpoint:
    """Where a stopped run stands, exactly: continuing from it gives the run that was never stopped."""
    epoch: int                 # the epoch in progress, from 0
    step: int                  # steps of it already taken
    steps: int                 # steps per epoch
    model: dict                # state_dict
    optimizer: dict            # Adam's state
    generator: torch.Tensor    # the batch and noise generator's state
    rng: torch.Tensor          # torch's global generator (dropout draws from it)
    perm: torch.Tensor         # this epoch's order of images
    running: float             # the epoch's loss so far, summed over images
    seen: int                  # images of the epoch so far
    epoch_seconds: float       # training time of the epoch so far
    seconds: float             # the run's time so far

    @property
    def done_steps(self) -> int:
        return self.epoch * self.steps + self.step


@dataclass
class TrainResult:
    config: TrainConfig
    plan: Plan
    model: StackModel
    history: dict
    device: str
    images: int
    seconds: float
    stopped: bool = False
    from_cache: str = ""  # "" | "memory" | "disk"
    checkpoint: Checkpoint | None = None  # a stopped run: what Continue starts from

    def kept(self) -> TrainResult:
        """A stopped run as a model of its own: its config says where it stopped (``stop_at``), so the cache
        key is honest: training that config gives this model."""
        c = self.checkpoint
        if c is None or c.done_steps == 0:  # nothing trained: stop_at=0 would claim the whole run's key
            raise ValueError("a run stopped before its first step has nothing to keep")
        config = replace(self.config, stop_at=c.done_steps)
        history = {**self.history, "partial": [c.epoch + 1, c.step, c.steps]} if c.step else dict(self.history)
        return replace(self, config=config, history=history, stopped=False, checkpoint=None)


Callback = Callable[[str, Progress], None]  # (event, progress); events: "phase", "tick", "epoch"


def _device(name: str | None) -> torch.device:
    from aecore.learn.devices import detect
    return torch.device(name) if name else detect().torch_device


def _as_uint8(x01: torch.Tensor) -> torch.Tensor:
    return (x01.clamp(0, 1) * 255).round().to(torch.uint8).cpu()


@torch.no_grad()
def evaluate(model: StackModel, p: Plan, x: torch.Tensor, seed: int, batch: int = 1024) -> float:
    """Mean test loss: the same noise every time (a fixed seed), so epochs compare."""
    was = model.training
    model.eval()
    gen = torch.Generator(device=x.device).manual_seed(seed + 1)
    total, n = torch.zeros((), device=x.device), 0
    for i in range(0, len(x), batch):
        x01 = x[i:i + batch].float().div_(255)
        noisy = corrupt(x01, p.config.noise, p.config.noise_level, gen)
        _, out = model.forward_parts(to_model(noisy, p), logits=p.loss == "bce")
        total += _loss(out, x01, p) * len(x01)
        n += len(x01)
    model.train(was)
    return float(total / max(n, 1))


def _loss(out: torch.Tensor, x01: torch.Tensor, p: Plan) -> torch.Tensor:
    target = to_model(x01, p).reshape(out.shape)
    out = out.float()
    if p.loss == "bce":
        return F.binary_cross_entropy_with_logits(out, target)
    return F.mse_loss(out, target)


@torch.no_grad()
def reconstruct(model: StackModel, p: Plan, x_uint8: torch.Tensor, noise: str = "none", level: float = 0.0,
                seed: int = 0) -> tuple[torch.Tensor, torch.Tensor]:
    """(inputs shown to the model, reconstructions) as uint8 images, for a few images."""
    was = model.training
    model.eval()
    dev = next(model.parameters()).device if any(True for _ in model.parameters()) else torch.device("cpu")
    x01 = x_uint8.to(dev).float() / 255
    gen = torch.Generator(device=dev).manual_seed(seed)
    noisy = corrupt(x01, noise, level, gen)
    _, out = model.forward_parts(to_model(noisy, p))
    model.train(was)
    return _as_uint8(noisy), _as_uint8(from_model(out, p))


def run(config: TrainConfig, device: str | None = None, callbacks: tuple[Callback, ...] = (),
        stop: threading.Event | None = None, tick_s: float = 0.5, progress: Progress | None = None,
        resume: TrainResult | None = None) -> TrainResult:
    """Train one model. Raises ConfigError / data.DatasetUnavailable with a learner's message.

    ``resume``: a stopped run of the same config; training goes on from exactly where it stopped (same
    order of images, same noise, same dropout draws), so the result equals the run that never stopped.
    """
    p = plan(config)
    dev = _device(device)
    prog = progress or Progress()
    prog.device, prog.epochs, prog.started = dev.type, config.epochs, time.time()

    def emit(event: str) -> None:
        for cb in callbacks:
            cb(event, prog)

    prog.phase = "data"
    emit("phase")

    def on_download(done, total, label):
        prog.download = (done, total, label)
        emit("tick")
    images = data.load(config.dataset, progress=on_download)
    prog.download = None
    train_x, test_x = one_class(images, config)
    xtr = prepare(train_x, p, cap=config.max_train, seed=config.seed)
    xte = prepare(test_x, p, cap=max(256, config.max_train // 4), seed=config.seed)
    n = len(xtr)
    budget = BUDGET.get(dev.type, BUDGET["cpu"])
    _check(n * config.epochs <= budget, "train.budget", n=n, e=config.epochs, total=n * config.epochs,
           budget=budget, device=dev.type)
    cuda = dev.type == "cuda"
    xtr, xte = xtr.to(dev), xte.to(dev)
    sample = xte[:8]
    if config.family == "greedy":  # layer-wise pretraining: phases of its own, on the same data and devices
        from aecore.learn.greedy import run_greedy
        return run_greedy(config, p, xtr, xte, dev, prog, emit, stop, tick_s)
    torch.manual_seed(config.seed)
    model = build_model(p.summary, config.family).to(dev)
    vae = config.family == "vae"
    pixels = p.channels * p.height * p.width
    image_model = len(p.model_input) == 3
    if image_model:  # channels_last: 2× faster convolutions on this CPU too (measured), and on CUDA
        model = model.to(memory_format=torch.channels_last)
    opt = torch.optim.Adam(model.parameters(), lr=config.lr, **({"fused": True} if cuda else {}))
    gen = torch.Generator(device=dev).manual_seed(config.seed)
    steps = math.ceil(n / config.batch_size)
    history = {"train_loss": prog.train_loss, "test_loss": prog.test_loss, "epoch_s": prog.epoch_s}
    ck = resume.checkpoint if resume is not None else None
    if ck is not None:
        if resume.config.key() != config.key() or ck.steps != steps:
            raise ValueError("resume needs a stopped run of the same settings")
        model.load_state_dict(ck.model)
        opt.load_state_dict(ck.optimizer)
        gen.set_state(ck.generator)
        torch.set_rng_state(ck.rng)
        for name in ("train_loss", "test_loss", "epoch_s"):
            history[name].extend(resume.history[name])
    prog.steps, prog.images, prog.phase = steps, n, "training"
    prog.originals = sample.cpu()
    emit("phase")
    stopped = False
    t_start = last_picture = time.perf_counter()
    logits = p.loss == "bce"
    whole = config.epochs * steps  # the whole run's steps (the schedule's length, also when it stops early)
    limit = config.stop_at or whole  # steps this run takes
    cosine = config.schedule == "cosine"
    model.train()
    first_epoch = ck.epoch if ck is not None else 0
    for epoch in range(first_epoch, config.epochs):
        prog.epoch = epoch + 1
        if ck is not None and epoch == ck.epoch:  # the epoch that was stopped: its order, its sums so far
            perm, first_step, seen = ck.perm.to(dev), ck.step, ck.seen
            running = torch.tensor(ck.running, device=dev)
            t0 = time.perf_counter() - ck.epoch_seconds
        else:
            perm, first_step, seen = torch.randperm(n, generator=gen, device=dev), 0, 0
            running = torch.zeros((), device=dev)
            t0 = time.perf_counter()
        last_tick = t_here = time.perf_counter()
        step, seen0 = first_step, seen
        while step < steps:
            if epoch * steps + step >= limit or (stop is not None and stop.is_set()):
                stopped = epoch * steps + step < limit
                break
            if cosine:  # the rate for this step: lr · ½(1 + cos(π · steps done / all steps))
                for group in opt.param_groups:
                    group["lr"] = config.lr * 0.5 * (1 + math.cos(math.pi * (epoch * steps + step) / whole))
            idx = perm[step * config.batch_size:(step + 1) * config.batch_size]
            x01 = xtr[idx].float().div_(255)                       # (B, C, H, W) uint8 -> float, on the device
            inp = to_model(corrupt(x01, config.noise, config.noise_level, gen), p)
            if image_model:
                inp = inp.contiguous(memory_format=torch.channels_last)
            with torch.autocast("cuda", dtype=torch.bfloat16, enabled=cuda):
                z, out = model.forward_parts(inp, logits=logits)
            loss = _loss(out, x01, p)
            if config.sparsity:
                loss = loss + penalty(z, config.penalty, config.sparsity, config.rho)
            if vae:  # per pixel, like the reconstruction term: beta = 1 is the evidence lower bound
                loss = loss + config.beta * model.kl / pixels
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            running += loss.detach() * len(idx)
            seen += len(idx)
            step += 1
            now = time.perf_counter()
            if now - last_tick >= tick_s:  # the one sync per tick
                last_tick = now
                prog.step, prog.running_loss = step, float(running) / seen
                prog.images_per_s = (seen - seen0) / max(now - t_here, 1e-9)  # this run's own pace
                if prog.version == 0 or now - last_picture >= PICTURE_S:  # a first picture at once, then steady
                    last_picture = now
                    prog.inputs, prog.outputs = reconstruct(model, p, sample, config.noise, config.noise_level,
                                                            config.seed)
                    prog.version += 1
                emit("tick")
        if step < steps:  # stopped (by hand, or at stop_at) part-way: the epoch is not counted
            if cuda:
                torch.cuda.synchronize()
            elapsed = time.perf_counter() - t0
            checkpoint = Checkpoint(epoch, step, steps, _cpu_state(model.state_dict()), _cpu_state(opt.state_dict()),
                                    gen.get_state(), torch.get_rng_state(), perm.cpu(), float(running), seen,
                                    elapsed, (ck.seconds if ck is not None else 0.0) + time.perf_counter() - t_start)
            prog.step, prog.running_loss = step, (float(running) / seen if seen else None)
            prog.inputs, prog.outputs = reconstruct(model, p, sample, config.noise, config.noise_level, config.seed)
            prog.version += 1
            break
        if cuda:
            torch.cuda.synchronize()
        elapsed = time.perf_counter() - t0
        prog.epoch_s.append(round(elapsed, 4))
        prog.train_loss.append(float(running) / max(seen, 1))
        prog.images_per_s = seen / max(elapsed, 1e-9)
        prog.test_loss.append(evaluate(model, p, xte, config.seed))
        prog.inputs, prog.outputs = reconstruct(model, p, sample, config.noise, config.noise_level, config.seed)
        prog.version += 1
        prog.step, prog.running_loss = steps, None
        emit("epoch")
    else:
        checkpoint = None
    model.eval()
    seconds = (ck.seconds if ck is not None else 0.0) + time.perf_counter() - t_start
    prog.phase = "stopped" if stopped else "done"
    emit("phase")
    result = TrainResult(config, p, model, history, dev.type, n, seconds, stopped,
                         checkpoint=checkpoint if stopped else None)
    if not stopped and checkpoint is not None and checkpoint.step:  # stop_at reached part-way through an epoch
        history["partial"] = [checkpoint.epoch + 1, checkpoint.step, steps]
    return result


def _cpu_state(state: dict) -> dict:
    """A deep copy on the CPU (the model goes on training; the copy is what Continue starts from)."""
    import copy
    return {k: (v.detach().cpu().clone() if isinstance(v, torch.Tensor) else _cpu_state(v) if isinstance(v, dict)
                else copy.deepcopy(v)) for k, v in state.items()}
