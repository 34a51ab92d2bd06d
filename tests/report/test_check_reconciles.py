"""The Controle sheet reconciles to the cent on every kind of input the reader accepts."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from klantpiramide.job import Settings, make_report
from klantpiramide.reading import ReadOptions, parse_column_positions

READING_DATA = Path(__file__).resolve().parents[1] / "data" / "reading"
CDNOW = Path(__file__).resolve().parents[3] / "shared" / "data" / "cdnow"

# (inputs, settings): two-year files on their own, one-year files paired with themselves.
CASES = {
    "credit notes": (["credit_notes.csv"], Settings()),
    "two years in one workbook": (["customers_two_years.xlsx"], Settings()),
    "a column per year": (["year_columns.xlsx"], Settings()),
    "English amounts": (["amounts_english.csv"] * 2, Settings(years=(2024, 2025))),
    "amounts as text": (["amounts_text.csv"] * 2, Settings(years=(2024, 2025))),
    "UTF-8 with BOM": (["csv_bom_semicolon.csv"] * 2, Settings(years=(2024, 2025))),
    "quoted fields": (["csv_comma_quoted.csv"] * 2, Settings(years=(2024, 2025))),
    "Windows-1252": (["csv_cp1252.csv"] * 2, Settings(years=(2024, 2025))),
    "UTF-16 with tabs": (["csv_utf16_tab.txt"] * 2, Settings(years=(2024, 2025))),
    "financial year from July": (["transactions_dates.xlsx"], Settings(years=(2023, 2024), reading=ReadOptions(fiscal_year_start=7))),
}


def reconciliation_rows(sheet) -> list[tuple]:
    """Return the rows of the reconciliation table: year, rows, active, input, placed, unplaced, difference, status."""
    values = list(sheet.iter_rows(min_col=2, max_col=9, values_only=True))
    start = next(index for index, row in enumerate(values) if row[0] == "Jaar") + 1
    rows = []
    for row in values[start:]:
        if row[0] is None:
            break
        rows.append(row)
    return rows


def check(report: Path, analysis) -> None:
    rows = reconciliation_rows(openpyxl.load_workbook(report)["Controle"])
    assert [row[0] for row in rows] == [analysis.base.year, analysis.next.year]
    for row, table in zip(rows, (analysis.base, analysis.next)):
        assert row[6] == 0
        assert row[7] == "Sluit aan"
        assert round(row[3] * 100) == table.input_total
        assert table.input_total == int(table.frame["revenue"].sum())


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_check_sheet_reconciles(case, tmp_path):
    names, settings = CASES[case]
    report = tmp_path / "rapport.xlsx"
    analysis = make_report([READING_DATA / name for name in names], report, settings)
    check(report, analysis)


def test_cdnow_transactions_reconcile(tmp_path):
    options = ReadOptions(positions=parse_column_positions("klant=2,datum=3,bedrag=5"))
    report = tmp_path / "rapport.xlsx"
    analysis = make_report([CDNOW / "CDNOW_sample.txt"], report, Settings(reading=options))
    check(report, analysis)
    assert analysis.base.input_total == 20_122_482


def test_check_sheet_notes_follow_language(tmp_path):
    report = tmp_path / "report.xlsx"
    make_report([READING_DATA / "credit_notes.csv"], report, Settings(language="en"))
    notes = [row for row in openpyxl.load_workbook(report)["Check"].iter_rows(min_col=2, max_col=7, values_only=True) if row[0]]
    credit = [row for row in notes if row[0] == "Negative total (credit notes): not active, not ranked"]
    assert [row[5] for row in credit] == ["C1: -150.00", "C3: -20.00"]
