"""A local web server for download tests: every GET gets one body, or one redirect, or what
`answer` says for its path (a fake API); `seen` collects each request's path and headers."""

import http.server
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager


@contextmanager
def serving(
    body: bytes = b"<iati-activities/>",
    redirect_to: str = "",
    answer: Callable[[str], tuple[int, bytes]] | None = None,
    seen: list[tuple[str, dict[str, str]]] | None = None,
) -> Iterator[int]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            if seen is not None:
                seen.append((self.path, dict(self.headers)))
            if answer is not None:
                status, payload = answer(self.path)
                self.send_response(status)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)
                return
            if redirect_to:
                self.send_response(302)
                self.send_header("Location", redirect_to)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server.server_port
    finally:
        server.shutdown()
