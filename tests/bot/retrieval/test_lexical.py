"""BM25 normalisation: accents folded, function words dropped, Dutch stems; two fields."""

import numpy as np

from bot.retrieval.lexical import ANSWER_WEIGHT, FieldedLexicalIndex, tokenize


def test_tokens_fold_accents_drop_function_words_and_stem():
    assert tokenize("Hoeveel asielzoekers zijn geïdentificeerd?") == tokenize("asielzoeker geidentificeerd")
    assert "de" not in tokenize("de werkloosheid van de jongeren")
    assert tokenize("werkloosheid") == tokenize("Werkloosheid")


def test_question_field_outranks_the_answer_field():
    texts = ["Titel\nVraag 1. samenwerkingsovereenkomst met Fedasil\nAntwoord 1. niets over het onderwerp",
             "Titel\nVraag 1. iets anders\nAntwoord 1. de samenwerkingsovereenkomst met Fedasil wordt geëvalueerd",
             "Titel\nVraag 1. fietspaden\nAntwoord 1. fietspaden worden aangelegd"]
    index = FieldedLexicalIndex.build(texts)
    scores = index.scores("samenwerkingsovereenkomst Fedasil")
    assert scores[0] > scores[1] > scores[2] == 0
    assert np.isclose(scores[0], 1.0) and np.isclose(scores[1], ANSWER_WEIGHT)


def test_unknown_words_score_nothing():
    index = FieldedLexicalIndex.build(["Vraag 1. opvang", "Vraag 1. werk"])
    assert not index.scores("zonnepanelen").any()


def test_a_whole_corpus_is_tokenised_as_each_text_alone():
    from bot.retrieval.lexical import tokenize_many

    texts = ["Hoeveel asielzoekers zijn geïdentificeerd?", "", "De werkloosheid van de jongeren in België", "123 ab"]
    for stop in (True, False):
        assert tokenize_many(texts, stop=stop) == [tokenize(t, stop=stop) for t in texts]
