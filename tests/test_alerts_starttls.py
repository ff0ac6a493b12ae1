"""Email over a real STARTTLS session: the login only ever travels encrypted.

The SMTP server (aiosmtpd on loopback) requires STARTTLS before AUTH, with a certificate made
here for 127.0.0.1; the client trusts it through SSL_CERT_FILE, as it would a private CA.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import ssl

import pytest
from aiosmtpd.smtp import AuthResult
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from pipeline.alerts import send_test
from pipeline.errors import DeliveryError
from tests.test_alerts_support import SmtpSink, write_alerts


def _certificate(tmp_path):
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = tmp_path / "smtp.pem", tmp_path / "smtp.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


@pytest.fixture
def tls_server(tmp_path):
    cert_path, key_path = _certificate(tmp_path)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert_path, key_path)
    logins: list[tuple[bytes, bytes, bool]] = []

    def authenticate(server, session, envelope, mechanism, auth_data):
        logins.append((auth_data.login, auth_data.password, session.ssl is not None))
        return AuthResult(success=auth_data.password == b"s3cret")

    with SmtpSink(
        tls_context=context,
        require_starttls=True,
        authenticator=authenticate,
        auth_required=True,
        auth_require_tls=True,
    ) as sink:
        yield sink, cert_path, logins


def _settings(tmp_path, make_settings, monkeypatch, port: int, starttls: str):
    for key, value in {
        "HOST": "127.0.0.1", "PORT": str(port), "FROM": "dw@example.org",
        "USER": "dw", "PASSWORD": "s3cret", "STARTTLS": starttls,
    }.items():  # fmt: skip
        monkeypatch.setenv(f"DIPLOWATCH_SMTP_{key}", value)
    path = write_alerts(
        tmp_path,
        "channels:\n  - {name: desk, type: email, to: [desk@example.org]}\n"
        "rules:\n  - {name: all, channels: [desk]}\n",
    )
    return make_settings(alerts_file=str(path))


def test_login_and_message_travel_over_starttls(tls_server, tmp_path, make_settings, monkeypatch):
    sink, cert_path, logins = tls_server
    monkeypatch.setenv("SSL_CERT_FILE", str(cert_path))
    settings = _settings(tmp_path, make_settings, monkeypatch, sink.port, "true")
    send_test(settings, "desk")
    assert logins == [(b"dw", b"s3cret", True)]  # authenticated inside TLS
    assert len(sink.messages) == 1
    assert sink.messages[0]["Subject"] == "[diplowatch] test message"


def test_an_untrusted_certificate_is_refused(tls_server, tmp_path, make_settings, monkeypatch):
    sink, _, logins = tls_server
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    settings = _settings(tmp_path, make_settings, monkeypatch, sink.port, "auto")
    with pytest.raises(DeliveryError, match="CERTIFICATE_VERIFY_FAILED|certificate verify"):
        send_test(settings, "desk")
    assert logins == [] and sink.messages == []
