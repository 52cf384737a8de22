"""Reading a statistical sub-question: the population, measure, breakdowns and period it names.

The words come from the catalog (tools/catalog.yaml); what the reading means for the figures
is decided by `tools.availability.resolve`, which never sees the text.
"""

from __future__ import annotations

import re

from tools.aggregate import PeriodFilter
from tools.availability import AvailabilityQuery, implied_population
from tools.catalog import Catalog, default_catalog
from tools.text import DUTCH_MONTHS, fold


def _find_terms(text: str, terms: list[tuple[str, str]]) -> list[tuple[int, str, str]]:
    """(position, id, synonym) for every synonym found as whole words, longest synonyms first."""
    found = []
    taken: list[tuple[int, int]] = []
    for term_id, synonym in sorted(terms, key=lambda t: -len(t[1])):
        # "VDAB-opleiding" holds "opleiding"; "niet-werkende werkzoekenden" is matched whole first.
        for match in re.finditer(rf"(?<!\w){re.escape(fold(synonym))}(?![\w-])", text):
            if any(a < match.end() and match.start() < b for a, b in taken):
                continue
            taken.append((match.start(), match.end()))
            found.append((match.start(), term_id, synonym))
    return sorted(found)


def _blank(text: str, found: list[tuple[int, str, str]]) -> str:
    for position, _, synonym in found:
        width = len(fold(synonym))
        text = text[:position] + " " * width + text[position + width :]
    return text


def _period(text: str) -> PeriodFilter | None:
    years = r"(20\d{2}|19\d{2})"
    for pattern in (
        rf"(?:van|tussen)\s+{years}\s+(?:tot\s+en\s+met|tot|t\.?e\.?m\.?|en)\s+{years}",
        rf"{years}\s*[-–]\s*{years}",
    ):
        match = re.search(pattern, text)
        if match:
            return PeriodFilter(start=match.group(1), end=match.group(2))
    match = re.search(rf"(?:vanaf|sinds|sedert)\s+{years}", text)
    if match:
        return PeriodFilter(start=match.group(1))
    match = re.search(rf"\b({'|'.join(DUTCH_MONTHS)})\s+{years}", text)
    if match:
        month = f"{match.group(2)}-{DUTCH_MONTHS[match.group(1)]:02d}"
        return PeriodFilter(start=month, end=month)
    match = re.search(rf"\b(?:in|over|voor|tijdens)\s+(?:het\s+jaar\s+)?{years}", text)
    if match:
        return PeriodFilter(start=match.group(1), end=match.group(1))
    return None


def read_query(text: str, catalog: Catalog | None = None) -> AvailabilityQuery:
    """Population, measure, breakdowns and period named in a Dutch question."""
    catalog = catalog or default_catalog()
    folded = fold(text)
    populations = _find_terms(folded, [(p.id, s) for p in catalog.populations for s in p.synonyms])
    # Words already read as the population, then as the measure, are blanked before the next
    # look: "verzoekers om internationale bescherming" is no measure, and "opleidingen" asked
    # about is no "per opleiding" breakdown.
    rest = _blank(folded, populations)
    order = [p.id for p in catalog.populations]
    population = min((p for _, p, _ in populations), key=order.index, default=None)
    measures = _find_terms(rest, [(m.id, s) for m in catalog.measures for s in m.synonyms])
    measure_order = [m.id for m in catalog.measures]
    measure = min((m for _, m, _ in measures), key=measure_order.index, default=None)
    rest = _blank(rest, [found for found in measures if found[1] == measure][:1])
    breakdowns = []
    for name, phrases in catalog.breakdowns.items():
        if any(re.search(rf"(?<![\w-]){re.escape(fold(phrase))}(?![\w-])", rest) for phrase in phrases):
            breakdowns.append(name)
    return AvailabilityQuery(population=population or implied_population(measure), measure=measure, breakdowns=breakdowns, period=_period(folded))


