"""The built add-in, taken apart as Excel would read it: ribbon XML, relationships, VBA (read with olevba)."""

from __future__ import annotations

import re
import warnings
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

from klantpiramide.excel import udfs
from klantpiramide.excel.build import BuildError, build_addin, main, pinned_xlwings_version
from klantpiramide.excel.ribbon import ACTIONS

REPOSITORY = Path(__file__).resolve().parents[2]
CUSTOMUI = "{http://schemas.microsoft.com/office/2006/01/customui}"
SPREADSHEET = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
CALLBACK_ATTRIBUTES = ("onAction", "getLabel", "onLoad")


@pytest.fixture(scope="module")
def addin(tmp_path_factory) -> Path:
    return build_addin(tmp_path_factory.mktemp("build") / "klantpiramide.xlam")


def vba_modules(path: Path) -> dict[str, str]:
    """Return the source of every VBA module, by module name, as olevba extracts it."""
    with warnings.catch_warnings():
        # oletools 0.60 uses pyparsing names that pyparsing 3.3 marks as deprecated.
        warnings.simplefilter("ignore", DeprecationWarning)
        from oletools.olevba import VBA_Parser

    parser = VBA_Parser(str(path))
    try:
        return {Path(name).stem: code for _, _, name, code in parser.extract_macros()}
    finally:
        parser.close()


def ribbon_root(path: Path) -> ElementTree.Element:
    with zipfile.ZipFile(path) as package:
        return ElementTree.fromstring(package.read("customUI/customUI.xml"))


def test_ribbon_buttons_are_in_dispatcher(addin):
    buttons = [button.get("id") for button in ribbon_root(addin).iter(f"{CUSTOMUI}button")]
    assert sorted(buttons) == sorted(ACTIONS)


def test_ribbon_callbacks_exist_in_vba(addin):
    modules = vba_modules(addin)
    callbacks = set()
    for element in ribbon_root(addin).iter():
        callbacks.update(element.get(attribute) for attribute in CALLBACK_ATTRIBUTES if element.get(attribute))
    assert callbacks == {"KlantpiramideRibbon.OnRibbonAction", "KlantpiramideRibbon.GetRibbonLabel", "KlantpiramideRibbon.OnRibbonLoad"}
    for callback in callbacks:
        module, procedure = callback.split(".")
        assert re.search(rf"^Public Sub {procedure}\(", modules[module], re.MULTILINE), callback


def test_generic_callback_calls_dispatcher(addin):
    source = vba_modules(addin)["KlantpiramideRibbon"]
    assert "ribbon.run_from_vba('\" & control.ID & \"', '\" & SelectedSheetsHex() & \"')" in source
    assert len(re.findall(r'^\s*RunPython "', source, re.MULTILINE)) == 1
    assert 'MsgBox RibbonLabel("kp_no_workbook", RibbonLanguage())' in source


def test_every_labelled_control_has_labels(addin):
    source = vba_modules(addin)["KlantpiramideLabels"]
    labelled = [element.get("id") for element in ribbon_root(addin).iter() if element.get("getLabel")]
    assert len(labelled) == 7
    for control in labelled:
        assert f'Case "nl|{control}": RibbonLabel = ' in source
        assert f'Case "en|{control}": RibbonLabel = ' in source
    assert 'Case "nl|kp_report": RibbonLabel = "Migratierapport"' in source
    assert 'Case "en|kp_about": RibbonLabel = "Check / About"' in source
    assert 'Case "nl|kp_no_workbook": RibbonLabel = "Open eerst een werkmap: ' in source


def test_xlwings_version_equals_pin(addin):
    source = vba_modules(addin)["xlwings"]
    versions = re.findall(r'Public Const XLWINGS_VERSION As String = "([^"]+)"', source)
    assert versions == [pinned_xlwings_version()]
    assert pinned_xlwings_version() == "0.37.8"


def test_ribbon_relationship(addin):
    with zipfile.ZipFile(addin) as package:
        relationships = ElementTree.fromstring(package.read("_rels/.rels"))
    targets = {
        relationship.get("Target")
        for relationship in relationships.iter(f"{RELATIONSHIPS}Relationship")
        if relationship.get("Type") == "http://schemas.microsoft.com/office/2007/relationships/ui/extensibility"
    }
    assert targets == {"customUI/customUI.xml"}


def test_project_name_and_config_sheet(addin):
    source = vba_modules(addin)["xlwings"]
    names = re.findall(r'Public Const PROJECT_NAME As String = "([^"]+)"', source)
    assert names == ["klantpiramide"]
    with zipfile.ZipFile(addin) as package:
        workbook = ElementTree.fromstring(package.read("xl/workbook.xml"))
        everything = b"".join(package.read(name) for name in package.namelist() if not name.endswith(".bin"))
    sheets = [sheet.get("name") for sheet in workbook.iter(f"{SPREADSHEET}sheet")]
    # xlwings reads a config sheet named PROJECT_NAME + ".conf"; the leading '_' keeps it inactive, as in the template.
    assert sheets == [f"_{names[0]}.conf"]
    assert b"myaddin" not in everything.lower()


def test_vba_project_name(addin):
    from pyopenvba import ExcelFile

    with ExcelFile(addin) as book:
        assert book.vba_project().name == "Klantpiramide"
        assert book.validate() == []
        assert book.module_names() == ["ThisWorkbook", "Dictionary", "Sheet2", "xlwings", "KlantpiramideRibbon", "KlantpiramideLabels", "xlwings_udfs"]


def test_template_ribbon_module_is_gone(addin):
    modules = vba_modules(addin)
    assert "RibbonMyAddin" not in modules
    assert {"xlwings", "KlantpiramideRibbon", "KlantpiramideLabels", "xlwings_udfs"} <= set(modules)


def test_worksheet_function_wrappers(addin):
    source = vba_modules(addin)["xlwings_udfs"]
    declared = re.findall(r"^Function (\w+)\(([^)]*)\)", source, re.MULTILINE)
    assert declared == [
        ("MIGRATION_STATUS", "category_before, category_after"),
        ("PYRAMID_BOUNDS", "revenues, Optional split"),
        ("PYRAMID_CATEGORY", "revenue, revenues_or_bounds, Optional split"),
    ]
    for name, _ in declared:
        assert callable(getattr(udfs, name))
        assert f'XLPy.CallUDF("klantpiramide.excel.udfs", "{name}", ' in source
    # Add-ins call worksheet functions for the active workbook, not for themselves.
    assert "ThisWorkbook, Application.Caller" not in source
    assert source.count("ActiveWorkbook, Application.Caller") == 3


def test_function_descriptions_registered_on_open(addin):
    modules = vba_modules(addin)
    assert re.search(r"^Private Sub Workbook_Open\(\)\s+RegisterFunctionDescriptions\s+End Sub", modules["ThisWorkbook"], re.MULTILINE)
    source = modules["xlwings_udfs"]
    registered = re.findall(r"'!(\w+)\", Description:=\"([^\"]+)\", Category:=\"Klantpiramide\"", source)
    assert [name for name, _ in registered] == ["MIGRATION_STATUS", "PYRAMID_BOUNDS", "PYRAMID_CATEGORY"]
    for name, description in registered:
        assert description == getattr(udfs, name).__doc__
    assert 'ArgumentDescriptions:=Array("Omzet van " & ChrW(233) & ChrW(233) & "n klant, of een kolom met omzetten.", ' in source


def test_function_descriptions_fit_excel():
    for name in ("PYRAMID_CATEGORY", "PYRAMID_BOUNDS", "MIGRATION_STATUS"):
        assert len(getattr(udfs, name).__doc__) <= 255


def test_build_is_reproducible(addin, tmp_path):
    again = build_addin(tmp_path / "again.xlam")
    assert again.read_bytes() == addin.read_bytes()


def test_build_fails_when_versions_differ(tmp_path):
    output = tmp_path / "klantpiramide.xlam"
    with pytest.raises(BuildError) as raised:
        build_addin(output, pinned="0.30.0")
    assert str(raised.value).startswith("xlwings versions differ: pyproject.toml pins 0.30.0, 0.37.8 is installed")
    assert not output.exists()


def test_build_command(tmp_path, capsys):
    output = tmp_path / "addin.xlam"
    assert main(["-o", str(output)]) == 0
    assert capsys.readouterr().out == f"Add-in built: {output}\n"
    assert zipfile.is_zipfile(output)


def test_build_rejects_broken_ribbon_xml(tmp_path):
    sources = tmp_path / "addin"
    sources.mkdir()
    (sources / "customUI.xml").write_text("<customUI><ribbon>", encoding="utf-8")
    (sources / "KlantpiramideRibbon.bas").write_text('Attribute VB_Name = "KlantpiramideRibbon"\n', encoding="utf-8")
    with pytest.raises(BuildError, match="customUI.xml is not valid XML"):
        build_addin(tmp_path / "out.xlam", sources=sources)


def test_committed_addin_matches_sources(addin):
    committed = REPOSITORY / "addin" / "klantpiramide.xlam"
    assert committed.is_file(), "addin/klantpiramide.xlam is missing: run 'make addin'"
    fresh, stored = vba_modules(addin), vba_modules(committed)
    for module in ("ThisWorkbook", "xlwings", "KlantpiramideRibbon", "KlantpiramideLabels", "xlwings_udfs"):
        assert stored[module] == fresh[module], f"addin/klantpiramide.xlam is out of date ({module}): run 'make addin'"
    with zipfile.ZipFile(addin) as new, zipfile.ZipFile(committed) as old:
        assert old.read("customUI/customUI.xml") == new.read("customUI/customUI.xml"), "run 'make addin'"
