"""Can this reading be answered with figures, and if not, why? — the availability resolver.

It never reads text (that is `bot/reading/`). Given a `Reading` it decides, from the catalog only:
- available: a dataset here identifies the population in the register asked about (public data,
  or data of the minister's own agencies), with the measure, filters and breakdowns to run;
- owned_elsewhere: the data belong to another agency (Fedasil, AgII, …) — named, with who is
  competent where the catalog knows it;
- not_identified: the register asked about (or the only data that measure it) cannot single out
  the population ("Asielzoekers worden niet apart geïdentificeerd in de databank van VDAB.");
- not_available: nobody here has such data, or not for that filter, grain or kind of period;
- needs_review: the question holds words the reader could not place — no figure; the verdict
  the rest of the question would get is kept as `without_unplaced`.
The wording is the drafting layer's (bot/drafting/house_style.yaml); this module returns facts.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from tools.aggregate import available_dimensions
from tools.catalog import Catalog, Dataset, default_catalog
from tools.reading import Reading

AvailabilityStatus = Literal["available", "owned_elsewhere", "not_identified", "not_available", "needs_review"]
# Why a verdict is what it is, for the wording and for tests.
Reason = Literal[
    "identified", "proxy",  # available
    "other_agency", "other_register", "not_public",  # owned_elsewhere
    "register_cannot_identify", "measure_cannot_identify",  # not_identified
    "no_measure", "no_population", "no_dataset", "filter_not_in_data", "value_not_in_data", "period_grain", "point_for_flow",
    "published_only", "cohort",  # not_available (unless a published figure answers)
    "unplaced", "several_measures",  # needs_review
]


class Availability(BaseModel):
    status: AvailabilityStatus
    reason_code: Reason
    population: str | None = None
    measure: str | None = None
    dataset: str | None = None
    dataset_measure: str | None = None
    owner: str | None = None  # whose data (the measure's registering agency for available data)
    competent: str | None = None  # who answers for those data, when the catalog knows it
    # The catalog's own words: an external source's reason, an exclusion's reason, a proxy's caveat.
    reason: str | None = None
    caveat: str | None = None
    where: dict[str, list[str]] = Field(default_factory=dict)  # fixed filters (proxy, answer spec)
    filters: dict[str, list[str]] = Field(default_factory=dict)  # the question's filters that apply
    by: list[str] = Field(default_factory=list)
    missing_breakdowns: list[str] = Field(default_factory=list)
    # What the data cannot apply: {dimension: values} ("Limburg" on national CGVS figures).
    inapplicable: dict[str, list[str]] = Field(default_factory=dict)
    unplaced: list[str] = Field(default_factory=list)
    synthetic: bool = False
    # needs_review: the verdict the question would get without the words not understood.
    without_unplaced: Availability | None = None


def _verdict(status: AvailabilityStatus, reason_code: Reason, reading: Reading, **fields) -> Availability:
    return Availability(status=status, reason_code=reason_code, population=fields.pop("population", reading.population),
                        measure=fields.pop("measure", reading.measure_id), **fields)


def _ours(catalog: Catalog, ds: Dataset) -> bool:
    return ds.public or ds.owner in catalog.ministry.home_owners


def _in_registers(ds: Dataset, measure_owner: str | None, registers: list[str]) -> bool:
    return not registers or bool(set(ds.registers) & set(registers)) or (measure_owner in registers)


def resolve(reading: Reading, catalog: Catalog | None = None) -> Availability:
    catalog = catalog or default_catalog()
    if reading.unplaced:
        rest = resolve(reading.model_copy(update={"unplaced": []}), catalog)
        if rest.status in ("available", "not_available") or rest.reason_code == "other_register":
            # A figure would be given for a question the reader did not fully understand, or "there are no such
            # data" would be said of a question it did not understand: neither; it is for the desk to check.
            return _verdict("needs_review", "unplaced", reading, unplaced=list(reading.unplaced), owner=rest.owner, without_unplaced=rest)
        # Another agency's data on that population, or a population the register cannot identify: that verdict
        # holds whatever the other words, and the words not understood are still said. (Only the register named
        # is weaker: "jobbeurzen samen met Fedasil" may well be about something Fedasil does not keep.)
        return rest.model_copy(update={"unplaced": list(reading.unplaced)})
    measure = reading.measure_id
    if measure is None:
        return _verdict("not_available", "no_measure", reading)
    if reading.cohort_of:
        owners = [ds.owner for ds in catalog.datasets if reading.cohort_of in ds.answers and (reading.population in ds.identifies)]
        return _verdict("not_available", "cohort", reading, owner=owners[0] if owners else _usual_owner(catalog, reading))
    term = catalog.measure_term(measure)
    population = reading.population or term.population
    answered = any(measure in ds.answers for ds in catalog.datasets) or any(e.measure == measure for e in catalog.published)
    if population is None and answered:
        return _verdict("not_available", "no_population", reading)
    registers = reading.register_ids
    candidates = []
    for ds in catalog.datasets:
        if measure not in ds.answers:
            continue
        spec = ds.answers[measure]
        if _in_registers(ds, ds.measure(spec.measure).owner, registers):
            candidates.append(ds)

    # 1. Our own or public data that single out the population (directly, or through a proxy).
    for ds in candidates:
        if population in ds.identifies and _ours(catalog, ds):
            return _available(catalog, ds, reading, population, "identified")
    for ds in candidates:
        for proxy in ds.proxies:
            if proxy.population == population and _ours(catalog, ds):
                where = {k: [v] for k, v in proxy.where.items()}
                return _available(catalog, ds, reading, population, "proxy", caveat=proxy.caveat, where=where)
    # 2. Another agency's data: the curated reason of an external source first.
    for ext in catalog.external_sources:
        if population in ext.populations and measure in ext.measures and (not registers or not ext.registers or set(registers) & set(ext.registers)):
            owned = next((ds for ds in candidates if ds.owner == ext.owner and population in ds.identifies), None)
            return _verdict("owned_elsewhere", "other_agency", reading, population=population, owner=ext.owner, reason=ext.reason,
                            competent=catalog.owners[ext.owner].competent, dataset=owned.id if owned else None,
                            synthetic=bool(owned and owned.synthetic))
    for ds in candidates:
        if population in ds.identifies:
            return _verdict("owned_elsewhere", "not_public", reading, population=population, owner=ds.owner, dataset=ds.id,
                            competent=catalog.owners[ds.owner].competent if ds.owner in catalog.owners else None, synthetic=ds.synthetic)
    # The register asked about is another agency's and keeps this measure: its data, whoever it counts
    # ("Oekraïense ontheemden in de opvang van Fedasil").
    for ext in catalog.external_sources:
        if registers and set(registers) & set(ext.registers) and measure in ext.measures:
            return _verdict("owned_elsewhere", "other_register", reading, population=population, owner=ext.owner, reason=ext.reason,
                            competent=catalog.owners[ext.owner].competent)
    # 3. The register asked about — or the only data on that measure — cannot tell the population apart.
    for ds in candidates:
        for exclusion in ds.cannot_identify:
            if exclusion.population == population:
                code: Reason = "register_cannot_identify" if registers else "measure_cannot_identify"
                return _verdict("not_identified", code, reading, population=population, owner=ds.owner, dataset=ds.id, reason=exclusion.reason)
    published = any(entry.measure == measure for entry in catalog.published)
    return _verdict("not_available", "published_only" if published else "no_dataset", reading, population=population,
                    owner=_usual_owner(catalog, reading))


def _usual_owner(catalog: Catalog, reading: Reading) -> str | None:
    """Whose data a question without an answer points at: the register it names, else who publishes the measure."""
    if reading.registers:
        return reading.registers[0].id
    for entry in catalog.published:
        if entry.measure == reading.measure_id and entry.figures:
            prefix = entry.figures[0].split("-")[0]
            return next((o for o in catalog.owners if o.upper().replace(" ", "") == prefix), None)
    return None


def _available(catalog: Catalog, ds: Dataset, reading: Reading, population: str, code: Reason, caveat: str | None = None,
               where: dict[str, list[str]] | None = None) -> Availability:
    spec = ds.answers[reading.measure_id]
    measure = ds.measure(spec.measure)
    dims = available_dimensions(ds)
    fixed = {**{k: [v] for k, v in spec.where.items()}, **(where or {})}
    by = []
    missing = []
    for name in reading.breakdowns:
        name = ds.type_dimension or name if name == "type" else name
        if name in ("jaar", "maand") and ds.time in ("month", "date") or name in dims:
            by.append(name)
        elif name == "maand" and ds.time == "year":
            missing.append(name)
        else:
            missing.append(name)
    applicable: dict[str, list[str]] = {}
    inapplicable: dict[str, list[str]] = {}
    for name, values in reading.filters.items():
        if name not in dims:
            inapplicable[name] = values
            continue
        allowed = ds.dimension(name).values if name in {d.name for d in ds.dimensions} else None
        if allowed is not None and any(v not in [str(a) for a in allowed] for v in values):
            inapplicable[name] = [v for v in values if v not in [str(a) for a in allowed]]
            continue
        applicable[name] = values
    owner = measure.owner or ds.owner
    common = dict(population=population, dataset=ds.id, dataset_measure=measure.name, owner=owner, synthetic=ds.synthetic,
                  caveat=caveat, where=fixed, filters=applicable, by=list(dict.fromkeys(by)), missing_breakdowns=missing)
    if inapplicable:
        # A filter the data cannot apply: the total would answer another question.
        in_data = all(name in dims for name in inapplicable)
        return _verdict("not_available", "value_not_in_data" if in_data else "filter_not_in_data", reading, inapplicable=inapplicable, **common)
    period = reading.period
    if period is not None and period.point and measure.type == "flow":
        return _verdict("not_available", "point_for_flow", reading, **common)
    if period is not None and ds.time == "year" and not period.whole_years():
        return _verdict("not_available", "period_grain", reading, **common)
    if measure.type not in ("flow", "stock"):
        return _verdict("not_available", "published_only", reading, **common)
    # Two measures that would give different figures ("klachten over de begeleiding", "werk na een
    # opleiding"): which one is asked is not clear, and no figure is given.
    others = [m.id for m in reading.also_measures if not (m.id in ds.answers and ds.answers[m.id] == spec)]
    if others:
        return _verdict("needs_review", "several_measures", reading, unplaced=[m.words for m in reading.also_measures if m.id in others],
                        without_unplaced=_verdict("available", code, reading, **common), **{k: v for k, v in common.items() if k == "owner"})
    return _verdict("available", code, reading, **common)
