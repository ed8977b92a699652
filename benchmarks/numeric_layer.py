"""Per-article cost of the numeric layer next to the whole spaCy pass (a script, not a test).

Runs every article of a corpus folder through the pipeline component by
component, timing each, and times :func:`pipeline.normalize.scan.scan` on its
own. Prints milliseconds per article (mean over the corpus, best of N rounds):

    python benchmarks/numeric_layer.py [corpus/] [--rounds 5]

The first round warms up pint's and Babel's tables (built once per process);
best-of-N keeps the numbers steady on a shared machine.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from pathlib import Path

from pipeline.article import read_article
from pipeline.nlp import build_nlp
from pipeline.normalize.scan import scan


def measure(corpus: Path, rounds: int) -> dict[str, float]:
    """Best-of-``rounds`` total seconds per stage over the corpus, and the article count."""
    nlp = build_nlp()
    texts = [read_article(p, root=corpus).text for p in sorted(corpus.rglob("*.txt"))]
    best: dict[str, float] = defaultdict(lambda: float("inf"))
    for _ in range(rounds + 1):  # round 0 warms up
        totals: dict[str, float] = defaultdict(float)
        for text in texts:
            start = time.perf_counter()
            scan(text)
            totals["scan (lexer + grammar)"] += time.perf_counter() - start
            doc = nlp.make_doc(text)
            doc._.reference_date = {"value": None, "source": "default", "fallback": None}
            for name, proc in nlp.pipeline:
                start = time.perf_counter()
                doc = proc(doc)
                totals[name] += time.perf_counter() - start
        totals["whole pipeline"] = sum(v for k, v in totals.items() if k != "scan (lexer + grammar)")
        if _ > 0:
            for key, value in totals.items():
                best[key] = min(best[key], value)
    best["articles"] = len(texts)
    return dict(best)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default="corpus")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    result = measure(Path(args.corpus), args.rounds)
    n = result.pop("articles")
    whole = result["whole pipeline"]
    print(f"{int(n)} articles, best of {args.rounds} rounds; ms per article (share of the whole pipeline)")
    for name, seconds in sorted(result.items(), key=lambda kv: -kv[1]):
        print(f"  {name:28s} {1000 * seconds / n:8.2f} ms  {100 * seconds / whole:5.1f}%")


if __name__ == "__main__":
    main()
