"""The ministry's house style: header, group labels, Dutch numbers, standard phrases.

Modelled on the seed answer (Flemish written question 216 of 2 February 2024):

    JO BROUNS
    VLAAMS MINISTER VAN ECONOMIE, INNOVATIE, WERK, SOCIALE ECONOMIE EN LANDBOUW
    ANTWOORD op vraag nr. 216 van 2 februari 2024 van ILSE MALFROOT
    1+4-6. Asielzoekers worden niet apart geïdentificeerd in de databank van VDAB.
"""

from __future__ import annotations

from bot.parse.model import Document
from bot.settings import settings
from tools.text import format_dutch_date

TO_COMPLETE = "[Te vervolledigen door de dossierbeheerder.]"
SYNTHETIC_BANNER = "**SYNTHETISCHE DEMODATA – geen officiële cijfers.**"


def minister() -> tuple[str, str]:
    """The minister whose desk uses the tool (configured per cabinet: PQ_MINISTER, PQ_MINISTER_TITLE)."""
    return settings().minister, settings().minister_title


def header(doc: Document) -> str:
    number = f"nr. {doc.number}" if doc.number is not None else "nr. …"
    date = f" van {format_dutch_date(doc.date)}" if doc.date else ""
    mp = f" van {doc.mp.name.upper()}" if doc.mp else ""
    return f"ANTWOORD op vraag {number}{date}{mp}"


def group_label(numbers: list[int]) -> str:
    """[1, 4, 5, 6] -> '1+4-6'; [2, 3] -> '2-3' (runs of three or more, and pairs, become ranges)."""
    numbers = sorted(set(numbers))
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return "+".join(str(r[0]) if len(r) == 1 else f"{r[0]}-{r[-1]}" for r in runs)


def dutch_number(value: int | float) -> str:
    """32012 -> '32.012'; 12.5 -> '12,5'."""
    if isinstance(value, float) and not value.is_integer():
        whole, _, fraction = f"{value:.2f}".rstrip("0").partition(".")
        return f"{int(whole):,}".replace(",", ".") + ("," + fraction if fraction else "")
    return f"{int(value):,}".replace(",", ".")


def dutch_list(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]


def period_words(start: str | None, end: str | None) -> str:
    if start and end and start == end:
        return f"in {start}"
    if start and end:
        return f"van {start} tot en met {end}"
    if start:
        return f"vanaf {start}"
    if end:
        return f"tot en met {end}"
    return "over de hele beschikbare periode"


def breakdown_listing(rows: list[dict], by: list[str], measure: str) -> str | None:
    """'Per jaar: 2021: 22.288, 2022: 34.179 en 2023: 32.012' for one breakdown of 2 to 6 rows, else None."""
    if len(by) != 1 or not 1 < len(rows) <= 6:
        return None
    values = [f"{row[by[0]]}: {dutch_number(row[measure]) if isinstance(row[measure], int | float) else row[measure]}" for row in rows]
    return f"Per {by[0]}: {dutch_list(values)}"


def data_notes(source_sentence: str, warning: str | None, grain: str) -> str:
    """Where the figures come from (the synthetic warning is shown as a banner instead) and a gap in the data."""
    text = source_sentence.replace(f" [{warning}]", "") if warning else source_sentence
    if "ontbreekt" in grain:
        text += f" Opmerking bij de gegevens: {grain}."
    return text


def refer_to(owner: str, count: int) -> str:
    """The seed answer's phrase: 'Voor het antwoord op deze vragen verwijs ik naar Fedasil.'"""
    what = "deze vragen" if count > 1 else "deze vraag"
    return f"Voor het antwoord op {what} verwijs ik naar {owner}."
