"""The text catalogs as gettext ``.po`` files: one per language in ``aecore/text/po/``, read with Babel.

Each entry is one key of the app: the key is the entry's ``msgctxt``, the English is the ``msgid`` in
every file (what a translator reads), and the language's text is the ``msgstr``. A comment above each
entry (``#.``) says where the text shows and what each ``{placeholder}`` is. An entry with a
``msgid_plural`` has plural forms; which one is used is chosen by the value of its ``{n}``.

    #. Train page: a message after the learner pressed Stop.
    #. {done}: epochs complete; {n}: epochs asked for
    msgctxt "train.stopped_after"
    msgid "Stopped after {done} of {n} epochs."
    msgstr "{n}번 중 {done}번째 에포크까지 하고 멈췄습니다."
"""
from __future__ import annotations

import re
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

FOLDER = Path(__file__).with_name("po")
LANGS = ("en", "ko")
PLACEHOLDER = re.compile(r"{(\w+)")

# Where a key's text shows, by the longest prefix of its key: the first line of its comment.
WHERE = {
    "cli": "Command line (python -m aecore)", "nav": "Navigation (the sidebar's page list)",
    "side": "Sidebar", "home": "Welcome page", "link": "The 'Copy a link' box and notices about a link",
    "hide": "The 'Copy a link' box: a control a teacher can hide",
    "err": "Layer Builder: the error under the shape table (a layer that cannot take its input)",
    "warn": "Layer Builder: a warning beside the shape table", "why": "Layer Builder: a row's 'why' column",
    "lower": "Layer Builder: a note when a layer is built in PyTorch",
    "parse": "Layer Builder: reading pasted Keras or PyTorch code", "builder": "Layer Builder page",
    "quiz": "Layer Builder: 'predict the shape' quiz", "preset": "A lesson's model, by name (menus)",
    "table": "Layer Builder: the shape table's column titles", "code": "Layer Builder: the PyTorch code box",
    "train": "Train page", "data": "Datasets: a message about loading images",
    "dataset": "Datasets: an entry of the dataset menu", "dataset_name": "Datasets: a dataset's short name",
    "budget": "Train page: a model refused before it is built", "doctor": "Train page: the training doctor",
    "file": "Train page: downloading and uploading a model file", "stat": "Train page: a live figure",
    "viz": "A chart's titles and labels", "grid": "Image rows: a caption", "noise": "A kind of noise (menus)",
    "family": "A kind of autoencoder (menus)", "use": "The pages that use a trained model",
    "upload": "Denoise / Similar images: the learner's own uploaded image",
    "denoise": "Denoise page", "latent": "Latent space page", "similar": "Similar images page",
    "pca": "Linear AE = PCA page", "stacked": "Stacked & tied page", "sparse": "Sparse codes page",
    "anomaly": "Anomaly lab page", "vae": "The VAE page", "sizes": "Code size & runs page",
    "word": "A short word used inside other texts", "tool": "A tool's name, in the guided lessons",
    "class": "The teacher's Class view",
    "course": "Guided lessons (every lesson page)", "course.nav": "Guided lessons: a lesson's name",
    "course.shapes": "Lesson 1 · the shape puzzle", "course.conv": "Lesson 2 · colour, noise and look-alikes",
    "course.code3d": "Lesson 3 · a code of three numbers", "course.pca": "Lesson 4 · the linear autoencoder and PCA",
    "course.stacked": "Lesson 5 · stacked and tied",
}
# What a placeholder holds, by its name (a key may say more in its own comment).
HOLDS = {
    "n": "a count", "k": "a count (code size, neighbours or a kernel size)", "line": "a line number of the pasted code",
    "name": "a name (a layer, dataset, file or model)", "v": "the value as typed", "s": "a stride or a step number",
    "a": "a number", "b": "a number", "out": "an output size or shape", "shape": "a shape such as (28, 28, 1)",
    "kw": "a keyword argument's name", "c": "a number of channels", "i": "a layer or item number",
    "h": "a height in pixels", "w": "a width in pixels", "what": "what it is about (a model, a page, a setting)",
    "ratio": "a ratio of two numbers", "total": "a total", "row": "a row number of the shape table",
    "d": "a dilation or a size", "p": "a padding or a count of parameters", "layer": "a layer's name",
    "names": "a list of names", "dialect": "Keras or PyTorch", "max": "the largest value allowed",
    "mb": "megabytes", "e": "an epoch or a count of epochs", "data": "a dataset's name", "steps": "a count of steps",
    "cls": "a class's name", "truth": "the right answer", "op": "an operation's name", "pct": "a percentage",
    "options": "a list of choices", "value": "a value", "error": "an error message or value",
    "done": "a count of what is done", "g": "a number of groups", "inp": "an input size or shape",
    "lr": "a learning rate", "angle": "an angle in degrees", "r": "a number", "right": "a count of right answers",
    "got": "what was found", "kind": "a kind (device, noise or model)", "why": "a reason, a sentence",
    "batch": "a batch size", "baseline": "a reference value", "same": "a count", "mean": "a mean value",
    "after": "padding after", "before": "padding before", "product": "a product of sizes", "dims": "sizes",
    "units": "a count of units", "per": "a count per epoch", "m": "a count", "low": "a lower bound",
    "target": "a target shape", "rank": "a number of axes", "l": "a number", "t": "a time or a number",
    "mode": "a mode's name", "expected": "what was expected", "chain": "a chain of sizes",
    "used": "what was used", "root": "a folder", "offline": "the offline datasets' names", "reason": "a reason",
    "last": "the last value", "want": "what is wanted", "spread": "a standard deviation", "epochs": "a count of epochs",
    "ok": "a count", "noise": "a noise's name", "ready": "a count of ready items", "deep": "an error",
    "base": "a base size", "params": "a count of parameters", "chance": "a share expected by chance",
    "share": "a share", "k_eff": "the effective kernel size", "bias": "bias parameters", "oh": "an output height",
    "ow": "an output width", "l1": "a number", "l2": "a number", "o": "an output size", "moving": "moving statistics",
    "learned": "learned parameters", "hint": "a hint", "f": "a number of filters", "cout": "output channels",
    "cin": "input channels", "known": "known names", "need": "what is needed", "other": "the other framework",
    "msg": "a message", "others": "other names", "memory": "memory", "icon": "an icon", "ups": "a count",
    "odd_in": "a size", "odd_strides": "a stride", "odd_type": "a layer type", "trim_out": "a size",
    "trim_in": "a size", "pools": "a count", "trim_row": "a row number", "odd_row": "a row number",
    "odd_out": "a size", "side": "an image side in pixels", "type": "a layer type", "call": "a layer call as code",
    "guess": "the learner's answer", "order": "an order", "code": "code", "high": "an upper bound",
    "family": "a kind of autoencoder", "device": "a device", "budget": "a budget", "loss": "a loss",
    "found": "what was found", "extra": "extra names", "missing": "missing names", "size": "a size",
    "label": "a label", "title": "a title", "level": "a noise level", "first": "the first value",
    "fmt": "a format", "mp": "megapixels", "model": "a model's name", "ours": "our value", "lesson": "a lesson",
    "mse": "a mean squared error", "trained": "how it was trained", "metric": "a metric's name",
    "split": "training or test", "better": "the better one", "rho": "the target activation ρ",
    "std": "a standard deviation", "answer": "the learner's answer", "pixels": "a count of pixels",
    "test": "a test value", "train": "a training value", "plain": "a value for the plain model",
    "cut": "a share saved", "report": "a report", "tied": "a value for the tied model",
    "slots": "a count of slots", "workers": "a count of workers", "threads": "a count of threads",
}


def where(key: str) -> str:
    parts = key.split(".")
    for i in range(len(parts) - 1, 0, -1):
        if ".".join(parts[:i]) in WHERE:
            return WHERE[".".join(parts[:i])]
    return "The app"


def placeholders(text) -> list[str]:
    """The placeholder names of a text (or of all the forms of a plural text), in order, each once."""
    forms = text if isinstance(text, tuple) else (text,)
    return list(dict.fromkeys(name for form in forms for name in PLACEHOLDER.findall(form)))


def comment(key: str, en) -> list[str]:
    lines = [where(key) + "."]
    names = placeholders(en)
    if names:
        lines.append("; ".join(f"{{{name}}}: {HOLDS.get(name, 'a value')}" for name in names))
    return lines


def path(lang: str) -> Path:
    return FOLDER / f"{lang}.po"


def read(lang: str) -> dict[str, str | tuple[str, ...]]:
    """key -> text (a tuple of forms for a plural entry) of one language's file."""
    with path(lang).open("rb") as f:
        catalog = read_po(f, locale=lang, abort_invalid=True)
    out = {}
    for message in catalog:
        if not message.id:  # the header
            continue
        if message.context is None:
            raise ValueError(f"{path(lang).name}: an entry without msgctxt (its key): {message.id!r}")
        out[message.context] = tuple(message.string) if message.pluralizable else message.string
    return out


def load() -> dict[str, tuple]:
    """key -> (en, ko): every key of the English file with both languages' texts."""
    en, ko = read("en"), read("ko")
    missing = sorted(en.keys() ^ ko.keys())
    if missing:  # pragma: no cover - caught by the first import in any test
        raise RuntimeError(f"keys in one language's file only: {missing[:10]}")
    return {key: (en[key], ko[key]) for key in en}


def write_catalogs(entries: dict[str, tuple]) -> None:
    """Write both files from key -> (en, ko), with a generated comment per entry (the conversion's)."""
    FOLDER.mkdir(exist_ok=True)
    for i, lang in enumerate(LANGS):
        catalog = Catalog(locale=lang, project="aecore", version="1", fuzzy=False,
                          header_comment=f"# The autoencoder classroom: the {lang} texts. See aecore/text/catalog.py.",
                          msgid_bugs_address="the project's issues", last_translator="the aecore team",
                          language_team=f"aecore {lang}")
        for key, pair in entries.items():
            catalog.add(pair[0], pair[i], context=key, auto_comments=comment(key, pair[0]))
        with path(lang).open("wb") as f:
            write_po(f, catalog, width=0, omit_header=False)
