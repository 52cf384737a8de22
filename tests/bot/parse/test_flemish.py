"""The Flemish written-question layout: the seed, headers, and partial documents."""

import datetime as dt
import re

import pytest

from bot.parse.errors import ParseError
from bot.parse.flemish import parse_question_text
from bot.parse.model import DocumentStatus


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def numbered_blocks(section: str) -> dict[int, str]:
    """Texts of the lines that open with 'N. ' in the raw seed, read independently of the parser."""
    blocks: dict[int, str] = {}
    current = None
    for line in section.splitlines():
        match = re.match(r"^(\d+)\. (.*)", line)
        if match:
            current = int(match.group(1))
            blocks[current] = match.group(2)
        elif current is not None and line.strip():
            blocks[current] += " " + line.strip()
        elif current is not None:
            current = None
    return {n: squash(t) for n, t in blocks.items()}


def test_seed_parses_as_the_desk_reads_it(seed_text):
    doc = parse_question_text(seed_text)
    assert doc.number == 216
    assert doc.date == dt.date(2024, 2, 2)
    assert doc.mp.name == "Ilse Malfroot"
    assert doc.addressee == "Jo Brouns"
    assert doc.department.startswith("Vlaams minister van Economie")
    assert doc.id == "vp:2023-2024:216"
    assert doc.title == "VDAB - Tewerkstelling asielzoekers"
    assert doc.status is DocumentStatus.ANSWERED
    assert doc.warnings == []

    question_part = seed_text.split("JO BROUNS")[0]
    expected = numbered_blocks(question_part)
    assert len(expected) == 8
    assert [s.number for s in doc.subquestions] == list(range(1, 9))
    assert {s.number: s.text for s in doc.subquestions} == expected

    assert [p.numbers for p in doc.answer_parts] == [[1, 4, 5, 6], [2, 3], [3], [7], [8]]
    assert [p.label for p in doc.answer_parts] == ["1+4-6", "2-3", "3", "7", "8"]
    answer_section = seed_text.split("van ILSE MALFROOT")[1]
    assert doc.answer_parts[0].text == "Asielzoekers worden niet apart geïdentificeerd in de databank van VDAB."
    assert doc.answer_parts[1].text == "Voor het antwoord op deze vragen verwijs ik naar Fedasil."
    assert "Zij zijn eigenaar van deze data." in doc.answer_parts[2].text
    assert doc.answer_parts[3].text.startswith("VDAB en Fedasil hebben een samenwerkingsovereenkomst ondertekend")
    assert doc.answer_parts[4].text.endswith("ondersteunen bij het zoeken naar geschikte kandidaten voor hun vacature.")
    # Nothing of the answer is lost between the parts.
    joined = " ".join(p.text for p in doc.answer_parts)
    raw_words = re.sub(r"^\s*(1\+4-6|2-3|3|7|8)\.", "", answer_section, flags=re.M)
    assert squash(joined).replace("-", "") == squash(raw_words).replace("- ", "").replace("-", "")


def test_question_without_answer_and_with_header():
    text = """SCHRIFTELIJKE VRAAG
nr. 147
van KURT DE LOOR
datum: 26 februari 2024
aan JO BROUNS
VLAAMS MINISTER VAN ECONOMIE, INNOVATIE, WERK, SOCIALE ECONOMIE EN LANDBOUW

Opleidingen voor werkzoekenden

Veel werkzoekenden volgen een opleiding.

1. Hoeveel werkzoekenden volgden in 2023 een opleiding?

2. Graag een opdeling per provincie.
"""
    doc = parse_question_text(text)
    assert (doc.number, doc.date, doc.mp.name) == (147, dt.date(2024, 2, 26), "Kurt De Loor")
    assert doc.addressee == "Jo Brouns"
    assert doc.title == "Opleidingen voor werkzoekenden"
    assert doc.introduction == "Veel werkzoekenden volgen een opleiding."
    assert [s.text for s in doc.subquestions] == [
        "Hoeveel werkzoekenden volgden in 2023 een opleiding?",
        "Graag een opdeling per provincie.",
    ]
    assert doc.status is DocumentStatus.UNANSWERED
    assert doc.id == "vp:2023-2024:147"


def test_header_on_one_line():
    text = (
        "SCHRIFTELIJKE VRAAG nr. 147 van KURT DE LOOR datum: 26 februari 2024 aan JO BROUNS\n\n"
        "Titel\n\nInleiding.\n\n1. Eerste vraag?\n\n2. Tweede vraag?\n"
    )
    doc = parse_question_text(text)
    assert (doc.number, doc.mp.name, doc.addressee) == (147, "Kurt De Loor", "Jo Brouns")
    assert len(doc.subquestions) == 2


def test_unlabelled_answer_covers_every_subquestion(seed_text):
    question, _, _ = seed_text.partition("\n1\n")
    answer = "\n\nJO BROUNS\nVLAAMS MINISTER VAN WERK\n\nANTWOORD\nop vraag nr. 216 van 2 februari 2024\nvan ILSE MALFROOT\n\nIk verwijs naar Fedasil.\n"
    doc = parse_question_text(question + answer)
    assert len(doc.answer_parts) == 1
    assert doc.answer_parts[0].numbers == list(range(1, 9))
    assert doc.answer_parts[0].label is None


@pytest.mark.parametrize(
    "labels, expected",
    [
        (["1 tot en met 3.", "4."], [[1, 2, 3], [4]]),
        (["1 en 2.", "3-4."], [[1, 2], [3, 4]]),
        (["Vragen 1 tot 3", "Vraag 4"], [[1, 2, 3], [4]]),
    ],
)
def test_label_forms_in_a_flemish_answer(labels, expected):
    question = "Titel\n\nInleiding.\n\n1. Een?\n\n2. Twee?\n\n3. Drie?\n\n4. Vier?\n"
    answer = "\n\n".join(f"{label}\nAntwoord {i}." for i, label in enumerate(labels))
    text = question + "\nANTWOORD op vraag nr. 5 van 3 maart 2024 van AN JANSSENS\n\n" + answer
    doc = parse_question_text(text)
    assert [p.numbers for p in doc.answer_parts] == expected


def test_question_without_header_parses_with_warning(seed_text):
    question = seed_text.split("\n1\n")[0]
    doc = parse_question_text(question)
    assert len(doc.subquestions) == 8
    assert doc.number is None and doc.status is DocumentStatus.UNANSWERED
    assert doc.id.startswith("text:")
    assert "no header: number, date and MP unknown" in doc.warnings


@pytest.mark.parametrize("text", ["", "   \n ", "Dit is een mededeling zonder vraag. Niets meer."])
def test_no_recognisable_question(text):
    with pytest.raises(ParseError):
        parse_question_text(text)


def test_unnumbered_questions_are_each_a_part_and_a_closing_request_stays_with_the_last():
    doc = parse_question_text("Uit cijfers blijkt een stijging. Hoeveel werkzoekenden waren er eind 2023? "
                              "En welke acties onderneemt VDAB? Graag per provincie.")
    assert [s.text for s in doc.subquestions] == ["Uit cijfers blijkt een stijging. Hoeveel werkzoekenden waren er eind 2023?",
                                                  "En welke acties onderneemt VDAB? Graag per provincie."]
    one = parse_question_text("Hoeveel werkzoekenden waren er eind 2023? Graag per provincie.")
    assert [s.text for s in one.subquestions] == ["Hoeveel werkzoekenden waren er eind 2023? Graag per provincie."]


def test_a_title_right_above_the_numbered_parts_is_the_title():
    doc = parse_question_text("Werkzoekenden in Limburg\n1. Hoeveel werkzoekenden waren er eind 2023?\n2. En eind 2022?")
    assert doc.title == "Werkzoekenden in Limburg" and [s.number for s in doc.subquestions] == [1, 2]
