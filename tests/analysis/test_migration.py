"""The migration matrix on small hand-made years (amounts in cents)."""

import pytest

from klantpiramide.analysis import bounds_from_euros, migrate, parse_split
from tests.helpers import year


# Four categories with own bounds keep the hand calculation short: A >= 100, B >= 50, C >= 20, D > 0 (euros).
OWN = bounds_from_euros(["100", "50", "20"], parse_split("10,20,30,40"))


def migration_of(base_rows, next_rows, **options):
    options.setdefault("own_bounds", OWN)
    return migrate(year(base_rows), year(next_rows), 2024, 2025, split=parse_split("10,20,30,40"), **options)


def customer(migration, number):
    return migration.customers.set_index("key").loc[number]


def test_movements_of_every_kind():
    migration = migration_of(
        [("1", 6000), ("2", 12000), ("3", 3000), ("4", 2500)],
        [("1", 15000), ("2", 5500), ("3", 2500), ("5", 700)],
    )
    assert customer(migration, "1")["movement"] == "up"
    assert customer(migration, "2")["movement"] == "down"
    assert customer(migration, "3")["movement"] == "same"
    assert customer(migration, "4")["movement"] == "lost"
    assert customer(migration, "5")["movement"] == "new"


def test_matrix_cells_hold_counts_and_both_revenues():
    migration = migration_of(
        [("1", 6000), ("2", 12000), ("3", 3000), ("4", 2500)],
        [("1", 15000), ("2", 5500), ("3", 2500), ("5", 700)],
    )
    # Rows A, B, C, D, Nieuw; columns A, B, C, D, Verloren.
    assert migration.counts.to_numpy().tolist() == [
        [0, 1, 0, 0, 0],
        [1, 0, 0, 0, 0],
        [0, 0, 1, 0, 1],
        [0, 0, 0, 0, 0],
        [0, 0, 0, 1, 0],
    ]
    assert migration.revenue_base.iat[1, 0] == 6000
    assert migration.revenue_next.iat[1, 0] == 15000
    assert migration.revenue_base.iat[2, 4] == 2500
    assert migration.revenue_next.iat[4, 3] == 700


def test_zero_or_negative_base_year_is_new():
    migration = migration_of([("1", 0), ("2", -4000), ("3", 5000)], [("1", 3000), ("2", 6000), ("3", 5000)])
    assert customer(migration, "1")["movement"] == "new"
    assert customer(migration, "2")["movement"] == "new"
    # Revenue figures are the actual totals, credit notes included.
    assert migration.revenue_base.iat[4, 1] == -4000


def test_negative_next_year_is_lost_with_actual_revenue():
    migration = migration_of([("1", 12000)], [("1", -1500)])
    assert customer(migration, "1")["movement"] == "lost"
    assert migration.revenue_next.iat[0, 4] == -1500


def test_inactive_both_years_not_placed():
    migration = migration_of([("1", 0), ("2", 5000), ("3", -100)], [("1", 0), ("2", 5000)])
    assert migration.not_placed["key"].tolist() == ["1", "3"]
    assert int(migration.counts.to_numpy().sum()) == 1
    assert len(migration.customers) == 3


def test_base_year_bounds_classify_next_year():
    base = [(str(number), cents) for number, cents in enumerate(range(10000, 0, -100), start=1)]
    migration = migrate(year(base), year([("1", 100)]), 2024, 2025)
    assert customer(migration, "1")["cat_next"] == 4  # E under the 2024 bounds
    assert migration.rule == "pyramid"
    assert migration.bounds_next == migration.bounds_base


def test_per_year_ranks_next_year_on_its_own():
    base = [(str(number), cents) for number, cents in enumerate(range(10000, 0, -100), start=1)]
    migration = migrate(year(base), year([("1", 100)]), 2024, 2025, per_year=True)
    assert customer(migration, "1")["cat_next"] == 0  # the only customer of 2025 is A
    assert migration.rule == "per_year"
    assert migration.bounds_next.lower_cents == (100, 100, 100, 100)


def test_longest_customer_number_is_shown():
    base = year([("123", 5000)]).assign(customer=["123"])
    following = year([("123", 5000)]).assign(customer=["00123"])
    migration = migrate(base, following, 2024, 2025, own_bounds=OWN, split=parse_split("10,20,30,40"))
    assert migration.customers["customer"].tolist() == ["00123"]


@pytest.mark.parametrize(
    ("row", "column", "movement"),
    [(0, 0, "same"), (0, 1, "down"), (1, 0, "up"), (4, 2, "new"), (2, 4, "lost"), (3, 3, "same")],
)
def test_cell_movement(row, column, movement):
    migration = migration_of([("1", 6000)], [("1", 6000)])
    assert migration.cell_movement(row, column) == movement
