"""Convert the text catalogs from Python tuples to gettext .po files, one per language (run once).

Until this conversion the catalogs were seven modules of ``aecore/text`` (``TEXT = {key: (en, ko)}``).
This script reads them from a git revision, keeps every key unchanged as the entry's ``msgctxt``, and
writes ``aecore/text/po/en.po`` and ``ko.po``: the English as ``msgid`` in both (what a translator reads),
each language's text as ``msgstr``, and a comment per string saying where it shows and what each of its
placeholders is. Babel writes the files, so they are what Poedit, Weblate or ``msgfmt`` expect.

    python tools/catalog_to_po.py --rev a362ff7
"""
from __future__ import annotations

import argparse
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

AREAS = ("layers", "app", "builder", "learn", "use", "models", "course")


def old_catalog(rev: str) -> dict[str, tuple[str, str, str]]:
    """key -> (area, en, ko), from the Python catalogs at ``rev``."""
    out = {}
    for area in AREAS:
        source = subprocess.run(["git", "show", f"{rev}:aecore/text/{area}.py"], cwd=ROOT, check=True,
                                capture_output=True, text=True).stdout
        scope: dict = {}
        exec(compile(source, f"aecore/text/{area}.py", "exec"), scope)  # our own files, at our own revision
        for key, (en, ko) in scope["TEXT"].items():
            out[key] = (area, en, ko)
    return out


def main() -> None:
    import importlib.util  # aecore.text itself reads the files this writes: load only its catalog module
    spec = importlib.util.spec_from_file_location("catalog", ROOT / "aecore/text/catalog.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rev", default="HEAD", help="the git revision whose Python catalogs to convert")
    args = p.parse_args()
    entries = {key: (en, ko) for key, (_, en, ko) in old_catalog(args.rev).items()}
    module.write_catalogs(entries)
    print(f"wrote {len(entries)} keys")


if __name__ == "__main__":
    main()
