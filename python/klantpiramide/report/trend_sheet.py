"""The Trend sheet of a report over three or more years; a two-year report leaves it out.

The sheet shows the active customers, their revenue and the lower bounds per
category and year (ranked by the rule of ``analysis.trend``), a chart of the revenue
per category, and the count matrix of every consecutive pair of years, each
with the bounds of the pair's base year.
"""

from __future__ import annotations

from openpyxl.chart import BarChart, Reference
from openpyxl.worksheet.worksheet import Worksheet

from klantpiramide.analysis.migration import Migration, movement_of
from klantpiramide.analysis.trend import category_trend, trend_bounds
from klantpiramide.report.charts import CHART_HEIGHT_CM, CHART_WIDTH_CM
from klantpiramide.report.context import ReportContext

RULE_KEYS = {"pyramid": "trend_rule_pyramid", "per_year": "trend_rule_per_year", "own": "trend_rule_own"}


def write_trend_sheet(context: ReportContext) -> None:
    """Fill the trend sheet, or remove it when the report covers two years."""
    anchor = context.template.anchors["trend"]
    sheet, top, left = anchor.sheet, anchor.row, anchor.column
    analysis = context.analysis
    if not analysis.history:
        context.template.remove_sheet(sheet)
        return

    years = [table.year for table in analysis.years]
    migrations = analysis.migrations
    context.put_template_text(context.anchor_cell("trend_title"), "title_trend", first=years[0], last=years[-1])
    context.put(sheet.cell(top, left), context.text(RULE_KEYS[migrations[0].rule], year=years[0]), "notitie")

    bounds = trend_bounds(migrations)
    revenues = [_year_revenue(analysis, position) for position in range(len(years))]
    counts, totals = category_trend(revenues, bounds)

    row = _write_table(context, sheet, top + 2, left, "trend_counts", years, counts, amounts=False)
    revenue_top = row + 1
    row = _write_table(context, sheet, revenue_top, left, "trend_revenue", years, totals, amounts=True)
    row = _write_bounds(context, sheet, row + 1, left, years, bounds)
    _add_revenue_chart(context, sheet, revenue_top + 1, left, len(years), len(counts.index))

    context.put(sheet.cell(row + 1, left), context.text("trend_pairs"), "kop2")
    row += 2
    for migration in migrations:
        row = _write_pair_matrix(context, sheet, row, left, migration) + 1


def write_won_back_legend(context: ReportContext) -> None:
    """Fill the legend line of won-back customers, or clear it when the matrix has no such row."""
    cell = context.template.movement_cells["won_back"]
    if context.migration.has_won_back:
        context.put_template_text(cell, "legend_won_back")
        return
    cell.value = None
    cell.style = "Normal"


def _year_revenue(analysis, position: int):
    """Return the customer revenues (cents) of the year at ``position``, from the migration that has it."""
    migrations = analysis.migrations
    if position < len(migrations):
        return migrations[position].customers["revenue_base"].to_numpy()
    return migrations[-1].customers["revenue_next"].to_numpy()


def _write_table(context: ReportContext, sheet: Worksheet, top: int, left: int, title_key: str, years, values, *, amounts: bool) -> int:
    """Write a table of categories (rows) by years (columns) with a total row; return the next free row."""
    context.put(sheet.cell(top, left), context.text(title_key), "kop2")
    headers = [context.text("col_category"), *(str(year) for year in years)]
    for offset, text in enumerate(headers):
        context.put(sheet.cell(top + 1, left + offset), text, "kop")

    row = top + 2
    for category, line in values.iterrows():
        context.put(sheet.cell(row, left), category, "label")
        for offset, value in enumerate(line.tolist(), start=1):
            _put_number(context, sheet.cell(row, left + offset), int(value), amounts, total=False)
        row += 1
    context.put(sheet.cell(row, left), context.text("total"), "totaal")
    for offset, value in enumerate(values.sum(axis=0).tolist(), start=1):
        _put_number(context, sheet.cell(row, left + offset), int(value), amounts, total=True)
    return row + 1


def _put_number(context: ReportContext, cell, value: int, amounts: bool, *, total: bool) -> None:
    if amounts:
        context.put_amount(cell, value, "totaal_bedrag" if total else "bedrag")
    else:
        context.put(cell, value, "totaal" if total else "aantal")


def _write_bounds(context: ReportContext, sheet: Worksheet, top: int, left: int, years, bounds) -> int:
    """Write the lower bound of every category per year; return the next free row."""
    context.put(sheet.cell(top, left), context.text("trend_bounds"), "kop2")
    for offset, text in enumerate([context.text("col_category"), *(str(year) for year in years)]):
        context.put(sheet.cell(top + 1, left + offset), text, "kop")
    categories = bounds[0].categories
    for index, category in enumerate(categories):
        row = top + 2 + index
        context.put(sheet.cell(row, left), category, "label")
        for offset, year_bounds in enumerate(bounds, start=1):
            if index < len(year_bounds.lower_cents):
                context.put_amount(sheet.cell(row, left + offset), year_bounds.lower_cents[index])
            else:
                context.put(sheet.cell(row, left + offset), "> 0", "tekst")
    return top + 2 + len(categories)


def _add_revenue_chart(context: ReportContext, sheet: Worksheet, header_row: int, left: int, year_count: int, category_count: int) -> None:
    """Add a clustered column chart of the revenue table: a series per year, the categories along the axis."""
    chart = BarChart()
    chart.type = "col"
    chart.grouping = "clustered"
    chart.title = context.text("chart_trend")
    chart.width, chart.height = CHART_WIDTH_CM, CHART_HEIGHT_CM
    data = Reference(sheet, min_col=left + 1, max_col=left + year_count, min_row=header_row, max_row=header_row + category_count)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=left, min_row=header_row + 1, max_row=header_row + category_count))
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.y_axis.number_format = "#,##0"
    sheet.add_chart(chart, sheet.cell(header_row - 1, left + year_count + 2).coordinate)


def _write_pair_matrix(context: ReportContext, sheet: Worksheet, top: int, left: int, migration: Migration) -> int:
    """Write one pair's count matrix, coloured by movement, with totals; return the next free row."""
    years = {"base": migration.base_year, "next": migration.next_year}
    context.put(sheet.cell(top, left), context.text("trend_pair_title", **years), "kop2")
    size = len(migration.categories)
    rows = [*migration.categories, context.text("new")] + ([context.text("won_back")] if migration.has_won_back else [])
    columns = [*migration.categories, context.text("lost"), context.text("total")]

    header = top + 1
    context.put(sheet.cell(header, left), f"{migration.base_year} ↓  {migration.next_year} →", "kop")
    for offset, text in enumerate(columns, start=1):
        context.put(sheet.cell(header, left + offset), text, "label")

    counts = migration.counts.to_numpy()
    for row, label in enumerate(rows):
        context.put(sheet.cell(header + 1 + row, left), label, "label")
        for column in range(size + 1):
            cell = context.put(sheet.cell(header + 1 + row, left + 1 + column), int(counts[row, column]), "aantal")
            context.template.movement_style(cell, movement_of(row, column, size))
        context.put(sheet.cell(header + 1 + row, left + size + 2), int(counts[row].sum()), "totaal")

    total_row = header + 1 + len(rows)
    context.put(sheet.cell(total_row, left), context.text("total"), "label")
    for column in range(size + 1):
        context.put(sheet.cell(total_row, left + 1 + column), int(counts[:, column].sum()), "totaal")
    context.put(sheet.cell(total_row, left + size + 2), int(counts.sum()), "totaal")
    return total_row + 1
