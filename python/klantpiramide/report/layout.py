"""Small layout helpers of the action sheets: links, row heights and numbers in running text."""

from __future__ import annotations

import math
from copy import copy

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from klantpiramide.report.formats import internal_link

# Excel's default row height and column width, in points and characters.
LINE_HEIGHT = 15
DEFAULT_WIDTH = 8.43
# Text characters per unit of column width: the unit is the width of a digit, and most letters are narrower.
CHARACTERS_PER_WIDTH = 1.1


def link_cell(cell: Cell, sheet_title: str) -> None:
    """Make ``cell`` a link to the top of another sheet of the report, underlined as a link."""
    cell.hyperlink = Hyperlink(ref=cell.coordinate, location=internal_link(sheet_title))
    underlined = copy(cell.font)
    underlined.underline = "single"
    cell.font = underlined


def wrap_row(sheet: Worksheet, row: int, first: int, last: int) -> None:
    """Wrap the texts of columns ``first`` to ``last`` of a row at the top of their cells, and make the row tall enough.

    Excel and LibreOffice leave a row at one line when the file gives wrapped
    text but no height, so the height is estimated from the longest text: one
    line per column width of characters (an estimate).
    """
    lines = 1
    for column in range(first, last + 1):
        cell = sheet.cell(row, column)
        current = cell.alignment
        cell.alignment = Alignment(horizontal=current.horizontal, vertical="top", wrap_text=True)
        if isinstance(cell.value, str):
            width = sheet.column_dimensions[cell.column_letter].width or DEFAULT_WIDTH
            lines = max(lines, math.ceil(len(cell.value) / max(1.0, width * CHARACTERS_PER_WIDTH)))
    sheet.row_dimensions[row].height = lines * LINE_HEIGHT


def format_count(count: int, language: str) -> str:
    """Return a whole number with thousands separators: '1.234' in Dutch, '1,234' in English."""
    text = f"{count:,}"
    return text.replace(",", ".") if language == "nl" else text


def format_share(share: float, language: str) -> str:
    """Return a share of 1 as a percentage with one decimal: '62,3%' in Dutch, '62.3%' in English."""
    text = f"{share * 100:.1f}%"
    return text.replace(".", ",") if language == "nl" else text
