"""Resolved tables of a corpus run: claims, mentions, entities, articles (Parquet, optionally CSV).

``claims.jsonl`` holds claims whose values, time and subject entity are ids that point
into other records; the tables resolve every id, so a question across articles is a
``SELECT`` with no hand-written join:

- ``claims``: one row per claim value, with the article's metadata, the sentence, the
  subject entity's canonical name, the value's normalized fields and the time's interval;
- ``mentions``: one row per mention of every kind (the union of their fields);
- ``entities``: one row per entity mention, with its canonical name and group;
- ``articles``: one row per manifest entry (failed articles too), metadata and counts.

``write_tables(OUT, manifest)`` streams the ok records one at a time, each a list item at
a time (:mod:`pipeline.record_stream`), into staged CSV files (so memory grows with neither
the corpus nor a record), and DuckDB reads them with typed columns and writes
``OUT/<table>.parquet`` (and ``OUT/<table>.csv``) a row group at a time, each atomically.
Rows come out in record order (doc id, then id number, then value position); DuckDB's
Parquet writer puts no clock or path in the file, so the tables are byte-identical for
the same records. The column lists below are the documentation (``newsclaims query
--schema``, ``docs/tables.md``).
"""

from __future__ import annotations

import codecs
import csv as csv_module
import os
import tempfile
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from pipeline.errors import ErrorCode, NewsclaimsError
from pipeline.record_stream import IdMap, RecordError, merged_in_id_order, stream_record
from pipeline.render.layout import add_to_extent, widen_to_sentences

TABLE_NAMES = ("claims", "mentions", "entities", "articles")
MENTION_FIELDS = ("entities", "quantities", "percentages", "money", "dates", "ordinals")
ROW_GROUP_SIZE = 20_000


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
# A record is read a list item at a time (pipeline.record_stream): its mentions and claims
# wait in spools (pickled to a temporary file past 256 items) and are read back in id order
# or by id, so that a huge record (a 20 MB article's: 260 MB of JSON) is never whole in
# memory. Items are the validated models dumped to plain dicts: dict look-ups are several
# times faster than pydantic attribute access over 100,000 claims.
Record = dict[str, Any]
_NUMBER_BITS = 40  # a mention's place: its field's rank in MENTION_FIELDS << 40 | its number in its spool
_RANKS = {name: rank for rank, name in enumerate(MENTION_FIELDS)}


class RecordParts:
    """One record file as the rows read it: ``head`` (its fields but the lists), its lists in
    spools (``lists``), where each mention id is and which entity group each entity is in.

    An id written twice resolves as a dict built in field order would: to the last one.
    Close it (or use it in a ``with`` block) to free the spools.

    Raises:
        RecordError: not a valid record. OSError: the file cannot be read.
    """

    def __init__(self, path: Path, *, directory: Path | None = None) -> None:
        self._places = IdMap()  # mention id -> its place (the last of the id in field order)
        self._groups = IdMap()  # entity mention id -> number of its (last) group, from 1
        self._group_sizes = array("q", [0])
        self._extents: dict[int, list[int]] = {}  # sentence -> first start, last end of its mentions
        self._repeated = False  # an id written twice
        streamed = stream_record(path, spool=(*MENTION_FIELDS, "claims"), validate=True, on_item=self._index,
                                 directory=directory)
        self.head, self.lists, self._streamed = streamed.head, streamed.lists, streamed

    def _index(self, name: str, item: Record, number: int) -> None:
        rank = _RANKS.get(name)
        if rank is not None:
            if self._places.keep_max(item["id"], rank << _NUMBER_BITS | number) >= 0:
                self._repeated = True
            add_to_extent(self._extents, item["sentence"], item["start"], item["end"])
        elif name == "entity_groups":
            self._group_sizes.append(len(item["mentions"]))
            for mention_id in item["mentions"]:
                self._groups[mention_id] = len(self._group_sizes) - 1

    def mention(self, mention_id: str) -> tuple[str, Record]:
        """The field and the item of mention ``mention_id`` (KeyError if the record has none)."""
        place = self._places.get(mention_id)
        if place < 0:
            raise KeyError(mention_id)
        name = MENTION_FIELDS[place >> _NUMBER_BITS]
        return name, self.lists[name].read(place & ((1 << _NUMBER_BITS) - 1))

    def group(self, mention_id: str) -> tuple[int | None, int | None]:
        """The 1-based index of the entity group of ``mention_id`` and its size (None, None: none)."""
        number = self._groups.get(mention_id)
        return (number, self._group_sizes[number]) if number > 0 else (None, None)

    def sentence_regions(self) -> dict[int, list[int]]:
        """``{sentence: [start, end]}``: :func:`~pipeline.render.layout.sentence_regions` of the
        mentions the ids resolve to. Call it once: it turns the sentence extents gathered while
        the record was read into the regions, in place."""
        extents, self._extents = self._extents, {}
        if self._repeated:  # an id written twice: its last mention only
            extents = {}
            for rank, name in enumerate(MENTION_FIELDS):
                for number, m in enumerate(self.lists[name]):
                    if self._places.get(m["id"]) == rank << _NUMBER_BITS | number:
                        add_to_extent(extents, m["sentence"], m["start"], m["end"])
        widen_to_sentences(self.head["text"], extents)
        return extents

    def close(self) -> None:
        self._streamed.close()

    def __enter__(self) -> RecordParts:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _numeric(kind: str, m: Mapping[str, Any]) -> dict[str, Any]:
    """The value columns of a mention of record field ``kind`` (all null for dates and entities)."""
    if kind in ("dates", "entities"):
        m = {}
    change = m.get("change") or {}
    return {
        "value": m.get("value"), "lower": m.get("lower"), "upper": m.get("upper"),
        "qualifier": m.get("qualifier"),
        "unit": m.get("unit") if kind == "quantities" else None,
        "dimension": m.get("dimension"), "si_value": m.get("si_value"), "counted": m.get("counted"),
        "per": m.get("per"),
        "percent_unit": m.get("unit") if kind == "percentages" else None, "percent_of": m.get("of"),
        "currency": m.get("currency"),
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


def claim_rows(record: RecordParts) -> Iterator[dict[str, Any]]:
    """One row per value of every claim of ``record``, every id resolved."""
    head = record.head
    regions = record.sentence_regions()
    meta = head["metadata"]
    article = {"doc_id": head["doc_id"], "title": meta["title"], "publisher": meta["publisher"],
               "published": meta["published"]}
    for claim in record.lists["claims"].in_id_order():
        extent = regions.get(claim["sentence"])
        region = (extent[0], extent[1]) if extent else None
        row = {**article, **_claim_columns(head["text"], claim, record.mention, region)}
        for index, value_id in enumerate(claim["values"]):
            kind, value = record.mention(value_id)
            yield {**row, "value_index": index, "value_id": value_id, "value_kind": kind,
                   "value_text": value["text"], "value_start": value["start"], "value_end": value["end"],
                   **_numeric(kind, value)}


def _claim_columns(text: str, claim: Mapping[str, Any], mention: Callable[[str], tuple[str, Record]],
                   region: tuple[int, int] | None) -> dict[str, Any]:
    """The columns every value row of ``claim`` shares (``mention``: an id's field and item)."""
    entity = mention(claim["subject_entity"])[1] if claim["subject_entity"] else {}
    time = mention(claim["time"])[1] if claim["time"] else {}
    subject_at = _span_in(text, claim["subject"], region)
    measure_at = _span_in(text, claim["measure"], region)
    return {
        "claim_id": claim["id"], "sentence": claim["sentence"],
        "sentence_text": text[region[0]:region[1]] if region else None,
        "subject": claim["subject"], "subject_start": subject_at[0], "subject_end": subject_at[1],
        "subject_entity_id": claim["subject_entity"],
        "subject_entity": entity.get("canonical"), "subject_entity_label": entity.get("label"),
        "predicate": claim["predicate"],
        "measure": claim["measure"], "measure_start": measure_at[0], "measure_end": measure_at[1],
        "time_id": claim["time"], "time_text": time.get("text"), "time_value": time.get("value"),
        "time_start": time.get("start_date"), "time_end": time.get("end_date"),
        "time_granularity": time.get("granularity"), "time_mod": time.get("mod"),
        "time_fiscal": time.get("fiscal"), "time_source": claim["time_source"],
        "quoted": claim["quoted"], "speaker": claim["speaker"],
    }


def mention_rows(record: RecordParts) -> Iterator[dict[str, Any]]:
    """One row per mention of every kind, sorted by id (as ``mentions.jsonl``)."""
    doc_id = record.head["doc_id"]
    for kind, m in merged_in_id_order((f, record.lists[f]) for f in MENTION_FIELDS):
        date = m if kind == "dates" else {}
        yield {
            "doc_id": doc_id, "kind": kind, "id": m["id"], "text": m["text"], "start": m["start"],
            "end": m["end"], "sentence": m["sentence"], **_numeric(kind, m),
            "date_value": date.get("value"), "start_date": date.get("start_date"),
            "end_date": date.get("end_date"), "granularity": date.get("granularity"), "mod": date.get("mod"),
            "relative": date.get("relative"), "fiscal": date.get("fiscal"),
            "label": m.get("label"), "canonical": m.get("canonical"),
        }


def entity_rows(record: RecordParts) -> Iterator[dict[str, Any]]:
    """One row per entity mention, with its canonical name and its group."""
    doc_id = record.head["doc_id"]
    for e in record.lists["entities"].in_id_order():
        index, size = record.group(e["id"])
        yield {"doc_id": doc_id, "id": e["id"], "text": e["text"], "start": e["start"], "end": e["end"],
               "sentence": e["sentence"], "label": e["label"], "canonical": e["canonical"],
               "group_index": index, "group_mentions": size}


def article_row(entry: Mapping[str, Any], record: Record | None, *, model: str | None) -> dict[str, Any]:
    """The ``articles`` row of one manifest entry (``record`` None when it failed)."""
    error = entry.get("error") or {}
    counts = entry.get("counts") or {}
    meta = record["metadata"] if record else {}
    reference = record["reference_date"] if record else {}
    return {
        "doc_id": entry.get("doc_id"), "input": entry.get("input"), "status": entry.get("status"),
        "error_code": error.get("code"), "error_message": error.get("message"),
        **{k: meta.get(k) for k in ("title", "publisher", "url", "published", "language", "encoding")},
        "reference_date": reference.get("value"), "reference_date_source": reference.get("source"),
        "chars": len(record["text"]) if record else None,
        **{f"n_{kind}": counts.get(kind) for kind in (*MENTION_FIELDS, "claims")},
        "input_sha256": entry.get("input_sha256"), "text_sha256": record["text_sha256"] if record else None,
        "pipeline_version": entry.get("pipeline_version"), "model": model,
    }


# -- writing --------------------------------------------------------------------
# A manifest entry keeps the lone surrogates of a file name that is not UTF-8; written as
# U+FFFD, as dump_json writes them in the record, so an article's rows share its doc id.
# (The UTF-8 encoder takes only ASCII text from an error handler: the bytes of U+FFFD.)
def _replace_surrogates(exc: UnicodeError) -> tuple[bytes, int]:
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    return "\ufffd".encode() * (exc.end - exc.start), exc.end


codecs.register_error("newsclaims-fffd", _replace_surrogates)
# Rows are staged as CSV (Python's C writer; floats by their shortest round-trip repr)
# with NULL written as \N, the PostgreSQL convention: a field holding exactly "\N" would
# read back as NULL, which no claim text is.
_NULL = "\\N"


def _select(columns: Iterable[Column]) -> str:
    """The typed SELECT list: DATE columns are read as text and cast (null if not a date)."""
    return ", ".join(f'TRY_CAST("{c.name}" AS DATE) AS "{c.name}"' if c.type == "DATE" else f'"{c.name}"'
                     for c in columns)


def _read_staged(path: Path, columns: Iterable[Column], *, longest: int) -> str:
    """DuckDB's reader of a staged file whose longest line has ``longest`` characters.

    DuckDB refuses a line longer than ``max_line_size`` (2 MiB by default: one sentence of
    an article with no full stops can be longer) and needs buffers larger than that; small
    buffers keep memory low (60 MB less at 200,000 claims than its default).
    """
    max_line = 4 * longest + 1024  # UTF-8: at most 4 bytes a character
    types = ", ".join(f"'{c.name}': '{'VARCHAR' if c.type == 'DATE' else c.type}'" for c in columns)
    return (f"read_csv('{_quote(path)}', header=false, auto_detect=false, delim=',', quote='\"', "
            f"escape='\"', nullstr='{_NULL}', max_line_size={max_line}, "
            f"buffer_size={max(2 * max_line, 1 << 20)}, columns={{{types}}})")


class _Staged:
    """A staging file that remembers its longest line (csv.writer writes a row in one call)."""

    def __init__(self, handle: IO[str]) -> None:
        self.handle, self.longest = handle, 0

    def write(self, line: str) -> int:
        self.longest = max(self.longest, len(line))
        return self.handle.write(line)


def _quote(path: Path) -> str:
    return str(path).replace("'", "''")


def _stage(out: Path, manifest: Mapping[str, Any], folder: Path) -> dict[str, tuple[int, int]]:
    """Write every table's rows, in order, to ``folder/<table>.staged.csv``.

    Returns:
        ``{table: (rows, characters in its longest line)}``.
    """
    counts = dict.fromkeys(TABLE_NAMES, 0)
    staged: dict[str, _Staged] = {}
    with ExitStack() as stack:
        writers = {}
        for name in TABLE_NAMES:
            handle = stack.enter_context(open(folder / f"{name}.staged.csv", "w", encoding="utf-8", newline="",
                                              errors="newsclaims-fffd"))
            staged[name] = _Staged(handle)
            writers[name] = csv_module.writer(staged[name], lineterminator="\n")

        def emit(name: str, rows: Iterable[dict[str, Any]]) -> None:
            names = [c.name for c in TABLES[name]]
            for row in rows:
                writers[name].writerow([_NULL if row[n] is None else row[n] for n in names])
                counts[name] += 1

        for entry in sorted(manifest.get("articles", []), key=lambda e: str(e.get("doc_id"))):
            if entry.get("status") != "ok":
                emit("articles", [article_row(entry, None, model=manifest.get("model"))])
                continue
            path = out / f"{entry['doc_id']}.json"
            with _read_record(path, directory=folder) as record:
                try:
                    emit("claims", claim_rows(record))
                except KeyError as exc:  # a hand-edited record: a claim points at no mention
                    raise NewsclaimsError(ErrorCode.E013, f"a claim refers to mention {exc}, which the "
                                          "record does not have", path=str(path), field="claims") from None
                emit("mentions", mention_rows(record))
                emit("entities", entity_rows(record))
                emit("articles", [article_row(entry, record.head, model=manifest.get("model"))])
    return {name: (counts[name], staged[name].longest) for name in TABLE_NAMES}


def _read_record(path: Path, *, directory: Path) -> RecordParts:
    """The record at ``path`` read for its rows (E001 missing, E013 not a record)."""
    if not path.is_file():
        raise NewsclaimsError(ErrorCode.E001, "no such file", path=str(path))
    try:
        return RecordParts(path, directory=directory)
    except RecordError as exc:
        raise NewsclaimsError(ErrorCode.E013, f"not an article record: {exc.msg}", path=str(path),
                              field=exc.where or None) from None


def _same_bytes(a: Path, b: Path) -> bool:
    """``b`` exists and holds exactly ``a``'s bytes (compared in blocks, not read whole)."""
    if not b.is_file() or a.stat().st_size != b.stat().st_size:
        return False
    with open(a, "rb") as fa, open(b, "rb") as fb:
        while True:
            block = fa.read(1 << 20)
            if block != fb.read(1 << 20):
                return False
            if not block:
                return True


def write_tables(out: str | Path, manifest: Mapping[str, Any], *, csv: bool = False) -> TableSummary:
    """Write ``OUT/<table>.parquet`` (and ``.csv``) for the run described by ``manifest``.

    Args:
        out: the run's output folder, holding ``<doc_id>.json`` for every ok entry.
        manifest: the run's manifest (``model`` and the ``articles`` entries).
        csv: also write ``OUT/<table>.csv`` (with a header row); without it, CSV tables
            of an earlier build are removed rather than left stale.
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
            stats = _stage(out, manifest, staged)
            summary.rows = {name: rows for name, (rows, _) in stats.items()}
            con = duckdb.connect(":memory:")
            try:
                con.execute("SET enable_progress_bar = false")  # DuckDB would draw one on stdout
                # One thread and small row groups keep memory flat as the corpus grows (the
                # writer buffers a row group; threads buffer chunks to keep the row order):
                # peak RSS 199 / 205 / 214 MB at 25,000 / 100,000 / 200,000 claims
                # (benchmarks/tables_scale.py), against 650 MB at 200,000 with the defaults.
                con.execute("SET threads = 1")
                for name, columns in TABLES.items():
                    reader = _read_staged(staged / f"{name}.staged.csv", columns, longest=stats[name][1])
                    rows = f"SELECT {_select(columns)} FROM {reader}"
                    for fmt in formats:
                        target, part = out / f"{name}.{fmt}", staged / f"{name}.{fmt}"
                        options = f"FORMAT parquet, ROW_GROUP_SIZE {ROW_GROUP_SIZE}" if fmt == "parquet" else \
                            "FORMAT csv, HEADER true"
                        con.execute(f"COPY ({rows}) TO '{_quote(part)}' ({options})")
                        if not _same_bytes(part, target):  # a resumed run leaves its tables untouched
                            os.replace(part, target)
                        summary.files.append(target)
                    if not csv:  # a table of an earlier run with --csv would now be stale
                        (out / f"{name}.csv").unlink(missing_ok=True)
            finally:
                con.close()
    except OSError as exc:
        raise NewsclaimsError(ErrorCode.E008, str(exc.strerror or exc), path=str(out)) from None
    except duckdb.IOException as exc:
        raise NewsclaimsError(ErrorCode.E008, str(exc).splitlines()[0], path=str(out)) from None
    return summary
