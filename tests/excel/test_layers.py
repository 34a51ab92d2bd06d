"""Only the add-in package talks to xlwings; everything else stays usable without Excel."""

from __future__ import annotations

import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "python" / "klantpiramide"
IMPORTS_XLWINGS = re.compile(r"^\s*(import xlwings|from xlwings)", re.MULTILINE)


def test_xlwings_imported_only_in_excel_package():
    importers = sorted(
        str(path.relative_to(PACKAGE)) for path in PACKAGE.rglob("*.py") if IMPORTS_XLWINGS.search(path.read_text(encoding="utf-8"))
    )
    assert importers == ["excel/build.py", "excel/install.py", "excel/udfs.py", "excel/xlwings_port.py"]


def test_actions_do_not_import_xlwings():
    for name in ("actions.py", "ribbon.py", "config.py", "cells.py", "settings_sheet.py", "about.py", "workbook_file.py"):
        source = (PACKAGE / "excel" / name).read_text(encoding="utf-8")
        # ribbon.py imports the xlwings port only inside the function that needs Excel.
        top_level = [line for line in source.splitlines() if line.startswith(("import ", "from "))]
        assert not any("xlwings" in line for line in top_level), name
