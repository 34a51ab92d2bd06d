"""The worksheet functions, called directly as Excel would call them (ranges as lists of rows)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from klantpiramide.excel.udfs import MIGRATION_STATUS, PYRAMID_BOUNDS, PYRAMID_CATEGORY
from klantpiramide.job import Settings, analyse
from klantpiramide.texts import LABELS


@pytest.fixture(autouse=True)
def user_home(tmp_path, monkeypatch):
    # The functions read the language from the user's config file; give each test an empty home.
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("USERPROFILE", str(tmp_path))


def column(path: Path, sheet: str, index: int) -> list[list[object]]:
    """Return one column below the header as Excel passes a range: a list of one-cell rows."""
    rows = list(openpyxl.load_workbook(path, read_only=True)[sheet].iter_rows(min_row=2, values_only=True))
    return [[row[index]] for row in rows]


def flat(grid: list[list[object]]) -> list[object]:
    return [cell for row in grid for cell in row]


def test_bounds_on_cdnow(cdnow_workbook):
    table = PYRAMID_BOUNDS(column(cdnow_workbook, "1997", 1))
    assert table[0] == ["Categorie", "Ondergrens", "Aantal klanten", "Aandeel omzet"]
    assert [row[:3] for row in table[1:]] == [
        ["A", 707.94, 23],
        ["B", 305.33, 94],
        ["C", 108.72, 353],
        ["D", 43.99, 587],
        ["E", 0.01, 1292],
    ]
    assert round(sum(row[3] for row in table[1:]), 12) == 1.0
    assert round(table[1][3], 6) == round(28861.83 / 201224.82, 6)


def test_categories_equal_engine_on_cdnow(cdnow_workbook):
    migration = analyse([cdnow_workbook], Settings()).migration
    letters = "ABCDE"
    engine_base = {row.customer: letters[row.cat_base] for row in migration.customers.itertuples() if row.listed_base and row.cat_base >= 0}
    engine_next = {row.customer: letters[row.cat_next] for row in migration.customers.itertuples() if row.listed_next and row.cat_next >= 0}

    revenue_1997 = column(cdnow_workbook, "1997", 1)
    customers_1997 = flat(column(cdnow_workbook, "1997", 0))
    categories_1997 = flat(PYRAMID_CATEGORY(revenue_1997, revenue_1997))
    assert len(categories_1997) == 2357
    udf_base = {customer: category for customer, category in zip(customers_1997, categories_1997) if category in letters}
    assert udf_base == engine_base

    # 1998 with the bounds of 1997, given as the bounds table PYRAMID_BOUNDS spills.
    bounds_1997 = PYRAMID_BOUNDS(revenue_1997)
    customers_1998 = flat(column(cdnow_workbook, "1998", 0))
    categories_1998 = flat(PYRAMID_CATEGORY(column(cdnow_workbook, "1998", 1), bounds_1997))
    assert dict(zip(customers_1998, categories_1998)) == engine_next


def test_migration_status_equals_engine_on_cdnow(cdnow_workbook):
    migration = analyse([cdnow_workbook], Settings()).migration
    customers = migration.customers
    revenue_base = [[cents / 100] for cents in customers["revenue_base"]]
    revenue_next = [[cents / 100] for cents in customers["revenue_next"]]
    bounds = PYRAMID_BOUNDS(revenue_base)
    before = PYRAMID_CATEGORY(revenue_base, bounds)
    after = PYRAMID_CATEGORY(revenue_next, bounds)

    statuses = flat(MIGRATION_STATUS(before, after))
    expected = [LABELS["nl"][f"move_{kind}"] if kind else "" for kind in customers["movement"]]
    assert statuses == expected
    # The risers of the CDNOW matrix: C→B 8, D→B 1, D→C 11, E→C 11, E→D 32.
    assert statuses.count("stijger") == 8 + 1 + 11 + 11 + 32


def test_category_of_one_cell():
    revenues = [[1000], [500], [100], [50], [10]]
    assert PYRAMID_CATEGORY(1000, revenues, "20,80") == [["A"]]
    assert PYRAMID_CATEGORY(999.99, revenues, "20,80") == [["B"]]


def test_category_keeps_the_shape_of_a_row():
    revenues = [[1000, 500, 100, 50, 10]]
    assert PYRAMID_CATEGORY(revenues, revenues, "20,80") == [["A", "B", "B", "B", "B"]]


def test_category_empty_zero_and_text_cells():
    revenues = [[1000], [None], [0], ["  "], ["1.234,56"], ["€ 250"], ["tien"], [-5]]
    result = flat(PYRAMID_CATEGORY(revenues, [[1000], [500], [100], [50], [10]], "20,80"))
    assert result == ["A", "", "inactief", "", "A", "B", "Fout: 'tien' is geen bedrag. Gebruik een getal, bijvoorbeeld 1234,56.", "inactief"]


@pytest.mark.parametrize(
    ("text", "category"),
    [("1.234", "A"), ("1,5", "B"), ("1.000,00", "A"), ("999,99", "B"), ("1,234.56", "A"), ("(500,00)", "inactief")],
)
def test_category_reads_dutch_text(text, category):
    bounds = [["A", 1000], ["B", 0.01]]
    assert PYRAMID_CATEGORY(text, bounds) == [[category]]


def test_bounds_read_dutch_text_amounts():
    as_numbers = PYRAMID_BOUNDS([[1234.56], [100.0], [50.5], [20.0], [10.0]], "20,80")
    as_text = PYRAMID_BOUNDS([["1.234,56"], ["100,00"], ["50,50"], ["€ 20"], ["10"], [None]], "20,80")
    assert as_text == as_numbers
    assert as_text[1][:3] == ["A", 1234.56, 1]


def test_bounds_with_split_as_range():
    revenues = [[value] for value in (100, 90, 80, 70, 60, 50, 40, 30, 20, 10)]
    assert PYRAMID_BOUNDS(revenues, [[10.0], [90.0]]) == PYRAMID_BOUNDS(revenues, "10,90")
    assert [row[:3] for row in PYRAMID_BOUNDS(revenues, "10,90")[1:]] == [["A", 100, 1], ["B", 0.01, 9]]


def test_bounds_without_active_customer():
    assert PYRAMID_BOUNDS([[0], [None], [-10]]) == [
        ["Fout: geen enkele omzet in het bereik is groter dan 0, dus er is geen piramide te maken. Controleer het bereik."]
    ]


def test_bounds_with_invalid_amount():
    assert PYRAMID_BOUNDS([[10], ["x1"]]) == [["Fout: 'x1' is geen bedrag. Gebruik een getal, bijvoorbeeld 1234,56."]]


def test_bounds_with_invalid_split():
    assert PYRAMID_BOUNDS([[10]], "50,40") == [["Fout: de percentages van de verdeling tellen op tot 90 in plaats van 100."]]


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ([["A", 100], ["C", 10]], "Fout: de grenzentabel moet categorieën A, B, C, ... op volgorde hebben, met de ondergrens in de tweede kolom. Gevonden: A, C."),
        ([["A", 10], ["B", 100], ["C", 0.01]], "Fout: de grenzen moeten van hoog naar laag lopen en groter dan 0 zijn: 10 100."),
        ([["A", "veel"], ["B", 0.01]], "Fout: de grenzen moeten van hoog naar laag lopen en groter dan 0 zijn: veel."),
    ],
)
def test_category_with_bad_bounds_table(table, message):
    assert PYRAMID_CATEGORY(50, table) == [[message]]


def test_bounds_table_with_header_row():
    table = PYRAMID_BOUNDS([[1000], [500], [100], [50], [10]], "20,80")
    assert table[0][0] == "Categorie"
    assert PYRAMID_CATEGORY([[600], [1000]], table) == [["B"], ["A"]]


@pytest.mark.parametrize(
    ("before", "after", "status"),
    [
        ("B", "A", "stijger"),
        ("A", "C", "daler"),
        ("C", "c", "gelijk"),
        (None, "D", "nieuw"),
        ("inactief", "D", "nieuw"),
        ("E", "", "verloren"),
        (None, None, ""),
        ("X", "A", "Fout: 'X' is geen categorie. Gebruik A tot en met E, of laat de cel leeg."),
    ],
)
def test_migration_status(before, after, status):
    assert MIGRATION_STATUS(before, after) == [[status]]


def test_migration_status_columns_and_one_cell():
    assert MIGRATION_STATUS([["A"], ["B"], [None]], [["B"], ["A"], ["A"]]) == [["daler"], ["stijger"], ["nieuw"]]
    assert MIGRATION_STATUS("B", [["A"], ["C"]]) == [["stijger"], ["daler"]]


def test_migration_status_sizes_differ():
    assert MIGRATION_STATUS([["A"], ["B"]], [["A"], ["B"], ["C"]]) == [
        ["Fout: de twee bereiken zijn niet even groot (2 en 3 cellen). Geef twee even lange kolommen."]
    ]


def test_functions_follow_language_setting(tmp_path):
    from klantpiramide.excel.config import AddinSettings, ConfigFile, save_settings

    save_settings(ConfigFile.for_user(), AddinSettings(language="en"))
    assert MIGRATION_STATUS("B", "A") == [["riser"]]
    assert PYRAMID_CATEGORY(0, [[1], [2]]) == [["inactive"]]
    assert PYRAMID_BOUNDS([[5]], "20,80")[0] == ["Category", "Lower bound", "Customers", "Share of revenue"]


def test_number_cells_round_like_reader():
    import random

    from klantpiramide.excel.cells import read_amounts
    from klantpiramide.reading.amounts import float_to_cents

    generator = random.Random(20241204)
    values = [round(generator.uniform(-1e7, 1e7), generator.randint(0, 6)) for _ in range(5000)]
    values += [0.005, 1.005, 2.675, 0.125, -0.125, 1e15 + 0.25, 123456789012.345, 7, -3]
    amounts = read_amounts(values)
    assert amounts.cents.tolist() == [float_to_cents(value) for value in values]
    assert amounts.invalid == {}


def test_non_numbers_are_invalid():
    from klantpiramide.excel.cells import read_amounts

    amounts = read_amounts([True, float("nan"), float("inf"), 12.5])
    assert list(amounts.invalid) == [0, 1, 2]
    assert amounts.cents.tolist() == [0, 0, 0, 1250]
