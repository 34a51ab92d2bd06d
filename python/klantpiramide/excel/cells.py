"""Cell values to engine input, and pyramid results back to cell values.

Shared by the worksheet functions and the Piramide button, so both show the
same numbers. Amounts become whole cents, as everywhere in the engine.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from klantpiramide.analysis import Bounds, classify
from klantpiramide.analysis.pyramid import CATEGORY_LETTERS, INACTIVE
from klantpiramide.reading.amounts import AmountError, float_to_cents, split_text, text_to_cents


@dataclass(frozen=True)
class CellAmounts:
    """A range of cells read as amounts: cents, and which cells were missing or invalid.

    ``cents`` is 0 where a cell is missing (empty) or invalid; ``invalid`` maps
    the position of each invalid cell to its value.
    """

    cents: np.ndarray
    missing: np.ndarray
    invalid: dict[int, object]


def is_missing(value: object) -> bool:
    """Tell whether a cell counts as missing: empty, or text of only spaces."""
    return value is None or (isinstance(value, str) and not value.strip())


def read_amounts(values: list[object]) -> CellAmounts:
    """Read cell values as amounts, text in Dutch notation unless the text itself settles the separator.

    '1.234,56' and '€ 1.234' are Dutch; '1,234.56' is read as English because
    both separators settle it. A text the column cannot settle ('1.234') is
    Dutch, so 1234, because the add-in's users write amounts the Dutch way.
    """
    cents = np.zeros(len(values), dtype=np.int64)
    missing = np.zeros(len(values), dtype=bool)
    invalid: dict[int, object] = {}

    # A column of plain numbers, the usual case, needs no look at each cell.
    if values and set(map(type, values)) <= {float, int}:
        _numbers_to_cents(values, np.arange(len(values)), np.array(values, dtype=np.float64), cents, invalid)
        return CellAmounts(cents, missing, invalid)

    parsed = {}
    numbers: list[int] = []
    for position, value in enumerate(values):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            numbers.append(position)
        elif is_missing(value):
            missing[position] = True
        elif isinstance(value, str):
            try:
                parsed[position] = split_text(value)
            except AmountError:
                invalid[position] = value
        else:
            # bool, dates and anything else a cell can hold are no amounts.
            invalid[position] = value

    if numbers:
        numeric = np.array([values[position] for position in numbers], dtype=np.float64)
        _numbers_to_cents(values, np.asarray(numbers), numeric, cents, invalid)
    for position, text in parsed.items():
        cents[position] = text_to_cents(text, text.decimal or ",")
    return CellAmounts(cents, missing, invalid)


def _numbers_to_cents(
    values: list[object], index: np.ndarray, numbers: np.ndarray, cents: np.ndarray, invalid: dict[int, object]
) -> None:
    """Convert numeric cells to cents exactly as the reader's ``float_to_cents`` does, but vectorised.

    Below 1e12 cents, a double times 100 is within about 1e-4 cent of the
    decimal the cell shows. So a product within 1e-6 of a whole cent (every
    amount typed with at most two decimals) is that cent under any rounding
    rule, and numpy rounds it. The rest goes through ``float_to_cents``, which
    rounds the shown decimal half up.
    """
    finite = np.isfinite(numbers)
    for position in index[~finite]:
        invalid[int(position)] = values[position]

    scaled = numbers[finite] * 100
    whole = np.rint(scaled)
    exact = (np.abs(scaled - whole) < 1e-6) & (np.abs(scaled) < 1e12)
    finite_index = index[finite]
    cents[finite_index[exact]] = whole[exact].astype(np.int64)
    for position in finite_index[~exact]:
        cents[position] = float_to_cents(values[position])


def category_index(letter: object, categories: str = CATEGORY_LETTERS) -> int | None:
    """Return the index of a category letter ('a' counts as 'A'), or None when it is no category."""
    if not isinstance(letter, str):
        return None
    cleaned = letter.strip().upper()
    if len(cleaned) != 1 or cleaned not in categories:
        return None
    return categories.index(cleaned)


@dataclass(frozen=True)
class PyramidRow:
    """One category of a one-year pyramid; amounts in cents, shares as fractions of 1."""

    category: str
    lower_cents: int
    count: int
    count_share: float
    revenue_cents: int
    revenue_share: float


def pyramid_rows(cents: np.ndarray, bounds: Bounds) -> list[PyramidRow]:
    """Return the pyramid table: per category its lower bound, customers and revenue.

    The last category has no bound of its own: its lower bound is 1 cent, the
    smallest revenue of an active customer.
    """
    indexes = classify(cents, bounds)
    active = indexes != INACTIVE
    total_count = int(active.sum())
    total_revenue = int(cents[active].sum())

    rows = []
    for index, category in enumerate(bounds.categories):
        members = indexes == index
        count = int(members.sum())
        revenue = int(cents[members].sum())
        lower = bounds.lower_cents[index] if index < len(bounds.lower_cents) else 1
        rows.append(
            PyramidRow(
                category,
                lower,
                count,
                count / total_count if total_count else 0.0,
                revenue,
                revenue / total_revenue if total_revenue else 0.0,
            )
        )
    return rows
