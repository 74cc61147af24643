/* dipgraph page: search an actor, draw its ego network from /api/subgraph, explore it.
 * State lives in the URL hash (center, depth, limit, filters, expanded nodes, selection),
 * so a view can be shared as a link. */
(function () {
  "use strict";

  const $ = (sel) => document.querySelector(sel);
  const FILTERS = ["depth", "limit", "since", "until", "topic", "country", "status"];
  const DEFAULTS = { depth: "1", limit: "50" };
  const DENSE = 150;  // links in one answer above which the graph is drawn lighter
  const MAX_NODES = 300;  // more actors than this do not draw without freezing the page
  const COLORS = { Person: "#2f6fb3", Country: "#2e8b57", Organization: "#d2762b", Place: "#7a6a9c" };
  const SHAPES = { Person: "ellipse", Country: "round-rectangle", Organization: "hexagon", Place: "diamond" };

  let cy = null;
  let state = readHash();
  let drawn = "";          // key of the last drawn view (center + filters)
  let drawSeq = 0;         // ignore answers of superseded draws

  // ---------- helpers ----------
  function esc(text) {
    return String(text ?? "").replace(/[&<>"']/g, (c) =>
      ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
  }
  function idPath(id) { return id.split("/").map(encodeURIComponent).join("/"); }
  function qs(params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") q.set(k, v);
    return q.toString();
  }
  async function api(path) {
    let resp;
    try {
      resp = await fetch(path, { headers: { Accept: "application/json" } });
    } catch (err) {
      throw new Error("The server cannot be reached (" + err.message + ").");
    }
    let body = null;
    try { body = await resp.json(); } catch (_) { body = null; }
    if (!resp.ok) {
      const msg = body && body.error ? body.error.message : resp.status + " " + resp.statusText;
      const err = new Error(msg);
      err.code = body && body.error ? body.error.code : String(resp.status);
      throw err;
    }
    return body;
  }
  function showMessage(text, kind) {
    const el = $("#message");
    if (!text) { el.hidden = true; el.textContent = ""; return; }
    el.textContent = text;
    el.className = kind || "";
    el.hidden = false;
  }
  function setStatus(text) { $("#status").textContent = text; }
  function sentence(text) {  // "no actor with id 'x'" -> "No actor with id 'x'."
    const s = String(text || "Something went wrong").trim();
    return s.charAt(0).toUpperCase() + s.slice(1) + (/[.!?]$/.test(s) ? "" : ".");
  }

  // ---------- URL state ----------
  function readHash() {
    const p = new URLSearchParams(location.hash.replace(/^#/, ""));
    const s = {};
    for (const k of ["center", "sel", ...FILTERS]) if (p.get(k)) s[k] = p.get(k);
    s.expand = p.get("expand") ? p.get("expand").split(",").filter(Boolean) : [];
    return s;
  }
  function writeHash() {
    const p = new URLSearchParams();
    if (state.center) p.set("center", state.center);
    for (const k of FILTERS) if (state[k] && state[k] !== DEFAULTS[k]) p.set(k, state[k]);
    if (state.expand.length) p.set("expand", state.expand.join(","));
    if (state.sel) p.set("sel", state.sel);
    const hash = p.toString();
    if (location.hash.replace(/^#/, "") !== hash) history.pushState(null, "", hash ? "#" + hash : location.pathname);
  }
  function viewKey() { return JSON.stringify([state.center, ...FILTERS.map((k) => state[k] || "")]); }
  function filterParams() {
    return { since: state.since, until: state.until, topic: state.topic, country: state.country, status: state.status };
  }

  // ---------- graph ----------
  function initCy() {
    cy = cytoscape({
      container: $("#cy"),
      minZoom: 0.2, maxZoom: 3,
      style: [
        // data mappers and type selectors, not style functions: cytoscape caches them
        { selector: "node", style: {
          "background-color": "#888", shape: "ellipse",
          label: "data(display)", "font-size": 13, "text-wrap": "wrap", "text-max-width": 110,
          "min-zoomed-font-size": 7,  // labels too small to read are not drawn: zoom in
          "text-valign": "bottom", "text-margin-y": 4, color: "#1d1d1f",
          "text-background-color": "#fff", "text-background-opacity": 0.8, "text-background-padding": 1,
          width: "data(size)", height: "data(size)",
          "border-width": 1, "border-color": "#fff" } },
        ...Object.keys(COLORS).map((type) => ({ selector: 'node[type = "' + type + '"]',
          style: { "background-color": COLORS[type], shape: SHAPES[type] } })),
        { selector: "node.center", style: { "border-width": 4, "border-color": "#111", "font-weight": "bold", "font-size": 14 } },
        { selector: "node.expanded", style: { "border-width": 3, "border-color": "#555" } },
        { selector: "node:selected", style: { "overlay-color": "#8ab4f8", "overlay-opacity": 0.35, "overlay-padding": 6 } },
        { selector: "edge", style: {
          width: "data(width)", "line-color": "#9aa3ad", "curve-style": "haystack", opacity: 0.8,
          label: "data(display)", "font-size": 10,
          color: "#444", "text-background-color": "#fff", "text-background-opacity": 0.8 } },
        // links between two non-centre nodes bow aside, so they do not hide the centre's links
        { selector: "edge.ring", style: { "curve-style": "unbundled-bezier",
          "control-point-distances": 45, "control-point-weights": 0.5, opacity: 0.55 } },
        // many links: those between non-centre nodes straight, faint and unlabelled
        { selector: "edge.ring.dense", style: { "curve-style": "haystack", opacity: 0.25, label: "" } },
        { selector: "edge:selected", style: { "line-color": "#1a5fb4", opacity: 1 } },
      ],
    });
    cy.on("tap", "node", (ev) => { const n = ev.target; selectActor(n.id()); expand(n.id()); });
    cy.on("dbltap", "node", (ev) => recentre(ev.target.id()));
    cy.on("tap", "edge", (ev) => selectEdge(ev.target));
    cy.on("tap", (ev) => { if (ev.target === cy) cy.elements().unselect(); });
  }

  function nodeDisplay(d) { return d.more > 0 ? d.label + "\n+" + d.more + " more" : d.label; }

  function toElements(sub) {
    const nodes = sub.nodes.map((n) => ({ group: "nodes", data: { ...n.data, display: nodeDisplay(n.data),
      size: 18 + Math.min(26, Math.sqrt(n.data.meetings || 0) * 5) } }));
    // links between two non-centre nodes ("ring") bow aside, off the centre's links
    const edges = sub.edges.map((e) => ({ group: "edges", data: { ...e.data,
      width: 1 + Math.min(9, Math.log2(1 + e.data.count) * 2), display: e.data.count > 1 ? String(e.data.count) : "" },
      classes: e.data.source !== state.center && e.data.target !== state.center
        ? (sub.edges.length > DENSE ? "ring dense" : "ring") : "" }));
    return { nodes, edges };
  }

  // every filter (dates, topic, country, status) is a parameter of the subgraph API
  async function fetchSub(center, depth) {
    // at most MAX_NODES actors, and links enough for each to hang on the graph
    const limit = Math.max(2, Math.min(MAX_NODES, Number(state.limit || DEFAULTS.limit) || 50));
    const sub = await api("/api/subgraph?" + qs({ center, depth, limit, edges: Math.max(300, limit + 100), ...filterParams() }));
    return { sub, els: toElements(sub) };
  }

  // performance marks (read by scripts/bench_page.py): dipgraph:fetch and
  // dipgraph:fetched around the subgraph request; dipgraph:drawn when the canvas shows
  // a new graph (its actors and the centre's links), dipgraph:first-draw the first time;
  // dipgraph:complete when the links between the other actors have been drawn too
  let firstDrawn = false;
  function markDrawn() {
    performance.mark("dipgraph:drawn");
    if (!firstDrawn) {
      firstDrawn = true;
      performance.mark("dipgraph:first-draw");
    }
  }

  async function draw() {
    const seq = ++drawSeq;
    showMessage("");
    $("#empty").hidden = !!state.center;
    if (!state.center) { cy.elements().remove(); setStatus(""); drawn = ""; return; }
    setStatus("Loading…");
    try {
      performance.mark("dipgraph:fetch");
      const { sub, els } = await fetchSub(state.center, state.depth || DEFAULTS.depth);
      if (seq !== drawSeq) return;
      performance.mark("dipgraph:fetched");
      els.nodes.forEach((n) => { if (n.data.id === sub.center) n.classes = "center"; });
      const extent = place(els.nodes);
      // two paints, so that no single task blocks the page for long: the actors and the
      // centre's links first, then the links among the other actors
      const ring = els.edges.filter((e) => e.classes);
      cy.one("render", () => {
        markDrawn();
        if (!ring.length) { performance.mark("dipgraph:complete"); return; }
        requestAnimationFrame(() => {
          if (seq !== drawSeq) return;
          cy.one("render", () => performance.mark("dipgraph:complete"));
          cy.add(ring.filter((e) => cy.getElementById(e.data.id).empty()));
          reportSize(sub);
        });
      });
      cy.batch(() => {
        cy.elements().remove();
        cy.add(els.nodes.concat(els.edges.filter((e) => !e.classes)));
      });
      frame(extent);
      drawn = viewKey();
      for (const id of state.expand) if (cy.getElementById(id).nonempty()) await expand(id, true);
      if (seq !== drawSeq) return;
      reportSize(sub);
      const label = els.nodes[0] ? els.nodes[0].data.label : state.center;
      if (list.hidden && (document.activeElement !== input || !input.value)) input.value = label;
      if (cy.edges().length === 0) {
        const filtered = FILTERS.some((k) => k !== "depth" && k !== "limit" && state[k]);
        showMessage("No meetings of " + label + (filtered ? " match the filters: widen or clear them." : " are recorded."), "info");
      }
    } catch (err) {
      if (seq !== drawSeq) return;
      cy.elements().remove();
      setStatus("");
      showMessage(sentence(err.message) + (err.code === "not_found" ? " Search for an actor in the box above." : ""));
      if (err.code === "not_found") { input.focus(); input.select(); }
    }
  }

  let linksLeftOut = 0;  // links of the drawn view the edge budget left out
  function reportSize(sub) {
    if (sub.center === state.center) linksLeftOut = Math.max(0, (sub.edges_total || 0) - sub.edges.length);
    const n = cy.nodes().length, e = cy.edges().length;
    const parts = [n + " actors", e + " links"];
    if (linksLeftOut) parts.push(linksLeftOut + " weaker links not drawn");
    setStatus(parts.join(", ") + (sub.truncated ? " (more actors: see “+N more”)" : ""));
  }

  // Concentric circles computed here (no layout pass over label boxes): the centre in
  // the middle, then its counterparts in the API's order (most meetings first) on circles
  // that grow outwards and hold more nodes the larger they are; the next ring (depth 2)
  // starts on a fresh circle. Labels stay readable: the circles only grow as needed.
  const RING = { first: 140, gap: 110, spacing: 85 };
  function ringPositions(nodes) {
    const pos = {}, byDepth = new Map();
    nodes.forEach((n) => {
      const d = n.data.depth || 0;
      if (!byDepth.has(d)) byDepth.set(d, []);
      byDepth.get(d).push(n.data.id);
    });
    let radius = 0, lap = 0;
    [...byDepth.keys()].sort((x, y) => x - y).forEach((d) => {
      const ids = byDepth.get(d);
      if (d === 0) { ids.forEach((id) => { pos[id] = { x: 0, y: 0 }; }); return; }
      const radii = [];  // circles enough for this ring, then shared by circumference
      for (let room = 0; room < ids.length;) {
        radius = radius ? radius + RING.gap : RING.first;
        radii.push(radius);
        room += Math.max(6, Math.floor(2 * Math.PI * radius / RING.spacing));
      }
      const total = radii.reduce((s, r) => s + r, 0);
      let i = 0;
      radii.forEach((r, k) => {
        const slots = k === radii.length - 1 ? ids.length - i : Math.round(ids.length * r / total);
        for (let j = 0; j < slots; j++, i++) {
          const angle = -Math.PI / 2 + 2 * Math.PI * (j + (lap % 2) / 2) / slots;
          pos[ids[i]] = { x: r * Math.cos(angle), y: r * Math.sin(angle) };
        }
        lap += 1;
      });
    });
    return pos;
  }
  // Positions go into the elements before they are added, and the viewport is framed
  // from the largest circle: no layout run and no measuring of every label (cy.fit).
  function place(nodes) {
    const pos = ringPositions(nodes);
    let extent = 0;
    nodes.forEach((n) => {
      n.position = pos[n.data.id];
      extent = Math.max(extent, Math.abs(n.position.x), Math.abs(n.position.y));
    });
    return extent;
  }
  function frame(extent) {  // the circles and their labels, centred, never above 1.2x
    const w = cy.width(), h = cy.height();
    const zoom = Math.min(1.2, w / (2 * extent + 140), h / (2 * extent + 130));
    cy.viewport({ zoom, pan: { x: w / 2, y: h / 2 - 20 * zoom } });
  }
  function capZoom() {  // a small graph is not blown up to fill the screen
    if (cy.zoom() > 1.2) { cy.zoom(1.2); cy.center(); }
  }

  async function expand(id, silent) {
    const node = cy.getElementById(id);
    if (node.empty() || node.hasClass("expanded") || node.hasClass("center")) return;
    try {
      const { sub, els } = await fetchSub(id, 1);
      const fresh = els.nodes.filter((n) => cy.getElementById(n.data.id).empty());
      // new nodes fan out on the far side of the expanded node, away from the centre
      const pos = node.position();
      const mid = cy.getElementById(state.center).position();
      const away = Math.atan2(pos.y - mid.y, pos.x - mid.x) || 0;
      const spread = Math.min(Math.PI * 1.5, 0.35 * Math.max(1, fresh.length));
      const radius = 140 + fresh.length * 4;
      cy.batch(() => {
        fresh.forEach((n, i) => {
          const a = away + (fresh.length > 1 ? spread * (i / (fresh.length - 1) - 0.5) : 0);
          cy.add({ ...n, position: { x: pos.x + radius * Math.cos(a), y: pos.y + radius * Math.sin(a) } });
        });
        cy.add(els.edges.filter((e) => cy.getElementById(e.data.id).empty()));
        const me = sub.nodes.find((n) => n.data.id === id);
        if (me) node.data({ more: me.data.more, display: nodeDisplay(me.data) });
        node.addClass("expanded");
      });
      if (!state.expand.includes(id)) { state.expand.push(id); writeHash(); }
      if (!silent) { reportSize(sub); cy.fit(cy.elements(), 40); capZoom(); }
    } catch (err) {
      showMessage(sentence(err.message));
    }
  }

  function recentre(id) {
    state.center = id;
    state.expand = [];
    writeHash();
    draw();
  }

  // ---------- side panel ----------
  let panelKind = "";  // what the panel shows: "actor", "meeting" or "edge"
  function setPanelHidden(hidden) {  // the graph keeps its centre when the panel comes or goes
    const panel = $("#panel");
    if (panel.hidden === hidden) return;
    const before = $("#cy").clientWidth;
    panel.hidden = hidden;
    if (!cy) return;
    cy.resize();
    cy.panBy({ x: ($("#cy").clientWidth - before) / 2, y: 0 });
  }
  function openPanel(html, kind) {
    $("#panel-body").innerHTML = html;
    if (kind) panelKind = kind;
    setPanelHidden(false);
  }
  function closePanel() {
    setPanelHidden(true);
    panelKind = "";
    state.sel = undefined;
    writeHash();
  }
  function refreshPanel() {  // after a filter change: what the panel lists depends on them
    if (panelKind === "edge") closePanel();
    else if (panelKind === "actor" && state.sel) selectActor(state.sel);
  }
  function actorLink(ref) {
    return '<button class="link" data-actor="' + esc(ref.id) + '">' + esc(ref.name) + "</button>";
  }
  function meetingLine(m) {
    const who = m.participants.filter((p) => p.type !== "Country").map((p) => esc(p.name)).join(", ")
      || m.participants.map((p) => esc(p.name)).join(", ");
    return '<li><button class="link" data-meeting="' + esc(m.id) + '">' + esc(m.date || "undated") + ": "
      + esc(m.label || "meeting") + "</button> " + '<span class="badge ' + esc(m.status) + '">' + esc(m.status) + "</span>"
      + (m.place ? " in " + esc(m.place.name) : "") + '<br><span class="muted">' + who + "</span></li>";
  }

  // the last actor's details: a filter change refreshes only its timeline
  let lastActor = null;
  async function actorDetail(id) {
    if (lastActor && lastActor.id === id) return lastActor;
    const a = await api("/api/actors/" + idPath(id));
    lastActor = a;
    return a;
  }

  async function selectActor(id) {
    state.sel = id; writeHash();
    if (!(lastActor && lastActor.id === id && panelKind === "actor")) openPanel('<p class="muted">Loading…</p>', "actor");
    try {
      const [a, tl] = await Promise.all([
        actorDetail(id),
        api("/api/actors/" + idPath(id) + "/timeline?" + qs({ since: state.since, until: state.until, limit: 100 })),
      ]);
      if (state.sel !== id) return;
      const roles = a.roles.filter((r) => r.label).map((r) => esc(r.label) + (r.scope ? " (" + esc(r.scope.name) + ")" : ""));
      openPanel(
        '<div class="kind">' + esc(a.type) + "</div><h2>" + esc(a.name) + "</h2>"
        + "<dl>"
        + (a.aliases.length ? "<dt>Also</dt><dd>" + a.aliases.map(esc).join(", ") + "</dd>" : "")
        + (a.country ? "<dt>Country</dt><dd>" + actorLink(a.country) + "</dd>" : "")
        + (roles.length ? "<dt>Roles</dt><dd>" + [...new Set(roles)].join("; ") + "</dd>" : "")
        + "<dt>Meetings</dt><dd>" + a.meetings + "</dd></dl>"
        + (id !== state.center ? '<button type="button" data-recentre="' + esc(id) + '">Centre the graph here</button>' : "")
        + "<h3>Timeline (" + tl.total + ")</h3>"
        + (tl.meetings.length ? "<ul>" + tl.meetings.map(meetingLine).join("") + "</ul>" : '<p class="muted">No meetings in this period.</p>')
        + "<h3>Sources (" + a.articles_total + ")</h3><ul>" + a.articles.map(articleLine).join("") + "</ul>");
    } catch (err) {
      openPanel('<p class="error" role="alert">' + esc(sentence(err.message)) + "</p>");
    }
  }

  function articleLine(art) {
    const title = esc(art.title || art.doc || art.id);
    const head = art.url ? '<a href="' + esc(art.url) + '" target="_blank" rel="noopener">' + title + "</a>" : title;
    return "<li>" + head + ' <span class="muted">' + esc([art.source, art.published].filter(Boolean).join(", ")) + "</span></li>";
  }

  async function selectMeeting(id) {
    state.sel = id; writeHash();
    openPanel('<p class="muted">Loading…</p>', "meeting");
    try {
      const m = await api("/api/meetings/" + idPath(id));
      if (state.sel !== id) return;
      const topics = (list) => (list.length ? list.map((t) => esc(t.label)).join(", ") : '<span class="muted">none recorded</span>');
      const modes = { in_person: "in person", phone: "by phone" };
      openPanel(
        '<div class="kind">Meeting</div><h2>' + esc(m.label || "meeting") + "</h2>"
        + "<dl><dt>Date</dt><dd>" + esc(m.date || "unknown") + "</dd>"
        + "<dt>Place</dt><dd>" + (m.place ? actorLink(m.place) : '<span class="muted">unknown</span>') + "</dd>"
        + '<dt>Status</dt><dd><span class="badge ' + esc(m.status) + '">' + esc(m.status) + "</span></dd>"
        + "<dt>Mode</dt><dd>" + esc(modes[m.mode] || m.mode || "unknown") + "</dd>"
        + (m.kind ? "<dt>CAMEO</dt><dd>" + esc(m.kind) + "</dd>" : "")
        + "<dt>Topics</dt><dd>" + topics(m.topics) + "</dd>"
        + "<dt>Not discussed</dt><dd>" + topics(m.excluded_topics) + "</dd></dl>"
        + "<h3>Participants</h3><ul>" + m.participants.map((p) => "<li>" + actorLink(p) + ' <span class="muted">' + esc(p.type) + "</span></li>").join("") + "</ul>"
        + '<h3>Evidence</h3><div class="evidence">' + (m.evidence.length ? m.evidence.map((e) => "<blockquote>" + esc(e.text) + "</blockquote>").join("") : '<p class="muted">none</p>') + "</div>"
        + "<h3>Sources</h3><ul>" + m.articles.map((art) => {
          const r = m.reports.find((x) => x.article === art.id);
          return articleLine(art).replace(/<\/li>$/, r && r.status ? ' <span class="badge ' + esc(r.status) + '">reports ' + esc(r.status) + "</span></li>" : "</li>");
        }).join("") + "</ul>");
    } catch (err) {
      openPanel('<p class="error" role="alert">' + esc(sentence(err.message)) + "</p>");
    }
  }

  async function selectEdge(edge) {
    const [a, b] = [edge.source(), edge.target()];
    state.sel = undefined; writeHash();
    openPanel('<p class="muted">Loading…</p>', "edge");
    try {
      const page = await api("/api/subgraph/meetings?" + qs({ a: a.id(), b: b.id(), ...filterParams(), limit: 100 }));
      const items = page.items;
      openPanel('<div class="kind">Meetings</div><h2>' + esc(a.data("label")) + " and " + esc(b.data("label")) + "</h2>"
        + "<p>" + page.total + " meeting" + (page.total === 1 ? "" : "s") + (page.total > items.length ? ", the first " + items.length + " shown" : "") + ".</p>"
        + "<ul>" + items.map(meetingLine).join("") + "</ul>");
    } catch (err) {
      openPanel('<p class="error" role="alert">' + esc(sentence(err.message)) + "</p>");
    }
  }

  $("#panel").addEventListener("click", (ev) => {
    const t = ev.target.closest("[data-actor],[data-meeting],[data-recentre]");
    if (!t) return;
    if (t.dataset.meeting) selectMeeting(t.dataset.meeting);
    else if (t.dataset.recentre) recentre(t.dataset.recentre);
    else if (t.dataset.actor) {
      selectActor(t.dataset.actor);
      const n = cy.getElementById(t.dataset.actor);
      if (n.nonempty()) { cy.elements().unselect(); n.select(); }
    }
  });
  $("#panel-close").addEventListener("click", closePanel);
  document.addEventListener("keydown", (ev) => {  // Escape closes the panel (not while searching)
    if (ev.key === "Escape" && !$("#panel").hidden && document.activeElement !== input) closePanel();
  });

  // ---------- search ----------
  const input = $("#search"), list = $("#suggestions");
  let items = [], active = -1, timer = 0, searchSeq = 0;

  function renderSuggestions(q) {
    list.innerHTML = items.map((a, i) => {
      const ql = q.toLowerCase();
      const alias = a.name.toLowerCase().includes(ql) ? null : a.aliases.find((x) => x.toLowerCase().includes(ql));
      return '<li role="option" id="sugg-' + i + '" aria-selected="' + (i === active) + '" data-i="' + i + '">'
        + "<span>" + esc(a.name) + (alias ? ' <span class="alias">(' + esc(alias) + ")</span>" : "") + "</span>"
        + '<span class="type">' + esc(a.type) + " · " + a.meetings + " meetings</span></li>";
    }).join("") || (q ? '<li class="muted" aria-disabled="true">No actor matches “' + esc(q) + "”</li>" : "");
    list.hidden = !list.innerHTML;
    input.parentElement.setAttribute("aria-expanded", String(!list.hidden));
    if (active >= 0) input.setAttribute("aria-activedescendant", "sugg-" + active);
  }
  async function suggest() {
    const q = input.value.trim();
    const seq = ++searchSeq;
    if (!q) { items = []; renderSuggestions(""); return; }
    try {
      const res = await api("/api/actors?" + qs({ q, limit: 12 }));
      if (seq !== searchSeq) return;
      items = res.items.filter((a) => a.type !== "Place" || a.meetings > 0);
      active = items.length ? 0 : -1;
      renderSuggestions(q);
    } catch (err) {
      showMessage(sentence(err.message));
    }
  }
  function choose(i) {
    const a = items[i];
    if (!a) return;
    input.value = a.name;
    items = []; renderSuggestions("");
    state.expand = [];
    state.center = a.id;
    state.sel = a.id;
    writeHash();
    draw();
    selectActor(a.id);
  }
  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(suggest, 120); });
  input.addEventListener("keydown", (ev) => {
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      if (!items.length) return;
      ev.preventDefault();
      active = (active + (ev.key === "ArrowDown" ? 1 : items.length - 1)) % items.length;
      renderSuggestions(input.value.trim());
    } else if (ev.key === "Enter") {
      ev.preventDefault();
      if (items.length) choose(Math.max(0, active));
    } else if (ev.key === "Escape") {
      items = []; renderSuggestions("");
    }
  });
  list.addEventListener("mousedown", (ev) => {
    const li = ev.target.closest("li[data-i]");
    if (li) { ev.preventDefault(); choose(Number(li.dataset.i)); }
  });
  input.addEventListener("blur", () => setTimeout(() => { list.hidden = true; }, 150));

  // ---------- filters ----------
  const form = $("#filters");
  function syncForm() {
    for (const k of FILTERS) {
      const el = form.elements[k];
      if (el) el.value = state[k] || DEFAULTS[k] || "";
    }
  }
  form.addEventListener("change", () => {
    for (const k of FILTERS) {
      const v = form.elements[k].value.trim();
      state[k] = v && v !== DEFAULTS[k] ? v : undefined;
    }
    state.expand = [];
    writeHash();
    draw();
    refreshPanel();
  });
  form.addEventListener("submit", (ev) => ev.preventDefault());
  form.addEventListener("reset", () => setTimeout(() => {
    for (const k of FILTERS) state[k] = undefined;
    syncForm(); state.expand = []; writeHash(); draw(); refreshPanel();
  }, 0));

  async function loadChoices() {
    try {
      const [countries, topics] = await Promise.all([
        api("/api/actors?type=Country&limit=500"), api("/api/topics?limit=500")]);
      const sel = form.elements.country;
      countries.items.sort((x, y) => x.name.localeCompare(y.name)).forEach((c) => {
        const o = document.createElement("option"); o.value = c.id; o.textContent = c.name; sel.appendChild(o);
      });
      $("#topics").innerHTML = topics.items.map((t) => '<option value="' + esc(t.label) + '">').join("");
      syncForm();
    } catch (err) {
      showMessage(sentence(err.message));
    }
  }

  // ---------- start ----------
  async function fromHash() {
    state = readHash();
    syncForm();
    if (viewKey() !== drawn) await draw();
    if (state.sel && state.sel.startsWith("meeting/")) selectMeeting(state.sel);
    else if (state.sel) selectActor(state.sel);
    else { setPanelHidden(true); panelKind = ""; }
  }

  if (typeof cytoscape === "undefined") {
    showMessage("Cytoscape.js is not installed: run `npm ci` (or `make install`) and reload.");
    input.focus();
    return;
  }
  initCy();
  window.dipgraphCy = cy;  // for debugging and the end-to-end test
  window.addEventListener("popstate", fromHash);
  fromHash().then(loadChoices);  // the graph first: the choices are not needed to draw it
  input.focus();
})();
