"""Similar images: search by code. The nearest codes look alike; the farthest look nothing like it."""
import streamlit as st

from aecore import ui
from aecore.ui import drawpad
from aecore.use import search

session = ui.page_setup("similar")
t, P = ui.t, "similar."

st.title(t("similar.title"))
st.caption(t("similar.intro"))
config = ui.model_source("similar")
v = session.page("similar").values
(result,) = ui.ready([(t("similar.model"), config)], "similar")

c = st.columns(4)
split = ui.bound(c[0].radio, t("similar.keys"), key=P + "split", obj=v, attr="split", options=["test", "train"],
                 horizontal=True, format_func=lambda s: t("similar.split_" + s))
metric = ui.bound(c[1].radio, t("similar.metric"), key=P + "metric", obj=v, attr="metric",
                  options=list(search.METRICS), horizontal=True, format_func=lambda m: t("similar.metric_" + m))
k = ui.bound(c[2].slider, t("similar.k"), 1, 20, key=P + "k", obj=v, attr="k", default=7)
source = ui.bound(c[3].radio, t("similar.query"), key=P + "source", obj=v, attr="source",
                  options=["test", "draw", "upload"] if ui.shown("upload") else ["test", "draw"], horizontal=True,
                  format_func=lambda s: t("similar.source_" + s))

test_images, test_labels, test_codes, _, classes = ui.codes(result, "test")
# test keys are the very list the query comes from, so numbers and the excluded self match
keys_images, keys_labels, _, index, _ = ui.codes(result, split, cap=3000 if split == "test" else 10_000)
exclude = query_label = None
if source == "test":
    q = st.columns([2, 1, 3])
    v["index"] = min(max(int(v.get("index", 0)), 0), len(test_images) - 1)
    ui.bound(q[0].number_input, t("similar.index", n=len(test_images) - 1), 0, len(test_images) - 1,
             key=P + "index", obj=v, attr="index")
    ui.random_button(q[1], P + "random", v, "index", len(test_images))
    i = int(v["index"])
    query, query_code, query_label = test_images[i:i + 1], test_codes[i], int(test_labels[i])
    caption = t("similar.query_caption", i=i, cls=classes[query_label])
    exclude = i if split == "test" else None  # the image itself is not its own neighbour (lesson 001 does the same)
elif source == "draw":  # the learner's own drawing, made the way the dataset made its images
    drawn = drawpad.drawn(result, v, P + "pad", neighbours=False)  # the page's own rows show its neighbours
    if drawn is None:
        st.stop()
    query, query_code, caption = drawn.x, drawn.code, t("draw.yours")
else:
    query = ui.upload_box("similar", result)
    if query is None:
        st.info(t("similar.upload_first"), icon=":material/upload:")
        st.stop()
    query_code = search.embed(result.model, result.plan, query)[0]
    caption = t("similar.your_image")

near_idx, near_d = index.nearest(query_code, k, metric, exclude)
far_idx, far_d = index.farthest(query_code, k, metric, exclude)


def captions(rows, dists):
    return [f"#{int(r)} · {classes[int(keys_labels[r])]} · d={float(d):.3f}" for r, d in zip(rows, dists)]


left, right = st.columns([1, 6])
with left:
    st.markdown(f"**{t('similar.the_query')}**")
    ui.images_row(query, [caption], zoom=4)
with right:
    st.markdown(f"**{t('similar.nearest', k=len(near_idx))}**")
    ui.images_row(keys_images[near_idx], captions(near_idx, near_d), zoom=3)
    st.markdown(f"**{t('similar.farthest', k=len(far_idx))}**")
    ui.images_row(keys_images[far_idx], captions(far_idx, far_d), zoom=3)
same = sum(int(keys_labels[r]) == query_label for r in near_idx) if query_label is not None else None
st.caption(t("similar.explain", metric=t("similar.metric_" + metric), n=len(index), split=t("similar.split_" + split),
             d=int(test_codes.shape[1])) + (" " + t("similar.same_class", same=same, k=len(near_idx))
                                             if same is not None else ""))
