"""Reading: workbooks and CSV files become one clean table per year.

``read_inputs`` is the entry point for files; ``read_year_table`` reads one
sheet whose values come from elsewhere (the Excel add-in passes sheet values).
"""

from __future__ import annotations

from pathlib import Path

from klantpiramide.errors import InputError, Location, SettingsError
from klantpiramide.reading.files import open_sheets
from klantpiramide.reading.model import ColumnNames, RawSheet, ReadNote, YearTable
from klantpiramide.reading.table import read_year_table
from klantpiramide.reading.years import pick_year_sheets, year_of_file

__all__ = ["ColumnNames", "RawSheet", "ReadNote", "YearTable", "read_inputs", "read_year_table"]


def read_inputs(
    paths: list[Path], *, years: tuple[int, int] | None = None, names: ColumnNames = ColumnNames()
) -> tuple[YearTable, YearTable]:
    """Read two years from one workbook with two year sheets, or from two files.

    Returns (base year, next year), the earlier year first.
    """
    if years is not None and len(years) != 2:
        raise SettingsError("years_option_count", expected=2, found=len(years))

    if len(paths) == 1:
        sheets = open_sheets(paths[0])
        chosen = pick_year_sheets(paths[0].name, sheets, years)
    elif len(paths) == 2:
        chosen = []
        for position, path in enumerate(paths):
            year, sheet = year_of_file(path, open_sheets(path))
            if years is not None:
                year = years[position]
            if year is None:
                raise InputError("year_not_found", Location(file=path.name), name=path.name)
            chosen.append((year, sheet))
    else:
        raise InputError("inputs_count", count=len(paths))

    (first_year, _), (second_year, _) = chosen
    if first_year == second_year:
        raise InputError("year_twice", year=first_year)

    tables = [read_year_table(sheet, year, names) for year, sheet in sorted(chosen, key=lambda pair: pair[0])]
    return tables[0], tables[1]
