"""Drafting pipeline: parse → route → tools → precedents → compose → guard (→ optional LLM).

Each step is a plain function with typed input and output; `draft_document` runs them in
order and records per-step timings (see bench/draft.py).
"""

from __future__ import annotations

import datetime as dt
import re
import time

from bot.drafting.compose import Composer, SubAnswer, group
from bot.drafting.guard import UnsupportedNumber, draft_allowed_numbers, unsupported_claims
from bot.drafting.house_style import header, minister
from bot.drafting.model import Draft
from bot.drafting.precedents import find_precedents_many
from bot.drafting.render import render_markdown
from bot.drafting.rewrite import rewrite_parts
from bot.parse.model import Document
from bot.reading.llm_reading import better_reading
from bot.reading.periods import CURRENT, find_period
from bot.reading.reader import normal_phrase, with_unplaced
from bot.reading.route import Route, route
from bot.reading.subject import named_populations, vague_measure_word
from bot.retrieval.store import IndexUnavailable
from tools.errors import PQError
from tools.reading import Period
from tools.statistics import answer as statistics_answer


def read_subquestions(doc: Document, asked: dt.date, llm=None) -> list[Route]:
    """Each sub-question read and routed; one that refers back ("deze asielzoekers", "van hen")
    is read within the last statistical sub-question before it. A measure read from a word that names
    it only in a question about its population ("aanvragen") stands only when the question names that
    population somewhere (bot/reading/subject.py); otherwise the word is reported as not understood."""
    routes: list[Route] = []
    context = None
    intro_period = asked_period(doc.introduction or "", asked)
    named = named_populations("\n".join([doc.title or "", doc.introduction or "", *(s.text for s in doc.subquestions)]))
    for sub in doc.subquestions:
        routed = route(sub.number, sub.text, context=context, asked=asked)
        if routed.kind == "statistic" and llm is not None:
            routed = routed.model_copy(update={"reading": better_reading(routed.reading, llm)})
        vague = vague_measure_word(routed.reading, named) if routed.kind == "statistic" else None
        if vague:
            routed = routed.model_copy(update={"reading": with_unplaced(routed.reading.model_copy(update={"measure": None}), vague)})
        if routed.kind == "statistic" and intro_period and routed.reading.period is None and not CURRENT.search(normal_phrase(sub.text)):
            # "Kan u meedelen voor het jaar 2016: 1. hoeveel …": the period asked for every part that names none (the
            # most recent figures would answer another question); shown in "Begrepen als" like any other.
            routed = routed.model_copy(update={"reading": routed.reading.model_copy(update={"period": intro_period})})
        routes.append(routed)
        if routed.kind == "statistic" and routed.reading.measure_id and not vague:
            context = routed.reading
    return routes


# "In navolging van mijn vraag nr. 700 van 25 februari 2016 …": a date that cites a document, not the period asked.
_CITES_DOCUMENT = re.compile(r"\bnr\.?\s*\d|\bvraag\b[^.:]*\bvan\s+\d|\bwet\b[^.:]*\bvan\s+\d|\bbesluit\b[^.:]*\bvan\s+\d", re.IGNORECASE)


def asked_period(introduction: str, asked: dt.date) -> Period | None:
    """The period the introduction's last sentence names when it asks for the parts that follow ("Kan u
    meedelen voor 2016:", "Graag cijfers voor de periode 2010 tot 2016."); None otherwise."""
    sentences = [s for s in re.split(r"(?<=[.!?:])\s*(?=[A-Z])", introduction.strip()) if s.strip()]
    if not sentences or not _ASKING.search(sentences[-1]) or _CITES_DOCUMENT.search(sentences[-1]):
        return None
    found = find_period(normal_phrase(sentences[-1]), asked)
    return found.period if found else None


def run_tools(sub: Route) -> SubAnswer:
    """The figures (or the statement why there are none) for one sub-question; a failure here
    concerns this part only and never sinks the draft."""
    answer = SubAnswer(route=sub)
    if sub.kind != "statistic":
        return answer
    try:
        answer.stat = statistics_answer(sub.reading)
    except PQError as exc:
        answer.error = str(exc)
    return answer


# Common function words of Dutch, French and English (the languages questions are read in): a third or more of
# the words of a real question, next to none of random text.
_FUNCTION_WORDS = frozenset(
    "de het een van en in is dat op te voor met zijn niet aan er om ook als bij door naar of worden wordt deze die dit "
    "hoe wat welke hoeveel u uw werd heeft hebben kan kunt zal "
    "la le les des du un une et est que qui pour dans sur par pas au aux ce cette combien quel quelle quels comment "
    "the of and to is are was were for on with by that this how many what which who why when".split())
_ASKING = re.compile(r"\?|\b(hoeveel|welke|wat|wie|waarom|hoe|wanneer|waar|graag|gelieve|kunt|kan|zal|zult|klopt|"
                     r"zou|zouden|wil|wilt|mag|vraag|vernemen|verneem|meedelen|weten|"
                     r"combien|quel|quelle|quels|quelles|comment|pourquoi|quand|how|what|which|who|why|when)\b", re.IGNORECASE)


def reads_as_question(doc: Document) -> bool:
    """Text in words that asks something (a question mark or a question word): not random characters. The asking may
    be in the introduction alone: "Graag had ik de volgende cijfers gekregen:" over parts that only name figures."""
    text = " ".join([doc.title, doc.introduction, *(s.text for s in doc.subquestions)])
    words = re.findall(r"[a-zà-ÿ]+", text.lower())
    share = sum(w in _FUNCTION_WORDS for w in words) / max(len(words), 1)
    return share >= 0.12 and any(_ASKING.search(t) for t in [doc.introduction, *(s.text for s in doc.subquestions)])


# -- the pipeline --------------------------------------------------------------------------
def draft_document(doc: Document, index=None, llm=None, on_step=None) -> Draft:
    """Draft an answer to `doc`; `on_step(description, fraction)` hears of each step (for progress bars)."""
    timings: dict[str, float] = {}
    warnings: list[str] = []
    if not doc.subquestions:
        raise PQError("the question has no sub-questions to answer")
    if not reads_as_question(doc):
        raise PQError("the text does not read as a parliamentary question (no words that ask something); nothing was drafted")
    step = on_step or (lambda *_: None)

    step("Deelvragen indelen", 0.05)
    t0 = time.perf_counter()
    routes = read_subquestions(doc, doc.date or dt.date.today(), llm)
    timings["route"] = time.perf_counter() - t0

    step("Cijfers en eigenaarschap opzoeken", 0.2)
    t0 = time.perf_counter()
    answers = [run_tools(r) for r in routes]
    timings["tools"] = time.perf_counter() - t0

    step("Precedenten zoeken", 0.4)
    t0 = time.perf_counter()
    if index is not None:
        try:
            notice = index.notice()
            if notice:
                warnings.append(f"precedenten alleen lexicaal gezocht: {notice}")
            # One batched search (one embedding call) for every sub-question.
            for answer, found in zip(answers, find_precedents_many(index, doc, [a.route for a in answers]), strict=True):
                answer.precedents = found
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
        missing = unsupported_claims(part, draft.question_numbers)
        if missing:  # a composer bug: refuse rather than hand out an unsupported figure
            raise UnsupportedNumber(missing, f"composed part {part.label}")
    timings["guard"] = time.perf_counter() - t0

    if llm is not None:
        step("Tekst herformuleren (LLM)", 0.9)
        t0 = time.perf_counter()
        rewrite_parts(llm, draft, allowed)
        timings["llm"] = time.perf_counter() - t0

    draft.text = render_markdown(draft)
    draft.timings = {k: round(v, 4) for k, v in timings.items()}
    return draft
