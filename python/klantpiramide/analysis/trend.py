"""Customers and revenue per category over three or more years.

Every year is ranked with one set of bounds, so a change in a count is a change
in the customers and not in the bounds. By default these are the bounds of the
first year (the pyramid's 'hard revenue bounds'). With own bounds they are the
own bounds, and with ``per_year`` each year has its own pyramid bounds.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from klantpiramide.analysis.migration import Migration
from klantpiramide.analysis.pyramid import Bounds, classify


def trend_bounds(migrations: tuple[Migration, ...]) -> list[Bounds]:
    """Return the bounds that rank each year of a chain of consecutive migrations, the earliest year first."""
    first = migrations[0]
    if first.rule == "per_year":
        return [migration.bounds_base for migration in migrations] + [migrations[-1].bounds_next]
    return [first.bounds_base] * (len(migrations) + 1)


def category_trend(revenues: list[np.ndarray], bounds: list[Bounds]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the active customers and their revenue (cents) per category (rows) and year (columns, by position).

    ``revenues`` contains one array of customer revenues in cents per year, and
    ``bounds`` the bounds that rank that year.
    """
    categories = list(bounds[0].categories)
    counts, totals = {}, {}
    for position, (revenue, year_bounds) in enumerate(zip(revenues, bounds)):
        revenue = np.asarray(revenue, dtype=np.int64)
        category = classify(revenue, year_bounds).astype(np.int64)
        active = category >= 0
        counts[position] = np.bincount(category[active], minlength=len(categories))
        # np.add.at sums in int64, so the totals stay exact to the cent.
        sums = np.zeros(len(categories), dtype=np.int64)
        np.add.at(sums, category[active], revenue[active])
        totals[position] = sums
    return pd.DataFrame(counts, index=categories), pd.DataFrame(totals, index=categories)
