"""Follow-ups: a turn that refines the previous reading ("alleen mannen", "en per sector", "en het jaar
ervoor?", "hoeveel van hen vonden werk?") instead of asking something new.

The follow-up is read like any question; then what it names replaces or narrows the previous
reading, and the rest is kept. Whether the result can be answered is the resolver's business —
a follow-up the data cannot follow ("alleen Limburg" on national figures) gets a reading that says
so, never the previous figure again.
"""

from __future__ import annotations

import re

from tools.catalog import Catalog, default_catalog
from tools.reading import Period, Reading, month_key
from tools.text import fold

_CUE = re.compile(
    r"^(?:en|alleen|enkel|uitsluitend|nu|per|zonder|maar|in|voor|van|tot|op|eind|wat met|hoe zit het met|idem|ook|graag|"
    r"hoeveel van hen|hoeveel daarvan|daarvan|van hen|and|only|now|et|seulement|uniquement|what about|same)\b"
)
_NO_BREAKDOWN = re.compile(r"\b(?:zonder opdeling|zonder opsplitsing|zonder uitsplitsing|alleen het totaal|enkel het totaal|het totaal|totaal|in totaal|"
                           r"without (?:the )?breakdown|sans ventilation|total)\b")
_YEAR_BEFORE = re.compile(r"\b(?:het jaar ervoor|het jaar daarvoor|het vorige jaar|een jaar eerder|het jaar voordien|l'annee precedente|the year before|the previous year)\b")
_NOW = re.compile(r"^(?:en |and |et )?(?:nu|momenteel|vandaag|op dit moment|now|currently|today|maintenant|actuellement)\W*$")
_SAME_PERIOD = re.compile(r"\b(?:dezelfde|diezelfde|die|deze) periode (?:van|in) ((?:19|20)\d\d)\b|\bla meme periode (?:de|en) ((?:19|20)\d\d)\b")
_ALSO = re.compile(r"\b(?:ook|eveneens|bovendien|daarnaast|extra|aussi|egalement|also|as well|too)\b")
_YEAR_AFTER = re.compile(r"\b(?:het jaar erna|het jaar daarna|een jaar later|l'annee suivante|the year after|the following year)\b")


def is_follow_up(text: str, reading: Reading, previous: Reading | None, catalog: Catalog | None = None) -> bool:
    """True when the turn refines `previous` rather than asking a new question."""
    if previous is None:
        return False
    count = (catalog or default_catalog()).count_measure
    folded = fold(text)
    if reading.refers_back or _YEAR_BEFORE.search(folded) or _YEAR_AFTER.search(folded):
        return True
    own_subject = reading.measure_id not in (None, count) or bool(reading.populations)
    if not own_subject:
        return True  # "alleen Limburg", "per geslacht", "in 2022"
    return bool(_CUE.match(folded)) and not (reading.measure_id and reading.populations and reading.period)


def _shift(period: Period, years: int) -> Period:
    start, end = int(period.start[:4]) + years, int(period.end[:4]) + years
    day = period.day.replace(year=period.day.year + years) if period.day else None
    return period.model_copy(update={"start": month_key(start, int(period.start[5:])), "end": month_key(end, int(period.end[5:])),
                                     "day": day, "words": "het jaar ervoor" if years < 0 else "het jaar erna",
                                     "only_years": [y + years for y in period.only_years]})


def apply_follow_up(previous: Reading, turn: Reading, text: str, catalog: Catalog | None = None) -> Reading:
    """The previous reading, refined by what the follow-up names."""
    catalog = catalog or default_catalog()
    folded = fold(text)
    update: dict = {"text": f"{previous.text} → {text}", "source": "follow-up", "unplaced": list(turn.unplaced),
                    "corrected": {**previous.corrected, **turn.corrected}, "language": previous.language}
    same_subject = not turn.populations or [p.id for p in turn.populations] == [p.id for p in previous.populations]
    # The measure: a new one when named ("hoeveel van hen vonden werk?"), else the previous one.
    # A new measure. "En hoeveel werkzoekenden?" asks the same measure of another group; a plain count
    # in another register ("… stonden er toen ingeschreven bij VDAB?") asks that register's count.
    plain_count = turn.measure_id == catalog.count_measure
    new_measure = bool(turn.measure_id and turn.measure_id != previous.measure_id
                       and (not plain_count or (turn.registers and set(turn.register_ids) != set(previous.register_ids))))
    if new_measure:
        update["measure"] = turn.measure
        update["also_measures"] = turn.also_measures
    if turn.populations:
        update["populations"] = turn.populations
    if turn.registers:
        update["registers"] = turn.registers
    # Filters: "alleen X" narrows a dimension to X; other filters stay while the subject stays.
    filters = dict(previous.filters) if same_subject else {}
    words = dict(previous.filter_words) if same_subject else {}
    for dimension, values in turn.filters.items():
        filters[dimension] = values
        words[dimension] = turn.filter_words.get(dimension, "")
    update["filters"], update["filter_words"] = filters, words
    # Breakdowns: "en per Y" replaces them; "zonder opdeling" drops them; "alleen X" keeps them.
    if _NO_BREAKDOWN.search(folded):
        update["breakdowns"] = []
    elif turn.breakdowns and _ALSO.search(folded):
        update["breakdowns"] = list(dict.fromkeys([*previous.breakdowns, *turn.breakdowns]))  # "ook per geslacht": added
    elif turn.breakdowns:
        update["breakdowns"] = turn.breakdowns
    elif new_measure and not turn.refers_back:
        update["breakdowns"] = []  # another question about the same group: its breakdown is asked anew
    # One dimension is either a filter or a breakdown: "alleen Antwerpen" after "per provincie" asks for Antwerpen,
    # not a breakdown of one province; "en per provincie" after "in Limburg" asks for every province.
    breakdowns = list(update.get("breakdowns", previous.breakdowns))
    for dimension in turn.filters:
        if dimension in breakdowns and dimension not in turn.breakdowns:
            breakdowns.remove(dimension)
    for dimension in turn.breakdowns:
        if dimension in filters and dimension not in turn.filters:
            filters.pop(dimension)
            words.pop(dimension, None)
    update["breakdowns"] = breakdowns
    # Period: a new one replaces it; "het jaar ervoor" moves it a year; "en nu?" asks for the latest.
    same = _SAME_PERIOD.search(folded)
    if same and previous.period is not None:
        update["period"] = _shift(previous.period, int(same.group(1) or same.group(2)) - int(previous.period.start[:4]))
    elif _NOW.match(folded):
        update["period"] = None
    elif turn.period is not None:
        update["period"] = turn.period
    elif previous.period is not None and _YEAR_BEFORE.search(folded):
        update["period"] = _shift(previous.period, -1)
    elif previous.period is not None and _YEAR_AFTER.search(folded):
        update["period"] = _shift(previous.period, 1)
    if turn.refers_back:
        update["refers_back"] = turn.refers_back
    return previous.model_copy(update=update)
