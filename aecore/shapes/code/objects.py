"""What the code reader builds while it follows pasted code: symbolic layers, tensors and models.

Nothing here runs a network. A ``Layer`` is a layer dict (the stack language's), a ``Seq`` an ordered
container (Keras Sequential, nn.Sequential, ModuleList, a Python list of layers), a ``Tensor`` the chain of
layers applied so far to an input (Keras's functional API, PyTorch's forward), a ``Model`` a finished
functional model, an ``Instance`` an object of a class defined in the pasted code.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass, field

from aecore.shapes import keras_rules, torch_rules
from aecore.shapes.code.values import FUNCTIONS, fail

MAX_SOURCE = 200_000   # characters: a pasted model, not a library
MAX_NODES = 60_000     # syntax-tree nodes
MAX_CALL_DEPTH = 24    # functions and classes calling each other
MAX_LAYERS = 1000      # layers one read may make (loops included)
CONTAINERS = {"Sequential", "ModuleList", "OrderedDict"}
# Calls on a model that change nothing about its layers (training it, printing it, moving it).
NO_OPS = {"print", "compile", "summary", "fit", "evaluate", "predict", "load_weights", "save", "save_weights",
          "plot_model", "build", "to", "cuda", "cpu", "double", "float", "half", "train", "eval", "apply",
          "register_buffer", "init_weights", "_init_weights", "zero_grad", "setLevel", "info", "warn", "debug"}
IGNORED_CALLS = NO_OPS - {"build"} | {"contiguous", "detach", "clone"}  # their arguments are not read
SAME = {"to", "cuda", "cpu", "double", "float", "half", "train", "eval", "contiguous", "detach", "clone"}
# Names a notebook cell uses without its import lines, and the modules they usually are.
WELL_KNOWN = {"nn": "torch.nn", "F": "torch.nn.functional", "torch": "torch", "tf": "tensorflow", "keras": "keras",
              "layers": "keras.layers", "models": "keras.models", "np": "numpy", "math": "math",
              "K": "keras.backend", "Variable": "torch.autograd", "partial": "functools.partial"}
# Functions on a tensor that stand for a layer (F.max_pool2d(x, 2), torch.flatten(x, 1), tf.reshape(x, ...)).
TENSOR_FUNCS = {"max_pool2d", "avg_pool2d", "interpolate", "dropout", "flatten", "reshape", "upsample", "pad",
                "adaptive_avg_pool2d"}
SAMPLE_MAKERS = {"randn", "rand", "zeros", "ones", "empty"}  # torch.randn(64, 1, 28, 28): an example input
SHAPE_READS = {"int_shape", "get_shape", "shape"}  # K.int_shape(x), tf.shape(x): a shape read back


def callable_name(name: str) -> bool:
    """Whether ``module.name`` is something the reader calls by name (a class, an activation, a tensor function,
    a join, a shape read, a sample maker, a pure function) rather than a deeper module path."""
    return name[:1].isupper() or name in FUNCTIONAL or name in FUNCTIONS or name in TENSOR_FUNCS or \
        name in MERGES or name in SHAPE_READS or name in SAMPLE_MAKERS


# Other spellings of the same Keras and PyTorch classes (Keras reports the canonical name).
KERAS_ALIASES = {"MaxPool2D": "MaxPooling2D", "AvgPool2D": "AveragePooling2D", "GlobalAvgPool2D":
                 "GlobalAveragePooling2D", "GlobalMaxPool2D": "GlobalMaxPooling2D", "Convolution2D": "Conv2D",
                 "Deconvolution2D": "Conv2DTranspose", "Convolution2DTranspose": "Conv2DTranspose"}
TORCH_ALIASES = {"UpsamplingNearest2d": ("Upsample", {"mode": "nearest"}),
                 "UpsamplingBilinear2d": ("Upsample", {"mode": "bilinear", "align_corners": True})}
# Layers the app does not read, and why (refused with a clear message, never guessed at).
ONE_D = {"Conv1D", "Conv1d", "MaxPooling1D", "MaxPool1d", "MaxPool1D", "AveragePooling1D", "AvgPool1d",
         "Conv1DTranspose", "ConvTranspose1d", "UpSampling1D", "GlobalAveragePooling1D", "GlobalMaxPooling1D",
         "LSTM", "GRU", "SimpleRNN", "RNN", "Embedding", "Bidirectional", "TimeDistributed", "RepeatVector",
         "Conv3D", "Conv3d", "MaxPooling3D", "MaxPool3d", "UpSampling3D", "ConvTranspose3d", "Conv3DTranspose",
         "BatchNorm3d", "Cropping1D", "ZeroPadding1D"}
MERGES = {"Concatenate", "Add", "Subtract", "Multiply", "Average", "Maximum", "Minimum", "Dot", "concatenate",
          "add", "subtract", "multiply", "average", "maximum", "minimum", "cat", "stack", "concat"}
IGNORED_KEYWORDS = {"kernel_initializer", "bias_initializer", "kernel_regularizer", "bias_regularizer",
                    "activity_regularizer", "kernel_constraint", "bias_constraint", "beta_initializer",
                    "gamma_initializer", "moving_mean_initializer", "moving_variance_initializer",
                    "beta_regularizer", "gamma_regularizer", "beta_constraint", "gamma_constraint", "name",
                    "dtype", "device"}
# Activations written as calls inside a forward() or call(): the layer each one stands for.
FUNCTIONAL = {"relu": "ReLU", "sigmoid": "Sigmoid", "tanh": "Tanh", "gelu": "GELU", "elu": "ELU",
              "leaky_relu": "LeakyReLU", "silu": "SiLU", "softmax": "Softmax", "selu": "SELU", "relu6": "ReLU6",
              "softplus": "Softplus", "mish": "Mish", "hardswish": "Hardswish", "hardsigmoid": "Hardsigmoid",
              "swish": "SiLU"}
SHAPE_KEEPING = {"ReLU", "ReLU6", "GELU", "ELU", "SELU", "CELU", "LeakyReLU", "Sigmoid", "Tanh", "SiLU", "Softplus",
                 "Mish", "Hardsigmoid", "Hardswish", "Softmax", "Identity", "Dropout", "Dropout2d", "BatchNorm1d",
                 "BatchNorm2d", "Activation", "BatchNormalization", "GaussianNoise", "GaussianDropout",
                 "SpatialDropout2D", "Rescaling", "ActivityRegularization", "Normalization"}

# Layers without weights: the same one may be applied twice (MaxPool, ReLU ...), as PyTorch code often does.
PARAM_FREE = SHAPE_KEEPING - {"BatchNorm1d", "BatchNorm2d", "BatchNormalization", "Normalization"} | {
    "MaxPool2d", "AvgPool2d", "MaxPooling2D", "AveragePooling2D", "UpSampling2D", "Upsample", "Flatten", "Unflatten",
    "Reshape", "ZeroPad2d", "ConstantPad2d", "ZeroPadding2D", "Cropping2D", "GlobalAveragePooling2D",
    "GlobalMaxPooling2D"}


def layer_rule(name: str, dialect: str | None):
    """(dialect, canonical name, rule) for a layer class name, or (None, None, None)."""
    keras_name = KERAS_ALIASES.get(name, name)
    torch_name = TORCH_ALIASES.get(name, (name, {}))[0]
    in_keras, in_torch = keras_name in keras_rules.RULES, torch_name in torch_rules.RULES
    if in_keras and (dialect == "keras" or not in_torch):
        return "keras", keras_name, keras_rules.RULES[keras_name]
    if in_torch and (dialect == "pytorch" or not in_keras):
        return "pytorch", torch_name, torch_rules.RULES[torch_name]
    if in_keras and in_torch:  # Flatten, Dropout, ReLU...: the dialect decides; unknown yet -> Keras
        return ("pytorch", torch_name, torch_rules.RULES[torch_name]) if dialect == "pytorch" else \
            ("keras", keras_name, keras_rules.RULES[keras_name])
    return None, None, None


@dataclass
class Module:
    """An imported module or a path in one (``nn``, ``tf.keras.layers``): where a name comes from."""
    path: str

    @property
    def dialect(self) -> str | None:
        if "torch" in self.path or self.path in ("nn", "F"):
            return "pytorch"
        if "keras" in self.path or "tensorflow" in self.path or self.path in ("tf", "layers", "K"):
            return "keras"
        return None


@dataclass
class Named:
    """A class or function reached through a module: ``nn.Conv2d``, ``layers.Dense``, ``F.relu``."""
    name: str
    dialect: str | None = None
    path: str = ""


@dataclass
class Layer:
    spec: dict
    dialect: str
    line: int
    input_shape: tuple | None = None  # a Keras layer's own input_shape=, honoured on the model's first layer


@dataclass
class Seq:
    items: list = field(default_factory=list)
    kind: str = "sequential"  # sequential | modulelist | list
    line: int = 0
    input_shape: tuple | None = None  # an Input / InputLayer at its start

    def layers(self) -> list[Layer]:
        out = []
        for item in self.items:
            if isinstance(item, Layer):
                out.append(item)
            elif isinstance(item, (Seq, Model)):
                out += item.layers()
        return out


@dataclass
class Tensor:
    specs: list = field(default_factory=list)
    input_shape: tuple | None = None
    origin: int = 0  # which input it comes from (a Keras Input, or a forward's argument)
    line: int = 0
    nested: bool = False  # a whole model was applied on the way (so Keras's model.layers is not the chain)

    def then(self, layers: list, line: int, nested: bool = False) -> "Tensor":
        return Tensor(self.specs + list(layers), self.input_shape, self.origin, line, self.nested or nested)


@dataclass
class Model:
    """A Keras functional model: the chain of layers from its input to its output."""
    chain: list = field(default_factory=list)  # [Layer]
    input_shape: tuple | None = None
    line: int = 0
    nested: bool = False

    def layers(self) -> list[Layer]:
        return list(self.chain)


@dataclass
class Instance:
    cls: object          # the ast.ClassDef
    attrs: dict = field(default_factory=dict)
    line: int = 0


@dataclass
class Function:
    node: object         # the ast.FunctionDef
    bound: object = None  # the Instance a method belongs to


@dataclass
class Partial:
    """``functools.partial(f, *args, **kwargs)``: ``f`` with those arguments given first."""
    func: object
    args: tuple = ()
    kwargs: dict = field(default_factory=dict)


@dataclass
class Opaque:
    """Something the reader did not follow; harmless until the model uses it, and then its ``error`` (what
    stopped the reader there: a name the code never set, a call it cannot follow) is raised after all."""
    what: str
    line: int
    error: Exception | None = None


@dataclass
class Parsed:
    """What ``read_code`` gives: the model's layers as a stack, its input shape when the code says one, the
    values taken for names the code never sets, and notes on everything the reader did beyond copying."""
    dialect: str
    stack: list[dict]
    input_shape: tuple | None = None
    names: dict = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def builds_model(node, makers: frozenset = frozenset()) -> bool:
    """Whether some code involves layers or models (then a failure to read it matters): a layer, a container,
    a model, or a call to one of ``makers`` (the paste's own functions and classes that build one)."""
    for n in ast.walk(node):
        name = n.attr if isinstance(n, ast.Attribute) else n.id if isinstance(n, ast.Name) else None
        if name in keras_rules.RULES or name in torch_rules.RULES or name in CONTAINERS or name in ONE_D or \
                name in ("Model", "Input", "Lambda") or name in MERGES or name in makers:
            return True
    return False


def model_makers(tree: ast.Module) -> frozenset:
    """The names of the paste's top-level functions and classes that build layers or models (or call one)."""
    defs = {s.name: s for s in tree.body if isinstance(s, (ast.FunctionDef, ast.ClassDef))}
    makers: set = set()
    while True:
        more = {name for name, d in defs.items() if name not in makers and builds_model(d, frozenset(makers))}
        if not more:
            return frozenset(makers)
        makers |= more


def method(cls: ast.ClassDef, name: str):
    return next((f for f in cls.body if isinstance(f, ast.FunctionDef) and f.name == name), None)


def forward_of(cls: ast.ClassDef):
    """The method that runs a model object (forward, call, or __call__), taking one input; else a ParseError."""
    fwd = method(cls, "forward") or method(cls, "call") or method(cls, "__call__")
    if fwd is None:  # the order its layers run in is written nowhere: no guessing
        raise fail("parse.no_forward", cls.lineno, name=cls.name)
    args = fwd.args
    required = len(args.posonlyargs + args.args) - 1 - len(args.defaults)  # self left out
    if required > 1 or any(d is None for d in args.kw_defaults):
        raise fail("parse.many_inputs", fwd.lineno, name=cls.name)
    return fwd


def is_custom_layer(cls: ast.ClassDef) -> bool:
    """class Sampling(layers.Layer): a layer of the pasted code's own, whose shapes the reader cannot know."""
    bases = {b.attr if isinstance(b, ast.Attribute) else getattr(b, "id", "") for b in cls.bases}
    return bool(bases & {"Layer"}) and not method(cls, "forward")


def listify(v):
    return [listify(x) for x in v] if isinstance(v, (list, tuple)) else v


def one_tensor(reader, out, line) -> Tensor:
    """The tensor a forward returns; of several (``return z, x_hat``), the one with the most layers."""
    if isinstance(out, Tensor):
        return out
    if isinstance(out, (tuple, Seq)):
        tensors = [v for v in (out.items if isinstance(out, Seq) else out) if isinstance(v, Tensor)]
        if tensors:
            best = max(tensors, key=lambda v: len(v.specs))
            reader.note("parse.note_returns", line=line, n=len(tensors))
            return best
    raise fail("parse.no_output", line)

