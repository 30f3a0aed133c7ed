"""Imports by address refuse the server's own network, after DNS and on every redirect."""

import socket

import pytest

from puente.lib.fetching import AddressRefused, download, open_url

from .local_server import serving


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("http://127.0.0.1:9/a.xml", "loopback"),
        ("http://localhost:9/a.xml", "loopback"),
        ("http://[::1]:9/a.xml", "loopback"),
        ("http://10.1.2.3/a.xml", "private"),
        ("http://192.168.0.10/a.xml", "private"),
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("http://[::ffff:127.0.0.1]:9/a.xml", "loopback"),
        ("http://0.0.0.0:9/a.xml", "reserved"),
    ],
)
def test_internal_addresses_are_refused_with_the_reason(url, kind):
    with pytest.raises(AddressRefused, match=kind):
        open_url(url)


def test_a_name_is_judged_by_the_address_it_resolves_to(monkeypatch):
    def resolve(host, port, *args, **kwargs):
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.7", port))]

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    with pytest.raises(AddressRefused, match="“iati.example.org” is a private network address"):
        open_url("http://iati.example.org/a.xml")


def test_a_redirect_into_the_network_is_refused(settings, tmp_path):
    # The first host is allowed (it stands for a public server); its redirect is not followed.
    settings.PUENTE_FETCH_ALLOWED_HOSTS = ["127.0.0.1"]
    with (
        serving(redirect_to="http://localhost:9/secret") as port,
        pytest.raises(AddressRefused, match="“localhost” is a loopback"),
    ):
        download(f"http://127.0.0.1:{port}/a.xml", tmp_path / "a.xml")
    assert not (tmp_path / "a.xml").exists()


def test_a_host_an_operator_lists_is_fetched(settings, tmp_path):
    settings.PUENTE_FETCH_ALLOWED_HOSTS = ["127.0.0.1"]
    with serving(b"<iati-activities version='2.03'/>") as port:
        download(f"http://127.0.0.1:{port}/a.xml", tmp_path / "a.xml")
    assert (tmp_path / "a.xml").read_bytes() == b"<iati-activities version='2.03'/>"


def test_a_redirect_to_another_scheme_is_not_followed(settings, tmp_path):
    settings.PUENTE_FETCH_ALLOWED_HOSTS = ["127.0.0.1"]
    with serving(redirect_to="ftp://127.0.0.1/secret") as port, pytest.raises(OSError):
        download(f"http://127.0.0.1:{port}/a.xml", tmp_path / "a.xml")


def test_only_http_and_https_are_fetched():
    with pytest.raises(AddressRefused, match="only http and https"):
        open_url("file:///etc/passwd")


def test_a_header_given_for_one_host_does_not_follow_a_redirect(settings):
    settings.PUENTE_FETCH_ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
    seen: list = []
    with serving(seen=seen) as target, serving(redirect_to=f"http://localhost:{target}/x") as port:
        reply = open_url(f"http://127.0.0.1:{port}/", headers={"X-Api-Key": "secret"})
        reply.read()
        reply.close()
    ((_path, headers),) = seen
    assert "X-Api-Key" not in headers
