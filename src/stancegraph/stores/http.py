"""HTTP for the SPARQL server stores: one request method that answers a server's login challenge.

Credentials come from the environment only (:data:`USER_VAR`, :data:`PASSWORD_VAR`): never from
the command line or a URL, which other users of the machine can read in the process list and
which end up in shell histories and logs.

A server that wants a login says so with ``401`` and a ``WWW-Authenticate`` challenge (Digest,
as Virtuoso's ``/sparql-auth``, or Basic). The challenge of a service is fetched once with a
bodyless ``HEAD`` and then answered up front on every request: a server that refuses an upload
before reading it resets the connection while the client is still sending (Virtuoso does), so
the usual "send, get 401, send again" would fail on every large upload.
"""

from __future__ import annotations

import base64
import html
import http.client
import os
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass, field
from email.message import Message

from stancegraph.errors import InputError, StoreError

USER_VAR = "STANCEGRAPH_SPARQL_USER"
"""The environment variable naming the user a server's login challenge is answered as."""
PASSWORD_VAR = "STANCEGRAPH_SPARQL_PASSWORD"
"""The environment variable holding that user's password."""

_Challenge = tuple[str, dict[str, str]]
"""A ``WWW-Authenticate`` challenge: its scheme (``digest`` or ``basic``) and parameters."""


@dataclass(frozen=True, slots=True)
class Credentials:
    """A user name and password for a SPARQL server (the password is kept out of ``repr``).

    >>> Credentials("stancegraph", "not-shown")
    Credentials(user='stancegraph')
    """

    user: str
    password: str = field(repr=False)

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] = os.environ) -> Credentials | None:
        """The credentials in :data:`USER_VAR` and :data:`PASSWORD_VAR`, or None if neither is set.

        Raises:
            InputError: only one of the two is set.

        >>> Credentials.from_environment({})
        >>> Credentials.from_environment({USER_VAR: "sg", PASSWORD_VAR: "pw"}).user
        'sg'

        """
        user, password = environ.get(USER_VAR, ""), environ.get(PASSWORD_VAR, "")
        if not user and not password:
            return None
        if not user or not password:
            raise InputError(USER_VAR, "", f"set both {USER_VAR} and {PASSWORD_VAR}, or neither")
        return cls(user, password)


@dataclass(frozen=True, slots=True)
class Reply:
    """A successful HTTP response: its body and headers."""

    body: bytes
    headers: Message


class Http:
    """Sends requests, answering login challenges with ``credentials`` (if any)."""

    def __init__(self, credentials: Credentials | None = None, timeout: float = 300) -> None:
        self.credentials = credentials
        self.timeout = timeout
        # Services (scheme, host and path) whose HEAD set no challenge, and that have refused
        # nothing since: they are not asked again.
        self._open: set[str] = set()
        passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        self._digest = urllib.request.HTTPDigestAuthHandler(passwords)
        self._passwords = passwords

    def request(
        self,
        url: str,
        *,
        method: str = "GET",
        body: bytes | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Reply:
        """Send one request and return the reply.

        Raises:
            StoreError: the server is unreachable or answered with an error status (its message).

        """
        login = None
        service = _service(url)
        if self.credentials is not None and service not in self._open:
            # A fresh challenge each time: a Digest nonce goes stale, and a stale one would be
            # refused mid-upload again.
            challenge = self._challenge(url)
            if challenge is None:
                self._open.add(service)
            else:
                login = self._answer(url, method, challenge)
        try:
            return self._send(url, method, body, headers, login)
        except _UnauthorisedError as refused:
            # A service may challenge a POST or PUT but not a HEAD: answer this challenge, once.
            if self.credentials is None or login is not None or refused.challenge is None:
                raise self._refusal(method, url) from None
            self._open.discard(service)
            login = self._answer(url, method, refused.challenge)
            try:
                return self._send(url, method, body, headers, login)
            except _UnauthorisedError:
                raise self._refusal(method, url) from None

    def _send(
        self,
        url: str,
        method: str,
        body: bytes | None,
        headers: Mapping[str, str] | None,
        login: str | None,
    ) -> Reply:
        req = urllib.request.Request(url, data=body, method=method, headers=dict(headers or {}))
        if login is not None:
            req.add_unredirected_header("Authorization", login)
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as response:
                return Reply(response.read(), response.headers)
        except urllib.error.HTTPError as error:
            detail = _plain(error.read().decode("utf-8", "replace"))
            if error.code == 401:
                raise _UnauthorisedError(_parse(error.headers)) from None
            raise StoreError(f"{method} {url}: HTTP {error.code}: {detail}") from None
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise StoreError(f"{method} {url}: server unreachable: {reason}") from None
        except http.client.HTTPException as error:  # an answer that is not HTTP as we know it
            raise StoreError(f"{method} {url}: unreadable answer: {error}") from None

    def head(self, url: str) -> tuple[int, Message]:
        """The status and headers of a ``HEAD`` request (no login), whatever the status.

        Raises:
            StoreError: the server is unreachable.

        """
        req = urllib.request.Request(url, method="HEAD")
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as response:
                return response.status, response.headers
        except urllib.error.HTTPError as error:
            return error.code, error.headers
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise StoreError(f"HEAD {url}: server unreachable: {reason}") from None

    def _challenge(self, url: str) -> _Challenge | None:
        status, headers = self.head(url)
        return _parse(headers) if status == 401 else None

    def _answer(self, url: str, method: str, challenge: _Challenge) -> str | None:
        assert self.credentials is not None  # only called with credentials
        scheme, params = challenge
        user, password = self.credentials.user, self.credentials.password
        if scheme == "basic":
            token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
            return f"Basic {token}"
        self._passwords.add_password(params.get("realm"), url, user, password)
        answer = self._digest.get_authorization(urllib.request.Request(url, method=method), params)
        return None if answer is None else f"Digest {answer}"

    def _refusal(self, method: str, url: str) -> StoreError:
        if self.credentials is None:
            hint = f"the server wants a login: set {USER_VAR} and {PASSWORD_VAR}"
        else:
            hint = f"the server refused the login of {self.credentials.user!r} ({USER_VAR})"
        return StoreError(f"{method} {url}: HTTP 401: {hint}")


class _UnauthorisedError(Exception):
    """A 401 answer, with the challenge it carried."""

    def __init__(self, challenge: _Challenge | None) -> None:
        super().__init__("HTTP 401")
        self.challenge = challenge


def _service(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}{parts.path}"


def _parse(headers: Message) -> _Challenge | None:
    """The first Digest or Basic challenge of ``WWW-Authenticate`` headers, as (scheme, params)."""
    for header in headers.get_all("WWW-Authenticate") or []:
        scheme, _, rest = header.strip().partition(" ")
        if scheme.lower() in {"digest", "basic"}:
            params = urllib.request.parse_keqv_list(
                [item for item in urllib.request.parse_http_list(rest) if "=" in item]
            )
            return scheme.lower(), params
    return None


_TAG = re.compile(r"<[^>]*>")


def _plain(body: str) -> str:
    r"""An error body as one short line of text (Virtuoso explains its errors in an HTML page).

    >>> _plain("<html><h3>Error 500</h3>\n<xmp>SQ110: Permission &amp; more</xmp></html>")
    'Error 500 SQ110: Permission & more'
    """
    text = html.unescape(_TAG.sub(" ", body)) if "</" in body else body
    return " ".join(text.split())[:500]
