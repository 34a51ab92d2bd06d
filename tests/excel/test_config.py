"""The user's config file in the format xlwings' VBA reads, and the last-report record."""

from __future__ import annotations

import pytest

from klantpiramide.errors import SettingsError
from klantpiramide.excel.config import AddinSettings, ConfigFile, LastReport, load_settings, save_settings


def test_config_keys_ignore_case(tmp_path):
    config = ConfigFile.for_user(tmp_path, "windows")
    config.path.parent.mkdir(parents=True)
    config.path.write_bytes(b'"Interpreter_Win","C:\\Python\\python.exe"\r\n"language","en"\r\n')
    assert config.read() == {"INTERPRETER_WIN": "C:\\Python\\python.exe", "LANGUAGE": "en"}
    assert load_settings(config).language == "en"


def test_config_value_with_comma(tmp_path):
    config = ConfigFile.for_user(tmp_path, "macos")
    config.update({"SPLIT": "1,4,15,80"})
    assert config.path.read_bytes() == b'"SPLIT","1,4,15,80"\n'
    assert config.read() == {"SPLIT": "1,4,15,80"}


def test_config_windows_code_page(tmp_path):
    config = ConfigFile.for_user(tmp_path, "windows")
    config.update({"REPORT_FOLDER": r"C:\Users\Jürgen\Rapporten"})
    assert config.path.read_bytes() == b'"REPORT_FOLDER","C:\\Users\\J\xfcrgen\\Rapporten"\r\n'
    assert config.read()["REPORT_FOLDER"] == r"C:\Users\Jürgen\Rapporten"


def test_config_rejects_double_quote(tmp_path):
    config = ConfigFile.for_user(tmp_path, "windows")
    with pytest.raises(SettingsError) as raised:
        config.update({"TEMPLATE": 'C:\\my "best" template.xlsx'})
    assert raised.value.render().endswith("de waarde van TEMPLATE mag geen aanhalingsteken (\") bevatten: C:\\my \"best\" template.xlsx")
    assert not config.path.exists()


def test_config_update_keeps_other_keys(tmp_path):
    config = ConfigFile.for_user(tmp_path, "windows")
    config.update({"INTERPRETER_WIN": "python.exe", "LANGUAGE": "en"})
    config.update({"LANGUAGE": None, "SPLIT": "20,80"})
    assert config.read() == {"INTERPRETER_WIN": "python.exe", "SPLIT": "20,80"}


def test_settings_round_trip(tmp_path):
    config = ConfigFile.for_user(tmp_path, "windows")
    settings = AddinSettings(split="1,4,15,80", own_bounds="1000 500 100", language="en", report_target="active")
    save_settings(config, settings)
    assert load_settings(config) == settings
    assert config.read()["OWN_BOUNDS"] == "1000 500 100"


def test_settings_job_settings():
    job = AddinSettings(split="20,80", own_bounds="1500,50").job_settings()
    assert job.split.categories == ("A", "B")
    assert job.own_bounds == ("1500,50",)
    assert job.language == "nl"


def test_invalid_settings_are_not_saved(tmp_path):
    config = ConfigFile.for_user(tmp_path, "windows")
    with pytest.raises(SettingsError) as raised:
        save_settings(config, AddinSettings(split="1,4,15,80", own_bounds="1000 500"))
    assert raised.value.render() == "er zijn 3 grenzen nodig (categorie A, B, C), er zijn er 2 opgegeven."
    assert not config.path.exists()


def test_mac_state_folder(tmp_path):
    config = ConfigFile.for_user(tmp_path, "macos")
    assert config.path == tmp_path / "Library/Containers/com.microsoft.Excel/Data/klantpiramide.conf"
    assert config.last_report_path() == tmp_path / "Library/Containers/com.microsoft.Excel/Data/klantpiramide/last-report.json"


def test_unreadable_last_report(tmp_path):
    config = ConfigFile.for_user(tmp_path, "windows")
    config.folder.mkdir(parents=True)
    config.last_report_path().write_text("{not json", encoding="utf-8")
    assert LastReport.load(config) is None
