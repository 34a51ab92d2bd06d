"""The report template: anchors (defined names), cell styles and movement colours.

A template is an ordinary workbook. Defined names mark where each table goes
(``ANCHORS``); the legend cells carry the movement colours; the ``kp_stijl_``
cells carry one style per kind of value. The report finds everything through
those names, never through fixed cell addresses, so a user may restyle or move
things in Excel.
"""

from __future__ import annotations

from copy import copy
from dataclasses import dataclass
from pathlib import Path

import openpyxl
from openpyxl.cell.cell import Cell
from openpyxl.utils.cell import coordinate_from_string, quote_sheetname
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from klantpiramide.errors import ReportError, Location

DEFAULT_TEMPLATE = Path(__file__).resolve().parents[3] / "templates" / "migratierapport.xlsx"

# Anchor names by purpose; every one must exist in a template.
ANCHORS = {
    "title": "kp_titel",
    "explanation": "kp_uitleg",
    "rule": "kp_indeling",
    "matrix": "kp_matrix",
    "legend": "kp_legenda",
    "bounds": "kp_grenzen",
    "revenue_title": "kp_titel_omzet",
    "revenue": "kp_omzetmatrix",
    "pyramid_title": "kp_titel_piramide",
    "pyramid": "kp_piramide",
    "customers_title": "kp_titel_klanten",
    "customers": "kp_klanten",
    "check_title": "kp_titel_controle",
    "check": "kp_controle",
    "detail_title": "kp_titel_detail",
    "detail": "kp_detail",
    "back": "kp_terug",
    "summary_title": "kp_titel_samenvatting",
    "summary": "kp_kengetallen",
    "heatmap": "kp_warmtekaart",
    "near_bounds": "kp_dichtbij",
    "actions_title": "kp_titel_acties",
    "actions": "kp_acties",
    "bridge_title": "kp_titel_brug",
    "bridge": "kp_brug",
    "bridge_chart": "kp_brug_grafiek",
    "pyramid_chart": "kp_piramide_grafiek",
    "trend_title": "kp_titel_trend",
    "trend": "kp_trend",
}
MOVEMENT_ANCHORS = {
    "up": "kp_kleur_stijger",
    "down": "kp_kleur_daler",
    "same": "kp_kleur_gelijk",
    "new": "kp_kleur_nieuw",
    "lost": "kp_kleur_verloren",
    "won_back": "kp_kleur_teruggewonnen",
}
STYLE_KINDS = (
    "kop", "label", "aantal", "totaal", "bedrag", "totaal_bedrag", "procent", "tekst",
    "klantnummer", "link", "notitie", "goed", "fout", "kop2", "invulveld",
)


@dataclass(frozen=True)
class Anchor:
    """A named cell of the template: its sheet and its row and column (1-based)."""

    sheet: Worksheet
    row: int
    column: int


class Template:
    """A loaded template workbook, ready to be filled and saved as a report."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or DEFAULT_TEMPLATE
        if not self.path.is_file():
            raise ReportError("template_missing", Location(file=str(self.path)))
        self.workbook: Workbook = openpyxl.load_workbook(self.path)
        self.anchors = {purpose: self._find(name) for purpose, name in ANCHORS.items()}
        self.movement_cells = {kind: self._cell(name) for kind, name in MOVEMENT_ANCHORS.items()}
        self.style_cells = {kind: self._cell(f"kp_stijl_{kind}") for kind in STYLE_KINDS}
        self.styles_sheet = self.style_cells["kop"].parent

    def _find(self, name: str) -> Anchor:
        defined = self.workbook.defined_names.get(name)
        destinations = list(defined.destinations) if defined is not None else []
        if not destinations or destinations[0][0] not in self.workbook.sheetnames:
            raise ReportError("template_anchor_missing", Location(file=self.path.name), anchor=name)
        title, reference = destinations[0]
        column_letters, row = coordinate_from_string(reference.replace("$", "").split(":")[0])
        sheet = self.workbook[title]
        return Anchor(sheet, row, sheet[f"{column_letters}{row}"].column)

    def _cell(self, name: str) -> Cell:
        anchor = self._find(name)
        return anchor.sheet.cell(anchor.row, anchor.column)

    def style(self, cell: Cell, kind: str) -> None:
        """Give ``cell`` the template's style for ``kind`` ('bedrag', 'kop', ...)."""
        cell._style = copy(self.style_cells[kind]._style)

    def movement_style(self, cell: Cell, movement: str) -> None:
        """Give ``cell`` the fill and font of the legend cell of ``movement``."""
        legend = self.movement_cells[movement]
        cell.fill = copy(legend.fill)
        cell.font = copy(legend.font)

    def rename_sheet(self, sheet: Worksheet, title: str) -> None:
        """Rename a sheet and repoint every defined name that referred to it."""
        old = sheet.title
        if old == title:
            return
        sheet.title = title
        for name, defined in list(self.workbook.defined_names.items()):
            for quoted in (quote_sheetname(old), f"'{old}'", old):
                if defined.attr_text.startswith(f"{quoted}!"):
                    rest = defined.attr_text[len(quoted):]
                    self.workbook.defined_names[name] = DefinedName(name, attr_text=f"{quote_sheetname(title)}{rest}")
                    break

    def copy_sheet(self, model: Worksheet, title: str) -> Worksheet:
        """Copy a sheet with what openpyxl's own copy leaves out: validations, conditional formats, images, print titles."""
        sheet = self.workbook.copy_worksheet(model)
        sheet.title = title
        for validation in model.data_validations.dataValidation:
            sheet.add_data_validation(copy(validation))
        for formatting in model.conditional_formatting:
            for rule in formatting.rules:
                sheet.conditional_formatting.add(str(formatting.sqref), copy(rule))
        for image in model._images:
            duplicate = copy(image)
            duplicate.anchor = copy(image.anchor)
            sheet.add_image(duplicate)
        sheet.print_title_rows = model.print_title_rows
        sheet.print_title_cols = model.print_title_cols
        return sheet

    def remove_model_sheets(self) -> None:
        """Remove the styles sheet and the detail model sheet, and the names that pointed there."""
        for sheet in (self.styles_sheet, self.anchors["detail"].sheet):
            self.remove_sheet(sheet)

    def remove_sheet(self, sheet: Worksheet) -> None:
        """Remove a sheet and the defined names that point to it."""
        prefixes = (f"{quote_sheetname(sheet.title)}!", f"'{sheet.title}'!", f"{sheet.title}!")
        for name, defined in list(self.workbook.defined_names.items()):
            if defined.attr_text.startswith(prefixes):
                del self.workbook.defined_names[name]
        self.workbook.remove(sheet)


def name_cell(workbook: Workbook, name: str, sheet: Worksheet, row: int, column: int) -> None:
    """Give one cell of the report a workbook-wide defined name, replacing an older one."""
    coordinate = sheet.cell(row, column).coordinate
    letters, number = coordinate_from_string(coordinate)
    workbook.defined_names[name] = DefinedName(name, attr_text=f"{quote_sheetname(sheet.title)}!${letters}${number}")
