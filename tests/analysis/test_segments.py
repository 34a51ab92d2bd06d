"""Action segments on a small hand-made migration (amounts in cents)."""

from klantpiramide.analysis import bounds_from_euros, migrate, parse_split
from klantpiramide.analysis.segments import (
    key_category_count,
    primary_segment,
    segment_list,
    segment_membership,
    segment_totals,
    small_category_start,
)
from tests.helpers import year

SPLIT = parse_split("10,20,30,40")
# Four categories: A >= 100, B >= 50, C >= 20, D > 0 (euros).
OWN = bounds_from_euros(["100", "50", "20"], SPLIT)




def example():
    """Eight customers, one or more of every segment but won back."""
    base = [("1", 6000), ("2", 12000), ("3", 3000), ("4", 4000), ("5", 4500), ("6", 1000), ("7", 2500)]
    following = [("1", 15000), ("2", 5500), ("3", 2500), ("4", 7000), ("5", 3000), ("6", 1200), ("8", 800)]
    return migrate(year(base), year(following), 2024, 2025, split=SPLIT, own_bounds=OWN).customers


def members(customers, membership, segment):
    return sorted(customers.loc[membership[segment], "key"])


def test_every_segment_holds_its_customers():
    customers = example()
    membership = segment_membership(customers, 4)
    assert members(customers, membership, "risers") == ["1", "4"]
    assert members(customers, membership, "key_accounts") == ["1", "2", "4"]
    assert members(customers, membership, "fallers") == ["2"]
    assert members(customers, membership, "lost") == ["7"]
    assert members(customers, membership, "new") == ["8"]
    assert members(customers, membership, "won_back") == []
    assert members(customers, membership, "small") == ["6", "8"]


def test_look_alikes_match_risers_of_their_category():
    # The only riser from C had 40 euros in 2024; customer 5 (45, stayed C) matches, 3 (30) does not.
    # D produced no riser, so customer 6 (stayed D) is no look-alike.
    customers = example()
    membership = segment_membership(customers, 4)
    assert members(customers, membership, "look_alikes") == ["5"]


def test_look_alike_threshold_is_median_of_risers():
    base = [("r1", 4000), ("r2", 4400), ("at", 4200), ("under", 4199)]
    following = [("r1", 6000), ("r2", 6000), ("at", 4200), ("under", 4199)]
    customers = migrate(year(base), year(following), 2024, 2025, split=SPLIT, own_bounds=OWN).customers
    membership = segment_membership(customers, 4)
    assert members(customers, membership, "look_alikes") == ["at"]


def test_segment_totals_count_and_sum_revenue():
    customers = example()
    totals = segment_totals(customers, segment_membership(customers, 4))
    assert totals.loc["risers"].tolist() == [2, 10000, 22000]
    assert totals.loc["key_accounts"].tolist() == [3, 22000, 27500]
    assert totals.loc["lost"].tolist() == [1, 2500, 0]
    assert totals.loc["won_back"].tolist() == [0, 0, 0]


def test_segment_lists_put_biggest_case_first():
    customers = example()
    membership = segment_membership(customers, 4)
    assert segment_list(customers, membership, "risers")["key"].tolist() == ["1", "4"]
    assert segment_list(customers, membership, "key_accounts")["key"].tolist() == ["1", "4", "2"]
    assert segment_list(customers, membership, "small")["key"].tolist() == ["6", "8"]
    assert "change" not in segment_list(customers, membership, "risers").columns


def test_primary_segment_follows_call_order():
    customers = example()
    primary = primary_segment(segment_membership(customers, 4))
    by_key = dict(zip(customers["key"], primary))
    # 1 and 4 are risers and key accounts: rising comes first. 2 fell out of A into B: falling comes first.
    assert by_key == {"1": "risers", "2": "fallers", "3": "", "4": "risers", "5": "look_alikes", "6": "", "7": "lost", "8": "new"}


def test_key_and_small_categories_per_split():
    assert [key_category_count(size) for size in (2, 3, 4, 5)] == [1, 2, 2, 2]
    assert [small_category_start(size) for size in (2, 3, 4, 5)] == [1, 2, 3, 3]
