"""Alerts on new events and statements: rules and channels from a YAML file, an outbox
written in the same transaction as the records, and a sender with retries and backoff.

    config = load_alerts("alerts.yaml")            # fails at start on a bad file
    run_pass(settings, on_new=enqueue_hook(config))  # queues alerts with the records
    send_due(settings)                              # delivers what is due

Delivery is at least once: every alert carries a delivery id (`X-Diplowatch-Delivery`)
that stays the same across retries, so receivers can drop repeats.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pipeline.alerts.config import AlertsConfig, ChannelConfig, Rule, load_alerts
    from pipeline.alerts.outbox import (
        SendSummary,
        delivery_id,
        enqueue_hook,
        list_deliveries,
        send_due,
        send_test,
    )

# Imported when first asked for: a pass without an alerts file (and every other command)
# does not pay for the channels' and the outbox's imports.
_WHERE = {
    "AlertsConfig": "config",
    "ChannelConfig": "config",
    "Rule": "config",
    "load_alerts": "config",
    "SendSummary": "outbox",
    "delivery_id": "outbox",
    "enqueue_hook": "outbox",
    "list_deliveries": "outbox",
    "send_due": "outbox",
    "send_test": "outbox",
}


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)


__all__ = [
    "AlertsConfig",
    "ChannelConfig",
    "Rule",
    "SendSummary",
    "delivery_id",
    "enqueue_hook",
    "list_deliveries",
    "load_alerts",
    "send_due",
    "send_test",
]
