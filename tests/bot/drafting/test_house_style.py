"""House style helpers and the edited-text round trip used by the export."""

import pytest

from bot.drafting.export import parse_edited
from bot.drafting.house_style import dutch_number, group_label
from bot.parse.numbering import parse_label


@pytest.mark.parametrize(("numbers", "label"), [([1, 4, 5, 6], "1+4-6"), ([2, 3], "2-3"), ([7], "7"), ([1, 3, 5], "1+3+5"), ([1, 2, 3, 8, 9], "1-3+8-9")])
def test_group_label_round_trips_through_the_parser(numbers, label):
    assert group_label(numbers) == label
    assert parse_label(label + ".") == numbers  # the parser of real answers reads our labels back


@pytest.mark.parametrize(("value", "text"), [(32012, "32.012"), (88479, "88.479"), (7, "7"), (12.5, "12,5"), (1234567.25, "1.234.567,25"), (94.0, "94")])
def test_dutch_number(value, text):
    assert dutch_number(value) == text


def test_parse_edited_keeps_labels_and_continuation_lines():
    edited = "1+4-6. Eerste deel [1].\n\n2-3. Tweede deel.\nNog een regel.\n\n7. Derde."
    assert parse_edited(edited) == [("1+4-6", "Eerste deel [1]."), ("2-3", "Tweede deel.\nNog een regel."), ("7", "Derde.")]
    assert parse_edited("Inleiding zonder label.\n\n1. Deel.") == [("", "Inleiding zonder label."), ("1", "Deel.")]
    assert parse_edited("   ") == []


def test_numbers_added_while_editing_are_flagged():
    from bot.drafting.export import parts_as_text, unsupported_in_edit
    from bot.drafting.pipeline import draft_document
    from bot.parse.files import parse_text

    doc = parse_text("1. Hoeveel verzoeken om internationale bescherming werden ingediend van 2021 tot 2023? Graag per jaar.")
    draft = draft_document(doc)
    edited = parts_as_text(draft)
    assert unsupported_in_edit(draft, edited) == []  # the composed text passes, years of the question included
    assert unsupported_in_edit(draft, edited + " Daarnaast waren er 4.321 weigeringen.") == ["4.321"]
