"""The search's one matrix product (every unit's vector with the query vectors), on two cores when one is free.

numpy's BLAS keeps one thread (its workers spin after each product and take the core the embedding engine counts
on; free_cores.py), so the rows are split between the calling thread and one worker thread instead: numpy releases
the GIL during the product, and the worker sleeps when done. 40,389 × 384 with one query: 5.2 ms in one thread,
3.1 ms split (bench/search_latency.py prints the search figures). The split falls on a block boundary of the BLAS
kernel, so every row's dot product is the same computation either way and the cosines are identical.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor

import numpy as np

from bot.retrieval.free_cores import blas_on_one_thread, free_threads

MIN_ROWS_TO_SPLIT = 4_096  # below this, handing half to another thread costs more than it saves
SPLIT_BLOCK = 256  # a multiple of the row blocks of the BLAS kernels (4 to 16 rows)
_worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pq-dense-product")


def _new_worker_in_child() -> None:
    # A forked child inherits the executor but not its thread: work handed to it would never run.
    global _worker
    _worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pq-dense-product")


os.register_at_fork(after_in_child=_new_worker_in_child)


def unit_cosines(vectors: np.ndarray, queries: np.ndarray) -> np.ndarray:
    """`vectors @ queries` for unit vectors (n × d) and query vectors (d × q): n × q."""
    out = np.empty((vectors.shape[0], queries.shape[1]), dtype=np.result_type(vectors, queries))
    # BLAS computes rows in blocks and the last few rows of a product another way, summing in another order: a
    # split on a block boundary leaves every row in the same kind of block as the unsplit product.
    half = len(vectors) // 2 // SPLIT_BLOCK * SPLIT_BLOCK
    # With BLAS on several threads (the engine is not loaded) the product is already spread, and split otherwise.
    if len(vectors) >= MIN_ROWS_TO_SPLIT and blas_on_one_thread() and free_threads() >= 2:
        other = _worker.submit(np.matmul, vectors[half:], queries, out=out[half:])
        np.matmul(vectors[:half], queries, out=out[:half])
        other.result()
    else:
        np.matmul(vectors, queries, out=out)
    return out
