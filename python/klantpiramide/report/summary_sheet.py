"""The Samenvatting sheet: key figures, the matrix as a heat map, and the customers near a bound.

The figures come from ``analysis.key_figures``, whose docstring defines each
one. The heat map shows every matrix row as shares of that row, coloured by a
conditional colour scale, with links to the detail sheets. The customers near
a bound are counted per bound, with a list sheet for each direction.
"""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from klantpiramide.analysis.key_figures import KeyFigures, key_figures, near_bound_counts, near_bounds
from klantpiramide.report.actions_sheet import segment_texts
from klantpiramide.report.charts import heat_map_rule
from klantpiramide.report.context import ReportContext
from klantpiramide.report.layout import link_cell, wrap_row
from klantpiramide.report.lists import write_list_sheet

MOVEMENT_ROWS = ("up", "down", "same", "new", "won_back", "lost")


def write_summary_sheet(context: ReportContext, detail_sheets: dict[tuple[int, int], str]) -> KeyFigures:
    """Fill the summary's three blocks; ``detail_sheets`` gives the detail sheet title per matrix cell."""
    anchor = context.template.anchors["summary"]
    sheet, top, left = anchor.sheet, anchor.row, anchor.column
    context.put_template_text(context.anchor_cell("summary_title"), "title_summary")

    figures = key_figures(context.migration.customers, len(context.migration.categories))
    row = _write_years(context, sheet, top, left, figures)
    row = _write_retention(context, sheet, row + 1, left, figures)
    _write_movements(context, sheet, row + 1, left, figures)
    _write_heat_map(context, detail_sheets)
    _write_near_bounds(context)
    return figures


def _write_years(context: ReportContext, sheet: Worksheet, top: int, left: int, figures: KeyFigures) -> int:
    """Write customers, revenue and the key accounts' share per year; return the next free row."""
    migration = context.migration
    context.put(sheet.cell(top, left), context.text("kf_years"), "kop2")
    for offset, text in enumerate((context.text("kf_figure"), str(migration.base_year), str(migration.next_year))):
        context.put(sheet.cell(top + 1, left + offset), text, "kop")

    row = top + 2
    context.put(sheet.cell(row, left), context.text("kf_active"), "tekst")
    context.put(sheet.cell(row, left + 1), figures.base.customers, "aantal")
    context.put(sheet.cell(row, left + 2), figures.next.customers, "aantal")
    context.put(sheet.cell(row + 1, left), context.text("kf_revenue"), "tekst")
    context.put_amount(sheet.cell(row + 1, left + 1), figures.base.revenue)
    context.put_amount(sheet.cell(row + 1, left + 2), figures.next.revenue)
    context.put(sheet.cell(row + 2, left), context.text("kf_key_share", letters=segment_texts(context).key_letters()), "tekst")
    context.put(sheet.cell(row + 2, left + 1), figures.base.key_share, "procent")
    context.put(sheet.cell(row + 2, left + 2), figures.next.key_share, "procent")
    return row + 3


def _write_retention(context: ReportContext, sheet: Worksheet, top: int, left: int, figures: KeyFigures) -> int:
    """Write customer retention, revenue kept and net retention; return the next free row."""
    context.put(sheet.cell(top, left), context.text("kf_retention"), "kop2")
    for offset, key in enumerate(("kf_figure", "col_value", "col_share")):
        context.put(sheet.cell(top + 1, left + offset), context.text(key), "kop")

    row = top + 2
    context.put(sheet.cell(row, left), context.text("kf_retained"), "tekst")
    context.put(sheet.cell(row, left + 1), figures.retained, "aantal")
    context.put(sheet.cell(row, left + 2), figures.customer_retention, "procent")
    context.put(sheet.cell(row + 1, left), context.text("kf_revenue_kept"), "tekst")
    context.put_amount(sheet.cell(row + 1, left + 1), figures.retained_revenue_base)
    context.put(sheet.cell(row + 1, left + 2), figures.revenue_kept, "procent")
    context.put(sheet.cell(row + 2, left), context.text("kf_net_retention"), "tekst")
    context.put_amount(sheet.cell(row + 2, left + 1), figures.retained_revenue_next)
    context.put(sheet.cell(row + 2, left + 2), figures.net_retention, "procent")
    return row + 3


def _write_movements(context: ReportContext, sheet: Worksheet, top: int, left: int, figures: KeyFigures) -> int:
    """Write count, share and revenue of every movement with a total row; return the next free row."""
    context.put(sheet.cell(top, left), context.text("kf_movements"), "kop2")
    headers = ("col_movement", "col_customers", "col_share", "col_rev_base", "col_rev_next")
    for offset, key in enumerate(headers):
        context.put(sheet.cell(top + 1, left + offset), context.text(key), "kop")

    row = top + 2
    kinds = [kind for kind in MOVEMENT_ROWS if kind != "won_back" or context.migration.has_won_back]
    for kind in kinds:
        movement = figures.movements[kind]
        context.put(sheet.cell(row, left), context.text(f"moves_{kind}"), "tekst")
        context.put(sheet.cell(row, left + 1), movement.customers, "aantal")
        context.put(sheet.cell(row, left + 2), movement.share, "procent")
        context.put_amount(sheet.cell(row, left + 3), movement.revenue_base)
        context.put_amount(sheet.cell(row, left + 4), movement.revenue_next)
        row += 1

    context.put(sheet.cell(row, left), context.text("total"), "totaal")
    context.put(sheet.cell(row, left + 1), sum(figures.movements[kind].customers for kind in kinds), "totaal")
    context.put(sheet.cell(row, left + 2), 1.0 if any(figures.movements[kind].customers for kind in kinds) else 0.0, "procent")
    context.put_amount(sheet.cell(row, left + 3), sum(figures.movements[kind].revenue_base for kind in kinds), "totaal_bedrag")
    context.put_amount(sheet.cell(row, left + 4), sum(figures.movements[kind].revenue_next for kind in kinds), "totaal_bedrag")
    context.put(sheet.cell(row + 1, left), context.text("kf_movements_note"), "notitie")
    return row + 2


def _write_heat_map(context: ReportContext, detail_sheets: dict[tuple[int, int], str]) -> None:
    """Write the count matrix as shares of each row, coloured by a colour scale, each non-zero cell linked."""
    anchor = context.template.anchors["heatmap"]
    sheet, top, left = anchor.sheet, anchor.row, anchor.column
    migration = context.migration
    counts = migration.counts.to_numpy()
    row_labels = context.row_labels()

    context.put(sheet.cell(top, left), context.text("heatmap_title"), "kop2")
    header = top + 1
    context.put(sheet.cell(header, left), f"{migration.base_year} ↓  {migration.next_year} →", "kop")
    for column, text in enumerate([*context.column_labels(), context.text("col_customers")], start=1):
        context.put(sheet.cell(header, left + column), text, "label")

    for row in range(counts.shape[0]):
        total = int(counts[row].sum())
        context.put(sheet.cell(header + 1 + row, left), row_labels[row], "label")
        for column in range(counts.shape[1]):
            cell = sheet.cell(header + 1 + row, left + 1 + column)
            count = int(counts[row, column])
            context.put(cell, count / total if total else 0.0, "procent")
            target = detail_sheets.get((row, column))
            if count and target:
                link_cell(cell, target)
        context.put(sheet.cell(header + 1 + row, left + 1 + counts.shape[1]), total, "totaal")

    first = sheet.cell(header + 1, left + 1).coordinate
    last = sheet.cell(header + counts.shape[0], left + counts.shape[1]).coordinate
    sheet.conditional_formatting.add(f"{first}:{last}", heat_map_rule())


def _write_near_bounds(context: ReportContext) -> None:
    """Write the customers within 10% of a next-year bound per bound, with a list per direction."""
    anchor = context.template.anchors["near_bounds"]
    sheet, top, left = anchor.sheet, anchor.row, anchor.column
    migration = context.migration
    near = near_bounds(migration.customers, migration.bounds_next)
    counts = near_bound_counts(near, migration.bounds_next)

    title_cell = sheet.cell(top, left)
    context.put(title_cell, context.text("kf_near"), "kop2")
    for offset, key in enumerate(("col_near_bound", "col_bound", "seg_near_rise", "seg_near_fall")):
        context.put(sheet.cell(top + 1, left + offset), context.text(key), "kop")
    wrap_row(sheet, top + 1, left, left + 3)

    row = top + 2
    for index, line in counts.iterrows():
        context.put(sheet.cell(row, left), migration.categories[index], "label")
        context.put_amount(sheet.cell(row, left + 1), int(line["bound"]))
        context.put(sheet.cell(row, left + 2), int(line["below"]), "aantal")
        context.put(sheet.cell(row, left + 3), int(line["above"]), "aantal")
        row += 1

    context.put(sheet.cell(row, left), context.text("kf_near_total"), "totaal")
    context.put(sheet.cell(row, left + 1), None, "totaal")
    for offset, direction in ((2, "rise"), (3, "fall")):
        members = near[direction]
        cell = context.put(sheet.cell(row, left + offset), len(members), "totaal")
        if len(members):
            name = context.text(f"seg_near_{direction}")
            link_cell(cell, write_list_sheet(context, name, members, "back_to_summary", title_cell))
    notes = (
        f"{context.text('kf_near_rise')} {context.text('advice_near_rise')}",
        f"{context.text('kf_near_fall')} {context.text('advice_near_fall')}",
        context.text("kf_near_hint"),
    )
    for offset, text in enumerate(notes, start=1):
        context.put(sheet.cell(row + offset, left), text, "notitie")
