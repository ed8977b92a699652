"""The HTML pages as text: escaping, one highlight per mention, claim rows, index rows."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path
from typing import Any

import pytest
from render_fixture import assert_article_page, scan_page

from pipeline.cli import main
from pipeline.errors import NewsclaimsError
from pipeline.record import ArticleRecord
from pipeline.render import load_record, page_name, render_article, render_index, write_html


def manifest_for(*records: ArticleRecord, failed: tuple[str, ...] = ()) -> dict[str, Any]:
    articles: list[dict[str, Any]] = [
        {"doc_id": r.doc_id, "input": f"{r.doc_id}.txt", "status": "ok", "error": None} for r in records]
    articles += [{"doc_id": d, "input": f"{d}.txt", "status": "failed",
                  "error": {"code": "E002", "message": f"{d}.txt: E002: binary content (NUL bytes); refused"}}
                 for d in failed]
    return {"pipeline_version": "0.1.0", "articles": articles}


# -- article page ---------------------------------------------------------------
def test_every_mention_highlighted_once_and_one_row_per_claim(record: ArticleRecord) -> None:
    assert_article_page(scan_page(render_article(record)), record)


def test_script_in_article_text_is_shown_as_text(record: ArticleRecord) -> None:
    html = render_article(record)
    assert "<script>alert(" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; counting." in html
    assert "<b>revenue</b>" not in html and "&lt;b&gt;revenue&lt;/b&gt;" in html  # the title too
    assert "<script>alert('x')</script>" in scan_page(html).article_text


def test_crossing_mention_is_one_head_and_a_part(record: ArticleRecord) -> None:
    page = scan_page(render_article(record))
    heads = [a["data-mention-id"] for a in page.with_attr("data-mention-id")]
    assert heads.count("e3") == 1
    parts = page.with_attr("data-mention-part")
    assert [a["data-mention-part"] for a in parts] == ["e3"]
    assert "tabindex" not in parts[0] and "id" not in parts[0]


def test_highlights_are_focusable_and_carry_their_value(record: ArticleRecord) -> None:
    heads = {a["data-mention-id"]: a for a in scan_page(render_article(record)).with_attr("data-mention-id")}
    assert all(a["tabindex"] == "0" for a in heads.values())
    assert heads["m1"]["data-tip"] == "Money · 1e13 CNY, lower bound"
    assert heads["d2"]["data-tip"] == "Date · 2025-01-01 → 2025-11-30"
    assert heads["e1"]["class"].split()[:3] == ["m", "k-entity", "l-ORG"]


def test_claim_rows_point_at_their_sentence(record: ArticleRecord) -> None:
    page = scan_page(render_article(record))
    sentences = {a["id"] for a in page.with_attr("data-sentence", "span") if "id" in a}
    links = [a["href"] for a in page.tags("a") if "goto" in a.get("class", "")]
    assert links == [f"#s{c.sentence}" for c in record.claims]
    assert {link[1:] for link in links} <= sentences
    rows = page.with_attr("data-claim-id", "tr")
    assert [r["data-values"] for r in rows] == ["m1 d1", "p1 d2"]


def test_entity_groups_with_counts(record: ArticleRecord) -> None:
    html = render_article(record)
    section = html[html.index('id="entities"'):html.index('id="mentions"')]
    assert re.search(r"<td>Beijing</td>.*?<td class=\"num\">2</td>", section, re.S)


def test_metadata_reference_date_and_legend(record: ArticleRecord) -> None:
    html = render_article(record)
    assert "Reference date <b>2025-12-22</b> (metadata)" in html
    for name in ("Money", "Date", "Percentage", "Ordinal", "Quantity", "Entity GPE", "Entity ORG"):
        assert f">{name}</span>" in html


def test_record_without_mentions_or_claims(record: ArticleRecord) -> None:
    bare = record.model_copy(update={"entities": [], "entity_groups": [], "money": [], "dates": [],
                                     "percentages": [], "ordinals": [], "quantities": [], "claims": []})
    html = render_article(bare)
    assert_article_page(scan_page(html), bare)
    assert "No claims were found" in html


def test_rendering_is_deterministic(record: ArticleRecord) -> None:
    assert render_article(record) == render_article(record)


# -- self-contained ---------------------------------------------------------------
def _csp_sources(html: str) -> dict[str, str]:
    metas = [a for a in scan_page(html).tags("meta") if a.get("http-equiv") == "Content-Security-Policy"]
    assert len(metas) == 1, "the page declares a Content-Security-Policy"
    return dict(d.strip().split(" ", 1) for d in metas[0]["content"].split(";") if d.strip())


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


@pytest.mark.parametrize("which", ["article", "index"])
def test_pages_load_nothing_from_outside(record: ArticleRecord, which: str) -> None:
    html = render_article(record) if which == "article" else render_index(manifest_for(record),
                                                                          {record.doc_id: record})
    assert not re.search(r"\bsrc\s*=", html), "no src attributes at all"
    assert "<link" not in html and "@import" not in html and "url(" not in html
    page = scan_page(html)
    for a in page.tags("a"):  # links are navigation, never fetched; only the article's source leaves
        href = a.get("href", "")
        assert href.startswith("#") or href.endswith(".html") or "noreferrer" in a.get("rel", "")
    csp = _csp_sources(html)
    assert csp["default-src"] == "'none'"
    style = re.search(r"<style>(.*?)</style>", html, re.S)
    script = re.search(r"<script>(.*?)</script>", html, re.S)
    assert style and script
    assert csp["style-src"] == _sha256(style.group(1))
    assert csp["script-src"] == _sha256(script.group(1))
    assert "prefers-color-scheme: dark" in style.group(1) and "@media print" in style.group(1)


# -- index --------------------------------------------------------------------------
def test_index_has_one_row_per_manifest_entry(record: ArticleRecord) -> None:
    manifest = manifest_for(record, failed=("bad", "worse"))
    html = render_index(manifest, {record.doc_id: record})
    rows = scan_page(html).with_attr("data-doc-id", "tr")
    assert [r["data-doc-id"] for r in rows] == [e["doc_id"] for e in manifest["articles"]]
    assert [r["class"] for r in rows] == ["article ok", "article failed", "article failed"]
    assert '<a href="overlap-fixture.html">Zhongguancun &lt;b&gt;revenue&lt;/b&gt; &amp; growth</a>' in html
    assert html.count('<span class="badge fail">E002</span>') == 2
    assert '<td class="num" data-sort="12">' not in html  # counts are per kind, not the total
    assert '<td class="num" data-sort="6">6</td>' in html  # six entities


# -- files and CLI --------------------------------------------------------------------
def write_run(out: Path, record: ArticleRecord, *, missing: str | None = None) -> dict[str, Any]:
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{record.doc_id}.json").write_text(record.to_json(), encoding="utf-8")
    manifest = manifest_for(record, failed=("bad",))
    if missing:
        manifest["articles"].append({"doc_id": missing, "input": f"{missing}.txt", "status": "ok",
                                     "error": None})
    (out / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return manifest


def test_write_html_writes_pages_and_index(tmp_path: Path, record: ArticleRecord) -> None:
    write_run(tmp_path, record, missing="gone")
    summary = write_html(tmp_path)
    assert summary.pages == [tmp_path / "overlap-fixture.html"]
    assert [row.doc_id for row in summary.failed] == ["gone"]  # ok in the manifest, but no record
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert len(scan_page(index).with_attr("data-doc-id", "tr")) == 3
    assert "E001" in index
    assert_article_page(scan_page(summary.pages[0].read_text(encoding="utf-8")), record)


def test_page_name_stays_in_the_folder() -> None:
    assert page_name("sub__a b") == "sub__a b.html"
    for bad in ("../x", "a/b", ".hidden", ""):
        with pytest.raises(NewsclaimsError, match="E013"):
            page_name(bad)


def test_load_record_errors(tmp_path: Path) -> None:
    with pytest.raises(NewsclaimsError, match="E001"):
        load_record(tmp_path / "nope.json")
    (tmp_path / "m.json").write_text('{"articles": []}', encoding="utf-8")
    with pytest.raises(NewsclaimsError, match="E013"):
        load_record(tmp_path / "m.json")


def test_cli_render(tmp_path: Path, record: ArticleRecord, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "r.json"
    src.write_text(record.to_json(), encoding="utf-8")
    assert main(["render", str(src), "-o", str(tmp_path / "r.html")]) == 0
    assert (tmp_path / "r.html").read_text(encoding="utf-8") == render_article(record)
    assert main(["render", str(tmp_path / "missing.json")]) == 3
    assert "E001" in capsys.readouterr().err


def test_cli_run_html(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Sales <script>rose</script> 5 percent in 2024.\n", encoding="utf-8")
    (corpus / "b.txt").write_bytes(b"A\x00B")
    out = tmp_path / "out"
    assert main(["run", str(corpus), "--out", str(out), "--html"]) == 1  # b.txt failed
    assert (out / "a.html").is_file() and not (out / "b.html").exists()
    index = scan_page((out / "index.html").read_text(encoding="utf-8"))
    assert [r["data-doc-id"] for r in index.with_attr("data-doc-id", "tr")] == ["a", "b"]
