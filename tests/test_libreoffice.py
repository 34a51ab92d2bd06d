"""A real spreadsheet program opens what we write: LibreOffice converts the demo report."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess

import pytest

from klantpiramide.demo import write_demo

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture
def soffice():
    if SOFFICE is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is missing; .ci/run must install libreoffice-calc-nogui")
        pytest.skip("LibreOffice is not installed; install libreoffice-calc-nogui to run this test")
    return SOFFICE


def convert(soffice: str, source, folder, target: str) -> None:
    profile = folder / "profile"
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", target, "--outdir", str(folder), str(source)],
        check=True,
        capture_output=True,
        timeout=240,
    )


def test_libreoffice_reads_demo_matrix(soffice, tmp_path):
    report = write_demo(tmp_path / "klantpiramide-demo.xlsx")
    # Filter options: comma, double quote, UTF-8, first line 1, no column formats, ..., sheet 3 (the matrix,
    # after the summary and the actions). LibreOffice 7.4 names the file after the sheet when a sheet number is given.
    convert(soffice, report, tmp_path, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,3")

    rows = list(csv.reader((tmp_path / "klantpiramide-demo-Migratiematrix.csv").read_text(encoding="utf-8").splitlines()))
    # The matrix sits in columns B to I of the template; the legend beside it is left out.
    matrix = [row[1:9] for row in rows]
    assert ["A", "12", "2", "0", "0", "0", "3", "17"] in matrix
    assert ["Nieuw", "3", "14", "30", "41", "82", "0", "170"] in matrix
    assert ["Totaal", "26", "85", "269", "400", "889", "201", "1870"] in matrix


def test_libreoffice_renders_report_to_pdf(soffice, tmp_path):
    report = write_demo(tmp_path / "klantpiramide-demo.xlsx")
    convert(soffice, report, tmp_path, "pdf")
    pdf = (tmp_path / "klantpiramide-demo.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    assert pdf.count(b"/Type /Page\n") + pdf.count(b"/Type/Page") > 5
