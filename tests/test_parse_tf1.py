"""TensorFlow 1 graph code (lesson 5's source writes its models so): read where the table can be exactly true,
refused otherwise with lesson 5's built-in model named as the way forward.

The oracle for a tf.layers.dense row is TF1's own layer: a kernel of in x out and a bias of out (it is
keras.layers.Dense), worked out here by hand; TensorFlow 1 itself cannot run in this environment.
"""
import ast

import pytest
from conftest import FIXTURES

from aecore.shapes import presets
from aecore.shapes.code.tf1 import uses_tf1
from aecore.shapes.layers import summarize
from aecore.shapes.parse import ParseError, read_code
from aecore.text import t, using

TF1 = FIXTURES / "tf1"
STACKED = t("preset.s4-stacked")


def dense_params(sizes, bias=True):
    return sum(a * b + (b if bias else 0) for a, b in zip(sizes, sizes[1:]))


def read(name):
    return read_code((TF1 / name).read_text())


def refusal(source):
    with pytest.raises(ParseError) as e:
        read_code(source)
    return e.value


# ---- lesson 5's three blocks ------------------------------------------------------------------------------------

def test_the_linear_autoencoder_reads_as_two_dense_layers_without_activation():
    p = read("s004_linear.py.txt")
    assert p.dialect == "keras" and p.input_shape == (3,)
    assert p.stack == [{"type": "Dense", "units": 2}, {"type": "Dense", "units": 3}]
    s = summarize(p.stack, p.input_shape, p.dialect)
    assert [r.params for r in s.rows] == [3 * 2 + 2, 2 * 3 + 3] and s.same_as_input
    assert any(n.startswith("line 8: TensorFlow 1 graph code") for n in p.notes)  # the placeholder's line
    assert not any("several models" in n for n in p.notes)  # codings, projection: tensors on the way, not models


def test_the_stacked_autoencoder_through_partial_is_lesson_5s_model():
    p = read("s004_stacked.py.txt")
    assert p.input_shape == (784,)
    assert p.stack == [{"type": "Dense", "units": 300, "activation": "elu"},
                       {"type": "Dense", "units": 150, "activation": "elu"},
                       {"type": "Dense", "units": 300, "activation": "elu"},
                       {"type": "Dense", "units": 784, "activation": None}]  # activation=None wins over partial's
    s = summarize(p.stack, p.input_shape, p.dialect)
    assert s.ok and s.total_params == dense_params([784, 300, 150, 300, 784]) == 561_934
    assert s.rows[s.bottleneck].output_shape == (150,)
    stack, shape, dialect = presets.make(tf1_preset())
    assert [layer for layer in stack if layer["type"] == "Dense"] == [
        {k: v for k, v in layer.items() if v is not None} for layer in p.stack]  # the same Dense layers
    assert summarize(stack, shape, dialect).total_params == s.total_params


def tf1_preset():
    from aecore.shapes.code.tf1 import PRESET
    return PRESET


def test_the_tied_autoencoder_is_refused_naming_the_tied_model_and_its_page():
    e = refusal((TF1 / "s004_tied.py.txt").read_text())
    assert e.way == ("tied", "s4-stacked") and e.line == 23  # the first tf.transpose of a tf.Variable
    text = str(e)
    assert text.startswith("line 23: this is TensorFlow 1 graph code with tied weights")
    assert "tf.transpose" in text and t("nav.stacked") in text and STACKED in text
    with using("ko"):
        e = refusal((TF1 / "s004_tied.py.txt").read_text())
    assert "묶은 가중치" in str(e) and "적층 오토인코더" in str(e) and str(e).startswith("23번째 줄:")


# ---- what else TF1 code writes ----------------------------------------------------------------------------------

def test_fully_connected_defaults_to_relu_and_arg_scope_gives_its_defaults():
    p = read_code("import tensorflow as tf\nX = tf.placeholder(tf.float32, [None, 784])\n"
                  "h = tf.contrib.layers.fully_connected(X, 64)\n"
                  "out = tf.contrib.layers.fully_connected(h, 784, activation_fn=tf.nn.sigmoid,\n"
                  "                                        biases_initializer=None)\n")
    assert p.stack == [{"type": "Dense", "units": 64, "activation": "relu"},
                       {"type": "Dense", "units": 784, "activation": "sigmoid", "use_bias": False}]
    assert summarize(p.stack, p.input_shape).total_params == 784 * 64 + 64 + 64 * 784
    code = """import tensorflow as tf
from tensorflow.contrib.layers import fully_connected
X = tf.placeholder(tf.float32, shape=[None, 784])
with tf.contrib.framework.arg_scope([fully_connected], activation_fn=tf.nn.elu,
                                    weights_initializer=tf.contrib.layers.variance_scaling_initializer(),
                                    biases_initializer=tf.zeros_initializer()):
    h1 = fully_connected(X, 300)
    h2 = fully_connected(h1, 150)
    out = fully_connected(h2, 784, activation_fn=None)
"""
    p = read_code(code)
    assert [(s["units"], s["activation"], s.get("use_bias", True)) for s in p.stack] == [
        (300, "elu", True), (150, "elu", True), (784, None, True)]


def test_dropout_flatten_convolutions_and_pooling():
    code = """import tensorflow.compat.v1 as tf
tf.disable_v2_behavior()
x = tf.placeholder(tf.float32, [None, 28, 28, 1])
training = tf.placeholder_with_default(False, shape=(), name="training")
h = tf.layers.dropout(x, 0.2, training=training)
h = tf.layers.conv2d(h, 16, 3, padding="same", activation=tf.nn.relu)
h = tf.layers.max_pooling2d(h, 2, 2)
h = tf.layers.conv2d_transpose(h, 1, 3, strides=2, padding="same", activation=tf.nn.sigmoid)
"""
    p = read_code(code)
    assert [s["type"] for s in p.stack] == ["Dropout", "Conv2D", "MaxPooling2D", "Conv2DTranspose"]
    assert p.stack[0] == {"type": "Dropout", "rate": 0.2}
    s = summarize(p.stack, p.input_shape)
    assert [r.output_shape for r in s.rows] == [(28, 28, 1), (28, 28, 16), (14, 14, 16), (28, 28, 1)]
    assert [r.params for r in s.rows] == [0, 3 * 3 * 1 * 16 + 16, 0, 3 * 3 * 16 * 1 + 1]
    p = read_code("from tensorflow.layers import dropout, dense, flatten\nimport tensorflow as tf\n"
                  "x = tf.placeholder(tf.float32, [None, 28, 28])\ny = dense(dropout(flatten(x)), 10)\n")
    assert p.stack == [{"type": "Flatten"}, {"type": "Dropout", "rate": 0.5}, {"type": "Dense", "units": 10}]


def test_variable_scopes_in_functions_and_the_chosen_output():
    code = """import tensorflow as tf
def encoder(x):
    with tf.variable_scope("encoder"):
        h = tf.layers.dense(x, 128, activation=tf.nn.relu)
        return tf.layers.dense(h, 32)
def decoder(z):
    with tf.variable_scope("decoder"):
        return tf.layers.dense(z, 784, activation=tf.nn.sigmoid)
X = tf.placeholder(tf.float32, [None, 784])
z = encoder(X)
recon = decoder(z)
logits = tf.layers.dense(z, 10)
"""
    p = read_code(code)
    assert [s["units"] for s in p.stack] == [128, 32, 784]
    assert any("'recon'" in n and "logits" in n for n in p.notes)  # a branch is named; z is on the way


@pytest.mark.parametrize("code,line,words", [
    ("x = tf.placeholder(tf.float32, [None, 784])\nh = tf.layers.dense(x, 784, name='h')\n"
     "h2 = tf.layers.dense(h, 784, name='h', reuse=True)\n", 3, "reuse=True"),
    ("x = tf.placeholder(tf.float32, [None, 784])\nwith tf.variable_scope('e', reuse=tf.AUTO_REUSE):\n"
     "    h = tf.layers.dense(x, 32)\n", 2, "reuse=True"),
    ("x = tf.placeholder(tf.float32, [None, 28, 28, 1])\nh = tf.layers.max_pooling2d(x, 2)\n", 2, "'strides'"),
    ("X = tf.placeholder(tf.float32, [None, 784])\nX_noisy = X + 0.1 * tf.random_normal(tf.shape(X))\n"
     "h = tf.layers.dense(X_noisy, 300)\nout = tf.layers.dense(h, 784)\n", 2, "random_normal"),
    ("x = tf.placeholder(tf.float32, [None, None])\nh = tf.layers.dense(x, 32)\n", 1, "input's shape"),
    ("sess = tf.Session()\na = tf.constant(3)\n", None, "no tf.layers call here is applied to a tf.placeholder"),
])
def test_what_cannot_be_read_exactly_is_refused_with_lesson_5s_model(code, line, words):
    e = refusal("import tensorflow as tf\n" + code)
    assert e.way == ("s4-stacked",)
    assert str(e).startswith("This is TensorFlow 1 graph code") and words in str(e) and STACKED in str(e)
    if line is not None:
        assert f"line {line + 1}:" in str(e)


def test_a_variational_autoencoder_is_refused_not_read_as_its_encoder():
    """The sampling step (mean + sigma * noise) cannot be read: the decoder after it must not vanish, leaving the
    encoder's branch as 'the model'."""
    code = """import tensorflow as tf
from functools import partial
X = tf.placeholder(tf.float32, [None, 784])
layer = partial(tf.layers.dense, activation=tf.nn.elu)
h1 = layer(X, 500)
mean = layer(h1, 20, activation=None)
gamma = layer(h1, 20, activation=None)
noise = tf.random_normal(tf.shape(gamma), dtype=tf.float32)
codings = mean + tf.exp(0.5 * gamma) * noise
h2 = layer(codings, 500)
logits = layer(h2, 784, activation=None)
"""
    e = refusal(code)
    assert "line 9:" in str(e) and "mixes tensors" in str(e) and e.way == ("s4-stacked",)


def test_hand_made_weights_without_a_tie_are_refused_too():
    code = """import tensorflow as tf
X = tf.placeholder(tf.float32, [None, 784])
W = tf.Variable(tf.random_normal([784, 32]))
b = tf.Variable(tf.zeros([32]))
h = tf.nn.sigmoid(tf.matmul(X, W) + b)
"""
    e = refusal(code)
    assert e.way == ("s4-stacked",) and e.line == 5 and "tf.matmul" in str(e) and STACKED in str(e)


def test_keras_code_with_a_tf1_session_still_reads_as_keras():
    code = """import tensorflow as tf
from keras.models import Sequential
from keras.layers import Dense
sess = tf.Session()
def build():
    m = Sequential()
    m.add(Dense(32, input_shape=(784,)))
    m.add(Dense(784))
    return m
"""
    p = read_code(code)
    assert p.stack == [{"type": "Dense", "units": 32}, {"type": "Dense", "units": 784}] and p.input_shape == (784,)


def test_a_tf1_function_never_called_is_refused_not_asked_for_its_tensor():
    e = refusal("import tensorflow as tf\ndef ae(X):\n    return tf.layers.dense(tf.layers.dense(X, 32), 784)\n")
    assert e.name is None and e.way == ("s4-stacked",) and "no tf.layers call" in str(e)


def test_a_partial_of_a_keras_layer_reads_too():
    code = """from functools import partial
from tensorflow import keras
Conv = partial(keras.layers.Conv2D, kernel_size=3, activation="relu", padding="SAME")
model = keras.models.Sequential([Conv(filters=8, kernel_size=5, input_shape=[28, 28, 1]), Conv(filters=4)])
"""
    p = read_code(code)
    assert [(s["filters"], s["kernel_size"]) for s in p.stack] == [(8, 5), (4, 3)]
    assert summarize(p.stack, p.input_shape).rows[-1].output_shape == (28, 28, 4)


# ---- telling TF1 from the rest ----------------------------------------------------------------------------------

@pytest.mark.parametrize("code", [
    "x = tf.placeholder(tf.float32, [None, 3])", "import tensorflow.compat.v1 as tf",
    "from tensorflow.contrib.layers import fully_connected", "sess = tf.Session()",
    "h = tf.layers.dense(x, 3)", "import tensorflow as T\nopt = T.train.AdamOptimizer(0.01)",
    "with tf.variable_scope('enc'):\n    pass",
])
def test_tf1_is_recognised(code):
    assert uses_tf1(ast.parse(code))


def test_nothing_else_is_taken_for_tf1():
    pastes = sorted((FIXTURES / "corpus").glob("*.py")) + sorted((FIXTURES / "seed_code").glob("*.txt"))
    assert len(pastes) > 40
    for path in pastes:
        assert not uses_tf1(ast.parse(path.read_text())), path.name
    tf2 = "import tensorflow as tf\nx = tf.keras.layers.Dense(3)\nw = tf.Variable(tf.zeros([3]))\ny = tf.matmul(a, w)\n"
    assert not uses_tf1(ast.parse(tf2 + "opt = tf.keras.optimizers.Adam()\n"))
