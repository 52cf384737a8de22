"""Helpers of the reliability battery: the CLI run in-process (cheap) or as a process with a memory ceiling."""

from __future__ import annotations

import io
import resource
import subprocess
import sys
from dataclasses import dataclass

import pytest

from tests.conftest import ROOT


@dataclass
class Result:
    code: int
    out: str
    err: str

    def one_error_line(self) -> str:
        """The single `error:` line a bad input must give (and the exit code 2)."""
        assert self.code == 2, (self.code, self.err)
        assert "Traceback" not in self.err
        lines = self.err.splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: "), self.err
        return lines[0]


class ModelLoaded(AssertionError):
    """Raised instead of loading the embedding model: argument checks must come first."""


@pytest.fixture
def cli(capsys, monkeypatch, env, tmp_path):
    """cli(*args, stdin=b"…"): `python -m bot …` in this process, with an empty data dir and no embedding model."""
    import bot.retrieval.embeddings
    from bot.cli import main

    def refuse_model(*args, **kwargs):
        raise ModelLoaded("the embedding model was loaded before the arguments were checked")

    monkeypatch.setattr(bot.retrieval.embeddings, "get_embedder", refuse_model)
    env(PQ_DATA_DIR=str(tmp_path / "data"), PQ_CHROMA_URL=None)

    def run(*args: str, stdin: bytes = b"") -> Result:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
        capsys.readouterr()
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse refuses arguments by exiting
            code = exc.code
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


MEMORY_CEILING = 1536 * 1024 * 1024  # address space; the CLI needs ~0.3 GB of it for a bad input


def run_process(*args: str, stdin=None, timeout: float = 120) -> Result:
    """`python -m bot …` as its own process under a memory ceiling: an unbounded read dies of
    MemoryError (a traceback, exit 1) in seconds instead of growing until the kernel kills it."""

    def ceiling():
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CEILING, MEMORY_CEILING))

    done = subprocess.run([sys.executable, "-m", "bot", *args], cwd=ROOT, stdin=stdin, capture_output=True,
                          timeout=timeout, preexec_fn=ceiling)
    return Result(done.returncode, done.stdout.decode(errors="replace"), done.stderr.decode(errors="replace"))
