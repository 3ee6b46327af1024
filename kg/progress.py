"""Progress bars (tqdm) for the long commands, shown only when they go to a terminal.

>>> import io
>>> with bar(3, "articles") as update:   # not a terminal: nothing is written
...     update(3)
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

__all__ = ["bar"]


@contextmanager
def bar(total: int | None, what: str, file=None) -> Iterator[Callable[[int], None]]:
    """A context giving ``update(n)``: a tqdm bar on ``file`` (standard error) when it is a terminal,
    else a function that does nothing."""
    out = sys.stderr if file is None else file
    if not (hasattr(out, "isatty") and out.isatty()):
        yield _nothing
        return
    from tqdm import tqdm

    with tqdm(total=total, desc=f"kg: {what}", unit="", file=out, leave=False, dynamic_ncols=True) as progress:
        yield progress.update


def _nothing(n: int = 1) -> None:
    """The update of a bar that is not shown."""
