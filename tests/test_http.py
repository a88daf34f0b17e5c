"""Logins against a real HTTP server that asks for Basic authentication (Virtuoso's Digest is
exercised by test_virtuoso.py): the challenge is fetched first, then answered up front, so a
large upload is never refused half-sent."""

from __future__ import annotations

import base64
import http.server
import threading
from collections.abc import Iterator

import pytest

from stancegraph.errors import StoreError
from stancegraph.stores.http import PASSWORD_VAR, USER_VAR, Credentials, Http

GOOD = "Basic " + base64.b64encode(b"sg:right").decode()


class _Guarded(http.server.BaseHTTPRequestHandler):
    """Answers 204 to a request with the right Basic login, 401 with a challenge otherwise."""

    seen: list[tuple[str, str | None]]
    open_head = False  # True: a HEAD needs no login, only writes do

    def _answer(self) -> None:
        login = self.headers.get("Authorization")
        self.seen.append((self.command, login))
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        if login == GOOD or (self.open_head and self.command == "HEAD"):
            self.send_response(204)
        else:
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="test"')
            self.send_header("Content-Length", "0")
        self.end_headers()

    do_HEAD = do_PUT = do_POST = _answer  # noqa: N815 - the names http.server calls

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture(params=[False, True], ids=["guarded-head", "open-head"])
def guarded(
    request: pytest.FixtureRequest,
) -> Iterator[tuple[str, list[tuple[str, str | None]]]]:
    seen: list[tuple[str, str | None]] = []
    handler = type("Handler", (_Guarded,), {"seen": seen, "open_head": request.param})
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        path = "open-head" if request.param else "store"
        yield f"http://127.0.0.1:{server.server_address[1]}/{path}", seen
        server.shutdown()


def test_the_challenge_is_fetched_then_answered_up_front(
    guarded: tuple[str, list[tuple[str, str | None]]],
) -> None:
    url, seen = guarded
    Http(Credentials("sg", "right")).request(url, method="PUT", body=b"x" * 1_000_000)
    if url.endswith("/open-head"):  # no challenge to a HEAD: the PUT's own is answered, once
        assert seen == [("HEAD", None), ("PUT", None), ("PUT", GOOD)]
    else:
        assert seen == [("HEAD", None), ("PUT", GOOD)]  # the body went once, with the login


def test_a_wrong_password_is_one_clear_error(
    guarded: tuple[str, list[tuple[str, str | None]]],
) -> None:
    url, _ = guarded
    with pytest.raises(StoreError, match=f"refused the login of 'sg' \\({USER_VAR}\\)"):
        Http(Credentials("sg", "wrong")).request(url, method="POST", body=b"x")


def test_no_login_says_which_variables_to_set(
    guarded: tuple[str, list[tuple[str, str | None]]],
) -> None:
    url, _ = guarded
    with pytest.raises(StoreError, match=f"set {USER_VAR} and {PASSWORD_VAR}"):
        Http().request(url, method="POST", body=b"x")


def test_the_password_stays_out_of_messages_and_reprs() -> None:
    credentials = Credentials.from_environment({USER_VAR: "sg", PASSWORD_VAR: "hunter2"})
    assert credentials is not None
    assert "hunter2" not in repr(credentials)
