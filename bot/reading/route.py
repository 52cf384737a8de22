"""Routing a sub-question: what kind of answer it needs, and the statistical slots it names.

Kinds: `statistic` (asks for figures), `policy_evaluation` (asks for the minister's view or
evaluation), `actions` (asks what is done or planned), `procedure` (how/when something works),
`other`. A sub-question that names a measure *and* asks for a count or overview is a statistic
even when it also says "georganiseerd" (seed question 6); one that names a measure but asks
for an evaluation ("Hoe evalueert de minister de instroom?") is not.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel

from bot.reading.reader import read_query
from tools.availability import AvailabilityQuery
from tools.text import fold

Kind = Literal["statistic", "policy_evaluation", "actions", "procedure", "other"]

_EVALUATION = r"evalu|beoordeel|tevreden|visie|standpunt|mening|hoe staat (?:de|u)|acht (?:de minister|u)|vindt (?:de minister|u)|overweegt|bereid|wenselijk|succesvol|lessen"
_ACTIONS = r"\bacties?\b|maatregel|initiatie(?:f|ven)|project(?:en)?\b|onderne|georganiseerd|organiseert|worden genomen|neemt u|plant (?:de minister|u)|plannen|inspanningen|stappen"
_PROCEDURE = r"\bwanneer\b|termijn|procedure|\btiming\b|hoe gebeurt|hoe verloopt|wie is bevoegd|welke regels|stand van zaken|timing|wettelijk|reglementering|op welke (?:wijze|manier)"
_COUNT = r"\bhoeveel\b|\baantal\b|\bcijfers?\b|percentage|\bbedrag|overzicht|opdeling|opsplitsing|\bper (?:provincie|jaar|maand|geslacht|leeftijd)"


class Route(BaseModel):
    number: int
    text: str
    kind: Kind
    slots: AvailabilityQuery


def classify(text: str, slots: AvailabilityQuery | None = None) -> Kind:
    folded = fold(text)
    slots = slots or read_query(text)
    measure = bool(slots.measure and slots.measure != "aantal")
    counts = bool(re.search(_COUNT, folded))
    if measure and counts:
        return "statistic"
    if re.search(_EVALUATION, folded):
        return "policy_evaluation"
    if re.search(_ACTIONS, folded):
        return "actions"
    if re.search(_PROCEDURE, folded):
        return "procedure"
    if measure or counts:
        return "statistic"
    return "other"


def route(number: int, text: str) -> Route:
    slots = read_query(text)
    return Route(number=number, text=text, kind=classify(text, slots), slots=slots)
