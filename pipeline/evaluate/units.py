"""Units and currencies for comparing suite values with ours: pint and Babel, built lazily.

Both suites name units in their own words ("Cubic foot", "kilometre", "F");
:func:`rt_units` and :func:`duckling_units` turn them into pint expressions that
:func:`convert` can use. Currency names without an ISO code become the set of
ISO codes Babel's English names give them (:func:`currency_codes`).
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Any

# Relative tolerance for every numeric comparison: suite values are strings
# rounded to ~15 significant digits (.NET) or IEEE doubles (Duckling).
REL_TOL = 1e-6

# Both suites count a month as 30 days and a year as 365 days when they turn a
# duration into seconds (pint's year is 365.25 days): Recognizers-Text in its
# duration values, Duckling in "normalized". Our durations are converted the same way.
CALENDAR_SECONDS = {
    "year": 365 * 86400.0,
    "month": 30 * 86400.0,
    "quarter": 90 * 86400.0,
    "decade": 3650 * 86400.0,
    "century": 36500 * 86400.0,
}

# Recognizers-Text unit names pint does not read as written, or reads otherwise.
_RT_UNIT_FIXES: dict[str, tuple[str, ...]] = {
    # "Ton" is not specified further; accept the metric, short and long ton.
    "ton": ("metric_ton", "short_ton", "long_ton"),
    # An unqualified "Barrel" in news is oil's (42 gallons); pint's "barrel" is 31.5.
    "barrel": ("oil_barrel", "barrel"),
    "c": ("degree_Celsius",),
    "f": ("degree_Fahrenheit",),
    # TemperatureModel's bare "Degree": a temperature of unnamed scale -> bare numbers.
    "degree": (),
    # AgeModel's "Age" ("at the age of 5"): no unit -> bare numbers.
    "age": (),
}
# Duckling unit names that need a word: "m" is ambiguous (metre vs mile) upstream,
# "unnamed"/"degree" name no unit at all.
_DUCKLING_UNIT_FIXES: dict[str, tuple[str, ...]] = {
    "m": ("meter", "mile"),
    "unnamed": (),
    "degree": (),
    "celsius": ("degree_Celsius",),
    "fahrenheit": ("degree_Fahrenheit",),
}
_POWER = re.compile(r"^(square|cubic) (.+)$")
_POWERS = {"square": 2, "cubic": 3}

# Minor units: the amount is in hundredths (or 1e-8 for satoshi) of a currency.
MINOR_UNITS = {"cent": 100.0, "cents": 100.0, "pence": 100.0, "penny": 100.0, "sen": 100.0,
               "satoshi": 1e8}
# The brief's rule for "$" and "Dollar" without an ISO code: USD or null.
_NAME_OVERRIDES: dict[str, frozenset[str | None]] = {
    "dollar": frozenset({"USD", None}),
    "$": frozenset({"USD", None}),
    "£": frozenset({"GBP", None}),
}
# Names that say nothing about the currency: Duckling's "unknown" (bucks, bare numbers).
_ANY_CURRENCY = {"unknown"}
_PARENTHESES = re.compile(r"\s*\([^)]*\)")


def unit_registry() -> Any:
    """The process's one pint UnitRegistry: the one our units come from."""
    from pipeline.normalize.units import registry

    return registry()


def pint_unit(expression: str) -> str:
    """Check a pint unit expression and return its canonical name.

    >>> pint_unit("kilometre")
    'kilometer'
    """
    return str(unit_registry().Unit(expression))


def rt_units(name: str, *, temperature: bool = False) -> tuple[str, ...]:
    """Pint units for a Recognizers-Text unit name ("Cubic foot", "Kilometer per hour", "C").

    >>> rt_units("Square kilometer")
    ('kilometer ** 2',)
    >>> rt_units("Degree", temperature=True)
    ()
    """
    key = name.strip().lower()
    if key in _RT_UNIT_FIXES and (temperature or key not in ("degree", "c", "f")):
        return _RT_UNIT_FIXES[key]
    expression = " / ".join(_powered(part) for part in key.split(" per "))
    return (pint_unit(expression.replace(" ", "_").replace("_/_", " / ").replace("_**_", " ** ")),)


def duckling_units(name: str) -> tuple[str, ...]:
    """Pint units for a Duckling unit name ("kilometre", "m", "celsius", "cup").

    >>> duckling_units("m")
    ('meter', 'mile')
    """
    key = name.strip().lower()
    if key in _DUCKLING_UNIT_FIXES:
        return _DUCKLING_UNIT_FIXES[key]
    return (pint_unit(key),)


def _powered(part: str) -> str:
    match = _POWER.match(part)
    if not match:
        return part
    return f"{match.group(2)} ** {_POWERS[match.group(1)]}"


def convert(value: float, unit: str, to_unit: str) -> float | None:
    """``value`` in ``unit`` expressed in ``to_unit``; None when pint cannot convert."""
    import pint

    ureg = unit_registry()
    try:
        return float(ureg.Quantity(value, unit).to(to_unit).magnitude)
    except (pint.errors.PintError, ValueError, TypeError, AttributeError):
        return None


def duration_seconds(value: float, unit: str) -> float | None:
    """A duration in seconds, with the suites' calendar (month = 30 d, year = 365 d).

    >>> duration_seconds(3, "month")
    7776000.0
    """
    key = unit.strip().lower()
    for name in (key, key.rstrip("s")):
        if name in CALENDAR_SECONDS:
            return value * CALENDAR_SECONDS[name]
    return convert(value, unit, "second")


def close(a: float | None, b: float | None) -> bool:
    """Numbers equal within :data:`REL_TOL`; None equals only None.

    >>> close(103.666666666667, 103 + 2 / 3), close(100.0, 100.01), close(None, 0.0)
    (True, False, False)
    """
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=REL_TOL)


@lru_cache(maxsize=256)
def currency_codes(name: str) -> frozenset[str | None] | None:
    """Accepted ``Money.currency`` values for a currency named without an ISO code.

    An ISO code is itself; "$"/"Dollar" -> USD or null; otherwise the codes
    whose Babel English name is ``name``, else those whose name ends in its last
    word ("Rupee" -> INR, PKR, LKR...), each with null. None means any currency.

    >>> sorted(currency_codes("Finnish markka"), key=str)
    ['FIM', None]
    """
    key = name.strip()
    if key.lower() in _ANY_CURRENCY:
        return None
    if key in _NAME_OVERRIDES or key.lower() in _NAME_OVERRIDES:
        return _NAME_OVERRIDES.get(key) or _NAME_OVERRIDES[key.lower()]
    names = _babel_currency_names()
    if key.upper() in names and len(key) == 3 and key.isupper():
        return frozenset({key})
    wanted = key.lower()
    exact = {code for code, label in names.items() if label == wanted}
    if not exact:
        word = wanted.split()[-1]
        exact = {code for code, label in names.items() if label.split()[-1] in (word, word + "s")}
    if not exact:
        return None
    return frozenset({*exact, None})


@lru_cache(maxsize=1)
def _babel_currency_names() -> dict[str, str]:
    from babel.numbers import get_currency_name, list_currencies

    # "Sudanese Dinar (1992–2007)" -> "sudanese dinar"
    return {code: _PARENTHESES.sub("", get_currency_name(code, locale="en")).strip().lower()
            for code in sorted(list_currencies())}
