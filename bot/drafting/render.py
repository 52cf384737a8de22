"""Rendering a draft as text: Markdown, annex cells with Dutch numbers, the source list."""

from __future__ import annotations

from bot.drafting.house_style import SYNTHETIC_BANNER, dutch_number
from bot.drafting.model import Annex, Citation, Draft


def render_markdown(draft: Draft) -> str:
    lines = [f"**{draft.minister.upper()}**", f"**{draft.minister_title.upper()}**", "", f"**{draft.header}**", ""]
    for part in draft.parts:
        lines.append(f"{part.label}. {part.text}")
        lines.append("")
    for annex in draft.annexes:
        lines.append(f"### Bijlage {annex.number}: {annex.title}")
        if annex.synthetic:
            lines.append(SYNTHETIC_BANNER)
        lines.append("")
        lines.append("| " + " | ".join(annex.columns) + " |")
        lines.append("|" + "---|" * len(annex.columns))
        for row in annex.rows:
            lines.append("| " + " | ".join(annex_cell(annex, i, v) for i, v in enumerate(row)) + " |")
        lines.append("")
        lines.append(f"*{annex.note}*")
        lines.append("")
    if draft.sources:
        lines.append("### Bronnen")
        for c in draft.sources:
            lines.append(f"[{c.n}] {source_line(c)}")
    return "\n".join(lines).rstrip() + "\n"


def annex_cell(annex: Annex, index: int, value) -> str:
    """Figures get Dutch thousands separators; years, months and labels stay as they are."""
    if index % len(annex.columns) == annex.value_column % len(annex.columns) and isinstance(value, int | float) and not isinstance(value, bool):
        return dutch_number(value)
    return str(value)


def source_line(c: Citation) -> str:
    if c.kind == "precedent":
        who = ", ".join(x for x in [c.mp, c.addressee, c.date] if x)
        return f"Eerder antwoord: {c.title} — vraag {c.id} ({who})"
    if c.kind == "figure":
        return f"Gepubliceerd cijfer {c.id}: {c.title}, {c.url}"
    if c.id.startswith("catalogus:"):
        return f"{c.title} — {c.passage}" + (f" ({c.url})" if c.url else "")
    synthetic = " — SYNTHETISCHE DEMODATA" if c.synthetic else ""
    return f"Dataset {c.id}: {c.title}{synthetic}" + (f", {c.url}" if c.url else "")
