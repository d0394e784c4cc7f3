"""The sparse autoencoder (lesson 2): a penalty that keeps most of the code near zero, and what each unit draws."""
import streamlit as st

from aecore import ui
from aecore.ui import lessons as L
from aecore.use import lessons

session = ui.page_setup("sparse")
t, P = ui.t, "sparse."
use = session.page("sparse")
v = use.values

st.title(t("sparse.title"))
st.caption(t("sparse.intro"))
c = st.columns(4)
dataset = L.dataset_box(c[0], use, "sparse")
kind = ui.bound(c[1].radio, t("sparse.penalty"), key=P + "penalty", obj=v, attr="penalty", options=["kl", "l1"],
                horizontal=True, format_func=lambda p: t("sparse.penalty_" + p))
weights = (0.01, 0.1, 1.0) if kind == "kl" else (1e-3, 1e-2, 1e-1)
weight = ui.bound(c[2].select_slider, t("sparse.weight"), key=P + "weight." + kind, obj=v, attr="weight." + kind,
                  options=weights, default=weights[1], format_func=lambda w: f"{w:g}")
rho = ui.bound(c[3].select_slider, "ρ", key=P + "rho", obj=v, attr="rho", options=(0.01, 0.05, 0.1, 0.2),
               default=0.05, disabled=kind != "kl", help=t("sparse.rho_help"))
base_cfg = lessons.sparse(dataset, 64, 0.0, device_kind=ui.device_kind())
sparse_cfg = lessons.sparse(dataset, 64, weight, kind, rho, device_kind=ui.device_kind())
base, sparse = ui.ready([(t("sparse.base"), base_cfg), (t("sparse.sparse"), sparse_cfg)], "sparse")

ub, atoms_b = L.sparse_units(base_cfg.key(), base)
us, atoms_s = L.sparse_units(sparse_cfg.key(), sparse)
m = st.columns(4)
m[0].metric(t("sparse.m_mean"), f"{us.mean.mean():.3f}", f"{us.mean.mean() - ub.mean.mean():+.3f}",
            delta_color="off", help=t("sparse.m_mean_help", base=f"{ub.mean.mean():.3f}"))
m[1].metric(t("sparse.m_near_zero"), f"{100 * us.near_zero:.0f}%", f"{100 * (us.near_zero - ub.near_zero):+.0f}",
            delta_color="off", help=t("sparse.m_near_zero_help"))
m[2].metric(t("sparse.m_dead"), f"{us.dead} / {len(us.mean)}", help=t("sparse.m_dead_help", base=ub.dead))
m[3].metric(t("sparse.m_error"), f"{L.test_error(sparse_cfg.key(), sparse):.4f}",
            f"{L.test_error(sparse_cfg.key(), sparse) - L.test_error(base_cfg.key(), base):+.4f}",
            delta_color="inverse")
st.plotly_chart(ui.viz.unit_bars({t("sparse.base"): ub.mean, t("sparse.sparse"): us.mean},
                                 rho if kind == "kl" else None, t("sparse.units_title"), t("sparse.units_x"),
                                 t("sparse.units_y")), key=P + "units")
st.caption(t("sparse.units_caption_" + kind, rho=rho) + (" " + t("sparse.always_on", n=ub.always_on, k=len(ub.mean))
                                                         if ub.always_on else ""))

st.subheader(t("sparse.atoms_title"))
st.caption(t("sparse.atoms_caption"))
for label, atoms, u in ((t("sparse.sparse"), atoms_s, us), (t("sparse.base"), atoms_b, ub)):
    order = u.codes.std(0).argsort()[::-1][:32].copy()  # the units that vary most from image to image first
    st.markdown(f"**{label}**")
    ui.images_row(atoms[order], [f"{u.mean[i]:.2f} ± {u.codes[:, i].std():.2f}" for i in order], zoom=2)
with st.expander(t("sparse.why_title")):
    st.markdown(t("sparse.why"))
