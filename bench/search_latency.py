"""Search latency, warm, over the index in --dir (default var/).

    python bench/search_latency.py [--dir var] [--rounds 3]

Runs every development-set query (with and without filters) after one warm-up pass and
prints p50/p95/max per mode in milliseconds, the time to open the index, and peak RSS.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.retrieval.index import PrecedentIndex  # noqa: E402
from bot.retrieval.search import SearchFilters, search  # noqa: E402

FILTERS = [
    SearchFilters(),
    SearchFilters(sources=["dekamer-qrva-2017"], answered_only=True),
    SearchFilters(department="Justitie"),
    SearchFilters(date_from="2017-03-01", date_to="2017-06-30"),
]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", default="var")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    queries = [json.loads(line)["query"] for line in Path(__file__).with_name("devset.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]

    started = time.perf_counter()
    index = PrecedentIndex(Path(args.dir))
    table = index.load().table
    index.embedder.embed_query("opwarmen")
    opened = time.perf_counter() - started

    for query in queries:  # warm-up: caches, HNSW pages
        search(index, query, k=10)
    result = {"units": len(table), "open_seconds": round(opened, 2)}
    for mode in ("hybrid", "bm25", "dense"):
        timings = []
        for _ in range(args.rounds):
            for i, query in enumerate(queries):
                filters = FILTERS[i % len(FILTERS)]
                t0 = time.perf_counter()
                search(index, query, k=10, filters=filters, mode=mode)
                timings.append((time.perf_counter() - t0) * 1000)
        result[mode] = {"n": len(timings), "p50_ms": round(statistics.median(timings), 1),
                        "p95_ms": round(percentile(timings, 0.95), 1), "max_ms": round(max(timings), 1)}
    result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
