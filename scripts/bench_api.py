"""Load and API benchmark on a synthetic graph (issue 5): ``bench_api.py --meetings 100000``.

1. Writes a synthetic graph (:mod:`scripts.synth`) unless ``--graph FILE.nq`` is given.
2. Imports it into a temporary data directory with ``dipgraph import``, then, in a fresh
   process, times loading the saved ``graph.nq`` into a :class:`~graph.store.GraphStore`
   and measures the resident memory it added (bytes per quad).
3. Starts ``dipgraph serve`` on a free port and measures over HTTP the p50/p99 latency
   of: who met X, meetings in a place and date range, meetings between two countries
   (their summaries carry the topics), a 2-hop SPARQL query, and the ego subgraph of the
   hub; first sequentially (``first_*``: the first request with each parameter, before
   anything was cached for it), then with ``--clients`` concurrent clients (requests/s)
   over the three JSON query endpoints, then again with the hub subgraph in the mix.
   The targets are about the three JSON query endpoints. Server memory is the
   proportional set size of the server and its workers (shared pages counted once).
4. Unless ``--no-rdflib``: loads a graph (the same one, or one of ``--rdflib-meetings``)
   into rdflib's in-memory ``Dataset`` and into pyoxigraph, runs the same SPARQL queries
   in both and prints the time ratio.

Progress goes to stderr; the last line on stdout is one JSON object with every figure.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import math
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

__all__ = ["SPARQL_QUERIES", "Client", "free_port", "main", "percentile", "query_path", "run",
           "serve_dipgraph"]

ROOT = Path(__file__).resolve().parents[1]
_PREFIXES = """PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""
#: The SPARQL queries timed in pyoxigraph and rdflib, with ``$x`` (actor), ``$place``,
#: ``$c1``/``$c2`` (countries), ``$since``/``$until`` filled in from the graph.
SPARQL_QUERIES: dict[str, str] = {
    "who_met": """SELECT ?other (COUNT(DISTINCT ?m) AS ?n) WHERE {
  ?m sem:hasActor <$x>, ?other . FILTER(?other != <$x>)
} GROUP BY ?other ORDER BY DESC(?n)""",
    "place_range": """SELECT DISTINCT ?m ?date WHERE {
  ?m schema:location <$place> ; schema:startDate ?date .
  FILTER(STR(?date) >= "$since" && STR(?date) <= "$until")
} ORDER BY ?date""",
    "countries_topics": """SELECT ?topic (COUNT(DISTINCT ?m) AS ?n) WHERE {
  ?m sem:hasActor ?a, ?b . ?a schema:nationality <$c1> . ?b schema:nationality <$c2> .
  ?m schema:about ?t . ?t skos:prefLabel ?topic
} GROUP BY ?topic ORDER BY DESC(?n)""",
    "two_hop": """SELECT DISTINCT ?z WHERE {
  ?m1 sem:hasActor <$x>, ?y . ?m2 sem:hasActor ?y, ?z .
  FILTER(?y != <$x> && ?z != <$x> && ?z != ?y)
} LIMIT 1000""",
}
_ID_BASE = "https://w3id.org/dipgraph/id/"
#: the JSON endpoints the latency and throughput targets are about
_JSON_ENDPOINTS = ("who_met", "place_range", "countries_between")
#: also timed, reported on their own
_OTHER_ENDPOINTS = ("subgraph_hub", "sparql_two_hop")
_MEASURE_LOAD = """
import json, sys, time
from graph.store import GraphStore
def rss():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0
before = rss()
store = GraphStore(sys.argv[1])
start = time.perf_counter()
n = store.load()
seconds = time.perf_counter() - start
print(json.dumps({"quads": n, "seconds": seconds, "rss_delta": rss() - before}))
"""


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q``-th percentile (nearest rank) of ``values``; 0.0 for no values.

    >>> percentile([5.0, 1.0, 3.0, 2.0, 4.0], 50), percentile([1.0, 2.0], 99)
    (3.0, 2.0)
    """
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def _summary(latencies: Sequence[float], statuses: Counter[int]) -> dict[str, Any]:
    return {
        "n": len(latencies),
        "p50_ms": round(percentile(latencies, 50) * 1000, 2),
        "p99_ms": round(percentile(latencies, 99) * 1000, 2),
        "mean_ms": round(statistics.fmean(latencies) * 1000, 2) if latencies else 0.0,
        "max_ms": round(max(latencies, default=0.0) * 1000, 2),
        "status": {str(k): v for k, v in sorted(statuses.items())},
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "scripts.cli", *args]


# ---------------------------------------------------------------------- HTTP client
class Client:
    """One keep-alive connection; :meth:`get` returns (status, body, seconds)."""

    def __init__(self, port: int, host: str = "127.0.0.1") -> None:
        self.host, self.port = host, port
        self.conn = http.client.HTTPConnection(host, port, timeout=120)

    def get(self, path: str, accept: str = "application/json") -> tuple[int, bytes, float]:
        start = time.perf_counter()
        try:
            self.conn.request("GET", path, headers={"Accept": accept})
            resp = self.conn.getresponse()
            body = resp.read()
        except (OSError, http.client.HTTPException):
            self.conn.close()
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=120)
            return 599, b"", time.perf_counter() - start
        return resp.status, body, time.perf_counter() - start

    def json(self, path: str) -> Any:
        status, body, _ = self.get(path)
        if status != 200:
            raise RuntimeError(f"GET {path} answered {status}: {body[:200]!r}")
        return json.loads(body)

    def close(self) -> None:
        self.conn.close()


def query_path(path: str, **params: str) -> str:
    return f"{path}?{urllib.parse.urlencode(params)}" if params else path


# ---------------------------------------------------------------------- workload
def _log_ranks(total: int, n: int) -> list[int]:
    """``n`` ranks spread evenly on a log scale over ``[0, total)``: hubs and the tail."""
    if total <= 0:
        return []
    ranks = {min(total - 1, int(round(math.expm1(i / max(n - 1, 1) * math.log1p(total - 1)))))
             for i in range(n)}
    return sorted(ranks)


def _ids(client: Client, type_: str, ranks: Sequence[int]) -> list[str]:
    """Actor ids at the given ranks by meeting count (search with an empty query)."""
    out: list[str] = []
    for rank in ranks:
        page = client.json(query_path("/api/actors", type=type_, limit="1", offset=str(rank)))
        out.extend(item["id"] for item in page["items"])
    return out


def _workload(client: Client, per_kind: int, seed: int) -> dict[str, Any]:
    """Parameters drawn from the served graph: actors and places from hub to tail."""
    rng = random.Random(seed)
    persons = client.json(query_path("/api/actors", type="Person", limit="1"))["total"]
    places = client.json(query_path("/api/actors", type="Place", limit="1"))["total"]
    people = _ids(client, "Person", _log_ranks(persons, per_kind))
    spots = _ids(client, "Place", _log_ranks(places, per_kind))
    top = client.json(query_path("/api/actors", type="Country", limit="12"))["items"]
    countries = [c["id"] for c in top]
    pairs = [(a, b) for i, a in enumerate(countries) for b in countries[i + 1:]]
    rng.shuffle(pairs)
    hub = people[0]
    ranges = []
    for _ in range(per_kind):
        start = rng.randrange(1996, 2021)
        ranges.append((str(start), str(start + 4)))
    return {"people": people, "places": spots, "pairs": pairs[:per_kind] or [("", "")],
            "ranges": ranges, "hub": hub}


def _sparql(kind: str, **values: str) -> str:
    text = SPARQL_QUERIES[kind]
    for key, value in sorted(values.items(), key=lambda kv: -len(kv[0])):
        text = text.replace(f"${key}", value)
    return _PREFIXES + text


def _paths(work: dict[str, Any], kind: str) -> Iterator[str]:
    """Request paths of one kind, cycling over the drawn parameters."""
    i = 0
    while True:
        person = work["people"][i % len(work["people"])]
        place = work["places"][i % len(work["places"])] if work["places"] else person
        since, until = work["ranges"][i % len(work["ranges"])]
        a, b = work["pairs"][i % len(work["pairs"])]
        if kind == "who_met":
            yield f"/api/actors/{person}/met"
        elif kind == "place_range":
            yield query_path("/api/meetings", place=place, since=since, until=until)
        elif kind == "countries_between":
            yield query_path("/api/meetings/between", a=a, b=b)
        elif kind == "subgraph_hub":
            yield query_path("/api/subgraph", center=work["hub"])
        else:  # sparql_two_hop
            yield query_path("/sparql", query=_sparql("two_hop", x=_ID_BASE + person))
        i += 1


def _sequential(port: int, work: dict[str, Any], requests: int) -> dict[str, Any]:
    """p50/p99 per endpoint over ``requests`` requests cycling over the drawn parameters;
    ``first_*`` are the requests that were the first with their parameters (nothing
    cached for them yet)."""
    client = Client(port)
    out: dict[str, Any] = {}
    try:
        for kind in (*_JSON_ENDPOINTS, *_OTHER_ENDPOINTS):
            accept = "application/sparql-results+json" if kind.startswith("sparql") \
                else "application/json"
            paths = _paths(work, kind)
            latencies, statuses, first, seen = [], Counter[int](), [], set()
            for _ in range(requests):
                path = next(paths)
                status, _, seconds = client.get(path, accept)
                latencies.append(seconds)
                statuses[status] += 1
                if path not in seen:
                    seen.add(path)
                    first.append(seconds)
            out[kind] = _summary(latencies, statuses)
            out[kind].update(first_n=len(first),
                             first_p50_ms=round(percentile(first, 50) * 1000, 2),
                             first_max_ms=round(max(first, default=0.0) * 1000, 2))
            _say(f"  {kind}: p50 {out[kind]['p50_ms']} ms, p99 {out[kind]['p99_ms']} ms; "
                 f"first requests p50 {out[kind]['first_p50_ms']} ms, "
                 f"max {out[kind]['first_max_ms']} ms")
    finally:
        client.close()
    return out


def _concurrent(port: int, work: dict[str, Any], clients: int, seconds: float,
                kinds: Sequence[str] = _JSON_ENDPOINTS) -> dict[str, Any]:
    """``clients`` threads, each with its own connection, cycling over ``kinds``."""
    latencies: list[float] = []
    statuses: Counter[int] = Counter()
    lock = threading.Lock()
    stop = time.perf_counter() + seconds

    def worker(n: int) -> None:
        client = Client(port)
        streams = [_paths(work, k) for k in kinds]
        mine, codes = [], Counter[int]()
        i = n
        try:
            while time.perf_counter() < stop:
                status, _, took = client.get(next(streams[i % len(streams)]))
                mine.append(took)
                codes[status] += 1
                i += 1
        finally:
            client.close()
        with lock:
            latencies.extend(mine)
            statuses.update(codes)

    start = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(n,)) for n in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - start
    out = _summary(latencies, statuses)
    out.update(clients=clients, endpoints=list(kinds), seconds=round(elapsed, 2),
               requests_per_s=round(len(latencies) / elapsed, 1) if elapsed else 0.0)
    return out


# ---------------------------------------------------------------------- server
def _rss(pid: int) -> int:
    with contextlib.suppress(OSError), open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


def _family(pid: int) -> list[int]:
    """``pid`` and its child processes (forked server workers)."""
    found = [pid]
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, StopIteration):
                status = (entry / "status").read_text()
                ppid = next(x for x in status.splitlines() if x.startswith("PPid:"))
                if int(ppid.split()[1]) == pid:
                    found.append(int(entry.name))
    return found


def _pss(pids: Sequence[int]) -> int:
    """Proportional set size of processes together (shared pages counted once)."""
    total = 0
    for pid in pids:
        with contextlib.suppress(OSError), open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    total += int(line.split()[1]) * 1024
    return total


@contextlib.contextmanager
def serve_dipgraph(data: Path, port: int, timeout: float, workers: int | None = None,
                   log_path: Path | None = None
                   ) -> Iterator[tuple[subprocess.Popen[bytes], float]]:
    """``dipgraph serve`` over ``data`` on ``port``, once it answers: (process, seconds
    to start). Its output goes to ``log_path`` (default ``serve.log`` beside ``data``)."""
    log_path = log_path or data.parent / "serve.log"
    log = open(log_path, "wb")  # noqa: SIM115 - closed below
    extra = ("--workers", str(workers)) if workers else ()
    proc = subprocess.Popen(_cli("serve", "--data", str(data), "--port", str(port), *extra),
                            cwd=ROOT, stdout=log, stderr=log)
    start = time.perf_counter()
    try:
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"dipgraph serve exited with {proc.returncode}; "
                                   f"see {log_path}")
            with contextlib.suppress(OSError, http.client.HTTPException):
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                conn.request("GET", "/api/stats")
                if conn.getresponse().status == 200:
                    conn.close()
                    break
            if time.perf_counter() - start > timeout:
                raise RuntimeError("dipgraph serve did not answer in time")
            time.sleep(0.2)
        yield proc, time.perf_counter() - start
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


# ---------------------------------------------------------------------- rdflib
def _timed(fn: Callable[[], Any], budget: float, reps: int) -> tuple[float, int]:
    """Median seconds of ``fn`` over up to ``reps`` runs (fewer once ``budget`` is spent)."""
    times: list[float] = []
    rows = 0
    spent = 0.0
    while len(times) < reps and (not times or spent < budget):
        start = time.perf_counter()
        rows = fn()
        took = time.perf_counter() - start
        times.append(took)
        spent += took
    return statistics.median(times), rows


def _compare_rdflib(path: Path, work: dict[str, Any], reps: int, budget: float) -> dict[str, Any]:
    import rdflib
    from pyoxigraph import QuerySolutions, RdfFormat, Store

    _say(f"rdflib: loading {path} into rdflib.Dataset and pyoxigraph.Store...")
    start = time.perf_counter()
    ox = Store()
    ox.bulk_load(path=str(path), format=RdfFormat.N_QUADS)
    ox_load = time.perf_counter() - start
    start = time.perf_counter()
    ds = rdflib.Dataset(default_union=True)
    ds.parse(str(path), format="nquads")
    rdf_load = time.perf_counter() - start
    _say(f"  loaded: pyoxigraph {ox_load:.1f} s, rdflib {rdf_load:.1f} s")
    person = work["people"][min(len(work["people"]) - 1, len(work["people"]) // 3)]
    place = work["places"][0] if work["places"] else person
    c1, c2 = work["pairs"][0]
    since, until = work["ranges"][0]
    values = {"x": _ID_BASE + person, "place": _ID_BASE + place, "c1": _ID_BASE + c1,
              "c2": _ID_BASE + c2, "since": since, "until": until + "~"}
    queries = {}
    for kind in SPARQL_QUERIES:
        text = _sparql(kind, **values)

        def run_ox(text: str = text) -> int:
            result = ox.query(text, use_default_graph_as_union=True)
            assert isinstance(result, QuerySolutions)
            return sum(1 for _ in result)

        def run_rdflib(text: str = text) -> int:
            return len(list(ds.query(text)))

        ox_s, ox_rows = _timed(run_ox, budget, reps)
        rdf_s, rdf_rows = _timed(run_rdflib, budget, reps)
        queries[kind] = {"pyoxigraph_ms": round(ox_s * 1000, 2),
                         "rdflib_ms": round(rdf_s * 1000, 2),
                         "ratio": round(rdf_s / ox_s, 1) if ox_s else None,
                         "rows": ox_rows, "rows_agree": ox_rows == rdf_rows}
        _say(f"  {kind}: pyoxigraph {queries[kind]['pyoxigraph_ms']} ms, rdflib "
             f"{queries[kind]['rdflib_ms']} ms, ratio {queries[kind]['ratio']}")
    ratios = [q["ratio"] for q in queries.values() if q["ratio"]]
    return {"graph": str(path), "quads": len(ox), "load_s": {"pyoxigraph": round(ox_load, 2),
            "rdflib": round(rdf_load, 2)}, "queries": queries,
            "min_ratio": min(ratios, default=None)}


# ---------------------------------------------------------------------- main
def _synth(meetings: int, seed: int, path: Path) -> dict[str, Any]:
    from scripts.synth import write_graph

    _say(f"synth: {meetings} meetings -> {path}")
    with path.open("wb") as out:
        stats = write_graph(out, meetings=meetings, seed=seed)
    return {"meetings": meetings, "articles": stats.articles, "quads": stats.quads,
            "seconds": round(stats.seconds, 1)}


def _load(graph: Path, data: Path, link: bool = False) -> dict[str, Any]:
    start = time.perf_counter()
    if link:  # the file is served as it is: no `dipgraph import`
        data.mkdir(parents=True)
        (data / "graph.nq").symlink_to(graph.resolve())
    else:
        subprocess.run(_cli("import", str(graph), "--data", str(data)), cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    imported = None if link else time.perf_counter() - start
    done = subprocess.run([sys.executable, "-c", _MEASURE_LOAD, str(data)], cwd=ROOT, check=True,
                          capture_output=True, text=True)
    measured = json.loads(done.stdout.strip().splitlines()[-1])
    quads = int(measured["quads"])
    return {"import_s": None if imported is None else round(imported, 2),
            "load_s": round(measured["seconds"], 4),
            "quads": quads, "quads_per_s": round(quads / measured["seconds"]) if quads else 0,
            "rss_delta_bytes": measured["rss_delta"],
            "bytes_per_quad": round(measured["rss_delta"] / quads, 1) if quads else None}


def _targets(report: dict[str, Any]) -> dict[str, bool]:
    seq = report["sequential"]
    return {
        "p50_le_5ms": all(seq[k]["p50_ms"] <= 5 for k in _JSON_ENDPOINTS),
        "p99_le_50ms": all(seq[k]["p99_ms"] <= 50 for k in _JSON_ENDPOINTS),
        "concurrent_ge_500rps": report["concurrent"]["requests_per_s"] >= 500,
        "load_lt_15s": report["load"]["load_s"] < 15,
        "memory_lt_400_bytes_per_quad": (report["load"]["bytes_per_quad"] or 0) < 400,
    }


def run(args: argparse.Namespace) -> dict[str, Any]:
    """Everything ``main`` does; returns the report."""
    with tempfile.TemporaryDirectory(prefix="dipgraph-bench-") as tmp:
        workdir = Path(tmp)
        report: dict[str, Any] = {"meetings": args.meetings, "seed": args.seed}
        graph = Path(args.graph) if args.graph else workdir / "synth.nq"
        if not args.graph:
            report["synth"] = _synth(args.meetings, args.seed, graph)
        data = workdir / "data"
        _say("load: dipgraph import, then GraphStore.load in a fresh process")
        report["load"] = _load(graph, data, link=args.no_import and graph.suffix == ".nq")
        _say(f"  {report['load']}")
        port = free_port()
        with serve_dipgraph(data, port, args.start_timeout, args.workers) as (proc, started):
            client = Client(port)
            stats = client.json("/api/stats")
            work = _workload(client, args.per_kind, args.seed)
            client.close()
            family = _family(proc.pid)
            report["server"] = {"start_s": round(started, 2), "rss_bytes": _rss(proc.pid),
                                "processes": len(family), "pss_bytes": _pss(family),
                                "stats": stats, "hub": work["hub"]}
            report["server"]["bytes_per_quad"] = round(
                report["server"]["pss_bytes"] / max(stats["quads"], 1), 1)
            _say(f"server: up in {started:.1f} s, {report['server']['rss_bytes'] >> 20} MiB; "
                 f"sequential, {args.requests} requests per endpoint")
            report["sequential"] = _sequential(port, work, args.requests)
            _say(f"concurrent: {args.clients} clients for {args.duration} s")
            report["concurrent"] = _concurrent(port, work, args.clients, args.duration)
            _say(f"  {report['concurrent']['requests_per_s']} requests/s")
            mixed = (*_JSON_ENDPOINTS, "subgraph_hub")
            report["concurrent_with_subgraph"] = _concurrent(port, work, args.clients,
                                                             args.duration, mixed)
            _say(f"  with the hub subgraph in the mix: "
                 f"{report['concurrent_with_subgraph']['requests_per_s']} requests/s")
            report["server"]["pss_after_bytes"] = _pss(_family(proc.pid))
        report["rdflib"] = None
        if not args.no_rdflib:
            rgraph = graph
            if args.rdflib_meetings and args.rdflib_meetings != args.meetings:
                rgraph = workdir / "synth-rdflib.nq"
                _synth(args.rdflib_meetings, args.seed, rgraph)
            report["rdflib"] = _compare_rdflib(rgraph, work, args.rdflib_reps, args.rdflib_budget)
            report["rdflib"]["meetings"] = args.rdflib_meetings or args.meetings
        report["targets"] = _targets(report)
    return report


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--meetings", type=int, default=100_000, help="size of the synthetic graph")
    ap.add_argument("--graph", help="use this N-Quads file instead of generating one")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--requests", type=int, default=300, help="sequential requests per endpoint")
    ap.add_argument("--per-kind", type=int, default=30,
                    help="distinct parameters (actors, places...) per endpoint")
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--duration", type=float, default=15.0, help="seconds of concurrent load")
    ap.add_argument("--start-timeout", type=float, default=900.0)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                    help="dipgraph serve --workers (default: the number of CPUs)")
    ap.add_argument("--no-import", action="store_true",
                    help="serve an .nq --graph as it is instead of `dipgraph import`ing it")
    ap.add_argument("--no-rdflib", action="store_true", help="skip the rdflib comparison")
    ap.add_argument("--rdflib-meetings", type=int, default=None,
                    help="compare with rdflib on a graph of this many meetings (default: same)")
    ap.add_argument("--rdflib-reps", type=int, default=3)
    ap.add_argument("--rdflib-budget", type=float, default=60.0,
                    help="seconds after which a query is not repeated")
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    report = run(args)
    print(json.dumps(report, sort_keys=True), flush=True)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
