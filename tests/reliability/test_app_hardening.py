"""The app's side of the reliability battery: exports kept private and bounded in age, no call to an
outside server (Gradio analytics), a back-off on failed logins, and no API schema before login."""

import os
import re
import socket
import stat
import tempfile
import time
from pathlib import Path

import httpx
import pytest

from app import build_app, launch
from bot.drafting.pipeline import draft_document
from bot.parse.files import parse_text
from bot.service import Service
from bot.settings import settings

QUESTION = "1. Hoeveel verzoeken om internationale bescherming werden ingediend van 2021 tot 2023? Graag per jaar."
USERS = [("desk", "geheim-1"), ("chef", "geheim-2"), ("doelwit", "juist-wachtwoord")]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("data")


@pytest.fixture(scope="module")
def guarded_app(small_index, small_corpus, data_dir):
    """The app with a login, its data directory in a temporary folder."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PQ_CORPUS_DIR", str(small_corpus))
        mp.setenv("PQ_DATA_DIR", str(data_dir))
        settings.cache_clear()
        service = Service(index=small_index)
        service.builder._terminal = False
        app = build_app(service)
        port = _free_port()
        launch(app, server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, auth=USERS)
        try:
            yield f"http://127.0.0.1:{port}"
        finally:
            app.close(verbose=False)


def _login(url: str, user: str, password: str, timeout: float = 5) -> int:
    return httpx.post(f"{url}/login", data={"username": user, "password": password}, timeout=timeout).status_code


# --- item 9: exports ------------------------------------------------------------------------------
def test_an_export_lands_under_the_data_dir_private_and_nowhere_else(guarded_app, data_dir, monkeypatch, tmp_path):
    from gradio.utils import get_upload_folder
    from gradio_client import Client

    monkeypatch.setenv("PQ_DATA_DIR", str(data_dir))
    settings.cache_clear()
    temp_before = set(Path(tempfile.gettempdir()).glob("pq-export-*"))
    cache = Path(get_upload_folder())
    cached_before = set(cache.rglob("antwoord*")) if cache.exists() else set()

    draft = draft_document(parse_text(QUESTION)).to_json_dict()
    client = Client(guarded_app, auth=USERS[0], verbose=False, download_files=str(tmp_path))  # the client's copy: not in /tmp/gradio
    downloaded = Path(client.predict(draft, None, "docx", "", api_name="/export"))
    assert downloaded.read_bytes()[:2] == b"PK"  # a Word file came back to the client

    assert set(Path(tempfile.gettempdir()).glob("pq-export-*")) == temp_before  # nothing new in /tmp
    assert (set(cache.rglob("antwoord*")) if cache.exists() else set()) == cached_before  # no copy in Gradio's cache
    exports = data_dir / "exports"
    files = [p for p in exports.rglob("*") if p.is_file()]
    assert [p.name for p in files] == [downloaded.name]
    assert files[0].read_bytes() == downloaded.read_bytes()
    assert stat.S_IMODE(files[0].stat().st_mode) == 0o600
    for folder in [exports, *[p for p in exports.rglob("*") if p.is_dir()]]:
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder


def test_old_exports_are_removed_when_a_new_one_is_written(guarded_app, data_dir, monkeypatch):
    from gradio_client import Client

    monkeypatch.setenv("PQ_DATA_DIR", str(data_dir))
    settings.cache_clear()
    old = data_dir / "exports" / "oud"
    old.mkdir(parents=True, exist_ok=True)
    (old / "antwoord-oud.docx").write_bytes(b"PK old")
    two_days_ago = time.time() - 2 * 24 * 3600
    os.utime(old / "antwoord-oud.docx", (two_days_ago, two_days_ago))
    os.utime(old, (two_days_ago, two_days_ago))
    recent = data_dir / "exports" / "recent"
    recent.mkdir(exist_ok=True)
    (recent / "antwoord-recent.docx").write_bytes(b"PK recent")

    draft = draft_document(parse_text(QUESTION)).to_json_dict()
    Client(guarded_app, auth=USERS[0], verbose=False).predict(draft, None, "md", "", api_name="/export")
    assert not old.exists()
    assert (recent / "antwoord-recent.docx").exists()  # younger than the age limit: kept


# --- item 9: no outside server ----------------------------------------------------------------------
def test_building_the_app_never_calls_gradio_analytics(monkeypatch, small_index):
    import gradio.analytics

    monkeypatch.delenv("GRADIO_ANALYTICS_ENABLED", raising=False)  # the default a user would have
    calls = []
    monkeypatch.setattr(gradio.analytics, "_do_analytics_request", lambda *a, **k: calls.append(("request", a, k)))
    monkeypatch.setattr(gradio.analytics, "version_check", lambda *a, **k: calls.append(("version_check", a, k)))
    app = build_app(Service(index=small_index))
    time.sleep(0.2)  # the version check runs in a thread when enabled
    assert app.analytics_enabled is False
    assert calls == []


# --- item 10: logins ------------------------------------------------------------------------------
def test_fifty_wrong_logins_do_not_get_through_quickly(guarded_app):
    """A brute force over one kept-alive connection: 49 wrong passwords, then the right one."""
    user, password = USERS[2]
    guesses = [f"fout-{i}" for i in range(49)] + [password]
    started = time.perf_counter()
    deadline = started + 3.0
    answered, got_in = 0, None
    with httpx.Client() as http:
        for guess in guesses:
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                break
            try:
                response = http.post(f"{guarded_app}/login", data={"username": user, "password": guess}, timeout=remaining)
            except httpx.TimeoutException:
                break
            answered += 1
            if response.status_code == 200:
                got_in = time.perf_counter() - started
    assert answered < 10, f"{answered} of 50 logins were checked within 3 s"
    assert got_in is None, f"the right password was found after {got_in:.2f} s"


def test_another_user_can_still_log_in_while_one_is_being_guessed(guarded_app):
    for i in range(4):
        _login(guarded_app, "chef", f"fout-{i}", timeout=10)
    started = time.perf_counter()
    assert _login(guarded_app, "desk", USERS[0][1]) == 200
    assert time.perf_counter() - started < 1.0


def test_the_logged_out_page_shows_no_api_schema(guarded_app):
    page = httpx.get(guarded_app + "/", timeout=10)
    assert page.status_code == 200 and '"auth_required":true' in page.text.replace(" ", "")
    assert '"parameters"' not in page.text  # no endpoint is described
    for name in ("/draft", "/ask", "/search", "/export", "api_draft", "edited_text"):
        assert name not in page.text, name
    # The routes that describe the API stay closed too (this held before; keep it).
    for route in ("/config", "/gradio_api/info", "/gradio_api/openapi.json"):
        assert httpx.get(guarded_app + route, timeout=10).status_code in (401, 403), route


def test_after_login_the_api_works(guarded_app):
    from gradio_client import Client

    client = Client(guarded_app, auth=USERS[1], verbose=False)
    hits = client.predict("werkende asielzoekers", "", "", "", "", "", False, 3, api_name="/search")
    assert hits and all(re.match(r"\S", h["id"]) for h in hits)


def test_the_login_back_off_schedule():
    from app import LoginThrottle

    now = [1000.0]
    throttle = LoginThrottle(clock=lambda: now[0])
    waits = [throttle.admit("desk", password_ok=False) for _ in range(8)]  # a burst of wrong passwords, all at once
    assert waits == [0.0, 0.0, 0.0, 0.5, 1.5, 3.5, 7.5, None]  # queued 0.5, 1, 2, 4 s apart; beyond 10 s refused unchecked
    assert throttle.admit("desk", password_ok=True) is None  # the right password cannot jump the queue
    assert throttle.admit("chef", password_ok=True) == 0.0  # another name is not slowed
    now[0] += 10.0
    assert throttle.admit("desk", password_ok=True) == 5.5  # its turn comes after the last queued guess
    throttle.succeeded("desk")
    assert throttle.admit("desk", password_ok=False) == 0.0  # success clears the name
    for _ in range(5):
        throttle.admit("chef", password_ok=False)
    now[0] += LoginThrottle.RESET_AFTER + 1
    assert throttle.admit("chef", password_ok=False) == 0.0  # and so does a quiet quarter of an hour
