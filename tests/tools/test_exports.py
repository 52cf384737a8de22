"""Registering a real export: validated on load, errors name the row and column."""

import filecmp
import shutil

import pytest

from tools import make_synthetic
from tools.catalog import CATALOG_FILE, DATA_DIR, CatalogError, load_catalog
from tools.datasets import ExportError, load_export

HEADER = "jaar,provincie,opleiding,deelnemers\n"


def training_dataset():
    return load_catalog().dataset("vdab_opleidingen")


def load(tmp_path, text, name="export.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    ds = training_dataset()
    return load_export(path, ds.export, ds)


def test_a_valid_export_loads(tmp_path):
    frame = load(tmp_path, HEADER + "2023,Limburg,ICT,12\n2023,Antwerpen,Bouw,7\n")
    assert frame["deelnemers"].sum() == 19


def test_semicolon_export_from_excel_loads(tmp_path):
    frame = load(tmp_path, HEADER.replace(",", ";") + "2023;Limburg;ICT;12\n")
    assert list(frame["provincie"]) == ["Limburg"]


def test_xlsx_export_loads(tmp_path):
    import pandas as pd

    path = tmp_path / "export.xlsx"
    pd.DataFrame({"jaar": [2024], "provincie": ["Limburg"], "opleiding": ["Zorg"], "deelnemers": [3]}).to_excel(path, index=False)
    ds = training_dataset()
    assert load_export(path, ds.export, ds)["deelnemers"].tolist() == [3]


@pytest.mark.parametrize(
    "text, message",
    [
        (HEADER.replace("deelnemers", "deelnemers,gemeente") + "2023,Limburg,ICT,12,Genk\n", r"unknown column\(s\) \['gemeente'\]"),
        ("jaar,provincie,opleiding\n2023,Limburg,ICT\n", r"missing column\(s\) \['deelnemers'\]"),
        (HEADER + "2023,Limburg,ICT,12\n2023,Limburg,ICT,-3\n", r"row 3, column 'deelnemers': negative count -3"),
        (HEADER + "twintig,Limburg,ICT,12\n", r"row 2, column 'jaar': 'twintig' is not a whole number"),
        (HEADER + "2023,Gent,ICT,12\n", r"row 2, column 'provincie': 'Gent' is not one of"),
        (HEADER + "2023,Limburg,ICT,veel\n", r"row 2, column 'deelnemers': 'veel' is not a number"),
        (HEADER + "2023,Limburg,ICT,2.5\n", r"not a whole count"),
        (HEADER, "no rows"),
    ],
)
def test_malformed_exports_name_row_and_column(tmp_path, text, message):
    with pytest.raises(ExportError, match=message):
        load(tmp_path, text)


def test_missing_export_file(tmp_path):
    ds = training_dataset()
    with pytest.raises(ExportError, match="not found"):
        load_export(tmp_path / "nope.csv", ds.export, ds)


def test_invalid_catalog_is_a_clear_error(tmp_path):
    broken = CATALOG_FILE.read_text(encoding="utf-8").replace("owner: VDAB\n", "owner: Nobody\n", 1)
    path = tmp_path / "catalog.yaml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(CatalogError, match="owner 'Nobody' is not in owners"):
        load_catalog(path)


def test_synthetic_files_are_reproduced_by_the_script(tmp_path, monkeypatch):
    monkeypatch.setattr(make_synthetic, "OUT", tmp_path)
    for path in make_synthetic.main():
        assert filecmp.cmp(path, DATA_DIR / "synthetic" / path.name, shallow=False), path.name


def test_vdab_tables_have_no_asylum_status_column():
    catalog = load_catalog()
    for ds in catalog.datasets:
        if ds.owner == "VDAB":
            names = [d.name for d in ds.dimensions] + list(ds.export.columns)
            assert not any("asiel" in n or "status" in n or "verblijf" in n for n in names), ds.id
            assert "asielzoeker" in [e.population for e in ds.cannot_identify]


def test_every_synthetic_dataset_is_marked():
    for ds in load_catalog().datasets:
        if ds.export and ds.export.file.startswith("synthetic/"):
            assert ds.synthetic and "demonstratiedata" in ds.title and "Synthetisch" in ds.licence


def test_copy_of_an_export_can_be_registered(tmp_path):
    # The documented path: copy the export next to the catalog and point an entry at it.
    shutil.copy(DATA_DIR / "synthetic" / "vdab_opleidingen.csv", tmp_path / "opleidingen.csv")
    ds = training_dataset()
    spec = ds.export.model_copy(update={"file": str(tmp_path / "opleidingen.csv")})
    assert len(load_export(tmp_path / "opleidingen.csv", spec, ds)) == 105
