"""Parse the Flemish Parliament's open-data detail JSON for a written question.

Format of `https://ws.vlpar.be/e/opendata/schv/{id}` (see corpus/vlaams-parlement/SOURCE.md):
id, vraagnummer, titel, onderwerp, zittingsjaar, thema[], vraagsteller{voornaam, naam},
minister{voornaam, naam}, soort-antwoord, procedureverloop, bestand-ordered[{URL}].
The detail carries metadata only; the question and answer text are in the linked PDF, which
`parse_pdf` reads. Our machines cannot reach the service, so this is tested on fixtures.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from bot.parse.errors import ParseError
from bot.parse.model import Document, DocumentStatus, Person, Source
from bot.parse.text import flemish_session
from tools.text import squash

_TYPE_NAMES = {str: "text", int: "a whole number", float: "a decimal number", bool: "true/false", list: "a list", dict: "an object"}


def _field(data: dict, name: str, *kinds: type, what: str) -> Any:
    """The field if it is absent, null or of one of `kinds`; any other type means this is not the
    open-data format (a number where a list of themes belongs), which is one clear error."""
    value = data.get(name)
    if value is None or (isinstance(value, kinds) and not (isinstance(value, bool) and bool not in kinds)):
        return value
    found = _TYPE_NAMES.get(type(value), type(value).__name__)
    raise ParseError(f"open-data field {name!r} should be {what}, not {found}")


def _full_name(person: dict | None, field: str) -> str | None:
    if person is None:
        return None
    first = _field(person, "voornaam", str, what=f"text (in {field!r})") or ""
    last = _field(person, "naam", str, what=f"text (in {field!r})") or ""
    return squash(f"{first} {last}") or None


def _first_date(value: Any) -> dt.date | None:
    """The earliest ISO date found anywhere in the procedure history."""
    found = re.findall(r"\d{4}-\d{2}-\d{2}", str(value or ""))
    dates = []
    for item in found:
        try:
            dates.append(dt.date.fromisoformat(item))
        except ValueError:
            continue
    return min(dates) if dates else None


def _themes(data: dict) -> list[str]:
    themes = _field(data, "thema", list, str, what="a list of themes") or []
    if isinstance(themes, str):
        themes = [themes]
    if not all(isinstance(t, str) for t in themes):
        raise ParseError("open-data field 'thema' should be a list of themes (texts)")
    return [squash(t) for t in themes if t.strip()]


def _file_urls(data: dict) -> list[str]:
    files = _field(data, "bestand-ordered", list, what="a list of files") or []
    urls = []
    for entry in files:
        url = _field(entry, "URL", str, what="text") if isinstance(entry, dict) else None
        if url:
            urls.append(url)
    return urls


def _party(asker: dict | None) -> str | None:
    party = _field(asker, "fractie", str, dict, what="a party") if asker else None
    if isinstance(party, dict):
        party = _field(party, "naam", str, what="text (the party's name)")
    return party


def parse_opendata(data: Any) -> Document:
    """A Document from the open-data detail. A field of the wrong type is an error, not a guess."""
    if not isinstance(data, dict) or "vraagnummer" not in data and "titel" not in data:
        raise ParseError("not a Flemish Parliament open-data question (no 'vraagnummer' or 'titel')")
    warnings: list[str] = []
    raw_number = _field(data, "vraagnummer", str, int, what="a whole number")
    number = None
    if raw_number is not None:
        try:
            number = int(str(raw_number).strip())
        except ValueError:
            warnings.append(f"vraagnummer is not a number: {raw_number[:40]!r}")
    session = _field(data, "zittingsjaar", str, what="a session like '2023-2024'") or None
    asked = _first_date(data.get("procedureverloop"))
    if session is None and asked is not None:
        session = flemish_session(asked)
    themes = _themes(data)
    answer_kind = (_field(data, "soort-antwoord", str, what="text") or "").strip()
    status = DocumentStatus.ANSWERED if answer_kind else DocumentStatus.UNANSWERED
    files = _file_urls(data)
    asker = _field(data, "vraagsteller", dict, what="an object (the MP)")
    mp = _full_name(asker, "vraagsteller")
    party = _party(asker)
    minister = _full_name(_field(data, "minister", dict, what="an object (the minister)"), "minister")
    title = _field(data, "titel", str, what="text") or _field(data, "onderwerp", str, what="text") or ""
    open_data_id = _field(data, "id", str, int, what="an id")
    if number is None or session is None:
        warnings.append("number or session missing: the id falls back to the open-data id")
    doc_id = f"vp:{session}:{number}" if number is not None and session else f"vp-opendata:{open_data_id}"
    warnings.append("open-data metadata only: the question text is in the linked PDF")
    return Document(
        source=Source.VLAAMS_PARLEMENT,
        id=doc_id,
        number=number,
        session=session,
        date=asked,
        mp=Person(name=mp, party=party) if mp else None,
        addressee=minister,
        title=squash(title),
        themes=themes,
        subquestions=[],
        numbered=False,
        status=status,
        url=files[0] if files else None,
        warnings=warnings,
    )
