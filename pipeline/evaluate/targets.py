"""The harness's one internal form for both suites: :class:`Case`, :class:`Expected`, targets.

A *target* is an expected value already mapped onto the shape of our record
(inclusive bounds, pint units, ISO currencies, inclusive dates); comparing it
with a mention is :mod:`pipeline.evaluate.compare`'s job.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal, TypeAlias

# What an expected result is matched against; each kind selects record mentions
# (see compare.CANDIDATES).
# The score row of times of day, beside each file's own row (see Expected.row).
TIME_OF_DAY = "time-of-day"

Kind = Literal["number", "ordinal", "percentage", "range", "money", "quantity", "count", "temperature",
               "duration", "date", "clock", "daypart"]


@dataclass(frozen=True)
class NumericTarget:
    """An expected number, range or amount.

    ``lower``/``upper`` are the bounds in ``units`` (an exact value v is
    ``lower == upper == v``; ``None`` is an open side). ``*_inclusive`` record
    the suite's own bracket; our record has inclusive bounds only, so they are
    shown in reports but not compared.
    """

    lower: float | None
    upper: float | None
    lower_inclusive: bool = True
    upper_inclusive: bool = True
    units: tuple[str, ...] = ()
    """Accepted pint units of the numbers (any one); () = compare the bare numbers."""
    currencies: frozenset[str | None] | None = None
    """Accepted ``Money.currency`` values (None in the set = null accepted); None = any."""

    @classmethod
    def exact(cls, value: float, **kwargs: object) -> NumericTarget:
        return cls(value, value, **kwargs)  # type: ignore[arg-type]

    @property
    def is_exact(self) -> bool:
        return self.lower is not None and self.lower == self.upper

    def describe(self) -> str:
        if self.is_exact:
            text = f"{self.lower:g}"
        else:
            lo = "[" if self.lower_inclusive else "("
            hi = "]" if self.upper_inclusive else ")"
            text = f"{lo}{_g(self.lower)},{_g(self.upper)}{hi}"
        if self.units:
            text += " " + "|".join(self.units)
        if self.currencies is not None:
            text += " " + "|".join(sorted(c or "null" for c in self.currencies))
        return text


@dataclass(frozen=True)
class OrdinalTarget:
    value: int

    def describe(self) -> str:
        return f"ordinal {self.value}"


@dataclass(frozen=True)
class DateSpan:
    """An inclusive run of days; ``ends`` lists every accepted last day."""

    start: dt.date
    ends: tuple[dt.date, ...]

    def describe(self) -> str:
        end = "|".join(e.isoformat() for e in self.ends)
        return self.start.isoformat() if self.ends == (self.start,) else f"{self.start}..{end}"


@dataclass(frozen=True)
class DateBoundary:
    """One side of an open interval ("since 2014", "before 2018"): a day our mention must touch."""

    day: dt.date
    side: Literal["from", "to"]

    def describe(self) -> str:
        return f"{self.day}.." if self.side == "from" else f"..{self.day}"


DateReading: TypeAlias = "DateSpan | DateBoundary"


@dataclass(frozen=True)
class DateTarget:
    """Expected date readings (any one may match: past vs future, literal vs exclusive end).

    For a ``mod`` of start/mid/end, ``anchors`` hold the whole periods the mod
    applies to ("late 2016" -> 2016); our mention also matches when it carries
    the same ``mod`` and its value covers an anchor.
    """

    readings: tuple[DateReading, ...]
    mod: str | None = None
    anchors: tuple[tuple[dt.date, dt.date], ...] = ()

    def describe(self) -> str:
        text = " | ".join(r.describe() for r in self.readings)
        return f"{text} (mod {self.mod})" if self.mod else text


@dataclass(frozen=True)
class ClockReading:
    """An expected time of day, in the suite's local time, compared to the minute.

    An instant has ``start == end``; an interval written with two ends has
    ``span``; an open interval has one side None ("after 2 pm": ``end`` None).
    ``end`` is inclusive (Duckling's exclusive, grain-rounded ``to`` already
    stepped back one grain). ``dated`` is False when the suite gives a clock time
    and no day (Recognizers-Text "time"/"timerange"). ``offset`` is the UTC
    offset the suite writes its times in when it converts a zone the text names
    (Duckling: its reference offset); None = compare the local clock as written.
    """

    start: dt.datetime | None
    end: dt.datetime | None
    span: bool = False
    dated: bool = True
    offset: dt.timedelta | None = None

    def describe(self) -> str:
        def one(t: dt.datetime | None) -> str:
            if t is None:
                return ""
            return t.strftime("%Y-%m-%dT%H:%M" if self.dated else "%H:%M")

        if self.start == self.end and not self.span:
            return one(self.start)
        return f"{one(self.start)}..{one(self.end)}"


ClockOrDays: TypeAlias = "ClockReading | DateSpan"


@dataclass(frozen=True)
class ClockTarget:
    """Expected readings of a time of day (any one may match: past vs future, a.m. vs p.m.).

    A :class:`DateSpan` reading is a part of the day or week ("this evening",
    "tomorrow lunch"): the suites give it conventional hours the text does not
    state, so it is compared by its days, with a mention that holds no clock time.
    """

    readings: tuple[ClockOrDays, ...]

    def describe(self) -> str:
        return " | ".join(r.describe() + (" (part of day)" if isinstance(r, DateSpan) else "")
                          for r in self.readings)


@dataclass(frozen=True)
class AnyOf:
    """Several acceptable readings of one expected value ("20 cents" = 20 or 0.20)."""

    options: tuple[Target, ...]

    def describe(self) -> str:
        return " or ".join(o.describe() for o in self.options)


Target: TypeAlias = "NumericTarget | OrdinalTarget | DateTarget | ClockTarget | AnyOf"


@dataclass(frozen=True)
class Expected:
    """One expected result: where it is, what kind of mention it wants, and its value.

    ``target`` is None when the suite gives nothing our record can be compared
    with (span-only extractor files, "not resolved", relative ordinals): such a
    result counts for detection only. An unscored result (``scored=False``,
    e.g. a set) is reported in its ``group`` and absorbs overlapping
    mentions so they do not count as false positives. ``row`` names the score
    row that scores it: "" is its file's own row; "time-of-day" a row of its own
    beside the file's (where the file's own row lets it absorb, as unscored).
    """

    kind: Kind
    start: int
    end: int
    text: str
    target: Target | None
    scored: bool = True
    group: str = ""
    raw: str = ""
    """The suite's own value, compactly, for failure listings."""
    row: str = ""


@dataclass(frozen=True)
class Case:
    """One input text of a suite file and everything expected from it."""

    id: str
    text: str
    published: str | None
    expected: tuple[Expected, ...] = ()
    skipped: str | None = None
    """Why the case is not scored (e.g. the reference implementation does not pass it)."""
    source: str = ""

    @property
    def negative(self) -> bool:
        return not self.expected


@dataclass
class SuiteFile:
    """One suite file: its cases and the record kinds that count as its predictions."""

    suite: str
    name: str
    kinds: frozenset[str]
    cases: list[Case] = field(default_factory=list)

    @property
    def id(self) -> str:
        return f"{self.suite}/{self.name}"


def _g(x: float | None) -> str:
    return "" if x is None else f"{x:g}"
