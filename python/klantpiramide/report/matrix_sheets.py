"""The Migratiematrix (counts, with links to the detail sheets) and Omzetmatrix (revenue) sheets."""

from __future__ import annotations

from copy import copy

from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from klantpiramide import __version__
from klantpiramide.analysis.migration import MOVEMENTS
from klantpiramide.report.context import ReportContext
from klantpiramide.report.formats import internal_link
from klantpiramide.report.template import name_cell

LEGEND_KEYS = {"up": "legend_up", "down": "legend_down", "same": "legend_same", "new": "legend_new", "lost": "legend_lost"}

# Blank rows between the three blocks of the revenue matrix.
BLOCK_GAP = 2


def rule_text(context: ReportContext) -> str:
    """Return the sentence that names the rule behind the categories."""
    migration = context.migration
    split = migration.split.describe()
    if migration.rule == "own":
        return context.text("rule_own")
    if migration.rule == "per_year":
        return context.text("rule_per_year", split=split)
    return context.text("rule_pyramid", split=split)


def write_matrix_sheet(context: ReportContext, detail_sheets: dict[tuple[int, int], str], generated: str) -> None:
    """Fill the count matrix, its legend, the bounds and the explanation."""
    anchor = context.template.anchors["matrix"]
    sheet, top, left = anchor.sheet, anchor.row, anchor.column
    migration = context.migration

    context.put_template_text(context.anchor_cell("title"), "title_matrix")
    context.put_template_text(context.anchor_cell("explanation"), "explanation_matrix")
    context.put(context.anchor_cell("rule"), f"{rule_text(context)}. {generated}")

    # Axis captions above and beside the matrix, and the hint under it.
    size = len(migration.categories)
    rows = len(migration.counts.index)
    context.put(sheet.cell(top - 1, left + 1), context.text("axis_columns"), "notitie")
    context.put(sheet.cell(top, left), f"{migration.base_year} ↓  {migration.next_year} →", "kop")
    _write_labels(context, sheet, top, left)

    # The counts, coloured by movement; non-zero cells link to their detail sheet.
    counts = migration.counts
    for row in range(rows):
        for column in range(size + 1):
            cell = sheet.cell(top + 1 + row, left + 1 + column)
            count = int(counts.iat[row, column])
            context.put(cell, count, "aantal")
            context.template.movement_style(cell, migration.cell_movement(row, column))
            target = detail_sheets.get((row, column))
            if count and target:
                cell.hyperlink = Hyperlink(ref=cell.coordinate, location=internal_link(target))
                underlined = copy(cell.font)
                underlined.underline = "single"
                cell.font = underlined
    _write_totals(context, sheet, top, left, counts, "totaal")
    context.put(sheet.cell(top + rows + 2, left), context.text("axis_rows"), "notitie")
    context.put(sheet.cell(top + rows + 3, left), context.text("matrix_hint"), "notitie")

    _write_legend(context)
    _write_bounds(context)
    name_cell(context.template.workbook, "kp_matrix", sheet, top, left)


def write_revenue_sheet(context: ReportContext) -> None:
    """Write three blocks with the matrix layout: base-year revenue, next-year revenue, the change."""
    anchor = context.template.anchors["revenue"]
    sheet, top, left = anchor.sheet, anchor.row, anchor.column
    migration = context.migration
    size = len(migration.categories)
    rows = len(migration.counts.index)

    context.put_template_text(context.anchor_cell("revenue_title"), "title_revenue")

    blocks = [
        ("revenue_base_block", migration.revenue_base),
        ("revenue_next_block", migration.revenue_next),
        ("revenue_change_block", migration.revenue_next - migration.revenue_base),
    ]
    for number, (key, grid) in enumerate(blocks):
        block_top = top + number * (rows + 2 + BLOCK_GAP)
        context.put(sheet.cell(block_top, left), context.text(key), "kop")
        _write_labels(context, sheet, block_top, left)
        for row in range(rows):
            for column in range(size + 1):
                cell = sheet.cell(block_top + 1 + row, left + 1 + column)
                context.put_amount(cell, int(grid.iat[row, column]))
                context.template.movement_style(cell, migration.cell_movement(row, column))
        _write_totals(context, sheet, block_top, left, grid, "totaal_bedrag")
        if number == 0:
            name_cell(context.template.workbook, "kp_omzetmatrix", sheet, block_top, left)


def _write_labels(context: ReportContext, sheet: Worksheet, top: int, left: int) -> None:
    """Write the row labels (A.., Nieuw, Totaal) and column labels (A.., Verloren, Totaal)."""
    for offset, text in enumerate([*context.row_labels(), context.text("total")], start=1):
        context.put(sheet.cell(top + offset, left), text, "label")
    for offset, text in enumerate([*context.column_labels(), context.text("total")], start=1):
        context.put(sheet.cell(top, left + offset), text, "label")


def _write_totals(context: ReportContext, sheet: Worksheet, top: int, left: int, grid, kind: str) -> None:
    """Write row totals, column totals and the grand total of a matrix as values."""
    rows, columns = grid.shape
    amounts = kind == "totaal_bedrag"

    def write(row: int, column: int, value: int) -> None:
        cell = sheet.cell(row, column)
        if amounts:
            context.put_amount(cell, value, kind)
        else:
            context.put(cell, value, kind)

    for row in range(rows):
        write(top + 1 + row, left + columns + 1, int(grid.iloc[row].sum()))
    for column in range(columns):
        write(top + rows + 1, left + 1 + column, int(grid.iloc[:, column].sum()))
    write(top + rows + 1, left + columns + 1, int(grid.to_numpy().sum()))


def _write_legend(context: ReportContext) -> None:
    context.put_template_text(context.anchor_cell("legend"), "legend_title")
    for kind in MOVEMENTS:
        context.put_template_text(context.template.movement_cells[kind], LEGEND_KEYS[kind])


def _write_bounds(context: ReportContext) -> None:
    """Write the lower bound of every category, for the base year and (if different) the next year."""
    anchor = context.template.anchors["bounds"]
    sheet, top, left = anchor.sheet, anchor.row, anchor.column
    migration = context.migration
    per_year = migration.bounds_next != migration.bounds_base

    context.put(sheet.cell(top, left), context.text("bounds_label"), "kop2")
    header = [context.text("col_category"), str(migration.base_year)]
    if per_year:
        header.append(str(migration.next_year))
    for offset, text in enumerate(header):
        context.put(sheet.cell(top + 1, left + offset), text, "kop")

    categories = migration.categories
    for index, category in enumerate(categories[:-1]):
        row = top + 2 + index
        context.put(sheet.cell(row, left), category, "label")
        context.put_amount(sheet.cell(row, left + 1), migration.bounds_base.lower_cents[index])
        if per_year:
            context.put_amount(sheet.cell(row, left + 2), migration.bounds_next.lower_cents[index])
    last = top + 2 + len(categories) - 1
    context.put(sheet.cell(last, left), categories[-1], "label")
    context.put(sheet.cell(last, left + 1), "> 0", "tekst")


def version_line(context: ReportContext, date: str) -> str:
    return context.text("generated", version=__version__, date=date)
