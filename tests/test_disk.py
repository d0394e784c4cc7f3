"""Every write the app makes, on a real disk that is full or read-only (a 1 MB tmpfs: conftest.small_disk), fails
with a sentence that says what could not be written, where and why, and changes nothing; and a model file cut
short is never read back as a model (issue 18, item 3)."""
import hashlib
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from apptest import ok, read, session
from conftest import ROOT
from aecore.learn import data, store
from aecore.learn.config import TrainConfig
from aecore.learn.disk import CannotWrite
from aecore.learn.modelfile import pack
from aecore.learn.pool import RunManager
from aecore.learn.train import run
from aecore.use import learners

QUICK = TrainConfig(epochs=1, batch_size=64, lr=3e-3, max_train=256)
HOW = [("fill", "the disk is full"), ("read_only", "the disk is read-only")]


@pytest.fixture(scope="module")
def trained():
    return run(QUICK, device="cpu")


@pytest.mark.parametrize("how, why", HOW)
def test_the_store_says_it_cannot_keep_a_model_and_leaves_no_part(small_disk, monkeypatch, trained, how, why):
    folder = small_disk.path / "models"
    folder.mkdir()
    getattr(small_disk, how)()
    monkeypatch.setenv("AECORE_STORE", str(folder))
    with pytest.raises(CannotWrite) as caught:
        store.save(trained)
    assert str(caught.value).startswith(f"Could not write the trained model in {folder}: {why}. Nothing was changed")
    assert list(folder.iterdir()) == [] and store.keys() == set()  # no half-written file, nothing listed


def test_a_model_file_cut_short_is_neither_listed_nor_loaded(trained):
    path = Path(store.save(trained))
    assert store.keys() == {QUICK.key()}
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) // 2])  # a copy that ran out of space, a crash in another tool
    assert store.keys() == set()  # the class view's 'is it there' does not count it
    with pytest.warns(UserWarning, match="ignoring the saved model"):
        assert store.load(QUICK) is None  # and the model is trained again, never read half
    path.write_bytes(whole)
    assert store.keys() == {QUICK.key()} and store.load(QUICK) is not None


def test_a_worker_that_cannot_keep_its_model_ends_the_run_with_the_sentence(small_disk, monkeypatch):
    monkeypatch.setenv("AECORE_STORE", str(small_disk.fill().path))  # the runs' folders are elsewhere, writable
    m = RunManager(workers=1, threads=1)  # a worker process, which inherits the store's place
    try:
        h = m.submit(QUICK)
        assert h.join(120)
    finally:
        m.shutdown()
    assert h.phase == "error" and h.error.startswith(f"Could not write the trained model in {small_disk.path}: "
                                                     "the disk is full.")


@pytest.mark.parametrize("how, why", HOW)
def test_pressing_train_on_a_full_or_read_only_disk_says_so(small_disk, monkeypatch, how, why):
    at = ok(AppTest.from_file(str(ROOT / "pages" / "train.py"), default_timeout=90).run())
    getattr(small_disk, how)()
    monkeypatch.setenv("AECORE_HOME", str(small_disk.path))
    at.slider(key="train.epochs").set_value(2)
    ok(at.button(key="FormSubmitter:train.form-Train").click().run())
    message = read(at.error[0])
    assert message.startswith(f"Could not write this training's folder in {small_disk.path}") and why in message
    assert session(at).train.job is None


def test_a_good_model_file_the_store_cannot_take_is_refused_in_words(small_disk, monkeypatch, trained):
    monkeypatch.setenv("AECORE_STORE", str(small_disk.read_only().path))
    at = ok(AppTest.from_file(str(ROOT / "pages" / "train.py"), default_timeout=90).run())
    at.file_uploader(key="train.upload").upload("model.zip", pack(trained), "application/zip").run()
    message = read(ok(at).error[0])
    assert message.startswith(f"Could not write the trained model in {small_disk.path}: the disk is read-only")
    assert session(at).train.config is None  # nothing was loaded as if it had been kept


@pytest.mark.parametrize("how, why", HOW)
def test_a_download_onto_a_full_or_read_only_disk_names_the_disk_not_the_network(http_files, small_disk,
                                                                                  monkeypatch, how, why):
    import medmnist
    monkeypatch.delenv("AECORE_DATA_MIRROR")  # medmnist's own address (served here), not a mirror
    served, url = http_files
    rng = np.random.default_rng(0)
    arrays = {f"{split}_{kind}": rng.integers(0, 256, (n, 28, 28) if kind == "images" else (n, 1), dtype=np.uint8)
              for split, n in (("train", 40), ("val", 8), ("test", 8)) for kind in ("images", "labels")}
    np.savez(served / "breastmnist.npz", **arrays)
    monkeypatch.setitem(medmnist.INFO["breastmnist"], "url", url + "/breastmnist.npz")
    monkeypatch.setitem(medmnist.INFO["breastmnist"], "MD5",
                        hashlib.md5((served / "breastmnist.npz").read_bytes()).hexdigest())
    root = small_disk.path / "data"
    root.mkdir()
    getattr(small_disk, how)()
    with pytest.raises(data.DatasetUnavailable) as caught:
        data.load("breastmnist", root=root)
    assert str(caught.value).startswith("Could not write the dataset's files in ") and why in str(caught.value)
    assert str(root) in str(caught.value)
    assert not [f for f in root.iterdir() if f.suffix != ".lock"]  # nothing half-written left (the locks are empty)


def test_a_learners_answers_that_cannot_be_written_are_kept_in_memory_and_said(small_disk, monkeypatch):
    kept = learners.Store(small_disk.path / "learners")
    learner = learners.new_id()
    small_disk.read_only()
    mine = {"v": 1, "lessons": {"shapes": {"step": 2, "answers": {"pool": "14, 14, 16"}, "right": {"pool": True},
                                           "values": {}}}}
    kept.update(learner, base={}, mine=mine)
    assert kept.unsaved[learner].errno == 30 and kept.load(learner)["lessons"]["shapes"]["step"] == 2

    monkeypatch.setenv("AECORE_HOME", str(small_disk.path))  # the app's own store of learners, on that disk
    at = AppTest.from_file(str(ROOT / "pages" / "lesson_shapes.py"), default_timeout=120)
    at.session_state["aecore.learner"] = learner
    at.query_params["step"] = "3"
    ok(at.run())
    at.text_input(key="course.shapes.pool.typed").set_value("14 x 14 x 16")
    button = next(b for b in at.button if b.key and b.key.startswith("FormSubmitter:course.shapes.pool.form"))
    ok(button.click().run())
    said = " ".join(read(x) for x in at.toast)
    assert f"Could not write your answers in the lessons in {small_disk.path / 'learners'}" in said
    assert "the disk is read-only" in said and "kept in this server's memory" in said
    assert session(at).lesson("shapes").answers == {"pool": "14 x 14 x 16"}  # the learner loses nothing now
