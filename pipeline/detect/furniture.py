"""Drop page furniture from extracted article text before detection.

Extraction leaves lines that are not the story: related headlines in capitals, "CLICK HERE"
and newsletter prompts, navigation menus, photo captions and credits, bylines, share
buttons, advertisements and copyright lines. Datelines stay, cleaned of their agency
prefix ("MOSCOW (Reuters) -"). Each rule is about the shape of a line, not its words, so it
carries to outlets the rules were not written for.
"""

from __future__ import annotations

import logging
import re

LOGGER = logging.getLogger(__name__)

_PROMPT = re.compile(
    r"^\s*(?:click here|sign up|subscribe|read more|related|see also|also read|read also|"
    r"recommended|more from|watch:|watch now|listen:|advertisement|sponsored|share this|"
    r"share on|follow us|follow @|newsletter|get the latest|download the|open in app|"
    r"most read|trending|top stories|you may also like|more:|featured|editor'?s pick|"
    r"skip to|jump to|back to top|continue reading|story continues|this article|"
    r"this story has been|copyright|\(c\)|©|all rights reserved|terms of use|privacy policy|"
    r"cookie|photo:|photos:|image:|picture:|video:|credit:|source:|file photo|"
    r"reporting by|editing by|writing by|additional reporting|contributing:|"
    r"updated\b|published\b|posted\b|last updated|add .* on google|get our|join our|"
    r"our standards|got a (?:confidential )?(?:news )?tip|also on our site|we may earn|"
    r"image source|image caption|media caption|caption:|file\s*[-–—:]\s|listen to this|"
    r"story continues|read next|up next|watch next|more on this|related stories|"
    r"related articles|related topics|related coverage|first published|ad feedback|"
    r"supported by|you might also|recommended stories|more stories|don'?t miss|must read|"
    r"latest news|sign in|log in|enable javascript|follow (?:him|her|them|the author)|"
    r"contact the (?:author|writer|reporter)|email the (?:author|writer|reporter))",
    re.IGNORECASE,
)
# "Fox News' Jane Roe contributed to this report.", "AP writer John Doe in Kyiv contributed."
_CONTRIBUTED = re.compile(
    r"\bcontributed(?: reporting)?(?: to (?:this|the) (?:report|story|article))?\.?\s*$|"
    r"^(?:the )?associated press (?:writers?|reporters?) ",
    re.IGNORECASE,
)
# "Jane Roe is a Moscow correspondent for Example News.": the author's note
_AUTHOR_NOTE = re.compile(
    r"^(?:[A-Z][\w.'’-]+\s){1,3}(?:is|was) (?:a|an|the) [\w ,-]{0,60}\b(?:reporter|"
    r"correspondent|editor|writer|contributor|columnist|journalist|producer)\b",
)
_SHARE = re.compile(
    r"^(?:share|tweet|email|print|facebook|twitter|x|linkedin|whatsapp|reddit|telegram|vk|"
    r"copy link|link copied!?|comments?|save|\d+ comments?|comments? \(\d+\)|"
    r"share this (?:article|story)|share via \w+)\s*:?$",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^(?:by\s+)?(?:[A-Z][\w.'’-]+\s){1,3}[A-Z][\w'’-]+"
    r"(?:\s*(?:,|and|\||-|–)\s*(?:[A-Z][\w.'’-]+\s?){1,4})*\s*$"
)
_BY = re.compile(r"^\s*by\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\b", re.IGNORECASE)
_CREDIT = re.compile(
    r"(?:\((?:[A-Z][\w. ]*/)?[A-Z][\w .'’-]*(?:/[\w .'’-]+)*\)|"
    r"\b(?:REUTERS|AP|AFP|Getty Images|EPA|TASS|Sputnik|Pool|via Reuters|AP Photo|"
    r"Bloomberg|Shutterstock)\s*/\s*[A-Z][\w .'’-]*)\s*$"
)
_CAPTION_SHAPE = re.compile(
    r"\b(?:attends?|speaks?|looks? on|gestures?|arrives?|listens?|walks?|is seen|are seen|"
    r"pictured|poses?|shakes? hands|waves?|delivers?|sits?|stands?)\b"
)
# The present-tense verbs of a caption ("Putin gestures", "the two leaders shake hands")
_CAPTION_VERB = re.compile(
    r"\b(?:attends|speaks|looks on|gestures|arrives|listens|walks|is seen|are seen|"
    r"pictured|poses|shake hands|shakes hands|waves|delivers|sits|stands)\b"
)
_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z .'’/-]{2,40}?)"  # MOSCOW, WASHINGTON/MOSCOW, ST. PETERSBURG
    r"(?:,\s*[A-Z][A-Za-z .]{1,25}?)??"  # , Russia  /  , Ukraine
    r"(?:,\s*[A-Z][a-z]{2,9}\.?\s+\d{1,2})?"  # , Sept 17
    r"\s*(?:\([A-Za-z .&/-]{2,40}\))?"  # (Reuters)
    r"\s*(?:[-–—]{1,2}|:)\s+(?=[A-Z“\"‘'])"
)
_MENU_WORDS = {
    "home",
    "news",
    "world",
    "politics",
    "business",
    "opinion",
    "sports",
    "sport",
    "video",
    "videos",
    "live",
    "tech",
    "science",
    "health",
    "culture",
    "style",
    "travel",
    "markets",
    "europe",
    "asia",
    "us",
    "u.s.",
    "uk",
    "russia",
    "ukraine",
    "china",
    "middle",
    "east",
    "africa",
    "americas",
    "latest",
    "menu",
    "search",
    "login",
    "log",
    "in",
    "sign",
    "up",
    "subscribe",
    "more",
    "weather",
    "entertainment",
    "lifestyle",
    "podcasts",
    "newsletters",
    "investigations",
    "analysis",
    "economy",
    "climate",
    "defense",
    "security",
    "national",
    "international",
    "local",
    "breaking",
    "&",
    "|",
    "•",
    "·",
    "and",
    "the",
    "of",
    "photos",
}


_ASCII_LOWER = re.compile(r"[a-z]")
_SENTENCE_END = (".", "!", "?", '"', "”", "’", "'", ":", ";", ")", "…")


# '"We will respond in kind." — Deputy Foreign Minister X': a quote signed after a dash, as
# roundups of quotes print them; the line ends on the name, not on a full stop
_SIGNED_QUOTE = re.compile(r"""^[“"][^”"]{12,}[.!?…][”"]\s*(?:—|–|--)\s*[A-Z]""")


def _is_headline(line: str) -> bool:
    """A line in capitals: a related-story headline or a section banner."""
    if len(_ASCII_LOWER.findall(line)) >= 0.15 * len(line):
        return False  # letters can be no more than the line: a sixth of it in lower case is text
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 8 and sum(c.isupper() for c in letters) / len(letters) > 0.85


def _is_menu(line: str) -> bool:
    if line.rstrip().endswith((".", "?", "!", "”", '"')):
        return False
    words = re.findall(r"[\w.&|•·']+", line.lower())
    if not words or len(words) > 14:
        return False
    return sum(w in _MENU_WORDS for w in words) / len(words) >= 0.6


def _is_caption(line: str) -> bool:
    """A photo caption: ends with a photo credit, or describes a picture with no story verb."""
    if len(line) >= 400:
        return False
    if _CREDIT.search(line):
        return True
    if re.search(r"\b(?:REUTERS|AP Photo|AFP|Getty Images|EPA-EFE)\b", line):
        return True
    return bool(
        len(line) < 300
        and _CAPTION_SHAPE.search(line)
        and re.search(r"\bin \w+(?:, \w+)?,? (?:on )?(?:\w+ \d{1,2}, \d{4}|\w+day)\.?$", line)
    )


_BYLINE_ROLE = re.compile(
    r"^(?:[A-Z][\w.'’-]+\s){1,3}[A-Z][\w'’-]+\s*[,|–-]\s*[\w ,]{0,40}\b(?:reporter|"
    r"correspondent|editor|writer|contributor|columnist|staff|bureau chief|producer|"
    r"analyst|journalist)s?\s*$",
    re.IGNORECASE,
)


def _is_byline(line: str) -> bool:
    stripped = line.strip()
    if _BYLINE_ROLE.match(stripped):
        return True  # "Jane Roe, Moscow correspondent"
    if len(stripped) > 80 or stripped.endswith((".", "?", "!", "”", '"', ":")):
        return False
    if _BY.match(stripped):
        return True
    # "Jane Doe, Reporter" / "Jane Doe and John Roe": a short run of capitalised words.
    words = stripped.replace(",", " ").split()
    return 2 <= len(words) <= 6 and bool(_BYLINE.match(stripped)) and "said" not in words


def clean_dateline(line: str) -> str:
    """Remove a dateline prefix ("MOSCOW (Reuters) -", "WASHINGTON —") from a line."""
    match = _DATELINE.match(line)
    if match and _is_headline(match["place"] + "XXXXXXXX") and len(match["place"]) < 40:
        return line[match.end() :]
    return line


def _is_share_bar(line: str) -> bool:
    """ "Facebook | Twitter | Email | Link Copied!": a row of share buttons."""
    if not any(bar in line for bar in "|•·"):
        return False  # one item at most
    items = [i.strip() for i in re.split(r"[|•·]", line) if i.strip()]
    return len(items) >= 2 and all(_SHARE.match(i) for i in items)


def _is_quoted_headline(line: str) -> bool:
    """ "Moscow calls it 'step in right direction'": a headline ends on a quoted phrase with
    no full stop; a story sentence ends with its stop."""
    return (
        len(line.split()) < 25
        and line.endswith(("'", "’"))
        and line[-2:-1].isalnum()
        and not re.search(r"(?<=[a-z]{2})[.!?]\s", line)  # a sentence ends inside it
    )


def _is_caption_sentence(line: str) -> bool:
    """ "Vladimir Putin speaks during a meeting in Moscow.": one short sentence describing a
    picture in the present tense, with no quote and no attribution."""
    words = line.split()
    if len(words) > 40 or re.search(r"[\"“”]|\b(?:said|says|told)\b", line):
        return False
    if re.search(r"(?<=[a-z]{2})[.!?]\s+\S", line):
        return False  # more than one sentence
    if _DATELINE.match(line):
        return False
    match = _CAPTION_VERB.search(line)
    return bool(
        match
        and len(line[: match.start()].split()) <= 12
        and re.search(r"\b(?:in|at|during|outside|near|on)\b", line[match.end() :])
        and line[:1].isupper()
    )


# Players, galleries and sign-up boxes that extraction leaves inside the story's lines
_CLUTTER_LINE = re.compile(
    r"^\s*(?:just watched|must watch)\b|\breplay more videos\b|\bhide caption \d+ of \d+|"
    r"\bmedia playback is unsupported\b|\bby signing up,? you agree\b|\bsign up now\b",
    re.IGNORECASE,
)
# A hover card of linked names: the name as shown, the full name glued to the first of the
# person's headlines ("Ted Cruz Rafael (Ted) Edward CruzGOP turns ... | ... MORE"), the list
# ended by "MORE". The shown name stays; the card goes.
_HOVER_CARD = re.compile(
    r"\b(?P<name>[A-Z][\w'’-]+)(?P<card> (?:[A-Z(][\w'’().-]*\s){0,5}?(?P=name)"
    r"(?=[A-Z0-9'‘\"“])[^\n]*?\sMORE\b)"
)
# "( PHOTOS: Putin's year)", "(RELATED: How the probe began)": a link in brackets
_BRACKETED_LINK = re.compile(
    r"\s?\(\s*(?:PHOTOS|RELATED|WATCH|VIDEO|READ|READ MORE|SEE ALSO|ALSO READ|LISTEN)\s*:"
    r"[^()]{0,200}\)",
    re.IGNORECASE,
)


def strip_inline_clutter(line: str) -> str:
    """A story line without the link cards and bracketed links set inside it."""
    line = _HOVER_CARD.sub(lambda m: m["name"], line)
    return _BRACKETED_LINK.sub("", line).strip()


def is_furniture(line: str) -> bool:
    """True when the line is page furniture rather than story text."""
    stripped = line.strip()
    if not stripped:
        return True
    if _PROMPT.match(stripped) or _SHARE.match(stripped) or _is_share_bar(stripped):
        return True
    if _CLUTTER_LINE.search(stripped):
        return True
    if len(stripped) < 200 and (_CONTRIBUTED.search(stripped) or _AUTHOR_NOTE.match(stripped)):
        return True
    if _is_quoted_headline(stripped) or _is_caption_sentence(stripped):
        return True
    if re.match(r"^[-*•·]\s", stripped) and stripped.endswith("?") and len(stripped.split()) < 15:
        return True  # "- Who is Viktor Bout?": a related-story link in a list
    if _is_headline(stripped) or _is_menu(stripped) or _is_caption(stripped):
        return True
    if (
        len(stripped.split()) < 25
        and not stripped.endswith(_SENTENCE_END)
        and not _SIGNED_QUOTE.match(stripped)
    ):
        return True  # a headline, a section label or a teaser: story paragraphs end a sentence
    return _is_byline(stripped)


def strip_furniture(text: str) -> list[str]:
    """The story's paragraphs: furniture lines dropped, datelines cleaned."""
    kept: list[str] = []
    for raw in text.splitlines():
        line = strip_inline_clutter(" ".join(raw.split()))
        if is_furniture(line):
            LOGGER.debug("furniture dropped: %s", line[:80])
            continue
        kept.append(clean_dateline(line))
    return kept


__all__ = ["clean_dateline", "is_furniture", "strip_furniture", "strip_inline_clutter"]
