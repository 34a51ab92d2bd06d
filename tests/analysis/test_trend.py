"""Customers and revenue per category over three years, ranked with one set of bounds (amounts in cents)."""


from klantpiramide.analysis import bounds_from_euros, migrate, parse_split
from klantpiramide.analysis.trend import category_trend, trend_bounds
from tests.helpers import year

SPLIT = parse_split("10,20,30,40")
OWN = bounds_from_euros(["100", "50", "20"], SPLIT)


YEARS = [
    [("1", 12000), ("2", 6000), ("3", 1000)],
    [("1", 9000), ("2", 6500), ("3", 2500), ("4", 400)],
    [("1", 15000), ("3", 3000), ("4", 700), ("5", -200)],
]


def chain(**options):
    frames = [year(rows) for rows in YEARS]
    return tuple(
        migrate(frames[index], frames[index + 1], 2023 + index, 2024 + index, split=SPLIT, **options)
        for index in range(len(frames) - 1)
    )


def test_counts_and_revenue_per_category_and_year():
    counts, revenue = category_trend([year(rows)["revenue"].to_numpy() for rows in YEARS], [OWN] * 3)
    assert counts.index.tolist() == ["A", "B", "C", "D"]
    assert counts.to_numpy().tolist() == [[1, 0, 1], [1, 2, 0], [0, 1, 1], [1, 1, 1]]
    assert revenue.to_numpy().tolist() == [[12000, 0, 15000], [6000, 15500, 0], [0, 2500, 3000], [1000, 400, 700]]


def test_first_year_bounds_rank_every_year():
    migrations = chain()
    bounds = trend_bounds(migrations)
    assert [item.lower_cents for item in bounds] == [migrations[0].bounds_base.lower_cents] * 3
    # The second pair ranks with the bounds of its own base year, 2024.
    assert migrations[1].bounds_base != migrations[0].bounds_base


def test_per_year_bounds_per_year():
    migrations = chain(per_year=True)
    bounds = trend_bounds(migrations)
    assert bounds == [migrations[0].bounds_base, migrations[1].bounds_base, migrations[1].bounds_next]


def test_own_bounds_every_year():
    assert trend_bounds(chain(own_bounds=OWN)) == [OWN, OWN, OWN]
