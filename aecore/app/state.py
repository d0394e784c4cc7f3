"""One small typed object per session: everything the learner made and chose, on every page.

Widgets (aecore/ui) are views of it. Each run draws a widget from the state (its key is seeded with the
state's value just before it is drawn) and the widget's ``on_change`` writes the new value back. Streamlit
deletes the keys of widgets that a run does not draw (another page, a collapsed branch); those keys are never
the only copy of anything, so leaving a page and coming back loses nothing.

    s = aecore.ui.state.get()          # this session's Session (made on first use)
    s.builder.stack()                  # the Layer Builder's stack as layer dicts
    s.train.settings_for("digits", "s0-keras-conv", "cpu")

The object holds no streamlit types and no widget keys of other pages: a page reads the state, never
another page's widgets. No streamlit here: it is tested on its own.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field, fields, replace
from typing import Any

from aecore.app import defaults, pages
from aecore.learn import data
from aecore.learn.config import TrainConfig
from aecore.shapes import editing, presets
from aecore.shapes.layers import parse_shape

# ---- the Layer Builder ---------------------------------------------------------------------------------

@dataclass
class Layer:
    """One layer as the learner sees it: its type and what is typed or chosen in each field."""
    uid: int                        # stable per session: the widgets' keys (builder.<uid>.<keyword>)
    type: str
    values: dict = field(default_factory=dict)  # keyword -> text typed, or the option chosen

    @classmethod
    def from_spec(cls, uid: int, spec: dict, dialect: str) -> Layer:
        kind = spec["type"]
        main, more = editing.fields(dialect, kind)
        values = {}
        for kw in main + more:
            value = spec.get(kw)
            if (dialect, kw) in editing.CHOICES:
                options = editing.CHOICES[(dialect, kw)]
                default = editing.default_of(dialect, kind, kw)
                values[kw] = value if value in options else (default if default in options else options[0])
            else:
                values[kw] = editing.to_text(value)
        return cls(uid, kind, values)

    def spec(self, dialect: str) -> dict | None:
        """The layer dict (keywords left at their defaults omitted); None for a type this dialect lacks."""
        if self.type not in editing.layer_types(dialect):
            return None
        spec = {"type": self.type}
        main, more = editing.fields(dialect, self.type)
        for kw in main + more:
            raw = self.values.get(kw)
            value = raw if (dialect, kw) in editing.CHOICES else editing.from_text(raw)
            if value is not None and value != editing.default_of(dialect, self.type, kw):
                spec[kw] = value
        return spec


EMPTY = {"empty-keras": ("keras", (28, 28, 1)), "empty-pytorch": ("pytorch", (1, 28, 28))}


@dataclass
class Quiz:
    row: int | None = None          # the layer whose output is hidden, None: no exercise running
    seed: int = 0
    answer: str = ""
    result: tuple | None = None     # (right?, message)


@dataclass
class Builder:
    layers: list = field(default_factory=list)   # [Layer]
    dialect: str = "keras"
    input_text: str = "28, 28, 1"   # as typed: may be unreadable for a moment, and is kept as typed
    origin: str = "s0-keras-conv"   # a preset, an EMPTY name, or "pasted"
    edited: bool = False            # changed by the learner since it was loaded from ``origin``
    previous: Builder | None = None  # the stack a preset replaced, for one undo
    next_uid: int = 0
    code: str = ""                  # the paste box
    code_vars: dict = field(default_factory=dict)  # values the learner gave for names the code never sets
    paste_error: str | None = None
    paste_way: tuple = ()           # the built-in models a refused paste's message names (a preset, "tied")
    paste_notes: list = field(default_factory=list)
    torch_view: bool = False
    add_type: str | None = None
    quiz: Quiz = field(default_factory=Quiz)

    def load(self, stack: list[dict], input_shape: tuple, dialect: str, origin: str) -> None:
        """Replace the stack (uids keep counting up, so no widget of an old layer is reused)."""
        if self.edited or self.origin == "pasted":
            self.previous = replace(self, previous=None, quiz=Quiz(), layers=list(self.layers))
        self.dialect = dialect
        self.input_text = ", ".join(str(d) for d in input_shape)
        self.layers = []
        for spec in stack:
            self.layers.append(Layer.from_spec(self.next_uid, spec, dialect))
            self.next_uid += 1
        self.origin, self.edited = origin, False
        self.quiz = Quiz()
        self.add_type = None

    def load_choice(self, name: str) -> None:
        if name in EMPTY:
            dialect, shape = EMPTY[name]
            self.load([], shape, dialect, name)
        else:
            stack, shape, dialect = presets.make(name)
            self.load(stack, shape, dialect, name)

    def undo(self) -> None:
        """Back to the stack the last preset replaced."""
        if self.previous is not None:
            keep = self.next_uid
            for f in fields(self):
                if f.name not in ("previous", "next_uid", "code", "code_vars", "paste_error", "paste_way",
                                  "paste_notes"):
                    setattr(self, f.name, getattr(self.previous, f.name))
            self.next_uid = max(keep, self.previous.next_uid)
            self.previous = None

    def stack(self) -> list[dict]:
        return [s for s in (layer.spec(self.dialect) for layer in self.layers) if s is not None]

    def layer(self, uid: int) -> Layer | None:
        return next((layer for layer in self.layers if layer.uid == uid), None)

    def add(self, kind: str, after_shape: tuple | None) -> None:
        self.layers.append(Layer.from_spec(self.next_uid, editing.new_layer(self.dialect, kind, after_shape),
                                           self.dialect))
        self.next_uid += 1
        self.edited = True

    def remove(self, uid: int) -> None:
        self.layers = [layer for layer in self.layers if layer.uid != uid]
        self.edited = True

    def move(self, uid: int, step: int) -> None:
        i = next(k for k, layer in enumerate(self.layers) if layer.uid == uid)
        j = min(max(i + step, 0), len(self.layers) - 1)
        self.layers[i], self.layers[j] = self.layers[j], self.layers[i]
        self.edited = i != j or self.edited

    def retype(self, uid: int, kind: str, after_shape: tuple | None) -> None:
        i = next(k for k, layer in enumerate(self.layers) if layer.uid == uid)
        self.layers[i] = Layer.from_spec(uid, editing.new_layer(self.dialect, kind, after_shape), self.dialect)
        self.edited = True

    def unchanged_preset(self) -> str | None:
        """The preset this stack is, untouched (then Train can use the preset itself), else None."""
        if self.origin in presets.PRESETS and not self.edited:
            stack, shape, dialect = presets.make(self.origin)
            if stack == self.stack() and self.input_text == ", ".join(map(str, shape)) and dialect == self.dialect:
                return self.origin
        return None


def _default_builder() -> Builder:
    b = Builder()
    b.load_choice("s0-keras-conv")
    return b


def preset_params(model: str) -> dict:
    """A preset's size parameters a learner may set (channels and side follow the dataset)."""
    if model not in presets.PRESETS:
        return {}
    return {k: v for k, v in presets.defaults(model).items() if k not in ("channels", "side")}


# ---- the Train page ----------------------------------------------------------------------------------

def fresh_settings(dataset: str, model: str, device_kind: str) -> TrainSettings:
    """What the Train form starts from for a dataset and model on this kind of machine (aecore.app.defaults)."""
    quick = defaults.quick(dataset, model, device_kind)
    return TrainSettings(epochs=quick["epochs"], batch_size=quick["batch_size"], lr=quick["lr"],
                         max_train=quick.get("max_train", 20_000), params=preset_params(model))


@dataclass
class TrainSettings:
    """What the Train form shows for one dataset and model: the learner's choices, else good defaults."""
    epochs: int
    batch_size: int
    lr: float
    loss: str = "auto"
    noise: str = "none"
    noise_level: float = 0.2
    sparsity: float = 0.0
    seed: int = 0
    max_train: int = 20_000
    params: dict = field(default_factory=dict)  # the preset's size parameters (base, latent, ...)


@dataclass
class Train:
    dataset: str = data.DEFAULT
    model: str = "s0-keras-conv"    # a preset, or "custom": the Layer Builder's stack
    settings: dict = field(default_factory=dict)  # "dataset|model" -> TrainSettings
    config: Any = None              # the TrainConfig of the run last asked for (its result is shown)
    job: Any = None                 # this session's RunHandle (aecore.learn.handle), running or ended
    note: str | None = None         # a one-off message key for the page (e.g. the Builder's hand-off)
    error: str | None = None        # why the last press of Train was refused
    file_note: tuple | None = None  # (kind, text) after a model file was brought back: loaded, or refused
    from_link: bool = False         # the settings came from the address (a reload, a shared link): their
                                    # model, when it is trained, is shown at once

    def settings_for(self, dataset: str, model: str, device_kind: str) -> TrainSettings:
        key = f"{dataset}|{model}"
        if key not in self.settings:
            self.settings[key] = fresh_settings(dataset, model, device_kind)
        return self.settings[key]


# ---- the pages that use a trained model ----------------------------------------------------------------

@dataclass
class Use:
    """One 'use' page's choices: which model on which data, and the page's own controls."""
    model: str = ""                 # a preset, or "trained": the model this learner trained
    dataset: str = data.DEFAULT
    values: dict = field(default_factory=dict)  # the page's other controls, by name
    job: Any = None                 # the training started from this page for a missing model
    auto: bool = False              # keep training what is missing, one model after another
    jobs: dict = field(default_factory=dict)  # more trainings of the page, by slot (a curve's models ...)
    autos: set = field(default_factory=set)   # the slots that keep training what is missing


# ---- the guided lessons ------------------------------------------------------------------------------

@dataclass
class LessonProgress:
    """Where a learner is in one lesson and what they answered (kept when they go to a tool and back)."""
    step: int = 0                   # index into aecore.use.course.LESSONS[lesson]
    answers: dict = field(default_factory=dict)   # step id -> the committed answer (text typed, option picked)
    right: dict = field(default_factory=dict)     # step id -> True/False once the result was shown
    values: dict = field(default_factory=dict)    # the lesson's own choices (dataset, the query image ...)
    error: str | None = None        # an answer that could not be read


# ---- the session ---------------------------------------------------------------------------------------

@dataclass
class Session:
    lang: str = "en"
    builder: Builder = field(default_factory=_default_builder)
    train: Train = field(default_factory=Train)
    use: dict = field(default_factory=dict)      # page name -> Use
    hide: frozenset = frozenset()    # controls a teacher's link hides
    notices: list = field(default_factory=list)  # messages to show once (a link that asked for too much ...)
    link_pending: bool = True        # the URL's settings are still to be read (on the session's first page)
    lessons: dict = field(default_factory=dict)  # lesson name -> LessonProgress
    class_join: str = ""             # a class code from a join link, waiting for the learner's Join
    class_seat: tuple | None = None  # (code, nickname) of the class this learner is in
    class_looked: bool = False       # the database was asked once which class this learner is in (a reload)

    def form_config(self, device_kind: str) -> TrainConfig:
        """The TrainConfig the Train form stands for now (the Builder's stack when the model is 'custom').
        Raises LayerError when the Builder's input shape is unreadable."""
        tr, b = self.train, self.builder
        s = tr.settings_for(tr.dataset, tr.model, device_kind)
        extra = {}
        if tr.model == "custom":
            extra = dict(stack=json.dumps(b.stack()), dialect=b.dialect, input_shape=parse_shape(b.input_text))
        return TrainConfig(dataset=tr.dataset, model=tr.model,
                           model_params=tuple(sorted(s.params.items())) if tr.model != "custom" else (),
                           loss=s.loss, lr=float(s.lr), epochs=int(s.epochs), batch_size=int(s.batch_size),
                           seed=int(s.seed), noise=s.noise,
                           noise_level=float(s.noise_level) if s.noise != "none" else 0.0, sparsity=float(s.sparsity), max_train=int(s.max_train), **extra)

    def lesson(self, name: str) -> LessonProgress:
        if name not in self.lessons:
            self.lessons[name] = LessonProgress()
        return self.lessons[name]

    def page(self, name: str) -> Use:
        """A 'use' page's choices (made on first use, with the page's own model: aecore.app.pages)."""
        if name not in self.use:
            self.use[name] = Use(model=pages.PAGES[name].model if name in pages.PAGES else "")
        return self.use[name]

