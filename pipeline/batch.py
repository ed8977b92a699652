"""Corpus runs: a folder of articles -> records, a manifest and corpus-wide JSONL files.

``run_corpus(CORPUS, OUT)`` writes:

- ``OUT/<doc_id>.json``: one record per article, each written atomically;
- ``OUT/manifest.json``: one entry per article, sorted by input path (doc id, input
  path, input sha256, pipeline version, status, error, counts of each kind);
- ``OUT/mentions.jsonl`` / ``OUT/claims.jsonl``: every mention / claim of every ok
  record, one object per line with ``doc_id`` and ``kind`` first, sorted by doc id
  then id; rebuilt from the records at the end of each run;
- ``OUT/{claims,mentions,entities,articles}.parquet`` (and ``.csv`` with ``csv``): the
  resolved tables of :mod:`pipeline.tables`, rebuilt from the records at the end of each run.

Engines: ``local`` (in-process for ``jobs=1``, else a multiprocessing pool) and
``dask`` (:mod:`pipeline.batch_dask`). Every engine runs :func:`process_chunk` on
chunks of paths, so their outputs are byte-identical; nothing depends on the clock.

Resuming: each finished chunk's entries are appended to ``OUT/.newsclaims-journal.jsonl``
as they come in; the manifest is written at the end and the journal removed. A rerun
reuses an article (counted in :attr:`RunSummary.skipped`) when the manifest or the
journal has an ok entry with the same input and sidecar sha256, pipeline version,
model and reference date and its record file validates, unless ``force``. The manifest holds no
run-specific facts, so a resumed run over unchanged inputs leaves every file as it was.

Library code: returns a :class:`RunSummary`; the CLI reports it.
"""

from __future__ import annotations

import ctypes
import hashlib
import json
import math
import multiprocessing
import os
import signal
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from queue import Empty
from typing import Any, TypeVar

from pipeline.article import (
    ARTICLE_SUFFIXES,
    DEFAULT_MAX_BYTES,
    Article,
    doc_id_for,
    parse_reference_date,
    read_article,
    sidecar_path,
)
from pipeline.errors import ErrorCode, NewsclaimsError, WarningCode, warning_text
from pipeline.extractor import DEFAULT_BATCH_SIZE, ChunkProgress, Extractor
from pipeline.inputs import Ignored, Inputs, find_inputs
from pipeline.nlp import MENTION_KINDS, resolve_model_name
from pipeline.outdir import open_atomic, output_lock, remove_stale_temporaries, write_atomic
from pipeline.record import _LONE_SURROGATES, RecordText, dump_json
from pipeline.record_stream import RecordError, merged_in_id_order, stream_record
from pipeline.tables import write_tables
from pipeline.version import __version__

MANIFEST = "manifest.json"
MENTIONS_JSONL = "mentions.jsonl"
CLAIMS_JSONL = "claims.jsonl"
JOURNAL = ".newsclaims-journal.jsonl"
COUNT_KINDS = (*MENTION_KINDS, "claims")
ENGINES = ("local", "dask")

T = TypeVar("T")
Entry = dict[str, Any]
ChunkResults = Iterator[list[Entry]]
LongProgress = Callable[[str, int, int], None]  # doc id, chunks done, chunks


@dataclass(frozen=True)
class RunSettings:
    """Everything a worker needs to process a chunk (small and picklable).

    ``root`` and ``out`` are absolute; ``model`` is a resolved package name.
    """

    root: str
    out: str
    model: str
    reference_date: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    batch_size: int = DEFAULT_BATCH_SIZE

    def fingerprint(self) -> dict[str, Any]:
        """What must match for a previous record to be reused."""
        return {"pipeline_version": __version__, "model": self.model, "reference_date": self.reference_date}


@dataclass
class RunSummary:
    total: int = 0
    ok: int = 0
    failed: int = 0
    skipped: int = 0
    entries: list[Entry] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    ignored: list[Ignored] = field(default_factory=list)
    long_article: tuple[str, int, int] | None = None  # a long article in progress: doc id, chunks done, chunks

    @property
    def done(self) -> int:
        """Articles finished so far (ok, failed or reused)."""
        return self.ok + self.failed + self.skipped

    def add(self, entry: Entry, *, reused: bool = False) -> None:
        """Count ``entry``; ``reused``: taken over from a previous run, not processed now."""
        self.entries.append(entry)
        if entry["status"] == "failed":
            self.failed += 1
        elif reused:
            self.skipped += 1
        else:
            self.ok += 1
        if not reused:
            self.warnings += entry.get("warnings") or []


# -- files -----------------------------------------------------------------
def find_articles(corpus: Path, *, glob: str | None = None) -> list[Path]:
    """Article files below ``corpus``, recursively, sorted by relative path (see :mod:`pipeline.inputs`)."""
    return find_inputs(corpus, glob=glob).files


def _sha256_file(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _jsonl(obj: Any) -> str:
    """One JSON line; lone surrogates (a file name that is not UTF-8) become U+FFFD, as in dump_json."""
    text = json.dumps(obj, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return _LONE_SURROGATES.sub("\ufffd", text) + "\n"


# -- one chunk (runs in a worker) ------------------------------------------
ENTRY_KEYS = ("doc_id", "input", "input_sha256", "sidecar_sha256", "pipeline_version", "status", "error",
              "warnings", "counts")


def _new_entry(path: Path, root: Path) -> Entry:
    return {
        "doc_id": doc_id_for(path, root), "input": path.relative_to(root).as_posix(),
        "input_sha256": None, "sidecar_sha256": _sha256_file(sidecar_path(path)),
        "pipeline_version": __version__,
        "status": "ok", "error": None, "warnings": [], "counts": None,
    }


def _fail(entry: Entry, exc: BaseException, root: Path) -> None:
    """Mark ``entry`` failed; paths in the message are relative to the corpus (portable)."""
    if isinstance(exc, NewsclaimsError):
        where = exc.path
        if where and Path(where).is_absolute():
            try:
                where = Path(where).relative_to(root).as_posix()
            except ValueError:
                pass
        err = NewsclaimsError(exc.error_code, exc.message, path=where, field=exc.field)
        entry.update(status="failed", error={"code": err.code, "message": str(err)})
    else:
        entry.update(status="failed", error={
            "code": ErrorCode.E010.code, "message": f"{entry['input']}: E010: {type(exc).__name__}: {exc}"})


def _extract_isolating_failures(extractor: Extractor, articles: Sequence[Article], *,
                                on_chunk: ChunkProgress | None = None) -> list[RecordText | Exception]:
    """Records for ``articles`` as one batch; if the batch fails, one by one to find the culprit."""
    try:
        return list(extractor.extract_texts(articles, on_chunk=on_chunk))
    except Exception:  # one bad article never stops a batch
        pass
    results: list[RecordText | Exception] = []
    for article in articles:
        try:
            results.append(extractor.extract_texts([article], on_chunk=on_chunk)[0])
        except Exception as exc:
            results.append(exc)
    return results


def process_chunk(paths: Sequence[str], settings: RunSettings, extractor: Extractor, *,
                  on_chunk: ChunkProgress | None = None) -> list[Entry]:
    """Read, extract and write the records of one chunk of article paths.

    Args:
        paths: absolute article paths below ``settings.root``.
        settings: the run's settings.
        extractor: the (per-worker) Extractor.
        on_chunk: progress of long articles, as for :meth:`Extractor.extract_batch`.
    Returns:
        One manifest entry per path, in input order. Never raises for a bad article.
    """
    root, out = Path(settings.root), Path(settings.out)
    entries = [_new_entry(Path(p), root) for p in paths]
    readable: list[tuple[Entry, Article]] = []
    for p, entry in zip(paths, entries, strict=True):
        try:
            article = read_article(p, root=root, max_bytes=settings.max_bytes)
        except Exception as exc:
            entry["input_sha256"] = _sha256_file(Path(p))
            _fail(entry, exc, root)
            continue
        entry["input_sha256"] = article.input_sha256
        entry["warnings"] = [w.replace(p, entry["input"], 1) if w.startswith(f"{p}: ") else w
                             for w in article.warnings]  # relative paths: portable, as errors
        readable.append((entry, article))
    results = _extract_isolating_failures(extractor, [a for _, a in readable], on_chunk=on_chunk)
    for (entry, article), result in zip(readable, results, strict=True):
        if isinstance(result, Exception):
            _fail(entry, result, root)
            continue
        try:
            with open_atomic(out / f"{article.doc_id}.json") as fh:
                fh.writelines(result.iter_json())  # a long article's record is never whole in memory
        except NewsclaimsError as exc:  # name the article; the record's file name is in the message
            _fail(entry, NewsclaimsError(ErrorCode.E008, f"cannot write its record {article.doc_id}.json: "
                                         f"{exc.message}", path=entry["input"]), root)
        else:
            entry["counts"] = {k: result.count(k) for k in COUNT_KINDS}
    return entries


# One Extractor per worker process, built on its first chunk and kept for the next
# ones. The lock keeps a worker that runs several threads (a dask worker started
# with --nthreads > 1) correct: a spaCy pipeline is not meant to be shared by threads.
_WORKER_EXTRACTORS: dict[tuple[str, str | None], Extractor] = {}
_WORKER_LOCK = threading.Lock()
_WORKER_INIT_ERROR: BaseException | None = None
_WORKER_PROGRESS: Any = None  # a multiprocessing queue of (doc id, chunks done, chunks) in pool workers
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def worker_extractor(settings: RunSettings) -> Extractor:
    """This process's Extractor for ``settings`` (loaded once)."""
    key = (settings.model, settings.reference_date)
    if key not in _WORKER_EXTRACTORS:
        _WORKER_EXTRACTORS[key] = Extractor(model=settings.model, reference_date=settings.reference_date)
    return _WORKER_EXTRACTORS[key]


def process_chunk_in_worker(paths: Sequence[str], settings: RunSettings) -> list[Entry]:
    """:func:`process_chunk` with this worker's cached Extractor (the task run by pools and dask)."""
    if _WORKER_INIT_ERROR is not None:
        raise _WORKER_INIT_ERROR
    queue = _WORKER_PROGRESS

    def report(article: Article, done: int, total: int) -> None:
        if queue is not None:
            queue.put((article.doc_id, done, total))

    with _WORKER_LOCK:
        return process_chunk(paths, settings, worker_extractor(settings), on_chunk=report)


def die_with_parent(parent: int) -> None:
    """Make this worker process end as soon as the run's main process ``parent`` dies.

    A killed main process (``kill -9``) cannot stop its pool; its workers would go on
    writing records and print BrokenPipeError tracebacks. On Linux the kernel sends
    them SIGKILL (``prctl(PR_SET_PDEATHSIG)``); elsewhere a thread polls the parent.
    """
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL) != 0:
            raise OSError(ctypes.get_errno(), "prctl failed")
    except (OSError, AttributeError):  # not Linux

        def watch() -> None:
            while os.getppid() == parent:
                time.sleep(0.2)
            os._exit(1)

        threading.Thread(target=watch, daemon=True, name="newsclaims-parent-watch").start()
    if os.getppid() != parent:  # it died before the line above
        os._exit(1)


def _init_pool_worker(settings: RunSettings, parent: int, progress: Any) -> None:
    global _WORKER_INIT_ERROR, _WORKER_PROGRESS
    die_with_parent(parent)
    _WORKER_PROGRESS = progress
    # An exception escaping a Pool initializer makes the pool respawn workers
    # forever; keep it and raise it from the first task instead.
    try:
        worker_extractor(settings)
    except BaseException as exc:
        _WORKER_INIT_ERROR = exc


# -- engines ----------------------------------------------------------------
def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def chunk_paths(items: Sequence[T], *, jobs: int, batch_size: int) -> list[list[T]]:
    """Split paths (or articles) into tasks: at most ``batch_size`` each, about four per job."""
    size = batch_size if jobs == 1 else max(1, min(batch_size, math.ceil(len(items) / (4 * jobs))))
    return [list(items[i:i + size]) for i in range(0, len(items), size)]


def local_engine(chunks: list[list[str]], settings: RunSettings, *, jobs: int,
                 extractor: Extractor | None = None, on_chunk: LongProgress | None = None) -> ChunkResults:
    """Chunk results, in-process (``jobs == 1``) or from a pool of ``jobs`` processes.

    ``on_chunk(doc_id, done, total)``: progress of long articles, called in this process.
    """
    if jobs == 1 or len(chunks) <= 1:
        ex = extractor or worker_extractor(settings)
        report = (lambda a, done, total: on_chunk(a.doc_id, done, total)) if on_chunk else None
        for chunk in chunks:
            yield process_chunk(chunk, settings, ex, on_chunk=report)
        return
    ctx = multiprocessing.get_context()
    progress = ctx.Queue() if on_chunk else None
    with ctx.Pool(min(jobs, len(chunks)), initializer=_init_pool_worker,
                  initargs=(settings, os.getpid(), progress)) as pool:
        results = pool.imap_unordered(partial(process_chunk_in_worker, settings=settings), chunks)
        while True:
            try:
                entries = results.next(timeout=0.5)
            except multiprocessing.TimeoutError:
                _drain(progress, on_chunk)
                continue
            except StopIteration:
                break
            _drain(progress, on_chunk)
            yield entries


def _drain(queue: Any, on_chunk: LongProgress | None) -> None:
    """Hand the workers' long-article progress messages to ``on_chunk``."""
    while queue is not None and on_chunk is not None:
        try:
            on_chunk(*queue.get_nowait())
        except Empty:
            return


# -- resuming ---------------------------------------------------------------
def _previous_entries(out: Path, fingerprint: dict[str, Any]) -> dict[str, Entry]:
    """Ok entries of the previous manifest, then of the journal, written with ``fingerprint``."""
    previous: dict[str, Entry] = {}
    try:
        manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
        if all(manifest.get(k) == v for k, v in fingerprint.items()):
            previous.update((e["input"], e) for e in manifest.get("articles", []))
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        pass
    try:
        lines = (out / JOURNAL).read_text(encoding="utf-8").splitlines()
    except OSError:
        lines = []
    current = False
    for line in lines:
        try:
            item = json.loads(line)
        except ValueError:  # a line torn by a kill
            continue
        if isinstance(item, dict) and "settings" in item:
            current = item["settings"] == fingerprint
        elif current and isinstance(item, dict) and "input" in item:
            previous[item["input"]] = item
    return {k: e for k, e in previous.items() if e.get("status") == "ok"}


def _reusable(prev: Entry | None, path: Path, out: Path, warnings: list[str]) -> bool:
    """Whether ``prev``'s record can stand for the article at ``path``: same input and
    sidecar bytes, same version, and a record file that validates (a damaged one adds
    a warning naming it)."""
    sha256 = _sha256_file(path)
    if not (prev is not None and sha256 is not None and prev.get("input_sha256") == sha256
            and prev.get("sidecar_sha256") == _sha256_file(sidecar_path(path))
            and prev.get("pipeline_version") == __version__):
        return False
    record = out / f"{prev['doc_id']}.json"
    if not record.is_file():
        return False
    problem = _record_problem(record, prev["doc_id"])
    if problem:
        warnings.append(warning_text(WarningCode.W001, f"{problem}; processing {prev['input']} again",
                                     path=str(record)))
    return problem is None


def _record_problem(path: Path, doc_id: str) -> str | None:
    """Why the record file at ``path`` cannot be reused (None: it can). The record is checked
    as ``ArticleRecord`` would check it, a list item at a time (never whole in memory)."""
    try:
        with stream_record(path, validate=True) as record:
            found = record.head["doc_id"]
    except OSError as exc:
        return f"cannot read it ({exc.strerror or exc})"
    except RecordError as exc:  # invalid JSON included
        return f"not a valid record ({exc})"
    return None if found == doc_id else f"it holds doc id {found!r}"


# -- corpus files -------------------------------------------------------------
def write_corpus_jsonl(out: Path, entries: Sequence[Entry]) -> tuple[int, int]:
    """Rebuild ``mentions.jsonl`` and ``claims.jsonl`` from the ok records of ``entries``.

    Each record is read a list item at a time (:func:`~pipeline.record_stream.stream_record`),
    so that memory does not grow with a record's size.

    Returns:
        (number of mentions, number of claims) written.
    Raises:
        NewsclaimsError: E013 for a record that is not JSON (changed since it was written).
    """
    doc_ids = sorted(e["doc_id"] for e in entries if e["status"] == "ok")
    n_mentions = n_claims = 0
    with (open_atomic(out / MENTIONS_JSONL, keep_unchanged=True) as mentions,
          open_atomic(out / CLAIMS_JSONL, keep_unchanged=True) as claims):
        for doc_id in doc_ids:
            path = out / f"{doc_id}.json"
            try:
                record = stream_record(path, spool=(*MENTION_KINDS, "claims"), directory=out)
            except RecordError as exc:
                raise NewsclaimsError(ErrorCode.E013, f"not an article record: {exc}", path=str(path)) from None
            with record:
                for kind, mention in merged_in_id_order((k, record.lists[k]) for k in MENTION_KINDS):
                    mentions.write(_jsonl({"doc_id": doc_id, "kind": kind, **mention}))
                    n_mentions += 1
                for claim in record.lists["claims"].in_id_order():
                    claims.write(_jsonl({"doc_id": doc_id, "kind": "claims", **claim}))
                    n_claims += 1
    return n_mentions, n_claims


# -- the run ----------------------------------------------------------------
def run_corpus(corpus: str | Path, out: str | Path, *, jobs: int = 1,
               batch_size: int = DEFAULT_BATCH_SIZE, force: bool = False, engine: str = "local",
               scheduler: str | None = None, model: str | None = None,
               reference_date: str | None = None, glob: str | None = None,
               max_bytes: int = DEFAULT_MAX_BYTES, extractor: Extractor | None = None,
               progress: Callable[[RunSummary], None] | None = None, csv: bool = False) -> RunSummary:
    """Process every article below ``corpus``; write records, manifest and JSONL files to ``out``.

    Args:
        corpus: a folder (walked recursively, in sorted order) or one article file.
        out: the output folder (created if missing).
        jobs: worker processes (``1``: in this process).
        batch_size: articles per ``nlp.pipe`` batch (and at most per task).
        force: reprocess articles a previous run already finished.
        engine: ``"local"`` or ``"dask"``.
        scheduler: with ``engine="dask"``, a scheduler address; default a LocalCluster.
        model, reference_date: as for :class:`~pipeline.extractor.Extractor`.
        glob: only files whose name matches this pattern.
        max_bytes: larger files fail with E004.
        extractor: an Extractor to use in-process (``jobs == 1``); it overrides
            ``model`` and ``reference_date``.
        progress: called with the summary so far after planning and after each chunk.
        csv: also write the tables as ``OUT/<table>.csv``.
    Returns:
        The run's summary; one bad article is a failed entry, the others go on.
    """
    if engine not in ENGINES:
        raise NewsclaimsError(ErrorCode.E009, f"unknown engine {engine!r}; one of {', '.join(ENGINES)}")
    if jobs < 1 or batch_size < 1:
        raise NewsclaimsError(ErrorCode.E009, "jobs and batch size must be at least 1")
    if reference_date is not None:
        reference_date = parse_reference_date(reference_date)
    corpus, out = Path(corpus), Path(out)
    if not corpus.exists():
        raise NewsclaimsError(ErrorCode.E001, "no such file or folder", path=str(corpus))
    try:  # before the walk, so that an output folder inside the corpus is always met (and skipped)
        out.mkdir(parents=True, exist_ok=True)
        tempfile.TemporaryFile(dir=out).close()  # can we write there? (nameless: nothing to race or leave)
    except OSError as exc:
        raise NewsclaimsError(ErrorCode.E008, str(exc.strerror or exc), path=str(out)) from None
    inputs = find_inputs(corpus, glob=glob, exclude=out)
    if not inputs.files:
        raise NewsclaimsError(ErrorCode.E007, f"no {'/'.join(ARTICLE_SUFFIXES)} articles found"
                              f"{f' ({len(inputs.ignored)} other paths not read)' if inputs.ignored else ''}",
                              path=str(corpus))
    if extractor is not None:
        model, reference_date = extractor.model_name, extractor.reference_date
    root = (corpus if corpus.is_dir() else corpus.parent).resolve()
    settings = RunSettings(root=str(root), out=str(out.resolve()), model=resolve_model_name(model),
                           reference_date=reference_date, max_bytes=max_bytes, batch_size=batch_size)
    with output_lock(out):
        remove_stale_temporaries(out)
        summary, pending = _plan(inputs, settings, force=force)
        if progress:
            progress(summary)
        chunks = chunk_paths(pending, jobs=jobs, batch_size=batch_size)
        if engine == "dask":  # no progress for long articles: dask workers run elsewhere
            from pipeline.batch_dask import dask_engine

            results = dask_engine(chunks, settings, jobs=jobs, scheduler=scheduler)
        else:
            results = local_engine(chunks, settings, jobs=jobs, extractor=extractor,
                                   on_chunk=partial(_long_article, summary, progress))
        if chunks:
            _journal(out, settings.fingerprint(), results, summary, progress)
        _finish(out, settings.fingerprint(), summary, csv=csv)
    return summary


def _long_article(summary: RunSummary, progress: Callable[[RunSummary], None] | None,
                  doc_id: str, done: int, total: int) -> None:
    """A long article's progress: shown with the run's."""
    summary.long_article = (doc_id, done, total) if done < total else None
    if progress:
        progress(summary)


def _plan(inputs: Inputs, settings: RunSettings, *, force: bool) -> tuple[RunSummary, list[str]]:
    """The summary before processing (reused and E015 entries counted) and the paths to process."""
    root, out = Path(settings.root), Path(settings.out)
    summary = RunSummary(total=len(inputs.files), ignored=inputs.ignored)
    previous = {} if force else _previous_entries(out, settings.fingerprint())
    taken: dict[str, str] = {}
    pending: list[str] = []
    for path in inputs.files:
        doc_id, rel = doc_id_for(path, root), path.relative_to(root).as_posix()
        if doc_id in taken:  # "a.txt" and "a.html": never let one overwrite the other's record
            entry = {**_new_entry(path, root), "input_sha256": _sha256_file(path)}
            _fail(entry, NewsclaimsError(ErrorCode.E015, f"doc id {doc_id!r} is taken by {taken[doc_id]}",
                                         path=rel), root)
            summary.add(entry)
            continue
        taken[doc_id] = rel
        prev = previous.get(rel)
        if prev is not None and _reusable(prev, path, out, summary.warnings):
            summary.add({**{k: prev.get(k) for k in ENTRY_KEYS}, "warnings": prev.get("warnings") or []},
                        reused=True)
        else:
            pending.append(str(path))
    return summary, pending


def _journal(out: Path, fingerprint: dict[str, Any], results: ChunkResults, summary: RunSummary,
             progress: Callable[[RunSummary], None] | None) -> None:
    """Count each chunk's entries as they come and append them to the journal."""
    try:
        with open(out / JOURNAL, "a", encoding="utf-8", newline="\n") as journal:
            journal.write(_jsonl({"settings": fingerprint}))
            for entries in results:
                journal.write("".join(_jsonl(e) for e in entries))
                journal.flush()
                for entry in entries:
                    summary.add(entry)
                if progress:
                    progress(summary)
    except OSError as exc:
        raise NewsclaimsError(ErrorCode.E008, f"cannot write ({exc.strerror or exc})",
                              path=str(out / JOURNAL)) from None


def _finish(out: Path, fingerprint: dict[str, Any], summary: RunSummary, *, csv: bool = False) -> None:
    """The end of a run: manifest, corpus JSONL files, tables (and CSV ones with ``csv``),
    journal removed."""
    summary.entries.sort(key=lambda e: e["input"])
    manifest = {**fingerprint, "articles": summary.entries, "ignored": [i.as_dict() for i in summary.ignored]}
    write_atomic(out / MANIFEST, dump_json(manifest), keep_unchanged=True)
    write_corpus_jsonl(out, summary.entries)
    write_tables(out, {**fingerprint, "articles": summary.entries}, csv=csv)
    (out / JOURNAL).unlink(missing_ok=True)
