"""Currency names, symbols and codes -> ISO 4217, from Babel's CLDR data.

Pure functions, no spaCy. Tables are built once per process from CLDR (Babel):
English currency names and plurals ("US dollars", "Chinese yuan", "euros"),
symbols of every English locale ("$", "HK$", "CA$", "A$", "€", "£", "¥", "₹"),
and the codes themselves ("USD", "CNY").

Written by hand, because CLDR does not carry them:
- news short forms and aliases: "RMB", "renminbi", "greenback", "bucks", "quid",
  "US$", "C$", "S$", "Rs", "Rs." (see ``_ALIASES``), and "crowns" for the krona,
  krone and koruna (Swedish by default, as the largest of them);
- demonyms for places ("Swedish crowns", "Norwegian crowns"), which CLDR's
  territory names lack;
- the default for an ambiguous bare name or symbol ("dollar", "$", "pound",
  "¥"): the currency of the largest economy using it (``AMBIGUOUS_DEFAULTS``),
  unless the article's setting (countries it names) picks another candidate;
- minor units ("cents", "pence"), which scale the amount by 1/100.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

# Bare word or symbol -> code used when the article gives no better hint.
# Choice: the currency with the largest economy behind it (documented default).
AMBIGUOUS_DEFAULTS: dict[str, str] = {
    "dollar": "USD", "$": "USD", "pound": "GBP", "£": "GBP", "¥": "JPY", "yen": "JPY",
    "rupee": "INR", "peso": "MXN", "franc": "CHF", "euro": "EUR", "won": "KRW",
    "krone": "NOK", "krona": "SEK", "riyal": "SAR", "lira": "TRY", "ruble": "RUB",
    "rouble": "RUB", "dirham": "AED", "rial": "IRR", "shilling": "KES", "dinar": "KWD",
    "yuan": "CNY", "real": "BRL", "rand": "ZAR", "ringgit": "MYR", "baht": "THB",
    "rupiah": "IDR", "naira": "NGN", "zloty": "PLN", "forint": "HUF", "koruna": "CZK",
    "dong": "VND", "leu": "RON", "hryvnia": "UAH", "shekel": "ILS", "lev": "BGN",
    "manat": "AZN", "som": "KGS", "kwacha": "ZMW", "cedi": "GHS", "crown": "SEK",
}
# Symbols CLDR's English locales do not list, and news-wire aliases.
_ALIASES: dict[str, str] = {
    "us$": "USD", "u.s.$": "USD", "usd$": "USD", "c$": "CAD", "can$": "CAD", "au$": "AUD",
    "s$": "SGD", "nt$": "TWD", "rmb": "CNY", "renminbi": "CNY", "yuan renminbi": "CNY",
    "cn¥": "CNY", "rs": "INR", "rs.": "INR", "greenback": "USD", "greenbacks": "USD",
    "buck": "USD", "bucks": "USD", "quid": "GBP", "sterling": "GBP", "pounds sterling": "GBP",
    "pound sterling": "GBP", "u.s. dollar": "USD", "u.s. dollars": "USD", "us dollar": "USD",
    "us dollars": "USD", "american dollars": "USD", "euros": "EUR", "yuans": "CNY",
    "y=": "JPY", "r": "ZAR", "€": "EUR", "₹": "INR", "₩": "KRW", "₽": "RUB", "₺": "TRY", "₦": "NGN",
    "kr": "SEK", "kn": "HRK", "chf": "CHF", "fr.": "CHF", "元": "CNY", "rm": "MYR", "mex$": "MXN",
    "l.e.": "EGP", "l.e": "EGP",
}
# Last words of CLDR currency names that are ordinary English words, never a
# currency on their own ("Ecuadorian Unit of Constant Value", "Special Drawing
# Rights", "Armenian Dram" vs the dram weight).
_NOT_CURRENCY_WORDS = frozenset("""
unit units value values code codes account accounts currency funds fund rights gold silver
platinum palladium mark marks dram drams sol sols inti intis real
""".split())
# Aliases that are currencies only in capitals ("LE 100" in the Egyptian press; "le" is French).
_CASED_ALIASES: dict[str, str] = {"LE": "EGP"}
# Minor units: word -> (major-unit key for AMBIGUOUS_DEFAULTS, factor).
MINOR_UNITS: dict[str, tuple[str, float]] = {
    "cent": ("dollar", 0.01), "cents": ("dollar", 0.01), "pence": ("pound", 0.01),
    "penny": ("pound", 0.01), "pennies": ("pound", 0.01), "paise": ("rupee", 0.01),
    "kopecks": ("ruble", 0.01), "centimes": ("franc", 0.01), "fen": ("yuan", 0.01),
    "sen": ("yen", 0.01),
}


def _babel_tables() -> tuple[dict[str, str], dict[str, set[str]], set[str]]:
    from babel import Locale, localedata

    names: dict[str, str] = {}
    bare: dict[str, set[str]] = {}
    en = Locale("en")
    current = {c for c, n in en.currencies.items() if "(" not in n}
    for code in current:
        name = en.currencies[code].lower()
        names[name] = code
        for plural in en._data["currency_names_plural"].get(code, {}).values():
            names[plural.lower()] = code
        last = name.split()[-1]
        if not code.startswith("X") and last not in _NOT_CURRENCY_WORDS:
            bare.setdefault(last, set()).add(code)
    # Symbols from every English locale (en_AU's "$" is AUD, so only keep a
    # symbol whose meaning is the same everywhere, plus en's own).
    symbol_codes: dict[str, set[str]] = {}
    for loc in localedata.locale_identifiers():
        if loc != "en" and not loc.startswith("en_"):
            continue
        for code, sym in Locale.parse(loc).currency_symbols.items():
            if code in current and not sym.isalpha():
                symbol_codes.setdefault(sym.lower(), set()).add(code)
    for sym, code in en.currency_symbols.items():
        if code in current and not sym.isalpha():
            symbol_codes.setdefault(sym.lower(), set()).add(code)
    for code, sym in en.currency_symbols.items():
        if not sym.isalpha() and code in current:
            names.setdefault(sym.lower(), code)
    for sym, codes in symbol_codes.items():
        if len(codes) == 1:
            names.setdefault(sym, next(iter(codes)))
    # Babel keeps every locale it loaded (about 14 MB for the ~100 English ones read above,
    # for good); what is needed from them is in these tables now. Later uses reload on demand.
    localedata.clear_caches()
    return names, bare, current


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, set[str]], frozenset[str]]:
    names, bare, current = _babel_tables()
    for key, code in _ALIASES.items():
        names.setdefault(key, code)
    # Bare names whose plural is formed with -s ("dollars", "rupees").
    for word, codes in list(bare.items()):
        bare.setdefault(word + "s", codes)
    # "crowns": the English of krona/krone/koruna in news copy ("612 million Swedish crowns")
    crowns = bare.get("krona", set()) | bare.get("krone", set()) | bare.get("koruna", set())
    bare.setdefault("crown", crowns)
    bare.setdefault("crowns", crowns)
    bare.setdefault("kroner", bare.get("krone", set()))
    bare.setdefault("kronor", bare.get("krona", set()))
    bare.setdefault("$", {c for c in current if c.endswith("D")})
    bare.setdefault("£", {"GBP", "EGP", "LBP", "GIP", "FKP", "SHP", "SYP", "SDG", "SSP"})
    bare.setdefault("¥", {"JPY", "CNY"})
    bare.setdefault("yen", {"JPY"})
    bare.setdefault("yuan", {"CNY"})
    return names, bare, frozenset(current)


def _default_key(word: str) -> str:
    w = word.lower()
    if w in AMBIGUOUS_DEFAULTS:
        return w
    if w in ("kroner", "kronor"):
        return w[:-2] + "e" if w == "kroner" else "krona"
    if w.endswith("s") and w[:-1] in AMBIGUOUS_DEFAULTS:
        return w[:-1]
    return w


def currency_code(text: str, *, setting: Iterable[str] = (), home: str | None = None) -> str | None:
    """ISO 4217 code of a currency name, symbol or code; None when not a currency.

    ``setting`` is the currencies of the places the article names (see
    :func:`currencies_of_places`); when exactly one of them is a candidate of
    an ambiguous name ("dollar", "$", "¥"), it wins over the default.

    >>> currency_code("yuan"), currency_code("RMB"), currency_code("HK$"), currency_code("US dollars")
    ('CNY', 'CNY', 'HKD', 'USD')
    >>> currency_code("$"), currency_code("¥"), currency_code("¥", setting=["CNY"])
    ('USD', 'JPY', 'CNY')
    >>> currency_code("$", setting=["HKD", "SGD"])  # two candidates named: the default
    'USD'

    >>> currency_code("euros"), currency_code("€"), currency_code("CNY"), currency_code("widgets")
    ('EUR', 'EUR', 'CNY', None)

    ``home`` is the article's own currency by its dateline or outlet (see
    :mod:`pipeline.normalize.setting`): it wins for an ambiguous name it is a
    candidate of, over the places named; "US$" and "U.S. dollars" stay USD.

    >>> currency_code("$", home="AUD"), currency_code("dollars", home="CAD"), currency_code("US$", home="AUD")
    ('AUD', 'CAD', 'USD')
    """
    return _currency_code(text, tuple(sorted(set(setting))) if setting else (), home)


@lru_cache(maxsize=16384)
def _currency_code(text: str, setting: tuple[str, ...], home: str | None = None) -> str | None:
    # Cached: the number scanner asks for every word after a number.
    names, bare, current = _tables()
    if text in _CASED_ALIASES:
        return _CASED_ALIASES[text]
    key = " ".join(text.lower().split())
    if key.upper() in current and (text.isupper() or len(key) == 3 and text[:1].isupper()):
        return key.upper()
    if key in bare:
        candidates = bare[key]
        if home in candidates:
            return home
        preferred = {c for c in setting if c in candidates}
        if len(preferred) == 1:  # the places named pick exactly one candidate
            return preferred.pop()
        default = AMBIGUOUS_DEFAULTS.get(_default_key(key))
        if default:
            return default
        if len(candidates) == 1:
            return next(iter(candidates))
    if key in names:
        return names[key]
    place, _, word = key.rpartition(" ")
    if place and word in bare and (codes := set(currencies_of_places([place])) & bare[word]):
        return min(codes)  # "malaysia ringgit", "egypt pound"
    if key.upper() in current and text.isupper():
        return key.upper()
    if len(key) == 4 and key.endswith("$") and key[:3].upper() in current:  # "aud$", "NZD$"
        return key[:3].upper()
    return None


def minor_unit(word: str, *, setting: Iterable[str] = (), home: str | None = None) -> tuple[str, float] | None:
    """(currency code, factor) for a minor unit word: "cents" -> ("USD", 0.01).

    >>> minor_unit("cents"), minor_unit("pence")
    (('USD', 0.01), ('GBP', 0.01))
    """
    entry = MINOR_UNITS.get(word.lower())
    if entry is None:
        return None
    major, factor = entry
    code = currency_code(major, setting=setting, home=home)
    return (code, factor) if code else None


@lru_cache(maxsize=1)
def _territories() -> dict[str, list[str]]:
    from babel import Locale
    from babel.core import get_global

    en = Locale("en")
    by_name: dict[str, list[str]] = {}
    tc = get_global("territory_currencies")
    for code, name in en.territories.items():
        if not code.isalpha() or code not in tc:
            continue
        current = [c for c, _start, end, tender in tc[code] if end is None and tender]
        if current:
            by_name[name.lower()] = current
    # Demonyms and common short names CLDR's territory list lacks.
    extra = {"china": "CN", "chinese": "CN", "chinese mainland": "CN", "japan": "JP",
             "japanese": "JP", "hong kong": "HK", "u.s.": "US", "us": "US", "america": "US",
             "american": "US", "britain": "GB", "british": "GB", "uk": "GB", "u.k.": "GB",
             "india": "IN", "indian": "IN", "canada": "CA", "canadian": "CA",
             "australia": "AU", "australian": "AU", "singapore": "SG", "taiwan": "TW",
             "korea": "KR", "south korea": "KR", "korean": "KR", "mexico": "MX",
             "mexican": "MX", "new zealand": "NZ", "egypt": "EG", "egyptian": "EG",
             "swedish": "SE", "norwegian": "NO", "danish": "DK", "czech": "CZ", "icelandic": "IS",
             "swiss": "CH", "turkish": "TR", "russian": "RU", "brazilian": "BR", "south african": "ZA",
             "nigerian": "NG", "kenyan": "KE", "polish": "PL", "hungarian": "HU", "malaysian": "MY",
             "thai": "TH", "indonesian": "ID", "philippine": "PH", "vietnamese": "VN", "saudi": "SA"}
    for name, code in extra.items():
        if code in tc:
            by_name.setdefault(name, [c for c, _s, end, tender in tc[code] if end is None and tender])
    return by_name


def territory_currency(territory: str) -> str | None:
    """The legal tender of an ISO 3166 territory today, from CLDR: "AU" -> "AUD".

    >>> territory_currency("HK"), territory_currency("GB"), territory_currency("XX")
    ('HKD', 'GBP', None)
    """
    from babel.core import get_global

    current = [c for c, _start, end, tender in get_global("territory_currencies").get(territory, ())
               if end is None and tender]
    return current[0] if current else None


def currencies_of_places(places: Iterable[str]) -> list[str]:
    """Currencies in use in the named places, in order of first mention.

    >>> currencies_of_places(["Hong Kong", "Beijing"])
    ['HKD']
    """
    table = _territories()
    out: list[str] = []
    for place in places:
        for code in table.get(place.lower().removeprefix("the "), []):
            if code not in out:
                out.append(code)
    return out
