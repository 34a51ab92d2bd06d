"""Save a report safely: never over an input file, never over a report open in Excel, never half-written."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import python_calamine
from openpyxl.workbook.workbook import Workbook

from klantpiramide.errors import Location, ReportError, SettingsError
from klantpiramide.report.settings_sheet import SETTINGS_SHEET
from klantpiramide.report.streaming import StreamedTable, splice_tables


def excel_lock_file(path: Path) -> Path:
    """Return the '~$' owner file Excel keeps beside a workbook it has open."""
    return path.with_name("~$" + path.name)


def backup_path(report: Path) -> Path:
    """Return where the previous version of a report is kept: 'RAPPORT.vorige.xlsx'."""
    return report.with_name(f"{report.stem}.vorige{report.suffix}")


def is_locked(path: Path) -> bool:
    """Tell whether Excel has ``path`` open: its '~$' owner file exists, or (on Windows) it can't be opened for writing."""
    if excel_lock_file(path).exists():
        return True
    if not path.exists():
        return False
    try:
        with open(path, "r+b"):
            return False
    except PermissionError:
        return True


def check_output(output: Path, inputs: tuple[Path, ...]) -> None:
    """Raise unless ``output`` is a new .xlsx file or an earlier report that is not open in Excel.

    ``inputs`` are the files the report is made from, the template included;
    none of them may be overwritten.
    """
    if output.suffix.lower() != ".xlsx":
        raise SettingsError("output_not_xlsx", Location(file=output.name), suffix=output.suffix or "(geen)")
    target = output.resolve()
    for source in inputs:
        if source.resolve() == target:
            raise SettingsError("same_file_output", path=source.name)
    if is_locked(output):
        raise ReportError("report_locked", Location(file=output.name))
    if output.exists() and not is_report(output):
        raise SettingsError("output_not_report", Location(file=output.name))


def is_report(path: Path) -> bool:
    """Tell whether ``path`` is a workbook written by Klantpiramide: it has the hidden settings sheet."""
    try:
        return SETTINGS_SHEET in python_calamine.CalamineWorkbook.from_path(str(path)).sheet_names
    except (python_calamine.CalamineError, OSError):
        return False


def save_atomically(workbook: Workbook, output: Path, streams: list[StreamedTable] | None = None) -> None:
    """Write to a temporary file beside ``output``, then rename it into place.

    An existing ``output`` is kept as 'RAPPORT.vorige.xlsx', but only once the
    new report is in place; when anything fails, every file stays as it was.
    """
    folder = output.resolve().parent
    if not folder.is_dir():
        raise ReportError("report_write_failed", Location(file=str(output)), detail=str(folder))

    temporary = _temporary_path(folder, output)
    previous = _temporary_path(folder, output) if output.exists() else None
    unspliced = _temporary_path(folder, output) if streams else None
    try:
        if streams:
            workbook.save(unspliced)
            splice_tables(unspliced, temporary, streams)
        else:
            workbook.save(temporary)
        if previous is not None:
            shutil.copy2(output, previous)
        os.replace(temporary, output)
        _allow_reading_by_others(output)
        if previous is not None:
            os.replace(previous, backup_path(output))
    except PermissionError:
        # On Windows a workbook open in Excel cannot be replaced.
        raise ReportError("report_locked", Location(file=output.name)) from None
    except OSError as error:
        raise ReportError("report_write_failed", Location(file=output.name), detail=error.strerror or str(error)) from None
    finally:
        for leftover in (temporary, previous, unspliced):
            if leftover is not None and leftover.exists():
                leftover.unlink()


def _allow_reading_by_others(path: Path) -> None:
    """Give the report the permissions a new file gets (mkstemp makes it private to the owner)."""
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(path, 0o666 & ~mask)


def _temporary_path(folder: Path, output: Path) -> Path:
    handle, name = tempfile.mkstemp(prefix=f".{output.stem}-", suffix=".xlsx.tmp", dir=folder)
    os.close(handle)
    return Path(name)
