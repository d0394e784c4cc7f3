"""Every text exists in English and Korean, and every key the code asks for exists."""
import re

from conftest import ROOT

from aecore.text import CATALOG, t


def test_every_key_has_both_languages():
    for key, (en, ko) in CATALOG.items():
        assert en.strip() and ko.strip(), key
        assert set(re.findall(r"{(\w+)", en)) == set(re.findall(r"{(\w+)", ko)), key


def test_every_key_used_in_code_exists():
    pattern = re.compile(r"""(?:\bt|\.text|\.fail|ui\.t)\(\s*["']([a-z_]+\.[\w.]+)["']""")
    used = set()
    for path in list((ROOT / "aecore").rglob("*.py")) + list((ROOT / "pages").glob("*.py")) + [ROOT / "app.py"]:
        if path.exists():
            used |= set(pattern.findall(path.read_text()))
    missing = sorted(k for k in used if k not in CATALOG and not k.endswith(("_", ".")))  # prefixes: below
    assert not missing, missing
    assert len(used) > 100


def test_formatting():
    assert t("why.valid", n=16, k=3, s=1, out=14) == "'valid': ⌊(16 − 3)/1⌋ + 1 = 14"
    assert t("no.such.key") == "no.such.key"


def test_keys_built_at_run_time_exist():
    from aecore.learn import config, data
    from aecore.shapes import presets
    keys = [f"train.loss_{v}" for v in config.LOSSES] + [f"noise.{v}" for v in config.NOISES]
    keys += [f"train.phase_{v}" for v in ("queued", "data", "training", "done", "stopped", "error")]
    keys += [f"preset.{name}" for name in presets.PRESETS]
    keys += [f"dataset.{n}" for n, info in data.REGISTRY.items() if info.source != "medmnist"]
    missing = [k for k in keys if k not in CATALOG]
    assert not missing, missing
