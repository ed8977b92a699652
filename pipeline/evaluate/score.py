"""Matching a case's expected results with one record, and the metrics of a suite file."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pipeline.evaluate.compare import Found, accepts, candidates, describe, holds_clock, overlap, value_matches
from pipeline.evaluate.targets import TIME_OF_DAY, Case, Expected, SuiteFile
from pipeline.record import ArticleRecord

MENTION_FIELDS = ("entities", "quantities", "percentages", "money", "dates", "ordinals")

# Score rows kept apart from their file's own row (Expected.row): the record kinds that are
# their predictions, and which unmatched mentions count as their false positives.
ROW_KINDS: dict[str, frozenset[str]] = {TIME_OF_DAY: frozenset({"clock", "daypart"})}
ROW_SPURIOUS = {TIME_OF_DAY: holds_clock}

# Miss labels, worst first (the order of --show-failures).
MISSED, WRONG_VALUE, NEGATIVE_MATCHED, SPURIOUS = "missed", "wrong value", "negative matched", "spurious"
SEVERITY = {MISSED: 0, WRONG_VALUE: 1, NEGATIVE_MATCHED: 2, SPURIOUS: 3}


@dataclass(frozen=True)
class Miss:
    """One thing the extractor got wrong in a case, for failure listings."""

    label: str
    case: Case
    expected: Expected | None
    got: tuple[str, ...]
    order: int = 0

    def to_dict(self) -> dict[str, Any]:
        exp = self.expected
        return {
            "label": self.label,
            "case": self.case.id,
            "source": self.case.source,
            "input": self.case.text,
            "published": self.case.published,
            "expected": None if exp is None else {
                "text": exp.text, "span": [exp.start, exp.end], "kind": exp.kind,
                "value": exp.target.describe() if exp.target else None, "suite_value": exp.raw},
            "got": list(self.got),
        }


@dataclass
class FileScore:
    """Counts for one suite file (or a suite's total); the rates are properties."""

    file_id: str
    suite: str
    row: str = ""
    """"" for a file's own row; "time-of-day" for the times of day scored beside it."""
    cases: int = 0
    skipped: int = 0
    scored_cases: int = 0
    separate_cases: int = 0
    expected: int = 0
    tp: int = 0
    fp: int = 0
    value_comparable: int = 0
    value_correct: int = 0
    negatives: int = 0
    negatives_wrong: int = 0
    separate: dict[str, list[int]] = field(default_factory=dict)
    """Unscored results by group (e.g. "time-of-day"): [results, overlapped by a mention]."""
    misses: list[Miss] = field(default_factory=list)

    @property
    def fn(self) -> int:
        return self.expected - self.tp

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.expected if self.expected else 0.0

    @property
    def f1_ratio(self) -> tuple[int, int]:
        """F1 as an exact fraction: 2TP / (2TP + FP + FN), the harmonic mean of P and R."""
        return 2 * self.tp, 2 * self.tp + self.fp + self.fn

    @property
    def f1(self) -> float:
        num, den = self.f1_ratio
        return num / den if den else 0.0

    @property
    def value_accuracy(self) -> float | None:
        """Expected results found with the right value / expected results that have a value."""
        return self.value_correct / self.value_comparable if self.value_comparable else None

    @property
    def negatives_wrong_rate(self) -> float | None:
        return self.negatives_wrong / self.negatives if self.negatives else None

    def add(self, other: FileScore) -> None:
        """Sum ``other``'s counts into this one (for totals)."""
        for name in ("cases", "skipped", "scored_cases", "separate_cases", "expected", "tp", "fp",
                     "value_comparable", "value_correct", "negatives", "negatives_wrong"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for group, (results, detected) in other.separate.items():
            slot = self.separate.setdefault(group, [0, 0])
            slot[0] += results
            slot[1] += detected

    def worst_misses(self, n: int) -> list[Miss]:
        return sorted(self.misses, key=lambda m: (SEVERITY[m.label], m.order))[:n]

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file_id, "suite": self.suite, "row": self.row, "cases": self.cases, "skipped": self.skipped,
            "scored_cases": self.scored_cases, "separate_cases": self.separate_cases,
            "expected": self.expected, "tp": self.tp, "fp": self.fp, "fn": self.fn,
            "precision": self.precision, "recall": self.recall, "f1": self.f1,
            "value_comparable": self.value_comparable, "value_correct": self.value_correct,
            "value_accuracy": self.value_accuracy,
            "negatives": self.negatives, "negatives_wrong": self.negatives_wrong,
            "negatives_wrong_rate": self.negatives_wrong_rate,
            "separate": {g: {"results": r, "detected": d} for g, (r, d) in sorted(self.separate.items())},
        }


def score_file(suite_file: SuiteFile, records: dict[tuple[str, str | None], ArticleRecord],
               *, row: str = "") -> FileScore:
    """Score every case of ``suite_file`` in one row; ``records`` maps (text, published) to its record.

    ``row`` "" is the file's own row; another row ("time-of-day") counts the
    cases that have results of that row, and its false positives in every case.
    """
    name = f"{suite_file.id} [{row}]" if row else suite_file.id
    score = FileScore(name, suite_file.suite, row=row)
    kinds = ROW_KINDS[row] if row else suite_file.kinds
    for case in suite_file.cases:
        in_row = not row or any(e.row == row for e in case.expected)
        score.cases += in_row
        if case.skipped:
            score.skipped += in_row
            continue
        score_case(case, records[(case.text, case.published)], kinds, score, row=row)
    return score


def score_rows(suite_file: SuiteFile, records: dict[tuple[str, str | None], ArticleRecord]) -> list[FileScore]:
    """The file's own row, then a row for each kind of result scored apart that the file has."""
    rows = sorted({e.row for case in suite_file.cases for e in case.expected if e.row})
    return [score_file(suite_file, records, row=row) for row in ["", *rows]]


def score_case(case: Case, record: ArticleRecord, kinds: frozenset[str], score: FileScore, *,
               row: str = "") -> None:
    """Match one case's expected results of ``row`` with the record's mentions; add to ``score``.

    Each scored result, in order, takes one unused overlapping mention it
    accepts, preferring a right value, then the larger overlap. The other
    results (unscored, or scored in another row) then absorb the unused mentions
    they overlap. Unused mentions that overlap no expected result are false
    positives (in a row apart, those it counts: ROW_SPURIOUS); one inside an
    expected span it could not match (another kind, a second piece of a split
    span) is not counted again: the miss already counts, and lists it.
    """
    pool = candidates(record, kinds)
    used: set[str] = set()
    scored = [e for e in case.expected if e.scored and e.row == row]
    unscored = [e for e in case.expected if not (e.scored and e.row == row)]
    if row:
        score.scored_cases += bool(scored)
    elif case.negative:
        score.negatives += 1
        score.scored_cases += 1
    elif scored:
        score.scored_cases += 1
    else:
        score.separate_cases += 1

    for exp in scored:
        score.expected += 1
        if exp.target is not None:
            score.value_comparable += 1
        options = [f for f in pool if f.mention.id not in used and accepts(exp.kind, f)
                   and overlap(exp.start, exp.end, f.mention)]
        if not options:
            _miss(score, MISSED, case, exp, _near(record, exp))
            continue
        best = max(options, key=lambda f: (_right(exp, f), overlap(exp.start, exp.end, f.mention),
                                           -f.mention.start))
        used.add(best.mention.id)
        score.tp += 1
        if exp.target is None:
            continue
        if _right(exp, best):
            score.value_correct += 1
        else:
            _miss(score, WRONG_VALUE, case, exp, (describe(best),))

    for exp in unscored:
        hits = [f for f in pool if f.mention.id not in used and overlap(exp.start, exp.end, f.mention)]
        used.update(f.mention.id for f in hits)
        if not row and not exp.scored:  # reported separately: what our mentions overlapped
            slot = score.separate.setdefault(exp.group, [0, 0])
            slot[0] += 1
            slot[1] += bool(hits)

    spurious = ROW_SPURIOUS.get(row, lambda m: True)
    extra = [f for f in pool if f.mention.id not in used and spurious(f.mention)
             and not any(overlap(e.start, e.end, f.mention) for e in case.expected)]
    score.fp += len(extra)
    if case.negative and extra and not row:
        score.negatives_wrong += 1
        _miss(score, NEGATIVE_MATCHED, case, None, tuple(describe(f) for f in extra))
    elif extra:
        _miss(score, SPURIOUS, case, None, tuple(describe(f) for f in extra))


def _right(exp: Expected, found: Found) -> bool:
    return exp.target is not None and value_matches(exp.kind, exp.target, found.mention, span=(exp.start, exp.end))


def _near(record: ArticleRecord, exp: Expected) -> tuple[str, ...]:
    """Every mention of any kind overlapping the expected span (what we found instead)."""
    near = [Found(name, m) for name in MENTION_FIELDS for m in getattr(record, name)
            if overlap(exp.start, exp.end, m)]
    return tuple(describe(f) for f in near)


def _miss(score: FileScore, label: str, case: Case, exp: Expected | None, got: tuple[str, ...]) -> None:
    score.misses.append(Miss(label, case, exp, got, order=len(score.misses)))
