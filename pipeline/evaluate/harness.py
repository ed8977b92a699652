"""Running the extractor over suite files and scoring them.

One :class:`~pipeline.extractor.Extractor` serves the whole run; each distinct
(text, reference date) is analysed once, in batches through ``nlp.pipe``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from pipeline.article import Article, article_from_text, parse_published
from pipeline.evaluate.score import FileScore, score_rows
from pipeline.evaluate.targets import Case, SuiteFile
from pipeline.extractor import Extractor
from pipeline.record import ArticleRecord, Metadata

# Suite inputs are single sentences: large batches keep nlp.pipe busy.
EVAL_BATCH_SIZE = 256

RecordKey = tuple[str, "str | None"]
Progress = Callable[[int, int], None]


def distinct_inputs(files: Iterable[SuiteFile]) -> list[RecordKey]:
    """Every (text, published) pair a run needs, once, in file order; skipped cases need none."""
    keys: dict[RecordKey, None] = {}
    for suite_file in files:
        for case in suite_file.cases:
            if not case.skipped:
                keys.setdefault(case_key(case))
    return list(keys)


def case_key(case: Case) -> RecordKey:
    return case.text, case.published


def extract_records(keys: list[RecordKey], extractor: Extractor, *, batch_size: int = EVAL_BATCH_SIZE,
                    progress: Progress | None = None) -> dict[RecordKey, ArticleRecord]:
    """Analyse every input once; ``progress(done, total)`` is called after each batch."""

    def articles() -> Iterator[Article]:
        for n, (text, published) in enumerate(keys):
            meta = Metadata(published=parse_published(published))
            yield article_from_text(text, doc_id=f"eval-{n}", metadata=meta)

    records: dict[RecordKey, ArticleRecord] = {}
    for n, record in enumerate(extractor.extract_articles(articles(), batch_size=batch_size), 1):
        records[keys[n - 1]] = record
        if progress is not None and (n % batch_size == 0 or n == len(keys)):
            progress(n, len(keys))
    return records


def evaluate(files: list[SuiteFile], extractor: Extractor, *, batch_size: int = EVAL_BATCH_SIZE,
             progress: Progress | None = None) -> list[FileScore]:
    """Score ``files`` with ``extractor``: one :class:`FileScore` per file, in order, each followed
    by its rows scored apart (times of day: ``row`` "time-of-day")."""
    records = extract_records(distinct_inputs(files), extractor, batch_size=batch_size, progress=progress)
    return [score for f in files for score in score_rows(f, records)]


def suite_totals(scores: list[FileScore], *, row: str = "") -> dict[str, FileScore]:
    """Per-suite sums of the counts of the files' ``row`` ("" = their own rows; micro-averaged rates)."""
    totals: dict[str, FileScore] = {}
    for score in scores:
        if score.row != row:
            continue
        name = f"{score.suite} [{row}] (total)" if row else f"{score.suite} (total)"
        total = totals.setdefault(score.suite, FileScore(name, score.suite, row=row))
        total.add(score)
    return totals
