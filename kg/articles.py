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
import errno
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .decode import DecodeError, decode
from .errors import MSG, InputError
from .htmlpage import parse_page
from .hygiene import first_unfit, printable, scrub
from .language import language_problem
from .policy import InputPolicy, load_policy
from .records import Article

__all__ = [
    "read_articles",
    "read_file",
    "article_id",
    "iter_input_files",
    "parse_date",
    "find_dateline",
    "Dateline",
    "SUFFIXES",
]

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
    r" ?(?:\((?P<agency>[A-Za-z][A-Za-z0-9 .&/-]{1,30})\))?"  # (Reuters), (bdnews24)
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
    >>> find_dateline("DHAKA, July 16 (bdnews24) - Ha-Meem Group said ...").agency
    'bdnews24'
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
    """Every file under the given paths, in sorted order, with an error for the unusable ones: an unknown
    suffix, a dangling symbolic link or a loop of them, a folder that cannot be listed, a missing path."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path)
        elif path.is_file():
            yield path, _suffix_error(path)
        elif path.exists():
            yield path, InputError(path, MSG["not_a_file"])  # a device, a pipe, a socket
        else:
            yield path, _missing(path)


def _walk(root: Path) -> Iterator[tuple[Path, InputError | None]]:
    """The files under a folder, sorted, skipping hidden files and folders (.DS_Store, .git); a folder
    linked twice (a loop of symbolic links) is listed once."""
    found: list[tuple[Path, InputError | None]] = []
    seen: set[str] = set()

    def unlistable(error: OSError) -> None:
        found.append(
            (
                Path(error.filename or root),
                InputError(error.filename or root, MSG["cannot_list"].format(reason=error.strerror or error)),
            )
        )

    for folder, dirs, files in os.walk(root, onerror=unlistable, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen:
            dirs[:] = []
            continue
        seen.add(real)
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if name.startswith("."):
                continue
            child = Path(folder) / name
            if child.is_file():
                found.append((child, _suffix_error(child)))
            elif child.is_symlink() or not child.exists():
                found.append((child, _missing(child)))
            else:
                found.append((child, InputError(child, MSG["not_a_file"])))
    yield from sorted(found, key=lambda pair: pair[0])


def _missing(path: Path) -> InputError:
    if path.is_symlink():
        try:
            os.stat(path)
        except OSError as e:
            if e.errno == errno.ELOOP:
                return InputError(path, MSG["link_loop"])
        return InputError(path, MSG["dangling_link"].format(target=os.readlink(path)))
    return InputError(path, MSG["not_found"])


def _suffix_error(path: Path) -> InputError | None:
    if path.suffix.lower() in SUFFIXES:
        return None
    return InputError(path, MSG["unsupported"].format(suffix=printable(path.suffix) or "(none)"))


def read_articles(
    paths: Iterable[str | Path], policy: InputPolicy | None = None
) -> tuple[list[Article], list[InputError]]:
    r"""Read every article under ``paths``; return them with the rejections.

    Parameters
    ----------
    paths : iterable of str or Path
        Files (``.txt`` in the seed's layout, ``.jsonl``, ``.html``) and
        folders, walked in sorted order (hidden files skipped).
    policy : InputPolicy, optional
        The limits of what is read as an article (default: ``ontology/input.json``,
        :func:`kg.policy.load_policy`).

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
    policy = policy or load_policy()
    articles: list[Article] = []
    errors: list[InputError] = []
    seen: dict[str, str] = {}
    for raw, path, error in ((given, found, bad) for given in paths for found, bad in iter_input_files([given])):
        if error is not None:
            errors.append(error)
            continue
        found, bad = read_file(path, policy, root=raw if Path(raw).is_dir() else None)
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


def article_id(path: Path, root: str | Path | None = None, url: str | None = None) -> str:
    """An article's id when it gives none of its own: its canonical URL, else its path relative to the
    folder ingested (``root``; a file given by itself: its folder), without the suffix.

    >>> article_id(Path("corpus/day1/news.txt"), "corpus"), article_id(Path("corpus/day1/news.txt"))
    ('day1/news', 'news')
    >>> article_id(Path("saved/index.html"), "saved", url="https://belta.by/news/1")
    'https://belta.by/news/1'
    """
    if url:
        return url
    relative = path.relative_to(root) if root is not None else Path(path.name)
    return relative.with_suffix("").as_posix()


def read_file(
    path: str | Path, policy: InputPolicy | None = None, root: str | Path | None = None
) -> tuple[list[Article], list[InputError]]:
    """Read one file; a ``.jsonl`` file may give several articles and several errors. ``root``: the
    folder being ingested, which ids of ``.txt`` and ``.html`` files are relative to (:func:`article_id`)."""
    policy = policy or load_policy()
    path = Path(path)
    suffix = path.suffix.lower()
    try:
        if suffix != ".jsonl":
            size = path.stat().st_size
            if size > 4 * policy.max_article_chars:  # at most 4 bytes a character in UTF-8
                return [], [InputError(path, MSG["file_too_big"].format(size=size, limit=policy.max_article_chars))]
        data = path.read_bytes()
    except OSError as e:
        return [], [InputError(path, MSG["unreadable"].format(reason=e.strerror or e))]
    text, encoding, error = _decode(path, data, html=suffix in (".html", ".htm"))
    if error:
        return [], [error]
    read_as = "" if encoding in ("UTF-8", "UTF-16") else f" (read as {encoding})"
    if suffix == ".jsonl":
        return _read_jsonl(path, text, policy)
    try:
        name_error = _name_error(path, root)
        if name_error:
            raise InputError(path, name_error)
        if suffix in (".html", ".htm"):
            return [_checked(_read_html(path, text, root), policy)], []
        problem = language_problem(text, policy, read_as)  # before the layout: a Russian date line is no bad date
        if problem:
            raise InputError(path, problem)
        return [_checked(_read_txt(path, text, root), policy)], []
    except InputError as e:
        return [], [e]


def _name_error(path: Path, root: str | Path | None = None) -> str | None:
    """Why a file's name (its path below ``root``, the id :func:`article_id` makes of it) cannot be its
    articles' id, or None."""
    name = article_id(path, root)
    try:
        os.fsencode(name).decode("utf-8")
    except UnicodeDecodeError:
        return MSG["undecodable_name"]
    why = first_unfit(name)
    return MSG["unfit_name"].format(why=why) if why else None


def _decode(path: Path, data: bytes, html: bool = False) -> tuple[str, str, InputError | None]:
    """The file's text (unfit characters scrubbed, line ends made "\\n"), the encoding it was read in, or an
    error."""
    if not data.strip():
        return "", "", InputError(path, MSG["empty"])
    try:
        text, encoding = decode(data, html=html)
    except DecodeError as e:
        return "", "", InputError(path, e.reason)
    if not text.strip():
        return "", encoding, InputError(path, MSG["empty"])
    if _control_ratio(text) > 0.1:  # a stray control character is cleaned; a tenth of them is not text
        return "", encoding, InputError(path, MSG["binary"])
    return scrub(text.replace("\r\n", "\n").replace("\r", "\n")), encoding, None


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")  # under 32, and not one of "\t\n\v\f\r" (9 to 13)


def _control_ratio(text: str) -> float:
    bad = len(_CONTROL.findall(text))
    return bad / max(len(text), 1)


def _clean(text: str) -> str:
    """Drop unfit characters (kept out of the graph: Oxigraph and RDF tools refuse some)."""
    return scrub(text)


def _checked(article: Article, policy: InputPolicy) -> Article:
    """The article, if it is within the policy's limits and reads as English prose; else an InputError."""
    where = dict(line=article.line)
    for field in ("id", "url", "source"):
        value = getattr(article, field)
        if value is not None and len(value) > policy.max_field_chars:
            raise InputError(article.path, MSG["long_field"].format(field=field, limit=policy.max_field_chars), **where)
    if len(article.title) > policy.max_title_chars:
        raise InputError(article.path, MSG["long_field"].format(field="title", limit=policy.max_title_chars), **where)
    size = len(article.content)
    if size > policy.max_article_chars:
        raise InputError(article.path, MSG["too_big"].format(size=size, limit=policy.max_article_chars), **where)
    if article.date is not None and article.date > dt.date.today() + dt.timedelta(days=policy.future_days):
        raise InputError(article.path, MSG["future_date"].format(value=article.date.isoformat()), **where)
    problem = language_problem(article.content, policy)
    if problem:
        raise InputError(article.path, problem, **where)
    return article


_DATE_WORD = re.compile(r"^(?:" + _MONTH + r"|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?)$", re.I)


def _looks_like_date(line: str) -> bool:
    """A first line meant as a date ("20 Febuary 2023", "2023-13-45", "Monday, 20 February 2023"), which
    is refused when unreadable, rather than a title ("Belarus 2023", "MAZ ships 500 trucks").

    >>> [_looks_like_date(s) for s in ("20 Febuary 2023", "2023-13-45", "Belarus 2023", "March 2023")]
    [True, True, False, True]
    """
    tokens = re.split(r"[\s,/.-]+", line.strip())
    tokens = [t for t in tokens if t]
    if not tokens or len(tokens) > 5 or len(line) > 40:
        return False
    numbers = [t for t in tokens if t.isdigit()]
    words = [t for t in tokens if not t.isdigit()]
    if not numbers or any(not w.isalpha() for w in words):
        return False
    unknown = [w for w in words if not _DATE_WORD.match(w)]
    return not unknown or (len(unknown) == 1 and len(numbers) >= 2)


def _read_txt(path: Path, text: str, root: str | Path | None = None) -> Article:
    lines = text.split("\n")
    blocks = [line.strip() for line in lines]
    nonblank = [(i, line) for i, line in enumerate(blocks) if line]
    date = None
    first_i, first = nonblank[0]
    rest = nonblank[1:]
    try:
        date = parse_date(first)
    except ValueError:
        if _looks_like_date(first):
            raise InputError(path, MSG["not_date"].format(value=first), line=first_i + 1) from None
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
        id=article_id(path, root),
        title=_clean(" ".join(title.split())),
        date=date,
        text=_clean("\n\n".join(paragraphs)),
        path=str(path),
        source=source,
    )


def _read_jsonl(path: Path, text: str, policy: InputPolicy) -> tuple[list[Article], list[InputError]]:
    articles, errors = [], []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            articles.append(_checked(_record_to_article(path, number, line), policy))
        except InputError as e:
            errors.append(e)
    if not articles and not errors:
        errors.append(InputError(path, MSG["no_articles"]))
    return articles, errors


def _record_to_article(path: Path, number: int, line: str) -> Article:
    try:
        record = json.loads(line)
    except (json.JSONDecodeError, RecursionError) as e:
        error = f"{e.msg} at column {e.colno}" if isinstance(e, json.JSONDecodeError) else "nested too deep"
        raise InputError(path, MSG["bad_json"].format(error=error), line=number) from e
    if not isinstance(record, dict):
        raise InputError(path, MSG["not_object"].format(kind=type(record).__name__), line=number)
    values = {}
    for field in ("id", "title", "date", "text"):
        if field not in record:
            raise InputError(path, MSG["missing_field"].format(field=field), line=number)
        value = record[field]
        if isinstance(value, str) and field != "id":
            value = scrub(value)
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
        if isinstance(value, str) and field == "source":
            value = scrub(value)
        if value is not None and (not isinstance(value, str) or not value.strip()):
            raise InputError(path, MSG["bad_field"].format(field=field), line=number)
        optional[field] = value.strip() if value else None
    for field, value in (("id", values["id"]), ("url", optional["url"])):
        why = first_unfit(value) if value else None
        if why:
            raise InputError(path, MSG["unfit_field"].format(field=field, why=why), line=number)
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


def _read_html(path: Path, text: str, root: str | Path | None = None) -> Article:
    page = parse_page(text)
    if not page.title:
        raise InputError(path, MSG["no_title"])
    if not page.paragraphs:
        raise InputError(path, MSG["no_body"])
    date = None
    if page.date:
        try:
            date = parse_date(page.date)
        except ValueError as e:
            raise InputError(path, MSG["bad_date"].format(value=page.date)) from e
    url = page.url.strip() if page.url else None
    why = first_unfit(url) if url else None
    if why:
        raise InputError(path, MSG["unfit_field"].format(field="url", why=why))
    return Article(
        id=article_id(path, root, url),
        title=_clean(page.title),
        date=date,
        text=_clean("\n\n".join(page.paragraphs)),
        path=str(path),
        source=_clean(page.source).strip() or None if page.source else None,
        url=url,
    )
