"""What the app needs behind its buttons, without any UI: the index (built in the background
on first start), drafting, ad-hoc questions, search, documents and exports.

The app stays thin: each Gradio handler calls one method here and formats the result.
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

from bot.ask import AskAnswer, AskState, ask
from bot.drafting.house_style import dutch_number
from bot.drafting.model import Draft
from bot.drafting.pipeline import draft_document
from bot.parse.corpus import get_source
from bot.parse.files import parse_bytes, parse_text
from bot.parse.model import Document
from bot.retrieval.index import PrecedentIndex
from bot.retrieval.search import Hit, SearchFilters, search
from tools.errors import PQError

log = logging.getLogger("pq.service")
MAX_UPLOAD_BYTES = 20 * 1024 * 1024


class IndexBuilder:
    """Runs `ingest` in a background thread and reports its progress for the page."""

    def __init__(self, index: PrecedentIndex, terminal_progress: bool = True) -> None:
        self.index = index
        self.stage = "wachten"
        self.done = 0
        self.total = 0
        self.error: str | None = None
        self.finished = threading.Event()
        self.lexical_ready = threading.Event()  # search works (BM25) from here on
        self.hybrid_ready = threading.Event()  # every unit has its vector: search is hybrid
        self._terminal = terminal_progress
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self.index.exists():
            self.lexical_ready.set()
        self._thread = threading.Thread(target=self._run, name="pq-index", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        from bot.retrieval.index import tqdm_progress

        terminal = tqdm_progress() if self._terminal else None

        def report(stage: str, done: int, total: int) -> None:
            self.stage, self.done, self.total = stage, done, total
            if stage in ("lexical", "embedding"):
                self.lexical_ready.set()
            if stage in ("dense", "storing"):
                self.lexical_ready.set()
                self.hybrid_ready.set()
            if terminal and stage in ("embedding", "storing"):
                terminal(stage, done, total)

        try:
            self.stage = "corpus lezen"
            self.index.ingest(progress=report)
            self.stage = "klaar"
        except PQError as exc:
            self.error = str(exc)
        except Exception as exc:  # noqa: BLE001 - shown on the page instead of killing the thread silently
            log.exception("index build failed")
            self.error = f"{type(exc).__name__}: {exc}"
        finally:
            self.lexical_ready.set()
            self.finished.set()

    def status_text(self) -> str:
        if self.error:
            return f"⚠️ De zoekindex kon niet gebouwd worden: {self.error}"
        if self.finished.is_set() and self.stage == "klaar":
            state = self.index.state() or {}
            text = (f"Zoekindex klaar: {dutch_number(state.get('chunks', 0))} zoekeenheden uit "
                    f"{', '.join(state.get('sources', {}))}.")
            notice = self._notice()
            return f"⚠️ {text} Beperkt zoeken: {notice}" if notice else text
        if self.stage == "embedding" and self.total:
            share = self.done / self.total
            return (f"Zoekindex wordt aangevuld: semantische index {share:.0%} ({dutch_number(self.done)}/{dutch_number(self.total)}). "
                    "Zoeken werkt al (lexicaal) en wordt hybride zodra de index klaar is.")
        if self.hybrid_ready.is_set():
            return "Zoeken is hybride (lexicaal en semantisch); de vectoren worden nog in de Chroma-opslag bewaard …"
        return f"Zoekindex wordt opgebouwd ({self.stage}) …"

    def _notice(self) -> str | None:
        try:
            return self.index.notice()
        except PQError as exc:
            return str(exc)


class Service:
    def __init__(self, index: PrecedentIndex | None = None, llm=None) -> None:
        self.index = index or PrecedentIndex()
        self.llm = llm
        self.builder = IndexBuilder(self.index)
        self._documents: dict[str, dict[str, Document]] = {}
        self._documents_lock = threading.Lock()

    # -- start-up checks ------------------------------------------------------------------
    def problems(self) -> list[str]:
        """What stops the app from working: shown as a page-level message, never a traceback."""
        found = []
        try:
            from tools.catalog import default_catalog
            from tools.datasets import table

            catalog = default_catalog()
            for dataset in catalog.datasets:
                table(dataset.id)
        except PQError as exc:
            found.append(f"De datasets kunnen niet gelezen worden: {exc}")
        except Exception as exc:  # noqa: BLE001 - a damaged data file may raise anything
            found.append(f"De datasets kunnen niet gelezen worden: {type(exc).__name__}: {exc}")
        if self.builder.error:
            found.append(f"De zoekindex kon niet gebouwd worden: {self.builder.error}")
        return found

    def start(self, wait_for_search: float = 0) -> None:
        self.builder.start()
        if wait_for_search:
            self.builder.lexical_ready.wait(wait_for_search)

    # -- drafting ---------------------------------------------------------------------------
    def read_question(self, text: str | None, upload_path: str | None) -> Document:
        if upload_path:
            path = Path(upload_path)
            if path.stat().st_size > MAX_UPLOAD_BYTES:
                raise PQError(f"het bestand is groter dan {MAX_UPLOAD_BYTES // (1024 * 1024)} MB")
            return parse_bytes(path.read_bytes(), path.name)
        return parse_text(text or "")

    def draft(self, doc: Document, on_step=None) -> Draft:
        index = self.index if self.builder.lexical_ready.is_set() and self.index.exists() else None
        draft = draft_document(doc, index=index, llm=self.llm, on_step=on_step)
        if index is None:
            draft.warnings.append("De zoekindex is nog niet klaar: dit ontwerp citeert nog geen precedenten.")
        return draft

    # -- ad-hoc statistics --------------------------------------------------------------------
    def ask(self, question: str, state: AskState | None) -> AskAnswer:
        return ask(question, state, llm=self.llm)

    # -- precedents -------------------------------------------------------------------------
    def search(self, query: str, filters: SearchFilters, k: int = 20) -> list[Hit]:
        if not self.builder.lexical_ready.wait(timeout=0.1) and not self.index.exists():
            raise PQError("de zoekindex wordt nog opgebouwd; probeer het zo dadelijk opnieuw")
        return search(self.index, query, k=k, filters=filters)

    def search_notice(self) -> str | None:
        """Why search is lexical only right now (the dense part missing, damaged or still building), or None."""
        return self.builder._notice()

    def document(self, doc_id: str) -> Document:
        """A corpus document by id, parsed from its source (each source read once, then cached)."""
        table = self.index.load().table
        row = table.doc_position.get(doc_id)
        if row is None:
            raise PQError(f"onbekend document {doc_id!r}")
        source = table.docs["source"].iat[row]
        with self._documents_lock:
            if source not in self._documents:
                started = time.perf_counter()
                self._documents[source] = {d.id: d for d in get_source(source).documents()}
                log.info("read %s in %.1f s", source, time.perf_counter() - started)
            return self._documents[source][doc_id]

    def passage_text(self, doc_id: str, numbers: list[int]) -> str:
        """The indexed unit(s) of a precedent that hold the given sub-question numbers."""
        table = self.index.load().table
        row = table.doc_position.get(doc_id)
        if row is None:
            return ""
        positions = range(table.doc_starts[row], table.doc_ends[row])
        units = [table.text(p) for p in positions if table.frame["unit"].iat[p] != "doc" and set(table.numbers(p)) & set(numbers)]
        return "\n\n".join(units) if units else table.text(positions[0])
