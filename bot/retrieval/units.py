"""Search units that follow a question's structure.

A document gives one unit per sub-question (with the answer part(s) that cover it) and one
document-level unit (title and introduction). Precedent search ranks these units and then
gathers them per document, so a hit can show exactly which sub-question and answer matched.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from bot.parse.model import Document, DocumentStatus
from tools.text import fold

# The dense model reads only the start of each unit: the question side is what a new
# question paraphrases, and embedding cost grows with length (the full text is in BM25).
DENSE_CHARS_SUBQUESTION = 400
DENSE_CHARS_DOCUMENT = 600
DOCUMENT_UNIT = "doc"


def _cut(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0]


@dataclass(frozen=True)
class Chunk:
    id: str
    doc_id: str
    source: str  # corpus source name, e.g. "dekamer-qrva-2017"
    unit: str  # "doc" or "q<n>"
    numbers: tuple[int, ...]
    text: str  # what is shown and searched lexically
    dense_text: str  # what the embedding model reads
    title: str
    date: str  # ISO date or ""
    mp: str
    party: str
    addressee: str
    department: str
    themes: tuple[str, ...] = field(default_factory=tuple)
    status: str = DocumentStatus.UNANSWERED.value

    @property
    def answered(self) -> bool:
        return self.status != DocumentStatus.UNANSWERED.value

    @property
    def date_int(self) -> int:
        # Chroma filters compare numbers, not dates: 2024-02-02 -> 20240202 (0 when unknown).
        return int(self.date.replace("-", "")) if self.date else 0

    @property
    def content_hash(self) -> str:
        return hashlib.sha1(f"{self.dense_text}\x1f{self.text}\x1f{self.metadata_key()}".encode()).hexdigest()[:16]

    def metadata_key(self) -> str:
        return "|".join([self.title, self.date, self.mp, self.party, self.addressee, self.department, ",".join(self.themes), self.status])

    def chroma_metadata(self) -> dict:
        # Chroma rejects None and empty lists: empty strings stand for "unknown".
        meta = {
            "doc_id": self.doc_id,
            "source": self.source,
            "unit": self.unit,
            "numbers": ",".join(map(str, self.numbers)),
            "title": self.title,
            "date": self.date,
            "date_int": self.date_int,
            "mp": self.mp,
            "party": self.party,
            "addressee": self.addressee,
            "department": self.department,
            "status": self.status,
            "answered": self.answered,
            "hash": self.content_hash,
        }
        if self.themes:
            meta["themes"] = list(self.themes)
        return meta

    def to_record(self) -> dict:
        return {
            "id": self.id,
            "doc_id": self.doc_id,
            "source": self.source,
            "unit": self.unit,
            "numbers": list(self.numbers),
            "text": self.text,
            "title": self.title,
            "date": self.date,
            "mp": self.mp,
            "party": self.party,
            "addressee": self.addressee,
            "department": self.department,
            "themes": list(self.themes),
            "status": self.status,
        }


def _answer_for(doc: Document, number: int) -> str:
    parts = [p for p in doc.answer_parts if number in p.numbers]
    lines = []
    for part in parts:
        label = f"Antwoord {part.label}. " if part.label else "Antwoord: "
        lines.append(label + part.text)
    return "\n".join(lines)


def document_chunks(doc: Document, source: str) -> list[Chunk]:
    common = {
        "doc_id": doc.id,
        "source": source,
        "title": doc.title,
        "date": doc.date.isoformat() if doc.date else "",
        "mp": doc.mp.name if doc.mp else "",
        "party": (doc.mp.party or "") if doc.mp else "",
        "addressee": doc.addressee or "",
        "department": doc.department or "",
        "themes": tuple(doc.themes),
        "status": doc.status.value,
    }
    title = f"{doc.title}. " if doc.title else ""
    chunks: list[Chunk] = []
    head = " ".join(x for x in [doc.title, doc.introduction] if x)
    # An unnumbered question is one sub-question that already holds the whole text.
    if head and (doc.numbered or doc.introduction):
        text = "\n".join(x for x in [doc.title, doc.introduction, doc.answer_intro] if x)
        numbers = tuple(s.number for s in doc.subquestions)
        chunks.append(Chunk(id=f"{doc.id}#{DOCUMENT_UNIT}", unit=DOCUMENT_UNIT, numbers=numbers, text=text,
                            dense_text=_cut(title + doc.introduction, DENSE_CHARS_DOCUMENT), **common))
    seen: set[str] = set()
    for sub in doc.subquestions:
        # A numbering that restarts gives the same number twice; keep both units apart.
        unit = f"q{sub.number}"
        while unit in seen:
            unit += "b"
        seen.add(unit)
        answer = _answer_for(doc, sub.number)
        if not answer and not doc.answer_parts and doc.answer_intro and len(doc.subquestions) == 1:
            answer = "Antwoord: " + doc.answer_intro
        text = "\n".join(x for x in [doc.title, f"Vraag {sub.number}. {sub.text}", answer] if x)
        chunks.append(Chunk(id=f"{doc.id}#{unit}", unit=unit, numbers=(sub.number,), text=text,
                            dense_text=_cut(title + sub.text, DENSE_CHARS_SUBQUESTION), **common))
    return chunks


class ChunkTable:
    """The search units' metadata and text, aligned with the BM25 rows."""

    def __init__(self, frame: pd.DataFrame) -> None:
        self.frame = frame
        self.position = {chunk_id: i for i, chunk_id in enumerate(frame["id"])}
        self.doc_ids = frame["doc_id"].to_numpy()
        self._folded: dict[str, pd.Series] = {}

    @classmethod
    def read(cls, path: Path) -> ChunkTable:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            frame = pd.DataFrame.from_records([json.loads(line) for line in handle])
        if frame.empty:
            frame = pd.DataFrame(columns=["id", "doc_id", "source", "unit", "numbers", "text", "title", "date", "mp", "party",
                                          "addressee", "department", "themes", "status"])
        return cls(frame)

    def folded(self, column: str) -> pd.Series:
        if column not in self._folded:
            self._folded[column] = self.frame[column].map(fold)
        return self._folded[column]

    def __len__(self) -> int:
        return len(self.frame)
