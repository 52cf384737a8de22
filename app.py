"""PQ Assistant web app (Gradio). Thin: logic lives in `bot/` and `tools/`; `bot.service` holds it.

Tabs: Ontwerpantwoord (draft, review sources, export), Cijfers (ad-hoc statistics with
follow-ups, table and chart), Bronnen (search precedents, open a document).

Environment: PQ_HOST (default 127.0.0.1), PQ_PORT (7860), PQ_AUTH (user:password, or a file
with one user:password per line), PQ_CONCURRENCY (4), plus PQ_DATA_DIR / PQ_CHROMA_URL /
PQ_EMBEDDER / PQ_LLM as for the CLI.
"""

from __future__ import annotations

import functools
import html
import logging
import re
import tempfile
from pathlib import Path

import gradio as gr
import pandas as pd

from bot.ask import AskState
from bot.drafting.export import parts_as_text, to_docx, to_markdown, unsupported_in_edit
from bot.drafting.model import Citation, Draft
from bot.retrieval.search import SearchFilters
from bot.service import Service
from bot.settings import settings
from tools.errors import PQError

log = logging.getLogger("pq.app")

STATUS_BADGES = {
    "available": ("beantwoord uit data", "#1b7f3b"),
    "owned_elsewhere": ("eigendom van {owner}", "#b35c00"),
    "not_identified": ("niet geïdentificeerd", "#35608f"),
    "not_available": ("geen gegevens · te vervolledigen", "#a12b2b"),
    "policy": ("beleid · te vervolledigen", "#7a5d00"),
    "actions": ("acties · te vervolledigen", "#7a5d00"),
    "procedure": ("procedure · te vervolledigen", "#7a5d00"),
    "other": ("te vervolledigen", "#7a5d00"),
}
CSS = """
.pq-part {border-left: 4px solid #ccc; padding: 6px 10px; margin: 8px 0;}
.pq-badge {display: inline-block; color: white; border-radius: 10px; padding: 1px 9px; font-size: 0.82em; margin-right: 6px;}
.pq-cite {cursor: pointer; color: #1f5fbf; font-weight: 600;}
.pq-error {background: #fde8e8; border: 1px solid #a12b2b; padding: 10px; border-radius: 6px;}
.pq-synthetic {background: #fff3cd; border: 1px solid #b38600; padding: 4px 8px; font-weight: 600;}
mark {background: #ffe58a;}
"""
# Clicking a marker [n] in the draft selects source n in the source list.
HEAD = """<script>
document.addEventListener('click', (event) => {
  const cite = event.target.closest('.pq-cite');
  if (!cite) return;
  const radio = document.querySelector(`#pq-sources input[type=radio][value="${cite.dataset.n}"]`);
  if (radio) { radio.click(); }
});
</script>"""


def guarded(fn):
    """PQError -> a clear message in the page; anything else -> a short message, the traceback in the log."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except gr.Error:
            raise
        except PQError as exc:
            raise gr.Error(str(exc)) from None
        except Exception as exc:  # noqa: BLE001 - never a stack trace in the page
            log.exception("handler %s failed", fn.__name__)
            raise gr.Error(f"Er ging iets mis ({type(exc).__name__}). De details staan in het logboek van de server.") from None

    return wrapper


# --- rendering -------------------------------------------------------------------------------
def badge(status: str, owner: str | None) -> str:
    text, colour = STATUS_BADGES.get(status, (status, "#666"))
    return f'<span class="pq-badge" style="background:{colour}">{html.escape(text.format(owner=owner or "andere instantie"))}</span>'


def draft_html(draft: Draft) -> str:
    blocks = [f"<p><b>{html.escape(draft.minister.upper())}</b><br>{html.escape(draft.minister_title.upper())}</p>",
              f"<p><b>{html.escape(draft.header)}</b></p>"]
    for part in draft.parts:
        text = html.escape(part.text).replace("\n", "<br>")
        text = re.sub(r"\[(\d+)\]", r'<a class="pq-cite" data-n="\1" title="Bron \1 tonen">[\1]</a>', text)
        text = text.replace("**SYNTHETISCHE DEMODATA – geen officiële cijfers.**", '<span class="pq-synthetic">SYNTHETISCHE DEMODATA – geen officiële cijfers</span>')
        blocks.append(f'<div class="pq-part" data-label="{part.label}">{badge(part.status, part.owner)}<b>{part.label}.</b> {text}</div>')
    if draft.annexes:
        blocks.append("<p>" + ", ".join(f"Bijlage {a.number}: {html.escape(a.title)}" for a in draft.annexes) + "</p>")
    for warning in draft.warnings:
        blocks.append(f"<p><i>⚠️ {html.escape(warning)}</i></p>")
    return "\n".join(blocks)


def citation_panel(service: Service, citation: Citation) -> tuple[str, pd.DataFrame | None]:
    lines = [f"<h3>[{citation.n}] {html.escape(citation.title)}</h3>"]
    table = None
    if citation.kind == "precedent":
        meta = [x for x in [f"vraag {citation.id}", citation.mp and f"gesteld door {citation.mp}",
                            citation.addressee and f"aan {citation.addressee}", citation.date] if x]
        lines.append("<p>" + html.escape(" · ".join(meta)) + "</p>")
        if citation.url:
            lines.append(f'<p><a href="{html.escape(citation.url)}" target="_blank">{html.escape(citation.url)}</a></p>')
        try:
            context = service.passage_text(citation.id, citation.numbers)
        except PQError:
            context = citation.passage
        shown = html.escape(" ".join(context.split()))
        quoted = html.escape(" ".join(citation.passage.split()).rstrip(" …"))
        shown = shown.replace(quoted, f"<mark>{quoted}</mark>", 1) if quoted in shown else f"<mark>{quoted}</mark><br><br>{shown}"
        lines.append(f"<p>{shown}</p>")
    elif citation.kind == "figure":
        lines.append(f"<p>Eigenaar: {html.escape(citation.owner or '?')} · datum/periode: {html.escape(citation.reference_period or '?')}</p>")
        lines.append(f"<blockquote><mark>{html.escape(citation.passage)}</mark></blockquote>")
        if citation.url:
            lines.append(f'<p>Bron: <a href="{html.escape(citation.url)}" target="_blank">{html.escape(citation.url)}</a></p>')
    else:
        if citation.synthetic:
            lines.append('<p class="pq-synthetic">SYNTHETISCHE DEMODATA – geen officiële cijfers</p>')
        lines.append(f"<p>Eigenaar: {html.escape(citation.owner or '?')}"
                     + (f" · referentieperiode: {html.escape(citation.reference_period)}" if citation.reference_period else "") + "</p>")
        if citation.filters:
            lines.append("<p>Filters: " + html.escape("; ".join(f"{k} = {', '.join(v)}" for k, v in citation.filters.items())) + "</p>")
        lines.append(f"<p><mark>{html.escape(citation.passage)}</mark></p>")
        if citation.url:
            lines.append(f'<p>Bron: <a href="{html.escape(citation.url)}" target="_blank">{html.escape(citation.url)}</a></p>')
        if citation.table:
            table = pd.DataFrame(citation.table)
    return "\n".join(lines), table


def document_markdown(doc) -> str:
    lines = [f"### {doc.title or '(zonder titel)'}", f"`{doc.id}` · {doc.status.value}"]
    meta = [x for x in [doc.number and f"vraag nr. {doc.number}", doc.date and str(doc.date), doc.mp and doc.mp.name,
                        doc.mp and doc.mp.party, doc.addressee, doc.department] if x]
    lines.append(" · ".join(str(m) for m in meta))
    if doc.url:
        lines.append(f"[{doc.url}]({doc.url})")
    if doc.themes:
        lines.append("Thema's: " + ", ".join(doc.themes))
    if doc.introduction:
        lines.append(f"> {doc.introduction}")
    lines.append("#### Deelvragen")
    lines += [f"{s.number}. {s.text}" for s in doc.subquestions]
    if doc.answer_intro or doc.answer_parts:
        lines.append("#### Antwoord")
        if doc.answer_intro:
            lines.append(doc.answer_intro)
        lines += [f"**{p.label or 'alle'}.** {p.text}" for p in doc.answer_parts]
    return "\n\n".join(lines)


def ask_chart(answer):
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
    figure.update_layout(height=360, margin={"l": 40, "r": 10, "t": 50, "b": 40})
    return figure


# --- the app -----------------------------------------------------------------------------------
def build_app(service: Service) -> gr.Blocks:
    problems = service.problems()

    def require_working():
        if problems:
            raise gr.Error(" ".join(problems))

    # API-level functions (also used by the UI handlers below).
    @guarded
    def draft_json(text: str, upload: str | None, progress) -> dict:
        require_working()
        doc = service.read_question(text, upload)
        on_step = (lambda desc, frac: progress(frac, desc=desc)) if progress is not None else None
        return service.draft(doc, on_step=on_step).to_json_dict()

    def api_draft(text: str) -> dict:
        """Draft an answer to a pasted question; returns the `draft --json` structure."""
        return draft_json(text, None, None)

    @guarded
    def api_ask(question: str, state: dict | None = None) -> dict:
        require_working()
        answer = service.ask(question, AskState.model_validate(state) if state else None)
        return answer.to_json_dict()

    @guarded
    def api_search(query: str, source: str = "", department: str = "", mp: str = "", date_from: str = "", date_to: str = "",
                   answered_only: bool = False, k: int = 20) -> list[dict]:
        filters = make_filters(source, department, mp, date_from, date_to, answered_only)
        return [h.contract() | {"passages": [p.model_dump() for p in h.passages]} for h in service.search(query, filters, k=int(k))]

    @guarded
    def api_export(draft: dict, edited_text: str | None = None, fmt: str = "docx", header: str | None = None) -> str:
        parsed = Draft.model_validate(draft)
        folder = Path(tempfile.mkdtemp(prefix="pq-export-"))
        name = f"antwoord-{re.sub(r'[^A-Za-z0-9]+', '-', parsed.question_id or 'vraag').strip('-')[:60]}"
        if fmt == "md":
            path = folder / f"{name}.md"
            path.write_text(to_markdown(parsed, edited_text, header), encoding="utf-8")
            return str(path)
        return str(to_docx(parsed, folder / f"{name}.docx", edited_text, header))

    def make_filters(source, department, mp, date_from, date_to, answered_only) -> SearchFilters:
        from pydantic import ValidationError

        try:
            return SearchFilters(sources=[source] if source and source != "alle" else [], department=department or None, mp=mp or None,
                                 date_from=date_from or None, date_to=date_to or None, answered_only=bool(answered_only))
        except ValidationError as exc:
            raise PQError(f"ongeldige filter: {exc.errors()[0]['loc'][0]} — {exc.errors()[0]['msg']}") from None

    # UI handlers.
    def ui_draft(text, upload, progress=gr.Progress()):  # noqa: B008 - Gradio injects progress through this default
        data = draft_json(text, upload, progress)
        draft = Draft.model_validate(data)
        choices = [(f"[{c.n}] {c.title[:70]}", str(c.n)) for c in draft.sources]
        first = citation_panel(service, draft.sources[0]) if draft.sources else ("", None)
        return (draft_html(draft), draft.header, parts_as_text(draft), gr.update(choices=choices, value=choices[0][1] if choices else None),
                first[0], gr.update(value=first[1], visible=first[1] is not None), data)

    @guarded
    def ui_source(choice, data):
        if not choice or not data:
            return "", gr.update(value=None, visible=False)
        draft = Draft.model_validate(data)
        citation = next((c for c in draft.sources if str(c.n) == str(choice)), None)
        if citation is None:
            return "", gr.update(value=None, visible=False)
        text, table = citation_panel(service, citation)
        return text, gr.update(value=table, visible=table is not None)

    def ui_export(data, header, edited, fmt):
        if not data:
            raise gr.Error("Stel eerst een ontwerpantwoord op.")
        unsourced = unsupported_in_edit(Draft.model_validate(data), edited, header)
        if unsourced:
            gr.Warning(f"Let op: {', '.join(unsourced)} in de bewerkte tekst staat in geen cijfer of bron van dit ontwerp.")
        return api_export(data, edited, fmt, header)

    def ui_ask(message, history, state):
        answer = api_ask(message, state)
        history = [*(history or []), {"role": "user", "content": message}, {"role": "assistant", "content": answer["sentence"]}]
        from bot.ask import AskAnswer

        parsed = AskAnswer.model_validate(answer)
        table = pd.DataFrame(parsed.rows, columns=parsed.columns or None) if parsed.rows else None
        prov = parsed.provenance or {}
        provenance = ""
        if prov:
            provenance = (f"**Bron:** {prov.get('title', prov.get('dataset'))} · eigenaar {prov.get('owner_name', prov.get('owner', '?'))} · "
                          f"{prov.get('description', '')} · referentieperiode {prov.get('reference_period', '?')} · {prov.get('source_url', '')}")
            if parsed.synthetic:
                provenance = '<span class="pq-synthetic">SYNTHETISCHE DEMODATA – geen officiële cijfers</span> ' + provenance
        elif parsed.status != "available":
            provenance = f"**{parsed.status}** · eigenaar: {parsed.owner or '—'}"
        return history, "", gr.update(value=table, visible=table is not None), ask_chart(parsed), provenance, answer["state"]

    def ui_search(query, source, department, mp, date_from, date_to, answered_only):
        hits = api_search(query, source, department, mp, date_from, date_to, answered_only)
        frame = pd.DataFrame([{"titel": h["title"] or (h["snippet"][:90] + "…"), "datum": h["date"], "vraagsteller": h["mp"], "aan": h["addressee"],
                               "deelvragen": ", ".join(map(str, h["numbers"])), "fragment": h["snippet"], "id": h["id"]} for h in hits])
        ids = [h["id"] for h in hits]
        return frame, gr.update(choices=ids, value=ids[0] if ids else None)

    @guarded
    def ui_open(doc_id):
        if not doc_id:
            return ""
        return document_markdown(service.document(doc_id))

    with gr.Blocks(title="PQ Assistant") as app:
        gr.Markdown("# PQ Assistant\nOntwerpantwoorden op schriftelijke vragen, met een bron bij elke bewering.")
        if problems:
            gr.HTML('<div class="pq-error"><b>De toepassing kan niet volledig werken.</b><br>' + "<br>".join(html.escape(p) for p in problems) + "</div>")
        status = gr.Markdown(service.builder.status_text(), elem_id="pq-index-status")
        timer = gr.Timer(3)
        timer.tick(lambda: service.builder.status_text(), None, status, show_progress="hidden", api_visibility="private")

        with gr.Tab("Ontwerpantwoord", elem_id="pq-tab-draft"):
            draft_state = gr.State(None)
            with gr.Row():
                with gr.Column(scale=3):
                    question = gr.Textbox(label="Vraag (plakken)", lines=8, elem_id="pq-question")
                    upload = gr.File(label="… of een bestand (PDF, TXT, JSON)", file_types=[".pdf", ".txt", ".json"], type="filepath")
                    draft_button = gr.Button("Ontwerpantwoord opstellen", variant="primary", elem_id="pq-draft-button")
                    overview = gr.HTML(elem_id="pq-draft")
                    header_box = gr.Textbox(label="Hoofding (aan te vullen als de vraag geen nummer, datum of vraagsteller had)", elem_id="pq-header")
                    edited = gr.Textbox(label="Bewerk de antwoorddelen (label gevolgd door tekst; wordt zo geëxporteerd)", lines=12, elem_id="pq-edited")
                    with gr.Row():
                        docx_button = gr.Button("Exporteer naar Word (.docx)", elem_id="pq-export-docx")
                        md_button = gr.Button("Exporteer naar Markdown")
                    exported = gr.File(label="Export", elem_id="pq-export-file")
                with gr.Column(scale=2):
                    sources = gr.Radio(label="Bronnen (klik op een [n] in de tekst of kies hier)", choices=[], elem_id="pq-sources")
                    source_panel = gr.HTML(elem_id="pq-source-panel")
                    source_table = gr.Dataframe(visible=False, label="Tabel", interactive=False)
            draft_button.click(ui_draft, [question, upload], [overview, header_box, edited, sources, source_panel, source_table, draft_state],
                               api_visibility="private")
            sources.change(ui_source, [sources, draft_state], [source_panel, source_table], api_visibility="private")
            docx_button.click(lambda d, h, e: ui_export(d, h, e, "docx"), [draft_state, header_box, edited], exported, api_visibility="private")
            md_button.click(lambda d, h, e: ui_export(d, h, e, "md"), [draft_state, header_box, edited], exported, api_visibility="private")

        with gr.Tab("Cijfers", elem_id="pq-tab-ask"):
            ask_state = gr.State(None)
            chat = gr.Chatbot(label="Vraag naar cijfers; stel vervolgvragen zoals 'en nu per geslacht' of 'alleen Limburg'", height=320)
            message = gr.Textbox(label="Vraag", placeholder="Hoeveel verzoeken om internationale bescherming in 2023 per maand?", elem_id="pq-ask-message")
            ask_table = gr.Dataframe(visible=False, interactive=False, label="Tabel")
            ask_plot = gr.Plot(label="Grafiek")
            ask_provenance = gr.Markdown()
            message.submit(ui_ask, [message, chat, ask_state], [chat, message, ask_table, ask_plot, ask_provenance, ask_state], api_visibility="private")

        with gr.Tab("Bronnen", elem_id="pq-tab-sources"):
            with gr.Row():
                query = gr.Textbox(label="Zoek in eerdere vragen en antwoorden", scale=3, elem_id="pq-search-query")
                source_filter = gr.Dropdown(["alle", "vlaams-parlement", "dekamer-qrva-2017", "dekamer-questions-2020"], value="alle", label="Bron")
            with gr.Row():
                department = gr.Textbox(label="Minister / departement bevat")
                mp = gr.Textbox(label="Vraagsteller bevat")
                date_from = gr.Textbox(label="Vanaf (JJJJ-MM-DD)")
                date_to = gr.Textbox(label="Tot (JJJJ-MM-DD)")
                answered = gr.Checkbox(label="Alleen beantwoorde vragen")
            search_button = gr.Button("Zoeken", variant="primary", elem_id="pq-search-button")
            results = gr.Dataframe(interactive=False, wrap=True)
            open_id = gr.Dropdown(label="Document openen", choices=[])
            document = gr.Markdown()
            search_button.click(ui_search, [query, source_filter, department, mp, date_from, date_to, answered], [results, open_id], api_visibility="private")
            open_id.change(ui_open, open_id, document, api_visibility="private")

            def pick_row(frame, event: gr.SelectData):
                # Clicking a result row opens that document.
                return frame.iloc[event.index[0]]["id"] if frame is not None and len(frame) else None

            results.select(pick_row, results, open_id, api_visibility="private")

        gr.api(api_draft, api_name="draft")
        gr.api(api_ask, api_name="ask")
        gr.api(api_search, api_name="search")
        # Export through real components, so that API clients receive the file itself.
        with gr.Row(visible=False):
            export_draft, export_text, export_format, export_header = gr.JSON(), gr.Textbox(), gr.Textbox(value="docx"), gr.Textbox()
            export_file, export_button = gr.File(), gr.Button()
        export_button.click(api_export, [export_draft, export_text, export_format, export_header], export_file, api_name="export")
    return app


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


def launch(app: gr.Blocks, **options):
    """Start the server with the page's style and script (the same for `make run` and the tests)."""
    return app.queue(default_concurrency_limit=settings().concurrency).launch(
        css=CSS, head=HEAD, show_error=False, **options)


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    from bot.llm import chat_model_from_spec

    service = Service(llm=chat_model_from_spec())
    print("PQ Assistant: de zoekindex wordt gecontroleerd of opgebouwd …", flush=True)
    # The lexical index is ready within a minute on first start; the semantic part keeps
    # building in the background while the app is in use (progress in the page and here).
    service.start(wait_for_search=600)
    launch(build_app(service), server_name=settings().host,
           server_port=settings().port, auth=auth_from_env())


if __name__ == "__main__":
    main()
