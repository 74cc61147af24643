"""The ``dipgraph`` command line.

``--data DIR`` means the same directory in every command: where the graph is saved
(``graph.nq``) with the extractions behind it (``extractions.jsonl``). It defaults to
``$DIPGRAPH_DATA``, or else ``./data``.

    dipgraph extract PATH...                 JSON Lines of extractions on stdout
    dipgraph ingest PATH... [--data DIR]     extract, resolve and store articles
    dipgraph serve [--data DIR] [--host 127.0.0.1] [--port 8000] [--query-timeout 10]
                   [--max-rows N] [--update-token T] [--workers N]
    dipgraph sparql QUERY_OR_FILE [--data DIR | --endpoint URL] [--format table|csv|json]
    dipgraph export [--data DIR] --format ttl|trig|nq|nt|jsonld [-o FILE]
    dipgraph import FILE... [--data DIR]

Exit status: 0 when everything worked, 1 when some input or the command failed
(the reasons are on stderr), 2 for bad command-line usage.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from graph.errors import BadInput, DipgraphError, SourceError
from graph.store import GraphStore

__all__ = ["main"]

_DATA_HELP = "data directory (default: $DIPGRAPH_DATA, else ./data)"
_ACCEPT = ("application/sparql-results+json, text/turtle;q=0.9, "
           "application/sparql-results+xml;q=0.1")


def _data_dir(value: str | None) -> Path:
    return Path(value or os.environ.get("DIPGRAPH_DATA") or "data")


def _store(data: Path) -> GraphStore:
    store = GraphStore(data)
    store.load()
    return store


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def cmd_extract(args: argparse.Namespace) -> int:
    from graph.extract.extractor import Extractor
    from graph.pipeline import extract_paths

    failed = 0
    for item in extract_paths(args.paths, Extractor(use_ner=args.ner)):
        if isinstance(item, SourceError):
            _say(f"dipgraph extract: {item}")
            failed += 1
            continue
        sys.stdout.write(json.dumps(item.to_json(), ensure_ascii=False) + "\n")
    return 1 if failed else 0


def cmd_ingest(args: argparse.Namespace) -> int:
    from graph.pipeline import Ingestor
    from graph.sources import read_paths

    data = _data_dir(args.data)
    store = _store(data)
    progress = bool(args.progress or sys.stderr.isatty())
    report = Ingestor(store, data).ingest(read_paths(args.paths), progress=progress)
    for err in report.errors:
        _say(f"dipgraph ingest: {err}")
    meetings = sum(len(e.meetings) for e in report.extractions)
    _say(f"ingested {len(report.extractions)} articles ({meetings} meetings) into {data}: "
         f"{len(store)} quads; {len(report.errors)} inputs failed")
    return 1 if report.errors else 0


def cmd_serve(args: argparse.Namespace) -> int:
    from app.main import serve
    from app.settings import Settings

    settings = Settings.from_env(
        data_dir=_data_dir(args.data), query_timeout=args.query_timeout,
        max_rows=args.max_rows, update_token=args.update_token,
    )
    workers = 1 if args.workers is None else args.workers  # one process accepts writes
    if workers < 1:
        raise BadInput("--workers must be at least 1")
    return serve(settings, host=args.host, port=args.port, workers=workers)


def _query_text(arg: str) -> str:
    """The query itself, or the content of the file it names."""
    path = Path(arg)
    looks_like_file = path.suffix in (".rq", ".sparql") or (
        "\n" not in arg and len(arg) < 300 and path.is_file())
    if not looks_like_file:
        return arg
    try:
        return path.read_text(encoding="utf-8")
    except OSError as err:
        raise BadInput(f"{arg}: cannot read the query file ({err.strerror})") from None


def _remote(endpoint: str, query: str) -> tuple[str, bytes]:
    import httpx

    try:
        resp = httpx.post(endpoint, data={"query": query}, timeout=120,
                          headers={"Accept": _ACCEPT})
    except httpx.HTTPError as err:
        raise DipgraphError(f"{endpoint}: {err}") from None
    if resp.status_code >= 400:
        try:
            detail = resp.json()["error"]["message"]
        except (ValueError, KeyError, TypeError):
            detail = resp.text[:300]
        raise DipgraphError(f"{endpoint} answered {resp.status_code}: {detail}")
    return resp.headers.get("content-type", ""), resp.content


def cmd_sparql(args: argparse.Namespace) -> int:
    query = _query_text(args.query)
    if args.endpoint:
        media, body = _remote(args.endpoint, query)
        if "json" not in media:  # a graph (CONSTRUCT/DESCRIBE): print it as it came
            sys.stdout.buffer.write(body)
            return 0
    else:
        answer = _store(_data_dir(args.data)).answer(query, result_format="json")
        if answer.kind == "construct":
            sys.stdout.buffer.write(answer.body)
            return 0
        body = answer.body
    _print_results(json.loads(body), args.format)
    return 0


def _cell(binding: dict[str, Any] | None) -> str:
    if binding is None:
        return ""
    return str(binding.get("value", "")).replace("\n", " ")


def _print_results(payload: dict[str, Any], fmt: str) -> None:
    if "boolean" in payload:
        print("true" if payload["boolean"] else "false")
        return
    names: list[str] = payload["head"]["vars"]
    bindings: list[dict[str, Any]] = payload["results"]["bindings"]
    rows = [[_cell(b.get(n)) for n in names] for b in bindings]
    if fmt == "json":
        print(json.dumps([{n: b[n]["value"] for n in names if n in b} for b in bindings],
                         ensure_ascii=False, indent=1))
    elif fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(names)
        writer.writerows(rows)
    else:
        widths = [min(60, max([len(n), *(len(r[i]) for r in rows)])) for i, n in enumerate(names)]
        print("  ".join(n.ljust(w) for n, w in zip(names, widths, strict=True)).rstrip())
        print("  ".join("-" * w for w in widths))
        for row in rows:
            print("  ".join(v[:w].ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())
        _say(f"({len(rows)} rows)")


def cmd_export(args: argparse.Namespace) -> int:
    body = _store(_data_dir(args.data)).dump(args.format)
    if args.output:
        Path(args.output).write_bytes(body)
        _say(f"wrote {len(body)} bytes to {args.output}")
    else:
        sys.stdout.buffer.write(body)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    data = _data_dir(args.data)
    store = _store(data)
    failed = 0
    for path in args.files:
        try:
            n = store.import_file(path)
        except DipgraphError as err:
            _say(f"dipgraph import: {err}")
            failed += 1
            continue
        _say(f"imported {path}: {n} new statements")
    store.save()
    _say(f"{len(store)} quads in {data}")
    return 1 if failed else 0


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="dipgraph", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="command", required=True)

    e = sub.add_parser("extract", help="print extracted entities and meetings as JSON Lines")
    e.add_argument("paths", nargs="+", help=".txt, .html, .jsonl files or directories")
    e.add_argument("--ner", action="store_true",
                   help="put en_core_web_sm's NER in front of the rules")
    e.set_defaults(func=cmd_extract)

    i = sub.add_parser("ingest", help="extract, resolve and store articles")
    i.add_argument("paths", nargs="+")
    i.add_argument("--data", help=_DATA_HELP)
    i.add_argument("--progress", action="store_true",
                   help="show a progress bar even when stderr is not a terminal")
    i.set_defaults(func=cmd_ingest)

    s = sub.add_parser("serve", help="serve the JSON API, the SPARQL endpoint and the page")
    s.add_argument("--data", help=_DATA_HELP)
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8000)
    s.add_argument("--query-timeout", type=float, default=None,
                   help="seconds a SPARQL query may run (default 10, $DIPGRAPH_QUERY_TIMEOUT)")
    s.add_argument("--max-rows", type=int, default=None,
                   help="most rows in a SPARQL answer (default 10000, $DIPGRAPH_MAX_ROWS)")
    s.add_argument("--update-token", default=None,
                   help="allow SPARQL Update with this bearer token ($DIPGRAPH_UPDATE_TOKEN)")
    s.add_argument("--workers", type=int, default=None,
                   help="server processes sharing one loaded graph (default 1, which accepts "
                        "ingest and SPARQL Update). More workers serve more reads in "
                        "parallel; such a server is read-only")
    s.set_defaults(func=cmd_serve)

    q = sub.add_parser("sparql", help="run a SPARQL query (text or a .rq file)")
    q.add_argument("query", help="the query, or a file holding it")
    where = q.add_mutually_exclusive_group()
    where.add_argument("--data", help=_DATA_HELP)
    where.add_argument("--endpoint", help="ask this SPARQL endpoint URL instead")
    q.add_argument("--format", choices=("table", "csv", "json"), default="table")
    q.set_defaults(func=cmd_sparql)

    x = sub.add_parser("export", help="write the whole graph")
    x.add_argument("--data", help=_DATA_HELP)
    x.add_argument("--format", choices=("ttl", "trig", "nq", "nt", "jsonld"), required=True,
                   help="trig/nq/jsonld keep one named graph per article; ttl/nt merge them")
    x.add_argument("-o", "--output", help="file to write (default: stdout)")
    x.set_defaults(func=cmd_export)

    m = sub.add_parser("import", help="load RDF files (.nq .trig .ttl .nt .jsonld)")
    m.add_argument("files", nargs="+")
    m.add_argument("--data", help=_DATA_HELP)
    m.set_defaults(func=cmd_import)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``dipgraph`` console script."""
    args = _parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except DipgraphError as err:
        _say(f"dipgraph {args.command}: {err}")
        return 1
    except BrokenPipeError:  # `dipgraph ... | head`
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
