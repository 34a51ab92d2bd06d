"""Deterministic benchmark inputs: two years of revenue per customer, as .xlsx and as .csv.

Revenues are log-normal (a heavy tail: a few large customers, many small
ones). About 8% of the base year's customers are lost in the next year, and as
many new customers arrive, so both years have exactly ``size`` customers.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import xlsxwriter

SEED = 7
BASE_YEAR, NEXT_YEAR = 2024, 2025
CHURN = 0.08


def year_columns(size: int) -> dict[int, tuple[np.ndarray, np.ndarray]]:
    """Return, per year, the customer numbers (text) and revenues (cents)."""
    generator = np.random.default_rng(SEED + size)
    churned = int(size * CHURN)
    numbers = np.char.zfill(np.arange(1, size + churned + 1).astype(str), 7)

    base = np.round(generator.lognormal(mean=7.0, sigma=1.4, size=size) * 100).astype(np.int64)
    growth = generator.lognormal(mean=0.02, sigma=0.5, size=size - churned)
    following = np.concatenate(
        [
            np.round(base[churned:] * growth).astype(np.int64),
            np.round(generator.lognormal(mean=6.5, sigma=1.4, size=churned) * 100).astype(np.int64),
        ]
    )
    return {BASE_YEAR: (numbers[:size], base), NEXT_YEAR: (numbers[churned:], following)}


def write_xlsx(path: Path, size: int) -> Path:
    """Write one workbook with a sheet per year (XlsxWriter in constant-memory mode)."""
    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    for year, (numbers, cents) in year_columns(size).items():
        sheet = workbook.add_worksheet(str(year))
        sheet.write_row(0, 0, ("Klantnummer", "Naam", "Omzet"))
        names = [f"Klant {number}" for number in numbers.tolist()]
        for row, (number, name, amount) in enumerate(zip(numbers.tolist(), names, (cents / 100).tolist()), start=1):
            sheet.write_string(row, 0, number)
            sheet.write_string(row, 1, name)
            sheet.write_number(row, 2, amount)
    workbook.close()
    return path


def write_csv(folder: Path, size: int) -> list[Path]:
    """Write one CSV file per year, Dutch style: semicolons and decimal commas."""
    paths = []
    for year, (numbers, cents) in year_columns(size).items():
        path = folder / f"omzet_{size:_}_{year}.csv"
        whole, rest = np.divmod(cents, 100)
        amounts = np.char.add(np.char.add(whole.astype(str), ","), np.char.zfill(rest.astype(str), 2))
        lines = [f"{number};Klant {number};{amount}" for number, amount in zip(numbers.tolist(), amounts.tolist())]
        path.write_text("Klantnummer;Naam;Omzet\n" + "\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def ensure_inputs(folder: Path, size: int) -> tuple[Path, list[Path]]:
    """Create the inputs of one size once; later runs reuse them.

    Sizes are written with underscores ('omzet_2_000.xlsx'), so that a size
    such as 2000 is not read as a year.
    """
    folder.mkdir(parents=True, exist_ok=True)
    workbook = folder / f"omzet_{size:_}.xlsx"
    if not workbook.exists():
        write_xlsx(workbook, size)
    csv_files = [folder / f"omzet_{size:_}_{year}.csv" for year in (BASE_YEAR, NEXT_YEAR)]
    if not all(path.exists() for path in csv_files):
        csv_files = write_csv(folder, size)
    return workbook, csv_files
