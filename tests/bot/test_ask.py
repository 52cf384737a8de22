"""Ad-hoc statistics with follow-ups, checked against sums computed here from the CSV files."""

import csv
import json
import os
import subprocess
import sys
from collections import defaultdict

import pytest
from langchain_core.messages import AIMessage

from bot.ask import AskState, ask
from tests.conftest import ROOT, fake_chat_model
from tools.catalog import DATA_DIR
from tools.errors import PQError


def _job_seekers_dec_2023(by: str, **where):
    totals = defaultdict(int)
    with (DATA_DIR / "synthetic" / "vdab_werkzoekenden.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["maand"] == "2023-12" and all(row[k] == v for k, v in where.items()):
                totals[row[by]] += int(row["werkzoekenden_zonder_werk"])
    return dict(totals)


def test_follow_ups_refine_the_previous_query():
    first = ask("Hoeveel werkzoekenden waren er in 2023 per provincie?")
    assert first.status == "available" and first.synthetic and "SYNTHETISCHE DEMODATA" in first.sentence
    assert {r["provincie"]: r["werkzoekenden"] for r in first.rows} == _job_seekers_dec_2023("provincie")
    assert first.chart == {"x": "provincie", "y": "werkzoekenden", "color": None}

    limburg = ask("alleen Limburg", first.state)
    assert limburg.follow_up
    # One province asked: its figure, no longer a breakdown per province (the reading says one or the other).
    assert limburg.rows == [{"werkzoekenden": _job_seekers_dec_2023("provincie")["Limburg"]}]
    assert "per provincie" not in limburg.understood
    assert limburg.provenance["filters"] == {"provincie": ["Limburg"]}

    by_gender = ask("en nu per geslacht", limburg.state)
    assert {r["geslacht"]: r["werkzoekenden"] for r in by_gender.rows} == _job_seekers_dec_2023("geslacht", provincie="Limburg")
    assert by_gender.state.turns == ["Hoeveel werkzoekenden waren er in 2023 per provincie?", "alleen Limburg", "en nu per geslacht"]


def test_a_new_question_starts_afresh():
    state = ask("Hoeveel werkzoekenden waren er in 2023 per provincie?").state
    fresh = ask("Hoeveel verzoeken om internationale bescherming waren er in 2022?", state)
    assert not fresh.follow_up and fresh.dataset == "cgvs_maandcijfers" and fresh.provenance["filters"] == {}


def test_cannot_answer_states_owner_or_non_identification():
    owned = ask("Hoeveel bewoners van opvangcentra werkten in 2023?")
    assert (owned.status, owned.owner) == ("owned_elsewhere", "Fedasil") and not owned.rows
    assert "terecht bij Fedasil" in owned.sentence
    hidden = ask("Hoeveel asielzoekers volgden een opleiding bij VDAB?")
    assert hidden.status == "not_identified" and hidden.sentence == "Asielzoekers worden niet apart geïdentificeerd in de databank van VDAB."


@pytest.mark.parametrize("question", ["", "   ", "x" * 2001])
def test_bad_questions(question):
    with pytest.raises(PQError):
        ask(question)


def _proposal(**args) -> AIMessage:
    return AIMessage(content="", tool_calls=[{"name": "ReadingProposal", "id": "call-1", "args": args}])


def test_an_llm_may_propose_a_reading_that_is_validated_and_answered_the_same_way():
    question = "Hoeveel mensen verlieten in 2023 het bestand naar een baan?"
    assert ask(question).status == "needs_review"  # the reader does not know "verlieten … bestand"
    model = fake_chat_model([_proposal(population="werkzoekende", measure="aan_het_werk", period_start="2023-01", period_end="2023-12",
                                       words={"population": "mensen", "measure": "verlieten het bestand naar een baan", "period": "2023"})])
    answer = ask(question, llm=model)
    expected = 0
    with (DATA_DIR / "synthetic" / "vdab_werkzoekenden.csv").open(encoding="utf-8") as handle:
        expected = sum(int(r["uitstroom_naar_werk"]) for r in csv.DictReader(handle) if r["maand"].startswith("2023-"))
    assert answer.status == "available" and answer.total == expected and answer.reading["source"] == "llm"
    assert any(kind == "tools" for kind, _ in model.seen)  # structured output goes through the tool schema


def test_an_llm_reading_with_unknown_terms_or_unaccounted_words_is_dropped():
    question = "Hoeveel werkzoekenden met een beperking vonden in 2023 werk?"
    invented = fake_chat_model([_proposal(population="werkzoekende_met_beperking", measure="aan_het_werk", period_start="2023-01",
                                          words={"population": "werkzoekenden met een beperking"})])
    assert ask(question, llm=invented).status == "needs_review"
    silent = fake_chat_model([_proposal(population="werkzoekende", measure="aan_het_werk", period_start="2023-01", period_end="2023-12",
                                        words={"population": "werkzoekenden", "measure": "vonden werk", "period": "2023"})])
    answer = ask(question, llm=silent)
    assert answer.status == "needs_review" and not answer.rows  # "beperking" is still not accounted for


def test_an_llm_reading_of_another_agencys_data_gets_the_same_ownership_rule():
    question = "Geef de bezetting van de centra eind 2023"
    model = fake_chat_model([_proposal(population="opvangbewoner", measure="opvang", registers=["Fedasil"], period_start="2023-12",
                                       period_day="2023-12-31", words={"population": "centra", "measure": "bezetting",
                                                                       "register:Fedasil": "de centra", "period": "eind 2023"})])
    answer = ask(question, llm=model)
    assert (answer.status, answer.owner) == ("owned_elsewhere", "Fedasil") and not answer.rows


def _cli(args, env=None, stdin=None):
    return subprocess.run([sys.executable, "-m", "bot", *args], capture_output=True, text=True, cwd=ROOT, input=stdin,
                          env={**os.environ, **(env or {})}, timeout=300)


def test_cli_ask_with_state_file(tmp_path):
    state = tmp_path / "state.json"
    first = _cli(["ask", "Hoeveel werkzoekenden waren er in 2023 per provincie?", "--json", "--state", str(state)])
    assert first.returncode == 0, first.stderr
    second = _cli(["ask", "alleen Limburg", "--json", "--state", str(state)])
    body = json.loads(second.stdout)
    assert body["follow_up"] and body["reading"]["filters"] == {"provincie": ["Limburg"]} and len(body["rows"]) == 1
    assert AskState.model_validate(json.loads(state.read_text())["state"]).turns[-1] == "alleen Limburg"  # inside its envelope
    state.write_text("{broken", encoding="utf-8")
    bad = _cli(["ask", "alleen Limburg", "--state", str(state)])
    assert bad.returncode == 2 and "conversation state" in bad.stderr


def test_cli_draft_json_contract(tmp_path):
    from tests.conftest import seed_question_only

    out = _cli(["draft", "-", "--json"], env={"PQ_DATA_DIR": str(tmp_path / "no-index")}, stdin=seed_question_only())
    assert out.returncode == 0, out.stderr
    body = json.loads(out.stdout)
    assert {"header", "parts", "text", "sources"} <= set(body)
    part = body["parts"][0]
    assert {"numbers", "kind", "status", "owner", "text", "citations", "figures"} <= set(part)
    assert part["numbers"] == [1, 4, 5, 6] and part["status"] == "not_identified" and part["owner"] == "VDAB"
    assert all({"id", "kind"} <= set(c) for p in body["parts"] for c in p["citations"])
    assert "no precedent index" in out.stderr
    empty = _cli(["draft", "-"], stdin="")
    assert empty.returncode == 2 and empty.stderr.startswith("error:")


def test_ask_json_never_shows_a_missing_value_as_a_figure():
    out = _cli(["ask", "Hoeveel beslissingen nam het CGVS in 2024? Graag per maand.", "--json"])
    assert out.returncode == 0, out.stderr
    body = json.loads(out.stdout)
    assert all(r["beslissingen"] is not None for r in body["rows"]) and {"maand": 5} in body["not_published"]
    assert all(f["value"] is not None for f in body["figures"])
    text = _cli(["ask", "Hoeveel beslissingen nam het CGVS in mei 2024?"])
    assert text.returncode == 0 and "None" not in text.stdout and "geen cijfer" in text.stdout
