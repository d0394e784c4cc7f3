"""The drawing pad's preprocessing (aecore.use.drawing) against the datasets themselves, its sentences for a blank,
a scribble and a refused file, the nearest training images of a drawn digit, and the Similar images page with a
drawing, in English and Korean."""
import base64
import io
import time

import numpy as np
import pytest
import streamlit as st
import torch
from apptest import ok, read, session
from conftest import ROOT, train_once
from PIL import Image, ImageDraw
from sklearn.datasets import load_digits
from streamlit.testing.v1 import AppTest

from aecore.learn import data
from aecore.text import t, using
from aecore.use import drawing

PAD = 280


def png_url(img: Image.Image) -> str:
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return drawing.PREFIX + base64.b64encode(buf.getvalue()).decode()


def ink_png(ink: np.ndarray) -> str:
    """A pad's PNG as the browser makes it: black strokes, alpha = ink, on a clear background."""
    rgba = np.zeros(ink.shape + (4,), np.uint8)
    rgba[..., 3] = np.round(np.clip(ink, 0, 1) * 255)
    return png_url(Image.fromarray(rgba, "RGBA"))


def three(width: int = 22, mode: str = "RGBA") -> Image.Image:
    """A '3' drawn with a thick round brush, as a learner would on the pad."""
    img = Image.new(mode, (PAD, PAD), (0, 0, 0, 0) if mode == "RGBA" else "white")
    d = ImageDraw.Draw(img)
    ink = (0, 0, 0, 255) if mode == "RGBA" else "black"
    d.arc((80, 40, 190, 140), 200, 90, fill=ink, width=width)
    d.arc((75, 130, 195, 240), 270, 160, fill=ink, width=width)
    return img


# ---- load_digits: 32×32 bitmaps, on pixels counted in 4×4 blocks -----------------------------------------

BLOCK_ORDER = np.random.default_rng(0).permutation(16).reshape(4, 4)  # which pixels of a block are on first


def bitmap_of(img8: np.ndarray) -> np.ndarray:
    """A 32×32 on/off bitmap whose 4×4 block counts are the 8×8 image: the dataset's step, run backwards."""
    return np.block([[BLOCK_ORDER < img8[i, j] for j in range(8)] for i in range(8)]).astype(float)


def as_drawn(img8: np.ndarray, scale: int = 8, margin: int = 12) -> np.ndarray:
    """The digit's bitmap enlarged onto a pad-sized canvas (ink 0/1), with a margin, as if drawn there."""
    big = np.kron(bitmap_of(img8), np.ones((scale, scale)))
    canvas = np.zeros((32 * scale + 2 * margin,) * 2)
    canvas[margin:margin + 32 * scale, margin:margin + 32 * scale] = big
    return canvas


def test_a_digit_drawn_again_comes_back_as_the_dataset_has_it():
    """Each of 300 load_digits images, drawn back onto a big canvas through a bitmap that makes it, reduces to the
    same 8×8 numbers when the digit filled its frame as the dataset's do, and to nearly the app's own 28×28."""
    d = load_digits()
    app28 = data.fit_images(torch.as_tensor(np.round(d.images * (255 / 16))).to(torch.uint8)[:, None], side=28)
    same, errors = 0, []
    for i in range(300):
        img8 = d.images[i].astype(int)
        ink = as_drawn(img8)
        assert np.array_equal(bitmap_of(img8).reshape(8, 4, 8, 4).sum((1, 3)), img8)  # the oracle is the dataset's
        same += np.array_equal(drawing.digits_8x8(ink), img8)
        x, recipe = drawing.reduce(ink, "digits")
        assert recipe == "digits" and x.shape == (1, 1, 28, 28) and x.dtype == torch.uint8
        errors.append(float((x[0, 0].float() - app28[i, 0].float()).abs().mean()))
    assert same >= 0.65 * 300  # the rest: digits not centred in their frame, which the recipe centres
    assert np.mean(errors) < 10 and np.median(errors) == 0  # of 255


def test_the_digits_recipe_fits_the_box_in_32_and_counts_blocks():
    """A solid bar 3 times taller than wide: its box fits 32 high and round(32 / 3) = 11 wide, centred at columns
    10–20 of 32 (left (32 − 11) // 2 = 10), so the block columns count 2·4 = 8, 16, 16 and 1·4 = 4 on pixels."""
    ink = np.zeros((PAD, PAD))
    ink[40:220, 110:170] = 1
    got = drawing.digits_8x8(ink)
    assert (got == np.array([0, 0, 8, 16, 16, 4, 0, 0])).all()


# ---- MNIST: the box in 20×20, the centre of mass at the centre of 28×28 ------------------------------------

@pytest.mark.parametrize("mode", ["RGBA", "RGB"])
def test_the_mnist_recipe_puts_a_20_pixel_digit_at_the_centre_of_mass(mode):
    """Ink on a clear pad or black on white: the same image, its longer side 20 pixels, its centre of mass within
    half a pixel of the frame's centre."""
    x, recipe = drawing.from_url(png_url(three(mode=mode)), "mnist")
    assert recipe == "mnist" and x.shape == (1, 1, 28, 28)
    img = x[0, 0].double().numpy()
    rows, cols = np.nonzero(img.any(1))[0], np.nonzero(img.any(0))[0]
    assert max(rows[-1] - rows[0] + 1, cols[-1] - cols[0] + 1) == 20
    cy = (img.sum(1) * np.arange(28)).sum() / img.sum()
    cx = (img.sum(0) * np.arange(28)).sum() / img.sum()
    assert abs(cy - 13.5) <= 0.5 and abs(cx - 13.5) <= 0.5
    if mode == "RGB":
        assert torch.equal(x, drawing.from_url(png_url(three()), "mnist")[0])


def test_the_fashion_recipe_fills_28_and_centres_the_box():
    x, recipe = drawing.from_url(png_url(three()), "fashion-mnist")
    img = x[0, 0].numpy()
    rows, cols = np.nonzero(img.any(1))[0], np.nonzero(img.any(0))[0]
    assert recipe == "fashion-mnist" and rows[0] == 0 and rows[-1] == 27  # the taller side fills the frame
    assert abs((cols[0] + cols[-1]) / 2 - 13.5) <= 0.5


def test_a_colour_model_gets_the_drawing_in_three_channels():
    x, _ = drawing.from_url(png_url(three()), "mnist", side=28, channels=3)
    assert x.shape == (1, 3, 28, 28) and torch.equal(x[:, 0], x[:, 2])


# ---- what is refused, in words --------------------------------------------------------------------------------

def refused(url) -> str:
    with pytest.raises(drawing.DrawingError) as e:
        drawing.from_url(url, "digits")
    return str(e.value)


def test_a_blank_pad_asks_for_a_drawing():
    assert refused(ink_png(np.zeros((PAD, PAD)))) == t("draw.blank")
    assert refused(None) == t("draw.blank")
    assert "Draw something first" in t("draw.blank")


def test_a_scribble_is_named():
    ink = np.zeros((PAD, PAD))
    ink[:, :200] = 1
    assert refused(ink_png(ink)) == t("draw.scribble", pct=71)
    frame = np.zeros((PAD, PAD))  # a box around the whole pad: little ink, but it reaches every edge
    frame[:6], frame[-6:], frame[:, :6], frame[:, -6:] = 1, 1, 1, 1
    assert refused(ink_png(frame)) == t("draw.fills")


def test_what_is_not_a_pad_drawing_is_refused_in_words():
    assert refused(drawing.PREFIX + "A" * drawing.MAX_CHARS) == t("draw.too_big", kb=300)
    assert "over 300 kB" in t("draw.too_big", kb=300)
    assert refused("data:image/png;base64,not base64!") == t("draw.not_png")
    buf = io.BytesIO()
    three(mode="RGB").save(buf, format="JPEG")
    assert refused(drawing.PREFIX + base64.b64encode(buf.getvalue()).decode()) == t("draw.not_png")
    assert refused(png_url(Image.new("L", (2000, 10)))) == t("draw.bad_size", w=2000, h=10, side=1024)
    assert refused(png_url(three())[:-400]) == t("draw.not_png")  # a truncated file
    assert refused("javascript:alert(1)") == t("draw.not_png")


# ---- a drawn digit's neighbours ---------------------------------------------------------------------------------

def test_the_nearest_training_images_of_a_drawn_digit_include_its_class(trained_home):
    """Test digits drawn back onto the pad and reduced by the recipe: most of their 6 nearest training codes (exact
    search) are of the digit's own class, with the Similar page's own model."""
    from aecore.app import defaults
    from aecore.use import search
    result = train_once(defaults.config("s1-uva-conv", "digits", "cpu"), trained_home)
    ds = data.load("digits")
    train_codes = search.embed(result.model, result.plan, ds.train_x)
    index = search.KeyIndex(train_codes)
    d = load_digits()
    hits = []
    for i in range(0, 1797, 60):
        x, _ = drawing.reduce(as_drawn(d.images[i].astype(int)), "digits")
        rows, _ = index.nearest(search.embed(result.model, result.plan, x)[0], 6)
        hits.append(int((ds.train_y[rows] == int(d.target[i])).any()))
    assert np.mean(hits) >= 0.9, hits


# ---- the Similar images page with a drawing ------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_similar_page_shows_a_drawing_its_reconstruction_and_neighbours(trained_home, monkeypatch, lang):
    monkeypatch.setenv("AECORE_HOME", trained_home)
    from aecore.app import defaults
    train_once(defaults.config("s1-uva-conv", "digits", "cpu"), trained_home)
    st.cache_data.clear()
    at = AppTest.from_file(str(ROOT / "pages" / "similar.py"), default_timeout=120)
    at.query_params["lang"] = lang
    ok(at.run())
    deadline = time.time() + 300
    while at.get("image") == [] and any(b.key == "similar.go" for b in at.button) and time.time() < deadline:
        ok(at.button(key="similar.go").click().run())  # found in the store: nothing is trained here
    at.radio(key="similar.source").set_value("draw").run()
    with using(lang):
        assert t("draw.first") in [i.value for i in ok(at).info]  # nothing drawn yet
        session(at).page("similar").values["drawing"] = png_url(three())
        ok(at.run())
        captions = " ".join(c.value for c in at.caption)
        assert t("draw.recipe_digits") in captions
        images = [str(im.proto) for im in at.get("image")]
        assert len(images) == 5  # the drawing, its reconstruction; the page's query, nearest and farthest rows
        assert t("draw.yours") in images[0] and t("latent.reconstruction") in images[1]
        assert len(at.get("plotly_chart")) == 1  # the error map
        text = " ".join(m.value for m in at.markdown)
        assert t("similar.nearest", k=7) in text and t("draw.title") in text
        session(at).page("similar").values["drawing"] = ink_png(np.zeros((PAD, PAD)))
        assert t("draw.blank") in [read(w) for w in ok(at.run()).warning]


# ---- the Latent space page and lesson 3: the drawing is a point among the codes ------------------------------------

def traces(at) -> list[str]:
    """The names of the traces of every plotly chart on the page."""
    import json
    return [tr.get("name", "") for c in at.get("plotly_chart") for tr in json.loads(c.proto.spec)["data"]]


def test_the_latent_page_puts_a_drawing_among_the_codes(trained_home, monkeypatch):
    """The 3-number code of lesson 3's model: the drawing is a point in the 2-D PCA view and in the 3-D view of
    the codes themselves, beside its reconstruction and its 6 nearest training images."""
    monkeypatch.setenv("AECORE_HOME", trained_home)
    from aecore.app import defaults
    train_once(defaults.config("s2-mlp3", "digits", "cpu"), trained_home)
    st.cache_data.clear()
    at = ok(AppTest.from_file(str(ROOT / "pages" / "latent.py"), default_timeout=120).run())
    assert t("draw.first") in [i.value for i in at.info] and "your drawing" not in traces(at)
    session(at).page("latent").values["drawing"] = png_url(three())
    ok(at.run())
    assert "your drawing" in traces(at)  # placed by the plot's own PCA
    text = " ".join(m.value for m in at.markdown)
    assert t("draw.neighbours", k=6) in text and t("draw.recipe_digits") in " ".join(c.value for c in at.caption)
    at.radio(key="latent.dims").set_value(3).run()
    assert "your drawing" in traces(ok(at))  # the code itself, in 3-D
    at.radio(key="latent.method").set_value("tsne").run()
    assert "your drawing" not in traces(ok(at)) and t("draw.neighbours", k=6) in " ".join(m.value for m in at.markdown)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_lesson_three_shows_the_drawing_in_its_code_space(trained_home, monkeypatch, lang):
    """Lesson 3, step 3, once answered: the pad under the 3-D plot, and a drawing there is a point in it."""
    monkeypatch.setenv("AECORE_HOME", trained_home)
    from aecore.app.guided import DATASETS, configs
    train_once(configs("code3d", DATASETS["code3d"], "cpu")[0], trained_home)
    st.cache_data.clear()
    at = AppTest.from_file(str(ROOT / "pages" / "lesson_code3d.py"), default_timeout=120)
    at.query_params["lang"], at.query_params["step"] = lang, "3"
    ok(at.run())
    at.radio(key="course.code3d.space.picked").set_value("yes")
    button = next(b for b in at.button if b.key and b.key.startswith("FormSubmitter:course.code3d.space.form"))
    ok(button.click().run())
    with using(lang):
        assert t("draw.first") in [i.value for i in at.info] and t("draw.yours") not in traces(at)
        session(at).page("draw.code3d").values["drawing"] = png_url(three())
        ok(at.run())
        assert t("draw.yours") in traces(at)
        assert t("draw.neighbours", k=6) in " ".join(m.value for m in at.markdown)
