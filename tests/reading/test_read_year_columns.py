"""One sheet with a revenue column per year ('Klant | 2024 | 2025')."""

from __future__ import annotations

import pytest

from klantpiramide.errors import InputError, Location
from klantpiramide.reading import read_inputs


def test_column_per_year(data, frame_rows, notes_of):
    base, next_ = read_inputs([data / "year_columns.xlsx"])

    assert (base.year, next_.year) == (2024, 2025)
    assert frame_rows(base) == [("1", "1", "A", 10000), ("2", "2", "B", 20000), ("4", "4", "D", 0)]
    assert frame_rows(next_) == [("1", "1", "A", 15000), ("3", "3", "C", 5000), ("4", "4", "D", -1000)]
    assert notes_of(base, "note_columns") == [(1, None, "klantnummer A, naam B, omzet C (2024), D (2025), datum -")]
    assert notes_of(base, "note_amounts_empty") == [(None, "C", "aantal klanten: 1")]
    assert notes_of(next_, "note_amounts_empty") == [(None, "D", "aantal klanten: 1")]


def test_year_heading_two_columns_is_refused(data):
    with pytest.raises(InputError) as raised:
        read_inputs([data / "year_columns_twice.xlsx"])

    assert raised.value.key == "year_column_twice"
    assert raised.value.location == Location("year_columns_twice.xlsx", "Omzet", 1, None)
    assert raised.value.params == {"year": 2024, "first": "B", "second": "C"}
