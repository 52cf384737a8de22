"""Building and opening the precedent index: lexical (BM25) and dense (a local matrix), mirrored in Chroma.

The data directory holds:
- `lexical/`: the unit table (`units.py`), BM25 over units and over whole documents, and
  `state.json` (sources and their fingerprints, embedder, the index id, completeness);
- `dense.npz`: one vector per unit in table order — what search reads (`vectors.py`);
- `chroma/` (or a collection on a shared server): the same vectors with their metadata, in the
  index's own collection `<PQ_CHROMA_COLLECTION>-<index id>`.

Ingestion is idempotent, incremental and crash-safe. It takes its lock before anything slow
(before the embedding model loads). A text is embedded once: vectors come from the previous
matrix, the index's Chroma collection, or the vectors shipped with the corpus
(`corpus/vectors/`), keyed by the embedded text and the embedder's fingerprint; only the rest is
embedded, and each embedded batch goes to Chroma at once, so a crash loses at most one batch.
The lexical part is written to a temporary folder and swapped in whole; `state.json` says
"complete" only when the matrix covers every unit and Chroma holds exactly the index's ids
(checked id by id, not by count).
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import secrets
import shutil
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from bot.parse.corpus import SOURCES, get_source
from bot.parse.model import Document
from bot.retrieval.lexical import FieldedLexicalIndex
from bot.retrieval.store import (
    IndexUnavailable,
    chroma_client,
    chroma_url,
    collection_name,
    data_dir,
    drop_collection,
    open_collection,
)
from bot.retrieval.units import Chunk, ChunkTable, answer_text, document_chunks, question_text
from bot.retrieval.vectors import DenseMatrix, VectorCache, embedder_fingerprint, text_keys
from bot.settings import settings
from tools.errors import PQError

# Bump when chunking, normalisation or the files' layout change: every fingerprint changes with it.
INDEX_FORMAT = "5"
# Indexed on first use: all bundled sources (their vectors ship in corpus/vectors/).
DEFAULT_SOURCES = ("vlaams-parlement", "dekamer-qrva-2017", "dekamer-questions-2020")
BATCH = 32
STORE_BATCH = 1000
# Cached vectors re-embedded at each ingest that uses the cache, to prove they are this model's.
CACHE_SPOT_CHECKS = 3
REBUILD = "python -m bot ingest --rebuild"

Progress = Callable[[str, int, int], None]


def configured_sources() -> tuple[str, ...]:
    names = settings().source_names or DEFAULT_SOURCES
    for name in names:
        get_source(name)
    return names


def shipped_vectors_dir() -> Path:
    return settings().corpus_dir / "vectors"


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
    """What a search reads: the units' table, BM25 over units and over documents, and the unit
    vectors (None while the dense part is incomplete or unreadable; `notice` then says why)."""

    table: ChunkTable
    lexical: FieldedLexicalIndex
    doc_lexical: FieldedLexicalIndex
    dense: DenseMatrix | None
    notice: str | None = None


@dataclass
class IngestReport:
    sources: list[str]
    chunks: int = 0
    embedded: int = 0  # distinct texts sent to the model
    reused: int = 0  # units whose vector came from the index, Chroma or the shipped cache
    deleted: int = 0
    unchanged: int = 0
    stored: int = 0  # vectors written to Chroma
    seconds: float = 0.0
    embed_seconds: float = 0.0
    up_to_date: bool = False
    timings: dict[str, float] = field(default_factory=dict)
    cache_problems: list[str] = field(default_factory=list)

    def to_json_dict(self) -> dict:
        return self.__dict__.copy()


def tqdm_progress() -> Progress:
    from tqdm import tqdm

    bars: dict[str, tqdm] = {}

    def report(stage: str, done: int, total: int) -> None:
        if stage not in ("embedding", "storing"):
            return  # the quick steps ("lexical", "dense") need no bar
        bar = bars.get(stage)
        if bar is None:
            bar = bars[stage] = tqdm(total=total, desc=stage, unit="unit", leave=True, dynamic_ncols=True)
        bar.total = total
        bar.update(done - bar.n)
        if done >= total:
            bar.close()

    return report


def _ids_digest(ids: Iterable[str]) -> str:
    return hashlib.sha1("\n".join(sorted(ids)).encode()).hexdigest()


class PrecedentIndex:
    """The index in one data directory (and its own Chroma collection)."""

    def __init__(self, folder: Path | None = None, embedder=None, vector_cache: Path | None | bool = True) -> None:
        self.folder = Path(folder) if folder else data_dir()
        if self.folder.exists() and not self.folder.is_dir():
            raise IndexUnavailable(f"the data folder {self.folder} (PQ_DATA_DIR) is a file, not a folder")
        self._embedder = embedder
        # True: the vectors shipped with the corpus; a folder: those; None/False: embed everything.
        self._vector_cache = vector_cache
        self.lexical_dir = self.folder / "lexical"
        self.state_path = self.lexical_dir / "state.json"
        self.dense_path = self.folder / "dense.npz"
        self._loaded: LoadedIndex | None = None
        self._state_cache: tuple[tuple, dict] | None = None

    # -- the embedder, loaded only when needed ----------------------------------------------------
    @property
    def embedder(self):
        if self._embedder is None:
            from bot.retrieval.embeddings import get_embedder

            self._embedder = get_embedder()
        return self._embedder

    @property
    def embedder_spec(self) -> str:
        if self._embedder is not None:
            return self._embedder.spec
        from bot.retrieval.embeddings import configured_spec

        return configured_spec()

    # -- state ------------------------------------------------------------------------------------
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
            if not isinstance(state, dict) or not isinstance(state.get("sources"), dict):
                raise ValueError("not an index state")
        except FileNotFoundError:
            return None
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise IndexUnavailable(f"the index state file {self.state_path} is unreadable ({exc}); rebuild with: {REBUILD}") from None
        self._state_cache = (stamp, state)
        return state

    def _write_state(self, state: dict) -> None:
        self.lexical_dir.mkdir(parents=True, exist_ok=True)
        tmp = self.state_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(state, indent=2), encoding="utf-8")
        os.replace(tmp, self.state_path)

    def exists(self) -> bool:
        return self.state() is not None

    def _local_chroma(self) -> Path:
        return self.folder / "chroma"

    def _forget_client(self) -> None:
        # Chroma keeps one system per path and process: a store that was removed or failed must be opened anew,
        # and a serving app need not keep the store in memory (search never reads it).
        from chromadb.api.client import SharedSystemClient

        SharedSystemClient.clear_system_cache()

    def client(self):
        """A Chroma client (Chroma itself keeps one per store and process, so this is cheap)."""
        try:
            return chroma_client(self._local_chroma())
        except PQError:
            raise
        except Exception as exc:  # noqa: BLE001 - a damaged chroma.sqlite3 raises Chroma's own errors
            self._forget_client()
            raise IndexUnavailable(f"the Chroma store in {self._local_chroma()} cannot be opened ({type(exc).__name__}: "
                                   f"{exc}); rebuild the index with: {REBUILD}") from None

    def collection_name(self) -> str | None:
        state = self.state()
        return collection_name(state["index_id"]) if state and state.get("index_id") else None

    def collection(self, create: bool = False, index_id: str | None = None):
        """The index's Chroma collection (None when the index has none yet and not `create`)."""
        name = collection_name(index_id) if index_id else self.collection_name()
        if name is None:
            return None
        try:
            return open_collection(self.client(), name, self.embedder_spec, getattr(self._embedder, "dim", 0), create)
        except PQError:
            raise
        except Exception as exc:  # noqa: BLE001
            raise IndexUnavailable(f"the index's Chroma collection {name!r} cannot be read ({type(exc).__name__}: {exc}); "
                                   f"rebuild the index with: {REBUILD}") from None

    # -- ingestion --------------------------------------------------------------------------------
    def ingest(self, sources: Iterable[str] | None = None, progress: Progress | None = None, rebuild: bool = False,
               batch_size: int = BATCH, on_start=None) -> IngestReport:
        """Bring the index up to date for `sources` plus those already indexed; `on_start()` is called once the
        lock is taken (so nothing announces a build that another ingest then refuses)."""
        sources = list(sources) if sources is not None else None
        for name in sources or []:
            get_source(name)  # a bad name is an error before anything is locked or loaded
        self.folder.mkdir(parents=True, exist_ok=True)
        with open(self.folder / "ingest.lock", "w") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise PQError(f"another ingest is running on {self.folder}; wait for it to finish") from None
            if on_start:
                on_start()
            try:
                return self._ingest(sources, progress or (lambda *_: None), rebuild, batch_size)
            finally:
                if chroma_url() is None:
                    self._forget_client()

    def _previous_state(self, rebuild: bool) -> dict | None:
        if rebuild:
            return None
        try:
            state = self.state()
        except IndexUnavailable:
            return None  # unreadable: built again from scratch
        if state and state.get("format") != INDEX_FORMAT:
            return None  # another layout: rebuilt (its vectors are found again by text in the shipped cache)
        return state

    def _reset(self, previous: dict | None) -> None:
        """Forget the current index: its own collection (never another one), its lexical part and matrix."""
        try:
            state = self.state()
        except IndexUnavailable:
            state = None
        if chroma_url() is None:
            shutil.rmtree(self._local_chroma(), ignore_errors=True)  # embedded: the whole store is this index's
            self._forget_client()
        elif state and state.get("index_id"):
            drop_collection(self.client(), collection_name(state["index_id"]))
        shutil.rmtree(self.lexical_dir, ignore_errors=True)
        self.dense_path.unlink(missing_ok=True)
        self._state_cache = None

    def _ingest(self, sources, progress: Progress, rebuild: bool, batch_size: int) -> IngestReport:
        started = time.perf_counter()
        previous = self._previous_state(rebuild)
        if previous is None and (self.state_path.exists() or self.dense_path.exists() or self._local_chroma().exists()):
            self._reset(previous)
        wanted = list(dict.fromkeys([*(sources or configured_sources()), *((previous or {}).get("sources", {}) or {})]))
        for name in wanted:
            get_source(name)
        fingerprints = {name: source_fingerprint(name) for name in wanted}
        report = IngestReport(sources=wanted)
        index_id = (previous or {}).get("index_id") or secrets.token_hex(6)
        fingerprint = embedder_fingerprint(self.embedder)  # the model loads here, after the lock
        if previous and previous.get("embedder") != self.embedder.spec:
            raise IndexUnavailable(
                f"the index in {self.folder} was built with the embedder {previous.get('embedder')!r}, but "
                f"{self.embedder.spec!r} is configured (PQ_EMBEDDER); rebuild: PQ_EMBEDDER={self.embedder.spec} {REBUILD}")

        # The store is opened first: a damaged one stops the ingest before anything is rewritten.
        collection = self.collection(create=True, index_id=index_id)
        if (previous and previous.get("complete") and previous.get("embedder_fingerprint") == fingerprint
                and {n: s["fingerprint"] for n, s in previous["sources"].items()} == fingerprints
                and self._dense_intact(previous) and self._store_intact(previous)):
            report.chunks = report.unchanged = previous["chunks"]
            report.up_to_date = True
            report.seconds = time.perf_counter() - started
            return report

        t0 = time.perf_counter()
        chunks: list[Chunk] = []
        docs: list[Document] = []
        per_source: dict[str, dict] = {}
        seen_docs: set[str] = set()
        for name in wanted:
            before = len(chunks)
            for doc in get_source(name).documents():
                if doc.id in seen_docs:
                    continue  # the same id twice (a file copied under another name): the first counts
                seen_docs.add(doc.id)
                docs.append(doc)
                chunks.extend(document_chunks(doc, name))
            per_source[name] = {"fingerprint": fingerprints[name], "chunks": len(chunks) - before}
        report.chunks = len(chunks)
        report.timings["parse_and_chunk"] = time.perf_counter() - t0

        t0 = time.perf_counter()
        self._write_lexical(chunks, docs)
        report.timings["lexical"] = time.perf_counter() - t0
        state = {"format": INDEX_FORMAT, "index_id": index_id, "embedder": self.embedder.spec,
                 "embedder_fingerprint": fingerprint, "sources": per_source, "chunks": len(chunks), "complete": False}
        # Not complete until every unit has its vector: a crash from here on is repaired by the next run.
        self._write_state(state)
        self._loaded = None  # searches from now on see the new units (lexically at once)
        progress("lexical", 1, 1)

        t0 = time.perf_counter()
        stored = self._stored(collection)
        report.timings["compare_store"] = time.perf_counter() - t0
        keys = text_keys([c.dense_text for c in chunks])
        dim = int(self.embedder.dim)
        vectors = np.zeros((len(chunks), dim), dtype=np.float32)
        have = np.zeros(len(chunks), dtype=bool)

        t0 = time.perf_counter()
        known = self._known_vectors(chunks, keys, stored, collection, fingerprint, report)
        for i, key in enumerate(keys.tolist()):
            vector = known.get(key)
            if vector is not None and len(vector) == dim:
                vectors[i] = vector
                have[i] = True
        report.reused = int(have.sum())
        report.timings["reuse_vectors"] = time.perf_counter() - t0

        # Embed each missing distinct text once; store each batch in Chroma at once (crash-safe).
        missing: dict[int, list[int]] = {}
        for i in np.flatnonzero(~have).tolist():
            missing.setdefault(int(keys[i]), []).append(i)
        todo = list(missing)
        if todo:
            progress("embedding", 0, len(todo))
        just_stored: set[str] = set()
        for start in range(0, len(todo), batch_size):
            batch = todo[start:start + batch_size]
            e0 = time.perf_counter()
            fresh = np.asarray(self.embedder.embed_documents([chunks[missing[k][0]].dense_text for k in batch]), dtype=np.float32)
            report.embed_seconds += time.perf_counter() - e0
            rows = [i for k in batch for i in missing[k]]
            for key, vector in zip(batch, fresh, strict=True):
                vectors[missing[key]] = vector
                have[missing[key]] = True
            self._store(collection, [chunks[i] for i in rows], vectors[rows])
            just_stored.update(chunks[i].id for i in rows)
            report.embedded += len(batch)
            progress("embedding", report.embedded, len(todo))

        t0 = time.perf_counter()
        DenseMatrix(keys=np.where(have, keys, 0).astype(np.uint64), vectors=vectors, fingerprint=fingerprint).save(self.dense_path)
        report.timings["dense_matrix"] = time.perf_counter() - t0
        self._loaded = None  # hybrid from here on
        progress("dense", 1, 1)

        # Mirror into Chroma what it lacks or holds differently; metadata-only changes update metadata only.
        t0 = time.perf_counter()
        wanted_ids = {c.id for c in chunks}
        same_vector = [c.id not in just_stored and stored.get(c.id, ("", ""))[0] == c.content_hash for c in chunks]
        put = [i for i, c in enumerate(chunks) if c.id not in just_stored and not same_vector[i]]
        relabel = [i for i, c in enumerate(chunks) if same_vector[i] and stored[c.id][1] != c.metadata_hash]
        if put:
            progress("storing", 0, len(put))
        for start in range(0, len(put), STORE_BATCH):
            rows = put[start:start + STORE_BATCH]
            self._store(collection, [chunks[i] for i in rows], vectors[rows])
            report.stored += len(rows)
            progress("storing", report.stored, len(put))
        for start in range(0, len(relabel), STORE_BATCH):
            rows = relabel[start:start + STORE_BATCH]
            collection.update(ids=[chunks[i].id for i in rows], metadatas=[chunks[i].chroma_metadata() for i in rows])
        stale = [chunk_id for chunk_id in stored if chunk_id not in wanted_ids]
        for start in range(0, len(stale), STORE_BATCH):
            collection.delete(ids=stale[start:start + STORE_BATCH])
        report.deleted = len(stale)
        report.unchanged = sum(same_vector)
        report.timings["store"] = time.perf_counter() - t0

        ids_digest = _ids_digest(wanted_ids)
        if _ids_digest(self._stored_ids(collection)) != ids_digest:
            raise IndexUnavailable(f"the Chroma collection of the index does not hold the index's units after ingest; "
                                   f"run the ingest again or rebuild: {REBUILD}")
        self._write_state({**state, "complete": True, "ids_digest": ids_digest})
        self._loaded = None
        report.seconds = time.perf_counter() - started
        return report

    def _known_vectors(self, chunks: list[Chunk], keys: np.ndarray, stored: dict, collection, fingerprint: str,
                       report: IngestReport) -> dict[int, np.ndarray]:
        """Vectors already computed for these texts: the previous matrix, the Chroma collection, the shipped cache."""
        known: dict[int, np.ndarray] = {}
        if self.dense_path.exists():
            try:
                with np.load(self.dense_path, allow_pickle=False) as data:
                    if str(data["fingerprint"]) == fingerprint:
                        previous = DenseMatrix(keys=data["keys"].astype(np.uint64), vectors=data["vectors"].astype(np.float32),
                                               fingerprint=fingerprint)
                        known.update(previous.by_key())
            except Exception:  # noqa: BLE001 - a damaged matrix is rebuilt from the other sources
                pass
        need = [c.id for c, key in zip(chunks, keys.tolist(), strict=True)
                if key not in known and stored.get(c.id, ("", ""))[0] == c.content_hash]
        for start in range(0, len(need), 5000):
            got = collection.get(ids=need[start:start + 5000], include=["embeddings", "metadatas"])
            for meta, vector in zip(got["metadatas"], got["embeddings"], strict=True):
                key = int((meta or {}).get("hash", "0") or "0", 16)
                known.setdefault(key, np.asarray(vector, dtype=np.float32))
        if any(key not in known for key in keys.tolist()):
            cache = self._shipped_cache(fingerprint)
            if cache is not None:
                report.cache_problems = cache.problems
                hits = {key: cache.get(key) for key in set(keys.tolist()) if key not in known}
                hits = {key: vector for key, vector in hits.items() if vector is not None}
                if hits and self._cache_agrees(chunks, keys, hits):
                    known.update(hits)
                elif hits:
                    report.cache_problems.append("the shipped vectors do not match this model's output; embedding afresh")
        return known

    def _shipped_cache(self, fingerprint: str) -> VectorCache | None:
        if not self._vector_cache:
            return None
        folder = shipped_vectors_dir() if self._vector_cache is True else Path(self._vector_cache)
        return VectorCache(folder, fingerprint)

    def _cache_agrees(self, chunks: list[Chunk], keys: np.ndarray, hits: dict[int, np.ndarray]) -> bool:
        """Re-embed a few cached texts: the cache is used only if the model gives the same vectors."""
        sample, seen = [], set()
        for chunk, key in zip(chunks, keys.tolist(), strict=True):
            if key in hits and key not in seen:
                seen.add(key)
                sample.append((chunk.dense_text, hits[key]))
            if len(sample) == CACHE_SPOT_CHECKS:
                break
        fresh = np.asarray(self.embedder.embed_documents([text for text, _ in sample]), dtype=np.float32)
        return all(float(f @ c) > 0.98 for f, (_, c) in zip(fresh, sample, strict=True))

    @staticmethod
    def _store(collection, chunks: list[Chunk], vectors: np.ndarray) -> None:
        collection.upsert(ids=[c.id for c in chunks], embeddings=vectors, metadatas=[c.chroma_metadata() for c in chunks])

    @staticmethod
    def _stored(collection) -> dict[str, tuple[str, str]]:
        """id -> (vector hash, metadata hash) of every unit in the collection."""
        stored: dict[str, tuple[str, str]] = {}
        total = collection.count()
        for offset in range(0, total, 5000):
            got = collection.get(include=["metadatas"], limit=5000, offset=offset)
            for chunk_id, meta in zip(got["ids"], got["metadatas"], strict=True):
                stored[chunk_id] = ((meta or {}).get("hash", ""), (meta or {}).get("meta_hash", ""))
        return stored

    def _dense_intact(self, state: dict) -> bool:
        try:
            dense = DenseMatrix.load(self.dense_path, state["chunks"])
        except IndexUnavailable:
            return False
        return dense.complete and dense.fingerprint == state.get("embedder_fingerprint")

    @staticmethod
    def _stored_ids(collection) -> list[str]:
        ids: list[str] = []
        total = collection.count()
        for offset in range(0, total, 20000):
            ids += collection.get(include=[], limit=20000, offset=offset)["ids"]
        return ids

    def _store_intact(self, state: dict) -> bool:
        """Chroma holds exactly the index's ids (a colleague's rebuild or a wiped store is noticed here)."""
        try:
            collection = self.collection(create=False)
            if collection is None:
                return False
            ids = self._stored_ids(collection)
        except IndexUnavailable:
            return False
        return _ids_digest(ids) == state.get("ids_digest")

    def _write_lexical(self, chunks: list[Chunk], docs: list[Document]) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        tmp = self.folder / "lexical.tmp"
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir()
        ChunkTable.write(tmp, chunks, docs)
        FieldedLexicalIndex.build([c.text for c in chunks]).save(tmp / "bm25")
        order = list(dict.fromkeys(c.doc_id for c in chunks))
        by_id = {d.id: d for d in docs}
        FieldedLexicalIndex.build_sides([question_text(by_id[i]) for i in order],
                                        [answer_text(by_id[i]) for i in order]).save(tmp / "bm25doc")
        if self.state_path.exists():
            shutil.copy2(self.state_path, tmp / "state.json")
        old = self.folder / "lexical.old"
        shutil.rmtree(old, ignore_errors=True)
        if self.lexical_dir.exists():
            os.replace(self.lexical_dir, old)
        os.replace(tmp, self.lexical_dir)
        shutil.rmtree(old, ignore_errors=True)
        self._state_cache = None

    # -- opening ----------------------------------------------------------------------------------
    def load(self) -> LoadedIndex:
        """The unit table, BM25 and unit vectors, read once; a clear error when the index is missing or damaged."""
        if self._loaded is None:
            state = self.state()
            if state is None:
                raise IndexUnavailable(f"no precedent index in {self.folder}; build it with: python -m bot ingest")
            if state.get("format") != INDEX_FORMAT:
                raise IndexUnavailable(f"the index in {self.folder} was built by another version of PQ Assistant; "
                                       f"rebuild it with: {REBUILD}")
            if state.get("embedder") != self.embedder_spec:
                raise IndexUnavailable(
                    f"the index in {self.folder} was built with the embedder {state.get('embedder')!r}, but "
                    f"{self.embedder_spec!r} is configured (PQ_EMBEDDER). Set PQ_EMBEDDER={state.get('embedder')} "
                    f"or rebuild: PQ_EMBEDDER={self.embedder_spec} {REBUILD}"
                )
            try:
                table = ChunkTable.read(self.lexical_dir)
                lexical = FieldedLexicalIndex.load(self.lexical_dir / "bm25")
                doc_lexical = FieldedLexicalIndex.load(self.lexical_dir / "bm25doc")
                if len(lexical.question) != len(table) or len(doc_lexical.question) != len(table.docs):
                    raise ValueError("the BM25 index does not match the unit table")
            except Exception as exc:  # noqa: BLE001 - a damaged file raises JSON, numpy, zip or OS errors alike
                raise IndexUnavailable(f"the lexical index in {self.lexical_dir} is damaged ({type(exc).__name__}: {exc}); "
                                       f"rebuild with: {REBUILD}") from None
            dense, notice = None, None
            if not state.get("complete") and not self.dense_path.exists():
                notice = ("the semantic part of the index is still being built; search is lexical (BM25) only until "
                          "`python -m bot ingest` completes")
            else:
                try:
                    dense = DenseMatrix.load(self.dense_path, len(table))
                    if dense.fingerprint != state.get("embedder_fingerprint"):
                        raise IndexUnavailable(f"the dense part of the index does not match its embedder; rebuild with: {REBUILD}")
                    if not dense.complete:
                        dense = None
                        notice = ("the semantic part of the index is incomplete; search is lexical (BM25) only until "
                                  "`python -m bot ingest` completes")
                except IndexUnavailable as exc:
                    notice = f"search is lexical (BM25) only: {exc}"
            self._loaded = LoadedIndex(table=table, lexical=lexical, doc_lexical=doc_lexical, dense=dense, notice=notice)
        return self._loaded

    def notice(self) -> str | None:
        """Why search runs in a degraded mode (lexical only), or None."""
        return self.load().notice

    def dense_complete(self) -> bool:
        """True when every unit has its vector in the matrix search reads."""
        return self.load().dense is not None

    def status(self) -> dict:
        state = self.state()
        if state is None:
            return {"exists": False, "sources": [], "chunks": 0, "embedded": 0, "complete": False}
        collection = self.collection(create=False)
        return {"exists": True, "sources": list(state["sources"]), "chunks": state["chunks"],
                "embedded": collection.count() if collection is not None else 0,
                "complete": bool(state.get("complete")), "embedder": state.get("embedder"),
                "collection": self.collection_name()}

    # -- the shipped vector cache -----------------------------------------------------------------
    def write_vector_cache(self, folder: Path | None = None) -> dict[str, int]:
        """Write the index's vectors, one file per source, for shipping with the corpus."""
        loaded = self.load()
        if loaded.dense is None:
            raise PQError(f"the index is not complete ({loaded.notice}); run python -m bot ingest first")
        folder = folder or shipped_vectors_dir()
        written = {}
        sources = loaded.table.frame["source"].to_numpy()
        for name in dict.fromkeys(sources.tolist()):
            rows = np.flatnonzero(sources == name)
            keys, first = np.unique(loaded.dense.keys[rows], return_index=True)
            VectorCache.write(folder / f"{name}.npz", keys, loaded.dense.vectors[rows[first]], loaded.dense.fingerprint)
            written[name] = len(keys)
        return written


def all_source_names() -> list[str]:
    return list(SOURCES)

