"""diplowatch: US-Russia diplomatic events and statements from news feeds.

The public face of the library. Names are imported lazily (PEP 562) so that importing
`pipeline` (as Airflow does when it parses the DAGs) loads neither spaCy nor trafilatura.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    # settings and errors
    "Settings": "pipeline.settings",
    "load_settings": "pipeline.settings",
    "DiplowatchError": "pipeline.errors",
    "ConfigError": "pipeline.errors",
    "FetchError": "pipeline.errors",
    "BlockedAddressError": "pipeline.errors",
    "ExtractionError": "pipeline.errors",
    "DeliveryError": "pipeline.errors",
    # records at the boundaries
    "ActorRef": "pipeline.models",
    "DetectedEvent": "pipeline.models",
    "DetectedStatement": "pipeline.models",
    "Detection": "pipeline.models",
    "FeedSpec": "pipeline.models",
    "FeedEntry": "pipeline.models",
    "FeedResult": "pipeline.models",
    "ExtractedArticle": "pipeline.models",
    # fetching and extraction
    "canonicalize_url": "pipeline.urls",
    "load_feeds": "pipeline.feeds",
    "fetch_feed": "pipeline.feeds",
    "fetch_page": "pipeline.http",
    "extract_html": "pipeline.extract",
    "extract_article": "pipeline.extract",
    # detection
    "Detector": "pipeline.detect",
    "get_detector": "pipeline.detect",
    "DETECTOR_VERSION": "pipeline.detect",
    # the pipeline's steps
    "run_pass": "pipeline.runner",
    "PassSummary": "pipeline.runner",
    "prepare": "pipeline.runner",
    "select_feeds": "pipeline.runner",
    "fetch_feeds": "pipeline.runner",
    "fetch_articles": "pipeline.runner",
    "detect_articles": "pipeline.runner",
    # queries and alerts
    "list_events": "pipeline.query",
    "list_statements": "pipeline.query",
    "load_alerts": "pipeline.alerts",
    "send_due": "pipeline.alerts",
}

__all__ = sorted(_EXPORTS) + ["__version__"]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
