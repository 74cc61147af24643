"""The browser page's helpers: vendored JS from ``node_modules`` and the example queries.

``GET /vendor/{package}/{file}`` serves the built files of the front-end packages that
``npm ci`` installed (Cytoscape.js, YASGUI): nothing comes from a CDN and no
third-party code is committed. ``GET /api/examples`` lists the example SPARQL queries
of ``scripts/queries/*.rq`` for the query page's tabs.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse

from graph.errors import NotFound

__all__ = ["EXAMPLES_DIR", "NODE_MODULES", "VENDOR", "example_queries", "router"]

_ROOT = Path(__file__).resolve().parents[2]
#: Where ``npm ci`` installs the front-end packages (next to package.json).
NODE_MODULES = _ROOT / "node_modules"
#: The example queries shown on the SPARQL page.
EXAMPLES_DIR = _ROOT / "scripts" / "queries"
#: URL name -> directory (under node_modules) of the files the page may load.
VENDOR = {
    "cytoscape": Path("cytoscape") / "dist",
    "yasgui": Path("@zazuko") / "yasgui" / "build",
}

router = APIRouter(include_in_schema=False)


def example_queries(folder: Path = EXAMPLES_DIR) -> list[dict[str, str]]:
    """``[{"name", "title", "query"}]`` for each ``*.rq`` file, by file name.

    The title is the first comment line without its ``#``.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp()); _ = (d / "a-b.rq").write_text("# Hi there\\nASK {}\\n")
    >>> example_queries(d)
    [{'name': 'a-b', 'title': 'Hi there', 'query': '# Hi there\\nASK {}\\n'}]
    """
    found = []
    for path in sorted(folder.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        first = next((ln for ln in text.splitlines() if ln.startswith("#")), "")
        title = first.lstrip("# ").split(":")[0].strip() or path.stem
        found.append({"name": path.stem, "title": title, "query": text})
    return found


@router.get("/api/examples")
def examples() -> list[dict[str, str]]:
    """The example SPARQL queries (name, title, text)."""
    return example_queries()


@router.get("/vendor/{package}/{file:path}")
def vendor(package: str, file: str) -> FileResponse:
    """One built file of a front-end package installed by ``npm ci``."""
    base = VENDOR.get(package)
    if base is None:
        raise NotFound("vendored package", package)
    root = (NODE_MODULES / base).resolve()
    path = (root / file).resolve()
    if not path.is_relative_to(root) or not path.is_file():
        raise NotFound(f"{package} file (run `npm ci`)", file)
    return FileResponse(path)
