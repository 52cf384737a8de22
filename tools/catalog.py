"""The dataset catalog (tools/catalog.yaml), validated at load.

Each dataset says who owns it, whether it is real or synthetic, what it measures, and which
populations it can identify — so that a tool can answer "not identified" or "owned by
Fedasil" instead of inventing a number.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, ValidationError, field_validator, model_validator

from tools.errors import PQError
from tools.yaml_files import YAMLError, load_yaml

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


MeasureType = Literal["flow", "stock", "rate", "count", "none"]


class Measure(BaseModel):
    name: str
    label: str
    unit: str  # in Dutch, plural ("personen", "dossiers")
    # flow: counted over a period, months add up; stock: a state on a date, read at one date and never
    # summed over dates; rate: a share, never summed; count: rows; none: not aggregable.
    type: MeasureType
    owner: str | None = None  # who registers it, when not the dataset's owner (DVZ for applicants)

    @property
    def aggregation(self) -> Literal["sum", "last", "count", "none"]:
        return {"flow": "sum", "stock": "last", "count": "count"}.get(self.type, "none")  # type: ignore[return-value]


class Exclusion(BaseModel):
    population: str
    reason: str | None = None  # said after the house-style sentence ("VDAB registreert geen verblijfsstatuut.")


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
    # The time grain of the rows: month ("maand" YYYY-MM, or jaar+maand), year ("jaar"), date ("datum"), or none.
    time: Literal["month", "year", "date", "none"]
    # Whose register or publication this is: a question pointing at another register never gets these figures.
    registers: list[str] = Field(default_factory=list)
    # Said when an asked period holds months the series never has (the CGVS publishes no December).
    gap_note: str | None = None
    # The dimension a generic "per type" / "per soort" breaks down by.
    type_dimension: str | None = None
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
    words: list[str]
    # For a measure: the population it is about when a question names none.
    population: str | None = None
    # For a measure: it is how that population is counted ("hoeveel asielzoekers" = applications).
    counts_population: bool = False
    # For a measure: more precise measures it adds nothing to when both are named.
    subsumed_by: list[str] = Field(default_factory=list)
    # For a measure: measures it is about, which add nothing when named with it.
    includes: list[str] = Field(default_factory=list)
    # For a measure: a generic count ("het aantal"), which gives way to any other measure named with it.
    generic: bool = False
    # For a measure: its words that name it only in a question about its population. "Hoeveel aanvragen
    # werden ingediend?" counts asylum applications in a question on asylum, drone permits in one on drones.
    vague_words: list[str] = Field(default_factory=list)
    # For a measure: a ranked list (the top nationalities), published only: said as one list in its
    # published order, with each value in its own unit (a share, a count, or only the rank).
    ranking: bool = False


class DimensionWords(BaseModel):
    label: str
    words: list[str] = Field(default_factory=list)  # asking for a breakdown ("per provincie")
    values: dict[str, list[str]] = Field(default_factory=dict)  # filter value -> its words
    # A value that is itself about a measure ("IBO" is work-based learning, "bouwopleiding" a course).
    implies_measure: str | None = None
    # Value words that count only in a question about that measure ("bouw" may be a sector).
    ambiguous_words: list[str] = Field(default_factory=list)


class ExternalSource(BaseModel):
    owner: str
    populations: list[str]
    measures: list[str]
    registers: list[str] = Field(default_factory=list)
    reason: str


class PublishedMap(BaseModel):
    """Which published figures count a measure of a population; `by` names the dimension their
    breakdown column filters on."""

    measure: str
    population: str | None = None
    by: str | None = None
    figures: list[str]
    qualifier: str | None = None  # "meer dan", "circa": said with the value


class Owner(BaseModel):
    name: str  # written out the first time ("het Agentschap Integratie en Inburgering (AgII)")
    short: str  # afterwards ("AgII")
    url: str
    words: list[str] = Field(default_factory=list)
    competent: str | None = None  # who answers for these data, when not this minister


class Ministry(BaseModel):
    home_owners: list[str]


class Catalog(BaseModel):
    ministry: Ministry
    owners: dict[str, Owner]
    populations: list[Term]
    measures: list[Term]
    count_words: list[str]
    dimensions: dict[str, DimensionWords]
    per_year_words: list[str]
    external_sources: list[ExternalSource]
    published: list[PublishedMap]
    datasets: list[Dataset]

    @model_validator(mode="after")
    def _references_exist(self) -> Catalog:
        populations = {p.id for p in self.populations}
        for term in self.measures:
            stray = sorted(set(term.vague_words) - set(term.words))
            if stray:
                raise ValueError(f"measure {term.id!r}: vague_words must be among its words: {stray}")
            if term.vague_words and term.population is None:
                raise ValueError(f"measure {term.id!r}: vague_words need the population they are vague about")
        measures = {m.id for m in self.measures}
        problems = []
        for ds in self.datasets:
            if ds.owner not in self.owners and ds.owner != "divers":
                problems.append(f"dataset {ds.id}: owner {ds.owner!r} is not in owners")
            for name in ds.identifies + [e.population for e in ds.cannot_identify] + [p.population for p in ds.proxies]:
                if name not in populations:
                    problems.append(f"dataset {ds.id}: unknown population {name!r}")
            problems += [f"dataset {ds.id}: unknown measure {m!r}" for m in ds.answers if m not in measures]
            problems += [f"dataset {ds.id}: register {r!r} is not in owners" for r in ds.registers if r not in self.owners]
        for term in self.measures:
            if term.population and term.population not in populations:
                problems.append(f"measure {term.id}: unknown population {term.population!r}")
        for name, dim in self.dimensions.items():
            if dim.implies_measure and dim.implies_measure not in measures:
                problems.append(f"dimension {name}: unknown measure {dim.implies_measure!r}")
            if dim.ambiguous_words and not dim.implies_measure:
                problems.append(f"dimension {name}: ambiguous words need the measure they belong to (implies_measure)")
        for entry in self.published:
            if entry.measure not in measures:
                problems.append(f"published figures: unknown measure {entry.measure!r}")
            if entry.population and entry.population not in populations:
                problems.append(f"published figures: unknown population {entry.population!r}")
            if entry.by and entry.by not in self.dimensions:
                problems.append(f"published figures: unknown dimension {entry.by!r}")
        for ext in self.external_sources:
            if ext.owner not in self.owners:
                problems.append(f"external source: owner {ext.owner!r} is not in owners")
            problems += [f"external source {ext.owner}: unknown population {p!r}" for p in ext.populations if p not in populations]
            problems += [f"external source {ext.owner}: unknown measure {m!r}" for m in ext.measures if m not in measures]
        if sum(t.generic for t in self.measures) > 1:
            problems.append("more than one generic count measure")
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

    def owner_short(self, owner: str) -> str:
        return self.owners[owner].short if owner in self.owners else owner

    @property
    def count_measure(self) -> str | None:
        """The generic count ("hoeveel werkzoekenden"): what a question measures when it names none."""
        return next((t.id for t in self.measures if t.generic), None)

    def population(self, term_id: str) -> Term:
        return next(t for t in self.populations if t.id == term_id)

    def measure_term(self, term_id: str) -> Term:
        return next(t for t in self.measures if t.id == term_id)

    def label(self, term_id: str | None) -> str:
        """The Dutch label of a population or measure id."""
        for term in [*self.populations, *self.measures]:
            if term.id == term_id:
                return term.label
        return term_id or ""


def load_catalog(path: Path = CATALOG_FILE) -> Catalog:
    try:
        raw = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, YAMLError) as exc:
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
