"""Read CSV and other text files with columns into a raw sheet.

Encoding: UTF-8 with or without a byte-order mark, UTF-16 with a byte-order
mark (Excel's 'Unicode text'), else Windows-1252, where byte 0x80 is '€'.

Separator: ';', tab, ',' or '|', whichever splits the most of the first
lines into the same number of fields (ties in that order), honouring quotes.
When none splits them, runs of spaces separate the columns, as in fixed-width
exports. Excel's 'sep=;' first line is obeyed.

A row with more values than the first row with data means a separator inside an
unquoted value, such as the comma of '1234,56' in a comma-separated file. That
is an error, because the columns would shift silently.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections import Counter

from klantpiramide.errors import InputError, Location
from klantpiramide.reading.model import RawSheet, ReadNote
from klantpiramide.texts import DEFAULT_LANGUAGE, note_detail

SNIFF_LINES = 200
SNIFF_CHARACTERS = 256 * 1024
DELIMITERS = (";", "\t", ",", "|")
_DELIMITER_NAMES = {";": ";", "\t": "tab", ",": ",", "|": "|"}
_SEP_LINE = re.compile(r"sep=(.)\s*")


def open_text(file: str, raw: bytes) -> RawSheet:
    """Return the rows of a text file with columns; raise InputError if it is no table."""
    text, encoding = decode(raw)
    lines = text[:SNIFF_CHARACTERS].splitlines()[:SNIFF_LINES]
    first_row = 1
    delimiter: str | None
    sep_line = _SEP_LINE.fullmatch(lines[0]) if lines else None
    if sep_line:
        delimiter, first_row = sep_line.group(1), 2
        text = text.split("\n", 1)[1] if "\n" in text else ""
    else:
        delimiter = sniff_delimiter(lines)

    if delimiter is None:
        rows = [tuple(line.split()) for line in text.splitlines()]
        note = _note(file, "note_text_file_spaces", encoding=encoding)
    else:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"')
        rows = [tuple(cell or None for cell in row) for row in reader]
        note = _note(file, "note_text_file", encoding=encoding, delimiter=_DELIMITER_NAMES.get(delimiter, delimiter))

    _check_field_counts(file, rows, first_row, delimiter)
    return RawSheet(file, None, rows, first_row=first_row, notes=[note])


def decode(raw: bytes) -> tuple[str, str]:
    """Return the text of a file and the name of its encoding."""
    if raw.startswith(codecs.BOM_UTF8):
        return raw[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "UTF-8 (BOM)"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16"), "UTF-16"
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        # Five bytes are undefined in Windows-1252; Latin-1 reads every byte.
        return raw.decode("latin-1"), "ISO-8859-1"


def sniff_delimiter(lines: list[str]) -> str | None:
    """Return the separator of most lines, or None when the columns are separated by spaces."""
    lines = [line for line in lines if line.strip()]
    best: tuple[int, str] | None = None
    for delimiter in DELIMITERS:
        counts = Counter(len(fields) for fields in csv.reader(lines, delimiter=delimiter, quotechar='"'))
        width, lines_of_width = max(counts.items(), key=lambda item: (item[1], item[0]), default=(0, 0))
        if width > 1 and (best is None or lines_of_width > best[0]):
            best = (lines_of_width, delimiter)
    if best is not None:
        return best[1]

    counts = Counter(len(line.split()) for line in lines)
    width = max(counts.items(), key=lambda item: (item[1], item[0]), default=(0, 0))[0]
    return None if width > 1 else ";"


def _check_field_counts(file: str, rows: list[tuple], first_row: int, delimiter: str | None) -> None:
    """Raise when a row has more values than the first row with two or more values."""
    reference = None
    for index, row in enumerate(rows):
        if reference is None:
            if sum(1 for cell in row if cell) >= 2:
                reference, reference_index = _used_width(row), index
            continue
        if len(row) > reference and _used_width(row) > reference:
            where = Location(file=file, row=first_row + index)
            raise InputError(
                "csv_field_count",
                where,
                found=_used_width(row),
                expected=reference,
                reference_row=first_row + reference_index,
                delimiter=_DELIMITER_NAMES.get(delimiter, delimiter) if delimiter else " ",
            )


def _used_width(row: tuple) -> int:
    width = len(row)
    while width and not row[width - 1]:
        width -= 1
    return width


def _note(file: str, kind: str, **params: object) -> ReadNote:
    return ReadNote(kind, file, None, None, None, note_detail(kind, params, DEFAULT_LANGUAGE), tuple(params.items()))
