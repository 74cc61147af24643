"""Content negotiation: pick a format from an ``Accept`` header.

>>> choose("text/csv;q=0.5, application/sparql-results+json", RESULT_MEDIA, "json")
'json'
>>> choose("text/*", RESULT_MEDIA, "json")
'csv'
>>> choose("text/html,application/xhtml+xml,*/*;q=0.8", {"text/html": "html", **GRAPH_MEDIA}, "ttl")
'html'
>>> choose("image/png", GRAPH_MEDIA, "ttl") is None
True
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["FORMAT_PARAMS", "GRAPH_MEDIA", "RESULT_MEDIA", "choose", "from_params",
           "parse_accept"]

#: SELECT/ASK result media types -> result format name (graph.store.RESULT_FORMATS).
RESULT_MEDIA: Mapping[str, str] = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
}
#: RDF media types -> RDF format name (graph.store.RDF_FORMATS).
GRAPH_MEDIA: Mapping[str, str] = {
    "text/turtle": "ttl",
    "application/x-turtle": "ttl",
    "application/n-triples": "nt",
    "text/plain": "nt",
    "application/ld+json": "jsonld",
    "application/json": "jsonld",
    "application/rdf+xml": "rdfxml",
    "application/xml": "rdfxml",
    "application/n-quads": "nq",
    "application/trig": "trig",
}


def parse_accept(header: str | None) -> list[str]:
    """Media ranges by preference: higher q first, then more specific, then given order."""
    if not header or not header.strip():
        return ["*/*"]
    ranked = []
    for pos, part in enumerate(header.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        q = 1.0
        for param in fields[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if q > 0:
            specificity = 0 if media == "*/*" else 1 if media.endswith("/*") else 2
            ranked.append((-q, -specificity, pos, media))
    return [m for *_, m in sorted(ranked)]


def choose(header: str | None, offers: Mapping[str, str], default: str) -> str | None:
    """The offered format the client prefers; ``default`` for ``*/*``; ``None`` if none fits."""
    for media in parse_accept(header):
        if media in offers:
            return offers[media]
        if media == "*/*":
            return default
        if media.endswith("/*"):
            prefix = media[:-1]
            for offered, name in offers.items():
                if offered.startswith(prefix):
                    return name
    return None


#: ``?format=`` (also ``output``/``results``, as SPARQLWrapper sends them) values ->
#: (result format, RDF format) they ask for.
FORMAT_PARAMS: Mapping[str, tuple[str | None, str | None]] = {
    "json": ("json", "jsonld"),
    "xml": ("xml", "rdfxml"),
    "csv": ("csv", None),
    "tsv": ("tsv", None),
    "ttl": (None, "ttl"),
    "turtle": (None, "ttl"),
    "nt": (None, "nt"),
    "ntriples": (None, "nt"),
    "n-triples": (None, "nt"),
    "jsonld": (None, "jsonld"),
    "json-ld": (None, "jsonld"),
    "rdfxml": (None, "rdfxml"),
    "rdf+xml": (None, "rdfxml"),
    **{media: (name, None) for media, name in RESULT_MEDIA.items()},
    **{media: (None, name) for media, name in GRAPH_MEDIA.items()},
    "application/json": ("json", "jsonld"),
    "application/xml": ("xml", "rdfxml"),
}


def from_params(values: list[str]) -> tuple[str | None, str | None]:
    """Result and RDF formats named by format parameters; unknown values are ignored.

    >>> from_params(["rdf+xml", "application/rdf+xml"])
    (None, 'rdfxml')
    >>> from_params(["json"])
    ('json', 'jsonld')
    """
    result: str | None = None
    graph: str | None = None
    for value in values:
        r, g = FORMAT_PARAMS.get(value.strip().lower(), (None, None))
        result, graph = result or r, graph or g
    return result, graph
