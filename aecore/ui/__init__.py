"""The streamlit adapter: the only streamlit code in aecore, widgets bound to the state that aecore.app keeps
(the session's dataclasses, the page list, the field table, the link codec, the lessons' configs). Pages
import this and stay thin.

    state     this session's aecore.app.state.Session in Streamlit's session state
    form      the Train form's widgets, drawn from the field table
    common    the first line of every page, language, sidebar, bound widgets, plain text, shareable links
    builder   the Layer Builder's table, banner and layer editors
    models    trained models (memory -> disk -> train in the workers), model files, what a finished model shows
    runview   a run's progress, live view, stopped view (continue or keep) and the doctor's verdict
    using     the pages that use a model: model choice, training what is missing, codes, images, uploads
    lessons   the 'Lessons' models' pages: their computations, cached per model
    codeplane the VAE page's code plane under the pointer (an inline component: no rerun per move)
    guide     the guided lessons: step list, one step at a time, predict then check, open in the tool
    learner   this browser's learner id (a cookie) and its lessons' progress kept on the server across reloads
    classview the teacher's class view (behind a token): sessions, runs, cache, warming a lesson
    viz       plotly figures as pure functions
"""
from aecore.ui import classroom, codeplane, form, lessons, models, runview, state, using, viz
from aecore.ui.common import (bound, callback, class_labels, dataset_label, dataset_name, device_info, device_kind, go,
                              lang, navigation, page_link, page_setup, plain, read_form, seed, share_box, shown,
                              sidebar, start_session, t)
from aecore.ui.models import cached_model, keep, prefetch, start_training, unavailable
from aecore.ui.runview import doctor, grid_labels, progress_bar, run_stats, stop_button, training_view
from aecore.ui.using import (codes, describe, images_row, label_of, model_source, picked_number, point_panel,
                             random_button, ready, train_all, upload_box)

__all__ = [
    "classroom", "codeplane", "form", "lessons", "models", "runview", "state", "using", "viz", "bound", "callback",
    "class_labels",
    "device_info", "device_kind", "go", "lang", "navigation",
    "page_link", "page_setup", "plain", "read_form", "seed", "share_box", "shown", "sidebar", "start_session", "t",
    "cached_model", "dataset_label", "dataset_name", "doctor", "grid_labels", "keep", "prefetch", "progress_bar",
    "stop_button",
    "run_stats", "start_training", "training_view", "unavailable", "codes", "describe", "images_row", "label_of",
    "model_source", "picked_number", "point_panel", "random_button", "ready", "train_all", "upload_box",
]
