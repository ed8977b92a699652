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
from pipeline.evaluate.report import ENVIRONMENT_PACKAGES, below_floors
from pipeline.evaluate.suites import unsupported_reason

FLOORS_PATH = Path(__file__).with_name("eval_floors.json")
FLOORS_FILE = json.loads(FLOORS_PATH.read_text(encoding="utf-8"))
FLOORS: dict[str, dict[str, float | None]] = FLOORS_FILE["files"]


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
