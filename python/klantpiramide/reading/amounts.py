"""Amounts to whole cents, from numbers or from text in Dutch, European or English notation.

Text amounts are read a column at a time, because '1.234' is 1234 in a Dutch
column and 1.234 in an English one. The values of the column that settle the
decimal separator decide it. When none does, the reader raises an error
instead of guessing.

Accepted text: '1.234,56', '€ 1.234,56', '€-250,00', '1 234,56', '250,00-'
(trailing minus), '(250,00)' (negative), '25,-' (whole euros), '1,234.56',
'1234.56'.

Limitations: amounts are rounded half away from zero to whole cents. Numbers
of 100 billion or more go through ``Decimal`` one by one, so they are exact
but slow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import pandas as pd

from klantpiramide.reading.model import CellError

_SIGN = r"([-+\u2212\u2013])?"
_CURRENCY = r"(?:€|\$|£|(?i:eur|euro|usd|gbp|chf)(?![a-z]))?"
# One pattern for every accepted text: optional '(', signs and currency around the digits,
# thousands separators or spaces inside them, and '-' or ',-' after them.
_TEXT_AMOUNT = re.compile(
    r"\s*(\()?\s*" + _SIGN + r"\s*" + _CURRENCY + r"\s*" + _SIGN + r"\s*"
    r"(\d+(?:[.,'\s\u00a0\u202f]\d+)*)([.,]-{1,2})?"
    r"\s*(-)?\s*" + _CURRENCY + r"\s*(\))?\s*"
)
_DIGIT_SPACES = str.maketrans("", "", "' \t\u00a0\u202f")
_MINUS_SIGNS = {"-", "\u2212", "\u2013"}
# A plain amount: digits with at most a decimal separator and one or two decimals.
_PLAIN = re.compile(r"-?\d+(?:[.,]\d{1,2})?")

# Floats below this many euros convert to cents exactly through float arithmetic.
_FAST_LIMIT = 1e11
# How far x * 100 may lie from a whole number and still count as whole cents (float noise).
_CENT_TOLERANCE = 1e-6

EMPTY, NUMBER, TEXT, ERROR, OTHER = range(5)
_UNKNOWN = -1
_SETTLES = {".": 1, ",": 2}
_NO_POSITIONS = np.empty(0, dtype=np.int64)
_KIND_OF_TYPE = {type(None): EMPTY, float: NUMBER, int: NUMBER, str: TEXT, CellError: ERROR}


@dataclass(frozen=True)
class ParsedText:
    """A text amount split into sign and digits, with what its separators tell."""

    negative: bool
    digits: str
    decimal: str | None  # '.' or ',' when the text itself settles it, None when it does not


class AmountError(ValueError):
    """A value is not an amount; the caller adds the location."""


class AmountProblem(Exception):
    """A cell of an amount column that cannot be read; ``key`` is a message key of texts.MESSAGES."""

    def __init__(self, key: str, position: int, value: object) -> None:
        super().__init__(key, position, value)
        self.key = key
        self.position = position
        self.value = value


@dataclass
class ConvertedAmounts:
    """An amount column in cents, with what the conversion did.

    The arrays hold positions in the input list: ``empty`` cells read as 0,
    ``texts`` (every text amount), ``converted`` (texts that needed more than a
    decimal separator: currency, thousands separators, signs) and ``rounded``
    (values with more than two decimals).
    """

    cents: np.ndarray
    empty: np.ndarray
    texts: np.ndarray = field(default_factory=lambda: _NO_POSITIONS)
    converted: np.ndarray = field(default_factory=lambda: _NO_POSITIONS)
    rounded: np.ndarray = field(default_factory=lambda: _NO_POSITIONS)
    decimal: str | None = None


def float_to_cents(value: float | int) -> int:
    """Convert a number from a spreadsheet cell to cents, exactly as the cell shows it."""
    if isinstance(value, int):
        return value * 100
    # repr gives the shortest decimal that round-trips, so 0.1 + 0.2 style noise is gone.
    return int((Decimal(repr(value)) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def split_text(text: str) -> ParsedText:
    """Strip currency, spaces and sign markers from a text amount; raise AmountError for text that is no amount."""
    match = _TEXT_AMOUNT.fullmatch(text)
    if match is None:
        raise AmountError(text)
    opening, sign, later_sign, digits, whole_euros, trailing_minus, closing = match.groups()
    if bool(opening) != bool(closing):
        raise AmountError(text)

    minus_signs = sum(1 for mark in (sign, later_sign, trailing_minus) if mark in _MINUS_SIGNS)
    negative = (bool(opening) + minus_signs) % 2 == 1
    digits = digits.translate(_DIGIT_SPACES)
    # '25,-' is Dutch for 25 euros exactly; the mark before the dash is the decimal separator.
    decimal = whole_euros[0] if whole_euros else _decimal_separator(digits)
    parsed = ParsedText(negative, digits, decimal)
    if decimal is not None:
        _split_digits(parsed, decimal)
    return parsed


def text_to_cents(parsed: ParsedText, decimal: str) -> int:
    """Convert a split text amount to cents, with ``decimal`` as the decimal separator.

    Rounds half away from zero to whole cents. Raises AmountError when the
    separators don't fit ``decimal``: more than one decimal separator, or
    thousands groups that are not three digits ('1.2.3').
    """
    whole, fraction = _split_digits(parsed, decimal)
    cents = int(whole) * 100 + int((fraction + "00")[:2])
    if len(fraction) > 2 and fraction[2] >= "5":
        cents += 1
    return -cents if parsed.negative else cents


def _split_digits(parsed: ParsedText, decimal: str) -> tuple[str, str]:
    """Return the whole part without thousands separators and the decimals; raise AmountError if malformed."""
    thousands = "." if decimal == "," else ","
    whole, _, fraction = parsed.digits.partition(decimal)
    groups = whole.split(thousands)
    if decimal in fraction or thousands in fraction or not groups[0]:
        raise AmountError(parsed.digits)
    if len(groups) > 1 and (len(groups[0]) > 3 or any(len(group) != 3 for group in groups[1:])):
        raise AmountError(parsed.digits)
    return "".join(groups), fraction


def is_whole_cents(parsed: ParsedText, decimal: str) -> bool:
    """Tell whether the text has at most two decimals under ``decimal``."""
    if decimal not in parsed.digits:
        return True
    return len(parsed.digits.rsplit(decimal, 1)[1]) <= 2


def is_amount(value: object) -> bool:
    """Tell whether a cell contains a number or a text that reads as an amount."""
    kind = _kind(value)
    if kind == NUMBER:
        return bool(np.isfinite(value))
    if kind == TEXT and value.strip():
        try:
            split_text(value)
        except AmountError:
            return False
        return True
    return False


def convert_amounts(values: list[object]) -> ConvertedAmounts:
    """Convert one amount column to cents; raise AmountProblem for a cell that is no amount.

    Empty cells become 0 and are listed in ``empty``. Numbers keep their value;
    text amounts follow the decimal separator that the column's own texts settle.
    """
    count = len(values)
    kinds = np.fromiter((_KIND_OF_TYPE.get(type(value), _UNKNOWN) for value in values), dtype=np.int8, count=count)
    # Subclasses (numpy numbers, bool) miss the lookup by exact type and are sorted out one by one.
    for position in np.flatnonzero(kinds == _UNKNOWN):
        kinds[position] = _kind(values[position])
    _raise_for_bad_cells(values, kinds)
    result = ConvertedAmounts(np.zeros(count, dtype=np.int64), np.flatnonzero(kinds == EMPTY))

    rounded = _numbers_to_cents(values, np.flatnonzero(kinds == NUMBER), result)
    rounded_texts = _texts_to_cents(values, np.flatnonzero(kinds == TEXT), result)
    result.rounded = np.sort(np.concatenate([rounded, rounded_texts]))
    return result


def _kind(value: object) -> int:
    kind = _KIND_OF_TYPE.get(type(value))
    if kind is not None:
        return kind
    if isinstance(value, bool):
        return OTHER
    if isinstance(value, (int, float, np.integer, np.floating)):
        return NUMBER
    if isinstance(value, str):
        return TEXT
    return OTHER


def _raise_for_bad_cells(values: list[object], kinds: np.ndarray) -> None:
    """Raise for the first error value, date, boolean or other non-amount cell."""
    bad = np.flatnonzero((kinds == ERROR) | (kinds == OTHER))
    if len(bad):
        position = int(bad[0])
        key = "cell_error" if kinds[position] == ERROR else "amount_invalid"
        raise AmountProblem(key, position, values[position])


def _numbers_to_cents(values: list[object], positions: np.ndarray, result: ConvertedAmounts) -> np.ndarray:
    """Convert numeric cells; return the positions rounded to cents.

    Only values with more than two decimals, or of 100 billion and more, go through Decimal.
    """
    if not len(positions):
        return _NO_POSITIONS
    numbers = np.fromiter((values[position] for position in positions), dtype=np.float64, count=len(positions))
    finite = np.isfinite(numbers)
    if not finite.all():
        position = int(positions[np.flatnonzero(~finite)[0]])
        raise AmountProblem("amount_invalid", position, values[position])

    scaled = numbers * 100
    whole = np.rint(scaled)
    exact = (np.abs(scaled - whole) <= _CENT_TOLERANCE) & (np.abs(numbers) < _FAST_LIMIT)
    result.cents[positions[exact]] = whole[exact].astype(np.int64)

    rounded = []
    for position in positions[~exact]:
        value = values[position]
        result.cents[position] = float_to_cents(value if isinstance(value, int) else float(value))
        if isinstance(value, float) and abs(value * 100 - round(value * 100)) > _CENT_TOLERANCE:
            rounded.append(position)
    return np.asarray(rounded, dtype=np.int64)


def _texts_to_cents(values: list[object], positions: np.ndarray, result: ConvertedAmounts) -> np.ndarray:
    """Convert text amounts, each distinct text once; return the positions rounded to cents.

    Blank texts join ``result.empty``. Plain texts ('1234,56') convert in one
    numpy step; the others are split one by one and listed in ``result.converted``.
    """
    if not len(positions):
        return _NO_POSITIONS
    texts = np.empty(len(positions), dtype=object)
    texts[:] = [values[position] for position in positions]
    codes, uniques = pd.factorize(texts)
    stripped = [text.strip() for text in uniques]

    blank = np.fromiter((not text for text in stripped), dtype=bool, count=len(stripped))
    if blank.any():
        result.empty = np.sort(np.concatenate([result.empty, positions[blank[codes]]]))
        keep = ~blank[codes]
        positions, codes = positions[keep], codes[keep]
    result.texts = positions

    # What each distinct text settles about the decimal separator: 0 nothing, 1 '.', 2 ','.
    plain = np.fromiter((_PLAIN.fullmatch(text) is not None for text in stripped), dtype=bool, count=len(stripped))
    settles = np.zeros(len(stripped), dtype=np.int8)
    parsed: dict[int, ParsedText] = {}
    for index, text in enumerate(stripped):
        if blank[index]:
            continue
        if plain[index]:
            if "," in text:
                settles[index] = _SETTLES[","]
            elif "." in text:
                settles[index] = _SETTLES["."]
            continue
        try:
            parsed[index] = split_text(text)
        except AmountError:
            position = int(positions[np.flatnonzero(codes == index)[0]])
            raise AmountProblem("amount_invalid", position, values[position]) from None
        settles[index] = _SETTLES.get(parsed[index].decimal, 0)

    decimal = _column_decimal(settles[codes], codes, parsed, positions, values)
    result.decimal = decimal

    unique_cents = np.zeros(len(stripped), dtype=np.int64)
    whole_cents = np.ones(len(stripped), dtype=bool)
    plain_index = np.flatnonzero(plain & ~blank)
    if len(plain_index):
        numbers = np.array([stripped[index].replace(",", ".") for index in plain_index], dtype=np.float64)
        unique_cents[plain_index] = np.rint(numbers * 100).astype(np.int64)
    for index, text in parsed.items():
        try:
            unique_cents[index] = text_to_cents(text, decimal)
        except AmountError:
            position = int(positions[np.flatnonzero(codes == index)[0]])
            raise AmountProblem("amount_invalid", position, values[position]) from None
        whole_cents[index] = is_whole_cents(text, decimal)

    result.cents[positions] = unique_cents[codes]
    converted = np.zeros(len(stripped), dtype=bool)
    converted[list(parsed)] = True
    result.converted = positions[converted[codes]]
    return positions[~whole_cents[codes]]


def _column_decimal(
    settles: np.ndarray, codes: np.ndarray, parsed: dict[int, ParsedText], positions: np.ndarray, values: list[object]
) -> str:
    """Return the decimal separator of a column's texts; raise AmountProblem if the column can't tell.

    ``settles`` gives per text (in column order) 0 when it settles nothing, 1 for '.', 2 for ','.
    """
    settled = np.flatnonzero(settles)
    if not len(settled):
        # Nothing settles it: fine unless some text has a separator ('1.234').
        ambiguous = [index for index, text in parsed.items() if "." in text.digits or "," in text.digits]
        if ambiguous:
            order = np.flatnonzero(np.isin(codes, ambiguous))[0]
            raise AmountProblem("amount_ambiguous", int(positions[order]), values[positions[order]])
        return ","

    first = settles[settled[0]]
    disagreeing = settled[settles[settled] != first]
    if len(disagreeing):
        raise AmountProblem("amount_mixed", int(positions[disagreeing[0]]), values[positions[disagreeing[0]]])
    return "." if first == 1 else ","


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
