"""The interactive HTML graph: pyvis builds the network, the page works offline.

pyvis' own page loads Bootstrap from a CDN even in ``in_line`` mode, and
switches its tooltips to ``innerHTML`` as soon as a title contains "href" (an
article could). So the network is built with pyvis (nodes, edges, options and
its bundled vis-network 9.1.2) and rendered into this module's template:

- everything is inlined: no ``http://`` or ``https://`` script or stylesheet;
- all data sits in one JSON block with ``<``, ``>`` and ``&`` escaped, and
  vis-network shows string tooltips as text, so a node named
  ``<img src=x onerror=alert(1)>`` shows as those characters;
- at thousands of nodes it stays usable: physics stabilises, then freezes;
  edge labels are hidden on large graphs; a search box focuses an entity and
  clicking one dims everything outside its neighbourhood.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import networkx as nx

__all__ = ["network_html", "write_html", "CLASS_COLORS"]

CLASS_COLORS = {
    "Country": "#e45756", "Region": "#f58518", "Company": "#4c78a8", "Organization": "#72b7b2",
    "Person": "#54a24b", "Product": "#b279a2", "Sector": "#9d755d", "Entity": "#bab0ac",
}
_LARGE = 400  # edges: above this, no edge labels and a shorter stabilisation


def _asset(name: str) -> str:
    return resources.files("pyvis").joinpath("templates", "lib", "vis-9.1.2", name).read_text(encoding="utf-8")


def _script_safe(text: str) -> str:
    """Text that cannot close or open a tag inside a <script> or <style> element."""
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _subgraph(graph: nx.MultiDiGraph, focus: str | None, hops: int) -> nx.MultiDiGraph:
    if focus is None:
        return graph
    from .network import find_node

    node = find_node(graph, focus)
    keep = nx.ego_graph(graph.to_undirected(as_view=True), node, radius=max(hops, 0)).nodes
    return graph.subgraph(keep).copy()


def network_html(graph: nx.MultiDiGraph, *, focus: str | None = None, hops: int = 2,
                 title: str = "kg: trade-cooperation graph") -> str:
    """The HTML page of an entity network (see :func:`kg.network.entity_graph`)."""
    from pyvis.network import Network

    graph = _subgraph(graph, focus, hops)
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    large = graph.number_of_edges() > _LARGE
    for node, data in sorted(graph.nodes(data=True)):
        lines = [data["label"], f"class: {data['cls']}"]
        if data.get("aliases"):
            lines.append("also: " + ", ".join(data["aliases"][:8]))
        if data.get("wikidata"):
            lines.append(f"Wikidata: {data['wikidata'].rsplit('/', 1)[-1]}")
        lines.append(f"relations: {graph.degree(node)}")
        net.add_node(node, label=data["label"][:40], title="\n".join(lines), group=data["cls"],
                     color=CLASS_COLORS.get(data["cls"], CLASS_COLORS["Entity"]),
                     value=1 + graph.degree(node), shape="dot")
    for s, o, key, data in sorted(graph.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        claims = sorted(data["claims"], key=lambda c: (-c["confidence"], c["article"], c["claim"]))
        lines = [f"{graph.nodes[s]['label']} {key} {graph.nodes[o]['label']}",
                 f"{len(claims)} claim(s) in {len({c['article'] for c in claims})} article(s)"]
        for claim in claims[:3]:
            lines.append(f"[{claim['article']}] {claim['sentence'][:240]}")
        extra = {} if large else {"label": key}
        net.add_edge(s, o, title="\n".join(lines), value=len(claims), arrows="to", color="#9e9e9e", **extra)
    net.set_options(json.dumps({
        "physics": {"solver": "forceAtlas2Based", "stabilization": {"enabled": True,
                                                                     "iterations": 150 if large else 400}},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": large},
        "layout": {"improvedLayout": graph.number_of_nodes() <= 500},
        "edges": {"smooth": False if large else {"type": "dynamic"}, "font": {"size": 10, "align": "middle"},
                  "scaling": {"min": 1, "max": 6}},
        "nodes": {"scaling": {"min": 6, "max": 30}, "font": {"size": 13}},
    }))
    nodes, edges, _, _, _, options = net.get_network_data()
    if isinstance(options, str):
        options = json.loads(options)
    data = {"nodes": nodes, "edges": edges, "options": options, "colors": CLASS_COLORS,
            "names": {node: [d["label"], *d.get("aliases", [])] for node, d in graph.nodes(data=True)},
            "focus": None if focus is None else _focus_id(graph, focus)}
    return _TEMPLATE.format(
        title=_html_text(title),
        vis_css=_asset("vis-network.css").replace("</style", "<\\/style"),
        vis_js=_asset("vis-network.min.js").replace("</script", "<\\/script"),
        data=_script_safe(json.dumps(data, ensure_ascii=False, sort_keys=True)),
        legend="".join(f'<span class="chip" style="background:{color}"></span>{cls} '
                       for cls, color in CLASS_COLORS.items() if cls != "Entity"),
    )


def _focus_id(graph, focus):
    from .network import find_node

    return find_node(graph, focus)


def _html_text(text: str) -> str:
    import html

    return html.escape(text, quote=True)


def write_html(store, path: str | Path, *, focus: str | None = None, hops: int = 2) -> None:
    """Write the page for the store's entity network (or one entity's neighbourhood)."""
    from .network import entity_graph

    page = network_html(entity_graph(store), focus=focus, hops=hops)
    from .outputs import write_atomic

    write_atomic(path, page.encode("utf-8"))


_TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{vis_css}</style>
<style>
  html, body {{ margin: 0; height: 100%; font: 14px system-ui, sans-serif; }}
  #bar {{ position: absolute; top: 0; left: 0; right: 0; z-index: 2; padding: 6px 10px; background: #fafafa;
          border-bottom: 1px solid #ddd; display: flex; gap: 12px; align-items: center; flex-wrap: wrap; }}
  #graph {{ position: absolute; top: 44px; bottom: 0; left: 0; right: 0; }}
  .chip {{ display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin: 0 3px 0 8px; }}
  .vis-tooltip {{ white-space: pre-wrap !important; max-width: 520px; font-size: 12px; }}
  #status {{ color: #666; }}
</style>
</head>
<body>
<div id="bar">
  <strong>{title}</strong>
  <input id="search" list="names" placeholder="Find an entity" aria-label="Find an entity">
  <datalist id="names"></datalist>
  <button id="reset" type="button">Show all</button>
  <span>{legend}</span>
  <span id="status">laying out...</span>
</div>
<div id="graph"></div>
<script type="application/json" id="kg-data">{data}</script>
<script>{vis_js}</script>
<script>
(function () {{
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var network = new vis.Network(document.getElementById("graph"), {{nodes: nodes, edges: edges}}, data.options);
  var status = document.getElementById("status");
  var byLabel = {{}};
  var list = document.getElementById("names");
  Object.keys(data.names).forEach(function (id) {{  // aliases first: a label wins over an alias
    data.names[id].slice(1).forEach(function (alias) {{ byLabel[alias.toLowerCase()] = id; }});
  }});
  Object.keys(data.names).forEach(function (id) {{
    byLabel[data.names[id][0].toLowerCase()] = id;
    var option = document.createElement("option");
    option.value = data.names[id][0];  // the full name, set as a property: text, never markup
    list.appendChild(option);
  }});
  function ready() {{
    network.setOptions({{physics: false}});
    status.textContent = data.nodes.length + " entities, " + data.edges.length + " relations";
    window.kgReady = true;
    if (data.focus) {{ focus(data.focus); }}
  }}
  network.once("stabilizationIterationsDone", ready);
  if (data.nodes.length === 0) {{ ready(); }}
  function dimOutside(id) {{
    var keep = {{}};
    keep[id] = true;
    network.getConnectedNodes(id).forEach(function (n) {{ keep[n] = true; }});
    nodes.update(data.nodes.map(function (n) {{
      return {{id: n.id, color: keep[n.id] ? n.color : "#e6e6e6", font: {{color: keep[n.id] ? "#222" : "#bbb"}}}};
    }}));
  }}
  function focus(id) {{
    network.selectNodes([id]);
    network.focus(id, {{scale: 1.2, animation: false}});
    dimOutside(id);
  }}
  function resetView() {{
    nodes.update(data.nodes.map(function (n) {{ return {{id: n.id, color: n.color, font: {{color: "#222"}}}}; }}));
    network.unselectAll();
    network.fit({{animation: false}});
  }}
  network.on("click", function (params) {{
    if (params.nodes.length) {{ dimOutside(params.nodes[0]); }} else {{ resetView(); }}
  }});
  document.getElementById("search").addEventListener("change", function (event) {{
    var id = byLabel[event.target.value.toLowerCase()];
    if (id !== undefined) {{ focus(id); }}
  }});
  document.getElementById("reset").addEventListener("click", resetView);
  window.kgNetwork = network;
}})();
</script>
</body>
</html>
"""
