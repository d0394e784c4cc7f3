"""Shared test helpers: paths and the golden files."""
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture(scope="session")
def keras_tables():
    return json.loads((GOLDEN / "keras_tables.json").read_text())
