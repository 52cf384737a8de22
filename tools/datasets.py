"""Load the datasets named in the catalog into pandas tables.

Real sources get their own parser (CGVS monthly figures, published key figures); everything
else is an export (CSV/XLSX) loaded through a column mapping and validated row by row, the
way a ministry would load a VDAB or Fedasil extract.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

from tools.catalog import DATA_DIR, Catalog, Dataset, ExportSpec, default_catalog
from tools.errors import PQError
from tools.text import DUTCH_MONTHS


class ExportError(PQError):
    """An export file that does not fit its catalog entry; the message names row and column."""


def dutch_int(text: str | None) -> int | None:
    """'2.739' -> 2739 (Dutch thousands separator); '236' -> 236; blank -> None (not published)."""
    cleaned = "" if text is None or pd.isna(text) else str(text).strip().replace("\xa0", "").replace(" ", "")
    if not cleaned:
        return None
    if not re.fullmatch(r"\d{1,3}(\.\d{3})*|\d+", cleaned):
        raise ValueError(f"not a Dutch whole number: {text!r}")
    return int(cleaned.replace(".", ""))


# Country names that contain " en " themselves, so the list parser must not split them.
_COMPOUND_COUNTRIES = ["Bosnië en Herzegovina", "Trinidad en Tobago", "Saint Kitts en Nevis", "Sao Tomé en Principe"]


# The same country written two ways across months.
_ALIASES = {"Democratische Republiek Congo (DRC)": "Congo (DRC)"}


def split_nationalities(text: str | None) -> list[str]:
    """'Syrië, Afghanistan en El Salvador ,Irak, …' -> ['Syrië', 'Afghanistan', 'El Salvador', 'Irak', …]."""
    if text is None or pd.isna(text):
        return []  # two months were published without the list
    text = re.sub(r"\s+", " ", str(text).replace("\xa0", " ")).strip()
    protected = text
    for index, name in enumerate(_COMPOUND_COUNTRIES):
        protected = protected.replace(name, f"@{index}@")
    names = []
    for chunk in re.split(r"\s*,\s*|\s+en\s+", protected):
        chunk = chunk.strip()
        chunk = re.sub(r"^de\s+", "", chunk)
        if chunk:
            name = re.sub(r"@(\d+)@", lambda m: _COMPOUND_COUNTRIES[int(m.group(1))], chunk)
            names.append(_ALIASES.get(name, name))
    return names


def _cgvs_raw() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / "cgvs-monthly" / "cgvs-monthly-2020-2025.csv", dtype=str)


def load_cgvs_monthly() -> pd.DataFrame:
    raw = _cgvs_raw()
    rows = []
    for index, row in raw.iterrows():
        month = DUTCH_MONTHS.get(row["month"].strip().lower())
        if month is None or month != int(row["month_id"]):
            raise PQError(f"CGVS row {index + 2}: month {row['month']!r} does not match month_id {row['month_id']}")
        rows.append(
            {
                "jaar": int(row["year"]),
                "maand": month,
                "verzoekers": dutch_int(row["count_applicants_international_protection"]),
                "beslissingen": dutch_int(row["count_cgvs_decisions"]),
                "werklast": dutch_int(row["workload"]),
            }
        )
    table = pd.DataFrame(rows)
    for column in ("verzoekers", "beslissingen", "werklast"):
        table[column] = table[column].astype("Int64")  # a month CGVS did not publish stays missing
    return table


def load_cgvs_nationalities() -> pd.DataFrame:
    rows = []
    for _, row in _cgvs_raw().iterrows():
        names = split_nationalities(row["top_10_nationalities_applicants_international_protection"])
        for rank, name in enumerate(names, start=1):
            rows.append({"jaar": int(row["year"]), "maand": int(row["month_id"]), "rang": rank, "nationaliteit": name, "vermeldingen": 1})
    return pd.DataFrame(rows)


def load_published_figures() -> pd.DataFrame:
    table = pd.read_csv(DATA_DIR / "published-figures" / "published_figures.csv", dtype=str).fillna("")
    table["value"] = table["value"].astype(float)
    return table


def _read_table(path: Path) -> pd.DataFrame:
    if not path.is_file():
        raise ExportError(f"export file not found: {path}")
    try:
        if path.suffix.lower() in {".xlsx", ".xls"}:
            return pd.read_excel(path, dtype=str)
        return pd.read_csv(path, dtype=str, keep_default_na=False, sep=None, engine="python")
    except (ValueError, OSError, pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise ExportError(f"cannot read {path.name}: {exc}") from None


def load_export(path: Path, spec: ExportSpec, dataset: Dataset) -> pd.DataFrame:
    """Read an export and check it against its catalog entry: columns, types, values, counts."""
    table = _read_table(path)
    table.columns = [str(c).strip() for c in table.columns]
    unknown = [c for c in table.columns if c not in spec.columns]
    if unknown:
        raise ExportError(f"{path.name}: unknown column(s) {unknown}; the mapping expects {list(spec.columns)}")
    missing = [c for c in spec.columns if c not in table.columns]
    if missing:
        raise ExportError(f"{path.name}: missing column(s) {missing}")
    if table.empty:
        raise ExportError(f"{path.name}: the file has a header but no rows")
    table = table.rename(columns=spec.columns)

    def fail(row_index: int, column: str, message: str) -> ExportError:
        # +2: one for the header line, one because people count rows from 1.
        return ExportError(f"{path.name}, row {row_index + 2}, column {column!r}: {message}")

    for dim in dataset.dimensions:
        if dim.name not in table.columns:
            continue
        column = table[dim.name].astype(str).str.strip()
        if dim.type == "int":
            bad = ~column.str.fullmatch(r"-?\d+")
            if bad.any():
                i = int(bad.idxmax())
                raise fail(i, dim.name, f"{column[i]!r} is not a whole number")
            table[dim.name] = column.astype(int)
        elif dim.type == "month":
            bad = ~column.str.fullmatch(r"\d{4}-(0[1-9]|1[0-2])")
            if bad.any():
                i = int(bad.idxmax())
                raise fail(i, dim.name, f"{column[i]!r} is not a month (YYYY-MM)")
            table[dim.name] = column
        elif dim.type == "date":
            parsed = pd.to_datetime(column, format="%Y-%m-%d", errors="coerce")
            if parsed.isna().any():
                i = int(parsed.isna().idxmax())
                raise fail(i, dim.name, f"{column[i]!r} is not a date (YYYY-MM-DD)")
            table[dim.name] = column
        else:
            table[dim.name] = column
        if dim.values is not None:
            allowed = {str(v) for v in dim.values}
            bad = ~table[dim.name].astype(str).isin(allowed)
            if bad.any():
                i = int(bad.idxmax())
                raise fail(i, dim.name, f"{table[dim.name][i]!r} is not one of {sorted(allowed)}")
    for measure in dataset.measures:
        if measure.name not in table.columns:
            continue
        values = pd.to_numeric(table[measure.name].astype(str).str.strip(), errors="coerce")
        if values.isna().any():
            i = int(values.isna().idxmax())
            raise fail(i, measure.name, f"{table[measure.name][i]!r} is not a number")
        if (values < 0).any():
            i = int((values < 0).idxmax())
            raise fail(i, measure.name, f"negative count {values[i]:g}")
        if (values % 1 != 0).any():
            i = int((values % 1 != 0).idxmax())
            raise fail(i, measure.name, f"{values[i]:g} is not a whole count")
        table[measure.name] = values.astype(int)
    return table


_LOADERS = {
    "cgvs_monthly": load_cgvs_monthly,
    "cgvs_nationalities": load_cgvs_nationalities,
    "published_figures": load_published_figures,
}


def load_dataset(dataset: Dataset) -> pd.DataFrame:
    if dataset.loader == "export":
        assert dataset.export is not None
        return load_export(DATA_DIR / dataset.export.file, dataset.export, dataset)
    return _LOADERS[dataset.loader]()


@lru_cache(maxsize=32)
def _cached(dataset_id: str) -> pd.DataFrame:
    return load_dataset(default_catalog().dataset(dataset_id))


def table(dataset_id: str, catalog: Catalog | None = None) -> pd.DataFrame:
    """The dataset as a table (a copy: callers may change it)."""
    if catalog is None or catalog is default_catalog():
        return _cached(dataset_id).copy()
    return load_dataset(catalog.dataset(dataset_id))
