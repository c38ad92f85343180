"""A real HTTP server on 127.0.0.1 answering like arXiv's API, Crossref's `/works/{doi}` and a
few web pages with real status codes, redirects and slow answers, for the `test_net_*` tests.

The answers are files in `fixtures/net/` (see its README); the server records every request it
gets (path, query, time), so tests can count requests and measure their spacing.
"""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, quote, unquote, urlsplit

FIXTURES = Path(__file__).parent / "fixtures" / "net"

FEED_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom">
  <id>https://arxiv.org/api/query</id>
  <title>arXiv Query</title>
  <updated>2026-01-01T00:00:00Z</updated>
  <opensearch:totalResults>{total}</opensearch:totalResults>
  <opensearch:startIndex>0</opensearch:startIndex>
  <opensearch:itemsPerPage>{total}</opensearch:itemsPerPage>
"""

# Web pages for `links`: path -> (status, headers, body, seconds to wait)
PAGES = {
    "/page/ok": (200, {}, b"ok", 0),
    "/page/gone": (404, {}, b"not found", 0),
    "/page/broken": (500, {}, b"server error", 0),
    "/page/moved": (301, {"Location": "/page/ok"}, b"", 0),
    "/page/moved308": (308, {"Location": "/page/new-home"}, b"", 0),
    "/page/new-home": (200, {}, b"ok", 0),
    "/page/elsewhere": (302, {"Location": "/page/ok"}, b"", 0),
    "/page/slow": (200, {}, b"late", 3.0),
}


class ApiServer:
    """Start with `with ApiServer() as server:`; `server.url` is its base URL."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, str, dict, float]] = []  # method, path, query, time
        self.arxiv_status: int | None = None  # answer every arXiv request with this status
        self.arxiv_fail_from: int | None = None  # 503 from the n-th arXiv request on (0-based)
        self.arxiv_body: bytes | None = None  # answer arXiv with this body instead
        self.crossref_body: bytes | None = None
        self.crossref_status: int | None = None
        self.delay = 0.0  # seconds before every API answer
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # keep test output clean
                pass

            def do_HEAD(self) -> None:
                server.handle(self, "HEAD")

            def do_GET(self) -> None:
                server.handle(self, "GET")

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        # a client that gave up on a slow answer closes the socket; that is expected here
        self.httpd.handle_error = lambda request, address: None
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def __enter__(self) -> ApiServer:
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def env(self) -> dict[str, str]:
        return {"AWESOME_ARXIV_API": f"{self.url}/api/query", "AWESOME_CROSSREF_API": self.url}

    def api_requests(self, prefix: str) -> list[tuple[str, str, dict, float]]:
        return [r for r in self.requests if r[1].startswith(prefix)]

    # ----------------------------------------------------------------------------------------

    def handle(self, h: BaseHTTPRequestHandler, method: str) -> None:
        parts = urlsplit(h.path)
        query = parse_qs(parts.query)
        self.requests.append((method, parts.path, query, time.monotonic()))
        if parts.path == "/api/query":
            time.sleep(self.delay)
            self.arxiv(h, query)
        elif parts.path.startswith("/works/"):
            time.sleep(self.delay)
            self.crossref(h, unquote(parts.path[len("/works/"):]))
        elif parts.path == "/page/no-head":
            # a server that refuses HEAD but answers GET
            self.send(h, 405 if method == "HEAD" else 200, b"ok", method=method)
        elif parts.path in PAGES:
            status, headers, body, wait = PAGES[parts.path]
            time.sleep(wait)
            self.send(h, status, body, headers=headers, method=method)
        else:
            self.send(h, 404, b"not found", method=method)

    def arxiv(self, h, query: dict) -> None:
        count = len(self.api_requests("/api/query")) - 1
        if self.arxiv_status:
            return self.send(h, self.arxiv_status, b"error")
        if self.arxiv_fail_from is not None and count >= self.arxiv_fail_from:
            return self.send(h, 503, b"Service Unavailable")
        if self.arxiv_body is not None:
            return self.send(h, 200, self.arxiv_body, content_type="application/atom+xml")
        ids = [i for i in (query.get("id_list") or [""])[0].split(",") if i]
        entries = [(FIXTURES / "arxiv" / f"{i}.xml") for i in ids]
        found = [p.read_text(encoding="utf-8") for p in entries if p.is_file()]
        body = FEED_HEAD.format(total=len(found)) + "".join(found) + "</feed>\n"
        self.send(h, 200, body.encode("utf-8"), content_type="application/atom+xml; charset=utf-8")

    def crossref(self, h, doi: str) -> None:
        if self.crossref_status:
            return self.send(h, self.crossref_status, b"error")
        if self.crossref_body is not None:
            return self.send(h, 200, self.crossref_body, content_type="application/json")
        path = FIXTURES / "crossref" / f"{quote(doi.lower(), safe='')}.json"
        if not path.is_file():
            return self.send(h, 404, b"Resource not found.")
        self.send(h, 200, path.read_bytes(), content_type="application/json")

    @staticmethod
    def send(h, status: int, body: bytes, *, headers: dict | None = None,
             content_type: str = "text/plain", method: str = "GET") -> None:
        h.send_response(status)
        h.send_header("Content-Type", content_type)
        h.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            h.send_header(name, value)
        h.end_headers()
        if method != "HEAD":
            h.wfile.write(body)
