"""One ASGI middleware for what every response needs: size limit, host check, security headers.

Written against plain ASGI rather than Starlette's ``BaseHTTPMiddleware`` so it
can refuse an oversized body while it streams in, before it is all in memory.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from lagebild.web.state import WebLimits

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# Scripts, styles and images only from this server; no plugins, no framing,
# no <base> tricks. Inline scripts are refused, so an injected <script> cannot run
# even if something ever slipped past escaping.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
]


class GuardMiddleware:
    """Refuse bodies over ``limits.max_request_bytes`` (413) and unknown Host headers (400)."""

    def __init__(self, app: ASGIApp, *, limits: WebLimits) -> None:
        self.app = app
        self.limits = limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.lower(): v for k, v in scope.get("headers", [])}
        if not self._host_allowed(headers.get(b"host", b"").decode("latin-1")):
            await _send_error(send, 400, "bad_host", "Host header not allowed")
            return
        limit = self.limits.max_request_bytes
        declared = headers.get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > limit):
            await _send_error(send, 413, "too_large", f"Request body larger than {limit} bytes")
            return
        body = bytearray()
        more = True
        while more and scope["method"] in ("POST", "PUT", "PATCH"):
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            more = message.get("more_body", False)
            if len(body) > limit:
                await _send_error(send, 413, "too_large", f"Request body larger than {limit} bytes")
                return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if scope["method"] in ("POST", "PUT", "PATCH") and not replayed:
                replayed = True
                return {"type": "http.request", "body": bytes(body), "more_body": False}
            return await receive()

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, replay, send_with_headers)

    def _host_allowed(self, host: str) -> bool:
        allowed = self.limits.allowed_hosts
        if allowed is None:
            return True
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        return name in allowed or host in allowed


async def _send_error(send: Send, status: int, code: str, message: str) -> None:
    body = json.dumps({"error": {"status": status, "code": code, "message": message}}).encode()
    await send({
        "type": "http.response.start",
        "status": status,
        "headers": [(b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()), *SECURITY_HEADERS],
    })
    await send({"type": "http.response.body", "body": body})
