"""Shared fixtures: one Extractor per test session (the model loads once); Hypothesis profiles."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from pipeline import Extractor

# Hypothesis profiles: "ci" (default) is fixed-seed and quick; "long" explores
# ten times as many random examples: HYPOTHESIS_PROFILE=long python -m pytest tests/test_properties.py
settings.register_profile("ci", max_examples=300, derandomize=True, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=3000, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
OUTPUTS = ROOT / "outputs"
SEED = CORPUS / "cgtn-beijing-tianjin-hebei.txt"


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()
