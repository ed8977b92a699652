"""The extractor must not fall below the committed scores on the peer test suites and news-dev.

``tests/eval_floors.json`` is written by ``newsclaims eval --write-floors``
(``--suite news --write-floors`` refreshes only the news-dev floors); raise
the floors when scores improve. The suites live outside the repository
(``../shared/benchmarks`` or ``$NEWSCLAIMS_BENCHMARKS``): without them these
tests are skipped, except on CI (``CI=true``), where that is a failure.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.evaluate import FileScore, benchmarks_dir, evaluate, load_suites
from pipeline.evaluate.news_report import news_below_floors, news_floors
from pipeline.evaluate.report import ENVIRONMENT_PACKAGES, below_floors
from pipeline.evaluate.suites import unsupported_reason
from tests.conftest import require_benchmarks

FLOORS_PATH = Path(__file__).with_name("eval_floors.json")
FLOORS_FILE = json.loads(FLOORS_PATH.read_text(encoding="utf-8"))
FLOORS: dict[str, dict[str, float | None]] = FLOORS_FILE["files"]
NEWS_FLOORS: dict[str, dict[str, float | None]] = FLOORS_FILE["news"]


@pytest.fixture(scope="session")
def eval_scores(extractor) -> dict[str, FileScore]:
    """One harness run over every suite file, shared by all tests of the session."""
    root = require_benchmarks("the benchmark suites", benchmarks_dir)
    return {score.file_id: score for score in evaluate(load_suites(root), extractor)}


def test_every_supported_suite_file_has_a_floor(eval_scores):
    supported = [f for f in eval_scores if not unsupported_reason(f)]
    assert sorted(supported) == sorted(FLOORS), "rewrite the floors: newsclaims eval --write-floors"


@pytest.mark.parametrize("file_id", sorted(FLOORS))
def test_no_floor_is_zero(file_id):
    """A floor of 0.0 cannot fail: a file we do not attempt is marked unsupported instead."""
    floor = FLOORS[file_id]
    assert floor["detection_f1"] != 0.0 and floor["value_accuracy"] != 0.0
    assert not unsupported_reason(file_id)


def test_floors_record_their_environment():
    env = FLOORS_FILE["environment"]
    assert {"python", "model", *ENVIRONMENT_PACKAGES} <= set(env)
    assert "not installed" not in env.values()


@pytest.mark.parametrize("file_id", sorted(FLOORS))
def test_scores_meet_floors(eval_scores, file_id):
    assert file_id in eval_scores, f"{file_id} was not scored"
    problems = below_floors(eval_scores[file_id], FLOORS[file_id])
    assert not problems, f"{file_id}: " + "; ".join(problems)


def test_every_news_row_has_a_floor(news_run):
    current = news_floors(news_run.score)
    assert sorted(current) == sorted(NEWS_FLOORS), "rewrite the floors: newsclaims eval --suite news --write-floors"
    assert {k: sorted(v) for k, v in current.items()} == {k: sorted(v) for k, v in NEWS_FLOORS.items()}


@pytest.mark.parametrize("row", sorted(NEWS_FLOORS))
def test_news_meets_floors(news_run, row):
    problems = news_below_floors(news_run.score, {row: NEWS_FLOORS[row]})
    assert not problems, f"{row}: " + "; ".join(problems.get(row, []))
