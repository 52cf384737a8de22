"""Follow-ups refine the previous question; what they cannot apply is said, never ignored."""

import datetime as dt

import pandas as pd

from bot.ask import AskState, ask
from tools.catalog import DATA_DIR

ASKED = dt.date(2025, 1, 15)


def _jobseekers() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / "synthetic" / "vdab_werkzoekenden.csv", dtype={"maand": str})


def _chain(*questions):
    state, answers = AskState(), []
    for question in questions:
        answer = ask(question, state, asked=ASKED)
        answers.append(answer)
        state = answer.state
    return answers


def test_only_men_narrows_and_keeps_the_breakdown():
    first, men = _chain("Hoeveel werkzoekenden zonder werk waren er eind 2023 per provincie?", "alleen mannen")
    frame = _jobseekers().query("maand == '2023-12' and geslacht == 'man'")
    assert men.follow_up and men.reading["filters"] == {"geslacht": ["man"]}
    assert {r["provincie"]: r["werkzoekenden"] for r in men.rows} == frame.groupby("provincie")["werkzoekenden_zonder_werk"].sum().to_dict()


def test_a_breakdown_the_data_lack_is_said_and_the_year_before_moves_the_period():
    first, by_sector, before = _chain("Hoeveel werkzoekenden vonden in 2023 werk?", "en per sector", "en het jaar ervoor?")
    assert by_sector.status == "available" and "per sector is in deze gegevens niet beschikbaar" in by_sector.sentence
    assert by_sector.total == first.total
    assert before.reading["period"]["start"] == "2022-01"
    assert before.total == _jobseekers().query("maand.str.startswith('2022')")["uitstroom_naar_werk"].sum()


def test_of_them_keeps_the_group_and_asks_the_new_measure():
    first, found_work = _chain("Hoeveel werkzoekenden met de Oekraïense nationaliteit waren er eind 2023?", "hoeveel van hen kregen in 2023 een job?")
    assert found_work.reading["filters"] == {"nationaliteit": ["Oekraïens"]} and found_work.reading["measure"]["id"] == "aan_het_werk"
    assert found_work.total == _jobseekers().query("maand.str.startswith('2023') and nationaliteitsgroep == 'Oekraïens'")["uitstroom_naar_werk"].sum()


def test_a_filter_the_data_cannot_follow_gets_no_figure_not_the_previous_one():
    first, limburg = _chain("Hoeveel verzoeken om internationale bescherming werden in 2023 ingediend?", "alleen Limburg")
    assert first.total and limburg.status == "not_available" and not limburg.rows and not limburg.figures
    assert "niet beschikbaar per provincie" in limburg.sentence


def test_without_breakdown_and_a_new_question_start_afresh():
    first, total, fresh = _chain("Hoeveel werkzoekenden vonden in 2024 werk? Graag per provincie.", "zonder opdeling",
                                 "Hoeveel beslissingen nam het CGVS in 2022?")
    assert total.reading["breakdowns"] == [] and total.total == first.total
    assert not fresh.follow_up and fresh.reading["measure"]["id"] == "beslissingen"


def test_a_clear_restarts_the_conversation():
    state = ask("Hoeveel werkzoekenden waren er eind 2023 per provincie?", asked=ASKED).state
    assert ask("alleen Limburg", state, asked=ASKED).follow_up
    alone = ask("alleen Limburg", AskState(), asked=ASKED)
    assert not alone.follow_up and alone.status != "available"  # nothing to refine: no figure from nowhere


def test_one_province_replaces_the_breakdown_per_province_and_every_province_replaces_one():
    _, antwerpen = _chain("Hoeveel werkzoekenden zonder werk waren er eind 2023 per provincie?", "voor Antwerpen alleen")
    frame = _jobseekers().query("maand == '2023-12'")
    assert (antwerpen.reading["filters"], antwerpen.reading["breakdowns"]) == ({"provincie": ["Antwerpen"]}, [])
    assert antwerpen.total == frame.query("provincie == 'Antwerpen'")["werkzoekenden_zonder_werk"].sum()
    _, every = _chain("Hoeveel werkzoekenden zonder werk waren er eind 2023 in Limburg?", "en per provincie?")
    assert (every.reading["filters"], every.reading["breakdowns"]) == ({}, ["provincie"])
    assert {r["provincie"]: r["werkzoekenden"] for r in every.rows} == frame.groupby("provincie")["werkzoekenden_zonder_werk"].sum().to_dict()


def test_also_by_gender_adds_a_breakdown_and_by_gender_replaces_it():
    _, both = _chain("Hoeveel werkzoekenden zonder werk waren er eind 2023 per provincie?", "graag ook per geslacht")
    frame = _jobseekers().query("maand == '2023-12'")
    assert both.reading["breakdowns"] == ["provincie", "geslacht"]
    expected = frame.groupby(["provincie", "geslacht"])["werkzoekenden_zonder_werk"].sum().to_dict()
    assert {(r["provincie"], r["geslacht"]): r["werkzoekenden"] for r in both.rows} == expected
    _, gender = _chain("Hoeveel werkzoekenden zonder werk waren er eind 2023 per provincie?", "en per geslacht")
    assert gender.reading["breakdowns"] == ["geslacht"]
