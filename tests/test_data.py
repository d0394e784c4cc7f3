"""Datasets: offline sets, and each real loader on tiny files written in its library's own format."""
import hashlib
import http.server
import pickle
import struct
import threading
from pathlib import Path

import numpy as np
import pytest
import torch

from aecore.learn import data
from aecore.learn.download import DownloadError, fetch


@pytest.fixture(autouse=True)
def fresh_cache(monkeypatch):
    monkeypatch.delenv("AECORE_DATA_MIRROR")  # these tests name their own URLs (local servers, closed ports)
    data._CACHE.clear()
    yield
    data._CACHE.clear()


@pytest.mark.parametrize("name,channels,n_classes", [("digits", 1, 10), ("textures", 1, 3), ("ihc", 3, 3),
                                                     ("faces", 1, 2)])
def test_offline_sets(name, channels, n_classes):
    s = data.load(name)
    assert s.train_x.dtype == torch.uint8 and s.train_x.shape[1:] == (channels, 28, 28)
    assert s.test_x.shape[1:] == (channels, 28, 28) and len(s.classes) == n_classes
    assert set(s.train_y.tolist()) == set(range(n_classes)) and s.train_y.dtype == torch.int64
    assert len(s.test_x) >= 40 and s.train_x.float().std() > 10  # real pixels, not blanks
    again = data.load(name)
    assert torch.equal(again.test_x, s.test_x)  # a fixed split


def test_digits_are_the_1797_scikit_learn_digits():
    s = data.load("digits")
    assert len(s.train_x) + len(s.test_x) == 1797
    assert s.classes == tuple("0123456789")


def idx(path: Path, array: np.ndarray, magic: int):
    header = struct.pack(">I", magic) + b"".join(struct.pack(">I", d) for d in array.shape)
    path.write_bytes(header + array.astype(np.uint8).tobytes())


@pytest.mark.parametrize("name,folder", [("mnist", "MNIST"), ("fashion-mnist", "FashionMNIST")])
def test_torchvision_mnist_from_idx_files(tmp_path, name, folder):
    raw = tmp_path / folder / "raw"
    raw.mkdir(parents=True)
    rng = np.random.default_rng(0)
    for split, n in (("train", 12), ("t10k", 5)):
        idx(raw / f"{split}-images-idx3-ubyte", rng.integers(0, 256, (n, 28, 28)), 2051)
        idx(raw / f"{split}-labels-idx1-ubyte", np.arange(n) % 10, 2049)
    s = data.load(name, root=tmp_path, download=False)
    assert s.train_x.shape == (12, 1, 28, 28) and s.test_x.shape == (5, 1, 28, 28)
    assert s.train_y.tolist() == [i % 10 for i in range(12)] and len(s.classes) == 10
    assert data.is_local(name, tmp_path)


def test_torchvision_cifar10_from_its_batches(tmp_path):
    folder = tmp_path / "cifar-10-batches-py"
    folder.mkdir()
    rng = np.random.default_rng(1)

    def batch(name, n):
        with open(folder / name, "wb") as f:
            pickle.dump({"data": rng.integers(0, 256, (n, 3072), dtype=np.uint8), "labels": list(range(n))}, f)
    for i in range(1, 6):
        batch(f"data_batch_{i}", 2)
    batch("test_batch", 3)
    with open(folder / "batches.meta", "wb") as f:
        pickle.dump({"label_names": ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse",
                                     "ship", "truck"]}, f)
    s = data.load("cifar10", root=tmp_path, download=False)
    assert s.train_x.shape == (10, 3, 32, 32) and s.test_x.shape == (3, 3, 32, 32)
    assert s.classes[0] == "airplane"


def npz(path: Path, channels: int, labels_per_image: int = 1, n=(7, 2, 4)):
    rng = np.random.default_rng(2)
    shape = (28, 28) if channels == 1 else (28, 28, 3)
    arrays = {}
    for split, k in zip(("train", "val", "test"), n):
        arrays[f"{split}_images"] = rng.integers(0, 256, (k, *shape), dtype=np.uint8)
        arrays[f"{split}_labels"] = rng.integers(0, 2 if labels_per_image > 1 else 9, (k, labels_per_image))
    np.savez(path, **arrays)
    return arrays


def test_medmnist_pathmnist_from_its_npz(tmp_path):
    arrays = npz(tmp_path / "pathmnist.npz", 3)
    s = data.load("pathmnist", root=tmp_path, download=False)
    assert s.train_x.shape == (7, 3, 28, 28) and s.test_x.shape == (4, 3, 28, 28)
    assert torch.equal(s.train_x[0].permute(1, 2, 0), torch.as_tensor(arrays["train_images"][0]))
    assert s.train_y.tolist() == arrays["train_labels"][:, 0].tolist() and s.classes[0] == "adipose"


def test_medmnist_multi_label_chest(tmp_path):
    arrays = npz(tmp_path / "chestmnist.npz", 1, labels_per_image=14)
    s = data.load("chestmnist", root=tmp_path, download=False)
    labels = arrays["test_labels"]
    expected = [int(r.argmax()) if r.any() else 14 for r in labels]
    assert s.test_y.tolist() == expected and s.classes[-1] == "no finding" and s.channels == 1


def test_every_2d_medmnist_set_is_registered():
    import medmnist
    flags = {f for f, i in medmnist.INFO.items() if not i["python_class"].endswith("3D")}
    assert flags <= set(data.REGISTRY) and list(data.REGISTRY)[7] == "pathmnist"
    for flag, name, channels, _ in data.MEDMNIST_2D:  # the list written out in data.py is medmnist's own
        assert medmnist.INFO[flag]["python_class"] == name and medmnist.INFO[flag]["n_channels"] == channels


def test_missing_files_without_download(tmp_path):
    with pytest.raises(data.DatasetUnavailable, match="MNIST is not on this machine .* offline sets need no network"):
        data.load("mnist", root=tmp_path, download=False)


OFFLINE_NAMES = "Digits, Textures, Stained tissue, Faces"


def test_failed_download_is_a_clear_message_and_leaves_nothing(tmp_path, monkeypatch):
    from torchvision.datasets import MNIST
    monkeypatch.setattr(MNIST, "mirrors", ["http://127.0.0.1:9/"])  # a closed port: refused at once
    with pytest.raises(data.DatasetUnavailable) as e:
        data.load("mnist", root=tmp_path)
    message = str(e.value)
    assert message.startswith("MNIST could not be downloaded: the download server refused the connection.")
    assert OFFLINE_NAMES in message and e.value.dataset == "mnist"
    assert "Errno" not in message and "127.0.0.1" not in message and "ihc" not in message  # no raw errors, no ids
    assert not [p for p in tmp_path.rglob("*") if p.is_file() and p.suffix != ".lock"]  # (empty lock files stay)


def test_no_network_is_said_in_words(tmp_path, monkeypatch):
    """A name that cannot be looked up (no network, as in a classroom offline) -> 'cannot reach the internet'."""
    from torchvision.datasets import FashionMNIST

    from aecore.text import using
    monkeypatch.setattr(FashionMNIST, "mirrors", ["http://no-such-host.invalid/"])
    with pytest.raises(data.DatasetUnavailable) as e:
        data.load("fashion-mnist", root=tmp_path)
    assert "Fashion-MNIST could not be downloaded: this machine cannot reach the internet" in str(e.value)
    assert "[Errno" not in str(e.value)
    with using("ko"), pytest.raises(data.DatasetUnavailable) as e:
        data.load("fashion-mnist", root=tmp_path)
    assert "인터넷에 연결되어 있지 않습니다" in str(e.value) and "숫자, 질감, 염색 조직, 얼굴" in str(e.value)


def test_broken_files_are_reported(tmp_path):
    (tmp_path / "pathmnist.npz").write_bytes(b"not a zip")
    with pytest.raises(data.DatasetUnavailable, match="The files of PathMNIST on this machine .* cannot be read"):
        data.load("pathmnist", root=tmp_path, download=False)


def test_fetch_with_progress_and_checksum(http_files, tmp_path):
    served, url = http_files
    payload = bytes(range(256)) * 10_000
    (served / "blob.bin").write_bytes(payload)
    seen = []
    dest = fetch([url + "/missing.bin", url + "/blob.bin"], tmp_path / "out" / "blob.bin",
                 md5=hashlib.md5(payload).hexdigest(), progress=lambda d, tot, label: seen.append((d, tot)))
    assert dest.read_bytes() == payload and seen[-1] == (len(payload), len(payload))
    with pytest.raises(DownloadError, match="checksum"):
        fetch(url + "/blob.bin", tmp_path / "bad.bin", md5="0" * 32)
    assert not (tmp_path / "bad.bin").exists() and not (tmp_path / "bad.bin.part").exists()


def test_real_medmnist_download_path_end_to_end(http_files, tmp_path, monkeypatch):
    """The download branch with medmnist's own class reading what was fetched."""
    import medmnist
    served, url = http_files
    npz(served / "breastmnist.npz", 1)
    md5 = hashlib.md5((served / "breastmnist.npz").read_bytes()).hexdigest()
    monkeypatch.setitem(medmnist.INFO["breastmnist"], "url", url + "/breastmnist.npz")
    monkeypatch.setitem(medmnist.INFO["breastmnist"], "MD5", md5)
    progress = []
    s = data.load("breastmnist", root=tmp_path / "cache", progress=lambda *a: progress.append(a))
    assert s.train_x.shape == (7, 1, 28, 28) and progress and (tmp_path / "cache" / "breastmnist.npz").exists()


def test_fit_images_resizes_and_converts():
    x = torch.randint(0, 256, (5, 3, 32, 32), dtype=torch.uint8)
    y = data.fit_images(x, side=28, channels=1)
    assert y.shape == (5, 1, 28, 28) and y.dtype == torch.uint8
    z = data.fit_images(torch.full((2, 1, 8, 8), 200, dtype=torch.uint8), side=28, channels=3)
    assert z.shape == (2, 3, 28, 28) and int(z.min()) == int(z.max()) == 200


def test_pick_diverse_shows_each_class_first():
    labels = np.array([0] * 50 + [1] * 3 + [2] * 40)
    pick = data.pick_diverse(labels, 5, seed=3)
    assert len(set(pick.tolist())) == 5 and set(labels[pick[:3]].tolist()) == {0, 1, 2}
    assert data.pick_diverse(labels, 5, seed=3).tolist() == pick.tolist()


def test_two_learners_loading_mnist_at_once_fetch_each_file_once(http_files, tmp_path, monkeypatch):
    """The race the issue saw: two loads at once, one failing on the other's '.part' file. Now the second
    waits for the first (a lock per dataset) and finds the files there."""
    import gzip

    from torchvision import datasets
    served, url = http_files
    rng = np.random.default_rng(1)
    resources = []
    for split, n in (("train", 12), ("t10k", 5)):
        for kind, magic, array in (("images-idx3", 2051, rng.integers(0, 256, (n, 28, 28))),
                                   ("labels-idx1", 2049, np.arange(n) % 10)):
            plain = tmp_path / f"{split}-{kind}-ubyte"
            idx(plain, array, magic)
            (served / f"{plain.name}.gz").write_bytes(gzip.compress(plain.read_bytes()))
            resources.append((f"{plain.name}.gz", hashlib.md5((served / f"{plain.name}.gz").read_bytes()).hexdigest()))
    monkeypatch.setattr(datasets.MNIST, "mirrors", [url + "/"])
    monkeypatch.setattr(datasets.MNIST, "resources", resources)
    requests = []
    real_fetch = data.fetch

    def counted(urls, dest, *a, **k):
        requests.append(Path(dest).name)
        return real_fetch(urls, dest, *a, **k)
    monkeypatch.setattr(data, "fetch", counted)
    results, errors = [], []

    def learner():
        try:
            results.append(data.load("mnist", root=tmp_path / "cache"))
        except Exception as e:  # noqa: BLE001 - the test reports what went wrong
            errors.append(e)
    threads = [threading.Thread(target=learner) for _ in range(3)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(60)
    assert not errors and len(results) == 3 and all(r.train_x.shape == (12, 1, 28, 28) for r in results)
    assert sorted(requests) == sorted(name for name, _ in resources)  # each file fetched once
    assert not list((tmp_path / "cache").rglob("*.part"))


def test_an_interrupted_download_leaves_no_file_that_reads_as_valid(tmp_path):
    """A server that promises more bytes than it sends (a dropped connection): nothing is left behind."""
    class Short(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Length", "100000")
            self.end_headers()
            self.wfile.write(b"x" * 1000)
            self.wfile.flush()
            self.connection.close()

        def log_message(self, *a):
            pass
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Short)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with pytest.raises(DownloadError) as e:
            fetch(f"http://127.0.0.1:{server.server_address[1]}/f.bin", tmp_path / "f.bin", timeout=5)
        assert e.value.kind in ("short", "other")
        assert not (tmp_path / "f.bin").exists() and not list(tmp_path.glob("*.part"))
    finally:
        server.shutdown()


def test_a_schools_mirror_serves_every_file_by_name(http_files, tmp_path, monkeypatch):
    """AECORE_DATA_MIRROR: the same files, by name, from a server the school can reach (md5 still checked)."""
    from aecore.learn.download import mirrored
    served, url = http_files
    payload = b"the same file, from the school's own server" * 1000
    assert mirrored(["https://a.org/x/t10k.gz", "https://b.org/y/t10k.gz"], "MNIST/raw/t10k.gz") == [
        "https://a.org/x/t10k.gz", "https://b.org/y/t10k.gz"]
    monkeypatch.setenv("AECORE_DATA_MIRROR", url)
    # laid out like the data folder: MNIST's and Fashion-MNIST's files share their names, not their folders
    assert mirrored(["https://a.org/x/t10k.gz"], "MNIST/raw/t10k.gz") == [url + "/MNIST/raw/t10k.gz"]
    assert mirrored(["https://b.org/t10k.gz"], "FashionMNIST/raw/t10k.gz") == [url + "/FashionMNIST/raw/t10k.gz"]
    (served / "FashionMNIST").mkdir()
    (served / "FashionMNIST" / "blob.bin").write_bytes(payload)
    root = tmp_path / "data"
    dest = fetch("https://unreachable.invalid/data/blob.bin", root / "FashionMNIST" / "blob.bin",
                 md5=hashlib.md5(payload).hexdigest(), root=root)
    assert dest.read_bytes() == payload
