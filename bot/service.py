"""What the app needs behind its buttons, without any UI: the index (built in the background
on first start), drafting, ad-hoc questions, search, documents, exports and the dossier.

The app stays thin: each Gradio handler calls one method here and formats the result.
Exports are written under the data directory (`exports/`, owner-only) and removed after a day;
the dossier (bot/dossier.py) keeps what was exported and from which version.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from pydantic import BaseModel

from bot.ask import AskAnswer, AskState, ask
from bot.chat import Chat, ChatReply, ChatState
from bot.dossier import Dossier, VersionRef
from bot.drafting.export import docx_bytes, edited_draft, export_file_name, to_markdown
from bot.drafting.house_style import dutch_number
from bot.drafting.model import Draft
from bot.drafting.pipeline import draft_document
from bot.parse.corpus import get_source
from bot.parse.files import parse_bytes, parse_text
from bot.parse.model import Document
from bot.retrieval.index import PrecedentIndex
from bot.retrieval.search import Hit, SearchFilters, search
from bot.settings import settings
from tools.errors import PQError

log = logging.getLogger("pq.service")
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
EXPORT_MAX_AGE_SECONDS = 24 * 3600  # an export is for downloading now; the dossier keeps the version to export again
EXPORT_FORMATS = ("docx", "md")


class QuestionInput(BaseModel):
    """The question as the desk gave it: pasted text or one file, never both."""

    document: Document
    text: str  # the pasted text, or the question as read from the file
    source: str  # "geplakte tekst" or "bestand <name>"


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
        self._dossier: Dossier | None = None

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
    def read_question(self, text: str | None, upload_path: str | None, upload_name: str | None = None) -> QuestionInput:
        """The question from the pasted text or from the uploaded file; both at once is refused, so
        that the desk always knows which question was answered."""
        pasted = (text or "").strip()
        if upload_path and pasted:
            raise PQError("er staat zowel geplakte tekst als een bestand klaar; wis er één, zodat duidelijk is welke vraag "
                          "beantwoord wordt")
        if upload_path:
            path = Path(upload_path)
            name = upload_name or path.name
            if path.stat().st_size > MAX_UPLOAD_BYTES:
                raise PQError(f"het bestand is groter dan {MAX_UPLOAD_BYTES // (1024 * 1024)} MB")
            with path.open("rb") as handle:
                data = handle.read(MAX_UPLOAD_BYTES + 1)
            document = parse_bytes(data, name)
            return QuestionInput(document=document, text=question_text(document), source=f"bestand {name}")
        return QuestionInput(document=parse_text(text or ""), text=text or "", source="geplakte tekst")

    def draft(self, doc: Document, on_step=None) -> Draft:
        index = self.index if self.builder.lexical_ready.is_set() and self.index.exists() else None
        draft = draft_document(doc, index=index, llm=self.llm, on_step=on_step)
        if index is None:
            draft.warnings.append("De zoekindex is nog niet klaar: dit ontwerp citeert nog geen precedenten.")
        return draft

    # -- drafting in conversation ------------------------------------------------------------------
    def chat(self, message: str, state: ChatState | None, question: QuestionInput | None = None,
             exporter: Callable[[Draft, str], Path] | None = None, draft_id: int | None = None,
             current_version: int | None = None) -> ChatReply:
        """One turn of the drafting chat. A question read from a file (`question`) is drafted; a draft is made
        exactly as `draft` makes it (the same index, model and warnings), so the chat and the draft view agree.
        With the dossier's `draft_id` (and the version shown now), "maak dat ongedaan" and "ga terug naar versie 2"
        bring back a version from the dossier."""
        index = self.index if self.builder.lexical_ready.is_set() and self.index.exists() else None
        versions = (lambda number: self.earlier_version(draft_id, number, current_version)) if draft_id is not None else None
        chat = Chat(index=index, llm=self.llm, exporter=exporter, drafter=self.draft, versions=versions)
        if question is not None:
            return chat.turn(message, state, document=question.document, question_text=question.text)
        return chat.turn(message, state)

    def earlier_version(self, draft_id: int, number: int | None, current: int | None) -> tuple[Draft, str]:
        """Version `number` of a draft in the dossier (None: the one before `current`), and how to name it."""
        from bot.app_view import VERSION_KINDS

        versions = self.dossier.versions(draft_id)
        if number is None:
            number = (current or versions[-1].number) - 1
            if number < 1:
                raise PQError("er is geen eerdere versie: dit is de versie zoals ze werd opgesteld")
        found = next((v for v in versions if v.number == number), None)
        if found is None:
            raise PQError(f"dit ontwerp heeft geen versie {number}; de versies zijn 1 tot en met {versions[-1].number}")
        return found.draft, f"versie {number} ({VERSION_KINDS.get(found.kind, found.kind)})"

    def record_chat(self, draft_id: int, draft: Draft, user: str | None) -> VersionRef:
        """A draft changed in conversation, as a new version (kind 'chat') at the end of the draft's line."""
        return self.dossier.record_version(draft_id, draft, "chat", user)

    # -- the dossier -------------------------------------------------------------------------
    @property
    def dossier(self) -> Dossier:
        """The dossier under the data directory as it is set now (tests change it per test)."""
        path = settings().data_dir / "dossier.sqlite3"
        if self._dossier is None or self._dossier.path != path:
            self._dossier = Dossier(path)
        return self._dossier

    def record_composed(self, draft: Draft, question: QuestionInput, user: str | None) -> VersionRef:
        return self.dossier.record_composed(draft, question.document.to_json_dict(), question.text, question.source, user)

    def record_edit(self, draft_id: int, draft: Draft, edited_text: str | None, header: str | None,
                    user: str | None) -> VersionRef:
        """The desk's edit as a new version (or the latest one when nothing changed)."""
        return self.dossier.record_version(draft_id, edited_draft(draft, edited_text, header), "edited", user,
                                           edited_text=edited_text, header=header)

    # -- exports ------------------------------------------------------------------------------
    @staticmethod
    def exports_dir() -> Path:
        folder = settings().data_dir / "exports"
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        folder.chmod(0o700)  # also when an older version made it readable for others
        return folder

    def export(self, draft: Draft, fmt: str = "docx", edited_text: str | None = None, header: str | None = None,
               question_text: str | None = None, version_id: int | None = None, user: str | None = None) -> Path:
        """Write the (edited) draft as Word or Markdown in a folder of its own under the data directory,
        readable by the owner only; old exports are removed first. With a dossier version, the export
        is recorded against it."""
        if fmt not in EXPORT_FORMATS:
            raise PQError(f"onbekend exportformaat {fmt!r}; kies uit: {', '.join(EXPORT_FORMATS)}")
        self.prune_exports()
        data = docx_bytes(draft, edited_text, header) if fmt == "docx" else to_markdown(draft, edited_text, header).encode("utf-8")
        name = export_file_name(draft, fmt, question_text)
        folder = Path(tempfile.mkdtemp(prefix="", dir=self.exports_dir()))  # 0700, a fresh folder per export
        path = folder / name
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        if version_id is not None:
            self.dossier.record_export(version_id, fmt, name, data, user)
        return path

    def prune_exports(self, max_age: float = EXPORT_MAX_AGE_SECONDS) -> int:
        """Remove exports older than `max_age` seconds; returns how many were removed."""
        limit = time.time() - max_age
        removed = 0
        for entry in self.exports_dir().iterdir():
            try:
                if entry.is_symlink() or entry.is_file():
                    if entry.lstat().st_mtime < limit:
                        entry.unlink()
                        removed += 1
                elif entry.is_dir() and max((p.lstat().st_mtime for p in [entry, *entry.iterdir()]), default=0) < limit:
                    shutil.rmtree(entry)
                    removed += 1
            except OSError:  # removed meanwhile by another worker
                continue
        return removed

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


def question_text(document: Document) -> str:
    """The question of a document as plain text (for a question that came in as a file)."""
    lines = [document.title] if document.title else []
    if document.introduction:
        lines.append(document.introduction)
    lines += [f"{s.number}. {s.text}" if document.numbered else s.text for s in document.subquestions]
    return "\n\n".join(lines)
