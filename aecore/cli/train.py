"""`python -m aecore train` and `python -m aecore bench train`: the engine from a terminal.

    python -m aecore train --dataset digits --preset s0-keras-conv --epochs 5 --batch-size 128 --json
    python -m aecore bench train --dataset digits --device cpu

``bench`` runs, in one process on one device, the lessons' own loop (each uint8 image -> PIL ->
ToTensor in a Dataset, DataLoader with batch 128, shuffle, num_workers=2, ``loss.item()`` every step)
and this engine, on the same model (same initial weights) and the same images, and prints images/s
for each, the ratio, and both final training losses. A benchmark, not a test.

Every ``python -m aecore`` call imports this module to make its parsers, so what loads torch is imported in
the commands that train (each such line says ``# deferred:``): ``summary`` answers in 0.25 s, not 2 s.
"""
from __future__ import annotations

import json
import statistics
import sys
import time
from dataclasses import replace

from aecore.cli import load
from aecore.shapes.layers import detect_dialect, first_input_shape, parse_shape, summarize
from aecore.shapes.presets import make
from aecore.text import t

EXIT_OK, EXIT_INVALID = 0, 2


def _params(pairs: list[str]) -> tuple:
    out = []
    for pair in pairs or []:
        name, _, value = pair.partition("=")
        value = value.strip()
        out.append((name.strip(), value.lower() == "true" if value.lower() in ("true", "false") else int(value)))
    return tuple(out)


LESSONS = ("linear", "deep", "plain-stacked", "tied", "greedy", "end-to-end", "sparse", "anomaly", "vae", "vae-plain")


def _lesson(args):
    """A lesson page's own recipe (what the page trains), so a teacher can train it before class."""
    from aecore.learn.devices import detect  # deferred: torch stays out of `aecore summary`
    from aecore.use import lessons  # deferred: torch stays out of `aecore summary`
    kind = args.device or detect().kind  # the app's own choice, so the page finds this run in the cache
    k, name = args.k, args.lesson
    if name in ("linear", "deep"):
        return getattr(lessons, name)(args.dataset, k or 16, kind)
    if name in ("plain-stacked", "tied", "greedy"):
        return lessons.stacked(args.dataset, {"plain-stacked": "ae"}.get(name, name), device_kind=kind)
    if name == "end-to-end":
        return lessons.end_to_end_for(lessons.stacked(args.dataset, "greedy", device_kind=kind))
    if name == "sparse":
        weight = 0.1 if args.sparsity is None else args.sparsity  # an asked-for 0 is 0: the page's "no penalty" run
        return lessons.sparse(args.dataset, k or 64, weight, args.penalty or "kl", args.rho, kind)
    if name == "anomaly":
        return lessons.anomaly(args.dataset, max(args.only_class, 0), kind)
    plain, vae = lessons.vae_pair(args.dataset, k or 2, args.beta, kind)
    return vae if name == "vae" else plain


def _config(args):
    from aecore.learn.config import TrainConfig  # deferred: torch stays out of `aecore summary`
    if args.lesson:
        return _lesson(args)
    model_params = _params(args.param)
    extra = {}
    if args.stack:
        with open(args.stack, encoding="utf-8") as f:
            stack = json.load(f)
        shape = parse_shape(args.input) if args.input else first_input_shape(stack)
        extra = dict(model="custom", stack=json.dumps(stack), dialect=detect_dialect(stack), input_shape=tuple(shape))
    else:
        extra = dict(model=args.preset)
    return TrainConfig(dataset=args.dataset, model_params=model_params, loss=args.loss, lr=args.lr, epochs=args.epochs,
                       batch_size=args.batch_size, seed=args.seed, noise=args.noise, noise_level=args.noise_level,
                       sparsity=args.sparsity or 0.0, max_train=args.max_train, family=args.family, penalty=args.penalty or "l1",
                       rho=args.rho, beta=args.beta, only_class=args.only_class, schedule=args.schedule, **extra)


def set_threads(asked: int | None) -> int:
    """Torch's CPU threads for a command-line training: ``--threads``, else the budget one of the app's workers
    gets on this machine (aecore.learn.pool.default_workers), so a teacher pre-training a lesson on the class's
    server takes one worker's share, not every core."""
    import torch  # deferred: torch stays out of `aecore summary`

    from aecore.learn.devices import detect  # deferred: torch stays out of `aecore summary`
    from aecore.learn.pool import default_workers  # deferred: torch stays out of `aecore summary`
    threads = asked if asked and asked > 0 else default_workers(detect().kind)[1]
    torch.set_num_threads(threads)
    return threads


def cmd_train(args) -> int:
    from aecore.learn import data  # deferred: torch stays out of `aecore summary`
    from aecore.learn.config import ConfigError  # deferred: torch stays out of `aecore summary`
    from aecore.learn.doctor import examine  # deferred: torch stays out of `aecore summary`
    from aecore.learn.train import run  # deferred: torch stays out of `aecore summary`
    threads = set_threads(args.threads)
    if not args.json:
        print(f"training with {threads} CPU thread(s) (the app's workers' budget; --threads to change it)",
              file=sys.stderr)
    try:
        config = _config(args)
        result = run(config, device=args.device)
    except (ConfigError, data.DatasetUnavailable, ValueError, OSError) as e:
        print(json.dumps({"error": str(e)}) if args.json else f"✗ {e}", file=sys.stdout if args.json else sys.stderr)
        return EXIT_INVALID
    if args.save:
        from aecore.learn import store  # deferred: torch stays out of `aecore summary`
        store.save(result)
    d = examine(result)
    out = {"device": result.device, "threads": threads, "images": result.images, "epoch_s": result.history["epoch_s"],
           "train_loss": [round(x, 6) for x in result.history["train_loss"]],
           "test_loss": [round(x, 6) for x in result.history["test_loss"]],
           "doctor": {"verdict": d.verdict, "ratio": round(d.ratio, 4), "spread": round(d.spread, 4),
                      "causes": [c.key.removeprefix("doctor.") for c in d.causes], "try": d.patch()}}
    if args.json:
        print(json.dumps(out))
    else:
        for i, (tr, te, s) in enumerate(zip(out["train_loss"], out["test_loss"], out["epoch_s"]), 1):
            print(f"epoch {i:3d}  train {tr:.4f}  test {te:.4f}  {s:.2f}s  {result.images / s:,.0f} images/s")
        print(f"{result.images} images on {result.device}")
        if d.verdict != "ok":
            print("🩺 " + t("doctor.title_" + d.verdict))
            for cause in d.causes:
                print("  - " + t(cause.key, **cause.values).replace("**", ""))
    return EXIT_OK


def lessons_loop(model, plan, images_uint8, epochs: int, batch_size: int, lr: float, device) -> tuple[float, float]:
    """The lessons' way, as written there. Returns (training seconds, last epoch's mean loss)."""
    import numpy as np  # deferred: lessons' loop; torch stays out of `aecore summary`
    import torch  # deferred: lessons' loop; torch stays out of `aecore summary`
    from PIL import Image  # deferred: lessons' loop; torch stays out of `aecore summary`
    from torch import nn  # deferred: lessons' loop; torch stays out of `aecore summary`
    from torch.utils.data import DataLoader, Dataset  # deferred: lessons' loop; torch stays out of `aecore summary`
    from torchvision import transforms  # deferred: lessons' loop; torch stays out of `aecore summary`

    steps = [transforms.ToTensor()]
    if plan.scale == "signed":
        steps.append(transforms.Normalize([0.5] * plan.channels, [0.5] * plan.channels))
    to_tensor = transforms.Compose(steps)

    class LessonImages(Dataset):
        def __init__(self, x):
            self.x = x.permute(0, 2, 3, 1).numpy()  # (N, H, W, C) uint8

        def __len__(self):
            return len(self.x)

        def __getitem__(self, i):
            img = self.x[i]
            img = Image.fromarray(img[..., 0] if img.shape[-1] == 1 else img)
            return to_tensor(img), 0

    loader = DataLoader(LessonImages(images_uint8), batch_size=batch_size, shuffle=True, num_workers=2)
    criterion = nn.MSELoss() if plan.loss == "mse" else nn.BCELoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    model.train()
    shape = (-1,) + tuple(plan.model_input)
    start = time.perf_counter()
    for _ in range(epochs):
        trn_loss = 0.0
        for inputs, _ in loader:
            inputs = inputs.to(device).reshape(shape)
            outputs = model(inputs)
            loss = criterion(outputs, inputs)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            trn_loss += loss.item() * inputs.size(0)
        last = trn_loss / len(loader.dataset)
    if device.type == "cuda":
        torch.cuda.synchronize()
    return time.perf_counter() - start, float(np.float64(last))


def cmd_bench(args) -> int:
    import torch  # deferred: torch stays out of `aecore summary`

    from aecore.learn import data  # deferred: torch stays out of `aecore summary`
    from aecore.learn.config import ConfigError, plan  # deferred: torch stays out of `aecore summary`
    from aecore.learn.devices import detect  # deferred: torch stays out of `aecore summary`
    from aecore.learn.train import prepare, run  # deferred: torch stays out of `aecore summary`
    from aecore.shapes.build import build  # deferred: torch stays out of `aecore summary`
    try:
        config = _config(args)
        p = plan(config)
        images = data.load(config.dataset)
    except (ConfigError, data.DatasetUnavailable, ValueError, OSError) as e:
        print(f"✗ {e}", file=sys.stderr)
        return EXIT_INVALID
    device = torch.device(args.device) if args.device else detect().torch_device
    x = prepare(images.train_x, p, cap=config.max_train, seed=config.seed)
    # Untimed warm-ups, so neither side pays the one-time kernel set-up for the other.
    lessons_loop(build(p.summary).to(device), p, x[:256], 1, config.batch_size, config.lr, device)
    run(replace(config, epochs=1, max_train=256), device=device.type)
    seeds = [config.seed + i for i in range(max(args.repeats, 1))]
    lesson_s = ours_s = 0.0
    lesson_losses, ours_losses = [], []
    for seed in seeds:  # each seed: the same initial weights on both sides (shuffles differ)
        torch.manual_seed(seed)
        seconds, loss = lessons_loop(build(p.summary).to(device), p, x, config.epochs, config.batch_size,
                                     config.lr, device)
        ours = run(replace(config, seed=seed), device=device.type)
        lesson_s, ours_s = lesson_s + seconds, ours_s + sum(ours.history["epoch_s"])
        lesson_losses.append(round(loss, 5))
        ours_losses.append(round(ours.history["train_loss"][-1], 5))
    n = len(x) * config.epochs * len(seeds)
    mean = lambda v: round(sum(v) / len(v), 5)  # noqa: E731
    rows = {"device": device.type, "dataset": config.dataset, "model": config.model, "images": len(x),
            "epochs": config.epochs, "seeds": seeds, "lessons_images_per_s": round(n / lesson_s, 1),
            "ours_images_per_s": round(n / ours_s, 1), "ratio": round(lesson_s / ours_s, 2),
            "lessons_final_loss": mean(lesson_losses), "ours_final_loss": mean(ours_losses),
            "lessons_final_losses": lesson_losses, "ours_final_losses": ours_losses}
    if args.json:
        print(json.dumps(rows))
    else:
        per_seed = len(seeds) > 1
        print(f"{config.model} on {config.dataset}: {len(x)} images × {config.epochs} epochs, batch "
              f"{config.batch_size}, {device.type} ({torch.get_num_threads()} threads), "
              f"seed{'s' if per_seed else ''} {', '.join(map(str, seeds))}")
        for name, key, losses in (("the lessons' loop", "lessons", lesson_losses), ("this engine", "ours", ours_losses)):
            each = f"  (each seed: {', '.join(f'{v:.4f}' for v in losses)})" if per_seed else ""
            print(f"  {name:<17} {rows[key + '_images_per_s']:>10,.0f} images/s   final loss "
                  f"{rows[key + '_final_loss']:.4f}{' mean' if per_seed else ''}{each}")
        print(f"  ratio              {rows['ratio']:>10.2f}×")
    return EXIT_OK


def cmd_bench_search(args) -> int:
    """One top-k query over N codes of D numbers: the lesson's way (torch.cdist + topk, float32, as in
    lesson 001's find_similar_images) and KeyIndex (exact, float64, ties by index), same data, one run."""
    import torch  # deferred: torch stays out of `aecore summary`

    from aecore.use.search import KeyIndex  # deferred: torch stays out of `aecore summary`
    g = torch.Generator().manual_seed(0)
    keys = torch.randn(args.keys, args.dims, generator=g)
    queries = torch.randn(args.queries, args.dims, generator=g)

    def lessons(q):
        dist = torch.cdist(q[None, :], keys, p=2).squeeze(dim=0)
        return torch.topk(dist, args.k, largest=False)
    t0 = time.perf_counter()
    index = KeyIndex(keys)
    build_ms = (time.perf_counter() - t0) * 1000
    for fn in (lessons, lambda q: index.nearest(q, args.k)):  # warm both
        fn(queries[0])
    times = {}
    for name, fn in (("lessons", lessons), ("ours", lambda q: index.nearest(q, args.k))):
        runs = []
        for q in queries:
            t0 = time.perf_counter()
            fn(q)
            runs.append((time.perf_counter() - t0) * 1000)
        times[name] = statistics.median(runs)
    agree = sum(set(lessons(q).indices.tolist()) == set(index.nearest(q, args.k)[0].tolist()) for q in queries)
    print(f"top-{args.k} over {args.keys:,} codes of {args.dims} numbers, {torch.get_num_threads()} threads, "
          f"median of {args.queries} queries")
    print(f"  the lessons' way (cdist + topk, float32)   {times['lessons']:7.3f} ms per query")
    print(f"  KeyIndex (exact, float64, ties by index)    {times['ours']:7.3f} ms per query "
          f"(+ {build_ms:.1f} ms once to prepare the keys)")
    print(f"  ratio {times['lessons'] / times['ours']:.2f}×; same neighbours in {agree}/{len(queries)} queries")
    return EXIT_OK


def cmd_bench_summary(args) -> int:
    """The Layer Builder's table for a long stack: median time of summarize() over many runs."""
    stack, shape, _ = make("s0-keras-conv")
    long = (stack * (args.layers // len(stack) + 1))[:args.layers]  # the seed puzzle, repeated
    runs = []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        summarize(long, shape)
        runs.append((time.perf_counter() - t0) * 1000)
    s = summarize(long, shape)
    print(f"summary of a {len(long)}-layer Keras stack ({'valid' if s.ok else 'fails at layer ' + str(s.error_index)}, "
          f"{len(s.rows)} rows): median {statistics.median(runs):.3f} ms, max {max(runs):.3f} ms over {args.runs} runs")
    return EXIT_OK


def _train_args(p, epochs: int) -> None:
    p.add_argument("--dataset", default="digits")
    p.add_argument("--preset", default="s0-keras-conv", help="a lesson's model")
    p.add_argument("--stack", help="train a JSON layer stack instead of a preset")
    p.add_argument("--input", help="the stack's input shape, e.g. 28,28,1")
    p.add_argument("--param", action="append", help="a preset parameter, e.g. --param latent=64")
    p.add_argument("--epochs", type=int, default=epochs)
    p.add_argument("--batch-size", type=int, default=128)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--loss", default="auto", choices=("auto", "bce", "mse"))
    p.add_argument("--noise", default="none", choices=("none", "gaussian", "salt_pepper", "masking"))
    p.add_argument("--noise-level", type=float, default=0.0)
    p.add_argument("--sparsity", type=float, help="weight of the sparsity penalty (default 0; with --lesson "
                                                    "sparse: 0.1, and 0 means none)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--max-train", type=int, default=20_000)
    p.add_argument("--device", choices=("cpu", "cuda", "mps"), help="default: the best one here")
    p.add_argument("--family", default="ae", choices=("ae", "tied", "vae", "greedy"),
                   help="tied: decoder = encoder transposed; vae; greedy: layer-wise pretraining")
    p.add_argument("--penalty", choices=("l1", "kl"), help="the sparsity penalty (with --sparsity): l1 (the default) "
                                                        "or kl (with --lesson sparse: kl)")
    p.add_argument("--rho", type=float, default=0.05, help="the KL penalty's target mean activation")
    p.add_argument("--beta", type=float, default=1.0, help="the VAE's KL weight")
    p.add_argument("--only-class", type=int, default=-1, help="train on this class only (anomaly detection)")
    p.add_argument("--schedule", default="constant", choices=("constant", "cosine"))
    p.add_argument("--lesson", choices=LESSONS, help="a 'Lessons' models' page's own recipe (other settings ignored "
                                                     "but --dataset, --k, --sparsity, --penalty, --rho, --beta, "
                                                     "--only-class)")
    p.add_argument("--k", type=int, default=0, help="with --lesson: the code size")
    p.add_argument("--json", action="store_true")


def add_commands(sub) -> None:
    tr = sub.add_parser("train", help="train one model and print its losses")
    _train_args(tr, epochs=5)
    tr.add_argument("--save", action="store_true", help="keep the model in the cache the app reads")
    tr.add_argument("--threads", type=int, help="CPU threads for torch (default: one app worker's share)")
    tr.set_defaults(func=cmd_train)
    bench = sub.add_parser("bench", help="side-by-side speed: the lessons' loop against this engine")
    what = bench.add_subparsers(dest="what", required=True)
    bt = what.add_parser("train", help="training throughput")
    _train_args(bt, epochs=5)
    bt.add_argument("--repeats", type=int, default=1, help="runs with seeds seed, seed+1, ...; losses averaged")
    bt.set_defaults(func=cmd_bench)
    bs = what.add_parser("search", help="one top-k query over many codes")
    bs.add_argument("--keys", type=int, default=10_000)
    bs.add_argument("--dims", type=int, default=256)
    bs.add_argument("--k", type=int, default=10)
    bs.add_argument("--queries", type=int, default=200)
    bs.set_defaults(func=cmd_bench_search)
    bsum = what.add_parser("summary", help="the shape table of a long stack")
    bsum.add_argument("--layers", type=int, default=30)
    bsum.add_argument("--runs", type=int, default=300)
    bsum.set_defaults(func=cmd_bench_summary)
    load.add_commands(what)
