"""The narrow interface between the ribbon actions and Excel.

Actions see one workbook (the active one) and the application's message box
and status bar, nothing more. ``xlwings_port.XlwingsWorkbook`` implements it in
Excel; ``workbook_file.FileWorkbook`` implements it on an .xlsx file for tests.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol


class WorkbookPort(Protocol):
    """The active workbook and the Excel application around it."""

    @property
    def name(self) -> str:
        """File name of the workbook, for example 'omzet.xlsx'."""
        ...

    @property
    def path(self) -> Path | None:
        """Full path of the workbook, or None when it was never saved."""
        ...

    def sheet_names(self) -> list[str]:
        """Return the names of all worksheets, in tab order."""
        ...

    def active_sheet(self) -> str:
        """Return the name of the active worksheet."""
        ...

    def read_sheet(self, sheet: str) -> list[tuple]:
        """Return the cell values of ``sheet`` row by row, from A1 to the last used cell.

        Values are what Excel shows: numbers, text, dates or None for empty cells.
        """
        ...

    def add_sheet(self, title: str, rows: list[list[object]], number_formats: dict[int, str]) -> None:
        """Add a worksheet after the last one and fill it from A1.

        ``number_formats`` maps a 0-based column index to an Excel number format
        for every row below the first (header) row.
        """
        ...

    def copy_sheets_from(self, source: Path) -> list[str]:
        """Copy the visible worksheets of the workbook file ``source`` after the last sheet; return their names.

        Hidden sheets, such as a report's settings sheet, stay behind. The
        caller checks beforehand that no name is taken.
        """
        ...

    def open_workbook(self, path: Path) -> None:
        """Open the workbook file ``path`` in Excel, so the user sees it."""
        ...

    def show_message(self, text: str, title: str) -> None:
        """Show ``text`` in a message box and wait until the user closes it."""
        ...

    def set_status(self, text: str | None) -> None:
        """Show ``text`` in the status bar, or give the status bar back to Excel for None."""
        ...
