"""The quad store: the one module that talks to pyoxigraph.

An in-memory :class:`pyoxigraph.Store` holding one named graph per article, saved as
N-Quads (``graph.nq``) in the data directory. Queries see the union of all named graphs
as their default graph unless the caller names the graphs.

User-supplied SPARQL (the ``/sparql`` endpoint) runs through :meth:`GraphStore.answer`,
which evaluates the query in a forked child process: pyoxigraph cannot cancel a running
query, but the parent can kill the child when the time limit passes. Copy-on-write
shares the in-memory store with the child, so a fork costs about 30 ms at a million
quads and nothing is copied up front. The fixed queries behind the JSON API run
in-process through :meth:`GraphStore.query` with parameters bound by substitution.

>>> store = GraphStore()
>>> store.import_data('<https://ex.org/a> <https://schema.org/name> "A" <https://ex.org/g> .', "nq")
1
>>> [row["n"].value for row in store.select("SELECT ?n WHERE { ?s ?p ?n }")]
['A']
>>> store.graphs()
['https://ex.org/g']
"""

from __future__ import annotations

import contextlib
import csv
import ctypes
import io
import json
import math
import os
import re
import resource
import select
import signal
import struct
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from typing import Literal as TypingLiteral
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

from pyoxigraph import (
    BlankNode,
    Literal,
    NamedNode,
    Quad,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    QueryTriples,
    RdfFormat,
    Store,
    Triple,
    Variable,
)
from pyoxigraph import serialize as ox_serialize

from graph.errors import BadInput, BadQuery, QueryTimeout, Unavailable
from graph.namespace import PREFIXES

__all__ = [
    "GRAPH_FILE",
    "RDF_FORMATS",
    "RESULT_FORMATS",
    "Answer",
    "GraphStore",
    "QueryKind",
    "AnyTerm",
    "Term",
    "term_value",
]

#: File name of the saved store inside the data directory.
GRAPH_FILE = "graph.nq"

#: What the named queries bind and read (RDF-star triple terms only reach user SPARQL).
Term = NamedNode | BlankNode | Literal
AnyTerm = NamedNode | BlankNode | Literal | Triple
QueryKind = TypingLiteral["select", "ask", "construct"]

#: RDF serializations by short name: (pyoxigraph format, media type).
RDF_FORMATS: Mapping[str, tuple[RdfFormat, str]] = {
    "ttl": (RdfFormat.TURTLE, "text/turtle"),
    "nt": (RdfFormat.N_TRIPLES, "application/n-triples"),
    "nq": (RdfFormat.N_QUADS, "application/n-quads"),
    "trig": (RdfFormat.TRIG, "application/trig"),
    "jsonld": (RdfFormat.JSON_LD, "application/ld+json"),
    "rdfxml": (RdfFormat.RDF_XML, "application/rdf+xml"),
}
#: SPARQL result serializations by short name -> media type.
RESULT_FORMATS: Mapping[str, str] = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
_OX_RESULT_FORMATS = {
    "json": QueryResultsFormat.JSON,
    "xml": QueryResultsFormat.XML,
    "csv": QueryResultsFormat.CSV,
    "tsv": QueryResultsFormat.TSV,
}
_EXTENSIONS = {".ttl": "ttl", ".nt": "nt", ".nq": "nq", ".trig": "trig", ".jsonld": "jsonld",
               ".json": "jsonld", ".rdf": "rdfxml", ".owl": "rdfxml"}
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_EMPTY = Store()  # parses queries without touching data
_PR_SET_PDEATHSIG = 1
_MAX_FD = os.sysconf("SC_OPEN_MAX") if hasattr(os, "sysconf") else 1024


@dataclass(frozen=True)
class Answer:
    """A serialized answer to a user query."""

    kind: QueryKind
    media_type: str
    body: bytes
    rows: int  # solutions or triples written (1 for ASK)
    truncated: bool = False


def term_value(term: AnyTerm | None) -> Any:
    """A plain Python value for a term: IRIs and strings as ``str``, numbers as numbers.

    >>> term_value(Literal("3", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#integer")))
    3
    >>> term_value(NamedNode("https://ex.org/a"))
    'https://ex.org/a'
    """
    if term is None:
        return None
    if isinstance(term, Literal):
        dtype = term.datatype.value
        if dtype.endswith(("#integer", "#int", "#long", "#nonNegativeInteger")):
            with contextlib.suppress(ValueError):
                return int(term.value)
        if dtype.endswith(("#decimal", "#double", "#float")):
            with contextlib.suppress(ValueError):
                return float(term.value)
        if dtype.endswith("#boolean"):
            return term.value in ("true", "1")
        return term.value
    if isinstance(term, Triple):
        return str(term)
    return term.value


def _node(iri: str | NamedNode) -> NamedNode:
    return iri if isinstance(iri, NamedNode) else NamedNode(iri)


def _rdf_format(name: str) -> RdfFormat:
    try:
        return RDF_FORMATS[name][0]
    except KeyError:
        known = ", ".join(RDF_FORMATS)
        raise BadInput(f"unknown RDF format {name!r}; use one of {known}") from None


def _graph_terms(uris: Sequence[str] | None) -> Any:
    if not uris:
        return None
    try:
        return [NamedNode(u) for u in uris]
    except ValueError as err:
        raise BadQuery(f"not a valid graph IRI: {err}") from None


class GraphStore:
    """An in-memory quad store, optionally backed by ``data_dir/graph.nq``.

    Writes are serialized by a lock; reads run concurrently. ``version`` grows on every
    write, so derived indexes (alias index, network) know when to rebuild.
    """

    def __init__(self, data_dir: Path | str | None = None) -> None:
        self.data_dir = Path(data_dir) if data_dir is not None else None
        self._store = Store()
        self._lock = threading.RLock()
        self._version = 0
        self._size: int | None = 0

    # ------------------------------------------------------------------ state
    @property
    def path(self) -> Path | None:
        """``data_dir/graph.nq``, or ``None`` for a store without a data directory."""
        return self.data_dir / GRAPH_FILE if self.data_dir is not None else None

    @property
    def version(self) -> int:
        return self._version

    def _changed(self) -> None:
        self._version += 1
        self._size = None

    def __len__(self) -> int:
        """Number of quads (cached between writes)."""
        if self._size is None:
            self._size = len(self._store)
        return self._size

    def graphs(self) -> list[str]:
        """IRIs of the named graphs (one per article), sorted."""
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, NamedNode))

    # ------------------------------------------------------------------ persistence
    def load(self) -> int:
        """Read ``data_dir/graph.nq`` if it exists; returns the number of quads loaded."""
        path = self.path
        if path is None or not path.exists():
            return 0
        with self._lock:
            self._store = Store()
            try:
                self._store.load(path=path, format=RdfFormat.N_QUADS, lenient=True)
            except SyntaxError as err:
                raise BadInput(f"{path}: not valid N-Quads: {err}") from None
            self._changed()
        return len(self)

    def save(self) -> Path | None:
        """Write the store to ``data_dir/graph.nq`` atomically (temp file + rename)."""
        path = self.path
        if path is None:
            return None
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._lock:
            fd, tmp = tempfile.mkstemp(prefix=".graph-", suffix=".nq.tmp", dir=path.parent)
            try:
                with os.fdopen(fd, "wb") as out:
                    self._store.dump(out, RdfFormat.N_QUADS)
                    out.flush()
                    os.fsync(out.fileno())
                # mkstemp makes the file private; keep the mode the saved file had
                os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o644)
                os.replace(tmp, path)
            except BaseException:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(tmp)
                raise
        return path

    # ------------------------------------------------------------------ writes
    def add_quads(self, quads: Iterable[Quad]) -> int:
        """Add quads as they are; returns how many were given."""
        batch = list(quads)
        with self._lock:
            self._store.extend(batch)
            self._changed()
        return len(batch)

    def replace_graph(self, graph_iri: str | NamedNode, quads: Iterable[Quad | Triple]) -> int:
        """Drop the named graph and put ``quads`` in it (re-ingesting is idempotent).

        Every statement lands in ``graph_iri`` whatever graph it came with.
        """
        graph = _node(graph_iri)
        batch = [Quad(q.subject, q.predicate, q.object, graph) for q in quads]
        with self._lock:
            self._store.remove_graph(graph)
            self._store.extend(batch)
            self._changed()
        return len(batch)

    def remove_graph(self, graph_iri: str | NamedNode) -> None:
        with self._lock:
            self._store.remove_graph(_node(graph_iri))
            self._changed()

    def import_file(self, path: Path | str, format: str | None = None) -> int:
        """Bulk-load an RDF file (.nq/.trig/.ttl/.nt/.jsonld/.rdf); returns quads added.

        Triples from triple formats go to the default graph.
        """
        path = Path(path)
        fmt = format or _EXTENSIONS.get(path.suffix.lower())
        if fmt is None:
            raise BadInput(f"{path}: cannot tell the RDF format from the extension {path.suffix!r}")
        if not path.is_file():
            raise BadInput(f"{path}: no such file")
        with self._lock:
            before = len(self)
            try:
                self._store.bulk_load(path=path, format=_rdf_format(fmt))
            except SyntaxError as err:
                raise BadInput(f"{path}: {err}") from None
            self._changed()
            return len(self) - before

    def import_data(self, data: str | bytes, format: str) -> int:
        """Load RDF text in one of :data:`RDF_FORMATS`; returns quads added."""
        with self._lock:
            before = len(self)
            try:
                self._store.load(data, _rdf_format(format))
            except SyntaxError as err:
                raise BadInput(f"not valid {format}: {err}") from None
            self._changed()
            return len(self) - before

    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 Update (the caller checks permission)."""
        with self._lock:
            try:
                self._store.update(sparql, prefixes=PREFIXES)
            except SyntaxError as err:
                raise BadQuery(f"SPARQL update does not parse: {err}") from None
            except (OSError, RuntimeError, ValueError) as err:
                raise BadQuery(f"SPARQL update failed: {err}") from None
            finally:
                self._changed()

    # ------------------------------------------------------------------ reads
    def query(
        self,
        sparql: str,
        *,
        substitutions: Mapping[str, AnyTerm] | None = None,
        default_graph_uris: Sequence[str] | None = None,
        named_graph_uris: Sequence[str] | None = None,
    ) -> QuerySolutions | QueryBoolean | QueryTriples:
        """Evaluate a query; the default graph is the union of all named graphs.

        ``substitutions`` binds variables to terms (pyoxigraph's SEP-0007 semantics: a
        substituted variable of a SELECT query must appear in its projection). The
        common prefixes of :data:`graph.namespace.PREFIXES` are predeclared.
        """
        default = _graph_terms(default_graph_uris)
        subs: dict[Variable, AnyTerm] | None = (
            {Variable(k): v for k, v in substitutions.items()} if substitutions else None
        )
        try:
            return self._store.query(
                sparql,
                prefixes=PREFIXES,
                use_default_graph_as_union=default is None,
                default_graph=default,
                named_graphs=_graph_terms(named_graph_uris),
                substitutions=subs,
            )
        except SyntaxError as err:
            raise BadQuery(f"SPARQL query does not parse: {err}") from None
        except (OSError, RuntimeError, ValueError) as err:
            raise BadQuery(f"SPARQL query failed: {err}") from None

    def select(self, sparql: str, **substitutions: Term) -> list[dict[str, Term]]:
        """Rows of a SELECT query as ``{variable: term}`` (unbound variables left out)."""
        result = self.query(sparql, substitutions=substitutions or None)
        if not isinstance(result, QuerySolutions):
            raise BadQuery("expected a SELECT query")
        names = [v.value for v in result.variables]
        rows: list[dict[str, Term]] = []
        try:
            for solution in result:
                rows.append({n: t for n, t in zip(names, solution, strict=True)
                             if t is not None and not isinstance(t, Triple)})
        except (OSError, RuntimeError) as err:
            raise BadQuery(f"SPARQL query failed: {err}") from None
        return rows

    def ask(self, sparql: str, **substitutions: Term) -> bool:
        result = self.query(sparql, substitutions=substitutions or None)
        if not isinstance(result, QueryBoolean):
            raise BadQuery("expected an ASK query")
        return bool(result)

    def construct(self, sparql: str, **substitutions: Term) -> list[Triple]:
        result = self.query(sparql, substitutions=substitutions or None)
        if not isinstance(result, QueryTriples):
            raise BadQuery("expected a CONSTRUCT or DESCRIBE query")
        return list(result)

    def dump(self, format: str, *, graph: str | None = None) -> bytes:
        """The whole store (quad formats) or its union graph (triple formats) as bytes.

        >>> s = GraphStore()
        >>> s.import_data('<https://ex.org/a> <https://ex.org/p> "x" <https://ex.org/g> .', "nq")
        1
        >>> s.dump("nt")
        b'<https://ex.org/a> <https://ex.org/p> "x" .\\n'
        """
        fmt = _rdf_format(format)
        prefixes = PREFIXES if format in ("ttl", "trig") else None
        if graph is not None:
            return _bytes(self._store.dump(format=fmt, from_graph=_node(graph), prefixes=prefixes))
        if fmt.supports_datasets:
            return _bytes(self._store.dump(format=fmt, prefixes=prefixes))
        # article graphs repeat statements: the union graph is their DISTINCT merge
        triples = self.construct(
            "CONSTRUCT { ?s ?p ?o } WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }")
        return serialize_triples(triples, format)

    def quads(self, graph: str | None = None) -> Iterator[Quad]:
        """All quads, or those of one named graph."""
        if graph is None:
            return iter(self._store)
        return self._store.quads_for_pattern(None, None, None, _node(graph))

    def pattern(self, subject: NamedNode | BlankNode | None = None,
                predicate: NamedNode | None = None, object: Term | None = None) -> Iterator[Quad]:
        """The quads of every graph matching a pattern (``None`` matches anything).

        Reading one kind of fact this way is about twice as fast as the same
        ``SELECT DISTINCT`` (no query plan, no joins); repeated facts come once per graph.

        >>> s = GraphStore()
        >>> s.import_data('<https://ex.org/a> <https://ex.org/p> "x" <https://ex.org/g> .', "nq")
        1
        >>> [q.object.value for q in s.pattern(predicate=NamedNode("https://ex.org/p"))]
        ['x']
        """
        return self._store.quads_for_pattern(subject, predicate, object, None)

    # ------------------------------------------------------------------ user SPARQL
    def query_kind(self, sparql: str) -> QueryKind:
        """Parse a query (without evaluating it on our data) and tell its form.

        >>> GraphStore().query_kind("ASK { ?s ?p ?o }")
        'ask'
        """
        _refuse_service(sparql)
        try:
            result = _EMPTY.query(sparql, prefixes=PREFIXES)
        except SyntaxError as err:
            raise BadQuery(f"SPARQL query does not parse: {err}") from None
        except (OSError, RuntimeError, ValueError) as err:
            raise BadQuery(f"SPARQL query cannot be evaluated: {err}") from None
        if isinstance(result, QueryBoolean):
            return "ask"
        if isinstance(result, QueryTriples):
            return "construct"
        return "select"

    def answer(
        self,
        sparql: str,
        *,
        result_format: str = "json",
        graph_format: str = "ttl",
        max_rows: int | None = None,
        timeout: float | None = None,
        default_graph_uris: Sequence[str] | None = None,
        named_graph_uris: Sequence[str] | None = None,
    ) -> Answer:
        """Evaluate user SPARQL and serialize the answer.

        SELECT/ASK answers use ``result_format`` (:data:`RESULT_FORMATS`),
        CONSTRUCT/DESCRIBE ``graph_format`` (:data:`RDF_FORMATS`). At most ``max_rows``
        solutions or triples are written (``truncated`` tells). With a ``timeout`` the
        query runs in a forked child that is killed when time runs out
        (:class:`~graph.errors.QueryTimeout`).
        """
        if result_format not in RESULT_FORMATS:
            raise BadInput(f"unknown result format {result_format!r}")
        _rdf_format(graph_format)
        self.query_kind(sparql)  # syntax errors and SERVICE are caught before forking
        args = (sparql, result_format, graph_format, max_rows,
                default_graph_uris, named_graph_uris)
        if not timeout or timeout <= 0:
            return self._evaluate(*args)
        return self._evaluate_in_child(args, timeout)

    def _evaluate(
        self,
        sparql: str,
        result_format: str,
        graph_format: str,
        max_rows: int | None,
        default_graph_uris: Sequence[str] | None,
        named_graph_uris: Sequence[str] | None,
    ) -> Answer:
        result = self.query(sparql, default_graph_uris=default_graph_uris,
                            named_graph_uris=named_graph_uris)
        try:
            if isinstance(result, QueryBoolean):
                body = _bytes(result.serialize(format=_OX_RESULT_FORMATS[result_format]))
                return Answer("ask", RESULT_FORMATS[result_format], body, 1)
            if isinstance(result, QueryTriples):
                # article graphs repeat statements; a graph answer holds each once
                triples, truncated = _take(_unique(result), max_rows)
                return Answer("construct", RDF_FORMATS[graph_format][1],
                              serialize_triples(triples, graph_format), len(triples), truncated)
            names = [v.value for v in result.variables]
            rows, truncated = _take(result, max_rows)
            body = _write_solutions(names, [list(r) for r in rows], result_format)
            return Answer("select", RESULT_FORMATS[result_format], body, len(rows), truncated)
        except (OSError, RuntimeError, ValueError) as err:
            raise BadQuery(f"SPARQL query failed: {err}") from None

    def _evaluate_in_child(self, args: tuple[Any, ...], timeout: float) -> Answer:
        read_fd, write_fd = os.pipe()
        try:
            with self._lock:  # never fork in the middle of a write (the child would see
                pid = os.fork()  # the store's internal locks held forever)
        except OSError as err:
            os.close(read_fd)
            os.close(write_fd)
            raise Unavailable(f"cannot start a query worker: {err.strerror}") from None
        if pid == 0:  # the child: evaluate, write one message, never return
            _child_main(self, args, write_fd, timeout)
        os.close(write_fd)
        deadline = time.monotonic() + timeout
        message = bytearray()
        try:
            # the message says how long it is: other workers forked meanwhile may hold
            # copies of the pipe's write end, so end-of-file can come late
            while not _complete(message):
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise QueryTimeout(
                        f"the query ran past the {timeout:g} s time limit and was stopped;"
                        " narrow it down or add a LIMIT"
                    )
                ready, _, _ = select.select([read_fd], [], [], remaining)
                if ready:
                    chunk = os.read(read_fd, 1 << 16)
                    if not chunk:
                        break
                    message += chunk
        finally:
            os.close(read_fd)
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)
        return _decode_child_message(bytes(message))


def serialize_triples(triples: Iterable[Triple], format: str) -> bytes:
    """Triples in one of :data:`RDF_FORMATS` (the common prefixes where the format has them)."""
    fmt = _rdf_format(format)
    if fmt.supports_datasets:
        quads = (Quad(t.subject, t.predicate, t.object) for t in triples)
        return _bytes(ox_serialize(quads, format=fmt))
    prefixes = PREFIXES if format in ("ttl", "rdfxml") else None
    return _bytes(ox_serialize(triples, format=fmt, prefixes=prefixes))


# ---------------------------------------------------------------------- child process
_HEADER = struct.Struct("!II")  # lengths of the JSON header and of the body


def _child_main(store: GraphStore, args: tuple[Any, ...], fd: int, timeout: float) -> None:
    code = 0
    try:
        _limit_child(fd, timeout)
        try:
            ans = store._evaluate(*args)
            header = {"ok": True, "kind": ans.kind, "media_type": ans.media_type,
                      "rows": ans.rows, "truncated": ans.truncated}
            body = ans.body
        except BadQuery as err:
            header, body = {"ok": False, "message": err.message}, b""
        head = json.dumps(header).encode()
        with os.fdopen(fd, "wb") as out:
            out.write(_HEADER.pack(len(head), len(body)) + head + body)
    except BaseException:  # noqa: B036 - the child must always reach os._exit
        code = 1
    finally:
        os._exit(code)


def _limit_child(keep_fd: int, timeout: float) -> None:
    """Let a worker hold nothing of the parent's and never outlive it or its limit."""
    os.closerange(3, keep_fd)  # sockets, other workers' pipes...
    os.closerange(keep_fd + 1, _MAX_FD)
    with contextlib.suppress(OSError, ValueError):
        cpu = math.ceil(timeout) + 2  # SIGXCPU if the parent fails to kill us
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)  # die with the parent (Linux)


def _complete(message: bytearray) -> bool:
    if len(message) < _HEADER.size:
        return False
    head, body = _HEADER.unpack_from(message)
    return len(message) >= _HEADER.size + head + body


def _decode_child_message(data: bytes) -> Answer:
    if not _complete(bytearray(data)):
        raise Unavailable("the query worker stopped without an answer (out of memory?)")
    head_len, body_len = _HEADER.unpack_from(data)
    header = json.loads(data[_HEADER.size:_HEADER.size + head_len])
    body = data[_HEADER.size + head_len:_HEADER.size + head_len + body_len]
    if not header["ok"]:
        raise BadQuery(header["message"])
    return Answer(header["kind"], header["media_type"], body, header["rows"], header["truncated"])


# ---------------------------------------------------------------------- helpers
_NOT_CODE = re.compile(
    r"""#[^\n]*|<[^<>"{}|^`\\\s]*>|'''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*\"""",
    re.DOTALL,
)
_SERVICE = re.compile(r"(?<![\w:?$])SERVICE(?![\w:])", re.IGNORECASE)


def _refuse_service(sparql: str) -> None:
    """Federated queries (``SERVICE``) would make the server fetch arbitrary URLs."""
    if _SERVICE.search(_NOT_CODE.sub(" ", sparql)):
        raise BadQuery("SERVICE (federated query) is not allowed on this endpoint")


def _bytes(data: bytes | None) -> bytes:
    return data or b""


def _unique(items: Iterable[Triple]) -> Iterator[Triple]:
    seen: set[Triple] = set()
    for item in items:
        if item not in seen:
            seen.add(item)
            yield item


def _take(items: Iterable[Any], limit: int | None) -> tuple[list[Any], bool]:
    out: list[Any] = []
    for item in items:
        if limit is not None and len(out) >= limit:
            return out, True
        out.append(item)
    return out, False


def _json_term(t: AnyTerm) -> dict[str, Any]:
    if isinstance(t, NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, BlankNode):
        return {"type": "bnode", "value": t.value}
    if isinstance(t, Literal):
        out: dict[str, Any] = {"type": "literal", "value": t.value}
        if t.language:
            out["xml:lang"] = t.language
        elif t.datatype.value != _XSD_STRING:
            out["datatype"] = t.datatype.value
        return out
    return {"type": "triple", "value": {"subject": _json_term(t.subject),
                                        "predicate": _json_term(t.predicate),
                                        "object": _json_term(t.object)}}


def _xml_term(t: AnyTerm) -> str:
    if isinstance(t, NamedNode):
        return f"<uri>{xml_escape(t.value)}</uri>"
    if isinstance(t, BlankNode):
        return f"<bnode>{xml_escape(t.value)}</bnode>"
    if isinstance(t, Literal):
        if t.language:
            attr = f" xml:lang={quoteattr(t.language)}"
        elif t.datatype.value not in (_XSD_STRING, _RDF_LANGSTRING):
            attr = f" datatype={quoteattr(t.datatype.value)}"
        else:
            attr = ""
        return f"<literal{attr}>{xml_escape(t.value)}</literal>"
    return (f"<triple><subject>{_xml_term(t.subject)}</subject>"
            f"<predicate>{_xml_term(t.predicate)}</predicate>"
            f"<object>{_xml_term(t.object)}</object></triple>")


def _csv_term(t: AnyTerm | None) -> str:
    if t is None:
        return ""
    if isinstance(t, BlankNode):
        return f"_:{t.value}"
    if isinstance(t, Triple):
        return str(t)
    return t.value


def _write_solutions(names: list[str], rows: list[list[AnyTerm | None]], fmt: str) -> bytes:
    """SPARQL 1.1 results (JSON, XML, CSV, TSV) for a list of solutions."""
    if fmt == "json":
        bindings = [{n: _json_term(t) for n, t in zip(names, row, strict=True) if t is not None}
                    for row in rows]
        return json.dumps({"head": {"vars": names}, "results": {"bindings": bindings}},
                          ensure_ascii=False).encode()
    if fmt == "xml":
        parts = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">',
                 "<head>", *(f"<variable name={quoteattr(n)}/>" for n in names), "</head><results>"]
        for row in rows:
            parts.append("<result>")
            parts.extend(f"<binding name={quoteattr(n)}>{_xml_term(t)}</binding>"
                         for n, t in zip(names, row, strict=True) if t is not None)
            parts.append("</result>")
        parts.append("</results></sparql>\n")
        return "\n".join(parts).encode()
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(names)
        writer.writerows([_csv_term(t) for t in row] for row in rows)
        return buf.getvalue().encode()
    lines = ["\t".join("?" + n for n in names)]
    lines.extend("\t".join("" if t is None else str(t) for t in row) for row in rows)
    return ("\n".join(lines) + "\n").encode()
