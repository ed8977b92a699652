"""Find numeric expressions in text: a small lexer and a grammar over its tokens.

Pure (no spaCy): :func:`scan` takes a text and returns :class:`Candidate`
objects with character offsets, the value, hedge, range, unit/currency surface
and rate. The spaCy component (:mod:`pipeline.components.numbers`) filters them
against dates and names and adds what needs the parse (counted noun, "of"
base, change).

Why our own lexer: spaCy's tokenizer keeps "HK$5", "3.5bn", "10km2" and
"2021–2025" whole but splits "700-billion-yuan"; one regex pass over the text
gives the same tokens for every spelling, and it runs once per article.

>>> [(c.text, c.value, c.qualifier) for c in scan("It has more than 200 models.")]
[('more than 200', 200.0, 'lower_bound')]
>>> [(c.value, c.currency, c.adjectival) for c in scan("Three trillion-yuan clusters")]
[(3.0, None, False), (1000000000000.0, 'yuan', True)]
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field

from pipeline.lexicons.durations import ANCHORING_WORDS, EXTENT_WORDS, PERIOD_LEADS, PeriodLead
from pipeline.lexicons.numbers import (
    FRACTION_DENOMINATORS,
    FRACTION_WORDS,
    IRREGULAR_PLURALS,
    METRE_PLURALS,
    NOT_PLURAL_NOUNS,
    ORDINAL_SUFFIXES,
    ORDINAL_WORDS,
    PAIR_WORDS,
    POST_HEDGES,
    PRE_HEDGES,
    SCALE_ABBREVIATIONS,
    SCALE_WORDS,
    SET_MEMBER_NOUNS,
    SPACED_SCALE_ABBREVIATIONS,
    TENS_WORDS,
    UNITS_WORDS,
    VAGUE_SCALES,
)
from pipeline.normalize.money import MINOR_UNITS, currency_code
from pipeline.normalize.numbers import parse_digits, words_value
from pipeline.normalize.units import parse_unit

_D = "[0-9\uff10-\uff19]"
_TOKEN = re.compile(
    r"(?P<num>"
    rf"{_D}{{1,3}}(?:[.\uff0e]{_D}{{3}})+,{_D}{{1,2}}(?!{_D})|(?:"  # 1.234,56: dot groups, decimal comma
    rf"{_D}{{1,3}}(?:(?:,|[\u00a0\u2009\u202f]){_D}{{3}})+(?!{_D})"  # 1,234  1 234 (no-break)
    rf"|{_D}{{1,2}}(?:,{_D}{{2}})+,{_D}{{3}}(?!{_D})"  # 12,34,567 (South-Asian grouping)
    rf"|{_D}{{1,3}}(?: {_D}{{3}}(?!{_D}))+(?![.,]?{_D})"  # 1 234 567 (plain spaces, groups of three)
    rf"|{_D}+)(?:[.\uff0e]{_D}+)?(?:[eE][+-]?[0-9]+(?![^\W\d_]))?"  # decimals, 1.3e6
    rf"|[.\uff0e]{_D}+)"
    r"|(?P<frac>[\u00bc-\u00be\u2150-\u215e])"  # vulgar fractions: ½ ⅔ ¾
    r"|(?P<word>[^\W\d_]+)"
    r"|(?P<sym>\S)"
)
HYPHENS = "-\u2010\u2011"
DASHES = "-\u2010\u2011\u2012\u2013\u2014"
MINUS = "\u2212\u2012\ufe63\uff0d"
CURRENCY_SYMBOLS = "$€£¥₹₩₽₺₦₱₫₪元"
PERCENT_SIGNS = "%\uff05"
# Words after which a number is a label, not an amount ("Section 427").
LABEL_WORDS = frozenset("""
section route article chapter flight room gate terminal platform line model version
level phase stage grade item paragraph rule clause title interstate highway bus apollo
no number vol volume page pp figure table exhibit schedule act district ward precinct
squad unit lot track episode season window windows iphone boeing airbus series
""".split())
_NUMBER_WORDS = frozenset(UNITS_WORDS) | frozenset(TENS_WORDS)
# Plurals read only as vague amounts ("tens of thousands"), never as a multiplier.
VAGUE_ONLY = frozenset({"tens"})
_BIG_SCALES = frozenset(w for w in SCALE_WORDS if not w.endswith("s") and w not in ("hundred", "dozen", "doz", "dz"))
_GROUP_SCALES = frozenset(("hundred", "thousand", "million", "billion", "trillion"))
# Ordinal words that name a fraction's denominator ("fifths", "twenty-firsts", "thirtieth").
# Not "second(s)" (a duration: "thirty seconds") and not "first(s)" alone (a denominator of one).
_DENOMINATORS: dict[str, int] = {
    **{w: v for w, v in ORDINAL_WORDS.items() if w != "second"},
    **{w + "s": v for w, v in ORDINAL_WORDS.items() if w != "second"},
    "half": 2, "halves": 2, "quarter": 4, "quarters": 4,
}
# The words a value can start with (what _Scanner._core reads); scan skips every other word.
_STARTERS = _NUMBER_WORDS | _BIG_SCALES | {"a", "an", "point", "half", "quarter", "hundred"}
# Words after which "half" is a share of what follows ("half the staff", "half its value").
_HALF_OF = frozenset("of the its their his her our your these those all".split())
_ORDINAL_UNITS = frozenset(w for w, v in ORDINAL_WORDS.items() if v < 10)
_ORDINAL_SCALES = {"hundredth": "hundred", "thousandth": "thousand", "millionth": "million"}
CHANGE_VERBS = frozenset("""
rose rise rises rising risen fell fall falls falling fallen grew grow grows growing grown
increased increase increases increasing decreased decrease decreases decreasing declined
decline declines declining dropped drop drops dropping climbed climb climbs climbing
jumped jump jumps jumping surged surge surges surging slipped slip slips slid slide
gained gain gains gaining lost plunged plunge plunges soared soar soars tumbled tumble
expanded expand expands shrank shrink shrinks contracted contract contracts up down
edged edge edges ticked tick ticks widened narrowed doubled tripled quadrupled halved
double triple quadruple halve went moved changed shifted cut raised lowered boosted
""".split())
RATE_WORDS = ("a", "an", "per", "each")
# After "a year", "a decade": these make it a date, not a rate ("£388 million a year ago")
DATE_AFTER_PERIOD = frozenset({"ago", "earlier", "later", "before", "back", "previously"})
PERIOD_WORDS = frozenset("year month week day decade quarter summer winter spring autumn season century hour "
                         "minute half".split())
_OPENING = {"(": ")", "[": "]", "{": "}", "<": ">"}
# Scale letters glued to a temperature's digits ("30C", "86F").
_TEMPERATURE_LETTERS = frozenset("CF")
_URL = re.compile(r"(?:https?://|www\.)\S+")


@dataclass(slots=True)
class Tok:
    text: str
    start: int
    end: int
    kind: str  # "num" | "word" | "sym"
    low: str  # text.lower(), computed once: the grammar reads it many times per token


@dataclass
class Candidate:
    """A numeric expression found in text."""

    start: int
    end: int
    text: str
    value: float | None
    kind: str = "number"  # number | percent | money | unit | fraction | ordinal
    qualifier: str = "exact"
    lower: float | None = None
    upper: float | None = None
    core_start: int = 0
    core_end: int = 0
    percent_unit: str | None = None  # percent | percentage_point | basis_point | fraction
    currency: str | None = None  # surface ("$", "yuan", "HK$"), resolved by the component
    currency_factor: float = 1.0
    unit: str | None = None  # unit surface
    per: str | None = None
    adjectival: bool = False
    spelled: bool = False
    digits_only: str | None = None  # the bare digit string when the core is one number token
    hedge: str | None = None
    extra: dict[str, object] = field(default_factory=dict)


def tokenize(text: str) -> list[Tok]:
    """Split text into number, word and symbol tokens (one regex pass).

    :func:`scan`, :func:`vague_scales` and :func:`ordinal_words` take these
    tokens (``toks=``), so an article is tokenized once for all three.
    """
    out = []
    for m in _TOKEN.finditer(text):
        word = m.group()
        out.append(Tok(word, m.start(), m.end(), m.lastgroup or "sym", word.lower()))
    return out


def _adjacent(a: Tok, b: Tok) -> bool:
    return a.end == b.start


# Currency codes that are also English words: not money when written before a
# number in capitals ("ALL 5 solutions"); after a number they are ("5 TRY").
_WORD_CODES = frozenset({"ALL", "CUP", "TOP", "MOP", "PEN", "SOS", "BOB", "TRY", "MAD", "GEL", "AMD", "BAM"})


_DETERMINERS = frozenset("the a an this that its their his her our your whose".split())
# Words that are currency names but, before a number, mean something else.
_NOT_NAME_BEFORE = frozenset({"won", "real", "rand", "som", "mark", "pound", "pounds", "euro", "lek", "kip"})


def _is_currency_symbol(text: str) -> bool:
    return text in CURRENCY_SYMBOLS or len(text) == 1 and unicodedata.category(text) == "Sc"


def _glued_code(word: str) -> tuple[str, float] | None:
    """A currency written against the digits: "USD115", "42MYR", "RM42", "20Rs", "MUSD" (millions).

    Returns (surface, scale): "MUSD" and "KEUR" are the Nordic business
    shorthand for millions and thousands of a currency.
    """
    if word.isupper() and len(word) in (2, 3) or word in ("Rs", "Rs."):
        return (word, 1.0) if currency_code(word) else None
    if word.isupper() and len(word) == 4 and word[0] in "MK" and currency_code(word[1:]):
        return word[1:], 1e6 if word[0] == "M" else 1e3
    return None


class _Scanner:
    def __init__(self, text: str, toks: list[Tok] | None = None) -> None:
        self.text = text
        self.toks = tokenize(text) if toks is None else toks
        self.n = len(self.toks)

    def tok(self, i: int) -> Tok | None:
        return self.toks[i] if 0 <= i < self.n else None

    def low(self, i: int) -> str:
        return self.toks[i].low if 0 <= i < self.n else ""

    # -- cores ------------------------------------------------------------
    def is_identifier(self, i: int) -> bool:
        """A digit token glued to letters or codes: "G20", "COVID-19", "F-150", "5G", "24/7"."""
        t = self.toks[i]
        prev, nxt = self.tok(i - 1), self.tok(i + 1)
        if len(t.text) > 1 and t.text[0] in "0０" and t.text[1].isdigit() and "." not in t.text:
            return True  # "0143": a code or phone group, not an amount ("01.10" is 1.1)
        if prev and prev.kind == "word" and prev.low in LABEL_WORDS and prev.text[:1].isupper():
            return True  # "Section 427", "Route 2013"
        if self._group_chain(i) >= 3:
            return True  # "270-555-0143", "192.168.1.1": codes, not amounts
        if prev and prev.text == "(" and nxt and nxt.text == ")" and len(t.text) == 3 and \
                (n2 := self.tok(i + 2)) and n2.kind == "num":
            return True  # "(555) 013-4567"
        if prev and _adjacent(prev, t):
            dollar_first = (pp := self.tok(i - 2)) is not None and pp.text == "$" and _adjacent(pp, prev)  # "$A20"
            if prev.kind == "word" and prev.text not in CURRENCY_SYMBOLS and \
                    prev.text.upper() not in ("US", "HK", "NT", "CA", "AU", "NZ", "R", "RS") \
                    and _glued_code(prev.text) is None and not dollar_first:
                return True
            if prev.text in HYPHENS:
                pp = self.tok(i - 2)
                unit_end = pp is not None and pp.kind == "word" and (p3 := self.tok(i - 3)) is not None and \
                    p3.kind == "num" and _adjacent(p3, pp) and parse_unit(pp.text) is not None  # "3km-5km"
                if pp and _adjacent(pp, prev) and pp.kind in ("word", "num") and not unit_end and \
                        not (pp.kind == "num" and self._range_dash(i - 1)):
                    return True  # "COVID-19", "scp-173", "270-555"
                if pp and pp.kind == "num" and (ppp := self.tok(i - 3)) and ppp.kind == "word" and \
                        _adjacent(ppp, pp) and _adjacent(pp, prev):
                    return True  # "scp2-173"
            if prev.text in "/:#" or prev.text == ".":
                return True
        if nxt and _adjacent(t, nxt) and self._power(i) is None:
            if nxt.text in "/:" and (n2 := self.tok(i + 2)) and n2.kind == "num" and _adjacent(nxt, n2):
                return self.digit_fraction(i) is None
            if nxt.kind == "word":
                suffix = nxt.text
                if suffix in SCALE_ABBREVIATIONS or suffix.lower() in SCALE_WORDS:
                    return False
                if suffix in ("s", "S") and t.text.endswith("0"):  # "1990s", "the 80s": decades
                    return True
                if suffix.lower() in ORDINAL_SUFFIXES or parse_unit(suffix) is not None:
                    return False
                if suffix in ("p", "c") or _glued_code(suffix) is not None:  # "4.1p", "43c", "115USD"
                    return False
                if suffix in _TEMPERATURE_LETTERS:  # "30C (86F)": the component reads it by its sentence
                    return False
                n2 = self.tok(i + 2)
                if not suffix.isascii() and currency_code(suffix) or n2 and _adjacent(nxt, n2) and \
                        _is_currency_symbol(n2.text) and currency_code(suffix + n2.text):
                    return False  # "100元", "3.14US$"
                if suffix in ("st", "nd", "rd", "th"):
                    return False
                return True
        return False

    def _power(self, i: int) -> tuple[int, float, bool] | None:
        """"^23", "^-1" or "x10^6" glued after token i: (index after, exponent or factor, is_factor)."""
        k, times = i + 1, False
        if self.low(k) == "x" and self.tok(k + 1) and self.toks[k + 1].text == "10" and self.low(k + 2) == "^":
            k, times = k + 2, True
        if self.low(k) != "^" or not all(_adjacent(self.toks[x], self.toks[x + 1]) for x in range(i, k)):
            return None
        k += 1
        sign = 1.0
        while self.low(k) in ("-", "+") and _adjacent(self.toks[k - 1], self.toks[k]):
            sign *= -1.0 if self.low(k) == "-" else 1.0
            k += 1
        e = self.tok(k)
        if e is None or e.kind != "num" or not e.text.isdigit() or not _adjacent(self.toks[k - 1], e) or \
                len(e.text) > 3:
            return None
        exponent = sign * int(e.text)
        return k + 1, (10.0 ** exponent if times else exponent), times

    def _million_noun(self, k: int) -> bool:
        """Whether token k, after a glued "m", makes the "m" a million: a currency ("40m
        euros", "3m USD") or a plural count noun ("4.5m workers", "2m tonnes", "5m
        people"), not a race ("the 400m hurdles") nor a word that only ends in -s."""
        t = self.tok(k)
        if t is None or t.kind != "word" or t.start - self.toks[k - 1].end != 1:
            return False
        if len(t.text) > 1 and currency_code(t.text) is not None and not _is_currency_symbol(t.text):
            return t.low not in ("m", "won") or t.text.isupper()
        if t.low in IRREGULAR_PLURALS:
            return True
        return len(t.low) > 3 and t.low.endswith("s") and not t.low.endswith(("ss", "us", "is")) and \
            t.low not in METRE_PLURALS and t.low not in NOT_PLURAL_NOUNS

    def digit_fraction(self, i: int) -> tuple[int, float] | None:
        """"3/4", "20/100" at token i -> (index after, value); not dates or codes ("9/11", "24/7")."""
        a, slash, b = self.tok(i), self.tok(i + 1), self.tok(i + 2)
        if not (a and slash and b and slash.text == "/" and b.kind == "num" and _adjacent(a, slash)
                and _adjacent(slash, b) and a.text.isdigit() and b.text.isdigit()):
            return None
        after, before = self.tok(i + 3), self.tok(i - 1)
        if after and _adjacent(b, after) and after.text in "/-." or \
                before and _adjacent(before, a) and before.text in "/.":
            return None
        num, den = int(a.text), int(b.text)
        if den not in FRACTION_DENOMINATORS or not 0 < num < den:
            return None
        return i + 3, num / den

    def _group_chain(self, i: int) -> int:
        """How many digit groups are glued by hyphens or dots around token i."""
        count = 1
        for step in (-1, 1):
            k = i
            while True:
                sep, nxt = self.tok(k + step), self.tok(k + 2 * step)
                if not (sep and nxt and sep.text in HYPHENS + "." and nxt.kind == "num"):
                    break
                a, b = (nxt, sep) if step < 0 else (sep, nxt)
                if not (_adjacent(a, b) and _adjacent(*((sep, self.toks[k]) if step < 0 else (self.toks[k], sep)))):
                    break
                count += 1
                k += 2 * step
        return count

    def _range_dash(self, i: int) -> bool:
        t = self.tok(i)
        return bool(t and t.text in DASHES)

    def core(self, i: int) -> tuple[int, float, dict] | None:
        """Parse a number core starting at token i; return (index after, value, info)."""
        parsed = self._core(i)
        if parsed is None:
            return None
        j, value, info = parsed
        if info.get("fraction") or info.get("adjectival") or info.get("needs_unit"):
            return parsed
        return self._tail(j, value, info)

    def _core(self, i: int) -> tuple[int, float, dict] | None:
        t = self.toks[i]
        info: dict = {"spelled": False, "adjectival": False}
        if t.kind == "frac":  # "½", "¾ cup"
            info["digits"] = t.text
            return i + 1, unicodedata.numeric(t.text), info
        if t.kind == "num":
            if self.is_identifier(i):
                return None
            frac = self.digit_fraction(i)
            if frac is not None:  # "3/4"
                info["digits"] = self.text[t.start:self.toks[frac[0] - 1].end]
                return frac[0], frac[1], info
            value = parse_digits(t.text)
            if value is None:
                return None
            info["digits"] = t.text
            j = i + 1
            nxt = self.tok(j)
            if nxt and _adjacent(t, nxt) and nxt.kind == "frac":  # "2½"
                return j + 1, value + unicodedata.numeric(nxt.text), info
            if nxt and nxt.kind == "num" and value == int(value) and 0 < nxt.start - t.end <= 3 and \
                    self.text[t.end:nxt.start].strip(" ") == "" and \
                    (frac := self.digit_fraction(j)) is not None:  # "2 1/4"
                return frac[0], value + frac[1], info
            if (power := self._power(i)) is not None:  # "1.1^23", "1.3x10^6"
                try:
                    powered = value * power[1] if power[2] else value ** power[1]
                except OverflowError:  # "10^400": no finite value; the mention is dropped
                    return None
                return power[0], powered, info
            if nxt and _adjacent(t, nxt) and nxt.kind == "word" and (
                    nxt.text in SCALE_ABBREVIATIONS or nxt.low in SCALE_WORDS):
                value *= SCALE_ABBREVIATIONS.get(nxt.text) or SCALE_WORDS[nxt.low]
                info["scaled"] = SCALE_ABBREVIATIONS.get(nxt.text) or SCALE_WORDS[nxt.low]
                return j + 1, value, info
            if nxt and _adjacent(t, nxt) and nxt.text == "m" and self._million_noun(j + 1):
                info["scaled"] = 1e6  # "40m euros", "4.5m workers" (see METRE_PLURALS)
                return j + 1, value * 1e6, info
            return self._scales(j, value, info)
        if t.kind != "word":
            return None
        w = t.low
        if (w in ("a", "an") or w in _NUMBER_WORDS) and (shared := self._ordinal_fraction(i)) is not None:
            return shared
        # "a third", "a million", "a dozen", "a pair", "a liter"
        if w in ("a", "an", "one"):
            nx = self.low(i + 1)
            if nx in FRACTION_WORDS and nx not in ("second",) and not _ordinal_after_article(self.toks, i + 1):
                return self._fraction_tail(i + 1, 1.0, info)
        if w in ("a", "an"):
            nx = self.low(i + 1)
            if nx in ("hundred", "thousand", "million", "billion", "trillion", "dozen", "lakh", "crore"):
                info["spelled"] = True
                return self._scales(i + 1, 1.0, info)
            if nx in PAIR_WORDS:  # "a pair of", "a couple of": two
                info.update(spelled=True, couple=nx == "couple")
                return i + 2, 2.0, info
            if self.tok(i + 1) and self.toks[i + 1].kind == "word":  # "a kilogram", "a dollar"
                info.update(spelled=True, needs_unit=True)
                return i + 1, 1.0, info
            return None
        if w == "point" and (i == 0 or self.toks[i - 1].kind == "sym") and (dec := self._decimals(i + 1)):
            info["spelled"] = True  # "point 77" opening a clause: 0.77
            return dec[0], float("0." + dec[1]), info
        if w in ("half", "quarter"):
            k = i + 2 if self.low(i + 1) in ("a", "an") else i + 1
            scale = self.low(k)
            if scale in _BIG_SCALES or scale == "dozen":  # "half a dozen", "quarter million"
                info.update(spelled=True, scaled=SCALE_WORDS[scale])
                return self._scales(k + 1, FRACTION_WORDS[w] * SCALE_WORDS[scale], info)
            if w == "half" and (self.low(i + 1) in _HALF_OF or self.hedge_before(i) is not None and
                                self.low(i + 1) not in ("a", "an", "past", "hour", "time", *HYPHENS)):
                info["fraction"] = True  # "half of", "half the staff", "more than half"
                return i + 1, 0.5, info
            nt = self.tok(i + 1)
            if nt and (nt.kind == "word" or nt.text in HYPHENS):  # "half a litre", "half-litre"
                info.update(spelled=True, needs_unit=True)
                return (k if k == i + 2 else i + 1), FRACTION_WORDS[w], info
            return None
        if w in _BIG_SCALES or w in ("hundred",):
            # "trillion-yuan": a scale word standing for "one <scale>" in an adjective
            nt, nt2 = self.tok(i + 1), self.tok(i + 2)
            if nt and nt.text in HYPHENS and _adjacent(t, nt) and nt2 and _adjacent(nt, nt2):
                info.update(spelled=True, adjectival=True)
                return i + 1, SCALE_WORDS[w], info
            prev = self.tok(i - 1)
            if prev is None or prev.kind != "num" and prev.low not in _NUMBER_WORDS:
                info.update(spelled=True, needs_unit=True)  # "thousand liters", "hundred thousand dollars"
                return self._scales(i, 1.0, info)
            return None
        if w not in _NUMBER_WORDS:
            return None
        # spelled run
        words: list[str] = []
        j = i
        while j < self.n:
            tj = self.toks[j]
            lw = tj.low
            if lw in _NUMBER_WORDS or lw in ("hundred", "dozen") or lw in _BIG_SCALES or \
                    words and (lw in SCALE_WORDS and lw not in VAGUE_ONLY or tj.text in SPACED_SCALE_ABBREVIATIONS):
                # "three trillion-yuan": stop before an adjectival scale word
                if lw in _BIG_SCALES and words:
                    h, a = self.tok(j + 1), self.tok(j + 2)
                    if h and h.text in HYPHENS and _adjacent(tj, h) and a and _adjacent(h, a):
                        break
                if lw in _NUMBER_WORDS and words and words[-1] in _NUMBER_WORDS and \
                        not (words[-1] in TENS_WORDS and lw in UNITS_WORDS and UNITS_WORDS[lw] < 10):
                    if (said := self._said_hundreds(words, j)) is not None:
                        info.update(spelled=True, said=True)
                        return said[0], said[1], info
                    break  # "one twenty", "three five": two numbers, not one
                words.append(lw)
                j += 1
                continue
            if lw in HYPHENS and words and _adjacent(self.toks[j - 1], tj):
                nt = self.tok(j + 1)
                if nt and _adjacent(tj, nt) and nt.low in UNITS_WORDS and words[-1] in TENS_WORDS:
                    j += 1
                    continue
                if nt and _adjacent(tj, nt) and nt.low in _ORDINAL_UNITS and words[-1] in TENS_WORDS:
                    return None  # "the twenty-fifth", "a twenty-first-century city": an ordinal
                if nt and _adjacent(tj, nt) and nt.low in FRACTION_WORDS:
                    return self._fraction_tail(j + 1, words_value(words) or 0, info)
                break
            if lw in HYPHENS and words and words[-1] in TENS_WORDS and 0 < UNITS_WORDS.get(self.low(j + 1), 0) < 10:
                j += 1  # "fifty - two": a spaced hyphen inside a compound (a range never falls from 50 to 2)
                continue
            if lw == "and" and words and self.low(j + 1) in _NUMBER_WORDS and \
                    words[-1] in ("hundred", "thousand", "million", "billion", "trillion") and \
                    not self._fraction_follows(j + 1):
                j += 1
                continue
            break
        if not words:
            return None
        if words[-1] in TENS_WORDS and self.low(j) in _ORDINAL_UNITS:
            return None  # "the twenty first century": the tens belong to the ordinal
        value = words_value(words)
        if value is None:
            return None
        info["spelled"] = True
        scales = [SCALE_WORDS[x] for x in words if x in SCALE_WORDS]
        if scales:
            info["scaled"] = scales[-1]
        # "two thirds", "three quarters" (fraction of something); "two hundredth" is an ordinal
        nx = self.low(j)
        if nx in ("hundredth", "thousandth", "millionth") and len(words) == 1:
            return None
        if nx in FRACTION_WORDS and nx.endswith("s") and nx not in ("seconds",):
            return self._fraction_tail(j, value, info)
        if nx in ("quarter", "third") and value < (4 if nx == "quarter" else 3) and \
                self.unit_after(j + 1, hyphenated=False) is not None:
            return self._fraction_tail(j, value, info)  # "three quarter hour": "three-quarter" unhyphenated
        return j, value, info

    def _said_hundreds(self, words: list[str], j: int) -> tuple[int, float] | None:
        """"one twenty two" = 122: hundreds said as a digit, then tens and units (flight and room numbers).

        Only the full spaced three-word form, with nothing hyphenated after it ("one twenty
        two-year-old" is one person aged 22); "one twenty" alone stays two numbers.
        """
        if len(words) != 1 or not 0 < UNITS_WORDS.get(words[0], 0) < 10 or self.low(j) not in TENS_WORDS:
            return None
        units, after = self.tok(j + 1), self.tok(j + 2)
        if units is None or not 0 < UNITS_WORDS.get(units.low, 0) < 10 or _adjacent(self.toks[j], units):
            return None
        if after is not None and (after.text in HYPHENS or after.low in _NUMBER_WORDS):
            return None
        return j + 2, UNITS_WORDS[words[0]] * 100 + TENS_WORDS[self.low(j)] + UNITS_WORDS[units.low]

    def _fraction_follows(self, k: int) -> bool:
        """Whether number words from k end in a fraction word ("three quarters", "a half")."""
        while k < self.n and (self.low(k) in _NUMBER_WORDS or self.toks[k].text in HYPHENS or
                              self.low(k) in ("a", "an")):
            k += 1
        return self.low(k) in FRACTION_WORDS

    # -- fractions with an ordinal denominator ------------------------------
    def _fraction_groups(self, i: int) -> tuple[list[list[str]], int] | None:
        """Number words from token i up to an ordinal ("one hundred thirty-fifths"), as groups
        that cannot be split ("thirty-five", "ninety - five", "twenty-first"); (groups, index after)."""
        groups: list[list[str]] = []
        j = i
        if self.low(i) in ("a", "an"):
            groups.append(["a"])
            j = i + 1
        while j < self.n:
            lw = self.toks[j].low
            if lw in _NUMBER_WORDS or lw in _GROUP_SCALES or lw in _DENOMINATORS:
                groups.append([lw])
                j += 1
                if lw in _DENOMINATORS and lw not in _NUMBER_WORDS:
                    return groups, j
                continue
            if lw in HYPHENS and groups and self.toks[j].kind == "sym":
                nxt = self.low(j + 1)
                head = groups[-1]
                unit = UNITS_WORDS.get(nxt, _DENOMINATORS.get(nxt, 99) if nxt not in ("half", "quarter") else 99)
                if len(head) == 1 and head[0] in TENS_WORDS and 0 < unit < 10:  # "thirty-five", "ninety - fifth"
                    head.append(nxt)
                    j += 2
                    if nxt in _DENOMINATORS:
                        return groups, j
                    continue
                if nxt in _NUMBER_WORDS or nxt in _DENOMINATORS:  # "one - fourth", "hundred-fifths"
                    j += 1
                    continue
                return None
            if lw == "and" and groups and groups[-1][-1] in _GROUP_SCALES and self.low(j + 1) not in ("a", "an"):
                groups.append(["and"])
                j += 1
                continue
            return None
        return None

    @staticmethod
    def _cardinal(words: list[str]) -> float | None:
        """The value of number words written as one number, else None ("one one", "twenty twenty")."""
        if not words or words[0] == "and" or words[-1] == "and" or words[0] in _GROUP_SCALES:
            return None
        for a, b in zip(words, words[1:], strict=False):
            if a in ("a", "an") and b not in _GROUP_SCALES:
                return None
            if a in _NUMBER_WORDS and b in _NUMBER_WORDS and not (
                    a in TENS_WORDS and 0 < UNITS_WORDS.get(b, 0) < 10):
                return None
        if "a" in words[1:] or "an" in words[1:]:
            return None
        return words_value(words)

    def _denominator(self, words: list[str]) -> int | None:
        """"thirty fifths" -> 35, "one hundred and fifth" -> 105, "two hundredths" -> 200, "fifths" -> 5."""
        *lead, last = words
        base = _DENOMINATORS[last]
        if not lead:
            return base if base > 1 else None
        if last in ("half", "halves", "quarter", "quarters") or lead[0] in _GROUP_SCALES or lead[0] == "and":
            return None
        singular = last[:-1] if last.endswith("s") and last[:-1] in ORDINAL_WORDS else last
        if singular in _ORDINAL_SCALES:  # "two hundredths"
            if lead[-1] in _GROUP_SCALES:
                return None
            value = self._cardinal([*lead, _ORDINAL_SCALES[singular]])
        else:
            tail = lead[-1]
            if not (tail in TENS_WORDS and base < 10 or tail in _GROUP_SCALES or tail == "and"):
                return None  # "three fifths" is a fraction of three, "twenty twentieths" two numbers
            prefix = self._cardinal(lead[:-1] if tail == "and" else lead)
            value = None if prefix is None else prefix + base
        return int(value) if value else None

    def _ordinal_fraction(self, i: int) -> tuple[int, float, dict] | None:
        """A fraction whose denominator is a compound or uncommon ordinal: "one twenty-fifth",
        "three twenty firsts", "one hundred thirty-fifths" (100/35), "one hundred and thirty
        fifths" (130/5), "ninety - five hundred fifths" (9500/5), "one - fourth".

        The denominator takes the longest compound ordinal at the end; "and" after a scale
        continues the numerator unless the rest is a proper fraction ("one hundred and three
        quarters" is 100.75, read by the mixed-number rule). A singular denominator needs "a" or
        "one" and no noun after it ("a twenty-first century" is an ordinal). Plain fractions
        ("two thirds", "a quarter million") are left to the rules that read scales after them.
        """
        nx = self.low(i + 1)
        if self.low(i) in ("a", "an") and nx not in _NUMBER_WORDS and nx not in _DENOMINATORS:
            return None
        found = self._fraction_groups(i)
        if found is None or len(found[0]) < 2:
            return None
        groups, end = found
        last = groups[-1][-1]
        plural = last.endswith("s") and last != "thirds" or last in ("thirds", "halves")
        for k in range(1, len(groups)):
            top = [w for g in groups[:k] for w in g]
            bottom = [w for g in groups[k:] for w in g]
            numerator = 1.0 if top in (["a"], ["one"]) else self._cardinal(top)
            denominator = self._denominator(bottom)
            if numerator is None or not denominator:
                continue
            if not plural and top not in (["a"], ["one"]):
                return None
            simple = len(top) == 1 and len(bottom) == 1 and last in FRACTION_WORDS
            if simple and "-" not in self.text[self.toks[i].end:self.toks[end - 1].start]:
                return None  # "two thirds", "a fifth": the plain rules read these (and scales after them)
            if "and" in top:
                rest = self._cardinal(top[top.index("and") + 1:])
                if rest is not None and rest < denominator:
                    return None  # "one hundred and three quarters": a whole number and a fraction
            after = self.tok(end)
            if not plural and after is not None and (after.kind == "word" and after.low != "of" or
                                                     after.text in HYPHENS and _adjacent(self.toks[end - 1], after)):
                return None  # "a twenty-first century", "a twenty-first-century city": an ordinal
            return end, numerator / denominator, {"spelled": True, "adjectival": False, "fraction": True}
        return None

    def _tail(self, j: int, value: float, info: dict) -> tuple[int, float, dict]:
        """What may follow a whole number: "point five", "and a half", "and three quarters",
        "and 21" after a scale, "in five" / "out of three" / "over 3" (a fraction)."""
        scale = info.get("scaled")
        nx = self.low(j)
        if nx in FRACTION_WORDS and nx.endswith("s") and FRACTION_WORDS[nx] < 0.1 and nx != "seconds":
            info["spelled"] = True
            return j + 1, value * FRACTION_WORDS[nx], info  # "a hundred trillionths"
        # "two point five", "nine point nought four"; not "at one point"
        if self.low(j) == "point" and value == int(value) and (dec := self._decimals(j + 1)) is not None and \
                not (info.get("spelled") and self.low(j - 2) in ("at", "one") and self.low(j - 1) in ("one", "some")):
            k, digits = dec
            value = float(f"{int(value)}.{digits}")
            info["spelled"] = True
            return self._scales(k, value, info)
        if self.low(j) == "and":
            k = j + 1
            # "one and a half", "3 million and a half", "twenty and three fifths"
            if self.low(k) in ("a", "an", "one") and self.low(k + 1) in FRACTION_WORDS:
                frac, k = FRACTION_WORDS[self.low(k + 1)], k + 2
            elif self.low(k) in ("half", "quarter") and (self.low(k + 1) in _BIG_SCALES or
                                                         self.unit_after(k + 1, hyphenated=False) is not None):
                # "one and half years", "two and quarter hours", "one and half lakh": no article
                # (South Asian usage)
                frac, k = FRACTION_WORDS[self.low(k)], k + 1
            elif (part := self._ordinal_fraction(k)) is not None and part[1] < 1:  # "and a thirtieth"
                frac, k = part[1], part[0]
            elif self._fraction_follows(k) and (part := self._core(k)) is not None and part[2].get("fraction"):
                frac, k = part[1], part[0]
            else:
                frac = None
            if frac is not None:
                info["spelled"] = True
                nxt = self.low(k)
                if nxt in _BIG_SCALES and scale and SCALE_WORDS[nxt] < scale:  # "one billion and a half million"
                    return k + 1, value + frac * SCALE_WORDS[nxt], info
                if scale and scale >= 1000 and value % scale == 0:  # "3 million and a half"
                    return k, value + frac * scale, info
                return self._scales(k, value + frac, info)  # "five and a half million"
            # "3 hundred and 21", "6 crore and two hundred"
            if scale and (part := self._core(k)) is not None and 0 < part[1] < scale and \
                    (scale == 100 or part[2].get("spelled")) and value % scale == 0:
                return self._tail(part[0], value + part[1], {**info, "scaled": part[2].get("scaled")})
        # "4 thousand 3 hundred": a smaller scaled group right after
        if scale and scale >= 1000 and value % scale == 0 and self.tok(j) and self.toks[j].kind in ("num", "word") \
                and self.low(j) not in ("a", "an", "half", "quarter") and (part := self._core(j)) is not None \
                and part[2].get("scaled") and part[1] < scale:
            return self._tail(part[0], value + part[1], {**info, "scaled": part[2].get("scaled")})
        # "one in five", "1 out of 3", "one over three"
        conn = self.low(j)
        if value == int(value) and value >= 1 and conn in ("in", "out", "over"):
            k = j + 1
            if conn == "out":
                if self.low(k) != "of":
                    return j, value, info
                k += 1
            dt = self.tok(k)
            if dt and (dt.kind == "num" or dt.low in _NUMBER_WORDS) and (den := self._core(k)) is not None:
                end, denom, _ = den
                after = self.tok(end)
                if conn == "over" and after is not None and after.kind in ("word", "num"):
                    return j, value, info  # "5 over 10 years": a hedge, not a fraction
                if conn == "over" and (info.get("scaled") or den[2].get("digits") and len(den[2]["digits"]) == 4):
                    return j, value, info  # "€5 million over 2021-2025": a period, not a fraction
                if conn == "out" and after is not None and after.low in SET_MEMBER_NOUNS:
                    return j, value, info  # "7 out of 9 provinces": two counts
                if conn != "over" and (denom <= value or den[2].get("digits") and len(den[2]["digits"]) == 4 or
                                       self.unit_after(end, hyphenated=False) is not None):
                    return j, value, info  # "2 in 2020", "3 in 10 days"
                if denom and (conn in ("over", "out") or info.get("spelled") or den[2].get("spelled")
                              or value <= 10 and denom <= 1000 and after is not None and after.kind == "word"):
                    # digits need the population after them: "1 in 4 adults", not a score "2 in 5"
                    info["fraction"] = True
                    info["one_in"] = True
                    return end, value / denom, info
        return j, value, info

    def _decimals(self, k: int) -> tuple[int, str] | None:
        """The digits after "point": "five", "nought four", "seventy-one", "77"."""
        t = self.tok(k)
        if t is None:
            return None
        if t.kind == "num" and t.text.isdigit():
            return k + 1, t.text
        digits = ""
        while self.low(k) in UNITS_WORDS and UNITS_WORDS[self.low(k)] < 10:
            digits += str(UNITS_WORDS[self.low(k)])
            k += 1
        if digits:
            return k, digits
        if self.low(k) in TENS_WORDS or self.low(k) in UNITS_WORDS:
            value = TENS_WORDS.get(self.low(k)) or UNITS_WORDS[self.low(k)]
            if (h := self.tok(k + 1)) and h.text in HYPHENS and self.low(k + 2) in UNITS_WORDS and \
                    self.low(k) in TENS_WORDS:
                return k + 3, str(value + UNITS_WORDS[self.low(k + 2)])
            return k + 1, str(value)
        return None

    def _fraction_tail(self, j: int, numerator: float, info: dict) -> tuple[int, float, dict] | None:
        word = self.low(j)
        if word not in FRACTION_WORDS:
            return None
        info["fraction"] = True
        info["spelled"] = True
        value = numerator * FRACTION_WORDS[word]
        k = j + 1
        # "a quarter million", "three quarters billion", "two thirds of a million"
        if self.low(k) == "of" and self.low(k + 1) in ("a", "an") and self.low(k + 2) in _BIG_SCALES:
            k += 2
        if self.low(k) in _BIG_SCALES or self.low(k) == "dozen":
            info["fraction"] = False
            info["scaled"] = SCALE_WORDS[self.low(k)]
            return k + 1, value * SCALE_WORDS[self.low(k)], info
        return j + 1, value, info

    def _scales(self, j: int, value: float, info: dict) -> tuple[int, float, dict]:
        """Space- or hyphen-separated scale words after a number ("3.5 million", "700-billion")."""
        while j < self.n:
            t = self.toks[j]
            prev = self.toks[j - 1]
            if t.text in HYPHENS and _adjacent(prev, t):
                nx = self.tok(j + 1)
                if nx and _adjacent(t, nx) and nx.low in SCALE_WORDS and not nx.low.endswith("s"):
                    value *= SCALE_WORDS[nx.low]
                    info["adjectival"] = True
                    info["scaled"] = SCALE_WORDS[nx.low]
                    j += 2
                    continue
                break
            if t.low in SCALE_WORDS and t.kind == "word" and t.low not in VAGUE_ONLY:
                # "two hundred thousand", "3 dozens", "three billions" (a plural after a number)
                value *= SCALE_WORDS[t.low]
                info["scaled"] = SCALE_WORDS[t.low]
                j += 1
                continue
            if t.text in SPACED_SCALE_ABBREVIATIONS and t.kind == "word":
                value *= SCALE_ABBREVIATIONS[t.text]
                info["scaled"] = SCALE_ABBREVIATIONS[t.text]
                j += 1
                continue
            break
        return j, value, info

    # -- context ----------------------------------------------------------
    def currency_before(self, i: int) -> tuple[int, str] | None:
        """Currency symbol/code right before token i: "$", "US$", "HK$", "USD ", "Rs.", "RM42", "MAUD 60"."""
        p = self.tok(i - 1)
        if p is None:
            return None
        pp0 = self.tok(i - 2)
        if p.kind == "word" and p.text.isupper() and len(p.text) <= 3 and pp0 is not None and pp0.text == "$" and \
                _adjacent(pp0, p) and _adjacent(p, self.toks[i]) and currency_code(p.text + "$"):
            return i - 2, p.text + "$"  # "$US50,000", "$A20 million": the Australian press's order
        if p.text == "=" and pp0 is not None and pp0.text == "Y" and _adjacent(pp0, p) and _adjacent(p, self.toks[i]):
            return i - 2, "Y="  # "Y=100 million": the wire services' yen, where "¥" cannot be typed
        if _is_currency_symbol(p.text):
            start = i - 1
            pp = self.tok(i - 2)
            surface = p.text
            spaced = pp is not None and p.start - pp.end == 1 and pp.low in ("c", "hk", "us", "nz", "au", "s")
            if pp and pp.kind == "word" and (_adjacent(pp, p) or spaced) and len(pp.text) <= 3 and \
                    (pp.text[:1].isupper() or p.text == "$"):
                if currency_code(pp.text + p.text):  # "HK$", "Mex$", "aud$", "c $"
                    start, surface = i - 2, pp.text.upper() + p.text
                elif len(pp.text) == 3 and currency_code(pp.text.upper()):
                    start, surface = i - 2, pp.text.upper()
            return start, surface
        if p.kind == "word" and _glued_code(p.text) is not None and p.text not in _WORD_CODES:
            return i - 1, p.text
        # a currency name before the amount: "Rupees 500 crore", "ringgit 42", "Malaysian ringgit 42"
        if p.kind == "word" and p.low not in _NOT_NAME_BEFORE and not self._year_like(i) and \
                self.low(i - 2) not in _DETERMINERS and self.low(i - 3) not in _DETERMINERS:
            for size in (2, 1):
                k = i - size
                if k < 0 or any(t.kind != "word" for t in self.toks[k:i]):
                    continue
                surface = self.text[self.toks[k].start:p.end]
                if currency_code(surface) and not _is_currency_symbol(surface) and len(surface) > 3:
                    return k, surface
        if p.text == "." and (pp := self.tok(i - 2)) and pp.low == "rs":
            return i - 2, "Rs."
        if p.kind == "word" and p.low in ("rmb", "rs"):
            return i - 1, p.text
        return None

    def _year_like(self, i: int) -> bool:
        t = self.tok(i)
        return t is not None and t.kind == "num" and len(t.text) == 4 and t.text.isdigit() and \
            1800 <= int(t.text) <= 2199

    def hedge_before(self, i: int) -> tuple[int, str, str] | None:
        """A hedge phrase ending right before token i: (start index, phrase, qualifier).

        An article may stand between ("less than a 30 percent chance"); "over"
        before a span of time means during ("over three summers"), not more than.
        """
        if self.low(i - 1) in ("a", "an") and i >= 2:
            inner = self._hedge_ending(i - 1)
            if inner is not None:
                return inner
        found = self._hedge_ending(i)
        if found is not None and found[1] == "over" and self._period_follows(i):
            return None
        if found is not None and found[1] == "up to" and _PHRASAL_UP.match(self.low(found[0] - 1)):
            return None  # "ticked up to 7.2 percent", "moved up to third": up is the verb's, to the target
        return found

    def _period_follows(self, i: int) -> bool:
        """Whether the value at token i counts a span of time ("three summers", "two years")."""
        for k in range(i + 1, min(i + 4, self.n)):
            w = self.low(k)
            if w.rstrip("s") in PERIOD_WORDS:
                return self.low(k + 1) not in ("old", "of")  # "over thirty years old": an age
            if self.toks[k].kind != "num" and w not in SCALE_WORDS and w not in _NUMBER_WORDS and w not in HYPHENS:
                return False
        return False

    def _hedge_ending(self, i: int) -> tuple[int, str, str] | None:
        for size in (4, 3, 2, 1):
            k = i - size
            if k < 0:
                continue
            toks = self.toks[k:i]
            if any(t.kind != "word" for t in toks):
                continue
            phrase = " ".join(t.low for t in toks)
            if phrase in PRE_HEDGES:
                return k, phrase, PRE_HEDGES[phrase]
        return None

    def unit_after(self, j: int, *, hyphenated: bool) -> tuple[int, str, str] | None:
        """(index after, kind, surface) for percent/currency/unit starting at token j."""
        t = self.tok(j)
        if t is None:
            return None
        if t.text in PERCENT_SIGNS:
            return j + 1, "percent", "percent"
        prev = self.toks[j - 1] if j else None
        nxt = self.tok(j + 1)
        glued = prev is not None and _adjacent(prev, t)
        # inch marks glued to digits ('5"', "5''"), unless the quote closes a quotation
        quote_mark = t.text == '"' or t.text == "'" and nxt is not None and nxt.text == "'" and _adjacent(t, nxt)
        if glued and prev is not None and prev.kind == "num" and quote_mark:
            if self.text.count('"', self.text.rfind("\n", 0, t.start) + 1, t.start) % 2 == 0 or t.text == "'":
                return (j + 1 if t.text == '"' else j + 2), "unit", "inch"
        # "30C", "86F": a temperature scale's letter glued to the digits (British press style); the
        # component keeps it only in a temperature sentence ("Section 80C" is a tax rule)
        if glued and prev is not None and prev.kind == "num" and t.text in _TEMPERATURE_LETTERS and \
                (nxt is None or not _adjacent(t, nxt) or nxt.kind == "sym" and nxt.text not in HYPHENS):
            return j + 1, "unit", t.text
        # "in" is an inch only where it cannot be the preposition: at the end of a clause
        if t.low == "in" and not hyphenated and (nxt is None or nxt.kind == "sym" and nxt.text in ".,;)"):
            return j + 1, "unit", "inch"
        # "km2", "m3": a power glued to a unit symbol
        if t.kind == "word" and nxt and nxt.kind == "num" and nxt.text in ("2", "3") and _adjacent(t, nxt) and \
                not ((n2 := self.tok(j + 2)) and _adjacent(nxt, n2) and n2.kind in ("num", "word")) and \
                parse_unit(t.text + nxt.text) is not None:
            return j + 2, "unit", t.text + nxt.text
        if t.kind == "word" and _glued_code(t.text) is not None and len(t.text) == 4:
            return j + 1, "currency", t.text  # "30 MUSD"
        if t.kind == "word" and len(t.text) == 3 and t.text.islower() and t.text.upper() not in _WORD_CODES \
                and currency_code(t.text.upper()) and not parse_unit(t.text):
            return j + 1, "currency", t.text.upper()  # "half million usd"
        if t.text in _OPENING and nxt and nxt.kind == "word" and (close := self.tok(j + 2)) and \
                close.text == _OPENING[t.text] and parse_unit(nxt.text) is not None:
            return j + 3, "unit", nxt.text  # "20 (kg)", table style
        # multi-word first (longest match), joined by the real text between tokens: at most
        # five tokens, no number among them, at most one character between two
        limit = 0
        while limit < 5 and j + limit < self.n and self.toks[j + limit].kind != "num" and \
                (limit == 0 or self.toks[j + limit].start - self.toks[j + limit - 1].end <= 1):
            limit += 1
        for size in range(limit, 0, -1):
            toks = self.toks[j:j + size]
            if size >= 3 and toks[-2].low in ("a", "an") and (
                    self.low(j + size) in DATE_AFTER_PERIOD or
                    toks[-1].low.rstrip("s") in ("year", "week", "day", "month", "quarter")):
                # "2.1 million TEU a year earlier": a date; "420 gigalitres a year": a rate
                # (``per``, as "1,900 GWh a year"), not a unit of flow
                continue
            surface = self.text[toks[0].start:toks[-1].end]
            low = " ".join(surface.lower().replace("-", " ").split())
            if low in ("percent", "per cent", "pct", "percentage", "pc", "percents"):
                return j + size, "percent", "percent"
            if low in ("percentage point", "percentage points", "percent point", "percent points",
                       "pct point", "pct points", "ppt", "ppts", "pp"):
                return j + size, "percent", "percentage_point"
            if low in ("basis point", "basis points", "bp", "bps", "bps."):
                return j + size, "percent", "basis_point"
            if toks[-1].kind == "sym" and toks[-1].text not in "°/" and not _is_currency_symbol(toks[-1].text):
                continue
            if low in MINOR_UNITS:
                return j + size, "minor", low
            if (size <= 3 or surface.count(".") >= 2) and currency_code(surface) and \
                    not (size == 1 and t.text.islower() and len(t.text) <= 1):  # ("U.S. dollars": 5 tokens)
                if size == 1 and t.low in ("won", "real", "rand", "som", "mark", "pound") and \
                        self.low(j + 1) == "of":
                    continue
                return j + size, "currency", surface
            if toks[0].kind == "sym" and toks[0].text not in "°µμ":
                continue
            if size == 1 and len(surface) == 1 and nxt and nxt.text == "." and _adjacent(t, nxt) and \
                    (n2 := self.tok(j + 2)) and n2.kind == "word" and _adjacent(nxt, n2):
                return None  # "2014 B.C.", "5 U.S. states": an abbreviation, not a unit
            unit = parse_unit(surface)
            if unit is not None:
                # "m" right after a number is a scale only after a currency; "in" never a unit
                return j + size, "unit", surface
        return None

    def rate_after(self, j: int) -> tuple[int, str] | None:
        """"a share", "per barrel", "-a-share", "an hour" -> (index after, denominator)."""
        k = j
        t = self.tok(k)
        if t and t.text in HYPHENS:
            k += 1
        if self.low(k) in RATE_WORDS and self.low(k + 1) in HYPHENS and t and t.text in HYPHENS:
            k += 1  # "$70-a-share"
            toks_k = k
            noun = self.tok(toks_k + 1)
            if noun and noun.kind == "word":
                return toks_k + 2, noun.text
        if self.low(k) in RATE_WORDS and (noun := self.tok(k + 1)) and noun.kind == "word":
            if noun.low in ("year", "month", "day", "week", "hour", "share", "barrel", "tonne", "ton",
                            "kilogram", "kg", "pound", "litre", "liter", "gallon", "unit", "head",
                            "person", "capita", "ounce", "megawatt", "kilowatt", "night", "minute",
                            "piece", "passenger", "seat", "mile", "kilometre", "kilometer", "square",
                            "household", "student", "patient", "dose", "acre", "hectare", "trip", "gram",
                            "sq", "metre", "meter", "foot", "room", "bed", "visitor", "employee", "worker"):
                end = k + 2
                if noun.low in ("year", "month", "day", "week", "hour", "minute", "night") and (
                        self.low(k + 2) in DATE_AFTER_PERIOD or
                        self.low(k + 2) == "on" and self.low(k + 3) == "year"):
                    return None  # "£388 million a year ago": a date, not a rate
                if noun.low in ("megawatt", "kilowatt") and self.low(k + 2) in ("-", "hour") or \
                        noun.low in ("square", "sq") and self.tok(k + 2):
                    end = k + 4 if self.low(k + 2) == "-" else k + 3
                per = self.text[noun.start:self.toks[end - 1].end]
                return end, per
        return None


def _ends(sc: _Scanner, i: int) -> Candidate | None:
    """Parse one value (with its currency and unit) starting at token i."""
    return None


def scan(text: str, *, toks: list[Tok] | None = None) -> list[Candidate]:
    """All numeric expressions in ``text``, in order, non-overlapping (``toks``: its :func:`tokenize`)."""
    sc = _Scanner(text, toks)
    out: list[Candidate] = []
    urls = [m.span() for m in _URL.finditer(text)] if "://" in text or "www." in text else []
    i = 0
    toks = sc.toks
    while i < sc.n:
        t = toks[i]
        lead = _period_lead(sc, i) if t.low in _LEADS or t.low in ("a", "an") and sc.low(i + 1) in _LEADS else None
        if lead is not None:  # "all day", "a full year", "several weeks"
            if not any(s <= lead[0].start < e for s, e in urls):
                out.append(lead[0])
            i = lead[1]
            continue
        if t.kind == "sym" or t.kind == "word" and t.low not in _STARTERS:
            i += 1  # no value starts here (_Scanner._core reads only these words)
            continue
        try:
            cand, nxt = _parse_at(sc, i)
        except (OverflowError, ValueError):  # a number beyond float range: no mention, never a crash
            cand, nxt = None, i + 1
        if cand is not None and any(v is not None and not math.isfinite(v)
                                    for v in (cand.value, cand.lower, cand.upper)):
            cand = None
        if cand is None:
            i += 1
            continue
        if cand.kind == "number" and cand.qualifier == "exact" and (not out or out[-1].end <= cand.start):
            _percent_of(sc, cand, i, nxt)
        if not any(s <= cand.start < e for s, e in urls):  # "?q=30%25": parts of an address
            out.append(cand)
        i = max(nxt, i + 1)
    return out


# Words that may follow "percent of N" when N is the rate itself, not a count of something.
_AFTER_PERCENT_OF = frozenset("in on at by for from and or is was were are this that last since during after "
                              "before than".split())


def _percent_of(sc: _Scanner, cand: Candidate, i: int, nxt: int) -> None:
    """"a percentage of 10", "per cent of twenty-two": the number after "percent of" is the rate.

    Written where no number stands before the percent word ("increased by a
    percentage of 10"), as in English written by speakers of languages that put
    the percent word first (Chinese 百分之十); Recognizers-Text's English
    percent grammar reads it so too. Not when a noun follows the number ("the
    percent of 40 respondents": a count) or a number precedes the percent word
    ("5 percent of 10": the scan's earlier candidate already ends after it, checked
    by the caller).
    """
    if sc.low(i - 1) != "of" or cand.start != sc.toks[i].start:
        return
    k = i - 2
    if sc.low(k) in ("percent", "percents", "percentage", "pct"):
        word = k
    elif sc.low(k) == "cent" and sc.low(k - 1) == "per":
        word = k - 1
    else:
        return
    before = sc.tok(word - 1)
    if before is not None and (before.kind == "num" or before.low in _STARTERS - {"a", "an"} or before.text == "%"
                               or before.low in ("what", "which", "how")):  # "What percent of 10 is 3?"
        return
    after = sc.tok(nxt)
    if after is not None and after.kind == "word" and after.low not in _AFTER_PERCENT_OF:
        return
    cand.start = sc.toks[word].start
    cand.text = sc.text[cand.start:cand.end]
    cand.kind = "percent"
    cand.percent_unit = "percent"


def _value_at(sc: _Scanner, i: int) -> tuple[dict, int] | None:
    """One value: [currency] core [unit] starting at i. Returns (parts, index after)."""
    parsed = sc.core(i)
    if parsed is None:
        return None
    cur = sc.currency_before(i)  # only where a number starts: it is called for every token
    j, value, info = parsed
    if _time_of_day_after(sc, j):
        return None  # "9.30 am", "7 p.m.": a time of day
    parts: dict = {"value": value, "info": info, "core": (i, j), "currency": None, "unit_kind": None,
                   "unit": None, "start_tok": i}
    if cur is not None and cur[1][:1].isalpha() and len(cur[1]) > 3 and sc.unit_after(j, hyphenated=False):
        cur = None  # "dollar 5 percent": the name is not this number's currency
    if cur is not None and not info.get("needs_unit"):
        surface, factor = _money_surface(cur[1])
        parts["currency"] = surface
        parts["value"] *= factor
        parts["start_tok"] = cur[0]
        # "$5m": m is a money-only scale
        t = sc.tok(j)
        if t and t.kind == "word" and t.text in ("m", "M", "b", "B", "k", "K") and _adjacent(sc.toks[j - 1], t):
            parts["value"] *= {"m": 1e6, "M": 1e6, "b": 1e9, "B": 1e9, "k": 1e3, "K": 1e3}[t.text]
            j += 1
        j = _minor_part(sc, j, parts)
        parts["end_tok"] = j
        return parts, j
    # "4.1p", "43c", "10¢": pence and cents written as a suffix
    t = sc.tok(j)
    if t and t.text in ("p", "c", "¢") and _adjacent(sc.toks[j - 1], t) and info.get("digits") and \
            not ((n := sc.tok(j + 1)) and _adjacent(t, n) and n.kind != "sym"):
        parts["unit_kind"], parts["unit"] = "minor", "pence" if t.text == "p" else "cents"
        parts["end_tok"] = j + 1
        return parts, j + 1
    # unit after: adjacent hyphen forms ("45-acre", "one-hour", "700-billion-yuan")
    hyph = bool(t and t.text in HYPHENS and _adjacent(sc.toks[j - 1], t))
    k = j + 1 if hyph else j
    if hyph and t is not None and not (sc.tok(k) and _adjacent(t, sc.toks[k])):
        if info.get("needs_unit"):
            return None
        parts["end_tok"] = j
        return parts, j
    unit = sc.unit_after(k, hyphenated=hyph)
    if unit is None and not hyph and sc.low(k) in _INCREMENT_WORDS and (more := _unit_word_at(sc, k + 1)):
        unit = more  # "two more years", "an extra hour", "three additional weeks"
    if unit is None and not hyph and sc.low(k) == "of" and sc.low(k - 1) in PAIR_WORDS and \
            (paired := _unit_word_at(sc, k + 1)):
        unit = paired  # "a couple of days", "a pair of hours"
    if unit is not None and info.get("needs_unit") and (
            unit[1] not in ("unit", "currency", "minor") or unit[1] == "unit" and not _measure_word(sc, k, unit[0])) \
            and not _hedged_period(sc, i, k, unit[0]):
        return None  # "a day", "a m": not "one" of a unit; "a dollar", "a kilogram", "half a cent" are
    if unit is None and info.get("needs_unit"):
        return None
    if unit is not None:
        end, kind, surface = unit
        if _code_glued_after(sc, end):
            return None  # "24703L202", "24703 L-202": a part number
        if kind == "currency":
            surface, factor = _money_surface(surface)
            parts["value"] *= factor
        parts["unit_kind"], parts["unit"] = kind, surface
        if hyph:
            info["adjectival"] = True
            # "30-year-old": an age
            if (h := sc.tok(end)) and h.text in HYPHENS and sc.low(end + 1) == "old":
                end += 2
                info["age"] = True
        if kind == "currency" and not hyph:
            end = _scale_after_code(sc, end, parts)  # "75 USD million"
            end = _minor_part(sc, end, parts)  # "20 dollars 43 cents"
        elif kind == "unit" and not hyph:
            end = _compound_measure(sc, end, parts)  # "5 feet 2 inches"
            end = _and_a_half(sc, end, parts)  # "a year and a half", "two miles and a half"
        j = end
    elif hyph:
        info["adjectival_noun"] = True
    parts["end_tok"] = j
    return parts, j


def _time_of_day_after(sc: _Scanner, j: int) -> bool:
    word = sc.low(j)
    if word in ("am", "pm"):
        return True
    return word in ("a", "p") and sc.low(j + 1) == "." and sc.low(j + 2) == "m"


def _money_surface(surface: str) -> tuple[str, float]:
    """"MUSD" -> ("USD", 1e6); other surfaces unchanged."""
    glued = _glued_code(surface)
    if glued is not None and len(surface) == 4 and surface[0] in "MK":
        return glued
    return surface, 1.0


def _measure_word(sc: _Scanner, k: int, end: int) -> bool:
    """Whether tokens [k, end) name a measure "a"/"half" may stand before ("a kilogram", "half a litre").

    Not durations ("a day", "a year" are rates and idioms), not one-letter symbols.
    """
    surface = sc.text[sc.toks[k].start:sc.toks[end - 1].end]
    info = parse_unit(surface)
    return info is not None and info.dimension != "[time]" and len(surface) > 1 and \
        surface.lower() not in ("ton", "tons", "t", "bit")  # "a bit more": an idiom, not one bit


def _hedged_period(sc: _Scanner, i: int, k: int, end: int) -> bool:
    """"less than a year after", "nearly a decade", "within a week", "for a month": a hedged "a
    <period>", or one after a preposition of extent, is a duration (otherwise "a year" is a rate or
    an idiom: "$5 a year", "a day to remember"); "half an hour", "half a decade" always are.
    Not "for a year-long inquiry": the period is part of an adjective. "an extra hour", "a further
    year": an increment word between says the article counts one more period."""
    if sc.low(k) in _INCREMENT_WORDS and sc.low(i) in ("a", "an") and end == k + 2:
        k += 1
        if sc.low(k) in _PERIOD_UNITS:
            return True
    if end != k + 1 or sc.low(k).rstrip("s") not in _PERIOD_UNITS or \
            (h := sc.tok(end)) is not None and h.text in HYPHENS and _adjacent(sc.toks[k], h):
        return False
    if sc.low(i) == "half":
        return sc.low(i + 1) in ("a", "an")
    if sc.low(i) not in ("a", "an"):
        return False
    if _half_after(sc, end) is not None or _compound_measure(sc, end, {"unit": sc.low(k), "value": 1.0}) > end:
        return True  # "a year and a half", "an hour and 45 minutes": a count of periods, not a rate
    hedge = sc.hedge_before(i)
    if hedge is not None and hedge[2] != "approximate" or sc.low(i - 1) == "within":
        return True
    # "for a month after the fire", "for a decade.": not "for a day pass", where a noun follows
    nxt = sc.tok(end)
    return sc.low(i - 1) == "for" and (nxt is None or nxt.kind == "sym" or nxt.low in _AFTER_EXTENT)


# Words that may follow "for a <period>" when the period ends its phrase (a closed class:
# prepositions, conjunctions, adverbs of time); any other word may make it a noun compound.
_AFTER_EXTENT = frozenset("""after before since until till when while and or but as at in on of to
from by with without because so then now longer more already straight running""".split())


def _code_glued_after(sc: _Scanner, end: int) -> bool:
    t, prev = sc.tok(end), sc.toks[end - 1]
    if t is None or not _adjacent(prev, t):
        return False
    if t.kind == "num":
        return True
    n = sc.tok(end + 1)
    return t.text in HYPHENS and n is not None and n.kind == "num" and _adjacent(t, n) and prev.kind == "word" \
        and prev.text[:1].isupper()


def _scale_after_code(sc: _Scanner, end: int, parts: dict) -> int:
    t = sc.tok(end)
    if t and t.kind == "word" and t.low in _BIG_SCALES and not parts["info"].get("scaled"):
        parts["value"] *= SCALE_WORDS[t.low]
        parts["info"]["scaled"] = SCALE_WORDS[t.low]
        return end + 1
    return end


def _minor_part(sc: _Scanner, end: int, parts: dict) -> int:
    """The cents of an amount written in two units: "20 dollars 43 cents", "$20 and 43c", "3 GBP 1 pence"."""
    value = parts["value"]
    if value != int(value) or parts["info"].get("scaled"):
        return end
    k = end + 1 if sc.low(end) == "and" else end
    t = sc.tok(k)
    if t is None or not (t.kind == "num" and t.text.isdigit() and len(t.text) <= 2 or t.low in _NUMBER_WORDS):
        return end
    part = sc.core(k)
    if part is None or part[1] >= 100 or part[1] != int(part[1]) or part[2].get("fraction"):
        return end
    after, cents = part[0], part[1]
    nxt = sc.tok(after)
    if nxt is not None and nxt.text in ("c", "¢") and _adjacent(sc.toks[after - 1], nxt):
        after += 1
    elif nxt is not None and nxt.low in MINOR_UNITS or nxt is not None and nxt.low in ("sens", "kopiykas", "kopecks"):
        after += 1
    elif not (nxt is None or nxt.kind == "sym" and nxt.text in ".,;!?)"):
        return end  # a bare number counts as cents only when it ends the amount: "15 dollars 50."
    parts["value"] = value + cents / 100
    return after


# Periods "a"/"half" may count as a duration ("within a week", "half an hour").
_PERIOD_UNITS = frozenset("year decade month week day hour minute century fortnight".split())
# Words that may stand between a count and its unit, adding to an amount already there or
# taking from it ("two more years", "two fewer weeks").
_INCREMENT_WORDS = frozenset("more additional extra further fewer less".split())
# The period lead records (pipeline/lexicons/durations.py) by their first word.
_LEADS: dict[str, list[PeriodLead]] = {}
for _lead in PERIOD_LEADS:
    _LEADS.setdefault(_lead.words[0], []).append(_lead)
# Words after a singular counted period that end its phrase ("all day long", "a full year at sea").
_AFTER_LEAD_PERIOD = _AFTER_EXTENT | {"long"}


def _period_lead(sc: _Scanner, i: int) -> tuple[Candidate, int] | None:
    """A period counted by a word, not a number (``PERIOD_LEADS``): "all day", "a full year",
    "another month", "couple of weeks", "several days" -> a duration candidate and the index after.

    Not after a word that anchors the period ("the full year", "the past few days": dates or
    anaphoric periods), not a singular period used as an adjective ("full-year profit", "an
    all-day summit"), not a period before "ago"/"later" (a date). A vague count has a null value
    and its least count as a lower bound.
    """
    options = [(i, lead) for lead in _LEADS.get(sc.low(i), ())]
    if sc.low(i) in ("a", "an"):  # "a full year", "an entire decade"
        options += [(i + 1, lead) for lead in _LEADS.get(sc.low(i + 1), ()) if lead.article]
    for first, lead in options:
        k = first + len(lead.words)
        if [sc.low(x) for x in range(first, k)] != list(lead.words):
            continue
        if sc.low(i - 1) in ANCHORING_WORDS or lead.extent and sc.low(i - 1) not in EXTENT_WORDS:
            continue
        if lead.hyphen and (h := sc.tok(k)) is not None and h.text in HYPHENS and _adjacent(sc.toks[k - 1], h) and \
                (t := sc.tok(k + 1)) is not None and _adjacent(h, t):
            k += 1  # "all-day", "full-year"
        unit = sc.unit_after(k, hyphenated=False)
        if unit is None or unit[1] != "unit" or (info := parse_unit(unit[2])) is None or \
                info.dimension != "[time]" or len(sc.toks[k].text) < 3:
            continue
        end = unit[0]
        if sc.low(end - 1).endswith("s") != lead.plural:
            continue  # "all days" is every day; "several day" is no count
        nxt = sc.tok(end)
        if nxt is not None and (nxt.text in HYPHENS and _adjacent(sc.toks[end - 1], nxt) or
                                nxt.low in DATE_AFTER_PERIOD or nxt.text in ("'", "\u2019")):
            continue  # "another year-on-year gain", "a few days ago", "a full day's work"
        if any([sc.low(x) for x in range(end, end + len(words))] == list(words) for words in lead.not_before):
            continue  # "another day, another dollar"
        if not lead.plural and nxt is not None and nxt.kind != "sym" and nxt.low not in _AFTER_LEAD_PERIOD:
            continue  # "full-year profit", "half day trading": the period describes a noun
        core_start, text_end = sc.toks[i].start, sc.toks[end - 1].end
        hedge = sc.hedge_before(i) if lead.count is not None else None  # "nearly a full year"
        start = sc.toks[hedge[0]].start if hedge else core_start
        cand = Candidate(start=start, end=text_end, text=sc.text[start:text_end], value=lead.count,
                         kind="unit", unit=unit[2], core_start=core_start, core_end=text_end, spelled=True,
                         hedge=hedge[1] if hedge else None)
        qualifier = "lower_bound" if lead.count is None else hedge[2] if hedge else "exact"
        cand.qualifier = qualifier
        cand.lower = lead.least if lead.count is None else lead.count if qualifier in ("exact", "lower_bound") \
            else None
        cand.upper = lead.count if qualifier in ("exact", "upper_bound") else None
        cand.extra["lead"] = lead.id
        return cand, end
    return None


def _unit_word_at(sc: _Scanner, k: int) -> tuple[int, str, str] | None:
    """A unit written as a word at token k ("years", "miles"), not a symbol or a currency."""
    t = sc.tok(k)
    if t is None or t.kind != "word" or len(t.text) < 3:
        return None
    unit = sc.unit_after(k, hyphenated=False)
    if unit is None or unit[1] != "unit" or not (unit[0] == k + 1 and (
            (info := parse_unit(unit[2])) is not None and info.dimension == "[time]" or _measure_word(sc, k, unit[0]))):
        return None
    return unit


def _half_after(sc: _Scanner, end: int) -> int | None:
    """The index after "and a half" (or "and half" ending the phrase) at ``end``, else None."""
    if sc.low(end) != "and":
        return None
    if sc.low(end + 1) in ("a", "an") and sc.low(end + 2) == "half":
        return end + 3
    nxt = sc.tok(end + 2)
    if sc.low(end + 1) == "half" and (nxt is None or nxt.kind == "sym" and nxt.text not in HYPHENS or
                                      nxt.low in _AFTER_EXTENT and nxt.low not in _HALF_OF):
        return end + 2  # "an hour and half.": not "a year and half the staff"
    return None


def _and_a_half(sc: _Scanner, end: int, parts: dict) -> int:
    """"a year and a half", "three hours and a half", "an hour and half": the half belongs to the unit's count."""
    after = _half_after(sc, end)
    if after is None or parts.get("per"):
        return end
    parts["value"] += 0.5
    return after


def _compound_measure(sc: _Scanner, end: int, parts: dict) -> int:
    """"5 feet 2 inches", "2 km and 1 metre": one length in the smaller unit; "10 years and 6 months",
    "2 hours 30 minutes": one duration, the units written largest first (not a list of periods)."""
    first = parse_unit(parts["unit"])
    if first is None or first.to_si is None or first.dimension not in ("[length]", "[mass]", "[time]") or \
            parts.get("per"):
        return end
    comma = sc.low(end) == ","
    k = end + 1 if sc.low(end) in ("and", ",") else end
    if sc.low(k) == "and":
        k += 1
    t = sc.tok(k)
    if t is None or not (t.kind == "num" or t.low in _NUMBER_WORDS) or t.kind == "num" and sc.is_identifier(k):
        return end  # "5 feet 2 inches", "one week three days"
    core = sc.core(k)
    if core is None:
        return end
    unit = sc.unit_after(core[0], hyphenated=False)
    if unit is None and sc.low(core[0]) == "in" and first.name == "foot":
        unit = (core[0] + 1, "unit", "inch")  # "12 ft 2 in more or less"
    if unit is None and not comma:
        unit = _bare_smaller_unit(sc, first.name, core)  # "1 hour and 15.", "two hours ten"
    if unit is None or unit[1] != "unit" or sc.rate_after(unit[0]) is not None:
        return end
    if first.dimension == "[time]" and comma and (sc.low(unit[0]) in DATE_AFTER_PERIOD or sc.low(unit[0]) == "of"):
        return end  # "lasted 2 days, 3 hours later it resumed": the comma ended a clause
    second = parse_unit(unit[2])
    if second is None or second.to_si is None or second.dimension != first.dimension or \
            second.name == first.name:
        return end  # "2 km and 5 km": two values
    if first.dimension == "[time]" and second.to_si * second.factor >= first.to_si * first.factor:
        return end  # "2 days, 3 months": periods listed, not one duration
    first_si, second_si = first.to_si * first.factor, second.to_si * second.factor
    small_si, small_surface = (second_si, unit[2]) if second_si <= first_si else (first_si, parts["unit"])
    total = (parts["value"] * first_si + core[1] * second_si) / small_si
    parts["value"], parts["unit"] = total, small_surface
    return _compound_measure(sc, unit[0], parts)


# A bare number after a period names the next smaller unit ("an hour twenty", "2 hours and 10.").
_BARE_SMALLER = {"hour": "minutes", "minute": "seconds"}


def _bare_smaller_unit(sc: _Scanner, unit: str, core: tuple[int, float, dict]) -> tuple[int, str, str] | None:
    """"1 hour fifteen", "2 hours and 10": a whole number under 60 after hours counts minutes (after
    minutes, seconds) when it ends the phrase: nothing, or sentence punctuation, follows it."""
    end, value, _ = core
    nxt = sc.tok(end)
    if unit not in _BARE_SMALLER or not (0 < value < 60 and value == int(value)) or \
            nxt is not None and nxt.text not in ".!?;)":
        return None
    return end, "unit", _BARE_SMALLER[unit]


def _parse_at(sc: _Scanner, i: int) -> tuple[Candidate | None, int]:
    first = _value_at(sc, i)
    if first is None:
        return None, i + 1
    parts, j = first
    info = parts["info"]
    lower = upper = None
    qualifier = "exact"
    value: float | None = parts["value"]
    start_tok = parts["start_tok"]
    end_tok = j
    # vague plural scales: "hundreds of", "tens of thousands of"
    hedge = None
    # range: "between A and B", "from A to B", "A to B", "A-B"
    conn = sc.tok(j)
    lead = sc.low(start_tok - 1)
    is_range = False
    if conn is not None and (conn.low in ("to", "and") or conn.text in DASHES or conn.low == "through"):
        if conn.low == "and" and lead != "between":
            pass
        elif conn.low == "to" and "by" in (lead, sc.low(start_tok - 2), sc.low(start_tok - 3)) and \
                not _range_after_by(sc, parts, j):
            pass  # "rose by (about) 5,700 to 123,400": a change, then a level
        elif conn.low == "to" and lead == "from" and any(
                sc.low(k) in CHANGE_VERBS for k in range(start_tok - 4, start_tok - 1)):
            pass  # "rose from 4.1 percent to 4.3 percent": two levels, not a range
        elif conn.low == "to" and lead not in ("from", "between") and sc.low(start_tok - 1) in CHANGE_VERBS:
            pass
        else:
            k = j + 1
            if conn.text in DASHES and not (_adjacent(sc.toks[j - 1], conn) or sc.tok(k) and
                                            _adjacent(conn, sc.toks[k])):
                # spaced dash: a range only between plain numbers
                pass
            # a hedge on the second end ("between 2 g and about 7 g", "2 - ~7 grams")
            if sc.low(k) == "~" or sc.low(k) in ("about", "around", "roughly", "approximately"):
                k += 1
            second = _value_at(sc, k) if k < sc.n else None
            if second is None and k < sc.n and sc.currency_before(k + 1) and sc.toks[k].text in CURRENCY_SYMBOLS:
                second = _value_at(sc, k + 1)
            if second is not None:
                p2, j2 = second
                v1, v2 = parts["value"], p2["value"]
                if conn.text in DASHES and p2["info"].get("digits") and len(p2["info"]["digits"]) == 4 and \
                        p2["info"]["digits"].startswith("0"):
                    second = None  # "555-0134": a phone number, not a range
                if second is not None and _clash(parts, p2):
                    second = None  # "rose 4.8% to $13.18 billion": two values, not a range
                if second is not None:
                    # scale and unit on the second end apply to the first ("3-5 million")
                    if p2["info"].get("scaled") and not info.get("scaled") and v2 >= v1 * 1000:
                        scale = _trailing_scale(sc, p2["core"])
                        if scale:
                            v1 *= scale
                    if v1 < v2:
                        is_range = True
                        lower, upper = min(v1, v2), max(v1, v2)
                        value = None
                        qualifier = "range"
                        for key in ("currency", "unit_kind", "unit"):
                            if parts[key] is None and p2[key] is not None:
                                parts[key] = p2[key]
                        end_tok = j2
                        if lead in ("between", "from"):
                            start_tok -= 1
    # hedges
    if not is_range:
        h = sc.hedge_before(start_tok)
        if h is None and start_tok > 0 and sc.toks[start_tok - 1].text == "~":
            h = (start_tok - 1, "~", "approximate")
        if h is not None:
            k, phrase, qualifier = h
            hedge = phrase
            start_tok = k
        else:
            post = " ".join(sc.low(x) for x in range(end_tok, end_tok + 2))
            if post in POST_HEDGES:
                qualifier = POST_HEDGES[post]
                hedge = post
                end_tok += 2
        if info.get("vague"):
            qualifier = "range"
    # minus
    core_i, core_j = parts["core"]
    t0 = sc.toks[core_i]
    prev = sc.tok(core_i - 1)
    if value is not None and prev is not None and parts["start_tok"] == core_i and (
            prev.low in ("minus", "negative") or prev.text in MINUS and _adjacent(prev, t0) or
            prev.text == "-" and core_i == 1 or
            prev.text == "-" and _adjacent(prev, t0) and (sc.tok(core_i - 2) is None or
                                                        not _adjacent(sc.toks[core_i - 2], prev))):
        value = -value
        if start_tok == core_i:
            start_tok = core_i - 1
    # "2 degrees below zero", "5 below zero": a temperature under (or above) zero
    if (value is not None or is_range) and sc.low(end_tok) in ("below", "above") and sc.low(end_tok + 1) == "zero" \
            and _degrees_or_bare(parts):
        if sc.low(end_tok) == "below":
            value = None if value is None else -value
            lower, upper = (None, None) if upper is None or lower is None else (-upper, -lower)
        end_tok += 2
        parts["unit_kind"], parts["unit"] = "unit", parts["unit"] or "degrees"
    # rate
    per = None
    rate = sc.rate_after(end_tok)
    if rate is not None and (parts["currency"] or parts["unit_kind"] in ("currency", "minor", "unit")):
        end_tok, per = rate
    start = sc.toks[start_tok].start
    end = sc.toks[end_tok - 1].end
    cand = Candidate(
        start=start, end=end, text=sc.text[start:end], value=value, qualifier=qualifier,
        lower=lower, upper=upper, core_start=t0.start, core_end=sc.toks[core_j - 1].end,
        adjectival=bool(info.get("adjectival")), spelled=bool(info.get("spelled")),
        digits_only=info.get("digits") if core_j - core_i == 1 else None, hedge=hedge, per=per,
    )
    if qualifier == "lower_bound":
        cand.lower = value
    elif qualifier == "upper_bound":
        cand.upper = value
    elif qualifier == "exact" and value is not None:
        cand.lower = cand.upper = value
    kind = parts["unit_kind"]
    if kind == "percent":
        cand.kind = "percent"
        cand.percent_unit = parts["unit"]
    elif kind == "currency" or parts["currency"]:
        cand.kind = "money"
        cand.currency = parts["currency"] or parts["unit"]
    elif kind == "minor":
        cand.kind = "money"
        cand.currency = parts["unit"]
        cand.currency_factor = MINOR_UNITS[parts["unit"]][1]
    elif kind == "unit":
        cand.kind = "unit"
        cand.unit = parts["unit"]
        if info.get("age"):
            cand.extra["age"] = True
    elif info.get("fraction"):
        cand.kind = "fraction"
        cand.percent_unit = "fraction"
    if info.get("adjectival_noun"):
        cand.extra["adjectival_noun"] = True
    if info.get("one_in"):
        cand.extra["one_in"] = True
    if info.get("said"):
        cand.extra["said"] = True  # "one twenty two": a flight or room number as often as not
    if rate is None and cand.kind == "number" and _ordinal_suffix(sc, core_i, core_j):
        cand.kind = "ordinal"
        cand.end = sc.toks[core_j].end
        cand.text = sc.text[cand.start:cand.end]
    return cand, end_tok


def _degrees_or_bare(parts: dict) -> bool:
    """Whether a value is in degrees of temperature or has no unit at all (what "below zero" may follow)."""
    if parts["currency"] is not None or parts["unit_kind"] not in (None, "unit"):
        return False
    info = parse_unit(parts["unit"]) if parts["unit"] else None
    return parts["unit"] is None or info is not None and info.name in ("degree", "degree_Celsius", "degree_Fahrenheit")


def _range_after_by(sc: _Scanner, parts: dict, j: int) -> bool:
    """"fall by 6 to 8 degrees", "grow by 7 to 8 percent": a bare first end, a second end
    with the unit and a comparable size make a range of the change, not a change then a level."""
    if parts["unit_kind"] is not None or parts["currency"] is not None:
        return False
    second = _value_at(sc, j + 1)
    if second is None:
        return False
    p2 = second[0]
    return p2["unit_kind"] in ("percent", "unit") and 0 < parts["value"] < p2["value"] <= 3 * parts["value"]


def _clash(first: dict, second: dict) -> bool:
    """Whether two values name different things (a percent and money, two currencies)."""
    kinds = [("currency", p["currency"]) if p["currency"] else (p["unit_kind"], p["unit"]) for p in (first, second)]
    if kinds[0][0] is None or kinds[1][0] is None:
        return False
    if kinds[0][0] != kinds[1][0]:
        return True
    if kinds[0][0] == "currency":
        return currency_code(kinds[0][1]) != currency_code(kinds[1][1])
    return False


def _trailing_scale(sc: _Scanner, core: tuple[int, int]) -> float | None:
    i, j = core
    for k in range(j - 1, i, -1):
        t = sc.toks[k]
        if t.low in SCALE_WORDS:
            return SCALE_WORDS[t.low]
        if t.text in SCALE_ABBREVIATIONS:
            return SCALE_ABBREVIATIONS[t.text]
    t = sc.toks[i]
    nxt = sc.tok(i + 1)
    if nxt and _adjacent(t, nxt) and nxt.text in SCALE_ABBREVIATIONS:
        return SCALE_ABBREVIATIONS[nxt.text]
    return None


def _ordinal_suffix(sc: _Scanner, i: int, j: int) -> bool:
    t = sc.tok(j)
    return bool(j == i + 1 and t and t.low in ORDINAL_SUFFIXES and _adjacent(sc.toks[i], t))


# Words after "a third" that keep it a share ("a third of", "a third to half", "a third more").
_SHARE_FOLLOWERS = frozenset("of to and or than more less fewer as in on at for from by with"
                             " is was are were has had since until after before over last this next"
                             " ago while but so because when amid despite through during under within"
                             " into across per each every among against compared".split())
# Words before "a third" that make it a share: "fell by a third", "roughly a third"
_SHARE_LEADERS = frozenset("by roughly about around nearly almost some approximately over under just"
                           " only barely fully than least".split())


# Verbs whose "up" belongs to them ("tick up to 7.2 percent"), so "up to" is no bound.
# ("could rise up to 10 percent" keeps the bound: there "up to" means "as much as".)
_PHRASAL_UP = re.compile(r"^(?:tick|edg|inch|creep|mov|drift|revis|ramp|stepp?|trend|pick|level|round|scal|bump"
                         r"|nudg)(?:e|es|ed|ing|s|d)?$")


def _ordinal_after_article(toks: list[Tok], i: int) -> bool:
    """Whether the singular ordinal at token i after "a"/"an" counts a place, not a share:
    "a fifth term", "a third straight month", "a fourth-quarter loss"; not "a third of", "a
    third more", "a fifth larger", "a third cup", "a fifth.", "a tenth of a second".
    """
    if toks[i].low not in _ORDINAL_UNITS and toks[i].low != "tenth" or i == 0 or toks[i - 1].low not in ("a", "an"):
        return False
    if i >= 2 and toks[i - 2].low in _SHARE_LEADERS:
        return False
    if i + 1 >= len(toks):
        return False
    nxt = toks[i + 1]
    if nxt.text in HYPHENS and _adjacent(toks[i], nxt):
        return i + 2 < len(toks) and toks[i + 2].kind == "word" and _adjacent(nxt, toks[i + 2])
    if nxt.kind != "word" or nxt.low in _SHARE_FOLLOWERS or nxt.low.endswith("er") or nxt.low in SCALE_WORDS:
        return False
    return parse_unit(nxt.text) is None


def ordinal_words(text: str, *, toks: list[Tok] | None = None) -> list[tuple[int, int, int]]:
    """Spelled ordinals ("first", "eighteenth", "twenty-first"): (start, end, value).

    Fractions ("a third", "two-thirds") are not ordinals; the component drops
    ordinals inside dates ("the third quarter").
    """
    toks = tokenize(text) if toks is None else toks
    out = []
    for i, t in enumerate(toks):
        if t.kind == "num" and i + 1 < len(toks) and toks[i + 1].low in ORDINAL_SUFFIXES and \
                _adjacent(t, toks[i + 1]):
            prev = toks[i - 1] if i else None
            if prev and _adjacent(prev, t) and prev.kind == "word":
                continue
            value = parse_digits(t.text)
            if value is not None and value == int(value):
                out.append((t.start, toks[i + 1].end, int(value)))
            continue
        if t.kind != "word" or t.low not in ORDINAL_WORDS:
            continue
        prev = toks[i - 1] if i else None
        if prev is not None and prev.low in ("a", "an", "one") and t.low in FRACTION_WORDS and \
                not _ordinal_after_article(toks, i):
            continue  # "a third": a fraction
        if t.low == "second" and prev is not None and (prev.low in ("split", "per", "every", "each") or
                                                       prev.low in ("a", "an") and i >= 2 and toks[i - 2].low == "of"):
            continue  # "a split second", "per second", "a tenth of a second": the unit of time
        value = ORDINAL_WORDS[t.low]
        start = t.start
        if prev is not None and prev.text in HYPHENS and i >= 2 and toks[i - 2].low in TENS_WORDS \
                and _adjacent(toks[i - 2], prev):
            value += TENS_WORDS[toks[i - 2].low]
            start = toks[i - 2].start
        elif prev is not None and prev.low in TENS_WORDS and value < 10:
            value += TENS_WORDS[prev.low]  # "the twenty first century"
            start = prev.start
        elif prev is not None and prev.low in _NUMBER_WORDS and t.low in ("hundredth", "thousandth", "millionth"):
            value *= UNITS_WORDS.get(prev.low) or TENS_WORDS[prev.low]  # "two hundredth"
            start = prev.start
        elif prev is not None and prev.low in _NUMBER_WORDS and t.low in FRACTION_WORDS:
            continue  # "two thirds"
        out.append((start, t.end, value))
    return out


def vague_scales(text: str, *, toks: list[Tok] | None = None) -> list[tuple[int, int, float, float]]:
    """"hundreds of", "tens of thousands of", "dozens of" -> (start, end, lower, upper).

    The range is the one the words allow: "hundreds" is 200 to 999.
    """
    toks = tokenize(text) if toks is None else toks
    out = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if t.low == "tens" and i + 3 < len(toks) and toks[i + 1].low == "of" and \
                toks[i + 2].low in ("thousands", "millions", "billions") and toks[i + 3].low == "of":
            base = SCALE_WORDS[toks[i + 2].low]
            out.append((t.start, toks[i + 2].end, 10 * base, 99 * base))
            i += 4
            continue
        if t.low in VAGUE_SCALES and t.low != "tens" and i + 1 < len(toks) and toks[i + 1].low == "of":
            prev = toks[i - 1] if i else None
            if prev is None or (prev.kind != "num" and prev.low not in _NUMBER_WORDS):
                lo, hi = VAGUE_SCALES[t.low]
                out.append((t.start, t.end, lo, hi))
        i += 1
    return out
