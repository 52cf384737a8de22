"""Export a draft (as edited by the desk) to Word (.docx, house style) and Markdown.

The desk edits the parts as plain text ("1+4-6. …" blocks); annexes and sources come from
the draft itself. Citation markers [n] become superscript references to the source list at
the end (endnotes), so every claim keeps its source in the document the minister signs.
"""

from __future__ import annotations

import re
from pathlib import Path

from bot.drafting.guard import allowed_numbers, unsupported
from bot.drafting.house_style import SYNTHETIC_BANNER
from bot.drafting.model import Draft, DraftPart
from bot.drafting.render import annex_cell, render_markdown, source_line

_PART_START = re.compile(r"^\s*(\d+(?:\s*[-+]\s*\d+)*)\.\s+", re.MULTILINE)
_MARKER = re.compile(r"(\[\d+\])")


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
    return render_markdown(edited_draft(draft, edited_text, header))


def to_docx(draft: Draft, path: Path, edited_text: str | None = None, header: str | None = None) -> Path:
    from docx import Document as WordDocument
    from docx.shared import Pt

    draft = edited_draft(draft, edited_text, header)
    word = WordDocument()
    style = word.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(11)

    minister = word.add_paragraph()
    minister.add_run(draft.minister.upper()).bold = True
    minister.add_run("\n" + draft.minister_title.upper())
    heading = word.add_paragraph()
    heading.add_run(draft.header).bold = True
    if draft.title:
        word.add_paragraph(draft.title).runs[0].italic = True

    for part in draft.parts:
        paragraphs = part.text.split("\n")
        first = word.add_paragraph()
        if part.label:
            first.add_run(f"{part.label}. ").bold = True
        _add_with_markers(first, paragraphs[0])
        for extra in paragraphs[1:]:
            if extra.strip():
                _add_with_markers(word.add_paragraph(), extra)

    for annex in draft.annexes:
        word.add_heading(f"Bijlage {annex.number}: {annex.title}", level=2)
        if annex.synthetic:
            word.add_paragraph().add_run(SYNTHETIC_BANNER.strip("*")).bold = True
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
    path = Path(path)
    word.save(path)
    return path


def _add_with_markers(paragraph, text: str) -> None:
    for piece in _MARKER.split(text):
        if not piece:
            continue
        run = paragraph.add_run(piece)
        if _MARKER.fullmatch(piece):
            run.font.superscript = True
