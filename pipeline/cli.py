"""The ``newsclaims`` command. Thin: parses arguments, calls the library, reports.

Exit codes:
    0  success (``run``: every article succeeded)
    1  ``run``: some articles failed (the others are written; see the manifest)
    2  usage error (unknown option, bad option value); ``query``: the SQL failed
    3  input or environment error (missing path, empty corpus, unwritable output,
       model not installed, unreadable article, another run writing to the output folder)
    4  internal error (a bug: rerun with ``--debug`` and report the traceback)

Errors print one line on stderr, ``newsclaims: <file> (field ...): E0xx: ...``;
``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.errors import ErrorCode, NewsclaimsError
from pipeline.extractor import DEFAULT_BATCH_SIZE
from pipeline.version import __version__

if TYPE_CHECKING:
    from pipeline.article import Article
    from pipeline.batch import RunSummary
    from pipeline.evaluate.news import NewsScore
    from pipeline.evaluate.score import FileScore
    from pipeline.extractor import Extractor

EXIT_OK, EXIT_FAILED_ARTICLES, EXIT_USAGE, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3, 4
DESCRIPTION = """Read English news articles and write a typed JSON record of what each one claims:
quantities, money, percentages, dates, ordinals and named entities, normalized, and tied
together into claims (who or what, how much, of what, when)."""
EPILOG = """exit codes: 0 success; 1 run: some articles failed (the others are written);
2 usage error; 3 input or environment error (E001-E008, E014, E016); 4 internal error.
Errors print one line, 'newsclaims: <file>: E0xx: <what>'; --debug shows the traceback."""


def _cmd_extract(args: argparse.Namespace) -> int:
    from pipeline.article import read_article
    from pipeline.extractor import Extractor

    article = read_article(args.article, max_bytes=args.max_bytes)
    for warning in article.warnings:
        print(f"newsclaims: warning: {warning}", file=sys.stderr)
    extractor = Extractor(model=args.model, reference_date=args.reference_date)
    on_chunk, close = _chunk_bar()
    try:
        record = extractor.extract_texts([article], on_chunk=on_chunk)[0]
    finally:
        close()
    _write_output(args.output, record.iter_json())  # a long article's record is never whole in memory
    return EXIT_OK


def _write_output(path: str | None, text: str | Iterable[str]) -> None:
    """``-o PATH``: write ``text`` (or its pieces) there (E008 naming it when it cannot be); else to stdout."""
    pieces = [text] if isinstance(text, str) else text
    if not path:
        sys.stdout.writelines(pieces)
        return
    try:
        with open(path, "w", encoding="utf-8") as fh:
            fh.writelines(pieces)
    except OSError as exc:
        raise NewsclaimsError(ErrorCode.E008, f"cannot write ({exc.strerror or exc})", path=path) from None


def _cmd_run(args: argparse.Namespace) -> int:
    from pipeline.batch import default_jobs, run_corpus

    progress, close_progress = _progress_bar()
    try:
        summary = run_corpus(args.corpus, args.out, jobs=args.jobs or default_jobs(),
                             batch_size=args.batch_size, force=args.force, engine=args.engine,
                             scheduler=args.scheduler, model=args.model,
                             reference_date=args.reference_date, glob=args.glob, progress=progress,
                             max_bytes=args.max_bytes, csv=args.csv)
    finally:
        close_progress()
    _report_run(summary, args.out)
    if args.html and not _write_run_html(args.out):
        return EXIT_FAILED_ARTICLES
    return EXIT_FAILED_ARTICLES if summary.failed else EXIT_OK


_IGNORED_SHOWN = 10


def _report_run(summary: RunSummary, out: str) -> None:
    """Warnings, failures, inputs not read (the first few) and the summary line, on stderr."""
    for warning in summary.warnings:
        print(f"newsclaims: warning: {warning}", file=sys.stderr)
    for entry in summary.entries:
        if entry["status"] == "failed":
            print(f"newsclaims: failed: {entry['error']['message']}", file=sys.stderr)
    for path in summary.ignored[:_IGNORED_SHOWN]:
        print(f"newsclaims: not read: {path.input}: {path.reason}", file=sys.stderr)
    more = len(summary.ignored) - _IGNORED_SHOWN
    if more > 0:
        print(f"newsclaims: not read: {more} more (all listed under 'ignored' in manifest.json)", file=sys.stderr)
    ignored = f", {len(summary.ignored)} other paths not read" if summary.ignored else ""
    print(f"newsclaims: {summary.total} articles: {summary.ok} ok, {summary.failed} failed, {summary.skipped} "
          f"skipped (unchanged since the last run; --force redoes them){ignored} -> {out}", file=sys.stderr)


def _cmd_eval(args: argparse.Namespace) -> int:
    import time

    from pipeline.evaluate import benchmarks_dir, evaluate, load_suites, suite_totals
    from pipeline.evaluate.harness import distinct_inputs
    from pipeline.evaluate.report import (
        environment,
        format_failures,
        format_row_table,
        format_separate,
        format_table,
        format_unsupported,
        report_json,
    )
    from pipeline.extractor import Extractor
    from pipeline.record import dump_json

    if args.show_failures < 0:
        print("newsclaims: --show-failures must be 0 or more", file=sys.stderr)
        return EXIT_USAGE
    root = benchmarks_dir(args.benchmarks)
    files = load_suites(root, suite=args.suite, pattern=args.file)
    news_folder = _news_folder(args, root)
    if not files and news_folder is None:
        print(f"newsclaims: no suite file matches --file {args.file!r}", file=sys.stderr)
        return EXIT_USAGE
    started = time.perf_counter()
    extractor = Extractor(model=args.model)
    n_inputs = len(distinct_inputs(files))
    what = [f"{len(files)} files, {n_inputs} distinct inputs"] if files else []
    print(f"newsclaims: eval: {', '.join(what + (['news-dev'] if news_folder is not None else []))}",
          file=sys.stderr)

    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty():
            print(f"\rnewsclaims: extracted {done}/{total}", end="", file=sys.stderr, flush=True)

    scores = evaluate(files, extractor, progress=progress) if files else []
    news = _eval_news(news_folder, extractor) if news_folder is not None else None
    elapsed = time.perf_counter() - started
    if sys.stderr.isatty() and files:
        print(file=sys.stderr)
    totals = suite_totals(scores)
    blocks = [format_table(suite, [s for s in scores if s.suite == suite and not s.row], total)
              for suite, total in totals.items()]
    row_totals = {row: suite_totals(scores, row=row) for row in dict.fromkeys(s.row for s in scores if s.row)}
    blocks += [format_row_table(row, scores, by_suite) for row, by_suite in row_totals.items()]
    separate = format_separate(scores)
    if separate:
        blocks.append("### Reported separately (detection only, not scored)\n\n" + separate)
    unsupported = format_unsupported(scores)
    if unsupported:
        blocks.append("### Not supported (reported, not floored)\n\n" + unsupported)
    if news is not None:
        blocks += _news_blocks(news, per_article=args.per_article)
    print("\n\n".join(blocks))
    env = environment(extractor.model_name)
    if args.show_failures:
        for score in scores:
            text = format_failures(score, args.show_failures)
            if text:
                print("\n" + text)
        if news is not None:
            _print_news_failures(news, args.show_failures)
    if args.json:
        report = report_json(scores, totals, failures=args.show_failures, env=env, row_totals=row_totals)
        if news is not None:
            report["news"] = _news_json(news)
        Path(args.json).write_text(dump_json(report), encoding="utf-8")
    if args.write_floors:
        _write_floors(Path(args.write_floors), scores if files else None, news, env)
        print(f"newsclaims: floors written to {args.write_floors}", file=sys.stderr)
    done = [f"{n_inputs} inputs"] if files else []
    done += [f"{len(news.articles)} news-dev articles"] if news is not None else []
    print(f"newsclaims: eval: {' and '.join(done)} in {elapsed:.1f} s", file=sys.stderr)
    return EXIT_OK


def _news_folder(args: argparse.Namespace, root: Path) -> Path | None:
    """The news-dev folder when this run scores it: ``--suite news`` (E011 when missing), or
    ``--suite all`` when the folder is there and ``--file`` (if given) selects "news-dev/articles"."""
    from pipeline.evaluate.news_gold import NEWS_DEV, news_dev_dir
    from pipeline.evaluate.suites import matches_pattern

    if args.suite not in ("news", "all") or (args.file and not matches_pattern(f"{NEWS_DEV}/articles", args.file)):
        return None
    if args.suite == "all" and not (root / NEWS_DEV).is_dir():
        print(f"newsclaims: eval: no {NEWS_DEV}/ in {root}: news not scored", file=sys.stderr)
        return None
    return news_dev_dir(root)


def _eval_news(folder: Path, extractor: Extractor) -> NewsScore:
    from pipeline.evaluate.news import extract_news, score_news
    from pipeline.evaluate.news_gold import load_news_gold

    gold = load_news_gold(folder)
    news = score_news(gold, extract_news(gold, extractor))
    for warning in news.warnings:
        print(f"newsclaims: news-dev: {warning}", file=sys.stderr)
    return news


def _news_blocks(news: NewsScore, *, per_article: bool) -> list[str]:
    from pipeline.evaluate.news_report import format_news, format_per_article

    return [format_news(news), *([format_per_article(news)] if per_article else [])]


def _print_news_failures(news: NewsScore, n: int) -> None:
    from pipeline.evaluate.news_report import format_news_failures

    text = format_news_failures(news, n)
    if text:
        print("\n" + text)


def _news_json(news: NewsScore) -> dict[str, Any]:
    from pipeline.evaluate.news_report import article_figures

    return {**news.to_dict(), "per_article": [article_figures(a) for a in news.articles]}


def _write_floors(path: Path, scores: list[FileScore] | None, news: NewsScore | None,
                  env: dict[str, str]) -> None:
    """Write the floors file; a section this run did not score is kept from the existing file."""
    import json

    from pipeline.evaluate.news_report import floors_document

    try:
        old = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    except (OSError, ValueError):
        old = {}
    data = floors_document(old if isinstance(old, dict) else {}, scores, news, env)
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def _write_run_html(out: str) -> bool:
    """Render the run's pages and index; report; False when some page could not be made."""
    from pipeline.render import write_html

    html = write_html(out)
    for row in html.failed:
        print(f"newsclaims: no page: {row.error['message'] if row.error else row.doc_id}", file=sys.stderr)
    print(f"newsclaims: {len(html.pages)} pages -> {html.index}", file=sys.stderr)
    return not html.failed


def _cmd_render(args: argparse.Namespace) -> int:
    from pipeline.render import load_record, render_article

    _write_output(args.output, render_article(load_record(args.record)))
    return EXIT_OK


def _progress_bar() -> tuple[Callable[[RunSummary], None], Callable[[], None]]:
    """A tqdm bar on stderr (done/total, rate, ETA, failures), off when stderr is not a TTY."""
    from tqdm import tqdm

    state: dict[str, Any] = {}

    def update(summary: RunSummary) -> None:
        bar = state.get("bar")
        if bar is None:
            # No monitor thread: worker processes are forked after this point.
            tqdm.monitor_interval = 0
            bar = state["bar"] = tqdm(total=summary.total, initial=summary.done, unit="article",
                                      file=sys.stderr, disable=not sys.stderr.isatty(), dynamic_ncols=True)
        if summary.long_article:
            doc_id, done, total = summary.long_article
            bar.set_postfix(failed=summary.failed, long=f"{doc_id} chunk {done}/{total}", refresh=False)
        else:
            bar.set_postfix(failed=summary.failed, refresh=False)
        bar.update(summary.done - bar.n)
        bar.refresh()

    def close() -> None:
        if "bar" in state:
            state["bar"].close()

    return update, close


def _chunk_bar() -> tuple[Callable[[Article, int, int], None], Callable[[], None]]:
    """A tqdm bar on stderr for a long article's chunks (off when stderr is not a TTY)."""
    from tqdm import tqdm

    state: dict[str, Any] = {}

    def update(article: Article, done: int, total: int) -> None:
        if "bar" not in state:
            state["bar"] = tqdm(total=total, unit="chunk", desc=f"newsclaims: {article.doc_id}", file=sys.stderr,
                                disable=not sys.stderr.isatty(), dynamic_ncols=True)
        state["bar"].update(done - state["bar"].n)

    def close() -> None:
        if "bar" in state:
            state["bar"].close()

    return update, close


def _positive_int(text: str) -> int:
    """A whole number of at least 1 (argparse's message would name this function)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def _reference_date(text: str) -> str:
    """``--reference-date``: checked here, so a bad one is a usage error, not a failure per article."""
    from pipeline.article import parse_reference_date

    try:
        return parse_reference_date(text)
    except NewsclaimsError as exc:
        raise argparse.ArgumentTypeError(exc.message) from None


def _cmd_bench(args: argparse.Namespace) -> int:
    from pipeline import bench

    if args.components:
        sys.stdout.write(bench.run_component_bench(args.corpus, repeat=args.repeat, model=args.model))
    elif args.long_article:
        long = bench.measure_long_article(args.corpus, chars=args.long_article, repeat=args.repeat, model=args.model)
        sys.stdout.write(bench.format_long_article(long))
    elif args.memory:
        traces = bench.run_memory_bench(args.corpus, articles=args.memory, model=args.model)
        sys.stdout.write(bench.format_memory_trace(traces))
    else:
        report = bench.run_bench(args.corpus, repeat=args.repeat, jobs=args.jobs, model=args.model)
        sys.stdout.write(bench.format_report(report))
    return EXIT_OK


def _cmd_table(args: argparse.Namespace) -> int:
    from pipeline.render import load_manifest
    from pipeline.tables import write_tables

    summary = write_tables(args.out, load_manifest(args.out), csv=args.csv)
    rows = ", ".join(f"{name} {n}" for name, n in summary.rows.items())
    print(f"newsclaims: tables ({rows} rows) -> {args.out}", file=sys.stderr)
    return EXIT_OK


def _cmd_query(args: argparse.Namespace) -> int:
    from pipeline.query import FORMATTERS, run_query, table_schema

    if args.schema == (args.sql is not None):
        print("newsclaims: query: give either SQL or --schema", file=sys.stderr)
        return EXIT_USAGE
    try:
        if args.schema:
            result = table_schema(args.out)
        else:
            result = run_query(args.out, sys.stdin.read() if args.sql == "-" else args.sql)
    except NewsclaimsError as exc:
        if exc.error_code is not ErrorCode.E017 or args.debug:
            raise
        print(f"newsclaims: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if result.columns:
        sys.stdout.write(FORMATTERS[args.format](result))
    return EXIT_OK


def _cmd_schema(args: argparse.Namespace) -> int:
    from pipeline.record import dump_json, json_schema

    sys.stdout.write(dump_json(json_schema()))
    return EXIT_OK


def _byte_count(value: str) -> int:
    """``--max-bytes``: a positive whole number of bytes."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number <= 0:
        raise argparse.ArgumentTypeError(f"expected a positive number of bytes, got {value!r}")
    return number


def build_parser() -> argparse.ArgumentParser:
    from pipeline.article import DEFAULT_MAX_BYTES
    from pipeline.query import FORMATS

    max_bytes_help = f"refuse article files larger than this (E004; default {DEFAULT_MAX_BYTES})"
    parser = argparse.ArgumentParser(prog="newsclaims", description=DESCRIPTION, epilog=EPILOG,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"newsclaims {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks instead of one-line errors")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND",
                                title="commands (newsclaims COMMAND --help for each one's options)")

    p = sub.add_parser("extract", help="print one article's record as JSON")
    p.add_argument("article", help="an article file: .txt or .html/.htm (a .meta.json sidecar beside it is read)")
    p.add_argument("-o", "--output", help="write the record here instead of stdout")
    p.add_argument("--model", default=None, help="spaCy model package name")
    p.add_argument("--reference-date", type=_reference_date, default=None, help="fallback reference date (ISO)")
    p.add_argument("--max-bytes", type=_byte_count, default=DEFAULT_MAX_BYTES, help=max_bytes_help)
    p.set_defaults(func=_cmd_extract)

    p = sub.add_parser("run", help="process a corpus folder: records, manifest, JSONL files and tables")
    p.add_argument("corpus", help="a folder of articles (walked recursively; see docs/input-handling.md) or one file")
    p.add_argument("--out", required=True, help="the output folder (created if missing; never read as input)")
    p.add_argument("--glob", default=None, help="only files matching this pattern")
    p.add_argument("--model", default=None, help="spaCy model package name")
    p.add_argument("--reference-date", type=_reference_date, default=None, help="fallback reference date (ISO)")
    p.add_argument("--jobs", type=_positive_int, default=None, help="worker processes (default: all cores)")
    p.add_argument("--batch-size", type=_positive_int, default=DEFAULT_BATCH_SIZE,
                   help=f"articles per nlp.pipe batch (default: {DEFAULT_BATCH_SIZE})")
    p.add_argument("--force", action="store_true", help="reprocess articles unchanged since the last run")
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local processes, or dask.distributed (pip install 'newsclaims[dask]')")
    p.add_argument("--scheduler", default=None,
                   help="with --engine dask: scheduler address (default: start a LocalCluster)")
    p.add_argument("--html", action="store_true", help="also write OUT/<doc_id>.html and OUT/index.html")
    p.add_argument("--csv", action="store_true", help="also write the tables as OUT/<table>.csv")
    p.add_argument("--max-bytes", type=_byte_count, default=DEFAULT_MAX_BYTES, help=max_bytes_help)
    p.set_defaults(func=_cmd_run)

    p = sub.add_parser("eval", help="score the extractor against the peer test suites and news-dev")
    p.add_argument("--suite", choices=("recognizers-text", "duckling", "news", "all"), default="all",
                   help="news: the news-dev gold set (mentions and claims); all: every suite and news-dev")
    p.add_argument("--file", default=None, metavar="PATTERN",
                   help="only suite files whose name matches (shell pattern or substring)")
    p.add_argument("--show-failures", type=int, default=0, metavar="N",
                   help="list the N worst misses per file (news-dev: N mention and N claim failures per article)")
    p.add_argument("--per-article", action="store_true", help="news-dev: also a row per article")
    p.add_argument("--json", default=None, metavar="OUT", help="also write the scores as JSON here")
    p.add_argument("--write-floors", default=None, metavar="PATH",
                   help="write the current scores, rounded down, as a floors file")
    p.add_argument("--benchmarks", default=None, metavar="DIR",
                   help="the suites folder (default: $NEWSCLAIMS_BENCHMARKS or ../shared/benchmarks)")
    p.add_argument("--model", default=None, help="spaCy model package name")
    p.set_defaults(func=_cmd_eval)

    p = sub.add_parser("render", help="write one record's HTML page")
    p.add_argument("record", help="a record JSON file (from extract or run)")
    p.add_argument("-o", "--output", help="write the page here instead of stdout")
    p.set_defaults(func=_cmd_render)

    p = sub.add_parser("bench", help="words/sec of the full pipeline vs the bare spaCy model "
                       "(and quantulum3, when installed)")
    p.add_argument("corpus", nargs="?", default=None, help="default: corpus/ repeated to 50,000 words")
    p.add_argument("--repeat", type=_positive_int, default=3, help="timed passes; the best counts")
    p.add_argument("--jobs", type=_positive_int, default=1, help="also measure this many workers")
    p.add_argument("--model", default=None, help="spaCy model package name")
    p.add_argument("--memory", type=_positive_int, default=None, metavar="N",
                   help="instead: RSS over N articles with unique words, with and without memory zones")
    p.add_argument("--components", action="store_true",
                   help="instead: CPU seconds of each pipeline step (where the full path spends its time)")
    p.add_argument("--long-article", type=_positive_int, nargs="?", const=1_000_000, default=None, metavar="CHARS",
                   help="instead: words per CPU second of one article of CHARS characters (default 1,000,000: "
                        "the texts joined) against the same texts as ordinary articles, and the ratio")
    p.set_defaults(func=_cmd_bench)

    p = sub.add_parser("table", help="rebuild a run's resolved tables (OUT/<table>.parquet) from its records")
    p.add_argument("out", metavar="OUT", help="the output folder of a run (its records and manifest.json)")
    p.add_argument("--csv", action="store_true", help="also write OUT/<table>.csv")
    p.set_defaults(func=_cmd_table)

    p = sub.add_parser("query", help="run DuckDB SQL over a run's tables (claims, mentions, entities, articles)")
    p.add_argument("out", metavar="OUT", help="the output folder of a run (its .parquet tables)")
    p.add_argument("sql", nargs="?", default=None, help="the query ('-': read it from stdin)")
    p.add_argument("--format", choices=FORMATS, default="table", help="output format")
    p.add_argument("--schema", action="store_true", help="instead: list the tables and their columns")
    p.set_defaults(func=_cmd_query)

    p = sub.add_parser("schema", help="print the record's JSON Schema")
    p.set_defaults(func=_cmd_schema)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except NewsclaimsError as exc:
        if args.debug:
            raise
        print(f"newsclaims: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        print("newsclaims: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: one line for users, the traceback with --debug
        if args.debug:
            raise
        print(f"newsclaims: {ErrorCode.E010.code}: unexpected {type(exc).__name__}: {exc} "
              "(rerun with --debug for the traceback)", file=sys.stderr)
        return EXIT_INTERNAL
