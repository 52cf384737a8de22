"""Routing a sub-question: what kind of answer it needs, and its reading.

Kinds: `statistic` (asks for figures), `policy_evaluation` (asks for the minister's view or
evaluation), `actions` (asks what is done or planned), `procedure` (how/when something works),
`other`. A sub-question that names a measure *and* asks for a count or overview is a statistic
even when it also says "georganiseerd" (seed question 6); one that names a measure but asks
for an evaluation ("Hoe evalueert de minister de instroom?") is not, and neither is one that only
names a measure without asking for figures ("Hoe werkt de samenwerking …?": "werkt" names the
measure "aan het werk", but nothing is counted).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import BaseModel

from bot.reading.reader import read
from tools.catalog import default_catalog
from tools.reading import Reading
from tools.text import fold

Kind = Literal["statistic", "policy_evaluation", "actions", "procedure", "other"]

_EVALUATION = r"evalu|beoordeel|tevreden|visie|standpunt|mening|hoe staat (?:de|u)|acht (?:de minister|u)|vindt (?:de minister|u)|overweegt|bereid|wenselijk|succesvol|lessen|opinion|evaluat"
_ACTIONS = r"\bacties?\b|maatregel|uitbouwen|uitbreiden|versterken|wil (?:de minister|u)\b|zal (?:de minister|u)\b|initiatie(?:f|ven)|project(?:en)?\b|onderne|georganiseerd|organiseert|worden genomen|neemt u|plant (?:de minister|u)|plannen|inspanningen|stappen|mesures|measures|actions"
_PROCEDURE = r"\bwanneer\b|termijn|procedure|\btiming\b|hoe gebeurt|hoe verloopt|wie is bevoegd|welke regels|stand van zaken|timing|wettelijk|reglementering|op welke (?:wijze|manier)"
_COUNT = (r"\bhoeveel\b|\baantal\b|\bcijfers?\b|percentage|\baandeel\b|\bwelke? deel\b|\bbedrag|overzicht|opdeling|opsplitsing|\bper (?:provincie|jaar|maand|geslacht|leeftijd)"
          r"|hoe lang|gemiddeld|\bcombien\b|\bnombre\b|\bhow many\b|\bnumber of\b|\bwat was\b|\bwat is\b|\bhoe groot\b|\bhoe hoog\b|\bquel(?:le)? (?:etait|est)\b|\bwhat (?:was|is)\b")


class Route(BaseModel):
    number: int
    text: str
    kind: Kind
    reading: Reading


def classify(text: str, reading: Reading) -> Kind:
    folded = fold(text)
    measure = bool(reading.measure_id and reading.measure_id != default_catalog().count_measure)
    counts = bool(re.search(_COUNT, folded))
    if measure and counts:
        return "statistic"
    if re.search(_EVALUATION, folded):
        return "policy_evaluation"
    if re.search(_ACTIONS, folded):
        return "actions"
    if re.search(_PROCEDURE, folded):
        return "procedure"
    if (measure and (reading.populations or reading.registers)) or ((counts or reading.breakdowns) and (reading.populations or reading.measure_id)):
        # "de belangrijkste nationaliteiten van de verzoekers", "de werklast van het CGVS": a measure of a group or of
        # an agency, or a breakdown of one, asks for figures; a measure word alone ("hoe werkt …") does not.
        return "statistic"
    if counts and re.search(r"\bhoeveel\b|\bcombien\b|\bhow many\b", folded):
        return "statistic"  # a count of something the catalog does not know: said so, not ignored
    return "other"


def route(number: int, text: str, context: Reading | None = None, asked: dt.date | None = None) -> Route:
    reading = read(text, context=context, asked=asked)
    return Route(number=number, text=text, kind=classify(text, reading), reading=reading)
