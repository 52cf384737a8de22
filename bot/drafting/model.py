"""The shape of a draft answer: parts, citations, figures, annexes — and its public JSON."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from bot.reading.route import Kind

CitationKind = Literal["precedent", "dataset", "figure"]
# A statistic part carries the resolver's verdict; other parts say what the desk must still write.
PartStatus = Literal[
    "available", "owned_elsewhere", "not_identified", "not_available", "needs_review",
    "policy", "actions", "procedure", "other",
    "edited",  # a part the desk added while editing
]


class Citation(BaseModel):
    n: int  # the marker [n] in the text
    id: str  # precedent document id, dataset id, or published-figure id
    kind: CitationKind
    title: str
    # Precedent: the cited passage; dataset: the catalog statement or result description;
    # figure: the verbatim quote.
    passage: str = ""
    url: str | None = None
    date: str | None = None
    mp: str | None = None
    addressee: str | None = None
    numbers: list[int] = Field(default_factory=list)  # sub-questions of the precedent the passage answers
    owner: str | None = None
    filters: dict[str, list[str]] = Field(default_factory=dict)
    reference_period: str | None = None
    synthetic: bool = False
    table: list[dict[str, Any]] = Field(default_factory=list)  # a dataset result, for the side panel


class FigureRef(BaseModel):
    value: int | float
    dataset: str
    label: str
    filters: dict[str, list[str]] = Field(default_factory=dict)
    reference_period: str
    synthetic: bool = False
    citation: int | None = None


class Annex(BaseModel):
    number: int
    title: str
    columns: list[str]
    rows: list[list[Any]]
    note: str
    synthetic: bool = False
    value_column: int = -1  # the column holding figures (shown with Dutch thousands separators)


class DraftPart(BaseModel):
    numbers: list[int]
    label: str  # as printed: "1+4-6"
    kind: Kind
    status: PartStatus
    owner: str | None = None
    text: str
    to_complete: bool = False  # the desk must still write (part of) this answer
    citations: list[Citation] = Field(default_factory=list)
    figures: list[FigureRef] = Field(default_factory=list)
    annexes: list[int] = Field(default_factory=list)
    precedents: list[str] = Field(default_factory=list)  # ids of precedents found for these sub-questions
    # How a statistical part was read (measure, population, filters, period, breakdown), as data
    # and as the plain Dutch line shown to the desk: "Begrepen als: …".
    reading: dict[str, Any] | None = None
    understood: str | None = None


class Draft(BaseModel):
    question_id: str | None
    header: str
    minister: str
    minister_title: str
    title: str
    parts: list[DraftPart]
    annexes: list[Annex] = Field(default_factory=list)
    sources: list[Citation] = Field(default_factory=list)
    text: str = ""
    warnings: list[str] = Field(default_factory=list)
    timings: dict[str, float] = Field(default_factory=dict)
    llm: str | None = None
    # Numbers in the question itself (number, date, years asked about): the guard allows them.
    question_numbers: list[str] = Field(default_factory=list)

    def to_json_dict(self) -> dict:
        """The `draft --json` contract (plus extra fields, never renamed ones)."""
        return self.model_dump(mode="json")
