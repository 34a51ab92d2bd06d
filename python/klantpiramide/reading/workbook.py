"""Read the sheets of an .xlsx or .xlsm workbook with python-calamine.

calamine reads a full sheet of a million rows in seconds, also when the
workbook stores a wrong dimension ('A1' for 500 rows), and it gives the merged
ranges. Two things it does not give are read from the sheet XML directly:

- error cells ('#N/A'), which python-calamine 0.9.1 returns as empty text, so
  they would silently read as empty (dimastbk/python-calamine issue 105);
- numbers formatted with leading zeros ('00000'), which show as '00123' in
  Excel but come out of calamine as 123. They become the text Excel shows.

Limitations: formulas are read as the value Excel last saved; a formula saved
without a value (by some generators) reads as empty. The XML scan expects the
'r' attribute first in each cell, as Excel and openpyxl write it; cells written
otherwise keep calamine's value.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import python_calamine
from openpyxl.utils import column_index_from_string

from klantpiramide.errors import InputError, Location
from klantpiramide.reading.model import CellError, RawSheet

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELATIONSHIP_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_PACKAGE_RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_ERROR_CELL = re.compile(rb'<c r="([A-Z]{1,3})(\d+)"[^>]*?\st="e"[^>]*>(?:<f[^>]*/>|<f[^>]*>[^<]*</f>)?<v>([^<]*)</v>')
_ZERO_PADDED = re.compile(r"0{2,}")
_SCAN_CHUNK = 16 * 1024 * 1024
# Longer than any cell: a formula is at most 8,192 characters, about 41 kB when every one is escaped.
_SCAN_OVERLAP = 64 * 1024


def open_workbook(path: Path) -> list[RawSheet]:
    """Return every worksheet of a workbook with its values, merged ranges and error cells."""
    where = Location(file=path.name)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        raise InputError("file_unreadable", where, detail=type(error).__name__) from None

    with archive:
        _check_package(archive, where)
        parts = _sheet_parts(archive)
        padded = _zero_padded_styles(archive)
        try:
            workbook = python_calamine.CalamineWorkbook.from_path(str(path))
        except (python_calamine.CalamineError, OSError) as error:
            raise InputError("file_unreadable", where, detail=type(error).__name__) from None

        with workbook:
            sheets = []
            for metadata in workbook.sheets_metadata:
                if metadata.typ != python_calamine.SheetTypeEnum.WorkSheet:
                    continue
                try:
                    sheet = workbook.get_sheet_by_name(metadata.name)
                    # Row by row, so the values are never held twice (as lists and as tuples).
                    rows = [tuple(None if value == "" else value for value in row) for row in sheet.iter_rows()]
                    end = sheet.end
                    ranges = sheet.merged_cell_ranges or ()
                except python_calamine.CalamineError as error:
                    raise InputError("file_unreadable", Location(path.name, metadata.name), detail=type(error).__name__) from None
                first_row, first_column = _first_cell(rows, end)
                _mark_cells(rows, first_row, first_column, archive, parts.get(metadata.name), padded)
                merged = tuple((top + 1, left + 1, bottom + 1, right + 1) for (top, left), (bottom, right) in ranges)
                sheets.append(RawSheet(path.name, metadata.name, rows, first_row, first_column, merged))
            return sheets


def _first_cell(rows: list[tuple], end: tuple[int, int] | None) -> tuple[int, int]:
    """Return the sheet row and column (1-based) of ``rows[0][0]``.

    calamine's rows run up to the last used cell (``end``, 0-based). python-calamine
    0.9.1 starts them at row 1 but at the first used column. Counting back from
    the end gives the right start whichever way a version trims.
    """
    if not rows or end is None:
        return 1, 1
    width = max(len(row) for row in rows)
    return end[0] + 2 - len(rows), end[1] + 2 - width


def _check_package(archive: zipfile.ZipFile, where: Location) -> None:
    """Raise for a zip file that is not an .xlsx workbook: .xlsb, .ods, .docx, a plain zip."""
    names = set(archive.namelist())
    if "xl/workbook.xml" in names:
        return
    if "xl/workbook.bin" in names:
        raise InputError("workbook_format_unsupported", where, kind=".xlsb")
    if "content.xml" in names and "mimetype" in names:
        raise InputError("workbook_format_unsupported", where, kind=".ods")
    raise InputError("file_not_spreadsheet", where)


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Return the package part of every sheet, by sheet name."""
    try:
        workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        relations = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ElementTree.ParseError):
        return {}
    targets = {}
    for relation in relations.iter(_PACKAGE_RELATIONSHIPS):
        target = relation.get("Target", "")
        targets[relation.get("Id")] = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
    return {
        sheet.get("name"): targets.get(sheet.get(_RELATIONSHIP_ID), "")
        for sheet in workbook.iter(f"{_MAIN}sheet")
    }


def _zero_padded_styles(archive: zipfile.ZipFile) -> dict[int, int]:
    """Return the cell styles whose number format pads with zeros ('00000'): style index → digits."""
    try:
        styles = ElementTree.fromstring(archive.read("xl/styles.xml"))
    except (KeyError, ElementTree.ParseError):
        return {}
    formats = {
        fmt.get("numFmtId"): len(fmt.get("formatCode", ""))
        for fmt in styles.iter(f"{_MAIN}numFmt")
        if _ZERO_PADDED.fullmatch(fmt.get("formatCode", ""))
    }
    cell_formats = styles.find(f"{_MAIN}cellXfs")
    if not formats or cell_formats is None:
        return {}
    return {index: formats[xf.get("numFmtId")] for index, xf in enumerate(cell_formats) if xf.get("numFmtId") in formats}


def _mark_cells(
    rows: list[tuple], first_row: int, first_column: int, archive: zipfile.ZipFile, part: str | None, padded: dict[int, int]
) -> None:
    """Put the error values and the zero-padded numbers of a sheet into ``rows``, in place."""
    if not part or part not in archive.namelist():
        return
    patterns = [_ERROR_CELL]
    if padded:
        styles = b"|".join(str(index).encode() for index in padded)
        patterns.append(re.compile(rb'<c r="([A-Z]{1,3})(\d+)" s="(' + styles + rb')"[\s/>]'))

    changes: dict[tuple[int, int], object] = {}
    for pattern, match in _scan(archive, part, patterns):
        row, column = _cell_index(match)
        row, column = row - (first_row - 1), column - (first_column - 1)
        if not (0 <= row < len(rows) and 0 <= column < len(rows[row])):
            continue
        if pattern is _ERROR_CELL:
            changes[(row, column)] = _error_value(match)
            continue
        value = rows[row][column]
        if isinstance(value, float) and value.is_integer() and value >= 0:
            changes[(row, column)] = str(int(value)).zfill(padded[int(match.group(3))])

    for (row, column), value in changes.items():
        cells = list(rows[row])
        cells[column] = value
        rows[row] = tuple(cells)


def _scan(archive: zipfile.ZipFile, part: str, patterns: list[re.Pattern]):
    """Yield (pattern, match) for every match in a package part, read in chunks to keep memory low.

    Chunks overlap by ``_SCAN_OVERLAP`` bytes, and a match counts in the chunk
    where it starts, so a cell is found once even when it spans two chunks.
    """
    with archive.open(part) as stream:
        buffer = b""
        while True:
            chunk = stream.read(_SCAN_CHUNK)
            buffer += chunk
            last = not chunk
            limit = len(buffer) if last else max(0, len(buffer) - _SCAN_OVERLAP)
            for pattern in patterns:
                if pattern is _ERROR_CELL and b't="e"' not in buffer:
                    continue
                for match in pattern.finditer(buffer):
                    if match.start() < limit:
                        yield pattern, match
            if last:
                return
            buffer = buffer[limit:]


def _error_value(match: re.Match) -> CellError:
    return CellError(match.group(3).decode("utf-8", "replace"))


def _cell_index(match: re.Match) -> tuple[int, int]:
    return int(match.group(2)) - 1, column_index_from_string(match.group(1).decode()) - 1
