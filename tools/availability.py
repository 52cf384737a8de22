"""Can this reading be answered with figures, and if not, why? — the availability resolver.

It never reads text (that is `bot/reading/`): given a population (asielzoekers, werkzoekenden, …), a measure (aan het werk, opleiding, …),
breakdowns and a period, it answers one of:
- available: a dataset here identifies the population (with the aggregation to run);
- owned_elsewhere: the data belong to another agency (Fedasil, …) — name it;
- not_identified: our data cover the measure but cannot single out the population;
- not_available: nobody here knows of such data.
Each verdict comes with a ready Dutch sentence in the ministry's register.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from tools.aggregate import AggregateRequest, PeriodFilter, available_dimensions
from tools.catalog import SYNTHETIC_WARNING, Catalog, Dataset, default_catalog

AvailabilityStatus = Literal["available", "owned_elsewhere", "not_identified", "not_available"]


class AvailabilityQuery(BaseModel):
    population: str | None = None
    measure: str | None = None
    breakdowns: list[str] = Field(default_factory=list)
    period: PeriodFilter | None = None


class Availability(BaseModel):
    status: AvailabilityStatus
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


def implied_population(measure: str | None) -> str | None:
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


def resolve(query: AvailabilityQuery, catalog: Catalog | None = None) -> Availability:
    catalog = catalog or default_catalog()
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
    population = query.population or implied_population(query.measure) or "werkzoekende"
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
