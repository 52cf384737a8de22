"""Composition: grouping sub-questions that get the same statement, one citation per source."""

from bot.drafting.compose import Composer, SubAnswer, group
from bot.drafting.sources import Sources
from bot.reading.route import route
from tools.statistics import answer


def _answer(number: int, text: str) -> SubAnswer:
    sub = route(number, text)
    return SubAnswer(route=sub, stat=answer(sub.reading))


def test_sub_questions_with_the_same_statement_share_one_part():
    answers = [_answer(1, "Hoeveel asielzoekers volgden een opleiding bij VDAB?"),
               _answer(2, "Hoeveel asielzoekers in de opvang werken?"),
               _answer(3, "Hoeveel asielzoekers deden een stage bij VDAB?"),
               _answer(4, "Hoe evalueert de minister dat?")]
    groups = group(answers)
    assert [[a.route.number for a in g] for g in groups] == [[1, 3], [2], [4]]
    composer = Composer()
    parts = [composer.part(g) for g in groups]
    assert [p.label for p in parts] == ["1+3", "2", "4"]
    assert parts[0].text.startswith("Asielzoekers worden niet apart geïdentificeerd in de databank van VDAB.")
    assert parts[1].text.startswith("Voor het antwoord op deze vraag verwijs ik naar Fedasil.")
    assert parts[2].to_complete and parts[2].status == "policy"


def test_the_same_source_is_cited_once():
    sources = Sources()
    first = sources.cite(kind="dataset", id="catalogus:VDAB", title="t", passage="p")
    again = sources.cite(kind="dataset", id="catalogus:VDAB", title="t", passage="p")
    other = sources.cite(kind="dataset", id="catalogus:Fedasil", title="t", passage="p")
    assert first is again and (first.n, other.n) == (1, 2) and len(sources.citations) == 2
