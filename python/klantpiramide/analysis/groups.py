"""Groups of customers: the branches of one chain, parent or concern, bundled.

A customer frame may have a ``group`` column (empty when the customer belongs
to none). The branches of a group are added up per year. The group's totals
are classified with the same bounds as single customers, so the group gets a
category and a movement of its own, beside the movements of its branches.

Limitations: a group is only shown when it has two or more branches; a group
of one branch is that customer.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from klantpiramide.analysis.migration import place_in_matrix
from klantpiramide.analysis.pyramid import Bounds, classify

MIN_BRANCHES = 2
BRANCH_MOVEMENTS = ("up", "down", "same", "new", "won_back", "lost")


def has_groups(customers: pd.DataFrame) -> bool:
    """Tell whether the customers carry a group column with at least one group of two or more branches."""
    if "group" not in customers.columns:
        return False
    sizes = customers.loc[customers["group"] != "", "group"].value_counts()
    return bool((sizes >= MIN_BRANCHES).any())


def group_totals(customers: pd.DataFrame, bounds_base: Bounds, bounds_next: Bounds) -> pd.DataFrame:
    """Return one row per group of two or more branches, the largest next-year revenue first.

    Columns: group, branches, active_base, active_next, revenue_base,
    revenue_next (cents), cat_base, cat_next (category index of the group's
    total, -1 when inactive), row, column and movement of the group as a whole,
    and one count per branch movement (branches_up, branches_down, ...).
    """
    if "group" not in customers.columns:
        return _empty_totals()
    members = customers[customers["group"] != ""]
    movement = members["movement"].to_numpy()
    counted = pd.DataFrame(
        {
            "group": members["group"].to_numpy(),
            "branches": 1,
            "active_base": (members["cat_base"].to_numpy() >= 0).astype(np.int64),
            "active_next": (members["cat_next"].to_numpy() >= 0).astype(np.int64),
            "revenue_base": members["revenue_base"].to_numpy(),
            "revenue_next": members["revenue_next"].to_numpy(),
            **{f"branches_{kind}": (movement == kind).astype(np.int64) for kind in BRANCH_MOVEMENTS},
        }
    )
    totals = counted.groupby("group", sort=False).sum().reset_index()
    totals = totals[totals["branches"] >= MIN_BRANCHES].reset_index(drop=True)
    if totals.empty:
        return _empty_totals()

    totals["cat_base"] = classify(totals["revenue_base"].to_numpy(), bounds_base)
    totals["cat_next"] = classify(totals["revenue_next"].to_numpy(), bounds_next)
    place_in_matrix(totals, len(bounds_base.categories))
    return totals.sort_values(["revenue_next", "group"], ascending=[False, True], kind="stable").reset_index(drop=True)


def _empty_totals() -> pd.DataFrame:
    columns = [
        "group", "branches", "active_base", "active_next", "revenue_base", "revenue_next",
        *(f"branches_{kind}" for kind in BRANCH_MOVEMENTS), "cat_base", "cat_next", "row", "column", "movement",
    ]
    return pd.DataFrame({column: [] for column in columns})
