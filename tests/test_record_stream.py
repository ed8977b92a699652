"""Records read a list item at a time (``pipeline.record_stream``), and issue 17 case 11:
the steps of ``run`` after the articles (resume check, ``mentions.jsonl`` / ``claims.jsonl``,
tables) never hold a huge record whole in memory.

The reader is checked against the whole-record readers it replaces (``json.loads`` and
``ArticleRecord.model_validate_json``) on the committed records; the memory test builds a
synthetic record of invented sentences, a few MB, and measures the Python heap.
"""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

import duckdb
import pytest

from pipeline.batch import CLAIMS_JSONL, MENTIONS_JSONL, _record_problem, write_corpus_jsonl
from pipeline.record import ArticleRecord, Money
from pipeline.record_stream import IdMap, RecordError, Spool, id_key, merged_in_id_order, stream_record
from pipeline.tables import TABLE_NAMES, _stage, write_tables
from tests.conftest import OUTPUTS

KINDS = ("entities", "quantities", "percentages", "money", "dates", "ordinals")
LISTS = (*KINDS, "entity_groups", "claims")
RECORDS = sorted(p for p in OUTPUTS.glob("*.json") if p.name != "manifest.json")


def _streamed(path: Path, *, validate: bool) -> dict:
    """The record as :func:`stream_record` gives it back, put together again as one dict."""
    lists: dict[str, list] = {name: [] for name in LISTS}
    with stream_record(path, validate=validate,
                       on_item=lambda name, item, _: lists[name].append(item)) as record:
        return {**record.head, **lists}


@pytest.mark.parametrize("path", RECORDS[:8], ids=lambda p: p.stem)
def test_a_streamed_record_is_the_record_read_whole(path: Path) -> None:
    whole = json.loads(path.read_text(encoding="utf-8"))
    assert _streamed(path, validate=False) == whole
    validated = ArticleRecord.model_validate_json(path.read_bytes()).model_dump()
    assert _streamed(path, validate=True) == validated


def test_any_json_layout_and_field_order_is_read(tmp_path: Path) -> None:
    record = json.loads(RECORDS[0].read_text(encoding="utf-8"))
    compact = tmp_path / "compact.json"  # no white space, fields in reverse order, numbers ending blocks
    compact.write_text(json.dumps(dict(reversed(record.items())), separators=(",", ":")), encoding="utf-8")
    assert _streamed(compact, validate=False) == record
    assert _streamed(compact, validate=True) == ArticleRecord.model_validate(record).model_dump()


HEAD = ('{"doc_id": "a", "text": "", "text_sha256": "", "metadata": {}, "reference_date": {}, '
        '"pipeline": {"version": "v", "model": "m"}}')


@pytest.mark.parametrize(("text", "where", "message"), [
    ("", "", "Invalid JSON: expected '{'"),
    ('{"doc_id": "a", "claims": [{"id": "c1"', "", "Invalid JSON: Expecting ',' delimiter at character 38"),
    ('{"doc_id": "a"} {}', "", "Invalid JSON: trailing characters"),
    ('[1, 2]', "", "Invalid JSON: expected '{'"),
    ('{"doc_id": "a"}', "text", "Field required"),
    ('{"claims": [{"id": "c1", "sentence": 0, "values": []}]}', "claims.0.values", "at least 1 item"),
    ('{"entities": [{"id": "e1"}, {"id": "e2", "text": 5}]}', "entities.0.text", "Field required"),
    (HEAD[:-1] + ', "extra": 1}', "extra", "Extra inputs are not permitted"),
], ids=["empty", "truncated", "trailing", "not-an-object", "missing-field", "empty-values", "bad-item",
        "unknown-field"])
def test_an_invalid_record_names_where(tmp_path: Path, text: str, where: str, message: str) -> None:
    path = tmp_path / "r.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RecordError) as caught:
        stream_record(path, validate=True).close()
    assert caught.value.where == where and message in caught.value.msg


def test_a_spool_moves_to_a_file_past_its_few_items_and_reads_back(tmp_path: Path) -> None:
    spool = Spool(tmp_path)
    ids = [f"q{n}" for n in range(1, 1001)]
    numbers = [spool.append({"id": i, "value": n / 7}) for n, i in enumerate(ids)]
    assert numbers == list(range(1000)) and spool.in_order
    assert [item["id"] for item in spool] == ids
    assert spool.read(637) == {"id": "q638", "value": 637 / 7}
    assert [item["id"] for item in spool][-1] == "q1000"  # reading by number in between moves nothing
    spool.append({"id": "q5", "value": 0.0})  # out of order: sorted when read in id order
    assert not spool.in_order
    assert [item["id"] for item in spool.in_id_order()][:6] == ["q1", "q2", "q3", "q4", "q5", "q5"]
    spool.close()


def test_spools_merge_by_id_as_sorted_would() -> None:
    items = {"dates": ["d1", "d10", "d2"], "entities": ["e1", "e2"], "money": ["x1", "m3"]}
    spools = {}
    for name, ids in items.items():
        spools[name] = Spool()
        for i in ids:
            spools[name].append({"id": i})
    merged = [(name, item["id"]) for name, item in merged_in_id_order(spools.items())]
    assert merged == sorted(((n, i) for n, ids in items.items() for i in ids), key=lambda ni: id_key(ni[1]))


def test_id_map_keeps_ids_far_apart_and_the_largest_value() -> None:
    ids = IdMap()
    ids["e1"], ids["e900000"], ids["e1_x"], ids["e2"] = 10, 20, 30, 40
    for n in range(3, 6001):  # past 1,024 ids: arrays of slots, by number
        ids[f"e{n}"] = n
    ids["e900001"], ids["e0012"] = 50, 60
    assert [ids.get(k) for k in ("e1", "e900000", "e1_x", "e2", "e4500", "e900001", "e0012", "e12")] == \
        [10, 20, 30, 40, 4500, 50, 60, 12]
    assert [ids.get(k) for k in ("e6001", "e0", "q1", "e900002")] == [-1, -1, -1, -1]
    assert ids.keep_max("e1", 5) == 10 and ids.get("e1") == 10
    assert ids.keep_max("e1", 70) == 10 and ids.get("e1") == 70
    assert ids.keep_max("e7000", 1) == -1 and ids.get("e7000") == 1


# -- issue 17 case 11: a huge record ------------------------------------------------------
def _mention(sentence: str, at: int, index: int, written: str) -> dict:
    """The span fields of ``written`` in sentence ``index`` (which starts at ``at`` in the text)."""
    start = at + sentence.index(written)
    return {"text": written, "start": start, "end": start + len(written), "sentence": index}


def _synthetic_record(sentences: int) -> ArticleRecord:
    """A record of invented sentences ("Northwind Cargo moved 1,234 containers in 2019, up
    7 percent."), each with an entity, a quantity, a percentage, a year and a claim."""
    text, at = [], 0
    items: dict[str, list[dict]] = {name: [] for name in LISTS}
    for n in range(sentences):
        k, count, year, share = n + 1, 1000 + n, 1990 + n % 30, n % 9 + 1
        sentence = f"Northwind Cargo moved {count:,} containers in {year}, up {share} percent. "
        items["entities"].append({"id": f"e{k}", **_mention(sentence, at, n, "Northwind Cargo"), "label": "ORG",
                                  "canonical": "Northwind Cargo"})
        items["quantities"].append({"id": f"q{k}", **_mention(sentence, at, n, f"{count:,}"), "value": float(count),
                                    "counted": "containers"})
        items["percentages"].append({"id": f"p{k}", **_mention(sentence, at, n, f"{share} percent"),
                                     "value": float(share), "change": {"direction": "increase"}})
        items["dates"].append({"id": f"d{k}", **_mention(sentence, at, n, str(year)), "value": str(year),
                               "start_date": f"{year}-01-01", "end_date": f"{year}-12-31", "granularity": "year"})
        items["claims"].append({"id": f"c{k}", "sentence": n, "subject": "Northwind Cargo", "subject_entity": f"e{k}",
                                "predicate": "move", "values": [f"q{k}", f"p{k}"], "time": f"d{k}",
                                "time_source": "sentence"})
        text.append(sentence)
        at += len(sentence)
    items["entity_groups"] = [{"canonical": "Northwind Cargo", "label": "ORG",
                               "mentions": [e["id"] for e in items["entities"]]}]
    return ArticleRecord.model_validate({
        "doc_id": "huge", "text": "".join(text), "text_sha256": "0" * 64, "metadata": {"title": "Cargo"},
        "reference_date": {"value": "2025"}, "pipeline": {"version": "test", "model": "test"}, **items})


@pytest.fixture(scope="module")
def huge(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("huge")
    (out / "huge.json").write_text(_synthetic_record(1500).to_json(), encoding="utf-8")
    return out


def _traced_peak(step) -> int:
    tracemalloc.start()
    try:
        step()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_the_steps_after_the_articles_never_hold_a_huge_record_whole(huge: Path, tmp_path: Path) -> None:
    """Read whole, this record took 3.7 (JSONL), 5.5 (resume check) and 5.8 (tables) times its
    size in Python objects at the peak; read a list item at a time, the peak is a share of it:
    a few copies of the text while it is parsed, a block of the file, one item, a list a
    sentence, 8 bytes a mention id."""
    path = huge / "huge.json"
    size = path.stat().st_size
    assert size > 2_500_000  # 7,500 mentions and claims
    entry = {"doc_id": "huge", "input": "huge.txt", "status": "ok", "counts": None}
    staging = tmp_path  # the tables' rows, staged for DuckDB (whose memory is not Python's)
    peaks = {
        "resume check": _traced_peak(lambda: _record_problem(path, "huge")),
        "jsonl": _traced_peak(lambda: write_corpus_jsonl(huge, [entry])),
        "tables": _traced_peak(lambda: _stage(huge, {"model": "m", "articles": [entry]}, staging)),
    }
    assert all(peak < size / 2 for peak in peaks.values()), (size, peaks)
    assert _record_problem(path, "huge") is None


def test_a_huge_records_jsonl_and_tables_are_those_of_the_record_read_whole(huge: Path) -> None:
    record = json.loads((huge / "huge.json").read_text(encoding="utf-8"))
    entry = {"doc_id": "huge", "input": "huge.txt", "status": "ok", "counts": None}
    assert write_corpus_jsonl(huge, [entry]) == (6000, 1500)
    mentions = [json.loads(line) for line in (huge / MENTIONS_JSONL).read_text(encoding="utf-8").splitlines()]
    expected = sorted(({"doc_id": "huge", "kind": k, **m} for k in KINDS for m in record[k]),
                      key=lambda m: id_key(m["id"]))
    assert mentions == expected
    claims = [json.loads(line) for line in (huge / CLAIMS_JSONL).read_text(encoding="utf-8").splitlines()]
    assert [c["id"] for c in claims] == [f"c{n}" for n in range(1, 1501)]
    write_tables(huge, {"model": "m", "articles": [entry]})
    rows = {name: duckdb.sql(f"SELECT count(*) FROM '{huge / name}.parquet'").fetchall()[0][0] for name in TABLE_NAMES}
    assert rows == {"claims": 3000, "mentions": 6000, "entities": 1500, "articles": 1}
    last = duckdb.sql(f"SELECT value, time_value, subject_entity, sentence_text FROM '{huge}/claims.parquet' "
                      "WHERE claim_id = 'c1500' ORDER BY value_index").fetchall()
    sentence = "Northwind Cargo moved 2,499 containers in 2019, up 6 percent."  # n = 1499
    assert last == [(2499.0, "2019", "Northwind Cargo", sentence), (6.0, "2019", "Northwind Cargo", sentence)]
    groups = duckdb.sql(f"SELECT DISTINCT group_index, group_mentions FROM '{huge}/entities.parquet'").fetchall()
    assert groups == [(1, 1500)]


def test_an_id_written_twice_resolves_to_the_last_as_a_dict_would(tmp_path: Path) -> None:
    """A hand-edited record: the tables resolve a repeated id as the whole-record reader did
    (a dict built in field order: the later one, here money after quantities)."""
    record = _synthetic_record(3)
    q2 = record.quantities[1]
    record.money = [Money(id="q2", text=q2.text, start=q2.start, end=q2.end, sentence=q2.sentence, value=2.0,
                          currency="EUR")]
    (tmp_path / "huge.json").write_text(record.to_json(), encoding="utf-8")
    write_tables(tmp_path, {"model": "m", "articles": [{"doc_id": "huge", "input": "huge.txt", "status": "ok"}]})
    rows = duckdb.sql(f"SELECT claim_id, value_kind, value, currency FROM '{tmp_path}/claims.parquet' "
                      "WHERE value_id = 'q2'").fetchall()
    assert rows == [("c2", "money", 2.0, "EUR")]
