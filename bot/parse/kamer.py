"""Parse federal Chamber written questions (Bulletin van Vragen en Antwoorden, QRVA).

Rows come from two open-data extracts (see corpus/*/SOURCE.md):
- 2017: doc_id, depotdat, aut_party, aut_person ("Surname, First"), question ("Title. -
  Subtitle. \\n\\n body"), themes, answer, answer_department, answer_subdepartment;
- 2020: doc_id (a data.dekamer.be URI), text_nl, text_fr — questions only, no title or MP.
Question and answer bodies run their numbered parts inline: "…hoe?2. Zou er…".
"""

from __future__ import annotations

import re
from datetime import date

from bot.parse.flemish import build_answer_parts
from bot.parse.model import Document, DocumentStatus, Person, Source, SubQuestion
from bot.parse.numbering import split_numbered
from bot.parse.text import chamber_session
from tools.text import squash

_SENT_DIRECTLY = re.compile(
    r"^\s*het\s+antwoord\s+op\s+deze\s+vraag\s+is\s+het\s+geachte\s+kamerlid\s+rechtstreeks\s+toegestuurd",
    re.IGNORECASE,
)
_URI_SESSION = re.compile(r"-(\d{4})(\d{4})\d+$")


def _person(raw: str) -> str | None:
    """'Burton, Emmanuel' -> 'Emmanuel Burton'."""
    raw = squash(raw or "")
    if not raw:
        return None
    surname, _, first = raw.partition(",")
    return squash(f"{first} {surname}")


def _title_and_body(question: str) -> tuple[str, str]:
    """The title is the first line, up to the blank line that opens the body."""
    pieces = re.split(r"\n\s*\n", question.strip(), maxsplit=1)
    if len(pieces) < 2:
        return "", question.strip()
    head, body = pieces
    title = squash(head).replace(". - ", " - ").rstrip(".").strip()
    return title, body.strip()


def _question_parts(body: str) -> tuple[str, bool, list[SubQuestion], list[str]]:
    split = split_numbered(body)
    if split.parts:
        subquestions = [SubQuestion(number=n, text=squash(t)) for n, t in split.parts]
        return squash(split.intro), True, subquestions, split.warnings
    # No numbers: the whole body is the single question.
    return "", False, [SubQuestion(number=1, text=squash(body))], split.warnings


def parse_qrva_2017(row: dict[str, str]) -> Document:
    title, body = _title_and_body(row.get("question", "") or "")
    introduction, numbered, subquestions, warnings = _question_parts(body)
    answer = (row.get("answer") or "").strip()
    answer_intro, parts = "", []
    if not answer:
        status = DocumentStatus.UNANSWERED
    elif _SENT_DIRECTLY.match(answer):
        status = DocumentStatus.SENT_DIRECTLY
    else:
        status = DocumentStatus.ANSWERED
        answer_intro, parts, answer_warnings = build_answer_parts(answer, len(subquestions))
        warnings = warnings + answer_warnings
    asked = date.fromisoformat(row["depotdat"]) if row.get("depotdat") else None
    mp_name = _person(row.get("aut_person", ""))
    themes = [squash(t) for t in (row.get("question_theme") or "").split(",") if t.strip()]
    return Document(
        source=Source.KAMER,
        id=str(row["doc_id"]),
        session=chamber_session(asked) if asked else None,
        date=asked,
        mp=Person(name=mp_name, party=squash(row.get("aut_party") or "") or None) if mp_name else None,
        addressee=squash(row.get("answer_department") or "") or None,
        department=squash(row.get("answer_subdepartment") or "") or None,
        title=title,
        themes=themes,
        introduction=introduction,
        numbered=numbered,
        subquestions=subquestions,
        answer_intro=answer_intro,
        answer_parts=parts,
        status=status,
        warnings=warnings,
    )


def parse_questions_2020(row: dict[str, str]) -> Document:
    body = (row.get("text_nl") or "").strip()
    introduction, numbered, subquestions, warnings = _question_parts(body)
    uri = str(row["doc_id"])
    session = None
    match = _URI_SESSION.search(uri)
    if match and int(match.group(2)) == int(match.group(1)) + 1:
        session = f"{match.group(1)}-{match.group(2)}"
    return Document(
        source=Source.KAMER,
        id=uri,
        session=session,
        introduction=introduction,
        numbered=numbered,
        subquestions=subquestions,
        status=DocumentStatus.UNANSWERED,
        url=uri,
        warnings=warnings,
    )
