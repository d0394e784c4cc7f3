"""Linear autoencoder = PCA (lessons 4 and 5): the same subspace found two ways, and what a nonlinearity adds."""
import numpy as np
import streamlit as st

from aecore import ui
from aecore.ui import lessons as L
from aecore.use import lessons

session = ui.page_setup("pca")
t, P = ui.t, "pca."
KS = (2, 4, 8, 16, 32, 64)
use = session.page("pca")
v = use.values

st.title(t("pca.title"))
st.caption(t("pca.intro"))
c = st.columns(2)
dataset = L.dataset_box(c[0], use, "pca")
k = ui.bound(c[1].select_slider, t("pca.k"), key=P + "k", obj=v, attr="k", options=KS, default=16,
             help=t("pca.k_help"))
device = ui.device_kind()
linear_cfg, deep_cfg = lessons.linear(dataset, k, device), lessons.deep(dataset, k, device)
linear, deep = ui.ready([(t("pca.linear"), linear_cfg), (t("pca.deep"), deep_cfg)], "pca")

r = L.pca_compare(linear_cfg.key(), linear)
deep_error = L.test_error(deep_cfg.key(), deep)
m = st.columns(4)
m[0].metric(t("pca.m_pca", k=k), f"{r['pca_error']:.5f}", help=t("pca.m_pca_help", pct=f"{100 * r['explained']:.0f}"))
m[1].metric(t("pca.m_linear"), f"{r['ae_error']:.5f}", f"{100 * (r['ae_error'] / r['pca_error'] - 1):+.2f}%",
            delta_color="inverse")
m[2].metric(t("pca.m_angle"), f"{r['angles'][0]:.2f}°", help=t("pca.m_angle_help"))
m[3].metric(t("pca.m_deep"), f"{deep_error:.5f}", f"{100 * (deep_error / r['pca_error'] - 1):+.1f}%",
            delta_color="inverse")
ratio = r["ae_error"] / r["pca_error"]
same = ratio <= 1.02 and r["angles"][0] <= 5
st.markdown(t("pca.verdict_same" if same else "pca.verdict_not", ratio=f"{ratio:.4f}", angle=f"{r['angles'][0]:.2f}",
              mean=f"{float(np.mean(r['angles'])):.2f}"))
st.markdown(t("pca.deep_below" if deep_error < r["pca_error"] else "pca.deep_above", k=k,
              deep=f"{deep_error / r['pca_error']:.2f}"))

st.subheader(t("pca.pictures"))
st.caption(t("pca.pictures_caption"))
n = min(k, 16)
st.markdown(f"**{t('pca.components')}**")
ui.images_row(r["components"][:n], [f"PC {i + 1}" for i in range(n)], zoom=2)
st.markdown(f"**{t('pca.columns')}**")
ui.images_row(r["columns"][:n], [f"z{i + 1}" for i in range(n)], zoom=2)
st.plotly_chart(ui.viz.angle_bars(r["angles"], t("pca.angles_title"), t("pca.angles_x"), t("pca.angles_y")),
                key=P + "angles")

st.subheader(t("pca.curve_title"))
curve_items = [(f"{t('pca.linear')} · k={j}", lessons.linear(dataset, j, device)) for j in KS] + \
              [(f"{t('pca.deep')} · k={j}", lessons.deep(dataset, j, device)) for j in KS]
found = ui.train_all(curve_items, "pca", "curve", t("pca.curve_what"))
points = {"linear": {}, "nonlinear": {}}
for (_, config), result in zip(curve_items, found):
    if result is not None:
        side = "linear" if config.model == "s3-dense" else "nonlinear"
        points[side][lessons.code_size(config)] = L.test_error(config.key(), result)
pca_points = L.pca_curve(linear_cfg.key(), KS, linear)
st.plotly_chart(ui.viz.error_by_size(pca_points, points["linear"], points["nonlinear"],
                                     {"pca": "PCA", "linear": t("pca.linear"), "nonlinear": t("pca.deep"),
                                      "title": t("pca.curve_title"), "x": t("pca.k"), "y": t("pca.error_y")}),
                key=P + "curve")
with st.expander(t("pca.why_title"), expanded=False):
    st.markdown(t("pca.why"))
