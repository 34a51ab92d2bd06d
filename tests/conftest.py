"""Shared fixtures: the real CDNOW data beside the project, and small workbooks made per test."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
CDNOW_WORKBOOK = SHARED_DATA / "cdnow" / "cdnow_sample_1997_1998.xlsx"
CDNOW_TRANSACTIONS = SHARED_DATA / "cdnow" / "CDNOW_sample.txt"


@pytest.fixture
def cdnow_workbook() -> Path:
    if not CDNOW_WORKBOOK.is_file():
        pytest.fail(f"the CDNOW workbook is missing: {CDNOW_WORKBOOK}")
    return CDNOW_WORKBOOK


def write_workbook(path: Path, sheets: dict[str, list[tuple]]) -> Path:
    """Save a workbook with one sheet per entry, each filled row by row."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
        # Text that starts with '=' is a name here, not a formula.
        for cells in sheet.iter_rows():
            for cell in cells:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"
    workbook.save(path)
    return path


@pytest.fixture
def make_workbook(tmp_path: Path):
    """Return a function that writes a small workbook into the test's temporary folder."""

    def make(sheets: dict[str, list[tuple]], name: str = "omzet.xlsx") -> Path:
        return write_workbook(tmp_path / name, sheets)

    return make
