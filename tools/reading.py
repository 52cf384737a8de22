"""A reading: what a statistical question asks, as checked data — the contract between the reader
(`bot/reading/`, which reads Dutch, French or English) and the resolver (`tools/availability.py`,
which decides and never sees the text).

Every field names catalog terms (tools/catalog.yaml) and keeps the words it was read from, so
the desk can be shown exactly how a question was understood ("Begrepen als: …"), and words the
reader could not place are kept too: a reading with `unplaced` words gets no figure.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Literal

from pydantic import BaseModel, Field, field_validator, model_validator

_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def month_key(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def month_range(start: str, end: str) -> list[str]:
    """All months from start to end inclusive ('YYYY-MM')."""
    year, month = int(start[:4]), int(start[5:])
    out = []
    while (year, month) <= (int(end[:4]), int(end[5:])):
        out.append(month_key(year, month))
        month += 1
        if month == 13:
            year, month = year + 1, 1
    return out


def month_end(month: str) -> dt.date:
    """The last day of a month: a month-end stock is the stock on that day."""
    year, number = int(month[:4]), int(month[5:])
    return dt.date(year, number, calendar.monthrange(year, number)[1])


def previous_month(month: str) -> str:
    year, number = int(month[:4]), int(month[5:])
    return month_key(year - 1, 12) if number == 1 else month_key(year, number - 1)


class Period(BaseModel):
    """The time a question asks about, in whole months (inclusive).

    - a span: "in 2023" (2023-01 … 2023-12), "eerste acht maanden van 2024", "sinds maart 2022";
    - a moment (`point`): "op 1 januari 2024", "eind 2023" — `day` is the date asked;
    - `per_year`: one figure per calendar year ("in 2022 en 2023", "graag per jaar");
    - `open_end`: "sinds …": up to the latest data (or the question's date).
    """

    start: str
    end: str
    point: bool = False
    day: dt.date | None = None
    per_year: bool = False
    open_end: bool = False
    # Relative periods ("vorig jaar") are read against this date, which is said to the desk.
    relative_to: dt.date | None = None
    words: str = ""
    # "in 2021 en 2023": the years asked when they are not every year from start to end (per_year only).
    only_years: list[int] = Field(default_factory=list)

    @field_validator("start", "end")
    @classmethod
    def _is_month(cls, value: str) -> str:
        if not _MONTH.match(value):
            raise ValueError(f"a period bound is a month YYYY-MM, got {value!r}")
        return value

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.start > self.end:
            raise ValueError(f"the period starts ({self.start}) after it ends ({self.end})")
        return self

    def months(self) -> list[str]:
        return month_range(self.start, self.end)

    def years(self) -> list[int]:
        return list(self.only_years) or list(range(int(self.start[:4]), int(self.end[:4]) + 1))

    def whole_years(self) -> bool:
        return self.start.endswith("-01") and self.end.endswith("-12")

    def year_slice(self, year: int) -> Period:
        """The part of this period inside one calendar year."""
        start = max(self.start, month_key(year, 1))
        end = min(self.end, month_key(year, 12))
        return self.model_copy(update={"start": start, "end": end, "per_year": False})


Role = Literal["counted", "context"]


class Found(BaseModel):
    """A catalog term and the words of the question it was read from."""

    id: str
    words: str


class PopulationRef(Found):
    # counted: who the figure counts; context: a wider group the question mentions around it
    # ("werkzoekenden met een vluchtelingenstatus": erkende vluchtelingen counted, werkzoekenden context).
    role: Role = "counted"


class Reading(BaseModel):
    text: str
    language: Literal["nl", "fr", "en"] = "nl"
    populations: list[PopulationRef] = Field(default_factory=list)
    measure: Found | None = None
    # Other measure words in the same question (a measure named twice, or a secondary one).
    also_measures: list[Found] = Field(default_factory=list)
    # The registers or agencies the question points at ("bij VDAB", "in de opvang", "het CGVS"): owner ids.
    registers: list[Found] = Field(default_factory=list)
    # dimension -> values (catalog dimension names and canonical values), with the words read.
    filters: dict[str, list[str]] = Field(default_factory=dict)
    filter_words: dict[str, str] = Field(default_factory=dict)
    breakdowns: list[str] = Field(default_factory=list)
    period: Period | None = None
    # "van hen", "deze asielzoekers", "daarvan": what it refers back to was merged in from the context.
    refers_back: str | None = None
    # A group the earlier question defined by another measure ("deze cursisten" after a count of course
    # participants): the data do not follow people from one measure to the next.
    cohort_of: str | None = None
    # Misspellings read as a known word: {"limbug": "limburg"}.
    corrected: dict[str, str] = Field(default_factory=dict)
    # Content words the reader could not place: no figure is given for a reading that has any.
    unplaced: list[str] = Field(default_factory=list)
    # Who proposed this reading: the deterministic reader, or an LLM (validated the same way).
    source: Literal["reader", "llm", "follow-up"] = "reader"

    @property
    def population(self) -> str | None:
        counted = [p.id for p in self.populations if p.role == "counted"]
        return counted[0] if counted else (self.populations[0].id if self.populations else None)

    @property
    def measure_id(self) -> str | None:
        return self.measure.id if self.measure else None

    @property
    def register_ids(self) -> list[str]:
        return [r.id for r in self.registers]
