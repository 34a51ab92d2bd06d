"""Customer list sheets behind the Acties and Samenvatting sheets: one per segment, made like a detail sheet.

A list sheet is a copy of the template's detail model sheet. So it has the
same columns, styles, validations and print settings as the matrix's detail
sheets, and its Actie / Opmerking and Eigenaar columns are carried across
refreshes in the same way.
"""

from __future__ import annotations

import pandas as pd
from openpyxl.cell.cell import Cell
from openpyxl.worksheet.hyperlink import Hyperlink

from klantpiramide.report.context import ReportContext
from klantpiramide.report.formats import internal_link, valid_sheet_title
from klantpiramide.report.layout import format_count
from klantpiramide.report.tables import Column, customer_columns, table_frame, write_customer_table


def write_list_sheet(
    context: ReportContext,
    name: str,
    customers: pd.DataFrame,
    back_key: str,
    back_cell: Cell,
    columns: list[Column] | None = None,
    count_key: str = "count_customers",
) -> str:
    """Add a sheet 'Lijst <name>' listing ``customers`` in their order; return its title.

    The sheet links back to ``back_cell`` with the label ``back_key``.
    ``columns`` replaces the detail sheets' customer columns, for a table of
    something else than customers (the groups, counted with ``count_key``).
    """
    template = context.template
    model = template.anchors["detail"]
    title_anchor = template.anchors["detail_title"]
    back = template.anchors["back"]

    title = valid_sheet_title(context.text("list_sheet", name=name), set(template.workbook.sheetnames))
    sheet = template.copy_sheet(model.sheet, title)
    if len(customers) == 1:
        count = context.text(f"{count_key}_one")
    else:
        count = context.text(count_key, count=format_count(len(customers), context.language))
    heading = context.text("list_title", segment=name, count=count)
    context.put(sheet.cell(title_anchor.row, title_anchor.column), heading)

    link = sheet.cell(back.row, back.column)
    context.put(link, context.text(back_key))
    target = internal_link(back_cell.parent.title, back_cell.coordinate)
    link.hyperlink = Hyperlink(ref=link.coordinate, location=target)

    frame = table_frame(context, customers) if columns is None else customers
    write_customer_table(context, sheet, model.row, model.column, columns or customer_columns(False), frame)
    return sheet.title
