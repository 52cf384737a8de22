"""The precedent index under faults: every damaged, emptied or missing file gives one clear error with
the rebuild command or a visible degraded-mode warning, never a traceback; a search writes nothing;
a shared Chroma server keeps each index's vectors apart; the ingest lock and the argument checks
come before the embedding model loads."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from bot import cli
from bot.retrieval.index import PrecedentIndex
from bot.retrieval.search import search
from tests.conftest import SEED

QUERY = "werkende asielzoekers VDAB"
SEED_ID = "vp:2023-2024:216"


@pytest.fixture(scope="module")
def seed_corpus(tmp_path_factory) -> Path:
    corpus = tmp_path_factory.mktemp("corpus")
    (corpus / "vlaams-parlement").mkdir()
    shutil.copy(SEED, corpus / "vlaams-parlement" / SEED.name)
    return corpus


@pytest.fixture(scope="module")
def built(seed_corpus, tmp_path_factory) -> Path:
    """A complete index of the seed (built once; each test damages a copy)."""
    folder = tmp_path_factory.mktemp("built")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PQ_CORPUS_DIR", str(seed_corpus))
        mp.delenv("PQ_CHROMA_URL", raising=False)
        from bot.settings import settings

        settings.cache_clear()
        PrecedentIndex(folder, vector_cache=None).ingest(["vlaams-parlement"])
        settings.cache_clear()
    return folder


@pytest.fixture
def copy(built, seed_corpus, tmp_path, env) -> Path:
    folder = tmp_path / "index"
    shutil.copytree(built, folder)
    env(PQ_DATA_DIR=str(folder), PQ_CORPUS_DIR=str(seed_corpus), PQ_SOURCES="vlaams-parlement", PQ_CHROMA_URL=None)
    return folder


def _cli(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _damage(path: Path, how: str) -> None:
    if how == "missing":
        path.unlink()
    elif how == "zeroed":
        path.write_bytes(b"\0" * path.stat().st_size)
    elif how == "empty":
        path.write_bytes(b"")
    elif how == "flipped":  # one bit in the middle: the file still parses
        data = bytearray(path.read_bytes())
        data[len(data) // 2] ^= 0x01
        path.write_bytes(bytes(data))
    else:  # truncated
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2])


LEXICAL_FILES = ["table.json", "unit_doc.npy", "texts.bin", "texts.offsets.npy", "doc_texts.bin", "doc_texts.offsets.npy",
                 "bm25/question/params.index.json", "bm25/question/vocab.index.json", "bm25/answer/data.csc.index.npy",
                 "bm25doc/question/indices.csc.index.npy", "bm25doc/answer/indptr.csc.index.npy", "bm25/answer/checksums.json"]


@pytest.mark.parametrize("how", ["truncated", "zeroed", "empty", "missing", "flipped"])
@pytest.mark.parametrize("name", LEXICAL_FILES)
def test_a_damaged_lexical_file_is_one_clear_error_with_the_rebuild_command(copy, capsys, name, how):
    _damage(copy / "lexical" / name, how)
    code, out, err = _cli(capsys, "search", QUERY, "--json")
    assert code == 2 and out == ""
    assert err.startswith("error: ") and err.count("\n") == 1 and "python -m bot ingest --rebuild" in err


@pytest.mark.parametrize("how", ["truncated", "zeroed", "empty"])
def test_a_damaged_state_file_is_one_clear_error(copy, capsys, how):
    _damage(copy / "lexical" / "state.json", how)
    code, _, err = _cli(capsys, "search", QUERY)
    assert code == 2 and err.startswith("error: ") and "--rebuild" in err and "Traceback" not in err


def test_a_missing_state_file_rebuilds_the_index(copy, capsys):
    (copy / "lexical" / "state.json").unlink()
    code, out, err = _cli(capsys, "search", QUERY, "--json")
    assert code == 0 and "building it now" in err
    assert '"vp:2023-2024:216"' in out


@pytest.mark.parametrize("how", ["truncated", "zeroed", "empty", "missing"])
def test_a_damaged_dense_file_is_a_visible_degraded_mode_and_ingest_repairs_it(copy, capsys, how):
    _damage(copy / "dense.npz", how)
    code, out, err = _cli(capsys, "search", QUERY, "--json")
    assert code == 0 and SEED_ID in out
    assert err.startswith("warning: search is lexical (BM25) only") and "python -m bot ingest" in err
    # The next ingest restores it from the index's own Chroma collection: nothing is embedded again.
    code, out, _ = _cli(capsys, "ingest", "--json")
    assert code == 0 and '"embedded": 0' in out
    code, _, err = _cli(capsys, "search", QUERY)
    assert code == 0 and err == ""


@pytest.mark.parametrize("how", ["truncated", "zeroed"])
def test_a_damaged_chroma_store_is_one_clear_error_and_a_rebuild_recovers(copy, capsys, how):
    _damage(copy / "chroma" / "chroma.sqlite3", how)
    # Search does not read the Chroma store at all: it still works, hybrid.
    code, out, err = _cli(capsys, "search", QUERY, "--json")
    assert code == 0 and SEED_ID in out and err == ""
    code, _, err = _cli(capsys, "ingest")
    assert code == 2 and err.startswith("error: ") and err.count("\n") == 1 and "python -m bot ingest --rebuild" in err
    code, _, err = _cli(capsys, "ingest", "--rebuild")
    assert code == 0, err
    assert PrecedentIndex(copy).status()["embedded"] == 9


def test_an_emptied_chroma_store_is_noticed_by_id_and_refilled_without_embedding(copy, capsys):
    shutil.rmtree(copy / "chroma")
    code, out, err = _cli(capsys, "ingest", "--json")
    assert code == 0, err
    assert '"up_to_date": false' in out and '"embedded": 0' in out and '"stored": 9' in out
    assert PrecedentIndex(copy).status()["embedded"] == 9


def _snapshot(folder: Path) -> dict[str, tuple[int, str]]:
    return {str(p.relative_to(folder)): (p.stat().st_mtime_ns, hashlib.sha1(p.read_bytes()).hexdigest())
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_search_writes_nothing_in_the_data_directory(copy, capsys):
    before = _snapshot(copy)
    for mode in ("hybrid", "dense", "bm25"):
        code, _, err = _cli(capsys, "search", QUERY, "--mode", mode)
        assert code == 0, err
    assert _snapshot(copy) == before


# -- the lock and the argument checks come before the model ----------------------------------------
@pytest.fixture
def model_must_not_load(monkeypatch):
    from bot.retrieval import embeddings

    def refuse(*_args, **_kwargs):
        raise AssertionError("the embedding model was loaded")

    monkeypatch.setattr(embeddings, "get_embedder", refuse)


@pytest.mark.parametrize("args", [
    ["search", QUERY, "-k", "0"],
    ["search", QUERY, "--from", "2030-01-01", "--to", "2001-01-01"],
    ["search", QUERY, "--source", "nosuch"],
    ["search", ""],
    ["search", "x" * 6000],
    ["ingest", "--source", "nosuch"],
])
def test_bad_arguments_are_refused_before_the_model_loads(copy, capsys, model_must_not_load, args):
    code, _, err = _cli(capsys, *args)
    assert code == 2 and err.startswith("error: ") and err.count("\n") == 1


def test_a_binary_queries_file_is_one_clear_error(copy, capsys, tmp_path, model_must_not_load):
    queries = tmp_path / "q.jsonl"
    queries.write_bytes(bytes(range(256)) * 8)
    code, _, err = _cli(capsys, "search", "--queries", str(queries))
    assert code == 2 and err.startswith("error: ") and "binary" in err and err.count("\n") == 1


def test_the_ingest_lock_is_taken_before_the_model_loads(copy, monkeypatch):
    import fcntl

    from bot.retrieval import embeddings

    real = embeddings.get_embedder
    seen = {}

    def observe(*args, **kwargs):
        with open(copy / "ingest.lock", "w") as probe:
            try:
                fcntl.flock(probe, fcntl.LOCK_EX | fcntl.LOCK_NB)
                seen["locked"] = False
            except BlockingIOError:
                seen["locked"] = True
        return real(*args, **kwargs)

    monkeypatch.setattr(embeddings, "get_embedder", observe)
    PrecedentIndex(copy).ingest(rebuild=True)
    assert seen == {"locked": True}


# -- a shared Chroma server --------------------------------------------------------------------------
def test_on_a_shared_server_one_users_rebuild_never_touches_anothers_vectors(env, seed_corpus, tmp_path, chroma_server):
    import chromadb

    port = chroma_server
    env(PQ_CORPUS_DIR=str(seed_corpus), PQ_SOURCES="vlaams-parlement", PQ_CHROMA_URL=f"http://127.0.0.1:{port}")
    alice, bob = PrecedentIndex(tmp_path / "alice"), PrecedentIndex(tmp_path / "bob")
    alice.ingest(["vlaams-parlement"])
    bob.ingest(["vlaams-parlement"])
    assert alice.collection_name() != bob.collection_name()
    assert alice.status()["embedded"] == bob.status()["embedded"] == 9

    alice.ingest(rebuild=True)  # drops alice's collection only
    assert bob.status()["embedded"] == 9
    assert bob.ingest().up_to_date

    # Someone deletes bob's vectors behind his back: his next ingest notices it by id and restores them.
    client = chromadb.HttpClient(host="127.0.0.1", port=port)
    client.get_collection(bob.collection_name()).delete(ids=[f"{SEED_ID}#q3"])
    report = bob.ingest()
    assert not report.up_to_date and report.stored == 1 and report.embedded == 0
    assert bob.status()["embedded"] == 9
    assert search(bob, "beroepen van werkende asielzoekers", k=1, mode="dense")[0].id == SEED_ID
