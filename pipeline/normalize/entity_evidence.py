"""Evidence in an article for what a name is: a company, a person, a place. Pure functions.

The small model labels names from the words inside them; the article says more.
Three kinds of evidence, each a general mechanism:

- context patterns (:file:`pipeline/lexicons/entity_evidence.jsonl`, each with an
  id, a label, a why and an example a test runs): the words right before or
  after a mention ("Shares of X", "X's chief executive", "X said in a
  statement" -> ORG; "Ms X" -> PERSON);
- gazetteers: a country's name (pycountry and CLDR) is a GPE, and so is a
  country subdivision ("Eastern Cape", "New South Wales", "Essex") when its
  country is named in the article or is the article's home;
- "<name>, <subdivision>" ("Camp Hill, Pennsylvania"): the name is a place.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

_EVIDENCE = Path(__file__).resolve().parent.parent / "lexicons" / "entity_evidence.jsonl"
_REACH = 90  # characters of context read on each side of a mention


@dataclass(frozen=True)
class Evidence:
    """A context pattern: its id, the label it gives, which side it reads ("before" or
    "after" the mention, or the "name" itself), why, an example, and whether it also
    makes a name the model missed an entity (``creates``)."""

    id: str
    label: str
    side: str
    regex: re.Pattern[str]
    why: str
    example: tuple[str, str]
    creates: bool = False
    only: tuple[str, ...] = ()  # the model labels the pattern corrects (empty: any)


@lru_cache(maxsize=1)
def evidence_patterns() -> tuple[Evidence, ...]:
    """The context patterns, in file order."""
    rows = [json.loads(line) for line in _EVIDENCE.read_text(encoding="utf-8").splitlines() if line.strip()]
    return tuple(Evidence(r["id"], r["label"], r["side"], re.compile(r["regex"]), r["why"], tuple(r["example"]),
                          bool(r.get("creates")), tuple(r.get("only", ()))) for r in rows)


def _meets(e: Evidence, text: str, start: int, end: int) -> bool:
    if e.side == "name":
        return e.regex.search(text[start:end]) is not None
    if e.side == "before":
        return e.regex.search(text[max(0, start - _REACH):start]) is not None
    return e.regex.match(text[end:end + _REACH]) is not None


def context_labels(text: str, start: int, end: int, model_label: str | None = None) -> list[tuple[str, str]]:
    """(label, pattern id) for each context pattern that the mention ``text[start:end]`` meets
    (a pattern on the name itself counts twice: the name outweighs one context).

    >>> context_labels("Shares of Brannock fell.", 10, 18)
    [('ORG', 'org-shares-of')]
    >>> context_labels("Brannock said on Monday.", 0, 8)
    []
    """
    return [(e.label, e.id) for e in evidence_patterns()
            if (not e.only or model_label in e.only) and _meets(e, text, start, end)
            for _ in range(2 if e.side == "name" else 1)]


def created_label(text: str, start: int, end: int) -> str | None:
    """The label of a pattern that makes the unlabelled name ``text[start:end]`` an entity
    ("Kalibrate, a fuel analytics firm", "shares of Brannock"), else None.

    >>> created_label("Kalibrate, a fuel analytics firm, said", 0, 9), created_label("Kalibrate said", 0, 9)
    ('ORG', None)
    """
    return next((e.label for e in evidence_patterns() if e.creates and _meets(e, text, start, end)), None)


def _key(name: str) -> str:
    return " ".join(name.lower().replace("-", " ").split())


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    """Country name (folded) -> ISO 3166 alpha-2, from pycountry and CLDR's English names."""
    import pycountry
    from babel import Locale

    out: dict[str, str] = {}
    for c in pycountry.countries:
        for name in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
            if name:
                out.setdefault(_key(name), c.alpha_2)
    iso = {c.alpha_2 for c in pycountry.countries}
    for code, name in Locale("en").territories.items():
        if code in iso:  # not CLDR's groupings ("European Union", "Eurozone", "United Nations")
            out.setdefault(_key(name), code)
    return out


@lru_cache(maxsize=1)
def _subdivisions() -> dict[str, frozenset[str]]:
    """Subdivision name (folded) -> the countries that have a subdivision of that name."""
    import pycountry

    out: dict[str, set[str]] = {}
    for s in pycountry.subdivisions:
        out.setdefault(_key(s.name), set()).add(s.country_code)
    return {k: frozenset(v) for k, v in out.items()}


def countries_named(names: Iterable[str]) -> set[str]:
    """The countries among ``names`` (and the countries of the places named), as alpha-2 codes.

    >>> sorted(countries_named(["South Africa", "Shopify", "Britain"]))
    ['GB', 'ZA']
    """
    aliases = {"britain": "GB", "great britain": "GB", "england": "GB", "scotland": "GB", "wales": "GB",
               "uk": "GB", "u.k.": "GB", "us": "US", "u.s.": "US", "america": "US", "usa": "US"}
    out: set[str] = set()
    for name in names:
        key = _key(name)
        code = _countries().get(key) or aliases.get(key)
        if code:
            out.add(code)
    return out


def place_label(name: str, countries: set[str]) -> str | None:
    """"GPE" when ``name`` is a country, or a subdivision of one of ``countries``; else None.

    >>> place_label("Eastern Cape", {"ZA"}), place_label("North West", {"ZA"}), place_label("Centre", {"IN"})
    ('GPE', 'GPE', None)
    >>> place_label("South Korea", set()), place_label("Essex", {"GB"})
    ('GPE', 'GPE')
    """
    key = _key(name)
    if key in _countries():
        return "GPE"
    if _subdivisions().get(key, frozenset()) & countries:
        return "GPE"
    return None


_AFTER_COMMA = re.compile(r"^,\s+([A-Z][\w.]*(?:[ -][A-Z][\w.]*){0,3})")


def in_subdivision(text: str, end: int, countries: set[str]) -> bool:
    """Whether the name ending at ``end`` is followed by ", <subdivision or country>": a town
    placed in its state or country ("Camp Hill, Pennsylvania", "Deerfield, Illinois-based").

    >>> in_subdivision("in Camp Hill, Pennsylvania, operates", 12, {"US"})
    True
    >>> in_subdivision("Rite Aid, Walgreens and CVS", 8, {"US"})
    False
    """
    found = _AFTER_COMMA.match(text[end:end + 40])
    if found is None or text[end + found.end():end + found.end() + 2] in ("'s", "\u2019s"):
        return False  # "Statistics Canada, Canada's index": a possessive opens a new phrase
    words = found.group(1).split()
    for n in range(len(words), 0, -1):  # "Illinois-based": the longest name that starts there
        candidate = " ".join(words[:n])
        for piece in (candidate, candidate.split("-")[0]):
            key = _key(piece.rstrip(".,"))
            if key in _countries() or _subdivisions().get(key, frozenset()) & (countries or {"US"}):
                return True
    return False
