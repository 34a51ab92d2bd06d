"""Helpers shared by several test modules: small hand-made years, the CDNOW figures, the CLI in-process."""

from __future__ import annotations

import numpy as np
import pandas as pd

from klantpiramide.cli import main

# The CDNOW sample's matrix under the default split: rows 1997 A-E and Nieuw, columns 1998 A-E and Verloren.
CDNOW_ROWS = {
    "A": [1, 4, 10, 2, 0, 6],
    "B": [0, 8, 27, 18, 7, 34],
    "C": [0, 8, 36, 58, 64, 187],
    "D": [0, 1, 11, 46, 78, 451],
    "E": [0, 0, 11, 32, 93, 1156],
    "Nieuw": [0, 0, 0, 0, 0, 0],
}
CDNOW_COLUMNS = ["A", "B", "C", "D", "E", "Verloren"]


def year(rows: list[tuple[str, int]]) -> pd.DataFrame:
    """Build a year frame from (customer number, revenue in cents) pairs; names are 'Klant <number>'."""
    return pd.DataFrame(
        {
            "key": [number for number, _ in rows],
            "customer": [number for number, _ in rows],
            "name": [f"Klant {number}" for number, _ in rows],
            "revenue": np.array([cents for _, cents in rows], dtype=np.int64),
        }
    )


def run(capsys, *arguments) -> tuple[int, str, str]:
    """Run the command line in-process; return the exit code, stdout and stderr."""
    code = main([str(argument) for argument in arguments])
    captured = capsys.readouterr()
    return code, captured.out, captured.err
