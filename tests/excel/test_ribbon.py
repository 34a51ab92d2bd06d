"""The dispatcher, the sheet-name encoding, and the Piramide, Instellingen and Controle / Over buttons."""

from __future__ import annotations

import ast
from pathlib import Path
from xml.etree import ElementTree

import openpyxl
import pytest

from klantpiramide.excel import ribbon
from klantpiramide.excel.about import PackageCheck, check_packages, describe_installation
from klantpiramide.excel.config import AddinSettings, load_settings, save_settings
from klantpiramide.excel.ribbon import ACTIONS, decode_sheet_names, encode_sheet_names, on_ribbon_action
from klantpiramide.excel.workbook_file import FileWorkbook

REPOSITORY = Path(__file__).resolve().parents[2]
RIBBON_XML = REPOSITORY / "addin" / "customUI.xml"
CUSTOMUI = "{http://schemas.microsoft.com/office/2006/01/customui}"


def ribbon_buttons() -> list[ElementTree.Element]:
    return list(ElementTree.parse(RIBBON_XML).getroot().iter(f"{CUSTOMUI}button"))


def test_every_ribbon_button_is_in_the_table():
    ids = [button.get("id") for button in ribbon_buttons()]
    assert ids == ["kp_report", "kp_refresh", "kp_pyramid", "kp_settings", "kp_about"]
    assert sorted(ids) == sorted(ACTIONS)


def test_every_button_calls_the_one_callback():
    callbacks = {button.get("onAction") for button in ribbon_buttons()}
    assert callbacks == {"KlantpiramideRibbon.OnRibbonAction"}


def test_dispatcher_is_a_table():
    # The dispatcher looks actions up in ACTIONS; it has no if-chain over button ids.
    source = Path(ribbon.__file__).read_text(encoding="utf-8")
    tree = ast.parse(source)
    compared = [node for node in ast.walk(tree) if isinstance(node, ast.Compare) and any(isinstance(item, ast.Constant) and str(item.value).startswith("kp_") for item in node.comparators)]
    assert compared == []


@pytest.mark.parametrize(
    "names",
    [
        ["2024", "2025"],
        ["Omzet '24", "Klant's \"beste\" jaar"],
        ["a|b", "100% & meer", "^caret"],
        ["Année 2024", "Ωmega", "🙂 2025"],
        [],
    ],
)
def test_sheet_names_survive_encoding(names):
    encoded = encode_sheet_names(names)
    assert set(encoded) <= set("0123456789ABCDEF ")
    assert decode_sheet_names(encoded) == names


def test_encoding_matches_the_vba_function():
    # VBA's HexUtf16 writes each UTF-16 code unit as four hexadecimal digits: "'" is 0027, '€' is 20AC.
    assert encode_sheet_names(["'€", "ab"]) == "002720AC 00610062"


def test_unknown_button(cdnow_copy, config):
    port = FileWorkbook(cdnow_copy)
    message = on_ribbon_action("kp_typo", [], port, config)
    assert message == "Onbekende knop 'kp_typo'. Installeer de invoegtoepassing opnieuw met 'klantpiramide addin install'."
    assert port.messages == [("Klantpiramide", message)]


def test_unexpected_error_is_shown_not_raised(cdnow_copy, config, monkeypatch):
    def broken(context):
        raise RuntimeError("kapot")

    monkeypatch.setitem(ACTIONS, "kp_about", (broken, "addin_ribbon_about"))
    port = FileWorkbook(cdnow_copy)
    message = on_ribbon_action("kp_about", [], port, config)
    assert message == f"Er ging iets onverwachts mis (RuntimeError: kapot). De details staan in {config.log_path()}."
    assert port.statuses[-1] is None


def test_status_bar_is_given_back(cdnow_copy, click):
    port = FileWorkbook(cdnow_copy)
    click(port, "kp_report", ["1997"])
    assert port.statuses[0] == "Klantpiramide: Migratierapport…"
    assert port.statuses[-1] is None


def test_pyramid_of_active_sheet(cdnow_copy, click):
    port = FileWorkbook(cdnow_copy, active_sheet="1997")
    message = click(port, "kp_pyramid")
    assert message == "Blad 'Piramide 1997' toegevoegd met de piramide van blad '1997'."
    assert port.sheet_names() == ["1997", "1998", "Piramide 1997"]

    port.save()
    rows = list(openpyxl.load_workbook(cdnow_copy)["Piramide 1997"].iter_rows(values_only=True))
    assert rows[0] == ("Categorie", "Ondergrens", "Aantal klanten", "Aandeel klanten", "Omzet", "Aandeel omzet")
    assert [row[:3] for row in rows[1:]] == [
        ("A", 707.94, 23),
        ("B", 305.33, 94),
        ("C", 108.72, 353),
        ("D", 43.99, 587),
        ("E", "> 0", 1292),
        ("Totaal", None, 2349),
    ]
    assert rows[1][4] == 28861.83
    assert rows[-1][4] == 201224.82


def test_pyramid_twice_adds_a_second_sheet(cdnow_copy, click):
    port = FileWorkbook(cdnow_copy, active_sheet="1998")
    click(port, "kp_pyramid")
    click(port, "kp_pyramid")
    assert port.sheet_names() == ["1997", "1998", "Piramide 1998", "Piramide 1998 (2)"]


def test_pyramid_with_own_bounds(cdnow_copy, click, config):
    save_settings(config, AddinSettings(split="1,4,15,80", own_bounds="1000 250 50"))
    port = FileWorkbook(cdnow_copy, active_sheet="1997")
    click(port, "kp_pyramid")
    port.save()
    rows = list(openpyxl.load_workbook(cdnow_copy)["Piramide 1997"].iter_rows(values_only=True))
    assert [row[:2] for row in rows[1:5]] == [("A", 1000), ("B", 250), ("C", 50), ("D", "> 0")]


def test_pyramid_of_sheet_without_data(make_workbook, click):
    port = FileWorkbook(make_workbook({"Blad1": [("Klantnummer", "Omzet"), ("1", 0)]}))
    message = click(port, "kp_pyramid")
    assert message == "Geen enkele klant heeft in Blad1 een omzet groter dan 0, dus er is geen piramide te maken. Controleer de omzetkolom."
    assert port.sheet_names() == ["Blad1"]


def settings_workbook(config) -> Path:
    return config.state_folder / "instellingen.xlsx"


def test_settings_opens_settings_workbook(cdnow_copy, click, config):
    port = FileWorkbook(cdnow_copy)
    message = click(port, "kp_settings")
    assert message == "Pas de waarden in kolom B aan en klik daarna nogmaals op Instellingen om ze op te slaan. Ze gelden voor al uw werkmappen."
    assert port.opened == [settings_workbook(config)]
    assert port.sheet_names() == ["1997", "1998"]

    rows = list(openpyxl.load_workbook(port.opened[0])["Klantpiramide-instellingen"].iter_rows(values_only=True))
    values = {row[3]: row[1] for row in rows[2:]}
    assert values == {
        "split": "1,4,15,25,55",
        "own_bounds": None,
        "language": "nl",
        "template": None,
        "report_target": "nieuwe werkmap",
        "report_folder": None,
    }


def edit_settings(path: Path, changes: dict[str, object]) -> None:
    """Change column B of the settings sheet as a user would, by the row's setting."""
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.worksheets[0]
    for row in sheet.iter_rows(min_row=3):
        if row[3].value in changes:
            row[1].value = changes[row[3].value]
    workbook.save(path)


def test_settings_saved_from_sheet(cdnow_copy, click, config, tmp_path):
    click(FileWorkbook(cdnow_copy), "kp_settings")
    path = settings_workbook(config)
    # A single bound typed as a number is read as the text the user typed.
    edit_settings(path, {"split": "20,80", "own_bounds": 10000, "report_target": "actieve werkmap", "language": "en"})

    message = click(FileWorkbook(path), "kp_settings")
    # The message is in the language just chosen.
    assert message == f"Settings saved in {config.path}."
    assert load_settings(config) == AddinSettings(split="20,80", own_bounds="10000", language="en", report_target="active")


def test_settings_invalid_value_names_the_row(cdnow_copy, click, config):
    click(FileWorkbook(cdnow_copy), "kp_settings")
    path = settings_workbook(config)
    edit_settings(path, {"split": "1,4,15,70", "language": "en"})

    message = click(FileWorkbook(path), "kp_settings")
    assert message == "Bestand 'instellingen.xlsx', blad 'Klantpiramide-instellingen', rij 3, kolom B: de percentages van de verdeling tellen op tot 90 in plaats van 100."
    assert load_settings(config) == AddinSettings()


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"own_bounds": "100 500 50 10"}, "rij 4, kolom B: de grenzen moeten van hoog naar laag lopen en groter dan 0 zijn: 100 500 50 10."),
        ({"language": "fr"}, "rij 5, kolom B: de taal 'fr' wordt niet ondersteund. Kies nl of en."),
        ({"template": "/bestaat/niet.xlsx"}, "rij 6, kolom B: het sjabloon bestaat niet. Controleer het pad."),
        ({"report_target": "ergens"}, "rij 7, kolom B: 'ergens' is geen geldige keuze. Kies uit: nieuwe werkmap, actieve werkmap."),
        ({"report_folder": "/bestaat/niet"}, "rij 8, kolom B: de map bestaat niet. Kies een bestaande map of laat de instelling leeg."),
    ],
)
def test_settings_rejects(cdnow_copy, click, config, changes, expected):
    click(FileWorkbook(cdnow_copy), "kp_settings")
    path = settings_workbook(config)
    edit_settings(path, changes)
    message = click(FileWorkbook(path), "kp_settings")
    assert message == "Bestand 'instellingen.xlsx', blad 'Klantpiramide-instellingen', " + expected
    assert not config.path.exists()


def test_about_lists_versions(cdnow_copy, click):
    message = click(FileWorkbook(cdnow_copy), "kp_about")
    lines = message.splitlines()
    assert lines[0] == "Klantpiramide 0.1.0"
    assert lines[1].startswith("Python 3.")
    assert "xlwings 0.37.8: in orde" in lines
    assert any(line.startswith("pandas ") and line.endswith(": in orde") for line in lines)


def test_about_reports_missing_and_wrong_packages():
    checks = check_packages(["xlwings==0.1.0", "geenpakket-klantpiramide>=1.0", "openpyxl>=3.1.5", "pytest>=8; extra == \"dev\""])
    assert checks[0] == PackageCheck("xlwings", "xlwings==0.1.0", "0.37.8", False)
    assert checks[1] == PackageCheck("geenpakket-klantpiramide", "geenpakket-klantpiramide>=1.0", None, False)
    assert checks[2].fits is True
    assert len(checks) == 3

    text = describe_installation("nl", checks).splitlines()
    assert text[3] == "xlwings 0.37.8: verkeerde versie (nodig: xlwings==0.1.0). Installeer de juiste versie met pip."
    assert text[4] == "geenpakket-klantpiramide: ontbreekt (nodig: geenpakket-klantpiramide>=1.0). Installeer het met pip."


def test_log_file_handler_added_once(config):
    import logging

    package_logger = logging.getLogger("klantpiramide")
    before = list(package_logger.handlers)
    try:
        ribbon._log_to_file(config)
        ribbon._log_to_file(config)
        added = [handler for handler in package_logger.handlers if handler not in before]
        assert [handler.baseFilename for handler in added] == [str(config.log_path().resolve())]

        package_logger.info("ribbon action test")
        added[0].flush()
        assert config.log_path().read_text(encoding="utf-8").endswith("INFO ribbon action test\n")
    finally:
        for handler in package_logger.handlers[:]:
            if handler not in before:
                package_logger.removeHandler(handler)
                handler.close()
        package_logger.setLevel(logging.NOTSET)


def test_status_bar_shows_report_steps(cdnow_copy, click):
    port = FileWorkbook(cdnow_copy)
    click(port, "kp_report", ["1997", "1998"])
    assert "Klantpiramide: Bladen schrijven (1/13)" in port.statuses
    assert "Klantpiramide: Rapport opslaan" in port.statuses
    assert port.statuses.index("Klantpiramide: Bladen schrijven (13/13)") < port.statuses.index("Klantpiramide: Rapport opslaan")
    assert port.statuses[-1] is None
