"""newsclaims_numbers: quantities, percentages, money and ordinals.

Candidates come from :func:`pipeline.normalize.scan.scan` (one lexer pass over
the text); this component drops the ones that are parts of dates or names,
resolves currencies against the article's setting, converts units with pint,
and reads from the parse what a number needs around it: the counted noun
("200 homegrown large language models"), the base of a share ("of Beijing's
GDP") and whether the value is a change ("surged 16.5 percent year on year").

Documented choices:
- ``counted`` is the counted noun phrase as written after the number, with
  its modifiers ("homegrown large language models").
- A fraction of something ("a third of", "two-thirds of", "one in five") is a
  Percentage with ``unit: "fraction"`` and the value in percent (33.33...).
- Approximate values ("about 5") keep ``lower``/``upper`` null: the text does not
  say how far off they may be. Exact values have lower == upper == value.
- Bare four-digit numbers 1800-2199 without a hedge or unit are years, never
  quantities ("in 2013"); "2,025 workers" (with a separator) is a count.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from functools import cache
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from pipeline.lexicons.changes import (
    AMOUNT_LEVEL_NOUNS,
    BASIS_PATTERNS,
    CHANGE_RATE_NOUNS,
    COMPARATIVE_DOWN,
    COMPARATIVE_UP,
    DECREASE_LEMMAS,
    DECREASE_NOUNS,
    INCREASE_LEMMAS,
    INCREASE_NOUNS,
    OVER_UNDER_REFERENCES,
    PREMIUM_NOUNS,
)
from pipeline.lexicons.numbers import (
    CONVERSION_OPEN,
    FX_QUOTE,
    HEDGES,
    PER_DOLLAR,
    QUOTED_CURRENCIES,
    QUOTED_CURRENCY_NAMED,
    USD_PRICED_UNITS,
)
from pipeline.lexicons.temperature import (
    ANGLE_CONTEXT,
    DIFFERENCE_NOUNS_OF,
    DIFFERENCE_WORDS_BEFORE,
    TEMPERATURE_CONTEXT,
    THRESHOLD_HEDGE_WORDS,
)
from pipeline.nlp import (
    MentionStore,
    RawChange,
    RawMoney,
    RawNumeric,
    RawOrdinal,
    RawPercentage,
    RawQuantity,
    nc,
    span_text,
    text_of,
)
from pipeline.normalize.clock import is_clock_digits
from pipeline.normalize.money import currencies_of_places, currency_code
from pipeline.normalize.scan import DATE_AFTER_PERIOD, Candidate, ordinal_words, scan, tokenize, vague_scales
from pipeline.normalize.units import UnitInfo, parse_unit, si_value
from pipeline.spans import Intervals, SpanIndex, mentions_by_position

_NAME_LABELS_FOR_NUMBERS = frozenset({"ORG", "LAW", "PRODUCT", "FAC", "EVENT", "WORK_OF_ART", "PERSON"})
_SETTING_LABELS = frozenset({"GPE", "NORP", "LOC"})
# Words before "one" that make it a pronoun ("the one", "which one", "this one").
_UNCHANGED_WORDS = frozenset("unchanged steady flat stable".split())
_RATE_NOUNS = frozenset("year week day month hour shift quarter night".split())
_RATE_ADVERBS = {"annually": "year", "yearly": "year", "daily": "day", "weekly": "week", "monthly": "month",
                 "hourly": "hour", "nightly": "night"}
_NOT_RATE_AFTER = DATE_AFTER_PERIOD | {"after"}
# Verbs that state a change as a multiple: (the change in percent, its direction).
_MULTIPLIER_VERBS: dict[str, tuple[float, str]] = {
    "double": (100.0, "increase"), "triple": (200.0, "increase"), "quadruple": (300.0, "increase"),
    "halve": (50.0, "decrease"),
}


def _rate_after_phrase(doc: Doc, cand: Candidate) -> str | None:
    """A rate written after the counted noun or the "of" phrase of a quantity: "45
    freight trains a week", "62 million metric tons of iron ore a year", "1.1 million
    tonnes of carbon dioxide annually", "1.8 million TEU (twenty-foot units) a year".

    The scanner reads a rate right after the amount ("$4 a barrel", "1,900 GWh a
    year"); this walks on over the noun phrase (nouns, adjectives, "of", brackets,
    conjoined nouns, at most eight tokens, no verb) to the first "a/an/per/each/every" + a period
    noun, or an adverb such as "annually". "a year ago/earlier" is a date, not a rate.
    """
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None:
        return None
    i, end = span.end, min(len(doc), span.end + 9)
    while i < end:
        tok = doc[i]
        low = tok.lower_
        if low in _RATE_ADVERBS:
            return _RATE_ADVERBS[low]
        if low in ("a", "an", "per", "each", "every") and i + 1 < len(doc) and \
                doc[i + 1].lemma_.lower() in _RATE_NOUNS and doc[i + 1].lower_ != cand.unit:
            after = doc[i + 2].lower_ if i + 2 < len(doc) else ""
            return None if after in _NOT_RATE_AFTER else doc[i + 1].lemma_.lower()
        if not (tok.pos_ in ("NOUN", "PROPN", "ADJ") or low == "of" or tok.text in ("(", ")", "-") or
                tok.pos_ == "DET" and i > span.end and doc[i - 1].lower_ == "of" or
                low in ("and", "or") and i > span.end and tok.dep_ == "cc"):  # "of diesel and jet fuel a month"
            return None
        i += 1
    return None


_Numeric = TypeVar("_Numeric", bound=RawNumeric)


_TO_LEVEL = re.compile(r"^\s*(?:to|at)\s+(?:a\s+(?:record\s+)?|about\s+|around\s+)?$", re.IGNORECASE)
_BARE_DOLLAR = re.compile(r"^(?:\$|[\d.,]+\s*(?:million|billion|m|bn)?\s*(?:dollars?|cents?|¢))|cents?$|¢$",
                          re.IGNORECASE)


@cache
def _is_dollar(code: str) -> bool:
    """A dollar currency by CLDR's English name ("USD", "SGD": "... Dollar")."""
    from babel.numbers import get_currency_name

    return get_currency_name(code, locale="en").endswith("Dollar")


def _change_takes_level_currency(text: str, money: list[RawMoney]) -> None:
    """A bare dollar or cent change takes the currency of the level it leads to: "rose 40 cents
    to $81.20 a barrel", "fell 12 cents to US$85.63" (a change and its level are one price)."""
    for change, level in zip(money, money[1:], strict=False):
        if change.currency != level.currency and change.currency and level.currency and \
                _is_dollar(change.currency) and _is_dollar(level.currency) and \
                _TO_LEVEL.match(text[change.end:level.start]) and _BARE_DOLLAR.search(text[change.start:change.end]):
            change.currency = level.currency


def _add_numeric(text: str, same_kind: list[_Numeric], mention: _Numeric) -> None:
    """Add ``mention`` to the mentions of its kind found so far (in text order)."""
    _inherit_bound(text, same_kind, mention)
    same_kind.append(mention)


def _inherit_bound(text: str, same_kind: Sequence[RawNumeric], mention: RawNumeric) -> None:
    """A conversion in brackets right after a bounded amount has the same bound: "above
    35°C (95 degrees Fahrenheit)" is above 95 °F too. Only an exact, unhedged conversion
    of the same dimension (or currency kind) takes it."""
    if not same_kind or mention.qualifier != "exact":
        return
    prev = same_kind[-1]
    if " ".join(text[prev.end:mention.start].split()) != "(" or \
            prev.qualifier not in ("lower_bound", "upper_bound", "approximate"):
        return
    if isinstance(mention, RawQuantity) and isinstance(prev, RawQuantity) and \
            (not prev.unit or prev.dimension != mention.dimension):
        return
    value = mention.value
    mention.qualifier = prev.qualifier
    mention.lower = value if prev.qualifier == "lower_bound" else None
    mention.upper = value if prev.qualifier == "upper_bound" else None


_DETERMINERS = frozenset("the this that which each every any no another either neither".split())
# A number glued to one of these letters is a temperature in a temperature sentence ("30C (86F)").
_TEMPERATURE_LETTERS = {"C": "degrees celsius", "F": "degrees fahrenheit"}
# Currencies whose bare name "pound(s)" is money; elsewhere "25 pounds" is a weight.
_POUND_CURRENCIES = frozenset({"GBP", "EGP", "LBP", "SYP", "SDG", "SSP", "GIP", "FKP", "SHP"})


def _temperature_difference(text: str, cand: Candidate) -> bool:
    """Whether a temperature is a change: after "by", a change verb ("rose 18 degrees", "warmed 1.1
    degrees") or a change noun + "of" ("a rise of 5 degrees"); not after a threshold hedge
    ("rose above 40 degrees", "climbed past 40°C": a level).

    >>> _temperature_difference("Temperatures rose 18 degrees.", Candidate(18, 28, "18 degrees", 18.0))
    True
    >>> _temperature_difference("It hit 18 degrees.", Candidate(7, 17, "18 degrees", 18.0))
    False
    """
    if cand.hedge is not None and cand.hedge.split()[-1] in THRESHOLD_HEDGE_WORDS:
        return False
    before = _WORDS_BEFORE.search(text[max(0, cand.start - 40):cand.start].lower())
    if before is None:
        return False
    word, last = before.group(1), before.group(2)
    return last in DIFFERENCE_WORDS_BEFORE or last == "of" and word in DIFFERENCE_NOUNS_OF


# The one or two words right before a value, separated from it and each other by spaces only.
_WORDS_BEFORE = re.compile(r"(?:(?<![\w-])([a-z]+)\s+)?(?<![\w-])([a-z]+)\s+$")


def clean(value: float | None) -> float | None:
    """Round away binary noise from scaling (18.6 * 1e5 -> 1860000.0); None for non-finite."""
    if value is None or not math.isfinite(value):
        return None
    return float(f"{value:.12g}")


class NumberFinder:
    """Find and normalize numeric mentions (see the module docstring)."""

    _spans: SpanIndex[Candidate] = SpanIndex([])  # the candidates by position

    def __call__(self, doc: Doc) -> Doc:
        store = nc(doc)
        # spans by position (a long text has thousands: no scan of them all per candidate)
        blocked = Intervals((m.start, m.end) for m in store["dates"])
        names = Intervals((e.start_char, e.end_char) for e in doc.ents if e.label_ in _NAME_LABELS_FOR_NUMBERS)
        setting = currencies_of_places(e.text for e in doc.ents if e.label_ in _SETTING_LABELS)
        taken = Intervals()
        text = text_of(doc)
        toks = tokenize(text)  # one tokenization for the three scans
        candidates = scan(text, toks=toks)
        self._spans = SpanIndex(sorted(candidates, key=lambda c: c.start))
        self._prices: list[Candidate] = []
        for cand in candidates:
            if blocked.overlaps(cand.core_start, cand.core_end):
                if not self._year_is_amount(store, cand):
                    continue
                blocked = Intervals((m.start, m.end) for m in store["dates"])
            if cand.kind == "ordinal":
                continue  # ordinals are collected below, with the spelled ones
            if cand.kind in ("number", "unit") and names.contains(cand.core_start, cand.core_end):
                continue
            if self._is_year(cand) or self._is_pronoun(doc, cand) or self._in_name(doc, cand):
                continue
            if cand.digits_only and is_clock_digits(text, cand.core_start, cand.core_end):
                continue  # "at 2100 hours", "0600 GMT": a time of day
            if cand.kind == "money" and cand.per and cand.digits_only:
                self._prices.append(cand)
            elif cand.kind == "number":
                self._carry_price(cand)
                self._exchange_rate(text, cand)
            mention = self._mention(doc, cand, setting)
            if mention is not None:
                if isinstance(mention, RawQuantity):
                    _add_numeric(text, store["quantities"], mention)
                elif isinstance(mention, RawPercentage):
                    _add_numeric(text, store["percentages"], mention)
                else:
                    _add_numeric(text, store["money"], mention)
                taken.add((mention.start, mention.end))
        _change_takes_level_currency(text, store["money"])
        _carry_counted(doc, store["quantities"])
        low = text.lower()
        multiples = doc if any(verb[:-1] in low for verb in _MULTIPLIER_VERBS) else ()  # "doubl", "halv"...
        for tok in multiples:
            if tok.lemma_.lower() in _MULTIPLIER_VERBS and tok.pos_ == "VERB" and \
                    not taken.overlaps(tok.idx, tok.idx + len(tok)) and \
                    not (tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in ("down", "up", "as")):
                mention = self._multiplier(doc, tok)
                store["percentages"].append(mention)
                taken.add((mention.start, mention.end))
        for start, end, lo, hi in vague_scales(text, toks=toks):
            if taken.overlaps(start, end) or blocked.overlaps(start, end):
                continue
            store["quantities"].append(RawQuantity(start, end, value=None, qualifier="range", lower=lo, upper=hi,
                                                   unit=None, dimension="count",
                                                   counted=self._counted_after_of(doc, end)))
        for start, end, value in ordinal_words(text, toks=toks):
            if blocked.overlaps(start, end) or taken.overlaps(start, end):
                continue
            store["ordinals"].append(RawOrdinal(start, end, value=value))
        return doc

    @staticmethod
    def _multiplier(doc: Doc, tok: Token) -> RawPercentage:
        """"The stock has doubled since January": a change of +100 percent ("tripled" +200,
        "halved" -50), with a hedge before it ("more than doubled" is at least +100)."""
        change, direction = _MULTIPLIER_VERBS[tok.lemma_.lower()]
        start, qualifier = tok.idx, "exact"
        for size in (3, 2, 1):  # the longest hedge written right before the verb
            if tok.i - size < 0:
                continue
            words = doc[tok.i - size:tok.i]
            phrase = " ".join(t.lower_ for t in words)
            if phrase in HEDGES and not any(t.is_punct for t in words):
                start, qualifier = words[0].idx, HEDGES[phrase]
                break
        return RawPercentage(start, tok.idx + len(tok), qualifier=qualifier, value=change,
                             lower=change if qualifier in ("exact", "lower_bound") else None,
                             upper=change if qualifier in ("exact", "upper_bound") else None,
                             unit="percent", of=None, change=RawChange(direction=direction, basis=None))

    def _carry_price(self, cand: Candidate) -> None:
        """A bare decimal written like the article's last unit price takes its currency: after
        "173.9 cents per litre", "a price of 163.9" and "was 172.9" are cents too (an elided
        unit). Written alike: the same number of decimals, within a factor of two."""
        digits = cand.digits_only or ""
        if not self._prices or "." not in digits or cand.value is None or cand.extra.get("one_in"):
            return
        price = self._prices[-1]
        decimals = (price.digits_only or "").partition(".")[2]
        if price.value is None or len(decimals) != len(digits.partition(".")[2]) or \
                not price.value / 2 <= cand.value <= price.value * 2:
            return
        cand.kind, cand.currency, cand.currency_factor = "money", price.currency, price.currency_factor

    @staticmethod
    def _exchange_rate(text: str, cand: Candidate) -> None:
        """A bare number quoted per dollar is an exchange rate: money in the currency its clause
        names ("the yen weakened to 151.2 per dollar" -> 151.2 JPY; news-dev CONVENTIONS 3.3)."""
        if cand.value is None or PER_DOLLAR.match(text[cand.end:cand.end + 24]) is None:
            return
        named = [m for m in QUOTED_CURRENCY_NAMED.finditer(text[max(0, cand.start - 80):cand.start])]
        if not named or re.search(r"[.;!?]\s", text[max(0, cand.start - 80) + named[-1].end():cand.start]):
            return
        cand.kind, cand.currency, cand.currency_factor = "money", named[-1].group("cur"), 1.0

    # -- filters ----------------------------------------------------------
    @staticmethod
    def _in_name(doc: Doc, cand: Candidate) -> bool:
        """A number that ends a proper name before a common noun: "the Caldwell Asia-Europe
        100 index", "the Fortune 500 list" (the model misses such names)."""
        if cand.kind != "number" or cand.hedge is not None or cand.digits_only is None and "said" not in cand.extra:
            return False
        span = doc.char_span(cand.core_start, cand.core_end, alignment_mode="expand")
        if span is None or span.start == 0:
            return False
        before = doc[span.start - 1]
        after = doc[span.end] if span.end < len(doc) else None
        if before.pos_ != "PROPN" or before.is_sent_start:
            return False
        if after is not None and after.lower_ in ("index", "indices", "list", "ranking", "rankings", "fund", "series"):
            return True
        # "the crew of Kestrel 122 was told", "Sales of the Pixel 9 rose": a number right
        # after a name, counting nothing (no noun follows), is the name's number. Not
        # after a place or a date ("In Kano 300 people", "on Tuesday 40 were hurt").
        if before.ent_type_ in _SETTING_LABELS or before.ent_type_ in ("DATE", "TIME") or not before.text[:1].isupper():
            return False
        return after is None or after.pos_ not in ("NOUN", "PROPN", "NUM", "ADJ")

    @staticmethod
    def _is_year(cand: Candidate) -> bool:
        digits = cand.digits_only
        return (cand.kind == "number" and digits is not None and len(digits) == 4 and digits.isdigit()
                and 1800 <= int(digits) <= 2199 and cand.hedge is None and cand.qualifier == "exact")

    @staticmethod
    def _year_is_amount(store: MentionStore, cand: Candidate) -> bool:
        """"2000 milligrams", "1990 tonnes": a bare four-digit "year" with a unit is an amount.

        The date found on the digits alone is dropped from the record.
        """
        if cand.kind not in ("unit", "money") or cand.digits_only is None or cand.adjectival or \
                len((cand.unit or cand.currency or "").strip()) < 2:
            return False
        dates = store["dates"]
        same = [m for m in dates if (m.start, m.end) == (cand.core_start, cand.core_end)]
        if not same or len(same) != len([m for m in dates if _overlaps((m.start, m.end),
                                                                       [(cand.core_start, cand.core_end)])]):
            return False
        for m in same:
            dates.remove(m)
        return True

    @staticmethod
    def _is_pronoun(doc: Doc, cand: Candidate) -> bool:
        """Spelled "one" used as a pronoun: "one of the largest", "the one you mentioned"; a
        small number after a determiner before "of": "the two of them". ("three of the six
        flights", "two of them" are counts.)"""
        if cand.kind != "number" or not cand.spelled or cand.value is None or cand.value >= 10:
            return False
        before = text_of(doc)[max(0, cand.start - 8):cand.start].lower().split()
        after_determiner = bool(before) and before[-1] in _DETERMINERS
        if text_of(doc)[cand.end:cand.end + 4].lower().startswith(" of "):
            return cand.text.lower() == "one" or after_determiner
        return cand.text.lower() == "one" and after_determiner

    # -- building ---------------------------------------------------------
    def _mention(self, doc: Doc, cand: Candidate, setting: list[str]) -> RawQuantity | RawPercentage | RawMoney | None:
        value, lower, upper = cand.value, cand.lower, cand.upper
        if cand.kind in ("percent", "fraction"):
            scale = 100.0 if cand.kind == "fraction" else 1.0
            return RawPercentage(
                cand.start, cand.end, qualifier=cand.qualifier, value=clean(_mul(value, scale)),
                lower=clean(_mul(lower, scale)), upper=clean(_mul(upper, scale)),
                unit=cand.percent_unit or "percent",
                of=self._of_phrase(doc, cand.end) or (self._counted(doc, cand) if cand.extra.get("one_in")
                                                      else None) or  # "One in four adults"
                self._predeterminer_base(doc, cand),
                change=self._change(doc, cand))
        if cand.kind == "money" and (cand.currency or "").lower() in ("pound", "pounds") and \
                not self._pound_is_money(doc, cand, setting):
            cand.kind, cand.unit, cand.currency = "unit", cand.currency, None  # "25 pounds": a weight
        if cand.kind == "money":
            factor = cand.currency_factor
            home = doc._.home_dollar
            if home != "USD" and self._dollar_is_usd(doc, cand):
                home = "USD"
            code = currency_code(cand.currency or "", setting=setting, home=home)
            if factor != 1.0:
                from pipeline.normalize.money import minor_unit

                minor = minor_unit(cand.currency or "", setting=setting, home=home)
                code = minor[0] if minor else code
            return RawMoney(cand.start, cand.end, qualifier=cand.qualifier, value=clean(_mul(value, factor)),
                            lower=clean(_mul(lower, factor)), upper=clean(_mul(upper, factor)), currency=code,
                            per=cand.per, change=self._change(doc, cand))
        unit_name = dimension = None
        si = None
        if cand.kind == "unit" and cand.unit:
            if cand.unit in _TEMPERATURE_LETTERS:  # "30C": a temperature only in a temperature sentence
                if not TEMPERATURE_CONTEXT.search(self._sentence(doc, cand)):
                    return None
                cand.unit = _TEMPERATURE_LETTERS[cand.unit]
            info = parse_unit(cand.unit)
            if info is None:
                return None
            if info.name == "degree":
                info = self._degrees(doc, cand, setting)  # None: "two degrees in physics", a count
            if info is not None:
                unit_name, dimension = info.name, info.dimension
                value, lower, upper = _mul(value, info.factor), _mul(lower, info.factor), _mul(upper, info.factor)
                si = si_value(value, info) if value is not None else None
                if unit_name in ("degree_Celsius", "degree_Fahrenheit") and _temperature_difference(text_of(doc), cand):
                    # "fall by 8 degrees", "rose 18 degrees": a difference of temperature (pint's
                    # delta unit), whose kelvin value is no absolute temperature
                    unit_name = "delta_" + unit_name
                    scale = 1.0 if unit_name.endswith("Celsius") else 5 / 9
                    si = value * scale if value is not None else None
        per = cand.per
        if per is None:
            per = _rate_after_phrase(doc, cand)
        base = self._multiple_of(doc, cand) if unit_name is None else None
        if base is not None:
            # "trades at 6.5 times earnings", "three times the size of": a ratio, its base as what it
            # counts ("" when unnamed: "three times higher")
            return RawQuantity(cand.start, cand.end, qualifier=cand.qualifier, value=clean(value), lower=clean(lower),
                               upper=clean(upper), unit="dimensionless", dimension="dimensionless",
                               counted=base or None, si_value=clean(value), per=None,
                               change=self._change(doc, cand))
        return RawQuantity(cand.start, cand.end, qualifier=cand.qualifier, value=clean(value), lower=clean(lower),
                           upper=clean(upper), unit=unit_name, dimension=dimension or "count",
                           counted=None if unit_name else self._counted(doc, cand),
                           si_value=clean(si), per=per, change=self._change(doc, cand))

    @staticmethod
    def _sentence(doc: Doc, cand: Candidate) -> str:
        span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
        return (span.sent.text if span is not None else text_of(doc)).lower()

    @staticmethod
    def _degrees(doc: Doc, cand: Candidate, setting: list[str]) -> UnitInfo | None:
        """Bare "degrees": an angle beside an angle word in its sentence ("rotate 90 degrees"),
        else a temperature when the sentence or article talks about one, else None.

        The scale of a temperature is the one the article writes elsewhere ("-5°C",
        "Fahrenheit"), else Fahrenheit when the only currency of the places named is
        the US dollar, else Celsius (documented default).
        """
        sentence = NumberFinder._sentence(doc, cand)
        if ANGLE_CONTEXT.search(sentence):
            return parse_unit("degrees")
        text = text_of(doc).lower()
        if not TEMPERATURE_CONTEXT.search(sentence) and not TEMPERATURE_CONTEXT.search(text):
            return parse_unit("degrees") if cand.unit == "°" else None  # the sign is a degree
        if "°c" in text or "celsius" in text or "℃" in text:
            return parse_unit("degrees celsius")
        if "°f" in text or "fahrenheit" in text or "℉" in text or setting == ["USD"]:
            return parse_unit("degrees fahrenheit")
        return parse_unit("degrees celsius")

    @staticmethod
    def _multiple_of(doc: Doc, cand: Candidate) -> str | None:
        """The base of a multiple written "<number> times <noun phrase>" ("6.5 times earnings", "three
        times the size of Wales") or "times higher/larger" ("" then), else None; not a count of
        occurrences ("visited three times", "twice a week": a frequency)."""
        if cand.kind != "number":
            return None
        span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
        if span is None or span.end + 1 >= len(doc) or doc[span.end].lower_ != "times":
            return None
        nxt = doc[span.end + 1]
        if nxt.tag_ in ("JJR", "RBR") or nxt.lower_ in ("more", "as"):
            return ""  # "three times higher", "twice as large"
        if nxt.lower_ in ("a", "an", "per", "each", "every", "this", "that", "last", "in", "over", "since"):
            return None  # "three times a week", "five times in May"
        head = nxt if nxt.pos_ in ("NOUN", "PROPN") else nxt.head if nxt.dep_ in ("det", "poss") and \
            nxt.head.pos_ in ("NOUN", "PROPN") and nxt.head.i > nxt.i else None
        if head is None:
            return None
        right = max((c.right_edge.i for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"), default=head.i)
        return span_text(doc[span.end + 1:right + 1])

    @staticmethod
    def _dollar_is_usd(doc: Doc, cand: Candidate) -> bool:
        """A bare "$" that is the US dollar in an article whose own dollar is another: a world
        commodity price ("$85.63 a barrel"), the dollar price of another currency ("the euro held at
        $1.0865"), or a bracketed conversion of an amount in another currency ("635.1 yuan
        ($87.26)"). Word lists: :mod:`pipeline.lexicons.numbers`."""
        if (cand.currency or "").lower() not in ("$", "dollar", "dollars", "cent", "cents", "¢"):
            return False
        text = text_of(doc)
        after = re.findall(r"[a-z]+", text[cand.end:cand.end + 24].lower())
        per = (cand.per or "").lower().split()
        if per and per[-1] in USD_PRICED_UNITS or after[:1] in (["a"], ["per"], ["an"]) and \
                len(after) > 1 and (after[1] in USD_PRICED_UNITS or after[1] == "metric" and after[2:3] in
                                    (["ton"], ["tons"], ["tonne"], ["tonnes"])):
            return True
        before = text[max(0, cand.start - 60):cand.start]
        fx = FX_QUOTE.search(before)
        if fx is not None and fx.group("cur").lower() in QUOTED_CURRENCIES:
            return True
        opened = CONVERSION_OPEN.search(before)
        if opened is not None:
            prior = [m for m in nc(doc)["money"] if m.end <= cand.start and
                     not text[m.end:cand.start - len(opened.group())].strip() and m.currency != "USD"]
            # (an amount in another currency, or in a dollar it names: "HK$3 billion ($380 million)")
            written = text[prior[-1].start:prior[-1].end].lower() if prior else ""
            bare = written.startswith("$") or re.search(r"\d\s*(?:[a-z]+\s+)?dollars?\b", written) is not None
            return bool(prior) and not bare
        return False

    @staticmethod
    def _pound_is_money(doc: Doc, cand: Candidate, setting: list[str]) -> bool:
        """Bare "pounds" is money in a British or Egyptian setting, beside "£" or "sterling",
        or in millions; otherwise a weight ("drop 25 pounds", "two pounds of meat")."""
        if any(code in _POUND_CURRENCIES for code in setting) or "£" in text_of(doc):
            return True
        after = text_of(doc)[cand.end:cand.end + 10].lower()
        return after.startswith(" sterling") or cand.value is not None and abs(cand.value) >= 1e6

    # -- reading the parse --------------------------------------------------
    @staticmethod
    def _span(doc: Doc, start: int, end: int) -> Span | None:
        return doc.char_span(start, end, alignment_mode="expand")

    def _counted(self, doc: Doc, cand: Candidate) -> str | None:
        span = self._span(doc, cand.core_start, cand.core_end)
        if span is None:
            return None
        tok = span[-1]
        whole = self._span(doc, cand.start, cand.end) or span
        whole_root = whole.root
        if (tok.dep_ not in ("nummod", "quantmod", "compound", "amod", "nmod") or
                whole.start <= tok.head.i < whole.end) and \
                whole_root.dep_ in ("nummod", "compound") and whole_root.head.i >= whole.end:
            # "three dozen ski lodges" ("dozen" hangs on "three"), "two hundred and five
            # packages" ("five" is a conjunct), "3-5 million workers": the phrase's root counts
            tok = whole_root
        head = tok.head
        if head.lower_ == "times" or span.end < len(doc) and doc[span.end].lower_ == "times":
            return None  # "one and a half times the ₹823 crore": a multiplier, not a count of times
        if mentions_by_position(doc, "dates").at(head.idx) is not None:
            return None  # "plans to open more than 20 next year": a date is never what is counted
        if tok.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and head.i > tok.i and \
                head.pos_ in ("NOUN", "PROPN"):
            first = max(tok.i + 1, whole.end)
            # skip past another numeric span inside ("Three trillion-yuan clusters")
            lo, hi = tok.idx, head.idx + len(head)
            # (one wholly before the number or after its noun cannot lie between)
            for m in self._spans.overlapping(lo, hi):
                ms = self._span(doc, m.start, m.end)
                if ms is not None and tok.i < ms.start and ms.end <= head.i:
                    first = max(first, ms.end)
            while first < head.i and doc[first].is_punct:
                first += 1
            if first <= head.i:
                return span_text(doc[first:head.i + 1])
        if span.end + 1 < len(doc) and doc[span.end].lower_ == "of":
            # "ten of the 15 board members", "Forty-two of the company's roughly 600
            # employees": a number before a partitive "of" counts the of-phrase's noun
            noun = next((c for c in doc[span.end].children if c.dep_ == "pobj"), None)
            if noun is not None and noun.pos_ == "NOUN" and noun.tag_ == "NNS":
                return self._bare_noun(doc, noun)
        if tok.dep_ in ("nsubj", "nsubjpass", "dobj") and head.pos_ in ("VERB", "AUX") and len(span) == 1:
            # "Of the 14 delays it logged, nine were blamed on the works": a bare number
            # takes the noun of a partitive "of" phrase set before it
            part = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of" and c.i < tok.i), None)
            noun = next((c for c in part.children if c.dep_ == "pobj"), None) if part is not None else None
            if noun is not None and noun.pos_ == "NOUN" and noun.tag_ == "NNS":
                return self._bare_noun(doc, noun)
        return None

    @staticmethod
    def _bare_noun(doc: Doc, noun: Token) -> str:
        """A plural noun with its compound and adjective modifiers ("board members")."""
        left = noun.i
        while left > 0 and doc[left - 1].dep_ in ("compound", "amod") and doc[left - 1].head == noun:
            left -= 1
        return span_text(doc[left:noun.i + 1])

    def _counted_after_of(self, doc: Doc, end: int) -> str | None:
        return self._of_phrase(doc, end)

    def _predeterminer_base(self, doc: Doc, cand: Candidate) -> str | None:
        """The base of a fraction written before a determiner, with no "of": "half the average
        of the last 30 years", "a third the size of its rival", "twice"-less forms only."""
        if cand.kind != "fraction" or not re.match(r" (?:the|its|their|his|her|our|this|that) ",
                                                   text_of(doc)[cand.end:cand.end + 7], re.IGNORECASE):
            return None
        span = self._span(doc, cand.end + 1, cand.end + 2)
        if span is None or span[0].dep_ not in ("det", "poss") or span[0].head.pos_ not in ("NOUN", "PROPN"):
            return None
        head = span[0].head
        right = head.i + 1
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ in ("of", "in"):
                right = child.right_edge.i + 1
        return span_text(doc[span[0].i:right])

    def _of_phrase(self, doc: Doc, end: int) -> str | None:
        """The base phrase of "... of X": the object of the "of" right after ``end``."""
        rest = text_of(doc)[end:end + 4]
        if not rest.lower().startswith(" of "):
            return None
        span = self._span(doc, end + 1, end + 3)
        if span is None:
            return None
        of_tok = span[0]
        objs = [c for c in of_tok.children if c.dep_ in ("pobj", "pcomp")]
        if not objs:
            return None
        obj = objs[0]
        left = of_tok.i + 1
        right = obj.i + 1
        # keep the noun phrase: pre-modifiers and compound/possessive, plus "of"-complements
        for child in obj.rights:
            if child.dep_ in ("prep",) and child.lower_ in ("of", "in"):
                right = child.right_edge.i + 1
        return span_text(doc[left:right])

    def _change(self, doc: Doc, cand: Candidate) -> RawChange | None:
        span = self._span(doc, cand.start, cand.end)
        if span is None:
            return None
        duration = cand.kind == "unit" and self._is_duration(cand)
        # a duration is a change only when compared: "ran one week longer than its fiscal 2023"
        direction = self._comparative(doc, span, cand.kind) if duration else self._direction(doc, span, cand.kind)
        if direction is None:
            return None
        # the basis is named after the value ("rose 7% year on year") or ahead of it
        # ("Compared with a year earlier, output was 3.4 percent higher")
        sent = span.sent
        tail = text_of(doc)[cand.end:sent.end_char][:120]
        head = text_of(doc)[sent.start_char:cand.start]
        # (a sentence-opening basis, "On a year-on-year basis, ...", is not that of a comparison
        # with something else: "0.3 percentage points above the median forecast")
        opening = head.lstrip() if (tail.split()[:1] or [""])[0].lower() not in COMPARATIVE_UP | COMPARATIVE_DOWN \
            else ""
        basis = next((b for rx, b in BASIS_PATTERNS if rx.search(tail)), None) or \
            next((b for rx, b in BASIS_PATTERNS if rx.search(head) and "compar" in head.lower()), None) or \
            next((b for rx, b in BASIS_PATTERNS if (m := rx.search(opening)) and
                  m.start() <= 6 and "," in opening[m.end():m.end() + 10]), None)
        return RawChange(direction=direction, basis=basis)

    @staticmethod
    def _is_duration(cand: Candidate) -> bool:
        info = parse_unit(cand.unit or "")
        return info is not None and info.dimension == "[time]"

    @staticmethod
    def _comparative(doc: Doc, span: Span, kind: str) -> str | None:
        """"8 percent more than", "9 percent ahead of", "5.1 percent lower", "0.2 percentage
        points slower", "5.7 billion kilowatt hours less than", "4 billion pounds over
        budget", "$215 billion better off"; a plain count only with its "than" ("4,000 more
        workers than")."""
        last = span[-1]
        if last.i + 1 >= len(doc):
            return None
        than = any(t.lower_ == "than" for t in doc[last.i + 2:last.i + 6])
        if kind not in ("percent", "money", "unit") and not than:
            return None
        after = doc[last.i + 1].lower_
        if after in ("more", "less", "fewer") and kind not in ("percent", "money") and not than:
            return None  # "3 million sq m more will be developed": more of it, no comparison
        if after in ("over", "under") and not any(t.lower_ in OVER_UNDER_REFERENCES
                                                   for t in doc[last.i + 2:last.i + 5]):
            return None  # "over budget", "under target": not "over the same stretch", "over 5 years"
        if after in COMPARATIVE_UP or after == "over":
            return "increase"
        if after in COMPARATIVE_DOWN or after == "under":
            return "decrease"
        return None

    @staticmethod
    def _direction(doc: Doc, span: Span, kind: str) -> str | None:
        first = span[0]
        if first.i > 1 and doc[first.i - 1].lower_ == "at" and kind in ("percent", "money"):
            # "held at 7.1 percent", "was unchanged at 2.1 percent", "held steady at 2%":
            # a level stated as no change
            before, at = doc[first.i - 2], doc[first.i - 1]
            if before.lemma_.lower() in _UNCHANGED_WORDS or \
                    at.head.lemma_ in ("hold", "keep", "leave", "remain", "stay"):
                return "unchanged"
        if first.i > 0:
            prev = doc[first.i - 1]
            # "up 5 percent", "down 3.2 percent" — not the particle of "make up 58 percent"
            particle = first.i > 1 and doc[first.i - 2].pos_ in ("VERB", "AUX") and \
                doc[first.i - 2].lemma_ not in ("be", "end", "close", "finish")
            if prev.lower_ == "up" and not particle:
                return "increase"
            if prev.lower_ == "down" and not particle:
                return "decrease"
        compared = NumberFinder._comparative(doc, span, kind)
        if compared is not None:
            return compared
        if first.i > 0 and doc[first.i - 1].lower_ == "to" and doc[first.i - 1].head.lemma_ != "up":
            return None  # "grew by 92,000 to 16.4 million": the level reached (the parser may read a range)
        if first.i > 0 and doc[first.i - 1].lower_ == "by" and doc[first.i - 1].head.pos_ in ("VERB", "AUX"):
            verb = doc[first.i - 1].head  # "grew by 92,000", "cut ... by a combined 19,000"
            if verb.lemma_ in INCREASE_LEMMAS:
                return "increase"
            if verb.lemma_ in DECREASE_LEMMAS:
                return "decrease"
        root = span.root
        # "a 12 percent drop": the value modifies a change noun; "an increase of
        # 11 percent": the value is the change noun's "of" object
        head = root.head
        noun = head if head.i > span.end - 1 and head.pos_ == "NOUN" else None
        if root.dep_ == "pobj" and head.lower_ in ("of", "by") and head.head.pos_ == "NOUN":
            noun = head.head
        if noun is not None:
            if kind == "money" and noun.lemma_ in AMOUNT_LEVEL_NOUNS:
                return None
            if noun.lemma_ in INCREASE_NOUNS:
                return "increase"
            if noun.lemma_ in DECREASE_NOUNS:
                return "decrease"
            if noun.lemma_ in PREMIUM_NOUNS:
                return PREMIUM_NOUNS[noun.lemma_]
            if noun.lemma_ in CHANGE_RATE_NOUNS and noun.dep_ == "pobj" and noun.head.lower_ == "at":
                verb = noun.head.head  # "rose at an annual rate of 3.1%": the verb's change
                if verb.lemma_ in INCREASE_LEMMAS:
                    return "increase"
                if verb.lemma_ in DECREASE_LEMMAS:
                    return "decrease"
        # "surged 16.5 percent", "fell by 3 percent" — the value is the amount of
        # change: the verb's object or adverbial, or the object of "by". Not "rose
        # to 4.3 percent" (a level) nor "in the three months to" (a period).
        if kind == "number" and (root.dep_ == "dobj" or root.dep_ in ("nummod", "quantmod", "compound") and
                                 root.head.dep_ == "dobj"):
            return None  # "employers added 160,000 jobs": how many were added, a level of the flow
        if root.dep_ in ("dobj", "npadvmod", "advmod", "attr", "oprd", "acomp"):
            tok = root.head
        elif root.dep_ == "pobj" and root.head.lower_ == "by":
            tok = root.head.head
        elif root.dep_ in ("nummod", "quantmod", "compound") and root.head.dep_ in ("dobj", "npadvmod"):
            tok = root.head.head
        else:
            return None
        if tok.lemma_ in INCREASE_LEMMAS:
            return "increase"
        if tok.lemma_ in DECREASE_LEMMAS:
            return "decrease"
        return None


_MORE_AFTER = re.compile(r"^\s+(?:more|others|other|additional|extra)\b", re.IGNORECASE)


def _carry_counted(doc: Doc, quantities: list[RawQuantity]) -> None:
    """A bare count followed by "more"/"others" counts what the count before it in its sentence
    counts: "68,400 people were evacuated and 95,800 more ..." -> 95,800 people."""
    text = text_of(doc)
    for n, q in enumerate(quantities):
        if q.unit or q.counted or not _MORE_AFTER.match(text[q.end:q.end + 16]):
            continue
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None:
            continue
        sent_start = span.sent.start_char
        earlier = [p for p in quantities[:n] if p.start >= sent_start and p.counted
                   and not p.unit]
        if earlier:
            q.counted = earlier[-1].counted


def _mul(value: float | None, factor: float) -> float | None:
    return None if value is None else value * factor


def _overlaps(span: tuple[int, int], others: Iterable[tuple[int, int]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in others)


@Language.factory("newsclaims_numbers")
def make_numbers(nlp: Language, name: str) -> NumberFinder:
    """Factory: the numeric-mention component (no options)."""
    return NumberFinder()
