"""Native charts in the report: the pyramid per year and the revenue bridge, read back from the saved file."""

from __future__ import annotations

import openpyxl
import pytest

from tests.report.small_report import anchor, small_report


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return openpyxl.load_workbook(small_report(tmp_path_factory.mktemp("grafieken")))


def references(chart):
    """Return (title, values, categories) references of every series."""
    return [(series.tx.strRef.f, series.val.numRef.f, series.cat.strRef.f if series.cat.strRef else series.cat.numRef.f) for series in chart.series]


def test_pyramid_chart_per_year(report):
    charts = report["Piramide"]._charts
    assert len(charts) == 2
    for chart in charts:
        assert (chart.tagname, chart.type, chart.grouping, chart.overlap) == ("barChart", "bar", "stacked", 100)
        # A on top: the category axis runs from the last category to the first.
        assert chart.x_axis.scaling.orientation == "maxMin"
    assert references(charts[0]) == [
        ("'Piramide'!K5", "'Piramide'!$K$6:$K$9", "'Piramide'!$J$6:$J$9"),
        ("'Piramide'!L5", "'Piramide'!$L$6:$L$9", "'Piramide'!$J$6:$J$9"),
    ]
    assert references(charts[1])[1] == ("'Piramide'!O5", "'Piramide'!$O$6:$O$9", "'Piramide'!$M$6:$M$9")


def test_pyramid_offset_centres_bars(report):
    sheet, top, left = anchor(report, "kp_piramide_grafiek")
    rows = [[sheet.cell(row, left + column).value for column in range(6)] for row in range(top + 1, top + 6)]
    # 2024: A 1, B 1, C 5, D 1 customers; 2025: A 1, B 2, C 3, D 2.
    assert rows == [
        ["Categorie", "Opvulling", "Klanten 2024", "Categorie", "Opvulling", "Klanten 2025"],
        ["A", 2, 1, "A", 1, 1],
        ["B", 2, 1, "B", 0.5, 2],
        ["C", 0, 5, "C", 0, 3],
        ["D", 2, 1, "D", 0.5, 2],
    ]
    offset, customers = report["Piramide"]._charts[0].series
    assert offset.graphicalProperties.noFill
    assert customers.graphicalProperties.solidFill.srgbClr == "2E75B6"
    assert customers.dLbls.showVal


def test_bridge_chart_stacks_floating_steps(report):
    charts = report["Omzetbrug"]._charts
    assert len(charts) == 1
    chart = charts[0]
    assert (chart.type, chart.grouping, chart.overlap) == ("col", "stacked", 100)
    assert references(chart) == [
        (f"'Omzetbrug'!{column}4", f"'Omzetbrug'!${column}$5:${column}$11", "'Omzetbrug'!$G$5:$G$11")
        for column in "HIJK"
    ]
    offset, total, increase, decrease = chart.series
    assert offset.graphicalProperties.noFill
    assert [series.graphicalProperties.solidFill.srgbClr for series in (total, increase, decrease)] == ["1F4E78", "70AD47", "C00000"]


def test_bridge_chart_data_in_euros(report):
    sheet = report["Omzetbrug"]
    rows = [[sheet.cell(row, column).value for column in range(7, 12)] for row in range(5, 12)]
    assert rows == [
        ["Omzet 2024", 0, 360, 0, 0],
        ["Verloren klanten", 335, 0, 0, 25],
        ["Dalers", 270, 0, 0, 65],
        ["Gelijk gebleven (saldo)", 268, 0, 0, 2],
        ["Stijgers", 268, 0, 120, 0],
        ["Nieuwe klanten", 388, 0, 8, 0],
        ["Omzet 2025", 0, 396, 0, 0],
    ]
