"""Amounts to whole cents, from numbers or from text in Dutch, European or English notation.

Text amounts are read a column at a time, because '1.234' is 1234 in a Dutch
column and 1.234 in an English one: the unambiguous values of the column decide
the decimal separator, and when none does, the reader raises an error instead of
guessing.

Accepted text: '1.234,56', '€ 1.234,56', '€-250,00', '1 234,56', '250,00-'
(trailing minus), '(250,00)' (negative), '1,234.56', '1234.56'.

Limitations: amounts are rounded half away from zero to whole cents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

_CURRENCY = re.compile(r"(€|eur\b|euro\b|\$|usd\b|£)", re.IGNORECASE)
_SPACES = re.compile(r"[\s\u00a0\u202f']")
_NUMBER = re.compile(r"^\d+([.,]\d+)*([.,]\d*)?$")


@dataclass(frozen=True)
class ParsedText:
    """A text amount split into sign and digits, with what its separators tell."""

    negative: bool
    digits: str
    decimal: str | None  # '.' or ',' when the text itself settles it, None when it does not


class AmountError(ValueError):
    """A value is not an amount; the caller adds the location."""


def float_to_cents(value: float | int) -> int:
    """Convert a number from a spreadsheet cell to cents, exactly as the cell shows it."""
    if isinstance(value, int):
        return value * 100
    # repr gives the shortest decimal that round-trips, so 0.1 + 0.2 style noise is gone.
    return int((Decimal(repr(value)) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def split_text(text: str) -> ParsedText:
    """Strip currency, spaces and sign markers from a text amount; raise AmountError if it is none."""
    cleaned = _SPACES.sub("", _CURRENCY.sub("", text.strip()))
    negative = False

    if cleaned.startswith("(") and cleaned.endswith(")"):
        negative, cleaned = True, cleaned[1:-1]
    if cleaned.endswith("-"):
        negative, cleaned = not negative, cleaned[:-1]
    if cleaned.startswith("-"):
        negative, cleaned = not negative, cleaned[1:]
    elif cleaned.startswith("+"):
        cleaned = cleaned[1:]
    cleaned = _CURRENCY.sub("", cleaned)

    if not cleaned or not _NUMBER.match(cleaned):
        raise AmountError(text)
    return ParsedText(negative, cleaned, _decimal_separator(cleaned))


def text_to_cents(parsed: ParsedText, decimal: str) -> int:
    """Convert a split text amount to cents, with ``decimal`` as the decimal separator."""
    thousands = "." if decimal == "," else ","
    plain = parsed.digits.replace(thousands, "").replace(decimal, ".")
    try:
        amount = Decimal(plain)
    except InvalidOperation:
        raise AmountError(parsed.digits) from None
    cents = int((amount * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return -cents if parsed.negative else cents


def is_whole_cents(parsed: ParsedText, decimal: str) -> bool:
    """Tell whether the text has at most two decimals under ``decimal``."""
    if decimal not in parsed.digits:
        return True
    return len(parsed.digits.rsplit(decimal, 1)[1]) <= 2


def _decimal_separator(digits: str) -> str | None:
    """Return the decimal separator the text itself settles, or None ('1.234', '12')."""
    dots, commas = digits.count("."), digits.count(",")
    if dots and commas:
        return "." if digits.rfind(".") > digits.rfind(",") else ","
    if dots + commas == 0:
        return None

    separator = "." if dots else ","
    if dots + commas > 1:
        # Repeated: a thousands separator, so the decimal separator is the other one.
        return "," if separator == "." else "."
    after = len(digits.rsplit(separator, 1)[1])
    return None if after == 3 else separator
