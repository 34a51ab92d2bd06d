"""Find the header row by its content and pick the customer, name and revenue columns.

Column names are configuration: the recognised header texts are listed per role
in ``HEADER_NAMES``, best match first. A header matches after lower-casing and
dropping spaces, punctuation and a year ('Omzet 2024' is 'omzet').
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from openpyxl.utils import get_column_letter

from klantpiramide.errors import InputError, Location
from klantpiramide.reading.model import ColumnNames, RawSheet

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
        "omzet", "omzeteur", "omzetexclbtw", "nettoomzet", "bedrag", "bedragexclbtw", "totaal",
        "totaalbedrag", "revenue", "amount", "total", "sales", "turnover",
    ),
}

_OPTION_OF_ROLE = {"customer": "--klantkolom", "name": "--naamkolom", "revenue": "--omzetkolom"}
_YEAR = re.compile(r"(?<!\d)(19|20)\d{2}(?!\d)")
_NON_WORD = re.compile(r"[^0-9a-z]+")


@dataclass(frozen=True)
class Header:
    """The header row (index into RawSheet.rows) and the column index of each role."""

    index: int
    customer: int
    revenue: int
    name: int | None

    def letter(self, column: int) -> str:
        return get_column_letter(column + 1)


def normalise_header(value: object) -> str:
    """Return a header cell's text in the form used for matching, '' for empty cells."""
    if value is None:
        return ""
    text = _YEAR.sub("", str(value).lower()).replace("€", "eur")
    return _NON_WORD.sub("", text)


def find_header(sheet: RawSheet, names: ColumnNames = ColumnNames()) -> Header:
    """Return the first row that has both a customer and a revenue column."""
    seen: list[str] = []
    for index, row in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        cells = [normalise_header(value) for value in row]
        if not any(cells):
            continue
        if not seen:
            seen = [str(value) for value in row if value is not None]

        customer = _pick(cells, "customer", names.customer, sheet, index)
        revenue = _pick(cells, "revenue", names.revenue, sheet, index)
        if customer is None or revenue is None:
            continue
        name = _pick(cells, "name", names.name, sheet, index, exclude={customer, revenue})
        return Header(index, customer, revenue, name)

    where = Location(file=sheet.file, sheet=sheet.sheet)
    if not any(any(value is not None for value in row) for row in sheet.rows):
        raise InputError("sheet_empty", where)
    named = [value for value in (names.customer, names.revenue) if value]
    if named and seen:
        missing = named[0]
        raise InputError("column_not_found", where, column=missing, row="?", seen=", ".join(seen))
    raise InputError("header_not_found", where, rows=HEADER_SEARCH_ROWS, seen=", ".join(seen) or "-")


def _pick(
    cells: list[str], role: str, named: str | None, sheet: RawSheet, index: int, exclude: set[int] = frozenset()
) -> int | None:
    """Return the column of ``role`` in a header row, the user's choice first."""
    if named:
        wanted = normalise_header(named)
        matches = [column for column, cell in enumerate(cells) if cell == wanted and column not in exclude]
        return matches[0] if matches else None

    for candidate in HEADER_NAMES[role]:
        matches = [column for column, cell in enumerate(cells) if cell == candidate and column not in exclude]
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            where = Location(file=sheet.file, sheet=sheet.sheet, row=sheet.first_row + index)
            letters = ", ".join(get_column_letter(column + 1) for column in matches)
            raise InputError(
                "column_ambiguous", where, role=role_label(role), columns=letters, option=_OPTION_OF_ROLE[role]
            )
    return None


def role_label(role: str) -> str:
    """Return the Dutch word for a column role, for messages."""
    return {"customer": "klantnummer", "name": "naam", "revenue": "omzet"}[role]
