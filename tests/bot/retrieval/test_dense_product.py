from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest
from threadpoolctl import threadpool_limits

from bot.retrieval import dense_product, free_cores


class CountingWorker:
    def __init__(self):
        self.pool, self.calls = ThreadPoolExecutor(max_workers=1), 0

    def submit(self, *args, **kwargs):
        self.calls += 1
        return self.pool.submit(*args, **kwargs)


@pytest.fixture
def split_allowed(monkeypatch):
    """BLAS on one thread (as once the embedding engine is loaded) and a free core, whatever the test machine has."""
    worker = CountingWorker()
    monkeypatch.setattr(dense_product, "_worker", worker)
    monkeypatch.setitem(free_cores._blas, "one_thread", True)
    monkeypatch.setattr(dense_product, "free_threads", lambda: 2)
    with threadpool_limits(limits=1, user_api="blas"):
        yield worker


@pytest.mark.parametrize("rows", [4_096, 4_097, 10_001, 20_195, 40_389])
@pytest.mark.parametrize("queries", [1, 8])
def test_the_split_product_is_the_unsplit_one_bit_for_bit(split_allowed, monkeypatch, rows, queries):
    rng = np.random.default_rng(rows + queries)
    vectors = rng.standard_normal((rows, 384)).astype(np.float32)
    query = rng.standard_normal((queries, 384)).astype(np.float32).T  # as search passes it: a transposed view
    split = dense_product.unit_cosines(vectors, query)
    assert split_allowed.calls == 1
    monkeypatch.setattr(dense_product, "free_threads", lambda: 1)  # no free core: one product in the caller
    whole = dense_product.unit_cosines(vectors, query)
    assert split_allowed.calls == 1
    assert split.shape == (rows, queries) and np.array_equal(split, whole) and np.array_equal(whole, vectors @ query)


def test_small_matrices_and_several_blas_threads_are_not_split(split_allowed, monkeypatch):
    vectors = np.ones((100, 4), dtype=np.float32)
    assert np.array_equal(dense_product.unit_cosines(vectors, np.ones((4, 1), dtype=np.float32)), np.full((100, 1), 4.0))
    monkeypatch.setitem(free_cores._blas, "one_thread", False)
    dense_product.unit_cosines(np.ones((8_000, 4), dtype=np.float32), np.ones((4, 1), dtype=np.float32))
    assert split_allowed.calls == 0


def test_searches_from_several_threads_get_their_own_cosines(split_allowed):
    rng = np.random.default_rng(7)
    vectors = rng.standard_normal((9_000, 64)).astype(np.float32)
    queries = [rng.standard_normal((64, 1)).astype(np.float32) for _ in range(12)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda q: dense_product.unit_cosines(vectors, q), queries * 3))
    for query, result in zip(queries * 3, results, strict=True):
        assert np.array_equal(result, vectors @ query)
    assert split_allowed.calls == 36


def test_a_forked_child_still_gets_its_product(monkeypatch):
    import os
    import signal
    import time

    monkeypatch.setitem(free_cores._blas, "one_thread", True)
    monkeypatch.setattr(dense_product, "free_threads", lambda: 2)
    vectors = np.random.default_rng(3).standard_normal((8_192, 16)).astype(np.float32)
    query = np.ones((16, 1), dtype=np.float32)
    with threadpool_limits(limits=1, user_api="blas"):
        dense_product.unit_cosines(vectors, query)  # the parent's worker thread is running now
        pid = os.fork()
        if pid == 0:  # the child: inherits the executor, not its thread
            ok = np.array_equal(dense_product.unit_cosines(vectors, query), vectors @ query)
            os._exit(0 if ok else 1)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            assert os.waitstatus_to_exitcode(status) == 0
            return
        time.sleep(0.05)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    pytest.fail("the child's product never finished: its half was handed to a thread that does not exist")
