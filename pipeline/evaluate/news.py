"""Scoring the extractor on news-dev, real news articles with hand-made gold mentions and claims.

``newsclaims eval --suite news`` reads ``news-dev/articles/*.txt`` with their
``.meta.json`` sidecars exactly as ``newsclaims run`` does, extracts a record per
article and scores the records against ``news-dev/gold/`` by the set's
CONVENTIONS.md §9-10. The figures are those of the set's reference scorer
(``news-dev/score.py``) on the same records, row for row; a test runs both.
This is our own implementation of those rules, so that two implementations
check each other:

* :mod:`~pipeline.evaluate.news_gold` reads the gold;
* :mod:`~pipeline.evaluate.news_mentions` places our mentions on the article
  file and matches them (mention rows);
* :mod:`~pipeline.evaluate.news_claims` matches and judges the claims;
* :mod:`~pipeline.evaluate.news_report` renders tables, failures and floors.

Rounding follows the reference scorer: mention rows round ``100 * (n / d)``,
claim figures ``100 * n / d``, both to 0.1 with Python's ``round``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.evaluate.news_claims import ClaimMatch, claims_figures, resolve_claims, score_claims
from pipeline.evaluate.news_gold import KINDS, GoldArticle, load_news_gold, news_dev_dir
from pipeline.evaluate.news_mentions import (
    SPAN_LABEL,
    MentionMatch,
    PredMention,
    add_counts,
    match_mentions,
    place_mentions,
    row_figures,
)
from pipeline.extractor import Extractor
from pipeline.record import ArticleRecord

ROWS = (*KINDS, SPAN_LABEL)


@dataclass
class ArticleScore:
    """One article: its gold, our record (None: scored as nothing found) and the matchings."""

    gold: GoldArticle
    record: ArticleRecord | None
    preds: list[PredMention]
    mentions: MentionMatch
    claims: ClaimMatch | None

    @property
    def doc(self) -> str:
        return self.gold.doc


@dataclass
class NewsScore:
    """The set's figures: ``rows`` and ``claims`` have the reference scorer's JSON shape."""

    articles: list[ArticleScore]
    rows: list[dict[str, Any]]
    claims: dict[str, Any] | None
    warnings: list[str]

    def to_dict(self) -> dict[str, Any]:
        return {"rows": self.rows, "claims": self.claims if self.claims is not None else {"status": "absent"},
                "warnings": self.warnings}


def extract_news(gold: list[GoldArticle], extractor: Extractor) -> dict[str, ArticleRecord]:
    """Our record of every gold article, read with its sidecar as ``newsclaims run`` reads it."""
    from pipeline.article import read_article

    articles = [read_article(g.path, root=g.path.parent) for g in gold]
    return {g.doc: record for g, record in zip(gold, extractor.extract_articles(articles), strict=True)}


def score_news(gold: list[GoldArticle], records: Mapping[str, ArticleRecord]) -> NewsScore:
    """Score ``records`` (by slug; a missing one scores as nothing found) against the gold articles."""
    counts: dict[str, Counter[str]] = {k: Counter() for k in ROWS}
    cases, with_value = Counter[str](), Counter[str]()
    articles, results, warnings = [], [], []
    for g in gold:
        record = records.get(g.doc)
        if record is None:
            warnings.append(f"no record for {g.doc}: scored as nothing found")
        elif g.published and record.reference_date.value != str(g.published)[:10]:
            warnings.append(f"{g.doc}: reference date {record.reference_date.value!r}, the gold's is {g.published!r}")
        preds = place_mentions(record, g.text) if record is not None else []
        for kind in {m.kind for m in g.mentions} or {"quantity"}:  # an article without golds still counts
            counts.setdefault(kind, Counter())
            cases[kind] += 1
        with_value.update(m.kind for m in g.mentions if m.checkable)
        matched = match_mentions(g.mentions, preds)
        add_counts(counts, matched)
        claims = None
        if g.claims is not None:
            claims = score_claims(g.doc, g.claims, resolve_claims(record, preds) if record is not None else [])
            results.append(claims)
        articles.append(ArticleScore(g, record, preds, matched, claims))
    golds = Counter(m.kind for g in gold for m in g.mentions)
    cases[SPAN_LABEL], golds[SPAN_LABEL], with_value[SPAN_LABEL] = cases["entity"], golds["entity"], golds["entity"]
    rows = [{"label": f"news/{k}", "category": k, "cases": cases[k], "gold": golds[k],
             "gold_with_value": with_value[k], **row_figures(counts[k], with_value[k])} for k in counts]
    return NewsScore(articles, rows, claims_figures(results) if results else None, warnings)


def evaluate_news(root: Path, extractor: Extractor) -> tuple[NewsScore, dict[str, ArticleRecord]]:
    """Run ``extractor`` over the news-dev set under the benchmarks folder ``root`` and score it."""
    gold = load_news_gold(news_dev_dir(root))
    records = extract_news(gold, extractor)
    return score_news(gold, records), records
