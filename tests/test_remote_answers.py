"""An endpoint that answers 200 with something other than SPARQL results (a login page, a cut body, as
Oxigraph's own ``--timeout-s`` does): every command says so in one line. The endpoint is a real HTTP
server in a thread of the test."""

from __future__ import annotations

import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from .conftest import SEEDS, run_kg

ANSWERS = {
    "html": ("text/html", b"<!DOCTYPE html><html><body><h1>Please log in</h1></body></html>"),
    "cut-json": (
        "application/sparql-results+json",
        b'{"head":{"vars":["s"]},"results":{"bindings":[{"s":{"type":"uri","value":"http://a"}},{"s":',
    ),
    "cut-nquads": ("application/n-quads", b'<http://a> <http://b> "unterminated'),
}
# what the one line says, and the code it ends with, asked for SPARQL results (a query) and asked for
# N-Quads (an RDF export)
EXPECTED = {
    "html": ("answered text/html ('<!DOCTYPE html><html><body><h1>Please log in", "not SPARQL results", "[E618]"),
    "cut-json": ("answered truncated or invalid JSON", "not SPARQL results", "[E619]"),
    "cut-nquads": ("answered application/n-quads", "not SPARQL results", "[E618]"),
}
EXPECTED_DUMP = {
    "html": ("answered text/html ('<!DOCTYPE html><html><body><h1>Please log in", "not N-Quads", "[E615]"),
    "cut-json": ("answered application/sparql-results+json", "not N-Quads", "[E615]"),
    "cut-nquads": ("answered invalid or truncated N-Quads", "", "[E616]"),
}


@pytest.fixture
def endpoint(request):
    """(base URL, kind) of an HTTP server answering 200 with ANSWERS[kind] to every request (kind: the
    test's ``kind`` parameter)."""
    kind = request.node.callspec.params["kind"]
    media, body = ANSWERS[kind]

    class Handler(BaseHTTPRequestHandler):
        def answer(self):
            length = int(self.headers.get("Content-Length") or 0)
            self.rfile.read(length)
            self.send_response(200)
            self.send_header("Content-Type", media)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = answer

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", kind
    finally:
        server.shutdown()
        server.server_close()


INGEST, QUERY, EXPORT, VIZ = (
    ["ingest", str(SEEDS)],
    ["query", "--name", "suppliers", "--param", "entity=KAMAZ"],
    ["export", "--format", "nquads"],
    ["viz", "-o", "{tmp}/page.html"],
)


@pytest.mark.parametrize(
    "kind, command",
    [
        ("html", INGEST),
        ("html", QUERY),
        ("html", EXPORT),
        ("html", VIZ),
        ("cut-json", QUERY),
        ("cut-json", VIZ),
        ("cut-json", ["stats"]),
        ("cut-nquads", EXPORT),
        ("cut-nquads", QUERY),
    ],
    ids=lambda value: value if isinstance(value, str) else value[0],
)
def test_an_answer_that_is_not_sparql_results_is_one_line(endpoint, kind, command, tmp_path):
    url, _ = endpoint
    args = [part.replace("{tmp}", str(tmp_path)) for part in command]
    done = run_kg(*args, "--store", url, timeout=120)
    assert done.returncode == 1, (done.returncode, done.stderr)
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
    assert url in lines[0]
    dump = args[0] == "export"  # Turtle and N-Quads exports read the store's dump
    *parts, code = (EXPECTED_DUMP if dump else EXPECTED)[kind]
    for expected in parts:
        assert expected in lines[0]
    assert lines[0].endswith(f" {code}") and len(re.findall(r"\[E\d{3}\]", lines[0])) == 1, lines[0]
    assert not (tmp_path / "page.html").exists()
