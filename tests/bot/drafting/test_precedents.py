"""Precedents in drafts: only above the relevance floor, one per question sent to several ministers,
and no draft at all for text that is not a question."""

import random
import string

import pytest

from bot.drafting.pipeline import draft_document
from bot.drafting.precedents import find_precedents, find_precedents_many
from bot.parse.files import parse_text
from bot.reading.route import route
from bot.retrieval.search import search
from tests.conftest import seed_question_only
from tools.errors import PQError

RAPE_GROUP = {"184521", "184522", "184523"}


def _english() -> str:
    return ("The committee met on Tuesday to discuss the budget. Members reviewed the spending plans for the coming year. "
            "How much will the ministry spend on digital services in 2024? Which agencies are responsible for maintenance?")


def _random_text() -> str:
    rng = random.Random(3)
    return " ".join("".join(rng.choices(string.ascii_lowercase + "?.", k=rng.randint(2, 9))) for _ in range(20000))


def test_random_text_gets_a_notice_not_a_draft(small_index):
    doc = parse_text(_random_text())  # it has question marks, so it parses into a "question"
    with pytest.raises(PQError, match="does not read as a parliamentary question"):
        draft_document(doc, index=small_index)


def test_a_request_for_figures_asked_in_the_introduction_is_drafted(small_index):
    # The Chamber's common form: the introduction asks, the numbered parts only name what is wanted.
    doc = parse_text("Rechthebbenden op de verhoogde tegemoetkoming per Gewest.\n\nGraag had ik voor de voorbije jaren de "
                     "volgende cijfers gekregen, per Gewest:\n\n1. het aantal verzekerden met een laag gezinsinkomen;\n"
                     "2. het aantal van hen dat dit recht automatisch kreeg;\n3. de bijkomende uitgaven van de ziekteverzekering.")
    assert len(doc.subquestions) == 3 and "Graag" in doc.introduction
    draft = draft_document(doc, index=small_index)
    assert [part.numbers for part in draft.parts] == [[1], [2], [3]]


def test_an_english_paragraph_without_a_question_is_refused_and_with_one_cites_nothing_unrelated(small_index):
    with pytest.raises(PQError):
        parse_text(_english().split(" How much")[0])
    draft = draft_document(parse_text(_english()), index=small_index)
    assert not [c for c in draft.sources if c.kind == "precedent"]


def test_a_question_about_a_topic_absent_from_the_corpus_cites_nothing(small_index):
    doc = parse_text("Bestrijding van de tijgermug\n1. Hoeveel meldingen van de Aziatische tijgermug kwamen er in 2023 binnen?\n"
                     "2. Welke acties onderneemt de minister om de verspreiding van de tijgermug tegen te gaan?")
    draft = draft_document(doc, index=small_index)
    assert not [c for c in draft.sources if c.kind == "precedent"]
    for part in draft.parts:
        if part.kind != "statistic":
            assert "Geen eerder antwoord over dit onderwerp gevonden." in part.text


def test_the_floor_marks_a_close_match_relevant_and_an_absent_topic_not(small_index):
    close = search(small_index, "klachten over verkrachting binnen het huwelijk door de partner", k=1)[0]
    assert close.id in RAPE_GROUP and close.relevant
    absent = search(small_index, "verspreiding van de Aziatische tijgermug in België", k=3)
    assert absent and not any(h.relevant for h in absent)
    assert all(0 <= h.relevance <= 1 for h in absent) and close.relevance > max(h.relevance for h in absent)


def test_a_precedent_sent_to_several_ministers_is_cited_once_with_the_others_named(small_index):
    doc = parse_text("Verkrachting binnen relaties\n1. Hoeveel klachten over verkrachting door de eigen partner werden er "
                     "de voorbije jaren ingediend?")
    (hits,) = find_precedents_many(small_index, doc, [route(1, doc.subquestions[0].text)])
    group = [h for h in hits if set(h.ids()) & RAPE_GROUP]
    assert len(group) == 1 and set(group[0].ids()) == RAPE_GROUP
    draft = draft_document(doc, index=small_index)
    cited = [c for c in draft.sources if c.kind == "precedent"]
    assert [c.id for c in cited if c.id in RAPE_GROUP] == [group[0].id]
    assert "ook beantwoord door" in draft.parts[0].text


def test_the_batched_search_finds_what_one_search_per_sub_question_finds(small_index):
    doc = parse_text(seed_question_only())
    routes = [route(s.number, s.text) for s in doc.subquestions]
    batched = find_precedents_many(small_index, doc, routes)
    assert [[h.id for h in hits] for hits in batched] == [[h.id for h in find_precedents(small_index, doc, r)] for r in routes]


@pytest.mark.parametrize(("own", "cited"), [((0.9, 0.0), False), ((0.9, 0.2), True), ((0.3, 0.2), False)])
def test_a_part_sharing_one_rare_word_with_a_precedent_does_not_cite_it(small_index, monkeypatch, own, cited):
    import bot.drafting.precedents as precedents

    close = search(small_index, "klachten over verkrachting binnen het huwelijk door de partner", k=1)[0]
    assert close.relevant
    monkeypatch.setattr(precedents, "search_many", lambda *args, **kwargs: [[close]])
    # The title's subject is held; the part's own is held (share, share without its strongest word) as given.
    monkeypatch.setattr(precedents, "subject_coverage",
                        lambda index, text, hits, leave_out="": [own if leave_out else (1.0, 1.0)] * len(hits))
    doc = parse_text("Verkrachting\n1. Hoeveel klachten kwamen er binnen?\n2. Welke acties plant u?")
    (hits,) = find_precedents_many(small_index, doc, [route(1, doc.subquestions[0].text)])
    assert bool(hits) is cited
