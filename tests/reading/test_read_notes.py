"""The reader's notes: a label for every kind, details in both languages, and a bounded count."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from klantpiramide.reading import ReadOptions, parse_column_positions, read_all_years
from klantpiramide.reading.notes import MAX_NOTES_PER_KIND
from klantpiramide.texts import LABELS

READING_SOURCE = Path(__file__).resolve().parents[2] / "python" / "klantpiramide" / "reading"

GOOD_INPUTS = [
    # (files, options to read_all_years)
    (["amounts_text.csv"], {"years": (2024,)}),
    (["amounts_english.csv"], {"years": (2024,)}),
    (["amounts_numbers.xlsx"], {}),
    (["csv_bom_semicolon.csv"], {"years": (2024,)}),
    (["csv_cp1252.csv"], {"years": (2024,)}),
    (["csv_comma_quoted.csv"], {"years": (2024,)}),
    (["csv_utf16_tab.txt"], {"years": (2024,)}),
    (["csv_sep_line.csv"], {"years": (2024,)}),
    (["layout_untidy.xlsx"], {}),
    (["layout_merged_amount.xlsx"], {}),
    (["layout_wrong_dimension.xlsx"], {}),
    (["customers_two_years.xlsx"], {}),
    (["credit_notes.csv"], {}),
    (["transactions_dates.xlsx"], {}),
    (["transactions_dates.xlsx"], {"options": ReadOptions(fiscal_year_start=7)}),
    (["transactions_positions.txt"], {"options": ReadOptions(positions=parse_column_positions("klant=2,datum=3,bedrag=5"))}),
    (["year_columns.xlsx"], {}),
]
GOOD_IDS = [f"{case[0][0]}-{index}" for index, case in enumerate(GOOD_INPUTS)]


def read_good(data: Path, files: list[str], options: dict):
    return read_all_years([data / name for name in files], **options)


def note_kinds_in_source() -> set[str]:
    kinds = set()
    for path in READING_SOURCE.glob("*.py"):
        kinds |= set(re.findall(r'"(note_[a-z_]+)"', path.read_text(encoding="utf-8")))
    return {kind for kind in kinds if not kind.endswith("_detail")}


def test_reader_makes_notes_of_many_kinds():
    # The scan below only proves something when it finds the kinds.
    assert {"note_title_row", "note_total_row", "note_duplicate", "note_names_differ", "note_more"} <= note_kinds_in_source()


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_note_kind_has_a_label(language):
    missing = sorted(kind for kind in note_kinds_in_source() if kind not in LABELS[language])
    assert missing == []


@pytest.mark.parametrize(("files", "options"), GOOD_INPUTS, ids=GOOD_IDS)
def test_input_total_reconciles_to_the_cent(data, files, options):
    for table in read_good(data, files, options).values():
        assert table.input_total == int(table.frame["revenue"].sum())
        assert table.frame["key"].is_unique
        assert str(table.frame["revenue"].dtype) == "int64"


@pytest.mark.parametrize(("files", "options"), GOOD_INPUTS, ids=GOOD_IDS)
def test_notes_name_file_and_render_in_both_languages(data, files, options):
    for table in read_good(data, files, options).values():
        for note in table.notes:
            assert note.file == files[0].split("/")[-1]
            assert note.kind in LABELS["nl"]
            for language in ("nl", "en"):
                text = note.detail_text(language)
                assert "{" not in text
            assert note.detail_text("nl") == note.detail


def test_english_detail_uses_english_numbers(data):
    table = read_good(data, ["amounts_text.csv"], {"years": (2024,)})[2024]
    converted = [note for note in table.notes if note.kind == "note_amount_text"]

    assert converted[0].detail_text("nl") == "'1.234,56' → 1.234,56"
    assert converted[0].detail_text("en") == "'1.234,56' → 1,234.56"


def test_notes_stay_bounded_on_large_input(tmp_path):
    # 1,000 customers, each listed twice (customer n in rows 2n and 2n + 1), every amount with a
    # euro sign and each total negative.
    lines = ["Klantnummer;Omzet"]
    for number in range(1, 1001):
        lines += [f"{number};€ -1,00", f"{number};€ -2,00"]
    path = tmp_path / "omzet_2024.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    table = read_all_years([path])[2024]

    assert table.input_total == -300000
    kinds = [note.kind for note in table.notes]
    for kind in ("note_amount_text", "note_duplicate", "note_negative_total"):
        assert kinds.count(kind) == MAX_NOTES_PER_KIND
    overflow = {dict(note.params)["kind"]: note for note in table.notes if note.kind == "note_more"}
    assert overflow["note_amount_text"].detail == "Bedrag omgezet: nog 1.900 keer, laatste in rij 2001"
    assert overflow["note_duplicate"].detail == "Klantnummer meer dan eens: bedragen opgeteld: nog 900 keer, laatste in rij 2000"
    assert overflow["note_negative_total"].detail_text("en") == "Negative total (credit notes): not active, not ranked: 900 more, the last in row 2000"
