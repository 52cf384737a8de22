"""Text helpers of the parsers: wrapped PDF lines, names and offices in capitals, session years."""

from __future__ import annotations

import re
from datetime import date, timedelta

from tools.text import squash

_NUMBERED = re.compile(r"\d{1,3}\s*[.)]\s+[A-ZÀ-Ý]")


def unwrap(text: str) -> str:
    """Join the hard-wrapped lines of a PDF extract into paragraphs.

    Lines inside a paragraph become one line; blank lines stay paragraph breaks. A line
    ending in a hyphen joins without a space ("Houthalen-" + "Helchteren").
    """
    paragraphs = re.split(r"\n\s*\n", text)
    joined = []
    for paragraph in paragraphs:
        lines = [line.strip() for line in paragraph.splitlines() if line.strip()]
        out = ""
        for number, line in enumerate(lines):
            if not out:
                out = line
            elif _NUMBERED.match(line) and (out.endswith((".", "?", "!", ":", ";")) or (number == 1 and len(out) <= 200)):
                # "1. Hoeveel …?" right under a title or after a finished sentence starts a part of its own,
                # blank line or not (a pasted question often has none).
                joined.append(re.sub(r"[ \t]+", " ", out))
                out = line
            elif out.endswith("-") and not out.endswith(" -"):
                out += line
            else:
                out += " " + line
        if out:
            joined.append(re.sub(r"[ \t]+", " ", out))
    return "\n\n".join(joined)


_LOWER_WORDS = {"van", "de", "den", "der", "het", "en", "voor", "minister", "staatssecretaris"}


def name_case(text: str) -> str:
    """'ILSE MALFROOT' -> 'Ilse Malfroot'; 'KURT DE LOOR' -> 'Kurt De Loor'."""
    return " ".join("-".join(p.capitalize() for p in w.split("-")) for w in squash(text).split(" "))


def title_case_office(text: str) -> str:
    """'VLAAMS MINISTER VAN ECONOMIE, WERK EN LANDBOUW' -> 'Vlaams minister van Economie, Werk en Landbouw'."""
    words = squash(text).lower().split(" ")
    out = []
    for index, word in enumerate(words):
        if index == 0 or word not in _LOWER_WORDS:
            out.append("-".join(p.capitalize() for p in word.split("-")))
        else:
            out.append(word)
    return " ".join(out)


def flemish_session(asked: date) -> str:
    """The Flemish Parliament's session year: it opens on the fourth Monday of September."""
    september_first = date(asked.year, 9, 1)
    first_monday = september_first + timedelta(days=(7 - september_first.weekday()) % 7)
    opening = first_monday + timedelta(weeks=3)
    start = asked.year if asked >= opening else asked.year - 1
    return f"{start}-{start + 1}"


def chamber_session(asked: date) -> str:
    """The federal Chamber's session year: it opens on the second Tuesday of October."""
    october_first = date(asked.year, 10, 1)
    first_tuesday = october_first + timedelta(days=(1 - october_first.weekday()) % 7)
    opening = first_tuesday + timedelta(weeks=1)
    start = asked.year if asked >= opening else asked.year - 1
    return f"{start}-{start + 1}"
