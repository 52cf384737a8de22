"""Drafting pipeline: parse → route → tools → precedents → compose → guard (→ optional LLM).

Each step is a plain function with typed input and output; `draft_document` runs them in
order and records per-step timings (see bench/draft.py).
"""

from __future__ import annotations

import re
import time

from bot.compose import Composer, SubAnswer, group, render_markdown
from bot.draft_model import Draft
from bot.errors import PQError
from bot.guard import UnsupportedNumber, allowed_values, numbers_in, unsupported
from bot.house_style import header, minister
from bot.lexical import tokenize
from bot.model import Document
from bot.route import Route, route
from bot.search import SearchFilters, search
from bot.store import IndexUnavailable
from bot.text import fold, parse_dutch_date
from tools.aggregate import aggregate
from tools.availability import resolve
from tools.catalog import CatalogError, default_catalog
from tools.figures import Figure, lookup_figures

PRECEDENTS_PER_QUESTION = 3


# -- step: tools ---------------------------------------------------------------------------
def _question_date(text: str) -> str | None:
    date = parse_dutch_date(text)
    if date:
        return date.isoformat()
    end_of_year = re.search(r"\b(?:eind|einde|op het einde van|eind december)\s+(20\d\d)\b", text, flags=re.IGNORECASE)
    if end_of_year:
        return f"{end_of_year.group(1)}-12-31"
    match = re.search(r"\b(20\d\d)-(\d\d)-(\d\d)\b", text)
    return match.group() if match else None


def published_figures(sub: Route, owner: str | None) -> list[Figure]:
    """Published figures that answer a sub-question asking for a value on a date or in a year."""
    date = _question_date(sub.text) or (sub.slots.period.start if sub.slots.period and sub.slots.period.start == sub.slots.period.end else None)
    if not date:
        return []
    try:
        candidates = lookup_figures({"owner": owner, "date": date}) if owner else lookup_figures({"date": date})
    except (PQError, CatalogError, ValueError):
        return []
    # Owner names and years say nothing about *what* is counted.
    owner_words = {w for name in default_catalog().owners for w in tokenize(name)}
    words = {w for w in tokenize(sub.text) if w.isalpha()} - owner_words
    scored = []
    for figure in candidates:
        if figure.breakdown_value:  # totals only: a breakdown row answers another question
            continue
        overlap = len(words & set(tokenize(figure.indicator)))
        if overlap:
            scored.append((overlap, figure))
    if not scored:
        return []
    best = max(score for score, _ in scored)
    return [figure for score, figure in scored if score == best]


def run_tools(sub: Route) -> SubAnswer:
    answer = SubAnswer(route=sub)
    if sub.kind != "statistic":
        return answer
    answer.availability = resolve(sub.slots)
    if answer.availability.status == "available" and answer.availability.query is not None:
        answer.result = aggregate(answer.availability.query)
    elif answer.availability.status in ("owned_elsewhere", "not_available"):
        answer.published = published_figures(sub, answer.availability.owner)
    return answer


# -- step: precedents ------------------------------------------------------------------------
def find_precedents(index, doc: Document, sub: Route, k: int = PRECEDENTS_PER_QUESTION) -> list:
    """Answered precedents for one sub-question, never the question being answered itself."""
    filters = SearchFilters(answered_only=True, exclude_ids=[doc.id] if doc.id else [])
    query = f"{doc.title}. {sub.text}" if doc.title else sub.text
    hits = search(index, query[:4000], k=k + 2, filters=filters)
    own = fold(" ".join(sub.text.split()))
    # A copy of this very question under another id (pasted without header) is not a precedent either.
    hits = [h for h in hits if not any(own and own in fold(" ".join(p.text.split())) for p in h.passages)]
    return hits[:k]


# -- the pipeline --------------------------------------------------------------------------
def draft_document(doc: Document, index=None, llm=None, on_step=None) -> Draft:
    """Draft an answer to `doc`; `on_step(description, fraction)` hears of each step (for progress bars)."""
    timings: dict[str, float] = {}
    warnings: list[str] = []
    if not doc.subquestions:
        raise PQError("the question has no sub-questions to answer")
    step = on_step or (lambda *_: None)

    step("Deelvragen indelen", 0.05)
    t0 = time.perf_counter()
    routes = [route(s.number, s.text) for s in doc.subquestions]
    timings["route"] = time.perf_counter() - t0

    step("Cijfers en eigenaarschap opzoeken", 0.2)
    t0 = time.perf_counter()
    answers = [run_tools(r) for r in routes]
    timings["tools"] = time.perf_counter() - t0

    step("Precedenten zoeken", 0.4)
    t0 = time.perf_counter()
    if index is not None:
        try:
            for answer in answers:
                answer.precedents = find_precedents(index, doc, answer.route)
        except IndexUnavailable as exc:
            warnings.append(f"geen precedenten: {exc}")
    else:
        warnings.append("geen precedenten: er is geen zoekindex geopend")
    timings["precedents"] = time.perf_counter() - t0

    step("Antwoord opstellen", 0.8)
    t0 = time.perf_counter()
    composer = Composer()
    parts = [composer.part(g) for g in group(answers)]
    name, title = minister()
    draft = Draft(question_id=doc.id or None, header=header(doc), minister=name, minister_title=title, title=doc.title,
                  parts=parts, annexes=composer.annexes, sources=composer.citations, warnings=warnings)
    timings["compose"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    allowed = draft_allowed_numbers(doc, draft)
    for part in draft.parts:
        missing = unsupported(part.text, allowed)
        if missing:  # a composer bug: refuse rather than hand out an unsupported figure
            raise UnsupportedNumber(missing, f"composed part {part.label}")
    timings["guard"] = time.perf_counter() - t0

    if llm is not None:
        from bot.llm import rewrite_parts

        step("Tekst herformuleren (LLM)", 0.9)
        t0 = time.perf_counter()
        rewrite_parts(llm, draft, allowed)
        timings["llm"] = time.perf_counter() - t0

    draft.text = render_markdown(draft)
    draft.timings = {k: round(v, 4) for k, v in timings.items()}
    return draft


def draft_allowed_numbers(doc: Document, draft: Draft) -> set:
    """Numbers a draft may state: figures, cited passages, and the question's own numbers.

    The question's numbers are kept in the draft, so that an edited draft can be checked later
    without the question (see bot/export.py)."""
    question = [doc.title, doc.introduction, draft.header, *(s.text for s in doc.subquestions)]
    draft.question_numbers = list(dict.fromkeys(numbers_in(" \n".join(question)) + [str(s.number) for s in doc.subquestions]))
    return allowed_numbers(draft)


def allowed_numbers(draft: Draft) -> set:
    values = [f.value for p in draft.parts for f in p.figures]
    texts = [" ".join(draft.question_numbers)]
    for c in draft.sources:
        texts += [c.passage, c.id, c.date or "", c.reference_period or "", c.title]
        values += [v for row in c.table for v in row.values() if isinstance(v, int | float)]
    return allowed_values(values, texts)
