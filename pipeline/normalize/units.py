"""Unit words as news writes them -> pint units, with dimension and SI magnitude.

One :class:`pint.UnitRegistry` per process, built lazily. pint knows unit names
and symbols ("kilometer", "km", "MW", "GWh", "acre"); what it does not cover is
typed in ``_SURFACE`` (news spellings: British "-metre"/"-litre", "tonnes",
"sq km", "km2", "square kilometres", "degrees Celsius", "°C", "kilowatt-hours",
"barrels" of oil) and in the allow-list rule below: pint reads many everyday
words as units ("a" = year, "in" = inch, "at" = atmosphere, "second", "point"),
so only words in ``_UNIT_WORDS`` (or one of pint's symbols in ``_SYMBOLS``) are
tried, never an arbitrary token.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported on first use (registry()): pint's import is 0.3 s of a cold start
    import pint

# Base unit words that may follow a number in news (singular, American spelling).
# pint resolves metric prefixes itself ("kilo" + "watt").
_UNIT_WORDS = frozenset("""
meter kilometer centimeter millimeter micrometer nanometer mile yard foot feet inch
nautical_mile acre hectare liter milliliter centiliter deciliter hectoliter gallon barrel
kiloliter megaliter gigaliter
gram kilogram milligram microgram metric_ton ton pound ounce
watt kilowatt megawatt gigawatt terawatt watt_hour kilowatt_hour megawatt_hour
gigawatt_hour terawatt_hour joule kilojoule megajoule gigajoule calorie kilocalorie
volt kilovolt hertz megahertz gigahertz
second minute hour day week month year decade century millisecond fortnight
byte kilobyte megabyte gigabyte terabyte petabyte bit kilobit megabit gigabit terabit
kelvin knot
decimeter picometer tablespoon teaspoon cup pint quart fluid_ounce radian gram
""".split())

# pint symbols accepted after a number (case-sensitive: "MW" yes, "mw" no).
_SYMBOLS = frozenset("""
m km cm mm µm nm mi yd ft ha L l ml mL kg g mg µg t lb lbs oz
W kW MW GW TW Wh kWh MWh GWh TWh J kJ MJ GJ kcal V kV Hz kHz MHz GHz
s sec secs min mins h hr hrs
B KB kB MB GB TB PB kb Kb Mb Gb Tb kbps Kbps Mbps Gbps MBps K mph kph kt
dm µg mcg tbsp tsp gal rad ms mAh Ah Nm hp bhp rpm ppb ppm
""".split())

# News surface forms pint does not parse as written -> pint expression.
_SURFACE: dict[str, str] = {
    "tonne": "metric_ton", "tonnes": "metric_ton", "metric ton": "metric_ton",
    "metric tons": "metric_ton", "metric tonne": "metric_ton", "metric tonnes": "metric_ton",
    "mt": "metric_ton", "ton": "metric_ton", "tons": "metric_ton",
    "short ton": "short_ton", "short tons": "short_ton",
    "lbs": "pound", "lb": "pound", "t": "metric_ton",
    "barrel": "oil_barrel", "barrels": "oil_barrel", "bbl": "oil_barrel",
    "sq km": "kilometer**2", "sq. km": "kilometer**2", "km2": "kilometer**2", "km²": "kilometer**2",
    "sq m": "meter**2", "m2": "meter**2", "m²": "meter**2", "sq mi": "mile**2",
    "sq ft": "foot**2", "sq. ft": "foot**2", "sq. ft.": "foot**2",
    "m3": "meter**3", "m³": "meter**3", "cu m": "meter**3", "bcm": "1e9 * meter**3",
    "°c": "degree_Celsius", "ºc": "degree_Celsius", "°f": "degree_Fahrenheit",
    "ºf": "degree_Fahrenheit", "℃": "degree_Celsius", "℉": "degree_Fahrenheit",
    "degrees celsius": "degree_Celsius", "degree celsius": "degree_Celsius",
    "degrees centigrade": "degree_Celsius", "celsius": "degree_Celsius",
    "centigrade": "degree_Celsius", "degrees fahrenheit": "degree_Fahrenheit",
    "degree fahrenheit": "degree_Fahrenheit", "fahrenheit": "degree_Fahrenheit",
    "degrees c": "degree_Celsius", "degrees f": "degree_Fahrenheit", "° celsius": "degree_Celsius",
    "° fahrenheit": "degree_Fahrenheit", "deg celsius": "degree_Celsius", "deg c": "degree_Celsius",
    "degree c": "degree_Celsius", "degree f": "degree_Fahrenheit", "degrees farenheit": "degree_Fahrenheit",
    # the common misspellings of the two scales
    "celcius": "degree_Celsius", "degrees celcius": "degree_Celsius", "degree celcius": "degree_Celsius",
    "farenheit": "degree_Fahrenheit", "degree farenheit": "degree_Fahrenheit",
    "kelvins": "kelvin",
    "km/h": "kilometer/hour", "kmh": "kilometer/hour", "kph": "kilometer/hour",
    "km per hour": "kilometer/hour", "kilometers per hour": "kilometer/hour",
    "kilometres per hour": "kilometer/hour", "kilometers an hour": "kilometer/hour",
    "kilometres an hour": "kilometer/hour", "miles per hour": "mile/hour",
    "miles an hour": "mile/hour", "mph": "mile/hour", "m/s": "meter/second",
    "meters per second": "meter/second", "metres per second": "meter/second",
    "business day": "business_day", "business days": "business_day", "working day": "business_day",
    "working days": "business_day",
    "knots": "knot", "hrs": "hour", "yrs": "year", "mins": "minute", "secs": "second",
    "teu": "TEU", "twenty foot equivalent units": "TEU", "twenty foot equivalent unit": "TEU",
    "decade": "10 * year", "decades": "10 * year",
    "century": "100 * year", "centuries": "100 * year", "inches": "inch", "inch": "inch",
    # Recipe and pharmacy spellings; Greek mu for micro; "gs", "mls", "gals" plurals of symbols.
    # Bare degrees are angles here; the component reads them as a temperature in a
    # temperature context (see components.numbers).
    "degree": "degree", "degrees": "degree", "deg": "degree", "deg.": "degree", "°": "degree",
    "kms": "kilometer", "yds": "yard", "μg": "microgram", "mcg": "microgram", "gs": "gram",
    "mls": "milliliter", "gal": "gallon",
    "gals": "gallon", "kmph": "kilometer/hour", "hr": "hour", "tbsp": "tablespoon", "tsp": "teaspoon",
    "gramme": "gram", "grammes": "gram", "microgramme": "microgram", "microgrammes": "microgram",
    "milligramme": "milligram", "milligrammes": "milligram", "kilogramme": "kilogram",
    "kilogrammes": "kilogram", "fluid ounces": "fluid_ounce", "fl oz": "fluid_ounce",
    # engines and motors: power, speed and torque as car and industry copy writes them; torque in
    # pound-feet is a force times a length, not pounds of mass ("300 lb-ft")
    "hp": "horsepower", "bhp": "horsepower", "horsepower": "horsepower", "rpm": "revolutions_per_minute",
    "revolutions per minute": "revolutions_per_minute", "lb ft": "force_pound*foot",
    "lb fts": "force_pound*foot", "pound feet": "force_pound*foot", "pound foot": "force_pound*foot",
    "ft lb": "force_pound*foot", "ft lbs": "force_pound*foot", "foot pounds": "force_pound*foot",
    "newton meters": "newton*meter", "newton metres": "newton*meter", "newton meter": "newton*meter",
    "newton metre": "newton*meter",
    # concentrations: parts per billion (pint defines ppm only; ppb is added to the registry)
    "ppb": "ppb", "parts per billion": "ppb", "parts per million": "ppm", "ppm": "ppm",
    "milliamp hours": "milliampere_hour", "milliampere hours": "milliampere_hour",
}
# Case-sensitive symbols whose pint reading is not the news one: a lowercase "b" after a
# prefix is a bit in data-rate and file-size copy ("15Mb", "a 10Gb link"), where pint
# reads megabarn, gilbert and kilobarn; "KB" is the kilobyte pint lacks.
_CASED_SURFACE: dict[str, str] = {
    "Kb": "kilobit", "kb": "kilobit", "Mb": "megabit", "Gb": "gigabit", "Tb": "terabit", "KB": "kilobyte",
    "kbps": "kilobit/second", "Kbps": "kilobit/second", "Mbps": "megabit/second", "Gbps": "gigabit/second",
    "Mbit/s": "megabit/second", "Gbit/s": "gigabit/second", "MBps": "megabyte/second",
    # battery charge and torque symbols whose lower case is something else ("nm" nanometre, "ah")
    "mAh": "milliampere_hour", "Ah": "ampere_hour", "kAh": "kiloampere_hour", "Nm": "newton*meter",
}
_PREFIX_WORDS = {"square": 2, "sq": 2, "cubic": 3, "cu": 3}
_BRITISH = re.compile(r"(met|lit)res?\b")


@dataclass(frozen=True)
class UnitInfo:
    """A resolved unit: pint's canonical name, dimensionality, SI factor/offset."""

    name: str
    dimension: str
    to_si: float | None  # multiply to get SI base magnitude; None for offset units
    factor: float = 1.0  # multiply the written number by this ("2 decades" -> 20 year)


@lru_cache(maxsize=1)
def registry() -> pint.UnitRegistry:
    """The process-wide UnitRegistry (built on first use)."""
    import pint

    ureg: pint.UnitRegistry = pint.UnitRegistry(autoconvert_offset_to_baseunit=True)
    # Twenty-foot equivalent unit: a count unit shipping uses; dimensionless.
    ureg.define("TEU = [container] = teu")
    ureg.define("ppb = 1e-9 = parts_per_billion")
    # A business (working) day: a count of days as written ("within 10 business days"), kept apart
    # from calendar days in the record and converted as a day.
    ureg.define("business_day = day")
    return ureg


def _singular(word: str) -> str:
    if word in ("feet",):
        return "foot"
    if word.endswith("ches"):
        return word[:-2]
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _expression(surface: str) -> str | None:
    """The pint expression for a unit surface form, or None when not a unit we accept."""
    if surface in _CASED_SURFACE:
        return _CASED_SURFACE[surface]
    if "/" in surface and surface.count("/") == 1 and surface.lower() not in _SURFACE:  # "km/hr", "cm/ms"
        num, den = (_expression(part) for part in surface.split("/"))
        return f"({num})/({den})" if num and den else None
    if len(surface) > 1 and surface[-1] in "23" and surface[:-1].isalpha():  # "km2", "m3"
        base = _expression(surface[:-1])
        return f"({base})**{surface[-1]}" if base and surface[:-1] in _SYMBOLS else None
    s = " ".join(surface.replace("-", " ").split())
    low = s.lower()
    if low in _SURFACE:
        return _SURFACE[low]
    if s in _SYMBOLS:
        return {"lbs": "pound", "secs": "second", "mins": "minute", "hrs": "hour",
                "sec": "second", "kph": "kilometer/hour", "L": "liter", "l": "liter",
                "t": "metric_ton", "in": "inch"}.get(s, s)
    words = _BRITISH.sub(lambda m: m.group(1) + "er", low).split()
    if not words:
        return None
    power = 1
    if words[0] in _PREFIX_WORDS and len(words) > 1:
        power = _PREFIX_WORDS[words[0]]
        words = words[1:]
    if len(words) == 3 and words[1] in ("per", "an", "a"):
        num, den = _expression(words[0]), _expression(words[2])
        return f"({num})/({den})" if num and den else None
    name = "_".join(_singular(w) for w in words)
    if name not in _UNIT_WORDS and not (len(words) == 1 and words[0] in _UNIT_WORDS):
        if s not in _SYMBOLS:
            return None
    if name == "feet":
        name = "foot"
    return f"{name}**{power}" if power > 1 else name


@lru_cache(maxsize=4096)
def parse_unit(surface: str) -> UnitInfo | None:
    """Resolve a unit surface form; None when it is not a unit.

    >>> parse_unit("square kilometres").name, parse_unit("MW").dimension
    ('kilometer ** 2', '[mass] * [length] ** 2 / [time] ** 3')
    >>> parse_unit("tonnes").name, parse_unit("hours").to_si, parse_unit("widgets")
    ('metric_ton', 3600.0, None)
    """
    expr = _expression(surface)
    if expr is None:
        return None
    ureg = registry()
    import pint.errors

    try:
        q = ureg.Quantity(1, expr) if not expr[:1].isdigit() else ureg.Quantity(expr)
    except (pint.errors.UndefinedUnitError, pint.errors.DefinitionSyntaxError, AttributeError,
            TypeError, ValueError, AssertionError):
        return None
    dim = str(q.dimensionality)
    if dim == "dimensionless" and not str(q.units):
        return None
    if dim == "dimensionless" and ("byte" in str(q.units) or "bit" in str(q.units)):
        dim = "[information]"
    units = q.units
    magnitude = float(q.magnitude)
    try:
        offset = not ureg._is_multiplicative(str(units)) if hasattr(ureg, "_is_multiplicative") else False
    except Exception:
        offset = False
    to_si: float | None
    if "degree_Celsius" in str(units) or "degree_Fahrenheit" in str(units) or offset:
        to_si = None
    else:
        try:
            to_si = float(q.to_base_units().magnitude) / magnitude
        except Exception:
            to_si = None
    return UnitInfo(name=str(units), dimension=dim, to_si=to_si, factor=magnitude)


def si_value(value: float, unit: UnitInfo) -> float | None:
    """``value`` in SI base units (temperatures -> kelvin); None when not convertible."""
    if unit.to_si is not None:
        out = value * unit.to_si
        return out if math.isfinite(out) else None
    try:
        q = registry().Quantity(value, unit.name)
        out = float(q.to_base_units().magnitude)
        return out if math.isfinite(out) else None
    except Exception:
        return None
