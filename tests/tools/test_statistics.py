"""The figure that answers a reading: stocks at one date, flows over exactly the months asked, partial
periods named, periods outside a series, months never published. Expected values are computed here
with pandas from the raw files."""

import datetime as dt

import pandas as pd
import pytest

from tools.catalog import DATA_DIR
from tools.reading import Found, Period, PopulationRef, Reading
from tools.statistics import answer

CGVS = DATA_DIR / "cgvs-monthly" / "cgvs-monthly-2020-2025.csv"
JOBSEEKERS = DATA_DIR / "synthetic" / "vdab_werkzoekenden.csv"


def _cgvs() -> pd.DataFrame:
    frame = pd.read_csv(CGVS, dtype=str, keep_default_na=False)
    for column in ("count_applicants_international_protection", "count_cgvs_decisions", "workload"):
        frame[column] = pd.to_numeric(frame[column].str.replace(".", "", regex=False), errors="coerce")
    frame["ym"] = frame["year"] + "-" + frame["month_id"]
    return frame


def _jobseekers() -> pd.DataFrame:
    return pd.read_csv(JOBSEEKERS, dtype={"maand": str})


def reading(measure: str, start: str, end: str, population: str | None = None, **fields) -> Reading:
    period_fields = {k: fields.pop(k) for k in ("point", "day", "per_year", "open_end") if k in fields}
    return Reading(text="(test)", measure=Found(id=measure, words=measure), period=Period(start=start, end=end, **period_fields),
                   populations=[PopulationRef(id=population, words=population)] if population else [], **fields)


def values(stat) -> list:
    return [c.value for piece in stat.slices for c in piece.cells]


def test_a_stock_is_read_at_the_end_of_the_year_asked_not_at_the_latest_month():
    stat = answer(reading("aantal", "2023-01", "2023-12", "werkzoekende"))
    expected = _jobseekers().query("maand == '2023-12'")["werkzoekenden_zonder_werk"].sum()
    (piece,) = stat.slices
    assert (piece.reference, piece.reference_day) == ("2023-12", dt.date(2023, 12, 31))
    assert values(stat) == [expected]


def test_a_stock_on_the_first_of_the_month_is_the_month_end_before_it():
    stat = answer(reading("aantal", "2024-01", "2024-01", "werkzoekende", point=True, day=dt.date(2024, 1, 1)))
    expected = _jobseekers().query("maand == '2023-12'")["werkzoekenden_zonder_werk"].sum()
    assert stat.slices[0].reference == "2023-12" and values(stat) == [expected]


def test_stocks_over_several_years_are_never_added_up():
    stat = answer(reading("aantal", "2022-01", "2024-12", "werkzoekende", per_year=True))
    frame = _jobseekers()
    expected = [frame.query(f"maand == '{y}-12'")["werkzoekenden_zonder_werk"].sum() for y in (2022, 2023, 2024)]
    assert values(stat) == expected
    assert all(piece.total in (None, piece.cells[0].value) for piece in stat.slices)


def test_a_missing_december_stock_is_the_november_value_with_its_own_date():
    stat = answer(reading("werklast", "2023-12", "2023-12", point=True, day=dt.date(2023, 12, 31)))
    expected = _cgvs().set_index("ym").loc["2023-11", "workload"]
    (piece,) = stat.slices
    assert (piece.reference, piece.missing, values(stat)) == ("2023-11", ["2023-12"], [expected])


def test_a_flow_sums_exactly_the_months_asked_and_names_what_it_covers():
    frame = _cgvs()
    stat = answer(reading("verzoeken", "2024-01", "2024-08"))
    expected = frame[(frame["ym"] >= "2024-01") & (frame["ym"] <= "2024-08")]["count_applicants_international_protection"].sum()
    assert values(stat) == [expected]
    year = answer(reading("verzoeken", "2023-01", "2023-12")).slices[0]
    assert (year.covered_start, year.covered_end, year.missing) == ("2023-01", "2023-11", ["2023-12"])
    assert year.cells[0].value == frame[frame["year"] == "2023"]["count_applicants_international_protection"].sum()
    # ... and the published full-year figure for the same indicator comes with it
    assert [f.figure_id for f in year.published] == ["DVZ-001"]


def test_since_runs_to_the_end_of_the_series():
    frame = _cgvs()
    stat = answer(reading("verzoeken", "2022-03", "2030-12", open_end=True))
    (piece,) = stat.slices
    expected = frame[frame["ym"] >= "2022-03"]["count_applicants_international_protection"].sum()
    assert (piece.covered_start, piece.covered_end, values(stat)) == ("2022-03", frame["ym"].max(), [expected])


def test_a_year_before_the_series_gives_the_published_figure_or_nothing():
    in_2019 = answer(reading("verzoeken", "2019-01", "2019-12"))
    assert in_2019.status == "available" and not values(in_2019)
    assert [f.figure_id for f in in_2019.slices[0].published] == ["DVZ-037"] and in_2019.slices[0].outside
    in_2015 = answer(reading("verzoeken", "2015-01", "2015-12"))
    assert in_2015.status == "not_available" and not in_2015.has_figures


def test_a_month_without_a_published_value_is_missing_never_zero():
    stat = answer(reading("beslissingen", "2024-05", "2024-05"))
    assert stat.status == "not_available" and stat.slices[0].missing == ["2024-05"] and not values(stat)
    by_month = answer(reading("beslissingen", "2024-01", "2024-12", breakdowns=["maand"]))
    may = [c for c in by_month.slices[0].cells if c.key["maand"] == 5]
    assert may == [] or may[0].value is None
    frame = _cgvs()
    assert by_month.slices[0].total == frame[frame["year"] == "2024"]["count_cgvs_decisions"].sum()


def test_an_outflow_question_gets_the_outflow_and_a_rate_or_backlog_never_decisions():
    outflow = answer(reading("aan_het_werk", "2023-01", "2023-12", "werkzoekende"))
    assert outflow.measure == "uitstroom_werk"
    assert values(outflow) == [_jobseekers().query("maand.str.startswith('2023')")["uitstroom_naar_werk"].sum()]
    rate = answer(reading("beschermingsgraad", "2023-01", "2023-12"))
    assert rate.status == "not_available" and not rate.has_figures  # no published rate for 2023; decisions are not a rate
    backlog = answer(reading("achterstand", "2022-12", "2022-12", point=True, day=dt.date(2022, 12, 31)))
    assert [f.figure_id for f in backlog.published] == ["CGVS-019"] and backlog.dataset is None


@pytest.mark.parametrize("province", ["Limburg", "West-Vlaanderen"])
def test_filters_apply_and_national_figures_are_not_given_for_a_province(province):
    stat = answer(reading("aantal", "2023-06", "2023-06", "werkzoekende", filters={"provincie": [province]}))
    assert values(stat) == [_jobseekers().query(f"maand == '2023-06' and provincie == '{province}'")["werkzoekenden_zonder_werk"].sum()]
    national = answer(reading("verzoeken", "2023-01", "2023-12", filters={"provincie": [province]}))
    assert national.status == "not_available" and national.verdict.reason_code == "filter_not_in_data" and not national.has_figures


def _published(figure_id: str) -> pd.Series:
    frame = pd.read_csv(DATA_DIR / "published-figures" / "published_figures.csv", dtype=str)
    return frame.set_index("figure_id").loc[figure_id]


def test_an_answer_made_only_of_a_real_published_figure_carries_no_demo_data_warning():
    # The (synthetic) job-seeker series starts after December 2021; the real published figure answers alone.
    stat = answer(reading("aantal", "2021-12", "2021-12", "werkzoekende", point=True, day=dt.date(2021, 12, 31)))
    assert not values(stat) and [f.figure_id for p in stat.slices for f in p.published] == ["VDAB-008"]
    assert float(_published("VDAB-008")["value"]) == stat.slices[0].published[0].value
    assert not stat.synthetic and stat.warning is None


def test_two_measures_asked_of_published_figures_are_both_looked_up_and_a_missing_one_is_said():
    from bot.reading.reader import read

    frame = pd.read_csv(DATA_DIR / "published-figures" / "published_figures.csv", dtype=str)
    on_may_first = frame[(frame["owner"] == "Fedasil") & (frame["reference_date"] == "2024-05-01")]
    residents = float(on_may_first[on_may_first["unit"] == "persons"]["value"].iloc[0])
    rate = float(on_may_first[on_may_first["unit"] == "percent"]["value"].iloc[0])
    both = answer(read("Hoeveel personen werden op 1 mei 2024 opgevangen in het opvangnetwerk en wat was de bezettingsgraad?"))
    assert {residents, rate} <= {f.value for f in both.published} and not both.not_published
    end_2023 = answer(read("Wat was eind 2023 de opvangcapaciteit van het opvangnetwerk en de bezettingsgraad?"))
    capacity = frame[(frame["owner"] == "Fedasil") & (frame["reference_date"] == "2023-12-31") & (frame["unit"] == "places")]
    assert [f.value for f in end_2023.published] == [float(capacity["value"].iloc[0])]
    assert end_2023.not_published == ["bezettingsgraad"]
