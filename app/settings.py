"""Settings of the web app: passed to :func:`app.main.create_app`, read from nowhere else.

The library (``graph/``) never reads settings or the environment; the app and the CLI
do, through :meth:`Settings.from_env`.

>>> Settings.from_env({"DIPGRAPH_DATA": "/tmp/dg", "DIPGRAPH_QUERY_TIMEOUT": "2.5"}).query_timeout
2.5
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from graph.errors import BadInput

__all__ = ["DEFAULT_DATA_DIR", "STATIC_DIR", "Settings"]

#: Where ``--data`` points by default (relative to the working directory).
DEFAULT_DATA_DIR = Path("data")
STATIC_DIR = Path(__file__).resolve().parent / "static"


@dataclass(frozen=True)
class Settings:
    """Everything the app is configured with.

    ``data_dir``: directory holding ``graph.nq`` (``None``: in-memory only, nothing
    saved). ``query_timeout``: seconds a user SPARQL query may run before it is stopped
    (0: no limit, run in-process). ``max_rows``: most solutions or triples a SPARQL
    answer carries. ``update_token``: enables SPARQL Update for requests with
    ``Authorization: Bearer <token>``. ``max_concurrent_queries``: user queries
    running at once (more wait, then get a 503). ``load_extractor``: build the
    extraction pipeline at startup instead of on the first ``POST /api/articles``.
    """

    data_dir: Path | None = None
    query_timeout: float = 10.0
    max_rows: int = 10_000
    update_token: str | None = None
    max_concurrent_queries: int = 4
    max_articles: int = 1_000
    load_extractor: bool = False
    static_dir: Path = field(default=STATIC_DIR)

    def __post_init__(self) -> None:
        if self.query_timeout < 0:
            raise BadInput("query_timeout must not be negative")
        if self.max_rows < 1 or self.max_concurrent_queries < 1 or self.max_articles < 1:
            raise BadInput("max_rows, max_concurrent_queries and max_articles must be >= 1")

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: object) -> Settings:
        """Settings from ``DIPGRAPH_*`` variables, then ``overrides`` (``None`` ignored).

        ``DIPGRAPH_DATA`` (default ``./data``), ``DIPGRAPH_QUERY_TIMEOUT``,
        ``DIPGRAPH_MAX_ROWS``, ``DIPGRAPH_UPDATE_TOKEN``.
        """
        env = os.environ if env is None else env
        try:
            settings = cls(
                data_dir=Path(env.get("DIPGRAPH_DATA") or DEFAULT_DATA_DIR),
                query_timeout=float(env.get("DIPGRAPH_QUERY_TIMEOUT", 10.0)),
                max_rows=int(env.get("DIPGRAPH_MAX_ROWS", 10_000)),
                update_token=env.get("DIPGRAPH_UPDATE_TOKEN") or None,
            )
        except ValueError as err:
            raise BadInput(f"bad DIPGRAPH_* setting: {err}") from None
        given = {k: v for k, v in overrides.items() if v is not None}
        return replace(settings, **given) if given else settings  # type: ignore[arg-type]
