"""What a whole question is about: the populations its title, introduction and parts name.

A sub-question is read on its own words, but some of them name a measure only in a question about
that measure's population: "Hoeveel aanvragen werden er sindsdien ingediend?" asks for asylum
applications under the title "Asielzoekers", for drone permits under "Drones". Such a word (the
catalog's `vague_words`) is taken as the measure only when the question names its population
somewhere: a word of that population, a precise word of one of its measures ("asielaanvragen"), or
an agency whose data count it ("het CGVS"). Otherwise the word is not understood, and the part says
so instead of giving figures on another subject.
"""

from __future__ import annotations

from bot.reading.reader import normal_phrase, vocabulary
from tools.catalog import Catalog, default_catalog
from tools.reading import Reading


def _agency_populations(catalog: Catalog) -> dict[str, set[str]]:
    """Per agency (owner id): the populations its data count or its registers hold."""
    found: dict[str, set[str]] = {}
    for ds in catalog.datasets:
        for owner in {ds.owner, *ds.registers}:
            found.setdefault(owner, set()).update(ds.identifies)
    for source in catalog.external_sources:
        found.setdefault(source.owner, set()).update(source.populations)
    return found


def named_populations(text: str, catalog: Catalog | None = None) -> set[str]:
    """The populations `text` names: by their own words, a precise word of one of their measures, or an agency."""
    catalog = catalog or default_catalog()
    vocab = vocabulary(catalog)
    measures = {m.id: m for m in catalog.measures}
    agencies = _agency_populations(catalog)
    named: set[str] = set()
    for match in vocab.pattern.finditer(normal_phrase(text)):
        phrase = match.group(0)
        for entry in vocab.entries.get(phrase, []):
            if entry.kind == "population":
                named.add(entry.id)
            elif entry.kind == "measure":
                term = measures[entry.id]
                if term.population and phrase not in {normal_phrase(w) for w in term.vague_words}:
                    named.add(term.population)
            elif entry.kind == "register":
                named |= agencies.get(entry.id, set())
    return named


def vague_measure_word(reading: Reading, named: set[str], catalog: Catalog | None = None) -> str | None:
    """The words a reading took its measure from, when they name it only in a question about a population
    that the question (`named`: its named populations) does not name; otherwise None."""
    if reading.measure is None:
        return None
    catalog = catalog or default_catalog()
    term = next((m for m in catalog.measures if m.id == reading.measure.id), None)
    if term is None or not term.vague_words or term.population in named:
        return None
    if reading.populations:
        return None  # "verzoeken … voor ontheemden uit Oekraïne": the word is about the population it names
    words = normal_phrase(reading.measure.words)
    return reading.measure.words if words in {normal_phrase(w) for w in term.vague_words} else None
