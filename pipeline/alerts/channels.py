"""Sending one message through one channel: webhook, email (SMTP) or Slack.

Every sender either returns (the receiver accepted the message) or raises DeliveryError with
a reason a person can act on; the outbox records it and retries. Timeouts bound every call,
so a hanging receiver costs one timeout, never the whole run.

Why not `pipeline.http`: that client guards fetches of URLs that come from feeds, i.e. from
strangers, and refuses private addresses. Alert URLs come from the operator's own alerts
file, and intranet receivers (a chat bridge, a SIEM) are a normal target, so alerts use
httpx directly. What we keep from the guarded client: explicit timeouts, no redirects
followed (a receiver that redirects has a wrong URL in the file: it fails loudly instead of
our signed body going somewhere else), and no proxy settings picked up from the environment.
"""

from __future__ import annotations

import hashlib
import hmac
import importlib.util
import json
import logging
import os
import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from typing import Any

import httpx

from pipeline.alerts.config import ChannelConfig
from pipeline.alerts.render import Message, render_html, render_text, slack_payload
from pipeline.errors import DeliveryError
from pipeline.settings import Settings

LOGGER = logging.getLogger(__name__)

DELIVERY_HEADER = "X-Diplowatch-Delivery"
SIGNATURE_HEADER = "X-Diplowatch-Signature"
SMTP_ENV = "DIPLOWATCH_SMTP_"
LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})


def _env(name: str, channel: ChannelConfig, what: str) -> str:
    """A secret from the environment, read only when sending."""
    value = os.environ.get(name)
    if not value:
        raise DeliveryError(
            f"channel {channel.name!r}: the environment variable {name} ({what}) is not set; "
            f"set it where diplowatch sends alerts"
        )
    return value


def _timeout(channel: ChannelConfig, settings: Settings) -> float:
    return channel.timeout or settings.http_timeout


def sign(body: bytes, secret: str) -> str:
    """The signature header value: sha256=<hex HMAC-SHA256 of the raw body>."""
    return "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


def verify_signature(body: bytes, header: str, secret: str) -> bool:
    """What a receiver does with the signature header (constant-time comparison)."""
    return hmac.compare_digest(sign(body, secret), header or "")


def _post(
    url: str, body: bytes, headers: dict[str, str], timeout: float, channel: ChannelConfig
) -> None:
    try:
        with httpx.Client(timeout=timeout, follow_redirects=False, trust_env=False) as client:
            response = client.post(url, content=body, headers=headers)
    except httpx.TimeoutException:
        raise DeliveryError(f"channel {channel.name!r}: timed out after {timeout}s") from None
    except httpx.HTTPError as exc:
        raise DeliveryError(f"channel {channel.name!r}: {type(exc).__name__}: {exc}") from None
    if not 200 <= response.status_code < 300:
        detail = response.text[:200].strip()
        raise DeliveryError(
            f"channel {channel.name!r}: HTTP {response.status_code} {response.reason_phrase}"
            + (f": {detail}" if detail else "")
        )


def send_webhook(channel: ChannelConfig, message: Message, settings: Settings) -> None:
    """POST the JSON body, signed with the channel's secret when it has one."""
    url = channel.url or _env(channel.url_env or "", channel, "the webhook URL")
    body = json.dumps(message.body(), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": settings.user_agent,
        DELIVERY_HEADER: message.delivery_id,
    }
    if channel.secret_env:
        headers[SIGNATURE_HEADER] = sign(body, _env(channel.secret_env, channel, "the secret"))
    _post(url, body, headers, _timeout(channel, settings), channel)


def send_slack(channel: ChannelConfig, message: Message, settings: Settings) -> None:
    """Post to a Slack incoming webhook (its URL is a secret, so it comes from the environment)."""
    url = _env(channel.webhook_url_env or "", channel, "the Slack webhook URL")
    body = json.dumps(slack_payload(message), ensure_ascii=False).encode("utf-8")
    headers = {"Content-Type": "application/json; charset=utf-8", "User-Agent": settings.user_agent}
    _post(url, body, headers, _timeout(channel, settings), channel)


@dataclass(frozen=True)
class SmtpServer:
    """Where and how to send mail; from DIPLOWATCH_SMTP_* or an Airflow connection."""

    host: str
    port: int
    sender: str
    user: str | None = None
    password: str | None = None
    starttls: str = "auto"  # auto (when offered) | true (required) | false


def _bool_or_auto(value: str | None, default: str = "auto") -> str:
    text = (value or default).strip().lower()
    if text in {"1", "true", "yes", "on", "required"}:
        return "true"
    if text in {"0", "false", "no", "off"}:
        return "false"
    return "auto"


def smtp_server_from_env(channel: ChannelConfig) -> SmtpServer:
    host = _env(SMTP_ENV + "HOST", channel, "the SMTP server")
    starttls = _bool_or_auto(os.environ.get(SMTP_ENV + "STARTTLS"))
    port_text = os.environ.get(SMTP_ENV + "PORT") or ("587" if starttls == "true" else "25")
    try:
        port = int(port_text)
    except ValueError:
        raise DeliveryError(f"{SMTP_ENV}PORT={port_text!r} is not a port number") from None
    return SmtpServer(
        host=host,
        port=port,
        sender=_env(SMTP_ENV + "FROM", channel, "the sender address"),
        user=os.environ.get(SMTP_ENV + "USER") or None,
        password=os.environ.get(SMTP_ENV + "PASSWORD") or None,
        starttls=starttls,
    )


def smtp_server_from_airflow(channel: ChannelConfig, conn_id: str) -> SmtpServer:
    """An Airflow SMTP connection (host, port, login, password; extra from_email, disable_tls)."""
    if importlib.util.find_spec("airflow") is None:
        raise DeliveryError(
            f"channel {channel.name!r} names the Airflow connection {conn_id!r} but Airflow is "
            f"not installed here; remove smtp_conn_id or use {SMTP_ENV}* variables"
        )
    try:
        from airflow.sdk import Connection  # Airflow 3 (the project's Airflow)

        conn: Any = Connection.get(conn_id)
    except Exception as exc:  # the SDK raises its own "not found" errors
        raise DeliveryError(
            f"channel {channel.name!r}: Airflow connection {conn_id!r}: {exc}"
        ) from None
    extra = conn.extra_dejson or {}
    disable_tls = str(extra.get("disable_tls", "")).lower() in {"1", "true", "yes"}
    return SmtpServer(
        host=conn.host,
        port=int(conn.port or 587),
        sender=extra.get("from_email") or os.environ.get(SMTP_ENV + "FROM") or conn.login,
        user=conn.login or None,
        password=conn.password or None,
        starttls="false" if disable_tls else "auto",
    )


def build_email(channel: ChannelConfig, message: Message, sender: str) -> EmailMessage:
    """A text and HTML email; the Message-ID comes from the delivery id so that mail clients
    also fold a repeated delivery into the first."""
    mail = EmailMessage()
    mail["Subject"] = message.subject(channel.subject_prefix)
    mail["From"] = sender
    mail["To"] = ", ".join(channel.to)
    mail["Date"] = formatdate(localtime=False)
    domain = sender.rpartition("@")[2] or "diplowatch"
    mail["Message-ID"] = (
        make_msgid(domain=domain) if message.test else f"<{message.delivery_id}@{domain}>"
    )
    mail[DELIVERY_HEADER] = message.delivery_id
    mail.set_content(render_text(message))
    mail.add_alternative(render_html(message), subtype="html")
    return mail


def send_email(channel: ChannelConfig, message: Message, settings: Settings) -> None:
    """Send through SMTP, upgrading to TLS with STARTTLS when offered (or required)."""
    server = (
        smtp_server_from_airflow(channel, channel.smtp_conn_id)
        if channel.smtp_conn_id
        else smtp_server_from_env(channel)
    )
    mail = build_email(channel, message, server.sender)
    timeout = _timeout(channel, settings)
    try:
        with smtplib.SMTP(server.host, server.port, timeout=timeout) as smtp:
            smtp.ehlo()
            tls = False
            if server.starttls != "false" and smtp.has_extn("starttls"):
                smtp.starttls(context=ssl.create_default_context())
                smtp.ehlo()
                tls = True
            elif server.starttls == "true":
                raise DeliveryError(
                    f"channel {channel.name!r}: {server.host}:{server.port} does not offer "
                    f"STARTTLS, which {SMTP_ENV}STARTTLS requires"
                )
            if server.user:
                # A password in clear text is only acceptable to a server on this machine.
                if not tls and server.host not in LOOPBACK_HOSTS:
                    raise DeliveryError(
                        f"channel {channel.name!r}: refusing to send the SMTP password to "
                        f"{server.host} without TLS; enable STARTTLS on the server"
                    )
                smtp.login(server.user, server.password or "")
            refused = smtp.send_message(mail)
    except (smtplib.SMTPException, OSError) as exc:
        raise DeliveryError(
            f"channel {channel.name!r}: SMTP {server.host}:{server.port}: {exc}"
        ) from None
    if refused:
        LOGGER.warning("channel %s: recipients refused: %s", channel.name, ", ".join(refused))


SENDERS = {"webhook": send_webhook, "email": send_email, "slack": send_slack}


def send(channel: ChannelConfig, message: Message, settings: Settings) -> None:
    """Send one message through a channel; DeliveryError says why it failed."""
    SENDERS[channel.type](channel, message, settings)
    LOGGER.info("channel %s: sent %s", channel.name, message.delivery_id)


__all__ = ["DELIVERY_HEADER", "SIGNATURE_HEADER", "send", "sign", "verify_signature"]
