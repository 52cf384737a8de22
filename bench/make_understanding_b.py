#!/usr/bin/env python3
"""Held-out statistical questions for PQ Assistant, with expected answers computed from the raw files.

Every question carries a structured spec; the expected values are computed here with pandas,
directly from tools/data/** (never through the product's code). Run:

    .venv/bin/python bench/make_understanding_b.py

Writes bench/understanding_b.jsonl (one object per line).

Conventions of the expected answer E (written by a helper who never read the product code):
- dataset / dataset_measure use the catalog ids (tools/catalog.yaml): cgvs_maandcijfers {verzoekers, beslissingen,
  werklast}; vdab_werkzoekenden {werkzoekenden (= column werkzoekenden_zonder_werk), uitstroom_werk (= uitstroom_naar_werk),
  herinstroom (= herinstroom_na_werk)}; vdab_opleidingen {deelnemers}; vdab_werkplekleren {trajecten};
  gepubliceerde_cijfers for figures that only exist as a published figure.
- dimension names are the catalog's: provincie, geslacht, leeftijd, nationaliteit, opleidingsniveau, opleiding, vorm;
  a per-month breakdown uses key "maand": "YYYY-MM"; several whole years add key "jaar".
- one period and no breakdown -> one value with key {}.
- flows: total = sum of all values; stocks at one reference month: total = sum over the breakdown (= the stock);
  stocks at several reference months (per year / per month): total null.
- negatives: values [], total null.
"""
from __future__ import annotations

import calendar
import json
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tools" / "data"
OUT = Path(__file__).resolve().parent / "understanding_b.jsonl"

# ----------------------------------------------------------------------------------------------
# raw data
# ----------------------------------------------------------------------------------------------
_cg = pd.read_csv(DATA / "cgvs-monthly/cgvs-monthly-2020-2025.csv", thousands=".", dtype={"month_id": str})
_cg["ym"] = _cg["year"].astype(str) + "-" + _cg["month_id"]
_cg = _cg.rename(columns={"count_applicants_international_protection": "verzoekers",
                          "count_cgvs_decisions": "beslissingen", "workload": "werklast"})

_wz = pd.read_csv(DATA / "synthetic/vdab_werkzoekenden.csv")
_wz = _wz.rename(columns={"maand": "ym", "leeftijdsgroep": "leeftijd", "nationaliteitsgroep": "nationaliteit",
                          "werkzoekenden_zonder_werk": "werkzoekenden", "uitstroom_naar_werk": "uitstroom_werk",
                          "herinstroom_na_werk": "herinstroom"})

_opl = pd.read_csv(DATA / "synthetic/vdab_opleidingen.csv")
_wpl = pd.read_csv(DATA / "synthetic/vdab_werkplekleren.csv")
_pub = pd.read_csv(DATA / "published-figures/published_figures.csv", dtype=str).set_index("figure_id")

DATASETS = {
    # ds: (dataset id, frame, time grain)
    "cgvs": ("cgvs_maandcijfers", _cg, "month"),
    "wz": ("vdab_werkzoekenden", _wz, "month"),
    "opl": ("vdab_opleidingen", _opl, "year"),
    "wpl": ("vdab_werkplekleren", _wpl, "year"),
}
MEASURE_TYPE = {"verzoekers": "flow", "beslissingen": "flow", "werklast": "stock", "werkzoekenden": "stock",
                "uitstroom_werk": "flow", "herinstroom": "flow", "deelnemers": "flow", "trajecten": "flow"}
OWNER = {"verzoekers": "DVZ", "beslissingen": "CGVS", "werklast": "CGVS", "werkzoekenden": "VDAB",
         "uitstroom_werk": "VDAB", "herinstroom": "VDAB", "deelnemers": "VDAB", "trajecten": "VDAB"}
# published full-year figures for the CGVS flows (catalog `published:` block, by year)
PUBLISHED_YEAR = {
    "verzoekers": {2023: "DVZ-001", 2022: "DVZ-012", 2021: "DVZ-022", 2020: "DVZ-031", 2019: "DVZ-037"},
    "beslissingen": {2022: "CGVS-003", 2020: "CGVS-020"},
}
UKR_CAVEAT = ("Benadering: werkzoekenden met de Oekraïense nationaliteit; VDAB registreert de nationaliteit, "
              "niet het verblijfsstatuut (tijdelijke bescherming).")


def pub(fid: str) -> dict:
    v = float(_pub.loc[fid, "value"])
    return {"figure_id": fid, "value": int(v) if v.is_integer() else v}


def num(x):
    x = float(x)
    return int(x) if x.is_integer() else x


# ----------------------------------------------------------------------------------------------
# periods
# ----------------------------------------------------------------------------------------------
def months_between(a: str, b: str) -> list[str]:
    p = pd.period_range(a, b, freq="M")
    return [str(x) for x in p]


def ref_month(d: str, available: list[str]) -> str:
    """Latest month-end on or before date d; if that month is missing, the latest earlier month in the series."""
    y, m, dd = map(int, d.split("-"))
    last = calendar.monthrange(y, m)[1]
    if dd == last:
        ym = f"{y:04d}-{m:02d}"
    else:
        ym = str(pd.Period(f"{y:04d}-{m:02d}", freq="M") - 1)
    earlier = [a for a in available if a <= ym]
    if not earlier:
        raise ValueError(f"no reference month for {d}")
    return max(earlier)


# ----------------------------------------------------------------------------------------------
# the expected answer
# ----------------------------------------------------------------------------------------------
def E(status, owner, dataset, measure, mtype, filters=None, breakdown=None, values=None, total=None,
      published=None, note=""):
    return {"status": status, "owner": owner, "dataset": dataset, "dataset_measure": measure,
            "measure_type": mtype, "filters": filters or {}, "breakdown": breakdown or [],
            "values": values or [], "total": total, "published": published or [], "note": note}


def apply_filters(df, filters):
    for dim, vals in filters.items():
        df = df[df[dim].isin(vals)]
    return df


def compute(spec: dict) -> dict:
    if "neg" in spec:
        return E(spec["neg"], spec.get("owner"), spec.get("dataset"), spec.get("measure"), spec.get("mtype"),
                 spec.get("f"), spec.get("by"), note=spec.get("note", ""))
    if spec.get("ds") == "pub":
        return E("available", spec["owner"], "gepubliceerde_cijfers", spec["measure"], spec["mtype"],
                 spec.get("f"), [], [], None, [pub(f) for f in spec["figures"]], spec.get("note", ""))

    ds_id, df, grain = DATASETS[spec["ds"]]
    m = spec["m"]
    mtype = MEASURE_TYPE[m]
    filters = spec.get("f", {})
    by = list(spec.get("by", []))
    kind, *args = spec["period"]
    notes = [spec["note"]] if spec.get("note") else []
    published = []

    sub = apply_filters(df, filters)
    dims = [d for d in by if d != "maand"]

    if mtype == "flow":
        per_year = False
        if kind == "years":
            years = args[0]
            per_year = len(years) > 1
            if grain == "month":
                months = [f"{y}-{mm:02d}" for y in years for mm in range(1, 13)]
            else:
                months = None
        elif kind == "months":
            assert grain == "month"
            months = months_between(args[0], args[1])
            years = None
        else:
            raise ValueError(kind)
        if grain == "month":
            sub = sub[sub["ym"].isin(months)].copy()
            present = sorted(df[df["ym"].isin(months)]["ym"].unique())
            assert present, spec
            missing = sorted(set(months) - set(present))
            if spec["ds"] == "cgvs":
                blank = sorted(df[df["ym"].isin(months) & df[m].isna()]["ym"])
                covered = [x for x in present if x not in blank]
                notes.append(f"Som over de beschikbare maanden: {', '.join(covered)}"
                             + (f"; ontbrekend in de reeks: {', '.join(missing)}" if missing else "")
                             + (f"; lege cel: {', '.join(blank)}" if blank else "") + ".")
            sub["jaar"] = sub["ym"].str[:4].astype(int)
            sub["maand"] = sub["ym"]
        else:
            sub = sub[sub["jaar"].isin(years)].copy()
            assert len(sub), spec
        keys = dims + (["jaar"] if per_year else []) + (["maand"] if "maand" in by else [])
        values = []
        if keys:
            g = sub.groupby(keys, sort=True)[m].sum(min_count=1)
            for k, v in g.items():
                k = k if isinstance(k, tuple) else (k,)
                key = {kk: (int(vv) if kk == "jaar" else str(vv)) for kk, vv in zip(keys, k, strict=True)}
                values.append({"key": key, "value": num(v)})
        else:
            values.append({"key": {}, "value": num(sub[m].sum())})
        total = num(sub[m].sum())
        if spec["ds"] == "cgvs" and kind == "years":
            for y in years:
                fid = PUBLISHED_YEAR.get(m, {}).get(y)
                if fid:
                    published.append(pub(fid))
        return E("available", OWNER[m], ds_id, m, mtype, filters, by, values, total, published, " ".join(notes))

    # stocks
    avail = sorted(df["ym"].unique())
    if kind == "latest":
        refs = [max(avail)]
    elif kind == "at":
        refs = [ref_month(args[0], avail)]
    elif kind == "years":  # "in 2023" / "eind 2023" / per year: the year-end
        refs = [ref_month(f"{y}-12-31", avail) for y in args[0]]
    elif kind == "months":  # per month
        refs = [x for x in months_between(args[0], args[1]) if x in avail]
    else:
        raise ValueError(kind)
    per_ref = len(refs) > 1
    values = []
    for r in refs:
        s = sub[sub["ym"] == r]
        assert len(s), (spec, r)
        if dims:
            g = s.groupby(dims, sort=True)[m].sum()
            for k, v in g.items():
                k = k if isinstance(k, tuple) else (k,)
                key = dict(zip(dims, map(str, k), strict=True))
                if per_ref:
                    key.update({"maand": r} if "maand" in by else {"jaar": int(r[:4])})
                values.append({"key": key, "value": num(v), "reference": r})
        else:
            key = {}
            if per_ref:
                key = {"maand": r} if "maand" in by else {"jaar": int(r[:4])}
            values.append({"key": key, "value": num(s[m].sum()), "reference": r})
    total = None if per_ref else num(sum(v["value"] for v in values))
    if per_ref and kind == "years" and [int(r[:4]) for r in refs] != list(args[0]):
        raise ValueError("year-end references overlap")
    notes.append("Stand op het einde van " + ", ".join(refs) + " (stock, niet opgeteld).")
    for fid in spec.get("published", []):
        published.append(pub(fid))
    return E("available", OWNER[m], ds_id, m, mtype, filters, by, values, total, published, " ".join(notes))


# ----------------------------------------------------------------------------------------------
# shorthand for negatives
# ----------------------------------------------------------------------------------------------
def NEG(status, owner, dataset=None, measure=None, mtype=None, f=None, by=None, note=""):
    return {"neg": status, "owner": owner, "dataset": dataset, "measure": measure, "mtype": mtype,
            "f": f or {}, "by": by or [], "note": note}


PROV = "provincie"
ALL_YEARS = [2022, 2023, 2024]

# ----------------------------------------------------------------------------------------------
# single questions (status available)
# ----------------------------------------------------------------------------------------------
SINGLES = [
    # --- CGVS / DVZ applications (flow) ---
    ("s001", "nl", None, "Hoeveel verzoeken om internationale bescherming werden er in 2023 ingediend?",
     {"ds": "cgvs", "m": "verzoekers", "period": ("years", [2023])}),
    ("s002", "nl", None,
     "Kan de minister, voor de periode 2021–2023, per jaar meedelen hoeveel personen zich hebben aangemeld als verzoeker "
     "om internationale bescherming, alsook het totaal over die periode?",
     {"ds": "cgvs", "m": "verzoekers", "period": ("years", [2021, 2022, 2023])}),
    ("s003", "nl", None, "Hoeveel asielaanvragen waren er in maart 2022?",
     {"ds": "cgvs", "m": "verzoekers", "period": ("months", "2022-03", "2022-03")}),
    ("s004", "nl", None, "Asielaanvragen eerste kwartaal 2024?",
     {"ds": "cgvs", "m": "verzoekers", "period": ("months", "2024-01", "2024-03")}),
    ("s005", "fr", None, "Combien de demandes de protection internationale ont été introduites en 2022 ?",
     {"ds": "cgvs", "m": "verzoekers", "period": ("years", [2022])}),
    ("s006", "en", None, "How many asylum applications were lodged in Belgium in 2020?",
     {"ds": "cgvs", "m": "verzoekers", "period": ("years", [2020])}),
    ("s007", "nl", None, "Hoeveel asielzoekers dienden in 2019 een verzoek in?",
     {"ds": "pub", "owner": "DVZ", "measure": "verzoeken", "mtype": "flow", "figures": ["DVZ-037"],
      "note": "2019 valt buiten de CGVS-maandreeks (vanaf 2020-01): alleen het gepubliceerde jaarcijfer."}),
    ("s008", "nl", None, "Graag het aantal verzoekers IB per maand voor 2024.",
     {"ds": "cgvs", "m": "verzoekers", "by": ["maand"], "period": ("years", [2024])}),
    ("s009", "nl", None, "Hoeveel verzoeken werden er geregistreerd van oktober 2023 tot en met maart 2024?",
     {"ds": "cgvs", "m": "verzoekers", "period": ("months", "2023-10", "2024-03")}),
    ("s010", "nl", "2025-09-15", "Hoeveel asielaanvragen zijn er dit jaar al geregistreerd?",
     {"ds": "cgvs", "m": "verzoekers", "period": ("months", "2025-01", "2025-08"),
      "note": "Dit jaar = 2025; de reeks loopt tot 2025-08."}),
    ("s011", "nl", "2024-02-20", "Hoeveel verzoekers om internationale bescherming waren er vorig jaar?",
     {"ds": "cgvs", "m": "verzoekers", "period": ("years", [2023])}),
    ("s012", "nl", None,
     "In de pers werd gesproken over '35.507 asielzoekers in 2023'. Hoeveel verzoeken om internationale bescherming telt "
     "de maandstatistiek van het CGVS voor dat jaar?",
     {"ds": "cgvs", "m": "verzoekers", "period": ("years", [2023])}),
    ("s013", "nl", None, "Hoeveel asielaanvragen werden er in de zomermaanden (juni, juli en augustus) van 2023 ingediend?",
     {"ds": "cgvs", "m": "verzoekers", "period": ("months", "2023-06", "2023-08")}),
    ("s014", "nl", None, "Hoeveel verzoeken om internationale bescherming werden in 2022 respectievelijk 2023 geregistreerd?",
     {"ds": "cgvs", "m": "verzoekers", "period": ("years", [2022, 2023])}),
    ("s015", "nl", None, "Hoeveel verzoekers waren er in 2021?",
     {"ds": "cgvs", "m": "verzoekers", "period": ("years", [2021])}),
    ("s016", "en", None, "How many people applied for international protection between January and August 2025?",
     {"ds": "cgvs", "m": "verzoekers", "period": ("months", "2025-01", "2025-08")}),
    ("s017", "nl", None, "Hoeveel asielaanvragen werden er tussen 2022 en 2024 ingediend, jaar per jaar?",
     {"ds": "cgvs", "m": "verzoekers", "period": ("years", [2022, 2023, 2024])}),
    # --- CGVS decisions (flow) ---
    ("s018", "nl", None, "Hoeveel beslissingen nam het CGVS in 2022?",
     {"ds": "cgvs", "m": "beslissingen", "period": ("years", [2022])}),
    ("s019", "nl", None, "Hoeveel beslissingen heeft het CGVS in 2024 genomen?",
     {"ds": "cgvs", "m": "beslissingen", "period": ("years", [2024])}),
    ("s020", "fr", None, "Combien de décisions le CGRA a-t-il prises en 2020 ?",
     {"ds": "cgvs", "m": "beslissingen", "period": ("years", [2020])}),
    ("s021", "nl", None,
     "Hoeveel beslissingen werden er door het Commissariaat-generaal voor de Vluchtelingen en de Staatlozen genomen "
     "tussen januari en juni 2024?",
     {"ds": "cgvs", "m": "beslissingen", "period": ("months", "2024-01", "2024-06")}),
    ("s022", "en", None, "How many decisions did the CGRS take per month in 2021?",
     {"ds": "cgvs", "m": "beslissingen", "by": ["maand"], "period": ("years", [2021])}),
    ("s023", "nl", None, "Beslissingen CGVS 2022 en 2023?",
     {"ds": "cgvs", "m": "beslissingen", "period": ("years", [2022, 2023])}),
    ("s024", "nl", "2024-11-05", "Hoeveel beslissingen nam het CGVS vorige maand?",
     {"ds": "cgvs", "m": "beslissingen", "period": ("months", "2024-10", "2024-10")}),
    # --- CGVS workload (stock) ---
    ("s025", "nl", None, "Hoeveel dossiers had het CGVS in behandeling op 1 januari 2024?",
     {"ds": "cgvs", "m": "werklast", "period": ("at", "2024-01-01"),
      "note": "Referentie 2023-12 ontbreekt (geen decembercijfer): laatste eerdere maand 2023-11."}),
    ("s026", "nl", None, "Wat was de werklast van het CGVS op 30 juni 2023?",
     {"ds": "cgvs", "m": "werklast", "period": ("at", "2023-06-30")}),
    ("s027", "nl", "2025-09-20", "Hoe groot is de werklast van het CGVS momenteel?",
     {"ds": "cgvs", "m": "werklast", "period": ("latest",)}),
    ("s028", "nl", None,
     "Kan de minister de werklast van het CGVS meedelen, telkens op het einde van 2021, 2022 en 2023?",
     {"ds": "cgvs", "m": "werklast", "period": ("years", [2021, 2022, 2023]),
      "note": "December ontbreekt telkens: stand eind november."}),
    ("s029", "en", None, "What was the CGRS workload at the end of March 2025?",
     {"ds": "cgvs", "m": "werklast", "period": ("at", "2025-03-31")}),
    ("s030", "nl", None, "Hoeveel lopende dossiers waren er bij het CGVS op 15 mei 2024?",
     {"ds": "cgvs", "m": "werklast", "period": ("at", "2024-05-15"),
      "note": "Laatste maandeinde op of vóór 15 mei 2024 = 30 april 2024."}),
    # --- published rates and backlog ---
    ("s031", "nl", None, "Wat was de beschermingsgraad in 2022?",
     {"ds": "pub", "owner": "CGVS", "measure": "beschermingsgraad", "mtype": "rate", "figures": ["CGVS-004"]}),
    ("s032", "fr", None, "Quel était le taux de protection en 2021 ?",
     {"ds": "pub", "owner": "CGVS", "measure": "beschermingsgraad", "mtype": "rate", "figures": ["CGVS-007"]}),
    ("s033", "nl", None, "Hoe groot was de achterstand bij het CGVS eind 2022?",
     {"ds": "pub", "owner": "CGVS", "measure": "achterstand", "mtype": "stock", "figures": ["CGVS-019"]}),
    ("s034", "nl", None, "Wat was de werkzoekendengraad in Vlaanderen eind november 2023?",
     {"ds": "pub", "owner": "VDAB", "measure": "werkzoekendengraad", "mtype": "rate", "figures": ["VDAB-002"]}),
    ("s035", "nl", None, "Hoe hoog lag het beschermingspercentage in januari 2025?",
     {"ds": "pub", "owner": "CGVS", "measure": "beschermingsgraad", "mtype": "rate", "figures": ["CGVS-021"]}),
    ("s036", "en", None, "What was the CGRS backlog at the end of January 2025?",
     {"ds": "pub", "owner": "CGVS", "measure": "achterstand", "mtype": "stock", "figures": ["CGVS-022"]}),
    # --- VDAB job seekers without work (stock) ---
    ("s037", "nl", None, "Hoeveel werkzoekenden zonder werk waren er eind 2023?",
     {"ds": "wz", "m": "werkzoekenden", "period": ("years", [2023])}),
    ("s038", "nl", None,
     "Kan de minister, voor de periode 2022–2024, per jaar en per provincie meedelen hoeveel werkzoekenden zonder werk "
     "bij VDAB ingeschreven stonden?",
     {"ds": "wz", "m": "werkzoekenden", "by": [PROV], "period": ("years", ALL_YEARS)}),
    ("s039", "nl", "2025-01-15", "Hoeveel werkzoekenden telt VDAB vandaag, opgesplitst naar geslacht?",
     {"ds": "wz", "m": "werkzoekenden", "by": ["geslacht"], "period": ("latest",)}),
    ("s040", "nl", None, "Hoeveel jongeren onder 25 stonden op 30 juni 2023 als werkzoekende ingeschreven in Limburg?",
     {"ds": "wz", "m": "werkzoekenden", "f": {PROV: ["Limburg"], "leeftijd": ["<25"]}, "period": ("at", "2023-06-30")}),
    ("s041", "nl", None,
     "Hoeveel werkzoekenden met een nationaliteit buiten de EU waren er op 1 januari 2024, per provincie?",
     {"ds": "wz", "m": "werkzoekenden", "f": {"nationaliteit": ["andere niet-EU"]}, "by": [PROV],
      "period": ("at", "2024-01-01")}),
    ("s042", "nl", None, "Hoeveel Oekraïense ontheemden stonden eind juni 2024 ingeschreven bij VDAB?",
     {"ds": "wz", "m": "werkzoekenden", "f": {"nationaliteit": ["Oekraïens"]}, "period": ("at", "2024-06-30"),
      "note": UKR_CAVEAT}),
    ("s043", "fr", None,
     "Combien de demandeurs d'emploi inoccupés étaient inscrits au VDAB fin 2022, par niveau d'études ?",
     {"ds": "wz", "m": "werkzoekenden", "by": ["opleidingsniveau"], "period": ("years", [2022])}),
    ("s044", "en", None,
     "How many jobseekers without work aged 50 and over were registered in West Flanders at the end of 2024?",
     {"ds": "wz", "m": "werkzoekenden", "f": {PROV: ["West-Vlaanderen"], "leeftijd": ["50+"]}, "period": ("years", [2024])}),
    ("s045", "nl", None, "Hoeveel laaggeschoolde vrouwelijke werkzoekenden waren er in Antwerpen eind maart 2024?",
     {"ds": "wz", "m": "werkzoekenden", "f": {PROV: ["Antwerpen"], "geslacht": ["vrouw"], "opleidingsniveau": ["laag"]},
      "period": ("at", "2024-03-31")}),
    ("s046", "nl", None, "Aantal werkzoekenden per leeftijdsgroep in Oost-Vlaanderen, stand eind september 2023.",
     {"ds": "wz", "m": "werkzoekenden", "f": {PROV: ["Oost-Vlaanderen"]}, "by": ["leeftijd"],
      "period": ("at", "2023-09-30")}),
    ("s047", "nl", None, "Werkzoekenden per nationaliteit op 31 december 2022?",
     {"ds": "wz", "m": "werkzoekenden", "by": ["nationaliteit"], "period": ("at", "2022-12-31")}),
    ("s048", "nl", "2024-04-10", "Hoeveel werkzoekenden waren er vorig jaar in Vlaams-Brabant?",
     {"ds": "wz", "m": "werkzoekenden", "f": {PROV: ["Vlaams-Brabant"]}, "period": ("years", [2023])}),
    ("s049", "nl", None, "Hoeveel werkzoekenden zonder werk waren er eind 2023, opgesplitst per beroep?",
     {"ds": "wz", "m": "werkzoekenden", "period": ("years", [2023]),
      "note": "De opsplitsing per beroep is niet beschikbaar (geen beroep in de tabel); alleen het totaal."}),
    ("s050", "nl", None,
     "Graag de evolutie van het aantal werkzoekenden met de Oekraïense nationaliteit tussen 2022 en 2024, per jaar.",
     {"ds": "wz", "m": "werkzoekenden", "f": {"nationaliteit": ["Oekraïens"]}, "period": ("years", ALL_YEARS),
      "note": UKR_CAVEAT}),
    ("s051", "nl", None,
     "Hoeveel werkzoeknden waren er op 1 juli 2024 in Limburg, opgesplitst naar opleidingsniveau?",
     {"ds": "wz", "m": "werkzoekenden", "f": {PROV: ["Limburg"]}, "by": ["opleidingsniveau"],
      "period": ("at", "2024-07-01"), "note": "Typo 'werkzoeknden'. 1 juli -> stand eind juni."}),
    ("s052", "nl", None,
     "Hoeveel werkzoekenden met de Belgische nationaliteit stonden eind 2024 ingeschreven, per leeftijdsgroep?",
     {"ds": "wz", "m": "werkzoekenden", "f": {"nationaliteit": ["Belg"]}, "by": ["leeftijd"], "period": ("years", [2024])}),
    ("s053", "nl", None, "Kan u het aantal werkzoekenden zonder werk per maand geven voor 2023?",
     {"ds": "wz", "m": "werkzoekenden", "by": ["maand"], "period": ("months", "2023-01", "2023-12"),
      "note": "Stock per maand: één stand per maandeinde, geen totaal."}),
    ("s054", "nl", None, "Hoeveel werkzoekenden zonder werk waren er eind 2021?",
     {"ds": "pub", "owner": "VDAB", "measure": "werkzoekenden", "mtype": "stock", "figures": ["VDAB-008"],
      "note": "2021-12 valt buiten de (synthetische) VDAB-tabel: alleen het gepubliceerde cijfer (ONZEKER, zie rapport)."}),
    # --- VDAB outflow to work (flow) ---
    ("s055", "nl", None, "Hoeveel werkzoekenden stroomden in 2023 uit naar werk?",
     {"ds": "wz", "m": "uitstroom_werk", "period": ("years", [2023])}),
    ("s056", "nl", None,
     "Kan de minister per provincie meedelen hoeveel werkzoekenden in 2022 en 2023 werk vonden?",
     {"ds": "wz", "m": "uitstroom_werk", "by": [PROV], "period": ("years", [2022, 2023])}),
    ("s057", "nl", None, "Hoeveel vrouwen vonden werk in het eerste semester van 2024?",
     {"ds": "wz", "m": "uitstroom_werk", "f": {"geslacht": ["vrouw"]}, "period": ("months", "2024-01", "2024-06")}),
    ("s058", "nl", None, "Hoeveel Oekraïners zijn in 2023 via VDAB aan de slag gegaan?",
     {"ds": "wz", "m": "uitstroom_werk", "f": {"nationaliteit": ["Oekraïens"]}, "period": ("years", [2023]),
      "note": UKR_CAVEAT}),
    ("s059", "en", None, "How many jobseekers under 25 found a job in Antwerp in 2024?",
     {"ds": "wz", "m": "uitstroom_werk", "f": {PROV: ["Antwerpen"], "leeftijd": ["<25"]}, "period": ("years", [2024])}),
    ("s060", "fr", None, "Combien de demandeurs d'emploi ont trouvé un emploi en 2022, par sexe ?",
     {"ds": "wz", "m": "uitstroom_werk", "by": ["geslacht"], "period": ("years", [2022])}),
    ("s061", "nl", None, "Uitstroom naar werk per maand in Limburg, 2023.",
     {"ds": "wz", "m": "uitstroom_werk", "f": {PROV: ["Limburg"]}, "by": ["maand"], "period": ("years", [2023])}),
    ("s062", "nl", None, "Hoeveel hooggeschoolden stroomden uit naar werk tussen 2022 en 2024?",
     {"ds": "wz", "m": "uitstroom_werk", "f": {"opleidingsniveau": ["hoog"]}, "period": ("years", ALL_YEARS)}),
    ("s063", "nl", None,
     "Hoeveel niet-EU-onderdanen vonden werk in het vierde kwartaal van 2023, opgesplitst per provincie?",
     {"ds": "wz", "m": "uitstroom_werk", "f": {"nationaliteit": ["andere niet-EU"]}, "by": [PROV],
      "period": ("months", "2023-10", "2023-12")}),
    ("s064", "nl", "2025-01-20", "Hoeveel werkzoekenden zijn vorig jaar uitgestroomd naar werk?",
     {"ds": "wz", "m": "uitstroom_werk", "period": ("years", [2024])}),
    ("s065", "nl", None, "Hoeveel werkzoekenden stroomden in 2023 uit naar werk, per sector?",
     {"ds": "wz", "m": "uitstroom_werk", "period": ("years", [2023]),
      "note": "De opsplitsing per sector is niet beschikbaar; alleen het totaal."}),
    ("s066", "nl", None, "Hoeveel uitstroom naar werk werd er in 2024 in Vlaams-Brabant opgetekend?",
     {"ds": "wz", "m": "uitstroom_werk", "f": {PROV: ["Vlaams-Brabant"]}, "period": ("years", [2024])}),
    ("s067", "nl", None,
     "Hoeveel middengeschoolde mannen uit West-Vlaanderen gingen aan het werk van april tot en met september 2022?",
     {"ds": "wz", "m": "uitstroom_werk",
      "f": {PROV: ["West-Vlaanderen"], "geslacht": ["man"], "opleidingsniveau": ["midden"]},
      "period": ("months", "2022-04", "2022-09")}),
    # --- VDAB re-entry after work (flow) ---
    ("s068", "nl", None, "Hoeveel mensen vielen in 2023 terug in de werkloosheid nadat ze werk hadden gevonden?",
     {"ds": "wz", "m": "herinstroom", "period": ("years", [2023])}),
    ("s069", "nl", None, "Herinstroom na werk per provincie, 2022 tot en met 2024?",
     {"ds": "wz", "m": "herinstroom", "by": [PROV], "period": ("years", ALL_YEARS)}),
    ("s070", "en", None,
     "How many people became jobseekers again within twelve months after work in 2024, by gender?",
     {"ds": "wz", "m": "herinstroom", "by": ["geslacht"], "period": ("years", [2024])}),
    ("s071", "nl", None, "Hoeveel 50-plussers werden in de eerste helft van 2023 opnieuw werkzoekend na werk?",
     {"ds": "wz", "m": "herinstroom", "f": {"leeftijd": ["50+"]}, "period": ("months", "2023-01", "2023-06")}),
    # --- VDAB trainings (flow, yearly) ---
    ("s072", "nl", None, "Hoeveel werkzoekenden volgden in 2023 een VDAB-opleiding?",
     {"ds": "opl", "m": "deelnemers", "period": ("years", [2023])}),
    ("s073", "nl", None,
     "Kan de minister per provincie en per opleiding meedelen hoeveel deelnemers er in 2024 waren?",
     {"ds": "opl", "m": "deelnemers", "by": [PROV, "opleiding"], "period": ("years", [2024])}),
    ("s074", "nl", None, "Hoeveel cursisten Nederlands voor anderstaligen waren er tussen 2022 en 2024?",
     {"ds": "opl", "m": "deelnemers", "f": {"opleiding": ["Nederlands voor anderstaligen"]}, "period": ("years", ALL_YEARS)}),
    ("s075", "nl", None, "Aantal deelnemers aan bouwopleidingen in West-Vlaanderen in 2022?",
     {"ds": "opl", "m": "deelnemers", "f": {PROV: ["West-Vlaanderen"], "opleiding": ["Bouw"]}, "period": ("years", [2022])}),
    ("s076", "fr", None, "Combien de participants aux formations ICT en 2023, par province ?",
     {"ds": "opl", "m": "deelnemers", "f": {"opleiding": ["ICT"]}, "by": [PROV], "period": ("years", [2023])}),
    ("s077", "nl", None, "Hoeveel deelnemers telden de zorgopleidingen en de horecaopleidingen in 2024, respectievelijk?",
     {"ds": "opl", "m": "deelnemers", "f": {"opleiding": ["Zorg", "Horeca"]}, "by": ["opleiding"],
      "period": ("years", [2024])}),
    ("s078", "nl", None, "Opleidingsdeelnemers techniek in de provincie Antwerpen: 2022 respectievelijk 2024?",
     {"ds": "opl", "m": "deelnemers", "f": {PROV: ["Antwerpen"], "opleiding": ["Techniek"]}, "period": ("years", [2022, 2024])}),
    # --- VDAB work-based learning (flow, yearly) ---
    ("s079", "nl", None, "Hoeveel IBO's werden er in 2023 opgestart?",
     {"ds": "wpl", "m": "trajecten", "f": {"vorm": ["IBO"]}, "period": ("years", [2023])}),
    ("s080", "nl", None, "Hoeveel trajecten werkplekleren waren er in 2024, per vorm?",
     {"ds": "wpl", "m": "trajecten", "by": ["vorm"], "period": ("years", [2024])}),
    ("s081", "en", None, "How many work-based learning trajectories were started in Limburg in 2022, 2023 and 2024?",
     {"ds": "wpl", "m": "trajecten", "f": {PROV: ["Limburg"]}, "period": ("years", ALL_YEARS)}),
    ("s082", "nl", None,
     "Hoeveel stages en werkervaringstrajecten werden er in Oost-Vlaanderen in 2023 georganiseerd, respectievelijk?",
     {"ds": "wpl", "m": "trajecten", "f": {PROV: ["Oost-Vlaanderen"], "vorm": ["Stage", "Werkervaring"]}, "by": ["vorm"],
      "period": ("years", [2023])}),
    ("s083", "nl", None, "duaal leren per provincie van 2022 tot en met 2024",
     {"ds": "wpl", "m": "trajecten", "f": {"vorm": ["Duaal leren"]}, "by": [PROV], "period": ("years", ALL_YEARS)}),
    ("s084", "nl", None, "Hoeveel werkzoekenden zonder werk stonden er eind 2023 ingeschreven in Oost-Vlaandren?",
     {"ds": "wz", "m": "werkzoekenden", "f": {PROV: ["Oost-Vlaanderen"]}, "period": ("years", [2023]),
      "note": "Typo 'Oost-Vlaandren'."}),
    ("s085", "nl", None, "Hoeveel asielzoekers zijn er in de eerste helft van 2024 ingestroomd?",
     {"ds": "cgvs", "m": "verzoekers", "period": ("months", "2024-01", "2024-06"),
      "note": "Instroom van asielzoekers = verzoeken om internationale bescherming (niet de VDAB-uitstroom)."}),
    ("s086", "nl", None,
     "Hoeveel personen stroomden in 2024 opnieuw in als werkzoekende binnen twaalf maanden na werk?",
     {"ds": "wz", "m": "herinstroom", "period": ("years", [2024])}),
    ("s087", "nl", None, "hoeveel beslisingen nam het cgvs in 2023 per maand",
     {"ds": "cgvs", "m": "beslissingen", "by": ["maand"], "period": ("years", [2023]),
      "note": "Typo 'beslisingen'."}),
    ("s088", "nl", None,
     "In zijn antwoord op mijn vorige vraag meldde de minister dat er eind 2023 50.635 werkzoekenden zonder werk waren. "
     "Hoeveel waren dat er eind 2024?",
     {"ds": "wz", "m": "werkzoekenden", "period": ("years", [2024])}),
    ("s089", "nl", None,
     "Hoeveel werkzoekenden (zonder werk, dus niet de werkende werkzoekenden) waren eind 2022 50 jaar of ouder?",
     {"ds": "wz", "m": "werkzoekenden", "f": {"leeftijd": ["50+"]}, "period": ("years", [2022])}),
    ("s090", "en", None,
     "Could you break down the number of people who left unemployment for a job in 2023 by education level and province?",
     {"ds": "wz", "m": "uitstroom_werk", "by": ["opleidingsniveau", PROV], "period": ("years", [2023])}),
]

# ----------------------------------------------------------------------------------------------
# negatives (no figure)
# ----------------------------------------------------------------------------------------------
WZ = "vdab_werkzoekenden"
NEGATIVES = [
    ("n001", "nl", None, "Hoeveel asielzoekers maakten in 2023 gebruik van de dienstverlening van VDAB?",
     NEG("not_identified", "VDAB", WZ, "werkzoekenden", "stock",
         note="VDAB registreert het verblijfsstatuut niet; asielzoekers zijn niet te identificeren.")),
    ("n002", "nl", None, "Hoeveel erkende vluchtelingen vonden in 2022 werk via VDAB?",
     NEG("not_identified", "VDAB", WZ, "uitstroom_werk", "flow", note="VDAB registreert geen verblijfsstatuut.")),
    ("n003", "nl", None, "Hoeveel bewoners van opvangcentra werkten in 2023?",
     NEG("owned_elsewhere", "Fedasil", note="Werkende bewoners van het opvangnetwerk: Fedasil.")),
    ("n004", "fr", None, "Combien de demandeurs d'asile hébergés dans le réseau d'accueil travaillent actuellement ?",
     NEG("owned_elsewhere", "Fedasil", note="Fedasil rapporteert over werkende asielzoekers in de opvang.")),
    ("n005", "nl", None, "Hoeveel inburgeraars vonden werk in 2023?",
     NEG("owned_elsewhere", "AgII", note="Inburgeraars: Agentschap Integratie en Inburgering.")),
    ("n006", "nl", None, "Hoeveel leefloners vonden in 2023 werk?",
     NEG("owned_elsewhere", "POD MI", note="Leefloners: POD Maatschappelijke Integratie.")),
    ("n007", "nl", None, "Hoeveel asielaanvragen werden er in 2023 in de provincie Antwerpen ingediend?",
     NEG("not_available", "DVZ", "cgvs_maandcijfers", "verzoekers", "flow", f={PROV: ["Antwerpen"]},
         note="De CGVS-cijfers zijn nationaal; geen opsplitsing per provincie.")),
    ("n008", "nl", None, "Hoeveel werkzoekenden stroomden in 2021 uit naar werk?",
     NEG("not_available", "VDAB", WZ, "uitstroom_werk", "flow", note="Periode buiten de gegevens (2022-01..2024-12).")),
    ("n009", "nl", None, "Hoeveel opleidingsdeelnemers waren er bij VDAB in de eerste helft van 2023?",
     NEG("not_available", "VDAB", "vdab_opleidingen", "deelnemers", "flow",
         note="Jaargegevens: een half jaar is niet af te leiden.")),
    ("n010", "nl", None, "Wat was de beschermingsgraad in 2023?",
     NEG("not_available", "CGVS", "gepubliceerde_cijfers", "beschermingsgraad", "rate",
         note="Geen gepubliceerd cijfer voor precies 2023.")),
    ("n011", "nl", None, "Hoeveel werkzoekenden met een beperking waren er eind 2023?",
     NEG("needs_review", "VDAB", WZ, "werkzoekenden", "stock", note="'met een beperking' is geen dimensie van de tabel.")),
    ("n012", "nl", None, "Hoeveel laaggeletterde werkzoekenden vonden werk in 2023?",
     NEG("needs_review", "VDAB", WZ, "uitstroom_werk", "flow", note="'laaggeletterd' is geen filter van de tabel.")),
    ("n013", "nl", None, "Hoeveel werkzoekenden stonden er eind 2024 ingeschreven in de stad Gent?",
     NEG("needs_review", "VDAB", WZ, "werkzoekenden", "stock", note="Een stad is geen dimensie (alleen provincie).")),
    ("n014", "nl", None, "Hoeveel werkzoekenden ouder dan 55 waren er op 1 januari 2024?",
     NEG("needs_review", "VDAB", WZ, "werkzoekenden", "stock", note="Leeftijdsgroepen zijn <25, 25-49, 50+.")),
    ("n015", "en", None, "How many asylum seekers were registered with VDAB as jobseekers in 2024?",
     NEG("not_identified", "VDAB", WZ, "werkzoekenden", "stock", note="VDAB does not register residence status.")),
    ("n016", "nl", None, "Hoeveel beslissingen nam het CGVS in mei 2024?",
     NEG("not_available", "CGVS", "cgvs_maandcijfers", "beslissingen", "flow",
         note="De cel voor mei 2024 is leeg in de reeks (ONZEKER, zie rapport).")),
    ("n017", "nl", None, "Hoeveel verzoeken om internationale bescherming waren er in december 2023?",
     NEG("not_available", "DVZ", "cgvs_maandcijfers", "verzoekers", "flow",
         note="Het CGVS publiceert geen decembercijfer (ONZEKER, zie rapport).")),
    ("n018", "nl", None, "Wat was de werkzoekendengraad in Limburg eind 2023?",
     NEG("not_available", "VDAB", "gepubliceerde_cijfers", "werkzoekendengraad", "rate", f={PROV: ["Limburg"]},
         note="Geen gepubliceerd cijfer voor die provincie en periode.")),
    ("n019", "nl", None, "Hoeveel niet-begeleide minderjarigen verblijven momenteel in de opvang?",
     NEG("owned_elsewhere", "Fedasil", note="Opvang: Fedasil.")),
    ("n020", "fr", None, "Combien de primo-arrivants ont suivi un parcours d'intégration en 2023 ?",
     NEG("owned_elsewhere", "AgII", note="Inburgering: AgII.")),
    ("n021", "nl", None, "Hoeveel asielzoekers volgden tussen 2022 en 2024 een opleiding via VDAB?",
     NEG("not_identified", "VDAB", "vdab_opleidingen", "deelnemers", "flow", note="VDAB registreert geen verblijfsstatuut.")),
    ("n022", "nl", None, "Hoeveel werkzoekenden zonder werk stonden er ingeschreven op 1 januari 2026?",
     NEG("not_available", "VDAB", WZ, "werkzoekenden", "stock", note="Referentie 2025-12 valt buiten de gegevens.")),
    ("n023", "nl", None, "Hoeveel trajecten werkplekleren werden in 2021 gestart?",
     NEG("not_available", "VDAB", "vdab_werkplekleren", "trajecten", "flow", note="Periode buiten de gegevens (2022-2024).")),
    ("n024", "en", None, "What was the CGRS backlog at the end of 2023?",
     NEG("not_available", "CGVS", "gepubliceerde_cijfers", "achterstand", "stock",
         note="No published backlog figure for end 2023.")),
    ("n025", "nl", None, "Hoeveel erkende vluchtelingen stonden eind 2023 als werkzoekende ingeschreven, per provincie?",
     NEG("not_identified", "VDAB", WZ, "werkzoekenden", "stock", by=[PROV], note="VDAB registreert geen verblijfsstatuut.")),
    ("n026", "nl", None, "Hoeveel asielaanvragen waren er in 2018?",
     NEG("not_available", "DVZ", "cgvs_maandcijfers", "verzoekers", "flow",
         note="2018 valt buiten de reeks en er is geen gepubliceerd cijfer in de tabel.")),
    ("n027", "nl", None, "Hoeveel asielzoekers in opvangcentra hebben een job, uitgesplitst per provincie?",
     NEG("owned_elsewhere", "Fedasil", by=[PROV], note="Werkende asielzoekers in de opvang: Fedasil.")),
]

# ----------------------------------------------------------------------------------------------
# conversation chains: each turn carries its full (resolved) spec
# ----------------------------------------------------------------------------------------------
CHAINS = [
    ("c001", "nl", [
        ("Hoeveel werkzoekenden zonder werk waren er eind 2023 per provincie?",
         {"ds": "wz", "m": "werkzoekenden", "by": [PROV], "period": ("years", [2023])}),
        ("En in Antwerpen?",
         {"ds": "wz", "m": "werkzoekenden", "f": {PROV: ["Antwerpen"]}, "by": [PROV], "period": ("years", [2023])}),
        ("Kan je dat opsplitsen naar geslacht?",
         {"ds": "wz", "m": "werkzoekenden", "f": {PROV: ["Antwerpen"]}, "by": ["geslacht"], "period": ("years", [2023])}),
        ("En zonder opsplitsing?",
         {"ds": "wz", "m": "werkzoekenden", "f": {PROV: ["Antwerpen"]}, "period": ("years", [2023])}),
    ]),
    ("c002", "nl", [
        ("Hoeveel verzoeken om internationale bescherming waren er in 2023?",
         {"ds": "cgvs", "m": "verzoekers", "period": ("years", [2023])}),
        ("Zelfde vraag voor 2022", {"ds": "cgvs", "m": "verzoekers", "period": ("years", [2022])}),
        ("En het jaar ervoor?", {"ds": "cgvs", "m": "verzoekers", "period": ("years", [2021])}),
    ]),
    ("c003", "nl", [
        ("Hoeveel werkzoekenden vonden werk in 2024?", {"ds": "wz", "m": "uitstroom_werk", "period": ("years", [2024])}),
        ("Hoeveel daarvan waren vrouwen?",
         {"ds": "wz", "m": "uitstroom_werk", "f": {"geslacht": ["vrouw"]}, "period": ("years", [2024])}),
        ("en per leeftijd",
         {"ds": "wz", "m": "uitstroom_werk", "f": {"geslacht": ["vrouw"]}, "by": ["leeftijd"], "period": ("years", [2024])}),
    ]),
    ("c004", "nl", [
        ("Hoeveel Oekraïense ontheemden stonden eind 2023 ingeschreven bij VDAB?",
         {"ds": "wz", "m": "werkzoekenden", "f": {"nationaliteit": ["Oekraïens"]}, "period": ("years", [2023]),
          "note": UKR_CAVEAT}),
        ("Hoeveel van hen vonden werk in de loop van 2023?",
         {"ds": "wz", "m": "uitstroom_werk", "f": {"nationaliteit": ["Oekraïens"]}, "period": ("years", [2023]),
          "note": UKR_CAVEAT}),
        ("En in Limburg?",
         {"ds": "wz", "m": "uitstroom_werk", "f": {"nationaliteit": ["Oekraïens"], PROV: ["Limburg"]},
          "period": ("years", [2023]), "note": UKR_CAVEAT}),
    ]),
    ("c005", "fr", [
        ("Combien de demandes d'asile en 2024 ?", {"ds": "cgvs", "m": "verzoekers", "period": ("years", [2024])}),
        ("Et par mois ?", {"ds": "cgvs", "m": "verzoekers", "by": ["maand"], "period": ("years", [2024])}),
        ("Et pour la province d'Anvers ?",
         NEG("not_available", "DVZ", "cgvs_maandcijfers", "verzoekers", "flow", f={PROV: ["Antwerpen"]}, by=["maand"],
             note="Chiffres nationaux: pas de ventilation par province.")),
    ]),
    ("c006", "nl", [
        ("Hoeveel opleidingsdeelnemers waren er in 2023, per opleiding?",
         {"ds": "opl", "m": "deelnemers", "by": ["opleiding"], "period": ("years", [2023])}),
        ("alleen West-Vlaanderen",
         {"ds": "opl", "m": "deelnemers", "f": {PROV: ["West-Vlaanderen"]}, "by": ["opleiding"], "period": ("years", [2023])}),
        ("Zelfde vraag voor 2024",
         {"ds": "opl", "m": "deelnemers", "f": {PROV: ["West-Vlaanderen"]}, "by": ["opleiding"], "period": ("years", [2024])}),
    ]),
    ("c007", "en", [
        ("How many decisions did the CGRS take in 2023?", {"ds": "cgvs", "m": "beslissingen", "period": ("years", [2023])}),
        ("And the year before?", {"ds": "cgvs", "m": "beslissingen", "period": ("years", [2022])}),
        ("What was the protection rate that year?",
         {"ds": "pub", "owner": "CGVS", "measure": "beschermingsgraad", "mtype": "rate", "figures": ["CGVS-004"]}),
    ]),
    ("c008", "nl", [
        ("Hoeveel IBO-trajecten werden er in 2022 gestart?",
         {"ds": "wpl", "m": "trajecten", "f": {"vorm": ["IBO"]}, "period": ("years", [2022])}),
        ("En per provincie?",
         {"ds": "wpl", "m": "trajecten", "f": {"vorm": ["IBO"]}, "by": [PROV], "period": ("years", [2022])}),
        ("Zelfde vraag voor 2024",
         {"ds": "wpl", "m": "trajecten", "f": {"vorm": ["IBO"]}, "by": [PROV], "period": ("years", [2024])}),
    ]),
    ("c009", "nl", [
        ("Wat was de werklast van het CGVS eind 2024?", {"ds": "cgvs", "m": "werklast", "period": ("years", [2024])}),
        ("En eind 2022?", {"ds": "cgvs", "m": "werklast", "period": ("years", [2022])}),
    ]),
    ("c010", "nl", [
        ("Hoeveel werkzoekenden zonder werk waren er op 30 juni 2024 in Oost-Vlaanderen?",
         {"ds": "wz", "m": "werkzoekenden", "f": {PROV: ["Oost-Vlaanderen"]}, "period": ("at", "2024-06-30")}),
        ("Hoeveel daarvan waren laaggeschoold?",
         {"ds": "wz", "m": "werkzoekenden", "f": {PROV: ["Oost-Vlaanderen"], "opleidingsniveau": ["laag"]},
          "period": ("at", "2024-06-30")}),
        ("En hoeveel van hen hadden een nationaliteit buiten de EU?",
         {"ds": "wz", "m": "werkzoekenden",
          "f": {PROV: ["Oost-Vlaanderen"], "opleidingsniveau": ["laag"], "nationaliteit": ["andere niet-EU"]},
          "period": ("at", "2024-06-30")}),
        ("Kan je dat opsplitsen naar geslacht?",
         {"ds": "wz", "m": "werkzoekenden",
          "f": {PROV: ["Oost-Vlaanderen"], "opleidingsniveau": ["laag"], "nationaliteit": ["andere niet-EU"]},
          "by": ["geslacht"], "period": ("at", "2024-06-30")}),
    ]),
    ("c011", "nl", [
        ("Hoeveel asielzoekers vonden in 2023 werk via VDAB?",
         NEG("not_identified", "VDAB", WZ, "uitstroom_werk", "flow", note="VDAB registreert geen verblijfsstatuut.")),
        ("En hoeveel werkzoekenden met de Oekraïense nationaliteit?",
         {"ds": "wz", "m": "uitstroom_werk", "f": {"nationaliteit": ["Oekraïens"]}, "period": ("years", [2023]),
          "note": UKR_CAVEAT}),
    ]),
    ("c012", "nl", [
        ("Hoeveel mensen vielen in 2022 terug in de werkloosheid na een job?",
         {"ds": "wz", "m": "herinstroom", "period": ("years", [2022])}),
        ("per provincie graag", {"ds": "wz", "m": "herinstroom", "by": [PROV], "period": ("years", [2022])}),
        ("alleen Limburg en Antwerpen",
         {"ds": "wz", "m": "herinstroom", "f": {PROV: ["Limburg", "Antwerpen"]}, "by": [PROV], "period": ("years", [2022])}),
    ]),
    ("c013", "nl", [
        ("Hoeveel werkzoekenden vonden werk van 2022 tot en met 2024?",
         {"ds": "wz", "m": "uitstroom_werk", "period": ("years", ALL_YEARS)}),
        ("Kan je dat opsplitsen naar opleidingsniveau?",
         {"ds": "wz", "m": "uitstroom_werk", "by": ["opleidingsniveau"], "period": ("years", ALL_YEARS)}),
        ("En zonder opsplitsing?", {"ds": "wz", "m": "uitstroom_werk", "period": ("years", ALL_YEARS)}),
    ]),
    ("c014", "nl", [
        ("Hoeveel bewoners van opvangcentra waren eind 2023 aan het werk?",
         NEG("owned_elsewhere", "Fedasil", note="Werkende bewoners van het opvangnetwerk: Fedasil.")),
        ("En hoeveel werkzoekenden zonder werk stonden er toen ingeschreven bij VDAB?",
         {"ds": "wz", "m": "werkzoekenden", "period": ("years", [2023])}),
    ]),
    ("c015", "nl", [
        ("Hoeveel jongeren onder 25 stonden eind 2022 ingeschreven als werkzoekende?",
         {"ds": "wz", "m": "werkzoekenden", "f": {"leeftijd": ["<25"]}, "period": ("years", [2022])}),
        ("En eind 2023 en eind 2024?",
         {"ds": "wz", "m": "werkzoekenden", "f": {"leeftijd": ["<25"]}, "period": ("years", [2023, 2024])}),
        ("Hoeveel van hen stroomden in 2024 uit naar werk?",
         {"ds": "wz", "m": "uitstroom_werk", "f": {"leeftijd": ["<25"]}, "period": ("years", [2024])}),
    ]),
    ("c016", "en", [
        ("How many work-based learning trajectories were there in 2023, by form?",
         {"ds": "wpl", "m": "trajecten", "by": ["vorm"], "period": ("years", [2023])}),
        ("Only Antwerp", {"ds": "wpl", "m": "trajecten", "f": {PROV: ["Antwerpen"]}, "by": ["vorm"],
                          "period": ("years", [2023])}),
        ("Same question for 2022", {"ds": "wpl", "m": "trajecten", "f": {PROV: ["Antwerpen"]}, "by": ["vorm"],
                                    "period": ("years", [2022])}),
        ("And without the breakdown?", {"ds": "wpl", "m": "trajecten", "f": {PROV: ["Antwerpen"]},
                                         "period": ("years", [2022])}),
    ]),
    ("c017", "nl", [
        ("Hoeveel beslissingen nam het CGVS tussen januari en november 2023?",
         {"ds": "cgvs", "m": "beslissingen", "period": ("months", "2023-01", "2023-11")}),
        ("en per maand?", {"ds": "cgvs", "m": "beslissingen", "by": ["maand"], "period": ("months", "2023-01", "2023-11")}),
        ("Hoeveel dossiers had het CGVS eind november 2023 nog in behandeling?",
         {"ds": "cgvs", "m": "werklast", "period": ("at", "2023-11-30")}),
    ]),
]


def main():
    rows = []
    for qid, lang, asked_on, q, spec in SINGLES:
        e = compute(spec)
        assert e["status"] == "available" and (e["values"] or e["published"]), qid
        r = {"id": qid, "type": "single", "lang": lang}
        if asked_on:
            r["asked_on"] = asked_on
        r.update({"question": q, "expect": e})
        rows.append(r)
    for qid, lang, asked_on, q, spec in NEGATIVES:
        e = compute(spec)
        assert e["status"] != "available" and not e["values"], qid
        r = {"id": qid, "type": "negative", "lang": lang}
        if asked_on:
            r["asked_on"] = asked_on
        r.update({"question": q, "expect": e})
        rows.append(r)
    for cid, lang, turns in CHAINS:
        rows.append({"id": cid, "type": "chain", "kind": "conversation", "lang": lang,
                     "turns": [{"question": q, "expect": compute(s)} for q, s in turns]})
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} rows to {OUT}")


if __name__ == "__main__":
    main()
