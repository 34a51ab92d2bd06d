"""Groups of branches, bundled per year and classified as one customer (amounts in cents)."""

import numpy as np
import pandas as pd

from klantpiramide.analysis import bounds_from_euros, migrate, parse_split
from klantpiramide.analysis.groups import group_totals, has_groups

SPLIT = parse_split("10,20,30,40")
# Four categories: A >= 100, B >= 50, C >= 20, D > 0 (euros).
OWN = bounds_from_euros(["100", "50", "20"], SPLIT)


def year(rows):
    """Build a year frame from (customer number, revenue in cents, group) triples."""
    return pd.DataFrame(
        {
            "key": [number for number, _, _ in rows],
            "customer": [number for number, _, _ in rows],
            "name": [""] * len(rows),
            "revenue": np.array([cents for _, cents, _ in rows], dtype=np.int64),
            "group": [group for _, _, group in rows],
        }
    )


BASE = [("1", 6000, "Noord"), ("2", 12000, "Noord"), ("3", 3000, "Solo"), ("4", 1000, "Zuid"), ("9", 500, "")]
FOLLOWING = [("1", 15000, "Noord"), ("2", 5500, "Noord"), ("3", 2500, "Solo"), ("5", 3000, "Zuid"), ("9", 700, "")]


def customers():
    return migrate(year(BASE), year(FOLLOWING), 2024, 2025, split=SPLIT, own_bounds=OWN).customers


def test_groups_add_up_their_branches():
    totals = group_totals(customers(), OWN, OWN).set_index("group")
    # 'Solo' has one branch and is no group.
    assert totals.index.tolist() == ["Noord", "Zuid"]
    assert totals.loc["Noord", ["branches", "revenue_base", "revenue_next"]].tolist() == [2, 18000, 20500]
    assert totals.loc["Zuid", ["branches", "active_base", "active_next", "revenue_base", "revenue_next"]].tolist() == [2, 1, 1, 1000, 3000]


def test_group_gets_category_and_movement_of_its_total():
    totals = group_totals(customers(), OWN, OWN).set_index("group")
    # Noord: 180 -> 205 euros, A -> A; one branch rose (B -> A), one fell (A -> B).
    assert totals.loc["Noord", ["cat_base", "cat_next", "movement"]].tolist() == [0, 0, "same"]
    assert totals.loc["Noord", ["branches_up", "branches_down"]].tolist() == [1, 1]
    # Zuid: 10 -> 30 euros, D -> C, made of one lost and one new branch.
    assert totals.loc["Zuid", ["cat_base", "cat_next", "movement"]].tolist() == [3, 2, "up"]
    assert totals.loc["Zuid", ["branches_lost", "branches_new"]].tolist() == [1, 1]


def test_group_of_next_year_wins():
    base = [("1", 6000, "Oud"), ("2", 5000, "Vast")]
    following = [("1", 6000, "Nieuw"), ("2", 5000, "")]
    joined = migrate(year(base), year(following), 2024, 2025, split=SPLIT, own_bounds=OWN).customers
    assert dict(zip(joined["key"], joined["group"])) == {"1": "Nieuw", "2": "Vast"}


def test_no_group_column_means_no_groups():
    plain = customers().drop(columns="group")
    assert not has_groups(plain)
    assert group_totals(plain, OWN, OWN).empty
    assert has_groups(customers())
