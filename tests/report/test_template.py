"""A user's own template: the report follows its colours, layout, texts and extras."""

from __future__ import annotations

import io

import openpyxl
import pytest
from openpyxl.chart import BarChart, Reference
from openpyxl.drawing.image import Image
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Font, PatternFill
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from PIL import Image as PillowImage

from klantpiramide.errors import ReportError
from klantpiramide.job import Settings, make_report
from klantpiramide.report.template import DEFAULT_TEMPLATE

HEADER = ("Klantnummer", "Naam", "Omzet")


@pytest.fixture
def source(make_workbook):
    return make_workbook(
        {
            "2024": [HEADER, ("00101", "Bakkerij Jansen", 5000.0), ("00102", "Smit Transport", 1200.5), ("00103", "De Wit Advies", 300.0)],
            "2025": [HEADER, ("00101", "Bakkerij Jansen", 5200.0), ("00103", "De Wit Advies", 2400.0), ("00104", "Nieuw B.V.", 800.0)],
        }
    )


def png() -> io.BytesIO:
    data = io.BytesIO()
    PillowImage.new("RGB", (60, 30), (200, 30, 30)).save(data, "PNG")
    data.seek(0)
    return data


def own_template(tmp_path, change) -> tmp_path.__class__:
    """Copy the default template, let ``change`` edit it as a user would in Excel, and save it."""
    workbook = openpyxl.load_workbook(DEFAULT_TEMPLATE)
    change(workbook)
    path = tmp_path / "eigen-sjabloon.xlsx"
    workbook.save(path)
    return path


def report_with(tmp_path, source, template, **settings):
    output = tmp_path / "rapport.xlsx"
    make_report([source], output, Settings(template=template, **settings))
    return openpyxl.load_workbook(output)


def test_own_colour_for_risers(tmp_path, source):
    def recolour(workbook):
        workbook["Migratiematrix"]["K6"].fill = PatternFill("solid", fgColor="00B050")

    bounds = ("4000", "2000", "1000", "500")
    report = report_with(tmp_path, source, own_template(tmp_path, recolour), own_bounds=bounds)
    # 00103 rose from E (300) to B (2400); with the corner at B6 that cell is D11.
    assert report["Migratiematrix"]["D11"].value == 1
    assert report["Migratiematrix"]["D11"].fill.fgColor.rgb[-6:] == "00B050"


def test_moved_matrix_follows_defined_name(tmp_path, source):
    def move(workbook):
        workbook.defined_names["kp_matrix"] = DefinedName("kp_matrix", attr_text="'Migratiematrix'!$D$30")

    sheet = report_with(tmp_path, source, own_template(tmp_path, move))["Migratiematrix"]
    assert [sheet.cell(30, column).value for column in range(5, 12)] == ["A", "B", "C", "D", "E", "Verloren", "Totaal"]
    assert [sheet.cell(row, 4).value for row in range(31, 38)] == ["A", "B", "C", "D", "E", "Nieuw", "Totaal"]
    assert sheet["B6"].value is None


def test_logo_sheet_and_image_are_kept(tmp_path, source):
    def add_logo(workbook):
        logo = workbook.create_sheet("Logo", 0)
        logo["A1"] = "Bakkerij Jansen B.V."
        logo.add_image(Image(png()), "B3")
        workbook["Migratiematrix"].add_image(Image(png()), "M2")

    report = report_with(tmp_path, source, own_template(tmp_path, add_logo))
    assert report.sheetnames[0] == "Logo"
    assert report["Logo"]["A1"].value == "Bakkerij Jansen B.V."
    assert len(report["Logo"]._images) == 1
    assert len(report["Migratiematrix"]._images) == 1


def test_own_title_keeps_placeholders(tmp_path, source):
    def retitle(workbook):
        workbook["Migratiematrix"]["B2"] = "Onze klanten {basisjaar}-{volgjaar}"
        workbook["Migratiematrix"]["B2"].font = Font(size=20, color="FF0000")

    sheet = report_with(tmp_path, source, own_template(tmp_path, retitle))["Migratiematrix"]
    assert sheet["B2"].value == "Onze klanten 2024-2025"
    assert sheet["B2"].font.size == 20


def test_default_texts_follow_language(tmp_path, source):
    output = tmp_path / "report.xlsx"
    make_report([source], output, Settings(language="en"))
    sheet = openpyxl.load_workbook(output)["Migration matrix"]
    assert sheet["B2"].value == "Migration matrix 2024 → 2025: number of customers"
    assert sheet["K6"].value == "Riser: better category than in 2024"


def test_conditional_formatting_survives(tmp_path, source):
    def add_rule(workbook):
        rule = CellIsRule(operator="greaterThan", formula=["1000"], font=Font(bold=True))
        workbook["Klanten"].conditional_formatting.add("E4:F10000", rule)
        workbook["Detail"].conditional_formatting.add("G5:G10000", CellIsRule(operator="lessThan", formula=["0"], font=Font(color="FF0000")))

    report = report_with(tmp_path, source, own_template(tmp_path, add_rule))
    klanten = list(report["Klanten"].conditional_formatting)
    assert [str(rule.sqref) for rule in klanten] == ["E4:F10000"]
    assert klanten[0].rules[0].formula == ["1000"]
    assert [str(rule.sqref) for rule in report["A-A"].conditional_formatting] == ["G5:G10000"]


def test_data_validation_survives(tmp_path, source):
    def add_list(workbook):
        choice = DataValidation(type="list", formula1='"Bellen,Mailen,Bezoeken"')
        choice.add("I5:I10000")
        workbook["Detail"].add_data_validation(choice)

    report = report_with(tmp_path, source, own_template(tmp_path, add_list))
    validations = report["A-A"].data_validations.dataValidation
    assert len(validations) == 1
    assert validations[0].formula1 == '"Bellen,Mailen,Bezoeken"'
    assert str(validations[0].sqref) == "I5:I10000"


def test_defined_names_and_print_settings_survive(tmp_path, source):
    def add_extras(workbook):
        workbook.defined_names["mijn_logo"] = DefinedName("mijn_logo", attr_text="'Migratiematrix'!$M$2")
        workbook["Klanten"].print_title_rows = "3:3"
        workbook["Detail"].print_title_rows = "4:4"
        workbook["Klanten"].page_setup.orientation = "portrait"

    report = report_with(tmp_path, source, own_template(tmp_path, add_extras))
    assert report.defined_names["mijn_logo"].attr_text == "'Migratiematrix'!$M$2"
    assert report["Klanten"].print_title_rows == "$3:$3"
    assert report["A-A"].print_title_rows == "$4:$4"
    assert report["Klanten"].page_setup.orientation == "portrait"
    assert report["Migratiematrix"].page_setup.fitToWidth == 1


def test_chart_in_template_survives(tmp_path, source):
    def add_chart(workbook):
        sheet = workbook.create_sheet("Grafiek")
        for row in (("Jaar", "Omzet"), (2024, 6500), (2025, 8400)):
            sheet.append(row)
        chart = BarChart()
        chart.add_data(Reference(sheet, min_col=2, min_row=1, max_row=3), titles_from_data=True)
        sheet.add_chart(chart, "D2")

    report = report_with(tmp_path, source, own_template(tmp_path, add_chart))
    assert len(report["Grafiek"]._charts) == 1


def test_missing_anchor_gives_error_and_no_file(tmp_path, source):
    def remove_anchor(workbook):
        del workbook.defined_names["kp_matrix"]

    template = own_template(tmp_path, remove_anchor)
    output = tmp_path / "rapport.xlsx"
    with pytest.raises(ReportError) as raised:
        make_report([source], output, Settings(template=template))
    assert str(raised.value) == (
        "Bestand 'eigen-sjabloon.xlsx': het sjabloon mist de vaste plek 'kp_matrix' (een gedefinieerde naam). "
        "Herstel het sjabloon of gebruik het standaardsjabloon."
    )
    assert not output.exists()
    assert sorted(path.name for path in tmp_path.iterdir() if path.suffix == ".xlsx") == ["eigen-sjabloon.xlsx", "omzet.xlsx"]


def test_missing_template_file(tmp_path, source):
    with pytest.raises(ReportError) as raised:
        make_report([source], tmp_path / "rapport.xlsx", Settings(template=tmp_path / "weg.xlsx"))
    assert raised.value.key == "template_missing"
