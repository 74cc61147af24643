/* dipgraph SPARQL page: YASGUI against our /sparql, one tab per example query. */
(async function () {
  "use strict";
  const message = document.getElementById("message");
  function show(text) { message.textContent = text; message.hidden = !text; }

  if (typeof Yasgui === "undefined") {
    show("The YASGUI editor is not installed: run `npm ci` (or `make install`) and reload.");
    return;
  }
  const endpoint = location.origin + "/sparql";
  document.getElementById("endpoint").textContent = endpoint;

  let examples = [];
  try {
    const resp = await fetch("/api/examples", { headers: { Accept: "application/json" } });
    if (!resp.ok) throw new Error(resp.status + " " + resp.statusText);
    examples = await resp.json();
  } catch (err) {
    show("The example queries could not be loaded (" + err.message + ").");
  }

  const requestConfig = { endpoint, method: "POST" };
  const yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig,
    copyEndpointOnNewTab: true,
    persistenceId: null,       // always start from the examples, not from old tabs
    autoAddOnInit: examples.length === 0,
    populateFromUrl: false,
    endpointCatalogueOptions: { getData: () => [{ endpoint }] },
    yasqe: { persistenceId: null },
    yasr: { persistenceId: null },
  });
  examples.forEach((ex, i) => {
    yasgui.addTab(i === 0, { name: ex.title, yasqe: { value: ex.query }, requestConfig });
  });
  yasgui.on("queryResponse", (_y, tab) => {
    const r = tab.getYasr && tab.getYasr().results;
    if (r && r.getError && r.getError()) show("The query failed: " + (r.getError().text || r.getError().statusText || "error"));
    else show("");
  });
  window.dipgraphYasgui = yasgui;
})();
