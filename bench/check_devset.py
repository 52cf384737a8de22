"""Check the retrieval development set and the no-answer set, and print a TF-IDF baseline.

    python bench/check_devset.py [--devset bench/devset.jsonl] [--norelevant bench/norelevant.jsonl] [--show-misses]

Standalone on purpose: it reads the corpus CSV files with pandas and uses scikit-learn only, so
it does not depend on the project's own search code (bot/, tools/).

What it checks

(a) Copying. No devset query may share 4 or more consecutive words with the question or answer
    text of any of its gold documents. Text is lower-cased, accents are folded and punctuation is
    stripped. Two tokenisations are tried and either one failing counts: splitting on every
    non-alphanumeric character ("Leuven-Rechtdoor" -> "leuven rechtdoor"), and the one of
    bench/retrieval.py (split on spaces and apostrophes, then drop punctuation inside a word:
    "leuvenrechtdoor").
(b) Gold ids. Every gold id must exist. A 2017 gold id must be answered (an answer text, or the
    "sent directly to the MP" notice). The one exception: an unanswered 2017 id is accepted when it
    carries the same question as an answered gold id of that query (the same question sent to
    several ministers, of whom some did not answer), because a search over all questions should
    still return it; "same question" means an identical normalised body or a near-identical one as
    defined below. 2020 ids are accepted as they are: that corpus has no answers at all. The
    Flemish seed (vp:...) is answered.
    Siblings. The same question is often sent to several ministers. For every 2017 gold id the
    checker looks for (1) documents whose normalised question body (the text after the title line)
    is identical: these must all be in the gold list; and (2) near-identical documents: same author,
    TF-IDF cosine of the bodies >= 0.6 and a word-level difflib ratio >= 0.85. Near-identical
    documents outside the gold list are printed for review unless they are listed in
    REVIEWED_NOT_SIBLINGS below with the reason they are a different question (e.g. a series where
    only the court, the painting or the year changes).
(c) Baseline. TfidfVectorizer(sublinear_tf=True, strip_accents="unicode"), no stop words, fitted on
    each 2017 document's whole question text (title + body); cosine similarity. For every query
    with 2017 gold ids: recall@1/5/10 (share of the 2017 gold ids in the top k, as in
    bench/retrieval.py), success@10 (any gold id in the top 10) and MRR@10, per query type.
    Queries whose gold lies only in the 2020 corpus or the Flemish seed are not scored here.
(d) No-answer set. For every query of norelevant.jsonl: the top TF-IDF hit among the 2017
    questions, with its score and title, and the number of 2017 / 2020 / seed documents that
    contain each of its "check_terms" (regular expressions on the folded text). How the set was
    verified: for each query the key terms were searched in the folded 2017 question+answer text,
    the 2020 Dutch+French text and the seed; the top-10 TF-IDF hits in 2017 and the top hits in 2020
    were read by hand; queries with a topic that did occur (e.g. e-steps, AI, Gaza, B-FAST
    earthquake missions, energy certificates in 2020) were dropped. The "why" field of each line
    says what the nearest documents are about.

Exit status 1 when (a) or (b) finds a problem, else 0.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import linear_kernel

ROOT = Path(__file__).resolve().parent.parent
CSV_2017 = ROOT / "corpus" / "dekamer-qrva-2017" / "qrva-2017.csv.gz"
CSV_2020 = ROOT / "corpus" / "dekamer-questions-2020" / "questions-2020.csv.gz"
SEED_DIR = ROOT / "corpus" / "vlaams-parlement"
TYPES = ("paraphrase", "keywords", "subquestion")

# Near-identical 2017 questions that were read and judged to be a different question.
REVIEWED_NOT_SIBLINGS = {
    **{("191148", other): "series of questions, one per painting taken by French troops; each names another work"
       for other in ("191141", "191142", "191143", "191146", "191147", "191149", "191150", "191151",
                     "191152", "191153", "191154", "191155", "191156", "191157", "191158")},
    **{("190400", other): "series 'Gemengde inbreuken', one question per public prosecutor's office; d35 asks about Gent"
       for other in ("190389", "190390", "190391", "190392", "190393", "190394", "190395", "190396",
                     "190397", "190398", "190399")},
    ("188847", "184809"): "same wording but asks the 2017 costs (answer: the year has just begun); the query asks 2016 and Frontex",
}


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"\s+", " ", text).strip()


def words_split(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", fold(text))


def words_retrieval(text: str) -> list[str]:
    words = fold(text).replace("'", " ").split()
    words = ["".join(ch for ch in w if ch.isalnum()) for w in words]
    return [w for w in words if w]


def ngrams(words: list[str], n: int = 4) -> set[tuple[str, ...]]:
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


def body(question: str) -> str:
    parts = question.split("\n\n", 1)
    return parts[1] if len(parts) > 1 else question


def load_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_seed() -> dict[str, str]:
    """vp:<session>:<number> -> text, from files named schv-<number>-<session>-....txt."""
    seed = {}
    for path in SEED_DIR.glob("*.txt"):
        match = re.match(r"schv-(\d+)-(\d{4}-\d{4})", path.name)
        if match:
            seed[f"vp:{match.group(2)}:{match.group(1)}"] = path.read_text(encoding="utf-8")
    return seed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devset", default=str(ROOT / "bench" / "devset.jsonl"))
    parser.add_argument("--norelevant", default=str(ROOT / "bench" / "norelevant.jsonl"))
    parser.add_argument("--show-misses", action="store_true", help="list devset queries whose gold is not in the TF-IDF top 10")
    args = parser.parse_args()

    d17 = pd.read_csv(CSV_2017, dtype=str).fillna("")
    d20 = pd.read_csv(CSV_2020, dtype=str).fillna("")
    seed = load_seed()
    idx17 = {doc_id: i for i, doc_id in enumerate(d17["doc_id"])}
    idx20 = {doc_id: i for i, doc_id in enumerate(d20["doc_id"])}
    answered = (d17["answer"].str.strip() != "").to_numpy()
    titles = d17["question"].map(lambda q: q.split("\n\n", 1)[0].strip())
    nbody = d17["question"].map(lambda q: " ".join(words_split(body(q))))
    same_body = nbody.groupby(nbody).groups  # normalised body -> row labels

    def doc_text(doc_id: str) -> str | None:
        if doc_id in idx17:
            row = d17.iloc[idx17[doc_id]]
            return row["question"] + "\n" + row["answer"]
        if doc_id in idx20:
            row = d20.iloc[idx20[doc_id]]
            return row["text_nl"] + "\n" + row["text_fr"]
        return seed.get(doc_id)

    dev = load_jsonl(Path(args.devset))
    problems: list[str] = []

    # ---- format
    qids = Counter(it.get("qid") for it in dev)
    problems += [f"duplicate qid {q}" for q, n in qids.items() if n > 1]
    for it in dev:
        # "target", "title" and "department" describe what the query was written for (blind sets carry them).
        if not {"qid", "type", "query", "gold"} <= set(it) <= {"qid", "type", "query", "gold", "target", "title", "department"}:
            problems.append(f"{it.get('qid')}: keys {sorted(it)}")
        if it.get("type") not in TYPES:
            problems.append(f"{it.get('qid')}: type {it.get('type')!r}")
        if not it.get("gold"):
            problems.append(f"{it.get('qid')}: empty gold")

    # ---- (a) copying
    copied = []
    for it in dev:
        for gold in it["gold"]:
            text = doc_text(gold)
            if text is None:
                continue
            shared = set()
            for tokenise in (words_split, words_retrieval):
                shared |= ngrams(tokenise(it["query"])) & ngrams(tokenise(text))
            if shared:
                copied.append(f"{it['qid']} vs {gold}: " + "; ".join(" ".join(s) for s in sorted(shared)))
    problems += [f"copies 4+ words: {c}" for c in copied]

    # ---- (b) gold ids, answered, siblings
    body_vec = TfidfVectorizer(sublinear_tf=True)
    body_matrix = body_vec.fit_transform(nbody)
    notes = defaultdict(list)
    review = []
    for it in dev:
        gold = it["gold"]
        g17 = [g for g in gold if g in idx17]
        for g in gold:
            if g not in idx17 and g not in idx20 and g not in seed:
                problems.append(f"{it['qid']}: gold {g} does not exist")
        answered_bodies = {nbody.iloc[idx17[g]] for g in g17 if answered[idx17[g]]}
        for g in g17:
            if not answered[idx17[g]]:
                i = idx17[g]
                near_answered = any(
                    answered[idx17[h]] and d17["aut_person"].iloc[idx17[h]] == d17["aut_person"].iloc[i]
                    and difflib.SequenceMatcher(None, nbody.iloc[i].split(), nbody.iloc[idx17[h]].split(), autojunk=False).ratio() >= 0.85
                    for h in g17 if h != g)
                if nbody.iloc[i] in answered_bodies or near_answered:
                    notes["unanswered sibling kept in gold (same or near-identical question as an answered gold id)"].append(f"{it['qid']}:{g}")
                else:
                    problems.append(f"{it['qid']}: gold {g} is not answered and is not a sibling of an answered gold id")
        if g17 and not answered_bodies:
            problems.append(f"{it['qid']}: no answered 2017 gold id")
        for g in gold:
            if g in idx20:
                notes["gold is a 2020 question (that corpus has no answers)"].append(it["qid"])
            elif g in seed:
                notes["gold is the Flemish seed question"].append(f"{it['qid']}:{g}")
        for g in g17:
            i = idx17[g]
            missing = [d17["doc_id"].iloc[j] for j in same_body[nbody.iloc[i]] if d17["doc_id"].iloc[j] not in gold]
            if missing:
                problems.append(f"{it['qid']}: ids with the identical question body are missing from gold: {missing}")
            sims = linear_kernel(body_matrix[i], body_matrix).ravel()
            a = nbody.iloc[i].split()
            for j in np.where(sims >= 0.6)[0]:
                other = d17["doc_id"].iloc[j]
                if other in gold or d17["aut_person"].iloc[j] != d17["aut_person"].iloc[i]:
                    continue
                ratio = difflib.SequenceMatcher(None, a, nbody.iloc[j].split(), autojunk=False).ratio()
                if ratio >= 0.85 and (g, other) not in REVIEWED_NOT_SIBLINGS:
                    review.append(f"{it['qid']}: {g} ~ {other} (ratio {ratio:.2f}) {titles.iloc[j][:60]}")

    # ---- (c) baseline
    vec = TfidfVectorizer(sublinear_tf=True, strip_accents="unicode")
    matrix = vec.fit_transform(d17["question"])
    doc_ids = d17["doc_id"].to_numpy()
    per_type = defaultdict(lambda: defaultdict(float))
    counts = Counter()
    skipped = Counter()
    top_scores_dev = []
    misses = []
    for it in dev:
        gold = [g for g in it["gold"] if g in idx17]
        if not gold:
            skipped[it["type"]] += 1
            continue
        scores = linear_kernel(vec.transform([it["query"]]), matrix).ravel()
        order = np.argsort(-scores, kind="stable")[:10]
        ranked = list(doc_ids[order])
        top_scores_dev.append(scores[order[0]])
        m = {f"R@{k}": len(set(ranked[:k]) & set(gold)) / len(gold) for k in (1, 5, 10)}
        m["S@10"] = float(bool(set(ranked) & set(gold)))
        m["MRR@10"] = next((1.0 / (r + 1) for r, d in enumerate(ranked) if d in gold), 0.0)
        for key in (it["type"], "all"):
            counts[key] += 1
            for name, value in m.items():
                per_type[key][name] += value
        if not m["S@10"]:
            misses.append(f"{it['qid']} [{it['type']}] {it['query']} -> {ranked[:3]}")

    # ---- report
    print(f"devset: {len(dev)} queries; by type: " + ", ".join(f"{t} {sum(1 for it in dev if it['type'] == t)}" for t in TYPES))
    print(f"gold: {sum(len(it['gold']) for it in dev)} ids; queries with several gold ids: {sum(1 for it in dev if len(it['gold']) > 1)}")
    print(f"(a) queries sharing 4+ consecutive words with a gold document: {len(copied) or 'none'}")
    for c in copied:
        print("    " + c)
    print("(b) gold ids: " + ("all exist; every 2017 query has an answered gold id" if not [p for p in problems if "gold" in p] else "PROBLEMS below"))
    for note, items in notes.items():
        print(f"    note - {note}: {len(items)}" + (f" ({', '.join(items[:8])}{', ...' if len(items) > 8 else ''})" if items else ""))
    print(f"    near-identical same-author questions outside gold, not yet reviewed: {len(review) or 'none'}")
    for r in review:
        print("    review: " + r)
    print(f"    near-identical questions reviewed and kept out of gold: {len(REVIEWED_NOT_SIBLINGS)} pairs (see REVIEWED_NOT_SIBLINGS)")
    print("(c) TF-IDF baseline over the 3,811 questions of 2017 (question text, sublinear tf, accents folded)")
    print(f"    {'type':12} {'n':>4} {'R@1':>6} {'R@5':>6} {'R@10':>6} {'S@10':>6} {'MRR@10':>7}")
    for key in (*TYPES, "all"):
        n = counts[key]
        if not n:
            continue
        t = per_type[key]
        print(f"    {key:12} {n:4d} {t['R@1'] / n:6.3f} {t['R@5'] / n:6.3f} {t['R@10'] / n:6.3f} {t['S@10'] / n:6.3f} {t['MRR@10'] / n:7.3f}")
    if skipped:
        print("    not scored (gold only in the 2020 corpus or the Flemish seed): " + ", ".join(f"{t} {n}" for t, n in skipped.items()))
    if args.show_misses:
        for m in misses:
            print("    miss " + m)

    nr_path = Path(args.norelevant)
    if nr_path.exists():
        nr = load_jsonl(nr_path)
        folded17 = (d17["question"] + " " + d17["answer"]).map(fold)
        folded20 = (d20["text_nl"] + " " + d20["text_fr"]).map(fold)
        folded_seed = [fold(t) for t in seed.values()]
        print(f"(d) no-answer set: {len(nr)} queries; by type: " + ", ".join(f"{t} {sum(1 for it in nr if it['type'] == t)}" for t in TYPES))
        for it in nr:
            if it.get("gold"):
                problems.append(f"{it['qid']}: no-answer query with gold ids")
            if it.get("type") not in TYPES:
                problems.append(f"{it['qid']}: type {it.get('type')!r}")
        top_scores_nr = []
        for it in nr:
            scores = linear_kernel(vec.transform([it["query"]]), matrix).ravel()
            j = int(np.argmax(scores))
            top_scores_nr.append(scores[j])
            greps = []
            for term in it.get("check_terms", []):
                pattern = re.compile(term)
                n17 = int(folded17.map(lambda t, p=pattern: bool(p.search(t))).sum())
                n20 = int(folded20.map(lambda t, p=pattern: bool(p.search(t))).sum())
                ns = sum(bool(pattern.search(t)) for t in folded_seed)
                greps.append(f"{term}={n17}/{n20}/{ns}")
            print(f"    {it['qid']} [{it['type'][:4]}] top {doc_ids[j]} {scores[j]:.3f} {titles.iloc[j][:45]!r} | {it['query'][:70]}")
            print(f"        grep 2017/2020/seed: {'; '.join(greps)}")
        print(f"    top-1 TF-IDF score, median: devset {np.median(top_scores_dev):.3f}, no-answer set {np.median(top_scores_nr):.3f}; "
              f"no-answer queries scoring above the devset median: {sum(s > np.median(top_scores_dev) for s in top_scores_nr)}")

    if problems:
        print(f"PROBLEMS ({len(problems)}):")
        for p in problems:
            print("  " + p)
        return 1
    print("OK: no problems found")
    return 0


if __name__ == "__main__":
    sys.exit(main())
