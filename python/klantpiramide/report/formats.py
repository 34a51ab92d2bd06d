"""Cell values and number formats: cents to currency, safe text, valid sheet names."""

from __future__ import annotations

import re

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell

from klantpiramide.errors import SettingsError

CURRENCY_SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "CHF": "CHF"}
MAX_SHEET_TITLE = 31  # Excel's limit on sheet name length
_INVALID_TITLE = re.compile(r"[\[\]:*?/\\]")
_FORMULA_START = ("=", "+", "-", "@")


def check_currency(code: str) -> str:
    """Return the upper-case currency code if supported; raise SettingsError otherwise."""
    upper = code.strip().upper()
    if upper not in CURRENCY_SYMBOLS:
        raise SettingsError("currency_invalid", value=code, choices=", ".join(CURRENCY_SYMBOLS))
    return upper


def currency_format(template_format: str, currency: str) -> str:
    """Return a template's amount format with the euro sign swapped for ``currency``'s symbol."""
    symbol = CURRENCY_SYMBOLS[currency]
    return template_format.replace("€", symbol) if symbol != "€" else template_format


def euros(cents: int) -> float:
    """Return cents as a number of currency units for a spreadsheet cell.

    Every whole-cent amount below 2**53 cents is exactly the nearest double to
    its two-decimal value, so the cell shows the exact amount.
    """
    return int(cents) / 100


def write_text(cell: Cell, value: str) -> None:
    """Write ``value`` as text, even when it starts like a formula ('=SUM(...)', '+31 ...').

    Control characters, which XML cannot hold, are dropped.
    """
    value = ILLEGAL_CHARACTERS_RE.sub("", value)
    cell.value = value
    if value.startswith(_FORMULA_START):
        # openpyxl treats a leading '=' as a formula; a text type and the quote prefix keep it literal.
        cell.data_type = "s"
        cell.quotePrefix = True


def valid_sheet_title(title: str, taken: set[str]) -> str:
    """Return a valid, unused sheet title: no []:*?/\\, at most 31 characters, unique ignoring case."""
    cleaned = _INVALID_TITLE.sub("-", title).strip("'") or "Blad"
    cleaned = cleaned[:MAX_SHEET_TITLE]
    candidate = cleaned
    number = 2
    lowered = {name.lower() for name in taken}
    while candidate.lower() in lowered:
        suffix = f" ({number})"
        candidate = cleaned[: MAX_SHEET_TITLE - len(suffix)] + suffix
        number += 1
    return candidate


def internal_link(sheet_title: str, coordinate: str = "A1") -> str:
    """Return a hyperlink location inside the workbook, with the sheet name always quoted."""
    escaped = sheet_title.replace("'", "''")
    return f"'{escaped}'!{coordinate}"
