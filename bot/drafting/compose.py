"""Composition: from analysed sub-questions to draft parts in house style, every claim cited.

The composer numbers citations across the whole draft ([1], [2], …), builds annex tables
for figures with breakdowns, and writes the statements the ministry writes: non-identification,
ownership by another agency, figures in short sentences, and — for policy and actions parts —
quotes from earlier answers, clearly marked as still to be completed by the desk.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from bot.drafting.house_style import (
    SYNTHETIC_BANNER,
    TO_COMPLETE,
    breakdown_listing,
    data_notes,
    dutch_number,
    group_label,
    period_words,
    refer_to,
)
from bot.drafting.model import Annex, Citation, DraftPart, FigureRef
from bot.drafting.precedents import precedent_url, quotes_for
from bot.reading.route import Route
from bot.retrieval.search import Hit
from tools.aggregate import AggregateResult
from tools.availability import Availability
from tools.catalog import default_catalog
from tools.figures import Figure
from tools.text import format_dutch_date

UNITS = {"places": "plaatsen", "persons": "personen", "percent": "%", "centres": "centra", "personen": "personen"}
NON_STATISTIC_STATUS = {"policy_evaluation": "policy", "actions": "actions", "procedure": "procedure", "other": "other"}


@dataclass
class SubAnswer:
    """One sub-question after routing, tools and retrieval."""

    route: Route
    availability: Availability | None = None
    result: AggregateResult | None = None
    published: list[Figure] = field(default_factory=list)
    precedents: list[Hit] = field(default_factory=list)

    @property
    def status(self) -> str:
        if self.route.kind != "statistic":
            return NON_STATISTIC_STATUS[self.route.kind]
        if self.published:
            return "available"
        return self.availability.status if self.availability else "not_available"

    def group_key(self) -> tuple:
        # Sub-questions that get the very same statement share one part, as in "1+4-6.".
        if self.route.kind == "statistic" and not self.published and self.status in ("not_identified", "owned_elsewhere"):
            return (self.status, self.availability.owner, self.availability.sentence)
        return ("own", self.route.number)


def group(answers: list[SubAnswer]) -> list[list[SubAnswer]]:
    groups: dict[tuple, list[SubAnswer]] = {}
    for answer in answers:
        groups.setdefault(answer.group_key(), []).append(answer)
    return sorted(groups.values(), key=lambda g: g[0].route.number)


class Composer:
    def __init__(self) -> None:
        self.citations: list[Citation] = []
        self.annexes: list[Annex] = []

    def cite(self, **fields) -> Citation:
        for existing in self.citations:
            if (existing.kind, existing.id, existing.passage) == (fields["kind"], fields["id"], fields.get("passage", "")):
                return existing
        citation = Citation(n=len(self.citations) + 1, **fields)
        self.citations.append(citation)
        return citation

    def annex(self, title: str, columns: list[str], rows: list[list], note: str, synthetic: bool, value_column: int = -1) -> Annex:
        annex = Annex(number=len(self.annexes) + 1, title=title, columns=columns, rows=rows, note=note, synthetic=synthetic,
                      value_column=value_column)
        self.annexes.append(annex)
        return annex

    # -- parts -----------------------------------------------------------------------------
    def part(self, answers: list[SubAnswer]) -> DraftPart:
        first = answers[0]
        numbers = [a.route.number for a in answers]
        part = DraftPart(numbers=numbers, label=group_label(numbers), kind=first.route.kind, status=first.status,
                         owner=first.availability.owner if first.availability else None, text="",
                         precedents=list(dict.fromkeys(h.id for a in answers for h in a.precedents)))
        if first.route.kind != "statistic":
            self._precedent_part(part, first)
        elif first.published:
            self._published_part(part, first)
        elif first.status == "available" and first.result is not None:
            self._figures_part(part, first)
        elif first.status == "not_identified":
            self._catalog_statement(part, first, first.availability.sentence)
        elif first.status == "owned_elsewhere":
            statement = f"{refer_to(first.availability.owner, len(answers))} {first.availability.sentence}"
            self._catalog_statement(part, first, statement)
        else:
            self._not_available(part, first)
        return part

    def _catalog_statement(self, part: DraftPart, answer: SubAnswer, statement: str) -> None:
        availability = answer.availability
        catalog = default_catalog()
        # The statement rests on the catalog's description of the data (what VDAB registers, who owns
        # what), not on the numbers of a table: it is cited as a catalog entry, never as synthetic data.
        if availability.status == "not_identified" and availability.dataset:
            dataset = catalog.dataset(availability.dataset)
            citation = self.cite(kind="dataset", id=f"catalogus:{dataset.id}", title=f"Datacatalogus: {dataset.title}",
                                 passage=availability.reason, owner=dataset.owner, url=catalog_owner_url(dataset.owner))
        else:
            citation = self.cite(kind="dataset", id=f"catalogus:{availability.owner}",
                                 title=f"Datacatalogus: gegevens van {availability.owner_name or availability.owner}",
                                 passage=availability.reason, owner=availability.owner, url=catalog_owner_url(availability.owner))
        part.citations.append(citation)
        part.text = f"{statement} [{citation.n}]"

    def _figures_part(self, part: DraftPart, answer: SubAnswer) -> None:
        result, availability = answer.result, answer.availability
        prov = result.provenance
        part.owner = prov.owner  # who registers the measure (DVZ for applications), not who publishes
        period = period_words(prov.period.get("start"), prov.period.get("end"))
        citation = self.cite(kind="dataset", id=prov.dataset, title=prov.title, passage=prov.description, owner=prov.owner,
                             url=prov.source_url, filters=prov.filters, reference_period=prov.reference_period,
                             synthetic=result.synthetic, table=result.rows)
        part.citations.append(citation)
        by = [c for c in (result.rows[0].keys() if result.rows else []) if c != prov.measure]
        unit = UNITS.get(prov.unit, prov.unit)
        sentences = []
        if result.synthetic:
            sentences.append(SYNTHETIC_BANNER)
        total = result.total
        if isinstance(total, int | float):
            part.figures.append(FigureRef(value=total, dataset=prov.dataset, label=f"{prov.measure_label}, totaal", filters=prov.filters,
                                          reference_period=period, synthetic=result.synthetic, citation=citation.n))
            sentences.append(f"{period.capitalize()}: in totaal {dutch_number(total)} ({prov.measure_label}, {unit}) [{citation.n}].")
        elif total is not None:
            sentences.append(f"{period.capitalize()}: {total} ({prov.measure_label}) [{citation.n}].")
        for row in result.rows:
            value = row[prov.measure]
            if isinstance(value, int | float):
                filters = {**prov.filters, **{d: [str(row[d])] for d in by}}
                part.figures.append(FigureRef(value=value, dataset=prov.dataset, label=prov.measure_label, filters=filters,
                                              reference_period=period, synthetic=result.synthetic, citation=citation.n))
        listing = breakdown_listing(result.rows, by, prov.measure)
        if listing:
            sentences.append(f"{listing} [{citation.n}].")
        if by:
            annex = self.annex(title=f"{prov.measure_label} per {' en '.join(by)}, {period}", columns=[*by, prov.measure_label],
                               rows=[[*(row[d] for d in by), row[prov.measure]] for row in result.rows],
                               note=f"Bron: {prov.title} ({prov.owner_name}); {prov.description}; referentieperiode van de dataset {prov.reference_period}; {prov.source_url}",
                               synthetic=result.synthetic)
            part.annexes.append(annex.number)
            sentences.append(f"Het overzicht per {' en '.join(by)} staat in bijlage {annex.number}.")
        sentences.append(data_notes(availability.sentence, prov.warning, prov.grain))
        part.text = " ".join(sentences)

    def _published_part(self, part: DraftPart, answer: SubAnswer) -> None:
        sentences = []
        owner = answer.published[0].owner
        for figure in answer.published:
            citation = self.cite(kind="figure", id=figure.figure_id, title=figure.source_title, passage=figure.quote, url=figure.source_url,
                                 owner=figure.owner, reference_period=figure.reference_date or figure.reference_period)
            part.citations.append(citation)
            when = (f"op {format_dutch_date(dt.date.fromisoformat(figure.reference_date))}" if figure.reference_date else f"in {figure.reference_period}")
            unit = UNITS.get(figure.unit, figure.unit)
            value = dutch_number(figure.value)
            amount = f"{value}%" if unit == "%" else f"{value} {unit}"
            part.figures.append(FigureRef(value=figure.value, dataset="gepubliceerde_cijfers", label=figure.indicator,
                                          filters={"figure_id": [figure.figure_id]}, reference_period=when, synthetic=False, citation=citation.n))
            sentences.append(f"Volgens de gepubliceerde cijfers van {figure.owner} bedroeg de {figure.indicator} {when} {amount} [{citation.n}].")
        annex = self.annex(title=f"Gepubliceerde cijfers van {owner}", columns=["indicator", "datum of periode", "waarde", "eenheid", "bron"],
                           rows=[[f.indicator, f.reference_date or f.reference_period, f.value, f.unit, f.source_url] for f in answer.published],
                           note="Letterlijke cijfers uit publieke pagina's; zie de bronnenlijst voor de citaten.", synthetic=False,
                           value_column=2)
        part.annexes.append(annex.number)
        part.owner = owner
        if answer.availability and answer.availability.status == "owned_elsewhere":
            sentences.append(f"{owner} is eigenaar van deze gegevens; voor meer detail kunt u bij {owner} terecht.")
        sentences.append(f"Zie ook bijlage {annex.number}.")
        part.text = " ".join(sentences)

    def _not_available(self, part: DraftPart, answer: SubAnswer) -> None:
        availability = answer.availability
        part.to_complete = True
        if availability and availability.measure and availability.measure != "aantal":
            statement = availability.sentence
        else:
            statement = "In de datacatalogus van dit kabinet zijn hierover geen cijfers gevonden."
        part.text = f"{statement} {TO_COMPLETE}"
        self._add_quotes(part, answer)

    def _precedent_part(self, part: DraftPart, answer: SubAnswer) -> None:
        part.to_complete = True
        part.text = TO_COMPLETE
        self._add_quotes(part, answer)

    def _add_quotes(self, part: DraftPart, answer: SubAnswer, limit: int = 2) -> None:
        quotes = []
        for found in quotes_for(answer.precedents, answer.route.text, limit):
            hit = found.hit
            citation = self.cite(kind="precedent", id=hit.id, title=hit.title, passage=found.quote, date=hit.date, mp=hit.mp,
                                 addressee=hit.addressee, numbers=found.numbers, url=precedent_url(hit.id))
            part.citations.append(citation)
            office = hit.addressee if hit.source == "vlaams-parlement" else (hit.department or hit.addressee)
            who = ", ".join(x for x in [office, hit.date] if x)
            # The same question sent to several ministers is one precedent; the best-answered one is quoted.
            also = "; ook beantwoord door " + ", ".join(s.department or s.addressee or s.id for s in hit.also) if hit.also else ""
            quotes.append(f"- {hit.title or hit.id} ({who}{also}): “{found.quote}” [{citation.n}]")
        if quotes:
            part.text += " Eerdere antwoorden over dit onderwerp:\n" + "\n".join(quotes)
        else:
            part.text += " Geen eerder antwoord over dit onderwerp gevonden."


def catalog_owner_url(owner: str) -> str | None:
    entry = default_catalog().owners.get(owner)
    return getattr(entry, "url", None) if entry else None
