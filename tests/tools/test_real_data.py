"""Exact figures on real data, checked against sums computed here from the raw CSV."""

import csv
from collections import defaultdict

import pytest

from tools.aggregate import aggregate
from tools.catalog import DATA_DIR, UnknownName
from tools.datasets import dutch_int, split_nationalities, table
from tools.figures import lookup_figures

RAW = DATA_DIR / "cgvs-monthly" / "cgvs-monthly-2020-2025.csv"


def raw_rows():
    with RAW.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_applicants_per_year_match_the_raw_csv():
    expected = defaultdict(int)
    for row in raw_rows():
        expected[int(row["year"])] += int(row["count_applicants_international_protection"].replace(".", ""))
    result = aggregate({"dataset": "cgvs_maandcijfers", "measure": "verzoekers", "by": ["jaar"]})
    assert {r["jaar"]: r["verzoekers"] for r in result.rows} == dict(expected)
    assert result.total == sum(expected.values())
    assert result.provenance.owner == "DVZ" and not result.synthetic
    assert "december ontbreekt" in result.provenance.grain


def test_one_month_and_a_period():
    rows = {(r["year"], r["month_id"]): r for r in raw_rows()}
    single = aggregate({"dataset": "cgvs_maandcijfers", "measure": "verzoekers", "period": {"start": "2023-03", "end": "2023-03"}})
    assert single.rows == [{"verzoekers": int(rows[("2023", "03")]["count_applicants_international_protection"].replace(".", ""))}]
    span = aggregate({"dataset": "cgvs_maandcijfers", "measure": "verzoekers", "period": {"start": "2021", "end": "2023"}})
    expected = sum(int(r["count_applicants_international_protection"].replace(".", "")) for r in raw_rows() if "2021" <= r["year"] <= "2023")
    assert span.total == expected
    assert span.provenance.rows_used == sum(1 for r in raw_rows() if "2021" <= r["year"] <= "2023")


def test_missing_month_is_not_counted_and_is_said():
    decisions = aggregate({"dataset": "cgvs_maandcijfers", "measure": "beslissingen", "by": ["jaar"], "where": {"jaar": 2024}})
    expected = sum(int(r["count_cgvs_decisions"].replace(".", "")) for r in raw_rows() if r["year"] == "2024" and r["count_cgvs_decisions"])
    assert decisions.rows == [{"jaar": 2024, "beslissingen": expected}]
    assert decisions.provenance.rows_missing_value == 1
    assert "zonder gepubliceerde waarde" in decisions.provenance.description


def test_workload_is_a_stock_not_a_sum():
    last = [r for r in raw_rows() if r["year"] == "2022"][-1]
    result = aggregate({"dataset": "cgvs_maandcijfers", "measure": "werklast", "period": {"start": "2022", "end": "2022"}})
    assert result.rows == [{"werklast": int(last["workload"].replace(".", ""))}]


@pytest.mark.parametrize("text, value", [("2.739", 2739), ("236", 236), ("24.600", 24600), ("1.234.567", 1234567), ("", None)])
def test_dutch_thousands(text, value):
    assert dutch_int(text) == value


def test_dutch_int_refuses_decimals():
    with pytest.raises(ValueError):
        dutch_int("2,5")


def test_top_ten_nationalities_long_table():
    first = raw_rows()[0]
    assert split_nationalities(first["top_10_nationalities_applicants_international_protection"]) == [
        "Syrië", "Afghanistan", "El Salvador", "Irak", "Turkije", "Eritrea", "Guinee", "Congo (DRC)", "Palestina", "Rusland",
    ]
    long = table("cgvs_top_nationaliteiten")
    published = [r for r in raw_rows() if r["top_10_nationalities_applicants_international_protection"].strip()]
    assert len(long) == 10 * len(published)
    assert set(long.groupby(["jaar", "maand"]).size()) == {10}
    assert 12 not in set(long["maand"])  # December rows do not exist


def test_compound_country_names_are_kept_whole():
    assert split_nationalities("Syrië, Bosnië en Herzegovina en Irak ,Iran") == ["Syrië", "Bosnië en Herzegovina", "Irak", "Iran"]


def test_published_figure_by_owner_indicator_and_date():
    with (DATA_DIR / "published-figures" / "published_figures.csv").open(encoding="utf-8") as handle:
        raw = {r["figure_id"]: r for r in csv.DictReader(handle)}
    figures = lookup_figures({"owner": "Fedasil", "indicator": "opvangcapaciteit", "date": "2024-05-01"})
    assert [f.figure_id for f in figures] == ["FED-001"]
    assert figures[0].value == float(raw["FED-001"]["value"])
    assert figures[0].quote == raw["FED-001"]["quote"]
    assert figures[0].source_url == raw["FED-001"]["source_url"]


def test_published_figures_unknown_owner_lists_owners():
    with pytest.raises(UnknownName, match="Fedasil"):
        lookup_figures({"owner": "Nobody"})
