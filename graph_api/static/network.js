/* Network pages: vis-network with client-side filters (DataView), legend, search and
 * expandable groups. All text goes through textContent / innerText, never innerHTML. */
(function () {
  "use strict";
  var dataEl = document.getElementById("graph-data");
  var container = document.getElementById("network");
  if (!dataEl || !container || typeof vis === "undefined") { return; }
  var raw = JSON.parse(dataEl.textContent);
  var options = typeof raw.options === "string" ? JSON.parse(raw.options) : raw.options;
  var meta = typeof raw.meta === "string" ? JSON.parse(raw.meta) : (raw.meta || {});
  var filters = meta.filters || {otypes: [], programmes: [], categories: [], links: []};
  var years = filters.years || [];
  var SVG = "http://www.w3.org/2000/svg";

  /* labels: always for groups and the most important nodes, for the rest on hover or
     when zoomed in (hundreds of names at once are unreadable) */
  var LABELLED = 20, ZOOM_LABELS = 1.4, zoomedIn = false;
  var important = new Set();
  function quietLabels(list, k) {
    list.filter(function (n) { return n.kind !== "group"; })
      .sort(function (a, b) { return (b.value || 0) - (a.value || 0); })
      .forEach(function (n, i) {
        n.fullLabel = n.label;
        if (i < k || n.centre) {
          important.add(n.id);  // drawn large enough to read at the overview's zoom
          n.font = {size: 40, strokeWidth: 6, strokeColor: "#ffffff"};
          n.scaling = {label: {enabled: false}};
        } else if (!zoomedIn) { n.label = ""; }
      });
    return list;
  }
  var nodes = new vis.DataSet(quietLabels(raw.nodes, LABELLED));
  var edges = new vis.DataSet(raw.edges);
  var linkKeys = new Set();
  edges.forEach(function (e) { linkKeys.add(e.ofrom + "|" + e.ltype + "|" + e.oto); });
  var state = {otypes: new Set(), programme: "", category: "", links: new Set(),
               yearFrom: years[0], yearTo: years[years.length - 1]};
  var expanded = new Set();

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  var touched = null;  // with some link types unticked: the nodes the others touch
  /* the year range: the whole range filters nothing; a narrower one keeps the links with
     evidence from a year inside it, and the nodes they touch or a report of it names (the
     page's own organisation or programme always stays); a group stays while any of its
     members or their links has a year inside it */
  var inYears = null;  // nodes touched by a link in the range (null: whole range)
  function yearsNarrowed() {
    return years.length > 0 &&
      (state.yearFrom > years[0] || state.yearTo < years[years.length - 1]);
  }
  function anyYearIn(list) {
    return (list || []).some(function (y) { return y >= state.yearFrom && y <= state.yearTo; });
  }
  function nodeVisible(n) {
    if (!n) { return false; }
    if (n.kind === "group") { return !inYears || anyYearIn(n.years); }
    if (touched && !touched.has(n.id)) { return false; }
    if (inYears && !n.centre && !inYears.has(n.id) && !anyYearIn(n.years)) { return false; }
    if (!state.otypes.has(n.otype)) { return false; }
    if (state.programme && (n.progs || []).indexOf(state.programme) < 0) { return false; }
    if (state.category && n.kind === "org" &&
        (n.cats || []).indexOf(Number(state.category)) < 0) { return false; }
    return true;
  }
  function edgeVisible(e) {
    if (e.ltype !== "group" && !state.links.has(e.ltype)) { return false; }
    if (inYears && !anyYearIn(e.years)) { return false; }
    return nodeVisible(nodes.get(e.from)) && nodeVisible(nodes.get(e.to));
  }
  var nodeView = new vis.DataView(nodes, {filter: nodeVisible});
  var edgeView = new vis.DataView(edges, {filter: edgeVisible});

  function refresh(fit) {
    touched = null;
    inYears = null;
    if (yearsNarrowed()) {
      inYears = new Set();
      edges.forEach(function (e) {
        if (e.ltype !== "group" && anyYearIn(e.years)) { inYears.add(e.from); inYears.add(e.to); }
      });
    }
    if (state.links.size < filters.links.length) {
      touched = new Set();
      edges.forEach(function (e) {
        if (state.links.has(e.ltype)) { touched.add(e.from); touched.add(e.to); }
      });
    }
    nodeView.refresh();
    edgeView.refresh();
    var alone = document.querySelectorAll("#alone li[data-years]");
    var aloneShown = 0;
    Array.prototype.forEach.call(alone, function (li) {
      var ys = li.getAttribute("data-years").split(" ").filter(Boolean).map(Number);
      li.hidden = Boolean(inYears) && !anyYearIn(ys);
      if (!li.hidden) { aloneShown += 1; }
    });
    var aloneCount = document.getElementById("alone-count");
    if (aloneCount) { aloneCount.textContent = String(aloneShown); }
    document.getElementById("visible-count").textContent = String(nodeView.length);
    if (fit !== false && typeof network !== "undefined" && nodeView.length) {
      network.fit({animation: {duration: 350, easingFunction: "easeInOutQuad"}});
    }
  }

  /* ---- filters and legend ---- */
  function checkbox(parent, value, label, colour, set) {
    var id = parent.id + "-" + String(value).replace(/[^A-Za-z0-9_-]/g, "_");
    var wrap = el("label", {"for": id, "class": "check"});
    var box = el("input", {type: "checkbox", id: id, value: value});
    box.checked = true;
    set.add(value);
    box.addEventListener("change", function () {
      if (box.checked) { set.add(value); } else { set.delete(value); }
      refresh();
    });
    var swatch = el("span", {"class": "swatch"});
    swatch.style.background = colour;
    wrap.appendChild(box);
    wrap.appendChild(swatch);
    wrap.appendChild(document.createTextNode(label));
    parent.appendChild(wrap);
  }
  var otypeBox = document.getElementById("filter-otype");
  filters.otypes.forEach(function (t) { checkbox(otypeBox, t[0], t[1], t[2], state.otypes); });
  var linkBox = document.getElementById("filter-link");
  filters.links.forEach(function (t) { checkbox(linkBox, t[0], t[1], t[2], state.links); });
  var progSel = document.getElementById("filter-programme");
  filters.programmes.forEach(function (p) { progSel.appendChild(el("option", {value: p[0]}, p[1])); });
  progSel.addEventListener("change", function () { state.programme = progSel.value; refresh(); });
  var yearBox = document.getElementById("filter-years");
  var fromSel = document.getElementById("filter-year-from");
  var toSel = document.getElementById("filter-year-to");
  if (yearBox && years.length > 1) {
    years.forEach(function (y) {
      fromSel.appendChild(el("option", {value: String(y)}, String(y)));
      toSel.appendChild(el("option", {value: String(y)}, String(y)));
    });
    fromSel.value = String(state.yearFrom);
    toSel.value = String(state.yearTo);
    var onYears = function (ev) {
      state.yearFrom = Number(fromSel.value);
      state.yearTo = Number(toSel.value);
      if (state.yearFrom > state.yearTo) {  // the range never turns inside out
        if (ev.target === fromSel) { state.yearTo = state.yearFrom; toSel.value = fromSel.value; }
        else { state.yearFrom = state.yearTo; fromSel.value = toSel.value; }
      }
      refresh();
    };
    fromSel.addEventListener("change", onYears);
    toSel.addEventListener("change", onYears);
    yearBox.hidden = false;
  }
  var catSel = document.getElementById("filter-category");
  filters.categories.forEach(function (c) { catSel.appendChild(el("option", {value: c[0]}, c[1])); });
  catSel.addEventListener("change", function () { state.category = catSel.value; refresh(); });

  var legendNodes = document.getElementById("legend-nodes");
  function legendNode(label, colour, shape) {
    var li = el("li");
    var sw = el("span", {"class": "swatch " + shape});
    sw.style.background = colour;
    li.appendChild(sw);
    li.appendChild(document.createTextNode(label));
    legendNodes.appendChild(li);
  }
  filters.otypes.forEach(function (t) {
    legendNode(t[1], t[2], t[0] === "Programm" ? "diamond" : "dot");
  });
  if (meta.group_url) {
    if (meta.grouped_by && meta.grouped_by[0] === "programm") {
      legendNode("Programm mit Beteiligten (klicken zum Aufklappen)", "#f5dd7a", "hexagon");
      if (nodes.get("group:ohne-programm")) {
        legendNode("ohne Programm (klicken zum Aufklappen)", "#b0bec5", "hexagon");
      }
    } else {
      legendNode("Gruppe (klicken zum Aufklappen)", "#b0bec5", "hexagon");
    }
  }
  var groupBy = document.getElementById("nach");
  if (groupBy && groupBy.form) {
    groupBy.addEventListener("change", function () { groupBy.form.submit(); });
  }
  var legendLinks = document.getElementById("legend-links");
  filters.links.forEach(function (t) {
    var li = el("li");
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", "36");
    svg.setAttribute("height", "10");
    var line = document.createElementNS(SVG, "line");
    [["x1", "1"], ["y1", "5"], ["x2", "35"], ["y2", "5"], ["stroke", t[2]],
     ["stroke-width", "2.5"]].forEach(function (a) { line.setAttribute(a[0], a[1]); });
    if (t[3]) { line.setAttribute("stroke-dasharray", t[3].join(" ")); }
    svg.appendChild(line);
    li.appendChild(svg);
    li.appendChild(document.createTextNode(t[1] + (t[4] ? " →" : "")));
    legendLinks.appendChild(li);
  });

  /* ---- the network ---- */
  var network = new vis.Network(container, {nodes: nodeView, edges: edgeView}, options);
  var progress = document.getElementById("net-progress");
  function markReady(how) {
    if (container.dataset.ready === "1") { return; }
    container.dataset.ready = "1";
    container.dataset.readyHow = how;
    window.vizReadyAt = performance.now();
    if (progress) { progress.hidden = true; }
    if (meta.centre && nodes.get(meta.centre)) { network.selectNodes([meta.centre]); }
  }
  network.on("stabilizationProgress", function (p) {
    if (progress) {
      progress.textContent = "Netzwerk wird angeordnet … " +
        Math.round(100 * p.iterations / p.total) + " %";
    }
  });
  network.once("stabilizationIterationsDone", function () {
    network.setOptions({physics: false});
    markReady("physics");
  });
  if (!(options.physics && options.physics.enabled)) {
    network.once("afterDrawing", function () { markReady("precomputed"); });
  }
  function showLabel(id, on) {
    var n = nodes.get(id);
    if (!n || n.kind === "group" || n.fullLabel === undefined) { return; }
    var label = on || zoomedIn || important.has(id) ? n.fullLabel : "";
    if (n.label !== label) { nodes.update({id: id, label: label}); }
  }
  network.on("hoverNode", function (p) { showLabel(p.node, true); });
  network.on("blurNode", function (p) { showLabel(p.node, false); });
  network.on("zoom", function (p) {
    var all = p.scale >= ZOOM_LABELS;
    if (all === zoomedIn) { return; }
    zoomedIn = all;
    nodes.update(nodes.get({filter: function (n) {
      return n.kind !== "group" && n.fullLabel !== undefined && !important.has(n.id);
    }}).map(function (n) { return {id: n.id, label: all ? n.fullLabel : ""}; }));
  });
  network.on("doubleClick", function (params) {
    var n = params.nodes.length ? nodes.get(params.nodes[0]) : null;
    if (n && n.url) { window.location.href = n.url; }
  });
  network.on("click", function (params) {
    var n = params.nodes.length ? nodes.get(params.nodes[0]) : null;
    if (n && n.kind === "group") { expandGroup(n); }
  });

  /* ---- groups: fetched from the app on click ---- */
  function expandGroup(g) {
    if (!meta.group_url || expanded.has(g.gkey)) { return Promise.resolve(); }
    expanded.add(g.gkey);
    setStatus("Gruppe wird geladen …");
    return fetch(meta.group_url.replace("{key}", encodeURIComponent(g.gkey))).then(function (res) {
      if (!res.ok) { throw new Error("HTTP " + res.status); }
      return res.json();
    }).then(function (data) {
      var at = network.getPositions([g.id])[g.id] || {x: 0, y: 0};
      var added = data.nodes.map(function (n) {
        return Object.assign({}, n, {x: (n.x || 0) + at.x, y: (n.y || 0) + at.y});
      });
      var stale = edges.get({filter: function (e) { return e.from === g.id || e.to === g.id; }});
      nodes.remove(g.id);
      nodes.add(quietLabels(added, 5));
      stale.forEach(function (e) {
        if (e.ltype === "group") { edges.remove(e.id); return; }
        edges.update({id: e.id, from: nodes.get(e.ofrom) ? e.ofrom : e.from,
                      to: nodes.get(e.oto) ? e.oto : e.to});
      });
      var groupOf = data.group_of || {};
      function end(key) {
        if (nodes.get(key)) { return key; }
        var gk = groupOf[key];
        return gk && nodes.get("group:" + gk) ? "group:" + gk : null;
      }
      var fresh = [];
      data.edges.forEach(function (e) {
        var k = e.ofrom + "|" + e.ltype + "|" + e.oto;
        var from = end(e.from), to = end(e.to);
        if (linkKeys.has(k) || !from || !to) { return; }
        linkKeys.add(k);
        fresh.push(Object.assign({}, e, {from: from, to: to}));
      });
      edges.add(fresh);
      refresh();
      setStatus(data.label + ": " + data.nodes.length + " Knoten aufgeklappt");
      return data;
    }).catch(function (err) {
      expanded.delete(g.gkey);
      setStatus("Die Gruppe konnte nicht geladen werden (" + err.message + ").");
    });
  }

  /* ---- search ---- */
  var statusEl = document.getElementById("net-search-status");
  function setStatus(text) { if (statusEl) { statusEl.textContent = text; } }
  var names = document.getElementById("net-search-names");
  nodes.forEach(function (n) { if (n.kind !== "group") { names.appendChild(el("option", {value: n.name})); } });
  (meta.members || []).forEach(function (m) { names.appendChild(el("option", {value: m[1]})); });
  function focus(id) {
    showLabel(id, true);
    network.selectNodes([id]);
    network.focus(id, {scale: 1.3, animation: {duration: 400, easingFunction: "easeInOutQuad"}});
    var n = nodes.get(id);
    setStatus(n ? (n.name || n.label) + " ausgewählt" : "");
  }
  function find(query) {
    var q = query.trim().toLowerCase();
    if (!q) { return null; }
    var best = null, rank = 9;
    nodeView.forEach(function (n) {
      if (n.kind === "group") { return; }
      var name = (n.name || n.label || "").toLowerCase();
      var r = name === q ? 0 : name.indexOf(q) === 0 ? 1 : name.indexOf(q) >= 0 ? 2 : 9;
      if (r < rank) { rank = r; best = n.id; }
    });
    return best;
  }
  function showMember(member) {
    expandGroup(nodes.get("group:" + member[2])).then(function () {
      if (nodes.get(member[0])) { focus(member[0]); }
    });
  }
  /* the server's name search folds umlauts both ways (koeln, koln: Köln) and forgives one
     typo; its first hit that is a visible node or a member of a group is shown */
  function serverFind(query) {
    if (!meta.search_url || typeof fetch === "undefined") { return Promise.resolve(false); }
    return fetch(meta.search_url + "?q=" + encodeURIComponent(query)).then(function (r) {
      return r.ok ? r.json() : {hits: []};
    }).then(function (body) {
      var hits = body.hits || [];
      for (var i = 0; i < hits.length; i++) {
        if (nodeVisible(nodes.get(hits[i].key))) { focus(hits[i].key); return true; }
        var member = (meta.members || []).filter(function (m) { return m[0] === hits[i].key; })[0];
        if (member && nodes.get("group:" + member[2])) { showMember(member); return true; }
      }
      return false;
    }).catch(function () { return false; });
  }
  document.getElementById("net-search-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var query = document.getElementById("net-search").value;
    var id = find(query);
    if (id) { focus(id); return; }
    var q = query.trim().toLowerCase();
    if (!q) { setStatus(""); return; }
    var member = (meta.members || []).filter(function (m) {
      return m[1].toLowerCase().indexOf(q) >= 0;
    })[0];
    if (member && nodes.get("group:" + member[2])) { showMember(member); return; }
    setStatus("Suche läuft …");
    serverFind(query.trim()).then(function (found) {
      if (!found) { setStatus("Kein sichtbarer Knoten passt zu „" + query.trim() + "“."); }
    });
  });

  /* ---- PNG of the current view: the canvas as drawn, on white ---- */
  function viewPng() {
    var canvas = container.querySelector("canvas");
    var out = document.createElement("canvas");
    out.width = canvas.width;
    out.height = canvas.height;
    var ctx = out.getContext("2d");
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, out.width, out.height);
    ctx.drawImage(canvas, 0, 0);
    return out.toDataURL("image/png");
  }
  var pngButton = document.getElementById("net-png");
  if (pngButton) {
    pngButton.addEventListener("click", function () {
      var a = el("a", {href: viewPng(), download: (meta.png_name || "netzwerk") + ".png"});
      document.body.appendChild(a);
      a.click();
      a.remove();
    });
  }

  refresh(false);
  window.viz = {network: network, nodes: nodes, edges: edges, nodeView: nodeView,
                edgeView: edgeView, expandGroup: expandGroup, focus: focus, viewPng: viewPng};
})();
