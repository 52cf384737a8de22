"""Building and opening the precedent index: lexical (BM25, local) + dense (Chroma).

Ingestion is idempotent and incremental: a unit is embedded only when its id is new or its
content hash changed, units that left the corpus are deleted, and a run over an unchanged
corpus returns after comparing fingerprints. It is crash-safe: the lexical index is written
to a temporary folder and swapped in whole, dense units are upserted in small batches, and
`state.json` says "complete" only after the last batch — a run that dies midway leaves an
index that opens (the missing units are embedded by the next run).
"""

from __future__ import annotations

import fcntl
import gzip
import hashlib
import json
import os
import shutil
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.parse.corpus import SOURCES, get_source
from bot.retrieval.lexical import FieldedLexicalIndex
from bot.retrieval.store import IndexUnavailable, chroma_client, data_dir, drop_collection, open_collection
from bot.retrieval.units import Chunk, ChunkTable, document_chunks
from bot.settings import settings
from tools.errors import PQError

# Bump when chunking or normalisation changes: every fingerprint changes with it.
INDEX_FORMAT = "2"
# Indexed on first use. The 2020 set (6,059 questions, no answers) adds ~25 minutes of
# embedding on a 2-core machine; `python -m bot ingest --all` adds it.
DEFAULT_SOURCES = ("vlaams-parlement", "dekamer-qrva-2017")
BATCH = 32

Progress = Callable[[str, int, int], None]


def configured_sources() -> tuple[str, ...]:
    names = settings().source_names or DEFAULT_SOURCES
    for name in names:
        get_source(name)
    return names


def source_fingerprint(name: str) -> str:
    digest = hashlib.sha1(INDEX_FORMAT.encode())
    folder = get_source(name).folder()
    if not folder.is_dir():
        raise PQError(f"corpus source {name!r} is missing: expected the folder {folder}")
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@dataclass(frozen=True)
class LoadedIndex:
    """What a search reads: the units' table, their BM25 fields, and the Chroma collection
    (None while the dense part has never been created)."""

    table: ChunkTable
    lexical: FieldedLexicalIndex
    collection: Any | None


@dataclass
class IngestReport:
    sources: list[str]
    chunks: int = 0
    embedded: int = 0
    deleted: int = 0
    unchanged: int = 0
    seconds: float = 0.0
    embed_seconds: float = 0.0
    up_to_date: bool = False
    timings: dict[str, float] = field(default_factory=dict)

    def to_json_dict(self) -> dict:
        return self.__dict__.copy()


def tqdm_progress() -> Progress:
    from tqdm import tqdm

    bars: dict[str, tqdm] = {}

    def report(stage: str, done: int, total: int) -> None:
        bar = bars.get(stage)
        if bar is None:
            bar = bars[stage] = tqdm(total=total, desc=stage, unit="unit", leave=True, dynamic_ncols=True)
        bar.total = total
        bar.update(done - bar.n)
        if done >= total:
            bar.close()

    return report


class PrecedentIndex:
    """The index in one data directory (and one Chroma collection)."""

    def __init__(self, folder: Path | None = None, embedder=None) -> None:
        from bot.retrieval.embeddings import get_embedder

        self.folder = Path(folder) if folder else data_dir()
        self.embedder = embedder if embedder is not None else get_embedder()
        self.lexical_dir = self.folder / "lexical"
        self.state_path = self.lexical_dir / "state.json"
        self._client = None
        self._loaded: LoadedIndex | None = None
        self._state_cache: tuple[tuple, dict] | None = None

    # -- state ------------------------------------------------------------------------
    def state(self) -> dict | None:
        # Every search asks whether the dense part is complete: re-read only when the file changed.
        try:
            info = self.state_path.stat()
            # Written by replace (new inode), so inode + mtime + size tell a rewrite even within one clock tick.
            stamp = (info.st_ino, info.st_mtime_ns, info.st_size)
        except FileNotFoundError:
            return None
        if self._state_cache and self._state_cache[0] == stamp:
            return self._state_cache[1]
        try:
            state = json.loads(self.state_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, json.JSONDecodeError) as exc:
            raise IndexUnavailable(f"the index state file {self.state_path} is unreadable ({exc}); rebuild with: python -m bot ingest --rebuild") from None
        self._state_cache = (stamp, state)
        return state

    def _write_state(self, state: dict) -> None:
        tmp = self.state_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(state, indent=2), encoding="utf-8")
        os.replace(tmp, self.state_path)

    def exists(self) -> bool:
        return self.state() is not None

    def client(self):
        if self._client is None:
            self._client = chroma_client(self.folder / "chroma")
        return self._client

    def collection(self, create: bool = False):
        dim = getattr(self.embedder, "dim", 0)
        return open_collection(self.client(), self.embedder.spec, dim, create)

    # -- ingestion --------------------------------------------------------------------
    def ingest(self, sources: Iterable[str] | None = None, progress: Progress | None = None, rebuild: bool = False,
               batch_size: int = BATCH) -> IngestReport:
        """Bring the index up to date for `sources` plus those already indexed."""
        self.folder.mkdir(parents=True, exist_ok=True)
        with open(self.folder / "ingest.lock", "w") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise PQError(f"another ingest is running on {self.folder}; wait for it to finish") from None
            return self._ingest(sources, progress, rebuild, batch_size)

    def _ingest(self, sources, progress, rebuild, batch_size) -> IngestReport:
        started = time.perf_counter()
        state = None if rebuild else self.state()
        wanted = list(dict.fromkeys([*(sources or configured_sources()), *((state or {}).get("sources", {}) or {})]))
        for name in wanted:
            get_source(name)
        if rebuild:
            drop_collection(self.client())
            shutil.rmtree(self.lexical_dir, ignore_errors=True)
        collection = self.collection(create=True)
        fingerprints = {name: source_fingerprint(name) for name in wanted}
        report = IngestReport(sources=wanted)

        if (state and state.get("complete") and state.get("embedder") == self.embedder.spec
                and {n: s["fingerprint"] for n, s in state["sources"].items()} == fingerprints
                and collection.count() >= state.get("chunks", 0)):
            report.chunks = state["chunks"]
            report.unchanged = state["chunks"]
            report.up_to_date = True
            report.seconds = time.perf_counter() - started
            return report

        t0 = time.perf_counter()
        chunks: list[Chunk] = []
        per_source: dict[str, dict] = {}
        for name in wanted:
            before = len(chunks)
            for doc in get_source(name).documents():
                chunks.extend(document_chunks(doc, name))
            per_source[name] = {"fingerprint": fingerprints[name], "chunks": len(chunks) - before}
        report.chunks = len(chunks)
        report.timings["parse_and_chunk"] = time.perf_counter() - t0

        t0 = time.perf_counter()
        self._write_lexical(chunks)
        report.timings["lexical"] = time.perf_counter() - t0
        # Not complete until every dense unit is in: a crash from here on is repaired by the next run.
        self._write_state({"format": INDEX_FORMAT, "embedder": self.embedder.spec, "sources": per_source,
                           "chunks": len(chunks), "complete": False})
        self._loaded = None  # searches from now on see the new units (lexically at once, densely as they come)

        t0 = time.perf_counter()
        stored = self._stored_hashes(collection)
        report.timings["compare"] = time.perf_counter() - t0
        wanted_ids = {c.id for c in chunks}
        todo = [c for c in chunks if stored.get(c.id, ("", ""))[0] != c.content_hash]
        # Only our sources: a shared Chroma server may hold sources other users indexed.
        stale = [i for i, (_, source) in stored.items() if source in per_source and i not in wanted_ids]
        report.unchanged = len(chunks) - len(todo)

        progress = progress or (lambda *_: None)
        if todo:
            progress("embedding", 0, len(todo))
        for start in range(0, len(todo), batch_size):
            batch = todo[start:start + batch_size]
            e0 = time.perf_counter()
            vectors = self.embedder.embed_documents([c.dense_text for c in batch])
            report.embed_seconds += time.perf_counter() - e0
            collection.upsert(ids=[c.id for c in batch], embeddings=vectors, metadatas=[c.chroma_metadata() for c in batch])
            report.embedded += len(batch)
            progress("embedding", report.embedded, len(todo))
        for start in range(0, len(stale), 1000):
            collection.delete(ids=stale[start:start + 1000])
        report.deleted = len(stale)

        self._write_state({"format": INDEX_FORMAT, "embedder": self.embedder.spec, "sources": per_source,
                           "chunks": len(chunks), "complete": True})
        self._loaded = None
        report.seconds = time.perf_counter() - started
        return report

    def _write_lexical(self, chunks: list[Chunk]) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        tmp = self.folder / "lexical.tmp"
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir()
        with gzip.open(tmp / "chunks.jsonl.gz", "wt", encoding="utf-8", compresslevel=3) as handle:
            for chunk in chunks:
                handle.write(json.dumps(chunk.to_record(), ensure_ascii=False) + "\n")
        FieldedLexicalIndex.build([c.text for c in chunks]).save(tmp / "bm25")
        state = self.lexical_dir / "state.json"
        if state.exists():
            shutil.copy2(state, tmp / "state.json")
        old = self.folder / "lexical.old"
        shutil.rmtree(old, ignore_errors=True)
        if self.lexical_dir.exists():
            os.replace(self.lexical_dir, old)
        os.replace(tmp, self.lexical_dir)
        shutil.rmtree(old, ignore_errors=True)

    @staticmethod
    def _stored_hashes(collection) -> dict[str, tuple[str, str]]:
        hashes: dict[str, tuple[str, str]] = {}
        total = collection.count()
        for offset in range(0, total, 5000):
            got = collection.get(include=["metadatas"], limit=5000, offset=offset)
            for chunk_id, meta in zip(got["ids"], got["metadatas"], strict=True):
                hashes[chunk_id] = ((meta or {}).get("hash", ""), (meta or {}).get("source", ""))
        return hashes

    # -- opening ----------------------------------------------------------------------
    def load(self) -> LoadedIndex:
        """The chunk table, lexical index and Chroma collection, read once; a clear error when the index is missing."""
        if self._loaded is None:
            state = self.state()
            if state is None:
                raise IndexUnavailable(f"no precedent index in {self.folder}; build it with: python -m bot ingest")
            if state.get("embedder") != self.embedder.spec:
                raise IndexUnavailable(
                    f"the index in {self.folder} was built with the embedder {state.get('embedder')!r}, but "
                    f"{self.embedder.spec!r} is configured (PQ_EMBEDDER). Set PQ_EMBEDDER={state.get('embedder')} "
                    f"or rebuild: PQ_EMBEDDER={self.embedder.spec} python -m bot ingest --rebuild"
                )
            try:
                table = ChunkTable.read(self.lexical_dir / "chunks.jsonl.gz")
                lexical = FieldedLexicalIndex.load(self.lexical_dir / "bm25")
            except (OSError, ValueError, EOFError) as exc:
                raise IndexUnavailable(f"the lexical index in {self.lexical_dir} is damaged ({exc}); rebuild with: python -m bot ingest --rebuild") from None
            self._loaded = LoadedIndex(table=table, lexical=lexical, collection=self.collection(create=False))
        return self._loaded

    def dense_complete(self) -> bool:
        """True when every unit is embedded (the last ingest finished)."""
        state = self.state()
        return bool(state and state.get("complete"))

    def status(self) -> dict:
        state = self.state()
        if state is None:
            return {"exists": False, "sources": [], "chunks": 0, "embedded": 0, "complete": False}
        collection = self.collection(create=False)
        return {"exists": True, "sources": list(state["sources"]), "chunks": state["chunks"],
                "embedded": collection.count() if collection is not None else 0,
                "complete": bool(state.get("complete")), "embedder": state.get("embedder")}


def all_source_names() -> list[str]:
    return list(SOURCES)
