"""The data the reading layer hands to the rest: raw sheets in, clean year tables out."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd


@dataclass
class RawSheet:
    """The cell values of one sheet or CSV file, row by row, before any cleaning.

    ``rows`` holds Python values as the source gave them (str, int, float,
    datetime or None). ``first_row`` is the sheet row number of ``rows[0]``, so
    notes and errors can name the row the user sees.
    """

    file: str
    sheet: str | None
    rows: list[tuple]
    first_row: int = 1

    @property
    def label(self) -> str:
        """Return 'file' or 'file / sheet', for notes and the report."""
        return f"{self.file} / {self.sheet}" if self.sheet else self.file


@dataclass(frozen=True)
class ReadNote:
    """One thing the reader did to the input: a skipped row, a converted amount, a summed duplicate.

    ``kind`` is a key of ``texts.LABELS`` ('note_...'), ``detail`` a short text
    with the values involved.
    """

    kind: str
    file: str
    sheet: str | None
    row: int | None
    column: str | None
    detail: str


@dataclass(frozen=True)
class ColumnNames:
    """Header texts the user named for the customer, name and revenue columns (None: detect)."""

    customer: str | None = None
    name: str | None = None
    revenue: str | None = None


@dataclass
class YearTable:
    """One clean year: a row per customer, revenue in cents, and what was cleaned.

    ``frame`` has the columns key (matching key), customer (number as shown),
    name and revenue (int64 cents), one row per key. ``input_total`` is the sum
    of every amount read, so the report can show that nothing went missing.
    """

    year: int
    source: RawSheet
    frame: pd.DataFrame
    input_total: int
    notes: list[ReadNote] = field(default_factory=list)
