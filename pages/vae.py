"""The VAE, the next step (lessons 3 and 4): why a plain autoencoder does not generate and a VAE does."""
import streamlit as st

from aecore import ui
from aecore.ui import codeplane
from aecore.ui import lessons as L
from aecore.use import generate, lessons, search

session = ui.page_setup("vae")
t, P = ui.t, "vae."
use = session.page("vae")
v = use.values

st.title(t("vae.title"))
st.caption(t("vae.intro"))
c = st.columns(3)
dataset = L.dataset_box(c[0], use, "vae")
latent = ui.bound(c[1].select_slider, t("vae.latent"), key=P + "latent", obj=v, attr="latent", options=(2, 8, 16),
                  default=8, help=t("vae.latent_help"))
beta = ui.bound(c[2].select_slider, "β", key=P + "beta", obj=v, attr="beta", options=(0.25, 1.0, 4.0), default=1.0,
                format_func=lambda b: f"{b:g}", help=t("vae.beta_help"))
plain_cfg, vae_cfg = lessons.vae_pair(dataset, latent, beta, ui.device_kind())
plain, vae = ui.ready([(t("vae.plain"), plain_cfg), (t("vae.vae"), vae_cfg)], "vae")
gp, gv = L.generated(plain_cfg.key(), 12, plain), L.generated(vae_cfg.key(), 12, vae)

st.subheader(t("vae.samples_title"))
st.caption(t("vae.samples_caption", d=latent))
for label, row in ((t("vae.vae_prior"), gv["prior"]), (t("vae.plain_prior"), gp["prior"]),
                   (t("vae.plain_matched"), gp["matched"])):
    st.markdown(f"**{label}**")
    ui.images_row(row, [""] * len(row), zoom=2)
m = st.columns(2)
m[0].metric(t("vae.near_vae"), f"{gv['nearest']:.4f}")
m[1].metric(t("vae.near_plain"), f"{gp['nearest']:.4f}")
st.caption(t("vae.near_caption", n=L.NEAREST_SAMPLES))
verdict = generate.realism(gv["nearest"], gp["nearest"])
st.markdown(t("vae.near_" + verdict + "_text", v=f"{gv['nearest']:.4f}", p=f"{gp['nearest']:.4f}",
              ratio=f"{gp['nearest'] / gv['nearest']:.1f}", d=latent))
m = st.columns(2)
for col, name, g in ((m[0], t("vae.vae"), gv), (m[1], t("vae.plain"), gp)):
    col.markdown(t("vae.code_stats", name=name, mean=f"{float(g['mean'].abs().mean()):.2f}", var=f"{g['var']:.2f}")
                 + ("" if g["sigma"] is None else " " + t("vae.code_sigma", sigma=f"{g['sigma']:.2f}")))

if latent == 2:
    st.subheader(t("vae.plane_title"))
    st.caption(t("vae.plane_caption"))
    cols = st.columns(2)
    for col, name, result, key in ((cols[0], t("vae.vae"), vae, "v"), (cols[1], t("vae.plain"), plain, "p")):
        with col:
            codeplane.code_plane(result, name, P + "plane" + key)
    st.subheader(t("vae.map_title"))
    st.caption(t("vae.map_caption"))
    cols = st.columns(2)
    for col, name, g, key in ((cols[0], t("vae.vae"), gv, "v"), (cols[1], t("vae.plain"), gp, "p")):
        with col:
            st.plotly_chart(ui.viz.codes_2d(g["codes"].numpy(), g["labels"], ui.class_labels(g["classes"]),
                                            t("vae.codes_title", name=name)), key=P + "codes" + key)
            st.markdown(f"**{t('vae.grid_of', name=name)}**")
            st.image(ui.viz.image_grid([g["grid"][i * 10:(i + 1) * 10] for i in range(10)], zoom=2),
                     width="stretch")
else:
    st.caption(t("vae.plane_needs_2"))

st.subheader(t("vae.walk_title"))
st.caption(t("vae.walk_caption"))
codes_v, codes_p = gv["codes"], gp["codes"]
a, b = 0, search.other_class(L.labels_tensor(gv["labels"]))
steps = 8
for name, result, codes in ((t("vae.vae"), vae, codes_v), (t("vae.plain"), plain, codes_p)):
    weights, path = search.interpolate(codes[a], codes[b], steps)
    st.markdown(f"**{name}**")
    ui.images_row(search.decode(result.model, result.plan, path), [f"t = {float(w):.2f}" for w in weights], zoom=2)
with st.expander(t("vae.why_title")):
    st.markdown(t("vae.why"))
