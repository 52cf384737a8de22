"""What the app shows, as HTML: the draft beside its sources, search results, a document, the
difference between two versions. No Gradio here; app.py puts these strings in the page.

Everything that comes from a question, the corpus or the data is escaped: corpus text is data,
never markup. The page's script (PAGE_SCRIPT) only reacts to clicks on markers and source chips.
"""

from __future__ import annotations

import difflib
import html
import re

from bot.app_messages import STATUS_BADGES, dutch_warning, status_badge_text
from bot.drafting.house_style import SYNTHETIC_BANNER, TO_COMPLETE, dutch_number
from bot.drafting.model import Annex, Citation, Draft, DraftPart
from bot.drafting.render import annex_cell
from bot.parse.model import Document
from tools.text import fold

SYNTHETIC_LINE = SYNTHETIC_BANNER.strip("*")
_MARKER = re.compile(r"\[(\d+)\]")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_BULLET = re.compile(r"^\s*[-*•]\s+")
_WORD = re.compile(r"\w+", re.UNICODE)
SOURCE_TITLES = {"vlaams-parlement": "Vlaams Parlement", "dekamer-qrva-2017": "Kamer (2017, beantwoord)",
                 "dekamer-questions-2020": "Kamer (2020)", "kamer": "Kamer"}
DOCUMENT_STATUS = {"answered": "beantwoord", "unanswered": "niet beantwoord", "sent_directly": "rechtstreeks aan het Kamerlid bezorgd"}
VERSION_KINDS = {"composed": "opgesteld", "edited": "bewerkt", "chat": "gewijzigd in gesprek"}


def esc(value) -> str:
    return html.escape("" if value is None else str(value))


# --- the text of a part ------------------------------------------------------------------------
def inline_html(text: str, cite_links: bool = True, scope: str = "pq-") -> str:
    """One line: escaped, `**bold**` as <strong>, [n] as a link to source n, the to-complete note marked.
    `scope` prefixes the ids, so that the same draft can be shown in two places of the page."""
    out = esc(text)
    out = out.replace(esc(TO_COMPLETE), f'<span class="pq-todo">{esc(TO_COMPLETE)}</span>')
    out = _BOLD.sub(r"<strong>\1</strong>", out)
    if cite_links:
        out = _MARKER.sub(rf'<a class="pq-cite" href="#{scope}src-\1" data-n="\1" aria-label="Bron \1 tonen">[\1]</a>', out)
    return out


def text_html(text: str, cite_links: bool = True, scope: str = "pq-") -> str:
    """A part's text: paragraphs, bulleted lines as a list, the synthetic-data warning as its own line."""
    blocks: list[str] = []
    items: list[str] = []

    def close_list() -> None:
        if items:
            blocks.append("<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>")
            items.clear()

    for raw in text.split("\n"):
        pieces = [p.strip() for p in raw.split(SYNTHETIC_BANNER)]
        for i, piece in enumerate(pieces):
            if i:
                close_list()
                blocks.append(f'<p class="pq-synthetic" role="note">{esc(SYNTHETIC_LINE)}</p>')
            if not piece:
                continue
            if _BULLET.match(piece):
                items.append(inline_html(_BULLET.sub("", piece, count=1), cite_links, scope))
            else:
                close_list()
                blocks.append(f"<p>{inline_html(piece, cite_links, scope)}</p>")
    close_list()
    return "".join(blocks)


def badge_html(status: str, owner: str | None = None) -> str:
    colour, meaning = STATUS_BADGES.get(status, ("", "#4a4a4a", ""))[1:]
    return (f'<span class="pq-badge" data-status="{esc(status)}" style="background:{colour or "#4a4a4a"}" title="{esc(meaning)}">'
            f"{esc(status_badge_text(status, owner))}</span>")


def understood_line(understood: str | None) -> str:
    if not understood or not understood.strip():
        return ""
    line = understood.strip()
    if not fold(line).startswith("begrepen als"):
        line = f"Begrepen als: {line}"
    return f'<p class="pq-understood">{esc(line)}</p>'


def part_html(part: DraftPart, changed: bool = False, scope: str = "pq-") -> str:
    label = f'<span class="pq-label">{esc(part.label)}.</span> ' if part.label else ""
    mark = ' <span class="pq-changed-note">gewijzigd</span>' if changed else ""
    return (f'<section class="pq-part{" pq-changed" if changed else ""}" data-label="{esc(part.label)}">'
            f'<h3 class="pq-part-head">{label}{badge_html(part.status, part.owner)}{mark}</h3>'
            f"{understood_line(part.understood)}"
            f'<div class="pq-text">{text_html(part.text, scope=scope)}</div></section>')


def annex_html(annex: Annex) -> str:
    head = "".join(f"<th scope='col'>{esc(c)}</th>" for c in annex.columns)
    rows = "".join("<tr>" + "".join(f"<td>{esc(annex_cell(annex, i, v))}</td>" for i, v in enumerate(row)) + "</tr>"
                   for row in annex.rows)
    synthetic = f'<p class="pq-synthetic" role="note">{esc(SYNTHETIC_LINE)}</p>' if annex.synthetic else ""
    return (f'<section class="pq-annex"><h3>Bijlage {annex.number}: {esc(annex.title)}</h3>{synthetic}'
            f'<div class="pq-table-wrap"><table class="pq-table"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>'
            f'<p class="pq-note">{esc(annex.note)}</p></section>')


# --- sources ---------------------------------------------------------------------------------
def short_title(title: str, limit: int = 80) -> str:
    """A title cut at a word boundary, never mid-word."""
    title = " ".join(title.split())
    if len(title) <= limit:
        return title
    cut = title[:limit].rsplit(" ", 1)[0].rstrip(" ,;:–-(")
    return cut + " …"


def _link(url: str | None, label: str = "") -> str:
    if not url or not re.match(r"https?://", url):
        return ""
    return f'<a href="{esc(url)}" target="_blank" rel="noopener noreferrer">{esc(label or url)}</a>'


def _marked_passage(context: str | None, passage: str) -> str:
    shown = esc(" ".join((context or passage).split()))
    quoted = esc(" ".join(passage.split()).rstrip(" …"))
    if quoted and quoted in shown:
        return shown.replace(quoted, f"<mark>{quoted}</mark>", 1)
    return f"<mark>{quoted}</mark>" + (f"<br><br>{shown}" if context else "")


def table_html(rows: list[dict], limit: int = 60) -> str:
    if not rows:
        return ""
    columns = list(rows[0])
    head = "".join(f"<th scope='col'>{esc(c)}</th>" for c in columns)

    def cell(value) -> str:
        return dutch_number(value) if isinstance(value, int | float) and not isinstance(value, bool) else esc(value)

    body = "".join("<tr>" + "".join(f"<td>{cell(row.get(c))}</td>" for c in columns) + "</tr>" for row in rows[:limit])
    more = f'<p class="pq-note">… en nog {len(rows) - limit} rijen.</p>' if len(rows) > limit else ""
    return f'<div class="pq-table-wrap"><table class="pq-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>{more}'


def source_html(citation: Citation, context: str | None = None, active: bool = False, scope: str = "pq-") -> str:
    """One source as a section of the side panel; `context` is the precedent's indexed text around the passage."""
    lines = [f"<h3>[{citation.n}] {esc(citation.title)}</h3>"]
    if citation.kind == "precedent":
        meta = [x for x in [f"vraag {citation.id}", citation.mp and f"gesteld door {citation.mp}",
                            citation.addressee and f"aan {citation.addressee}", citation.date] if x]
        lines.append(f'<p class="pq-meta">{esc(" · ".join(meta))}</p>')
        lines.append(f'<blockquote class="pq-passage">{_marked_passage(context, citation.passage)}</blockquote>')
        if citation.url:
            lines.append(f"<p>{_link(citation.url, 'Vraag en antwoord online')}</p>")
    elif citation.kind == "figure":
        lines.append(f'<p class="pq-meta">Eigenaar: {esc(citation.owner or "onbekend")} · datum of periode: '
                     f'{esc(citation.reference_period or "onbekend")}</p>')
        lines.append(f'<blockquote class="pq-passage"><mark>{esc(citation.passage)}</mark></blockquote>')
        if citation.url:
            lines.append(f"<p>Bron: {_link(citation.url)}</p>")
    else:
        if citation.synthetic:
            lines.append(f'<p class="pq-synthetic" role="note">{esc(SYNTHETIC_LINE)}</p>')
        period = f" · referentieperiode: {esc(citation.reference_period)}" if citation.reference_period else ""
        lines.append(f'<p class="pq-meta">Eigenaar: {esc(citation.owner or "onbekend")}{period}</p>')
        if citation.filters:
            filters = "; ".join(f"{k} = {', '.join(v)}" for k, v in citation.filters.items())
            lines.append(f'<p class="pq-meta">Filters: {esc(filters)}</p>')
        lines.append(f'<blockquote class="pq-passage"><mark>{esc(citation.passage)}</mark></blockquote>')
        lines.append(table_html(citation.table))
        if citation.url:
            lines.append(f"<p>Bron: {_link(citation.url)}</p>")
    state = " pq-active" if active else ""
    return (f'<section class="pq-source{state}" id="{scope}src-{citation.n}" data-n="{citation.n}" tabindex="-1" '
            f'aria-label="Bron {citation.n}">{"".join(lines)}</section>')


def review_html(draft: Draft, contexts: dict[int, str] | None = None, note: str = "", changed: list[str] | None = None,
                scope: str = "pq-") -> str:
    """The draft (parts with badges, annexes, warnings) beside its sources; the parts in `changed` are
    marked as changed by the last turn of the conversation."""
    contexts = contexts or {}
    changed = changed or []
    head = [f'<p class="pq-minister"><strong>{esc(draft.minister.upper())}</strong><br>{esc(draft.minister_title.upper())}</p>',
            f'<p class="pq-header"><strong>{esc(draft.header)}</strong></p>']
    if draft.title:
        head.append(f'<p class="pq-title">{esc(draft.title)}</p>')
    if note:
        head.append(f'<p class="pq-note">{esc(note)}</p>')
    body = [part_html(p, p.label in changed, scope) for p in draft.parts] + [annex_html(a) for a in draft.annexes]
    warnings = "".join(f'<li>{esc(dutch_warning(w))}</li>' for w in draft.warnings)
    if warnings:
        body.append(f'<section class="pq-warnings" aria-label="Opmerkingen"><h3>Opmerkingen</h3><ul>{warnings}</ul></section>')
    if draft.sources:
        chips = "".join(f'<button type="button" class="pq-chip{" pq-active" if i == 0 else ""}" data-n="{c.n}" '
                        f'title="{esc(c.title)}" aria-label="Bron {c.n}: {esc(short_title(c.title, 60))}">[{c.n}]</button>'
                        for i, c in enumerate(draft.sources))
        sections = "".join(source_html(c, contexts.get(c.n), active=i == 0, scope=scope) for i, c in enumerate(draft.sources))
        aside = (f'<aside class="pq-sources" id="{scope}source-panel" aria-label="Bronnen"><h2>Bronnen</h2>'
                 f'<p class="pq-hint">Klik op een [n] in de tekst of hieronder.</p>'
                 f'<nav class="pq-source-nav" aria-label="Bronnen kiezen">{chips}</nav>'
                 f'<div class="pq-source-list" aria-live="polite">{sections}</div></aside>')
    else:
        aside = (f'<aside class="pq-sources" id="{scope}source-panel" aria-label="Bronnen"><h2>Bronnen</h2>'
                 "<p>Dit ontwerp citeert geen bronnen.</p></aside>")
    return (f'<div class="pq-review"><article class="pq-draft" aria-label="Ontwerpantwoord">{"".join(head)}{"".join(body)}'
            f"</article>{aside}</div>")


# --- ad-hoc statistics -----------------------------------------------------------------------
def ask_details_html(answer) -> str:
    """Under a statistics answer: how the question was read, the status, where the figures come from."""
    parts = [understood_line(answer.understood)]
    if answer.follow_up:
        parts.append('<p class="pq-note">Vervolgvraag: de vorige vraag is verfijnd.</p>')
    prov = answer.provenance or {}
    if answer.synthetic:
        parts.append(f'<p class="pq-synthetic" role="note">{esc(SYNTHETIC_LINE)}</p>')
    if prov:
        owner = prov.get("owner_name") or prov.get("owner") or "onbekend"
        details = [f"<strong>Bron:</strong> {esc(prov.get('title') or prov.get('dataset'))}", f"eigenaar {esc(owner)}"]
        if prov.get("description"):
            details.append(esc(prov["description"]))
        if prov.get("reference_period"):
            details.append(f"referentieperiode {esc(prov['reference_period'])}")
        link = _link(prov.get("source_url"))
        parts.append(f'<p class="pq-meta">{" · ".join(details)}{" · " + link if link else ""}</p>')
    elif answer.status != "available":
        parts.append(f'<p class="pq-meta">{badge_html(answer.status, answer.owner)}'
                     + (f" Eigenaar van de gegevens: {esc(answer.owner)}." if answer.owner else "") + "</p>")
    return "".join(p for p in parts if p)


def user_text_markdown(text: str) -> str:
    """What the user typed, for the chat: shown as text, never as HTML or Markdown."""
    escaped = html.escape(text)
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|>~])", r"\\\1", escaped)


def chat_reply_html(text: str) -> str:
    """A reply of the drafting chat as HTML for the conversation: escaped, line by line, bulleted lines as a
    list, bold kept, web addresses as links. One line of HTML, so that the chat's Markdown leaves it alone."""
    body = text_html(text, cite_links=False)
    body = re.sub(r"(https?://[^\s<>&]+?)(?=[.,;)]?(?:\s|<|$))",
                  r'<a href="\1" target="_blank" rel="noopener noreferrer">\1</a>', body)
    return f'<div class="pq-reply">{body}</div>'.replace("\n", " ")


# --- search results and documents --------------------------------------------------------------
def mark_words(text: str, query: str) -> str:
    """The text escaped, with the words of the query marked (case and accents ignored; 'asielzoeker'
    also marks 'asielzoekers')."""
    wanted = {fold(w) for w in _WORD.findall(query) if len(w) >= 3}
    if not wanted:
        return esc(text)

    def matches(word: str) -> bool:
        folded = fold(word)
        return any(folded == w or (len(w) >= 5 and (folded.startswith(w) or w.startswith(folded)) and len(folded) >= 5)
                   for w in wanted)

    out, last = [], 0
    for match in _WORD.finditer(text):
        out.append(esc(text[last:match.start()]))
        word = match.group(0)
        out.append(f"<mark>{esc(word)}</mark>" if matches(word) else esc(word))
        last = match.end()
    out.append(esc(text[last:]))
    return "".join(out)


def siblings_text(also: list[dict]) -> str:
    """The same question sent to other ministers, or found again under another number, each with its status."""
    def status(sibling: dict) -> str:
        return DOCUMENT_STATUS.get(sibling.get("status") or "", "status onbekend")

    addressed = [f"{s.get('addressee') or s.get('department')} ({status(s)})" for s in also if s.get("addressee") or s.get("department")]
    copies = [f"{s.get('id')} ({status(s)})" for s in also if not (s.get("addressee") or s.get("department"))]
    said = []
    if addressed:
        said.append("Dezelfde vraag ook gesteld aan: " + "; ".join(addressed) + ".")
    if copies:
        said.append("Dezelfde vraag ook als: " + "; ".join(copies) + ".")
    return " ".join(said)


def hit_html(hit: dict, query: str) -> str:
    meta = [hit.get("date"), hit.get("mp") and f"vraagsteller {hit['mp']}" + (f" ({hit['party']})" if hit.get("party") else ""),
            (hit.get("addressee") or hit.get("department")) and f"aan {hit.get('addressee') or hit.get('department')}",
            SOURCE_TITLES.get(hit.get("source", ""), hit.get("source"))]
    numbers = hit.get("numbers") or []
    found = f'<p class="pq-found">Gevonden in deelvraag {esc(", ".join(map(str, numbers)))}</p>' if numbers else ""
    title = hit.get("title") or short_title(hit.get("snippet", ""), 90)
    # Below the search's relevance floor: still listed, but said plainly.
    weak = '<p class="pq-weak">Zwakke overeenkomst: waarschijnlijk niet over hetzelfde onderwerp.</p>' if hit.get("relevant") is False else ""
    also = siblings_text(hit.get("also") or [])
    also = f'<p class="pq-also">{esc(also)}</p>' if also else ""
    return (f'<article class="pq-hit{" pq-hit-weak" if weak else ""}"><h3>{esc(title)}</h3>'
            f'<p class="pq-meta">{esc(" · ".join(str(m) for m in meta if m))}</p>{also}'
            f'<p class="pq-snippet">{mark_words(hit.get("snippet", ""), query)}</p>{found}{weak}</article>')


def document_html(doc: Document, numbers: list[int] | None = None, query: str = "") -> str:
    """A precedent with its parsed structure; the sub-questions and answer parts that matched are marked,
    and the first of them is where the page scrolls to."""
    numbers = set(numbers or [])
    meta = [doc.number and f"vraag nr. {doc.number}", doc.date and str(doc.date), doc.mp and doc.mp.name,
            doc.mp and doc.mp.party, doc.addressee, doc.department, SOURCE_TITLES.get(str(doc.source.value), str(doc.source.value)),
            DOCUMENT_STATUS.get(doc.status.value, doc.status.value)]
    lines = [f"<h2>{esc(doc.title or '(zonder titel)')}</h2>",
             f'<p class="pq-meta">{esc(" · ".join(str(m) for m in meta if m))}</p>']
    if doc.url:
        lines.append(f"<p>{_link(doc.url, 'Vraag en antwoord online')}</p>")
    if doc.themes:
        lines.append(f'<p class="pq-meta">Thema\'s: {esc(", ".join(doc.themes))}</p>')
    if doc.introduction:
        lines.append(f'<blockquote>{esc(doc.introduction)}</blockquote>')
    if numbers:
        lines.append(f'<p class="pq-found">De zoekvraag vond deelvraag {esc(", ".join(map(str, sorted(numbers))))}.</p>')
    lines.append("<h3>Deelvragen</h3><ol class='pq-subquestions'>")
    for sub in doc.subquestions:
        hit = sub.number in numbers
        text = mark_words(sub.text, query) if hit and query else esc(sub.text)
        lines.append(f'<li value="{sub.number}" id="pq-doc-q{sub.number}" class="{"pq-hit-part" if hit else ""}">{text}</li>')
    lines.append("</ol>")
    if doc.answer_intro or doc.answer_parts:
        lines.append("<h3>Antwoord</h3>")
        if doc.answer_intro:
            lines.append(f"<p>{esc(doc.answer_intro)}</p>")
        for part in doc.answer_parts:
            hit = bool(numbers & set(part.numbers))
            lines.append(f'<p class="{"pq-hit-part" if hit else ""}"><strong>{esc(part.label or "Antwoord")}.</strong> '
                         f"{esc(part.text)}</p>")
    return f'<div class="pq-document">{"".join(lines)}</div>'


# --- versions ----------------------------------------------------------------------------------
def _diff_words(old: str, new: str) -> str:
    # words with their trailing space, so that a rewritten sentence is one deletion and one insertion
    a, b = re.findall(r"\S+\s*|\s+", old), re.findall(r"\S+\s*|\s+", new)
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(esc("".join(a[i1:i2])))
        if op in ("delete", "replace"):
            out.append(f"<del>{esc(''.join(a[i1:i2]))}</del>")
        if op in ("insert", "replace"):
            out.append(f"<ins>{esc(''.join(b[j1:j2]))}</ins>")
    return "".join(out)


def comparison_html(old: Draft, new: Draft, old_name: str, new_name: str) -> str:
    """Part by part, what changed from one version to the other (deleted struck through, added underlined)."""
    rows = [f'<p class="pq-meta">Van <strong>{esc(old_name)}</strong> naar <strong>{esc(new_name)}</strong>: '
            'geschrapt is <del>doorgehaald</del>, toegevoegd is <ins>onderlijnd</ins>.</p>']
    if old.header != new.header:
        rows.append(f'<p><strong>Hoofding:</strong> {_diff_words(old.header, new.header)}</p>')
    old_parts = {p.label: p.text for p in old.parts}
    new_parts = {p.label: p.text for p in new.parts}
    changed = 0
    for label in [*old_parts, *[x for x in new_parts if x not in old_parts]]:
        before, after = old_parts.get(label, ""), new_parts.get(label, "")
        if before == after:
            continue
        changed += 1
        state = " (nieuw deel)" if label not in old_parts else " (geschrapt)" if label not in new_parts else ""
        rows.append(f'<section class="pq-part"><h3 class="pq-part-head">{esc(label or "zonder label")}.{state}</h3>'
                    f'<p class="pq-diff">{_diff_words(before, after)}</p></section>')
    if not changed and old.header == new.header:
        rows.append("<p>Geen verschil: de twee versies zijn gelijk.</p>")
    return f'<div class="pq-compare">{"".join(rows)}</div>'


def version_label(number: int, kind: str, created_at: str, user: str | None) -> str:
    return f"versie {number} · {VERSION_KINDS.get(kind, kind)} · {local_time(created_at)}" + (f" · {user}" if user else "")


def local_time(stamp: str) -> str:
    """'2026-12-01T09:04:00+00:00' -> '01-12-2026 10:04' in the server's time zone."""
    import datetime as dt

    try:
        return dt.datetime.fromisoformat(stamp).astimezone().strftime("%d-%m-%Y %H:%M")
    except ValueError:
        return stamp


# --- the page's style and script ---------------------------------------------------------------
PAGE_CSS = """
:root {--pq-muted: #52525b;}
.dark {--pq-muted: #b4b4bb;}
.pq-top h1 {margin: 0; font-size: 1.5em;}
.pq-top p {margin: 2px 0 0; color: var(--pq-muted);}
.pq-status {font-size: .9em; color: var(--pq-muted);}
.pq-error {background: #fde8e8; color: #5f1414; border: 1px solid #a12b2b; padding: 10px; border-radius: 6px;}
.pq-placeholder {color: var(--pq-muted); padding: 12px 0;}
.pq-input-note {margin: 4px 0; font-size: .92em;}
.pq-input-note.pq-warn {color: #7a2e00; font-weight: 600;}
/* the upload area's hint, readable (Gradio's grey is 1.9:1 on white) */
#pq-upload [data-testid="upload-text"], #pq-upload [data-testid="upload-text"] .or {color: #3f3f46 !important;}

/* review: the draft and, beside it, its sources; the source panel stays in view while scrolling */
#pq-review, #pq-review > div {overflow: visible !important;}
.pq-review {display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 24px; align-items: start;}
.pq-draft {min-width: 0;}
.pq-sources {position: sticky; top: 8px; max-height: calc(100vh - 16px); overflow-y: auto; min-width: 0;
  border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 8px 14px 12px; background: var(--background-fill-secondary);}
.pq-sources h2 {font-size: 1.05em; margin: 4px 0;}
.pq-hint {font-size: .85em; color: var(--pq-muted); margin: 0 0 6px;}
.pq-source-nav {display: flex; flex-wrap: wrap; gap: 4px; margin-bottom: 8px;}
.pq-chip {border: 1px solid #1a56b0; color: #1a56b0; background: transparent; border-radius: 12px; padding: 0 9px; cursor: pointer;
  font-weight: 600; white-space: nowrap; font-size: .95em; height: 1.9em; margin: 0 !important; display: inline-flex; align-items: center;}
.pq-chip.pq-active {background: #1a56b0; color: #fff;}
.pq-source:not(.pq-active) {display: none;}
.pq-source h3 {font-size: 1em; margin: 4px 0;}
.pq-passage {margin: 6px 0; padding: 6px 10px; border-left: 3px solid #e0b000; background: var(--background-fill-primary); font-size: .93em;}
.pq-minister, .pq-header {margin: 2px 0;}
.pq-title {font-style: italic; margin: 2px 0 8px;}
.pq-note {font-size: .88em; color: var(--pq-muted);}
.pq-part {border-left: 4px solid #b8bcc4; padding: 4px 12px; margin: 12px 0;}
.pq-part-head {font-size: 1em; margin: 0 0 4px; display: flex; gap: 8px; align-items: center; flex-wrap: wrap;}
.pq-part p {margin: 4px 0;}
.pq-badge {display: inline-block; color: #fff; border-radius: 10px; padding: 1px 9px; font-size: .82em; font-weight: 600;}
.pq-understood {font-style: italic; margin: 2px 0 6px; color: var(--pq-muted);}
.pq-cite {color: #1a56b0; font-weight: 700; text-decoration: none; padding: 0 2px; border-radius: 3px; cursor: pointer;}
.pq-cite:hover, .pq-cite:focus-visible {text-decoration: underline; outline: 2px solid #1a56b0; outline-offset: 1px;}
.pq-todo {background: #fdf1d6; color: #5c3b00; padding: 0 3px; border-radius: 3px;}
.pq-synthetic {background: #fff3cd; border: 1px solid #b38600; color: #5c3b00; padding: 4px 8px; font-weight: 700; border-radius: 4px;}
.pq-warnings {border-top: 1px solid var(--border-color-primary); margin-top: 12px; font-size: .92em;}
.pq-warnings h3 {font-size: 1em;}
.pq-inline-source {border: 2px solid #1a56b0; border-radius: 8px; padding: 6px 12px 10px; margin: 4px 0 14px;
  background: var(--background-fill-secondary);}
.pq-inline-source .pq-source {display: block;}
.pq-close {border: 1px solid var(--border-color-primary); border-radius: 6px; padding: 2px 10px; background: transparent; cursor: pointer;}
mark {background: #ffe58a; color: #1f1f1f; padding: 0 1px; border-radius: 2px;}
.pq-table-wrap {overflow-x: auto; max-width: 100%;}
.pq-table {border-collapse: collapse; font-size: .88em; margin: 6px 0;}
.pq-table th, .pq-table td {border: 1px solid var(--border-color-primary); padding: 2px 8px; text-align: left;}
.pq-table td:last-child {text-align: right; font-variant-numeric: tabular-nums;}
.pq-annex h3 {font-size: 1em; margin-top: 16px;}

/* search results and documents */
.pq-hit h3 {font-size: 1em; margin: 0 0 2px;}
.pq-hit p {margin: 2px 0;}
.pq-meta {font-size: .88em; color: var(--pq-muted); margin: 2px 0;}
.pq-also {font-size: .88em; margin: 2px 0 4px;}
.pq-snippet {font-size: .92em;}
.pq-found {font-size: .88em; font-weight: 600; color: #7a5a00;}
.pq-weak {font-size: .88em; color: #8a1c1c;}
.pq-hit-weak h3, .pq-hit-weak .pq-snippet {opacity: .75;}
.pq-hit-box {padding: 8px 12px !important; margin-bottom: 10px; background: var(--background-fill-primary) !important;}
.pq-hit-box > div, .pq-hit-box .html-container {background: transparent !important;}
.pq-hit-box button.pq-open {max-width: 200px; border: 1px solid #1a56b0 !important; color: #1a56b0 !important;}
.pq-document ol {padding-left: 1.6em;}
.pq-hit-part {background: #fff7d6; border-left: 4px solid #e0b000; padding: 2px 6px; color: #1f1f1f;}
.pq-compare del {background: #fde2e2; color: #8a1c1c;}
.pq-compare ins {background: #def5e3; color: #145a2b;}

#pq-chat [class*="placeholder"] {padding: 0 16px;}
/* the drafting chat: the conversation beside the draft, which keeps its sources beside it */
#pq-conversation [class*="placeholder"] {padding: 0 16px;}
.pq-reply p {margin: 2px 0;}
.pq-reply ul {margin: 2px 0 2px 1.2em; padding: 0;}
.pq-part.pq-changed {border-left-color: #1b6e36; background: rgba(27, 110, 54, .06);}
.pq-changed-note {font-size: .78em; font-weight: 600; color: #1b6e36; border: 1px solid #1b6e36; border-radius: 10px; padding: 0 7px;}
#pq-chat-review, #pq-chat-review > div {overflow: visible !important;}
#pq-chat-review {container-type: inline-size;}
/* on a wide screen the conversation stays in view beside a long draft */
@media (min-width: 901px) {
  #pq-chat-column {position: sticky; top: 8px; align-self: flex-start;}
}
@container (max-width: 720px) {
  .pq-review {grid-template-columns: minmax(0, 1fr);}
  .pq-sources {display: none;}
}
#pq-ask-table table, #pq-ask-table th, #pq-ask-table td, #pq-ask-table span {font-family: var(--font) !important;}
/* the opened document stays in view beside the result list on a wide screen */
@media (min-width: 901px) {
  #pq-document {position: sticky; top: 8px; max-height: calc(100vh - 16px); overflow-y: auto;}
}
@media (max-width: 900px) {
  .pq-review {grid-template-columns: minmax(0, 1fr);}
  .pq-sources {display: none;}
}
/* five tabs side by side on a phone, instead of a few and a menu */
@media (max-width: 600px) {
  #pq-tabs .tab-container button {padding-left: 4px !important; padding-right: 4px !important; font-size: .86em;}
}
"""

# A click on a marker [n] (or a source chip) shows source n: beside the draft on a wide screen (the
# panel is sticky, so it is in view), right under the part that cites it on a narrow one.
PAGE_SCRIPT = """<script>
(() => {
  const narrow = (review) => window.matchMedia('(max-width: 900px)').matches ||
    (review && review.getBoundingClientRect().width <= 720);
  function bringMarkIntoPanel(panel, section) {
    const mark = section.querySelector('mark');
    if (!mark) return;
    const m = mark.getBoundingClientRect(), p = panel.getBoundingClientRect();
    if (m.top < p.top || m.bottom > p.bottom) panel.scrollTop += m.top - p.top - 60;
  }
  function showInline(part, section, n, origin) {
    const next = part.nextElementSibling;
    if (next && next.classList.contains('pq-inline-source')) {
      next.remove();
      if (next.dataset.n === String(n)) return;
    }
    const box = document.createElement('div');
    box.className = 'pq-inline-source';
    box.dataset.n = String(n);
    box.setAttribute('role', 'region');
    box.setAttribute('aria-label', 'Bron ' + n);
    const copy = section.cloneNode(true);
    copy.removeAttribute('id');
    copy.classList.add('pq-active');
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'pq-close';
    close.textContent = 'Bron sluiten';
    close.addEventListener('click', () => { box.remove(); origin.focus(); });
    box.append(copy, close);
    part.after(box);
    box.scrollIntoView({block: 'nearest'});
  }
  function showSource(n, origin) {
    const review = origin.closest('.pq-review');
    if (!review) return;
    const section = review.querySelector('.pq-sources .pq-source[data-n="' + n + '"]');
    if (!section) return;
    const part = origin.closest('.pq-part');
    if (narrow(review) && part) return showInline(part, section, n, origin);
    review.querySelectorAll('.pq-sources .pq-active').forEach((e) => e.classList.remove('pq-active'));
    section.classList.add('pq-active');
    review.querySelector('.pq-chip[data-n="' + n + '"]')?.classList.add('pq-active');
    const panel = review.querySelector('.pq-sources');
    panel.scrollTop = 0;
    const rect = panel.getBoundingClientRect();
    if (rect.top < 0 || rect.bottom > window.innerHeight) panel.scrollIntoView({block: 'nearest'});
    bringMarkIntoPanel(panel, section);
  }
  document.addEventListener('click', (event) => {
    const target = event.target.closest && event.target.closest('.pq-cite, .pq-chip');
    if (!target) return;
    event.preventDefault();
    showSource(target.dataset.n, target);
  });

  // Gradio titles its messages with their English type ("Error", "Warning") and labels a few
  // controls in English for screen readers; its translations do not reach these.
  const TITLES = {Error: 'Fout', Warning: 'Let op', Info: 'Melding', Success: 'Gelukt'};
  const LABELS = {'Close': 'Sluiten', 'Click to upload or drop files': 'Klik om een bestand te kiezen of sleep het hierheen',
    'File upload': 'Bestand kiezen', 'More tabs': 'Meer tabbladen', 'Clear': 'Wissen', 'Download': 'Downloaden',
    'Remove': 'Verwijderen', 'Copy': 'Kopiëren', 'Fullscreen': 'Volledig scherm', 'Submit': 'Versturen',
    'Multimedia input field': 'Bericht of bestand', 'Upload a file': 'Bestand kiezen', 'Remove file': 'Bestand verwijderen',
    'Uploaded files': 'Gekozen bestanden', 'File thumbnail': 'Gekozen bestand', 'chatbot conversation': 'Gesprek'};
  const TEXTS = {'Loading content': 'Het antwoord wordt opgesteld'};
  function dutch(node) {
    if (!node || node.nodeType !== 1) return;
    const titles = node.matches('.toast-title') ? [node] : node.querySelectorAll('.toast-title');
    titles.forEach((title) => {
      const text = title.firstChild;
      if (text && text.nodeType === 3 && TITLES[text.textContent.trim()]) text.textContent = TITLES[text.textContent.trim()] + ' ';
    });
    const labelled = node.matches('[aria-label]') ? [node, ...node.querySelectorAll('[aria-label]')] : node.querySelectorAll('[aria-label]');
    labelled.forEach((el) => { const nl = LABELS[el.getAttribute('aria-label')]; if (nl) el.setAttribute('aria-label', nl); });
    // a few words Gradio writes as text (the chat's pending answer)
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      const nl = TEXTS[text.textContent.trim()];
      if (nl) text.textContent = nl;
    }
  }
  new MutationObserver((mutations) => {
    for (const m of mutations) {
      if (m.type === 'childList') m.addedNodes.forEach(dutch);
      else dutch(m.type === 'characterData' ? m.target.parentElement : m.target);
    }
  }).observe(document.documentElement, {subtree: true, childList: true, characterData: true, attributes: true,
                                        attributeFilter: ['aria-label']});
  dutch(document.body);
})();
</script>"""
