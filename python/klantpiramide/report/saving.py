"""Save a report safely: never over an input file, never over a report open in Excel, never half-written."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from openpyxl.workbook.workbook import Workbook

from klantpiramide.errors import Location, ReportError, SettingsError


def excel_lock_file(path: Path) -> Path:
    """Return the '~$' owner file Excel keeps beside a workbook it has open."""
    return path.with_name("~$" + path.name)


def check_output(output: Path, inputs: tuple[Path, ...]) -> None:
    """Raise when ``output`` is one of the inputs, or is open in Excel."""
    target = output.resolve()
    for source in inputs:
        if source.resolve() == target:
            raise SettingsError("same_file_output", path=source.name)
    if excel_lock_file(output).exists():
        raise ReportError("report_locked", Location(file=output.name))


def save_atomically(workbook: Workbook, output: Path) -> None:
    """Write to a temporary file beside ``output``, then rename it into place."""
    folder = output.resolve().parent
    if not folder.is_dir():
        raise ReportError("report_write_failed", Location(file=str(output)), detail=f"map {folder} bestaat niet")

    handle, temporary = tempfile.mkstemp(prefix=f".{output.stem}-", suffix=".xlsx.tmp", dir=folder)
    os.close(handle)
    try:
        workbook.save(temporary)
        os.replace(temporary, output)
    except PermissionError:
        # On Windows a workbook open in Excel cannot be replaced.
        raise ReportError("report_locked", Location(file=output.name)) from None
    except OSError as error:
        raise ReportError("report_write_failed", Location(file=output.name), detail=error.strerror or str(error)) from None
    finally:
        if os.path.exists(temporary):
            os.remove(temporary)
