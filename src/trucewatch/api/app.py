"""The HTTP API and the dashboard in one FastAPI app (``trucewatch serve``).

Every response carries the security headers (a strict Content-Security-Policy with
``frame-ancestors 'none'``, ``nosniff``, no referrer); CORS is closed (no cross-origin
header is ever sent). Errors are ``application/problem+json`` (RFC 9457) with the project's
error code; a bad filter is a 422 naming the parameter. The interactive docs pages are off
(they load scripts from a CDN): the schema is at ``/openapi.json``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from trucewatch import __version__
from trucewatch.errors import ConfigError, TrucewatchError
from trucewatch.store.backend import PG_SCHEMES, connect
from trucewatch.store.db import Store

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY",
           "Referrer-Policy": "no-referrer", "Cross-Origin-Resource-Policy": "same-origin"}
#: HTTP status of each error code the API raises (others: 400)
STATUS = {"E308": 404, "E302": 422, "E305": 401, "E306": 403, "E307": 409, "E303": 503, "E402": 503}
PROBLEM = "application/problem+json"


def problem(status: int, code: str, detail: str, **extra: Any) -> JSONResponse:
    body = {"type": f"https://trucewatch.invalid/errors/{code}", "title": code, "status": status,
            "detail": detail, "code": code, **extra}
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse(body, status_code=status, media_type=PROBLEM, headers=headers)


def create_app(db: str) -> FastAPI:
    """The app over the store at ``db`` (a SQLite path or a postgresql:// URL); each request
    opens the store (migrated on the first) and closes it."""
    from trucewatch.api import ingest, read, truces, write

    Store.open(db).close()  # migrate once, and fail now rather than on the first request
    app = FastAPI(title="trucewatch", version=__version__, docs_url=None, redoc_url=None,
                  description="Ceasefires, the events judged against them, the claims, and analysts' reviews.")
    app.state.db = db
    app.state.ingestor = ingest.Ingestor()  # the analyser loads on the first ingest, not here
    app.include_router(read.router)
    app.include_router(write.router)
    app.include_router(truces.router)
    app.include_router(ingest.router)
    _errors(app)

    app.add_middleware(SecurityHeaders)
    web = resources.files("trucewatch") / "web"
    app.mount("/", StaticFiles(directory=str(web), html=True), name="dashboard")
    return app


class SecurityHeaders:
    """Every response's security headers (and ``no-store`` under ``/api/``), and a NUL in the
    path or query refused at the door (no text column of PostgreSQL holds NUL). Plain ASGI, not
    ``@app.middleware``: that one runs each request's body through a second task and queue,
    a cost every request paid (issue 12)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        raw = bytes(scope.get("raw_path") or b"") + b"?" + bytes(scope.get("query_string") or b"")
        api = str(scope.get("path", "")).startswith("/api/")

        async def headed(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for k, v in HEADERS.items():
                    headers.setdefault(k, v)
                if api:
                    headers.setdefault("Cache-Control", "no-store")
            await send(message)

        if b"%00" in raw or b"\x00" in raw:
            await problem(422, "E302", "E302 the request: a NUL character is not valid in a parameter",
                          parameter="request")(scope, receive, headed)
            return
        await self.app(scope, receive, headed)


def open_store(db: str) -> Store:
    """A store for one request, already migrated (by :func:`create_app`). FastAPI opens a sync
    dependency, runs the endpoint and closes the dependency in worker threads that may differ,
    one after the other, never at once: a SQLite connection of one request may cross them. A
    SQLite connection is taken from, and given back to, :mod:`.pool`."""
    if db.startswith(PG_SCHEMES):
        return Store(connect(db), db)
    path = Path(db.removeprefix("sqlite:///").removeprefix("sqlite://"))
    from trucewatch.api.pool import pooled

    try:
        return Store(pooled(path, db), db)
    except (OSError, sqlite3.Error) as exc:
        raise ConfigError("E303", url=db, why=str(exc)) from exc


def store(request: Request) -> Iterator[Store]:
    """The store of this request (a FastAPI dependency)."""
    with open_store(request.app.state.db) as s:
        yield s


def _errors(app: FastAPI) -> None:
    @app.exception_handler(TrucewatchError)
    async def coded(request: Request, exc: TrucewatchError) -> JSONResponse:
        status = STATUS.get(exc.code, 400)
        extra = {"parameter": exc.fields["what"]} if exc.code == "E302" and "what" in exc.fields else {}
        return problem(status, exc.code, str(exc), **extra)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        first = errors[0] if errors else {}
        loc = [str(x) for x in first.get("loc", ()) if x not in ("query", "path", "body")]
        name = ".".join(loc) or "request"
        msg = first.get("msg", "invalid")
        return problem(422, "E302", f"E302 {name}: {msg}", parameter=name,
                       errors=[{"parameter": ".".join(str(x) for x in e.get("loc", ())), "message": e.get("msg")}
                               for e in errors])

    @app.exception_handler(StarletteHTTPException)
    async def http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = "E308" if exc.status_code == 404 else f"H{exc.status_code}"
        return problem(exc.status_code, code, str(exc.detail))

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception) -> JSONResponse:
        return problem(500, "E901", f"E901 internal error ({type(exc).__name__}); please report it")
