"""The FastAPI app: ``create_app(settings)``.

Nothing heavy happens at import: the store is loaded and the catalog and network are
built in the lifespan, from the settings given. Run it with ``dipgraph serve`` or
``uvicorn --factory app.main:app_from_env``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.responses import FileResponse, HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from app import errors
from app.deps import StateDep
from app.routers import actors, articles, meetings, network, page, rdf, sparql, topics
from app.schemas import StatsOut
from app.settings import Settings
from app.state import AppState

__all__ = ["app_from_env", "create_app"]

_NO_PAGE = """<!doctype html><meta charset="utf-8"><title>dipgraph</title>
<h1>dipgraph</h1><p>The browser page is not installed.
See <a href="/docs">the API documentation</a> or query <a href="/sparql">/sparql</a>.</p>
"""


def create_app(settings: Settings) -> FastAPI:
    """A new app; the store in ``settings.data_dir`` is loaded when it starts."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        state = AppState(settings)
        await run_in_threadpool(state.load)
        app.state.dipgraph = state
        yield
        app.state.dipgraph = None

    app = FastAPI(
        title="dipgraph",
        summary="A knowledge graph of diplomatic actors and meetings, built from the news.",
        version="0.1.0",
        lifespan=lifespan,
    )
    errors.install(app)
    for module in (actors, meetings, topics, network, articles, rdf, sparql, page):
        app.include_router(module.router)

    @app.get("/api/stats", response_model=StatsOut, tags=["meta"],
             responses=errors.ERROR_RESPONSES, summary="Size of the graph")
    def stats(state: StateDep) -> StatsOut:
        return StatsOut(quads=len(state.store), graphs=len(state.store.graphs()),
                        actors=len(state.catalog.actors), meetings=len(state.network.meetings),
                        topics=len(state.catalog.topics))

    static = settings.static_dir

    @app.get("/", include_in_schema=False)
    def index() -> Response:
        page = static / "index.html"
        return FileResponse(page) if page.is_file() else HTMLResponse(_NO_PAGE)

    if static.is_dir():
        app.mount("/static", StaticFiles(directory=static), name="static")
        # the page's own assets, referenced relative to "/"
        app.mount("/", StaticFiles(directory=static, html=True), name="page")
    return app


def app_from_env() -> FastAPI:
    """An app configured from ``DIPGRAPH_*`` environment variables (uvicorn ``--factory``)."""
    return create_app(Settings.from_env())
