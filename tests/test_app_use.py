"""AppTest: the Denoise, Latent-space and Similar-images pages, from 'needs a model' to using it."""
import time

import pytest
import streamlit as st
from apptest import ok, session, train_missing
from conftest import ROOT
from streamlit.testing.v1 import AppTest


@pytest.fixture(scope="module")
def home(trained_home):
    """The run's one model store (conftest.trained_home): each model is trained once per run."""
    return trained_home


@pytest.fixture(autouse=True)
def shared_home(home, monkeypatch):
    monkeypatch.setenv("AECORE_HOME", home)


def open_ready(name: str) -> AppTest:
    """Open the page; if it needs models, press its button and wait until every model is trained."""
    at = ok(AppTest.from_file(str(ROOT / "pages" / f"{name}.py"), default_timeout=120).run())
    return train_missing(at, name, lambda at: any(m.value.startswith("#### This page needs") for m in at.markdown))


def test_denoise_page(monkeypatch):
    st.cache_data.clear()
    at = open_ready("denoise")
    assert [s.value for s in at.subheader][:2] == ["Side by side", "As the noise grows"]
    assert len(at.get("image")) == 4  # clean, noisy, plain, denoising rows
    metrics = {m.label: m.value for m in at.metric}
    noisy = float(metrics["Noisy input · mean PSNR"].split(" dB")[0])
    dae = float(metrics["Denoising autoencoder"].split(" dB")[0])
    assert dae > noisy  # the denoising autoencoder cleans
    assert len(at.get("plotly_chart")) == 1
    from aecore.learn.pool import RunManager

    def no_training(*a, **k):
        raise AssertionError("a model in the cache was trained again")
    monkeypatch.setattr(RunManager, "submit", no_training)  # another test kind: the same models, from the cache
    at.selectbox(key="denoise.test_kind").select("masking").run()
    ok(at.run())
    assert not any(m.value.startswith("#### This page needs") for m in at.markdown) and len(at.get("image")) == 4


def test_stop_on_a_page_that_trains_what_it_needs_stops_it(tmp_path, monkeypatch):
    """Stop on a page's own training stops it, says so, and nothing starts again until the learner asks (the
    page used to start the same training afresh at once: found by walking the Denoise page)."""
    monkeypatch.setenv("AECORE_HOME", str(tmp_path))  # an empty store: the page's models are missing
    st.cache_data.clear()
    st.cache_resource.clear()  # and none kept in memory by the tests before this one
    at = ok(AppTest.from_file(str(ROOT / "pages" / "denoise.py"), default_timeout=120).run())
    if session(at).use["denoise"].job is None:  # not started on its own: the learner presses the button
        ok(at.button(key="denoise.go").click().run())
    job = session(at).use["denoise"].job
    deadline = time.time() + 120
    while not (job.snapshot().phase == "training" and job.snapshot().step >= 2) and time.time() < deadline:
        time.sleep(0.05)
    stop = next(b for b in at.button if b.key and b.key.startswith("denoise.stop."))
    ok(stop.click().run())
    assert job.join(60) and job.phase == "stopped"
    ok(at.run())
    assert session(at).use["denoise"].job is job and not job.running  # no new training of the same model
    assert any(w.value.startswith("Stopped: this model was not finished") for w in at.warning)
    assert at.button(key="denoise.go")  # the learner may train it again


def test_latent_page():
    at = open_ready("latent")
    assert "the code of each has 3 numbers" in " ".join(c.value for c in at.caption)  # seed 002's 3-D code
    assert len(at.get("plotly_chart")) == 2  # the scatter and the error map
    at.number_input(key="latent.index").set_value(5).run()
    assert "original ·" in str(ok(at).get("image")[0].proto)
    at.slider(key="latent.steps").set_value(5).run()
    assert len(ok(at).get("image")) == 5  # original, reconstruction, its nearest training images, the walk, its nearest


def test_latent_page_projects_a_large_code():
    at = AppTest.from_file(str(ROOT / "pages" / "latent.py"), default_timeout=120)
    at.run()
    at.selectbox(key="latent.model").select("s0-keras-conv").run()
    at = ok(at)
    while any(m.value.startswith("#### This page needs") for m in at.markdown):
        job = session(at).use["latent"].job
        if job is not None and job.running:
            job.join(300)
        else:
            at.button(key="latent.go").click()
        ok(at.run())
    assert any("principal directions keep" in c.value for c in at.caption)
    at.radio(key="latent.dims").set_value(3).run()
    ok(at)


def test_similar_page():
    at = open_ready("similar")
    text = " ".join(m.value for m in at.markdown)
    assert "The 7 nearest codes" in text and "The 7 farthest codes" in text
    assert any("share the query's label" in c.value for c in at.caption)
    at.radio(key="similar.metric").set_value("cosine").run()
    at.radio(key="similar.split").set_value("train").run()
    at.slider(key="similar.k").set_value(3).run()
    assert "The 3 nearest codes" in " ".join(m.value for m in ok(at).markdown)
    at.radio(key="similar.source").set_value("upload").run()
    assert "Upload an image" in ok(at).info[0].value
