"""The user's own notes in a report (Actie / Opmerking, Eigenaar), carried over to the next version.

Notes are matched on customer number. Every report also keeps the note it
wrote for each customer on the hidden sheet ``kp_notities``. So a refresh can
tell what the user changed since: a place whose text differs from the written
note is an edit, and an emptied place is a deletion. Edits win over the
written note; different edits in several places are joined, so every place
shows the same text after the refresh. Without a written note (a first note,
or a report made before this sheet existed) every text found is joined.
Notes of customers no longer in the report move to the sheet
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
WRITTEN_NOTES_SHEET = "kp_notities"
WRITTEN_COLUMNS = ("key", "customer", "name", "action", "owner", "dropped_on", "places")
FIELDS = ("action", "owner")


@dataclass
class Note:
    """A user's note on one customer: an action or remark, and an owner."""

    customer: str
    name: str = ""
    action: str = ""
    owner: str = ""
    places: list[str] = field(default_factory=list)
    dropped_on: str = ""

    @property
    def is_empty(self) -> bool:
        return not self.action and not self.owner


@dataclass
class _Found:
    """Every text found for one customer, one entry per place, empty places included."""

    customer: str
    name: str = ""
    dropped_on: str = ""
    texts: dict[str, list[str]] = field(default_factory=lambda: {name: [] for name in FIELDS})
    places: list[str] = field(default_factory=list)


def note_key(customer: object) -> str:
    """Return the matching key of a customer number: digit-only numbers by value ('00123' is '123')."""
    text = str(customer).strip() if customer is not None else ""
    if isinstance(customer, float) and customer.is_integer():
        text = str(int(customer))
    return str(int(text)) if text.isdigit() else text


def read_notes(path: Path) -> dict[str, Note]:
    """Read the notes of an existing report, with the user's edits since it was written."""
    # calamine reads a sheet about ten times faster than openpyxl, which matters for large reports.
    workbook = python_calamine.CalamineWorkbook.from_path(str(path))
    written = {}
    if WRITTEN_NOTES_SHEET in workbook.sheet_names:
        written = _read_written(workbook.get_sheet_by_name(WRITTEN_NOTES_SHEET).iter_rows())

    found: dict[str, _Found] = {}
    for title in workbook.sheet_names:
        if title != WRITTEN_NOTES_SHEET:
            _read_sheet(title, workbook.get_sheet_by_name(title).iter_rows(), found, written)
    return _resolve(found, written)


def written_rows(notes: list[Note]) -> list[tuple[str, ...]]:
    """Return the rows of the hidden sheet that records the notes a report wrote."""
    return [
        (note_key(note.customer), note.customer, note.name, note.action, note.owner, note.dropped_on, ", ".join(note.places))
        for note in notes
    ]


def split_notes(notes: dict[str, Note], current_keys: set[str], today: dt.date) -> tuple[dict[str, Note], list[Note]]:
    """Split notes into those of customers still in the report and those that dropped out."""
    kept = {key: note for key, note in notes.items() if key in current_keys}
    dropped = [note for key, note in notes.items() if key not in current_keys]
    for note in dropped:
        note.dropped_on = note.dropped_on or today.strftime("%d-%m-%Y")
    return kept, sorted(dropped, key=lambda note: note_key(note.customer).zfill(20))


def _read_written(rows) -> dict[str, Note]:
    written = {}
    for row in rows:
        values = dict(zip(WRITTEN_COLUMNS, (_value(row, column) for column in range(len(WRITTEN_COLUMNS)))))
        if values["key"] == "key" or not values["key"]:
            continue
        places = [place for place in values["places"].split(", ") if place]
        written[values["key"]] = Note(values["customer"], values["name"], values["action"], values["owner"], places, values["dropped_on"])
    return written


def _read_sheet(title: str, rows, found: dict[str, _Found], written: dict[str, Note]) -> None:
    """Collect the note texts of one sheet; a sheet without a customer table with a notes column is skipped."""
    header: dict[str, int] | None = None
    for number, row in enumerate(rows, start=1):
        if header is None:
            if number > HEADER_SEARCH_ROWS:
                return
            header = _header_columns(row)
            continue
        customer = _value(row, header["customer"])
        if not customer:
            continue
        texts = {"action": _value(row, header["action"]), "owner": _value(row, header.get("owner"))}
        key = note_key(customer)
        # An empty place matters only where a note was written: it may be a deletion.
        if not any(texts.values()) and key not in written:
            continue

        entry = found.setdefault(key, _Found(customer=customer))
        if len(customer) > len(entry.customer):
            entry.customer = customer
        if not entry.name and "name" in header:
            entry.name = _value(row, header["name"])
        if "dropped" in header and not entry.dropped_on:
            entry.dropped_on = _value(row, header["dropped"])
        for name in FIELDS:
            entry.texts[name].append(texts[name])
        place = _value(row, header.get("where")) or title
        if any(texts.values()) and place not in entry.places:
            entry.places.append(place)


def _resolve(found: dict[str, _Found], written: dict[str, Note]) -> dict[str, Note]:
    """Decide each customer's note from the written note and the texts found in every place."""
    notes = {}
    for key in {*found, *written}:
        entry, previous = found.get(key), written.get(key)
        if entry is None:
            # No place shows the customer any more (a deleted row or sheet): keep the written note.
            notes[key] = previous
            continue

        note = Note(customer=entry.customer, name=entry.name or (previous.name if previous else ""))
        note.dropped_on = entry.dropped_on or (previous.dropped_on if previous else "")
        note.places = entry.places or (previous.places if previous else [])
        for name in FIELDS:
            setattr(note, name, _decide(entry.texts[name], getattr(previous, name) if previous else None))
        if not note.is_empty:
            notes[key] = note
    return notes


def _decide(texts: list[str], written: str | None) -> str:
    """Return a field's new text: the user's edits joined, else the written text."""
    if written is None:
        return _join_all(texts)
    edits = [text for text in texts if text != written]
    if not edits:
        return written
    return _join_all(edits)


def _header_columns(row: tuple) -> dict[str, int] | None:
    """Return the columns of a customer table's header row, in either language, or None for another row."""
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


def _join_all(texts: list[str]) -> str:
    """Join note texts, keeping each distinct part once, in the order found; empty texts add nothing."""
    parts: list[str] = []
    for text in texts:
        for part in text.split(NOTE_SEPARATOR):
            if part and part not in parts:
                parts.append(part)
    return NOTE_SEPARATOR.join(parts)
