"""The hidden settings sheet of a report: its inputs and options, so a refresh can rebuild it.

One row per setting: a fixed key in column A (the same in every language, so
the sheet stays machine-readable), the value in column B, and an explanation
in column C. A user may unhide the sheet and change column B; the next
refresh uses the changed values and writes them back.
"""

from __future__ import annotations

import os
from pathlib import Path

from openpyxl.workbook.workbook import Workbook

from klantpiramide import __version__
from klantpiramide.analysis import parse_split
from klantpiramide.errors import Location, ReportError, SettingsError
from klantpiramide.job import Settings
from klantpiramide.reading import ColumnNames, ColumnPositions, ReadOptions, parse_column_positions, parse_month
from klantpiramide.report.formats import check_currency

SETTINGS_SHEET = "kp_instellingen"
FIRST_ROW = 3
YES = {"ja", "yes", "waar", "true", "1"}
NO = {"nee", "no", "onwaar", "false", "0", ""}

# Key in column A, and the label key of its explanation.
KEYS = {
    "invoer": "setting_inputs",
    "jaren": "setting_years",
    "verdeling": "setting_split",
    "grenzen": "setting_bounds",
    "per_jaar": "setting_per_year",
    "taal": "setting_language",
    "valuta": "setting_currency",
    "sjabloon": "setting_template",
    "klantkolom": "setting_customer_column",
    "naamkolom": "setting_name_column",
    "omzetkolom": "setting_revenue_column",
    "datumkolom": "setting_date_column",
    "kolommen": "setting_positions",
    "boekjaar_start": "setting_fiscal_start",
    "versie": "setting_version",
}
# Role words of the 'kolommen' setting, as the user types them in --kolommen.
POSITION_WORDS = {"customer": "klant", "name": "naam", "revenue": "bedrag", "date": "datum"}


def settings_rows(settings: Settings, inputs: tuple[Path, ...], report: Path) -> list[tuple[str, str]]:
    """Return the (key, value) rows that describe a report's inputs and settings."""
    folder = report.resolve().parent
    rows = [("invoer", _relative(path, folder)) for path in inputs]
    rows += [
        ("jaren", " ".join(str(year) for year in settings.years) if settings.years else ""),
        ("verdeling", settings.split.describe().replace("/", ",")),
        ("grenzen", " ".join(settings.own_bounds) if settings.own_bounds else ""),
        ("per_jaar", "ja" if settings.per_year else "nee"),
        ("taal", settings.language),
        ("valuta", settings.currency),
        ("sjabloon", _relative(settings.template, folder) if settings.template else ""),
        ("klantkolom", settings.columns.customer or ""),
        ("naamkolom", settings.columns.name or ""),
        ("omzetkolom", settings.columns.revenue or ""),
        ("datumkolom", settings.columns.date or ""),
        ("kolommen", _positions_text(settings.reading.positions)),
        ("boekjaar_start", str(settings.reading.fiscal_year_start)),
        ("versie", __version__),
    ]
    return rows


def write_settings_sheet(workbook: Workbook, rows: list[tuple[str, str]], labels: dict[str, str]) -> None:
    """Add the hidden settings sheet with one row per setting."""
    sheet = workbook.create_sheet(SETTINGS_SHEET)
    sheet.sheet_state = "hidden"
    sheet["A1"] = labels["settings_intro"]
    sheet.append([])
    for key, value in rows:
        sheet.append([key, value, labels[KEYS[key]]])
        sheet.cell(sheet.max_row, 2).data_type = "s"
    sheet.column_dimensions["A"].width = 14
    sheet.column_dimensions["B"].width = 50
    sheet.column_dimensions["C"].width = 70


def read_settings_sheet(workbook: Workbook, report: Path) -> tuple[Settings, list[Path]]:
    """Read the settings and input paths back from a report; raise when it has no settings sheet."""
    if SETTINGS_SHEET not in workbook.sheetnames:
        raise ReportError("report_without_settings", Location(file=report.name))

    values: dict[str, str] = {}
    inputs: list[Path] = []
    folder = report.resolve().parent
    for key, value, *_ in workbook[SETTINGS_SHEET].iter_rows(min_row=FIRST_ROW, values_only=True):
        if key is None:
            continue
        text = "" if value is None else str(value).strip()
        if key == "invoer":
            if text:
                inputs.append(_absolute(text, folder))
        else:
            values[str(key)] = text
    return _settings_from_values(values, folder, report), inputs


def _settings_from_values(values: dict[str, str], folder: Path, report: Path) -> Settings:
    where = Location(file=report.name, sheet=SETTINGS_SHEET)
    per_year = values.get("per_jaar", "nee").lower()
    if per_year not in YES | NO:
        raise SettingsError("setting_invalid", where, key="per_jaar", value=per_year)

    years = None
    if values.get("jaren"):
        try:
            years = tuple(int(part) for part in values["jaren"].replace(",", " ").split())
        except ValueError:
            raise SettingsError("setting_invalid", where, key="jaren", value=values["jaren"]) from None

    template = values.get("sjabloon")
    settings = Settings(
        split=parse_split(values["verdeling"]) if values.get("verdeling") else Settings().split,
        own_bounds=tuple(values["grenzen"].split()) if values.get("grenzen") else None,
        per_year=per_year in YES,
        years=years,
        columns=ColumnNames(
            values.get("klantkolom") or None,
            values.get("naamkolom") or None,
            values.get("omzetkolom") or None,
            values.get("datumkolom") or None,
        ),
        reading=ReadOptions(
            positions=parse_column_positions(values["kolommen"]) if values.get("kolommen") else ColumnPositions(),
            fiscal_year_start=parse_month(values["boekjaar_start"]) if values.get("boekjaar_start") else 1,
        ),
        language=values.get("taal") or "nl",
        currency=check_currency(values.get("valuta") or "EUR"),
        template=_absolute(template, folder) if template else None,
    )
    settings.validate()
    return settings


def _positions_text(positions: ColumnPositions) -> str:
    """Return column positions as the user types them: 'klant=2,datum=3,bedrag=5'; '' when none."""
    parts = [f"{word}={getattr(positions, role)}" for role, word in POSITION_WORDS.items() if getattr(positions, role) is not None]
    return ",".join(parts)


def _relative(path: Path, folder: Path) -> str:
    """Return ``path`` relative to the report's folder when it lies below it, else absolute."""
    absolute = Path(path).resolve()
    try:
        return absolute.relative_to(folder).as_posix()
    except ValueError:
        return str(absolute)


def _absolute(text: str, folder: Path) -> Path:
    path = Path(os.path.expanduser(text))
    return path if path.is_absolute() else folder / path
