"""Reading articles: the seed's .txt layout, JSON Lines corpora, HTML pages, and every bad input named."""

import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.articles import parse_date, read_articles, read_file
from kg.errors import InputError
from kg.hygiene import scrub

from .conftest import SEED


def test_seed_layout():
    articles, errors = read_articles([SEED])
    assert errors == []
    (article,) = articles
    assert article.id == "000_96bef5b325124bb3"
    assert article.date == dt.date(2023, 2, 20)
    assert article.title.startswith("Lukashenko hails progress in Belarus-Russia import substitution")
    assert article.source == "belta.by"
    assert article.text.startswith("We have made progress in import substitution")
    assert "Written by" not in article.text
    assert article.content.startswith(article.title + "\n\n")


def test_txt_without_date_line_takes_first_line_as_title(tmp_path):
    path = tmp_path / "nodate.txt"
    path.write_text("Title of the piece\n\nBody text here.\n", encoding="utf-8")
    (article,), errors = read_file(path)
    assert errors == [] and article.date is None and article.title == "Title of the piece"


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"", "empty file"),
        (b"   \n\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (b"\xfa\xfb bad bytes", "not valid UTF-8"),
        (b"\xff\xfe\xfa bad bytes", "not valid UTF-16"),  # a UTF-16 byte order mark, then an odd byte out
        (b"20 February 2023\n\nOnly a title\n", "no article text after the title"),
    ],
)
def test_bad_txt_is_rejected_with_its_reason(tmp_path, content, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    articles, errors = read_articles([path])
    assert articles == []
    assert len(errors) == 1 and reason in str(errors[0]) and str(path) in str(errors[0])


def test_jsonl_good_and_bad_lines(tmp_path):
    path = tmp_path / "corpus.jsonl"
    good = {
        "id": "x1",
        "title": "MAZ ships trucks",
        "date": "2024-03-01",
        "text": "MAZ ships trucks to Cuba.",
        "url": "https://example.org/x1",
        "source": "example.org",
    }
    lines = [
        json.dumps(good),
        "{not json",
        json.dumps({"id": "x2", "title": "T", "date": "2024-03-01"}),
        json.dumps({**good, "id": "x3", "date": "someday"}),
        "",
        json.dumps(["a list"]),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, errors = read_articles([path])
    assert [a.id for a in articles] == ["x1"]
    assert articles[0].url == "https://example.org/x1" and articles[0].source == "example.org"
    assert articles[0].line == 1
    messages = [str(e) for e in errors]
    assert messages[0].startswith(f"{path}:2: invalid JSON")
    assert messages[1] == f"{path}:3: missing required field 'text' [E109]"
    assert messages[2].startswith(f"{path}:4: unreadable date 'someday'")
    assert messages[3] == f"{path}:6: a JSON Lines record must be an object, got list [E108]"


def test_same_file_names_in_two_folders_are_two_articles(tmp_path):
    (tmp_path / "day1").mkdir()
    (tmp_path / "day2").mkdir()
    (tmp_path / "day1" / "news.txt").write_text("1 May 2024\n\nTitle\n\nBody.\n")
    (tmp_path / "day2" / "news.txt").write_text("2 May 2024\n\nOther\n\nAnother body.\n")
    articles, errors = read_articles([tmp_path])
    assert [a.id for a in articles] == ["day1/news", "day2/news"] and errors == []
    assert [a.id for a in read_articles([tmp_path / "day1" / "news.txt"])[0]] == ["news"]  # a file alone: its name


def test_saved_pages_are_known_by_their_canonical_url(tmp_path):
    for day in ("day1", "day2"):
        (tmp_path / day).mkdir()
        (tmp_path / day / "index.html").write_text(
            f'<html><head><link rel="canonical" href="https://example.org/{day}"></head><body><h1>T</h1>'
            "<p>Body.</p></body></html>",
            encoding="utf-8",
        )
    (tmp_path / "plain.html").write_text("<html><body><h1>T</h1><p>Body.</p></body></html>", encoding="utf-8")
    articles, errors = read_articles([tmp_path])
    assert [a.id for a in articles] == ["https://example.org/day1", "https://example.org/day2", "plain"]


def test_duplicate_ids_are_rejected_naming_the_first(tmp_path):
    line = '{{"id": "x1", "title": "T", "date": "2024-05-01", "text": "{}"}}\n'
    (tmp_path / "a.jsonl").write_text(line.format("One."))
    (tmp_path / "b.jsonl").write_text(line.format("Two."))
    articles, errors = read_articles([tmp_path])
    assert len(articles) == 1
    assert "already given by" in str(errors[0]) and str(tmp_path / "a.jsonl") in str(errors[0])


def test_folders_are_walked_sorted_and_hidden_files_skipped(tmp_path):
    for name in ("b.txt", "a.txt"):
        (tmp_path / name).write_text("1 May 2024\n\nTitle\n\nBody.\n")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x01")
    (tmp_path / "notes.md").write_text("# notes")
    articles, errors = read_articles([tmp_path])
    assert [a.id for a in articles] == ["a", "b"]
    assert [str(e) for e in errors] == [
        f"{tmp_path / 'notes.md'}: unsupported file type '.md' (expected .txt, .jsonl or .html) [E112]"
    ]


def test_missing_path_is_named(tmp_path):
    articles, errors = read_articles([tmp_path / "nowhere"])
    assert articles == [] and str(errors[0]) == f"{tmp_path / 'nowhere'}: no such file or folder [E113]"


def test_html_page(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(
        """<html><head><title>Site | x</title>
        <meta property="og:site_name" content="Example News">
        <meta property="article:published_time" content="2024-05-02T10:00:00Z">
        <link rel="canonical" href="https://example.org/news/1"></head>
        <body><nav><p>Menu</p></nav><h1>MAZ and KAMAZ agree</h1>
        <p>MAZ supplies <b>axles</b> to KAMAZ.</p><script>var x = "<p>no</p>";</script>
        <p>Second paragraph.</p><footer><p>(c) 2024</p></footer></body></html>""",
        encoding="utf-8",
    )
    (article,), errors = read_file(path)
    assert errors == []
    assert article.title == "MAZ and KAMAZ agree"
    assert article.date == dt.date(2024, 5, 2)
    assert article.source == "Example News" and article.url == "https://example.org/news/1"
    assert article.text == "MAZ supplies axles to KAMAZ.\n\nSecond paragraph."


def test_control_characters_are_dropped(tmp_path):
    path = tmp_path / "ctl.txt"
    path.write_text("1 May 2024\n\nTitle\x0b here\n\nBody\x07 text.\n", encoding="utf-8")
    (article,), _ = read_file(path)
    assert article.title == "Title here" and article.text == "Body text."


@pytest.mark.parametrize(
    "text, expected",
    [
        ("20 February 2023", dt.date(2023, 2, 20)),
        ("February 20, 2023", dt.date(2023, 2, 20)),
        ("2023-02-20", dt.date(2023, 2, 20)),
        ("20.02.2023", dt.date(2023, 2, 20)),
        ("4 Dec 2025", dt.date(2025, 12, 4)),
    ],
)
def test_dates(text, expected):
    assert parse_date(text) == expected


@settings(max_examples=60, deadline=None)
@given(
    # text fit for the graph: what the reader removes by design (noncharacters such as U+FDD0, which the
    # category Cn holds) is tested in tests/test_input_properties.py
    title=st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1)
    .map(scrub)
    .filter(lambda t: t.strip() and "\n" not in t and not t.strip().lower().startswith("written by")),
    body=st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1)
    .map(scrub)
    .filter(lambda t: t.strip() and not t.strip().lower().startswith("written by")),
)
def test_txt_round_trip(tmp_path_factory, title, body):
    path = tmp_path_factory.mktemp("rt") / "a.txt"
    path.write_text(f"1 May 2024\n\n{title}\n\n{body}\n", encoding="utf-8")
    articles, errors = read_articles([path])
    if errors:  # a title that reads as a date is a legitimate rejection, never a crash
        assert all(isinstance(e, InputError) for e in errors)
        return
    assert articles[0].title == " ".join(title.split())
    assert " ".join(articles[0].text.split()) == " ".join(body.split())
