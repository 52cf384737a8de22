"""Periods in questions (Dutch, French, English): points, spans, year lists, partial years, "sinds",
relative periods — each found with the span of text it was read from.

All patterns run on folded text (lower case, accents off). A relative period ("vorig jaar") is read
against the question's date; the reading keeps that date so the desk sees what it was read as.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from tools.reading import Period, month_key

MONTHS = {
    # Dutch
    "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7, "augustus": 8,
    "september": 9, "oktober": 10, "november": 11, "december": 12,
    # French (folded)
    "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7, "aout": 8,
    "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
    # English
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "august": 8, "october": 10,
}
_MONTH = "(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + ")"
_YEAR = r"((?:19|20)\d\d)"
_DAY = r"(\d{1,2})(?:e|er|ste|de|st|nd|rd|th)?"
_B = r"(?<![\w])"  # word start
_E = r"(?![\w])"  # word end

_COUNT_WORDS = {"een": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "negen": 9, "tien": 10,
                "elf": 11, "twaalf": 12, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
                "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "two": 2, "three": 3, "four": 4, "five": 5, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_N = "(" + "|".join(sorted(_COUNT_WORDS, key=len, reverse=True)) + r"|\d{1,2})"
_ORDINAL_QUARTER = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "premier": 1, "deuxieme": 2, "troisieme": 3, "quatrieme": 4,
                    "first": 1, "second": 2, "third": 3, "fourth": 4}
_Q = "(" + "|".join(_ORDINAL_QUARTER) + ")"

# Words that ask for the latest state ("momenteel"): no period, the most recent data.
CURRENT = re.compile(_B + r"((?:tot )?(?:de |het )?(?:laatst|laatste|meest recente|recentste) (?:beschikbare|gekende|gepubliceerde)(?: maand| cijfer| cijfers)?|"
                     r"momenteel|op dit moment|op heden|vandaag|thans|huidige|actueel|actuele|actuellement|a l'heure actuelle|"
                     r"aujourd'hui|le plus recent|les plus recents|currently|at present|at the moment|today|current|latest|most recent)" + _E)


@dataclass(frozen=True)
class FoundPeriod:
    period: Period
    spans: list[tuple[int, int]]


def _count(word: str) -> int:
    return _COUNT_WORDS.get(word) or int(word)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _span(start: tuple[int, int], end: tuple[int, int], words: str, **extra) -> Period:
    return Period(start=month_key(*start), end=month_key(*end), words=words, **extra)


def _point(day: dt.date, words: str) -> Period:
    month = month_key(day.year, day.month)
    return Period(start=month, end=month, point=True, day=day, words=words)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# Each rule: (compiled pattern, builder(match, asked) -> Period | None). Earlier rules win where they overlap.
def _rules():
    rules = []

    def rule(pattern: str):
        def add(builder):
            rules.append((re.compile(_B + pattern + _E), builder))
            return builder

        return add

    # --- year lists and ranges -------------------------------------------------------------
    @rule(rf"(?:(?:telkens\s+)?(?:op het einde van|aan het einde van|eind|einde|fin|end of|at the end of)\s+{_YEAR})"
          rf"((?:\s*(?:,|en|et|and|respectievelijk)\s*(?:(?:op het einde van|eind|einde|fin|end of)\s+|van\s+|de\s+|of\s+)?(?:19|20)\d\d)+)")
    def _end_of_years(m, asked):
        years = [int(m.group(1)), *(int(y) for y in re.findall(r"\d{4}", m.group(2)))]
        if sorted(set(years)) != years:
            return None
        gaps = years != list(range(years[0], years[-1] + 1))
        return _span((years[0], 1), (years[-1], 12), m.group(), per_year=True, point=True, only_years=years if gaps else [])

    @rule(rf"(?:in|en|tijdens|during|voor)?\s*(?:de jaren\s+|les annees\s+|the years\s+)?{_YEAR}((?:\s*,\s*{_YEAR})*)\s*(?:en|et|and|&|respectievelijk|resp\.)\s*(?:in\s+)?{_YEAR}")
    def _year_list(m, asked):
        years = [int(m.group(1)), *(int(y) for y in re.findall(r"\d{4}", m.group(2) or "")), int(m.group(4))]
        if sorted(years) != years or len(set(years)) != len(years):
            return None
        gaps = years != list(range(years[0], years[-1] + 1))  # "in 2019 en 2023": those two years, not the ones between
        if gaps and re.search(r"\b(?:tussen|between|entre|van|vanaf|from|de)\s*$", m.string[: m.start()]):
            return None  # "tussen 2022 en 2024" is a span, read by its own rule
        return _span((years[0], 1), (years[-1], 12), m.group(), per_year=True, only_years=years if gaps else [])

    @rule(rf"(?:van|vanaf|tussen|from|between|de|entre)\s+{_MONTH}\s+{_YEAR}\s+(?:tot en met|t\.?e\.?m\.?|tot|en|to|and|a|au|et|through|until)\s+{_MONTH}\s+{_YEAR}")
    def _month_year_range(m, asked):
        start, end = (int(m.group(2)), MONTHS[m.group(1)]), (int(m.group(4)), MONTHS[m.group(3)])
        return _span(start, end, m.group()) if start <= end else None

    @rule(rf"(?:van|tussen|from|between|de|entre|periode|la periode)?\s*{_MONTH}\s+(?:tot en met|t\.?e\.?m\.?|tot|en|to|and|a|au|et|through|until|-)\s+{_MONTH}\s+(?:van\s+|de\s+|of\s+)?{_YEAR}")
    def _month_range(m, asked):
        year, first, last = int(m.group(3)), MONTHS[m.group(1)], MONTHS[m.group(2)]
        return _span((year, first), (year, last), m.group()) if first <= last else None

    @rule(rf"(?:van|tussen|from|between|de|entre)\s+{_YEAR}\s+(?:tot en met|t\.?e\.?m\.?|tot|en|to|and|a|au|et|through|until)\s+{_YEAR}(?:\s+(?:inclus|inbegrepen|included|inclusive))?")
    def _year_range(m, asked):
        first, last = int(m.group(1)), int(m.group(2))
        # "van 2021 tot en met 2023": one figure per year (and, for a flow, their total)
        return _span((first, 1), (last, 12), m.group(), per_year=first < last) if first <= last else None

    @rule(rf"{_YEAR}\s+(?:tot en met|t\.?e\.?m\.?|tot)\s+{_YEAR}")
    def _bare_year_range(m, asked):
        first, last = int(m.group(1)), int(m.group(2))
        return _span((first, 1), (last, 12), m.group(), per_year=first < last) if first <= last else None

    @rule(rf"{_YEAR}\s*[-–/]\s*{_YEAR}")
    def _year_dash(m, asked):
        first, last = int(m.group(1)), int(m.group(2))
        return _span((first, 1), (last, 12), m.group(), per_year=True) if first < last else None

    # --- parts of a year -------------------------------------------------------------------
    @rule(rf"(?:de\s+|les\s+|the\s+)?(?:eerste|premiers|first)\s+{_N}\s+(?:maanden|mois|months)\s+(?:van|de|of|in)?\s*(?:het jaar\s+|l'annee\s+)?{_YEAR}")
    def _first_months(m, asked):
        count, year = _count(m.group(1)), int(m.group(2))
        return _span((year, 1), (year, count), m.group()) if 1 <= count <= 12 else None

    @rule(rf"(?:de\s+|les\s+|the\s+)?{_N}\s+(?:eerste|premiers|first)\s+(?:maanden|mois|months)\s+(?:van|de|of|in)?\s*{_YEAR}")
    def _n_first_months(m, asked):
        count, year = _count(m.group(1)), int(m.group(2))
        return _span((year, 1), (year, count), m.group()) if 1 <= count <= 12 else None

    @rule(rf"(?:de\s+|het\s+|la\s+|le\s+|the\s+)?(eerste|tweede|premiere|premier|deuxieme|first|second)\s+(?:helft|jaarhelft|halfjaar|semester|semestre|moitie|half|half year)\s+(?:van|de|of|in)?\s*{_YEAR}")
    def _half(m, asked):
        year = int(m.group(2))
        first = m.group(1) in ("eerste", "premiere", "premier", "first")
        return _span((year, 1 if first else 7), (year, 6 if first else 12), m.group())

    @rule(rf"(?:het\s+|le\s+|the\s+)?{_Q}\s+(?:kwartaal|trimestre|quarter)\s+(?:van|de|of|in)?\s*{_YEAR}")
    def _quarter(m, asked):
        quarter, year = _ORDINAL_QUARTER[m.group(1)], int(m.group(2))
        return _span((year, 3 * quarter - 2), (year, 3 * quarter), m.group())

    @rule(rf"q([1-4])\s*{_YEAR}|{_YEAR}\s*-?\s*q([1-4])")
    def _q_code(m, asked):
        quarter = int(m.group(1) or m.group(4))
        year = int(m.group(2) or m.group(3))
        return _span((year, 3 * quarter - 2), (year, 3 * quarter), m.group())

    @rule(rf"(?:in|tijdens|van|de)?\s*(?:de\s+)?\(?{_MONTH}((?:\s*,\s*{_MONTH})*)\s*(?:en|et|and)\s+{_MONTH}\)?\s+(?:van\s+|de\s+|of\s+)?{_YEAR}")
    def _month_list(m, asked):
        months = [MONTHS[m.group(1)], *(MONTHS[x] for x in re.findall(_MONTH, m.group(2) or "")), MONTHS[m.group(m.lastindex - 1)]]
        year = int(m.group(m.lastindex))
        if months != list(range(months[0], months[-1] + 1)):
            return None  # "januari en juni": not a span
        return _span((year, months[0]), (year, months[-1]), m.group())

    @rule(rf"(?:op het einde van|eind|einde|end of|fin)\s+{_YEAR}\s+(?:en|et|and)\s+(?:op het einde van|eind|einde|end of|fin)\s+{_YEAR}")
    def _two_ends(m, asked):
        first, second = int(m.group(1)), int(m.group(2))
        return _span((first, 1), (second, 12), m.group(), per_year=True, point=True) if second == first + 1 else None

    # --- "since" ---------------------------------------------------------------------------
    @rule(rf"(?:sinds|sedert|vanaf|depuis|a partir de|since|from)\s+(?:{_DAY}\s+)?{_MONTH}\s+{_YEAR}")
    def _since_month(m, asked):
        year, month = int(m.group(3)), MONTHS[m.group(2)]
        end = (asked.year, asked.month) if asked else (2100, 12)
        return _span((year, month), end, m.group(), open_end=True) if (year, month) <= end else None

    @rule(rf"(?:sinds|sedert|vanaf|depuis|a partir de|since)\s+(?:het jaar\s+|l'annee\s+)?{_YEAR}")
    def _since_year(m, asked):
        year = int(m.group(1))
        end = (asked.year, asked.month) if asked else (2100, 12)
        return _span((year, 1), end, m.group(), open_end=True) if year <= end[0] else None

    # --- points in time --------------------------------------------------------------------
    @rule(rf"(?:op het einde van|aan het einde van|op het eind van|eind|einde|fin|end of|at the end of|the end of)\s+{_MONTH}\s+{_YEAR}")
    def _end_of_month(m, asked):
        year, month = int(m.group(2)), MONTHS[m.group(1)]
        return _point(_month_end(year, month), m.group())

    @rule(rf"(?:op het einde van|aan het einde van|op het eind van|eind|einde|fin|end of|at the end of|the end of|per)\s+(?:het jaar\s+|l'annee\s+|december\s+|decembre\s+)?{_YEAR}")
    def _end_of_year(m, asked):
        return _point(dt.date(int(m.group(1)), 12, 31), m.group())

    @rule(rf"(?:begin|aan het begin van|bij het begin van|debut|au debut de|at the start of|the beginning of|at the beginning of)\s+{_YEAR}")
    def _start_of_year(m, asked):
        return _point(dt.date(int(m.group(1)), 1, 1), m.group())

    @rule(rf"(?:op|per|au|le|on|as of|as at)?\s*{_DAY}\s+{_MONTH}\s+{_YEAR}")
    def _day_month_year(m, asked):
        day = _safe_date(int(m.group(3)), MONTHS[m.group(2)], int(m.group(1)))
        return _point(day, m.group()) if day else None

    @rule(rf"(?:op|on|as of)?\s*{_MONTH}\s+{_DAY},?\s+{_YEAR}")
    def _month_day_year(m, asked):
        day = _safe_date(int(m.group(3)), MONTHS[m.group(1)], int(m.group(2)))
        return _point(day, m.group()) if day else None

    @rule(r"(?:op|per|au|le|on)?\s*(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d\d)")
    def _numeric_date(m, asked):
        day = _safe_date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        return _point(day, m.group()) if day else None

    # --- a month, a year -------------------------------------------------------------------
    @rule(rf"(?:in|tijdens|voor|en|au mois de|in the month of|during)?\s*(?:de maand\s+|la maand\s+)?{_MONTH}\s+(?:van\s+|de\s+|of\s+)?{_YEAR}")
    def _month(m, asked):
        year, month = int(m.group(2)), MONTHS[m.group(1)]
        return _span((year, month), (year, month), m.group())

    @rule(rf"(?:in|tijdens|voor|over|en|au cours de|pour|during|for)?\s*(?:het jaar|het kalenderjaar|l'annee|the year|het)?\s*{_YEAR}")
    def _year(m, asked):
        year = int(m.group(1))
        return _span((year, 1), (year, 12), m.group())

    # --- relative to the question's date ---------------------------------------------------
    @rule(r"(?:vorig|vorige|het vorige|het voorbije|voorbije|het afgelopen|afgelopen|het vorig)\s+(?:kalenderjaar|jaar)|l'annee derniere|l'an dernier|l'an passe|last year|the previous year|the past year")
    def _last_year(m, asked):
        if asked is None:
            return None
        year = asked.year - 1
        return _span((year, 1), (year, 12), m.group(), relative_to=asked)

    @rule(r"(?:dit jaar|het lopende jaar|het huidige jaar|dit kalenderjaar|cette annee|l'annee en cours|this year|the current year)(?:\s+al)?")
    def _this_year(m, asked):
        if asked is None:
            return None
        return _span((asked.year, 1), (asked.year, 12), m.group(), relative_to=asked)

    @rule(r"(?:vorige|de vorige|afgelopen|de afgelopen)\s+maand|le mois dernier|last month")
    def _last_month(m, asked):
        if asked is None:
            return None
        year, month = (asked.year - 1, 12) if asked.month == 1 else (asked.year, asked.month - 1)
        return _span((year, month), (year, month), m.group(), relative_to=asked)

    @rule(rf"(?:de\s+)?(?:laatste|voorbije|afgelopen|last|past|derniers|dernieres)\s+{_N}\s+(?:jaar|jaren|years|ans|annees)")
    def _last_n_years(m, asked):
        if asked is None:
            return None
        count = _count(m.group(1))
        return _span((asked.year - count, 1), (asked.year - 1, 12), m.group(), relative_to=asked, per_year=True)

    return rules


_RULES = _rules()


def find_period(folded: str, asked: dt.date | None = None) -> FoundPeriod | None:
    """The period a question names, with the spans it was read from; None when it names none.

    Several expressions ("in 2023 … per maand") are merged: a later point or span may not
    contradict the first one found; the first (most specific rule) wins."""
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, Period]] = []
    for pattern, build in _RULES:
        for match in pattern.finditer(folded):
            start, end = match.span()
            # Leading words the pattern allowed ("in ", "op ") are part of the span; strip spaces.
            while start < end and folded[start] == " ":
                start += 1
            if any(a < end and start < b for a, b in taken):
                continue
            period = build(match, asked)
            if period is None:
                continue
            taken.append((start, end))
            found.append((start, period))
    if not found:
        return None
    order = sorted(range(len(found)), key=lambda i: found[i][0])
    first = found[order[0]][1]
    # "in 2023 … en per jaar": a period inside the first adds nothing. One outside it ("in augustus 2025 en in
    # augustus 2024") is another question the figure would not answer: its words stay unread, so the reader
    # says it did not understand them instead of dropping them.
    kept = [taken[i] for i in order
            if i == order[0] or (first.start <= found[i][1].start and found[i][1].end <= first.end)]
    return FoundPeriod(period=first, spans=sorted(kept))
