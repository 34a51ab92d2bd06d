"""A progress bar on the terminal for the command line, drawn with rich on stderr.

It stays silent with --stil and when stderr is not a terminal, so scripts and
pipes see only the command's output.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Iterator

from klantpiramide.progress import Progress, no_progress
from klantpiramide.texts import label


@contextmanager
def terminal_progress(language: str, quiet: bool = False) -> Iterator[Progress]:
    """Yield a Progress that draws a bar on stderr, or one that shows nothing."""
    if quiet or not sys.stderr.isatty():
        yield no_progress
        return

    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress as Bar, TextColumn, TimeElapsedColumn

    bar = Bar(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    task = bar.add_task("", total=None)

    def show(step: str, done: int = 0, total: int = 0) -> None:
        bar.update(task, description=label(step, language, done=done, total=total), completed=done, total=total or None)

    with bar:
        yield show
