"""Korean particles chosen by the word in front of them, as it is read aloud.

A Korean particle has two forms, one after a final consonant and one after a vowel: 이/가, 을/를, 은/는,
과/와, 으로/로 (ㄹ takes 로), 이라고/라고. A catalog string cannot know which one its inserted value
needs ('(28, 28, 1)' is read …일 and takes 을; '(784,)' is read …사 and takes 를), so it writes the pair
right after the placeholder and ``t()`` resolves it once the value is formatted in:

    {shape}을(를)   {name}이(가)   {layer}은(는)   {data}(으)로   {a}과(와)   {v}(이)라는

``resolve(text)`` replaces every such pair by the form that the character before it needs. That
character is read as follows (``final(text)``):

- Hangul: by its final consonant (받침), if any; ㄹ is told apart because (으)로 takes 로 after it.
- Digits: by their Korean reading, 영 일 이 삼 사 오 육 칠 팔 구, so 0 1 3 6 7 8 end in a consonant and
  1 7 8 in ㄹ. A number is read by its last digit: 10 (십), 100 (백) and 1000 (천) end in a consonant
  as 0 (영) does, so the last digit is enough; 0.3 is 영점삼.
- Latin letters: a token of capitals (an acronym such as PSNR, or the end of ReLU or Conv2D) and a
  single letter are read letter by letter, and only L M N R end in a consonant (엘 엠 엔 알). A few
  acronyms and words said otherwise are in ``WORDS`` (MNIST 엠니스트, JPEG 제이펙, NaN 난, type 타입).
  A lower-case token without a vowel (lr, kw) is read letter by letter too. Other words are read
  by their English ending (``_english``): -m, -me, -n, -ne, -ng and -ic end in a consonant, -l and
  -le in ㄹ, -out and a short vowel + t or p in ㅅ/ㅂ (Dropout 드롭아웃, flip 플립, format 포맷); the
  rest in a vowel (Dense 덴스, Reshape 리셰이프, ReLU 렐루). This is a heuristic for the names the app
  shows (layers, keywords, activations, datasets); it is not a pronouncing dictionary.
- Greek letters by their names (σ 시그마, ρ 로, ε 엡실론 …).
- Brackets, quotes, commas, full stops, spaces, backticks and markdown's * are skipped back to the
  last readable character: '(28, 28, 1)' → 1, '(784,)' → 4, "'same'" → same (세임 → ㅁ),
  '**Flatten**' → Flatten. A parenthesis right after a word (no space) is a gloss or a call's
  arguments, and the particle goes with that word: 학습률(지금 0.005)을, 바깥 쌍(784 → 300 → 784)이,
  filters(16)는, Unflatten(1, (128, 4, 4))으로, forward()가. After a space it is the value itself:
  입력 (28, 28, 1)을.

Where nothing readable is found, the form after a consonant is used (이, 을, 은, 과, 으로, 이라).
A pair never survives ``resolve``.
"""
from __future__ import annotations

import re

NONE, CONSONANT, RIEUL = 0, 1, 2   # what a word ends in, as read: a vowel, a consonant, ㄹ

# Digits by their Korean reading: 영 일 이 삼 사 오 육 칠 팔 구.
DIGITS = {"0": CONSONANT, "1": RIEUL, "2": NONE, "3": CONSONANT, "4": NONE, "5": NONE, "6": CONSONANT,
          "7": RIEUL, "8": RIEUL, "9": NONE}
# Latin letters by their Korean names: only 엘, 엠, 엔, 알 end in a consonant.
LETTERS = {"l": RIEUL, "m": CONSONANT, "n": CONSONANT, "r": RIEUL}
# Capitals read as a word, not letter by letter (lower-cased): the app's names only.
WORDS = {"mnist": NONE,       # 엠니스트
         "jpeg": CONSONANT,   # 제이펙
         "nan": CONSONANT,    # 난
         "type": CONSONANT,   # 타입 (and dtype 디타입)
         "dtype": CONSONANT,
         }
GREEK = {"α": RIEUL, "β": NONE, "γ": NONE, "δ": NONE, "ε": CONSONANT, "θ": NONE, "λ": NONE, "μ": NONE,
         "ρ": NONE, "σ": NONE, "τ": NONE, "φ": NONE, "ω": NONE}
SKIP = set(")]}>([{<'\"`*’”」』〉》 ,.;:!?…_\u00a0") | {chr(c) for c in range(0x0300, 0x0370)}  # + combining marks

# (consonant form, vowel form, ㄹ form) of each pair as written in the catalogs.
PAIRS = {
    "이(가)": ("이", "가", "이"), "을(를)": ("을", "를", "을"), "은(는)": ("은", "는", "은"),
    "과(와)": ("과", "와", "과"), "와(과)": ("과", "와", "과"),
    "(으)로": ("으로", "로", "로"),
    "(이)": ("이", "", "이"),  # (이)라고, (이)라는, (이)나, (이)며 …
}
PATTERN = re.compile("|".join(re.escape(p) for p in sorted(PAIRS, key=len, reverse=True)))


def _hangul(ch: str) -> int | None:
    code = ord(ch) - 0xAC00
    if 0 <= code < 11172:
        tail = code % 28
        return NONE if tail == 0 else RIEUL if tail == 8 else CONSONANT
    return None


def _english(word: str) -> int:
    """The last sound of an English word as Koreans read it (a heuristic; see the module's notes)."""
    w = word.lower()
    if w in WORDS:
        return WORDS[w]
    if w.endswith("le") and len(w) > 2 and w[-3] not in "aeiouy":   # sample 샘플, scale 스케일
        return RIEUL
    if w.endswith(("le", "ll", "l")):
        return RIEUL
    if w.endswith(("me", "m")):                                        # same 세임, sum 섬
        return CONSONANT
    if w.endswith(("ne", "n", "ng")):                                  # None 논, Flatten 플래튼, padding 패딩
        return CONSONANT
    if w.endswith("out"):                                              # Dropout 드롭아웃
        return CONSONANT
    if w.endswith("ic"):                                               # bicubic 바이큐빅
        return CONSONANT
    if len(w) >= 3 and w[-1] in "tp" and w[-2] in "aeiou" and w[-3] not in "aeiouy":  # cat 캣, flip 플립
        return CONSONANT
    return NONE


def _opening(text: str, close: int) -> int:
    """The index of the '(' that the ')' at ``close`` closes (-1 if none)."""
    depth = 0
    for j in range(close, -1, -1):
        depth += {")": 1, "(": -1}.get(text[j], 0)
        if depth == 0:
            return j
    return -1


def _glossed(ch: str) -> bool:
    """Whether a '(' right after ``ch`` opens a gloss of the word that ``ch`` ends (no space between)."""
    return _hangul(ch) is not None or (ch.isascii() and ch.isalnum())


def final(text: str) -> int | None:
    """What the end of ``text`` sounds like when read aloud: NONE, CONSONANT or RIEUL (None: unreadable)."""
    i = len(text)
    while i > 0 and text[i - 1] in SKIP:
        if text[i - 1] == ")":  # a gloss: 쌍(784 → 300 → 784)이, filters(16)는, Conv2D(16, 3)가
            j = _opening(text, i - 1)
            if j > 0 and _glossed(text[j - 1]):
                return final(text[:j])
        i -= 1
    if i == 0:
        return None
    ch = text[i - 1]
    sound = _hangul(ch)
    if sound is not None:
        return sound
    if ch in DIGITS:
        return DIGITS[ch]
    if ch in GREEK:
        return GREEK[ch]
    if ch.isascii() and ch.isalpha():
        j = i
        while j > 0 and text[j - 1].isascii() and text[j - 1].isalpha():
            j -= 1
        word = text[j:i]
        if word.lower() in WORDS:
            return WORDS[word.lower()]
        if len(word) == 1 or ch.isupper() or not set(word.lower()) & set("aeiouy"):
            return LETTERS.get(ch.lower(), NONE)  # a letter, capitals (ReLU, PSNR, Conv2D), lr, kw: by name
        return _english(word)
    if ch == "%":
        return NONE   # 퍼센트
    if ch == "°":
        return NONE   # 도
    return None


def resolve(text: str) -> str:
    """``text`` with every particle pair replaced by the form the word before it needs."""
    if "(" not in text:
        return text
    out, last = [], 0
    for m in PATTERN.finditer(text):
        out.append(text[last:m.start()])
        sound = final("".join(out))
        consonant, vowel, rieul = PAIRS[m.group()]
        out.append(vowel if sound == NONE else rieul if sound == RIEUL else consonant)
        last = m.end()
    out.append(text[last:])
    return "".join(out)


def particle(word: str, pair: str) -> str:
    """``word`` followed by the right form of ``pair`` (e.g. particle('층', '을(를)') == '층을')."""
    return resolve(word + pair)
