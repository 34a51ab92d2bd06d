"""Every text a user sees, in Dutch (the default) and English.

Labels (sheet names, headers, legend) and messages live here, in one place, so
that a translation is complete when both dictionaries have the same keys; a test
checks that. Messages use ``str.format`` fields.
"""

from __future__ import annotations

DEFAULT_LANGUAGE = "nl"
LANGUAGES = ("nl", "en")

LABELS: dict[str, dict[str, str]] = {
    "nl": {
        # Sheet names
        "sheet_matrix": "Migratiematrix",
        "sheet_revenue": "Omzetmatrix",
        "sheet_pyramid": "Piramide",
        "sheet_customers": "Klanten",
        "sheet_check": "Controle",
        # Matrix labels
        "new": "Nieuw",
        "lost": "Verloren",
        "total": "Totaal",
        "not_placed": "Niet geplaatst",
        # Movements
        "move_up": "stijger",
        "move_down": "daler",
        "move_same": "gelijk",
        "move_new": "nieuw",
        "move_lost": "verloren",
        "legend_up": "Stijger: hogere categorie dan in {base}",
        "legend_down": "Daler: lagere categorie dan in {base}",
        "legend_same": "Gelijk: dezelfde categorie",
        "legend_new": "Nieuw: klant in {next}, niet actief in {base}",
        "legend_lost": "Verloren: klant in {base}, niet actief in {next}",
        "legend_title": "Legenda",
        # Titles and explanations
        "title_matrix": "Migratiematrix {base} → {next}: aantal klanten",
        "title_revenue": "Omzetmatrix {base} → {next}",
        "title_pyramid": "Klantpiramide {base} en {next}",
        "title_customers": "Alle klanten {base} en {next}",
        "title_check": "Controle: invoer en aansluiting",
        "axis_rows": "Rijen: categorie in {base}",
        "axis_columns": "Kolommen: categorie in {next}",
        "matrix_hint": "Klik op een aantal om de klanten in die cel te zien.",
        "revenue_base_block": "Omzet {base}",
        "revenue_next_block": "Omzet {next}",
        "revenue_change_block": "Verschil {next} t.o.v. {base}",
        "rule_pyramid": "Harde omzetgrenzen uit {base}, verdeling {split} (procent klanten per categorie)",
        "rule_per_year": "Elk jaar apart ingedeeld, verdeling {split} (procent klanten per categorie)",
        "rule_own": "Eigen omzetgrenzen",
        "rule_label": "Indeling",
        "bounds_label": "Ondergrens",
        "back_to_matrix": "← Terug naar de migratiematrix",
        "detail_title": "{row} in {base} → {column} in {next}: {count} klanten",
        "generated": "Gemaakt met Klantpiramide {version} op {date}",
        "source_label": "Bron",
        # Column headers
        "col_customer": "Klantnummer",
        "col_name": "Naam",
        "col_cat_base": "Categorie {base}",
        "col_cat_next": "Categorie {next}",
        "col_rev_base": "Omzet {base}",
        "col_rev_next": "Omzet {next}",
        "col_change": "Verschil",
        "col_change_pct": "Verschil %",
        "col_movement": "Beweging",
        "col_category": "Categorie",
        "col_year": "Jaar",
        "col_count": "Aantal klanten",
        "col_count_share": "Aandeel klanten",
        "col_revenue": "Omzet",
        "col_revenue_share": "Aandeel omzet",
        "col_bound": "Ondergrens",
        "col_kind": "Soort",
        "col_sheet": "Blad",
        "col_row": "Rij",
        "col_column": "Kolom",
        "col_message": "Toelichting",
        "col_value": "Waarde",
        # Check sheet
        "check_reconciliation": "Aansluiting per jaar",
        "check_input_total": "Totaal invoer",
        "check_placed_total": "Totaal in de matrix",
        "check_unplaced_total": "Totaal niet geplaatst",
        "check_difference": "Verschil",
        "check_ok": "Sluit aan",
        "check_not_ok": "Sluit NIET aan",
        "check_notes": "Wat is er met de invoer gebeurd",
        "check_unplaced": "Niet geplaatste klanten (in geen van beide jaren actief)",
        "check_none": "Geen.",
        "check_active": "Actieve klanten",
        "check_rows_read": "Klanten in de invoer",
        "note_title_row": "Titelregel boven de kop overgeslagen",
        "note_empty_row": "Lege rij overgeslagen",
        "note_total_row": "Totaalregel overgeslagen",
        "note_no_customer_row": "Rij zonder klantnummer en zonder omzet overgeslagen",
        "note_amounts_text": "Bedragen als tekst gelezen",
        "note_amount_text": "Bedrag omgezet",
        "note_amount_rounded": "Bedrag afgerond op centen",
        "note_amount_empty": "Lege omzet gelezen als 0",
        "note_duplicate": "Klantnummer meer dan eens: bedragen opgeteld",
    },
    "en": {
        "sheet_matrix": "Migration matrix",
        "sheet_revenue": "Revenue matrix",
        "sheet_pyramid": "Pyramid",
        "sheet_customers": "Customers",
        "sheet_check": "Check",
        "new": "New",
        "lost": "Lost",
        "total": "Total",
        "not_placed": "Not placed",
        "move_up": "riser",
        "move_down": "faller",
        "move_same": "stable",
        "move_new": "new",
        "move_lost": "lost",
        "legend_up": "Riser: better category than in {base}",
        "legend_down": "Faller: worse category than in {base}",
        "legend_same": "Stable: same category",
        "legend_new": "New: customer in {next}, not active in {base}",
        "legend_lost": "Lost: customer in {base}, not active in {next}",
        "legend_title": "Legend",
        "title_matrix": "Migration matrix {base} → {next}: number of customers",
        "title_revenue": "Revenue matrix {base} → {next}",
        "title_pyramid": "Customer pyramid {base} and {next}",
        "title_customers": "All customers {base} and {next}",
        "title_check": "Check: input and reconciliation",
        "axis_rows": "Rows: category in {base}",
        "axis_columns": "Columns: category in {next}",
        "matrix_hint": "Click a count to see the customers in that cell.",
        "revenue_base_block": "Revenue {base}",
        "revenue_next_block": "Revenue {next}",
        "revenue_change_block": "Change {next} vs {base}",
        "rule_pyramid": "Hard revenue bounds from {base}, split {split} (percent of customers per category)",
        "rule_per_year": "Each year ranked on its own, split {split} (percent of customers per category)",
        "rule_own": "Own revenue bounds",
        "rule_label": "Rule",
        "bounds_label": "Lower bound",
        "back_to_matrix": "← Back to the migration matrix",
        "detail_title": "{row} in {base} → {column} in {next}: {count} customers",
        "generated": "Made with Klantpiramide {version} on {date}",
        "source_label": "Source",
        "col_customer": "Customer number",
        "col_name": "Name",
        "col_cat_base": "Category {base}",
        "col_cat_next": "Category {next}",
        "col_rev_base": "Revenue {base}",
        "col_rev_next": "Revenue {next}",
        "col_change": "Change",
        "col_change_pct": "Change %",
        "col_movement": "Movement",
        "col_category": "Category",
        "col_year": "Year",
        "col_count": "Customers",
        "col_count_share": "Share of customers",
        "col_revenue": "Revenue",
        "col_revenue_share": "Share of revenue",
        "col_bound": "Lower bound",
        "col_kind": "Kind",
        "col_sheet": "Sheet",
        "col_row": "Row",
        "col_column": "Column",
        "col_message": "Details",
        "col_value": "Value",
        "check_reconciliation": "Reconciliation per year",
        "check_input_total": "Input total",
        "check_placed_total": "Total in the matrix",
        "check_unplaced_total": "Total not placed",
        "check_difference": "Difference",
        "check_ok": "Reconciles",
        "check_not_ok": "Does NOT reconcile",
        "check_notes": "What happened to the input",
        "check_unplaced": "Customers not placed (active in neither year)",
        "check_none": "None.",
        "check_active": "Active customers",
        "check_rows_read": "Customers in the input",
        "note_title_row": "Title row above the header skipped",
        "note_empty_row": "Empty row skipped",
        "note_total_row": "Total row skipped",
        "note_no_customer_row": "Row without customer number and revenue skipped",
        "note_amounts_text": "Amounts read from text",
        "note_amount_text": "Amount converted",
        "note_amount_rounded": "Amount rounded to cents",
        "note_amount_empty": "Empty revenue read as 0",
        "note_duplicate": "Customer number listed more than once: amounts summed",
    },
}

MESSAGES: dict[str, dict[str, str]] = {
    "nl": {
        # Input
        "file_not_found": "het bestand bestaat niet. Controleer de naam en de map.",
        "file_unreadable": "dit bestand kan niet worden gelezen als Excel-werkmap of CSV-bestand ({detail}). Sla het in Excel op als .xlsx of .csv en probeer het opnieuw.",
        "file_type_unknown": "bestanden van het type '{suffix}' worden niet ondersteund. Gebruik een .xlsx- of .csv-bestand.",
        "xls_not_supported": "oude .xls-bestanden worden niet ondersteund. Open het bestand in Excel en kies Opslaan als > Excel-werkmap (.xlsx).",
        "sheet_empty": "het blad is leeg. Kies een blad met klantnummers en omzet.",
        "header_not_found": "geen kopregel gevonden met een klantnummer- en een omzetkolom in de eerste {rows} rijen. Gevonden koppen: {seen}. Geef de kolommen op met --klantkolom en --omzetkolom.",
        "column_not_found": "de kolom '{column}' staat niet in de kopregel (rij {row}). Gevonden koppen: {seen}.",
        "column_ambiguous": "meer dan één kolom lijkt een {role}: {columns}. Kies er één met {option}.",
        "amount_invalid": "'{value}' is geen bedrag. Gebruik een getal, bijvoorbeeld 1234,56.",
        "amount_ambiguous": "'{value}' kan zowel een bedrag met decimalen als een bedrag met duizendtalscheiding zijn, en de rest van de kolom beslist het niet. Schrijf het bedrag met decimalen, bijvoorbeeld 1.234,00 of 1,23.",
        "amount_mixed": "'{value}' gebruikt een ander decimaalteken dan de bedragen erboven. Gebruik in de hele kolom hetzelfde decimaalteken.",
        "customer_missing": "deze rij heeft een omzet ({value}) maar geen klantnummer. Vul het klantnummer in of verwijder de rij.",
        "year_not_found": "het jaar van '{name}' is niet te bepalen uit de naam. Geef de jaren op met --jaren, bijvoorbeeld --jaren 2024 2025.",
        "years_count": "er zijn {found} jaren gevonden ({years}), maar er zijn er precies twee nodig. Geef de jaren op met --jaren, bijvoorbeeld --jaren 2024 2025.",
        "years_option_count": "--jaren verwacht {expected} jaartallen, er zijn er {found} opgegeven.",
        "year_twice": "het jaar {year} komt twee keer voor. Kies twee verschillende jaren.",
        "year_sheet_missing": "de werkmap heeft geen blad voor het jaar {year}. Bladen: {sheets}.",
        "workbook_sheets": "in deze werkmap zijn geen twee jaarbladen te herkennen (bladen: {sheets}). Geef de bladnamen een jaartal, bijvoorbeeld '2024' en '2025', of gebruik --jaren.",
        "inputs_count": "geef één werkmap met twee jaarbladen, of twee bestanden (één per jaar). Er zijn {count} bestanden opgegeven.",
        "no_active_base": "geen enkele klant heeft in {year} een omzet groter dan 0, dus er is geen piramide te maken. Controleer de omzetkolom.",
        "same_file_output": "het rapport zou het invoerbestand '{path}' overschrijven. Kies een andere naam met -o.",
        # Settings
        "split_invalid": "de verdeling '{value}' is ongeldig. Geef 2 tot 5 percentages, gescheiden door komma's, die samen 100 zijn, bijvoorbeeld 1,4,15,80.",
        "split_sum": "de percentages van de verdeling tellen op tot {total} in plaats van 100.",
        "bounds_invalid": "de grenzen '{value}' zijn ongeldig. Geef {count} bedragen van hoog naar laag, bijvoorbeeld --grenzen 10000 5000 1000 250.",
        "bounds_count": "er zijn {count} grenzen nodig (categorie {categories}), er zijn er {found} opgegeven.",
        "bounds_order": "de grenzen moeten van hoog naar laag lopen en groter dan 0 zijn: {value}.",
        "rule_conflict": "--grenzen en --per-jaar gaan niet samen. Kies één van beide.",
        "language_invalid": "de taal '{value}' wordt niet ondersteund. Kies nl of en.",
        "currency_invalid": "de valuta '{value}' wordt niet ondersteund. Kies uit: {choices}.",
        # Report
        "report_locked": "het rapport is geopend in Excel of vergrendeld. Sluit het bestand en probeer het opnieuw.",
        "report_write_failed": "het rapport kan niet worden opgeslagen ({detail}). Controleer of de map bestaat en schrijfbaar is.",
        "template_missing": "het sjabloon bestaat niet. Controleer het pad.",
        "template_anchor_missing": "het sjabloon mist de vaste plek '{anchor}' (een gedefinieerde naam). Herstel het sjabloon of gebruik het standaardsjabloon.",
    },
    "en": {
        "file_not_found": "the file does not exist. Check the name and the folder.",
        "file_unreadable": "this file cannot be read as an Excel workbook or CSV file ({detail}). Save it from Excel as .xlsx or .csv and try again.",
        "file_type_unknown": "files of type '{suffix}' are not supported. Use an .xlsx or .csv file.",
        "xls_not_supported": "old .xls files are not supported. Open the file in Excel and choose Save As > Excel Workbook (.xlsx).",
        "sheet_empty": "the sheet is empty. Choose a sheet with customer numbers and revenue.",
        "header_not_found": "no header row with a customer column and a revenue column in the first {rows} rows. Headers found: {seen}. Name the columns with --klantkolom and --omzetkolom.",
        "column_not_found": "the column '{column}' is not in the header row (row {row}). Headers found: {seen}.",
        "column_ambiguous": "more than one column looks like a {role}: {columns}. Choose one with {option}.",
        "amount_invalid": "'{value}' is not an amount. Use a number, for example 1234.56.",
        "amount_ambiguous": "'{value}' can be an amount with decimals or one with a thousands separator, and the rest of the column does not settle it. Write the amount with decimals, for example 1,234.00 or 1.23.",
        "amount_mixed": "'{value}' uses another decimal separator than the amounts above it. Use the same decimal separator in the whole column.",
        "customer_missing": "this row has revenue ({value}) but no customer number. Fill in the customer number or delete the row.",
        "year_not_found": "the year of '{name}' cannot be told from its name. Give the years with --jaren, for example --jaren 2024 2025.",
        "years_count": "{found} years were found ({years}), but exactly two are needed. Give the years with --jaren, for example --jaren 2024 2025.",
        "years_option_count": "--jaren expects {expected} years, {found} were given.",
        "year_twice": "the year {year} occurs twice. Choose two different years.",
        "year_sheet_missing": "the workbook has no sheet for the year {year}. Sheets: {sheets}.",
        "workbook_sheets": "no two year sheets can be recognised in this workbook (sheets: {sheets}). Name the sheets after their year, for example '2024' and '2025', or use --jaren.",
        "inputs_count": "give one workbook with two year sheets, or two files (one per year). {count} files were given.",
        "no_active_base": "no customer has revenue above 0 in {year}, so no pyramid can be made. Check the revenue column.",
        "same_file_output": "the report would overwrite the input file '{path}'. Choose another name with -o.",
        "split_invalid": "the split '{value}' is invalid. Give 2 to 5 percentages, separated by commas, that add up to 100, for example 1,4,15,80.",
        "split_sum": "the percentages of the split add up to {total} instead of 100.",
        "bounds_invalid": "the bounds '{value}' are invalid. Give {count} amounts from high to low, for example --grenzen 10000 5000 1000 250.",
        "bounds_count": "{count} bounds are needed (category {categories}), {found} were given.",
        "bounds_order": "the bounds must run from high to low and be greater than 0: {value}.",
        "rule_conflict": "--grenzen and --per-jaar cannot be combined. Choose one.",
        "language_invalid": "the language '{value}' is not supported. Choose nl or en.",
        "currency_invalid": "the currency '{value}' is not supported. Choose from: {choices}.",
        "report_locked": "the report is open in Excel or locked. Close the file and try again.",
        "report_write_failed": "the report cannot be saved ({detail}). Check that the folder exists and is writable.",
        "template_missing": "the template does not exist. Check the path.",
        "template_anchor_missing": "the template lacks the anchor '{anchor}' (a defined name). Repair the template or use the default template.",
    },
}

_LOCATION_PARTS = {
    "nl": ("bestand '{}'", "blad '{}'", "rij {}", "kolom {}"),
    "en": ("file '{}'", "sheet '{}'", "row {}", "column {}"),
}


def check_language(language: str) -> str:
    """Return ``language`` if supported; raise ``SettingsError`` otherwise."""
    if language not in LANGUAGES:
        from klantpiramide.errors import SettingsError

        raise SettingsError("language_invalid", value=language)
    return language


def label(key: str, language: str = DEFAULT_LANGUAGE, **params: object) -> str:
    """Return the label ``key`` in ``language``, with ``params`` filled in."""
    text = LABELS[language][key]
    return text.format(**params) if params else text


def message_text(key: str, language: str = DEFAULT_LANGUAGE, **params: object) -> str:
    """Return the message ``key`` in ``language``, with ``params`` filled in."""
    catalogue = MESSAGES.get(language, MESSAGES[DEFAULT_LANGUAGE])
    return catalogue[key].format(**params)


def location_text(location: object, language: str = DEFAULT_LANGUAGE) -> str:
    """Return 'bestand 'x', blad 'y', rij 3' for the known parts of ``location``."""
    parts = _LOCATION_PARTS.get(language, _LOCATION_PARTS[DEFAULT_LANGUAGE])
    values = (
        getattr(location, "file", None),
        getattr(location, "sheet", None),
        getattr(location, "row", None),
        getattr(location, "column", None),
    )
    found = [part.format(value) for part, value in zip(parts, values) if value is not None]
    text = ", ".join(found)
    return text[:1].upper() + text[1:]
