"""What the app shows: corpus and user text escaped, markers as links, Dutch badges, the reading of a
statistical part, titles cut at a word, the matched words marked, what changed between versions."""

import re

from app import input_note
from bot.app_view import comparison_html, hit_html, mark_words, review_html, short_title, text_html, user_text_markdown
from bot.drafting.export import edited_draft, parts_as_text
from bot.drafting.house_style import SYNTHETIC_BANNER
from bot.drafting.model import Citation, Draft, DraftPart
from bot.drafting.pipeline import draft_document
from bot.parse.files import parse_text


def _draft(*parts: DraftPart, sources=()) -> Draft:
    return Draft(question_id="t", header="ANTWOORD op vraag nr. …", minister="Jo Brouns", minister_title="minister", title="",
                 parts=list(parts), sources=list(sources))


def test_text_from_the_corpus_is_shown_as_text_never_as_markup():
    hostile = '<img src=x onerror="alert(1)"> en <script>alert(2)</script> [1]'
    citation = Citation(n=1, id="184523", kind="precedent", title="<b>titel</b>", passage="<script>alert(3)</script>")
    page = review_html(_draft(DraftPart(numbers=[1], label="1", kind="other", status="other", text=hostile), sources=[citation]),
                       {1: "context <script>alert(3)</script> rond"})
    assert "<img" not in page and "<script>" not in page and "<b>titel" not in page
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in page and "&lt;b&gt;titel&lt;/b&gt;" in page


def test_markers_are_links_a_keyboard_reaches_and_the_first_source_is_shown():
    citations = [Citation(n=n, id=f"d{n}", kind="dataset", title=f"Dataset {n}", passage=f"passage {n}") for n in (1, 2)]
    page = review_html(_draft(DraftPart(numbers=[1], label="1", kind="statistic", status="available", text="Een [1] en [2]."),
                              sources=citations))
    assert re.findall(r'<a class="pq-cite" href="#pq-src-(\d)"', page) == ["1", "2"]
    assert re.findall(r'<section class="pq-source( pq-active)?" id="pq-src-(\d)"', page) == [(" pq-active", "1"), ("", "2")]
    assert 'aria-live="polite"' in page


def test_each_statistical_part_shows_how_it_was_read_and_unclear_ones_are_to_check():
    parts = [DraftPart(numbers=[1], label="1", kind="statistic", status="available", text="In 2023: 12 [1].",
                       understood="Begrepen als: werkzoekenden zonder werk, per provincie, in 2023."),
             DraftPart(numbers=[2], label="2", kind="statistic", status="needs_review", text="Geen cijfer.",
                       understood="werkzoekenden, per ‘wijk’ (niet begrepen)")]
    page = review_html(_draft(*parts))
    assert '<p class="pq-understood">Begrepen als: werkzoekenden zonder werk, per provincie, in 2023.</p>' in page
    assert '<p class="pq-understood">Begrepen als: werkzoekenden, per ‘wijk’ (niet begrepen)</p>' in page
    assert ">te controleren</span>" in page and "needs_review</" not in page


def test_the_synthetic_warning_is_a_line_of_its_own_and_bold_is_bold():
    html = text_html(f"{SYNTHETIC_BANNER} In 2023: **12** personen [1].\n- een punt\n- nog een punt")
    assert html.startswith('<p class="pq-synthetic" role="note">SYNTHETISCHE DEMODATA – geen officiële cijfers.</p>')
    assert "<strong>12</strong>" in html and "**" not in html
    assert "<ul><li>een punt</li><li>nog een punt</li></ul>" in html


def test_titles_are_cut_at_a_word_never_inside_one():
    title = "Datacatalogus: VDAB werkzoekenden zonder werk per maand (demonstratiedata) en nog veel meer woorden"
    cut = short_title(title, 70)
    assert cut.endswith(" …") and title.startswith(cut[:-2]) and title[len(cut) - 2] == " "
    assert short_title("kort", 70) == "kort"


def test_the_words_of_the_query_are_marked_in_a_snippet():
    marked = mark_words("Werkende asielzoekers <b>in</b> Oekraïense opvang", "werkende asielzoeker oekraiense")
    assert marked == "<mark>Werkende</mark> <mark>asielzoekers</mark> &lt;b&gt;in&lt;/b&gt; <mark>Oekraïense</mark> opvang"


def test_what_the_user_typed_in_the_chat_stays_text():
    shown = user_text_markdown("<img src=x> **vet** _schuin_ # kop")
    assert "<img" not in shown and "&lt;img src=x&gt;" in shown
    assert "\\*\\*vet\\*\\*" in shown and "\\_schuin\\_" in shown and "\\# kop" in shown


def test_paste_and_upload_say_which_one_is_used():
    assert "wordt gebruikt" in input_note("1. Hoeveel?", None) and "geplakte tekst" in input_note("1. Hoeveel?", None)
    assert "vraag.pdf</strong> wordt gebruikt" in input_note("", "/tmp/x/vraag.pdf")
    assert "zowel geplakte tekst als een bestand" in input_note("1. Hoeveel?", "/tmp/x/vraag.pdf")


def test_the_comparison_shows_what_the_desk_changed():
    draft = draft_document(parse_text("1. Hoeveel verzoeken om internationale bescherming in 2023?\n2. Welke acties neemt u?"))
    edit = parts_as_text(draft).replace("[Te vervolledigen door de dossierbeheerder.]", "We starten een nieuw project.")
    page = comparison_html(draft, edited_draft(draft, edit, "ANTWOORD op vraag nr. 12"), "versie 1", "versie 2")
    assert "<strong>Hoofding:</strong> ANTWOORD op vraag nr. <del>…</del><ins>12</ins>" in page
    assert "<del>[Te vervolledigen door de dossierbeheerder.] </del><ins>We starten een nieuw project. </ins>" in page
    assert ">1.</h3>" not in page  # an unchanged part is not listed
    assert "Geen verschil" in comparison_html(draft, draft, "versie 1", "versie 1")


def test_a_hit_below_the_relevance_floor_says_so():
    hit = {"id": "1", "title": "Titel", "snippet": "tekst", "date": "2017-01-01", "source": "dekamer-qrva-2017", "numbers": [2]}
    assert "Zwakke overeenkomst" not in hit_html(hit | {"relevant": True}, "tekst")
    assert "Zwakke overeenkomst" not in hit_html(hit, "tekst")  # no verdict from the search: nothing said
    weak = hit_html(hit | {"relevant": False}, "tekst")
    assert "Zwakke overeenkomst" in weak and 'class="pq-hit pq-hit-weak"' in weak
    assert "Gevonden in deelvraag 2" in weak and "Kamer (2017, beantwoord)" in weak


def test_a_hit_names_the_same_question_to_other_ministers_with_their_status():
    hit = {"id": "184523", "title": "Cijfers verkrachting tussen partners", "snippet": "tekst", "source": "dekamer-qrva-2017",
           "also": [{"id": "184521", "addressee": "Minister van Binnenlandse Zaken", "status": "answered"},
                    {"id": "184522", "addressee": None, "department": "Financiën", "status": "unanswered"},
                    {"id": "http://data.dekamer.be/v0/qrva/55-B031", "addressee": None, "status": "unanswered"}]}
    page = hit_html(hit, "tekst")
    assert ("Dezelfde vraag ook gesteld aan: Minister van Binnenlandse Zaken (beantwoord); Financiën (niet beantwoord)."
            in page)
    assert "Dezelfde vraag ook als: http://data.dekamer.be/v0/qrva/55-B031 (niet beantwoord)." in page
    assert "Dezelfde vraag" not in hit_html(hit | {"also": []}, "tekst")
