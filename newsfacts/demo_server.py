"""Serve the bundled offline sample tech-news site on a free local port.

Used by tests and demos: ``with serve_sample_site() as base_url: ...`` yields
``http://127.0.0.1:PORT``; every ``{{BASE_URL}}`` placeholder in served text
files (HTML, XML, plain text) is replaced by that URL.

Run ``python -m newsfacts.demo_server`` to browse the site by hand.
"""

from __future__ import annotations

import json
import mimetypes
import posixpath
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

__all__ = ["SAMPLE_SITE_DIR", "PLACEHOLDER", "SITE_URL", "serve_sample_site", "sample_sources_toml"]

SAMPLE_SITE_DIR: Path = Path(__file__).resolve().parent / "sample_site"
PLACEHOLDER = "{{BASE_URL}}"
# The site's public address, which its pages declare as canonical (rel=canonical,
# og:url, JSON-LD), as a real site served from a mirror would: stored article
# URLs are then the same whatever local port the demo ran on.
SITE_URL = "https://circuitledger.example"
SITE_PLACEHOLDER = "{{SITE_URL}}"
SAMPLE_SOURCE_NAME = "sample"

# Extension -> Content-Type. Text types get the placeholder substituted.
_TEXT_TYPES: dict[str, str] = {
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json; charset=utf-8",
}
_SPECIAL_NAMES: dict[str, str] = {
    "feed.xml": "application/rss+xml; charset=utf-8",
    "rss.xml": "application/rss+xml; charset=utf-8",
    "atom.xml": "application/atom+xml; charset=utf-8",
}


def _content_type(path: Path) -> tuple[str, bool]:
    """Return (Content-Type, is_text) for a file path."""
    if path.name in _SPECIAL_NAMES:
        return _SPECIAL_NAMES[path.name], True
    ext = path.suffix.lower()
    if ext in _TEXT_TYPES:
        return _TEXT_TYPES[ext], True
    guessed, _ = mimetypes.guess_type(path.name)
    return guessed or "application/octet-stream", False


class _QuietServer(ThreadingHTTPServer):
    """Threaded server that never prints tracebacks (e.g. client resets)."""

    daemon_threads = True
    allow_reuse_address = True
    # The default backlog of 5 drops connections when a crawler opens many at once.
    request_queue_size = 128

    def handle_error(self, request: object, client_address: object) -> None:  # noqa: D401
        pass


def _make_handler(root: Path, base_url_ref: list[str]) -> type[BaseHTTPRequestHandler]:
    """Build a request handler class bound to ``root``."""

    class SampleSiteHandler(BaseHTTPRequestHandler):
        server_version = "NewsfactsSample/1.0"
        sys_version = ""

        def log_message(self, format: str, *args: object) -> None:  # quiet
            pass

        def do_GET(self) -> None:
            self._serve(send_body=True)

        def do_HEAD(self) -> None:
            self._serve(send_body=False)

        def _resolve(self, url_path: str) -> Path | None:
            """Map a URL path to a file under root, or None (-> 404)."""
            norm = posixpath.normpath(unquote(url_path))
            parts = [p for p in norm.split("/") if p and p not in (".", "..")]
            target = root.joinpath(*parts).resolve()
            if target != root and root not in target.parents:
                return None
            return target

        def _send_error(self, status: HTTPStatus, send_body: bool) -> None:
            body = (
                f"<!DOCTYPE html>\n<html lang=\"en\"><head><title>{status.value} {status.phrase}</title></head>"
                f"<body><h1>{status.value} {status.phrase}</h1></body></html>\n"
            ).encode()
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if send_body:
                self.wfile.write(body)

        def _serve(self, send_body: bool) -> None:
            url_path = urlsplit(self.path).path or "/"
            target = self._resolve(url_path)
            if target is None:
                self._send_error(HTTPStatus.NOT_FOUND, send_body)
                return
            if target.is_dir():
                if not url_path.endswith("/"):
                    self.send_response(HTTPStatus.MOVED_PERMANENTLY)
                    self.send_header("Location", url_path + "/")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                target = target / "index.html"
            if not target.is_file():
                self._send_error(HTTPStatus.NOT_FOUND, send_body)
                return
            ctype, is_text = _content_type(target)
            data = target.read_bytes()
            if is_text:
                data = data.decode("utf-8").replace(PLACEHOLDER, base_url_ref[0]).replace(SITE_PLACEHOLDER, SITE_URL).encode("utf-8")
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            if send_body:
                self.wfile.write(data)

    return SampleSiteHandler


@contextmanager
def serve_sample_site(root: Path | None = None) -> Iterator[str]:
    """Serve ``root`` (default: the bundled sample site) on 127.0.0.1:<free port>.

    Yields the base URL (``http://127.0.0.1:PORT``, no trailing slash). The socket
    is bound before yielding; the server is shut down and closed on exit.
    """
    site_root = Path(root if root is not None else SAMPLE_SITE_DIR).resolve()
    if not site_root.is_dir():
        raise FileNotFoundError(f"sample site directory not found: {site_root}")
    base_url_ref: list[str] = [""]
    server = _QuietServer(("127.0.0.1", 0), _make_handler(site_root, base_url_ref))
    host, port = server.server_address[:2]
    base_url = f"http://{host}:{port}"
    base_url_ref[0] = base_url
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05},
        name=f"sample-site-{port}", daemon=True,
    )
    thread.start()
    try:
        yield base_url
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def sample_sources_toml(base_url: str) -> str:
    """Return a sources TOML document describing the sample site at ``base_url``."""
    base = base_url.rstrip("/")
    host = urlsplit(base).hostname or "127.0.0.1"

    def q(s: str) -> str:
        return json.dumps(s)  # a JSON string is a valid TOML basic string

    return (
        "[[source]]\n"
        f"name = {q(SAMPLE_SOURCE_NAME)}\n"
        f"feeds = [{q(base + '/feed.xml')}]\n"
        f"sitemaps = [{q(base + '/sitemap.xml')}]\n"
        f"start_urls = [{q(base + '/')}]\n"
        "allow = ['/articles/']        # regexes article URLs must match\n"
        f"allowed_domains = [{q(host)}]\n"
        "allow_private = true\n"
        "max_depth = 2\n"
        "max_age_days = 0  # the sample articles are old: no age limit\n"
        "download_delay = 0  # a local site: no politeness delay needed\n"
        "concurrency = 8\n"
    )


def main() -> None:
    """Serve the sample site until interrupted (for manual browsing)."""
    with serve_sample_site() as base_url:
        print(f"Sample site at {base_url}/  (Ctrl-C to stop)")
        print(sample_sources_toml(base_url))
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
