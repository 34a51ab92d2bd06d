"""Progress of a long job, reported as steps: reading, classifying, writing sheet X of Y, saving.

The job calls a ``Progress`` function; each front end shows it its own way
(a progress bar on the command line, the status bar in Excel). Steps are
label keys of ``texts.LABELS``, so they can be shown in Dutch or English.
"""

from __future__ import annotations

from typing import Protocol


class Progress(Protocol):
    """Receives the current step; ``done`` and ``total`` count sheets where that applies."""

    def __call__(self, step: str, done: int = 0, total: int = 0) -> None: ...


def no_progress(step: str, done: int = 0, total: int = 0) -> None:
    """Ignore progress; the default when a caller shows none."""
