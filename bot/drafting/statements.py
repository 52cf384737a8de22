"""A statistical answer in the cabinet's words: the figures of a `StatAnswer` (tools/statistics.py), or
the plain statement of why there are none — with a citation behind every claim and a figure record
behind every number. Drafts, `ask` and the app all word statistics here (one code path).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.drafting.house_style import (
    SYNTHETIC_BANNER,
    column_label,
    dutch_list,
    dutch_number,
    phrase,
    refer_to,
    stock_when,
    style,
    unit_label,
    when_words,
)
from bot.drafting.model import Citation, FigureRef
from bot.drafting.sources import Sources
from bot.reading.describe import describe, named_words, period_description
from tools.availability import Availability
from tools.catalog import Catalog, default_catalog
from tools.figures import Figure
from tools.reading import month_end
from tools.statistics import Slice, StatAnswer
from tools.text import format_dutch_date, month_words, span_words

LISTED_CELLS = 6  # breakdowns up to this many cells are also said in the text, not only in an annex


@dataclass
class Statement:
    text: str
    status: str
    owner: str | None = None
    citations: list[Citation] = field(default_factory=list)
    figures: list[FigureRef] = field(default_factory=list)
    annexes: list[int] = field(default_factory=list)
    understood: str | None = None


class OwnerNames:
    """Owners are written out in full the first time a draft names them, then short."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.named: set[str] = set()

    def __call__(self, owner: str) -> str:
        if owner in self.named or owner not in self.catalog.owners:
            return self.catalog.owner_short(owner)
        self.named.add(owner)
        return self.catalog.owner_name(owner)


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


# --- statements without figures -----------------------------------------------------------------
def catalog_citation(sources: Sources, verdict: Availability, catalog: Catalog) -> Citation:
    """The catalog entry a statement rests on (what a register holds, who owns what): cited as such,
    never as the numbers of a (synthetic) table."""
    if verdict.dataset and verdict.status == "not_identified":
        dataset = catalog.dataset(verdict.dataset)
        passage = verdict.reason or f"{dataset.title}: identificeert niet {catalog.label(verdict.population)}."
        return sources.cite(kind="dataset", id=f"catalogus:{dataset.id}", title=f"Datacatalogus: {dataset.title}", passage=passage,
                            owner=dataset.owner, url=owner_url(catalog, dataset.owner))
    owner = verdict.owner or "?"
    passage = verdict.reason or f"De gegevens over {catalog.label(verdict.measure)} van {catalog.label(verdict.population)} zijn van {catalog.owner_short(owner)}."
    return sources.cite(kind="dataset", id=f"catalogus:{owner}", title=f"Datacatalogus: gegevens van {catalog.owner_short(owner)}",
                        passage=passage, owner=owner, url=owner_url(catalog, owner))


def owner_url(catalog: Catalog, owner: str | None) -> str | None:
    entry = catalog.owners.get(owner or "")
    return entry.url if entry else None


def not_identified_text(verdict: Availability, catalog: Catalog, names: OwnerNames) -> str:
    text = phrase("not_identified", population=capitalise(catalog.label(verdict.population)), owner=names(verdict.owner))
    return f"{text} {verdict.reason}" if verdict.reason else text


def owned_elsewhere_text(verdict: Availability, catalog: Catalog, names: OwnerNames, count: int) -> str:
    sentences = [refer_to(names(verdict.owner), count), phrase("owned_elsewhere", owner=catalog.owner_short(verdict.owner))]
    if verdict.reason:
        sentences.append(verdict.reason)
    if verdict.competent:
        sentences.append(phrase("competent", competent=verdict.competent))
    return " ".join(sentences)


def not_available_text(stat: StatAnswer, catalog: Catalog) -> str:
    verdict, reading = stat.verdict, stat.reading
    population = catalog.label(verdict.population or reading.population)
    if verdict.dataset and verdict.dataset_measure:
        measure = catalog.dataset(verdict.dataset).measure(verdict.dataset_measure).label  # what the data count
    elif (verdict.measure or reading.measure_id) == catalog.count_measure:
        measure = population
    else:
        measure = catalog.label(verdict.measure or reading.measure_id)
    code = verdict.reason_code
    if code == "identified" or code == "proxy":  # a series exists, but not for what was asked
        return " ".join(_empty_slice_text(stat, piece, catalog) for piece in stat.slices) or phrase("no_figures_found")
    if code == "filter_not_in_data":
        dims = [catalog.dimensions[d].label if d in catalog.dimensions else d for d in verdict.inapplicable]
        return phrase("not_available.filter_not_in_data", measure=measure, dimensions=dutch_list(dims))
    if code == "value_not_in_data":
        values = [v for vs in verdict.inapplicable.values() for v in vs]
        return phrase("not_available.value_not_in_data", measure=measure, values=dutch_list(values))
    if code == "cohort":
        return phrase("not_available.cohort", cohort=catalog.label(reading.cohort_of), measure=measure,
                      measure_words=reading.measure.words if reading.measure else measure)
    if code in ("period_grain", "point_for_flow", "published_only"):
        return phrase(f"not_available.{code}", measure=measure, period=period_description(reading.period))
    if code in ("no_measure", "no_population"):
        return phrase(f"not_available.{code}")
    return phrase("not_available.no_dataset", measure=measure, population=population)


def _empty_slice_text(stat: StatAnswer, piece: Slice, catalog: Catalog) -> str:
    asked = span_words(piece.start, piece.end)
    if piece.outside:
        return phrase("not_available.outside_series", series=f"'{catalog.dataset(stat.dataset).title}'", start=month_words(stat.series_start),
                      end=month_words(stat.series_end), period=asked)
    return phrase("not_available.not_published", period=asked, measure=stat.measure_label or catalog.label(stat.reading.measure_id))


# --- figures -------------------------------------------------------------------------------------
def _where_who(filters: dict[str, list[str]], skip: set[str] = frozenset()) -> tuple[str, str, str]:
    """(' in Limburg', ' (vrouwen, jonger dan 25 jaar)', 'vrouwen, jonger dan 25 jaar') for the filters."""
    qualifiers = style()["qualifiers"]
    place = ""
    who = []
    for dimension, values in filters.items():
        if dimension in skip:
            continue
        if dimension == "provincie":
            place = style()["place"].format(value=dutch_list(values))
            continue
        said = qualifiers.get(dimension, qualifiers["default"])
        for value in values:
            if isinstance(said, dict):
                who.append(said.get(value, f"{dimension} {value}"))
            else:
                who.append(said.format(dimension=column_label(dimension), value=value))
    bare = dutch_list(who)
    return place, f" ({bare})" if bare else "", bare


def figure_sentence(key: str, when: str, value: str, filters: dict[str, list[str]], label: str = "", population: str = "") -> str:
    templates = style()["figures"]
    template = templates.get(key, templates["default"])
    place, who, bare = _where_who(filters)
    return template.format(when=when, value=value, where=place, who=who, who_bare=bare, label=label, population=population)


def _amount(value: int | float, unit: str, qualifier: str | None = None) -> str:
    text = f"{dutch_number(value)}%" if unit in ("percent", "procent") else dutch_number(value)
    return f"{qualifier} {text}" if qualifier else text


def attribution(figure: Figure, catalog: Catalog, names: OwnerNames) -> str:
    short = catalog.owner_short(figure.owner) if figure.owner in catalog.owners else figure.owner
    own_page = figure.publisher_kind == "official" and short.lower() in figure.publisher.lower()
    owner = names(figure.owner) if figure.owner in catalog.owners else figure.owner
    key = "official_own" if own_page else figure.publisher_kind
    templates = style()["attribution"]
    return templates.get(key, templates["press"]).format(owner=owner, publisher=figure.publisher)


def _figure_when(figure: Figure) -> str:
    if figure.reference_date:
        import datetime as dt

        return f"Op {format_dutch_date(dt.date.fromisoformat(figure.reference_date))}"
    start, _, end = figure.reference_period.partition("/")
    if len(start) == 4:
        return f"In {start}"
    if end:
        return when_words(start[:7], end[:7])
    return f"In {month_words(start[:7])}"


def published_statement(figure: Figure, stat: StatAnswer, sources: Sources, catalog: Catalog, statement: Statement, names: OwnerNames) -> str:
    citation = sources.cite(kind="figure", id=figure.figure_id, title=figure.source_title, passage=figure.quote, url=figure.source_url,
                            owner=figure.owner, reference_period=figure.reference_date or figure.reference_period)
    statement.citations.append(citation)
    when = _figure_when(figure)
    statement.figures.append(FigureRef(value=figure.value, dataset="gepubliceerde_cijfers", label=figure.indicator,
                                       filters={"figure_id": [figure.figure_id]}, reference_period=when[3:], synthetic=False,
                                       citation=citation.n))
    filters = {k: v for k, v in stat.reading.filters.items()}
    if figure.breakdown_value and not filters:
        filters = {figure.breakdown_dimension: [figure.breakdown_value]}
    sentence = figure_sentence(figure.measure or stat.reading.measure_id, when, _amount(figure.value, figure.unit, figure.qualifier), filters,
                               label=catalog.label(stat.reading.measure_id), population=catalog.label(stat.verdict.population or stat.reading.population))
    return f"{sentence} ({attribution(figure, catalog, names)}) [{citation.n}]."


def _series_citation(stat: StatAnswer, sources: Sources, catalog: Catalog) -> Citation:
    """One citation for the whole series answer, its table holding every value given."""
    ds = catalog.dataset(stat.dataset)
    pieces = [p for p in stat.slices if p.has_value]
    descriptions = list(dict.fromkeys(p.description for p in pieces))
    rows = [{**({"periode": _slice_label(stat, p)} if len(stat.slices) > 1 else {}), **c.key, stat.measure: c.value}
            for p in pieces for c in p.cells]
    return sources.cite(kind="dataset", id=ds.id, title=ds.title, passage="; ".join(descriptions), owner=stat.owner, url=ds.source_url,
                        filters=stat.filters, reference_period=f"{ds.reference_period.start} – {ds.reference_period.end}",
                        synthetic=stat.synthetic, table=rows)


def _slice_label(stat: StatAnswer, piece: Slice) -> str:
    """What a value is for: 'op 31 december 2023', '2023', 'januari tot en met november 2023'."""
    if stat.measure_type == "stock" and piece.reference_day:
        return f"op {format_dutch_date(piece.reference_day)}"
    return span_words(piece.covered_start, piece.covered_end)


def _slice_when(stat: StatAnswer, piece: Slice) -> str:
    if stat.measure_type == "stock" and piece.reference:
        return stock_when(piece.reference)
    return when_words(piece.covered_start, piece.covered_end)


def _notes(stat: StatAnswer, piece: Slice, many: bool = False) -> list[str]:
    """What the figure of a slice does not cover, said plainly (the opening already names what it does)."""
    notes = []
    if stat.measure_type == "stock":
        if piece.reference and piece.missing:
            if many:
                notes.append("Waar er voor de gevraagde datum geen cijfer is, staat de laatste stand ervoor.")
            else:
                asked = piece.asked_day or month_end(piece.missing[-1])
                notes.append(f"Voor {format_dutch_date(asked)} is er geen cijfer; dit is de laatste stand ervoor.")
            if stat.gap_note and all(m.endswith("-12") for m in piece.missing):
                notes.append(stat.gap_note)
        return notes
    regular = [m for m in piece.missing if not (stat.gap_note and m.endswith("-12"))]
    if len(regular) < len(piece.missing):
        notes.append(stat.gap_note)
    if regular:
        notes.append(f"Voor {dutch_list([month_words(m) for m in regular])} werd geen cijfer gepubliceerd; die maand is niet meegeteld."
                     if len(regular) == 1 else
                     f"Voor {dutch_list([month_words(m) for m in regular])} werden geen cijfers gepubliceerd; die maanden zijn niet meegeteld.")
    if piece.outside and piece.has_value:
        before = [m for m in piece.outside if m < stat.series_start]
        notes.append(f"De reeks begint in {month_words(stat.series_start)}." if before else f"De reeks loopt tot en met {month_words(stat.series_end)}.")
    return notes


def _cell_label(dimension: str, value) -> str:
    if dimension == "maand":  # a month number of the year asked (1 → januari), or a month key (2024-03 → maart 2024)
        text = str(value)
        if re.fullmatch(r"\d{4}-\d{2}", text):
            return month_words(text)
        if text.isdigit() and 1 <= int(text) <= 12:
            return month_words(f"2000-{int(text):02d}").split(" ")[0]
    said = style()["qualifiers"].get(dimension)
    return said.get(str(value), str(value)) if isinstance(said, dict) else str(value)


def _rank(figure: Figure) -> float:
    """A figure's place in its published list: its rank, the 'rang N' of its indicator, else by size."""
    if figure.unit == "rank":
        return figure.value
    said = re.search(r"\brang (\d+)", figure.indicator)
    return int(said.group(1)) if said else -figure.value


def ranking_statement(stat: StatAnswer, sources: Sources, catalog: Catalog, statement: Statement, names: OwnerNames) -> list[str]:
    """A published ranked list (the top nationalities) as one sentence per period and page: names in the
    published order, each with its share or count where the page gives one; a rank alone is no figure to say."""
    groups: dict[tuple[str, str], list[Figure]] = {}
    for figure in [*stat.published, *(f for p in stat.slices for f in p.published)]:
        groups.setdefault((figure.reference_date or figure.reference_period, figure.source_url), []).append(figure)
    sentences = []
    for (period, _), figures in groups.items():
        figures = sorted(figures, key=_rank)
        ids = dict.fromkeys([figures[0].figure_id, figures[-1].figure_id])
        citation = sources.cite(kind="figure", id=" tot ".join(ids), title=figures[0].source_title, url=figures[0].source_url,
                                passage=" | ".join(dict.fromkeys(f.quote for f in figures)), owner=figures[0].owner, reference_period=period)
        statement.citations.append(citation)
        when = _figure_when(figures[0])
        items = []
        for figure in figures:
            statement.figures.append(FigureRef(value=figure.value, dataset="gepubliceerde_cijfers",
                                               label=f"{figure.indicator}: {figure.breakdown_value}", filters={"figure_id": [figure.figure_id]},
                                               reference_period=when[3:], synthetic=False, citation=citation.n))
            if figure.unit == "rank":  # a place in the list, said by the order alone
                items.append(figure.breakdown_value)
            else:
                of = {"percent": " van de verzoeken", "persons": " verzoekers"}.get(figure.unit, "")
                items.append(f"{figure.breakdown_value} ({_amount(figure.value, figure.unit, figure.qualifier)}{of})")
        sentences.append(phrase("ranking", when=when, label=catalog.label(stat.reading.measure_id), items=dutch_list(items),
                                source=attribution(figures[0], catalog, names)) + f" [{citation.n}].")
    return sentences


def figures_statement(stat: StatAnswer, sources: Sources, catalog: Catalog, statement: Statement, names: OwnerNames) -> list[str]:
    if stat.reading.measure_id and catalog.measure_term(stat.reading.measure_id).ranking:
        return ranking_statement(stat, sources, catalog, statement, names)
    sentences: list[str] = []
    notes: list[str] = []
    if stat.synthetic:
        sentences.append(SYNTHETIC_BANNER)
    # Published totals first, each with its own source; the series second.
    published = [*stat.published, *(f for p in stat.slices for f in p.published)]
    for figure in published:
        sentences.append(published_statement(figure, stat, sources, catalog, statement, names))
    for measure in stat.not_published:  # "… en wat was de bezettingsgraad?" with no published rate for that day
        sentences.append(phrase("not_available.not_published", period=period_description(stat.reading.period).removeprefix("op "),
                                measure=catalog.label(measure)))
    pieces = [p for p in stat.slices if p.has_value]
    if stat.synthetic and published and pieces:
        sentences.append(phrase("synthetic_beside_published"))
    by = [b for b in stat.by if b != "jaar"]
    citation = _series_citation(stat, sources, catalog) if pieces else None
    if citation:
        statement.citations.append(citation)
    population = catalog.label(stat.verdict.population)
    for piece in stat.slices:
        if not piece.has_value:
            sentences.append(_empty_slice_text(stat, piece, catalog))
            continue
        label = _slice_label(stat, piece)
        for cell in piece.cells:
            if cell.value is not None:
                statement.figures.append(FigureRef(value=cell.value, dataset=stat.dataset, label=stat.measure_label,
                                                   filters={**stat.filters, **{k: [str(v)] for k, v in cell.key.items()}},
                                                   reference_period=label, synthetic=stat.synthetic, citation=citation.n))
        if by and isinstance(piece.total, int | float):
            statement.figures.append(FigureRef(value=piece.total, dataset=stat.dataset, label=f"{stat.measure_label}, totaal",
                                               filters=dict(stat.filters), reference_period=label, synthetic=stat.synthetic, citation=citation.n))
        notes += [n for n in _notes(stat, piece, many=len(stat.slices) > 1) if n not in notes]
    many = len(stat.slices) > 1
    if pieces and not by and many:
        # One figure per year: said in one sentence, each year with what it covers.
        spans = {(p.covered_start[4:], p.covered_end[4:]) for p in pieces if p.covered_start}
        same_span = len(spans) == 1 and any(p.missing or p.outside for p in pieces)
        listed = []
        for piece in pieces:
            value = dutch_number(piece.cells[0].value)
            if stat.measure_type == "stock":
                listed.append(f"{value} op {format_dutch_date(piece.reference_day)}")
                continue
            partial = (piece.missing or piece.outside) and not same_span
            listed.append(f"{value} in {piece.start[:4]}" + (f" ({span_words(piece.covered_start, piece.covered_end)})" if partial else ""))
        place, who, _ = _where_who(stat.filters)
        every = ""
        if same_span:
            first = pieces[0]
            every = f" (telkens {span_words(first.covered_start, first.covered_end).rsplit(' ', 1)[0]})"
        if any(p.published for p in stat.slices):
            sentences.append(f"De maandcijfers{place}{who} tellen er {dutch_list(listed)}{every} [{citation.n}].")
        else:
            sentences.append(f"{capitalise(stat.measure_label)}{place}{who}: {dutch_list(listed)}{every} [{citation.n}].")
        # A sum over the years only when every year is whole: added-up partial years look like the
        # period's total and would be copied as such (the published yearly totals say otherwise).
        if stat.measure_type == "flow" and len(pieces) == len(stat.slices) and not any(p.missing or p.outside for p in pieces):
            total = sum(p.cells[0].value for p in pieces)
            statement.figures.append(FigureRef(value=total, dataset=stat.dataset, label=f"{stat.measure_label}, samen", filters=dict(stat.filters),
                                               reference_period=span_words(pieces[0].start, pieces[-1].end), synthetic=stat.synthetic,
                                               citation=citation.n))
            sentences.append(f"Samen zijn dat {dutch_number(total)} [{citation.n}].")
    elif pieces:
        for piece in pieces:
            when = _slice_when(stat, piece)
            if piece.published and stat.measure_type == "flow" and not by:
                sentences.append(f"De maandcijfers van {span_words(piece.covered_start, piece.covered_end)} tellen er "
                                 f"{dutch_number(piece.cells[0].value)} [{citation.n}].")
                continue
            if not by:
                sentences.append(f"{figure_sentence(stat.measure, when, dutch_number(piece.cells[0].value), stat.filters, stat.measure_label, population)} [{citation.n}].")
                continue
            if isinstance(piece.total, int | float):
                sentences.append(f"{figure_sentence(stat.measure, when, dutch_number(piece.total), stat.filters, stat.measure_label, population)} [{citation.n}].")
            if len(piece.cells) <= LISTED_CELLS and len(by) == 1:
                listed = [f"{_cell_label(by[0], c.key.get(by[0]))} {dutch_number(c.value) if c.value is not None else '(geen cijfer)'}" for c in piece.cells]
                prefix = f"{capitalise(_slice_label(stat, piece))}, per" if many else "Per"
                sentences.append(f"{prefix} {column_label(by[0])}: {dutch_list(listed)} [{citation.n}].")
    if by and pieces:
        key_dims = list(pieces[0].cells[0].key)
        columns = [*(["periode"] if many else []), *(column_label(d) for d in key_dims), f"{stat.measure_label} ({unit_label(stat.unit)})"]
        rows = [[*([_slice_label(stat, p)] if many else []), *(_cell_label(d, c.key.get(d)) if d == "maand" else c.key.get(d) for d in key_dims),
                 c.value] for p in pieces for c in p.cells]
        ds = catalog.dataset(stat.dataset)
        scope = _slice_label(stat, pieces[0]) if not many else f"{_slice_label(stat, pieces[0])} – {_slice_label(stat, pieces[-1])}"
        # The filters belong in the title: an annex is read on its own in the Word file.
        place, who, _ = _where_who({k: v for k, v in stat.filters.items() if k not in by})
        annex = sources.annex(title=f"{capitalise(stat.measure_label)}{place}{who} per {' en '.join(column_label(b) for b in by)}, {scope}",
                              columns=columns,
                              rows=rows, note=f"Bron: {ds.title} ({catalog.owner_short(stat.owner)}); {ds.source_url}", synthetic=stat.synthetic)
        statement.annexes.append(annex.number)
        sentences.append(phrase("annex_reference", breakdown=" en ".join(column_label(b) for b in by), number=annex.number))
    sentences += notes
    if stat.verdict.caveat:
        sentences.append(stat.verdict.caveat)
    if stat.verdict.missing_breakdowns:
        dims = [catalog.dimensions[d].label if d in catalog.dimensions else d for d in stat.verdict.missing_breakdowns]
        sentences.append(phrase("missing_breakdown", dimensions=dutch_list(dims)))
    return sentences


# --- the whole statement ---------------------------------------------------------------------
def statistic_statement(stat: StatAnswer, sources: Sources, names: OwnerNames | None = None, count: int = 1,
                        catalog: Catalog | None = None) -> Statement:
    """The text of a statistical part (or ask answer) for `stat`; `count` sub-questions share it."""
    catalog = catalog or default_catalog()
    names = names or OwnerNames(catalog)
    verdict = stat.verdict
    statement = Statement(text="", status=stat.status, owner=stat.owner or verdict.owner, understood=describe(stat.reading, catalog))
    if stat.status == "available":
        statement.text = " ".join(figures_statement(stat, sources, catalog, statement, names))
        if stat.slices and stat.dataset:
            statement.owner = stat.owner
        elif stat.published:
            statement.owner = stat.published[0].owner if stat.published[0].owner in catalog.owners else stat.owner
        return statement
    if stat.status == "needs_review":
        words = named_words(verdict.unplaced, quote="'")
        text = phrase("needs_review_measures" if verdict.reason_code == "several_measures" else "needs_review", words=words)
        rest = verdict.without_unplaced
        if rest is not None and rest.status in ("not_identified", "owned_elsewhere"):
            hint = not_identified_text(rest, catalog, names) if rest.status == "not_identified" else owned_elsewhere_text(rest, catalog, names, count)
            text += " " + phrase("needs_review_hint", words=words, statement=hint)
        statement.text = text
        statement.owner = rest.owner if rest else None
        return statement
    citation = catalog_citation(sources, verdict, catalog) if verdict.status in ("not_identified", "owned_elsewhere") else None
    if verdict.status == "not_identified":
        text = not_identified_text(verdict, catalog, names)
    elif verdict.status == "owned_elsewhere":
        text = owned_elsewhere_text(verdict, catalog, names, count)
    else:
        text = not_available_text(stat, catalog)
    if citation:
        statement.citations.append(citation)
        text += f" [{citation.n}]"
    if verdict.unplaced:
        text += " " + phrase("not_understood_note", words=named_words(verdict.unplaced, quote="'"))
    statement.text = text
    return statement
