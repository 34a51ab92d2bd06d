"""The streaming writer gives the same report as the openpyxl path, cell by cell and style by style."""

from __future__ import annotations

import openpyxl
import pytest

import klantpiramide.report as report_module
from klantpiramide.job import Settings, make_report

HEADER = ("Klantnummer", "Naam", "Omzet")


@pytest.fixture
def source(make_workbook):
    base = [HEADER] + [(f"{number:05d}", f"Klant {number} & Zn. <BV>", 1000.0 + 37 * number) for number in range(1, 60)]
    base += [("00900", "=SOM(A1)", 250.0), ("00901", "  spaties  ", 0.0), ("00902", "", -40.5)]
    following = [HEADER] + [(f"{number:05d}", f"Klant {number} & Zn. <BV>", 900.0 + 53 * (number % 17) * number) for number in range(5, 70)]
    following += [("00900", "=SOM(A1)", 99.99), ("00903", "@nieuw", 1234.56)]
    return make_workbook({"2024": base, "2025": following})


def colour(color):
    """Return a colour as comparable text: its RGB value, or its theme number."""
    if color is None:
        return None
    return color.rgb if isinstance(color.rgb, str) else f"theme {color.theme}"


def cells(workbook):
    """Return every cell's value and visible style, per sheet."""
    result = {}
    for sheet in workbook.worksheets:
        result[sheet.title] = {
            cell.coordinate: (
                cell.value,
                cell.number_format,
                cell.font.b,
                colour(cell.font.color),
                colour(cell.fill.fgColor),
                cell.border.left.style,
                cell.quotePrefix,
                cell.hyperlink.location if cell.hyperlink else None,
            )
            for row in sheet.iter_rows()
            for cell in row
            if cell.value is not None or cell.has_style
        }
    return result


def test_streamed_report_equals_openpyxl_report(source, tmp_path, monkeypatch):
    plain = tmp_path / "gewoon.xlsx"
    make_report([source], plain, Settings())
    monkeypatch.setattr(report_module, "STREAM_MIN_CUSTOMERS", 0)
    streamed = tmp_path / "gestreamd.xlsx"
    make_report([source], streamed, Settings())

    expected = openpyxl.load_workbook(plain)
    actual = openpyxl.load_workbook(streamed)
    assert actual.sheetnames == expected.sheetnames
    expected_cells, actual_cells = cells(expected), cells(actual)
    for title in expected.sheetnames:
        assert actual_cells[title] == expected_cells[title], title
        assert actual[title].auto_filter.ref == expected[title].auto_filter.ref
        assert actual[title].freeze_panes == expected[title].freeze_panes


def test_streamed_text_keeps_special_characters(source, tmp_path, monkeypatch):
    monkeypatch.setattr(report_module, "STREAM_MIN_CUSTOMERS", 0)
    output = tmp_path / "gestreamd.xlsx"
    make_report([source], output, Settings())
    rows = {row[0]: row for row in openpyxl.load_workbook(output)["Klanten"].iter_rows(min_row=4, values_only=True)}
    assert rows["00001"][1] == "Klant 1 & Zn. <BV>"
    assert rows["00900"][1] == "=SOM(A1)"
    assert rows["00901"][1] == "spaties"  # the reader trims names
    assert rows["00903"][1] == "@nieuw"
