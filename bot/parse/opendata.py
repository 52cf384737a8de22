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


def _full_name(person: Any) -> str | None:
    if not isinstance(person, dict):
        return None
    name = squash(f"{person.get('voornaam', '')} {person.get('naam', '')}")
    return name or None


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


def parse_opendata(data: Any) -> Document:
    if not isinstance(data, dict) or "vraagnummer" not in data and "titel" not in data:
        raise ParseError("not a Flemish Parliament open-data question (no 'vraagnummer' or 'titel')")
    warnings: list[str] = []
    try:
        number = int(str(data.get("vraagnummer")).strip()) if data.get("vraagnummer") is not None else None
    except ValueError:
        number = None
        warnings.append(f"vraagnummer is not a number: {data.get('vraagnummer')!r}")
    session = data.get("zittingsjaar") or None
    asked = _first_date(data.get("procedureverloop"))
    if session is None and asked is not None:
        session = flemish_session(asked)
    themes = data.get("thema") or []
    if isinstance(themes, str):
        themes = [themes]
    answer_kind = str(data.get("soort-antwoord") or "").strip()
    status = DocumentStatus.ANSWERED if answer_kind else DocumentStatus.UNANSWERED
    files = [f.get("URL") for f in data.get("bestand-ordered") or [] if isinstance(f, dict) and f.get("URL")]
    mp = _full_name(data.get("vraagsteller"))
    party = (data.get("vraagsteller") or {}).get("fractie") if isinstance(data.get("vraagsteller"), dict) else None
    if isinstance(party, dict):
        party = party.get("naam")
    if number is None or session is None:
        warnings.append("number or session missing: the id falls back to the open-data id")
    doc_id = f"vp:{session}:{number}" if number is not None and session else f"vp-opendata:{data.get('id')}"
    warnings.append("open-data metadata only: the question text is in the linked PDF")
    return Document(
        source=Source.VLAAMS_PARLEMENT,
        id=doc_id,
        number=number,
        session=session,
        date=asked,
        mp=Person(name=mp, party=party) if mp else None,
        addressee=_full_name(data.get("minister")),
        title=squash(str(data.get("titel") or data.get("onderwerp") or "")),
        themes=[squash(str(t)) for t in themes if str(t).strip()],
        subquestions=[],
        numbered=False,
        status=status,
        url=files[0] if files else None,
        warnings=warnings,
    )
