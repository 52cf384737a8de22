"""The app's routes: behind the login every API and file route refuses a visitor without a session,
and the file route never serves a file outside the app's own (path traversal refused)."""

import http.client
import re
import socket
import urllib.parse

import pytest

from tests.conftest import ROOT

# The routes that run the app's functions, show its data or schema, or serve and take files.
# (Gradio's other routes hold no data: static assets, the login form, media streams by event id.)
PROTECTED = re.compile(r"^/(config|monitoring|gradio_api/(info|openapi\.json|call/|run/|api/|queue/|file|upload|"
                       r"component_server|proxy|run-history|process_recording|deep_link))")
ESSENTIAL = {"/config", "/gradio_api/info", "/gradio_api/call/{api_name}", "/gradio_api/run/{api_name}", "/gradio_api/queue/join",
             "/gradio_api/queue/data", "/gradio_api/file={path_or_url:path}", "/gradio_api/upload"}


class NoEmbedder:
    """The routes are checked without a model: nothing here searches."""

    spec = "none"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(tmp_path_factory, auth):
    from app import build_app, launch
    from bot.retrieval.index import PrecedentIndex
    from bot.service import Service

    service = Service(index=PrecedentIndex(tmp_path_factory.mktemp("no-index"), embedder=NoEmbedder()))
    app = build_app(service)
    port = _free_port()
    launch(app, server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, auth=auth, quiet=True)
    return app, f"http://127.0.0.1:{port}"


@pytest.fixture(scope="module")
def app_with_login(tmp_path_factory):
    app, base = _serve(tmp_path_factory, [("desk", "geheim")])
    yield app, base
    app.close()


@pytest.fixture(scope="module")
def open_app(tmp_path_factory):
    app, base = _serve(tmp_path_factory, None)
    yield app, base
    app.close()


def _request(url: str, method: str = "GET") -> tuple[int, bytes]:
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=20)
    try:
        body = b'{"data": ["1. Hoeveel?"], "fn_index": 0, "session_hash": "x"}' if method == "POST" else None
        connection.request(method, parts.path + (f"?{parts.query}" if parts.query else ""), body=body,
                           headers={"Content-Type": "application/json"})
        response = connection.getresponse()
        return response.status, response.read(4096)
    finally:
        connection.close()


def _routes(app):
    for route in app.server_app.routes:
        for sub in getattr(getattr(route, "original_router", None), "routes", [route]):
            for method in sorted((getattr(sub, "methods", None) or set()) - {"HEAD"}):
                yield method, sub.path


def test_every_api_and_file_route_needs_the_login(app_with_login):
    app, base = app_with_login
    checked, open_routes = set(), []
    for method, path in _routes(app):
        if not PROTECTED.match(path):
            continue
        status, _ = _request(base + re.sub(r"\{[^}]+\}", "draft", path), method)
        checked.add(path)
        if status not in (401, 403):
            open_routes.append((method, path, status))
    assert ESSENTIAL <= checked
    assert open_routes == []


TRAVERSALS = ["/etc/passwd", "../../../../etc/passwd", "%2e%2e/%2e%2e/%2e%2e/etc/passwd", "..%2f..%2f..%2fetc%2fpasswd",
              "%2Fetc%2Fpasswd", str(ROOT / "README.md"), str(ROOT / "app.py"), "/tmp/gradio/../../etc/passwd"]


@pytest.mark.parametrize("served", ["open_app", "app_with_login"])
@pytest.mark.parametrize("target", TRAVERSALS)
def test_the_file_routes_serve_nothing_outside_the_app(request, served, target):
    _, base = request.getfixturevalue(served)
    for url in (f"{base}/gradio_api/file={target}", f"{base}/gradio_api/file/{target}", f"{base}/static/{target}",
                f"{base}/assets/{target}"):
        status, body = _request(url)
        assert status in (401, 403, 404), (url, status)
        assert b"root:" not in body and b"PQ Assistant" not in body
