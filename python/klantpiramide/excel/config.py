"""The user's add-in config file: the interpreter for xlwings, and the user's report defaults.

The file is the one the xlwings VBA code of the add-in reads with ``GetConfig``
(xlwings 0.37.8, ``GetConfigFilePath`` with ``PROJECT_NAME = "klantpiramide"``):

- Windows: ``%USERPROFILE%\\.klantpiramide\\klantpiramide.conf``;
- macOS: ``~/Library/Containers/com.microsoft.Excel/Data/klantpiramide.conf``,
  the home folder that sandboxed Excel uses.

Each line is ``"KEY","VALUE"``, the format of VBA's ``Write #`` statement, and
VBA matches keys without regard to case. The settings live here and not in the
user's data workbook, so they hold for every workbook. The last report's
settings, for Vernieuwen, are kept as JSON in ``ConfigFile.state_folder``.

Limitations: VBA's ``Input #`` cannot read a value that contains a double
quote, so such values are rejected. On Windows the file is written in the
Windows-1252 code page that VBA reads on Western European systems.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from klantpiramide.analysis import DEFAULT_SPLIT, parse_split
from klantpiramide.analysis.pyramid import bounds_from_euros
from klantpiramide.errors import Location, SettingsError
from klantpiramide.texts import DEFAULT_LANGUAGE, check_language

PROJECT_NAME = "klantpiramide"
WINDOWS = "windows"
MACOS = "macos"
LAST_REPORT_FILE = "last-report.json"
LOG_FILE = "klantpiramide-addin.log"

# Home folder of sandboxed Excel for Mac, relative to the user's real home folder.
MAC_EXCEL_CONTAINER = Path("Library", "Containers", "com.microsoft.Excel", "Data")

REPORT_TARGETS = ("new", "active")


def current_platform() -> str:
    """Return 'windows', 'macos', or sys.platform for other systems."""
    if sys.platform.startswith("win"):
        return WINDOWS
    if sys.platform == "darwin":
        return MACOS
    return sys.platform


def config_path(home: Path, platform: str) -> Path:
    """Return the path of the user's config file below ``home`` on ``platform``.

    Other systems than Windows and macOS get the Windows layout, so the add-in's
    Python side can be run and tested there.
    """
    if platform == MACOS:
        return home / MAC_EXCEL_CONTAINER / f"{PROJECT_NAME}.conf"
    return home / f".{PROJECT_NAME}" / f"{PROJECT_NAME}.conf"


@dataclass(frozen=True)
class ConfigFile:
    """The config file of one user, read and written in the format VBA expects."""

    path: Path
    platform: str

    @classmethod
    def for_user(cls, home: Path | None = None, platform: str | None = None) -> ConfigFile:
        """Return the config file of the user running Python, or of ``home`` on ``platform``."""
        platform = platform or current_platform()
        return cls(config_path(home or Path.home(), platform), platform)

    @property
    def folder(self) -> Path:
        return self.path.parent

    @property
    def encoding(self) -> str:
        return "cp1252" if self.platform == WINDOWS else "utf-8"

    @property
    def newline(self) -> str:
        return "\r\n" if self.platform == WINDOWS else "\n"

    def read(self) -> dict[str, str]:
        """Return every key (upper case) and value in the file; an absent file has none."""
        if not self.path.is_file():
            return {}
        text = self.path.read_text(encoding=self.encoding, errors="replace")
        values = {}
        for row in csv.reader(io.StringIO(text)):
            if len(row) >= 2 and row[0].strip():
                values[row[0].strip().upper()] = row[1]
        return values

    def update(self, changes: dict[str, str | None]) -> None:
        """Set the keys in ``changes``, or remove those whose value is None; keep every other key."""
        for key, value in changes.items():
            if value is not None and '"' in value:
                raise SettingsError("addin_config_quote", Location(file=str(self.path)), setting=key, value=value)

        values = self.read()
        for key, value in changes.items():
            if value is None:
                values.pop(key.upper(), None)
            else:
                values[key.upper()] = value

        self.folder.mkdir(parents=True, exist_ok=True)
        lines = "".join(f'"{key}","{value}"{self.newline}' for key, value in values.items())
        self.path.write_bytes(lines.encode(self.encoding, errors="replace"))

    @property
    def state_folder(self) -> Path:
        """The folder of the add-in's other files: last report, log, settings workbook, install record.

        On macOS the config file sits in Excel's own data folder, so the add-in
        keeps its other files in a subfolder there.
        """
        return self.folder / PROJECT_NAME if self.platform == MACOS else self.folder

    def last_report_path(self) -> Path:
        return self.state_folder / LAST_REPORT_FILE

    def log_path(self) -> Path:
        return self.state_folder / LOG_FILE


@dataclass(frozen=True)
class AddinSettings:
    """The report defaults the user sets with Instellingen, as the user writes them.

    ``report_target`` is 'new' (a new workbook saved beside the source workbook,
    or in ``report_folder``) or 'active' (sheets added to the active workbook).
    """

    split: str = DEFAULT_SPLIT.describe().replace("/", ",")
    own_bounds: str = ""
    language: str = DEFAULT_LANGUAGE
    template: str = ""
    report_target: str = "new"
    report_folder: str = ""

    def validate(self) -> None:
        """Raise SettingsError for the first value the engine would reject."""
        for item in fields(self):
            self.check_field(item.name)

    def check_field(self, name: str) -> None:
        """Raise SettingsError when the value of field ``name`` is invalid, with the engine's checks."""
        if name == "split":
            parse_split(self.split)
        elif name == "own_bounds" and self.own_bounds.strip():
            bounds_from_euros(self.own_bounds.split(), parse_split(self.split))
        elif name == "language":
            check_language(self.language)
        elif name == "report_target" and self.report_target not in REPORT_TARGETS:
            raise SettingsError("addin_choice_invalid", value=self.report_target, choices=", ".join(REPORT_TARGETS))
        elif name == "template" and self.template and not Path(self.template).is_file():
            raise SettingsError("template_missing", Location(file=self.template))
        elif name == "report_folder" and self.report_folder and not Path(self.report_folder).is_dir():
            raise SettingsError("addin_folder_missing", Location(file=self.report_folder))

    def job_settings(self):
        """Return the ``job.Settings`` of a report made with these defaults."""
        from klantpiramide.job import Settings

        return Settings(
            split=parse_split(self.split),
            own_bounds=tuple(self.own_bounds.split()) or None,
            language=self.language,
            template=Path(self.template) if self.template else None,
        )

    def as_dict(self) -> dict[str, str]:
        return asdict(self)

    @classmethod
    def from_dict(cls, values: dict[str, str]) -> AddinSettings:
        """Return settings from a dict with field names as keys; unknown keys are ignored."""
        known = {field.name for field in fields(cls)}
        return cls(**{key: str(value) for key, value in values.items() if key in known})


def load_settings(config: ConfigFile) -> AddinSettings:
    """Return the user's settings; a missing file or key gives the default."""
    stored = config.read()
    values = {field.name: stored[field.name.upper()] for field in fields(AddinSettings) if field.name.upper() in stored}
    return AddinSettings.from_dict(values)


def save_settings(config: ConfigFile, settings: AddinSettings) -> None:
    """Validate ``settings`` and write them to the config file."""
    settings.validate()
    config.update({key.upper(): value for key, value in settings.as_dict().items()})


@dataclass(frozen=True)
class LastReport:
    """Record of the last report, for Vernieuwen: source workbook, sheets, settings and output file."""

    workbook: str
    sheets: tuple[str, str]
    settings: AddinSettings
    output: str = ""

    def save(self, config: ConfigFile) -> None:
        config.state_folder.mkdir(parents=True, exist_ok=True)
        data = {"workbook": self.workbook, "sheets": list(self.sheets), "settings": self.settings.as_dict(), "output": self.output}
        config.last_report_path().write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, config: ConfigFile) -> LastReport | None:
        """Return the last report, or None when there is none or its record is unreadable."""
        path = config.last_report_path()
        if not path.is_file():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            base, next_ = data["sheets"]
            return cls(str(data["workbook"]), (str(base), str(next_)), AddinSettings.from_dict(data["settings"]), str(data.get("output", "")))
        except (ValueError, KeyError, TypeError):
            return None
