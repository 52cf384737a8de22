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


def test_an_export_numbers_sources_and_annexes_without_gaps_after_revisions(tmp_path):
    import re

    from bot.drafting.revise import recompose_statistic
    from tools.reading import Period, Reading

    question = ("1. Hoeveel verzoeken om internationale bescherming werden in 2023 ingediend? Graag per maand.\n"
                "2. Hoeveel verzoeken om internationale bescherming werden in 2022 ingediend? Graag per maand.")
    draft = draft_document(parse_text(question))
    first = Reading.model_validate(draft.parts[0].reading)
    # Two refinements of part 1: while the desk works, part 2 keeps its numbers, so gaps appear.
    for year in (2021, 2020):
        draft, _ = recompose_statistic(draft, 1, first.model_copy(update={"period": Period(start=f"{year}-01", end=f"{year}-12")}))
    working = sorted(c.n for c in draft.sources)
    assert working != list(range(1, len(working) + 1))
    markdown = to_markdown(draft)
    markers = [int(n) for n in re.findall(r"\[(\d+)\]", markdown.split("### Bronnen")[0])]
    assert list(dict.fromkeys(markers)) == list(range(1, len(draft.sources) + 1))
    assert [int(n) for n in re.findall(r"^\[(\d+)\] ", markdown, re.M)] == list(range(1, len(draft.sources) + 1))
    annexes = [int(n) for n in re.findall(r"^### Bijlage (\d+)", markdown, re.M)]
    assert annexes == list(range(1, len(draft.annexes) + 1))
    assert sorted({int(n) for n in re.findall(r"bijlage (\d+)", markdown)}) == annexes
    # Each part still points at its own source: part 2 (untouched, 2022) at the source of the 2022 figures.
    part_two = next(line for line in markdown.splitlines() if line.startswith("2. "))
    cited = {int(x) for x in re.findall(r"\[(\d+)\]", part_two)}
    sources = [line for line in markdown.splitlines() if re.match(r"\[(\d+)\] ", line) and int(line[1:line.index("]")]) in cited]
    assert len(sources) == len(cited) and any("overzicht 2022" in line for line in sources)
    assert not any("2020" in line or "2021" in line for line in sources)
    # The working draft itself keeps its numbers.
    assert sorted(c.n for c in draft.sources) == working
    word = WordDocument(to_docx(draft, tmp_path / "antwoord.docx"))
    listed = [p.text.split("]")[0] + "]" for p in word.paragraphs if re.match(r"\[\d+\] ", p.text)]
    assert listed == [f"[{i}]" for i in range(1, len(draft.sources) + 1)]
