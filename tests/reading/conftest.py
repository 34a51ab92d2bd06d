"""Fixtures of the reading tests: the folder of input files and short ways to read and inspect them."""

from __future__ import annotations

from pathlib import Path

import pytest

from klantpiramide.reading import ColumnNames, ReadOptions, YearTable, read_year_table
from klantpiramide.reading.files import open_sheets

DATA = Path(__file__).resolve().parents[1] / "data" / "reading"


def _read_file(name: str, year: int = 2024, names: ColumnNames = ColumnNames(), options: ReadOptions = ReadOptions()) -> YearTable:
    sheet = open_sheets(DATA / name)[0]
    return read_year_table(sheet, year, names, options)


def _frame_rows(table: YearTable) -> list[tuple[str, str, str, int]]:
    return [(row.key, row.customer, row.name, int(row.revenue)) for row in table.frame.itertuples(index=False)]


def _notes_of(table: YearTable, kind: str) -> list[tuple[int | None, str | None, str]]:
    return [(note.row, note.column, note.detail) for note in table.notes if note.kind == kind]


@pytest.fixture
def data() -> Path:
    """The folder of the reading tests' input files."""
    return DATA


@pytest.fixture
def read_file():
    """Read ``year`` from the first sheet of an input file, as the add-in reads a sheet."""
    return _read_file


@pytest.fixture
def frame_rows():
    """Return a year table's frame as (key, customer, name, revenue) tuples, in frame order."""
    return _frame_rows


@pytest.fixture
def notes_of():
    """Return (row, column, Dutch detail) of a table's notes of one kind."""
    return _notes_of
