"""Command line over the same core as the app: ``python -m aecore summary | train | bench``.

    python -m aecore summary --input 28,28,1 --json < stack.json
    python -m aecore train --dataset digits --preset s0-keras-conv --epochs 5 --json
    python -m aecore bench train --dataset digits --device cpu

Every command takes ``--lang en|ko`` for its messages (set once, for the whole command).
"""
from __future__ import annotations

import argparse
import sys

from aecore.cli import summary, train
from aecore.text import LANGS, set_lang


def _leaves(sub):
    """Every command's own parser (bench train, bench search, ...), where its options are read."""
    for parser in sub.choices.values():
        inner = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if inner:
            yield from _leaves(inner[0])
        else:
            yield parser


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m aecore", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    summary.add_commands(sub)
    train.add_commands(sub)
    for parser in _leaves(sub):
        parser.add_argument("--lang", choices=LANGS, default="en", help="the language of messages")
    args = ap.parse_args(argv)
    set_lang(args.lang)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
