"""The command line with the reading options: exit codes and exact messages, run in-process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import CDNOW_COLUMNS as COLUMNS
from tests.helpers import CDNOW_ROWS, run

CDNOW_TRANSACTIONS = Path(__file__).resolve().parents[3] / "shared" / "data" / "cdnow" / "CDNOW_sample.txt"


def test_transaction_file_by_column_positions(capsys):
    code, out, err = run(capsys, "matrix", CDNOW_TRANSACTIONS, "--kolommen", "klant=2,datum=3,bedrag=5", "--json")

    assert (code, err) == (0, "")
    document = json.loads(out)
    assert document["jaren"] == [1997, 1998]
    assert document["actief"] == {"1997": 2349, "1998": 515}
    assert document["niet_geplaatst"] == 8
    assert document["grenzen"] == {"A": 707.94, "B": 305.33, "C": 108.72, "D": 43.99}
    assert {row: [document["matrix"][row][column]["aantal"] for column in COLUMNS] for row in CDNOW_ROWS} == CDNOW_ROWS


def test_financial_year_option(capsys, data):
    code, out, err = run(
        capsys, "matrix", data / "transactions_dates.xlsx", "--boekjaar-start", "juli", "--jaren", "2023", "2024", "--json"
    )

    assert (code, err) == (0, "")
    document = json.loads(out)
    assert document["jaren"] == [2023, 2024]
    # Financial year 2023 (July 2023 to June 2024): K1 30,00 and K2 30,00; 2024: K2 40,00 and K3 110,00.
    assert document["actief"] == {"2023": 2, "2024": 2}


def test_date_column_by_name(capsys, data):
    code, _, err = run(capsys, "matrix", data / "credit_notes.csv", "--datumkolom", "Datum", "--json")
    assert (code, err) == (0, "")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            ["encrypted.xlsx"],
            "Bestand 'encrypted.xlsx': de werkmap is beveiligd met een wachtwoord en kan daarom niet worden gelezen. "
            "Open hem in Excel, haal het wachtwoord weg (Bestand > Info > Werkmap beveiligen > Versleutelen met wachtwoord, "
            "veld leegmaken) en sla hem op, of sla een kopie zonder wachtwoord op.",
        ),
        (
            ["old_format.xls"],
            "Bestand 'old_format.xls': oude .xls-bestanden worden niet ondersteund. "
            "Open het bestand in Excel en kies Opslaan als > Excel-werkmap (.xlsx).",
        ),
        (
            ["picture.png"],
            "Bestand 'picture.png': dit bestand is geen Excel-werkmap en geen CSV- of tekstbestand. "
            "Kies een .xlsx- of .csv-bestand met klantnummers en omzet.",
        ),
        (
            ["empty_sheet.xlsx"],
            "Bestand 'empty_sheet.xlsx', blad '2025': het blad is leeg. Kies een blad met klantnummers en omzet.",
        ),
        (
            ["error_cells.xlsx"],
            "Bestand 'error_cells.xlsx', blad '2024', rij 3, kolom B: de cel bevat de Excel-foutwaarde #N/A. "
            "Herstel de formule of vul een waarde in.",
        ),
        (
            ["amounts_text.csv", "--jaren", "2024", "2025"],
            "Bestand 'amounts_text.csv': --jaren noemt 2 jaren, maar het aantal bladen of bestanden zonder jaartal in de naam is 1. "
            "Geef één bestand per jaar, of één werkmap met een blad per jaar.",
        ),
        (
            ["customer_missing_2024.csv"],
            "Bestand 'customer_missing_2024.csv', rij 3, kolom A: deze rij heeft een omzet (20) maar geen klantnummer. "
            "Vul het klantnummer in of verwijder de rij.",
        ),
        (
            ["no_active_base.xlsx"],
            "Bestand 'no_active_base.xlsx', blad '2024': geen enkele klant heeft in 2024 een omzet groter dan 0, "
            "dus er is geen piramide te maken. Controleer de omzetkolom.",
        ),
        (
            ["customers_two_years.xlsx", "--jaren", "2024", "2024"],
            "Het jaar 2024 komt twee keer voor. Kies twee verschillende jaren.",
        ),
        (
            ["transactions_positions.txt", "--kolommen", "klant=2,datum=3"],
            "--kolommen mist bedrag. Geef minstens klant en bedrag op, bijvoorbeeld klant=1,bedrag=3.",
        ),
        (
            ["transactions_dates.xlsx", "--boekjaar-start", "13"],
            "'13' is geen maand. Geef een nummer van 1 tot en met 12 of een maandnaam, bijvoorbeeld 7 of juli.",
        ),
    ],
)
def test_bad_input_exits_with_one_message(capsys, data, arguments, message):
    first, *options = arguments
    code, out, err = run(capsys, "matrix", data / first, *options)

    assert code == 1
    assert out == ""
    assert err == message + "\n"


def test_bad_input_message_in_english(capsys, data):
    code, _, err = run(capsys, "matrix", data / "old_format.xls", "--taal", "en")

    assert code == 1
    assert err == (
        "File 'old_format.xls': old .xls files are not supported. "
        "Open the file in Excel and choose Save As > Excel Workbook (.xlsx).\n"
    )
