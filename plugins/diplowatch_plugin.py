"""The diplowatch Airflow plugin: the project's web page and JSON API inside Airflow's server.

Mounts `pipeline.api.create_app()` under /diplowatch on the Airflow 3 api-server
(`fastapi_apps`) and adds a "diplowatch" entry to the UI's Browse menu that shows the page
(`external_views`). The app reads its database from DIPLOWATCH_DB_URL (and the rest of the
DIPLOWATCH_* settings) on its first request, so loading the plugin touches no database.

Airflow does not authenticate the apps plugins mount (a Starlette mount inherits none of the
core API's dependencies), so the app checks for itself: a request is let in when it carries
an Airflow login (the UI's `_token` cookie, or an Airflow JWT as bearer token, validated by
Airflow's own auth manager) or the DIPLOWATCH_API_TOKEN; anonymous requests get 401, with
or without a diplowatch token configured.
"""

from __future__ import annotations

import logging

from airflow.plugins_manager import AirflowPlugin
from starlette.requests import Request

from pipeline.api import create_app
from pipeline.auth import bearer
from pipeline.settings import load_settings

LOGGER = logging.getLogger(__name__)

URL_PREFIX = "/diplowatch"


async def airflow_user(request: Request) -> bool:
    """Whether the request carries a valid Airflow login (cookie or bearer JWT)."""
    from airflow.api_fastapi.app import get_auth_manager
    from airflow.api_fastapi.auth.managers.base_auth_manager import COOKIE_NAME_JWT_TOKEN

    candidates = [bearer(request), request.cookies.get(COOKIE_NAME_JWT_TOKEN)]
    for token in (t for t in candidates if t):
        try:
            await get_auth_manager().get_user_from_token(token)
        except Exception as exc:  # expired, revoked, not a JWT: not a login
            LOGGER.debug("not an Airflow login: %s", exc)
            continue
        return True
    return False


diplowatch_app = create_app(load_settings, host_auth=airflow_user, always_auth=True)


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
