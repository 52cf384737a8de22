"""`ask --state FILE`: the conversation file is ours or it is left alone; a write is all or nothing."""

import json
import shutil

import pytest

from tests.conftest import FIXTURES

QUESTION = "Hoeveel werkzoekenden waren er in 2023 per provincie?"


def test_an_open_data_question_file_is_refused_and_left_unchanged(cli, tmp_path):
    question = tmp_path / "vraag.json"
    shutil.copy(FIXTURES / "vlpar-opendata-schv.json", question)
    before = question.read_bytes()
    line = cli("ask", QUESTION, "--state", str(question)).one_error_line()
    assert "not a conversation state" in line and "left unchanged" in line
    assert question.read_bytes() == before


@pytest.mark.parametrize(
    "content",
    [b'{"a": 1}', b"{}", b"[1, 2, 3]", b'"text"', b"\x00\x01\x02\xff binary", b"plain notes\n", b"", b"\xef\xbb\xbf{\"x\": 2}",
     b'{"type": "something-else", "version": 1, "state": {}}'],
    ids=["other-json", "empty-object", "json-list", "json-string", "binary", "text", "empty-file", "bom-json", "other-type"],
)
def test_any_other_file_is_refused_and_left_unchanged(cli, tmp_path, content):
    path = tmp_path / "notes.json"
    path.write_bytes(content)
    line = cli("ask", QUESTION, "--state", str(path)).one_error_line()
    assert "not a conversation state" in line
    assert path.read_bytes() == content
    assert [p.name for p in tmp_path.iterdir() if p.name != "data"] == ["notes.json"]  # nothing written beside it


def test_a_folder_is_a_clear_error(cli, tmp_path):
    folder = tmp_path / "conversations"
    folder.mkdir()
    line = cli("ask", QUESTION, "--state", str(folder)).one_error_line()
    assert "is a folder" in line
    assert list(folder.iterdir()) == []


def test_a_missing_folder_is_a_clear_error_and_is_not_created(cli, tmp_path):
    target = tmp_path / "nowhere" / "state.json"
    line = cli("ask", QUESTION, "--state", str(target)).one_error_line()
    assert "does not exist" in line and str(tmp_path / "nowhere") in line
    assert not (tmp_path / "nowhere").exists()


def test_a_state_file_carries_its_type_and_version_and_a_follow_up_reads_it(cli, tmp_path):
    path = tmp_path / "gesprek.json"
    first = cli("ask", QUESTION, "--state", str(path), "--json")
    assert first.code == 0, first.err
    written = json.loads(path.read_text(encoding="utf-8"))
    assert (written["type"], written["version"]) == ("pq-conversation", 1)
    assert written["state"]["turns"] == [QUESTION]
    follow_up = cli("ask", "alleen Limburg", "--state", str(path), "--json")
    assert follow_up.code == 0, follow_up.err
    answer = json.loads(follow_up.out)
    assert answer["follow_up"] and answer["reading"]["filters"] == {"provincie": ["Limburg"]} and len(answer["rows"]) == 1
    assert json.loads(path.read_text(encoding="utf-8"))["state"]["turns"] == [QUESTION, "alleen Limburg"]


def test_a_state_written_before_the_envelope_is_still_read(cli, tmp_path):
    path = tmp_path / "old.json"
    path.write_text(json.dumps({"query": None, "where": {}, "turns": []}), encoding="utf-8")
    result = cli("ask", QUESTION, "--state", str(path))
    assert result.code == 0, result.err
    assert json.loads(path.read_text(encoding="utf-8"))["type"] == "pq-conversation"


def test_a_failed_write_keeps_the_previous_state_whole(cli, tmp_path, monkeypatch):
    path = tmp_path / "gesprek.json"
    assert cli("ask", QUESTION, "--state", str(path)).code == 0
    before = path.read_bytes()

    def disk_full(obj, handle, **kwargs):
        handle.write('{"type": "pq-conversation", "vers')  # half a file, then the disk is full
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(json, "dump", disk_full)
    line = cli("ask", "alleen Limburg", "--state", str(path)).one_error_line()
    assert "No space left on device" in line
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name != "data"] == ["gesprek.json"]  # no temporary file left


def test_a_read_only_state_file_is_left_unchanged(cli, tmp_path):
    path = tmp_path / "gesprek.json"
    assert cli("ask", QUESTION, "--state", str(path)).code == 0
    path.chmod(0o444)
    before = path.read_bytes()
    assert "is read-only; it is left unchanged" in cli("ask", "alleen Limburg", "--state", str(path)).one_error_line()
    assert path.read_bytes() == before


def test_a_state_envelope_without_a_state_says_it_cannot_be_read(cli, tmp_path):
    path = tmp_path / "gesprek.json"
    path.write_text('{"type": "pq-chat-conversation", "version": 1, "state": null}', encoding="utf-8")
    message = cli("chat", "schrap deel 2", "--state", str(path)).one_error_line()
    assert "this version cannot read" in message and "another version" not in message
