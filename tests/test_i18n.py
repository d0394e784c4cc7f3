"""The catalogs: one gettext .po file per language, every key in both, placeholders equal, a comment per
string, plural forms well formed, and every key the code asks for (also those built at run time) present."""
import importlib
import re
import string

import pytest
from conftest import ROOT

from aecore.text import CATALOG, catalog, t, using
from aecore.text.runtime import RUNTIME_KEYS


def _forms(text):
    return text if isinstance(text, tuple) else (text,)


def _fields(text) -> set:
    """Placeholder names of a text, read by Python's own formatter: a stray brace raises here."""
    return {name for form in _forms(text) for _, name, _, _ in string.Formatter().parse(form) if name is not None}


def test_one_po_file_per_language_with_every_key():
    en, ko = catalog.read("en"), catalog.read("ko")
    assert sorted(p.name for p in catalog.FOLDER.glob("*.po")) == ["en.po", "ko.po"]
    assert en.keys() == ko.keys() == CATALOG.keys()
    assert len(CATALOG) > 900


def test_every_key_has_both_languages_and_the_same_placeholders():
    for key, (en, ko) in CATALOG.items():
        for form in _forms(en) + _forms(ko):
            assert form.strip(), key
        assert _fields(en) == _fields(ko), key


def test_no_stray_braces():
    for key, pair in CATALOG.items():
        for text in pair:
            for form in _forms(text):
                assert re.sub(r"{\w+(?:![rs])?(?::[^{}]*)?}", "", form).count("{") == 0, key
                assert re.sub(r"{\w+(?:![rs])?(?::[^{}]*)?}", "", form).count("}") == 0, key


def test_the_korean_file_shows_the_translator_the_current_english():
    """A translator reads the msgid: in ko.po it must be the English of en.po, not an old one."""
    from babel.messages.pofile import read_po
    with catalog.path("ko").open("rb") as f:
        ko = {m.context: m for m in read_po(f) if m.id}
    for key, (en, _) in CATALOG.items():
        msgid = ko[key].id
        assert (tuple(msgid) if isinstance(msgid, (tuple, list)) else msgid) == en, key


def test_every_string_has_a_comment_naming_where_it_shows_and_its_placeholders():
    from babel.messages.pofile import read_po
    for lang in catalog.LANGS:
        with catalog.path(lang).open("rb") as f:
            for m in read_po(f):
                if not m.id:
                    continue
                note = " ".join(m.auto_comments)
                assert note.strip(), (lang, m.context)
                for name in _fields(CATALOG[m.context][0]):
                    assert "{" + name + "}" in note, (lang, m.context, name)


def test_plural_forms():
    """A plural entry has two English forms and one Korean form, and is chosen by {n}."""
    plural = {k: v for k, v in CATALOG.items() if isinstance(v[0], tuple)}
    for key, (en, ko) in plural.items():
        assert len(en) == 2 and len(ko) == 1, key
        assert "n" in _fields(en), key
    if plural:
        key = next(iter(plural))
        one, many = (t(key, **{name: 1 if name == "n" else 0 for name in _fields(CATALOG[key][0])}),
                     t(key, **{name: 2 if name == "n" else 0 for name in _fields(CATALOG[key][0])}))
        assert one != many


def test_every_key_used_in_code_exists():
    pattern = re.compile(r"""(?:\bt|\.text|\.fail|ui\.t)\(\s*["']([a-z_]+\.[\w.]+)["']""")
    used = set()
    for path in list((ROOT / "aecore").rglob("*.py")) + list((ROOT / "pages").glob("*.py")) + [ROOT / "app.py"]:
        if path.exists():
            used |= set(pattern.findall(path.read_text()))
    missing = sorted(k for k in used if k not in CATALOG and not k.endswith(("_", ".")))  # prefixes: below
    assert not missing, missing
    assert len(used) > 100


def test_formatting():
    assert t("why.valid", n=16, k=3, s=1, out=14) == "'valid': ⌊(16 − 3)/1⌋ + 1 = 14"
    assert t("no.such.key") == "no.such.key"
    with using("ko"):
        assert t("nav.train") == "학습"


def _values(source):
    if isinstance(source, str):
        module, name = source.split(":")
        return list(getattr(importlib.import_module(module), name))
    return list(source)


@pytest.mark.parametrize("pattern,source", RUNTIME_KEYS, ids=[p for p, _ in RUNTIME_KEYS])
def test_keys_built_at_run_time_exist(pattern, source):
    keys = [pattern.format(v) for v in _values(source)]
    assert keys
    missing = [k for k in keys if k not in CATALOG]
    assert not missing, missing


def test_every_lessons_step_has_its_texts():
    from aecore.use import course
    for lesson, steps in course.LESSONS.items():
        for step in steps:
            base = f"course.{lesson}.{step.id}"
            assert base + ".title" in CATALOG and base + ".body" in CATALOG, base
            if step.question is not None:
                assert base + ".ask" in CATALOG, base
                for option in step.question.options:
                    assert f"{base}.opt_{option}" in CATALOG, (base, option)


def test_the_runtime_patterns_cover_the_code():
    """Every t("prefix." + …) the code writes has a pattern here (a new one must be listed)."""
    prefixes = {p.split("{")[0] for p, _ in RUNTIME_KEYS} | {"course."}
    built = re.compile(r"""\bt\(\s*["']([a-z_]+\.[\w.]*)["']\s*\+""")
    for path in list((ROOT / "aecore").rglob("*.py")) + list((ROOT / "pages").glob("*.py")) + [ROOT / "app.py"]:
        for prefix in built.findall(path.read_text()):
            assert any(prefix.startswith(p) or p.startswith(prefix) for p in prefixes), (path.name, prefix)


def test_the_offline_sets_class_names_speak_korean():
    """The classes a Korean page shows (legends, captions, the anomaly lab's menu) have Korean names: the
    offline sets' own, read from the data, each a catalog entry (aecore.ui.class_labels)."""
    import re as _re

    from aecore.learn import data
    for name in data.OFFLINE:
        for cls in data.load(name).classes:
            if cls.isdigit():
                continue  # a digit is the same in both languages
            key = "classname." + _re.sub(r"[^a-z0-9]+", "_", cls.lower()).strip("_")
            assert key in CATALOG, (name, cls)
            with using("ko"):
                assert _re.search("[가-힣]", t(key)), (name, cls)
