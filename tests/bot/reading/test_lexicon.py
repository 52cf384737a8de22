"""The list of real words the reader never corrects into another term."""

from bot.reading import lexicon
from bot.settings import settings


def test_a_word_counts_once_per_document_and_needs_enough_documents():
    documents = ["Geslacht geslacht gebracht", "gebracht naar huis", "Gebrácht, zegt men", "kort woord"]
    assert lexicon.build(documents, min_documents=3) == ["gebracht"]  # folded; "geslacht" is in one document only
    assert lexicon.build(documents, min_documents=1) == ["gebracht", "geslacht", "woord"]  # words of 5+ letters only


def test_the_shipped_list_is_the_corpus_list(tmp_path):
    # A changed corpus (or rule) without `python -m bot.reading.lexicon` leaves a stale list: rebuilt here and compared.
    words = lexicon.build(lexicon.corpus_documents(settings().corpus_dir))
    lexicon.write(words, tmp_path / "lexicon.txt.gz")
    assert (tmp_path / "lexicon.txt.gz").read_bytes() == lexicon.LEXICON_FILE.read_bytes()
    assert {"gebracht", "omvang", "klanten"} <= lexicon.known_words() and "asielzoekes" not in lexicon.known_words()
