"""Turn one raw sheet into a clean year table: a row per customer, revenue in cents.

Every row below the header ends up in exactly one place: summed into a customer,
or skipped with a note (empty rows, total rows). A row the reader cannot
understand raises InputError with its sheet, row and column.

Limitations: customer numbers are matched as text, after trimming spaces.
"""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pandas as pd

from klantpiramide.errors import InputError, Location
from klantpiramide.reading.amounts import AmountError, ParsedText, float_to_cents, is_whole_cents, split_text, text_to_cents
from klantpiramide.reading.header import Header, find_header
from klantpiramide.reading.model import ColumnNames, RawSheet, ReadNote, YearTable

PLAIN_AMOUNT = re.compile(r"^\s*-?\d+([.,]\d{1,2})?\s*$")
TOTAL_WORDS = re.compile(r"^\s*(sub)?(totaal|total|eindtotaal|generaal totaal|grand total)\b", re.IGNORECASE)


def read_year_table(sheet: RawSheet, year: int, names: ColumnNames = ColumnNames()) -> YearTable:
    """Read one year's customers and revenue from a raw sheet."""
    header = find_header(sheet, names)
    notes: list[ReadNote] = []
    _note_rows_above_header(sheet, header, notes)

    customers, names_, amounts, rows = _collect_rows(sheet, header, notes)
    cents = _amounts_to_cents(sheet, header, amounts, rows, notes)

    frame = pd.DataFrame(
        {"key": customers, "customer": customers, "name": names_, "revenue": np.asarray(cents, dtype=np.int64)}
    )
    frame = _sum_duplicates(frame, rows, sheet, notes)
    return YearTable(year, sheet, frame, int(sum(cents)), notes)


def _note(notes: list[ReadNote], kind: str, sheet: RawSheet, index: int | None, column: str | None, detail: str) -> None:
    row = None if index is None else sheet.first_row + index
    notes.append(ReadNote(kind, sheet.file, sheet.sheet, row, column, detail))


def _note_rows_above_header(sheet: RawSheet, header: Header, notes: list[ReadNote]) -> None:
    """Record title rows above the header, so the check sheet shows they were skipped."""
    for index in range(header.index):
        values = [str(value) for value in sheet.rows[index] if value is not None]
        if values:
            _note(notes, "note_title_row", sheet, index, None, " ".join(values)[:80])


def _collect_rows(
    sheet: RawSheet, header: Header, notes: list[ReadNote]
) -> tuple[list[str], list[str], list[object], list[int]]:
    """Return customer, name, raw amount and row index of every data row; note skipped rows."""
    customers: list[str] = []
    names: list[str] = []
    amounts: list[object] = []
    rows: list[int] = []
    pending_empty: list[int] = []

    for index in range(header.index + 1, len(sheet.rows)):
        row = sheet.rows[index]
        customer = _cell_text(_cell(row, header.customer))
        amount = _cell(row, header.revenue)
        name = _cell_text(_cell(row, header.name)) if header.name is not None else ""

        if not customer and _is_empty(amount) and not any(value is not None for value in row):
            pending_empty.append(index)
            continue
        # Empty rows count only when data follows them; trailing ones are sheet padding.
        for empty in pending_empty:
            _note(notes, "note_empty_row", sheet, empty, None, "")
        pending_empty = []

        if _is_total_row(row, customer):
            _note(notes, "note_total_row", sheet, index, None, _row_text(row))
            continue
        if not customer:
            if _is_empty(amount):
                _note(notes, "note_no_customer_row", sheet, index, None, _row_text(row))
                continue
            where = Location(sheet.file, sheet.sheet, sheet.first_row + index, header.letter(header.customer))
            raise InputError("customer_missing", where, value=amount)

        customers.append(customer)
        names.append(name)
        amounts.append(amount)
        rows.append(index)
    return customers, names, amounts, rows


def _amounts_to_cents(
    sheet: RawSheet, header: Header, amounts: list[object], rows: list[int], notes: list[ReadNote]
) -> list[int]:
    """Convert every amount to cents; text amounts follow the column's decimal separator."""
    column = header.letter(header.revenue)
    parsed: dict[int, ParsedText] = {}
    for position, value in enumerate(amounts):
        if isinstance(value, str) and value.strip():
            try:
                parsed[position] = split_text(value)
            except AmountError:
                where = Location(sheet.file, sheet.sheet, sheet.first_row + rows[position], column)
                raise InputError("amount_invalid", where, value=value) from None

    decimal = _column_decimal(sheet, parsed, rows, column)
    if parsed:
        separator = "komma" if decimal == "," else "punt"
        _note(notes, "note_amounts_text", sheet, None, column, f"{len(parsed)} bedragen als tekst, decimaalteken {separator}")

    cents: list[int] = []
    for position, value in enumerate(amounts):
        index = rows[position]
        if position in parsed:
            text = parsed[position]
            cents.append(text_to_cents(text, decimal))
            # Plain numbers such as '1234,56' are covered by the summary note above.
            if not PLAIN_AMOUNT.match(str(value)):
                _note(notes, "note_amount_text", sheet, index, column, f"'{value}' → {_euros(cents[-1])}")
            if not is_whole_cents(text, decimal):
                _note(notes, "note_amount_rounded", sheet, index, column, f"'{value}' → {_euros(cents[-1])}")
        elif _is_empty(value):
            cents.append(0)
            _note(notes, "note_amount_empty", sheet, index, column, "")
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            cents.append(_number_to_cents(value, sheet, index, column, notes))
        else:
            where = Location(sheet.file, sheet.sheet, sheet.first_row + index, column)
            raise InputError("amount_invalid", where, value=value)
    return cents


def _number_to_cents(value: float | int, sheet: RawSheet, index: int, column: str, notes: list[ReadNote]) -> int:
    if isinstance(value, float) and not np.isfinite(value):
        where = Location(sheet.file, sheet.sheet, sheet.first_row + index, column)
        raise InputError("amount_invalid", where, value=value)
    cents = float_to_cents(value)
    if isinstance(value, float) and round(value, 2) != value:
        _note(notes, "note_amount_rounded", sheet, index, column, f"{value} → {_euros(cents)}")
    return cents


def _column_decimal(sheet: RawSheet, parsed: dict[int, ParsedText], rows: list[int], column: str) -> str:
    """Return the decimal separator of a column's text amounts; raise if the column can't tell."""
    settled = {text.decimal for text in parsed.values() if text.decimal}
    if len(settled) == 1:
        return settled.pop()
    if not settled:
        for position, text in parsed.items():
            if any(mark in text.digits for mark in ".,"):
                where = Location(sheet.file, sheet.sheet, sheet.first_row + rows[position], column)
                raise InputError("amount_ambiguous", where, value=text.digits)
        return ","

    # Both separators used as decimals: the first value that disagrees with the first settled one.
    first = next(text.decimal for text in parsed.values() if text.decimal)
    for position, text in parsed.items():
        if text.decimal and text.decimal != first:
            where = Location(sheet.file, sheet.sheet, sheet.first_row + rows[position], column)
            raise InputError("amount_mixed", where, value=text.digits)
    return first


def _sum_duplicates(frame: pd.DataFrame, rows: list[int], sheet: RawSheet, notes: list[ReadNote]) -> pd.DataFrame:
    """Sum the amounts of a customer number listed more than once, with a note per extra row."""
    duplicated = frame["key"].duplicated(keep=False)
    if not duplicated.any():
        return frame

    for key, group in frame[duplicated].groupby("key", sort=False):
        source_rows = ", ".join(str(sheet.first_row + rows[position]) for position in group.index)
        total = _euros(int(group["revenue"].sum()))
        _note(notes, "note_duplicate", sheet, rows[group.index[0]], None, f"{key}: rijen {source_rows} → {total}")

    names = frame.groupby("key", sort=False)["name"].agg(lambda values: next((v for v in values if v), ""))
    summed = frame.groupby("key", sort=False).agg(customer=("customer", "first"), revenue=("revenue", "sum"))
    summed["name"] = names
    return summed.reset_index()[["key", "customer", "name", "revenue"]]


def _cell(row: tuple, column: int | None) -> object:
    if column is None or column >= len(row):
        return None
    return row[column]


def _cell_text(value: object) -> str:
    """Return a cell as text: whole numbers without '.0', dates as dd-mm-yyyy."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.datetime, dt.date)):
        return value.strftime("%d-%m-%Y")
    return str(value).strip()


def _is_empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _is_total_row(row: tuple, customer: str) -> bool:
    """Tell whether a row is a (sub)total line: a 'Totaal' text where no customer number is."""
    texts = [value for value in row if isinstance(value, str)]
    if customer and TOTAL_WORDS.match(customer):
        return True
    return not customer and any(TOTAL_WORDS.match(text) for text in texts)


def _row_text(row: tuple) -> str:
    return " | ".join(str(value) for value in row if value is not None)[:80]


def _euros(cents: int) -> str:
    sign = "-" if cents < 0 else ""
    whole, rest = divmod(abs(cents), 100)
    return f"{sign}{whole:,}".replace(",", ".") + f",{rest:02d}"
