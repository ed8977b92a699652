"""Shared fixtures: one Extractor per test session (the model loads once); Hypothesis profiles."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import pytest
from hypothesis import HealthCheck, settings

from pipeline import Extractor
from pipeline.errors import NewsclaimsError
from pipeline.evaluate import benchmarks_dir
from pipeline.evaluate.news import NewsScore, extract_news, score_news
from pipeline.evaluate.news_gold import load_news_gold, news_dev_dir
from pipeline.record import ArticleRecord

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


T = TypeVar("T")


def require_benchmarks(what: str, find: Callable[[], T]) -> T:
    """``find()``'s benchmark folder; without it the test is skipped, except on CI (``CI=true``): failed."""
    try:
        return find()
    except NewsclaimsError as exc:
        if os.environ.get("CI", "").strip().lower() == "true":
            pytest.fail(f"{what} is required on CI: {exc}")
        pytest.skip(f"{what} not available: {exc}")


@dataclass
class NewsRun:
    folder: Path
    records: dict[str, ArticleRecord]
    score: NewsScore


@pytest.fixture(scope="session")
def news_run(extractor) -> NewsRun:
    """One extraction of the news-dev set and its score, shared by every test of the session."""
    folder = require_benchmarks("the news-dev set", lambda: news_dev_dir(benchmarks_dir()))
    gold = load_news_gold(folder)
    records = extract_news(gold, extractor)
    return NewsRun(folder, records, score_news(gold, records))
