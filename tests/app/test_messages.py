"""The app's Dutch: every error message of bot/ and tools/ has a translation, real errors come out
in Dutch with their details kept, unknown ones behind a Dutch sentence, every status a Dutch badge."""

import re
import typing

import pytest

from bot.app_messages import (
    STATUS_BADGES,
    UNKNOWN_PREFIX,
    dutch_error,
    dutch_warning,
    known_translation,
    status_badge_text,
)
from bot.drafting.model import PartStatus
from tests.app.error_sites import error_sites
from tools.errors import PQError

# Words that give an untranslated English sentence away (placeholders are filled with "X1").
ENGLISH = re.compile(r"\b(the|not|cannot|must|found|empty|larger|unknown|missing|invalid|expected|choose|valid|give|needs|"
                     r"takes|rows?|column|line|file|folder|built|configured|damaged|rebuild|wait)\b")


def test_the_source_scan_finds_the_messages():
    templates = {site.template for site in error_sites()}
    assert "the text is empty" in templates and "the question has no sub-questions to answer" in templates
    assert "the \0 states \0 without a tool result or cited source behind it" in templates  # built in an error class
    assert len(templates) > 30


@pytest.mark.parametrize("site", error_sites(), ids=lambda s: f"{s.path}:{s.line}")
def test_every_message_raised_in_bot_and_tools_has_a_dutch_translation(site):
    # placeholders hold names, numbers or quoted names: one of these fillers fits each message
    samples = [site.sample(filler) for filler in ("X1", "12", "1,234", "'x1'")]
    translated = next((t for t in map(known_translation, samples) if t is not None), None)
    sample = samples[0]
    assert translated is not None, (f"{site.path}:{site.line} raises {sample!r}, which bot/app_messages.py does not translate; "
                                    "add it to _CATALOGUE")
    leftover = ENGLISH.findall(re.sub(r"python -m bot \S+( --\S+)?|PQ_\w+|llama-cpp-python|sentence-transformers", "", translated))
    assert not leftover, f"{translated!r} still reads English: {leftover}"


def _raised(fn, *args) -> str:
    with pytest.raises(PQError) as info:
        fn(*args)
    return str(info.value)


def test_real_errors_come_out_in_dutch_with_their_details():
    from bot.ask import ask
    from bot.parse.files import parse_bytes, parse_text

    assert dutch_error(_raised(parse_text, "")) == "De tekst is leeg: plak een vraag of kies een bestand."
    assert dutch_error(_raised(parse_text, "x" * 200_001)) == "De tekst telt 200.001 tekens; een schriftelijke vraag telt er hoogstens 200.000."
    assert dutch_error(_raised(ask, "x" * 199_429)) == "De vraag telt 199.429 tekens; de grens is 2.000."
    assert dutch_error(_raised(ask, "   ")) == "De vraag is leeg."
    assert dutch_error(_raised(parse_bytes, b"", "vraag.pdf")) == "vraag.pdf is leeg."
    assert dutch_error(_raised(parse_bytes, b"\x00\x01\x02binary", "x.txt")) == "Dit is een binair bestand, geen tekst-, PDF- of JSON-bestand."
    assert dutch_error(_raised(parse_bytes, b'{"a": ', "q.json")).startswith("Ongeldige JSON op regel 1 (")


def test_a_pdf_without_text_gives_the_dutch_scan_message():
    import io

    from pypdf import PdfWriter

    from bot.parse.files import parse_bytes

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    message = dutch_error(_raised(parse_bytes, buffer.getvalue(), "scan.pdf"))
    assert message == ("De PDF heeft geen tekstlaag (een scan?): laat er eerst tekstherkenning (OCR) op lopen of plak de tekst.")


def test_unknown_messages_are_put_behind_a_dutch_sentence():
    assert dutch_error("quantum flux exceeded") == f"{UNKNOWN_PREFIX}. Melding van het systeem: quantum flux exceeded"
    assert dutch_error("the thing has no name") == f"{UNKNOWN_PREFIX}. Melding van het systeem: the thing has no name"


def test_messages_written_in_dutch_pass_with_a_capital():
    assert dutch_error("dit ontwerp heeft geen deel 9; de delen zijn 1, 2") == "Dit ontwerp heeft geen deel 9; de delen zijn 1, 2."
    assert dutch_error("de file is not found") == f"{UNKNOWN_PREFIX}. Melding van het systeem: de file is not found"


def test_warnings_with_an_english_reason_get_it_translated():
    assert dutch_warning("geen precedenten: no precedent index in /x; build it with: python -m bot ingest") == (
        "geen precedenten: Er is geen zoekindex in /x; bouw hem op met: python -m bot ingest")
    assert dutch_warning("geen precedenten: er is geen zoekindex geopend") == "geen precedenten: er is geen zoekindex geopend"


def test_every_part_status_has_a_dutch_badge():
    statuses = set(typing.get_args(PartStatus))
    assert statuses <= set(STATUS_BADGES)
    assert status_badge_text("needs_review") == "te controleren"
    assert status_badge_text("owned_elsewhere", "Fedasil") == "gegevens bij Fedasil"
    for status in statuses:
        assert "_" not in status_badge_text(status, "X")
