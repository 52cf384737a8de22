"""Answer-group labels and the sub-question splitter, by example and by property."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.parse.numbering import LabelError, parse_label, split_answer, split_numbered


@pytest.mark.parametrize(
    "label, numbers",
    [
        ("1+4-6.", [1, 4, 5, 6]),
        ("2-3.", [2, 3]),
        ("3.", [3]),
        ("1 tot en met 3.", [1, 2, 3]),
        ("1 en 2.", [1, 2]),
        ("Vragen 1 tot 3", [1, 2, 3]),
        ("1. en 3.", [1, 3]),
        ("1., 4. a 6.", [1, 4, 5, 6]),
        ("4 t.e.m. 6", [4, 5, 6]),
        ("Vraag 5:", [5]),
        ("Antwoord op vraag 2", [2]),
        ("1, 2 en 5", [1, 2, 5]),
        ("7 – 9.", [7, 8, 9]),
    ],
)
def test_labels_ministers_write(label, numbers):
    assert parse_label(label) == numbers


@pytest.mark.parametrize("label", ["", "a.", "6-4.", "0.", "Hoeveel?", "1 + "])
def test_not_a_label(label):
    with pytest.raises(LabelError):
        parse_label(label)


def render_group(numbers: list[int], style: str) -> str:
    """Write a set of numbers the way a minister would, independently of the parser."""
    runs: list[tuple[int, int]] = []
    for n in numbers:
        if runs and n == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    if style == "compact":
        return "+".join(f"{a}-{b}" if a != b else f"{a}" for a, b in runs)
    words = [f"{a} tot en met {b}" if b > a + 1 else (f"{a} en {b}" if b == a + 1 else f"{a}") for a, b in runs]
    return ", ".join(words)


@given(
    numbers=st.sets(st.integers(min_value=1, max_value=30), min_size=1, max_size=8).map(sorted),
    style=st.sampled_from(["compact", "words"]),
)
def test_label_round_trip(numbers, style):
    assert parse_label(render_group(numbers, style) + ".") == numbers


WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéë", min_size=1, max_size=9)
YEAR = st.integers(min_value=1990, max_value=2030).map(str)
AMOUNT = st.integers(min_value=1, max_value=999).map(lambda n: f"{n}.{n % 1000:03d}")
# Sentences open with a word, as questions do ("1990.1. 1990 …" is a section number, not part 1).
SENTENCE = st.tuples(WORD, st.lists(st.one_of(WORD, WORD, WORD, YEAR, AMOUNT), min_size=1, max_size=11)).map(
    lambda t: t[0].capitalize() + " " + " ".join(t[1])
)
SUBQUESTION = st.tuples(SENTENCE, st.booleans(), SENTENCE).map(
    lambda t: f"{t[0]}? a) {t[2]}? b) {t[2]}?" if t[1] else f"{t[0]}?"
)


@settings(max_examples=200)
@given(
    intro=SENTENCE,
    subquestions=st.lists(SUBQUESTION, min_size=1, max_size=12),
    layout=st.sampled_from(["inline", "lines", "spaced"]),
)
def test_splitter_recovers_every_subquestion(intro, subquestions, layout):
    glue = {"inline": "", "lines": "\n", "spaced": " "}[layout]
    body = f"{intro}.{glue}" + glue.join(f"{n}. {text}" for n, text in enumerate(subquestions, start=1))
    split = split_numbered(body)
    assert [n for n, _ in split.parts] == list(range(1, len(subquestions) + 1))
    assert [text for _, text in split.parts] == subquestions
    assert split.intro == f"{intro}."


@given(
    groups=st.lists(st.sets(st.integers(min_value=1, max_value=3), min_size=1, max_size=3), min_size=1, max_size=4),
    style=st.sampled_from(["compact", "words"]),
)
def test_answer_parts_follow_their_labels(groups, style):
    # Parts in the order ministers use: by their first number, each group a block of numbers.
    offset, ordered = 0, []
    for group in groups:
        ordered.append(sorted(n + offset for n in group))
        offset += 3
    count = offset
    answer = " ".join(f"{render_group(nums, style)}. Antwoord deel {i}." for i, nums in enumerate(ordered))
    split = split_answer(answer, count)
    assert [numbers for _, numbers, _ in split.parts] == ordered
    assert [text for _, _, text in split.parts] == [f"Antwoord deel {i}." for i in range(len(ordered))]


def test_numbers_in_text_are_not_labels():
    body = "In 2016 waren het er 2.739. 1. Hoeveel in 2017? 2. En in 2018 bedroeg het 1. 841.075 euro? 3. Wat nu?"
    split = split_numbered(body)
    assert [n for n, _ in split.parts] == [1, 2, 3]
    assert split.parts[1][1] == "En in 2018 bedroeg het 1. 841.075 euro?"


def test_numbering_gap_is_reported():
    split = split_numbered("Inleiding. 1. Eerste? 2. Tweede? 4. Vierde? 5. Vijfde?")
    assert [n for n, _ in split.parts] == [1, 2]
    assert any(w.startswith("numbering gap") for w in split.warnings)


def test_answer_rejects_labels_beyond_the_question():
    split = split_answer("1. Ja. 2. Nee, in 2016. 7. Dit is geen deel.", 2)
    assert [numbers for _, numbers, _ in split.parts] == [[1], [2]]
    assert split.parts[1][2] == "Nee, in 2016. 7. Dit is geen deel."


# --- the linear scanners against their definitions ------------------------------------------
# The scanners read each part of a text once; here they are compared with the plain definitions
# they replace (a regular expression run from every position, slices of the whole text).
PIECES = ["1", "2", "3", "4", "5", "12", "123", "0", "01", "40", "41", "99", ".", ")", ":", " ", "  ", "\n", "\n\n", "\t", "+", "-",
          "–", ",", " en ", "en", " tot ", " tot en met ", " t.e.m. ", "t/m", " à ", " a ", "a", "/", "&", "€", "$", "?", "!", '"',
          "”", "…", ";", "vraag ", "Vragen ", "Antwoord op vraag ", "ad ", "punten ", "deelvraag ", "Hoeveel", "hoe", "Zou", "x",
          "X", "De", "\xa0", "²", "١", "\u2003", "É", "2016.", "2.1.", "8.256"]
PIECED_TEXT = st.lists(st.sampled_from(PIECES), max_size=50).map("".join)


@settings(max_examples=400)
@given(PIECED_TEXT)
def test_answer_label_scanner_finds_what_the_label_expression_finds(text):
    from bot.parse.numbering import _ANSWER_LABEL, _AnswerLabels

    expected = [(m.start(), m.end("label"), m.end()) for m in _ANSWER_LABEL.finditer(text)]
    assert [(m.start, m.label_end, m.end) for m in _AnswerLabels(text)] == expected


def _find_number_by_definition(text: str, number: int, start: int, strict: bool) -> int | None:
    """The part finder written plainly, with slices of the whole text (quadratic on long texts)."""
    from bot.parse.numbering import _at_boundary

    for match in re.compile(rf"(?<![\d,/€$])({number})\s*[.)](?!\d)").finditer(text, start):
        if not text[match.end() :].strip() or text[match.end() : match.end() + 1].isdigit():
            continue
        rest = text[match.end() :].lstrip()
        if re.search(r"\d\.$", text[: match.start()]) and not rest[:1].isupper():
            continue
        if _at_boundary(text, match.start()) or (not strict and rest[:1].isupper()):
            return match.start()
    return None


@settings(max_examples=400)
@given(PIECED_TEXT, st.integers(0, 30), st.booleans())
def test_part_finder_finds_what_its_definition_finds(text, start, strict):
    from bot.parse.numbering import _PartLabels

    labels = _PartLabels(text)
    for number in (1, 2, 3, 4, 12):
        found = labels.find(number, start, strict)
        assert (found.start() if found else None) == _find_number_by_definition(text, number, start, strict)


@settings(max_examples=400)
@given(PIECED_TEXT, st.integers(0, 60))
def test_text_landmarks_agree_with_slices(text, position):
    from bot.parse.numbering import _Landmarks

    marks = _Landmarks(text)
    position = min(position, len(text))  # positions of matches in the text
    assert marks.followed_by_text(position) == (bool(text[position:].strip()) and not text[position : position + 1].isdigit())
    assert marks.blank_before(position) == (re.match(r"\s*$", text[:position]) is not None)
    assert marks.next_char(position) == text[position:].lstrip()[:1]
    assert marks.after_section_number(position) == (re.search(r"\d\.$", text[:position]) is not None)
