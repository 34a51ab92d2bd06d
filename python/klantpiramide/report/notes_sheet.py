"""The 'Vervallen notities' sheet: notes of customers who are no longer in the report."""

from __future__ import annotations

from klantpiramide.report.context import ReportContext
from klantpiramide.report.formats import valid_sheet_title
from klantpiramide.report.user_notes import WRITTEN_COLUMNS, WRITTEN_NOTES_SHEET, Note, written_rows

HEADERS = ("col_customer", "col_name", "col_action", "col_owner", "col_refreshed", "col_where")
WIDTHS = {"A": 16, "B": 36, "C": 50, "D": 16, "E": 14, "F": 30}


def write_dropped_notes_sheet(context: ReportContext, dropped: list[Note]) -> None:
    """Add the sheet with every dropped note, and the hidden record of every note this report writes.

    The record lets the next refresh tell the user's edits from what the report wrote.
    """
    _write_record(context, [*context.notes.values(), *dropped])
    if not dropped:
        return
    workbook = context.template.workbook
    sheet = workbook.create_sheet(valid_sheet_title(context.text("sheet_dropped_notes"), set(workbook.sheetnames)))
    context.put(sheet["A1"], context.text("title_dropped_notes"), "kop2")

    for column, key in enumerate(HEADERS, start=1):
        context.put(sheet.cell(3, column), context.text(key), "kop")
    for row, note in enumerate(dropped, start=4):
        context.put(sheet.cell(row, 1), note.customer, "klantnummer")
        context.put(sheet.cell(row, 2), note.name, "tekst")
        context.put(sheet.cell(row, 3), note.action, "invulveld")
        context.put(sheet.cell(row, 4), note.owner, "invulveld")
        context.put(sheet.cell(row, 5), note.dropped_on, "tekst")
        context.put(sheet.cell(row, 6), ", ".join(note.places), "tekst")

    for letter, width in WIDTHS.items():
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A4"


def _write_record(context: ReportContext, notes: list[Note]) -> None:
    """Add the hidden sheet with the notes as written; all cells are text."""
    sheet = context.template.workbook.create_sheet(WRITTEN_NOTES_SHEET)
    sheet.sheet_state = "hidden"
    sheet.append(WRITTEN_COLUMNS)
    for row in written_rows(notes):
        sheet.append(row)
        for cell in sheet[sheet.max_row]:
            cell.data_type = "s"
