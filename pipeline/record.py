"""The output record: the single source of truth for what newsclaims writes.

``schemas/article-record.schema.json`` is generated from :class:`ArticleRecord`
(``newsclaims schema``). Field names of schema version 1 are a contract: fields
may be added, never renamed or dropped.
"""

from __future__ import annotations

import codecs
import json
import math
import re
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

SCHEMA_VERSION: Literal["1.2"] = "1.2"
# Years a publication or reference date may have. Relative dates ("a decade ago",
# "next year") are computed from it with datetime, whose range ends at 0001 and 9999;
# no news article is dated outside these years.
DATE_YEARS = range(1000, 3000)
_LONE_SURROGATES = re.compile("[\ud800-\udfff]")
# json.dumps(..., ensure_ascii=False)'s string writer (the C one where there is one)
_encode_str = json.encoder.encode_basestring  # type: ignore[attr-defined]

Qualifier = Literal["exact", "approximate", "lower_bound", "upper_bound", "range"]
PercentUnit = Literal["percent", "percentage_point", "basis_point", "fraction"]
Granularity = Literal["day", "week", "month", "quarter", "half", "season", "year", "decade"]
DateMod = Literal["start", "mid", "end"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _finite(value: float | None) -> float | None:
    """Refuse NaN and infinity: they are not JSON and never a claim's value."""
    if value is not None and not math.isfinite(value):
        raise ValueError("numeric values must be finite")
    return value


class Metadata(_Model):
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: str | None = Field(None, description="ISO date (YYYY-MM-DD) or null")
    language: str = "en"
    encoding: str | None = Field(None, description="Encoding the input file was decoded from")


class ReferenceDate(_Model):
    value: str | None = Field(
        None, description='ISO date or partial date: "2025", "2025-12", "2025-12-22"'
    )
    source: Literal["metadata", "inferred", "option", "default"] = "default"
    confidence: float | None = Field(
        None, ge=0, le=1,
        description='For source "inferred": how strongly the dates that scope the reported facts support it '
                    "(0.45 one bare year ... 0.95 a full date in a past-tense clause); null otherwise")


class Mention(_Model):
    id: str = Field(description="Unique in the record and stable across runs, e.g. 'q3'")
    text: str = Field(description="Exactly record.text[start:end]")
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    sentence: int = Field(ge=0, description="0-based sentence index")


class Change(_Model):
    direction: Literal["increase", "decrease", "unchanged"] = Field(
        description='"unchanged" for a level stated as no change ("held at 7.1 percent")')
    basis: str | None = Field(None, description='"year_on_year", "month_on_month", ... or null')


class NumericMention(Mention):
    value: float | None = Field(description="The number after scaling; null for a pure range")
    qualifier: Qualifier = "exact"
    lower: float | None = None
    upper: float | None = None
    change: Change | None = None

    @field_validator("value", "lower", "upper")
    @classmethod
    def _check_finite(cls, v: float | None) -> float | None:
        return _finite(v)


class Quantity(NumericMention):
    unit: str | None = Field(None, description="pint unit name; null for a plain count")
    dimension: str = Field("count", description='"count" or pint dimensionality, e.g. "[time]"')
    counted: str | None = Field(None, description="The counted noun phrase, as written")
    si_value: float | None = Field(None, description="Magnitude in SI base units")
    per: str | None = Field(None, description='Rate denominator: "$4 a barrel" -> "barrel"')

    @field_validator("si_value")
    @classmethod
    def _check_si(cls, v: float | None) -> float | None:
        return _finite(v)


class Percentage(NumericMention):
    unit: PercentUnit = "percent"
    of: str | None = Field(None, description="The base phrase: 'of Beijing's GDP' -> \"Beijing's GDP\"")


class Money(NumericMention):
    currency: str | None = Field(description="ISO 4217 code, or null when unknown")
    per: str | None = Field(None, description='Rate denominator: "$0.42 a share" -> "share"')


class DateMention(Mention):
    value: str | None = Field(description='ISO 8601: "2025", "2013-09", "2025-Q3", "2025-01/2025-11"; '
                                          'with a time of day "2025-03-04T15:00" (a day not written: '
                                          'the reference day)')
    start_date: str | None = Field(None, description="Inclusive first day (YYYY-MM-DD)")
    end_date: str | None = Field(None, description="Inclusive last day (YYYY-MM-DD)")
    granularity: Granularity | None = None
    mod: DateMod | None = None
    relative: bool = False
    fiscal: bool = False
    tz: str | None = Field(None, description='Time zone of a time of day when the text states it: an IANA name '
                                             '("America/New_York" for "ET") or a UTC offset ("+00:00" for GMT)')


class Ordinal(Mention):
    value: int


class Entity(Mention):
    label: str = Field(description="OntoNotes label as spaCy uses it")
    canonical: str = Field(description="Normalized name shared by all mentions of one thing")


class EntityGroup(_Model):
    canonical: str
    label: str
    mentions: list[str]


class TextSpan(_Model):
    """Where a claim's text field sits: ``record.text[start:end]`` is the field's text."""
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Claim(_Model):
    id: str
    sentence: int = Field(ge=0)
    subject: str | None = None
    subject_span: TextSpan | None = Field(
        None, description="Where the subject is in text (schema 1.2); null when it is not a slice of its sentence")
    subject_entity: str | None = None
    predicate: str | None = None
    measure: str | None = None
    measure_span: TextSpan | None = Field(
        None, description="Where the measure is in text (schema 1.2); null when it is not a slice of its sentence")
    values: list[str] = Field(min_length=1)
    time: str | None = None
    time_source: Literal["sentence", "carried"] | None = None
    quoted: bool = Field(False, description="The figure is said by someone: in a direct quotation, or in reported "
                                            "speech under a verb of saying or 'according to' (not a figure data or a "
                                            "report shows)")
    speaker: str | None = Field(None, description="Who says it, when the text names them (a quoted claim only)")


class PipelineInfo(_Model):
    version: str
    model: str


class ArticleRecord(_Model):
    schema_version: Literal["1.2"] = SCHEMA_VERSION
    doc_id: str
    text: str
    text_sha256: str
    metadata: Metadata
    reference_date: ReferenceDate
    entities: list[Entity] = []
    entity_groups: list[EntityGroup] = []
    quantities: list[Quantity] = []
    percentages: list[Percentage] = []
    money: list[Money] = []
    dates: list[DateMention] = []
    ordinals: list[Ordinal] = []
    claims: list[Claim] = []
    pipeline: PipelineInfo

    def to_json(self) -> str:
        """Serialize deterministically: sorted by the model's field order, 2-space indent."""
        return "".join(self.iter_json())

    def iter_json(self, lists: Mapping[str, ListJson] | None = None) -> Iterator[str]:
        """:meth:`to_json`'s text in pieces, a mention or claim at a time, so that the record
        of a very long article is never also a tree of dicts in memory (a 20 MB article's
        is 1.5 GB). The same bytes as ``dump_json(self.model_dump(mode="json"))``.

        ``lists``: list fields written from their :class:`ListJson` instead of this
        record's own (empty) lists (see :class:`RecordText`)."""
        yield "{"
        for n, name in enumerate(type(self).model_fields):
            value = getattr(self, name)
            yield f'{"," if n else ""}\n  {json.dumps(name)}: '
            if lists is not None and name in lists:
                yield from lists[name]
            elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
                for i, item in enumerate(value):
                    yield _item_json(item, i)
                yield "\n  ]"
            else:
                yield _json_piece(self.model_dump(mode="json", include={name})[name], "  ")
        yield "\n}\n"

    def mentions(self) -> list[Mention]:
        """Every mention of every kind, in document order."""
        items: list[Mention] = [
            *self.entities,
            *self.quantities,
            *self.percentages,
            *self.money,
            *self.dates,
            *self.ordinals,
        ]
        return sorted(items, key=lambda m: (m.start, m.end, m.id))


class ListJson:
    """A list field's JSON text (as :meth:`ArticleRecord.iter_json` writes it) built one
    item at a time and held zlib-compressed: how the record of a very long article is
    kept while its chunks are processed (about 50 bytes an item instead of 2 KB as a
    pydantic object, so that a 20 MB article stays under 1 GB). Read it once."""

    def __init__(self) -> None:
        self.count = 0
        self._zip = zlib.compressobj(1)
        self._blocks: list[bytes] = []

    def append(self, item: BaseModel) -> None:
        block = self._zip.compress(_item_json(item, self.count).encode("utf-8"))
        if block:
            self._blocks.append(block)
        self.count += 1

    def __iter__(self) -> Iterator[str]:
        if not self.count:
            yield "[]"
            return
        self._blocks.append(self._zip.flush())
        unzip, decode = zlib.decompressobj(), codecs.getincrementaldecoder("utf-8")()
        while self._blocks:
            yield decode.decode(unzip.decompress(self._blocks.pop(0)))
        yield decode.decode(unzip.flush(), final=True) + "\n  ]"


@dataclass
class RecordText:
    """A record as what ``run`` and ``extract`` write: its JSON text (:meth:`iter_json`,
    the bytes of ``record.to_json()``) and the number of items of each list field.

    ``head`` is the record; for a very long article, its list fields are empty and
    ``lists`` holds them as compressed JSON text instead, so that the record is never
    held whole as objects (:meth:`pipeline.extractor.Extractor.extract_texts`).
    """

    head: ArticleRecord
    lists: dict[str, ListJson] = field(default_factory=dict)

    def iter_json(self) -> Iterator[str]:
        """The record's JSON text in pieces (once: a ``ListJson`` is read once)."""
        return self.head.iter_json(self.lists or None)

    def count(self, name: str) -> int:
        """Items in list field ``name`` (``"claims"``, ``"entities"`` ...)."""
        return self.lists[name].count if name in self.lists else len(getattr(self.head, name))


def dump_json(data: Any) -> str:
    """The one JSON writer for records: UTF-8 text, 2-space indent, trailing newline.

    Floats are written by Python's shortest round-trip repr, so output is
    byte-identical across runs and machines. Lone surrogates (how Python keeps
    the bytes of a file name that is not UTF-8) are written as U+FFFD, so the
    output is always valid UTF-8.
    """
    text = json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)
    return _LONE_SURROGATES.sub("\ufffd", text) + "\n"


def _item_json(item: BaseModel, index: int) -> str:
    """Item ``index`` of a list field of the record as written (with the bracket or comma before it)."""
    return ("[" if index == 0 else ",") + "\n    " + _json_piece(item.model_dump(mode="json"), "    ")


def _json_piece(data: Any, indent: str) -> str:
    """``data`` as :func:`dump_json` writes it when nested at ``indent``."""
    out: list[str] = []
    try:
        _indented(data, "\n" + indent, out)
        text = "".join(out)
    except _NotPlain:
        text = json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False).replace("\n", "\n" + indent)
    return _LONE_SURROGATES.sub("\ufffd", text)


class _NotPlain(Exception):
    """Data :func:`_indented` leaves to ``json.dumps`` (not in a record: a key that is not a
    string, a type that is not JSON's)."""


def _indented(data: Any, newline: str, out: list[str]) -> None:
    """Append ``json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)``'s text, each of
    its line breaks followed by ``newline``'s indent, to ``out``. The standard library writes
    indented JSON with its pure-Python encoder (its C one only does compact output), which
    took most of a record's writing time; this writes the same characters with the same
    string escaper and number reprs, in the same order of type tests
    (tests/test_outputs.py compares the two)."""
    if isinstance(data, str):
        out.append(_encode_str(data))
    elif data is None:
        out.append("null")
    elif data is True:
        out.append("true")
    elif data is False:
        out.append("false")
    elif isinstance(data, int):
        out.append(int.__repr__(data))
    elif isinstance(data, float):
        if not math.isfinite(data):
            raise ValueError("Out of range float values are not JSON compliant: " + repr(data))
        out.append(float.__repr__(data))
    elif isinstance(data, (list, tuple)):
        if not data:
            out.append("[]")
            return
        inner = newline + "  "
        sep = "[" + inner
        for value in data:
            out.append(sep)
            _indented(value, inner, out)
            sep = "," + inner
        out.append(newline + "]")
    elif isinstance(data, dict):
        if not data:
            out.append("{}")
            return
        inner = newline + "  "
        sep = "{" + inner
        for key, value in data.items():
            if not isinstance(key, str):
                raise _NotPlain
            out.append(sep + _encode_str(key) + ": ")
            _indented(value, inner, out)
            sep = "," + inner
        out.append(newline + "}")
    else:
        raise _NotPlain


def json_schema() -> dict[str, Any]:
    """The JSON Schema of :class:`ArticleRecord` (what ``newsclaims schema`` prints)."""
    schema = ArticleRecord.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://newsclaims.invalid/schemas/article-record.schema.json"
    return schema
