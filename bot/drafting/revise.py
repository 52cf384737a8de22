"""Changing one part of a draft and nothing else: recompose a statistical part from a refined reading,
cite a precedent in a part, remove a part, mark a part as still to complete.

Citation markers of the other parts never change: a new source gets the next free number, a source no
part cites any more leaves the list (its number is not reused), annexes likewise.
"""

from __future__ import annotations

from bot.drafting.compose import NO_PRECEDENT
from bot.drafting.guard import UnsupportedNumber, unsupported_claims
from bot.drafting.house_style import TO_COMPLETE
from bot.drafting.model import Draft, DraftPart
from bot.drafting.precedents import precedent_url, quotes_for
from bot.drafting.render import render_markdown
from bot.drafting.sources import Sources
from bot.drafting.statements import OwnerNames, statistic_statement
from bot.retrieval.search import Hit
from tools.catalog import default_catalog
from tools.errors import PQError
from tools.reading import Reading
from tools.statistics import answer


class UnknownPart(PQError):
    """A part the draft does not have."""


def find_part(draft: Draft, number: int | str) -> DraftPart:
    """The part with this label ("1+4-6") or the part that answers sub-question `number`."""
    for part in draft.parts:
        if str(number) == part.label or (str(number).isdigit() and int(number) in part.numbers):
            return part
    labels = ", ".join(p.label for p in draft.parts)
    raise UnknownPart(f"dit ontwerp heeft geen deel {number}; de delen zijn {labels}")


def _sources_of(draft: Draft) -> Sources:
    sources = Sources()
    sources.citations = list(draft.sources)
    sources.annexes = list(draft.annexes)
    # New sources and annexes take numbers after every number ever used in this draft.
    sources.next_citation = max((c.n for c in draft.sources), default=0) + 1
    sources.next_annex = max((a.number for a in draft.annexes), default=0) + 1
    return sources


def _finish(draft: Draft) -> Draft:
    """Drop sources and annexes no part uses any more; render the text again."""
    used = {c.n for p in draft.parts for c in p.citations}
    draft.sources = [c for c in draft.sources if c.n in used]
    annexes = {a for p in draft.parts for a in p.annexes}
    draft.annexes = [a for a in draft.annexes if a.number in annexes]
    draft.text = render_markdown(draft)
    return draft


def recompose_statistic(draft: Draft, number: int | str, reading: Reading) -> tuple[Draft, DraftPart]:
    """The draft with one statistical part answered anew for `reading`; every other part untouched."""
    draft = draft.model_copy(deep=True)
    part = find_part(draft, number)
    catalog = default_catalog()
    sources = _sources_of(draft)
    names = OwnerNames(catalog)
    # An owner already written out in another part is named short here.
    names.named = {o for o, entry in catalog.owners.items() for p in draft.parts if p is not part and entry.name in p.text}
    statement = statistic_statement(answer(reading), sources, names, count=len(part.numbers), catalog=catalog)
    new = part.model_copy(update={
        "kind": "statistic", "status": statement.status, "owner": statement.owner, "text": statement.text,
        "citations": statement.citations, "figures": statement.figures, "annexes": statement.annexes,
        "reading": reading.model_dump(mode="json"), "understood": statement.understood,
        "to_complete": statement.status in ("not_available", "needs_review"),
    })
    if new.to_complete:
        new.text += f" {TO_COMPLETE}"
    missing = unsupported_claims(new, draft.question_numbers)
    if missing:  # a composer bug: refuse rather than hand out an unsupported figure
        raise UnsupportedNumber(missing, f"composed part {new.label}")
    draft.parts[draft.parts.index(part)] = new
    draft.sources, draft.annexes = sources.citations, sources.annexes
    return _finish(draft), new


def cite_precedent(draft: Draft, number: int | str, hit: Hit) -> tuple[Draft, DraftPart]:
    """The draft with a quote of precedent `hit` added to one part, cited."""
    draft = draft.model_copy(deep=True)
    part = find_part(draft, number)
    quotes = quotes_for([hit], part.text, limit=1)
    if not quotes:
        raise PQError(f"vraag {hit.id} heeft geen antwoordtekst die geciteerd kan worden")
    found = quotes[0]
    sources = _sources_of(draft)
    citation = sources.cite(kind="precedent", id=hit.id, title=hit.title, passage=found.quote, date=hit.date, mp=hit.mp,
                            addressee=hit.addressee, numbers=found.numbers, url=precedent_url(hit.id))
    office = hit.addressee if hit.source == "vlaams-parlement" else (hit.department or hit.addressee)
    who = ", ".join(x for x in [office, hit.date] if x)
    line = f"- {hit.title or hit.id} ({who}): “{found.quote}” [{citation.n}]"
    text = part.text.replace(f" {NO_PRECEDENT}", "")
    text += ("\n" if "Eerdere antwoorden over dit onderwerp:" in text else " Eerdere antwoorden over dit onderwerp:\n") + line
    new = part.model_copy(update={"text": text, "citations": [*part.citations, citation],
                                  "precedents": list(dict.fromkeys([*part.precedents, hit.id]))})
    draft.parts[draft.parts.index(part)] = new
    draft.sources, draft.annexes = sources.citations, sources.annexes
    return _finish(draft), new


def remove_part(draft: Draft, number: int | str) -> tuple[Draft, DraftPart]:
    draft = draft.model_copy(deep=True)
    part = find_part(draft, number)
    draft.parts.remove(part)
    return _finish(draft), part


def mark_to_complete(draft: Draft, number: int | str) -> tuple[Draft, DraftPart]:
    draft = draft.model_copy(deep=True)
    part = find_part(draft, number)
    new = part.model_copy(update={"to_complete": True, "text": part.text if TO_COMPLETE in part.text else f"{part.text} {TO_COMPLETE}"})
    draft.parts[draft.parts.index(part)] = new
    return _finish(draft), new


def replace_text(draft: Draft, number: int | str, text: str) -> tuple[Draft, DraftPart]:
    draft = draft.model_copy(deep=True)
    part = find_part(draft, number)
    new = part.model_copy(update={"text": text})
    draft.parts[draft.parts.index(part)] = new
    return _finish(draft), new
