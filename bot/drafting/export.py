"""Export a draft (as edited by the desk) to Word (.docx, house style) and Markdown.

The desk edits the parts as plain text ("1+4-6. …" blocks); annexes and sources come from
the draft itself. Citation markers [n] become superscript references to the source list at
the end (endnotes), so every claim keeps its source in the document the minister signs.
In Word, the Markdown of the text becomes formatting: `**bold**` runs, `- ` lines a bulleted
list, the synthetic-data warning a shaded line; annexes are tables.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from bot.drafting.guard import allowed_numbers, unsupported
from bot.drafting.house_style import SYNTHETIC_BANNER
from bot.drafting.model import Draft, DraftPart
from bot.drafting.render import annex_cell, render_markdown, source_line
from bot.drafting.sources import in_reading_order

_PART_START = re.compile(r"^\s*(\d+(?:\s*[-+]\s*\d+)*)\.\s+", re.MULTILINE)
_MARKER = re.compile(r"(\[\d+\])")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_BULLET = re.compile(r"^\s*[-*•]\s+")
_QUESTION_NUMBER = re.compile(r"\bvraag nr\.\s*(\d+)", re.IGNORECASE)
SYNTHETIC_LINE = SYNTHETIC_BANNER.strip("*")


def parts_as_text(draft: Draft) -> str:
    """The editable form of the parts: one block per part, label first."""
    return "\n\n".join(f"{p.label}. {p.text}" for p in draft.parts)


def parse_edited(text: str) -> list[tuple[str, str]]:
    """[(label, text)] from the edited blocks; text before the first label becomes an unlabelled part."""
    text = (text or "").strip()
    starts = list(_PART_START.finditer(text))
    parts: list[tuple[str, str]] = []
    if not starts:
        return [("", text)] if text else []
    if text[: starts[0].start()].strip():
        parts.append(("", text[: starts[0].start()].strip()))
    for i, match in enumerate(starts):
        end = starts[i + 1].start() if i + 1 < len(starts) else len(text)
        parts.append((re.sub(r"\s+", "", match.group(1)), text[match.end():end].strip()))
    return parts


def edited_draft(draft: Draft, edited_text: str | None, header: str | None = None) -> Draft:
    """A copy of the draft with the desk's edits: part texts and, when given, the header line."""
    copy = draft.model_copy(deep=True)
    if header and header.strip():
        copy.header = " ".join(header.split())
    if edited_text is None:
        copy.text = render_markdown(copy)
        return copy
    by_label = {p.label: p for p in copy.parts}
    new_parts = []
    for label, text in parse_edited(edited_text):
        part = by_label.get(label)
        if part is None:  # a part the desk added or relabelled
            part = DraftPart(numbers=[], label=label, kind="other", status="edited", text=text)
        part = part.model_copy(update={"text": text})
        new_parts.append(part)
    copy.parts = new_parts
    copy.text = render_markdown(copy)
    return copy


def unsupported_in_edit(draft: Draft, edited_text: str | None, header: str | None = None) -> list[str]:
    """Numbers the desk wrote into the edited parts that no figure or cited source of the draft holds."""
    allowed = allowed_numbers(draft)
    edited = edited_draft(draft, edited_text, header)
    found: list[str] = []
    for part in edited.parts:
        found += [n for n in unsupported(part.text, allowed) if n not in found]
    return found


def to_markdown(draft: Draft, edited_text: str | None = None, header: str | None = None) -> str:
    return render_markdown(in_reading_order(edited_draft(draft, edited_text, header)))


def export_file_name(draft: Draft, fmt: str, question_text: str | None = None) -> str:
    """`antwoord-216-tewerkstelling-asielzoekers.docx`: the question's number and a few words of its
    title (without a leading "VDAB - "-style organisation), else of the question itself."""
    from tools.text import fold

    number = _QUESTION_NUMBER.search(draft.header or "")
    title = draft.title or ""
    prefix, sep, rest = title.partition(" - ")
    if sep and rest.strip() and len(prefix.split()) <= 3:
        title = rest
    if not title.strip() and question_text:
        first = _PART_START.sub("", question_text.strip(), count=1)
        title = re.split(r"[?.!\n]", first, maxsplit=1)[0]
    words = re.findall(r"[a-z0-9]+", fold(title))
    slug = ""
    for word in words:
        if len(slug) + len(word) + 1 > 50:
            break
        slug = f"{slug}-{word}" if slug else word
    name = "-".join(x for x in ["antwoord", number.group(1) if number else "", slug] if x)
    return f"{name}.{fmt}"


def to_docx(draft: Draft, path: Path, edited_text: str | None = None, header: str | None = None) -> Path:
    path = Path(path)
    path.write_bytes(docx_bytes(draft, edited_text, header))
    return path


def docx_bytes(draft: Draft, edited_text: str | None = None, header: str | None = None) -> bytes:
    from docx import Document as WordDocument
    from docx.shared import Pt

    draft = in_reading_order(edited_draft(draft, edited_text, header))
    word = WordDocument()
    style = word.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(11)
    _dutch_proofing(style)

    minister = word.add_paragraph()
    minister.add_run(draft.minister.upper()).bold = True
    minister.add_run("\n" + draft.minister_title.upper())
    heading = word.add_paragraph()
    heading.add_run(draft.header).bold = True
    if draft.title:
        word.add_paragraph(draft.title).runs[0].italic = True

    for part in draft.parts:
        labelled = not part.label
        for line in _lines(part.text):
            if line == SYNTHETIC_BANNER:  # the warning stands on its own line, before the part's text
                _synthetic_line(word.add_paragraph())
                continue
            if not labelled and _BULLET.match(line):  # the label on its own line before a list
                word.add_paragraph().add_run(f"{part.label}.").bold = True
                labelled = True
            _add_line(word, line, "" if labelled else part.label)
            labelled = True
        if not labelled:
            word.add_paragraph().add_run(f"{part.label}.").bold = True

    for annex in draft.annexes:
        word.add_heading(f"Bijlage {annex.number}: {annex.title}", level=2)
        if annex.synthetic:
            _synthetic_line(word.add_paragraph())
        table = word.add_table(rows=1, cols=len(annex.columns))
        table.style = "Table Grid"
        for cell, name in zip(table.rows[0].cells, annex.columns, strict=True):
            cell.text = str(name)
            cell.paragraphs[0].runs[0].bold = True
        for row in annex.rows:
            cells = table.add_row().cells
            for i, value in enumerate(row):
                cells[i].text = annex_cell(annex, i, value)
        word.add_paragraph(annex.note).runs[0].italic = True

    if draft.sources:
        word.add_heading("Bronnen", level=2)
        for citation in draft.sources:
            word.add_paragraph(f"[{citation.n}] {source_line(citation)}")
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _lines(text: str) -> list[str]:
    """The non-empty lines of a part, the synthetic-data warning split off as a line of its own."""
    lines: list[str] = []
    for line in text.split("\n"):
        pieces = [p.strip() for p in line.split(SYNTHETIC_BANNER)]
        for i, piece in enumerate(pieces):
            if i:
                lines.append(SYNTHETIC_BANNER)
            if piece:
                lines.append(piece)
    return lines


def _add_line(word, line: str, label: str = ""):
    """One line of a part as a Word paragraph: a bulleted item, or text after the part's label."""
    if _BULLET.match(line):
        paragraph = word.add_paragraph(style="List Bullet")
        _add_inline(paragraph, _BULLET.sub("", line, count=1))
        return paragraph
    paragraph = word.add_paragraph()
    if label:
        paragraph.add_run(f"{label}. ").bold = True
    _add_inline(paragraph, line)
    return paragraph


def _add_inline(paragraph, text: str) -> None:
    """`**bold**` as bold runs, [n] as superscript."""
    for i, chunk in enumerate(_BOLD.split(text)):
        bold = i % 2 == 1
        for piece in _MARKER.split(chunk):
            if not piece:
                continue
            run = paragraph.add_run(piece)
            run.bold = bold or None
            if _MARKER.fullmatch(piece):
                run.font.superscript = True


def _dutch_proofing(style) -> None:
    """Word checks spelling in Dutch (Belgium) rather than in the template's English."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    language = OxmlElement("w:lang")
    language.set(qn("w:val"), "nl-BE")
    style.element.get_or_add_rPr().append(language)


def _synthetic_line(paragraph):
    """The synthetic-data warning: bold dark-red text on a light amber band."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import RGBColor

    run = paragraph.add_run(SYNTHETIC_LINE)
    run.bold = True
    run.font.color.rgb = RGBColor(0x8A, 0x1C, 0x1C)
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), "FFF3CD")
    paragraph._p.get_or_add_pPr().append(shading)
    return paragraph
