"""The statistics tools as LangChain StructuredTools: an LLM may choose among them and fill
their validated arguments; it never writes code that runs."""

from __future__ import annotations

from langchain_core.tools import StructuredTool
from pydantic import BaseModel, Field

from tools.aggregate import AggregateRequest, aggregate
from tools.availability import resolve
from tools.catalog import default_catalog
from tools.figures import FigureQuery, lookup_figures
from tools.reading import Found, Period, PopulationRef, Reading


class DescribeArgs(BaseModel):
    dataset: str


class AvailabilityArgs(BaseModel):
    """A reading in catalog terms: who is counted, what is measured, in whose register, filters, breakdowns, period."""

    population: str | None = None
    measure: str
    registers: list[str] = Field(default_factory=list)
    filters: dict[str, list[str]] = Field(default_factory=dict)
    breakdowns: list[str] = Field(default_factory=list)
    period: Period | None = None

    def reading(self) -> Reading:
        return Reading(text="", populations=[PopulationRef(id=self.population, words="")] if self.population else [],
                       measure=Found(id=self.measure, words=""), registers=[Found(id=r, words="") for r in self.registers],
                       filters=self.filters, breakdowns=self.breakdowns, period=self.period)


def _list_datasets() -> list[dict]:
    return [
        {"id": ds.id, "title": ds.title, "owner": ds.owner, "kind": ds.kind, "measures": [m.name for m in ds.measures]}
        for ds in default_catalog().datasets
    ]


def _describe(dataset: str) -> dict:
    return default_catalog().dataset(dataset).model_dump(mode="json")


def _aggregate(**kwargs) -> dict:
    return aggregate(AggregateRequest(**kwargs)).to_json_dict()


def _resolve(**kwargs) -> dict:
    return resolve(AvailabilityArgs(**kwargs).reading()).model_dump(mode="json")


def _figures(**kwargs) -> list[dict]:
    return [f.model_dump() for f in lookup_figures(FigureQuery(**kwargs))]


def statistics_tools() -> list[StructuredTool]:
    return [
        StructuredTool.from_function(_list_datasets, name="list_datasets", description="List the datasets: id, title, owner, real or synthetic, measures."),
        StructuredTool.from_function(_describe, name="describe_dataset", args_schema=DescribeArgs, description="Full catalog entry of one dataset: dimensions, allowed values, measures, populations it can and cannot identify."),
        StructuredTool.from_function(_aggregate, name="aggregate", args_schema=AggregateRequest, description="Exact figures from a dataset: a measure summed (or its stock) per dimensions, with filters and a period; returns rows and provenance."),
        StructuredTool.from_function(_resolve, name="resolve_availability", args_schema=AvailabilityArgs, description="Whether figures on a population and measure exist here, belong to another agency, or cannot be identified; returns a Dutch sentence."),
        StructuredTool.from_function(_figures, name="lookup_published_figures", args_schema=FigureQuery, description="Published key figures (Fedasil, DVZ, CGVS, VDAB, …) with owner, date, value, source URL and verbatim quote."),
    ]
