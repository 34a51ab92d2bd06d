"""The Klanten sheet (every customer) and one detail sheet per non-empty matrix cell."""

from __future__ import annotations

import pandas as pd
from openpyxl.worksheet.hyperlink import Hyperlink

from klantpiramide.analysis.migration import NOT_PLACED
from klantpiramide.report.context import ReportContext
from klantpiramide.report.formats import internal_link, valid_sheet_title
from klantpiramide.report.tables import customer_columns, table_frame, write_customer_table

# Sheets of these movements list the largest fall first; the others the largest rise first.
FALLING = {"down", "lost"}


def write_customer_sheet(context: ReportContext) -> None:
    """List every customer, placed or not, sorted by customer number."""
    anchor = context.template.anchors["customers"]
    context.put_template_text(context.anchor_cell("customers_title"), "title_customers")

    frame = table_frame(context, context.migration.customers)
    # Digit-only customer numbers sort by value, before the others, which sort as text.
    frame["number_value"] = pd.to_numeric(frame["key"], errors="coerce")
    frame = frame.sort_values(["number_value", "key"], na_position="last", kind="stable")
    write_customer_table(context, anchor.sheet, anchor.row, anchor.column, customer_columns(True), frame)


def write_detail_sheets(context: ReportContext, matrix_sheet_title: str) -> dict[tuple[int, int], str]:
    """Write a detail sheet for every non-empty matrix cell; return the sheet title per cell."""
    template = context.template
    model = template.anchors["detail"]
    back = template.anchors["back"]
    title_anchor = template.anchors["detail_title"]
    matrix = template.anchors["matrix"]

    placed = table_frame(context, context.migration.customers[context.migration.customers["row"] != NOT_PLACED])
    rows, columns = context.row_labels(), context.column_labels()
    titles: dict[tuple[int, int], str] = {}

    for (row, column), group in placed.groupby(["row", "column"], sort=True):
        title = valid_sheet_title(f"{rows[row]}-{columns[column]}", set(template.workbook.sheetnames))
        sheet = template.copy_sheet(model.sheet, title)
        titles[(row, column)] = sheet.title
        movement = context.migration.cell_movement(row, column)

        # Title and the link back to this cell of the matrix.
        title_cell = sheet.cell(title_anchor.row, title_anchor.column)
        context.put_template_text(title_cell, "detail_title", row=rows[row], column=columns[column], count=len(group))
        back_cell = sheet.cell(back.row, back.column)
        matrix_cell = matrix.sheet.cell(matrix.row + 1 + row, matrix.column + 1 + column).coordinate
        context.put_template_text(back_cell, "back_to_matrix")
        back_cell.hyperlink = Hyperlink(ref=back_cell.coordinate, location=internal_link(matrix_sheet_title, matrix_cell))

        ordered = group.sort_values(
            ["change", "key"], ascending=[movement in FALLING, True], kind="stable"
        )
        write_customer_table(context, sheet, model.row, model.column, customer_columns(False), ordered)
    return titles

