"""BM25 over the search units, with Dutch-aware normalisation, in two fields.

The question side of a unit (title, introduction, sub-question) and its answer side are
indexed apart: a new question paraphrases old questions, so the question side ranks, while
the answer side still lets the desk find what was said ("samenwerkingsovereenkomst"). The
answer field weighs ANSWER_WEIGHT of the question field (chosen on half of the development
set, bench/retrieval.py).

Text is lower-cased, accents are folded ("geïdentificeerd" = "geidentificeerd") and words are
reduced with the Snowball Dutch stemmer, so "asielzoekers" finds "asielzoeker" and
"werkloosheid" finds "werkloos…" forms alike. The stop list serves snippets, quotes and the
relevance score (topic words only), not the index (INDEX_STOPWORDS).

Besides the units, whole documents are indexed the same way (question and answer fields),
so a paraphrase of a whole question is matched against the whole question.
"""

from __future__ import annotations

import json
import re
import unicodedata
import zlib
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
ANSWER_WEIGHT = 0.4
# The index keeps function words (BM25's idf already weighs them down): dropping them cost 0.02 MRR@10 on
# half A of the development set, stemming gained 0.06 (measured with bench/retrieval.py's corpus).
INDEX_STOPWORDS = False
ANSWER_MARK = "\nAntwoord"  # where a unit's answer side starts (see bot/chunks.py)


@lru_cache(maxsize=1)
def _stemmer():
    return Stemmer.Stemmer("dutch")


def stem_words(words: list[str]) -> list[str]:
    return _stemmer().stemWords(words)


_COMBINING = re.compile("[\u0300-\u036f]")


def fold(text: str) -> str:
    """Lower case, accents off (as tools.text.fold, without collapsing spaces), fast enough for a whole corpus."""
    if text.isascii():
        return text.lower()
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text)).lower()


def tokenize(text: str, stem: bool = True, stop: bool = True) -> list[str]:
    words = _TOKEN.findall(fold(text))
    if stop:
        words = [w for w in words if w not in DUTCH_STOPWORDS]
    return _stemmer().stemWords(words) if stem else words


def tokenize_many(texts: list[str], stop: bool = True) -> list[list[str]]:
    """`tokenize` for a whole corpus: each distinct word is stemmed once."""
    words = [_TOKEN.findall(fold(text)) for text in texts]
    vocabulary = list({w for ws in words for w in ws})
    stems = dict(zip(vocabulary, _stemmer().stemWords(vocabulary), strict=True))
    if stop:
        return [[stems[w] for w in ws if w not in DUTCH_STOPWORDS] for ws in words]
    return [[stems[w] for w in ws] for ws in words]


class LexicalIndex:
    def __init__(self, model: bm25s.BM25) -> None:
        self._model = model

    @classmethod
    def build(cls, texts: list[str], k1: float = 1.5, b: float = 0.75) -> LexicalIndex:
        model = bm25s.BM25(k1=k1, b=b)
        # An empty unit still needs a row, so positions stay aligned with the chunk table.
        model.index([tokens or ["_"] for tokens in tokenize_many(texts, stop=INDEX_STOPWORDS)], show_progress=False)
        return cls(model)

    def __len__(self) -> int:
        return int(self._model.scores["num_docs"])

    def save(self, folder: Path) -> None:
        self._model.save(str(folder), show_progress=False)
        # bm25s reads its arrays as they are: a flipped byte would change scores silently, so each file's CRC-32
        # is kept beside them and checked at load.
        sums = {path.name: _crc32(path) for path in sorted(folder.iterdir()) if path.name != CHECKSUMS}
        (folder / CHECKSUMS).write_text(json.dumps(sums), encoding="utf-8")

    @classmethod
    def load(cls, folder: Path) -> LexicalIndex:
        """The index in `folder`; ValueError when a file is missing or does not match its checksum."""
        try:
            sums = json.loads((folder / CHECKSUMS).read_text(encoding="utf-8"))
        except json.JSONDecodeError:
            raise ValueError(f"{folder.name}/{CHECKSUMS} is not valid JSON") from None
        if not isinstance(sums, dict) or not sums:
            raise ValueError(f"{folder.name}/{CHECKSUMS} lists no files")
        for name, crc in sums.items():
            if _crc32(folder / name) != crc:
                raise ValueError(f"{folder.name}/{name}: checksum mismatch")
        return cls(bm25s.BM25.load(str(folder), show_progress=False, verbosity=0))

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every unit (zeros when no query word is in the vocabulary)."""
        return self.scores_for_tokens(tokenize(query, stop=INDEX_STOPWORDS))

    def scores_for_tokens(self, tokens: list[str]) -> np.ndarray:
        ids = self._model.get_tokens_ids(tokens)
        if not ids:
            return np.zeros(self._model.scores["num_docs"], dtype=np.float32)
        return self._model.get_scores_from_ids(ids)

    def idf_and_presence(self, tokens: list[str], rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Per distinct token: its idf (a word the index never saw gets the highest), and for each of
        `rows` whether it holds the word (bool, rows × tokens)."""
        vocab, indptr, indices = self._model.vocab_dict, self._model.scores["indptr"], self._model.scores["indices"]
        n = len(self)
        idf = np.empty(len(tokens))
        present = np.zeros((len(rows), len(tokens)), dtype=bool)
        for j, token in enumerate(tokens):
            token_id = vocab.get(token)
            if token_id is None:
                idf[j] = np.log(1 + (n + 0.5) / 0.5)
                continue
            holders = indices[indptr[token_id]:indptr[token_id + 1]]  # sorted row numbers (CSC)
            idf[j] = np.log(1 + (n - len(holders) + 0.5) / (len(holders) + 0.5))
            at = np.searchsorted(holders, rows)
            present[:, j] = (at < len(holders)) & (holders[np.minimum(at, len(holders) - 1)] == rows)
        return idf, present


def split_unit_text(text: str) -> tuple[str, str]:
    """(question side, answer side) of a unit's text."""
    question, mark, answer = text.partition(ANSWER_MARK)
    return question, (mark + answer) if mark else ""


CHECKSUMS = "checksums.json"


def _crc32(path: Path) -> int:
    crc = 0
    with path.open("rb") as stream:
        while block := stream.read(1 << 20):
            crc = zlib.crc32(block, crc)
    return crc


class FieldedLexicalIndex:
    """Question and answer fields, each a BM25 index; scores are per-query normalised and summed."""

    def __init__(self, question: LexicalIndex, answer: LexicalIndex) -> None:
        self.question, self.answer = question, answer

    @classmethod
    def build(cls, texts: list[str]) -> FieldedLexicalIndex:
        sides = [split_unit_text(t) for t in texts]
        return cls.build_sides([q for q, _ in sides], [a for _, a in sides])

    @classmethod
    def build_sides(cls, questions: list[str], answers: list[str]) -> FieldedLexicalIndex:
        return cls(LexicalIndex.build(questions), LexicalIndex.build(answers))

    def save(self, folder: Path) -> None:
        self.question.save(folder / "question")
        self.answer.save(folder / "answer")

    @classmethod
    def load(cls, folder: Path) -> FieldedLexicalIndex:
        return cls(LexicalIndex.load(folder / "question"), LexicalIndex.load(folder / "answer"))

    def scores(self, query: str) -> np.ndarray:
        """Per unit: question score / best question score + ANSWER_WEIGHT × the same for answers (0 … 1.4)."""
        question, answer = self.question.scores(query), self.answer.scores(query)
        combined = np.zeros_like(question)
        if question.max() > 0:
            combined += question / question.max()
        if answer.max() > 0:
            combined += ANSWER_WEIGHT * answer / answer.max()
        return combined
