"""TensorFlow 1 graph code, as lesson 5's source writes it: ``tf.placeholder`` for the input, ``tf.layers.dense``
(or ``tf.contrib.layers.fully_connected``, or a ``functools.partial`` of either) for each layer, a session to
train it.

TensorFlow 1 builds each ``tf.layers`` call with the Keras layer of the same name (``tf.layers.Dense`` is a
``keras.layers.Dense``): the same weights, the same shapes, so the call reads as that layer, exactly. The
placeholder is the input (its first size is the batch); sessions, losses and optimizers are passed over like any
training code. What the table cannot show exactly is refused, naming the built-in model that is the way forward
(lesson 5's stacked model, and for tied weights its tied version on the Stacked & tied page): weights the code
makes itself and multiplies by (``tf.Variable``, ``tf.matmul``; ``tf.transpose`` of one of them ties a decoder
to an encoder), a layer's weights used again (``reuse=True``), and whatever else stops the reader in TF1 code.
"""
from __future__ import annotations

import ast

from aecore.shapes.code.objects import Layer, Named, Opaque, Tensor
from aecore.shapes.code.values import ParseError, fail
from aecore.text import t

PRESET = "s4-stacked"  # lesson 5's stacked model, the one its TensorFlow 1 code builds
TIED = "tied"          # its tied version, on the Stacked & tied page

# Names under ``tf.`` that TensorFlow 2 does not have (``tf.layers``, ``tf.contrib``, sessions, placeholders).
ONLY_TF1 = {"placeholder", "placeholder_with_default", "Session", "InteractiveSession", "layers", "contrib",
            "variable_scope", "get_variable", "global_variables_initializer", "get_collection", "GraphKeys",
            "disable_v2_behavior", "reset_default_graph", "AUTO_REUSE", "random_normal"}

# TF1 layer functions -> (the Keras layer TF1 builds, the names of the arguments after ``inputs``, in TF1's order).
LAYERS = {
    "layers.dense": ("Dense", ("units", "activation", "use_bias")),
    "layers.conv2d": ("Conv2D", ("filters", "kernel_size", "strides", "padding", "data_format", "dilation_rate",
                                 "activation", "use_bias")),
    "layers.conv2d_transpose": ("Conv2DTranspose", ("filters", "kernel_size", "strides", "padding", "data_format",
                                                    "activation", "use_bias")),
    "layers.max_pooling2d": ("MaxPooling2D", ("pool_size", "strides", "padding", "data_format")),
    "layers.average_pooling2d": ("AveragePooling2D", ("pool_size", "strides", "padding", "data_format")),
    "layers.dropout": ("Dropout", ("rate", "noise_shape", "seed", "training")),
    "layers.flatten": ("Flatten", ("name", "data_format")),
    "layers.batch_normalization": ("BatchNormalization", ("axis", "momentum", "epsilon", "center", "scale")),
    "contrib.layers.fully_connected": ("Dense", ("num_outputs", "activation_fn", "normalizer_fn")),
    "contrib.layers.flatten": ("Flatten", ()),
}
# Keywords of TF1's functions that change nothing the table shows (read if they can be, else passed over).
IGNORED = {"training", "fused", "weights_initializer", "weights_regularizer", "biases_regularizer",
           "variables_collections", "outputs_collections", "scope", "normalizer_params", "biases_initializer"}
# Calls that make a model's layer in TF1 code: a failure to read one is an error, never passed over.
BUILDERS = {name.rsplit(".", 1)[1] for name in LAYERS} | {"placeholder"}


def short(path: str) -> str:
    """``tensorflow.compat.v1.layers.dense`` -> ``layers.dense``."""
    for prefix in ("tensorflow.", "tf."):
        if path.startswith(prefix):
            path = path[len(prefix):]
    return path[len("compat.v1."):] if path.startswith("compat.v1.") else path


def _dotted(node) -> str | None:
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    return ".".join([node.id] + parts[::-1])


def uses_tf1(tree: ast.Module) -> bool:
    """Whether the code is TensorFlow 1: it imports ``tensorflow.compat.v1`` or ``tensorflow.contrib``, or calls
    on ``tf`` what only TensorFlow 1 has (``tf.placeholder``, ``tf.layers.dense``, ``tf.Session`` ...)."""
    roots = {"tf"}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                if a.name.startswith(("tensorflow.compat.v1", "tensorflow.contrib")):
                    return True
                if a.name == "tensorflow":
                    roots.add(a.asname or a.name)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                ("tensorflow.compat.v1", "tensorflow.contrib", "tensorflow.layers")):
            return True
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            path = _dotted(node)
            parts = path.split(".") if path else []
            if len(parts) >= 2 and parts[0] in roots and (
                    parts[1] in ONLY_TF1 or parts[1:3] == ["compat", "v1"] or parts[1:3] == ["train", "Saver"]
                    or parts[1] == "train" and len(parts) > 2 and parts[2].endswith("Optimizer")):
                return True
    return False


def builders(tree: ast.Module) -> frozenset:
    """The names whose calls make layers in TF1 code: the layer functions, the paste's ``partial`` of one
    (``dense_layer = partial(tf.layers.dense, ...)``), and its functions that call either."""
    names = set(BUILDERS)
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) and node.value.args and \
                (_dotted(node.value.func) or "").rsplit(".", 1)[-1] == "partial" and \
                (_dotted(node.value.args[0]) or "").rsplit(".", 1)[-1] in names:
            names |= {tg.id for tg in node.targets if isinstance(tg, ast.Name)}
    defs = [s for s in tree.body if isinstance(s, ast.FunctionDef)]
    while True:
        more = {d.name for d in defs if d.name not in names and _mentions(d, names)}
        if not more:
            return frozenset(names)
        names |= more


def _mentions(node, names) -> bool:
    return any((n.attr if isinstance(n, ast.Attribute) else getattr(n, "id", None)) in names for n in ast.walk(node))


# ---- reading ----------------------------------------------------------------------------------------------------

def call(reader, path: str, args: list, kwargs: dict, line: int):
    """A call of a TensorFlow 1 function the reader follows, or ``NotImplemented``."""
    name = short(path)
    for names, given in reader.arg_scopes:  # defaults an enclosing arg_scope gives this function
        if name in names:
            kwargs = {**given, **kwargs}
    if name == "placeholder":
        return _placeholder(reader, args, kwargs, line)
    if name == "placeholder_with_default":  # training = tf.placeholder_with_default(False, ...): not a layer
        return None
    if name in LAYERS:
        return _layer(reader, name, args, kwargs, line)
    return NotImplemented


def _placeholder(reader, args, kwargs, line):
    """``tf.placeholder(tf.float32, shape=[None, 784])``: the model's input, (784,) with the batch left out."""
    shape = args[1] if len(args) > 1 else kwargs.get("shape")
    if not isinstance(shape, tuple) or not shape or not all(
            isinstance(s, int) and not isinstance(s, bool) and s > 0 for s in shape[1:]) or \
            not (shape[0] is None or isinstance(shape[0], int)):
        return Opaque("placeholder", line, fail("parse.input_shape", line))  # an error only if a layer uses it
    reader.inputs += 1
    reader.placeholders[reader.inputs] = line
    return Tensor([], tuple(shape[1:]), reader.inputs, line)


def _layer(reader, name: str, args: list, kwargs: dict, line: int) -> Tensor:
    """``tf.layers.dense(x, 300, activation=tf.nn.elu)``: Keras's ``Dense(300, activation="elu")`` applied to x."""
    keras, order = LAYERS[name]
    args, kwargs = list(args), dict(kwargs)
    x = args.pop(0) if args else kwargs.pop("inputs", None)
    if not isinstance(x, Tensor):
        raise fail("parse.expression", line)
    if len(args) > len(order):
        raise ParseError(t("parse.line", line=line) + t("err.too_many_args", layer="tf." + name, n=len(order) + 1,
                                                        m=len(args) + 1), line)
    for key, value in zip(order, args):
        if key in kwargs:
            raise ParseError(t("parse.line", line=line) + t("err.twice", layer="tf." + name, kw=key), line)
        kwargs[key] = value
    if kwargs.pop("reuse", None):
        raise fail("parse.tf1_reuse", line)
    for key in IGNORED - {"biases_initializer"}:
        kwargs.pop(key, None)
    if name == "contrib.layers.fully_connected":
        if kwargs.pop("normalizer_fn", None) is not None:
            raise fail("parse.unknown_call", line, name="normalizer_fn")
        if "num_outputs" in kwargs:
            kwargs["units"] = kwargs.pop("num_outputs")
        kwargs["activation"] = kwargs.pop("activation_fn", "relu")  # fully_connected's default is ReLU
        if "biases_initializer" in kwargs and kwargs.pop("biases_initializer") is None:
            kwargs["use_bias"] = False
    kwargs.pop("biases_initializer", None)
    if name.endswith("pooling2d") and "strides" not in kwargs:  # TF1 takes no default here: the call fails
        raise ParseError(t("parse.line", line=line) + t("err.missing", layer="tf." + name, kw="strides"), line)
    if keras == "Dropout" and "rate" not in kwargs:
        kwargs["rate"] = 0.5
    layer: Layer = reader.make_layer(Named(keras, "keras"), [], kwargs, line)
    return x.then([layer], line)


# ---- refusing, with the way forward -----------------------------------------------------------------------------

def _way_values() -> dict:
    return {"model": t("preset." + PRESET), "page": t("nav.stacked")}


def hand_made_weights(tree: ast.Module) -> ParseError | None:
    """TF1 code that makes its own weight matrices and multiplies by them (``tf.matmul(x, W) + b``): a refusal,
    naming the tied version when a decoder's matrix is an encoder's transposed (``tf.transpose(W1)``)."""
    variables, matmul, tied = set(), None, None
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) and \
                (_dotted(node.value.func) or "").rsplit(".", 1)[-1] in ("Variable", "get_variable"):
            variables |= {tg.id for tg in node.targets if isinstance(tg, ast.Name)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            fn = (_dotted(node.func) or "").rsplit(".", 1)[-1]
            if fn in ("matmul", "xw_plus_b") and (matmul is None or node.lineno < matmul):
                matmul = node.lineno
            if fn == "transpose" and node.args and isinstance(node.args[0], ast.Name) and \
                    node.args[0].id in variables and (tied is None or node.lineno < tied):
                tied = node.lineno
    if tied is not None:
        return ParseError(t("parse.tf1_tied", line=tied, **_way_values()), tied, way=(TIED, PRESET))
    if matmul is not None:
        return ParseError(t("parse.tf1_weights", line=matmul, **_way_values()), matmul, way=(PRESET,))
    return None


def refused(error: ParseError) -> ParseError:
    """What stopped the reader in TF1 code, said as such, with lesson 5's model as the way forward."""
    if error.way:
        return error
    return ParseError(t("parse.tf1", why=str(error), **_way_values()), error.line, way=(PRESET,))


def scopes_only(stmt: ast.With) -> bool:
    """``with tf.variable_scope("encoder"):`` or ``tf.name_scope(...)``: only names the variables (a refusal when
    it reuses them: ``reuse=True``, ``tf.AUTO_REUSE``)."""
    calls = [item.context_expr for item in stmt.items]
    if not all(isinstance(c, ast.Call) and (_dotted(c.func) or "").rsplit(".", 1)[-1] in
               ("variable_scope", "name_scope") for c in calls):
        return False
    for c in calls:
        for k in c.keywords:
            if k.arg == "reuse" and not (isinstance(k.value, ast.Constant) and not k.value.value):
                raise fail("parse.tf1_reuse", stmt.lineno)
    return True


def arg_scopes(stmt: ast.With) -> bool:
    """``with arg_scope([fully_connected], activation_fn=tf.nn.elu, ...):`` (tf.contrib.framework)."""
    return any(isinstance(item.context_expr, ast.Call) and
               (_dotted(item.context_expr.func) or "").rsplit(".", 1)[-1] == "arg_scope" for item in stmt.items)


def run_arg_scope(reader, stmt: ast.With, env: dict, top: bool) -> None:
    """The body with the scope's keywords as the listed functions' defaults (a call's own keywords win)."""
    pushed = 0
    try:
        for item in stmt.items:
            c = item.context_expr
            if not (isinstance(c, ast.Call) and (_dotted(c.func) or "").rsplit(".", 1)[-1] == "arg_scope"):
                raise fail("parse.statement", stmt.lineno)
            args, kwargs = reader.arguments(c, env, 0)
            funcs = args[0] if args else kwargs.pop("list_ops_or_scope", None)
            funcs = getattr(funcs, "items", funcs)
            if not isinstance(funcs, (tuple, list)):
                raise fail("parse.expression", stmt.lineno)
            names = set()
            for f in funcs:
                path = getattr(f, "path", None)
                if path is None:
                    raise fail("parse.expression", stmt.lineno)
                names.add(short(path))
            reader.arg_scopes.append((names, kwargs))
            pushed += 1
        reader.run(stmt.body, env, top)
    finally:
        del reader.arg_scopes[len(reader.arg_scopes) - pushed:]
