"""Hybrid precedent search: documents ranked from whole-question and per-unit signals, lexical and dense.

For each document four signals are computed over the whole (filtered) corpus:
- `lex_doc`: BM25 over the document's whole question (title, introduction, every sub-question),
  plus ANSWER_WEIGHT × BM25 over its answer — how a paraphrase of a whole question is found;
- `lex_unit`: the best unit's fielded BM25 — a single sub-question matched closely (weighted 0 at
  present: no setting with it did better on the development set; the units' lexical scores
  still pick the passages);
- `dense_unit`: the best unit's cosine similarity (multilingual e5);
- `dense_doc`: the cosine with the document's centroid (the mean of its unit vectors), so one
  short unit cannot carry a document alone, less a share of the centroid's closeness to the
  corpus' average (HUBNESS).
Each signal is scaled per query (lexical by its best value, dense from the median to the best)
and summed with WEIGHTS, chosen on the whole of bench/devset.jsonl and checked on the held-out
sets (bench/blindset.jsonl, devset_c.jsonl, devset_d.jsonl). A document's best units come back as passages.

The same question sent to several ministers is one hit: the sibling that answers best (a
published answer, the longest) leads, the others are listed in `also`. Every hit carries a
calibrated `relevance` (0–1) and `relevant` (relevance ≥ RELEVANCE_FLOOR), from the share of the
query's rare words the document holds and its dense similarities, fitted on the development set
and on queries whose topic the corpus does not hold (bench/norelevant.jsonl).
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections import Counter, OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import numpy as np
from pydantic import BaseModel, Field, field_validator

from bot.retrieval.dense_product import unit_cosines
from bot.retrieval.lexical import ANSWER_WEIGHT, stem_words, tokenize
from bot.retrieval.lexical import fold as fast_fold
from bot.retrieval.units import ChunkTable, answer_rank
from tools.errors import PQError
from tools.text import fold

MAX_QUERY_CHARS = 5_000
SNIPPET_SCAN_CHARS = 6_000  # a snippet is looked for in the start of a passage (bounded work on long answers)
QUERY_CACHE = 1024  # query vectors kept (the same question drafted again, a search refined with filters)
Mode = Literal["hybrid", "bm25", "dense"]
_masks_lock = threading.Lock()

# Fusion weights per signal (bench/retrieval.py --tune chooses them on the development set); "answered"
# is a prior for documents with an answer: a precedent says what was answered, a bare question does not.
WEIGHTS = {"lex_doc": 0.3, "lex_unit": 0.0, "dense_unit": 0.6, "dense_doc": 0.1, "answered": 0.15}
# Before fusion, `dense_doc` loses HUBNESS x the centroid's cosine with the mean of all unit vectors (chosen with the
# weights): a document near the corpus' average is near every query, and would otherwise rise above the one asked for.
HUBNESS = 0.5
# The relevance model: logistic regression on (coverage, dense_unit, dense_doc), fitted by bench/retrieval.py --tune.
RELEVANCE_COEF = {"bias": -10.319, "coverage": 7.896, "dense_unit": 4.71, "dense_doc": 4.345}
RELEVANCE_FLOOR = 0.7
# Coverage weighs each query word by idf ** COVERAGE_POWER: the rare word that names a topic counts for more than
# several common ones together ("tijgermug" against "maatregelen", "neemt", "hierover").
COVERAGE_POWER = 2


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

    def doc_mask(self, table: ChunkTable) -> np.ndarray:
        """Which documents pass (every filter is a property of the document); kept per table, read-only."""
        key = self.model_dump_json()
        cached = table.masks.get(key)
        if cached is None:
            cached = self._doc_mask(table)
            cached.setflags(write=False)
            with _masks_lock:  # the app searches from several threads
                if len(table.masks) >= 256:
                    table.masks.pop(next(iter(table.masks)), None)
                table.masks[key] = cached
        return cached

    def _doc_mask(self, table: ChunkTable) -> np.ndarray:
        docs = table.docs
        keep = np.ones(len(docs), dtype=bool)
        if self.sources:
            sources = set(self.sources)
            # "kamer" stands for both federal sets.
            if "kamer" in sources:
                sources |= {"dekamer-qrva-2017", "dekamer-questions-2020"}
            keep &= docs["source"].isin(sources).to_numpy()
        if self.department:
            needle = fold(self.department)
            keep &= (table.folded_doc("department").str.contains(needle, regex=False)
                     | table.folded_doc("addressee").str.contains(needle, regex=False)).to_numpy()
        if self.mp:
            keep &= table.folded_doc("mp").str.contains(fold(self.mp), regex=False).to_numpy()
        if self.party:
            keep &= (table.folded_doc("party") == fold(self.party)).to_numpy()
        if self.date_from or self.date_to:
            dates = docs["date"]
            known = dates != ""
            if self.date_from:
                known &= dates >= self.date_from.isoformat()
            if self.date_to:
                known &= dates <= self.date_to.isoformat()
            keep &= known.to_numpy()
        if self.theme:
            needle = fold(self.theme)
            keep &= docs["themes"].map(lambda themes: any(needle in fold(t) for t in themes)).to_numpy()
        if self.answered_only:
            keep &= (docs["status"] != "unanswered").to_numpy()
        if self.exclude_ids:
            keep &= ~docs["doc_id"].isin(set(self.exclude_ids)).to_numpy()
        return keep

    def mask(self, table: ChunkTable) -> np.ndarray:
        """Which units pass."""
        return self.doc_mask(table)[table.unit_doc]


class Passage(BaseModel):
    chunk_id: str
    unit: str
    numbers: list[int]
    text: str


class Sibling(BaseModel):
    """The same question sent to another minister."""

    id: str
    addressee: str | None
    department: str | None = None
    status: str


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
    also: list[Sibling] = Field(default_factory=list)
    relevance: float = 0.0
    relevant: bool = False

    def ids(self) -> list[str]:
        """This hit's id and its siblings' (the same question to several ministers)."""
        return [self.id, *(s.id for s in self.also)]

    def contract(self) -> dict:
        """The public JSON shape of `search --json` (fields are only ever added)."""
        return {"id": self.id, "score": round(self.score, 6), "source": self.source, "title": self.title, "date": self.date,
                "mp": self.mp, "addressee": self.addressee, "snippet": self.snippet, "numbers": self.numbers,
                "relevance": round(self.relevance, 4), "relevant": self.relevant,
                "also": [{"id": s.id, "addressee": s.addressee, "department": s.department, "status": s.status} for s in self.also]}


def check_query(query: str) -> str:
    query = " ".join((query or "").split())
    if not query:
        raise PQError("the search query is empty")
    if len(query) > MAX_QUERY_CHARS:
        raise PQError(f"the search query is {len(query):,} characters long; the limit is {MAX_QUERY_CHARS:,}")
    return query


# -- signals ---------------------------------------------------------------------------------------
@dataclass
class Signals:
    """Per document (all documents of the table, in table order) for one query."""

    lex_doc: np.ndarray
    lex_unit: np.ndarray
    dense_unit: np.ndarray | None
    dense_doc: np.ndarray | None
    unit_scores: np.ndarray  # per unit, to pick the passages
    answered: np.ndarray  # 1.0 for a document with an answer (published or sent directly), else 0.0
    hubness: np.ndarray | None = None  # per document, ChunkTable.centroid_hubness (with the dense signals)


def _doc_max(values: np.ndarray, starts: np.ndarray) -> np.ndarray:
    return np.maximum.reduceat(values, starts) if len(values) else values


_query_vectors: OrderedDict[tuple[str, str], np.ndarray] = OrderedDict()
_query_vectors_lock = threading.Lock()


def embed_queries(index, queries: list[str], cache: bool = True) -> np.ndarray:
    """Query vectors, the ones not seen recently in one call of the model."""
    embedder = index.embedder
    spec = getattr(embedder, "spec", type(embedder).__name__)
    with _query_vectors_lock:
        known = {q: _query_vectors[(spec, q)] for q in queries if cache and (spec, q) in _query_vectors}
    todo = list(dict.fromkeys(q for q in queries if q not in known))
    if todo:
        if hasattr(embedder, "embed_queries"):
            fresh = np.asarray(embedder.embed_queries(todo), dtype=np.float32)
        else:
            fresh = np.asarray([embedder.embed_query(q) for q in todo], dtype=np.float32)
        known.update(zip(todo, fresh, strict=True))
        if cache:
            with _query_vectors_lock:
                for q, vector in zip(todo, fresh, strict=True):
                    _query_vectors[(spec, q)] = vector
                while len(_query_vectors) > QUERY_CACHE:
                    _query_vectors.popitem(last=False)
    return np.stack([known[q] for q in queries]) if queries else np.zeros((0, 0), dtype=np.float32)


def signals(loaded, query: str, vector: np.ndarray | None, cos: np.ndarray | None = None,
            centroid_cos: np.ndarray | None = None) -> Signals:
    """The four signals of every document for one query (`cos`/`centroid_cos`: the dense similarities, when a
    batch of queries has them computed already)."""
    table = loaded.table
    starts = table.doc_starts
    q_doc = loaded.doc_lexical.question.scores(query)
    a_doc = loaded.doc_lexical.answer.scores(query)
    lex_doc = (q_doc / q_doc.max() if q_doc.max() > 0 else q_doc) + ANSWER_WEIGHT * (a_doc / a_doc.max() if a_doc.max() > 0 else a_doc)
    unit_lex = loaded.lexical.scores(query)
    lex_unit = _doc_max(unit_lex, starts)
    dense_unit = dense_doc = hubness = None
    unit_scores = unit_lex
    if vector is not None and loaded.dense is not None:
        cos = unit_cosines(loaded.dense.vectors, vector[:, None])[:, 0] if cos is None else cos
        dense_unit = _doc_max(cos, starts)
        dense_doc = table.centroid_cos(loaded.dense.vectors, cos) if centroid_cos is None else centroid_cos
        hubness = table.centroid_hubness(loaded.dense.vectors)
        unit_scores = unit_lex / (unit_lex.max() or 1.0) + cos
    return Signals(lex_doc=lex_doc.astype(np.float64), lex_unit=lex_unit.astype(np.float64),
                   dense_unit=None if dense_unit is None else dense_unit.astype(np.float64),
                   dense_doc=None if dense_doc is None else dense_doc.astype(np.float64), unit_scores=unit_scores,
                   answered=table.answered, hubness=hubness)


def _scale_lexical(values: np.ndarray, keep: np.ndarray) -> np.ndarray:
    top = values[keep].max(initial=0.0)
    return values / top if top > 0 else np.zeros_like(values)


def _scale_dense(values: np.ndarray, keep: np.ndarray) -> np.ndarray:
    kept = values[keep]
    if not len(kept):
        return np.zeros_like(values)
    low, top = np.median(kept), kept.max()
    return np.clip((values - low) / (top - low), 0, None) if top - low > 1e-9 else np.zeros_like(values)


def fuse(sig: Signals, keep: np.ndarray, mode: Mode, weights: dict[str, float] = WEIGHTS,
         hub_discount: float = HUBNESS) -> np.ndarray:
    parts = {}
    if mode in ("hybrid", "bm25"):
        parts["lex_doc"] = _scale_lexical(sig.lex_doc, keep)
        parts["lex_unit"] = _scale_lexical(sig.lex_unit, keep)
    if mode in ("hybrid", "dense") and sig.dense_unit is not None:
        parts["dense_unit"] = _scale_dense(sig.dense_unit, keep)
        dense_doc = sig.dense_doc if sig.hubness is None or not hub_discount else sig.dense_doc - hub_discount * sig.hubness
        parts["dense_doc"] = _scale_dense(dense_doc, keep)
    if not parts:
        return np.zeros_like(sig.lex_doc)
    if weights.get("answered"):
        parts["answered"] = sig.answered
    total = sum(weights[name] for name in parts)
    fused = sum(weights[name] * value for name, value in parts.items()) / total
    return np.where(keep, fused, -1.0)


def coverage(loaded, query: str, doc_rows: np.ndarray, leave_out: str = "") -> np.ndarray:
    """Per document: the idf-weighted share of the query's distinct topic words (function words say nothing of
    the subject) found in its question or answer; words of `leave_out`, e.g. the question's title, do not count."""
    return _coverage_parts(loaded, query, doc_rows, leave_out)[0]


def _coverage_parts(loaded, query: str, doc_rows: np.ndarray, leave_out: str = "") -> tuple[np.ndarray, np.ndarray]:
    """`coverage`, and the same share without the document's strongest word (for a one-word subject: the share)."""
    left_out = set(tokenize(leave_out)) if leave_out else set()
    tokens = [t for t in dict.fromkeys(tokenize(query)) if t not in left_out]
    if not tokens or not len(doc_rows):
        return np.zeros(len(doc_rows)), np.zeros(len(doc_rows))
    idf, in_question = loaded.doc_lexical.question.idf_and_presence(tokens, doc_rows)
    _, in_answer = loaded.doc_lexical.answer.idf_and_presence(tokens, doc_rows)
    weight = idf ** COVERAGE_POWER
    held = (in_question | in_answer) * weight
    share = held.sum(axis=1) / weight.sum()
    rest = (held.sum(axis=1) - held.max(axis=1)) / weight.sum() if len(tokens) > 1 else share
    return share, rest


def relevance(cover: np.ndarray, dense_unit: np.ndarray | None, dense_doc: np.ndarray | None,
              coef: dict[str, float] = RELEVANCE_COEF) -> np.ndarray:
    """The calibrated probability that a document answers the query's topic."""
    z = coef["bias"] + coef["coverage"] * cover
    if dense_unit is not None:
        z = z + coef["dense_unit"] * dense_unit + coef["dense_doc"] * dense_doc
    else:  # lexical only: the dense terms at their typical value for a match
        z = z + coef["dense_unit"] * 0.85 + coef["dense_doc"] * 0.85
    return 1.0 / (1.0 + np.exp(-z))


# -- hits ------------------------------------------------------------------------------------------
@lru_cache(maxsize=256)
def _words_starting_with(letters: str) -> re.Pattern:
    """The words (whole runs of 2+ letters and digits of the folded text) that begin with one of `letters` or "ge":
    the regex engine skips the others, where a filter in Python took most of a snippet's time."""
    first = f"[{letters}][a-z0-9]+|" if letters else ""
    return re.compile(rf"(?<![a-z0-9])(?:{first}ge[a-z0-9]*)")


def _snippet(text: str, query: str, width: int = 320) -> str:
    """The stretch of `text` (about `width` characters) holding the most distinct query words."""
    flat = " ".join(text[:SNIPPET_SCAN_CHARS].split())
    if len(flat) <= width:
        return flat
    folded = fast_fold(flat)
    if len(folded) != len(flat):  # folding changed offsets (rare ligatures): show the start
        return flat[:width] + "…"
    stems = set(tokenize(query))
    # A stem begins with its word's first letter, or its word with "ge" (the Dutch stemmer cuts endings, may
    # lengthen a vowel: "open" -> "oop", and drops the prefix of participles: "gesloten" -> "sloot"), so only those
    # words are stemmed, each distinct one once (the same snippets on 5,640 passages of the development queries).
    candidates = _words_starting_with("".join(sorted({stem[:1] for stem in stems})))
    words = [(m.start(), m.group()) for m in candidates.finditer(folded)]
    distinct = list(dict.fromkeys(w for _, w in words))
    stem_of = dict(zip(distinct, stem_words(distinct), strict=True))
    hits = [(start, stem_of[word]) for start, word in words if stem_of[word] in stems][:400]  # bounded work on long answers
    # The window (`width` - 40 characters from a hit on) holding the most distinct query words: a sliding window
    # over the hits, which are in text order.
    best_at, best, end, in_window = 0, 0, 0, Counter()
    for start, stem in hits:
        while end < len(hits) and hits[end][0] < start + width - 40:
            in_window[hits[end][1]] += 1
            end += 1
        if len(in_window) > best:
            best, best_at = len(in_window), max(0, start - 40)
        in_window[stem] -= 1
        if not in_window[stem]:
            del in_window[stem]
    cut = flat[best_at: best_at + width]
    return ("…" if best_at else "") + cut + ("…" if best_at + width < len(flat) else "")


def _top(candidates: np.ndarray, fused: np.ndarray, tie_break: np.ndarray | None, n: int) -> np.ndarray:
    """The `n` best candidates by fused score, ties by `tie_break` (both descending), in rank order. Only those at or
    above the n-th best score are sorted (a full sort of 10,000 documents took 1.3 ms of a 10 ms search); ties at that
    score all take part, so the order is the full sort's."""
    scores = fused[candidates]
    if len(candidates) > n:
        nth = np.partition(scores, len(scores) - n)[len(scores) - n]
        candidates, scores = candidates[scores >= nth], scores[scores >= nth]
    ties = tie_break[candidates] if tie_break is not None else np.zeros(len(candidates))
    return candidates[np.lexsort((-ties, -scores))][:n]


def _groups(table: ChunkTable, ranked_docs: list[int], doc_keep: np.ndarray, k: int) -> list[tuple[int, list[int]]]:
    """(leading document row, sibling rows) per distinct question, in rank order; the sibling that
    answers best leads, whatever its rank."""
    groups = table.doc_column("group")
    members = table.group_members
    status, chars = table.doc_column("status"), table.doc_column("answer_chars")
    out, seen = [], set()
    for row in ranked_docs:
        group = groups[row]
        if group in seen:
            continue
        seen.add(group)
        rows = [r for r in members.get(group, [row]) if doc_keep[r]] or [row]
        rows.sort(key=lambda r: (answer_rank(status[r], int(chars[r])), r == row), reverse=True)
        out.append((rows[0], rows[1:]))
        if len(out) == k:
            break
    return out


def _hit(loaded, query: str, lead: int, siblings: list[int], score: float, sig: Signals, keep_units: np.ndarray,
         rel: float, passages_per_doc: int) -> Hit:
    table = loaded.table
    start, end = table.doc_starts[lead], table.doc_ends[lead]
    positions = [p for p in range(start, end) if keep_units[p]]
    positions.sort(key=lambda p: -sig.unit_scores[p])
    positions = positions[:passages_per_doc] or [start]
    passages = [Passage(chunk_id=table.unit_ids[p], unit=table.unit_names[p], numbers=table.numbers(p), text=table.text(p))
                for p in positions]
    numbers = sorted({n for p in passages if p.unit != "doc" for n in p.numbers})
    col = table.doc_column
    return Hit(id=col("doc_id")[lead], score=float(score), source=col("source")[lead], title=col("title")[lead],
               date=col("date")[lead] or None, mp=col("mp")[lead] or None, addressee=col("addressee")[lead] or None,
               department=col("department")[lead] or None, party=col("party")[lead] or None, status=col("status")[lead],
               snippet=_snippet(passages[0].text, query), numbers=numbers, passages=passages, relevance=float(rel),
               relevant=bool(rel >= RELEVANCE_FLOOR),
               also=[Sibling(id=col("doc_id")[r], addressee=col("addressee")[r] or None, department=col("department")[r] or None,
                             status=col("status")[r]) for r in siblings])


def subject_coverage(index, text: str, hits: list[Hit], leave_out: str = "") -> list[tuple[float, float]]:
    """For each hit: how much of `text`'s own subject (its rare words, minus those of `leave_out`) the document
    holds, and how much it holds without its strongest word (one shared name is not yet the same subject)."""
    loaded = index.load()
    rows = np.array([loaded.table.doc_position[h.id] for h in hits], dtype=np.int64)
    share, rest = _coverage_parts(loaded, text, rows, leave_out)
    return list(zip(share.tolist(), rest.tolist(), strict=True))


def search_many(index, queries: list[str], k: int = 10, filters: SearchFilters | None = None, mode: Mode = "hybrid",
                passages_per_doc: int = 2) -> list[list[Hit]]:
    """`search` for several queries: one call of the embedding model for all of them."""
    queries = [check_query(q) for q in queries]
    if k < 1:
        raise PQError("k must be at least 1")
    filters = filters or SearchFilters()
    loaded = index.load()
    table = loaded.table
    doc_keep = filters.doc_mask(table)
    keep_units = doc_keep[table.unit_doc]
    if mode != "bm25" and loaded.dense is None:
        mode = "bm25"  # degraded: the index says why (index.notice(), shown by the CLI and the app)
    vectors = embed_queries(index, queries) if mode != "bm25" and doc_keep.any() and queries else None
    cos = centroid_cos = None
    if vectors is not None:  # one matrix product for all queries
        cos = unit_cosines(loaded.dense.vectors, vectors.T)
        centroid_cos = table.centroid_cos(loaded.dense.vectors, cos)
    results = []
    for i, query in enumerate(queries):
        if not doc_keep.any():
            results.append([])
            continue
        sig = signals(loaded, query, None if vectors is None else vectors[i], None if cos is None else cos[:, i],
                      None if centroid_cos is None else centroid_cos[:, i])
        fused = fuse(sig, doc_keep, mode)
        # Lexically, a document without a query word is no hit; densely, every document has a distance.
        dense_used = mode != "bm25" and sig.dense_unit is not None
        candidates = np.flatnonzero(doc_keep & ((fused > 0) | dense_used))
        if not len(candidates):
            results.append([])
            continue
        top = _top(candidates, fused, sig.dense_unit if dense_used else None, 4 * k + 20)
        groups = _groups(table, top.tolist(), doc_keep, k)
        leads = np.array([lead for lead, _ in groups])
        rel = relevance(coverage(loaded, query, leads), None if sig.dense_unit is None else sig.dense_unit[leads],
                        None if sig.dense_doc is None else sig.dense_doc[leads])
        group_score = {g: float(fused[[lead, *sib]].max()) for g, (lead, sib) in enumerate(groups)}
        results.append([_hit(loaded, query, lead, sib, group_score[g], sig, keep_units, rel[g], passages_per_doc)
                        for g, (lead, sib) in enumerate(groups)])
    return results


def search(index, query: str, k: int = 10, filters: SearchFilters | None = None, mode: Mode = "hybrid",
           passages_per_doc: int = 2) -> list[Hit]:
    return search_many(index, [query], k=k, filters=filters, mode=mode, passages_per_doc=passages_per_doc)[0]
