"""Migratierapport and Vernieuwen on real workbook files, compared with the command line's report."""

from __future__ import annotations

import json
import re
from pathlib import Path

import openpyxl
import pytest

from klantpiramide.cli import main
from klantpiramide.excel.actions import choose_year_sheets
from klantpiramide.excel.config import AddinSettings, LastReport, save_settings
from klantpiramide.excel.workbook_file import FileWorkbook
from klantpiramide.errors import InputError
from klantpiramide.texts import LABELS

REPORT_SHEETS_NL = ["Migratiematrix", "Omzetmatrix", "Piramide", "Klanten", "Controle"]
# The report states the day it was made, and the command line always uses today.
MADE_ON = re.compile(r"(Gemaakt met Klantpiramide \S+ op )\d{2}-\d{2}-\d{4}")


def sheet_values(path: Path) -> dict[str, list[tuple]]:
    workbook = openpyxl.load_workbook(path)
    return {sheet.title: [tuple(row) for row in sheet.iter_rows(values_only=True)] for sheet in workbook.worksheets}


def without_date(value: object) -> object:
    return MADE_ON.sub(r"\1<datum>", value) if isinstance(value, str) else value


def assert_same_report(expected: dict[str, list[tuple]], actual: dict[str, list[tuple]]) -> None:
    """Compare two reports cell by cell; only the date in 'Gemaakt met Klantpiramide ... op <date>' may differ."""
    assert list(actual) == list(expected)
    for title, rows in expected.items():
        assert len(actual[title]) == len(rows), title
        for number, (want, got) in enumerate(zip(rows, actual[title]), start=1):
            assert len(got) == len(want), f"{title} row {number}"
            for column, (cell_want, cell_got) in enumerate(zip(want, got), start=1):
                assert without_date(cell_got) == without_date(cell_want), f"{title} row {number} column {column}"


def test_report_equals_command_line_report(cdnow_copy, click, capsys):
    cli_report = cdnow_copy.parent / "cli.xlsx"
    assert main(["rapport", str(cdnow_copy), "-o", str(cli_report)]) == 0
    capsys.readouterr()

    port = FileWorkbook(cdnow_copy)
    message = click(port, "kp_report", ["1997", "1998"])

    report = cdnow_copy.parent / "cdnow migratierapport 1997-1998.xlsx"
    assert message == f"Rapport gemaakt en geopend: {report} (1997 → 1998, 2349 klanten in de matrix)."
    assert port.opened == [report]
    assert_same_report(sheet_values(cli_report), sheet_values(report))


def test_report_leaves_data_workbook_unchanged(cdnow_copy, click):
    before = cdnow_copy.read_bytes()
    click(FileWorkbook(cdnow_copy), "kp_report", ["1998", "1997"])
    assert cdnow_copy.read_bytes() == before


def test_report_order_of_selection_does_not_matter(cdnow_copy, click):
    port = FileWorkbook(cdnow_copy)
    click(port, "kp_report", ["1998", "1997"])
    report = sheet_values(port.opened[0])
    assert report["Migratiematrix"][1][1] == "Migratiematrix 1997 → 1998: aantal klanten"


@pytest.mark.parametrize("selected", [[], ["1997"]])
def test_report_guesses_two_year_sheets(cdnow_copy, click, selected):
    port = FileWorkbook(cdnow_copy)
    message = click(port, "kp_report", selected)
    assert message.startswith("Er waren geen twee bladen geselecteerd, dus de jaarbladen '1997' en '1998' zijn gebruikt.\n\nRapport gemaakt")
    assert port.opened == [cdnow_copy.parent / "cdnow migratierapport 1997-1998.xlsx"]


def test_report_with_three_sheets_asks_for_two(make_workbook, click):
    path = make_workbook({"2023": [("Klant", "Omzet"), ("1", 10)], "2024": [("Klant", "Omzet"), ("1", 20)], "2025": [("Klant", "Omzet"), ("1", 30)]})
    port = FileWorkbook(path)
    message = click(port, "kp_report", ["2023", "2024", "2025"])
    assert message == (
        "Selecteer precies twee bladen, één per jaar: klik op de tab van het eerste jaarblad en houd Ctrl "
        "ingedrukt (Mac: Cmd) terwijl u op de tab van het tweede klikt. Nu geselecteerd (3): '2023', '2024', '2025'."
    )
    assert port.opened == []
    assert port.messages == [("Klantpiramide", message)]


def test_report_one_sheet_three_years(make_workbook, click):
    path = make_workbook({"2023": [("Klant", "Omzet"), ("1", 10)], "2024": [("Klant", "Omzet"), ("1", 20)], "2025": [("Klant", "Omzet"), ("1", 30)]})
    message = click(FileWorkbook(path), "kp_report", ["2024"])
    assert message.startswith("Selecteer precies twee bladen")
    assert message.endswith("Nu geselecteerd (1): '2024'.")


def test_report_sheet_without_year_is_named(make_workbook, click):
    path = make_workbook({"Omzet 2024": [("Klant", "Omzet"), ("1", 10)], "Blad2": [("Klant", "Omzet"), ("1", 20)]})
    message = click(FileWorkbook(path), "kp_report", ["Omzet 2024", "Blad2"])
    assert message == (
        "Blad 'Blad2': het jaar van blad 'Blad2' blijkt niet uit de naam. "
        "Geef het blad een naam met een jaartal, bijvoorbeeld '2024' of 'Omzet 2024'."
    )


def test_report_names_the_bad_cell(make_workbook, click):
    path = make_workbook({"2024": [("Klant", "Omzet"), ("1", "tien euro")], "2025": [("Klant", "Omzet"), ("1", 20)]})
    message = click(FileWorkbook(path), "kp_report", ["2024", "2025"])
    assert message == "Bestand 'omzet.xlsx', blad '2024', rij 2, kolom B: 'tien euro' is geen bedrag. Gebruik een getal, bijvoorbeeld 1234,56."


def test_report_reads_dutch_text_amounts(make_workbook, click, tmp_path):
    path = make_workbook(
        {
            "2024": [("Klantnummer", "Omzet"), ("1", "1.234,56"), ("2", "€ 250,00"), ("3", "99,95")],
            "2025": [("Klantnummer", "Omzet"), ("1", "2.000,00"), ("3", "10,00")],
        }
    )
    port = FileWorkbook(path)
    click(port, "kp_report", ["2024", "2025"])
    customers = sheet_values(port.opened[0])["Klanten"]
    revenue_by_customer = {row[0]: (row[4], row[5]) for row in customers if row[0] in ("1", "2", "3")}
    assert revenue_by_customer == {"1": (1234.56, 2000.0), "2": (250.0, 0), "3": (99.95, 10.0)}


def test_report_in_active_workbook_equals_command_line(cdnow_copy, click, config, capsys):
    cli_report = cdnow_copy.parent / "cli.xlsx"
    assert main(["rapport", str(cdnow_copy), "-o", str(cli_report)]) == 0
    capsys.readouterr()
    save_settings(config, AddinSettings(report_target="active"))
    port = FileWorkbook(cdnow_copy)
    click(port, "kp_report", ["1997", "1998"])
    port.save()

    expected = openpyxl.load_workbook(cli_report)
    visible = [sheet.title for sheet in expected.worksheets if sheet.sheet_state == "visible"]
    hidden = [sheet.title for sheet in expected.worksheets if sheet.sheet_state != "visible"]
    assert hidden != []
    saved = sheet_values(cdnow_copy)
    assert list(saved) == ["1997", "1998", *visible]
    cli_values = sheet_values(cli_report)
    assert_same_report({title: cli_values[title] for title in visible}, {title: saved[title] for title in visible})

    # The copies keep the report's look: fills, bold text and number formats.
    copied = openpyxl.load_workbook(cdnow_copy)
    for title in ("Migratiematrix", "Klanten"):
        for original_row, copied_row in zip(expected[title].iter_rows(), copied[title].iter_rows()):
            for original, copy in zip(original_row, copied_row):
                where = f"{title}!{original.coordinate}"
                assert copy.fill.fgColor.rgb == original.fill.fgColor.rgb, where
                assert copy.font.b == original.font.b, where
                assert copy.number_format == original.number_format, where


def test_report_in_active_workbook_only_adds_sheets(cdnow_copy, click, config):
    save_settings(config, AddinSettings(report_target="active"))
    port = FileWorkbook(cdnow_copy)
    message = click(port, "kp_report", ["1997", "1998"])

    assert port.opened == []
    assert port.sheet_names()[:2] == ["1997", "1998"]
    added = port.sheet_names()[2:]
    assert [name for name in added if name in REPORT_SHEETS_NL] == REPORT_SHEETS_NL
    assert message == f"Rapportbladen toegevoegd aan cdnow.xlsx: {', '.join(added)}."

    port.save()
    saved = sheet_values(cdnow_copy)
    original = sheet_values(Path(__file__).resolve().parents[3] / "shared/data/cdnow/cdnow_sample_1997_1998.xlsx")
    assert saved["1997"] == original["1997"]
    assert saved["1998"] == original["1998"]
    assert saved["Migratiematrix"][1][1] == "Migratiematrix 1997 → 1998: aantal klanten"


def test_report_in_active_workbook_never_replaces_a_sheet(cdnow_copy, click, config):
    save_settings(config, AddinSettings(report_target="active"))
    port = FileWorkbook(cdnow_copy)
    click(port, "kp_report", ["1997", "1998"])
    count = len(port.sheet_names())
    first_report_sheet = port.sheet_names()[2]

    message = click(port, "kp_report", ["1997", "1998"])
    assert message == (
        f"Bestand 'cdnow.xlsx': de werkmap heeft al een blad '{first_report_sheet}'. Verwijder of hernoem dat blad, "
        "of kies in Instellingen 'nieuwe werkmap'. Er is niets gewijzigd."
    )
    assert len(port.sheet_names()) == count


def test_report_in_english(cdnow_copy, click, config):
    save_settings(config, AddinSettings(language="en"))
    port = FileWorkbook(cdnow_copy)
    message = click(port, "kp_report", ["1997", "1998"])
    report = cdnow_copy.parent / "cdnow migration report 1997-1998.xlsx"
    assert message == f"Report made and opened: {report} (1997 → 1998, 2349 customers in the matrix)."
    english = [LABELS["en"][key] for key in ("sheet_matrix", "sheet_revenue", "sheet_pyramid", "sheet_customers", "sheet_check")]
    assert [title for title in sheet_values(report) if title in english] == english


def test_report_folder_setting(cdnow_copy, click, config, tmp_path):
    folder = tmp_path / "rapporten"
    folder.mkdir()
    save_settings(config, AddinSettings(report_folder=str(folder)))
    port = FileWorkbook(cdnow_copy)
    click(port, "kp_report", ["1997", "1998"])
    assert port.opened == [folder / "cdnow migratierapport 1997-1998.xlsx"]
    assert port.opened[0].is_file()


def test_report_own_bounds_setting(cdnow_copy, click, config, capsys):
    save_settings(config, AddinSettings(own_bounds="1000 500 100 50"))
    cli_report = cdnow_copy.parent / "cli.xlsx"
    assert main(["rapport", str(cdnow_copy), "-o", str(cli_report), "--grenzen", "1000", "500", "100", "50"]) == 0
    capsys.readouterr()

    port = FileWorkbook(cdnow_copy)
    click(port, "kp_report", ["1997", "1998"])
    assert_same_report(sheet_values(cli_report), sheet_values(port.opened[0]))


def test_refresh_uses_recorded_settings(cdnow_copy, click, config):
    save_settings(config, AddinSettings(split="1,4,15,80"))
    port = FileWorkbook(cdnow_copy)
    click(port, "kp_report", ["1997", "1998"])
    first = sheet_values(port.opened[0])

    # New defaults apply to new reports only; Vernieuwen keeps the report's own settings.
    save_settings(config, AddinSettings(split="1,4,15,25,55"))
    message = click(port, "kp_refresh")
    assert message.startswith("Rapport gemaakt en geopend:")
    assert port.opened[1] == port.opened[0]
    assert_same_report(first, sheet_values(port.opened[1]))
    assert first["Migratiematrix"][5][1:8] == ("1997 ↓  1998 →", "A", "B", "C", "D", "Verloren", "Totaal")


def test_refresh_reads_changed_values(cdnow_copy, click):
    port = FileWorkbook(cdnow_copy)
    click(port, "kp_report", ["1997", "1998"])

    # The user doubles one customer's 1998 revenue and refreshes.
    changed = FileWorkbook(cdnow_copy)
    sheet = changed.book["1998"]
    sheet["B2"] = sheet["B2"].value * 100
    changed.save()
    refreshed = FileWorkbook(cdnow_copy)
    click(refreshed, "kp_refresh")

    customers = sheet_values(refreshed.opened[0])["Klanten"]
    row = next(row for row in customers if row[0] == "0006")
    assert row[5] == 39292.0


def test_refresh_from_closed_workbook_file(cdnow_copy, click, make_workbook):
    click(FileWorkbook(cdnow_copy), "kp_report", ["1997", "1998"])
    other = FileWorkbook(make_workbook({"Blad1": [("x",)]}, name="ander.xlsx"))
    message = click(other, "kp_refresh")
    report = cdnow_copy.parent / "cdnow migratierapport 1997-1998.xlsx"
    assert message == f"Rapport gemaakt en geopend: {report} (1997 → 1998, 2349 klanten in de matrix)."


def test_refresh_without_report(cdnow_copy, click):
    message = click(FileWorkbook(cdnow_copy), "kp_refresh")
    assert message == "Er is nog geen rapport om te vernieuwen. Maak eerst een rapport met Migratierapport."


def test_refresh_when_source_is_gone(cdnow_copy, click, config, make_workbook):
    LastReport(str(cdnow_copy.parent / "weg.xlsx"), ("1997", "1998"), AddinSettings()).save(config)
    other = FileWorkbook(make_workbook({"Blad1": [("x",)]}, name="ander.xlsx"))
    message = click(other, "kp_refresh")
    assert message == (
        f"Bestand '{cdnow_copy.parent / 'weg.xlsx'}': de werkmap van het vorige rapport bestaat niet meer. "
        "Maak een nieuw rapport met Migratierapport."
    )


def test_last_report_record(cdnow_copy, click, config):
    click(FileWorkbook(cdnow_copy), "kp_report", ["1998", "1997"])
    record = json.loads(config.last_report_path().read_text(encoding="utf-8"))
    assert record["workbook"] == str(cdnow_copy)
    assert record["sheets"] == ["1997", "1998"]
    assert record["settings"]["split"] == "1,4,15,25,55"


@pytest.mark.parametrize(
    ("selected", "sheets", "expected"),
    [
        (["2024", "Omzet 2025"], ["2024", "Omzet 2025"], ("2024", "Omzet 2025")),
        (["Omzet 2025", "2024"], ["2024", "Omzet 2025"], ("2024", "Omzet 2025")),
        (["Blad1"], ["Blad1", "2019", "2020"], ("2019", "2020")),
        ([], ["klanten '24 2024", "klanten 2023"], ("klanten 2023", "klanten '24 2024")),
    ],
)
def test_choose_year_sheets(selected, sheets, expected):
    assert choose_year_sheets(selected, sheets).names == expected


@pytest.mark.parametrize(
    ("selected", "sheets", "key"),
    [
        ([], ["Blad1"], "addin_select_two"),
        (["2024"], ["2024"], "addin_select_two"),
        (["2024"], ["2024", "2025", "2026"], "addin_select_two"),
        (["2024"], ["2024", "Omzet 2024"], "addin_select_two"),
        (["2024", "Omzet 2024"], ["2024", "Omzet 2024"], "year_twice"),
        (["a", "b", "c"], ["a", "b", "c"], "addin_select_two"),
    ],
)
def test_choose_year_sheets_rejects(selected, sheets, key):
    with pytest.raises(InputError) as raised:
        choose_year_sheets(selected, sheets)
    assert raised.value.key == key
