"""Turn a raw sheet into clean year tables: one row per customer, revenue in cents.

Every row below the header ends up in exactly one place: summed into a customer
of one year, or skipped with a note (empty rows, total rows, rows without
customer and amount). A row the reader cannot understand raises InputError with
its sheet, row and column.

Total rows are recognised by a label. It is a customer cell that starts with
'Totaal', 'Subtotaal', 'Eindtotaal', 'Total' or 'Grand total', or such a text
anywhere in a row whose customer cell is empty, or a name cell that is only
such a word. Any other row with an amount but without a customer number
raises an error, because it may be a total that the reader cannot tell apart
from a forgotten number.

Merged cells: a customer, name or date cell inside a merged range takes the
range's value, as Excel shows it. An amount is only read from its own cell and
never copied from a merged range, because that would count it twice. So an
amount that spans several rows counts once, in the range's first row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from klantpiramide.errors import InputError, Location
from klantpiramide.reading.aggregate import euros, total_year
from klantpiramide.reading.collector import collector_paused
from klantpiramide.reading.amounts import AmountProblem, ConvertedAmounts, convert_amounts
from klantpiramide.reading.customers import cell_text
from klantpiramide.reading.dates import DateProblem, financial_year_bounds, financial_years, parse_dates
from klantpiramide.reading.header import Layout, column_letter, find_layout
from klantpiramide.reading.model import CellError, ColumnNames, RawSheet, ReadNote, ReadOptions, YearTable
from klantpiramide.reading.notes import NoteLog

TOTAL_WORDS = re.compile(r"\s*(sub|eind|generaal\s+|grand\s+)?(totaal|total)\b", re.IGNORECASE)
TOTAL_LABEL = re.compile(r"\s*(sub|eind|generaal\s+|grand\s+)?(totaal|total)\s*[:.]?\s*", re.IGNORECASE)
_TOTAL_INITIALS = frozenset("tTsSeEgG")
_ROW_TEXT_LENGTH = 80

DATA, EMPTY, TOTAL, NO_CUSTOMER, NO_AMOUNT = range(5)
_SKIP_NOTES = {EMPTY: "note_empty_row", TOTAL: "note_total_row", NO_CUSTOMER: "note_no_customer_row", NO_AMOUNT: "note_no_amount_row"}


@dataclass
class SheetTables:
    """Everything one sheet gave: a table per year, notes about the sheet itself, and rows per year."""

    sheet: RawSheet
    layout: Layout
    tables: dict[int, YearTable]
    notes: list[ReadNote] = field(default_factory=list)
    rows_per_year: dict[int, int] = field(default_factory=dict)


def read_year_table(
    sheet: RawSheet, year: int, names: ColumnNames = ColumnNames(), options: ReadOptions = ReadOptions()
) -> YearTable:
    """Read one year's customers and revenue from a raw sheet.

    A sheet of yearly totals is read as ``year``. Of a transaction list or a
    sheet with a column per year, only the part of ``year`` is taken.
    """
    layout = find_layout(sheet, names, options.positions)
    result = read_sheet(sheet, layout, year, options)
    table = result.tables.get(year)
    if table is None:
        found = ", ".join(str(found) for found in sorted(result.tables)) or "-"
        raise InputError("year_missing", Location(file=sheet.file, sheet=sheet.sheet), year=year, found=found)
    table.notes[:0] = result.notes
    return table


def read_sheet(sheet: RawSheet, layout: Layout, year: int | None, options: ReadOptions = ReadOptions()) -> SheetTables:
    """Read every year a sheet holds; ``year`` names the year of a sheet of yearly totals."""
    with collector_paused():
        return _read_sheet(sheet, layout, year, options)


def _read_sheet(sheet: RawSheet, layout: Layout, year: int | None, options: ReadOptions) -> SheetTables:
    log = NoteLog(sheet)
    for note in sheet.notes:
        log.keep(note)
    _note_rows_above(sheet, layout, log)
    _note_columns(sheet, layout, log)

    start, end = layout.data_start, _last_filled_row(sheet) + 1
    fill = _merged_values(sheet, layout, end, log)
    reader = _Rows(sheet, layout, start, end, fill)

    status = reader.classify(log)
    data = np.flatnonzero(status == DATA)
    if not len(data):
        row = sheet.first_row + (layout.header if layout.header is not None else start)
        raise InputError("no_customers", Location(sheet.file, sheet.sheet, row), row=row)

    if layout.kind == "transactions":
        tables, counts = _read_transactions(reader, data, options, log)
    elif layout.kind == "year_columns":
        tables, counts = _read_year_columns(reader, data, log)
    else:
        if year is None:
            raise ValueError("a sheet of yearly totals needs its year")
        tables, counts = _read_totals(reader, data, year, log)
    return SheetTables(sheet, layout, tables, log.notes(None), counts)


class _Rows:
    """The columns of a sheet's data area, indexed from ``start``: customer and name texts, raw amounts."""

    def __init__(self, sheet: RawSheet, layout: Layout, start: int, end: int, fill: dict[tuple[int, int], object]) -> None:
        self.sheet, self.layout, self.start, self.end, self.fill = sheet, layout, start, end, fill
        self.name_errors: dict[int, object] = {}
        self.customers = self._texts(layout.customer, role="customer")
        if layout.name is not None:
            self.names = self._texts(layout.name, role="name")
        else:
            self.names = np.full(end - start, "", dtype=object)
        self.amounts = {column: self.column(column) for _, column in layout.amount_columns()}
        self.groups = self._group_texts(layout.group) if layout.group is not None else None
        self._keys: np.ndarray | None = None

    @property
    def keys(self) -> np.ndarray:
        """The matching key of every customer number, made on first use."""
        if self._keys is None:
            # customer_key, inlined: this runs once per row.
            keys = [text.lstrip("0") or "0" if text.isascii() and text.isdigit() else text for text in self.customers]
            self._keys = _object_array(keys)
        return self._keys

    def _group_texts(self, column: int) -> np.ndarray:
        """Return the group of every row as text; an error value or an empty cell is no group ('')."""
        values = self.column(column)
        return _object_array([cell_text(value) if type(value) is not CellError else "" for value in values])

    def column(self, column: int | None) -> list[object]:
        """Return the values of one column in the data area, merged values filled in."""
        rows = self.sheet.rows[self.start : self.end]
        values = [row[column] if column is not None and column < len(row) else None for row in rows]
        for (index, filled_column), value in self.fill.items():
            if filled_column == column:
                values[index - self.start] = value
        return values

    def sheet_row(self, position: int) -> int:
        """Return the sheet row number of data-area position ``position``."""
        return self.sheet.first_row + self.start + int(position)

    def location(self, position: int, column: int | None) -> Location:
        letter = column_letter(self.sheet, column) if column is not None else None
        return Location(self.sheet.file, self.sheet.sheet, self.sheet_row(position), letter)

    def classify(self, log: NoteLog) -> np.ndarray:
        """Return the status of every row (DATA, EMPTY, TOTAL, ...) and note the skipped ones."""
        count = self.end - self.start
        status = np.zeros(count, dtype=np.int8)
        has_amount = np.zeros(count, dtype=bool)
        for values in self.amounts.values():
            filled = (value is not None and (type(value) is not str or bool(value.strip())) for value in values)
            has_amount |= np.fromiter(filled, dtype=bool, count=count)

        # Only texts that start like a total word, or are empty, can mark a row that is no customer.
        customers = [position for position, text in enumerate(self.customers) if not text or text[0] in _TOTAL_INITIALS]
        for position in customers:
            customer = self.customers[position]
            if not customer:
                status[position] = self._status_without_customer(position, bool(has_amount[position]))
            elif TOTAL_WORDS.match(customer):
                status[position] = TOTAL
        names = [position for position, text in enumerate(self.names) if text and text[0] in _TOTAL_INITIALS]
        for position in names:
            if status[position] == DATA and TOTAL_LABEL.fullmatch(self.names[position]):
                status[position] = TOTAL

        if self.layout.kind == "transactions":
            self._mark_rows_without_amount_and_date(status, has_amount)
        for position in np.flatnonzero(status != DATA):
            kind = _SKIP_NOTES[int(status[position])]
            text = _row_text(self.sheet.rows[self.start + position]) if kind != "note_empty_row" else None
            if text is None:
                log.add(kind, self.sheet_row(position))
            else:
                log.add(kind, self.sheet_row(position), text=text)
        return status

    def _status_without_customer(self, position: int, has_amount: bool) -> int:
        row = self.sheet.rows[self.start + position]
        if _has_total_text(row):
            return TOTAL
        if has_amount:
            column = next(column for column, values in self.amounts.items() if not _is_blank(values[position]))
            raise InputError("customer_missing", self.location(position, self.layout.customer), value=self.amounts[column][position])
        if all(_is_blank(value) for value in row):
            return EMPTY
        return NO_CUSTOMER

    def _mark_rows_without_amount_and_date(self, status: np.ndarray, has_amount: np.ndarray) -> None:
        """Skip rows that have a customer but neither amount nor date, such as group headings."""
        dates = self.column(self.layout.date)
        for position in np.flatnonzero((status == DATA) & ~has_amount):
            if _is_blank(dates[position]):
                status[position] = NO_AMOUNT

    def _texts(self, column: int, role: str) -> np.ndarray:
        values = self.column(column)
        texts = [value.strip() if type(value) is str else _label_text(value) for value in values]
        for position in [position for position, text in enumerate(texts) if text is None]:
            if role == "customer":
                raise InputError("cell_error", self.location(position, column), value=values[position])
            texts[position] = ""
            self.name_errors[position] = values[position]
        return _object_array(texts)


def _read_totals(reader: _Rows, data: np.ndarray, year: int, log: NoteLog) -> tuple[dict[int, YearTable], dict[int, int]]:
    column = reader.layout.revenue
    converted = _convert(reader, column, data)
    _note_amounts(reader, column, data, converted, log, years=None, default_year=year, empty_as_zero=True)
    _note_name_errors(reader, data, log, years=None, default_year=year)
    table = _total(reader, year, data, converted.cents, log, transactions=False)
    return {year: table}, {year: len(data)}


def _read_year_columns(reader: _Rows, data: np.ndarray, log: NoteLog) -> tuple[dict[int, YearTable], dict[int, int]]:
    tables: dict[int, YearTable] = {}
    counts: dict[int, int] = {}
    for year, column in reader.layout.year_columns:
        converted = _convert(reader, column, data)
        listed = np.ones(len(data), dtype=bool)
        listed[converted.empty] = False
        _note_amounts(reader, column, data, converted, log, years=None, default_year=year, empty_as_zero=False)
        _note_name_errors(reader, data[listed], log, years=None, default_year=year)
        if len(converted.empty):
            log.add("note_amounts_empty", None, column_letter(reader.sheet, column), year=year, count=len(converted.empty))
        if listed.any():
            tables[year] = _total(reader, year, data[listed], converted.cents[listed], log, transactions=False)
            counts[year] = int(listed.sum())
    return tables, counts


def _read_transactions(
    reader: _Rows, data: np.ndarray, options: ReadOptions, log: NoteLog
) -> tuple[dict[int, YearTable], dict[int, int]]:
    layout = reader.layout
    date_values = reader.column(layout.date)
    try:
        dates = parse_dates([date_values[position] for position in data])
    except DateProblem as problem:
        position = data[problem.position]
        raise InputError(problem.key, reader.location(position, layout.date), value=problem.value) from None

    converted = _convert(reader, layout.revenue, data)
    missing = np.flatnonzero(np.isnat(dates))
    if len(missing):
        position = data[missing[0]]
        value = reader.amounts[layout.revenue][position]
        raise InputError("date_missing", reader.location(position, layout.date), value=value if value is not None else "")

    years = financial_years(dates, options.fiscal_year_start)
    _note_amounts(reader, layout.revenue, data, converted, log, years=years, default_year=None, empty_as_zero=True)
    _note_name_errors(reader, data, log, years=years, default_year=None)

    tables: dict[int, YearTable] = {}
    counts: dict[int, int] = {}
    for year in sorted(int(year) for year in np.unique(years)):
        selected = years == year
        year_dates = dates[selected]
        first, last = year_dates.min().item(), year_dates.max().item()
        table = _total(reader, year, data[selected], converted.cents[selected], log, transactions=True)
        log.add("note_transactions", year=year, count=int(selected.sum()), first=first, last=last, customers=len(table.frame))
        if options.fiscal_year_start != 1:
            start, end = financial_year_bounds(year, options.fiscal_year_start)
            log.add("note_fiscal_year", year=year, fiscal_year=year, start=start, end=end)
        table.notes = log.notes(year)
        tables[year] = table
        counts[year] = int(selected.sum())
    return tables, counts


def _convert(reader: _Rows, column: int, data: np.ndarray) -> ConvertedAmounts:
    values = reader.amounts[column]
    try:
        return convert_amounts([values[position] for position in data])
    except AmountProblem as problem:
        position = data[problem.position]
        raise InputError(problem.key, reader.location(position, column), value=problem.value) from None


def _total(reader: _Rows, year: int, positions: np.ndarray, cents: np.ndarray, log: NoteLog, *, transactions: bool) -> YearTable:
    rows = reader.sheet.first_row + reader.start + positions.astype(np.int64)
    keys, customers, names = reader.keys[positions], reader.customers[positions], reader.names[positions]
    table = total_year(reader.sheet, year, rows, keys, customers, names, cents, log, transactions=transactions)
    if reader.groups is not None:
        _attach_groups(table, keys, reader.groups[positions])
    return table


def _attach_groups(table: YearTable, keys: np.ndarray, groups: np.ndarray) -> None:
    """Add the column group to a year table: per customer, the first group its rows name ('' for none)."""
    named = pd.DataFrame({"key": keys, "group": groups})
    named = named[named["group"] != ""]
    first = named.groupby("key", sort=False)["group"].first()
    table.frame["group"] = table.frame["key"].map(first).fillna("").astype(object).to_numpy()


def _note_amounts(
    reader: _Rows,
    column: int,
    data: np.ndarray,
    converted: ConvertedAmounts,
    log: NoteLog,
    *,
    years: np.ndarray | None,
    default_year: int | None,
    empty_as_zero: bool,
) -> None:
    """Note text amounts (a summary per year), changed texts, roundings and empty cells per row."""
    letter = column_letter(reader.sheet, column)
    values = reader.amounts[column]

    def years_at(indexes: np.ndarray) -> np.ndarray:
        return years[indexes] if years is not None else np.full(len(indexes), default_year)

    if len(converted.texts):
        for year, count in zip(*np.unique(years_at(converted.texts), return_counts=True)):
            log.add("note_amounts_text", None, letter, year=int(year), count=int(count), separator=converted.decimal or ",")

    def changed(index: int) -> dict[str, object]:
        return {"value": values[data[index]], "amount": euros(converted.cents[index])}

    for kind, indexes in (("note_amount_text", converted.converted), ("note_amount_rounded", converted.rounded)):
        _note_rows(reader, log, kind, data, indexes, years_at(indexes), letter, changed)
    if empty_as_zero:
        _note_rows(reader, log, "note_amount_empty", data, converted.empty, years_at(converted.empty), letter, None)


def _note_rows(
    reader: _Rows,
    log: NoteLog,
    kind: str,
    data: np.ndarray,
    indexes: np.ndarray,
    years: np.ndarray,
    letter: str,
    params_of,
) -> None:
    """Note each row of ``indexes`` (positions in ``data``) up to the cap, and count the rest in one go."""
    for year in np.unique(years):
        selected = indexes[years == year]
        room = log.room(kind, int(year))
        for index in selected[:room]:
            params = params_of(index) if params_of else {}
            log.add(kind, reader.sheet_row(data[index]), letter, year=int(year), **params)
        rest = reader.sheet.first_row + reader.start + data[selected[room:]]
        log.add_skipped(kind, rest.tolist(), year=int(year))


def _note_name_errors(reader: _Rows, data: np.ndarray, log: NoteLog, *, years: np.ndarray | None, default_year: int | None) -> None:
    errors = reader.name_errors
    if not errors:
        return
    letter = column_letter(reader.sheet, reader.layout.name)
    for index, position in enumerate(data):
        if int(position) in errors:
            year = int(years[index]) if years is not None else default_year
            log.add("note_name_error", reader.sheet_row(position), letter, year=year, value=str(errors[int(position)]))


def _note_columns(sheet: RawSheet, layout: Layout, log: NoteLog) -> None:
    def letter(column: int | None) -> str:
        return column_letter(sheet, column) if column is not None else "-"

    if layout.year_columns:
        revenue = ", ".join(f"{letter(column)} ({year})" for year, column in layout.year_columns)
    else:
        revenue = letter(layout.revenue)
    row = sheet.first_row + layout.header if layout.header is not None else None
    log.add(
        "note_columns", row, customer=letter(layout.customer), name=letter(layout.name), revenue=revenue, date=letter(layout.date)
    )


def _note_rows_above(sheet: RawSheet, layout: Layout, log: NoteLog) -> None:
    """Note the title rows above the header (or above the first data row), so the check sheet shows them."""
    last = layout.header if layout.header is not None else layout.data_start
    for index in range(last):
        text = _row_text(sheet.rows[index])
        if text:
            log.add_at("note_title_row", index, text=text)


def _merged_values(sheet: RawSheet, layout: Layout, end: int, log: NoteLog) -> dict[tuple[int, int], object]:
    """Return the values that merged ranges show in the data area's customer, name and date cells."""
    fill: dict[tuple[int, int], object] = {}
    labels = {column for column in (layout.customer, layout.name, layout.date) if column is not None}
    amounts = {column for _, column in layout.amount_columns()}

    for first_row, first_column, last_row, last_column in sheet.merged:
        top, left = first_row - sheet.first_row, first_column - sheet.first_column
        bottom, right = last_row - sheet.first_row, last_column - sheet.first_column
        if top < layout.data_start or top >= end:
            continue
        bottom = min(bottom, end - 1)
        cells = f"{column_letter(sheet, left)}{first_row}:{column_letter(sheet, right)}{last_row}"
        value = sheet.rows[top][left] if left < len(sheet.rows[top]) else None

        covered = set(range(left, right + 1))
        filled = False
        for column in sorted(covered & labels):
            for index in range(top, bottom + 1):
                if (index, column) != (top, left) and value is not None:
                    fill[(index, column)] = value
                    filled = True
        if filled:
            log.add("note_merged", first_row, column_letter(sheet, left), value=cell_text(value), cells=cells)
        if covered & amounts and bottom > top:
            log.add("note_merged_amount", first_row, column_letter(sheet, left), cells=cells)
    return fill


def _label_text(value: object) -> str | None:
    """Return a customer number or name cell as text, or None for an error value."""
    if type(value) is CellError:
        return None
    return cell_text(value)


def _object_array(values: list[object]) -> np.ndarray:
    array = np.empty(len(values), dtype=object)
    array[:] = values
    return array


def _last_filled_row(sheet: RawSheet) -> int:
    for index in range(len(sheet.rows) - 1, -1, -1):
        if not all(_is_blank(value) for value in sheet.rows[index]):
            return index
    return -1


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _has_total_text(row: tuple) -> bool:
    return any(isinstance(value, str) and TOTAL_WORDS.match(value) for value in row)


def _row_text(row: tuple) -> str:
    return " | ".join(str(value).strip() for value in row if not _is_blank(value))[:_ROW_TEXT_LENGTH]
