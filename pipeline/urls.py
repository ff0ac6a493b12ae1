"""Canonical article URLs, so the same story reached through two links is stored once.

Canonicalisation is deliberately conservative: it only removes what never changes the page
(case of scheme and host, default ports, fragments, tracking parameters, parameter order).
"""

from __future__ import annotations

import logging
import re
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

from pipeline.text import clean

LOGGER = logging.getLogger(__name__)

# Query parameters that only tell the publisher where a click came from.
TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "gclsrc",
        "msclkid",
        "yclid",
        "igshid",
        "mc_cid",
        "mc_eid",
        "ocid",
        "cmpid",
        "cmp",
        "at_medium",
        "at_campaign",
        "at_custom1",
        "at_custom2",
        "at_custom3",
        "at_custom4",
        "at_ptr_name",
        "at_link_id",
        "at_link_origin",
        "at_link_type",
        "at_format",
        "at_bbc_team",
        "ref",
        "ref_src",
        "ref_url",
        "__twitter_impression",
        "ito",
        "ns_mchannel",
        "ns_source",
        "ns_campaign",
        "ns_linkname",
        "ns_fee",
        "smid",
        "smtyp",
        "taid",
        "_ga",
        "_gl",
        "_hsenc",
        "_hsmi",
        "mkt_tok",
        "oly_anon_id",
        "oly_enc_id",
        "vero_id",
        "wt.mc_id",
        "wt_mc_id",
        "xtor",
        "guccounter",
        "guce_referrer",
        "guce_referrer_sig",
        "sr_share",
        "soc_src",
        "soc_trk",
    }
)
# Whole families of tracking parameters, matched by prefix.
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hsa_", "fb_", "ga_")

_DEFAULT_PORTS = {"http": 80, "https": 443}
# Characters left unescaped in paths: RFC 3986 unreserved, sub-delims, ':', '@', '/' and '%'.
_PATH_SAFE = "/:@!$&'()*+,;=-._~%"
_USER_SAFE = "!$&'()*+,;=-._~%"
# A host name after IDNA: letters, digits, hyphens and underscores in dot-separated labels.
_HOST = re.compile(r"\A[a-z0-9_-]+(?:\.[a-z0-9_-]+)*\Z")
_IPV6 = re.compile(r"\A[0-9a-f:.]+(?:%[0-9a-z._~-]+)?\Z")


def is_tracking_param(name: str) -> bool:
    """True when a query parameter only records where a click came from."""
    key = name.lower()
    return key in TRACKING_PARAMS or key.startswith(TRACKING_PREFIXES)


def _ascii_host(hostname: str) -> str | None:
    """The host as ASCII (IDNA for a unicode name), or None when it is no valid host."""
    host = hostname.lower().rstrip(".")
    if ":" in host:  # an IPv6 literal (urlsplit checked the brackets)
        return f"[{host}]" if _IPV6.match(host) else None
    if not host.isascii():
        try:
            host = host.encode("idna").decode("ascii").lower()
        except UnicodeError:  # an empty or overlong label, or a character IDNA refuses
            return None
    return host if _HOST.match(host) else None


def canonicalize_url(url: str) -> str:
    """The canonical form of an http(s) URL; other strings come back stripped but unchanged.

    Lower-cases scheme and host, drops default ports, fragments and tracking parameters,
    sorts the remaining parameters and turns an empty path into '/'. The result of an http(s)
    URL is ASCII: a unicode host becomes its IDNA (xn--) form, the rest is percent-encoded.
    A URL whose port or host is malformed is left alone (fetching it fails with the reason).
    Text is sanitised first (NUL and other controls dropped, lone surrogates replaced), so
    the result can always be stored; the function never raises and is idempotent.
    """
    text = clean(url).strip()
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        # A malformed port or bracket: leave the URL alone rather than guess.
        LOGGER.debug("cannot canonicalise malformed URL %s", text)
        return text
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        return text
    host = _ascii_host(parts.hostname)
    if host is None:
        LOGGER.debug("cannot canonicalise URL with a malformed host %s", text)
        return text
    netloc = host if port in (None, _DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    if parts.username is not None:
        # Credentials in a news link are unusual but change what is fetched; keep them.
        userinfo = quote(parts.username, safe=_USER_SAFE) + (
            f":{quote(parts.password, safe=_USER_SAFE)}" if parts.password is not None else ""
        )
        netloc = f"{userinfo}@{netloc}"
    # Existing %-escapes are kept as they are: unescaping %2F would change the path.
    path = quote(parts.path, safe=_PATH_SAFE) if parts.path else "/"
    pairs = [
        (name, value)
        for name, value in parse_qsl(parts.query, keep_blank_values=True)
        if not is_tracking_param(name)
    ]
    query = urlencode(sorted(pairs), doseq=False)
    return urlunsplit((scheme, netloc, path, query, ""))


__all__ = ["canonicalize_url", "is_tracking_param", "TRACKING_PARAMS", "TRACKING_PREFIXES"]
