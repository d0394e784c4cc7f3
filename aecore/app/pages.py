"""The one list of the app's pages: app.py's navigation, the links, the lessons' "open in the tool" buttons and
the class view all read it (Streamlit's hello app keeps one such list; TF Playground one state table).

    PAGES["latent"].file        # "pages/latent.py"
    PAGES["latent"].model       # the model the page uses until the learner picks another
    hideable("train")           # the controls a teacher's link may hide there
"""
from __future__ import annotations

from dataclasses import dataclass

from aecore.use import course

GROUPS = ("lessons", "tools", "models", "teacher")  # the navigation's sections, in order (text keys nav.<group>)

# Controls a teacher may hide in a linked view, by the kind of page.
HIDEABLE = {
    "builder": ("presets", "input", "paste", "torch", "quiz", "editor", "link"),
    "train": ("dataset", "model", "settings", "denoise", "advanced", "link"),
    "use": ("model", "upload", "link"),
    "lesson": ("steps", "tool", "dataset", "link"),
}


@dataclass(frozen=True)
class Page:
    slug: str           # the URL's path, and the file pages/<slug>.py
    group: str          # one of GROUPS
    icon: str
    title: str          # text key of its name in the navigation
    kind: str = ""      # builder | train | use (uses a trained model) | lesson | "" (nothing to set or hide)
    model: str = ""     # a 'use' page: the model it shows until the learner picks another
    lesson: str = ""    # a guided lesson: its name in aecore.use.course
    choose_model: bool = False  # the learner may pick the model (else the page's own models, only the data)
    default: bool = False       # the page at "/"

    @property
    def file(self) -> str:
        return f"pages/{self.slug}.py"


_LESSON_ICONS = {"shapes": "🧩", "conv": "🎨", "code3d": "🌐", "pca": "📐", "stacked": "🥞"}
_LIST = (
    *(Page("lesson_" + name, "lessons", _LESSON_ICONS[name], "course.nav." + name, "lesson", lesson=name)
      for name in course.ORDER),
    Page("home", "tools", "🏠", "nav.home", default=True),
    Page("builder", "tools", "🧱", "nav.builder", "builder"),
    Page("train", "tools", "🏋️", "nav.train", "train"),
    Page("denoise", "tools", "🧽", "nav.denoise", "use", "s0-keras-conv", choose_model=True),
    Page("latent", "tools", "🌌", "nav.latent", "use", "s2-mlp3", choose_model=True),
    Page("similar", "tools", "🔎", "nav.similar", "use", "s1-uva-conv", choose_model=True),
    Page("pca", "models", "📐", "nav.pca", "use", "s3-dense"),
    Page("stacked", "models", "🥞", "nav.stacked", "use", "s4-stacked"),
    Page("sparse", "models", "✨", "nav.sparse", "use", "custom"),
    Page("anomaly", "models", "🚨", "nav.anomaly", "use", "s0-keras-conv"),
    Page("vae", "models", "🎲", "nav.vae", "use", "s1-uva-conv"),
    Page("sizes", "models", "📏", "nav.sizes", "use", "s4-stacked"),
    Page("checkerboard", "models", "🏁", "nav.checker", "use", "custom"),
    Page("class_view", "teacher", "🧑‍🏫", "nav.class"),
)
PAGES = {p.slug: p for p in _LIST}


def lesson_page(lesson: str) -> Page:
    return PAGES["lesson_" + lesson]


def in_group(group: str) -> list[Page]:
    return [p for p in _LIST if p.group == group]


def hideable(slug: str) -> tuple:
    page = PAGES.get(slug)
    return HIDEABLE.get(page.kind, ()) if page is not None else ()


def default_model(slug: str) -> str:
    return PAGES[slug].model
