"""Datasets -> uint8 tensors (N, C, H, W), int64 labels and class names, train and test.

    images = load("digits")                  # offline: needs no network
    x = fit_images(images.train_x, side=32, channels=3)

Offline sets are made from images that ship inside installed packages (scikit-learn's digits,
scikit-image's textures, stain image and faces). Real sets load through their own libraries
(torchvision's MNIST, FashionMNIST, CIFAR10; medmnist's 2-D classes) from one cache folder
(``$AECORE_HOME/data``, default ``~/.cache/aecore/data``); a missing file is downloaded first, with
progress, or a ``DatasetUnavailable`` says so and offers the offline sets.
"""
from __future__ import annotations

import errno
import gzip
import os
import shutil
import sys
import tarfile
import threading
from collections import OrderedDict
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from skimage import data as skdata
from skimage.color import rgb2hed
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

from aecore.learn.disk import WRITE_ERRORS, CannotWrite, cannot_write
from aecore.learn.download import DownloadError, Progress, fetch, file_lock, temp_beside
from aecore.text import t

DEFAULT = "digits"
OFFLINE = ("digits", "textures", "ihc", "faces")


def home() -> Path:
    return Path(os.environ.get("AECORE_HOME") or Path.home() / ".cache" / "aecore")


def data_dir() -> Path:
    return home() / "data"


@dataclass(frozen=True)
class DatasetInfo:
    name: str
    source: str  # "offline" | "torchvision" | "medmnist"
    channels: int
    side: int
    download_mb: float = 0.0


@dataclass(frozen=True)
class ImageSet:
    name: str
    train_x: torch.Tensor  # uint8 (N, C, H, W)
    train_y: torch.Tensor  # int64 (N,)
    test_x: torch.Tensor
    test_y: torch.Tensor
    classes: tuple[str, ...]

    @property
    def channels(self) -> int:
        return self.train_x.shape[1]

    @property
    def side(self) -> int:
        return self.train_x.shape[2]


class DatasetUnavailable(RuntimeError):
    """A dataset that cannot be had now; the message names it (as a learner knows it) and offers the
    offline sets. ``dataset`` is its registry name, so a page can offer to switch."""

    def __init__(self, message: str, dataset: str = ""):
        super().__init__(message)
        self.dataset = dataset


def display_name(name: str) -> str:
    """The name a learner knows a dataset by: 'Digits', 'Stained tissue', 'MNIST', 'PathMNIST'."""
    info = REGISTRY.get(name)
    if info is None:
        return name
    if info.source == "medmnist":
        return _MEDMNIST_NAMES[name]
    return t("dataset_name." + name)


def _offline_names() -> str:
    return ", ".join(display_name(n) for n in OFFLINE)


# medmnist's 2-D sets: (flag, its name, channels, download MB), PathMNIST first as in the lessons. Written
# out so that listing them does not import medmnist (with torchvision and pandas: ~300 MB in every process);
# tests/test_data.py checks this list against medmnist.INFO.
MEDMNIST_2D = (("pathmnist", "PathMNIST", 3, 206), ("bloodmnist", "BloodMNIST", 3, 35),
               ("breastmnist", "BreastMNIST", 1, 1), ("chestmnist", "ChestMNIST", 1, 82),
               ("dermamnist", "DermaMNIST", 3, 19), ("octmnist", "OCTMNIST", 1, 54),
               ("organamnist", "OrganAMNIST", 1, 38), ("organcmnist", "OrganCMNIST", 1, 15),
               ("organsmnist", "OrganSMNIST", 1, 16), ("pneumoniamnist", "PneumoniaMNIST", 1, 4),
               ("retinamnist", "RetinaMNIST", 3, 3), ("tissuemnist", "TissueMNIST", 1, 124))
_MEDMNIST_NAMES = {flag: name for flag, name, _, _ in MEDMNIST_2D}


def _medmnist_infos() -> list[DatasetInfo]:
    return [DatasetInfo(flag, "medmnist", channels, 28, mb) for flag, _, channels, mb in MEDMNIST_2D]


REGISTRY: dict[str, DatasetInfo] = {i.name: i for i in [
    DatasetInfo("digits", "offline", 1, 28), DatasetInfo("textures", "offline", 1, 28),
    DatasetInfo("ihc", "offline", 3, 28), DatasetInfo("faces", "offline", 1, 28),
    DatasetInfo("mnist", "torchvision", 1, 28, 12), DatasetInfo("fashion-mnist", "torchvision", 1, 28, 31),
    DatasetInfo("cifar10", "torchvision", 3, 32, 163), *_medmnist_infos(),
]}


# ---- shaping ---------------------------------------------------------------------------------------

def fit_images(x: torch.Tensor, side: int | None = None, channels: int | None = None) -> torch.Tensor:
    """uint8 (N, C, H, W) -> uint8 (N, channels, side, side): antialiased resize, grey <-> colour."""
    if channels is not None and channels != x.shape[1]:
        if channels == 1:  # ITU-R 601 luma
            w = torch.tensor([0.299, 0.587, 0.114]).view(1, 3, 1, 1)
            x = (x.float() * w).sum(1, keepdim=True).round().clamp(0, 255).to(torch.uint8)
        elif x.shape[1] == 1:
            x = x.expand(-1, channels, -1, -1).contiguous()
        else:
            raise ValueError(f"cannot turn {x.shape[1]} channels into {channels}")
    if side is not None and (x.shape[2], x.shape[3]) != (side, side):
        out = []
        for i in range(0, len(x), 4096):  # in slices: bounded memory for 60,000 images
            y = F.interpolate(x[i:i + 4096].float(), size=(side, side), mode="bilinear", antialias=True,
                              align_corners=False)
            out.append(y.round().clamp(0, 255).to(torch.uint8))
        x = torch.cat(out) if out else x
    return x


def pick_diverse(labels, n: int, seed: int = 0) -> np.ndarray:
    """n indices in a seeded random order, one per class first (a row of examples shows variety)."""
    labels = np.asarray(labels)
    order = np.random.default_rng(seed).permutation(len(labels))
    first, seen = [], set()
    for i in order:
        if labels[i] not in seen:
            seen.add(labels[i])
            first.append(i)
    chosen = set(first)
    rest = [i for i in order if i not in chosen]
    return np.array((first + rest)[:n], dtype=np.int64)


def _split(n: int, labels: np.ndarray, test_fraction: float = 0.2):
    idx = np.arange(n)
    return train_test_split(idx, test_size=test_fraction, random_state=0, stratify=labels)


def _as_set(name, x, y, classes, train_idx, test_idx) -> ImageSet:
    x, y = torch.as_tensor(x), torch.as_tensor(y, dtype=torch.int64)
    tr, te = torch.as_tensor(np.sort(train_idx)), torch.as_tensor(np.sort(test_idx))
    return ImageSet(name, x[tr].contiguous(), y[tr], x[te].contiguous(), y[te], tuple(classes))


def _tiles(image: np.ndarray, side: int = 28, stride: int = 14, test_from: int = 410):
    """Square tiles of one big image; tiles starting at row >= test_from are the test set, and no train
    tile reaches into those rows, so overlapping tiles never leak from test into train."""
    h, w = image.shape[:2]
    train, test = [], []
    for y in range(0, h - side + 1, stride):
        for x in range(0, w - side + 1, stride):
            tile = image[y:y + side, x:x + side]
            if y >= test_from:
                test.append(tile)
            elif y + side <= test_from:
                train.append(tile)
    return np.stack(train), np.stack(test)


# ---- offline sets ---------------------------------------------------------------------------------

def _digits() -> ImageSet:
    d = load_digits()
    x = torch.as_tensor(np.round(d.images * (255 / 16))).to(torch.uint8)[:, None]  # (1797, 1, 8, 8), 0..16
    x = fit_images(x, side=28)
    train, test = _split(len(d.target), d.target)
    return _as_set("digits", x, d.target, [str(i) for i in range(10)], train, test)


def _textures() -> ImageSet:
    names = ("grass", "gravel", "brick")
    xs_tr, xs_te, ys_tr, ys_te = [], [], [], []
    for label, name in enumerate(names):
        tr, te = _tiles(getattr(skdata, name)())
        xs_tr.append(tr)
        xs_te.append(te)
        ys_tr += [label] * len(tr)
        ys_te += [label] * len(te)
    return ImageSet("textures", torch.as_tensor(np.concatenate(xs_tr))[:, None],
                    torch.as_tensor(ys_tr, dtype=torch.int64), torch.as_tensor(np.concatenate(xs_te))[:, None],
                    torch.as_tensor(ys_te, dtype=torch.int64), names)


def _ihc() -> ImageSet:
    """Tiles of a stained tissue section, a small offline stand-in for PathMNIST. Labels from how much of
    each tile is brown: colour deconvolution (haematoxylin-eosin-DAB) and the share of pixels whose DAB
    density passes 0.08 (below 15 %: stroma with blue nuclei; above 60 %: DAB-stained tumour)."""
    image = skdata.immunohistochemistry()
    tr, te = _tiles(image)
    dab_tr, dab_te = _tiles(rgb2hed(image)[..., 2])

    def labels(dab):
        return np.digitize((dab > 0.08).mean((1, 2)), [0.15, 0.6])
    to_x = lambda tiles: torch.as_tensor(tiles).permute(0, 3, 1, 2).contiguous()  # noqa: E731
    return ImageSet("ihc", to_x(tr), torch.as_tensor(labels(dab_tr)), to_x(te), torch.as_tensor(labels(dab_te)),
                    ("stroma (blue nuclei)", "mixed", "DAB-rich tumour (brown)"))


def _faces() -> ImageSet:
    faces = skdata.lfw_subset()  # (200, 25, 25) in [0, 1]: 100 faces, then 100 other patches
    x = torch.as_tensor(np.round(faces * 255)).to(torch.uint8)[:, None]
    x = fit_images(x, side=28)
    y = np.array([0] * 100 + [1] * 100)
    train, test = _split(len(y), y)
    return _as_set("faces", x, y, ["face", "not a face"], train, test)


# ---- real datasets through their libraries ----------------------------------------------------------

def _torchvision_files(name: str, root: Path, download: bool, progress: Progress | None) -> None:
    """The dataset's files in ``root`` as torchvision reads them: fetched (when ``download``) if missing."""
    from torchvision import datasets  # deferred: +1.2 s on every import of data; only MNIST/Fashion/CIFAR-10 use it
    if name in ("mnist", "fashion-mnist"):
        cls = datasets.MNIST if name == "mnist" else datasets.FashionMNIST
        raw = root / cls.__name__ / "raw"
        for filename, md5 in cls.resources:
            final = raw / filename[:-3]
            if final.exists():
                continue
            if not download:
                raise FileNotFoundError(final)
            gz = fetch([m + filename for m in cls.mirrors], raw / filename, md5, progress, f"{name}: {filename}",
                       root=root)
            part = temp_beside(final)
            try:
                with gzip.open(gz) as src, open(part, "wb") as dst:
                    shutil.copyfileobj(src, dst)
                os.replace(part, final)
            finally:
                part.unlink(missing_ok=True)
            gz.unlink()
        return
    folder = root / datasets.CIFAR10.base_folder
    if not (folder / "batches.meta").exists():
        if not download:
            raise FileNotFoundError(folder)
        archive = fetch(datasets.CIFAR10.url, root / datasets.CIFAR10.filename, datasets.CIFAR10.tgz_md5, progress,
                        "cifar10", root=root)
        with tarfile.open(archive) as tar:
            tar.extractall(root, filter="data")
        archive.unlink()


def _torchvision(name: str, root: Path) -> ImageSet:
    from torchvision import datasets  # deferred: +1.2 s on every import of data; only MNIST/Fashion/CIFAR-10 use it
    if name in ("mnist", "fashion-mnist"):
        cls = datasets.MNIST if name == "mnist" else datasets.FashionMNIST
        sets = [cls(str(root), train=split, download=False) for split in (True, False)]
        xs = [s.data[:, None].contiguous() for s in sets]
        ys = [s.targets.to(torch.int64) for s in sets]
        classes = tuple(c.split(" - ")[-1] for c in sets[0].classes)
        return ImageSet(name, xs[0], ys[0], xs[1], ys[1], classes)
    folder = root / datasets.CIFAR10.base_folder

    class CIFAR10(datasets.CIFAR10):  # the archive's md5 was checked when it was fetched; files need only exist
        meta = {**datasets.CIFAR10.meta, "md5": None}

        def _check_integrity(self):
            return all((folder / f).exists() for f, _ in self.train_list + self.test_list)

    sets = [CIFAR10(str(root), train=split, download=False) for split in (True, False)]
    xs = [torch.as_tensor(s.data).permute(0, 3, 1, 2).contiguous() for s in sets]
    ys = [torch.as_tensor(s.targets, dtype=torch.int64) for s in sets]
    return ImageSet(name, xs[0], ys[0], xs[1], ys[1], tuple(sets[0].classes))


def _medmnist_files(flag: str, root: Path, download: bool, progress: Progress | None) -> None:
    path = root / f"{flag}.npz"
    if not path.exists():
        if not download:
            raise FileNotFoundError(path)
        import medmnist  # deferred: importing medmnist makes ~/.medmnist; only the MedMNIST sets need it
        info = medmnist.INFO[flag]
        fetch(info["url"], path, info["MD5"], progress, flag, root=root)


def _medmnist(flag: str, root: Path) -> ImageSet:
    import medmnist  # deferred: importing medmnist makes ~/.medmnist; only the MedMNIST sets need it
    info = medmnist.INFO[flag]
    cls = getattr(medmnist, info["python_class"])
    names = [info["label"][k] for k in sorted(info["label"], key=int)]
    multi_label = info["task"].startswith("multi-label")
    out = []
    for split in ("train", "test"):
        ds = cls(split=split, root=str(root), download=False)
        imgs = np.asarray(ds.imgs)
        x = torch.as_tensor(imgs[:, None] if imgs.ndim == 3 else imgs.transpose(0, 3, 1, 2)).contiguous()
        labels = np.asarray(ds.labels)
        if multi_label:  # the first finding, or 'no finding'
            y = np.where(labels.any(1), labels.argmax(1), len(names))
        else:
            y = labels.reshape(len(labels), -1)[:, 0]
        out += [x, torch.as_tensor(y, dtype=torch.int64)]
    classes = names + (["no finding"] if multi_label else [])
    return ImageSet(flag, out[0], out[1], out[2], out[3], tuple(classes))


_OFFLINE = {"digits": _digits, "textures": _textures, "ihc": _ihc, "faces": _faces}
_CACHE: OrderedDict = OrderedDict()  # the last few datasets, kept in memory (bounded: small servers)
_CACHE_SIZE = 3
_LOCK = threading.Lock()


def load(name: str = DEFAULT, root: Path | str | None = None, download: bool = True,
         progress: Progress | None = None) -> ImageSet:
    """The whole dataset at its own size. Raises DatasetUnavailable (never a traceback's worth of detail)."""
    root = _known(name, root)
    key = (name, str(root))
    with _LOCK:
        if key in _CACHE:
            _CACHE.move_to_end(key)
            return _CACHE[key]
    with _said(name, root):
        if REGISTRY[name].source == "offline":
            images = _OFFLINE[name]()
        else:
            _files(name, root, download, progress)
            images = _torchvision(name, root) if REGISTRY[name].source == "torchvision" else _medmnist(name, root)
    with _LOCK:
        _CACHE[key] = images
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return images


def download(name: str, root: Path | str | None = None, progress: Progress | None = None) -> None:
    """Fetch a real dataset's files into the data folder, with progress, without reading them into memory (the
    teacher's warm button: the workers read them when they train). Nothing to do for an offline set or for
    files already there. Raises DatasetUnavailable, as ``load`` does."""
    root = _known(name, root)
    if REGISTRY[name].source != "offline":
        with _said(name, root):
            _files(name, root, True, progress)


def _known(name: str, root) -> Path:
    if name not in REGISTRY:
        raise DatasetUnavailable(t("data.unknown", name=str(name)[:40], names=", ".join(REGISTRY)), str(name)[:40])
    return Path(root) if root is not None else data_dir()


def _files(name: str, root: Path, download: bool, progress: Progress | None) -> None:
    root.mkdir(parents=True, exist_ok=True)
    with file_lock(root / f".{name}.lock"):  # one learner fetches and unpacks; the next one waits
        if REGISTRY[name].source == "torchvision":
            _torchvision_files(name, root, download, progress)
        else:
            _medmnist_files(name, root, download, progress)


@contextmanager
def _said(name: str, root: Path):
    """A dataset's failures as a DatasetUnavailable that names it in a learner's words."""
    try:
        yield
    except FileNotFoundError:
        raise DatasetUnavailable(t("data.missing", name=display_name(name), root=str(root),
                                   offline=_offline_names()), name) from None
    except DownloadError as e:
        raise DatasetUnavailable(t("data.download_failed", name=display_name(name),
                                   reason=t("data.why_" + e.kind, code=e.code or ""), offline=_offline_names()),
                                 name) from None
    except (OSError, ValueError, RuntimeError, KeyError, EOFError, tarfile.TarError) as e:  # a broken file
        if isinstance(e, CannotWrite) or isinstance(e, OSError) and e.errno in WRITE_ERRORS and \
                e.errno != errno.EACCES:  # the disk they are written to (a file we may not read is 'broken')
            raise DatasetUnavailable(str(cannot_write("disk.what_data", root, e)), name) from None
        print(f"aecore: the files of {name} in {root} cannot be read: {type(e).__name__}: {e}", file=sys.stderr)
        raise DatasetUnavailable(t("data.broken", name=display_name(name), root=str(root)), name) from None


# The files each real dataset's loader reads (all of them present: nothing to download).
_MNIST_FILES = tuple(f"{split}-{kind}-ubyte" for split in ("train", "t10k") for kind in ("images-idx3", "labels-idx1"))
_CIFAR_FILES = ("batches.meta", *(f"data_batch_{i}" for i in range(1, 6)), "test_batch")


def files(name: str, root: Path | str | None = None) -> list[Path]:
    """The files a real dataset's loader reads in the data folder ([] for an offline set)."""
    info, root = REGISTRY.get(name), Path(root) if root is not None else data_dir()
    if info is None or info.source == "offline":
        return []
    if info.source == "medmnist":
        return [root / f"{name}.npz"]
    if name == "cifar10":
        return [root / "cifar-10-batches-py" / f for f in _CIFAR_FILES]
    folder = "MNIST" if name == "mnist" else "FashionMNIST"
    return [root / folder / "raw" / f for f in _MNIST_FILES]


def is_local(name: str, root: Path | str | None = None) -> bool:
    """True when the dataset needs no download: offline, or every file its loader reads is in the data folder
    (looked at, not opened)."""
    return name in REGISTRY and all(p.exists() for p in files(name, root))
