"""Links a teacher can share: the lesson state that matters, in the URL, and read back on load.

The state is the model (as in TensorFlow Playground): the page is the URL's path, the rest are short
query parameters, e.g. ``/train?lang=ko&data=digits&model=s2-mlp3&epochs=40&hide=advanced``. A stack
that is not an untouched preset travels compact: JSON, zlib, base64url (``stack=eJy…``).

Every value read from a URL is input from a stranger: sizes are capped before anything is decoded,
numbers are clamped to what the page offers, names must be known, and a stack is refused whole unless
every layer is a type the Builder knows. Each correction becomes a notice the page shows once; nothing
in a link can raise. What a link may carry for each page is read from
the page list (aecore.app.pages) and the field table (aecore.app.fields). No streamlit here: the pure codec is
tested on its own.
"""
from __future__ import annotations

import base64
import binascii
import json
import zlib
from urllib.parse import urlencode

from aecore.app import fields, pages
from aecore.app.classrecords import code_of
from aecore.app.fields import as_int
from aecore.learn import data
from aecore.shapes import editing, presets
from aecore.shapes.layers import MAX_LAYERS, parse_shape
from aecore.shapes.rules import LayerError
from aecore.text import LANGS, clip
from aecore.use.course import LESSONS

MAX_VALUE = 6000          # characters in one parameter's value
MAX_PARAMS = 40           # parameters read from one URL
MAX_STACK_JSON = 64_000   # bytes a compressed stack may grow to (a zip bomb stops here)
MAX_DEPTH = 4             # nesting of a layer's values: ((1, 2), (0, 0)) is depth 3
MAX_NOTICES = 5           # corrections said one by one; more are counted in one notice


class LinkError(ValueError):
    """One value of a link that cannot be used; the page says so and goes on without it."""


# ---- the compact stack ---------------------------------------------------------------------------------

def encode_stack(stack: list[dict]) -> str:
    raw = json.dumps(stack, separators=(",", ":"), ensure_ascii=True).encode()
    return base64.urlsafe_b64encode(zlib.compress(raw, 9)).decode().rstrip("=")


def _depth(value, depth: int = 0) -> int:
    if isinstance(value, (list, tuple)):
        return max([_depth(v, depth + 1) for v in value] or [depth + 1])
    return depth


def decode_stack(text: str, dialect: str) -> list[dict]:
    """A stack from a link, checked to be one the Builder can show: LinkError (with a reason) if not."""
    if len(text) > MAX_VALUE:
        raise LinkError("too_long")
    try:
        packed = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        unzip = zlib.decompressobj()
        raw = unzip.decompress(packed, MAX_STACK_JSON)
        if unzip.unconsumed_tail:
            raise LinkError("too_long")
        stack = json.loads(raw.decode("utf-8"))
    except (binascii.Error, zlib.error, UnicodeDecodeError, json.JSONDecodeError, ValueError) as e:
        if isinstance(e, LinkError):
            raise
        raise LinkError("unreadable") from None
    if not isinstance(stack, list) or len(stack) > MAX_LAYERS:
        raise LinkError("not_a_stack")
    known = set(editing.layer_types(dialect))
    for spec in stack:
        if not isinstance(spec, dict) or spec.get("type") not in known:
            raise LinkError("unknown_layer")
        for key, value in spec.items():
            if not isinstance(key, str) or len(key) > 40 or _depth(value) > MAX_DEPTH:
                raise LinkError("not_a_stack")
            if not isinstance(value, (str, int, float, bool, list, type(None))) or (
                    isinstance(value, str) and len(value) > 40):
                raise LinkError("not_a_stack")
    return stack


# ---- state -> parameters ---------------------------------------------------------------------------------

def builder_params(b) -> dict:
    """The Builder's stack: an untouched preset by name, anything else compact."""
    preset = b.unchanged_preset()
    if preset is not None:
        return {"preset": preset}
    if not b.layers and b.origin in ("empty-keras", "empty-pytorch") and not b.edited:
        return {"preset": b.origin}
    return {"stack": encode_stack(b.stack()), "dialect": b.dialect, "input": b.input_text.replace(" ", "")}


def train_params(tr, b, device_kind: str) -> dict:
    params = {"data": tr.dataset, "model": tr.model}
    if tr.model == "custom":  # the Builder's stack travels with it, whatever it started from
        params.update(stack=encode_stack(b.stack()), dialect=b.dialect, input=b.input_text.replace(" ", ""))
    s = tr.settings_for(tr.dataset, tr.model, device_kind)
    for f in fields.TRAIN:
        params[f.url] = f.write(getattr(s, f.attr))
    if s.params:
        specs = presets.PRESETS[tr.model].params
        params["params"] = ",".join(f"{k}:{fields.field_for(k, specs[k]).write(v)}"
                                    for k, v in sorted(s.params.items()) if k in specs)
    return params


def page_params(session, page: str, device_kind: str = "cpu") -> dict:
    """What a link to ``page`` carries now (without the page itself, which is the URL's path)."""
    params: dict = {"lang": session.lang}
    info = pages.PAGES.get(page)
    kind = info.kind if info is not None else ""
    if kind == "builder":
        params.update(builder_params(session.builder))
    elif kind == "train":
        params.update(train_params(session.train, session.builder, device_kind))
    elif kind == "use" and page in session.use:
        use = session.use[page]
        if not info.choose_model:
            params["data"] = use.dataset
        elif use.model in presets.PRESETS:
            params.update(model=use.model, data=use.dataset)
    elif kind == "lesson":
        params["step"] = str(session.lesson(info.lesson).step + 1)
    if session.hide:
        params["hide"] = ",".join(sorted(session.hide))
    return params


def url(base: str, params: dict) -> str:
    return base + ("?" + urlencode(params) if params else "")


# ---- parameters -> state -----------------------------------------------------------------------------------

def apply(session, params: dict, page: str, device_kind: str = "cpu") -> None:
    """Set the session from a URL's parameters; every correction becomes a notice (key, values). More than
    MAX_NOTICES corrections (a link with a thousand bad values) become one notice that counts them."""
    notices = []
    try:
        _apply(session, params, page, device_kind, notices)
    finally:
        session.notices.extend(summary(notices))


def summary(notices: list) -> list:
    """The notices as they are, or, when there are many about single values, those counted in one notice
    that names the first few; the others (a refused stack, a link cut short) are always said."""
    values = [n for n in notices if n[1].get("name")]
    if len(values) <= MAX_NOTICES:
        return notices
    names = list(dict.fromkeys(str(v["name"]) for _, v in values))
    shown = ", ".join(names[:MAX_NOTICES]) + (", …" if len(names) > MAX_NOTICES else "")
    return [n for n in notices if not n[1].get("name")] + [("link.many", {"n": len(values), "names": clip(shown, 120)})]


def _apply(session, params: dict, page: str, device_kind: str, notices: list) -> None:
    def note(key: str, **values) -> None:
        notices.append((key, values))

    if not params:
        return
    items = list(params.items())
    if len(items) > MAX_PARAMS:
        note("link.too_many", n=len(items), max=MAX_PARAMS)
        items = items[:MAX_PARAMS]
    p = {}
    for key, value in items:
        value = value[-1] if isinstance(value, list) else value
        if not isinstance(value, str) or len(value) > MAX_VALUE:
            note("link.too_long", name=clip(key))
            continue
        p[str(key)] = value

    if "lang" in p:
        if p["lang"] in LANGS:
            session.lang = p["lang"]
        else:
            note("link.bad_choice", name="lang", value=clip(p["lang"]), options=", ".join(LANGS))

    if "join" in p:  # a class's join link: the code waits on Home for the learner's nickname and Join
        session.class_join = code_of(p["join"])[:8]
    info = pages.PAGES.get(page)
    kind = info.kind if info is not None else ""
    if "hide" in p:
        allowed = pages.hideable(page)
        names = [n.strip() for n in p["hide"].split(",") if n.strip()]
        unknown = [n for n in names if n not in allowed]
        if unknown:
            note("link.bad_hide", names=clip(", ".join(unknown), 80), options=", ".join(allowed) or "—")
        session.hide = frozenset(n for n in names if n in allowed)

    if kind == "builder" or (kind == "train" and p.get("model") == "custom"):
        _apply_stack(session.builder, p, note)
    if kind == "train":
        _apply_train(session, p, note, device_kind)
    if kind == "use":
        _apply_use(session, info, p, note)
    if kind == "lesson" and "step" in p:
        _apply_step(session, info.lesson, p["step"], note)


def _apply_step(session, lesson: str, raw: str, note) -> None:
    n = len(LESSONS[lesson])
    try:
        step = as_int(raw)
    except (ValueError, OverflowError):
        note("link.bad_value", name="step", value=clip(raw))
        return
    used = min(max(step, 1), n)
    if used != step:
        note("link.clamped", name="step", value=clip(raw), used=str(used))
    session.lesson(lesson).step = used - 1


def _apply_stack(b, p: dict, note) -> None:
    if "preset" in p:
        name = p["preset"]
        if name in presets.PRESETS or name in ("empty-keras", "empty-pytorch"):
            b.load_choice(name)
        else:
            note("link.bad_choice", name="preset", value=clip(name), options=", ".join(presets.PRESETS))
        return
    if "stack" not in p:
        return
    dialect = p.get("dialect", "keras")
    if dialect not in ("keras", "pytorch"):
        note("link.bad_choice", name="dialect", value=clip(dialect), options="keras, pytorch")
        return
    try:
        stack = decode_stack(p["stack"], dialect)
    except LinkError as e:
        note("link.bad_stack_" + str(e))
        return
    try:
        shape = parse_shape(p.get("input", ""))
    except LayerError:
        note("link.bad_input", value=clip(p.get("input", "")))
        shape = (28, 28, 1) if dialect == "keras" else (1, 28, 28)
    b.load(stack, shape, dialect, "pasted")
    b.origin = "link"


def _apply_train(session, p: dict, note, device_kind: str) -> None:
    tr = session.train
    tr.from_link = "model" in p or "data" in p
    if "data" in p:
        if p["data"] in data.REGISTRY:
            tr.dataset = p["data"]
        else:
            note("link.bad_choice", name="data", value=clip(p["data"]), options=", ".join(data.OFFLINE) + ", …")
    if "model" in p:
        if p["model"] in presets.PRESETS or p["model"] == "custom":
            tr.model = p["model"]
        else:
            note("link.bad_choice", name="model", value=clip(p["model"]),
                 options=", ".join(presets.PRESETS) + ", custom")
    s = tr.settings_for(tr.dataset, tr.model, device_kind)
    for f in fields.TRAIN:  # in the form's order, so the notices are too
        if f.url in p:
            _read(f, p[f.url], s, note)
    if "params" in p and tr.model in presets.PRESETS:
        specs = presets.PRESETS[tr.model].params
        for pair in p["params"].split(","):
            name, _, raw = pair.partition(":")
            if name not in specs or name in fields.FIXED_PARAMS:
                note("link.bad_value", name="params", value=clip(pair))
                continue
            _read(fields.field_for(name, specs[name]), raw, s.params, note)


def _read(field, raw: str, obj, note) -> None:
    """One value of a link into ``obj`` (settings, or a model's size parameters), through its field."""
    try:
        value, notice = field.read(raw)
    except (ValueError, OverflowError):
        note("link.bad_value", name=field.url, value=clip(raw))
        return
    if notice is not None:
        note(notice[0], **notice[1])
    field.put(obj, value)


def _apply_use(session, page, p: dict, note) -> None:
    use = session.page(page.slug)
    if "model" in p and page.choose_model:
        if p["model"] in presets.PRESETS:
            use.model = p["model"]
        else:
            note("link.bad_choice", name="model", value=clip(p["model"]), options=", ".join(presets.PRESETS))
    if "data" in p:
        if p["data"] in data.REGISTRY:
            use.dataset = p["data"]
        else:
            note("link.bad_choice", name="data", value=clip(p["data"]), options=", ".join(data.OFFLINE) + ", …")
