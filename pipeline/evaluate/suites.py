"""Finding and reading the peer test suites into :class:`~pipeline.evaluate.targets.SuiteFile` objects.

The suites are never copied into the project: they are read from
``$NEWSCLAIMS_BENCHMARKS`` or, by default, ``../shared/benchmarks`` beside the
repository (see that folder's README for every field).
"""

from __future__ import annotations

import fnmatch
import json
import os
from pathlib import Path
from typing import Any

from pipeline.errors import ErrorCode, NewsclaimsError
from pipeline.evaluate.mapping import duckling_result, rt_model_result, rt_parser_result, rt_skip_reason
from pipeline.evaluate.news_gold import NEWS_DEV
from pipeline.evaluate.targets import Case, Expected, SuiteFile

BENCHMARKS_ENV = "NEWSCLAIMS_BENCHMARKS"
REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_BENCHMARKS = REPO_ROOT.parent / "shared" / "benchmarks"

RECOGNIZERS_TEXT = "recognizers-text"
DUCKLING = "duckling"
SUITES = (RECOGNIZERS_TEXT, DUCKLING)

# Duckling's fixed test context (Duckling/Testing/Types.hs): 2013-02-12 04:30 UTC-2;
# the Time "diff" section carries its own reference_time (2013-02-15).
DUCKLING_REFERENCE_DATE = "2013-02-12"

# Recognizers-Text files, in the README's order, with the record kinds that
# count as predictions in them (see compare.CANDIDATES). A mention that is only a
# clock time is a prediction of the files' time-of-day rows (score.ROW_KINDS), not of
# their date rows.
RT_FILES: dict[str, frozenset[str]] = {
    "Number/NumberModel.json": frozenset({"number"}),
    "Number/OrdinalModel.json": frozenset({"ordinal"}),
    "Number/PercentModel.json": frozenset({"percentage"}),
    "Number/NumberRangeModel.json": frozenset({"range"}),
    "NumberWithUnit/CurrencyModel.json": frozenset({"money"}),
    "NumberWithUnit/DimensionModel.json": frozenset({"quantity"}),
    "NumberWithUnit/TemperatureModel.json": frozenset({"temperature"}),
    "NumberWithUnit/AgeModel.json": frozenset({"duration"}),
    "DateTime/DateTimeModel.json": frozenset({"date", "duration"}),
    "DateTime/DateExtractor.json": frozenset({"date"}),
    "DateTime/DateParser.json": frozenset({"date"}),
    "DateTime/DatePeriodExtractor.json": frozenset({"date"}),
    "DateTime/DatePeriodParser.json": frozenset({"date"}),
    "DateTime/DurationExtractor.json": frozenset({"duration"}),
    "DateTime/DurationParser.json": frozenset({"duration"}),
}
DUCKLING_DIMENSIONS: dict[str, frozenset[str]] = {
    "Numeral": frozenset({"number"}),
    "Ordinal": frozenset({"ordinal"}),
    "AmountOfMoney": frozenset({"money"}),
    "Quantity": frozenset({"quantity", "count"}),
    "Distance": frozenset({"quantity"}),
    "Duration": frozenset({"duration"}),
    "Temperature": frozenset({"temperature"}),
    "Volume": frozenset({"quantity"}),
    "Time": frozenset({"date"}),
}


def benchmarks_dir(path: str | Path | None = None) -> Path:
    """The suites folder: ``path``, else ``$NEWSCLAIMS_BENCHMARKS``, else ``../shared/benchmarks``."""
    chosen = Path(path or os.environ.get(BENCHMARKS_ENV) or DEFAULT_BENCHMARKS)
    if not any((chosen / name).is_dir() for name in (*SUITES, NEWS_DEV)):
        raise NewsclaimsError(
            ErrorCode.E011, f"no {RECOGNIZERS_TEXT}/, {DUCKLING}/ or {NEWS_DEV}/ folder here "
            f"(set {BENCHMARKS_ENV} to the benchmarks folder)", path=str(chosen))
    return chosen


def suite_file_names(root: Path, suite: str) -> list[str]:
    """The files of ``suite`` present under ``root``, in report order."""
    if suite == RECOGNIZERS_TEXT:
        return [name for name in RT_FILES if (root / suite / name).is_file()]
    base = root / suite
    names = [f"{dim}.jsonl" for dim in DUCKLING_DIMENSIONS if (base / f"{dim}.jsonl").is_file()]
    names += sorted(p.relative_to(base).as_posix() for p in (base / "locales").glob("*.jsonl"))
    return names


def load_suites(root: Path, *, suite: str = "all", pattern: str | None = None) -> list[SuiteFile]:
    """Read the suite files under ``root``.

    Args:
        root: the benchmarks folder (:func:`benchmarks_dir`).
        suite: ``recognizers-text``, ``duckling`` or ``all``.
        pattern: keep only files whose id ("duckling/Time.jsonl"), name or base
            name matches this shell pattern (case-insensitive).
    Returns:
        The files, Recognizers-Text first, each in the README's order.
    """
    files = []
    for name_of_suite in SUITES:
        if suite not in ("all", name_of_suite):
            continue
        for name in suite_file_names(root, name_of_suite):
            if pattern and not matches_pattern(f"{name_of_suite}/{name}", pattern):
                continue
            path = root / name_of_suite / name
            if name_of_suite == RECOGNIZERS_TEXT:
                files.append(load_rt_file(path, name))
            else:
                files.append(load_duckling_file(path, name))
    return files


# Suite files newsclaims does not attempt, and why: scored and shown in the tables, never
# floored (a floor of 0.0 could not fail).
UNSUPPORTED: dict[str, str] = {
    "duckling/locales/AmountOfMoney.*": (
        "coins and slang as money in a locale's currency ('a dime', '10 grand'): "
        "newsclaims has no locale; in news 'a quarter' is a share or a period"),
}


def unsupported_reason(file_id: str) -> str | None:
    """Why a suite file is not attempted, or None.

    >>> unsupported_reason("duckling/locales/AmountOfMoney.EN_GB.jsonl")[:5]
    'coins'
    >>> unsupported_reason("duckling/AmountOfMoney.jsonl") is None
    True
    """
    return next((why for pattern, why in UNSUPPORTED.items() if fnmatch.fnmatchcase(file_id, pattern)), None)


def matches_pattern(file_id: str, pattern: str) -> bool:
    """Whether ``--file PATTERN`` selects a file id.

    >>> matches_pattern("duckling/locales/Time.EN_GB.jsonl", "time*")
    True
    """
    pattern = pattern.lower()
    if not any(ch in pattern for ch in "*?["):
        pattern = f"*{pattern}*"  # a plain word selects every file whose name contains it
    candidates = (file_id.lower(), file_id.split("/", 1)[1].lower(), file_id.rsplit("/", 1)[1].lower())
    return any(fnmatch.fnmatchcase(c, pattern) for c in candidates)


def load_rt_file(path: Path, name: str) -> SuiteFile:
    """One Recognizers-Text spec file (a JSON array of cases; DateTimeModel has a BOM)."""
    data = _read_json(path)
    model_file = name.endswith("Model.json")
    out = SuiteFile(RECOGNIZERS_TEXT, name, RT_FILES.get(name, frozenset()))
    for index, case in enumerate(data):
        try:
            results = [rt_model_result(r) if model_file else rt_parser_result(r)
                       for r in case.get("Results") or []]
        except (KeyError, ValueError, TypeError) as exc:
            raise NewsclaimsError(ErrorCode.E012, f"case {index}: {exc!r}", path=str(path)) from None
        context = case.get("Context") or {}
        reference = context.get("ReferenceDateTime")
        out.cases.append(Case(
            id=f"{name}#{index}",
            text=str(case["Input"]),
            published=str(reference)[:10] if reference else None,
            expected=tuple(results),
            skipped=rt_skip_reason(case),
            source=f"{name}#{index}",
        ))
    return out


def load_duckling_file(path: Path, name: str) -> SuiteFile:
    """One Duckling JSON Lines file; every line is one case covering its whole text."""
    dimension = Path(name).name.split(".", 1)[0]
    out = SuiteFile(DUCKLING, name, DUCKLING_DIMENSIONS.get(dimension, frozenset()))
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row: dict[str, Any] = json.loads(line)
                result = duckling_result(row)
            except (KeyError, ValueError, TypeError, StopIteration) as exc:
                raise NewsclaimsError(ErrorCode.E012, f"line {lineno}: {exc!r}", path=str(path)) from None
            reference = row.get("reference_time")
            expected: tuple[Expected, ...] = (result,) if result is not None else ()
            out.cases.append(Case(
                id=f"{name}:{lineno}",
                text=str(row["text"]),
                published=str(reference)[:10] if reference else DUCKLING_REFERENCE_DATE,
                expected=expected,
                source=str(row.get("source", "")),
            ))
    return out


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise NewsclaimsError(ErrorCode.E012, f"unreadable: {exc}", path=str(path)) from None
