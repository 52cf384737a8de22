"""Routing: what kind of answer a sub-question needs."""

import pytest

from bot.reading.reader import read
from bot.reading.route import classify, route


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Hoeveel werkzoekenden volgden een opleiding in 2023?", "statistic"),
        ("Hoe evalueert de minister de samenwerking met Fedasil?", "policy_evaluation"),
        ("Welke acties onderneemt de minister om asielzoekers te activeren?", "actions"),
        ("Wanneer treedt de nieuwe regeling in werking?", "procedure"),
        ("Hoe evalueert de minister de instroom?", "policy_evaluation"),
        ("Heeft de minister contact gehad met zijn collega?", "other"),
    ],
)
def test_kinds(text, kind):
    assert classify(text, read(text)) == kind


def test_route_keeps_number_text_and_reading():
    sub = route(3, "Hoeveel asielaanvragen waren er in 2023?")
    assert (sub.number, sub.kind, sub.reading.measure_id, sub.reading.period.start) == (3, "statistic", "verzoeken", "2023-01")


@pytest.mark.parametrize("text", ["Combien de demandes d'asile en 2023 ?", "How many jobseekers found work in 2024?"])
def test_french_and_english_statistics_are_statistics(text):
    assert route(1, text).kind == "statistic"


def test_what_the_minister_wants_to_build_out_is_an_actions_question_even_with_a_measure_named():
    assert route(1, "Hoe wil de minister werkplekleren de komende jaren verder uitbouwen?").kind == "actions"
    assert route(1, "Hoeveel trajecten werkplekleren werden in 2023 gestart?").kind == "statistic"


@pytest.mark.parametrize("text", [
    "Hoe werkt de samenwerking tussen de RVA en de gewestelijke diensten concreet?",
    "Welke afspraken werden met de uitzendsector gemaakt over werkplekleren?",
    "Waarom werd de opleiding voor begeleiders ingekort?",
])
def test_a_measure_word_without_a_request_for_figures_is_not_a_statistic(text):
    # "werkt", "werkplekleren" and "opleiding" name measures of the catalog, but nothing here asks how many: a statistic
    # reading would put "no figure given" on a question that asks for none.
    reading = read(text)
    assert reading.measure_id and classify(text, reading) != "statistic"


@pytest.mark.parametrize("text", ["Welk deel van de verzoekers kreeg in 2023 een beslissing?",
                                  "Welk aandeel van de werkzoekenden volgde in 2023 een opleiding?"])
def test_a_share_asked_is_a_statistic(text):
    assert route(1, text).kind == "statistic"
