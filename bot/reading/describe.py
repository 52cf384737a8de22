"""How a question was read, in one plain Dutch line for the desk: "Begrepen als: …".

It shows the measure, population, register, filters, period and breakdown exactly as the reader
found them, so a desk sees at a glance what a figure answers — and which words it did not place.
"""

from __future__ import annotations

from tools.catalog import Catalog, default_catalog
from tools.reading import Period, Reading
from tools.text import format_dutch_date, span_words


def period_description(period: Period | None) -> str:
    if period is None:
        return "geen periode genoemd (de meest recente cijfers)"
    if period.point and period.day and not period.per_year:
        words = f"op {format_dutch_date(period.day)}"
    elif period.per_year:
        named = [str(y) for y in period.only_years]
        years = f"{', '.join(named[:-1])} en {named[-1]}" if named else span_words(period.start, period.end)
        words = f"per jaar, {years}" + (" (telkens op het einde van het jaar)" if period.point else "")
    elif period.open_end:
        words = f"sinds {span_words(period.start, period.start)}"
    else:
        words = span_words(period.start, period.end)
    if period.relative_to:
        words += f" (gelezen t.o.v. de vraagdatum {format_dutch_date(period.relative_to)})"
    return words


MAX_WORDS_NAMED = 10


def named_words(words: list[str], quote: str = "") -> str:
    """The words not understood; a text that is mostly not understood gets the first ten and "en nog andere woorden"
    (no count: the numbers guard would take it for a figure)."""
    named = ", ".join(f"{quote}{w}{quote}" for w in words[:MAX_WORDS_NAMED])
    return named + (" en nog andere woorden" if len(words) > MAX_WORDS_NAMED else "")


def describe(reading: Reading, catalog: Catalog | None = None) -> str:
    """'Begrepen als: aantal werkzoekenden · in Limburg · op 1 januari 2024 · per geslacht.'"""
    catalog = catalog or default_catalog()
    parts = []
    if reading.measure_id:
        parts.append(catalog.label(reading.measure_id))
    populations = [catalog.label(p.id) for p in reading.populations]
    if populations:
        parts.append(" binnen ".join(populations))
    if reading.registers:
        parts.append("register: " + ", ".join(catalog.owner_short(r.id) for r in reading.registers))
    for dimension, values in reading.filters.items():
        label = catalog.dimensions[dimension].label if dimension in catalog.dimensions else dimension
        parts.append(f"{label}: {', '.join(values)}")
    parts.append(period_description(reading.period))
    breakdowns = [catalog.dimensions[b].label if b in catalog.dimensions else ("jaar" if b == "jaar" else b) for b in reading.breakdowns]
    if breakdowns:
        parts.append("per " + " en per ".join(breakdowns))
    if reading.refers_back:
        parts.append(f"verwijst terug ('{reading.refers_back}')")
    if reading.corrected:
        parts.append("gelezen als: " + ", ".join(f"{a} → {b}" for a, b in reading.corrected.items()))
    line = "Begrepen als: " + " · ".join(parts) + "."
    if reading.unplaced:
        line += " Niet herkend: " + named_words(reading.unplaced) + "."
    return line
