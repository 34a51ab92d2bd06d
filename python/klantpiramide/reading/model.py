"""The data the reading layer hands to the rest: raw sheets in, clean year tables out."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from klantpiramide.texts import DEFAULT_LANGUAGE, note_detail


@dataclass(frozen=True)
class CellError:
    """An Excel error value in a cell, such as '#N/A' or '#DIV/0!'."""

    code: str

    def __str__(self) -> str:
        return self.code


@dataclass
class RawSheet:
    """The cell values of one sheet or CSV file, row by row, before any cleaning.

    ``rows`` contains Python values as the source gave them (str, int, float,
    date, datetime, CellError or None). ``first_row`` and ``first_column`` are
    the sheet row and column numbers (1-based) of ``rows[0][0]``, so notes and
    errors can name the cell the user sees. ``merged`` lists the merged ranges
    as (first row, first column, last row, last column) in sheet numbers; the
    values of a range sit in its top-left cell, the other cells are None.
    ``notes`` holds what opening the file found worth telling (its encoding, say).
    """

    file: str
    sheet: str | None
    rows: list[tuple]
    first_row: int = 1
    first_column: int = 1
    merged: tuple[tuple[int, int, int, int], ...] = ()
    notes: list[ReadNote] = field(default_factory=list)

    @property
    def label(self) -> str:
        """Return 'file' or 'file / sheet', for notes and the report."""
        return f"{self.file} / {self.sheet}" if self.sheet else self.file


@dataclass(frozen=True)
class ReadNote:
    """One thing the reader did to the input: a skipped row, a converted amount, a summed duplicate.

    ``kind`` is a key of ``texts.LABELS`` ('note_...'). ``detail`` is a short
    Dutch text with the values involved; ``detail_text(language)`` gives it in
    another language, built from ``params`` and the label '<kind>_detail'.
    """

    kind: str
    file: str
    sheet: str | None
    row: int | None
    column: str | None
    detail: str
    params: tuple[tuple[str, object], ...] = ()

    def detail_text(self, language: str = DEFAULT_LANGUAGE) -> str:
        """Return the detail in ``language``; notes without params keep ``detail`` as it is."""
        if not self.params:
            return self.detail
        return note_detail(self.kind, dict(self.params), language)


@dataclass(frozen=True)
class ColumnNames:
    """Header texts the user named for the customer, name, revenue and date columns (None: detect)."""

    customer: str | None = None
    name: str | None = None
    revenue: str | None = None
    date: str | None = None


@dataclass(frozen=True)
class ColumnPositions:
    """Column numbers (1 = the sheet's first column) the user gave per role, for files without a header."""

    customer: int | None = None
    name: int | None = None
    revenue: int | None = None
    date: int | None = None

    def __bool__(self) -> bool:
        return self.customer is not None or self.revenue is not None


@dataclass(frozen=True)
class ReadOptions:
    """How to read the input beyond the column names.

    ``positions`` replaces the header search. ``fiscal_year_start`` is the
    month (1-12) in which a financial year starts. Transactions are totalled
    per financial year, which is named after the calendar year it starts in.
    """

    positions: ColumnPositions = field(default_factory=ColumnPositions)
    fiscal_year_start: int = 1


@dataclass
class YearTable:
    """One clean year: a row per customer, revenue in cents, and what was cleaned.

    ``frame`` has the columns key (matching key), customer (number as shown),
    name and revenue (int64 cents), one row per key, and group when the input
    names a group per customer (see ``header.HEADER_NAMES``). ``input_total`` is the sum
    of every amount read for this year, credit notes included, so the report
    can show that nothing went missing. ``source_rows`` holds, aligned with
    ``frame``, the sheet row where each customer first appears.
    """

    year: int
    source: RawSheet
    frame: pd.DataFrame
    input_total: int
    notes: list[ReadNote] = field(default_factory=list)
    source_rows: pd.Series | None = None
