"""Time and peak memory of one very long article (a script, not a test).

Builds one article of N characters from the corpus articles repeated (no published
date, so the reference date is inferred chunk by chunk), runs it through
:meth:`Extractor.extract_texts` with a progress line every 20 chunks, then
writes the record (to /dev/null), as ``newsclaims run`` and ``extract`` do. Prints seconds,
characters per second and peak RSS:

    python benchmarks/long_article.py 20000000 [--corpus corpus/]
    python benchmarks/long_article.py 2000000 --ordinary

``--ordinary`` runs the same text cut into the corpus's own articles instead (a batch
of ordinary articles of the same total length), for comparison. ``--compare R`` runs
both in one process, R rounds each, alternating (so load on a shared machine hits both
alike), and prints the median seconds of each and the long article's speed as a share
of the ordinary articles' (1.0: cost grows linearly with an article's length):

    python benchmarks/long_article.py 1000000 --compare 3

``--run`` measures the whole of ``newsclaims run`` instead: the text is written as files
(one article, or the ordinary ones with ``--ordinary``) and run with ``run_corpus`` (records,
``mentions.jsonl`` / ``claims.jsonl``, tables), printing the time and peak RSS when the
articles are done and at the end; then a resumed run over the same output (in a child
process, for its own peak RSS) checks the records and rebuilds the JSONL files and tables:

    python benchmarks/long_article.py 5000000 --run [--ordinary]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pipeline
from pipeline.article import Article, read_article
from pipeline.batch import RunSummary, run_corpus
from pipeline.extractor import Extractor
from pipeline.nlp import MENTION_KINDS


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("chars", type=int, help="length of the article in characters")
    parser.add_argument("--corpus", type=Path, default=Path("corpus"), help="articles to repeat")
    parser.add_argument("--ordinary", action="store_true", help="as separate ordinary articles instead")
    parser.add_argument("--compare", type=int, default=0, metavar="R",
                        help="both, R alternating rounds each; medians and their ratio")
    parser.add_argument("--run", action="store_true", help="the whole `newsclaims run` path, then a resumed run")
    args = parser.parse_args()

    texts = [read_article(p).text for p in sorted(args.corpus.glob("*.txt"))]
    parts: list[str] = []
    total = 0
    while total < args.chars:
        parts.append(texts[len(parts) % len(texts)])
        total += len(parts[-1]) + 2
    extractor = Extractor()
    print(f"model loaded: peak RSS {_peak_mb():.0f} MB", flush=True)
    if args.compare:
        compare(extractor, parts, args.chars, args.compare)
        return
    if args.run:
        run_path(extractor, parts, args.chars, ordinary=args.ordinary)
        return
    started = time.perf_counter()

    def progress(article: Article, done: int, chunks: int) -> None:
        if done % 20 == 0 or done == chunks:
            print(f"  chunk {done}/{chunks} at {time.perf_counter() - started:.0f} s, "
                  f"peak RSS {_peak_mb():.0f} MB", flush=True)

    if args.ordinary:
        articles = [Article(doc_id=f"a{i}", text=t) for i, t in enumerate(parts)]
        chars = sum(len(t) for t in parts)
        n_values = sum(len(r.mentions()) + len(r.claims) for r in extractor.extract_articles(articles))
    else:
        text = "\n\n".join(parts)[: args.chars]
        chars = len(text)
        del parts
        record = extractor.extract_texts([Article(doc_id="long", text=text)], on_chunk=progress)[0]
        with open(os.devnull, "w", encoding="utf-8") as sink:  # written as `run` writes a record
            sink.writelines(record.iter_json())
        n_values = sum(record.count(kind) for kind in (*MENTION_KINDS, "claims"))
    seconds = time.perf_counter() - started
    print(f"{chars} characters in {seconds:.0f} s ({chars / seconds:.0f} characters/s), "
          f"{n_values} mentions and claims, peak RSS {_peak_mb():.0f} MB")


def compare(extractor: Extractor, parts: list[str], chars: int, rounds: int) -> None:
    """One article of ``chars`` characters against the same text as ordinary articles."""
    text = "\n\n".join(parts)[:chars]
    ordinary = [Article(doc_id=f"a{i}", text=t) for i, t in enumerate(parts)]
    ordinary_chars = sum(len(t) for t in parts)

    def run_long() -> None:
        record = extractor.extract_article(Article(doc_id="long", text=text))
        with open(os.devnull, "w", encoding="utf-8") as sink:
            sink.writelines(record.iter_json())

    def run_ordinary() -> None:
        with open(os.devnull, "w", encoding="utf-8") as sink:
            for record in extractor.extract_articles(ordinary):
                sink.write(record.to_json())

    times: dict[str, list[float]] = {"long": [], "ordinary": []}
    for n in range(rounds):
        for name, run in (("long", run_long), ("ordinary", run_ordinary)):
            started = time.process_time()
            run()
            times[name].append(time.process_time() - started)
            print(f"  round {n + 1}: {name} {times[name][-1]:.1f} CPU s, peak RSS {_peak_mb():.0f} MB", flush=True)
    long_s, ordinary_s = statistics.median(times["long"]), statistics.median(times["ordinary"])
    print(f"one article of {len(text):,} characters: {long_s:.1f} CPU s ({len(text) / long_s:,.0f} characters/s)")
    print(f"{len(ordinary)} ordinary articles, {ordinary_chars:,} characters: {ordinary_s:.1f} CPU s "
          f"({ordinary_chars / ordinary_s:,.0f} characters/s)")
    print(f"long / ordinary, characters per CPU second: "
          f"{(len(text) / long_s) / (ordinary_chars / ordinary_s):.2f} (median of {rounds} rounds)")


def _write_articles(corpus: Path, texts: list[str]) -> int:
    """``texts`` as the article files of folder ``corpus``; returns their characters."""
    corpus.mkdir()
    for i, text in enumerate(texts):
        (corpus / f"a{i:05d}.txt").write_text(text, encoding="utf-8")
    return sum(len(text) for text in texts)


def run_path(extractor: Extractor, parts: list[str], chars: int, *, ordinary: bool) -> None:
    """``run_corpus`` over the text as files, as ``newsclaims run --jobs 1`` runs it, then resumed."""
    with tempfile.TemporaryDirectory(prefix="long-article-") as tmp:
        corpus, out = Path(tmp, "corpus"), Path(tmp, "out")
        total = _write_articles(corpus, parts if ordinary else ["\n\n".join(parts)[:chars]])
        max_bytes = max(p.stat().st_size for p in corpus.iterdir())
        started = time.perf_counter()
        marks: dict[str, tuple[float, float]] = {}

        def progress(summary: RunSummary) -> None:
            long = summary.long_article
            if long and (long[1] % 20 == 0 or long[1] == long[2]):
                print(f"  chunk {long[1]}/{long[2]} at {time.perf_counter() - started:.0f} s, "
                      f"peak RSS {_peak_mb():.0f} MB", flush=True)
            if summary.total and summary.done == summary.total and "articles" not in marks:
                marks["articles"] = (time.perf_counter() - started, _peak_mb())

        summary = run_corpus(corpus, out, jobs=1, max_bytes=max_bytes, extractor=extractor, progress=progress)
        seconds = time.perf_counter() - started
        done_s, done_mb = marks["articles"]
        record_mb = sum(p.stat().st_size for p in out.glob("a*.json")) / 1e6
        print(f"run: {summary.ok} articles, {total} characters in {seconds:.0f} s ({total / seconds:.0f} "
              f"characters/s): the articles {done_s:.0f} s (peak RSS {done_mb:.0f} MB), then the JSONL files and "
              f"tables {seconds - done_s:.0f} s; peak RSS {_peak_mb():.0f} MB; records {record_mb:.0f} MB", flush=True)
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(
            [str(Path(pipeline.__file__).resolve().parent.parent), os.environ.get("PYTHONPATH", "")])}
        # The run's peak RSS, through a small Python process: a child forked from this one
        # would inherit this process's high-water mark (Linux keeps it across exec).
        command = [sys.executable, "-m", "pipeline", "run", str(corpus), "--out", str(out), "--jobs", "1",
                   "--max-bytes", str(max_bytes)]
        started = time.perf_counter()
        peak = subprocess.run([sys.executable, "-c", _PEAK_OF_CHILD, *command], check=True, env=env,
                              capture_output=True, text=True).stdout.split()[-1]
        print(f"resumed run (records checked, JSONL files and tables rebuilt): "
              f"{time.perf_counter() - started:.0f} s, peak RSS {int(peak) / 1024:.0f} MB")


_PEAK_OF_CHILD = """import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=True, stderr=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"""


if __name__ == "__main__":
    main()
