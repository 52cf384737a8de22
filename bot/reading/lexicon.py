"""Words of real parliamentary text: a word found here is not a misspelling of a catalog term.

The reader corrects an unknown word towards a catalog term one or two edits away ("asielzoekes" is
"asielzoekers"). Many real words are that close to a term as well: "gebracht" to "geslacht",
"omvang" to "opvang", "klanten" to "klachten". Corrected, they read another question than the one
asked, so a word of this list is never corrected.

The list holds every word (folded as the reader folds, five letters or more) that occurs in at least
MIN_DOCUMENTS documents of the bundled corpus: the 2017 Chamber questions and answers, the 2020
Chamber questions (Dutch and French) and the Flemish Parliament question. A misspelling seldom
recurs across documents; a real word does. Written again from the corpus with

    python -m bot.reading.lexicon
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from bot.reading.words import WORD
from tools.text import fold

LEXICON_FILE = Path(__file__).with_name("lexicon.txt.gz")
MIN_DOCUMENTS = 3
MIN_LETTERS = 5  # the reader corrects no shorter word


@lru_cache(maxsize=1)
def known_words() -> frozenset[str]:
    """The words of the list (empty when the file is missing: then every unknown word may be corrected)."""
    try:
        with gzip.open(LEXICON_FILE, "rt", encoding="utf-8") as stream:
            return frozenset(line.strip() for line in stream if line.strip())
    except FileNotFoundError:
        return frozenset()


def document_words(text: str) -> set[str]:
    """The distinct words of one document as the list counts them."""
    return {w for w in WORD.findall(fold(text)) if len(w) >= MIN_LETTERS and w.isalpha()}


def build(documents: Iterable[str], min_documents: int = MIN_DOCUMENTS) -> list[str]:
    """The sorted words found in at least `min_documents` of `documents`."""
    counts: dict[str, int] = {}
    for text in documents:
        for word in document_words(text):
            counts[word] = counts.get(word, 0) + 1
    return sorted(w for w, n in counts.items() if n >= min_documents)


def corpus_documents(corpus: Path) -> Iterator[str]:
    """The texts of the bundled corpus, one per document."""
    import pandas as pd

    questions_2017 = pd.read_csv(corpus / "dekamer-qrva-2017" / "qrva-2017.csv.gz", dtype=str, keep_default_na=False)
    for question, answer in zip(questions_2017["question"], questions_2017["answer"], strict=True):
        yield f"{question}\n{answer}"
    questions_2020 = pd.read_csv(corpus / "dekamer-questions-2020" / "questions-2020.csv.gz", dtype=str, keep_default_na=False)
    for dutch, french in zip(questions_2020["text_nl"], questions_2020["text_fr"], strict=True):
        yield dutch
        yield french
    for path in sorted((corpus / "vlaams-parlement").glob("*.txt")):
        yield path.read_text(encoding="utf-8")


def write(words: list[str], path: Path = LEXICON_FILE) -> None:
    # mtime=0: the same words give the same bytes, so a rebuild shows no change in git.
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as stream:
        stream.write(("\n".join(words) + "\n").encode("utf-8"))


def main() -> None:
    from bot.settings import settings

    words = build(corpus_documents(settings().corpus_dir))
    write(words)
    print(f"{len(words):,} words written to {LEXICON_FILE}")


if __name__ == "__main__":
    main()
