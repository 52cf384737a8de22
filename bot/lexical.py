"""BM25 over the search units, with Dutch-aware normalisation.

Text is lower-cased, accents are folded ("geïdentificeerd" = "geidentificeerd"), common
Dutch function words are dropped and words are reduced with the Snowball Dutch stemmer, so
"asielzoekers" finds "asielzoeker" and "werkloosheid" finds "werkloos…" forms alike.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import bm25s
import numpy as np
import Stemmer

# Function words that carry no topic (question boilerplate included: "graag", "hoeveel").
DUTCH_STOPWORDS = frozenset(
    """
    aan al alle alles als alsook altijd ander andere anders ben bij binnen daar daarom dan dat de der des deze die dit
    doch doen door dus een eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik
    in is ja je kan kon kunnen maar me meer men met mij mijn moet na naar niet niets nog nu of om omdat onder ons ook op
    over reeds te tegen toch toen tot u uit uw van veel voor want waren was wat we wel welk welke werd wie wij wil worden
    wordt zal ze zei zelf zich zij zijn zo zonder zou zouden graag hoeveel uwe gelieve kunt welke wanneer waarom
    """.split()
)
_TOKEN = re.compile(r"[a-z0-9]{2,}")


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=1)
def _stemmer():
    return Stemmer.Stemmer("dutch")


def stem_words(words: list[str]) -> list[str]:
    return _stemmer().stemWords(words)


def tokenize(text: str) -> list[str]:
    words = [w for w in _TOKEN.findall(fold(text)) if w not in DUTCH_STOPWORDS]
    return _stemmer().stemWords(words)


class LexicalIndex:
    def __init__(self, model: bm25s.BM25) -> None:
        self._model = model

    @classmethod
    def build(cls, texts: list[str]) -> LexicalIndex:
        model = bm25s.BM25()
        # An empty unit still needs a row, so positions stay aligned with the chunk table.
        model.index([tokenize(t) or ["_"] for t in texts], show_progress=False)
        return cls(model)

    def save(self, folder: Path) -> None:
        self._model.save(str(folder), show_progress=False)

    @classmethod
    def load(cls, folder: Path) -> LexicalIndex:
        return cls(bm25s.BM25.load(str(folder), show_progress=False, verbosity=0))

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every unit (zeros when no query word is in the vocabulary)."""
        tokens = tokenize(query)
        ids = self._model.get_tokens_ids(tokens)
        if not ids:
            return np.zeros(self._model.scores["num_docs"], dtype=np.float32)
        return self._model.get_scores_from_ids(ids)
