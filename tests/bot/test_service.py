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
