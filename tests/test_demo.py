"""The bundled example is the same on every run and has every kind of movement."""

from klantpiramide.demo import BASE_YEAR, NEXT_YEAR, demo_years, write_demo_input
from klantpiramide.job import Settings, analyse


def test_demo_input_is_deterministic():
    assert demo_years() == demo_years()


def test_demo_matrix_counts(tmp_path):
    source = write_demo_input(tmp_path / "demo.xlsx")
    migration = analyse([source], Settings()).migration
    assert (migration.base_year, migration.next_year) == (BASE_YEAR, NEXT_YEAR)
    assert migration.active_count("base") == 1700
    assert migration.counts.to_numpy().tolist() == [
        [12, 2, 0, 0, 0, 3],
        [10, 35, 15, 0, 0, 8],
        [1, 33, 151, 44, 2, 24],
        [0, 1, 73, 225, 76, 50],
        [0, 0, 0, 90, 729, 116],
        [3, 14, 30, 41, 82, 0],
    ]


def test_demo_names_are_dutch_companies():
    base, _ = demo_years()
    assert base[0] == ("Klantnummer", "Naam", "Omzet")
    assert base[1][0] == "10001"
    assert sum(1 for row in base[1:] if row[1].endswith("B.V.")) > 500
