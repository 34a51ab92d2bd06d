"""The Instellingen button: edit the user's defaults on a settings sheet, then save them to the config file.

The first click writes a small settings workbook beside the config file and
opens it: one row per setting, its current value in column B and an
explanation. After editing column B, a second click (with that workbook
active) checks every value with the engine's own checks and saves them to the
config file. The settings never go into the user's data workbook.
"""

from __future__ import annotations

import logging
from dataclasses import fields

import openpyxl
from openpyxl.styles import Font
from openpyxl.worksheet.datavalidation import DataValidation

from klantpiramide.errors import KlantpiramideError, Location, SettingsError
from klantpiramide.excel.actions import ActionContext
from klantpiramide.excel.config import REPORT_TARGETS, AddinSettings, save_settings
from klantpiramide.texts import LABELS, LANGUAGES, label, message_text

logger = logging.getLogger("klantpiramide")

# The column of the hidden setting keys, so the sheet can be read back in either language.
KEY_COLUMN = 3
VALUE_COLUMN = 1
FIRST_SETTING_ROW = 3


def settings_sheet_names() -> set[str]:
    """Return the settings sheet's name in every language."""
    return {LABELS[language]["addin_settings_sheet"] for language in LANGUAGES}


def edit_settings(context: ActionContext) -> str:
    """Instellingen: open the settings workbook, or save it when it is the active workbook."""
    names = settings_sheet_names()
    sheet = next((name for name in context.port.sheet_names() if name in names), None)
    if sheet is not None:
        return _save_from_sheet(context, sheet)
    return _open_settings_workbook(context)


def _open_settings_workbook(context: ActionContext) -> str:
    settings = context.settings()
    language = settings.language
    path = context.config.state_folder / label("addin_settings_file", language)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_settings_workbook(settings, path)
    context.port.open_workbook(path)
    return message_text("addin_settings_opened", language)


def write_settings_workbook(settings: AddinSettings, path) -> None:
    """Write the settings workbook: title, header and a row per setting with its current value."""
    language = settings.language
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = label("addin_settings_sheet", language)
    sheet.append([label("addin_settings_title", language)])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([label(key, language) for key in ("addin_setting_column", "col_value", "col_message")])
    for cell in sheet[2]:
        cell.font = Font(bold=True)

    for row, item in enumerate(fields(AddinSettings), start=FIRST_SETTING_ROW):
        value = getattr(settings, item.name)
        if item.name == "report_target":
            value = label(f"addin_target_{value}", language)
        sheet.append([label(f"addin_setting_{item.name}", language), value, label(f"addin_setting_{item.name}_help", language), item.name])
        sheet.cell(row, VALUE_COLUMN + 1).number_format = "@"
        choices = _choices(item.name, language)
        if choices:
            validation = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=False)
            sheet.add_data_validation(validation)
            validation.add(sheet.cell(row, VALUE_COLUMN + 1))

    sheet.column_dimensions["A"].width = 22
    sheet.column_dimensions["B"].width = 30
    sheet.column_dimensions["C"].width = 90
    sheet.column_dimensions["D"].hidden = True
    workbook.save(path)


def _choices(name: str, language: str) -> list[str]:
    if name == "language":
        return list(LANGUAGES)
    if name == "report_target":
        return [label(f"addin_target_{target}", language) for target in REPORT_TARGETS]
    return []


def _save_from_sheet(context: ActionContext, sheet: str) -> str:
    """Read column B of the settings sheet, check each value, and save them all or none."""
    rows = context.port.read_sheet(sheet)
    known = {item.name for item in fields(AddinSettings)}
    values: dict[str, str] = {}
    rows_of: dict[str, int] = {}
    for number, row in enumerate(rows, start=1):
        key = row[KEY_COLUMN] if len(row) > KEY_COLUMN else None
        if key in known:
            values[key] = _cell_text(row[VALUE_COLUMN] if len(row) > VALUE_COLUMN else None)
            rows_of[key] = number
    def location(name: str) -> Location:
        return Location(file=context.port.name, sheet=sheet, row=rows_of[name], column="B")

    if "report_target" in values:
        typed = values["report_target"]
        values["report_target"] = _target_of(typed)
        if values["report_target"] not in REPORT_TARGETS:
            # Offer the choices as the drop-down list shows them, in the language now set.
            choices = ", ".join(_choices("report_target", context.settings().language))
            raise SettingsError("addin_choice_invalid", location("report_target"), value=typed, choices=choices)

    settings = AddinSettings.from_dict(values)
    for name in rows_of:
        try:
            settings.check_field(name)
        except KlantpiramideError as error:
            raise type(error)(error.key, location(name), **error.params) from None

    save_settings(context.config, settings)
    logger.info("settings saved to %s", context.config.path)
    return message_text("addin_settings_saved", settings.language, path=context.config.path)


def _target_of(text: str) -> str:
    """Return 'new' or 'active' for a report target in either language; other text is returned as it is."""
    for language in LANGUAGES:
        for target in REPORT_TARGETS:
            if text.strip().lower() == LABELS[language][f"addin_target_{target}"].lower():
                return target
    return text


def _cell_text(value: object) -> str:
    """Return a cell as the text the user typed: 10000 rather than 10000.0."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
