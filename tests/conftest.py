import csv
import gzip
from pathlib import Path

import pytest

from bot.settings import settings

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SEED = CORPUS / "vlaams-parlement" / "schv-216-2023-2024-tewerkstelling-asielzoekers.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def _settings_read_afresh():
    """Settings are read once per process; each test starts from the environment as it is now."""
    settings.cache_clear()
    yield
    settings.cache_clear()


@pytest.fixture
def env(monkeypatch):
    """env(PQ_X="…", PQ_Y=None): set (or, with None, unset) variables and re-read the settings."""

    def set_env(**values):
        for name, value in values.items():
            if value is None:
                monkeypatch.delenv(name, raising=False)
            else:
                monkeypatch.setenv(name, str(value))
        settings.cache_clear()

    return set_env


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def qrva_rows() -> dict[str, dict[str, str]]:
    with gzip.open(CORPUS / "dekamer-qrva-2017" / "qrva-2017.csv.gz", "rt", encoding="utf-8") as handle:
        return {row["doc_id"]: row for row in csv.DictReader(handle)}


# A small real corpus for index tests: the seed, 2017 questions chosen to include questions
# sent to several ministers and unanswered ones, and three 2020 questions.
SMALL_QRVA_IDS = ["184503", "184504", "184521", "184522", "184523", "185104", "185006", "185453", "191428",
                  "185340", "185063", "186813", "185490", "185445", "185326", "187486",
                  # asylum seekers on the labour market (to three ministers): the one precedent the seed's part 7 may cite
                  "188442", "188443", "188444"]
SMALL_2020_ROWS = 3


def write_small_corpus(folder: Path, qrva_ids: list[str] = SMALL_QRVA_IDS) -> Path:
    import shutil

    (folder / "vlaams-parlement").mkdir(parents=True)
    shutil.copy(SEED, folder / "vlaams-parlement" / SEED.name)
    for source, filename, keep in [
        ("dekamer-qrva-2017", "qrva-2017.csv.gz", lambda i, row: row["doc_id"] in qrva_ids),
        ("dekamer-questions-2020", "questions-2020.csv.gz", lambda i, row: i < SMALL_2020_ROWS),
    ]:
        (folder / source).mkdir()
        with gzip.open(CORPUS / source / filename, "rt", encoding="utf-8", newline="") as src:
            reader = csv.DictReader(src)
            rows = [row for i, row in enumerate(reader) if keep(i, row)]
        with gzip.open(folder / source / filename, "wt", encoding="utf-8", newline="") as dst:
            writer = csv.DictWriter(dst, fieldnames=reader.fieldnames)
            writer.writeheader()
            writer.writerows(rows)
    return folder


@pytest.fixture(scope="session")
def small_corpus(tmp_path_factory) -> Path:
    return write_small_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="session")
def small_index(small_corpus, tmp_path_factory):
    """The small corpus indexed with the real default embedder (built once per test run)."""
    from bot.retrieval.index import PrecedentIndex

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PQ_CORPUS_DIR", str(small_corpus))
        mp.delenv("PQ_CHROMA_URL", raising=False)
        settings.cache_clear()
        index = PrecedentIndex(tmp_path_factory.mktemp("index"))
        index.ingest(["vlaams-parlement", "dekamer-qrva-2017", "dekamer-questions-2020"])
    settings.cache_clear()
    return index


# --- a scripted chat model (LangChain's fake model, able to "call" tools) -----------------
def fake_chat_model(replies):
    """LangChain's GenericFakeChatModel replying with `replies` in turn (str or AIMessage);
    bind_tools returns the model itself so a scripted AIMessage can carry tool calls."""
    from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
    from langchain_core.messages import AIMessage

    class ScriptedChatModel(GenericFakeChatModel):
        seen: list = []

        def bind_tools(self, tools, **kwargs):
            self.seen.append(("tools", [getattr(t, "name", None) or getattr(t, "__name__", str(t)) for t in tools]))
            return self

        def invoke(self, messages, *args, **kwargs):
            self.seen.append(("messages", messages))
            return super().invoke(messages, *args, **kwargs)

    messages = [r if isinstance(r, AIMessage) else AIMessage(content=r) for r in replies]
    return ScriptedChatModel(messages=iter(messages), seen=[])


def seed_question_only() -> str:
    """The seed question as the Flemish Parliament publishes it before it is answered: its header
    (number, MP, date, minister — the facts of the seed file) and the question, no answer."""
    text = SEED.read_text(encoding="utf-8")
    question = text.split("JO BROUNS", 1)[0].rstrip().rsplit("\n", 1)[0]
    return "SCHRIFTELIJKE VRAAG nr. 216 van ILSE MALFROOT datum: 2 februari 2024 aan JO BROUNS\n" + question


# --- a Chroma server on loopback (`chroma run`), for the shared-server tests ------------------
@pytest.fixture
def chroma_server(tmp_path):
    """The port of a `chroma run` server started for this test (its data under tmp_path/server), stopped after."""
    import socket
    import subprocess
    import sys
    import time

    import chromadb

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    chroma = Path(sys.executable).with_name("chroma")
    server = subprocess.Popen([str(chroma), "run", "--path", str(tmp_path / "server"), "--host", "127.0.0.1", "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 60
        while True:
            try:
                chromadb.HttpClient(host="127.0.0.1", port=port).heartbeat()
                break
            except Exception:
                if time.time() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.3)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=30)
