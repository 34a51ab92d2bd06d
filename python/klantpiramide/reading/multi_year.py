"""Read two or more years, for a report that compares each consecutive pair of years.

``read_years`` reads the same files and layouts as ``read_inputs`` and makes
the same checks, on every pair of consecutive years: each base year needs a
customer with revenue above 0, and changed names are noted in the later year.
For exactly two years it returns what ``read_inputs`` returns.
"""

from __future__ import annotations

from pathlib import Path

from klantpiramide.errors import InputError, SettingsError
from klantpiramide.reading.inputs import check_consecutive_years, read_all_years, years_in_order
from klantpiramide.reading.model import ColumnNames, ReadOptions, YearTable


def read_years(
    paths: list[Path],
    *,
    years: tuple[int, ...] | None = None,
    names: ColumnNames = ColumnNames(),
    options: ReadOptions = ReadOptions(),
) -> list[YearTable]:
    """Read every year of the input files, or only ``years``; return the tables, the earliest year first.

    Raises InputError when fewer than two years are found, a year is given
    twice, or a year before the last has no customer with revenue above 0.
    """
    if years is not None:
        _check_years(years)
    ordered = years_in_order(read_all_years(paths, years=years, names=names, options=options), paths)
    check_consecutive_years(ordered)
    return ordered


def _check_years(years: tuple[int, ...]) -> None:
    if len(years) < 2:
        raise SettingsError("years_option_too_few", found=len(years))
    seen = set()
    for year in years:
        if year in seen:
            raise InputError("year_twice", year=year)
        seen.add(year)
