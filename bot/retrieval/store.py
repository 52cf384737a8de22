"""Where the index lives: a data directory and a Chroma collection (embedded or a shared server).

Embedded `PersistentClient` under $PQ_DATA_DIR (default: the project's git-ignored `var/`);
a Chroma server when $PQ_CHROMA_URL is set (e.g. http://127.0.0.1:8000). Our embeddings
are always passed explicitly; Chroma's own default model would try to download.

Each index has its own collection, `<PQ_CHROMA_COLLECTION>-<index id>` (the id is drawn when the
index is first built and kept in its state file), so on a shared server one user's rebuild
drops only that user's collection, never a colleague's vectors.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

from bot.settings import settings
from tools.errors import PQError


class IndexUnavailable(PQError):
    """The index is missing, half-built in an unusable way, or built with another embedder."""


class EmbedderMismatch(IndexUnavailable):
    pass


def data_dir() -> Path:
    return settings().data_dir


def chroma_url() -> str | None:
    return settings().chroma_url


def collection_prefix() -> str:
    return settings().chroma_collection


def collection_name(index_id: str) -> str:
    return f"{collection_prefix()}-{index_id}"


def _settings():
    from chromadb.config import Settings

    return Settings(anonymized_telemetry=False)


def chroma_client(folder: Path):
    import chromadb

    url = chroma_url()
    if url:
        parsed = urlparse(url if "://" in url else f"http://{url}")
        if not parsed.hostname:
            raise PQError(f"PQ_CHROMA_URL is not a URL: {url!r}")
        try:
            return chromadb.HttpClient(host=parsed.hostname, port=parsed.port or 8000, ssl=parsed.scheme == "https", settings=_settings())
        except Exception as exc:  # noqa: BLE001 - connection errors come in many types
            raise PQError(f"cannot reach the Chroma server at {url}: {exc}") from None
    folder.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(folder), settings=_settings())


def open_collection(client, name: str, spec: str, dim: int, create: bool):
    """The index's collection, checked against the embedder; None if absent and not `create`."""
    existing = {c if isinstance(c, str) else c.name for c in client.list_collections()}
    if name not in existing:
        if not create:
            return None
        return client.create_collection(name, embedding_function=None, metadata={"embedder": spec, "dim": dim, "hnsw:space": "cosine"})
    collection = client.get_collection(name, embedding_function=None)
    built_with = (collection.metadata or {}).get("embedder")
    if built_with != spec:
        raise EmbedderMismatch(
            f"the index was built with the embedder {built_with!r}, but {spec!r} is configured (PQ_EMBEDDER). "
            f"Set PQ_EMBEDDER={built_with} to use this index, or rebuild it with the new embedder: "
            f"PQ_EMBEDDER={spec} python -m bot ingest --rebuild"
        )
    return collection


def drop_collection(client, name: str) -> None:
    existing = {c if isinstance(c, str) else c.name for c in client.list_collections()}
    if name in existing:
        client.delete_collection(name)
