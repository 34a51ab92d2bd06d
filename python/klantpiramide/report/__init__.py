"""The report workbook, filled from a template with openpyxl.

Sheets: Samenvatting (key figures, the matrix as a heat map, customers near a
bound), Acties (segments with advice), Migratiematrix (counts, coloured by
movement, linked to a detail sheet per cell), Omzetmatrix, Omzetbrug (the
revenue bridge with its chart), Piramide (with a chart per year), Trend (three
or more years only), Klanten, Controle, the detail and list sheets, and a
hidden settings sheet from which ``refresh_report`` rebuilds the report. Notes
the user typed in an earlier version of the report are carried over.

Large reports stream their customer tables (see ``report/streaming.py``), so
a report of 1,048,575 customers a year peaks at about 1.5 GB of memory.

Limitations: writing over an earlier report first reads that report's notes,
which adds several seconds per 100,000 rows.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import python_calamine

from klantpiramide.job import Analysis
from klantpiramide.progress import Progress, no_progress
from klantpiramide.report.actions_sheet import write_actions_sheet
from klantpiramide.report.bridge_sheet import write_bridge_sheet
from klantpiramide.report.charts import write_pyramid_charts
from klantpiramide.report.check_sheet import write_check_sheet
from klantpiramide.report.context import ReportContext
from klantpiramide.report.customer_sheets import write_customer_sheet, write_detail_sheets
from klantpiramide.report.matrix_sheets import version_line, write_matrix_sheet, write_revenue_sheet
from klantpiramide.report.notes_sheet import write_dropped_notes_sheet
from klantpiramide.report.pyramid_sheet import write_pyramid_sheet
from klantpiramide.report.summary_sheet import write_summary_sheet
from klantpiramide.report.saving import check_output, save_atomically
from klantpiramide.report.settings_sheet import settings_rows, write_settings_sheet
from klantpiramide.report.template import Template
from klantpiramide.report.trend_sheet import write_trend_sheet, write_won_back_legend
from klantpiramide.report.user_notes import Note, note_key, read_notes, split_notes
from klantpiramide.texts import LABELS

__all__ = ["build_workbook", "write_report"]

# From this many customers on, the customer tables are streamed (report/streaming.py).
# openpyxl needed about 14 s for 20,000 customers, streaming about 1 s (measured on the benchmark's machine).
STREAM_MIN_CUSTOMERS = 20_000

# The template sheet behind each anchor, and the label that names it in the report.
SHEET_LABELS = {
    "summary": "sheet_summary",
    "actions": "sheet_actions",
    "matrix": "sheet_matrix",
    "revenue": "sheet_revenue",
    "pyramid": "sheet_pyramid",
    "customers": "sheet_customers",
    "check": "sheet_check",
    "bridge": "sheet_bridge",
    "trend": "sheet_trend",
}


def build_workbook(
    analysis: Analysis,
    today: dt.date | None = None,
    notes: dict[str, Note] | None = None,
    report_path: Path | None = None,
    stream: bool = False,
    progress: Progress = no_progress,
):
    """Fill a template with the analysis and the user's earlier notes.

    Returns the openpyxl workbook and the customer tables left to the
    streaming writer (none unless ``stream``).
    """
    today = today or dt.date.today()
    template = Template(analysis.settings.template)
    kept, dropped = {}, []
    if notes:
        current = set(analysis.migration.customers["customer"].map(note_key))
        kept, dropped = split_notes(notes, current, today)
    context = ReportContext(analysis, template, kept, stream=stream)
    _name_sheets(context)

    # The detail sheets first, so the matrix and the summary can link to their final names.
    step = _Steps(progress, total=13)
    step()
    details = write_detail_sheets(context, template.anchors["matrix"].sheet.title)
    step()
    write_matrix_sheet(context, details, version_line(context, today.strftime("%d-%m-%Y")))
    step()
    write_won_back_legend(context)
    step()
    write_revenue_sheet(context)
    step()
    write_pyramid_sheet(context)
    step()
    write_customer_sheet(context)
    step()
    write_check_sheet(context)
    step()
    write_bridge_sheet(context)
    step()
    write_pyramid_charts(context)
    step()
    write_trend_sheet(context)
    step()
    write_summary_sheet(context, details)
    step()
    write_actions_sheet(context, report_path)
    step()
    write_dropped_notes_sheet(context, dropped)

    rows = settings_rows(analysis.settings, analysis.inputs, report_path or Path.cwd() / "rapport.xlsx")
    write_settings_sheet(template.workbook, rows, LABELS[context.language])
    template.remove_model_sheets()
    template.workbook.active = template.workbook.worksheets.index(template.anchors["summary"].sheet)
    return template.workbook, context.streams


def write_report(
    analysis: Analysis, output: Path, today: dt.date | None = None, progress: Progress = no_progress
) -> Path:
    """Write the report workbook to ``output``, atomically; return the path.

    When ``output`` is an earlier report, the notes typed in it are carried over
    and the earlier version is kept as 'RAPPORT.vorige.xlsx'.
    """
    template = analysis.settings.template
    check_output(output, (*analysis.inputs, *([template] if template else [])))
    stream = len(analysis.migration.customers) >= STREAM_MIN_CUSTOMERS
    workbook, streams = build_workbook(analysis, today, _earlier_notes(output), output, stream, progress)
    progress("progress_saving")
    save_atomically(workbook, output, streams)
    return output


def _earlier_notes(output: Path) -> dict[str, Note]:
    """Return the notes of an earlier report at ``output``; none when there is no readable workbook."""
    if not output.is_file():
        return {}
    try:
        return read_notes(output)
    except (python_calamine.CalamineError, OSError):
        # Not a workbook: it is kept as the backup copy, and there are no notes to carry over.
        return {}


class _Steps:
    """Counts the sheet writers of ``build_workbook`` and reports each as 'writing X of Y'."""

    def __init__(self, progress: Progress, total: int) -> None:
        self.progress = progress
        self.total = total
        self.done = 0

    def __call__(self) -> None:
        self.done += 1
        self.progress("progress_writing", self.done, self.total)


def _name_sheets(context: ReportContext) -> None:
    """Give the template's main sheets their names in the report's language.

    A sheet the user renamed in their own template keeps the user's name.
    """
    for anchor, key in SHEET_LABELS.items():
        sheet = context.template.anchors[anchor].sheet
        if sheet.title == LABELS["nl"][key]:
            context.template.rename_sheet(sheet, context.text(key))
