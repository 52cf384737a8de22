"""The minimal app page: it builds, and its parse handler reads the seed or says why not."""

from app import build_app, parse_input
from tests.conftest import SEED


def test_parse_handler_on_the_seed(seed_text):
    rendered, parsed = parse_input(seed_text, None)
    assert parsed["number"] == 216
    assert "**1+4-6.** → [1, 4, 5, 6]" in rendered


def test_parse_handler_on_an_upload():
    _, parsed = parse_input("", str(SEED))
    assert parsed["id"] == "vp:2023-2024:216"


def test_parse_handler_explains_bad_input():
    rendered, parsed = parse_input("", None)
    assert parsed is None and rendered.startswith("**Cannot read this question:**")


def test_app_builds():
    assert build_app() is not None
