"""Reading two or more years for a report over several years."""

from __future__ import annotations

import pytest

from klantpiramide.errors import InputError, SettingsError
from klantpiramide.reading import read_inputs, read_years
from tests.conftest import write_workbook

HEADER = ("Klantnummer", "Naam", "Omzet")


@pytest.fixture
def three_years(tmp_path):
    return write_workbook(
        tmp_path / "omzet.xlsx",
        {
            "2025": [HEADER, ("1", "Jansen", 30.0)],
            "2023": [HEADER, ("1", "Jansen", 10.0), ("2", "Smit", 5.0)],
            "2024": [HEADER, ("1", "Jansen B.V.", 20.0), ("2", "Bakkerij Smit", 0.0)],
        },
    )


def test_years_sorted_earliest_first(three_years):
    tables = read_years([three_years])
    assert [table.year for table in tables] == [2023, 2024, 2025]
    assert tables[1].frame["revenue"].tolist() == [2000, 0]


def test_changed_names_noted_per_pair(three_years):
    tables = read_years([three_years])
    changed = [note.detail for note in tables[1].notes if note.kind == "note_name_changed"]
    assert changed == ["2: 'Smit' (2023) → 'Bakkerij Smit' (2024)"]


def test_two_years_as_read_inputs(three_years):
    chosen = read_years([three_years], years=(2023, 2025))
    base, next_ = read_inputs([three_years], years=(2023, 2025))
    assert [table.year for table in chosen] == [2023, 2025]
    assert chosen[0].frame.equals(base.frame)
    assert chosen[1].frame.equals(next_.frame)
    assert [note.detail for note in chosen[1].notes] == [note.detail for note in next_.notes]


def test_too_few_years_given(three_years):
    with pytest.raises(SettingsError) as raised:
        read_years([three_years], years=(2024,))
    assert str(raised.value) == "--jaren verwacht minstens twee jaartallen, er zijn er 1 opgegeven. Bijvoorbeeld --jaren 2024 2025."


def test_year_given_twice(three_years):
    with pytest.raises(InputError) as raised:
        read_years([three_years], years=(2023, 2024, 2023))
    assert raised.value.key == "year_twice"
    assert raised.value.params == {"year": 2023}


def test_base_year_without_active_customers(tmp_path):
    source = write_workbook(
        tmp_path / "omzet.xlsx",
        {"2023": [HEADER, ("1", "Jansen", 10.0)], "2024": [HEADER, ("1", "Jansen", 0.0)], "2025": [HEADER, ("1", "Jansen", 5.0)]},
    )
    with pytest.raises(InputError) as raised:
        read_years([source])
    assert str(raised.value) == (
        "Bestand 'omzet.xlsx', blad '2024': geen enkele klant heeft in 2024 een omzet groter dan 0, "
        "dus er is geen piramide te maken. Controleer de omzetkolom."
    )
