"""The Keras dialect against Keras 3 itself: committed golden tables made with keras 3.15 + jax."""
import json

import pytest
from conftest import GOLDEN

from aecore.shapes.layers import LayerError, detect_dialect, parse_shape, summarize

TABLES = json.loads((GOLDEN / "keras_tables.json").read_text())
FUZZ = json.loads((GOLDEN / "keras_fuzz.json").read_text()) if (GOLDEN / "keras_fuzz.json").exists() else []


def ours(case):
    s = summarize(case["stack"], tuple(case["input"]))
    return s, [[list(r.output_shape), r.params, r.trainable] for r in s.rows]


@pytest.mark.parametrize("case", TABLES, ids=[c["name"] for c in TABLES])
def test_golden_table(case):
    s, rows = ours(case)
    assert rows == [[r["output_shape"], r["params"], r["trainable"]] for r in case["rows"]]
    assert s.error_index == case["error_index"], s.error


def test_golden_files_cover_what_the_issue_asks():
    names = " ".join(c["name"] for c in TABLES)
    assert len(TABLES) >= 40
    for must in ("seed 000 puzzle", "odd", "even", "explicit strides", "kernel < stride", "fail:"):
        assert must in names
    assert sum(c["error_index"] is not None for c in TABLES) >= 15


def test_fuzzed_stacks_agree_with_keras():
    assert len(FUZZ) >= 1000, "tests/golden/keras_fuzz.json is made by tools/fuzz_keras.py --save"
    bad = []
    for case in FUZZ:
        s, rows = ours(case)
        k = case["keras"]
        if rows != [[r["output_shape"], r["params"], r["trainable"]] for r in k["rows"]] or \
                s.error_index != k["error_index"]:
            bad.append((case, s.error, k["error"]))
    assert not bad, bad[:3]


SEED = TABLES[0]["stack"]


def test_seed_puzzle_explains_every_step():
    s = summarize(SEED, (28, 28, 1))
    assert [r.output_shape[:2] for r in s.rows] == [
        (28, 28), (14, 14), (14, 14), (7, 7), (4, 4), (4, 4), (8, 8), (8, 8), (16, 16), (14, 14), (28, 28), (28, 28)]
    assert "⌈7/2⌉ = 4, pad 1 before and 1 after" in s.rows[4].why
    assert "'valid': ⌊(16 − 3)/1⌋ + 1 = 14" in s.rows[9].why
    assert "3·3·8·16 + 16 = 1168" in s.rows[9].why
    assert "strides default to pool_size = 2" in s.rows[1].why
    assert s.total_params == 4385 and s.same_as_input
    assert s.bottleneck == 4  # the (4, 4, 8) code: 128 values


def test_odd_same_padding_goes_after():
    s = summarize([{"type": "MaxPooling2D", "padding": "same"}], (7, 7, 1))
    assert s.rows[0].why.endswith("⌈7/2⌉ = 4, pad 0 before and 1 after")
    s = summarize([{"type": "Conv2D", "filters": 1, "kernel_size": 4, "padding": "same"}], (6, 5, 1))
    assert "pad 1 before and 2 after" in s.rows[0].why


def test_different_height_and_width_are_both_explained():
    s = summarize([{"type": "Conv2D", "filters": 2, "kernel_size": [3, 1]}], (10, 8, 1))
    assert s.rows[0].output_shape == (8, 8, 2)
    assert s.rows[0].why.startswith("H: 'valid': ⌊(10 − 3)/1⌋ + 1 = 8 | W: 'valid': ⌊(8 − 1)/1⌋ + 1 = 8")


def test_invalid_stack_keeps_rows_before_and_names_rule_and_numbers():
    stack = SEED[:5] + [{"type": "Conv2D", "filters": 8, "kernel_size": 5}] + SEED[5:]
    s = summarize(stack, (28, 28, 1))
    assert not s.ok and s.error_index == 5 and len(s.rows) == 5
    assert s.error.startswith("Layer 5 (Conv2D): with padding='valid'")
    assert "⌊(4 − 5)/1⌋ + 1 = 0" in s.error
    assert s.to_json() == {"error": s.error, "layer_index": 5, "rows": s.to_json()["rows"]}
    assert len(s.to_json()["rows"]) == 5


@pytest.mark.parametrize("stack,needle", [
    ([{"type": "Conv3D", "filters": 2}], "unknown layer 'Conv3D'"),
    ([{"type": "Conv2d", "filters": 2}], "'Conv2d' is spelled 'Conv2D'"),
    ([{"type": "Conv2D", "filters": 2, "kernel_size": 3, "stride": 2}], "no keyword 'stride'. Did you mean 'strides'?"),
    ([{"type": "Conv2D", "filters": 2}], "Conv2D needs 'kernel_size'"),
    ([{"type": "Conv2D", "filters": 0, "kernel_size": 3}], "'filters' must be a whole number ≥ 1, got 0"),
    ([{"type": "Dense", "units": 4, "activation": "ReLU"}], "unknown activation 'ReLU'"),
    ([{"type": "Flatten"}, {"type": "Reshape", "target_shape": [7, 7, 7]}], "784 values but (7, 7, 7) holds 343"),
    ([{"type": "Cropping2D", "cropping": 14}], "14 + 14 = 28 ≥ 28"),
    ([{"type": "Flatten"}, {"type": "Conv2D", "filters": 1, "kernel_size": 1}], "images shaped (H, W, C), but its input is (784,)"),
    ([{"type": "Dropout", "rate": 1.5}], "from 0 to 1, got 1.5"),
    ("not a list", "a stack must be a list"),
    ([["Conv2D"]], "must be a dict with a 'type'"),
])
def test_error_messages(stack, needle):
    s = summarize(stack, (28, 28, 1))
    assert not s.ok and needle in s.error


def test_zero_size_is_a_warning_as_in_keras():
    s = summarize([{"type": "Conv2DTranspose", "filters": 2, "kernel_size": 2, "padding": "same",
                    "output_padding": 0}], (1, 1, 1))
    assert s.ok and s.rows[0].output_shape == (0, 0, 2)
    assert "size reached 0" in s.rows[0].warning


def test_dense_acts_on_the_last_axis():
    s = summarize([{"type": "Dense", "units": 64}], (7, 7, 8))
    assert s.rows[0].output_shape == (7, 7, 64) and s.rows[0].params == 8 * 64 + 64
    assert "last axis" in s.rows[0].why


def test_batch_norm_counts_four_per_channel_two_trainable():
    s = summarize([{"type": "BatchNormalization"}], (8, 8, 16))
    assert (s.rows[0].params, s.rows[0].trainable) == (64, 32)


def test_korean_text():
    from aecore.text import using
    with using("ko"):
        s = summarize(SEED, (28, 28, 1))
        bad = summarize([{"type": "Conv2D", "filters": 1, "kernel_size": 40}], (28, 28, 1))
    assert "앞에 1, 뒤에 1 패딩" in s.rows[4].why
    assert bad.error.startswith("0번 층 (Conv2D): ")  # the glossary: 층, not 레이어
    assert "pad 1 before and 1 after" in summarize(SEED, (28, 28, 1)).rows[4].why  # English again after the block


def test_a_failing_stack_keeps_the_models_input_shape():
    """The table's input row and the hourglass show the model's input, not the failing layer's."""
    stack = SEED[:9] + [{"type": "Conv2D", "filters": 16, "kernel_size": 17}] + SEED[10:]
    s = summarize(stack, (28, 28, 1))
    assert not s.ok and s.error_index == 9 and s.input_shape == (28, 28, 1) and len(s.rows) == 9


def test_input_shapes():
    assert parse_shape("28, 28, 1") == (28, 28, 1) and parse_shape("(784,)") == (784,)
    for bad in ("", "a,b", "0,28", "1,2,3,4,5", [28.0, 28], "-3"):
        with pytest.raises(LayerError):
            parse_shape(bad)


def test_dialect_detection():
    assert detect_dialect(SEED) == "keras"
    assert detect_dialect([{"type": "Flatten"}, {"type": "Linear", "in_features": 784, "out_features": 3}]) == "pytorch"
    assert detect_dialect([{"type": "Flatten"}, {"type": "Dropout", "rate": 0.1}]) == "keras"


def test_the_home_pages_puzzle_is_read_off_lesson_1s_table():
    """The teaching sentence on Welcome: the row that rounds up is the strided Conv2D (row 4, 7 -> 4), not a
    pooling; the row that trims is the Conv2D without padding (row 9, 16 -> 14)."""
    from aecore.shapes.presets import puzzle
    from aecore.text import t
    facts = puzzle()
    rows = summarize(SEED, (28, 28, 1)).rows
    assert rows[facts["odd_row"]].type == "Conv2D" and rows[facts["odd_row"]].cfg["strides"] == (2, 2)
    assert (facts["odd_in"], facts["odd_out"], facts["trim_row"], facts["trim_in"], facts["trim_out"]) == (7, 4, 9, 16, 14)
    assert facts["chain"] == "28 → 14 → 7 → 4 → 8 → 16 → 14 → 28" and (facts["pools"], facts["ups"]) == (2, 3)
    text = t("home.puzzle_text", **facts)
    assert "Row 4, a Conv2D with stride 2 and 'same' padding, rounds up: ⌈7/2⌉ = 4" in text and "pooling turns" not in text
