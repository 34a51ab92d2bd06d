"""Bad input: each case stops with one message key and the place it names, never a traceback."""

from __future__ import annotations

import pytest

from klantpiramide.errors import InputError, Location, SettingsError
from klantpiramide.reading import ColumnNames, ReadOptions, parse_column_positions, parse_month, read_inputs

BAD_INPUTS = [
    # (files, options to read_inputs, message key, location)
    (["empty_sheet.xlsx"], {}, "sheet_empty", Location("empty_sheet.xlsx", "2025")),
    (["empty.csv"], {}, "file_empty", Location("empty.csv")),
    (["no_revenue_column.xlsx"], {}, "revenue_not_found", Location("no_revenue_column.xlsx", "2024", 1)),
    (["no_header.xlsx"], {}, "header_not_found", Location("no_header.xlsx", "2024")),
    (["no_active_base.xlsx"], {}, "no_active_base", Location("no_active_base.xlsx", "2024")),
    (["two_sheets_same_year.xlsx"], {}, "year_duplicate_source", Location("two_sheets_same_year.xlsx")),
    (["same_year/omzet_2024.csv", "same_year/kopie_2024.csv"], {}, "year_duplicate_source", Location("kopie_2024.csv")),
    (["customers_two_years.xlsx"], {"years": (2024, 2024)}, "year_twice", Location()),
    (["customers_two_years.xlsx"], {"years": (2024, 2026)}, "year_missing", Location("customers_two_years.xlsx")),
    (["not_a_spreadsheet.xlsx"], {}, "file_not_spreadsheet", Location("not_a_spreadsheet.xlsx")),
    (["picture.png"], {}, "file_not_spreadsheet", Location("picture.png")),
    (["export.xls"], {}, "file_markup", Location("export.xls")),
    (["encrypted.xlsx"], {}, "workbook_encrypted", Location("encrypted.xlsx")),
    (["old_format.xls"], {}, "xls_not_supported", Location("old_format.xls")),
    (["missing.xlsx"], {}, "file_not_found", Location("missing.xlsx")),
    (["error_cells.xlsx"], {}, "cell_error", Location("error_cells.xlsx", "2024", 3, "B")),
    (["customer_missing_2024.csv"], {}, "customer_missing", Location("customer_missing_2024.csv", None, 3, "A")),
    (["amounts_text.csv"], {}, "year_not_found", Location("amounts_text.csv")),
    (["same_year/omzet_2024.csv"], {}, "year_only_one", Location("omzet_2024.csv")),
    (["unrecognised_sheets.xlsx"], {}, "header_not_found", Location("unrecognised_sheets.xlsx", "Blad1")),
    (["layout_untidy.xlsx"], {"names": ColumnNames(revenue="Bedrag")}, "column_not_found", Location("layout_untidy.xlsx", "2024")),
    (
        ["transactions_positions.txt"],
        {"options": ReadOptions(positions=parse_column_positions("klant=2,bedrag=9"))},
        "position_outside",
        Location("transactions_positions.txt"),
    ),
    (
        ["csv_bom_semicolon.csv"],
        {"options": ReadOptions(positions=parse_column_positions("klant=1,bedrag=2"))},
        "positions_no_amount",
        Location("csv_bom_semicolon.csv", None, None, "B"),
    ),
]


@pytest.mark.parametrize(("files", "options", "key", "location"), BAD_INPUTS, ids=[case[2] + "-" + case[0][0] for case in BAD_INPUTS])
def test_bad_input_is_refused_with_its_place(data, files, options, key, location):
    with pytest.raises(InputError) as raised:
        read_inputs([data / name for name in files], **options)

    assert raised.value.key == key
    assert raised.value.location == location


@pytest.mark.parametrize(("files", "options", "key", "location"), BAD_INPUTS, ids=[case[2] + "-" + case[0][0] for case in BAD_INPUTS])
def test_bad_input_message_in_both_languages(data, files, options, key, location):
    with pytest.raises(InputError) as raised:
        read_inputs([data / name for name in files], **options)

    dutch, english = raised.value.render("nl"), raised.value.render("en")
    assert dutch != english
    if location.file:
        assert f"Bestand '{location.file}'" in dutch
        assert f"File '{location.file}'" in english


def test_encrypted_workbook_message(data):
    with pytest.raises(InputError) as raised:
        read_inputs([data / "encrypted.xlsx"])

    assert str(raised.value).startswith("Bestand 'encrypted.xlsx': de werkmap is beveiligd met een wachtwoord")


def test_xls_message_says_how_to_convert(data):
    with pytest.raises(InputError) as raised:
        read_inputs([data / "old_format.xls"])

    assert "Opslaan als > Excel-werkmap (.xlsx)" in str(raised.value)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("klant=2,bedrag", "columns_option_invalid"),
        ("klant=2,prijs=3", "columns_option_invalid"),
        ("klant=0,bedrag=3", "columns_option_invalid"),
        ("klant=2,bedrag=2", "columns_option_invalid"),
        ("klant=2,klant=3", "columns_option_invalid"),
        ("klant=2", "columns_option_missing"),
        ("datum=1,bedrag=2", "columns_option_missing"),
    ],
)
def test_bad_column_positions(text, key):
    with pytest.raises(SettingsError) as raised:
        parse_column_positions(text)
    assert raised.value.key == key


def test_column_positions_by_number_or_letter():
    positions = parse_column_positions("klant=B, datum=3 ,bedrag=e,naam=AA")
    assert (positions.customer, positions.date, positions.revenue, positions.name) == (2, 3, 5, 27)


@pytest.mark.parametrize(("text", "month"), [("7", 7), ("juli", 7), ("July", 7), ("okt.", 10), ("1", 1), ("12", 12)])
def test_months(text, month):
    assert parse_month(text) == month


@pytest.mark.parametrize("text", ["0", "13", "juli2", "", "-1"])
def test_bad_months(text):
    with pytest.raises(SettingsError) as raised:
        parse_month(text)
    assert raised.value.key == "month_invalid"


def test_year_sheets_outweigh_year_in_file_name(tmp_path):
    from openpyxl import Workbook

    from klantpiramide.reading import read_inputs

    workbook = Workbook()
    workbook.active.title = "2024"
    workbook.active.append(("Klantnummer", "Omzet"))
    workbook.active.append(("1", 100.0))
    following = workbook.create_sheet("2025")
    following.append(("Klantnummer", "Omzet"))
    following.append(("1", 150.0))
    path = tmp_path / "omzet_2000_klanten.xlsx"
    workbook.save(path)

    base, next_ = read_inputs([path])
    assert (base.year, next_.year) == (2024, 2025)
    assert next_.input_total == 15_000
