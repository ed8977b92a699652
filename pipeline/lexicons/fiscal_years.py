"""The month a country's government fiscal year starts, for split years ("2022-23").

Source: the national budget calendars (finance ministries). No maintained library ships this
table (CLDR and pycountry have none), so it is typed here. A split year "2022-23" names a
fiscal year whenever it is written, so an article of one of these countries (by its dateline,
outlet or the countries it names) reads it on that calendar: India's 2022-23 is April 2022 to
March 2023, Australia's 2024-25 July 2024 to June 2025. Countries on the calendar year are
left out (their split years stay the two calendar years).
"""

from __future__ import annotations

FISCAL_YEAR_START: dict[str, int] = {
    # April: India, the UK (the government's financial year), Canada, Japan, Hong Kong,
    # Singapore, South Africa, Myanmar (since 2022 October; left out), New Zealand's is July
    "IN": 4, "GB": 4, "CA": 4, "JP": 4, "HK": 4, "SG": 4, "ZA": 4,
    # July: Australia, New Zealand, Pakistan, Bangladesh, Egypt, Kenya, Uganda, Tanzania
    "AU": 7, "NZ": 7, "PK": 7, "BD": 7, "EG": 7, "KE": 7, "UG": 7, "TZ": 7,
    # October: the United States federal government
    "US": 10,
}
