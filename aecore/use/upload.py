"""A learner's own image -> the model's input, checked before anything is decoded.

    x, notes = read_image(data, channels=1, side=28)   # uint8 (1, C, side, side)

Checks, in order: the byte size; the format, from the file's own header (never the name or the
browser's claim); the pixel count, from the header, before decoding (decompression bombs); then a
full decode, so a truncated or corrupt file is refused. Every mode is handled: EXIF rotation, the
first frame of an animation, transparency over white, palette, CMYK, 16-bit and 1-bit images. The
file name is never used as a path; ``display_name`` makes it safe to show.
"""
from __future__ import annotations

import io
import re
import warnings

import numpy as np
import torch
from PIL import Image, ImageOps, UnidentifiedImageError

from aecore.text import t

MAX_BYTES = 5 * 2**20          # 5 MB: one picture
MAX_PIXELS = 25_000_000        # 25 megapixels: any real photo; not a bomb
FORMATS = ("PNG", "JPEG", "GIF", "BMP", "WEBP", "TIFF")


class UploadError(ValueError):
    pass


def display_name(name: str | None, limit: int = 60) -> str:
    """The file name as text to show: no folders, no control or markdown characters, shortened."""
    name = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if ch.isprintable())
    name = re.sub(r"([\\`*_{}\[\]()#+\-.!|<>~$])", r"\\\1", name)
    return (name[:limit] + "…") if len(name) > limit else name or "?"


def _to_rgb_or_l(img: Image.Image, notes: list) -> Image.Image:
    if getattr(img, "n_frames", 1) > 1:
        img.seek(0)
        notes.append(t("upload.first_frame", n=img.n_frames))
    img = ImageOps.exif_transpose(img)  # phone photos stand the right way up
    mode = img.mode
    if mode == "P":
        img = img.convert("RGBA" if "transparency" in img.info else "RGB")
    elif mode in ("I;16", "I;16B", "I;16L", "I;16N", "I", "F"):
        arr = np.asarray(img, dtype=np.float64)
        low, high = float(arr.min()), float(arr.max())
        arr = (arr - low) / (high - low) * 255 if high > low else np.zeros_like(arr)
        img = Image.fromarray(arr.round().astype(np.uint8), "L")
        notes.append(t("upload.rescaled", mode=mode))
    elif mode == "1":
        img = img.convert("L")
    elif mode == "CMYK":
        img = img.convert("RGB")
    if img.mode in ("RGBA", "LA", "PA"):
        background = Image.new("RGBA", img.size, (255, 255, 255, 255))
        img = Image.alpha_composite(background, img.convert("RGBA")).convert("RGB")
        notes.append(t("upload.transparent"))
    if img.mode not in ("RGB", "L"):
        img = img.convert("RGB")
    return img


def read_image(data: bytes, channels: int, side: int) -> tuple[torch.Tensor, list[str]]:
    """uint8 (1, channels, side, side) from an uploaded file, centre-cropped to a square, and notes."""
    if not isinstance(data, (bytes, bytearray)) or not data:
        raise UploadError(t("upload.empty"))
    if len(data) > MAX_BYTES:
        raise UploadError(t("upload.too_big", mb=MAX_BYTES // 2**20))
    notes: list[str] = []
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            img = Image.open(io.BytesIO(data))  # reads the header only
            if img.format not in FORMATS:
                raise UploadError(t("upload.format", fmt=img.format or "?", ok=", ".join(FORMATS)))
            w, h = img.size
            if w * h > MAX_PIXELS or w < 1 or h < 1:
                raise UploadError(t("upload.pixels", w=w, h=h, mp=MAX_PIXELS // 1_000_000))
            img.load()  # the full decode: truncated or corrupt files fail here
            img = _to_rgb_or_l(img, notes)
        except UploadError:
            raise
        except UnidentifiedImageError:
            raise UploadError(t("upload.not_image", ok=", ".join(FORMATS))) from None
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise UploadError(t("upload.pixels", w="?", h="?", mp=MAX_PIXELS // 1_000_000)) from None
        except (OSError, ValueError, SyntaxError, EOFError, MemoryError) as e:
            raise UploadError(t("upload.broken", reason=type(e).__name__)) from None
    img = ImageOps.fit(img, (side, side), method=Image.Resampling.LANCZOS)  # centre crop to a square, then resize
    img = img.convert("L" if channels == 1 else "RGB")
    arr = np.asarray(img, dtype=np.uint8)
    x = torch.from_numpy(arr.copy())
    x = x[None, None] if x.ndim == 2 else x.permute(2, 0, 1)[None]
    return x.contiguous(), notes


def invert_if_light(x: torch.Tensor, notes: list) -> torch.Tensor:
    """Digits and MNIST-like sets are light strokes on black; a photo of ink on paper is the reverse.
    Invert when the border is mostly light, and say so."""
    border = torch.cat([x[..., 0, :].flatten(), x[..., -1, :].flatten(), x[..., :, 0].flatten(),
                        x[..., :, -1].flatten()]).float()
    if float(border.mean()) > 127:
        notes.append(t("upload.inverted"))
        return 255 - x
    return x
