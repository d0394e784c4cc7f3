"""User-facing text in English and Korean: ``t(key, **values)`` in the current language.

One server serves many students, each with their own language, so the language is not a global: it is
a ``contextvars`` variable that the caller sets for its own work, and core functions never take it as a
parameter. The streamlit adapter sets it at the start of every script run and every callback (from the
session's choice); the command line sets it once per command; a training thread runs in a copy of the
context it was started from, so its messages follow the learner who started it.

    with using("ko"):
        t("train.go")            # '학습 시작'

The texts are gettext catalogs, one ``.po`` file per language in ``po/`` beside this file (see
``catalog.py``): a translator opens them in any .po editor. ``CATALOG`` is key -> (en, ko) read from them.
"""
from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar

from aecore.text import catalog, josa

LANGS = ("en", "ko")
LANG_NAMES = {"en": "English", "ko": "한국어"}

_LANG: ContextVar[str] = ContextVar("aecore_lang", default="en")

CATALOG: dict[str, tuple] = catalog.load()   # key -> (en, ko); a plural entry's text is a tuple of forms
PLURAL = {"en": lambda n: 0 if n == 1 else 1, "ko": lambda n: 0}  # which form, by the value of {n}


def valid_lang(code) -> str:
    """``code`` when it is a language the app speaks, else English."""
    return code if code in LANGS else "en"


def lang() -> str:
    """The language of the work in progress."""
    return _LANG.get()


def set_lang(code) -> None:
    """Make ``code`` the language of this thread's (or task's) work from now on."""
    _LANG.set(valid_lang(code))


@contextmanager
def using(code):
    """Run a block in ``code``'s language, then restore the one before."""
    token = _LANG.set(valid_lang(code))
    try:
        yield
    finally:
        _LANG.reset(token)


def t(key: str, /, **values) -> str:
    """The text for ``key`` in the current language, with ``values`` formatted in. In Korean a particle
    pair written after a placeholder ({shape}을(를), {name}이(가), {data}(으)로 …) becomes the form that
    the inserted value needs, read aloud (see ``josa``)."""
    pair = CATALOG.get(key)
    if pair is None:
        return key  # visible, never a crash in front of a class; tests check every key exists
    lang_ = _LANG.get()
    text = pair[1] if lang_ == "ko" else pair[0]
    if isinstance(text, tuple):  # plural forms, chosen by {n}
        text = text[min(PLURAL[lang_](abs(int(values.get("n", 0)))), len(text) - 1)]
    text = text.format(**values) if values else text
    return josa.resolve(text) if lang_ == "ko" else text  # {x}을(를) → the particle {x}'s value needs


def clip(value, n: int = 40) -> str:
    """What a learner typed, for a message: printable and at most ``n`` characters (a 900 kB paste must not
    come back as a 900 kB error)."""
    value = "".join(ch if ch.isprintable() else "?" for ch in str(value)[: n + 1])
    return value if len(value) <= n else value[:n] + "…"
