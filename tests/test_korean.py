"""The Korean texts (issue 16): particles chosen by the inserted value as it is read aloud, one term per
concept (aecore/text/glossary.md), and no English left in Korean sentences except code and names."""
import re
import string

import pytest

from aecore.text import CATALOG, catalog, josa, t, using

# Entries another change is rewriting in full (issue 16: lessons 2 and 5, the VAE and Anomaly pages).
# What they still break is reported as an expected failure, not hidden; drop this once it has landed.
PENDING = ()  # every entry follows the glossary


def _forms(text):
    return text if isinstance(text, tuple) else (text,)


def _korean():
    """key -> Korean forms, read from ko.po itself (not through the app's cache)."""
    return {key: _forms(text) for key, text in catalog.read("ko").items()}


def _pending(key):
    return key.startswith(PENDING)


def _report(bad, what):
    """Fail on what is wrong outside the pending entries; an expected failure for what is wrong inside."""
    mine = [b for b in bad if not _pending(b[0])]
    assert not mine, f"{what}: {mine}"
    if bad:
        pytest.xfail(f"{what}, in entries being rewritten elsewhere: {bad}")


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


# ---------------------------------------------------------------- every Korean string, rendered

SAMPLES = [10, 1, 2, 3, 4, 5, 16, 7, 8, 9, "(28, 28, 1)", "(784,)", "(3, 32, 32)", "Flatten", "Dense",
           "MNIST", "PSNR", "'padding'", "오토인코더", "층", "모델", "손글씨 숫자"]
PAIR = re.compile(r"(이|가|을|를|은|는|과|와|으로|로)\((이|가|을|를|은|는|과|와|으|로)\)|\((이|으)\)")


def _fields(text):
    return [(name, spec) for form in _forms(text) for _, name, spec, _ in string.Formatter().parse(form)
            if name is not None]


def _values(text, sample):
    values = {}
    for name, spec in _fields(text):
        if name == "n" or (spec or "").endswith("d"):
            values[name] = sample if isinstance(sample, int) else 3
        elif spec:
            values[name] = float(sample) / 10 if isinstance(sample, int) else 0.25
        else:
            values[name] = sample
    return values


def test_no_korean_string_renders_a_particle_pair():
    bad = []
    with using("ko"):
        for key, (en, _) in CATALOG.items():
            for sample in SAMPLES:
                text = t(key, **_values(en, sample))
                if PAIR.search(text) or "{" in text:
                    bad.append((key, text))
                    break
    assert not bad, bad


# After a placeholder, a particle whose form depends on the word before it must be a pair (or the value
# must stand where it needs none). These are the fixed ones: '{shape}를', '{k}로', '{name}는' …
FIXED = re.compile(r"\{[^{}:]+(:[^{}]*)?\}['’\")\]`*]*(이|가|을|를|은|는|과|와|으로|로|라고|이라고|라는|이라는|이나|나|이며|며)"
                   r"(?=[\s.,:;)!?·]|$)")


def _depends_on_the_value(form, m):
    """Whether the particle after this placeholder is chosen by the inserted value: not when the value
    always ends the same way ({share:.0%} ends in %) nor in a gloss, 학습률(지금 {lr})을, filters({f})는 (josa's rule)."""
    if (m.group(1) or "").endswith("%"):
        return False
    before = form[:m.end() - len(m.group(2))]
    if before.endswith(")"):
        j = josa._opening(before, len(before) - 1)
        return not (j > 0 and josa._glossed(before[j - 1]))
    return True


def test_no_fixed_particle_after_a_placeholder():
    bad = [(key, m.group()) for key, forms in _korean().items() for form in forms for m in FIXED.finditer(form)
           if _depends_on_the_value(form, m)]
    _report(bad, "a fixed particle after a placeholder (write the pair, e.g. {x}을(를))")


# ---------------------------------------------------------------- one term per concept (glossary.md)

BANNED = {  # a banned variant -> the glossary's term
    "에폭": "에포크", "잡음": "노이즈", "보폭": "스트라이드", "여백": "패딩", "덧대어": "가장자리를 0으로 채워(패딩)",
    "닮은 이미지": "비슷한 이미지", "찾을 이미지": "기준 이미지", "작업자": "워커", "굽힘": "비선형성",
    "휘는 사상": "비선형 사상", "벌점": "페널티", "방언": "Keras / PyTorch (방식, 프레임워크)", "퍼짐": "표준편차",
    "교실 보기": "수업 현황", "아니오": "아니요", "튀는 것": "이상 탐지", "잘못된 경보": "오경보",
    "아래 넓이": "아래 면적", "큐에": "대기열에", "조절 장치": "조작 요소", "조작 부분": "조작 요소",
    "학습 파라미터": "학습 가능한 파라미터", "모양이 들어가고 나오기": "입력과 출력의 모양", "가우스": "가우시안",
    "돌려준 이미지": "복원된 이미지", "돌려받은 이미지": "복원된 이미지", "부분 공간": "부분공간",
    "펼치지만": "같은 부분공간을 이루지만", "코드 단위": "코드 유닛", "복원 손실": "재구성 손실", "훈련": "학습",
    "얼립": "동결", "걷기": "잠재 공간 보간", "무리 사이": "군집 사이", "축소 층": "다운샘플링 층",
    "자유가": "자유도", "이미지 많이": "많은 이미지",
}
BANNED_PATTERNS = {  # a regular expression -> what to write instead
    r"PCA[^.]*맞춥니다": "PCA를 학습(적합)합니다",
    r"[0-9]단계[는:]": "1차 학습, 2차 학습 (단계 is a lesson's step)",
    r"레이어(?! 빌더)": "층 (레이어 only in the tool's name 레이어 빌더)",
    r"(네요|니까요|데도요|거든요)[.!?]?(\s|$)": "합니다체, not 해요체",
    r"답은 [^.]*다입니다": "정답: …",
    r"(?<!\()복원 오차": "재구성 오차 (first mention: 재구성 오차(복원 오차))",
}


def test_the_glossary_lists_what_the_test_bans():
    glossary = (catalog.FOLDER.parent / "glossary.md").read_text()
    for term in ("에포크", "노이즈", "스트라이드", "패딩", "비슷한 이미지", "워커", "손글씨 숫자", "1차 학습", "수업 현황",
                 "비선형성", "복원된 이미지", "자유도", "재구성 오차"):
        assert term in glossary, term
    for variant in ("에폭", "잡음", "보폭", "여백", "닮은 이미지", "작업자", "굽힘", "휘는 사상", "벌점", "교실 보기"):
        assert variant in glossary, variant


def test_no_banned_variant_anywhere_in_ko_po():
    bad = []
    for key, forms in _korean().items():
        for form in forms:
            bad += [(key, word, BANNED[word]) for word in BANNED if word in form]
            bad += [(key, m.group(), why) for pattern, why in BANNED_PATTERNS.items()
                    for m in re.finditer(pattern, form)]
    _report(bad, "a variant the glossary bans")


def test_the_digits_dataset_is_named_so_it_cannot_read_as_numbers():
    ko = catalog.read("ko")
    assert ko["dataset_name.digits"] == "손글씨 숫자"
    assert ko["dataset.digits"].startswith("손글씨 숫자 · ")


# ---------------------------------------------------------------- no English left in Korean sentences

ALLOWED = set("""
Keras PyTorch TensorFlow Ray torch nn Sequential Model Input Python NumPy scikit-learn scikit-image sklearn Adam
MNIST Fashion-MNIST CIFAR-10 CIFAR PathMNIST MedMNIST IHC DAB PCA ReLU ReLUs GELU ELU Sigmoid sigmoid softmax tanh
t-SNE KL AUC ROC PSNR SSIM MSE BCE GPU CPU VAE AE MLP NaN JSON HTTP MB dB PNG JPEG GIF BMP WebP TIFF zip RGB
Conv2D Conv2d Conv1D ConvTranspose2d Conv2DTranspose Dense Linear Flatten Unflatten Reshape MaxPooling2D
UpSampling2D Upsample Dropout BatchNormalization Normalization LeakyReLU Lambda Cropping2D ModuleList
True False None int dict if forward call adapt reshape placeholder padding strides filters dilation mode size
units momentum interpolation valid same nearest bilinear bicubic channels_last channels_first axis center
scale renorm log mod
Eckart Young
Odena Dumoulin Olah FFT
QR CSV
""".split())


def _english_words(text):
    """The English words of a Korean text that are not code: placeholders, `code`, 'quoted' and
    "quoted" values, calls, keyword=value and dotted or underscored names are taken out first."""
    text = re.sub(r"\{[^{}]*\}", " ", text)
    text = re.sub(r"`[^`]*`|'[^']*'|\"[^\"]*\"|--[\w-]+", " ", text)
    while True:  # innermost calls first: Reshape((28, 28, 1)), np.prod(...)
        stripped = re.sub(r"[\w.]+\([^()]*\)", " ", text)
        if stripped == text:
            break
        text = stripped
    text = re.sub(r"[\w.\-]*[_.=][\w.\-=]*|\w+\s*[=<>]\s*\S*", " ", text)   # x.view, input_shape=, strides > 1
    text = re.sub(r"\b[A-Za-z]*\d[\w\-]*", " ", text)                        # L1, 3D, Conv2D, relu6
    return [w for w in re.findall(r"[A-Za-z][A-Za-z\-]*[A-Za-z]|[A-Za-z]", text)
            if len(w) > 1 and w not in ALLOWED]


def test_the_stray_english_finder_sees_what_it_should():
    assert _english_words("stride {s}에 'same' 패딩") == ["stride"]
    assert _english_words("PyTorch는 stride > 1일 때 padding='same'을 허용하지 않습니다") == []
    assert _english_words("우연이라면 {chance:.0%}, chance보다 낫습니다") == ["chance"]
    assert _english_words("base 16, latent 64") == ["base", "latent"]
    assert _english_words("`Conv2D(16, 3)`는 Reshape((28, 28, 1)) 같은 층") == []


def test_no_stray_english_in_korean_strings():
    bad = [(key, words) for key, forms in _korean().items() for form in forms
           for words in [_english_words(form)] if words]
    _report(bad, "English words in a Korean string (code goes in backticks or quotes; names go in ALLOWED)")
