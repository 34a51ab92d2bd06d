"""Sheet layout: title and blank rows, total rows, merged cells, empty columns, a wrong stored dimension."""

from __future__ import annotations

import re
import zipfile

import openpyxl
import pytest

from klantpiramide.errors import InputError, Location
from klantpiramide.reading import CellError, RawSheet, ReadNote, read_year_table, workbook


def test_untidy_sheet(read_file, frame_rows, notes_of):
    table = read_file("layout_untidy.xlsx")

    assert frame_rows(table) == [
        ("1001", "1001", "Aalders", 10000),
        ("1002", "1002", "Bakker", 20050),
        ("1003", "1003", "Claessen", 35000),
        ("1004", "1004", "Dekker", 100000),
    ]
    assert table.input_total == 165050
    assert notes_of(table, "note_title_row") == [(1, None, "Omzetoverzicht per klant"), (2, None, "Periode: 2024")]
    assert notes_of(table, "note_columns") == [(4, None, "klantnummer B, naam D, omzet E, datum -")]
    assert notes_of(table, "note_empty_row") == [(7, None, "")]
    assert notes_of(table, "note_merged") == [(8, "B", "B8:B9: 1003")]
    assert notes_of(table, "note_duplicate") == [(8, None, "1003: rijen 8, 9 → 350,00")]
    assert notes_of(table, "note_total_row") == [(10, None, "Subtotaal | 650.5"), (12, None, "Totaal | 1650.5")]


def test_notes_carry_file_and_sheet(read_file):
    table = read_file("layout_untidy.xlsx")

    assert {(note.file, note.sheet) for note in table.notes} == {("layout_untidy.xlsx", "2024")}


def test_amount_in_merged_cells_counts_once(read_file, frame_rows, notes_of):
    table = read_file("layout_merged_amount.xlsx")

    assert frame_rows(table) == [("2001", "2001", "Eerste", 50000), ("2002", "2002", "Tweede", 0)]
    assert notes_of(table, "note_merged_amount") == [(2, "C", "C2:C3")]
    assert notes_of(table, "note_amount_empty") == [(3, "C", "")]


def test_wrong_stored_dimension_is_ignored(read_file, data):
    path = data / "layout_wrong_dimension.xlsx"
    with zipfile.ZipFile(path) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml")
    assert re.search(rb'<dimension ref="A1"\s*/>', sheet_xml)

    table = read_file("layout_wrong_dimension.xlsx")

    assert len(table.frame) == 500
    assert table.frame["customer"].iloc[-1] == "K0500"
    assert table.input_total == sum(range(1, 501)) * 100


def test_wrong_dimension_fools_openpyxl_read_only(data):
    # The fixture is only a real test when a plain reader trusts the dimension.
    workbook = openpyxl.load_workbook(data / "layout_wrong_dimension.xlsx", read_only=True)
    assert workbook["2024"].max_row == 1
    workbook.close()


def test_sheet_values_from_the_addin():
    # The add-in passes the used range, which may start at C3, with merged ranges and error values.
    rows = [
        ("Klantnummer", "Naam", "Omzet"),
        ("0001", "Aalders", 10.5),
        (None, "Aalders", 4.5),
        ("0002", CellError("#REF!"), 7),
    ]
    sheet = RawSheet("Omzet.xlsx", "2024", rows, first_row=3, first_column=3, merged=((4, 3, 5, 3),))

    table = read_year_table(sheet, 2024)

    assert [(row.customer, row.name, int(row.revenue)) for row in table.frame.itertuples()] == [
        ("0001", "Aalders", 1500),
        ("0002", "", 700),
    ]
    assert [(note.kind, note.row, note.column) for note in table.notes if note.kind in {"note_merged", "note_name_error"}] == [
        ("note_merged", 4, "C"),
        ("note_name_error", 6, "D"),
    ]


def test_total_row_without_label_is_refused():
    rows = [("Klantnummer", "Omzet"), ("1", 10), (None, 10)]
    with pytest.raises(InputError) as raised:
        read_year_table(RawSheet("omzet.xlsx", "2024", rows), 2024)

    assert raised.value.key == "customer_missing"
    assert raised.value.location == Location("omzet.xlsx", "2024", 3, "A")


def test_customer_named_like_a_total_is_kept():
    rows = [("Klantnummer", "Naam", "Omzet"), ("1", "Totaal Installatie BV", 10), ("2", "Totaal", 10)]

    table = read_year_table(RawSheet("omzet.xlsx", "2024", rows), 2024)

    assert table.frame["name"].tolist() == ["Totaal Installatie BV"]
    assert [(note.kind, note.row) for note in table.notes if note.kind == "note_total_row"] == [("note_total_row", 3)]


def test_notes_of_the_sheet_are_kept():
    opened = ReadNote("note_text_file", "omzet.csv", None, None, None, "UTF-8, scheidingsteken ';'")
    sheet = RawSheet("omzet.csv", None, [("Klantnummer", "Omzet"), ("1", "10")], notes=[opened])

    table = read_year_table(sheet, 2024)

    assert table.notes[0] == opened


def test_sheet_starting_at_c3_names_the_right_cell(read_file):
    # calamine leaves out the empty columns A and B; the error must still be D5, not B5.
    with pytest.raises(InputError) as raised:
        read_file("layout_offset_error.xlsx")

    assert raised.value.key == "cell_error"
    assert raised.value.location == Location("layout_offset_error.xlsx", "2024", 5, "D")


@pytest.mark.parametrize("chunk", [7, 100, 1000])
def test_xml_scan_finds_cells_across_chunks(monkeypatch, read_file, chunk):
    monkeypatch.setattr(workbook, "_SCAN_CHUNK", chunk)
    monkeypatch.setattr(workbook, "_SCAN_OVERLAP", 300)

    with pytest.raises(InputError) as raised:
        read_file("error_cells.xlsx")
    assert raised.value.location == Location("error_cells.xlsx", "2024", 3, "B")

    # Customer 123 is a number cell with the format 00000.
    assert read_file("customers_two_years.xlsx").frame["customer"].iloc[0] == "00123"
