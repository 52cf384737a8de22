"""PQ Assistant web app (Gradio). Thin: logic lives in `bot/` and `tools/`; `bot.service` holds it,
`bot.app_view` writes the HTML, `bot.app_messages` the Dutch.

Tabs: Gesprek (the drafting chat: paste a question, then refine, explain, search and cite, edit and
export by talking to the draft, shown beside the conversation), Ontwerpantwoord (draft, review each
claim beside its source, edit, export), Cijfers (ad-hoc statistics with follow-ups), Bronnen (search
precedents, open a document), Dossier (every draft, its versions and exports: reopen, compare, export
again). The chat and Ontwerpantwoord show one draft and one line of versions.

Settings (bot/settings.py): PQ_HOST (127.0.0.1), PQ_PORT (7860), PQ_AUTH (user:password, or a file
with one user:password per line), PQ_CONCURRENCY (4), PQ_DATA_DIR (index, dossier, exports) and the
rest as for the CLI. Nothing leaves the machine: Gradio's analytics and run history are off.
"""

from __future__ import annotations

import asyncio
import functools
import hmac
import html
import logging
import re
import threading
import time
from pathlib import Path

import gradio as gr
import pandas as pd

from bot.app_messages import GRADIO_NL, dutch_error
from bot.app_view import (
    PAGE_CSS,
    PAGE_SCRIPT,
    VERSION_KINDS,
    ask_details_html,
    chat_reply_html,
    comparison_html,
    document_html,
    hit_html,
    local_time,
    review_html,
    user_text_markdown,
    version_label,
)
from bot.ask import AskAnswer, AskState
from bot.chat import ChatReply, ChatState, looks_like_a_question_to_draft
from bot.drafting.export import edited_draft, parts_as_text, unsupported_in_edit
from bot.drafting.model import Draft
from bot.retrieval.search import SearchFilters
from bot.service import Service
from bot.settings import settings
from tools.errors import PQError

log = logging.getLogger("pq.app")
# Gradio's SemiBold (600) font files hold only a few letters, so semibold text mixed two fonts;
# regular and bold are complete, and 600 then renders with the bold face.
THEME = gr.themes.Default(
    primary_hue="blue",
    font=[gr.themes.LocalFont("Source Sans Pro", weights=(400, 700)), "ui-sans-serif", "system-ui", "sans-serif"],
    font_mono=[gr.themes.LocalFont("IBM Plex Mono", weights=(400, 700)), "ui-monospace", "Consolas", "monospace"])
SOURCE_CHOICES = [("alle bronnen", "alle"), ("Vlaams Parlement", "vlaams-parlement"), ("Kamer 2017 (beantwoord)", "dekamer-qrva-2017"),
                  ("Kamer 2020", "dekamer-questions-2020")]
SCROLL_TO_REVIEW = "() => { document.querySelector('#pq-review')?.scrollIntoView({block: 'start'}); }"
# After a turn that changed a part, that part is brought into view (the conversation stays beside it).
# (On a wide screen only: on a phone the desk stays at the conversation.)
SCROLL_TO_CHANGE = ("() => { if (matchMedia('(min-width: 901px)').matches) "
                    "document.querySelector('#pq-chat-review .pq-changed')?.scrollIntoView({block: 'nearest'}); }")
SCROLL_TO_MATCH = ("() => { const el = document.querySelector('#pq-document .pq-hit-part') || document.querySelector('#pq-document');"
                   " el?.scrollIntoView({block: 'center'}); }")


def fail(message: str) -> gr.Error:
    """An error toast in Dutch; the message is escaped (Gradio shows it as HTML)."""
    return gr.Error(html.escape(message, quote=False), title="Fout", print_exception=False)


def guarded(fn):
    """PQError -> its Dutch message in the page; anything else -> a short message, the traceback in the log."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except gr.Error:
            raise
        except PQError as exc:
            raise fail(dutch_error(str(exc))) from None
        except Exception as exc:  # noqa: BLE001 - never a stack trace in the page
            log.exception("handler %s failed", fn.__name__)
            raise fail(f"Er ging iets mis ({type(exc).__name__}). De details staan in het logboek van de server.") from None

    return wrapper


def user_of(request: gr.Request | None) -> str | None:
    """The PQ_AUTH user behind a request (None without a login)."""
    return getattr(request, "username", None) or None


CHAT_PLACEHOLDER = ('<p class="pq-placeholder">Het ontwerpantwoord verschijnt hier, met de bron van elke bewering ernaast. '
                    "Plak een schriftelijke vraag in het gesprek of kies een bestand.</p>")
REVIEW_PLACEHOLDER = '<p class="pq-placeholder">Het ontwerpantwoord verschijnt hier, met de bron van elke bewering ernaast.</p>'


SHOWN_PASTE_CHARS = 400


def _path_of(file) -> str:
    """A file of the chat's input as a path (Gradio gives a path or a dict with one)."""
    return file.get("path") if isinstance(file, dict) else str(file)


def chat_input_note(message) -> str:
    """Under the chat's input: which file will be drafted, and never a silent choice between a file and a pasted question."""
    files = (message or {}).get("files") or []
    if not files:
        return ""
    name = html.escape(Path(_path_of(files[0])).name)
    if looks_like_a_question_to_draft((message or {}).get("text") or ""):
        return ('<p class="pq-input-note pq-warn" role="status">Er staat zowel een geplakte vraag als een bestand klaar. '
                "Wis er één: de toepassing kiest niet zelf.</p>")
    return f'<p class="pq-input-note" role="status">Het bestand <strong>{name}</strong> wordt opgesteld bij Versturen.</p>'


def status_html(text: str) -> str:
    return f'<div class="pq-status" role="status" aria-live="polite">{html.escape(text)}</div>'


def question_label(draft: Draft) -> str:
    """The folded question box's title: which question the draft below answers."""
    asked = draft.header.removeprefix("ANTWOORD op ").strip()
    asked = asked[:1].upper() + asked[1:]
    return f"{asked}" + (f" — {draft.title}" if draft.title else "") + " (klik om de vraag te wijzigen)"


def input_note(text: str | None, upload: str | None) -> str:
    """Which input the draft will use: pasted text or the file, never a silent choice between both."""
    pasted = (text or "").strip()
    if pasted and upload:
        return ('<p class="pq-input-note pq-warn" role="status">Er staat zowel geplakte tekst als een bestand klaar. '
                "Wis er één: de toepassing kiest niet zelf.</p>")
    if upload:
        return f'<p class="pq-input-note" role="status">Het bestand <strong>{html.escape(Path(upload).name)}</strong> wordt gebruikt.</p>'
    if pasted:
        return (f'<p class="pq-input-note" role="status">De geplakte tekst wordt gebruikt ({len(pasted):,} tekens).</p>'
                .replace(",", "."))
    return '<p class="pq-input-note" role="status">Plak de vraag of kies een bestand.</p>'


# --- the app -----------------------------------------------------------------------------------
def build_app(service: Service) -> gr.Blocks:
    problems = service.problems()
    # Exports are served from their own folder (owner-only, under the data directory) instead of
    # being copied into Gradio's cache in /tmp.
    _serve_exports(service)

    def require_working():
        if problems:
            raise fail(" ".join(dutch_error(p) if not p.startswith("De ") else p for p in problems))

    def contexts(draft: Draft) -> dict[int, str]:
        found = {}
        for citation in draft.sources:
            if citation.kind == "precedent":
                try:
                    found[citation.n] = service.passage_text(citation.id, citation.numbers)
                except PQError:
                    continue
        return found

    # -- API (gradio_client, bench/load.py); these calls do not write to the dossier ----------------
    @guarded
    def api_draft(text: str) -> dict:
        """Draft an answer to a pasted question; returns the `draft --json` structure."""
        require_working()
        return service.draft(service.read_question(text, None).document).to_json_dict()

    @guarded
    def api_ask(question: str, state: dict | None = None) -> dict:
        require_working()
        answer = service.ask(question, AskState.model_validate(state) if state else None)
        return answer.to_json_dict()

    @guarded
    def api_search(query: str, source: str = "", department: str = "", mp: str = "", date_from: str = "", date_to: str = "",
                   answered_only: bool = False, k: int = 20) -> list[dict]:
        filters = make_filters(source, department, mp, date_from, date_to, answered_only)
        return [h.contract() | {"department": h.department, "party": h.party, "relevant": getattr(h, "relevant", None),
                                "passages": [p.model_dump() for p in h.passages]}
                for h in service.search(query, filters, k=int(k))]

    @guarded
    def api_export(draft: dict, edited_text: str | None = None, fmt: str = "docx", header: str | None = None) -> str:
        return str(service.export(Draft.model_validate(draft), fmt or "docx", edited_text, header))

    @guarded
    def api_chat(message: str, state: dict | None = None):
        """One turn of the drafting chat: (the reply with its state, the exported file or None). Like the other API
        calls it does not write to the dossier; the caller keeps the state and sends it back with the next message."""
        from pydantic import ValidationError

        require_working()
        try:
            current = ChatState.model_validate(state) if state else None
        except ValidationError:
            raise PQError("de gespreksstatus is ongeldig: stuur de status terug die het vorige antwoord gaf, of begin een nieuw "
                          "gesprek zonder status") from None
        reply = service.chat(message, current,
                             exporter=lambda draft, fmt: service.export(draft, fmt, question_text=(state or {}).get("question")))
        return reply.to_json_dict(), reply.file

    def make_filters(source, department, mp, date_from, date_to, answered_only) -> SearchFilters:
        from pydantic import ValidationError

        names = {"date_from": "Vanaf", "date_to": "Tot"}
        try:
            return SearchFilters(sources=[source] if source and source != "alle" else [], department=department or None, mp=mp or None,
                                 date_from=(date_from or "").strip() or None, date_to=(date_to or "").strip() or None,
                                 answered_only=bool(answered_only))
        except ValidationError as exc:
            field = str(exc.errors()[0]["loc"][0])
            if field in names:
                raise fail(f"Ongeldige datum bij '{names[field]}': schrijf ze als JJJJ-MM-DD, bijvoorbeeld 2024-02-02.") from None
            raise fail(f"Ongeldige filter '{field}'.") from None

    # -- Gesprek: drafting in conversation ------------------------------------------------------------
    # The chat and Ontwerpantwoord show one draft (draft_state) and one dossier line (version_state): every
    # handler that changes the draft renders both views, and the chat always works on the draft as it is now.
    def views(draft: Draft | None, note: str = "", changed: list[str] | None = None) -> tuple[str, str]:
        """The draft in the chat's view and in Ontwerpantwoord's (the same HTML, each with its own ids)."""
        if draft is None:
            return CHAT_PLACEHOLDER, REVIEW_PLACEHOLDER
        found = contexts(draft)
        return review_html(draft, found, note, changed, scope="pq-chat-"), review_html(draft, found, note, changed)

    def version_of(ref, question_text: str, asked) -> dict:
        return ref.model_dump() | {"question_text": question_text, "asked": asked.isoformat() if asked else None}

    def ui_chat_echo(message, history):
        """The desk's message in the conversation at once; the input waits until the answer is there."""
        text = ((message or {}).get("text") or "").strip()
        files = (message or {}).get("files") or []
        if not text and not files:
            raise fail("Typ eerst een bericht, plak een vraag of kies een bestand.")
        if len(text) > SHOWN_PASTE_CHARS:  # a pasted question: its start, not the whole text, in the conversation
            shown = [user_text_markdown(text[:SHOWN_PASTE_CHARS].rsplit(" ", 1)[0] + " …")
                     + f"\n\n*(geplakte tekst van {len(text):,} tekens)*".replace(",", ".")]
        else:
            shown = [user_text_markdown(text)] if text else []
        shown += [f"📄 {user_text_markdown(Path(_path_of(f)).name)}" for f in files]
        history = [*(history or []), {"role": "user", "content": "\n\n".join(shown)}]
        return history, gr.MultimodalTextbox(value=None, interactive=False), {"text": text, "files": [_path_of(f) for f in files]}

    def ui_chat(pending, history, chat_state, draft_state, version_state, header, edited, request: gr.Request):
        """One turn. Whatever goes wrong is said in the conversation (in Dutch) and changes nothing."""
        unchanged = (gr.update(),) * 10
        try:
            return _chat_turn(pending or {}, history or [], chat_state, draft_state, version_state, header, edited, user_of(request))
        except gr.Error as exc:
            said = html.unescape(exc.message)
        except PQError as exc:
            said = dutch_error(str(exc))
        except Exception as exc:  # noqa: BLE001 - never a stack trace in the page
            log.exception("chat turn failed")
            said = f"Er ging iets mis ({type(exc).__name__}). De details staan in het logboek van de server."
        history = [*(history or []), {"role": "assistant", "content": chat_reply_html(f"⚠️ {said} Er is niets gewijzigd.")}]
        return (history, *unchanged)

    def _chat_turn(pending: dict, history: list, chat_state, draft_state, version_state, header, edited, user):
        require_working()
        text, files = pending.get("text") or "", pending.get("files") or []
        saved = dict(chat_state or {})
        seen_draft_id = saved.pop("draft_id", None)
        state = ChatState.model_validate(saved)
        draft = Draft.model_validate(draft_state) if draft_state else None
        version = dict(version_state) if version_state else None
        notes: list[str] = []
        edits_kept = False
        if draft is not None:
            typed = edited is not None and " ".join(edited.split()) != " ".join(parts_as_text(draft).split())
            if typed or (header and " ".join(header.split()) != draft.header):
                # An edit typed in Ontwerpantwoord and not saved yet is kept first, as its own version.
                if version:
                    ref = service.record_edit(int(version["draft_id"]), draft, edited, header, user)
                    version = version | ref.model_dump()
                    notes.append(f"Uw bewerking in Ontwerpantwoord is eerst bewaard als versie {ref.number}.")
                draft = edited_draft(draft, edited, header)
                edits_kept = True
        if version and version.get("draft_id") != seen_draft_id:
            # The draft came from Ontwerpantwoord or the dossier: the conversation goes on about that one.
            state.focus = None
            state.question = version.get("question_text") or state.question
            state.asked = version.get("asked")
        state.draft = draft
        question = None
        if files:
            if looks_like_a_question_to_draft(text):
                raise PQError("er staat zowel geplakte tekst als een bestand klaar; wis er één, zodat duidelijk is welke vraag "
                              "beantwoord wordt")
            question = service.read_question(None, files[0])

        def exporter(current: Draft, fmt: str) -> Path:
            return service.export(current, fmt, question_text=state.question, version_id=version["version_id"] if version else None,
                                  user=user)

        reply: ChatReply = service.chat(text, state, question=question, exporter=exporter,
                                        draft_id=int(version["draft_id"]) if version else None,
                                        current_version=int(version["number"]) if version else None)
        new_draft = reply.state.draft
        if reply.kind == "draft":
            question = question or service.read_question(reply.state.question, None)
            try:
                ref = service.record_composed(new_draft, question, user)
                version = version_of(ref, question.text, question.document.date)
                notes.append(f"Bewaard in het dossier als versie {ref.number}.")
            except PQError as exc:  # the draft is still shown; saving it failed
                log.warning("dossier: %s", exc)
                version = None
                notes.append("Het ontwerp is niet bewaard in het dossier: " + dutch_error(str(exc)))
        elif reply.draft is not None and version:
            ref = service.record_chat(int(version["draft_id"]), new_draft, user)
            version = version | ref.model_dump()
            notes.append(f"Bewaard als versie {ref.number} in het dossier.")
        said = reply.text + ("\n" + " ".join(notes) if notes else "")
        history = [*history, {"role": "assistant", "content": chat_reply_html(said)}]
        # The draft lives in draft_state and its versions in the dossier: the chat's memory keeps neither.
        state_out = reply.state.model_dump(mode="json", exclude={"draft", "earlier"}) | {"draft_id": version["draft_id"] if version else None}
        file = gr.update(value=reply.file, visible=True) if reply.file else (
            gr.update(value=None, visible=False) if reply.draft is not None else gr.update())
        if reply.draft is None and not edits_kept:  # nothing changed: the views stay as they are
            return (history, state_out, *(gr.update(),) * 6, file, gr.update())
        if reply.kind == "draft":
            note = f"Opgesteld in het gesprek uit {question.source}."
        elif reply.draft is not None:
            note = f"Gewijzigd in het gesprek: deel {', '.join(reply.changed)}."
        else:
            note = "Uw bewerking in Ontwerpantwoord is bewaard."
        if version:
            note += f" Versie {version['number']} in het dossier."
        chat_view, draft_view = views(new_draft, note, reply.changed if reply.kind != "draft" else None)
        box = gr.update(open=False, label=question_label(new_draft)) if reply.kind == "draft" else gr.update()
        return (history, state_out, new_draft.to_json_dict(), version, chat_view, draft_view, new_draft.header, parts_as_text(new_draft),
                file, box)

    def ui_chat_ready():
        return gr.MultimodalTextbox(interactive=True)

    def ui_chat_clear():
        """A new conversation; the draft stays (in both views and in the dossier)."""
        return [], {}, gr.update(value=None, visible=False)

    def told(history, text: str) -> list:
        """A line in the conversation about a change made elsewhere, so that the chat never seems to disagree."""
        return [*(history or []), {"role": "assistant", "content": chat_reply_html(text)}]

    # -- Ontwerpantwoord ------------------------------------------------------------------------
    @guarded
    def ui_draft(text, upload, history, request: gr.Request, progress=gr.Progress()):  # noqa: B008 - Gradio injects progress this way
        require_working()
        question = service.read_question(text, upload)
        draft = service.draft(question.document, on_step=lambda desc, frac: progress(frac, desc=desc))
        note = f"Opgesteld uit {question.source}."
        version = None
        try:
            ref = service.record_composed(draft, question, user_of(request))
            version = version_of(ref, question.text, question.document.date)
            note += f" Bewaard in het dossier als versie {ref.number}."
        except PQError as exc:  # the draft is still shown; saving it failed
            log.warning("dossier: %s", exc)
            gr.Warning(html.escape("Het ontwerp is niet bewaard in het dossier: " + dutch_error(str(exc)), quote=False), title="Let op")
        chat_view, draft_view = views(draft, note)
        if history:
            asked = question_label(draft).removesuffix(" (klik om de vraag te wijzigen)")
            history = told(history, f"In Ontwerpantwoord werd een nieuw ontwerp opgesteld ({asked}); het gesprek gaat verder over dat ontwerp.")
        return (draft_view, draft.header, parts_as_text(draft), draft.to_json_dict(), version,
                gr.update(value=None, visible=False), gr.update(open=False, label=question_label(draft)), "", chat_view, history)

    def _edited_version(data, version, header, edited, request) -> dict | None:
        if not version:
            return None
        ref = service.record_edit(int(version["draft_id"]), Draft.model_validate(data), edited, header, user_of(request))
        return version | ref.model_dump()

    @guarded
    def ui_save(data, version, header, edited, request: gr.Request):
        if not data:
            raise fail("Stel eerst een ontwerpantwoord op.")
        if not version:
            raise fail("Dit ontwerp staat niet in het dossier; stel het opnieuw op om het te bewaren.")
        before = version.get("version_id")
        version = _edited_version(data, version, header, edited, request)
        if version["version_id"] == before:
            return version, f"Niets gewijzigd sinds versie {version['number']}.", gr.update(), gr.update(), gr.update()
        # Both views show the draft as saved, and the chat goes on from it.
        draft = edited_draft(Draft.model_validate(data), edited, header)
        chat_view, draft_view = views(draft, f"Bewerking bewaard als versie {version['number']}.")
        return version, f"Bewaard als versie {version['number']} ({time.strftime('%H:%M')}).", draft.to_json_dict(), chat_view, draft_view

    @guarded
    def ui_export(data, version, header, edited, fmt, request: gr.Request):
        if not data:
            raise fail("Stel eerst een ontwerpantwoord op.")
        draft = Draft.model_validate(data)
        unsourced = unsupported_in_edit(draft, edited, header)
        if unsourced:
            gr.Warning(html.escape(f"{', '.join(unsourced)} in de bewerkte tekst staat in geen cijfer of bron van dit ontwerp.",
                                   quote=False), title="Let op")
        before = (version or {}).get("version_id")
        version = _edited_version(data, version, header, edited, request)
        path = service.export(draft, fmt, edited, header, question_text=(version or {}).get("question_text"),
                              version_id=(version or {}).get("version_id"), user=user_of(request))
        note = f"{path.name} gemaakt" + (f" uit versie {version['number']}." if version else ".")
        if not version or version["version_id"] == before:
            return gr.update(value=str(path), visible=True), version, note, gr.update(), gr.update(), gr.update()
        saved = edited_draft(draft, edited, header)  # the edit was kept as a version: both views show it
        chat_view, draft_view = views(saved, f"Bewerking bewaard als versie {version['number']}.")
        return gr.update(value=str(path), visible=True), version, note, saved.to_json_dict(), chat_view, draft_view

    def ui_export_docx(data, version, header, edited, request: gr.Request):
        return ui_export(data, version, header, edited, "docx", request)

    def ui_export_md(data, version, header, edited, request: gr.Request):
        return ui_export(data, version, header, edited, "md", request)

    # -- Cijfers --------------------------------------------------------------------------------
    @guarded
    def ui_ask(message, history, state):
        if not (message or "").strip():
            raise fail("Typ eerst een vraag.")
        require_working()
        answer: AskAnswer = service.ask(message, AskState.model_validate(state) if state else None)
        history = [*(history or []), {"role": "user", "content": user_text_markdown(message)},
                   {"role": "assistant", "content": html.escape(answer.sentence)}]
        table = dutch_table(answer.rows, answer.columns) if answer.rows else None
        chart = ask_chart(answer)
        return (history, "", gr.update(value=table, visible=table is not None), gr.update(value=chart, visible=chart is not None),
                ask_details_html(answer), answer.state.model_dump(mode="json"))

    def ui_ask_clear():
        return [], "", gr.update(value=None, visible=False), gr.update(value=None, visible=False), "", None

    # -- Bronnen --------------------------------------------------------------------------------
    @guarded
    def ui_search(query, source, department, mp, date_from, date_to, answered_only):
        hits = api_search(query, source, department, mp, date_from, date_to, answered_only, 20)
        summary = f"{len(hits)} resultaten voor “{query.strip()}”." if hits else f"Geen resultaten voor “{query.strip()}”."
        return hits, query, status_html(summary), ""

    def opener(doc_id: str, numbers: list[int], shown_query: str):
        @guarded
        def ui_open():
            return document_html(service.document(doc_id), numbers, shown_query)

        return ui_open

    # -- Dossier --------------------------------------------------------------------------------
    @guarded
    def ui_dossier_list():
        rows = service.dossier.recent_drafts(200)
        choices = [(f"{'nr. ' + str(r.number) if r.number else 'zonder nummer'} · {r.title or r.question_key} · "
                    f"{local_time(r.created_at)} · {r.versions} versie(s), {r.exports} export(s)"
                    + (f" · {r.created_by}" if r.created_by else ""), r.draft_id) for r in rows]
        note = (f"{len(rows)} {'ontwerp' if len(rows) == 1 else 'ontwerpen'} in het dossier." if rows
                else "Het dossier is nog leeg: elk opgesteld ontwerp komt hier.")
        return gr.update(choices=choices, value=choices[0][1] if choices else None), status_html(note)

    @guarded
    def ui_dossier_pick(draft_id):
        if not draft_id:
            return gr.update(choices=[], value=None), ""
        versions = service.dossier.versions(int(draft_id))
        choices = [(version_label(v.number, v.kind, v.created_at, v.created_by), v.id) for v in versions]
        exports = service.dossier.exports(int(draft_id))
        question = service.dossier.question(int(draft_id))
        lines = [f"<p class='pq-meta'>Vraag uit {html.escape(question.question_source)} · {len(versions)} versie(s)</p>"]
        if exports:
            items = "".join(f"<li>{html.escape(e.file_name)} · versie {e.version_number} · {local_time(e.created_at)}"
                            + (f" · {html.escape(e.created_by)}" if e.created_by else "") + f" · {max(1, round(e.size / 1024))} kB</li>"
                            for e in exports)
            lines.append(f"<h3>Exports</h3><ul class='pq-exports'>{items}</ul>")
        else:
            lines.append("<p>Nog niet geëxporteerd.</p>")
        return gr.update(choices=choices, value=choices[-1][1] if choices else None), "".join(lines)

    @guarded
    def ui_dossier_open(draft_id, version_id, history):
        if not draft_id or not version_id:
            raise fail("Kies eerst een ontwerp en een versie in de lijst.")
        stored = service.dossier.version(int(version_id))
        question = service.dossier.question(int(draft_id))
        draft = stored.draft
        header = stored.header or draft.header
        edited = stored.edited_text if stored.edited_text is not None else parts_as_text(draft)
        version = {"dossier_id": stored.dossier_id, "draft_id": stored.draft_id, "version_id": stored.id, "number": stored.number,
                   "kind": stored.kind, "question_text": question.question_text, "asked": question.question.get("date")}
        label = version_label(stored.number, stored.kind, stored.created_at, stored.created_by)
        note = f"Geopend uit het dossier: {label}."
        text = question.question_text if question.question_source == "geplakte tekst" else ""
        chat_view, draft_view = views(draft, note)
        history = told(history, f"Uit het dossier geopend: {label}. Het gesprek gaat verder over die versie; een wijziging wordt de "
                                "volgende versie.")
        return (draft_view, header, edited, draft.to_json_dict(), version,
                gr.update(value=None, visible=False), gr.update(value=text), gr.update(open=False, label=question_label(draft)), "",
                gr.Tabs(selected="draft"), chat_view, history)

    @guarded
    def ui_dossier_compare(draft_id, version_id):
        if not draft_id or not version_id:
            raise fail("Kies eerst een ontwerp en een versie in de lijst.")
        versions = service.dossier.versions(int(draft_id))
        chosen = next(v for v in versions if v.id == int(version_id))
        composed = versions[0]
        if chosen.id == composed.id:
            other = versions[-1]
            if other.id == composed.id:
                return "<p>Dit ontwerp heeft alleen de opgestelde versie; er is nog niets bewerkt.</p>"
            chosen = other
        return comparison_html(composed.draft, chosen.draft, f"versie {composed.number} ({VERSION_KINDS[composed.kind]})",
                               f"versie {chosen.number} ({VERSION_KINDS[chosen.kind]})")

    @guarded
    def ui_dossier_export(draft_id, version_id, request: gr.Request):
        if not draft_id or not version_id:
            raise fail("Kies eerst een ontwerp en een versie in de lijst.")
        stored = service.dossier.version(int(version_id))
        question = service.dossier.question(int(draft_id))
        path = service.export(stored.draft, "docx", None, None, question_text=question.question_text, version_id=stored.id,
                              user=user_of(request))
        return gr.update(value=str(path), visible=True)

    # -- the page -------------------------------------------------------------------------------
    with gr.Blocks(title="PQ Assistant", analytics_enabled=False, delete_cache=(3600, 24 * 3600)) as app:
        gr.HTML('<header class="pq-top"><h1>PQ Assistant</h1><p>Ontwerpantwoorden op schriftelijke vragen, met een bron bij elke '
                "bewering.</p></header>", padding=False, js_on_load=None)
        if problems:
            gr.HTML('<div class="pq-error" role="alert"><strong>De toepassing kan niet volledig werken.</strong><br>'
                    + "<br>".join(html.escape(dutch_error(p) if not p.startswith("De ") else p) for p in problems) + "</div>",
                    js_on_load=None)
        status = gr.HTML(status_html(service.builder.status_text()), elem_id="pq-index-status", js_on_load=None)
        timer = gr.Timer(3)
        timer.tick(lambda: status_html(service.builder.status_text()), None, status, show_progress="hidden", api_visibility="private")

        draft_state = gr.State(None)  # the draft both the chat and Ontwerpantwoord show
        version_state = gr.State(None)  # where it stands in the dossier
        chat_state = gr.State({})  # the conversation's own memory (focus, last search), without the draft
        pending = gr.State(None)  # the message being answered
        with gr.Tabs(elem_id="pq-tabs", selected="chat") as tabs:
            with gr.Tab("Gesprek", id="chat", elem_id="pq-tab-chat"):
                with gr.Row(equal_height=False, elem_id="pq-chat-row"):
                    with gr.Column(scale=2, min_width=340, elem_id="pq-chat-column"):
                        conversation = gr.Chatbot(
                            label="Gesprek over het ontwerp", height=520, elem_id="pq-conversation", buttons=[], feedback_options=None,
                            group_consecutive_messages=False, sanitize_html=True,
                            placeholder="Plak een schriftelijke vraag of kies een bestand (PDF, TXT, JSON): het ontwerpantwoord "
                                        "verschijnt ernaast. Werk het daarna bij in gewone taal: ‘deel 1 per geslacht’, ‘waarom verwijs "
                                        "je naar Fedasil?’, ‘zoek eerdere antwoorden over jobbeurzen’, ‘schrap deel 8’, ‘maak er een "
                                        "Word-bestand van’.")
                        chat_input = gr.MultimodalTextbox(
                            label="Bericht", show_label=False, elem_id="pq-chat-input", file_types=[".pdf", ".txt", ".json"],
                            file_count="single", sources=["upload"], max_lines=10, submit_btn="Versturen",
                            placeholder="Plak de vraag of typ een opdracht (Enter verstuurt, Shift+Enter is een nieuwe regel)")
                        chat_note = gr.HTML("", elem_id="pq-chat-note", js_on_load=None)
                        chat_file = gr.File(label="Export", elem_id="pq-chat-file", interactive=False, visible=False)
                    with gr.Column(scale=3, min_width=480):
                        chat_review = gr.HTML(CHAT_PLACEHOLDER, elem_id="pq-chat-review", js_on_load=None)

            with gr.Tab("Ontwerpantwoord", id="draft", elem_id="pq-tab-draft"):
                with gr.Accordion("Vraag", open=True, elem_id="pq-question-box") as question_box:
                    with gr.Row(equal_height=False):
                        question = gr.Textbox(label="Vraag (plak de tekst)", lines=7, max_lines=16, elem_id="pq-question", scale=3)
                        with gr.Column(scale=2, min_width=240):
                            upload = gr.File(label="… of kies een bestand (PDF, TXT, JSON)", file_types=[".pdf", ".txt", ".json"],
                                             type="filepath", elem_id="pq-upload")
                            which = gr.HTML(input_note("", None), elem_id="pq-input-note", js_on_load=None)
                            draft_button = gr.Button("Ontwerpantwoord opstellen", variant="primary", elem_id="pq-draft-button")
                review = gr.HTML(REVIEW_PLACEHOLDER, elem_id="pq-review", js_on_load=None)
                with gr.Accordion("Bewerken en exporteren", open=True, elem_id="pq-edit-box"):
                    header_box = gr.Textbox(label="Hoofding (vul aan als de vraag geen nummer, datum of vraagsteller had)", elem_id="pq-header")
                    edited = gr.Textbox(label="Antwoorddelen (label, punt, tekst; zo wordt geëxporteerd)", lines=12, max_lines=40,
                                        elem_id="pq-edited")
                    with gr.Row():
                        save_button = gr.Button("Bewerking bewaren", elem_id="pq-save-button")
                        docx_button = gr.Button("Exporteer naar Word (.docx)", variant="primary", elem_id="pq-export-docx")
                        md_button = gr.Button("Exporteer naar Markdown", elem_id="pq-export-md")
                    save_note = gr.HTML("", elem_id="pq-save-note", js_on_load=None)
                    exported = gr.File(label="Export", elem_id="pq-export-file", interactive=False, visible=False)

            with gr.Tab("Cijfers", id="ask", elem_id="pq-tab-ask"):
                ask_state = gr.State(None)
                chat = gr.Chatbot(label="Vraag naar cijfers; stel vervolgvragen zoals ‘en nu per geslacht’ of ‘alleen Limburg’", height=340,
                                  elem_id="pq-chat", buttons=[], feedback_options=None, group_consecutive_messages=False,
                                  placeholder="Bijvoorbeeld: hoeveel verzoeken om internationale bescherming in 2023 per maand?")
                with gr.Row(equal_height=True):
                    message = gr.Textbox(label="Vraag", placeholder="Hoeveel verzoeken om internationale bescherming in 2023 per maand?",
                                         elem_id="pq-ask-message", scale=5, max_lines=4)
                    ask_button = gr.Button("Vragen", variant="primary", elem_id="pq-ask-send", scale=1, min_width=100)
                    clear_button = gr.Button("Alles wissen", elem_id="pq-ask-clear", scale=1, min_width=100)
                ask_details = gr.HTML("", elem_id="pq-ask-details", js_on_load=None)
                ask_table = gr.Dataframe(visible=False, interactive=False, label="Tabel", elem_id="pq-ask-table", max_height=420)
                ask_plot = gr.Plot(label="Grafiek", visible=False, elem_id="pq-ask-plot")

            with gr.Tab("Bronnen", id="sources", elem_id="pq-tab-sources"):
                hits_state = gr.State([])
                query_state = gr.State("")
                with gr.Row(equal_height=True):
                    query = gr.Textbox(label="Zoek in eerdere vragen en antwoorden", scale=4, elem_id="pq-search-query")
                    source_filter = gr.Dropdown(SOURCE_CHOICES, value="alle", label="Bron", scale=2, min_width=160)
                    search_button = gr.Button("Zoeken", variant="primary", elem_id="pq-search-button", scale=1, min_width=100)
                with gr.Accordion("Filters", open=False):
                    with gr.Row():
                        department = gr.Textbox(label="Minister of departement bevat")
                        mp = gr.Textbox(label="Vraagsteller bevat")
                        date_from = gr.Textbox(label="Vanaf", placeholder="JJJJ-MM-DD")
                        date_to = gr.Textbox(label="Tot", placeholder="JJJJ-MM-DD")
                        answered = gr.Checkbox(label="Alleen beantwoorde vragen")
                search_note = gr.HTML("", elem_id="pq-search-note", js_on_load=None)
                with gr.Row(equal_height=False):
                    with gr.Column(scale=2, min_width=300, elem_id="pq-results"):
                        @gr.render(inputs=[hits_state, query_state])
                        def show_results(hits, shown_query):
                            for hit in hits or []:
                                with gr.Group(elem_classes=["pq-hit-box"]):
                                    gr.HTML(hit_html(hit, shown_query), js_on_load=None)
                                    open_doc = gr.Button("Document openen", size="sm", elem_classes=["pq-open"])
                                open_doc.click(opener(hit["id"], hit.get("numbers") or [], shown_query), None, document,
                                               api_visibility="private").then(None, js=SCROLL_TO_MATCH)
                    with gr.Column(scale=3, min_width=300):
                        document = gr.HTML('<p class="pq-placeholder">Kies een resultaat om het document te openen.</p>',
                                           elem_id="pq-document", js_on_load=None)

            with gr.Tab("Dossier", id="dossier", elem_id="pq-tab-dossier") as dossier_tab:
                with gr.Row(equal_height=True):
                    dossier_list = gr.Dropdown(label="Ontwerpen (nieuwste eerst)", choices=[], elem_id="pq-dossier-list", scale=5,
                                               min_width=320)
                    refresh_button = gr.Button("Vernieuwen", elem_id="pq-dossier-refresh", scale=1, min_width=100)
                dossier_note = gr.HTML("", elem_id="pq-dossier-note", js_on_load=None)
                versions = gr.Radio(label="Versies", choices=[], elem_id="pq-dossier-versions")
                with gr.Row():
                    open_button = gr.Button("Openen in Ontwerpantwoord", variant="primary", elem_id="pq-dossier-open")
                    compare_button = gr.Button("Vergelijk met de opgestelde versie", elem_id="pq-dossier-compare")
                    again_button = gr.Button("Opnieuw exporteren naar Word", elem_id="pq-dossier-export")
                dossier_file = gr.File(label="Export", elem_id="pq-dossier-file", interactive=False, visible=False)
                dossier_info = gr.HTML("", elem_id="pq-dossier-info", js_on_load=None)
                dossier_view = gr.HTML("", elem_id="pq-dossier-view", js_on_load=None)

        # Events (private: the public API is below).
        for component in (question, upload):
            component.change(input_note, [question, upload], which, show_progress="hidden", api_visibility="private")
        chat_outputs = [conversation, chat_state, draft_state, version_state, chat_review, review, header_box, edited, chat_file, question_box]
        chat_input.submit(ui_chat_echo, [chat_input, conversation], [conversation, chat_input, pending], api_visibility="private",
                          show_progress="hidden").success(
            ui_chat, [pending, conversation, chat_state, draft_state, version_state, header_box, edited], chat_outputs,
            api_visibility="private", show_progress="minimal").then(ui_chat_ready, None, chat_input, api_visibility="private",
                                                                    show_progress="hidden").then(None, js=SCROLL_TO_CHANGE)
        conversation.clear(ui_chat_clear, None, [conversation, chat_state, chat_file], api_visibility="private")
        chat_input.change(chat_input_note, chat_input, chat_note, show_progress="hidden", api_visibility="private")

        draft_button.click(ui_draft, [question, upload, conversation],
                           [review, header_box, edited, draft_state, version_state, exported, question_box, save_note, chat_review,
                            conversation], api_visibility="private").then(None, js=SCROLL_TO_REVIEW)
        save_button.click(ui_save, [draft_state, version_state, header_box, edited], [version_state, save_note, draft_state, chat_review, review],
                          api_visibility="private")
        export_outputs = [exported, version_state, save_note, draft_state, chat_review, review]
        docx_button.click(ui_export_docx, [draft_state, version_state, header_box, edited], export_outputs, api_visibility="private")
        md_button.click(ui_export_md, [draft_state, version_state, header_box, edited], export_outputs, api_visibility="private")

        ask_outputs = [chat, message, ask_table, ask_plot, ask_details, ask_state]
        message.submit(ui_ask, [message, chat, ask_state], ask_outputs, api_visibility="private")
        ask_button.click(ui_ask, [message, chat, ask_state], ask_outputs, api_visibility="private")
        clear_button.click(ui_ask_clear, None, ask_outputs, api_visibility="private")
        chat.clear(ui_ask_clear, None, ask_outputs, api_visibility="private")  # the chat's own bin resets everything too

        search_inputs = [query, source_filter, department, mp, date_from, date_to, answered]
        search_button.click(ui_search, search_inputs, [hits_state, query_state, search_note, document], api_visibility="private")
        query.submit(ui_search, search_inputs, [hits_state, query_state, search_note, document], api_visibility="private")

        dossier_tab.select(ui_dossier_list, None, [dossier_list, dossier_note], api_visibility="private")
        refresh_button.click(ui_dossier_list, None, [dossier_list, dossier_note], api_visibility="private")
        dossier_list.change(ui_dossier_pick, dossier_list, [versions, dossier_info], api_visibility="private")
        open_button.click(ui_dossier_open, [dossier_list, versions, conversation],
                          [review, header_box, edited, draft_state, version_state, exported, question, question_box, save_note, tabs,
                           chat_review, conversation], api_visibility="private").then(None, js=SCROLL_TO_REVIEW)
        compare_button.click(ui_dossier_compare, [dossier_list, versions], dossier_view, api_visibility="private")
        again_button.click(ui_dossier_export, [dossier_list, versions], dossier_file, api_visibility="private")

        gr.api(api_draft, api_name="draft")
        gr.api(api_ask, api_name="ask")
        gr.api(api_search, api_name="search")
        # Export through real components, so that API clients receive the file itself.
        with gr.Row(visible=False):
            export_draft, export_text, export_format, export_header = gr.JSON(), gr.Textbox(), gr.Textbox(value="docx"), gr.Textbox()
            export_file, export_button = gr.File(), gr.Button()
        export_button.click(api_export, [export_draft, export_text, export_format, export_header], export_file, api_name="export")
        # The drafting chat: (message, state) -> (reply with its state, exported file or None).
        with gr.Row(visible=False):
            chat_message, chat_in_state, chat_reply, chat_out_file, chat_button = gr.Textbox(), gr.JSON(), gr.JSON(), gr.File(), gr.Button()
        chat_button.click(api_chat, [chat_message, chat_in_state], [chat_reply, chat_out_file], api_name="chat")
    return app


def dutch_table(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    """The result table as the desk reads it: figures with Dutch thousands separators."""
    from bot.drafting.house_style import dutch_number

    frame = pd.DataFrame(rows, columns=columns or None)
    for column in frame.columns:
        if pd.api.types.is_numeric_dtype(frame[column]) and not pd.api.types.is_bool_dtype(frame[column]):
            if column.lower() in ("jaar", "maand", "year"):
                continue
            frame[column] = [dutch_number(v) if pd.notna(v) else "" for v in frame[column]]
    return frame


def ask_chart(answer: AskAnswer):
    if not answer.chart or not answer.rows:
        return None
    import plotly.express as px

    frame = pd.DataFrame(answer.rows)
    chart = answer.chart
    title = answer.provenance.get("measure_label", chart["y"]) if answer.provenance else chart["y"]
    if answer.synthetic:
        title += " — SYNTHETISCHE DEMODATA"
    frame[chart["x"]] = frame[chart["x"]].astype(str)
    figure = px.bar(frame, x=chart["x"], y=chart["y"], color=chart["color"], title=title, barmode="group")
    figure.update_layout(height=360, margin={"l": 40, "r": 10, "t": 50, "b": 40}, separators=",.")
    return figure


def _serve_exports(service: Service) -> None:
    from gradio.data_classes import _StaticFiles

    folder = service.exports_dir().resolve()
    if folder not in _StaticFiles.all_paths:
        gr.set_static_paths([folder])


# --- login -------------------------------------------------------------------------------------
def auth_from_env() -> list[tuple[str, str]] | None:
    raw = (settings().auth or "").strip()
    if not raw:
        return None
    lines = Path(raw).read_text(encoding="utf-8").splitlines() if Path(raw).is_file() else [raw]
    pairs = []
    for line in lines:
        user, sep, password = line.strip().partition(":")
        if line.strip() and (not sep or not user or not password):
            raise SystemExit("PQ_AUTH must be user:password or a file with one user:password per line")
        if sep:
            pairs.append((user, password))
    return pairs


class LoginThrottle:
    """Back-off on failed logins, per user name (all unknown names share one).

    After FREE wrong passwords, each further attempt for that name waits its turn: the turns are
    0.5 s, 1 s, 2 s, … apart (at most CAP). An attempt whose turn is more than MAX_WAIT away is
    refused without looking at the password. A right password is let in at once only while the name
    has fewer than FREE strikes, so a guess cannot skip the queue. Success clears the name; so
    does a quiet RESET_AFTER. The price: while someone guesses a name, its owner waits too.
    """

    FREE = 3
    BASE = 0.5
    CAP = 30.0
    MAX_WAIT = 10.0
    RESET_AFTER = 15 * 60

    def __init__(self, clock=time.monotonic) -> None:
        self._clock = clock
        self._strikes: dict[str, int] = {}
        self._next_turn: dict[str, float] = {}
        self._last: dict[str, float] = {}
        self._lock = threading.Lock()

    def spacing(self, strikes: int) -> float:
        return 0.0 if strikes < self.FREE else min(self.BASE * 2 ** (strikes - self.FREE), self.CAP)

    def admit(self, key: str, password_ok: bool) -> float | None:
        """Seconds to wait before answering this attempt, or None: refuse it now."""
        with self._lock:
            now = self._clock()
            if now - self._last.get(key, now) > self.RESET_AFTER:
                self.clear(key)
            self._last[key] = now
            strikes = self._strikes.get(key, 0)
            if password_ok and strikes < self.FREE:
                return 0.0
            turn = max(now, self._next_turn.get(key, now))
            if turn - now > self.MAX_WAIT:
                return None
            if not password_ok:
                strikes += 1
                self._strikes[key] = strikes
            self._next_turn[key] = turn + self.spacing(strikes)
            return turn - now

    def clear(self, key: str) -> None:
        self._strikes.pop(key, None)
        self._next_turn.pop(key, None)

    def succeeded(self, key: str) -> None:
        with self._lock:
            self.clear(key)


def throttled_auth(pairs: list[tuple[str, str]], throttle: LoginThrottle | None = None):
    """Gradio's login check (an async callable) with a back-off on failures."""
    accounts = dict(pairs)
    throttle = throttle or LoginThrottle()

    async def check(username: str, password: str) -> bool:
        known = username in accounts
        ok = known and hmac.compare_digest(password.encode("utf-8"), accounts[username].encode("utf-8"))
        key = username if known else "\0unknown"
        wait = throttle.admit(key, ok)
        if wait is None:
            return False
        if wait:
            await asyncio.sleep(wait)
        if ok:
            throttle.succeeded(key)
        return ok

    return check


# --- the page as served --------------------------------------------------------------------------
# Gradio picks its language from the browser and writes lang="en"; the desk reads Dutch whatever
# the browser says, and the login page must not carry the API's description.
_LANGUAGE_SCRIPT = ("<script>try{Object.defineProperty(navigator,'language',{get:()=>'nl',configurable:true});"
                    "Object.defineProperty(navigator,'languages',{get:()=>['nl','nl-BE'],configurable:true});}catch(e){}</script>")
_API_INFO = re.compile(rb"window\.gradio_api_info\s*=\s*.*?;</script>", re.DOTALL)
_LOGGED_OUT = re.compile(rb'"auth_required"\s*:\s*true')


def rewrite_page(body: bytes) -> bytes:
    body = re.sub(rb'<html(\s+)lang="en"', rb'<html\1lang="nl"', body, count=1)
    body = body.replace(b"<head>", b"<head>" + _LANGUAGE_SCRIPT.encode(), 1)
    if _LOGGED_OUT.search(body):
        body = _API_INFO.sub(b'window.gradio_api_info = {"named_endpoints": {}, "unnamed_endpoints": {}};</script>', body, count=1)
    return body


class PageRewrite:
    """ASGI middleware: rewrites the HTML of the page itself (the root path) with `rewrite_page`."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope.get("method") != "GET" or scope.get("path", "") not in ("/", ""):
            return await self.app(scope, receive, send)
        start: dict = {}
        chunks: list[bytes] = []

        async def capture(message):
            if message["type"] == "http.response.start":
                headers = dict(message.get("headers") or [])
                if not headers.get(b"content-type", b"").startswith(b"text/html"):
                    start["passthrough"] = True
                    return await send(message)
                start["message"] = message
                return None
            if start.get("passthrough"):
                return await send(message)
            chunks.append(message.get("body", b""))
            if message.get("more_body"):
                return None
            body = rewrite_page(b"".join(chunks))
            head = start["message"]
            headers = [(k, v) for k, v in head.get("headers", []) if k.lower() != b"content-length"]
            headers.append((b"content-length", str(len(body)).encode()))
            await send({**head, "headers": headers})
            await send({"type": "http.response.body", "body": body, "more_body": False})
            return None

        return await self.app(scope, receive, capture)


def launch(app: gr.Blocks, auth: list[tuple[str, str]] | None = None, **options):
    """Start the server with the page's style and script, Dutch, private and offline (the same for
    `make run` and the tests)."""
    from starlette.middleware import Middleware

    return app.queue(default_concurrency_limit=settings().concurrency).launch(
        css=PAGE_CSS, head=PAGE_SCRIPT, theme=THEME, show_error=False, i18n=gr.I18n(nl=GRADIO_NL), footer_links=[], run_history=False,
        auth=throttled_auth(auth) if auth else None, auth_message="Meld u aan met uw gebruikersnaam en wachtwoord.",
        app_kwargs={"middleware": [Middleware(PageRewrite)]}, **options)


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    from bot.llm import chat_model_from_spec

    service = Service(llm=chat_model_from_spec())
    print("PQ Assistant: de zoekindex wordt gecontroleerd of opgebouwd …", flush=True)
    # The lexical index is ready within a minute on first start; the semantic part keeps
    # building in the background while the app is in use (progress in the page and here).
    service.start(wait_for_search=600)
    service.prune_exports()
    launch(build_app(service), server_name=settings().host, server_port=settings().port, auth=auth_from_env())


if __name__ == "__main__":
    main()
