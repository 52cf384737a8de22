"""Which real questions get a figure: every question of the bundled corpus drafted (without precedents).

    python bench/corpus_figures.py [--source dekamer-qrva-2017] [--source dekamer-questions-2020] [--show]

The corpus holds thousands of questions written by MPs on every subject, almost none of them on the
data the tools hold. A part that gets a figure is therefore worth reading: it either asks for those
data, or the reading took a word for something it is not ("aanvragen" about drone permits read as
asylum applications). The script prints how many parts got a figure and, with --show, each of them
with its sub-question and "Begrepen als" line, for a person to judge. No index is needed.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    from bot.drafting.pipeline import draft_document
    from bot.parse.corpus import get_source
    from tools.errors import PQError

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", action="append", default=[], help="a corpus source (repeatable)")
    parser.add_argument("--show", action="store_true", help="print each part that got a figure")
    args = parser.parse_args()
    for source in args.source or ["dekamer-qrva-2017", "dekamer-questions-2020"]:
        started = time.perf_counter()
        drafted = parts = 0
        figured = []
        for doc in get_source(source).documents():
            if not doc.subquestions:
                continue
            try:
                draft = draft_document(doc)
            except PQError:
                continue  # not a question, or nothing to draft: said as such to the desk
            drafted += 1
            texts = {str(s.number): s.text for s in doc.subquestions}
            for part in draft.parts:
                parts += 1
                if part.kind == "statistic" and part.status == "available":
                    figured.append((doc.id, part.label, texts.get(part.label, ""), part.understood or ""))
        print(f"{source}: {drafted} questions drafted, {parts} parts, {len(figured)} with a figure "
              f"({time.perf_counter() - started:.0f} s)")
        if args.show:
            for doc_id, label, text, understood in figured:
                print(f"  {doc_id} part {label}: {' '.join(text.split())[:200]}\n      {understood}")


if __name__ == "__main__":
    main()
