"""The migration between two years: who rose, fell, stayed, is new or was lost.

Matrix rows are the base-year categories plus 'new': customers not active in
the base year but active in the next. Columns are the next-year categories plus
'lost': customers active in the base year but not in the next. Customers active
in neither year are not placed, but they stay in ``Migration.customers``, so
nothing is dropped.

With three or more years, a customer who is new in a pair but was active in an
earlier year is 'won back', in an extra row after 'new'; 'new' then means
never active before.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from klantpiramide.analysis.pyramid import DEFAULT_SPLIT, INACTIVE, Bounds, Split, classify, pyramid_bounds

# Movement kinds, in the order the legend shows them.
MOVEMENTS = ("up", "down", "same", "new", "lost")
WON_BACK = "won_back"
NOT_PLACED = -1


@dataclass(frozen=True)
class Migration:
    """Everything the report needs about two years; amounts in cents.

    ``customers`` has one row per customer number seen in either year. Its
    columns are key, customer, name, revenue_base, revenue_next, listed_base,
    listed_next, cat_base and cat_next (category index, or -1 when inactive),
    row and column (matrix position, or -1 when not placed) and movement (one of
    MOVEMENTS, or '' when not placed). The matrices are indexed 0..m by row and
    column, where m is the number of categories, so row m is 'new' and column m
    is 'lost'. With earlier years, row m + 1 is 'won back'. A ``group`` column
    is carried when an input year has one.
    """

    base_year: int
    next_year: int
    split: Split
    rule: str
    bounds_base: Bounds
    bounds_next: Bounds
    customers: pd.DataFrame
    counts: pd.DataFrame
    revenue_base: pd.DataFrame
    revenue_next: pd.DataFrame

    @property
    def categories(self) -> tuple[str, ...]:
        return self.bounds_base.categories

    @property
    def placed(self) -> pd.DataFrame:
        return self.customers[self.customers["row"] != NOT_PLACED]

    @property
    def not_placed(self) -> pd.DataFrame:
        return self.customers[self.customers["row"] == NOT_PLACED]

    def active_count(self, which: str) -> int:
        """Return the number of active customers in 'base' or 'next'."""
        return int((self.customers[f"cat_{which}"] != INACTIVE).sum())

    @property
    def has_won_back(self) -> bool:
        """Tell whether the matrix has the row of won-back customers (three or more years of input)."""
        return len(self.counts.index) == len(self.categories) + 2

    def cell_movement(self, row: int, column: int) -> str:
        """Return the movement kind of matrix cell (row, column)."""
        return movement_of(row, column, len(self.categories))


def movement_of(row: int, column: int, size: int) -> str:
    """Return the movement kind of a matrix cell in a matrix of ``size`` categories."""
    if row == size:
        return "new"
    if row == size + 1:
        return WON_BACK
    if column == size:
        return "lost"
    if column < row:
        return "up"
    if column > row:
        return "down"
    return "same"


def migrate(
    base: pd.DataFrame,
    next_: pd.DataFrame,
    base_year: int,
    next_year: int,
    *,
    split: Split = DEFAULT_SPLIT,
    own_bounds: Bounds | None = None,
    per_year: bool = False,
    earlier_active: pd.Index | None = None,
) -> Migration:
    """Classify both years and build the migration matrices.

    ``base`` and ``next_`` have one row per customer with the columns key (the
    matching key), customer (the number as shown), name and revenue (cents).
    By default the base year's bounds classify both years ('hard revenue
    bounds'); ``per_year`` ranks each year on its own; ``own_bounds`` replaces
    the derived bounds. ``earlier_active`` contains the keys of customers
    active in a year before the base year. When it is given, even empty, the
    matrix gets the row of won-back customers.
    """
    customers = _join_years(base, next_)

    # Bounds: the user's own, the base year's for both, or each year's own.
    if own_bounds is not None:
        rule, bounds_base, bounds_next = "own", own_bounds, own_bounds
    else:
        bounds_base = pyramid_bounds(customers["revenue_base"].to_numpy(), split, year=base_year)
        bounds_next = bounds_base
        rule = "pyramid"
        if per_year:
            rule = "per_year"
            bounds_next = pyramid_bounds(customers["revenue_next"].to_numpy(), split, year=next_year)

    customers["cat_base"] = classify(customers["revenue_base"].to_numpy(), bounds_base)
    customers["cat_next"] = classify(customers["revenue_next"].to_numpy(), bounds_next)
    size = len(bounds_base.categories)
    place_in_matrix(customers, size)
    if earlier_active is not None:
        _mark_won_back(customers, earlier_active, size)

    counts, revenue_base, revenue_next = _matrices(customers, size, won_back=earlier_active is not None)
    return Migration(
        base_year=base_year,
        next_year=next_year,
        split=split,
        rule=rule,
        bounds_base=bounds_base,
        bounds_next=bounds_next,
        customers=customers,
        counts=counts,
        revenue_base=revenue_base,
        revenue_next=revenue_next,
    )


def _join_years(base: pd.DataFrame, next_: pd.DataFrame) -> pd.DataFrame:
    """Outer-join the two years on the key; a customer missing from a year has revenue 0 there."""
    left = base.set_index("key")[["customer", "name", "revenue"]].add_suffix("_base")
    right = next_.set_index("key")[["customer", "name", "revenue"]].add_suffix("_next")
    joined = left.join(right, how="outer", sort=False)

    listed_base = joined["revenue_base"].notna()
    listed_next = joined["revenue_next"].notna()
    customer_base = joined["customer_base"].fillna("")
    customer_next = joined["customer_next"].fillna("")

    # Show the longest form of the number seen ('00123' rather than '123'), and the latest name.
    longer_next = customer_next.str.len() > customer_base.str.len()
    name_next = joined["name_next"].fillna("")
    name_base = joined["name_base"].fillna("")

    customers = pd.DataFrame(
        {
            "key": joined.index.astype(str),
            "customer": np.where(longer_next, customer_next, customer_base),
            "name": np.where(name_next != "", name_next, name_base),
            "revenue_base": joined["revenue_base"].fillna(0).astype(np.int64).to_numpy(),
            "revenue_next": joined["revenue_next"].fillna(0).astype(np.int64).to_numpy(),
            "listed_base": listed_base.to_numpy(),
            "listed_next": listed_next.to_numpy(),
        }
    ).reset_index(drop=True)
    if "group" in base.columns or "group" in next_.columns:
        customers["group"] = _latest_group(base, next_, joined.index)
    return customers


def _latest_group(base: pd.DataFrame, next_: pd.DataFrame, keys: pd.Index) -> np.ndarray:
    """Return the group of every key: the next year's when it names one, else the base year's."""
    groups = []
    for frame in (next_, base):
        if "group" in frame.columns:
            groups.append(frame.set_index("key")["group"].reindex(keys).fillna("").astype(str).to_numpy())
    latest = groups[0]
    for earlier in groups[1:]:
        latest = np.where(latest != "", latest, earlier)
    return latest


def place_in_matrix(customers: pd.DataFrame, size: int) -> None:
    """Add the matrix row, column and movement of every row with cat_base and cat_next, in place."""
    cat_base = customers["cat_base"].to_numpy().astype(np.int64)
    cat_next = customers["cat_next"].to_numpy().astype(np.int64)
    active_base = cat_base != INACTIVE
    active_next = cat_next != INACTIVE
    placed = active_base | active_next

    row = np.where(active_base, cat_base, np.where(active_next, size, NOT_PLACED))
    column = np.where(active_next, cat_next, np.where(active_base, size, NOT_PLACED))

    movement = np.full(len(customers), "", dtype=object)
    movement[placed & (column < row)] = "up"
    movement[placed & (column > row)] = "down"
    movement[placed & (column == row)] = "same"
    movement[active_base & ~active_next] = "lost"
    movement[~active_base & active_next] = "new"

    customers["row"] = row
    customers["column"] = column
    customers["movement"] = movement


def _mark_won_back(customers: pd.DataFrame, earlier_active: pd.Index, size: int) -> None:
    """Move the new customers who were active before the base year to the won-back row, in place."""
    won_back = (customers["movement"] == "new") & customers["key"].isin(earlier_active)
    customers.loc[won_back, "row"] = size + 1
    customers.loc[won_back, "movement"] = WON_BACK


def _matrices(customers: pd.DataFrame, size: int, *, won_back: bool = False) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Count customers and sum revenues per matrix cell, including empty cells."""
    placed = customers[customers["row"] != NOT_PLACED]
    cells = placed.groupby(["row", "column"]).agg(
        count=("key", "size"), revenue_base=("revenue_base", "sum"), revenue_next=("revenue_next", "sum")
    )

    rows = range(size + 2) if won_back else range(size + 1)
    positions = range(size + 1)
    frames = []
    for field in ("count", "revenue_base", "revenue_next"):
        grid = cells[field].unstack(fill_value=0).reindex(index=rows, columns=positions, fill_value=0)
        frames.append(grid.astype(np.int64))
    return frames[0], frames[1], frames[2]
