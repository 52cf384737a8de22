"""The sources of one draft (or one ask answer): citations numbered [1], [2], … in order of first use,
each source listed once, and the annex tables numbered likewise."""

from __future__ import annotations

from bot.drafting.model import Annex, Citation


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
