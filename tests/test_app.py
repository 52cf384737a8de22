"""The Gradio app through its API (gradio_client): draft, ask, search, export, concurrency; the
page-level error; Dutch messages. The page itself is tested in a browser in tests/app/test_browser.py."""

import concurrent.futures
import re
import socket
import urllib.request
from pathlib import Path

import gradio as gr
import pytest
from docx import Document as WordDocument

from app import auth_from_env, build_app, guarded, launch, rewrite_page
from bot.app_view import review_html
from bot.drafting.pipeline import draft_document
from bot.parse.files import parse_text
from bot.service import Service
from bot.settings import settings
from tests.conftest import seed_question_only
from tools.errors import PQError

FIGURES_QUESTION = ("1. Hoeveel verzoeken om internationale bescherming werden in 2023 ingediend? Graag per maand.\n"
                    "2. Welke acties worden opgezet met Fedasil?")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def running_app(small_index, small_corpus, tmp_path_factory):
    """The app on 127.0.0.1 over the small real index, as `make run` starts it."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PQ_CORPUS_DIR", str(small_corpus))
        mp.setenv("PQ_DATA_DIR", str(tmp_path_factory.mktemp("app-data")))
        mp.setenv("PQ_SOURCES", "vlaams-parlement,dekamer-qrva-2017,dekamer-questions-2020")
        settings.cache_clear()
        service = Service(index=small_index)
        service.builder._terminal = False
        service.start(wait_for_search=60)
        service.builder.finished.wait(60)
        port = _free_port()
        app = build_app(service)
        launch(app, server_name="127.0.0.1", server_port=port, prevent_thread_lock=True)
        try:
            yield f"http://127.0.0.1:{port}", service
        finally:
            app.close()


@pytest.fixture(scope="module")
def client(running_app, tmp_path_factory):
    from gradio_client import Client

    # The client's copies of exported files go to a temporary folder, not to the shared /tmp/gradio.
    return Client(running_app[0], verbose=False, download_files=str(tmp_path_factory.mktemp("downloads")))


def test_api_draft_of_the_seed(client):
    draft = client.predict(seed_question_only(), api_name="/draft")
    assert [(p["label"], p["status"]) for p in draft["parts"]] == [("1+4-6", "not_identified"), ("2-3", "owned_elsewhere"), ("7", "policy"), ("8", "actions")]
    assert draft["header"] == "ANTWOORD op vraag nr. 216 van 2 februari 2024 van ILSE MALFROOT"


def test_api_ask_with_follow_up(client):
    first = client.predict("Hoeveel werkzoekenden waren er in 2023 per provincie?", None, api_name="/ask")
    second = client.predict("alleen Limburg", first["state"], api_name="/ask")
    assert second["follow_up"] and second["reading"]["filters"] == {"provincie": ["Limburg"]} and len(second["rows"]) == 1
    limburg = next(r["werkzoekenden"] for r in first["rows"] if r["provincie"] == "Limburg")
    assert second["rows"][0]["werkzoekenden"] == limburg


def test_api_search_with_filters(client):
    hits = client.predict("verkrachting tussen partners", "dekamer-qrva-2017", "justitie", "", "", "", True, 5, api_name="/search")
    assert hits and all(h["source"] == "dekamer-qrva-2017" for h in hits)
    assert hits[0]["id"] == "184523"  # the one of the three sent to the Minister of Justice


def test_api_export_docx_holds_header_parts_annex_and_sources(client):
    draft = client.predict(FIGURES_QUESTION, api_name="/draft")
    edited = "\n\n".join(f"{p['label']}. {p['text']}" for p in draft["parts"]).replace("Het overzicht per maand", "Het overzicht (bewerkt) per maand")
    assert draft["header"] == "ANTWOORD op vraag nr. …"  # the pasted question had no header
    header = "ANTWOORD op vraag nr. … — hoofding aangevuld door de dossierbeheerder"
    path = client.predict(draft, edited, "docx", header, api_name="/export")
    word = WordDocument(path)
    text = "\n".join(p.text for p in word.paragraphs)
    assert header in text
    for part in draft["parts"]:
        assert f"{part['label']}. " in text
    assert "Het overzicht (bewerkt) per maand" in text  # the edited text, not the original
    (table,) = word.tables
    rows = [[c.text for c in r.cells] for r in table.rows]
    annex = draft["annexes"][0]
    assert rows[0] == annex["columns"] and len(rows) == 1 + len(annex["rows"])
    assert rows[1][0] == str(annex["rows"][0][0])
    assert "Bronnen" in text and all(f"[{s['n']}]" in text for s in draft["sources"])
    assert "**" not in text  # Markdown bold became Word bold
    markdown = client.predict(draft, None, "md", "", api_name="/export")
    assert Path(markdown).read_text(encoding="utf-8").startswith("**JO BROUNS**")


def test_export_is_named_after_the_question(client):
    draft = client.predict(seed_question_only(), api_name="/draft")
    path = Path(client.predict(draft, None, "docx", "", api_name="/export"))
    assert path.name == "antwoord-216-tewerkstelling-asielzoekers.docx"


@pytest.mark.parametrize(("question", "dutch"), [
    ("", "De tekst is leeg"),
    ("x" * 200_001, "De tekst telt 200.001 tekens; een schriftelijke vraag telt er hoogstens 200.000."),
])
def test_bad_input_is_a_dutch_error_not_a_trace(client, question, dutch):
    from gradio_client.exceptions import AppError

    with pytest.raises(AppError) as info:
        client.predict(question, api_name="/draft")
    assert dutch in str(info.value) and "Traceback" not in str(info.value)


def test_bad_search_dates_are_a_dutch_error(client):
    from gradio_client.exceptions import AppError

    with pytest.raises(AppError, match="Ongeldige datum bij 'Vanaf': schrijf ze als JJJJ-MM-DD") as info:
        client.predict("asielzoekers", "", "", "", "2024-13-45", "", False, 5, api_name="/search")
    assert "Input should be" not in str(info.value)


def test_eight_concurrent_requests_all_complete(client, running_app):
    from gradio_client import Client

    jobs = [("draft", seed_question_only()), ("ask", "Hoeveel werkzoekenden waren er in 2023 per provincie?"),
            ("draft", FIGURES_QUESTION), ("ask", "Hoeveel verzoeken om internationale bescherming in 2022?"),
            ("draft", "1. Wat was de opvangcapaciteit van het opvangnetwerk op 1 mei 2024?"), ("ask", "Hoeveel asielzoekers volgden een opleiding?"),
            ("draft", "1. Hoeveel asielzoekers volgden een opleiding via VDAB?\n2. Hoe evalueert de minister dat?"),
            ("ask", "Hoeveel bewoners van opvangcentra werkten in 2023?")]
    expected = []
    for kind, text in jobs:  # the same work done directly, without the app
        if kind == "draft":
            expected.append([(p.label, p.status) for p in draft_document(parse_text(text), index=running_app[1].index).parts])
        else:
            from bot.ask import ask

            expected.append(ask(text).sentence)

    def run(job):
        kind, text = job
        result = Client(running_app[0], verbose=False).predict(text, api_name="/draft") if kind == "draft" else \
            Client(running_app[0], verbose=False).predict(text, None, api_name="/ask")
        return [(p["label"], p["status"]) for p in result["parts"]] if kind == "draft" else result["sentence"]

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        futures = [pool.submit(run, job) for job in jobs]
        # The page keeps answering while the eight requests run.
        with urllib.request.urlopen(running_app[0] + "/", timeout=60) as page:
            assert page.status == 200
        results = [f.result(timeout=300) for f in futures]
    assert results == expected


def test_page_level_error_when_data_files_are_invalid(monkeypatch, small_index):
    import tools.datasets

    def broken(dataset_id):
        raise PQError(f"{dataset_id}.csv, row 3, column 'maand': not a month")

    monkeypatch.setattr(tools.datasets, "table", broken)
    service = Service(index=small_index)
    assert service.problems() and "row 3" in service.problems()[0]
    app = build_app(service)
    rendered = str(app.config)
    assert "De toepassing kan niet volledig werken" in rendered and "row 3" in rendered


def test_handlers_turn_errors_into_dutch_messages():
    @guarded
    def fails():
        raise PQError("the PDF has no text layer (a scan?): run OCR first or paste the text")

    @guarded
    def unknown():
        raise PQError("something <b>new</b> went wrong")

    @guarded
    def crashes():
        raise KeyError("x")

    with pytest.raises(gr.Error) as info:
        fails()
    assert info.value.message.startswith("De PDF heeft geen tekstlaag (een scan?)") and info.value.title == "Fout"
    with pytest.raises(gr.Error) as info:
        unknown()
    # Gradio shows messages as HTML: the text is escaped, and put behind a Dutch sentence
    assert info.value.message == "De aanvraag kon niet verwerkt worden. Melding van het systeem: something &lt;b&gt;new&lt;/b&gt; went wrong"
    with pytest.raises(gr.Error, match="KeyError") as info:
        crashes()
    assert "Traceback" not in str(info.value) and "Er ging iets mis" in info.value.message


def test_badges_per_status_in_the_draft_view():
    draft = draft_document(parse_text(seed_question_only()))
    page = review_html(draft)
    for text in ("niet geïdentificeerd", "gegevens bij Fedasil", "beleid · te vervolledigen", "acties · te vervolledigen"):
        assert text in page
    assert "owned_elsewhere" not in re.sub(r'data-status="\w+"', "", page)
    markers = re.findall(r'<a class="pq-cite" href="#pq-src-(\d+)" data-n="\1"', page)
    assert len(markers) == sum(len(re.findall(r"\[\d+\]", p.text)) for p in draft.parts) > 0


def test_the_page_is_served_in_dutch_and_without_the_api_before_login():
    page = (b'<!doctype html>\n<html\n\tlang="en"\n><head><meta charset="utf-8" /></head><body>'
            b'<script>window.gradio_config = {"auth_required":true,"components":[]};</script>'
            b'<script>window.gradio_api_info = {"named_endpoints":{"/draft":{"parameters":[]}}};</script></body></html>')
    served = rewrite_page(page)
    assert b'lang="nl"' in served and b'lang="en"' not in served
    assert served.index(b"navigator,'language'") < served.index(b"gradio_config")  # before Gradio reads the language
    assert b"/draft" not in served
    logged_in = page.replace(b'"auth_required":true,', b"")
    assert b"/draft" in rewrite_page(logged_in)  # after login the page keeps its API description


def test_auth_from_env(env, monkeypatch, tmp_path):
    env(PQ_AUTH=None)
    assert auth_from_env() is None
    env(PQ_AUTH="desk:geheim")
    assert auth_from_env() == [("desk", "geheim")]
    users = tmp_path / "users"
    users.write_text("a:1\nb:2\n", encoding="utf-8")
    env(PQ_AUTH=str(users))
    assert auth_from_env() == [("a", "1"), ("b", "2")]
    env(PQ_AUTH="no-colon")
    with pytest.raises(SystemExit):
        auth_from_env()


def test_sources_tab_opens_a_document_at_its_matched_sub_question(running_app):
    import html

    from bot.app_view import document_html

    service = running_app[1]
    doc = service.document("184523")
    page = document_html(doc, [2], "verkrachting")
    assert html.escape(doc.title) in page and "<h3>Deelvragen</h3>" in page and "<h3>Antwoord</h3>" in page
    assert all(f'id="pq-doc-q{s.number}"' in page for s in doc.subquestions)
    marked = re.findall(r'<li value="(\d+)" id="pq-doc-q\d+" class="pq-hit-part">', page)
    assert marked == ["2"]  # the matched sub-question is the one the page scrolls to
    with pytest.raises(PQError, match="onbekend document"):
        service.document("no-such-id")


# --- the drafting chat through its API ----------------------------------------------------------------
CHAT_QUESTION = ("1. Hoeveel werkzoekenden zonder werk waren er eind 2023 in Vlaanderen?\n"
                 "2. Hoeveel asielzoekers gingen aan de slag vanaf 2022?\n"
                 "3. Hoe evalueert de minister de samenwerking met Fedasil?")


def _say(client, message: str, state: dict | None = None) -> tuple[dict, str | None]:
    return client.predict(message, state, api_name="/chat")


def _others(draft: dict, *labels: str) -> dict:
    """Every part but these, as it stands: text, status, reading and citations."""
    return {p["label"]: (p["text"], p["status"], p["reading"], p["citations"]) for p in draft["parts"] if p["label"] not in labels}


@pytest.fixture(scope="module")
def chat_drafted(client):
    reply, _ = _say(client, CHAT_QUESTION)
    return reply


def test_api_chat_drafts_a_pasted_question(chat_drafted):
    assert chat_drafted["kind"] == "draft" and chat_drafted["changed"] == ["1", "2", "3"]
    parts = chat_drafted["draft"]["parts"]
    assert [(p["label"], p["status"]) for p in parts] == [("1", "available"), ("2", "owned_elsewhere"), ("3", "policy")]
    assert chat_drafted["state"]["draft"] == chat_drafted["draft"]  # the state carries the draft to the next turn


def test_api_chat_refines_one_statistical_part(client, chat_drafted):
    import pandas as pd

    from tools.catalog import DATA_DIR

    reply, _ = _say(client, "deel 1 per geslacht", chat_drafted["state"])
    table = pd.read_csv(DATA_DIR / "synthetic" / "vdab_werkzoekenden.csv", dtype={"maand": str})
    expected = table[table["maand"] == "2023-12"].groupby("geslacht")["werkzoekenden_zonder_werk"].sum().to_dict()
    part = reply["draft"]["parts"][0]
    assert reply["kind"] == "refine" and reply["changed"] == ["1"] and part["reading"]["breakdowns"] == ["geslacht"]
    assert {f["filters"]["geslacht"][0]: f["value"] for f in part["figures"] if "geslacht" in f["filters"]} == expected
    assert _others(reply["draft"], "1") == _others(chat_drafted["draft"], "1")
    earlier, _ = _say(client, "en het jaar ervoor?", reply["state"])  # the part the last refinement was about
    assert earlier["changed"] == ["1"] and earlier["draft"]["parts"][0]["reading"]["period"]["day"] == "2022-12-31"
    assert _others(earlier["draft"], "1") == _others(chat_drafted["draft"], "1")


def test_api_chat_explains_the_rule_and_the_source(client, chat_drafted):
    from tools.catalog import default_catalog

    reply, _ = _say(client, "Waarom verwijs je naar Fedasil?", chat_drafted["state"])
    part = chat_drafted["draft"]["parts"][1]
    rule = next(e.reason for e in default_catalog().external_sources if e.owner == "Fedasil")
    (citation,) = part["citations"]
    assert reply["kind"] == "explain" and reply["draft"] is None and reply["changed"] == []
    assert "Regel:" in reply["text"] and rule in reply["text"] and f"Bron [{citation['n']}]: {citation['title']}" in reply["text"]
    figure, _ = _say(client, "waar komt het cijfer van deel 1 vandaan?", chat_drafted["state"])
    value = chat_drafted["draft"]["parts"][0]["figures"][0]["value"]
    assert "VDAB werkzoekenden zonder werk per maand" in figure["text"] and "een stand" in figure["text"]
    assert f"{value:,}".replace(",", ".") in figure["text"]


def test_api_chat_searches_and_cites_a_precedent_in_one_part(client):
    drafted, _ = _say(client, seed_question_only())
    found, _ = _say(client, "zoek eerdere antwoorden over asielzoekers op de arbeidsmarkt", drafted["state"])
    assert found["kind"] == "search" and found["hits"] and found["draft"] is None
    assert all(h["id"] != drafted["draft"]["question_id"] for h in found["hits"])  # never the question itself
    cited, _ = _say(client, "citeer 1 in deel 8", found["state"])
    part = next(p for p in cited["draft"]["parts"] if p["label"] == "8")
    assert cited["kind"] == "cite" and cited["changed"] == ["8"]
    assert part["citations"][-1]["id"] == found["hits"][0]["id"] and f"[{part['citations'][-1]['n']}]" in part["text"]
    assert _others(cited["draft"], "8") == _others(drafted["draft"], "8")
    again, _ = _say(client, "citeer 1 in deel 8", cited["state"])
    assert again["draft"] is None and "niets gewijzigd" in again["text"]  # the same precedent is not cited twice


def test_api_chat_edits_and_exports(client, chat_drafted):
    removed, _ = _say(client, "schrap deel 3", chat_drafted["state"])
    assert removed["kind"] == "edit" and [p["label"] for p in removed["draft"]["parts"]] == ["1", "2"]
    assert _others(removed["draft"]) == _others(chat_drafted["draft"], "3")
    marked, _ = _say(client, "zet deel 2 op te vervolledigen", removed["state"])
    assert marked["changed"] == ["2"] and marked["draft"]["parts"][1]["text"].endswith("[Te vervolledigen door de dossierbeheerder.]")
    assert _others(marked["draft"], "2") == _others(removed["draft"], "2")
    undone, _ = _say(client, "maak dat ongedaan", marked["state"])  # the state keeps the drafts before each change
    assert undone["kind"] == "undo" and undone["draft"] == removed["draft"] and undone["changed"] == ["2"]
    exported, path = _say(client, "maak er een Word-bestand van", marked["state"])
    assert exported["kind"] == "export" and exported["draft"] is None and Path(path).suffix == ".docx"
    text = "\n".join(p.text for p in WordDocument(path).paragraphs)
    assert "1. " in text and "2. " in text and "3. Hoe evalueert" not in text and "[Te vervolledigen door de dossierbeheerder.]" in text


def test_api_chat_unknown_instructions_and_rewrites_without_a_model_change_nothing(client, chat_drafted):
    from gradio_client.exceptions import AppError

    for message in ("bak een taart", "deel 1 per beperking", "schrap deel 9"):
        reply, _ = _say(client, message, chat_drafted["state"])
        assert reply["kind"] == "help" and reply["draft"] is None and reply["state"]["draft"] == chat_drafted["draft"], message
    assert "Ik kan:" in _say(client, "bak een taart", chat_drafted["state"])[0]["text"]
    assert "beperking" in _say(client, "deel 1 per beperking", chat_drafted["state"])[0]["text"]
    rewrite, _ = _say(client, "formuleer deel 3 korter", chat_drafted["state"])
    assert rewrite["kind"] == "rewrite" and rewrite["draft"] is None and "PQ_LLM" in rewrite["text"]
    with pytest.raises(AppError, match="Het bericht is leeg"):
        _say(client, "   ", chat_drafted["state"])
    with pytest.raises(AppError, match="De gespreksstatus is ongeldig"):
        _say(client, "schrap deel 3", {"draft": "geen ontwerp"})
