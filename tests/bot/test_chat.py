"""Drafting in conversation: every class of instruction, and untouched parts stay untouched."""

import datetime as dt

import pandas as pd
import pytest

from bot.chat import Chat, ChatState
from tests.conftest import seed_question_only
from tools.catalog import DATA_DIR
from tools.errors import PQError

QUESTION = ("1. Hoeveel werkzoekenden zonder werk waren er eind 2023 in Vlaanderen?\n"
            "2. Hoeveel asielzoekers gingen aan de slag vanaf 2022?\n"
            "3. Hoe evalueert de minister de samenwerking met Fedasil?")


def _jobseekers() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / "synthetic" / "vdab_werkzoekenden.csv", dtype={"maand": str})


@pytest.fixture
def chat(small_index, tmp_path):
    def exporter(draft, fmt):
        path = tmp_path / f"antwoord.{fmt}"
        path.write_text(draft.text, encoding="utf-8")
        return path

    return Chat(index=small_index, exporter=exporter, asked=dt.date(2024, 2, 2))


def _texts(draft, *labels):
    return {p.label: p.text for p in draft.parts if p.label not in labels}


def test_a_pasted_question_is_drafted(chat):
    reply = chat.turn(QUESTION)
    assert reply.kind == "draft" and [p.label for p in reply.draft.parts] == ["1", "2", "3"]
    assert reply.draft.parts[1].status == "owned_elsewhere"


def test_refining_a_part_changes_that_part_only(chat):
    state = chat.turn(QUESTION).state
    before = _texts(state.draft, "1")
    reply = chat.turn("deel 1 per geslacht", state)
    part = reply.draft.parts[0]
    expected = _jobseekers().query("maand == '2023-12'").groupby("geslacht")["werkzoekenden_zonder_werk"].sum()
    assert reply.kind == "refine" and reply.changed == ["1"] and "per geslacht" in part.understood
    assert {f.filters["geslacht"][0]: f.value for f in part.figures if "geslacht" in f.filters} == expected.to_dict()
    assert _texts(reply.draft, "1") == before
    limburg = chat.turn("voor 1 alleen Limburg", reply.state).draft.parts[0]
    assert limburg.reading["filters"] == {"provincie": ["Limburg"]} and limburg.reading["breakdowns"] == ["geslacht"]
    earlier = chat.turn("en het jaar ervoor?", chat.turn("voor 1 alleen Limburg", reply.state).state).draft.parts[0]
    assert earlier.reading["period"]["day"] == "2022-12-31"


def test_why_a_part_refers_to_fedasil_names_the_rule_and_the_source(chat):
    state = chat.turn(QUESTION).state
    reply = chat.turn("Waarom verwijs je naar Fedasil?", state)
    assert reply.kind == "explain" and reply.draft is None
    assert "Regel:" in reply.text and "Fedasil" in reply.text and "Datacatalogus: gegevens van Fedasil" in reply.text
    figure = chat.turn("waar komt het cijfer van deel 1 vandaan?", state)
    assert "vdab_werkzoekenden" not in figure.text and "VDAB werkzoekenden zonder werk per maand" in figure.text


def test_search_then_cite_a_precedent_in_a_part(chat):
    state = chat.turn(seed_question_only()).state
    found = chat.turn("zoek eerdere antwoorden over asielzoekers op de arbeidsmarkt", state)
    assert found.kind == "search" and found.hits
    before = _texts(found.state.draft, "7")
    cited = chat.turn("citeer 1 in deel 7", found.state)
    part = next(p for p in cited.draft.parts if p.label == "7")
    assert cited.changed == ["7"] and part.citations[-1].id == found.hits[0]["id"] and f"[{part.citations[-1].n}]" in part.text
    assert _texts(cited.draft, "7") == before


def test_edit_and_export(chat):
    state = chat.turn(QUESTION).state
    removed = chat.turn("schrap deel 3", state)
    assert [p.label for p in removed.draft.parts] == ["1", "2"] and removed.kind == "edit"
    marked = chat.turn("zet deel 2 op te vervolledigen", removed.state)
    assert marked.draft.parts[1].to_complete and "Te vervolledigen" in marked.draft.parts[1].text
    exported = chat.turn("maak er een Word-bestand van", marked.state)
    assert exported.kind == "export" and exported.file.endswith(".docx")


def test_a_rewrite_needs_a_model_and_anything_else_is_answered_with_what_the_chat_can_do(chat):
    state = chat.turn(QUESTION).state
    assert "taalmodel" in chat.turn("formuleer deel 3 korter", state).text
    unknown = chat.turn("bak een taart", state)
    assert unknown.kind == "help" and "Ik kan" in unknown.text
    with pytest.raises(PQError):
        chat.turn("   ", state)
    assert chat.turn("hallo", ChatState()).kind == "help"  # nothing to work on yet
