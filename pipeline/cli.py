"""The ``newsclaims`` command. Thin: parses arguments, calls the library, reports.

Exit codes:
    0  success (``run``: every article succeeded)
    1  ``run``: some articles failed (the others are written; see the manifest)
    2  usage error (unknown option, bad option value)
    3  input or environment error (missing path, empty corpus, unwritable output,
       model not installed, unreadable article)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipeline.errors import NewsclaimsError

EXIT_OK, EXIT_FAILED_ARTICLES, EXIT_USAGE, EXIT_INPUT = 0, 1, 2, 3


def _cmd_extract(args: argparse.Namespace) -> int:
    from pipeline.article import read_article
    from pipeline.extractor import Extractor

    article = read_article(args.article)
    record = Extractor(model=args.model, reference_date=args.reference_date).extract_article(article)
    text = record.to_json()
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return EXIT_OK


def _cmd_run(args: argparse.Namespace) -> int:
    from pipeline.batch import run_corpus
    from pipeline.extractor import Extractor

    extractor = Extractor(model=args.model, reference_date=args.reference_date)
    summary = run_corpus(args.corpus, args.out, extractor=extractor, glob=args.glob)
    for entry in summary.entries:
        if entry["status"] == "failed":
            print(f"newsclaims: failed: {entry['error']['message']}", file=sys.stderr)
    print(f"newsclaims: {summary.total} articles: {summary.ok} ok, {summary.failed} failed, "
          f"{summary.skipped} skipped -> {args.out}", file=sys.stderr)
    if args.html and not _write_run_html(args.out):
        return EXIT_FAILED_ARTICLES
    return EXIT_FAILED_ARTICLES if summary.failed else EXIT_OK


def _cmd_eval(args: argparse.Namespace) -> int:
    import json
    import time

    from pipeline.evaluate import benchmarks_dir, evaluate, load_suites, suite_totals
    from pipeline.evaluate.harness import distinct_inputs
    from pipeline.evaluate.report import (
        FLOORS_ABOUT,
        floors,
        format_failures,
        format_separate,
        format_table,
        report_json,
    )
    from pipeline.extractor import Extractor
    from pipeline.record import dump_json

    if args.show_failures < 0:
        print("newsclaims: --show-failures must be 0 or more", file=sys.stderr)
        return EXIT_USAGE
    files = load_suites(benchmarks_dir(args.benchmarks), suite=args.suite, pattern=args.file)
    if not files:
        print(f"newsclaims: no suite file matches --file {args.file!r}", file=sys.stderr)
        return EXIT_USAGE
    started = time.perf_counter()
    extractor = Extractor(model=args.model)
    n_inputs = len(distinct_inputs(files))
    print(f"newsclaims: eval: {len(files)} files, {n_inputs} distinct inputs", file=sys.stderr)

    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty():
            print(f"\rnewsclaims: extracted {done}/{total}", end="", file=sys.stderr, flush=True)

    scores = evaluate(files, extractor, progress=progress)
    elapsed = time.perf_counter() - started
    if sys.stderr.isatty():
        print(file=sys.stderr)
    totals = suite_totals(scores)
    blocks = [format_table(suite, [s for s in scores if s.suite == suite], total)
              for suite, total in totals.items()]
    separate = format_separate(scores)
    if separate:
        blocks.append("### Reported separately (detection only, not scored)\n\n" + separate)
    print("\n\n".join(blocks))
    if args.show_failures:
        for score in scores:
            text = format_failures(score, args.show_failures)
            if text:
                print("\n" + text)
    if args.json:
        Path(args.json).write_text(dump_json(report_json(scores, totals, failures=args.show_failures)),
                                   encoding="utf-8")
    if args.write_floors:
        data = {"about": FLOORS_ABOUT, "files": floors(scores)}
        Path(args.write_floors).write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        print(f"newsclaims: floors written to {args.write_floors}", file=sys.stderr)
    print(f"newsclaims: eval: {n_inputs} inputs in {elapsed:.1f} s", file=sys.stderr)
    return EXIT_OK


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

    html = render_article(load_record(args.record))
    if args.output:
        Path(args.output).write_text(html, encoding="utf-8")
    else:
        sys.stdout.write(html)
    return EXIT_OK


def _cmd_schema(args: argparse.Namespace) -> int:
    from pipeline.record import dump_json, json_schema

    sys.stdout.write(dump_json(json_schema()))
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsclaims", description=__doc__.splitlines()[0])
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="print one article's record as JSON")
    p.add_argument("article")
    p.add_argument("-o", "--output", help="write the record here instead of stdout")
    p.add_argument("--model", default=None, help="spaCy model package name")
    p.add_argument("--reference-date", default=None, help="fallback reference date (ISO)")
    p.set_defaults(func=_cmd_extract)

    p = sub.add_parser("run", help="process a corpus folder")
    p.add_argument("corpus")
    p.add_argument("--out", required=True)
    p.add_argument("--glob", default=None, help="only files matching this pattern")
    p.add_argument("--model", default=None, help="spaCy model package name")
    p.add_argument("--reference-date", default=None, help="fallback reference date (ISO)")
    p.add_argument("--html", action="store_true", help="also write OUT/<doc_id>.html and OUT/index.html")
    p.set_defaults(func=_cmd_run)

    p = sub.add_parser("eval", help="score the extractor against the peer test suites")
    p.add_argument("--suite", choices=("recognizers-text", "duckling", "all"), default="all")
    p.add_argument("--file", default=None, metavar="PATTERN",
                   help="only suite files whose name matches (shell pattern or substring)")
    p.add_argument("--show-failures", type=int, default=0, metavar="N",
                   help="list the N worst misses per file")
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
