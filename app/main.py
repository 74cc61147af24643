"""The FastAPI app: ``create_app(settings)``.

Nothing heavy happens at import: the store is loaded and the catalog and network are
built in the lifespan, from the settings given (or handed in already built). Run it with
``dipgraph serve`` (:func:`serve`) or ``uvicorn --factory app.main:app_from_env``.

One Python process answers one request at a time (the GIL). :func:`serve` with several
workers loads the store and builds catalog and network once, then forks the workers:
they share that memory copy-on-write and accept connections on one listening socket.
Such a server is read-only (ingest and SPARQL Update answer 503).
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import os
import signal
import socket
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from types import FrameType

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

__all__ = ["app_from_env", "create_app", "serve"]

log = logging.getLogger("dipgraph.app")
_PR_SET_PDEATHSIG = 1
#: a worker that dies sooner than this after its start is not restarted
_MIN_WORKER_LIFE = 5.0

_NO_PAGE = """<!doctype html><meta charset="utf-8"><title>dipgraph</title>
<h1>dipgraph</h1><p>The browser page is not installed.
See <a href="/docs">the API documentation</a> or query <a href="/sparql">/sparql</a>.</p>
"""


def create_app(settings: Settings, state: AppState | None = None) -> FastAPI:
    """A new app; the store in ``settings.data_dir`` is loaded when it starts, unless a
    loaded ``state`` is handed in (:func:`serve` builds it once for all workers)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        loaded = state
        if loaded is None:
            loaded = AppState(settings)
            await run_in_threadpool(loaded.load)
        app.state.dipgraph = loaded
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


def serve(settings: Settings, *, host: str = "127.0.0.1", port: int = 8000, workers: int = 1,
          log_level: str = "info") -> int:
    """Serve until stopped (SIGTERM, SIGINT); returns an exit status.

    ``workers > 1``: load once, then fork that many uvicorn servers sharing the loaded
    state and one listening socket; a worker that dies is replaced.
    """
    import uvicorn

    if workers <= 1:
        uvicorn.run(create_app(settings), host=host, port=port, log_level=log_level)
        return 0
    started = time.perf_counter()
    state = AppState(settings)
    state.load()
    state.read_only = (f"this server runs {workers} worker processes and is read-only; "
                       "start it with --workers 1 to ingest articles or run updates")
    log.info("loaded in %.1f s; starting %d workers", time.perf_counter() - started, workers)
    config = uvicorn.Config(create_app(settings, state), host=host, port=port,
                            log_level=log_level)
    sock = socket.create_server((host, port), backlog=2048)
    sock.set_inheritable(True)
    return _supervise(lambda: uvicorn.Server(config).run(sockets=[sock]), workers)


def _supervise(run: Callable[[], None], workers: int) -> int:
    """Fork ``workers`` children running ``run``; replace those that die, stop them all
    on SIGTERM/SIGINT. Returns 1 if a worker died right after it started."""
    children: dict[int, float] = {}
    stopping = False
    status = 0

    def spawn() -> None:
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                signal.signal(signal.SIGTERM, signal.SIG_DFL)
                signal.signal(signal.SIGINT, signal.SIG_DFL)
                _die_with_parent()
                run()
                code = 0
            finally:
                os._exit(code)
        children[pid] = time.monotonic()

    def stop(signum: int, frame: FrameType | None) -> None:
        nonlocal stopping
        stopping = True
        for pid in list(children):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        for _ in range(workers):
            spawn()
        while children:
            try:
                pid, _ = os.wait()
            except ChildProcessError:
                break
            born = children.pop(pid, None)
            if stopping or born is None:
                continue
            if time.monotonic() - born < _MIN_WORKER_LIFE:
                log.error("worker %d stopped right after it started; stopping", pid)
                status = 1
                stop(signal.SIGTERM, None)
            else:
                log.warning("worker %d stopped; starting another", pid)
                spawn()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return status


def _die_with_parent() -> None:
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)  # Linux: never outlive the server
