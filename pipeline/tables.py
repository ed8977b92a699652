"""Resolved tables of a corpus run: claims, mentions, entities, articles (Parquet, optionally CSV).

``claims.jsonl`` holds claims whose values, time and subject entity are ids that point
into other records; the tables resolve every id, so a question across articles is a
``SELECT`` with no hand-written join:

- ``claims``: one row per claim value, with the article's metadata, the sentence, the
  subject entity's canonical name, the value's normalized fields and the time's interval;
- ``mentions``: one row per mention of every kind (the union of their fields);
- ``entities``: one row per entity mention, with its canonical name and group;
- ``articles``: one row per manifest entry (failed articles too), metadata and counts.

``write_tables(OUT, manifest)`` streams the ok records one at a time into newline-delimited
JSON files (so memory does not grow with the corpus), and DuckDB reads them with typed
columns and writes ``OUT/<table>.parquet`` (and ``OUT/<table>.csv``), each atomically.
Rows come out in record order (doc id, then id number, then value position); DuckDB's
Parquet writer puts no clock or path in the file, so the tables are byte-identical for
the same records. The column lists below are the documentation (``newsclaims query
--schema``, ``docs/tables.md``).
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from pipeline.errors import ErrorCode, NewsclaimsError
from pipeline.record import ArticleRecord, Claim, DateMention, Mention
from pipeline.render import load_record
from pipeline.render.layout import sentence_regions

TABLE_NAMES = ("claims", "mentions", "entities", "articles")
MENTION_FIELDS = ("entities", "quantities", "percentages", "money", "dates", "ordinals")
_ID = re.compile(r"^([a-z]+)(\d+)$")


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # a DuckDB type
    about: str


def _cols(*specs: tuple[str, str, str]) -> tuple[Column, ...]:
    return tuple(Column(*spec) for spec in specs)


# Shared column groups: the numeric fields of a value, the fields of a date.
_NUMERIC = (
    ("value", "DOUBLE", "the number after scaling (null for a pure range)"),
    ("lower", "DOUBLE", "lower bound (hedges and ranges)"),
    ("upper", "DOUBLE", "upper bound"),
    ("qualifier", "VARCHAR", "exact / approximate / lower_bound / upper_bound / range"),
    ("unit", "VARCHAR", "quantities: pint unit name (null for a plain count)"),
    ("dimension", "VARCHAR", 'quantities: "count" or pint dimensionality, e.g. "[length]"'),
    ("si_value", "DOUBLE", "quantities: magnitude in SI base units"),
    ("counted", "VARCHAR", "quantities: the counted noun phrase"),
    ("per", "VARCHAR", 'rate denominator: "$0.42 a share" -> "share"'),
    ("percent_unit", "VARCHAR", "percentages: percent / percentage_point / basis_point / fraction"),
    ("percent_of", "VARCHAR", "percentages: the base phrase (\"of Beijing's GDP\")"),
    ("currency", "VARCHAR", "money: ISO 4217 code"),
    ("change_direction", "VARCHAR", "increase / decrease / unchanged, when stated as a change"),
    ("change_basis", "VARCHAR", "year_on_year, month_on_month, ... or null"),
)
_SPAN = (
    ("text", "VARCHAR", "the mention as written"),
    ("start", "INTEGER", "character offset in the article text"),
    ("end", "INTEGER", "character offset (exclusive)"),
    ("sentence", "INTEGER", "0-based sentence index"),
)

CLAIMS = _cols(
    ("doc_id", "VARCHAR", "the article"),
    ("title", "VARCHAR", "article title"),
    ("publisher", "VARCHAR", "article publisher"),
    ("published", "DATE", "publication date"),
    ("claim_id", "VARCHAR", 'the claim in its record ("c3")'),
    ("value_index", "INTEGER", "position of this value in the claim's values (0-based)"),
    ("sentence", "INTEGER", "0-based sentence index"),
    ("sentence_text", "VARCHAR", "the claim's sentence"),
    ("subject", "VARCHAR", "who or what the claim is about, as written"),
    ("subject_start", "INTEGER", "offset of the subject text (in its sentence, else the nearest before)"),
    ("subject_end", "INTEGER", "end offset of the subject text"),
    ("subject_entity_id", "VARCHAR", "the subject entity's mention id"),
    ("subject_entity", "VARCHAR", "the subject entity's canonical name"),
    ("subject_entity_label", "VARCHAR", "the subject entity's label (ORG, GPE, PERSON, ...)"),
    ("predicate", "VARCHAR", 'the verb lemma ("rise", "report")'),
    ("measure", "VARCHAR", 'what is measured ("net sales")'),
    ("measure_start", "INTEGER", "offset of the measure text (in its sentence, else the nearest before)"),
    ("measure_end", "INTEGER", "end offset of the measure text"),
    ("value_id", "VARCHAR", 'the value mention\'s id ("m2")'),
    ("value_kind", "VARCHAR", "quantities / percentages / money"),
    ("value_text", "VARCHAR", "the value as written"),
    ("value_start", "INTEGER", "offset of the value"),
    ("value_end", "INTEGER", "end offset of the value"),
    *_NUMERIC,
    ("time_id", "VARCHAR", "the time's date mention id"),
    ("time_text", "VARCHAR", "the time as written"),
    ("time_value", "VARCHAR", 'ISO 8601 value: "2025", "2025-Q3", "2025-01/2025-11"'),
    ("time_start", "DATE", "first day of the time's interval"),
    ("time_end", "DATE", "last day of the time's interval (inclusive)"),
    ("time_granularity", "VARCHAR", "day / week / month / quarter / half / season / year / decade"),
    ("time_mod", "VARCHAR", "start / mid / end"),
    ("time_fiscal", "BOOLEAN", "a fiscal period"),
    ("time_source", "VARCHAR", "sentence (stated there) or carried (from an earlier sentence)"),
    ("quoted", "BOOLEAN", "the claim is inside a quotation"),
    ("speaker", "VARCHAR", "who said it, as written"),
)

MENTIONS = _cols(
    ("doc_id", "VARCHAR", "the article"),
    ("kind", "VARCHAR", "entities / quantities / percentages / money / dates / ordinals"),
    ("id", "VARCHAR", 'the mention\'s id in its record ("p1")'),
    *_SPAN,
    *_NUMERIC,
    ("date_value", "VARCHAR", "dates: ISO 8601 value"),
    ("start_date", "DATE", "dates: first day"),
    ("end_date", "DATE", "dates: last day (inclusive)"),
    ("granularity", "VARCHAR", "dates: day / week / month / quarter / ..."),
    ("mod", "VARCHAR", "dates: start / mid / end"),
    ("relative", "BOOLEAN", 'dates: resolved against the reference date ("last year")'),
    ("fiscal", "BOOLEAN", "dates: a fiscal period"),
    ("label", "VARCHAR", "entities: OntoNotes label"),
    ("canonical", "VARCHAR", "entities: canonical name"),
)

ENTITIES = _cols(
    ("doc_id", "VARCHAR", "the article"),
    ("id", "VARCHAR", 'the mention\'s id ("e4")'),
    *_SPAN,
    ("label", "VARCHAR", "OntoNotes label (ORG, GPE, PERSON, ...)"),
    ("canonical", "VARCHAR", "the name shared by every mention of the same thing"),
    ("group_index", "INTEGER", "1-based index of its group in the record's entity_groups"),
    ("group_mentions", "INTEGER", "how many mentions its group has in the article"),
)

_COUNTS = tuple((f"n_{kind}", "INTEGER", f"number of {kind}") for kind in (*MENTION_FIELDS, "claims"))
ARTICLES = _cols(
    ("doc_id", "VARCHAR", "the article"),
    ("input", "VARCHAR", "its file, relative to the corpus folder"),
    ("status", "VARCHAR", "ok / failed"),
    ("error_code", "VARCHAR", "failed: the error code (E002, ...)"),
    ("error_message", "VARCHAR", "failed: the error message"),
    ("title", "VARCHAR", "title"),
    ("publisher", "VARCHAR", "publisher"),
    ("url", "VARCHAR", "url"),
    ("published", "DATE", "publication date"),
    ("language", "VARCHAR", "language"),
    ("encoding", "VARCHAR", "the encoding the file was decoded from"),
    ("reference_date", "VARCHAR", 'the date relative dates resolve against (ISO, maybe partial: "2025")'),
    ("reference_date_source", "VARCHAR", "metadata / inferred / option / default"),
    ("chars", "INTEGER", "length of the article text"),
    *_COUNTS,
    ("input_sha256", "VARCHAR", "sha256 of the input file"),
    ("text_sha256", "VARCHAR", "sha256 of the article text"),
    ("pipeline_version", "VARCHAR", "newsclaims version that wrote the record"),
    ("model", "VARCHAR", "spaCy model of the run"),
)

TABLES: dict[str, tuple[Column, ...]] = {
    "claims": CLAIMS, "mentions": MENTIONS, "entities": ENTITIES, "articles": ARTICLES,
}


@dataclass
class TableSummary:
    """What :func:`write_tables` wrote: rows per table and the files."""

    rows: dict[str, int] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)


# -- rows ---------------------------------------------------------------------
def _id_key(mention_id: str) -> tuple[str, int, str]:
    match = _ID.match(mention_id)
    return (match.group(1), int(match.group(2)), "") if match else ("", 0, mention_id)


def _numeric(m: Mention | None) -> dict[str, Any]:
    """The value columns of a quantity, percentage, money or ordinal mention (all null for others)."""
    data = m.model_dump() if m is not None else {}
    kind = type(m).__name__
    change = data.get("change") or {}
    value = data.get("value")
    return {
        "value": value if not isinstance(value, str) else None,
        "lower": data.get("lower"), "upper": data.get("upper"), "qualifier": data.get("qualifier"),
        "unit": data.get("unit") if kind == "Quantity" else None,
        "dimension": data.get("dimension"), "si_value": data.get("si_value"), "counted": data.get("counted"),
        "per": data.get("per"),
        "percent_unit": data.get("unit") if kind == "Percentage" else None, "percent_of": data.get("of"),
        "currency": data.get("currency"),
        "change_direction": change.get("direction"), "change_basis": change.get("basis"),
    }


def _span_in(text: str, phrase: str | None, region: tuple[int, int] | None) -> tuple[int | None, int | None]:
    """Where ``phrase`` is written: in the region (its sentence), else the last place before its end.

    The record keeps a claim's subject and measure as text only; a measure carried from
    an earlier figure ("up from 3.7 billion") is found in the sentence where it was said.

    >>> _span_in("Sales rose. Sales fell 5%.", "Sales", (12, 26))
    (12, 17)
    >>> _span_in("Net sales rose. It fell 5%.", "Net sales", (16, 27))
    (0, 9)
    """
    if not phrase:
        return None, None
    lo, hi = region if region is not None else (0, len(text))
    at = text.find(phrase, lo, hi)
    if at < 0:
        at = text.rfind(phrase, 0, hi)
    return (at, at + len(phrase)) if at >= 0 else (None, None)


def claim_rows(record: ArticleRecord) -> Iterator[dict[str, Any]]:
    """One row per value of every claim of ``record``, every id resolved."""
    by_id: dict[str, tuple[str, Mention]] = {
        m.id: (f, m) for f in MENTION_FIELDS for m in getattr(record, f)}
    every = [m for _, m in by_id.values()]
    regions = sentence_regions(record.text, [(m.sentence, m.start, m.end) for m in every])
    meta = record.metadata
    article = {"doc_id": record.doc_id, "title": meta.title, "publisher": meta.publisher,
               "published": meta.published}
    for claim in sorted(record.claims, key=lambda c: _id_key(c.id)):
        row = {**article, **_claim_columns(record, claim, by_id, regions)}
        for index, value_id in enumerate(claim.values):
            kind, value = by_id[value_id]
            yield {**row, "value_index": index, "value_id": value_id, "value_kind": kind,
                   "value_text": value.text, "value_start": value.start, "value_end": value.end,
                   **_numeric(value)}


def _claim_columns(record: ArticleRecord, claim: Claim, by_id: Mapping[str, tuple[str, Mention]],
                   regions: Mapping[int, tuple[int, int]]) -> dict[str, Any]:
    """The columns every value row of ``claim`` shares."""
    region = regions.get(claim.sentence)
    entity = by_id[claim.subject_entity][1] if claim.subject_entity else None
    time = by_id[claim.time][1] if claim.time else None
    assert time is None or isinstance(time, DateMention)
    subject_at = _span_in(record.text, claim.subject, region)
    measure_at = _span_in(record.text, claim.measure, region)
    return {
        "claim_id": claim.id, "sentence": claim.sentence,
        "sentence_text": record.text[region[0]:region[1]] if region else None,
        "subject": claim.subject, "subject_start": subject_at[0], "subject_end": subject_at[1],
        "subject_entity_id": claim.subject_entity,
        "subject_entity": getattr(entity, "canonical", None), "subject_entity_label": getattr(entity, "label", None),
        "predicate": claim.predicate,
        "measure": claim.measure, "measure_start": measure_at[0], "measure_end": measure_at[1],
        "time_id": claim.time, "time_text": time.text if time else None,
        "time_value": time.value if time else None,
        "time_start": time.start_date if time else None, "time_end": time.end_date if time else None,
        "time_granularity": time.granularity if time else None, "time_mod": time.mod if time else None,
        "time_fiscal": time.fiscal if time else None, "time_source": claim.time_source,
        "quoted": claim.quoted, "speaker": claim.speaker,
    }


def mention_rows(record: ArticleRecord) -> Iterator[dict[str, Any]]:
    """One row per mention of every kind, sorted by id (as ``mentions.jsonl``)."""
    items = [(f, m) for f in MENTION_FIELDS for m in getattr(record, f)]
    for kind, m in sorted(items, key=lambda fm: _id_key(fm[1].id)):
        date = m if isinstance(m, DateMention) else None
        yield {
            "doc_id": record.doc_id, "kind": kind, "id": m.id, "text": m.text, "start": m.start,
            "end": m.end, "sentence": m.sentence, **_numeric(m if date is None else None),
            "date_value": date.value if date else None,
            "start_date": date.start_date if date else None, "end_date": date.end_date if date else None,
            "granularity": date.granularity if date else None, "mod": date.mod if date else None,
            "relative": date.relative if date else None, "fiscal": date.fiscal if date else None,
            "label": getattr(m, "label", None), "canonical": getattr(m, "canonical", None),
        }


def entity_rows(record: ArticleRecord) -> Iterator[dict[str, Any]]:
    """One row per entity mention, with its canonical name and its group."""
    group_of: dict[str, tuple[int, int]] = {}
    for index, group in enumerate(record.entity_groups, 1):
        for mention_id in group.mentions:
            group_of[mention_id] = (index, len(group.mentions))
    for e in sorted(record.entities, key=lambda e: _id_key(e.id)):
        index, size = group_of.get(e.id, (None, None))
        yield {"doc_id": record.doc_id, "id": e.id, "text": e.text, "start": e.start, "end": e.end,
               "sentence": e.sentence, "label": e.label, "canonical": e.canonical,
               "group_index": index, "group_mentions": size}


def article_row(entry: Mapping[str, Any], record: ArticleRecord | None, *, model: str | None) -> dict[str, Any]:
    """The ``articles`` row of one manifest entry (``record`` None when it failed)."""
    error = entry.get("error") or {}
    counts = entry.get("counts") or {}
    meta = record.metadata if record else None
    return {
        "doc_id": entry.get("doc_id"), "input": entry.get("input"), "status": entry.get("status"),
        "error_code": error.get("code"), "error_message": error.get("message"),
        **{k: getattr(meta, k) if meta else None
           for k in ("title", "publisher", "url", "published", "language", "encoding")},
        "reference_date": record.reference_date.value if record else None,
        "reference_date_source": record.reference_date.source if record else None,
        "chars": len(record.text) if record else None,
        **{f"n_{kind}": counts.get(kind) for kind in (*MENTION_FIELDS, "claims")},
        "input_sha256": entry.get("input_sha256"), "text_sha256": record.text_sha256 if record else None,
        "pipeline_version": entry.get("pipeline_version"), "model": model,
    }


# -- writing --------------------------------------------------------------------
def _select(columns: Iterable[Column]) -> str:
    """The typed SELECT list: DATE columns are read as text and cast (null if not a date)."""
    return ", ".join(f'TRY_CAST("{c.name}" AS DATE) AS "{c.name}"' if c.type == "DATE" else f'"{c.name}"'
                     for c in columns)


def _read_json(path: Path, columns: Iterable[Column]) -> str:
    types = ", ".join(f"'{c.name}': '{'VARCHAR' if c.type == 'DATE' else c.type}'" for c in columns)
    return f"read_json('{_quote(path)}', format='newline_delimited', columns={{{types}}})"


def _quote(path: Path) -> str:
    return str(path).replace("'", "''")


def _jsonl_line(row: Mapping[str, Any]) -> str:
    return json.dumps(row, ensure_ascii=False, allow_nan=False, separators=(",", ":")) + "\n"


def _stage(out: Path, manifest: Mapping[str, Any], folder: Path) -> dict[str, int]:
    """Write every table's rows, in order, to ``folder/<table>.jsonl``; return the row counts."""
    counts = dict.fromkeys(TABLE_NAMES, 0)
    handles: dict[str, IO[str]] = {name: open(folder / f"{name}.jsonl", "w", encoding="utf-8")
                                   for name in TABLE_NAMES}
    try:
        def emit(name: str, rows: Iterable[dict[str, Any]]) -> None:
            for row in rows:
                handles[name].write(_jsonl_line(row))
                counts[name] += 1

        entries = sorted(manifest.get("articles", []), key=lambda e: str(e.get("doc_id")))
        for entry in entries:
            record = None
            if entry.get("status") == "ok":
                record = load_record(out / f"{entry['doc_id']}.json")
                emit("claims", claim_rows(record))
                emit("mentions", mention_rows(record))
                emit("entities", entity_rows(record))
            emit("articles", [article_row(entry, record, model=manifest.get("model"))])
    finally:
        for handle in handles.values():
            handle.close()
    return counts


def write_tables(out: str | Path, manifest: Mapping[str, Any], *, csv: bool = False) -> TableSummary:
    """Write ``OUT/<table>.parquet`` (and ``.csv``) for the run described by ``manifest``.

    Args:
        out: the run's output folder, holding ``<doc_id>.json`` for every ok entry.
        manifest: the run's manifest (``model`` and the ``articles`` entries).
        csv: also write ``OUT/<table>.csv`` (with a header row).
    Returns:
        The rows written per table and the files.
    Raises:
        NewsclaimsError: E001/E013 for a missing or invalid record, E008 when ``out``
        is not writable.
    """
    import duckdb

    out = Path(out)
    summary = TableSummary()
    formats = ["parquet", "csv"] if csv else ["parquet"]
    try:
        with tempfile.TemporaryDirectory(dir=out, prefix=".newsclaims-tables.") as tmp:
            staged = Path(tmp)
            summary.rows = _stage(out, manifest, staged)
            con = duckdb.connect(":memory:")
            try:
                for name, columns in TABLES.items():
                    rows = f"SELECT {_select(columns)} FROM {_read_json(staged / f'{name}.jsonl', columns)}"
                    for fmt in formats:
                        target, part = out / f"{name}.{fmt}", staged / f"{name}.{fmt}"
                        options = "FORMAT parquet" if fmt == "parquet" else "FORMAT csv, HEADER true"
                        con.execute(f"COPY ({rows}) TO '{_quote(part)}' ({options})")
                        os.replace(part, target)
                        summary.files.append(target)
            finally:
                con.close()
    except OSError as exc:
        raise NewsclaimsError(ErrorCode.E008, str(exc.strerror or exc), path=str(out)) from None
    return summary
