"""Mentions -> short human-readable descriptions of their normalized values.

Pure functions, no I/O: what a highlight's tooltip, the claims table and the
mention list show, e.g. ``"1e13 CNY, lower bound"``.
"""

from __future__ import annotations

from pipeline.record import (
    Change,
    DateMention,
    Entity,
    Mention,
    Money,
    NumericMention,
    Ordinal,
    Percentage,
    Quantity,
)

# Record list field -> the kind name used in CSS classes, the legend and tooltips.
KIND_OF_FIELD = {
    "entities": "entity",
    "quantities": "quantity",
    "percentages": "percentage",
    "money": "money",
    "dates": "date",
    "ordinals": "ordinal",
}

_QUALIFIER_TEXT = {
    "exact": "",
    "approximate": "approximately",
    "lower_bound": "lower bound",
    "upper_bound": "upper bound",
    "range": "range",
}
# "fraction": written as one ("a third"), the value still in percent (33.33...).
_PERCENT_SUFFIX = {"percent": "%", "percentage_point": " pp", "basis_point": " bp",
                   "fraction": "% (written as a fraction)"}
_ORDINAL_SUFFIX = {1: "st", 2: "nd", 3: "rd"}


def format_number(value: float | None) -> str:
    """A number as a reader wants to see it: grouped digits, or scientific when huge.

    >>> format_number(200.0)
    '200'
    >>> format_number(165000)
    '165,000'
    >>> format_number(1e13)
    '1e13'
    >>> format_number(16.5)
    '16.5'
    >>> format_number(1 / 3)
    '0.333333'
    >>> format_number(None)
    '?'
    """
    if value is None:
        return "?"
    if abs(value) >= 1e6:
        mantissa, _, exponent = f"{value:.6g}".partition("e")
        if not exponent:  # .6g kept it positional, e.g. 1234567 -> '1.23457e+06'
            return mantissa
        return f"{mantissa}e{int(exponent)}"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:.6g}"


def format_change(change: Change | None) -> str:
    """``Change(direction="increase", basis="year_on_year")`` -> ``'increase, year on year'``."""
    if change is None:
        return ""
    return ", ".join(p for p in (change.direction, (change.basis or "").replace("_", " ")) if p)


def _magnitude(m: NumericMention, suffix: str) -> str:
    """The number (or range) with its unit suffix, e.g. ``'3–5%'`` or ``'1e13 CNY'``."""
    if m.value is None and (m.lower is not None or m.upper is not None):
        number = f"{format_number(m.lower)}–{format_number(m.upper)}"
    else:
        number = format_number(m.value)
        if m.qualifier == "range" and m.lower is not None and m.upper is not None:
            number = f"{number} ({format_number(m.lower)}–{format_number(m.upper)})"
    return f"{number}{suffix}"


def _numeric_tail(m: NumericMention) -> list[str]:
    return [p for p in (_QUALIFIER_TEXT[m.qualifier], format_change(m.change)) if p]


def describe(mention: Mention) -> str:
    """The normalized value of any mention as one short line.

    >>> from pipeline.record import Money
    >>> describe(Money(id="m1", text="10 trillion yuan", start=0, end=16, sentence=0,
    ...                value=1e13, currency="CNY", qualifier="lower_bound"))
    '1e13 CNY, lower bound'
    >>> from pipeline.record import DateMention
    >>> describe(DateMention(id="d1", text="From January to November", start=0, end=24, sentence=0,
    ...     value="2025-01/2025-11", start_date="2025-01-01", end_date="2025-11-30"))
    '2025-01-01 → 2025-11-30'
    """
    if isinstance(mention, Money):
        parts = [_magnitude(mention, f" {mention.currency or '(currency unknown)'}")]
        if mention.per:
            parts[0] += f" per {mention.per}"
        return ", ".join(parts + _numeric_tail(mention))
    if isinstance(mention, Percentage):
        head = _magnitude(mention, _PERCENT_SUFFIX[mention.unit])
        if mention.of:
            head += f" of {mention.of}"
        return ", ".join([head, *_numeric_tail(mention)])
    if isinstance(mention, Quantity):
        head = _magnitude(mention, f" {mention.unit}" if mention.unit else "")
        if mention.per:
            head += f" per {mention.per}"
        if mention.counted:
            head += f" {mention.counted}"
        return ", ".join([head, *_numeric_tail(mention)])
    if isinstance(mention, DateMention):
        return _describe_date(mention)
    if isinstance(mention, Ordinal):
        return _ordinal(mention.value)
    if isinstance(mention, Entity):
        return f"{mention.label}: {mention.canonical}"
    return mention.text


def _describe_date(d: DateMention) -> str:
    if d.start_date and d.end_date:
        head = d.start_date if d.start_date == d.end_date else f"{d.start_date} → {d.end_date}"
    else:
        head = d.value or "unresolved"
    flags = [d.mod or "", "relative" if d.relative else "", "fiscal" if d.fiscal else ""]
    return ", ".join([head, *(f for f in flags if f)])


def _ordinal(n: int) -> str:
    """
    >>> [_ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 18, 21, 102)]
    ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '18th', '21st', '102nd']
    """
    suffix = "th" if 10 <= n % 100 <= 20 else _ORDINAL_SUFFIX.get(n % 10, "th")
    return f"{n}{suffix}"
