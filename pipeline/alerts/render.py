"""What an alert says: the JSON payload of a record, and the same content laid out for people
as plain text, HTML (every value escaped) and Slack blocks.

A `Message` is what one send carries: one alert, a digest of several, or a test. Its
`delivery_id` is the outbox row's id (or, for a digest, derived from the ids it carries),
so a receiver seeing the same id twice knows it is a repeat.
"""

from __future__ import annotations

import datetime as dt
import html
import uuid
from dataclasses import dataclass, field
from typing import Any

from pipeline.query import event_record, statement_record
from pipeline.schema import Event, Statement

# Namespace of the deterministic ids: uuid5(NAMESPACE, "channel/kind/record/first seen").
NAMESPACE = uuid.UUID("8f5d6a0e-3c1b-5b7e-9a43-5d1c0f6e2b71")
SLACK_TEXT_LIMIT = 2900  # Slack refuses section texts over 3000 characters


def alert_payload(
    kind: str, record: Event | Statement, *, delivery_id: str, rule: str | None = None
) -> dict[str, Any]:
    """The JSON body of one alert: the record's content, every source URL and the delivery id."""
    if kind == "event":
        assert isinstance(record, Event)
        data = event_record(record)
        speaker = data["quote_speaker"]
        if speaker is None and record.quote_speaker:
            speaker = {"name": record.quote_speaker, "country": None, "role": None}
        return {
            "delivery_id": delivery_id,
            "kind": "event",
            "record_id": record.id,
            "rule": rule,
            "type": data["type"],
            "mode": data["mode"],
            "source": data["source"],
            "target": data["target"],
            "reported_by": data["reported_by"],
            "speaker": speaker,
            "quote": data["quote"],
            "sentence": data["sentence"],
            "event_date": data["event_date"],
            "confidence": data["confidence"],
            "mention_count": data["mention_count"],
            "sources": data["sources"],
            "first_seen_at": data["first_seen_at"],
        }
    assert isinstance(record, Statement)
    data = statement_record(record)
    return {
        "delivery_id": delivery_id,
        "kind": "statement",
        "record_id": record.id,
        "rule": rule,
        "type": None,
        "mode": None,
        "source": data["speaker"],
        "target": None,
        "about": data["about"],
        "speaker": data["speaker"],
        "quote": data["quote"],
        "sentence": data["sentence"],
        "direct": data["direct"],
        "statement_date": data["statement_date"],
        "confidence": None,
        "mention_count": data["mention_count"],
        "sources": data["sources"],
        "first_seen_at": data["first_seen_at"],
    }


@dataclass
class Message:
    """One send: a single alert, a digest of alerts, or a test message."""

    delivery_id: str
    alerts: list[dict[str, Any]] = field(default_factory=list)
    digest: str | None = None  # hourly | daily
    test: bool = False

    def body(self) -> dict[str, Any]:
        """The webhook JSON: an alert itself, or a digest/test envelope."""
        if self.test:
            return {
                "delivery_id": self.delivery_id,
                "kind": "test",
                "message": "diplowatch test message: this channel works",
                "sent_at": dt.datetime.now(dt.UTC).isoformat(),
            }
        if self.digest is None and len(self.alerts) == 1:
            return self.alerts[0]
        return {
            "delivery_id": self.delivery_id,
            "kind": "digest",
            "period": self.digest,
            "count": len(self.alerts),
            "alerts": self.alerts,
        }

    def subject(self, prefix: str = "[diplowatch]") -> str:
        if self.test:
            return f"{prefix} test message"
        if self.digest is None and len(self.alerts) == 1:
            return f"{prefix} {headline(self.alerts[0])}"
        return f"{prefix} {self.digest or ''} digest: {len(self.alerts)} alert(s)".replace(
            "  ", " "
        )


def _actor(actor: dict[str, Any] | None) -> str:
    if not actor:
        return "?"
    country = actor.get("country")
    return f"{actor.get('name')} ({country})" if country else str(actor.get("name"))


def headline(alert: dict[str, Any]) -> str:
    """One line saying what happened: "REJECT (offer): United States (USA) -> Vladimir Putin (RUS)"."""
    if alert["kind"] == "event":
        mode = f" ({alert['mode']})" if alert.get("mode") else ""
        return (
            f"{alert['type']}{mode}: {_actor(alert['source'])} -> {_actor(alert['target'])}, "
            f"{alert['event_date']}"
        )
    quote = alert.get("quote") or ""
    short = quote if len(quote) <= 80 else quote[:77] + "..."
    return f"{_actor(alert['speaker'])} said: \u201c{short}\u201d"


def _facts(alert: dict[str, Any]) -> list[tuple[str, str]]:
    """The labelled lines of an alert, in reading order (values still unescaped)."""
    facts: list[tuple[str, str]] = []
    if alert["kind"] == "event":
        facts.append(("Event", f"{alert['type']} / {alert.get('mode') or '-'}"))
        facts.append(("Source", _actor(alert["source"])))
        facts.append(("Target", _actor(alert["target"])))
        facts.append(("Date", str(alert["event_date"])))
        facts.append(("Confidence", f"{alert['confidence']:.2f}"))
        if alert.get("reported_by"):
            facts.append(("Reported by", _actor(alert["reported_by"])))
    else:
        facts.append(("Speaker", _actor(alert["speaker"])))
        facts.append(("About", ", ".join(alert.get("about") or []) or "-"))
        facts.append(("Date", str(alert.get("statement_date") or "-")))
    if alert.get("quote"):
        speaker = f" ({_actor(alert['speaker'])})" if alert["kind"] == "event" else ""
        facts.append(("Quote", f"\u201c{alert['quote']}\u201d{speaker}"))
    facts.append(("Evidence", alert.get("sentence") or ""))
    facts.append(("Reported by", f"{alert.get('mention_count', 0)} mention(s)"))
    return facts


def render_text(message: Message) -> str:
    """The plain-text email body."""
    if message.test:
        return "This is a diplowatch test message: the channel works.\n"
    lines: list[str] = []
    if message.digest or len(message.alerts) > 1:
        lines += [f"{len(message.alerts)} new alert(s) ({message.digest or 'batch'})", ""]
    for alert in message.alerts:
        lines.append(headline(alert))
        lines.append("=" * min(len(lines[-1]), 78))
        lines += [f"{label}: {value}" for label, value in _facts(alert)]
        lines.append("Sources:")
        lines += [f"  - {url}" for url in alert.get("sources") or []]
        lines += [f"Delivery id: {alert['delivery_id']}", ""]
    return "\n".join(lines)


def render_html(message: Message) -> str:
    """The HTML email body; every value is escaped (quotes come from arbitrary web pages)."""
    esc = html.escape
    if message.test:
        return "<p>This is a <strong>diplowatch</strong> test message: the channel works.</p>"
    parts = ['<html><body style="font-family: sans-serif">']
    if message.digest or len(message.alerts) > 1:
        parts.append(
            f"<p>{len(message.alerts)} new alert(s) ({esc(message.digest or 'batch')})</p>"
        )
    for alert in message.alerts:
        parts.append(f"<h2>{esc(headline(alert))}</h2><table>")
        for label, value in _facts(alert):
            parts.append(f'<tr><th align="left">{esc(label)}</th><td>{esc(value)}</td></tr>')
        parts.append("</table><p>Sources:</p><ul>")
        for url in alert.get("sources") or []:
            parts.append(f'<li><a href="{esc(url, quote=True)}">{esc(url)}</a></li>')
        parts.append(f"</ul><p><small>Delivery id: {esc(alert['delivery_id'])}</small></p>")
    parts.append("</body></html>")
    return "\n".join(parts)


def _slack_escape(text: str) -> str:
    """Slack mrkdwn treats &, < and > as control characters; everything else is literal."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def slack_payload(message: Message) -> dict[str, Any]:
    """An incoming-webhook message: a text fallback and blocks laid out for reading."""
    if message.test:
        text = "diplowatch test message: this channel works"
        return {
            "text": text,
            "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": text}}],
        }
    blocks: list[dict[str, Any]] = []
    if message.digest or len(message.alerts) > 1:
        title = f"diplowatch {message.digest or ''} digest: {len(message.alerts)} alert(s)"
        blocks.append({"type": "header", "text": {"type": "plain_text", "text": _clip(title, 150)}})
    for alert in message.alerts[:15]:  # Slack caps a message at 50 blocks
        blocks.append(
            {"type": "header", "text": {"type": "plain_text", "text": _clip(headline(alert), 150)}}
        )
        lines = [f"*{label}:* {_slack_escape(value)}" for label, value in _facts(alert)]
        blocks.append(
            {
                "type": "section",
                "text": {"type": "mrkdwn", "text": _clip("\n".join(lines), SLACK_TEXT_LIMIT)},
            }
        )
        links = [f"<{url}|{_slack_escape(url)}>" for url in (alert.get("sources") or [])[:10]]
        context = " | ".join(links) + f" | id `{alert['delivery_id']}`"
        blocks.append(
            {
                "type": "context",
                "elements": [{"type": "mrkdwn", "text": _clip(context, SLACK_TEXT_LIMIT)}],
            }
        )
    if len(message.alerts) > 15:
        more = f"... and {len(message.alerts) - 15} more (diplowatch alerts list)"
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": more}})
    return {"text": _clip(message.subject(""), 3000).strip(), "blocks": blocks}


def digest_id(delivery_ids: list[str]) -> str:
    """The id of a digest: the same alerts always give the same id, so a re-sent digest is
    recognisable as a repeat."""
    return str(uuid.uuid5(NAMESPACE, "digest/" + ",".join(sorted(delivery_ids))))


__all__ = [
    "Message",
    "alert_payload",
    "digest_id",
    "headline",
    "render_html",
    "render_text",
    "slack_payload",
]
