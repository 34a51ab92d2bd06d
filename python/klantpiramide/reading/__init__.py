"""Reading: workbooks, CSV files and transaction lists become one clean table per year.

``read_inputs`` is the entry point for files and returns the two years to
compare; ``read_all_years`` returns every year the files hold, and
``read_years`` the two or more years of a report over several years.
``read_year_table`` reads one sheet whose values come from elsewhere (the
Excel add-in passes sheet values).
"""

from __future__ import annotations

from klantpiramide.reading.inputs import read_all_years, read_inputs
from klantpiramide.reading.multi_year import read_years
from klantpiramide.reading.model import (
    CellError,
    ColumnNames,
    ColumnPositions,
    RawSheet,
    ReadNote,
    ReadOptions,
    YearTable,
)
from klantpiramide.reading.options import parse_column_positions, parse_month
from klantpiramide.reading.table import read_year_table

__all__ = [
    "CellError",
    "ColumnNames",
    "ColumnPositions",
    "RawSheet",
    "ReadNote",
    "ReadOptions",
    "YearTable",
    "parse_column_positions",
    "parse_month",
    "read_all_years",
    "read_inputs",
    "read_year_table",
    "read_years",
]
