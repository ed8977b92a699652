"""Resolved tables (``pipeline.tables``) and ``newsclaims table`` / ``newsclaims query``.

The tables are built from a copy of the committed records in ``outputs/`` and checked
against those records read directly as JSON (not through the table code).
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import duckdb
import pytest

from pipeline.cli import EXIT_INPUT, EXIT_OK, EXIT_USAGE, main
from pipeline.tables import TABLE_NAMES, TABLES, write_tables
from tests.conftest import OUTPUTS

KINDS = ("entities", "quantities", "percentages", "money", "dates", "ordinals")


def _copy_outputs(dest: Path) -> Path:
    dest.mkdir()
    for path in OUTPUTS.glob("*.json"):
        shutil.copy(path, dest / path.name)
    return dest


@pytest.fixture(scope="module")
def tables(tmp_path_factory) -> Path:
    out = _copy_outputs(tmp_path_factory.mktemp("tables") / "out")
    assert main(["table", str(out), "--csv"]) == EXIT_OK
    return out


def _records() -> list[dict]:
    manifest = json.loads((OUTPUTS / "manifest.json").read_text(encoding="utf-8"))
    return [json.loads((OUTPUTS / f"{e['doc_id']}.json").read_text(encoding="utf-8"))
            for e in manifest["articles"] if e["status"] == "ok"]


def _rows(out: Path, sql: str) -> list[dict]:
    con = duckdb.connect()
    for name in TABLE_NAMES:
        con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{out / name}.parquet')")
    cursor = con.execute(sql)
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


# -- schema -----------------------------------------------------------------------
# What an analyst relies on: dates are DATE, values DOUBLE, flags BOOLEAN, offsets INTEGER.
TYPED_COLUMNS = [
    ("claims", "published", "DATE"), ("claims", "value", "DOUBLE"), ("claims", "lower", "DOUBLE"),
    ("claims", "upper", "DOUBLE"), ("claims", "si_value", "DOUBLE"), ("claims", "time_start", "DATE"),
    ("claims", "time_end", "DATE"), ("claims", "quoted", "BOOLEAN"), ("claims", "sentence", "INTEGER"),
    ("claims", "value_index", "INTEGER"), ("claims", "subject_entity", "VARCHAR"),
    ("mentions", "value", "DOUBLE"), ("mentions", "start_date", "DATE"), ("mentions", "end_date", "DATE"),
    ("mentions", "relative", "BOOLEAN"), ("mentions", "start", "INTEGER"),
    ("entities", "group_index", "INTEGER"), ("entities", "canonical", "VARCHAR"),
    ("articles", "published", "DATE"), ("articles", "n_claims", "INTEGER"), ("articles", "chars", "INTEGER"),
]


@pytest.mark.parametrize(("table", "column", "type_"), TYPED_COLUMNS, ids=lambda v: str(v))
def test_column_types(tables, table, column, type_):
    described = {row[0]: row[1] for row in duckdb.sql(f"DESCRIBE SELECT * FROM '{tables / table}.parquet'")
                 .fetchall()}
    assert described[column] == type_


@pytest.mark.parametrize("table", TABLE_NAMES)
def test_parquet_and_csv_columns_are_the_documented_ones(tables, table):
    described = duckdb.sql(f"DESCRIBE SELECT * FROM '{tables / table}.parquet'").fetchall()
    assert [(name, type_) for name, type_, *_ in described] == [(c.name, c.type) for c in TABLES[table]]
    header = (tables / f"{table}.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.split(",") == [c.name for c in TABLES[table]]


def test_docs_list_every_column():
    doc = (Path(__file__).parent.parent / "docs" / "tables.md").read_text(encoding="utf-8")
    missing = [f"{t}.{c.name}" for t, cols in TABLES.items() for c in cols if f"`{c.name}`" not in doc]
    assert not missing, f"docs/tables.md does not describe {missing}"


# -- every id resolved --------------------------------------------------------------
def test_row_counts_match_the_records(tables):
    records = _records()
    counts: dict[str, int] = {}
    for name in TABLE_NAMES:
        counts[name] = _rows(tables, f"SELECT count(*) AS n FROM {name}")[0]["n"]
    assert counts["claims"] == sum(len(c["values"]) for r in records for c in r["claims"])
    assert counts["mentions"] == sum(len(r[k]) for r in records for k in KINDS)
    assert counts["entities"] == sum(len(r["entities"]) for r in records)
    assert counts["articles"] == len(json.loads((OUTPUTS / "manifest.json").read_text())["articles"])


def test_every_claim_value_time_and_entity_is_resolved(tables):
    rows = {(r["doc_id"], r["claim_id"], r["value_index"]): r for r in _rows(tables, "SELECT * FROM claims")}
    checked = 0
    for record in _records():
        mentions = {m["id"]: m for k in KINDS for m in record[k]}
        for claim in record["claims"]:
            for index, value_id in enumerate(claim["values"]):
                row = rows[(record["doc_id"], claim["id"], index)]
                value = mentions[value_id]
                assert (row["value_id"], row["value_text"], row["value"]) == (value_id, value["text"],
                                                                              value["value"])
                assert (row["lower"], row["upper"]) == (value["lower"], value["upper"])
                assert row["currency"] == value.get("currency")
                assert record["text"][row["value_start"]:row["value_end"]] == value["text"]
                assert value["text"] in row["sentence_text"]
                assert row["subject"] == claim["subject"] and row["measure"] == claim["measure"]
                if claim["subject"]:
                    assert record["text"][row["subject_start"]:row["subject_end"]] == claim["subject"]
                if claim["time"]:
                    time = mentions[claim["time"]]
                    assert (row["time_text"], row["time_value"]) == (time["text"], time["value"])
                    assert str(row["time_start"]) == time["start_date"] or time["start_date"] is None
                    assert str(row["time_end"]) == time["end_date"] or time["end_date"] is None
                else:
                    assert row["time_text"] is None
                if claim["subject_entity"]:
                    entity = mentions[claim["subject_entity"]]
                    assert (row["subject_entity"], row["subject_entity_label"]) == (entity["canonical"],
                                                                                    entity["label"])
                else:
                    assert row["subject_entity"] is None
                assert (row["quoted"], row["speaker"]) == (claim["quoted"], claim["speaker"])
                assert str(row["published"]) == record["metadata"]["published"] or \
                    record["metadata"]["published"] is None
                checked += 1
    assert checked == len(rows) > 300


def test_rows_are_sorted_by_doc_then_id_number(tables):
    keys = [(r["doc_id"], int(r["claim_id"][1:]), r["value_index"])
            for r in _rows(tables, "SELECT doc_id, claim_id, value_index FROM claims")]
    assert keys == sorted(keys)
    keys = [(r["doc_id"], r["id"][0], int(r["id"][1:])) for r in _rows(tables, "SELECT doc_id, id FROM mentions")]
    assert keys == sorted(keys)


def test_entities_carry_their_group(tables):
    for record in _records():
        rows = {r["id"]: r for r in _rows(tables, f"SELECT * FROM entities WHERE doc_id = '{record['doc_id']}'")}
        for index, group in enumerate(record["entity_groups"], 1):
            for mention_id in group["mentions"]:
                row = rows[mention_id]
                assert (row["group_index"], row["group_mentions"]) == (index, len(group["mentions"]))
                assert row["canonical"] == group["canonical"]


def test_mentions_keep_each_kinds_fields(tables):
    date = _rows(tables, "SELECT * FROM mentions WHERE doc_id = 'lindqvist-marine-third-quarter' AND id = 'd2'")[0]
    assert (date["kind"], date["date_value"], str(date["start_date"]), str(date["end_date"]),
            date["granularity"], date["value"]) == ("dates", "2026-Q3", "2026-07-01", "2026-09-30", "quarter", None)
    money = _rows(tables, "SELECT * FROM mentions WHERE doc_id = 'lindqvist-marine-third-quarter' AND id = 'm1'")[0]
    assert (money["kind"], money["value"], money["currency"], money["date_value"]) == ("money", 4.2e9, "SEK", None)


# -- runs, failures, determinism ------------------------------------------------------
def test_tables_are_byte_identical_when_rebuilt_elsewhere(tables, tmp_path):
    other = _copy_outputs(tmp_path / "elsewhere")
    write_tables(other, json.loads((other / "manifest.json").read_text()), csv=True)
    for name in TABLE_NAMES:
        for suffix in ("parquet", "csv"):
            assert (other / f"{name}.{suffix}").read_bytes() == (tables / f"{name}.{suffix}").read_bytes()
    write_tables(other, json.loads((other / "manifest.json").read_text()))
    assert (other / "claims.parquet").read_bytes() == (tables / "claims.parquet").read_bytes()
    assert not (other / "claims.csv").exists()  # without --csv, no stale CSV is left behind
    assert not [p for p in other.iterdir() if p.name.startswith(".")]  # the staging folder is gone


def test_a_run_writes_the_tables_and_lists_failed_articles(tmp_path, extractor):
    from pipeline.batch import run_corpus

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text("Sales at Acme Corp rose 5 percent in 2024 to $3 billion.\n", encoding="utf-8")
    (corpus / "bad.txt").write_bytes(b"\x00\x01binary")
    out = tmp_path / "out"
    run_corpus(corpus, out, extractor=extractor, csv=True)
    assert all((out / f"{name}.{s}").is_file() for name in TABLE_NAMES for s in ("parquet", "csv"))
    articles = {r["doc_id"]: r for r in _rows(out, "SELECT * FROM articles")}
    assert articles["bad"]["status"] == "failed" and articles["bad"]["error_code"] == "E002"
    assert articles["bad"]["title"] is None and articles["good"]["n_claims"] >= 1
    money = _rows(out, "SELECT * FROM claims WHERE value_kind = 'money'")
    assert [(r["value"], r["currency"], r["subject_entity"]) for r in money] == [(3e9, "USD", "Acme Corp")]
    before = {name: (out / f"{name}.parquet").read_bytes() for name in TABLE_NAMES}
    assert main(["table", str(out)]) == EXIT_OK  # rebuilt from the records: the same bytes
    assert {name: (out / f"{name}.parquet").read_bytes() for name in TABLE_NAMES} == before


def test_table_without_a_manifest_is_an_input_error(tmp_path, capsys):
    assert main(["table", str(tmp_path)]) == EXIT_INPUT
    assert "E001" in capsys.readouterr().err


# -- newsclaims query ---------------------------------------------------------------------
QUERY = ("SELECT claim_id, value, currency, time_start FROM claims "
         "WHERE doc_id = 'lindqvist-marine-third-quarter' AND value_kind = 'money' ORDER BY value DESC LIMIT 2")


def test_query_prints_a_table(tables, capsys):
    assert main(["query", str(tables), QUERY]) == EXIT_OK
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["claim_id", "value", "currency", "time_start"]
    assert lines[2].split() == ["c10", "18000000000", "SEK", "2026-09-21"]
    assert lines[3].split() == ["c2", "4200000000", "SEK", "2026-07-01"]
    assert lines[-1] == "(2 rows)"


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_query_formats(tables, capsys, fmt):
    assert main(["query", str(tables), QUERY, "--format", fmt]) == EXIT_OK
    text = capsys.readouterr().out
    rows = list(csv.DictReader(io.StringIO(text))) if fmt == "csv" else json.loads(text)
    assert [r["currency"] for r in rows] == ["SEK", "SEK"]
    assert [float(r["value"]) for r in rows] == [18e9, 4.2e9]
    assert [r["time_start"] for r in rows] == ["2026-09-21", "2026-07-01"]


@pytest.mark.parametrize("sql", ["SELEC * FROM claims", "SELECT nope FROM claims", "SELECT * FROM nowhere", " "])
def test_a_bad_query_is_one_line_and_exit_2(tables, capsys, sql):
    assert main(["query", str(tables), sql]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert err.startswith("newsclaims: E017: ") and err.count("\n") == 1


def test_query_schema_lists_every_table_and_column(tables, capsys):
    assert main(["query", str(tables), "--schema", "--format", "csv"]) == EXIT_OK
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["table"], r["column"], r["type"]) for r in rows] == \
        [(t, c.name, c.type) for t, cols in TABLES.items() for c in cols]
    assert all(r["about"] for r in rows)


def test_query_needs_tables_and_either_sql_or_schema(tmp_path, tables, capsys):
    assert main(["query", str(tmp_path), "SELECT 1"]) == EXIT_INPUT
    assert "newsclaims table" in capsys.readouterr().err
    assert main(["query", str(tables)]) == EXIT_USAGE


# -- docs/tables.md: the worked questions show their real output ---------------------------
DOC = Path(__file__).parent.parent / "docs" / "tables.md"
WORKED = re.compile(r"```sql\n(?P<sql>.*?)```\n\n```text\n(?P<out>.*?)```", re.S)


def test_worked_questions_show_their_real_output(tables, request):
    """Each ```sql block followed by a ```text block in docs/tables.md is run over the tables of
    the committed outputs/; the text block must be its output (``--force-regen`` rewrites them)."""
    from pipeline.query import format_table, run_query

    doc = DOC.read_text(encoding="utf-8")
    blocks = list(WORKED.finditer(doc))
    assert len(blocks) >= 5
    fresh = WORKED.sub(lambda m: f"```sql\n{m['sql']}```\n\n```text\n"
                                 f"{format_table(run_query(tables, m['sql']))}```", doc)
    if fresh != doc and request.config.getoption("force_regen", False):
        DOC.write_text(fresh, encoding="utf-8")
        pytest.fail("docs/tables.md regenerated: read the diff")
    for block in blocks:
        assert format_table(run_query(tables, block["sql"])) == block["out"], block["sql"]
        assert "(0 rows)" not in block["out"], f"a worked question with no answer: {block['sql']}"


def test_a_claim_pointing_at_no_mention_is_named(tmp_path, capsys):
    out = _copy_outputs(tmp_path / "out")
    record = json.loads((out / "spain-november-heat.json").read_text(encoding="utf-8"))
    record["claims"][0]["time"] = "d999"
    (out / "spain-november-heat.json").write_text(json.dumps(record), encoding="utf-8")
    assert main(["table", str(out)]) == EXIT_INPUT
    err = capsys.readouterr().err
    assert "spain-november-heat.json" in err and "E013" in err and "'d999'" in err


def test_a_line_longer_than_duckdbs_default_limit_is_read(tmp_path):
    """DuckDB's CSV reader refuses lines over 2 MiB by default; a title or sentence can be longer."""
    out = _copy_outputs(tmp_path / "out")
    record = json.loads((out / "spain-november-heat.json").read_text(encoding="utf-8"))
    record["metadata"]["title"] = "é" * 3_000_000
    (out / "spain-november-heat.json").write_text(json.dumps(record), encoding="utf-8")
    assert main(["table", str(out)]) == EXIT_OK
    lengths = _rows(out, "SELECT DISTINCT length(title) AS n FROM claims WHERE doc_id = 'spain-november-heat'")
    assert lengths == [{"n": 3_000_000}]


def test_a_file_name_that_is_not_utf8_gets_the_records_doc_id(tmp_path):
    """The manifest keeps the lone surrogates of such a name; the tables write U+FFFD, as the record does."""
    import os

    doc_id = os.fsdecode(b"name-\xff\xfe-not-utf8")
    record = json.loads((OUTPUTS / "spain-november-heat.json").read_text(encoding="utf-8"))
    record["doc_id"] = "name-\ufffd\ufffd-not-utf8"
    (tmp_path / f"{doc_id}.json").write_text(json.dumps(record), encoding="utf-8")
    entry = {"doc_id": doc_id, "input": f"{doc_id}.txt", "status": "ok", "counts": None}
    write_tables(tmp_path, {"model": "m", "articles": [entry]})
    ids = _rows(tmp_path, "SELECT (SELECT doc_id FROM articles) AS a, (SELECT any_value(doc_id) FROM claims) AS c")
    assert ids == [{"a": "name-\ufffd\ufffd-not-utf8", "c": "name-\ufffd\ufffd-not-utf8"}]
