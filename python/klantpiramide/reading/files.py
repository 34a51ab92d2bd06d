"""Open input files as raw sheets: every sheet of an .xlsx workbook, or one CSV file.

Files are opened read-only and never written, so the user's input stays as it was.

Limitations: .xls (the Excel 97-2003 format) is not read; the message says how
to convert it. Password-protected workbooks cannot be opened.
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import openpyxl
from openpyxl.utils.exceptions import InvalidFileException

from klantpiramide.errors import InputError, Location
from klantpiramide.reading.model import RawSheet

CSV_SUFFIXES = {".csv", ".txt"}
WORKBOOK_SUFFIXES = {".xlsx", ".xlsm"}
CSV_SAMPLE_BYTES = 64 * 1024


def open_workbook_sheets(path: Path) -> list[RawSheet]:
    """Return every sheet of an .xlsx workbook with its cell values."""
    where = Location(file=path.name)
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as error:
        raise InputError("file_unreadable", where, detail=type(error).__name__) from None

    try:
        sheets = []
        for worksheet in workbook.worksheets:
            # Some ERP exports store a wrong dimension ('A1'); recompute it from the cells.
            worksheet.reset_dimensions()
            rows = [tuple(row) for row in worksheet.iter_rows(values_only=True)]
            sheets.append(RawSheet(path.name, worksheet.title, rows))
        return sheets
    finally:
        workbook.close()


def open_csv(path: Path) -> RawSheet:
    """Return a CSV file's values as text, guessing the encoding and the separator."""
    raw = path.read_bytes()
    text = _decode(raw)
    sample = text[:CSV_SAMPLE_BYTES]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=";,\t|")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ";" if sample.count(";") >= sample.count(",") else ","

    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"')
    rows = [tuple(cell if cell.strip() else None for cell in row) for row in reader]
    return RawSheet(path.name, None, rows)


def open_sheets(path: Path) -> list[RawSheet]:
    """Return the raw sheets of one input file; raise InputError for anything else."""
    where = Location(file=path.name)
    if not path.is_file():
        raise InputError("file_not_found", where)

    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise InputError("xls_not_supported", where)
    if suffix in WORKBOOK_SUFFIXES:
        return open_workbook_sheets(path)
    if suffix in CSV_SUFFIXES:
        return [open_csv(path)]
    raise InputError("file_type_unknown", where, suffix=suffix or "(geen)")


def _decode(raw: bytes) -> str:
    """Decode UTF-8 (with or without byte-order mark), else Windows-1252."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")
