"""AppTest: the 'Lessons' models' pages, from 'needs a model' to what each one proves on screen."""
import time

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from apptest import ok, read, session, train_missing
from conftest import ROOT


@pytest.fixture(scope="module")
def home(trained_home):
    """The run's one model store (conftest.trained_home): each model is trained once per run."""
    return trained_home


@pytest.fixture(autouse=True)
def shared_home(home, monkeypatch):
    monkeypatch.setenv("AECORE_HOME", home)


def open_ready(name: str, lang: str = "en") -> AppTest:
    """Open the page; if it needs models, press its button and wait until every model is trained."""
    st.cache_data.clear()
    at = AppTest.from_file(str(ROOT / "pages" / f"{name}.py"), default_timeout=180)
    at.query_params["lang"] = lang
    ok(at.run())
    return train_missing(at, name, lambda at: any(m.value.startswith("####") and (
        "needs a trained model" in m.value or "학습된 모델이 필요" in m.value) for m in at.markdown), 900, 600)


def text(at) -> str:
    return " ".join(read(m) for m in at.markdown) + " ".join(c.value for c in at.caption)


def metrics(at) -> dict:
    return {m.label: m.value for m in at.metric}


def test_linear_autoencoder_meets_pca():
    at = open_ready("pca")
    m = metrics(at)
    pca, linear = float(m["PCA error (k = 16)"]), float(m["Linear autoencoder error"])
    assert linear / pca <= 1.02 and float(m["Largest principal angle"].rstrip("°")) <= 5  # the targets
    assert "the same subspace, found by gradient descent" in text(at)
    assert float(m["Error with a hidden ELU layer"]) < pca and "the error falls to" in text(at)
    assert len(at.get("plotly_chart")) == 2 and len(at.get("image")) == 2  # angles, curve; components, columns
    assert "0 of 12 models ready" in text(at) or "of 12 models ready" in text(at)
    start = time.perf_counter()
    ok(at.run())
    print(f"pca rerun {1000 * (time.perf_counter() - start):.0f} ms")  # a measure, reported in the note


def test_stacked_tied_and_layer_wise():
    at = open_ready("stacked")
    m = metrics(at)
    assert m["Parameters, plain"] == "561,934" and m["Parameters, tied"] == "281,734"
    assert "3 decoder layers own no weight matrix" not in text(at)  # 2 pairs: 2 tied layers
    assert "2 decoder layers own no weight matrix" in text(at) and "the very same tensor in memory" in text(at)
    assert "After the same number of steps, the test error is" in text(at)
    assert len(at.get("plotly_chart")) == 1 + 3 + 1  # tied curves, three phases, the race


def test_sparse_code():
    at = open_ready("sparse")
    m = metrics(at)
    assert abs(float(m["Mean activation"]) - 0.05) < 0.02  # the KL penalty holds the units near rho = 0.05
    assert int(m["Near-zero activations"].rstrip("%")) > 40
    assert len(at.get("image")) == 2 and len(at.get("plotly_chart")) == 1


def test_anomaly_lab():
    at = open_ready("anomaly")
    m = metrics(at)
    assert float(m["AUC · normal: 0"]) > 0.9  # the AUC says which class is normal
    # the AUC for every class as the normal one: offered, one model per class, queued like any training
    assert any("models ready for every class as the normal one" in c.value for c in at.caption)
    counts = [int(m[k]) for k in ("Anomalies caught", "Anomalies missed", "False alarms", "Normal, passed")]
    assert sum(counts) == 360  # every test image counted once
    at.slider(key=[w.key for w in at.slider if w.key.startswith("anomaly.threshold")][0]).set_value(0.0).run()
    m = metrics(ok(at))
    # at the lowest threshold (the smallest error) every image but the one with that very error is flagged
    assert int(m["Normal, passed"]) + int(m["Anomalies missed"]) == 1
    assert len(at.get("plotly_chart")) == 2  # the histogram and the ROC (the per-class bars need the others)


def test_vae_page_in_korean():
    """The default code of 8 numbers: both models' random images measured against the training images, and the
    sentence read from those numbers (the VAE's are closer there: tests/test_lesson_claims.py), in Korean."""
    at = open_ready("vae", lang="ko")
    assert at.title[0].value.startswith("🎲 VAE")
    m = metrics(at)
    near_vae, near_plain = (float(m[k]) for k in ("VAE · 가장 가까운 학습 이미지까지의 거리",
                                                   "일반 · 가장 가까운 학습 이미지까지의 거리"))
    assert near_vae < near_plain
    assert "배 더 실제 이미지에 가깝게" in text(at) and f"{near_vae:.4f}" in text(at)
    assert "분산은" in text(at) and "인코더의 σ는 평균" in text(at)  # the codes' figures beside the claim
    assert not at.get("plotly_chart")  # the maps are drawn for a 2-number code only


def test_sizes_and_compare():
    at = open_ready("sizes")
    at.button(key="sizes.sweep.go").click().run()
    deadline = time.time() + 600
    while any("models ready for the sweep" in c.value for c in at.caption) and time.time() < deadline:
        job = session(at).use["sizes"].jobs.get("sweep")
        if job is not None:
            job.join(300)
        ok(at.run())
    assert any("Test error against the code size" in str(c.proto) for c in at.get("plotly_chart"))
    assert at.selectbox(key="sizes.a") and at.selectbox(key="sizes.b")
    assert at.dataframe or any("same settings" in c.value for c in at.caption)


def test_a_dataset_that_cannot_be_had_offers_the_offline_sets(tmp_path, monkeypatch):
    monkeypatch.setenv("AECORE_HOME", str(tmp_path))  # an empty store of its own: the model is surely missing
    at = AppTest.from_file(str(ROOT / "pages" / "anomaly.py"), default_timeout=120)
    at.query_params["data"] = "pathmnist"
    ok(at.run())
    assert read(at.error[0]).startswith("PathMNIST could not be downloaded")
    at.button(key="offline.ihc").click().run()
    ok(at)
    assert session(at).use["anomaly"].dataset == "ihc" and "needs a trained model" in " ".join(m.value for m in at.markdown)
