"""`python -m bot …`: the command line. Every error is one line on stderr and exit code 2."""

from __future__ import annotations

import argparse
import json
import sys

from tools.errors import PQError


def _print_json(payload) -> None:
    json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def cmd_parse(args: argparse.Namespace) -> None:
    from bot.parse.files import parse_bytes, parse_path

    doc = parse_bytes(sys.stdin.buffer.read(), "stdin") if args.path == "-" else parse_path(args.path)
    if args.json:
        _print_json(doc.to_json_dict())
        return
    print(f"{doc.id}  ({doc.source.value}, {doc.status.value})")
    if doc.number is not None:
        print(f"nr. {doc.number}  date {doc.date}  session {doc.session}")
    if doc.mp:
        print(f"MP: {doc.mp.name}" + (f" ({doc.mp.party})" if doc.mp.party else ""))
    if doc.addressee:
        print(f"to: {doc.addressee}" + (f" — {doc.department}" if doc.department else ""))
    if doc.title:
        print(f"title: {doc.title}")
    for sub in doc.subquestions:
        print(f"  Q{sub.number}. {sub.text}")
    for part in doc.answer_parts:
        label = part.label or "(no label)"
        print(f"  A {label} -> {part.numbers}: {part.text[:100]}{'…' if len(part.text) > 100 else ''}")
    for warning in doc.warnings:
        print(f"warning: {warning}", file=sys.stderr)


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


def cmd_stats(args: argparse.Namespace) -> None:
    from pydantic import ValidationError

    from tools.aggregate import aggregate
    from tools.catalog import SYNTHETIC_WARNING

    request = {"dataset": args.dataset, "measure": args.measure, "by": args.by or [], "where": _where(args.where or [])}
    if args.start or args.end:
        request["period"] = {"start": args.start, "end": args.end}
    if args.suppress:
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
        print("The precedent index is not built yet; building it now (first use only).", file=sys.stderr)
        index.ingest(progress=tqdm_progress())
    return index


def cmd_ingest(args: argparse.Namespace) -> None:
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

    from bot.parse.corpus import get_source
    from bot.retrieval.search import SearchFilters

    for name in args.source or []:
        if name != "kamer":
            get_source(name)  # unknown sources are an error, as the README says
    try:
        filters = SearchFilters(sources=args.source or [], department=args.department, mp=args.mp, party=args.party,
                                theme=args.theme, date_from=args.start, date_to=args.end, answered_only=args.answered)
    except ValidationError as exc:
        error = exc.errors()[0]
        raise PQError(f"invalid filter {'.'.join(map(str, error['loc']))}: {error['msg']}") from None
    if filters.date_from and filters.date_to and filters.date_from > filters.date_to:
        raise PQError(f"--from {filters.date_from} is after --to {filters.date_to}")
    return filters


MAX_QUERIES_BYTES = 20 * 1024 * 1024


def _read_queries(path: str) -> list[tuple[str, str]]:
    from bot.retrieval.search import check_query

    try:
        handle = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115 - closed below unless stdin
        try:
            raw = handle.read(MAX_QUERIES_BYTES + 1)
        finally:
            if path != "-":
                handle.close()
    except OSError as exc:
        raise PQError(f"cannot read {path}: {exc.strerror}") from None
    if len(raw) > MAX_QUERIES_BYTES:
        raise PQError(f"{path} is larger than {MAX_QUERIES_BYTES // (1024 * 1024)} MB")
    try:
        lines = raw.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        raise PQError(f"{path} is not UTF-8 text (expected JSON lines with \"qid\" and \"query\")") from None
    queries = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            queries.append((str(item["qid"]), check_query(str(item["query"]))))
        except (json.JSONDecodeError, KeyError, TypeError):
            raise PQError(f"{path}, line {number}: expected a JSON object with \"qid\" and \"query\"") from None
        except PQError as exc:
            raise PQError(f"{path}, line {number}: {exc}") from None
    return queries


def cmd_search(args: argparse.Namespace) -> None:
    from bot.retrieval.search import check_query, search, search_many

    # Every argument is checked before the index opens and the embedding model loads.
    if bool(args.query) == bool(args.queries):
        raise PQError("give a QUERY or --queries FILE.jsonl (not both)")
    if args.k < 1:
        raise PQError("-k must be at least 1")
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
            print(f"    ook beantwoord door: {', '.join(s.addressee or s.id for s in hit.also)}")
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
    from bot.parse.files import parse_bytes, parse_path

    doc = parse_bytes(sys.stdin.buffer.read(), "stdin") if args.path == "-" else parse_path(args.path)
    draft = draft_document(doc, index=_existing_index(), llm=chat_model_from_spec())
    if args.json:
        _print_json(draft.to_json_dict())
        return
    sys.stdout.write(draft.text)
    for warning in draft.warnings:
        print(f"warning: {warning}", file=sys.stderr)


def cmd_ask(args: argparse.Namespace) -> None:
    from pathlib import Path

    from pydantic import ValidationError

    from bot.ask import AskState, ask
    from bot.llm import chat_model_from_spec

    state = None
    if args.state and Path(args.state).exists():
        try:
            state = AskState.model_validate_json(Path(args.state).read_text(encoding="utf-8"))
        except ValidationError:
            raise PQError(f"{args.state} is not a conversation state written by `ask --state`") from None
    answer = ask(args.question, state, llm=chat_model_from_spec())
    if args.state:
        Path(args.state).write_text(answer.state.model_dump_json(indent=2), encoding="utf-8")
    if args.json:
        _print_json(answer.to_json_dict())
        return
    if answer.rows:
        print("\t".join(answer.columns))
        for row in answer.rows:
            print("\t".join(str(row.get(c, "")) for c in answer.columns))
        print()
    print(answer.sentence)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description="PQ Assistant: parliamentary questions, precedents and figures.")
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
    st.add_argument("--suppress", type=int, metavar="N", help="show counts below N as <N")
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
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        args.func(args)
    except PQError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    return 0
