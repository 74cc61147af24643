"""The app's heavy state: store, catalog, network and (lazily) the ingestor.

Built in the app's lifespan from :class:`~app.settings.Settings`. Readers use the
current ``catalog`` and ``network`` without locking; writers (ingest, SPARQL Update)
hold ``write_lock``, change the store, then swap in a freshly built catalog and network.
A state shared by several forked server processes is read-only (``read_only`` says
why): a write would change one process's copy only.
"""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Sequence
from typing import Any

from app.schemas import warm_summaries
from app.settings import Settings
from graph.errors import Unavailable
from graph.model import Article
from graph.network import MeetingNetwork
from graph.queries import Catalog
from graph.queries.actors import warm
from graph.store import GraphStore

__all__ = ["AppState"]

log = logging.getLogger("dipgraph.app")


class AppState:
    def __init__(self, settings: Settings, store: GraphStore | None = None) -> None:
        self.settings = settings
        self.store = store if store is not None else GraphStore(settings.data_dir)
        self.write_lock = threading.RLock()
        self.query_slots = threading.BoundedSemaphore(settings.max_concurrent_queries)
        self.catalog = Catalog()
        self.network = MeetingNetwork([])
        self._ingestor: Any = None
        #: why writes are refused (``None``: they are allowed)
        self.read_only: str | None = None

    def load(self) -> None:
        """Read the saved graph (if any) and build the derived indexes."""
        if self.settings.data_dir is not None:
            n = self.store.load()
            log.info("loaded %d quads from %s", n, self.store.path)
        self.refresh()
        if self.settings.load_extractor:
            self.ingestor()

    def refresh(self) -> None:
        """Rebuild catalog and network if the store changed since they were built."""
        with self.write_lock:
            if self.catalog.version == self.store.version == self.network.version:
                return
            catalog = Catalog.build(self.store)
            network = MeetingNetwork.build(self.store, catalog)
            warm(self.store, catalog)
            warm_summaries(catalog)
            self.catalog, self.network = catalog, network
            _freeze()

    def ingestor(self) -> Any:
        """The pipeline's ingestor, built on first use (it loads the extraction models)."""
        with self.write_lock:
            if self._ingestor is None:
                try:
                    from graph.pipeline import Ingestor
                except ImportError as err:
                    raise Unavailable(f"the extraction pipeline is not available: {err}") from None
                self._ingestor = Ingestor(self.store, self.settings.data_dir)
            return self._ingestor

    def _check_writable(self) -> None:
        if self.read_only is not None:
            raise Unavailable(self.read_only)

    def ingest(self, articles: Sequence[Article]) -> Any:
        """Extract and store articles; returns the pipeline's ``IngestReport``."""
        self._check_writable()
        ingestor = self.ingestor()
        with self.write_lock:
            report = ingestor.ingest(articles)  # saves the store itself
            self.refresh()
        return report

    def update(self, sparql: str) -> None:
        self._check_writable()
        with self.write_lock:
            try:
                self.store.update(sparql)
            finally:
                self.after_write()

    def after_write(self) -> None:
        with self.write_lock:
            self.refresh()
            self.store.save()


def _freeze() -> None:
    """Keep the garbage collector off the (millions of) long-lived catalog and network
    objects: a full collection over them stalls a request for a second at 100k meetings,
    and in forked workers it would write to every shared page."""
    gc.unfreeze()  # the previous catalog's objects may be garbage now
    gc.collect()
    gc.freeze()
