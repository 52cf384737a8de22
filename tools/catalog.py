"""The dataset catalog (tools/catalog.yaml), validated at load.

Each dataset says who owns it, whether it is real or synthetic, what it measures, and which
populations it can identify — so that a tool can answer "not identified" or "owned by
Fedasil" instead of inventing a number.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, Field, ValidationError, field_validator, model_validator

from tools.errors import PQError

TOOLS_DIR = Path(__file__).resolve().parent
DATA_DIR = TOOLS_DIR / "data"
CATALOG_FILE = TOOLS_DIR / "catalog.yaml"

SYNTHETIC_WARNING = "SYNTHETISCHE DEMODATA – geen officiële cijfers"


class CatalogError(PQError):
    """The catalog or a dataset it names is invalid; the message says where."""


class UnknownName(PQError):
    """A dataset, measure, dimension or value that does not exist; the message lists the choices."""


def unknown(kind: str, name: object, choices) -> UnknownName:
    listed = ", ".join(str(c) for c in choices) or "(none)"
    return UnknownName(f"unknown {kind} {name!r}; valid: {listed}")


class Dimension(BaseModel):
    name: str
    type: Literal["int", "str", "month", "date"]
    values: list[str | int] | None = None


class Measure(BaseModel):
    name: str
    label: str
    unit: str
    # sum: flows add up; last: stocks take the last date of the period; count: rows; none: not aggregable.
    aggregation: Literal["sum", "last", "count", "none"]
    owner: str | None = None


class Exclusion(BaseModel):
    population: str
    reason: str


class Proxy(BaseModel):
    population: str
    where: dict[str, str]
    caveat: str


class ExportSpec(BaseModel):
    file: str
    # export column -> dimension or measure name
    columns: dict[str, str]


class AnswerSpec(BaseModel):
    """Which measure of a dataset answers a question about a measure, and on which rows."""

    measure: str
    where: dict[str, str] = Field(default_factory=dict)


class Period(BaseModel):
    start: str
    end: str


class Dataset(BaseModel):
    id: str
    title: str
    owner: str
    public: bool
    source_url: str
    source_file: str | None = None
    licence: str
    kind: Literal["real", "synthetic"]
    loader: Literal["cgvs_monthly", "cgvs_nationalities", "published_figures", "export"]
    export: ExportSpec | None = None
    reference_period: Period
    grain: str
    notes: str | None = None
    dimensions: list[Dimension]
    measures: list[Measure]
    # question measure (catalog `measures`) -> the dataset measure that answers it
    answers: dict[str, AnswerSpec] = Field(default_factory=dict)
    identifies: list[str] = Field(default_factory=list)
    proxies: list[Proxy] = Field(default_factory=list)
    cannot_identify: list[Exclusion] = Field(default_factory=list)

    @property
    def synthetic(self) -> bool:
        return self.kind == "synthetic"

    def dimension(self, name: str) -> Dimension:
        for dim in self.dimensions:
            if dim.name == name:
                return dim
        raise unknown(f"dimension for dataset {self.id!r}", name, [d.name for d in self.dimensions])

    def measure(self, name: str) -> Measure:
        for measure in self.measures:
            if measure.name == name:
                return measure
        raise unknown(f"measure for dataset {self.id!r}", name, [m.name for m in self.measures])

    @field_validator("answers", mode="before")
    @classmethod
    def _shorthand(cls, value):
        if isinstance(value, dict):
            return {k: {"measure": v} if isinstance(v, str) else v for k, v in value.items()}
        return value

    @model_validator(mode="after")
    def _export_has_a_file(self) -> Dataset:
        if self.loader == "export" and self.export is None:
            raise ValueError("loader 'export' needs an 'export' block with file and columns")
        if self.export:
            targets = set(self.export.columns.values())
            known = {d.name for d in self.dimensions} | {m.name for m in self.measures}
            stray = sorted(targets - known)
            if stray:
                raise ValueError(f"export columns map to unknown dimensions/measures: {stray}")
        measures = {m.name for m in self.measures}
        wrong = sorted(spec.measure for spec in self.answers.values() if spec.measure not in measures)
        if wrong:
            raise ValueError(f"answers name unknown measures: {wrong}")
        return self


class Term(BaseModel):
    id: str
    label: str
    synonyms: list[str]


class ExternalSource(BaseModel):
    owner: str
    populations: list[str]
    measures: list[str]
    reason: str


class Owner(BaseModel):
    name: str
    url: str


class Ministry(BaseModel):
    home_owners: list[str]


class Catalog(BaseModel):
    ministry: Ministry
    owners: dict[str, Owner]
    populations: list[Term]
    measures: list[Term]
    breakdowns: dict[str, list[str]]
    external_sources: list[ExternalSource]
    datasets: list[Dataset]

    @model_validator(mode="after")
    def _references_exist(self) -> Catalog:
        populations = {p.id for p in self.populations}
        measures = {m.id for m in self.measures}
        problems = []
        for ds in self.datasets:
            if ds.owner not in self.owners and ds.owner != "divers":
                problems.append(f"dataset {ds.id}: owner {ds.owner!r} is not in owners")
            for name in ds.identifies + [e.population for e in ds.cannot_identify] + [p.population for p in ds.proxies]:
                if name not in populations:
                    problems.append(f"dataset {ds.id}: unknown population {name!r}")
            problems += [f"dataset {ds.id}: unknown measure {m!r}" for m in ds.answers if m not in measures]
        for ext in self.external_sources:
            if ext.owner not in self.owners:
                problems.append(f"external source: owner {ext.owner!r} is not in owners")
            problems += [f"external source {ext.owner}: unknown population {p!r}" for p in ext.populations if p not in populations]
            problems += [f"external source {ext.owner}: unknown measure {m!r}" for m in ext.measures if m not in measures]
        ids = [ds.id for ds in self.datasets]
        problems += [f"dataset id {i!r} appears twice" for i in set(ids) if ids.count(i) > 1]
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def dataset(self, dataset_id: str) -> Dataset:
        for ds in self.datasets:
            if ds.id == dataset_id:
                return ds
        raise unknown("dataset", dataset_id, [d.id for d in self.datasets])

    def owner_name(self, owner: str) -> str:
        return self.owners[owner].name if owner in self.owners else owner


def load_catalog(path: Path = CATALOG_FILE) -> Catalog:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise CatalogError(f"cannot read the catalog {path}: {exc}") from None
    try:
        return Catalog.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise CatalogError(f"invalid catalog {path.name} at {where or 'top level'}: {first['msg']}") from None


@lru_cache(maxsize=1)
def default_catalog() -> Catalog:
    return load_catalog()
