import csv
import gzip
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SEED = CORPUS / "vlaams-parlement" / "schv-216-2023-2024-tewerkstelling-asielzoekers.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def qrva_rows() -> dict[str, dict[str, str]]:
    with gzip.open(CORPUS / "dekamer-qrva-2017" / "qrva-2017.csv.gz", "rt", encoding="utf-8") as handle:
        return {row["doc_id"]: row for row in csv.DictReader(handle)}
