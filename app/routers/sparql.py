"""``GET|POST /sparql``: the SPARQL 1.1 Protocol endpoint.

Queries come as ``?query=``, as a form field, or as an ``application/sparql-query``
body; ``default-graph-uri`` / ``named-graph-uri`` name the dataset (default: the union
of all graphs: every article graph and the nodes graph ``.../id/graph/nodes`` that
describes each node once; to read one article, name its graph and the nodes graph).
SELECT/ASK answer in SPARQL JSON, XML, CSV or TSV, CONSTRUCT/
DESCRIBE in Turtle, N-Triples, JSON-LD or RDF/XML, by ``Accept`` (or ``?format=``).
Each query runs in a forked worker that is killed after ``settings.query_timeout``
seconds (503); answers carry at most ``settings.max_rows`` rows
(``X-Dipgraph-Truncated: true`` when cut). Updates are refused (403) unless
``settings.update_token`` is set and sent as ``Authorization: Bearer <token>``.
Without a query the endpoint describes itself (SPARQL Service Description), or serves
``static/query.html`` to a browser.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from typing import Any

import rdflib
from fastapi import APIRouter, Request, Response
from fastapi.responses import FileResponse
from rdflib.namespace import RDF
from starlette.concurrency import run_in_threadpool

from app.deps import StateDep
from app.errors import ErrorResponse
from app.negotiate import GRAPH_MEDIA, RESULT_MEDIA, choose, from_params
from app.state import AppState
from graph.errors import BadInput, BadQuery, Forbidden, Unavailable
from graph.store import RDF_FORMATS, RESULT_FORMATS, Answer

__all__ = ["router"]

router = APIRouter(tags=["sparql"])

_SD = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
_FORMATS = rdflib.Namespace("http://www.w3.org/ns/formats/")
_FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
_RDFLIB_FORMATS = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld", "rdfxml": "xml",
                   "nq": "nquads", "trig": "trig"}


def _doc(description: str) -> dict[str, Any]:
    return {"model": ErrorResponse, "description": description}


_PARAMS = [
    {"name": "query", "in": "query", "required": False, "schema": {"type": "string"},
     "description": "SPARQL 1.1 query (GET); default graph = union of all graphs",
     "example": "SELECT ?name WHERE { ?p a schema:Person ; schema:name ?name } LIMIT 10"},
    {"name": "default-graph-uri", "in": "query", "required": False,
     "schema": {"type": "array", "items": {"type": "string"}}},
    {"name": "named-graph-uri", "in": "query", "required": False,
     "schema": {"type": "array", "items": {"type": "string"}}},
    {"name": "format", "in": "query", "required": False,
     "schema": {"type": "string"}, "example": "csv",
     "description": "overrides Accept: json, xml, csv, tsv, ttl, nt, jsonld, rdfxml "
                    "or a media type (also accepted as `output` or `results`)"},
]
_OPENAPI: dict[str, Any] = {
    "parameters": _PARAMS,
    "requestBody": {"required": False, "content": {
        "application/x-www-form-urlencoded": {"schema": {"type": "object", "properties": {
            "query": {"type": "string"}, "update": {"type": "string"},
            "default-graph-uri": {"type": "array", "items": {"type": "string"}},
            "named-graph-uri": {"type": "array", "items": {"type": "string"}}}}},
        "application/sparql-query": {"schema": {"type": "string"}},
        "application/sparql-update": {"schema": {"type": "string"}},
    }},
}
_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"description": "Query results", "content": {
        **{media: {} for media in RESULT_FORMATS.values()},
        **{media: {} for _, media in RDF_FORMATS.values()}}},
    204: {"description": "Update applied"},
    400: _doc("The query or update does not parse (`bad_query`)"),
    403: _doc("Updates are not allowed (`forbidden`)"),
    415: _doc("Unsupported request body type"),
    503: _doc("The query ran past the time limit (`query_timeout`) or the server is busy"),
}


class _Unsupported(BadInput):
    status = 415
    code = "unsupported_media_type"


@dataclass
class _Request:
    query: str | None = None
    update: str | None = None
    default_graphs: list[str] = field(default_factory=list)
    named_graphs: list[str] = field(default_factory=list)
    formats: list[str] = field(default_factory=list)


async def _read(request: Request) -> _Request:
    params = request.query_params
    req = _Request(
        query=params.get("query"),
        default_graphs=params.getlist("default-graph-uri"),
        named_graphs=params.getlist("named-graph-uri"),
        formats=[v for name in ("format", "output", "results") for v in params.getlist(name)],
    )
    if "update" in params:
        raise BadQuery("updates must be sent with POST")
    if request.method != "POST":
        return req
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype in _FORM_TYPES:
        form = await request.form()
        for name in ("query", "update"):
            value = form.get(name)
            if isinstance(value, str):
                setattr(req, name, value)
        req.default_graphs += [v for v in form.getlist("default-graph-uri") if isinstance(v, str)]
        req.named_graphs += [v for v in form.getlist("named-graph-uri") if isinstance(v, str)]
    elif ctype in ("application/sparql-query", "application/sparql-update"):
        try:
            text = (await request.body()).decode("utf-8")
        except UnicodeDecodeError:
            raise BadQuery("the request body is not UTF-8") from None
        if ctype == "application/sparql-query":
            req.query = text
        else:
            req.update = text
    elif ctype or await request.body():
        raise _Unsupported(f"unsupported content type {ctype or '(none)'!r}; use "
                           "application/x-www-form-urlencoded, application/sparql-query "
                           "or application/sparql-update")
    if req.query is not None and req.update is not None:
        raise BadQuery("give either a query or an update, not both")
    return req


@router.get("/sparql", openapi_extra=_OPENAPI, responses=_RESPONSES,
            summary="SPARQL 1.1 Protocol endpoint (query in the URL)",
            response_class=Response, operation_id="sparql_get")
@router.post("/sparql", openapi_extra=_OPENAPI, responses=_RESPONSES,
             summary="SPARQL 1.1 Protocol endpoint (query or update in the body)",
             response_class=Response, operation_id="sparql_post")
async def sparql(request: Request, state: StateDep) -> Response:
    req = await _read(request)
    accept = request.headers.get("accept")
    if req.update is not None:
        await run_in_threadpool(_update, state, request.headers.get("authorization"), req.update)
        return Response(status_code=204)
    if req.query is None:
        return await run_in_threadpool(_describe, state, request, accept, req.formats)
    return await run_in_threadpool(_query, state, req, accept)


def _query(state: AppState, req: _Request, accept: str | None) -> Response:
    wanted_result, wanted_graph = from_params(req.formats)
    result_format = wanted_result or choose(accept, RESULT_MEDIA, "json")
    graph_format = wanted_graph or choose(accept, GRAPH_MEDIA, "ttl")
    settings = state.settings
    if not state.query_slots.acquire(timeout=max(settings.query_timeout, 1.0)):
        raise Unavailable("too many queries are running; try again shortly")
    try:
        answer = state.store.answer(
            req.query or "",
            result_format=result_format or "json",
            graph_format=graph_format or "ttl",
            max_rows=settings.max_rows,
            timeout=settings.query_timeout,
            default_graph_uris=req.default_graphs or None,
            named_graph_uris=req.named_graphs or None,
        )
    finally:
        state.query_slots.release()
    return _response(answer)


def _response(answer: Answer) -> Response:
    media = answer.media_type
    if media.startswith("text/"):
        media += "; charset=utf-8"
    headers = {"Vary": "Accept"}
    if answer.truncated:
        headers["X-Dipgraph-Truncated"] = "true"
    return Response(answer.body, media_type=media, headers=headers)


def _update(state: AppState, authorization: str | None, update: str) -> None:
    token = state.settings.update_token
    if not token:
        raise Forbidden("SPARQL Update is disabled on this endpoint (read-only)")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not secrets.compare_digest(given.strip(), token):
        raise Forbidden("SPARQL Update needs 'Authorization: Bearer <token>'")
    state.update(update)


def _describe(state: AppState, request: Request, accept: str | None, formats: list[str]
              ) -> Response:
    page = state.settings.static_dir / "query.html"
    offers = {"text/html": "html", **GRAPH_MEDIA}
    chosen = from_params(formats)[1] or choose(accept, offers, "ttl")
    if chosen == "html" and page.is_file():
        return FileResponse(page, media_type="text/html")
    if chosen not in _RDFLIB_FORMATS:
        chosen = "ttl"
    g = rdflib.Graph()
    g.bind("sd", _SD)
    service = rdflib.BNode()
    endpoint = str(request.url.replace(query=""))
    g.add((service, RDF.type, _SD.Service))
    g.add((service, _SD.endpoint, rdflib.URIRef(endpoint)))
    g.add((service, _SD.supportedLanguage, _SD.SPARQL11Query))
    if state.settings.update_token:
        g.add((service, _SD.supportedLanguage, _SD.SPARQL11Update))
    g.add((service, _SD.feature, _SD.UnionDefaultGraph))
    for name in ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV",
                 "SPARQL_Results_TSV", "Turtle", "N-Triples", "JSON-LD", "RDF_XML"):
        g.add((service, _SD.resultFormat, _FORMATS[name]))
    dataset = rdflib.BNode()
    default = rdflib.BNode()
    g.add((service, _SD.defaultDataset, dataset))
    g.add((dataset, RDF.type, _SD.Dataset))
    g.add((dataset, _SD.defaultGraph, default))
    g.add((default, RDF.type, _SD.Graph))
    g.add((default, rdflib.URIRef("http://rdfs.org/ns/void#triples"),
           rdflib.Literal(len(state.store))))
    body = g.serialize(format=_RDFLIB_FORMATS[chosen], encoding="utf-8")
    return Response(body, media_type=RDF_FORMATS[chosen][1], headers={"Vary": "Accept"})
