"""The aggregation API on the synthetic tables: validation, warnings, suppression."""

import pandas as pd
import pytest
from pydantic import ValidationError

from tools.aggregate import aggregate
from tools.catalog import DATA_DIR, SYNTHETIC_WARNING, UnknownName


def raw(name):
    return pd.read_csv(DATA_DIR / "synthetic" / name)


def test_training_per_province_matches_the_file():
    frame = raw("vdab_opleidingen.csv")
    expected = frame[frame.jaar == 2023].groupby("provincie")["deelnemers"].sum().to_dict()
    result = aggregate({"dataset": "vdab_opleidingen", "measure": "deelnemers", "by": ["provincie"], "where": {"jaar": 2023}})
    assert {r["provincie"]: r["deelnemers"] for r in result.rows} == expected
    assert result.synthetic and result.provenance.warning == SYNTHETIC_WARNING
    assert result.provenance.owner == "VDAB"


def test_stock_takes_the_last_month_of_each_year():
    frame = raw("vdab_werkzoekenden.csv")
    result = aggregate({"dataset": "vdab_werkzoekenden", "measure": "werkzoekenden", "by": ["jaar"]})
    expected = {int(m[:4]): int(frame[frame.maand == m]["werkzoekenden_zonder_werk"].sum()) for m in ("2022-12", "2023-12", "2024-12")}
    assert {r["jaar"]: r["werkzoekenden"] for r in result.rows} == expected


@pytest.mark.parametrize(
    "request_, message",
    [
        ({"dataset": "vdab", "measure": "x"}, "unknown dataset 'vdab'; valid: cgvs_maandcijfers"),
        ({"dataset": "vdab_opleidingen", "measure": "x"}, "valid: deelnemers"),
        ({"dataset": "vdab_opleidingen", "measure": "deelnemers", "by": ["gemeente"]}, "valid: jaar, provincie, opleiding"),
        ({"dataset": "vdab_opleidingen", "measure": "deelnemers", "where": {"provincie": "Gent"}}, "valid: Antwerpen"),
        ({"dataset": "vdab_opleidingen", "measure": "deelnemers", "period": {"start": "2030"}}, "no rows match"),
    ],
)
def test_unknown_names_list_the_choices(request_, message):
    with pytest.raises(UnknownName, match=message):
        aggregate(request_)


def test_malformed_request_is_refused_before_any_work():
    with pytest.raises(ValidationError):
        aggregate({"dataset": "vdab_opleidingen", "measure": "deelnemers", "period": {"start": "__import__('os')"}})
    with pytest.raises(ValidationError):
        aggregate({"dataset": "vdab_opleidingen", "measure": "deelnemers", "by": "provincie; drop"})


@pytest.mark.parametrize("period", [{"start": "2021-13"}, {"end": "2021-00"}, {"start": "2023-02-29"},
                                    {"start": "2024", "end": "2023-12"}])
def test_a_month_or_date_that_does_not_exist_or_a_reversed_period_is_refused(period):
    # Well-shaped but impossible bounds used to select nothing (or everything) without a word.
    with pytest.raises(ValidationError, match="not a real|starts .* after it ends"):
        aggregate({"dataset": "vdab_opleidingen", "measure": "deelnemers", "period": period})


def test_a_leap_day_and_a_one_month_period_are_accepted():
    result = aggregate({"dataset": "vdab_opleidingen", "measure": "deelnemers", "period": {"start": "2024-02-29", "end": "2024-02"}})
    assert result.provenance.period == {"start": "2024-02-29", "end": "2024-02"}


def test_small_numbers_are_suppressed_consistently():
    frame = raw("fedasil_opvang.csv")
    selection = frame[(frame.datum == "2024-10-01") & (frame.centrum == "opvangcentrum B") & (frame.geslacht == "vrouw") & (frame.leeftijdsgroep == "50+")]
    truth = selection[selection.werkend == "ja"].groupby("nationaliteit")["bewoners"].sum()
    result = aggregate({
        "dataset": "fedasil_opvang", "measure": "bewoners", "by": ["nationaliteit"],
        "where": {"centrum": "opvangcentrum B", "geslacht": "vrouw", "leeftijd": "50+", "werkend": "ja"},
        "period": {"start": "2024-10", "end": "2024-10"}, "suppress_below": 5,
    })
    shown = {r["nationaliteit"]: r["bewoners"] for r in result.rows}
    assert result.total == int(truth.sum())
    hidden = [k for k, v in shown.items() if v == "<5"]
    assert set(truth[truth < 5].index) <= set(hidden)
    assert len(hidden) != 1  # a single hidden cell could be recomputed from the total
    for k, v in shown.items():
        if v != "<5":
            assert v == truth[k]


def test_one_small_cell_hides_a_second_so_the_total_cannot_reveal_it():
    from tools.aggregate import _suppress

    shown = _suppress(pd.Series([3, 10, 12], index=["a", "b", "c"]), 5)
    assert shown.to_dict() == {"a": "<5", "b": "<5", "c": 12}
    untouched = _suppress(pd.Series([6, 10], index=["a", "b"]), 5)
    assert untouched.to_dict() == {"a": 6, "b": 10}
