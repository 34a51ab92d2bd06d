"""Key figures of a migration: totals per year, retention, movements, the key accounts' share, and customers near a bound.

Definitions (amounts in cents, shares as fractions of 1, 0 when the whole is 0):

- customers in a year: the active customers (revenue above 0); revenue in a
  year: the total of every customer, credit notes included, as the bridge uses;
- customer retention: the base year's active customers still active in the
  next year, as a share of the base year's active customers;
- revenue kept: the base-year revenue of those retained customers, as a share
  of the base year's revenue of active customers;
- net retention: their next-year revenue, as a share of their base-year revenue;
- movement shares: of every customer placed in the matrix;
- key-account share: the revenue of categories A and B (see
  ``segments.key_category_count``) as a share of the year's active revenue;
- near a bound: within ``margin`` (10%) of a lower bound in the next year,
  either below the bound of the category above (about to rise) or at or above
  the customer's own category's bound (about to fall).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy as np
import pandas as pd

from klantpiramide.analysis.pyramid import Bounds
from klantpiramide.analysis.segments import key_category_count

NEAR_MARGIN = Fraction(1, 10)
MOVEMENT_KINDS = ("up", "down", "same", "new", "won_back", "lost")


@dataclass(frozen=True)
class YearFigures:
    """One year's active customers, total revenue and the key accounts' revenue (cents)."""

    customers: int
    revenue: int
    active_revenue: int
    key_revenue: int

    @property
    def key_share(self) -> float:
        return share(self.key_revenue, self.active_revenue)


@dataclass(frozen=True)
class MovementFigures:
    """The customers of one movement kind, their share of the placed customers, and their revenue (cents)."""

    customers: int
    share: float
    revenue_base: int
    revenue_next: int


@dataclass(frozen=True)
class KeyFigures:
    """The key figures of a migration; see the module docstring for each definition."""

    base: YearFigures
    next: YearFigures
    retained: int
    retained_revenue_base: int
    retained_revenue_next: int
    movements: dict[str, MovementFigures]

    @property
    def customer_retention(self) -> float:
        return share(self.retained, self.base.customers)

    @property
    def revenue_kept(self) -> float:
        return share(self.retained_revenue_base, self.base.active_revenue)

    @property
    def net_retention(self) -> float:
        return share(self.retained_revenue_next, self.retained_revenue_base)


def share(part: int, whole: int) -> float:
    """Return part / whole, or 0.0 when the whole is 0."""
    return part / whole if whole else 0.0


def key_figures(customers: pd.DataFrame, size: int) -> KeyFigures:
    """Compute the key figures from a migration's customer frame; ``size`` is the number of categories."""
    category_base = customers["cat_base"].to_numpy().astype(np.int64)
    category_next = customers["cat_next"].to_numpy().astype(np.int64)
    revenue_base = customers["revenue_base"].to_numpy().astype(np.int64)
    revenue_next = customers["revenue_next"].to_numpy().astype(np.int64)
    key_count = key_category_count(size)

    retained = (category_base >= 0) & (category_next >= 0)
    movement = customers["movement"].to_numpy()
    placed = int((movement != "").sum())
    movements = {}
    for kind in MOVEMENT_KINDS:
        members = movement == kind
        count = int(members.sum())
        movements[kind] = MovementFigures(count, share(count, placed), int(revenue_base[members].sum()), int(revenue_next[members].sum()))

    return KeyFigures(
        base=_year_figures(category_base, revenue_base, key_count),
        next=_year_figures(category_next, revenue_next, key_count),
        retained=int(retained.sum()),
        retained_revenue_base=int(revenue_base[retained].sum()),
        retained_revenue_next=int(revenue_next[retained].sum()),
        movements=movements,
    )


def _year_figures(categories: np.ndarray, revenue: np.ndarray, key_count: int) -> YearFigures:
    active = categories >= 0
    key = active & (categories < key_count)
    return YearFigures(int(active.sum()), int(revenue.sum()), int(revenue[active].sum()), int(revenue[key].sum()))


def near_bounds(customers: pd.DataFrame, bounds: Bounds, margin: Fraction = NEAR_MARGIN) -> dict[str, pd.DataFrame]:
    """Return the customers near a bound in the next year: 'rise' (just below the bound above) and 'fall' (just above their own).

    Each frame is a subset of ``customers`` with two more columns: bound (the
    index of the category whose lower bound it is near) and distance (cents
    between the revenue and that bound, always 0 or more). The comparison is
    exact: revenue >= (1 - margin) x bound below it, revenue <= (1 + margin) x
    bound above it. Rising customers come closest first, falling ones too.
    """
    lower = np.asarray(bounds.lower_cents, dtype=np.int64)
    category = customers["cat_next"].to_numpy().astype(np.int64)
    revenue = customers["revenue_next"].to_numpy().astype(np.int64)
    numerator, denominator = margin.numerator, margin.denominator

    # About to rise: in a category below A, close under the bound of the category above.
    can_rise = (category >= 1) & (category <= len(lower))
    bound_above = np.where(can_rise, category - 1, 0)
    target = lower[bound_above] if len(lower) else np.zeros(len(category), dtype=np.int64)
    rising = can_rise & (revenue * denominator >= target * (denominator - numerator))

    # About to fall: in a category with a lower bound (every one but the last), close above it.
    can_fall = (category >= 0) & (category < len(lower))
    own = np.where(can_fall, category, 0)
    floor = lower[own] if len(lower) else np.zeros(len(category), dtype=np.int64)
    falling = can_fall & (revenue * denominator <= floor * (denominator + numerator))

    rise = customers[rising].assign(bound=bound_above[rising], distance=(target - revenue)[rising])
    fall = customers[falling].assign(bound=own[falling], distance=(revenue - floor)[falling])
    return {
        "rise": rise.sort_values(["distance", "key"], kind="stable"),
        "fall": fall.sort_values(["distance", "key"], kind="stable"),
    }


def near_bound_counts(near: dict[str, pd.DataFrame], bounds: Bounds) -> pd.DataFrame:
    """Return per lower bound (indexed by its category) the customers just below it and just above it."""
    index = pd.RangeIndex(len(bounds.lower_cents))
    below = near["rise"]["bound"].value_counts().reindex(index, fill_value=0)
    above = near["fall"]["bound"].value_counts().reindex(index, fill_value=0)
    return pd.DataFrame(
        {"bound": list(bounds.lower_cents), "below": below.to_numpy(), "above": above.to_numpy()}, index=index
    )
