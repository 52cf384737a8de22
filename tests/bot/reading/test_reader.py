"""The reader: every word placed or reported, in Dutch, French and English; the seed read as the minister read it."""

import datetime as dt

import pytest

from bot.parse.files import parse_path
from bot.reading.reader import read
from tests.conftest import SEED
from tools.availability import resolve


def test_seed_subquestions_get_the_ministers_statuses():
    doc = parse_path(SEED)
    readings = {}
    context = None
    for sub in doc.subquestions:
        readings[sub.number] = read(sub.text, context=context, asked=doc.date)
        if readings[sub.number].measure_id:
            context = readings[sub.number]
    verdicts = {n: resolve(r) for n, r in readings.items()}
    for n in (1, 4, 5, 6):
        assert (verdicts[n].status, verdicts[n].owner, verdicts[n].population) == ("not_identified", "VDAB", "asielzoeker"), n
    for n in (2, 3):
        assert (verdicts[n].status, verdicts[n].owner) == ("owned_elsewhere", "Fedasil"), n
    assert readings[3].refers_back == "deze asielzoekers" and readings[3].population == "asielzoeker"
    assert all(not readings[n].unplaced for n in range(1, 7))
    assert readings[7].measure is None and readings[8].measure is None


PHRASINGS = [
    # (question, population, measure, register, status)
    ("Hoeveel verzoekers om internationale bescherming volgden een VDAB-opleiding?", "asielzoeker", "opleiding", ["VDAB"], "not_identified"),
    ("Hoeveel VIB's zijn ingeschreven bij VDAB?", "asielzoeker", "aantal", ["VDAB"], "not_identified"),
    ("Hoeveel asielaanvragers vonden werk in 2023?", "asielzoeker", "aan_het_werk", [], "owned_elsewhere"),
    ("Hoeveel kandidaat-vluchtelingen deden een stage?", "asielzoeker", "werkplekleren", [], "not_identified"),
    ("Hoeveel bewoners van opvangcentra zijn aan het werk?", "opvangbewoner", "aan_het_werk", [], "owned_elsewhere"),
    ("In welke beroepen zijn bewoners van het opvangnetwerk tewerkgesteld?", "opvangbewoner", "functies", [], "owned_elsewhere"),
    ("Hoeveel erkende vluchtelingen volgden een opleiding?", "erkend_vluchteling", "opleiding", [], "not_identified"),
    ("Hoeveel statushouders vielen terug in de werkloosheid?", "erkend_vluchteling", "terugval_werkloosheid", [], "not_identified"),
    ("Hoeveel Oekraïense ontheemden zijn ingeschreven als werkzoekende bij VDAB?", "oekraiense_ontheemde", "aantal", ["VDAB"], "available"),
    ("Hoeveel personen met tijdelijke bescherming vonden werk via VDAB?", "oekraiense_ontheemde", "aan_het_werk", ["VDAB"], "available"),
    ("Hoeveel Oekrainers volgden een beroepsopleiding?", "oekraiense_ontheemde", "opleiding", [], "not_identified"),
    ("Hoeveel inburgeraars werden begeleid naar werk?", "nieuwkomer", "aan_het_werk", [], "owned_elsewhere"),
    ("Hoeveel nieuwkomers vonden werk?", "nieuwkomer", "aan_het_werk", [], "owned_elsewhere"),
    ("Hoeveel werkzoekenden waren er eind 2023 per provincie?", "werkzoekende", "aantal", [], "available"),
    ("Hoeveel niet-werkende werkzoekenden vonden werk in 2024?", "werkzoekende", "aan_het_werk", [], "available"),
    ("Hoeveel werkzoekenden volgden een opleiding tussen 2022 en 2024, per opleiding?", "werkzoekende", "opleiding", [], "available"),
    ("Hoeveel werkzoekenden kwamen terug in de werkloosheid na een job?", "werkzoekende", "terugval_werkloosheid", [], "available"),
    ("Hoeveel leefloners vonden werk?", "leefloner", "aan_het_werk", [], "owned_elsewhere"),
    ("Hoeveel verzoeken om internationale bescherming werden in 2023 ingediend, per maand?", None, "verzoeken", [], "available"),
    ("Hoeveel beslissingen nam het CGVS in 2022?", None, "beslissingen", ["CGVS"], "available"),
    ("Hoeveel asielzoekers worden opgevangen per provincie?", "asielzoeker", "opvang", [], "owned_elsewhere"),
    ("Hoeveel werkzoekenden zonder werk telt Limburg in maart 2024?", "werkzoekende", "aantal", [], "available"),
    ("Hoeveel asielzoekers zijn opnieuw werkloos geworden?", "asielzoeker", "terugval_werkloosheid", [], "not_identified"),
    ("Hoeveel leefloners zijn er?", "leefloner", "aantal", [], "owned_elsewhere"),
    ("Hoeveel jobzoekers deden werkervaring?", "werkzoekende", "werkplekleren", [], "available"),
    # French and English: the same catalog terms
    ("Combien de demandes de protection internationale ont été introduites en 2023 ?", None, "verzoeken", [], "available"),
    ("Combien de demandeurs d'asile inscrits au VDAB ont trouvé un emploi en 2023 ?", "asielzoeker", "aan_het_werk", ["VDAB"], "not_identified"),
    ("How many jobseekers found work in 2024?", "werkzoekende", "aan_het_werk", [], "available"),
    ("How many asylum seekers registered with VDAB found a job in 2023?", "asielzoeker", "aan_het_werk", ["VDAB"], "not_identified"),
    ("How many jobseekers with refugee status found work in 2023?", "erkend_vluchteling", "aan_het_werk", [], "not_identified"),
    ("Combien de demandeurs d'emploi ont suivi une formation du VDAB en 2024 ?", "werkzoekende", "opleiding", ["VDAB"], "available"),
    # Another agency's register, whoever it counts: that agency's data.
    ("Hoeveel Oekraïense ontheemden verbleven in de opvang van Fedasil?", "oekraiense_ontheemde", "opvang", ["Fedasil"], "owned_elsewhere"),
]


@pytest.mark.parametrize("question, population, measure, registers, status", PHRASINGS)
def test_phrasings(question, population, measure, registers, status):
    reading = read(question, asked=dt.date(2025, 1, 15))
    assert (reading.population, reading.measure_id, reading.register_ids, reading.unplaced) == (population, measure, registers, [])
    assert resolve(reading).status == status


@pytest.mark.parametrize(
    "question, words",
    [
        ("Hoeveel werkzoekenden met een beperking waren er eind 2023?", ["beperking"]),
        ("Hoeveel werkzoekenden ouder dan 55 vonden werk in 2023?", ["ouder", "55"]),
        ("How many jobseekers with a disability found work in 2024?", ["disability"]),
    ],
)
def test_words_not_understood_are_kept_and_block_a_figure(question, words):
    reading = read(question)
    assert reading.unplaced == words
    verdict = resolve(reading)
    assert verdict.status == "needs_review" and verdict.unplaced == words
    assert verdict.without_unplaced.status == "available"  # the figure that would have answered another question


def test_when_no_figure_could_be_given_anyway_the_verdict_stands_and_the_words_are_still_named():
    verdict = resolve(read("Hoeveel asielzoekers werken in de bouw?"))
    assert (verdict.status, verdict.owner, verdict.unplaced) == ("owned_elsewhere", "Fedasil", ["bouw"])


@pytest.mark.parametrize(
    "text, start, end, point, per_year",
    [
        ("in 2023", "2023-01", "2023-12", False, False),
        ("op 1 januari 2024", "2024-01", "2024-01", True, False),
        ("eind 2023", "2023-12", "2023-12", True, False),
        ("in de eerste acht maanden van 2024", "2024-01", "2024-08", False, False),
        ("in het eerste kwartaal van 2025", "2025-01", "2025-03", False, False),
        ("in de tweede helft van 2024", "2024-07", "2024-12", False, False),
        ("tussen januari en juni 2020", "2020-01", "2020-06", False, False),
        ("in 2022 en 2023", "2022-01", "2023-12", False, True),
        ("van 2021 tot en met 2023", "2021-01", "2023-12", False, True),
        ("au 1er mai 2024", "2024-05", "2024-05", True, False),
        ("at the end of June 2025", "2025-06", "2025-06", True, False),
        ("vorig jaar", "2023-01", "2023-12", False, False),
    ],
)
def test_periods(text, start, end, point, per_year):
    reading = read(f"Hoeveel werkzoekenden vonden werk {text}?", asked=dt.date(2024, 2, 2))
    period = reading.period
    assert (period.start, period.end, period.point, period.per_year) == (start, end, point, per_year)
    assert reading.unplaced == []


def test_since_runs_to_the_question_date_and_relative_periods_say_their_anchor():
    since = read("Hoeveel verzoeken om internationale bescherming werden er sinds maart 2022 ingediend?", asked=dt.date(2024, 6, 1))
    assert (since.period.start, since.period.end, since.period.open_end) == ("2022-03", "2024-06", True)
    last = read("Hoeveel werkzoekenden vonden vorig jaar werk?", asked=dt.date(2025, 1, 20))
    assert (last.period.start, last.period.relative_to) == ("2024-01", dt.date(2025, 1, 20))


def test_filters_in_short_and_misspelt_forms():
    assert read("Hoeveel werkzoekenden waren er in West-Vl. op 1 januari 2023?").filters == {"provincie": ["West-Vlaanderen"]}
    misspelt = read("Hoeveel werkzoekende in Limbug waren er eind 2023?")
    assert misspelt.filters == {"provincie": ["Limburg"]} and misspelt.corrected == {"limbug": "limburg"} and not misspelt.unplaced
    reading = read("Hoeveel laaggeschoolde vrouwelijke werkzoekenden jonger dan 25 jaar met de Oekraïense nationaliteit?")
    assert reading.filters == {"opleidingsniveau": ["laag"], "geslacht": ["vrouw"], "leeftijd": ["<25"], "nationaliteit": ["Oekraïens"]}


@pytest.mark.parametrize("text, word", [
    ("Hoeveel werkzoekenden werden in 2023 naar een opleiding gebracht?", "gebracht"),  # not "geslacht"
    ("Wat was de omvang van de instroom van verzoekers in 2023?", "omvang"),  # not "opvang"
    ("Hoeveel klanten bediende VDAB in 2023?", "klanten"),  # not "klachten"
])
def test_a_real_word_near_a_catalog_term_is_not_corrected_into_it(text, word):
    # Corrected, each read another question (a breakdown by sex, reception places, complaints); unknown, the
    # word is reported and no figure is given for it.
    reading = read(text)
    assert word not in reading.corrected and word in reading.unplaced


def test_a_misspelling_or_another_form_of_a_term_is_still_read_as_the_term():
    assert read("Hoeveel asielzoekes waren er in 2023?").corrected == {"asielzoekes": "asielzoeker"}
    assert read("Hoeveel erkenning waren er in 2023?").corrected == {"erkenning": "erkenningen"}  # a real word, same stem


def test_short_province_forms_and_breakdown_words_with_their_small_words():
    for short in ["W-Vl", "w.vl.", "WVL"]:
        assert read(f"Hoeveel werkzoekenden waren er in december 2022 in {short}?").filters == {"provincie": ["West-Vlaanderen"]}
    for text in ["and by age group?", "per age group", "en naar leeftijdsgroep"]:
        reading = read(text)
        assert (reading.breakdowns, reading.unplaced) == (["leeftijd"], [])


def test_that_province_is_the_province_named_before_never_a_breakdown():
    first = read("Hoeveel werkzoekenden zonder werk waren er op 30 september 2023 in de provincie Antwerpen?")
    second = read("Hoeveel daarvan waren jonger dan 25 jaar?", context=first)
    third = read("Hoeveel werkzoekenden uit die provincie stroomden in 2023 uit naar werk, opgesplitst naar geslacht?", context=second)
    # The province only: not the age group of the sub-question before, nor a breakdown per province.
    assert (third.filters, third.breakdowns, third.unplaced) == ({"provincie": ["Antwerpen"]}, ["geslacht"], [])
    alone = read("Hoeveel werkzoekenden uit die provincie vonden werk in 2023?")
    assert alone.unplaced == ["die provincie"] and resolve(alone).status == "needs_review"
    # "en dat per provincie" still asks for a breakdown.
    assert read("Hoeveel werkzoekenden waren er eind 2023, en dat per provincie?").breakdowns == ["provincie"]


def test_of_these_applicants_how_many_are_job_seekers_keeps_the_applicants():
    first = read("Hoeveel verzoeken om internationale bescherming werden in 2023 ingediend?")
    second = read("Hoeveel van deze verzoekers zijn ingeschreven als werkzoekende bij VDAB?", context=first)
    assert [p.id for p in second.populations] == ["asielzoeker", "werkzoekende"]
    verdict = resolve(second)
    assert (verdict.status, verdict.owner) == ("not_identified", "VDAB")  # never the count of all job seekers


def test_a_course_name_is_a_course_only_in_a_question_about_courses():
    assert read("Hoeveel personen volgden in 2023 een bouwopleiding bij VDAB in Limburg?").filters == {"opleiding": ["Bouw"], "provincie": ["Limburg"]}
    assert read("Hoeveel werkzoekenden in de bouw vonden in 2023 werk?").unplaced == ["bouw"]


def test_a_reference_back_takes_the_earlier_population_filters_and_period():
    first = read("Hoeveel werkzoekenden met de Oekraïense nationaliteit waren er eind 2023 in Limburg?")
    second = read("Hoeveel van hen vonden werk?", context=first)
    assert second.refers_back == "van hen" and second.population == "werkzoekende"
    assert second.filters == {"nationaliteit": ["Oekraïens"], "provincie": ["Limburg"]} and second.period == first.period


def test_a_second_period_outside_the_first_is_not_dropped_silently():
    for question, words in [("Hoeveel asielaanvragen waren er in augustus 2025 en in augustus 2024?", ["augustus", "2024"]),
                            ("Hoeveel werkzoekenden waren er op 30 juni 2023 en op 30 juni 2024?", ["30", "juni", "2024"])]:
        reading = read(question)
        assert reading.unplaced == words and resolve(reading).status == "needs_review"
    # A period inside the first adds nothing and is read.
    assert read("Hoeveel verzoeken werden er in 2023 ingediend, per maand, ook in december 2023?").unplaced == []


def test_years_named_with_a_gap_are_those_years_and_a_span_between_two_years_is_every_year():
    gapped = read("Hoeveel asielaanvragen waren er in 2021 en in 2023?")
    assert (gapped.period.per_year, gapped.period.years()) == (True, [2021, 2023])
    assert read("Hoeveel werkzoekenden waren er eind 2022 en eind 2024?").period.years() == [2022, 2024]
    assert read("Hoeveel hooggeschoolden stroomden uit naar werk tussen 2022 en 2024?").period.years() == [2022, 2023, 2024]


def test_namen_and_luik_are_provinces_only_when_named_as_places():
    took_part = read("Hoeveel werkzoekenden namen in 2023 deel aan een opleiding in de provincie Antwerpen?")
    assert took_part.filters == {"provincie": ["Antwerpen"]} and not took_part.unplaced
    assert read("Hoeveel werkzoekenden waren er eind 2023 in Namen?").filters == {"provincie": ["Namen"]}


def test_more_words_for_halves_and_genders():
    half = read("Hoeveel beslissingen nam het CGVS in het eerste halfjaar van 2024?")
    assert (half.period.start, half.period.end, half.unplaced) == ("2024-01", "2024-06", [])
    assert read("Combien de demandeurs d'emploi masculins y avait-il fin 2023 ?").filters == {"geslacht": ["man"]}


def test_words_not_understood_in_a_question_without_data_are_to_check_not_a_verdict():
    verdict = resolve(read("Hoeveel vacatures ontving VDAB in 2023?"))
    assert verdict.status == "needs_review" and verdict.unplaced == ["vacatures"]


def test_then_takes_the_earlier_period_and_since_then_is_not_guessed():
    earlier = read("Hoeveel werkzoekenden waren er eind 2023?")
    then = read("En hoeveel werkzoekenden waren er toen in Limburg?", context=earlier)
    assert then.period == earlier.period and not then.unplaced
    alone = read("Hoeveel werkzoekenden waren er toen in Limburg?")
    assert alone.period is None and alone.unplaced == ["toen"]
    since = read("Hoeveel asielaanvragen werden er sindsdien ingediend?", context=earlier)
    assert since.unplaced == ["sindsdien"]  # since the end of 2023, or since a date the question gave? not guessed


@pytest.mark.parametrize("text, words", [
    ("Hoeveel procent daarvan werd in 2023 toegekend?", "daarvan"),
    ("In hoeveel gevallen ging het in 2023 om asielzoekers?", "in hoeveel gevallen"),
])
def test_a_back_reference_with_nothing_before_it_is_not_understood(text, words):
    # Of what, or which cases, only an earlier question could say; a count of all would answer another question.
    assert words in read(text).unplaced
    earlier = read("Hoeveel verzoeken om internationale bescherming werden er in 2023 ingediend?")
    assert words not in read(text, context=earlier).unplaced


def test_a_measure_from_a_statement_not_understood_is_not_taken():
    # "werken" in a statement about IT systems is not employment; the question only says "hiervan".
    vague = read("Eén oorzaak is dat alle diensten in die sector werken met een eigen databank. Kunt u hiervan een overzicht geven?")
    assert {"oorzaak", "diensten", "databank"} <= set(vague.unplaced)
    # A statement that names its group still says what the question is about.
    clear = read("In een eerder antwoord meldde de minister dat er eind 2023 50.635 werkzoekenden waren. Hoeveel waren dat er eind 2024?")
    assert clear.populations[0].id == "werkzoekende" and not clear.unplaced


def test_a_correction_that_places_nothing_is_not_said_and_the_written_word_is_reported():
    # "toegekend" is one edit from "toegekende", a word of the phrase "toegekende vluchtelingenstatussen" only.
    reading = read("Hoeveel gehele vrijstellingen werden er in 2023 toegekend?")
    assert reading.corrected == {} and "toegekend" in reading.unplaced and "toegekende" not in reading.unplaced
