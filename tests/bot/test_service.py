"""What the app calls: reading questions from text or upload, documents from the corpus."""

import pytest

from bot.service import MAX_UPLOAD_BYTES, Service
from tests.conftest import SEED
from tools.errors import PQError


def test_upload_is_read_and_too_large_upload_is_refused(small_index, tmp_path):
    service = Service(index=small_index)
    question = service.read_question(None, str(SEED))
    assert question.document.number == 216 and question.source == f"bestand {SEED.name}"
    assert "8. Welke acties worden georganiseerd in samenwerking met Fedasil in 2024?" in question.text
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(MAX_UPLOAD_BYTES + 1)
    with pytest.raises(PQError, match="groter dan"):
        service.read_question(None, str(big))


def test_pasted_text_and_a_file_together_are_refused_never_one_silently_preferred(small_index, seed_text):
    service = Service(index=small_index)
    with pytest.raises(PQError, match="zowel geplakte tekst als een bestand"):
        service.read_question(seed_text, str(SEED))
    pasted = service.read_question(seed_text, None)
    assert pasted.source == "geplakte tekst" and pasted.text == seed_text and pasted.document.number == 216
    assert service.read_question("   ", str(SEED)).source.startswith("bestand")  # blank text is no text


def test_documents_are_found_by_id_and_unknown_ids_are_an_error(env, small_index, small_corpus):
    env(PQ_CORPUS_DIR=str(small_corpus))
    service = Service(index=small_index)
    doc = service.document("184523")
    assert doc.id == "184523" and doc.subquestions
    assert "Antwoord" in service.passage_text("184523", [1])
    with pytest.raises(PQError, match="onbekend document"):
        service.document("does-not-exist")


def test_chat_turns_become_versions_and_undo_brings_one_back(env, small_index, tmp_path):
    env(PQ_DATA_DIR=str(tmp_path))
    service = Service(index=small_index)
    question = service.read_question("1. Hoeveel werkzoekenden waren er eind 2023?\n2. Hoe evalueert de minister dat?", None)
    drafted = service.chat(question.text, None)
    ref = service.record_composed(drafted.draft, question, "desk")
    removed = service.chat("schrap deel 2", drafted.state, draft_id=ref.draft_id, current_version=ref.number)
    second = service.record_chat(ref.draft_id, removed.draft, "desk")
    versions = service.dossier.versions(ref.draft_id)
    assert [(v.number, v.kind, v.created_by) for v in versions] == [(1, "composed", "desk"), (2, "chat", "desk")]
    assert [p.label for p in versions[1].draft.parts] == ["1"]
    back = service.chat("maak dat ongedaan", removed.state, draft_id=ref.draft_id, current_version=second.number)
    assert back.kind == "undo" and back.draft == versions[0].draft and "versie 1 (opgesteld)" in back.text
    assert service.record_chat(ref.draft_id, back.draft, None).number == 3
    missing = service.chat("ga terug naar versie 7", back.state, draft_id=ref.draft_id, current_version=3)
    assert missing.draft is None and "geen versie 7" in missing.text
