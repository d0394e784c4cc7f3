"""The VAE page's code planes (issue 20): with a 2-number code the page mounts one inline component per model
(the VAE and its plain twin), each given its decoded grid and its meter's numbers; in English and in Korean."""
import base64
import io
import json

import numpy as np
import pytest
import torch
from apptest import ok, session, train_missing
from conftest import ROOT
from PIL import Image
from streamlit.testing.v1 import AppTest

from aecore.ui import cached_model
from aecore.use import lessons, plane, search


@pytest.fixture(autouse=True)
def shared_home(trained_home, monkeypatch):
    monkeypatch.setenv("AECORE_HOME", trained_home)


def open_with_a_2_number_code(lang: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages" / "vae.py"), default_timeout=300)
    at.query_params["lang"] = lang
    ok(at.run())
    at.select_slider(key="vae.latent").set_value(2)
    ok(at.run())  # the page needs its two models: trained once per test run
    return train_missing(at, "vae", lambda at: not at.get("bidi_component"), timeout=900)


def planes(at: AppTest) -> list[dict]:
    return [json.loads(e.proto.json) for e in at.get("bidi_component")]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_page_mounts_a_code_plane_per_model(lang):
    at = open_with_a_2_number_code(lang)
    vae_plane, plain_plane = planes(at)
    heading = {"en": "Move over the code plane", "ko": "코드 평면 위로 움직여 보기"}[lang]
    assert heading in [s.value for s in at.subheader]
    for data in (vae_plane, plain_plane):
        n = data["n"]
        assert n == 25 and len(data["gap"]) == len(data["gap_level"]) == n * n and len(data["xs"]) == n
        assert data["sprite"].startswith("data:image/png;base64,") and data["dots"]
        assert data["text"]["gap"]["label"] and len(data["text"]["gap"]["levels"]) == 3
        assert len(data["classes"]) == 10 and {d[2] for d in data["dots"]} <= set(range(10))
    assert vae_plane["text"]["title"] == {"en": "VAE", "ko": "VAE"}[lang]
    assert vae_plane["density"] and vae_plane["ring"] == pytest.approx(2.4477, abs=1e-4)
    assert plain_plane["density"] is None and plain_plane["ring"] is None
    if lang == "ko":
        assert plain_plane["text"]["title"] == "일반 오토인코더"
        assert vae_plane["text"]["density"]["label"].startswith("이곳의 N(0, I) 밀도")


def test_the_planes_numbers_are_what_the_models_compute():
    """Each tile of the sprite is the decoder's image at its grid point; the VAE's density is N(0, I)'s at that
    point; the gap meter is the brute-force distance to the nearest shown training code over the usual gap."""
    at = open_with_a_2_number_code("en")
    dataset = session(at).page("vae").dataset
    plain_cfg, vae_cfg = lessons.vae_pair(dataset, 2, 1.0, "cpu")
    for data, config in zip(planes(at), (vae_cfg, plain_cfg)):
        result = cached_model(config)
        n, (h, w) = data["n"], data["tile"]
        sheet = np.array(Image.open(io.BytesIO(base64.b64decode(data["sprite"].split(",", 1)[1]))))
        for r, c in ((0, 0), (12, 12), (3, 20), (24, 7)):
            z = torch.tensor([[data["xs"][c], data["ys"][r]]], dtype=torch.float32)
            image = search.decode(result.model, result.plan, z)[0, 0].numpy().astype(int)
            tile = sheet[r * h:(r + 1) * h, c * w:(c + 1) * w].astype(int)
            assert np.abs(tile - image).max() <= 2  # the grid's numbers are rounded to 4 decimals for the browser
            if data["density"]:
                assert data["density"][r * n + c] == pytest.approx(
                    np.exp(-(data["xs"][c] ** 2 + data["ys"][r] ** 2) / 2), abs=2e-4)
        dots = np.array([d[:2] for d in data["dots"]])
        if len(dots) < 1500:  # every training code is a dot: the meter can be recomputed from them
            own = np.sqrt(((dots[:, None] - dots[None]) ** 2).sum(-1))
            np.fill_diagonal(own, np.inf)
            gap = np.median(own.min(1))
            points = np.array([[x, y] for y in data["ys"] for x in data["xs"]])
            near = np.sqrt(((points[:, None] - dots[None]) ** 2).sum(-1)).min(1)
            assert np.allclose(data["gap"], near / gap, atol=0.02, rtol=0.01)
        assert data["gap_level"] == plane.gap_levels(data["gap"]).tolist()
