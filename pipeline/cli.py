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
