"""Find the header row by its content and pick the customer, name, revenue and date columns.

Column names are configuration: the recognised header texts are listed per role
in ``HEADER_NAMES``, best match first. A header matches after lower-casing and
dropping spaces, punctuation and a year ('Omzet 2024' is 'omzet').

A sheet has one of three layouts:

- totals: one revenue column, a row per customer (or several, which are summed);
- year columns: a revenue column per year ('Klant | 2024 | 2025');
- transactions: a date column beside the revenue, a row per invoice.

Files without a header row name their columns by position instead
(``ColumnPositions``). The data then starts at the first row whose revenue
cell contains an amount.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from openpyxl.utils import get_column_letter

from klantpiramide.errors import InputError, Location
from klantpiramide.reading.amounts import is_amount
from klantpiramide.reading.model import ColumnNames, ColumnPositions, RawSheet

HEADER_SEARCH_ROWS = 50

HEADER_NAMES: dict[str, tuple[str, ...]] = {
    "customer": (
        "klantnummer", "klantnr", "klantno", "klantcode", "klantid", "debiteurnummer", "debiteurnr",
        "debiteurcode", "debiteur", "relatienummer", "relatienr", "relatiecode", "relatie",
        "customernumber", "customerno", "customerid", "customercode", "customer", "accountnumber",
        "account", "clientnumber", "client", "klant",
    ),
    "name": (
        "naam", "klantnaam", "bedrijfsnaam", "debiteurnaam", "relatienaam", "bedrijf", "organisatie",
        "customername", "companyname", "company", "name",
    ),
    "revenue": (
        "omzet", "omzeteur", "omzetexclbtw", "omzetexbtw", "nettoomzet", "bedrag", "bedrageur", "bedragexclbtw",
        "bedragexbtw", "factuurbedrag", "nettobedrag", "totaal", "totaalbedrag", "revenue", "amount", "total",
        "sales", "turnover",
    ),
    "date": (
        "datum", "factuurdatum", "boekdatum", "boekingsdatum", "orderdatum", "transactiedatum", "documentdatum",
        "verkoopdatum", "date", "invoicedate", "orderdate", "transactiondate", "documentdate",
    ),
    # The group a customer belongs to (a chain, concern or parent company), to bundle its branches.
    "group": (
        "groep", "groepsnaam", "concern", "concernnaam", "keten", "ketennaam", "moederbedrijf", "moedermaatschappij",
        "hoofdkantoor", "holding", "group", "groupname", "parent", "parentcompany", "chain",
    ),
}

ROLES = ("customer", "name", "revenue", "date")
_OPTION_OF_ROLE = {"customer": "--klantkolom", "name": "--naamkolom", "revenue": "--omzetkolom", "date": "--datumkolom"}
_ROLE_WORDS = {"customer": "klantnummer", "name": "naam", "revenue": "omzet", "date": "datum"}
_YEAR = re.compile(r"(?<!\d)(19|20)\d{2}(?!\d)")
_NON_WORD = re.compile(r"[^0-9a-z]+")


@dataclass(frozen=True)
class Layout:
    """The position of a sheet's data: column indexes (into RawSheet rows) per role and the first data row.

    ``header`` is the index of the header row, or None when the columns came
    from positions. ``year_columns`` lists (year, column) for a sheet with a
    revenue column per year; ``revenue`` is then None. ``group`` is the column
    of a customer's group (chain, concern), when the header has one.
    """

    header: int | None
    data_start: int
    customer: int
    name: int | None
    revenue: int | None
    date: int | None = None
    year_columns: tuple[tuple[int, int], ...] = ()
    group: int | None = None

    @property
    def kind(self) -> str:
        """Return 'year_columns', 'transactions' or 'totals'."""
        if self.year_columns:
            return "year_columns"
        if self.date is not None:
            return "transactions"
        return "totals"

    def amount_columns(self) -> list[tuple[int | None, int]]:
        """Return (year or None, column) of every revenue column."""
        if self.year_columns:
            return list(self.year_columns)
        return [(None, self.revenue)]


def column_letter(sheet: RawSheet, column: int) -> str:
    """Return the sheet's letter of column index ``column`` ('A' for the sheet's first column)."""
    return get_column_letter(sheet.first_column + column)


def normalise_header(value: object) -> str:
    """Return a header cell's text in the form used for matching, '' for empty cells."""
    if value is None:
        return ""
    text = _YEAR.sub("", str(value).lower()).replace("€", "eur")
    return _NON_WORD.sub("", text)


def header_year(value: object) -> int | None:
    """Return the year a revenue header names ('2024', 2024, 'Omzet 2024'), or None."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return int(value) if float(value).is_integer() and 1900 <= value <= 2099 else None
    if not isinstance(value, str):
        return None
    years = {match.group(0) for match in _YEAR.finditer(value)}
    if len(years) != 1:
        return None
    rest = normalise_header(value)
    return int(years.pop()) if rest == "" or rest in HEADER_NAMES["revenue"] else None


def find_layout(sheet: RawSheet, names: ColumnNames = ColumnNames(), positions: ColumnPositions = ColumnPositions()) -> Layout:
    """Return the layout of a sheet: by the given positions, else by its header row."""
    if not any(any(value is not None for value in row) for row in sheet.rows):
        raise InputError("sheet_empty", Location(file=sheet.file, sheet=sheet.sheet))
    if positions:
        return _layout_from_positions(sheet, positions)
    return _layout_from_header(sheet, names)


def _layout_from_header(sheet: RawSheet, names: ColumnNames) -> Layout:
    """Return the layout of the first row that has a customer column and one or more revenue columns."""
    likely_header: tuple[int, list[str]] | None = None
    no_revenue: tuple[int, int, list[str]] | None = None
    for index, row in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        cells = [normalise_header(value) for value in row]
        if not any(cells):
            continue
        seen = [str(value) for value in row if value is not None]
        # The row with the most filled cells is the likeliest header; a title row above it has one.
        if likely_header is None or len(seen) > len(likely_header[1]):
            likely_header = (index, seen)

        customer = _pick(cells, "customer", names.customer, sheet, index)
        if customer is None:
            continue
        years = _year_columns(sheet, row, index, exclude={customer}) if not names.revenue else []
        revenue = None
        if len(years) < 2:
            years = []
            revenue = _pick(cells, "revenue", names.revenue, sheet, index, exclude={customer})
        if revenue is None and not years:
            no_revenue = no_revenue or (index, customer, seen)
            continue

        used_columns = {customer, revenue, *(column for _, column in years)}
        name = _pick(cells, "name", names.name, sheet, index, exclude=used_columns)
        date = None
        if not years:
            date = _pick(cells, "date", names.date, sheet, index, exclude=used_columns | {name})
            if names.date and date is None:
                raise _column_not_found(sheet, names.date, index, seen)
        group = _pick_group(cells, exclude=used_columns | {name, date})
        return Layout(index, index + 1, customer, name, revenue, date, tuple(years), group)

    if no_revenue is not None:
        # A customer column was found, but no revenue column beside it.
        if names.revenue:
            raise _column_not_found(sheet, names.revenue, *likely_header)
        index, customer, seen = no_revenue
        where = Location(sheet.file, sheet.sheet, sheet.first_row + index)
        raise InputError("revenue_not_found", where, column=column_letter(sheet, customer), seen=", ".join(seen))
    if names.customer and likely_header is not None:
        raise _column_not_found(sheet, names.customer, *likely_header)
    seen_text = ", ".join(likely_header[1]) if likely_header else "-"
    raise InputError("header_not_found", Location(file=sheet.file, sheet=sheet.sheet), rows=HEADER_SEARCH_ROWS, seen=seen_text)


def _column_not_found(sheet: RawSheet, column: str, index: int, seen: list[str]) -> InputError:
    where = Location(file=sheet.file, sheet=sheet.sheet)
    return InputError(
        "column_not_found", where, column=column, rows=HEADER_SEARCH_ROWS, row=sheet.first_row + index, seen=", ".join(seen)
    )


def _year_columns(sheet: RawSheet, row: tuple, index: int, exclude: set[int]) -> list[tuple[int, int]]:
    """Return (year, column) of the header cells that name a year; raise if a year comes twice."""
    found: dict[int, int] = {}
    for column, value in enumerate(row):
        year = header_year(value)
        if year is None or column in exclude:
            continue
        if year in found:
            where = Location(sheet.file, sheet.sheet, sheet.first_row + index)
            first, second = column_letter(sheet, found[year]), column_letter(sheet, column)
            raise InputError("year_column_twice", where, year=year, first=first, second=second)
        found[year] = column
    return sorted(found.items())


def _pick(
    cells: list[str], role: str, named: str | None, sheet: RawSheet, index: int, exclude: set[int | None] = frozenset()
) -> int | None:
    """Return the column of ``role`` in a header row, the user's choice first."""
    if named:
        named_header = normalise_header(named)
        matches = [column for column, cell in enumerate(cells) if cell == named_header and column not in exclude]
        return matches[0] if matches else None

    for candidate in HEADER_NAMES[role]:
        matches = [column for column, cell in enumerate(cells) if cell == candidate and column not in exclude]
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            where = Location(file=sheet.file, sheet=sheet.sheet, row=sheet.first_row + index)
            letters = ", ".join(column_letter(sheet, column) for column in matches)
            raise InputError(
                "column_ambiguous", where, role=role_label(role), columns=letters, option=_OPTION_OF_ROLE[role]
            )
    return None


def _pick_group(cells: list[str], exclude: set[int | None]) -> int | None:
    """Return the group column of a header row; None when there is none, or more than one (the group is optional)."""
    for candidate in HEADER_NAMES["group"]:
        matches = [column for column, cell in enumerate(cells) if cell == candidate and column not in exclude]
        if matches:
            return matches[0] if len(matches) == 1 else None
    return None


def _layout_from_positions(sheet: RawSheet, positions: ColumnPositions) -> Layout:
    """Return the layout given by column numbers; the data starts at the first row with an amount."""
    width = max((len(row) for row in sheet.rows), default=0)
    columns: dict[str, int | None] = {}
    for role in ROLES:
        number = getattr(positions, role)
        if number is None:
            columns[role] = None
            continue
        column = number - sheet.first_column
        if not 0 <= column < width:
            where = Location(file=sheet.file, sheet=sheet.sheet)
            raise InputError(
                "position_outside", where, column=get_column_letter(number), role=role_label(role), width=width
            )
        columns[role] = column

    revenue = columns["revenue"]
    for index, row in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        if revenue < len(row) and is_amount(row[revenue]):
            return Layout(None, index, columns["customer"], columns["name"], revenue, columns["date"])
    where = Location(file=sheet.file, sheet=sheet.sheet, column=column_letter(sheet, revenue))
    raise InputError("positions_no_amount", where, column=column_letter(sheet, revenue), rows=HEADER_SEARCH_ROWS)


def role_label(role: str) -> str:
    """Return the Dutch word for a column role, for messages."""
    return _ROLE_WORDS[role]
