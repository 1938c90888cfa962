"""The room view served to browsers: textual-serve's server, fit for a meeting room's network.

textual-serve writes one fixed address into the page (`http://{host}:{port}`), so with
`--host 0.0.0.0` a TV was sent to `ws://0.0.0.0:8000/ws`, which it cannot reach. Here the
page names the address the browser itself used (its Host header), or `--public-url`.
The websocket, which starts a room view process per connection, refuses pages of other
sites (a cross-site Origin) and more than `max_clients` viewers at once: each viewer is
a process of about 60 MB.

Imported only by `room --serve`: textual-serve and aiohttp are an optional extra.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from aiohttp import web
from textual_serve.server import Server

from pact_tui.i18n import t

# What a browser puts in the Host header: a name or IPv4 address, or [IPv6], and a port.
# Anything else is not written into the page.
_HOST_HEADER = re.compile(r"(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?")


class RoomServer(Server):
    """textual-serve's `Server`, with the page's address per request, an Origin check and a cap."""

    def __init__(self, command: str, *, host: str, port: int, title: str,
                 public_url: str | None, max_clients: int) -> None:
        super().__init__(command, host=host, port=port, title=title, public_url=public_url)
        self._fixed_url = public_url.rstrip("/") if public_url else None
        self.max_clients = max_clients
        self.clients = 0

    def page_url(self, request: web.Request) -> str:
        """The address the page and its websocket are to use for this browser."""
        if self._fixed_url is not None:
            return self._fixed_url
        host = request.host
        if not _HOST_HEADER.fullmatch(host):
            host = f"{self.host}:{self.port}"
        return f"{request.scheme}://{host}"

    async def on_startup(self, app: web.Application) -> None:
        """Print nothing: `room --serve` says where to look, in the user's language."""

    async def handle_index(self, request: web.Request) -> Any:
        if self.clients >= self.max_clients:
            return _full_page(self.max_clients)
        # textual-serve builds every URL of the page from `public_url`; the page is made
        # without a pause after this line, so no other request can change it meanwhile.
        self.public_url = self.page_url(request)
        return await super().handle_index(request)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        if not self._same_site(request):
            raise web.HTTPForbidden(text=t("cli.room.other_site"))
        if self.clients >= self.max_clients:
            return await _refuse(request, self.max_clients)
        self.clients += 1
        try:
            return await super().handle_websocket(request)
        finally:
            self.clients -= 1

    def _same_site(self, request: web.Request) -> bool:
        """Whether the websocket comes from this server's own page (or from no page at all).

        Browsers always send Origin with a websocket; a page on another site that opens
        one here would start a room view for it. Programs without Origin are no browser.
        """
        origin = request.headers.get("Origin")
        if origin is None:
            return True
        own = {request.host.lower()}
        if self._fixed_url is not None:
            own.add(urlsplit(self._fixed_url).netloc.lower())
        return urlsplit(origin).netloc.lower() in own


def _full_page(max_clients: int) -> web.Response:
    return web.Response(status=503, content_type="text/plain", charset="utf-8",
                        text=t("cli.room.full", n=max_clients) + "\n")


async def _refuse(request: web.Request, max_clients: int) -> web.WebSocketResponse:
    """Tell the one over the cap why, in its terminal, then close its websocket."""
    websocket = web.WebSocketResponse()
    await websocket.prepare(request)
    await websocket.send_bytes(f"\r\n {t('cli.room.full', n=max_clients)}\r\n".encode())
    await websocket.close()
    return websocket
