"""The dossier: drafts, their versions and exports kept in SQLite under the data directory —
reopened by a new process, safe against a crash mid-save, never written into a foreign file."""

import hashlib
import sqlite3
import stat
import subprocess
import sys
import threading
import time

import pytest

from bot.dossier import Dossier
from bot.drafting.export import edited_draft, parts_as_text
from bot.drafting.pipeline import draft_document
from bot.parse.files import parse_text
from tests.conftest import ROOT, seed_question_only
from tools.errors import PQError

FIGURES = "1. Hoeveel verzoeken om internationale bescherming werden ingediend van 2021 tot 2023? Graag per jaar."


@pytest.fixture(scope="module")
def seed_draft():
    doc = parse_text(seed_question_only())
    return doc, draft_document(doc)


def _compose(dossier, doc, draft, user="desk", text=None):
    return dossier.record_composed(draft, doc.to_json_dict(), text or seed_question_only(), "geplakte tekst", user)


def test_a_draft_its_edit_and_its_export_are_kept_and_read_back_by_a_new_process(tmp_path, seed_draft):
    doc, draft = seed_draft
    dossier = Dossier(tmp_path / "dossier.sqlite3")
    composed = _compose(dossier, doc, draft)
    assert (composed.number, composed.kind) == (1, "composed")
    edit = parts_as_text(draft).replace("niet apart geïdentificeerd", "helaas niet apart geïdentificeerd")
    edited = dossier.record_version(composed.draft_id, edited_draft(draft, edit, None), "edited", "chef", edited_text=edit)
    assert (edited.number, edited.kind, edited.draft_id) == (2, "edited", composed.draft_id)
    export = dossier.record_export(edited.version_id, "docx", "antwoord-216-tewerkstelling-asielzoekers.docx", b"PK word", "chef")
    assert export.sha256 == hashlib.sha256(b"PK word").hexdigest() and export.version_number == 2

    # A separate process (as after a restart) sees all of it.
    script = f"""
from bot.dossier import Dossier
d = Dossier({str(tmp_path / 'dossier.sqlite3')!r})
(row,) = d.recent_drafts()
versions = d.versions(row.draft_id)
print(row.number, row.title, row.versions, row.exports, row.created_by, row.last_kind)
print([(v.number, v.kind, v.created_by, v.parent_id == versions[0].id if v.number > 1 else None) for v in versions])
print(versions[1].draft.parts[0].text)
print(d.exports(row.draft_id)[0].file_name, d.question(row.draft_id).question_source)
"""
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True).stdout.splitlines()
    assert out[0] == "216 VDAB - Tewerkstelling asielzoekers 2 1 desk edited"
    assert out[1] == "[(1, 'composed', 'desk', None), (2, 'edited', 'chef', True)]"
    assert out[2].startswith("Asielzoekers worden helaas niet apart geïdentificeerd")
    assert out[3] == "antwoord-216-tewerkstelling-asielzoekers.docx geplakte tekst"


def test_an_unchanged_edit_is_not_a_new_version(tmp_path, seed_draft):
    doc, draft = seed_draft
    dossier = Dossier(tmp_path / "dossier.sqlite3")
    composed = _compose(dossier, doc, draft)
    same = dossier.record_version(composed.draft_id, edited_draft(draft, parts_as_text(draft), None), "edited", "desk",
                                  edited_text=parts_as_text(draft))
    assert same.version_id == composed.version_id and len(dossier.versions(composed.draft_id)) == 1


def test_drafting_a_question_again_adds_a_draft_to_its_dossier(tmp_path, seed_draft):
    doc, draft = seed_draft
    dossier = Dossier(tmp_path / "dossier.sqlite3")
    first, second = _compose(dossier, doc, draft), _compose(dossier, doc, draft)
    other_doc = parse_text(FIGURES)
    third = _compose(dossier, other_doc, draft_document(other_doc), text=FIGURES)
    assert first.dossier_id == second.dossier_id != third.dossier_id
    assert len({first.draft_id, second.draft_id, third.draft_id}) == 3
    assert [r.draft_id for r in dossier.recent_drafts()] == [third.draft_id, second.draft_id, first.draft_id]


def test_the_database_is_owner_only(tmp_path, seed_draft):
    doc, draft = seed_draft
    path = tmp_path / "data" / "dossier.sqlite3"
    _compose(Dossier(path), doc, draft)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    for side in path.parent.glob("dossier.sqlite3-*"):  # SQLite's journal files follow the database's mode
        assert stat.S_IMODE(side.stat().st_mode) == 0o600, side


def test_a_crash_in_the_middle_of_a_save_loses_nothing_saved_before(tmp_path):
    """A process saves one draft, then dies (os._exit, no clean-up) halfway through saving a second:
    the first is whole, the second is not there at all, the file is sound."""
    path = tmp_path / "dossier.sqlite3"
    script = f"""
import os
from bot.dossier import Dossier
from bot.drafting.pipeline import draft_document
from bot.parse.files import parse_text
from tests.conftest import seed_question_only
doc = parse_text(seed_question_only())
draft = draft_document(doc)
dossier = Dossier({str(path)!r})
dossier.record_composed(draft, doc.to_json_dict(), seed_question_only(), "geplakte tekst", "desk")
other = parse_text({FIGURES!r})
# die after the dossier and draft rows of the second save are written, before its version is
Dossier._insert_version = lambda *args, **kwargs: os._exit(9)
dossier.record_composed(draft_document(other), other.to_json_dict(), {FIGURES!r}, "geplakte tekst", "desk")
"""
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 9, result.stderr
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        counts = [db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("dossiers", "drafts", "versions")]
    assert counts == [1, 1, 1]
    (row,) = Dossier(path).recent_drafts()
    assert row.number == 216 and Dossier(path).versions(row.draft_id)[0].draft.parts[0].label == "1+4-6"


def test_concurrent_edits_get_distinct_version_numbers(tmp_path, seed_draft):
    doc, draft = seed_draft
    dossier = Dossier(tmp_path / "dossier.sqlite3")
    composed = _compose(dossier, doc, draft)
    errors = []

    def edit(worker: int) -> None:
        for i in range(5):
            text = parts_as_text(draft) + f"\n\n9. Toegevoegd door {worker}-{i}."
            try:
                dossier.record_version(composed.draft_id, edited_draft(draft, text, None), "edited", f"user{worker}", edited_text=text)
            except Exception as exc:  # noqa: BLE001 - collected for the assertion
                errors.append(exc)

    threads = [threading.Thread(target=edit, args=(w,)) for w in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    numbers = [v.number for v in dossier.versions(composed.draft_id)]
    assert numbers == list(range(1, 32))


def test_a_foreign_or_damaged_file_is_refused_and_left_untouched(tmp_path, seed_draft):
    doc, draft = seed_draft
    foreign = tmp_path / "foreign.sqlite3"
    with sqlite3.connect(foreign) as db:
        db.execute("CREATE TABLE notes (text TEXT)")
        db.execute("INSERT INTO notes VALUES ('van iemand anders')")
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"not a database at all " * 100)
    for path, message in [(foreign, "geen dossier van deze toepassing"), (garbage, "beschadigd of geen SQLite-bestand")]:
        before = path.read_bytes()
        time.sleep(0.01)
        with pytest.raises(PQError, match=message):
            _compose(Dossier(path), doc, draft)
        assert path.read_bytes() == before


def test_unknown_versions_and_drafts_are_dutch_errors(tmp_path):
    dossier = Dossier(tmp_path / "dossier.sqlite3")
    with pytest.raises(PQError, match="onbekende versie 42"):
        dossier.version(42)
    with pytest.raises(PQError, match="onbekend ontwerp 7"):
        dossier.question(7)
    assert dossier.recent_drafts() == []
