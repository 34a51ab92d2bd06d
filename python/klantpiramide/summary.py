"""The migration as plain data (for `matrix --json`) and as a text table (for the terminal)."""

from __future__ import annotations

from klantpiramide.analysis import Migration
from klantpiramide.texts import label


def _units(cents: int) -> float:
    return round(int(cents) / 100, 2)


def matrix_as_dict(migration: Migration) -> dict:
    """Return the JSON document of `klantpiramide matrix --json`; amounts in units with two decimals.

    Row and column names are the category letters plus 'Nieuw' (rows) and
    'Verloren' (columns), in Dutch whatever the language, so scripts can rely on them.
    """
    rows = [*migration.categories, label("new", "nl")]
    columns = [*migration.categories, label("lost", "nl")]
    matrix = {
        row_name: {
            column_name: {
                "aantal": int(migration.counts.iat[row, column]),
                "omzet_basis": _units(migration.revenue_base.iat[row, column]),
                "omzet_volgend": _units(migration.revenue_next.iat[row, column]),
            }
            for column, column_name in enumerate(columns)
        }
        for row, row_name in enumerate(rows)
    }
    bounds = dict(zip(migration.categories, (_units(cents) for cents in migration.bounds_base.lower_cents)))
    document = {
        "jaren": [migration.base_year, migration.next_year],
        "actief": {
            str(migration.base_year): migration.active_count("base"),
            str(migration.next_year): migration.active_count("next"),
        },
        "niet_geplaatst": len(migration.not_placed),
        "grenzen": bounds,
        "matrix": matrix,
    }
    if migration.bounds_next != migration.bounds_base:
        document["grenzen_volgend"] = dict(
            zip(migration.categories, (_units(cents) for cents in migration.bounds_next.lower_cents))
        )
    return document


def matrix_as_text(migration: Migration, language: str = "nl") -> str:
    """Return the count matrix as an aligned text table with totals."""
    rows = [*migration.categories, label("new", language)]
    columns = [*migration.categories, label("lost", language), label("total", language)]
    width = max(9, *(len(name) + 1 for name in columns))
    corner = f"{migration.base_year}\\{migration.next_year}"

    lines = [corner.ljust(10) + "".join(name.rjust(width) for name in columns)]
    for row, name in enumerate(rows):
        counts = [int(value) for value in migration.counts.iloc[row]]
        lines.append(name.ljust(10) + "".join(f"{count:>{width}}" for count in [*counts, sum(counts)]))
    totals = [int(value) for value in migration.counts.sum(axis=0)]
    lines.append(label("total", language).ljust(10) + "".join(f"{count:>{width}}" for count in [*totals, sum(totals)]))
    return "\n".join(lines)
