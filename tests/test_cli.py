"""The command line, run in-process: exit codes, exact output and exact messages."""

from __future__ import annotations

import json

import openpyxl
import pytest

from klantpiramide.cli import build_parser, main
from tests.helpers import CDNOW_COLUMNS as COLUMNS
from tests.helpers import CDNOW_ROWS, run


def test_matrix_json_gives_cdnow_figures(capsys, cdnow_workbook):
    code, out, err = run(capsys, "matrix", cdnow_workbook, "--json")
    assert (code, err) == (0, "")
    document = json.loads(out)
    assert document["jaren"] == [1997, 1998]
    assert document["actief"] == {"1997": 2349, "1998": 515}
    assert document["niet_geplaatst"] == 8
    assert document["grenzen"] == {"A": 707.94, "B": 305.33, "C": 108.72, "D": 43.99}
    counts = {row: [document["matrix"][row][column]["aantal"] for column in COLUMNS] for row in CDNOW_ROWS}
    assert counts == CDNOW_ROWS


def test_matrix_json_cell_revenues(capsys, cdnow_workbook):
    _, out, _ = run(capsys, "matrix", cdnow_workbook, "--json")
    cell = json.loads(out)["matrix"]["A"]["Verloren"]
    assert cell["aantal"] == 6
    assert cell["omzet_volgend"] == 0.0
    assert isinstance(cell["omzet_basis"], float)
    total_base = sum(json.loads(out)["matrix"][row][column]["omzet_basis"] for row in CDNOW_ROWS for column in COLUMNS)
    assert round(total_base, 2) == 201224.82


def test_matrix_text_table(capsys, cdnow_workbook):
    code, out, _ = run(capsys, "matrix", cdnow_workbook)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["1997\\1998", "A", "B", "C", "D", "E", "Verloren", "Totaal"]
    assert lines[1].split() == ["A", "1", "4", "10", "2", "0", "6", "23"]
    assert lines[-1].split() == ["Totaal", "1", "21", "95", "156", "242", "1834", "2349"]


def test_rapport_writes_report(capsys, cdnow_workbook, tmp_path):
    output = tmp_path / "rapport.xlsx"
    code, out, err = run(capsys, "rapport", cdnow_workbook, "-o", output)
    assert (code, err) == (0, "")
    assert out == f"Rapport gemaakt: {output} (1997 → 1998, 2.349 klanten in de matrix)\n"
    assert openpyxl.load_workbook(output).sheetnames[:3] == ["Samenvatting", "Acties", "Migratiematrix"]


def test_missing_input_gives_dutch_message(capsys, tmp_path):
    code, out, err = run(capsys, "rapport", tmp_path / "bestaatniet.xlsx", "-o", tmp_path / "r.xlsx")
    assert code == 1
    assert err == "Bestand 'bestaatniet.xlsx': het bestand bestaat niet. Controleer de naam en de map.\n"


def test_missing_input_in_english(capsys, tmp_path):
    code, _, err = run(capsys, "matrix", tmp_path / "missing.csv", "--taal", "en")
    assert code == 1
    assert err == "File 'missing.csv': the file does not exist. Check the name and the folder.\n"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--verdeling", "1,4,15"], "De percentages van de verdeling tellen op tot 20 in plaats van 100.\n"),
        (["--verdeling", "50,x"], "De verdeling '50,x' is ongeldig. Geef 2 tot 5 percentages, gescheiden door komma's, die samen 100 zijn, bijvoorbeeld 1,4,15,80.\n"),
        (["--grenzen", "100", "50"], "Er zijn 4 grenzen nodig (categorie A, B, C, D), er zijn er 2 opgegeven.\n"),
        (["--grenzen", "1", "2", "3", "4", "--per-jaar"], "--grenzen en --per-jaar gaan niet samen. Kies één van beide.\n"),
        (["--valuta", "XYZ"], "De valuta 'XYZ' wordt niet ondersteund. Kies uit: EUR, USD, GBP, CHF.\n"),
    ],
)
def test_invalid_options_give_dutch_message(capsys, cdnow_workbook, options, message):
    code, out, err = run(capsys, "matrix", cdnow_workbook, *options)
    assert (code, out) == (1, "")
    assert err == message


def test_four_category_split(capsys, cdnow_workbook):
    _, out, _ = run(capsys, "matrix", cdnow_workbook, "--json", "--verdeling", "1,4,15,80")
    document = json.loads(out)
    assert list(document["grenzen"]) == ["A", "B", "C"]
    assert list(document["matrix"]) == ["A", "B", "C", "D", "Nieuw"]
    assert list(document["matrix"]["A"]) == ["A", "B", "C", "D", "Verloren"]


def test_per_year_reports_both_bounds(capsys, cdnow_workbook):
    _, out, _ = run(capsys, "matrix", cdnow_workbook, "--json", "--per-jaar")
    document = json.loads(out)
    assert document["grenzen"]["A"] == 707.94
    assert "grenzen_volgend" in document
    counts_next = sum(document["matrix"][row][column]["aantal"] for row in CDNOW_ROWS for column in COLUMNS[:5])
    assert counts_next == 515


def test_demo_writes_report(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "demo")
    assert code == 0
    assert out == "Voorbeeldrapport gemaakt: klantpiramide-demo.xlsx\n"
    assert (tmp_path / "klantpiramide-demo.xlsx").is_file()


@pytest.mark.parametrize("command", ["rapport", "matrix", "demo", "addin"])
def test_every_command_has_dutch_help(capsys, command):
    with pytest.raises(SystemExit) as exited:
        main([command, "--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"gebruik: klantpiramide {command}")
    assert "\nopties:\n" in out
    assert "toon deze hulp en stop" in out
    assert command in build_parser().format_help()


def test_usage_error_points_to_help(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["rapport"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "Fout in de opdracht: deze argumenten ontbreken: INVOER, -o/--uitvoer\n" in err
    assert "Zie 'klantpiramide rapport --help' voor de mogelijkheden." in err


def test_invalid_choice_in_dutch(capsys):
    with pytest.raises(SystemExit):
        main(["matrix", "x.xlsx", "--taal", "fr"])
    assert "argument --taal: ongeldige keuze: 'fr' (kies uit 'nl', 'en')" in capsys.readouterr().err


def test_output_closed_early_gives_no_traceback(cdnow_workbook, tmp_path):
    import subprocess
    import sys

    command = f"{sys.executable} -m klantpiramide.cli matrix {cdnow_workbook} --json | head -1"
    completed = subprocess.run(command, shell=True, capture_output=True, text=True, timeout=120)
    assert completed.stdout == "{\n"
    assert completed.stderr == ""


def test_report_refuses_other_workbook_as_output(capsys, cdnow_workbook, make_workbook):
    other = make_workbook({"Data": [("Belangrijk",)]}, "anders.xlsx")
    before = other.read_bytes()
    code, _, err = run(capsys, "rapport", cdnow_workbook, "-o", other)
    assert code == 1
    assert err.startswith("Bestand 'anders.xlsx': dit bestand bestaat al en is geen rapport van Klantpiramide")
    assert other.read_bytes() == before
    assert not other.with_name("anders.vorige.xlsx").exists()


def test_report_needs_xlsx_name(capsys, cdnow_workbook, tmp_path):
    code, _, err = run(capsys, "rapport", cdnow_workbook, "-o", tmp_path / "rapport.csv")
    assert code == 1
    assert err == "Bestand 'rapport.csv': het rapport moet de extensie .xlsx hebben, niet '.csv'. Kies een naam zoals rapport.xlsx.\n"


def test_second_report_says_where_previous_went(capsys, cdnow_workbook, tmp_path):
    output = tmp_path / "rapport.xlsx"
    run(capsys, "rapport", cdnow_workbook, "-o", output)
    _, out, _ = run(capsys, "rapport", cdnow_workbook, "-o", output)
    assert out.splitlines()[1] == f"Vorige versie bewaard als {tmp_path / 'rapport.vorige.xlsx'}"
    assert output.stat().st_mode & 0o777 == 0o666 & ~_umask()


def _umask() -> int:
    import os

    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_folder_as_input_is_named_as_folder(capsys, tmp_path):
    folder = tmp_path / "omzet"
    folder.mkdir()
    code, _, err = run(capsys, "matrix", folder)
    assert code == 1
    assert err == "Bestand 'omzet': dit is een map, geen bestand. Geef het bestand zelf op, bijvoorbeeld omzet/omzet.xlsx.\n"


def test_missing_year_lists_years_in_workbook(capsys, make_workbook):
    sheets = {str(year): [("Klantnummer", "Omzet"), ("1", 100.0)] for year in (2023, 2024, 2025)}
    source = make_workbook(sheets, "drie_jaren.xlsx")
    code, _, err = run(capsys, "matrix", source, "--jaren", "2022", "2024")
    assert code == 1
    assert err == "Bestand 'drie_jaren.xlsx': er zijn geen gegevens voor 2022. Gevonden jaren: 2023, 2024, 2025.\n"


def test_unknown_column_lists_header_row_not_title(capsys, make_workbook):
    rows = [("Omzet per debiteur 2024",), (), ("Debiteurnummer", "Naam", "Omzet"), ("100", "Jansen", 250.0)]
    source = make_workbook({"2024": rows, "2025": rows}, "debiteuren.xlsx")
    code, _, err = run(capsys, "matrix", source, "--klantkolom", "Bestaatniet")
    assert code == 1
    assert "Gevonden koppen (rij 3): Debiteurnummer, Naam, Omzet." in err
