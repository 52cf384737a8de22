"""Development set for question understanding: statistical questions with expected readings and values.

    .venv/bin/python bench/make_understanding.py      # writes bench/understanding.jsonl

Every case below holds the question text and a structured spec of what it asks (dataset, measure,
filters, breakdown, period). The expected values are computed here with pandas, directly from the
raw files under tools/data/ (never through tools.* or bot.*). The output is deterministic: cases
keep their order, keys are sorted, values are sorted by year and by the catalog order of the
breakdown values.

Conventions (the product's rule book, as applied here)
- FLOW measures are summed over exactly the months asked; STOCK measures are read at one
  reference month (the month-end value of the latest month on or before the date asked).
- CGVS has no December rows and one blank cell (decisions May 2024): both are missing, never 0.
  A flow entry lists "covered" (first and last month actually summed) and, when months inside the
  asked period and inside the series range have no value, "missing_months" (an extra key).
- Calendar years of the CGVS series also list the published full-year figure under "published"
  (DVZ-001/012/022/031 applicants 2023/2022/2021/2020; CGVS-003 decisions 2022, CGVS-020 2020).
- VDAB job-seeker stocks asked at a date for which a real published figure exists (VDAB-001 end
  Nov 2023, VDAB-004 end Mar 2023, VDAB-008 end Dec 2021) list it under "published": the
  synthetic demo table and the real figure differ in level.
- Answers resting on published figures only have "values": [] and the figure(s) in "published";
  each published entry also carries its reference_date or reference_period (extra keys).
- "per jaar" is expressed by period.per_year = true (values keyed by "jaar"), not in "breakdown".
- "total": the sum of the values for a flow over a year range ("van X tot en met Y") or over a
  breakdown of one period, and for a stock broken down at one reference date; null otherwise
  (single figure, "in X en Y", flows without period, stocks per year or per month).
- Conversation follow-ups: "alleen X" adds a filter (an existing breakdown is kept unless it is X's own), "en per X" / "nu per X" replaces the
  breakdown, "zonder opdeling" drops it, "en in 2022?" / "en het jaar ervoor?" changes the period.
- "Hoeveel van hen vonden werk?" after a job-seeker count: the outflow to work of the same group
  (same filters) in the year of the first question; the data hold no cohort follow-up.

Measure ids introduced here (not in tools/catalog.yaml `measures`):
  werklast            CGVS workload (dossiers in behandeling, stock)
  achterstand         CGVS backlog (only published figures; not the workload)
  beschermingsgraad   CGVS protection rate (only published figures)
  werkzoekendengraad  VDAB job-seeker rate (only published figures)
  aandeel             a published share of a population (e.g. share of women among applicants)
  klachten            complaints (no data here)
  wachttijd           waiting times (no data here)
  doorlooptijd        duration of the asylum procedure (no data here)
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tools" / "data"
OUT = Path(__file__).resolve().parent / "understanding.jsonl"

# --- raw data -------------------------------------------------------------------------------


def _dutch_int(series: pd.Series) -> pd.Series:
    """'2.739' -> 2739; blank -> NaN (not published, never 0)."""
    return pd.to_numeric(series.str.strip().str.replace(".", "", regex=False), errors="coerce")


def load_cgvs() -> pd.DataFrame:
    raw = pd.read_csv(DATA / "cgvs-monthly" / "cgvs-monthly-2020-2025.csv", dtype=str, keep_default_na=False)
    raw = raw.replace({"": None})
    df = pd.DataFrame(
        {
            "jaar": raw["year"].astype(int),
            "maand": raw["month_id"].astype(int),
            "verzoekers": _dutch_int(raw["count_applicants_international_protection"].fillna("")),
            "beslissingen": _dutch_int(raw["count_cgvs_decisions"].fillna("")),
            "werklast": _dutch_int(raw["workload"].fillna("")),
        }
    )
    df["ym"] = df["jaar"].astype(str) + "-" + df["maand"].map("{:02d}".format)
    return df


def load_vdab_ws() -> pd.DataFrame:
    df = pd.read_csv(DATA / "synthetic" / "vdab_werkzoekenden.csv", dtype={"maand": str})
    df = df.rename(
        columns={
            "leeftijdsgroep": "leeftijd",
            "nationaliteitsgroep": "nationaliteit",
            "werkzoekenden_zonder_werk": "werkzoekenden",
            "uitstroom_naar_werk": "uitstroom_werk",
            "herinstroom_na_werk": "herinstroom",
        }
    )
    df["ym"] = df["maand"]
    return df


def load_yearly(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / "synthetic" / name)


def load_published() -> pd.DataFrame:
    return pd.read_csv(DATA / "published-figures" / "published_figures.csv", dtype=str, keep_default_na=False)


CGVS = load_cgvs()
WS = load_vdab_ws()
OPL = load_yearly("vdab_opleidingen.csv")
WPL = load_yearly("vdab_werkplekleren.csv")
PUB = load_published()

# dataset id -> (frame, grain, dimensions, owner per measure, measure type per measure, series range)
DATASETS = {
    "cgvs_maandcijfers": dict(
        frame=CGVS,
        grain="month",
        dims=[],
        owner={"verzoekers": "DVZ", "beslissingen": "CGVS", "werklast": "CGVS"},
        mtype={"verzoekers": "flow", "beslissingen": "flow", "werklast": "stock"},
        range=("2020-01", "2025-08"),
        population="asielzoeker",
    ),
    "vdab_werkzoekenden": dict(
        frame=WS,
        grain="month",
        dims=["provincie", "geslacht", "leeftijd", "nationaliteit", "opleidingsniveau"],
        owner={"werkzoekenden": "VDAB", "uitstroom_werk": "VDAB", "herinstroom": "VDAB"},
        mtype={"werkzoekenden": "stock", "uitstroom_werk": "flow", "herinstroom": "flow"},
        range=("2022-01", "2024-12"),
        population="werkzoekende",
    ),
    "vdab_opleidingen": dict(
        frame=OPL,
        grain="year",
        dims=["provincie", "opleiding"],
        owner={"deelnemers": "VDAB"},
        mtype={"deelnemers": "flow"},
        range=("2022-01", "2024-12"),
        population="werkzoekende",
    ),
    "vdab_werkplekleren": dict(
        frame=WPL,
        grain="year",
        dims=["provincie", "vorm"],
        owner={"trajecten": "VDAB"},
        mtype={"trajecten": "flow"},
        range=("2022-01", "2024-12"),
        population="werkzoekende",
    ),
}
MEASURE_ID = {
    "verzoekers": "verzoeken",
    "beslissingen": "beslissingen",
    "werklast": "werklast",
    "werkzoekenden": "aantal",
    "uitstroom_werk": "aan_het_werk",
    "herinstroom": "terugval_werkloosheid",
    "deelnemers": "opleiding",
    "trajecten": "werkplekleren",
}
ORDER = {  # the catalog's order of allowed values, for stable output
    "provincie": ["Antwerpen", "Limburg", "Oost-Vlaanderen", "Vlaams-Brabant", "West-Vlaanderen"],
    "geslacht": ["man", "vrouw"],
    "leeftijd": ["<25", "25-49", "50+"],
    "nationaliteit": ["Belg", "EU", "Oekraïens", "andere niet-EU"],
    "opleidingsniveau": ["laag", "midden", "hoog"],
    "opleiding": ["Nederlands voor anderstaligen", "Logistiek", "Bouw", "Zorg", "ICT", "Horeca", "Techniek"],
    "vorm": ["IBO", "Stage", "Werkervaring", "Duaal leren"],
}
# Published full-year figures for the same indicator as the CGVS series.
PUBLISHED_YEAR = {
    ("verzoekers", 2023): "DVZ-001",
    ("verzoekers", 2022): "DVZ-012",
    ("verzoekers", 2021): "DVZ-022",
    ("verzoekers", 2020): "DVZ-031",
    ("verzoekers", 2019): "DVZ-037",
    ("beslissingen", 2022): "CGVS-003",
    ("beslissingen", 2020): "CGVS-020",
}
# Real published VDAB job-seeker stocks (month-end reference -> figure).
PUBLISHED_WS_STOCK = {"2023-11": "VDAB-001", "2023-03": "VDAB-004", "2021-12": "VDAB-008"}

# --- periods --------------------------------------------------------------------------------


def months_between(start: str, end: str) -> list[str]:
    return [p.strftime("%Y-%m") for p in pd.period_range(start, end, freq="M")]


def Y(year: int) -> dict:
    """A calendar year (flow: summed; stock: the year's last month)."""
    return {"start": f"{year}-01", "end": f"{year}-12", "per_year": False, "kind": "single"}


def YR(first: int, last: int) -> dict:
    """'van X tot en met Y': one figure per year plus the total."""
    return {"start": f"{first}-01", "end": f"{last}-12", "per_year": True, "kind": "range"}


def YL(first: int, last: int) -> dict:
    """'in X en Y': one figure per year, no total."""
    return {"start": f"{first}-01", "end": f"{last}-12", "per_year": True, "kind": "list"}


def M(start: str, end: str | None = None) -> dict:
    """Months start..end (a single month when end is omitted)."""
    return {"start": start, "end": end or start, "per_year": False, "kind": "single"}


def AT(month: str) -> dict:
    """Stock at the end of `month` (already resolved from the date asked: 1 Jan 2024 -> 2023-12)."""
    return {"start": month, "end": month, "per_year": False, "kind": "single"}


def SINCE(dataset: str, start: str) -> dict:
    return {"start": start, "end": DATASETS[dataset]["range"][1], "per_year": False, "kind": "single"}


def ALL(dataset: str) -> dict:
    """No period asked: flows one figure per calendar year over the whole series."""
    first, last = DATASETS[dataset]["range"]
    return {"start": first, "end": last, "per_year": True, "kind": "all"}


def LATEST(dataset: str) -> dict:
    """No period asked for a stock: the latest month in the data."""
    last = DATASETS[dataset]["range"][1]
    return {"start": last, "end": last, "per_year": False, "kind": "single"}


def public_period(period: dict | None) -> dict | None:
    return None if period is None else {"start": period["start"], "end": period["end"], "per_year": period["per_year"]}


# --- computing expectations -----------------------------------------------------------------


def _num(x):
    if x is None or pd.isna(x):
        return None
    f = float(x)
    return int(f) if f.is_integer() else round(f, 4)


def _select(spec: dict) -> pd.DataFrame:
    ds = DATASETS[spec["dataset"]]
    df = ds["frame"]
    for dim, values in spec.get("filters", {}).items():
        assert dim in ds["dims"], (spec["question"], dim)
        assert set(values) <= set(ORDER[dim]), (spec["question"], values)
        df = df[df[dim].isin(values)]
    return df


def _cell_sort(breakdown: list[str]):
    def key(entry):
        k = entry["key"]
        out = [k.get("jaar", 0)]
        for dim in breakdown:
            if dim == "maand":
                out.append(k["maand"] if isinstance(k["maand"], str) else f"{k['jaar']}-{k['maand']:02d}")
            else:
                out.append(ORDER[dim].index(k[dim]))
        return out

    return key


def _year_chunks(period: dict, dataset: str) -> list[tuple[int | None, list[str]]]:
    """(year or None, asked months) chunks of the period."""
    months = months_between(period["start"], period["end"])
    if not period["per_year"]:
        return [(None, months)]
    years = sorted({int(m[:4]) for m in months})
    return [(y, [m for m in months if int(m[:4]) == y]) for y in years]


def _in_range(month: str, dataset: str) -> bool:
    first, last = DATASETS[dataset]["range"]
    return first <= month <= last


def flow_values(spec: dict) -> list[dict]:
    ds = DATASETS[spec["dataset"]]
    dm, breakdown, period = spec["dm"], spec["breakdown"], spec["period"]
    df = _select(spec)
    values = []
    for year, months in _year_chunks(period, spec["dataset"]):
        if ds["grain"] == "year":
            years = sorted({int(m[:4]) for m in months})
            assert all(f"{y}-01" in months and f"{y}-12" in months for y in years), spec["question"]
            sub = df[df["jaar"].isin(years)]
            groups = [((), sub)] if not breakdown else list(sub.groupby(breakdown, sort=False))
            for cell, part in groups:
                cell = cell if isinstance(cell, tuple) else (cell,)
                key = {d: str(v) for d, v in zip(breakdown, cell, strict=True)}
                if year is not None:
                    key["jaar"] = year
                yrs = sorted(part["jaar"].unique())
                values.append({"key": key, "value": _num(part[dm].sum()), "covered": [f"{yrs[0]}-01", f"{yrs[-1]}-12"]})
            continue
        sub = df[df["ym"].isin(months)]
        if "maand" in breakdown:
            rest = [d for d in breakdown if d != "maand"]
            for ym in sorted(sub["ym"].unique()):
                part = sub[sub["ym"] == ym]
                cells = [((), part)] if not rest else list(part.groupby(rest, sort=False))
                for cell, cpart in cells:
                    cell = cell if isinstance(cell, tuple) else (cell,)
                    key = dict(zip(rest, (str(v) for v in cell), strict=True))
                    if spec["dataset"] == "cgvs_maandcijfers":
                        key.update({"jaar": int(ym[:4]), "maand": int(ym[5:])})
                    else:
                        key["maand"] = ym
                    v = cpart[dm]
                    entry = {"key": key, "value": None if v.isna().all() else _num(v.sum()), "covered": [ym, ym]}
                    if v.isna().all():
                        entry["missing_months"] = [ym]
                    values.append(entry)
            continue
        groups = [((), sub)] if not breakdown else list(sub.groupby(breakdown, sort=False))
        for cell, part in groups:
            cell = cell if isinstance(cell, tuple) else (cell,)
            key = dict(zip(breakdown, (str(v) for v in cell), strict=True))
            if year is not None:
                key["jaar"] = year
            present = sorted(part.loc[part[dm].notna(), "ym"].unique())
            entry = {
                "key": key,
                "value": _num(part[dm].sum()) if present else None,
                "covered": [present[0], present[-1]] if present else None,
            }
            missing = [m for m in months if _in_range(m, spec["dataset"]) and m not in present]
            if missing:
                entry["missing_months"] = missing
            values.append(entry)
    return sorted(values, key=_cell_sort(breakdown))


def stock_values(spec: dict) -> list[dict]:
    dm, breakdown, period = spec["dm"], spec["breakdown"], spec["period"]
    df = _select(spec)
    df = df[df[dm].notna()]
    values = []
    if "maand" in breakdown:  # the month-end stock of each month in the period
        rest = [d for d in breakdown if d != "maand"]
        months = months_between(period["start"], period["end"])
        sub = df[df["ym"].isin(months)]
        for ym in sorted(sub["ym"].unique()):
            part = sub[sub["ym"] == ym]
            cells = [((), part)] if not rest else list(part.groupby(rest, sort=False))
            for cell, cpart in cells:
                cell = cell if isinstance(cell, tuple) else (cell,)
                key = dict(zip(rest, (str(v) for v in cell), strict=True))
                if spec["dataset"] == "cgvs_maandcijfers":
                    key.update({"jaar": int(ym[:4]), "maand": int(ym[5:])})
                else:
                    key["maand"] = ym
                values.append({"key": key, "value": _num(cpart[dm].sum()), "reference": ym})
        return sorted(values, key=_cell_sort(breakdown))
    if period["per_year"]:
        targets = [(y, f"{y}-12") for y in range(int(period["start"][:4]), int(period["end"][:4]) + 1)]
    else:
        targets = [(None, period["end"])]
    for year, asked in targets:
        candidates = sorted(m for m in df["ym"].unique() if m <= asked)
        if not candidates:
            continue
        ref = candidates[-1]
        part = df[df["ym"] == ref]
        groups = [((), part)] if not breakdown else list(part.groupby(breakdown, sort=False))
        for cell, cpart in groups:
            cell = cell if isinstance(cell, tuple) else (cell,)
            key = dict(zip(breakdown, (str(v) for v in cell), strict=True))
            if year is not None:
                key["jaar"] = year
            values.append({"key": key, "value": _num(cpart[dm].sum()), "reference": ref})
    return sorted(values, key=_cell_sort(breakdown))


def published_entry(figure_id: str) -> dict:
    row = PUB[PUB["figure_id"] == figure_id]
    assert len(row) == 1, figure_id
    row = row.iloc[0]
    entry = {"figure_id": figure_id, "value": _num(row["value"])}
    if row["reference_date"]:
        entry["reference_date"] = row["reference_date"]
    if row["reference_period"]:
        entry["reference_period"] = row["reference_period"]
    return entry


def published_owner(figure_id: str) -> str:
    return PUB.loc[PUB["figure_id"] == figure_id, "owner"].iloc[0]


def series_published(spec: dict) -> list[dict]:
    period, dm = spec["period"], spec["dm"]
    out = []
    if spec["dataset"] == "cgvs_maandcijfers" and not spec["filters"] and set(spec["breakdown"]) <= {"maand"}:
        whole_year = period["start"].endswith("-01") and period["end"].endswith("-12")
        if period["per_year"] or (whole_year and period["start"][:4] == period["end"][:4]):
            years = range(int(period["start"][:4]), int(period["end"][:4]) + 1)
        else:
            years = []  # "sinds maart 2022", "eerste acht maanden": no published full-year figure applies
        for y in years:
            if period["start"] <= f"{y}-01" and f"{y}-12" <= period["end"] and (dm, y) in PUBLISHED_YEAR:
                out.append(published_entry(PUBLISHED_YEAR[(dm, y)]))
    if (
        spec["dataset"] == "vdab_werkzoekenden"
        and dm == "werkzoekenden"
        and not spec["filters"]
        and not spec["breakdown"]
        and not period["per_year"]
        and period["end"] in PUBLISHED_WS_STOCK
    ):
        out.append(published_entry(PUBLISHED_WS_STOCK[period["end"]]))
    return out


def expect_series(spec: dict) -> dict:
    ds = DATASETS[spec["dataset"]]
    dm = spec["dm"]
    mtype = ds["mtype"][dm]
    values = flow_values(spec) if mtype == "flow" else stock_values(spec)
    assert values, spec["question"]
    nums = [v["value"] for v in values if v["value"] is not None]
    kind = spec["period"]["kind"]
    total = None
    if mtype == "flow" and (kind == "range" or (spec["breakdown"] and kind == "single")):
        total = sum(nums)
    if mtype == "stock" and spec["breakdown"] and "maand" not in spec["breakdown"] and not spec["period"]["per_year"]:
        total = sum(nums)
    published = series_published(spec)
    return {
        "status": "available",
        "owner": ds["owner"][dm],
        "population": spec.get("population", ds["population"]),
        "measure": spec.get("measure", MEASURE_ID[dm]),
        "dataset": spec["dataset"],
        "dataset_measure": dm,
        "measure_type": mtype,
        "filters": spec["filters"],
        # A breakdown the data do not have is said in the answer, next to the figure without it.
        "breakdown": spec["breakdown"] + spec.get("missing_breakdown", []),
        "period": public_period(spec["period"]),
        "values": values,
        "total": total,
        "published": published,
        "unplaced": [],
        "note": spec.get("note") or auto_note(spec, values, published),
    }


def auto_note(spec: dict, values: list[dict], published: list[dict]) -> str:
    ds = DATASETS[spec["dataset"]]
    mtype = ds["mtype"][spec["dm"]]
    parts = []
    if mtype == "flow":
        cov = [v["covered"] for v in values if v.get("covered")]
        unit = "years" if ds["grain"] == "year" else "months"
        parts.append(f"flow {spec['dm']} summed over the {unit} asked (covered {cov[0][0]}..{max(c[1] for c in cov)})")
        missing = sorted({m for v in values for m in v.get("missing_months", [])})
        if missing and all(m.endswith("-12") for m in missing):
            parts.append("no December rows (CGVS publishes a yearly overview instead)")
        elif missing:
            parts.append(
                "months without a value ("
                + ", ".join(m for m in missing if not m.endswith("-12"))
                + ") left out, never counted as 0"
            )
    else:
        refs = sorted({v["reference"] for v in values})
        parts.append(f"stock {spec['dm']} read at month end {', '.join(refs)}, never summed over dates")
        period = spec["period"]
        if not period["per_year"] and "maand" not in spec["breakdown"] and refs != [period["end"]]:
            parts.append(f"{period['end']} has no row: latest earlier month used")
    if published:
        parts.append(
            "published figure(s) " + ", ".join(p["figure_id"] for p in published) + " listed beside the series"
        )
    if spec["dataset"].startswith("vdab"):
        parts.append("synthetic demo data")
    return "; ".join(parts)


def expect_published(spec: dict) -> dict:
    ids = spec["ids"]
    return {
        "status": "available",
        "owner": spec.get("owner") or published_owner(ids[0]),
        "population": spec.get("population"),
        "measure": spec["measure"],
        "dataset": "gepubliceerde_cijfers",
        "dataset_measure": "value",
        "measure_type": spec["measure_type"],
        "filters": spec.get("filters", {}),
        "breakdown": spec.get("breakdown", []),
        "period": public_period(spec.get("period")),
        "values": [],
        "total": spec.get("total"),
        "published": [published_entry(i) for i in ids],
        "unplaced": [],
        "note": spec["note"],
    }


def expect_none(spec: dict) -> dict:
    return {
        "status": spec["status"],
        "owner": spec.get("owner"),
        "population": spec.get("population"),
        "measure": spec.get("measure"),
        "dataset": spec.get("dataset"),
        "dataset_measure": spec.get("dm"),
        "measure_type": spec.get("measure_type"),
        "filters": spec.get("filters", {}),
        "breakdown": spec.get("breakdown", []),
        "period": public_period(spec.get("period")),
        "values": [],
        "total": None,
        "published": [],
        "unplaced": spec.get("unplaced", []),
        "note": spec["note"],
    }


def expect(spec: dict) -> dict:
    if spec["kind"] == "series":
        return expect_series(spec)
    if spec["kind"] == "published":
        return expect_published(spec)
    assert spec["status"] != "available"
    if spec["status"] == "needs_review":
        assert spec.get("unplaced"), spec["question"]
    return expect_none(spec)


# --- spec helpers ---------------------------------------------------------------------------


def series(
    question: str,
    dataset: str,
    dm: str,
    period: dict,
    filters: dict | None = None,
    breakdown: list | None = None,
    **extra,
) -> dict:
    spec = {
        "kind": "series",
        "question": question,
        "dataset": dataset,
        "dm": dm,
        "period": period,
        "filters": filters or {},
        "breakdown": breakdown or [],
    }
    spec.update(extra)
    return spec


def cg(question, dm, period, breakdown=None, **extra):
    return series(question, "cgvs_maandcijfers", dm, period, None, breakdown, **extra)


def ws(question, dm, period, filters=None, breakdown=None, **extra):
    return series(question, "vdab_werkzoekenden", dm, period, filters, breakdown, **extra)


def opl(question, period, filters=None, breakdown=None, **extra):
    return series(question, "vdab_opleidingen", "deelnemers", period, filters, breakdown, **extra)


def wpl(question, period, filters=None, breakdown=None, **extra):
    return series(question, "vdab_werkplekleren", "trajecten", period, filters, breakdown, **extra)


def pub(question, ids, measure, measure_type, period, population=None, note="", **extra):
    spec = {
        "kind": "published",
        "question": question,
        "ids": ids,
        "measure": measure,
        "measure_type": measure_type,
        "period": period,
        "population": population,
        "note": note,
    }
    spec.update(extra)
    return spec


def none(question, status, note, **extra):
    spec = {"kind": "none", "question": question, "status": status, "note": note}
    spec.update(extra)
    return spec


def refine(prev: dict, question: str, **changes) -> dict:
    """A follow-up: the previous spec with some fields changed (filters are replaced wholesale when given)."""
    spec = dict(prev)
    spec.pop("note", None)
    spec["question"] = question
    spec.update(changes)
    if "filters" in changes and "breakdown" not in changes:
        # One value of a dimension asked ("alleen Limburg" after "per provincie"): that value, no longer a breakdown.
        spec["breakdown"] = [b for b in spec.get("breakdown", []) if len(spec["filters"].get(b, [])) != 1]
    return spec


UKR = "VDAB registreert de nationaliteit, niet het verblijfsstatuut: werkzoekenden met de Oekraïense nationaliteit"
NI_VDAB = "Asielzoekers worden niet apart geïdentificeerd in de databank van VDAB"
NI_REF = "Erkende vluchtelingen worden niet apart geïdentificeerd in de databank van VDAB (geen verblijfsstatuut)"

# --- single questions (available) -----------------------------------------------------------

SINGLES: list[tuple[str, dict, dict]] = []  # (lang, options, spec)


def S(lang: str, spec: dict, asked_on: str | None = None):
    SINGLES.append((lang, {"asked_on": asked_on}, spec))


# CGVS applicants (flow; registered by DVZ)
S(
    "nl",
    cg(
        "Kan de minister meedelen hoeveel verzoeken om internationale bescherming er in 2023 in België werden ingediend?",
        "verzoekers",
        Y(2023),
    ),
)
S("nl", cg("Hoeveel verzoekers om internationale bescherming werden er in 2022 geregistreerd?", "verzoekers", Y(2022)))
S("nl", cg("Hoeveel asielaanvragen werden er in het jaar 2021 ingediend?", "verzoekers", Y(2021)))
S(
    "nl",
    cg(
        "Hoeveel verzoeken om internationale bescherming werden er in 2020, het eerste coronajaar, ingediend?",
        "verzoekers",
        Y(2020),
    ),
)
S(
    "nl",
    cg(
        "Kan de minister meedelen hoeveel verzoeken om internationale bescherming er van 2021 tot en met 2023 werden ingediend? Graag per jaar en in totaal.",
        "verzoekers",
        YR(2021, 2023),
    ),
)
S(
    "nl",
    cg(
        "Hoeveel verzoeken om internationale bescherming werden er in 2022 en 2023 ingediend? Graag een cijfer per jaar.",
        "verzoekers",
        YL(2022, 2023),
    ),
)
S(
    "nl",
    cg(
        "Hoeveel verzoeken om internationale bescherming werden er in de eerste acht maanden van 2024 ingediend?",
        "verzoekers",
        M("2024-01", "2024-08"),
    ),
)
S(
    "nl",
    cg(
        "Hoeveel verzoeken om internationale bescherming werden er sinds maart 2022 ingediend? Graag het totaal tot de laatst beschikbare maand.",
        "verzoekers",
        SINCE("cgvs_maandcijfers", "2022-03"),
    ),
)
S(
    "nl",
    cg(
        "Hoeveel verzoeken om internationale bescherming werden er in oktober 2022 geregistreerd?",
        "verzoekers",
        M("2022-10"),
    ),
)
S(
    "nl",
    cg(
        "Hoeveel verzoekers om internationale bescherming waren er in 2024? Graag een opsplitsing per maand.",
        "verzoekers",
        Y(2024),
        ["maand"],
    ),
)
S(
    "nl",
    cg(
        "Hoeveel verzoeken om internationale bescherming werden er in het eerste kwartaal van 2025 ingediend?",
        "verzoekers",
        M("2025-01", "2025-03"),
    ),
)
S(
    "nl",
    cg(
        "Hoeveel asielaanvragen werden er tijdens de zomermaanden juli en augustus 2023 ingediend?",
        "verzoekers",
        M("2023-07", "2023-08"),
    ),
)
S(
    "nl",
    cg("Hoeveel verzoeken om internationale bescherming werden er dit jaar al ingediend?", "verzoekers", Y(2025)),
    asked_on="2025-09-15",
)
S(
    "nl",
    cg("Hoeveel verzoeken om internationale bescherming werden er vorig jaar ingediend?", "verzoekers", Y(2023)),
    asked_on="2024-02-02",
)
S(
    "nl",
    cg(
        "Hoeveel verzoeken om internationale bescherming werden er in de tweede helft van 2024 ingediend?",
        "verzoekers",
        M("2024-07", "2024-12"),
    ),
)
S(
    "nl",
    cg(
        "Hoeveel verzoeken om internationale bescherming werden er tussen januari en juni 2020 ingediend?",
        "verzoekers",
        M("2020-01", "2020-06"),
    ),
)
S(
    "nl",
    cg(
        "Hoeveel verzoekers om internationale bescherming werden er in 2023 geregistreerd? Graag de maandcijfers.",
        "verzoekers",
        Y(2023),
        ["maand"],
    ),
)
S(
    "nl",
    cg(
        "Hoeveel verzoeken om internationale bescherming worden er jaarlijks ingediend? Graag een overzicht per jaar.",
        "verzoekers",
        ALL("cgvs_maandcijfers"),
        note="no period: one figure per calendar year over the whole series; 2020-2024 lack December, 2025 covers Jan-Aug; published full-year figures listed for 2020-2023",
    ),
)
S(
    "nl",
    cg(
        "Hoeveel asielaanvragen werden er in 2024 ingediend?",
        "verzoekers",
        Y(2024),
        note="2024 summed over Jan-Nov (no December row); no published full-year 2024 figure in published_figures.csv",
    ),
)
S(
    "nl",
    cg(
        "Hoeveel verzoeken om internationale bescherming werden er in de periode april tot en met juni 2024 ingediend?",
        "verzoekers",
        M("2024-04", "2024-06"),
    ),
)
S(
    "nl",
    cg(
        "Hoeveel verzoekers om internationale bescherming meldden zich aan in november 2023?",
        "verzoekers",
        M("2023-11"),
    ),
)
S(
    "nl",
    cg(
        "Hoeveel verzoeken om internationale bescherming werden er van 2022 tot en met 2024 ingediend? Graag per jaar.",
        "verzoekers",
        YR(2022, 2024),
    ),
)
# published applicants outside the series
S(
    "nl",
    pub(
        "Hoeveel verzoeken om internationale bescherming werden er in 2019 ingediend?",
        ["DVZ-037"],
        "verzoeken",
        "flow",
        Y(2019),
        "asielzoeker",
        "2019 lies before the CGVS series (2020-01..2025-08): the published full-year figure DVZ-037 is the answer",
    ),
)
S(
    "nl",
    pub(
        "Hoeveel verzoekers om internationale bescherming waren er in 2021 afkomstig uit Afghanistan?",
        ["DVZ-030"],
        "verzoeken",
        "flow",
        Y(2021),
        "asielzoeker",
        "published count for Afghanistan 2021; the series has no counts per nationality",
        filters={"nationaliteit": ["Afghanistan"]},
    ),
)
S(
    "nl",
    pub(
        "Uit welke vijf landen kwamen in 2020 de meeste verzoekers om internationale bescherming, en om hoeveel personen ging het telkens?",
        ["DVZ-032", "DVZ-033", "DVZ-034", "DVZ-035", "DVZ-036"],
        "verzoeken",
        "flow",
        Y(2020),
        "asielzoeker",
        "published top-5 counts 2020 (DVZ-032..036); no counts for other nationalities",
        breakdown=["nationaliteit"],
    ),
)
S(
    "nl",
    pub(
        "Hoeveel verzoekers om internationale bescherming verklaarden in 2023 een niet-begeleide minderjarige te zijn?",
        ["DVZ-011"],
        "verzoeken",
        "flow",
        Y(2023),
        "asielzoeker",
        "published DVZ-011 (declared unaccompanied minors 2023)",
    ),
)
S(
    "nl",
    pub(
        "Hoeveel volgende (meervoudige) verzoeken om internationale bescherming werden er in 2023 ingediend?",
        ["DVZ-009"],
        "verzoeken",
        "flow",
        Y(2023),
        "asielzoeker",
        "published DVZ-009 (subsequent applications 2023)",
    ),
)
S(
    "nl",
    pub(
        "Hoeveel verzoeken om tijdelijke bescherming werden er in 2022 geregistreerd voor ontheemden uit Oekraïne?",
        ["DVZ-021"],
        "verzoeken",
        "flow",
        Y(2022),
        "oekraiense_ontheemde",
        "published DVZ-021 (temporary protection 2022), not international protection",
    ),
)
S(
    "nl",
    pub(
        "Welk aandeel van de verzoekers om internationale bescherming in 2023 waren vrouwen?",
        ["DVZ-003"],
        "aandeel",
        "rate",
        Y(2023),
        "asielzoeker",
        "published share DVZ-003; not computed",
        filters={"geslacht": ["vrouw"]},
    ),
)
# CGVS decisions
S(
    "nl",
    cg(
        "Hoeveel beslissingen heeft het CGVS in 2022 genomen?",
        "beslissingen",
        Y(2022),
        note="series Jan-Nov 2022 plus published full-year CGVS-003 (dossiers); CGVS-018 counts persons, another unit",
    ),
)
S(
    "nl",
    cg(
        "Hoeveel beslissingen nam het Commissariaat-generaal voor de Vluchtelingen en de Staatlozen in 2020?",
        "beslissingen",
        Y(2020),
    ),
)
S(
    "nl",
    cg(
        "Hoeveel beslissingen nam het CGVS in 2024?",
        "beslissingen",
        Y(2024),
        note="May 2024 decisions were not published (blank, not 0) and December is absent: sum of the 10 published months, covered 2024-01..2024-11",
    ),
)
S("nl", cg("Hoeveel beslissingen nam het CGVS in 2023? Graag per maand.", "beslissingen", Y(2023), ["maand"]))
S(
    "nl",
    cg(
        "Hoeveel beslissingen nam het CGVS in de eerste helft van 2024?",
        "beslissingen",
        M("2024-01", "2024-06"),
        note="May 2024 not published: sum of Jan-Apr and Jun 2024, with 2024-05 listed as missing",
    ),
)
S(
    "nl",
    cg(
        "Hoeveel beslissingen nam het CGVS van 2021 tot en met 2023? Graag per jaar en het totaal.",
        "beslissingen",
        YR(2021, 2023),
    ),
)
S("nl", cg("Hoeveel beslissingen nam het CGVS in maart 2025?", "beslissingen", M("2025-03")))
S(
    "nl",
    cg(
        "Hoeveel beslissingen nam het CGVS in 2021?",
        "beslissingen",
        Y(2021),
        note="2021 summed over Jan-Nov; CGVS-007 is the 2021 protection rate, not a decision count, so no published total",
    ),
)
S(
    "nl",
    cg("Hoeveel beslissingen nam het CGVS tussen januari en augustus 2025?", "beslissingen", M("2025-01", "2025-08")),
)
# CGVS workload (stock)
S(
    "nl",
    cg(
        "Hoeveel dossiers had het CGVS eind 2023 in behandeling (werklast)?",
        "werklast",
        AT("2023-12"),
        note="stock: 'eind 2023' -> December 2023, absent in CGVS series -> latest earlier month 2023-11",
    ),
)
S("nl", cg("Wat was de werklast van het CGVS op 30 juni 2024?", "werklast", AT("2024-06")))
S(
    "nl",
    cg(
        "Hoe evolueerde de werklast van het CGVS van 2020 tot 2024? Graag de stand op het einde van elk jaar.",
        "werklast",
        YR(2020, 2024),
        note="stock per year at each year's last available month (November, no December rows); no total",
    ),
)
S(
    "nl",
    cg(
        "Wat is de huidige werklast van het CGVS?",
        "werklast",
        LATEST("cgvs_maandcijfers"),
        note="stock without period: latest month in the data, 2025-08",
    ),
)
S(
    "nl",
    cg(
        "Hoeveel dossiers had het CGVS op 1 januari 2024 in behandeling?",
        "werklast",
        AT("2023-12"),
        note="'op 1 januari 2024' -> stock at 31 December 2023; December missing -> 2023-11",
    ),
)
S("nl", cg("Hoe groot was de werklast van het CGVS in maart 2023?", "werklast", AT("2023-03")))
S(
    "nl",
    cg(
        "Hoe evolueerde de werklast van het CGVS maand per maand in 2024?",
        "werklast",
        Y(2024),
        ["maand"],
        note="stock per month (month-end values), never summed; no total",
    ),
)
S(
    "nl",
    cg(
        "Hoeveel dossiers waren er op 1 maart 2025 bij het CGVS in behandeling?",
        "werklast",
        AT("2025-02"),
        note="'op 1 maart 2025' -> stock at 28 February 2025",
    ),
)
S(
    "nl",
    cg(
        "Wat was de werklast van het CGVS op het einde van 2021 en van 2022?",
        "werklast",
        YL(2021, 2022),
        note="stock per year at 2021-11 and 2022-11 (no December rows); no total",
    ),
)
# published CGVS rates and backlog
S(
    "nl",
    pub(
        "Wat was de beschermingsgraad bij het CGVS in 2022?",
        ["CGVS-004"],
        "beschermingsgraad",
        "rate",
        Y(2022),
        "asielzoeker",
        "rate only from the published figure for exactly that year (CGVS-004), never computed from decisions",
    ),
)
S(
    "nl",
    pub(
        "Hoe hoog lag de beschermingsgraad in 2021?",
        ["CGVS-007"],
        "beschermingsgraad",
        "rate",
        Y(2021),
        "asielzoeker",
        "published CGVS-007",
    ),
)
S(
    "nl",
    pub(
        "Wat was de beschermingsgraad van het CGVS in januari 2025?",
        ["CGVS-021"],
        "beschermingsgraad",
        "rate",
        M("2025-01"),
        "asielzoeker",
        "published monthly rate CGVS-021",
    ),
)
S(
    "nl",
    pub(
        "Hoe groot was de achterstand bij het CGVS op 31 december 2022?",
        ["CGVS-019"],
        "achterstand",
        "stock",
        AT("2022-12"),
        "asielzoeker",
        "backlog only from a published backlog figure (CGVS-019, dossiers); the workload is another measure",
    ),
)
S(
    "nl",
    pub(
        "Hoe groot was de reële achterstand van het CGVS eind januari 2025?",
        ["CGVS-022"],
        "achterstand",
        "stock",
        AT("2025-01"),
        "asielzoeker",
        "published CGVS-022 (workload above the normal 6,500), not the workload itself",
    ),
)
S(
    "nl",
    pub(
        "Hoeveel personen kregen in 2022 de vluchtelingenstatus van het CGVS?",
        ["CGVS-008"],
        "beslissingen",
        "flow",
        Y(2022),
        "asielzoeker",
        "published CGVS-008 (recognitions 2022, persons)",
        filters={"beslissingstype": ["erkenning vluchtelingenstatus"]},
    ),
)
S(
    "nl",
    pub(
        "Wat was de opvangcapaciteit van het opvangnetwerk van Fedasil op 1 mei 2024?",
        ["FED-001"],
        "opvang",
        "stock",
        AT("2024-04"),
        "opvangbewoner",
        "public published figure of Fedasil (FED-001, dated 1 May 2024) may be quoted; owner Fedasil; period per the month-end rule (1 May -> 2024-04)",
    ),
)
S(
    "nl",
    pub(
        "Hoeveel opvangplaatsen telde het opvangnetwerk eind 2023?",
        ["FED-006"],
        "opvang",
        "stock",
        AT("2023-12"),
        "opvangbewoner",
        "public published figure FED-006 (31-12-2023); owner Fedasil",
    ),
)
S(
    "nl",
    pub(
        "Wat was de werkzoekendengraad in Vlaanderen eind november 2023?",
        ["VDAB-002"],
        "werkzoekendengraad",
        "rate",
        AT("2023-11"),
        "werkzoekende",
        "rate only from the published figure (VDAB-002, 30-11-2023)",
    ),
)
S(
    "nl",
    pub(
        "Hoeveel werkzoekenden zonder werk waren er op 1 januari 2022 ingeschreven bij VDAB?",
        ["VDAB-008"],
        "aantal",
        "stock",
        AT("2021-12"),
        "werkzoekende",
        "'op 1 januari 2022' -> stock at 31 December 2021, before the demo series (2022-01..): the published VDAB-008 is the answer",
    ),
)
# VDAB job seekers without work (stock)
S(
    "nl",
    ws(
        "Hoeveel werkzoekenden zonder werk waren er op 1 januari 2024 ingeschreven bij VDAB?",
        "werkzoekenden",
        AT("2023-12"),
        note="'op 1 januari 2024' -> month-end stock of December 2023; synthetic demo data",
    ),
)
S(
    "nl",
    ws(
        "Hoeveel werkzoekenden zonder werk telde Vlaanderen eind 2023? Graag een opsplitsing per provincie.",
        "werkzoekenden",
        AT("2023-12"),
        breakdown=["provincie"],
    ),
)
S(
    "nl",
    ws(
        "Hoeveel werkzoekenden zonder werk waren er op 30 juni 2023 in de provincie Limburg?",
        "werkzoekenden",
        AT("2023-06"),
        {"provincie": ["Limburg"]},
    ),
)
S(
    "nl",
    ws(
        "Hoeveel vrouwelijke werkzoekenden waren er in maart 2024 ingeschreven? Graag per leeftijdsgroep.",
        "werkzoekenden",
        AT("2024-03"),
        {"geslacht": ["vrouw"]},
        ["leeftijd"],
    ),
)
S(
    "nl",
    ws(
        "Hoeveel jongeren onder 25 waren eind 2022 werkzoekend? Graag per provincie.",
        "werkzoekenden",
        AT("2022-12"),
        {"leeftijd": ["<25"]},
        ["provincie"],
    ),
)
S(
    "nl",
    ws(
        "Hoeveel 50-plussers waren op 31 december 2024 als werkzoekende ingeschreven in West-Vlaanderen?",
        "werkzoekenden",
        AT("2024-12"),
        {"leeftijd": ["50+"], "provincie": ["West-Vlaanderen"]},
    ),
)
S(
    "nl",
    ws(
        "Hoeveel laaggeschoolde werkzoekenden waren er eind 2024? Graag per provincie.",
        "werkzoekenden",
        AT("2024-12"),
        {"opleidingsniveau": ["laag"]},
        ["provincie"],
    ),
)
S(
    "nl",
    ws(
        "Hoeveel werkzoekenden met een nationaliteit buiten de EU waren er op 1 juli 2023 ingeschreven bij VDAB?",
        "werkzoekenden",
        AT("2023-06"),
        {"nationaliteit": ["andere niet-EU"]},
        note="'buiten de EU' -> nationaliteit 'andere niet-EU' (the Oekraïens group is reported apart); 1 July 2023 -> June 2023 month end",
    ),
)
S(
    "nl",
    ws(
        "Hoeveel Oekraïense werkzoekenden waren er eind 2023 ingeschreven? Graag per provincie.",
        "werkzoekenden",
        AT("2023-12"),
        {"nationaliteit": ["Oekraïens"]},
        ["provincie"],
        note=UKR + "; stock December 2023; synthetic demo data",
    ),
)
S(
    "nl",
    ws(
        "Hoeveel werkzoekenden zonder werk telde VDAB eind november 2023?",
        "werkzoekenden",
        AT("2023-11"),
        note="stock 2023-11 from the synthetic table; the real published VDAB-001 (30-11-2023) is listed: the demo table does not reproduce real levels",
    ),
)
S(
    "nl",
    ws(
        "Hoeveel werkzoekenden zonder werk waren er eind maart 2023?",
        "werkzoekenden",
        AT("2023-03"),
        note="stock 2023-03 from the synthetic table; real published VDAB-004 (31-03-2023) listed beside it",
    ),
)
S(
    "nl",
    ws(
        "Hoe evolueerde het aantal werkzoekenden zonder werk van 2022 tot 2024? Graag de stand per jaar.",
        "werkzoekenden",
        YR(2022, 2024),
        note="stock per year at December of each year; no total",
    ),
)
S(
    "nl",
    ws(
        "Hoeveel werkzoekenden waren er in 2023, opgesplitst naar opleidingsniveau?",
        "werkzoekenden",
        AT("2023-12"),
        breakdown=["opleidingsniveau"],
        note="stock 'in 2023' -> December 2023",
    ),
)
S(
    "nl",
    ws(
        "Hoeveel werkzoekenden zonder werk zijn er momenteel ingeschreven bij VDAB?",
        "werkzoekenden",
        LATEST("vdab_werkzoekenden"),
        note="stock without period: latest month in the data (2024-12); synthetic demo data",
    ),
)
S(
    "nl",
    ws(
        "Hoeveel werkzoekenden waren er op 1 januari 2023 ingeschreven? Graag per nationaliteitsgroep.",
        "werkzoekenden",
        AT("2022-12"),
        breakdown=["nationaliteit"],
    ),
)
S(
    "nl",
    ws(
        "Hoeveel werkzoekenden telde de provincie Oost-Vlaanderen eind 2024, opgesplitst naar geslacht?",
        "werkzoekenden",
        AT("2024-12"),
        {"provincie": ["Oost-Vlaanderen"]},
        ["geslacht"],
    ),
)
S(
    "nl",
    ws(
        "Hoeveel hooggeschoolde vrouwelijke werkzoekenden waren er eind juni 2024 in Vlaams-Brabant?",
        "werkzoekenden",
        AT("2024-06"),
        {"provincie": ["Vlaams-Brabant"], "geslacht": ["vrouw"], "opleidingsniveau": ["hoog"]},
    ),
)
S(
    "nl",
    ws(
        "Hoe evolueerde het aantal werkzoekenden in de provincie Antwerpen in 2024? Graag de maandcijfers.",
        "werkzoekenden",
        Y(2024),
        {"provincie": ["Antwerpen"]},
        ["maand"],
        note="stock per month (month-end values) in 2024, never summed; no total",
    ),
)
S(
    "nl",
    ws(
        "Hoeveel werkzoekenden met een nationaliteit van een andere EU-lidstaat waren eind 2022 ingeschreven?",
        "werkzoekenden",
        AT("2022-12"),
        {"nationaliteit": ["EU"]},
    ),
)
S(
    "nl",
    ws(
        "Hoeveel mannelijke werkzoekenden tussen 25 en 49 jaar waren er eind 2023 in Limburg?",
        "werkzoekenden",
        AT("2023-12"),
        {"provincie": ["Limburg"], "geslacht": ["man"], "leeftijd": ["25-49"]},
    ),
)
S(
    "nl",
    ws(
        "Hoeveel werkzoekenden waren er op 30 september 2022 ingeschreven, per leeftijdsgroep en per geslacht?",
        "werkzoekenden",
        AT("2022-09"),
        breakdown=["leeftijd", "geslacht"],
    ),
)
S(
    "nl",
    ws(
        "Hoeveel werkzoekenden met een middelhoog opleidingsniveau waren er op 1 april 2024?",
        "werkzoekenden",
        AT("2024-03"),
        {"opleidingsniveau": ["midden"]},
        note="'op 1 april 2024' -> month-end stock March 2024; 'middelhoog' -> opleidingsniveau midden",
    ),
)
S(
    "nl",
    ws(
        "Hoeveel werkzoekenden telde West-Vlaanderen in 2022 en 2023? Graag de stand per jaar.",
        "werkzoekenden",
        YL(2022, 2023),
        {"provincie": ["West-Vlaanderen"]},
        note="stock per year at December 2022 and December 2023; no total",
    ),
)
# VDAB outflow to work (flow)
S("nl", ws("Hoeveel werkzoekenden vonden in 2023 werk?", "uitstroom_werk", Y(2023)))
S(
    "nl",
    ws(
        "Hoeveel werkzoekenden stroomden van 2022 tot en met 2024 uit naar werk? Graag per jaar en per provincie.",
        "uitstroom_werk",
        YR(2022, 2024),
        breakdown=["provincie"],
    ),
)
S(
    "nl",
    ws(
        "Hoeveel werkzoekenden gingen in de eerste acht maanden van 2024 aan de slag?",
        "uitstroom_werk",
        M("2024-01", "2024-08"),
    ),
)
S(
    "nl",
    ws(
        "Hoeveel werkzoekenden met de Oekraïense nationaliteit vonden werk sinds maart 2022?",
        "uitstroom_werk",
        SINCE("vdab_werkzoekenden", "2022-03"),
        {"nationaliteit": ["Oekraïens"]},
        note=UKR + "; flow summed 2022-03..2024-12 (last month of the series)",
    ),
)
S(
    "nl",
    ws(
        "Hoeveel jongeren onder 25 vonden in 2022 werk? Graag per geslacht.",
        "uitstroom_werk",
        Y(2022),
        {"leeftijd": ["<25"]},
        ["geslacht"],
    ),
)
S(
    "nl",
    ws(
        "Hoeveel werkzoekenden stroomden in 2024 uit naar werk? Graag per maand.",
        "uitstroom_werk",
        Y(2024),
        breakdown=["maand"],
    ),
)
S(
    "nl",
    ws(
        "Hoeveel laaggeschoolde werkzoekenden in Oost-Vlaanderen vonden in 2023 een job?",
        "uitstroom_werk",
        Y(2023),
        {"provincie": ["Oost-Vlaanderen"], "opleidingsniveau": ["laag"]},
    ),
)
S(
    "nl",
    ws(
        "Hoeveel werkzoekenden vonden in 2024 werk, opgesplitst naar opleidingsniveau?",
        "uitstroom_werk",
        Y(2024),
        breakdown=["opleidingsniveau"],
    ),
)
S(
    "nl",
    ws(
        "Hoeveel 50-plussers vonden in 2022 en 2023 werk? Graag per jaar.",
        "uitstroom_werk",
        YL(2022, 2023),
        {"leeftijd": ["50+"]},
    ),
)
S(
    "nl",
    ws(
        "Hoeveel vrouwelijke werkzoekenden met een nationaliteit buiten de EU vonden in 2024 werk? Graag per provincie.",
        "uitstroom_werk",
        Y(2024),
        {"geslacht": ["vrouw"], "nationaliteit": ["andere niet-EU"]},
        ["provincie"],
    ),
)
S(
    "nl",
    ws("Hoeveel werkzoekenden vonden werk in het vierde kwartaal van 2023?", "uitstroom_werk", M("2023-10", "2023-12")),
)
S(
    "nl",
    ws(
        "Hoeveel werkzoekenden vonden via VDAB werk? Graag een overzicht per jaar.",
        "uitstroom_werk",
        ALL("vdab_werkzoekenden"),
        note="flow without period: one figure per calendar year over the whole series (2022-2024, all complete)",
    ),
)
S(
    "nl",
    ws(
        "Hoeveel werkzoekenden vonden vorig jaar werk?",
        "uitstroom_werk",
        Y(2024),
        note="'vorig jaar' asked on 2025-01-20 -> 2024; synthetic demo data",
    ),
    asked_on="2025-01-20",
)
S(
    "nl",
    ws(
        "Hoeveel werkzoekenden in de provincie Antwerpen vonden in juni 2023 werk?",
        "uitstroom_werk",
        M("2023-06"),
        {"provincie": ["Antwerpen"]},
    ),
)
S(
    "nl",
    ws(
        "Hoeveel werkzoekenden vonden in 2023 werk? Graag per leeftijdsgroep.",
        "uitstroom_werk",
        Y(2023),
        breakdown=["leeftijd"],
    ),
)
S(
    "nl",
    ws(
        "Hoeveel werkzoekenden met de Belgische nationaliteit stroomden in 2022 uit naar werk?",
        "uitstroom_werk",
        Y(2022),
        {"nationaliteit": ["Belg"]},
    ),
)
S(
    "nl",
    ws(
        "Hoeveel werkzoekenden vonden tussen 2022 en 2024 werk in Limburg? Graag per jaar en het totaal.",
        "uitstroom_werk",
        YR(2022, 2024),
        {"provincie": ["Limburg"]},
    ),
)
S(
    "nl",
    ws(
        "Hoeveel werkzoekenden vonden in 2024 werk? Graag per nationaliteitsgroep.",
        "uitstroom_werk",
        Y(2024),
        breakdown=["nationaliteit"],
    ),
)
# VDAB re-entry (flow)
S(
    "nl",
    ws(
        "Hoeveel personen werden in 2023 opnieuw werkzoekend binnen twaalf maanden nadat ze werk hadden gevonden?",
        "herinstroom",
        Y(2023),
    ),
)
S(
    "nl",
    ws(
        "Hoeveel werkzoekenden vielen van 2022 tot en met 2024 terug in werkloosheid? Graag per jaar en per provincie.",
        "herinstroom",
        YR(2022, 2024),
        breakdown=["provincie"],
    ),
)
S(
    "nl",
    ws(
        "Hoeveel vrouwen in Limburg vielen in 2024 terug in de werkloosheid?",
        "herinstroom",
        Y(2024),
        {"geslacht": ["vrouw"], "provincie": ["Limburg"]},
    ),
)
S(
    "nl",
    ws(
        "Hoeveel werkzoekenden kwamen in 2022 terug in de werkloosheid? Graag per leeftijdsgroep.",
        "herinstroom",
        Y(2022),
        breakdown=["leeftijd"],
    ),
)
S(
    "nl",
    ws(
        "Hoeveel werkzoekenden met de Oekraïense nationaliteit werden in 2023 opnieuw werkloos na werk?",
        "herinstroom",
        Y(2023),
        {"nationaliteit": ["Oekraïens"]},
        note=UKR + "; flow 2023",
    ),
)
S(
    "nl",
    ws(
        "Hoeveel hooggeschoolden waren in de eerste helft van 2024 terug werkloos na een job?",
        "herinstroom",
        M("2024-01", "2024-06"),
        {"opleidingsniveau": ["hoog"]},
    ),
)
# VDAB training participants (flow per year)
S(
    "nl",
    opl(
        "Hoeveel werkzoekenden volgden in 2023 een opleiding bij VDAB? Graag een opsplitsing per provincie.",
        Y(2023),
        breakdown=["provincie"],
    ),
)
S(
    "nl",
    opl(
        "Hoeveel deelnemers telden de VDAB-opleidingen van 2022 tot en met 2024? Graag per jaar en per opleiding.",
        YR(2022, 2024),
        breakdown=["opleiding"],
    ),
)
S(
    "nl",
    opl(
        "Hoeveel deelnemers telde de opleiding Zorg in 2024 in West-Vlaanderen?",
        Y(2024),
        {"opleiding": ["Zorg"], "provincie": ["West-Vlaanderen"]},
    ),
)
S(
    "nl",
    opl(
        "Hoeveel mensen volgden in 2022 en 2023 een opleiding Nederlands voor anderstaligen? Graag per jaar en per provincie.",
        YL(2022, 2023),
        {"opleiding": ["Nederlands voor anderstaligen"]},
        ["provincie"],
    ),
)
S(
    "nl",
    opl(
        "Hoeveel deelnemers hadden de ICT-opleidingen in de provincie Antwerpen van 2022 tot en met 2024?",
        YR(2022, 2024),
        {"opleiding": ["ICT"], "provincie": ["Antwerpen"]},
    ),
)
S(
    "nl",
    opl(
        "Hoeveel personen volgden in 2023 een bouwopleiding bij VDAB in Limburg?",
        Y(2023),
        {"opleiding": ["Bouw"], "provincie": ["Limburg"]},
        note="'bouwopleiding' -> opleiding Bouw (a course, unlike 'werkzoekenden in de bouw'); synthetic demo data",
    ),
)
S(
    "nl",
    opl(
        "Hoeveel cursisten volgden in 2024 een opleiding Horeca of Logistiek? Graag per opleiding.",
        Y(2024),
        {"opleiding": ["Logistiek", "Horeca"]},
        ["opleiding"],
    ),
)
S(
    "nl",
    opl(
        "Hoeveel opleidingsdeelnemers telde VDAB? Graag per jaar.",
        ALL("vdab_opleidingen"),
        note="flow without period: one figure per year 2022-2024",
    ),
)
S(
    "nl",
    opl(
        "Hoeveel deelnemers telde de opleiding Techniek in 2022, per provincie?",
        Y(2022),
        {"opleiding": ["Techniek"]},
        ["provincie"],
    ),
)
S(
    "nl",
    opl(
        "Hoeveel werkzoekenden volgden in 2024 een opleiding in Oost-Vlaanderen? Graag per type opleiding.",
        Y(2024),
        {"provincie": ["Oost-Vlaanderen"]},
        ["opleiding"],
    ),
)
# VDAB work-based learning (flow per year)
S("nl", wpl("Hoeveel trajecten werkplekleren werden in 2023 opgestart? Graag per vorm.", Y(2023), breakdown=["vorm"]))
S(
    "nl",
    wpl(
        "Hoeveel individuele beroepsopleidingen (IBO) werden in 2024 gestart? Graag per provincie.",
        Y(2024),
        {"vorm": ["IBO"]},
        ["provincie"],
    ),
)
S(
    "nl",
    wpl(
        "Hoeveel trajecten duaal leren liepen er van 2022 tot en met 2024? Graag per jaar.",
        YR(2022, 2024),
        {"vorm": ["Duaal leren"]},
    ),
)
S(
    "nl",
    wpl(
        "Hoeveel stages werden in 2022 georganiseerd in Oost-Vlaanderen?",
        Y(2022),
        {"vorm": ["Stage"], "provincie": ["Oost-Vlaanderen"]},
    ),
)
S(
    "nl",
    wpl(
        "Hoeveel werkervaringstrajecten werden in 2023 gestart in de provincies Antwerpen en Limburg? Graag per provincie.",
        Y(2023),
        {"vorm": ["Werkervaring"], "provincie": ["Antwerpen", "Limburg"]},
        ["provincie"],
    ),
)
S(
    "nl",
    wpl(
        "Hoeveel trajecten werkplekleren werden er in 2024 gestart, per vorm en per provincie?",
        Y(2024),
        breakdown=["vorm", "provincie"],
    ),
)
S(
    "nl",
    wpl(
        "Hoeveel trajecten werkplekleren werden er in 2022 en 2023 gestart in Vlaams-Brabant?",
        YL(2022, 2023),
        {"provincie": ["Vlaams-Brabant"]},
    ),
)

# French (federal questions)
S("fr", cg("Combien de demandes de protection internationale ont été introduites en 2023 ?", "verzoekers", Y(2023)))
S("fr", cg("Combien de décisions le CGRA a-t-il prises en 2022 ?", "beslissingen", Y(2022)))
S(
    "fr",
    cg(
        "Quelle était la charge de travail du CGRA fin 2024 ?",
        "werklast",
        AT("2024-12"),
        note="stock 'fin 2024' -> December 2024, absent -> 2024-11",
    ),
)
S(
    "fr",
    cg(
        "Combien de demandes de protection internationale ont été introduites au cours des six premiers mois de 2025 ?",
        "verzoekers",
        M("2025-01", "2025-06"),
    ),
)
S(
    "fr",
    pub(
        "Quel était le taux de protection du CGRA en 2021 ?",
        ["CGVS-007"],
        "beschermingsgraad",
        "rate",
        Y(2021),
        "asielzoeker",
        "published CGVS-007",
    ),
)
S(
    "fr",
    pub(
        "Combien de demandeurs d'asile ont été enregistrés en 2019 ?",
        ["DVZ-037"],
        "verzoeken",
        "flow",
        Y(2019),
        "asielzoeker",
        "2019 outside the series: published DVZ-037",
    ),
)
S(
    "fr",
    cg(
        "Combien de demandes de protection internationale ont été introduites chaque mois en 2022 ?",
        "verzoekers",
        Y(2022),
        ["maand"],
    ),
)
S(
    "fr",
    cg(
        "Combien de demandes de protection internationale ont été introduites de 2020 à 2022 inclus ? Merci de ventiler par année et de donner le total.",
        "verzoekers",
        YR(2020, 2022),
    ),
)
S(
    "fr",
    ws(
        "Combien de demandeurs d'emploi inoccupés étaient inscrits auprès du VDAB au 1er janvier 2024 ? Une ventilation par province est souhaitée.",
        "werkzoekenden",
        AT("2023-12"),
        breakdown=["provincie"],
    ),
)
S("fr", ws("Combien de demandeurs d'emploi ont trouvé un emploi en Flandre en 2023 ?", "uitstroom_werk", Y(2023)))
S(
    "fr",
    pub(
        "Combien de mineurs étrangers non accompagnés ont introduit une demande de protection internationale en 2022 ?",
        ["DVZ-020"],
        "verzoeken",
        "flow",
        Y(2022),
        "asielzoeker",
        "published DVZ-020",
    ),
)
S(
    "fr",
    pub(
        "Quelle était la capacité du réseau d'accueil de Fedasil au 1er mai 2024 ?",
        ["FED-001"],
        "opvang",
        "stock",
        AT("2024-04"),
        "opvangbewoner",
        "public published figure FED-001 (1 May 2024); owner Fedasil",
    ),
)
S(
    "fr",
    pub(
        "Quel était l'arriéré du CGRA au 31 décembre 2022 ?",
        ["CGVS-019"],
        "achterstand",
        "stock",
        AT("2022-12"),
        "asielzoeker",
        "published backlog CGVS-019; not the workload",
    ),
)
S(
    "fr",
    cg(
        "Combien de décisions le CGRA a-t-il prises en 2024 ? Merci de ventiler par mois.",
        "beslissingen",
        Y(2024),
        ["maand"],
        note="decisions per month 2024; May 2024 not published (value null, never 0); no December; total over the published months",
    ),
)

# English
S("en", cg("How many applications for international protection were lodged in Belgium in 2022?", "verzoekers", Y(2022)))
S(
    "en",
    cg(
        "How many decisions did the CGRS take in 2024?",
        "beslissingen",
        Y(2024),
        note="May 2024 not published and no December: covered 2024-01..2024-11 with 2024-05 missing",
    ),
)
S(
    "en",
    ws(
        "How many jobseekers without work were registered with VDAB in Limburg at the end of 2023?",
        "werkzoekenden",
        AT("2023-12"),
        {"provincie": ["Limburg"]},
    ),
)
S(
    "en",
    ws(
        "How many jobseekers found work in 2024? Please break this down by province.",
        "uitstroom_werk",
        Y(2024),
        breakdown=["provincie"],
    ),
)
S("en", cg("What was the CGRS workload at the end of June 2025?", "werklast", AT("2025-06")))
S("en", opl("How many people took part in VDAB training courses in 2023, by course?", Y(2023), breakdown=["opleiding"]))
S("en", wpl("How many work-based learning trajectories started in 2022, by type?", Y(2022), breakdown=["vorm"]))
S(
    "en",
    pub(
        "What was the protection rate in 2022?",
        ["CGVS-004"],
        "beschermingsgraad",
        "rate",
        Y(2022),
        "asielzoeker",
        "published CGVS-004",
    ),
)

# Misspellings and short or odd forms
S(
    "nl",
    ws(
        "Hoeveel werkzoekende in Limbug waren er eind 2023?",
        "werkzoekenden",
        AT("2023-12"),
        {"provincie": ["Limburg"]},
        note="misspelt 'Limbug' -> Limburg; stock December 2023",
    ),
)
S(
    "nl",
    cg(
        "Hoeveel asielzoekes dienden in 2022 een verzoek in?",
        "verzoekers",
        Y(2022),
        note="misspelt 'asielzoekes'; series Jan-Nov 2022 plus published DVZ-012",
    ),
)
S(
    "nl",
    ws(
        "Hoeveel werkzoekenden in Oost Vlaanderen vonden in 2024 werk?",
        "uitstroom_werk",
        Y(2024),
        {"provincie": ["Oost-Vlaanderen"]},
    ),
)
S(
    "nl",
    ws(
        "Hoeveel werkzoekenden waren er in West-Vl. op 1 januari 2023?",
        "werkzoekenden",
        AT("2022-12"),
        {"provincie": ["West-Vlaanderen"]},
        note="'West-Vl.' -> West-Vlaanderen; 1 Jan 2023 -> December 2022 month end",
    ),
)
S("nl", cg("Hoeveel verzoekers om internationale bescherrming waren er in 2021?", "verzoekers", Y(2021)))
S(
    "nl",
    cg(
        "Hoeveel beslisingen nam het CGVS in 2023?",
        "beslissingen",
        Y(2023),
        note="misspelt 'beslisingen'; 2023 covered Jan-Nov; no published full-year decision count in dossiers (CGVS-002 is about 30,000 persons, another unit)",
    ),
)
S(
    "nl",
    ws(
        "Hoeveel werkzoekenden stroomden in 2022 uit naar werk in antwerpen?",
        "uitstroom_werk",
        Y(2022),
        {"provincie": ["Antwerpen"]},
    ),
)
S(
    "nl",
    opl("Hoeveel opleidingsdeelnemers waren er in 2024 in Vlaams Brabant?", Y(2024), {"provincie": ["Vlaams-Brabant"]}),
)
S(
    "nl",
    ws(
        "Hoeveel werkzoekenden waren er eind 2024 in limburg, per geslagt?",
        "werkzoekenden",
        AT("2024-12"),
        {"provincie": ["Limburg"]},
        ["geslacht"],
    ),
)
S("nl", cg("Hoeveel asielaanvraagen waren er in januari 2025?", "verzoekers", M("2025-01")))
S(
    "nl",
    ws(
        "Hoeveel werkzoekenden telde Antwerpen (provincie) op 31 maart 2024?",
        "werkzoekenden",
        AT("2024-03"),
        {"provincie": ["Antwerpen"]},
    ),
)
S(
    "nl",
    ws(
        "Hoeveel werkzoekende jongeren onder de 25 jaar vonden werk in 2023 in Vlaams-Brabant?",
        "uitstroom_werk",
        Y(2023),
        {"leeftijd": ["<25"], "provincie": ["Vlaams-Brabant"]},
    ),
)
S(
    "nl",
    wpl(
        "Hoeveel IBO-trajecten werden in 2023 gestart in West Vlaanderen?",
        Y(2023),
        {"vorm": ["IBO"], "provincie": ["West-Vlaanderen"]},
    ),
)
S(
    "nl",
    ws(
        "Hoeveel werkzoekenden waren er eind 2022 in Vlaams-Brabant, uitgesplitst per opleidingsniveau en per geslacht?",
        "werkzoekenden",
        AT("2022-12"),
        {"provincie": ["Vlaams-Brabant"]},
        ["opleidingsniveau", "geslacht"],
    ),
)
S(
    "nl",
    ws(
        "Hoeveel werkzoekenden met de Oekraïense nationaliteit waren er op 1 januari 2023 ingeschreven bij VDAB?",
        "werkzoekenden",
        AT("2022-12"),
        {"nationaliteit": ["Oekraïens"]},
        note=UKR + "; 1 Jan 2023 -> December 2022 month end",
    ),
)
S(
    "nl",
    ws(
        "Hoeveel Oekraïense ontheemden vonden in 2023 werk via VDAB?",
        "uitstroom_werk",
        Y(2023),
        {"nationaliteit": ["Oekraïens"]},
        population="oekraiense_ontheemde",
        note="proxy: " + UKR + " (catalog proxy for oekraiense_ontheemde)",
    ),
)

# --- negatives (no figure) -------------------------------------------------------------------

NEGATIVES: list[tuple[str, dict, dict]] = []


def N(lang: str, spec: dict, asked_on: str | None = None):
    NEGATIVES.append((lang, {"asked_on": asked_on}, spec))


def ni(
    question, dataset, dm, measure, period=None, breakdown=None, population="asielzoeker", note=NI_VDAB, filters=None
):
    return none(
        question,
        "not_identified",
        note,
        owner="VDAB",
        population=population,
        measure=measure,
        dataset=dataset,
        dm=dm,
        measure_type=DATASETS[dataset]["mtype"][dm],
        period=period,
        breakdown=breakdown or [],
        filters=filters or {},
    )


def owned(
    question,
    owner,
    population,
    measure,
    note,
    period=None,
    breakdown=None,
    dataset=None,
    dm=None,
    measure_type=None,
    filters=None,
):
    return none(
        question,
        "owned_elsewhere",
        note,
        owner=owner,
        population=population,
        measure=measure,
        dataset=dataset,
        dm=dm,
        measure_type=measure_type,
        period=period,
        breakdown=breakdown or [],
        filters=filters or {},
    )


def review(
    question,
    unplaced,
    dataset,
    dm,
    period,
    filters=None,
    breakdown=None,
    measure=None,
    population="werkzoekende",
    note="",
):
    return none(
        question,
        "needs_review",
        note or ("content word(s) not placed in any dimension: " + ", ".join(unplaced)),
        owner="VDAB",
        population=population,
        measure=measure or MEASURE_ID[dm],
        dataset=dataset,
        dm=dm,
        measure_type=DATASETS[dataset]["mtype"][dm],
        period=period,
        filters=filters or {},
        breakdown=breakdown or [],
        unplaced=unplaced,
    )


def na(question, note, **extra):
    return none(question, "not_available", note, **extra)


FED_WORK = "Fedasil rapporteert over het aantal werkende asielzoekers in het opvangnetwerk; gegevens van Fedasil, niet van de minister"
FED_OPV = "opvanggegevens zijn eigendom van Fedasil (niet publiek); de Vlaamse minister van Werk kan ze niet geven"

N(
    "nl",
    ni(
        "Hoeveel asielzoekers maakten van 2022 tot en met 2024 gebruik van de dienstverlening van VDAB? Graag per provincie.",
        "vdab_werkzoekenden",
        "werkzoekenden",
        "dienstverlening",
        YR(2022, 2024),
        ["provincie"],
    ),
)
N(
    "nl",
    owned(
        "Hoeveel asielzoekers gingen sinds 2022 aan de slag? Graag per land van herkomst, geslacht en leeftijd.",
        "Fedasil",
        "asielzoeker",
        "aan_het_werk",
        FED_WORK,
        {"start": "2022-01", "end": None, "per_year": False, "kind": "single"},
        ["nationaliteit", "geslacht", "leeftijd"],
    ),
)
N(
    "nl",
    ni(
        "Hoeveel asielzoekers zijn tussen 2022 en 2024 terug in de werkloosheid terechtgekomen? Graag per provincie.",
        "vdab_werkzoekenden",
        "herinstroom",
        "terugval_werkloosheid",
        YR(2022, 2024),
        ["provincie"],
    ),
)
N(
    "nl",
    ni(
        "Hoeveel asielzoekers volgden in 2023 een opleiding via VDAB?",
        "vdab_opleidingen",
        "deelnemers",
        "opleiding",
        Y(2023),
    ),
)
N(
    "nl",
    ni(
        "Welke vormen van werkplekleren werden in 2024 georganiseerd voor asielzoekers, en hoeveel trajecten per vorm?",
        "vdab_werkplekleren",
        "trajecten",
        "werkplekleren",
        Y(2024),
        ["vorm"],
    ),
)
N(
    "nl",
    ni(
        "Hoeveel erkende vluchtelingen waren eind 2023 als werkzoekende ingeschreven bij VDAB?",
        "vdab_werkzoekenden",
        "werkzoekenden",
        "dienstverlening",
        AT("2023-12"),
        population="erkend_vluchteling",
        note=NI_REF,
    ),
)
N(
    "nl",
    ni(
        "Hoeveel erkende vluchtelingen vonden in 2024 werk via VDAB?",
        "vdab_werkzoekenden",
        "uitstroom_werk",
        "aan_het_werk",
        Y(2024),
        population="erkend_vluchteling",
        note=NI_REF,
    ),
)
N(
    "nl",
    ni(
        "Hoeveel Oekraïense ontheemden volgden in 2023 een VDAB-opleiding?",
        "vdab_opleidingen",
        "deelnemers",
        "opleiding",
        Y(2023),
        population="oekraiense_ontheemde",
        note="De opleidingsgegevens bevatten geen nationaliteit of verblijfsstatuut (the nationality proxy exists only in the job-seeker table)",
    ),
)
N(
    "nl",
    ni(
        "Hoeveel verzoekers om internationale bescherming waren in 2023 ingeschreven bij VDAB?",
        "vdab_werkzoekenden",
        "werkzoekenden",
        "dienstverlening",
        AT("2023-12"),
        note=NI_VDAB + "; never answered with CGVS applicant totals",
    ),
)
N(
    "nl",
    ni(
        "Hoeveel werkzoekenden met een vluchtelingenstatus vonden in 2023 werk?",
        "vdab_werkzoekenden",
        "uitstroom_werk",
        "aan_het_werk",
        Y(2023),
        population="erkend_vluchteling",
        note=NI_REF,
    ),
)
N(
    "nl",
    ni(
        "Hoeveel asielzoekers vonden in 2023 werk na een individuele beroepsopleiding (IBO) bij VDAB?",
        "vdab_werkplekleren",
        "trajecten",
        "werkplekleren",
        Y(2023),
        filters={"vorm": ["IBO"]},
    ),
)
N(
    "nl",
    owned(
        "Hoeveel bewoners van opvangcentra waren in 2023 aan het werk?",
        "Fedasil",
        "opvangbewoner",
        "aan_het_werk",
        FED_WORK,
        Y(2023),
        dataset="fedasil_opvang",
        dm="bewoners",
        measure_type="stock",
    ),
)
N(
    "nl",
    owned(
        "Hoeveel asielzoekers verbleven op 1 januari 2024 in een opvangcentrum? Graag per provincie.",
        "Fedasil",
        "asielzoeker",
        "opvang",
        FED_OPV,
        AT("2023-12"),
        ["provincie"],
        dataset="fedasil_opvang",
        dm="bewoners",
        measure_type="stock",
    ),
)
N(
    "nl",
    owned(
        "Wat was de bezettingsgraad van de opvangcentra in Limburg eind 2023?",
        "Fedasil",
        "opvangbewoner",
        "opvang",
        FED_OPV,
        AT("2023-12"),
        dataset="fedasil_opvang",
        measure_type="rate",
        filters={"provincie": ["Limburg"]},
    ),
)
N(
    "nl",
    owned(
        "In welke functies zijn werkende bewoners van het opvangnetwerk tewerkgesteld?",
        "Fedasil",
        "opvangbewoner",
        "functies",
        FED_WORK,
    ),
)
N(
    "nl",
    owned(
        "Hoeveel inburgeraars volgden in 2023 een inburgeringstraject?",
        "AgII",
        "nieuwkomer",
        "dienstverlening",
        "Het Agentschap Integratie en Inburgering volgt de inburgeraars op (bevoegdheid van een andere Vlaamse minister)",
        Y(2023),
    ),
)
N(
    "nl",
    owned(
        "Hoeveel nieuwkomers vonden in 2023 werk?",
        "AgII",
        "nieuwkomer",
        "aan_het_werk",
        "nieuwkomers/inburgeraars -> AgII",
        Y(2023),
    ),
)
N(
    "nl",
    owned(
        "Hoeveel leefloners vonden in 2023 werk?",
        "POD MI",
        "leefloner",
        "aan_het_werk",
        "De leefloongegevens worden door de OCMW's aan de POD Maatschappelijke Integratie bezorgd",
        Y(2023),
    ),
)
N(
    "nl",
    owned(
        "Hoeveel leefloners waren er eind 2024 in elke Vlaamse provincie?",
        "POD MI",
        "leefloner",
        "aantal",
        "leefloners -> POD Maatschappelijke Integratie (federaal)",
        AT("2024-12"),
        ["provincie"],
    ),
)
N(
    "nl",
    review(
        "Hoeveel werkzoekenden met een beperking waren er eind 2023 ingeschreven bij VDAB?",
        ["beperking"],
        "vdab_werkzoekenden",
        "werkzoekenden",
        AT("2023-12"),
    ),
)
N(
    "nl",
    review(
        "Hoeveel werkzoekenden in de bouw vonden in 2023 werk?",
        ["bouw"],
        "vdab_werkzoekenden",
        "uitstroom_werk",
        Y(2023),
        note="'in de bouw' is a sector for job seekers, not a dimension of the table (unlike the course 'Bouw')",
    ),
)
N(
    "nl",
    review(
        "Hoeveel laaggeletterde werkzoekenden telde Vlaanderen eind 2024?",
        ["laaggeletterd"],
        "vdab_werkzoekenden",
        "werkzoekenden",
        AT("2024-12"),
        note="'laaggeletterd' is not 'laaggeschoold' (opleidingsniveau laag): not placed",
    ),
)
N(
    "nl",
    review(
        "Hoeveel langdurig werkzoekenden waren er op 1 januari 2024?",
        ["langdurig"],
        "vdab_werkzoekenden",
        "werkzoekenden",
        AT("2023-12"),
        note="werkloosheidsduur is not in the demo table",
    ),
)
N(
    "nl",
    review(
        "Hoeveel werkzoekenden met een migratieachtergrond vonden in 2024 werk?",
        ["migratieachtergrond"],
        "vdab_werkzoekenden",
        "uitstroom_werk",
        Y(2024),
        note="VDAB table has nationality groups, not migration background",
    ),
)
N(
    "nl",
    review(
        "Hoeveel werkzoekenden waren er eind 2023 in de stad Gent?",
        ["Gent"],
        "vdab_werkzoekenden",
        "werkzoekenden",
        AT("2023-12"),
        note="a city is not a province; the table has no municipalities",
    ),
)
N(
    "nl",
    review(
        "Hoeveel werkzoekenden ouder dan 55 vonden in 2023 werk?",
        ["ouder dan 55"],
        "vdab_werkzoekenden",
        "uitstroom_werk",
        Y(2023),
        note="age group 50+ does not match 'ouder dan 55'",
    ),
)
N(
    "nl",
    review(
        "Hoeveel alleenstaande ouders waren eind 2024 als werkzoekende ingeschreven?",
        ["alleenstaande ouders"],
        "vdab_werkzoekenden",
        "werkzoekenden",
        AT("2024-12"),
    ),
)
N(
    "nl",
    review(
        "Hoeveel werkzoekenden met de Syrische nationaliteit waren er eind 2023?",
        ["Syrische"],
        "vdab_werkzoekenden",
        "werkzoekenden",
        AT("2023-12"),
        note="nationality groups are Belg/EU/Oekraïens/andere niet-EU: 'Syrische' cannot be placed (andere niet-EU is broader)",
    ),
)
N(
    "nl",
    na(
        "Hoeveel klachten over de begeleiding door VDAB werden in 2023 ingediend?",
        "no dataset holds complaints",
        measure="klachten",
        period=Y(2023),
    ),
)
N(
    "nl",
    na(
        "Hoe lang is de gemiddelde wachttijd voor een opleiding Nederlands voor anderstaligen?",
        "no dataset holds waiting times",
        measure="wachttijd",
        population="werkzoekende",
    ),
)
N(
    "nl",
    na(
        "Hoe lang duurt een asielprocedure bij het CGVS gemiddeld?",
        "no dataset or published figure holds procedure durations",
        measure="doorlooptijd",
        population="asielzoeker",
        owner="CGVS",
    ),
)
N(
    "nl",
    na(
        "Hoeveel verzoeken om internationale bescherming werden er in 2015 ingediend?",
        "2015 lies outside the CGVS series and no published 2015 figure exists",
        owner="DVZ",
        population="asielzoeker",
        measure="verzoeken",
        dataset="cgvs_maandcijfers",
        dm="verzoekers",
        measure_type="flow",
        period=Y(2015),
    ),
)
N(
    "nl",
    na(
        "Wat was de beschermingsgraad bij het CGVS in 2023?",
        "no published protection rate for 2023; never computed from decisions",
        owner="CGVS",
        population="asielzoeker",
        measure="beschermingsgraad",
        dataset="gepubliceerde_cijfers",
        measure_type="rate",
        period=Y(2023),
    ),
)
N(
    "nl",
    na(
        "Hoe hoog was de beschermingsgraad in 2024?",
        "no published protection rate for 2024",
        owner="CGVS",
        population="asielzoeker",
        measure="beschermingsgraad",
        dataset="gepubliceerde_cijfers",
        measure_type="rate",
        period=Y(2024),
    ),
)
N(
    "nl",
    na(
        "Hoe groot was de achterstand bij het CGVS eind 2023?",
        "only published backlog figures answer it (31-12-2022, Jan 2025); the workload is not the backlog",
        owner="CGVS",
        population="asielzoeker",
        measure="achterstand",
        dataset="gepubliceerde_cijfers",
        measure_type="stock",
        period=AT("2023-12"),
    ),
)
N(
    "nl",
    na(
        "Hoeveel verzoeken om internationale bescherming werden er in december 2023 ingediend?",
        "CGVS publishes no December monthly figure (yearly overview instead); not derived as DVZ-001 minus Jan-Nov (different sources)",
        owner="DVZ",
        population="asielzoeker",
        measure="verzoeken",
        dataset="cgvs_maandcijfers",
        dm="verzoekers",
        measure_type="flow",
        period=M("2023-12"),
    ),
)
N(
    "nl",
    na(
        "Hoeveel beslissingen nam het CGVS in mei 2024?",
        "May 2024 decisions were not published (blank cell): missing, not 0",
        owner="CGVS",
        population="asielzoeker",
        measure="beslissingen",
        dataset="cgvs_maandcijfers",
        dm="beslissingen",
        measure_type="flow",
        period=M("2024-05"),
    ),
)
N(
    "nl",
    na(
        "Hoeveel verzoeken om internationale bescherming werden er in 2023 ingediend in de provincie Limburg?",
        "CGVS/DVZ figures here have no provinces",
        owner="DVZ",
        population="asielzoeker",
        measure="verzoeken",
        dataset="cgvs_maandcijfers",
        dm="verzoekers",
        measure_type="flow",
        period=Y(2023),
        filters={"provincie": ["Limburg"]},
    ),
)
N(
    "nl",
    na(
        "Hoeveel werkzoekenden zonder werk waren er eind 2019 in Vlaanderen?",
        "before the VDAB demo series (2022-01..) and no published figure for end 2019",
        owner="VDAB",
        population="werkzoekende",
        measure="aantal",
        dataset="vdab_werkzoekenden",
        dm="werkzoekenden",
        measure_type="stock",
        period=AT("2019-12"),
    ),
)
N(
    "nl",
    na(
        "Wat was de werkzoekendengraad per provincie in 2023?",
        "rates only from published figures; only the Flemish rate of Nov 2023 is published",
        owner="VDAB",
        population="werkzoekende",
        measure="werkzoekendengraad",
        dataset="gepubliceerde_cijfers",
        measure_type="rate",
        period=AT("2023-12"),
        breakdown=["provincie"],
    ),
)
N(
    "nl",
    na(
        "Hoeveel werkzoekenden volgden in de eerste helft van 2024 een VDAB-opleiding?",
        "training participants exist per year only; a half year cannot be given",
        owner="VDAB",
        population="werkzoekende",
        measure="opleiding",
        dataset="vdab_opleidingen",
        dm="deelnemers",
        measure_type="flow",
        period=M("2024-01", "2024-06"),
    ),
)
N(
    "nl",
    na(
        "Hoeveel werkzoekenden vonden in 2025 werk?",
        "the VDAB demo series ends in 2024-12",
        owner="VDAB",
        population="werkzoekende",
        measure="aan_het_werk",
        dataset="vdab_werkzoekenden",
        dm="uitstroom_werk",
        measure_type="flow",
        period=Y(2025),
    ),
)
N(
    "nl",
    owned(
        "Hoeveel asielzoekers hadden in 2024 een job naast hun verblijf in de opvang?",
        "Fedasil",
        "asielzoeker",
        "aan_het_werk",
        FED_WORK,
        Y(2024),
        dataset="fedasil_opvang",
        dm="bewoners",
        measure_type="stock",
    ),
)
S(
    "nl",
    ws(
        "Hoeveel werkzoekenden waren er eind 2023, opgesplitst per beroep?",
        "werkzoekenden",
        AT("2023-12"),
        missing_breakdown=["beroep"],
        note="occupation is registered by VDAB but not in this table: the total, and a sentence that the breakdown is not available",
    ),
)
S(
    "nl",
    cg(
        "Hoeveel verzoekers om internationale bescherming waren er in 2024 per nationaliteit?",
        "verzoekers",
        Y(2024),
        measure="aantal",
        missing_breakdown=["nationaliteit"],
        note="only the top-10 ranking is published per month, no counts per nationality for 2024: the total, and a sentence that the breakdown is not available",
    ),
)
N(
    "nl",
    ni(
        "Hoeveel asielzoekes waren in 2024 ingeschreven als werkzoekende bij VDAB?",
        "vdab_werkzoekenden",
        "werkzoekenden",
        "dienstverlening",
        AT("2024-12"),
        note=NI_VDAB + " (misspelt 'asielzoekes')",
    ),
)
N(
    "nl",
    na(
        "Hoeveel werkzoekenden vonden het voorbije kalenderjaar werk?",
        "'het voorbije kalenderjaar' asked on 2026-02-01 -> 2025, after the end of the VDAB demo series",
        owner="VDAB",
        population="werkzoekende",
        measure="aan_het_werk",
        dataset="vdab_werkzoekenden",
        dm="uitstroom_werk",
        measure_type="flow",
        period=Y(2025),
    ),
    asked_on="2026-02-01",
)
# French negatives
N(
    "fr",
    ni(
        "Combien de demandeurs d'asile inscrits au VDAB ont trouvé un emploi en 2023 ?",
        "vdab_werkzoekenden",
        "uitstroom_werk",
        "aan_het_werk",
        Y(2023),
    ),
)
N(
    "fr",
    owned(
        "Combien de demandeurs d'asile hébergés dans le réseau d'accueil de Fedasil travaillaient en 2023 ?",
        "Fedasil",
        "asielzoeker",
        "aan_het_werk",
        FED_WORK,
        Y(2023),
        dataset="fedasil_opvang",
        dm="bewoners",
        measure_type="stock",
    ),
)
N(
    "fr",
    na(
        "Quel était le taux de protection du CGRA en 2023 ?",
        "no published protection rate for 2023",
        owner="CGVS",
        population="asielzoeker",
        measure="beschermingsgraad",
        dataset="gepubliceerde_cijfers",
        measure_type="rate",
        period=Y(2023),
    ),
)
N(
    "fr",
    owned(
        "Combien de bénéficiaires du revenu d'intégration ont trouvé un emploi en Flandre en 2024 ?",
        "POD MI",
        "leefloner",
        "aan_het_werk",
        "leefloners -> POD MI",
        Y(2024),
    ),
)
N(
    "fr",
    na(
        "Combien de demandes de protection internationale ont été introduites en 2016 ?",
        "2016 outside the series; no published 2016 applicant figure",
        owner="DVZ",
        population="asielzoeker",
        measure="verzoeken",
        dataset="cgvs_maandcijfers",
        dm="verzoekers",
        measure_type="flow",
        period=Y(2016),
    ),
)
# English negatives
N(
    "en",
    ni(
        "How many asylum seekers registered with VDAB found a job in 2023?",
        "vdab_werkzoekenden",
        "uitstroom_werk",
        "aan_het_werk",
        Y(2023),
    ),
)
N(
    "en",
    owned(
        "How many residents of reception centres were working at the end of 2024?",
        "Fedasil",
        "opvangbewoner",
        "aan_het_werk",
        FED_WORK,
        AT("2024-12"),
        dataset="fedasil_opvang",
        dm="bewoners",
        measure_type="stock",
    ),
)
N(
    "en",
    review(
        "How many jobseekers with a disability found work in 2024?",
        ["disability"],
        "vdab_werkzoekenden",
        "uitstroom_werk",
        Y(2024),
    ),
)

# --- follow-up chains ----------------------------------------------------------------------

CHAINS: list[tuple[str, str, list[dict]]] = []  # (kind, lang, specs)


def C(kind: str, lang: str, *specs: dict):
    CHAINS.append((kind, lang, list(specs)))


def no_dim(
    prev: dict,
    question: str,
    note: str,
    dim: str,
    values: list | None = None,
    status: str = "not_available",
    unplaced=None,
) -> dict:
    """A follow-up asking for a filter or breakdown the dataset lacks: no figure, the previous one is not reused."""
    ds = DATASETS.get(prev.get("dataset"), {})
    dm = prev.get("dm")
    spec = none(
        question,
        status,
        note,
        owner=ds.get("owner", {}).get(dm),
        population=prev.get("population", ds.get("population")),
        measure=prev.get("measure", MEASURE_ID.get(dm)),
        dataset=prev.get("dataset"),
        dm=dm,
        measure_type=ds.get("mtype", {}).get(dm),
        period=prev.get("period"),
        filters=dict(prev.get("filters", {}), **({dim: values} if values else {})),
        breakdown=list(prev.get("breakdown", [])) + ([] if values else [dim]),
        unplaced=unplaced or [],
    )
    return spec


# 1
a = ws(
    "Hoeveel werkzoekenden zonder werk waren er eind 2023 per provincie?",
    "werkzoekenden",
    AT("2023-12"),
    breakdown=["provincie"],
)
b = refine(a, "alleen Limburg", filters={"provincie": ["Limburg"]})
c = refine(b, "en per geslacht?", breakdown=["geslacht"])
d = refine(c, "en nu per leeftijd", breakdown=["leeftijd"])
C("conversation", "nl", a, b, c, d)
# 2
a = cg("Hoeveel verzoeken om internationale bescherming werden er in 2023 ingediend?", "verzoekers", Y(2023))
b = refine(a, "en het jaar ervoor?", period=Y(2022))
c = refine(b, "per maand", breakdown=["maand"])
d = no_dim(
    c,
    "alleen Limburg",
    "CGVS/DVZ figures have no provinces: the previous figure must not be reused",
    "provincie",
    ["Limburg"],
)
C("conversation", "nl", a, b, c, d)
# 3
a = ws("Hoeveel werkzoekenden vonden in 2023 werk?", "uitstroom_werk", Y(2023))
b = refine(a, "per provincie", breakdown=["provincie"])
c = refine(b, "alleen mannen", filters={"geslacht": ["man"]})
d = refine(c, "en in 2022?", period=Y(2022))
C("conversation", "nl", a, b, c, d)
# 4
a = ws(
    "Hoeveel werkzoekenden met de Oekraïense nationaliteit waren er in 2023 ingeschreven bij VDAB?",
    "werkzoekenden",
    AT("2023-12"),
    {"nationaliteit": ["Oekraïens"]},
    note=UKR + "; stock 'in 2023' -> December 2023",
)
b = ws(
    "hoeveel van hen vonden werk?",
    "uitstroom_werk",
    Y(2023),
    {"nationaliteit": ["Oekraïens"]},
    note="outflow to work in 2023 of job seekers with the Ukrainian nationality (same filter, year of the first question); no cohort follow-up in the data",
)
c = refine(b, "en per geslacht?", breakdown=["geslacht"])
C("conversation", "nl", a, b, c)
# 5
a = cg("Hoeveel beslissingen nam het CGVS in 2022?", "beslissingen", Y(2022))
b = refine(a, "en in 2023?", period=Y(2023))
c = refine(b, "per maand", breakdown=["maand"])
d = refine(c, "zonder opdeling", breakdown=[])
C("conversation", "nl", a, b, c, d)
# 6
a = cg(
    "Wat was de werklast van het CGVS eind 2024?",
    "werklast",
    AT("2024-12"),
    note="stock 'eind 2024' -> 2024-11 (no December)",
)
b = refine(a, "en eind 2023?", period=AT("2023-12"))
c = refine(b, "en nu?", period=LATEST("cgvs_maandcijfers"))
C("conversation", "nl", a, b, c)
# 7
a = opl("Hoeveel werkzoekenden volgden in 2024 een opleiding bij VDAB?", Y(2024))
b = refine(a, "per opleiding", breakdown=["opleiding"])
c = refine(b, "alleen Zorg", filters={"opleiding": ["Zorg"]})
d = refine(c, "en per provincie?", breakdown=["provincie"])
C("conversation", "nl", a, b, c, d)
# 8
a = wpl("Hoeveel trajecten werkplekleren werden in 2023 gestart?", Y(2023))
b = refine(a, "per vorm", breakdown=["vorm"])
c = refine(b, "alleen Limburg", filters={"provincie": ["Limburg"]})
d = refine(c, "en het jaar ervoor?", period=Y(2022))
C("conversation", "nl", a, b, c, d)
# 9
a = ws("Hoeveel jongeren onder 25 vonden in 2024 werk?", "uitstroom_werk", Y(2024), {"leeftijd": ["<25"]})
b = refine(a, "per provincie", breakdown=["provincie"])
c = refine(b, "alleen West-Vlaanderen", filters={"leeftijd": ["<25"], "provincie": ["West-Vlaanderen"]})
d = refine(c, "per maand", breakdown=["maand"])
C("conversation", "nl", a, b, c, d)
# 10
a = ni(
    "Hoeveel asielzoekers volgden in 2023 een opleiding bij VDAB?",
    "vdab_opleidingen",
    "deelnemers",
    "opleiding",
    Y(2023),
)
b = opl(
    "en hoeveel werkzoekenden in het algemeen?",
    Y(2023),
    note="the population changes to all job seekers: now available (training participants 2023)",
)
c = refine(b, "per provincie", breakdown=["provincie"])
C("conversation", "nl", a, b, c)
# 11
a = cg("Hoeveel verzoeken om internationale bescherming werden er in 2024 ingediend?", "verzoekers", Y(2024))
b = refine(a, "en per nationaliteit?", missing_breakdown=["nationaliteit"],
           note="no counts per nationality for 2024 (only monthly top-10 ranks): the total, and a sentence that the breakdown is not available")
C("conversation", "nl", a, b)
# 12
a = ws(
    "Hoeveel werkzoekenden vielen in 2023 terug in de werkloosheid? Graag per provincie.",
    "herinstroom",
    Y(2023),
    breakdown=["provincie"],
)
b = refine(a, "alleen Oost-Vlaanderen", filters={"provincie": ["Oost-Vlaanderen"]})
c = refine(b, "per leeftijd", breakdown=["leeftijd"])
d = refine(c, "en in 2024?", period=Y(2024))
C("conversation", "nl", a, b, c, d)
# 13
a = ws(
    "Hoeveel werkzoekenden met een nationaliteit buiten de EU waren er eind 2022?",
    "werkzoekenden",
    AT("2022-12"),
    {"nationaliteit": ["andere niet-EU"]},
)
b = refine(a, "en eind 2023?", period=AT("2023-12"))
c = refine(b, "per provincie", breakdown=["provincie"])
d = ws(
    "hoeveel van hen vonden in 2023 werk?",
    "uitstroom_werk",
    Y(2023),
    {"nationaliteit": ["andere niet-EU"]},
    ["provincie"],
    note="outflow to work in 2023 of the same group, keeping the province breakdown; no cohort follow-up in the data",
)
C("conversation", "nl", a, b, c, d)
# 14
a = ws(
    "Hoeveel werkzoekenden waren er in Limburg in 2024? Graag per maand.",
    "werkzoekenden",
    Y(2024),
    {"provincie": ["Limburg"]},
    ["maand"],
)
b = refine(a, "alleen vrouwen", filters={"provincie": ["Limburg"], "geslacht": ["vrouw"]})
c = refine(b, "zonder opdeling", breakdown=[], note="stock 'in 2024' without breakdown -> December 2024 month end")
C("conversation", "nl", a, b, c)
# 15
a = cg(
    "Hoeveel verzoeken om internationale bescherming werden er van 2021 tot en met 2023 ingediend?",
    "verzoekers",
    YR(2021, 2023),
)
b = refine(a, "en in 2024?", period=Y(2024))
c = refine(b, "per maand", breakdown=["maand"])
C("conversation", "nl", a, b, c)
# 16
a = ws("Hoeveel werkzoekenden vonden in 2022 werk?", "uitstroom_werk", Y(2022))
b = refine(a, "en in 2023 en 2024?", period=YL(2023, 2024))
c = refine(b, "per geslacht", breakdown=["geslacht"])
C("conversation", "nl", a, b, c)
# 17
a = ws(
    "Hoeveel werkzoekenden per opleidingsniveau waren er eind 2024?",
    "werkzoekenden",
    AT("2024-12"),
    breakdown=["opleidingsniveau"],
)
b = refine(a, "alleen laaggeschoolden", filters={"opleidingsniveau": ["laag"]})
c = refine(b, "per provincie", breakdown=["provincie"])
d = refine(c, "alleen mannen", filters={"opleidingsniveau": ["laag"], "geslacht": ["man"]})
C("conversation", "nl", a, b, c, d)
# 18
a = owned(
    "Hoeveel bewoners van opvangcentra werkten in 2023?",
    "Fedasil",
    "opvangbewoner",
    "aan_het_werk",
    FED_WORK,
    Y(2023),
    dataset="fedasil_opvang",
    dm="bewoners",
    measure_type="stock",
)
b = owned(
    "en per provincie?",
    "Fedasil",
    "opvangbewoner",
    "aan_het_werk",
    FED_WORK + "; a breakdown does not change ownership",
    Y(2023),
    ["provincie"],
    dataset="fedasil_opvang",
    dm="bewoners",
    measure_type="stock",
)
c = ws(
    "en hoeveel werkzoekenden vonden dat jaar werk?",
    "uitstroom_werk",
    Y(2023),
    note="new population (all job seekers, VDAB): available; 2023",
)
C("conversation", "nl", a, b, c)
# 19
a = pub(
    "Wat was de beschermingsgraad in 2022?",
    ["CGVS-004"],
    "beschermingsgraad",
    "rate",
    Y(2022),
    "asielzoeker",
    "published CGVS-004",
)
b = na(
    "en in 2023?",
    "no published protection rate for 2023: the 2022 rate is not reused, nothing is computed",
    owner="CGVS",
    population="asielzoeker",
    measure="beschermingsgraad",
    dataset="gepubliceerde_cijfers",
    measure_type="rate",
    period=Y(2023),
)
c = pub("en in 2021?", ["CGVS-007"], "beschermingsgraad", "rate", Y(2021), "asielzoeker", "published CGVS-007")
C("conversation", "nl", a, b, c)
# 20
a = opl(
    "Hoeveel deelnemers telde de opleiding Nederlands voor anderstaligen in 2022?",
    Y(2022),
    {"opleiding": ["Nederlands voor anderstaligen"]},
)
b = refine(a, "per provincie", breakdown=["provincie"])
c = refine(b, "en in 2024?", period=Y(2024))
C("conversation", "nl", a, b, c)
# 21
a = ws(
    "Hoeveel 50-plussers waren eind 2023 als werkzoekende ingeschreven?",
    "werkzoekenden",
    AT("2023-12"),
    {"leeftijd": ["50+"]},
)
b = refine(a, "alleen vrouwen", filters={"leeftijd": ["50+"], "geslacht": ["vrouw"]})
c = refine(b, "per opleidingsniveau", breakdown=["opleidingsniveau"])
C("conversation", "nl", a, b, c)
# 22
a = cg("Hoeveel beslissingen nam het CGVS in 2024?", "beslissingen", Y(2024))
b = refine(
    a, "per maand", breakdown=["maand"], note="decisions per month 2024; May 2024 value null (not published), never 0"
)
c = no_dim(
    b,
    "alleen Antwerpen",
    "CGVS decisions have no provinces: the previous figures must not be reused",
    "provincie",
    ["Antwerpen"],
)
C("conversation", "nl", a, b, c)
# 23
a = ws(
    "Hoeveel werkzoekenden vonden in 2023 werk in Vlaams-Brabant?",
    "uitstroom_werk",
    Y(2023),
    {"provincie": ["Vlaams-Brabant"]},
)
b = no_dim(
    a,
    "alleen die met een beperking",
    "'met een beperking' cannot be placed: no figure, the previous one is not reused",
    "beperking",
    status="needs_review",
    unplaced=["beperking"],
)
b["breakdown"] = []
C("conversation", "nl", a, b)
# 24
a = ws("Hoeveel werkzoekenden zonder werk waren er eind 2023?", "werkzoekenden", AT("2023-12"))
b = refine(a, "en op 30 juni 2023?", period=AT("2023-06"))
c = refine(b, "per nationaliteit", breakdown=["nationaliteit"])
C("conversation", "nl", a, b, c)
# 25
a = wpl("Hoeveel IBO-trajecten werden in 2022 gestart?", Y(2022), {"vorm": ["IBO"]})
b = refine(a, "per provincie", breakdown=["provincie"])
c = refine(b, "van 2022 tot en met 2024", period=YR(2022, 2024))
C("conversation", "nl", a, b, c)
# 26
a = cg(
    "Hoeveel verzoeken om internationale bescherming werden er in de eerste acht maanden van 2024 ingediend?",
    "verzoekers",
    M("2024-01", "2024-08"),
)
b = refine(a, "en in dezelfde periode van 2025?", period=M("2025-01", "2025-08"))
c = refine(b, "per maand", breakdown=["maand"])
C("conversation", "nl", a, b, c)
# 27
a = ws("Hoeveel werkzoekenden vonden in 2024 werk? Graag per maand.", "uitstroom_werk", Y(2024), breakdown=["maand"])
b = refine(a, "alleen Limburg", filters={"provincie": ["Limburg"]})
c = refine(b, "zonder opdeling", breakdown=[])
C("conversation", "nl", a, b, c)
# 28
a = cg("Wat was de werklast van het CGVS eind juni 2023?", "werklast", AT("2023-06"))
b = refine(a, "en eind juni 2024?", period=AT("2024-06"))
c = refine(
    b,
    "en op 1 januari 2025?",
    period=AT("2024-12"),
    note="'op 1 januari 2025' -> stock at 31 December 2024; December missing -> 2024-11",
)
C("conversation", "nl", a, b, c)
# 29
a = owned(
    "Hoeveel leefloners vonden in 2023 werk?",
    "POD MI",
    "leefloner",
    "aan_het_werk",
    "leefloners -> POD Maatschappelijke Integratie",
    Y(2023),
)
b = ws(
    "en hoeveel werkzoekenden?",
    "uitstroom_werk",
    Y(2023),
    note="new population (job seekers, VDAB) with the same measure and period: available",
)
c = refine(b, "per provincie", breakdown=["provincie"])
C("conversation", "nl", a, b, c)
# 30
a = ws(
    "Hoeveel werkzoekenden in de provincie Antwerpen vonden in 2023 werk?",
    "uitstroom_werk",
    Y(2023),
    {"provincie": ["Antwerpen"]},
)
b = refine(a, "en hoeveel vielen terug in werkloosheid?", dm="herinstroom")
c = refine(b, "per geslacht", breakdown=["geslacht"])
C("conversation", "nl", a, b, c)
# 31
a = opl("Hoeveel werkzoekenden volgden in 2023 een ICT-opleiding?", Y(2023), {"opleiding": ["ICT"]})
b = refine(a, "per provincie", breakdown=["provincie"])
c = no_dim(
    b,
    "alleen vrouwen",
    "training participants have no gender dimension: the previous figures must not be reused",
    "geslacht",
    ["vrouw"],
)
C("conversation", "nl", a, b, c)
# 32
a = cg("Combien de demandes de protection internationale ont été introduites en 2023 ?", "verzoekers", Y(2023))
b = refine(a, "et en 2022 ?", period=Y(2022))
c = refine(b, "par mois ?", breakdown=["maand"])
C("conversation", "fr", a, b, c)
# 33
a = ws("How many jobseekers found work in 2023?", "uitstroom_werk", Y(2023))
b = refine(a, "by province", breakdown=["provincie"])
c = refine(b, "only Limburg", filters={"provincie": ["Limburg"]})
d = refine(c, "and women only?", filters={"provincie": ["Limburg"], "geslacht": ["vrouw"]})
C("conversation", "en", a, b, c, d)
# 34
a = ws(
    "Hoeveel werkzoekenden waren er op 1 januari 2024 ingeschreven in Antwerpen?",
    "werkzoekenden",
    AT("2023-12"),
    {"provincie": ["Antwerpen"]},
)
b = refine(
    a, "en in 2022 en 2023?", period=YL(2022, 2023), note="stock per year at December 2022 and December 2023; no total"
)
c = refine(b, "per leeftijd", breakdown=["leeftijd"])
C("conversation", "nl", a, b, c)

# sub-questions of one written question (context = earlier sub-questions)
a = ws(
    "1. Hoeveel werkzoekenden met de Oekraïense nationaliteit waren eind 2023 ingeschreven bij VDAB? Graag per provincie.",
    "werkzoekenden",
    AT("2023-12"),
    {"nationaliteit": ["Oekraïens"]},
    ["provincie"],
    note=UKR + "; stock December 2023",
)
b = ws(
    "2. Hoeveel van hen vonden in 2023 werk? Graag eveneens per provincie.",
    "uitstroom_werk",
    Y(2023),
    {"nationaliteit": ["Oekraïens"]},
    ["provincie"],
    note="'van hen' -> same group (nationaliteit Oekraïens); outflow to work in 2023; no cohort tracking in the data",
)
C("subquestions", "nl", a, b)
a = cg("1. Hoeveel verzoeken om internationale bescherming werden er in 2023 ingediend?", "verzoekers", Y(2023))
b = ni(
    "2. Hoeveel van deze aanvragers vonden via VDAB werk?",
    "vdab_werkzoekenden",
    "uitstroom_werk",
    "aan_het_werk",
    Y(2023),
    note=NI_VDAB + "; the applicant total of question 1 must not be reused",
)
C("subquestions", "nl", a, b)
a = cg("1. Hoeveel beslissingen nam het CGVS in 2023?", "beslissingen", Y(2023))
b = na(
    "2. Wat was de beschermingsgraad in datzelfde jaar?",
    "no published protection rate for 2023; never computed from the decisions of question 1",
    owner="CGVS",
    population="asielzoeker",
    measure="beschermingsgraad",
    dataset="gepubliceerde_cijfers",
    measure_type="rate",
    period=Y(2023),
)
C("subquestions", "nl", a, b)
a = ws(
    "1. Hoeveel jongeren onder 25 jaar waren eind 2024 als werkzoekende ingeschreven?",
    "werkzoekenden",
    AT("2024-12"),
    {"leeftijd": ["<25"]},
)
b = ws("2. Hoeveel van deze jongeren vonden in 2024 werk?", "uitstroom_werk", Y(2024), {"leeftijd": ["<25"]})
c = ws("3. Hoeveel van hen vielen in 2024 terug in de werkloosheid?", "herinstroom", Y(2024), {"leeftijd": ["<25"]})
C("subquestions", "nl", a, b, c)
a = opl("1. Hoeveel werkzoekenden volgden in 2023 een opleiding Zorg?", Y(2023), {"opleiding": ["Zorg"]})
b = na(
    "2. Hoeveel van deze cursisten vonden nadien werk?",
    "training participants cannot be linked to outflow to work in these tables",
    owner="VDAB",
    population="werkzoekende",
    measure="aan_het_werk",
    dataset="vdab_opleidingen",
    dm="deelnemers",
    measure_type="flow",
    period=Y(2023),
    filters={"opleiding": ["Zorg"]},
)
C("subquestions", "nl", a, b)
a = owned(
    "1. Hoeveel asielzoekers verbleven op 1 januari 2024 in het opvangnetwerk?",
    "Fedasil",
    "asielzoeker",
    "opvang",
    FED_OPV,
    AT("2023-12"),
    dataset="fedasil_opvang",
    dm="bewoners",
    measure_type="stock",
)
b = owned(
    "2. Hoeveel van hen waren aan het werk?",
    "Fedasil",
    "asielzoeker",
    "aan_het_werk",
    FED_WORK,
    AT("2023-12"),
    dataset="fedasil_opvang",
    dm="bewoners",
    measure_type="stock",
)
C("subquestions", "nl", a, b)
a = cg("1. Hoeveel verzoekers om internationale bescherming waren er in 2022?", "verzoekers", Y(2022))
b = pub(
    "2. Hoeveel van deze verzoekers verklaarden een niet-begeleide minderjarige te zijn?",
    ["DVZ-020"],
    "verzoeken",
    "flow",
    Y(2022),
    "asielzoeker",
    "'deze verzoekers' -> applicants 2022; published DVZ-020",
)
C("subquestions", "nl", a, b)
a = ws(
    "1. Hoeveel werkzoekenden waren eind 2023 ingeschreven in de provincie Limburg?",
    "werkzoekenden",
    AT("2023-12"),
    {"provincie": ["Limburg"]},
)
b = ws(
    "2. Hoeveel van hen waren laaggeschoold?",
    "werkzoekenden",
    AT("2023-12"),
    {"provincie": ["Limburg"], "opleidingsniveau": ["laag"]},
)
c = ws(
    "3. En hoeveel van die laaggeschoolden hadden een nationaliteit buiten de EU?",
    "werkzoekenden",
    AT("2023-12"),
    {"provincie": ["Limburg"], "opleidingsniveau": ["laag"], "nationaliteit": ["andere niet-EU"]},
)
C("subquestions", "nl", a, b, c)
a = cg("1. Hoeveel verzoeken om internationale bescherming werden er in 2023 ingediend?", "verzoekers", Y(2023))
b = pub(
    "2. Welk aandeel van die verzoekers waren vrouwen?",
    ["DVZ-003"],
    "aandeel",
    "rate",
    Y(2023),
    "asielzoeker",
    "published share DVZ-003 for 2023; not computed",
    filters={"geslacht": ["vrouw"]},
)
C("subquestions", "nl", a, b)
a = wpl(
    "1. Hoeveel trajecten werkplekleren werden in 2024 in de provincie Antwerpen gestart?",
    Y(2024),
    {"provincie": ["Antwerpen"]},
)
b = wpl(
    "2. Hoeveel daarvan waren individuele beroepsopleidingen (IBO)?",
    Y(2024),
    {"provincie": ["Antwerpen"], "vorm": ["IBO"]},
)
C("subquestions", "nl", a, b)
a = ni(
    "1. Hoeveel asielzoekers zijn ingeschreven bij VDAB?",
    "vdab_werkzoekenden",
    "werkzoekenden",
    "dienstverlening",
    LATEST("vdab_werkzoekenden"),
)
b = ni("2. Hoeveel van hen volgden in 2024 een opleiding?", "vdab_opleidingen", "deelnemers", "opleiding", Y(2024))
C("subquestions", "nl", a, b)
a = cg("1. Hoeveel beslissingen nam het CGVS in 2020?", "beslissingen", Y(2020))
b = cg(
    "2. En hoeveel verzoeken om internationale bescherming werden er in datzelfde jaar ingediend?",
    "verzoekers",
    Y(2020),
    note="'datzelfde jaar' -> 2020 from question 1; series Jan-Nov plus published DVZ-031",
)
C("subquestions", "nl", a, b)

# --- output ---------------------------------------------------------------------------------


def main() -> None:
    lines = []
    for i, (lang, opts, spec) in enumerate(SINGLES, 1):
        case = {"id": f"s{i:03d}", "type": "single", "lang": lang, "question": spec["question"], "expect": expect(spec)}
        if opts["asked_on"]:
            case["asked_on"] = opts["asked_on"]
        lines.append(case)
    for i, (lang, opts, spec) in enumerate(NEGATIVES, 1):
        case = {
            "id": f"n{i:03d}",
            "type": "negative",
            "lang": lang,
            "question": spec["question"],
            "expect": expect(spec),
        }
        assert case["expect"]["status"] != "available"
        if opts["asked_on"]:
            case["asked_on"] = opts["asked_on"]
        lines.append(case)
    for i, (kind, lang, specs) in enumerate(CHAINS, 1):
        turns = [{"question": s["question"], "expect": expect(s)} for s in specs]
        lines.append({"id": f"c{i:03d}", "type": "chain", "kind": kind, "lang": lang, "turns": turns})
    with OUT.open("w", encoding="utf-8") as handle:
        for case in lines:
            handle.write(json.dumps(case, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"{len(lines)} cases -> {OUT}")


if __name__ == "__main__":
    main()
