"""The Acties sheet and its list sheets, on the small report of ``small_report.py``."""

from __future__ import annotations

import openpyxl
import pytest

from tests.report.small_report import anchor, small_report

def actions_table(workbook):
    sheet, top, left = anchor(workbook, "kp_acties")
    rows = []
    for row in range(top + 1, top + 20):
        values = [sheet.cell(row, left + offset).value for offset in range(9)]
        if values[0] is None:
            break
        rows.append(values)
    return sheet, top, left, rows


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return openpyxl.load_workbook(small_report(tmp_path_factory.mktemp("acties")))


def test_segments_with_counts_and_revenue(report):
    _, _, _, rows = actions_table(report)
    assert [row[:6] for row in rows] == [
        ["Stijgers / groeiers", "Hogere categorie in 2025 dan in 2024", 2, 100, 220, pytest.approx(220 / 396)],
        ["Key accounts", "Categorie A en B in 2025", 3, 220, 275, pytest.approx(275 / 396)],
        ["Dalers", "Lagere categorie in 2025 dan in 2024", 1, 120, 55, pytest.approx(55 / 396)],
        ["Verloren", "Actief in 2024, niet in 2025", 1, 25, 0, 0],
        ["Nieuw", "Actief in 2025, niet in 2024", 1, 0, 8, pytest.approx(8 / 396)],
        ["Kleine klanten (D)", "Categorie D in 2025", 2, 10, 20, pytest.approx(20 / 396)],
        [
            "Groepen / vestigingen",
            "Klanten met dezelfde groep (concern, keten, moederbedrijf) in de invoer; groepen van minstens twee vestigingen",
            0, 0, 0, 0,
        ],
        [
            "Lijken op groeiers",
            "Bleven in hun categorie en hadden in 2024 minstens de mediaanomzet van de stijgers uit die categorie (B: € 60,00; C: € 40,00)",
            1, 45, 30, pytest.approx(30 / 396),
        ],
    ]


def test_key_accounts_advice_names_real_share(report):
    _, _, _, rows = actions_table(report)
    assert rows[1][6] == (
        "Samen 69,4% van de omzet in 2025; de vuistregel zegt 80%. "
        "Bescherm deze relaties met een vaste contactpersoon en regelmatig overleg."
    )
    assert rows[2][6] == "Neem contact op en vraag hoe ze de service ervaren."
    assert rows[6][6] == "De invoer heeft geen groepkolom. Voeg een kolom Groep, Concern of Keten toe om vestigingen te bundelen."


def test_owner_and_next_step_are_empty_input_cells(report):
    sheet, top, left, rows = actions_table(report)
    assert [sheet.cell(top, left + offset).value for offset in (7, 8)] == ["Eigenaar", "Volgende stap"]
    assert all(row[7] is None and row[8] is None for row in rows)
    assert sheet.cell(top + 1, left + 7).fill.fgColor.rgb[-6:] == "FFF2CC"


def test_count_links_to_list_sheet(report):
    sheet, top, left, _ = actions_table(report)
    count = sheet.cell(top + 1, left + 2)
    assert count.hyperlink.location == "'Lijst Stijgers - groeiers'!A1"
    listed = report["Lijst Stijgers - groeiers"]
    assert listed["A1"].value == "Stijgers / groeiers: 2 klanten (2024 → 2025)"
    # The largest rise first: 1 rose 90 euros, 4 rose 30.
    assert [listed.cell(row, 1).value for row in (5, 6, 7)] == ["1", "4", None]
    assert listed["A2"].hyperlink.location == "'Acties'!B5"


def test_empty_segment_has_no_list(report):
    sheet, top, left, rows = actions_table(report)
    groups = sheet.cell(top + 7, left + 2)
    assert groups.value == 0
    assert groups.hyperlink is None
    assert not any(title.startswith("Lijst Groepen") for title in report.sheetnames)


def test_look_alike_list(report):
    listed = report["Lijst Lijken op groeiers"]
    assert [listed.cell(row, 1).value for row in (5, 6)] == ["5", None]


def test_owner_and_next_step_kept_when_rewritten(tmp_path):
    output = small_report(tmp_path)
    workbook = openpyxl.load_workbook(output)
    sheet, top, left, _ = actions_table(workbook)
    sheet.cell(top + 3, left + 7).value = "Anna"
    sheet.cell(top + 3, left + 8).value = "Bellen voor 1 maart"
    workbook.save(output)

    small_report(tmp_path, language="en")
    sheet, top, left, rows = actions_table(openpyxl.load_workbook(output))
    assert rows[2][0] == "Fallers"
    assert rows[2][7:] == ["Anna", "Bellen voor 1 maart"]
    assert rows[0][7:] == [None, None]


def test_groups_bundle_branches(tmp_path):
    header = ("Klantnummer", "Naam", "Omzet", "Concern")
    sheets = {
        "2024": [header, ("1", "Jansen Utrecht", 60.0, "Jansen"), ("2", "Jansen Zwolle", 120.0, "Jansen"), ("3", "Solo", 30.0, None)],
        "2025": [header, ("1", "Jansen Utrecht", 150.0, "Jansen"), ("2", "Jansen Zwolle", 55.0, "Jansen"), ("3", "Solo", 25.0, None)],
    }
    workbook = openpyxl.load_workbook(small_report(tmp_path, sheets=sheets))
    sheet, top, left, rows = actions_table(workbook)
    assert [rows[6][0], *rows[6][2:5]] == ["Groepen / vestigingen", 1, 180, 205]
    assert rows[6][6] == "Bekijk het totaal per groep: maak afspraken op groepsniveau en stem de aanpak van de vestigingen op elkaar af."
    assert sheet.cell(top + 7, left + 2).hyperlink.location == "'Lijst Groepen - vestigingen'!A1"
    listed = workbook["Lijst Groepen - vestigingen"]
    assert listed["A1"].value == "Groepen / vestigingen: 1 groep (2024 → 2025)"
    # Jansen: 180 -> 205 euros, A in both years; one branch rose (B -> A), one fell (A -> B).
    assert [cell.value for cell in listed[5][:15]] == ["Jansen", 2, 2, 2, "A", "A", 180, 205, 25, "gelijk", 1, 1, 0, 0, 0]
