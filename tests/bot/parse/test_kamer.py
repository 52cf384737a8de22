"""Federal Chamber rows, on real rows of the 2017 and 2020 sets."""

import json
import re

from bot.parse.corpus import corpus_dir, get_source
from bot.parse.kamer import parse_qrva_2017
from bot.parse.model import DocumentStatus


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_inline_subquestions_and_answers(qrva_rows):
    row = qrva_rows["184501"]
    doc = parse_qrva_2017(row)
    assert doc.id == "184501"
    assert doc.title == "Lijn Brussel-Luxemburg - Technisch incident"
    assert doc.mp.name == "Emmanuel Burton" and doc.mp.party == "MR"
    assert doc.date.isoformat() == "2017-01-04"
    assert doc.addressee == row["answer_department"]
    assert [s.number for s in doc.subquestions] == [1, 2, 3]
    # "…hoe?2. Zou er…": each text is the raw text between the labels.
    raw = squash(row["question"])
    for sub in doc.subquestions:
        assert sub.text in raw
    assert doc.subquestions[0].text.startswith("Wat was de precieze oorzaak")
    assert doc.subquestions[1].text.startswith("Zou er voor dergelijke situaties")
    assert doc.introduction.startswith("Op maandag 19 december 2016")
    assert [p.numbers for p in doc.answer_parts] == [[1], [2], [3]]
    assert doc.answer_parts[0].text == "De noodrem werd geactiveerd; het ging om kwaad opzet."


def test_lettered_parts_stay_inside_their_number(qrva_rows):
    candidates = [r for r in qrva_rows.values() if re.search(r"\?2\. a\)", r["question"])]
    assert candidates, "the 2017 set has inline '2. a)' questions"
    doc = parse_qrva_2017(candidates[0])
    second = next(s for s in doc.subquestions if s.number == 2)
    assert second.text.startswith("a)")
    assert "b)" in second.text


def test_grouped_answer_labels(qrva_rows):
    doc = parse_qrva_2017(qrva_rows["185391"])  # answer "1. en 3. … 2. … 4. …"
    assert [p.numbers for p in doc.answer_parts] == [[1, 3], [2], [4]]
    assert doc.covered_numbers() == {1, 2, 3, 4}


def test_sent_directly_and_unanswered(qrva_rows):
    sent = [r for r in qrva_rows.values() if r["answer"].lower().startswith("het antwoord op deze vraag is het geachte kamerlid rechtstreeks")]
    assert sent
    assert parse_qrva_2017(sent[0]).status is DocumentStatus.SENT_DIRECTLY
    empty = next(r for r in qrva_rows.values() if not r["answer"].strip())
    doc = parse_qrva_2017(empty)
    assert doc.status is DocumentStatus.UNANSWERED and doc.answer_parts == []


def test_amounts_do_not_split_answers(qrva_rows):
    doc = parse_qrva_2017(qrva_rows["189269"])  # "bedragen 1. 841.075 euro" inside part 5
    assert [p.numbers for p in doc.answer_parts] == [[1], [2], [3], [4], [5]]
    assert "1. 841.075 euro" in doc.answer_parts[4].text


def test_2020_questions_use_their_uri():
    doc = next(iter(get_source("dekamer-questions-2020").documents()))
    assert doc.id.startswith("http://data.dekamer.be/v0/qrva/")
    assert doc.session == "2020-2021"
    assert doc.status is DocumentStatus.UNANSWERED


def test_manifest_counts_match_the_files():
    manifest = json.loads((corpus_dir() / "manifest.json").read_text(encoding="utf-8"))["sources"]
    for entry in manifest:
        folder = corpus_dir() / entry["name"]
        assert (folder / "SOURCE.md").is_file(), entry["name"]
        docs = list(get_source(entry["name"]).documents())
        assert len(docs) == entry["documents"], entry["name"]
        answered = sum(d.status in (DocumentStatus.ANSWERED, DocumentStatus.SENT_DIRECTLY) for d in docs)
        assert answered == entry["answered"], entry["name"]
