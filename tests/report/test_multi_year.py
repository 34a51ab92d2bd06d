"""A report over three years: a matrix per pair, won-back customers, the trend sheet, and the two-year path unchanged.

Own bounds A >= 100, B >= 50, C >= 20 euros, D the rest. The customers, in euros
for 2023 / 2024 / 2025:

    1  60 / 150 / 140      3  30 / 25 / 30      10  40 /  - / 35 (won back)
    2 120 /  55 /  -       4   - / 70 / 45      11   - /  - /  8 (new)
"""

from __future__ import annotations

import openpyxl
import pytest

from klantpiramide.cli import main
from klantpiramide.job import Settings, analyse_all
from klantpiramide.analysis import parse_split
from tests.conftest import write_workbook
from tests.report.small_report import anchor

HEADER = ("Klantnummer", "Naam", "Omzet")
THREE_YEARS = {
    "2023": [HEADER, ("1", "Jansen", 60.0), ("2", "Smit", 120.0), ("3", "De Wit", 30.0), ("10", "Terug B.V.", 40.0)],
    "2024": [HEADER, ("1", "Jansen", 150.0), ("2", "Smit", 55.0), ("3", "De Wit", 25.0), ("4", "Van Dijk", 70.0)],
    "2025": [
        HEADER, ("1", "Jansen", 140.0), ("3", "De Wit", 30.0), ("4", "Van Dijk", 45.0), ("10", "Terug B.V.", 35.0),
        ("11", "Nieuw B.V.", 8.0),
    ],
}
BOUNDS = ["--verdeling", "10,20,30,40", "--grenzen", "100", "50", "20"]


def run(capsys, *arguments):
    code = main([str(argument) for argument in arguments])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def three_years(tmp_path):
    return write_workbook(tmp_path / "drie_jaren.xlsx", THREE_YEARS)


@pytest.fixture
def report(three_years, capsys):
    output = three_years.parent / "rapport.xlsx"
    code, out, err = run(capsys, "rapport", three_years, "-o", output, *BOUNDS)
    assert (code, err) == (0, "")
    assert out == f"Rapport gemaakt: {output} (2024 → 2025, 6 klanten in de matrix)\n"
    return output


def matrix_rows(sheet, top, left, count):
    return [[sheet.cell(top + row, left + column).value for column in range(7)] for row in range(count)]


def test_last_pair_has_won_back_row(report):
    workbook = openpyxl.load_workbook(report)
    sheet, top, left = anchor(workbook, "kp_matrix")
    assert matrix_rows(sheet, top, left, 8) == [
        ["2024 ↓  2025 →", "A", "B", "C", "D", "Verloren", "Totaal"],
        ["A", 1, 0, 0, 0, 0, 1],
        ["B", 0, 0, 1, 0, 1, 2],
        ["C", 0, 0, 1, 0, 0, 1],
        ["D", 0, 0, 0, 0, 0, 0],
        ["Nieuw", 0, 0, 0, 1, 0, 1],
        ["Teruggewonnen", 0, 0, 1, 0, 0, 1],
        ["Totaal", 1, 0, 3, 1, 1, 6],
    ]
    won_back = sheet.cell(top + 6, left + 3)
    assert won_back.fill.fgColor.rgb[-6:] == "E4DFEC"
    assert won_back.hyperlink.location == "'Teruggewonnen-C'!A1"
    assert workbook["Teruggewonnen-C"]["A5"].value == "10"
    assert workbook["Migratiematrix"]["K11"].value == "Teruggewonnen: klant in 2025, niet actief in 2024, wel eerder"


def test_revenue_blocks_make_room_for_won_back_row(report):
    sheet, top, left = anchor(openpyxl.load_workbook(report), "kp_omzetmatrix")
    # Each block has a header, six rows and a total row, then two blank rows.
    assert [sheet.cell(top + offset, left).value for offset in (0, 7, 10, 17, 20)] == [
        "Omzet 2024", "Totaal", "Omzet 2025", "Totaal", "Verschil 2025 t.o.v. 2024",
    ]
    assert sheet.cell(top + 16, left + 3).value == 35


def test_trend_counts_and_revenue(report):
    workbook = openpyxl.load_workbook(report)
    assert workbook.sheetnames[5:8] == ["Piramide", "Trend", "Klanten"]
    sheet, top, left = anchor(workbook, "kp_trend")
    assert workbook["Trend"]["B2"].value == "Trend 2023 t/m 2025"
    assert sheet.cell(top, left).value == "Alle jaren ingedeeld met de eigen omzetgrenzen"
    counts = [[sheet.cell(row, left + column).value for column in range(4)] for row in range(top + 3, top + 9)]
    assert counts == [
        ["Categorie", "2023", "2024", "2025"],
        ["A", 1, 1, 1],
        ["B", 1, 2, 0],
        ["C", 2, 1, 3],
        ["D", 0, 0, 1],
        ["Totaal", 4, 4, 5],
    ]
    revenue = [[sheet.cell(row, left + column).value for column in range(1, 4)] for row in range(top + 12, top + 17)]
    assert revenue == [[120, 150, 140], [60, 125, 0], [70, 25, 110], [0, 0, 8], [250, 300, 258]]
    chart = sheet._charts[0]
    assert (chart.type, chart.grouping) == ("col", "clustered")
    assert [series.val.numRef.f for series in chart.series] == [f"'Trend'!${column}$16:${column}$19" for column in "CDE"]


def test_trend_has_matrix_per_pair(report):
    sheet = openpyxl.load_workbook(report)["Trend"]
    titles = [row[0].value for row in sheet.iter_rows(min_col=2, max_col=2) if isinstance(row[0].value, str) and "aantal klanten" in row[0].value]
    assert titles == ["2023 → 2024: aantal klanten", "2024 → 2025: aantal klanten"]
    first = next(row[0].row for row in sheet.iter_rows(min_col=2, max_col=2) if row[0].value == "2023 → 2024: aantal klanten")
    # 2023 -> 2024 uses the bounds of 2023 and has no won-back row: no year before 2023.
    assert matrix_rows(sheet, first + 1, 2, 7) == [
        ["2023 ↓  2024 →", "A", "B", "C", "D", "Verloren", "Totaal"],
        ["A", 0, 1, 0, 0, 0, 1],
        ["B", 1, 0, 0, 0, 0, 1],
        ["C", 0, 0, 1, 0, 1, 2],
        ["D", 0, 0, 0, 0, 0, 0],
        ["Nieuw", 0, 1, 0, 0, 0, 1],
        ["Totaal", 1, 2, 1, 0, 1, 5],
    ]


def test_actions_bridge_and_check_cover_won_back(report):
    workbook = openpyxl.load_workbook(report)
    sheet, top, left = anchor(workbook, "kp_acties")
    rows = {sheet.cell(row, left).value: [sheet.cell(row, left + offset).value for offset in (1, 2, 3, 4)] for row in range(top + 1, top + 11)}
    assert rows["Nieuw"] == ["Actief in 2025, nooit eerder", 1, 0, 8]
    assert rows["Teruggewonnen"] == ["Actief in 2025, niet in 2024, wel in een eerder jaar", 1, 0, 35]

    bridge, top, left = anchor(workbook, "kp_brug")
    steps = [(bridge.cell(row, left).value, bridge.cell(row, left + 2).value) for row in range(top + 1, top + 9)]
    assert steps == [
        ("Omzet 2024", 300), ("Verloren klanten", -55), ("Dalers", -25), ("Gelijk gebleven (saldo)", -5),
        ("Stijgers", 0), ("Nieuwe klanten", 8), ("Teruggewonnen klanten", 35), ("Omzet 2025", 258),
    ]

    check, top, left = anchor(workbook, "kp_controle")
    years = [(check.cell(row, left).value, check.cell(row, left + 6).value) for row in range(top + 2, top + 5)]
    assert years == [(2023, 0), (2024, 0), (2025, 0)]


def test_refresh_and_call_list_of_three_years(report, capsys):
    code, out, _ = run(capsys, "vernieuw", report)
    assert code == 0
    assert out == f"Rapport vernieuwd: {report} (2024 → 2025, 6 klanten in de matrix)\n"
    assert "Trend" in openpyxl.load_workbook(report).sheetnames

    output = report.parent / "bellijst.csv"
    code, out, _ = run(capsys, "bellijst", report, "-o", output, "--segmenten", "teruggewonnen")
    assert code == 0
    assert output.read_text(encoding="utf-8-sig").splitlines()[1].split(";")[:3] == ["10", "Terug B.V.", "Teruggewonnen"]


def test_two_chosen_of_three_years(three_years, capsys, tmp_path):
    output = tmp_path / "twee.xlsx"
    code, out, _ = run(capsys, "rapport", "--jaren", "2023", "2025", three_years, "-o", output, *BOUNDS)
    assert code == 0
    assert out == f"Rapport gemaakt: {output} (2023 → 2025, 6 klanten in de matrix)\n"
    assert "Trend" not in openpyxl.load_workbook(output).sheetnames


def test_matrix_command_stays_two_years(three_years, capsys):
    code, _, err = run(capsys, "matrix", three_years)
    assert code == 1
    assert err == (
        "Bestand 'drie_jaren.xlsx': er zijn 3 jaren gevonden (2023, 2024, 2025), maar er zijn er precies twee nodig. "
        "Geef de jaren op met --jaren, bijvoorbeeld --jaren 2024 2025.\n"
    )


def test_two_years_without_won_back(tmp_path):
    source = write_workbook(tmp_path / "twee.xlsx", {"2024": THREE_YEARS["2024"], "2025": THREE_YEARS["2025"]})
    analysis = analyse_all([source], Settings(split=parse_split("10,20,30,40"), own_bounds=("100", "50", "20")))
    assert analysis.history == ()
    assert not analysis.migration.has_won_back
    # Without earlier years, customer 10 is new in 2025.
    movements = dict(zip(analysis.migration.customers["key"], analysis.migration.customers["movement"]))
    assert movements["10"] == "new"
