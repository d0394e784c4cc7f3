"""Add or change one text in both catalogs, in place (the rest of each file is left byte for byte).

    python tools/po_edit.py KEY --en "English" --ko "한국어" [--note "Where it shows. {x}: what x is"]

As a library: ``set_text(key, en, ko, note=None)``. Without ``note`` a changed entry keeps its comment and a
new entry gets the generated one (aecore/text/catalog.py: where it shows, each placeholder). A translator's
tool (Poedit, Weblate) edits the same files; this is for a developer adding a sentence with its code.
"""
from __future__ import annotations

import argparse
import importlib.util
import re
from pathlib import Path

from babel.messages.pofile import normalize

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("catalog", ROOT / "aecore/text/catalog.py")
catalog = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(catalog)


def _block(key: str, en: str, text: str, note: list[str]) -> str:
    lines = [f"#. {line}" for line in note]
    lines += ["#, python-brace-format"] if catalog.PLACEHOLDER.search(en) else []
    lines += [f"msgctxt {normalize(key, width=0)}", f"msgid {normalize(en, width=0)}", f"msgstr {normalize(text, width=0)}"]
    return "\n".join(lines) + "\n"


def set_text(key: str, en: str, ko: str, note: list[str] | None = None) -> None:
    for lang, text in (("en", en), ("ko", ko)):
        path = catalog.path(lang)
        source = path.read_text(encoding="utf-8")
        ctx = re.escape(f"msgctxt {normalize(key, width=0)}")
        # an entry: its comment lines, then msgctxt, msgid, msgstr (each possibly continued on "..." lines)
        found = re.search(rf"((?:^#.*\n)*)^{ctx}\n^msgid .*\n(?:^\".*\n)*^msgstr .*\n(?:^\".*\n)*", source, re.M)
        if found:
            kept = [line[3:] for line in found.group(1).splitlines() if line.startswith("#. ")]
            block = _block(key, en, text, note or kept or catalog.comment(key, en))
            source = source[:found.start()] + block + source[found.end():]
        else:
            source = source.rstrip("\n") + "\n\n" + _block(key, en, text, note or catalog.comment(key, en))
        path.write_text(source, encoding="utf-8")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("key")
    p.add_argument("--en", required=True)
    p.add_argument("--ko", required=True)
    p.add_argument("--note", action="append", help="a comment line (repeat for more)")
    a = p.parse_args()
    set_text(a.key, a.en, a.ko, a.note)


if __name__ == "__main__":
    main()
