"""The Omzetbrug sheet: the revenue bridge from the base year to the next as a table and a chart.

The steps come from ``analysis.bridge``. The table shows each step's
customers, amount and running total, and a check row that the steps add up
to the next year's total to the cent.
"""

from __future__ import annotations

from klantpiramide.analysis.bridge import Bridge, revenue_bridge, waterfall_bars
from klantpiramide.report.charts import waterfall_chart
from klantpiramide.report.context import ReportContext

HEADERS = ("col_step", "col_customers", "col_amount", "col_running_total")
CHART_HEADERS = ("col_step", "chart_offset", "chart_total", "chart_increase", "chart_decrease")
# The chart's data table starts this many columns right of the bridge table.
CHART_DATA_OFFSET = 5


def write_bridge_sheet(context: ReportContext) -> Bridge:
    """Write the bridge table, the chart's data and the chart; return the bridge."""
    anchor = context.template.anchors["bridge"]
    sheet, top, left = anchor.sheet, anchor.row, anchor.column
    context.put_template_text(context.anchor_cell("bridge_title"), "title_bridge")
    bridge = revenue_bridge(context.migration.customers, won_back=context.migration.has_won_back)
    labels = bridge_labels(context, bridge)

    for offset, key in enumerate(HEADERS):
        context.put(sheet.cell(top, left + offset), context.text(key), "kop")

    # Start total, one row per step, end total.
    row = top + 1
    context.put(sheet.cell(row, left), labels[0], "totaal")
    context.put(sheet.cell(row, left + 1), None, "totaal")
    context.put_amount(sheet.cell(row, left + 2), bridge.start, "totaal_bedrag")
    context.put_amount(sheet.cell(row, left + 3), bridge.start, "totaal_bedrag")
    for step, label, running in zip(bridge.steps, labels[1:-1], bridge.running_totals()):
        row += 1
        context.put(sheet.cell(row, left), label, "tekst")
        context.put(sheet.cell(row, left + 1), step.customers, "aantal")
        context.put_amount(sheet.cell(row, left + 2), step.change)
        context.put_amount(sheet.cell(row, left + 3), running)
    row += 1
    context.put(sheet.cell(row, left), labels[-1], "totaal")
    context.put(sheet.cell(row, left + 1), None, "totaal")
    context.put_amount(sheet.cell(row, left + 2), bridge.end, "totaal_bedrag")
    context.put_amount(sheet.cell(row, left + 3), bridge.end, "totaal_bedrag")

    # The check: the start plus the steps minus the end, which is 0 by construction.
    row += 2
    difference = bridge.start + sum(step.change for step in bridge.steps) - bridge.end
    context.put(sheet.cell(row, left), context.text("bridge_check"), "tekst")
    context.put_amount(sheet.cell(row, left + 2), difference)
    ok = difference == 0
    context.put(sheet.cell(row, left + 3), context.text("check_ok" if ok else "check_not_ok"), "goed" if ok else "fout")

    _write_chart(context, bridge, labels)
    return bridge


def bridge_labels(context: ReportContext, bridge: Bridge) -> list[str]:
    """Return the labels of the bars: the start total, every step, the end total."""
    steps = [context.text(f"bridge_{step.kind}") for step in bridge.steps]
    return [context.text("bridge_start"), *steps, context.text("bridge_end")]


def _write_chart(context: ReportContext, bridge: Bridge, labels: list[str]) -> None:
    """Write the chart's data beside the table, and the chart at its anchor."""
    anchor = context.template.anchors["bridge"]
    sheet = anchor.sheet
    top, left = anchor.row, anchor.column + CHART_DATA_OFFSET

    context.put(sheet.cell(top - 1, left), context.text("chart_data"), "notitie")
    for offset, key in enumerate(CHART_HEADERS):
        context.put(sheet.cell(top, left + offset), context.text(key), "kop")
    for number, (label, bar) in enumerate(zip(labels, waterfall_bars(bridge)), start=1):
        context.put(sheet.cell(top + number, left), label, "tekst")
        for offset, cents in enumerate((bar.offset, bar.total, bar.increase, bar.decrease), start=1):
            context.put_amount(sheet.cell(top + number, left + offset), cents)

    chart = waterfall_chart(sheet, top, left, len(labels), context.text("title_bridge"))
    chart_anchor = context.template.anchors["bridge_chart"]
    chart_anchor.sheet.add_chart(chart, chart_anchor.sheet.cell(chart_anchor.row, chart_anchor.column).coordinate)
