"""Drafting in conversation: every class of instruction, and untouched parts stay untouched."""

import datetime as dt

import pandas as pd
import pytest

from bot.chat import Chat, ChatState
from tests.conftest import SEED, seed_question_only
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
    assert "al geciteerd in deel 7" in found.text and "citeer 1 in deel 8" in found.text  # the draft quotes it in part 7 already
    before = _texts(found.state.draft, "8")
    cited = chat.turn("citeer 1 in deel 8", found.state)
    part = next(p for p in cited.draft.parts if p.label == "8")
    assert cited.changed == ["8"] and part.citations[-1].id == found.hits[0]["id"] and f"[{part.citations[-1].n}]" in part.text
    assert _texts(cited.draft, "8") == before
    again = chat.turn("citeer 1 in deel 7", found.state)
    assert again.draft is None and "niets gewijzigd" in again.text


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


# --- more ways of saying things, and what each class of instruction leaves alone --------------------
FIGURES = ("1. Hoeveel werkzoekenden zonder werk waren er eind 2023 in Vlaanderen?\n"
           "2. Hoeveel verzoeken om internationale bescherming werden in 2023 ingediend?\n"
           "3. Hoe evalueert de minister de samenwerking met Fedasil?")


@pytest.fixture
def offline_chat(tmp_path):
    """The chat without a precedent index (drafting, refining, explaining, editing need none)."""
    return Chat(exporter=lambda draft, fmt: tmp_path / f"antwoord.{fmt}", asked=dt.date(2024, 2, 2))


def _cgvs_2023() -> pd.DataFrame:
    frame = pd.read_csv(DATA_DIR / "cgvs-monthly" / "cgvs-monthly-2020-2025.csv", dtype=str)
    frame = frame[frame["year"] == "2023"]
    return frame.assign(value=frame["count_applicants_international_protection"].str.replace(".", "", regex=False).astype(int))


@pytest.mark.parametrize("message, labels", [
    ("deel 1 en 2 per geslacht", ["1", "2"]),
    ("voor 1, alleen Limburg", ["1"]),
    ("per provincie voor deel 1", ["1"]),
    ("deelvragen 1 en 3 per provincie", ["1", "3"]),
])
def test_the_parts_an_instruction_names(message, labels):
    from bot.chat import _label_items
    from tools.text import fold

    assert _label_items(fold(message)) == labels


@pytest.mark.parametrize("message", ["en in 2022?", "van 1 januari 2022 tot eind 2023", "voor 3 maanden", "alleen in 12,5 procent"])
def test_years_dates_and_amounts_are_not_parts(message):
    from bot.chat import _label_items
    from tools.text import fold

    assert _label_items(fold(message)) == []


def test_a_refinement_of_two_parts_changes_those_two(offline_chat):
    state = offline_chat.turn(FIGURES).state
    reply = offline_chat.turn("deel 1 en 2 alleen Limburg", state)
    assert reply.changed == ["1", "2"] and reply.draft.parts[2].text == state.draft.parts[2].text
    limburg = _jobseekers().query("maand == '2023-12' and provincie == 'Limburg'")["werkzoekenden_zonder_werk"].sum()
    assert reply.draft.parts[0].reading["filters"] == {"provincie": ["Limburg"]}
    assert [f.value for f in reply.draft.parts[0].figures] == [limburg]
    # CGVS figures are national: the part says so and gives no figure, never the national one again.
    assert reply.draft.parts[1].status == "not_available" and not reply.draft.parts[1].figures
    assert "niet beschikbaar per provincie" in reply.draft.parts[1].text


def test_a_refinement_the_reader_cannot_place_changes_nothing(offline_chat):
    state = offline_chat.turn(FIGURES).state
    reply = offline_chat.turn("deel 1 per beperking", state)
    assert reply.kind == "help" and reply.draft is None and reply.state.draft == state.draft and "beperking" in reply.text
    same = offline_chat.turn("deel 1 eind 2023", state)
    assert same.draft is None and "al zo gelezen" in same.text
    policy = offline_chat.turn("deel 3 per geslacht", state)
    assert policy.kind == "help" and policy.draft is None and "geen cijfers" in policy.text


def test_a_flow_with_a_published_total_is_explained_with_that_rule(offline_chat):
    state = offline_chat.turn(FIGURES).state
    reply = offline_chat.turn("waar komt het cijfer van deel 2 vandaan?", state)
    months = _cgvs_2023()
    covered = months[months["month_id"].astype(int) <= 11]["value"].sum()
    assert set(months["month_id"].astype(int)) == set(range(1, 12))  # the CGVS publishes no December figure
    published = pd.read_csv(DATA_DIR / "published-figures" / "published_figures.csv", dtype=str).set_index("figure_id")
    assert "een stroom" in reply.text and published.loc["DVZ-001", "source_title"] in reply.text and "geen waarde voor december 2023" in reply.text
    assert "DVZ-001" not in reply.text  # the desk reads titles, not the catalogue's ids
    assert f"Cijfer {covered:,}".replace(",", ".") in reply.text and "Cijfer 35.507" in reply.text
    by_value = offline_chat.turn(f"waar komt {covered:,} vandaan?".replace(",", "."), state)
    assert by_value.text.startswith("Deel 2 ")
    unknown = offline_chat.turn("waar komt 12.345 vandaan?", state)
    assert "staat in geen deel" in unknown.text


def test_why_a_part_is_not_identified_names_the_register_and_its_rule(offline_chat):
    state = offline_chat.turn(seed_question_only()).state
    reply = offline_chat.turn("waarom zeg je dat deel 1 niet geïdentificeerd is?", state)
    assert reply.text.startswith("Deel 1+4-6 (niet geïdentificeerd)")
    assert "kan 'VDAB werkzoekenden zonder werk per maand (demonstratiedata)' (VDAB) asielzoekers niet apart herkennen" in reply.text
    policy = offline_chat.turn("leg deel 7 uit", state)
    assert policy.text.startswith("Deel 7 (beleid · te vervolledigen)") and "beleidsvraag" in policy.text


def test_removing_every_part_is_refused_and_a_removed_part_needs_no_focus(offline_chat):
    state = offline_chat.turn(FIGURES).state
    refused = offline_chat.turn("schrap deel 1, 2 en 3", state)
    assert refused.draft is None and len(refused.state.draft.parts) == 3
    removed = offline_chat.turn("deel 3 mag weg", state)
    assert removed.changed == ["3"] and [p.label for p in removed.draft.parts] == ["1", "2"]
    vague = offline_chat.turn("verwijder de zin over december in deel 2", state)
    assert vague.kind == "rewrite" and vague.draft is None  # not a whole part: that is a rewrite, which needs a model


def test_a_rewrite_with_a_model_passes_the_numbers_guard(tmp_path):
    from tests.conftest import fake_chat_model

    drafted = Chat(asked=dt.date(2024, 2, 2)).turn(FIGURES)
    shorter = drafted.draft.parts[2].text  # the model's "rewrite": the same words and one more
    good = Chat(llm=fake_chat_model([shorter + " Kort."]), asked=dt.date(2024, 2, 2)).turn("formuleer deel 3 korter", drafted.state)
    assert good.kind == "rewrite" and good.changed == ["3"] and good.draft.parts[2].text == shorter + " Kort."
    assert [p.text for p in good.draft.parts[:2]] == [p.text for p in drafted.draft.parts[:2]]
    bad = Chat(llm=fake_chat_model([shorter + " In 2023 waren het er 99.999."]), asked=dt.date(2024, 2, 2))
    refused = bad.turn("formuleer deel 3 korter", drafted.state)
    assert refused.draft is None and "verworpen" in refused.text and "99.999" in refused.text


def test_a_question_from_a_file_is_drafted_and_help_and_thanks_are_answered(offline_chat):
    from bot.parse.files import parse_path

    document = parse_path(SEED)
    reply = offline_chat.turn("", document=document, question_text="vraag uit bestand")
    assert reply.kind == "draft" and reply.state.question == "vraag uit bestand" and reply.state.asked == dt.date(2024, 2, 2)
    assert [p.label for p in reply.draft.parts] == ["1+4-6", "2-3", "7", "8"]
    assert offline_chat.turn("wat kan je?", reply.state).text.startswith("Het ontwerp heeft de delen 1+4-6, 2-3, 7 en 8.")
    assert offline_chat.turn("dank je", reply.state).text.startswith("Graag gedaan.")
    assert offline_chat.turn("schrap deel 8", ChatState()).kind == "help"  # nothing to remove yet


def test_the_conversation_a_state_keeps_is_bounded(offline_chat):
    from bot.chat import MAX_TURNS_KEPT

    state = offline_chat.turn(FIGURES).state
    for _ in range(MAX_TURNS_KEPT):
        state = offline_chat.turn("dank je", state).state
    assert len(state.turns) == MAX_TURNS_KEPT and state.turns[-1]["role"] == "assistant"


@pytest.mark.parametrize("message, breakdowns", [
    ("splits deel 1 op naar geslacht", ["geslacht"]),
    ("maak deel 1 per provincie aub", ["provincie"]),
    ("kan je deel 1 opsplitsen per leeftijdsgroep?", ["leeftijd"]),
])
def test_the_chats_own_way_of_asking_reaches_the_reader(offline_chat, message, breakdowns):
    state = offline_chat.turn(FIGURES).state
    reply = offline_chat.turn(message, state)
    assert reply.changed == ["1"] and reply.draft.parts[0].reading["breakdowns"] == breakdowns
    replaced = offline_chat.turn("deel 1 eind 2022 in plaats van eind 2023", state).draft.parts[0]
    assert replaced.reading["period"]["day"] == "2022-12-31"


def test_undo_brings_back_an_earlier_version_where_versions_are_kept(offline_chat):
    first = offline_chat.turn(FIGURES)
    removed = offline_chat.turn("schrap deel 3", first.state)
    kept = {1: (first.draft, "versie 1 (opgesteld)"), 2: (removed.draft, "versie 2 (gewijzigd in gesprek)")}

    def versions(number):
        if number not in (None, *kept):
            raise PQError(f"dit ontwerp heeft geen versie {number}")
        return kept[number or 1]

    chat = Chat(versions=versions, asked=dt.date(2024, 2, 2))
    back = chat.turn("maak dat ongedaan", removed.state)
    assert back.kind == "undo" and back.draft == first.draft and back.changed == ["3"] and "versie 1" in back.text
    assert chat.turn("ga terug naar versie 9", removed.state).draft is None
    assert chat.turn("ga terug naar versie 2", removed.state).draft is None  # already that version
    # Without a dossier the state keeps the last drafts: undo steps back one change at a time.
    marked = offline_chat.turn("zet deel 2 op te vervolledigen", removed.state)
    once = offline_chat.turn("maak dat ongedaan", marked.state)
    twice = offline_chat.turn("maak het ongedaan", once.state)
    assert once.draft == removed.draft and twice.draft == first.draft and twice.changed == ["3"]
    assert offline_chat.turn("maak dat ongedaan", twice.state).draft is None  # nothing earlier: said, nothing changes
    assert offline_chat.turn("ga terug naar versie 1", marked.state).draft is None  # numbers are the dossier's


# --- `python -m bot chat`: the same conversation in the terminal, its state in a file -------------------
@pytest.fixture
def chat_cli(capsys, monkeypatch, env, tmp_path):
    """chat_cli(*args, stdin="…") -> (exit code, stdout, stderr): `python -m bot chat …` in this process,
    with an empty data directory (no precedent index)."""
    import io
    import sys

    from bot.cli import main

    env(PQ_DATA_DIR=str(tmp_path / "data"), PQ_CHROMA_URL=None, PQ_LLM=None)

    def run(*args: str, stdin: str = ""):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")), encoding="utf-8"))
        capsys.readouterr()
        code = main(["chat", *args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


def test_the_cli_holds_a_conversation_in_its_state_file(chat_cli, tmp_path):
    import json

    state, out = str(tmp_path / "gesprek.json"), tmp_path / "exports"
    out.mkdir()
    code, text, err = chat_cli("-", "--state", state, "--json", stdin=seed_question_only())
    drafted = json.loads(text)
    assert code == 0 and drafted["kind"] == "draft" and [p["label"] for p in drafted["draft"]["parts"]] == ["1+4-6", "2-3", "7", "8"]
    assert "no precedent index" in err
    envelope = json.loads((tmp_path / "gesprek.json").read_text(encoding="utf-8"))
    assert (envelope["type"], envelope["version"]) == ("pq-chat-conversation", 1) and envelope["state"]["draft"] == drafted["draft"]

    code, text, _ = chat_cli("deel 1 per geslacht", "--state", state, "--json")
    refined = json.loads(text)
    assert refined["changed"] == ["1+4-6"] and refined["draft"]["parts"][0]["reading"]["breakdowns"] == ["geslacht"]
    assert refined["draft"]["parts"][1:] == drafted["draft"]["parts"][1:]

    code, text, _ = chat_cli("waarom verwijs je naar Fedasil?", "--state", state)
    assert code == 0 and text.startswith("Deel 2-3 (gegevens bij Fedasil).") and "Regel:" in text

    code, text, _ = chat_cli("schrap deel 8", "--state", state, "--json")
    assert [p["label"] for p in json.loads(text)["draft"]["parts"]] == ["1+4-6", "2-3", "7"]

    code, text, _ = chat_cli("maak er een Word-bestand van", "--state", state, "--out", str(out))
    first = out / "antwoord-216-tewerkstelling-asielzoekers.docx"
    assert code == 0 and text.splitlines()[-1] == str(first) and first.exists()
    before = first.read_bytes()
    code, text, _ = chat_cli("maak er een Word-bestand van", "--state", state, "--out", str(out))
    assert text.splitlines()[-1] == str(out / "antwoord-216-tewerkstelling-asielzoekers-2.docx")  # never over the first one
    assert first.read_bytes() == before
    saved = json.loads((tmp_path / "gesprek.json").read_text(encoding="utf-8"))["state"]
    assert [t["content"] for t in saved["turns"] if t["role"] == "user"][1:] == [
        "deel 1 per geslacht", "waarom verwijs je naar Fedasil?", "schrap deel 8", "maak er een Word-bestand van",
        "maak er een Word-bestand van"]


def test_the_cli_drafts_a_question_file_and_keeps_to_its_own_state_files(chat_cli, tmp_path):
    import json

    code, text, _ = chat_cli("--file", str(SEED), "--json")
    assert code == 0 and json.loads(text)["draft"]["header"].startswith("ANTWOORD op vraag nr. 216")
    code, _, err = chat_cli(seed_question_only(), "--file", str(SEED))
    assert code == 2 and err.startswith("error: give the question as MESSAGE or as --file, not both")
    code, _, err = chat_cli("   ")
    assert code == 2 and err.count("\n") == 1 and "give a MESSAGE" in err

    ask_state = tmp_path / "vragen.json"
    ask_state.write_text(json.dumps({"type": "pq-conversation", "version": 1, "state": {"turns": []}}), encoding="utf-8")
    notes = tmp_path / "notities.json"
    notes.write_text('{"mijn": "notities"}', encoding="utf-8")
    for path, why in [(ask_state, "it holds a conversation of `ask --state`"), (notes, "other JSON")]:
        before = path.read_bytes()
        code, _, err = chat_cli("schrap deel 8", "--state", str(path))
        assert code == 2 and f"not a conversation state written by `chat --state` ({why})" in err and path.read_bytes() == before
    chat_state = tmp_path / "gesprek.json"
    assert chat_cli("-", "--state", str(chat_state), stdin=FIGURES)[0] == 0
    from bot.cli import main

    assert main(["ask", "alleen Limburg", "--state", str(chat_state)]) == 2  # ask never reads (or writes) a chat's file


def test_chat_turns_become_versions_and_undo_brings_one_back(env, small_index, tmp_path):
    env(PQ_DATA_DIR=str(tmp_path))
    from bot.service import Service

    service = Service(index=small_index)
    question = service.read_question("1. Hoeveel werkzoekenden waren er eind 2023?\n2. Hoe evalueert de minister dat?", None)
    drafted = service.chat(question.text, None)
    ref = service.record_composed(drafted.draft, question, "desk")
    removed = service.chat("schrap deel 2", drafted.state, draft_id=ref.draft_id, current_version=ref.number)
    second = service.record_chat(ref.draft_id, removed.draft, "desk")
    versions = service.dossier.versions(ref.draft_id)
    assert [(v.number, v.kind, v.created_by) for v in versions] == [(1, "composed", "desk"), (2, "chat", "desk")]
    assert [p.label for p in versions[1].draft.parts] == ["1"]
    back = service.chat("maak dat ongedaan", removed.state, draft_id=ref.draft_id, current_version=second.number)
    assert back.kind == "undo" and back.draft == versions[0].draft and "versie 1 (opgesteld)" in back.text
    assert service.record_chat(ref.draft_id, back.draft, None).number == 3
    missing = service.chat("ga terug naar versie 7", back.state, draft_id=ref.draft_id, current_version=3)
    assert missing.draft is None and "geen versie 7" in missing.text


@pytest.mark.parametrize("message", ["toon het ontwerp", "Laat het ontwerp nog eens zien", "hoe ziet het antwoord er nu uit?"])
def test_showing_the_draft_changes_nothing(offline_chat, message):
    state = offline_chat.turn(FIGURES).state
    reply = offline_chat.turn(message, state)
    assert reply.kind == "show" and reply.draft is None and reply.state.draft == state.draft
    assert all(p.text.split(" [")[0] in reply.text for p in state.draft.parts)


@pytest.mark.parametrize("message, labels", [("laat deel 2 nog eens zien", ["2"]), ("wat staat er in deel 1 en 3?", ["1", "3"]),
                                             ("toon vraag 3", ["3"])])
def test_showing_a_part_gives_that_part_with_its_reading(offline_chat, message, labels):
    state = offline_chat.turn(FIGURES).state
    reply = offline_chat.turn(message, state)
    assert reply.kind == "show" and reply.draft is None
    shown = [p for p in state.draft.parts if p.text in reply.text]
    assert [p.label for p in shown] == labels
    assert all(p.understood in reply.text for p in shown if p.understood)
    # "toon deel 2 per geslacht" is a refinement, not a request to look.
    assert offline_chat.turn(f"{message.rstrip('?')} per geslacht", state).kind != "show"


def test_where_a_figure_comes_from_starts_with_that_figure(offline_chat):
    state = offline_chat.turn(FIGURES).state
    monthly = offline_chat.turn("deel 2 per maand", state)
    november = int(_cgvs_2023().query("month_id == '11'")["value"].iloc[0])  # the last of eleven months: beyond the first eight
    assert any(f.value == november for p in monthly.draft.parts for f in p.figures)
    reply = offline_chat.turn(f"waar komt {november:,} vandaan?".replace(",", "."), monthly.state)
    figure_lines = [line for line in reply.text.splitlines() if line.startswith("Cijfer ")]
    assert figure_lines[0].startswith(f"Cijfer {november:,}".replace(",", "."))


def test_why_a_referral_to_an_agency_no_part_refers_to_is_said_plainly(offline_chat):
    state = offline_chat.turn(FIGURES).state
    reply = offline_chat.turn("waarom verwijs je naar de POD MI?", state)
    assert reply.kind == "explain" and reply.text.startswith("Geen enkel deel van dit ontwerp verwijst naar POD MI")


@pytest.mark.parametrize("message", ["nog een stap terug", "een stap terug aub", "draai dat terug", "draai die wijziging ook terug"])
def test_stepping_back_in_the_desks_words(offline_chat, message):
    first = offline_chat.turn(FIGURES)
    removed = offline_chat.turn("schrap deel 3", first.state)
    back = offline_chat.turn(message, removed.state)
    assert back.kind == "undo" and back.draft == first.draft


def test_a_new_question_says_it_replaces_the_draft(offline_chat):
    state = offline_chat.turn(FIGURES).state
    reply = offline_chat.turn(QUESTION, state)
    assert reply.kind == "draft" and reply.text.startswith("Dit is een nieuwe vraag: het vorige ontwerp is vervangen")
    assert not offline_chat.turn(QUESTION).text.startswith("Dit is een nieuwe vraag")


def test_search_never_offers_the_question_being_drafted_pasted_without_its_number(chat, small_index):
    from bot.retrieval.search import SearchFilters, search

    pasted = seed_question_only().split("\n", 1)[1]  # no header: the corpus copy has another id
    state = chat.turn(pasted).state
    assert "216" not in (state.draft.question_id or "")
    query = "asielzoekers bij VDAB en Fedasil"
    own = [h.id for h in search(small_index, query, k=10, filters=SearchFilters(answered_only=True)) if "216" in h.id]
    assert own  # the corpus holds the seed itself, and it matches
    found = chat.turn(f"zoek eerdere antwoorden over {query}", state)
    assert not set(own) & {h["id"] for h in found.hits}


@pytest.mark.parametrize("message, kind", [("hoe heb je deel 1 gelezen?", "explain"), ("hoe lees je deel 2?", "explain"),
                                           ("maak ongedaan", "undo"), ("oeps, zet dat terug", "undo"), ("herstel", "undo")])
def test_more_of_the_desks_words_for_explaining_and_stepping_back(offline_chat, message, kind):
    first = offline_chat.turn(FIGURES)
    removed = offline_chat.turn("schrap deel 3", first.state)
    reply = offline_chat.turn(message, removed.state)
    assert reply.kind == kind
    if kind == "undo":
        assert reply.draft == first.draft


def test_toch_per_provincie_refines_the_part(offline_chat):
    state = offline_chat.turn(FIGURES).state
    reply = offline_chat.turn("deel 1 toch per provincie", state)
    frame = _jobseekers().query("maand == '2023-12'")
    assert reply.kind == "refine" and reply.changed == ["1"]
    limburg = frame.query("provincie == 'Limburg'")["werkzoekenden_zonder_werk"].sum()
    assert f"Limburg {limburg:,}".replace(",", ".") in next(p.text for p in reply.draft.parts if p.label == "1")


def test_a_published_figure_of_another_agency_is_explained_as_quoted_not_as_referred(offline_chat):
    frame = pd.read_csv(DATA_DIR / "published-figures" / "published_figures.csv", dtype=str)
    capacity = frame[(frame["owner"] == "Fedasil") & (frame["reference_date"] == "2024-05-01") & (frame["unit"] == "places")]
    value = int(capacity["value"].iloc[0])
    state = offline_chat.turn("1. Hoeveel opvangplaatsen telde het opvangnetwerk van Fedasil op 1 mei 2024?\n"
                              "2. Hoe evalueert de minister dat?").state
    reply = offline_chat.turn(f"waar komt {value:,} vandaan?".replace(",", "."), state)
    assert "publiceerde het cijfer" in reply.text and "verwijst door" not in reply.text
    assert f"Cijfer {value:,}".replace(",", ".") in reply.text
