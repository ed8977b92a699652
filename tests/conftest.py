"""Shared fixtures: one Extractor per test session (the model loads once)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import Extractor

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
OUTPUTS = ROOT / "outputs"
SEED = CORPUS / "cgtn-beijing-tianjin-hebei.txt"


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()
