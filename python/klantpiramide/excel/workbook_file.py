"""``WorkbookPort`` on an .xlsx file, through openpyxl: the add-in's actions without Excel.

Tests run every ribbon action through this class on real workbook files. It
records what Excel would have shown (messages, status texts, opened workbooks),
and ``save`` writes the workbook back so a test can open the result.

Limitations: ``copy_sheets_from`` copies values, formulas, styles, column
widths, row heights, merged cells, hyperlinks and frozen panes, but not charts,
images, conditional formats or data validation; Excel's own sheet copy keeps
those. Formulas are read as their cached values, as Excel shows them.
"""

from __future__ import annotations

from copy import copy
from pathlib import Path

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet


class FileWorkbook:
    """An .xlsx file standing in for the active workbook in Excel."""

    def __init__(self, path: Path, active_sheet: str | None = None) -> None:
        self._path = Path(path)
        self.book = openpyxl.load_workbook(self._path)
        # Excel shows the results of formulas; openpyxl keeps them in a second, value-only view.
        self._values = openpyxl.load_workbook(self._path, data_only=True)
        if active_sheet is not None:
            self.book.active = self.book.sheetnames.index(active_sheet)
        self.messages: list[tuple[str, str]] = []
        self.statuses: list[str | None] = []
        self.opened: list[Path] = []

    @property
    def name(self) -> str:
        return self._path.name

    @property
    def path(self) -> Path | None:
        return self._path

    def sheet_names(self) -> list[str]:
        return list(self.book.sheetnames)

    def active_sheet(self) -> str:
        return self.book.active.title

    def read_sheet(self, sheet: str) -> list[tuple]:
        source = self._values[sheet] if sheet in self._values.sheetnames else self.book[sheet]
        if source.max_row == 1 and source.max_column == 1 and source["A1"].value is None:
            return []
        return [tuple(row) for row in source.iter_rows(min_row=1, min_col=1, values_only=True)]

    def add_sheet(self, title: str, rows: list[list[object]], number_formats: dict[int, str]) -> None:
        sheet = self.book.create_sheet(title)
        for row in rows:
            sheet.append(list(row))
        for column, number_format in number_formats.items():
            for cells in sheet.iter_rows(min_row=2, min_col=column + 1, max_col=column + 1):
                cells[0].number_format = number_format

    def copy_sheets_from(self, source: Path) -> list[str]:
        report = openpyxl.load_workbook(source)
        names = []
        for original in report.worksheets:
            if original.sheet_state != "visible":
                continue
            _copy_sheet(original, self.book.create_sheet(original.title))
            names.append(original.title)
        return names

    def open_workbook(self, path: Path) -> None:
        self.opened.append(Path(path))

    def show_message(self, text: str, title: str) -> None:
        self.messages.append((title, text))

    def set_status(self, text: str | None) -> None:
        self.statuses.append(text)

    def save(self) -> None:
        """Write the workbook, with any added sheets, back to its file."""
        self.book.save(self._path)


def _copy_sheet(source: Worksheet, target: Worksheet) -> None:
    """Copy cells with their styles, and the sheet's layout, between two workbooks."""
    # Style ids are local to a workbook, so the first cell of each source style gets copies of
    # the style objects. Later cells of that style reuse the ids that the copy made in the target.
    styles: dict[tuple, object] = {}
    for row in source.iter_rows():
        for cell in row:
            if cell.value is None and not cell.has_style:
                continue
            copied = target.cell(row=cell.row, column=cell.column, value=cell.value)
            if cell.has_style:
                key = tuple(cell._style)
                if key in styles:
                    copied._style = copy(styles[key])
                else:
                    copied.font = copy(cell.font)
                    copied.fill = copy(cell.fill)
                    copied.border = copy(cell.border)
                    copied.alignment = copy(cell.alignment)
                    copied.protection = copy(cell.protection)
                    copied.number_format = cell.number_format
                    styles[key] = copy(copied._style)
            if cell.hyperlink is not None:
                copied.hyperlink = copy(cell.hyperlink)

    for key, dimension in source.column_dimensions.items():
        target.column_dimensions[key].width = dimension.width
        target.column_dimensions[key].hidden = dimension.hidden
    for key, dimension in source.row_dimensions.items():
        target.row_dimensions[key].height = dimension.height
    for merged in source.merged_cells.ranges:
        target.merge_cells(str(merged))
    target.freeze_panes = source.freeze_panes
    target.sheet_properties.tabColor = copy(source.sheet_properties.tabColor)
