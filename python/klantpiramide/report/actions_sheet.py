"""The Acties sheet: per segment its customers, their revenue, a link to the list, one line of advice, and the user's owner and next step.

The rules behind the segments are in ``analysis/segments.py`` and are named in
the sheet's 'Wie' column. The owner and next step the user types per segment
are read back from the earlier report when it is rewritten, matched on the
segment's name in either language.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
from openpyxl.cell.cell import Cell
from openpyxl.utils.exceptions import InvalidFileException

from klantpiramide.analysis.groups import group_totals
from klantpiramide.analysis.segments import segment_list, segment_membership, segment_totals
from klantpiramide.report.context import ReportContext
from klantpiramide.report.layout import link_cell, wrap_row
from klantpiramide.report.lists import write_list_sheet
from klantpiramide.report.segment_texts import SegmentTexts
from klantpiramide.report.tables import Column
from klantpiramide.texts import LABELS, label

HEADERS = (
    "col_segment", "col_who", "col_customers", "col_rev_base", "col_rev_next", "col_revenue_share_next",
    "col_advice", "col_owner", "col_next_step",
)
# Rows of the sheet in order; 'won_back' only with three or more years, 'groups' is a table of groups.
ROWS = ("risers", "key_accounts", "fallers", "lost", "new", "won_back", "small", "groups", "look_alikes")
HEADER_SEARCH_ROWS = 20


def write_actions_sheet(context: ReportContext, earlier_report: Path | None = None) -> None:
    """Fill the Acties table; ``earlier_report`` is the report being replaced, whose owners and next steps stay."""
    anchor = context.template.anchors["actions"]
    sheet, top, left = anchor.sheet, anchor.row, anchor.column
    context.put_template_text(context.anchor_cell("actions_title"), "title_actions")
    for offset, key in enumerate(HEADERS):
        context.put(sheet.cell(top, left + offset), context.text(key), "kop")
    wrap_row(sheet, top, left, left + len(HEADERS) - 1)

    customers = context.migration.customers
    size = len(context.migration.categories)
    membership = segment_membership(customers, size)
    totals = segment_totals(customers, membership)
    active_next = int(customers.loc[customers["cat_next"] >= 0, "revenue_next"].sum())
    earlier = read_segment_notes(earlier_report) if earlier_report is not None else {}
    texts = segment_texts(context)

    row = top + 1
    for segment in ROWS:
        if segment == "won_back" and not context.migration.has_won_back:
            continue
        name_cell = sheet.cell(row, left)
        context.put(name_cell, texts.name(segment), "label")
        context.put(sheet.cell(row, left + 1), texts.rule(segment), "tekst")

        if segment == "groups":
            count, revenue_base, revenue_next, list_title = _write_groups(context, texts, name_cell)
        else:
            count, revenue_base, revenue_next = (int(value) for value in totals.loc[segment])
            list_title = None
            if count:
                members = segment_list(customers, membership, segment)
                list_title = write_list_sheet(context, texts.name(segment), members, "back_to_actions", name_cell)

        count_cell = context.put(sheet.cell(row, left + 2), count, "aantal")
        if list_title:
            link_cell(count_cell, list_title)
        context.put_amount(sheet.cell(row, left + 3), revenue_base)
        context.put_amount(sheet.cell(row, left + 4), revenue_next)
        share = revenue_next / active_next if active_next else 0.0
        context.put(sheet.cell(row, left + 5), share, "procent")
        context.put(sheet.cell(row, left + 6), texts.advice(segment, share), "tekst")
        owner, next_step = earlier.get(segment, ("", ""))
        context.put(sheet.cell(row, left + 7), owner, "invulveld")
        context.put(sheet.cell(row, left + 8), next_step, "invulveld")
        wrap_row(sheet, row, left, left + len(HEADERS) - 1)
        row += 1
    sheet.freeze_panes = sheet.cell(top + 1, left + 1)


def group_columns() -> list[Column]:
    """Return the columns of the group list: the group's totals, then its branches per movement."""
    return [
        Column("col_group", "group", "tekst"),
        Column("col_branches", "branches", "aantal"),
        Column("col_active_base", "active_base", "aantal"),
        Column("col_active_next", "active_next", "aantal"),
        Column("col_cat_base", "cat_base_letter", "tekst"),
        Column("col_cat_next", "cat_next_letter", "tekst"),
        Column("col_rev_base", "revenue_base", "bedrag"),
        Column("col_rev_next", "revenue_next", "bedrag"),
        Column("col_change", "change", "bedrag"),
        Column("col_movement", "movement_label", "tekst"),
        *(Column(f"moves_{kind}", f"branches_{kind}", "aantal") for kind in ("up", "down", "same", "new", "lost")),
    ]


def segment_texts(context: ReportContext) -> SegmentTexts:
    """Return the segment texts of a report's migration, language and currency."""
    return SegmentTexts(context.migration, context.language, context.analysis.settings.currency)


def _write_groups(context: ReportContext, texts: SegmentTexts, back_cell: Cell) -> tuple[int, int, int, str | None]:
    """Write the group list when the input has groups; return the count, both revenues and the list's title."""
    migration = context.migration
    groups = group_totals(migration.customers, migration.bounds_base, migration.bounds_next)
    if groups.empty:
        return 0, 0, 0, None

    letters = pd.Series([*migration.categories, ""])
    frame = groups.assign(
        cat_base_letter=letters.iloc[groups["cat_base"].to_numpy()].to_numpy(),
        cat_next_letter=letters.iloc[groups["cat_next"].to_numpy()].to_numpy(),
        change=groups["revenue_next"] - groups["revenue_base"],
        movement_label=groups["movement"].map(context.movement_label),
    )
    title = write_list_sheet(
        context, texts.name("groups"), frame, "back_to_actions", back_cell, group_columns(), "count_groups"
    )
    return len(groups), int(groups["revenue_base"].sum()), int(groups["revenue_next"].sum()), title


def read_segment_notes(path: Path) -> dict[str, tuple[str, str]]:
    """Return the owner and next step per segment typed in an earlier report's Acties sheet; none when unreadable."""
    if not path.is_file():
        return {}
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError):
        return {}
    try:
        names = _segment_names()
        for sheet in workbook.worksheets:
            found = _read_actions_table(sheet, names)
            if found is not None:
                return found
        return {}
    finally:
        workbook.close()


def _segment_names() -> dict[str, str]:
    """Return every segment name in both languages, mapped to its segment."""
    names = {}
    for language in LABELS:
        for segment in ROWS:
            if segment == "small":
                # The letters may have changed with the split, so match the name's fixed start.
                names[label("seg_small", language, letters="").split("(")[0].strip()] = segment
            else:
                names[label(f"seg_{segment}", language)] = segment
    return names


def _read_actions_table(sheet, names: dict[str, str]) -> dict[str, tuple[str, str]] | None:
    header: dict[str, int] | None = None
    found: dict[str, tuple[str, str]] = {}
    for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
        texts = [str(value).strip() if value is not None else "" for value in row]
        if header is None:
            if number > HEADER_SEARCH_ROWS:
                return None
            header = _actions_header(texts)
            continue
        if not any(texts):
            break
        segment = names.get(texts[header["segment"]]) or names.get(texts[header["segment"]].split("(")[0].strip())
        owner, next_step = texts[header["owner"]], texts[header["next_step"]]
        if segment and (owner or next_step):
            found[segment] = (owner, next_step)
    return found if header is not None else None


def _actions_header(texts: list[str]) -> dict[str, int] | None:
    wanted = {"segment": "col_segment", "owner": "col_owner", "next_step": "col_next_step"}
    columns = {}
    for role, key in wanted.items():
        for language in LABELS:
            if LABELS[language][key] in texts:
                columns[role] = texts.index(LABELS[language][key])
                break
    return columns if len(columns) == len(wanted) else None
