"""The Latent space page (issue 20): a point picked in the 2-D chart shows that image, its reconstruction, its
error map and its nearest training images by code distance. The browser's selection is sent as the chart's
widget state, as Streamlit's frontend sends it (a JSON string), so the page's own reading of it is tested."""
import json

import numpy as np
import pytest
from apptest import ok, session, train_missing
from conftest import ROOT
from streamlit.proto.WidgetStates_pb2 import WidgetStates
from streamlit.testing.v1 import AppTest

from aecore.app import defaults
from aecore.learn import data
from aecore.learn.train import fixed_pick, prepare
from aecore.ui import cached_model, picked_number, viz
from aecore.use import search


@pytest.fixture(autouse=True)
def shared_home(trained_home, monkeypatch):
    monkeypatch.setenv("AECORE_HOME", trained_home)


def selection(*numbers) -> dict:
    """A plotly selection event as st.plotly_chart returns it: the picked points with their customdata."""
    return {"selection": {"points": [{"curve_number": 0, "point_number": i, "point_index": i, "x": 0.0, "y": 0.0,
                                      "customdata": n} for i, n in enumerate(numbers)],
                          "point_indices": list(range(len(numbers))), "box": [], "lasso": []}}


def test_a_selection_names_the_first_point_s_image():
    assert picked_number(selection(42, 7)) == 42
    assert picked_number({"selection": {"points": [{"customdata": [9]}]}}) == 9  # customdata as a list
    assert picked_number(selection()) is None and picked_number(None) is None and picked_number({}) is None


def test_the_2d_chart_lets_a_click_select_and_each_point_carries_its_number():
    points, labels = np.random.default_rng(0).normal(size=(30, 2)), np.arange(30) % 3
    fig = viz.latent_scatter(points, labels, ["a", "b", "c"], selected=4)
    # a dragmode of 'select' makes Streamlit set clickmode 'event': a click would select nothing
    assert fig.layout.dragmode is None
    numbers = sorted(int(i) for trace in fig.data[:3] for i in trace.customdata)
    assert numbers == list(range(30))
    for trace in fig.data[:3]:
        assert np.allclose(np.c_[trace.x, trace.y], points[list(trace.customdata)])
    ring = fig.data[3]
    assert list(ring.customdata) == [4] and (ring.x[0], ring.y[0]) == tuple(points[4])
    assert viz.latent_scatter(np.zeros((5, 3)), np.zeros(5, int), ["a"]).layout.dragmode == "pan"  # 3-D as it was


def open_latent(lang: str = "en") -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages" / "latent.py"), default_timeout=120)
    if lang != "en":
        at.query_params["lang"] = lang
    ok(at.run())
    return train_missing(at, "latent", lambda at: any(m.value.startswith(("#### This page needs", "#### 이 페이지"))
                                                      for m in at.markdown))


def select_in_chart(at: AppTest, number: int) -> AppTest:
    """What the browser sends when the learner clicks the point of image ``number``: the chart's selection."""
    chart = next(c for c in at.get("plotly_chart") if '"customdata"' in c.proto.spec and "PC1" in c.proto.spec)
    states = at._tree.get_widget_states()
    state = WidgetStates().widgets.add()
    state.id, state.string_value = chart.proto.id, json.dumps(selection(number))
    states.widgets.append(state)
    return ok(at._run(states))


def test_clicking_a_point_shows_its_image_reconstruction_error_and_neighbours():
    at = open_latent()
    assert at.radio(key="latent.dims").value == 2  # the 2-D view first: the one where a click picks
    assert any("Click a point" in c.value for c in at.caption)
    at = select_in_chart(at, 17)
    assert at.number_input(key="latent.index").value == 17
    assert session(at).page("latent").values["index"] == 17  # the page's state follows the click
    captions = [c for img in at.get("image") for c in img.proto.imgs]
    assert "original ·" in captions[0].caption and captions[1].caption == "reconstruction"
    assert any("Per-pixel error" in c.proto.spec for c in at.get("plotly_chart"))
    heading = next(m.value for m in at.markdown if "training images whose codes are nearest" in m.value)
    assert heading.startswith("**The 6 training images")
    near = [c.caption for c in captions if "d=" in c.caption]
    assert len(near) == 6
    dists = [float(c.split("d=")[1]) for c in near]
    assert dists == sorted(dists)
    check_neighbours(at, 17, [int(c.split(" ·")[0][1:]) for c in near], dists)
    at.number_input(key="latent.index").set_value(5).run()
    assert ok(at).number_input(key="latent.index").value == 5  # a typed number wins over the old click
    assert select_in_chart(at, 17).number_input(key="latent.index").value == 17  # and the same click counts again


def check_neighbours(at: AppTest, number: int, shown: list, dists: list) -> None:
    """The shown neighbours are the exact nearest training codes: a float64 NumPy brute force over the codes
    the page embeds (its cached ones), independent of search.KeyIndex."""
    use = session(at).page("latent")
    result = cached_model(defaults.config(use.model, use.dataset, "cpu"))
    images = data.load(result.config.dataset)

    def split(x, n=3000):
        pick = fixed_pick(len(x), n, result.config.seed)
        return prepare(x if pick is None else x[pick], result.plan)
    query = search.embed(result.model, result.plan, split(images.test_x)[number:number + 1]).double().numpy()[0]
    keys = search.embed(result.model, result.plan, split(images.train_x)).double().numpy()
    d = np.sqrt(((keys - query) ** 2).sum(1))
    order = np.lexsort((np.arange(len(d)), d))[:6]
    assert shown == [int(i) for i in order]
    assert np.allclose(dists, np.round(d[order], 2), atol=0.006)


def test_the_3d_view_says_picking_is_done_in_2d_and_korean_renders():
    at = open_latent("ko")
    at.radio(key="latent.dims").set_value(3).run()
    assert any("2차원 보기" in c.value for c in ok(at).caption)
    at = select_in_chart(ok(at.radio(key="latent.dims").set_value(2).run()), 3)
    assert at.number_input(key="latent.index").value == 3
    assert any("가장 가까운 학습 이미지" in m.value for m in at.markdown)
