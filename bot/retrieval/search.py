"""Hybrid precedent search: BM25 and dense scores fused per unit, then gathered per document.

Each unit gets DENSE_WEIGHT × its dense similarity (min-max scaled over the candidates) plus
(1 − DENSE_WEIGHT) × its lexical score (scaled by the best one); a document scores as its best
unit, and its best units come back as passages, so the desk sees which sub-question and answer
part matched. The weight was chosen on half of the development set and checked on the other
half (bench/retrieval.py); reciprocal-rank fusion did worse there, because the lexical ranking's
top places are often wrong for paraphrased questions and RRF trusts them as much as dense ones.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

import numpy as np
from pydantic import BaseModel, Field, field_validator

from bot.retrieval.lexical import stem_words, tokenize
from bot.retrieval.units import ChunkTable
from tools.errors import PQError
from tools.text import fold

MAX_QUERY_CHARS = 5_000
CANDIDATES = 200  # units taken from each ranking before fusion
DENSE_WEIGHT = 0.8
POST_FILTER_MAX = 2000  # nearest units fetched at most when filtering afterwards
MIN_KEPT = 50  # … and the number of them expected to pass the filter for that to be worth it
_WORD = re.compile(r"[a-z0-9]{2,}")
Mode = Literal["hybrid", "bm25", "dense"]


class SearchFilters(BaseModel):
    sources: list[str] = Field(default_factory=list)
    # Matched case- and accent-insensitively as a substring of the minister's office or name.
    department: str | None = None
    mp: str | None = None
    party: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    theme: str | None = None
    answered_only: bool = False
    # Documents never to return, e.g. the question being answered.
    exclude_ids: list[str] = Field(default_factory=list)

    @field_validator("department", "mp", "party", "theme")
    @classmethod
    def _blank_is_none(cls, value: str | None) -> str | None:
        return value.strip() or None if value else None

    def is_empty(self) -> bool:
        return self == SearchFilters()

    def mask(self, table: ChunkTable) -> np.ndarray:
        frame = table.frame
        keep = np.ones(len(frame), dtype=bool)
        if self.sources:
            sources = set(self.sources)
            # "kamer" stands for both federal sets.
            if "kamer" in sources:
                sources |= {"dekamer-qrva-2017", "dekamer-questions-2020"}
            keep &= frame["source"].isin(sources).to_numpy()
        if self.department:
            needle = fold(self.department)
            keep &= (table.folded("department").str.contains(needle, regex=False)
                     | table.folded("addressee").str.contains(needle, regex=False)).to_numpy()
        if self.mp:
            keep &= table.folded("mp").str.contains(fold(self.mp), regex=False).to_numpy()
        if self.party:
            keep &= (table.folded("party") == fold(self.party)).to_numpy()
        if self.date_from or self.date_to:
            dates = frame["date"]
            known = dates != ""
            if self.date_from:
                known &= dates >= self.date_from.isoformat()
            if self.date_to:
                known &= dates <= self.date_to.isoformat()
            keep &= known.to_numpy()
        if self.theme:
            needle = fold(self.theme)
            keep &= frame["themes"].map(lambda themes: any(needle in fold(t) for t in themes)).to_numpy()
        if self.answered_only:
            keep &= (frame["status"] != "unanswered").to_numpy()
        if self.exclude_ids:
            keep &= ~frame["doc_id"].isin(set(self.exclude_ids)).to_numpy()
        return keep


class Passage(BaseModel):
    chunk_id: str
    unit: str
    numbers: list[int]
    text: str


class Hit(BaseModel):
    id: str
    score: float
    source: str
    title: str
    date: str | None
    mp: str | None
    addressee: str | None
    snippet: str
    numbers: list[int]
    department: str | None = None
    party: str | None = None
    status: str = "unanswered"
    passages: list[Passage] = Field(default_factory=list)

    def contract(self) -> dict:
        """The public JSON shape of `search --json`."""
        return {"id": self.id, "score": round(self.score, 6), "source": self.source, "title": self.title, "date": self.date,
                "mp": self.mp, "addressee": self.addressee, "snippet": self.snippet, "numbers": self.numbers}


def check_query(query: str) -> str:
    query = " ".join((query or "").split())
    if not query:
        raise PQError("the search query is empty")
    if len(query) > MAX_QUERY_CHARS:
        raise PQError(f"the search query is {len(query):,} characters long; the limit is {MAX_QUERY_CHARS:,}")
    return query


def lexical_ranking(index, query: str, keep: np.ndarray, limit: int = CANDIDATES) -> list[tuple[int, float]]:
    """(unit position, lexical score) of the best units, best first."""
    scores = index.load().lexical.scores(query)
    scores = np.where(keep, scores, 0.0)
    hits = np.flatnonzero(scores > 0)
    if len(hits) > limit:
        hits = hits[np.argpartition(-scores[hits], limit)[:limit]]
    return [(int(i), float(scores[i])) for i in hits[np.argsort(-scores[hits], kind="stable")]]


def _chroma_where(filters: SearchFilters, table: ChunkTable, keep: np.ndarray) -> dict | None:
    """The same filter in Chroma's terms: the exact values the table's rows allowed."""
    if filters.is_empty():
        return None
    clauses = []
    frame = table.frame[keep]
    for column, active in [("source", filters.sources), ("department", filters.department), ("mp", filters.mp),
                           ("party", filters.party)]:
        if active:
            clauses.append({column: {"$in": sorted(set(frame[column])) or [""]}})
    if filters.date_from:
        clauses.append({"date_int": {"$gte": int(filters.date_from.strftime("%Y%m%d"))}})
    if filters.date_to:
        clauses.append({"date_int": {"$lte": int(filters.date_to.strftime("%Y%m%d"))}})
    if filters.answered_only:
        clauses.append({"answered": True})
    if filters.exclude_ids:
        clauses.append({"doc_id": {"$nin": filters.exclude_ids}})
    if filters.theme:
        needle = fold(filters.theme)
        themes = sorted({t for ts in frame["themes"] for t in ts if needle in fold(t)})[:100] or ["\x00"]
        clauses.append({"$or": [{"themes": {"$contains": t}} for t in themes]} if len(themes) > 1 else {"themes": {"$contains": themes[0]}})
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def dense_ranking(index, query: str, filters: SearchFilters, keep: np.ndarray, limit: int = CANDIDATES) -> list[tuple[int, float]]:
    """(unit position, cosine similarity) of the nearest units, best first."""
    loaded = index.load()
    table, collection = loaded.table, loaded.collection
    if collection is None or not keep.any():
        return []
    vector = index.embedder.embed_query(query)
    share = float(keep.mean())
    if share * POST_FILTER_MAX >= MIN_KEPT:
        # Chroma's metadata pre-filter costs ~85 ms on the full corpus, the vector search itself
        # 2-20 ms: unless the filter is very selective, over-fetch and filter afterwards.
        fetch = min(int(limit / share) + 20, POST_FILTER_MAX)
        got = collection.query(query_embeddings=[vector], n_results=fetch, include=["distances"])
    else:
        got = collection.query(query_embeddings=[vector], n_results=limit, where=_chroma_where(filters, table, keep), include=["distances"])
    found = [(table.position.get(chunk_id), 1.0 - distance) for chunk_id, distance in zip(got["ids"][0], got["distances"][0], strict=True)]
    # Units unknown to the local table (a shared server may hold more sources) or filtered out are dropped.
    return [(p, sim) for p, sim in found if p is not None and keep[p]][:limit]


def _scaled(ranking: list[tuple[int, float]], min_max: bool) -> dict[int, float]:
    if not ranking:
        return {}
    values = np.array([score for _, score in ranking], dtype=np.float64)
    low = values.min() if min_max else 0.0
    span = values.max() - low
    scaled = (values - low) / span if span > 1e-9 else np.ones_like(values)
    return {pos: float(v) for (pos, _), v in zip(ranking, scaled, strict=True)}


def _snippet(text: str, query: str, width: int = 320) -> str:
    """The stretch of `text` (about `width` characters) holding the most distinct query words."""
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    folded = fold(flat)
    if len(folded) != len(flat):  # folding changed offsets (rare ligatures): show the start
        return flat[:width] + "…"
    stems = set(tokenize(query))
    words = [(m.start(), m.group()) for m in _WORD.finditer(folded)]
    stemmed = stem_words([w for _, w in words])
    hits = [(start, stem) for (start, _), stem in zip(words, stemmed, strict=True) if stem in stems]
    best_at, best = 0, 0
    hits = hits[:400]  # bounded work on very long answers
    for i, (start, _) in enumerate(hits):
        seen = {stem for at, stem in hits[i:] if at < start + width - 40}
        if len(seen) > best:
            best, best_at = len(seen), max(0, start - 40)
    cut = flat[best_at: best_at + width]
    return ("…" if best_at else "") + cut + ("…" if best_at + width < len(flat) else "")


def search(index, query: str, k: int = 10, filters: SearchFilters | None = None, mode: Mode = "hybrid",
           passages_per_doc: int = 2) -> list[Hit]:
    query = check_query(query)
    if k < 1:
        raise PQError("k must be at least 1")
    filters = filters or SearchFilters()
    table = index.load().table
    keep = filters.mask(table)
    if mode == "hybrid" and not index.dense_complete():
        # Half-built dense index: units embedded early would outrank the rest. Lexical only until done.
        mode = "bm25"
    lexical = _scaled(lexical_ranking(index, query, keep), min_max=False) if mode in ("hybrid", "bm25") else {}
    dense = _scaled(dense_ranking(index, query, filters, keep), min_max=True) if mode in ("hybrid", "dense") else {}
    weight = {"hybrid": DENSE_WEIGHT, "dense": 1.0, "bm25": 0.0}[mode]
    unit_score = {pos: weight * dense.get(pos, 0.0) + (1 - weight) * lexical.get(pos, 0.0) for pos in lexical.keys() | dense.keys()}

    fused: dict[str, float] = {}
    best_units: dict[str, list[int]] = {}
    for pos in sorted(unit_score, key=lambda p: (-unit_score[p], p)):
        doc_id = table.doc_ids[pos]
        fused.setdefault(doc_id, unit_score[pos])
        best_units.setdefault(doc_id, []).append(pos)

    hits = []
    for doc_id in sorted(fused, key=lambda d: -fused[d])[:k]:
        positions = best_units[doc_id][:passages_per_doc]
        rows = [table.frame.iloc[p] for p in positions]
        first = rows[0]
        passages = [Passage(chunk_id=r["id"], unit=r["unit"], numbers=list(r["numbers"]), text=r["text"]) for r in rows]
        numbers = sorted({n for r in rows if r["unit"] != "doc" for n in r["numbers"]})
        hits.append(Hit(id=doc_id, score=fused[doc_id], source=first["source"], title=first["title"],
                        date=first["date"] or None, mp=first["mp"] or None, addressee=first["addressee"] or None,
                        department=first["department"] or None, party=first["party"] or None, status=first["status"],
                        snippet=_snippet(first["text"], query), numbers=numbers, passages=passages))
    return hits
