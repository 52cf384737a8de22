"""The Word file as the desk receives it: real bold instead of `**`, lists, the synthetic-data warning
as a shaded line, annex tables, Dutch proofing, and a file name from the question's number and title."""

import io

from docx import Document as WordDocument
from docx.oxml.ns import qn

from bot.drafting.export import docx_bytes, export_file_name
from bot.drafting.house_style import SYNTHETIC_BANNER
from bot.drafting.pipeline import draft_document
from bot.parse.files import parse_text
from tests.conftest import seed_question_only

SYNTHETIC_QUESTION = "1. Hoeveel werkzoekenden waren er in 2023 per provincie?\n2. Welke acties neemt de minister?"


def _word(draft, edited=None):
    return WordDocument(io.BytesIO(docx_bytes(draft, edited)))


def test_no_markdown_is_left_and_the_synthetic_warning_is_a_shaded_line():
    draft = draft_document(parse_text(SYNTHETIC_QUESTION))
    assert draft.parts[0].text.startswith("**SYNTHETISCHE DEMODATA")  # the composed text carries the Markdown warning
    word = _word(draft)
    texts = [p.text for p in word.paragraphs]
    assert not any("**" in t for t in texts)
    warnings = [p for p in word.paragraphs if p.text == "SYNTHETISCHE DEMODATA – geen officiële cijfers."]
    assert len(warnings) == 2  # before part 1 and above the annex table
    for paragraph in warnings:
        assert all(r.bold for r in paragraph.runs)
        assert paragraph._p.pPr.find(qn("w:shd")).get(qn("w:fill")) == "FFF3CD"
    first = texts.index(warnings[0].text)
    # the part follows its warning, label first
    assert texts[first + 1] == "1. " + draft.parts[0].text.replace(SYNTHETIC_BANNER, "").strip().split("\n")[0]
    (table,) = word.tables
    assert [c.text for c in table.rows[0].cells] == draft.annexes[0].columns


def test_bold_and_lists_in_an_edit_become_word_formatting():
    draft = draft_document(parse_text(SYNTHETIC_QUESTION))
    edited = (f"1. {draft.parts[0].text}\n\n2. Wij nemen **drie** acties:\n- een opleiding [1]\n- een jobbeurs\n\n"
              "3. - alleen een lijst")
    word = _word(draft, edited)
    paragraphs = word.paragraphs
    intro = next(p for p in paragraphs if p.text.startswith("2. Wij nemen"))
    assert [(r.text, bool(r.bold)) for r in intro.runs] == [("2. ", True), ("Wij nemen ", False), ("drie", True), (" acties:", False)]
    bullets = [p for p in paragraphs if p.style.name == "List Bullet"]
    assert [p.text for p in bullets] == ["een opleiding [1]", "een jobbeurs", "alleen een lijst"]
    marker = next(r for r in bullets[0].runs if r.text == "[1]")
    assert marker.font.superscript
    label_only = paragraphs[[p.text for p in paragraphs].index("alleen een lijst") - 1]
    assert label_only.text == "3." and label_only.runs[0].bold


def test_the_document_is_proofed_in_dutch():
    word = _word(draft_document(parse_text(SYNTHETIC_QUESTION)))
    language = word.styles["Normal"].element.rPr.find(qn("w:lang"))
    assert language.get(qn("w:val")) == "nl-BE"


def test_file_names_come_from_the_question_number_and_title():
    seed = draft_document(parse_text(seed_question_only()))
    assert export_file_name(seed, "docx") == "antwoord-216-tewerkstelling-asielzoekers.docx"
    pasted = draft_document(parse_text(SYNTHETIC_QUESTION))
    assert export_file_name(pasted, "md", SYNTHETIC_QUESTION) == "antwoord-hoeveel-werkzoekenden-waren-er-in-2023-per.md"
    assert export_file_name(pasted, "docx") == "antwoord.docx"
    titled = seed.model_copy(update={"title": "Oekraïense ontheemden: huisvesting & werk / 2024"})
    assert export_file_name(titled, "docx") == "antwoord-216-oekraiense-ontheemden-huisvesting-werk-2024.docx"
