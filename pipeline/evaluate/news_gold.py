"""Reading the news-dev gold set: articles, gold mentions and gold claims (CONVENTIONS.md §2, §7).

Layout (the set's README)::

    news-dev/articles/<slug>.txt          title, blank line, body (UTF-8)
    news-dev/articles/<slug>.meta.json    sidecar: url, title, publisher, published
    news-dev/gold/<slug>.json             {"doc", "published", "mentions": [...]}
    news-dev/gold/<slug>.claims.json      {"doc", "entity_aliases", "claims": [...]}

Gold offsets count over the whole article file, title included. A span whose
offsets do not hold its text is placed where the text is found (claims: from
200 characters before its offsets), as the reference scorer does.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.errors import ErrorCode, NewsclaimsError
from pipeline.evaluate.news_dates import DateInterval, parse_iso_value

NEWS_DEV = "news-dev"
KINDS = ("percentage", "money", "quantity", "fraction", "date", "ordinal", "entity")
NUMERIC_GOLD = ("percentage", "money", "quantity", "fraction")
# A fraction's value is written to four decimals (CONVENTIONS §3.5).
FRACTION_ABS_TOL = 5e-5


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


@dataclass
class GoldMention:
    """One gold mention; ``checkable`` is False when it carries no value to compare."""

    kind: str
    start: int
    end: int
    text: str
    point: float | None = None
    unit: str | None = None
    currency: str | None = None
    date: DateInterval | None = None
    ordinal: int | None = None
    label: str | None = None
    qualifier: str | None = None
    range_role: str | None = None
    note: str = ""
    checkable: bool = True
    tol_abs: float = 0.0


@dataclass
class GoldClaim:
    """One gold claim; ``entities``/``implied`` are lists (a gold list accepts any member)."""

    index: int
    values: list[Span]
    subject: Span | None
    entities: list[str]
    implied: list[str]
    aliases: dict[str, list[str]]
    predicate: str | None
    measure: Span | None
    time: Span | None
    direction: str | None
    is_count: bool
    counted: str | None


@dataclass
class GoldArticle:
    doc: str
    path: Path
    text: str
    published: str | None
    mentions: list[GoldMention]
    claims: list[GoldClaim] | None = field(default=None)
    """None when the article has no claims file."""


def news_dev_dir(root: Path) -> Path:
    """The news-dev folder under the benchmarks folder ``root`` (E011 when it is missing)."""
    folder = root / NEWS_DEV
    if not (folder / "gold").is_dir() or not (folder / "articles").is_dir():
        raise NewsclaimsError(ErrorCode.E011, f"no {NEWS_DEV}/ folder with gold/ and articles/ here",
                              path=str(root))
    return folder


def load_news_gold(folder: Path) -> list[GoldArticle]:
    """Every article of the set that has a gold mentions file, sorted by slug."""
    articles = []
    for path in sorted((folder / "gold").glob("*.json")):
        if "." in path.stem:  # <slug>.claims.json
            continue
        data = _read_json(path)
        if "mentions" not in data:
            continue
        article_path = folder / "articles" / f"{path.stem}.txt"
        try:
            text = article_path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise NewsclaimsError(ErrorCode.E012, f"unreadable: {exc}", path=str(article_path)) from None
        meta_path = folder / "articles" / f"{path.stem}.meta.json"
        meta = _read_json(meta_path) if meta_path.exists() else {}
        claims_path = folder / "gold" / f"{path.stem}.claims.json"
        try:
            mentions = [gold_mention(m, text) for m in data["mentions"]]
            claims = load_claims(claims_path, text, data["mentions"]) if claims_path.exists() else None
        except (KeyError, TypeError, ValueError) as exc:
            raise NewsclaimsError(ErrorCode.E012, f"bad gold: {exc!r}", path=str(path)) from None
        articles.append(GoldArticle(doc=path.stem, path=article_path, text=text,
                                    published=meta.get("published") or data.get("published"),
                                    mentions=mentions, claims=claims))
    return articles


def gold_mention(m: dict[str, Any], text: str) -> GoldMention:
    """A gold mention record (CONVENTIONS §2.3) with its value read for comparison."""
    kind, value = m["kind"], m.get("value")
    g = GoldMention(kind=kind, start=m["start"], end=m["end"], text=m["text"], qualifier=m.get("qualifier"),
                    range_role=m.get("range_role"), note=m.get("note", ""),
                    label=m.get("label") if kind == "entity" else None)
    if kind in NUMERIC_GOLD:
        g.point, g.checkable = (float(value) if value is not None else None), value is not None
        g.tol_abs = FRACTION_ABS_TOL if kind == "fraction" else 0.0
        g.unit = m.get("unit") if kind == "quantity" else None
        g.currency = (m.get("currency") or None) if kind == "money" else None
    elif kind == "date":
        g.date = parse_iso_value(value)
        g.checkable = g.date is not None
    elif kind == "ordinal":
        g.ordinal, g.checkable = (int(value) if value is not None else None), value is not None
    if text[g.start:g.end] != g.text and text.find(g.text) >= 0:
        g.start = text.find(g.text)
        g.end = g.start + len(g.text)
    return g


def load_claims(path: Path, text: str, mentions: list[dict[str, Any]]) -> list[GoldClaim]:
    """The gold claims of one article, their spans checked against its text."""
    data = _read_json(path)
    by_span = {(m["start"], m["end"]): m for m in mentions}
    aliases = {name: list(alts or []) for name, alts in (data.get("entity_aliases") or {}).items()}

    def span(d: dict[str, Any] | None) -> Span | None:
        if not d:
            return None
        start, text_ = d["start"], d["text"]
        if text[start:d["end"]] != text_:
            found = text.find(text_, max(0, start - 200))
            start = found if found >= 0 else text.find(text_)
            if start < 0:
                raise ValueError(f"{path.name}: span {text_!r} not in the article")
        return Span(start, start + len(text_), text_)

    claims = []
    for index, c in enumerate(data.get("claims", [])):
        # A plain count (gold quantity without unit) lets a null gold measure accept its counted noun.
        count = next((m for v in c.get("values", []) for m in [by_span.get((v["start"], v["end"]))]
                      if m and m.get("kind") == "quantity" and m.get("unit") is None), None)
        values = [s for s in (span(v) for v in c.get("values", [])) if s is not None]
        claims.append(GoldClaim(
            index=index, values=values, subject=span(c.get("subject")),
            entities=_names(c.get("subject_entity")), implied=_names(c.get("implied_entity")), aliases=aliases,
            predicate=c.get("predicate"), measure=span(c.get("measure")), time=span(c.get("time")),
            direction=str((c.get("change") or {}).get("direction") or "").lower() or None,
            is_count=count is not None, counted=count.get("counted") if count else None))
    return claims


def _names(x: str | list[str] | None) -> list[str]:
    return [] if x is None else list(x) if isinstance(x, list) else [x]


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise NewsclaimsError(ErrorCode.E012, f"unreadable: {exc}", path=str(path)) from None
    if not isinstance(data, dict):
        raise NewsclaimsError(ErrorCode.E012, "not a JSON object", path=str(path))
    return data
