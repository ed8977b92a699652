"""newsclaims_dates: time expressions -> Date mentions; infers the reference date.

Candidates come from :func:`pipeline.normalize.dates.find_dates` (one pass of
a compiled grammar). The reference date is, in order: the article's
``published`` date (metadata); else inferred from the years that scope the
reported facts (:mod:`pipeline.normalize.reference`; ``source: "inferred"``
with a ``confidence``); else the
run's ``--reference-date`` (``source: "option"``); else none (``"default"``).
Never the machine's clock.

The tense of the clause around each expression (:func:`clause_tense`) tells the
normalizer which way a bare weekday, day or month points: "shares fell on
Monday" looks back, "talks resume on Monday" and "will meet on Monday" ahead,
"September's rate is 2%" (present) takes the nearest September; a phrase with
no verb at all reads ahead, as calendar tools read it; an expression hanging on
a noun ("the closing price on Friday") has no tense of its own.
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from pipeline.lexicons.fiscal_years import FISCAL_YEAR_START
from pipeline.nlp import RawDate, nc, text_of
from pipeline.normalize.dates import DateFound, Reference, _add_months, _last_day, find_dates
from pipeline.normalize.entity_evidence import countries_named
from pipeline.normalize.fiscal import FiscalCalendar, Placed
from pipeline.normalize.reference import infer_reference
from pipeline.normalize.scan import LABEL_WORDS
from pipeline.normalize.setting import city_country

_FUTURE_AUX = {"will", "'ll", "shall", "wo", "going", "gon"}
_PAST_AUX = {"was", "were", "had", "did", "'d", "has", "have"}
# Heads of "to" + verb that schedule it ahead: "is due to start", "expected to rise", "plans to open"
# (wishes such as "wants to earn $1m in 3 years" are left to the main verb's tense).
_PROSPECTIVE = {"due", "expect", "schedule", "plan", "set", "likely", "go", "propose", "prepare", "poise",
                "slate", "project", "forecast"}


def _verb_tense(verb: Token) -> str | None:
    """"past", "present" or "future" for a verb group; None when its tense is unclear."""
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if aux & _FUTURE_AUX or {"is", "are", "am", "'s", "'re"} & aux and verb.tag_ == "VBG":
        return "future"  # "will meet", "is meeting (on Monday)"
    if "to" in aux and verb.tag_ == "VB":
        if verb.head.lemma_ in _PROSPECTIVE or verb.head.lower_ in _PROSPECTIVE:
            return "future"  # "due to start in the spring"
        return _verb_tense(verb.head) if verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX") else None
    if aux & _PAST_AUX or verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBN":
        return "present" if aux & {"is", "are", "am", "be", "'s", "'re"} else "past"  # "is planned" / "published"
    if verb.tag_ in ("VBZ", "VBP", "VB", "VBG") or aux & {"is", "are", "am", "can", "may", "must", "should"}:
        return "present"
    return None


def _sentence_past(span: Span) -> str | None:
    """For an expression hanging on a noun: "past" when its sentence's main verb is past, else unknown."""
    root = span.sent.root
    return "past" if root.pos_ in ("VERB", "AUX") and _verb_tense(root) == "past" else None


def clause_tense(doc: Doc, start: int, end: int) -> str | None:
    """The tense of the verb that governs the characters ``start:end``: "past", "present", "future";
    "none" when no verb governs them (a headline fragment, a calendar entry: read ahead). An
    expression hanging on a noun ("the closing price on Friday", "the May 4 deadline") takes
    "past" from a past main verb, else None: a present main verb does not date the noun."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token: Token | None = span.root
    inside = range(span.start, span.end)
    while token is not None:
        if token.i not in inside:
            if token.pos_ in ("VERB", "AUX"):
                return _verb_tense(token)
            if token.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
                return _sentence_past(span)
        if token.head.i == token.i:
            break
        token = token.head
    return "none"


class DateFinder:
    """Find and resolve time expressions (see the module docstring)."""

    def __call__(self, doc: Doc) -> Doc:
        ref = doc._.reference_date or {"value": None, "source": "default"}
        if not ref.get("value"):
            tense = lambda start, end: clause_tense(doc, start, end)  # noqa: E731
            inferred = infer_reference(self._find(doc, Reference()), text_of(doc), tense=tense)
            if inferred:
                ref = {"value": inferred.value, "source": "inferred", "confidence": inferred.confidence}
            elif ref.get("fallback"):
                ref = {"value": ref["fallback"], "source": "option"}
            else:
                ref = {"value": None, "source": "default"}
        doc._.reference_date = {"value": ref["value"], "source": ref["source"], "confidence": ref.get("confidence")}
        store = nc(doc)
        reference = Reference.parse(ref["value"])
        found = self._find(doc, reference)
        fiscal_years = _fiscal_article(found)
        for i, d in enumerate(found):
            d = _anchored(doc, d, found[:i], found[i + 1:]) or \
                _fiscal_relative(doc, d, found[:i], fiscal_years, reference) or \
                _part_of_fiscal_year(doc, d, found[:i]) or d
            store["dates"].append(RawDate(d.start, d.end, value=d.value, start_date=d.start_date, end_date=d.end_date,
                                         granularity=d.granularity, mod=d.mod, relative=d.relative,
                                         fiscal=d.fiscal, tz=d.tz))
        # a holiday is a date, not also an event entity ("on Canada Day"): mentions never overlap
        spans = {(d.start, d.end) for d in store["dates"]}
        store["entities"] = [e for e in store["entities"] if (e.start, e.end) not in spans]
        return doc

    @staticmethod
    def _find(doc: Doc, reference: Reference) -> list[DateFound]:
        out = []
        tense = lambda start, end: clause_tense(doc, start, end)  # noqa: E731
        fiscal_start = FISCAL_YEAR_START.get(_territory(doc) or "")
        for d in find_dates(text_of(doc), reference=reference, direction=tense, fiscal_start=fiscal_start):
            if d.granularity == "year" and d.value and d.value.isdigit():
                span = doc.char_span(d.start, d.end, alignment_mode="expand")
                if span is not None and span.start > 0:
                    prev = doc[span.start - 1]
                    if prev.lower_ in LABEL_WORDS and prev.is_title:
                        continue  # "Route 2013": a label, not a year
            out.append(d)
        return out


def _fiscal_article(found: list[DateFound]) -> FiscalCalendar | None:
    """The fiscal calendar an article reports its years on: the one of its fiscal years
    ("2024-25" in an Australian article, "fiscal 2025") when they outnumber the calendar years
    it writes, at least two of them; else None."""
    fiscal_years = [p.calendar for d in found
                    if isinstance(p := d.extra.get("fiscal"), Placed) and p.parts == 1 and
                    not p.calendar.is_calendar_year and not d.relative]
    calendar_years = [d for d in found if d.granularity == "year" and not d.fiscal and not d.relative and
                      d.value is not None and d.value.isdigit()]
    if len(fiscal_years) < 2 or len(fiscal_years) <= len(calendar_years):
        return None
    return max(set(fiscal_years), key=lambda c: (fiscal_years.count(c), -fiscal_years.index(c)))


# "this year", "last year", "the previous year": a year relative to the reference
_RELATIVE_YEAR = re.compile(r"^(?:the\s+)?(?P<w>this|last|next|previous|current)\s+year$", re.IGNORECASE)
_YEAR_SHIFT = {"this": 0, "current": 0, "last": -1, "previous": -1, "next": 1}


def _fiscal_relative(doc: Doc, date: DateFound, before: list[DateFound], cal: FiscalCalendar | None,
                     reference: Reference) -> DateFound | None:
    """A relative year follows the calendar under discussion (news-dev CONVENTIONS 8.4): "Gross
    revenues in 2022-23 rose 22% from the level of last year" is fiscal 2021-22 (the fiscal year
    before the one the sentence reports), and in an article that reports fiscal years ("a deficit
    of $28.3 billion in 2024-25") "this year" is the fiscal year under way. Calendar otherwise."""
    rel = _RELATIVE_YEAR.match(date.text.strip())
    if rel is None or date.granularity != "year" or date.fiscal:
        return None
    shift = _YEAR_SHIFT[rel.group("w").lower()]
    span = doc.char_span(date.start, date.end, alignment_mode="expand")
    if shift < 0 and span is not None:
        sent_start = span.sent.start_char  # (once: a long doc has many dates before)
        same = [p for d in before if d.start >= sent_start and not d.relative and
                isinstance(p := d.extra.get("fiscal"), Placed) and p.parts == 1 and not p.calendar.is_calendar_year]
        if same:
            return _fiscal_back(date, same[-1], -shift)
    if cal is None or reference.date is None:
        return None
    here = Placed(cal, cal.year_of(reference.date), 1, 1)
    return _fiscal_back(date, here, -shift)


_PART_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def _part_of_fiscal_year(doc: Doc, date: DateFound, before: list[DateFound]) -> DateFound | None:
    """A quarter or half written without a year is a part of the fiscal year its paragraph
    reports, when that is one ("For 2022-23 as a whole, ... in the first, second and third
    quarters": the quarters of fiscal 2022-23; news-dev CONVENTIONS 8.4)."""
    if date.granularity not in ("quarter", "half") or date.fiscal or date.explicit_year is not None:
        return None
    words = re.findall(r"first|second|third|fourth|[QH][1-4]", date.text, re.IGNORECASE)
    if len(words) != 1:
        return None
    word = words[0].lower()
    index = int(word[1]) if word[0] in "qh" else _PART_ORDINAL[word]
    parts = 4 if date.granularity == "quarter" else 2
    text = text_of(doc)
    for d in reversed(before):
        if "\n" in text[d.end:date.start]:
            return None
        placed = d.extra.get("fiscal")
        if isinstance(placed, Placed) and placed.parts == 1 and not placed.calendar.is_calendar_year and \
                not d.relative and index <= parts:
            out = DateFound(start=date.start, end=date.end, text=date.text, value=None)
            part = Placed(placed.calendar, placed.year, index, parts)
            first, last = part.span
            out.set_span(part.value[0], first, last, part.value[1])
            out.relative, out.fiscal = True, True
            out.extra["fiscal"] = part
            return out
    return None


def _territory(doc: Doc) -> str | None:
    """The article's country: its dateline's or outlet's (set before the pipeline runs), else the
    country of the first place its entities name that is a country or a city ("Australia";
    "New Delhi" -> India)."""
    if doc._.home_territory:
        return str(doc._.home_territory)
    for ent in nc(doc)["entities"]:
        if ent.label == "GPE":
            name = ent.canonical
            named = countries_named([name])
            country = min(named) if named else city_country(name)
            if country:
                return country
    return None


_ANAPHORIC = re.compile(r"^(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
                        r"(?:years?|decades?|months?|quarters?)\s+(?:earlier|before)$", re.IGNORECASE)
# "a year ago" counts back from the period the sentence reports when it names one ("sold
# 9.1 billion a year ago", after "in the first quarter": Q1 of the year before; news-dev
# CONVENTIONS 4), else from the article's date
_AGO = re.compile(r"^(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
                  r"(?:years?|decades?)\s+ago$", re.IGNORECASE)
# a whole mention "the same month last year", "same quarter a year ago": the anchor's period,
# a year back
_SAME_LAST_YEAR = re.compile(r"^(?:the\s+)?same\s+(?:period|quarter|month|half|week|season)\s+(?:of\s+|in\s+)?"
                             r"(?:last\s+year|a\s+year\s+(?:ago|earlier|before)|the\s+previous\s+year)$",
                             re.IGNORECASE)
# "the current financial year": the fiscal year under way
_CURRENT_FISCAL = re.compile(r"^(?:the\s+)?(?:current|this)\s+(?:financial|fiscal)\s+year$", re.IGNORECASE)
# "over the past year" (a twelve-month look-back, valued at month precision)
_PAST_YEAR = re.compile(r"^(?:the\s+)?(?:past|last|previous)\s+year$", re.IGNORECASE)
# "the previous quarter", "the prior month": the unit before the period under discussion
_PREVIOUS_UNIT = re.compile(r"^(?:the\s+)?(?:previous|prior|preceding)\s+(?P<unit>week|month|quarter)$", re.IGNORECASE)
# "the week before", "the month before": the unit before the period the sentence reports
_UNIT_BEFORE = re.compile(r"^the\s+(?P<unit>week|month|quarter|year)\s+(?:before|earlier)$", re.IGNORECASE)


def _anchored(doc: Doc, date: DateFound, before: list[DateFound],
              later: list[DateFound] | None = None) -> DateFound | None:
    """ "a decade earlier", "a year before" count back from the period the sentence is about,
    not from the article's date: "handled 2.1 million TEU in 2023, up from about 1.2 million
    a decade earlier" is 2013, and "up from $176 million a year earlier" after "the three
    months to December 31 [2025]" is Oct-Dec 2024. The anchor is the latest earlier period
    of the same sentence, else the first of the nearer of the paragraph's two previous
    sentences (not a day, not a fiscal period); without one the article's date stays the reference ("a year ago"
    always counts from it). "The same period of 2025", "the same quarter last year" is the
    anchor's period in that year."""
    same = _SAME_PERIOD.search(text_of(doc)[max(0, date.start - 40):date.start])
    if same is not None and date.granularity == "year" and date.start_date and date.start_date[5:] == "01-01" \
            and not _ANAPHORIC.match(date.text.strip()):  # ("the same quarter a year earlier": below)
        anchor = _anchor_for(doc, date, before, later or [])
        placed = anchor.extra.get("fiscal") if anchor is not None else None
        if isinstance(placed, Placed) and placed.parts > 1:
            # "the same period in 2023" after a fiscal quarter: that quarter of fiscal 2023
            out = _fiscal_back(date, placed, placed.year - int(date.start_date[:4]))
            out.start = date.start - len(same.group())
            out.text = text_of(doc)[out.start:date.end]
            return out
        if anchor is None or anchor.granularity in ("year", "decade", None) or not anchor.start_date or \
                anchor.start_date[:4] != (anchor.end_date or "")[:4]:
            return None
        out = _shifted(date, anchor, int(anchor.start_date[:4]) - int(date.start_date[:4]))
        out.start = date.start - len(same.group())
        out.text = text_of(doc)[out.start:date.end]
        return out
    if _SAME_LAST_YEAR.match(date.text.strip()):
        anchor = _anchor_for(doc, date, before, later or [])
        placed = anchor.extra.get("fiscal") if anchor is not None else None
        if isinstance(placed, Placed) and placed.parts > 1:
            return _fiscal_back(date, placed, 1)
        if anchor is not None and anchor.start_date and anchor.end_date and \
                anchor.granularity not in ("year", "decade", None) and anchor.start_date[:4] == anchor.end_date[:4]:
            return _shifted(date, anchor, 1)
        return None
    if _AGO.match(date.text.strip()):
        # (a month, quarter or half named earlier in the same sentence only: "a year ago" in a
        # later sentence, or after "the 13 weeks to Oct. 4", counts from the article's date)
        anchor = _anchor_for(doc, date, before, [])
        span = doc.char_span(date.start, date.end, alignment_mode="expand")
        anchor_placed = anchor.extra.get("fiscal") if anchor is not None else None
        # (a 13-week fiscal quarter is valued at day precision)
        fiscal_part = isinstance(anchor_placed, Placed) and anchor_placed.parts > 1
        if anchor is None or anchor.granularity not in ("month", "quarter", "half") and not fiscal_part or \
                not anchor.start_date or \
                not anchor.end_date or _AGO.match(anchor.text.strip()) or span is None or \
                anchor.start < span.sent.start_char:
            return None  # no period named: the article's date stays the reference
        years = _years_back(date.text)
        placed = anchor.extra.get("fiscal")
        if years and isinstance(placed, Placed):
            return _fiscal_back(date, placed, years)
        return _shifted(date, anchor, years) if years else None
    placed_here = date.extra.get("fiscal")
    if _CURRENT_FISCAL.match(date.text.strip()) and isinstance(placed_here, Placed):
        # "Receipts for March 2023 came to ... This marks the fourth time in the current financial
        # year": the fiscal year of the month under discussion, not of the article's date
        anchor = _anchor_for(doc, date, before, [])
        if anchor is None or anchor.granularity not in ("month", "quarter", "half") or not anchor.start_date:
            return None
        cal = placed_here.calendar
        n = cal.year_of(dt.date.fromisoformat(anchor.start_date))
        if n == placed_here.year:
            return None
        out = _fiscal_back(date, placed_here, placed_here.year - n)
        return out
    if _PAST_YEAR.match(date.text.strip()) and date.granularity == "month":
        # "rose 8 cents in April to $25.53, a gain of 2.5% over the past year": the twelve
        # months back to the month the sentence reports, not to the article's month
        anchor = _anchor_for(doc, date, before, [])
        span = doc.char_span(date.start, date.end, alignment_mode="expand")
        if anchor is None or anchor.granularity != "month" or not anchor.start_date or span is None or \
                anchor.start < span.sent.start_char or anchor.start_date[:7] != (anchor.end_date or "")[:7]:
            return None
        return _months_back(date, dt.date.fromisoformat(anchor.start_date), 12)
    previous = _PREVIOUS_UNIT.match(date.text.strip())
    if previous is not None:
        # "grew 6.7% in the second quarter, below the 6.8% of the previous quarter": the
        # quarter before the one the sentence reports (a period of the same unit), not the one
        # before the article's date; with no such period the article's date stays the reference
        unit = previous.group("unit").lower()
        anchor = _anchor_for(doc, date, before, [])
        if anchor is None or anchor.granularity != unit:
            return None
        return _unit_earlier(date, anchor, unit)
    unit_before = _UNIT_BEFORE.match(date.text.strip())
    if unit_before is not None:
        anchor = _anchor_for(doc, date, before, later or [])
        return _unit_earlier(date, anchor, unit_before.group("unit").lower()) if anchor is not None else None
    if not _ANAPHORIC.match(date.text.strip()):
        return None
    anchor = _anchor_for(doc, date, before, later or [])
    if anchor is None:
        return None
    years = _years_back(date.text)
    placed = anchor.extra.get("fiscal")
    if years and isinstance(placed, Placed):
        return _fiscal_back(date, placed, years)
    if years and anchor.start_date and anchor.end_date:
        # the same period that many years before: "2023" -> "2013", Oct-Dec 2025 -> Oct-Dec 2024
        return _shifted(date, anchor, years)
    again = find_dates(date.text, reference=Reference.parse(anchor.end_date))
    if len(again) != 1 or not again[0].value:
        return None
    out = again[0]
    out.start, out.end, out.text = date.start, date.end, date.text
    return out


_COUNT_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10}


def _years_back(text: str) -> int:
    """The years "a year ago", "two decades earlier" count back; 0 for months or quarters.

    >>> _years_back("a decade earlier"), _years_back("3 years ago"), _years_back("two months before")
    (10, 3, 0)
    """
    words = text.lower().split()
    n = _COUNT_WORDS.get(words[0]) or (int(words[0]) if words[0].isdigit() else 0)
    return n * 10 if words[1].startswith("decade") else n if words[1].startswith("year") else 0


# "the same period of 2025", "the same quarter last year": written right before a year
_SAME_PERIOD = re.compile(r"\bthe\s+same\s+(?:period|quarter|month|half|week|season|months|weeks|"
                          r"quarters)\s+(?:of\s+|in\s+)?$", re.IGNORECASE)


def _anchor_for(doc: Doc, date: DateFound, before: list[DateFound],
                later: list[DateFound] | None = None) -> DateFound | None:
    """The period an anaphoric date counts from (see :func:`_anchored`)."""
    span = doc.char_span(date.start, date.end, alignment_mode="expand")
    if span is None:
        return None
    sent = span.sent
    text = text_of(doc)

    def fits(d: DateFound, start: int) -> bool:
        # a period: not a single day ("the 26 weeks to Oct. 4" is one, at day precision)
        single_day = d.granularity in ("day", None) and d.start_date == d.end_date
        return start <= d.start and d.end <= date.start and bool(d.start_date and d.end_date) and \
            not _ANAPHORIC.match(d.text.strip()) and not single_day and d.granularity is not None and \
            (not d.fiscal or "fiscal" in d.extra)

    anchors = [d for d in before if fits(d, sent.start_char)]
    if not anchors:
        # else a period named later in the same sentence ("Compared with the same month last
        # year, GST revenues for March 2023 were up 13%")
        anchors = [d for d in (later or []) if d.start >= date.end and d.end <= sent.end_char and
                   bool(d.start_date and d.end_date) and not _ANAPHORIC.match(d.text.strip()) and
                   not (d.granularity in ("day", None) and d.start_date == d.end_date) and
                   d.granularity is not None and (not d.fiscal or "fiscal" in d.extra) and not d.relative][:1]
    prev = sent
    for _ in range(2):
        # else the period one of the paragraph's two previous sentences reports: its first
        # ("GDP grew 0.6 percent in the July-September period, slowing from 1.1 percent in
        # the second quarter")
        if anchors or prev.start == 0:
            break
        earlier = doc[prev.start - 1].sent
        if "\n" in text[earlier.start_char:prev.start_char]:
            break
        anchors = [d for d in before if fits(d, earlier.start_char) and d.end <= earlier.end_char][:1]
        prev = earlier
    return anchors[-1] if anchors else None


def _unit_earlier(date: DateFound, anchor: DateFound, unit: str) -> DateFound | None:
    """``anchor``'s period one ``unit`` earlier: "treated 1,450 people last week, up from 620
    the week before" -> the week before last week."""
    if unit == "year":
        return _shifted(date, anchor, 1)
    if not anchor.start_date or not anchor.end_date:
        return None
    start, end = dt.date.fromisoformat(anchor.start_date), dt.date.fromisoformat(anchor.end_date)
    if unit == "week":
        start, end = start - dt.timedelta(days=7), end - dt.timedelta(days=7)
        iso = start.isocalendar()
        value = f"{iso[0]:04d}-W{iso[1]:02d}" if anchor.granularity == "week" else None
    else:
        months = 3 if unit == "quarter" else 1
        start = _add_months(start.replace(day=1), -months)
        end = _add_months(end.replace(day=1), -months)
        end = end.replace(day=_last_day(end.year, end.month))
        value = f"{start.year:04d}-{start.month:02d}" if anchor.granularity == "month" and unit == "month" else \
            f"{start.year:04d}-Q{(start.month - 1) // 3 + 1}" if anchor.granularity == "quarter" else None
    out = DateFound(start=date.start, end=date.end, text=date.text, value=None)
    out.set_span(value or f"{start.isoformat()}/{end.isoformat()}", start.isoformat(), end.isoformat(),
                 anchor.granularity or "day")
    out.relative = True
    return out


def _months_back(date: DateFound, month: dt.date, months: int) -> DateFound:
    """The months from ``months`` before ``month`` to ``month``, both named, as the mention ``date``."""
    start = _add_months(month.replace(day=1), -months)
    end = month.replace(day=_last_day(month.year, month.month))
    out = DateFound(start=date.start, end=date.end, text=date.text, value=None)
    out.set_span(f"{start:%Y-%m}/{month:%Y-%m}", start.isoformat(), end.isoformat(), "month")
    out.relative = True
    return out


def _fiscal_back(date: DateFound, placed: Placed, years: int) -> DateFound:
    """The fiscal period ``placed`` ``years`` fiscal years earlier, as the mention ``date``
    ("a year earlier" after the 14-week fourth quarter to Feb. 2, 2025: the 13 weeks to
    Jan. 28, 2024)."""
    back = placed.years_back(years)
    first, last = back.span
    out = DateFound(start=date.start, end=date.end, text=date.text, value=None)
    out.set_span(back.value[0], first, last, back.value[1])
    out.relative, out.fiscal = True, True
    out.extra["fiscal"] = back
    return out


def _shifted(date: DateFound, anchor: DateFound, years: int) -> DateFound:
    """``anchor``'s period ``years`` earlier, as the mention ``date``."""
    out = DateFound(start=date.start, end=date.end, text=date.text, value=None)
    a, b = int(anchor.start_date[:4]) - years, int(anchor.end_date[:4]) - years  # type: ignore[index]
    start, end = f"{a:04d}{anchor.start_date[4:]}", f"{b:04d}{anchor.end_date[4:]}"  # type: ignore[index]
    if end[5:] == "02-29":
        end = end[:8] + "28"
    value = re.sub(r"\d{4}", lambda m: f"{int(m.group()) - years:04d}", anchor.value or "")
    out.set_span(value, start, end, anchor.granularity or "year")
    out.relative = True
    return out


@Language.factory("newsclaims_dates")
def make_dates(nlp: Language, name: str) -> DateFinder:
    """Factory: the date component (no options)."""
    return DateFinder()
