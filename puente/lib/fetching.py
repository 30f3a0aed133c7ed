"""Downloads from an address a user typed, refusing addresses inside the server's own network."""

import http.client
import ipaddress
import socket
import urllib.error
import urllib.request
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlparse

from django.conf import settings

MAX_DOWNLOAD = 1024 * 1024 * 1024  # 1 GiB


class AddressRefused(ValueError):
    """The address is one Puente does not fetch from; the message says which and why."""


def _kind_of(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """Why an address is internal, or None for an address of the public internet."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.is_loopback:
        return "loopback (this machine)"
    if ip.is_unspecified or ip.is_multicast:
        return "reserved"
    if ip.is_link_local:
        # 169.254.169.254 and its kin: cloud metadata services answer there.
        return "link-local (where cloud metadata services answer)"
    if ip.is_private:
        return "private network"
    if ip.is_reserved or not ip.is_global:
        return "reserved"
    return None


def _allowed_hosts() -> set[str]:
    return {host.lower() for host in getattr(settings, "PUENTE_FETCH_ALLOWED_HOSTS", [])}


def _guarded_connection(
    address: tuple[str, int], timeout: float | None = None, source_address: object = None
) -> socket.socket:
    """socket.create_connection, but to an address checked after DNS resolution: the socket
    connects to the very address checked, so a second lookup cannot swap in another."""
    host, port = address
    if host.lower() in _allowed_hosts():
        return socket.create_connection(address, timeout, source_address)  # type: ignore[arg-type]
    found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    for _family, _type, _proto, _name, candidate in found:
        kind = _kind_of(ipaddress.ip_address(candidate[0]))
        if kind is not None:
            raise AddressRefused(
                f"“{host}” is a {kind} address ({candidate[0]}): Puente does not fetch from "
                "inside its own network. An operator can allow a host in "
                "PUENTE_FETCH_ALLOWED_HOSTS."
            )
    family, socktype, proto, _name, sockaddr = found[0]
    sock = socket.socket(family, socktype, proto)
    try:
        if timeout is not None:
            sock.settimeout(timeout)
        sock.connect(sockaddr)
    except OSError:
        sock.close()
        raise
    return sock


class _HTTPConnection(http.client.HTTPConnection):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._create_connection = _guarded_connection


class _HTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._create_connection = _guarded_connection


class _HTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_HTTPConnection, req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_HTTPSConnection, req)


def _opener() -> urllib.request.OpenerDirector:
    """http(s) only (build_opener would add ftp:, file: and data:, which a redirect could reach),
    and no proxy handler (a proxy would connect on our behalf to addresses never checked). Every
    redirect goes back through these handlers, so each hop is checked again."""
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.UnknownHandler(),
        _HTTPHandler(),
        _HTTPSHandler(),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPRedirectHandler(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


def open_url(url: str, timeout: float = 60, headers: dict[str, str] | None = None) -> BinaryIO:
    """The response to GET `url` (http or https only), refused with AddressRefused when the host
    (or any redirect's host) is internal. `headers` go with the request (an API key)."""
    if urlparse(url).scheme not in ("http", "https"):
        raise AddressRefused(f"“{url}”: only http and https addresses can be fetched")
    # The scheme is checked above and every hop by _opener's handlers.
    request = urllib.request.Request(url, headers={"User-Agent": "Puente"})  # noqa: S310
    for name, value in (headers or {}).items():
        # Not carried on to wherever a redirect points: a key is for the host it was given to.
        request.add_unredirected_header(name, value)
    try:
        return _opener().open(request, timeout=timeout)  # type: ignore[return-value]
    except urllib.error.URLError as error:
        if isinstance(error.reason, AddressRefused):
            raise error.reason from None
        raise


def download(url: str, target: Path, limit: int = MAX_DOWNLOAD) -> None:
    """Saves what `url` returns into `target`, refusing internal addresses and oversized bodies."""
    with open_url(url) as response, open(target, "wb") as out:
        size = 0
        while chunk := response.read(1024 * 1024):
            size += len(chunk)
            if size > limit:
                raise ValueError(f"“{url}”: the download is larger than {limit // 2**20} MiB")
            out.write(chunk)
