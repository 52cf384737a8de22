"""Text primitives shared by every layer: accent folding, white space, Dutch dates and months."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

DUTCH_MONTHS = {
    "januari": 1,
    "februari": 2,
    "maart": 3,
    "april": 4,
    "mei": 5,
    "juni": 6,
    "juli": 7,
    "augustus": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "december": 12,
}

_MONTH_NAMES = list(DUTCH_MONTHS)

DUTCH_DATE = re.compile(r"(\d{1,2})\s+(" + "|".join(DUTCH_MONTHS) + r")\s+(\d{4})", re.IGNORECASE)


def parse_dutch_date(text: str) -> date | None:
    """'2 februari 2024' -> date(2024, 2, 2); None when there is no such date."""
    match = DUTCH_DATE.search(text)
    if not match:
        return None
    day, month, year = match.groups()
    try:
        return date(int(year), DUTCH_MONTHS[month.lower()], int(day))
    except ValueError:
        return None


def format_dutch_date(value: date) -> str:
    months = list(DUTCH_MONTHS)
    return f"{value.day} {months[value.month - 1]} {value.year}"


def fold(text: str) -> str:
    """Lower case, accents off, one space: 'Oekraïense  ontheemden' -> 'oekraiense ontheemden'."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"\s+", " ", text).strip()


def squash(text: str) -> str:
    """Collapse all runs of white space to one space."""
    return re.sub(r"\s+", " ", text).strip()


def month_words(month: str) -> str:
    """'2023-03' -> 'maart 2023'."""
    return f"{_MONTH_NAMES[int(month[5:]) - 1]} {month[:4]}"


def span_words(start: str, end: str) -> str:
    """Months start..end in words: '2023', 'januari tot en met augustus 2024', 'oktober 2022',
    '2021 tot en met 2023', 'maart 2022 tot en met augustus 2025'."""
    if start == end:
        return month_words(start)
    whole_years = start.endswith("-01") and end.endswith("-12")
    if whole_years:
        return start[:4] if start[:4] == end[:4] else f"{start[:4]} tot en met {end[:4]}"
    if start[:4] == end[:4]:
        return f"{_MONTH_NAMES[int(start[5:]) - 1]} tot en met {month_words(end)}"
    return f"{month_words(start)} tot en met {month_words(end)}"
