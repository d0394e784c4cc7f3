"""Command line over the same core as the app.

    python -m aecore summary --input 28,28,1 --json < stack.json
    python -m aecore summary --code model.py
    python -m aecore summary --preset s0-keras-conv
"""
from __future__ import annotations

import argparse
import json
import sys

from aecore.i18n import t
from aecore.layers import LayerError, Summary, detect_dialect, first_input_shape, parse_shape, summarize
from aecore.rules import fmt_shape

EXIT_OK, EXIT_INVALID = 0, 2


def table(summary: Summary, lang: str = "en") -> str:
    """A readable table in the manner of Keras's model.summary()."""
    head = ("#", t("cli.layer", lang), t("cli.output", lang), t("cli.params", lang), t("cli.why", lang))
    rows = [(str(r.index), r.type, fmt_shape(r.output_shape), f"{r.params:,}", r.why + (f"  ⚠ {r.warning}" if r.warning else ""))
            for r in summary.rows]
    widths = [max(len(x) for x in col) for col in zip(head, *rows)] if rows else [len(h) for h in head]
    widths[-1] = min(widths[-1], 100)

    def line(cells):
        return "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()
    out = [t("cli.model", lang, dialect=summary.dialect, shape=fmt_shape(summary.input_shape)),
           line(head), "  ".join("─" * w for w in widths)]
    out += [line(r) for r in rows]
    out.append("  ".join("─" * w for w in widths))
    if summary.ok:
        out += [t("cli.total", lang, n=f"{summary.total_params:,}"),
                t("cli.trainable", lang, n=f"{summary.trainable_params:,}"),
                t("cli.frozen", lang, n=f"{summary.total_params - summary.trainable_params:,}")]
        key = "cli.same" if summary.same_as_input else "cli.differs"
        out.append(t(key, lang, out=fmt_shape(summary.output_shape), inp=fmt_shape(summary.input_shape)))
    else:
        out.append("✗ " + summary.error)
    return "\n".join(out)


def _load_stack(args, lang):
    """(stack, input_shape or None, dialect) from --preset, --code or JSON on stdin."""
    if args.preset:
        from aecore.presets import make
        stack, shape, dialect = make(args.preset)
        return stack, shape, dialect
    if args.code:
        from aecore.parse import guess_input_shape, read_code
        with open(args.code, encoding="utf-8") as f:
            parsed = read_code(f.read(), lang=lang)
        return parsed.stack, guess_input_shape(parsed), parsed.dialect
    stack = json.load(sys.stdin)
    dialect = args.dialect if args.dialect != "auto" else detect_dialect(stack if isinstance(stack, list) else [])
    shape = first_input_shape(stack) if isinstance(stack, list) else None
    return stack, shape, dialect


def cmd_summary(args) -> int:
    lang = args.lang
    try:
        stack, shape, dialect = _load_stack(args, lang)
        if args.dialect != "auto":
            dialect = args.dialect
        if args.input:
            shape = parse_shape(args.input, lang)
        if shape is None:
            raise LayerError(t("cli.need_input", lang))
        summary = summarize(stack, shape, dialect, lang)
    except (LayerError, ValueError, OSError) as e:  # bad JSON, bad input shape, unreadable code
        message = str(e)
        if args.json:
            print(json.dumps({"error": message, "layer_index": None, "rows": []}, ensure_ascii=False))
        else:
            print("✗ " + message, file=sys.stderr)
        return EXIT_INVALID
    if args.json:
        print(json.dumps(summary.to_json(), ensure_ascii=False))
    else:
        print(table(summary, lang))
    return EXIT_OK if summary.ok else EXIT_INVALID


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m aecore", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    s = sub.add_parser("summary", help="the shape table of a layer stack")
    s.add_argument("--input", help="input shape without the batch, e.g. 28,28,1 (Keras) or 1,28,28 (PyTorch)")
    s.add_argument("--json", action="store_true", help="print JSON instead of a table")
    src = s.add_mutually_exclusive_group()
    src.add_argument("--code", help="read Keras or PyTorch model code from this file instead of JSON on stdin")
    src.add_argument("--preset", help="one of the seed lessons' models")
    s.add_argument("--dialect", choices=("auto", "keras", "pytorch"), default="auto")
    s.add_argument("--lang", choices=("en", "ko"), default="en")
    s.set_defaults(func=cmd_summary)
    from aecore import cli_train  # train and bench: torch is imported only when they run
    cli_train.add_commands(sub)
    args = ap.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
