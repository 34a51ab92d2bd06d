"""CSV and text files: separators, encodings, quotes, and rows whose columns would shift."""

from __future__ import annotations

import pytest

from klantpiramide.errors import InputError, Location


@pytest.mark.parametrize(
    ("name", "expected_rows", "detail"),
    [
        (
            "csv_bom_semicolon.csv",
            [("1", "0001", "Café Één", 1000), ("2", "0002", "Smit; Zonen", 2050)],
            "UTF-8 (BOM), scheidingsteken ';'",
        ),
        (
            "csv_cp1252.csv",
            [("1", "0001", "Crème BV", 100000), ("2", "0002", "Müller", -500)],
            "Windows-1252, scheidingsteken ';'",
        ),
        (
            "csv_comma_quoted.csv",
            [("1", "0001", "Jansen, Piet", 123456), ("2", "0002", 'De "Zon" BV', 9900)],
            "UTF-8, scheidingsteken ','",
        ),
        ("csv_utf16_tab.txt", [("1", "0001", "", 1250), ("2", "0002", "", 700)], "UTF-16, scheidingsteken 'tab'"),
        ("csv_sep_line.csv", [("1", "0001", "", 1250)], "UTF-8, scheidingsteken ','"),
    ],
)
def test_csv_files_read_to_the_cent(read_file, frame_rows, notes_of, name, expected_rows, detail):
    table = read_file(name)

    assert frame_rows(table) == expected_rows
    assert notes_of(table, "note_text_file") == [(None, None, detail)]
    assert table.input_total == sum(row[3] for row in expected_rows)


def test_sep_line_keeps_row_numbers(read_file, notes_of):
    table = read_file("csv_sep_line.csv")

    # Row 1 is 'sep=,', so the header is row 2 as a text editor shows it.
    assert notes_of(table, "note_columns") == [(2, None, "klantnummer A, naam -, omzet B, datum -")]


def test_windows_1252_euro_sign_is_byte_0x80(data):
    assert b"\x80 1.000,00" in (data / "csv_cp1252.csv").read_bytes()


def test_unquoted_decimal_comma_is_refused(read_file):
    with pytest.raises(InputError) as raised:
        read_file("csv_unquoted_comma.csv")

    assert raised.value.key == "csv_field_count"
    assert raised.value.location == Location("csv_unquoted_comma.csv", None, 2, None)
    assert raised.value.params == {"found": 3, "expected": 2, "reference_row": 1, "delimiter": ","}


def test_csv_file_stays_unchanged(read_file, data):
    before = (data / "csv_cp1252.csv").read_bytes()
    read_file("csv_cp1252.csv")
    assert (data / "csv_cp1252.csv").read_bytes() == before
