"""Read pasted Keras or PyTorch model code into a layer stack, with Python's ``ast`` only.

Nothing is ever executed: the reader understands constants, names and arithmetic
(``16 * base_channel_size * 2``), layer calls, Keras ``Sequential()`` + ``.add(...)`` chains and
``Sequential([...])``, ``keras.Input``/``input_shape=``, PyTorch ``nn.Sequential(...)``, and model
classes: ``Autoencoder(3, 64, 256)`` binds ``__init__``'s arguments and follows ``forward``/``call``
(``self.encoder(x)``, ``x.reshape(x.shape[0], -1, 4, 4)``, ``x.view(-1, 784)``, ``F.relu(x)``).

    parsed = read_code(source)            # -> Parsed(dialect, stack, input_shape, names, notes)
    read_code(source, {"latent_dim": 8})  # values for names the code uses but never sets

Anything else is skipped, so a whole training script reads too. Errors carry a line number.
"""
from __future__ import annotations

import ast
import operator
from dataclasses import dataclass, field

from aecore.shapes import keras_rules, torch_rules
from aecore.shapes.rules import Ctx, LayerError, bind
from aecore.text import t

MAX_SOURCE = 200_000  # characters: a pasted model, not a library
_SEQUENTIAL = "Sequential"
_INPUTS = ("Input", "InputLayer")
_BINOPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv,
           ast.FloorDiv: operator.floordiv, ast.Mod: operator.mod, ast.Pow: operator.pow}
_FUNCTIONAL = {"relu": "ReLU", "sigmoid": "Sigmoid", "tanh": "Tanh", "gelu": "GELU", "elu": "ELU",
               "leaky_relu": "LeakyReLU", "silu": "SiLU", "softmax": "Softmax"}
_BATCH = object()  # x.shape[0], x.size(0), len(x): "the batch size" inside a reshape
_SHAPE_KEEPING = {"ReLU", "ReLU6", "GELU", "ELU", "SELU", "CELU", "LeakyReLU", "Sigmoid", "Tanh", "SiLU",
                  "Softplus", "Mish", "Hardsigmoid", "Hardswish", "Softmax", "Identity", "Dropout", "Dropout2d",
                  "BatchNorm1d", "Activation"}


class ParseError(ValueError):
    def __init__(self, message: str, line: int | None = None, name: str | None = None):
        super().__init__(message)
        self.line = line
        self.name = name  # set when the code uses a name it never gives a value


@dataclass
class Parsed:
    dialect: str
    stack: list[dict]
    input_shape: tuple | None = None
    names: dict = field(default_factory=dict)  # the names the code used, with the values taken
    notes: list[str] = field(default_factory=list)  # what the reader did beyond copying layers


class _Unknown(Exception):
    def __init__(self, name: str, line: int):
        self.name, self.line = name, line


def _tail(node) -> str | None:
    """nn.Conv2d / layers.Conv2D / tf.keras.layers.Dense / Dense -> the last name."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _listify(v):
    return [_listify(x) for x in v] if isinstance(v, (list, tuple)) else v


class _Reader:
    def __init__(self, tree: ast.Module, given: dict):
        self.given = dict(given)
        self.used: dict = {}
        self.notes: list[str] = []
        self.input_shape: tuple | None = None
        self.classes = {n.name: n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)}
        self.module_env = self._module_constants(tree)
        self.hints = self._keyword_hints(tree)
        self.tree = tree
        self.dialect = self._dialect(tree)

    @staticmethod
    def _dialect(tree) -> str | None:
        """The dialect whose own layer names the code calls more often (Flatten, Dropout are in both)."""
        names = [_tail(n.func) for n in ast.walk(tree) if isinstance(n, ast.Call)]
        keras = sum(n in keras_rules.RULES and n not in torch_rules.RULES for n in names)
        torch = sum(n in torch_rules.RULES and n not in keras_rules.RULES for n in names)
        if keras == torch == 0:
            return None
        return "pytorch" if torch > keras else "keras"

    # ---- values ---------------------------------------------------------------------------------
    def _module_constants(self, tree) -> dict:
        env = {}
        for stmt in tree.body:
            if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
                try:
                    env[stmt.targets[0].id] = self.value(stmt.value, env)
                except (_Unknown, ParseError):
                    pass
        return env

    def _keyword_hints(self, tree) -> dict:
        """Constants passed by keyword anywhere (``Autoencoder(latent_dim=256)``): a fallback for names."""
        hints = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                for kw in node.keywords:
                    if kw.arg and isinstance(kw.value, ast.Constant) and isinstance(kw.value.value, (int, float)):
                        hints.setdefault(kw.arg, kw.value.value)
        return hints

    def lookup(self, name: str, env: dict, line: int):
        for source in (env, self.given, self.module_env, self.hints):
            if name in source:
                if source is not env:
                    self.used[name] = source[name]
                return source[name]
        if name in ("True", "False", "None"):
            return {"True": True, "False": False, "None": None}[name]
        raise _Unknown(name, line)

    def value(self, node, env: dict):
        line = getattr(node, "lineno", None)
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, (ast.Tuple, ast.List)):
            return tuple(self.value(e, env) for e in node.elts)
        if isinstance(node, ast.Name):
            return self.lookup(node.id, env, line)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
            v = self.value(node.operand, env)
            return -v if isinstance(node.op, ast.USub) else +v
        if isinstance(node, ast.BinOp) and type(node.op) in _BINOPS:
            a, b = self.value(node.left, env), self.value(node.right, env)
            if isinstance(node.op, ast.Pow) and (not isinstance(b, int) or abs(b) > 64):
                raise ParseError(t("parse.expression", line=line), line)
            try:
                return _BINOPS[type(node.op)](a, b)
            except Exception:  # noqa: BLE001 - 1/0, "a" * "b": a bad expression, told as such
                raise ParseError(t("parse.expression", line=line), line) from None
        if isinstance(node, ast.Attribute):  # activation=tf.nn.relu -> 'relu'
            if node.attr in keras_rules.ACTIVATIONS:
                return node.attr
            if isinstance(node.value, ast.Name) and node.attr == "shape":
                return None
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute) and node.value.attr == "shape":
            return _BATCH
        if isinstance(node, ast.Call):
            fn = _tail(node.func)
            if fn in ("size",) or (fn == "len" and len(node.args) == 1):
                return _BATCH
            if fn in ("int", "float") and len(node.args) == 1:
                return {"int": int, "float": float}[fn](self.value(node.args[0], env))
        raise ParseError(t("parse.expression", line=line), line)

    # ---- layers -----------------------------------------------------------------------------------
    def _rules_for(self, name: str):
        if name in keras_rules.RULES and (self.dialect in (None, "keras") or name not in torch_rules.RULES):
            return "keras", keras_rules.RULES[name]
        if name in torch_rules.RULES:
            return "pytorch", torch_rules.RULES[name]
        return None, None

    def layer(self, call: ast.Call, env: dict) -> dict | None:
        """A layer call -> its stack dict (None for an Input, which sets the input shape)."""
        name = _tail(call.func)
        line = call.lineno
        if name in _INPUTS:
            kwargs = {k.arg: self.value(k.value, env) for k in call.keywords if k.arg}
            shape = self.value(call.args[0], env) if call.args else kwargs.get("shape", kwargs.get("input_shape"))
            if shape is not None:
                self.input_shape = tuple(shape)
            return None
        dialect, rule = self._rules_for(name)
        if rule is None:
            raise ParseError(t("parse.unknown_layer", line=line, name=name), line)
        if self.dialect is None:
            self.dialect = dialect
        elif dialect != self.dialect:
            raise ParseError(t("parse.mixed", line=line, name=name), line)
        if any(isinstance(a, ast.Starred) for a in call.args) or any(k.arg is None for k in call.keywords):
            raise ParseError(t("parse.expression", line=line), line)
        args = tuple(self.value(a, env) for a in call.args)
        kwargs = {k.arg: self.value(k.value, env) for k in call.keywords}
        if any(v is _BATCH for v in args + tuple(kwargs.values())):  # x.shape[0] means something only in a reshape
            raise ParseError(t("parse.expression", line=line), line)
        try:
            bound = bind(rule, args, kwargs, Ctx(name))
        except LayerError as e:
            raise ParseError(t("parse.line", line=line) + str(e), line) from None
        spec = {"type": name}
        given = set(rule.keywords[:len(args)]) | set(kwargs)
        for key in rule.keywords + tuple(sorted(rule.accepted)):
            if key in given:
                spec[key] = _listify(bound[key])
        if dialect == "keras" and "input_shape" in spec:
            self.input_shape = tuple(spec.pop("input_shape"))
        elif dialect == "keras" and "input_dim" in spec:
            self.input_shape = (spec.pop("input_dim"),)
        return spec

    def sequence(self, items, env: dict) -> list[dict]:
        """Layer calls (and nested Sequentials) -> stack dicts, in order."""
        stack = []
        for node in items:
            if not isinstance(node, ast.Call):
                raise ParseError(t("parse.not_layer", line=node.lineno), node.lineno)
            if _tail(node.func) == _SEQUENTIAL:
                stack += self.sequential(node, env)
            else:
                spec = self.layer(node, env)
                if spec is not None:
                    stack.append(spec)
        return stack

    def sequential(self, call: ast.Call, env: dict) -> list[dict]:
        if len(call.args) == 1 and isinstance(call.args[0], (ast.List, ast.Tuple)):
            return self.sequence(call.args[0].elts, env)  # Keras Sequential([...])
        return self.sequence(call.args, env)  # nn.Sequential(a, b, ...)

    # ---- classes ----------------------------------------------------------------------------------
    def instance(self, cls: ast.ClassDef, args, kwargs, depth: int = 0) -> list[dict]:
        """The stack a class computes: bind __init__'s arguments, then follow forward()/call()."""
        if depth > 8:
            raise ParseError(t("parse.too_deep", line=cls.lineno), cls.lineno)
        init = next((f for f in cls.body if isinstance(f, ast.FunctionDef) and f.name == "__init__"), None)
        env: dict = {}
        if init is not None:
            params = [a.arg for a in init.args.args[1:]]
            defaults = init.args.defaults
            for p, d in zip(params[len(params) - len(defaults):], defaults):
                env[p] = self.value(d, {})
            env.update(dict(zip(params, args)))
            env.update({k: v for k, v in kwargs.items() if k in params})
            for p in params:
                if p not in env:
                    try:
                        env[p] = self.lookup(p, {}, init.lineno)
                    except _Unknown:
                        pass
        parts = self._attributes(init, env, depth) if init is not None else {}
        fwd = next((f for f in cls.body if isinstance(f, ast.FunctionDef) and f.name in ("forward", "call")), None)
        if fwd is None:  # no forward: the parts in the order __init__ made them
            return [spec for part in parts.values() for spec in part]
        return self._follow(fwd, parts)

    def _attributes(self, init: ast.FunctionDef, env: dict, depth: int) -> dict[str, list[dict]]:
        parts: dict[str, list[dict]] = {}
        for stmt in ast.walk(init):
            if not (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1):
                continue
            target, value = stmt.targets[0], stmt.value
            if isinstance(target, ast.Name) and not isinstance(value, ast.Call):
                try:
                    env[target.id] = self.value(value, env)
                except (_Unknown, ParseError):
                    pass
                continue
            if not (isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name)
                    and target.value.id == "self" and isinstance(value, ast.Call)):
                continue
            fn = _tail(value.func)
            if fn == _SEQUENTIAL:
                parts[target.attr] = self.sequential(value, env)
            elif fn in self.classes:
                args = tuple(self.value(a, env) for a in value.args)
                kwargs = {k.arg: self.value(k.value, env) for k in value.keywords if k.arg}
                parts[target.attr] = self.instance(self.classes[fn], args, kwargs, depth + 1)
            else:
                spec = self.layer(value, env)
                parts[target.attr] = [spec] if spec else []
        return parts

    def _follow(self, fwd: ast.FunctionDef, parts: dict[str, list[dict]]) -> list[dict]:
        stack: list[dict] = []
        for stmt in fwd.body:
            value = stmt.value if isinstance(stmt, (ast.Assign, ast.Return, ast.Expr)) else None
            if isinstance(value, ast.Tuple):  # return latent, output: nothing new is computed
                continue
            if not isinstance(value, ast.Call):
                continue
            func = value.func
            if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "self" \
                    and func.attr in parts:
                stack += parts[func.attr]
            elif _tail(func) in ("reshape", "view", "flatten"):
                stack += self._reshape(value, stack)
            elif _tail(func) in _FUNCTIONAL and self.dialect in (None, "pytorch"):
                stack.append({"type": _FUNCTIONAL[_tail(func)]})
        return stack

    def _reshape(self, call: ast.Call, stack) -> list[dict]:
        line = call.lineno
        if _tail(call.func) == "flatten":
            self.notes.append(t("parse.note_flatten", line=line))
            return [{"type": "Flatten"}]
        dims = [self.value(a, {}) for a in call.args]
        if len(dims) == 1 and isinstance(dims[0], tuple):
            dims = list(dims[0])
        if dims and (dims[0] is _BATCH or dims[0] == -1 and len(dims) > 1 and -1 not in dims[1:]):
            dims = dims[1:]
        if any(d is _BATCH or not isinstance(d, int) for d in dims) or not dims:
            raise ParseError(t("parse.reshape", line=line), line)
        if len(dims) == 1:
            self.notes.append(t("parse.note_flatten", line=line))
            return [{"type": "Flatten"}]
        last = next((s["type"] for s in reversed(stack) if s["type"] not in _SHAPE_KEEPING), None)
        ops = [] if last in ("Linear", "Flatten", "Dense") else [{"type": "Flatten"}]  # x.reshape reads flat
        self.notes.append(t("parse.note_unflatten", line=line, dims=tuple(dims)))
        return ops + [{"type": "Unflatten", "dim": 1, "unflattened_size": list(dims)}]

    # ---- the model --------------------------------------------------------------------------------
    def model(self) -> list[dict]:
        """Pick the model the code builds; the last one defined wins."""
        found: list[tuple[int, list[dict]]] = []
        chains: dict[str, list] = {}
        instantiated = False
        for stmt in ast.walk(self.tree):
            if isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Call) and len(stmt.targets) == 1:
                fn = _tail(stmt.value.func)
                target = stmt.targets[0]
                if fn == _SEQUENTIAL and isinstance(target, ast.Name):
                    if stmt.value.args:
                        found.append((stmt.lineno, self.sequential(stmt.value, {})))
                    elif isinstance(target, ast.Name):
                        chains[target.id] = []
                        found.append((stmt.lineno, chains[target.id]))
                elif fn in self.classes and self._top_level(stmt):
                    cls = self.classes[fn]
                    args = tuple(self.value(a, {}) for a in stmt.value.args)
                    kwargs = {k.arg: self.value(k.value, {}) for k in stmt.value.keywords if k.arg}
                    found.append((stmt.lineno, self.instance(cls, args, kwargs)))
                    instantiated = True
        for node in sorted((n for n in ast.walk(self.tree) if isinstance(n, ast.Call)), key=lambda n: (n.lineno, n.col_offset)):
            func = node.func
            if isinstance(func, ast.Attribute) and func.attr == "add" and isinstance(func.value, ast.Name) \
                    and func.value.id in chains and len(node.args) == 1 and isinstance(node.args[0], ast.Call):
                spec = self.layer(node.args[0], {})
                if spec is not None:
                    chains[func.value.id].append(spec)
        if not found and self.classes and not instantiated:
            root = self._root_class()
            found.append((root.lineno, self.instance(root, (), {})))
        if not found:  # a bare nn.Sequential(...) expression, e.g. pasted from a notebook cell
            calls = [n for n in ast.walk(self.tree) if isinstance(n, ast.Call) and _tail(n.func) == _SEQUENTIAL]
            if calls:
                first = min(calls, key=lambda n: n.lineno)
                found.append((first.lineno, self.sequential(first, {})))
        if not found:
            raise ParseError(t("parse.no_model"))
        return max(found, key=lambda f: f[0])[1]

    def _top_level(self, stmt) -> bool:
        return any(stmt is s for s in self.tree.body)

    def _root_class(self) -> ast.ClassDef:
        """The class no other class builds (the whole model), the last one if several."""
        used = {_tail(n.func) for c in self.classes.values() for n in ast.walk(c) if isinstance(n, ast.Call)}
        roots = [c for name, c in self.classes.items() if name not in used]
        return max(roots or self.classes.values(), key=lambda c: c.lineno)


def _clean(source: str) -> str:
    """Notebook lines (``!pip``, ``%matplotlib``) are not Python: blank them, keep line numbers."""
    return "\n".join("" if line.lstrip().startswith(("!", "%")) else line for line in source.splitlines())


def read_code(source: str, variables: dict | None = None) -> Parsed:
    if not isinstance(source, str) or not source.strip():
        raise ParseError(t("parse.empty"))
    if len(source) > MAX_SOURCE:
        raise ParseError(t("parse.too_long", n=MAX_SOURCE))
    try:
        tree = ast.parse(_clean(source).expandtabs(8))
    except SyntaxError as e:
        raise ParseError(t("parse.syntax", line=e.lineno, msg=e.msg), e.lineno) from None
    reader = _Reader(tree, variables or {})
    try:
        stack = reader.model()
    except _Unknown as e:
        raise ParseError(t("parse.unknown_name", line=e.line, name=e.name), e.line, e.name) from None
    except RecursionError:
        raise ParseError(t("parse.too_deep", line=1), 1) from None
    if not stack:
        raise ParseError(t("parse.no_layers"))
    dialect = reader.dialect or "keras"
    return Parsed(dialect, stack, reader.input_shape, reader.used, reader.notes)


def guess_input_shape(parsed: Parsed) -> tuple:
    """An input shape for code that does not say one: from the first layer's channels or features."""
    if parsed.input_shape:
        return tuple(parsed.input_shape)
    first = parsed.stack[0]
    if parsed.dialect == "pytorch":
        if first["type"] in ("Conv2d", "ConvTranspose2d"):
            c = first.get("in_channels", 1)
            side = 28 if c == 1 else 32
            return (c, side, side)
        if first["type"] == "Linear":
            return (first.get("in_features", 784),)
        return (1, 28, 28)
    return (28, 28, 1)
