"""A small hand-made report with own bounds, for the tests of the summary, actions and bridge sheets.

Bounds A >= 100, B >= 50, C >= 20 euros, D the rest (split 10,20,30,40). The
customers, in euros 2024 -> 2025: 1 60 -> 150 (B -> A), 2 120 -> 55 (A -> B),
3 30 -> 25 (C), 4 40 -> 70 (C -> B), 5 45 -> 30 (C), 6 10 -> 12 (D), 7 25 -> lost,
8 new -> 8 (D), 9 30 -> 46 (C). Totals: 360 euros in 2024, 396 in 2025.
"""

from __future__ import annotations

from klantpiramide.analysis import parse_split
from klantpiramide.job import Settings, make_report
from tests.conftest import write_workbook

HEADER = ("Klantnummer", "Naam", "Omzet")
YEAR_2024 = [
    HEADER, ("1", "Bakkerij Jansen", 60.0), ("2", "Smit Transport", 120.0), ("3", "De Wit Advies", 30.0),
    ("4", "Van Dijk Tuinen", 40.0), ("5", "Bos Bouw", 45.0), ("6", "Kok Catering", 10.0),
    ("7", "Visser Metaal", 25.0), ("9", "Mulder Elektro", 30.0),
]
YEAR_2025 = [
    HEADER, ("1", "Bakkerij Jansen", 150.0), ("2", "Smit Transport", 55.0), ("3", "De Wit Advies", 25.0),
    ("4", "Van Dijk Tuinen", 70.0), ("5", "Bos Bouw", 30.0), ("6", "Kok Catering", 12.0),
    ("8", "Nieuw B.V.", 8.0), ("9", "Mulder Elektro", 46.0),
]
OWN_BOUNDS = {"split": parse_split("10,20,30,40"), "own_bounds": ("100", "50", "20")}


def small_report(folder, language="nl", sheets=None):
    source = write_workbook(folder / "omzet.xlsx", sheets or {"2024": YEAR_2024, "2025": YEAR_2025})
    output = folder / "rapport.xlsx"
    make_report([source], output, Settings(language=language, **OWN_BOUNDS))
    return output


def anchor(workbook, name):
    """Return the sheet, row and column of a defined name in a report."""
    title, reference = next(iter(workbook.defined_names[name].destinations))
    cell = workbook[title][reference.replace("$", "")]
    return workbook[title], cell.row, cell.column
