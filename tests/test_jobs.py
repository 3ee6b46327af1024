"""``kg ingest --jobs N``: worker processes parse, the parent writes; the graph, the report and the exit status
are those of one process, a failing article is named and costs nothing else, Ctrl-C stops the workers."""

from __future__ import annotations

import os
import pickle
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.errors import Errors, GazetteerError, InputError, ModelError, PolicyError, QueryLimit, RuleError, UsageError

from .conftest import ROOT, SEED, run_kg

pytestmark = pytest.mark.model

# articles the repository ships (a clean clone has no ../shared beside it)
DEV = ROOT / "bench" / "fresh" / "trade" / "articles"

# Two articles that give one entity two labels ("Novatek Rubber", "NOVATEK RUBBER"): the first one written keeps
# its label, the other's becomes an alias. The first in the input's order is the longer one (it takes longer to
# parse), so that a run that wrote whichever article was parsed first would give the other label.
FIRST = "3 March 2024\n\nTyres for MAZ\n\nNovatek Rubber makes tyres for MAZ. Kirov Forge supplies axles to KAMAZ.\n"
SECOND = "4 March 2024\n\nTyres again\n\nNOVATEK RUBBER makes tyres for MAZ. The Kirov Forge plant supplies axles to KAMAZ.\n"


def corpus(folder: Path) -> Path:
    """The seed, four trade stories, the two articles that disagree on a label, and an empty file (rejected)."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(SEED, folder / SEED.name)
    for path in sorted(DEV.glob("*.txt"))[:4]:
        shutil.copy(path, folder / path.name)
    padding = "\n\n".join(
        path.read_text(encoding="utf-8").split("\n\n", 2)[2] for path in sorted(DEV.glob("*.txt"))[4:7]
    )
    (folder / "c1.txt").write_text(FIRST + "\n" + padding, encoding="utf-8")
    (folder / "c2.txt").write_text(SECOND, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return folder


def _ingest_in_two(articles: Path, store: Path, **popen) -> subprocess.Popen:
    """``kg ingest ARTICLES --jobs 2`` started in the background (``popen``: where its output goes)."""
    env = {k: v for k, v in os.environ.items() if k != "KG_STORE"}
    command = [sys.executable, "-m", "kg", "ingest", str(articles), "--store", str(store), "--jobs", "2"]
    return subprocess.Popen(command, cwd=ROOT, env=env, **popen)


def nquads(store: Path) -> bytes:
    result = subprocess.run(
        [sys.executable, "-m", "kg", "export", "--format", "nquads", "--store", str(store)],
        cwd=ROOT,
        capture_output=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_two_processes_give_the_graph_and_report_of_one(tmp_path):
    articles = corpus(tmp_path / "articles")
    one = run_kg("ingest", str(articles), "--store", str(tmp_path / "one"))
    two = run_kg("ingest", str(articles), "--store", str(tmp_path / "two"), "--jobs", "2")
    assert one.returncode == two.returncode == 1, two.stderr  # the empty file
    assert two.stderr == one.stderr
    assert "kg: 7 article(s): 7 added, 0 replaced, 0 unchanged;" in two.stderr
    assert f"kg: rejected {articles / 'empty.txt'}: {Errors.E101}" in two.stderr
    exported = nquads(tmp_path / "two")
    assert exported == nquads(tmp_path / "one")
    assert b'"Novatek Rubber"' in exported and b'"NOVATEK RUBBER"' in exported  # one label, one alias
    again = run_kg("ingest", str(articles), "--store", str(tmp_path / "two"), "--jobs", "2")
    assert "7 unchanged" in again.stderr and nquads(tmp_path / "two") == exported


def test_an_article_that_fails_is_named_and_the_run_goes_on(tmp_path):
    """The blank pipeline (no parser) fails on every article: each is rejected with its file name and the
    error, as in one process; the run ends with status 1, not a traceback."""
    articles = corpus(tmp_path / "articles")
    one = run_kg("--model", "blank", "ingest", str(articles), "--store", str(tmp_path / "one"))
    two = run_kg("--model", "blank", "ingest", str(articles), "--store", str(tmp_path / "two"), "--jobs", "2")
    assert two.returncode == one.returncode == 1
    assert two.stderr == one.stderr and "Traceback" not in two.stderr
    assert f"kg: rejected {articles / SEED.name}: extraction failed: ValueError: [E030]" in two.stderr
    assert "kg: 8 input(s) rejected" in two.stderr


def test_an_unknown_model_is_one_line(tmp_path):
    result = run_kg(
        "--model", "no_such_model", "ingest", str(corpus(tmp_path / "a")), "--store", str(tmp_path / "s"), "--jobs", "2"
    )
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg ingest: error: cannot load the spaCy model 'no_such_model'")
    assert lines[0].endswith("[E702]")


def test_strict_with_jobs_writes_nothing_when_an_article_gives_no_claim(tmp_path):
    from kg.pipeline import Extractor, ingest
    from kg.store import open_store

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("3 March 2024\n\nTrucks\n\nMAZ supplies trucks to Cuba.\n", encoding="utf-8")
    (folder / "b.txt").write_text("3 March 2024\n\nWeather\n\nIt rained in Minsk all day.\n", encoding="utf-8")
    store = open_store(tmp_path / "store")
    report = ingest([folder], store, Extractor(), strict=True, jobs=2)
    assert report.aborted and [str(w) for w in report.warnings] == [f"{folder / 'b.txt'}: {Errors.E136}"]
    assert store.count_quads() == 0


def test_jobs_out_of_range_are_usage_errors(tmp_path):
    from kg.pipeline import ingest
    from kg.store import open_store

    for jobs in (0, -1, 65, 1.5):
        with pytest.raises(UsageError, match=r"\[E481\]"):
            ingest([SEED], open_store(tmp_path / "store"), jobs=jobs)
    for text in ("0", "two", "65"):
        result = run_kg("ingest", str(SEED), "--jobs", text, "--store", str(tmp_path / "s"))
        assert result.returncode == 2 and "[E481]" in result.stderr and len(result.stderr.splitlines()) == 1


def test_the_model_is_loaded_once_per_process():
    from kg.pipeline import Extractor
    from kg.workers import _EXTRACTORS, worker_extractor

    first = worker_extractor(Extractor())
    assert worker_extractor(Extractor()) is first and first._loaded is not None
    assert worker_extractor(Extractor(min_confidence=0)) is not first  # another configuration, another pipeline
    assert len([key for key in _EXTRACTORS if key[0] is None]) == 2


@pytest.mark.skipif(sys.platform != "linux", reason="workers are forked on Linux only")
def test_forked_workers_parse_with_the_pipeline_the_parent_loaded():
    """On Linux the workers are forked once the parent has loaded the pipeline, and parse with it: given a
    parent whose loaded pipeline is spaCy's blank one (no parser) under the default model's settings, every
    article fails in the workers as that pipeline fails, where workers loading the model themselves would
    have parsed them."""
    from kg.articles import read_articles
    from kg.extract import load_rules
    from kg.gazetteer import load_gazetteer
    from kg.nlp import load_pipeline
    from kg.pipeline import Extractor
    from kg.workers import extracted_in_processes, start_method

    assert start_method() == "fork"
    gazetteer = load_gazetteer()
    parent = Extractor(_loaded=(gazetteer, load_rules(), load_pipeline(gazetteer, "blank")))
    articles, _ = read_articles(sorted(DEV.glob("*.txt"))[:3])
    failed: list[InputError] = []
    assert list(extracted_in_processes(articles, parent, failed, 2)) == []
    assert [error.path for error in failed] == [article.path for article in articles]
    assert all("extraction failed: ValueError: [E030]" in str(error) for error in failed)


def test_workers_are_spawned_where_forking_is_unsafe(monkeypatch):
    from kg import workers

    for platform, method in (("linux", "fork"), ("darwin", "spawn"), ("win32", "spawn")):
        monkeypatch.setattr(workers.sys, "platform", platform)
        assert workers.start_method() == method


def test_batches_shrink_towards_the_end_and_keep_the_order():
    from kg.workers import BATCH, batches

    articles = list(range(1000))
    cut = batches(articles, 2)
    sizes = [len(batch) for batch in cut]
    assert [a for batch in cut for a in batch] == articles
    assert sizes[0] == max(sizes) == BATCH  # parse streams as long as one process's while there is much to do
    assert all(a >= b for a, b in zip(sizes, sizes[1:])) and sizes[-1] == 4  # short at the end: the two finish
    # together


def test_errors_sent_back_by_a_worker_are_the_same_errors():
    for error in (
        InputError("a.jsonl", "missing required field 'id' [E109]", line=3),
        InputError("b.txt", "empty file [E101]"),
        RuleError("relations.jsonl", "supplies/verb", "unknown role"),
        GazetteerError("entities.jsonl", 4, "no id"),
        ModelError("confidence.json", "no weights"),
        PolicyError("input.json", Errors.E707),
        QueryLimit("stopped", "timeout"),
    ):
        back = pickle.loads(pickle.dumps(error))
        assert type(back) is type(error) and str(back) == str(error) and vars(back) == vars(error)


def _children(pid: int) -> list[int]:
    import psutil

    return [child.pid for child in psutil.Process(pid).children(recursive=True)]


def test_ctrl_c_stops_the_workers_and_is_one_line(tmp_path):
    """Ctrl-C on a terminal signals the whole process group: the parent answers with its one line and status
    130, the workers print nothing and are gone."""
    import psutil

    articles = tmp_path / "articles"
    articles.mkdir()
    text = SEED.read_text(encoding="utf-8")
    for n in range(40):
        (articles / f"s{n:02}.txt").write_text(text, encoding="utf-8")
    process = _ingest_in_two(
        articles,
        tmp_path / "store",
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # a process group of its own, as a terminal's foreground job has
    )
    deadline = time.monotonic() + 120
    workers: list[int] = []
    while len(workers) < 2 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
        workers = [  # forked (Linux) or spawned workers; not multiprocessing's resource tracker
            pid for pid in _children(process.pid) if "resource_tracker" not in " ".join(psutil.Process(pid).cmdline())
        ]
    assert len(workers) >= 2 and process.poll() is None, "the workers did not start"
    time.sleep(1.0)  # loading the model, or parsing
    os.killpg(process.pid, signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130
    assert stderr.strip() == f"kg: {Errors.E806}"
    deadline = time.monotonic() + 10
    while any(psutil.pid_exists(pid) and psutil.Process(pid).status() != psutil.STATUS_ZOMBIE for pid in workers):
        assert time.monotonic() < deadline, "a worker outlived its parent"
        time.sleep(0.1)


def test_the_progress_bar_counts_the_articles_on_a_terminal(tmp_path):
    import fcntl
    import pty
    import struct
    import termios

    articles = corpus(tmp_path / "articles")
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a terminal 100 columns wide
    process = _ingest_in_two(articles, tmp_path / "store", stdout=subprocess.DEVNULL, stderr=follower)
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closed: the command ended
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    assert process.wait(timeout=120) == 1
    lines = shown.decode("utf-8", "replace").replace("\r\n", "\n").replace("\r", "\n").splitlines()
    counts = [int(line.split()[2]) for line in lines if line.startswith("kg: articles: ")]
    assert len(counts) >= 2 and counts == sorted(set(counts)) and 1 <= counts[-1] <= 7, lines  # it counted up
    summary = re.compile(r"kg: 7 article\(s\): 7 added, 0 replaced, 0 unchanged; \d+ claim\(s\) extracted")
    assert any(summary.fullmatch(line) for line in lines), lines  # a line of its own, after the bar
