"""The worksheet functions PYRAMID_CATEGORY, PYRAMID_BOUNDS and MIGRATION_STATUS.

Each takes a range and returns a range of the same shape (a column in, a
spilled column out). The pyramid rule is the engine's: these functions only
turn cells into cents, call ``pyramid_bounds``, ``classify`` and
``movement_of``, and turn the result back into cells. A problem becomes a
readable text in the cell ('Fout: ...'), never #VALUE!.

The xlwings decorators only register the functions on Windows; elsewhere they
leave the plain functions, so tests call them directly. ``build`` applies the
Windows decorators to this file to generate the VBA wrappers shipped in the
add-in. The function names are the names users type in Excel.

Limitations: worksheet functions run in Excel for Windows only. Spilling needs
Excel with dynamic arrays (Microsoft 365 or Excel 2021 and later). Each cell of
a revenue range counts as one customer: sum a customer's rows first.
"""

from __future__ import annotations

import logging

import numpy as np
import xlwings as xw

from klantpiramide.analysis import DEFAULT_SPLIT, Bounds, Split, classify, parse_split, pyramid_bounds
from klantpiramide.analysis.migration import movement_of
from klantpiramide.analysis.pyramid import CATEGORY_LETTERS
from klantpiramide.errors import KlantpiramideError, SettingsError
from klantpiramide.excel.cells import category_index, is_missing, pyramid_rows, read_amounts
from klantpiramide.reading.collector import collector_paused
from klantpiramide.texts import DEFAULT_LANGUAGE, LABELS, label, message_text

logger = logging.getLogger("klantpiramide")

CATEGORY_FUNCTIONS = "Klantpiramide"


@xw.func(category=CATEGORY_FUNCTIONS)
@xw.arg("revenue", ndim=2, doc="Omzet van één klant, of een kolom met omzetten.")
@xw.arg("revenues_or_bounds", ndim=2, doc="De hele omzetkolom (grenzen volgens de piramide), of een grenzentabel van PYRAMID_BOUNDS.")
@xw.arg("split", doc="Procent klanten per categorie, bijvoorbeeld \"1,4,15,80\". Standaard 1,4,15,25,55.")
def PYRAMID_CATEGORY(revenue, revenues_or_bounds, split=None):
    """Categorie (A, B, ...) van elke omzet, volgens de grenzen uit de hele omzetkolom of uit een grenzentabel."""
    return _in_cells(_pyramid_category, revenue, revenues_or_bounds, split)


@xw.func(category=CATEGORY_FUNCTIONS)
@xw.arg("revenues", ndim=2, doc="De omzetkolom: één omzet per klant.")
@xw.arg("split", doc="Procent klanten per categorie, bijvoorbeeld \"1,4,15,80\". Standaard 1,4,15,25,55.")
def PYRAMID_BOUNDS(revenues, split=None):
    """Grenzentabel van de klantpiramide: per categorie de ondergrens, het aantal klanten en het aandeel in de omzet."""
    return _in_cells(_pyramid_bounds, revenues, split)


@xw.func(category=CATEGORY_FUNCTIONS)
@xw.arg("category_before", ndim=2, doc="Categorie in het basisjaar; leeg als de klant toen niet actief was.")
@xw.arg("category_after", ndim=2, doc="Categorie in het volgende jaar; leeg als de klant niet meer actief is.")
def MIGRATION_STATUS(category_before, category_after):
    """Beweging van elke klant tussen twee jaren: stijger, daler, gelijk, nieuw of verloren."""
    return _in_cells(_migration_status, category_before, category_after)


def _pyramid_category(language: str, revenue, revenues_or_bounds, split) -> list[list[object]]:
    grid = as_grid(revenue)
    bounds = bounds_from_cells(as_grid(revenues_or_bounds), split_from_cell(split))
    values = [value for row in grid for value in row]
    amounts = read_amounts(values)

    # Vectorised, so a column of a million revenues takes well under a second.
    names = np.array([*bounds.categories, label("udf_inactive", language)], dtype=object)
    results = names[classify(amounts.cents, bounds)]  # INACTIVE (-1) picks the last name
    results[amounts.missing] = ""
    for position, value in amounts.invalid.items():
        results[position] = error_text(message_text("amount_invalid", language, value=value), language)
    return _reshape(results.tolist(), grid)


def _pyramid_bounds(language: str, revenues, split) -> list[list[object]]:
    cents = revenue_cents(as_grid(revenues))
    bounds = pyramid_bounds(cents, split_from_cell(split))
    header = [label(key, language) for key in ("col_category", "col_bound", "col_count", "col_revenue_share")]
    table: list[list[object]] = [header]
    for row in pyramid_rows(cents, bounds):
        table.append([row.category, row.lower_cents / 100, row.count, row.revenue_share])
    return table


def _migration_status(language: str, category_before, category_after) -> list[list[object]]:
    before, after = as_grid(category_before), as_grid(category_after)
    before_values = [value for row in before for value in row]
    after_values = [value for row in after for value in row]
    # A single cell on one side is compared with every cell on the other.
    if len(before_values) == 1 and len(after_values) > 1:
        before_values, before = before_values * len(after_values), after
    if len(after_values) == 1 and len(before_values) > 1:
        after_values = after_values * len(before_values)
    if len(before_values) != len(after_values):
        raise SettingsError("udf_shape_mismatch", before=len(before_values), after=len(after_values))

    size = len(CATEGORY_LETTERS)
    results: list[object] = []
    for first, second in zip(before_values, after_values):
        row, problem_row = _matrix_position(first, size, language)
        column, problem_column = _matrix_position(second, size, language)
        problem = problem_row or problem_column
        if problem:
            results.append(error_text(problem, language))
        elif row == size and column == size:
            results.append("")
        else:
            results.append(label(f"move_{movement_of(row, column, size)}", language))
    return _reshape(results, before)


def _matrix_position(value: object, size: int, language: str) -> tuple[int, str | None]:
    """Return the matrix row or column of a category cell: its index, or ``size`` when not active."""
    if is_missing(value) or _is_inactive_label(value):
        return size, None
    index = category_index(value)
    if index is None:
        return size, message_text("udf_category_invalid", language, value=value)
    return index, None


def _is_inactive_label(value: object) -> bool:
    inactive = {LABELS[language]["udf_inactive"].lower() for language in LABELS}
    return isinstance(value, str) and value.strip().lower() in inactive


def bounds_from_cells(grid: list[list[object]], split: Split) -> Bounds:
    """Return the bounds of a bounds table (rows starting with A, B, ...), or derive them from a revenue range."""
    # A single column is a revenue range; only a wider range can be a bounds table.
    table = []
    if max(len(row) for row in grid[:1] or [[]]) >= 2:
        table = [row for row in grid if len(row) >= 2 and category_index(row[0]) is not None]
    if table:
        return _bounds_from_table(table)
    return pyramid_bounds(revenue_cents(grid), split)


def _bounds_from_table(table: list[list[object]]) -> Bounds:
    """Read a bounds table such as PYRAMID_BOUNDS spills: category letters A, B, ... in order, lower bounds after them."""
    letters = tuple(str(row[0]).strip().upper() for row in table)
    if letters != tuple(CATEGORY_LETTERS[: len(letters)]) or len(letters) < 2:
        raise SettingsError("udf_bounds_table_invalid", found=", ".join(letters))

    # The last category has no bound of its own: every active revenue below the others is in it.
    amounts = read_amounts([row[1] for row in table[:-1]])
    cents = [int(value) for value in amounts.cents]
    descending = all(high >= low for high, low in zip(cents, cents[1:]))
    if amounts.invalid or amounts.missing.any() or not descending or min(cents) <= 0:
        typed = " ".join(str(row[1]) for row in table[:-1])
        raise SettingsError("bounds_order", value=typed)
    return Bounds(letters, tuple(cents), "own")


def revenue_cents(grid: list[list[object]]) -> np.ndarray:
    """Return the cents of every non-empty cell of a revenue range.

    Raises SettingsError on the first cell that is no amount, and when no
    revenue is above 0, because then there is no pyramid.
    """
    values = [value for row in grid for value in row]
    amounts = read_amounts(values)
    if amounts.invalid:
        position = min(amounts.invalid)
        raise SettingsError("amount_invalid", value=amounts.invalid[position])
    cents = amounts.cents[~amounts.missing]
    if not (cents > 0).any():
        raise SettingsError("udf_no_active")
    return cents


def split_from_cell(value: object) -> Split:
    """Return the split of the optional split argument: text '1,4,15,80' or a range of numbers."""
    if isinstance(value, list):
        numbers = [cell for row in as_grid(value) for cell in row if not is_missing(cell)]
        value = ",".join(_number_text(cell) for cell in numbers)
    if is_missing(value):
        return DEFAULT_SPLIT
    return parse_split(_number_text(value))


def _number_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def as_grid(value: object) -> list[list[object]]:
    """Return a cell, a 1-D list (a column) or a 2-D list as rows of cells."""
    if not isinstance(value, (list, tuple)):
        return [[value]]
    # Excel passes rectangular ranges, so the first row shows the shape.
    if value and isinstance(value[0], (list, tuple)):
        return value
    return [[cell] for cell in value]


def _reshape(values: list[object], grid: list[list[object]]) -> list[list[object]]:
    width = max((len(row) for row in grid), default=1) or 1
    if width == 1:
        return [[value] for value in values] or [[""]]
    return [values[start : start + width] for start in range(0, len(values), width)] or [[""]]


def error_text(message: str, language: str) -> str:
    """Return a message as the text a cell shows instead of #VALUE!."""
    return label("udf_error", language, message=message)


def _in_cells(function, *arguments) -> list[list[object]]:
    """Run a worksheet function; a problem becomes one cell with its message."""
    language = _language()
    try:
        # A column of a million cells makes a million small lists; the collector's passes would triple the time.
        with collector_paused():
            return function(language, *arguments)
    except KlantpiramideError as error:
        return [[error_text(error.render(language), language)]]
    except Exception as error:  # noqa: BLE001 - Excel boundary: a cell must show text, not a traceback.
        logger.exception("worksheet function %s failed", function.__name__)
        return [[error_text(message_text("addin_unexpected_cell", language, detail=f"{type(error).__name__}: {error}"), language)]]


def _language() -> str:
    """Return the language set with Instellingen; Dutch when the config file cannot be read."""
    from klantpiramide.excel.config import ConfigFile, load_settings

    try:
        language = load_settings(ConfigFile.for_user()).language
    except OSError:
        return DEFAULT_LANGUAGE
    return language if language in LABELS else DEFAULT_LANGUAGE
