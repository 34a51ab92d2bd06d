"""The input template reads as it is, so a user can start from it."""

from pathlib import Path

from klantpiramide.job import Settings, analyse

INPUT_TEMPLATE = Path(__file__).resolve().parents[2] / "templates" / "invoer.xlsx"


def test_input_template_gives_a_matrix():
    analysis = analyse([INPUT_TEMPLATE], Settings())
    migration = analysis.migration
    assert (migration.base_year, migration.next_year) == (2024, 2025)
    assert sorted(migration.customers["customer"]) == ["00101", "00102", "00103", "00104"]
    assert analysis.base.input_total == 6_390_050
    assert migration.cell_movement(0, 0) == "same"
    assert int(migration.counts.iat[0, 0]) == 1
