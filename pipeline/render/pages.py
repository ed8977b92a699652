"""Records -> self-contained HTML pages (one per article, one index per corpus run).

Each page is one file: inline CSS and a little vanilla JS, no network requests.
A Content-Security-Policy in the page allows only its own hashed style and
script and ``data:`` images, so a browser refuses any other load or script even
if some text slipped through escaping. Templates live in ``templates/``;
Jinja2 escapes every value.

Library code: returns strings and paths, never prints.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
from markupsafe import Markup
from pydantic import ValidationError

from pipeline.errors import ErrorCode, NewsclaimsError
from pipeline.record import ArticleRecord, Entity, Mention
from pipeline.render.layout import LAYER_SENTENCE, Node, Span, layout, pieces, sentence_regions
from pipeline.render.values import KIND_OF_FIELD, describe
from pipeline.version import __version__

INDEX = "index.html"
MANIFEST = "manifest.json"  # written by pipeline.batch

# Nesting order at equal spans: entities outside, then the numeric kinds (most
# specific innermost, so its tooltip wins on hover).
_KIND_RANK = {"entity": 0, "quantity": 1, "money": 2, "percentage": 3, "date": 4, "ordinal": 5}
_KIND_NAME = {"entity": "Entity", "quantity": "Quantity", "percentage": "Percentage", "money": "Money",
              "date": "Date", "ordinal": "Ordinal"}
# Entity labels with their own colour in style.css; others share the entity colour.
_COLOURED_LABELS = frozenset({"ORG", "GPE", "PERSON", "LOC", "NORP", "FAC", "EVENT", "PRODUCT",
                              "WORK_OF_ART", "LAW", "LANGUAGE"})
COUNT_FIELDS = ("entities", "quantities", "percentages", "money", "dates", "ordinals", "claims")


@dataclass(frozen=True)
class MentionView:
    """What the templates need of one mention."""

    id: str
    kind: str
    text: str
    detail: str  # the normalized value, e.g. "1e13 CNY, lower bound"
    tip: str  # kind and detail: "Money · 1e13 CNY, lower bound"
    sentence: int
    classes: str
    label: str | None = None


@dataclass
class IndexRow:
    """One article's row in the corpus index."""

    doc_id: str
    input: str | None
    status: str
    title: str
    date: str | None = None
    date_note: str | None = None  # where the date comes from when it is not the published date
    href: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    error: dict[str, Any] | None = None


@dataclass
class HtmlSummary:
    """What :func:`write_html` wrote."""

    index: Path
    pages: list[Path] = field(default_factory=list)
    failed: list[IndexRow] = field(default_factory=list)  # ok in the manifest, but no page


# -- environment and assets -------------------------------------------------
@lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("pipeline.render", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@lru_cache(maxsize=8)
def _asset(name: str) -> tuple[Markup, str]:
    """A static CSS/JS file (trusted, ours) and its CSP hash source."""
    text = (files("pipeline.render") / "templates" / name).read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return Markup(text), f"'sha256-{digest}'"


def _page_assets(script: str) -> dict[str, Any]:
    css, css_hash = _asset("style.css")
    js, js_hash = _asset(script)
    csp = (f"default-src 'none'; style-src {css_hash}; script-src {js_hash}; img-src data:; "
           "base-uri 'none'; form-action 'none'")
    return {"css": css, "js": js, "csp": csp, "version": __version__}


# -- article page -------------------------------------------------------------
def _classes(kind: str, label: str | None = None) -> str:
    """CSS classes of a highlight: ``m k-<kind>`` and, for entities, ``l-<label>``."""
    classes = f"m k-{kind}"
    if label:
        classes += f" l-{label}" if label in _COLOURED_LABELS else " l-other"
    return classes


def _mention_views(record: ArticleRecord) -> dict[str, MentionView]:
    views: dict[str, MentionView] = {}
    for field_name, kind in KIND_OF_FIELD.items():
        for mention in getattr(record, field_name):
            label = mention.label if isinstance(mention, Entity) else None
            detail = describe(mention)
            views[mention.id] = MentionView(
                id=mention.id, kind=kind, text=mention.text, detail=detail,
                tip=f"{_KIND_NAME[kind]} · {detail}", sentence=mention.sentence,
                classes=_classes(kind, label), label=label)
    return views


def _all_mentions(record: ArticleRecord) -> list[tuple[str, Mention]]:
    return [(KIND_OF_FIELD[f], m) for f in KIND_OF_FIELD for m in getattr(record, f)]


def _layout_text(record: ArticleRecord) -> tuple[Node, dict[int, tuple[int, int]]]:
    mentions = _all_mentions(record)
    regions = sentence_regions(record.text, [(m.sentence, m.start, m.end) for _, m in mentions])
    spans = [Span(lo, hi, key=f"s{index}", layer=LAYER_SENTENCE) for index, (lo, hi) in regions.items()]
    spans += [Span(m.start, m.end, key=m.id, rank=_KIND_RANK[kind]) for kind, m in mentions]
    return layout(record.text, spans), regions


def _legend(views: Iterable[MentionView]) -> list[dict[str, Any]]:
    counts: dict[tuple[str, str | None], list[Any]] = {}
    for v in views:
        key = (v.kind, v.label)
        if key not in counts:
            name = f"{_KIND_NAME[v.kind]} {v.label}" if v.label else _KIND_NAME[v.kind]
            counts[key] = [v.classes, name, 0]
        counts[key][2] += 1
    order = sorted(counts, key=lambda k: (_KIND_RANK[k[0]], k[1] or ""))
    return [{"classes": counts[k][0], "name": counts[k][1], "count": counts[k][2]} for k in order]


def render_article(record: ArticleRecord, *, index_href: str | None = None) -> str:
    """One article's page: highlighted text, legend, claims, entity groups, metadata.

    Args:
        record: the article's record.
        index_href: link target of the corpus index (omitted when None).
    Returns:
        The HTML document.
    """
    views = _mention_views(record)
    root, regions = _layout_text(record)

    def view(mention_id: str | None) -> MentionView | None:
        return views.get(mention_id) if mention_id else None

    claims = [{
        "claim": c,
        "values": [views[v] for v in c.values if v in views],
        "missing": [v for v in c.values if v not in views],
        "time": view(c.time),
        "subject_entity": view(c.subject_entity),
        "target": f"s{c.sentence}" if c.sentence in regions else
                  (f"m-{c.values[0]}" if c.values[0] in views else "article"),
    } for c in record.claims]
    groups = [{"group": g, "classes": _classes("entity", g.label),
               "mentions": [views[m] for m in g.mentions if m in views]} for g in record.entity_groups]
    ordered = [views[m.id] for m in record.mentions()]
    return _env().get_template("article.html.j2").render(
        record=record, title=record.metadata.title or record.doc_id, views=views,
        pieces=pieces(record.text, root), legend=_legend(ordered), mentions=ordered,
        claims=claims, groups=groups, index_href=index_href, **_page_assets("article.js"))


# -- corpus index -------------------------------------------------------------
def _index_row(entry: Mapping[str, Any], record: ArticleRecord | None) -> IndexRow:
    doc_id = str(entry.get("doc_id"))
    row = IndexRow(doc_id=doc_id, input=entry.get("input"), status=str(entry.get("status", "ok")),
                   title=doc_id, error=entry.get("error"), counts=dict(entry.get("counts") or {}))
    if record is not None:
        row.title = record.metadata.title or doc_id
        row.date = record.metadata.published or record.reference_date.value
        if not record.metadata.published and row.date:
            row.date_note = f"reference date, {record.reference_date.source}"
        row.href = quote(page_name(doc_id))
        row.counts = {k: len(getattr(record, k)) for k in COUNT_FIELDS}
    return row


def _render_index_rows(rows: list[IndexRow], *, pipeline_version: str | None) -> str:
    return _env().get_template("index.html.j2").render(
        rows=rows, kinds=COUNT_FIELDS, pipeline_version=pipeline_version,
        ok=sum(r.status == "ok" for r in rows), failed=sum(r.status != "ok" for r in rows),
        **_page_assets("index.js"))


def render_index(manifest: Mapping[str, Any], records: Mapping[str, ArticleRecord]) -> str:
    """The corpus index: one row per manifest entry, linking the article pages.

    Args:
        manifest: the run's ``manifest.json`` content.
        records: the records of the articles that succeeded, by ``doc_id``.
    Returns:
        The HTML document.
    """
    rows = [_index_row(e, records.get(str(e.get("doc_id")))) for e in manifest.get("articles", [])]
    return _render_index_rows(rows, pipeline_version=manifest.get("pipeline_version"))


# -- files --------------------------------------------------------------------
def page_name(doc_id: str) -> str:
    """The file name of an article's page; refuses ids that would leave the folder."""
    if not doc_id or "/" in doc_id or "\\" in doc_id or doc_id.startswith("."):
        raise NewsclaimsError(ErrorCode.E013, f"doc_id {doc_id!r} cannot be a file name", field="doc_id")
    return f"{doc_id}.html"


def load_record(path: str | Path) -> ArticleRecord:
    """Read and validate one record JSON file (E001 missing, E013 not a record)."""
    p = Path(path)
    if not p.is_file():
        raise NewsclaimsError(ErrorCode.E001, "no such file", path=str(p))
    try:
        return ArticleRecord.model_validate_json(p.read_bytes())
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(x) for x in first.get("loc", ())) or None
        raise NewsclaimsError(ErrorCode.E013, f"not an article record: {first.get('msg', exc)}",
                              path=str(p), field=where) from None


def load_manifest(out_dir: str | Path) -> dict[str, Any]:
    """Read ``OUT/manifest.json`` (E001 missing, E013 unreadable)."""
    path = Path(out_dir) / MANIFEST
    if not path.is_file():
        raise NewsclaimsError(ErrorCode.E001, "no manifest.json (run `newsclaims run` first)", path=str(path))
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise NewsclaimsError(ErrorCode.E013, f"invalid JSON: {exc}", path=str(path)) from None
    if not isinstance(data, dict) or not isinstance(data.get("articles"), list):
        raise NewsclaimsError(ErrorCode.E013, "expected an object with an 'articles' list", path=str(path))
    return data


def _record_for(out: Path, doc_id: str, records: Mapping[str, ArticleRecord] | None) -> ArticleRecord:
    if records is None:
        return load_record(out / f"{doc_id}.json")
    if doc_id not in records:
        raise NewsclaimsError(ErrorCode.E013, "no record for this article", field="doc_id")
    return records[doc_id]


def write_html(out_dir: str | Path, *, manifest: Mapping[str, Any] | None = None,
               records: Mapping[str, ArticleRecord] | None = None) -> HtmlSummary:
    """Write ``OUT/<doc_id>.html`` for every ok article and ``OUT/index.html``.

    Args:
        out_dir: the run's output folder.
        manifest: the run manifest (default: read ``OUT/manifest.json``).
        records: records by ``doc_id`` (default: read ``OUT/<doc_id>.json`` one at a
            time, so a large corpus is never all in memory).
    Returns:
        An :class:`HtmlSummary`; an article whose record cannot be read or rendered
        gets a failed row in the index instead of a page (the others go on).
    """
    from pipeline.batch import write_atomic

    out = Path(out_dir)
    manifest = manifest if manifest is not None else load_manifest(out)
    summary = HtmlSummary(index=out / INDEX)
    rows: list[IndexRow] = []
    for entry in manifest.get("articles", []):
        record = None
        if entry.get("status", "ok") == "ok":
            doc_id = str(entry.get("doc_id"))
            try:
                record = _record_for(out, doc_id, records)
                page = out / page_name(doc_id)
                write_atomic(page, render_article(record, index_href=INDEX))
                summary.pages.append(page)
            except Exception as exc:  # one bad record never stops the others
                if not isinstance(exc, NewsclaimsError):
                    exc = NewsclaimsError(ErrorCode.E010, f"{type(exc).__name__}: {exc}",
                                          path=f"{doc_id}.json")
                entry = {**entry, "status": "failed", "error": {"code": exc.code, "message": str(exc)}}
                record = None
                summary.failed.append(_index_row(entry, None))
        rows.append(_index_row(entry, record))
    write_atomic(summary.index, _render_index_rows(rows, pipeline_version=manifest.get("pipeline_version")))
    return summary
