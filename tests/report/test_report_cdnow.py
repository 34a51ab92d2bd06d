"""The report of the real CDNOW sample: the numbers, colours, links and sheets a user relies on."""

from __future__ import annotations

import re

import openpyxl
import pytest

from klantpiramide.job import Settings, make_report

EXPECTED_COUNTS = [
    [1, 4, 10, 2, 0, 6],
    [0, 8, 27, 18, 7, 34],
    [0, 8, 36, 58, 64, 187],
    [0, 1, 11, 46, 78, 451],
    [0, 0, 11, 32, 93, 1156],
    [0, 0, 0, 0, 0, 0],
]
MOVEMENT_FILLS = {"up": "C6EFCE", "down": "FFC7CE", "same": "F2F2F2", "new": "DDEBF7", "lost": "F8CBAD"}


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    from tests.conftest import CDNOW_WORKBOOK

    output = tmp_path_factory.mktemp("cdnow") / "rapport.xlsx"
    make_report([CDNOW_WORKBOOK], output, Settings())
    return openpyxl.load_workbook(output)


def matrix_corner(workbook):
    """Return the sheet and (row, column) of the matrix's top-left cell, found by its defined name."""
    title, reference = next(iter(workbook.defined_names["kp_matrix"].destinations))
    sheet = workbook[title]
    cell = sheet[reference.replace("$", "")]
    return sheet, cell.row, cell.column


def test_matrix_counts_match_cdnow(report):
    sheet, top, left = matrix_corner(report)
    counts = [[sheet.cell(top + 1 + row, left + 1 + column).value for column in range(6)] for row in range(6)]
    assert counts == EXPECTED_COUNTS


def test_matrix_labels_are_exact(report):
    sheet, top, left = matrix_corner(report)
    assert [sheet.cell(top + offset, left).value for offset in range(1, 8)] == ["A", "B", "C", "D", "E", "Nieuw", "Totaal"]
    assert [sheet.cell(top, left + offset).value for offset in range(1, 8)] == ["A", "B", "C", "D", "E", "Verloren", "Totaal"]


def test_matrix_totals(report):
    sheet, top, left = matrix_corner(report)
    assert sheet.cell(top + 1, left + 7).value == 23  # row A
    assert sheet.cell(top + 7, left + 6).value == 1834  # column Verloren
    assert sheet.cell(top + 7, left + 7).value == 2349  # every placed customer


@pytest.mark.parametrize(
    ("row", "column", "movement"),
    [(0, 0, "same"), (0, 1, "down"), (2, 1, "up"), (0, 5, "lost"), (5, 0, "new"), (4, 4, "same"), (3, 4, "down")],
)
def test_cell_colour_follows_movement(report, row, column, movement):
    sheet, top, left = matrix_corner(report)
    fill = sheet.cell(top + 1 + row, left + 1 + column).fill
    assert fill.fgColor.rgb[-6:] == MOVEMENT_FILLS[movement]


def test_legend_explains_colours(report):
    sheet, _, _ = matrix_corner(report)
    legend = {cell.value: cell.fill.fgColor.rgb[-6:] for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str) and cell.value.startswith(("Stijger", "Daler", "Gelijk", "Nieuw:", "Verloren:"))}
    assert legend["Stijger: hogere categorie dan in 1997"] == MOVEMENT_FILLS["up"]
    assert legend["Verloren: klant in 1997, niet actief in 1998"] == MOVEMENT_FILLS["lost"]


def test_empty_cell_shows_zero_without_link(report):
    sheet, top, left = matrix_corner(report)
    cell = sheet.cell(top + 1, left + 5)  # A in 1997, E in 1998: no customers
    assert cell.value == 0
    assert cell.hyperlink is None
    assert all(sheet.cell(top + 6, left + 1 + column).hyperlink is None for column in range(6))


def test_every_count_links_to_its_detail_sheet(report):
    sheet, top, left = matrix_corner(report)
    for row in range(6):
        for column in range(6):
            cell = sheet.cell(top + 1 + row, left + 1 + column)
            if not cell.value:
                continue
            target_sheet, coordinate = parse_location(cell.hyperlink.location)
            detail = report[target_sheet]
            listed = [value for (value,) in detail.iter_rows(min_row=5, max_col=1, values_only=True) if value is not None]
            assert len(listed) == cell.value, target_sheet


def test_every_hyperlink_resolves(report):
    links = [(sheet.title, cell.hyperlink) for sheet in report.worksheets for row in sheet.iter_rows() for cell in row if cell.hyperlink]
    # 24 non-empty matrix cells, each with a detail sheet that links back, and the same cells in the heat map;
    # 6 segments and 2 near-bound totals link to a list sheet that links back.
    assert len(links) == 3 * 24 + 2 * 6 + 2 * 2
    for source, link in links:
        target_sheet, coordinate = parse_location(link.location)
        assert target_sheet in report.sheetnames, (source, link.location)
        assert re.fullmatch(r"[A-Z]{1,3}[0-9]+", coordinate)


def test_detail_sheet_lists_largest_fall_first(report):
    detail = report["A-B"]
    assert detail["A1"].value == "A in 1997 → B in 1998: 4 klanten"
    rows = list(detail.iter_rows(min_row=5, values_only=True))
    changes = [row[6] for row in rows if row[0] is not None]
    assert changes == sorted(changes)
    assert rows[0][2:4] == ("A", "B")


def test_detail_sheet_of_risers_lists_largest_rise_first(report):
    detail = report["C-B"]
    changes = [row[6] for row in detail.iter_rows(min_row=5, values_only=True) if row[0] is not None]
    assert len(changes) == 8
    assert changes == sorted(changes, reverse=True)


def test_detail_sheet_links_back_to_matrix_cell(report):
    sheet, top, left = matrix_corner(report)
    back = report["A-B"]["A2"]
    assert parse_location(back.hyperlink.location) == (sheet.title, sheet.cell(top + 1, left + 2).coordinate)


def test_lost_customers_have_no_next_category_and_percentage(report):
    rows = [row for row in report["A-Verloren"].iter_rows(min_row=5, values_only=True) if row[0] is not None]
    assert len(rows) == 6
    assert all(row[3] is None for row in rows)
    assert all(row[7] == pytest.approx(-1.0) for row in rows)


def test_pyramid_sheet_counts_and_bounds(report):
    sheet = report["Piramide"]
    rows = [row for row in sheet.iter_rows(min_row=5, min_col=2, max_col=8, values_only=True) if row[0] == 1997]
    assert [row[1] for row in rows] == ["A", "B", "C", "D", "E", "Totaal"]
    assert [row[3] for row in rows] == [23, 94, 353, 587, 1292, 2349]
    assert [row[2] for row in rows[:4]] == [707.94, 305.33, 108.72, 43.99]


def test_customers_sheet_lists_everyone_as_text(report):
    sheet = report["Klanten"]
    numbers = [row[0] for row in sheet.iter_rows(min_row=4, max_col=1, values_only=True) if row[0] is not None]
    assert len(numbers) == 2357
    assert numbers[:3] == ["0001", "0002", "0003"]
    assert sheet.auto_filter.ref == "A3:K2360"
    assert sheet.freeze_panes == "A4"


def test_check_sheet_reconciles_to_the_cent(report):
    sheet = report["Controle"]
    rows = {row[0]: row for row in sheet.iter_rows(min_row=6, max_row=7, min_col=2, max_col=9, values_only=True)}
    assert rows[1997][1:] == (2357, 2349, 201224.82, 201224.82, 0.0, 0.0, "Sluit aan")
    assert rows[1998][1:] == (515, 515, 42867.12, 42867.12, 0.0, 0.0, "Sluit aan")


def test_check_sheet_lists_customers_not_placed(report):
    sheet = report["Controle"]
    values = [cell.value for row in sheet.iter_rows(min_col=2, max_col=2) for cell in row]
    start = values.index("Klantnummer")
    listed = [value for value in values[start + 1 :] if value]
    assert len(listed) == 8


def test_report_states_rule_and_bounds(report):
    sheet, _, _ = matrix_corner(report)
    rule = report.defined_names["kp_indeling"]
    title, reference = next(iter(rule.destinations))
    text = report[title][reference.replace("$", "")].value
    assert text.startswith("Harde omzetgrenzen uit 1997, verdeling 1/4/15/25/55")
    assert "Klantpiramide" in text


def parse_location(location: str) -> tuple[str, str]:
    sheet, coordinate = location.rsplit("!", 1)
    assert sheet.startswith("'"), location
    assert sheet.endswith("'"), location
    return sheet[1:-1].replace("''", "'"), coordinate


def test_pyramid_total_row_shows_year_plainly(report):
    sheet = report["Piramide"]
    totals = [row for row in sheet.iter_rows(min_col=2, max_col=3) if row[1].value == "Totaal"]
    assert [row[0].value for row in totals] == [1997, 1998]
    assert [row[0].number_format for row in totals] == ["0", "0"]
