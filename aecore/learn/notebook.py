"""A trained model's settings as a Jupyter notebook: plain code a learner can run anywhere, no aecore.

    nb = notebook(config)              # nbformat's NotebookNode: data, model, a plain training loop, pictures
    path.write_bytes(notebook_bytes(config))

The cells load the data with the dataset's own library (the offline sets written out as this app builds
them), build the model with ``pytorch_code`` (the code the app trains), train it with the config's epochs,
batch size, learning rate, loss, noise and seed, and plot originals over reconstructions with matplotlib.
``SMALL = True`` in the first code cell runs on a few images for one epoch (the tests do this).
"""
from __future__ import annotations

import inspect
import json

import nbformat
from nbformat import v4

from aecore.learn import data
from aecore.learn.config import TrainConfig, plan
from aecore.shapes.lower import final_activation, lower, pytorch_code
from aecore.text import t

SETUP = "# %pip install torch torchvision scikit-learn scikit-image medmnist matplotlib  # a fresh environment"

_IMPORTS = """import numpy as np
import torch
import torch.nn.functional as F
"""

# Each dataset's cell ends with x_train, x_test: uint8 (N, C, H, W) and y_train, y_test: int labels.
_SPLIT = """from sklearn.model_selection import train_test_split
train_idx, test_idx = train_test_split(np.arange(len(y)), test_size=0.2, random_state=0, stratify=y)
train_idx, test_idx = np.sort(train_idx), np.sort(test_idx)
x_train, y_train, x_test, y_test = x[train_idx], y[train_idx], x[test_idx], y[test_idx]
"""

_TO28 = """x = F.interpolate(x.float(), size=(28, 28), mode="bilinear", antialias=True, align_corners=False)
x = x.round().clamp(0, 255).to(torch.uint8)  # (N, 1, 28, 28)
"""

# the app's own tiling, as the notebook's code (one piece: the notebook's tiles are the app's, by construction)
_TILES = inspect.getsource(data._tiles).replace("def _tiles(image: np.ndarray, side: int = 28, stride: int = 14, "
                                                  "test_from: int = 410):", "def tiles(image, side=28, stride=14, "
                                                  "test_from=410):") + "\n"

_DATA = {
    "digits": """from sklearn.datasets import load_digits
digits = load_digits()  # 1,797 handwritten digits, 8x8 pixels from 0 to 16
x = torch.tensor(np.round(digits.images * (255 / 16)), dtype=torch.uint8)[:, None]  # (1797, 1, 8, 8)
""" + _TO28 + "y = digits.target\n" + _SPLIT,
    "faces": """from skimage import data as skdata
faces = skdata.lfw_subset()  # (200, 25, 25) in [0, 1]: 100 faces, then 100 other patches
x = torch.tensor(np.round(faces * 255), dtype=torch.uint8)[:, None]  # (200, 1, 25, 25)
""" + _TO28 + "y = np.array([0] * 100 + [1] * 100)\n" + _SPLIT,
    "textures": _TILES + """
from skimage import data as skdata
parts = [tiles(getattr(skdata, name)()) for name in ("grass", "gravel", "brick")]
x_train = torch.tensor(np.concatenate([tr for tr, _ in parts]))[:, None]  # (N, 1, 28, 28)
x_test = torch.tensor(np.concatenate([te for _, te in parts]))[:, None]
y_train = np.concatenate([[k] * len(tr) for k, (tr, _) in enumerate(parts)])
y_test = np.concatenate([[k] * len(te) for k, (_, te) in enumerate(parts)])
""",
    "ihc": _TILES + """
from skimage import data as skdata
from skimage.color import rgb2hed
image = skdata.immunohistochemistry()  # a stained tissue section, (512, 512, 3)
(tr, te), (dab_tr, dab_te) = tiles(image), tiles(rgb2hed(image)[..., 2])
x_train = torch.tensor(tr).permute(0, 3, 1, 2).contiguous()  # (N, 3, 28, 28)
x_test = torch.tensor(te).permute(0, 3, 1, 2).contiguous()
y_train = np.digitize((dab_tr > 0.08).mean((1, 2)), [0.15, 0.6])  # how much of a tile is brown
y_test = np.digitize((dab_te > 0.08).mean((1, 2)), [0.15, 0.6])
""",
}

_TORCHVISION = """from torchvision import datasets
sets = [datasets.{cls}("data", train=split, download=True) for split in (True, False)]
(x_train, x_test), (y_train, y_test) = ({images}, (np.asarray(s.targets) for s in sets))
"""

_MEDMNIST = """import medmnist
sets = [medmnist.{cls}(split=split, download=True, size=28) for split in ("train", "test")]
x_train, x_test = (torch.tensor(s.imgs[:, None] if s.imgs.ndim == 3 else s.imgs.transpose(0, 3, 1, 2)) for s in sets)
y_train, y_test = (np.asarray(s.labels)[:, 0] for s in sets)  # the first label of each image
"""

_FIT = """# The model's images: {channels} channel(s), {height}x{width} pixels (as the app resizes them).
def fit(x):
    \"\"\"uint8 (N, C, H, W) -> float (N, {channels}, {height}, {width}) in [0, 1].\"\"\"
    x = x.float()
{channel_fit}    if tuple(x.shape[2:]) != ({height}, {width}):
        x = F.interpolate(x, size=({height}, {width}), mode="bilinear", antialias=True, align_corners=False).round()
    return x.clamp(0, 255) / 255


if ONLY_CLASS >= 0:  # one class only (anomaly detection: learn what normal looks like)
    x_train, x_test = x_train[y_train == ONLY_CLASS], x_test[y_test == ONLY_CLASS]
pick = torch.randperm(len(x_train), generator=torch.Generator().manual_seed(SEED))[:MAX_TRAIN]
x_train, x_test = fit(x_train[pick]), fit(x_test)
if SMALL:
    x_train, x_test = x_train[:64], x_test[:8]
print(x_train.shape, x_test.shape)  # (N, {channels}, {height}, {width})
"""

_TRAIN = """device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(SEED)
model = model.to(device)
opt = torch.optim.Adam(model.parameters(), lr=LR)


def to_model(x01):
    \"\"\"Images in [0, 1], (B, C, H, W) -> the model's input {model_input}.\"\"\"
    x = x01 * 2 - 1 if SIGNED else x01  # a tanh output: pixels in [-1, 1]
    return x.reshape((len(x),) + {model_input})


def corrupt(x01):
    \"\"\"The noise of a denoising autoencoder (none: the clean images).\"\"\"
    if NOISE == "none" or NOISE_LEVEL <= 0:
        return x01
    if NOISE == "gaussian":
        return x01 + torch.randn_like(x01) * NOISE_LEVEL
    hit = torch.rand_like(x01) < NOISE_LEVEL
    if NOISE == "masking":
        return x01.masked_fill(hit, 0.0)
    return torch.where(hit, (torch.rand_like(x01) < 0.5).float(), x01)  # salt and pepper


def loss_fn(out, target):
    if LOSS == "mse":
        return F.mse_loss(out, target)
    if ENDS_IN_SIGMOID:
        return F.binary_cross_entropy(out.clamp(1e-7, 1 - 1e-7), target)
    return F.binary_cross_entropy_with_logits(out, target)


for epoch in range(EPOCHS):
    model.train()
    order, total = torch.randperm(len(x_train)), 0.0
    for i in range(0, len(x_train), BATCH_SIZE):
        clean = x_train[order[i:i + BATCH_SIZE]].to(device)  # (B, C, H, W) in [0, 1]
        out = model(to_model(corrupt(clean)))
        loss = loss_fn(out, to_model(clean).reshape(out.shape))
        opt.zero_grad()
        loss.backward()
        opt.step()
        total += loss.item() * len(clean)
    print(f"epoch {{epoch + 1}}/{{EPOCHS}}: loss {{total / len(x_train):.4f}}")
"""

_SHOW = """model.eval()
shown = x_test[:8].to(device)
with torch.no_grad():
    out = model(to_model(corrupt(shown)))
    if LOSS == "bce" and not ENDS_IN_SIGMOID:
        out = torch.sigmoid(out)
recon = out.reshape(shown.shape)
recon = ((recon + 1) / 2 if SIGNED else recon).clamp(0, 1).cpu()  # (8, C, H, W) in [0, 1]
print(recon.shape)

import matplotlib.pyplot as plt
fig, axes = plt.subplots(2, len(shown), figsize=(1.5 * len(shown), 3.2), squeeze=False)
for i in range(len(shown)):
    for row, img in enumerate((shown[i].cpu(), recon[i])):
        axes[row, i].imshow(img.permute(1, 2, 0).squeeze(-1).numpy(), cmap="gray", vmin=0, vmax=1)
        axes[row, i].axis("off")
plt.show()
"""


_GREY = """    if x.shape[1] == 3:  # colour -> grey (ITU-R 601 luma)
        x = (x * torch.tensor([0.299, 0.587, 0.114]).view(1, 3, 1, 1)).sum(1, keepdim=True).round()
"""
_COLOUR = """    if x.shape[1] == 1:  # grey -> colour
        x = x.expand(-1, 3, -1, -1)
"""


def data_code(dataset: str) -> str:
    """Plain code that leaves x_train, x_test (uint8, (N, C, H, W)) and y_train, y_test (labels)."""
    info = data.REGISTRY[dataset]
    if dataset in _DATA:
        return _DATA[dataset]
    if info.source == "torchvision":
        cls = {"mnist": "MNIST", "fashion-mnist": "FashionMNIST", "cifar10": "CIFAR10"}[dataset]
        images = "(s.data[:, None] for s in sets)" if cls != "CIFAR10" else \
            "(torch.tensor(s.data).permute(0, 3, 1, 2) for s in sets)"
        return _TORCHVISION.format(cls=cls, images=images)
    return _MEDMNIST.format(cls={flag: name for flag, name, _, _ in data.MEDMNIST_2D}[dataset])


def notebook(config: TrainConfig) -> nbformat.NotebookNode:
    """The notebook of one config (ConfigError if it cannot train, as the app checks)."""
    p = plan(config)
    c = config
    ends_in_sigmoid = final_activation(lower(p.summary))[0] == "sigmoid"
    settings = "\n".join([
        "SMALL = False  # True: 64 training images and 1 epoch, to check that every cell runs",
        f"EPOCHS = 1 if SMALL else {c.epochs}",
        f"BATCH_SIZE = {c.batch_size}",
        f"LR = {c.lr!r}  # Adam",
        f"LOSS = {p.loss!r}  # 'bce' or 'mse'",
        f"NOISE, NOISE_LEVEL = {c.noise!r}, {float(c.noise_level)!r}",
        f"SEED = {c.seed}",
        f"MAX_TRAIN = {c.max_train}",
        f"ONLY_CLASS = {c.only_class}  # -1: every class",
        f"SIGNED = {p.scale == 'signed'}  # pixels in [-1, 1] for a tanh output",
        f"ENDS_IN_SIGMOID = {ends_in_sigmoid}",
        "torch.manual_seed(SEED)",
    ])
    name = t("preset." + c.model) if c.model != "custom" else "custom"
    md = [f"# {t('nb.title', model=name, data=data.display_name(c.dataset))}", "", t("nb.intro")]
    if c.family != "ae" or c.sparsity:
        md += ["", t("nb.family", family=c.family)]
    md += ["", "```json", json.dumps(c.to_dict(), indent=1, sort_keys=True), "```"]
    cells = [
        v4.new_code_cell(SETUP),
        v4.new_markdown_cell("\n".join(md)),
        v4.new_code_cell(_IMPORTS + "\n" + settings),
        v4.new_markdown_cell("## " + t("nb.data", data=data.display_name(c.dataset))),
        v4.new_code_cell(data_code(c.dataset) + "\n" + _FIT.format(
            channels=p.channels, height=p.height, width=p.width, channel_fit=_GREY if p.channels == 1 else _COLOUR)),
        v4.new_markdown_cell("## " + t("nb.model", dialect=p.summary.dialect)),
        v4.new_code_cell(pytorch_code(p.summary)),
        v4.new_markdown_cell("## " + t("nb.train", epochs=c.epochs, batch=c.batch_size, lr=c.lr, loss=p.loss)),
        v4.new_code_cell(_TRAIN.format(model_input=tuple(p.model_input))),
        v4.new_markdown_cell("## " + t("nb.show")),
        v4.new_code_cell(_SHOW),
    ]
    nb = v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    return nb


def notebook_bytes(config: TrainConfig) -> bytes:
    nb = notebook(config)
    nbformat.validate(nb)
    return nbformat.writes(nb).encode("utf-8")
