"""The code reader's calls: a layer made (``Dense(32)``), a container filled (``Sequential([...])``,
``.add``), a layer or model applied to a tensor (``Dense(32)(x)``, ``self.encoder(x)``), ``Model(inp, out)``."""
from __future__ import annotations

import ast
import builtins

from aecore.shapes.code import tf1
from aecore.shapes.code import values as sv
from aecore.shapes.code.objects import (FUNCTIONAL, IGNORED_CALLS, IGNORED_KEYWORDS, MAX_LAYERS, MERGES, ONE_D,
                                        SAMPLE_MAKERS, SHAPE_READS, TENSOR_FUNCS, TORCH_ALIASES, Function, Instance,
                                        Layer, Model, Module, Named, Opaque, Partial, Seq, Tensor, forward_of,
                                        layer_rule, listify, one_tensor)
from aecore.shapes.code.ops import Identity, ObjectMethod, Shape, Super, TensorMethod, functional_op
from aecore.shapes.code.values import BATCH, ParseError, Unknown, fail
from aecore.shapes.layers import summarize
from aecore.shapes.rules import Ctx, LayerError, NumpyInt, bind
from aecore.text import t


class Calls:
    """Mixed into the Reader: every ``ast.Call`` goes through ``call``."""

    def arguments(self, node, env, d) -> tuple[list, dict]:
        args = []
        for a in node.args:
            if isinstance(a, ast.Starred):
                v = self.value(a.value, env, d)
                args += list(v.items if isinstance(v, Seq) else v if isinstance(v, (tuple, list)) else [v])
            else:
                args.append(self.value(a, env, d))
        kwargs = {}
        for k in node.keywords:
            if k.arg is None:
                v = self.value(k.value, env, d)
                if not isinstance(v, dict):
                    raise fail("parse.expression", node.lineno)
                kwargs.update(v)
            elif k.arg in IGNORED_KEYWORDS or self.tf1 and k.arg in tf1.IGNORED:
                try:
                    kwargs[k.arg] = self.value(k.value, env, d)
                except (ParseError, Unknown) as e:  # (an initialiser TF1 is given is not None: kept as such)
                    kwargs[k.arg] = None if k.arg in IGNORED_KEYWORDS else Opaque(k.arg, node.lineno, e)
                if isinstance(k.value, ast.Call):  # regularizers.l2(1e-4): not followed, and said so
                    self.note("parse.note_ignored_kw", line=node.lineno, kw=k.arg)
            else:
                kwargs[k.arg] = self.value(k.value, env, d)
        return [_plain(a) for a in args], {k: _plain(v) for k, v in kwargs.items()}

    def call(self, node, env, d):
        line = node.lineno
        try:
            func = self.value(node.func, env, d)
        except Unknown as e:  # a function the paste calls but never defines: not a value to ask for
            if isinstance(node.func, ast.Name) and node.func.id == e.name:
                raise fail("parse.expression" if hasattr(builtins, e.name) else "parse.unknown_call", line,
                           name=e.name) from None
            raise
        if isinstance(func, (TensorMethod, ObjectMethod)) and func.name in IGNORED_CALLS:
            return func.call(self, [], {}, line)  # .to(device), .fit(x_train, ...): what they are given is not read
        if isinstance(func, (TensorMethod, ObjectMethod, Shape, Identity)):
            args, kwargs = self.arguments(node, env, d)
            return func.call(self, args, kwargs, line)
        if isinstance(func, Named):
            self._refused_name(func, line)
        if isinstance(func, (Layer, Seq, Model, Instance)):  # a layer or model applied to a tensor
            args, kwargs = self.arguments(node, env, d)
            return self.apply(func, args, line)
        if isinstance(func, (Named, Function, ast.ClassDef, Module, Partial)):
            args, kwargs = self.arguments(node, env, d)
            return self.invoke(func, args, kwargs, line)
        if isinstance(func, Opaque):
            raise fail("parse.unknown_call", line, name=func.what)
        raise fail("parse.expression", line)

    def invoke(self, func, args: list, kwargs: dict, line: int):
        """A call of a function, class or module function with its arguments' values (a ``partial`` adds its own)."""
        if isinstance(func, Partial):
            return self.invoke(func.func, list(func.args) + list(args), {**func.kwargs, **kwargs}, line)
        if isinstance(func, Named):
            self._refused_name(func, line)
            if func.path.startswith(("tensorflow.", "tf.")):  # tf.layers.dropout, tf.layers.flatten (TF1)
                full = func.path if func.path.rsplit(".", 1)[-1] == func.name else f"{func.path}.{func.name}"
                out = tf1.call(self, full, args, kwargs, line)
                if out is not NotImplemented:
                    return out
            return self._named(func, args, kwargs, line)
        if isinstance(func, Function):
            return self.run_function(func.node, args, kwargs, line, func.bound)
        if isinstance(func, ast.ClassDef):
            return self.instantiate(func, args, kwargs, line)
        if isinstance(func, Module):
            name = func.path.rsplit(".", 1)[-1]
            if name == "partial" and func.path in ("functools.partial", "partial") and args:
                return Partial(args[0], tuple(args[1:]), dict(kwargs))  # partial(tf.layers.dense, activation=...)
            out = tf1.call(self, func.path, args, kwargs, line) if func.path.startswith(("tensorflow.", "tf.")) \
                else NotImplemented
            if out is not NotImplemented:
                return out
            if name == "summary" and func.path.split(".")[0] in ("torchsummary", "torchinfo"):
                size = args[1] if len(args) > 1 else kwargs.get("input_size")
                if args and isinstance(size, tuple) and all(isinstance(s, int) for s in size):
                    self.example(args[0], size[1:] if func.path.startswith("torchinfo") else size)
                return None
            if name == "image_data_format":  # K.image_data_format(): Keras's default, as a fresh install has it
                self.note("parse.note_data_format", line=line)
                return "channels_last"
            if any(isinstance(a, Tensor) for a in list(args) + list(kwargs.values())):  # torch.exp(x)
                raise fail("parse.tensor_call", line, name=name)
            raise fail("parse.unknown_call", line, name=name)
        raise fail("parse.expression", line)

    def _sample(self, args, kwargs, line) -> Tensor:
        """``torch.randn(64, 1, 28, 28)``: an input the paste gives its model, so its shape (batch left out)."""
        size = args[0] if len(args) == 1 and isinstance(args[0], tuple) else tuple(args) if args else \
            kwargs.get("size")
        if not isinstance(size, tuple) or len(size) < 2 or not all(isinstance(s, int) and s > 0 for s in size):
            raise fail("parse.expression", line)
        self.inputs += 1
        return Tensor([], tuple(size[1:]), self.inputs, line)

    def example(self, model, shape) -> None:
        """Remember the input shape the paste itself gives a model (applied to torch.randn(...), a summary's
        input_size, Keras's model.build(...)): the model is read with it."""
        if isinstance(model, (Seq, Model, Instance)) and shape:
            self.examples.setdefault(id(model), tuple(shape))

    def _read_shape(self, args, line):
        """``K.int_shape(x)``: the shape the layers so far give, with the batch first, when the reader knows the
        input's shape (a Keras Input); else a refusal that says why."""
        shape = self.shape_of(args[0], line) if len(args) == 1 and isinstance(args[0], Tensor) else None
        if shape is None:
            raise fail("parse.shape_read", line)
        return shape

    def shape_of(self, tensor: Tensor, line: int):
        """(BATCH, ...) of a tensor whose input shape is known, worked out from its layers; else None."""
        if tensor.input_shape is None:
            return None
        summary = summarize([dict(layer.spec) for layer in tensor.specs], tensor.input_shape, self.dialect or "keras")
        if not summary.ok:
            raise ParseError(t("parse.line", line=line) + summary.error, line)
        self.note("parse.note_shape_read", line=line, shape=tuple(summary.output_shape))
        return (BATCH,) + tuple(summary.output_shape)

    @staticmethod
    def _refused_name(func: Named, line: int) -> None:
        """Layers the reader refuses by name, before their arguments are read."""
        if func.name in ONE_D:
            raise fail("parse.one_d", line, name=func.name)
        if func.name in MERGES:
            raise fail("parse.merge", line, name=func.name)
        if func.name == "Lambda":
            raise fail("parse.lambda", line)

    def _named(self, func: Named, args: list, kwargs: dict, line: int):
        name = func.name
        if name in SHAPE_READS:  # int_shape(x), tf.shape(x)
            return self._read_shape(args, line)
        if name == "super":
            return Super()
        if name in ("print", "isinstance", "getattr", "setattr"):
            return None
        tensors = [a for a in args if isinstance(a, Tensor)]
        if name in FUNCTIONAL or name in TENSOR_FUNCS:
            if tensors:
                return functional_op(self, name, tensors[0], args[1:], kwargs, line)
            if name in FUNCTIONAL:  # activation=tf.nn.relu passed as a value
                return name
        if name in SAMPLE_MAKERS and func.path.startswith("torch"):  # x = torch.randn(64, 1, 28, 28)
            return self._sample(args, kwargs, line)
        if name == "OrderedDict":
            pairs = args[0] if args else ()
            pairs = pairs.items if isinstance(pairs, Seq) else pairs
            return Seq([p[1] if isinstance(p, tuple) else p for p in pairs], "list", line)
        if name in ("Sequential", "ModuleList"):
            items = list(args[0].items if len(args) == 1 and isinstance(args[0], Seq) else args)
            seq = Seq([], "modulelist" if name == "ModuleList" else "sequential", line)
            for item in items:
                self.append_item(seq, item, line)
            return seq
        if name in ("Input", "InputLayer") and (func.dialect != "pytorch"):
            shape = args[0] if args else kwargs.get("shape", kwargs.get("input_shape", kwargs.get("batch_shape")))
            if "batch_shape" in kwargs and not args:
                shape = tuple(shape)[1:]
            if not isinstance(shape, tuple) or not all(isinstance(s, int) for s in shape):
                raise fail("parse.input_shape", line)
            self.inputs += 1
            tensor = Tensor([], tuple(shape), self.inputs, line)
            return tensor if name == "Input" else Seq([], "input", line, tuple(shape))
        if name in ("Model", "Functional"):
            return self._model(args, kwargs, line)
        if tensors and not layer_rule(name, func.dialect or self.dialect)[0]:  # torch.sum(x), tf.exp(x)
            raise fail("parse.tensor_call", line, name=name)
        if name in sv.FUNCTIONS:
            out = sv.call_function(name, [a.items if isinstance(a, Seq) else a for a in args], line)
            if name in ("prod", "reduce_prod") and isinstance(out, int) and not func.path.startswith("math"):
                return NumpyInt(out)  # np.prod, tf.math.reduce_prod: a NumPy integer, as Keras 3 sees it
            return out
        return self.make_layer(func, args, kwargs, line)

    def make_layer(self, func: Named, args, kwargs, line) -> Layer:
        dialect, name, rule = layer_rule(func.name, func.dialect or self.dialect)
        if rule is None:
            raise fail("parse.unknown_layer", line, name=func.name)
        if self.dialect is None:
            self.dialect = dialect
        elif dialect != self.dialect:
            raise fail("parse.mixed", line, name=func.name)
        self.layers_made += 1
        if self.layers_made > MAX_LAYERS:
            raise fail("parse.too_many_layers", line, n=MAX_LAYERS)
        if any(isinstance(v, (Tensor, Seq, Model, Instance)) for v in list(args) + list(kwargs.values())):
            raise fail("parse.expression", line)
        if any(v is BATCH for v in list(args) + list(kwargs.values())):
            raise fail("parse.expression", line)
        for k in list(kwargs):
            if k in IGNORED_KEYWORDS:
                kwargs.pop(k)
        for k, v in list(kwargs.items()):  # activation=tf.nn.relu, keras.activations.sigmoid: by name
            if isinstance(v, Named) and v.name in FUNCTIONAL:
                kwargs[k] = v.name
        if isinstance(kwargs.get("activation"), Layer):  # activation=LeakyReLU(0.2): the function, by name
            kwargs["activation"] = {"LeakyReLU": "leaky_relu", "ReLU": "relu", "ELU": "elu"}.get(
                kwargs["activation"].spec["type"], kwargs["activation"].spec["type"].lower())
            self.note("parse.note_activation_layer", line=line)
        numpy = [k for k, v in list(zip(rule.keywords, args)) + list(kwargs.items()) if isinstance(v, NumpyInt)]
        if dialect == "keras" and name == "Dense" and "units" in numpy:
            self.note("parse.note_numpy_int", line=line)
        extra = dict(TORCH_ALIASES.get(func.name, (None, {}))[1])
        try:
            bound = bind(rule, tuple(args), {**extra, **kwargs}, Ctx(name))
        except LayerError as e:
            raise ParseError(t("parse.line", line=line) + str(e), line) from None
        given = set(rule.keywords[:len(args)]) | set(kwargs) | set(extra)
        spec = {"type": name}
        for key in rule.keywords + tuple(sorted(rule.accepted)):
            if key in given and key not in IGNORED_KEYWORDS and key not in ("input_shape", "input_dim",
                                                                              "batch_input_shape"):
                spec[key] = listify(bound[key])
        shape = None
        if dialect == "keras":
            if bound.get("input_shape") is not None:
                shape = tuple(bound["input_shape"])
            elif bound.get("input_dim") is not None:
                shape = (bound["input_dim"],)
            elif bound.get("batch_input_shape") is not None:
                shape = tuple(bound["batch_input_shape"])[1:]
        return Layer(spec, dialect, line, shape)

    def append_item(self, seq: Seq, item, line) -> None:
        if seq.kind == "list":  # a Python list: anything goes in (layers, sizes, tensors kept for later)
            if len(seq.items) >= sv.MAX_ITEMS:
                raise fail("parse.too_large", line)
            seq.items.append(item)
        elif isinstance(item, Seq) and item.kind == "input":
            if seq.items or seq.input_shape:
                raise fail("parse.input_late", line)
            seq.input_shape = item.input_shape
        elif isinstance(item, Tensor) and not item.specs:  # keras.Input(...) inside a Sequential list
            seq.input_shape = item.input_shape
        elif isinstance(item, (Layer, Seq, Model)):
            seq.items.append(item)
        elif isinstance(item, Instance):
            seq.items.append(self.instance_as_seq(item, line))
        elif isinstance(item, Opaque):
            raise fail("parse.unknown_call", line, name=item.what)
        else:
            raise fail("parse.not_layer", line)

    # ---- the functional API ------------------------------------------------------------------------------
    def apply(self, obj, args, line):
        if not args:
            raise fail("parse.expression", line)
        x = args[0]
        if isinstance(x, Seq) and x.kind == "list" and len(x.items) > 1:
            raise fail("parse.merge", line, name="[…]")
        if not isinstance(x, Tensor):
            raise fail("parse.expression", line)
        if not x.specs and x.input_shape is not None:
            self.example(obj, x.input_shape)
        if isinstance(obj, Layer):  # used again in this model? checked when the model is chosen (a decoder
            return x.then([obj], line)  # model may reuse the autoencoder's last layer)
        if isinstance(obj, (Seq, Model)):
            if isinstance(obj, Seq) and obj.kind == "modulelist":
                raise fail("parse.modulelist_call", line)
            layers = obj.layers()
            expected = obj.input_shape or (layers[0].input_shape if layers else None)
            if expected is not None and x.specs:  # a model with an Input of its own, used after other layers
                self.expects[id(layers[0])] = (tuple(expected), line)
            return x.then(layers, line, nested=True)
        if isinstance(obj, Instance):
            out = self.run_function(forward_of(obj.cls), [x], {}, line, obj)
            return one_tensor(self, out, line)
        raise fail("parse.expression", line)

    def _model(self, args, kwargs, line):
        inputs = kwargs.get("inputs", kwargs.get("input", args[0] if args else None))
        outputs = kwargs.get("outputs", kwargs.get("output", args[1] if len(args) > 1 else None))
        if inputs is None and outputs is None:  # class Autoencoder(Model): super().__init__() and the like
            return None
        if "input" in kwargs or "output" in kwargs:
            raise fail("parse.keras1_model", line)
        if isinstance(inputs, Seq) and inputs.kind == "list":
            inputs = inputs.items[0] if len(inputs.items) == 1 else inputs
        if isinstance(outputs, Seq) and outputs.kind == "list":
            outputs = outputs.items[0] if len(outputs.items) == 1 else outputs
        if isinstance(inputs, tuple) and len(inputs) == 1:
            inputs = inputs[0]
        if isinstance(outputs, tuple) and len(outputs) == 1:
            outputs = outputs[0]
        if not isinstance(inputs, Tensor) or not isinstance(outputs, Tensor):
            raise fail("parse.model_io", line)
        if inputs.specs or outputs.origin != inputs.origin:
            raise fail("parse.model_io", line)
        return Model(list(outputs.specs), inputs.input_shape, line, outputs.nested)


def _plain(value):
    """A Python list that holds only numbers and the like (sizes = []; sizes.append(64)) as the tuple it stands for."""
    if isinstance(value, Seq) and value.kind == "list" and not any(
            isinstance(v, (Layer, Seq, Model, Tensor, Instance, Opaque)) for v in value.items):
        return tuple(value.items)
    return value
