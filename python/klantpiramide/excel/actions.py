"""The actions of the ribbon buttons Migratierapport, Vernieuwen and Piramide.

Each action takes an ``ActionContext`` (the workbook, the user's config file
and the selected sheets) and returns the message to show. The report is made
by the same functions as the command line's: the sheet values Excel shows
become ``RawSheet`` objects, and ``read_year_table``, ``analyse_tables`` and
``write_report`` do the rest.

By default a report is a new workbook, saved beside the source workbook (or
in the folder set with Instellingen) and then opened. The other choice adds the
report's sheets to the active workbook. Adding never changes or replaces an
existing sheet: when a report sheet's name is taken, nothing is added and the
message names the sheet.
"""

from __future__ import annotations

import datetime as dt
import logging
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl

from klantpiramide.analysis import bounds_from_euros, parse_split, pyramid_bounds
from klantpiramide.errors import InputError, Location
from klantpiramide.excel.cells import pyramid_rows
from klantpiramide.excel.config import AddinSettings, ConfigFile, LastReport, load_settings
from klantpiramide.excel.port import WorkbookPort
from klantpiramide.job import Analysis, analyse_tables
from klantpiramide.progress import Progress
from klantpiramide.reading import RawSheet, read_year_table
from klantpiramide.reading.files import open_sheets
from klantpiramide.reading.years import year_in_name
from klantpiramide.texts import label, message_text

logger = logging.getLogger("klantpiramide")

AMOUNT_FORMAT = "#,##0.00"
SHARE_FORMAT = "0.0%"


@dataclass
class ActionContext:
    """Everything an action works on; ``today`` fixes the report date in tests."""

    port: WorkbookPort
    config: ConfigFile
    selected_sheets: list[str] = field(default_factory=list)
    today: dt.date | None = None

    def settings(self) -> AddinSettings:
        return load_settings(self.config)


@dataclass(frozen=True)
class YearSheets:
    """The two sheets of a report, earliest year first, and whether they were guessed."""

    base: tuple[int, str]
    next: tuple[int, str]
    guessed: bool = False

    @property
    def names(self) -> tuple[str, str]:
        return self.base[1], self.next[1]


def choose_year_sheets(selected: list[str], sheet_names: list[str]) -> YearSheets:
    """Return the two year sheets: the two selected ones, or a guess when it is unambiguous.

    With no or one sheet selected, the guess is the workbook's two sheets named
    after a year, when there are exactly two and their years differ. Anything
    else raises InputError, and its message explains what to select.
    """
    if len(selected) == 2:
        chosen = []
        for name in selected:
            year = year_in_name(name)
            if year is None:
                raise InputError("addin_sheet_year_missing", Location(sheet=name), sheet=name)
            chosen.append((year, name))
        if chosen[0][0] == chosen[1][0]:
            raise InputError("year_twice", year=chosen[0][0])
        base, next_ = sorted(chosen)
        return YearSheets(base, next_)

    if len(selected) <= 1:
        named = [(year_in_name(name), name) for name in sheet_names]
        with_year = [(year, name) for year, name in named if year is not None]
        if len(with_year) == 2 and with_year[0][0] != with_year[1][0]:
            base, next_ = sorted(with_year)
            return YearSheets(base, next_, guessed=True)

    quoted = ", ".join(f"'{name}'" for name in selected)
    raise InputError("addin_select_two", count=len(selected), selected=quoted or "-")


def read_years(sheets: YearSheets, file_name: str, read_rows, settings: AddinSettings):
    """Read both year sheets with the command line's reader; ``read_rows(sheet)`` gives a sheet's values."""
    columns = settings.job_settings().columns
    tables = []
    for year, sheet in (sheets.base, sheets.next):
        raw = RawSheet(file_name, sheet, read_rows(sheet))
        tables.append(read_year_table(raw, year, columns))
    return tables[0], tables[1]


def analyse_workbook(port: WorkbookPort, sheets: YearSheets, settings: AddinSettings) -> Analysis:
    """Build the migration of two sheets of the active workbook, with Excel's current cell values."""
    base, next_ = read_years(sheets, port.name, port.read_sheet, settings)
    inputs = (port.path,) if port.path is not None else ()
    return analyse_tables(base, next_, settings.job_settings(), inputs)


def make_migration_report(context: ActionContext) -> str:
    """Migratierapport: the report of the two selected year sheets."""
    settings = context.settings()
    settings.validate()
    sheets = choose_year_sheets(context.selected_sheets, context.port.sheet_names())
    guess = ""
    if sheets.guessed:
        guess = message_text("addin_guess_used", settings.language, base=sheets.names[0], next=sheets.names[1])
        context.port.set_status(guess)

    analysis = analyse_workbook(context.port, sheets, settings)
    message, output = deliver_report(context, analysis, settings)
    LastReport(_workbook_id(context.port), sheets.names, settings, str(output or "")).save(context.config)
    logger.info("migration report of %s (%s, %s) made: %s", context.port.name, *sheets.names, output or "sheets added")
    return f"{guess}\n\n{message}" if guess else message


def _workbook_id(port: WorkbookPort) -> str:
    """Return how the last-report record names a workbook: its full path, or its name while unsaved."""
    return str(port.path) if port.path is not None else port.name


def refresh_report(context: ActionContext) -> str:
    """Vernieuwen: make the last report again, with the settings it was made with."""
    last = LastReport.load(context.config)
    if last is None:
        raise InputError("addin_no_last_report")
    settings = last.settings
    sheets = choose_year_sheets(list(last.sheets), list(last.sheets))
    port = context.port
    if _workbook_id(port) == last.workbook:
        analysis = analyse_workbook(port, sheets, settings)
    elif settings.report_target == "active":
        raise InputError("addin_refresh_other_workbook", workbook=last.workbook)
    else:
        analysis = _analyse_file(Path(last.workbook), sheets, settings)

    message, _ = deliver_report(context, analysis, settings, output=Path(last.output) if last.output else None)
    logger.info("report of %s refreshed", last.workbook)
    return message


def _analyse_file(path: Path, sheets: YearSheets, settings: AddinSettings) -> Analysis:
    """Build the migration from the saved workbook file, when it is not the active workbook."""
    if not path.is_file():
        raise InputError("addin_last_workbook_missing", Location(file=str(path)))
    by_name = {sheet.sheet: sheet for sheet in open_sheets(path)}
    for name in sheets.names:
        if name not in by_name:
            raise InputError("addin_sheet_missing", Location(file=path.name), sheet=name)
    base, next_ = read_years(sheets, path.name, lambda name: by_name[name].rows, settings)
    return analyse_tables(base, next_, settings.job_settings(), (path,))


def deliver_report(
    context: ActionContext, analysis: Analysis, settings: AddinSettings, output: Path | None = None
) -> tuple[str, Path | None]:
    """Write the report to the target set in ``settings``; return the message and the new workbook's path, if any."""
    from klantpiramide.report import write_report

    language = settings.language
    migration = analysis.migration
    if settings.report_target == "active":
        added = _add_report_sheets(context, analysis)
        return message_text("addin_report_added", language, workbook=context.port.name, sheets=", ".join(added)), None

    output = output or report_path(context.port, analysis, settings)
    write_report(analysis, output, context.today, status_progress(context.port, language))
    context.port.open_workbook(output)
    message = message_text(
        "addin_report_done", language, path=output, base=migration.base_year, next=migration.next_year, count=len(migration.placed)
    )
    return message, output


def status_progress(port: WorkbookPort, language: str) -> Progress:
    """Return a Progress that shows each step in Excel's status bar, as the command line's bar does."""

    def show(step: str, done: int = 0, total: int = 0) -> None:
        text = label(step, language)
        port.set_status(f"Klantpiramide: {text} ({done}/{total})" if total else f"Klantpiramide: {text}")

    return show


def report_path(port: WorkbookPort, analysis: Analysis, settings: AddinSettings) -> Path:
    """Return where a new report workbook goes: the report folder, or beside the source workbook."""
    if settings.report_folder:
        folder = Path(settings.report_folder)
    elif port.path is not None:
        folder = port.path.parent
    else:
        raise InputError("addin_workbook_unsaved", Location(file=port.name))
    stem = Path(port.name).stem
    migration = analysis.migration
    name = label("addin_report_file", settings.language, stem=stem, base=migration.base_year, next=migration.next_year)
    return folder / name


def _add_report_sheets(context: ActionContext, analysis: Analysis) -> list[str]:
    """Write the report to a temporary file and copy its sheets into the active workbook."""
    from klantpiramide.report import write_report

    with tempfile.TemporaryDirectory(prefix="klantpiramide-") as folder:
        report = Path(folder) / "report.xlsx"
        write_report(analysis, report, context.today, status_progress(context.port, analysis.settings.language))
        names = _sheet_names(report)

        # Excel compares sheet names without regard to case.
        taken = {name.lower() for name in context.port.sheet_names()}
        for name in names:
            if name.lower() in taken:
                raise InputError("addin_sheet_exists", Location(file=context.port.name), sheet=name)
        return context.port.copy_sheets_from(report)


def _sheet_names(path: Path) -> list[str]:
    """Return the names of the visible sheets of a workbook file: those ``copy_sheets_from`` copies."""
    workbook = openpyxl.load_workbook(path, read_only=True)
    try:
        return [sheet.title for sheet in workbook.worksheets if sheet.sheet_state == "visible"]
    finally:
        workbook.close()


def make_pyramid(context: ActionContext) -> str:
    """Piramide: add a sheet with the one-year pyramid of the active sheet."""
    from klantpiramide.report.formats import valid_sheet_title

    settings = context.settings()
    settings.validate()
    language = settings.language
    port = context.port
    sheet = port.active_sheet()
    year = year_in_name(sheet)
    table = read_year_table(RawSheet(port.name, sheet, port.read_sheet(sheet)), year or 0, settings.job_settings().columns)
    cents = table.frame["revenue"].to_numpy()

    split = parse_split(settings.split)
    if settings.own_bounds.strip():
        bounds = bounds_from_euros(settings.own_bounds.split(), split)
    else:
        bounds = pyramid_bounds(cents, split, year=year or sheet)

    rows = pyramid_table(pyramid_rows(cents, bounds), language)
    title = valid_sheet_title(label("addin_pyramid_sheet", language, sheet=sheet), set(port.sheet_names()))
    port.add_sheet(title, rows, {1: AMOUNT_FORMAT, 3: SHARE_FORMAT, 4: AMOUNT_FORMAT, 5: SHARE_FORMAT})
    logger.info("pyramid of %s / %s added as %s", port.name, sheet, title)
    return message_text("addin_pyramid_done", language, sheet=title, source=sheet)


def pyramid_table(rows, language: str) -> list[list[object]]:
    """Return the cells of the pyramid sheet: a header, a row per category and a total row."""
    keys = ("col_category", "col_bound", "col_count", "col_count_share", "col_revenue", "col_revenue_share")
    cells: list[list[object]] = [[label(key, language) for key in keys]]
    for number, row in enumerate(rows, start=1):
        # As in the report's pyramid sheet, the last category's bound reads '> 0'.
        lower = row.lower_cents / 100 if number < len(rows) else "> 0"
        cells.append([row.category, lower, row.count, row.count_share, row.revenue_cents / 100, row.revenue_share])
    count = sum(row.count for row in rows)
    revenue = sum(row.revenue_cents for row in rows)
    cells.append([label("total", language), None, count, 1.0 if count else 0.0, revenue / 100, 1.0 if revenue else 0.0])
    return cells
