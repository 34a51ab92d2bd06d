"""Report behaviour on small inputs: safe text, sheet names, language, currency, safe saving."""

from __future__ import annotations

import hashlib

import openpyxl
import pytest

from klantpiramide.errors import ReportError, SettingsError
from klantpiramide.job import Settings, make_report
from klantpiramide.report import tables
from klantpiramide.report.formats import internal_link, valid_sheet_title

HEADER = ("Klantnummer", "Naam", "Omzet")


def small_years(make_workbook, names=("Bakkerij Jansen B.V.", "Smit Transport", "De Wit Advies")):
    rows_2024 = [HEADER, ("00101", names[0], 5000.0), ("00102", names[1], 1200.5), ("00103", names[2], 300.0)]
    rows_2025 = [HEADER, ("00101", names[0], 5200.0), ("00103", names[2], 2400.0), ("00104", "Nieuw B.V.", 800.0)]
    return make_workbook({"2024": rows_2024, "2025": rows_2025})


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_formula_like_names_stay_text(make_workbook, tmp_path):
    source = small_years(make_workbook, names=("=HYPERLINK(\"x\")", "+31 6 1234", "@huis"))
    output = tmp_path / "rapport.xlsx"
    make_report([source], output, Settings())

    sheet = openpyxl.load_workbook(output)["Klanten"]
    names = {row[0].value: row[1] for row in sheet.iter_rows(min_row=4) if row[0].value}
    assert names["00101"].value == '=HYPERLINK("x")'
    assert names["00101"].data_type == "s"
    assert names["00102"].value == "+31 6 1234"
    assert names["00103"].value == "@huis"


def test_input_file_is_left_unchanged(make_workbook, tmp_path):
    source = small_years(make_workbook)
    before = digest(source)
    make_report([source], tmp_path / "rapport.xlsx", Settings())
    assert digest(source) == before


def test_report_refuses_to_overwrite_its_input(make_workbook):
    source = small_years(make_workbook)
    before = digest(source)
    with pytest.raises(SettingsError) as raised:
        make_report([source], source, Settings())
    assert raised.value.key == "same_file_output"
    assert digest(source) == before


def test_report_open_in_excel_is_left_untouched(make_workbook, tmp_path):
    source = small_years(make_workbook)
    output = tmp_path / "rapport.xlsx"
    output.write_bytes(b"vorige versie")
    (tmp_path / "~$rapport.xlsx").write_bytes(b"owner")
    with pytest.raises(ReportError) as raised:
        make_report([source], output, Settings())
    assert raised.value.key == "report_locked"
    assert str(raised.value) == "Bestand 'rapport.xlsx': het rapport is geopend in Excel of vergrendeld. Sluit het bestand en probeer het opnieuw."
    assert output.read_bytes() == b"vorige versie"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["omzet.xlsx", "rapport.xlsx", "~$rapport.xlsx"]


def test_english_report_labels(make_workbook, tmp_path):
    output = tmp_path / "report.xlsx"
    make_report([small_years(make_workbook)], output, Settings(language="en"))
    workbook = openpyxl.load_workbook(output)
    assert workbook.sheetnames[:8] == [
        "Summary", "Actions", "Migration matrix", "Revenue matrix", "Revenue bridge", "Pyramid", "Customers", "Check",
    ]
    assert "New-E" in workbook.sheetnames  # with three base customers every other bound is 5000
    title, reference = next(iter(workbook.defined_names["kp_matrix"].destinations))
    corner = workbook[title][reference.replace("$", "")]
    sheet = workbook[title]
    assert [sheet.cell(corner.row + offset, corner.column).value for offset in (6, 7)] == ["New", "Total"]
    assert sheet.cell(corner.row, corner.column + 6).value == "Lost"


def test_currency_option_sets_amount_format(make_workbook, tmp_path):
    output = tmp_path / "rapport.xlsx"
    make_report([small_years(make_workbook)], output, Settings(currency="USD"))
    cell = openpyxl.load_workbook(output)["Klanten"]["E4"]
    assert cell.value == 5000.0
    assert '"$"' in cell.number_format
    assert "€" not in cell.number_format


def test_own_bounds_are_stated_and_used(make_workbook, tmp_path):
    output = tmp_path / "rapport.xlsx"
    make_report([small_years(make_workbook)], output, Settings(own_bounds=("4000", "2000", "1000", "500")))
    workbook = openpyxl.load_workbook(output)
    sheet = workbook["Migratiematrix"]
    assert sheet["B3"].value.startswith("Eigen omzetgrenzen.")
    # 00103 rose from E (300 < 500) to B (2000 <= 2400 < 4000).
    assert workbook["E-B"]["A5"].value == "00103"


def test_customers_continue_on_second_sheet_when_full(make_workbook, tmp_path, monkeypatch):
    # Pretend a sheet has room for 3 data rows below the header at row 3, so 4 customers need two sheets.
    monkeypatch.setattr(tables, "EXCEL_MAX_ROWS", 6)
    output = tmp_path / "rapport.xlsx"
    make_report([small_years(make_workbook)], output, Settings())
    workbook = openpyxl.load_workbook(output)
    first = [row[0] for row in workbook["Klanten"].iter_rows(min_row=4, max_col=1, values_only=True)]
    second = [row[0] for row in workbook["Klanten 2"].iter_rows(min_row=4, max_col=1, values_only=True)]
    assert first == ["00101", "00102", "00103"]
    assert second == ["00104"]


@pytest.mark.parametrize(
    ("title", "expected"),
    [("A-B", "A-B"), ("Nieuw/oud", "Nieuw-oud"), ("x" * 40, "x" * 31), ("klanten", "klanten (2)")],
)
def test_valid_sheet_title(title, expected):
    assert valid_sheet_title(title, {"Klanten"}) == expected


def test_internal_link_quotes_every_sheet_name():
    assert internal_link("2024") == "'2024'!A1"
    assert internal_link("Jansen's", "B2") == "'Jansen''s'!B2"
