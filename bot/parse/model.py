"""The document model: a parliamentary question as the drafting desk reads it.

One shape for every source (Flemish Parliament, federal Chamber), so that search,
drafting and the app never care where a question came from.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, Field


class Source(StrEnum):
    VLAAMS_PARLEMENT = "vlaams-parlement"
    KAMER = "kamer"


class DocumentStatus(StrEnum):
    ANSWERED = "answered"
    UNANSWERED = "unanswered"
    # Federal answers that only say "Het antwoord ... is het geachte Kamerlid
    # rechtstreeks toegestuurd": an answer exists, but its text is not published.
    SENT_DIRECTLY = "sent_directly"


class Person(BaseModel):
    name: str
    party: str | None = None


class SubQuestion(BaseModel):
    number: int
    # Lettered parts (a), b), ...) stay inside the text of their number.
    text: str


class AnswerPart(BaseModel):
    # Sorted sub-question numbers this part answers: label "1+4-6." -> [1, 4, 5, 6].
    numbers: list[int]
    # The label as the minister wrote it ("1+4-6"), None for an unlabelled answer.
    label: str | None = None
    text: str


class Document(BaseModel):
    source: Source
    id: str
    number: int | None = None
    session: str | None = None
    date: dt.date | None = None
    mp: Person | None = None
    # Who was asked: the minister's name when known (Flemish), else the office.
    addressee: str | None = None
    # The minister's office / department, as written in the source.
    department: str | None = None
    title: str = ""
    themes: list[str] = Field(default_factory=list)
    introduction: str = ""
    # False when the question has no numbered parts; it is then one sub-question 1.
    numbered: bool = True
    subquestions: list[SubQuestion] = Field(default_factory=list)
    # Text of the answer that stands before its first numbered part.
    answer_intro: str = ""
    answer_parts: list[AnswerPart] = Field(default_factory=list)
    status: DocumentStatus = DocumentStatus.UNANSWERED
    language: str = "nl"
    url: str | None = None
    # What the parser could not make sense of; a document with warnings is still usable.
    warnings: list[str] = Field(default_factory=list)

    def to_json_dict(self) -> dict:
        return self.model_dump(mode="json")

    def covered_numbers(self) -> set[int]:
        return {n for part in self.answer_parts for n in part.numbers}
