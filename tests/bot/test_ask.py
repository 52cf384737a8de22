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
    assert limburg.rows == [{"provincie": "Limburg", "werkzoekenden": _job_seekers_dec_2023("provincie")["Limburg"]}]
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


def test_llm_may_choose_a_tool_and_we_run_it():
    call = {"name": "aggregate", "id": "call-1",
            "args": {"dataset": "cgvs_maandcijfers", "measure": "verzoekers", "by": ["jaar"], "period": {"start": "2022", "end": "2022"}}}
    model = fake_chat_model([AIMessage(content="", tool_calls=[call])])
    answer = ask("Wat zegt de CGVS-reeks over het jaar 2022?", llm=model)
    expected = 0
    with (DATA_DIR / "cgvs-monthly" / "cgvs-monthly-2020-2025.csv").open(encoding="utf-8") as handle:
        expected = sum(int(r["count_applicants_international_protection"].replace(".", "")) for r in csv.DictReader(handle) if r["year"] == "2022")
    assert answer.tool_call["name"] == "aggregate" and answer.total == expected
    assert ("tools", ["aggregate", "lookup_published_figures"]) in model.seen


def test_llm_tool_call_on_another_agencys_data_is_refused():
    call = {"name": "aggregate", "id": "call-1", "args": {"dataset": "fedasil_opvang", "measure": "bewoners"}}
    answer = ask("Geef de bezetting van de centra", llm=fake_chat_model([AIMessage(content="", tool_calls=[call])]))
    assert (answer.status, answer.owner) == ("owned_elsewhere", "Fedasil") and not answer.rows


def test_llm_tool_call_with_invalid_arguments_shows_no_figures():
    call = {"name": "aggregate", "id": "call-1", "args": {"dataset": "cgvs_maandcijfers", "measure": "verzoekers", "suppress_below": -3}}
    answer = ask("Geef iets over asiel", llm=fake_chat_model([AIMessage(content="", tool_calls=[call])]))
    assert answer.status == "not_available" and not answer.rows and "ongeldige argumenten" in answer.sentence


def _cli(args, env=None, stdin=None):
    return subprocess.run([sys.executable, "-m", "bot", *args], capture_output=True, text=True, cwd=ROOT, input=stdin,
                          env={**os.environ, **(env or {})}, timeout=300)


def test_cli_ask_with_state_file(tmp_path):
    state = tmp_path / "state.json"
    first = _cli(["ask", "Hoeveel werkzoekenden waren er in 2023 per provincie?", "--json", "--state", str(state)])
    assert first.returncode == 0, first.stderr
    second = _cli(["ask", "alleen Limburg", "--json", "--state", str(state)])
    body = json.loads(second.stdout)
    assert body["follow_up"] and [r["provincie"] for r in body["rows"]] == ["Limburg"]
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
