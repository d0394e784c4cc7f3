"""Code size and runs side by side: what a bigger bottleneck buys, and how two runs differ."""
import pandas as pd
import streamlit as st

from aecore import ui
from aecore.app import defaults
from aecore.learn.config import TrainConfig
from aecore.ui import lessons as L
from aecore.use import compare

session = ui.page_setup("sizes")
t, P = ui.t, "sizes."
use = session.page("sizes")
v = use.values
SIZES = (2, 4, 8, 16, 32, 64, 128)

st.title(t("sizes.title"))
st.caption(t("sizes.intro"))
c = st.columns(3)
dataset = L.dataset_box(c[0], use, "sizes")
model = ui.bound(c[1].selectbox, t("use.model"), key=P + "model", obj=use, attr="model",
                 options=list(compare.SIZE_PARAM), format_func=lambda m: t("preset." + m))
sizes = ui.bound(c[2].multiselect, t("sizes.sizes"), key=P + "sizes", obj=v, attr="sizes", default=[2, 8, 32],
                 options=SIZES, many=True)
base = TrainConfig(dataset=dataset, model=model, **defaults.quick(dataset, model, ui.device_kind()))
configs = compare.sweep_configs(base, sizes or [8])
found = ui.train_all([(f"k = {L.size_of(cfg)}", cfg) for cfg in configs], "sizes", "sweep", t("sizes.what"))
done = [(cfg, r) for cfg, r in zip(configs, found) if r is not None]
if done:
    errors = {L.size_of(cfg): L.test_error(cfg.key(), r) for cfg, r in done}
    st.plotly_chart(ui.viz.curves({t("sizes.error"): [errors[k] for k in sorted(errors)]}, t("sizes.curve_title"),
                                  t("pca.k"), t("pca.error_y"), log_y=True, xs={t("sizes.error"): sorted(errors)}),
                    key=P + "curve")
    x, _ = L.rebuilt(done[0][0].key(), 8, done[0][1])
    st.markdown(f"**{t('grid.originals_short')}**")
    ui.images_row(x, [""] * len(x), zoom=2)
    for cfg, r in done:
        st.markdown(f"**k = {L.size_of(cfg)}** · {t('sizes.error')} {errors[L.size_of(cfg)]:.4f}")
        ui.images_row(L.rebuilt(cfg.key(), 8, r)[1], [""] * 8, zoom=2)

st.divider()
st.subheader(t("sizes.compare_title"))
runs = L.known_runs(session)
if len(runs) < 2:
    st.info(t("sizes.compare_need"))
    st.stop()
keys = list(runs)
c = st.columns(2)
first = ui.bound(c[0].selectbox, t("sizes.run_a"), key=P + "a", obj=v, attr="a", options=keys,
                 format_func=lambda k: ui.label_of(runs[k]))
second = ui.bound(c[1].selectbox, t("sizes.run_b"), key=P + "b", obj=v, attr="b", options=keys,
                  default=keys[1], format_func=lambda k: ui.label_of(runs[k]))
ra, rb = ui.cached_model(runs[first]), ui.cached_model(runs[second])
if ra is None or rb is None:
    st.warning(t("sizes.unreadable"))
    st.stop()
diff = compare.settings_diff(runs[first], runs[second])
if diff:
    st.dataframe(pd.DataFrame(diff, columns=[t("sizes.setting"), "A", "B"]).astype(str), hide_index=True)
else:
    st.caption(t("sizes.same_settings"))
st.plotly_chart(ui.viz.curves({"A · " + t("viz.test_loss"): ra.history["test_loss"],
                               "B · " + t("viz.test_loss"): rb.history["test_loss"]}, t("sizes.curves_title"),
                              t("viz.epoch"), t("viz.loss")), key=P + "pair")
if (ra.config.dataset, ra.plan.channels, ra.plan.height) == (rb.config.dataset, rb.plan.channels, rb.plan.height):
    x, ya = L.rebuilt(runs[first].key(), 8, ra)
    _, yb = L.rebuilt(runs[second].key(), 8, rb)
    for label, row in ((t("grid.originals_short"), x), ("A", ya), ("B", yb)):
        st.markdown(f"**{label}**")
        ui.images_row(row, [""] * len(row), zoom=2)
else:
    st.caption(t("sizes.other_images"))
