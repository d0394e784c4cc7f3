"""The code reader on each construct real tutorial code uses (issue 10), the never-silently-wrong rule, the
limits that protect the server, and a mutation fuzz: whatever is pasted, the reader answers with a table or a
ParseError that says why, never a crash."""
import math
import random

import pytest
from conftest import no_hang, peak_memory
from corpus_run import files

from aecore.shapes.code import choose, values
from aecore.shapes.layers import summarize
from aecore.shapes.parse import ParseError, guess_input_shape, read_code

TORCH = "import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n"
KERAS = "from tensorflow import keras\nfrom tensorflow.keras import layers\n"


def rows(src, shape=None):
    p = read_code(src)
    s = summarize(p.stack, shape or guess_input_shape(p), p.dialect)
    assert s.ok, s.error
    return [(r.type, r.output_shape) for r in s.rows], p, s


def refused(src, *words):
    with pytest.raises(ParseError) as e:
        read_code(src)
    for w in words:
        assert w in str(e.value), str(e.value)
    return e.value


def torch_model(init, forward, extra=""):
    body = "\n".join("        " + line for line in init.strip().splitlines())
    fwd = "\n".join("        " + line for line in forward.strip().splitlines())
    return (TORCH + extra + "class M(nn.Module):\n    def __init__(self):\n        super().__init__()\n" + body +
            "\n    def forward(self, x):\n" + fwd + "\nmodel = M()\n")


# ---- what real code does ------------------------------------------------------------------------------

def test_constants_that_refer_to_constants():
    r, p, _ = rows(KERAS + "img_width, img_height = 28, 28\nc = 1\ninput_shape = (img_width, img_height, c)\n"
                   "model = keras.Sequential()\nmodel.add(layers.Conv2D(4, 3, input_shape=input_shape))\n")
    assert p.input_shape == (28, 28, 1) and r == [("Conv2D", (26, 26, 4))]


def test_a_later_input_shape_is_ignored_as_keras_ignores_it_and_said():
    r, p, _ = rows(KERAS + "model = keras.Sequential([layers.Dense(8, input_shape=(20,)),\n"
                   "    layers.Dense(4, input_shape=(999,))])\n")
    assert p.input_shape == (20,) and r == [("Dense", (8,)), ("Dense", (4,))]
    assert any("input_shape= on a layer that is not the first" in n for n in p.notes)


@pytest.mark.parametrize("forward, kinds", [
    ("x = torch.relu(self.conv1(x))\nreturn x", ["Conv2d", "ReLU"]),
    ("return F.max_pool2d(F.relu(self.bn(self.conv1(x))), 2)", ["Conv2d", "BatchNorm2d", "ReLU", "MaxPool2d"]),
    ("x = self.pool(F.relu(self.conv1(x)))\nreturn self.fc(x.flatten(1)).view(-1, 1, 4, 4)",
     ["Conv2d", "ReLU", "MaxPool2d", "Flatten", "Linear", "Unflatten"]),
])
def test_every_module_call_in_a_nested_chain_is_a_row(forward, kinds):
    init = ("self.conv1 = nn.Conv2d(1, 4, 3, padding=1)\nself.bn = nn.BatchNorm2d(4)\nself.pool = nn.MaxPool2d(2)\n"
            "self.fc = nn.Linear(4 * 14 * 14, 16)")
    r, _, _ = rows(torch_model(init, forward), (1, 28, 28))
    assert [k for k, _ in r] == kinds


def test_decoder_of_encoder_of_a_view():
    r, _, s = rows(torch_model("self.encoder = nn.Sequential(nn.Linear(784, 32), nn.ReLU())\n"
                               "self.decoder = nn.Sequential(nn.Linear(32, 784), nn.Sigmoid())",
                               "return self.decoder(self.encoder(x.view(-1, 784)))"), (1, 28, 28))
    assert [k for k, _ in r] == ["Flatten", "Linear", "ReLU", "Linear", "Sigmoid"] and s.output_shape == (784,)


@pytest.mark.parametrize("written, canonical, shape", [
    ("layers.MaxPool2D(2)", "MaxPooling2D", (4, 4, 3)), ("layers.AvgPool2D(2)", "AveragePooling2D", (4, 4, 3)),
    ("layers.GlobalAvgPool2D()", "GlobalAveragePooling2D", (3,)),
    ("layers.GlobalAveragePooling2D()", "GlobalAveragePooling2D", (3,)),
    ("layers.GlobalMaxPool2D()", "GlobalMaxPooling2D", (3,)), ("layers.GlobalMaxPooling2D()", "GlobalMaxPooling2D", (3,)),
    ("layers.Convolution2D(5, 3)", "Conv2D", (6, 6, 5)), ("layers.Deconvolution2D(5, 3)", "Conv2DTranspose", (10, 10, 5)),
    ("layers.Conv2DTranspose(5, 3)", "Conv2DTranspose", (10, 10, 5)), ("layers.LeakyReLU(0.2)", "LeakyReLU", (8, 8, 3)),
    ("layers.ReLU()", "ReLU", (8, 8, 3)), ("layers.Softmax()", "Softmax", (8, 8, 3)),
    ("layers.SpatialDropout2D(0.1)", "SpatialDropout2D", (8, 8, 3)), ("layers.GaussianNoise(0.1)", "GaussianNoise", (8, 8, 3)),
    ("layers.Rescaling(1 / 255)", "Rescaling", (8, 8, 3)),
    ("layers.Normalization(mean=0.5, variance=0.25)", "Normalization", (8, 8, 3)),
])
def test_keras_aliases_and_spellings(written, canonical, shape):
    r, _, _ = rows(KERAS + f"model = keras.Sequential([keras.Input((8, 8, 3)), {written}])\n")
    assert r == [(canonical, shape)]


def test_input_layer_and_normalization_weights():
    r, p, s = rows(KERAS + "model = keras.Sequential([layers.InputLayer(input_shape=(8, 8, 3)), "
                   "layers.Normalization()])\n")
    assert p.input_shape == (8, 8, 3) and s.rows[0].params == 7 and s.rows[0].trainable == 0


def test_lambda_is_refused_clearly():
    e = refused(KERAS + "inp = keras.Input((4,))\nx = layers.Lambda(lambda t: t * 2)(inp)\n", "Lambda")
    assert e.line == 4


def test_sequentials_of_sequentials_in_both_dialects():
    k, _, _ = rows(KERAS + "enc = keras.Sequential([keras.Input((784,)), layers.Dense(32)])\n"
                   "dec = keras.Sequential([layers.Dense(784)])\nae = keras.Sequential([enc, dec])\n")
    t, _, _ = rows(TORCH + "enc = nn.Sequential(nn.Linear(784, 32), nn.ReLU())\ndec = nn.Sequential(nn.Linear(32, 784))\n"
                   "ae = nn.Sequential(enc, dec)\n", (784,))
    assert [x for x, _ in k] == ["Dense", "Dense"] and [x for x, _ in t] == ["Linear", "ReLU", "Linear"]


def test_models_assembled_from_attributes_and_ordered_dicts():
    src = (KERAS + "class AE(keras.Model):\n    def __init__(self):\n        super().__init__()\n"
           "        self.encoder = keras.Sequential()\n        self.encoder.add(layers.Dense(16))\n"
           "        self.decoder = keras.Sequential()\n        self.decoder.add(layers.Dense(64))\n"
           "    def call(self, x):\n        return self.decoder(self.encoder(x))\n")
    r, _, _ = rows(src, (64,))
    assert r == [("Dense", (16,)), ("Dense", (64,))]
    r, _, _ = rows(TORCH + "from collections import OrderedDict\n"
                   "model = nn.Sequential(OrderedDict([('fc', nn.Linear(10, 4)), ('act', nn.ReLU())]))\n", (10,))
    assert r == [("Linear", (4,)), ("ReLU", (4,))]


def test_keywords_that_are_calls_are_ignored_with_a_note():
    r, p, _ = rows(KERAS + "from tensorflow.keras import regularizers\nimport tensorflow as tf\n"
                   "model = keras.Sequential([keras.Input((8,)), layers.Dense(4, kernel_initializer="
                   "tf.keras.initializers.HeNormal(), kernel_regularizer=regularizers.l2(1e-4))])\n")
    assert r == [("Dense", (4,))]
    assert any("kernel_initializer=" in n for n in p.notes) and any("kernel_regularizer=" in n for n in p.notes)


@pytest.mark.parametrize("forward", [
    "for i in range(3):\n    x = self.layers[i](x)\nreturn x",
    "for layer in self.layers:\n    x = layer(x)\nreturn x",
    "for i, layer in enumerate(self.layers):\n    x = F.relu(layer(x))\nreturn x",
])
def test_modulelist_loops(forward):
    r, _, _ = rows(torch_model("self.layers = nn.ModuleList([nn.Linear(8, 8) for _ in range(3)])", forward), (8,))
    assert [k for k, _ in r if k == "Linear"] == ["Linear"] * 3


@pytest.mark.parametrize("flatten", ["torch.flatten(x, 1)", "x.flatten(1)", "x.view(x.size(0), -1)",
                                     "x.reshape(x.shape[0], -1)", "x.view(-1, 4 * 7 * 7)"])
def test_the_ways_to_flatten(flatten):
    r, _, _ = rows(torch_model("self.c = nn.Conv2d(1, 4, 3, padding=1)\nself.fc = nn.Linear(4 * 7 * 7, 10)",
                               f"x = F.max_pool2d(self.c(x), 4)\nx = {flatten}\nreturn self.fc(x)"), (1, 28, 28))
    assert r[-2:] == [("Flatten", (196,)), ("Linear", (10,))]


@pytest.mark.parametrize("src", [
    TORCH + "model = nn.Sequential(nn.Conv1d(1, 4, 3), nn.ReLU())\n",
    TORCH + "model = nn.Sequential(nn.MaxPool1d(2))\n",
    KERAS + "model = keras.Sequential([keras.Input((100, 3)), layers.Conv1D(8, 3)])\n",
    KERAS + "model = keras.Sequential([layers.LSTM(8)])\n",
])
def test_one_dimensional_models_are_refused_by_name(src):
    refused(src, "2-D image models")


def test_a_dense_on_a_sequence_reads_as_keras_reads_it():
    r, _, _ = rows(KERAS + "model = keras.Sequential([keras.Input((100, 3)), layers.Dense(8)])\n")
    assert r == [("Dense", (100, 8))]  # Dense acts on the last axis, as in Keras


def test_shapes_read_back_are_worked_out_when_the_input_is_known():
    r, p, _ = rows(KERAS + "from tensorflow.keras import backend as K\ninp = keras.Input((28, 28, 1))\n"
                   "x = layers.Conv2D(8, 3, strides=2, padding='same')(inp)\nv = K.int_shape(x)\n"
                   "x = layers.Flatten()(x)\nx = layers.Dense(v[1] * v[2] * v[3])(x)\n"
                   "x = layers.Reshape((v[1], v[2], v[3]))(x)\nmodel = keras.Model(inp, x)\n")
    assert r[-1] == ("Reshape", (14, 14, 8)) and any("(14, 14, 8)" in n for n in p.notes)


def test_inputs_the_paste_gives_its_model():
    _, p, _ = rows(torch_model("self.c = nn.Conv2d(3, 4, 3)", "return self.c(x)") + "x = torch.randn(2, 3, 50, 40)\n"
                   "print(model(x).shape)\n")
    assert p.input_shape == (3, 50, 40)
    _, p, _ = rows(TORCH + "from torchsummary import summary\nmodel = nn.Sequential(nn.Conv2d(3, 4, 3))\n"
                   "summary(model, (3, 20, 20))\n")
    assert p.input_shape == (3, 20, 20)
    _, p, _ = rows(TORCH + "from torchinfo import summary\nmodel = nn.Sequential(nn.Conv2d(3, 4, 3))\n"
                   "summary(model, input_size=(16, 3, 24, 24))\n")
    assert p.input_shape == (3, 24, 24)


def test_a_numpy_integer_where_keras_3_wants_an_int_fails_at_that_row():
    p = read_code(KERAS + "import numpy as np\nmodel = keras.Sequential([keras.Input((4, 4, 2)), layers.Flatten(),\n"
                  "    layers.Dense(np.prod((4, 4, 2))), layers.Dense(int(np.prod((2, 2))))])\n")
    s = summarize(p.stack, p.input_shape, p.dialect)
    assert not s.ok and s.error_index == 1 and "int(" in s.error
    p.stack[1]["units"] = 32
    assert summarize(p.stack, p.input_shape, p.dialect).ok


# ---- never silently wrong -------------------------------------------------------------------------------

@pytest.mark.parametrize("forward, words", [
    ("x = self.helper(x)\nreturn x", "helper"),
    ("x = my_block(x)\nreturn self.fc(x)", "my_block"),
    ("x = x.permute(0, 2, 1)\nreturn self.fc(x)", "permute"),
    ("x = torch.exp(self.fc(x))\nreturn x", "exp"),
    ("x = self.fc(x) + x\nreturn x", "adds, multiplies or mixes"),
    ("x = torch.cat([self.fc(x), x], 1)\nreturn x", "joins"),
    ("x = self.fc(x)[:, :4]\nreturn x", "part of a tensor"),
    ("if self.training:\n    x = self.fc(x)\nreturn x", "which way this if goes"),
])
def test_a_forward_the_reader_cannot_follow_is_refused_never_shortened(forward, words):
    e = refused(torch_model("self.fc = nn.Linear(8, 8)", forward), words)
    assert e.line is not None


def test_layers_forward_never_uses_are_named():
    _, p, s = rows(torch_model("self.fc = nn.Linear(8, 8)\nself.spare = nn.Linear(8, 100)", "return self.fc(x)"), (8,))
    assert s.total_params == 72 and any("self.spare" in n for n in p.notes)


def test_a_model_without_forward_is_refused_not_guessed():
    refused(TORCH + "class M(nn.Module):\n    def __init__(self):\n        super().__init__()\n"
            "        self.a = nn.Linear(4, 4)\nmodel = M()\n", "no forward()")


def test_a_fixed_batch_in_a_reshape_is_said():
    r, p, _ = rows(torch_model("self.fc = nn.Linear(784, 10)", "return self.fc(x.reshape(32, 784))"), (1, 28, 28))
    assert r[-1] == ("Linear", (10,)) and any("exactly 32" in n for n in p.notes)


def test_a_reshape_that_flattens_the_batch_is_refused():
    refused(torch_model("self.fc = nn.Linear(784, 10)", "return self.fc(x.view(-1))"), "reshape")


def test_a_layer_shared_twice_is_refused():
    refused(torch_model("self.fc = nn.Linear(8, 8)", "return self.fc(self.fc(x))"), "twice")


def test_an_inner_model_with_its_own_input_must_get_it():
    src = (KERAS + "enc = keras.Sequential([keras.Input((8,)), layers.Dense(6)])\n"
           "dec = keras.Sequential([keras.Input((4,)), layers.Dense(8)])\n"
           "inp = keras.Input((8,))\nae = keras.Model(inp, dec(enc(inp)))\n")
    refused(src, "declares its own input", "(4,)", "(6,)")


def test_which_of_several_models_was_read_is_said():
    _, p, _ = rows(KERAS + "inp = keras.Input((784,))\ncode = layers.Dense(32)(inp)\nout = layers.Dense(784)(code)\n"
                   "encoder = keras.Model(inp, code)\nautoencoder = keras.Model(inp, out)\n")
    assert any("'autoencoder'" in n and "encoder" in n for n in p.notes)


def test_a_decoder_built_from_the_autoencoders_last_layer_reads():
    r, _, _ = rows(KERAS + "inp = keras.Input((784,))\ncode = layers.Dense(32)(inp)\nout = layers.Dense(784)(code)\n"
                   "ae = keras.Model(inp, out)\nz = keras.Input((32,))\ndecoder = keras.Model(z, ae.layers[-1](z))\n")
    assert r == [("Dense", (32,)), ("Dense", (784,))]


# ---- limits that protect the server -----------------------------------------------------------------------

@pytest.mark.parametrize("src, words", [
    ("x = 1\n" * 200_000, "longer than"),
    ("a = (0,) * 10**9\nmodel = keras.Sequential([layers.Dense(a[0])])\n", "too large"),
    ("a = 'a' * 10**9\n", None),
    ("a = [0] * 10**9\nmodel = keras.Sequential([layers.Dense(len(a))])\n", "too large"),
    ("n = " + "-" * 2500 + "1\nmodel = keras.Sequential([layers.Dense(n)])\n", None),
    ("n = " + "+".join(["1"] * 5000) + "\nmodel = keras.Sequential([layers.Dense(n)])\n", None),
    ("model = keras.Sequential([layers.Dense(8 ** 8 ** 8)])\n", "too large"),
    ("model = keras.Sequential()\nfor i in range(10**9):\n    model.add(layers.Dense(1))\n", "too large"),
    ("model = keras.Sequential()\nfor i in range(5000):\n    model.add(layers.Dense(1))\n", "1000"),
    ("m = [[i for i in range(10000)] for j in range(10000)]\nmodel = keras.Sequential([layers.Dense(len(m))])\n",
     None),
    ("def f(n):\n    return f(n)\nmodel = keras.Sequential([layers.Dense(f(1))])\n", None),
], ids=["200k lines", "tuple times a billion", "string times a billion", "list times a billion", "2,500 minus signs",
        "5,000-term sum", "8**8**8", "a billion-step loop", "5,000 layers", "10,000 x 10,000 comprehension",
        "endless recursion"])
def test_hostile_pastes_are_stopped_by_limits_on_work_and_size(src, words, monkeypatch):
    """Each is stopped by a count (steps, nodes, items, characters), not by the reader's clock: its 2-second
    deadline is switched off here, so the answer is the same on any machine; and nothing large is built."""
    monkeypatch.setattr(values.Budget.__init__, "__defaults__", (values.MAX_STEPS, math.inf))
    with no_hang(), peak_memory() as mb:
        with pytest.raises(ParseError) as e:
            read_code(KERAS + src)
    assert str(e.value) and (words is None or words in str(e.value)), str(e.value)
    assert mb() < 64, f"{mb():.0f} MB"  # measured: at most 19 MB (the comprehension, stopped at its item limit)


def test_a_megabyte_paste_is_refused_before_it_is_read(monkeypatch):
    def never(*a, **k):
        raise AssertionError("a paste over the size limit was parsed")
    monkeypatch.setattr(choose.ast, "parse", never)
    refused("# " + "x" * 1_000_000, "longer than")


def test_a_dense_of_a_trillion_units_gets_a_message_not_a_hang():
    p = read_code(KERAS + "model = keras.Sequential([keras.Input((8,)), layers.Dense(10**12)])\n")
    with no_hang(), peak_memory() as mb:
        s = summarize(p.stack, p.input_shape, p.dialect)
    assert mb() < 5 and (not s.ok or s.rows[0].warning)  # shapes and counts only: no weights are made


def test_a_huge_input_shape_is_refused():
    from aecore.shapes.layers import LayerError, parse_shape
    with no_hang(), peak_memory() as mb:
        with pytest.raises(LayerError):
            parse_shape(",".join(["1"] * 450_000))
    assert mb() < 64, f"{mb():.0f} MB"


# ---- no crash, whatever is pasted --------------------------------------------------------------------------

def mutations(text: str, seed: int, n: int = 12):
    lines = text.splitlines()
    rng = random.Random(seed)
    for _ in range(n):
        kind, i = rng.randrange(4), rng.randrange(len(lines))
        if kind == 0:
            yield "\n".join(lines[:i] + lines[i + 1:])          # a line left out
        elif kind == 1:
            yield "\n".join(lines[:i])                           # pasted only in part
        elif kind == 2:
            j = rng.randrange(len(lines))
            yield "\n".join(lines[:i] + [lines[j]] + lines[i:])  # a line pasted twice
        else:
            cut = rng.randrange(len(lines[i]) + 1)
            yield "\n".join(lines[:i] + [lines[i][:cut]] + lines[i + 1:])


@pytest.mark.parametrize("path", files(), ids=lambda p: p.name)
def test_broken_pastes_give_a_table_or_a_parse_error_never_a_crash(path):
    for i, text in enumerate(mutations(path.read_text(), hash(path.name) % 1000)):
        try:
            p = read_code(text)
        except ParseError as e:
            assert str(e)
            continue
        summarize(p.stack, guess_input_shape(p), p.dialect)  # and the table never crashes either
