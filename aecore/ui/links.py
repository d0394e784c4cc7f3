"""Links a teacher can share: the lesson state that matters, in the URL, and read back on load.

The state is the model (as in TensorFlow Playground): the page is the URL's path, the rest are short
query parameters, e.g. ``/train?lang=ko&data=digits&model=s2-mlp3&epochs=40&hide=advanced``. A stack
that is not an untouched preset travels compact: JSON, zlib, base64url (``stack=eJy…``).

Every value read from a URL is input from a stranger: sizes are capped before anything is decoded,
numbers are clamped to what the page offers, names must be known, and a stack is refused whole unless
every layer is a type the Builder knows. Each correction becomes a notice the page shows once; nothing
in a link can raise. No streamlit here: the pure codec is tested on its own.
"""
from __future__ import annotations

import base64
import binascii
import json
import math
import zlib
from urllib.parse import urlencode

from aecore.learn import data
from aecore.learn.config import FORM_CHOICES, FORM_RANGES, LOSSES, NOISES
from aecore.shapes import editing, presets
from aecore.shapes.layers import MAX_LAYERS, parse_shape
from aecore.shapes.rules import LayerError
from aecore.text import LANGS, clip

MAX_VALUE = 6000          # characters in one parameter's value
MAX_PARAMS = 40           # parameters read from one URL
MAX_STACK_JSON = 64_000   # bytes a compressed stack may grow to (a zip bomb stops here)
MAX_DEPTH = 4             # nesting of a layer's values: ((1, 2), (0, 0)) is depth 3

# Controls a teacher may hide in the linked view, per page.
HIDEABLE = {
    "builder": ("presets", "input", "paste", "torch", "quiz", "editor", "link"),
    "train": ("dataset", "model", "settings", "denoise", "advanced", "link"),
    "use": ("model", "upload", "link"),
    "lesson": ("steps", "tool", "dataset", "link"),
}
GUIDES = {"lesson_" + name: name for name in ("shapes", "conv", "code3d", "pca", "stacked")}  # url path -> lesson
USE_PAGES = ("denoise", "latent", "similar")
LESSON_PAGES = {"pca": "s3-dense", "stacked": "s4-stacked", "sparse": "custom", "anomaly": "s0-keras-conv",
                "vae": "s1-uva-conv", "sizes": "s4-stacked"}  # the 'Lessons' models' pages and their models
DEFAULT_MODELS = {"denoise": "s0-keras-conv", "latent": "s2-mlp3", "similar": "s1-uva-conv", **LESSON_PAGES}
TRAIN_FIELDS = {  # URL name -> TrainSettings field
    "epochs": "epochs", "batch": "batch_size", "lr": "lr", "loss": "loss", "noise": "noise",
    "level": "noise_level", "sparsity": "sparsity", "seed": "seed", "max": "max_train",
}


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

def _number(v) -> str:
    return f"{v:g}" if isinstance(v, float) else str(v)


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
    for name, attr in TRAIN_FIELDS.items():
        params[name] = _number(getattr(s, attr))
    if s.params:
        params["params"] = ",".join(f"{k}:{_number(v) if not isinstance(v, bool) else str(v).lower()}"
                                    for k, v in sorted(s.params.items()))
    return params


def page_params(session, page: str, device_kind: str = "cpu") -> dict:
    """What a link to ``page`` carries now (without the page itself, which is the URL's path)."""
    params: dict = {"lang": session.lang}
    if page == "builder":
        params.update(builder_params(session.builder))
    elif page == "train":
        params.update(train_params(session.train, session.builder, device_kind))
    elif page in USE_PAGES and page in session.use:
        use = session.use[page]
        if use.model in presets.PRESETS:
            params.update(model=use.model, data=use.dataset)
    elif page in LESSON_PAGES and page in session.use:
        params["data"] = session.use[page].dataset
    elif page in GUIDES:
        params["step"] = str(session.lesson(GUIDES[page]).step + 1)
    if session.hide:
        params["hide"] = ",".join(sorted(session.hide))
    return params


def url(base: str, params: dict) -> str:
    return base + ("?" + urlencode(params) if params else "")


# ---- parameters -> state -----------------------------------------------------------------------------------

def _int(value: str) -> int:
    v = float(value)
    if not math.isfinite(v) or v != int(v):
        raise ValueError(value)
    return int(v)


def _float(value: str) -> float:
    v = float(value)
    if not math.isfinite(v):
        raise ValueError(value)
    return v


def apply(session, params: dict, page: str, device_kind: str = "cpu") -> None:
    """Set the session from a URL's parameters; every correction becomes a notice (key, values)."""
    notices = session.notices

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

    kind = kind_of(page)
    if "hide" in p:
        allowed = HIDEABLE.get(kind, ())
        names = [n.strip() for n in p["hide"].split(",") if n.strip()]
        unknown = [n for n in names if n not in allowed]
        if unknown:
            note("link.bad_hide", names=clip(", ".join(unknown), 80), options=", ".join(allowed) or "—")
        session.hide = frozenset(n for n in names if n in allowed)

    if page == "builder" or (page == "train" and p.get("model") == "custom"):
        _apply_stack(session.builder, p, note)
    if page == "train":
        _apply_train(session, p, note, device_kind)
    if page in USE_PAGES or page in LESSON_PAGES:
        _apply_use(session, page, p, note)
    if page in GUIDES and "step" in p:
        _apply_step(session, GUIDES[page], p["step"], note)


def kind_of(page: str) -> str:
    """Which controls a page has to hide: builder, train, use (a page that uses models) or lesson."""
    if page in GUIDES:
        return "lesson"
    return "use" if page in USE_PAGES or page in LESSON_PAGES else page


def _apply_step(session, lesson: str, raw: str, note) -> None:
    from aecore.use.course import LESSONS
    n = len(LESSONS[lesson])
    try:
        step = _int(raw)
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
    for name, attr in TRAIN_FIELDS.items():
        if name not in p:
            continue
        raw = p[name]
        try:
            if attr in ("loss", "noise"):
                options = LOSSES if attr == "loss" else NOISES
                if raw not in options:
                    raise ValueError(raw)
                setattr(s, attr, raw)
            elif attr in FORM_CHOICES:
                value = _float(raw) if attr != "batch_size" else _int(raw)
                options = FORM_CHOICES[attr]
                near = min(options, key=lambda o: abs(math.log((o or 1e-9) / (value or 1e-9))) if value > 0 and o > 0
                           else abs(o - value))
                if near != value:
                    note("link.nearest", name=name, value=clip(raw), used=_number(near))
                setattr(s, attr, near)
            else:
                low, high = FORM_RANGES[attr]
                value = _float(raw) if attr == "noise_level" else _int(raw)
                used = min(max(value, low), high)
                if attr == "noise_level":
                    used = round(round(used / 0.05) * 0.05, 2)
                if used != value:
                    note("link.clamped", name=name, value=clip(raw), used=_number(used))
                setattr(s, attr, used)
        except (ValueError, OverflowError):
            note("link.bad_value", name=name, value=clip(raw))
    if "params" in p and tr.model in presets.PRESETS:
        specs = presets.PRESETS[tr.model].params
        for pair in p["params"].split(","):
            name, _, raw = pair.partition(":")
            spec = specs.get(name)
            if spec is None or name in ("channels", "side"):
                note("link.bad_value", name="params", value=clip(pair))
                continue
            try:
                if isinstance(spec.default, bool):
                    if raw not in ("true", "false"):
                        raise ValueError(raw)
                    s.params[name] = raw == "true"
                else:
                    value = _int(raw)
                    used = min(max(value, spec.low), spec.high)
                    if used != value:
                        note("link.clamped", name=name, value=clip(raw), used=str(used))
                    s.params[name] = used
            except (ValueError, OverflowError):
                note("link.bad_value", name=name, value=clip(raw))


def _apply_use(session, page: str, p: dict, note) -> None:
    use = session.page(page, DEFAULT_MODELS[page])
    if "model" in p and page not in LESSON_PAGES:
        if p["model"] in presets.PRESETS:
            use.model = p["model"]
        else:
            note("link.bad_choice", name="model", value=clip(p["model"]), options=", ".join(presets.PRESETS))
    if "data" in p:
        if p["data"] in data.REGISTRY:
            use.dataset = p["data"]
        else:
            note("link.bad_choice", name="data", value=clip(p["data"]), options=", ".join(data.OFFLINE) + ", …")
