"""Bad input through the command line: one `error:` line, exit code 2, nothing else touched.

Commands that open the precedent index are checked with the embedding model made unloadable:
their arguments must be refused before it loads (it takes most of a minute on a busy machine).
"""

import json
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.bot.parse.test_files import make_pdf
from tests.conftest import SEED


def _fixed_pdf(text: str) -> bytes:
    """A PDF with a fixed creation date, so that the same bytes can be damaged the same way every run."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_creation_date(datetime(2024, 2, 2, tzinfo=UTC))
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    for line in text.splitlines():
        pdf.cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


PDF = _fixed_pdf("1. Hoeveel werkzoekenden volgden een opleiding?\n2. Per provincie?")


# --- files that are not a question: these held, and must keep holding ------------------------
@pytest.mark.parametrize(
    "name, content, message",
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"\n \t\n", "empty"),
        ("binary.bin", bytes(range(256)) * 64, "binary"),
        ("huge.txt", b"Hoeveel? " * (21 * 1024 * 1024 // 9 + 1), "larger than 20 MB"),
        ("long.txt", ("Hoeveel werkzoekenden? " * 10_000).encode(), "at most 200,000"),
        ("memo.txt", "Een mededeling zonder één vraag.".encode(), "no recognisable question"),
        ("latin.txt", "Een mededeling zonder \xe9\xe9n vraag.".encode("cp1252"), "no recognisable question"),
        ("scan.pdf", make_pdf(None), "no text layer"),
        ("broken.pdf", b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF", "cannot read the PDF"),
        ("half.pdf", PDF[: len(PDF) // 2], "cannot read the PDF"),
        ("cut.json", b'{"vraagnummer": ', "invalid JSON"),
        ("other.json", b'{"foo": 1}', "not a Flemish Parliament open-data question"),
    ],
)
@pytest.mark.parametrize("command", ["parse", "draft"])
def test_a_file_that_is_not_a_question(cli, tmp_path, command, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    assert message in cli(command, str(path)).one_error_line()
    assert path.read_bytes() == content


def test_a_missing_file_and_a_folder(cli, tmp_path):
    assert "no such file" in cli("parse", str(tmp_path / "absent.txt")).one_error_line()
    assert "is a folder" in cli("draft", str(tmp_path)).one_error_line()


def test_standard_input_that_is_not_a_question(cli):
    assert "empty" in cli("parse", "-", stdin=b"").one_error_line()
    assert "binary" in cli("draft", "-", stdin=b"\x00\x00\x00 nul").one_error_line()


# --- open-data JSON with fields of the wrong type ---------------------------------------------
@pytest.mark.parametrize(
    "payload, field",
    [
        ({"titel": "x", "thema": 5}, "thema"),
        ({"titel": "x", "thema": [1, 2]}, "thema"),
        ({"titel": 5}, "titel"),
        ({"titel": "x", "vraagnummer": [216]}, "vraagnummer"),
        ({"titel": "x", "vraagnummer": True}, "vraagnummer"),
        ({"titel": "x", "zittingsjaar": 2023}, "zittingsjaar"),
        ({"titel": "x", "vraagsteller": "Ilse Malfroot"}, "vraagsteller"),
        ({"titel": "x", "vraagsteller": {"voornaam": ["Ilse"], "naam": "Malfroot"}}, "voornaam"),
        ({"titel": "x", "vraagsteller": {"naam": "Malfroot", "fractie": 7}}, "fractie"),
        ({"titel": "x", "minister": ["Jo", "Brouns"]}, "minister"),
        ({"titel": "x", "bestand-ordered": {"URL": "https://example.org"}}, "bestand-ordered"),
        ({"titel": "x", "bestand-ordered": [{"URL": 5}]}, "URL"),
        ({"titel": "x", "soort-antwoord": {"schriftelijk": True}}, "soort-antwoord"),
        ({"titel": "x", "id": {"nr": 1}}, "id"),
    ],
)
def test_open_data_json_with_a_field_of_the_wrong_type(cli, tmp_path, payload, field):
    path = tmp_path / "vraag.json"
    path.write_text(json.dumps(payload), encoding="utf-8")
    line = cli("parse", str(path)).one_error_line()
    assert f"open-data field {field!r}" in line


@pytest.mark.parametrize(
    "content, message",
    [(b"[" * 100_000 + b"]" * 100_000, "invalid JSON"), (b'{"vraagnummer": ' + b"7" * 5_000 + b"}", "invalid JSON")],
    ids=["nested-100000-deep", "5000-digit-number"],
)
def test_json_that_the_decoder_cannot_hold(cli, tmp_path, content, message):
    path = tmp_path / "vraag.json"
    path.write_bytes(content)
    assert message in cli("parse", str(path)).one_error_line()


# Bytes changed in that PDF that made pypdf raise other errors than its own (NotImplementedError,
# LimitReachedError, AttributeError, DeprecationError), each found by damaging it at random.
@pytest.mark.parametrize("damage", [[(310, 79)], [(492, 82), (187, 182)], [(154, 129), (899, 47)], [(307, 41), (838, 89)]])
def test_a_damaged_pdf_is_one_error_line(cli, tmp_path, damage):
    data = bytearray(PDF)
    for position, value in damage:
        data[position] = value
    path = tmp_path / "damaged.pdf"
    path.write_bytes(bytes(data))
    assert "cannot read the PDF" in cli("parse", str(path)).one_error_line()


@settings(max_examples=100, derandomize=True, deadline=timedelta(seconds=10), suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(PDF) - 1), st.integers(0, 255)), min_size=1, max_size=12), st.booleans())
def test_a_damaged_pdf_is_read_or_refused_cleanly(damage, cut):
    from bot.parse.errors import ParseError
    from bot.parse.files import parse_bytes

    data = bytearray(PDF)
    for position, value in damage:
        data[position] = value
    if cut:
        data = data[: damage[0][0]]
    try:
        parse_bytes(bytes(data), "damaged.pdf")
    except ParseError:
        pass


# --- search --queries -------------------------------------------------------------------------
@pytest.mark.parametrize(
    "content, message",
    [
        (b"\x00\x01\x02\x03" * 100, "binary file"),
        ('{"qid": "1", "query": "opleiding"}\n'.encode("utf-16"), "binary file"),
        ('{"qid": "1", "query": "vergoeding \xe9"}\n'.encode("cp1252"), "not UTF-8"),
        (b'{"qid": "1", "query": "opleiding"}\n{"qid": "2"}\n', "line 2"),
        (b'{"qid": "1", "query": "opleiding"}\n[1, 2]\n', "line 2"),
        (b'{"qid": "1", "query": "   "}\n', "line 1: the search query is empty"),
        (b"\n\n", "holds no queries"),
    ],
    ids=["binary", "utf-16", "cp1252", "no-query", "not-an-object", "blank-query", "no-lines"],
)
def test_a_queries_file_that_is_not_queries(cli, tmp_path, content, message):
    path = tmp_path / "queries.jsonl"
    path.write_bytes(content)
    assert message in cli("search", "--queries", str(path), "--json").one_error_line()


# --- nonsense arguments, refused before any model loads ---------------------------------------
@pytest.mark.parametrize(
    "args, message",
    [
        (["--from", "2021-13"], "'2021-13' is not a period"),
        (["--from", "2021-00"], "'2021-00' is not a period"),
        (["--to", "2023-02-30"], "'2023-02-30' is not a period"),
        (["--from", "21"], "'21' is not a period"),
        (["--from", "2023", "--to", "2021"], "--from 2023 comes after --to 2021"),
        (["--from", "2022-06", "--to", "2022-05-31"], "comes after"),
        (["--suppress", "0"], "must be between 1 and 1,000,000"),
        (["--suppress", "9" * 40], "must be between 1 and 1,000,000"),
        (["--by", "jaar", "--by", "jaar"], "--by jaar is given more than once"),
    ],
)
def test_stats_refuses_nonsense(cli, args, message):
    assert message in cli("stats", "cgvs_maandcijfers", "--measure", "verzoekers", *args).one_error_line()


def test_stats_takes_a_period_within_one_month():
    from bot.cli import _check_period

    _check_period("2022-05", "2022-05-31")
    _check_period("2021", "2021")


@pytest.mark.parametrize(
    "args, message",
    [
        (["opleiding", "--from", "2030-01-01", "--to", "2001-01-01"], "--from 2030-01-01 comes after --to 2001-01-01"),
        (["opleiding", "--from", "2021-13-01"], "invalid filter date_from"),
        (["opleiding", "--source", "nosuch"],
         "unknown source 'nosuch'; choose from: vlaams-parlement, dekamer-qrva-2017, dekamer-questions-2020, kamer"),
        (["opleiding", "--source", "kamer", "--source", "Vlaams-Parlement"], "unknown source 'Vlaams-Parlement'"),
        (["opleiding", "-k", "0"], "-k must be at least 1"),
        (["opleiding", "-k", "-3"], "-k must be at least 1"),
        (["x" * 5_001], "the search query is 5,001 characters long"),
        (["   "], "the search query is empty"),
        ([], "give a QUERY or --queries"),
        (["-k", "tien", "opleiding"], "argument -k: invalid int value"),
    ],
)
def test_search_refuses_nonsense_before_the_model_loads(cli, args, message):
    assert message in cli("search", *args).one_error_line()


@pytest.mark.parametrize(
    "args, message",
    [
        (["--source", "nosuch"], "unknown corpus source 'nosuch'"),
        (["--all", "--source", "vlaams-parlement"], "give --all or --source NAME, not both"),
        (["--frobnicate"], "unrecognized arguments: --frobnicate"),
    ],
)
def test_ingest_refuses_nonsense_before_the_model_loads(cli, args, message):
    assert message in cli("ingest", *args).one_error_line()


def test_ingest_refuses_a_missing_corpus_folder_before_the_model_loads(cli, env, tmp_path):
    env(PQ_CORPUS_DIR=str(tmp_path / "no-corpus"))
    assert "is missing: expected the folder" in cli("ingest", "--source", "vlaams-parlement").one_error_line()


def test_unknown_command_is_one_line(cli):
    assert "invalid choice: 'frobnicate'" in cli("frobnicate").one_error_line()


# --- nothing from the input is ever evaluated --------------------------------------------------
def test_input_is_data_never_code(cli, tmp_path):
    canary = tmp_path / "evaluated"
    payload = f"__import__('pathlib').Path({str(canary)!r}).touch()"
    question = tmp_path / "vraag.txt"
    question.write_text(f"1. Hoeveel {payload}?\n2. {{{{ {payload} }}}}?\n", encoding="utf-8")
    assert cli("parse", str(question), "--json").code == 0
    cli("ask", f"Hoeveel werkzoekenden in {payload}?", "--json")
    cli("stats", "vdab_werkzoekenden", "--measure", payload)
    cli("stats", "vdab_werkzoekenden", "--measure", "werkzoekenden", "--where", f"provincie={payload}")
    cli("stats", "vdab_werkzoekenden", "--measure", "werkzoekenden", "--where", f"{payload}=1")
    cli("stats", payload, "--measure", "x")
    assert not canary.exists()


SAFE_YAML_LOADERS = {"SafeLoader", "yaml.SafeLoader", "yaml.CSafeLoader"}


def test_no_code_evaluates_text():
    """No call that runs text as code anywhere in the application (eval, exec, pandas query/eval, pickle, unsafe YAML)."""
    import ast

    from tests.conftest import ROOT

    forbidden_names = {"eval", "exec", "compile", "__import__"}
    forbidden_attributes = {"query", "eval", "unsafe_load", "full_load"}  # pandas query/eval parse their text as code
    # Calls of the same name that take no code: a vector query in Chroma, a query embedding.
    known_safe = {"collection.query", "self._model.query"}
    found = []
    for path in [ROOT / "app.py", *sorted((ROOT / "bot").rglob("*.py")), *sorted((ROOT / "tools").rglob("*.py"))]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            if isinstance(func, ast.Name) and func.id in forbidden_names:
                found.append(f"{path.name}:{node.lineno} {func.id}()")
            elif isinstance(func, ast.Attribute) and func.attr in forbidden_attributes and ast.unparse(func) not in known_safe:
                found.append(f"{path.name}:{node.lineno} .{func.attr}()")
            elif isinstance(func, ast.Attribute) and func.attr == "load" and getattr(func.value, "id", "") in {"pickle", "yaml", "marshal"}:
                # yaml.load with one of PyYAML's safe loaders builds no Python objects (tools/yaml_files.py).
                loader = next((ast.unparse(k.value) for k in node.keywords if k.arg == "Loader"), "")
                if not (func.value.id == "yaml" and loader in SAFE_YAML_LOADERS):
                    found.append(f"{path.name}:{node.lineno} {func.value.id}.load()")
    assert found == []


def test_the_seed_still_parses(cli):
    """The battery's counterpart: a real question is not refused."""
    result = cli("parse", str(SEED), "--json")
    assert result.code == 0 and json.loads(result.out)["id"] == "vp:2023-2024:216"


# --- second battery: pipes, odd paths, loose JSON, dates that are numbers ----------------------------
@pytest.mark.parametrize("command", [["parse"], ["draft"], ["search", "--queries"], ["chat", "--state", "STATE", "--file"]])
def test_a_named_pipe_without_a_writer_reads_as_empty_instead_of_waiting(cli, tmp_path, command):
    pipe = tmp_path / "vraag.fifo"
    os.mkfifo(pipe)
    args = [str(tmp_path / "chat.json") if a == "STATE" else a for a in command]
    message = cli(*args, str(pipe)).one_error_line()
    assert "is empty" in message or "holds no queries" in message


def test_a_named_pipe_with_a_writer_is_read(cli, tmp_path):
    import threading

    pipe = tmp_path / "vraag.fifo"
    os.mkfifo(pipe)

    def write():
        with pipe.open("w", encoding="utf-8") as handle:  # blocks until the reader opens
            handle.write("1. Hoeveel werkzoekenden waren er eind 2023?\n")

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    import time

    time.sleep(0.2)  # the writer is waiting on its open
    result = cli("parse", str(pipe))
    writer.join(5)
    assert result.code == 0 and "Hoeveel werkzoekenden waren er eind 2023?" in result.out


def test_a_path_with_a_line_break_still_gives_one_line(cli, tmp_path):
    assert "no such file" in cli("parse", str(tmp_path / "geen\nbestand.txt")).one_error_line()


def test_a_state_file_that_links_to_itself(cli, tmp_path):
    (tmp_path / "a.json").symlink_to(tmp_path / "b.json")
    (tmp_path / "b.json").symlink_to(tmp_path / "a.json")
    assert "leads back to itself" in cli("ask", "Hoeveel werkzoekenden?", "--state", str(tmp_path / "a.json")).one_error_line()


def test_a_data_folder_that_is_a_file(cli, env, tmp_path):
    not_a_folder = tmp_path / "data.txt"
    not_a_folder.write_text("x", encoding="utf-8")
    env(PQ_DATA_DIR=str(not_a_folder))
    assert "is a file, not a folder" in cli("search", "opleiding").one_error_line()
    assert not_a_folder.read_text(encoding="utf-8") == "x"


@pytest.mark.parametrize("value", ["1704067200", "86400", "2024/01/01"])
def test_search_dates_are_dates_not_timestamps(cli, value):
    assert f"--from '{value}' is not a date" in cli("search", "opleiding", "--from", value).one_error_line()


@pytest.mark.parametrize("line", ['{"qid": null, "query": "opleiding"}', '{"qid": "1", "query": {"tekst": "opleiding"}}',
                                  '{"qid": true, "query": "opleiding"}', '{"qid": "1", "query": ["opleiding"]}'])
def test_a_queries_line_with_values_that_are_not_text(cli, tmp_path, line):
    path = tmp_path / "queries.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    assert "line 1: expected a JSON object" in cli("search", "--queries", str(path)).one_error_line()


def test_an_unpaired_surrogate_in_open_data_is_read_as_a_replacement_character(cli, tmp_path):
    path = tmp_path / "vraag.json"
    path.write_text('{"titel": "Tewerkstelling \\ud800 asielzoekers", "thema": "Werk"}', encoding="utf-8")
    result = cli("parse", str(path))
    assert result.code == 0 and "Tewerkstelling \ufffd asielzoekers" in result.out


def test_a_title_right_above_the_numbered_parts_does_not_merge_them(cli, tmp_path):
    path = tmp_path / "vraag.txt"
    path.write_text("Schriftelijke vraag\n" + "".join(f"{n}. Hoeveel werkzoekenden waren er in deel {n}?\n" for n in range(1, 102)),
                    encoding="utf-8")
    assert "101 numbered sub-questions" in cli("draft", str(path)).one_error_line()  # not one merged "part"
    from bot.parse.files import parse_text

    doc = parse_text("Vraag over werk\n1. Hoeveel werkzoekenden waren er eind 2023?\n2. Hoeveel vonden werk in 2023?")
    assert doc.title == "Vraag over werk" and [s.text for s in doc.subquestions] == [
        "Hoeveel werkzoekenden waren er eind 2023?", "Hoeveel vonden werk in 2023?"]


def test_control_characters_of_a_pasted_text_do_not_reach_the_terminal(cli, tmp_path):
    path = tmp_path / "vraag.txt"
    path.write_text("1. Hoeveel\x1b[31m asielzoekers\a werken\u202e er?\n2. Wat doet VDAB?\n", encoding="utf-8")
    result = cli("parse", str(path))
    assert result.code == 0 and "Hoeveel\ufffd[31m asielzoekers\ufffd werken\ufffd er?" in result.out
    assert not set(result.out) & {"\x1b", "\a", "\u202e"}


def test_the_chat_refuses_binary_standard_input(cli):
    assert "standard input is binary" in cli("chat", "-", stdin=b"hallo\x00\x00 wereld\x00").one_error_line()


def test_the_chat_needs_a_writable_export_folder_only_to_export(cli, tmp_path, monkeypatch):
    import bot.cli

    out = tmp_path / "alleen-lezen"
    out.mkdir()
    real_access = os.access
    monkeypatch.setattr(bot.cli.os, "access",
                        lambda path, mode: False if Path(path) == out and mode & os.W_OK else real_access(path, mode))
    state = str(tmp_path / "gesprek.json")
    help_turn = cli("chat", "wat kan je?", "--state", state, "--out", str(out))
    assert help_turn.code == 0, help_turn.err
    assert cli("chat", "1. Hoeveel werkzoekenden waren er eind 2023?", "--state", state, "--out", str(out)).code == 0
    assert "not writable" in cli("chat", "maak er een Word-bestand van", "--state", state, "--out", str(out)).one_error_line()
    assert not list(out.iterdir())
