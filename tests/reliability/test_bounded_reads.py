"""Reads are bounded: an endless device, an endless pipe or a huge file costs at most the limit + 1 byte.

Each command runs as its own process under a 1.5 GB address-space ceiling, so an unbounded read
fails in seconds (MemoryError) rather than eating the machine's memory.
"""

import os

import pytest

from tests.reliability.conftest import run_process


@pytest.mark.parametrize(
    "args, message",
    [
        (["parse", "/dev/zero"], "larger than 20 MB"),
        (["draft", "/dev/zero"], "larger than 20 MB"),
        (["search", "--queries", "/dev/zero"], "larger than 10 MB"),
        (["ask", "hoeveel werkzoekenden?", "--state", "/dev/zero"], "not a regular file"),
    ],
    ids=["parse", "draft", "search-queries", "ask-state"],
)
def test_an_endless_file_is_refused_after_the_limit(args, message):
    assert message in run_process(*args).one_error_line()


def test_an_endless_stdin_is_refused_after_the_limit():
    with open("/dev/zero", "rb") as endless:
        assert "larger than 20 MB" in run_process("parse", "-", stdin=endless).one_error_line()


def test_an_endless_queries_stdin_is_refused_after_the_limit():
    with open("/dev/zero", "rb") as endless:
        assert "larger than 10 MB" in run_process("search", "--queries", "-", stdin=endless).one_error_line()


def test_a_huge_file_is_refused_without_reading_it(tmp_path):
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as handle:
        handle.truncate(8 * 1024**3)  # 8 GB, sparse: nothing on disk, everything for a reader
    assert "larger than 20 MB" in run_process("parse", str(huge)).one_error_line()
    assert os.path.getsize(huge) == 8 * 1024**3
