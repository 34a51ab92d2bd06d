"""Native Excel charts and the heat map: the pyramid per year, the revenue bridge, the matrix's colour scale.

The charts are openpyxl charts over cells of the report, so they stay live and
editable in Excel. Each chart's data is written as a small table beside it.

Limitations: openpyxl 3.1 cannot write Excel's own waterfall chart type, so
the bridge is a stacked column chart with an invisible offset series. A
running total below zero is drawn from zero (see
``analysis.bridge.waterfall_bars``).
"""

from __future__ import annotations

import numpy as np
from openpyxl.chart import BarChart, Reference
from openpyxl.chart.label import DataLabelList
from openpyxl.chart.shapes import GraphicalProperties
from openpyxl.formatting.rule import ColorScaleRule
from openpyxl.worksheet.worksheet import Worksheet

from klantpiramide.report.context import ReportContext

# Bar colours: the template's title blue for totals and pyramids, Excel's good and bad colours for the steps.
TOTAL_COLOUR = "1F4E78"
PYRAMID_COLOUR = "2E75B6"
INCREASE_COLOUR = "70AD47"
DECREASE_COLOUR = "C00000"
# Heat map: white for 0% of a row, yellow halfway, red for 100%; black text stays readable on all three.
HEAT_COLOURS = ("FFFFFF", "FFD966", "F8696B")
CHART_WIDTH_CM = 13
CHART_HEIGHT_CM = 7.5
# Rows a chart of CHART_HEIGHT_CM covers at the default row height, plus a blank row.
CHART_ROWS = 16


def heat_map_rule() -> ColorScaleRule:
    """Return the colour scale of the heat map: fixed at 0 and 1, so a colour means the same share on every sheet."""
    low, middle, high = HEAT_COLOURS
    return ColorScaleRule(
        start_type="num", start_value=0, start_color=low,
        mid_type="num", mid_value=0.5, mid_color=middle,
        end_type="num", end_value=1, end_color=high,
    )


def _stacked_bars(direction: str, title: str, gap: int, size: tuple[float, float]) -> BarChart:
    """Return an empty stacked bar chart without legend: 'bar' runs horizontally, 'col' vertically."""
    chart = BarChart()
    chart.type = direction
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.gapWidth = gap
    chart.title = title
    chart.legend = None
    chart.width, chart.height = size
    return chart


def pyramid_chart(sheet: Worksheet, top: int, left: int, count: int, title: str) -> BarChart:
    """Return a centred pyramid of horizontal bars, A on top, over a table at (top, left).

    The table has a header row and ``count`` category rows with three columns:
    the category, the invisible offset that centres the bar, and the customers.
    """
    chart = _stacked_bars("bar", title, gap=15, size=(CHART_WIDTH_CM, CHART_HEIGHT_CM))

    data = Reference(sheet, min_col=left + 1, max_col=left + 2, min_row=top, max_row=top + count)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=left, min_row=top + 1, max_row=top + count))
    offset, customers = chart.series
    offset.graphicalProperties = GraphicalProperties(noFill=True)
    offset.graphicalProperties.line.noFill = True
    customers.graphicalProperties = GraphicalProperties(solidFill=PYRAMID_COLOUR)
    # Only the value: LibreOffice also shows the category and series names unless they are switched off.
    customers.dLbls = DataLabelList(showVal=True, showCatName=False, showSerName=False, showLegendKey=False, showPercent=False)

    # The category axis runs from A at the top down to the last category; the offsets make the value axis meaningless.
    chart.x_axis.scaling.orientation = "maxMin"
    chart.x_axis.delete = False
    chart.y_axis.delete = True
    chart.y_axis.majorGridlines = None
    return chart


def waterfall_chart(sheet: Worksheet, top: int, left: int, count: int, title: str) -> BarChart:
    """Return the bridge as stacked columns over a table at (top, left).

    The table has a header row and ``count`` bar rows with five columns: the
    label, the invisible offset, the totals, the increases and the decreases.
    """
    chart = _stacked_bars("col", title, gap=40, size=(2 * CHART_WIDTH_CM, CHART_HEIGHT_CM + 2))

    data = Reference(sheet, min_col=left + 1, max_col=left + 4, min_row=top, max_row=top + count)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=left, min_row=top + 1, max_row=top + count))
    offset, total, increase, decrease = chart.series
    offset.graphicalProperties = GraphicalProperties(noFill=True)
    offset.graphicalProperties.line.noFill = True
    for series, colour in ((total, TOTAL_COLOUR), (increase, INCREASE_COLOUR), (decrease, DECREASE_COLOUR)):
        series.graphicalProperties = GraphicalProperties(solidFill=colour)

    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.y_axis.number_format = "#,##0"
    return chart


def write_pyramid_charts(context: ReportContext) -> None:
    """Write the customers per category of both years beside the Piramide tables, with a pyramid chart per year."""
    anchor = context.template.anchors["pyramid_chart"]
    sheet, top, left = anchor.sheet, anchor.row, anchor.column
    migration = context.migration
    categories = migration.categories
    context.put(sheet.cell(top, left), context.text("chart_data"), "kop2")

    years = ((migration.base_year, "cat_base"), (migration.next_year, "cat_next"))
    table_top = top + 1
    for number, (year, field) in enumerate(years):
        column = left + number * 3
        counts = _category_counts(migration.customers[field].to_numpy(), len(categories))
        offsets = (counts.max() - counts) / 2
        headers = [context.text("col_category"), context.text("chart_offset"), f"{context.text('col_customers')} {year}"]
        for offset, text in enumerate(headers):
            context.put(sheet.cell(table_top, column + offset), text, "kop")
        for index, category in enumerate(categories):
            context.put(sheet.cell(table_top + 1 + index, column), category, "label")
            context.put(sheet.cell(table_top + 1 + index, column + 1), float(offsets[index]), "aantal")
            context.put(sheet.cell(table_top + 1 + index, column + 2), int(counts[index]), "aantal")

        chart = pyramid_chart(sheet, table_top, column, len(categories), context.text("chart_pyramid", year=year))
        chart_row = table_top + len(categories) + 2 + number * CHART_ROWS
        sheet.add_chart(chart, sheet.cell(chart_row, left).coordinate)


def _category_counts(categories: np.ndarray, size: int) -> np.ndarray:
    """Return the number of customers per category index; inactive customers (-1) are left out."""
    active = categories[categories >= 0].astype(np.int64)
    return np.bincount(active, minlength=size)[:size]
