"""Build ``holiday_names.json``: every holiday the ``holidays`` package's country calendars name.

The holiday names newsclaims knows come from a complete source, not from a list typed to
fit test cases: the calendars of the `holidays <https://github.com/vacanza/holidays>`_
package (MIT) for the countries in :data:`COUNTRIES`, every category they define (public,
bank, government, optional, unofficial observances...), in English. A name several countries
give to different days takes the day most of them give it, ties going to the country listed
first ("Republic Day" is India's 26 January). The hand-written rules of
:mod:`pipeline.lexicons.holidays` (church, Hebrew, Islamic, Hindu and Chinese festivals
with their spans, US federal days) win over a name listed here.

Regenerate after upgrading ``holidays`` (``tests/test_dates.py`` fails while the file and
the installed package disagree)::

    python -m pipeline.lexicons.holiday_names
"""

from __future__ import annotations

import json
import re
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any

# Where English-language news is written, and the largest economies it reports on,
# in the order that decides a name two of them use for different days.
COUNTRIES = (
    "US GB CA AU NZ IE IN PK BD LK NG KE ZA GH PH SG MY ID TH VN HK CN TW JP KR "
    "IL SA AE EG TR RU UA DE FR IT ES NL BE CH SE NO BR MX AR"
).split()
YEARS = range(2015, 2031)  # a name must recur: listed in at least two of these years
# A name as the date grammar reads it: ASCII words ("Benito Juárez's Birthday" is left out),
# no digits ("July 23 Revolution Day": the date grammar reads the date) and no lists of
# names ("Simchat Torah / Shemini Atzeret", "Birthday of Martin Luther King, Jr.").
_NAME = re.compile(r"[a-z][a-z '.\-]*")
# Not a holiday's name: days off and closings ("Day off (substituted from ...)",
# "Christmas Day (observed)", "Public holiday", "Eid al-Fitr holiday"), one-off elections.
_NOT_A_NAME = re.compile(r"\(|\bday off\b|substitut|\bbridge\b|\bspecial\b|\bholiday$|\belection|\bpolling\b")


def _calendar(country: str, years: Any) -> Any:
    import holidays

    cls = holidays.country_holidays(country).__class__
    language = "en_US" if "en_US" in cls.supported_languages else cls.default_language
    return holidays.country_holidays(country, years=years, language=language, categories=cls.supported_categories)


def names_by_day(country: str, year: int) -> list[tuple[Any, str]]:
    """``(day, name)`` for every holiday of ``country``'s calendar in ``year`` (a day with
    two holidays gives two pairs), in English."""
    return [(day, part) for day, name in sorted(_calendar(country, year).items()) for part in name.split("; ")]


def build() -> dict[str, Any]:
    """The name table: lower-case name -> the country whose calendar dates it (see the module doc)."""
    import holidays

    countries: dict[str, list[str]] = {}
    for country in COUNTRIES:
        years = Counter(name.lower() for year in YEARS for name in {n for _, n in names_by_day(country, year)})
        for name, count in sorted(years.items()):
            if count >= 2 and _NAME.fullmatch(name) and not _NOT_A_NAME.search(name):
                countries.setdefault(name, []).append(country)
    names = {name: _majority(name, found) for name, found in sorted(countries.items())}
    return {"source": f"holidays {holidays.__version__}", "countries": COUNTRIES, "names": names}


def _majority(name: str, countries: list[str]) -> str:
    """The first listed of the countries that give ``name`` the day most of them give it
    (in 2024 and 2025), so one country's own day does not stand for a name most share."""
    if len(countries) == 1:
        return countries[0]
    days = {c: tuple(d for y in (2024, 2025) for d, n in names_by_day(c, y) if n.lower() == name) for c in countries}
    votes = Counter(days.values())
    return next(c for c in countries if votes[days[c]] == max(votes.values()))


def load() -> dict[str, Any]:
    """The committed table (``holiday_names.json``)."""
    return dict(json.loads(resources.files("pipeline.lexicons").joinpath("holiday_names.json").read_text("utf-8")))


if __name__ == "__main__":
    out = Path(__file__).with_name("holiday_names.json")
    out.write_text(json.dumps(build(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {out}")
