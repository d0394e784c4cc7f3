"""Denoise: the same noisy images through a plain autoencoder and a denoising one, side by side."""
from dataclasses import replace

import numpy as np
import pandas as pd
import streamlit as st

from aecore import ui
from aecore.learn import data
from aecore.learn.config import NOISES
from aecore.use import quality

session = ui.page_setup("denoise")
t, P = ui.t, "denoise."
KINDS = [k for k in NOISES if k != "none"]
LEVELS = {"gaussian": [0.0, 0.1, 0.2, 0.3, 0.4, 0.6, 0.8], "salt_pepper": [0.0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5],
          "masking": [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6]}


@st.cache_data(max_entries=16, show_spinner=False)
def curve(key: str, kind: str, _plain, _dae, _plan, _clean):
    return quality.psnr_curve({"plain": _plain, "dae": _dae}, _plan, _clean, kind, LEVELS[kind])


st.title(t("denoise.title"))
st.caption(t("denoise.intro"))
base = ui.model_source("denoise")
v = session.page("denoise").values
c = st.columns(4)
train_kind = ui.bound(c[0].selectbox, t("denoise.train_noise"), key=P + "train_kind", obj=v, attr="train_kind",
                      options=KINDS, format_func=lambda k: t("noise." + k))
train_level = ui.bound(c[1].slider, t("denoise.train_level"), 0.05, 0.8, step=0.05, key=P + "train_level", obj=v,
                       attr="train_level", default=0.2)
test_kind = ui.bound(c[2].selectbox, t("denoise.test_noise"), key=P + "test_kind", obj=v, attr="test_kind",
                     options=KINDS, format_func=lambda k: t("noise." + k))
test_level = ui.bound(c[3].slider, t("denoise.test_level"), 0.0, 0.8, step=0.05, key=P + "test_level", obj=v,
                      attr="test_level", default=0.3)

plain_cfg = replace(base, noise="none", noise_level=0.0)
dae_cfg = replace(base, noise=train_kind, noise_level=train_level)
plain, dae = ui.ready([(t("denoise.plain"), plain_cfg), (t("denoise.dae"), dae_cfg)], "denoise")
plan = plain.plan
images, labels, _, _, classes = ui.codes(plain, "test")
seed = v.setdefault("seed", 0)
pick = data.pick_diverse(labels.numpy(), 8, seed)
clean = images[pick]
result = quality.compare({"plain": plain.model, "dae": dae.model}, plan, clean, test_kind, test_level, seed)

st.subheader(t("denoise.side_by_side"))
st.button(t("denoise.other_images"), key=P + "shuffle", icon=":material/shuffle:",
          on_click=ui.callback(v.__setitem__, "seed", seed + 1))
rows = [(t("denoise.row_clean"), clean, None), (t("denoise.row_noisy"), result["noisy"]["images"], "noisy"),
        (t("denoise.row_plain"), result["plain"]["images"], "plain"), (t("denoise.row_dae"), result["dae"]["images"], "dae")]
for title, row, key in rows:
    st.markdown(f"**{title}**")
    captions = [classes[int(labels[i])] for i in pick] if key is None else \
        [f"{p:.1f} dB · {s:.2f}" for p, s in zip(result[key]["psnr"], result[key]["ssim"])]
    ui.images_row(row, captions)

m = st.columns(3)
for col, key in zip(m, ("noisy", "plain", "dae")):
    mean_p, mean_s = float(np.mean(result[key]["psnr"])), float(np.mean(result[key]["ssim"]))
    delta = None if key == "noisy" else f"{mean_p - float(np.mean(result['noisy']['psnr'])):+.1f} dB"
    col.metric(t("denoise.metric_" + key), f"{mean_p:.1f} dB · SSIM {mean_s:.2f}", delta)
with st.expander(t("denoise.table")):
    st.dataframe(pd.DataFrame({
        "#": [int(i) for i in pick],
        t("denoise.col_noisy_psnr"): result["noisy"]["psnr"], t("denoise.col_plain_psnr"): result["plain"]["psnr"],
        t("denoise.col_dae_psnr"): result["dae"]["psnr"], t("denoise.col_noisy_ssim"): result["noisy"]["ssim"],
        t("denoise.col_plain_ssim"): result["plain"]["ssim"], t("denoise.col_dae_ssim"): result["dae"]["ssim"],
    }).round(3), hide_index=True)

st.subheader(t("denoise.curve_title"))
sample = images[: min(64, len(images))]
points = curve(plain_cfg.key() + dae_cfg.key(), test_kind, plain.model, dae.model, plan, sample)
st.plotly_chart(ui.viz.psnr_chart(points, {"noisy": t("denoise.row_noisy"), "plain": t("denoise.row_plain"),
                                           "dae": t("denoise.row_dae")}, t("noise." + test_kind)), key=P + "curve")
st.caption(t("denoise.curve_caption", trained=f"{t('noise.' + train_kind)} {train_level:g}"))

st.subheader(t("denoise.upload_title"))
own = ui.upload_box("denoise", plain)
if own is not None:
    mine = quality.compare({"plain": plain.model, "dae": dae.model}, plan, own, test_kind, test_level, seed)
    cols = st.columns(4)
    for col, (title, key) in zip(cols, ((t("denoise.row_clean"), None), (t("denoise.row_noisy"), "noisy"),
                                        (t("denoise.row_plain"), "plain"), (t("denoise.row_dae"), "dae"))):
        with col:
            st.markdown(f"**{title}**")
            img = own if key is None else mine[key]["images"]
            ui.images_row(img, ["" if key is None else f"{mine[key]['psnr'][0]:.1f} dB"], zoom=5)
