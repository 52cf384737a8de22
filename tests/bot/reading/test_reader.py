"""Reading and resolving together: the seed's statuses and Dutch phrasings of our own."""

import pytest

from bot.parse.files import parse_path
from bot.reading.reader import read_query
from tests.conftest import SEED
from tools.availability import AvailabilityQuery, resolve


def test_seed_subquestions_get_the_ministers_statuses():
    doc = parse_path(SEED)
    verdicts = {s.number: resolve(read_query(s.text)) for s in doc.subquestions}
    for n in (1, 4, 5, 6):
        assert verdicts[n].status == "not_identified", n
        assert verdicts[n].owner == "VDAB"
        assert verdicts[n].sentence == "Asielzoekers worden niet apart geïdentificeerd in de databank van VDAB."
    for n in (2, 3):
        assert verdicts[n].status == "owned_elsewhere", n
        assert verdicts[n].owner == "Fedasil"
        assert verdicts[n].sentence.startswith("U kunt voor deze cijfers terecht bij Fedasil. Zij zijn eigenaar van deze data.")
    # 7 (evaluation) and 8 (actions) ask for no figures.
    assert verdicts[7].status == verdicts[8].status == "not_available"
    assert verdicts[7].measure is None and verdicts[8].measure is None


PHRASINGS = [
    # (question, population, measure, status)
    ("Hoeveel verzoekers om internationale bescherming volgden een VDAB-opleiding?", "asielzoeker", "opleiding", "not_identified"),
    ("Hoeveel VIB's zijn ingeschreven bij VDAB?", "asielzoeker", "dienstverlening", "not_identified"),
    ("Hoeveel asielaanvragers vonden werk in 2023?", "asielzoeker", "aan_het_werk", "owned_elsewhere"),
    ("Hoeveel kandidaat-vluchtelingen deden een stage?", "asielzoeker", "werkplekleren", "not_identified"),
    ("Hoeveel bewoners van opvangcentra zijn aan het werk?", "opvangbewoner", "aan_het_werk", "owned_elsewhere"),
    ("In welke beroepen zijn bewoners van het opvangnetwerk tewerkgesteld?", "opvangbewoner", "functies", "owned_elsewhere"),
    ("Hoeveel erkende vluchtelingen volgden een opleiding?", "erkend_vluchteling", "opleiding", "not_identified"),
    ("Hoeveel statushouders vielen terug in de werkloosheid?", "erkend_vluchteling", "terugval_werkloosheid", "not_identified"),
    ("Hoeveel Oekraïense ontheemden zijn ingeschreven als werkzoekende bij VDAB?", "oekraiense_ontheemde", "dienstverlening", "available"),
    ("Hoeveel personen met tijdelijke bescherming vonden werk via VDAB?", "oekraiense_ontheemde", "aan_het_werk", "available"),
    ("Hoeveel Oekrainers volgden een beroepsopleiding?", "oekraiense_ontheemde", "opleiding", "not_identified"),
    ("Hoeveel inburgeraars werden begeleid naar werk?", "nieuwkomer", "dienstverlening", "owned_elsewhere"),
    ("Hoeveel nieuwkomers vonden werk?", "nieuwkomer", "aan_het_werk", "owned_elsewhere"),
    ("Hoeveel werkzoekenden waren er eind 2023 per provincie?", "werkzoekende", "aantal", "available"),
    ("Hoeveel niet-werkende werkzoekenden vonden werk in 2024?", "werkzoekende", "aan_het_werk", "available"),
    ("Hoeveel werkzoekenden volgden een opleiding tussen 2022 en 2024, per opleiding?", "werkzoekende", "opleiding", "available"),
    ("Welke vormen van werkplekleren (IBO, duaal leren) werden georganiseerd voor werkzoekenden?", "werkzoekende", "werkplekleren", "available"),
    ("Hoeveel werkzoekenden kwamen terug in de werkloosheid na een job?", "werkzoekende", "terugval_werkloosheid", "available"),
    ("Hoeveel leefloners vonden werk?", "leefloner", "aan_het_werk", "owned_elsewhere"),
    ("Hoeveel verzoeken om internationale bescherming werden in 2023 ingediend, per maand?", "asielzoeker", "verzoeken", "available"),
    ("Hoeveel asielaanvragen waren er van 2021 tot 2023?", "asielzoeker", "verzoeken", "available"),
    ("Hoeveel beslissingen nam het CGVS in 2022?", "asielzoeker", "beslissingen", "available"),
    ("Wat is de opvangcapaciteit voor asielzoekers?", "asielzoeker", "opvang", "owned_elsewhere"),
    ("Hoeveel asielzoekers worden opgevangen per provincie?", "asielzoeker", "opvang", "owned_elsewhere"),
    ("Hoeveel werkzoekenden zonder werk telt Limburg in maart 2024?", "werkzoekende", "aantal", "available"),
    ("Hoeveel vluchtelingen uit Oekraïne zijn werkzoekend?", "oekraiense_ontheemde", "aantal", "available"),
    ("Hoeveel asielzoekers werden begeleid door VDAB-trajectbegeleiding?", "asielzoeker", "dienstverlening", "not_identified"),
    ("Hoeveel jobzoekers deden werkervaring?", "werkzoekende", "werkplekleren", "available"),
    ("Hoeveel asielzoekers zijn opnieuw werkloos geworden?", "asielzoeker", "terugval_werkloosheid", "not_identified"),
    ("Hoeveel leefloners zijn er?", "leefloner", "aantal", "owned_elsewhere"),
    ("Hoeveel erkende vluchtelingen vonden werk?", "erkend_vluchteling", "aan_het_werk", "not_identified"),
    ("Hoeveel werklozen volgden een taalopleiding?", "werkzoekende", "opleiding", "available"),
]


@pytest.mark.parametrize("question, population, measure, status", PHRASINGS)
def test_dutch_phrasings(question, population, measure, status):
    query = read_query(question)
    assert (query.population, query.measure) == (population, measure)
    assert resolve(query).status == status


@pytest.mark.parametrize(
    "question, breakdowns, start, end",
    [
        ("Graag een overzicht van 2022 tot 2024 en een opdeling per provincie.", ["provincie"], "2022", "2024"),
        ("Graag een opdeling per land van herkomst, geslacht en leeftijd vanaf 2022.", ["nationaliteit", "geslacht", "leeftijd"], "2022", None),
        ("tussen 2021 en 2023, per maand", ["maand"], "2021", "2023"),
        ("in maart 2024 per opleidingsniveau", ["opleidingsniveau"], "2024-03", "2024-03"),
        ("cijfers 2021–2023 per jaar", ["jaar"], "2021", "2023"),
    ],
)
def test_breakdowns_and_periods(question, breakdowns, start, end):
    query = read_query("Hoeveel werkzoekenden? " + question)
    assert query.breakdowns == breakdowns
    assert (query.period.start, query.period.end if query.period.end else None) == (start, end)


def test_available_answer_carries_a_runnable_query_and_missing_breakdowns():
    verdict = resolve(read_query("Hoeveel asielaanvragen per provincie en per maand in 2023?"))
    assert verdict.status == "available" and verdict.dataset == "cgvs_maandcijfers"
    assert verdict.query.by == ["maand"] and verdict.missing_breakdowns == ["provincie"]
    assert "opdeling per provincie is in deze gegevens niet beschikbaar" in verdict.sentence


def test_synthetic_source_is_said_in_the_sentence():
    verdict = resolve(read_query("Hoeveel werkzoekenden per provincie?"))
    assert verdict.synthetic and "SYNTHETISCHE DEMODATA" in verdict.sentence


def test_proxy_population_states_its_caveat():
    verdict = resolve(AvailabilityQuery(population="oekraiense_ontheemde", measure="aantal"))
    assert verdict.query.where == {"nationaliteit": "Oekraïens"}
    assert "niet het verblijfsstatuut" in verdict.sentence
