"""Fixtures of the add-in tests: a user's config file in a temporary home, and workbooks in Excel's place."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from klantpiramide.excel.config import ConfigFile
from klantpiramide.excel.ribbon import on_ribbon_action
from klantpiramide.excel.workbook_file import FileWorkbook

REPORT_DATE = dt.date(2025, 3, 14)


@pytest.fixture
def config(tmp_path: Path) -> ConfigFile:
    """The config file of a Windows user whose home is a temporary folder."""
    return ConfigFile.for_user(tmp_path / "home", "windows")


@pytest.fixture
def cdnow_copy(tmp_path: Path, cdnow_workbook: Path) -> Path:
    """A copy of the CDNOW workbook in its own folder, as a user's data workbook."""
    folder = tmp_path / "data"
    folder.mkdir()
    return Path(shutil.copyfile(cdnow_workbook, folder / "cdnow.xlsx"))


@pytest.fixture
def click(config: ConfigFile):
    """Return a function that clicks a ribbon button on a workbook; it returns the message shown."""

    def press(port: FileWorkbook, control: str, selected: list[str] | None = None) -> str:
        return on_ribbon_action(control, selected or [], port, config, REPORT_DATE)

    return press
