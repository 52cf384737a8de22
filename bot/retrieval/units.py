"""Search units that follow a question's structure.

A document gives one unit per sub-question (with the answer part(s) that cover it) and one
document-level unit (title and introduction). Precedent search ranks these units and then
gathers them per document, so a hit can show exactly which sub-question and answer matched.
"""

from __future__ import annotations

import hashlib
import json
import re
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
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
        """What the vector depends on: the embedded text only (a metadata change re-embeds nothing)."""
        return f"{text_key(self.dense_text):016x}"

    @property
    def metadata_hash(self) -> str:
        return hashlib.sha1(self.metadata_key().encode()).hexdigest()[:16]

    def metadata_key(self) -> str:
        return "|".join([self.title, self.date, self.mp, self.party, self.addressee, self.department, ",".join(self.themes),
                         self.status, ",".join(map(str, self.numbers)), self.text])

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
            "meta_hash": self.metadata_hash,
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


def text_key(text: str) -> int:
    """A vector's key: the first 8 bytes of the SHA-1 of the exact text the model reads (never 0)."""
    return int.from_bytes(hashlib.sha1(text.encode("utf-8")).digest()[:8], "big") or 1


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


def question_text(doc: Document) -> str:
    """The whole question as asked: title, introduction and every sub-question."""
    return "\n".join(x for x in [doc.title, doc.introduction, *(s.text for s in doc.subquestions)] if x)


def answer_text(doc: Document) -> str:
    return "\n".join(x for x in [doc.answer_intro, *(p.text for p in doc.answer_parts)] if x)


_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def sibling_key(doc: Document) -> str:
    """Documents that share this key are one question sent to several ministers (same wording; spaces and
    punctuation do not count: one copy may read "werk.Het" where another reads "werk. Het")."""
    return hashlib.sha1(_NOT_ALNUM.sub("", fold(question_text(doc))).encode()).hexdigest()[:16]


def answer_rank(status: str, answer_chars: int) -> tuple[int, int]:
    """How well a document answers: a published answer first (the longer the fuller), then one sent directly."""
    order = {DocumentStatus.ANSWERED.value: 2, DocumentStatus.SENT_DIRECTLY.value: 1}
    return order.get(status, 0), answer_chars


DOC_COLUMNS = ["doc_id", "source", "title", "date", "mp", "party", "addressee", "department", "themes", "status", "group",
               "answer_chars"]
UNIT_COLUMNS = ["id", "unit", "numbers"]
TABLE_FORMAT = "3"


class ChunkTable:
    """The search units (rows, aligned with the BM25 rows and the dense matrix) and their documents.

    Stored column-wise: documents once (`docs`), units as their own few columns plus the row of
    their document, texts as one UTF-8 blob with offsets, read on demand. Opening the full corpus
    takes a few tens of milliseconds instead of parsing 40,000 JSON lines.
    """

    def __init__(self, docs: pd.DataFrame, unit_doc: np.ndarray, units: dict[str, list], texts: _Texts,
                 doc_texts: _Texts) -> None:
        self.docs = docs  # one row per document, in order of first appearance
        self.unit_doc = unit_doc  # int32: the document row of each unit
        self.frame = docs.take(unit_doc).reset_index(drop=True)
        for column in UNIT_COLUMNS:
            self.frame[column] = units[column]
        self.position = {chunk_id: i for i, chunk_id in enumerate(units["id"])}
        self.unit_ids, self.unit_names, self._numbers = units["id"], units["unit"], units["numbers"]
        self._doc_columns: dict[str, np.ndarray] = {}
        self.masks: dict[str, np.ndarray] = {}  # document masks per search filter (bot/retrieval/search.py)
        self.answered = (docs["status"] != DocumentStatus.UNANSWERED.value).to_numpy(dtype=np.float64)
        self.doc_ids = self.frame["doc_id"].to_numpy()
        self.doc_position = {doc_id: i for i, doc_id in enumerate(docs["doc_id"])}
        self._texts, self._doc_texts = texts, doc_texts
        self._folded: dict[str, pd.Series] = {}
        # Units of a document are contiguous (checked in `read`): [doc_starts[d], doc_ends[d]).
        self.doc_starts = np.searchsorted(unit_doc, np.arange(len(docs)), side="left")
        self.doc_ends = np.searchsorted(unit_doc, np.arange(len(docs)), side="right")
        self._centroid_cache: tuple | None = None  # (matrix id, membership matrix, norms, hubness)
        self._group_members: dict[str, list[int]] | None = None

    # -- texts ------------------------------------------------------------------------------------
    def text(self, position: int) -> str:
        """The unit's text as shown and searched lexically."""
        return self._texts[position]

    def numbers(self, position: int) -> list[int]:
        raw = self._numbers[position]
        return [int(n) for n in raw.split(",")] if raw else []

    def doc_column(self, name: str) -> np.ndarray:
        """A document column as a numpy array (fast per-row access)."""
        if name not in self._doc_columns:
            self._doc_columns[name] = self.docs[name].to_numpy()
        return self._doc_columns[name]

    def question_text(self, doc_row: int) -> str:
        return self._doc_texts[2 * doc_row]

    def answer_text(self, doc_row: int) -> str:
        return self._doc_texts[2 * doc_row + 1]

    def folded(self, column: str) -> pd.Series:
        """A unit column, accent-folded and lower-cased (computed once)."""
        if column not in self._folded:
            self._folded[column] = self.folded_doc(column).take(self.unit_doc).reset_index(drop=True)
        return self._folded[column]

    def folded_doc(self, column: str) -> pd.Series:
        """A document column, accent-folded and lower-cased (computed once)."""
        key = "doc:" + column
        if key not in self._folded:
            self._folded[key] = self.docs[column].map(fold)
        return self._folded[key]

    def _centroids(self, vectors: np.ndarray) -> tuple:
        """(membership matrix, centroid norms, hubness) of `vectors`, computed once per matrix."""
        if self._centroid_cache is None or self._centroid_cache[0] != id(vectors):
            from scipy.sparse import csr_matrix

            # Sums per document as products with a 0/1 membership matrix: the norms in 9 ms where numpy's
            # reduceat along the rows of the 40,389 x 384 matrix takes 145 ms on a cold start.
            members = csr_matrix((np.ones(len(self.unit_doc), dtype=np.float32), (self.unit_doc, np.arange(len(self.unit_doc)))),
                                 shape=(len(self.docs), len(self.unit_doc)))
            norms = np.linalg.norm(members @ vectors, axis=1) if len(vectors) else np.ones(len(self.docs))
            norms = np.where(norms > 0, norms, 1.0).astype(np.float32)
            if len(vectors):
                mean = vectors.mean(axis=0, dtype=np.float64)
                mean /= np.linalg.norm(mean) or 1.0
                hubness = ((members @ (vectors @ mean.astype(np.float32))) / norms).astype(np.float64)
            else:
                hubness = np.zeros(len(self.docs))
            self._centroid_cache = (id(vectors), members, norms, hubness)
        return self._centroid_cache[1:]

    def centroid_cos(self, vectors: np.ndarray, cos: np.ndarray) -> np.ndarray:
        """Per document (and query, for a matrix `cos`): the cosine of a query with the document's centroid (the
        normalised mean of its units' vectors), from the units' cosines `cos` = vectors @ query: the centroid's dot
        product is the sum of the units' over the norm of their sum, so no second matrix product is needed."""
        members, norms, _ = self._centroids(vectors)
        summed = members @ cos
        return summed / (norms if summed.ndim == 1 else norms[:, None])

    def centroid_hubness(self, vectors: np.ndarray) -> np.ndarray:
        """Per document: the cosine of its centroid with the mean of all unit vectors. A centroid near the corpus'
        average is near every query alike (a "hub"), so search discounts it (search.HUBNESS)."""
        return self._centroids(vectors)[2]

    @property
    def group_members(self) -> dict[str, list[int]]:
        """Document rows per sibling group (the same question sent to several ministers)."""
        if self._group_members is None:
            members: dict[str, list[int]] = {}
            for row, group in enumerate(self.docs["group"]):
                members.setdefault(group, []).append(row)
            self._group_members = members
        return self._group_members

    def __len__(self) -> int:
        return len(self.frame)

    # -- storage ----------------------------------------------------------------------------------
    @staticmethod
    def write(folder: Path, chunks: list[Chunk], docs: list[Document]) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        by_id = {d.id: d for d in docs}
        order: dict[str, int] = {}
        unit_doc = []
        for chunk in chunks:
            unit_doc.append(order.setdefault(chunk.doc_id, len(order)))
        firsts: dict[str, Chunk] = {}
        for chunk in chunks:
            firsts.setdefault(chunk.doc_id, chunk)
        doc_columns: dict[str, list] = {column: [] for column in DOC_COLUMNS}
        doc_texts = []
        for doc_id in order:
            chunk, doc = firsts[doc_id], by_id[doc_id]
            answer = answer_text(doc)
            for column in DOC_COLUMNS[:-2]:
                value = getattr(chunk, "doc_id" if column == "doc_id" else column)
                doc_columns[column].append(list(value) if column == "themes" else value)
            doc_columns["group"].append(sibling_key(doc))
            doc_columns["answer_chars"].append(len(answer))
            doc_texts += [question_text(doc), answer]
        units = {"id": [c.id for c in chunks], "unit": [c.unit for c in chunks],
                 "numbers": [",".join(map(str, c.numbers)) for c in chunks]}
        np.save(folder / "unit_doc.npy", np.asarray(unit_doc, dtype=np.int32))
        checks = {"texts": _Texts.write(folder / "texts", [c.text for c in chunks]),
                  "doc_texts": _Texts.write(folder / "doc_texts", doc_texts)}
        (folder / "table.json").write_text(json.dumps({"format": TABLE_FORMAT, "docs": doc_columns, "units": units,
                                                       "checks": checks}, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def read(cls, folder: Path) -> ChunkTable:
        """The table in `folder`; ValueError/OSError when a file is missing or damaged (the caller says how to rebuild)."""
        try:
            stored = json.loads((folder / "table.json").read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise ValueError(f"table.json is not valid JSON ({exc.msg})") from None
        if not isinstance(stored, dict) or stored.get("format") != TABLE_FORMAT:
            raise ValueError("table.json is from another version of the index")
        docs = pd.DataFrame(stored["docs"], columns=DOC_COLUMNS)
        unit_doc = np.load(folder / "unit_doc.npy", allow_pickle=False)
        units = stored["units"]
        rows = len(units.get("id", []))
        checks = stored.get("checks") or {}
        texts, doc_texts = _Texts.read(folder / "texts", checks.get("texts")), _Texts.read(folder / "doc_texts", checks.get("doc_texts"))
        if (len(unit_doc) != rows or any(len(units[c]) != rows for c in UNIT_COLUMNS) or len(texts) != rows
                or len(doc_texts) != 2 * len(docs) or unit_doc.ndim != 1
                or (rows and (unit_doc[0] != 0 or unit_doc[-1] != len(docs) - 1 or not (0 <= np.diff(unit_doc)).all()
                              or not (np.diff(unit_doc) <= 1).all()))):
            raise ValueError("the unit table's files do not match each other")
        return cls(docs, unit_doc, units, texts, doc_texts)


class _Texts:
    """Strings as one UTF-8 blob plus offsets; each string decoded when asked for."""

    def __init__(self, blob: bytes, offsets: np.ndarray) -> None:
        self._blob, self._offsets = blob, offsets

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def __getitem__(self, i: int) -> str:
        return self._blob[self._offsets[i]:self._offsets[i + 1]].decode("utf-8")

    @staticmethod
    def write(stem: Path, texts: list[str]) -> int:
        """Write the strings; returns the blob's CRC-32, checked when read."""
        encoded = [t.encode("utf-8") for t in texts]
        offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
        np.cumsum([len(e) for e in encoded], out=offsets[1:])
        blob = b"".join(encoded)
        stem.with_suffix(".bin").write_bytes(blob)
        np.save(stem.with_suffix(".offsets.npy"), offsets)
        return zlib.crc32(blob)

    @classmethod
    def read(cls, stem: Path, crc: int | None) -> _Texts:
        blob = stem.with_suffix(".bin").read_bytes()
        if zlib.crc32(blob) != crc:
            raise ValueError(f"{stem.name}.bin: checksum mismatch")
        offsets = np.load(stem.with_suffix(".offsets.npy"), allow_pickle=False)
        if offsets.ndim != 1 or not len(offsets) or offsets[0] != 0 or offsets[-1] != len(blob) or (np.diff(offsets) < 0).any():
            raise ValueError(f"{stem.name}: offsets do not match the text file")
        return cls(blob, offsets)
