"""Credit notes and zero totals: read as they are, not active, noted for the check section."""

from __future__ import annotations

from klantpiramide.analysis import migrate
from klantpiramide.reading import read_inputs


def test_credit_notes_are_summed_per_customer(data, frame_rows):
    base, next_ = read_inputs([data / "credit_notes.csv"])

    assert frame_rows(base) == [("C1", "C1", "", -15000), ("C2", "C2", "", 0), ("C3", "C3", "", 50000)]
    assert frame_rows(next_) == [("C1", "C1", "", 30000), ("C3", "C3", "", -2000), ("C4", "C4", "", 4000)]
    assert (base.input_total, next_.input_total) == (35000, 32000)


def test_negative_and_zero_totals_are_noted(data, notes_of):
    base, next_ = read_inputs([data / "credit_notes.csv"])

    assert notes_of(base, "note_negative_total") == [(2, None, "C1: -150,00")]
    assert notes_of(base, "note_zero_totals") == [(None, None, "aantal klanten: 1")]
    assert notes_of(next_, "note_negative_total") == [(8, None, "C3: -20,00")]


def test_negative_totals_are_neither_active_nor_ranked(data):
    base, next_ = read_inputs([data / "credit_notes.csv"])

    migration = migrate(base.frame, next_.frame, base.year, next_.year)
    movement = dict(zip(migration.customers["key"], migration.customers["movement"]))

    assert movement == {"C1": "new", "C2": "", "C3": "lost", "C4": "new"}
    # Only C3 is active in 2024, so it alone sets every bound.
    assert migration.bounds_base.lower_cents == (50000, 50000, 50000, 50000)
    assert migration.not_placed["key"].tolist() == ["C2"]
