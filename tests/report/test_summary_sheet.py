"""The Samenvatting sheet: key figures, the heat map and the customers near a bound, on the small report."""

from __future__ import annotations

import openpyxl
import pytest

from tests.report.small_report import anchor, small_report


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return openpyxl.load_workbook(small_report(tmp_path_factory.mktemp("samenvatting")))


def block(sheet, top, left, rows, columns):
    return [[sheet.cell(top + row, left + column).value for column in range(columns)] for row in range(rows)]


def test_summary_is_first_and_active(report):
    assert report.sheetnames[:3] == ["Samenvatting", "Acties", "Migratiematrix"]
    assert report.active.title == "Samenvatting"
    assert report["Samenvatting"]["B2"].value == "Samenvatting 2024 → 2025"


def test_customers_revenue_and_key_share_per_year(report):
    sheet, top, left = anchor(report, "kp_kengetallen")
    assert block(sheet, top, left, 5, 3) == [
        ["Klanten en omzet", None, None],
        ["Kengetal", "2024", "2025"],
        ["Actieve klanten (omzet boven 0)", 8, 8],
        ["Omzet (alle klanten, creditnota's inbegrepen)", 360, 396],
        ["Aandeel omzet A+B (de vuistregel zegt 80%)", 0.5, pytest.approx(275 / 396)],
    ]
    assert sheet.cell(top + 3, left + 1).number_format == '"€" #,##0.00;[Red]-"€" #,##0.00'


def test_retention(report):
    sheet, top, left = anchor(report, "kp_kengetallen")
    assert block(sheet, top + 6, left, 5, 3) == [
        ["Behoud van 2024 naar 2025", None, None],
        ["Kengetal", "Waarde", "Aandeel"],
        ["Klanten uit 2024 die in 2025 nog actief zijn", 7, 0.875],
        ["Omzet 2024 van die klanten, als deel van de omzet 2024", 335, pytest.approx(335 / 360)],
        ["Hun omzet 2025, als deel van hun omzet 2024", 388, pytest.approx(388 / 335)],
    ]


def test_movements_with_shares(report):
    sheet, top, left = anchor(report, "kp_kengetallen")
    assert block(sheet, top + 13, left, 7, 5) == [
        ["Beweging", "Klanten", "Aandeel", "Omzet 2024", "Omzet 2025"],
        ["Stijgers", 2, pytest.approx(2 / 9), 100, 220],
        ["Dalers", 1, pytest.approx(1 / 9), 120, 55],
        ["Gelijk gebleven", 4, pytest.approx(4 / 9), 115, 113],
        ["Nieuw", 1, pytest.approx(1 / 9), 0, 8],
        ["Verloren", 1, pytest.approx(1 / 9), 25, 0],
        ["Totaal", 9, 1, 360, 396],
    ]


def test_heat_map_shows_row_shares(report):
    sheet, top, left = anchor(report, "kp_warmtekaart")
    assert block(sheet, top + 1, left, 6, 7) == [
        ["2024 ↓  2025 →", "A", "B", "C", "D", "Verloren", "Klanten"],
        ["A", 0, 1, 0, 0, 0, 1],
        ["B", 1, 0, 0, 0, 0, 1],
        ["C", 0, 0.2, 0.6, 0, 0.2, 5],
        ["D", 0, 0, 0, 1, 0, 1],
        ["Nieuw", 0, 0, 0, 1, 0, 1],
    ]


def test_heat_map_colour_scale_and_links(report):
    sheet, top, left = anchor(report, "kp_warmtekaart")
    formats = list(sheet.conditional_formatting)
    assert [str(entry.sqref) for entry in formats] == ["I6:M10"]
    rule = formats[0].rules[0]
    assert rule.type == "colorScale"
    assert [(value.type, value.val) for value in rule.colorScale.cfvo] == [("num", 0), ("num", 0.5), ("num", 1)]
    assert [colour.rgb[-6:] for colour in rule.colorScale.color] == ["FFFFFF", "FFD966", "F8696B"]
    # Row A, column B: customer 2 fell from A to B.
    assert sheet.cell(top + 2, left + 2).hyperlink.location == "'A-B'!A1"
    assert sheet.cell(top + 2, left + 1).hyperlink is None


def test_near_bounds_per_bound_with_lists(report):
    sheet, top, left = anchor(report, "kp_dichtbij")
    # 9 has 46 euros, 8% under B's bound of 50; 2 has 55 euros, 10% above it.
    assert block(sheet, top + 1, left, 5, 4) == [
        ["Grens van", "Ondergrens", "Bijna stijgers", "Bijna dalers"],
        ["A", 100, 0, 0],
        ["B", 50, 1, 1],
        ["C", 20, 0, 0],
        ["Samen", None, 1, 1],
    ]
    assert sheet.cell(top + 5, left + 2).hyperlink.location == "'Lijst Bijna stijgers'!A1"
    assert sheet.cell(top + 5, left + 3).hyperlink.location == "'Lijst Bijna dalers'!A1"
    assert report["Lijst Bijna stijgers"]["A5"].value == "9"
    assert report["Lijst Bijna dalers"]["A5"].value == "2"
    assert report["Lijst Bijna dalers"]["A2"].hyperlink.location == "'Samenvatting'!H15"


def test_summary_in_english(tmp_path):
    workbook = openpyxl.load_workbook(small_report(tmp_path, language="en"))
    assert workbook.sheetnames[:2] == ["Summary", "Actions"]
    sheet, top, left = anchor(workbook, "kp_kengetallen")
    assert sheet.cell(top + 4, left).value == "Revenue share of A+B (the rule of thumb says 80%)"
