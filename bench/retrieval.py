"""Retrieval quality on the development set: BM25-only vs dense-only vs hybrid.

    python bench/retrieval.py [--dir var] [--devset bench/devset.jsonl]

The development set holds Dutch queries written for this project, each a paraphrase of a
specific corpus question, with the gold document ids (several when the same question went to
several ministers). Prints recall@1/5/10 (share of gold ids in the top k, averaged) and
MRR@10 per mode, and checks that no query copies 4+ consecutive words of its gold question.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.retrieval.index import PrecedentIndex  # noqa: E402
from bot.retrieval.lexical import fold  # noqa: E402
from bot.retrieval.search import search  # noqa: E402

MODES = ("bm25", "dense", "hybrid")


def ngrams(text: str, n: int = 4) -> set[tuple[str, ...]]:
    words = fold(text).replace("'", " ").split()
    words = ["".join(ch for ch in w if ch.isalnum()) for w in words]
    words = [w for w in words if w]
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


def metrics(ranked: list[str], gold: list[str]) -> dict[str, float]:
    out = {f"recall@{k}": len(set(ranked[:k]) & set(gold)) / len(gold) for k in (1, 5, 10)}
    out["mrr@10"] = next((1.0 / (i + 1) for i, doc_id in enumerate(ranked[:10]) if doc_id in gold), 0.0)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", default="var", help="index data directory (default var)")
    parser.add_argument("--devset", default=str(Path(__file__).with_name("devset.jsonl")))
    parser.add_argument("--show-misses", action="store_true", help="list queries whose gold is not in the hybrid top 10")
    args = parser.parse_args()
    items = [json.loads(line) for line in Path(args.devset).read_text(encoding="utf-8").splitlines() if line.strip()]
    index = PrecedentIndex(Path(args.dir))
    table = index.load().table
    indexed = set(table.frame["doc_id"])

    skipped = [it["qid"] for it in items if not set(it["gold"]) & indexed]
    items = [it for it in items if set(it["gold"]) & indexed]
    texts = table.frame.groupby("doc_id")["text"].apply(" ".join)
    copied = [it["qid"] for it in items if any(ngrams(it["query"]) & ngrams(texts[g]) for g in it["gold"] if g in texts)]

    totals = {mode: {} for mode in MODES}
    halves = {half: {mode: 0.0 for mode in MODES} for half in "AB"}
    misses = []
    for position, it in enumerate(items):
        gold = [g for g in it["gold"] if g in indexed]
        for mode in MODES:
            ranked = [h.id for h in search(index, it["query"], k=10, mode=mode)]
            for name, value in metrics(ranked, gold).items():
                totals[mode][name] = totals[mode].get(name, 0.0) + value
            halves["AB"[position % 2]][mode] += metrics(ranked, gold)["mrr@10"]
            if mode == "hybrid" and not set(ranked) & set(gold):
                misses.append((it["qid"], it["query"], ranked[:3]))
    n = len(items)
    print(f"queries: {n} (skipped, gold not indexed: {len(skipped)}); queries sharing 4+ consecutive words with their gold: {copied or 'none'}")
    print(f"{'mode':8} {'R@1':>6} {'R@5':>6} {'R@10':>6} {'MRR@10':>7}")
    for mode in MODES:
        t = totals[mode]
        print(f"{mode:8} {t['recall@1'] / n:6.3f} {t['recall@5'] / n:6.3f} {t['recall@10'] / n:6.3f} {t['mrr@10'] / n:7.3f}")
    # The fusion weights were chosen on half A (even positions) and checked on half B.
    for half in "AB":
        size = len(items[0 if half == "A" else 1::2])
        print(f"MRR@10 on half {half} ({size} queries): " + ", ".join(f"{mode} {halves[half][mode] / size:.3f}" for mode in MODES))
    if args.show_misses:
        for qid, query, top in misses:
            print(f"miss {qid}: {query} -> {top}")


if __name__ == "__main__":
    main()
