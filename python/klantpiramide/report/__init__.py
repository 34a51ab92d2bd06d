"""The report workbook, filled from a template with openpyxl.

Sheets: Migratiematrix (counts, coloured by movement, linked to a detail sheet
per cell), Omzetmatrix, Piramide, Klanten, Controle, and the detail sheets.

Limitations: openpyxl keeps the whole workbook in memory, so very large inputs
(about a million customers) need several GB while writing.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from klantpiramide.job import Analysis
from klantpiramide.report.check_sheet import write_check_sheet
from klantpiramide.report.context import ReportContext
from klantpiramide.report.customer_sheets import write_customer_sheet, write_detail_sheets
from klantpiramide.report.matrix_sheets import version_line, write_matrix_sheet, write_revenue_sheet
from klantpiramide.report.pyramid_sheet import write_pyramid_sheet
from klantpiramide.report.saving import check_output, save_atomically
from klantpiramide.report.template import Template
from klantpiramide.texts import LABELS

__all__ = ["build_workbook", "write_report"]

# The template sheet behind each anchor, and the label that names it in the report.
SHEET_LABELS = {
    "matrix": "sheet_matrix",
    "revenue": "sheet_revenue",
    "pyramid": "sheet_pyramid",
    "customers": "sheet_customers",
    "check": "sheet_check",
}


def build_workbook(analysis: Analysis, today: dt.date | None = None):
    """Fill a template with the analysis and return the openpyxl workbook."""
    template = Template(analysis.settings.template)
    context = ReportContext(analysis, template)
    _name_sheets(context)

    matrix_title = template.anchors["matrix"].sheet.title
    details = write_detail_sheets(context, matrix_title)
    date = (today or dt.date.today()).strftime("%d-%m-%Y")
    write_matrix_sheet(context, details, version_line(context, date))
    write_revenue_sheet(context)
    write_pyramid_sheet(context)
    write_customer_sheet(context)
    write_check_sheet(context)

    template.remove_model_sheets()
    template.workbook.active = template.workbook.worksheets.index(template.anchors["matrix"].sheet)
    return template.workbook


def write_report(analysis: Analysis, output: Path, today: dt.date | None = None) -> Path:
    """Write the report workbook to ``output``, atomically; return the path."""
    check_output(output, analysis.inputs)
    workbook = build_workbook(analysis, today)
    save_atomically(workbook, output)
    return output


def _name_sheets(context: ReportContext) -> None:
    """Give the template's main sheets their names in the report's language.

    A sheet the user renamed in their own template keeps the user's name.
    """
    for anchor, key in SHEET_LABELS.items():
        sheet = context.template.anchors[anchor].sheet
        if sheet.title == LABELS["nl"][key]:
            context.template.rename_sheet(sheet, context.text(key))
