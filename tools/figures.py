"""Published key figures: each a value quoted from a public page, with owner, date and URL."""

from __future__ import annotations

from pydantic import BaseModel

from tools.catalog import unknown
from tools.datasets import table
from tools.text import fold


class Figure(BaseModel):
    figure_id: str
    owner: str
    indicator: str
    breakdown_dimension: str
    breakdown_value: str
    reference_date: str
    reference_period: str
    value: float
    unit: str
    source_title: str
    source_url: str
    published_date: str
    quote: str


class FigureQuery(BaseModel):
    owner: str | None = None
    indicator: str | None = None  # words that must all occur in the indicator (case and accents folded)
    date: str | None = None  # matches reference_date or reference_period by prefix: "2024", "2024-05"
    unit: str | None = None


def lookup_figures(query: FigureQuery | dict) -> list[Figure]:
    if isinstance(query, dict):
        query = FigureQuery.model_validate(query)
    figures = table("gepubliceerde_cijfers")
    if query.owner:
        owners = sorted(figures["owner"].unique())
        matching = [o for o in owners if fold(o).startswith(fold(query.owner))]
        if not matching:
            raise unknown("owner of published figures", query.owner, owners)
        figures = figures[figures["owner"].isin(matching)]
    if query.indicator:
        words = fold(query.indicator).split()
        folded = figures["indicator"].map(fold)
        figures = figures[folded.map(lambda text: all(w in text for w in words))]
    if query.date:
        figures = figures[figures["reference_date"].str.startswith(query.date) | figures["reference_period"].str.startswith(query.date)]
    if query.unit:
        figures = figures[figures["unit"] == query.unit]
    return [Figure.model_validate(record) for record in figures.to_dict("records")]
