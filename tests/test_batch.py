"""Corpus runs: parallel, resumable, deterministic; corpus JSONL files; the dask engine."""

from __future__ import annotations

import json
import multiprocessing
import os
from contextlib import contextmanager
from pathlib import Path

import pytest

import pipeline.batch as batch
from pipeline.batch import CLAIMS_JSONL, JOURNAL, MANIFEST, MENTIONS_JSONL, chunk_paths, run_corpus
from pipeline.cli import EXIT_FAILED_ARTICLES, EXIT_OK, main
from pipeline.tables import TABLE_NAMES

ARTICLES = {
    "alpha.txt": "Sales at Acme Corp rose 5 percent in 2024 to $3 billion, the company said on Monday.\n",
    "beta.txt": "Unemployment in Ireland fell to 4.3% in October from 4.5% a year earlier.\n",
    "nested/gamma.txt": "The city will spend 12 million euros on 40 new buses by the end of 2026.\n",
    "nested/delta.txt": "About 1,200 workers joined the strike, roughly a third of the plant's staff.\n",
}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    for name, text in ARTICLES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def _files(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def _manifest(out: Path) -> dict[str, dict]:
    return {e["doc_id"]: e for e in json.loads((out / MANIFEST).read_text())["articles"]}


def _inodes(out: Path) -> dict[str, int]:
    return {p.name: p.stat().st_ino for p in out.glob("*.json") if p.name != MANIFEST}


def test_chunks_are_at_most_a_batch_and_balance_the_jobs():
    paths = [f"/c/{i}.txt" for i in range(10)]
    assert [len(c) for c in chunk_paths(paths, jobs=1, batch_size=4)] == [4, 4, 2]
    assert [len(c) for c in chunk_paths(paths, jobs=2, batch_size=16)] == [2, 2, 2, 2, 2]
    assert sum(chunk_paths(paths, jobs=3, batch_size=16), []) == paths


def test_records_manifest_and_jsonl(corpus, tmp_path, extractor):
    out = tmp_path / "out"
    seen = []
    summary = run_corpus(corpus, out, extractor=extractor, progress=lambda s: seen.append(s.done))
    assert (summary.total, summary.ok, summary.failed, summary.skipped) == (4, 4, 0, 0)
    assert seen[0] == 0 and seen[-1] == 4
    manifest = json.loads((out / MANIFEST).read_text())
    assert [e["input"] for e in manifest["articles"]] == sorted(ARTICLES)
    assert manifest["pipeline_version"] and manifest["model"]
    assert _manifest(out)["nested__gamma"]["status"] == "ok"
    assert not (out / JOURNAL).exists()

    records = [json.loads((out / f"{e['doc_id']}.json").read_text()) for e in manifest["articles"]]
    mentions = [json.loads(line) for line in (out / MENTIONS_JSONL).read_text().splitlines()]
    claims = [json.loads(line) for line in (out / CLAIMS_JSONL).read_text().splitlines()]
    kinds = ("entities", "quantities", "percentages", "money", "dates", "ordinals")
    assert len(mentions) == sum(len(r[k]) for r in records for k in kinds) > 0
    assert len(claims) == sum(len(r["claims"]) for r in records) > 0
    for entry in manifest["articles"]:  # the counts in the manifest are the record's
        record = json.loads((out / f"{entry['doc_id']}.json").read_text())
        assert entry["counts"] == {k: len(record[k]) for k in (*kinds, "claims")}
    assert list(mentions[0])[:3] == ["doc_id", "kind", "id"]
    assert {c["kind"] for c in claims} == {"claims"}
    keys = [(m["doc_id"], m["id"][0], int(m["id"][1:])) for m in mentions]
    assert keys == sorted(keys)
    alpha = [m for m in mentions if m["doc_id"] == "alpha" and m["kind"] == "percentages"]
    assert alpha[0]["value"] == 5.0 and alpha[0]["text"] == "5 percent"


def test_jobs_1_and_jobs_2_and_reruns_are_byte_identical(corpus, tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    assert main(["run", str(corpus), "--out", str(one), "--jobs", "1"]) == EXIT_OK
    assert main(["run", str(corpus), "--out", str(two), "--jobs", "2", "--batch-size", "1"]) == EXIT_OK
    assert _files(one) == _files(two)
    assert {f"{t}.parquet" for t in TABLE_NAMES} <= set(_files(one))  # the tables too
    first = _files(one)
    assert main(["run", str(corpus), "--out", str(one), "--jobs", "2", "--force"]) == EXIT_OK
    assert _files(one) == first


def test_a_corrupt_article_fails_alone(corpus, tmp_path, capsys):
    (corpus / "nested" / "broken.txt").write_bytes(b"\x00\x01\x02 not text")
    out = tmp_path / "out"
    assert main(["run", str(corpus), "--out", str(out), "--jobs", "1"]) == EXIT_FAILED_ARTICLES
    entries = _manifest(out)
    broken = entries["nested__broken"]
    assert broken["status"] == "failed" and broken["error"]["code"] == "E002"
    assert broken["error"]["message"].startswith("nested/broken.txt: E002")  # relative: portable
    assert broken["counts"] is None and len(broken["input_sha256"]) == 64
    assert all(entries[d]["status"] == "ok" for d in ("alpha", "beta", "nested__gamma", "nested__delta"))
    assert not (out / "nested__broken.json").exists()
    assert "nested__broken" not in (out / MENTIONS_JSONL).read_text()
    err = capsys.readouterr().err
    assert "failed: nested/broken.txt" in err and "4 ok, 1 failed" in err
    # A rerun retries the failed article and reuses the others.
    assert main(["run", str(corpus), "--out", str(out), "--jobs", "1"]) == EXIT_FAILED_ARTICLES
    assert "0 ok, 1 failed, 4 skipped" in capsys.readouterr().err


def test_an_article_that_breaks_the_pipeline_fails_alone(corpus, tmp_path, extractor, monkeypatch):
    real = type(extractor)._build

    def build(self, article, pieces):
        if article.doc_id == "beta":
            raise RuntimeError("boom")
        return real(self, article, pieces)

    monkeypatch.setattr(type(extractor), "_build", build)
    out = tmp_path / "out"
    summary = run_corpus(corpus, out, extractor=extractor)
    assert (summary.ok, summary.failed) == (3, 1)
    beta = _manifest(out)["beta"]
    assert beta["error"] == {"code": "E010", "message": "beta.txt: E010: RuntimeError: boom"}


def _killed_run(corpus: Path, out: Path, extractor, records_before_kill: int) -> None:
    """Child process: a run that dies (no cleanup, no manifest) before writing record N+1."""
    real = batch.open_atomic
    written = []

    @contextmanager
    def open_atomic(path, **kwargs):
        if len(written) == records_before_kill:
            os._exit(137)
        with real(path, **kwargs) as fh:
            yield fh
        written.append(path)

    batch.open_atomic = open_atomic
    run_corpus(corpus, out, extractor=extractor, batch_size=1)


def test_a_killed_run_resumes_where_it_stopped(corpus, tmp_path, extractor, monkeypatch):
    out = tmp_path / "out"
    child = multiprocessing.get_context("fork").Process(target=_killed_run, args=(corpus, out, extractor, 2))
    child.start()
    child.join(120)
    assert child.exitcode == 137
    assert not (out / MANIFEST).exists() and (out / JOURNAL).exists()
    done_before = _inodes(out)
    assert sorted(done_before) == ["alpha.json", "beta.json"]

    processed: list[str] = []
    real = batch.process_chunk

    def spy(paths, settings, ex, **kwargs):
        processed.extend(Path(p).relative_to(corpus.resolve()).as_posix() for p in paths)
        return real(paths, settings, ex, **kwargs)

    monkeypatch.setattr(batch, "process_chunk", spy)
    summary = run_corpus(corpus, out, extractor=extractor, batch_size=1)
    assert (summary.ok, summary.skipped, summary.failed) == (2, 2, 0)
    assert sorted(processed) == ["nested/delta.txt", "nested/gamma.txt"]
    assert {k: v for k, v in _inodes(out).items() if k in done_before} == done_before  # not rewritten
    assert all(e["status"] == "ok" for e in _manifest(out).values())
    assert not (out / JOURNAL).exists()

    # Complete: the same records, manifest and JSONL files as a run that never stopped.
    fresh = tmp_path / "fresh"
    run_corpus(corpus, fresh, extractor=extractor)
    assert _files(out) == _files(fresh)


def test_force_and_changed_inputs_reprocess(corpus, tmp_path, extractor):
    out = tmp_path / "out"
    run_corpus(corpus, out, extractor=extractor)
    first, inodes = _files(out), _inodes(out)

    mtimes = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    summary = run_corpus(corpus, out, extractor=extractor)
    assert (summary.ok, summary.skipped) == (0, 4)
    assert _inodes(out) == inodes
    assert _files(out) == first  # a resumed run changes no byte (issue 17, case 7) ...
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == mtimes  # ... and touches no file
    assert "skipped" not in (out / MANIFEST).read_text()

    (corpus / "beta.txt").write_text("Unemployment fell to 4.1% in November.\n", encoding="utf-8")
    summary = run_corpus(corpus, out, extractor=extractor)
    assert (summary.ok, summary.skipped) == (1, 3)
    assert _inodes(out)["beta.json"] != inodes["beta.json"]
    assert {k: v for k, v in _inodes(out).items() if k != "beta.json"} == {
        k: v for k, v in inodes.items() if k != "beta.json"}

    summary = run_corpus(corpus, out, extractor=extractor, force=True)
    assert (summary.ok, summary.skipped) == (4, 0)
    assert all(_inodes(out)[name] != ino for name, ino in inodes.items())
    after = _files(out)
    assert after.pop("beta.json") != first.pop("beta.json")
    assert after.pop(MANIFEST) != first.pop(MANIFEST)  # beta's sha256 and counts
    assert after.pop(MENTIONS_JSONL) != first.pop(MENTIONS_JSONL)
    for name in (CLAIMS_JSONL, *(f"{t}.parquet" for t in TABLE_NAMES)):
        after.pop(name), first.pop(name)
    assert after == first


def test_another_reference_date_is_not_reused(corpus, tmp_path, extractor):
    out = tmp_path / "out"
    run_corpus(corpus, out, extractor=extractor)
    summary = run_corpus(corpus, out, reference_date="2020-01-01", jobs=1)
    assert (summary.ok, summary.skipped) == (4, 0)
    assert json.loads((out / MANIFEST).read_text())["reference_date"] == "2020-01-01"


def test_dask_local_cluster_matches_the_local_run(corpus, tmp_path, extractor):
    pytest.importorskip("distributed")
    local, dask = tmp_path / "local", tmp_path / "dask"
    (corpus / "broken.txt").write_bytes(b"\x00binary")
    run_corpus(corpus, local, extractor=extractor)
    summary = run_corpus(corpus, dask, engine="dask", jobs=2, batch_size=1)
    assert (summary.ok, summary.failed) == (4, 1)
    assert _files(dask) == _files(local)


def test_bench_input_is_the_corpus_repeated_to_the_word_count(corpus):
    from pipeline.bench import bench_articles, unique_articles, word_count

    articles = bench_articles(corpus, min_words=100)
    assert sum(word_count(a.text) for a in articles) >= 100
    assert len({a.doc_id for a in articles}) == len(articles)
    assert articles[4].text == articles[0].text and articles[4].doc_id == "alpha~2"
    unique = unique_articles(articles[:2], 3)
    assert [a.doc_id for a in unique] == ["alpha~u0", "beta~u1", "alpha~u2"]
    assert "Qx000002vore" in unique[2].text


def test_bench_reads_a_corpus_given_by_a_relative_path(corpus, monkeypatch):
    """`newsclaims bench` with its default `corpus/` (a relative path) once failed with a
    ValueError: the articles are found by absolute path."""
    from pipeline.bench import bench_articles

    monkeypatch.chdir(corpus.parent)
    articles = bench_articles(corpus.name, min_words=10)
    assert articles and articles[0].doc_id == "alpha"


def test_bench_long_article_joins_the_texts_and_prints_both_rates(corpus, capsys):
    """`newsclaims bench --long-article CHARS`: one article from the bench texts against the
    same texts as ordinary articles (rows only: the timings are the machine's)."""
    from pipeline.bench import bench_articles, long_article_inputs

    (corpus / "alpha.meta.json").write_text('{"published": "2024-05-06"}', encoding="utf-8")
    assert bench_articles(corpus)[0].metadata.published == "2024-05-06"
    long, ordinary = long_article_inputs(corpus, chars=500)
    # (no sidecar dates: each infers its reference date, the long article from its whole text)
    assert long.metadata.published is None and all(a.metadata.published is None for a in ordinary)
    assert len(long.text) == 500 and long.text.startswith(ordinary[0].text + "\n\n")
    assert len(ordinary) == 7 and ordinary[4].text == ordinary[0].text
    assert len({a.doc_id for a in ordinary}) == 7
    assert main(["bench", str(corpus), "--long-article", "500", "--repeat", "1"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "One article of 500 characters" in out and "7 ordinary articles" in out
    rows = [line for line in out.splitlines() if line.startswith("| ")]
    assert [r.split(" | ")[0] for r in rows[1:]] == [
        "| one long article", "| the same texts as ordinary articles", "| long / ordinary (1.0: linear in length)"]
    assert float(rows[-1].split(" | ")[1].strip(" |")) > 0


def test_bench_report_table():
    from pipeline.bench import BenchReport, format_report

    report = BenchReport(articles=10, words=50_000, repeat=3, batch_size=16, model="m", bare_wps=1000,
                         full_wps=800, bare_cpu_wps=1000, full_cpu_wps=900, cold_start_s=1.5,
                         first_record_s=1.9, bare_cold_start_s=1.25, parallel_wps={1: 800, 2: 1400},
                         worker_cpu_wps={1: 900, 2: 890},
                         peak_rss_mb={1: 350, 2: 351},
                         machine={"nproc": "2", "cpu": "X"})
    table = format_report(report)
    assert "| (b)/(a) (wall / CPU) | 0.80 / 0.90 | >= 1.0 |" in table
    assert "1,400 (1.75x jobs 1)" in table and "890 (0.99x jobs 1)" in table
    assert "| cold start: import + model load (s) | 1.50 | <= 2 |" in table
    assert "| (a) cold start: import spaCy + `spacy.load` (s) | 1.25 |  |" in table
    assert "| cold start to the first record of a short article (s) | 1.90 |  |" in table
    assert "| (c) quantulum3 | not installed" in table
    report.quantulum_wps, report.quantulum_cpu_wps, report.quantulum_load_s = 1600, 1800, 4.0
    table = format_report(report)
    assert "| (b)/(c) (wall / CPU) | 0.50 / 0.50 | >= 1.0 |" in table
    assert "| (c) first parse: quantulum3 loads its units (s) | 4.00 |  |" in table


def test_component_table_sums_the_model_and_our_steps():
    from pipeline.bench import format_components

    steps = {"tokenizer": 1.0, "ner": 3.0, "newsclaims_dates": 0.5, "records": 0.3, "JSON": 0.2}
    table = format_components(steps, model_steps=["tokenizer", "ner"])
    assert "| newsclaims_dates | 0.50 | 12.5 |" in table
    assert "| ours (newsclaims components + records + JSON) | 1.00 | 25.0 |" in table
    assert "| implied (b)/(a) | 0.80 | |" in table


@pytest.mark.parametrize("damage", [
    pytest.param(lambda b: b[: len(b) // 2], id="truncated"),
    pytest.param(lambda b: b"", id="emptied"),
    pytest.param(lambda b: b'{"doc_id": "beta"}', id="not-a-record"),
    pytest.param(lambda b: b.replace(b'"doc_id": "beta"', b'"doc_id": "alpha"'), id="another-doc-id"),
])
def test_a_damaged_record_is_processed_again_with_a_warning(corpus, tmp_path, capsys, damage):
    """Issue 17, case 2: one damaged OUT/<doc>.json no longer breaks every resume."""
    out = tmp_path / "out"
    assert main(["run", str(corpus), "--out", str(out), "--jobs", "1"]) == EXIT_OK
    clean = _files(out)
    (out / "beta.json").write_bytes(damage(clean["beta.json"]))
    capsys.readouterr()
    assert main(["run", str(corpus), "--out", str(out), "--jobs", "1"]) == EXIT_OK
    err = capsys.readouterr().err
    assert f"warning: {out / 'beta.json'}: W001: " in err and "processing beta.txt again" in err
    assert "1 ok, 0 failed, 3 skipped" in err
    assert _files(out) == clean


def test_an_edited_sidecar_is_processed_again(corpus, tmp_path, extractor):
    """Issue 17, case 4: the resume fingerprint covers the .meta.json sidecar (added, edited, removed)."""
    out = tmp_path / "out"
    sidecar = corpus / "beta.meta.json"

    def published() -> str | None:
        return json.loads((out / "beta.json").read_text())["metadata"]["published"]

    run_corpus(corpus, out, extractor=extractor)
    assert published() is None and _manifest(out)["beta"]["sidecar_sha256"] is None
    steps = [('{"published": "2025-11-03", "title": "Jobs"}', "2025-11-03"),
             ('{"published": "2025-12-01", "title": "Jobs"}', "2025-12-01"),
             (None, None)]
    for content, expected in steps:
        if content is None:
            sidecar.unlink()
        else:
            sidecar.write_text(content, encoding="utf-8")
        summary = run_corpus(corpus, out, extractor=extractor)
        assert (summary.ok, summary.skipped) == (1, 3) and published() == expected
    summary = run_corpus(corpus, out, extractor=extractor)
    assert (summary.ok, summary.skipped) == (0, 4)
