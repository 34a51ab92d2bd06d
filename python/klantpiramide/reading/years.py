"""Decide which sheet or file holds which year.

A year is a four-digit number from 1900 to 2099 in a sheet or file name
('2024', 'Omzet 2025', 'klanten_2024.csv'). The user's ``--jaren`` overrides
the names. The earlier year is always the base year.
"""

from __future__ import annotations

import re
from pathlib import Path

from klantpiramide.errors import InputError, Location
from klantpiramide.reading.model import RawSheet

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


def year_in_name(name: str | None) -> int | None:
    """Return the single year in a name, or None when there is none or more than one."""
    if not name:
        return None
    years = set(_YEAR.findall(name))
    return int(years.pop()) if len(years) == 1 else None


def has_data(sheet: RawSheet) -> bool:
    return any(any(value is not None for value in row) for row in sheet.rows)


def pick_year_sheets(file: str, sheets: list[RawSheet], years: tuple[int, int] | None) -> list[tuple[int, RawSheet]]:
    """Pick the two year sheets of one workbook, by name or by ``years``."""
    named = [(year_in_name(sheet.sheet), sheet) for sheet in sheets]
    by_year: dict[int, RawSheet] = {}
    for year, sheet in named:
        if year is not None and year not in by_year:
            by_year[year] = sheet
    sheet_list = ", ".join(sheet.sheet or "" for sheet in sheets)

    if years:
        if all(year in by_year for year in years):
            return [(year, by_year[year]) for year in years]
        # No year names: two sheets with data are taken in their order.
        filled = [sheet for sheet in sheets if has_data(sheet)]
        if not by_year and len(filled) == 2:
            return list(zip(years, filled))
        missing = next(year for year in years if year not in by_year)
        raise InputError("year_sheet_missing", Location(file=file), year=missing, sheets=sheet_list)

    if len(by_year) == 2:
        return sorted(by_year.items())
    if len(by_year) > 2:
        found = ", ".join(str(year) for year in sorted(by_year))
        raise InputError("years_count", Location(file=file), found=len(by_year), years=found)
    raise InputError("workbook_sheets", Location(file=file), sheets=sheet_list)


def year_of_file(path: Path, sheets: list[RawSheet]) -> tuple[int | None, RawSheet]:
    """Return the year of a one-year file (from its name or its only sheet's name) and its sheet."""
    filled = [sheet for sheet in sheets if has_data(sheet)] or sheets
    sheet = filled[0]
    year = year_in_name(path.stem)
    if year is None and len(filled) == 1:
        year = year_in_name(sheet.sheet)
    if len(filled) > 1:
        # A workbook per year with several sheets: take the sheet named after the year.
        for candidate in filled:
            if year is not None and year_in_name(candidate.sheet) == year:
                sheet = candidate
    return year, sheet
