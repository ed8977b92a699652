"""The ``newsclaims`` command. Thin: parses arguments, calls the library, reports.

Exit codes:
    0  success (``run``: every article succeeded)
    1  ``run``: some articles failed (the others are written; see the manifest)
    2  usage error (unknown option, bad option value)
    3  input or environment error (missing path, empty corpus, unwritable output,
       model not installed, unreadable article)
    4  internal error (a bug: rerun with ``--debug`` and report the traceback)

Errors print one line on stderr, ``newsclaims: <file> (field ...): E0xx: ...``;
``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipeline.errors import ErrorCode, NewsclaimsError

EXIT_OK, EXIT_FAILED_ARTICLES, EXIT_USAGE, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3, 4


def _cmd_extract(args: argparse.Namespace) -> int:
    from pipeline.article import read_article
    from pipeline.extractor import Extractor

    article = read_article(args.article, max_bytes=args.max_bytes)
    record = Extractor(model=args.model, reference_date=args.reference_date).extract_article(article)
    text = record.to_json()
    if args.output:
        try:
            Path(args.output).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise NewsclaimsError(ErrorCode.E008, str(exc.strerror or exc), path=args.output) from None
    else:
        sys.stdout.write(text)
    return EXIT_OK


def _cmd_run(args: argparse.Namespace) -> int:
    from pipeline.batch import run_corpus
    from pipeline.extractor import Extractor

    extractor = Extractor(model=args.model, reference_date=args.reference_date)
    summary = run_corpus(args.corpus, args.out, extractor=extractor, glob=args.glob,
                         max_bytes=args.max_bytes)
    for entry in summary.entries:
        if entry["status"] == "failed":
            print(f"newsclaims: failed: {entry['error']['message']}", file=sys.stderr)
    print(f"newsclaims: {summary.total} articles: {summary.ok} ok, {summary.failed} failed, "
          f"{summary.skipped} skipped -> {args.out}", file=sys.stderr)
    return EXIT_FAILED_ARTICLES if summary.failed else EXIT_OK


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

    max_bytes_help = f"refuse article files larger than this (E004; default {DEFAULT_MAX_BYTES})"
    parser = argparse.ArgumentParser(prog="newsclaims", description=__doc__.splitlines()[0])
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="print one article's record as JSON")
    p.add_argument("article")
    p.add_argument("-o", "--output", help="write the record here instead of stdout")
    p.add_argument("--model", default=None, help="spaCy model package name")
    p.add_argument("--reference-date", default=None, help="fallback reference date (ISO)")
    p.add_argument("--max-bytes", type=_byte_count, default=DEFAULT_MAX_BYTES, help=max_bytes_help)
    p.set_defaults(func=_cmd_extract)

    p = sub.add_parser("run", help="process a corpus folder")
    p.add_argument("corpus")
    p.add_argument("--out", required=True)
    p.add_argument("--glob", default=None, help="only files matching this pattern")
    p.add_argument("--model", default=None, help="spaCy model package name")
    p.add_argument("--reference-date", default=None, help="fallback reference date (ISO)")
    p.add_argument("--max-bytes", type=_byte_count, default=DEFAULT_MAX_BYTES, help=max_bytes_help)
    p.set_defaults(func=_cmd_run)

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
