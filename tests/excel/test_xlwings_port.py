"""The xlwings side of the port, without Excel: its calls exist in xlwings, and it works on a stand-in object model."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest
import xlwings as xw
from xlwings import main as xlwings_main

from klantpiramide.excel.xlwings_port import XlwingsWorkbook


@pytest.mark.parametrize(
    ("owner", "member", "parameters"),
    [
        (xlwings_main.Sheets, "add", {"name", "after"}),
        (xw.Sheet, "copy", {"after"}),
        (xw.Sheet, "autofit", {"axis"}),
        (xw.Sheet, "range", set()),
        (xw.Range, "options", set()),
        (xw.App, "alert", {"prompt", "title"}),
        (xlwings_main.Books, "open", {"fullname"}),
        (xw.Book, "close", set()),
    ],
)
def test_port_calls_exist_in_xlwings(owner, member, parameters):
    signature = inspect.signature(getattr(owner, member))
    assert parameters <= set(signature.parameters)


@pytest.mark.parametrize(
    ("owner", "member"),
    [(xw.Book, "fullname"), (xw.Book, "sheets"), (xw.Book, "app"), (xw.Sheet, "used_range"), (xw.Sheet, "visible"), (xw.Range, "last_cell"), (xw.App, "status_bar"), (xw.App, "books")],
)
def test_port_properties_exist_in_xlwings(owner, member):
    assert isinstance(inspect.getattr_static(owner, member), property)


class FakeRange:
    def __init__(self, sheet, first, last):
        self.sheet, self.first, self.last = sheet, first, last

    @property
    def row(self):
        return self.first[0]

    @property
    def column(self):
        return self.first[1]

    @property
    def last_cell(self):
        return FakeRange(self.sheet, self.last, self.last)

    def options(self, ndim=None):
        assert ndim == 2
        return self

    @property
    def value(self):
        return [
            [self.sheet.cells.get((row, column)) for column in range(self.first[1], self.last[1] + 1)]
            for row in range(self.first[0], self.last[0] + 1)
        ]

    @value.setter
    def value(self, rows):
        for row_offset, row in enumerate(rows):
            for column_offset, cell in enumerate(row):
                self.sheet.cells[(self.first[0] + row_offset, self.first[1] + column_offset)] = cell

    @property
    def number_format(self):
        return self.sheet.formats.get(self.first)

    @number_format.setter
    def number_format(self, value):
        self.sheet.formats[self.first] = (self.last, value)


class FakeSheet:
    def __init__(self, book, name, cells=None, visible=True):
        self.book, self.name, self.cells, self.visible, self.formats = book, name, dict(cells or {}), visible, {}

    @property
    def used_range(self):
        if not self.cells:
            return FakeRange(self, (1, 1), (1, 1))
        rows = [row for row, _ in self.cells]
        columns = [column for _, column in self.cells]
        return FakeRange(self, (min(rows), min(columns)), (max(rows), max(columns)))

    def range(self, first, last=None):
        if isinstance(first, str):
            first = (1, 1)
        return FakeRange(self, first, last or first)

    def autofit(self, axis=None):
        self.autofitted = axis

    def copy(self, after=None):
        target = after.book
        target.sheets.items.append(FakeSheet(target, self.name, self.cells, self.visible))


class FakeSheets:
    def __init__(self, items):
        self.items = items
        self.active = items[0] if items else None

    def __iter__(self):
        return iter(self.items)

    def __getitem__(self, key):
        if isinstance(key, int):
            return self.items[key]
        return next(sheet for sheet in self.items if sheet.name == key)

    def add(self, name, after=None):
        sheet = FakeSheet(self.items[0].book, name)
        self.items.insert(self.items.index(after) + 1, sheet)
        return sheet


class FakeApp:
    def __init__(self):
        self.alerts, self.status_bar, self.library = [], None, {}
        self.books = self

    def open(self, fullname):
        self.opened = fullname
        return self.library.get(fullname)

    def alert(self, prompt, title=None):
        self.alerts.append((title, prompt))


class FakeBook:
    def __init__(self, app, fullname, sheets):
        self.app, self.fullname, self.closed = app, fullname, False
        self.name = Path(fullname).name
        self.sheets = FakeSheets([FakeSheet(self, name, cells, visible) for name, cells, visible in sheets])

    def close(self):
        self.closed = True


@pytest.fixture
def app():
    return FakeApp()


def test_read_sheet_starts_at_a1(app):
    # Used range C3:D4: the port still reads from A1, so rows and columns keep their numbers.
    book = FakeBook(app, "/data/omzet.xlsx", [("2024", {(3, 3): "Klant", (3, 4): "Omzet", (4, 3): "1", (4, 4): 10.0}, True)])
    rows = XlwingsWorkbook(book).read_sheet("2024")
    assert rows == [(None, None, None, None), (None, None, None, None), (None, None, "Klant", "Omzet"), (None, None, "1", 10.0)]


def test_unsaved_workbook_has_no_path(app):
    assert XlwingsWorkbook(FakeBook(app, "Map1", [("Blad1", {}, True)])).path is None
    assert XlwingsWorkbook(FakeBook(app, "/data/omzet.xlsx", [("Blad1", {}, True)])).path == Path("/data/omzet.xlsx")


def test_add_sheet_pads_rows_and_sets_formats(app):
    book = FakeBook(app, "/data/omzet.xlsx", [("2024", {}, True)])
    XlwingsWorkbook(book).add_sheet("Piramide 2024", [["Categorie", "Ondergrens"], ["A", 707.94], ["Totaal"]], {1: "#,##0.00"})
    sheet = book.sheets["Piramide 2024"]
    assert [item.name for item in book.sheets] == ["2024", "Piramide 2024"]
    assert sheet.cells[(3, 1)] == "Totaal"
    assert (3, 2) in sheet.cells
    assert sheet.cells[(3, 2)] is None
    assert sheet.formats[(2, 2)] == ((3, 2), "#,##0.00")
    assert sheet.autofitted == "columns"


def test_copy_sheets_skips_hidden_and_closes_report(app):
    book = FakeBook(app, "/data/omzet.xlsx", [("2024", {}, True)])
    report = FakeBook(app, "/tmp/report.xlsx", [("Migratiematrix", {(1, 1): "x"}, True), ("Instellingen", {}, False), ("Klanten", {}, True)])
    app.library[str(Path("/tmp/report.xlsx"))] = report
    names = XlwingsWorkbook(book).copy_sheets_from(Path("/tmp/report.xlsx"))
    assert names == ["Migratiematrix", "Klanten"]
    assert [sheet.name for sheet in book.sheets] == ["2024", "Migratiematrix", "Klanten"]
    assert report.closed


def test_message_and_status_bar(app):
    port = XlwingsWorkbook(FakeBook(app, "/data/omzet.xlsx", [("2024", {}, True)]))
    port.show_message("Klaar.", "Klantpiramide")
    port.set_status("Klantpiramide: Piramide…")
    assert app.status_bar == "Klantpiramide: Piramide…"
    port.set_status(None)
    assert app.alerts == [("Klantpiramide", "Klaar.")]
    assert app.status_bar is False
