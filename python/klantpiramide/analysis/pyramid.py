"""The customer pyramid: split, revenue bounds and classification.

The rule (Jay Curry's customer pyramid, made exact so tests can pin it):

- a customer is active in a year when its total revenue there is greater than 0;
- sort the n active customers by revenue, highest first;
- for each category boundary with cumulative share s, k = max(1, floor(s * n + 0.5)),
  and the category's lower bound is the revenue of the customer at position k;
- a customer belongs to the best category whose bound its revenue reaches
  (revenue >= bound); every other active customer is in the last category.

So equal revenues always share a category: when all revenues are equal, every
customer is A.

Limitations: at most five categories (A to E), because the report's layout and
colours are made for that many.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction

import numpy as np

from klantpiramide.errors import InputError, SettingsError

CATEGORY_LETTERS = "ABCDE"
INACTIVE = -1


@dataclass(frozen=True)
class Split:
    """Percentages of customers per category, best category first; they add up to 100."""

    shares: tuple[Fraction, ...]

    @property
    def categories(self) -> tuple[str, ...]:
        return tuple(CATEGORY_LETTERS[: len(self.shares)])

    def cumulative(self) -> list[Fraction]:
        """Return the cumulative shares (as fractions of 1) of every category but the last."""
        running = Fraction(0)
        result = []
        for share in self.shares[:-1]:
            running += share
            result.append(running / 100)
        return result

    def describe(self) -> str:
        """Return the split as the user writes it, for example '1/4/15/25/55'."""
        return "/".join(_format_fraction(share) for share in self.shares)


DEFAULT_SPLIT = Split(tuple(Fraction(share) for share in (1, 4, 15, 25, 55)))


@dataclass(frozen=True)
class Bounds:
    """Lower revenue bounds in cents, one per category except the last, best first.

    ``origin`` records how they were made: 'pyramid' (derived from a year's
    revenues by the split) or 'own' (given by the user).
    """

    categories: tuple[str, ...]
    lower_cents: tuple[int, ...]
    origin: str = "pyramid"

    def __post_init__(self) -> None:
        if len(self.lower_cents) != len(self.categories) - 1:
            raise ValueError("a bound is needed for every category but the last")


def parse_split(text: str) -> Split:
    """Parse '1,4,15,80' (or '1;4;15;80') into a Split; raise SettingsError if invalid."""
    parts = [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]
    try:
        shares = tuple(Fraction(Decimal(part.replace(" ", ""))) for part in parts)
    except (InvalidOperation, ValueError):
        raise SettingsError("split_invalid", value=text) from None

    if not 2 <= len(shares) <= len(CATEGORY_LETTERS) or any(share <= 0 for share in shares):
        raise SettingsError("split_invalid", value=text)
    if sum(shares) != 100:
        raise SettingsError("split_sum", total=_format_fraction(sum(shares)))
    return Split(shares)


def pyramid_bounds(revenue_cents: np.ndarray, split: Split = DEFAULT_SPLIT, *, year: object = None) -> Bounds:
    """Derive the lower bound of every category from one year's revenues by the split.

    Raises InputError when no customer is active, because then no pyramid exists.
    """
    revenue = np.asarray(revenue_cents, dtype=np.int64)
    active = np.sort(revenue[revenue > 0])[::-1]
    n = len(active)
    if n == 0:
        raise InputError("no_active_base", year=year if year is not None else "?")

    bounds = []
    for share in split.cumulative():
        # Exact arithmetic: floor(s * n + 1/2) with s a fraction, never a float.
        k = max(1, math.floor(share * n + Fraction(1, 2)))
        bounds.append(int(active[k - 1]))
    return Bounds(split.categories, tuple(bounds), "pyramid")


def bounds_from_euros(values: list[str], split: Split = DEFAULT_SPLIT) -> Bounds:
    """Turn the user's own lower bounds in euros ('10000', '2500,50') into Bounds."""
    categories = split.categories
    expected = len(categories) - 1
    if len(values) != expected:
        raise SettingsError(
            "bounds_count", count=expected, categories=", ".join(categories[:-1]), found=len(values)
        )

    cents = []
    for value in values:
        try:
            amount = Decimal(_plain_number(value))
        except InvalidOperation:
            raise SettingsError("bounds_invalid", value=" ".join(values), count=expected) from None
        cents.append(int((amount * 100).to_integral_value()))

    descending = all(high >= low for high, low in zip(cents, cents[1:]))
    if not descending or min(cents) <= 0:
        raise SettingsError("bounds_order", value=" ".join(values))
    return Bounds(categories, tuple(cents), "own")


def _plain_number(text: str) -> str:
    """Turn '1.000,50', '1,000.50', '2500,5' or '10000' into Decimal syntax.

    With one kind of separator, a comma is the decimal separator and a dot
    followed by exactly three digits separates thousands, as Dutch users write.
    """
    cleaned = text.strip().replace("€", "").replace(" ", "").replace("\u00a0", "")
    if "," in cleaned and "." in cleaned:
        thousands = "." if cleaned.rfind(",") > cleaned.rfind(".") else ","
        cleaned = cleaned.replace(thousands, "")
    elif "." in cleaned and all(len(group) == 3 for group in cleaned.split(".")[1:]):
        cleaned = cleaned.replace(".", "")
    return cleaned.replace(",", ".")


def classify(revenue_cents: np.ndarray, bounds: Bounds) -> np.ndarray:
    """Return the category index (0 = A) of every revenue, or INACTIVE (-1) for revenue <= 0."""
    revenue = np.asarray(revenue_cents, dtype=np.int64)
    ascending = np.asarray(bounds.lower_cents[::-1], dtype=np.int64)

    # The number of bounds above a revenue is its category index: none above means A.
    above = len(ascending) - np.searchsorted(ascending, revenue, side="right")
    return np.where(revenue > 0, above, INACTIVE).astype(np.int8)


def _format_fraction(value: Fraction) -> str:
    if value.denominator == 1:
        return str(value.numerator)
    return format(Decimal(value.numerator) / Decimal(value.denominator), "f").rstrip("0")
