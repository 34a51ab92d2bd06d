"""``WorkbookPort`` in a running Excel, through xlwings: the only module that drives Excel.

Everything here needs Excel, so no test on Linux runs it; the actions behind it
are tested through ``workbook_file.FileWorkbook``. Keep this module small.

Limitations: the sheet copy and ``App.alert`` behave as in xlwings 0.37.8 on
Excel for Windows and Excel 2016 or later for Mac.
"""

from __future__ import annotations

import os
from pathlib import Path

import xlwings as xw


class XlwingsWorkbook:
    """The workbook that was active when the ribbon button was clicked."""

    def __init__(self, book: xw.Book) -> None:
        self.book = book

    @classmethod
    def caller(cls) -> XlwingsWorkbook:
        """Return the workbook that RunPython passed to Python (the active workbook for an add-in)."""
        return cls(xw.Book.caller())

    @property
    def name(self) -> str:
        return self.book.name

    @property
    def path(self) -> Path | None:
        # A workbook that was never saved has a bare name such as 'Map1' as its full name.
        full_name = self.book.fullname
        return Path(full_name) if os.path.isabs(full_name) else None

    def sheet_names(self) -> list[str]:
        return [sheet.name for sheet in self.book.sheets]

    def active_sheet(self) -> str:
        return self.book.sheets.active.name

    def read_sheet(self, sheet: str) -> list[tuple]:
        worksheet = self.book.sheets[sheet]
        last = worksheet.used_range.last_cell
        # Read from A1, not from the used range's corner, so row numbers and column letters stay as the user sees them.
        values = worksheet.range((1, 1), (last.row, last.column)).options(ndim=2).value
        return [tuple(row) for row in values]

    def add_sheet(self, title: str, rows: list[list[object]], number_formats: dict[int, str]) -> None:
        worksheet = self.book.sheets.add(title, after=self.book.sheets[-1])
        if not rows:
            return
        width = max(len(row) for row in rows)
        worksheet.range("A1").value = [list(row) + [None] * (width - len(row)) for row in rows]
        for column, number_format in number_formats.items():
            if len(rows) > 1:
                worksheet.range((2, column + 1), (len(rows), column + 1)).number_format = number_format
        worksheet.autofit("columns")

    def copy_sheets_from(self, source: Path) -> list[str]:
        report = self.book.app.books.open(str(source))
        try:
            names = []
            for sheet in report.sheets:
                if not sheet.visible:
                    continue
                sheet.copy(after=self.book.sheets[-1])
                names.append(sheet.name)
            return names
        finally:
            report.close()

    def open_workbook(self, path: Path) -> None:
        self.book.app.books.open(str(path))

    def show_message(self, text: str, title: str) -> None:
        self.book.app.alert(text, title)

    def set_status(self, text: str | None) -> None:
        # Excel takes False as 'show your own status texts again'.
        # NOTE: that is Excel for Windows' StatusBar rule; whether Excel for Mac clears it the same way is untested.
        self.book.app.status_bar = text if text is not None else False
