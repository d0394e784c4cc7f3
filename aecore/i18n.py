"""User-facing text in English and Korean: ``t(key, lang, **values)``.

The core never reads a global language: every function that makes text takes ``lang``, because one
server serves many students, each with their own choice. ``aecore.ui`` passes the session's choice.
Catalogues live beside this file (``text_*.py``), one per area, each a dict key -> (en, ko).
"""
from __future__ import annotations

from aecore import text_app, text_layers

LANGS = ("en", "ko")
LANG_NAMES = {"en": "English", "ko": "한국어"}

CATALOG: dict[str, tuple[str, str]] = {}
for _part in (text_layers.TEXT, text_app.TEXT):
    _dupes = CATALOG.keys() & _part.keys()
    if _dupes:  # pragma: no cover - caught by the first import in any test
        raise RuntimeError(f"duplicate text keys: {sorted(_dupes)}")
    CATALOG.update(_part)


def t(key: str, lang: str = "en", /, **values) -> str:
    """The text for ``key`` in ``lang`` ('en' or 'ko'), with ``values`` formatted in."""
    pair = CATALOG.get(key)
    if pair is None:
        return key  # visible, never a crash in front of a class; tests check every key exists
    text = pair[1] if lang == "ko" else pair[0]
    return text.format(**values) if values else text
