"""Collect the reader's notes for the check section, with a cap per kind.

A sheet of a million rows can have a million converted amounts, so each kind
gets at most ``MAX_NOTES_PER_KIND`` notes per year. One 'note_more' note then
gives the count of the rest and their last row.
"""

from __future__ import annotations

from collections import defaultdict

from klantpiramide.reading.model import RawSheet, ReadNote
from klantpiramide.texts import DEFAULT_LANGUAGE, note_detail

MAX_NOTES_PER_KIND = 100


class NoteLog:
    """The notes of one sheet, each for one year or (year None) for the sheet as a whole."""

    def __init__(self, sheet: RawSheet, limit: int = MAX_NOTES_PER_KIND) -> None:
        self.sheet = sheet
        self.limit = limit
        self._notes: list[tuple[int | None, ReadNote]] = []
        self._counts: dict[tuple[str, int | None], int] = defaultdict(int)
        self._overflow: dict[tuple[str, int | None], tuple[int, int | None]] = {}

    def add(
        self, kind: str, row: int | None = None, column: str | None = None, *, year: int | None = None, **params: object
    ) -> None:
        """Add a note about sheet row ``row`` (a sheet row number, not an index into RawSheet.rows)."""
        key = (kind, year)
        self._counts[key] += 1
        if self._counts[key] > self.limit:
            count, last = self._overflow.get(key, (0, None))
            self._overflow[key] = (count + 1, row if last is None or row is None else max(last, row))
            return
        self._notes.append((year, self._make(kind, row, column, params)))

    def keep(self, note: ReadNote, *, year: int | None = None) -> None:
        """Add a note made elsewhere (while opening the file, say) as it is."""
        self._counts[(note.kind, year)] += 1
        self._notes.append((year, note))

    def add_at(self, kind: str, index: int | None, column: str | None = None, *, year: int | None = None, **params: object) -> None:
        """Add a note about ``RawSheet.rows[index]``."""
        row = None if index is None else self.sheet.first_row + index
        self.add(kind, row, column, year=year, **params)

    def room(self, kind: str, year: int | None = None) -> int:
        """Return how many more notes of ``kind`` are kept before the overflow summary takes over."""
        return max(0, self.limit - self._counts[(kind, year)])

    def add_skipped(self, kind: str, rows: list[int], *, year: int | None = None) -> None:
        """Count notes of ``kind`` about sheet ``rows`` in the overflow summary only; for use once room() is 0."""
        if not rows:
            return
        key = (kind, year)
        self._counts[key] += len(rows)
        count, last = self._overflow.get(key, (0, None))
        self._overflow[key] = (count + len(rows), max(rows) if last is None else max(last, *rows))

    def notes(self, year: int | None) -> list[ReadNote]:
        """Return the notes of ``year`` (None: the sheet's own), with the overflow summaries last."""
        selected = [note for note_year, note in self._notes if note_year == year]
        for (kind, note_year), (count, last) in self._overflow.items():
            if note_year == year:
                selected.append(self._make("note_more", None, None, {"kind": kind, "count": count, "last": last or "-"}))
        return selected

    def _make(self, kind: str, row: int | None, column: str | None, params: dict[str, object]) -> ReadNote:
        detail = note_detail(kind, params, DEFAULT_LANGUAGE) if params else ""
        return ReadNote(kind, self.sheet.file, self.sheet.sheet, row, column, detail, tuple(params.items()))
