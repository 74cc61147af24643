"""Subgraph API and page benchmark (issue 6): ``bench_page.py --data DIR [--data DIR ...]``.

For each data directory (a graph saved by ``dipgraph ingest`` or ``dipgraph import``):

1. Starts ``dipgraph serve`` on a free port (or uses ``--url`` of a running server).
2. Over HTTP (one keep-alive connection, sequential): p50/p99 latency, answer size,
   nodes and edges of ``/api/subgraph`` for the busiest actor (the hub) with the page's
   defaults, at depth 2, with a date, a status and a country filter, and for actors
   ranked 10th, 100th and 1000th by meetings.
3. In Debian's Chromium (Playwright, ``/usr/bin/chromium``, 1280x800): opens the page on
   the hub (and on the 100th actor) ``--loads`` times and reads the marks ``app.js``
   sets: ``dipgraph:first-draw`` (ms since navigation: actors and the centre's links
   painted), ``dipgraph:complete`` (the other links too), the subgraph request
   (``dipgraph:fetch`` to ``dipgraph:fetched``), then the redraw after a status filter
   is chosen, and the longest task that blocked the page (``longtask`` entries: a
   freeze shows here).

Progress goes to stderr; the last line on stdout is one JSON object with every figure.
"""

from __future__ import annotations

import argparse
import json
import sys
import urllib.parse
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from scripts.bench_api import Client, free_port, percentile, query_path, serve_dipgraph

__all__ = ["main", "run"]

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]
#: Collects the tasks over 50 ms that blocked the page, from the start of the load.
_LONGTASKS = """
window.__longtasks = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__longtasks.push(e.duration);
}).observe({ type: "longtask", buffered: true });
"""
_MARKS = """() => {
  const one = (name) => {
    const e = performance.getEntriesByName(name);
    return e.length ? e[e.length - 1].startTime : null;
  };
  return { first: one("dipgraph:first-draw"), complete: one("dipgraph:complete"),
           fetch: one("dipgraph:fetch"),
           fetched: one("dipgraph:fetched"), last: one("dipgraph:drawn"),
           nodes: window.dipgraphCy.nodes().length,
           edges: window.dipgraphCy.edges().length,
           drawn: performance.getEntriesByName("dipgraph:drawn").length };
}"""


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------- HTTP
def _targets(client: Client) -> dict[str, dict[str, str]]:
    """The subgraph requests timed: the hub with the page's defaults and filters, and
    actors further down the ranking."""
    ranked = client.json(query_path("/api/actors/top", n="500"))["items"]
    hub = ranked[0]["id"]
    out: dict[str, dict[str, str]] = {"hub": {"center": hub}}
    out["hub depth=2"] = {"center": hub, "depth": "2"}
    edges = client.json(query_path("/api/subgraph", center=hub))["edges"]
    years = sorted(d[:4] for e in edges for d in (e["data"]["first"], e["data"]["last"]) if d)
    if years:
        out[f"hub since={years[len(years) // 2]}"] = {"center": hub,
                                                      "since": years[len(years) // 2]}
    out["hub status=held"] = {"center": hub, "status": "held"}
    detail = client.json(f"/api/actors/{hub}")
    country = (detail.get("country") or {}).get("id")
    if country is None:  # a country hub: filter by the busiest other country
        country = next((r["id"] for r in ranked[1:] if r["type"] == "Country"), None)
    if country is not None:
        out[f"hub country={country}"] = {"center": hub, "country": country}
    for rank in (10, 100, 500):
        if len(ranked) >= rank:
            out[f"rank {rank}"] = {"center": ranked[rank - 1]["id"]}
    return out


def _http(client: Client, targets: dict[str, dict[str, str]], requests: int
          ) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, params in targets.items():
        path = query_path("/api/subgraph", **params)
        client.get(path)  # warm
        times, size, body = [], 0, b""
        for _ in range(requests):
            status, body, seconds = client.get(path)
            if status != 200:
                raise RuntimeError(f"GET {path} answered {status}")
            times.append(seconds * 1000)
            size = len(body)
        sub = json.loads(body)
        out[name] = {"params": params, "p50_ms": round(percentile(times, 50), 2),
                     "p99_ms": round(percentile(times, 99), 2), "bytes": size,
                     "nodes": len(sub["nodes"]), "edges": len(sub["edges"]),
                     "truncated": sub["truncated"]}
        _say(f"  {name:32s} p50 {out[name]['p50_ms']:7.1f} ms  p99 {out[name]['p99_ms']:7.1f}"
             f" ms  {size >> 10} KiB  {out[name]['nodes']} nodes {out[name]['edges']} edges")
    return out


# ---------------------------------------------------------------------- browser
def _page_loads(base: str, center: str, loads: int) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    runs = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=_ARGS)
        try:
            for _ in range(loads):
                context = browser.new_context(viewport={"width": 1280, "height": 800})
                page = context.new_page()
                page.add_init_script(_LONGTASKS)
                page.goto(base + "/#" + urllib.parse.urlencode({"center": center}))
                page.wait_for_function(
                    "performance.getEntriesByName('dipgraph:complete').length > 0",
                    timeout=60_000)
                first = page.evaluate(_MARKS)
                # a filter redraws from the API: time from the change to the new drawing
                start = page.evaluate("""() => {
                    const sel = document.getElementById('f-status');
                    sel.value = 'held';
                    const t = performance.now();
                    sel.dispatchEvent(new Event('change', { bubbles: true }));
                    return t; }""")
                page.wait_for_function(
                    f"performance.getEntriesByName('dipgraph:drawn').length > {first['drawn']}",
                    timeout=60_000)
                again = page.evaluate(_MARKS)
                page.wait_for_timeout(300)  # let a long task that is still running report
                longest = page.evaluate("Math.max(0, ...window.__longtasks)")
                runs.append({"first_draw_ms": first["first"], "complete_ms": first["complete"],
                             "fetch_ms": first["fetched"] - first["fetch"],
                             "nodes": first["nodes"], "edges": first["edges"],
                             "redraw_ms": again["last"] - start,
                             "longest_task_ms": longest})
                context.close()
        finally:
            browser.close()
    firsts = [r["first_draw_ms"] for r in runs]
    return {"center": center, "loads": loads, "runs": runs,
            "first_draw_p50_ms": round(percentile(firsts, 50), 1),
            "first_draw_max_ms": round(max(firsts), 1),
            "complete_p50_ms": round(percentile([r["complete_ms"] for r in runs], 50), 1),
            "redraw_p50_ms": round(percentile([r["redraw_ms"] for r in runs], 50), 1),
            "longest_task_ms": round(max(r["longest_task_ms"] for r in runs), 1)}


# ---------------------------------------------------------------------- main
def _bench(base: str, args: argparse.Namespace) -> dict[str, Any]:
    parts = urllib.parse.urlsplit(base)
    client = Client(parts.port or 80, parts.hostname or "127.0.0.1")
    try:
        stats = client.json("/api/stats")
        _say(f"  graph: {stats}")
        targets = _targets(client)
        report: dict[str, Any] = {"stats": stats, "http": _http(client, targets, args.requests)}
    finally:
        client.close()
    report["page"] = {}
    for name in ("hub", "rank 100"):
        if name in targets and args.loads > 0:
            page = _page_loads(base, targets[name]["center"], args.loads)
            report["page"][name] = page
            _say(f"  page {name:10s} first draw p50 {page['first_draw_p50_ms']} ms, max "
                 f"{page['first_draw_max_ms']} ms; all links p50 {page['complete_p50_ms']} ms; "
                 f"redraw p50 {page['redraw_p50_ms']} ms; longest task "
                 f"{page['longest_task_ms']} ms")
    return report


def run(args: argparse.Namespace) -> dict[str, Any]:
    report: dict[str, Any] = {}
    if args.url:
        _say(f"{args.url}:")
        report[args.url] = _bench(args.url.rstrip("/"), args)
    for data in args.data:
        _say(f"{data}: starting dipgraph serve")
        port, data_dir = free_port(), Path(data)
        with serve_dipgraph(data_dir, port, args.start_timeout,
                            log_path=data_dir / "bench_page.serve.log") as (_, started):
            _say(f"  up in {started:.1f} s")
            report[str(data)] = {"start_s": round(started, 1),
                                 **_bench(f"http://127.0.0.1:{port}", args)}
    return report


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--data", action="append", default=[], metavar="DIR",
                   help="a data directory to serve and measure (repeatable)")
    p.add_argument("--url", help="measure a server that is already running instead")
    p.add_argument("--requests", type=int, default=100, help="requests per subgraph target")
    p.add_argument("--loads", type=int, default=5, help="page loads per actor (0: no browser)")
    p.add_argument("--start-timeout", type=float, default=900.0, metavar="SECONDS")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if not args.data and not args.url:
        _parser().error("give --data DIR (repeatable) or --url")
    print(json.dumps(run(args)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
