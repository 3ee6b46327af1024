"""The query page of ``kg serve``: one HTML page and its script, written here, nothing fetched.

Every value from the store is put in the page with ``textContent``, never as
HTML, and the page's Content-Security-Policy allows no script but its own.
"""

__all__ = ["PAGE_HTML", "PAGE_JS"]

PAGE_HTML = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>kg: SPARQL</title>
<style>
  body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5em; color: #222; }
  textarea { width: 100%; height: 12em; font: 13px monospace; }
  table { border-collapse: collapse; margin-top: 1em; }
  td, th { border: 1px solid #ccc; padding: 2px 6px; text-align: left; vertical-align: top; }
  th { background: #f3f3f3; }
  #status { margin-left: 1em; color: #555; }
  #status.error { color: #b00; }
  pre { background: #f7f7f7; padding: 0.5em; white-space: pre-wrap; }
  li { margin: 0.2em 0; }
</style>
</head>
<body>
<h1>kg: SPARQL over the store</h1>
<p>Read-only. The endpoint is <code>/sparql</code> (SPARQL 1.1 Protocol, GET or POST); named queries are
at <code>/queries/NAME</code>.</p>
<form id="form">
<textarea id="query" spellcheck="false">PREFIX trade: &lt;https://w3id.org/kg-trade/ontology#&gt;
PREFIX rdfs: &lt;http://www.w3.org/2000/01/rdf-schema#&gt;
SELECT ?supplier ?customer WHERE {
  ?s trade:supplies ?o . ?s rdfs:label ?supplier . ?o rdfs:label ?customer
} ORDER BY ?supplier LIMIT 100</textarea>
<button type="submit" id="run">Run</button><span id="status"></span>
</form>
<div id="results"></div>
<h2>Named queries</h2>
<ul id="named"></ul>
<script src="/page.js"></script>
</body>
</html>
"""

PAGE_JS = """"use strict";
const $ = (id) => document.getElementById(id);

function status(text, isError) {
  $("status").textContent = text;
  $("status").className = isError ? "error" : "";
}

function cell(term) {
  if (!term) return "";
  if (term.type === "uri") return "<" + term.value + ">";
  return term.value + (term["xml:lang"] ? "@" + term["xml:lang"] : "");
}

function show(data) {
  const out = $("results");
  out.replaceChildren();
  if (typeof data === "string") {
    const pre = document.createElement("pre");
    pre.textContent = data;
    out.append(pre);
    return;
  }
  if ("boolean" in data) {
    out.textContent = String(data.boolean);
    return;
  }
  const table = document.createElement("table");
  const head = table.insertRow();
  for (const v of data.head.vars) {
    const th = document.createElement("th");
    th.textContent = v;
    head.append(th);
  }
  for (const binding of data.results.bindings) {
    const row = table.insertRow();
    for (const v of data.head.vars) row.insertCell().textContent = cell(binding[v]);
  }
  out.append(table);
  status(data.results.bindings.length + " row(s)", false);
}

async function fetchAndShow(url, options) {
  status("running...", false);
  const started = performance.now();
  try {
    const response = await fetch(url, options);
    const text = await response.text();
    if (!response.ok) {
      status(response.status + ": " + text, true);
      return;
    }
    const type = response.headers.get("content-type") || "";
    show(type.includes("json") && !type.includes("ld+json") ? JSON.parse(text) : text);
    status($("status").textContent + " in " + Math.round(performance.now() - started) + " ms", false);
  } catch (e) {
    status(String(e), true);
  }
}

$("form").addEventListener("submit", (event) => {
  event.preventDefault();
  fetchAndShow("/sparql", {
    method: "POST",
    headers: {"Content-Type": "application/sparql-query",
              "Accept": "application/sparql-results+json, text/turtle;q=0.9"},
    body: $("query").value,
  });
});

async function listNamed() {
  const response = await fetch("/queries");
  const queries = await response.json();
  for (const q of queries) {
    const li = document.createElement("li");
    const form = document.createElement("form");
    const button = document.createElement("button");
    button.textContent = q.name;
    form.append(button);
    for (const p of q.params) {
      const input = document.createElement("input");
      input.name = p.name;
      input.placeholder = p.name;
      input.title = p.help;
      form.append(" ", input);
    }
    const help = document.createElement("span");
    help.textContent = " " + q.description;
    form.append(help);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const params = new URLSearchParams(new FormData(form));
      fetchAndShow("/queries/" + encodeURIComponent(q.name) + "?" + params, {
        headers: {"Accept": "application/sparql-results+json"}});
    });
    li.append(form);
    $("named").append(li);
  }
}
listNamed();
"""
