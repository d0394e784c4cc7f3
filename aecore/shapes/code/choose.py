"""The code reader's entry point: ``read_code`` checks the paste's size, reads it, and picks the model it
builds; ``guess_input_shape`` gives an input shape for code that says none."""
from __future__ import annotations

import ast
import re

from aecore.shapes.code import tf1
from aecore.shapes.code.objects import (MAX_NODES, MAX_SOURCE, PARAM_FREE, Instance, Model, Parsed, Seq, Tensor,
                                        is_custom_layer)
from aecore.shapes.code.reader import Reader
from aecore.shapes.code.values import ParseError, Unknown, fail
from aecore.shapes.layers import summarize
from aecore.text import t


def _flatten_specs(layers: list, line: int) -> list[dict]:
    """Layer objects -> the stack's dicts; a layer with weights may appear once only (a second use would
    share its weights, which a table of rows would count twice)."""
    seen, out = set(), []
    for layer in layers:
        if id(layer) in seen and layer.spec["type"] not in PARAM_FREE:
            raise fail("parse.shared_layer", layer.line)
        seen.add(id(layer))
        out.append(dict(layer.spec))
    return out


def _candidate(reader, value, line: int):
    """(layers, input shape) of a model-ish value, or None. The input shape is the model's own (an Input, an
    input_shape=), else the one the paste gives it (torch.randn(...) passed through it, a summary's input_size)."""
    example = reader.examples.get(id(value))
    if isinstance(value, Instance):
        value = reader.instance_as_seq(value, line)
    if isinstance(value, Seq) and value.kind != "input":
        layers = value.layers()
        first = next((item for item in value.items), None)
        shape = value.input_shape
        if shape is None and isinstance(first, Seq):  # Sequential([encoder, decoder]): the encoder's input
            shape = first.input_shape
        return (layers, shape or example) if layers else None
    if isinstance(value, Model):
        return (value.layers(), value.input_shape or example) if value.chain else None
    if isinstance(value, Tensor):  # TF1: the layers from a placeholder to this tensor
        return list(value.specs), value.input_shape
    return None


_MARK = re.compile(r"\s*-{2,3}\s*\(\d+\)\s*$")  # a blog's '---(3)' after a line: a label, not Python


def _clean(source: str) -> str:
    """Notebook lines (``!pip``, ``%matplotlib``) are not Python: blank them; drop the numbered labels some
    lessons put after a line (``model.add(...)  ---(1)``). Line numbers stay."""
    return "\n".join("" if line.lstrip().startswith(("!", "%")) else _MARK.sub("", line)
                     for line in source.splitlines())


def _tree(source: str) -> ast.Module:
    if not isinstance(source, str) or not source.strip():
        raise ParseError(t("parse.empty"))
    if len(source) > MAX_SOURCE:
        raise ParseError(t("parse.too_long", n=MAX_SOURCE))
    try:
        tree = ast.parse(_clean(source).expandtabs(8))
    except SyntaxError as e:
        raise ParseError(t("parse.syntax", line=e.lineno or 1, msg=e.msg), e.lineno) from None
    except (RecursionError, MemoryError, ValueError):  # 2,500 nested minus signs, a NUL byte ...
        raise ParseError(t("parse.too_deep_expression", line=1), 1) from None
    n = 0
    for _ in ast.walk(tree):
        n += 1
        if n > MAX_NODES:
            raise ParseError(t("parse.too_big", n=MAX_NODES))
    return tree


def read_code(source: str, variables: dict | None = None):
    """The model the pasted code builds, as a layer stack (see ``aecore.shapes.code``). Every failure is a
    ``ParseError`` with a message (and a line where there is one); a name the code never sets is asked for
    (the error's ``name``)."""
    tree = _tree(source)
    reader = Reader(tree, variables or {})
    try:
        if reader.tf1 and (weights := tf1.hand_made_weights(tree)) is not None:
            raise weights
        reader.run(tree.body, reader.globals, top=True)
        layers, shape, line, name = _choose(reader, tree)
        stack = _flatten_specs(layers, line)
    except ParseError as e:
        if reader.tf1 and e.name is None:  # TensorFlow 1 code: said as such, with the way forward
            raise tf1.refused(e) from None
        raise
    except Unknown as e:
        raise ParseError(t("parse.unknown_name", line=e.line, name=e.name), e.line, e.name) from None
    except (RecursionError, MemoryError):
        raise ParseError(t("parse.too_deep_expression", line=1), 1) from None
    except Exception as e:  # noqa: BLE001 - a reader bug must still be a clear refusal, never a crash
        raise ParseError(t("parse.internal", what=type(e).__name__)) from e
    if not stack:
        raise ParseError(t("parse.no_layers"))
    for i, layer in enumerate(layers):
        if i and layer.input_shape is not None and layer.dialect == "keras":
            reader.note("parse.note_late_input_shape", line=layer.line)
    dialect = reader.dialect or "keras"
    parsed = Parsed(dialect, stack, tuple(shape) if shape else None, reader.used, reader.notes)
    _check_inner_inputs(reader, parsed, layers)
    if any(s.get("unflattened_size") == "input" for s in stack):
        target = list(guess_input_shape(parsed))
        for s in stack:
            if s.get("unflattened_size") == "input":
                s["unflattened_size"] = target
    return parsed


def _check_inner_inputs(reader, parsed, layers) -> None:
    """A model inside the model that declares its own input (a decoder opening with InputLayer((16,))) must get
    that shape where it is used, as Keras checks; else the table would show weights Keras never makes."""
    checks = [(i, reader.expects[id(layer)]) for i, layer in enumerate(layers) if id(layer) in reader.expects]
    if not checks:
        return
    summary = summarize(parsed.stack, guess_input_shape(parsed), parsed.dialect)
    for i, (expected, line) in checks:
        if i < len(summary.rows) and tuple(summary.rows[i].input_shape) != expected:
            raise ParseError(t("parse.inner_input", line=line, expected=expected,
                               got=tuple(summary.rows[i].input_shape)), line)


def _choose(reader, tree):
    """The model the code builds: of the models assigned at the top of the paste, the one with the most layers
    (an autoencoder holds its encoder and decoder); else one a function or class there makes when called."""
    found = []
    for line, name, value in reader.assigned:
        c = _candidate(reader, value, line)
        if c is not None:
            found.append((len(c[0]), line, name, c, value))
    if not found and reader.placeholders:  # TF1 graph code: no layer is applied to its placeholders
        raise ParseError(t("parse.tf1_no_input"))
    if not found:
        try:
            found = _uncalled(reader, tree)
        except (ParseError, Unknown):
            if reader.tf1:  # (a TF1 function's tensor argument is not a number to ask for)
                raise ParseError(t("parse.tf1_no_input")) from None
            raise
    best = max(found, key=lambda f: (f[0], reader.tf1 and _rebuilds(f[3]), f[1]))
    layers, shape = best[3]
    if shape is None and layers and layers[0].input_shape is not None:
        shape = layers[0].input_shape
    if isinstance(best[4], Tensor):  # TF1: the tensors on the way there are not other models
        reader.note("parse.note_tf1", line=reader.placeholders.get(best[4].origin, 1))
        found = [f for f in found if not (isinstance(f[4], Tensor) and len(f[3][0]) <= len(layers) and
                                          all(a is b for a, b in zip(f[3][0], layers)))]
    others = sorted({f[2] for f in found if f is not best and f[2] and f[2] != best[2]})
    if others:
        reader.note("parse.note_chosen", line=best[1], name=best[2] or "…", others=", ".join(others))
    return layers, shape, best[1], best[2]


def _rebuilds(candidate) -> bool:
    """Whether a candidate's output has its input's shape (in TF1 code, of two branches as long, the decoder's
    and a classifier's, the autoencoder's)."""
    layers, shape = candidate
    if not shape:
        return False
    summary = summarize([dict(layer.spec) for layer in layers], shape, "keras")
    return summary.ok and tuple(summary.output_shape) == tuple(shape)


def _uncalled(reader, tree) -> list:
    """Models defined but never built in the paste: what its model-building functions return when called with
    their defaults, else the classes no other class uses (built with their ``__init__``'s defaults). A parameter
    without a default takes the paste's constant of that name, or is asked from the learner. When nothing can
    be built, the first reason is the error (not a vague 'no model')."""
    out, errors = [], []

    def attempt(node, build):
        try:
            values = build()
        except (ParseError, Unknown) as e:
            errors.append(e)
            return
        for v in (values if isinstance(values, tuple) else (values,)):
            c = _candidate(reader, v, node.lineno)
            if c is not None:
                out.append((len(c[0]), node.lineno, node.name, c, v))
                reader.note("parse.note_uncalled", line=node.lineno, name=node.name)
    for stmt in tree.body:
        if isinstance(stmt, ast.FunctionDef) and stmt.name in reader.makers:
            attempt(stmt, lambda s=stmt: reader.run_function(s, [], {}, s.lineno))
    if not out:
        classes = [s for s in tree.body if isinstance(s, ast.ClassDef) and s.name in reader.makers and
                   not is_custom_layer(s)]
        used = {n.id for c in classes for n in ast.walk(c) if isinstance(n, ast.Name)} | \
               {n.attr for c in classes for n in ast.walk(c) if isinstance(n, ast.Attribute)}
        for root in [c for c in classes if c.name not in used] or classes[-1:]:
            attempt(root, lambda r=root: reader.instantiate(r, [], {}, r.lineno))
    if not out and errors:
        raise errors[0]
    if not out:
        raise ParseError(t("parse.no_model"))
    return out


SIDES = (28, 32, 64, 16, 96, 128, 224, 256, 48, 8)  # image sides tried, the lessons' first


def guess_input_shape(parsed) -> tuple:
    """An input shape for code that does not say one: of the shapes its first layers allow (a final
    Reshape/Unflatten's target, the first convolution's channels at the usual sides, a flattened Linear's
    features as an image), the first the model gives back unchanged (an autoencoder rebuilds its input), else
    the first it accepts, else the first tried."""
    if parsed.input_shape:
        return tuple(parsed.input_shape)
    options = list(dict.fromkeys(_options(parsed)))
    images = [s for s in options if len(s) == 3]
    if images:  # then every other side, for models made for 6×6 or 100×100 images
        c, keras = (images[0][2], True) if parsed.dialect != "pytorch" else (images[0][0], False)
        options += [(s, s, c) if keras else (c, s, s) for s in range(1, 257) if s not in SIDES]
    accepted = None
    for i, shape in enumerate(options):
        summary = summarize(parsed.stack, shape, parsed.dialect)
        if summary.ok and tuple(summary.output_shape) == shape:
            return shape
        if summary.ok and accepted is None:
            accepted = shape
        if accepted is not None and i >= len(SIDES) * 2 + 4:  # the usual sizes were tried: take what fits
            break
    return accepted or options[0]


def _options(parsed) -> list[tuple]:
    stack, keras = parsed.stack, parsed.dialect != "pytorch"
    out = []
    last = stack[-1]
    target = last.get("target_shape") if last["type"] == "Reshape" else last.get("unflattened_size") \
        if last["type"] == "Unflatten" else None
    if isinstance(target, list) and target and all(isinstance(d, int) and d > 0 for d in target):
        out.append(tuple(target))
    flattened = False
    for layer in stack:
        kind = layer["type"]
        if kind == "Flatten":
            flattened = True
        elif kind in ("Conv2d", "ConvTranspose2d", "BatchNorm2d"):
            c = layer.get("in_channels", layer.get("num_features", 1))
            return out + [(c, s, s) for s in (SIDES if c == 1 else (32,) + SIDES)]
        elif kind in ("Linear", "Dense"):
            n = layer.get("in_features") if kind == "Linear" else next(
                (x.get("units") for x in reversed(stack) if x["type"] == "Dense"), 784)
            images = [image for c in (1, 3) for s in SIDES for image in [(c, s, s) if not keras else (s, s, c)]
                      if c * s * s == n] + ([(int(n ** 0.5),) * 2] if keras and int(n ** 0.5) ** 2 == n else [])
            return out + (images + [(n,)] if flattened else [(n,)] + images)
        elif kind in ("Conv2D", "Conv2DTranspose", "SeparableConv2D", "DepthwiseConv2D"):
            break
    return out + [(c, s, s) if not keras else (s, s, c) for c in (1, 3) for s in SIDES]
