"""Question understanding on the development set: readings, answers, and wrong numbers shown.

    python bench/understanding.py [--set bench/understanding.jsonl] [--show-failures] [--draft]

Every case of bench/understanding.jsonl (written by bench/make_understanding.py, expected values
computed there with pandas from the raw tables) is run through the product's public JSON:
single questions and conversations through `ask` (with its state, as `ask --json --state`),
chains of sub-questions through `draft` (as `draft --json`). With --draft, single questions are
also drafted and must give the same figures as `ask`.

Printed: reading accuracy, answer accuracy, period accuracy, stock/flow handling, the number of
wrong numbers shown (a figure shown that is not an expected value), and reader time per question.
Targets: 0 wrong numbers, ≥ 95 % answers right, reader ≤ 5 ms per sub-question.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.ask import AskState, ask  # noqa: E402
from bot.drafting.pipeline import draft_document  # noqa: E402
from bot.parse.files import parse_text  # noqa: E402
from bot.reading.reader import read  # noqa: E402
from tools.reading import month_end  # noqa: E402
from tools.text import format_dutch_date  # noqa: E402

TODAY = dt.date(2026, 11, 29)  # "vorig jaar" without a date is read against the day the set was checked


def _num(value) -> float | None:
    return None if value is None else float(value)


def shown_figures(output: dict) -> list[dict]:
    return output.get("figures") or []


def _matches(figure: dict, key: dict) -> bool:
    filters = figure.get("filters") or {}
    for name, value in key.items():
        if name == "jaar":
            continue
        shown = [str(v) for v in filters.get(name, [])]
        if name == "maand" and str(value)[:4].isdigit() and len(str(value)) == 7:
            # "2024-03" and month 3 of 2024 are the same cell
            shown += [f"{str(value)[:4]}-{int(v):02d}" for v in filters.get(name, []) if str(v).isdigit()]
        if str(value) not in shown:
            return False
    return True


def judge(expect: dict, output: dict) -> dict:
    """Compare one answer (ask or draft part JSON) with its expectation."""
    figures = shown_figures(output)
    published_ids = {f["filters"]["figure_id"][0] for f in figures if "figure_id" in (f.get("filters") or {})}
    series = [f for f in figures if "figure_id" not in (f.get("filters") or {})]
    allowed = {_num(v["value"]) for v in expect.get("values") or [] if v.get("value") is not None}
    allowed |= {_num(p["value"]) for p in expect.get("published") or []}
    if expect.get("total") is not None:
        allowed.add(_num(expect["total"]))
    expected_available = expect["status"] == "available"
    wrong = [f["value"] for f in series if not expected_available or _num(f["value"]) not in allowed]
    wrong += [f["value"] for f in figures if "figure_id" in (f.get("filters") or {}) and (not expected_available or _num(f["value"]) not in allowed)]
    # Totals the answer adds (over the years of a flow, over the cells of one period) are right when
    # they are the sum of the expected values they add up.
    sums = set()
    values = [v for v in expect.get("values") or [] if v.get("value") is not None]
    sums.add(sum(_num(v["value"]) for v in values))
    for year in {v["key"].get("jaar") for v in values}:
        sums.add(sum(_num(v["value"]) for v in values if v["key"].get("jaar") == year))
    wrong = [w for w in wrong if not any(abs(_num(w) - s) < 0.5 for s in sums if s)]
    missing = []
    period_ok = True
    for value in expect.get("values") or []:
        if value.get("value") is None:
            continue
        found = [f for f in series if _num(f["value"]) == _num(value["value"]) and _matches(f, value["key"])]
        if not found:
            missing.append(value)
            continue
        if value.get("reference"):
            day = format_dutch_date(month_end(value["reference"]))
            period_ok &= any(day in (f.get("reference_period") or "") for f in found)
    missing += [p for p in expect.get("published") or [] if p["figure_id"] not in published_ids]
    status_ok = output.get("status") == expect["status"]
    owner_ok = not expect.get("owner") or output.get("owner") == expect["owner"] or expect["status"] == "needs_review"
    reading = output.get("reading") or {}
    measure = (reading.get("measure") or {}).get("id")
    filters_ok = {k: sorted(v) for k, v in (reading.get("filters") or {}).items()} == {k: sorted(v) for k, v in (expect.get("filters") or {}).items()}
    breakdown_ok = set(reading.get("breakdowns") or []) - {"jaar"} == set(expect.get("breakdown") or [])
    measure_ok = not expect.get("measure") or measure == expect["measure"]
    reading_ok = bool(reading) and filters_ok and breakdown_ok and measure_ok and not (reading.get("unplaced") and expect["status"] != "needs_review")
    if expect["status"] == "needs_review":
        reading_ok = bool(reading) and set(w.lower() for w in reading.get("unplaced") or []) >= {w.lower() for u in expect.get("unplaced") or [] for w in u.split()}
    answer_ok = status_ok and owner_ok and not wrong and not missing
    return {"answer": answer_ok, "status": status_ok, "owner": owner_ok, "wrong": wrong, "missing": missing, "reading": reading_ok,
            "period": period_ok and not missing, "has_period": bool(expect.get("period")), "type": expect.get("measure_type")}


def run_single(case: dict, with_draft: bool) -> list[tuple[str, dict, dict]]:
    asked = dt.date.fromisoformat(case["asked_on"]) if case.get("asked_on") else TODAY
    out = ask(case["question"], asked=asked).to_json_dict()
    results = [(case["question"], case["expect"], out)]
    if with_draft:
        header = f"SCHRIFTELIJKE VRAAG nr. 1 van AN DE VOS datum: {format_dutch_date(asked)} aan JO BROUNS\n"
        draft = draft_document(parse_text(header + "1. " + case["question"])).to_json_dict()
        part = draft["parts"][0]
        results.append((case["question"] + " [draft]", case["expect"], part))
        if sorted(f["value"] for f in part["figures"]) != sorted(f["value"] for f in out["figures"]):
            results.append((case["question"] + " [draft = ask]", {**case["expect"], "status": "__differs__"}, part))
    return results


def run_chain(case: dict) -> list[tuple[str, dict, dict]]:
    results = []
    if case.get("kind") == "subquestions":
        text = "\n".join(turn["question"] if turn["question"].lstrip()[:2].rstrip(".").isdigit() else f"{i}. {turn['question']}"
                         for i, turn in enumerate(case["turns"], 1))
        draft = draft_document(parse_text(text)).to_json_dict()
        parts = {n: p for p in draft["parts"] for n in p["numbers"]}
        for number, turn in enumerate(case["turns"], 1):
            results.append((f"{case['id']}#{number}: {turn['question']}", turn["expect"], parts.get(number, {})))
        return results
    state = AskState()
    for turn in case["turns"]:
        out = ask(turn["question"], state, asked=TODAY).to_json_dict()
        state = AskState.model_validate(out["state"])
        results.append((f"{case['id']}: {turn['question']}", turn["expect"], out))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default=str(Path(__file__).with_name("understanding.jsonl")))
    parser.add_argument("--show-failures", action="store_true")
    parser.add_argument("--draft", action="store_true", help="also draft every single question and compare with ask")
    args = parser.parse_args()
    cases = [json.loads(line) for line in Path(args.set).read_text(encoding="utf-8").splitlines() if line.strip()]

    questions = [c["question"] for c in cases if c["type"] != "chain"] + [t["question"] for c in cases if c["type"] == "chain" for t in c["turns"]]
    for q in questions[:20]:
        read(q)  # warm the vocabulary
    timings = []
    for q in questions:
        t0 = time.perf_counter()
        read(q, asked=TODAY)
        timings.append((time.perf_counter() - t0) * 1000)

    results = []
    for case in cases:
        try:
            results += run_chain(case) if case["type"] == "chain" else run_single(case, args.draft)
        except Exception as exc:  # noqa: BLE001 - a crash is a wrong answer, reported as such
            expect = case["turns"][0]["expect"] if case["type"] == "chain" else case["expect"]
            results.append((f"{case['id']} CRASH {type(exc).__name__}: {exc}", expect, {}))
    groups = Counter()
    rights = Counter()
    for (_, expect, _), verdict in ((r, judge(r[1], r[2])) for r in results):
        kind = "negative" if expect["status"] != "available" else "figure"
        groups[kind] += 1
        rights[kind] += verdict["answer"]
    judged = [judge(expect, out) for _, expect, out in results]
    n = len(judged)
    wrong_shown = sum(len(j["wrong"]) for j in judged)
    answers_with_wrong = sum(bool(j["wrong"]) for j in judged)
    print(f"cases: {len(cases)} ({Counter(c['type'] for c in cases)}); answers judged: {n}")
    print(f"reading accuracy            {sum(j['reading'] for j in judged) / n:6.1%}")
    print(f"answer accuracy             {sum(j['answer'] for j in judged) / n:6.1%}   (with figures {rights['figure']}/{groups['figure']}, "
          f"without {rights['negative']}/{groups['negative']})")
    period_cases = [j for j in judged if j["has_period"] and j["type"]]
    print(f"period accuracy             {sum(j['period'] for j in period_cases) / max(1, len(period_cases)):6.1%}   ({len(period_cases)} answers with a period)")
    for kind in ("stock", "flow", "rate"):
        subset = [j for j in judged if j["type"] == kind]
        if subset:
            print(f"  {kind:5} handling            {sum(j['answer'] for j in subset) / len(subset):6.1%}   ({len(subset)} answers)")
    print(f"status right                {sum(j['status'] for j in judged) / n:6.1%}")
    print(f"wrong numbers shown         {wrong_shown}   (in {answers_with_wrong} answers)")
    print(f"reader per question         median {statistics.median(timings):.2f} ms, p95 {sorted(timings)[int(0.95 * len(timings))]:.2f} ms, max {max(timings):.2f} ms")
    if args.show_failures:
        for (question, expect, out), j in zip(results, judged, strict=True):
            if not j["answer"]:
                print(f"\n✗ {question}\n  expected {expect['status']} {expect.get('owner')} values={[v['value'] for v in expect.get('values') or []][:6]} "
                      f"published={[p['figure_id'] for p in expect.get('published') or []]}\n  got      {out.get('status')} {out.get('owner')} "
                      f"figures={[f['value'] for f in out.get('figures') or []][:8]} wrong={j['wrong'][:5]} missing={len(j['missing'])}\n  "
                      f"{out.get('understood')}\n  {(out.get('sentence') or out.get('text') or '')[:300]}")


if __name__ == "__main__":
    main()
