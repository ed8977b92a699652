"""Score tables, failure listings, the JSON report and the floors file. Returns text; never prints."""

from __future__ import annotations

import platform
from collections.abc import Sequence
from importlib import metadata
from typing import Any

from pipeline.evaluate.score import FileScore
from pipeline.evaluate.suites import unsupported_reason

FLOORS_ABOUT = (
    "Per suite file (files; a file's times of day are a row of their own, '<file> [time-of-day]'), "
    "in percent: detection_f1 and value_accuracy must not fall below these; "
    "negatives_wrong_pct_max must not be exceeded. Per news-dev row (news): detection_f1, value_accuracy "
    "and value_e2e of each mention row, recall, precision, each field's accuracy and all_fields_right of "
    "the claims, none may fall below. Written by `newsclaims eval --write-floors` (scores rounded down, "
    "the ceiling rounded up, to 0.1 point; a section the run did not score is kept: "
    "`--suite news` refreshes only news); checked by tests/test_eval_floors.py. "
    "Files the eval marks unsupported have no floor. `environment` is what the scores were measured with."
)
# The libraries the scores depend on (besides the model), recorded next to them.
ENVIRONMENT_PACKAGES = ("newsclaims", "spacy", "dateparser", "pint", "babel", "holidays", "convertdate")


def environment(model: str) -> dict[str, str]:
    """The Python version and the installed versions of ``model`` and the scoring libraries."""
    def version(dist: str) -> str:
        try:
            return metadata.version(dist)
        except metadata.PackageNotFoundError:
            return "not installed"

    return {"python": platform.python_version(), "model": f"{model} {version(model)}",
            **{name: version(name) for name in ENVIRONMENT_PACKAGES}}

_HEADER = ("file", "cases", "skip", "sep", "results", "P %", "R %", "F1 %", "value %", "neg wrong")


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{100 * x:.1f}"


def _row(score: FileScore, name: str) -> tuple[str, ...]:
    neg = "—" if not score.negatives else (
        f"{score.negatives_wrong}/{score.negatives} ({_pct(score.negatives_wrong_rate)}%)")
    return (name, str(score.cases), str(score.skipped), str(score.separate_cases), str(score.expected),
            _pct(score.precision), _pct(score.recall), _pct(score.f1), _pct(score.value_accuracy), neg)


def markdown_table(header: tuple[str, ...], rows: Sequence[tuple[str, ...]], *, left: int = 1) -> str:
    """An aligned Markdown table; the first ``left`` columns are text, the rest right-aligned numbers."""
    widths = [max(len(r[i]) for r in (*rows, header)) for i in range(len(header))]

    def line(cells: tuple[str, ...]) -> str:
        return "| " + " | ".join(c.ljust(w) if i < left else c.rjust(w)
                                 for i, (c, w) in enumerate(zip(cells, widths, strict=True))) + " |"

    rule = "|" + "|".join("-" * (w + 1) + ("-" if i < left else ":") for i, w in enumerate(widths)) + "|"
    return "\n".join([line(header), rule, *map(line, rows)])


def format_table(suite: str, scores: list[FileScore], total: FileScore) -> str:
    """One suite's table: a row per file and a total row."""
    prefix = f"{suite}/"
    rows = [_row(s, s.file_id.removeprefix(prefix)) for s in scores]
    rows.append(_row(total, "**total**"))
    return f"### {suite}\n\n" + markdown_table(_HEADER, rows)


def format_row_table(row: str, scores: list[FileScore], totals: dict[str, FileScore]) -> str:
    """The rows scored apart from their files (times of day): a row per file, a total per suite."""
    rows = [_row(s, s.file_id.removesuffix(f" [{row}]")) for s in scores if s.row == row]
    rows += [_row(total, f"**{suite} total**") for suite, total in totals.items()]
    return f"### {row} (scored apart from the files' own rows)\n\n" + markdown_table(_HEADER, rows)


def format_separate(scores: list[FileScore]) -> str:
    """The results reported but not scored (times of day, sets, zones): how many we overlapped."""
    rows = [(score.file_id, group, str(results), f"{detected} ({_pct(detected / results)}%)")
            for score in scores for group, (results, detected) in sorted(score.separate.items()) if results]
    if not rows:
        return ""
    return markdown_table(("file", "not scored", "results", "overlapped by our mentions"), rows, left=2)


def format_failures(score: FileScore, n: int) -> str:
    """The ``n`` worst misses of one file: input, expected vs got."""
    misses = score.worst_misses(n)
    if not misses:
        return ""
    out = [f"{score.file_id}: {len(misses)} of {len(score.misses)} misses"]
    for miss in misses:
        out.append(f"  [{miss.label}] {miss.case.id} (published {miss.case.published})")
        out.append(f"    input:    {miss.case.text!r}")
        if miss.expected is not None:
            exp = miss.expected
            value = exp.target.describe() if exp.target else "(span only)"
            out.append(f"    expected: {exp.kind} {exp.text!r} [{exp.start}:{exp.end}] {value}")
        out.append(f"    got:      {'; '.join(miss.got) if miss.got else 'nothing'}")
    return "\n".join(out)


def format_unsupported(scores: list[FileScore]) -> str:
    """The files scored but not floored, with why."""
    rows = [(s.file_id, why) for s in scores if (why := unsupported_reason(s.file_id))]
    return markdown_table(("file", "why not supported"), rows, left=2) if rows else ""


def report_json(scores: list[FileScore], totals: dict[str, FileScore], *,
                failures: int = 0, env: dict[str, str] | None = None,
                row_totals: dict[str, dict[str, FileScore]] | None = None) -> dict[str, Any]:
    """Everything the tables show, plus up to ``failures`` worst misses per file and the
    environment the scores were measured in. ``row_totals``: per row scored apart
    ("time-of-day"), its per-suite totals."""
    return {
        "environment": env or {},
        "totals": {suite: total.to_dict() for suite, total in totals.items()},
        "row_totals": {row: {suite: total.to_dict() for suite, total in by_suite.items()}
                       for row, by_suite in (row_totals or {}).items()},
        "files": [{**s.to_dict(), "unsupported": unsupported_reason(s.file_id)} for s in scores],
        "failures": {s.file_id: [m.to_dict() for m in s.worst_misses(failures)]
                     for s in scores if failures > 0},
    }


def floor_tenths(num: int, den: int) -> float:
    """num/den as a percentage rounded DOWN to 0.1 point (exact integer arithmetic).

    >>> floor_tenths(2, 3), floor_tenths(1, 2)
    (66.6, 50.0)
    """
    return (1000 * num // den) / 10


def ceil_tenths(num: int, den: int) -> float:
    """num/den as a percentage rounded UP to 0.1 point.

    >>> ceil_tenths(1, 3)
    33.4
    """
    return (-(-1000 * num // den)) / 10


def floors(scores: list[FileScore]) -> dict[str, dict[str, float | None]]:
    """Current scores as floors: F1 and value accuracy rounded down, negatives wrongly
    matched rounded up (a ceiling). None where a file has nothing to measure; no floor for
    a file the eval marks unsupported."""
    out: dict[str, dict[str, float | None]] = {}
    for s in scores:
        if unsupported_reason(s.file_id):
            continue
        f1_num, f1_den = s.f1_ratio
        value, comparable = s.value_correct, s.value_comparable
        out[s.file_id] = {
            "detection_f1": floor_tenths(f1_num, f1_den) if f1_den else 0.0,
            "value_accuracy": floor_tenths(value, comparable) if comparable else None,
            "negatives_wrong_pct_max": ceil_tenths(s.negatives_wrong, s.negatives) if s.negatives else None,
        }
    return out


def below_floors(score: FileScore, floor: dict[str, float | None]) -> list[str]:
    """How ``score`` falls short of its floors (empty when it meets them all)."""
    problems = []
    current = floors([score])[score.file_id]
    # Compare the rounded-down current value with the floor: both are exact tenths.
    for key in ("detection_f1", "value_accuracy"):
        want, have = floor.get(key), current[key]
        if want is not None and (have is None or have < want):
            problems.append(f"{key} {have} < floor {want}")
    want, have = floor.get("negatives_wrong_pct_max"), current["negatives_wrong_pct_max"]
    if want is not None and have is not None and have > want:
        problems.append(f"negatives wrongly matched {have}% > ceiling {want}%")
    return problems
