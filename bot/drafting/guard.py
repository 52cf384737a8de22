"""The numbers guard: no number reaches a draft unless a tool result or a cited source has it.

Allowed: the value of every figure in the draft, any number in a cited passage (a precedent's
answer, a catalog statement, a published figure's quote), and the numbers of the question
itself (its number, date, sub-question labels, the years it asks about). Citation markers
`[n]`, annex references `bijlage n` and part labels are structure, not claims.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

from bot.drafting.model import Draft
from bot.parse.model import Document
from tools.errors import PQError

_MARKER = re.compile(r"\[\d+\]")
_ANNEX = re.compile(r"\b[Bb]ijlage\s+\d+")
_LABEL = re.compile(r"^\s*(?:#+\s*)?\**\d+(?:\s*[-+]\s*\d+)*\.\**", re.MULTILINE)
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.\u202f\u00a0]\d{3})*(?:,\d+)?(?![\w])|(?<![\w.,])\d+(?:\.\d+)?(?![\w])")


class UnsupportedNumber(PQError):
    def __init__(self, numbers: list[str], where: str = "draft") -> None:
        self.numbers = numbers
        super().__init__(f"the {where} states {', '.join(numbers)} without a tool result or cited source behind it")


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
    text = _MARKER.sub(" ", text)
    text = _ANNEX.sub(" ", text)
    text = _LABEL.sub(" ", text)
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


def draft_allowed_numbers(doc: Document, draft: Draft) -> set:
    """Numbers a draft may state: figures, cited passages, and the question's own numbers.

    The question's numbers are kept in the draft, so that an edited draft can be checked later
    without the question (see bot/export.py)."""
    question = [doc.title, doc.introduction, draft.header, *(s.text for s in doc.subquestions)]
    draft.question_numbers = list(dict.fromkeys(numbers_in(" \n".join(question)) + [str(s.number) for s in doc.subquestions]))
    return allowed_numbers(draft)


def allowed_numbers(draft: Draft) -> set:
    values = [f.value for p in draft.parts for f in p.figures]
    texts = [" ".join(draft.question_numbers)]
    for c in draft.sources:
        texts += [c.passage, c.id, c.date or "", c.reference_period or "", c.title]
        values += [v for row in c.table for v in row.values() if isinstance(v, int | float)]
    return allowed_values(values, texts)
