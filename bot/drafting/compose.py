"""Composition: from analysed sub-questions to draft parts in house style, every claim cited.

Sub-questions that get the very same statement share one part ("1+4-6."); statistical parts are
worded by `bot/drafting/statements.py` (the same wording `ask` uses); policy, actions and
procedure parts quote earlier answers, clearly marked as still to be completed by the desk.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.drafting.house_style import TO_COMPLETE, group_label
from bot.drafting.model import DraftPart
from bot.drafting.precedents import precedent_url, quotes_for
from bot.drafting.sources import Sources
from bot.drafting.statements import OwnerNames, statistic_statement
from bot.reading.route import Route
from bot.retrieval.search import Hit
from tools.catalog import default_catalog
from tools.statistics import StatAnswer

NON_STATISTIC_STATUS = {"policy_evaluation": "policy", "actions": "actions", "procedure": "procedure", "other": "other"}
NO_PRECEDENT = "Geen eerder antwoord over dit onderwerp gevonden."


@dataclass
class SubAnswer:
    """One sub-question after reading, routing, tools and retrieval."""

    route: Route
    stat: StatAnswer | None = None
    precedents: list[Hit] = field(default_factory=list)
    error: str | None = None  # a failure that concerns this part only

    @property
    def status(self) -> str:
        if self.route.kind != "statistic":
            return NON_STATISTIC_STATUS[self.route.kind]
        return self.stat.status if self.stat else "needs_review"

    def group_key(self) -> tuple:
        # Sub-questions that get the very same statement share one part, as in "1+4-6.".
        if self.stat and self.status in ("not_identified", "owned_elsewhere"):
            verdict = self.stat.verdict
            return (self.status, verdict.owner, verdict.population, verdict.reason)
        return ("own", self.route.number)


def group(answers: list[SubAnswer]) -> list[list[SubAnswer]]:
    groups: dict[tuple, list[SubAnswer]] = {}
    for answer in answers:
        groups.setdefault(answer.group_key(), []).append(answer)
    return sorted(groups.values(), key=lambda g: g[0].route.number)


class Composer:
    def __init__(self) -> None:
        self.sources = Sources()
        self.catalog = default_catalog()
        self.names = OwnerNames(self.catalog)

    @property
    def citations(self):
        return self.sources.citations

    @property
    def annexes(self):
        return self.sources.annexes

    def part(self, answers: list[SubAnswer]) -> DraftPart:
        first = answers[0]
        numbers = [a.route.number for a in answers]
        part = DraftPart(numbers=numbers, label=group_label(numbers), kind=first.route.kind, status=first.status, text="",
                         precedents=list(dict.fromkeys(h.id for a in answers for h in a.precedents)))
        if first.route.kind != "statistic":
            part.to_complete = True
            part.text = TO_COMPLETE
            self._add_quotes(part, first)
            return part
        if first.error or first.stat is None:
            part.status, part.to_complete = "needs_review", True
            part.text = f"Dit deel kon niet automatisch beantwoord worden ({first.error}). {TO_COMPLETE}"
            return part
        statement = statistic_statement(first.stat, self.sources, self.names, count=len(answers), catalog=self.catalog)
        part.status, part.owner = statement.status, statement.owner
        part.text = statement.text
        part.citations, part.figures, part.annexes = statement.citations, statement.figures, statement.annexes
        part.reading, part.understood = first.stat.reading.model_dump(mode="json"), statement.understood
        if part.status in ("not_available", "needs_review"):
            part.to_complete = True
            part.text += f" {TO_COMPLETE}"
            self._add_quotes(part, first)  # what was answered before helps the desk complete it
        return part

    def _add_quotes(self, part: DraftPart, answer: SubAnswer, limit: int = 2) -> None:
        quotes = []
        for found in quotes_for(answer.precedents, answer.route.text, limit):
            hit = found.hit
            citation = self.sources.cite(kind="precedent", id=hit.id, title=hit.title, passage=found.quote, date=hit.date, mp=hit.mp,
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
            part.text += f" {NO_PRECEDENT}"
