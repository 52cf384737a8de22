"""The figures that answer a reading — the one code path behind drafts, `ask` and the app.

Measure semantics come from the catalog: a flow is summed over exactly the months asked (and the
months the series lacks are named, never silently left out); a stock is read at one reference date —
the date asked or the end of the period asked — never summed over dates; rates are only ever
published figures. A published total for the same indicator and period is kept next to the series
so it can be said first. Everything is returned as data; the drafting layer words it.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from pydantic import BaseModel, Field

from tools.aggregate import AggregateRequest, PeriodFilter, Provenance, aggregate
from tools.availability import Availability, AvailabilityStatus, resolve
from tools.catalog import SYNTHETIC_WARNING, Catalog, Dataset, default_catalog
from tools.datasets import table
from tools.figures import Figure, figures_for
from tools.reading import Period, Reading, month_end, month_key, month_range, previous_month


class Cell(BaseModel):
    key: dict[str, str | int] = Field(default_factory=dict)  # the breakdown cell; {} for a total
    value: int | float | None  # None: not published for that cell (never 0, never NA)


class Slice(BaseModel):
    """One figure (or one row of figures per breakdown cell) for one period."""

    start: str  # the months asked
    end: str
    per_year: bool = False  # one of the years of a "per jaar" question
    # Flows: the months actually summed; stocks: the month whose month-end value is given.
    covered_start: str | None = None
    covered_end: str | None = None
    reference: str | None = None
    reference_day: dt.date | None = None
    asked_day: dt.date | None = None  # stocks: the moment asked, when it differs from reference_day
    missing: list[str] = Field(default_factory=list)  # months asked, inside the series, without a value
    outside: list[str] = Field(default_factory=list)  # months asked before or after the series
    cells: list[Cell] = Field(default_factory=list)
    total: int | float | None = None
    published: list[Figure] = Field(default_factory=list)
    description: str = ""

    @property
    def has_value(self) -> bool:
        return any(c.value is not None for c in self.cells)

    @property
    def complete(self) -> bool:
        return not self.missing and not self.outside


class StatAnswer(BaseModel):
    reading: Reading
    verdict: Availability
    status: AvailabilityStatus
    dataset: str | None = None
    measure: str | None = None  # the dataset's measure
    measure_label: str | None = None
    measure_type: str | None = None
    unit: str | None = None
    owner: str | None = None
    synthetic: bool = False
    warning: str | None = None
    filters: dict[str, list[str]] = Field(default_factory=dict)  # every filter applied (proxy included)
    by: list[str] = Field(default_factory=list)
    slices: list[Slice] = Field(default_factory=list)
    published: list[Figure] = Field(default_factory=list)  # figures that answer it without a series
    not_published: list[str] = Field(default_factory=list)  # catalog measures asked beside them with no published figure
    series_start: str | None = None
    series_end: str | None = None
    gap_note: str | None = None
    provenance: Provenance | None = None

    @property
    def has_figures(self) -> bool:
        return bool(self.published) or any(s.has_value or s.published for s in self.slices)


def _available_months(ds: Dataset, measure: str) -> list[str]:
    """The months (or years) for which the series has a value anywhere."""
    frame = table(ds.id)
    frame = frame[frame[measure].notna()]
    if ds.time == "year":
        return sorted({f"{int(y):04d}" for y in frame["jaar"]})
    if any(d.name == "maand" and d.type == "month" for d in ds.dimensions):
        return sorted(set(frame["maand"].astype(str)))
    return sorted({month_key(int(y), int(m)) for y, m in zip(frame["jaar"], frame["maand"], strict=True)})


def _slices(period: Period | None, per_year: bool, ds: Dataset, stock: bool, series: list[str]) -> list[Period]:
    if period is None:
        if stock:
            return [Period(start=series[-1], end=series[-1], words="")]
        first, last = int(series[0][:4]), int(series[-1][:4])
        whole = Period(start=f"{first}-01", end=f"{last}-12", per_year=True, words="")
        return [whole.year_slice(y).model_copy(update={"per_year": True}) for y in whole.years()]
    if period.open_end:
        end = min(period.end, series[-1] if ds.time != "year" else f"{series[-1]}-12")
        period = period.model_copy(update={"end": max(end, period.start)})
    if per_year or period.per_year:
        return [period.year_slice(y).model_copy(update={"per_year": True, "point": period.point,
                                                          "day": month_end(f"{y}-12") if period.point else None})
                for y in period.years()]
    return [period]


def _cells(result, by: list[str], measure: str) -> list[Cell]:
    cells = []
    for row in result.rows:
        value = row.get(measure)
        value = None if value is None or (not isinstance(value, str) and pd.isna(value)) else value
        cells.append(Cell(key={d: row[d] for d in by}, value=value))
    return cells


def _run(ds: Dataset, measure: str, by: list[str], where: dict, start: str, end: str) -> tuple[list[Cell], int | float | None, str, Provenance]:
    request = AggregateRequest(dataset=ds.id, measure=measure, by=by, where=where, period=PeriodFilter(start=start, end=end))
    result = aggregate(request)
    cells = _cells(result, by, measure)
    total = result.total if by else (cells[0].value if cells else None)
    return cells, total, result.provenance.description, result.provenance


def answer(reading: Reading, verdict: Availability | None = None, catalog: Catalog | None = None) -> StatAnswer:
    catalog = catalog or default_catalog()
    verdict = verdict or resolve(reading, catalog)
    stat = StatAnswer(reading=reading, verdict=verdict, status=verdict.status, owner=verdict.owner)
    if verdict.status == "needs_review" or reading.measure_id is None or reading.unplaced:
        return stat  # no figure for a question not fully understood
    population = verdict.population or reading.population
    if verdict.status == "available":
        _series(stat, catalog)
    # Published figures for the same indicator: first when they exist, alone when there is no series.
    per_year = reading.period is not None and (reading.period.per_year or "jaar" in reading.breakdowns)
    measures = published_measures(reading, catalog)

    def published(period: Period | None) -> list[Figure]:
        found: list[Figure] = []
        for measure in measures:
            found += [f for f in figures_for(measure, population, reading.filters, reading.breakdowns, period, catalog) if f not in found]
        return found

    if stat.slices:
        for piece in stat.slices:
            piece.published = published(Period(start=piece.start, end=piece.end, point=bool(piece.asked_day or reading.period and reading.period.point),
                                               day=piece.asked_day or (reading.period.day if reading.period else None)))
            broken_down = [f for f in piece.published if f.breakdown_dimension and _dimension(f, catalog) in reading.breakdowns]
            if broken_down:
                # The breakdown asked exists only as published figures: those answer it, not the series total.
                piece.published, piece.cells, piece.total = broken_down, [], None
    elif verdict.status in ("available", "not_available", "owned_elsewhere") and verdict.reason_code != "cohort":
        # Published figures only: every measure the question names is looked up ("hoeveel personen werden
        # opgevangen en wat was de bezettingsgraad?"), so that no half of it is dropped without a word.
        measures += [m.id for m in reading.also_measures if m.id not in measures]
        periods = [reading.period] if reading.period and not per_year else (
            [reading.period.year_slice(y) for y in reading.period.years()] if reading.period else [None])
        for period in periods:
            stat.published += published(period)
        if stat.published:
            # A measure asked that has no published figure for that moment is said, not dropped.
            stat.not_published = [m for m in dict.fromkeys([reading.measure_id, *(m.id for m in reading.also_measures)])
                                  if not any(f.measure == m for f in stat.published)]
    if stat.synthetic and not any(s.has_value for s in stat.slices):
        stat.synthetic, stat.warning = False, None  # only real published figures answer: no demo-data banner
    if stat.has_figures:
        stat.status = "available"
        if not stat.dataset and stat.published:
            stat.owner = stat.published[0].owner
    elif verdict.status == "available":
        stat.status = "not_available"  # asked entirely outside the series, or only unpublished months
    return stat


def _dimension(figure: Figure, catalog: Catalog) -> str | None:
    entry = next((e for e in catalog.published if figure.figure_id in e.figures), None)
    return entry.by if entry else None


def published_measures(reading: Reading, catalog: Catalog) -> list[str]:
    """The measure asked, and — for a plain count ("hoeveel asielzoekers") — the measure that is how
    the counted population (or the wider one named with it) is counted (applications)."""
    measures = [reading.measure_id]
    if reading.measure_id == catalog.count_measure:
        populations = [p.id for p in reading.populations]
        measures += [t.id for t in catalog.measures if t.counts_population and t.population in populations and not t.generic]
    return measures


def _series(stat: StatAnswer, catalog: Catalog) -> None:
    verdict, reading = stat.verdict, stat.reading
    ds = catalog.dataset(verdict.dataset)
    measure = ds.measure(verdict.dataset_measure)
    series = _available_months(ds, measure.name)
    stock = measure.type == "stock"
    by = [b for b in verdict.by if b != "jaar"]
    per_year = "jaar" in verdict.by
    where = {**verdict.filters, **verdict.where}
    stat.dataset, stat.measure, stat.measure_label, stat.measure_type, stat.unit = ds.id, measure.name, measure.label, measure.type, measure.unit
    stat.synthetic, stat.warning = ds.synthetic, SYNTHETIC_WARNING if ds.synthetic else None
    stat.filters, stat.by, stat.gap_note = where, [*by, *(["jaar"] if per_year else [])], ds.gap_note
    yearly = ds.time == "year"
    stat.series_start = f"{series[0]}-01" if yearly else series[0]
    stat.series_end = f"{series[-1]}-12" if yearly else series[-1]
    months = [f"{y}-{m:02d}" for y in series for m in range(1, 13)] if yearly else series
    available = set(months)
    for piece in _slices(reading.period, per_year, ds, stock, months):
        asked = piece.months()
        inside = [m for m in asked if stat.series_start <= m <= stat.series_end]
        out = Slice(start=piece.start, end=piece.end, per_year=piece.per_year,
                    outside=[m for m in asked if m not in inside], missing=[m for m in inside if m not in available])
        run_by = by
        if "maand" in by and not yearly and "jaar" in {d.name for d in ds.dimensions} and piece.start[:4] != piece.end[:4]:
            run_by = ["jaar", *by]  # month numbers of several years are not to be added up
        if stock and "maand" not in by:
            asked_day = piece.day if piece.point and piece.day else month_end(piece.end)
            wanted = month_key(asked_day.year, asked_day.month) if asked_day == month_end(month_key(asked_day.year, asked_day.month)) \
                else previous_month(month_key(asked_day.year, asked_day.month))
            earlier = [m for m in months if m <= wanted]
            out.missing, out.outside = [], []
            if wanted > stat.series_end or not earlier:
                out.outside = [wanted]  # asked before or after the series: no stand-in from another date
            else:
                reference = earlier[-1]
                out.reference, out.reference_day = reference, month_end(reference)
                out.missing = month_range(reference, wanted)[1:]  # e.g. December, which the CGVS does not publish
                out.asked_day = asked_day if asked_day != out.reference_day else None
                out.cells, out.total, out.description, stat.provenance = _run(ds, measure.name, run_by, where, reference, reference)
        else:
            covered = [m for m in asked if m in available]
            if yearly and covered:
                covered_years = sorted({m[:4] for m in covered})
                if any(m[:4] in covered_years and m not in asked for m in months):
                    covered = []  # part of a year asked of yearly figures (the resolver normally stops this)
            if covered:
                out.covered_start, out.covered_end = covered[0], covered[-1]
                start, end = (covered[0][:4], covered[-1][:4]) if yearly else (covered[0], covered[-1])
                out.cells, out.total, out.description, stat.provenance = _run(ds, measure.name, run_by, where, start, end)
                if stock:
                    out.total = None  # month-end stocks of several months do not add up
        stat.slices.append(out)
