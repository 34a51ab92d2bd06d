"""The call list: one row per customer to contact, for a CRM, as .xlsx or .csv.

``export_call_list`` analyses a report's inputs again with the settings in its
hidden settings sheet (as refreshing does), so the segments are those of the
current input. Each customer gets the first of its segments in
``segments.CALL_ORDER``. Small customers are left out unless requested,
because they are to be served differently rather than called. The owner is the
Eigenaar the user typed for the customer in the report's customer tables, or
else the owner typed for its segment on the Acties sheet.

A CSV file follows the language. In Dutch, values are separated by ';' with a
decimal comma, as Dutch Excel reads them. In English they are separated by ','
with a decimal point. Both are UTF-8 with a byte order mark, so Excel detects
the encoding.
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from klantpiramide.analysis.segments import CALL_ORDER, SEGMENTS, primary_segment, segment_membership, segment_totals
from klantpiramide.errors import Location, ReportError, SettingsError
from klantpiramide.job import Analysis
from klantpiramide.report.actions_sheet import read_segment_notes
from klantpiramide.report.refresh import analyse_report
from klantpiramide.report.saving import is_locked
from klantpiramide.report.segment_texts import SegmentTexts
from klantpiramide.report.streaming import StreamedTable, splice_tables
from klantpiramide.report.user_notes import note_key, read_notes
from klantpiramide.texts import check_language

SUFFIXES = (".xlsx", ".csv")
AMOUNT_FORMAT = "#,##0.00"
HEADER_FILL = "1F4E78"
# Names a user may give for a segment, in Dutch and English, without spaces, hyphens or underscores.
SEGMENT_NAMES = {
    "stijgers": "risers", "groeiers": "risers", "risers": "risers",
    "keyaccounts": "key_accounts",
    "dalers": "fallers", "fallers": "fallers",
    "verloren": "lost", "lost": "lost",
    "nieuw": "new", "new": "new",
    "teruggewonnen": "won_back", "wonback": "won_back",
    "klein": "small", "kleineklanten": "small", "small": "small",
    "lijkenopgroeiers": "look_alikes", "lookalikes": "look_alikes",
}
_SEPARATORS = re.compile(r"[\s_-]+")


@dataclass(frozen=True)
class CallList:
    """The result of an export: the file, the number of customers, and the customers per segment."""

    path: Path
    customers: int
    per_segment: dict[str, int]


def parse_segments(text: str) -> tuple[str, ...]:
    """Parse 'dalers,verloren' into segment keys in call order; raise SettingsError for an unknown name."""
    keys = []
    for part in text.split(","):
        name = _SEPARATORS.sub("", part.strip().lower())
        if not name:
            continue
        if name not in SEGMENT_NAMES:
            choices = "stijgers, keyaccounts, dalers, verloren, nieuw, teruggewonnen, klein, lijkenopgroeiers"
            raise SettingsError("call_list_segment_invalid", value=part.strip(), choices=choices)
        keys.append(SEGMENT_NAMES[name])
    if not keys:
        raise SettingsError("call_list_segment_invalid", value=text, choices="stijgers, dalers, verloren, ...")
    order = (*CALL_ORDER, "small")
    return tuple(key for key in order if key in keys)


def export_call_list(
    report: Path, output: Path, *, segments: tuple[str, ...] = CALL_ORDER, language: str | None = None
) -> CallList:
    """Write the call list of a report to ``output`` (.xlsx or .csv); return what was written.

    ``segments`` are segment keys (see ``segments.SEGMENTS``) in the order in
    which a customer's segment is chosen. ``language`` defaults to the
    report's language.
    """
    _check_output(report, output)
    analysis = analyse_report(report)
    language = check_language(language or analysis.settings.language)
    frame = call_list_frame(analysis, segments, language, read_notes(report), read_segment_notes(report))

    if output.suffix.lower() == ".csv":
        _save(output, lambda path: _write_csv(frame, path, language))
    else:
        _save(output, lambda path: _write_workbook(frame, path, SegmentTexts(analysis.migration, language).text("call_list_sheet")))
    counts = frame["segment_key"].value_counts()
    per_segment = {segment: int(counts[segment]) for segment in segments if segment in counts.index}
    return CallList(output, len(frame), per_segment)


def call_list_frame(
    analysis: Analysis,
    segments: tuple[str, ...],
    language: str,
    notes: dict | None = None,
    segment_owners: dict[str, tuple[str, str]] | None = None,
) -> pd.DataFrame:
    """Return the rows of the call list: one per customer in ``segments``, by segment, then the largest revenue first.

    The column names are the headers in ``language``. The column segment_key
    (left out of the file) contains each row's segment.
    """
    unknown = [segment for segment in segments if segment not in SEGMENTS]
    if unknown:
        raise ValueError(f"unknown segments: {unknown}")
    migration = analysis.migration
    texts = SegmentTexts(migration, language, analysis.settings.currency)
    customers = migration.customers
    membership = segment_membership(customers, len(migration.categories))
    primary = primary_segment(membership, segments)
    chosen = primary.to_numpy() != ""

    rows = customers[chosen].copy()
    rows["segment_key"] = primary[chosen].to_numpy()
    rows["order"] = rows["segment_key"].map({segment: position for position, segment in enumerate(segments)})
    rows["largest"] = np.maximum(rows["revenue_base"].to_numpy(), rows["revenue_next"].to_numpy())
    rows = rows.sort_values(["order", "largest", "key"], ascending=[True, False, True], kind="stable")

    # The key accounts' advice names their share of the next year's revenue.
    active_next = int(customers.loc[customers["cat_next"] >= 0, "revenue_next"].sum())
    key_revenue = int(segment_totals(customers, membership).loc["key_accounts", "revenue_next"])
    share = key_revenue / active_next if active_next else 0.0
    names = {segment: texts.name(segment) for segment in SEGMENTS}
    advice = {segment: texts.advice(segment, share) for segment in SEGMENTS}

    letters = np.array([*migration.categories, ""], dtype=object)
    owners, actions = _notes_of(rows, notes or {}, segment_owners or {})
    result = {
        texts.text("col_customer"): rows["customer"].to_numpy(),
        texts.text("col_name"): rows["name"].to_numpy(),
        texts.text("col_segment"): rows["segment_key"].map(names).to_numpy(),
        texts.text("col_advice"): rows["segment_key"].map(advice).to_numpy(),
        texts.text("col_also"): _other_segments(membership.loc[rows.index], rows["segment_key"], names),
        texts.text("col_cat_base"): letters[rows["cat_base"].to_numpy()],
        texts.text("col_cat_next"): letters[rows["cat_next"].to_numpy()],
        texts.text("col_rev_base"): rows["revenue_base"].to_numpy() / 100,
        texts.text("col_rev_next"): rows["revenue_next"].to_numpy() / 100,
        texts.text("col_change"): (rows["revenue_next"] - rows["revenue_base"]).to_numpy() / 100,
        texts.text("col_owner"): owners,
        texts.text("col_action"): actions,
    }
    if "group" in rows.columns:
        result[texts.text("col_group")] = rows["group"].to_numpy()
    frame = pd.DataFrame(result)
    frame["segment_key"] = rows["segment_key"].to_numpy()
    return frame.reset_index(drop=True)


def _notes_of(rows: pd.DataFrame, notes: dict, segment_owners: dict[str, tuple[str, str]]) -> tuple[list[str], list[str]]:
    """Return the owner and action of every row: the customer's own, the owner falling back to the segment's."""
    owners, actions = [], []
    for customer, segment in zip(rows["customer"], rows["segment_key"]):
        note = notes.get(note_key(customer))
        owner = note.owner if note is not None else ""
        owners.append(owner or segment_owners.get(segment, ("", ""))[0])
        actions.append(note.action if note is not None else "")
    return owners, actions


def _other_segments(membership: pd.DataFrame, primary: pd.Series, names: dict[str, str]) -> np.ndarray:
    """Return, per row, the names of every other segment the customer is in, joined with ', '."""
    joined = np.full(len(membership), "", dtype=object)
    for segment in SEGMENTS:
        extra = membership[segment].to_numpy() & (primary.to_numpy() != segment)
        separator = np.where(joined[extra] == "", "", ", ")
        joined[extra] = joined[extra] + separator + names[segment]
    return joined


def _check_output(report: Path, output: Path) -> None:
    if output.suffix.lower() not in SUFFIXES:
        raise SettingsError("call_list_suffix", suffix=output.suffix or output.name)
    if output.resolve() == report.resolve():
        raise SettingsError("call_list_same_file", path=report.name)
    if is_locked(output):
        raise ReportError("file_locked", Location(file=output.name))


def _write_csv(frame: pd.DataFrame, path: Path, language: str) -> None:
    separator, decimal = (";", ",") if language == "nl" else (",", ".")
    frame.drop(columns="segment_key").to_csv(path, sep=separator, decimal=decimal, index=False, encoding="utf-8-sig", float_format="%.2f")


def _write_workbook(frame: pd.DataFrame, path: Path, title: str) -> None:
    """Write the list as one sheet with a bold header, amount formats, a frozen header row and a filter.

    openpyxl writes the header and two model rows; the rows themselves are
    streamed into the sheet XML (see ``report/streaming.py``), because an
    openpyxl cell object per value takes minutes for half a million rows.
    """
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title
    columns = [column for column in frame.columns if column != "segment_key"]
    amounts = [frame[column].dtype.kind == "f" for column in columns]
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(2, len(frame) + 1)}"

    for position, (column, amount) in enumerate(zip(columns, amounts), start=1):
        sheet.column_dimensions[get_column_letter(position)].width = 16 if amount else max(12, min(50, len(column) + 4))
        header = sheet.cell(1, position, column)
        header.font = Font(bold=True, color="FFFFFF")
        header.fill = PatternFill("solid", fgColor=HEADER_FILL)
        # The model rows below the header give each column its style; text starting like a formula gets a quote prefix.
        for row in (2, 3):
            model = sheet.cell(row, position)
            model.number_format = AMOUNT_FORMAT if amount else "@"
            model.quotePrefix = row == 3 and not amount

    kinds = ["bedrag" if amount else "tekst" for amount in amounts]
    values = [frame[column].to_numpy() for column in columns]
    package = path.with_name(path.name + ".unspliced")
    try:
        workbook.save(package)
        splice_tables(package, path, [StreamedTable(sheet.title, 1, 1, kinds, values)])
    finally:
        package.unlink(missing_ok=True)


def _save(output: Path, write) -> None:
    """Write through a temporary file beside ``output``, so a failed export leaves no half-written file."""
    folder = output.resolve().parent
    if not folder.is_dir():
        raise ReportError("report_write_failed", Location(file=str(output)), detail=str(folder))
    handle, name = tempfile.mkstemp(prefix=f".{output.stem}-", suffix=output.suffix, dir=folder)
    os.close(handle)
    temporary = Path(name)
    try:
        write(temporary)
        os.replace(temporary, output)
    except PermissionError:
        raise ReportError("file_locked", Location(file=output.name)) from None
    except OSError as error:
        raise ReportError("report_write_failed", Location(file=output.name), detail=error.strerror or str(error)) from None
    finally:
        if temporary.exists():
            temporary.unlink()
