"""The numbers guard: no number reaches a draft unless the figure it claims to be, or a cited source, has it.

A claim is a sentence with its markers: every number in a sentence marked [n] must be the value of a
figure cited as [n] (a tool result, with its period and filters) or appear in source n's passage;
a sentence without a marker may only repeat numbers of the question itself. Labels are not figures:
citation markers, annex numbers, part labels, dates, years, age groups ("25-49", "50+"), article and
question numbers are taken out before numbers are checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from bot.drafting.model import Citation, Draft, DraftPart, FigureRef
from bot.parse.model import Document
from tools.catalog import default_catalog
from tools.errors import PQError
from tools.text import DUTCH_MONTHS

_MARKER = re.compile(r"\[\d+\]")
_ANNEX = re.compile(r"\b[Bb]ijlage\s+\d+")
_PART_LABEL = re.compile(r"^\s*(?:#+\s*)?\**\d+(?:\s*[-+]\s*\d+)*\.\**", re.MULTILINE)
_MONTHS = "|".join(DUTCH_MONTHS)
_DATES = re.compile(rf"\b\d{{1,2}}\s+(?:{_MONTHS})\s+\d{{4}}\b|\b(?:{_MONTHS})\s+\d{{4}}\b|\b\d{{4}}-\d{{2}}(?:-\d{{2}})?\b", re.IGNORECASE)
# A year: four digits without a thousands separator (figures of 1.000 and more are always written with one).
_YEAR = re.compile(r"(?<![\d.,])(?:19|20)\d\d(?![\d.,]\d)")
_REFERENCES = re.compile(r"\b(?:artikel|art\.|nr\.|nummer|vraag|vragen|deelvraag|deelvragen|punt|paragraaf|§)\s*\d+(?:\s*(?:en|tot en met|tot|-|\+)\s*\d+)*",
                         re.IGNORECASE)
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.\u202f\u00a0]\d{3})*(?:,\d+)?(?![\w])|(?<![\w.,])\d+(?:\.\d+)?(?![\w])")
_SENTENCE = re.compile(r"(?<=[.!?:;])\s+(?=[A-Z“\"(-])|\n+")


class UnsupportedNumber(PQError):
    def __init__(self, numbers: list[str], where: str = "draft") -> None:
        self.numbers = numbers
        super().__init__(f"the {where} states {', '.join(numbers)} without a tool result or cited source behind it")


@lru_cache(maxsize=1)
def _group_labels() -> re.Pattern:
    """Catalog values with digits in them ("<25", "25-49", "50+") and the house style's words for them."""
    from bot.drafting.house_style import style

    labels = {str(v) for dim in default_catalog().dimensions.values() for v in dim.values if any(c.isdigit() for c in str(v))}
    for values in style()["qualifiers"].values():
        if isinstance(values, dict):
            labels |= {str(k) for k in values if any(c.isdigit() for c in str(k))}
            labels |= {str(v) for v in values.values() if any(c.isdigit() for c in str(v))}
    ordered = sorted(labels, key=len, reverse=True)
    return re.compile(r"(?<![\w.,])(?:" + "|".join(re.escape(label) for label in ordered) + r")(?![\w])")


def normalise(token: str) -> Decimal | None:
    """'35.385' (Dutch thousands) / '35 385' -> 35385; '12,5' -> 12.5; '2024' -> 2024."""
    token = token.strip()
    if re.fullmatch(r"\d{1,3}(?:[.\u202f\u00a0]\d{3})+(?:,\d+)?", token):
        token = re.sub(r"[.\u202f\u00a0]", "", token)
    token = token.replace(",", ".")
    try:
        return Decimal(token).normalize()
    except InvalidOperation:
        return None


def numbers_in(text: str) -> list[str]:
    """The figure-like numbers of a text, labels (markers, dates, years, age groups, references) taken out."""
    for pattern in (_MARKER, _ANNEX, _PART_LABEL, _DATES, _REFERENCES, _group_labels(), _YEAR):
        text = pattern.sub(" ", text)
    return [m.group().strip() for m in _NUMBER.finditer(text)]


def allowed_values(values: Iterable[int | float | Decimal], texts: Iterable[str]) -> set[Decimal]:
    allowed: set[Decimal] = set()
    for value in values:
        number = normalise(str(value))
        if number is not None:
            allowed.add(number)
    for text in texts:
        for token in numbers_in(text):
            number = normalise(token)
            if number is not None:
                allowed.add(number)
    return allowed


def unsupported(text: str, allowed: set[Decimal]) -> list[str]:
    missing = []
    for token in numbers_in(text):
        number = normalise(token)
        if number is not None and number not in allowed and token not in missing:
            missing.append(token)
    return missing


def _citation_values(citation: Citation, figures: list[FigureRef]) -> tuple[list, list[str]]:
    values = [f.value for f in figures if f.citation == citation.n]
    values += [v for row in citation.table for v in row.values() if isinstance(v, int | float) and not isinstance(v, bool)]
    return values, [citation.passage, citation.title]


def _claims(text: str) -> list[tuple[str, list[int]]]:
    """(claim text, its markers): sentences up to the next marker in the same paragraph (a quote of several
    sentences ends with one marker), and the rest of a paragraph as a claim without a marker."""
    claims: list[tuple[str, list[int]]] = []
    for paragraph in text.split("\n"):
        pending = ""
        for sentence in _SENTENCE.split(paragraph):
            pending = f"{pending} {sentence}".strip()
            markers = [int(n) for n in re.findall(r"\[(\d+)\]", sentence)]
            if markers:
                claims.append((pending, markers))
                pending = ""
        if pending:
            claims.append((pending, []))
    return claims


def unsupported_claims(part: DraftPart, question_numbers: list[str]) -> list[str]:
    """Numbers of a part that the figure or source they are marked with does not hold."""
    by_marker = {c.n: c for c in part.citations}
    missing: list[str] = []
    for claim, markers in _claims(part.text):
        values: list = []
        texts = [" ".join(question_numbers)]
        for n in markers:
            if n in by_marker:
                more_values, more_texts = _citation_values(by_marker[n], part.figures)
                values += more_values
                texts += more_texts
        missing += [n for n in unsupported(claim, allowed_values(values, texts)) if n not in missing]
    return missing


def draft_allowed_numbers(doc: Document, draft: Draft) -> set:
    """Numbers a draft may state anywhere (used for edits and LLM rewrites): figures, cited passages,
    and the question's own numbers. The question's numbers are kept in the draft, so that an edited
    draft can be checked later without the question (see bot/drafting/export.py)."""
    question = [doc.title, doc.introduction, draft.header, *(s.text for s in doc.subquestions)]
    said = " \n".join(question)
    # Also every bare run of digits: a part that repeats the question's words ("niet herkend: …") may cut
    # them out of a longer token ("dmf20210114_93690404") that the number reader does not split the same way.
    draft.question_numbers = list(dict.fromkeys(numbers_in(said) + re.findall(r"\d+", said) + [str(s.number) for s in doc.subquestions]))
    return allowed_numbers(draft)


def allowed_numbers(draft: Draft) -> set:
    values = [f.value for p in draft.parts for f in p.figures]
    texts = [" ".join(draft.question_numbers)]
    for c in draft.sources:
        texts += [c.passage, c.id, c.date or "", c.reference_period or "", c.title]
        values += [v for row in c.table for v in row.values() if isinstance(v, int | float)]
    return allowed_values(values, texts)
