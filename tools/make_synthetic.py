"""Generate the synthetic demonstration datasets (fixed seed, so every run gives the same files).

Real VDAB microdata and Fedasil per-resident data are not public. These tables have the
shapes a ministry would load from real exports, so that every tool can be shown and tested;
the catalog marks them `synthetic` and every result drawn from them says so.
VDAB tables have no asylum-status column, as in reality.

    python -m tools.make_synthetic      # rewrites tools/data/synthetic/*.csv
"""

from __future__ import annotations

import csv
from itertools import product
from pathlib import Path

import numpy as np

SEED = 20240202
OUT = Path(__file__).resolve().parent / "data" / "synthetic"

PROVINCES = {"Antwerpen": 1.0, "Limburg": 0.55, "Oost-Vlaanderen": 0.85, "Vlaams-Brabant": 0.6, "West-Vlaanderen": 0.5}
MONTHS = [f"{y}-{m:02d}" for y in (2022, 2023, 2024) for m in range(1, 13)]


def _write(name: str, header: list[str], rows: list[list]) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / name
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    return path


def vdab_jobseekers(rng: np.random.Generator) -> Path:
    genders = {"man": 1.05, "vrouw": 0.95}
    ages = {"<25": 0.6, "25-49": 1.4, "50+": 1.0}
    nationalities = {"Belg": 6.0, "EU": 0.9, "Oekraïens": 0.25, "andere niet-EU": 1.6}
    education = {"laag": 1.2, "midden": 1.0, "hoog": 0.7}
    rows = []
    for month, (prov, pw), (gen, gw), (age, aw), (nat, nw), (edu, ew) in product(
        MONTHS, PROVINCES.items(), genders.items(), ages.items(), nationalities.items(), education.items()
    ):
        mean = 95 * pw * gw * aw * nw * ew
        stock = int(rng.poisson(mean))
        outflow = int(rng.binomial(stock, 0.07)) if stock else 0
        back = int(rng.binomial(outflow, 0.2)) if outflow else 0
        rows.append([month, prov, gen, age, nat, edu, stock, outflow, back])
    header = ["maand", "provincie", "geslacht", "leeftijdsgroep", "nationaliteitsgroep", "opleidingsniveau",
              "werkzoekenden_zonder_werk", "uitstroom_naar_werk", "herinstroom_na_werk"]
    return _write("vdab_werkzoekenden.csv", header, rows)


def vdab_training(rng: np.random.Generator) -> Path:
    trainings = {"Nederlands voor anderstaligen": 3.0, "Logistiek": 1.2, "Bouw": 0.8, "Zorg": 1.1, "ICT": 0.9, "Horeca": 0.6, "Techniek": 1.0}
    rows = [
        [year, prov, training, int(rng.poisson(900 * pw * tw))]
        for year, (prov, pw), (training, tw) in product((2022, 2023, 2024), PROVINCES.items(), trainings.items())
    ]
    return _write("vdab_opleidingen.csv", ["jaar", "provincie", "opleiding", "deelnemers"], rows)


def vdab_workplace_learning(rng: np.random.Generator) -> Path:
    forms = {"IBO": 2.0, "Stage": 1.3, "Werkervaring": 0.7, "Duaal leren": 0.9}
    rows = [
        [year, prov, form, int(rng.poisson(600 * pw * fw))]
        for year, (prov, pw), (form, fw) in product((2022, 2023, 2024), PROVINCES.items(), forms.items())
    ]
    return _write("vdab_werkplekleren.csv", ["jaar", "provincie", "vorm", "trajecten"], rows)


def fedasil_reception(rng: np.random.Generator) -> Path:
    # Centre names are placeholders ("opvangcentrum A"), not real centres.
    centres = [("Antwerpen", "opvangcentrum A"), ("Limburg", "opvangcentrum B"), ("Limburg", "opvangcentrum C"),
               ("Oost-Vlaanderen", "opvangcentrum D"), ("West-Vlaanderen", "opvangcentrum E"), ("Brussel", "opvangcentrum F"),
               ("Luik", "opvangcentrum G"), ("Henegouwen", "opvangcentrum H")]
    dates = [f"{y}-{m:02d}-01" for y in (2022, 2023, 2024) for m in (1, 4, 7, 10)]
    nationalities = {"Afghanistan": 2.0, "Syrië": 1.5, "Eritrea": 1.0, "Palestina": 1.2, "Turkije": 0.8, "Burundi": 0.6, "andere": 2.5}
    genders = {"man": 1.6, "vrouw": 0.6}
    ages = {"<18": 0.8, "18-25": 1.0, "26-49": 1.3, "50+": 0.3}
    rows = []
    for date, (prov, centre), (nat, nw), (gen, gw), (age, aw) in product(dates, centres, nationalities.items(), genders.items(), ages.items()):
        residents = int(rng.poisson(14 * nw * gw * aw))
        working_share = 0.0 if age == "<18" else 0.15
        working = int(rng.binomial(residents, working_share)) if residents else 0
        rows.append([date, prov, centre, nat, gen, age, "ja", working])
        rows.append([date, prov, centre, nat, gen, age, "nee", residents - working])
    header = ["datum", "provincie", "centrum", "nationaliteit", "geslacht", "leeftijdsgroep", "werkend", "bewoners"]
    return _write("fedasil_opvang.csv", header, rows)


def main() -> list[Path]:
    rng = np.random.default_rng(SEED)
    return [vdab_jobseekers(rng), vdab_training(rng), vdab_workplace_learning(rng), fedasil_reception(rng)]


if __name__ == "__main__":
    for path in main():
        print(f"wrote {path}")
