"""The command line as a user meets it: JSON contracts, one-line errors, corpus stats."""

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT, SEED


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bot", *args], cwd=ROOT, input=stdin, capture_output=True, timeout=300)


def test_parse_json_contract():
    result = run("parse", str(SEED), "--json")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["number"] == 216 and doc["date"] == "2024-02-02"
    assert doc["subquestions"][0]["number"] == 1
    assert [p["numbers"] for p in doc["answer_parts"]] == [[1, 4, 5, 6], [2, 3], [3], [7], [8]]
    assert doc["mp"]["name"] == "Ilse Malfroot" and doc["addressee"] == "Jo Brouns"


def test_parse_from_stdin():
    result = run("parse", "-", "--json", stdin=SEED.read_bytes())
    assert result.returncode == 0
    assert json.loads(result.stdout)["id"] == "vp:2023-2024:216"


@pytest.mark.parametrize(
    "name, content",
    [
        ("empty.txt", b""),
        ("binary.bin", bytes(range(256)) * 4),
        ("memo.txt", b"Een mededeling zonder enige vraag."),
        ("scan.pdf", None),
        ("missing.txt", "MISSING"),
    ],
)
def test_bad_input_is_one_line_and_non_zero(tmp_path, name, content):
    path = tmp_path / name
    if content is None:
        from tests.bot.parse.test_files import make_pdf

        path.write_bytes(make_pdf(None))
    elif content != "MISSING":
        path.write_bytes(content)
    result = run("parse", str(path))
    assert result.returncode == 2
    err = result.stderr.decode()
    assert err.startswith("error: ") and err.count("\n") == 1, err
    assert "Traceback" not in err


@pytest.mark.parametrize("command", [["--help"], ["parse", "--help"], ["corpus", "--help"], ["corpus", "stats", "--help"]])
def test_help_everywhere(command):
    result = run(*command)
    assert result.returncode == 0 and b"usage:" in result.stdout


def test_corpus_stats_meet_the_parse_targets():
    result = run("corpus", "stats", "--json")
    assert result.returncode == 0, result.stderr
    stats = json.loads(result.stdout)
    federal = stats["dekamer-qrva-2017"]
    assert federal["documents"] == 3811 and federal["answered"] == 3483
    assert federal["numbering_ok_share"] >= 0.95
    assert federal["answer_mapped_share"] >= 0.90
    assert stats["dekamer-questions-2020"]["documents"] == 6059
    assert stats["vlaams-parlement"]["answer_mapped"] == 1


def test_unknown_source_is_a_clear_error():
    result = run("corpus", "stats", "--source", "nope")
    assert result.returncode == 2
    assert b"unknown corpus source 'nope'" in result.stderr
