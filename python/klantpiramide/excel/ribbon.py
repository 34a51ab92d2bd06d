"""The ribbon dispatcher: one table from button id to action, and the entry point VBA calls.

Every button of the Klantpiramide tab calls the same VBA callback, which runs
``run_from_vba(control_id, encoded_sheets)``. That decodes the selected sheet
names and calls ``on_ribbon_action``, which looks the action up in ``ACTIONS``
and shows its message, or the error's message, in Excel.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from klantpiramide.errors import KlantpiramideError
from klantpiramide.excel.about import show_about
from klantpiramide.excel.actions import ActionContext, make_migration_report, make_pyramid, refresh_report
from klantpiramide.excel.config import ConfigFile, load_settings
from klantpiramide.excel.port import WorkbookPort
from klantpiramide.excel.settings_sheet import edit_settings
from klantpiramide.texts import DEFAULT_LANGUAGE, LABELS, label, message_text

logger = logging.getLogger("klantpiramide")

# Button id in addin/customUI.xml -> (action, label key of its name in texts.LABELS).
ACTIONS: dict[str, tuple[Callable[[ActionContext], str], str]] = {
    "kp_report": (make_migration_report, "addin_ribbon_report"),
    "kp_refresh": (refresh_report, "addin_ribbon_refresh"),
    "kp_pyramid": (make_pyramid, "addin_ribbon_pyramid"),
    "kp_settings": (edit_settings, "addin_ribbon_settings"),
    "kp_about": (show_about, "addin_ribbon_about"),
}


def on_ribbon_action(
    control_id: str,
    selected_sheets: list[str],
    port: WorkbookPort | None = None,
    config: ConfigFile | None = None,
    today: dt.date | None = None,
) -> str:
    """Run the action of a ribbon button and show its message; return the message shown.

    ``port`` defaults to the workbook Excel called from, ``config`` to the
    user's config file; ``today`` fixes the report date in tests. A user error
    is shown as its message, never as a traceback.
    """
    config = config or ConfigFile.for_user()
    language = _language(config)
    title = label("addin_title", language)
    if port is None:
        from klantpiramide.excel.xlwings_port import XlwingsWorkbook

        port = XlwingsWorkbook.caller()

    entry = ACTIONS.get(control_id)
    if entry is None:
        message = as_sentence(message_text("addin_unknown_action", language, control=control_id))
        port.show_message(message, title)
        return message

    action, name_key = entry
    context = ActionContext(port, config, list(selected_sheets), today)
    port.set_status(message_text("addin_working", language, action=label(name_key, language)))
    try:
        message = action(context)
    except KlantpiramideError as error:
        # The action may have changed the language setting; show the error in the language now set.
        message = as_sentence(error.render(_language(config)))
        logger.info("%s: %s", control_id, message)
    except Exception as error:  # noqa: BLE001 - Excel boundary: show a message box, log the traceback.
        logger.exception("ribbon action %s failed", control_id)
        detail = f"{type(error).__name__}: {error}"
        message = as_sentence(message_text("addin_unexpected", language, detail=detail, log=config.log_path()))
    finally:
        port.set_status(None)

    port.show_message(message, label("addin_title", _language(config)))
    return message


def as_sentence(message: str) -> str:
    """Return a message with a capital first letter, as a message box shows it.

    Error messages start in lower case so that the command line can put a
    location in front of them.
    """
    return message[:1].upper() + message[1:]


def decode_sheet_names(encoded: str) -> list[str]:
    """Decode the sheet names VBA sends: each name as hexadecimal UTF-16 code units, names separated by spaces.

    VBA's RunPython passes the command through cmd.exe on Windows and splits an
    AppleScript parameter on '|' on macOS; hexadecimal digits survive both,
    whatever quotes or signs a sheet name holds.
    """
    return [bytes.fromhex(item).decode("utf-16-be") for item in encoded.split()]


def encode_sheet_names(names: list[str]) -> str:
    """Encode sheet names as the VBA callback does (the inverse of ``decode_sheet_names``)."""
    return " ".join(name.encode("utf-16-be").hex().upper() for name in names)


def run_from_vba(control_id: str, encoded_sheets: str) -> None:
    """Entry point of the VBA callback: log to the add-in's log file, then dispatch."""
    config = ConfigFile.for_user()
    _log_to_file(config)
    on_ribbon_action(control_id, decode_sheet_names(encoded_sheets), config=config)


def _log_to_file(config: ConfigFile) -> None:
    """Send the package's log lines to the add-in's log file.

    Not to stderr: on macOS, xlwings shows anything written there as an error.
    """
    package_logger = logging.getLogger("klantpiramide")
    path = str(config.log_path().resolve())
    # With xlwings' 'Use UDF Server' option one Python process serves many clicks: add the handler once.
    if any(getattr(handler, "baseFilename", None) == path for handler in package_logger.handlers):
        return
    config.state_folder.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    package_logger.addHandler(handler)
    package_logger.setLevel(logging.INFO)


def _language(config: ConfigFile) -> str:
    try:
        language = load_settings(config).language
    except OSError:
        return DEFAULT_LANGUAGE
    return language if language in LABELS else DEFAULT_LANGUAGE
