"""Corpus runs: a folder of articles -> ``OUT/<doc_id>.json`` + ``OUT/manifest.json``.

Library code: returns a :class:`RunSummary`; the CLI reports it.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.article import ARTICLE_SUFFIXES, DEFAULT_MAX_BYTES, Article, read_article
from pipeline.errors import ErrorCode, NewsclaimsError
from pipeline.extractor import Extractor
from pipeline.record import dump_json
from pipeline.version import __version__

MANIFEST = "manifest.json"


@dataclass
class RunSummary:
    total: int = 0
    ok: int = 0
    failed: int = 0
    skipped: int = 0
    entries: list[dict[str, Any]] = field(default_factory=list)


def find_articles(corpus: Path, *, glob: str | None = None) -> list[Path]:
    """Article files below ``corpus``, recursively, sorted by relative path."""
    if not corpus.exists():
        raise NewsclaimsError(ErrorCode.E001, "no such file or folder", path=str(corpus))
    if corpus.is_file():
        return [corpus]
    pattern = glob or "*"
    files = [p for p in corpus.rglob(pattern)
             if p.is_file() and p.name.endswith(ARTICLE_SUFFIXES) and not p.name.startswith(".")]
    return sorted(files, key=lambda p: p.relative_to(corpus).as_posix())


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` via a temporary file and a rename: never half-written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _sha256_file(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def run_corpus(corpus: str | Path, out: str | Path, *, extractor: Extractor | None = None,
               glob: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
               progress: Callable[[RunSummary], None] | None = None) -> RunSummary:
    """Process every article below ``corpus``; write records and the manifest to ``out``.

    One bad article is recorded as failed in the manifest; the others go on.
    """
    corpus, out = Path(corpus), Path(out)
    files = find_articles(corpus, glob=glob)
    if not files:
        raise NewsclaimsError(ErrorCode.E007, f"no {'/'.join(ARTICLE_SUFFIXES)} articles found",
                              path=str(corpus))
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = out / ".newsclaims-write-probe"
        probe.write_text("")
        probe.unlink()
    except OSError as exc:
        raise NewsclaimsError(ErrorCode.E008, str(exc.strerror or exc), path=str(out)) from None
    extractor = extractor or Extractor()
    root = corpus if corpus.is_dir() else corpus.parent
    summary = RunSummary(total=len(files))
    written: dict[str, str] = {}
    for path in files:
        entry: dict[str, Any] = {
            "doc_id": None, "input": path.relative_to(root).as_posix(),
            "input_sha256": _sha256_file(path), "pipeline_version": __version__,
            "status": "ok", "error": None,
        }
        try:
            article: Article = read_article(path, root=root, max_bytes=max_bytes)
            entry["doc_id"] = article.doc_id
            if article.doc_id in written:  # "a.txt" and "a.html": never overwrite a record
                raise NewsclaimsError(ErrorCode.E012, f"doc id {article.doc_id!r} is taken by "
                                      f"{written[article.doc_id]}", path=str(path))
            written[article.doc_id] = entry["input"]
            record = extractor.extract_article(article)
            write_atomic(out / f"{article.doc_id}.json", record.to_json())
            entry["counts"] = {k: len(getattr(record, k)) for k in
                               ("entities", "quantities", "percentages", "money", "dates", "ordinals", "claims")}
            summary.ok += 1
        except NewsclaimsError as exc:
            entry.update(status="failed", error={"code": exc.code, "message": str(exc)})
            summary.failed += 1
        except Exception as exc:  # one bad article never stops a batch
            entry.update(status="failed", error={"code": ErrorCode.E010.code,
                                                 "message": f"{path}: {type(exc).__name__}: {exc}"})
            summary.failed += 1
        if entry["doc_id"] is None:
            from pipeline.article import doc_id_for
            entry["doc_id"] = doc_id_for(path, root)
        summary.entries.append(entry)
        if progress:
            progress(summary)
    write_atomic(out / MANIFEST, dump_json({"pipeline_version": __version__, "articles": summary.entries}))
    return summary
