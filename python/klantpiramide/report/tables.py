"""Write customer tables (the Klanten sheet and the detail sheets), spilling onto more sheets when full."""

from __future__ import annotations

from copy import copy
from dataclasses import dataclass

import numpy as np
import pandas as pd
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from klantpiramide.report.context import ReportContext
from klantpiramide.report.formats import euros, write_text
from klantpiramide.report.streaming import TEXT_KINDS, StreamedTable
from klantpiramide.report.user_notes import note_key

EXCEL_MAX_ROWS = 1_048_576


@dataclass(frozen=True)
class Column:
    """One table column: the header label key, the field of the customer frame, and the style kind."""

    header: str
    field: str
    kind: str


def customer_columns(with_movement: bool) -> list[Column]:
    """Return the columns of a customer table; the Klanten sheet adds the movement."""
    columns = [
        Column("col_customer", "customer", "klantnummer"),
        Column("col_name", "name", "tekst"),
        Column("col_cat_base", "cat_base_letter", "tekst"),
        Column("col_cat_next", "cat_next_letter", "tekst"),
        Column("col_rev_base", "revenue_base", "bedrag"),
        Column("col_rev_next", "revenue_next", "bedrag"),
        Column("col_change", "change", "bedrag"),
        Column("col_change_pct", "change_pct", "procent"),
    ]
    if with_movement:
        columns.append(Column("col_movement", "movement_label", "tekst"))
    # The user's own columns, kept across refreshes.
    columns.append(Column("col_action", "action", "invulveld"))
    columns.append(Column("col_owner", "owner", "invulveld"))
    return columns


def table_frame(context: ReportContext, customers: pd.DataFrame) -> pd.DataFrame:
    """Add the derived columns a customer table shows: letters, change, change %, movement label."""
    letters = np.array([*context.migration.categories, ""], dtype=object)
    frame = customers.copy()
    frame["cat_base_letter"] = letters[frame["cat_base"].to_numpy()]
    frame["cat_next_letter"] = letters[frame["cat_next"].to_numpy()]
    frame["change"] = frame["revenue_next"] - frame["revenue_base"]

    # Change in % only where the base year had revenue; empty for new customers.
    base = frame["revenue_base"].to_numpy()
    with np.errstate(divide="ignore", invalid="ignore"):
        percent = np.where(base > 0, frame["change"].to_numpy() / np.where(base > 0, base, 1), np.nan)
    frame["change_pct"] = percent
    labels = {kind: context.movement_label(kind) for kind in frame["movement"].unique()}
    frame["movement_label"] = frame["movement"].map(labels)

    frame["action"] = ""
    frame["owner"] = ""
    if context.notes:
        notes = [context.notes.get(note_key(customer)) for customer in frame["customer"]]
        frame["action"] = [note.action if note else "" for note in notes]
        frame["owner"] = [note.owner if note else "" for note in notes]
    return frame


def write_customer_table(
    context: ReportContext, first_sheet: Worksheet, top: int, left: int, columns: list[Column], frame: pd.DataFrame
) -> list[Worksheet]:
    """Write ``frame`` as a table with a header at (top, left); continue on copies of the sheet when full.

    Returns every sheet used, the first one included. Each has a frozen header
    and an autofilter.
    """
    capacity = EXCEL_MAX_ROWS - top
    sheets = [first_sheet]
    for start in range(capacity, len(frame), capacity):
        sheets.append(_continuation_sheet(context, first_sheet, len(sheets) + 1))

    for number, sheet in enumerate(sheets):
        chunk = frame.iloc[number * capacity : (number + 1) * capacity]
        _write_rows(context, sheet, top, left, columns, chunk)
    return sheets


def _continuation_sheet(context: ReportContext, first: Worksheet, number: int) -> Worksheet:
    return context.template.copy_sheet(first, f"{first.title[:27]} {number}")


def _write_rows(context: ReportContext, sheet: Worksheet, top: int, left: int, columns: list[Column], chunk: pd.DataFrame) -> None:
    # Header row, styled by the template.
    for offset, column in enumerate(columns):
        context.put(sheet.cell(top, left + offset), context.text(column.header), "kop")

    # One style object per column, copied to every cell of that column.
    prototypes = []
    for offset, column in enumerate(columns):
        prototype = sheet.cell(top + 1, left + offset)
        if column.kind == "bedrag":
            context.put_amount(prototype, 0)
        else:
            context.template.style(prototype, column.kind)
        prototypes.append(prototype._style)
        prototype.value = None

    last_column = get_column_letter(left + len(columns) - 1)
    sheet.auto_filter.ref = f"{get_column_letter(left)}{top}:{last_column}{max(top + 1, top + len(chunk))}"
    sheet.freeze_panes = sheet.cell(top + 1, left)

    values = [chunk[column.field].to_numpy() for column in columns]
    if context.stream:
        _register_stream(context, sheet, top, left, columns, values)
        return
    _write_cells(sheet, top, left, columns, values, prototypes)


def _register_stream(context: ReportContext, sheet: Worksheet, top: int, left: int, columns: list[Column], values: list) -> None:
    """Leave the rows to the streaming writer; add the model row of quoted text styles below the style row."""
    for offset, column in enumerate(columns):
        quoted = sheet.cell(top + 2, left + offset)
        quoted._style = copy(sheet.cell(top + 1, left + offset)._style)
        if column.kind in TEXT_KINDS:
            quoted.quotePrefix = True

    # Amounts go out as currency units, as the openpyxl path writes them.
    converted = [value / 100 if column.kind == "bedrag" else value for column, value in zip(columns, values)]
    context.streams.append(StreamedTable(sheet.title, top, left, [column.kind for column in columns], converted))


def _write_cells(sheet: Worksheet, top: int, left: int, columns: list[Column], values: list, prototypes: list) -> None:
    amounts = [column.kind == "bedrag" for column in columns]
    for position in range(len(values[0]) if values else 0):
        row = top + 1 + position
        for offset, column_values in enumerate(values):
            cell = sheet.cell(row, left + offset)
            cell._style = copy(prototypes[offset])
            value = column_values[position]
            if amounts[offset]:
                cell.value = euros(value)
            elif isinstance(value, str):
                if value:
                    write_text(cell, value)
            elif isinstance(value, float) and np.isnan(value):
                continue
            else:
                cell.value = float(value)
