"""A learner's drawing (the pad's PNG) -> an image made the way the model's dataset made its images.

    ink = read_png(data_url)                     # float (H, W), 0 = no ink … 1 = full ink
    x, recipe = reduce(ink, "digits", side=28)   # uint8 (1, 1, 28, 28), and which recipe ("digits")

The pad sends a PNG data URL: lossless (a JPEG would smear the strokes), made by the browser itself
(canvas.toDataURL), a few kB for strokes on a clear background, and its alpha says exactly where the ink
is; every step after that is here, in Python, and tested. Checks, in order: the size of the text, its
prefix, the base64, the PNG header and its pixel count (before decoding), then a full decode.

Recipes (each crops to the ink's bounding box first; ink is light on black afterwards, like the sets):
  digits         scikit-learn's load_digits: the box fitted in 32×32 keeping its aspect, centred; on/off
                 pixels (ink ≥ ½) counted in 4×4 blocks -> 8×8 of 0–16; then exactly the app's upscale
                 (aecore.learn.data._digits: round(v·255/16), fit_images to 28×28, bilinear, antialiased)
  mnist          MNIST's: the box fitted in 20×20 keeping its aspect (antialiased, grey kept), placed in
                 28×28 with its centre of mass at the centre (a whole-pixel shift)
  fashion-mnist  Fashion-MNIST's: the box's longer side resized to 28, the shorter centred
"""
from __future__ import annotations

import base64
import binascii
import io
import warnings

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image, UnidentifiedImageError

from aecore.learn.data import fit_images
from aecore.text import t

MAX_CHARS = 300_000        # a data URL longer than this is refused (the pad's own PNGs are a few kB)
MAX_SIDE = 1024            # pixels per side, read from the header before decoding
PREFIX = "data:image/png;base64,"
INK = 0.1                  # a pixel with at least this much ink is inked
FULL = 0.45                # ink over more than this share of the pad: a scribble
EDGE = 0.97                # a bounding box this close to the pad's width and height: a scribble
RECIPES = ("digits", "mnist", "fashion-mnist")


class DrawingError(ValueError):
    """A drawing that cannot be used; its message is a sentence for the learner."""


def read_png(url) -> np.ndarray:
    """float64 (H, W) ink, 0–1, from a PNG data URL: dark or opaque strokes on a clear or white background."""
    if not isinstance(url, str) or not url:
        raise DrawingError(t("draw.blank"))
    if len(url) > MAX_CHARS:
        raise DrawingError(t("draw.too_big", kb=MAX_CHARS // 1000))
    if not url.startswith(PREFIX):
        raise DrawingError(t("draw.not_png"))
    try:
        raw = base64.b64decode(url[len(PREFIX):], validate=True)
    except (binascii.Error, ValueError):
        raise DrawingError(t("draw.not_png")) from None
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            img = Image.open(io.BytesIO(raw))  # the header only
            w, h = img.size
            if img.format != "PNG":
                raise DrawingError(t("draw.not_png"))
            if not (8 <= w <= MAX_SIDE and 8 <= h <= MAX_SIDE):
                raise DrawingError(t("draw.bad_size", w=w, h=h, side=MAX_SIDE))
            img.load()
        except DrawingError:
            raise
        except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError,
                Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise DrawingError(t("draw.not_png")) from None
    # over white, then ink = how dark: clear -> 0, an opaque black stroke -> 1, its soft edge in between
    rgba = img.convert("RGBA")
    white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
    grey = np.asarray(Image.alpha_composite(white, rgba).convert("L"), dtype=np.float64)
    return 1 - grey / 255


def ink_box(ink: np.ndarray) -> tuple[int, int, int, int]:
    """(top, bottom, left, right), bottom and right exclusive, of the inked pixels; a sentence if the pad is
    blank or scribbled over."""
    on = ink >= INK
    if not on.any():
        raise DrawingError(t("draw.blank"))
    if on.mean() > FULL:
        raise DrawingError(t("draw.scribble", pct=round(100 * on.mean())))
    rows, cols = np.nonzero(on.any(1))[0], np.nonzero(on.any(0))[0]
    top, bottom, left, right = int(rows[0]), int(rows[-1]) + 1, int(cols[0]), int(cols[-1]) + 1
    h, w = ink.shape
    if bottom - top >= EDGE * h and right - left >= EDGE * w:
        raise DrawingError(t("draw.fills"))
    return top, bottom, left, right


def _fit(box: np.ndarray, side: int) -> np.ndarray:
    """The cropped ink resized so its longer side is ``side`` (aspect kept; bilinear, antialiased)."""
    h, w = box.shape
    scale = side / max(h, w)
    size = (max(1, round(h * scale)), max(1, round(w * scale)))
    x = torch.from_numpy(box)[None, None]  # (h, w) -> (1, 1, h, w)
    y = F.interpolate(x, size=size, mode="bilinear", antialias=True, align_corners=False)
    return y[0, 0].clamp(0, 1).numpy()


def _centred(img: np.ndarray, side: int) -> np.ndarray:
    """``img`` placed in the middle of a side × side black frame (its box centred)."""
    out = np.zeros((side, side))
    h, w = img.shape
    top, left = (side - h) // 2, (side - w) // 2
    out[top:top + h, left:left + w] = img
    return out


def digits_8x8(ink: np.ndarray) -> np.ndarray:
    """int (8, 8) of 0–16, made as load_digits made its images: the box in 32×32, on pixels counted per 4×4."""
    top, bottom, left, right = ink_box(ink)
    bitmap = _centred(_fit(ink[top:bottom, left:right], 32), 32) >= 0.5  # (32, 32) on / off
    return bitmap.reshape(8, 4, 8, 4).sum((1, 3))                         # (32, 32) -> (8, 4, 8, 4) -> (8, 8)


def mnist_28(ink: np.ndarray, side: int = 28, box: int = 20) -> np.ndarray:
    """float (side, side) 0–1: the box fitted in box × box, its centre of mass moved to the frame's centre."""
    top, bottom, left, right = ink_box(ink)
    small = _fit(ink[top:bottom, left:right], box)
    h, w = small.shape
    mass = small.sum()
    cy = (small.sum(1) * np.arange(h)).sum() / mass   # centre of mass, in pixel indices
    cx = (small.sum(0) * np.arange(w)).sum() / mass
    centre = (side - 1) / 2
    top = int(np.clip(np.round(centre - cy), 0, side - h))  # a whole-pixel shift, the box kept in the frame
    left = int(np.clip(np.round(centre - cx), 0, side - w))
    out = np.zeros((side, side))
    out[top:top + h, left:left + w] = small
    return out


def fashion_28(ink: np.ndarray, side: int = 28) -> np.ndarray:
    """float (side, side) 0–1: the box's longer side resized to ``side``, centred."""
    top, bottom, left, right = ink_box(ink)
    return _centred(_fit(ink[top:bottom, left:right], side), side)


def reduce(ink: np.ndarray, dataset: str, side: int = 28, channels: int = 1) -> tuple[torch.Tensor, str]:
    """uint8 (1, channels, side, side) made from the ink as ``dataset`` made its images, and the recipe's name."""
    if dataset == "digits":
        v = torch.as_tensor(np.round(digits_8x8(ink) * (255 / 16))).to(torch.uint8)[None, None]  # (1, 1, 8, 8)
        return fit_images(v, side=side, channels=channels), "digits"                           # -> (1, C, side, side)
    recipe = "fashion-mnist" if dataset == "fashion-mnist" else "mnist"
    img = fashion_28(ink, side) if recipe == "fashion-mnist" else mnist_28(ink, side, round(side * 20 / 28))
    x = torch.as_tensor(np.round(img * 255)).to(torch.uint8)[None, None]  # (side, side) -> (1, 1, side, side)
    return fit_images(x, channels=channels), recipe


def from_url(url, dataset: str, side: int = 28, channels: int = 1) -> tuple[torch.Tensor, str]:
    """The pad's PNG data URL -> (uint8 (1, channels, side, side), recipe); DrawingError with a sentence."""
    return reduce(read_png(url), dataset, side, channels)
