"""The ``dipgraph`` command line.

``--data DIR`` (default ``./data``, or ``$DIPGRAPH_DATA``) means the same directory in
every command: the saved graph (``graph.nq``) and the extractions behind it.

    dipgraph extract PATH...
    dipgraph ingest PATH... [--data DIR]
    dipgraph serve [--data DIR] [--host H] [--port P] [--query-timeout S] [--max-rows N]
    dipgraph sparql QUERY_OR_FILE [--data DIR | --endpoint URL] [--format table|csv|json]
    dipgraph export [--data DIR] --format ttl|trig|nq|jsonld [-o FILE]
    dipgraph import FILE... [--data DIR]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from graph.errors import DipgraphError, SourceError

__all__ = ["main"]


def _data_dir(value: str | None) -> Path:
    return Path(value or os.environ.get("DIPGRAPH_DATA") or "data")


def _store(data: Path):  # type: ignore[no-untyped-def]
    from graph.store import GraphStore

    store = GraphStore(data)
    store.load()
    return store


def cmd_extract(args: argparse.Namespace) -> int:
    from graph.extract.extractor import Extractor
    from graph.pipeline import extract_paths

    failed = 0
    out = sys.stdout
    for item in extract_paths(args.paths, Extractor(use_ner=args.ner)):
        if isinstance(item, SourceError):
            print(f"dipgraph extract: {item}", file=sys.stderr)
            failed += 1
            continue
        out.write(json.dumps(item.to_json(), ensure_ascii=False) + "\n")
    return 1 if failed else 0


def cmd_ingest(args: argparse.Namespace) -> int:
    from graph.pipeline import Ingestor
    from graph.sources import read_paths

    data = _data_dir(args.data)
    store = _store(data)
    report = Ingestor(store, data).ingest(read_paths(args.paths), progress=sys.stderr.isatty() or args.progress)
    for err in report.errors:
        print(f"dipgraph ingest: {err}", file=sys.stderr)
    meetings = sum(len(e.meetings) for e in report.extractions)
    print(f"ingested {len(report.extractions)} articles ({meetings} meetings) into {data}; "
          f"{len(store)} quads; {len(report.errors)} errors", file=sys.stderr)
    return 1 if report.errors and not report.extractions else 0


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from app.main import create_app
    from app.settings import Settings

    settings = Settings.from_env(
        data_dir=_data_dir(args.data), query_timeout=args.query_timeout, max_rows=args.max_rows,
        update_token=args.update_token,
    )
    uvicorn.run(create_app(settings), host=args.host, port=args.port, log_level="info")
    return 0


def _query_text(arg: str) -> str:
    path = Path(arg)
    if path.suffix in (".rq", ".sparql") or (len(arg) < 300 and path.is_file()):
        try:
            return path.read_text(encoding="utf-8")
        except OSError as err:
            raise DipgraphError(f"{arg}: cannot read query file: {err.strerror}") from None
    return arg


def cmd_sparql(args: argparse.Namespace) -> int:
    query = _query_text(args.query)
    if args.endpoint:
        import httpx

        resp = httpx.post(args.endpoint, data={"query": query}, timeout=60,
                          headers={"Accept": "application/sparql-results+json"})
        if resp.status_code >= 400:
            raise DipgraphError(f"{args.endpoint} answered {resp.status_code}: {resp.text[:300]}")
        payload = resp.json()
    else:
        store = _store(_data_dir(args.data))
        answer = store.answer(query, result_format="json", graph_format="ttl")
        if answer.kind == "construct":
            sys.stdout.write(answer.body.decode("utf-8"))
            return 0
        payload = json.loads(answer.body)
    if "boolean" in payload:
        print("true" if payload["boolean"] else "false")
        return 0
    names = payload["head"]["vars"]
    rows = [[b.get(n, {}).get("value", "") for n in names] for b in payload["results"]["bindings"]]
    if args.format == "json":
        print(json.dumps([dict(zip(names, r, strict=True)) for r in rows], ensure_ascii=False, indent=1))
    elif args.format == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(names)
        writer.writerows(rows)
        sys.stdout.write(buf.getvalue())
    else:
        widths = [min(60, max([len(n)] + [len(r[i]) for r in rows])) for i, n in enumerate(names)]
        print("  ".join(n.ljust(w) for n, w in zip(names, widths, strict=True)))
        print("  ".join("-" * w for w in widths))
        for r in rows:
            print("  ".join(v[:w].ljust(w) for v, w in zip(r, widths, strict=True)))
        print(f"({len(rows)} rows)", file=sys.stderr)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    store = _store(_data_dir(args.data))
    body = store.dump(args.format)
    if args.output:
        Path(args.output).write_bytes(body)
    else:
        sys.stdout.buffer.write(body)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    data = _data_dir(args.data)
    store = _store(data)
    for path in args.files:
        n = store.import_file(path)
        print(f"imported {path}: {n} statements", file=sys.stderr)
    store.save()
    print(f"{len(store)} quads in {data}", file=sys.stderr)
    return 0


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="dipgraph", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="command", required=True)
    data_help = "data directory (default ./data or $DIPGRAPH_DATA)"

    e = sub.add_parser("extract", help="print extracted entities and meetings as JSON Lines")
    e.add_argument("paths", nargs="+")
    e.add_argument("--ner", action="store_true", help="put en_core_web_sm's NER in front of the rules")
    e.set_defaults(func=cmd_extract)

    i = sub.add_parser("ingest", help="extract, resolve and store articles")
    i.add_argument("paths", nargs="+")
    i.add_argument("--data", help=data_help)
    i.add_argument("--progress", action="store_true", help="show a progress bar even without a terminal")
    i.set_defaults(func=cmd_ingest)

    s = sub.add_parser("serve", help="serve the JSON API, SPARQL endpoint and page")
    s.add_argument("--data", help=data_help)
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8000)
    s.add_argument("--query-timeout", type=float, default=10.0)
    s.add_argument("--max-rows", type=int, default=10_000)
    s.add_argument("--update-token", default=None)
    s.set_defaults(func=cmd_serve)

    q = sub.add_parser("sparql", help="run a SPARQL query (a string or a .rq file)")
    q.add_argument("query")
    q.add_argument("--data", help=data_help)
    q.add_argument("--endpoint", help="query a remote SPARQL endpoint URL instead")
    q.add_argument("--format", choices=("table", "csv", "json"), default="table")
    q.set_defaults(func=cmd_sparql)

    x = sub.add_parser("export", help="write the whole graph")
    x.add_argument("--data", help=data_help)
    x.add_argument("--format", choices=("ttl", "trig", "nq", "jsonld"), required=True)
    x.add_argument("-o", "--output")
    x.set_defaults(func=cmd_export)

    m = sub.add_parser("import", help="load RDF files (.nq, .trig, .ttl, .nt) into the data directory")
    m.add_argument("files", nargs="+")
    m.add_argument("--data", help=data_help)
    m.set_defaults(func=cmd_import)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except DipgraphError as err:
        print(f"dipgraph {args.command}: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
