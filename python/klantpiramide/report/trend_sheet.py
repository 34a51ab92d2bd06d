"""The Trend sheet of a report over three or more years; a two-year report leaves it out."""

from __future__ import annotations

from klantpiramide.report.context import ReportContext


def write_trend_sheet(context: ReportContext) -> None:
    """Fill the trend sheet, or remove it when the report covers two years."""
    sheet = context.template.anchors["trend"].sheet
    context.template.remove_sheet(sheet)


def write_won_back_legend(context: ReportContext) -> None:
    """Fill the legend line of won-back customers, or clear it when the matrix has no such row."""
    cell = context.template.movement_cells["won_back"]
    if context.migration.has_won_back:
        context.put_template_text(cell, "legend_won_back")
        return
    cell.value = None
    cell.style = "Normal"
