"""Anomaly lab (lesson 2): an autoencoder that learned one kind of image flags the others by its error."""
import numpy as np
import streamlit as st

from aecore import ui
from aecore.ui import lessons as L
from aecore.use import anomaly, lessons

session = ui.page_setup("anomaly")
t, P = ui.t, "anomaly."
use = session.page("anomaly")
v = use.values

st.title(t("anomaly.title"))
st.caption(t("anomaly.intro"))
c = st.columns(2)
dataset = L.dataset_box(c[0], use, "anomaly")
classes = L.class_names(dataset, use)
normal = ui.bound(c[1].selectbox, t("anomaly.normal"), key=P + "normal." + dataset, obj=v, attr="normal." + dataset,
                  options=list(range(len(classes))),
                  format_func=lambda i: classes[i] if classes[i] == str(i) else f"{i} · {classes[i]}")
config = lessons.anomaly(dataset, normal, ui.device_kind())
(result,) = ui.ready([(t("anomaly.model", cls=classes[normal]), config)], "anomaly")

s, _ = L.anomaly_scores(config.key(), result)
normal_err, other_err = s.error[~s.anomaly], s.error[s.anomaly]
if not len(normal_err) or not len(other_err):
    st.warning(t("anomaly.one_sided"))
    st.stop()
low, high = float(s.error.min()), float(s.error.max())
v.setdefault("threshold." + config.key(), float(np.quantile(normal_err, 0.95)))
threshold = ui.bound(st.slider, t("anomaly.threshold"), low, high, key=P + "threshold." + config.key(), obj=v,
                     attr="threshold." + config.key(), step=(high - low) / 200 or 1e-6, format="%.4f",
                     help=t("anomaly.threshold_help"))
counts = anomaly.confusion(s.anomaly, s.error, threshold)
curve = anomaly.roc(s.anomaly, s.error)
m = st.columns(5)
m[0].metric(t("anomaly.tp"), counts["tp"], help=t("anomaly.tp_help"))
m[1].metric(t("anomaly.fn"), counts["fn"], help=t("anomaly.fn_help"))
m[2].metric(t("anomaly.fp"), counts["fp"], help=t("anomaly.fp_help"))
m[3].metric(t("anomaly.tn"), counts["tn"], help=t("anomaly.tn_help"))
m[4].metric(t("anomaly.auc_of", cls=classes[normal]), f"{curve['auc']:.3f}", help=t("anomaly.auc_help"))
left, right = st.columns(2)
left.plotly_chart(ui.viz.histogram({t("anomaly.normal_group", cls=classes[normal]): normal_err,
                                    t("anomaly.other_group"): other_err}, threshold, t("anomaly.hist_title"),
                                   t("anomaly.error_x"), t("anomaly.share_y")), key=P + "hist")
tpr = counts["tp"] / max(counts["tp"] + counts["fn"], 1)
fpr = counts["fp"] / max(counts["fp"] + counts["tn"], 1)
right.plotly_chart(ui.viz.roc_curve(curve["fpr"], curve["tpr"], curve["auc"], (fpr, tpr), t("anomaly.roc_title"),
                                    t("anomaly.fpr"), t("anomaly.tpr")), key=P + "roc")

st.subheader(t("anomaly.worst_title"))
_, test_x, test_y, _ = L.split(dataset, config.key(), result.plan, config.only_class, config.max_train, config.seed)
worst = anomaly.worst(s.error, 8)
x, recon = L.rebuilt_of(config.key(), tuple(int(i) for i in worst), result)
st.caption(t("anomaly.worst_caption", cls=classes[normal]))
ui.images_row(x, [f"{classes[int(test_y[i])]} · {s.error[i]:.4f}" for i in worst], zoom=3)
ui.images_row(recon, [""] * len(worst), zoom=3)
st.subheader(t("anomaly.by_class_title"))
every = [lessons.anomaly(dataset, c, ui.device_kind()) for c in range(len(classes))]
found = ui.train_all([(classes[c], cfg) for c, cfg in enumerate(every)], "anomaly", "by_class." + dataset,
                     t("anomaly.by_class_what"))
aucs = {c: L.anomaly_auc(cfg.key(), r) for c, (cfg, r) in enumerate(zip(every, found)) if r is not None}
if len(aucs) > 1:
    st.plotly_chart(ui.viz.class_bars([classes[c] for c in aucs], list(aucs.values()), list(aucs).index(normal)
                                      if normal in aucs else -1, t("anomaly.by_class_title"), t("anomaly.normal"),
                                      "AUC"), key=P + "by_class")
    low, high = min(aucs, key=aucs.get), max(aucs, key=aucs.get)
    st.caption(t("anomaly.by_class_text", n=len(aucs), low=classes[low], low_auc=f"{aucs[low]:.3f}",
                 high=classes[high], high_auc=f"{aucs[high]:.3f}"))
with st.expander(t("anomaly.why_title")):
    st.markdown(t("anomaly.why"))
