"""Ad-hoc statistics: a free question in, a table, the answer in the cabinet's words, and its sources out.

The question is read by the same reader as a draft's sub-questions, the figures come from the same
code path (tools/statistics.py) and are worded the same way (bot/drafting/statements.py): the Cijfers
tab and a draft never disagree. Multi-turn: the conversation state (`AskState`) is explicit and
travels with every answer; a follow-up ("alleen Limburg", "en per geslacht", "en het jaar ervoor?",
"hoeveel van hen vonden werk?") refines the previous reading (bot/reading/followup.py).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from pydantic import BaseModel, Field

from bot.drafting.house_style import unit_label
from bot.drafting.model import Citation, FigureRef
from bot.drafting.sources import Sources
from bot.drafting.statements import statistic_statement
from bot.reading.followup import apply_follow_up, is_follow_up
from bot.reading.llm_reading import better_reading
from bot.reading.reader import read
from tools.errors import PQError
from tools.reading import Reading
from tools.statistics import StatAnswer, answer

MAX_QUESTION_CHARS = 2_000
_MARKERS = re.compile(r"\s*\[\d+\]")


class AskState(BaseModel):
    reading: Reading | None = None  # the reading the last answer answered
    turns: list[str] = Field(default_factory=list)


class AskAnswer(BaseModel):
    question: str
    status: str
    sentence: str
    owner: str | None = None
    dataset: str | None = None
    columns: list[str] = Field(default_factory=list)
    rows: list[dict[str, Any]] = Field(default_factory=list)
    total: int | float | str | None = None
    provenance: dict | None = None
    synthetic: bool = False
    figures: list[FigureRef] = Field(default_factory=list)
    sources: list[Citation] = Field(default_factory=list)
    chart: dict | None = None  # {"x": column, "y": column, "color": column | None}
    # Cells of the table for which no figure was published (never shown as a value, never NA).
    not_published: list[dict[str, Any]] = Field(default_factory=list)
    follow_up: bool = False
    reading: dict[str, Any] | None = None  # how the question was read
    understood: str | None = None  # the same in plain Dutch: "Begrepen als: …"
    state: AskState

    def to_json_dict(self) -> dict:
        return self.model_dump(mode="json")


def check_question(question: str | None) -> str:
    question = " ".join((question or "").split())
    if not question:
        raise PQError("the question is empty")
    if len(question) > MAX_QUESTION_CHARS:
        raise PQError(f"the question is {len(question):,} characters long; the limit is {MAX_QUESTION_CHARS:,}")
    return question


def understand(question: str, state: AskState, asked: dt.date, llm=None) -> tuple[Reading, bool]:
    """The reading of a turn, and whether it refines the previous one."""
    turn = read(question, context=state.reading, asked=asked)
    if is_follow_up(question, turn, state.reading):
        return apply_follow_up(state.reading, turn, question), True
    return better_reading(turn, llm), False


def ask(question: str, state: AskState | None = None, llm=None, asked: dt.date | None = None) -> AskAnswer:
    question = check_question(question)
    state = state.model_copy(deep=True) if state else AskState()
    reading, follow_up = understand(question, state, asked or dt.date.today(), llm)
    stat = answer(reading)
    sources = Sources()
    statement = statistic_statement(stat, sources)
    result = AskAnswer(question=question, status=statement.status, sentence=_MARKERS.sub("", statement.text).strip(), owner=statement.owner,
                       dataset=stat.dataset or ("gepubliceerde_cijfers" if stat.published else None), synthetic=stat.synthetic,
                       figures=statement.figures, sources=sources.citations, follow_up=follow_up,
                       reading=reading.model_dump(mode="json"), understood=statement.understood, state=state)
    _table(result, stat)
    state.reading = reading
    state.turns.append(question)
    result.state = state
    return result


def _table(result: AskAnswer, stat: StatAnswer) -> None:
    """The figures as a table (one row per breakdown cell and period) with their provenance, and a chart."""
    if stat.status != "available":
        return
    pieces = [p for p in stat.slices if p.has_value]
    if pieces:
        many = len(stat.slices) > 1
        by = [b for b in stat.by if b != "jaar"]
        result.columns = [*(["periode"] if many else []), *by, stat.measure]
        for piece in pieces:
            label = (f"op {piece.reference_day.isoformat()}" if piece.reference_day
                     else f"{piece.covered_start} – {piece.covered_end}" if piece.covered_start != piece.covered_end else piece.covered_start)
            for cell in piece.cells:
                row = {**({"periode": label} if many else {}), **cell.key}
                if cell.value is None:
                    result.not_published.append(row)
                else:
                    result.rows.append({**row, stat.measure: cell.value})
        result.total = pieces[0].total if len(pieces) == 1 else None
        if stat.provenance:
            result.provenance = {**stat.provenance.model_dump(mode="json"), "filters": stat.filters,
                                 "description": "; ".join(dict.fromkeys(p.description for p in pieces))}
        x = by[0] if by else ("periode" if many else None)
        if x:
            result.chart = {"x": x, "y": stat.measure, "color": by[1] if len(by) > 1 else ("periode" if many and by else None)}
    figures = [*stat.published, *(f for p in stat.slices for f in p.published)]
    if figures and not pieces:
        result.columns = ["indicator", "datum", "waarde", "eenheid", "bron"]
        result.rows = [{"indicator": f.indicator, "datum": f.reference_date or f.reference_period,
                        "waarde": int(f.value) if float(f.value).is_integer() else f.value, "eenheid": unit_label(f.unit),
                        "bron": f.source_url} for f in figures]
        result.provenance = {"dataset": "gepubliceerde_cijfers", "figures": [f.figure_id for f in figures], "source_url": figures[0].source_url}
