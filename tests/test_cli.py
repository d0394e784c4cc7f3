"""The command line contracts other checks depend on: python -m aecore summary | train | bench train."""
import json
import os
import subprocess
import sys

import pytest
from conftest import FIXTURES, ROOT

from aecore.learn.modelfile import read_config

SEED = [{"type": "Conv2D", "filters": 16, "kernel_size": 3, "padding": "same", "input_shape": [28, 28, 1]},
        {"type": "MaxPooling2D", "pool_size": 2, "padding": "same"}]


def run(*args, stdin=""):
    p = subprocess.run([sys.executable, "-m", "aecore", *args], input=stdin, capture_output=True, text=True,
                       cwd=ROOT, timeout=120)
    return p.returncode, p.stdout, p.stderr


def test_summary_json_valid():
    rc, out, _ = run("summary", "--input", "28,28,1", "--json", stdin=json.dumps(SEED))
    assert rc == 0
    data = json.loads(out)
    assert set(data) == {"rows", "total_params", "dialect", "input_shape"} and data["total_params"] == 160
    assert data["dialect"] == "keras" and data["input_shape"] == [28, 28, 1]
    assert data["rows"][1] == {"type": "MaxPooling2D", "output_shape": [14, 14, 16], "params": 0,
                               "why": "strides default to pool_size = 2; 'same': ⌈28/2⌉ = 14, pad 0 before and 0 after"}


def test_summary_of_pasted_code_gives_its_notes_and_whether_the_input_was_guessed(tmp_path):
    code = tmp_path / "model.py"
    code.write_text("import torch.nn as nn\nclass M(nn.Module):\n    def __init__(self):\n        super().__init__()\n"
                    "        self.fc = nn.Linear(784, 32)\n        self.spare = nn.Linear(32, 2)\n"
                    "    def forward(self, x):\n        return self.fc(x.view(x.size(0), -1))\n")
    rc, out, _ = run("summary", "--code", str(code), "--json")
    data = json.loads(out)
    assert rc == 0 and data["input_guessed"] is True and data["input_shape"] == [1, 28, 28]
    assert [r["type"] for r in data["rows"]] == ["Flatten", "Linear"] and data["total_params"] == 25120
    assert any("self.spare" in n for n in data["notes"])
    rc, out, _ = run("summary", "--code", str(code), "--json", "--input", "784")
    assert json.loads(out)["input_guessed"] is False
    code.write_text("import torch\nimport torch.nn as nn\nclass M(nn.Module):\n    def forward(self, x):\n"
                    "        return torch.cat([x, x], 1)\nm = M()\n")
    rc, out, _ = run("summary", "--code", str(code), "--json")
    data = json.loads(out)
    assert rc == 2 and data["line"] == 5 and "joins several tensors" in data["error"] and data["rows"] == []


def test_summary_json_invalid_exits_2_with_rows_before():
    stack = SEED + [{"type": "Conv2D", "filters": 1, "kernel_size": 20}]
    rc, out, _ = run("summary", "--input", "28,28,1", "--json", stdin=json.dumps(stack))
    data = json.loads(out)
    assert rc == 2 and set(data) == {"error", "layer_index", "rows", "dialect", "input_shape"}
    assert data["layer_index"] == 2 and len(data["rows"]) == 2 and "⌊(14 − 20)/1⌋ + 1 = -5" in data["error"]


def test_input_shape_from_the_first_layer_and_readable_table():
    rc, out, _ = run("summary", stdin=json.dumps(SEED))
    assert rc == 0 and "Total params: 160" in out and "(14, 14, 16)" in out


def test_code_file():
    rc, out, _ = run("summary", "--code", str(FIXTURES / "seed_code" / "s000_block1.py.txt"), "--json")
    assert rc == 0 and json.loads(out)["total_params"] == 4385


def test_bad_json_and_bad_input_are_clear():
    rc, out, _ = run("summary", "--input", "28,28,1", "--json", stdin="[{")
    assert rc == 2 and json.loads(out)["error"]
    rc, out, _ = run("summary", "--input", "28,x", "--json", stdin="[]")
    assert rc == 2 and "input shape" in json.loads(out)["error"]


def test_train_json_contract(tmp_path):
    p = subprocess.run([sys.executable, "-m", "aecore", "train", "--dataset", "digits", "--preset", "s0-keras-conv",
                        "--epochs", "5", "--batch-size", "128", "--json"], capture_output=True, text=True, cwd=ROOT,
                       timeout=300, env={**os.environ, "AECORE_HOME": str(tmp_path)})
    assert p.returncode == 0, p.stderr
    out = json.loads(p.stdout)
    assert out["device"] in ("cpu", "cuda", "mps") and out["images"] == 1437  # digits' training split
    assert len(out["epoch_s"]) == len(out["train_loss"]) == len(out["test_loss"]) == 5
    assert all(s > 0 for s in out["epoch_s"]) and out["train_loss"][-1] < out["train_loss"][0]
    # 5 epochs × 12 batches of 128 = 60 updates: the model has barely begun, and the doctor says why
    assert out["doctor"]["verdict"] in ("collapsed", "weak") and out["doctor"]["causes"][0] == "few_steps"
    assert out["doctor"]["try"] == {"epochs": 14, "batch_size": 32}


@pytest.fixture
def cli(capsys, monkeypatch, tmp_path):
    """``python -m aecore …`` called in this process: (exit code, stdout). The tests above start the real
    process (its entry point, its exit code, nothing on stdout but JSON); these check what a command does, and
    save the seconds of importing torch again. The process-wide settings a command makes are put back."""
    import torch

    from aecore.cli import main
    from aecore.text import set_lang
    monkeypatch.setenv("AECORE_HOME", str(tmp_path))
    threads = torch.get_num_threads()

    def call(*args):
        code = main(list(args))
        return code, capsys.readouterr().out
    yield call
    torch.set_num_threads(threads)
    set_lang("en")


def test_train_refuses_bad_values_clearly(cli):
    code, out = cli("train", "--dataset", "no-such-set", "--json")
    assert code == 2 and "no-such-set" in json.loads(out)["error"]


def test_bench_train_prints_both_sides(tmp_path):
    p = subprocess.run([sys.executable, "-m", "aecore", "bench", "train", "--epochs", "1", "--max-train", "256",
                        "--repeats", "2", "--json"], capture_output=True, text=True, cwd=ROOT, timeout=300,
                       env={**os.environ, "AECORE_HOME": str(tmp_path)})
    assert p.returncode == 0, p.stderr
    out = json.loads(p.stdout)
    assert out["seeds"] == [0, 1] and out["images"] == 256
    assert out["lessons_images_per_s"] > 0 and out["ours_images_per_s"] > 0 and out["ratio"] > 0
    assert len(out["lessons_final_losses"]) == len(out["ours_final_losses"]) == 2


def test_train_a_lessons_recipe_and_a_family(cli, tmp_path):
    """The CLI trains each family: a lesson page's recipe by name, and --family on any preset."""
    code, out = cli("train", "--lesson", "tied", "--json", "--save")
    assert code == 0 and json.loads(out)["doctor"]["verdict"] == "ok"
    saved = list((tmp_path / "models").iterdir())
    assert len(saved) == 1 and saved[0].suffix == ".zip"  # one model file, as a learner downloads it
    config = read_config(saved[0].read_bytes())[0].to_dict()
    assert config["family"] == "tied" and config["model"] == "s4-stacked"  # the page finds it in the cache
    code, out = cli("train", "--preset", "s2-mlp3", "--family", "vae", "--beta", "2", "--epochs", "2", "--json")
    assert code == 0 and len(json.loads(out)["test_loss"]) == 2
    code, out = cli("train", "--preset", "s0-keras-conv", "--family", "tied", "--json")
    assert code == 2 and "mirror each other" in json.loads(out)["error"]


def test_an_asked_for_sparsity_of_zero_is_zero():
    """--lesson sparse --sparsity 0 is the page's run without a penalty (it was read as 'unset' and became 0.1)."""
    import argparse

    from aecore.cli import train as cli_train
    ap = argparse.ArgumentParser()
    cli_train.add_commands(ap.add_subparsers(dest="command"))

    def config(*argv):
        return cli_train._config(ap.parse_args(["train", *argv]))
    assert config("--lesson", "sparse", "--sparsity", "0").sparsity == 0.0
    assert config("--lesson", "sparse").sparsity == 0.1
    assert config("--lesson", "sparse", "--sparsity", "0.01").sparsity == 0.01
    assert config().sparsity == 0.0 and config("--sparsity", "0.001").sparsity == 0.001


def test_train_takes_one_workers_share_of_the_cpu_unless_told(capsys):
    """A teacher pre-training on the class's server takes one worker's threads, not every core (--threads)."""
    import torch

    from aecore.cli import main
    from aecore.learn.devices import detect
    from aecore.learn.pool import default_workers
    before = torch.get_num_threads()
    try:
        for extra, threads in (([], default_workers(detect().kind)[1]), (["--threads", "2"], 2)):
            assert main(["train", "--epochs", "1", "--max-train", "64", "--json", *extra]) == 0
            assert json.loads(capsys.readouterr().out)["threads"] == threads == torch.get_num_threads()
    finally:
        torch.set_num_threads(before)
