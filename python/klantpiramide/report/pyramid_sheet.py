"""The Piramide sheet: per year, the count, revenue, shares and bound of every category."""

from __future__ import annotations

import numpy as np

from klantpiramide.report.context import ReportContext


def write_pyramid_sheet(context: ReportContext) -> None:
    """Write one table per year, the base year first; shares are of that year's active customers."""
    anchor = context.template.anchors["pyramid"]
    sheet, top, left = anchor.sheet, anchor.row, anchor.column
    migration = context.migration
    context.put_template_text(context.anchor_cell("pyramid_title"), "title_pyramid")

    headers = ["col_year", "col_category", "col_bound", "col_count", "col_count_share", "col_revenue", "col_revenue_share"]
    for offset, key in enumerate(headers):
        context.put(sheet.cell(top, left + offset), context.text(key), "kop")

    row = top + 1
    years = (
        (migration.base_year, "cat_base", "revenue_base", migration.bounds_base),
        (migration.next_year, "cat_next", "revenue_next", migration.bounds_next),
    )
    for year, category_field, revenue_field, bounds in years:
        row = _write_year(context, sheet, row, left, year, category_field, revenue_field, bounds)
        row += 1
    sheet.freeze_panes = sheet.cell(top + 1, left)


def _write_year(context, sheet, row, left, year, category_field, revenue_field, bounds) -> int:
    """Write the rows of one year and its total; return the next free row."""
    customers = context.migration.customers
    categories = customers[category_field].to_numpy()
    revenue = customers[revenue_field].to_numpy()
    active = categories >= 0
    total_count = int(active.sum())
    total_revenue = int(revenue[active].sum())

    for index, category in enumerate(context.migration.categories):
        members = categories == index
        count = int(members.sum())
        amount = int(revenue[members].sum())
        context.put(sheet.cell(row, left), year, "tekst")
        context.put(sheet.cell(row, left + 1), category, "label")
        if index < len(bounds.lower_cents):
            context.put_amount(sheet.cell(row, left + 2), bounds.lower_cents[index])
        else:
            context.put(sheet.cell(row, left + 2), "> 0", "tekst")
        context.put(sheet.cell(row, left + 3), count, "aantal")
        context.put(sheet.cell(row, left + 4), _share(count, total_count), "procent")
        context.put_amount(sheet.cell(row, left + 5), amount)
        context.put(sheet.cell(row, left + 6), _share(amount, total_revenue), "procent")
        row += 1

    # A year is no count: no thousands separator ('2024', not '2.024').
    context.put(sheet.cell(row, left), year, "totaal").number_format = "0"
    context.put(sheet.cell(row, left + 1), context.text("total"), "totaal")
    context.put(sheet.cell(row, left + 2), None, "totaal")
    context.put(sheet.cell(row, left + 3), total_count, "totaal")
    context.put(sheet.cell(row, left + 4), 1.0 if total_count else 0.0, "procent")
    context.put_amount(sheet.cell(row, left + 5), total_revenue, "totaal_bedrag")
    context.put(sheet.cell(row, left + 6), 1.0 if total_revenue else 0.0, "procent")
    return row + 1


def _share(part: int, whole: int) -> float:
    return float(np.divide(part, whole)) if whole else 0.0
