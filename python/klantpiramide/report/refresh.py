"""Rebuild a report from the inputs and settings recorded in it, keeping the user's notes."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import openpyxl
from openpyxl.utils.exceptions import InvalidFileException

from klantpiramide.errors import InputError, Location, ReportError
from klantpiramide.job import Analysis, analyse_all
from klantpiramide.progress import Progress, no_progress
from klantpiramide.report import write_report
from klantpiramide.report.saving import is_locked
from klantpiramide.report.settings_sheet import read_settings_sheet


def refresh_report(report: Path, today: dt.date | None = None, progress: Progress = no_progress) -> Analysis:
    """Read the report's settings sheet, analyse its inputs again and rewrite the report in place."""
    where = Location(file=report.name)
    if not report.is_file():
        raise InputError("file_not_found", where)
    if is_locked(report):
        raise ReportError("report_locked", where)

    analysis = analyse_report(report, progress)
    write_report(analysis, report, today, progress)
    return analysis


def analyse_report(report: Path, progress: Progress = no_progress) -> Analysis:
    """Analyse the inputs of a report again, with the settings recorded in its hidden settings sheet."""
    where = Location(file=report.name)
    if not report.is_file():
        raise InputError("file_not_found", where)
    try:
        workbook = openpyxl.load_workbook(report, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError):
        raise ReportError("report_without_settings", where) from None
    try:
        settings, inputs = read_settings_sheet(workbook, report)
    finally:
        workbook.close()
    if not inputs:
        raise ReportError("report_no_inputs", where)
    return analyse_all(inputs, settings, progress)
