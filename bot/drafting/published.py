"""Published figures that answer a sub-question asking for a value on a date or in a year."""

from __future__ import annotations

import re

from bot.retrieval.lexical import tokenize
from tools.availability import AvailabilityQuery
from tools.catalog import CatalogError, default_catalog
from tools.errors import PQError
from tools.figures import Figure, lookup_figures
from tools.text import parse_dutch_date


def _question_date(text: str) -> str | None:
    date = parse_dutch_date(text)
    if date:
        return date.isoformat()
    end_of_year = re.search(r"\b(?:eind|einde|op het einde van|eind december)\s+(20\d\d)\b", text, flags=re.IGNORECASE)
    if end_of_year:
        return f"{end_of_year.group(1)}-12-31"
    match = re.search(r"\b(20\d\d)-(\d\d)-(\d\d)\b", text)
    return match.group() if match else None


def published_figures(text: str, query: AvailabilityQuery, owner: str | None) -> list[Figure]:
    """Published figures that answer a sub-question asking for a value on a date or in a year."""
    date = _question_date(text) or (query.period.start if query.period and query.period.start == query.period.end else None)
    if not date:
        return []
    try:
        candidates = lookup_figures({"owner": owner, "date": date}) if owner else lookup_figures({"date": date})
    except (PQError, CatalogError, ValueError):
        return []
    # Owner names and years say nothing about *what* is counted.
    owner_words = {w for name in default_catalog().owners for w in tokenize(name)}
    words = {w for w in tokenize(text) if w.isalpha()} - owner_words
    scored = []
    for figure in candidates:
        if figure.breakdown_value:  # totals only: a breakdown row answers another question
            continue
        overlap = len(words & set(tokenize(figure.indicator)))
        if overlap:
            scored.append((overlap, figure))
    if not scored:
        return []
    best = max(score for score, _ in scored)
    return [figure for score, figure in scored if score == best]


