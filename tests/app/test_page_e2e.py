"""The browser page end to end: Debian's Chromium driven by Playwright over a real server.

A graph ingested from ``scripts/sample_corpus`` is served by uvicorn on a free port; the
test searches "Lavrov", expands a counterpart, opens a meeting and reads its evidence,
filters by date, and runs an example query on the SPARQL page. Screenshots go to
``test-output/``. Chromium must be at ``/usr/bin/chromium`` (``make chromium``); the
front-end packages must be installed (``npm ci``); neither is ever skipped.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from app.routers.page import NODE_MODULES, VENDOR
from app.settings import Settings
from graph.pipeline import Ingestor
from graph.sources import read_paths
from graph.store import GraphStore
from tests.app.servers import running

pytestmark = pytest.mark.server

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SHOTS = ROOT / "test-output"
LAVROV = "person/sergey-lavrov"
RUBIO = "person/marco-rubio"
WANG_YI = "person/wang-yi"
KL_MEETING = "meeting/d8f60079ac5d"  # Rubio and Lavrov in Kuala Lumpur, 2025-07-10
KL_EVIDENCE = "met Russian Foreign Minister Sergey Lavrov in Kuala Lumpur"


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A running server over the graph of the sample corpus."""
    data = tmp_path_factory.mktemp("page-data")
    store = GraphStore(data)
    report = Ingestor(store, data).ingest(read_paths([ROOT / "scripts" / "sample_corpus"]))
    assert not report.errors
    store.save()
    with running(Settings(data_dir=data)) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless (never a browser downloaded by Playwright)."""
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is missing: install it with `apt-get install -y chromium` "
                    "(or `make chromium`)", pytrace=False)
    missing = [name for name, sub in VENDOR.items() if not (NODE_MODULES / sub).is_dir()]
    if missing:
        pytest.fail(f"front-end packages missing ({', '.join(missing)}): run `npm ci`",
                    pytrace=False)
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    outside: list[str] = []
    pg.on("request", lambda req: outside.append(req.url)
          if not req.url.startswith(("http://127.0.0.1", "data:", "blob:")) else None)
    yield pg
    context.close()
    assert errors == [], f"JavaScript errors on the page: {errors}"
    assert outside == [], f"the page loaded something from elsewhere: {outside}"


def _shot(page: Page, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def _node_ids(page: Page) -> set[str]:
    return set(page.evaluate("window.dipgraphCy.nodes().map(n => n.id())"))


def _click_element(page: Page, expr: str) -> None:
    """Click with the mouse where the Cytoscape element ``expr`` is drawn."""
    point: dict[str, Any] = page.evaluate(f"""() => {{
        const el = {expr};
        const p = el.isNode() ? el.renderedPosition() : el.renderedMidpoint();
        const box = document.getElementById('cy').getBoundingClientRect();
        return {{x: box.left + p.x, y: box.top + p.y}};
    }}""")
    page.mouse.click(point["x"], point["y"])


def test_graph_page(page: Page, base_url: str) -> None:
    page.goto(base_url + "/")
    assert page.evaluate("document.activeElement.id") == "search"
    assert page.locator("#empty").is_visible()
    assert "search box" in page.locator("#empty").inner_text()
    _shot(page, "01-empty")

    # search by a bare surname: the suggestion names the actor, Enter chooses it
    page.keyboard.type("Lavrov")
    page.locator("#suggestions li", has_text="Sergey Lavrov").wait_for()
    _shot(page, "02-suggestions")
    page.keyboard.press("Enter")
    page.wait_for_function("window.dipgraphCy.nodes().length > 1")
    before = _node_ids(page)
    assert {LAVROV, RUBIO} <= before
    assert not page.locator("#empty").is_visible()
    assert "center=person%2Fsergey-lavrov" in page.url
    page.locator("#panel h2", has_text="Sergey Lavrov").wait_for()
    assert "Foreign Minister" in page.locator("#panel").inner_text()
    page.wait_for_function("performance.getEntriesByName('dipgraph:first-draw').length === 1")
    _shot(page, "03-lavrov")

    # click a counterpart: it expands (Rubio met people Lavrov did not)
    _click_element(page, f"window.dipgraphCy.getElementById('{RUBIO}')")
    page.wait_for_function(f"window.dipgraphCy.getElementById('{RUBIO}').hasClass('expanded')")
    expanded = _node_ids(page)
    assert expanded > before
    assert "expand=person%2Fmarco-rubio" in page.url
    page.locator("#panel h2", has_text="Marco Rubio").wait_for()
    _shot(page, "04-expanded")

    # click the link between Lavrov and Rubio: their meetings, then one meeting
    _click_element(page, f"window.dipgraphCy.getElementById('{LAVROV}')"
                         f".edgesWith(window.dipgraphCy.getElementById('{RUBIO}'))")
    page.locator("#panel h2", has_text="Sergey Lavrov and Marco Rubio").or_(
        page.locator("#panel h2", has_text="Marco Rubio and Sergey Lavrov")).wait_for()
    page.locator(f"#panel [data-meeting='{KL_MEETING}']").click()
    page.locator("#panel .evidence", has_text=KL_EVIDENCE).wait_for()
    panel = page.locator("#panel").inner_text()
    for expected in ("Kuala Lumpur", "2025-07-10", "held", "in person", "Straits Courier"):
        assert expected in panel
    assert f"sel={KL_MEETING.replace('/', '%2F')}" in page.url
    _shot(page, "05-meeting")
    page.keyboard.press("Escape")  # focus is in the panel: Escape closes it
    page.locator("#panel").wait_for(state="hidden")
    assert "sel=" not in page.url

    # a date filter redraws from the API: the United States drop out after September 2025
    assert "country/US" in _node_ids(page)
    page.fill("#f-since", "2025-09-01")
    page.wait_for_function("!window.dipgraphCy.getElementById('country/US').length"
                           " && window.dipgraphCy.nodes().length > 1")
    after = _node_ids(page)
    assert LAVROV in after and after != expanded
    assert "since=2025-09-01" in page.url
    _shot(page, "06-since")

    # the URL is the state: a new page opened on it draws the same graph
    shared = page.url
    page.goto("about:blank")
    page.goto(shared)
    page.wait_for_function("window.dipgraphCy.nodes().length > 1")
    assert _node_ids(page) == after
    assert page.input_value("#f-since") == "2025-09-01"


def test_country_filter(page: Page, base_url: str) -> None:
    """The country filter redraws from the subgraph API, like the other filters."""
    subgraphs: list[str] = []
    page.on("request", lambda req: subgraphs.append(req.url) if "/api/subgraph" in req.url
            else None)
    page.goto(base_url + f"/#center={RUBIO}")
    page.wait_for_function("window.dipgraphCy.nodes().length > 1")
    before = _node_ids(page)
    assert {LAVROV, WANG_YI} <= before
    page.locator("#f-country option[value='country/RU']").wait_for(state="attached")
    page.select_option("#f-country", "country/RU")
    page.wait_for_function(f"!window.dipgraphCy.getElementById('{WANG_YI}').length"
                           " && window.dipgraphCy.nodes().length > 1")
    after = _node_ids(page)
    assert LAVROV in after and after < before
    assert "country=country%2FRU" in page.url
    assert any("country=country%2FRU" in url for url in subgraphs
               if "/api/subgraph?" in url)
    # the link's meetings are listed under the same filter
    _click_element(page, f"window.dipgraphCy.getElementById('{LAVROV}')"
                         f".edgesWith(window.dipgraphCy.getElementById('{RUBIO}'))")
    page.locator("#panel [data-meeting]").first.wait_for()
    assert any("/api/subgraph/meetings?" in url and "country=country%2FRU" in url
               for url in subgraphs)
    assert page.locator(f"#panel [data-meeting='{KL_MEETING}']").count() == 1
    _shot(page, "09-country")

    # a country Rubio's meetings never involved: the centre alone and a message
    page.select_option("#f-country", "country/GB")
    message = page.locator("#message")
    message.wait_for()
    assert "match the filters" in message.inner_text()
    assert _node_ids(page) == {RUBIO}
    assert not page.locator("#panel").is_visible()  # the link's list was for the old filter
    _shot(page, "10-no-match")


def test_depth_two_from_a_link(page: Page, base_url: str) -> None:
    """A shared link with depth 2: the next ring is drawn, every actor hangs on a link,
    the search box names the centre, and the first draw is marked for the benchmark."""
    page.goto(base_url + f"/#center={LAVROV}&depth=2")
    page.wait_for_function("performance.getEntriesByName('dipgraph:complete').length > 0")
    depths = page.evaluate("window.dipgraphCy.nodes().map(n => n.data('depth'))")
    assert sorted(set(depths)) == [0, 1, 2]
    loose = page.evaluate("window.dipgraphCy.nodes().filter(n => n.degree() === 0).length")
    assert loose == 0
    assert page.input_value("#search") == "Sergey Lavrov"
    assert page.input_value("#f-depth") == "2"
    assert page.evaluate("performance.getEntriesByName('dipgraph:first-draw').length") == 1
    assert "links" in page.locator("#status").inner_text()
    _shot(page, "11-depth-two")


def test_api_errors_are_messages(page: Page, base_url: str) -> None:
    page.goto(base_url + "/#center=person/nobody-at-all")
    message = page.locator("#message")
    message.wait_for()
    assert "nobody-at-all" in message.inner_text()
    assert "Search for an actor" in message.inner_text()
    assert page.evaluate("window.dipgraphCy.nodes().length") == 0
    assert page.evaluate("document.activeElement.id") == "search"
    _shot(page, "07-error")


@pytest.mark.parametrize("tab", ["Who met whom", "Meetings by place"])
def test_sparql_page(page: Page, base_url: str, tab: str) -> None:
    examples = {e["title"]: e["query"] for e in
                json.loads(page.request.get(base_url + "/api/examples").text())}
    csv = page.request.post(base_url + "/sparql", form={"query": examples[tab]},
                            headers={"Accept": "text/csv"}).text()
    expected = len(csv.strip().splitlines()) - 1
    assert expected > 0
    page.goto(base_url + "/sparql")
    page.get_by_role("tab", name=tab).click()
    active = page.locator(".tabPanel.active")
    assert "SELECT" in active.locator(".CodeMirror").inner_text()
    active.locator(".yasqe_queryButton").click()
    active.locator(".yasr table tbody tr").first.wait_for()
    summary = active.locator(".yasr", has_text=re.compile(r"\d+ results? in"))
    shown = re.search(r"(\d+) results? in", summary.inner_text())
    assert shown is not None and int(shown.group(1)) == expected
    assert active.locator(".yasr table tbody tr").count() >= min(expected, 10)
    _shot(page, "08-sparql-" + tab.lower().replace(" ", "-"))
