"""The Gradio app: API through gradio_client (draft, ask, search, export, concurrency), the page-level
error, and one end-to-end run in headless Chromium."""

import concurrent.futures
import os
import re
import shutil
import socket
import tempfile
import time
import urllib.request
from pathlib import Path

import gradio as gr
import pytest
from docx import Document as WordDocument

from app import auth_from_env, build_app, draft_html, guarded, launch
from bot.drafting.pipeline import draft_document
from bot.parse.files import parse_text
from bot.service import Service
from bot.settings import settings
from tests.conftest import ROOT, seed_question_only
from tools.errors import PQError

ARTIFACTS = ROOT / "test-artifacts"
FIGURES_QUESTION = ("1. Hoeveel verzoeken om internationale bescherming werden in 2023 ingediend? Graag per maand.\n"
                    "2. Welke acties worden opgezet met Fedasil?")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def running_app(small_index, small_corpus):
    """The app on 127.0.0.1 over the small real index, as `make run` starts it."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PQ_CORPUS_DIR", str(small_corpus))
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
def client(running_app):
    from gradio_client import Client

    return Client(running_app[0], verbose=False)


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
    markdown = client.predict(draft, None, "md", "", api_name="/export")
    assert Path(markdown).read_text(encoding="utf-8").startswith("**JO BROUNS**")


def test_bad_input_is_a_clear_error_not_a_trace(client):
    from gradio_client.exceptions import AppError

    with pytest.raises(AppError, match="no numbered sub-questions|no question|empty"):
        client.predict("", api_name="/draft")


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


def test_handlers_turn_errors_into_messages():
    @guarded
    def fails():
        raise PQError("het bestand is leeg")

    @guarded
    def crashes():
        raise KeyError("x")

    with pytest.raises(gr.Error, match="het bestand is leeg"):
        fails()
    with pytest.raises(gr.Error, match="KeyError") as info:
        crashes()
    assert "Traceback" not in str(info.value)


def test_badges_per_status_in_the_draft_view():
    draft = draft_document(parse_text(seed_question_only()))
    page = draft_html(draft)
    for text in ("niet geïdentificeerd", "eigendom van Fedasil", "beleid · te vervolledigen", "acties · te vervolledigen"):
        assert text in page
    assert page.count('class="pq-cite"') == sum(len(re.findall(r"\[\d+\]", p.text)) for p in draft.parts) > 0


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


def _browser_available() -> bool:
    return bool(shutil.which("chromium") and shutil.which("chromedriver"))


@pytest.mark.skipif(not _browser_available() and not os.environ.get("PQ_REQUIRE_BROWSER"), reason="Debian chromium and chromium-driver are not installed")
def test_browser_drafts_the_seed_opens_a_source_and_downloads_the_docx(running_app):
    from selenium import webdriver
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    downloads = Path(tempfile.mkdtemp(prefix="pq-downloads-"))
    options = webdriver.ChromeOptions()
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", f"--user-data-dir={tempfile.mkdtemp(prefix='pq-chromium-')}", "--window-size=1500,2200"]:
        options.add_argument(flag)
    options.binary_location = shutil.which("chromium")
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads)})
    browser = webdriver.Chrome(service=webdriver.ChromeService(shutil.which("chromedriver")), options=options)
    try:
        browser.get(running_app[0] + "/")
        wait = WebDriverWait(browser, 120)
        wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "#pq-question textarea"))).send_keys(seed_question_only())
        browser.find_element(By.ID, "pq-draft-button").click()
        wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "#pq-draft .pq-part")))
        labels = [e.get_attribute("data-label") for e in browser.find_elements(By.CSS_SELECTOR, "#pq-draft .pq-part")]
        assert labels == ["1+4-6", "2-3", "7", "8"]
        badges = [e.text for e in browser.find_elements(By.CSS_SELECTOR, "#pq-draft .pq-badge")]
        assert badges[:2] == ["niet geïdentificeerd", "eigendom van Fedasil"]

        # Click a precedent marker in part 7: its source opens in the side panel.
        part7 = browser.find_element(By.CSS_SELECTOR, '#pq-draft .pq-part[data-label="7"]')
        marker = part7.find_element(By.CSS_SELECTOR, ".pq-cite")
        number = marker.get_attribute("data-n")
        marker.click()
        wait.until(lambda b: b.find_element(By.ID, "pq-source-panel").text.startswith(f"[{number}]"))
        panel = browser.find_element(By.ID, "pq-source-panel")
        assert "vraag " in panel.text and panel.find_elements(By.TAG_NAME, "mark")  # the cited passage, highlighted
        ARTIFACTS.mkdir(exist_ok=True)
        browser.save_screenshot(str(ARTIFACTS / "draft-tab.png"))

        browser.find_element(By.ID, "pq-export-docx").click()
        wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "#pq-export-file a"))).click()
        deadline = time.time() + 60
        while time.time() < deadline and not list(downloads.glob("*.docx")):
            time.sleep(0.5)
        (docx_path,) = list(downloads.glob("*.docx"))
        text = "\n".join(p.text for p in WordDocument(docx_path).paragraphs)
        assert "ANTWOORD op vraag nr. 216" in text and "1+4-6. Asielzoekers worden niet apart geïdentificeerd" in text
    finally:
        browser.quit()


def test_sources_tab_opens_a_document_with_its_structure(running_app):
    from app import document_markdown

    service = running_app[1]
    doc = service.document("184523")
    page = document_markdown(doc)
    assert doc.title in page and "#### Deelvragen" in page and "#### Antwoord" in page
    assert all(f"{s.number}. {s.text}" in page for s in doc.subquestions)
    with pytest.raises(PQError, match="onbekend document"):
        service.document("no-such-id")
