"""Decide which sheet or file contains which year.

A year is a four-digit number from 1900 to 2099 in a sheet or file name
('2024', 'Omzet 2025', 'klanten_2024.csv'). A sheet of yearly totals takes its
year from its name; without one, the user's ``--jaren`` assigns the years to
the unnamed sheets or files in their order. Transaction lists and sheets with a
column per year carry their years in their content, so their names don't matter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from klantpiramide.errors import InputError, Location
from klantpiramide.reading.header import Layout
from klantpiramide.reading.model import RawSheet

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


@dataclass
class Source:
    """One sheet to read: where it came from, the year its name gives, and its layout once known.

    ``optional`` sources are sheets without a year in their name in a workbook
    of several sheets; one without customer and revenue columns is skipped.
    """

    path: Path
    sheet: RawSheet
    name_year: int | None
    optional: bool
    in_workbook_of_several: bool
    layout: Layout | None = None
    year: int | None = None


def year_in_name(name: str | None) -> int | None:
    """Return the single year in a name, or None when there is none or more than one."""
    if not name:
        return None
    years = set(_YEAR.findall(name))
    return int(years.pop()) if len(years) == 1 else None


def has_data(sheet: RawSheet) -> bool:
    """Tell whether a sheet has any value."""
    return any(any(value is not None for value in row) for row in sheet.rows)


def sources_of_file(path: Path, sheets: list[RawSheet]) -> list[Source]:
    """Return the sheets of one file that may hold a year, with the year their names give."""
    file_year = year_in_name(path.stem)
    if len(sheets) == 1:
        sheet = sheets[0]
        name_year = file_year if file_year is not None else year_in_name(sheet.sheet)
        return [Source(path, sheet, name_year, optional=False, in_workbook_of_several=False)]

    named = [(year_in_name(sheet.sheet), sheet) for sheet in sheets]
    sheet_years = {year for year, _ in named if year is not None}
    # Sheets named after two or more other years outweigh a year in the file name ('omzet_2000.xlsx').
    if file_year is not None and len(sheet_years) >= 2 and file_year not in sheet_years:
        file_year = None
    if file_year is not None:
        # A workbook per year: the sheet named after the year, else the first sheet with data.
        chosen = next((sheet for year, sheet in named if year == file_year), None)
        chosen = chosen or next((sheet for sheet in sheets if has_data(sheet)), sheets[0])
        return [Source(path, chosen, file_year, optional=False, in_workbook_of_several=True)]

    sources = [Source(path, sheet, year, optional=False, in_workbook_of_several=True) for year, sheet in named if year is not None]
    sources += [
        Source(path, sheet, None, optional=True, in_workbook_of_several=True)
        for year, sheet in named
        if year is None and has_data(sheet)
    ]
    return sources


def assign_years(totals: list[Source], years: tuple[int, int] | None) -> list[Source]:
    """Give every source of yearly totals its year; return the unnamed sheets that are left out.

    A name gives the year. Sources without one take the years of ``years`` that
    no name took, in their order. Unnamed sheets of a workbook beside sources
    that have a year (a pivot table, a notes sheet) are left out.
    """
    for source in totals:
        source.year = source.name_year
    unnamed = [source for source in totals if source.year is None]
    if not unnamed:
        return []

    named_years = {source.year for source in totals if source.year is not None}
    required = [source for source in unnamed if not source.optional]
    if named_years or required:
        skipped, pending = [source for source in unnamed if source.optional], required
    else:
        skipped, pending = [], unnamed
    if not pending:
        return skipped

    free = [year for year in years or () if year not in named_years]
    if years is not None and len(pending) == len(free):
        for source, year in zip(pending, free):
            source.year = year
        return skipped

    source = pending[0]
    if years is not None:
        raise InputError("years_sources_count", Location(file=source.path.name), expected=len(free), found=len(pending))
    if source.in_workbook_of_several:
        sheets = ", ".join(f"'{sheet.sheet}'" for sheet in _sheets_of(source.path, totals))
        raise InputError("workbook_sheets", Location(file=source.path.name), sheets=sheets)
    raise InputError("year_not_found", Location(file=source.path.name), name=source.path.name)


def _sheets_of(path: Path, sources: list[Source]) -> list[RawSheet]:
    return [source.sheet for source in sources if source.path == path]
