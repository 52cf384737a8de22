"""Aggregations over catalog datasets, with structured arguments and full provenance.

No text is ever executed: the request is a validated model, every name in it is checked
against the catalog, and the computation is plain pandas group-by.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pandas as pd
from pydantic import BaseModel, Field, field_validator, model_validator

from tools.catalog import SYNTHETIC_WARNING, Catalog, Dataset, default_catalog, unknown
from tools.datasets import table

_PERIOD = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class PeriodFilter(BaseModel):
    """Inclusive; 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' (compared at month level)."""

    start: str | None = None
    end: str | None = None

    @field_validator("start", "end")
    @classmethod
    def _shape(cls, value: str | None) -> str | None:
        if value is not None and not _PERIOD.match(value):
            raise ValueError(f"period bound {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        if value is not None and len(value) > 4:
            # The shape alone lets '2021-13' through, which would silently select nothing (or everything).
            year, month, *day = (int(part) for part in value.split("-"))
            try:
                dt.date(year, month, day[0] if day else 1)
            except ValueError:
                raise ValueError(f"period bound {value!r} is not a real {'date' if day else 'month'}") from None
        return value

    @model_validator(mode="after")
    def _ordered(self) -> PeriodFilter:
        if self.start and self.end and self.month_bounds()[0] > self.month_bounds()[1]:
            raise ValueError(f"the period starts ({self.start}) after it ends ({self.end})")
        return self

    def month_bounds(self) -> tuple[str, str]:
        start = (self.start or "0000")[:7]
        end = (self.end or "9999")[:7]
        return (start if len(start) == 7 else f"{start}-01", end if len(end) == 7 else f"{end}-12")


class AggregateRequest(BaseModel):
    dataset: str
    measure: str
    by: list[str] = Field(default_factory=list)
    where: dict[str, list[str | int] | str | int] = Field(default_factory=dict)
    period: PeriodFilter | None = None
    # Counts below this are shown as "<N" (with one more cell hidden when a total would give it away).
    suppress_below: int | None = Field(default=None, ge=1)


class Provenance(BaseModel):
    dataset: str
    title: str
    owner: str
    owner_name: str
    measure: str
    measure_label: str
    unit: str
    synthetic: bool
    warning: str | None
    source_url: str
    licence: str
    filters: dict[str, list[str]]
    period: dict[str, str | None]
    reference_period: str
    grain: str
    notes: str | None
    rows_used: int
    rows_missing_value: int
    description: str


class AggregateResult(BaseModel):
    rows: list[dict[str, Any]]
    total: int | float | str | None
    provenance: Provenance
    synthetic: bool

    def to_json_dict(self) -> dict:
        return self.model_dump(mode="json")


def _time_key(frame: pd.DataFrame, ds: Dataset) -> pd.Series | None:
    """A 'YYYY-MM' key per row (or 'YYYY' for yearly tables); None for tables without time."""
    names = {d.name: d for d in ds.dimensions}
    if "maand" in names and names["maand"].type == "month":
        return frame["maand"].astype(str)
    if "datum" in names:
        return frame["datum"].astype(str).str[:7]
    if "jaar" in names and "maand" in names:
        return frame["jaar"].astype(str) + "-" + frame["maand"].astype(int).map("{:02d}".format)
    if "jaar" in names:
        return frame["jaar"].astype(str)
    return None


def available_dimensions(ds: Dataset) -> list[str]:
    names = [d.name for d in ds.dimensions]
    # Tables by month or date can also be grouped by year.
    if "jaar" not in names and any(d.type in ("month", "date") for d in ds.dimensions):
        names.append("jaar")
    return names


def _with_year(frame: pd.DataFrame, ds: Dataset) -> pd.DataFrame:
    if "jaar" not in frame.columns:
        key = _time_key(frame, ds)
        if key is not None:
            frame = frame.assign(jaar=key.str[:4].astype(int))
    return frame


def _apply_where(frame: pd.DataFrame, ds: Dataset, where: dict) -> tuple[pd.DataFrame, dict[str, list[str]]]:
    applied: dict[str, list[str]] = {}
    dims = available_dimensions(ds)
    for name, wanted in where.items():
        if name not in dims:
            raise unknown(f"dimension for dataset {ds.id!r}", name, dims)
        wanted_list = [str(v) for v in (wanted if isinstance(wanted, list) else [wanted])]
        present = sorted(frame[name].astype(str).unique())
        allowed = present
        if name in {d.name for d in ds.dimensions} and ds.dimension(name).values is not None:
            allowed = [str(v) for v in ds.dimension(name).values]
        for value in wanted_list:
            if value not in allowed:
                raise unknown(f"value of {name!r} in {ds.id!r}", value, allowed[:40])
        frame = frame[frame[name].astype(str).isin(wanted_list)]
        applied[name] = wanted_list
    return frame, applied


def _suppress(values: pd.Series, threshold: int) -> pd.Series:
    shown = values.astype(object)
    small = values < threshold
    if small.sum() == 1 and len(values) > 1:
        # One hidden cell next to a published total can be recomputed: hide the next smallest too.
        small[values[~small].idxmin()] = True
    shown[small] = f"<{threshold}"
    return shown


def aggregate(request: AggregateRequest | dict, catalog: Catalog | None = None) -> AggregateResult:
    catalog = catalog or default_catalog()
    if isinstance(request, dict):
        request = AggregateRequest.model_validate(request)
    ds = catalog.dataset(request.dataset)
    measure = ds.measure(request.measure)
    if measure.aggregation == "none":
        raise unknown(f"aggregable measure for {ds.id!r} (use the published-figures lookup)", measure.name, [])
    dims = available_dimensions(ds)
    for name in request.by:
        if name not in dims:
            raise unknown(f"dimension for dataset {ds.id!r}", name, dims)

    frame = _with_year(table(ds.id, catalog), ds)
    frame, applied = _apply_where(frame, ds, request.where)
    key = _time_key(frame, ds)
    period = request.period or PeriodFilter()
    if key is not None and (period.start or period.end):
        start, end = period.month_bounds()
        if (key.str.len() == 4).all():  # a yearly table: compare years
            start, end = start[:4], end[:4]
        frame = frame[(key >= start) & (key <= end)]
        key = key[frame.index]
    if frame.empty:
        raise unknown(
            f"selection in {ds.id!r} (no rows match the filters and period; the data run {ds.reference_period.start}–{ds.reference_period.end})",
            {"where": request.where, "period": period.model_dump()},
            [],
        )

    missing = int(frame[measure.name].isna().sum()) if measure.aggregation != "count" else 0
    how = {"sum": "som", "count": "aantal rijen", "last": "stand op de laatste datum"}[measure.aggregation]
    if measure.aggregation == "last" and key is not None:
        frame = frame.assign(_t=key)
        latest = frame.groupby(request.by)["_t"].transform("max") if request.by else frame["_t"].max()
        frame = frame[frame["_t"] == latest]
        how += f" ({', '.join(sorted(frame['_t'].unique()))})"
    if measure.aggregation == "count":
        grouped = frame.groupby(request.by).size() if request.by else pd.Series([len(frame)])
    else:
        grouped = frame.groupby(request.by)[measure.name].sum(min_count=1) if request.by else pd.Series([frame[measure.name].sum(min_count=1)])
    total_value = grouped.sum() if request.by else grouped.iloc[0]
    values = grouped.astype("Int64")
    if request.suppress_below:
        values = _suppress(values.fillna(0).astype(int), request.suppress_below)
    if request.by:
        result = values.rename(measure.name).reset_index()
        rows = [{k: (v.item() if hasattr(v, "item") else v) for k, v in rec.items()} for rec in result.to_dict("records")]
    else:
        value = values.iloc[0]
        rows = [{measure.name: value.item() if hasattr(value, "item") else value}]
    total = None if pd.isna(total_value) else int(total_value)

    where_text = ", ".join(f"{k} = {'/'.join(v)}" for k, v in applied.items()) or "geen filters"
    period_text = f"{period.start or 'begin'} – {period.end or 'einde'}" if (period.start or period.end) else "volledige periode"
    description = f"{how} van '{measure.label}' uit {ds.id}" + (f", per {', '.join(request.by)}" if request.by else "") + f"; {where_text}; {period_text}"
    if missing:
        description += f"; {missing} rij(en) zonder gepubliceerde waarde niet meegeteld"
    provenance = Provenance(
        dataset=ds.id,
        title=ds.title,
        owner=measure.owner or ds.owner,
        owner_name=catalog.owner_name(measure.owner or ds.owner),
        measure=measure.name,
        measure_label=measure.label,
        unit=measure.unit,
        synthetic=ds.synthetic,
        warning=SYNTHETIC_WARNING if ds.synthetic else None,
        source_url=ds.source_url,
        licence=ds.licence,
        filters=applied,
        period={"start": period.start, "end": period.end},
        reference_period=f"{ds.reference_period.start} – {ds.reference_period.end}",
        grain=ds.grain,
        notes=ds.notes,
        rows_used=int(len(frame)),
        rows_missing_value=missing,
        description=description,
    )
    return AggregateResult(rows=rows, total=total, provenance=provenance, synthetic=ds.synthetic)
