"""The code reader's statements: assignments, ``for`` over a literal range or a ModuleList, ``if`` on known
values, functions and classes (``__init__`` then ``forward``/``call``). At the top of a paste, statements
that have nothing to do with the model (loading data, training, plotting) are passed over."""
from __future__ import annotations

import ast

from aecore.shapes.code import tf1
from aecore.shapes.code import values as sv
from aecore.shapes.code.objects import (MAX_CALL_DEPTH, PARAM_FREE, Function, Instance, Layer, Model, Opaque, Seq,
                                        Tensor, builds_model, forward_of, is_custom_layer, method, one_tensor)
from aecore.shapes.code.ops import Dim, Shape
from aecore.shapes.code.values import BATCH, ParseError, Unknown, fail


class _Return(Exception):
    def __init__(self, value):
        self.value = value


class Statements:
    """Mixed into the Reader."""

    def run(self, body: list, env: dict, top: bool = False):
        for stmt in body:
            self.budget.step(getattr(stmt, "lineno", None))
            self.statement(stmt, env, top)

    def statement(self, stmt, env, top=False):
        line = getattr(stmt, "lineno", None)
        if isinstance(stmt, (ast.Import, ast.ImportFrom)):
            self._import(stmt)
        elif isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef):
            env[stmt.name] = Function(stmt)
        elif isinstance(stmt, ast.ClassDef):
            env[stmt.name] = stmt
        elif isinstance(stmt, ast.Assign):
            value = self._value_or_skip(stmt.value, env, line, top)
            for target in stmt.targets:
                self._bind(target, value, env, line)
                if top:  # encoder, decoder, autoencoder = build(): each a candidate
                    names = [target] if isinstance(target, ast.Name) else \
                        [e for e in getattr(target, "elts", []) if isinstance(e, ast.Name)]
                    for name in names:
                        v = env.get(name.id)
                        if isinstance(v, (Seq, Model, Instance)) or isinstance(v, Tensor) and v.specs and \
                                v.origin in self.placeholders:  # TF1: a tensor made from a placeholder
                            self.assigned.append((line, name.id, v))
        elif isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
            self._bind(stmt.target, self._value_or_skip(stmt.value, env, line, top), env, line)
        elif isinstance(stmt, ast.AugAssign):
            current = self.value(stmt.target, env)
            more = self.value(stmt.value, env)
            if isinstance(current, Seq):
                for item in (more.items if isinstance(more, Seq) else more):
                    self.append_item(current, item, line)
            else:
                self._bind(stmt.target, sv.binop(stmt.op, current, more, line), env, line)
        elif isinstance(stmt, ast.Expr):
            if isinstance(stmt.value, ast.Call):
                self._value_or_skip(stmt.value, env, line, top, expression=True)
        elif isinstance(stmt, ast.Return):
            raise _Return(self.value(stmt.value, env) if stmt.value is not None else None)
        elif isinstance(stmt, ast.For):
            try:
                items = self.value(stmt.iter, env)
            except (ParseError, Unknown):
                if top and not builds_model(stmt, self.makers):
                    return  # a training loop over a data loader: nothing of the model
                raise
            items = items.items if isinstance(items, Seq) else items
            if not isinstance(items, (tuple, list)):
                if top and not builds_model(stmt, self.makers):
                    return
                raise fail("parse.expression", line)
            for item in items:
                self._bind(stmt.target, item, env, line)
                self.run(stmt.body, env, top)
        elif isinstance(stmt, ast.If):
            if top and any(isinstance(n, ast.Name) and n.id == "__name__" for n in ast.walk(stmt.test)):
                self.run(stmt.body, env, top)  # if __name__ == "__main__": the script's own run
                return
            try:
                test = self.value(stmt.test, env)
            except (ParseError, Unknown):
                if top and not builds_model(stmt, self.makers):
                    return
                raise fail("parse.undecided_if", line) from None
            self.run(stmt.body if test else stmt.orelse, env, top)
        elif isinstance(stmt, (ast.Pass, ast.Assert, ast.Global, ast.Nonlocal, ast.Delete)):
            pass
        elif isinstance(stmt, ast.With) and self.tf1 and tf1.scopes_only(stmt):
            self.run(stmt.body, env, top)  # with tf.variable_scope("encoder"): names, nothing else
        elif isinstance(stmt, ast.With) and self.tf1 and tf1.arg_scopes(stmt):
            tf1.run_arg_scope(self, stmt, env, top)  # with arg_scope([fully_connected], activation_fn=...):
        elif isinstance(stmt, (ast.With, ast.Try)) and top:
            self.run(stmt.body, env, top)
        elif isinstance(stmt, ast.While) and top and not builds_model(stmt, self.makers):
            pass
        elif not top or builds_model(stmt, self.makers):
            raise fail("parse.statement", line)

    def _value_or_skip(self, node, env, line, top, expression=False):
        """At the top of the paste, a statement that has nothing to do with the model (loading data,
        plotting) is passed over, and what it would have set becomes an ``Opaque`` that raises the same
        problem only if the model uses it; inside a model's own code nothing is passed over."""
        if not top:
            return self.value(node, env)
        try:
            return self.value(node, env)
        except (ParseError, Unknown) as e:
            if builds_model(node, self.makers):
                raise
            return None if expression else Opaque(ast.unparse(node)[:40], line, e)

    def _bind(self, target, value, env, line):
        if isinstance(target, ast.Name):
            env[target.id] = value
        elif isinstance(target, (ast.Tuple, ast.List)) and isinstance(value, Opaque):
            for t_ in target.elts:  # (x_train, _), (x_test, _) = mnist.load_data(): nothing the model needs
                self._bind(t_.value if isinstance(t_, ast.Starred) else t_, value, env, line)
        elif isinstance(target, (ast.Tuple, ast.List)):
            if isinstance(value, Shape):  # N, C, H, W = x.size()
                value = value.full if value.full is not None else \
                    (BATCH,) + tuple(Dim(i) for i in range(1, len(target.elts)))
            values = value.items if isinstance(value, Seq) else value
            if not isinstance(values, (tuple, list)) or len(values) != len(target.elts):
                raise fail("parse.expression", line)
            for t_, v in zip(target.elts, values):
                self._bind(t_, v, env, line)
        elif isinstance(target, ast.Attribute):
            owner = self.value(target.value, env)
            if isinstance(owner, Instance):
                owner.attrs[target.attr] = value
            elif target.attr == "trainable":
                raise fail("parse.trainable", line)
        elif isinstance(target, ast.Subscript):
            raise fail("parse.statement", line)

    # ---- functions and classes --------------------------------------------------------------------------------
    def run_function(self, node: ast.FunctionDef, args, kwargs, line, bound=None):
        self.depth += 1
        if self.depth > MAX_CALL_DEPTH:
            raise fail("parse.too_deep", line)
        try:
            env = {}
            params = [a.arg for a in node.args.posonlyargs + node.args.args]
            if bound is not None and params and params[0] in ("self", "cls"):
                env[params[0]] = bound
                params = params[1:]
            defaults = node.args.defaults
            for p, dflt in zip(params[len(params) - len(defaults):], defaults):
                env[p] = self.value(dflt, self.globals)
            if len(args) > len(params) and node.args.vararg is None:
                raise fail("parse.expression", line)
            for p, a in zip(params, args):
                env[p] = a
            if node.args.vararg is not None:  # def conv_block(in_f, out_f, *args, **kwargs)
                env[node.args.vararg.arg] = tuple(args[len(params):])
            kwonly = [kw.arg for kw in node.args.kwonlyargs]
            for kw, dflt in zip(kwonly, node.args.kw_defaults):
                if dflt is not None:
                    env[kw] = self.value(dflt, self.globals)
            for k, v in kwargs.items():
                if k in params or k in kwonly:
                    env[k] = v
                elif node.args.kwarg is None:
                    raise fail("parse.expression", line)
            if node.args.kwarg is not None:
                env[node.args.kwarg.arg] = {k: v for k, v in kwargs.items() if k not in params and k not in kwonly}
            # a parameter the caller left out stays unset: where it is used, the paste's own constant of that
            # name is taken, or the learner is asked for its value (at that line)
            try:
                self.run(node.body, env)
            except _Return as r:
                return r.value
            return None
        finally:
            self.depth -= 1

    def instantiate(self, cls: ast.ClassDef, args, kwargs, line) -> Instance:
        if is_custom_layer(cls):
            raise fail("parse.custom_layer", line, name=cls.name)
        inst = Instance(cls, {}, line)
        init = method(cls, "__init__")
        if init is not None:
            self.run_function(init, args, kwargs, line, inst)
        return inst

    def instance_as_seq(self, inst: Instance, line) -> Seq:
        """A model object as its layers, by following its forward/call on a symbolic input."""
        fwd = forward_of(inst.cls)
        self.inputs += 1
        x = Tensor([], self.examples.get(id(inst)), self.inputs, line)
        out = one_tensor(self, self.run_function(fwd, [x], {}, line, inst), line)
        used = {id(layer) for layer in out.specs}
        unused = [name for name, layer in _owned(inst)
                  if id(layer) not in used and layer.spec["type"] not in PARAM_FREE]
        if unused and self.dialect == "pytorch":  # (an unused Keras layer is never built: it has no weights)
            self.note("parse.note_unused", line=fwd.lineno, names=", ".join(dict.fromkeys(unused)))
        return Seq(out.specs, "sequential", line, out.input_shape)


def _owned(inst: Instance, prefix: str = "self.", seen: set | None = None) -> list[tuple[str, Layer]]:
    """(attribute path, layer) of every layer a model object holds, through its containers and sub-models."""
    seen = set() if seen is None else seen
    if id(inst) in seen:
        return []
    seen.add(id(inst))
    out = []
    for name, value in inst.attrs.items():
        if isinstance(value, Layer):
            out.append((prefix + name, value))
        elif isinstance(value, (Seq, Model)):
            out += [(prefix + name, layer) for layer in value.layers()]
        elif isinstance(value, Instance):
            out += _owned(value, f"{prefix}{name}.", seen)
    return out
