"""What ``GET /id/<local id>`` returns: the statements about one node.

The node's own triples from every graph (its description in the nodes graph, the
meeting reports of article graphs), plus the triples of its evidence nodes (for a
meeting), de-duplicated and sorted.
"""

from __future__ import annotations

from pyoxigraph import Triple

from graph.errors import NotFound
from graph.queries.common import node
from graph.store import GraphStore

__all__ = ["node_triples"]

_DESCRIBE = """
CONSTRUCT { ?s ?p ?o . ?ev ?ep ?eo } WHERE {
  { ?s ?p ?o } UNION { ?s dg:evidence ?ev . ?ev ?ep ?eo }
}
"""


def node_triples(store: GraphStore, ident: str) -> list[Triple]:
    """Triples describing the node with API id ``ident`` (NotFound when there are none)."""
    triples = set(store.construct(_DESCRIBE, s=node(ident)))
    if not triples:
        raise NotFound("node", ident)
    return sorted(triples, key=str)
