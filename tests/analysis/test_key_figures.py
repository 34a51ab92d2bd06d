"""Key figures and customers near a bound, on small hand-made migrations (amounts in cents)."""

import pytest

from klantpiramide.analysis import bounds_from_euros, migrate, parse_split
from klantpiramide.analysis.key_figures import key_figures, near_bound_counts, near_bounds
from tests.helpers import year

SPLIT = parse_split("10,20,30,40")
# Four categories: A >= 100, B >= 50, C >= 20, D > 0 (euros).
OWN = bounds_from_euros(["100", "50", "20"], SPLIT)
BASE = [("1", 6000), ("2", 12000), ("3", 3000), ("4", 4000), ("5", 4500), ("6", 1000), ("7", 2500)]
FOLLOWING = [("1", 15000), ("2", 5500), ("3", 2500), ("4", 7000), ("5", 3000), ("6", 1200), ("8", 800)]


def customers_of(base, following):
    return migrate(year(base), year(following), 2024, 2025, split=SPLIT, own_bounds=OWN).customers


def test_years_and_key_account_share():
    figures = key_figures(customers_of(BASE, FOLLOWING), 4)
    assert (figures.base.customers, figures.base.revenue) == (7, 33000)
    assert (figures.next.customers, figures.next.revenue) == (7, 35000)
    # A and B: 2 (A) and 1 (B) in 2024; 1 (A), 2 and 4 (B) in 2025.
    assert figures.base.key_revenue == 18000
    assert figures.next.key_revenue == 27500
    assert figures.next.key_share == pytest.approx(27500 / 35000)


def test_retention_of_customers_and_revenue():
    figures = key_figures(customers_of(BASE, FOLLOWING), 4)
    assert figures.retained == 6
    assert figures.customer_retention == pytest.approx(6 / 7)
    assert figures.retained_revenue_base == 30500
    assert figures.revenue_kept == pytest.approx(30500 / 33000)
    assert figures.retained_revenue_next == 34200
    assert figures.net_retention == pytest.approx(34200 / 30500)


def test_movement_counts_and_shares():
    movements = key_figures(customers_of(BASE, FOLLOWING), 4).movements
    assert {kind: figures.customers for kind, figures in movements.items()} == {
        "up": 2, "down": 1, "same": 3, "new": 1, "won_back": 0, "lost": 1,
    }
    assert movements["up"].share == 0.25
    assert (movements["lost"].revenue_base, movements["lost"].revenue_next) == (2500, 0)


def test_credit_notes_count_in_revenue_not_in_customers():
    figures = key_figures(customers_of([*BASE, ("9", -500)], FOLLOWING), 4)
    assert figures.base.customers == 7
    assert figures.base.revenue == 32500
    assert figures.base.active_revenue == 33000
    assert figures.revenue_kept == pytest.approx(30500 / 33000)


def test_empty_base_year_gives_zero_shares():
    figures = key_figures(customers_of([("1", 0)], [("1", 3000)]), 4)
    assert figures.customer_retention == 0.0
    assert figures.net_retention == 0.0


NEAR = [("a", 9000), ("b", 8999), ("c", 5500), ("d", 5501), ("e", 1900), ("f", 11000), ("g", 2100), ("h", 0)]


def near_example():
    base = [(number, 3000) for number, _ in NEAR]
    return near_bounds(customers_of(base, NEAR), OWN)


def test_near_bound_within_ten_percent_inclusive():
    near = near_example()
    # 9000 is exactly 10% below the A bound of 10000; 8999 is not. 1900 is 5% below C (2000).
    assert near["rise"]["key"].tolist() == ["e", "a"]
    assert near["rise"]["distance"].tolist() == [100, 1000]
    assert near["rise"]["bound"].tolist() == [2, 0]
    # 5500 is exactly 10% above the B bound of 5000; 5501 is not. 11000 is 10% above A.
    assert near["fall"]["key"].tolist() == ["g", "c", "f"]
    assert near["fall"]["distance"].tolist() == [100, 500, 1000]
    assert near["fall"]["bound"].tolist() == [2, 1, 0]


def test_near_bound_counts_per_bound():
    counts = near_bound_counts(near_example(), OWN)
    assert counts["bound"].tolist() == [10000, 5000, 2000]
    assert counts["below"].tolist() == [1, 0, 1]
    assert counts["above"].tolist() == [1, 1, 1]
