"""Drafting: the seed question, real figures, the numbers guard, the optional LLM, own test questions."""

import csv
import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
import yaml

from bot.drafting.guard import UnsupportedNumber, allowed_values, unsupported
from bot.drafting.pipeline import draft_document
from bot.parse.files import parse_path, parse_text
from bot.retrieval.search import search
from tests.conftest import FIXTURES, SEED, fake_chat_model, seed_question_only
from tools.catalog import DATA_DIR

SEED_ID = "vp:2023-2024:216"


@pytest.fixture(scope="module")
def seed_answer():
    """The minister's real answer, parsed from the corpus: what the draft must read like."""
    doc = parse_path(SEED)
    return {tuple(p.numbers): p.text for p in doc.answer_parts}


@pytest.fixture(scope="module")
def seed_draft(small_index):
    return draft_document(parse_text(seed_question_only()), index=small_index)


def _part(draft, numbers):
    return next(p for p in draft.parts if p.numbers == numbers)


def test_seed_parts_are_grouped_as_the_minister_did(seed_draft, seed_answer):
    assert [p.numbers for p in seed_draft.parts] == [[1, 4, 5, 6], [2, 3], [7], [8]]
    assert [p.label for p in seed_draft.parts] == ["1+4-6", "2-3", "7", "8"]
    assert (1, 4, 5, 6) in seed_answer and (2, 3) in seed_answer  # the real answer groups them so


def test_seed_statements_read_as_the_ministry_writes_them(seed_draft, seed_answer):
    not_identified = _part(seed_draft, [1, 4, 5, 6])
    assert (not_identified.kind, not_identified.status, not_identified.owner) == ("statistic", "not_identified", "VDAB")
    assert not_identified.text.startswith(seed_answer[(1, 4, 5, 6)].strip())

    owned = _part(seed_draft, [2, 3])
    assert (owned.kind, owned.status, owned.owner) == ("statistic", "owned_elsewhere", "Fedasil")
    assert owned.text.startswith(seed_answer[(2, 3)].strip())  # "Voor het antwoord op deze vragen verwijs ik naar Fedasil."
    assert seed_answer[(3,)].strip() in " ".join(owned.text.split())  # "U kunt voor deze cijfers terecht bij Fedasil. …"
    assert seed_draft.header == "ANTWOORD op vraag nr. 216 van 2 februari 2024 van ILSE MALFROOT"
    assert all(c.kind == "dataset" for p in (not_identified, owned) for c in p.citations)


def test_seed_policy_and_actions_say_they_are_to_complete_and_cite_nothing_unrelated(seed_draft):
    evaluation, actions = _part(seed_draft, [7]), _part(seed_draft, [8])
    assert (evaluation.kind, evaluation.status) == ("policy_evaluation", "policy")
    assert (actions.kind, actions.status) == ("actions", "actions")
    for part in (evaluation, actions):
        assert part.to_complete and "Te vervolledigen door de dossierbeheerder" in part.text
    # Of the small corpus (stalking, rape, Dieselgate, asylum seekers on the labour market, …) only the answer on
    # asylum seekers' work, which tells of Fedasil's cooperation with the VDAB, is about part 7; nothing is about
    # part 8's actions in 2024: below the floors nothing is cited.
    cited = [c for c in evaluation.citations if c.kind == "precedent"]
    assert [c.id for c in cited] in (["188442"], ["188443"], ["188444"])
    assert "Fedasil" in cited[0].passage and "VDAB" in cited[0].passage and "ook beantwoord door" in evaluation.text
    assert not [c for c in actions.citations if c.kind == "precedent"]
    assert "Geen eerder antwoord over dit onderwerp gevonden." in actions.text


def test_a_precedent_above_the_floor_is_quoted_verbatim_with_its_marker(small_index):
    doc = parse_text("Verkrachting binnen relaties\n1. Hoeveel klachten over verkrachting door de eigen partner werden er "
                     "de voorbije jaren ingediend?")
    (part,) = draft_document(doc, index=small_index).parts
    precedents = [c for c in part.citations if c.kind == "precedent"]
    assert precedents
    for c in precedents:
        assert f"[{c.n}]" in part.text and c.passage in part.text


def test_the_question_being_answered_is_never_its_own_precedent(seed_draft, small_index):
    # Without the exclusion the seed itself is the best match for its own sub-question 7 ...
    assert search(small_index, "Hoe evalueert de minister de samenwerking met Fedasil?", k=1)[0].id == SEED_ID
    # ... but the draft neither cites it nor lists it.
    assert all(c.id != SEED_ID for c in seed_draft.sources)
    assert all(SEED_ID not in p.precedents for p in seed_draft.parts)
    # Pasted without its header the question has another id; it is still recognised by its text.
    anonymous = parse_text(seed_question_only().split("\n", 1)[1])
    assert anonymous.id != SEED_ID
    draft = draft_document(anonymous, index=small_index)
    assert all(SEED_ID not in p.precedents for p in draft.parts)


def test_every_marker_points_to_a_source_and_every_source_is_used(seed_draft):
    import re

    used = {int(n) for p in seed_draft.parts for n in re.findall(r"\[(\d+)\]", p.text)}
    assert used == {c.n for c in seed_draft.sources}


def _cgvs_applicants_per_year():
    totals = {}
    with (DATA_DIR / "cgvs-monthly" / "cgvs-monthly-2020-2025.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            year = int(row["year"])
            totals[year] = totals.get(year, 0) + int(row["count_applicants_international_protection"].replace(".", ""))
    return totals


def _published(figure_id: str) -> dict:
    with (DATA_DIR / "published-figures" / "published_figures.csv").open(encoding="utf-8") as handle:
        return next(r for r in csv.DictReader(handle) if r["figure_id"] == figure_id)


def _dutch(value) -> str:
    return f"{int(float(value)):,}".replace(",", ".")


def test_calendar_years_give_the_published_total_first_and_name_what_the_series_covers():
    doc = parse_text("1. Hoeveel verzoeken om internationale bescherming werden ingediend van 2021 tot 2023? Graag per jaar.\n"
                     "2. Hoe evalueert de minister die evolutie?")
    draft = draft_document(doc)
    part = draft.parts[0]
    series = {y: v for y, v in _cgvs_applicants_per_year().items() if 2021 <= y <= 2023}
    published = {2021: _published("DVZ-022"), 2022: _published("DVZ-012"), 2023: _published("DVZ-001")}
    assert part.status == "available" and part.owner == "DVZ"
    text = part.text
    # The published full-year figure of each year comes first, with its own source ...
    for year, row in published.items():
        sentence = f"In {year} werden {_dutch(row['value'])} verzoeken om internationale bescherming geregistreerd"
        assert sentence in text
        citation = next(c for c in part.citations if c.id == row["figure_id"])
        assert (citation.kind, citation.url, citation.passage) == ("figure", row["source_url"], row["quote"])
    # ... then the monthly series, said to cover January to November, never passed off as the year.
    assert text.index(_dutch(published[2023]["value"])) < text.index(_dutch(series[2021]))
    for year, value in series.items():
        assert f"{_dutch(value)} in {year}" in text
    assert "(telkens januari tot en met november)" in text and "publiceert voor december geen maandcijfer" in text
    # Three partial years are not added up into what would read as the period's total.
    total = sum(series.values())
    assert "Samen" not in text and _dutch(total) not in text
    values = {f.value for f in part.figures}
    assert {*series.values(), *(float(r["value"]) for r in published.values())} <= values and total not in values
    assert all(f.dataset in ("cgvs_maandcijfers", "gepubliceerde_cijfers") and not f.synthetic for f in part.figures)


def test_published_figure_on_a_date_is_quoted_with_its_source():
    with (DATA_DIR / "published-figures" / "published_figures.csv").open(encoding="utf-8") as handle:
        row = next(r for r in csv.DictReader(handle) if r["figure_id"] == "FED-001")
    draft = draft_document(parse_text("1. Wat was de opvangcapaciteit van het opvangnetwerk op 1 mei 2024?"))
    (part,) = draft.parts
    assert (part.status, part.owner) == ("available", "Fedasil")
    assert f"{int(row['value']):,}".replace(",", ".") in part.text
    (figure,) = part.figures
    assert figure.value == int(row["value"]) and figure.filters == {"figure_id": ["FED-001"]}
    (citation,) = part.citations
    assert (citation.kind, citation.id, citation.url, citation.passage) == ("figure", "FED-001", row["source_url"], row["quote"])


def test_synthetic_figures_say_so_in_the_text_and_the_annex():
    draft = draft_document(parse_text("1. Hoeveel werkzoekenden volgden een opleiding in 2022? Graag per provincie."))
    (part,) = draft.parts
    assert part.status == "available" and all(f.synthetic for f in part.figures)
    assert "SYNTHETISCHE DEMODATA" in part.text
    assert draft.annexes[0].synthetic and "SYNTHETISCHE DEMODATA" in draft.text.split("### Bijlage 1")[1]


def test_a_real_published_total_beside_a_synthetic_breakdown_says_they_do_not_add_up():
    draft = draft_document(parse_text("1. Hoeveel werkzoekenden waren er op 31 maart 2023, opgesplitst per provincie?"))
    text = draft.parts[0].text
    published = _published("VDAB-004")  # the real count of that day, quoted in the press
    assert published["reference_date"] == "2023-03-31" and _dutch(published["value"]) in text
    with (DATA_DIR / "synthetic" / "vdab_werkzoekenden.csv").open(encoding="utf-8") as handle:
        synthetic = sum(int(r["werkzoekenden_zonder_werk"]) for r in csv.DictReader(handle) if r["maand"] == "2023-03")
    assert _dutch(synthetic) in text and "SYNTHETISCHE DEMODATA" in text
    assert "komen uit synthetische demodata; ze tellen niet op tot het gepubliceerde cijfer" in text


def test_words_not_understood_are_named_ten_at_most_and_numbers_cut_from_the_questions_own_tokens_pass_the_guard():
    # Not a parliamentary question but it asks something: the part names what it did not understand (some of it
    # digits cut out of a longer token such as a press URL's id) and the draft still comes out.
    text = ("Hoeveel werkzoekenden vermeldt de pagina https://www.nieuwsblad.be/cnt/dmf20230404_93467997 naast de jobseekers, "
            "de rate en de leavers van het quarter qsa4e1 en de occupancy?")
    draft = draft_document(parse_text(text))
    note = draft.parts[0].text
    assert draft.parts[0].status == "needs_review" and "'93467997'" in note
    assert "en nog andere woorden" in note and note.count("'") == 2 * 10


def _top_nationalities(year: str) -> list[dict]:
    with (DATA_DIR / "published-figures" / "published_figures.csv").open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["owner"] == "DVZ" and r["breakdown_dimension"] == "nationaliteit"
                and r["reference_period"] == year and ("rang" in r["indicator"] or r["unit"] == "rank")]
    return sorted(rows, key=lambda r: float(r["value"]) if r["unit"] == "rank" else int(r["indicator"].split("rang ")[1].rstrip(")")))


@pytest.mark.parametrize("year", ["2022", "2023"])
def test_the_main_nationalities_are_the_published_top_five_in_order(year):
    draft = draft_document(parse_text(f"1. Wat waren in {year} de belangrijkste herkomstlanden van de verzoekers om internationale bescherming?"))
    (part,) = draft.parts
    expected = _top_nationalities(year)
    assert len(expected) == 5 and part.status == "available" and part.kind == "statistic"
    names = [r["breakdown_value"] for r in expected]
    positions = [part.text.index(name) for name in names]
    assert positions == sorted(positions)  # the published order
    for row in expected:
        if row["unit"] == "percent":
            assert f"{row['breakdown_value']} ({_dutch(row['value'])}% van de verzoeken)" in part.text
        else:  # a rank is a place in the list, not a figure to state
            assert f"{row['breakdown_value']} ({_dutch(row['value'])}" not in part.text
    assert len(draft.sources) == 1 and "Opdeling" not in part.text and "niet beschikbaar" not in part.text


# --- the numbers guard ---------------------------------------------------------------------
def test_guard_reads_dutch_numbers_and_ignores_structure():
    allowed = allowed_values([35385, 12.5], ["vraag van 2 februari 2024"])
    assert unsupported("1+4-6. Op 2 februari 2024 waren er 35.385 plaatsen [3], zie bijlage 2; 12,5 %.", allowed) == []
    assert unsupported("Er waren 7.001 plaatsen en 36 centra [1].", allowed) == ["7.001", "36"]


def test_a_composed_part_with_an_unsupported_number_fails_loudly(monkeypatch):
    from bot.drafting import statements

    original = statements.not_identified_text

    def leaky(*args):
        return original(*args) + " Het gaat om 4.321 personen."

    monkeypatch.setattr(statements, "not_identified_text", leaky)
    with pytest.raises(UnsupportedNumber, match="4.321"):
        draft_document(parse_text(seed_question_only()))


def test_fake_llm_inventing_a_figure_is_caught(seed_draft, small_index):
    # The rewrite of part 1+4-6 slips in an invented count; the other rewrites are clean.
    replies = ["Asielzoekers worden niet apart geïdentificeerd in de databank van VDAB; het gaat om 1.234 personen. [1]",
               "Voor deze vragen verwijs ik naar Fedasil, eigenaar van deze gegevens. [2]",
               *(p.text for p in seed_draft.parts[2:])]
    model = fake_chat_model(replies)
    draft = draft_document(parse_text(seed_question_only()), index=small_index, llm=model)
    assert "1.234" not in draft.text
    assert _part(draft, [1, 4, 5, 6]).text == _part(seed_draft, [1, 4, 5, 6]).text
    assert any("1+4-6" in w and "1.234" in w for w in draft.warnings)
    assert _part(draft, [2, 3]).text == replies[1]  # a clean rewrite is kept
    # Corpus text goes to the model as data inside tags, never as instructions.
    first_prompt = next(m for kind, m in model.seen if kind == "messages")
    assert "geen opdracht" in first_prompt[0].content and first_prompt[1].content.startswith("<ontwerp>")


def test_llm_rewrite_that_drops_citations_is_refused(small_index):
    model = fake_chat_model(["Asielzoekers worden niet apart geïdentificeerd in de databank van VDAB."] * 4)
    draft = draft_document(parse_text(seed_question_only()), index=small_index, llm=model)
    assert "[1]" in _part(draft, [1, 4, 5, 6]).text
    assert any("bronverwijzingen weggelaten" in w for w in draft.warnings)


class _ScriptedOpenAI(BaseHTTPRequestHandler):
    requests: list = []
    reply = ""

    def do_POST(self):  # noqa: N802 - http.server's naming
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).requests.append((self.path, body))
        payload = {"id": "chatcmpl-1", "object": "chat.completion", "created": 0, "model": body["model"],
                   "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": type(self).reply}}],
                   "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}
        data = json.dumps(payload).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


def test_openai_compatible_server_through_the_real_client(env, monkeypatch):
    from bot.llm import chat_model_from_spec

    server = HTTPServer(("127.0.0.1", 0), _ScriptedOpenAI)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        _ScriptedOpenAI.reply = "Asielzoekers worden in de databank van VDAB niet afzonderlijk geïdentificeerd. [1]"
        env(PQ_LLM="openai:scripted-model")
        env(PQ_LLM_BASE_URL=f"http://127.0.0.1:{server.server_port}/v1")
        model = chat_model_from_spec()
        doc = parse_text("1. Hoeveel asielzoekers volgden een opleiding via VDAB?\n2. Hoeveel asielzoekers vonden werk via VDAB?")
        draft = draft_document(doc, llm=model)
    finally:
        server.shutdown()
    path, body = _ScriptedOpenAI.requests[0]
    assert path == "/v1/chat/completions" and body["model"] == "scripted-model"
    assert body["messages"][0]["role"] == "system" and "<ontwerp>" in body["messages"][1]["content"]
    assert draft.llm == "scripted-model"
    assert draft.parts[0].text == _ScriptedOpenAI.reply


def test_unreachable_llm_keeps_the_composed_draft(env, monkeypatch):
    from bot.llm import chat_model_from_spec

    env(PQ_LLM="openai:nobody")
    env(PQ_LLM_BASE_URL="http://127.0.0.1:9/v1")  # discard port: nothing listens
    draft = draft_document(parse_text("1. Hoeveel asielzoekers volgden een opleiding via VDAB?"), llm=chat_model_from_spec())
    assert draft.parts[0].text.startswith("Asielzoekers worden niet apart geïdentificeerd")
    assert any("niet bereikbaar" in w for w in draft.warnings)


def test_unknown_llm_provider_is_a_clear_error(monkeypatch):
    from bot.llm import chat_model_from_spec
    from tools.errors import PQError

    assert chat_model_from_spec("") is None
    with pytest.raises(PQError, match="unknown LLM provider"):
        chat_model_from_spec("gpt:4")


# --- own multi-part questions ----------------------------------------------------------------
QUESTIONS = yaml.safe_load((FIXTURES / "draft_questions.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("question", QUESTIONS, ids=[q["id"] for q in QUESTIONS])
def test_own_questions_get_the_expected_statuses(question):
    draft = draft_document(parse_text(question["text"]))
    got = {n: (p.kind, p.status, p.owner) for p in draft.parts for n in p.numbers}
    for number, (kind, status, owner) in question["expect"].items():
        assert got[number][:2] == (kind, status), f"sub-question {number}"
        if owner:
            assert got[number][2] == owner, f"owner of sub-question {number}"
    # No number without a figure or a source behind it, in any part.
    for part in draft.parts:
        for figure in part.figures:
            assert figure.citation is not None and figure.dataset


# --- understanding: the failure classes seen by the desk ------------------------------------------
def test_asylum_seekers_registered_at_vdab_are_not_answered_with_cgvs_totals():
    draft = draft_document(parse_text("1. Hoeveel asielzoekers waren in 2023 ingeschreven bij VDAB?\n"
                                      "2. Combien de demandeurs d'asile inscrits au VDAB ont trouvé un emploi en 2023 ?"))
    for part in draft.parts:
        assert (part.status, part.owner, part.figures) == ("not_identified", "VDAB", [])
        assert part.text.startswith("Asielzoekers worden niet apart geïdentificeerd in de databank van VDAB.")


def test_a_word_not_understood_gives_no_figure_and_is_named():
    draft = draft_document(parse_text("1. Hoeveel werkzoekenden met een beperking vonden in 2023 werk?\n"
                                      "2. Hoeveel werkzoekenden vonden in 2023 werk?"))
    unknown, known = draft.parts
    assert (unknown.status, unknown.figures) == ("needs_review", []) and "'beperking'" in unknown.text
    assert "Niet herkend: beperking" in unknown.understood
    assert known.status == "available" and known.figures  # the rest of the draft is answered


def test_a_year_outside_the_series_concerns_its_part_only():
    draft = draft_document(parse_text("1. Hoeveel verzoeken om internationale bescherming werden er in 2015 ingediend?\n"
                                      "2. Hoeveel verzoeken om internationale bescherming werden er in 2019 ingediend?\n"
                                      "3. Hoeveel beslissingen nam het CGVS in mei 2024?\n"
                                      "4. Hoe evalueert de minister die evolutie?"))
    in_2015, in_2019, may, evaluation = draft.parts
    assert in_2015.status == "not_available" and "loopt van januari 2020" in in_2015.text and not in_2015.figures
    assert in_2019.status == "available" and [f.filters["figure_id"] for f in in_2019.figures] == [["DVZ-037"]]
    assert may.status == "not_available" and "Voor mei 2024 werd geen cijfer" in may.text
    assert evaluation.status == "policy"


def test_the_reading_is_shown_with_every_statistical_part():
    draft = draft_document(parse_text("1. Hoeveel werkzoekenden zonder werk waren er op 1 januari 2024 in Limburg? Graag per geslacht."))
    (part,) = draft.parts
    assert part.understood.startswith("Begrepen als: aantal · werkzoekenden · provincie: Limburg · op 1 januari 2024 · per geslacht")
    assert part.reading["filters"] == {"provincie": ["Limburg"]} and part.reading["period"]["day"] == "2024-01-01"
    assert "Op 31 december 2023 waren in Limburg" in part.text


def test_french_and_english_questions_are_answered_like_dutch_ones():
    dutch = draft_document(parse_text("1. Hoeveel verzoeken om internationale bescherming werden er in 2022 ingediend?")).parts[0]
    for question in ("1. Combien de demandes de protection internationale ont été introduites en 2022 ?",
                     "1. How many applications for international protection were lodged in 2022?"):
        part = draft_document(parse_text(question)).parts[0]
        assert part.status == "available" and [f.value for f in part.figures] == [f.value for f in dutch.figures]


def test_draft_and_ask_give_the_same_figures_for_the_same_question():
    from bot.ask import ask

    for question in ("Hoeveel werkzoekenden vonden in 2023 werk? Graag per provincie.",
                     "Hoeveel verzoeken om internationale bescherming werden er in 2023 ingediend?",
                     "Hoeveel dossiers had het CGVS eind 2023 in behandeling?"):
        part = draft_document(parse_text(f"1. {question}")).parts[0]
        answer = ask(question)
        assert sorted(f.value for f in part.figures) == sorted(f.value for f in answer.figures)
        assert (part.status, part.owner) == (answer.status, answer.owner)


def test_a_quote_of_several_sentences_is_one_claim_with_its_marker():
    from bot.drafting.guard import unsupported_claims
    from bot.drafting.model import Citation, DraftPart

    passage = "Er waren 35 plaatsen. Dat is genoeg."
    part = DraftPart(numbers=[7], label="7", kind="policy_evaluation", status="policy",
                     text=f"[Te vervolledigen door de dossierbeheerder.] Eerdere antwoorden:\n- Titel (Justitie): “{passage}” [1]",
                     citations=[Citation(n=1, id="1", kind="precedent", title="Titel", passage=passage)])
    assert unsupported_claims(part, []) == []
    part.text += "\nDaarnaast waren er 36 plaatsen."
    assert unsupported_claims(part, []) == ["36"]


def test_a_pasted_figure_question_and_actions_question_get_a_part_each():
    draft = draft_document(parse_text("Hoeveel werkzoekenden zonder werk waren er in Limburg eind 2023, per geslacht? "
                                      "En welke acties onderneemt VDAB om hen te activeren?"))
    assert [(p.kind, p.status) for p in draft.parts] == [("statistic", "available"), ("actions", "actions")]
    with (DATA_DIR / "synthetic" / "vdab_werkzoekenden.csv").open(encoding="utf-8") as handle:
        limburg = sum(int(r["werkzoekenden_zonder_werk"]) for r in csv.DictReader(handle)
                      if r["maand"] == "2023-12" and r["provincie"] == "Limburg")
    assert _dutch(limburg) in draft.parts[0].text


def test_months_are_named_and_an_annex_title_carries_the_filters():
    draft = draft_document(parse_text("1. Hoeveel beslissingen nam het CGVS in de eerste drie maanden van 2024, per maand?\n"
                                      "2. Hoeveel vrouwen jonger dan 25 jaar waren eind 2023 werkzoekend in Limburg, per opleidingsniveau?"))
    with (DATA_DIR / "cgvs-monthly" / "cgvs-monthly-2020-2025.csv").open(encoding="utf-8") as handle:
        decisions = {int(r["month_id"]): int(r["count_cgvs_decisions"].replace(".", "")) for r in csv.DictReader(handle)
                     if r["year"] == "2024" and int(r["month_id"]) <= 3}
    text = draft.parts[0].text
    assert f"januari {_dutch(decisions[1])}, februari {_dutch(decisions[2])} en maart {_dutch(decisions[3])}" in text
    assert [row[0] for row in draft.annexes[0].rows] == ["januari", "februari", "maart"]
    assert draft.annexes[1].title.startswith("Werkzoekenden zonder werk in Limburg (vrouwen en jonger dan 25 jaar) per opleidingsniveau")


def _parts(text: str) -> dict:
    return {p.label: p for p in draft_document(parse_text(text)).parts}


def test_a_vague_measure_word_on_another_subject_gives_no_figure():
    # "aanvragen" is an asylum application in a question on asylum; here it is a permit for drones.
    parts = _parts("Dronevergunningen.\n\nSinds 2022 geldt een nieuw kader voor drones.\n\n"
                   "1. Hoeveel aanvragen werden er in 2023 ingediend?\n2. Hoeveel beslissingen werden er in 2023 genomen?\n")
    for label in ("1", "2"):
        assert parts[label].status == "needs_review" and "er wordt geen cijfer gegeven" in parts[label].text
    assert "aanvragen" in parts["1"].understood and "beslissingen" in parts["2"].understood
    anchored = _parts("Asielzoekers.\n\n1. Hoeveel aanvragen werden er in 2023 ingediend?\n")
    assert anchored["1"].status == "available" and "verzoeken om internationale bescherming" in anchored["1"].understood


def test_since_then_without_a_period_of_its_own_gives_no_figure():
    parts = _parts("Asielwet.\n\nOp 1 maart 2023 trad de nieuwe asielwet in werking.\n\n"
                   "1. Hoeveel asielaanvragen werden er sindsdien ingediend?\n")
    assert parts["1"].status == "needs_review" and "sindsdien" in parts["1"].understood


def test_the_period_the_introduction_asks_for_is_the_period_of_parts_naming_none():
    parts = _parts("Asiel. - Cijfers.\n\nKan u meedelen voor het jaar 2022:\n"
                   "1. hoeveel asielaanvragen er werden ingediend;\n2. hoeveel asielaanvragen er in 2023 werden ingediend?\n")
    assert "2022" in parts["1"].understood and "meest recente" not in parts["1"].understood
    assert "2023" in parts["2"].understood and "2022" not in parts["2"].understood  # a part's own period stands
    cited = _parts("Asiel. - Cijfers.\n\nIn navolging van mijn vraag nr. 700 van 25 februari 2022 stel ik graag volgende vragen:\n"
                   "1. Hoeveel asielaanvragen werden er ingediend?\n")
    assert "2022" not in cited["1"].understood and "meest recente" in cited["1"].understood  # a cited question's date
