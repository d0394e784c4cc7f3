"""The Korean particle after an inserted value, chosen by the value as it is read aloud (issue 16)."""
import pytest

from aecore.text import josa, t, using


# ---------------------------------------------------------------- the particle helper

@pytest.mark.parametrize("word,pair,expected", [
    ("16", "이(가)", "16이"), ("2", "이(가)", "2가"), ("3", "을(를)", "3을"), ("4", "을(를)", "4를"),
    ("1", "(으)로", "1로"), ("7", "(으)로", "7로"), ("8", "(으)로", "8로"), ("6", "(으)로", "6으로"),
    ("0", "(으)로", "0으로"), ("10", "은(는)", "10은"), ("5", "은(는)", "5는"), ("9", "과(와)", "9와"),
    ("0.3", "이(가)", "0.3이"), ("0.01", "이(가)", "0.01이"), ("0.0005", "이(가)", "0.0005가"),
    ("(28, 28, 1)", "을(를)", "(28, 28, 1)을"), ("(784,)", "을(를)", "(784,)를"),
    ("(3, 32, 32)", "과(와)", "(3, 32, 32)와"), ("(14, 14, 16)", "(이)라고", "(14, 14, 16)이라고"),
    ("오토인코더", "을(를)", "오토인코더를"), ("층", "을(를)", "층을"), ("레이어", "(으)로", "레이어로"),
    ("출력", "(으)로", "출력으로"), ("모델", "(으)로", "모델로"), ("스택", "(으)로", "스택으로"),
    ("손글씨 숫자", "(이)라는", "손글씨 숫자라는"), ("질감", "(으)로", "질감으로"),
    ("Flatten", "은(는)", "Flatten은"), ("Dense", "은(는)", "Dense는"), ("Dropout", "은(는)", "Dropout은"),
    ("Upsample", "(으)로", "Upsample로"), ("Conv2D", "을(를)", "Conv2D를"), ("ReLU", "은(는)", "ReLU는"),
    ("LSTM", "은(는)", "LSTM은"), ("PSNR", "(으)로", "PSNR로"), ("MNIST", "(이)라는", "MNIST라는"),
    ("CIFAR-10", "(으)로", "CIFAR-10으로"), ("'padding'", "이(가)", "'padding'이"), ("'same'", "을(를)", "'same'을"),
    ("'valid'", "을(를)", "'valid'를"), ("'bicubic'", "은(는)", "'bicubic'은"), ("None", "은(는)", "None은"),
    ("lr", "은(는)", "lr은"), ("x.flip", "은(는)", "x.flip은"), ("forward()", "이(가)", "forward()가"),
    ("학습률(지금 0.005)", "을(를)", "학습률(지금 0.005)을"), ("바깥 쌍(784 → 300 → 784)", "이(가)", "바깥 쌍(784 → 300 → 784)이"),
    ("Unflatten(1, (128, 4, 4))", "(으)로", "Unflatten(1, (128, 4, 4))으로"), ("filters(16)", "은(는)", "filters(16)는"),
    ("`Conv2D(16, 3)`", "이(가)", "`Conv2D(16, 3)`가"), ("입력 (28, 28, 1)", "을(를)", "입력 (28, 28, 1)을"),
    ("**코드**", "을(를)", "**코드**를"), ("ρ̂", "이(가)", "ρ̂가"), ("30%", "이(가)", "30%가"),
])
def test_the_particle_follows_the_word_as_read(word, pair, expected):
    assert josa.particle(word, pair) == expected


def test_resolve_leaves_no_pair_and_keeps_other_parentheses():
    assert josa.resolve("{x}을(를) 봅니다 (예: 28)".replace("{x}", "(784,)")) == "(784,)를 봅니다 (예: 28)"
    assert josa.resolve("값 16이(가) 크고 3(으)로 줄입니다") == "값 16이 크고 3으로 줄입니다"
    assert josa.resolve("(2, 2)은(는)") == "(2, 2)는"
    assert josa.resolve("…을(를)") == "…을"   # nothing readable: the form after a consonant


def test_t_resolves_pairs_in_korean_only():
    with using("ko"):
        assert t("builder.undo", what="1강") == "1강으로 돌아가기"
        assert t("builder.undo", what="빈 스택 · Keras") == "빈 스택 · Keras로 돌아가기"
        assert t("link.nearest", name="lr", value="0.002", used="0.001") == \
            "lr = 0.002는 고를 수 없는 값이라 가장 가까운 0.001을 씁니다."
    assert t("builder.undo", what="Lesson 1") == "Back to Lesson 1"
