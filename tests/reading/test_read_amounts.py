"""Amounts: Dutch, European and English notation, text and numbers, decided per column."""

from __future__ import annotations

import pytest

from klantpiramide.errors import InputError, Location
from klantpiramide.reading import CellError
from klantpiramide.reading.amounts import AmountProblem, convert_amounts


@pytest.mark.parametrize(
    ("column", "expected"),
    [
        (["1.234,56"], [123456]),
        (["€ 1.234,56"], [123456]),
        (["€-250,00"], [-25000]),
        (["- € 250,00"], [-25000]),
        (["1 234,56"], [123456]),
        (["1\u00a0234,56"], [123456]),
        (["250,00-"], [-25000]),
        (["(250,00)"], [-25000]),
        (["(€ 250,00)"], [-25000]),
        (["\u2212250,00"], [-25000]),
        (["25,-"], [2500]),
        (["1.250,-"], [125000]),
        (["EUR 12,50"], [1250]),
        (["EUR1.234,56"], [123456]),
        (["12,50 EUR"], [1250]),
        (["1,234.56"], [123456]),
        (["$1,234.56"], [123456]),
        (["1234.56"], [123456]),
        (["1234"], [123400]),
        (["  7 "], [700]),
        (["+5,5"], [550]),
        # A lone '1.234' is decided by the rest of its column.
        (["1.234", "12,50"], [123400, 1250]),
        (["1.234", "12.50"], [123, 1250]),
        (["1,234", "0,5"], [123, 50]),
        (["1,234", "0.5"], [123400, 50]),
        (["1.234.567", "1.234"], [123456700, 123400]),
    ],
)
def test_text_amounts_to_cents(column, expected):
    assert convert_amounts(column).cents.tolist() == expected


@pytest.mark.parametrize(
    ("column", "key", "position"),
    [
        (["1.234"], "amount_ambiguous", 0),
        (["500", "1,234"], "amount_ambiguous", 1),
        (["1.234,56", "99.50"], "amount_mixed", 1),
        (["12,5", "1,234.00"], "amount_mixed", 1),
        (["12,5", "twaalf"], "amount_invalid", 1),
        (["1.2.3,4,5"], "amount_invalid", 0),
        (["1234.567,89"], "amount_invalid", 0),
        ([True], "amount_invalid", 0),
        ([10, float("nan")], "amount_invalid", 1),
        ([10, float("inf")], "amount_invalid", 1),
        ([CellError("#N/A")], "cell_error", 0),
    ],
)
def test_bad_amount_columns_raise(column, key, position):
    with pytest.raises(AmountProblem) as raised:
        convert_amounts(column)
    assert raised.value.key == key
    assert raised.value.position == position


def test_numbers_keep_their_value_to_the_cent():
    converted = convert_amounts([0.1 + 0.2, 12.345, -0.005, 100_000_000_000.25, 5, 19.99])

    assert converted.cents.tolist() == [30, 1235, -1, 10_000_000_000_025, 500, 1999]
    # Float noise such as 0.30000000000000004 is no rounding; a third decimal is.
    assert converted.rounded.tolist() == [1, 2]


def test_empty_cells_become_zero_and_are_listed():
    converted = convert_amounts([None, "  ", 12.5, ""])

    assert converted.cents.tolist() == [0, 0, 1250, 0]
    assert converted.empty.tolist() == [0, 1, 3]


def test_amounts_text_file(read_file, frame_rows, notes_of):
    table = read_file("amounts_text.csv")

    assert frame_rows(table) == [
        ("1001", "1001", "Aalders", 123456),
        ("1002", "1002", "Bakker", 123456),
        ("1003", "1003", "Claessen", -25000),
        ("1004", "1004", "De Wit", 123456),
        ("1005", "1005", "Evers", -25000),
        ("1006", "1006", "Faber", -9995),
        ("1007", "1007", "Gerritsen", 2500),
        ("1008", "1008", "Hendriks", 123400),
        ("1009", "1009", "Jacobs", 1250),
        ("1010", "1010", "Klaassen", 70000),
    ]
    assert table.input_total == 507523
    assert notes_of(table, "note_amounts_text") == [(None, "C", "aantal 10, decimaalteken ','")]
    assert notes_of(table, "note_amount_text") == [
        (2, "C", "'1.234,56' → 1.234,56"),
        (3, "C", "'€ 1.234,56' → 1.234,56"),
        (4, "C", "'€-250,00' → -250,00"),
        (5, "C", "'1 234,56' → 1.234,56"),
        (6, "C", "'250,00-' → -250,00"),
        (7, "C", "'(99,95)' → -99,95"),
        (8, "C", "'25,-' → 25,00"),
        (9, "C", "'1.234' → 1.234,00"),
    ]


def test_english_amounts_with_quoted_commas(read_file, frame_rows, notes_of):
    table = read_file("amounts_english.csv")

    assert frame_rows(table) == [
        ("A-1", "A-1", "Smith, John", 123456),
        ("A-2", "A-2", "Jones", 123400),
        ("A-3", "A-3", "Brown", -1250),
    ]
    assert notes_of(table, "note_amounts_text") == [(None, "C", "aantal 3, decimaalteken '.'")]


def test_number_cells_in_a_workbook(read_file, frame_rows, notes_of):
    table = read_file("amounts_numbers.xlsx")

    assert frame_rows(table) == [
        ("N1", "N1", "", 30),
        ("N2", "N2", "", 1235),
        ("N3", "N3", "", 10_000_000_000_025),
        ("N4", "N4", "", 500),
        ("N5", "N5", "", 123450),
    ]
    assert notes_of(table, "note_amount_rounded") == [(3, "B", "'12.345' → 12,35")]
    assert notes_of(table, "note_amount_text") == [(6, "B", "'1.234,50' → 1.234,50")]


@pytest.mark.parametrize(
    ("name", "key", "row", "value"),
    [
        ("amounts_ambiguous.csv", "amount_ambiguous", 2, "1.234"),
        ("amounts_mixed.csv", "amount_mixed", 3, "99.50"),
    ],
)
def test_undecidable_amount_columns_name_the_cell(read_file, name, key, row, value):
    with pytest.raises(InputError) as raised:
        read_file(name)
    assert raised.value.key == key
    assert raised.value.location == Location(name, None, row, "B")
    assert raised.value.params == {"value": value}
