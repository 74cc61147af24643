"""scripts/bench_api.py at a small N: the machinery runs end to end and reports its figures
in the documented JSON shape (no timing assertions)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from scripts.bench_api import SPARQL_QUERIES, _log_ranks, main, percentile

_ENDPOINTS = ("who_met", "place_range", "countries_between", "subgraph_hub", "sparql_two_hop")
_FIGURE = {"n", "p50_ms", "p99_ms", "mean_ms", "max_ms", "status"}
_FIRST = {"first_n", "first_p50_ms", "first_max_ms"}


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        assert main(["--meetings", "60", "--requests", "4", "--per-kind", "3", "--duration",
                     "0.5", "--clients", "2", "--rdflib-reps", "1", "--seed", "5"]) == 0
    last = out.getvalue().strip().splitlines()[-1]
    return dict(json.loads(last))


@pytest.mark.parametrize(("values", "q", "expected"), [
    ([], 50, 0.0),
    ([7.0], 99, 7.0),
    ([1.0, 2.0, 3.0, 4.0], 50, 2.0),
    ([float(i) for i in range(1, 101)], 99, 99.0),
    ([3.0, 1.0, 2.0], 100, 3.0),
])
def test_percentile(values: list[float], q: float, expected: float) -> None:
    assert percentile(values, q) == expected


@pytest.mark.parametrize(("total", "n"), [(1, 5), (10, 3), (20000, 30), (5000, 2)])
def test_log_ranks_cover_head_and_tail(total: int, n: int) -> None:
    ranks = _log_ranks(total, n)
    assert ranks[0] == 0 and ranks[-1] == total - 1
    assert ranks == sorted(set(ranks)) and len(ranks) <= n


def test_top_level_shape(report: dict[str, Any]) -> None:
    assert {"meetings", "seed", "synth", "load", "server", "sequential", "concurrent",
            "rdflib", "targets"} <= set(report)
    assert report["synth"]["meetings"] == 60


def test_load_figures(report: dict[str, Any]) -> None:
    load = report["load"]
    assert load["quads"] == report["synth"]["quads"] == report["server"]["stats"]["quads"]
    assert load["load_s"] > 0 and load["import_s"] > 0
    assert load["bytes_per_quad"] == pytest.approx(load["rss_delta_bytes"] / load["quads"],
                                                   abs=0.1)


@pytest.mark.parametrize("endpoint", _ENDPOINTS)
def test_sequential_figures(report: dict[str, Any], endpoint: str) -> None:
    fig = report["sequential"][endpoint]
    assert set(fig) == _FIGURE | _FIRST
    assert fig["n"] == 4 and fig["status"] == {"200": 4}
    assert 0 < fig["p50_ms"] <= fig["p99_ms"] <= fig["max_ms"]
    assert 1 <= fig["first_n"] <= 4 and fig["first_max_ms"] <= fig["max_ms"]


@pytest.mark.parametrize(("mix", "endpoints"), [
    ("concurrent", ["who_met", "place_range", "countries_between"]),
    ("concurrent_with_subgraph", ["who_met", "place_range", "countries_between",
                                  "subgraph_hub"]),
])
def test_concurrent_figures(report: dict[str, Any], mix: str, endpoints: list[str]) -> None:
    fig = report[mix]
    assert _FIGURE | {"clients", "seconds", "requests_per_s"} <= set(fig)
    assert fig["clients"] == 2 and fig["n"] > 0 and set(fig["status"]) == {"200"}
    assert fig["endpoints"] == endpoints
    assert fig["requests_per_s"] == pytest.approx(fig["n"] / fig["seconds"], rel=0.05)


def test_server_figures(report: dict[str, Any]) -> None:
    server = report["server"]
    assert server["processes"] >= 1 and server["pss_bytes"] > 0 and server["start_s"] > 0
    assert server["bytes_per_quad"] == pytest.approx(
        server["pss_bytes"] / server["stats"]["quads"], abs=0.1)


@pytest.mark.parametrize("query", sorted(SPARQL_QUERIES))
def test_rdflib_comparison(report: dict[str, Any], query: str) -> None:
    fig = report["rdflib"]["queries"][query]
    assert fig["rows_agree"] is True  # both engines give the same number of rows
    assert fig["pyoxigraph_ms"] > 0 and fig["rdflib_ms"] > 0
    assert fig["ratio"] == pytest.approx(fig["rdflib_ms"] / fig["pyoxigraph_ms"], rel=0.05)


def test_targets_are_booleans(report: dict[str, Any]) -> None:
    assert set(report["targets"]) == {"p50_le_5ms", "p99_le_50ms", "concurrent_ge_500rps",
                                      "load_lt_15s", "memory_lt_400_bytes_per_quad"}
    assert all(isinstance(v, bool) for v in report["targets"].values())


def test_skipping_rdflib(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--meetings", "20", "--requests", "1", "--per-kind", "1", "--duration",
                 "0.2", "--clients", "1", "--no-rdflib", "--workers", "1"]) == 0
    last = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert last["rdflib"] is None and last["sequential"]["who_met"]["n"] == 1
    assert last["server"]["processes"] == 1


def test_serving_a_graph_file_as_it_is(tmp_path: Any, capsys: pytest.CaptureFixture[str]
                                       ) -> None:
    from scripts.synth import write_graph

    graph = tmp_path / "g.nq"
    with graph.open("wb") as out:
        stats = write_graph(out, meetings=15, seed=2)
    assert main(["--graph", str(graph), "--no-import", "--requests", "1", "--per-kind", "1",
                 "--duration", "0.2", "--clients", "1", "--no-rdflib", "--workers", "2"]) == 0
    last = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert last["load"]["import_s"] is None and last["load"]["quads"] == stats.quads
    assert last["server"]["processes"] == 3  # the server and two workers
