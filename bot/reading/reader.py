"""The reader: a statistical sub-question (Dutch, French or English) → a checked `Reading`.

Every word is either read as a catalog term (population, measure, register, filter value,
breakdown), a period, a reference back to an earlier sub-question, or known filler; anything else
is kept in `unplaced`, and a reading with unplaced words gets no figure. The words come from the
catalog (tools/catalog.yaml); deciding what the reading means for the data is
`tools.availability.resolve`, which never sees the text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

import Stemmer

from bot.reading.lexicon import known_words
from bot.reading.periods import CURRENT, find_period
from bot.reading.words import (
    AT_THAT_TIME,
    BARE_BACK,
    CASES_OF,
    CONTEXT_WORDS,
    FILLER_EN,
    FILLER_FR,
    FILLER_NL,
    REFERS_BACK,
    SAME_PERIOD,
    SINCE_THEN,
    WORD,
    is_filler,
)
from tools.catalog import Catalog, default_catalog
from tools.reading import Found, PopulationRef, Reading
from tools.text import fold

_SEASON = re.compile(r"\b(?:de\s+)?(?:zomer|winter|lente|herfst|voorjaars|najaars)maanden\b")

# Breakdown words that mean "by the dataset's own kind of thing" (vorm of werkplekleren, type of course).
GENERIC_TYPE = "type"
_GENERIC_TYPE_WORDS = ["per type", "per soort", "soort", "soorten", "types", "by type", "par type"]
# Every breakdown word also with the small words that ask for one, so that "by age group" is one
# phrase and not "by age" with "group" left over.
_BREAKDOWN_PREFIXES = ("per ", "naar ", "volgens ", "by ", "par ")
# "uit die provincie", "in dezelfde provincie", "dans cette province": the value named earlier, not a breakdown.
_DEMONSTRATIVE = re.compile(r"\b(?:die|deze|dezelfde|diezelfde|datzelfde|hetzelfde|dat|this|that|these|those|the same|"
                            r"cette|ces|ce|cet|la meme|le meme|les memes)\s+$")


@dataclass(frozen=True)
class Entry:
    kind: str  # population | measure | register | value | breakdown | per_year | count
    id: str  # term id, owner id or dimension name
    value: str | None = None


@dataclass
class Vocabulary:
    pattern: re.Pattern
    entries: dict[str, list[Entry]]
    words: dict[str, frozenset[str]]  # word -> the terms it belongs to
    population_order: dict[str, int]
    measure_order: dict[str, int]


_vocabularies: dict[int, tuple[Catalog, Vocabulary]] = {}


def normal_phrase(phrase: str) -> str:
    """A phrase as the catalog's words are matched: folded, with one kind of apostrophe."""
    return fold(phrase).replace("’", "'")


def vocabulary(catalog: Catalog) -> Vocabulary:
    """All catalog words in one pattern, longest first, built once per catalog."""
    cached = _vocabularies.get(id(catalog))
    if cached and cached[0] is catalog:
        return cached[1]
    entries: dict[str, list[Entry]] = {}

    def add(phrase: str, entry: Entry) -> None:
        key = normal_phrase(phrase)
        if key and entry not in entries.setdefault(key, []):
            entries[key].append(entry)

    for term in catalog.populations:
        for phrase in term.words:
            add(phrase, Entry("population", term.id))
    for term in catalog.measures:
        for phrase in term.words:
            add(phrase, Entry("measure", term.id))
    for owner_id, owner in catalog.owners.items():
        for phrase in owner.words:
            add(phrase, Entry("register", owner_id))
    for name, dim in catalog.dimensions.items():
        for phrase in dim.words:
            add(phrase, Entry("breakdown", name))
            if not normal_phrase(phrase).startswith(_BREAKDOWN_PREFIXES):
                for prefix in _BREAKDOWN_PREFIXES:
                    add(prefix + phrase, Entry("breakdown", name))
        for value, phrases in dim.values.items():
            for phrase in phrases:
                add(phrase, Entry("value", name, value))
    for phrase in _GENERIC_TYPE_WORDS:
        add(phrase, Entry("breakdown", GENERIC_TYPE))
    for phrase in catalog.per_year_words:
        add(phrase, Entry("per_year", "jaar"))
    for phrase in catalog.count_words:
        add(phrase, Entry("count", "count"))
    ordered = sorted(entries, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(p) for p in ordered) + r")(?![\w])")
    # Misspellings are corrected towards distinctive words only: single-word terms, and long
    # words of longer phrases (so "acties" is never "corrected" into a piece of a phrase).
    words: dict[str, frozenset[str]] = {}
    for phrase, phrase_entries in entries.items():
        tokens = WORD.findall(phrase)
        for token in tokens:
            if (len(tokens) == 1 and len(token) >= 5) or len(token) >= 8:
                words[token] = words.get(token, frozenset()) | {f"{e.kind}:{e.id}" for e in phrase_entries}
    vocab = Vocabulary(pattern, entries, words, {t.id: i for i, t in enumerate(catalog.populations)},
                       {t.id: i for i, t in enumerate(catalog.measures)})
    _vocabularies[id(catalog)] = (catalog, vocab)
    return vocab


# --- spelling -------------------------------------------------------------------------------
def edit_distance(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein distance (adjacent swaps count once), or limit + 1 when above `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


_STEMMER = Stemmer.Stemmer("dutch")


@lru_cache(maxsize=4096)
def _stem(word: str) -> str:
    return _STEMMER.stemWord(word)


def _correction(word: str, vocab: Vocabulary) -> str | None:
    """The known word this unknown word misspells: one edit away (two for words of 7+ letters),
    and every closest candidate meaning the same term ("asielzoekes": asielzoekers / asielzoeker).
    A real word (bot/reading/lexicon.py) is only taken as another form of the same word ("erkenning":
    erkenningen), never as a different one ("gebracht" is not "geslacht", "omvang" not "opvang")."""
    if len(word) < 5 or not word.isalpha():
        return None
    limit = 2 if len(word) >= 7 else 1
    best: dict[str, int] = {}
    for candidate in vocab.words:
        if candidate[0] == word[0] and abs(len(candidate) - len(word)) <= limit:
            distance = edit_distance(word, candidate, limit)
            if distance <= limit:
                best[candidate] = distance
    if not best:
        return None
    closest = min(best.values())
    candidates = sorted(c for c, d in best.items() if d == closest)
    meanings = {vocab.words[c] for c in candidates}
    if len(meanings) != 1:
        return None
    if word in known_words() and _stem(word) != _stem(candidates[0]):
        return None
    return candidates[0]


# --- reading --------------------------------------------------------------------------------
@dataclass
class _Scan:
    folded: str
    spans: list[tuple[int, int]] = field(default_factory=list)
    matches: list[tuple[int, int, str, list[Entry]]] = field(default_factory=list)

    def free(self, start: int, end: int) -> bool:
        return not any(a < end and start < b for a, b in self.spans)


def _without(text: str, spans: list[tuple[int, int]]) -> tuple[str, list[int]]:
    """`text` with the spans cut out (a space in their place), and each kept character's position in `text`."""
    kept: list[str] = []
    origin: list[int] = []
    position = 0
    for start, end in sorted(spans):
        if start < position:
            start = position
        kept += text[position:start]
        origin += range(position, start)
        if end > start:
            kept.append(" ")
            origin.append(start)
        position = max(position, end)
    kept += text[position:]
    origin += range(position, len(text))
    return "".join(kept), origin


def _language(folded: str) -> str:
    words = WORD.findall(folded)
    fr = sum(w in _FR_ONLY for w in words)
    en = sum(w in _EN_ONLY for w in words)
    nl = sum(w in _NL_ONLY for w in words)
    if fr > nl and fr >= en:
        return "fr"
    if en > nl and en > fr:
        return "en"
    return "nl"


_NL_ONLY = frozenset(FILLER_NL.split()) - frozenset(FILLER_FR.split()) - frozenset(FILLER_EN.split())
_FR_ONLY = frozenset(FILLER_FR.split()) - frozenset(FILLER_NL.split()) - frozenset(FILLER_EN.split())
_EN_ONLY = frozenset(FILLER_EN.split()) - frozenset(FILLER_NL.split()) - frozenset(FILLER_FR.split())


def read(text: str, *, context: Reading | None = None, asked: dt.date | None = None, catalog: Catalog | None = None) -> Reading:
    """Read a statistical sub-question. `context`: the reading of what it may refer back to (an
    earlier sub-question, the previous turn); `asked`: the question's date, for "vorig jaar"."""
    catalog = catalog or default_catalog()
    vocab = vocabulary(catalog)
    intro, asked_text = split_intro(text)
    if intro:
        # "In zijn antwoord meldde de minister dat er eind 2023 50.635 werkzoekenden waren. Hoeveel waren dat er
        # eind 2024?": the statement before the question says what it is about, not what is asked.
        said = read(intro, asked=asked, catalog=catalog)
        statement = said.model_copy(update={"period": None})
        reading = read(asked_text, context=context or statement, asked=asked, catalog=catalog)
        if (context is None and said.measure is not None and not said.populations and said.unplaced
                and read(asked_text, asked=asked, catalog=catalog).measure is None):
            # The measure comes from a statement that names no group and is not understood ("alle partners in de keten
            # werken met een eigen systeem … Kunt u hiervan een overzicht geven?"): neither is the question.
            reading = with_unplaced(reading, *said.unplaced)
        if not reading.populations or reading.measure is None:
            reading = merge_context(reading, statement, catalog)
        if reading.period is None and said.period is not None and SAME_PERIOD.search(normal_phrase(asked_text)):
            reading = reading.model_copy(update={"period": said.period})  # "voor dat jaar"
        return reading.model_copy(update={"text": text})
    folded = normal_phrase(text)
    context_measure = context.measure_id if context is not None else None
    reading, unknown, named_before = _read_once(text, folded, asked, catalog, vocab, context_measure)
    corrected = {w: c for w in unknown if (c := _correction(w, vocab)) and c != w}
    if corrected:
        fixed = re.sub(r"[a-z0-9]+", lambda m: corrected.get(m.group(), m.group()), folded)
        reading, unknown, named_before = _read_once(text, fixed, asked, catalog, vocab, context_measure)
        # A correction that placed nothing ("toegekend" to "toegekende", a word only of a longer phrase) is not
        # said as one: the word the question wrote is the one reported as not understood.
        wrote = {c: w for w, c in corrected.items()}
        reading.corrected = {w: c for w, c in corrected.items() if c not in reading.unplaced}
        reading.unplaced = [wrote.get(word, word) for word in reading.unplaced]
    if context is not None and reading.refers_back:
        reading = merge_context(reading, context, catalog)
    elif context is not None and reading.period is None and SAME_PERIOD.search(folded):
        reading = reading.model_copy(update={"period": context.period})  # "in datzelfde jaar"
    if context is None:
        # "Hoeveel % daarvan …?", "In hoeveel gevallen ging het om …?" with nothing before it to refer to: of what is
        # not known.
        back = reading.refers_back if reading.refers_back and not reading.populations and BARE_BACK.search(reading.refers_back) else None
        cases = CASES_OF.search(folded)
        missing = [words for words in (back, cases and cases.group(0)) if words]
        if missing:
            reading = with_unplaced(reading, *missing)
    if reading.period is None and context is not None and context.period is not None and AT_THAT_TIME.search(folded):
        reading = reading.model_copy(update={"period": context.period})  # "hoeveel waren er toen ingeschreven?"
    elif reading.period is None and (elsewhere := SINCE_THEN.search(folded) or AT_THAT_TIME.search(folded)):
        # "Hoeveel aanvragen werden er sindsdien ingediend?": a moment named elsewhere (a law's date in the
        # introduction). The most recent figures would answer another question; the words are not understood.
        reading = with_unplaced(reading, elsewhere.group(0))
    return _named_before(reading, named_before, context)


def with_unplaced(reading: Reading, *words: str) -> Reading:
    """The reading with `words` added to those it could not place (each once): no figure is given for it."""
    return reading.model_copy(update={"unplaced": list(dict.fromkeys([*reading.unplaced, *words]))})


def _named_before(reading: Reading, named: list[tuple[str, str]], context: Reading | None) -> Reading:
    """"uit die provincie": the value the earlier sub-question named for that dimension; without one,
    the words are not understood (a breakdown or a total would answer another question)."""
    if not named:
        return reading
    filters, filter_words, unplaced = dict(reading.filters), dict(reading.filter_words), list(reading.unplaced)
    for dimension, words in named:
        values = context.filters.get(dimension) if context is not None else None
        if values and dimension not in filters:
            filters[dimension] = list(values)
            filter_words[dimension] = context.filter_words.get(dimension, words)
        elif not values:
            unplaced.append(words)
    return reading.model_copy(update={"filters": filters, "filter_words": filter_words, "unplaced": list(dict.fromkeys(unplaced))})


def _read_once(text: str, folded: str, asked, catalog: Catalog, vocab: Vocabulary,
               context_measure: str | None = None) -> tuple[Reading, list[str], list[tuple[str, str]]]:
    scan = _Scan(folded)
    found_period = find_period(folded, asked)
    period = found_period.period if found_period else None
    if found_period:
        scan.spans += found_period.spans
    for match in CURRENT.finditer(folded):
        scan.spans.append(match.span())
    if period is not None and re.search(r"\b(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\b", period.words):
        # "de zomermaanden (juni, juli en augustus)": the months named say which; the season word adds nothing.
        for match in _SEASON.finditer(folded):
            scan.spans.append(match.span())
    for match in CONTEXT_WORDS.finditer(folded):
        if scan.free(*match.span()):
            scan.spans.append(match.span())
    refers = None
    for match in REFERS_BACK.finditer(folded):
        if scan.free(*match.span()):
            refers = refers or match.group()
            scan.spans.append(match.span())

    # Catalog words are matched with the period and reference words taken out, so that a phrase split by
    # them is still one phrase ("stroomden in 2024 opnieuw in", "maakten van 2022 tot 2024 gebruik van").
    condensed, origin = _without(folded, scan.spans)
    for match in vocab.pattern.finditer(condensed):
        start, end = origin[match.start()], origin[match.end() - 1] + 1
        scan.matches.append((start, end, match.group(), vocab.entries[match.group()]))

    populations: dict[str, str] = {}
    measures: dict[str, str] = {}
    registers: dict[str, str] = {}
    values: list[tuple[str, str, str, int, int]] = []  # (dimension, value, words, start, end)
    breakdowns: list[str] = []
    named_before: list[tuple[str, str]] = []  # (dimension, words): "die provincie"
    per_year = count = False
    for start, end, words, entries in scan.matches:
        kinds = {e.kind for e in entries}
        # Only a bare dimension word: "en dat per provincie" still asks for a breakdown.
        bare = kinds == {"breakdown"} and not words.startswith((*_BREAKDOWN_PREFIXES, "opgesplitst", "elke", "iedere"))
        demonstrative = _DEMONSTRATIVE.search(folded[:start]) if bare else None
        if demonstrative:
            named_before += [(e.id, f"{demonstrative.group().strip()} {words}") for e in entries]
            scan.spans.append((start, end))
            continue
        for entry in entries:
            if entry.kind == "population":
                populations.setdefault(entry.id, words)
            elif entry.kind == "measure":
                measures.setdefault(entry.id, words)
            elif entry.kind == "register":
                registers.setdefault(entry.id, words)
            elif entry.kind == "value":
                values.append((entry.id, entry.value, words, start, end))
            elif entry.kind == "breakdown" and not kinds & {"value", "measure", "population"}:
                if entry.id not in breakdowns:
                    breakdowns.append(entry.id)
            elif entry.kind == "per_year":
                per_year = True
            elif entry.kind == "count":
                count = True
        scan.spans.append((start, end))

    measure_ids = sorted(measures, key=lambda m: vocab.measure_order[m])
    # A general word next to a more precise measure adds nothing ("stroomden uit naar werk").
    measure_ids = [m for m in measure_ids if not set(catalog.measure_term(m).subsumed_by) & set(measure_ids)]
    included = {i for m in measure_ids for i in catalog.measure_term(m).includes}
    measure_ids = [m for m in measure_ids if m not in included]
    if len(measure_ids) > 1:
        measure_ids = [m for m in measure_ids if not catalog.measure_term(m).generic]
    measure = measure_ids[0] if measure_ids else None
    filters: dict[str, list[str]] = {}
    filter_words: dict[str, str] = {}
    rejected: list[tuple[int, int]] = []
    for dim_name, value, words, start, end in values:
        dim = catalog.dimensions[dim_name]
        if words in dim.ambiguous_words and (measure or context_measure) != dim.implies_measure:
            rejected.append((start, end))  # "bouw" is a course only in a question about courses
            continue
        if measure is None and dim.implies_measure:
            measure = dim.implies_measure
            measures.setdefault(measure, words)
        if value not in filters.setdefault(dim_name, []):
            filters[dim_name].append(value)
        filter_words[dim_name] = ", ".join(x for x in [filter_words.get(dim_name), words] if x)
    scan.spans = [s for s in scan.spans if s not in rejected]
    if measure is None and populations and catalog.count_measure and (count or period is not None or breakdowns or filters):
        # "Hoeveel werkzoekenden…?", or tersely "Werkzoekenden per provincie op 31 december 2022?"
        measure = catalog.count_measure
        measures.setdefault(measure, "hoeveel")
    # "met de Syrische nationaliteit" names a value, not a breakdown: a bare dimension word next to
    # a value of it is no "per nationaliteit".
    said = [(entry.id, bool(re.match(r"(per|naar|volgens|par|by|opgesplitst|elke|iedere) ", words)))
            for _, _, words, entries in scan.matches for entry in entries if entry.kind == "breakdown"]
    for dimension in list(breakdowns):
        if dimension in filters and not any(explicit for d, explicit in said if d == dimension):
            breakdowns.remove(dimension)
    # Several values of one dimension ("in Antwerpen en Limburg", "zorg- respectievelijk horecaopleidingen"):
    # a figure for each, and their total.
    for dimension, values in filters.items():
        if len(values) > 1 and dimension not in breakdowns:
            breakdowns.append(dimension)
    if "jaar" in breakdowns:
        breakdowns.remove("jaar")
        per_year = True
    if per_year and period is not None:
        period = period.model_copy(update={"per_year": True})
    elif per_year:
        breakdowns.append("jaar")

    ordered = sorted(populations, key=lambda p: vocab.population_order[p])
    population_refs = [PopulationRef(id=p, words=populations[p], role="counted" if i == 0 else "context") for i, p in enumerate(ordered)]
    unknown = []
    for match in WORD.finditer(folded):
        if scan.free(*match.span()) and not is_filler(match.group()):
            unknown.append(match.group())
    reading = Reading(
        text=text,
        language=_language(folded),
        populations=population_refs,
        measure=Found(id=measure, words=measures[measure]) if measure else None,
        also_measures=[Found(id=m, words=measures[m]) for m in measure_ids if m != measure],
        registers=[Found(id=r, words=w) for r, w in sorted(registers.items(), key=lambda item: folded.find(item[1]))],
        filters=filters,
        filter_words=filter_words,
        breakdowns=breakdowns,
        period=period,
        refers_back=refers,
        unplaced=list(dict.fromkeys(unknown)),
    )
    return reading, unknown, named_before


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(])")
_ASKS = re.compile(r"\?|^(?:hoeveel|wat|welke|welk|hoe|kan|kunt|zou|wil|graag|gelieve|combien|quel|quelle|pouvez|how|what|which|can|could|please)\b",
                   re.IGNORECASE)


def split_intro(text: str) -> tuple[str, str]:
    """(statements before the first question, the question and what follows it) — or ("", text)."""
    sentences = _SENTENCE_END.split(text.strip())
    if len(sentences) < 2:
        return "", text
    first = next((i for i, sentence in enumerate(sentences) if _ASKS.search(sentence.strip())), None)
    if not first:
        return "", text
    return " ".join(sentences[:first]), " ".join(sentences[first:])


def merge_context(reading: Reading, context: Reading, catalog: Catalog | None = None) -> Reading:
    """A sub-question that refers back ("hoeveel van hen…") counts within what `context` counted:
    its population, measure, filters, register and period, unless it names its own. A group that the
    earlier question defined by an activity ("deze cursisten") is kept as `cohort_of`: the data do
    not follow people from one measure to another."""
    catalog = catalog or default_catalog()
    update: dict = {}
    context_populations = list(context.populations)
    if not context_populations and context.measure_id and catalog.measure_term(context.measure_id).population:
        population = catalog.measure_term(context.measure_id).population
        context_populations = [PopulationRef(id=population, words=context.measure.words)]
    if not reading.populations or all(p.role == "context" for p in reading.populations):
        update["populations"] = [*context_populations, *reading.populations]
    elif extra := [p for p in context_populations if p.id not in {q.id for q in reading.populations}]:
        # "Hoeveel van deze verzoekers zijn ingeschreven als werkzoekende?": the earlier group within the one
        # named now, counted as the catalog orders a combination (then the combination rule applies).
        order = vocabulary(catalog).population_order
        combined = sorted([*reading.populations, *extra], key=lambda p: order.get(p.id, len(order)))
        update["populations"] = [p.model_copy(update={"role": "counted" if i == 0 else "context"}) for i, p in enumerate(combined)]
    named = [m.id for m in [reading.measure, *reading.also_measures] if m]
    if reading.measure is None and context.measure is not None:
        update["measure"] = context.measure
    elif context.measure_id in named and len(set(named)) > 1 and not catalog.measure_term(context.measure_id).counts_population:
        # "hoeveel van deze cursisten vonden werk": a group defined by the earlier measure, followed into another.
        other = next(m for m in [reading.measure, *reading.also_measures] if m and m.id != context.measure_id)
        update.update(measure=other, also_measures=[], cohort_of=context.measure_id)
    filters = {**context.filters, **reading.filters}
    if filters != reading.filters:
        update["filters"] = filters
        update["filter_words"] = {**context.filter_words, **reading.filter_words}
    if reading.period is None and context.period is not None:
        update["period"] = context.period
    if not reading.registers and context.registers:
        update["registers"] = context.registers
    return reading.model_copy(update=update)
