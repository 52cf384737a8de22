"""The corpus of precedents: which sources exist, how to read each, and how well they parse.

Sources and their provenance are listed in corpus/manifest.json; this module only knows how
to turn each source's files into Documents.
"""

from __future__ import annotations

import csv
import gzip
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from bot.parse.files import parse_path
from bot.parse.kamer import parse_qrva_2017, parse_questions_2020
from bot.parse.model import Document, DocumentStatus
from bot.settings import settings
from tools.errors import PQError


def corpus_dir() -> Path:
    return settings().corpus_dir


def _csv_rows(path: Path) -> Iterator[dict[str, str]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


def _read_flemish(folder: Path) -> Iterator[Document]:
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() in {".txt", ".pdf", ".json"}:
            yield parse_path(path)


def _read_csv(filename: str, parse_row: Callable[[dict[str, str]], Document]) -> Callable[[Path], Iterator[Document]]:
    def read(folder: Path) -> Iterator[Document]:
        for row in _csv_rows(folder / filename):
            yield parse_row(row)

    return read


@dataclass(frozen=True)
class CorpusSource:
    name: str
    read: Callable[[Path], Iterator[Document]]

    def folder(self) -> Path:
        return corpus_dir() / self.name

    def documents(self) -> Iterator[Document]:
        folder = self.folder()
        if not folder.is_dir():
            raise PQError(f"corpus source {self.name!r} is missing: expected the folder {folder}")
        yield from self.read(folder)


SOURCES: dict[str, CorpusSource] = {
    source.name: source
    for source in [
        CorpusSource("vlaams-parlement", _read_flemish),
        CorpusSource("dekamer-qrva-2017", _read_csv("qrva-2017.csv.gz", parse_qrva_2017)),
        CorpusSource("dekamer-questions-2020", _read_csv("questions-2020.csv.gz", parse_questions_2020)),
    ]
}


def get_source(name: str) -> CorpusSource:
    try:
        return SOURCES[name]
    except KeyError:
        raise PQError(f"unknown corpus source {name!r}; choose from: {', '.join(SOURCES)}") from None


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def source_stats(documents: list[Document]) -> dict:
    """How well a source parses, in the drafting desk's terms.

    - numbering_ok: answered questions with numbered sub-questions whose numbers run 1..n with
      no gap and no later number left over;
    - answer_mapped: of those, answers whose parts name only existing sub-questions and cover
      every one of them (an unlabelled answer counts as one part covering all);
    - answer_mapped_labelled: the same, only over answers that carry labels.
    """
    answered = [d for d in documents if d.status in (DocumentStatus.ANSWERED, DocumentStatus.SENT_DIRECTLY)]
    bad_numbering = ("numbering gap", "numbered parts do not start at 1")

    def has_bad_numbering(doc: Document) -> bool:
        return any(w.startswith(bad_numbering) for w in doc.warnings)

    # Questions whose numbering failed to parse count against the share, not outside it.
    tried = [d for d in documents if d.status == DocumentStatus.ANSWERED and (d.numbered or has_bad_numbering(d))]
    numbering_ok = [d for d in tried if d.numbered and not has_bad_numbering(d)]
    numbered_answered = [d for d in documents if d.status == DocumentStatus.ANSWERED and d.numbered]

    def mapped(doc: Document) -> bool:
        expected = {s.number for s in doc.subquestions}
        return bool(doc.answer_parts) and doc.covered_numbers() == expected

    labelled = [d for d in numbered_answered if any(p.label for p in d.answer_parts)]
    kinds = Counter(w.split(":")[0] for d in documents for w in d.warnings)
    return {
        "documents": len(documents),
        "answered": len(answered),
        "answer_text_published": sum(d.status == DocumentStatus.ANSWERED for d in documents),
        "sent_directly": sum(d.status == DocumentStatus.SENT_DIRECTLY for d in documents),
        "with_subquestions": sum(bool(d.subquestions) for d in documents),
        "with_numbered_subquestions": sum(d.numbered for d in documents),
        "answered_numbered": len(tried),
        "numbering_ok": len(numbering_ok),
        "numbering_ok_share": _share(len(numbering_ok), len(tried)),
        "answer_labelled": len(labelled),
        "answer_mapped": sum(mapped(d) for d in numbered_answered),
        "answer_mapped_share": _share(sum(mapped(d) for d in numbered_answered), len(tried)),
        "answer_mapped_labelled_share": _share(sum(mapped(d) for d in labelled), len(labelled)),
        "documents_with_warnings": sum(bool(d.warnings) for d in documents),
        "warning_kinds": dict(kinds.most_common()),
    }


def corpus_stats(names: list[str] | None = None) -> dict[str, dict]:
    return {name: source_stats(list(get_source(name).documents())) for name in names or list(SOURCES)}
