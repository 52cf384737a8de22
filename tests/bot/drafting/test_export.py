"""Export: the draft as the desk edited it, in Word and Markdown, every marker kept as a reference."""

from docx import Document as WordDocument

from bot.drafting.export import edited_draft, parts_as_text, to_docx, to_markdown
from bot.drafting.pipeline import draft_document
from bot.parse.files import parse_text

QUESTION = ("1. Hoeveel verzoeken om internationale bescherming werden in 2023 ingediend? Graag per maand.\n"
            "2. Hoeveel asielzoekers volgden een opleiding bij VDAB?")


def test_edits_replace_the_part_texts_and_keep_the_rest():
    draft = draft_document(parse_text(QUESTION))
    edited = parts_as_text(draft).replace("Asielzoekers worden niet apart", "Asielzoekers worden helaas niet apart")
    copy = edited_draft(draft, edited, header="ANTWOORD op vraag nr. 12 van 3 maart 2024 van AN DE VOS")
    assert copy.header == "ANTWOORD op vraag nr. 12 van 3 maart 2024 van AN DE VOS"
    assert "helaas" in copy.parts[1].text and copy.parts[0].text == draft.parts[0].text
    assert copy.annexes == draft.annexes and copy.sources == draft.sources
    assert "helaas" not in draft.parts[1].text  # the original is untouched
    assert "helaas" in to_markdown(draft, edited)


def test_word_file_has_parts_annex_table_and_superscript_markers(tmp_path):
    draft = draft_document(parse_text(QUESTION))
    path = to_docx(draft, tmp_path / "antwoord.docx")
    word = WordDocument(path)
    paragraphs = [p for p in word.paragraphs]
    part_two = next(p for p in paragraphs if p.text.startswith("2. "))
    markers = [r for r in part_two.runs if r.text.startswith("[")]
    assert markers and all(r.font.superscript for r in markers)
    (table,) = word.tables
    assert [c.text for c in table.rows[0].cells] == draft.annexes[0].columns
    assert any(p.text.startswith(f"[{draft.sources[-1].n}] ") for p in paragraphs)
