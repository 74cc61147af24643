"""The dipgraph command line: every command, exit codes, --data and $DIPGRAPH_DATA."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import rdflib

import app.main
from scripts.cli import main

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "tests" / "app" / "fixtures" / "sample.trig"
QUADS = 267
ARTICLE = ("Chinese Foreign Minister Wang Yi met Russian Foreign Minister Sergei Lavrov in "
           "Beijing on Monday to discuss trade.\n")


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A data directory holding the sample graph, imported through the CLI."""
    d = tmp_path / "data"
    assert main(["import", str(SAMPLE), "--data", str(d)]) == 0
    return d


def test_import(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (data / "graph.nq").exists()
    assert main(["import", str(SAMPLE), "--data", str(data)]) == 0  # again: nothing new
    err = capsys.readouterr().err
    assert "0 new statements" in err and f"{QUADS} quads" in err


def test_import_bad_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle")
    assert main(["import", str(bad), str(SAMPLE), "--data", str(tmp_path / "d")]) == 1
    assert "bad.ttl" in capsys.readouterr().err
    assert (tmp_path / "d" / "graph.nq").exists()  # the good file was still imported


@pytest.mark.parametrize(
    ("fmt", "rdflib_format", "dataset"),
    [("nq", "nquads", True), ("trig", "trig", True), ("jsonld", "json-ld", True),
     ("ttl", "turtle", False), ("nt", "nt", False)],
)
def test_export(data: Path, tmp_path: Path, fmt: str, rdflib_format: str,
                dataset: bool) -> None:
    out = tmp_path / f"out.{fmt}"
    assert main(["export", "--data", str(data), "--format", fmt, "-o", str(out)]) == 0
    if dataset:
        ds = rdflib.Dataset()
        ds.parse(out, format=rdflib_format)
        quads = list(ds.quads((None, None, None, None)))
        assert len(quads) == QUADS
        assert len({str(q[3]) for q in quads}) == 6  # one per article, and the nodes graph
    else:
        g = rdflib.Graph().parse(out, format=rdflib_format)
        assert 0 < len(g) < QUADS  # the union graph: a meeting's repeated reports merge
        assert (None, rdflib.URIRef("https://schema.org/name"),
                rdflib.Literal("Sergey Lavrov")) in g


def test_export_to_stdout(data: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["export", "--data", str(data), "--format", "nq"]) == 0
    assert len(capsysbinary.readouterr().out.splitlines()) == QUADS


NAMES = "PREFIX schema: <https://schema.org/> SELECT DISTINCT ?name WHERE { ?p a schema:Person ; schema:name ?name } ORDER BY ?name LIMIT 2"  # noqa: E501


@pytest.mark.parametrize(
    ("fmt", "check"),
    [
        ("table", lambda out: out.splitlines()[0] == "name"
         and out.splitlines()[2].strip() == "Faisal bin Farhan"),
        ("csv", lambda out: out.splitlines() == ["name", "Faisal bin Farhan", "Marco Rubio"]),
        ("json", lambda out: json.loads(out) == [{"name": "Faisal bin Farhan"},
                                                  {"name": "Marco Rubio"}]),
    ],
)
def test_sparql_formats(data: Path, capsys: pytest.CaptureFixture[str], fmt: str,
                        check: Any) -> None:
    assert main(["sparql", NAMES, "--data", str(data), "--format", fmt]) == 0
    assert check(capsys.readouterr().out)


def test_sparql_from_rq_file(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rq = ROOT / "scripts" / "queries" / "met-both-x-and-y.rq"
    assert main(["sparql", str(rq), "--data", str(data), "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[1].endswith("Sergey Lavrov")


@pytest.mark.parametrize(
    ("query", "out"),
    [("ASK { ?s ?p ?o }", "true"),
     ("CONSTRUCT { ?s a ?t } WHERE { ?s a ?t . FILTER(?s = <https://w3id.org/dipgraph/id/org/nato>) }",  # noqa: E501
      "dgr:org\\/nato a schema:Organization")],
)
def test_sparql_ask_and_construct(data: Path, capsys: pytest.CaptureFixture[str], query: str,
                                  out: str) -> None:
    assert main(["sparql", query, "--data", str(data)]) == 0
    assert out in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "message"),
    [(["sparql", "SELEC nothing"], "does not parse"),
     (["sparql", "missing.rq"], "cannot read the query file")],
)
def test_sparql_errors(data: Path, capsys: pytest.CaptureFixture[str], argv: list[str],
                       message: str) -> None:
    assert main([*argv, "--data", str(data)]) == 1
    captured = capsys.readouterr()
    assert message in captured.err and "Traceback" not in captured.err


def test_data_from_environment(data: Path, monkeypatch: pytest.MonkeyPatch,
                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("DIPGRAPH_DATA", str(data))
    assert main(["sparql", "ASK { ?s ?p ?o }"]) == 0
    assert capsys.readouterr().out.strip() == "true"
    monkeypatch.setenv("DIPGRAPH_DATA", str(data.parent / "empty"))
    assert main(["sparql", "ASK { ?s ?p ?o }"]) == 0
    assert capsys.readouterr().out.strip() == "false"


def test_serve_passes_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    seen: dict[str, Any] = {}
    monkeypatch.setattr(app.main, "create_app", lambda settings: seen.setdefault("s", settings))
    monkeypatch.setattr("uvicorn.run", lambda app, **kw: seen.setdefault("run", kw))
    monkeypatch.setenv("DIPGRAPH_MAX_ROWS", "77")
    argv = ["serve", "--data", str(tmp_path), "--port", "8123", "--query-timeout", "3",
            "--update-token", "tok"]
    assert main(argv) == 0
    settings = seen["s"]
    assert (settings.data_dir, settings.query_timeout, settings.max_rows,
            settings.update_token) == (tmp_path, 3.0, 77, "tok")
    assert seen["run"]["host"] == "127.0.0.1" and seen["run"]["port"] == 8123



@pytest.mark.parametrize(("argv", "token", "expected"), [
    ([], None, 1),  # the default server accepts ingest, so it is one process
    (["--workers", "3"], None, 3),
    ([], "tok", 1),
    (["--workers", "2"], "tok", 2),
])
def test_serve_workers(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, argv: list[str],
                       token: str | None, expected: int) -> None:
    seen: dict[str, Any] = {}
    monkeypatch.setattr(app.main, "serve", lambda settings, **kw: seen.update(kw) or 0)
    monkeypatch.setattr("os.cpu_count", lambda: 7)
    extra = ["--update-token", token] if token else []
    assert main(["serve", "--data", str(tmp_path), *argv, *extra]) == 0
    assert seen["workers"] == expected


def test_serve_refuses_zero_workers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--data", str(tmp_path), "--workers", "0"]) == 1
    assert "--workers" in capsys.readouterr().err

def test_extract_and_ingest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "own-001.txt"
    article.write_text(ARTICLE)
    missing = tmp_path / "missing.txt"
    assert main(["extract", str(article), str(missing)]) == 1  # one input failed
    captured = capsys.readouterr()
    (record,) = [json.loads(line) for line in captured.out.splitlines()]
    assert record["doc"] == "own-001" and len(record["meetings"]) == 1
    assert "missing.txt" in captured.err

    data = tmp_path / "data"
    assert main(["ingest", str(article), "--data", str(data)]) == 0
    assert {p.name for p in data.iterdir()} >= {"graph.nq", "extractions.jsonl"}
    assert "ingested 1 articles (1 meetings)" in capsys.readouterr().err
    assert main(["sparql", "ASK { ?m a <https://w3id.org/dipgraph/ontology#Meeting> }",
                 "--data", str(data)]) == 0
    assert capsys.readouterr().out.strip() == "true"


def test_module_entry_point(data: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "scripts.cli", "sparql", "ASK { ?s ?p ?o }",
                           "--data", str(data)], cwd=ROOT, capture_output=True, text=True,
                          check=False)
    assert (done.returncode, done.stdout.strip()) == (0, "true")
    usage = subprocess.run([sys.executable, "-m", "scripts.cli", "export"], cwd=ROOT,
                           capture_output=True, text=True, check=False)
    assert usage.returncode == 2 and "--format" in usage.stderr
