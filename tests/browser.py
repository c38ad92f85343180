"""Headless Chromium for tests: a built site served on 127.0.0.1, and a page that records trouble.

Chromium is Debian's (/usr/bin/chromium), driven by the `playwright` package; `playwright install`
cannot download browsers here. Under CI=true a missing browser fails the test instead of skipping.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--headless", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def require_chromium() -> str:
    if not os.path.exists(CHROMIUM) and shutil.which("chromium") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("chromium is not installed (CI=true: browser tests may not skip)")
        pytest.skip("chromium is not installed")
    return CHROMIUM if os.path.exists(CHROMIUM) else shutil.which("chromium")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass


@contextlib.contextmanager
def serve_dir(directory: Path):
    """Serve `directory` on 127.0.0.1 on a free port; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class Trouble:
    """What a page did that a safe page never does."""

    dialogs: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    javascript_navigations: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def assert_clean(self, *, console: bool = True) -> None:
        assert self.dialogs == [], f"dialogs opened: {self.dialogs}"
        assert self.foreign_requests == [], f"requests left 127.0.0.1: {self.foreign_requests}"
        assert self.javascript_navigations == [], f"javascript: navigations: {self.javascript_navigations}"
        assert self.page_errors == [], f"uncaught page errors: {self.page_errors}"
        if console:
            assert self.console_errors == [], f"console errors: {self.console_errors}"


@contextlib.contextmanager
def browser_page(viewport=(1280, 900)):
    """A Chromium page that aborts and records any request not to 127.0.0.1."""
    executable = require_chromium()
    from playwright.sync_api import sync_playwright

    trouble = Trouble()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})

        def route(route, request):
            url = request.url
            parts = urlsplit(url)
            if parts.scheme == "javascript":
                trouble.javascript_navigations.append(url)
                return route.abort()
            if parts.scheme in ("data", "blob", "about"):
                return route.continue_()
            if parts.hostname != "127.0.0.1":
                trouble.foreign_requests.append(url)
                return route.abort()
            return route.continue_()

        context.route("**/*", route)
        page = context.new_page()

        def on_dialog(dialog):
            trouble.dialogs.append(f"{dialog.type}: {dialog.message}")
            dialog.dismiss()

        page.on("dialog", on_dialog)
        page.on("console", lambda m: trouble.console_errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: trouble.page_errors.append(str(e)))

        def on_frame(frame):
            if frame.url.startswith("javascript:"):
                trouble.javascript_navigations.append(frame.url)

        page.on("framenavigated", on_frame)
        try:
            yield page, trouble
        finally:
            context.close()
            browser.close()
