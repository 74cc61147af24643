"""One exception tree for dipgraph; each class knows the HTTP status it maps to.

The app maps :class:`DipgraphError` to a JSON error body in one place
(``app/errors.py``); the CLI prints ``str(error)`` and exits non-zero.

>>> err = NotFound("actor", "person/sergey-lavrov")
>>> (err.status, err.code, str(err))
(404, 'not_found', "no actor with id 'person/sergey-lavrov'")
"""

from __future__ import annotations

__all__ = [
    "BadInput",
    "BadQuery",
    "DipgraphError",
    "Forbidden",
    "NotFound",
    "QueryTimeout",
    "SourceError",
    "Unavailable",
]


class DipgraphError(Exception):
    """Base of every error dipgraph raises on purpose."""

    status: int = 500
    code: str = "internal_error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class BadInput(DipgraphError):
    """A request or argument is malformed (a bad date, an unknown filter value...)."""

    status = 422
    code = "bad_input"


class SourceError(BadInput):
    """An input article cannot be read; names the input and what is wrong."""

    code = "bad_article"

    def __init__(self, origin: str, problem: str) -> None:
        super().__init__(f"{origin}: {problem}")
        self.origin = origin
        self.problem = problem


class BadQuery(DipgraphError):
    """A SPARQL query does not parse or cannot be evaluated."""

    status = 400
    code = "bad_query"


class NotFound(DipgraphError):
    """No node of the requested kind has that id."""

    status = 404
    code = "not_found"

    def __init__(self, kind: str, ident: str) -> None:
        super().__init__(f"no {kind} with id {ident!r}")
        self.kind = kind
        self.ident = ident


class Forbidden(DipgraphError):
    """The request needs a permission it does not carry (SPARQL update without token)."""

    status = 403
    code = "forbidden"


class QueryTimeout(DipgraphError):
    """A query ran past the time limit and was stopped."""

    status = 503
    code = "query_timeout"


class Unavailable(DipgraphError):
    """The service cannot answer right now (store not loaded, worker restarting)."""

    status = 503
    code = "unavailable"
