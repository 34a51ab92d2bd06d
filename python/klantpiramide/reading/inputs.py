"""Read the user's input files into one clean table per year, and pick the two years to compare."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from klantpiramide.errors import InputError, Location, SettingsError
from klantpiramide.reading.customers import comparable_name
from klantpiramide.reading.files import open_sheets
from klantpiramide.reading.header import find_layout
from klantpiramide.reading.model import ColumnNames, ReadOptions, YearTable
from klantpiramide.reading.notes import NoteLog
from klantpiramide.reading.table import SheetTables, read_sheet
from klantpiramide.reading.years import Source, assign_years, sources_of_file


def read_all_years(
    paths: list[Path],
    *,
    years: tuple[int, ...] | None = None,
    names: ColumnNames = ColumnNames(),
    options: ReadOptions = ReadOptions(),
) -> dict[int, YearTable]:
    """Read every year the input files hold, or only ``years`` when given; keys are the years.

    Raises InputError when a year is found twice or a requested year is missing.
    """
    if not paths:
        raise InputError("inputs_count", count=0)
    sources = [source for path in paths for source in sources_of_file(path, open_sheets(path))]

    skipped = _find_layouts(sources, names, options)
    totals = [source for source in sources if source.layout.kind == "totals"]
    skipped += assign_years(totals, tuple(years) if years else None)
    # Every year a sheet or file of totals is named after, for the message when a requested year is missing.
    named_years = {source.year for source in totals if source.year is not None}
    if years:
        # A sheet of totals for a year that is not asked for need not be read at all.
        skipped_ids = {id(source) for source in skipped}
        sources = [s for s in sources if id(s) not in skipped_ids and (s.layout.kind != "totals" or s.year in years)]
    else:
        skipped_ids = {id(source) for source in skipped}
        sources = [s for s in sources if id(s) not in skipped_ids]

    tables: dict[int, YearTable] = {}
    where_from: dict[int, Source] = {}
    results: list[SheetTables] = []
    for source in sources:
        result = read_sheet(source.sheet, source.layout, source.year, options)
        results.append(result)
        for year, table in result.tables.items():
            if year in where_from:
                first, second = where_from[year].sheet.label, source.sheet.label
                raise InputError("year_duplicate_source", Location(file=source.path.name), year=year, first=f"'{first}'", second=f"'{second}'")
            where_from[year] = source
            tables[year] = table

    if years:
        missing = [year for year in years if year not in tables]
        if missing:
            found = ", ".join(str(year) for year in sorted(named_years | set(tables))) or "-"
            raise InputError("year_missing", Location(file=paths[0].name), year=missing[0], found=found)
        tables = {year: tables[year] for year in sorted(years)}

    _attach_sheet_notes(results, tables)
    _note_skipped_sheets(skipped, tables)
    return tables


def read_inputs(
    paths: list[Path],
    *,
    years: tuple[int, int] | None = None,
    names: ColumnNames = ColumnNames(),
    options: ReadOptions = ReadOptions(),
) -> tuple[YearTable, YearTable]:
    """Read two years from one workbook with two year sheets, from two files, or from a transaction list.

    Returns (base year, next year), the earlier year first. Raises InputError
    when the base year has no customer with revenue above 0.
    """
    if years is not None:
        _check_two_years(years)
    ordered = years_in_order(read_all_years(paths, years=years, names=names, options=options), paths)
    if len(ordered) != 2:
        found = ", ".join(str(table.year) for table in ordered)
        raise InputError("years_count", Location(file=paths[0].name), found=len(ordered), years=found)

    check_consecutive_years(ordered)
    return ordered[0], ordered[1]


def years_in_order(tables: dict[int, YearTable], paths: list[Path]) -> list[YearTable]:
    """Return the tables, the earliest year first; raise when fewer than two years were found."""
    if len(tables) == 1:
        table = next(iter(tables.values()))
        raise InputError("year_only_one", Location(file=table.source.file, sheet=table.source.sheet), year=table.year)
    if not tables:
        raise InputError("years_count", Location(file=paths[0].name), found=0, years="-")
    return [tables[year] for year in sorted(tables)]


def check_consecutive_years(ordered: list[YearTable]) -> None:
    """Raise when a base year has no customer with revenue above 0; note changed names in each later year."""
    for base, next_ in zip(ordered, ordered[1:]):
        if not (base.frame["revenue"] > 0).any():
            raise InputError("no_active_base", Location(file=base.source.file, sheet=base.source.sheet), year=base.year)
        _note_changed_names(base, next_)


def _check_two_years(years: tuple[int, ...]) -> None:
    if len(years) != 2:
        raise SettingsError("years_option_count", expected=2, found=len(years))
    if years[0] == years[1]:
        raise InputError("year_twice", year=years[0])


def _find_layouts(sources: list[Source], names: ColumnNames, options: ReadOptions) -> list[Source]:
    """Find the layout of every source; return the optional ones that have no customer and revenue columns.

    Raises the first source's error when no source is left, because then that error is the real problem.
    """
    skipped = []
    first_error: InputError | None = None
    for source in sources:
        try:
            source.layout = find_layout(source.sheet, names, options.positions)
        except InputError as error:
            if not source.optional:
                raise
            skipped.append(source)
            first_error = first_error or error
    if first_error is not None and len(skipped) == len(sources):
        raise first_error
    for source in skipped:
        sources.remove(source)
    return skipped


def _attach_sheet_notes(results: list[SheetTables], tables: dict[int, YearTable]) -> None:
    """Give each sheet's own notes to its earliest year in ``tables``, and note the rows of years left out."""
    for result in results:
        chosen_years = [year for year in sorted(result.tables) if year in tables and tables[year] is result.tables[year]]
        if not chosen_years:
            continue
        target = tables[chosen_years[0]]
        target.notes[:0] = result.notes
        left_out = {year: count for year, count in result.rows_per_year.items() if year not in chosen_years}
        if left_out:
            log = NoteLog(result.sheet)
            listed = ", ".join(str(year) for year in sorted(left_out))
            log.add("note_other_years", count=sum(left_out.values()), years=listed)
            target.notes.extend(log.notes(None))


def _note_skipped_sheets(skipped: list[Source], tables: dict[int, YearTable]) -> None:
    if not skipped or not tables:
        return
    target = tables[min(tables)]
    for source in skipped:
        log = NoteLog(source.sheet)
        log.add("note_sheet_skipped")
        target.notes.extend(log.notes(None))


def _note_changed_names(base: YearTable, next_: YearTable) -> None:
    """Note customers whose name in the next year differs from the base year's beyond case and legal form."""
    left = base.frame[["key", "name"]]
    right = next_.frame[["key", "customer", "name"]].assign(row=_rows_of(next_))
    both = left.merge(right, on="key", suffixes=("_base", "_next"))
    both = both[(both["name_base"] != "") & (both["name_next"] != "") & (both["name_base"] != both["name_next"])]
    if both.empty:
        return
    changed = both[both["name_base"].map(comparable_name) != both["name_next"].map(comparable_name)].sort_values("row")
    log = NoteLog(next_.source)
    room = log.room("note_name_changed", next_.year)
    for row in changed.iloc[:room].itertuples(index=False):
        log.add(
            "note_name_changed",
            int(row.row) if row.row >= 0 else None,
            year=next_.year,
            customer=row.customer,
            old=f"'{row.name_base}'",
            old_year=base.year,
            new=f"'{row.name_next}'",
            new_year=next_.year,
        )
    log.add_skipped("note_name_changed", [int(row) for row in changed["row"].iloc[room:]], year=next_.year)
    next_.notes.extend(log.notes(next_.year))


def _rows_of(table: YearTable) -> np.ndarray:
    if table.source_rows is None:
        return np.full(len(table.frame), -1, dtype=np.int64)
    return table.source_rows.to_numpy()
