"""Search units follow a question's structure: one per sub-question, one for the document."""

from bot.parse.files import parse_path
from bot.retrieval.units import DENSE_CHARS_SUBQUESTION, document_chunks
from tests.conftest import SEED


def test_one_unit_per_subquestion_and_one_for_the_document():
    doc = parse_path(SEED)
    units = document_chunks(doc, "vlaams-parlement")
    assert [u.unit for u in units] == ["doc"] + [f"q{n}" for n in range(1, 9)]
    assert units[0].numbers == tuple(range(1, 9))
    assert all(u.doc_id == doc.id and u.mp == "Ilse Malfroot" for u in units)
    q2 = units[2]
    assert q2.numbers == (2,) and "Vraag 2." in q2.text and "Antwoord 2-3." in q2.text


def test_the_dense_text_is_the_question_side_cut_at_a_word():
    doc = parse_path(SEED)
    for sub, unit in zip(doc.subquestions, document_chunks(doc, "vlaams-parlement")[1:], strict=True):
        assert len(unit.dense_text) <= DENSE_CHARS_SUBQUESTION
        assert unit.dense_text.startswith(f"{doc.title}. ")
        assert sub.text.startswith(unit.dense_text[len(doc.title) + 2:])  # no answer text, cut at a word


def test_a_metadata_change_changes_the_content_hash_and_the_chroma_metadata():
    doc = parse_path(SEED)
    before = document_chunks(doc, "vlaams-parlement")[1]
    after = document_chunks(doc.model_copy(update={"title": doc.title + " (herzien)"}), "vlaams-parlement")[1]
    assert before.content_hash != after.content_hash
    meta = before.chroma_metadata()
    assert meta["date_int"] == 20240202 and meta["answered"] is True and meta["numbers"] == "1"


def test_copies_that_differ_only_in_spaces_and_punctuation_are_one_question():
    from bot.parse.kamer import parse_questions_2020
    from bot.retrieval.units import sibling_key

    # Two records of the 2020 extract hold the same question, one without the space after each full stop.
    text = ("Om te peilen naar de tevredenheid van de treinreizigers worden er criteria gehanteerd. Het blijkt dat de "
            "stiptheid steeg. 1. Welke maatregelen neemt de NMBS? 2. Hoeveel klachten waren er in 2019?")
    one = parse_questions_2020({"doc_id": "http://data.dekamer.be/v0/qrva/55-B029-9-0556-2019202004542", "text_nl": text})
    other = parse_questions_2020({"doc_id": "http://data.dekamer.be/v0/qrva/55-B031-4-0050-2020202105716",
                                  "text_nl": text.replace("gehanteerd. Het", "gehanteerd.Het").replace("?  2.", "? 2.")})
    changed = parse_questions_2020({"doc_id": "http://data.dekamer.be/v0/qrva/55-B031-4-0051-2020202105717",
                                    "text_nl": text.replace("in 2019", "in 2020")})
    assert sibling_key(one) == sibling_key(other)
    assert sibling_key(changed) != sibling_key(one)
