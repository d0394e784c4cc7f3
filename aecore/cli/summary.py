"""`python -m aecore summary`: the shape table of a JSON stack, pasted code, or a lesson's model.

    python -m aecore summary --input 28,28,1 --json < stack.json
    python -m aecore summary --code model.py
    python -m aecore summary --preset s0-keras-conv
"""
from __future__ import annotations

import json
import sys
import unicodedata

from aecore.shapes.layers import LayerError, Summary, detect_dialect, first_input_shape, parse_shape, summarize
from aecore.shapes.parse import guess_input_shape, read_code
from aecore.shapes.presets import make
from aecore.shapes.rules import fmt_shape
from aecore.text import t

EXIT_OK, EXIT_INVALID = 0, 2


def cols(text: str) -> int:
    """How many terminal columns ``text`` takes: Hangul and other wide characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def table(summary: Summary) -> str:
    """A readable table in the manner of Keras's model.summary()."""
    head = ("#", t("cli.layer"), t("cli.output"), t("cli.params"), t("cli.why"))
    rows = [(str(r.index), r.type, fmt_shape(r.output_shape), f"{r.params:,}", r.why + (f"  ⚠ {r.warning}" if r.warning else ""))
            for r in summary.rows]
    widths = [max(cols(x) for x in col) for col in zip(head, *rows)] if rows else [cols(h) for h in head]
    widths[-1] = min(widths[-1], 100)

    def line(cells):
        return "  ".join(c + " " * (w - cols(c)) for c, w in zip(cells, widths)).rstrip()
    out = [t("cli.model",  dialect=summary.dialect, shape=fmt_shape(summary.input_shape)),
           line(head), "  ".join("─" * w for w in widths)]
    out += [line(r) for r in rows]
    out.append("  ".join("─" * w for w in widths))
    if summary.ok:
        out += [t("cli.total",  n=f"{summary.total_params:,}"),
                t("cli.trainable",  n=f"{summary.trainable_params:,}"),
                t("cli.frozen",  n=f"{summary.total_params - summary.trainable_params:,}")]
        key = "cli.same" if summary.same_as_input else "cli.differs"
        out.append(t(key,  out=fmt_shape(summary.output_shape), inp=fmt_shape(summary.input_shape)))
    else:
        out.append("✗ " + summary.error)
    return "\n".join(out)


def _load_stack(args):
    """(stack, input_shape or None, dialect) from --preset, --code or JSON on stdin."""
    if args.preset:
        stack, shape, dialect = make(args.preset)
        return stack, shape, dialect
    if args.code:
        with open(args.code, encoding="utf-8") as f:
            parsed = read_code(f.read())
        args.read = {"notes": parsed.notes, "input_guessed": parsed.input_shape is None}
        return parsed.stack, guess_input_shape(parsed), parsed.dialect
    stack = json.load(sys.stdin)
    dialect = args.dialect if args.dialect != "auto" else detect_dialect(stack if isinstance(stack, list) else [])
    shape = first_input_shape(stack) if isinstance(stack, list) else None
    return stack, shape, dialect


def cmd_summary(args) -> int:
    try:
        stack, shape, dialect = _load_stack(args)
        if args.dialect != "auto":
            dialect = args.dialect
        if args.input:
            shape = parse_shape(args.input)
        if shape is None:
            raise LayerError(t("cli.need_input"))
        summary = summarize(stack, shape, dialect)
    except (LayerError, ValueError, OSError) as e:  # bad JSON, bad input shape, unreadable code
        message = str(e)
        if args.json:
            print(json.dumps({"error": message, "layer_index": None, "line": getattr(e, "line", None), "rows": []},
                             ensure_ascii=False))
        else:
            print("✗ " + message, file=sys.stderr)
        return EXIT_INVALID
    read = getattr(args, "read", None) or {}
    if args.input and read:
        read["input_guessed"] = False
    if args.json:
        out = summary.to_json()
        out.update({"dialect": summary.dialect, "input_shape": list(summary.input_shape), **read})
        print(json.dumps(out, ensure_ascii=False))
    else:
        print(table(summary))
        for note in read.get("notes", []):
            print("• " + note)
    return EXIT_OK if summary.ok else EXIT_INVALID


def add_commands(sub) -> None:
    s = sub.add_parser("summary", help="the shape table of a layer stack")
    s.add_argument("--input", help="input shape without the batch, e.g. 28,28,1 (Keras) or 1,28,28 (PyTorch)")
    s.add_argument("--json", action="store_true", help="print JSON instead of a table")
    src = s.add_mutually_exclusive_group()
    src.add_argument("--code", help="read Keras or PyTorch model code from this file instead of JSON on stdin")
    src.add_argument("--preset", help="one of the lessons' models")
    s.add_argument("--dialect", choices=("auto", "keras", "pytorch"), default="auto")
    s.set_defaults(func=cmd_summary)
