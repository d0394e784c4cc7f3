"""Text keys that the code builds at run time (``t("noise." + kind)``), as data a test can expand.

Each entry is a key pattern with one ``{}`` and the values that fill it: a tuple written here, or
``"module:NAME"`` for a collection the code itself holds (its keys, when it is a dict). ``tests/test_i18n.py``
expands every pattern and checks that both languages' files hold each key. The guided lessons' keys
(``course.<lesson>.<step>.title`` …) are expanded from ``aecore.use.course.LESSONS`` by that test.
"""

RUNTIME_KEYS: tuple[tuple[str, object], ...] = (
    ("train.loss_{}", "aecore.learn.config:LOSSES"),
    ("noise.{}", "aecore.learn.config:NOISES"),
    ("family.{}", "aecore.learn.families:FAMILIES"),
    ("preset.{}", "aecore.shapes.presets:PRESETS"),
    ("dataset_name.{}", ("digits", "textures", "ihc", "faces", "mnist", "fashion-mnist", "cifar10")),
    ("dataset.{}", ("digits", "textures", "ihc", "faces", "mnist", "fashion-mnist", "cifar10", "medmnist")),
    ("train.phase_{}", ("queued", "data", "training", "done", "stopped", "error")),
    ("data.why_{}", ("checksum", "short", "http", "timeout", "refused", "offline", "other")),
    ("doctor.title_{}", ("collapsed", "weak")),
    ("doctor.setting_{}", ("epochs", "batch_size", "lr", "noise_level", "sparsity")),  # what Doctor.patch() sets
    ("hide.{}", ("presets", "input", "paste", "torch", "quiz", "editor", "link", "dataset", "model", "settings",
                 "denoise", "advanced", "upload", "steps", "tool")),
    ("nav.{}", "aecore.app.pages:GROUPS"),
    ("course.nav.{}", "aecore.use.course:ORDER"),
    ("course.{}.title", "aecore.use.course:ORDER"),
    ("course.{}.intro", "aecore.use.course:ORDER"),
    ("tool.{}", ("builder", "train", "denoise", "similar", "latent", "pca", "stacked")),
    ("builder.mine_{}", ("pasted", "link", "empty")),
    ("home.{}_title", ("build", "train", "use")),
    ("home.{}_text", ("build", "train", "use")),
    ("train.note_{}", ("from_builder", "doctor")),
    ("denoise.metric_{}", ("noisy", "plain", "dae")),
    ("latent.method_{}", ("pca", "tsne")),
    ("similar.split_{}", ("test", "train")),
    ("similar.metric_{}", "aecore.use.search:METRICS"),
    ("similar.source_{}", ("test", "upload")),
    ("sparse.penalty_{}", "aecore.learn.families:PENALTIES"),
    ("sparse.units_caption_{}", "aecore.learn.families:PENALTIES"),
    ("stacked.objective_{}", ("codes", "images")),
    ("param.{}", ("base", "latent")),                                     # aecore.app.defaults.USE_PARAMS' names
    ("classname.{}", ("stroma_blue_nuclei", "mixed", "dab_rich_tumour_brown", "grass", "gravel", "brick", "face",
                      "not_a_face")),                                     # the offline sets' classes (ui.class_labels)
    ("checker.way_{}", "aecore.use.checkerboard:WAYS"),                   # the checkerboard lab's three decoders
    ("stacked.time_{}", ("faster", "slower", "same")),                     # aecore.ui.lessons.time_note
    ("vae.near_{}_text", ("vae", "plain", "same")),                       # aecore.use.generate.realism
    ("room.mode_{}", "aecore.app.classrecords:MODES"),                    # the teacher's moves (aecore.ui.classboard)
    ("room.mode_help_{}", "aecore.app.classrecords:MODES"),
    ("class.{}", ("unknown", "expired", "full", "not_joined", "too_fast", "bad_value", "no_code", "db_down",
                  "db_newer")),                                           # ClassError keys, said with t(e.key)
)
