"""``GET /id/<local id>``: dereference a node IRI.

``https://w3id.org/dipgraph/id/person/sergey-lavrov`` is served here as
``/id/person/sergey-lavrov``: Turtle, N-Triples, JSON-LD or RDF/XML by ``Accept``;
a browser (``text/html``) is redirected to the page's view of the node.
"""

from __future__ import annotations

from urllib.parse import quote

from fastapi import APIRouter, Request, Response
from fastapi.responses import RedirectResponse

from app.deps import StateDep
from app.errors import ERROR_RESPONSES
from app.negotiate import GRAPH_MEDIA, choose
from graph.queries.nodes import node_triples
from graph.store import RDF_FORMATS, serialize_triples

__all__ = ["router"]

router = APIRouter(tags=["linked data"])

_RESPONSES = {
    **ERROR_RESPONSES,
    200: {"description": "The node's statements",
          "content": {media: {} for _, media in RDF_FORMATS.values()}},
    303: {"description": "A browser is sent to the page's view of the node"},
}


@router.get("/id/{path:path}", responses=_RESPONSES, response_class=Response,
            summary="Dereference a node IRI (content negotiation)")
def dereference(path: str, request: Request, state: StateDep) -> Response:
    fmt = request.query_params.get("format")
    if fmt not in RDF_FORMATS:
        fmt = choose(request.headers.get("accept"), {"text/html": "html", **GRAPH_MEDIA}, "ttl")
    if fmt == "html":
        return RedirectResponse(f"/#/node/{quote(path)}", status_code=303)
    triples = node_triples(state.store, path)
    return Response(serialize_triples(triples, fmt or "ttl"),
                    media_type=RDF_FORMATS[fmt or "ttl"][1], headers={"Vary": "Accept"})
