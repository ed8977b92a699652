"""Lookups by position (issue 17 case 11: a long article costs what its text costs as ordinary
articles). Each index must give exactly what the scan it replaced gave, so that records do not
change; checked here against those scans on random spans, nested and overlapping ones included.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import spacy
from hypothesis import given
from hypothesis import strategies as st
from spacy.language import Language

from pipeline.normalize import fiscal
from pipeline.normalize.clock import _GAP_STOP, DAY_THEN_TIME, TIME_THEN_DAY, _Days
from pipeline.spans import Intervals, SpanIndex


@dataclass(eq=False)
class _M:
    start: int
    end: int


_PAIRS = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 12)).map(lambda p: (p[0], p[0] + p[1])),
                  max_size=25)
_POINTS = st.integers(-2, 75)


@given(_PAIRS, _POINTS, _POINTS)
def test_span_index_is_the_scan(pairs: list[tuple[int, int]], a: int, b: int) -> None:
    items = sorted((_M(s, e) for s, e in pairs), key=lambda m: m.start)
    index = SpanIndex(items)
    assert index.at(a) is next((m for m in items if m.start <= a < m.end), None)
    assert index.starting_in(a, b) == [m for m in items if a <= m.start < b]
    assert index.overlapping(a, b) == [m for m in items if m.start < b and m.end > a]
    assert list(index.ended_by(a)) == [m for m in items if m.end <= a][::-1]


@given(_PAIRS, _PAIRS, _POINTS, _POINTS)
def test_intervals_are_the_scan(first: list[tuple[int, int]], added: list[tuple[int, int]], a: int, b: int) -> None:
    intervals = Intervals(first)
    for pair in added:
        intervals.add(pair)
    pairs = first + added
    assert intervals.overlaps(a, b) == any(a < e and s < b for s, e in pairs)
    assert intervals.contains(a, b) == any(s <= a and b <= e for s, e in pairs)


# -- what the clock's day index relies on: a stop character never lies in a day-time gap --------

_GAPS = [", ", " at ", " on ", " this ", ", late evening, at ", " morning @", " between ", "\n"]


def test_no_gap_holds_a_stop_character() -> None:
    assert all(DAY_THEN_TIME.fullmatch(g) or TIME_THEN_DAY.fullmatch(g) for g in _GAPS)
    for gap in _GAPS:
        for stop in "0123456789.;:!?()[]\"\u201c\u201d":
            assert _GAP_STOP.fullmatch(stop)
            for at in range(len(gap) + 1):
                broken = gap[:at] + stop + gap[at:]
                assert not DAY_THEN_TIME.fullmatch(broken) and not TIME_THEN_DAY.fullmatch(broken), broken


@given(st.text(alphabet=" ,.5atonhis", max_size=40), _PAIRS, st.integers(0, 45))
def test_days_index_keeps_every_day_next_to_a_time(text: str, pairs: list[tuple[int, int]], pos: int) -> None:
    days = _Days(text, pairs)
    before, after = set(days.before(pos)), set(days.after(pos))
    for s, e in pairs:
        if e <= pos and DAY_THEN_TIME.fullmatch(text[e:pos]):
            assert e in before
        if s >= pos and TIME_THEN_DAY.fullmatch(text[pos:s]):
            assert s in after


# -- the fiscal calendar's "last quarter named before" ---------------------------------------

def test_quarter_ordinals_fit_the_rescanned_tail() -> None:
    from re import _parser  # type: ignore[attr-defined]  # (the widths the regex can match)

    longest = _parser.parse(fiscal._QUARTER_ORD.pattern, fiscal._QUARTER_ORD.flags).getwidth()[1]
    assert longest < fiscal._QUARTER_ORD_LONGEST


@given(st.lists(st.sampled_from(["first quarter", "Q3", "fourth-quarter", "Q", "x", " ", "quarter", "Q1x",
                                 "third", "-", "\n", "2"]), max_size=30), st.data())
def test_last_quarter_before_is_the_scan(words: list[str], data: st.DataObject) -> None:
    text = "".join(words)
    pos = data.draw(st.integers(0, len(text)))
    found = fiscal._TextReading.of(text).last_quarter_before(text, pos)
    scan = list(fiscal._QUARTER_ORD.finditer(text, 0, pos))
    expected = scan[-1] if scan else None
    assert (found.span(), found.group()) == (expected.span(), expected.group()) if expected else found is None


# -- whole-text searches made once per text ------------------------------------------------------

@functools.cache
def _blank() -> Language:
    return spacy.blank("en")


@given(st.text(alphabet="for \n\tx.5", max_size=30), st.data())
def test_for_before_is_the_search_of_the_text_before(text: str, data: st.DataObject) -> None:
    from pipeline.normalize.dates import _FOR_BEFORE, _for_before

    end = data.draw(st.integers(0, len(text)))
    assert _for_before(text, end) == (_FOR_BEFORE.search(text[:end]) is not None)


@given(st.lists(st.sampled_from(["coal", "Coal", "coal-fired", "coals", "_coal", "o'brien", " ", ".", "é"]),
                max_size=12), st.sampled_from(["coal", "o'brien", "coals", "é"]))
def test_word_lookup_is_the_word_search(words: list[str], word: str) -> None:
    from pipeline.components.entities import _written_in_lower_case

    text = "".join(words)
    doc = _blank()(text)
    assert _written_in_lower_case(doc, word) == (re.search(rf"\b{re.escape(word)}\b", text) is not None)


def _in_quotes_by_scan(text: str, pos: int) -> bool:
    """What attribution._in_quotes computed before it read each paragraph's quotes once."""
    para_start = text.rfind("\n", 0, pos) + 1
    para_end = text.find("\n", pos)
    para = text[para_start:len(text) if para_end < 0 else para_end]
    rel = pos - para_start
    for open_q, close_q in (("\u201c", "\u201d"), ('"', '"')):
        i = 0
        while (a := para.find(open_q, i)) >= 0:
            b = para.find(close_q, a + 1)
            b = len(para) if b < 0 else b
            if a < rel < b:
                return len(para[a + 1:b].split()) >= 5
            i = b + 1
    return False


@given(st.lists(st.sampled_from(["\u201c", "\u201d", '"', "a b", " ", "\n", "word"]), max_size=40), st.data())
def test_in_quotes_is_the_scan(pieces: list[str], data: st.DataObject) -> None:
    from pipeline.claims.attribution import _in_quotes

    text = "".join(pieces)
    pos = data.draw(st.integers(0, len(text)))
    assert _in_quotes(text, pos) == _in_quotes_by_scan(text, pos)
