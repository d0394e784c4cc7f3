"""Model files a learner takes home and brings back (aecore.learn.modelfile, store.put_file): the round trip
is exact, and every bad file is refused with a sentence, the current model untouched, nothing in it run."""
import io
import json
import zipfile
from dataclasses import replace

import pytest
import torch

from aecore.learn import modelfile, store
from aecore.learn.config import TrainConfig
from aecore.learn.modelfile import ModelFileError, pack, unpack
from aecore.learn.train import run

QUICK = TrainConfig(epochs=1, batch_size=64, max_train=256)


@pytest.fixture(scope="module")
def trained():
    return run(QUICK, device="cpu")


def members(blob: bytes) -> dict:
    z = zipfile.ZipFile(io.BytesIO(blob))
    return {n: z.read(n) for n in z.namelist()}


def rezip(parts: dict) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return out.getvalue()


def weights(state) -> bytes:
    buffer = io.BytesIO()
    torch.save(state, buffer)
    return buffer.getvalue()


def test_round_trip_gives_identical_outputs(trained):
    blob = pack(trained)
    back = unpack(blob)
    x = torch.rand(5, 1, 28, 28)
    for a, b in zip(trained.model.state_dict().values(), back.model.state_dict().values()):
        assert torch.equal(a, b)  # bit for bit
    original = trained.model.eval().to(memory_format=torch.contiguous_format)  # (training used channels_last)
    with torch.no_grad():
        assert torch.equal(original(x), back.model(x))
    assert back.config == QUICK and back.history == json.loads(json.dumps(trained.history))
    assert store.put_file(blob).config == QUICK and store.load(QUICK) is not None



def test_a_setting_that_cannot_matter_still_finds_the_saved_model(tmp_path, monkeypatch):
    """The sparse lesson asks for penalty="kl" with weight 0: the key ignores the penalty (it cannot matter),
    so the saved model is the same run and must load as the config the page asked for (CI caught a page
    that retrained forever because the file's canonical config was compared with ``==``)."""
    monkeypatch.setenv("AECORE_HOME", str(tmp_path))
    asked = replace(QUICK, sparsity=0.0, penalty="kl", rho=0.1)
    result = run(asked, device="cpu")
    store.save(result)
    back = store.load(asked)
    assert back is not None and back.config == asked and back.config.key() == QUICK.key()

def bad_cases(trained):
    good = members(pack(trained))
    state = {k: v.clone() for k, v in trained.model.state_dict().items()}
    first = next(iter(state))
    nan, inf = dict(state), dict(state)
    nan[first] = state[first].clone().fill_(float("nan"))
    inf[first] = state[first].clone().fill_(float("inf"))
    wrong_shape = dict(state)
    wrong_shape[first] = torch.zeros(3, 3)
    meta = json.loads(good["config.json"])
    tampered = {**meta, "config": {**meta["config"], "epochs": 99}}
    greedy = replace(QUICK, model="s1-uva-conv", batch_size=8192)
    over_budget = {**meta, "config": greedy.to_dict(), "key": greedy.key()}
    return {
        "not a zip": (b"PK? not a zip at all", "not a zip"),
        "empty": (b"", "not a zip"),
        "a member too many": (rezip({**good, "evil.py": b"import os"}), "does not hold a model"),
        "a member missing": (rezip({k: v for k, v in good.items() if k != "history.json"}), "does not hold"),
        "NaN weights": (rezip({**good, "weights.pt": weights(nan)}), "NaN"),
        "infinite weights": (rezip({**good, "weights.pt": weights(inf)}), "NaN or infinite"),
        "a key missing": (rezip({**good, "weights.pt": weights({k: v for k, v in state.items() if k != first})}),
                          "missing: " + first),
        "a key too many": (rezip({**good, "weights.pt": weights({**state, "extra.weight": torch.zeros(1)})}),
                           "extra: extra.weight"),
        "a wrong shape": (rezip({**good, "weights.pt": weights(wrong_shape)}), "(3, 3)"),
        "tampered settings": (rezip({**good, "config.json": json.dumps(tampered).encode()}), "changed after"),
        "over the budget": (rezip({**good, "config.json": json.dumps(over_budget).encode()}), "refused here"),
        "unreadable weights": (rezip({**good, "weights.pt": b"\x00\x01garbage"}), "cannot be read"),
    }


@pytest.mark.parametrize("case", ["not a zip", "empty", "a member too many", "a member missing", "NaN weights",
                                  "infinite weights", "a key missing", "a key too many", "a wrong shape",
                                  "tampered settings", "over the budget", "unreadable weights"])
def test_every_bad_file_is_refused_in_words_and_the_current_model_kept(trained, case):
    store.save(trained)
    before = store.load(QUICK)
    blob, words = bad_cases(trained)[case]
    with pytest.raises(ModelFileError) as e:
        store.put_file(blob)
    assert words in str(e.value), str(e.value)
    after = store.load(QUICK)
    assert after is not None
    for a, b in zip(before.model.state_dict().values(), after.model.state_dict().values()):
        assert torch.equal(a, b)


class Payload:
    """A pickle that would write a file when loaded, if anything ran it."""
    target = ""

    def __reduce__(self):
        return (open, (self.target, "w"))


def test_a_pickle_payload_is_never_executed(trained, tmp_path):
    target = tmp_path / "written"
    Payload.target = str(target)
    blob = rezip({**members(pack(trained)), "weights.pt": weights({"w": Payload()})})
    with pytest.raises(ModelFileError, match="nothing in the file was run"):
        unpack(blob)
    assert not target.exists()


def test_an_oversized_file_and_a_zip_bomb_are_refused_before_unpacking(trained, monkeypatch):
    monkeypatch.setattr(modelfile, "MAX_FILE_MB", 1)
    with pytest.raises(ModelFileError, match="larger than 1 MB"):
        unpack(b"PK" + b"\0" * (2 * 2**20))
    bomb = rezip({**members(pack(trained)), "history.json": b"\0" * (50 * 2**20)})  # ~50 kB zipped
    assert len(bomb) < 2**20
    with pytest.raises(ModelFileError, match="larger than"):
        unpack(bomb)
