"""Retrieval quality on the development set: bm25 / dense / hybrid next to a plain TF-IDF baseline.

    python bench/retrieval.py [--dir var] [--devset bench/devset.jsonl] [--norelevant bench/norelevant.jsonl]
                              [--tune] [--show-misses] [--source S]

The development set holds Dutch queries written for this project (types: paraphrase of a whole
question, short keywords, a single sub-question), each with its gold document ids (every
sibling when the same question went to several ministers). A hit of the system stands for its
siblings too (`Hit.ids()`: the lead id, then the siblings), as `search --queries` prints them.

Prints, per query type and overall: recall@1/5/10 (share of the gold ids in the top k) and
MRR@10 for bm25 / dense / hybrid and the baseline (scikit-learn TfidfVectorizer over each
document's whole question text, sublinear tf, accents stripped, no stop list, cosine); MRR@10
on half A (even lines, where the relevance model is fitted) and half B (odd lines); and the
relevance floor: the share of the no-answer queries (bench/norelevant.jsonl) whose answered
hits are all below the floor (nothing would be cited), and its cost: the share of development
queries whose first gold hit in the top 3 is below it.

--tune searches the fusion weights on the whole development set (the held-out sets,
bench/devset_c.jsonl and bench/blindset.jsonl, then check them), fits the relevance model on
half A of both sets, and prints the constants for bot/retrieval/search.py.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.retrieval import search as S  # noqa: E402
from bot.retrieval.index import PrecedentIndex  # noqa: E402
from tools.text import fold  # noqa: E402

MODES = ("bm25", "dense", "hybrid")
TYPES = ("paraphrase", "keywords", "subquestion")
TOP_CHECKED = 3  # the floor is judged on the hits a draft would cite


def ngrams(text: str, n: int = 4) -> set[tuple[str, ...]]:
    words = fold(text).replace("'", " ").split()
    words = ["".join(ch for ch in w if ch.isalnum()) for w in words]
    words = [w for w in words if w]
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


def metrics(ranked: list[str], gold: list[str]) -> dict[str, float]:
    ranked = list(dict.fromkeys(ranked))
    out = {f"R@{k}": len(set(ranked[:k]) & set(gold)) / len(gold) for k in (1, 5, 10)}
    out["MRR@10"] = next((1.0 / (i + 1) for i, doc_id in enumerate(ranked[:10]) if doc_id in gold), 0.0)
    return out


def read_jsonl(path: str) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def expand(hits) -> list[str]:
    return [doc_id for hit in hits for doc_id in hit.ids()]


class Baseline:
    """TF-IDF over each document's whole question text (the issue's one-line baseline)."""

    def __init__(self, table) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer

        self.ids = table.docs["doc_id"].to_numpy()
        self.vectorizer = TfidfVectorizer(sublinear_tf=True, strip_accents="unicode")
        self.matrix = self.vectorizer.fit_transform([table.question_text(r) for r in range(len(table.docs))])

    def rank(self, query: str, k: int = 10) -> list[str]:
        scores = (self.matrix @ self.vectorizer.transform([query]).T).toarray().ravel()
        return self.ids[np.argsort(-scores, kind="stable")[:k]].tolist()


def table_lines(title: str, rows: dict[str, dict[str, list[float]]]) -> list[str]:
    lines = [title, f"  {'mode':9} {'type':12} {'n':>4} {'R@1':>6} {'R@5':>6} {'R@10':>6} {'MRR@10':>7}"]
    for mode, per_type in rows.items():
        for kind in [*TYPES, "all"]:
            values = per_type.get(kind) or []
            if not values:
                continue
            mean = {name: float(np.mean([v[name] for v in values])) for name in values[0]}
            lines.append(f"  {mode:9} {kind:12} {len(values):4d} {mean['R@1']:6.3f} {mean['R@5']:6.3f} {mean['R@10']:6.3f} {mean['MRR@10']:7.3f}")
    return lines


def floor_values(index, dev: list[dict], norel: list[dict]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Per no-answer query: the highest relevance among its answered top hits (and its half); per development
    query whose gold is among them: the relevance of the first gold hit (and its half)."""
    answered = S.SearchFilters(answered_only=True)
    norel_max = [max((h.relevance for h in hits), default=0.0)
                 for hits in S.search_many(index, [q["query"] for q in norel], k=TOP_CHECKED, filters=answered)]
    gold, gold_half = [], []
    for position, (item, hits) in enumerate(zip(dev, S.search_many(index, [q["query"] for q in dev], k=TOP_CHECKED, filters=answered),
                                                strict=True)):
        first = next((h for h in hits if set(h.ids()) & set(item["gold"])), None)
        if first is not None:
            gold.append(first.relevance)
            gold_half.append(position % 2)
    return np.array(norel_max), np.arange(len(norel)) % 2, np.array(gold), np.array(gold_half)


def tune(index, dev: list[dict]) -> None:
    """Fusion weights, answered prior and hubness discount: a grid, chosen on the whole development set by
    R@5 + MRR@10, printed with both halves next to the current setting. The held-out sets (devset_c, blindset)
    are measured afterwards with --devset, never here."""
    loaded = index.load()
    table = loaded.table
    vectors = S.embed_queries(index, [item["query"] for item in dev])
    cached = [S.signals(loaded, item["query"], vectors[i]) for i, item in enumerate(dev)]
    keep = np.ones(len(table.docs), dtype=bool)
    doc_ids = table.docs["doc_id"].to_numpy()
    groups = table.docs["group"].to_numpy()
    members = table.group_members
    hubness_grid = (0.0, 0.25, 0.5)
    names = ["lex_doc", "lex_unit", "dense_unit", "dense_doc", "answered"]
    # Per query the scaled signals, one dense_doc row per hubness discount: a setting is then one product.
    parts = [np.stack([S._scale_lexical(sig.lex_doc, keep), S._scale_lexical(sig.lex_unit, keep),
                       S._scale_dense(sig.dense_unit, keep), sig.answered,
                       *(S._scale_dense(sig.dense_doc - h * sig.hubness, keep) for h in hubness_grid)])
             for sig in cached]

    def measure(weights: dict[str, float], hubness: float) -> np.ndarray:
        """Per query (R@5, MRR@10)."""
        w = np.zeros(4 + len(hubness_grid))
        w[:4] = [weights["lex_doc"], weights["lex_unit"], weights["dense_unit"], weights["answered"]]
        w[4 + hubness_grid.index(hubness)] = weights["dense_doc"]
        w /= w.sum()
        out = []
        for item, p in zip(dev, parts, strict=True):
            fused = w @ p
            top = np.sort(np.argpartition(-fused, 40)[:40])  # the 40 best in table order, then by score (stable)
            top = top[np.argsort(-fused[top], kind="stable")]
            ranked, seen = [], set()
            for row in top:
                if groups[row] not in seen:
                    seen.add(groups[row])
                    ranked += [doc_ids[r] for r in members[groups[row]]]
            m = metrics(ranked, item["gold"])
            out.append((m["R@5"], m["MRR@10"]))
        return np.array(out)

    steps = [round(0.1 * i, 1) for i in range(11)]
    best = None
    for a, b, c in itertools.product(steps, repeat=3):
        d = round(1.0 - a - b - c, 1)
        if d < 0:
            continue
        for prior in (0.0, 0.05, 0.1, 0.15, 0.2, 0.3):
            for hubness in hubness_grid:
                weights = dict(zip(names, (a, b, c, d, prior), strict=True))
                score = float(measure(weights, hubness).mean(axis=0).sum())
                if best is None or score > best[0] + 1e-12:
                    best = (score, weights, hubness)

    def line(label: str, weights: dict[str, float], hubness: float) -> str:
        per_query = measure(weights, hubness)
        halves = "; ".join(f"half {'AB'[h]} R@5 {per_query[h::2, 0].mean():.3f} MRR@10 {per_query[h::2, 1].mean():.3f}" for h in (0, 1))
        return f"{label}: {weights}, HUBNESS {hubness}\n  all R@5 {per_query[:, 0].mean():.3f} MRR@10 {per_query[:, 1].mean():.3f}; {halves}"

    print(line("fusion chosen on the development set", best[1], best[2]))
    print(line("current", S.WEIGHTS, S.HUBNESS))


def tune_relevance(index, dev: list[dict], norel: list[dict]) -> None:
    """Logistic regression on (coverage, dense_unit, dense_doc) of the hits a draft would cite, fitted on half A."""
    from sklearn.linear_model import LogisticRegression

    answered = S.SearchFilters(answered_only=True)
    loaded = index.load()
    vectors = S.embed_queries(index, [q["query"] for q in dev + norel])

    def features(items: list[dict], offset: int, positive: bool) -> tuple[list, list, list]:
        rows, labels, half = [], [], []
        for i, item in enumerate(items):
            hits = S.search_many(index, [item["query"]], k=TOP_CHECKED, filters=answered)[0]
            sig = S.signals(loaded, item["query"], vectors[offset + i])
            for hit in hits:
                row = loaded.table.doc_position[hit.id]
                gold = bool(set(hit.ids()) & set(item.get("gold", [])))
                if positive and not gold:
                    continue  # an unlabelled hit of a dev query: may or may not be relevant
                cover = S.coverage(loaded, item["query"], np.array([row]))[0]
                rows.append([cover, sig.dense_unit[row], sig.dense_doc[row]])
                labels.append(int(gold))
                half.append(i % 2)
        return rows, labels, half

    x1, y1, h1 = features(dev, 0, True)
    x2, y2, h2 = features(norel, len(dev), False)
    x, y, h = np.array(x1 + x2), np.array(y1 + y2), np.array(h1 + h2)
    model = LogisticRegression(class_weight="balanced", C=10.0).fit(x[h == 0], y[h == 0])
    coef = {"bias": round(float(model.intercept_[0]), 3),
            **{name: round(float(c), 3) for name, c in zip(["coverage", "dense_unit", "dense_doc"], model.coef_[0], strict=True)}}
    print(f"relevance model fitted on half A ({int((h == 0).sum())} hits): RELEVANCE_COEF = {coef}")
    for half in (0, 1):
        p = model.predict_proba(x[h == half])[:, 1]
        labels = y[h == half]
        print(f"  half {'AB'[half]}: positives kept {np.mean(p[labels == 1] >= 0.5):.3f}, "
              f"negatives refused {np.mean(p[labels == 0] < 0.5):.3f}")


def subject_floor_figures(index, dev: list[dict], norel: list[dict]) -> None:
    """The drafting's subject floors (bot/drafting/precedents.py): the share of a sub-question's own rare words the
    cited document must hold, also without its strongest word. Printed: how often the gold document of a
    single-sub-question query holds that much, and how often the top answered hit of a no-answer query does."""
    from bot.drafting.precedents import SECOND_WORD_FLOOR, SUBJECT_FLOOR

    loaded = index.load()

    def held(query: str, rows: list[int]) -> bool:
        share, rest = S._coverage_parts(loaded, query, np.array(rows))
        return bool(((share >= SUBJECT_FLOOR) & (rest >= SECOND_WORD_FLOOR)).any())

    subs = [it for it in dev if it.get("type") == "subquestion"]
    gold_held = [held(it["query"], [loaded.table.doc_position[g] for g in it["gold"]]) for it in subs]
    answered = S.SearchFilters(answered_only=True)
    tops = [hits[0] for hits in S.search_many(index, [q["query"] for q in norel], k=1, filters=answered) if hits]
    norel_held = [held(q["query"], [loaded.table.doc_position[h.id]]) for q, h in zip(norel, tops, strict=False)]
    print(f"subject floors {SUBJECT_FLOOR} / {SECOND_WORD_FLOOR} without the strongest word: gold documents of {len(subs)} "
          f"sub-question queries holding them {np.mean(gold_held):.3f}; top answered hits of no-answer queries holding them "
          f"{np.mean(norel_held):.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", default="var", help="index data directory (default var)")
    parser.add_argument("--devset", default=str(Path(__file__).with_name("devset.jsonl")))
    parser.add_argument("--norelevant", default=str(Path(__file__).with_name("norelevant.jsonl")))
    parser.add_argument("--tune", action="store_true", help="choose the fusion weights (development set) and fit the relevance model (half A)")
    parser.add_argument("--source", action="append", default=[], help="search only this source (repeatable), e.g. dekamer-qrva-2017")
    parser.add_argument("--show-misses", action="store_true", help="list queries whose gold is not in the hybrid top 10")
    args = parser.parse_args()
    index = PrecedentIndex(Path(args.dir))
    loaded = index.load()
    if loaded.notice:
        print(f"warning: {loaded.notice}")
    table = loaded.table
    indexed = set(table.docs["doc_id"])
    items = read_jsonl(args.devset)
    norel = read_jsonl(args.norelevant) if Path(args.norelevant).exists() else []
    skipped = [it["qid"] for it in items if not set(it["gold"]) & indexed]
    items = [{**it, "gold": [g for g in it["gold"] if g in indexed]} for it in items if set(it["gold"]) & indexed]
    copied = [it["qid"] for it in items
              if any(ngrams(it["query"]) & ngrams(table.question_text(table.doc_position[g]) + "\n"
                                                 + table.answer_text(table.doc_position[g])) for g in it["gold"])]
    print(f"index: {len(table):,} units, {len(table.docs):,} documents; dev queries: {len(items)} "
          f"(skipped, gold not indexed: {len(skipped)}); no-answer queries: {len(norel)}")
    print(f"queries sharing 4+ consecutive words with their gold: {copied or 'none'}")
    if args.tune:
        tune(index, items)
        if norel:
            tune_relevance(index, items, norel)
            subject_floor_figures(index, items, norel)
        return

    started = time.perf_counter()
    baseline = Baseline(table)
    rows: dict[str, dict[str, list]] = {mode: {} for mode in [*MODES, "tfidf"]}
    halves: dict[str, dict[str, list]] = {mode: {"A": [], "B": []} for mode in [*MODES, "tfidf"]}
    misses = []
    queries = [it["query"] for it in items]
    filters = S.SearchFilters(sources=args.source)
    if args.source:
        print(f"searching only: {', '.join(args.source)} (the TF-IDF baseline and the relevance floor see every source)")
    ranked_by_mode = {mode: [expand(hits) for hits in S.search_many(index, queries, k=10, mode=mode, filters=filters)]
                      for mode in MODES}
    ranked_by_mode["tfidf"] = [baseline.rank(q) for q in queries]
    for position, item in enumerate(items):
        for mode, ranked in ranked_by_mode.items():
            m = metrics(ranked[position], item["gold"])
            rows[mode].setdefault(item.get("type", "all"), []).append(m)
            rows[mode].setdefault("all", []).append(m) if item.get("type") else None
            halves[mode]["AB"[position % 2]].append(m["MRR@10"])
        if not set(ranked_by_mode["hybrid"][position]) & set(item["gold"]):
            misses.append((item["qid"], item["query"], ranked_by_mode["hybrid"][position][:3]))
    print("\n".join(table_lines("retrieval (a hit stands for its siblings; tfidf = the baseline):", rows)))
    print("MRR@10 per half (the relevance model fitted on A):")
    for mode in rows:
        print(f"  {mode:9} A ({len(halves[mode]['A'])}) {np.mean(halves[mode]['A']):.3f}   B ({len(halves[mode]['B'])}) {np.mean(halves[mode]['B']):.3f}")
    if norel:
        norel_max, norel_half, gold, gold_half = floor_values(index, items, norel)
        print(f"relevance floor (answered hits, top {TOP_CHECKED}; {len(norel_max)} no-answer queries, {len(gold)} dev queries "
              f"with their gold there): share of no-answer queries citing nothing / share of dev queries whose gold falls below")
        for floor in sorted({S.RELEVANCE_FLOOR, 0.5, 0.6, 0.7, 0.8, 0.9}):
            mark = "  <- RELEVANCE_FLOOR" if floor == S.RELEVANCE_FLOOR else ""
            halves = "  ".join(f"half {'AB'[h]} {np.mean(norel_max[norel_half == h] < floor):.3f} / {np.mean(gold[gold_half == h] < floor):.3f}"
                               for h in (0, 1))
            print(f"  floor {floor:.2f}: all {np.mean(norel_max < floor):.3f} / {np.mean(gold < floor):.3f}   {halves}{mark}")
    print(f"({time.perf_counter() - started:.0f} s)")
    if args.show_misses:
        for qid, query, top in misses:
            print(f"miss {qid}: {query} -> {top}")


if __name__ == "__main__":
    main()
