"""Scoring the extractor against two public peer test suites (``newsclaims eval``).

The suites (Microsoft Recognizers-Text spec files and Facebook Duckling corpora)
are read from ``$NEWSCLAIMS_BENCHMARKS`` or ``../shared/benchmarks`` beside the
repository, never copied in. Their README documents every field.

Flow: :mod:`~pipeline.evaluate.suites` reads each file into :class:`Case` objects
whose expected results :mod:`~pipeline.evaluate.mapping` has mapped onto our
record's terms; :mod:`~pipeline.evaluate.harness` runs one Extractor over every
distinct input; :mod:`~pipeline.evaluate.score` matches and counts;
:mod:`~pipeline.evaluate.report` renders tables, failures and floors.
The news-dev gold set (real news, mentions and claims) has its own rules, its
set's CONVENTIONS.md, implemented in :mod:`~pipeline.evaluate.news`.

Reference date
    Each case's reference time is the article's ``published`` date: the date
    part of ``Context.ReferenceDateTime`` (Recognizers-Text; none when absent)
    or 2013-02-12 (Duckling; the Time ``diff`` lines carry 2013-02-15).
    Our record places a bare weekday, day or month by the tense of its clause
    (pipeline.normalize.dates): the suites' short inputs are mostly verbless
    ("next week", "March 5th") and read ahead, as both suites read them; "I
    went back Friday the 15th" reads back. Where a suite resolves an expression
    another way (Duckling's astronomical seasons, whole weeks for "last 2
    weeks"), the miss is counted, not mapped away.

Which cases are scored
    Recognizers-Text: every case the reference (.NET) implementation passes,
    i.e. whose ``NotSupported``/``NotSupportedByDesign`` does not name dotnet;
    the others are counted as skipped. Duckling: every line; ``negative`` lines
    are scored as negatives, ``latent`` and region lines like any other.
    A case with no expected result is a negative: any prediction in it counts
    as "negatives wrongly matched".

What counts as a prediction
    Each file has kinds; the kinds select record mentions (compare.CANDIDATES):
    number and numberrange -> any quantity, percentage or money mention;
    ordinal -> ordinals; percentage -> percentages; currency -> money;
    dimension -> quantities with a unit other than a duration or a temperature
    (both suites score those in their own files); Duckling Quantity of unit "unnamed"
    ("around 4") -> quantities without a unit; temperature -> quantities of dimension
    [temperature]; age and duration -> quantities of dimension [time];
    date/daterange -> dates, except those that are only a clock time ("8am");
    clock (a time of day) -> dates holding a clock time; daypart (a part of the
    day, "this evening") -> any date.

Matching (detection)
    An expected result matches one of our mentions of an accepted kind when
    their character spans overlap (at least one character in common). Each
    scored result, in order, takes one unused overlapping mention, preferring
    one with the right value, then the larger overlap. Unmatched mentions that
    overlap no expected result are false positives (one inside an expected
    span it could not match is already counted by that miss). Precision,
    recall and F1 are over results (micro-averaged).

Value accuracy
    Of the expected results that have a comparable value: the share found AND
    normalized right. Results without one (span-only extractor files, "not
    resolved" or its 0001-01-01 for impossible dates, relative ordinals such as
    "the last", currency words without an amount, years BC) count for detection only.

Numbers
    Equal within a relative tolerance of 1e-6 (suite values are rounded strings
    or doubles). An exact value v is the bounds (v, v); our mention's bounds are
    ``lower``/``upper`` for qualifier "range", ``lower`` (or ``value``) for
    "lower_bound", ``upper`` (or ``value``) for "upper_bound", else (value, value).
    An exact expected value is compared with our ``value`` whatever the
    qualifier (the suites mark "more than $247 million" as $247 million);
    ranges and open bounds compare bounds. A "number" (Recognizers-Text number,
    Duckling Numeral) is right when our value or either bound equals it; a
    fraction share also counts as the fraction ("two thirds": 66.67 percent
    = 0.667).

Ranges
    Recognizers-Text "[20,30)" -> lower 20, upper 30; "(20,)" -> lower 20 only
    ("lower_bound"); "(,30]" -> upper 30 only. The brackets (inclusive or
    exclusive) are kept for reports but not compared: our bounds are inclusive
    and "between 20 and 30" in news is. Duckling ``from``/``to`` -> lower/upper
    the same way; one side only is an open bound.

Units
    Quantities carry pint unit names; the suite's unit is converted to a pint
    unit ("Cubic foot" -> foot ** 3, "kilometre" -> kilometer, "F" ->
    degree_Fahrenheit, "Barrel" -> oil_barrel or barrel) and our bounds are converted into it with pint before
    comparing. Ambiguous suite units accept any reading (Duckling "m": metre or
    mile; "Ton": metric, short or long ton). A unit naming no scale
    (Recognizers-Text "Degree" temperatures, "Age", Duckling "unnamed")
    compares the bare numbers. Durations are compared in seconds with the
    suites' calendar: month 30 days, quarter 90, year 365.
    Where an exact expected quantity spans only part of our mention, that part
    is compared (the suites mark one end of a range and have no rates; our
    record keeps the range and the rate): a span that ends where our range ends
    and starts after it is its upper bound ("eight to 10 feet" spanned "10
    feet"; "75 -300mm" spanned "300mm"), one that starts with it and ends before
    it is its lower bound; a span that ends before our rate's "a day"/"per
    gramme" is the amount in the rate's numerator unit ("500,000 barrels a
    day" spanned "500,000 barrels" -> 500,000 oil_barrel). A span over the
    whole mention is compared with the whole (a range is never an exact value).

Percentages
    "22%" -> 22; our percentage is read in percent (our "percent",
    "percentage_point" and "fraction" values are percent; "basis_point" /100).

Currencies
    ``Money.currency`` is ISO 4217. A suite ISO code must equal it. "$" or
    "Dollar" without a code accepts USD or null; other names without a code
    accept null or any code whose Babel English name matches ("Pound" -> GBP,
    EGP, ...; "dinar" -> KWD, ...); Duckling "unknown" and unmatched names
    accept any currency. Minor units ("cent", "pence", "sen", "satoshi")
    accept the amount as written or divided (20 cents = 20 or 0.20), any currency.

Dates
    Our DateMention is read as inclusive days: ``start_date``/``end_date``, else
    the ISO ``value`` ("2016-11-07", "2016-11", "2016", "2016-Q3", "a/b").
    Recognizers-Text: every ``values`` entry / Future and Past resolution is an
    accepted reading. Its range ends are exclusive for months, years, weeks and
    quarters ("June 2016" -> 2016-06-01..2016-07-01 -> last day 06-30); a
    whole-day period "(a,b,PnD)" is used both with a literal end ("from 4 to
    22") and an exclusive one ("next 2 days"), so both last days are accepted.
    A range written with two ends ("2014-2018", "between 2015 and Feb 2018",
    "from Feb 1st to March 2019") ends, in the suite, where its second end
    begins; news reads "2014-2018" as including 2018, so when that exclusive
    end is the first of a month, the last day of that month (of that year, on
    January 1) is accepted as well. Ranges with one written end ("the past 2
    decades", "next 3 months") are compared as given.
    Duckling: a value is the start of its grain (week, month, quarter, year
    span the whole unit); an interval's ``to`` is exclusive and rounded up to
    the grain, so the last day is the ``to`` day minus one ("July 13-15" -> to
    07-16 -> 07-13..07-15). An open interval (Mod before/after/since/until,
    Duckling ``from`` or ``to`` only) gives one boundary day; our mention
    matches when it starts on it or ends the day before it ("after 2016" ->
    boundary 2017-01-01 <- our 2016). For Mod start/mid/end ("late 2016") our
    mention also matches with the same ``mod`` over the whole period.
    Scored in the file's own row: Recognizers-Text date and daterange, Duckling
    Time of grain day or coarser. Sets and time zones are reported separately:
    counted, with how many our mentions overlapped, never scored; they absorb
    overlapping mentions so those are not false positives.

Times of day (a row of their own: "<file> [time-of-day]")
    Recognizers-Text time, timerange, datetime and datetimerange results and
    Duckling Time of grain hour, minute or second are scored in a row beside
    their file's, with its own floors; in the file's own row they absorb
    mentions as before, so the date rows keep their meaning. The row counts the
    cases that have a time of day; its false positives are our mentions holding
    a clock time that overlap no expected result, in any case of the file.
    A time of day is detected by an overlapping date mention that holds a clock
    time; a part of the day by any overlapping date mention.
    A mention that is only a clock time is a prediction of this row only, not
    of the file's date row.
    Value: our ``value`` "YYYY-MM-DDThh:mm" (or "a/b") against the suite's
    local time, to the minute (seconds dropped). A mention whose text is only a
    clock time ("at 3am": no day written, ours on the reference day) is compared
    by its clock time alone: the suites place it by their reference *instant*
    (Duckling: the next 3 a.m. after 04:30), which an article does not have;
    Recognizers-Text "time"/"timerange" give no day at all. Otherwise the day
    must match too. Zones: Duckling writes every value in its reference offset
    (-02:00), converting a zone the text names ("4pm CET" -> 13:00); where we
    read a zone (``tz``) our time is converted into that offset, else the local
    clocks are compared as written. Recognizers-Text's zone cases are not run by
    .NET, so its clocks are compared as written. Intervals need both ends:
    Duckling's ``to`` is exclusive and rounded up to the grain, so the last
    minute is ``to`` minus one grain ("9:30 - 11:00" -> to 11:01 -> 11:00;
    "3-4pm" -> to 17:00 at hour grain -> 16:00); Recognizers-Text's end is as
    written ("5 to 6pm" -> 18:00). An open interval ("after 2 pm", Duckling
    "by 2:00pm" = from the reference instant) is its one boundary, which our
    single time must equal. Every Recognizers-Text reading (a.m./p.m.,
    past/future) is accepted.
    A part of the day or week (Recognizers-Text timex "TEV", "2016-11-07TNI";
    Duckling: an hour-grain interval whose text names morning, afternoon,
    evening, night, tonight, lunch, school or weekend) has conventional hours
    the text does not state (Duckling morning 00-12, evening 18-24, weekend
    Friday 18:00 to Monday; Recognizers-Text morning 08-12, evening 16-20): it
    is compared by its days, with a mention that holds no clock time ("this
    evening" -> our 2013-02-12). Duckling's weekend starts on Friday, ours on
    Saturday: counted as a miss. One with no day (Recognizers-Text "in the
    morning") counts for detection only.
    From now (``mapping.counted_from_now``): "now", "in 2 minutes", "7 days
    ago", "next 3 hours", "ASAP", "by EOD", "30 min later", timex PRESENT_REF.
    The suites count them from their reference instant; an article's
    reference is its publication day, so they are reported separately
    ("from-now") and scored nowhere.
"""

from pipeline.evaluate.harness import evaluate, suite_totals
from pipeline.evaluate.report import floors
from pipeline.evaluate.score import FileScore
from pipeline.evaluate.suites import benchmarks_dir, load_suites
from pipeline.evaluate.targets import Case, Expected, SuiteFile

__all__ = [
    "Case",
    "Expected",
    "FileScore",
    "SuiteFile",
    "benchmarks_dir",
    "evaluate",
    "floors",
    "load_suites",
    "suite_totals",
]
