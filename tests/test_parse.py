"""parse.py: the seeds' code reads; nothing is executed; errors carry line numbers."""
import pytest
from conftest import FIXTURES

from aecore.shapes.layers import summarize
from aecore.shapes.parse import ParseError, guess_input_shape, read_code

SEEDS = FIXTURES / "seed_code"


def read(name, **kw):
    return read_code((SEEDS / name).read_text(), **kw)


@pytest.mark.parametrize("name", ["s000_block1.py.txt", "s000_block2.py.txt", "s001_keras.py.txt"])
def test_seed_keras_blocks_read_to_the_puzzle(name):
    p = read(name)
    assert p.dialect == "keras" and p.input_shape == (28, 28, 1) and len(p.stack) == 12
    assert p.stack[0] == {"type": "Conv2D", "filters": 16, "kernel_size": 3, "padding": "same", "activation": "relu"}
    assert p.stack[9] == {"type": "Conv2D", "filters": 16, "kernel_size": 3, "activation": "relu"}
    s = summarize(p.stack, p.input_shape)
    assert s.total_params == 4385 and s.same_as_input


def test_seed_001_classes_with_arguments_and_a_reshape_in_forward():
    p = read("s001_full_model.py.txt")
    assert p.dialect == "pytorch" and len(p.stack) == 25
    assert {"type": "Unflatten", "dim": 1, "unflattened_size": [-1, 4, 4]} in p.stack
    assert p.stack[11] == {"type": "Linear", "in_features": 2048, "out_features": 256}  # 16 * 64 * 2
    assert any("Unflatten(1, (-1, 4, 4))" in n for n in p.notes)
    s = summarize(p.stack, guess_input_shape(p), "pytorch")
    assert s.input_shape == (3, 32, 32) and s.same_as_input and s.total_params == 1_866_243


def test_seed_001_encoder_alone_asks_for_its_sizes_then_reads():
    with pytest.raises(ParseError) as e:
        read("s001_encoder.py.txt")
    assert e.value.line == 7 and "'num_input_channels'" in str(e.value)
    p = read("s001_encoder.py.txt", variables={"num_input_channels": 1, "base_channel_size": 16, "latent_dim": 8})
    assert p.names == {"num_input_channels": 1, "base_channel_size": 16, "latent_dim": 8}
    assert summarize(p.stack, (1, 32, 32), "pytorch").output_shape == (8,)


def test_seed_002_mlp():
    p = read("s002_autoencoder.py.txt")
    assert p.dialect == "pytorch" and guess_input_shape(p) == (784,)
    s = summarize(p.stack, (784,), "pytorch")
    assert s.total_params == 219_891 and s.rows[s.bottleneck].output_shape == (3,)


def test_keras_list_form_with_input_and_positional_arguments():
    code = """
import keras
from keras import layers
model = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    layers.Conv2D(8, (3, 3), strides=2, padding="same", activation="relu"),
    layers.Conv2DTranspose(1, 3, strides=2, padding="same", activation="sigmoid"),
])
"""
    p = read_code(code)
    assert p.input_shape == (28, 28, 1)
    assert p.stack[0] == {"type": "Conv2D", "filters": 8, "kernel_size": [3, 3], "strides": 2, "padding": "same",
                          "activation": "relu"}
    assert summarize(p.stack, p.input_shape).same_as_input


def test_module_constants_and_arithmetic():
    code = "n = 28\nz = 2 ** 3\nm = Sequential()\nm.add(Dense(z * 4, input_shape=(n * n,)))\nm.add(Dense(n*n))\n"
    p = read_code(code)
    assert p.input_shape == (784,) and p.stack[0]["units"] == 32


@pytest.mark.parametrize("code,line,needle", [
    ("m = Sequential()\nm.add(Conv2D(8, 3))\nm.add(Conv3D(8, 3))\n", 3, "this app reads 2-D image models"),
    ("m = Sequential()\nm.add(Conv2D(8, 3, stride=2))\n", 2, "no keyword 'stride'"),
    ("model = nn.Sequential(\n  nn.Linear(784, 32),\n  nn.Linear(32, 784, biass=False))\n", 3, "no keyword 'biass'"),
    ("m = Sequential(\n", 1, "Python cannot read this"),
    ("model = nn.Sequential(nn.Linear(784, k))\n", 1, "'k'"),
    ("model = nn.Sequential(nn.Linear(784, 32), nn.Conv2D(1, 3))\n", 1, "other dialect"),
    ("model = nn.Sequential(nn.Linear(len(open('x').read()), 3))\n", 1, "write it as a number"),
])
def test_errors_name_the_line(code, line, needle):
    with pytest.raises(ParseError) as e:
        read_code(code)
    assert e.value.line == line and needle in str(e.value)


def test_nothing_is_executed(tmp_path):
    target = tmp_path / "pwned"
    code = f"""
import os
os.system("touch {target}")
open({str(target)!r}, "w").write("x")
__import__("os").system("touch {target}")
model = nn.Sequential(nn.Linear(4, 2), nn.Linear(2, 4))
"""
    p = read_code(code)
    assert len(p.stack) == 2 and not target.exists()


def test_notebook_lines_and_tabs_are_tolerated():
    code = "!pip install medmnist\n%matplotlib inline\nmodel = nn.Sequential(\n\tnn.Linear(4, 2),\n\tnn.ReLU())\n"
    assert [s["type"] for s in read_code(code).stack] == ["Linear", "ReLU"]


def test_empty_and_huge_inputs():
    with pytest.raises(ParseError, match="paste some model code"):
        read_code("   ")
    with pytest.raises(ParseError, match="longer than"):
        read_code("x = 1\n" * 50_000)
    with pytest.raises(ParseError, match="no model found"):
        read_code("print('hello')")
