"""The call list exported from a report by `klantpiramide bellijst`, run in-process on the small report."""

from __future__ import annotations

import openpyxl
import pytest

from klantpiramide.cli import main
from klantpiramide.report.call_list import export_call_list
from tests.report.small_report import anchor, small_report

HEADER_NL = "Klantnummer;Naam;Segment;Advies;Ook in;Categorie 2024;Categorie 2025;Omzet 2024;Omzet 2025;Verschil;Eigenaar;Actie / Opmerking"
ADVICE_RISERS = "Geef ze aandacht: bedank ze en bespreek hoe u meer van hun zaken kunt doen."


def run(capsys, *arguments):
    code = main([str(argument) for argument in arguments])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_csv_lists_customers_to_contact(capsys, tmp_path):
    report = small_report(tmp_path)
    output = tmp_path / "bellijst.csv"
    code, out, err = run(capsys, "bellijst", report, "-o", output)
    assert (code, err) == (0, "")
    assert out == f"Bellijst gemaakt: {output} (6 klanten)\n"

    text = output.read_text(encoding="utf-8-sig")
    assert text.splitlines() == [
        HEADER_NL,
        "2;Smit Transport;Dalers;Neem contact op en vraag hoe ze de service ervaren.;Key accounts;A;B;120,00;55,00;-65,00;;",
        "7;Visser Metaal;Verloren;Neem contact op: vraag wat er gebeurd is en wat hen terug zou halen.;;C;;25,00;0,00;-25,00;;",
        f"1;Bakkerij Jansen;Stijgers / groeiers;{ADVICE_RISERS};Key accounts;B;A;60,00;150,00;90,00;;",
        f"4;Van Dijk Tuinen;Stijgers / groeiers;{ADVICE_RISERS};Key accounts;C;B;40,00;70,00;30,00;;",
        "8;Nieuw B.V.;Nieuw;Heet ze welkom en vraag naar hun ervaringen tot nu toe.;Kleine klanten (D);;D;0,00;8,00;8,00;;",
        "5;Bos Bouw;Lijken op groeiers;Kandidaten om te laten groeien: benader ze zoals de stijgers uit hun categorie.;;C;C;45,00;30,00;-15,00;;",
    ]
    assert output.read_bytes().startswith(b"\xef\xbb\xbf")


def test_owner_from_customer_tables_then_segment(tmp_path):
    report = small_report(tmp_path)
    workbook = openpyxl.load_workbook(report)
    klanten = workbook["Klanten"]
    header = [cell.value for cell in klanten[3]]
    row_of_7 = next(row for row in klanten.iter_rows(min_row=4) if row[0].value == "7")
    row_of_7[header.index("Eigenaar")].value = "Anna"
    row_of_7[header.index("Actie / Opmerking")].value = "Offerte sturen"
    actions, top, left = anchor(workbook, "kp_acties")
    actions.cell(top + 1, left + 7).value = "Piet"  # owner of the risers
    workbook.save(report)

    result = export_call_list(report, tmp_path / "bellijst.csv")
    rows = [line.split(";") for line in (tmp_path / "bellijst.csv").read_text(encoding="utf-8-sig").splitlines()[1:]]
    owners = {row[0]: (row[10], row[11]) for row in rows}
    assert owners == {"2": ("", ""), "7": ("Anna", "Offerte sturen"), "1": ("Piet", ""), "4": ("Piet", ""), "8": ("", ""), "5": ("", "")}
    assert result.per_segment == {"fallers": 1, "lost": 1, "risers": 2, "new": 1, "look_alikes": 1}


def test_xlsx_with_header_formats_and_filter(tmp_path):
    report = small_report(tmp_path)
    output = tmp_path / "bellijst.xlsx"
    result = export_call_list(report, output)
    assert result.customers == 6
    sheet = openpyxl.load_workbook(output)["Bellijst"]
    assert [cell.value for cell in sheet[1]][:4] == ["Klantnummer", "Naam", "Segment", "Advies"]
    assert sheet["A1"].font.bold
    assert [cell.value for cell in sheet[2]][:10] == ["2", "Smit Transport", "Dalers", sheet["D2"].value, "Key accounts", "A", "B", 120, 55, -65]
    assert sheet["H2"].number_format == "#,##0.00"
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:L7"
    assert sheet.max_row == 7


def test_chosen_segments_only(capsys, tmp_path):
    report = small_report(tmp_path)
    output = tmp_path / "klein.csv"
    code, out, _ = run(capsys, "bellijst", report, "-o", output, "--segmenten", "Klein, dalers")
    assert code == 0
    assert out == f"Bellijst gemaakt: {output} (3 klanten)\n"
    rows = [line.split(";")[:5] for line in output.read_text(encoding="utf-8-sig").splitlines()[1:]]
    assert [row[:3] + row[4:] for row in rows] == [
        ["2", "Smit Transport", "Dalers", "Key accounts"],
        ["6", "Kok Catering", "Kleine klanten (D)", ""],
        ["8", "Nieuw B.V.", "Kleine klanten (D)", "Nieuw"],
    ]


def test_english_csv_uses_commas_and_points(capsys, tmp_path):
    report = small_report(tmp_path)
    output = tmp_path / "calls.csv"
    code, _, _ = run(capsys, "bellijst", report, "-o", output, "--taal", "en", "--segmenten", "fallers")
    assert code == 0
    assert output.read_text(encoding="utf-8-sig").splitlines() == [
        "Customer number,Name,Segment,Advice,Also in,Category 2024,Category 2025,Revenue 2024,Revenue 2025,Change,Owner,Action / Note",
        "2,Smit Transport,Fallers,Contact them and ask how they experience the service.,Key accounts,A,B,120.00,55.00,-65.00,,",
    ]


@pytest.mark.parametrize(
    ("output", "segments", "message"),
    [
        ("bellijst.txt", None, "De bellijst moet een .xlsx- of .csv-bestand zijn, niet '.txt'. Kies bijvoorbeeld -o bellijst.xlsx.\n"),
        ("rapport.xlsx", None, "De bellijst zou het rapport 'rapport.xlsx' overschrijven. Kies een andere naam met -o, bijvoorbeeld bellijst.xlsx.\n"),
        (
            "bellijst.csv", "dalers,bellers",
            "'bellers' is geen segment. Kies uit: stijgers, keyaccounts, dalers, verloren, nieuw, teruggewonnen, klein, lijkenopgroeiers.\n",
        ),
    ],
)
def test_invalid_requests(capsys, tmp_path, output, segments, message):
    report = small_report(tmp_path)
    before = report.read_bytes()
    extra = ["--segmenten", segments] if segments else []
    code, out, err = run(capsys, "bellijst", report, "-o", tmp_path / output, *extra)
    assert (code, out, err) == (1, "", message)
    assert report.read_bytes() == before
    assert not (tmp_path / "bellijst.csv").exists()


def test_missing_report(capsys, tmp_path):
    code, _, err = run(capsys, "bellijst", tmp_path / "weg.xlsx", "-o", tmp_path / "bellijst.csv")
    assert code == 1
    assert err == "Bestand 'weg.xlsx': het bestand bestaat niet. Controleer de naam en de map.\n"


def test_call_list_open_in_excel(capsys, tmp_path):
    report = small_report(tmp_path)
    (tmp_path / "~$bellijst.xlsx").write_bytes(b"owner")
    code, _, err = run(capsys, "bellijst", report, "-o", tmp_path / "bellijst.xlsx")
    assert code == 1
    assert err == "Bestand 'bellijst.xlsx': het bestand is geopend in Excel of vergrendeld. Sluit het en probeer het opnieuw.\n"


def test_empty_call_list_keeps_header(tmp_path):
    report = small_report(tmp_path)
    output = tmp_path / "leeg.xlsx"
    result = export_call_list(report, output, segments=("won_back",))
    assert result.customers == 0
    assert result.per_segment == {}
    sheet = openpyxl.load_workbook(output).active
    assert sheet.max_row == 1
    assert sheet["A1"].value == "Klantnummer"
