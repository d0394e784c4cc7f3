"""The streamlit adapter: the only streamlit code in aecore. Pages import this and stay thin.

    state     the session's one typed state object; widgets are views of it
    links     the URL <-> state codec (pure: no streamlit), validated like any input
    common    the first line of every page, language, sidebar, bound widgets, plain text, shareable links
    builder   the Layer Builder's table, banner and layer editors
    training  trained models (memory -> disk -> train), runs in the workers, the live view, the doctor, dataset names
    using     the pages that use a model: model choice, training what is missing, codes, images, uploads
    lessons   the 'Lessons' models' pages: their computations, cached per model
    guide     the guided lessons: step list, one step at a time, predict then check, open in the tool
    learner   this browser's learner id (a cookie) and its lessons' progress kept on the server across reloads
    classview the teacher's class view (behind a token): sessions, runs, cache, warming a lesson
    viz       plotly figures as pure functions
"""
from aecore.ui import lessons, state, training, using, viz
from aecore.ui.common import (bound, callback, class_labels, device_info, device_kind, go, lang, page_link,
                              page_setup, plain, read_form, seed, share_box, shown, sidebar, start_session, t)
from aecore.ui.training import (cached_model, dataset_label, dataset_name, doctor, grid_labels, keep, prefetch,
                                progress_bar, run_stats, start_training, training_view, unavailable)
from aecore.ui.using import (codes, describe, images_row, label_of, model_source, picked_number, random_button,
                             ready, train_all, upload_box)

__all__ = [
    "lessons", "state", "training", "using", "viz", "bound", "callback", "class_labels", "device_info",
    "device_kind", "go", "lang",
    "page_link", "page_setup", "plain", "read_form", "seed", "share_box", "shown", "sidebar", "start_session", "t",
    "cached_model", "dataset_label", "dataset_name", "doctor", "grid_labels", "keep", "prefetch", "progress_bar",
    "run_stats", "start_training", "training_view", "unavailable", "codes", "describe", "images_row", "label_of",
    "model_source", "picked_number", "random_button", "ready", "train_all", "upload_box",
]
