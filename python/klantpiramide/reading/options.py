"""Parse the reading options the user types: column positions and the first month of a financial year."""

from __future__ import annotations

import re

from openpyxl.utils import column_index_from_string

from klantpiramide.errors import SettingsError
from klantpiramide.reading.model import ColumnPositions

ROLE_NAMES = {
    "klant": "customer", "klantnummer": "customer", "customer": "customer",
    "naam": "name", "name": "name",
    "bedrag": "revenue", "omzet": "revenue", "amount": "revenue", "revenue": "revenue",
    "datum": "date", "date": "date",
}
MONTHS = {
    "januari": 1, "january": 1, "jan": 1, "februari": 2, "february": 2, "feb": 2, "maart": 3, "march": 3, "mrt": 3,
    "mar": 3, "april": 4, "apr": 4, "mei": 5, "may": 5, "juni": 6, "june": 6, "jun": 6, "juli": 7, "july": 7,
    "jul": 7, "augustus": 8, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10,
    "october": 10, "okt": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_COLUMN = re.compile(r"\d+|[a-z]{1,3}", re.IGNORECASE)
_MAX_COLUMN = 16384  # XFD, the last column of an Excel sheet


def parse_column_positions(text: str) -> ColumnPositions:
    """Parse 'klant=2,datum=3,bedrag=5' (numbers from 1, or letters) into ColumnPositions."""
    found: dict[str, int] = {}
    for part in text.split(","):
        role_text, _, column_text = part.partition("=")
        role = ROLE_NAMES.get(role_text.strip().lower())
        column = _column_number(column_text.strip())
        if role is None or column is None or role in found or column in found.values():
            raise SettingsError("columns_option_invalid", value=text)
        found[role] = column

    for role, word in (("customer", "klant"), ("revenue", "bedrag")):
        if role not in found:
            raise SettingsError("columns_option_missing", role=word)
    return ColumnPositions(**found)


def parse_month(text: str | int) -> int:
    """Parse a month given as 1-12 or as a Dutch or English name ('juli', 'July')."""
    value = str(text).strip().lower().rstrip(".")
    month = int(value) if value.isdigit() else MONTHS.get(value)
    if month is None or not 1 <= month <= 12:
        raise SettingsError("month_invalid", value=text)
    return month


def _column_number(text: str) -> int | None:
    if not _COLUMN.fullmatch(text):
        return None
    number = int(text) if text.isdigit() else column_index_from_string(text.upper())
    return number if 1 <= number <= _MAX_COLUMN else None
