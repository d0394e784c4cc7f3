"""The code reader: follows pasted code as Python would, on a small safe subset, without running it.

``Reader.value`` evaluates an expression to a number, a tuple, or one of the symbolic objects in
``objects`` (a Layer, a Seq, a Tensor, a Model, an Instance); calls go through ``calls``, statements
through ``statements``, tensor and container methods through ``ops``.
"""
from __future__ import annotations

import ast

from aecore.shapes import keras_rules, torch_rules
from aecore.shapes.code import tf1
from aecore.shapes.code import values as sv
from aecore.shapes.code.calls import Calls
from aecore.shapes.code.objects import (CONTAINERS, FUNCTIONAL, MERGES, NO_OPS, ONE_D, TORCH_ALIASES, WELL_KNOWN,
                                        Function, Instance, Layer, Model, Module, Named, Opaque, Seq, Tensor,
                                        callable_name, layer_rule, method, model_makers)
from aecore.shapes.code.ops import Identity, ObjectMethod, Shape, Super, TensorMethod
from aecore.shapes.code.statements import Statements
from aecore.shapes.code.values import Unknown, fail
from aecore.text import t


class Reader(Calls, Statements):
    def __init__(self, tree: ast.Module, given: dict):
        self.tree, self.given = tree, dict(given)
        self.budget = sv.Budget()
        self.used: dict = {}
        self.notes: list[str] = []
        self.noted: set = set()
        self.dialect: str | None = self._dialect(tree)
        self.globals: dict = {}
        self.layers_made = 0
        self.depth = 0
        self.inputs = 0
        self.assigned: list[tuple[int, str, object]] = []  # top-level (line, name, value) of model-ish values
        self.expects: dict = {}   # id(layer) -> (the input shape its own model declares, line): checked at the end
        self.examples: dict = {}  # id(model) -> the input shape the paste itself gives it
        self.makers = model_makers(tree)  # the paste's functions and classes that build a model
        self.tf1 = tf1.uses_tf1(tree)     # TensorFlow 1 graph code: placeholders, tf.layers, sessions
        self.placeholders: dict = {}      # a placeholder's input number -> its line
        self.arg_scopes: list = []        # TF1's arg_scope: (functions, the keywords they are given)
        if self.tf1:
            self.dialect = "keras"  # (tf.nn.elu would count as PyTorch's nn)
            self.makers = self.makers | tf1.builders(tree)

    # ---- small helpers ------------------------------------------------------------------------------
    def note(self, key: str, **values) -> None:
        text = t(key, **values)
        if text not in self.noted:
            self.noted.add(text)
            self.notes.append(text)

    @staticmethod
    def _dialect(tree) -> str | None:
        """The dialect whose own layer names the code uses more (Flatten, Dropout are in both)."""
        names = [n.attr if isinstance(n, ast.Attribute) else n.id for n in ast.walk(tree)
                 if isinstance(n, (ast.Attribute, ast.Name))]
        keras = sum(n in keras_rules.RULES and n not in torch_rules.RULES for n in names)
        torch = sum(n in torch_rules.RULES and n not in keras_rules.RULES for n in names)
        if "nn" in names or "torch" in names:
            torch += 1
        if keras == torch == 0:
            return None
        return "pytorch" if torch > keras else "keras"

    # ---- names -----------------------------------------------------------------------------------------
    def lookup(self, name: str, env: dict, line: int):
        for scope in (env, self.globals):
            if name in scope:
                value = scope[name]
                if isinstance(value, Opaque) and value.error is not None:
                    raise value.error  # the model uses what the script around it could not give
                return value
        if name in self.given:
            self.used[name] = self.given[name]
            return self.given[name]
        if name in ("True", "False", "None"):
            return {"True": True, "False": False, "None": None}[name]
        if name in WELL_KNOWN:  # a cell pasted without its import lines
            return Module(WELL_KNOWN[name])
        if name in sv.FUNCTIONS or name in CONTAINERS or name in ("Model", "Input", "InputLayer", "super", "print",
                                                                  "isinstance", "getattr", "setattr"):
            return Named(name)
        if layer_rule(name, self.dialect)[0] or name in ONE_D or name in MERGES or name in FUNCTIONAL or \
                name in TORCH_ALIASES or name in ("Lambda", "Layer"):
            return Named(name, None)  # a layer class used without its import line (a notebook cell)
        raise Unknown(name, line)

    def _import(self, stmt) -> None:
        if isinstance(stmt, ast.Import):
            for a in stmt.names:
                self.globals[a.asname or a.name.split(".")[0]] = Module(a.name if a.asname else a.name.split(".")[0])
        elif isinstance(stmt, ast.ImportFrom):
            for a in stmt.names:
                path = f"{stmt.module or ''}.{a.name}"
                dialect = Module(stmt.module or "").dialect
                self.globals[a.asname or a.name] = Named(a.name, dialect, path) if callable_name(a.name) else \
                    Module(path)

    # ---- expressions ----------------------------------------------------------------------------------
    def value(self, node, env: dict, depth: int = 0):
        line = getattr(node, "lineno", None)
        self.budget.step(line)
        if depth > sv.MAX_DEPTH:
            raise fail("parse.too_deep_expression", line)
        d = depth + 1
        if isinstance(node, ast.Constant):
            return sv.checked(node.value, line)
        if isinstance(node, ast.Name):
            return self.lookup(node.id, env, line)
        if isinstance(node, (ast.Tuple, ast.List)):
            out = []
            for e in node.elts:
                if isinstance(e, ast.Starred):
                    inner = self.value(e.value, env, d)
                    out += list(inner.items if isinstance(inner, Seq) else inner)
                else:
                    out.append(self.value(e, env, d))
            if isinstance(node, ast.List) and (not out or any(isinstance(v, (Layer, Seq, Model, Tensor, Instance))
                                                              for v in out)):
                return Seq(out, "list", line)  # layers = [] or [Dense(8), ...]: a list the code may add to
            return sv.checked(tuple(out), line)
        if isinstance(node, ast.Dict):
            return {self.value(k, env, d): self.value(v, env, d) for k, v in zip(node.keys, node.values)
                    if k is not None}
        if isinstance(node, ast.UnaryOp):
            v = self.value(node.operand, env, d)
            self._not_tensor(v, line)
            if isinstance(node.op, ast.Not):
                return not v
            if not isinstance(v, (int, float)) or isinstance(v, bool):
                raise fail("parse.expression", line)
            return -v if isinstance(node.op, ast.USub) else +v
        if isinstance(node, ast.BinOp):
            a, b = self.value(node.left, env, d), self.value(node.right, env, d)
            if isinstance(a, Seq) and isinstance(node.op, ast.Add):  # [Input(..)] + [Dense(n) for n in ...]
                return Seq(a.items + list(b.items if isinstance(b, Seq) else b), "list", line)
            self._not_tensor(a, line)
            self._not_tensor(b, line)
            return sv.binop(node.op, a, b, line)
        if isinstance(node, ast.BoolOp):
            vals = [self.value(v, env, d) for v in node.values]
            out = vals[0]
            for v in vals[1:]:
                out = (out and v) if isinstance(node.op, ast.And) else (out or v)
            return out
        if isinstance(node, ast.Compare):
            return sv.compare(node, [self.value(node.left, env, d)] + [self.value(c, env, d) for c in node.comparators],
                              line)
        if isinstance(node, ast.IfExp):
            return self.value(node.body if self.value(node.test, env, d) else node.orelse, env, d)
        if isinstance(node, ast.Subscript):
            return self._subscript(node, env, d)
        if isinstance(node, ast.Attribute):
            return self._attribute(node, env, d)
        if isinstance(node, ast.Call):
            return self.call(node, env, d)
        if isinstance(node, (ast.ListComp, ast.GeneratorExp)):
            return self._comprehension(node, env, d)
        if isinstance(node, ast.JoinedStr):
            return "…"  # an f-string: a name, never a shape
        raise fail("parse.expression", line)

    def _not_tensor(self, v, line) -> None:
        if isinstance(v, Tensor):
            raise fail("parse.tensor_math", line)

    def _subscript(self, node, env, d):
        line = node.lineno
        base = self.value(node.value, env, d)
        if isinstance(base, Tensor):
            raise fail("parse.tensor_index", line)
        if isinstance(node.slice, ast.Slice):
            parts = [self.value(p, env, d) if p is not None else None for p in (node.slice.lower, node.slice.upper,
                                                                                node.slice.step)]
            if isinstance(base, Seq):
                return Seq(base.items[slice(*parts)], base.kind, line)
            if isinstance(base, (tuple, list, str)):
                return base[slice(*parts)]
            if isinstance(base, Shape):
                return base.index(slice(*parts), line)
            raise fail("parse.expression", line)
        index = self.value(node.slice, env, d)
        if isinstance(base, Shape):
            return base.index(index, line)
        if isinstance(base, Seq):
            try:
                return base.items[index]
            except (IndexError, TypeError):
                raise fail("parse.expression", line) from None
        return sv.subscript(base, index, line)

    def _attribute(self, node, env, d):
        base = self.value(node.value, env, d)
        attr = node.attr
        if isinstance(base, Module):
            return Named(attr, base.dialect, base.path) if callable_name(attr) else Module(f"{base.path}.{attr}")
        if isinstance(base, Instance):
            if attr in base.attrs:
                return base.attrs[attr]
            found = method(base.cls, attr)
            if found is not None:
                return Function(found, base)
            if attr in NO_OPS:  # autoencoder.compile(...), .fit(...), .build((None, 28, 28, 1)), .to(device)
                return ObjectMethod(base, attr)
            return self._class_attribute(base.cls, attr, node.lineno)
        if isinstance(base, ast.ClassDef):  # ConvAutoencoder.build(28, 28, 1): a static or class method
            found = method(base, attr)
            if found is not None:
                return Function(found, base if _decorated(found, "classmethod") else None)
            return self._class_attribute(base, attr, node.lineno)
        if isinstance(base, Tensor):
            return TensorMethod(base, attr) if attr != "shape" else Shape(base, self, node.lineno)
        if attr == "layers" and isinstance(base, (Seq, Model)):
            return self._layers_of(base, node.lineno)
        if isinstance(base, (Seq, Layer, Model)):
            return ObjectMethod(base, attr)
        if isinstance(base, Named):
            return Named(attr, base.dialect, base.path + "." + base.name)
        if isinstance(base, Super):
            return ObjectMethod(base, attr)
        if attr == "numpy":  # tf.math.reduce_prod(shape).numpy(): still a NumPy number
            return Identity(base)
        if attr == "item" and isinstance(base, (int, float)):  # .item(): a plain Python number
            return Identity(int(base) if isinstance(base, int) else base)
        if isinstance(base, Shape) and attr == "as_list":
            return base
        if isinstance(base, str) and attr in ("relu", "sigmoid", "tanh"):
            return attr
        raise fail("parse.expression", node.lineno)

    def _class_attribute(self, cls: ast.ClassDef, attr: str, line: int):
        """``latent_dim = 32`` in a class's body, read as ``self.latent_dim`` or ``Cls.latent_dim``."""
        for stmt in cls.body:
            targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target] \
                if isinstance(stmt, ast.AnnAssign) and stmt.value is not None else []
            if any(isinstance(tg, ast.Name) and tg.id == attr for tg in targets):
                return self.value(stmt.value, self.globals)
        raise fail("parse.unknown_attribute", line, name=attr)

    @staticmethod
    def _layers_of(model, line: int) -> Seq:
        """Keras's ``model.layers``: a Sequential's own items; a functional model's InputLayer and then its layers,
        told exactly only when no whole model was applied inside it (else Keras lists that model as one entry)."""
        if isinstance(model, Seq):
            return Seq(list(model.items), "list", line)
        if model.nested:
            raise fail("parse.layers_list", line)
        return Seq([Opaque("InputLayer", line)] + list(model.chain), "list", line)

    def _comprehension(self, node, env, d):
        line = node.lineno
        if len(node.generators) != 1 or node.generators[0].ifs and len(node.generators[0].ifs) > 1:
            raise fail("parse.expression", line)
        gen = node.generators[0]
        items = self.value(gen.iter, env, d)
        items = items.items if isinstance(items, Seq) else items
        if not isinstance(items, (tuple, list)):
            raise fail("parse.expression", line)
        out = []
        for item in items:
            local = dict(env)
            self._bind(gen.target, item, local, line)
            if all(self.value(c, local, d) for c in gen.ifs):
                out.append(self.value(node.elt, local, d))
        return Seq(out, "list", line) if any(isinstance(v, (Layer, Seq)) for v in out) else sv.checked(tuple(out), line)


def _decorated(fn: ast.FunctionDef, name: str) -> bool:
    return any(isinstance(d, ast.Name) and d.id == name for d in fn.decorator_list)
