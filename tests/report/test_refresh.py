"""Refreshing a report: new numbers, the same notes, a backup, and no harm to a report that is open."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from klantpiramide.cli import main
from klantpiramide.errors import ReportError
from klantpiramide.job import Settings, make_report
from klantpiramide.report import saving
from klantpiramide.report.refresh import refresh_report

HEADER = ("Klantnummer", "Naam", "Omzet")
TODAY = dt.date(2026, 12, 4)


def years(make_workbook, next_rows=None, name="omzet.xlsx"):
    rows_2024 = [HEADER, ("00101", "Bakkerij Jansen", 5000.0), ("00102", "Smit Transport", 1200.5), ("00103", "De Wit Advies", 300.0)]
    rows_2025 = next_rows or [HEADER, ("00101", "Bakkerij Jansen", 5200.0), ("00103", "De Wit Advies", 2400.0), ("00104", "Nieuw B.V.", 800.0)]
    return make_workbook({"2024": rows_2024, "2025": rows_2025}, name)


def table_rows(sheet, header_row):
    """Return {customer number: row as a dict of header -> value} of a customer table."""
    headers = [cell.value for cell in sheet[header_row]]
    rows = {}
    for row in sheet.iter_rows(min_row=header_row + 1, values_only=True):
        if row[0] is not None:
            rows[row[0]] = dict(zip(headers, row))
    return rows


def type_note(report, sheet_title, header_row, customer, action, owner=None):
    """Do what a user does in Excel: type into the Actie / Opmerking (and Eigenaar) column and save."""
    workbook = openpyxl.load_workbook(report)
    sheet = workbook[sheet_title]
    headers = [cell.value for cell in sheet[header_row]]
    for row in sheet.iter_rows(min_row=header_row + 1):
        if row[0].value == customer:
            row[headers.index("Actie / Opmerking")].value = action
            if owner is not None:
                row[headers.index("Eigenaar")].value = owner
    workbook.save(report)


@pytest.fixture
def report(make_workbook, tmp_path):
    source = years(make_workbook)
    output = tmp_path / "rapport.xlsx"
    make_report([source], output, Settings())
    return output


def test_notes_survive_refresh(report):
    type_note(report, "Klanten", 3, "00101", "Bellen over nieuwe offerte", "Anouk")
    refresh_report(report, TODAY)
    rows = table_rows(openpyxl.load_workbook(report)["Klanten"], 3)
    assert rows["00101"]["Actie / Opmerking"] == "Bellen over nieuwe offerte"
    assert rows["00101"]["Eigenaar"] == "Anouk"


def test_note_on_detail_sheet_shows_everywhere(report):
    type_note(report, "A-A", 4, "00101", "Kerstpakket sturen")
    refresh_report(report, TODAY)
    workbook = openpyxl.load_workbook(report)
    assert table_rows(workbook["A-A"], 4)["00101"]["Actie / Opmerking"] == "Kerstpakket sturen"
    assert table_rows(workbook["Klanten"], 3)["00101"]["Actie / Opmerking"] == "Kerstpakket sturen"


def test_different_notes_for_one_customer_are_joined(report):
    type_note(report, "Klanten", 3, "00101", "Bellen")
    type_note(report, "A-A", 4, "00101", "Kerstpakket sturen")
    refresh_report(report, TODAY)
    workbook = openpyxl.load_workbook(report)
    assert table_rows(workbook["Klanten"], 3)["00101"]["Actie / Opmerking"] == "Bellen | Kerstpakket sturen"
    assert table_rows(workbook["A-A"], 4)["00101"]["Actie / Opmerking"] == "Bellen | Kerstpakket sturen"


def test_refresh_keeps_previous_version(report):
    type_note(report, "Klanten", 3, "00102", "Afscheidsgesprek")
    before = report.read_bytes()
    refresh_report(report, TODAY)
    backup = report.with_name("rapport.vorige.xlsx")
    assert backup.read_bytes() == before


def test_refresh_with_changed_data_updates_numbers(report, make_workbook):
    type_note(report, "Klanten", 3, "00104", "Welkomstmail")
    corrected = [HEADER, ("00101", "Bakkerij Jansen", 5200.0), ("00103", "De Wit Advies", 300.0), ("00105", "Later B.V.", 900.0)]
    years(make_workbook, corrected)  # overwrites omzet.xlsx, the recorded input
    refresh_report(report, TODAY)

    workbook = openpyxl.load_workbook(report)
    customers = table_rows(workbook["Klanten"], 3)
    assert customers["00103"]["Omzet 2025"] == 300.0
    assert "00104" not in customers
    assert "00105" in customers
    dropped = table_rows(workbook["Vervallen notities"], 3)
    assert dropped["00104"]["Actie / Opmerking"] == "Welkomstmail"
    assert dropped["00104"]["Vervallen op"] == "04-12-2026"
    assert dropped["00104"]["Stond op"] == "Klanten"


def test_dropped_note_returns_with_customer(report, make_workbook):
    type_note(report, "Klanten", 3, "00104", "Welkomstmail")
    without = [HEADER, ("00101", "Bakkerij Jansen", 5200.0)]
    years(make_workbook, without)
    refresh_report(report, TODAY)
    years(make_workbook)  # 00104 is back
    refresh_report(report, TODAY)

    workbook = openpyxl.load_workbook(report)
    assert table_rows(workbook["Klanten"], 3)["00104"]["Actie / Opmerking"] == "Welkomstmail"
    assert "Vervallen notities" not in workbook.sheetnames


def test_changed_setting_is_used_and_kept(report):
    workbook = openpyxl.load_workbook(report)
    sheet = workbook["kp_instellingen"]
    row = next(row for row in sheet.iter_rows() if row[0].value == "verdeling")
    row[1].value = "1,4,15,80"
    workbook.save(report)

    refresh_report(report, TODAY)
    workbook = openpyxl.load_workbook(report)
    assert "E-E" not in workbook.sheetnames
    assert "D-D" in workbook.sheetnames
    values = {row[0]: row[1] for row in workbook["kp_instellingen"].iter_rows(values_only=True) if row[0]}
    assert values["verdeling"] == "1,4,15,80"
    assert workbook["kp_instellingen"].sheet_state == "hidden"


def test_refresh_with_new_years(report, make_workbook):
    make_workbook({"2025": [HEADER, ("00101", "Bakkerij Jansen", 5200.0), ("00103", "De Wit Advies", 2400.0)],
                   "2026": [HEADER, ("00101", "Bakkerij Jansen", 100.0), ("00106", "Vers B.V.", 7000.0)]}, "omzet.xlsx")
    analysis = refresh_report(report, TODAY)
    assert (analysis.migration.base_year, analysis.migration.next_year) == (2025, 2026)

    workbook = openpyxl.load_workbook(report)
    matrix = workbook["Migratiematrix"]
    assert matrix["B2"].value == "Migratiematrix 2025 → 2026: aantal klanten"
    links = [cell.hyperlink.location for row in matrix.iter_rows() for cell in row if cell.hyperlink]
    assert sorted(links) == ["'A-E'!A1", "'E-Verloren'!A1", "'Nieuw-A'!A1"]


def test_locked_report_is_untouched(report):
    before = report.read_bytes()
    (report.parent / "~$rapport.xlsx").write_bytes(b"owner")
    with pytest.raises(ReportError) as raised:
        refresh_report(report, TODAY)
    assert raised.value.key == "report_locked"
    assert report.read_bytes() == before
    assert not report.with_name("rapport.vorige.xlsx").exists()


def test_report_that_cannot_be_replaced_is_untouched(report, monkeypatch):
    # Windows refuses to replace a workbook that Excel has open.
    before = report.read_bytes()
    real_replace = saving.os.replace

    def replace(source, target):
        if str(target).endswith("rapport.xlsx"):
            raise PermissionError(13, "The process cannot access the file")
        real_replace(source, target)

    monkeypatch.setattr(saving.os, "replace", replace)
    with pytest.raises(ReportError) as raised:
        refresh_report(report, TODAY)
    assert raised.value.key == "report_locked"
    assert report.read_bytes() == before
    assert sorted(path.name for path in report.parent.iterdir()) == ["omzet.xlsx", "rapport.xlsx"]


def test_refresh_of_other_workbook_is_rejected(make_workbook):
    other = make_workbook({"Blad1": [("x",)]}, "ander.xlsx")
    with pytest.raises(ReportError) as raised:
        refresh_report(other, TODAY)
    assert raised.value.key == "report_without_settings"


def test_cli_vernieuw(report, capsys):
    code = main(["vernieuw", str(report)])
    assert code == 0
    assert capsys.readouterr().out == f"Rapport vernieuwd: {report} (2024 → 2025, 4 klanten in de matrix)\n"


def test_refresh_keeps_reading_options(tmp_path):
    from klantpiramide.reading import ReadOptions, parse_column_positions
    from tests.conftest import CDNOW_TRANSACTIONS

    options = ReadOptions(positions=parse_column_positions("klant=2,datum=3,bedrag=5"), fiscal_year_start=1)
    report = tmp_path / "rapport.xlsx"
    first = make_report([CDNOW_TRANSACTIONS], report, Settings(reading=options))
    values = {row[0]: row[1] for row in openpyxl.load_workbook(report)["kp_instellingen"].iter_rows(values_only=True) if row[0]}
    assert values["kolommen"] == "klant=2,bedrag=5,datum=3"
    assert values["boekjaar_start"] == "1"

    again = refresh_report(report, TODAY)
    assert again.migration.counts.to_numpy().tolist() == first.migration.counts.to_numpy().tolist()
    assert int(again.migration.counts.iat[0, 0]) == 1


def test_edited_note_replaces_written_note(report):
    type_note(report, "Klanten", 3, "00101", "Bellen")
    refresh_report(report, TODAY)  # the note now shows on Klanten and on A-A
    type_note(report, "Klanten", 3, "00101", "Afgehandeld")
    refresh_report(report, TODAY)
    workbook = openpyxl.load_workbook(report)
    assert table_rows(workbook["Klanten"], 3)["00101"]["Actie / Opmerking"] == "Afgehandeld"
    assert table_rows(workbook["A-A"], 4)["00101"]["Actie / Opmerking"] == "Afgehandeld"


def test_cleared_note_stays_cleared(report):
    type_note(report, "Klanten", 3, "00101", "Bellen", "Anouk")
    refresh_report(report, TODAY)
    type_note(report, "A-A", 4, "00101", None)
    refresh_report(report, TODAY)
    workbook = openpyxl.load_workbook(report)
    assert table_rows(workbook["Klanten"], 3)["00101"]["Actie / Opmerking"] is None
    assert table_rows(workbook["Klanten"], 3)["00101"]["Eigenaar"] == "Anouk"


def test_different_edits_after_refresh_are_joined(report):
    type_note(report, "Klanten", 3, "00101", "Bellen")
    refresh_report(report, TODAY)
    type_note(report, "Klanten", 3, "00101", "Offerte sturen")
    type_note(report, "A-A", 4, "00101", "Bezoek plannen")
    refresh_report(report, TODAY)
    rows = table_rows(openpyxl.load_workbook(report)["Klanten"], 3)
    assert rows["00101"]["Actie / Opmerking"] == "Offerte sturen | Bezoek plannen"


def test_refresh_of_demo_report_explains_missing_inputs(tmp_path):
    from klantpiramide.demo import write_demo

    report = write_demo(tmp_path / "demo.xlsx")
    with pytest.raises(ReportError) as raised:
        refresh_report(report, TODAY)
    assert raised.value.key == "report_no_inputs"
    assert "kolom A het woord invoer" in str(raised.value)
