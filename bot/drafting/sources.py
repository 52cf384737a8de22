"""The sources of one draft (or one ask answer): citations numbered [1], [2], … in order of first use,
each source listed once, and the annex tables numbered likewise."""

from __future__ import annotations

import re

from bot.drafting.model import Annex, Citation, Draft


class Sources:
    def __init__(self) -> None:
        self.citations: list[Citation] = []
        self.annexes: list[Annex] = []
        # The next numbers to give out (a revised draft never reuses a number a removed source had).
        self.next_citation = 1
        self.next_annex = 1

    def cite(self, **fields) -> Citation:
        """The citation for a source, numbered on first use; the same source again gets the same number."""
        key = (fields["kind"], fields["id"], fields.get("passage", ""))
        for existing in self.citations:
            if (existing.kind, existing.id, existing.passage) == key:
                return existing
        citation = Citation(n=self.next_citation, **fields)
        self.next_citation += 1
        self.citations.append(citation)
        return citation

    def annex(self, title: str, columns: list[str], rows: list[list], note: str, synthetic: bool, value_column: int = -1) -> Annex:
        annex = Annex(number=self.next_annex, title=title, columns=columns, rows=rows, note=note, synthetic=synthetic,
                      value_column=value_column)
        self.next_annex += 1
        self.annexes.append(annex)
        return annex


_MARKER = re.compile(r"\[(\d+)\]")
_ANNEX_MENTION = re.compile(r"\b([Bb]ijlage) (\d+)\b")


def in_reading_order(draft: Draft) -> Draft:
    """A copy of the draft whose sources are numbered [1], [2], … and annexes 1, 2, … in the order the
    reader meets them.

    While the desk works, a revised draft keeps every number it gave out (the other parts' markers must
    not move under their eyes), so after a few refinements the list can read [1], [5]. What leaves the
    building is numbered without gaps: markers in the text, citations, figures and annexes alike.
    """
    copy = draft.model_copy(deep=True)
    known = {c.n for c in copy.sources}
    seen: list[int] = [int(m) for p in copy.parts for m in _MARKER.findall(p.text) if int(m) in known]
    order = list(dict.fromkeys([*seen, *(c.n for c in copy.sources)]))
    cite = {old: new for new, old in enumerate(order, 1)}
    annex_known = {a.number for a in copy.annexes}
    mentioned = [int(n) for p in copy.parts for _, n in _ANNEX_MENTION.findall(p.text) if int(n) in annex_known]
    annex = {old: new for new, old in enumerate(dict.fromkeys([*mentioned, *(a.number for a in copy.annexes)]), 1)}
    if all(old == new for old, new in cite.items()) and all(old == new for old, new in annex.items()):
        return copy

    def marker(match: re.Match) -> str:
        n = int(match.group(1))
        return f"[{cite[n]}]" if n in cite else match.group(0)

    def mention(match: re.Match) -> str:
        n = int(match.group(2))
        return f"{match.group(1)} {annex[n]}" if n in annex else match.group(0)

    for part in copy.parts:
        # One pass per kind of number, so that [5]→[2] is never taken for [2]→[1] afterwards.
        part.text = _ANNEX_MENTION.sub(mention, _MARKER.sub(marker, part.text))
        # New objects throughout: a part's citation may be the very object in the draft's list.
        part.citations = [c.model_copy(update={"n": cite.get(c.n, c.n)}) for c in part.citations]
        part.figures = [f if f.citation is None else f.model_copy(update={"citation": cite.get(f.citation, f.citation)})
                        for f in part.figures]
        part.annexes = [annex.get(n, n) for n in part.annexes]
    copy.sources = sorted((c.model_copy(update={"n": cite[c.n]}) for c in copy.sources), key=lambda c: c.n)
    copy.annexes = sorted((a.model_copy(update={"number": annex[a.number]}) for a in copy.annexes), key=lambda a: a.number)
    return copy
