"""Throughput benchmark: the full newsclaims path against the bare spaCy model.

Measured (``newsclaims bench``):

- (a) words/sec of the model's own pipeline (``spacy.load`` of the same package,
  no newsclaims components) over the articles' texts, through ``nlp.pipe``;
- (b) words/sec of the full path over the same texts: our components, record
  building and JSON serialization (``Extractor.extract_articles`` + ``to_json``);
- the ratio (b)/(a): what our layer costs;
- (c) words/sec of quantulum3 (``quantulum3.parser.parse``, quantities only) over the
  same texts, when it is installed (``pip install 'newsclaims[bench]'``), and (b)/(c);
- words/sec of (b) in a pool of 1 worker and of ``jobs`` workers (started with
  "spawn", so a worker's memory is its own), and each worker's peak RSS;
- cold start: ``import pipeline`` + model load, in a fresh interpreter.

Timed passes run ``repeat`` times; the best counts (the least disturbed by other
load on the machine). (a) and (b) are also timed in CPU seconds of this process,
which other processes on a shared machine disturb less than wall time; the load
average before and after is reported. Library code: returns a :class:`BenchReport`.
"""

from __future__ import annotations

import multiprocessing
import os
import platform
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pipeline.article import Article, read_article
from pipeline.batch import chunk_paths, default_jobs, find_articles
from pipeline.errors import ErrorCode, NewsclaimsError
from pipeline.extractor import DEFAULT_BATCH_SIZE, Extractor
from pipeline.nlp import make_doc, resolve_model_name

DEFAULT_CORPUS = Path("corpus")
MIN_WORDS = 50_000
# Cold starts, each timed in a fresh interpreter: ours (import + model load, then the first
# record of a short article) and the bare model's (import spaCy + spacy.load).
_COLD_START = (
    "import time; t = time.perf_counter(); from pipeline import Extractor; "
    "e = Extractor(model={model!r}); t1 = time.perf_counter(); "
    "e.extract('Acme said sales rose 5% to $3 billion, or 40 tonnes, in May 2024.', published='2024-06-01'); "
    "print(t1 - t, time.perf_counter() - t)"
)
_BARE_COLD_START = (
    "import time; t = time.perf_counter(); import spacy; spacy.load({model!r}); "
    "print(time.perf_counter() - t, time.perf_counter() - t)"
)


@dataclass
class BenchReport:
    articles: int
    words: int
    repeat: int
    batch_size: int
    model: str
    bare_wps: float = 0.0
    full_wps: float = 0.0
    bare_cpu_wps: float = 0.0
    full_cpu_wps: float = 0.0
    # (c) quantulum3, when installed: words/s wall and CPU, and its first parse (loading its units)
    quantulum_wps: float | None = None
    quantulum_cpu_wps: float | None = None
    quantulum_load_s: float | None = None
    cold_start_s: float = 0.0
    first_record_s: float = 0.0
    bare_cold_start_s: float = 0.0
    parallel_wps: dict[int, float] = field(default_factory=dict)
    worker_cpu_wps: dict[int, float] = field(default_factory=dict)
    peak_rss_mb: dict[int, float] = field(default_factory=dict)
    machine: dict[str, str] = field(default_factory=dict)

    @property
    def ratio(self) -> float:
        """(b)/(a): the full path's speed as a share of the bare model's."""
        return self.full_wps / self.bare_wps if self.bare_wps else 0.0

    @property
    def cpu_ratio(self) -> float:
        """(b)/(a) in CPU time."""
        return self.full_cpu_wps / self.bare_cpu_wps if self.bare_cpu_wps else 0.0

    @property
    def quantulum_ratio(self) -> float | None:
        """(b)/(c): the full path's speed as a share of quantulum3's, wall time."""
        return self.full_wps / self.quantulum_wps if self.quantulum_wps else None

    @property
    def quantulum_cpu_ratio(self) -> float | None:
        """(b)/(c) in CPU time."""
        return self.full_cpu_wps / self.quantulum_cpu_wps if self.quantulum_cpu_wps else None


def word_count(text: str) -> int:
    return len(text.split())


def bench_articles(corpus: str | Path | None = None, *, min_words: int = MIN_WORDS) -> list[Article]:
    """The corpus's articles, repeated (ids suffixed ``~2``, ``~3``...) to at least ``min_words``."""
    root = Path(corpus) if corpus is not None else DEFAULT_CORPUS
    files = find_articles(root)
    base_root = (root if root.is_dir() else root.parent).absolute()  # (find_articles gives absolute paths)
    base = []
    for path in files:
        try:
            base.append(read_article(path, root=base_root))
        except NewsclaimsError:
            continue  # a bad article is not a benchmark input
    words = sum(word_count(a.text) for a in base)
    if not words:
        raise NewsclaimsError(ErrorCode.E007, "no readable articles with words", path=str(root))
    articles = list(base)
    copy = 1
    while sum(word_count(a.text) for a in articles) < min_words:
        copy += 1
        articles += [replace(a, doc_id=f"{a.doc_id}~{copy}") for a in base]
    return articles


def _seconds(run: Callable[[], None]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process) that ``run()`` took."""
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - wall, time.process_time() - cpu


def quantulum_parser() -> Callable[[str], Any] | None:
    """``quantulum3.parser.parse`` if quantulum3 is installed (the ``bench`` extra), else None."""
    import warnings

    try:
        with warnings.catch_warnings():  # "Classifier dependencies not installed": its default install
            warnings.simplefilter("ignore")
            from quantulum3 import parser
    except ImportError:
        return None
    parse: Callable[[str], Any] = parser.parse
    return parse


def measure_in_process(articles: Sequence[Article], *, model: str, repeat: int,
                       batch_size: int = DEFAULT_BATCH_SIZE, peer: bool = True) -> dict[str, float]:
    """Words/sec of the bare model, of the full path and (``peer`` and quantulum3 installed)
    of quantulum3, wall and CPU, in this process, their rounds interleaved.

    Returns:
        ``{"bare": ..., "full": ..., "bare_cpu": ..., "full_cpu": ...}``, with ``"quantulum"``,
        ``"quantulum_cpu"`` (words/s) and ``"quantulum_load"`` (seconds of its first parse,
        which builds its unit tables) when quantulum3 ran.
    """
    import spacy

    texts = [a.text for a in articles]
    words = sum(word_count(t) for t in texts)
    bare = spacy.load(model)
    extractor = Extractor(model=model)
    parse = quantulum_parser() if peer else None

    def run_bare() -> None:
        for _doc in bare.pipe(texts, batch_size=batch_size):
            pass

    def run_full() -> None:
        for record in extractor.extract_articles(articles, batch_size=batch_size):
            record.to_json()

    runs: list[tuple[str, Callable[[], None]]] = [("bare", run_bare), ("full", run_full)]
    load = None
    if parse is not None:
        def run_quantulum() -> None:
            for text in texts:
                parse(text)

        runs.append(("quantulum", run_quantulum))
        load = _seconds(lambda: parse("It rose 5% to $3 billion, 40 km away."))[0]
    warm = list(articles[:batch_size])
    list(bare.pipe([a.text for a in warm]))
    list(extractor.extract_articles(warm))
    if parse is not None:
        for article in warm:
            parse(article.text)
    best = {f"{name}{cpu}": float("inf") for name, _ in runs for cpu in ("", "_cpu")}
    for _ in range(repeat):  # interleaved, so drifting load on the machine hits all alike
        for name, run in runs:
            wall, cpu = _seconds(run)
            best[name] = min(best[name], wall)
            best[f"{name}_cpu"] = min(best[f"{name}_cpu"], cpu)
    out = {name: words / seconds for name, seconds in best.items()}
    if load is not None:
        out["quantulum_load"] = load
    return out


def measure_components(articles: Sequence[Article], *, model: str, repeat: int) -> dict[str, float]:
    """CPU seconds of each step of the full path over ``articles`` (best of ``repeat``).

    Steps: the tokenizer, each pipeline component in order (the model's, then ours),
    record building and JSON serialization. A profiler would distort this: spaCy's
    Cython code is compiled with profiling hooks, so under cProfile its per-token
    calls cost many times what they cost in a normal run.
    """
    extractor = Extractor(model=model)
    nlp = extractor.nlp
    best: dict[str, float] = {}
    for _ in range(repeat):
        steps: dict[str, float] = {}
        with nlp.memory_zone():
            cpu = time.process_time()
            docs = []
            for a in articles:
                doc = make_doc(nlp, a.text)
                doc._.reference_date = extractor._reference(a)
                docs.append(doc)
            steps["tokenizer"] = time.process_time() - cpu
            for name, proc in nlp.pipeline:
                cpu = time.process_time()
                docs = list(proc.pipe(docs, batch_size=DEFAULT_BATCH_SIZE)) if hasattr(proc, "pipe") \
                    else [proc(doc) for doc in docs]
                steps[name] = time.process_time() - cpu
            cpu = time.process_time()
            records = [extractor._record(a, [(0, doc)]) for a, doc in zip(articles, docs, strict=True)]
            steps["records"] = time.process_time() - cpu
            cpu = time.process_time()
            for record in records:
                record.to_json()
            steps["JSON"] = time.process_time() - cpu
        best = {k: min(v, best.get(k, v)) for k, v in steps.items()}
    return best


def format_components(steps: dict[str, float], *, model_steps: Sequence[str]) -> str:
    """Component times as a Markdown table, each also as a share of the bare model's time."""
    model_s = sum(v for k, v in steps.items() if k in model_steps)
    ours_s = sum(v for k, v in steps.items() if k not in model_steps)
    lines = ["| step | CPU s | % of the bare model |", "|---|---|---|"]
    lines += [f"| {k} | {v:.2f} | {100 * v / model_s:.1f} |" for k, v in steps.items()]
    lines.append(f"| bare model (tokenizer + model components) | {model_s:.2f} | 100.0 |")
    lines.append(f"| ours (newsclaims components + records + JSON) | {ours_s:.2f} "
                 f"| {100 * ours_s / model_s:.1f} |")
    lines.append(f"| implied (b)/(a) | {model_s / (model_s + ours_s):.2f} | |")
    return "\n".join(lines) + "\n"


def run_component_bench(corpus: str | Path | None = None, *, repeat: int = 3, model: str | None = None
                        ) -> str:
    """The per-step table over the benchmark input (``newsclaims bench --components``)."""
    import spacy

    model = resolve_model_name(model)
    articles = bench_articles(corpus)
    model_steps = ["tokenizer", *spacy.load(model).pipe_names]
    steps = measure_components(articles, model=model, repeat=repeat)
    return format_components(steps, model_steps=model_steps)


# -- one long article against the same text as ordinary articles (issue 17 case 11) --
LONG_ARTICLE_CHARS = 1_000_000


@dataclass
class LongArticleReport:
    """Words per CPU second of one long article and of the same texts as ordinary articles."""

    chars: int  # the long article's
    words: int
    chunks: int  # the pieces it is cut into (``Extractor.chunk_chars``)
    ordinary_articles: int
    ordinary_words: int
    repeat: int
    long_cpu_wps: float = 0.0
    ordinary_cpu_wps: float = 0.0

    @property
    def ratio(self) -> float:
        """The long article's words per CPU second as a share of the ordinary articles' (1.0:
        its cost grows linearly with its length)."""
        return self.long_cpu_wps / self.ordinary_cpu_wps if self.ordinary_cpu_wps else 0.0


def long_article_inputs(corpus: str | Path | None = None, *, chars: int = LONG_ARTICLE_CHARS
                        ) -> tuple[Article, list[Article]]:
    """One article of ``chars`` characters (the bench texts, each once, repeated, joined by blank
    lines) and the same texts as the ordinary articles it was joined from. None has a published
    date (their sidecars are left out): each infers its reference date from its own text, the
    long one from all of it, so that both do the same work."""
    base = bench_articles(corpus, min_words=1)
    base = [a for a in base if not a.doc_id.partition("~")[2]]  # (each text once)
    parts: list[Article] = []
    total = 0
    while total < chars:
        a = base[len(parts) % len(base)]
        parts.append(Article(doc_id=f"{a.doc_id}~{len(parts) // len(base) + 1}", text=a.text))
        total += len(a.text) + 2
    long = Article(doc_id="long", text="\n\n".join(a.text for a in parts)[:chars])
    return long, parts


def measure_long_article(corpus: str | Path | None = None, *, chars: int = LONG_ARTICLE_CHARS, repeat: int = 3,
                         model: str | None = None) -> LongArticleReport:
    """CPU time of one article of ``chars`` characters against the same texts as ordinary
    articles, in this process, rounds alternating; the best of ``repeat`` each. The long
    article goes the way ``run`` and ``extract`` take it (``Extractor.extract_texts``, chunk by
    chunk, its record written as JSON); the ordinary ones through ``extract_articles`` and
    ``to_json``."""
    from pipeline.extractor import split_chunks

    long, ordinary = long_article_inputs(corpus, chars=chars)
    extractor = Extractor(model=model)
    report = LongArticleReport(chars=len(long.text), words=word_count(long.text),
                               chunks=len(split_chunks(long.text, max_chars=extractor.chunk_chars)),
                               ordinary_articles=len(ordinary),
                               ordinary_words=sum(word_count(a.text) for a in ordinary), repeat=repeat)

    def run_long() -> None:
        for text in extractor.extract_texts([long]):
            for _piece in text.iter_json():
                pass

    def run_ordinary() -> None:
        for record in extractor.extract_articles(ordinary):
            record.to_json()

    list(extractor.extract_articles(ordinary[:DEFAULT_BATCH_SIZE]))  # warm up
    best = {"long": float("inf"), "ordinary": float("inf")}
    for _ in range(repeat):
        for name, run in (("long", run_long), ("ordinary", run_ordinary)):
            best[name] = min(best[name], _seconds(run)[1])
    report.long_cpu_wps = report.words / best["long"]
    report.ordinary_cpu_wps = report.ordinary_words / best["ordinary"]
    return report


def format_long_article(report: LongArticleReport) -> str:
    """The long-article comparison as a Markdown table (``newsclaims bench --long-article``)."""
    chunks = f"{report.chunks} chunk{'s' if report.chunks > 1 else ''}"
    lines = [
        f"One article of {report.chars:,} characters ({report.words:,} words, {chunks}) against "
        f"the same texts as {report.ordinary_articles:,} ordinary articles ({report.ordinary_words:,} words); "
        f"best of {report.repeat}",
        "",
        "| input | words per CPU second |",
        "|---|---|",
        f"| one long article | {report.long_cpu_wps:,.0f} |",
        f"| the same texts as ordinary articles | {report.ordinary_cpu_wps:,.0f} |",
        f"| long / ordinary (1.0: linear in length) | {report.ratio:.2f} |",
    ]
    return "\n".join(lines) + "\n"


# -- worker pools (spawned: each worker holds only what a run's worker holds) --
_POOL_EXTRACTOR: Extractor | None = None


def _init_bench_worker(model: str, barrier: Any) -> None:
    global _POOL_EXTRACTOR
    _POOL_EXTRACTOR = Extractor(model=model)
    barrier.wait()


def _bench_chunk(articles: list[Article]) -> tuple[float, float]:
    """Extract and serialize a chunk; return (CPU seconds, this worker's peak RSS in MB)."""
    assert _POOL_EXTRACTOR is not None
    cpu = time.process_time()
    for record in _POOL_EXTRACTOR.extract_articles(articles):
        record.to_json()
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kB on Linux
    return time.process_time() - cpu, peak_kb / 1024


def measure_pool(articles: Sequence[Article], *, jobs: int, model: str, repeat: int,
                 batch_size: int = DEFAULT_BATCH_SIZE) -> tuple[float, float, float]:
    """``jobs`` spawned workers with their models loaded, fed chunks as ``newsclaims run`` does.

    Returns:
        (words/sec wall, words per CPU second of one worker, max peak RSS per worker in MB),
        of the pass with the best wall time.
    """
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(jobs + 1)
    chunks = chunk_paths(articles, jobs=jobs, batch_size=batch_size)
    words = sum(word_count(a.text) for a in articles)
    peak, passes = 0.0, []
    with ctx.Pool(jobs, initializer=_init_bench_worker, initargs=(model, barrier)) as pool:
        barrier.wait(timeout=300)  # every worker has loaded its model
        for _ in range(repeat):
            cpu = 0.0

            def run() -> None:
                nonlocal peak, cpu
                for chunk_cpu, rss in pool.imap_unordered(_bench_chunk, chunks):
                    cpu, peak = cpu + chunk_cpu, max(peak, rss)

            passes.append((_seconds(run)[0], cpu))
    wall, cpu = min(passes)
    return words / wall, words / cpu, peak


def measure_cold_start(*, model: str, repeat: int, bare: bool = False) -> tuple[float, float]:
    """Seconds to import and load the model in a fresh interpreter, and to the first record of
    a short article (best of ``repeat`` each). ``bare``: spaCy's own (import + ``spacy.load``;
    both figures the same).

    The interpreters compile to a bytecode cache of their own (``PYTHONPYCACHEPREFIX``, warmed
    by one untimed run), as an installed package has one: with ``PYTHONDONTWRITEBYTECODE`` set,
    as on some CI machines, every start would compile newsclaims' modules from source again.
    """
    import tempfile

    code = (_BARE_COLD_START if bare else _COLD_START).format(model=model)
    with tempfile.TemporaryDirectory() as cache:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = cache

        def start() -> tuple[float, float]:
            out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
            loaded, first = out.stdout.split()
            return float(loaded), float(first)

        start()
        times = [start() for _ in range(repeat)]
    return min(t[0] for t in times), min(t[1] for t in times)


def unique_articles(articles: Sequence[Article], n: int) -> list[Article]:
    """``n`` articles cycled from ``articles``, each given a sentence of words no other has.

    New names and numbers in every article are what a long real corpus looks like
    to spaCy's string store; repeating the same texts would hide its growth.
    """
    out = []
    for i in range(n):
        base = articles[i % len(articles)]
        tag = f"{i:06d}"
        extra = (f"\n\nOfficials at Qx{tag}vore Holdings, Zyl{tag}an Partners and Mor{tag}ek Bank said "
                 f"Brin{tag}ova and Tal{tag}ski sold {i + 1001:,} units for ${i + 7.25:.2f} in Vel{tag}burg.")
        out.append(replace(base, doc_id=f"{base.doc_id}~u{i}", text=base.text + extra))
    return out


def _memory_trace_worker(articles: list[Article], model: str, zones: bool, every: int
                         ) -> list[tuple[int, float, int]]:
    import psutil

    extractor = Extractor(model=model)
    if not zones:  # the pipeline as it was before memory zones, for comparison only
        extractor.nlp.memory_zone = nullcontext  # type: ignore[method-assign,assignment]
    process = psutil.Process()
    trace = []
    for n, record in enumerate(extractor.extract_articles(articles), 1):
        record.to_json()
        if n % every == 0 or n == len(articles):
            trace.append((n, process.memory_info().rss / 2**20, len(extractor.nlp.vocab.strings)))
    return trace


def memory_trace(articles: Sequence[Article], *, model: str, zones: bool = True, points: int = 5
                 ) -> list[tuple[int, float, int]]:
    """RSS (MB) and string-store size at ``points`` steps of one long run, in a fresh process.

    Returns:
        ``[(articles done, RSS MB, strings in the StringStore), ...]``.
    """
    ctx = multiprocessing.get_context("spawn")
    every = max(1, len(articles) // points)
    with ctx.Pool(1) as pool:
        return pool.apply(_memory_trace_worker, (list(articles), model, zones, every))


def run_memory_bench(corpus: str | Path | None = None, *, articles: int, model: str | None = None
                     ) -> dict[str, list[tuple[int, float, int]]]:
    """Memory traces of one run over ``articles`` unique articles, with and without memory zones."""
    model = resolve_model_name(model)
    inputs = unique_articles(bench_articles(corpus, min_words=1), articles)
    return {label: memory_trace(inputs, model=model, zones=zones)
            for label, zones in (("memory zones", True), ("no memory zones", False))}


def format_memory_trace(traces: dict[str, list[tuple[int, float, int]]]) -> str:
    """Traces side by side as a Markdown table."""
    names = list(traces)
    head = " | ".join(f"{name}: RSS MB / strings" for name in names)
    lines = [f"| articles | {head} |", "|---" * (len(names) + 1) + "|"]
    for rows in zip(*traces.values(), strict=True):
        cells = " | ".join(f"{rss:,.0f} / {strings:,}" for _n, rss, strings in rows)
        lines.append(f"| {rows[0][0]:,} | {cells} |")
    return "\n".join(lines) + "\n"


def _load_average() -> str:
    try:
        return "/".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "n/a"


def machine_info() -> dict[str, str]:
    """nproc, CPU model (from /proc/cpuinfo), Python, spaCy."""
    import spacy

    cpu = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    nproc = default_jobs()
    return {"nproc": str(nproc), "cpu": cpu, "python": platform.python_version(), "spacy": spacy.__version__}


def run_bench(corpus: str | Path | None = None, *, repeat: int = 3, jobs: int = 1,
              model: str | None = None, batch_size: int = DEFAULT_BATCH_SIZE) -> BenchReport:
    """Run every measurement; see the module docstring.

    Args:
        corpus: folder of articles (default ``corpus/``), repeated to >= 50,000 words.
        repeat: timed passes per measurement; the best counts.
        jobs: also measure a pool of this many workers (always: a pool of 1).
        model: the spaCy model package (default: the installed one).
        batch_size: articles per ``nlp.pipe`` batch.
    Returns:
        The :class:`BenchReport`.
    """
    model = resolve_model_name(model)
    articles = bench_articles(corpus)
    report = BenchReport(articles=len(articles), words=sum(word_count(a.text) for a in articles),
                         repeat=repeat, batch_size=batch_size, model=model, machine=machine_info())
    load_before = _load_average()
    wps = measure_in_process(articles, model=model, repeat=repeat, batch_size=batch_size)
    report.bare_wps, report.full_wps = wps["bare"], wps["full"]
    report.bare_cpu_wps, report.full_cpu_wps = wps["bare_cpu"], wps["full_cpu"]
    if "quantulum" in wps:
        report.quantulum_wps, report.quantulum_cpu_wps = wps["quantulum"], wps["quantulum_cpu"]
        report.quantulum_load_s = wps["quantulum_load"]
    for n in sorted({1, jobs}):
        report.parallel_wps[n], report.worker_cpu_wps[n], report.peak_rss_mb[n] = measure_pool(
            articles, jobs=n, model=model, repeat=repeat, batch_size=batch_size)
    report.cold_start_s, report.first_record_s = measure_cold_start(model=model, repeat=repeat)
    report.bare_cold_start_s = measure_cold_start(model=model, repeat=repeat, bare=True)[0]
    report.machine["load average"] = f"{load_before} before, {_load_average()} after"
    return report


def format_report(report: BenchReport) -> str:
    """The report as a Markdown table (what ``newsclaims bench`` prints)."""
    m = report.machine
    rows = [
        ("(a) bare spaCy (`spacy.load`, `nlp.pipe`), words/s (wall / CPU)",
         f"{report.bare_wps:,.0f} / {report.bare_cpu_wps:,.0f}", ""),
        ("(b) full path: components + records + JSON, words/s (wall / CPU)",
         f"{report.full_wps:,.0f} / {report.full_cpu_wps:,.0f}", ""),
        ("(b)/(a) (wall / CPU)", f"{report.ratio:.2f} / {report.cpu_ratio:.2f}", ">= 1.0"),
    ]
    if report.quantulum_wps and report.quantulum_cpu_wps:
        rows += [
            ("(c) quantulum3 (`quantulum3.parser.parse`, quantities only), words/s (wall / CPU)",
             f"{report.quantulum_wps:,.0f} / {report.quantulum_cpu_wps:,.0f}", ""),
            ("(b)/(c) (wall / CPU)", f"{report.quantulum_ratio:.2f} / {report.quantulum_cpu_ratio:.2f}", ">= 1.0"),
            ("(c) first parse: quantulum3 loads its units (s)", f"{report.quantulum_load_s or 0:.2f}", ""),
        ]
    else:
        rows.append(("(c) quantulum3", "not installed (`pip install 'newsclaims[bench]'`)", ""))
    base = report.parallel_wps.get(1, 0.0)
    base_cpu = report.worker_cpu_wps.get(1, 0.0)
    for n, wps in sorted(report.parallel_wps.items()):
        speedup = f" ({wps / base:.2f}x jobs 1)" if base and n > 1 else ""
        rows.append((f"(b) in a pool of {n} worker{'s' if n > 1 else ''}, words/s (wall)",
                     f"{wps:,.0f}{speedup}", ">= 1.8x" if n == 2 else ""))
    for n, cpu_wps in sorted(report.worker_cpu_wps.items()):
        vs = f" ({cpu_wps / base_cpu:.2f}x jobs 1)" if base_cpu and n > 1 else ""
        rows.append((f"(b) per worker in a pool of {n}, words per CPU second", f"{cpu_wps:,.0f}{vs}", ""))
    for n, rss in sorted(report.peak_rss_mb.items()):
        rows.append((f"peak RSS per worker, {n} job{'s' if n > 1 else ''} (MB)", f"{rss:,.0f}", "<= 400"))
    rows.append(("cold start: import + model load (s)", f"{report.cold_start_s:.2f}", "<= 2"))
    rows.append(("(a) cold start: import spaCy + `spacy.load` (s)", f"{report.bare_cold_start_s:.2f}", ""))
    rows.append(("cold start to the first record of a short article (s)", f"{report.first_record_s:.2f}", ""))
    lines = [
        f"Machine: {m.get('nproc')} cores, {m.get('cpu')}; Python {m.get('python')}, "
        f"spaCy {m.get('spacy')}, {report.model}; load average {m.get('load average')}",
        f"Input: {report.articles} articles, {report.words:,} words; batch size {report.batch_size}; "
        f"best of {report.repeat}",
        "",
        "| measure | value | target |",
        "|---|---|---|",
        *(f"| {name} | {value} | {target} |" for name, value, target in rows),
    ]
    return "\n".join(lines) + "\n"
