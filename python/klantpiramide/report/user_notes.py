"""The user's own notes in a report (Actie / Opmerking, Eigenaar), carried over to the next version.

Notes are matched on customer number. A customer with different notes in
several places gets them joined, so every place shows the same text after a
refresh. Notes of customers no longer in the report move to the sheet
'Vervallen notities', and come back when the customer does, so no note is lost.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import python_calamine

from klantpiramide.texts import LABELS

NOTE_SEPARATOR = " | "
HEADER_SEARCH_ROWS = 10


@dataclass
class Note:
    """What the user typed for one customer: an action or remark, and an owner."""

    customer: str
    name: str = ""
    action: str = ""
    owner: str = ""
    places: list[str] = field(default_factory=list)
    dropped_on: str = ""

    def merge(self, action: str, owner: str, place: str) -> None:
        """Add text found in another place; texts that differ are joined, equal ones kept once."""
        self.action = _join(self.action, action)
        self.owner = _join(self.owner, owner)
        if place and place not in self.places:
            self.places.append(place)

    @property
    def is_empty(self) -> bool:
        return not self.action and not self.owner


def note_key(customer: object) -> str:
    """Return the matching key of a customer number: digit-only numbers by value ('00123' is '123')."""
    text = str(customer).strip() if customer is not None else ""
    if isinstance(customer, float) and customer.is_integer():
        text = str(int(customer))
    return str(int(text)) if text.isdigit() else text


def read_notes(path: Path) -> dict[str, Note]:
    """Read every note in an existing report, from all customer tables and the dropped-notes sheet."""
    # calamine reads a sheet about ten times faster than openpyxl, which matters for large reports.
    workbook = python_calamine.CalamineWorkbook.from_path(str(path))
    notes: dict[str, Note] = {}
    for title in workbook.sheet_names:
        _read_sheet(title, workbook.get_sheet_by_name(title).iter_rows(), notes)
    return notes


def split_notes(notes: dict[str, Note], current_keys: set[str], today: dt.date) -> tuple[dict[str, Note], list[Note]]:
    """Split notes into those of customers still in the report and those that dropped out."""
    kept = {key: note for key, note in notes.items() if key in current_keys}
    dropped = [note for key, note in notes.items() if key not in current_keys]
    for note in dropped:
        note.dropped_on = note.dropped_on or today.strftime("%d-%m-%Y")
    return kept, sorted(dropped, key=lambda note: note_key(note.customer).zfill(20))


def _read_sheet(title: str, rows, notes: dict[str, Note]) -> None:
    """Collect the notes of one sheet; a sheet without a customer table with a notes column is skipped."""
    header: dict[str, int] | None = None
    for number, row in enumerate(rows, start=1):
        if header is None:
            if number > HEADER_SEARCH_ROWS:
                return
            header = _header_columns(row)
            continue
        customer = _value(row, header["customer"])
        action, owner = _value(row, header["action"]), _value(row, header.get("owner"))
        if not customer or not (action or owner):
            continue
        key = note_key(customer)
        note = notes.setdefault(key, Note(customer=customer))
        if len(customer) > len(note.customer):
            note.customer = customer
        if not note.name and "name" in header:
            note.name = _value(row, header["name"])
        note.merge(action, owner, _value(row, header.get("where")) or title)
        if "dropped" in header and not note.dropped_on:
            note.dropped_on = _value(row, header["dropped"])


def _header_columns(row: tuple) -> dict[str, int] | None:
    """Return the columns of a customer table's header row, in either language; None if it is none."""
    wanted = {
        "customer": "col_customer",
        "name": "col_name",
        "action": "col_action",
        "owner": "col_owner",
        "dropped": "col_refreshed",
        "where": "col_where",
    }
    texts = [str(value).strip() if value is not None else "" for value in row]
    found: dict[str, int] = {}
    for role, key in wanted.items():
        for language in LABELS:
            if LABELS[language][key] in texts:
                found[role] = texts.index(LABELS[language][key])
                break
    if "customer" in found and "action" in found:
        return found
    return None


def _value(row: tuple, column: int | None) -> str:
    if column is None or column >= len(row) or row[column] is None:
        return ""
    value = row[column]
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _join(current: str, addition: str) -> str:
    """Join two note texts, keeping each distinct part once."""
    parts = [part for part in current.split(NOTE_SEPARATOR) if part] if current else []
    for part in addition.split(NOTE_SEPARATOR) if addition else []:
        if part and part not in parts:
            parts.append(part)
    return NOTE_SEPARATOR.join(parts)
