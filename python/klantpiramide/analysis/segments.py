"""Segments to act on: which customers to thank, call, welcome or serve differently.

Each segment is a rule over the migration's customer frame (see
``Migration.customers``):

- risers: a better category in the next year than in the base year;
- key accounts: A or B in the next year (with only two categories, A alone);
- fallers: a worse category in the next year;
- lost: active in the base year only;
- new: active in the next year only, and never before;
- won back: active in the next year, inactive in the base year, active in an
  earlier year (only with three or more years of input);
- small: D and E in the next year, the categories to serve more cheaply (with
  fewer than four categories, the last one);
- look-alikes: customers who stayed in the base category of at least one
  riser, with at least the median base-year revenue of that category's risers.
  They resemble the customers who grew, but did not grow themselves.

Segments overlap: a riser into B is also a key account. The call list gives
each customer a single segment, the first in ``CALL_ORDER`` that contains it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

SEGMENTS = ("risers", "key_accounts", "fallers", "lost", "new", "won_back", "small", "look_alikes")

# The segments of a call list, most urgent first. Small customers are served
# differently, not called, so they are left out unless asked for.
CALL_ORDER = ("fallers", "lost", "risers", "new", "won_back", "key_accounts", "look_alikes")

# Sort order of each segment's list as (field, ascending), the biggest case first.
_LIST_ORDER = {
    "risers": ("change", False),
    "key_accounts": ("revenue_next", False),
    "fallers": ("change", True),
    "lost": ("revenue_base", False),
    "new": ("revenue_next", False),
    "won_back": ("revenue_next", False),
    "small": ("revenue_next", False),
    "look_alikes": ("revenue_next", False),
}


def key_category_count(size: int) -> int:
    """Return how many of the best categories hold the key accounts: A and B, but never the last category."""
    return max(1, min(2, size - 1))


def small_category_start(size: int) -> int:
    """Return the index of the first category of small customers: D, or the last category when there is no D."""
    return min(3, size - 1)


def segment_membership(customers: pd.DataFrame, size: int) -> pd.DataFrame:
    """Return one boolean column per segment in ``SEGMENTS``, aligned with ``customers``.

    ``size`` is the number of categories. Inactive customers in the next year
    are key accounts or small customers of no category.
    """
    movement = customers["movement"].to_numpy()
    category_next = customers["cat_next"].to_numpy().astype(np.int64)
    active_next = category_next >= 0
    membership = {
        "risers": movement == "up",
        "key_accounts": active_next & (category_next < key_category_count(size)),
        "fallers": movement == "down",
        "lost": movement == "lost",
        "new": movement == "new",
        "won_back": movement == "won_back",
        "small": active_next & (category_next >= small_category_start(size)),
        "look_alikes": look_alike_mask(customers),
    }
    return pd.DataFrame(membership, index=customers.index)


def look_alike_mask(customers: pd.DataFrame) -> np.ndarray:
    """Return which customers look like risers but did not rise.

    A look-alike stayed in its category, and that base category produced at
    least one riser whose base-year revenue the look-alike matches: its own
    base-year revenue is at least the median of those risers.
    """
    threshold = customers["cat_base"].map(look_alike_thresholds(customers)).to_numpy(dtype=float)
    stayed = customers["movement"].to_numpy() == "same"
    with np.errstate(invalid="ignore"):
        # A category without risers has no threshold (NaN), and NaN compares False.
        large_enough = customers["revenue_base"].to_numpy() >= threshold
    return stayed & large_enough


def look_alike_thresholds(customers: pd.DataFrame) -> pd.Series:
    """Return, per base category with risers, the median base-year revenue of its risers in cents."""
    risers = customers[customers["movement"] == "up"]
    return risers.groupby("cat_base")["revenue_base"].median().sort_index()


def segment_totals(customers: pd.DataFrame, membership: pd.DataFrame) -> pd.DataFrame:
    """Return per segment the number of customers and their revenue in both years (cents).

    The index is the segments of ``membership``; columns are count,
    revenue_base and revenue_next.
    """
    members = membership.to_numpy().astype(np.int64)
    revenue = customers[["revenue_base", "revenue_next"]].to_numpy().astype(np.int64)
    sums = members.T @ revenue
    return pd.DataFrame(
        {"count": members.sum(axis=0), "revenue_base": sums[:, 0], "revenue_next": sums[:, 1]},
        index=membership.columns,
    )


def segment_list(customers: pd.DataFrame, membership: pd.DataFrame, segment: str) -> pd.DataFrame:
    """Return the customers of one segment, the biggest case first (largest rise, fall or revenue)."""
    members = customers[membership[segment].to_numpy()].copy()
    field, ascending = _LIST_ORDER[segment]
    if field == "change":
        members["change"] = members["revenue_next"] - members["revenue_base"]
    ordered = members.sort_values([field, "key"], ascending=[ascending, True], kind="stable")
    return ordered.drop(columns="change") if field == "change" else ordered


def primary_segment(membership: pd.DataFrame, order: tuple[str, ...] = CALL_ORDER) -> pd.Series:
    """Return each customer's first segment in ``order``, or '' when it is in none of them."""
    primary = np.full(len(membership), "", dtype=object)
    for segment in reversed(order):
        primary[membership[segment].to_numpy()] = segment
    return pd.Series(primary, index=membership.index, name="segment")
