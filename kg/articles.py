"""Read articles: ``.txt`` in the seed's layout, ``.jsonl`` corpora, ``.html`` pages.

The ``.txt`` layout is a date line, a title line, the body, and an optional
closing ``Written by <publisher>`` line, separated by blank lines. A ``.jsonl``
file holds one article a line: ``id``, ``title``, ``date``, ``text`` and
optional ``url`` and ``source``.

Readers never stop at the first bad input: :func:`read_articles` returns the
articles it could read and an :class:`~kg.errors.InputError` for each file (or
JSON Lines line) it could not.
"""

from __future__ import annotations

import datetime as dt
import html.parser
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import MSG, InputError
from .records import Article

__all__ = ["read_articles", "read_file", "iter_input_files", "parse_date", "find_dateline", "Dateline", "SUFFIXES"]

SUFFIXES = (".txt", ".jsonl", ".html", ".htm")
_WRITTEN_BY = re.compile(r"^\s*(?:written|posted|published)\s+by\s+(?P<source>\S.*?)\s*$", re.I)
_DATE_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%Y-%m-%d", "%d.%m.%Y")


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'\u00C0-\u00DE-]+(?:[ /][A-Z][A-Z.'\u00C0-\u00DE-]+)*"  # FRANKFURT, NEW YORK, NAIROBI/ADDIS
    r"|[A-Z][a-z\u00DF-\u00FF]+(?: [A-Z][a-z\u00DF-\u00FF]+)?(?=,? (?:"
    + _MONTH
    + r" \d|\()))"  # Seoul, May 2 / Seoul (AP)
    r"(?:, (?P<region>[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?))??"  # PORTLAND, Ore.
    r",? ?(?P<date>" + _MONTH + r" \d{1,2}(?:, \d{4})?)?"
    r" ?(?:\((?P<agency>[A-Za-z][A-Za-z .&/-]{1,30})\))?"
    r" ?(?:--|[-\u2013\u2014]) "
)


@dataclass(frozen=True)
class Dateline:
    """A wire story's dateline: the place (and region) it was filed from, the agency, where it ends."""

    place: str
    agency: str | None
    end: int  # characters from the start of the text


def find_dateline(text: str) -> Dateline | None:
    """The dateline that opens a wire story's text, or None.

    >>> find_dateline("FRANKFURT, March 20 (Reuters) - Volkswagen said ...")
    Dateline(place='Frankfurt', agency='Reuters', end=32)
    >>> find_dateline("SEOUL, May 2 -- Samsung said ...").place
    'Seoul'
    >>> find_dateline("NAIROBI/ADDIS ABABA, April 10 (Reuters) - Safaricom said ...").place
    'Nairobi/Addis Ababa'
    >>> find_dateline("PORTLAND, Ore. (AP) \u2014 A mill closed.").place
    'Portland, Ore.'
    >>> find_dateline("Minsk Tractor Works said - in a statement - that ...") is None
    True
    """
    match = _DATELINE.match(text)
    if match is None:
        return None
    if not (match.group("date") or match.group("agency")):
        # "MOSCOW - Russia's ...": a bare place in capitals, then a sentence ("MAZ - the truck maker" is none)
        if not (
            match.group("place").isupper() and len(match.group("place")) >= 4 and text[match.end() :][:1].isupper()
        ):
            return None
    place = match.group("place")
    if place.isupper():
        place = re.sub(r"[^ /]+", lambda word: word.group(0).capitalize(), place)
    if match.group("region"):
        place = f"{place}, {match.group('region')}"
    return Dateline(place=place, agency=match.group("agency"), end=match.end())


def parse_date(value: str) -> dt.date:
    """Read a date as news sites write it.

    >>> parse_date("20 February 2023")
    datetime.date(2023, 2, 20)
    >>> parse_date("2023-02-20T10:00:00+03:00")
    datetime.date(2023, 2, 20)
    >>> parse_date("soon")
    Traceback (most recent call last):
    ...
    ValueError: soon
    """
    text = " ".join(value.strip().split())
    iso = re.match(r"^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$", text)
    if iso:
        text = iso.group(1)
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(value)


def iter_input_files(paths: Iterable[str | Path]) -> Iterator[tuple[Path, InputError | None]]:
    """Every file under the given paths, in sorted order, with an error for the unusable ones."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if any(part.startswith(".") for part in child.relative_to(path).parts):
                    continue  # hidden files and folders (.DS_Store, .git)
                yield child, _suffix_error(child)
        elif path.is_file():
            yield path, _suffix_error(path)
        else:
            yield path, InputError(path, MSG["not_found"])


def _suffix_error(path: Path) -> InputError | None:
    if path.suffix.lower() in SUFFIXES:
        return None
    return InputError(path, MSG["unsupported"].format(suffix=path.suffix or "(none)"))


def read_articles(paths: Iterable[str | Path]) -> tuple[list[Article], list[InputError]]:
    r"""Read every article under ``paths``; return them with the rejections.

    Parameters
    ----------
    paths : iterable of str or Path
        Files (``.txt`` in the seed's layout, ``.jsonl``, ``.html``) and
        folders, walked in sorted order (hidden files skipped).

    Returns
    -------
    articles : list of Article
        The articles read, in order. Article ids must be unique: a second
        article with an id already read is rejected, naming the first.
    rejected : list of InputError
        One per file (or JSON Lines line) that could not be read, naming it and the reason.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a1.txt").write_text("3 March 2024\n\nTrucks for Cuba\n\nMAZ supplies trucks to Cuba.\n")
    >>> _ = (folder / "empty.txt").write_text("")
    >>> articles, rejected = read_articles([folder])
    >>> [(a.id, a.title, a.date.isoformat()) for a in articles]
    [('a1', 'Trucks for Cuba', '2024-03-03')]
    >>> [e.reason for e in rejected]
    ['empty file [E101]']
    """
    articles: list[Article] = []
    errors: list[InputError] = []
    seen: dict[str, str] = {}
    for path, error in iter_input_files(paths):
        if error is not None:
            errors.append(error)
            continue
        found, bad = read_file(path)
        errors.extend(bad)
        for article in found:
            where = f"{article.path}:{article.line}" if article.line else article.path
            if article.id in seen:
                errors.append(
                    InputError(
                        article.path,
                        MSG["duplicate_id"].format(id=article.id, other=seen[article.id]),
                        line=article.line,
                    )
                )
                continue
            seen[article.id] = where
            articles.append(article)
    return articles, errors


def read_file(path: str | Path) -> tuple[list[Article], list[InputError]]:
    """Read one file; a ``.jsonl`` file may give several articles and several errors."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as e:
        return [], [InputError(path, MSG["unreadable"].format(reason=e.strerror or e))]
    text, error = _decode(path, data)
    if error:
        return [], [error]
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        return _read_jsonl(path, text)
    try:
        if suffix in (".html", ".htm"):
            return [_read_html(path, text)], []
        return [_read_txt(path, text)], []
    except InputError as e:
        return [], [e]


def _decode(path: Path, data: bytes) -> tuple[str, InputError | None]:
    if not data.strip():
        return "", InputError(path, MSG["empty"])
    if b"\x00" in data:
        return "", InputError(path, MSG["binary"])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        return "", InputError(path, MSG["not_utf8"].format(offset=e.start))
    if _control_ratio(text) > 0.1:  # a stray control character is cleaned; a tenth of them is not text
        return "", InputError(path, MSG["binary"])
    return text.replace("\r\n", "\n").replace("\r", "\n"), None


def _control_ratio(text: str) -> float:
    bad = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    return bad / max(len(text), 1)


def _clean(text: str) -> str:
    """Drop control characters (kept out of the graph: Oxigraph refuses some)."""
    return "".join(ch for ch in text if ord(ch) >= 32 or ch in "\n\t")


def _read_txt(path: Path, text: str) -> Article:
    lines = text.split("\n")
    blocks = [line.strip() for line in lines]
    nonblank = [(i, line) for i, line in enumerate(blocks) if line]
    date = None
    first_i, first = nonblank[0]
    rest = nonblank[1:]
    try:
        date = parse_date(first)
    except ValueError:
        rest = nonblank  # no date line: the first line is the title
    if not rest:
        raise InputError(path, MSG["no_title"], line=first_i + 1)
    title_i, title = rest[0]
    body_lines = lines[title_i + 1 :]
    source = None
    # the closing "Written by ..." line
    for j in range(len(body_lines) - 1, -1, -1):
        if body_lines[j].strip():
            match = _WRITTEN_BY.match(body_lines[j])
            if match:
                source = match.group("source")
                body_lines = body_lines[:j]
            break
    body = "\n".join(body_lines).strip()
    if not body:
        raise InputError(path, MSG["no_body"], line=title_i + 1)
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", body) if p.strip()]
    return Article(
        id=path.stem,
        title=_clean(" ".join(title.split())),
        date=date,
        text=_clean("\n\n".join(paragraphs)),
        path=str(path),
        source=source,
    )


def _read_jsonl(path: Path, text: str) -> tuple[list[Article], list[InputError]]:
    articles, errors = [], []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            articles.append(_record_to_article(path, number, line))
        except InputError as e:
            errors.append(e)
    if not articles and not errors:
        errors.append(InputError(path, MSG["no_articles"]))
    return articles, errors


def _record_to_article(path: Path, number: int, line: str) -> Article:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as e:
        raise InputError(path, MSG["bad_json"].format(error=e.msg + f" at column {e.colno}"), line=number) from e
    if not isinstance(record, dict):
        raise InputError(path, MSG["not_object"].format(kind=type(record).__name__), line=number)
    values = {}
    for field in ("id", "title", "date", "text"):
        if field not in record:
            raise InputError(path, MSG["missing_field"].format(field=field), line=number)
        value = record[field]
        if not isinstance(value, str) or not value.strip():
            raise InputError(path, MSG["bad_field"].format(field=field), line=number)
        values[field] = value.strip()
    try:
        date = parse_date(values["date"])
    except ValueError as e:
        raise InputError(path, MSG["bad_date"].format(value=values["date"]), line=number) from e
    optional = {}
    for field in ("url", "source"):
        value = record.get(field)
        if value is not None and (not isinstance(value, str) or not value.strip()):
            raise InputError(path, MSG["bad_field"].format(field=field), line=number)
        optional[field] = value.strip() if value else None
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", values["text"]) if p.strip()]
    return Article(
        id=values["id"],
        title=_clean(" ".join(values["title"].split())),
        date=date,
        text=_clean("\n\n".join(paragraphs)),
        path=str(path),
        line=number,
        **optional,
    )


class _HTMLArticle(html.parser.HTMLParser):
    """Title, date, publisher, canonical URL and paragraphs of a news page."""

    _BLOCKS = {"p", "h1", "h2", "h3", "li", "blockquote"}
    _SKIP = {"script", "style", "nav", "header", "footer", "aside", "noscript", "form"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.h1 = ""
        self.date = None
        self.source = None
        self.url = None
        self.paragraphs: list[str] = []
        self._stack: list[str] = []
        self._buffer: list[str] = []
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        attrs = {k: v or "" for k, v in attrs}
        if tag in self._SKIP:
            self._skip += 1
        elif tag == "title":
            self._in_title = True
        elif tag == "meta":
            key = attrs.get("property") or attrs.get("name") or ""
            if key in ("article:published_time", "date", "pubdate", "dc.date") and not self.date:
                self.date = attrs.get("content")
            elif key == "og:site_name":
                self.source = attrs.get("content") or None
            elif key == "og:url" and not self.url:
                self.url = attrs.get("content") or None
        elif tag == "link" and attrs.get("rel") == "canonical":
            self.url = attrs.get("href") or self.url
        elif tag == "time" and not self.date and attrs.get("datetime"):
            self.date = attrs["datetime"]
        elif tag in self._BLOCKS and not self._skip:
            self._buffer = []
            self._stack.append(tag)

    def handle_endtag(self, tag):
        if tag in self._SKIP and self._skip:
            self._skip -= 1
        elif tag == "title":
            self._in_title = False
        elif tag in self._BLOCKS and self._stack and self._stack[-1] == tag:
            self._stack.pop()
            text = " ".join("".join(self._buffer).split())
            if tag == "h1" and not self.h1:
                self.h1 = text
            elif text and tag != "h1":
                self.paragraphs.append(text)
            self._buffer = []

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        elif self._stack and not self._skip:
            self._buffer.append(data)


def _read_html(path: Path, text: str) -> Article:
    page = _HTMLArticle()
    page.feed(text)
    page.close()
    title = " ".join((page.h1 or page.title).split())
    if not title:
        raise InputError(path, MSG["no_title"])
    if not page.paragraphs:
        raise InputError(path, MSG["no_body"])
    date = None
    if page.date:
        try:
            date = parse_date(page.date)
        except ValueError as e:
            raise InputError(path, MSG["bad_date"].format(value=page.date)) from e
    return Article(
        id=path.stem,
        title=_clean(title),
        date=date,
        text=_clean("\n\n".join(page.paragraphs)),
        path=str(path),
        source=page.source,
        url=page.url,
    )
