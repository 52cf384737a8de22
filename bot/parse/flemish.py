"""Parse a written question (and its answer, if present) from plain text.

The layout is the Flemish Parliament's published PDF, as text:

    [SCHRIFTELIJKE VRAAG nr. 147 van KURT DE LOOR datum: 26 februari 2024 aan JO BROUNS …]
    Title
    Introduction …
    1. First sub-question …
    2. …
    [page number]
    [JO BROUNS
     VLAAMS MINISTER VAN …
     ANTWOORD op vraag nr. 216 van 2 februari 2024 van ILSE MALFROOT
     1+4-6. Answer part …]

Every block in brackets is optional: a question pasted without header or answer parses too,
with warnings saying what is unknown.
"""

from __future__ import annotations

import hashlib
import re

from bot.parse.errors import ParseError
from bot.parse.model import AnswerPart, Document, DocumentStatus, Person, Source, SubQuestion
from bot.parse.numbering import mark_bare_labels, split_answer, split_numbered
from bot.parse.text import flemish_session, name_case, title_case_office, unwrap
from tools.text import parse_dutch_date, squash

_DATE = r"\d{1,2}\s+[a-zA-Z]+\s+\d{4}"
# The MP's name is bounded: an unbounded lazy match would scan to the end of the text from every
# "SCHRIFTELIJKE VRAAG" in it (quadratic on a long paste).
_QUESTION_HEADER = re.compile(
    rf"SCHRIFTELIJKE\s+VRAAG\s+nr\.?\s*(?P<number>\d+)\s+van\s+(?P<mp>.{{1,200}}?)\s+"
    rf"datum\s*:?\s*(?P<date>{_DATE})\s+aan\s+(?P<to>[^\n]*)",
    re.IGNORECASE | re.DOTALL,
)
_ANSWER_HEADER = re.compile(
    rf"ANTWOORD\s+op\s+vraag\s+nr\.?\s*(?P<number>\d+)\s+van\s+(?P<date>{_DATE})\s+van\s+(?P<mp>[^\n]+)",
    re.IGNORECASE,
)
_OFFICE_START = re.compile(r"\b(?:VLAAMS\s+|VICE-?)?MINISTER", re.IGNORECASE)
_PAGE_NUMBER_LINE = re.compile(r"^[ \t]*\d{1,3}[ \t]*$", re.MULTILINE)


def _is_caps_line(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _split_person_office(text: str) -> tuple[str | None, str | None]:
    """'JO BROUNS VLAAMS MINISTER VAN …' -> ('Jo Brouns', 'Vlaams minister van …')."""
    text = squash(text)
    match = _OFFICE_START.search(text)
    if not match:
        return (name_case(text) if text else None), None
    name = text[: match.start()].strip()
    return (name_case(name) if name else None), title_case_office(text[match.start() :])


def _minister_block_start(text: str, answer_start: int) -> tuple[int, str]:
    """Find the capitals block (minister's name and office) just above 'ANTWOORD'."""
    lines = text[:answer_start].split("\n")
    block: list[str] = []
    index = len(lines) - 1
    while index >= 0 and not lines[index].strip():
        index -= 1
    while index >= 0 and lines[index].strip() and _is_caps_line(lines[index]):
        if _PAGE_NUMBER_LINE.fullmatch(lines[index]):
            break
        block.insert(0, lines[index].strip())
        index -= 1
    start = len("\n".join(lines[: index + 1]))
    return start, " ".join(block)


# An unnumbered question asks a few things; the corpus's longest numbered one has 20 parts.
MAX_UNNUMBERED = 20


def parse_question_text(raw: str, *, source: Source = Source.VLAAMS_PARLEMENT) -> Document:
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").replace("\xa0", " ")
    if not text.strip():
        raise ParseError("the text is empty")
    warnings: list[str] = []
    number = asked = mp = addressee = department = None

    # --- header of the question ---------------------------------------------------------
    question_start = 0
    header = _QUESTION_HEADER.search(text)
    if header:
        number = int(header.group("number"))
        asked = parse_dutch_date(header.group("date"))
        mp = name_case(header.group("mp"))
        to_lines = [header.group("to")]
        rest = text[header.end() :].split("\n")
        consumed = 0
        for line in rest[1:]:
            if line.strip() and _is_caps_line(line):
                to_lines.append(line)
                consumed += 1
            else:
                break
        addressee, department = _split_person_office(" ".join(to_lines))
        question_start = header.end() + sum(len(line) + 1 for line in rest[1 : consumed + 1])

    # --- header of the answer -----------------------------------------------------------
    answer_text = None
    question_end = len(text)
    answer = _ANSWER_HEADER.search(text, question_start)
    if answer:
        block_start, block = _minister_block_start(text, answer.start())
        question_end = block_start if block else answer.start()
        if block:
            addressee, department = _split_person_office(block)
        answer_number = int(answer.group("number"))
        if number is not None and number != answer_number:
            warnings.append(f"question header says nr. {number}, answer header nr. {answer_number}")
        number = number or answer_number
        asked = asked or parse_dutch_date(answer.group("date"))
        mp = mp or name_case(answer.group("mp"))
        answer_text = unwrap(mark_bare_labels(_PAGE_NUMBER_LINE.sub("", text[answer.end() :])))

    # --- the question: title, introduction, sub-questions -------------------------------
    question = _PAGE_NUMBER_LINE.sub("", text[question_start:question_end])
    paragraphs = [p for p in unwrap(question).split("\n\n") if p.strip()]
    title = ""
    if paragraphs and len(paragraphs[0]) <= 200 and "?" not in paragraphs[0]:
        if not re.match(r"\s*1\s*[.)]", paragraphs[0]) and len(paragraphs) > 1:
            title = squash(paragraphs.pop(0)).rstrip(".")
    body = "\n\n".join(paragraphs)
    split = split_numbered(body)
    warnings += split.warnings
    numbered = bool(split.parts)
    if numbered:
        subquestions = [SubQuestion(number=n, text=squash(t)) for n, t in split.parts]
        introduction = split.intro
    elif "?" in body:
        # Unnumbered, several questions ("Hoeveel …? En welke acties …?"): each is a part to answer, not
        # one part whose kind the last sentence decides. What follows the last "?" ("Graag per provincie.") stays with it.
        pieces = [q for q in re.split(r"(?<=\?)\s+", squash(body)) if q.strip()]
        if len(pieces) > 1 and "?" not in pieces[-1]:
            pieces[-2:] = [f"{pieces[-2]} {pieces[-1]}"]
        if len(pieces) > MAX_UNNUMBERED:
            pieces = [squash(body)]  # hundreds of question marks are no written question: judged as one text
        subquestions = [SubQuestion(number=n, text=q) for n, q in enumerate(pieces, 1)]
        introduction = ""
    else:
        subquestions, introduction = [], body
    if not subquestions and header is None and answer is None:
        raise ParseError("no recognisable question: no header, no numbered parts and no question mark")
    if not subquestions:
        warnings.append("no question text found")

    # --- the answer ---------------------------------------------------------------------
    parts: list[AnswerPart] = []
    answer_intro = ""
    status = DocumentStatus.UNANSWERED
    if answer_text is not None and answer_text.strip():
        status = DocumentStatus.ANSWERED
        answer_intro, parts, answer_warnings = build_answer_parts(answer_text, len(subquestions))
        warnings += answer_warnings
    elif answer is not None:
        warnings.append("answer header without answer text")

    if number is None or asked is None:
        warnings.append("no header: number, date and MP unknown")
    session = flemish_session(asked) if asked else None
    if number is not None and session:
        doc_id = f"vp:{session}:{number}"
    else:
        doc_id = "text:" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
    return Document(
        source=source,
        id=doc_id,
        number=number,
        session=session,
        date=asked,
        mp=Person(name=mp) if mp else None,
        addressee=addressee,
        department=department,
        title=title,
        introduction=squash(introduction) if "\n\n" not in introduction else introduction,
        numbered=numbered,
        subquestions=subquestions,
        answer_intro=answer_intro,
        answer_parts=parts,
        status=status,
        warnings=warnings,
    )


def build_answer_parts(answer: str, subquestion_count: int) -> tuple[str, list[AnswerPart], list[str]]:
    """Answer parts of an answer text; an answer without labels is one part covering all."""
    split = split_answer(answer, subquestion_count)
    if split.parts:
        parts = [AnswerPart(numbers=nums, label=label, text=squash(body)) for label, nums, body in split.parts]
        return squash(split.intro), parts, split.warnings
    everything = list(range(1, subquestion_count + 1))
    return "", [AnswerPart(numbers=everything, label=None, text=squash(answer))], split.warnings
