"""Drafting in conversation: one chat that drafts a question, refines and explains its parts, searches
precedents, edits and exports — every instruction acted on, or said why not.

The chat holds no logic of its own for figures: a refinement ("deel 1 per geslacht", "voor 3 alleen
Limburg", "en het jaar ervoor?") is understood by `ask`'s own `understand` (the reader and the
follow-up rules of bot/reading/) and the part is recomposed by bot/drafting/revise.py; the other parts
do not change. An explanation recomputes nothing by other means: it asks the availability resolver and
the statistics what they decided for the part's reading, and names the catalog rule and the sources.
Each turn that changes the draft returns the new draft, so the caller can keep it as a version.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field

from bot.app_messages import status_badge_text
from bot.ask import AskState, understand
from bot.drafting.guard import allowed_numbers
from bot.drafting.house_style import TO_COMPLETE, dutch_list, dutch_number
from bot.drafting.model import Draft, DraftPart
from bot.drafting.pipeline import draft_document
from bot.drafting.precedents import copies_question, quotes_for
from bot.drafting.revise import (
    UnknownPart,
    cite_precedent,
    find_part,
    mark_to_complete,
    recompose_statistic,
    remove_part,
    replace_text,
)
from bot.drafting.rewrite import rewrite_part
from bot.parse.files import parse_text
from bot.parse.model import Document
from bot.reading.describe import describe
from bot.retrieval.search import Hit, SearchFilters, search
from tools.catalog import default_catalog
from tools.errors import PQError
from tools.reading import Reading
from tools.statistics import StatAnswer, answer
from tools.text import fold, month_words, span_words

ChatKind = Literal["draft", "show", "refine", "explain", "search", "cite", "edit", "undo", "export", "rewrite", "help"]
MAX_MESSAGE_CHARS = 200_000
MAX_TURNS_KEPT = 40  # the conversation a state carries (a state file stays small)
MAX_EARLIER = 5
MAX_TURN_CHARS = 2_000  # a pasted question is kept whole once (`question`), not again in the turns
SEARCH_RESULTS = 5

HELP = ("Ik kan: een vraag opstellen (plak de vraag of kies een bestand), een statistisch deel verfijnen ('deel 1 per geslacht', "
        "'voor 3 alleen Limburg', 'en het jaar ervoor?'), uitleggen ('waarom verwijs je naar Fedasil?', 'waar komt het cijfer van "
        "deel 1 vandaan?'), eerdere antwoorden zoeken ('zoek eerdere antwoorden over jobbeurzen') en er een citeren ('citeer 1 in "
        "deel 7'), een deel schrappen ('schrap deel 8') of op te vervolledigen zetten ('zet deel 7 op te vervolledigen'), "
        "een deel herformuleren met een taalmodel ('formuleer deel 7 korter'), een wijziging ongedaan maken ('maak dat ongedaan', "
        "'ga terug naar versie 2') en exporteren ('maak er een Word-bestand van').")


class ChatState(BaseModel):
    draft: Draft | None = None
    question: str | None = None  # the question as pasted (or as read from its file)
    asked: dt.date | None = None  # the question's date: "vorig jaar" in a refinement is read against it
    focus: str | None = None  # the part the last refinement or explanation was about
    hits: list[Hit] = Field(default_factory=list)  # the last search, to cite from
    turns: list[dict[str, str]] = Field(default_factory=list)
    # The drafts before the last changes (bounded), for "maak dat ongedaan" where no dossier keeps versions.
    earlier: list[Draft] = Field(default_factory=list)


class ChatReply(BaseModel):
    kind: ChatKind
    text: str
    draft: Draft | None = None  # the new draft when this turn changed it, else None
    changed: list[str] = Field(default_factory=list)  # labels of the parts this turn changed (or removed)
    hits: list[dict[str, Any]] = Field(default_factory=list)
    file: str | None = None
    state: ChatState

    def to_json_dict(self) -> dict:
        return self.model_dump(mode="json")


# --- recognising what is asked -------------------------------------------------------------------
# Everything is matched on folded text (lower case, no accents).
_MONTHS = ("januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|"
           "sep|sept|okt|nov|dec|january|february|march|june|july|october")
_NUM = r"\d{1,2}(?:\s*[-+]\s*\d{1,2})*"
_LIST = rf"{_NUM}(?:\s*(?:,|\ben\b|\band\b|\bet\b|&)\s*{_NUM})*"
_PART_WORDS = r"(?:deelvragen|deelvraag|delen|deel|vragen|vraag|parts|part|partie|punten|punt)"
_PART_REF = re.compile(rf"(?:\b(?:voor|bij|in|van|aan|for|to)\s+)?(?:\b(?:het|de)\s+)?\b{_PART_WORDS}\s+({_LIST})\b(?!\s*(?:{_MONTHS})\b)"
                       rf"|\b(?:voor|bij|in|aan|for|to)\s+({_NUM})\b(?!\s*(?:{_MONTHS}|maanden|maand|jaar|jaren|weken|dagen|procent|%)\b)(?!\d|[.,]\d)")
_HELP = re.compile(r"^(?:help|hulp|\?+|hallo|hoi|dag|goeiedag|goedendag|goedemorgen|goedemiddag|hello|hi|bonjour|"
                   r"wat kan (?:je|jij|u|ik)(?: hier)?(?: (?:doen|vragen))?|wat kun (?:je|jij)(?: doen)?|hoe werkt (?:dit|het)(?: hier)?|"
                   r"welke opdrachten(?: zijn er)?|wat zijn de opdrachten|opdrachten|commando'?s|uitleg over de chat|what can you do)\W*$")
_THANKS = re.compile(r"^(?:(?:ok|oke|okay|goed|prima|top|super|perfect|mooi|fijn)\W*)*(?:dank (?:je|u)(?: wel)?|bedankt|merci|thanks|"
                     r"thank you)?\W*$")
_CITE = re.compile(r"\b(?:citeer|citeren|cite|citer)\b"
                   r"|\b(?:gebruik|neem|voeg)\s+(?:(?:resultaat|treffer|nummer|precedent)\s+)?(?:\d{1,2}|het eerste|de eerste|het tweede|"
                   r"de tweede|het derde|de derde|het vierde|de vierde|het vijfde|de vijfde)\b.*\b(?:in|bij|voor|aan)\b")
_ORDINALS = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "vijfde": 5, "first": 1, "second": 2, "third": 3, "fourth": 4,
             "fifth": 5, "laatste": -1, "last": -1}
_SEARCH = re.compile(r"\b(?:zoek|zoeken|opzoeken|eerdere antwoorden|eerdere vragen|vroegere antwoorden|precedenten|precedent|"
                     r"search|find|cherche|chercher)\b")
_SEARCH_WORDS = re.compile(r"^(?:(?:kan je|kun je|wil je|graag|eens|even|nog|mij|me|ook|alle|een paar|enkele|nu)\s+)*"
                           r"(?:zoek|zoeken|opzoeken|vind|search|find|cherche|chercher)\s+(?:(?:eens|even|nog|mij|me|ook|alle|een paar|"
                           r"enkele|naar)\s+)*(?:(?:eerdere|vroegere|oude|andere|vergelijkbare|previous|earlier)\s+)?"
                           r"(?:(?:antwoorden|vragen|precedenten|schriftelijke vragen|answers|questions|reponses)\s+)?"
                           r"(?:(?:over|naar|rond|omtrent|met|op|van|about|on|sur)\s+)?")
_EXPLAIN = re.compile(r"\b(?:waarom|waar komt|waar komen|waar haal|waarop steunt|hoe kom je|hoe komt|hoe weet|verklaar|uitleg|"
                      r"hoe (?:heb je|lees je|las je|begrijp je|heb jij|werd|is)\b.*\b(?:gelezen|begrepen|lezen|begrijpen)|"
                      r"hoe (?:lees|begrijp) je|wat heb je (?:gelezen|begrepen)|"
                      r"leg\b.*\buit|welke bron|welke bronnen|wat is de bron|bron van|bronnen van|op basis waarvan|"
                      r"why|where does|where do|explain|pourquoi|d'ou vien|expliqu)")
_REMOVE_PART = re.compile(
    rf"\b(?:schrap|schrappen|verwijder|verwijderen|wis|delete|remove|drop|supprime[rz]?)\s+(?:(?:het|de|ook|maar|dan)\s+)*{_PART_WORDS}\s+{_LIST}"
    rf"|\b{_PART_WORDS}\s+{_LIST}\s+(?:(?:mag|moet|kan|mogen|moeten|kunnen|graag)\s+)?(?:weg|schrappen|geschrapt|verwijderen|verwijderd|"
    r"eruit|vervallen)\b"
    rf"|\blaat\s+(?:(?:het|de|ook|maar)\s+)*{_PART_WORDS}\s+{_LIST}\s+(?:weg|vallen)\b")
_REMOVE_SOMETHING = re.compile(r"\b(?:schrap|schrappen|verwijder|verwijderen|laat .* weg|weg met|delete|remove|supprime)\b")
_TO_COMPLETE = re.compile(r"\bop te vervolledigen\b|\bte vervolledigen\b|\baan te vullen\b|\bopen laten\b|\bmark .* to complete\b")
_REWRITE = re.compile(r"\b(?:formuleer|herformuleer|herformuleren|herschrijf|herschrijven|korter|langer|vlotter|formeler|eenvoudiger|"
                      r"bondiger|beknopter|zakelijker|duidelijker|vriendelijker|verbeter|rewrite|shorter|reformule[rz]?)\b")
_UNDO = re.compile(r"\b(?:maak\s+(?:(?:dat|het|dit|de laatste wijziging|die wijziging)\s+)?(?:ook\s+|nog\s+)?ongedaan|ongedaan maken|undo|"
                   r"zet\s+(?:dat|dit|het|die wijziging)\s+(?:ook\s+|maar\s+|weer\s+)?terug\W*$|herstel(?: de vorige versie| dat| het)?\W*$|"
                   r"(?:ga\s+|zet\s+(?:het\s+)?)?terug naar (?:de\s+)?(?:vorige\s+)?versie(?:\s+(\d+))?|vorige versie terug|"
                   r"(?:nog\s+)?(?:een\s+|1\s+)?stap(?:je)?\s+terug|"
                   r"draai\s+(?:dat|het|dit|die wijziging|de laatste wijziging)\s+(?:ook\s+|nog\s+|weer\s+)?terug|terugdraaien)\b")
# "toon het ontwerp", "laat deel 2 nog eens zien", "wat staat er in deel 3?": only that, nothing to change.
_SHOW = re.compile(
    r"^(?:(?:kan je|kun je|kunt u|wil je|wilt u|graag|aub|even|nog eens|opnieuw|me|mij|eens)\s+)*"
    r"(?:toon|tonen|laat|geef|bekijk|lees|show|print|wat staat er(?:\s+nu)? in|hoe ziet)\s+(?:(?:me|mij|nog eens|opnieuw|eens|even|nu)\s+)*"
    rf"(?:(?:het|de|heel het|het hele|mijn|ons)\s+)?(?:(?:ontwerpantwoord|ontwerp|antwoord|draft|tekst|versie)|{_PART_WORDS}\s+{_LIST})"
    r"(?:\s+(?:(?:nog eens|opnieuw|eens|even|nu|er\s+nu|eruit)\s+)*(?:zien|uit|voor)?)?(?:\s+aub)?\W*$")
_EXPORT = re.compile(r"\b(?:word|docx|markdown|exporteer|exporteren|export|download|downloaden|bestand)\b")


def looks_like_a_question_to_draft(text: str) -> bool:
    """A pasted written question (numbered sub-questions, the Parliament's header, or simply long)."""
    return bool(re.search(r"^\s*1\s*[.)]\s+\S", text, re.MULTILINE)) or "SCHRIFTELIJKE VRAAG" in text.upper() or len(text) > 400


def _label_items(folded: str) -> list[str]:
    """The part labels named in an instruction: 'deel 1 en 2' -> ['1', '2']; 'voor 3' -> ['3']; 'deel 1+4-6' -> ['1+4-6']."""
    items: list[str] = []
    for match in _PART_REF.finditer(folded):
        named = match.group(1) or match.group(2)
        for item in re.split(r"\s*(?:,|\ben\b|\band\b|\bet\b|&)\s*", named):
            item = re.sub(r"\s+", "", item)
            if item and item not in items:
                items.append(item)
    return items


def _parts_named(draft: Draft, items: list[str]) -> list[DraftPart]:
    """The parts the labels point at ('2' is the part that answers sub-question 2); raises UnknownPart."""
    found: list[DraftPart] = []
    for item in items:
        try:
            parts = [find_part(draft, item)]
        except UnknownPart:
            numbers = _expand(item)
            if len(numbers) < 2:
                raise
            parts = [find_part(draft, n) for n in numbers]
        found += [p for p in parts if p not in found]
    return found


def _expand(label: str) -> list[int]:
    """'1-3' -> [1, 2, 3]; '1+4' -> [1, 4]."""
    numbers: list[int] = []
    for piece in label.split("+"):
        bounds = [int(x) for x in piece.split("-") if x.isdigit()]
        if len(bounds) == 2 and bounds[0] <= bounds[1] <= bounds[0] + 30:
            numbers += range(bounds[0], bounds[1] + 1)
        else:
            numbers += bounds
    return numbers


def _strip_part_references(text: str) -> str:
    """'deel 1 per geslacht' -> 'per geslacht'; 'voor 3 alleen Limburg' -> 'alleen limburg'; 'per geslacht voor deel 2' -> 'per geslacht'."""
    out = _PART_REF.sub(" ", fold(text))
    return re.sub(r"\s+([?.!,:;])", r"\1", " ".join(out.split())).strip(" ,:;")


def _figure_named(folded: str) -> float | None:
    """A figure the desk names ('32.012', '35507', '3,5'), not a year and not a part number."""
    for number in re.findall(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{4,}(?:,\d+)?|\d+,\d+)(?![\d.,]\d)", folded):
        value = float(number.replace(".", "").replace(",", "."))
        if not (number.isdigit() and 1900 <= value <= 2100):
            return value
    return None


# The chat's own way of asking, around what the reader reads: politeness, imperatives and the value being replaced.
_COMMAND_WORDS = [
    (re.compile(r"\b(?:aub|a\.u\.b\.?|alsjeblieft|alstublieft|svp|s\.v\.p\.?|please|dank je|dank u|bedankt|toch|liever|eigenlijk)\b"), " "),
    (re.compile(r"^(?:(?:maak|toon|geef|herbereken|bereken|verander|wijzig|pas|doe|zet|werk)\s+(?:het|dat|dit|deze|die)?\s*)+"), ""),
    (re.compile(r"\bsplits\b(.*?)\bop\b\s*(?:naar|volgens|per)?"), r"\1 per "),
    (re.compile(r"\b(?:in plaats van|i\.p\.v\.?|ipv|instead of)\b.*$"), ""),
    (re.compile(r"\s+(?:aan|bij|om)\s*([?.!]*)$"), r"\1"),  # the rest of "pas deel 1 aan", "werk deel 1 bij"
]


def _instruction(text: str) -> str:
    """What the reader should read in a refinement: 'splits deel 1 op naar geslacht aub' -> 'per geslacht'."""
    out = _strip_part_references(text)
    for pattern, replacement in _COMMAND_WORDS:
        out = pattern.sub(replacement, out)
    return re.sub(r"\s+([?.!,:;])", r"\1", " ".join(out.split())).strip(" ,:;") or _strip_part_references(text)


def _same_reading(a: Reading, b: Reading) -> bool:
    """The same question asked (the words it was asked in aside)."""
    skip = {"text", "source", "corrected", "language", "unplaced", "filter_words"}

    def key(reading: Reading) -> dict:
        data = reading.model_dump(mode="json", exclude=skip)
        if data.get("period"):
            data["period"] = {k: v for k, v in data["period"].items() if k not in ("words", "relative_to")}
        for name in ("populations", "registers", "also_measures"):
            data[name] = [x["id"] for x in data.get(name) or []]
        data["measure"] = (data.get("measure") or {}).get("id")
        return data

    return key(a) == key(b)


# --- the conversation ----------------------------------------------------------------------------
class Chat:
    """One conversation about one draft. `exporter(draft, fmt)` writes the file (the app's or the CLI's
    own way); `drafter(document)` drafts a question (by default the pipeline, as `draft` does);
    `versions(number)` gives an earlier version of the draft and its name (None: the one before the current
    one), where the caller keeps versions (the app's dossier)."""

    def __init__(self, index=None, llm=None, exporter: Callable[[Draft, str], Path] | None = None,
                 asked: dt.date | None = None, drafter: Callable[[Document], Draft] | None = None,
                 versions: Callable[[int | None], tuple[Draft, str]] | None = None) -> None:
        self.index = index
        self.llm = llm
        self.exporter = exporter
        self.asked = asked
        self.versions = versions
        self.drafter = drafter or (lambda doc: draft_document(doc, index=self.index, llm=self.llm))

    def turn(self, message: str, state: ChatState | None = None, document: Document | None = None,
             question_text: str | None = None) -> ChatReply:
        """Act on one message. With `document` (a question read from a file) the turn drafts it."""
        text = (message or "").strip()
        if not text and document is None:
            raise PQError("het bericht is leeg")
        if len(text) > MAX_MESSAGE_CHARS:
            raise PQError(f"het bericht is {len(text):,} tekens lang; de grens is {MAX_MESSAGE_CHARS:,}".replace(",", "."))
        state = state.model_copy(deep=True) if state else ChatState()
        before = state.draft
        if document is not None:
            reply = self._draft(document, question_text or text, state)
        else:
            try:
                reply = self._dispatch(text, state)
            except UnknownPart as exc:  # "schrap deel 9": said in the conversation, nothing changes
                reply = ChatReply(kind="help", text=f"{_sentence(str(exc))} Er is niets gewijzigd.", state=state)
        if reply.kind == "draft":
            state.earlier = []  # another question: its own history
            if before is not None:
                reply.text = ("Dit is een nieuwe vraag: het vorige ontwerp is vervangen (in de app blijft het bewaard in het dossier).\n"
                              + reply.text)
        elif reply.draft is not None and reply.kind != "undo" and before is not None:
            state.earlier = [*state.earlier, before][-MAX_EARLIER:]
        state.turns = [*state.turns, {"role": "user", "content": (text or question_text or "")[:MAX_TURN_CHARS]},
                       {"role": "assistant", "content": reply.text}][-MAX_TURNS_KEPT:]
        reply.state = state
        return reply

    def _dispatch(self, text: str, state: ChatState) -> ChatReply:
        folded = fold(text)
        if _HELP.match(folded):
            return self._help(state)
        if _THANKS.match(folded):
            return ChatReply(kind="help", text="Graag gedaan. " + (_suggestions(state.draft) if state.draft else "Plak een vraag om te beginnen."),
                             state=state)
        if looks_like_a_question_to_draft(text):
            return self._draft(parse_text(text), text, state)
        if _SEARCH.search(folded) and not _CITE.search(folded) and not _EXPLAIN.search(folded):
            return self._search(text, folded, state)  # a search needs no draft
        if state.draft is None:
            if "?" in text and not _EXPLAIN.search(folded) and not _label_items(folded):
                return self._draft(parse_text(text), text, state)  # a one-line question
            return ChatReply(kind="help", text="Er is nog geen ontwerp. Plak eerst de schriftelijke vraag of kies een bestand. " + HELP,
                             state=state)
        if _SHOW.match(folded):
            return self._show(folded, state)
        if _UNDO.search(folded):
            return self._undo(folded, state)
        if _CITE.search(folded):
            return self._cite(folded, state)
        if _EXPLAIN.search(folded):
            return self._explain(folded, state)
        if _SEARCH.search(folded):
            return self._search(text, folded, state)
        if _REMOVE_PART.search(folded):
            return self._remove(folded, state)
        if _TO_COMPLETE.search(folded):
            return self._to_complete(folded, state)
        if _REWRITE.search(folded) or _REMOVE_SOMETHING.search(folded):
            return self._rewrite(text, folded, state)
        if _EXPORT.search(folded):
            return self._export(folded, state)
        return self._refine(text, folded, state)

    def _help(self, state: ChatState) -> ChatReply:
        if state.draft is None:
            return ChatReply(kind="help", text="Plak de schriftelijke vraag of kies een bestand; ik stel er een ontwerpantwoord op. "
                             + HELP, state=state)
        labels = dutch_list([p.label for p in state.draft.parts])
        return ChatReply(kind="help", text=f"Het ontwerp heeft de delen {labels}. " + HELP, state=state)

    def _show(self, folded: str, state: ChatState) -> ChatReply:
        """The draft (or the parts named) as it stands; nothing changes."""
        items = _label_items(folded)
        if not items:
            return ChatReply(kind="show", text=state.draft.text, state=state)
        parts = _parts_named(state.draft, items)
        blocks = [f"{p.label}. {p.text}" + (f"\n({p.understood})" if p.understood else "") for p in parts]
        state.focus = parts[-1].label
        return ChatReply(kind="show", text="\n\n".join(blocks), state=state)

    # -- drafting ----------------------------------------------------------------------------
    def _draft(self, doc: Document, text: str, state: ChatState) -> ChatReply:
        draft = self.drafter(doc)
        state.draft, state.question, state.asked, state.focus, state.hits = draft, text, doc.date, None, []
        lines = [f"- {p.label}: {status_badge_text(p.status, p.owner)}" for p in draft.parts]
        said = f"Ontwerpantwoord opgesteld in {len(draft.parts)} {'deel' if len(draft.parts) == 1 else 'delen'}:\n" + "\n".join(lines)
        said += "\n" + _suggestions(draft)
        return ChatReply(kind="draft", text=said, draft=draft, changed=[p.label for p in draft.parts], state=state)

    # -- refining a statistical part -----------------------------------------------------------
    def _refine(self, text: str, folded: str, state: ChatState) -> ChatReply:
        draft = state.draft
        statistical = [p for p in draft.parts if p.kind == "statistic" and p.reading]
        instruction = _instruction(text) or text
        items = _label_items(folded)
        if items:
            parts = _parts_named(draft, items)
        elif state.focus and any(p.label == state.focus for p in statistical):
            parts = [next(p for p in statistical if p.label == state.focus)]
        elif len(statistical) == 1:
            parts = statistical
        else:
            if statistical and self._reads_as_refinement(instruction, statistical[0], state):
                labels = dutch_list([p.label for p in statistical])
                return ChatReply(kind="help", text=f"Welk deel bedoelt u? Statistische delen: {labels}. Bijvoorbeeld: 'deel "
                                 f"{statistical[0].numbers[0] if statistical[0].numbers else statistical[0].label} {instruction}'.",
                                 state=state)
            return self._not_understood(text, state)
        not_statistical = [p for p in parts if not (p.kind == "statistic" and p.reading)]
        if not_statistical:
            names = dutch_list([p.label for p in not_statistical])
            if not items:
                return self._not_understood(text, state)
            return ChatReply(kind="help", text=f"Deel {names} vraagt geen cijfers; verfijnen kan alleen bij een statistisch deel "
                             f"({dutch_list([p.label for p in statistical]) or 'dit ontwerp heeft er geen'}). Bij deel {names} kan ik "
                             "eerdere antwoorden citeren, het deel op te vervolledigen zetten of schrappen.", state=state)
        asked = state.asked or self.asked or dt.date.today()
        new_draft, said, changed, misunderstood = draft, [], [], False
        for part in parts:
            previous = Reading.model_validate(part.reading)
            refined, _ = understand(instruction, AskState(reading=previous), asked, self.llm)
            if refined.unplaced:
                misunderstood = True
                said.append(f"In '{instruction}' herkende ik niet: {', '.join(refined.unplaced)}. Deel {part.label} blijft zoals het was "
                            f"({part.understood or describe(previous)})")
                continue
            if _same_reading(refined, previous):
                said.append(f"Deel {part.label} is al zo gelezen; er verandert niets. {part.understood or describe(previous)}")
                continue
            new_draft, new_part = recompose_statistic(new_draft, part.label, refined)
            changed.append(new_part.label)
            if new_part.text == part.text:
                said.append(f"Deel {new_part.label} opnieuw gelezen. {new_part.understood} De tekst blijft dezelfde: {new_part.text}")
            else:
                said.append(f"Deel {new_part.label} opnieuw opgesteld. {new_part.understood}\nNieuwe tekst: {new_part.text}")
        if not changed:
            if misunderstood:
                return ChatReply(kind="help", text="\n".join(said) + "\n" + HELP, state=state)
            return ChatReply(kind="refine", text="\n".join(said), state=state)
        state.draft, state.focus = new_draft, changed[-1]
        return ChatReply(kind="refine", text="\n".join(said), draft=new_draft, changed=changed, state=state)

    def _reads_as_refinement(self, instruction: str, part: DraftPart, state: ChatState) -> bool:
        previous = Reading.model_validate(part.reading)
        refined, _ = understand(instruction, AskState(reading=previous), state.asked or self.asked or dt.date.today(), None)
        return not refined.unplaced and not _same_reading(refined, previous)

    def _not_understood(self, text: str, state: ChatState) -> ChatReply:
        return ChatReply(kind="help", text=f"Dit begrijp ik niet als opdracht: “{text[:200]}”. Er is niets gewijzigd. " + HELP, state=state)

    # -- explaining ---------------------------------------------------------------------------
    def _explain(self, folded: str, state: ChatState) -> ChatReply:
        draft = state.draft
        parts = self._parts_for_explanation(folded, draft, state)
        value = _figure_named(folded)
        if not parts and value is not None:
            return ChatReply(kind="explain", text=f"Het cijfer {dutch_number(value)} staat in geen deel van dit ontwerp; elk cijfer in het "
                             "ontwerp komt uit een dataset of een gepubliceerde bron. Vraag bijvoorbeeld 'waar komt het cijfer van deel "
                             f"{draft.parts[0].label} vandaan?'.", state=state)
        owner = _owner_named(folded)
        if owner and not _label_items(folded) and not any(p.owner == owner for p in draft.parts):
            # "waarom verwijs je naar Fedasil?" while no part does: said, not another part explained instead.
            return ChatReply(kind="explain", text=f"Geen enkel deel van dit ontwerp verwijst naar {default_catalog().owner_short(owner)}. "
                             f"De delen zijn {dutch_list([f'{p.label} ({status_badge_text(p.status, p.owner)})' for p in draft.parts])}.",
                             state=state)
        if not parts:
            labels = dutch_list([p.label for p in draft.parts])
            return ChatReply(kind="help", text=f"Over welk deel gaat uw vraag? De delen zijn {labels}. Bijvoorbeeld: 'waarom zegt deel "
                             f"{draft.parts[0].label} dat?'", state=state)
        state.focus = parts[-1].label
        return ChatReply(kind="explain", text="\n\n".join(explain_part(p, draft, value) for p in parts), state=state)

    def _parts_for_explanation(self, folded: str, draft: Draft, state: ChatState) -> list[DraftPart]:
        items = _label_items(folded)
        if items:
            return _parts_named(draft, items)
        value = _figure_named(folded)
        if value is not None:  # "waar komt 32.012 vandaan?"
            return [p for p in draft.parts if any(f.value == value for f in p.figures)][:1]
        owner = _owner_named(folded)  # "waarom verwijs je naar Fedasil?"
        if owner:
            return [p for p in draft.parts if p.owner == owner]
        statuses = {"niet geidentificeerd": "not_identified", "niet apart": "not_identified", "te controleren": "needs_review",
                    "geen gegevens": "not_available", "geen cijfer": "not_available", "verwijs": "owned_elsewhere",
                    "doorverwijs": "owned_elsewhere", "ander agentschap": "owned_elsewhere", "andere instantie": "owned_elsewhere",
                    "refer": "owned_elsewhere"}
        for words, status in statuses.items():
            found = [p for p in draft.parts if p.status == status]
            if re.search(rf"\b{words}", folded) and found:
                return found
        if state.focus:
            found = [p for p in draft.parts if p.label == state.focus]
            if found:
                return found
        return draft.parts[:1] if len(draft.parts) == 1 else []

    # -- precedents ---------------------------------------------------------------------------
    def _search(self, text: str, folded: str, state: ChatState) -> ChatReply:
        if self.index is None:
            return ChatReply(kind="search", text="De zoekindex is (nog) niet beschikbaar; zoeken kan zo dadelijk.", state=state)
        query = _SEARCH_WORDS.sub("", fold(text)).strip(" ?.!:")
        items = _label_items(folded)
        target = None
        if state.draft is not None and items:
            target = _parts_named(state.draft, items)[0]
            query = _PART_REF.sub(" ", query).strip(" ?.!:")
            query = re.sub(r"^(?:voor|bij|in|van)\b\s*|\s*\b(?:voor|bij|in|van)$", "", query).strip()
            if len(query) < 3:
                query = self._subquestion_text(state, target) or query
        if len(query) < 3:
            return ChatReply(kind="help", text="Waarover moet ik zoeken? Bijvoorbeeld: 'zoek eerdere antwoorden over jobbeurzen'.",
                             state=state)
        own = state.draft.question_id if state.draft is not None else None
        # The question being answered may be in the corpus itself (answered meanwhile, or pasted without its
        # number): it is no precedent of itself.
        own_texts = self._own_subquestions(state)
        hits = [h for h in search(self.index, query, k=SEARCH_RESULTS + 2, filters=SearchFilters(answered_only=True))
                if h.id != own and not copies_question(h, own_texts)]
        hits = hits[:SEARCH_RESULTS]
        relevant = [h for h in hits if getattr(h, "relevant", True)]
        state.hits = relevant
        if not relevant:
            weak = f" ({len(hits)} zwakke overeenkomsten, waarschijnlijk niet over hetzelfde onderwerp)" if hits else ""
            return ChatReply(kind="search", text=f"Geen eerder beantwoorde vraag over “{query}” gevonden{weak}.", state=state)
        cited_in = {}
        for part in state.draft.parts if state.draft is not None else []:
            for citation in part.citations:
                if citation.kind == "precedent":
                    cited_in.setdefault(citation.id, []).append(part.label)
        # Only an answer with readable text can be quoted (one sent directly to the MP has none here).
        quotable = [bool(quotes_for([h], query, limit=1)) for h in relevant]
        listed = "\n".join(f"{i}. {_hit_line(h)}" + (f" — al geciteerd in deel {dutch_list(cited_in[h.id])}" if h.id in cited_in else "")
                           + ("" if ok else " — geen antwoordtekst om te citeren")
                           for i, (h, ok) in enumerate(zip(relevant, quotable, strict=True), 1))
        first = next((i for i, ok in enumerate(quotable, 1) if ok), None)
        where = target.label if target else _citable_part(state.draft, exclude=set(cited_in.get(relevant[(first or 1) - 1].id, [])))
        if first is None:
            offer = "Geen van deze antwoorden heeft tekst die geciteerd kan worden."
        elif where:
            offer = f"Citeer er een met bijvoorbeeld 'citeer {first} in deel {where}'."
        else:
            offer = "Plak de vraag; daarna kan ik er een citeren in een deel van het ontwerp."
        return ChatReply(kind="search", text=f"Eerdere antwoorden over “{query}”:\n{listed}\n{offer}",
                         hits=[h.contract() for h in relevant], state=state)

    @staticmethod
    def _own_subquestions(state: ChatState) -> list[str]:
        if not state.question:
            return []
        try:
            return [s.text for s in parse_text(state.question).subquestions]
        except PQError:
            return []

    @staticmethod
    def _subquestion_text(state: ChatState, part: DraftPart) -> str:
        """The sub-questions a part answers, as the search text for 'zoek eerdere antwoorden voor deel 7'."""
        if not state.question:
            return ""
        try:
            doc = parse_text(state.question)
        except PQError:
            return ""
        return " ".join(s.text for s in doc.subquestions if s.number in part.numbers)[:500]

    def _cite(self, folded: str, state: ChatState) -> ChatReply:
        if not state.hits:
            return ChatReply(kind="help", text="Zoek eerst eerdere antwoorden ('zoek eerdere antwoorden over …'); dan kan ik er een citeren.",
                             state=state)
        match = re.search(r"\b(?:in|bij|voor|aan|to)\s+(?:(?:het|de)\s+)?(?:antwoord\s*)?(?:" + _PART_WORDS + r"\s+)?(" + _NUM + r")\b",
                          folded)
        if not match:
            return ChatReply(kind="help", text="In welk deel moet ik citeren? Bijvoorbeeld 'citeer 1 in deel 7'.", state=state)
        label = re.sub(r"\s+", "", match.group(1))
        head = folded[: match.start()]
        hit = self._hit_named(head, state.hits)
        if hit is None:
            choose = "Er is één resultaat" if len(state.hits) == 1 else f"Kies een nummer van 1 tot {len(state.hits)}"
            return ChatReply(kind="help", text=f"Welk resultaat? {choose}, bijvoorbeeld 'citeer 1 in deel {label}'.", state=state)
        part = _parts_named(state.draft, [label])[0]
        if hit.id in {c.id for c in part.citations if c.kind == "precedent"}:
            return ChatReply(kind="cite", text=f"Deel {part.label} citeert {hit.title or hit.id} al; er is niets gewijzigd.", state=state)
        try:
            new_draft, new_part = cite_precedent(state.draft, part.label, hit)
        except PQError as exc:
            return ChatReply(kind="cite", text=f"{_sentence(str(exc))} Er is niets gewijzigd.", state=state)
        state.draft = new_draft
        added = new_part.text.rsplit("\n", 1)[-1].removeprefix("- ")
        return ChatReply(kind="cite", text=f"Eerder antwoord geciteerd in deel {new_part.label}:\n- {added}", draft=new_draft,
                         changed=[new_part.label], state=state)

    @staticmethod
    def _hit_named(head: str, hits: list[Hit]) -> Hit | None:
        """'citeer 2', 'citeer het tweede resultaat', 'citeer 184523' (an id) -> that hit; one hit needs no number."""
        for hit in hits:
            if re.search(rf"(?<![\w:]){re.escape(fold(hit.id))}(?![\w:])", head):
                return hit
        number = re.search(r"\b(\d{1,2})\b", head)
        if number:
            index = int(number.group(1))
            return hits[index - 1] if 1 <= index <= len(hits) else None
        for word, index in _ORDINALS.items():
            if re.search(rf"\b{word}\b", head):
                return hits[-1] if index == -1 else hits[index - 1] if index <= len(hits) else None
        return hits[0] if len(hits) == 1 else None

    # -- editing ------------------------------------------------------------------------------
    def _remove(self, folded: str, state: ChatState) -> ChatReply:
        parts = _parts_named(state.draft, _label_items(_REMOVE_PART.search(folded).group(0)))
        if len(parts) >= len(state.draft.parts):
            return ChatReply(kind="help", text="Dan blijft er geen deel over; ik schrap niet het hele ontwerp. Plak een nieuwe vraag om "
                             "opnieuw te beginnen.", state=state)
        new_draft = state.draft
        for part in parts:
            new_draft, _ = remove_part(new_draft, part.label)
        labels = [p.label for p in parts]
        state.draft = new_draft
        if state.focus in labels:
            state.focus = None
        rest = dutch_list([p.label for p in new_draft.parts])
        return ChatReply(kind="edit", text=f"Deel {dutch_list(labels)} geschrapt. Het ontwerp heeft nu de delen {rest}.", draft=new_draft,
                         changed=labels, state=state)

    def _undo(self, folded: str, state: ChatState) -> ChatReply:
        number = _UNDO.search(folded).group(1)
        if self.versions is not None:  # the app: the dossier keeps every version
            try:
                earlier, name = self.versions(int(number) if number else None)
            except PQError as exc:
                return ChatReply(kind="help", text=f"{_sentence(str(exc))} Er is niets gewijzigd.", state=state)
        elif number:
            return ChatReply(kind="help", text="Versienummers houdt het dossier van de app bij; hier kan 'maak dat ongedaan' de laatste "
                             f"wijzigingen één voor één terugdraaien (tot {MAX_EARLIER}). Er is niets gewijzigd.", state=state)
        elif not state.earlier:
            return ChatReply(kind="help", text="Er is geen eerdere versie om naar terug te gaan. Er is niets gewijzigd.", state=state)
        else:
            earlier, name = state.earlier[-1], "het ontwerp van vóór de laatste wijziging"
            state.earlier = state.earlier[:-1]
        before = {p.label: p for p in state.draft.parts}
        after = {p.label: p for p in earlier.parts}
        changed = [label for label in [*after, *[x for x in before if x not in after]] if before.get(label) != after.get(label)]
        if not changed and earlier.header == state.draft.header:
            return ChatReply(kind="undo", text=f"Het ontwerp is al gelijk aan {name}; er verandert niets.", state=state)
        state.draft, state.focus = earlier, None
        parts = dutch_list([p.label for p in earlier.parts])
        return ChatReply(kind="undo", text=f"Terug naar {name}: het ontwerp heeft de delen {parts}"
                         + (f"; anders dan zonet: deel {dutch_list(changed)}." if changed else "."),
                         draft=earlier, changed=[c for c in changed if c in after], state=state)

    def _to_complete(self, folded: str, state: ChatState) -> ChatReply:
        items = _label_items(folded)
        if not items:
            return ChatReply(kind="help", text="Welk deel? Bijvoorbeeld 'zet deel 7 op te vervolledigen'.", state=state)
        parts = _parts_named(state.draft, items)
        already = [p.label for p in parts if p.to_complete and TO_COMPLETE in p.text]
        new_draft, changed = state.draft, []
        for part in parts:
            if part.label not in already:
                new_draft, new_part = mark_to_complete(new_draft, part.label)
                changed.append(new_part.label)
        said = []
        if changed:
            said.append(f"Deel {dutch_list(changed)} staat op te vervolledigen: de tekst eindigt met “{TO_COMPLETE}”.")
        if already:
            said.append(f"Deel {dutch_list(already)} stond al op te vervolledigen.")
        if not changed:
            return ChatReply(kind="edit", text=" ".join(said) + " Er is niets gewijzigd.", state=state)
        state.draft = new_draft
        return ChatReply(kind="edit", text=" ".join(said), draft=new_draft, changed=changed, state=state)

    def _rewrite(self, text: str, folded: str, state: ChatState) -> ChatReply:
        items = _label_items(folded)
        if self.llm is None:
            which = f"deel {dutch_list(items)}" if items else "een deel"
            return ChatReply(kind="rewrite", text=f"Een vrije herformulering ({which}) vraagt een taalmodel, en er is er geen ingesteld "
                             "(PQ_LLM). Er is niets gewijzigd; u kunt de tekst zelf bewerken in het ontwerp.", state=state)
        if not items:
            return ChatReply(kind="help", text="Welk deel moet ik herformuleren? Bijvoorbeeld 'formuleer deel 7 korter'.", state=state)
        new_draft, said, changed = state.draft, [], []
        for part in _parts_named(state.draft, items):
            rewritten, problem = rewrite_part(self.llm, part.text, allowed_numbers(state.draft), instruction=text)
            if problem:
                said.append(f"De herformulering van deel {part.label} is verworpen: {problem}. De tekst blijft zoals hij was.")
                continue
            new_draft, new_part = replace_text(new_draft, part.label, rewritten)
            changed.append(new_part.label)
            said.append(f"Deel {new_part.label} herschreven (nagekeken: elke bronverwijzing behouden, geen nieuwe getallen).\n"
                        f"Nieuwe tekst: {new_part.text}")
        if not changed:
            return ChatReply(kind="rewrite", text="\n".join(said), state=state)
        state.draft = new_draft
        return ChatReply(kind="rewrite", text="\n".join(said), draft=new_draft, changed=changed, state=state)

    def _export(self, folded: str, state: ChatState) -> ChatReply:
        fmt = "md" if "markdown" in folded or re.search(r"\bmd\b", folded) else "docx"
        if self.exporter is None:
            return ChatReply(kind="export", text="Exporteren is hier niet mogelijk.", state=state)
        path = self.exporter(state.draft, fmt)
        kind = "Word-bestand" if fmt == "docx" else "Markdown-bestand"
        return ChatReply(kind="export", text=f"Het {kind} staat klaar: {Path(path).name} ({len(state.draft.parts)} delen).",
                         file=str(path), state=state)


# --- wording ----------------------------------------------------------------------------------------
def _sentence(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:] + ("" if text.endswith((".", "?", "!")) else ".")


def _hit_line(hit: Hit) -> str:
    office = hit.addressee if hit.source == "vlaams-parlement" else (hit.department or hit.addressee)
    return f"{hit.title or hit.id} ({', '.join(x for x in [f'vraag {hit.id}', office, hit.date] if x)})"


def _citable_part(draft: Draft | None, exclude: set[str] | None = None) -> str | None:
    """A part to offer for a quote: one that asks the minister's answer rather than figures, and does not cite it yet."""
    if draft is None or not draft.parts:
        return None
    exclude = exclude or set()
    return next((p.label for p in draft.parts if p.kind != "statistic" and p.label not in exclude),
                next((p.label for p in draft.parts if p.kind != "statistic"), draft.parts[-1].label))


def _suggestions(draft: Draft) -> str:
    """What the desk can say next, with this draft's own part labels."""
    examples = []
    statistical = [p for p in draft.parts if p.kind == "statistic" and p.reading]
    if statistical:
        examples.append(f"'deel {statistical[0].numbers[0] if statistical[0].numbers else statistical[0].label} per geslacht'")
    elsewhere = next((p for p in draft.parts if p.status == "owned_elsewhere" and p.owner), None)
    if elsewhere:
        examples.append(f"'waarom verwijs je naar {default_catalog().owner_short(elsewhere.owner)}?'")
    citable = _citable_part(draft)
    if citable:
        examples.append("'zoek eerdere antwoorden over …'")
    examples.append("'maak er een Word-bestand van'")
    return "U kunt verder met bijvoorbeeld " + dutch_list(examples) + "."


# --- explanations -----------------------------------------------------------------------------------
_KINDS = {"stock": "een stand: hij wordt op één datum gelezen (de gevraagde datum of het einde van de periode) en nooit over "
                   "datums opgeteld",
          "flow": "een stroom: hij wordt opgeteld over precies de gevraagde maanden"}


def _owner_named(folded: str) -> str | None:
    """The agency a message names ("waarom verwijs je naar Fedasil?"), by its id, short or full name."""
    for owner_id, owner in default_catalog().owners.items():
        names = {fold(owner.short), fold(owner.name), fold(owner_id)}
        if any(re.search(rf"\b{re.escape(name)}\b", folded) for name in names if name):
            return owner_id
    return None


MAX_FIGURES_EXPLAINED = 8


def explain_part(part: DraftPart, draft: Draft, value: float | None = None) -> str:
    """Why a part says what it says, in plain Dutch: how its question was read, the catalog rule the
    availability resolver applied to that reading, and the sources behind the text. The figure asked
    about (`value`) comes first."""
    if part.kind != "statistic" or not part.reading:
        return _explain_other(part)
    catalog = default_catalog()
    reading = Reading.model_validate(part.reading)
    stat = answer(reading)
    verdict = stat.verdict
    lines = [f"Deel {part.label} ({status_badge_text(part.status, part.owner)}).",
             f"Gelezen als: {describe(reading).removeprefix('Begrepen als: ')}"]
    population = catalog.label(verdict.population or reading.population) or "de gevraagde groep"
    measure = catalog.label(verdict.measure or reading.measure_id) or "de gevraagde maatstaf"
    rule = _rule(stat, population, measure)
    if rule:
        lines.append("Regel: " + rule)
    figures = sorted(part.figures, key=lambda f: value is None or f.value != value)
    for figure in figures[:MAX_FIGURES_EXPLAINED]:
        filters = "; ".join(f"{k} {', '.join(v)}" for k, v in figure.filters.items() if k != "figure_id")
        lines.append(f"Cijfer {dutch_number(figure.value)}: {figure.label}, {figure.reference_period}"
                     + (f" ({filters})" if filters else "") + (" — synthetische demodata" if figure.synthetic else "")
                     + (f", bron [{figure.citation}]" if figure.citation else "") + ".")
    if len(figures) > MAX_FIGURES_EXPLAINED:
        lines.append(f"Dit deel bevat nog meer cijfers; noem er een om zijn herkomst te zien (bijvoorbeeld 'waar komt "
                     f"{dutch_number(figures[-1].value)} vandaan?').")
    lines += _source_lines(part)
    return "\n".join(lines)


def _rule(stat: StatAnswer, population: str, measure: str) -> str:
    """The catalog rule behind the verdict, with the catalog's own words where it has them."""
    catalog = default_catalog()
    verdict = stat.verdict
    code = verdict.reason_code
    owner = catalog.owner_name(verdict.owner) if verdict.owner else "een andere instantie"
    reason = f" De datacatalogus zegt: “{verdict.reason.rstrip('.')}.”" if verdict.reason else ""
    dataset = catalog.dataset(verdict.dataset) if verdict.dataset else None
    if code in ("other_agency", "other_register") and stat.published:
        return (f"de gegevens zijn van {owner}; het kabinet heeft ze niet zelf, maar {catalog.owner_short(verdict.owner)} publiceerde "
                f"het cijfer voor die periode, en dat wordt met zijn bron geciteerd.{reason}")
    if code in ("other_agency", "other_register"):
        about = (f"de vraag wijst naar het register van {owner}, en {measure} houdt {catalog.owner_short(verdict.owner)} zelf bij"
                 if code == "other_register" else f"volgens de datacatalogus zijn gegevens over {measure} van {population} van {owner}")
        text = (f"{about}; gegevens van een ander agentschap geeft dit kabinet niet zelf: het verwijst door naar "
                f"{catalog.owner_short(verdict.owner)}.{reason}")
        return text + (f" Bevoegd is {verdict.competent}." if verdict.competent else "")
    if code == "not_public":
        return (f"'{dataset.title if dataset else 'de dataset'}' van {owner} telt {population}, maar is niet openbaar en niet van een "
                f"agentschap van deze minister: het kabinet verwijst door." + (f" Bevoegd is {verdict.competent}." if verdict.competent else ""))
    if code in ("register_cannot_identify", "measure_cannot_identify"):
        where = f"'{dataset.title}' ({catalog.owner_short(dataset.owner)})" if dataset else f"de gegevens van {owner}"
        why = ("de vraag wijst naar dat register" if code == "register_cannot_identify" else "alleen die gegevens meten dit")
        return (f"volgens de datacatalogus kan {where} {population} niet apart herkennen, en {why}; een totaal van alle personen zou een "
                f"andere vraag beantwoorden, dus er wordt geen cijfer gegeven.{reason}")
    if code == "unplaced":
        rest = verdict.without_unplaced
        after = f" Zonder die woorden zou het antwoord zijn: {status_badge_text(rest.status, rest.owner)}." if rest else ""
        return (f"de woorden {', '.join(verdict.unplaced)} werden niet herkend; een cijfer zou dan een andere vraag kunnen beantwoorden, "
                f"dus er wordt er geen gegeven.{after}")
    if code == "several_measures":
        return "de vraag noemt meer dan één maatstaf tegelijk; welk cijfer bedoeld is, moet de dossierbeheerder nakijken."
    if verdict.status == "available" or stat.published:
        return _rule_available(stat, population, measure)
    not_available = {
        "no_measure": "de vraag noemt geen maatstaf die de datacatalogus kent, dus er is geen cijfer.",
        "no_population": f"de vraag zegt niet over welke groep {measure} gaat, dus er is geen cijfer.",
        "no_dataset": f"geen dataset in de datacatalogus meet {measure} van {population}"
                      + (f"; de gegevens zouden bij {owner} liggen." if verdict.owner else "."),
        "filter_not_in_data": "de gegevens kunnen niet filteren zoals gevraagd"
                              + (f" ({_dims(verdict.inapplicable)})" if verdict.inapplicable else "") + ".",
        "value_not_in_data": "een gevraagde waarde komt in de gegevens niet voor"
                             + (f" ({_dims(verdict.inapplicable)})" if verdict.inapplicable else "") + ".",
        "period_grain": "de gegevens hebben niet de tijdsindeling die de vraag vraagt.",
        "point_for_flow": f"{measure} is een stroom over een periode; op één datum bestaat er geen cijfer voor.",
        "published_only": f"{measure} bestaat alleen als gepubliceerd cijfer, en voor deze periode of opdeling is er geen gepubliceerd.",
        "cohort": "de gegevens volgen geen groep personen van de ene maatstaf naar de andere; zo'n cijfer bestaat niet.",
    }
    return not_available.get(code, f"er is geen cijfer ({code}).")


def _rule_available(stat: StatAnswer, population: str, measure: str) -> str:
    catalog = default_catalog()
    verdict = stat.verdict
    sentences = []
    if stat.dataset:
        ds = catalog.dataset(stat.dataset)
        how = "telt" if verdict.reason_code == "identified" else "benadert"
        sentences.append(f"'{ds.title}' ({catalog.owner_short(ds.owner)}{', synthetische demodata' if ds.synthetic else ''}) {how} "
                         f"{population}" + (f" (benadering: {verdict.caveat.rstrip('.')})" if verdict.caveat else "") + ".")
        if stat.measure_type in _KINDS:
            sentences.append(f"{(stat.measure_label or measure)[:1].upper()}{(stat.measure_label or measure)[1:]} is "
                             f"{_KINDS[stat.measure_type]}.")
    published = [*stat.published, *(f for s in stat.slices for f in s.published)]
    if published:
        titles = dutch_list(sorted({f"'{f.source_title}' ({f.publisher or f.owner})" for f in published}))
        sentences.append(f"Een gepubliceerd cijfer voor dezelfde indicator en periode gaat voor, met zijn eigen bron: {titles}.")
    missing = sorted({m for s in stat.slices for m in s.missing})
    outside = sorted({m for s in stat.slices for m in s.outside})
    if missing:
        sentences.append(f"De reeks heeft geen waarde voor {dutch_list([month_words(m) for m in missing])}; die maanden worden "
                         "genoemd, niet geschat.")
    if outside:
        series = span_words(stat.series_start, stat.series_end) if stat.series_start and stat.series_end else "de reeks"
        sentences.append(f"Buiten de reeks ({series}) valt: {dutch_list([month_words(m) for m in outside[:6]])}"
                         f"{' …' if len(outside) > 6 else ''}; daarvoor is er geen cijfer.")
    if verdict.inapplicable:
        sentences.append(f"Niet toepasbaar op deze gegevens: {_dims(verdict.inapplicable)}.")
    if verdict.missing_breakdowns:
        sentences.append(f"Geen opdeling per {dutch_list(verdict.missing_breakdowns)} in deze gegevens.")
    return " ".join(sentences)


def _dims(values: dict[str, list[str]]) -> str:
    return "; ".join(f"{k}: {', '.join(v)}" for k, v in values.items())


def _source_lines(part: DraftPart) -> list[str]:
    lines = []
    for citation in part.citations:
        where = f" — {citation.url}" if citation.url else ""
        if citation.kind == "precedent":
            lines.append(f"Bron [{citation.n}]: eerder antwoord {citation.title} (vraag {citation.id}"
                         + (f", {citation.date}" if citation.date else "") + f"){where}.")
        elif citation.kind == "figure":
            lines.append(f"Bron [{citation.n}]: gepubliceerd cijfer uit {citation.title}{where}.")
        else:
            lines.append(f"Bron [{citation.n}]: {citation.title}{where}.")
    if not lines:
        lines.append("Dit deel citeert geen bron.")
    return lines


def _explain_other(part: DraftPart) -> str:
    kinds = {"policy": "een beleidsvraag", "actions": "een vraag naar acties", "procedure": "een vraag naar de procedure",
             "edited": "een deel dat bij het bewerken werd toegevoegd"}
    what = kinds.get(part.status, "een vraag die geen cijfers vraagt")
    lines = [f"Deel {part.label} ({status_badge_text(part.status, part.owner)}).",
             f"Regel: het is {what}; zo'n antwoord schrijft de dossierbeheerder, want het kabinet geeft het standpunt van de minister."]
    if part.to_complete or TO_COMPLETE in part.text:
        lines.append("Het staat op te vervolledigen.")
    cited = [c for c in part.citations if c.kind == "precedent"]
    if cited:
        lines.append("Als houvast citeert het eerdere antwoorden:")
    lines += _source_lines(part) if cited or part.citations else ["Het citeert nog geen eerder antwoord; zoek er een met 'zoek eerdere "
                                                                  "antwoorden over …'."]
    return "\n".join(lines)
