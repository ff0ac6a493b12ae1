"""Text from outside made safe to store and to serialise: the one sanitiser, used where text enters.

Feeds, pages and batch input are written by strangers. PostgreSQL text cannot hold NUL
(0x00), a lone UTF-16 surrogate (`\\ud800`, which JSON escapes and lenient parsers produce)
cannot be encoded as UTF-8 at all, and the other C0 control characters only break whatever
reads the text next. `clean` removes the controls and replaces lone surrogates with U+FFFD
(the Unicode replacement character), so one hostile feed entry can no longer stop a pass.

It is applied once, where outside text becomes ours: `http.decode_body` (every fetched
body, character references such as `&#0;` defused too), `feeds` (the feed document before
the parser, and every entry's fields), `extract` (every extracted article), the detect
batch reader (every input line) and `read_text_file` (settings, feeds and alerts files,
which are refused outright when they are binary rather than cleaned).
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from pipeline.errors import ConfigError

LOGGER = logging.getLogger(__name__)

# C0 controls other than tab, line feed and carriage return.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
_SURROGATES = re.compile("[\ud800-\udfff]")
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def clean(text: str) -> str:
    """`text` without NUL and other C0 controls (tab and line breaks stay), lone surrogates
    replaced by U+FFFD. Cheap when there is nothing to do (one scan, no copy)."""
    if _UNSAFE.search(text) is None:
        return text
    return _SURROGATES.sub(REPLACEMENT, _CONTROLS.sub("", text))


def clean_optional(text: str | None) -> str | None:
    return None if text is None else clean(text)


def clean_data(value: Any) -> Any:
    """`clean` applied to every string in a JSON-like value (keys included)."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, dict):
        return {clean_data(k): clean_data(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [clean_data(v) for v in value]
    return value


def _unsafe_code_point(digits_hex: bytes | str | None, digits_dec: bytes | str | None) -> bool:
    try:  # (more than 4300 digits is a ValueError: unsafe too)
        point = int(digits_hex, 16) if digits_hex else int(digits_dec or b"0")
    except ValueError:
        return True
    return (
        point > 0x10FFFF
        or 0xD800 <= point <= 0xDFFF
        or (point < 0x20 and point not in (0x09, 0x0A, 0x0D))
    )


# Any number of digits: `&#99999999999;` must be defused too (parsers overflow on it).
_CHAR_REF_BYTES = re.compile(rb"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));")
_CHAR_REF_TEXT = re.compile(r"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));")
# Markup in a wide encoding, told by its byte order mark or by its first `<` (XML 1.0,
# appendix F): its references are not ASCII bytes, so they are found in the decoded text.
_WIDE_ENCODINGS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
    (b"<\x00", "utf-16-le"),
    (b"\x00<", "utf-16-be"),
)


def clean_char_refs(markup: bytes) -> bytes:
    """XML/HTML markup with every character reference to NUL, a control character, a lone
    surrogate or no character at all (`&#0;`, `&#xD800;`) turned into U+FFFD's.

    Parsers expand references after we could clean their input, and some crash on them
    (feedparser's lenient parser raises on `&#xD800;`), so they are defused in the markup.
    """
    for mark, encoding in _WIDE_ENCODINGS:
        if markup.startswith(mark):
            return _clean_wide_char_refs(markup, encoding)
    if b"&#" not in markup:
        return markup
    return _CHAR_REF_BYTES.sub(
        lambda m: b"&#xFFFD;" if _unsafe_code_point(m.group(1), m.group(2)) else m.group(0),
        markup,
    )


def _clean_wide_char_refs(markup: bytes, encoding: str) -> bytes:
    """`clean_char_refs` for UTF-16/32 markup: decoded losslessly (lone surrogates passed
    through, a trailing partial unit kept as bytes), references defused, encoded back."""
    unit = 4 if "32" in encoding else 2
    whole = len(markup) - len(markup) % unit
    try:
        text = markup[:whole].decode(encoding, errors="surrogatepass")
    except UnicodeDecodeError:  # not that encoding after all (a code point past U+10FFFF)
        return markup
    if "&#" not in text:
        return markup
    return clean_markup_refs(text).encode(encoding, errors="surrogatepass") + markup[whole:]


def clean_markup_refs(markup: str) -> str:
    """The references of `clean_char_refs`, defused in markup already decoded to text."""
    return _CHAR_REF_TEXT.sub(
        lambda m: "&#xFFFD;" if _unsafe_code_point(m.group(1), m.group(2)) else m.group(0),
        markup,
    )


def clean_markup(markup: str) -> str:
    """`clean`, and `clean_char_refs` for markup already decoded to text."""
    markup = clean(markup)
    if "&#" not in markup:
        return markup
    return clean_markup_refs(markup)


def is_clean(text: str) -> bool:
    """True when `clean(text)` would change nothing."""
    return _UNSAFE.search(text) is None


def read_text_file(path: str | Path, *, what: str, hint: str) -> str:
    """A configuration file's text (UTF-8, a BOM allowed), or ConfigError naming the file.

    Configuration is the operator's own, so it is refused rather than cleaned: a binary file
    (NUL bytes, or bytes that are not UTF-8) is almost always the wrong path. `what` names the
    file for the message ("the feeds file"), `hint` says where its path came from.
    """
    source = str(path)
    try:
        data = Path(path).read_bytes()
    except IsADirectoryError:
        raise ConfigError(f"{what} is a directory, not a file; {hint}", source=source) from None
    except OSError as exc:
        raise ConfigError(
            f"cannot read {what} ({exc.strerror or exc}); {hint}", source=source
        ) from None
    if b"\0" in data:
        raise ConfigError(
            f"{what} is a binary file (it contains NUL bytes), not YAML text; {hint}",
            source=source,
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ConfigError(
            f"{what} is not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            f"save it as UTF-8, or check the path: {hint}",
            source=source,
            line=line,
        ) from None
    return text


__all__ = [
    "REPLACEMENT",
    "clean",
    "clean_char_refs",
    "clean_data",
    "clean_markup",
    "clean_optional",
    "is_clean",
    "read_text_file",
]
