"""Statistics in the cabinet's words: Dutch only, sources named right, owners spelled out once."""

import re

from bot.drafting.pipeline import draft_document
from bot.parse.files import parse_text


def _draft(*questions):
    return draft_document(parse_text("\n".join(f"{i}. {q}" for i, q in enumerate(questions, 1))))


def test_no_english_or_machine_words_reach_the_text():
    draft = _draft("Wat was de opvangcapaciteit van het opvangnetwerk op 1 mei 2024?",
                   "Hoeveel werkzoekenden vonden in 2023 werk? Graag per leeftijdsgroep.",
                   "Hoeveel inburgeraars vonden werk?")
    text = draft.text
    for leak in ("persons", "places", "the data belong", "owned_elsewhere", "not_identified", "available", ", personen)", "None"):
        assert leak not in text
    assert "35.385 plaatsen" in text
    for annex in draft.annexes:
        assert all(not re.search(r"[a-z]_[a-z]", c) for c in annex.columns)


def test_each_source_is_listed_once_and_abbreviations_are_spelled_out_first():
    draft = _draft("Hoeveel nieuwkomers volgden in 2023 een opleiding?", "Hoeveel inburgeraars vonden werk?", "Hoeveel leefloners vonden werk?")
    assert len({(c.kind, c.id, c.passage) for c in draft.sources}) == len(draft.sources)
    text = draft.text
    assert text.index("het Agentschap Integratie en Inburgering (AgII)") < text.index("bij AgII")
    assert "de POD Maatschappelijke Integratie (POD MI)" in text
    assert "bevoegdheid van de Vlaamse minister bevoegd voor Integratie en Inburgering" in text


def test_a_figure_from_a_party_website_is_not_passed_off_as_the_agencys_own():
    (part,) = _draft("Hoeveel asielzoekers waren in 2021 aan het werk?").parts
    assert "meer dan 10.000" in part.text
    assert "geciteerd op de website van Barbara Pas (Vlaams Belang)" in part.text


def test_age_group_labels_are_not_figures_for_the_guard():
    (part,) = _draft("Hoeveel werkzoekenden waren er eind 2023? Graag per leeftijdsgroep.").parts
    assert part.status == "available" and "25 tot 49 jaar" in part.text


def test_the_synthetic_warning_is_said_once_per_part():
    (part,) = _draft("Hoeveel werkzoekenden vonden in 2022 en 2023 werk? Graag per provincie.").parts
    assert part.text.count("SYNTHETISCHE DEMODATA") == 1
