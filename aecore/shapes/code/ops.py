"""The code reader's operations on what it builds: a tensor's ``view``/``reshape``/``flatten``/``size``,
``F.relu(x)`` and the other functions that stand for a layer, a Sequential's or a list's ``add``/``append``."""
from __future__ import annotations

from aecore.shapes.code.objects import FUNCTIONAL, NO_OPS, SAME, SHAPE_KEEPING, Layer, Seq, Tensor
from aecore.shapes.code.values import BATCH, fail


class Dim:
    """``x.shape[2]``: a size the reader does not know without running the model."""

    def __init__(self, index):
        self.index = index


class Super:
    pass


class Identity:
    """``.numpy()`` after a number: the number."""

    def __init__(self, value):
        self.value = value

    def call(self, reader, args, kwargs, line):
        return self.value


class Shape:
    """``x.shape`` or ``x.size``: its ``full`` shape, (BATCH, ...), is worked out from the layers so far when it is
    used and the reader knows the input's shape (a Keras Input, a torch.randn the paste passes in); else
    indexing it gives the batch (0) or a size the reader does not know."""

    def __init__(self, tensor, reader, line: int):
        self.tensor, self.reader, self.line = tensor, reader, line
        self._full, self._done = None, False

    @property
    def full(self) -> tuple | None:
        if not self._done:
            self._full, self._done = self.reader.shape_of(self.tensor, self.line), True
        return self._full

    def index(self, i, line):
        if self.full is not None:
            if isinstance(i, slice) or isinstance(i, int) and -len(self.full) <= i < len(self.full):
                return self.full[i]
            raise fail("parse.expression", line)
        if isinstance(i, slice):
            raise fail("parse.shape_read", line)
        return BATCH if i == 0 else Dim(i)

    def call(self, reader, args, kwargs, line):  # x.size(0), x.size(), x.get_shape(), x.shape.as_list()
        return self.index(args[0], line) if args else self.full if self.full is not None else self


def _layer(reader, kind: str, line: int, **kw) -> Layer:
    """A layer the code implies (F.relu, x.view ...), in the code's dialect."""
    dialect = reader.dialect or "pytorch"
    if dialect == "keras" and kind in FUNCTIONAL.values():
        name = next(k for k, v in FUNCTIONAL.items() if v == kind)
        return Layer({"type": "Activation", "activation": name}, "keras", line)
    return Layer({"type": kind, **kw}, dialect, line)


def _reshape(reader, tensor: Tensor, dims: list, line: int) -> Tensor:
    """x.view(-1, 784), x.view(x.size(0), -1), x.reshape(-1, 1, 28, 28), tf.reshape(x, (-1, 7, 7, 64))."""
    if len(dims) == 1 and isinstance(dims[0], (tuple, list, Shape)):
        if isinstance(dims[0], Shape) and dims[0].full is not None:  # x.view(shape) of a known shape
            dims = [dims[0].full]
        elif isinstance(dims[0], Shape):  # x.view(inp.shape): back to the input's shape
            if dims[0].tensor.specs:
                raise fail("parse.reshape", line)
            # (B, n) -> (B, *the input's shape)
            return tensor.then([Layer({"type": "Unflatten", "dim": 1, "unflattened_size": "input"},
                                      reader.dialect or "pytorch", line)], line)
        dims = list(dims[0])
    # the first size is always the batch's: x.size(0), -1 (the rest fixed), or a number written out
    first = dims[0] if dims else None
    if len(dims) < 2 or not (first is BATCH or first == -1 and -1 not in dims[1:] or
                             isinstance(first, int) and not isinstance(first, bool) and first > 0):
        raise fail("parse.reshape", line)
    if first is not BATCH and first != -1:
        reader.note("parse.note_fixed_batch", line=line, n=first)
    dims = dims[1:]
    if any(isinstance(d, Dim) or d is BATCH or not isinstance(d, int) or isinstance(d, bool) for d in dims):
        raise fail("parse.reshape", line)
    if len(dims) == 1:
        reader.note("parse.note_flatten", line=line)
        return tensor.then([_layer(reader, "Flatten", line)], line)  # (B, ...) -> (B, n)
    if reader.dialect == "keras":  # (B, ...) -> (B, *dims)
        return tensor.then([Layer({"type": "Reshape", "target_shape": list(dims)}, "keras", line)], line)
    last = next((s.spec["type"] for s in reversed(tensor.specs) if s.spec["type"] not in SHAPE_KEEPING), None)
    ops = [] if last in ("Linear", "Flatten", "Dense") else [_layer(reader, "Flatten", line)]
    reader.note("parse.note_unflatten", line=line, dims=tuple(dims))
    # (B, ...) -> (B, n) (a Flatten unless already flat) -> (B, *dims)
    return tensor.then(ops + [_layer(reader, "Unflatten", line, dim=1, unflattened_size=list(dims))], line)


def functional_op(reader, name: str, tensor: Tensor, args, kwargs, line) -> Tensor:
    """F.relu(x), torch.sigmoid(x), F.max_pool2d(x, 2), torch.flatten(x, 1), F.interpolate(x, scale_factor=2)."""
    def grow(layer):
        return tensor.then([layer], line)
    if name in FUNCTIONAL:
        kw = {"negative_slope": args[0] if args else kwargs["negative_slope"]} if name == "leaky_relu" and (
            args or "negative_slope" in kwargs) and (reader.dialect or "pytorch") == "pytorch" else {}
        return grow(_layer(reader, FUNCTIONAL[name], line, **kw))
    if name in ("max_pool2d", "avg_pool2d"):
        size = args[0] if args else kwargs.get("kernel_size")
        stride = args[1] if len(args) > 1 else kwargs.get("stride")
        kw = {"kernel_size": _listify(size)} | ({"stride": _listify(stride)} if stride is not None else {})
        # (B, C, H, W) -> (B, C, ⌊(H − k)/s⌋ + 1, ⌊(W − k)/s⌋ + 1), s = k unless given
        return grow(_layer(reader, "MaxPool2d" if name == "max_pool2d" else "AvgPool2d", line, **kw))
    if name in ("interpolate", "upsample"):
        kw = {k: _listify(v) for k, v in kwargs.items() if k in ("scale_factor", "size", "mode", "align_corners")}
        return grow(_layer(reader, "Upsample", line, **kw))  # (B, C, H, W) -> (B, C, H·s, W·s) or (B, C, *size)
    if name == "dropout":
        return grow(_layer(reader, "Dropout", line, p=args[0] if args else kwargs.get("p", 0.5)))
    if name == "flatten":
        start = args[0] if args else kwargs.get("start_dim", 0)
        if start != 1:
            raise fail("parse.reshape", line)
        reader.note("parse.note_flatten", line=line)
        return grow(_layer(reader, "Flatten", line))  # (B, C, H, W) -> (B, C·H·W)
    if name == "reshape":
        return _reshape(reader, tensor, [args[0]] if args else [kwargs.get("shape")], line)
    raise fail("parse.unknown_call", line, name=name)


def _listify(v):
    return list(v) if isinstance(v, tuple) else v


class TensorMethod:
    """``x.view(...)``, ``x.reshape(...)``, ``x.flatten(1)``, ``x.relu()``, ``x.size(0)`` ..."""

    def __init__(self, tensor: Tensor, name: str):
        self.tensor, self.name = tensor, name

    def call(self, reader, args, kwargs, line):
        n = self.name
        if n in ("view", "reshape"):
            return _reshape(reader, self.tensor, args or [kwargs.get("shape")], line)
        if n == "flatten":
            return functional_op(reader, "flatten", self.tensor, args, kwargs, line)
        if n == "unflatten" and len(args) == 2 and args[0] == 1 and isinstance(args[1], tuple):  # x.unflatten(1, ..)
            # (B, n) -> (B, *args[1])
            return self.tensor.then([_layer(reader, "Unflatten", line, dim=1, unflattened_size=list(args[1]))], line)
        if n in FUNCTIONAL:
            return functional_op(reader, n, self.tensor, args, kwargs, line)
        if n == "size":
            return Shape(self.tensor, reader, line).call(reader, args, kwargs, line)
        if n == "get_shape":
            return Shape(self.tensor, reader, line).call(reader, args, kwargs, line)
        if n in ("contiguous", "detach", "clone", "float", "to", "cuda", "cpu"):
            return self.tensor
        raise fail("parse.tensor_op", line, name=n)


class ObjectMethod:
    """A Sequential's ``add``/``append``/``add_module``/``pop``, a list's ``append``/``extend``; what a
    model's training does (``compile``, ``fit``, ``summary``, ``to``) changes nothing and is passed over."""

    def __init__(self, obj, name: str):
        self.obj, self.name = obj, name

    def call(self, reader, args, kwargs, line):
        obj, n = self.obj, self.name
        if isinstance(obj, Super) or n == "__init__":
            return None
        if n == "build" and args and isinstance(args[0], tuple) and len(args[0]) > 1:  # model.build((None, 784))
            reader.example(obj, args[0][1:])
            return None
        if n in SAME:
            return obj
        if isinstance(obj, Seq) and n in ("add", "append", "add_module"):
            item = args[-1] if args else kwargs.get("module", kwargs.get("layer"))
            reader.append_item(obj, item, line)
            return None
        if isinstance(obj, Seq) and n == "extend":
            for item in (args[0].items if isinstance(args[0], Seq) else args[0]):
                reader.append_item(obj, item, line)
            return None
        if isinstance(obj, Seq) and n == "pop":
            if not obj.items:
                raise fail("parse.expression", line)
            return obj.items.pop()
        if n == "layers" or n == "children" or n == "modules":
            raise fail("parse.layers_list", line)
        if n in NO_OPS:
            return None
        raise fail("parse.unknown_call", line, name=n)
