"""Drafting in conversation: one chat that drafts a question, refines and explains its parts, searches
precedents, edits and exports — every instruction acted on, or said why not.

The chat holds no logic of its own for figures: a refinement ("deel 1 per geslacht", "voor 3 alleen
Limburg", "en het jaar ervoor?") goes through the same reader and follow-up rules as `ask`
(bot/reading/followup.py) and the part is recomposed by bot/drafting/revise.py; the other parts do not
change. Each turn that changes the draft returns the new draft, so the caller can keep it as a version.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field

from bot.drafting.guard import allowed_numbers
from bot.drafting.house_style import TO_COMPLETE, dutch_list, dutch_number
from bot.drafting.model import Draft, DraftPart
from bot.drafting.pipeline import draft_document
from bot.drafting.revise import (
    cite_precedent,
    find_part,
    mark_to_complete,
    recompose_statistic,
    remove_part,
    replace_text,
)
from bot.drafting.rewrite import rewrite_part
from bot.parse.files import parse_text
from bot.reading.describe import describe
from bot.reading.followup import apply_follow_up
from bot.reading.reader import read
from bot.retrieval.search import Hit, SearchFilters, search
from tools.availability import resolve
from tools.catalog import default_catalog
from tools.errors import PQError
from tools.reading import Reading
from tools.text import fold

ChatKind = Literal["draft", "refine", "explain", "search", "cite", "edit", "export", "rewrite", "help"]
MAX_MESSAGE_CHARS = 200_000

HELP = ("Ik kan: een vraag opstellen (plak de vraag), een deel verfijnen ('deel 1 per geslacht', 'voor 3 alleen Limburg', "
        "'en het jaar ervoor?'), uitleggen ('waarom verwijs je naar Fedasil?', 'waar komt het cijfer van deel 1 vandaan?'), "
        "eerdere antwoorden zoeken ('zoek eerdere antwoorden over jobbeurzen') en er een citeren ('citeer 1 in deel 7'), "
        "een deel schrappen ('schrap deel 8') of op te vervolledigen zetten ('zet deel 7 op te vervolledigen'), "
        "en exporteren ('maak er een Word-bestand van').")


class ChatState(BaseModel):
    draft: Draft | None = None
    question: str | None = None  # the question as pasted
    focus: str | None = None  # the part the last refinement was about
    hits: list[Hit] = Field(default_factory=list)  # the last search, to cite from
    turns: list[dict[str, str]] = Field(default_factory=list)


class ChatReply(BaseModel):
    kind: ChatKind
    text: str
    draft: Draft | None = None
    changed: list[str] = Field(default_factory=list)  # labels of the parts this turn changed
    hits: list[dict[str, Any]] = Field(default_factory=list)
    file: str | None = None
    state: ChatState

    def to_json_dict(self) -> dict:
        return self.model_dump(mode="json")


# --- recognising what is asked -----------------------------------------------------------------
_PART = re.compile(r"\b(?:deel|deelvraag|vraag|antwoord|part|partie|punt)\s+(\d+(?:\s*[-+]\s*\d+)*)|\b(?:voor|bij|in|van|for)\s+(\d+)\b(?!\s*(?:[a-z]+\s+)?\d{4})")
_EXPLAIN = re.compile(r"\b(?:waarom|waar komt|waar komen|hoe kom je|hoe komt|verklaar|uitleg|leg uit|why|where does|pourquoi|d'ou vient)\b")
_SEARCH = re.compile(r"\b(?:zoek|zoeken|vind|eerdere antwoorden|precedenten|search|find|cherche)\b")
_CITE = re.compile(r"\b(?:citeer|cite|gebruik|neem)\s+(?:resultaat\s+|treffer\s+|nummer\s+)?(\d+)\b.*?\b(?:in|bij|voor)\s+(?:deel\s+)?(\d+(?:\s*[-+]\s*\d+)*)")
_REMOVE = re.compile(r"\b(?:schrap|verwijder|laat .* weg|weg met|delete|remove|supprime)\b")
_TO_COMPLETE = re.compile(r"\bop te vervolledigen\b|\bte vervolledigen\b|\bmark .* to complete\b")
_EXPORT = re.compile(r"\b(?:word|docx|markdown|exporteer|export|bestand)\b")
_REWRITE = re.compile(r"\b(?:formuleer|herformuleer|herschrijf|korter|langer|vlotter|formeler|eenvoudiger|rewrite|shorter|reformule)\b")


def _looks_like_a_question_to_draft(text: str) -> bool:
    return bool(re.search(r"^\s*1\s*[.)]\s+\S", text, re.MULTILINE)) or "SCHRIFTELIJKE VRAAG" in text.upper() or len(text) > 400


def _part_named(folded: str) -> str | None:
    match = _PART.search(folded)
    if not match:
        return None
    label = match.group(1) or match.group(2)
    return re.sub(r"\s+", "", label)


# --- the conversation ----------------------------------------------------------------------------
class Chat:
    def __init__(self, index=None, llm=None, exporter: Callable[[Draft, str], Path] | None = None,
                 asked: dt.date | None = None) -> None:
        self.index = index
        self.llm = llm
        self.exporter = exporter
        self.asked = asked

    def turn(self, message: str, state: ChatState | None = None) -> ChatReply:
        text = (message or "").strip()
        if not text:
            raise PQError("het bericht is leeg")
        if len(text) > MAX_MESSAGE_CHARS:
            raise PQError(f"het bericht is {len(text):,} tekens lang; de grens is {MAX_MESSAGE_CHARS:,}".replace(",", "."))
        state = state.model_copy(deep=True) if state else ChatState()
        reply = self._dispatch(text, state)
        state.turns += [{"role": "user", "content": text}, {"role": "assistant", "content": reply.text}]
        reply.state = state
        return reply

    def _dispatch(self, text: str, state: ChatState) -> ChatReply:
        folded = fold(text)
        if state.draft is None or _looks_like_a_question_to_draft(text):
            if state.draft is None and not _looks_like_a_question_to_draft(text) and "?" not in text:
                return ChatReply(kind="help", text="Er is nog geen ontwerp. Plak eerst de schriftelijke vraag. " + HELP, state=state)
            return self._draft(text, state)
        if _CITE.search(folded):
            return self._cite(folded, state)
        if _SEARCH.search(folded):
            return self._search(text, folded, state)
        if _EXPLAIN.search(folded):
            return self._explain(folded, state)
        if _REMOVE.search(folded):
            return self._edit(folded, state, remove=True)
        if _TO_COMPLETE.search(folded):
            return self._edit(folded, state, remove=False)
        if _REWRITE.search(folded):
            return self._rewrite(text, folded, state)
        if _EXPORT.search(folded):
            return self._export(folded, state)
        return self._refine(text, folded, state)

    # -- drafting ----------------------------------------------------------------------------
    def _draft(self, text: str, state: ChatState) -> ChatReply:
        doc = parse_text(text)
        draft = draft_document(doc, index=self.index, llm=None)
        state.draft, state.question, state.focus, state.hits = draft, text, None, []
        statuses = dutch_list([f"{p.label} ({_status_words(p)})" for p in draft.parts])
        return ChatReply(kind="draft", text=f"Ontwerpantwoord opgesteld in {len(draft.parts)} delen: {statuses}.", draft=draft,
                         changed=[p.label for p in draft.parts], state=state)

    # -- refining a statistical part -----------------------------------------------------------
    def _refine(self, text: str, folded: str, state: ChatState) -> ChatReply:
        draft = state.draft
        label = _part_named(folded)
        statistical = [p for p in draft.parts if p.kind == "statistic" and p.reading]
        if label is None:
            if state.focus and any(p.label == state.focus for p in statistical):
                label = state.focus
            elif len(statistical) == 1:
                label = statistical[0].label
            else:
                labels = dutch_list([p.label for p in statistical]) or "geen"
                return ChatReply(kind="help", text=f"Welk deel bedoelt u? Statistische delen: {labels}. Bijvoorbeeld: 'deel "
                                 f"{statistical[0].label if statistical else 1} per geslacht'. " + HELP, state=state)
        part = find_part(draft, label)
        if part.kind != "statistic" or not part.reading:
            return ChatReply(kind="help", text=f"Deel {part.label} vraagt geen cijfers; verfijnen kan alleen bij een statistisch deel. "
                             "Ik kan het wel op te vervolledigen zetten, er een eerder antwoord in citeren of het schrappen.", state=state)
        instruction = _strip_part_reference(text)
        previous = Reading.model_validate(part.reading)
        turn = read(instruction, context=previous, asked=self.asked or dt.date.today())
        refined = apply_follow_up(previous, turn, instruction)
        new_draft, new_part = recompose_statistic(draft, part.label, refined)
        state.draft, state.focus = new_draft, new_part.label
        said = f"Deel {new_part.label} aangepast. {new_part.understood}"
        if turn.unplaced:
            said += f" Niet herkend in uw vraag: {', '.join(turn.unplaced)}; daarom geen cijfer."
        return ChatReply(kind="refine", text=said, draft=new_draft, changed=[new_part.label], state=state)

    # -- explaining ---------------------------------------------------------------------------
    def _explain(self, folded: str, state: ChatState) -> ChatReply:
        draft = state.draft
        part = self._part_for_explanation(folded, draft)
        if part is None:
            labels = dutch_list([p.label for p in draft.parts])
            return ChatReply(kind="help", text=f"Over welk deel gaat uw vraag? De delen zijn {labels}.", state=state)
        return ChatReply(kind="explain", text=explain_part(part, draft), state=state)

    def _part_for_explanation(self, folded: str, draft: Draft) -> DraftPart | None:
        label = _part_named(folded)
        if label:
            return find_part(draft, label)
        number = re.search(r"\b\d{1,3}(?:\.\d{3})+\b|\b\d{4,}\b", folded)
        if number:  # "waar komt 32.012 vandaan?"
            value = float(number.group().replace(".", ""))
            return next((p for p in draft.parts if any(f.value == value for f in p.figures)), None)
        catalog = default_catalog()
        for owner_id, owner in catalog.owners.items():  # "waarom verwijs je naar Fedasil?"
            if re.search(rf"\b{re.escape(fold(owner.short))}\b", folded):
                found = next((p for p in draft.parts if p.owner == owner_id), None)
                if found:
                    return found
        return draft.parts[0] if len(draft.parts) == 1 else None

    # -- precedents ---------------------------------------------------------------------------
    def _search(self, text: str, folded: str, state: ChatState) -> ChatReply:
        if self.index is None:
            return ChatReply(kind="search", text="De zoekindex is (nog) niet beschikbaar; zoeken kan zo dadelijk.", state=state)
        query = re.sub(r"^.*?\b(?:over|naar|rond|omtrent|about|sur)\b\s+", "", text, count=1, flags=re.IGNORECASE) if " over " in f" {folded} " or " naar " in f" {folded} " else text
        hits = search(self.index, query, k=5, filters=SearchFilters(answered_only=True))
        relevant = [h for h in hits if getattr(h, "relevant", True)]
        state.hits = relevant
        if not relevant:
            return ChatReply(kind="search", text="Geen eerder antwoord over dit onderwerp gevonden.", state=state)
        listed = "\n".join(f"{i}. {h.title or h.id} ({', '.join(x for x in [h.department or h.addressee, h.date] if x)})"
                           for i, h in enumerate(relevant, 1))
        return ChatReply(kind="search", text=f"Eerdere antwoorden:\n{listed}\nCiteer er een met bijvoorbeeld 'citeer 1 in deel "
                         f"{next((p.label for p in state.draft.parts if p.kind != 'statistic'), state.draft.parts[-1].label)}'.",
                         hits=[h.contract() for h in relevant], state=state)

    def _cite(self, folded: str, state: ChatState) -> ChatReply:
        match = _CITE.search(folded)
        index, label = int(match.group(1)), re.sub(r"\s+", "", match.group(2))
        if not state.hits:
            return ChatReply(kind="help", text="Zoek eerst eerdere antwoorden ('zoek eerdere antwoorden over …'); dan kan ik er een citeren.",
                             state=state)
        if not 1 <= index <= len(state.hits):
            return ChatReply(kind="help", text=f"Kies een resultaat van 1 tot {len(state.hits)}.", state=state)
        new_draft, part = cite_precedent(state.draft, label, state.hits[index - 1])
        state.draft = new_draft
        return ChatReply(kind="cite", text=f"Eerder antwoord {state.hits[index - 1].title or state.hits[index - 1].id} geciteerd in deel {part.label}.",
                         draft=new_draft, changed=[part.label], state=state)

    # -- editing ------------------------------------------------------------------------------
    def _edit(self, folded: str, state: ChatState, remove: bool) -> ChatReply:
        label = _part_named(folded)
        if label is None:
            return ChatReply(kind="help", text="Welk deel? Bijvoorbeeld 'schrap deel 8' of 'zet deel 7 op te vervolledigen'.", state=state)
        if remove:
            new_draft, part = remove_part(state.draft, label)
            said = f"Deel {part.label} geschrapt."
            changed = [part.label]
        else:
            new_draft, part = mark_to_complete(state.draft, label)
            said = f"Deel {part.label} staat op te vervolledigen ({TO_COMPLETE})."
            changed = [part.label]
        state.draft = new_draft
        return ChatReply(kind="edit", text=said, draft=new_draft, changed=changed, state=state)

    def _rewrite(self, text: str, folded: str, state: ChatState) -> ChatReply:
        label = _part_named(folded)
        if label is None:
            return ChatReply(kind="help", text="Welk deel moet ik herformuleren? Bijvoorbeeld 'formuleer deel 7 korter'.", state=state)
        part = find_part(state.draft, label)
        if self.llm is None:
            return ChatReply(kind="rewrite", text="Herformuleren vraagt een taalmodel, en er is er geen ingesteld (PQ_LLM). "
                             f"U kunt deel {part.label} zelf bewerken in het ontwerp.", state=state)
        rewritten, problem = rewrite_part(self.llm, part.text, allowed_numbers(state.draft), instruction=text)
        if problem:
            return ChatReply(kind="rewrite", text=f"De herformulering van deel {part.label} is verworpen: {problem}. De tekst blijft zoals hij was.",
                             state=state)
        new_draft, new_part = replace_text(state.draft, part.label, rewritten)
        state.draft = new_draft
        return ChatReply(kind="rewrite", text=f"Deel {new_part.label} herschreven (nagekeken: elke bronverwijzing behouden, geen nieuwe getallen).",
                         draft=new_draft, changed=[new_part.label], state=state)

    def _export(self, folded: str, state: ChatState) -> ChatReply:
        fmt = "md" if "markdown" in folded else "docx"
        if self.exporter is None:
            return ChatReply(kind="export", text="Exporteren is hier niet mogelijk.", state=state)
        path = self.exporter(state.draft, fmt)
        return ChatReply(kind="export", text=f"Het {'Word-bestand' if fmt == 'docx' else 'Markdown-bestand'} staat klaar: {Path(path).name}.",
                         file=str(path), state=state)


def _strip_part_reference(text: str) -> str:
    """'deel 1 per geslacht' -> 'per geslacht'; 'voor 3 alleen Limburg' -> 'alleen Limburg'."""
    return re.sub(r"^\s*(?:en\s+)?(?:(?:voor|bij|in|van)\s+)?(?:deel|deelvraag|vraag|part)?\s*\d+(?:\s*[-+]\s*\d+)*\s*[:,]?\s*", "", text,
                  flags=re.IGNORECASE).strip() or text


def _status_words(part: DraftPart) -> str:
    words = {"available": "met cijfers", "owned_elsewhere": f"eigendom van {part.owner}", "not_identified": "niet geïdentificeerd",
             "not_available": "geen gegevens", "needs_review": "te controleren", "policy": "beleid, te vervolledigen",
             "actions": "acties, te vervolledigen", "procedure": "procedure, te vervolledigen", "other": "te vervolledigen",
             "edited": "bewerkt"}
    return words.get(part.status, part.status)


def explain_part(part: DraftPart, draft: Draft) -> str:
    """Why a part says what it says: the reading, the catalog rule, and the sources behind it."""
    catalog = default_catalog()
    sentences = []
    if part.kind != "statistic" or not part.reading:
        cited = [c for c in part.citations if c.kind == "precedent"]
        sentences.append(f"Deel {part.label} vraagt geen cijfers maar een antwoord van de minister; het is nog te vervolledigen.")
        if cited:
            sentences.append("Het citeert eerdere antwoorden: " + "; ".join(f"[{c.n}] {c.title} (vraag {c.id}, {c.date or 'datum onbekend'})"
                                                                             for c in cited) + ".")
        return " ".join(sentences)
    reading = Reading.model_validate(part.reading)
    verdict = resolve(reading)
    sentences.append(describe(reading))
    population = catalog.label(verdict.population or reading.population)
    measure = catalog.label(verdict.measure or reading.measure_id)
    if verdict.status == "owned_elsewhere":
        owner = catalog.owner_name(verdict.owner)
        sentences.append(f"Regel: gegevens over {measure} van {population} zijn volgens de datacatalogus van {owner}"
                         + (f" ({verdict.reason.rstrip('.')})" if verdict.reason else "")
                         + "; gegevens van een ander agentschap die niet openbaar zijn, geeft dit kabinet niet zelf: het verwijst door.")
        if verdict.competent:
            sentences.append(f"Bevoegd is {verdict.competent}.")
    elif verdict.status == "not_identified":
        dataset = catalog.dataset(verdict.dataset).title if verdict.dataset else "de gegevens"
        sentences.append(f"Regel: de vraag gaat over {population} in het register van {catalog.owner_short(verdict.owner)}, en '{dataset}' "
                         f"kan {population} niet apart herkennen" + (f" ({verdict.reason.rstrip('.')})" if verdict.reason else "")
                         + "; een totaal van alle personen zou een andere vraag beantwoorden.")
    elif verdict.status == "needs_review":
        sentences.append(f"Regel: de woorden {', '.join(verdict.unplaced)} werden niet herkend; een cijfer zou dan een andere vraag "
                         "kunnen beantwoorden, dus er wordt er geen gegeven.")
    elif part.status == "available":
        kinds = {"stock": "een stand op één datum (nooit opgeteld over datums)", "flow": "een som over precies de gevraagde maanden"}
        dataset_figures = [f for f in part.figures if f.dataset != "gepubliceerde_cijfers"]
        if dataset_figures:
            ds = catalog.dataset(dataset_figures[0].dataset)
            measure_type = next((m.type for m in ds.measures if m.label == dataset_figures[0].label.split(",")[0]), None)
            sentences.append(f"De cijfers komen uit '{ds.title}' ({catalog.owner_short(ds.owner)})"
                             + (f"; het is {kinds[measure_type]}" if measure_type in kinds else "") + ".")
    else:
        sentences.append(f"Er is geen cijfer: {part.text.split(' [')[0]}")
    for figure in part.figures[:6]:
        filters = "; ".join(f"{k} {', '.join(v)}" for k, v in figure.filters.items() if k != "figure_id")
        sentences.append(f"Cijfer {dutch_number(figure.value)}: {figure.label}, {figure.reference_period}"
                         + (f" ({filters})" if filters else "") + (f", bron [{figure.citation}]" if figure.citation else "") + ".")
    for citation in part.citations:
        where = f" — {citation.url}" if citation.url else ""
        sentences.append(f"Bron [{citation.n}]: {citation.title}{where}.")
    return " ".join(sentences)
