"""Precedents for a sub-question: which earlier answers to search, and which sentences to quote."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.parse.model import Document
from bot.reading.route import Route
from bot.retrieval.lexical import fold, tokenize
from bot.retrieval.search import Hit, SearchFilters, search_many, subject_coverage

PRECEDENTS_PER_QUESTION = 3
QUOTE_CHARS = 420
# Share of the title's rare words, and of a sub-question's own (title words left out), idf-weighted, that a
# cited precedent must hold. Measured by bench/retrieval.py --tune (full index): the gold document of a
# single-sub-question query holds this much in 67 % of the cases, the top answered hit of a no-answer query
# in 2 % (at 0.5: 64 % and 0 %; at 0.4: 71 % and 5 %).
SUBJECT_FLOOR = 0.45
# ... and must still hold SECOND_WORD_FLOOR of it without its strongest word: a rare name shared with the part
# ("Oekraïners", "Frontex") carries the share alone, yet an answer on visas for Ukrainians is not one on their
# temporary protection. Drafts of the three retrieval query sets lost 1 of 257 citations to it, not a gold one;
# the figures above are the same with it (bench/retrieval.py --tune, bench/draft_citations.py).
SECOND_WORD_FLOOR = 0.05


def _flat(text: str) -> str:
    return " ".join(fold(text).split())


def _query(doc: Document, sub: Route) -> str:
    return (f"{doc.title}. {sub.text}" if doc.title else sub.text)[:4000]


def find_precedents_many(index, doc: Document, subs: list[Route], k: int = PRECEDENTS_PER_QUESTION) -> list[list[Hit]]:
    """Answered precedents for each sub-question (one batched search), never the question being answered.

    A precedent must pass the relevance floor for the sub-question read with the question's title, and
    hold both subjects: the question's (its title's rare words) and the part's own (the sub-question's
    rare words other than the title's), each at SUBJECT_FLOOR of their idf weight, and not by one word
    alone (SECOND_WORD_FLOOR). So a part about evaluating an agreement on employment does not cite an
    answer that only shares the title's words, nor one about the same partner on another matter. Below
    the floors, nothing is cited."""
    if not subs:
        return []
    filters = SearchFilters(answered_only=True, exclude_ids=[doc.id] if doc.id else [])
    results = search_many(index, [_query(doc, sub) for sub in subs], k=k + 2, filters=filters)
    found = []
    for sub, ranked in zip(subs, results, strict=True):
        # A copy of this very question under another id (pasted without header) is not a precedent either.
        hits = [h for h in ranked if h.relevant and not copies_question(h, [sub.text])]
        if hits:
            # With several parts the title is their common subject, and each part must add its own; a single
            # part's subject is the whole question, title included.
            if len(doc.subquestions) > 1:
                own = subject_coverage(index, sub.text, hits, leave_out=doc.title)
            else:
                own = subject_coverage(index, f"{doc.title} {sub.text}", hits)
            context = subject_coverage(index, doc.title, hits) if doc.title.strip() else [(1.0, 1.0)] * len(hits)
            hits = [h for h, a, b in zip(hits, own, context, strict=True) if _holds(a) and _holds(b)]
        found.append(hits[:k])
    return found


def _holds(subject: tuple[float, float]) -> bool:
    share, without_strongest_word = subject
    return share >= SUBJECT_FLOOR and without_strongest_word >= SECOND_WORD_FLOOR


def copies_question(hit: Hit, texts: list[str]) -> bool:
    """Whether a hit is the question being answered under another id: a passage holds one of its sub-questions."""
    own = [flat for flat in (_flat(text) for text in texts) if flat]
    return any(flat in _flat(p.text) for p in hit.passages for flat in own)


def find_precedents(index, doc: Document, sub: Route, k: int = PRECEDENTS_PER_QUESTION) -> list[Hit]:
    """Answered precedents for one sub-question, never the question being answered itself."""
    return find_precedents_many(index, doc, [sub], k)[0]


@dataclass(frozen=True)
class PrecedentQuote:
    hit: Hit
    quote: str
    numbers: list[int]  # the precedent's sub-questions the quoted answer part covers


def _readable(sentence: str) -> bool:
    letters = sum(ch.isalpha() for ch in sentence)
    digits = sum(ch.isdigit() for ch in sentence)
    return len(sentence) >= 40 and letters >= 0.7 * len(sentence.replace(" ", "")) and digits <= 0.08 * len(sentence)


def answer_quote(hit: Hit, question: str) -> tuple[str, list[int]] | None:
    """The most relevant readable sentences of an answer in the hit's passages (tables and lists skipped)."""
    wanted = set(tokenize(question))
    best: tuple[int, str, list[int]] | None = None
    for passage in hit.passages:
        match = re.search(r"^Antwoord\b[^\n]*", passage.text, flags=re.MULTILINE)
        if not match:
            continue
        answer = passage.text[match.start():]
        answer = re.sub(r"^Antwoord(?::|\s+[^A-Za-z\n]{0,24}?[.:])?\s*", "", answer)
        sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", " ".join(answer.split())) if _readable(s.strip())]
        for i, sentence in enumerate(sentences):
            score = len(wanted & set(tokenize(sentence)))
            if best is None or score > best[0]:
                quote = sentence
                if len(quote) < QUOTE_CHARS // 2 and i + 1 < len(sentences):
                    quote += " " + sentences[i + 1]
                best = (score, quote, passage.numbers)
    if best is None:
        return None
    _, quote, numbers = best
    if len(quote) > QUOTE_CHARS:
        quote = quote[:QUOTE_CHARS].rsplit(" ", 1)[0] + " …"
    return quote, numbers


def quotes_for(hits: list[Hit], question: str, limit: int = 2) -> list[PrecedentQuote]:
    """A quote from each of the first `limit` precedents that have a readable answer."""
    quotes = []
    for hit in hits:
        found = answer_quote(hit, question)
        if found:
            quotes.append(PrecedentQuote(hit=hit, quote=found[0], numbers=found[1]))
        if len(quotes) == limit:
            break
    return quotes


def precedent_url(doc_id: str) -> str | None:
    return doc_id if doc_id.startswith("http") else None
