"""Open input files as raw sheets: every sheet of a workbook, or one text file.

The content decides how a file is read, not its name: exports called '.xls'
are often really text or HTML, and a renamed workbook is still a workbook.

- A zip package is read as an .xlsx/.xlsm workbook.
- An OLE compound file is either an encrypted (password-protected) .xlsx or an
  old .xls workbook. Both are rejected with a message on what to do.
- HTML and XML exports are rejected with a message on how to convert them.
- Other text is read as CSV or as columns separated by spaces.

Files are opened read-only and never written, so the user's input stays as it was.

Limitations: .xls (the Excel 97-2003 format), .xlsb and .ods are not read.
"""

from __future__ import annotations

from pathlib import Path

from klantpiramide.errors import InputError, Location
from klantpiramide.reading.collector import collector_paused
from klantpiramide.reading.delimited import decode, open_text
from klantpiramide.reading.model import RawSheet
from klantpiramide.reading.workbook import open_workbook

ZIP_SIGNATURE = b"PK\x03\x04"
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# An encrypted .xlsx is an OLE file holding these streams; the directory stores names in UTF-16LE.
ENCRYPTED_STREAMS = ("EncryptionInfo".encode("utf-16-le"), "EncryptedPackage".encode("utf-16-le"))
BINARY_SIGNATURES = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x1f\x8b")
SNIFF_BYTES = 4096


def open_sheets(path: Path) -> list[RawSheet]:
    """Return the raw sheets of one input file; raise InputError for anything else."""
    with collector_paused():
        return _open_sheets(path)


def _open_sheets(path: Path) -> list[RawSheet]:
    where = Location(file=path.name)
    if path.is_dir():
        raise InputError("input_is_folder", where, file=path.name)
    if not path.is_file():
        raise InputError("file_not_found", where)
    try:
        with path.open("rb") as stream:
            head = stream.read(SNIFF_BYTES)
    except OSError as error:
        raise InputError("file_unreadable", where, detail=type(error).__name__) from None

    if not head:
        raise InputError("file_empty", where)
    if head.startswith(ZIP_SIGNATURE):
        return open_workbook(path)
    if head.startswith(OLE_SIGNATURE):
        raw = path.read_bytes()
        if all(stream in raw for stream in ENCRYPTED_STREAMS):
            raise InputError("workbook_encrypted", where)
        raise InputError("xls_not_supported", where)
    if head.startswith(BINARY_SIGNATURES):
        raise InputError("file_not_spreadsheet", where)

    sample, _ = decode(head)
    if "\x00" in sample:
        raise InputError("file_not_spreadsheet", where)
    start = sample.lstrip().lower()
    if start.startswith(("<!doctype html", "<html", "<?xml", "<table")):
        raise InputError("file_markup", where)
    return [open_text(path.name, path.read_bytes())]
