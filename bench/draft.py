"""Drafting speed: the seed question (answer removed), cold and warm, with per-step timings.

    python bench/draft.py [--dir var] [--runs 5]

Cold = a fresh process: imports, opening the index, loading the embedder and the data
tables, then one draft (target 2.5 s). Warm = further drafts in the same process (what the app
sees; target 0.2 s): the same question again (its query vectors are cached) and as a new
question (the query-vector cache emptied before each run, so all 8 sub-questions are embedded).
Ask, warm: an ad-hoc question and a follow-up on its state, per call (target 50 ms).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def seed_question() -> str:
    from tests.conftest import seed_question_only

    return seed_question_only()


def one_draft(folder: str) -> dict:
    started = time.perf_counter()
    from bot.drafting.pipeline import draft_document
    from bot.parse.files import parse_text
    from bot.retrieval.index import PrecedentIndex

    imported = time.perf_counter()
    index = PrecedentIndex(Path(folder))
    index.load()
    opened = time.perf_counter()
    draft = draft_document(parse_text(seed_question()), index=index)
    done = time.perf_counter()
    return {"imports_s": round(imported - started, 2), "open_index_s": round(opened - imported, 2),
            "draft_s": round(done - opened, 2), "total_s": round(done - started, 2), "steps": draft.timings,
            "parts": [p.label for p in draft.parts]}


ASK_QUESTIONS = ["Hoeveel werkzoekenden zonder werk waren er op 30 juni 2023 in Limburg?",
                 "Hoeveel verzoeken om internationale bescherming werden in 2023 ingediend, per maand?",
                 "Hoeveel werkzoekenden vonden in 2024 werk, per provincie?"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", default="var")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cold-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.cold_child:
        print(json.dumps(one_draft(args.dir)))
        return

    wall = time.perf_counter()
    child = subprocess.run([sys.executable, __file__, "--dir", args.dir, "--cold-child"], capture_output=True, text=True, cwd=ROOT, check=True)
    cold = json.loads(child.stdout.strip().splitlines()[-1])
    cold["process_wall_s"] = round(time.perf_counter() - wall, 2)

    from bot.drafting.pipeline import draft_document
    from bot.parse.files import parse_text
    from bot.retrieval.index import PrecedentIndex

    index = PrecedentIndex(Path(args.dir))
    draft_document(parse_text(seed_question()), index=index)  # warm-up
    runs, steps = [], []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        draft = draft_document(parse_text(seed_question()), index=index)
        runs.append(time.perf_counter() - t0)
        steps.append(draft.timings)
    warm_steps = {k: round(statistics.median(s[k] for s in steps), 3) for k in steps[0]}
    # A new question each time: the query vectors of the previous runs must not be reused.
    from bot.retrieval.search import _query_vectors

    fresh, fresh_steps = [], []
    for _ in range(args.runs):
        _query_vectors.clear()
        t0 = time.perf_counter()
        draft = draft_document(parse_text(seed_question()), index=index)
        fresh.append(time.perf_counter() - t0)
        fresh_steps.append(draft.timings)
    # ask, warm: an ad-hoc statistical question and a follow-up on its state (no index needed).
    from bot.ask import ask

    ask("Hoeveel werkzoekenden waren er eind 2023 per provincie?")  # warm-up: tables and vocabulary loaded
    asks = []
    for question in ASK_QUESTIONS * args.runs:
        t0 = time.perf_counter()
        first = ask(question)
        ask("alleen vrouwen", first.state)
        asks.append((time.perf_counter() - t0) / 2)
    print(json.dumps({"cold": cold, "target_cold_s": 2.5,
                      "ask_warm": {"calls": 2 * len(asks), "median_s": round(statistics.median(asks), 4), "max_s": round(max(asks), 4)},
                      "target_ask_warm_s": 0.05,
                      "warm_same_question": {"runs": args.runs, "median_s": round(statistics.median(runs), 3),
                                             "max_s": round(max(runs), 3), "steps_median_s": warm_steps},
                      "warm_new_question": {"runs": args.runs, "median_s": round(statistics.median(fresh), 3),
                                            "steps_median_s": {k: round(statistics.median(s[k] for s in fresh_steps), 3)
                                                               for k in fresh_steps[0]}},
                      "target_warm_s": 0.2, "load_average": [round(x, 1) for x in os.getloadavg()]}, indent=2))


if __name__ == "__main__":
    main()
