"""The page's template: layout, legend, filters, side panel and the script that drives them.

Only :func:`render` is public; :mod:`kg.viz` builds the data. Every text that can come from an
article or the store reaches the page either escaped here (``html.escape``) or through the JSON
block, from which the script writes it with ``textContent`` (never ``innerHTML``).
"""

from __future__ import annotations

import html
import re

from .claimset import MODALITIES

__all__ = ["render"]

_SHAPES = {  # the legend's glyph for each vis-network shape, in a 14 x 14 box
    "dot": '<circle cx="7" cy="7" r="6"/>',
    "square": '<rect x="1.5" y="1.5" width="11" height="11"/>',
    "diamond": '<polygon points="7,0.5 13.5,7 7,13.5 0.5,7"/>',
    "triangle": '<polygon points="7,1 13.5,13 0.5,13"/>',
    "triangleDown": '<polygon points="0.5,1 13.5,1 7,13"/>',
    "star": '<polygon points="7,0.5 8.8,5 13.5,5.2 9.8,8.3 11,13.2 7,10.5 3,13.2 4.2,8.3 0.5,5.2 5.2,5"/>',
    "hexagon": '<polygon points="3.5,1 10.5,1 13.5,7 10.5,13 3.5,13 0.5,7"/>',
}


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _legend(classes: list[str]) -> str:
    from .viz import CLASS_STYLE

    items = []
    for cls in classes:
        colour, shape = CLASS_STYLE[cls]
        glyph = _SHAPES[shape].replace("/>", f' fill="{colour}" stroke="#333" stroke-width="0.6"/>')
        items.append(
            f'<label class="row"><input type="checkbox" class="f-class" value="{_e(cls)}" checked>'
            f'<svg class="glyph" data-class="{_e(cls)}" data-color="{colour}" width="14" height="14" '
            f'viewBox="0 0 14 14" aria-hidden="true">{glyph}</svg>{_e(cls)}</label>'
        )
    return "\n".join(items)


def _modalities() -> str:
    from .viz import MODALITY_STYLE

    items = []
    for modality in MODALITIES:
        colour, dashes = MODALITY_STYLE[modality]
        dash = f' stroke-dasharray="{",".join(str(d) for d in dashes)}"' if dashes else ""  # type: ignore[attr-defined]
        items.append(
            f'<label class="row"><input type="checkbox" class="f-modality" id="modality-{modality}" '
            f'value="{modality}" checked><svg width="26" height="8" aria-hidden="true"><line x1="0" y1="4" '
            f'x2="26" y2="4" stroke="{colour}" stroke-width="2.5"{dash}/></svg>{modality}</label>'
        )
    return "\n".join(items)


def _predicates(predicates: list[str]) -> str:
    return "\n".join(
        f'<label class="row"><input type="checkbox" class="f-predicate" value="{_e(p)}" checked>{_e(p)}</label>'
        for p in predicates
    )


def render(*, title: str, data: str, vis_css: str, vis_js: str, classes: list[str], predicates: list[str]) -> str:
    """The page: ``data`` is the script-safe JSON block (see :func:`kg.viz._script_safe`)."""
    parts = {
        "TITLE": _e(title),
        "CLASSES": _legend(classes),
        "MODALITIES": _modalities(),
        "PREDICATES": _predicates(predicates),
        "VIS_CSS": vis_css.replace("</style", "<\\/style"),
        "VIS_JS": vis_js.replace("</script", "<\\/script"),
        "SCRIPT": _SCRIPT,
        "DATA": data,
    }
    # one pass over the template: nothing inserted is read again as a marker
    return re.sub(r"@@([A-Z_]+)@@", lambda m: parts[m.group(1)], _TEMPLATE)


_TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>@@TITLE@@</title>
<style>@@VIS_CSS@@</style>
<style>
  html, body { margin: 0; height: 100%; font: 13px system-ui, sans-serif; color: #222; }
  #side { position: absolute; top: 0; bottom: 0; left: 0; width: 230px; overflow-y: auto; padding: 8px 10px;
          box-sizing: border-box; background: #fafafa; border-right: 1px solid #ddd; }
  #graph { position: absolute; top: 0; bottom: 0; left: 230px; right: 360px; }
  #panel { position: absolute; top: 0; bottom: 0; right: 0; width: 360px; overflow-y: auto; padding: 8px 12px;
           box-sizing: border-box; background: #fff; border-left: 1px solid #ddd; }
  h1 { font-size: 14px; margin: 0 0 6px; }
  h2 { font-size: 12px; text-transform: uppercase; color: #666; margin: 12px 0 4px; }
  h3 { font-size: 14px; margin: 4px 0; }
  .row { display: flex; align-items: center; gap: 5px; margin: 2px 0; }
  .glyph { flex: none; }
  #predicates { max-height: 180px; overflow-y: auto; }
  #search { width: 100%; box-sizing: border-box; }
  #search-message { color: #a33; min-height: 1.2em; }
  #status { color: #666; margin-top: 8px; }
  .claim { border-top: 1px solid #eee; padding: 6px 0; }
  .claim p { margin: 0 0 4px; }
  .meta { color: #555; font-size: 12px; }
  mark.subject { background: #cfe3ff; } mark.object { background: #ffe1b3; }
  .relations li { margin: 2px 0; } .relations button { font: inherit; border: 0; background: none; padding: 0;
    color: #1a55a8; cursor: pointer; text-align: left; }
  .vis-tooltip { white-space: pre-wrap !important; max-width: 420px; font-size: 12px; }
</style>
</head>
<body>
<div id="side">
  <h1>@@TITLE@@</h1>
  <input id="search" list="names" placeholder="Find an entity or alias" aria-label="Find an entity">
  <datalist id="names"></datalist>
  <div id="search-message" role="status"></div>
  <button id="reset" type="button">Show all</button>
  <h2>Classes</h2>
  @@CLASSES@@
  <h2>Modality</h2>
  @@MODALITIES@@
  <h2>Property</h2>
  <div id="predicates">
  @@PREDICATES@@
  </div>
  <h2>Article date</h2>
  <label class="row">from <input type="date" id="date-from"></label>
  <label class="row">to <input type="date" id="date-to"></label>
  <h2>Minimum confidence</h2>
  <label class="row"><input type="range" id="min-confidence" min="0" max="1" step="0.01" value="0">
    <output id="min-confidence-value">0.00</output></label>
  <div id="status">drawing...</div>
</div>
<div id="graph"></div>
<div id="panel"><p class="meta">Click an edge for the claims behind it, or an entity for its relations.</p></div>
<script type="application/json" id="kg-data">@@DATA@@</script>
<script>@@VIS_JS@@</script>
<script>@@SCRIPT@@</script>
</body>
</html>
"""

_SCRIPT = r"""
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  // above kg.viz.WHOLE entities, only data.first (the most connected) are drawn at first
  var drawn = data.nodes.map(function () { return data.first === null; });
  if (data.first !== null) { data.first.forEach(function (i) { drawn[i] = true; }); }
  var nodeAt = {};
  data.nodes.forEach(function (n, i) { nodeAt[n.id] = i; });
  var edgeDrawn = data.edges.map(function (e) { return drawn[nodeAt[e.from]] && drawn[nodeAt[e.to]]; });
  var nodes = new vis.DataSet(data.nodes.filter(function (n, i) { return drawn[i]; }));
  var edges = new vis.DataSet(data.edges.filter(function (e, i) { return edgeDrawn[i]; }));
  var large = !data.small;
  var network = new vis.Network(document.getElementById("graph"), {nodes: nodes, edges: edges}, {
    physics: false,
    layout: {improvedLayout: false, randomSeed: 7},
    groups: data.groups,
    interaction: {hover: !large, tooltipDelay: 150, hideEdgesOnDrag: large, hideEdgesOnZoom: large},
    edges: {smooth: false, arrows: {to: {enabled: !large, scaleFactor: 0.5}}, font: {size: 10, align: "middle"},
            color: {inherit: false}, selectionWidth: 2},
    nodes: {font: {size: 12}, borderWidth: 1}
  });
  var status = document.getElementById("status");
  var panel = document.getElementById("panel");
  var message = document.getElementById("search-message");
  var nodeIndex = nodeAt, edgeIndex = {}, incident = {};
  data.nodes.forEach(function (n) { incident[n.id] = []; });
  data.edges.forEach(function (e, i) { edgeIndex[e.id] = i; incident[e.from].push(i); incident[e.to].push(i); });

  // --- names: every label and alias, ignoring case and punctuation; a label wins over an alias
  function norm(text) { return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ""); }
  var byName = {};
  data.entities.forEach(function (e, i) {
    e[2].forEach(function (alias) { var k = norm(alias); if (k && !(k in byName)) { byName[k] = i; } });
  });
  var list = document.getElementById("names");
  data.entities.forEach(function (e, i) {
    var k = norm(e[0]);
    if (k) { byName[k] = i; }
    var option = document.createElement("option");
    option.value = e[0];
    list.appendChild(option);
  });

  // --- DOM helpers: text only
  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (cls) { node.className = cls; }
    return node;
  }
  function safeUrl(url) { return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null; }
  function link(text, url) {
    var safe = safeUrl(url);
    if (!safe) { return el("span", text); }
    var a = el("a", text);
    a.setAttribute("href", safe);
    a.setAttribute("target", "_blank");
    a.setAttribute("rel", "noopener noreferrer");
    return a;
  }
  function clear() { while (panel.firstChild) { panel.removeChild(panel.firstChild); } }

  // --- the sentence with the two names marked (the longest label or alias found, case ignored)
  function find(sentence, entity, taken) {
    var lower = sentence.toLowerCase();
    var names = [entity[0]].concat(entity[2]).filter(Boolean).sort(function (a, b) { return b.length - a.length; });
    for (var i = 0; i < names.length; i++) {
      var at = lower.indexOf(names[i].toLowerCase());
      while (at >= 0) {
        var end = at + names[i].length;
        if (!taken || end <= taken[0] || at >= taken[1]) { return [at, end]; }
        at = lower.indexOf(names[i].toLowerCase(), at + 1);
      }
    }
    return null;
  }
  function marked(sentence, subject, object) {
    var p = el("p");
    var s = find(sentence, subject, null);
    var o = find(sentence, object, s);
    var spans = [];
    if (s) { spans.push([s[0], s[1], "subject"]); }
    if (o) { spans.push([o[0], o[1], "object"]); }
    spans.sort(function (a, b) { return a[0] - b[0]; });
    var at = 0;
    spans.forEach(function (span) {
      p.appendChild(document.createTextNode(sentence.slice(at, span[0])));
      p.appendChild(el("mark", sentence.slice(span[0], span[1]), span[2]));
      at = span[1];
    });
    p.appendChild(document.createTextNode(sentence.slice(at)));
    return p;
  }

  function showEdge(i) {
    var e = data.edges[i], r = data.relations[i];
    var subject = data.entities[nodeIndex[e.from]], object = data.entities[nodeIndex[e.to]];
    clear();
    panel.appendChild(el("h3", subject[0] + " \u2192 " + r[0] + " \u2192 " + object[0]));
    var articles = {};
    r[2].forEach(function (c) { articles[data.claims[c][1]] = true; });
    panel.appendChild(el("p", r[1] + "; " + r[2].length + " claim(s) in " + Object.keys(articles).length +
                              " article(s)", "meta"));
    r[2].forEach(function (c) {
      var claim = data.claims[c], article = data.articles[claim[1]] || [null, "(unknown article)", null, null, null];
      var box = el("div", null, "claim");
      box.appendChild(marked(claim[0], subject, object));
      var meta = el("div", null, "meta");
      meta.appendChild(link(article[1], article[3]));
      meta.appendChild(document.createTextNode(" \u00b7 " + (article[2] || "undated") +
        (article[4] ? " \u00b7 " + article[4] : "")));
      box.appendChild(meta);
      box.appendChild(el("div", "modality " + r[1] + " \u00b7 confidence " + claim[2].toFixed(2) +
                                " \u00b7 rule " + claim[3], "meta"));
      panel.appendChild(box);
    });
  }

  function showNode(id) {
    var i = nodeIndex[id], entity = data.entities[i];
    clear();
    panel.appendChild(el("h3", entity[0]));
    panel.appendChild(el("p", "class: " + entity[1], "meta"));
    if (entity[2].length) { panel.appendChild(el("p", "also: " + entity[2].join(", "), "meta")); }
    if (safeUrl(entity[3])) {
      var wd = el("p", "Wikidata: ", "meta");
      wd.appendChild(link(entity[3].replace(/^.*\//, ""), entity[3]));
      panel.appendChild(wd);
    }
    var byPredicate = {};
    incident[id].forEach(function (k) {
      var p = data.relations[k][0];
      (byPredicate[p] = byPredicate[p] || []).push(k);
    });
    Object.keys(byPredicate).sort().forEach(function (p) {
      panel.appendChild(el("h2", p));
      var ul = el("ul", null, "relations");
      byPredicate[p].forEach(function (k) {
        var e = data.edges[k], r = data.relations[k];
        var out = e.from === id;
        var other = data.entities[nodeIndex[out ? e.to : e.from]][0];
        var li = el("li");
        var button = el("button", (out ? "\u2192 " : "\u2190 ") + other + " (" + r[1] + ", " + r[2].length +
                                  " claim(s))");
        button.type = "button";
        button.addEventListener("click", function () { network.selectEdges([e.id]); showEdge(k); });
        li.appendChild(button);
        ul.appendChild(li);
      });
      panel.appendChild(ul);
    });
  }

  // --- filters: a change updates only the nodes and edges whose visibility changes
  var edgeHidden = data.edges.map(function () { return false; });
  var nodeHidden = data.nodes.map(function () { return false; });
  function checked(cls) {
    var on = {};
    document.querySelectorAll("input." + cls).forEach(function (box) { on[box.value] = box.checked; });
    return on;
  }
  function applyFilters() {
    var classes = checked("f-class"), modalities = checked("f-modality"), predicates = checked("f-predicate");
    var from = document.getElementById("date-from").value, to = document.getElementById("date-to").value;
    var min = parseFloat(document.getElementById("min-confidence").value) || 0;
    document.getElementById("min-confidence-value").textContent = min.toFixed(2);
    function classOn(i) { return classes[data.entities[i][1]] !== false; }
    function claimOn(c) {
      var claim = data.claims[c], date = (data.articles[claim[1]] || [])[2];
      if (claim[2] < min) { return false; }
      if (from && (!date || date < from)) { return false; }
      if (to && (!date || date > to)) { return false; }
      return true;
    }
    var edgeChanges = [], nodeChanges = [], visibleDegree = data.nodes.map(function () { return 0; });
    data.edges.forEach(function (e, i) {
      var r = data.relations[i], a = nodeIndex[e.from], b = nodeIndex[e.to];
      var on = modalities[r[1]] !== false && predicates[r[0]] !== false && classOn(a) && classOn(b) &&
               r[2].some(claimOn);
      if (on) { visibleDegree[a] += 1; visibleDegree[b] += 1; }
      if (edgeHidden[i] === on) { edgeHidden[i] = !on; if (edgeDrawn[i]) { edgeChanges.push({id: e.id, hidden: !on}); } }
    });
    data.nodes.forEach(function (n, i) {
      var on = classOn(i) && (visibleDegree[i] > 0 || incident[n.id].length === 0);
      if (nodeHidden[i] === on) { nodeHidden[i] = !on; if (drawn[i]) { nodeChanges.push({id: n.id, hidden: !on}); } }
    });
    if (edgeChanges.length) { edges.update(edgeChanges); }
    if (nodeChanges.length) { nodes.update(nodeChanges); }
    var shownNodes = nodeHidden.filter(function (h) { return !h; }).length;
    var shownEdges = edgeHidden.filter(function (h) { return !h; }).length;
    status.textContent = shownNodes + " entities, " + shownEdges + " relations";
    if (data.first !== null) {
      status.textContent += "; " + drawn.filter(Boolean).length + " drawn: the most connected first, click one " +
                            "to draw its neighbours";
    }
  }
  function expand(id) {  // draw a node's neighbours and the relations among what is drawn
    if (data.first === null) { return; }
    var added = [];
    [id].concat(incident[id].map(function (k) { var e = data.edges[k]; return e.from === id ? e.to : e.from; }))
      .forEach(function (other) {
        var i = nodeAt[other];
        if (!drawn[i]) { drawn[i] = true; added.push(i); }
      });
    if (!added.length) { return; }
    nodes.add(added.map(function (i) { return Object.assign({}, data.nodes[i], {hidden: nodeHidden[i]}); }));
    var newEdges = [];
    added.forEach(function (i) {
      incident[data.nodes[i].id].forEach(function (k) {
        var e = data.edges[k];
        if (!edgeDrawn[k] && drawn[nodeAt[e.from]] && drawn[nodeAt[e.to]]) {
          edgeDrawn[k] = true;
          newEdges.push(Object.assign({}, e, {hidden: edgeHidden[k]}));
        }
      });
    });
    if (newEdges.length) { edges.add(newEdges); }
    applyFilters();
  }
  document.querySelectorAll("#side input").forEach(function (input) {
    if (input.id !== "search") {
      input.addEventListener(input.type === "range" ? "input" : "change", applyFilters);
    }
  });

  // --- search: any label or alias; says when nothing matches; focuses the match and its neighbours
  function focusNode(id) {
    expand(id);
    var around = [id];
    incident[id].forEach(function (k) {
      if (!edgeHidden[k]) { var e = data.edges[k]; around.push(e.from === id ? e.to : e.from); }
    });
    network.selectNodes([id], true);
    network.fit({nodes: around, animation: false});
    showNode(id);
  }
  function search(text) {
    var key = norm(text);
    message.textContent = "";
    if (!key) { return; }
    var found = byName[key];
    if (found === undefined) {
      var names = Object.keys(byName).sort();
      for (var j = 0; j < names.length && found === undefined; j++) {
        if (names[j].indexOf(key) >= 0) { found = byName[names[j]]; }
      }
    }
    if (found === undefined) { message.textContent = "No entity matches \u201c" + text + "\u201d."; return; }
    var id = data.nodes[found].id;
    if (nodeHidden[found]) { message.textContent = data.entities[found][0] + " is hidden by the filters."; return; }
    focusNode(id);
  }
  document.getElementById("search").addEventListener("change", function (event) { search(event.target.value); });
  document.getElementById("reset").addEventListener("click", function () {
    document.querySelectorAll("#side input[type=checkbox]").forEach(function (box) { box.checked = true; });
    document.getElementById("date-from").value = "";
    document.getElementById("date-to").value = "";
    document.getElementById("min-confidence").value = "0";
    document.getElementById("search").value = "";
    message.textContent = "";
    applyFilters();
    network.unselectAll();
    network.fit({animation: false});
  });

  network.on("click", function (params) {
    if (params.nodes.length) {
      expand(params.nodes[0]);
      showNode(params.nodes[0]);
    } else if (params.edges.length) {
      showEdge(edgeIndex[params.edges[0]]);
    }
  });

  function ready() {
    applyFilters();  // changes nothing yet: writes the status line
    window.kgReady = true;
    if (data.focus) { focusNode(data.focus); }
  }
  if (data.nodes.length === 0) { ready(); } else { network.once("afterDrawing", ready); }
  window.kgNetwork = network;
  window.kgShowEdge = function (id) { showEdge(edgeIndex[id]); };
})();
"""
