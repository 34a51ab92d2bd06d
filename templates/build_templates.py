"""Build the default report template, templates/migratierapport.xlsx.

The template is meant to be edited in Excel; this script only makes the
version shipped with Klantpiramide, so that its content is reviewable in git.
Run it with `python templates/build_templates.py` after changing it.

What the template carries, and how the report uses it:
- defined names (``kp_...``) mark where data goes; the report never uses fixed
  cell addresses, so a user may move a table by moving its named cell;
- the legend cells (``kp_kleur_...``) carry the colour of each movement kind;
  the matrix cells get the fill and font of their movement's legend cell;
- the sheet ``Stijlen`` holds one styled cell per kind of value (``kp_stijl_...``);
  the report copies those styles and leaves the sheet out;
- the sheet ``Detail`` is the model for every detail sheet;
- column widths, fonts, fixed texts and print settings are kept as they are.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.workbook.defined_name import DefinedName

from klantpiramide.report.texts_in_template import template_text

HERE = Path(__file__).parent

DARK_BLUE = "1F4E78"
TITLE_BLUE = "1F3864"
GRID = Side(style="thin", color="BFBFBF")
BOX = Border(left=GRID, right=GRID, top=GRID, bottom=GRID)
EURO = '"€" #,##0.00;[Red]-"€" #,##0.00'

LEGEND_KEYS = {
    "stijger": "legend_up", "daler": "legend_down", "gelijk": "legend_same", "nieuw": "legend_new", "verloren": "legend_lost",
    "teruggewonnen": "legend_won_back",
}
MOVEMENT_COLOURS = {
    # name: (fill, font colour); Excel's own good/bad/neutral colours where they fit.
    "stijger": ("C6EFCE", "006100"),
    "daler": ("FFC7CE", "9C0006"),
    "gelijk": ("F2F2F2", "262626"),
    "nieuw": ("DDEBF7", "1F4E78"),
    "verloren": ("F8CBAD", "833C0B"),
    # Only used with three or more years; a two-year report clears this legend line.
    "teruggewonnen": ("E4DFEC", "403151"),
}


def name_cell(workbook: Workbook, name: str, sheet_title: str, coordinate: str) -> None:
    """Give one cell a workbook-wide defined name."""
    column = "".join(ch for ch in coordinate if ch.isalpha())
    row = "".join(ch for ch in coordinate if ch.isdigit())
    workbook.defined_names[name] = DefinedName(name, attr_text=f"'{sheet_title}'!${column}${row}")


def add_title(sheet, workbook: Workbook, anchor: str, key: str, coordinate: str = "B2") -> None:
    sheet[coordinate] = template_text(key)
    sheet[coordinate].font = Font(size=16, bold=True, color=TITLE_BLUE)
    name_cell(workbook, anchor, sheet.title, coordinate)


def build_matrix_sheet(workbook: Workbook) -> None:
    sheet = workbook.active
    sheet.title = "Migratiematrix"
    sheet.sheet_view.showGridLines = False
    add_title(sheet, workbook, "kp_titel", "title_matrix")
    sheet["B3"].font = Font(italic=True, color="595959")
    name_cell(workbook, "kp_indeling", sheet.title, "B3")
    name_cell(workbook, "kp_matrix", sheet.title, "B6")

    sheet.column_dimensions["A"].width = 3
    sheet.column_dimensions["B"].width = 16
    for letter in "CDEFGHI":
        sheet.column_dimensions[letter].width = 11
    sheet.column_dimensions["J"].width = 4

    # Legend: to the right of the matrix; its cells define the movement colours.
    sheet["K5"] = template_text("legend_title")
    sheet["K5"].font = Font(bold=True)
    name_cell(workbook, "kp_legenda", sheet.title, "K5")
    sheet.column_dimensions["K"].width = 52
    for offset, (kind, (fill, font)) in enumerate(MOVEMENT_COLOURS.items(), start=6):
        cell = sheet[f"K{offset}"]
        cell.value = template_text(LEGEND_KEYS[kind])
        cell.fill = PatternFill("solid", fgColor=fill)
        cell.font = Font(color=font)
        cell.border = BOX
        name_cell(workbook, f"kp_kleur_{kind}", sheet.title, cell.coordinate)

    # How to read the matrix, under it; a fixed text the user may rewrite.
    sheet.merge_cells("B17:I19")
    sheet["B17"] = template_text("explanation_matrix")
    sheet["B17"].alignment = Alignment(wrap_text=True, vertical="top")
    sheet["B17"].font = Font(color="404040")
    name_cell(workbook, "kp_uitleg", sheet.title, "B17")

    name_cell(workbook, "kp_grenzen", sheet.title, "B21")
    fit_to_page_width(sheet)


def fit_to_page_width(sheet) -> None:
    """Print landscape, as wide as one page and as long as needed."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def build_simple_sheet(
    workbook: Workbook, title: str, title_key: str, anchors: dict[str, str], widths: dict[str, float], index: int | None = None
) -> None:
    sheet = workbook.create_sheet(title, index)
    sheet.sheet_view.showGridLines = False
    title_anchor, title_cell = next(iter(anchors.items()))
    add_title(sheet, workbook, title_anchor, title_key, title_cell)
    for name, coordinate in list(anchors.items())[1:]:
        name_cell(workbook, name, sheet.title, coordinate)
    for letter, width in widths.items():
        sheet.column_dimensions[letter].width = width
    fit_to_page_width(sheet)


def build_styles_sheet(workbook: Workbook) -> None:
    """Add one styled cell per kind of value; the report copies the style, never the value."""
    sheet = workbook.create_sheet("Stijlen")
    sheet["A1"] = "Celstijlen van het rapport. Pas de opmaak van kolom B aan; dit blad komt niet in het rapport."
    sheet["A1"].font = Font(italic=True)
    sheet.column_dimensions["A"].width = 30
    sheet.column_dimensions["B"].width = 18

    header = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor=DARK_BLUE)
    total_fill = PatternFill("solid", fgColor="D9E1F2")
    styles = {
        "kop": ("Kop", dict(font=header, fill=header_fill, alignment=Alignment(horizontal="center", vertical="center", wrap_text=True), border=BOX)),
        "label": ("Rij- of kolomlabel", dict(font=Font(bold=True), fill=PatternFill("solid", fgColor="D9E1F2"), alignment=Alignment(horizontal="center"), border=BOX)),
        "aantal": ("Aantal", dict(number_format="#,##0", alignment=Alignment(horizontal="center"), border=BOX)),
        "totaal": ("Totaal (aantal)", dict(number_format="#,##0", font=Font(bold=True), fill=total_fill, alignment=Alignment(horizontal="center"), border=BOX)),
        "bedrag": ("Bedrag", dict(number_format=EURO, border=BOX)),
        "totaal_bedrag": ("Totaal (bedrag)", dict(number_format=EURO, font=Font(bold=True), fill=total_fill, border=BOX)),
        "procent": ("Percentage", dict(number_format="0.0%", border=BOX)),
        "tekst": ("Tekst", dict(border=BOX)),
        "klantnummer": ("Klantnummer", dict(number_format="@", border=BOX, alignment=Alignment(horizontal="left"))),
        "link": ("Koppeling", dict(font=Font(color="0563C1", underline="single"))),
        "notitie": ("Toelichting", dict(font=Font(italic=True, color="595959"))),
        "goed": ("Sluit aan", dict(font=Font(bold=True, color="006100"), fill=PatternFill("solid", fgColor="C6EFCE"), border=BOX)),
        "fout": ("Sluit niet aan", dict(font=Font(bold=True, color="9C0006"), fill=PatternFill("solid", fgColor="FFC7CE"), border=BOX)),
        "kop2": ("Tussenkop", dict(font=Font(bold=True, size=12, color=TITLE_BLUE))),
        "invulveld": ("Invulveld (notities)", dict(fill=PatternFill("solid", fgColor="FFF2CC"), border=BOX, alignment=Alignment(wrap_text=True, vertical="top"))),
    }
    samples = {"bedrag": 1234.5, "totaal_bedrag": 1234.5, "procent": 0.125, "aantal": 12, "totaal": 12}
    for row, (key, (description, attributes)) in enumerate(styles.items(), start=3):
        sheet.cell(row, 1, description)
        cell = sheet.cell(row, 2, samples.get(key, description))
        for attribute, value in attributes.items():
            setattr(cell, attribute, value)
        name_cell(workbook, f"kp_stijl_{key}", sheet.title, cell.coordinate)


def build_template(path: Path) -> None:
    workbook = Workbook()
    build_matrix_sheet(workbook)
    build_simple_sheet(
        workbook, "Omzetmatrix", "title_revenue", {"kp_titel_omzet": "B2", "kp_omzetmatrix": "B5"},
        {"A": 3, "B": 24, **{letter: 15 for letter in "CDEFGHI"}},
    )
    build_simple_sheet(
        workbook, "Omzetbrug", "title_bridge", {"kp_titel_brug": "B2", "kp_brug": "B4", "kp_brug_grafiek": "B16"},
        {"A": 3, "B": 36, "C": 12, "D": 17, "E": 17, "F": 4, "G": 30, "H": 15, "I": 15, "J": 15, "K": 15},
    )
    # The pyramid charts and their data go to the right of the tables.
    build_simple_sheet(
        workbook, "Piramide", "title_pyramid", {"kp_titel_piramide": "B2", "kp_piramide": "B4", "kp_piramide_grafiek": "J4"},
        {"A": 3, "B": 10, "C": 12, "D": 16, "E": 16, "F": 16, "G": 18, "H": 16, "I": 4, **{letter: 14 for letter in "JKLMNO"}},
    )
    # Only reports of three or more years keep the trend sheet.
    build_simple_sheet(
        workbook, "Trend", "title_trend", {"kp_titel_trend": "B2", "kp_trend": "B4"},
        {"A": 3, "B": 34, **{letter: 15 for letter in "CDEFGHIJKL"}},
    )
    build_simple_sheet(
        workbook, "Klanten", "title_customers", {"kp_titel_klanten": "A1", "kp_klanten": "A3"},
        {"A": 16, "B": 36, "C": 14, "D": 14, "E": 16, "F": 16, "G": 16, "H": 12, "I": 12, "J": 40, "K": 16},
    )
    build_simple_sheet(
        workbook, "Controle", "title_check", {"kp_titel_controle": "B2", "kp_controle": "B4"},
        {"A": 3, "B": 34, "C": 22, "D": 22, "E": 18, "F": 18, "G": 10, "H": 60},
    )
    build_simple_sheet(
        workbook, "Detail", "detail_title", {"kp_titel_detail": "A1", "kp_detail": "A4"},
        {"A": 16, "B": 36, "C": 14, "D": 14, "E": 16, "F": 16, "G": 16, "H": 12, "I": 40, "J": 16},
    )
    workbook["Detail"]["A2"] = template_text("back_to_matrix")
    workbook["Detail"]["A2"].font = Font(color="0563C1", underline="single")
    name_cell(workbook, "kp_terug", "Detail", "A2")
    build_front_sheets(workbook)
    build_styles_sheet(workbook)
    workbook.save(path)


def build_front_sheets(workbook: Workbook) -> None:
    """Add the summary and the actions sheets in front of the matrix."""
    # Key figures on the left; the heat map and the customers near a bound on the right.
    build_simple_sheet(
        workbook, "Samenvatting", "title_summary",
        {"kp_titel_samenvatting": "B2", "kp_kengetallen": "B4", "kp_warmtekaart": "H4", "kp_dichtbij": "H15"},
        {"A": 3, "B": 50, "C": 16, "D": 16, "E": 16, "F": 16, "G": 3, "H": 16, "I": 14, **{letter: 11 for letter in "JKLMN"}},
        index=0,
    )
    build_simple_sheet(
        workbook, "Acties", "title_actions", {"kp_titel_acties": "B2", "kp_acties": "B4"},
        {"A": 3, "B": 26, "C": 48, "D": 11, "E": 15, "F": 15, "G": 13, "H": 62, "I": 18, "J": 36},
        index=1,
    )


INPUT_INSTRUCTIONS = (
    "Invoersjabloon voor Klantpiramide",
    "",
    "1. Zet op het blad van elk jaar per klant één regel: klantnummer, naam en de omzet van dat jaar.",
    "2. Noem de bladen naar het jaar (bijvoorbeeld 2024 en 2025). Het vroegste jaar is het basisjaar.",
    "3. Klantnummers blijven tekst: 00123 blijft 00123. Dezelfde klant heeft in beide jaren hetzelfde nummer.",
    "4. Omzet in euro, zonder totaalregel. Creditnota's mogen negatief zijn.",
    "5. Vervang de voorbeeldregels door uw eigen klanten en sla op.",
    "",
    "Daarna: klantpiramide rapport invoer.xlsx -o rapport.xlsx, of de knop Migratierapport in Excel.",
)
INPUT_EXAMPLES = {
    "2024": (("00101", "Bakkerij Jansen B.V.", 48250.00), ("00102", "Smit Transport", 12500.50), ("00103", "De Wit Advies", 3150.00)),
    "2025": (("00101", "Bakkerij Jansen B.V.", 51200.00), ("00103", "De Wit Advies", 9800.00), ("00104", "Tuinen Van Dijk", 2250.75)),
}


def build_input_template(path: Path) -> None:
    """Build the input template: an instruction sheet and two year sheets with example rows."""
    workbook = Workbook()
    instructions = workbook.active
    instructions.title = "Uitleg"
    for row, text in enumerate(INPUT_INSTRUCTIONS, start=1):
        instructions.cell(row, 1, text)
    instructions["A1"].font = Font(size=14, bold=True, color=TITLE_BLUE)
    instructions.column_dimensions["A"].width = 110

    for year, examples in INPUT_EXAMPLES.items():
        sheet = workbook.create_sheet(year)
        sheet.append(("Klantnummer", "Naam", "Omzet"))
        for cell in sheet[1]:
            cell.font = Font(bold=True, color="FFFFFF")
            cell.fill = PatternFill("solid", fgColor=DARK_BLUE)
        for number, name, revenue in examples:
            sheet.append((number, name, revenue))
        for row in sheet.iter_rows(min_row=2):
            row[0].number_format = "@"
            row[2].number_format = EURO
        sheet.column_dimensions["A"].width = 14
        sheet.column_dimensions["B"].width = 36
        sheet.column_dimensions["C"].width = 16
        sheet.freeze_panes = "A2"
    workbook.save(path)


if __name__ == "__main__":
    build_template(HERE / "migratierapport.xlsx")
    build_input_template(HERE / "invoer.xlsx")
    print(f"written: {HERE / 'migratierapport.xlsx'}, {HERE / 'invoer.xlsx'}")
