"""`python -m bot …`: the command line. Every error is one line on stderr and exit code 2."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import re
import sys
import tempfile
from pathlib import Path

from bot.parse.files import open_input
from tools.errors import PQError

# Files the CLI reads besides questions (whose limit is in bot/parse/files.py).
MAX_QUERIES_BYTES = 10 * 1024 * 1024
MAX_STATE_BYTES = 1024 * 1024


class _OneLineErrorParser(argparse.ArgumentParser):
    """Argument errors in the CLI's own shape: one `error:` line, exit code 2."""

    def error(self, message: str):
        self.exit(2, f"error: {message} (see: {self.prog} --help)\n")


def _print_json(payload) -> None:
    json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _read_question(path: str):
    """A question from a file or, for "-", from standard input — never more than the parser's limit + 1 byte."""
    from bot.parse.files import parse_bytes, parse_path, read_bounded

    return parse_bytes(read_bounded(sys.stdin.buffer), "stdin") if path == "-" else parse_path(path)


def _read_small_file(path: str, limit: int, what: str) -> str:
    """A UTF-8 text file of at most `limit` bytes, or "-" for standard input (read up to the same limit)."""
    try:
        if path == "-":
            data = sys.stdin.buffer.read(limit + 1)
        else:
            with open_input(Path(path)) as handle:
                data = handle.read(limit + 1)
    except OSError as exc:
        raise PQError(f"cannot read {path}: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise PQError(f"{path} is larger than {limit // (1024 * 1024)} MB; {what} is far smaller")
    if b"\x00" in data[:8192]:
        raise PQError(f"{path} is a binary file, not {what}")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PQError(f"{path} is not UTF-8 text (byte {exc.start}); {what} is UTF-8") from None


# Control characters and bidirectional overrides of a pasted text would act on the terminal (colours, a bell,
# text shown reversed); printed as text they are replaced by U+FFFD (--json keeps them, escaped).
_TERMINAL_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _say(text: str, file=None) -> None:
    print(_TERMINAL_CONTROLS.sub("\ufffd", text), file=file or sys.stdout)


def cmd_parse(args: argparse.Namespace) -> None:
    doc = _read_question(args.path)
    if args.json:
        _print_json(doc.to_json_dict())
        return
    _say(f"{doc.id}  ({doc.source.value}, {doc.status.value})")
    if doc.number is not None:
        _say(f"nr. {doc.number}  date {doc.date}  session {doc.session}")
    if doc.mp:
        _say(f"MP: {doc.mp.name}" + (f" ({doc.mp.party})" if doc.mp.party else ""))
    if doc.addressee:
        _say(f"to: {doc.addressee}" + (f" — {doc.department}" if doc.department else ""))
    if doc.title:
        _say(f"title: {doc.title}")
    for sub in doc.subquestions:
        _say(f"  Q{sub.number}. {sub.text}")
    for part in doc.answer_parts:
        label = part.label or "(no label)"
        _say(f"  A {label} -> {part.numbers}: {part.text[:100]}{'…' if len(part.text) > 100 else ''}")
    for warning in doc.warnings:
        _say(f"warning: {warning}", file=sys.stderr)


def cmd_corpus_stats(args: argparse.Namespace) -> None:
    from bot.parse.corpus import corpus_stats

    stats = corpus_stats(args.source or None)
    if args.json:
        _print_json(stats)
        return
    for name, s in stats.items():
        print(f"{name}")
        print(f"  documents                      {s['documents']:>6}")
        print(f"  answered                       {s['answered']:>6}  (text published {s['answer_text_published']}, sent directly {s['sent_directly']})")
        print(f"  with sub-questions             {s['with_subquestions']:>6}  (numbered {s['with_numbered_subquestions']})")
        if s["answered_numbered"]:
            print(f"  answered + numbered            {s['answered_numbered']:>6}")
            print(f"  numbering runs 1..n, no gaps   {s['numbering_ok']:>6}  {s['numbering_ok_share']:.1%}")
            print(f"  answer parts map to questions  {s['answer_mapped']:>6}  {s['answer_mapped_share']:.1%}")
            if s["answer_labelled"]:
                print(f"    of {s['answer_labelled']} labelled answers            {s['answer_mapped_labelled_share']:.1%}")
        print(f"  documents with parse warnings  {s['documents_with_warnings']:>6}")
        for kind, count in s["warning_kinds"].items():
            print(f"    {count:>5}  {kind}")


def _where(pairs: list[str]) -> dict[str, list[str]]:
    where: dict[str, list[str]] = {}
    for pair in pairs:
        column, sep, value = pair.partition("=")
        if not sep or not column.strip() or not value.strip():
            raise PQError(f"--where takes COLUMN=VALUE, got {pair!r}")
        where.setdefault(column.strip(), []).append(value.strip())
    return where


def _period_days(value: str, option: str) -> tuple[dt.date, dt.date]:
    """First and last day of a period YYYY, YYYY-MM or YYYY-MM-DD; a month 13 or a 30 February is refused."""
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    try:
        if not match:
            raise ValueError
        year = int(match[1])
        if match[3] is not None:
            day = dt.date(year, int(match[2]), int(match[3]))
            return day, day
        if match[2] is not None:
            first = dt.date(year, int(match[2]), 1)  # a month 00 or 13 raises here
            following = dt.date(year + first.month // 12, first.month % 12 + 1, 1)
            return first, following - dt.timedelta(days=1)
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:
        raise PQError(f"{option} {value!r} is not a period: give YYYY, YYYY-MM or YYYY-MM-DD (months 01-12)") from None


def _check_period(start: str | None, end: str | None) -> None:
    first = _period_days(start, "--from")[0] if start else None
    last = _period_days(end, "--to")[1] if end else None
    if first and last and first > last:
        raise PQError(f"--from {start} comes after --to {end}")


def cmd_stats(args: argparse.Namespace) -> None:
    from pydantic import ValidationError

    from tools.aggregate import aggregate
    from tools.catalog import SYNTHETIC_WARNING

    _check_period(args.start, args.end)
    repeated = sorted({dim for dim in args.by or [] if (args.by or []).count(dim) > 1})
    if repeated:
        raise PQError(f"--by {repeated[0]} is given more than once")
    request = {"dataset": args.dataset, "measure": args.measure, "by": args.by or [], "where": _where(args.where or [])}
    if args.start or args.end:
        request["period"] = {"start": args.start, "end": args.end}
    if args.suppress is not None:
        request["suppress_below"] = args.suppress
    try:
        result = aggregate(request)
    except ValidationError as exc:
        raise PQError(f"invalid request: {exc.errors()[0]['msg']}") from None
    if args.json:
        _print_json({"rows": result.to_json_dict()["rows"], "total": result.total, "provenance": result.provenance.model_dump(mode="json"), "synthetic": result.synthetic})
        return
    p = result.provenance
    if result.synthetic:
        print(f"*** {SYNTHETIC_WARNING} ***")
    columns = list(result.rows[0].keys())
    print("\t".join(columns))
    for row in result.rows:
        print("\t".join(str(row[c]) for c in columns))
    if args.by:
        print(f"totaal\t{result.total}")
    print(f"\nbron: {p.title} — eigenaar {p.owner_name}; {p.description}; {p.rows_used} rijen; referentieperiode {p.reference_period}")


def cmd_datasets(args: argparse.Namespace) -> None:
    from tools.catalog import default_catalog

    catalog = default_catalog()
    if args.json:
        _print_json([ds.model_dump(mode="json") for ds in catalog.datasets])
        return
    for ds in catalog.datasets:
        flag = "SYNTHETISCH" if ds.synthetic else "echt"
        print(f"{ds.id:28} {flag:12} eigenaar {ds.owner:8} {ds.reference_period.start}–{ds.reference_period.end}  {ds.title}")
        print(f"{'':28} meet: {', '.join(m.name for m in ds.measures)}; dimensies: {', '.join(d.name for d in ds.dimensions)}")
        if ds.cannot_identify:
            print(f"{'':28} identificeert niet: {', '.join(e.population for e in ds.cannot_identify)}")


def _open_index(build_if_missing: bool = True):
    from bot.retrieval.index import PrecedentIndex, tqdm_progress

    index = PrecedentIndex()
    if not index.exists() and build_if_missing:
        index.ingest(progress=tqdm_progress(), on_start=lambda: print(
            "The precedent index is not built yet; building it now (first use only).", file=sys.stderr))
    return index


def _check_corpus_sources(names) -> None:
    """Every source is known and its folder is there; checked before the index (and its model) is opened."""
    from bot.parse.corpus import get_source

    for name in names:
        source = get_source(name)
        if not source.folder().is_dir():
            raise PQError(f"corpus source {name!r} is missing: expected the folder {source.folder()}")


def cmd_ingest(args: argparse.Namespace) -> None:
    from bot.parse.corpus import SOURCES
    from bot.settings import settings

    if args.all and args.source:
        raise PQError("give --all or --source NAME, not both")
    _check_corpus_sources(list(SOURCES) if args.all else args.source or settings().source_names)

    from bot.retrieval.index import PrecedentIndex, all_source_names, tqdm_progress

    index = PrecedentIndex()  # the embedding model loads inside ingest, after its lock is taken
    sources = all_source_names() if args.all else args.source
    report = index.ingest(sources, progress=tqdm_progress(), rebuild=args.rebuild)
    if args.write_vector_cache:
        written = index.write_vector_cache()
        print("vector cache written: " + ", ".join(f"{name} ({count} texts)" for name, count in written.items()), file=sys.stderr)
    if args.json:
        _print_json(report.to_json_dict())
        return
    for problem in report.cache_problems:
        print(f"warning: shipped vectors not used: {problem}", file=sys.stderr)
    if report.up_to_date:
        print(f"index up to date: {report.chunks} units from {', '.join(report.sources)} ({report.seconds:.1f} s)")
        return
    print(f"indexed {', '.join(report.sources)}: {report.chunks} units, {report.embedded} texts embedded, "
          f"{report.reused} vectors reused, {report.deleted} removed in {report.seconds:.1f} s")


def _filters(args: argparse.Namespace):
    from pydantic import ValidationError

    from bot.parse.corpus import SOURCES
    from bot.retrieval.search import SearchFilters

    known = [*SOURCES, "kamer"]  # "kamer": both federal sets
    for name in args.source or []:
        if name not in known:
            raise PQError(f"unknown source {name!r}; choose from: {', '.join(known)}")
    for flag, value in (("--from", args.start), ("--to", args.end)):
        # pydantic would take a bare number for a Unix timestamp: a date is asked as YYYY-MM-DD.
        if value is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
            raise PQError(f"{flag} {value!r} is not a date; give it as YYYY-MM-DD")
    try:
        filters = SearchFilters(sources=args.source or [], department=args.department, mp=args.mp, party=args.party,
                                theme=args.theme, date_from=args.start, date_to=args.end, answered_only=args.answered)
    except ValidationError as exc:
        error = exc.errors()[0]
        raise PQError(f"invalid filter {'.'.join(map(str, error['loc']))}: {error['msg']}") from None
    if filters.date_from and filters.date_to and filters.date_from > filters.date_to:
        raise PQError(f"--from {filters.date_from} comes after --to {filters.date_to}")
    return filters


def _read_queries(path: str) -> list[tuple[str, str]]:
    from bot.retrieval.search import check_query

    text = _read_small_file(path, MAX_QUERIES_BYTES, 'a JSON-lines file of {"qid", "query"}')
    queries = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            qid, query = item["qid"], item["query"]
            if not isinstance(query, str) or not isinstance(qid, str | int) or isinstance(qid, bool):
                raise TypeError
            qid = str(qid)
        except (ValueError, KeyError, TypeError, IndexError, RecursionError):
            raise PQError(f"{path}, line {number}: expected a JSON object with \"qid\" (text or number) and \"query\" (text)") from None
        try:
            queries.append((qid, check_query(query)))
        except PQError as exc:
            raise PQError(f"{path}, line {number}: {exc}") from None
    if not queries:
        raise PQError(f"{path} holds no queries")
    return queries


def cmd_search(args: argparse.Namespace) -> None:
    from bot.app_view import siblings_text
    from bot.retrieval.search import check_query, search, search_many

    # Everything the user typed is checked before the index (and its embedding model) is opened.
    if bool(args.query) == bool(args.queries):
        raise PQError("give a QUERY or --queries FILE.jsonl (not both)")
    if args.k < 1:
        raise PQError(f"-k must be at least 1, got {args.k}")
    filters = _filters(args)
    queries = _read_queries(args.queries) if args.queries else None
    query = check_query(args.query) if args.query else None
    index = _open_index()
    notice = index.notice()
    if notice:
        print(f"warning: {notice}", file=sys.stderr)
    if queries is not None:
        for start in range(0, len(queries), 64):
            batch = queries[start:start + 64]
            for (qid, _), hits in zip(batch, search_many(index, [q for _, q in batch], k=args.k, filters=filters, mode=args.mode),
                                      strict=True):
                # A hit stands for its siblings (the same question to several ministers): all their ids, best first.
                ids = [doc_id for hit in hits for doc_id in hit.ids()][:args.k]
                sys.stdout.write(json.dumps({"qid": qid, "ids": ids}, ensure_ascii=False) + "\n")
        return
    hits = search(index, query, k=args.k, filters=filters, mode=args.mode)
    if args.json:
        _print_json([h.contract() for h in hits])
        return
    if not hits:
        print("no precedents found")
    for rank, hit in enumerate(hits, 1):
        who = ", ".join(x for x in [hit.mp, hit.date, hit.addressee] if x)
        parts = f"  [vraag {', '.join(map(str, hit.numbers))}]" if hit.numbers else ""
        flag = "" if hit.relevant else "  (zwakke overeenkomst)"
        print(f"{rank:>2}. {hit.id}  {hit.title or '(zonder titel)'}{parts}{flag}")
        if who:
            print(f"    {who}")
        if hit.also:
            print(f"    {siblings_text(hit.contract()['also'])}")
        print(f"    {hit.snippet}")


def _existing_index():
    """The precedent index if it is built; drafting goes on without precedents otherwise."""
    from bot.retrieval.index import PrecedentIndex

    index = PrecedentIndex()
    if not index.exists():
        print("warning: no precedent index yet; the draft will cite no precedents. Build it with: python -m bot ingest", file=sys.stderr)
        return None
    return index


def cmd_draft(args: argparse.Namespace) -> None:
    from bot.drafting.pipeline import draft_document
    from bot.llm import chat_model_from_spec

    doc = _read_question(args.path)
    draft = draft_document(doc, index=_existing_index(), llm=chat_model_from_spec())
    if args.json:
        _print_json(draft.to_json_dict())
        return
    sys.stdout.write(draft.text)
    for warning in draft.warnings:
        print(f"warning: {warning}", file=sys.stderr)


# A conversation state file is an envelope around `AskState` (or, for `chat --state`, `ChatState`): the marker
# tells our file from any other JSON (an open-data question, a colleague's notes, the other command's
# conversation), which must never be overwritten.
STATE_TYPE = "pq-conversation"
CHAT_STATE_TYPE = "pq-chat-conversation"
STATE_VERSION = 1
_STATE_COMMANDS = {STATE_TYPE: "ask --state", CHAT_STATE_TYPE: "chat --state"}
_LEGACY_STATE_KEYS = {"query", "where", "turns"}  # a bare AskState, as written before the envelope


class ConversationFile:
    """The file behind `ask --state` and `chat --state`: read before the turn, replaced atomically after it."""

    def __init__(self, path: str, state_type: str = STATE_TYPE) -> None:
        # Through a symbolic link to the file it names, so that the link stays a link.
        self.path = Path(path).expanduser().resolve()
        self.shown = path
        self.state_type = state_type
        self.command = _STATE_COMMANDS[state_type]

    def _not_ours(self, why: str) -> PQError:
        return PQError(f"{self.shown} is not a conversation state written by `{self.command}` ({why}); "
                       "it is left unchanged: give another file name")

    def _model(self):
        if self.state_type == CHAT_STATE_TYPE:
            from bot.chat import ChatState

            return ChatState
        from bot.ask import AskState

        return AskState

    def check_folder(self) -> None:
        folder = self.path.parent
        if not folder.exists():
            raise PQError(f"the folder of {self.shown} does not exist: {folder}")
        if not folder.is_dir():
            raise PQError(f"{folder} is not a folder, so {self.shown} cannot be written")
        if not os.access(folder, os.W_OK | os.X_OK):
            raise PQError(f"the folder {folder} is not writable, so {self.shown} cannot be written")

    def load(self):
        """The state in the file; None when the file does not exist yet."""
        from pydantic import ValidationError

        self.check_folder()
        if self.path.is_dir():
            raise PQError(f"{self.shown} is a folder; give a file name for the conversation state")
        if not self.path.exists():
            return None
        if not self.path.is_file():
            raise self._not_ours("not a regular file")
        if not self.path.stat().st_mode & 0o222 or not os.access(self.path, os.W_OK):
            # A file made read-only is not to be replaced, even though its folder would allow it.
            raise PQError(f"{self.shown} is read-only; it is left unchanged: give another file name or make it writable")
        envelope = self._envelope()
        try:
            return self._model().model_validate(envelope["state"])
        except ValidationError:
            raise PQError(f"{self.shown} is a conversation state this version cannot read; "
                          "it is left unchanged: give another file name to start a new conversation") from None

    def _envelope(self) -> dict:
        try:
            with self.path.open("rb") as handle:
                data = handle.read(MAX_STATE_BYTES + 1)
        except OSError as exc:
            raise PQError(f"cannot read {self.shown}: {exc.strerror or exc}") from None
        if len(data) > MAX_STATE_BYTES:
            raise self._not_ours(f"larger than {MAX_STATE_BYTES // 1024} KB")
        if not data.strip():
            raise self._not_ours("the file is empty")
        try:
            payload = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            raise self._not_ours("not JSON") from None
        if isinstance(payload, dict) and payload.get("type") == self.state_type:
            if payload.get("version") != STATE_VERSION:
                raise PQError(f"{self.shown} is a conversation state of another version ({payload.get('version')!r}); "
                              "it is left unchanged: give another file name to start a new conversation")
            if not isinstance(payload.get("state"), dict):
                raise PQError(f"{self.shown} is a conversation state this version cannot read; "
                              "it is left unchanged: give another file name to start a new conversation")
            return payload
        if isinstance(payload, dict) and payload.get("type") in _STATE_COMMANDS:
            raise self._not_ours(f"it holds a conversation of `{_STATE_COMMANDS[payload['type']]}`")
        if self.state_type == STATE_TYPE and isinstance(payload, dict) and set(payload) == _LEGACY_STATE_KEYS:
            return {"type": STATE_TYPE, "version": 0, "state": payload}
        raise self._not_ours("other JSON")

    def save(self, state) -> None:
        """Write to a temporary file beside the target, then rename it over the target in one step:
        an interrupted write leaves the previous state, never half a file."""
        self.check_folder()
        if self.path.exists():
            self._envelope()  # still ours (nothing else took the name while the question ran)
        payload = {"type": self.state_type, "version": STATE_VERSION, "state": state.model_dump(mode="json")}
        try:
            handle = tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=self.path.parent,
                                                 prefix=f".{self.path.name}.", suffix=".tmp", delete=False)
        except OSError as exc:
            raise PQError(f"cannot write {self.shown}: {exc.strerror or exc}") from None
        try:
            with handle:
                json.dump(payload, handle, ensure_ascii=False, indent=2)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(handle.name, self.path)
        except OSError as exc:
            raise PQError(f"cannot write {self.shown}: {exc.strerror or exc}") from None
        finally:
            if os.path.exists(handle.name):
                os.unlink(handle.name)


def cmd_ask(args: argparse.Namespace) -> None:
    from bot.ask import ask
    from bot.llm import chat_model_from_spec

    conversation = ConversationFile(args.state) if args.state else None
    state = conversation.load() if conversation else None
    answer = ask(args.question, state, llm=chat_model_from_spec())
    if conversation:
        conversation.save(answer.state)
    if args.json:
        _print_json(answer.to_json_dict())
        return
    if answer.rows:
        print("\t".join(answer.columns))
        for row in answer.rows:
            print("\t".join(str(row.get(c, "")) for c in answer.columns))
        print()
    print(answer.sentence)


def _bounded_int(low: int, high: int):
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"invalid int value: {text!r}") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"must be between {low:,} and {high:,}")
        return value

    return parse


def _chat_message(args: argparse.Namespace):
    """(message, question document or None, question text or None): the message, '-' for standard input, or a
    question file given with --file (then the message may be left out)."""
    message = args.message or ""
    if message == "-":
        from bot.parse.files import MAX_BYTES, read_bounded

        data = read_bounded(sys.stdin.buffer)
        if len(data) > MAX_BYTES:
            raise PQError(f"standard input is larger than {MAX_BYTES // (1024 * 1024)} MB")
        if b"\x00" in data:
            raise PQError("standard input is binary, not a message")  # as parse - and draft - say of it
        try:
            message = data.decode("utf-8")
        except UnicodeDecodeError:
            raise PQError("standard input is not UTF-8 text") from None
    if not args.file:
        if not message.strip():
            raise PQError("give a MESSAGE (- reads it from standard input) or a question with --file PATH")
        return message, None, None
    from bot.chat import looks_like_a_question_to_draft
    from bot.service import question_text

    if looks_like_a_question_to_draft(message):
        raise PQError("give the question as MESSAGE or as --file, not both, so that it is clear which one is answered")
    document = _read_question(args.file)
    return message, document, question_text(document)


def _export_folder(path: str, writable: bool = True) -> Path:
    folder = Path(path).expanduser()
    if not folder.is_dir():
        raise PQError(f"--out {path}: no such folder")
    if writable and not os.access(folder, os.W_OK | os.X_OK):
        raise PQError(f"--out {path}: the folder is not writable")
    return folder


def _write_export(draft, fmt: str, folder: Path, question: str | None) -> Path:
    """The draft as Word or Markdown in `folder`, named after the question; an existing file is never
    overwritten (the next free name is taken: …-2.docx)."""
    from bot.drafting.export import docx_bytes, export_file_name, to_markdown

    data = docx_bytes(draft) if fmt == "docx" else to_markdown(draft).encode("utf-8")
    name = Path(export_file_name(draft, fmt, question))
    for number in range(1, 1000):
        path = folder / (name.name if number == 1 else f"{name.stem}-{number}{name.suffix}")
        try:
            handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            continue
        except OSError as exc:
            raise PQError(f"cannot write {path}: {exc.strerror or exc}") from None
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        return path
    raise PQError(f"{folder} already holds 999 exports named {name.name}; choose another --out folder")


def cmd_chat(args: argparse.Namespace) -> None:
    from bot.chat import Chat
    from bot.llm import chat_model_from_spec
    from bot.retrieval.index import PrecedentIndex

    conversation = ConversationFile(args.state, CHAT_STATE_TYPE) if args.state else None
    # The folder must exist; whether it is writable matters only for a turn that exports (checked then).
    _export_folder(args.out, writable=False)
    state = conversation.load() if conversation else None  # checked (ours, readable) before any work
    message, document, question = _chat_message(args)
    index = PrecedentIndex()
    index = index if index.exists() else None
    asked_about = state.question if state else None
    chat = Chat(index=index, llm=chat_model_from_spec(),
                exporter=lambda draft, fmt: _write_export(draft, fmt, _export_folder(args.out), asked_about))
    reply = chat.turn(message, state, document=document, question_text=question)
    if conversation:
        conversation.save(reply.state)
    if reply.kind == "draft" and index is None:
        print("warning: no precedent index yet; the draft cites no precedents. Build it with: python -m bot ingest", file=sys.stderr)
    if args.json:
        _print_json(reply.to_json_dict())
        return
    print(reply.text)
    if reply.kind == "draft":
        sys.stdout.write("\n" + reply.draft.text)
        for warning in reply.draft.warnings:
            print(f"warning: {warning}", file=sys.stderr)
    if reply.file:
        print(reply.file)


def build_parser() -> argparse.ArgumentParser:
    parser = _OneLineErrorParser(prog="python -m bot", description="PQ Assistant: parliamentary questions, precedents and figures.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = commands.add_parser("parse", help="parse a question (text, PDF or open-data JSON)", description="Parse a written question and its answer into numbered parts.")
    p.add_argument("path", metavar="PATH", help="a .txt, .pdf or .json file, or - for standard input")
    p.add_argument("--json", action="store_true", help="print the parsed document as JSON")
    p.set_defaults(func=cmd_parse)

    corpus = commands.add_parser("corpus", help="the corpus of precedents", description="Inspect the corpus of precedents.")
    corpus_commands = corpus.add_subparsers(dest="corpus_command", required=True, metavar="COMMAND")
    s = corpus_commands.add_parser("stats", help="per source: documents, answered, parsed sub-questions, warnings", description="Parse every corpus source and report how well it parses.")
    s.add_argument("--source", action="append", help="only this source (repeatable)")
    s.add_argument("--json", action="store_true", help="print the figures as JSON")
    s.set_defaults(func=cmd_corpus_stats)

    st = commands.add_parser("stats", help="aggregate a dataset (exact figures with provenance)", description="Aggregate a catalog dataset: sum/stock of a measure, grouped and filtered.")
    st.add_argument("dataset", metavar="DATASET", help="a dataset id (see `datasets`)")
    st.add_argument("--measure", required=True, help="the measure to aggregate")
    st.add_argument("--by", action="append", metavar="DIM", help="group by this dimension (repeatable)")
    st.add_argument("--where", action="append", metavar="COL=VAL", help="keep rows where COL equals VAL (repeatable)")
    st.add_argument("--from", dest="start", metavar="PERIOD", help="first period: YYYY or YYYY-MM")
    st.add_argument("--to", dest="end", metavar="PERIOD", help="last period: YYYY or YYYY-MM")
    st.add_argument("--suppress", type=_bounded_int(1, 1_000_000), metavar="N", help="show counts below N as <N (1 to 1,000,000)")
    st.add_argument("--json", action="store_true", help='print {"rows", "provenance", "synthetic"} as JSON')
    st.set_defaults(func=cmd_stats)

    ds = commands.add_parser("datasets", help="list the dataset catalog", description="List the datasets: owner, real or synthetic, measures, what they cannot identify.")
    ds.add_argument("--json", action="store_true", help="print the catalog entries as JSON")
    ds.set_defaults(func=cmd_datasets)

    ing = commands.add_parser("ingest", help="build or update the precedent index", description="Build or update the precedent index (idempotent, incremental). Without --source: the default sources plus those already indexed.")
    ing.add_argument("--source", action="append", metavar="NAME", help="index this corpus source too (repeatable)")
    ing.add_argument("--all", action="store_true", help="index every corpus source")
    ing.add_argument("--rebuild", action="store_true", help="drop the index and build it again (e.g. after changing PQ_EMBEDDER)")
    ing.add_argument("--json", action="store_true", help="print the ingest report as JSON")
    ing.add_argument("--write-vector-cache", action="store_true",
                     help="then write the index's vectors to corpus/vectors/ (ships with the corpus; run after changing the chunking)")
    ing.set_defaults(func=cmd_ingest)

    se = commands.add_parser("search", help="search precedents (hybrid BM25 + embeddings)", description="Search past questions and answers.")
    se.add_argument("query", nargs="?", metavar="QUERY", help="the search text")
    se.add_argument("-k", type=int, default=10, help="number of hits (default 10); a hit lists the same question sent to other ministers")
    se.add_argument("--json", action="store_true", help="print the hits as JSON")
    se.add_argument("--queries", metavar="FILE.jsonl", help='batch mode: lines {"qid", "query"} -> lines {"qid", "ids"}')
    se.add_argument("--source", action="append", metavar="NAME", help="only this corpus source (repeatable; 'kamer' = both federal sets)")
    se.add_argument("--department", help="minister or department contains this text")
    se.add_argument("--mp", help="MP name contains this text")
    se.add_argument("--party", help="MP's party")
    se.add_argument("--theme", help="a theme contains this text")
    se.add_argument("--from", dest="start", metavar="DATE", help="asked on or after YYYY-MM-DD")
    se.add_argument("--to", dest="end", metavar="DATE", help="asked on or before YYYY-MM-DD")
    se.add_argument("--answered", action="store_true", help="only answered questions")
    se.add_argument("--mode", choices=["hybrid", "bm25", "dense"], default="hybrid", help="ranking (default hybrid)")
    se.set_defaults(func=cmd_search)

    dr = commands.add_parser("draft", help="draft an answer to a question, with citations", description="Draft an answer in house style: grouped parts, ownership statements, figures with provenance, precedents.")
    dr.add_argument("path", metavar="PATH", help="the question as .txt, .pdf or .json, or - for standard input")
    dr.add_argument("--json", action="store_true", help='print {"header", "parts", "text", "sources", ...} as JSON')
    dr.set_defaults(func=cmd_draft)

    ak = commands.add_parser("ask", help="ask an ad-hoc statistical question", description="Answer a statistical question with a table, one sentence and provenance.")
    ak.add_argument("question", metavar="QUESTION")
    ak.add_argument("--json", action="store_true", help="print the answer as JSON")
    ak.add_argument("--state", metavar="FILE", help="conversation state file: read before, written after (for follow-ups)")
    ak.set_defaults(func=cmd_ask)

    ch = commands.add_parser("chat", help="draft an answer and work on it in conversation",
                             description="One turn of the drafting chat: paste a question (or give --file) to draft it, then "
                             "refine a part ('deel 1 per geslacht'), ask why ('waarom verwijs je naar Fedasil?'), search and cite "
                             "precedents ('zoek eerdere antwoorden over jobbeurzen', 'citeer 1 in deel 7'), edit ('schrap deel 8') "
                             "or export ('maak er een Word-bestand van'). --state keeps the conversation and its draft.")
    ch.add_argument("message", nargs="?", metavar="MESSAGE", help="the message (a question to draft, or an instruction); - for standard input")
    ch.add_argument("--state", metavar="FILE", help="conversation state file: read before, written after (the draft lives here)")
    ch.add_argument("--file", metavar="PATH", help="a question to draft from a .txt, .pdf or .json file (instead of pasting it)")
    ch.add_argument("--out", metavar="DIR", default=".", help="where an export is written (default: the current folder); "
                    "an existing file is never overwritten")
    ch.add_argument("--json", action="store_true", help='print {"kind", "text", "draft", "changed", "hits", "file", "state"} as JSON')
    ch.set_defaults(func=cmd_chat)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    # pypdf logs each repair of a damaged PDF on stderr; the user gets one line: the result or the error.
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    try:
        args.func(args)
    except PQError as exc:
        print(f"error: {_one_line(str(exc))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:  # a path that is no folder, a folder without rights: what the system said, about which file
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"error: {_one_line(where + (exc.strerror or str(exc)))}", file=sys.stderr)
        return 2
    except RuntimeError as exc:
        if "Symlink loop" not in str(exc):
            return _unexpected(exc)
        print(f"error: {_one_line(str(exc))} (a link that leads back to itself)", file=sys.stderr)
        return 2
    except Exception as exc:  # noqa: BLE001 - the last net: a failure nobody foresaw is still one line, not a traceback
        return _unexpected(exc)
    return 0


def _one_line(message: str) -> str:
    """An error is one line, even when a path it names holds a line break."""
    return message.replace("\r", "\\r").replace("\n", "\\n")


def _unexpected(exc: Exception) -> int:
    detail = next(iter(str(exc).splitlines()), "")
    print(f"error: unexpected failure ({type(exc).__name__}{': ' + detail if detail else ''})", file=sys.stderr)
    return 2
