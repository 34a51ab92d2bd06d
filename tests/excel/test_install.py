"""klantpiramide addin install / uninstall, in a fake home folder for Windows and for macOS."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from klantpiramide.cli import main
from klantpiramide.errors import KlantpiramideError
from klantpiramide.excel.config import AddinSettings, ConfigFile, save_settings
from klantpiramide.excel.install import install_addin, read_template, uninstall_addin

STARTUP = {
    "windows": Path("AppData/Roaming/Microsoft/Excel/XLSTART/klantpiramide.xlam"),
    "macos": Path("Library/Group Containers/UBF8T346G9.Office/User Content.localized/Startup.localized/Excel/klantpiramide.xlam"),
}
CONFIG = {
    "windows": Path(".klantpiramide/klantpiramide.conf"),
    "macos": Path("Library/Containers/com.microsoft.Excel/Data/klantpiramide.conf"),
}
APPLESCRIPT = Path("Library/Application Scripts/com.microsoft.Excel/xlwings-0.37.8.applescript")


@pytest.fixture
def addin_file(tmp_path: Path) -> Path:
    path = tmp_path / "build" / "klantpiramide.xlam"
    path.parent.mkdir()
    path.write_bytes(b"PK add-in bytes")
    return path


@pytest.fixture
def home(tmp_path: Path) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


def files_below(folder: Path) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*") if path.is_file())


@pytest.mark.parametrize("platform", ["windows", "macos"])
def test_install_copies_addin_and_writes_config(home, addin_file, platform):
    message = install_addin(home, platform, addin_file, interpreter="/opt/python/bin/python3")

    assert (home / STARTUP[platform]).read_bytes() == b"PK add-in bytes"
    config = ConfigFile.for_user(home, platform)
    key = "INTERPRETER_WIN" if platform == "windows" else "INTERPRETER_MAC"
    assert config.path == home / CONFIG[platform]
    assert config.read() == {"UDF MODULES": "klantpiramide.excel.udfs", key: "/opt/python/bin/python3"}
    assert message.splitlines()[0] == f"Invoegtoepassing geïnstalleerd: {home / STARTUP[platform]}"
    assert message.splitlines()[1] == f"Instellingen: {config.path}"


def test_install_config_in_vba_format_on_windows(home, addin_file):
    install_addin(home, "windows", addin_file, interpreter=r"C:\Program Files\Python311\python.exe")
    raw = (home / CONFIG["windows"]).read_bytes()
    assert raw == b'"UDF MODULES","klantpiramide.excel.udfs"\r\n"INTERPRETER_WIN","C:\\Program Files\\Python311\\python.exe"\r\n'


def test_install_uses_running_python(home, addin_file):
    install_addin(home, "windows", addin_file)
    assert ConfigFile.for_user(home, "windows").read()["INTERPRETER_WIN"] == sys.executable


def test_install_on_macos_adds_applescript(home, addin_file):
    install_addin(home, "macos", addin_file)
    script = home / APPLESCRIPT
    assert script.is_file()
    assert b"VbaHandler" in script.read_bytes()


@pytest.mark.parametrize("platform", ["windows", "macos"])
def test_uninstall_leaves_home_as_before(home, addin_file, platform):
    (home / "Documents").mkdir()
    (home / "Documents" / "omzet.xlsx").write_bytes(b"data")
    before = files_below(home)

    install_addin(home, platform, addin_file)
    assert files_below(home) != before
    message = uninstall_addin(home, platform)

    assert files_below(home) == before
    removed = [str(home / STARTUP[platform])]
    if platform == "macos":
        removed.append(str(home / APPLESCRIPT))
    removed.append(str(home / CONFIG[platform]))
    assert message == f"Invoegtoepassing verwijderd: {', '.join(removed)}\nStart Excel opnieuw."
    assert not (home / ".klantpiramide").exists()


def test_uninstall_keeps_existing_applescript(home, addin_file):
    script = home / APPLESCRIPT
    script.parent.mkdir(parents=True)
    script.write_text("from the xlwings add-in")
    install_addin(home, "macos", addin_file)
    uninstall_addin(home, "macos")
    assert script.read_text() == "from the xlwings add-in"


def test_uninstall_restores_replaced_values_and_keeps_settings(home, addin_file):
    config = ConfigFile.for_user(home, "windows")
    config.update({"INTERPRETER_WIN": r"C:\oud\python.exe"})
    install_addin(home, "windows", addin_file, interpreter=r"C:\nieuw\python.exe")
    save_settings(config, AddinSettings(language="en"))

    uninstall_addin(home, "windows")
    values = config.read()
    assert values["INTERPRETER_WIN"] == r"C:\oud\python.exe"
    assert values["LANGUAGE"] == "en"
    assert "UDF MODULES" not in values


def test_install_twice_then_uninstall(home, addin_file):
    install_addin(home, "windows", addin_file, interpreter="eerste")
    install_addin(home, "windows", addin_file, interpreter="tweede")
    assert ConfigFile.for_user(home, "windows").read()["INTERPRETER_WIN"] == "tweede"
    uninstall_addin(home, "windows")
    assert files_below(home) == []


def test_uninstall_when_not_installed(home):
    assert uninstall_addin(home, "windows") == "De invoegtoepassing was niet geïnstalleerd; er is niets verwijderd."


def test_install_without_built_addin(home, tmp_path):
    missing = tmp_path / "addin" / "klantpiramide.xlam"
    with pytest.raises(KlantpiramideError) as raised:
        install_addin(home, "windows", missing)
    assert raised.value.render() == (
        f"Bestand '{missing}': de invoegtoepassing is nog niet gebouwd. Voer 'make addin' uit in de projectmap en probeer het opnieuw."
    )
    assert files_below(home) == []


def test_install_finds_addin_in_current_folder(home, addin_file, monkeypatch):
    import klantpiramide.excel.install as install

    monkeypatch.setattr(install, "REPOSITORY", home / "elders")
    monkeypatch.chdir(addin_file.parent.parent)
    (addin_file.parent.parent / "addin").mkdir()
    addin_file.rename(addin_file.parent.parent / "addin" / "klantpiramide.xlam")
    install_addin(home, "windows")
    assert (home / STARTUP["windows"]).read_bytes() == b"PK add-in bytes"


def test_install_on_other_system(home, addin_file):
    with pytest.raises(KlantpiramideError) as raised:
        install_addin(home, "linux", addin_file)
    assert raised.value.render() == "de Excel-invoegtoepassing werkt alleen op Windows en macOS, niet op 'linux'."


def test_cli_addin_install_on_linux_fails_cleanly(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setattr(sys, "platform", "linux")
    assert main(["addin", "install"]) == 1
    captured = capsys.readouterr()
    assert captured.err == "De Excel-invoegtoepassing werkt alleen op Windows en macOS, niet op 'linux'.\n"
    assert list(tmp_path.iterdir()) == []


def test_template_config_file():
    template = Path(__file__).resolve().parents[2] / "xlwings.conf"
    lines = template.read_text(encoding="utf-8").splitlines()
    assert lines == ['"INTERPRETER_WIN",""', '"INTERPRETER_MAC",""', '"PYTHONPATH",""', '"UDF MODULES","klantpiramide.excel.udfs"']
    assert read_template(template) == {"UDF MODULES": "klantpiramide.excel.udfs"}
