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
    assert second["follow_up"] and [r["provincie"] for r in second["rows"]] == ["Limburg"]
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
