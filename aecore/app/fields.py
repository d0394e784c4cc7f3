"""The one table of the Train form's settings: each field's URL key, type, range or steps, widget and the
controls group a teacher's link may hide. The form draws its widgets from it, a link is written from it and
read back through it, and every value from outside (a link, a model's size parameters) is checked by it
(TF Playground's ``state.ts`` does the same with one declarative table).

    FIELDS["lr"].read("0.002")     # (0.003, ("link.nearest", {...})): the nearest step the form offers
    field_for("latent", spec)      # a preset's size parameter as a field
"""
from __future__ import annotations

import math
import numbers
from dataclasses import dataclass

from aecore.learn.config import LOSSES, NOISES
from aecore.text import clip


@dataclass(frozen=True)
class Field:
    url: str                   # the key in a link: ?lr=0.003
    attr: str                  # the TrainSettings attribute (or the preset parameter's name)
    kind: str                  # int | float: a range; steps: one of ``options`` (numbers); option: a name; flag
    widget: str                # slider | select_slider | radio | selectbox | number_input | checkbox
    group: str = ""            # the controls a teacher may hide with it (pages.HIDEABLE["train"])
    low: float = 0
    high: float = 0
    step: float = 0            # the widget's step; a float range's values lie on this grid (0: none)
    options: tuple = ()
    label: str = ""            # text key of the widget's label ("" for a preset parameter: its own name)
    help: str = ""             # text key of its help, or ""
    names: str = ""            # an option's text key is names + option ("noise." -> "noise.gaussian"); "": a number

    def read(self, raw: str):
        """A value from a link (text): (the value the form can show, a notice (key, values) or None).
        ValueError when it cannot be read at all."""
        if self.kind == "option":
            if raw not in self.options:
                raise ValueError(raw)
            return raw, None
        if self.kind == "flag":
            if raw not in ("true", "false"):
                raise ValueError(raw)
            return raw == "true", None
        value = as_int(raw) if self.kind == "int" or (self.kind == "steps" and _whole(self.options)) else as_float(raw)
        return self._settled(value, clip(raw))

    def check(self, value):
        """A value already in the state, set past the widget (a stale session, a script): (the value the form
        can show, a notice (key, values) or None). ValueError when it is no value of this field (NaN, a text
        for a number, a fraction for a whole number) — never a silent replacement."""
        if self.kind == "option":
            if value not in self.options:
                raise ValueError(value)
            return value, None
        if self.kind == "flag":
            if not isinstance(value, bool):
                raise ValueError(value)
            return value, None
        if isinstance(value, bool) or not isinstance(value, numbers.Real) or not math.isfinite(value):
            raise ValueError(value)
        whole = self.kind == "int" or (self.kind == "steps" and _whole(self.options))
        if whole and value != int(value):
            raise ValueError(value)
        return self._settled(int(value) if whole else float(value), clip(number(value)))

    def _settled(self, value, shown: str):
        used = self.clamp(value)
        if used == value:
            return used, None
        key = "link.nearest" if self.kind == "steps" else "link.clamped"
        return used, (key, {"name": self.url, "value": shown, "used": number(used)})

    def clamp(self, value):
        """The value the form offers nearest to ``value``: a step of its slider, or its range's bound."""
        if self.kind == "steps":  # steps that grow by a factor: nearest on a log scale (0 is only for 0 or less)
            positive = [o for o in self.options if o > 0]
            if value <= 0 or not positive:
                return min(self.options, key=lambda o: abs(o - value))
            return min(positive, key=lambda o: abs(math.log(o / value)))
        if self.kind in ("int", "float"):
            used = min(max(value, self.low), self.high)
            if self.kind == "int":
                return int(used)
            return round(round(used / self.step) * self.step, 10) if self.step else float(used)
        return value

    def get(self, obj):
        """The field's value in ``obj``: a TrainSettings, or a model's size parameters (a dict)."""
        return obj[self.attr] if isinstance(obj, dict) else getattr(obj, self.attr)

    def put(self, obj, value) -> None:
        if isinstance(obj, dict):
            obj[self.attr] = value
        else:
            setattr(obj, self.attr, value)

    def write(self, value) -> str:
        """The value as a link writes it."""
        if self.kind == "flag":
            return str(bool(value)).lower()
        return number(value)


def _whole(options) -> bool:
    return all(isinstance(o, int) for o in options)


def as_int(value: str) -> int:
    v = float(value)
    if not math.isfinite(v) or v != int(v):
        raise ValueError(value)
    return int(v)


def as_float(value: str) -> float:
    v = float(value)
    if not math.isfinite(v):
        raise ValueError(value)
    return v


def number(v) -> str:
    return f"{v:g}" if isinstance(v, float) else str(v)


TRAIN = (
    Field("epochs", "epochs", "int", "slider", "settings", 1, 100, label="train.epochs"),
    Field("batch", "batch_size", "steps", "select_slider", "settings", options=(16, 32, 64, 128, 256, 512, 1024),
          label="train.batch"),
    Field("lr", "lr", "steps", "select_slider", "settings", options=(1e-4, 3e-4, 1e-3, 3e-3, 1e-2), label="train.lr"),
    Field("loss", "loss", "option", "radio", "settings", options=LOSSES, label="train.loss", names="train.loss_"),
    Field("noise", "noise", "option", "selectbox", "denoise", options=NOISES, label="train.noise", names="noise."),
    Field("level", "noise_level", "float", "slider", "denoise", 0.0, 1.0, step=0.05, label="train.noise_level",
          help="train.level_help"),
    Field("sparsity", "sparsity", "steps", "select_slider", "denoise", options=(0.0, 1e-4, 1e-3, 1e-2, 1e-1),
          label="train.sparsity", help="train.sparsity_help"),
    Field("seed", "seed", "int", "number_input", "advanced", 0, 2**31 - 1, label="train.seed"),
    Field("max", "max_train", "int", "number_input", "advanced", 16, 1_000_000, step=1000, label="train.max_train",
          help="train.max_train_help"),
)
FIELDS = {f.url: f for f in TRAIN}
GROUPS = ("settings", "denoise", "advanced")  # the form's sections, in order


def in_group(group: str) -> list[Field]:
    return [f for f in TRAIN if f.group == group]


FIXED_PARAMS = ("channels", "side")  # a preset's parameters that follow the dataset: never set by hand


def settle(settings, model_params: dict, fresh) -> list[tuple]:
    """Every value of one form's settings (a TrainSettings) made one the form offers, before a widget shows it:
    clamped or moved to the nearest step with a notice, or, when it is no value of its field at all, set back
    to ``fresh``'s (the defaults) with a notice. Returns the notices [(key, values)]; a widget never meets a
    value it would raise on, and nothing changes in silence. ``model_params``: the model's presets.Param specs."""
    notices = []

    def one(f: Field, obj, default) -> None:
        value = f.get(obj)
        try:
            used, notice = f.check(value)
        except ValueError:
            used, notice = default, ("link.bad_value", {"name": f.url, "value": clip(str(value))})
        if notice is not None:
            notices.append(notice)
            f.put(obj, used)
    for f in TRAIN:
        one(f, settings, f.get(fresh))
    for name in list(settings.params):
        if name in model_params and name not in FIXED_PARAMS:
            one(field_for(name, model_params[name]), settings.params, model_params[name].default)
        else:  # no size of this model (or one the dataset sets): dropped, and said
            dropped = f"{name}:{settings.params.pop(name)}"
            notices.append(("link.bad_value", {"name": "params", "value": clip(dropped)}))
    return notices


def field_for(name: str, spec) -> Field:
    """A preset's size parameter (aecore.shapes.presets.Param) as a field of the form's 'advanced' group."""
    if isinstance(spec.default, bool):
        return Field(name, name, "flag", "checkbox", "advanced")
    return Field(name, name, "int", "number_input", "advanced", spec.low, spec.high)
