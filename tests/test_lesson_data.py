"""The lessons on their source's datasets (issue 16, item 5): a lesson uses the dataset its source lesson used
when its files are in the data folder, and its offline set otherwise, and says which; a lesson page never
downloads; the Class view's warm button downloads a lesson's dataset in a background thread, with progress,
says so in words when it cannot, and queues the lesson's models on it. Tiny files in each library's own format
stand in for the real sets (nothing here reaches the internet), and no model is trained."""
import gzip
import hashlib
import pickle
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from apptest import ok, read, session
from conftest import ROOT
from test_data import idx, npz
from aecore.learn import data, fetches
from aecore.learn.pool import RunManager
from aecore.app import guided as steps

TOKEN = "s3cret-for-class"


@pytest.fixture(autouse=True)
def fresh(monkeypatch):
    monkeypatch.delenv("AECORE_DATA_MIRROR")  # these tests serve their own files, or name a closed port
    data._CACHE.clear()
    fetches._FETCHES.clear()
    yield
    for f in list(fetches._FETCHES.values()):
        if f.thread is not None:
            f.thread.join(30)
    fetches._FETCHES.clear()
    data._CACHE.clear()


def mnist_files(root: Path, folder: str = "MNIST") -> list[Path]:
    """A tiny MNIST (12 train, 5 test images) as torchvision reads it: the four IDX files."""
    raw = root / folder / "raw"
    raw.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(0)
    out = []
    for split, n in (("train", 12), ("t10k", 5)):
        idx(raw / f"{split}-images-idx3-ubyte", rng.integers(0, 256, (n, 28, 28)), 2051)
        idx(raw / f"{split}-labels-idx1-ubyte", np.arange(n) % 10, 2049)
        out += [raw / f"{split}-images-idx3-ubyte", raw / f"{split}-labels-idx1-ubyte"]
    return out


def cifar_files(root: Path) -> None:
    """A tiny CIFAR-10 (10 train, 3 test images) in its pickled batches."""
    folder = root / "cifar-10-batches-py"
    folder.mkdir(parents=True)
    rng = np.random.default_rng(1)
    for name, n in [(f"data_batch_{i}", 2) for i in range(1, 6)] + [("test_batch", 3)]:
        with open(folder / name, "wb") as f:
            pickle.dump({"data": rng.integers(0, 256, (n, 3072), dtype=np.uint8), "labels": list(range(n))}, f)
    with open(folder / "batches.meta", "wb") as f:
        pickle.dump({"label_names": ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse",
                                     "ship", "truck"]}, f)


def serve_mnist(served: Path, url: str, monkeypatch) -> None:
    """The tiny MNIST's .gz files on a local HTTP server, and torchvision's MNIST pointed at it."""
    from torchvision import datasets
    resources = []
    for plain in mnist_files(served / "plain"):
        gz = served / f"{plain.name}.gz"
        gz.write_bytes(gzip.compress(plain.read_bytes()))
        resources.append((gz.name, hashlib.md5(gz.read_bytes()).hexdigest()))
    monkeypatch.setattr(datasets.MNIST, "mirrors", [url + "/"])
    monkeypatch.setattr(datasets.MNIST, "resources", resources)


def no_network(monkeypatch) -> None:
    """Every download is refused at once (a closed local port), as on a server with no internet."""
    from torchvision import datasets
    monkeypatch.setattr(datasets.MNIST, "mirrors", ["http://127.0.0.1:9/"])


# ---- the data folder: which files make a dataset present, and fetching them without reading them ---------------

def test_a_dataset_is_present_only_with_every_file_its_loader_reads():
    root = data.data_dir()
    assert data.is_local("digits") and data.files("digits") == []
    assert not data.is_local("mnist") and not data.is_local("nope")
    written = mnist_files(root)
    assert sorted(data.files("mnist")) == sorted(written) and data.is_local("mnist")
    written[0].unlink()  # a half-copied folder is not a dataset: the loader would fail on it
    assert not data.is_local("mnist")
    cifar_files(root)
    assert data.is_local("cifar10")
    (root / "cifar-10-batches-py" / "data_batch_3").unlink()
    assert not data.is_local("cifar10")
    npz(root / "pathmnist.npz", 3)
    assert data.is_local("pathmnist") and not data.is_local("bloodmnist")


def test_download_fetches_the_files_with_progress_and_reads_nothing(http_files, monkeypatch):  # noqa: F811
    served, url = http_files
    serve_mnist(served, url, monkeypatch)
    seen = []
    data.download("mnist", progress=lambda done, total, label: seen.append(label))
    assert data.is_local("mnist") and seen and not data._CACHE  # on disk, not in this process's memory
    assert data.load("mnist", download=False).train_x.shape == (12, 1, 28, 28)
    data.download("digits")  # an offline set: nothing to do


def test_download_offline_is_a_message_that_names_the_dataset(monkeypatch):
    no_network(monkeypatch)
    with pytest.raises(data.DatasetUnavailable, match="MNIST could not be downloaded: the download server refused"):
        data.download("mnist")
    assert not data.is_local("mnist")


def test_a_background_fetch_reports_and_then_runs_its_follow_up(http_files, monkeypatch):  # noqa: F811
    served, url = http_files
    serve_mnist(served, url, monkeypatch)
    called = []
    f = fetches.start("mnist", then=lambda: called.append(data.is_local("mnist")))
    f.thread.join(30)
    assert f.state == "done" and f.done > 0 and f.label.startswith("mnist: ") and called == [True]
    again = fetches.start("mnist", then=lambda: called.append("again"))  # files here: done at once
    again.thread.join(30)
    assert again is not f and again.state == "done" and called == [True, "again"]


def test_a_failed_background_fetch_keeps_the_message(monkeypatch):
    no_network(monkeypatch)
    called = []
    f = fetches.start("mnist", then=lambda: called.append(1), lang="ko")
    f.thread.join(30)
    assert f.state == "failed" and not called
    assert "MNIST" in f.error and "손글씨 숫자" in f.error  # in the language of the teacher who asked


# ---- which images a lesson uses ----------------------------------------------------------------------------------

def test_a_lesson_prefers_its_sources_dataset_when_it_is_here():
    assert {lesson: steps.default_dataset(lesson) for lesson in steps.SOURCES} == steps.DATASETS
    assert steps.dataset_options("shapes")[:2] == ["mnist", "digits"]
    assert steps.dataset_options("conv")[:3] == ["cifar10", "pathmnist", "ihc"]
    assert "mnist" not in steps.dataset_options("conv")  # lesson 2's model takes colour images
    assert "fashion-mnist" not in steps.dataset_options("shapes")  # not here, not the source's: not offered
    mnist_files(data.data_dir())
    assert [steps.default_dataset(x) for x in ("shapes", "code3d", "pca", "stacked")] == ["mnist", "digits",
                                                                                          "mnist", "mnist"]
    npz(data.data_dir() / "pathmnist.npz", 3)
    assert steps.default_dataset("conv") == "pathmnist"
    cifar_files(data.data_dir())
    assert steps.default_dataset("conv") == "cifar10"  # the source lesson's first dataset
    # lesson 2's noise and similar-images steps: digits only in place of the offline tiles
    assert steps.step_dataset("conv", "noise", "cifar10") == "cifar10"
    assert steps.step_dataset("conv", "similar", "pathmnist") == "pathmnist"
    assert steps.step_dataset("conv", "noise", "ihc") == "digits"


def lesson_page(lesson: str, step: int, lang: str = "en") -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages" / f"lesson_{lesson}.py"), default_timeout=120)
    at.query_params.update({"lang": lang, "step": str(step)})
    return ok(at.run())


def captions(at) -> str:
    return " ".join(c.value for c in at.caption)


def absent_note(at) -> str | None:
    return next((i.value for i in at.info if i.icon == ":material/cloud_download:"), None)


def test_lesson_1_uses_mnist_when_it_is_in_the_data_folder():
    mnist_files(data.data_dir())
    at = lesson_page("shapes", 7)  # the training step: the one with the dataset menu
    box = at.selectbox(key="guide.shapes.dataset")
    assert box.value == "mnist" and box.options[:2] == ["MNIST · the lesson's own images",
                                                        "Digits · the offline stand-in (needs no network)"]
    assert "Images in use: MNIST, the dataset the source lesson used." in captions(at)
    assert any("learns on MNIST" in m.value for m in at.markdown)
    ko = lesson_page("shapes", 7, "ko")
    assert ko.selectbox(key="guide.shapes.dataset").options[0] == "MNIST · 수업의 원래 이미지"
    assert "지금 쓰는 이미지: MNIST. 원래 수업이 쓴 데이터셋입니다." in captions(ko)


def test_without_mnist_lesson_1_uses_digits_and_choosing_mnist_downloads_nothing():
    at = lesson_page("shapes", 7)
    box = at.selectbox(key="guide.shapes.dataset")
    assert box.value == "digits" and box.options[:2] == ["MNIST · not downloaded yet",
                                                         "Digits · the offline stand-in (needs no network)"]
    assert ("Images in use: Digits, the offline stand-in that ships with the app and needs no network. "
            "The source lesson used MNIST.") in captions(at)
    ok(box.set_value("mnist").run())
    assert at.selectbox(key="guide.shapes.dataset").value == "digits"  # the lesson goes on with its images
    assert session(at).lesson("shapes").values["dataset"] == "digits"
    note = absent_note(at)
    assert note.startswith("MNIST is not on this server yet, so the lesson goes on with Digits.")
    assert "Class view" in note and "Train page" in note
    assert fetches.get("mnist") is None and not (data.data_dir() / "MNIST").exists()  # nothing fetched
    ok(at.run())
    assert absent_note(at) is None  # said once


def test_a_link_or_record_naming_an_absent_dataset_falls_back_and_says_so():
    at = AppTest.from_file(str(ROOT / "pages" / "lesson_pca.py"), default_timeout=120)
    at.query_params.update({"step": "1", "hide": "dataset"})
    ok(at.run())
    session(at).lesson("pca").values["dataset"] = "fashion-mnist"  # e.g. restored from a stored record
    ok(at.run())
    assert not at.selectbox and "dataset" not in session(at).lesson("pca").values  # the default again
    assert "Fashion-MNIST is not on this server yet" in absent_note(at)
    assert "Images in use: Digits, the offline stand-in" in captions(at)  # said with the menu hidden too
    mnist_files(data.data_dir())  # the teacher's download arrives: a lesson whose menu is hidden follows it
    ok(at.run())
    assert "Images in use: MNIST, the dataset the source lesson used." in captions(at)


def test_with_the_menu_hidden_an_answer_keeps_its_images():
    at = AppTest.from_file(str(ROOT / "pages" / "lesson_pca.py"), default_timeout=120)
    at.query_params.update({"step": "1", "hide": "dataset,tool"})
    ok(at.run())
    at.radio(key="course.pca.linear.picked").set_value("same")
    button = next(b for b in at.button if b.key and b.key.startswith("FormSubmitter:course.pca.linear.form"))
    ok(button.click().run())  # (its models are offered, not trained)
    assert session(at).lesson("pca").values["dataset"] == "digits"
    mnist_files(data.data_dir())
    ok(at.run())
    assert "Images in use: Digits" in captions(at)  # the answer was about Digits: they stay


def test_lesson_2_uses_cifar10_when_it_is_here_and_says_so_at_the_end():
    cifar_files(data.data_dir())
    at = lesson_page("conv", 1)
    assert at.selectbox(key="guide.conv.dataset").value == "cifar10"
    assert "Images in use: CIFAR-10, the dataset the source lesson used." in captions(at)  # named once, here
    assert not any("Images: CIFAR-10" in m.value for m in at.markdown)
    at = lesson_page("conv", 6)
    body = " ".join(m.value for m in at.markdown)
    assert "The images you used here are CIFAR-10, as in the source lesson." in body
    assert "stained tissue slide" not in body


@pytest.mark.parametrize("lesson", list(steps.SOURCES))
def test_every_step_opens_on_the_sources_dataset(lesson):
    """With every source dataset here (tiny), each step of each lesson opens on it, says so, and raises nothing
    (a model a step needs is offered, not trained)."""
    from aecore.use.course import LESSONS
    root = data.data_dir()
    mnist_files(root)
    mnist_files(root, "FashionMNIST")
    cifar_files(root)
    npz(root / "pathmnist.npz", 3)
    at = lesson_page(lesson, 1)
    for i, step in enumerate(LESSONS[lesson]):
        assert f"Step {i + 1} of" in at.subheader[0].value
        if lesson != "shapes" or step.id == "train":
            assert "the dataset the source lesson used." in captions(at), (lesson, step.id)
            assert at.selectbox(key=f"guide.{lesson}.dataset").value == steps.SOURCES[lesson][0]
        if i < len(LESSONS[lesson]) - 1:
            ok(at.button(key=f"guide.{lesson}.next.top").click().run())


# ---- the Class view's warm button -----------------------------------------------------------------------------

class Held(RunManager):
    """The server's queue with nothing dispatched: what the button queues stays in the line (no training)."""

    def warm(self):
        pass

    def _start(self):
        pass


@pytest.fixture
def queue(monkeypatch):
    m = Held(1, 1, kind="thread")
    monkeypatch.setattr(RunManager, "_shared", m)
    monkeypatch.setenv("AECORE_CLASS_TOKEN", TOKEN)
    return m


def class_view() -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages" / "class_view.py"), default_timeout=120)
    at.query_params["token"] = TOKEN
    return ok(at.run())


def queued(m) -> set:
    return {(c.dataset, c.model) for c in m.overview()["queued"]}


def test_the_warm_button_offline_says_the_lesson_keeps_its_offline_set(queue, monkeypatch):
    no_network(monkeypatch)
    at = class_view()
    assert "MNIST: not downloaded yet" in captions(at)
    button = at.button(key="class.warm.shapes")
    assert button.label == "Download MNIST and train the lesson's models"
    ok(button.click().run())
    assert queued(queue) == {("digits", "s0-keras-conv"), ("digits", "custom")}  # the offline models (custom: the
    fetches.get("mnist").thread.join(30)                                        # checkerboard lab's three decoders)
    ok(at.run())
    warning = read(at.warning[0])
    assert warning.startswith("MNIST could not be downloaded: the download server refused the connection.")
    assert "Until MNIST is on this server, the lesson ‘1 · Shapes in and out’ uses its offline set, Digits." \
        in warning
    assert queued(queue) == {("digits", "s0-keras-conv"), ("digits", "custom")}
    assert at.button(key="class.warm.shapes")  # the teacher may try again


def test_the_warm_button_downloads_the_dataset_then_queues_the_lessons_models_on_it(queue, http_files,  # noqa: F811
                                                                                      monkeypatch):
    served, url = http_files
    serve_mnist(served, url, monkeypatch)
    at = class_view()
    ok(at.button(key="class.warm.pca").click().run())
    fetches.get("mnist").thread.join(30)
    assert data.is_local("mnist")
    datasets = {d for d, _ in queued(queue)}
    assert datasets == {"digits", "mnist"}  # the offline models at once, MNIST's once it had arrived
    on_mnist = {c.model for c in queue.overview()["queued"] if c.dataset == "mnist"}
    assert on_mnist == {c.model for c in steps.configs("pca", "mnist", "cpu")}
    ok(at.run())
    assert "MNIST: on this server" in captions(at) and not at.warning


def test_with_the_files_here_the_warm_button_queues_the_sources_models_at_once(queue):
    mnist_files(data.data_dir())
    at = class_view()
    assert "MNIST: on this server" in captions(at)
    assert "0 of 8 ready" in captions(at)  # lesson 1: its model and the checkerboard lab's 3, on Digits and MNIST
    ok(at.button(key="class.warm.shapes").click().run())
    assert queued(queue) == {("digits", "s0-keras-conv"), ("mnist", "s0-keras-conv"), ("digits", "custom"),
                             ("mnist", "custom")}
    assert fetches.get("mnist") is None  # nothing to download
