"""Numbered parts of questions and answers.

Three jobs, all about the numbers ministers and MPs put in front of their text:
- `parse_label`: an answer-group label ("1+4-6", "2-3", "1 tot en met 3", "Vragen 1 tot 3")
  to the set of sub-question numbers it covers;
- `split_numbered`: a question body into its introduction and sub-questions 1..n, whether
  they stand on their own lines (Flemish PDFs) or run inline ("…hoe?2. Zou er…", Chamber);
- `split_answer`: an answer into the parts that follow each group label.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

# Longest first, so "tot en met" wins over "tot" and "t.e.m." over "t".
_RANGE_WORDS = r"tot\s+en\s+met|t\.\s?e\.\s?m\.?|t/m|tot|à|a(?=\s*\d)|[-–—]"
_LIST_WORDS = r"\+|,|&|/|en"
_SEP = rf"\s*(?:{_RANGE_WORDS}|{_LIST_WORDS})\s*"
_NUM = r"\d{1,2}"
_GROUP = rf"{_NUM}(?:\.?{_SEP}{_NUM})*"
_PREFIX = r"(?:(?:antwoord\s+op\s+)?(?:de\s+)?(?:deel)?vra(?:ag|gen)|ad|punt(?:en)?|question)\s*"

_TOKEN = re.compile(rf"\d+|{_RANGE_WORDS}|{_LIST_WORDS}", re.IGNORECASE)
_RANGE_TOKEN = re.compile(rf"^(?:{_RANGE_WORDS}|a)$", re.IGNORECASE)

# Largest number a label may name when we do not know how many sub-questions there are.
MAX_SUBQUESTIONS = 40


class LabelError(ValueError):
    """A text that is not an answer-group label."""


def parse_label(label: str) -> list[int]:
    """Numbers covered by an answer-group label, sorted and unique.

    >>> parse_label("1+4-6.")
    [1, 4, 5, 6]
    """
    text = label.strip().rstrip(".):").strip()
    text = re.sub(rf"^{_PREFIX}", "", text, flags=re.IGNORECASE)
    if not re.fullmatch(_GROUP, text, flags=re.IGNORECASE):
        raise LabelError(f"not an answer-group label: {label!r}")
    numbers: set[int] = set()
    tokens = _TOKEN.findall(text)
    previous: int | None = None
    pending_range = False
    for token in tokens:
        if token.isdigit():
            value = int(token)
            if pending_range:
                assert previous is not None
                if value < previous:
                    raise LabelError(f"range runs backwards in label {label!r}")
                numbers.update(range(previous, value + 1))
                pending_range = False
            numbers.add(value)
            previous = value
        elif _RANGE_TOKEN.match(token):
            pending_range = True
    if 0 in numbers:
        raise LabelError(f"sub-questions are numbered from 1: {label!r}")
    return sorted(numbers)


# --- where a label may stand -------------------------------------------------------------

# A label starts a part when it stands at the start of the text or of a line, or right after
# the end of a sentence ("…hoe?2. Zou…", "…opzet. 2. De…"), possibly after a quote or bracket.
# Not part of a larger number or amount ("8.256", "1/1.000", "€5"); a sentence end glued
# to the label ("…Zaken.2 en 3.") is fine.
_NOT_INSIDE_NUMBER = r"(?<![\d,/€$])(?<!\d\.)"
_BOUNDARY_BEFORE = set("?.!:;\"')”’…")

# Every check below looks at a bounded neighbourhood of a candidate, never at the whole text
# before or after it: a pasted question of 15,000 one-line parts is parsed in linear time.
_NON_SPACE = re.compile(r"\S")
_DIGIT = re.compile(r"\d")
_DIGIT_DOT_AT_END = re.compile(r"\d\.$")


def _at_boundary(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] == "\n" or text[i] in _BOUNDARY_BEFORE


class _Landmarks:
    """Where the text's first and last non-blank characters are, found once per text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.first_non_space = len(text) - len(text.lstrip())
        self.last_non_space = len(text.rstrip()) - 1

    def followed_by_text(self, end: int) -> bool:
        """Something follows the label, and not glued digits ("2.739" is a number, not part 2)."""
        return end <= self.last_non_space and not self.text[end : end + 1].isdigit()

    def blank_before(self, start: int) -> bool:
        return self.first_non_space >= start

    def next_char(self, end: int) -> str:
        """The first non-blank character from `end` ("" at the end of the text)."""
        found = _NON_SPACE.search(self.text, end)
        return found.group() if found else ""

    def after_section_number(self, start: int) -> bool:
        """The text before `start` ends in "<digit>." (or that and a line break)."""
        return _DIGIT_DOT_AT_END.search(self.text, max(0, start - 3), start) is not None


@dataclass
class Split:
    intro: str
    parts: list[tuple[int, str]]
    warnings: list[str] = field(default_factory=list)


# `n.` or `n)` not inside a number; the digits are compared with the part number wanted.
_PART_NUMBER = re.compile(r"(?<![\d,/€$])(\d+)\s*[.)](?!\d)")


class _PartLabels:
    """Every `n.` / `n)` of a text, found in one pass and looked up by number."""

    def __init__(self, text: str) -> None:
        self.marks = _Landmarks(text)
        self.by_number: dict[str, list[re.Match]] = {}
        for match in _PART_NUMBER.finditer(text):
            self.by_number.setdefault(match.group(1), []).append(match)

    def find(self, number: int, start: int, strict: bool) -> re.Match | None:
        """First place from `start` where `number.` / `number)` plausibly opens a part."""
        marks = self.marks
        candidates = self.by_number.get(str(number), [])
        for index in range(bisect_left(candidates, start, key=re.Match.start), len(candidates)):
            match = candidates[index]
            if not marks.followed_by_text(match.end()):
                continue
            opens_with_capital = marks.next_char(match.end()).isupper()
            if marks.after_section_number(match.start()) and not opens_with_capital:
                # "2.1." is a version or section number; "in 2016.1. Hoeveel" is a part.
                continue
            if _at_boundary(marks.text, match.start()):
                return match
            # Mid-sentence is only believable for a next part that opens with a capital.
            if not strict and opens_with_capital:
                return match
        return None


def split_numbered(text: str) -> Split:
    """Split a question body into its introduction and sub-questions numbered 1..n.

    Numbers are taken in sequence: after part n only `n+1.` can open the next part, which
    keeps dates, amounts and article numbers in the text from being read as labels.
    """
    labels = _PartLabels(text)
    positions: list[tuple[int, int, int]] = []  # (number, label start, text start)
    cursor = 0
    number = 1
    while True:
        match = labels.find(number, cursor, strict=(number == 1))
        if match is None:
            break
        positions.append((number, match.start(), match.end()))
        cursor = match.end()
        number += 1

    warnings: list[str] = []
    if not positions:
        later = labels.find(2, 0, strict=True)
        if later is not None:
            warnings.append("numbered parts do not start at 1")
        return Split(intro=text.strip(), parts=[], warnings=warnings)

    last = positions[-1][0]
    tail = _PartLabels(text[positions[-1][2] :])
    for skipped in range(last + 2, last + 6):
        if tail.find(skipped, 0, strict=True) is not None:
            warnings.append(f"numbering gap: parts 1-{last} found, then {skipped}")
            break

    parts = []
    for index, (num, _, text_start) in enumerate(positions):
        text_end = positions[index + 1][1] if index + 1 < len(positions) else len(text)
        parts.append((num, text[text_start:text_end].strip()))
    empty = [num for num, body in parts if not body]
    if empty:
        warnings.append(f"empty sub-question(s): {empty}")
    return Split(intro=text[: positions[0][1]].strip(), parts=parts, warnings=warnings)


# --- answers -----------------------------------------------------------------------------

# An answer-group label is `(?:PREFIX)?GROUP` followed by `.`, `)`, `:` or a line end, where
# GROUP is a number and any run of (separator, number). Matched as one regular expression,
# a long run without that ending ("1+2+1+2+…") is walked again from every number in it:
# quadratic. The scanner below walks each run once and remembers, per number, the furthest
# label end the run allows; it returns exactly the matches of that one expression
# (`_ANSWER_LABEL`, kept for reference and for the tests).
_ANSWER_LABEL = re.compile(
    rf"{_NOT_INSIDE_NUMBER}(?<![\w-])(?P<label>(?:{_PREFIX})?{_GROUP})\s*(?:[.):]|(?=\n))(?!\d)",
    re.IGNORECASE,
)
_LABEL_START = re.compile(rf"{_NOT_INSIDE_NUMBER}(?<![\w-])(?:{_PREFIX})?(?=\d)", re.IGNORECASE)
_LABEL_NUMBER = re.compile(_NUM)
# Between two numbers of a group exactly one separator fits; no other reading of it is followed by a digit.
_LABEL_STEP = re.compile(rf"\.?{_SEP}(?=\d)", re.IGNORECASE)
_LABEL_END = re.compile(r"\s*(?:[.):]|(?=\n))(?!\d)")


@dataclass(frozen=True)
class _LabelMatch:
    start: int
    label_end: int  # end of the label text (the last number)
    end: int  # end of the match (after its `.`, `)` or `:`)


class _AnswerLabels:
    """The answer-group labels of a text, in order, each run of numbers walked once."""

    def __init__(self, text: str) -> None:
        self.text = text
        # Per number position: (label end, match end) of the longest label from there, or None.
        self._longest: dict[int, tuple[int, int] | None] = {}

    def _longest_from(self, position: int) -> tuple[int, int] | None:
        text = self.text
        walked: list[tuple[int, int]] = []  # (start, end) of the numbers of the run, before `position`
        while position not in self._longest:
            number_end = _LABEL_NUMBER.match(text, position).end()
            if _DIGIT.match(text, number_end):
                # Three digits or more: neither a number of a label nor followed by its end.
                self._longest[position] = None
                break
            step = _LABEL_STEP.match(text, number_end)
            if step is None:
                self._longest[position] = self._ending(number_end)
                break
            walked.append((position, number_end))
            position = step.end()
        found = self._longest[position]
        # Back along the run: the longest label from a number is the longest from the next
        # number, else the one that stops after this number.
        while walked:
            number_start, number_end = walked.pop()
            if found is None:
                found = self._ending(number_end)
            self._longest[number_start] = found
        return found

    def _ending(self, number_end: int) -> tuple[int, int] | None:
        ending = _LABEL_END.match(self.text, number_end)
        return (number_end, ending.end()) if ending else None

    def __iter__(self):
        position = 0
        while True:
            start = _LABEL_START.search(self.text, position)
            if start is None:
                return
            longest = self._longest_from(start.end())
            if longest is None:
                position = start.start() + 1
                continue
            yield _LabelMatch(start.start(), *longest)
            position = longest[1]


# Only with a word in front: a bare number on its own line is a PDF page number.
_BARE_LABEL_LINE = re.compile(rf"^([ \t]*{_PREFIX}{_GROUP})[ \t]*$", re.IGNORECASE | re.MULTILINE)


def mark_bare_labels(text: str) -> str:
    """Give a label that stands alone on its line ("Vragen 1 tot 3") a colon, so that it
    survives the joining of wrapped lines."""
    return _BARE_LABEL_LINE.sub(r"\1:", text)


@dataclass
class AnswerSplit:
    intro: str
    parts: list[tuple[str, list[int], str]]  # (label, numbers, text)
    warnings: list[str] = field(default_factory=list)


def split_answer(text: str, subquestion_count: int) -> AnswerSplit:
    """Split an answer into its labelled parts.

    A label is accepted when it stands at a part boundary, names only existing sub-questions,
    and does not go back before the previous label (ministers answer in order, though a
    number may come back: "2-3." then "3."). An answer without labels has no parts here;
    the caller decides what it covers.
    """
    limit = subquestion_count if subquestion_count > 0 else MAX_SUBQUESTIONS
    marks = _Landmarks(text)
    accepted: list[tuple[str, list[int], int, int]] = []
    last_first = 0
    for match in _AnswerLabels(text):
        if not _at_boundary(text, match.start) or not marks.followed_by_text(match.end):
            continue
        raw_label = text[match.start : match.label_end]
        try:
            numbers = parse_label(raw_label)
        except LabelError:
            continue
        if numbers[-1] > limit or numbers[0] < last_first:
            continue
        if accepted and numbers == accepted[-1][1]:
            continue
        if not accepted and numbers[0] != 1 and subquestion_count > 0:
            # A first label that skips part 1 is usually a figure, unless part 1 is
            # answered later ("2-3." before "1.") — which we then cannot see.
            if not marks.blank_before(match.start):
                continue
        label = re.sub(r"\s+", " ", raw_label.strip())
        accepted.append((label, numbers, match.start, match.end))
        last_first = numbers[0]

    warnings: list[str] = []
    parts = []
    for index, (label, numbers, _, text_start) in enumerate(accepted):
        text_end = accepted[index + 1][2] if index + 1 < len(accepted) else len(text)
        parts.append((label, numbers, text[text_start:text_end].strip()))
    intro = text[: accepted[0][2]].strip() if accepted else text.strip()
    if subquestion_count > 0 and accepted:
        covered = {n for _, numbers, _ in parts for n in numbers}
        missing = sorted(set(range(1, subquestion_count + 1)) - covered)
        if missing:
            warnings.append(f"sub-question(s) without an answer part: {missing}")
    return AnswerSplit(intro=intro, parts=parts, warnings=warnings)
