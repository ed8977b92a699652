"""The extractor must not fall below the committed scores on the peer test suites.

``tests/eval_floors.json`` is written by ``newsclaims eval --write-floors``;
raise the floors when scores improve. The suites live outside the repository
(``../shared/benchmarks`` or ``$NEWSCLAIMS_BENCHMARKS``): without them these
tests are skipped, except on CI (``CI=true``), where that is a failure.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from pipeline.errors import NewsclaimsError
from pipeline.evaluate import FileScore, benchmarks_dir, evaluate, load_suites
from pipeline.evaluate.report import below_floors

FLOORS_PATH = Path(__file__).with_name("eval_floors.json")
FLOORS: dict[str, dict[str, float | None]] = json.loads(FLOORS_PATH.read_text(encoding="utf-8"))["files"]


@pytest.fixture(scope="session")
def eval_scores(extractor) -> dict[str, FileScore]:
    """One harness run over every suite file, shared by all tests of the session."""
    try:
        root = benchmarks_dir()
    except NewsclaimsError as exc:
        if os.environ.get("CI", "").strip().lower() == "true":
            pytest.fail(f"the benchmark suites are required on CI: {exc}")
        pytest.skip(f"benchmark suites not available: {exc}")
    return {score.file_id: score for score in evaluate(load_suites(root), extractor)}


def test_every_suite_file_has_a_floor(eval_scores):
    assert sorted(eval_scores) == sorted(FLOORS), "rewrite the floors: newsclaims eval --write-floors"


@pytest.mark.parametrize("file_id", sorted(FLOORS))
def test_scores_meet_floors(eval_scores, file_id):
    assert file_id in eval_scores, f"{file_id} was not scored"
    problems = below_floors(eval_scores[file_id], FLOORS[file_id])
    assert not problems, f"{file_id}: " + "; ".join(problems)
