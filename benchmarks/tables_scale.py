"""Time and peak memory of building the resolved tables at scale (a script, not a test).

Makes a synthetic run folder by replicating the committed records of ``outputs/`` under
new doc ids (``<doc_id>--00042``) until it holds at least ``--claims`` claims, writes its
manifest, then builds the tables in a fresh child process (so its peak RSS is the build's
alone) and prints the wall and CPU seconds (CPU time is the steadier figure on a shared
machine), the rows and the child's peak RSS:

    python benchmarks/tables_scale.py [--claims 100000] [--csv] [--keep DIR]

Run it at two sizes to see whether memory grows with the corpus.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUTS = ROOT / "outputs"


def make_run(folder: Path, *, claims: int) -> tuple[int, int]:
    """Write replicated records and a manifest to ``folder``; return (articles, claims)."""
    manifest = json.loads((OUTPUTS / "manifest.json").read_text(encoding="utf-8"))
    ok = [e for e in manifest["articles"] if e["status"] == "ok"]
    records = {e["doc_id"]: json.loads((OUTPUTS / f"{e['doc_id']}.json").read_text(encoding="utf-8"))
               for e in ok}
    entries, n_claims, copy = [], 0, 0
    while n_claims < claims:
        for entry in ok:
            record = dict(records[entry["doc_id"]])
            record["doc_id"] = f"{entry['doc_id']}--{copy:05d}"
            (folder / f"{record['doc_id']}.json").write_text(json.dumps(record), encoding="utf-8")
            entries.append({**entry, "doc_id": record["doc_id"], "input": f"{record['doc_id']}.txt"})
            n_claims += len(record["claims"])
        copy += 1
    (folder / "manifest.json").write_text(json.dumps({**{k: v for k, v in manifest.items() if k != "articles"},
                                                      "articles": entries}), encoding="utf-8")
    return len(entries), n_claims


CHILD = """
import json, resource, sys, time
from pathlib import Path
from pipeline.tables import write_tables
out = Path(sys.argv[1])
usage = resource.getrusage(resource.RUSAGE_SELF)
cpu0 = usage.ru_utime + usage.ru_stime
start = time.perf_counter()
summary = write_tables(out, json.loads((out / "manifest.json").read_text()), csv=sys.argv[2] == "1")
seconds = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"seconds": seconds, "cpu_seconds": usage.ru_utime + usage.ru_stime - cpu0, "rows": summary.rows,
                  "peak_rss_mb": usage.ru_maxrss / 1024,
                  "bytes": {p.name: p.stat().st_size for p in summary.files}}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000, help="at least this many claims")
    parser.add_argument("--csv", action="store_true", help="also write the CSV tables")
    parser.add_argument("--keep", type=Path, default=None, help="build in this folder and keep it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        articles, claims = make_run(folder, claims=args.claims)
        baseline = subprocess.run([sys.executable, "-c", "import resource, pipeline.tables, duckdb;"
                                   "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)"],
                                  capture_output=True, text=True, check=True, cwd=ROOT)
        started = time.perf_counter()
        child = subprocess.run([sys.executable, "-c", CHILD, str(folder), "1" if args.csv else "0"],
                               capture_output=True, text=True, check=True, cwd=ROOT)
        wall = time.perf_counter() - started
    result = json.loads(child.stdout)
    print(f"{articles} articles, {claims} claims")
    print(f"write_tables: {result['seconds']:.2f} s wall, {result['cpu_seconds']:.2f} s CPU "
          f"(child process wall {wall:.2f} s, with imports)")
    print(f"rows: {result['rows']}")
    print(f"peak RSS: {result['peak_rss_mb']:.0f} MB (after imports alone: {float(baseline.stdout):.0f} MB)")
    print("files: " + ", ".join(f"{name} {size / 1e6:.1f} MB" for name, size in result["bytes"].items()))


if __name__ == "__main__":
    main()
