"""Benchmark: full ingest of corpus sources, then a second (no-op) run.

    python bench/ingest.py [--dir var/bench-index] [--source NAME ...] [--rebuild] [--no-cache]

Prints: units, distinct texts embedded, vectors reused from the shipped cache (corpus/vectors/;
--no-cache embeds everything), wall time, the time spent inside the embedding model, the raw
throughput of the model on a sample of the same texts (so the ingest overhead is visible),
per-step times, the second run's time, index size on disk and peak RSS.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.parse.corpus import SOURCES, get_source  # noqa: E402
from bot.retrieval.index import PrecedentIndex, tqdm_progress  # noqa: E402
from bot.retrieval.units import document_chunks  # noqa: E402


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def raw_throughput(index: PrecedentIndex, sources: list[str], sample: int = 256) -> float:
    """Units/s of the bare model on an even sample of the same dense texts, in the same batches."""
    texts = [c.dense_text for name in sources for d in get_source(name).documents() for c in document_chunks(d, name)]
    step = max(1, len(texts) // sample)
    picked = texts[::step][:sample]
    started = time.perf_counter()
    for i in range(0, len(picked), 32):
        index.embedder.embed_documents(picked[i:i + 32])
    return len(picked) / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", default="var/bench-index", help="index data directory (default var/bench-index)")
    parser.add_argument("--source", action="append", help="source to index (repeatable; default: all)")
    parser.add_argument("--rebuild", action="store_true", help="drop the index first (a cold, full build)")
    parser.add_argument("--no-cache", action="store_true", help="do not use the vectors shipped in corpus/vectors/")
    args = parser.parse_args()
    sources = args.source or list(SOURCES)
    index = PrecedentIndex(Path(args.dir), vector_cache=None if args.no_cache else True)

    first = index.ingest(sources, progress=tqdm_progress(), rebuild=args.rebuild)
    second = index.ingest(sources)
    raw = raw_throughput(index, sources)
    figures = {
        "sources": sources,
        "units": first.chunks,
        "texts_embedded": first.embedded,
        "vectors_reused": first.reused,
        "stored_in_chroma": first.stored,
        "ingest_seconds": round(first.seconds, 1),
        "embedded_texts_per_s": round(first.embedded / first.embed_seconds, 2) if first.embedded else None,
        "embed_seconds": round(first.embed_seconds, 1),
        "non_embedding_seconds": round(first.seconds - first.embed_seconds, 1),
        "raw_model_units_per_s": round(raw, 2),
        "overhead_ratio": round((first.seconds / first.embedded) * raw, 3) if first.embedded else None,
        "cache_problems": first.cache_problems,
        "step_seconds": {k: round(v, 2) for k, v in first.timings.items()},
        "second_run_seconds": round(second.seconds, 2),
        "second_run_embedded": second.embedded,
        "index_mb": round(folder_size(Path(args.dir)) / 1e6, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
