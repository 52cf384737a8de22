"""What drafts cite: each query of a set drafted as a one-part question, its cited precedents counted.

    python bench/draft_citations.py [--dir var] [--set bench/norelevant.jsonl] [--set bench/devset.jsonl]

For a query without gold (bench/norelevant.jsonl: topics the corpus does not hold) every cited
precedent is a wrong citation; the script lists them. For queries with gold it prints how many
drafts cite a precedent and how many of those cite a gold document. A line's `question` (a whole
question with numbered parts) is drafted as it is; a `query` with a question mark added, and one
that does not read as a parliamentary question (bare keywords) gets the not-a-question notice and
is counted as refused.
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
        refused = 0
        drafted = {"without gold": [], "with gold": []}  # (qid, cited ids, cites a gold document)
        for item in items:
            text = item.get("question") or item["query"].rstrip(" ?") + "?"
            try:
                draft = draft_document(parse_text(text), index=index)
            except PQError:
                refused += 1
                continue
            cited = [c.id for c in draft.sources if c.kind == "precedent"]
            gold = set(item.get("gold", []))
            drafted["with gold" if gold else "without gold"].append((item["qid"], cited, bool(set(cited) & gold)))
        print(f"{path}: {len(items)} queries, {refused} refused as not a question")
        for kind, rows in drafted.items():
            if not rows:
                continue
            citing = [row for row in rows if row[1]]
            line = f"  {kind}: {len(rows)} drafted, {len(citing)} citing a precedent"
            if kind == "with gold":
                line += f", {sum(row[2] for row in citing)} of them a gold document"
            print(line)
            if kind == "without gold":
                for qid, cited, _ in citing:
                    print(f"    {qid}: {', '.join(cited)}")

if __name__ == "__main__":
    main()
