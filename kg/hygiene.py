"""Text hygiene at the reader: characters that must never reach a hash, an IRI or an export.

Three kinds of character are unfit for the graph: C0 control characters (but
tab and newline: XML 1.0 refuses them, so GraphML and GEXF would be invalid),
Unicode noncharacters (U+FDD0..U+FDEF and the last two code points of every
plane, U+FFFE and U+FFFF among them: RDF tools refuse them) and lone
surrogates (a ``\\ud800`` escape in JSON: they cannot even be encoded as
UTF-8). In free text (title, body, publisher) they are removed, a control
character that is white space becoming a space (DEL and the C1 controls, which
XML and RDF allow, are kept there: a text that holds them is read as before).
In an identifier (an article id, a URL, a file name) they, DEL and the C1
controls are refused with their code point.
"""

from __future__ import annotations

import re

__all__ = ["scrub", "first_unfit", "printable", "UNFIT", "UNFIT_IN_TEXT"]

_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)
)
# what free text loses ("\n" and "\t" are kept), and what an identifier may not hold
UNFIT_IN_TEXT = re.compile("[\x00-\x08\x0b-\x1f\ud800-\udfff" + _NONCHARACTERS + "]")
UNFIT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff" + _NONCHARACTERS + "]")


def _kind(ch: str) -> str:
    code = ord(ch)
    if 0xD800 <= code <= 0xDFFF:
        return "lone surrogate"
    if code < 0x20 or 0x7F <= code <= 0x9F:
        return "control character"
    return "noncharacter"


def scrub(text: str) -> str:
    """``text`` without unfit characters; a control character that is white space becomes a space.

    >>> scrub("Body\\x07 text\\x0bhere\\ufffe\\ud800.")
    'Body text here.'
    >>> scrub("Plain text.\\n\\tIndented.")
    'Plain text.\\n\\tIndented.'
    """
    if UNFIT_IN_TEXT.search(text) is None:
        return text
    return UNFIT_IN_TEXT.sub(lambda m: " " if m.group(0).isspace() else "", text)


def first_unfit(text: str) -> str | None:
    """Why an identifier cannot be used, naming its first unfit character and where it is; None if fit.

    >>> first_unfit("a01")
    >>> first_unfit("a\\x0701")
    'control character U+0007 at character 2'
    >>> first_unfit("x\\ud800")
    'lone surrogate U+D800 at character 2'
    """
    match = UNFIT.search(text)
    if match is None:
        return None
    return f"{_kind(match.group(0))} U+{ord(match.group(0)):04X} at character {match.start() + 1}"


def printable(text: str) -> str:
    """``text`` safe to print on any terminal: unfit characters (and a file name's undecodable bytes, kept
    by Python as surrogates) shown as escapes.

    >>> printable("caf\\udce9.txt")
    'caf\\\\xe9.txt'
    >>> printable("a\\x07b")
    'a\\\\x07b'
    """

    def escape(match: re.Match) -> str:
        code = ord(match.group(0))
        if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's surrogateescape: the byte it stands for
            return f"\\x{code - 0xDC00:02x}"
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return UNFIT.sub(escape, text) if UNFIT.search(text) else text
