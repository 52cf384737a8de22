"""Parsing costs time in proportion to the text: no paste within the limits holds a worker.

Time is bounded with hypothesis deadlines far above what the parser needs (well under a second
for 200,000 characters), never asserted as a speed: a quadratic parser needs minutes on these texts.
"""

from datetime import timedelta

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bot.parse.errors import ParseError
from bot.parse.files import MAX_PARTS, MAX_TEXT_CHARS, parse_text
from bot.parse.model import Document
from bot.parse.numbering import split_answer, split_numbered

BOUNDED = settings(deadline=timedelta(seconds=10), derandomize=True,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example])

ANSWER_HEADER = "1. Vraag?\n\nJO BROUNS\nVLAAMS MINISTER VAN WERK\n\nANTWOORD op vraag nr. 216 van 2 februari 2024 van ILSE MALFROOT\n"
# Pieces of what ministers and MPs write around numbers, and of what breaks naive parsers.
PIECES = ["1", "2", "7", "12", "123", ".", ")", ":", " ", "\n", "\n\n", "+", "-", ",", " en ", " tot en met ", " t.e.m. ", "/",
          "€", "?", "Vraag ", "vragen ", "Hoeveel", "x", "X", "2016.", "2.1.", "8.256", "SCHRIFTELIJKE VRAAG nr. 1 van X ",
          "datum: 2 februari 2024 aan JO BROUNS\n", "\xa0", "\t"]


def _outcome(text: str) -> Document | ParseError:
    try:
        return parse_text(text)
    except ParseError as exc:
        return exc


@BOUNDED
@given(st.text(max_size=2_000))
def test_parse_of_any_text_is_a_document_or_a_clean_error(text):
    assert isinstance(_outcome(text), Document | ParseError)


@settings(BOUNDED, max_examples=25)
@given(pattern=st.lists(st.sampled_from(PIECES), min_size=1, max_size=8).map("".join),
       answered=st.booleans())
# Shapes that once took from half a minute to hours: a part number again and again mid-sentence,
# section numbers, a run of numbers that never ends in a label, a header that never finds its date.
@example(pattern="x 1. y ", answered=False)
@example(pattern="2.1. x ", answered=False)
@example(pattern="1+2+", answered=True)
@example(pattern="SCHRIFTELIJKE VRAAG nr. 1 van X ", answered=False)
def test_parse_of_a_long_repetitive_paste_is_bounded(pattern, answered):
    """A pattern repeated up to the size limit, as a question or inside an answer."""
    prefix = ANSWER_HEADER if answered else ""
    text = prefix + pattern * ((MAX_TEXT_CHARS - len(prefix)) // len(pattern))
    assert isinstance(_outcome(text), Document | ParseError)


@settings(BOUNDED, max_examples=1)
@given(st.just(15_000))
def test_fifteen_thousand_one_line_parts(count):
    text = "".join(f"{n}. Vraag {n}?\n" for n in range(1, count + 1))
    split = split_numbered(text)
    assert [number for number, _ in split.parts] == list(range(1, count + 1))
    assert split.parts[-1] == (count, f"Vraag {count}?")


def test_a_paste_of_thousands_of_parts_is_refused_not_drafted():
    text = "".join(f"{n}. Hoeveel werkzoekenden in gemeente {n}?\n" for n in range(1, 3_000))
    try:
        parse_text(text)
    except ParseError as exc:
        assert f"at most {MAX_PARTS}" in str(exc) and "2,999" in str(exc)
    else:
        raise AssertionError("a 2,999-part paste was accepted")


@settings(BOUNDED, max_examples=1)
@given(st.just("1+2+" * 20_000 + "x"))
def test_a_long_run_of_numbers_without_a_label_end(answer):
    assert split_answer(answer, 5).parts == []


@settings(BOUNDED, max_examples=1)
@given(st.just("SCHRIFTELIJKE VRAAG nr. 1 van X " * 6_000 + "?"))
def test_a_repeated_question_header_without_a_date(text):
    assert parse_text(text).number is None
