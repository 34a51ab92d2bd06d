"""The Controle sheet: the reconciliation per year, what the reader did, and the customers not placed."""

from __future__ import annotations

from klantpiramide.analysis.migration import NOT_PLACED
from klantpiramide.report.context import ReportContext
from klantpiramide.texts import LABELS


def reconciliation(context: ReportContext) -> list[dict[str, int]]:
    """Return, per year, the input total and the placed and unplaced totals in cents.

    A year before the last two is checked against the migration in which it is the base year.
    """
    analysis = context.analysis
    years = [(table, migration.customers, "revenue_base") for table, migration in zip(analysis.earlier, analysis.history)]
    years += [(analysis.base, analysis.migration.customers, "revenue_base"), (analysis.next, analysis.migration.customers, "revenue_next")]
    result = []
    for table, customers, field in years:
        placed = customers["row"] != NOT_PLACED
        placed_total = int(customers.loc[placed, field].sum())
        unplaced_total = int(customers.loc[~placed, field].sum())
        result.append(
            {
                "year": table.year,
                "rows": len(table.frame),
                "active": int((table.frame["revenue"] > 0).sum()),
                "input": table.input_total,
                "placed": placed_total,
                "unplaced": unplaced_total,
                "difference": table.input_total - placed_total - unplaced_total,
            }
        )
    return result


def write_check_sheet(context: ReportContext) -> None:
    anchor = context.template.anchors["check"]
    sheet, top, left = anchor.sheet, anchor.row, anchor.column
    context.put_template_text(context.anchor_cell("check_title"), "title_check")

    row = _write_reconciliation(context, sheet, top, left)
    row = _write_notes(context, sheet, row + 1, left)
    _write_not_placed(context, sheet, row + 1, left)


def _write_reconciliation(context: ReportContext, sheet, top: int, left: int) -> int:
    context.put(sheet.cell(top, left), context.text("check_reconciliation"), "kop2")
    headers = [
        "col_year", "check_rows_read", "check_active", "check_input_total",
        "check_placed_total", "check_unplaced_total", "check_difference",
    ]
    for offset, key in enumerate(headers):
        context.put(sheet.cell(top + 1, left + offset), context.text(key), "kop")

    row = top + 2
    for line in reconciliation(context):
        context.put(sheet.cell(row, left), line["year"], "tekst")
        context.put(sheet.cell(row, left + 1), line["rows"], "aantal")
        context.put(sheet.cell(row, left + 2), line["active"], "aantal")
        for offset, field in enumerate(("input", "placed", "unplaced", "difference"), start=3):
            context.put_amount(sheet.cell(row, left + offset), line[field])
        ok = line["difference"] == 0
        context.put(sheet.cell(row, left + 7), context.text("check_ok" if ok else "check_not_ok"), "goed" if ok else "fout")
        row += 1
    return row + 1


def _write_notes(context: ReportContext, sheet, top: int, left: int) -> int:
    context.put(sheet.cell(top, left), context.text("check_notes"), "kop2")
    notes = [note for table in context.analysis.years for note in table.notes]
    if not notes:
        context.put(sheet.cell(top + 1, left), context.text("check_none"), "notitie")
        return top + 3

    headers = ["col_kind", "source_label", "col_sheet", "col_row", "col_column", "col_message"]
    for offset, key in enumerate(headers):
        context.put(sheet.cell(top + 1, left + offset), context.text(key), "kop")
    row = top + 2
    labels = LABELS[context.language]
    for note in notes:
        context.put(sheet.cell(row, left), labels.get(note.kind, note.kind), "tekst")
        context.put(sheet.cell(row, left + 1), note.file, "tekst")
        context.put(sheet.cell(row, left + 2), note.sheet or "", "tekst")
        context.put(sheet.cell(row, left + 3), note.row, "aantal")
        context.put(sheet.cell(row, left + 4), note.column or "", "tekst")
        context.put(sheet.cell(row, left + 5), note.detail_text(context.language), "tekst")
        row += 1
    return row + 1


def _write_not_placed(context: ReportContext, sheet, top: int, left: int) -> None:
    context.put(sheet.cell(top, left), context.text("check_unplaced"), "kop2")
    missing = context.migration.not_placed
    if missing.empty:
        context.put(sheet.cell(top + 1, left), context.text("check_none"), "notitie")
        return

    headers = ["col_customer", "col_name", "col_rev_base", "col_rev_next"]
    for offset, key in enumerate(headers):
        context.put(sheet.cell(top + 1, left + offset), context.text(key), "kop")
    for row, customer in enumerate(missing.itertuples(index=False), start=top + 2):
        context.put(sheet.cell(row, left), customer.customer, "klantnummer")
        context.put(sheet.cell(row, left + 1), customer.name, "tekst")
        context.put_amount(sheet.cell(row, left + 2), customer.revenue_base)
        context.put_amount(sheet.cell(row, left + 3), customer.revenue_next)
