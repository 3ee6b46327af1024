"""A corpus of bad inputs, written by the tests (no binary file is committed): every case of issue 10, each
with the reason kg must give for it (None: the input is read, cleaned, and ingested)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from kg.hygiene import printable

BODY = (
    "MAZ supplies axles to KAMAZ, the Belarusian carmaker said on Tuesday. The plant in Minsk has made "
    "parts for the Russian truck maker since 2019, and the two companies plan to widen their cooperation "
    "to buses and engines next year."
)
RUSSIAN = (
    "Минский автомобильный завод поставляет мосты КАМАЗу, сообщили в компании. Белорусские предприятия "
    "производят компоненты для самолётов МС-21 и Суперджет 100."
)


def _record(**fields) -> str:
    record = {"id": "j-ok", "title": "MAZ ships axles", "date": "2024-03-01", "text": BODY, **fields}
    return json.dumps(record)  # ensure_ascii: a lone surrogate stays a \\ud800 escape


def write_bad_corpus(folder: Path) -> dict[str, str | None]:
    """Write the bad inputs into ``folder``; returns {name as kg prints it (file, or file:line): reason}."""
    folder.mkdir(parents=True, exist_ok=True)
    expected: dict[str, str | None] = {}

    def put(name: str, data: bytes | str, reason: str | None) -> None:
        path = folder / name
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        expected[name] = reason

    txt = f"1 May 2024\n\nMAZ ships axles to KAMAZ\n\n{BODY}\n"
    put("utf16.txt", txt.encode("utf-16"), None)
    put("bom8.txt", b"\xef\xbb\xbf" + txt.encode("utf-8"), None)
    put("controls.txt", f"1 May 2024\n\nMAZ\x07 ships \ufffeaxles\uffff\n\n{BODY}\x01\x0b\n", None)
    put(
        "cp1252.txt",
        f"1 May 2024\n\nMAZ ships axles \u2014 for \u20ac5m\n\n{BODY} \u201cWe are glad,\u201d "
        f"said the caf\u00e9 owner.\n".encode("cp1252"),
        None,
    )
    put(
        "latin1-short.txt",
        "1 May 2024\n\nCaf\u00e9\n\nCaf\u00e9 \u00e0 la cr\u00e8me.\n".encode("latin-1"),
        "too unsure to read",
    )
    put(
        "koi8.txt", f"1 May 2024\n\nМАЗ\n\n{RUSSIAN}\n".encode("koi8_r"), "of its letters are Cyrillic (read as koi8_r)"
    )
    put(
        "cp1251.txt",
        f"1 May 2024\n\nМАЗ\n\n{RUSSIAN} {RUSSIAN}\n".encode("cp1251"),
        "of its letters are Cyrillic (read as cp1251)",
    )
    put(
        "russian.txt", f"20 February 2023\n\nМАЗ и КАМАЗ\n\n{RUSSIAN}\n", "not English: 95% of its letters are Cyrillic"
    )
    put("russian-date.txt", f"20 февраля 2023\n\nМАЗ и КАМАЗ\n\n{RUSSIAN}\n", "not English: 100% of its letters")
    put(
        "french.txt",
        "1 May 2024\n\nMAZ livre des essieux\n\n" + "L'usine de Minsk livre des essieux au "
        "constructeur russe depuis 2019, et les deux entreprises veulent \u00e9largir leur "
        "coop\u00e9ration aux autobus et aux moteurs. " * 3 + "\n",
        "of its words are common English words",
    )
    put(
        "numbers.txt",
        "1 May 2024\n\nFigures\n\n" + " ".join(f"{i},{i * 7};{i * 13}" for i in range(400)) + "\n",
        "mostly not language",
    )
    put("base64.txt", "1 May 2024\n\nBlob\n\n" + "QUJD" * 3000 + "\n", "mostly not language")
    put("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file")
    put("badutf16.txt", b"\xff\xfe" + "1 May 2024".encode("utf-16-le") + b"\x00", "not valid UTF-16")
    put("baddate.txt", f"31 Febuary 2023\n\nMAZ ships axles\n\n{BODY}\n", "unreadable date line '31 Febuary 2023'")
    expected["baddate.txt:1"] = expected.pop("baddate.txt")  # named with its line
    put("future.txt", f"1 May 2999\n\nMAZ ships axles\n\n{BODY}\n", "date 2999-05-01 is in the future")
    put(
        "html-p.html",
        f"<html><head><title>MAZ</title></head><body><h1>MAZ ships axles</h1><p>{BODY}"
        f"<p>KAMAZ said it was pleased.<ul><li>Third point</ul><script>var p='<p>no'</script>"
        f"</body></html>",
        None,
    )
    put(
        "html-1251.html",
        f'<html><head><meta charset="windows-1251"><title>MAZ</title></head><body>'
        f"<p>{BODY} \u2014 \u201cyes\u201d.</p></body></html>".encode("cp1251"),
        None,
    )
    put(
        "html-equiv.html",
        f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r">'
        f"<title>MAZ</title></head><body><p>{BODY} In Russian it is МАЗ.</p></body></html>".encode("koi8_r"),
        None,
    )
    put(
        "html-bad-charset.html",
        b'<meta charset="x-no-such-thing"><title>T</title><p>caf\xe9</p>',
        "declares an unknown charset 'x-no-such-thing'",
    )
    put("big.txt", "1 May 2024\n\nA long one\n\n" + (BODY + "\n\n") * 400, "over the limit of 50,000")
    put(
        "mixed.jsonl",
        "\n".join(
            [
                _record(id="j-surrogate-text", title="MAZ \ud800ships axles", text=BODY + " \udfff"),
                _record(id="j-\ud800"),
                _record(id="j-bell\x07"),
                _record(id="j-url", url="https://example.org/a\x00b"),
                _record(id="j-nonchar", source="Example\ufffe News"),
                _record(id="j-future", date="2999-01-01"),
                _record(id="j-ru", text=RUSSIAN),
            ]
        )
        + "\n",
        None,
    )
    expected.pop("mixed.jsonl")
    expected.update(
        {
            "mixed.jsonl:1": None,
            "mixed.jsonl:2": "field 'id' holds a lone surrogate U+D800",
            "mixed.jsonl:3": "field 'id' holds a control character U+0007",
            "mixed.jsonl:4": "field 'url' holds a control character U+0000",
            "mixed.jsonl:5": None,
            "mixed.jsonl:6": "date 2999-01-01 is in the future",
            "mixed.jsonl:7": "not English",
        }
    )
    with open(os.path.join(os.fsencode(folder), b"caf\xe9-latin1-name.txt"), "wb") as out:
        out.write(txt.encode("utf-8"))
    expected["caf\\xe9-latin1-name.txt"] = "file name is not valid UTF-8"
    put("bell\x07name.txt", txt, "file name unusable as an article id: control character U+0007")
    os.symlink(folder / "nowhere.txt", folder / "dangling.txt")
    expected["dangling.txt"] = "dangling symbolic link"
    os.symlink(folder / "loop-b.txt", folder / "loop-a.txt")
    os.symlink(folder / "loop-a.txt", folder / "loop-b.txt")
    expected["loop-a.txt"] = "symbolic link loop"
    expected["loop-b.txt"] = "symbolic link loop"
    return {printable(name): reason for name, reason in expected.items()}


def good_ids(expected: dict[str, str | None]) -> set[str]:
    """The article ids the corpus must give (the inputs expected to be read)."""
    ids = {name.rsplit(".", 1)[0] for name, reason in expected.items() if reason is None and ":" not in name}
    return ids | {"j-surrogate-text", "j-nonchar"}
