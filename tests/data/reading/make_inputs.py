"""Write the small input files of the reading tests into this folder.

Run it from the repository root with the project's virtualenv:

    .venv/bin/python tests/data/reading/make_inputs.py

The files are committed, so the tests need neither this script nor its tools.
Two files need more than openpyxl: encrypted.xlsx is encrypted with
msoffcrypto-tool (installed with the dev extras through oletools), and
old_format.xls is converted by LibreOffice (soffice), as Excel 97-2003 files
cannot be written from Python with the packages the project uses.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import struct
import subprocess
import tempfile
import zipfile
import zlib
from pathlib import Path

import openpyxl

HERE = Path(__file__).resolve().parent


def write_text(name: str, text: str, encoding: str = "utf-8") -> None:
    (HERE / name).write_bytes(text.encode(encoding))


def workbook(name: str, sheets: dict[str, list[list[object]]]) -> openpyxl.Workbook:
    """Save a workbook with one sheet per entry; return it so callers can add formats first."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(HERE / name)
    return book


# Amounts --------------------------------------------------------------------------------------


def make_amounts() -> None:
    write_text(
        "amounts_text.csv",
        "Klantnummer;Naam;Omzet\n"
        "1001;Aalders;1.234,56\n"
        "1002;Bakker;€ 1.234,56\n"
        "1003;Claessen;€-250,00\n"
        "1004;De Wit;1 234,56\n"
        "1005;Evers;250,00-\n"
        "1006;Faber;(99,95)\n"
        "1007;Gerritsen;25,-\n"
        "1008;Hendriks;1.234\n"
        "1009;Jacobs;12,5\n"
        "1010;Klaassen;700\n",
    )
    write_text("amounts_english.csv", 'Customer,Name,Amount\nA-1,"Smith, John","1,234.56"\nA-2,Jones,"1,234"\nA-3,Brown,-12.5\n')
    write_text("amounts_ambiguous.csv", "Klant;Omzet\n1;1.234\n2;500\n")
    write_text("amounts_mixed.csv", "Klant;Omzet\n1;1.234,56\n2;99.50\n")
    workbook(
        "amounts_numbers.xlsx",
        {
            "2024": [
                ["Klantnummer", "Omzet"],
                ["N1", 0.1 + 0.2],
                ["N2", 12.345],
                ["N3", 100_000_000_000.25],
                ["N4", 5],
                ["N5", "1.234,50"],
            ]
        },
    )


# CSV files -----------------------------------------------------------------------------------


def make_csv() -> None:
    (HERE / "csv_bom_semicolon.csv").write_bytes(
        b"\xef\xbb\xbf" + 'Klantnummer;Naam;Omzet\r\n0001;Café Één;€ 10,00\r\n0002;"Smit; Zonen";20,50\r\n'.encode("utf-8")
    )
    write_text("csv_cp1252.csv", "Klantnummer;Naam;Omzet\r\n0001;Crème BV;€ 1.000,00\r\n0002;Müller;€-5,00\r\n", "cp1252")
    write_text(
        "csv_comma_quoted.csv",
        'Klantnummer,Naam,Omzet\n"0001","Jansen, Piet","1.234,56"\n"0002","De ""Zon"" BV","99,00"\n',
    )
    write_text("csv_utf16_tab.txt", "\ufeffKlantnummer\tOmzet\r\n0001\t12,50\r\n0002\t7\r\n", "utf-16-le")
    write_text("csv_sep_line.csv", "sep=,\nKlantnummer,Omzet\n0001,12.50\n")
    write_text("csv_unquoted_comma.csv", "Klantnummer,Omzet\n0001,1234,56\n0002,99,00\n")
    write_text("empty.csv", "")


# Sheet layout --------------------------------------------------------------------------------


def make_layout() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "2024"
    sheet["A1"] = "Omzetoverzicht per klant"
    sheet.merge_cells("A1:E1")
    sheet["A2"] = "Periode: 2024"
    rows = {
        4: [None, "Klantnummer", None, "Naam", "Omzet"],
        5: [None, 1001, None, "Aalders", 100],
        6: [None, 1002, None, "Bakker", 200.5],
        8: [None, 1003, None, "Claessen", 300],
        9: [None, None, None, "Claessen", 50],
        10: [None, "Subtotaal", None, None, 650.5],
        11: [None, 1004, None, "Dekker", 1000],
        12: [None, None, None, "Totaal", 1650.5],
    }
    for number, values in rows.items():
        for column, value in enumerate(values, start=1):
            if value is not None:
                sheet.cell(number, column, value)
    sheet.merge_cells("B8:B9")
    book.save(HERE / "layout_untidy.xlsx")

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "2024"
    sheet.append(["Klantnummer", "Naam", "Omzet"])
    sheet.append([2001, "Eerste", 500])
    sheet.append([2002, "Tweede", None])
    sheet.merge_cells("C2:C3")
    book.save(HERE / "layout_merged_amount.xlsx")

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "2024"
    sheet["C3"] = "Klantnummer"
    sheet["D3"] = "Omzet"
    for row, (customer, amount) in enumerate([("0001", 10), ("0002", "#N/A")], start=4):
        sheet.cell(row, 3, customer)
        sheet.cell(row, 4, amount)
    sheet["D5"].data_type = "e"
    book.save(HERE / "layout_offset_error.xlsx")

    rows = [["Klantnummer", "Omzet"]] + [[f"K{number:04d}", number] for number in range(1, 501)]
    workbook("layout_wrong_dimension.xlsx", {"2024": rows})
    _set_dimension(HERE / "layout_wrong_dimension.xlsx", "A1")


def _set_dimension(path: Path, reference: str) -> None:
    """Rewrite the stored dimension of every sheet, as some ERP writers get it wrong."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                data = re.sub(rb'<dimension ref="[^"]*"\s*/>', f'<dimension ref="{reference}"/>'.encode(), data)
            target.writestr(item, data)
    path.write_bytes(buffer.getvalue())


# Customer numbers and names ------------------------------------------------------------------


def make_customers() -> None:
    book = openpyxl.Workbook()
    first = book.active
    first.title = "2024"
    for row in [
        ["Klantnummer", "Naam", "Omzet"],
        [123, "Jansen BV ", 100],
        ["00124 ", "Pietersen", 200],
        ["AB-1", "Alfa", 10],
        ["ab-1", "alfa", 20],
        ["1.234", "Punt BV", 30],
        [124, "Pietersen B.V.", 5],
        ["0125", "Klaassen", 40],
        [125, "Visser", 60],
    ]:
        first.append(row)
    first["A2"].number_format = "00000"
    second = book.create_sheet("2025")
    for row in [
        ["Klantnummer", "Naam", "Omzet"],
        ["00123", "JANSEN B.V.", 150],
        ["00124", "Pietersen", 0],
        ["AB-1", "Alfa", 15],
        ["0125", "Klaassen", 10],
        ["ab-1", "Beta", 5],
    ]:
        second.append(row)
    book.save(HERE / "customers_two_years.xlsx")


# Credit notes --------------------------------------------------------------------------------


def make_credit_notes() -> None:
    write_text(
        "credit_notes.csv",
        "Factuurnummer;Datum;Klantnummer;Bedrag\n"
        "F1;15-01-2024;C1;100,00\n"
        "F2;20-02-2024;C1;-250,00\n"
        "F3;01-03-2024;C2;80,00\n"
        "F4;02-03-2024;C2;-80,00\n"
        "F5;05-05-2024;C3;500,00\n"
        "F6;10-01-2025;C1;300,00\n"
        "F7;11-01-2025;C3;-20,00\n"
        "F8;12-01-2025;C4;40,00\n",
    )


# Transaction lists ---------------------------------------------------------------------------


def make_transactions() -> None:
    workbook(
        "transactions_dates.xlsx",
        {
            "Facturen": [
                ["Datum", "Klant", "Bedrag"],
                [dt.date(2023, 12, 31), "K1", 10],
                ["15-01-2024", "K1", 20],
                [20240630, "K2", 30],
                [45474, "K2", 40],
                ["2024-12-31", "K3", 50],
                [dt.datetime(2025, 1, 1, 9, 30), "K3", 60],
                ["1-7-2025", "K1", 70],
            ]
        },
    )
    write_text(
        "transactions_positions.txt",
        " 00001 0001 19970101  2   29.33\n"
        " 00002 0002 19970105  1   12.00\n"
        " 00001 0001 19970301  1    0.67\n"
        " 00001 0001 19980101  1    9.99\n",
    )
    write_text("dates_month_first.csv", "Datum;Klant;Bedrag\n01/02/2024;K1;10\n12/31/2024;K2;20\n")
    write_text("dates_invalid.csv", "Datum;Klant;Bedrag\n01-02-2024;K1;10\n31-02-2024;K2;20\n")
    write_text("dates_missing.csv", "Datum;Klant;Bedrag\n01-02-2024;K1;10\n;K2;20\n")


# One sheet with a column per year ------------------------------------------------------------


def make_year_columns() -> None:
    workbook(
        "year_columns.xlsx",
        {
            "Omzet": [
                ["Klantnummer", "Naam", 2024, "Omzet 2025"],
                [1, "A", 100, 150],
                [2, "B", 200, None],
                [3, "C", None, 50],
                [4, "D", 0, -10],
            ]
        },
    )
    workbook("year_columns_twice.xlsx", {"Omzet": [["Klant", 2024, "Omzet 2024"], [1, 10, 20]]})


# Bad input -----------------------------------------------------------------------------------


def make_bad_input() -> None:
    workbook("empty_sheet.xlsx", {"2024": [["Klantnummer", "Omzet"], [1, 10]], "2025": []})
    workbook(
        "no_revenue_column.xlsx",
        {"2024": [["Klantnummer", "Naam", "Plaats"], [1, "A", "Utrecht"]], "2025": [["Klantnummer", "Omzet"], [1, 10]]},
    )
    workbook("no_header.xlsx", {"2024": [["Foo", "Bar"], [1, 10]], "2025": [["Foo", "Bar"], [1, 10]]})
    workbook("unrecognised_sheets.xlsx", {"Blad1": [["Foo", "Bar"], [1, 10]], "Blad2": [["Foo", "Bar"], [1, 10]]})
    workbook(
        "no_active_base.xlsx",
        {"2024": [["Klantnummer", "Omzet"], [1, 0], [2, -5]], "2025": [["Klantnummer", "Omzet"], [1, 10]]},
    )
    workbook(
        "two_sheets_same_year.xlsx",
        {"2024": [["Klantnummer", "Omzet"], [1, 10]], "Omzet 2024": [["Klantnummer", "Omzet"], [1, 20]]},
    )
    folder = HERE / "same_year"
    folder.mkdir(exist_ok=True)
    (folder / "omzet_2024.csv").write_text("Klantnummer;Omzet\n1;10\n", encoding="utf-8")
    (folder / "kopie_2024.csv").write_text("Klantnummer;Omzet\n1;20\n", encoding="utf-8")
    write_text("customer_missing_2024.csv", "Klantnummer;Omzet\n1;10\n;20\n")

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "2024"
    sheet.append(["Klantnummer", "Omzet"])
    sheet.append([1, 10])
    sheet.append([2, "#N/A"])
    sheet["B3"].data_type = "e"
    book.save(HERE / "error_cells.xlsx")

    with zipfile.ZipFile(HERE / "not_a_spreadsheet.xlsx", "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document>Een brief, geen werkmap.</document>")
    (HERE / "picture.png").write_bytes(_tiny_png())
    write_text("export.xls", "<html><body><table><tr><td>Klant</td><td>Omzet</td></tr></table></body></html>\n")
    _make_encrypted()
    _make_xls()


def _tiny_png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\x00")) + chunk(b"IEND", b"")


def _make_encrypted() -> None:
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = io.BytesIO()
    book = openpyxl.Workbook()
    book.active.title = "2024"
    book.active.append(["Klantnummer", "Omzet"])
    book.active.append([1, 10])
    book.save(plain)
    plain.seek(0)
    with (HERE / "encrypted.xlsx").open("wb") as target:
        OOXMLFile(plain).encrypt("geheim", target)


def _make_xls() -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        raise SystemExit("soffice (LibreOffice) is needed to write old_format.xls")
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "old_format.xlsx"
        book = openpyxl.Workbook()
        book.active.title = "2024"
        book.active.append(["Klantnummer", "Omzet"])
        book.active.append([1, 10])
        book.save(source)
        subprocess.run([soffice, "--headless", "--convert-to", "xls", "--outdir", folder, str(source)], check=True, capture_output=True)
        shutil.copy(Path(folder) / "old_format.xls", HERE / "old_format.xls")


def main() -> None:
    make_amounts()
    make_csv()
    make_layout()
    make_customers()
    make_credit_notes()
    make_transactions()
    make_year_columns()
    make_bad_input()


if __name__ == "__main__":
    main()
