"""Uploads: checked before decoding, every mode turned into the model's input, names shown escaped."""
import io

import numpy as np
import pytest
from PIL import Image

from aecore.use.upload import MAX_BYTES, UploadError, display_name, invert_if_light, read_image


def encode(img: Image.Image, fmt: str = "PNG", **kw) -> bytes:
    buf = io.BytesIO()
    img.save(buf, format=fmt, **kw)
    return buf.getvalue()


def gradient(mode="L", size=(40, 30)):
    arr = np.tile(np.linspace(0, 255, size[0], dtype=np.uint8), (size[1], 1))
    if mode == "RGB":
        arr = np.stack([arr, arr[::-1], np.full_like(arr, 90)], -1)
    return Image.fromarray(arr, mode)


@pytest.mark.parametrize("make,fmt", [
    (lambda: gradient("RGB"), "JPEG"),
    (lambda: gradient("L"), "PNG"),
    (lambda: gradient("RGB").convert("RGBA"), "PNG"),
    (lambda: gradient("L").convert("LA"), "PNG"),
    (lambda: gradient("RGB").convert("P"), "GIF"),
    (lambda: gradient("RGB").convert("CMYK"), "JPEG"),
    (lambda: gradient("L").convert("1"), "BMP"),
    (lambda: Image.fromarray(np.arange(1200, dtype=np.uint16).reshape(30, 40) * 50), "PNG"),
    (lambda: gradient("RGB"), "WEBP"),
    (lambda: gradient("RGB"), "TIFF"),
])
@pytest.mark.parametrize("channels", [1, 3])
def test_every_mode_becomes_the_model_input(make, fmt, channels):
    x, notes = read_image(encode(make(), fmt), channels=channels, side=28)
    assert x.shape == (1, channels, 28, 28) and x.dtype.is_floating_point is False
    assert int(x.max()) > int(x.min())  # real content survived


def test_transparency_goes_on_white():
    img = Image.new("RGBA", (10, 10), (0, 0, 0, 0))
    x, notes = read_image(encode(img), channels=3, side=8)
    assert int(x.min()) == 255 and any("white" in n for n in notes)


def test_palette_with_transparency():
    img = Image.new("P", (10, 10), 0)
    img.putpalette([0, 0, 0, 255, 0, 0] + [0] * 762)
    img.info["transparency"] = 0
    x, notes = read_image(encode(img, transparency=0), channels=1, side=8)
    assert int(x.min()) == 255


def test_sixteen_bit_is_rescaled():
    img = Image.fromarray(np.array([[0, 1000], [2000, 4000]], dtype=np.uint16))
    assert img.mode.startswith("I;16")
    x, notes = read_image(encode(img), channels=1, side=2)
    assert int(x.max()) == 255 and any("stretched" in n for n in notes)


def test_animation_uses_the_first_frame():
    frames = [Image.new("L", (8, 8), 0), Image.new("L", (8, 8), 255)]
    buf = io.BytesIO()
    frames[0].save(buf, format="GIF", save_all=True, append_images=frames[1:])
    x, notes = read_image(buf.getvalue(), channels=1, side=8)
    assert int(x.max()) == 0 and any("2 frames" in n for n in notes)


def test_exif_rotation_is_applied():
    img = Image.new("L", (20, 10), 0)
    img.paste(255, (0, 0, 10, 10))  # left half white
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to view"
    x, _ = read_image(encode(img, "JPEG", exif=exif, quality=100), channels=1, side=10)
    top, bottom = float(x[0, 0, :5].float().mean()), float(x[0, 0, 5:].float().mean())
    assert top > 200 and bottom < 60  # the white half is on top once rotated


@pytest.mark.parametrize("data,needle", [
    (b"", "empty"),
    (b"x" * (MAX_BYTES + 1), "larger than 5 MB"),
    (b"this is not an image at all", "not an image"),
    (b"%PDF-1.4 not really", "not an image"),
])
def test_refused_before_decoding(data, needle):
    with pytest.raises(UploadError, match=needle):
        read_image(data, 1, 28)


def test_truncated_and_corrupt_files():
    good = encode(gradient("RGB", (200, 200)), "PNG")
    with pytest.raises(UploadError, match="damaged or cut short"):
        read_image(good[: len(good) // 2], 1, 28)
    jpeg = bytearray(encode(gradient("RGB", (200, 200)), "JPEG"))
    jpeg[400:800] = b"\x00" * 400
    try:
        read_image(bytes(jpeg[:1000]), 1, 28)
    except UploadError as e:
        assert "damaged" in str(e)


def test_a_decompression_bomb_is_refused_from_its_header():
    bomb = encode(Image.new("L", (6000, 6000), 0), "PNG")  # 36 megapixels in a few kilobytes
    assert len(bomb) < 200_000
    with pytest.raises(UploadError, match="6000×6000 pixels"):
        read_image(bomb, 1, 28)


def test_formats_outside_the_list_are_refused():
    with pytest.raises(UploadError, match="PCX files are not taken"):
        read_image(encode(gradient("L"), "PCX"), 1, 28)


def test_names_are_shown_escaped_and_never_as_paths():
    assert display_name("../../etc/passwd") == "passwd"
    assert display_name("C:\\Users\\me\\*bold*[link](x).png") == "\\*bold\\*\\[link\\]\\(x\\)\\.png"
    assert display_name("a\x00b\nc.png") == "abc\\.png"
    assert display_name("x" * 200).endswith("…") and display_name(None) == "?"


def test_ink_on_paper_is_inverted_for_digit_models():
    import torch
    notes = []
    x = invert_if_light(torch.full((1, 1, 8, 8), 250, dtype=torch.uint8), notes)
    assert int(x.max()) == 5 and notes
    notes = []
    dark = torch.zeros((1, 1, 8, 8), dtype=torch.uint8)
    assert torch.equal(invert_if_light(dark, notes), dark) and not notes
