"""Transaction lists: invoices totalled per customer and (financial) year, dates in every form."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pytest

from klantpiramide.analysis import migrate
from klantpiramide.errors import InputError, Location
from klantpiramide.reading import ReadOptions, parse_column_positions, read_all_years, read_inputs
from klantpiramide.reading.dates import DateProblem, parse_dates

CDNOW = Path(__file__).resolve().parents[3] / "shared" / "data" / "cdnow"
CDNOW_COLUMNS = ReadOptions(positions=parse_column_positions("klant=2,datum=3,bedrag=5"))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (dt.date(2024, 2, 29), "2024-02-29"),
        (dt.datetime(2024, 2, 29, 23, 59), "2024-02-29"),
        ("29-02-2024", "2024-02-29"),
        ("9-2-2024", "2024-02-09"),
        ("09/02/2024", "2024-02-09"),
        ("09.02.2024", "2024-02-09"),
        ("2024-02-09", "2024-02-09"),
        ("2024-02-09T10:00:00", "2024-02-09"),
        ("09-02-2024 10:00", "2024-02-09"),
        ("20240209", "2024-02-09"),
        (20240209, "2024-02-09"),
        (20240209.0, "2024-02-09"),
        (45292, "2024-01-01"),
        (45292.75, "2024-01-01"),
        (61, "1900-03-01"),
        (59, "1900-02-28"),
        (1, "1900-01-01"),
    ],
)
def test_date_forms(value, expected):
    assert parse_dates([value]).astype(str).tolist() == [expected]


@pytest.mark.parametrize(
    ("values", "key", "position"),
    [
        (["01-02-2024", "31-02-2024"], "date_invalid", 1),
        (["01/02/2024", "12/31/2024"], "date_month_first", 1),
        (["01-02-24"], "date_invalid", 0),
        (["morgen"], "date_invalid", 0),
        ([60], "date_invalid", 0),
        ([19991301], "date_invalid", 0),
        ([3_000_000], "date_invalid", 0),
        ([True], "date_invalid", 0),
        ([dt.time(10, 0)], "date_invalid", 0),
    ],
)
def test_bad_dates_raise(values, key, position):
    with pytest.raises(DateProblem) as raised:
        parse_dates(values)
    assert raised.value.key == key
    assert raised.value.position == position


def test_empty_dates_are_not_a_time():
    assert np.isnat(parse_dates([None, "  "])).tolist() == [True, True]


def test_calendar_years_from_every_date_form(data, frame_rows):
    tables = read_all_years([data / "transactions_dates.xlsx"])

    assert sorted(tables) == [2023, 2024, 2025]
    assert frame_rows(tables[2023]) == [("K1", "K1", "", 1000)]
    assert frame_rows(tables[2024]) == [("K1", "K1", "", 2000), ("K2", "K2", "", 7000), ("K3", "K3", "", 5000)]
    assert frame_rows(tables[2025]) == [("K3", "K3", "", 6000), ("K1", "K1", "", 7000)]


def test_financial_year_from_july(data, frame_rows, notes_of):
    tables = read_all_years([data / "transactions_dates.xlsx"], options=ReadOptions(fiscal_year_start=7))

    assert frame_rows(tables[2023]) == [("K1", "K1", "", 3000), ("K2", "K2", "", 3000)]
    assert frame_rows(tables[2024]) == [("K2", "K2", "", 4000), ("K3", "K3", "", 11000)]
    assert frame_rows(tables[2025]) == [("K1", "K1", "", 7000)]
    assert notes_of(tables[2024], "note_fiscal_year") == [(None, None, "2024 loopt van 01-07-2024 t/m 30-06-2025")]
    assert notes_of(tables[2024], "note_transactions") == [(None, None, "rijen: 3, van 01-07-2024 t/m 01-01-2025; klanten: 2")]


def test_two_of_three_years_with_the_rest_noted(data, notes_of):
    base, next_ = read_inputs([data / "transactions_dates.xlsx"], years=(2024, 2025))

    assert (base.year, next_.year) == (2024, 2025)
    assert (base.input_total, next_.input_total) == (14000, 13000)
    assert notes_of(base, "note_other_years") == [(None, None, "rijen: 1, uit 2023")]


def test_three_years_without_choice_is_refused(data):
    with pytest.raises(InputError) as raised:
        read_inputs([data / "transactions_dates.xlsx"])

    assert raised.value.key == "years_count"
    assert raised.value.params == {"found": 3, "years": "2023, 2024, 2025"}


def test_headerless_file_by_column_positions(data, frame_rows, notes_of):
    base, next_ = read_inputs([data / "transactions_positions.txt"], options=CDNOW_COLUMNS)

    assert frame_rows(base) == [("1", "0001", "", 3000), ("2", "0002", "", 1200)]
    assert frame_rows(next_) == [("1", "0001", "", 999)]
    assert notes_of(base, "note_columns") == [(None, None, "klantnummer B, naam -, omzet E, datum C")]


@pytest.mark.parametrize(
    ("name", "key", "value"),
    [
        ("dates_month_first.csv", "date_month_first", "12/31/2024"),
        ("dates_invalid.csv", "date_invalid", "31-02-2024"),
        ("dates_missing.csv", "date_missing", "20"),
    ],
)
def test_bad_date_cells_name_the_cell(data, name, key, value):
    with pytest.raises(InputError) as raised:
        read_all_years([data / name])

    assert raised.value.key == key
    assert raised.value.location == Location(name, None, 3, "A")
    assert raised.value.params == {"value": value}


def test_cdnow_transactions_match_the_workbook_per_customer():
    from_workbook = read_inputs([CDNOW / "cdnow_sample_1997_1998.xlsx"])
    from_transactions = read_inputs([CDNOW / "CDNOW_sample.txt"], options=CDNOW_COLUMNS)

    for workbook_year, transaction_year in zip(from_workbook, from_transactions):
        assert workbook_year.year == transaction_year.year
        expected = dict(zip(workbook_year.frame["key"], workbook_year.frame["revenue"]))
        found = dict(zip(transaction_year.frame["key"], transaction_year.frame["revenue"]))
        assert found == expected
        assert transaction_year.input_total == workbook_year.input_total


def test_cdnow_transactions_give_the_cdnow_matrix():
    base, next_ = read_inputs([CDNOW / "CDNOW_sample.txt"], options=CDNOW_COLUMNS)

    migration = migrate(base.frame, next_.frame, base.year, next_.year)

    assert migration.counts.values.tolist() == [
        [1, 4, 10, 2, 0, 6],
        [0, 8, 27, 18, 7, 34],
        [0, 8, 36, 58, 64, 187],
        [0, 1, 11, 46, 78, 451],
        [0, 0, 11, 32, 93, 1156],
        [0, 0, 0, 0, 0, 0],
    ]
    assert migration.bounds_base.lower_cents == (70794, 30533, 10872, 4399)
    assert migration.active_count("base") == 2349
    assert len(migration.not_placed) == 8


def test_cdnow_workbook_and_transactions_give_identical_matrices():
    from_workbook = migrate(*(table.frame for table in read_inputs([CDNOW / "cdnow_sample_1997_1998.xlsx"])), 1997, 1998)
    base, next_ = read_inputs([CDNOW / "CDNOW_sample.txt"], options=CDNOW_COLUMNS)
    from_transactions = migrate(base.frame, next_.frame, 1997, 1998)

    assert from_transactions.counts.equals(from_workbook.counts)
    assert from_transactions.revenue_base.equals(from_workbook.revenue_base)
    assert from_transactions.revenue_next.equals(from_workbook.revenue_next)
