"""The ministry's house style: the phrases of house_style.yaml, filled in; group labels, Dutch numbers,
dates and periods in words.

Modelled on the seed answer (Flemish written question 216 of 2 February 2024):

    JO BROUNS
    VLAAMS MINISTER VAN ECONOMIE, INNOVATIE, WERK, SOCIALE ECONOMIE EN LANDBOUW
    ANTWOORD op vraag nr. 216 van 2 februari 2024 van ILSE MALFROOT
    1+4-6. Asielzoekers worden niet apart geïdentificeerd in de databank van VDAB.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

from bot.parse.model import Document
from bot.settings import settings
from tools.reading import month_end
from tools.text import format_dutch_date, span_words
from tools.yaml_files import load_yaml

STYLE_FILE = Path(__file__).with_name("house_style.yaml")


@lru_cache(maxsize=1)
def style() -> dict:
    return load_yaml(STYLE_FILE.read_text(encoding="utf-8"))


def phrase(key: str, **values) -> str:
    """A house-style phrase by its key ("referral_one", "not_available.no_dataset"), filled in."""
    node = style()
    for part in key.split("."):
        node = node[part]
    return node.format(**values) if values else node


TO_COMPLETE = phrase("to_complete")
SYNTHETIC_BANNER = f"**{phrase('synthetic_banner')}**"


def minister() -> tuple[str, str]:
    """The minister whose desk uses the tool (configured per cabinet: PQ_MINISTER, PQ_MINISTER_TITLE)."""
    return settings().minister, settings().minister_title


def header(doc: Document) -> str:
    number = f"nr. {doc.number}" if doc.number is not None else "nr. …"
    date = f" van {format_dutch_date(doc.date)}" if doc.date else ""
    mp = f" van {doc.mp.name.upper()}" if doc.mp else ""
    return phrase("header", number=number, date=date, mp=mp)


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


def when_words(start: str, end: str) -> str:
    """The opening of a flow sentence: 'In 2023', 'Van januari tot en met augustus 2024'."""
    words = span_words(start, end)
    return f"Van {words}" if " tot en met " in words else f"In {words}"


def day_words(day: dt.date) -> str:
    return format_dutch_date(day)


def stock_when(month: str) -> str:
    """The opening of a stock sentence: 'Op 31 december 2023'."""
    return f"Op {day_words(month_end(month))}"


def column_label(dimension: str) -> str:
    return style()["columns"].get(dimension, dimension)


def unit_label(unit: str) -> str:
    return style()["units"].get(unit, unit)


def refer_to(owner: str, count: int) -> str:
    """The seed answer's phrase: 'Voor het antwoord op deze vragen verwijs ik naar Fedasil.'"""
    return phrase("referral_many" if count > 1 else "referral_one", owner=owner)
