"""Won-back customers: new in a pair, but active in a year before its base year (amounts in cents)."""

import pandas as pd

from klantpiramide.analysis import bounds_from_euros, migrate, parse_split
from klantpiramide.analysis.migration import movement_of
from tests.helpers import year

SPLIT = parse_split("10,20,30,40")
OWN = bounds_from_euros(["100", "50", "20"], SPLIT)


def migration_with(earlier_active):
    base = [("1", 6000), ("2", 0)]
    following = [("1", 6000), ("2", 3000), ("3", 800)]
    return migrate(year(base), year(following), 2024, 2025, split=SPLIT, own_bounds=OWN, earlier_active=earlier_active)


def test_customer_active_before_is_won_back():
    migration = migration_with(pd.Index(["2"]))
    movements = dict(zip(migration.customers["key"], migration.customers["movement"]))
    assert movements == {"1": "same", "2": "won_back", "3": "new"}
    # Rows A, B, C, D, Nieuw, Teruggewonnen; columns A, B, C, D, Verloren.
    assert migration.counts.shape == (6, 5)
    assert migration.counts.iat[5, 2] == 1
    assert migration.counts.iat[4, 3] == 1
    assert migration.revenue_next.iat[5, 2] == 3000
    assert migration.has_won_back


def test_empty_history_keeps_won_back_row():
    migration = migration_with(pd.Index([]))
    assert migration.counts.shape == (6, 5)
    assert migration.counts.iloc[5].sum() == 0


def test_two_years_have_no_won_back_row():
    migration = migration_with(None)
    assert migration.counts.shape == (5, 5)
    assert not migration.has_won_back
    assert dict(zip(migration.customers["key"], migration.customers["movement"]))["2"] == "new"


def test_won_back_cell_movement():
    assert movement_of(5, 0, 4) == "won_back"
    assert movement_of(4, 0, 4) == "new"
