"""Stacked autoencoders (lesson 5): tied weights halve the parameters; layer-wise pretraining, pair by pair."""
import streamlit as st

from aecore import ui
from aecore.ui import lessons as L
from aecore.use import lessons

session = ui.page_setup("stacked")
t, P = ui.t, "stacked."
use = session.page("stacked")

st.title(t("stacked.title"))
st.caption(t("stacked.intro"))
dataset = L.dataset_box(st.columns(2)[0], use, "stacked")
plain_cfg = lessons.stacked(dataset, "ae", device_kind=ui.device_kind())
tied_cfg = lessons.stacked(dataset, "tied", device_kind=ui.device_kind())
greedy_cfg = lessons.stacked(dataset, "greedy", device_kind=ui.device_kind())
e2e_cfg = lessons.end_to_end_for(greedy_cfg)
plain, tied, greedy, e2e = ui.ready([(t("stacked.plain"), plain_cfg), (t("stacked.tied"), tied_cfg),
                                     (t("stacked.greedy"), greedy_cfg), (t("stacked.e2e"), e2e_cfg)], "stacked")

st.subheader(t("stacked.tied_title"))
st.markdown(t("stacked.tied_text"))
n_plain, n_tied = L.unique_params(plain.model), L.unique_params(tied.model)
m = st.columns(4)
m[0].metric(t("stacked.params_plain"), f"{n_plain:,}")
m[1].metric(t("stacked.params_tied"), f"{n_tied:,}", f"{100 * (n_tied / n_plain - 1):.1f}%", delta_color="off")
e_plain, e_tied = L.test_error(plain_cfg.key(), plain), L.test_error(tied_cfg.key(), tied)
m[2].metric(t("stacked.error_plain"), f"{e_plain:.5f}")
m[3].metric(t("stacked.error_tied"), f"{e_tied:.5f}")
st.caption(L.tie_report(L.tie_facts(tied.model)))
left, right = st.columns([3, 2])
left.plotly_chart(ui.viz.curves({t("stacked.plain"): plain.history["test_loss"],
                                 t("stacked.tied"): tied.history["test_loss"]}, t("stacked.curve_title"),
                                t("viz.epoch"), t("stacked.test_loss"), log_y=True), key=P + "tied_curve")
with right:
    x, y_plain = L.rebuilt(plain_cfg.key(), 6, plain)
    _, y_tied = L.rebuilt(tied_cfg.key(), 6, tied)
    for label, row in ((t("grid.originals_short"), x), (t("stacked.plain"), y_plain), (t("stacked.tied"), y_tied)):
        st.markdown(f"**{label}**")
        ui.images_row(row, [""] * len(row), zoom=2)

st.subheader(t("stacked.greedy_title"))
st.markdown(t("stacked.greedy_text", e=greedy_cfg.epochs, total=3 * greedy_cfg.epochs))
phases = greedy.history["phases"]
c = st.columns(len(phases))
for col, phase in zip(c, phases):
    name = t("stacked.phase_pair", k=phase["pair"]) if phase["name"] == "pair" else t("stacked.phase_fine")
    col.plotly_chart(ui.viz.curves({name: phase["train_loss"]}, name, t("viz.epoch"),
                                   t("stacked.objective_" + ("codes" if phase["pair"] and phase["pair"] > 1
                                                             else "images"))), key=P + f"phase{name}")
xs = list(range(1, len(greedy.history["test_loss"]) + 1))
st.plotly_chart(ui.viz.curves({t("stacked.greedy"): greedy.history["test_loss"],
                               t("stacked.e2e"): e2e.history["test_loss"]}, t("stacked.race_title"),
                              t("stacked.race_x"), t("stacked.test_loss"), log_y=True,
                              xs={t("stacked.greedy"): xs}, bands=L.phase_bands(phases)), key=P + "race")
st.caption(t("stacked.race_caption"))
e_g, e_e = L.test_error(greedy_cfg.key(), greedy), L.test_error(e2e_cfg.key(), e2e)
st.markdown(t("stacked.race_verdict", g=f"{e_g:.5f}", e=f"{e_e:.5f}",
              better=t("stacked.lower_greedy" if e_g < e_e else "stacked.lower_e2e")))
st.markdown(L.time_note(greedy, e2e))
with st.expander(t("stacked.why_title")):
    st.markdown(t("stacked.why"))
