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
