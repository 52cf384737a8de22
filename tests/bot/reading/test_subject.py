"""What a whole question is about, and the measure words that count only within that subject."""

import pytest
import yaml

from bot.reading.reader import read
from bot.reading.subject import named_populations, vague_measure_word
from tools.catalog import CATALOG_FILE, Catalog


def test_populations_are_named_by_their_words_a_precise_measure_word_or_an_agency():
    assert "asielzoeker" in named_populations("Opvang van asielzoekers in Limburg")
    assert "asielzoeker" in named_populations("Asielaanvragen in 2023")  # a precise word of one of its measures
    assert "asielzoeker" in named_populations("De werking van het CGVS")  # an agency whose data count them
    assert "asielzoeker" not in named_populations("Zelfstandigen - Vrijstelling van sociale bijdragen")
    assert "asielzoeker" not in named_populations("Aanvragen en beslissingen over dronevergunningen")  # vague words only


def test_a_vague_measure_word_stands_only_in_a_question_about_its_population():
    reading = read("Hoeveel aanvragen werden er in 2023 ingediend?")
    assert reading.measure_id == "verzoeken"
    assert vague_measure_word(reading, named_populations("Dronevergunningen. Hoeveel aanvragen werden er in 2023 ingediend?")) == "aanvragen"
    assert vague_measure_word(reading, named_populations("Asielzoekers. Hoeveel aanvragen werden er in 2023 ingediend?")) is None
    precise = read("Hoeveel verzoeken om internationale bescherming werden er in 2023 ingediend?")
    assert vague_measure_word(precise, set()) is None  # the words say it themselves


def test_the_catalog_refuses_a_vague_word_that_is_not_one_of_the_measures_words():
    raw = yaml.safe_load(CATALOG_FILE.read_text(encoding="utf-8"))
    measure = next(m for m in raw["measures"] if m["id"] == "verzoeken")
    measure["vague_words"] = [*measure["vague_words"], "dronevergunningen"]
    with pytest.raises(ValueError, match="vague_words must be among its words"):
        Catalog.model_validate(raw)
