"""Who may talk to the review app: requests addressed to the names it is bound under, and writes
from its own page.

Binding to 127.0.0.1 keeps other machines out, but not other web sites: a page on
``evil.example`` can make its own name resolve to 127.0.0.1 (DNS rebinding) and then read rows and
post corrections as if it were the app's own page. Such requests still carry the name the browser
thinks it is talking to, in ``Host``, and, for writes, the page they come from in
``Origin``/``Referer``; both are checked here.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

LOCAL_NAMES = ("127.0.0.1", "localhost")


def split_host(value: str) -> tuple[str, str]:
    """``name:port`` (``[v6]:port`` for IPv6) to its lower-case name and port ("" when absent)."""
    value = value.strip().lower()
    if value.startswith("["):
        name, _, rest = value.partition("]")
        return name + "]", rest[1:] if rest.startswith(":") else rest
    name, _, port = value.partition(":")
    return name, port


@dataclass(frozen=True)
class HostRule:
    """The ``Host`` values the app answers: its local names and the name it was bound to, on its
    port (any port when it is not known, e.g. a test server on a free port)."""

    names: frozenset[str]
    port: int | None = None

    @classmethod
    def bound(cls, host: str, port: int | None) -> HostRule:
        names = {*LOCAL_NAMES, host.strip().lower()} - {"", "0.0.0.0", "::"}
        return cls(frozenset(f"[{n}]" if ":" in n else n for n in names), port)

    def accepts(self, header: str | None) -> bool:
        name, port = split_host(header or "")
        if name not in self.names:
            return False
        if self.port is None:
            return port == "" or port.isdigit()
        return port == str(self.port) or (port == "" and self.port == 80)


def same_origin(origin: str | None, referer: str | None, host: str) -> bool:
    """A write comes from the app's own page: its ``Origin`` (or, when a browser sends none, its
    ``Referer``) is ``http://`` plus the very ``Host`` the request was sent to. Clients that send
    neither (curl, scripts) are not browsers a foreign page can drive, so they pass."""
    source = origin if origin is not None else referer
    if source is None:
        return True
    parts = urlsplit(source)
    return parts.scheme == "http" and parts.netloc.lower() == host.strip().lower()
