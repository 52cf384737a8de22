"""Read any supported file into a Document: plain text, PDF, or open-data JSON."""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path
from typing import BinaryIO

from bot.parse.errors import ParseError
from bot.parse.flemish import parse_question_text
from bot.parse.model import Document
from bot.parse.opendata import parse_opendata

# A written question is a few pages; anything far larger is not one.
MAX_BYTES = 20 * 1024 * 1024
MAX_TEXT_CHARS = 200_000
# The corpus's longest question has 20 sub-questions. Every part is drafted on its own (a
# search and a reading each), so thousands of pasted "parts" would hold an app worker for minutes.
MAX_PARTS = 100


def read_bounded(stream: BinaryIO, limit: int = MAX_BYTES) -> bytes:
    """At most `limit` + 1 bytes: enough to tell a too-large input without reading all of it
    (a pipe, a device like /dev/zero or a huge file would otherwise fill the memory)."""
    return stream.read(limit + 1)


def open_input(path: Path) -> BinaryIO:
    """Open a file to read. A named pipe is opened without waiting for a writer (a plain open would
    block forever when nobody writes): with no writer it reads as empty; a socket is refused."""
    try:
        mode = path.stat().st_mode
    except OSError:
        mode = 0  # opening it says what is wrong
    if stat.S_ISSOCK(mode):
        raise ParseError(f"{path} is a socket, not a file")
    if not stat.S_ISFIFO(mode):
        return path.open("rb")
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    os.set_blocking(fd, True)  # a writer that is there may take its time
    return os.fdopen(fd, "rb")


def pdf_text(data: bytes) -> str:
    """Extract the text layer of a PDF; a scanned PDF without one is an error."""
    import io

    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except Exception as exc:  # noqa: BLE001 - a damaged PDF makes pypdf raise almost anything
        raise ParseError(f"cannot read the PDF: {exc or type(exc).__name__}") from None
    text = "\n\n".join(pages)
    if not text.strip():
        raise ParseError("the PDF has no text layer (a scan?): run OCR first or paste the text")
    return text


def decode_text(data: bytes) -> str:
    if b"\x00" in data[:8192]:
        raise ParseError("this is a binary file, not a text, PDF or JSON file")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ParseError("the file is neither UTF-8 nor Windows-1252 text")


def parse_text(text: str) -> Document:
    if not text.strip():
        raise ParseError("the text is empty")
    if len(text) > MAX_TEXT_CHARS:
        raise ParseError(f"the text is {len(text):,} characters; a written question is at most {MAX_TEXT_CHARS:,}")
    doc = parse_question_text(text)
    if len(doc.subquestions) > MAX_PARTS:
        raise ParseError(f"the text has {len(doc.subquestions):,} numbered sub-questions; a written question has at most {MAX_PARTS}")
    return doc


# A "\ud800" escape without its pair decodes to a string no output can encode: read as U+FFFD instead.
_LONE_SURROGATE = re.compile(r"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})"
                             r"|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}")


def parse_bytes(data: bytes, name: str = "") -> Document:
    if not data.strip():
        raise ParseError(f"{name or 'the file'} is empty")
    if len(data) > MAX_BYTES:
        raise ParseError(f"{name or 'the file'} is larger than {MAX_BYTES // (1024 * 1024)} MB")
    suffix = Path(name).suffix.lower()
    if data[:5] == b"%PDF-" or suffix == ".pdf":
        return parse_text(pdf_text(data))
    text = decode_text(data)
    if suffix == ".json" or text.lstrip().startswith("{"):
        try:
            payload = json.loads(_LONE_SURROGATE.sub(r"\\ufffd", text))
        except json.JSONDecodeError as exc:
            raise ParseError(f"invalid JSON: {exc.msg} at line {exc.lineno}") from None
        except (ValueError, RecursionError) as exc:  # a 5,000-digit number, arrays nested 100,000 deep
            raise ParseError(f"invalid JSON: {str(exc).split(':')[0]}") from None
        return parse_opendata(payload)
    return parse_text(text)


def parse_path(path: str | Path) -> Document:
    path = Path(path)
    if not path.exists():
        raise ParseError(f"no such file: {path}")
    if path.is_dir():
        raise ParseError(f"{path} is a folder, not a file")
    too_large = ParseError(f"{path} is larger than {MAX_BYTES // (1024 * 1024)} MB")
    try:
        if path.stat().st_size > MAX_BYTES:  # a regular file: refused without reading it
            raise too_large
        with open_input(path) as handle:
            data = read_bounded(handle)  # a device or a pipe has no size to check first
    except OSError as exc:
        raise ParseError(f"cannot read {path}: {exc.strerror or exc}") from None
    if len(data) > MAX_BYTES:
        raise too_large
    return parse_bytes(data, str(path))
