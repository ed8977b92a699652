"""Number text -> value. Pure functions: digits, spelled numbers, scales, fractions.

>>> parse_number("10 trillion"), parse_number("two hundred and five"), parse_number("forty-two")
(10000000000000.0, 205.0, 42.0)
>>> parse_number("1,234.5"), parse_number("1\u00a0234"), parse_number("３.５ million")
(1234.5, 1234.0, 3500000.0)
>>> round(parse_number("roughly a third"), 6), parse_number("two-thirds") == 2 / 3
(0.333333, True)
>>> parse_number("one and a half"), parse_number("three dozen"), parse_number("3.5bn")
(1.5, 36.0, 3500000000.0)
>>> parse_number("three lakh crore"), parse_number("two hundred thousand")
(3000000000000.0, 200000.0)
>>> parse_number("−5"), parse_number("minus 3"), parse_number("half")
(-5.0, -3.0, 0.5)
"""

from __future__ import annotations

import math
import re
import unicodedata

from pipeline.lexicons.numbers import (
    FRACTION_WORDS,
    PRE_HEDGES,
    SCALE_ABBREVIATIONS,
    SCALE_WORDS,
    TENS_WORDS,
    UNITS_WORDS,
)

# Separators inside digit groups: comma, no-break space, thin space, narrow
# no-break space, and (only between groups of three) the apostrophe.
GROUP_SEPARATORS = ",\u00a0\u2009\u202f\u2007' "
MINUS_SIGNS = "-\u2212\u2012\u2013\ufe63\uff0d"
_FULLWIDTH = {ord(c): ord("0") + i for i, c in enumerate("０１２３４５６７８９")}
_FULLWIDTH.update({ord("．"): ord("."), ord("，"): ord(",")})
_WORD_SPLIT = re.compile(r"[\s\-\u2010\u2011\u2012\u2013\u2014]+")
_DECIMAL = re.compile(r"(?:\d*\.?\d+|\d+\.)(?:[eE][+-]?\d+)?")
_DECIMAL_COMMA = re.compile(r"\d{1,3}(?:\.\d{3})+,\d{1,2}")
_DIGITS_WITH_SUFFIX = re.compile(r"^([0-9.,]+)([A-Za-z]+)$")


def to_ascii_digits(text: str) -> str:
    """Full-width and other Unicode decimal digits -> ASCII."""
    text = text.translate(_FULLWIDTH)
    if text.isascii():
        return text
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() and not c.isascii() else c for c in text)


def parse_digits(text: str) -> float | None:
    """A digit string with group separators and an optional decimal part.

    >>> parse_digits("1,234,567.89"), parse_digits("12\u2009600"), parse_digits("1.2.3")
    (1234567.89, 12600.0, None)
    >>> parse_digits("12,34,567.89"), parse_digits("1 234 567"), parse_digits("1.3e6")
    (1234567.89, 1234567.0, 1300000.0)
    >>> parse_digits("1.111,11"), parse_digits("1.234.567,8")
    (1111.11, 1234567.8)
    """
    s = to_ascii_digits(text.strip())
    if _DECIMAL_COMMA.fullmatch(s):  # dot groups of three, then a decimal comma
        s = s.replace(".", "").replace(",", ".")
    for sep in GROUP_SEPARATORS:
        s = s.replace(sep, "")
    if not s or s.count(".") > 1 or not _DECIMAL.fullmatch(s):
        return None
    value = float(s)
    return value if math.isfinite(value) else None


def words_value(words: list[str]) -> float | None:
    """Value of a sequence of number words and digits: ["two", "hundred", "and", "five"].

    Digits may lead ("3.5", "million"); "a"/"an" counts as one before a scale
    ("a million"). Returns None when the words do not form a number.
    """
    total = 0.0
    current: float | None = None
    seen = False
    last_scale = 0.0
    for raw in words:
        w = raw.lower()
        if w in ("and", ""):
            continue
        digits = parse_digits(w) if w[:1].isdigit() or w[:1] == "." else None
        if digits is not None:
            if current is not None:
                return None
            current, seen = digits, True
        elif w in ("a", "an"):
            if current is not None:
                return None
            current = 1.0
        elif w in UNITS_WORDS:
            current = (current or 0.0) + UNITS_WORDS[w]
            seen = True
        elif w in TENS_WORDS:
            current = (current or 0.0) + TENS_WORDS[w]
            seen = True
        elif w in ("hundred", "dozen"):
            current = (current if current is not None else 1.0) * SCALE_WORDS[w]
            seen = True
        elif w in SCALE_WORDS or w in SCALE_ABBREVIATIONS:
            scale = SCALE_WORDS.get(w) or SCALE_ABBREVIATIONS.get(raw) or SCALE_ABBREVIATIONS.get(w)
            if scale is None:
                return None
            if current is None and total and scale > last_scale:
                total *= scale  # "three lakh crore": a scale of a scale (3e12)
            else:
                total += (current if current is not None else 1.0) * scale
            last_scale = scale
            current = None
            seen = True
        else:
            return None
    if not seen:
        return None
    value = total + (current or 0.0)
    return value if math.isfinite(value) else None


def fraction_value(words: list[str]) -> float | None:
    """Value of a fraction phrase: "a third", "two thirds", "three quarters", "half".

    >>> fraction_value(["three", "quarters"]), fraction_value(["half"])
    (0.75, 0.5)
    """
    if not words:
        return None
    head = words[-1].lower()
    if head not in FRACTION_WORDS:
        return None
    lead = [w.lower() for w in words[:-1]]
    numerator = 1.0 if lead in ([], ["a"], ["an"], ["one"]) else words_value(words[:-1])
    if numerator is None:
        return None
    return numerator * FRACTION_WORDS[head]


def parse_number(text: str) -> float | None:
    """Value of a number phrase as written in news; None when it is not one.

    Handles digits with separators, Unicode minus and full-width digits, scale
    words and abbreviations, spelled numbers, fractions ("a third",
    "two-thirds", "one and a half") and a leading hedge, which is ignored.
    """
    s = to_ascii_digits(text.strip())
    sign = 1.0
    if s[:1] in MINUS_SIGNS and len(s) > 1 and (s[1].isdigit() or s[1] == "."):
        sign, s = -1.0, s[1:]
    low = s.lower()
    for hedge in sorted(PRE_HEDGES, key=len, reverse=True):
        if low.startswith(hedge + " "):
            s, low = s[len(hedge) + 1:], low[len(hedge) + 1:]
            break
    if low.startswith("minus "):
        sign, s = -sign, s[6:]
    words = [w for w in _WORD_SPLIT.split(s) if w]
    expanded: list[str] = []
    for w in words:
        m = _DIGITS_WITH_SUFFIX.match(w)
        if m and (m.group(2) in SCALE_ABBREVIATIONS or m.group(2).lower() in SCALE_WORDS):
            expanded += [m.group(1), m.group(2)]
        else:
            expanded.append(w)
    words = expanded
    if not words:
        return None
    # "one and a half", "two and three quarters"
    low_words = [w.lower() for w in words]
    if "and" in low_words:
        i = low_words.index("and")
        frac = fraction_value(words[i + 1:])
        whole = words_value(words[:i])
        if frac is not None and whole is not None:
            return sign * (whole + frac)
    # a number then group separators written as spaces ("1 234" with a no-break space)
    if all(w.replace(",", "").isdigit() for w in words) and len(words) > 1:
        if all(len(w) == 3 for w in words[1:]) and len(words[0]) <= 3:
            return sign * float("".join(words))
    value = fraction_value(words)
    if value is None:
        value = words_value(words)
    return None if value is None else sign * value
