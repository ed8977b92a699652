"""Regression: every corpus article's record equals its committed record in outputs/.

Regenerate after a reviewed change with ``python -m pytest tests/test_outputs.py
--force-regen`` (or ``newsclaims run corpus/ --out outputs/ --force``), then
read ``git diff outputs/`` record by record before committing.
"""

from __future__ import annotations

import json

import jsonschema
import pytest

from pipeline import read_article
from pipeline.record import dump_json, json_schema
from tests.conftest import CORPUS, OUTPUTS, ROOT

ARTICLES = sorted(p for p in CORPUS.rglob("*.txt"))
SCHEMA_FILE = ROOT / "schemas" / "article-record.schema.json"


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_record_matches_baseline(extractor, file_regression, path):
    article = read_article(path, root=CORPUS)
    record = extractor.extract_article(article)
    file_regression.check(record.to_json(), fullpath=OUTPUTS / f"{article.doc_id}.json", binary=False,
                          encoding="utf-8", newline="\n")


def test_every_article_has_a_record():
    doc_ids = {p.stem for p in ARTICLES}
    records = {p.stem for p in OUTPUTS.glob("*.json") if p.name != "manifest.json"}
    assert doc_ids == records


def test_schema_file_is_current():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == dump_json(json_schema()), \
        "schemas/ is stale: run `newsclaims schema > schemas/article-record.schema.json`"


@pytest.mark.parametrize("path", sorted(p for p in OUTPUTS.glob("*.json") if p.name != "manifest.json"),
                         ids=lambda p: p.stem)
def test_output_validates_against_schema(path):
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    record = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.validate(record, schema)
    for kind in ("entities", "quantities", "percentages", "money", "dates", "ordinals"):
        for m in record[kind]:
            assert record["text"][m["start"]:m["end"]] == m["text"]


def test_records_are_deterministic(extractor):
    article = read_article(ARTICLES[0], root=CORPUS)
    a = extractor.extract_article(article).to_json()
    b = extractor.extract_article(article).to_json()
    assert a == b


def test_the_readme_main_job_on_a_fresh_clone_changes_no_committed_file(tmp_path, capsys):
    """Issue 17, case 7: `newsclaims run corpus/ --out outputs/` over the committed outputs reuses
    every record and leaves every file byte-identical (nothing run-specific in the manifest)."""
    import shutil

    from pipeline.cli import EXIT_OK, main
    from pipeline.tables import TABLES

    out = tmp_path / "outputs"
    shutil.copytree(OUTPUTS, out, ignore=shutil.ignore_patterns("*.parquet", "*.csv"))  # as a clone has it
    before = {p.name: p.read_bytes() for p in sorted(out.iterdir())}
    assert main(["run", str(CORPUS), "--out", str(out), "--jobs", "1"]) == EXIT_OK
    after = {p.name: p.read_bytes() for p in sorted(out.iterdir())}
    assert {name: after.get(name) for name in before} == before
    # the only new files are the run's tables, which .gitignore keeps out of the repository
    assert set(after) - set(before) == {f"{name}.parquet" for name in TABLES}
    n = len(ARTICLES)
    assert f"{n} articles: 0 ok, 0 failed, {n} skipped (unchanged since the last run" in capsys.readouterr().err


@pytest.mark.parametrize("data", [
    {"a": "caf\u00e9 \u201cq\u201d \"x\"\\ \n\t\u0001 \u2028", "b": [1e16, -0.0, 1e-07, 0.1, 2**70, -3, True, None]},
    {"empty": {}, "none": [], "nested": [[{}], [[]], {"k": [{"z": 1.5}]}], "t": (1, "two")},
    {"lone": "bad \udcff byte", "f": 3.0, "big": 1.7976931348623157e308},
    [], {}, "plain", 12, 1.25, None, False,
    {1: "an int key", "x": 1},  # json.dumps's own key rules
])
def test_the_json_writer_writes_what_json_dumps_writes(data):
    from pipeline.record import _json_piece

    assert _json_piece(data, "") + "\n" == dump_json(data)
    expected = json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False).replace("\n", "\n    ")
    assert _json_piece(data, "    ") == expected.replace("\udcff", "\ufffd")


def test_the_json_writer_refuses_nan_and_rewrites_every_committed_record():
    from pipeline.record import _json_piece

    with pytest.raises(ValueError, match="not JSON compliant"):
        _json_piece({"x": [float("nan")]}, "")
    records = sorted(p for p in OUTPUTS.glob("*.json"))
    assert len(records) > 5
    for path in records:
        text = path.read_text(encoding="utf-8")
        assert _json_piece(json.loads(text), "") + "\n" == text, path.name
