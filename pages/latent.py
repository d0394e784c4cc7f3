"""Latent space: every test image as a point (its code), what one point rebuilds, and walks between two."""
import numpy as np
import streamlit as st

from aecore import search, ui, viz
from aecore.train import reconstruct

ui.page_setup()
t, P = ui.t, "latent."
TSNE_CAP = 1500  # t-SNE on two CPU cores: seconds for 1,500 points, minutes for 10,000


@st.cache_data(max_entries=12, show_spinner=False)
def project(key: str, method: str, dims: int, _codes):
    codes = _codes.numpy()
    if method == "tsne":
        from sklearn.manifold import TSNE
        codes = codes[:TSNE_CAP]
        return TSNE(n_components=dims, init="pca", perplexity=min(30, len(codes) - 1), random_state=0).fit_transform(codes)
    from sklearn.decomposition import PCA
    pca = PCA(n_components=dims, random_state=0).fit(codes)
    return pca.transform(codes), pca.explained_variance_ratio_


st.title(t("latent.title"))
st.caption(t("latent.intro"))
config = ui.model_source(P, "s2-mlp3")
(result,) = ui.ready([(t("latent.model"), config)], P)
images, labels, codes, index, classes = ui.codes(result)
n, dims = codes.shape
st.caption(t("latent.shape", n=n, d=dims, shape=str(tuple(result.model.latent_shape))))

names = ("z₁", "z₂", "z₃")
if dims <= 3:
    points = codes.numpy()
    if dims == 1:
        points = np.concatenate([points, np.zeros_like(points)], 1)
    shown = n
else:
    c = st.columns(2)
    method = ui.choice(c[0].radio, t("latent.method"), ["pca", "tsne"], P + "method", horizontal=True,
                       format_func=lambda m: t("latent.method_" + m))
    view = c[1].radio(t("latent.view"), [2, 3], horizontal=True, key=P + "dims", format_func=lambda d: f"{d}-D")
    with st.spinner(t("latent.projecting")):
        out = project(config.key(), method, view, codes)
    points, shown = (out[0], n) if method == "pca" else (out, min(n, TSNE_CAP))
    names = tuple(f"{'PC' if method == 'pca' else 't-SNE '}{i + 1}" for i in range(3))
    if method == "pca":
        st.caption(t("latent.pca_variance", pct=f"{100 * float(sum(out[1])):.0f}", d=dims, k=view))
    else:
        st.caption(t("latent.tsne_note", n=shown))

selected = int(st.session_state.get(P + "index", 0))
event = st.plotly_chart(viz.latent_scatter(points, labels.numpy()[:shown], classes, ui.lang(), selected, names),
                        key=P + "plot", on_select="rerun", selection_mode=("points", "box", "lasso"))
picked = ui.picked_number(event)
if picked is not None and picked != st.session_state.get(P + "picked"):  # a new click or box: show that image
    st.session_state[P + "picked"] = st.session_state[P + "index"] = picked

st.subheader(t("latent.one_point"))
c = st.columns([2, 1, 3])
c[0].number_input(t("latent.index", n=n - 1), 0, n - 1, key=P + "index",
                  help=t("latent.index_help_3d") if points.shape[1] >= 3 else t("latent.index_help"))
ui.random_button(c[1], P + "random", P + "index", n)
selected = int(st.session_state.get(P + "index", 0))
x = images[selected:selected + 1]
_, recon = reconstruct(result.model, result.plan, x)
cols = st.columns([1, 1, 2])
with cols[0]:
    ui.images_row(x, [t("latent.original", cls=classes[int(labels[selected])])], zoom=5)
with cols[1]:
    ui.images_row(recon, [t("latent.reconstruction")], zoom=5)
cols[2].plotly_chart(viz.error_map(x[0], recon[0], ui.lang()), key=P + "error")

st.subheader(t("latent.walk"))
st.caption(t("latent.walk_intro"))
w = st.columns(3)
a = w[0].number_input(t("latent.from"), 0, n - 1, 0, key=P + "a")
b = w[1].number_input(t("latent.to"), 0, n - 1, search.other_class(labels), key=P + "b")
steps = w[2].slider(t("latent.steps"), 3, 12, 8, key=P + "steps")
weights, path = search.interpolate(codes[int(a)], codes[int(b)], steps)
decoded = search.decode(result.model, result.plan, path)
nearest = [int(index.nearest(z, 1)[0][0]) for z in path]
st.markdown(f"**{t('latent.decoded')}**")
ui.images_row(decoded, [f"t = {float(w):.2f}" for w in weights])
st.markdown(f"**{t('latent.nearest')}**")
ui.images_row(images[nearest], [f"#{i} · {classes[int(labels[i])]}" for i in nearest])
