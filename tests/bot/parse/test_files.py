"""Files: PDF (built here from the seed's text), open-data JSON fixtures, bad input."""

import json

import pytest
from fpdf import FPDF

from bot.parse.errors import ParseError
from bot.parse.files import parse_bytes, parse_path
from bot.parse.flemish import parse_question_text
from tests.conftest import FIXTURES


def make_pdf(text: str | None) -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    if text is None:
        pdf.rect(20, 20, 50, 50)  # a page with a drawing and no text, like a scan
    else:
        for line in text.splitlines():
            pdf.cell(0, 5, line.encode("latin-1", "replace").decode("latin-1"), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def test_pdf_parses_like_its_text(seed_text):
    from_pdf = parse_bytes(make_pdf(seed_text), "seed.pdf")
    from_text = parse_question_text(seed_text)
    assert from_pdf.id == from_text.id == "vp:2023-2024:216"
    assert [s.text for s in from_pdf.subquestions] == [s.text for s in from_text.subquestions]
    assert [p.numbers for p in from_pdf.answer_parts] == [[1, 4, 5, 6], [2, 3], [3], [7], [8]]


def test_pdf_without_text_is_a_clear_error():
    with pytest.raises(ParseError, match="no text layer"):
        parse_bytes(make_pdf(None), "scan.pdf")


def test_broken_pdf():
    with pytest.raises(ParseError, match="cannot read the PDF"):
        parse_bytes(b"%PDF-1.4\nthis is not really a pdf", "broken.pdf")


def test_opendata_detail_fixture():
    doc = parse_path(FIXTURES / "vlpar-opendata-schv.json")
    raw = json.loads((FIXTURES / "vlpar-opendata-schv.json").read_text(encoding="utf-8"))
    assert doc.id == f"vp:{raw['zittingsjaar']}:{raw['vraagnummer']}"
    assert doc.mp.name == f"{raw['vraagsteller']['voornaam']} {raw['vraagsteller']['naam']}"
    assert doc.addressee == f"{raw['minister']['voornaam']} {raw['minister']['naam']}"
    assert doc.title == raw["titel"]
    assert doc.themes == raw["thema"]
    assert doc.url == raw["bestand-ordered"][0]["URL"]
    assert doc.date.isoformat() == "2024-02-02"


def test_opendata_without_question_fields():
    with pytest.raises(ParseError, match="open-data"):
        parse_bytes(b'{"foo": 1}', "other.json")


def test_malformed_json():
    with pytest.raises(ParseError, match="invalid JSON"):
        parse_bytes(b'{"vraagnummer": ', "cut.json")


@pytest.mark.parametrize(
    "data, message",
    [(b"", "empty"), (b"\x00\x01\x02binary\x00", "binary"), (b"\n\n  \n", "empty")],
)
def test_bad_bytes(data, message):
    with pytest.raises(ParseError, match=message):
        parse_bytes(data, "input.txt")


def test_huge_text_is_refused():
    with pytest.raises(ParseError, match="at most"):
        parse_bytes(("Hoeveel? " * 40_000).encode(), "huge.txt")
