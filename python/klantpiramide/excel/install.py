"""``klantpiramide addin install`` and ``uninstall``: the add-in in Excel's start-up folder, and the user's config.

Install copies addin/klantpiramide.xlam into the folder whose workbooks Excel
opens at every start, and writes the user's config file (see ``config``) with
the running Python as the interpreter, plus the other keys of the top-level
``xlwings.conf`` template. On macOS it also copies xlwings' AppleScript, which
Excel needs to start Python. A record of what was changed lets uninstall undo
exactly that: it removes what install added and puts back config values that
install replaced. Settings saved later with Instellingen stay.

Start-up folders, as Excel uses them (xlwings 0.37.8 ``App.startup_path``):

- Windows: ``%APPDATA%\\Microsoft\\Excel\\XLSTART``;
- macOS (Excel 2016 and later):
  ``~/Library/Group Containers/UBF8T346G9.Office/User Content.localized/Startup.localized/Excel``.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from klantpiramide.errors import KlantpiramideError, Location
from klantpiramide.excel.build import ADDIN_FILE, REPOSITORY
from klantpiramide.excel.config import MACOS, WINDOWS, ConfigFile, current_platform
from klantpiramide.texts import DEFAULT_LANGUAGE, message_text

INSTALL_RECORD = "install.json"
TEMPLATE_CONFIG = REPOSITORY / "xlwings.conf"
# The keys of xlwings.conf, for an installed package that has no repository beside it.
DEFAULT_TEMPLATE = {"UDF MODULES": "klantpiramide.excel.udfs"}
INTERPRETER_KEYS = {WINDOWS: "INTERPRETER_WIN", MACOS: "INTERPRETER_MAC"}

MAC_STARTUP = Path("Library", "Group Containers", "UBF8T346G9.Office", "User Content.localized", "Startup.localized", "Excel")
MAC_SCRIPTS = Path("Library", "Application Scripts", "com.microsoft.Excel")


@dataclass(frozen=True)
class Target:
    """Install locations of the add-in for one user on one platform."""

    home: Path
    platform: str

    @classmethod
    def for_user(cls, home: Path | None, platform: str | None) -> Target:
        platform = platform or current_platform()
        if platform not in INTERPRETER_KEYS:
            raise KlantpiramideError("addin_platform_unsupported", platform=platform)
        return cls(home or Path.home(), platform)

    @property
    def startup_folder(self) -> Path:
        if self.platform == MACOS:
            return self.home / MAC_STARTUP
        # %APPDATA% is the roaming profile folder; it is only read for the real home folder.
        app_data = os.environ.get("APPDATA") if self.home == Path.home() else None
        return Path(app_data or self.home / "AppData" / "Roaming") / "Microsoft" / "Excel" / "XLSTART"

    @property
    def addin(self) -> Path:
        return self.startup_folder / ADDIN_FILE

    @property
    def applescript(self) -> Path | None:
        if self.platform != MACOS:
            return None
        import xlwings

        return self.home / MAC_SCRIPTS / f"xlwings-{xlwings.__version__}.applescript"

    @property
    def config(self) -> ConfigFile:
        return ConfigFile.for_user(self.home, self.platform)

    @property
    def record(self) -> Path:
        return self.config.state_folder / INSTALL_RECORD


def read_template(path: Path = TEMPLATE_CONFIG) -> dict[str, str]:
    """Return the non-empty keys of the xlwings.conf template; the interpreter keys are set by install."""
    if not path.is_file():
        return dict(DEFAULT_TEMPLATE)
    values = {}
    for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8"))):
        if len(row) >= 2 and row[0].strip() and row[1].strip():
            values[row[0].strip().upper()] = row[1]
    return values


def built_addin() -> Path:
    """Return the built add-in: in the repository of an editable install, else in ./addin of the current folder.

    A regular (non-editable) install has no repository beside the package, so
    the command is then run from the project folder.
    """
    candidates = [REPOSITORY / "addin" / ADDIN_FILE, Path.cwd() / "addin" / ADDIN_FILE]
    return next((path for path in candidates if path.is_file()), candidates[0])


def install_addin(
    home: Path | None = None,
    platform: str | None = None,
    source: Path | None = None,
    interpreter: str | None = None,
    template: Path = TEMPLATE_CONFIG,
) -> str:
    """Install the add-in for the user ``home`` on ``platform``; return the message for the user.

    The defaults are the running user, system and Python, and ``built_addin()``.
    """
    target = Target.for_user(home, platform)
    source = source or built_addin()
    if not source.is_file():
        raise KlantpiramideError("addin_not_built", Location(file=str(source)))

    record = _read_record(target)
    _copy(source, target.addin)
    record["addin"] = str(target.addin)

    if target.applescript is not None and not target.applescript.exists():
        import xlwings

        _copy(Path(xlwings.__file__).parent / target.applescript.name, target.applescript)
        record["applescript"] = str(target.applescript)

    # Remember each key's value before the first install, so uninstall can put it back.
    values = read_template(template)
    values[INTERPRETER_KEYS[target.platform]] = interpreter or sys.executable
    stored = target.config.read()
    previous = record.setdefault("previous", {})
    for key in values:
        previous.setdefault(key, stored.get(key))
    target.config.update(values)

    _write_record(target, record)
    return message_text("addin_installed", DEFAULT_LANGUAGE, addin=target.addin, config=target.config.path)


def uninstall_addin(home: Path | None = None, platform: str | None = None) -> str:
    """Undo ``install_addin`` for the user ``home`` on ``platform``; return the message for the user."""
    target = Target.for_user(home, platform)
    record = _read_record(target)
    if not record and not target.addin.exists():
        return message_text("addin_not_installed", DEFAULT_LANGUAGE)

    removed = []
    for path in (target.addin, Path(record["applescript"]) if "applescript" in record else None):
        if path is not None and path.exists():
            _remove(path)
            removed.append(str(path))

    # Put back the config values install replaced; the file goes only when nothing else is in it.
    config = target.config
    previous = record.get("previous", {})
    if previous:
        config.update(previous)
    if config.path.exists() and not config.read():
        _remove(config.path)
        removed.append(str(config.path))
    if target.record.exists():
        _remove(target.record)
    # On macOS the config file's own folder is Excel's, so only the add-in's subfolder may go.
    if config.state_folder.is_dir() and not any(config.state_folder.iterdir()):
        config.state_folder.rmdir()
    return message_text("addin_uninstalled", DEFAULT_LANGUAGE, removed=", ".join(removed))


def _read_record(target: Target) -> dict:
    if not target.record.is_file():
        return {}
    try:
        return json.loads(target.record.read_text(encoding="utf-8"))
    except ValueError:
        return {}


def _write_record(target: Target, record: dict) -> None:
    target.record.parent.mkdir(parents=True, exist_ok=True)
    target.record.write_text(json.dumps(record, indent=2), encoding="utf-8")


def _copy(source: Path, destination: Path) -> None:
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, destination)
    except OSError as error:
        raise KlantpiramideError("addin_copy_failed", Location(file=str(destination)), detail=error.strerror or str(error)) from None


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except OSError as error:
        raise KlantpiramideError("addin_remove_failed", Location(file=str(path)), detail=error.strerror or str(error)) from None
