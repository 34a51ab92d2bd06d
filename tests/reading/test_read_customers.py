"""Customer numbers and names: matching by value, the form shown, and names that differ."""

from __future__ import annotations

import pytest

from klantpiramide.analysis import migrate
from klantpiramide.reading import read_inputs
from klantpiramide.reading.customers import comparable_name, customer_key


@pytest.mark.parametrize(
    ("text", "key"),
    [("00123", "123"), ("123", "123"), ("0", "0"), ("000", "0"), ("1.234", "1.234"), ("AB-1", "AB-1"), ("ab-1", "ab-1"), ("١٢٣", "١٢٣")],
)
def test_customer_key(text, key):
    assert customer_key(text) == key


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("Jansen BV ", "JANSEN B.V.", True),
        ("Jansen B. V.", "Jansen", True),
        ("BV Jansen", "Jansen bv", True),
        ("Jansen & Zn. V.O.F.", "Jansen en Zn", True),
        ("Jansen", "Janssen", False),
        ("Klaassen", "Visser", False),
        # Only a leading or trailing legal form is dropped.
        ("Bouw BV Noord", "Bouw Noord", False),
    ],
)
def test_comparable_names(first, second, same):
    assert (comparable_name(first) == comparable_name(second)) is same


def test_customers_over_two_years(data, frame_rows):
    base, next_ = read_inputs([data / "customers_two_years.xlsx"])

    # 123 is a number cell formatted 00000, so it shows as 00123, as in Excel.
    assert frame_rows(base) == [
        ("123", "00123", "Jansen BV", 10000),
        ("124", "00124", "Pietersen", 20500),
        ("AB-1", "AB-1", "Alfa", 1000),
        ("ab-1", "ab-1", "alfa", 2000),
        ("1.234", "1.234", "Punt BV", 3000),
        ("125", "0125", "Klaassen", 10000),
    ]
    assert frame_rows(next_) == [
        ("123", "00123", "JANSEN B.V.", 15000),
        ("124", "00124", "Pietersen", 0),
        ("AB-1", "AB-1", "Alfa", 1500),
        ("125", "0125", "Klaassen", 1000),
        ("ab-1", "ab-1", "Beta", 500),
    ]


def test_number_and_padded_text_are_one_customer(data):
    base, next_ = read_inputs([data / "customers_two_years.xlsx"])

    migration = migrate(base.frame, next_.frame, base.year, next_.year)
    jansen = migration.customers[migration.customers["key"] == "123"]
    assert len(jansen) == 1
    assert jansen["customer"].item() == "00123"
    assert (jansen["revenue_base"].item(), jansen["revenue_next"].item()) == (10000, 15000)


def test_duplicates_and_differing_names_are_noted(data, notes_of):
    base, next_ = read_inputs([data / "customers_two_years.xlsx"])

    assert notes_of(base, "note_duplicate") == [(3, None, "00124: rijen 3, 7 → 205,00"), (8, None, "0125: rijen 8, 9 → 100,00")]
    # 'Pietersen' and 'Pietersen B.V.' are one name; 'Klaassen' and 'Visser' are not.
    assert notes_of(base, "note_names_differ") == [(8, None, "0125: 'Klaassen', 'Visser' (rijen 8, 9)")]
    # 'Jansen BV' became 'JANSEN B.V.': the same name, so only ab-1 is noted.
    assert notes_of(next_, "note_name_changed") == [(6, None, "ab-1: 'alfa' (2024) → 'Beta' (2025)")]
