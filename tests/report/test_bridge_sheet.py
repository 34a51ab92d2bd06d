"""The Omzetbrug sheet: the steps add up to the cent, on the small report and on CDNOW."""

from __future__ import annotations

import openpyxl
import pytest

from klantpiramide.job import Settings, analyse, make_report
from klantpiramide.analysis.bridge import revenue_bridge
from tests.conftest import CDNOW_WORKBOOK
from tests.report.small_report import anchor, small_report


def bridge_rows(workbook):
    sheet, top, left = anchor(workbook, "kp_brug")
    rows = []
    for row in range(top, top + 12):
        values = [sheet.cell(row, left + offset).value for offset in range(4)]
        if values[0] is None:
            break
        rows.append(values)
    return rows


def test_bridge_table_of_small_report(tmp_path):
    workbook = openpyxl.load_workbook(small_report(tmp_path))
    assert bridge_rows(workbook) == [
        ["Stap", "Klanten", "Bedrag", "Stand na de stap"],
        ["Omzet 2024", None, 360, 360],
        ["Verloren klanten", 1, -25, 335],
        ["Dalers", 1, -65, 270],
        ["Gelijk gebleven (saldo)", 4, -2, 268],
        ["Stijgers", 2, 120, 388],
        ["Nieuwe klanten", 1, 8, 396],
        ["Omzet 2025", None, 396, 396],
    ]
    sheet, top, left = anchor(workbook, "kp_brug")
    assert [sheet.cell(top + 9, left + offset).value for offset in (0, 2, 3)] == [
        "Omzet 2024 plus de stappen min omzet 2025", 0, "Sluit aan",
    ]


def test_cdnow_bridge_reconciles_to_the_cent(cdnow_workbook):
    analysis = analyse([cdnow_workbook], Settings())
    bridge = revenue_bridge(analysis.migration.customers)
    # The input totals of both years, as the Controle sheet shows them.
    assert bridge.start == analysis.base.input_total == 20122482
    assert bridge.end == analysis.next.input_total == 4286712
    assert [(step.kind, step.customers, step.change) for step in bridge.steps] == [
        ("lost", 1834, -11283654),
        ("down", 268, -4809134),
        ("same", 184, -281491),
        ("up", 63, 538509),
        ("new", 0, 0),
    ]
    assert bridge.start + sum(step.change for step in bridge.steps) == bridge.end


@pytest.fixture(scope="module")
def cdnow_report(tmp_path_factory):
    output = tmp_path_factory.mktemp("brug") / "rapport.xlsx"
    make_report([CDNOW_WORKBOOK], output, Settings())
    return openpyxl.load_workbook(output)


def test_cdnow_bridge_sheet_amounts(cdnow_report):
    rows = bridge_rows(cdnow_report)
    cents = [round(row[2] * 100) for row in rows[1:]]
    assert cents == [20122482, -11283654, -4809134, -281491, 538509, 0, 4286712]
    assert sum(cents[:-1]) == cents[-1]
    assert [round(row[3] * 100) for row in rows[1:]][-2] == 4286712
