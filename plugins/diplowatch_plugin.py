"""The diplowatch Airflow plugin: the project's web page and JSON API inside Airflow's server.

Mounts `pipeline.api.create_app()` under /diplowatch on the Airflow 3 api-server
(`fastapi_apps`) and adds a "diplowatch" entry to the UI's Browse menu that shows the page
(`external_views`). The app reads its database from DIPLOWATCH_DB_URL (and the rest of the
DIPLOWATCH_* settings) on its first request, so loading the plugin touches no database.
"""

from __future__ import annotations

import logging

from airflow.plugins_manager import AirflowPlugin

from pipeline.api import create_app
from pipeline.settings import load_settings

LOGGER = logging.getLogger(__name__)

URL_PREFIX = "/diplowatch"

diplowatch_app = create_app(load_settings)


class DiplowatchPlugin(AirflowPlugin):
    """Registered by the `airflow.plugins` entry point and from a plugins folder alike."""

    name = "diplowatch"
    fastapi_apps = [
        {
            "app": diplowatch_app,
            "url_prefix": URL_PREFIX,
            "name": "diplowatch: events and statements",
        }
    ]
    external_views = [
        {
            "name": "diplowatch",
            "href": f"{URL_PREFIX}/",
            "destination": "nav",
            "category": "browse",
            # a url_route renders the page inside the Airflow UI (an iframe), not a new tab
            "url_route": "diplowatch",
        }
    ]
