"""What the app calls: reading questions from text or upload, documents from the corpus."""

import pytest

from bot.service import MAX_UPLOAD_BYTES, Service
from tests.conftest import SEED
from tools.errors import PQError


def test_upload_is_read_and_too_large_upload_is_refused(small_index, tmp_path):
    service = Service(index=small_index)
    assert service.read_question(None, str(SEED)).number == 216
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(MAX_UPLOAD_BYTES + 1)
    with pytest.raises(PQError, match="groter dan"):
        service.read_question(None, str(big))


def test_documents_are_found_by_id_and_unknown_ids_are_an_error(env, small_index, small_corpus):
    env(PQ_CORPUS_DIR=str(small_corpus))
    service = Service(index=small_index)
    doc = service.document("184523")
    assert doc.id == "184523" and doc.subquestions
    assert "Antwoord" in service.passage_text("184523", [1])
    with pytest.raises(PQError, match="onbekend document"):
        service.document("does-not-exist")
