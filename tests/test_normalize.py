"""Pure normalizers: numbers, currencies (Babel/CLDR), units (pint)."""

from __future__ import annotations

import pytest

from pipeline.normalize.money import currencies_of_places, currency_code, minor_unit
from pipeline.normalize.numbers import parse_digits, parse_number
from pipeline.normalize.units import parse_unit, si_value

NUMBERS = [("10 trillion", 1e13), ("two-thirds", 2 / 3), ("a third", 1 / 3), ("half", 0.5),
           ("three quarters", 0.75), ("one and a half", 1.5), ("forty-two", 42), ("1,234.5", 1234.5),
           ("3.5bn", 3.5e9), ("\u22125", -5), ("seven", 7), ("nonsense", None)]


@pytest.mark.parametrize("text, value", NUMBERS, ids=[t for t, _ in NUMBERS])
def test_parse_number(text, value):
    assert parse_number(text) == (pytest.approx(value) if value is not None else None)


@pytest.mark.parametrize("text", ["1e309", "9" * 400, "1.2.3", ""])
def test_parse_digits_rejects(text):
    assert parse_digits(text) is None or parse_digits(text) < float("inf")


CURRENCIES = [("yuan", "CNY"), ("RMB", "CNY"), ("renminbi", "CNY"), ("$", "USD"), ("US$", "USD"),
              ("HK$", "HKD"), ("C$", "CAD"), ("A$", "AUD"), ("€", "EUR"), ("£", "GBP"), ("¥", "JPY"),
              ("euros", "EUR"), ("USD", "USD"), ("CNY", "CNY"), ("US dollars", "USD"), ("zlotys", "PLN"),
              ("Danish kroner", "DKK"), ("₹", "INR"), ("S$", "SGD"), ("widgets", None),
              # "crowns" in news copy: Swedish by default, the demonym picks another
              ("crowns", "SEK"), ("Swedish crowns", "SEK"), ("Norwegian crowns", "NOK"), ("Czech crowns", "CZK")]


@pytest.mark.parametrize("text, code", CURRENCIES, ids=[t for t, _ in CURRENCIES])
def test_currency_code(text, code):
    assert currency_code(text) == code


def test_setting_picks_a_unique_candidate():
    assert currency_code("$", setting=currencies_of_places(["Hong Kong"])) == "HKD"
    assert currency_code("$", setting=currencies_of_places(["Hong Kong", "Singapore"])) == "USD"
    assert currency_code("¥", setting=currencies_of_places(["China"])) == "CNY"


def test_minor_units():
    assert minor_unit("cents") == ("USD", 0.01) and minor_unit("pence") == ("GBP", 0.01)


UNITS = [("km", "kilometer", "[length]"), ("square kilometres", "kilometer ** 2", "[length] ** 2"),
         ("sq km", "kilometer ** 2", "[length] ** 2"), ("km2", "kilometer ** 2", "[length] ** 2"),
         ("tonnes", "metric_ton", "[mass]"), ("metric tons", "metric_ton", "[mass]"),
         ("MW", "megawatt", "[mass] * [length] ** 2 / [time] ** 3"),
         ("GWh", "gigawatt_hour", "[mass] * [length] ** 2 / [time] ** 2"),
         ("kilowatt-hours", "kilowatt_hour", "[mass] * [length] ** 2 / [time] ** 2"),
         ("km/h", "kilometer / hour", "[length] / [time]"), ("°C", "degree_Celsius", "[temperature]"),
         ("degrees Fahrenheit", "degree_Fahrenheit", "[temperature]"), ("hours", "hour", "[time]"),
         ("three weeks"[6:], "week", "[time]"), ("terabytes", "terabyte", "[information]"),
         ("litres", "liter", "[length] ** 3"), ("cubic metres", "meter ** 3", "[length] ** 3")]


@pytest.mark.parametrize("surface, name, dim", UNITS, ids=[u[0] for u in UNITS])
def test_parse_unit(surface, name, dim):
    info = parse_unit(surface)
    assert info is not None and (info.name, info.dimension) == (name, dim)


@pytest.mark.parametrize("word", ["people", "a", "at", "in", "point", "workers"])
def test_everyday_words_are_not_units(word):
    assert parse_unit(word) is None


def test_si_values():
    assert si_value(30, parse_unit("°C")) == pytest.approx(303.15)
    assert si_value(2, parse_unit("km")) == 2000
    assert si_value(1, parse_unit("hour")) == 3600
