"""Bytes to text, as a browser would and never as mojibake.

In order: a byte order mark (UTF-8, UTF-16 LE/BE) decides; else valid UTF-8 is UTF-8; else an HTML
page's declared charset (``<meta charset>`` or ``http-equiv``) decides; else charset-normalizer guesses
among the legacy encodings of :data:`LEGACY`, and its guess is taken only when it is confident (little
chaos, a clear language fit, no other reading of the bytes nearly as good). Every failure is a
:class:`DecodeError` with a reason that names the encoding found.
"""

from __future__ import annotations

import codecs
import re

from .errors import MSG

__all__ = ["decode", "DecodeError", "LEGACY"]

# What charset-normalizer may choose from: the single-byte encodings of the regions the corpus covers.
LEGACY = (
    "cp1252",
    "latin_1",
    "iso8859_15",
    "cp1250",
    "iso8859_2",
    "cp1251",
    "koi8_r",
    "koi8_u",
    "cp866",
    "iso8859_5",
    "mac_cyrillic",
)
_MAX_CHAOS = 0.05
_MIN_COHERENCE = 0.2
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
_DECLARED = " (as its <meta charset> declares)"
_META = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_:.+-]{1,40})""", re.I)
# WHATWG: these labels mean windows-1252 in a browser
_AS_CP1252 = {
    "latin1",
    "latin_1",
    "iso8859_1",
    "iso_8859_1",
    "ascii",
    "us_ascii",
    "iso8859-1",
    "iso-8859-1",
    "us-ascii",
    "l1",
    "cp819",
    "ibm819",
    "windows-1252",
    "cp1252",
}


class DecodeError(ValueError):
    """Bytes that are not read as text; ``reason`` says why."""

    def __init__(self, reason: str):
        self.reason = reason
        super().__init__(reason)


def _strict(data: bytes, codec: str, name: str, how: str = "") -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as e:
        raise DecodeError(MSG["not_valid"].format(encoding=name, how=how, offset=e.start)) from e


def decode(data: bytes, html: bool = False) -> tuple[str, str]:
    """The text of ``data`` and the encoding it was read in.

    >>> decode("caf\\u00e9".encode("utf-16"))
    ('café', 'UTF-16')
    >>> decode(b'<meta charset="windows-1251"><p>\\xcc\\xc0\\xc7</p>', html=True)[0][-7:]
    'МАЗ</p>'
    >>> decode(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00")
    Traceback (most recent call last):
    ...
    kg.decode.DecodeError: binary file (not text) [E102]
    """
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            return _strict(data, codec, name), name
    if b"\x00" in data:
        raise DecodeError(MSG["binary"])
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError as e:
        utf8_error = e.start
    if html:
        declared = _declared_charset(data)
        if declared is not None:
            label = declared.decode("ascii").lower()
            codec = "cp1252" if label in _AS_CP1252 else label
            try:
                codecs.lookup(codec)
            except LookupError:
                raise DecodeError(MSG["unknown_charset"].format(label=label)) from None
            if codecs.lookup(codec).name == "utf-8":
                raise DecodeError(MSG["not_valid"].format(encoding="UTF-8", how=_DECLARED, offset=utf8_error))
            return _strict(data, codec, label, _DECLARED), label
    return _guess(data, utf8_error)


def _declared_charset(data: bytes) -> bytes | None:
    match = _META.search(data[:4096])  # a browser's prescan looks at the first 1,024 bytes; pages vary
    return match.group(1) if match else None


def _guess(data: bytes, utf8_error: int) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data, cp_isolation=list(LEGACY)))
    if not matches:
        raise DecodeError(MSG["no_encoding"].format(offset=utf8_error))
    best = max(matches, key=lambda m: (m.coherence - m.chaos, -LEGACY.index(m.encoding)))
    text = str(best)
    rivals = sorted(
        {
            m.encoding
            for m in matches
            if m is not best
            and str(m) != text
            and m.chaos <= best.chaos + _MAX_CHAOS
            and m.coherence >= best.coherence - 0.1
        }
    )
    if best.chaos > _MAX_CHAOS or best.coherence < _MIN_COHERENCE or rivals:
        found = best.encoding + (f" or {', '.join(rivals)}" if rivals else "")
        raise DecodeError(MSG["unsure_encoding"].format(offset=utf8_error, found=found))
    same = [m.encoding for m in matches if str(m) == text] + list(best.could_be_from_charset)
    return text, min((e for e in same if e in LEGACY), key=LEGACY.index, default=best.encoding)
