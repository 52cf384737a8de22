"""Published key figures: each a value quoted from a public page, with owner, publisher, date and URL.

`lookup_figures` searches them (the LangChain tool); `figures_for` finds the ones that answer a
measure of a population for exactly one period and set of filters — the catalog's `published`
section says which figures count what. The publisher of the page (an agency, a press article, a
party website…) is kept apart from the owner of the data, so that a draft names both.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel

from tools.catalog import DATA_DIR, Catalog, default_catalog, unknown
from tools.datasets import table
from tools.reading import Period, month_end, month_key
from tools.text import fold
from tools.yaml_files import load_yaml

PUBLISHERS_FILE = DATA_DIR / "published-figures" / "publishers.yaml"


class Publisher(BaseModel):
    prefix: str
    name: str
    kind: str  # official | government | press | party | parliament | blog


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
    publisher: str = ""
    publisher_kind: str = "official"
    qualifier: str | None = None  # "meer dan", "circa": part of what was published
    measure: str | None = None  # the catalog measure it counts (from the catalog's `published` section)

    @property
    def is_stock(self) -> bool:
        return bool(self.reference_date)


class FigureQuery(BaseModel):
    owner: str | None = None
    indicator: str | None = None  # words that must all occur in the indicator (case and accents folded)
    date: str | None = None  # matches reference_date or reference_period by prefix: "2024", "2024-05"
    unit: str | None = None


@lru_cache(maxsize=1)
def publishers(path: Path = PUBLISHERS_FILE) -> list[Publisher]:
    return [Publisher.model_validate(p) for p in load_yaml(path.read_text(encoding="utf-8"))]


def publisher_of(source_title: str) -> Publisher:
    for publisher in publishers():
        if source_title.startswith(publisher.prefix):
            return publisher
    # An unknown page is not an agency's own: say it as it is titled.
    return Publisher(prefix="", name=source_title.split(" - ")[0], kind="press")


def _figure(record: dict, qualifier: str | None = None, measure: str | None = None) -> Figure:
    publisher = publisher_of(record["source_title"])
    return Figure.model_validate({**record, "publisher": publisher.name, "publisher_kind": publisher.kind, "qualifier": qualifier,
                                  "measure": measure})


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
    return [_figure(record) for record in figures.to_dict("records")]


# --- answering a reading ------------------------------------------------------------------------
def _period_months(reference_period: str) -> tuple[str, str] | None:
    """'2023' -> (2023-01, 2023-12); '2023-03' -> (2023-03, 2023-03); '2023-01/2023-11' -> both ends."""
    text = reference_period.strip()
    if len(text) == 4 and text.isdigit():
        return f"{text}-01", f"{text}-12"
    if len(text) == 7 and text[4] == "-":
        return text, text
    if "/" in text:
        first, _, last = text.partition("/")
        if len(first) >= 7 and len(last) >= 7:
            return first[:7], last[:7]
    return None


def _asked_day(period: Period) -> dt.date:
    """The moment a stock is asked at: the day asked, or the end of the period."""
    return period.day if period.point and period.day else month_end(period.end)


def matches_period(figure: Figure, period: Period) -> bool:
    if figure.reference_date:
        date = dt.date.fromisoformat(figure.reference_date)
        if period.point or period.start != period.end:
            # "op 1 januari 2024" and a figure of 31 december 2023 state the same moment.
            return abs((date - _asked_day(period)).days) <= 1
        return month_key(date.year, date.month) == period.start  # "in mei 2024"
    months = _period_months(figure.reference_period)
    return months is not None and months == (period.start, period.end) and not period.point


def figures_for(measure: str, population: str | None, filters: dict[str, list[str]], breakdowns: list[str], period: Period | None,
                catalog: Catalog | None = None) -> list[Figure]:
    """Published figures that count `measure` of `population` for exactly this period and these
    filters; a breakdown row only when the question filters or breaks down by its dimension."""
    catalog = catalog or default_catalog()
    frame = table("gepubliceerde_cijfers")
    found = []
    for entry in catalog.published:
        if entry.measure != measure or (entry.population and population and entry.population != population):
            continue
        if any(dim != entry.by for dim in filters):
            continue  # a filter the figure does not have: it counts a wider group
        rows = frame[frame["figure_id"].isin(entry.figures)]
        for record in rows.to_dict("records"):
            figure = _figure(record, entry.qualifier, entry.measure)
            if entry.by:
                wanted = [fold(v) for v in filters.get(entry.by, [])]
                if wanted and fold(figure.breakdown_value) not in wanted:
                    continue
                if not wanted and entry.by not in breakdowns:
                    continue
            if period is None or matches_period(figure, period):
                found.append(figure)
    if period is None:
        # No period asked: the most recent state published (stocks only; a flow needs its period).
        stocks = sorted((f for f in found if f.reference_date), key=lambda f: f.reference_date)
        return [f for f in stocks if f.reference_date == stocks[-1].reference_date][:1] if stocks else []
    return found
