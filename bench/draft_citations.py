"""What drafts cite: each query of a set drafted as a one-part question, its cited precedents counted.

    python bench/draft_citations.py [--dir var] [--set bench/norelevant.jsonl] [--set bench/devset.jsonl]

For a set without gold (bench/norelevant.jsonl: topics the corpus does not hold) every cited
precedent is a wrong citation; the script lists them. For a set with gold it prints how many
drafts cite a precedent and how many of those cite a gold document. A query is drafted as it
is written, with a question mark added; a query that does not read as a parliamentary question
(bare keywords) gets the not-a-question notice and is counted as refused.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    from bot.drafting.pipeline import draft_document
    from bot.parse.files import parse_text
    from bot.retrieval.index import PrecedentIndex
    from tools.errors import PQError

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", default="var", help="index data directory (default var)")
    parser.add_argument("--set", action="append", default=[], help="a query set (repeatable)")
    args = parser.parse_args()
    index = PrecedentIndex(Path(args.dir))
    for path in args.set or [str(ROOT / "bench" / "norelevant.jsonl"), str(ROOT / "bench" / "devset.jsonl")]:
        items = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
        refused, citing, citing_gold = 0, [], 0
        for item in items:
            try:
                draft = draft_document(parse_text(item["query"].rstrip(" ?") + "?"), index=index)
            except PQError:
                refused += 1
                continue
            cited = [c.id for c in draft.sources if c.kind == "precedent"]
            if cited:
                citing.append((item["qid"], cited))
                citing_gold += bool(set(cited) & set(item.get("gold", [])))
        print(f"{path}: {len(items)} queries, {refused} refused as not a question, "
              f"{len(items) - refused} drafted, {len(citing)} citing a precedent"
              + (f", {citing_gold} of them a gold document" if any(it.get("gold") for it in items) else ""))
        if not any(it.get("gold") for it in items):
            for qid, cited in citing:
                print(f"  {qid}: {', '.join(cited)}")


if __name__ == "__main__":
    main()
