"""Can this question be answered with figures, and if not, why? — the availability resolver.

Given a population (asielzoekers, werkzoekenden, …), a measure (aan het werk, opleiding, …),
breakdowns and a period, it answers one of:
- available: a dataset here identifies the population (with the aggregation to run);
- owned_elsewhere: the data belong to another agency (Fedasil, …) — name it;
- not_identified: our data cover the measure but cannot single out the population;
- not_available: nobody here knows of such data.
Each verdict comes with a ready Dutch sentence in the ministry's register.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, Field

from bot.text import DUTCH_MONTHS, fold
from tools.aggregate import AggregateRequest, PeriodFilter, available_dimensions
from tools.catalog import SYNTHETIC_WARNING, Catalog, Dataset, default_catalog

Status = Literal["available", "owned_elsewhere", "not_identified", "not_available"]


class AvailabilityQuery(BaseModel):
    population: str | None = None
    measure: str | None = None
    breakdowns: list[str] = Field(default_factory=list)
    period: PeriodFilter | None = None


class Availability(BaseModel):
    status: Status
    population: str | None
    measure: str | None
    dataset: str | None = None
    owner: str | None = None
    owner_name: str | None = None
    reason: str
    sentence: str
    query: AggregateRequest | None = None
    synthetic: bool = False
    missing_breakdowns: list[str] = Field(default_factory=list)
    caveat: str | None = None


# --- reading Dutch phrasings ---------------------------------------------------------------

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
    return AvailabilityQuery(population=population or _implied_population(measure), measure=measure, breakdowns=breakdowns, period=_period(folded))


def _implied_population(measure: str | None) -> str | None:
    # Applications and decisions are about applicants, reception about its residents, by definition.
    if measure in ("verzoeken", "beslissingen"):
        return "asielzoeker"
    return "opvangbewoner" if measure == "opvang" else None


# --- deciding -------------------------------------------------------------------------------

def _label(catalog: Catalog, kind: str, term_id: str | None) -> str:
    terms = catalog.populations if kind == "population" else catalog.measures
    return next((t.label for t in terms if t.id == term_id), term_id or "?")


def _available(catalog: Catalog, ds: Dataset, query: AvailabilityQuery, caveat: str | None = None, where=None) -> Availability:
    spec = ds.answers[query.measure]
    dims = available_dimensions(ds)
    by = [b for b in query.breakdowns if b in dims]
    missing = [b for b in query.breakdowns if b not in dims]
    request = AggregateRequest(
        dataset=ds.id, measure=spec.measure, by=by, where={**spec.where, **(where or {})}, period=query.period
    )
    owner_name = catalog.owner_name(ds.measure(spec.measure).owner or ds.owner)
    sentence = f"De cijfers komen uit '{ds.title}' ({owner_name})."
    if caveat:
        sentence += f" {caveat}"
    if missing:
        sentence += f" Een opdeling per {', '.join(missing)} is in deze gegevens niet beschikbaar."
    if ds.synthetic:
        sentence += f" [{SYNTHETIC_WARNING}]"
    return Availability(
        status="available",
        population=query.population,
        measure=query.measure,
        dataset=ds.id,
        owner=ds.owner,
        owner_name=owner_name,
        reason=f"{ds.id} identifies {query.population} and measures {query.measure}",
        sentence=sentence,
        query=request,
        synthetic=ds.synthetic,
        missing_breakdowns=missing,
        caveat=caveat,
    )


def _owned_elsewhere(catalog: Catalog, owner: str, reason: str, query: AvailabilityQuery, ds: Dataset | None = None) -> Availability:
    sentence = f"U kunt voor deze cijfers terecht bij {owner}. Zij zijn eigenaar van deze data."
    if reason:
        sentence += f" {reason}"
    return Availability(
        status="owned_elsewhere",
        population=query.population,
        measure=query.measure,
        dataset=ds.id if ds else None,
        owner=owner,
        owner_name=catalog.owner_name(owner),
        reason=reason or f"the data belong to {owner}",
        sentence=sentence,
        synthetic=bool(ds and ds.synthetic),
    )


def resolve(query: AvailabilityQuery | str, catalog: Catalog | None = None) -> Availability:
    catalog = catalog or default_catalog()
    if isinstance(query, str):
        query = read_query(query, catalog)
    if query.measure is None:
        return Availability(
            status="not_available",
            population=query.population,
            measure=None,
            reason="no statistical measure recognised in the question",
            sentence="Deze vraag vraagt geen cijfers op.",
        )
    if query.measure == "aantal" and query.population is None:
        # "Hoeveel klachten …?": a count of something the catalog does not know. Counting job
        # seekers instead would answer another question.
        return Availability(
            status="not_available",
            population=None,
            measure="aantal",
            reason="a count of something that is not a population or measure in the catalog",
            sentence="Deze vraag vraagt cijfers op waarover de datacatalogus geen gegevens bevat.",
        )
    # A question about "hoeveel opleidingen" without a population is about job seekers.
    population = query.population or _implied_population(query.measure) or "werkzoekende"
    query = query.model_copy(update={"population": population})
    home = set(catalog.ministry.home_owners)
    candidates = [ds for ds in catalog.datasets if query.measure in ds.answers]

    # 1. Our own or public data that single out the population.
    for ds in candidates:
        if population in ds.identifies and (ds.public or ds.owner in home):
            return _available(catalog, ds, query)
    for ds in candidates:
        for proxy in ds.proxies:
            if proxy.population == population and (ds.public or ds.owner in home):
                return _available(catalog, ds, query, caveat=proxy.caveat, where=proxy.where)
    # 2. Another agency's data (the curated reason of an external source first).
    for ext in catalog.external_sources:
        if population in ext.populations and query.measure in ext.measures:
            owned = next((ds for ds in candidates if ds.owner == ext.owner and population in ds.identifies), None)
            return _owned_elsewhere(catalog, ext.owner, ext.reason, query, owned)
    for ds in candidates:
        if population in ds.identifies:
            return _owned_elsewhere(catalog, ds.owner, "", query, ds)
    # 3. Our data measure it, but cannot tell this population apart.
    for ds in candidates:
        for exclusion in ds.cannot_identify:
            if exclusion.population == population:
                return Availability(
                    status="not_identified",
                    population=population,
                    measure=query.measure,
                    dataset=ds.id,
                    owner=ds.owner,
                    owner_name=catalog.owner_name(ds.owner),
                    reason=exclusion.reason,
                    sentence=exclusion.reason,
                )
    label_p, label_m = _label(catalog, "population", population), _label(catalog, "measure", query.measure)
    return Availability(
        status="not_available",
        population=population,
        measure=query.measure,
        reason=f"no dataset or known owner for {query.measure} of {population}",
        sentence=f"Er zijn geen gegevens beschikbaar over {label_m} van {label_p}.",
    )
