"""Latent space: every test image as a point (its code), what one point rebuilds, and walks between two."""
import numpy as np
import streamlit as st
from sklearn.decomposition import PCA

from aecore import ui
from aecore.ui import drawpad
from aecore.use import search

session = ui.page_setup("latent")
t, P = ui.t, "latent."
TSNE_CAP = 1500  # t-SNE on two CPU cores: seconds for 1,500 points, minutes for 10,000


@st.cache_data(max_entries=12, show_spinner=False)
def project(key: str, method: str, dims: int, _codes):
    codes = _codes.numpy()
    if method == "tsne":
        from sklearn.manifold import TSNE  # deferred: t-SNE, an optional view (issue 17), loads only if chosen
        codes = codes[:TSNE_CAP]
        return TSNE(n_components=dims, init="pca", perplexity=min(30, len(codes) - 1), random_state=0).fit_transform(codes)
    pca = PCA(n_components=dims, random_state=0).fit(codes)
    return pca.transform(codes), pca.explained_variance_ratio_


st.title(t("latent.title"))
st.caption(t("latent.intro"))
config = ui.model_source("latent")
v = session.page("latent").values
(result,) = ui.ready([(t("latent.model"), config)], "latent")
images, labels, codes, index, classes = ui.codes(result)
n, dims = codes.shape
st.caption(t("latent.shape", n=n, d=dims, shape=str(tuple(result.model.latent_shape))))

names = ("z₁", "z₂", "z₃")
view = min(dims, 2)
if dims >= 3:
    c = st.columns(2)
    method = ui.bound(c[0].radio, t("latent.method"), key=P + "method", obj=v, attr="method", options=["pca", "tsne"],
                      horizontal=True, format_func=lambda m: t("latent.method_" + m))
    view = ui.bound(c[1].radio, t("latent.view"), key=P + "dims", obj=v, attr="dims", options=[2, 3],
                    horizontal=True, format_func=lambda d: f"{d}-D", help=t("latent.view_help"))
if dims <= 2 or (dims == 3 and view == 3 and method == "pca"):  # the code as it is: nothing to squeeze
    points = codes.numpy()
    if dims == 1:
        points = np.concatenate([points, np.zeros_like(points)], 1)
    shown = n
else:
    with st.spinner(t("latent.projecting")):
        out = project(config.key(), method, view, codes)
    points, shown = (out[0], n) if method == "pca" else (out, min(n, TSNE_CAP))
    names = tuple(f"{'PC' if method == 'pca' else 't-SNE '}{i + 1}" for i in range(3))
    if method == "pca":
        st.caption(t("latent.pca_variance", pct=f"{100 * float(sum(out[1])):.0f}", d=dims, k=view))
    else:
        st.caption(t("latent.tsne_note", n=shown))

# the chart's selection is in the session before the chart is drawn: read it first, so the ring marks it
plot_key = P + "plot" + (f".{v['plot_gen']}" if v.get("plot_gen") else "")
picked = ui.picked_number(st.session_state.get(plot_key)) if points.shape[1] < 3 else None
if picked is not None and picked != v.get("picked"):  # a new click or box: show that image
    v["picked"] = v["index"] = picked
elif v.get("picked") is not None and v.get("index") != v["picked"]:  # since the click, a number typed or Random:
    v["picked"], v["plot_gen"] = None, int(v.get("plot_gen", 0)) + 1  # a fresh chart, so a click on the same point
    plot_key = P + "plot" + f".{v['plot_gen']}"                        # counts again (a selection sent once)
v["index"] = min(max(int(v.get("index", 0)), 0), n - 1)  # a model with fewer test images: stay in range
mine = drawpad.encoded(result, v.get("drawing"))  # the learner's drawing (the pad: end of the page), a star
st.plotly_chart(drawpad.mark(ui.viz.latent_scatter(points, labels.numpy()[:shown], classes, v["index"], names), mine,
                             "as_is" if names[0] == "z₁" else method, codes),
                key=plot_key, on_select="rerun", selection_mode=("points", "box", "lasso"))
st.caption(t("latent.pick_3d") if points.shape[1] >= 3 else t("latent.pick_2d"))

st.subheader(t("latent.one_point"))
c = st.columns([2, 1, 3])
ui.bound(c[0].number_input, t("latent.index", n=n - 1), 0, n - 1, key=P + "index", obj=v, attr="index",
         help=t("latent.index_help_3d") if points.shape[1] >= 3 else t("latent.index_help"))
ui.random_button(c[1], P + "random", v, "index", n)
selected = int(v["index"])
ui.point_panel(result, images[selected:selected + 1], codes[selected],
               ui.t("latent.original", cls=classes[int(labels[selected])]), P)

st.subheader(t("latent.walk"))
st.caption(t("latent.walk_intro"))
w = st.columns(3)
for name, first in (("a", 0), ("b", search.other_class(labels))):
    v[name] = min(max(int(v.get(name, first)), 0), n - 1)
a = ui.bound(w[0].number_input, t("latent.from"), 0, n - 1, key=P + "a", obj=v, attr="a")
b = ui.bound(w[1].number_input, t("latent.to"), 0, n - 1, key=P + "b", obj=v, attr="b")
steps = ui.bound(w[2].slider, t("latent.steps"), 3, 12, key=P + "steps", obj=v, attr="steps", default=8)
weights, path = search.interpolate(codes[int(a)], codes[int(b)], steps)
decoded = search.decode(result.model, result.plan, path)
nearest = [int(index.nearest(z, 1)[0][0]) for z in path]
st.markdown(f"**{t('latent.decoded')}**")
ui.images_row(decoded, [f"t = {float(w):.2f}" for w in weights])
st.markdown(f"**{t('latent.nearest')}**")
ui.images_row(images[nearest], [f"#{i} · {classes[int(labels[i])]}" for i in nearest])

st.divider()
drawpad.below(result, v, P + "pad", mine)  # under the pad: the drawing, rebuilt, its error and nearest images
