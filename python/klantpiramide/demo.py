"""The bundled example: about 1,700 invented Dutch customers over two years.

The data is generated from a fixed seed, so every run gives the same report.
Revenues follow a log-normal distribution (a few large customers, many small
ones); some customers leave after the first year and some arrive in the second.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from openpyxl import Workbook

from klantpiramide.job import Settings, analyse_tables
from klantpiramide.reading import RawSheet, read_year_table
from klantpiramide.report import write_report

SEED = 20240101
BASE_YEAR, NEXT_YEAR = 2024, 2025
CUSTOMERS = 1_700
LOST_SHARE = 0.12
NEW_SHARE = 0.10
HEADER = ("Klantnummer", "Naam", "Omzet")

_SURNAMES = (
    "De Vries", "Jansen", "Van den Berg", "Bakker", "Visser", "Smit", "Meijer", "De Boer", "Mulder",
    "De Groot", "Bos", "Vos", "Peters", "Hendriks", "Van Leeuwen", "Dekker", "Brouwer", "De Wit",
    "Dijkstra", "Smits", "De Graaf", "Van der Meer", "Van der Linden", "Kok", "Jacobs", "De Haan",
    "Vermeulen", "Van den Heuvel", "Van der Veen", "Van den Broek", "De Bruijn", "Schouten", "Willems",
    "Van Dijk", "Hoekstra", "Maas", "Verhoeven", "Koster", "Prins", "Blom", "Huisman", "Peeters",
)
_TRADES = (
    "Bouw", "Installatietechniek", "Transport", "Bakkerij", "Drukkerij", "Schilderwerken", "Metaal",
    "Tuinen", "Elektro", "Catering", "Kozijnen", "Advies", "Logistiek", "Interieur", "Autoschade",
    "Dakwerken", "Houthandel", "Zorg", "Techniek", "Groothandel",
)
_FORMS = ("B.V.", "B.V.", "B.V.", "V.O.F.", "", "& Zn.", "Holding B.V.")
_PLACES = (
    "Utrecht", "Zwolle", "Amersfoort", "Eindhoven", "Groningen", "Breda", "Haarlem", "Leiden",
    "Apeldoorn", "Tilburg", "Delft", "Deventer", "Arnhem", "Nijmegen", "Alkmaar", "Assen",
)


def demo_years() -> tuple[list[tuple], list[tuple]]:
    """Return the rows (with header) of the base year and the next year."""
    generator = np.random.default_rng(SEED)
    total = int(CUSTOMERS * (1 + NEW_SHARE))
    numbers = [f"{10001 + index:05d}" for index in range(total)]
    names = [_company_name(generator) for _ in range(total)]

    # Base-year revenue: log-normal, median about 2,000 euro; kept in cents.
    base = np.round(generator.lognormal(mean=7.6, sigma=1.3, size=total) * 100).astype(np.int64)
    growth = generator.lognormal(mean=0.03, sigma=0.45, size=total)
    following = np.round(base * growth).astype(np.int64)

    status = generator.random(total)
    existing = np.arange(total) < CUSTOMERS
    lost = existing & (status < LOST_SHARE)
    base_rows = [HEADER] + [
        (numbers[i], names[i], int(base[i]) / 100) for i in range(total) if existing[i]
    ]
    next_rows = [HEADER] + [
        (numbers[i], names[i], int(following[i]) / 100) for i in range(total) if not lost[i]
    ]
    return base_rows, next_rows


def write_demo_input(path: Path) -> Path:
    """Save the invented customers as a workbook with the sheets '2024' and '2025'."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for year, rows in zip((BASE_YEAR, NEXT_YEAR), demo_years()):
        sheet = workbook.create_sheet(str(year))
        for row in rows:
            sheet.append(row)
        sheet.column_dimensions["B"].width = 40
    workbook.save(path)
    return path


def write_demo(output: Path, *, language: str = "nl", input_path: Path | None = None) -> Path:
    """Write the demo report (and, when asked, the demo input) and return the report path."""
    if input_path is not None:
        write_demo_input(input_path)

    base_rows, next_rows = demo_years()
    base = read_year_table(RawSheet("demo", str(BASE_YEAR), base_rows), BASE_YEAR)
    following = read_year_table(RawSheet("demo", str(NEXT_YEAR), next_rows), NEXT_YEAR)
    analysis = analyse_tables(base, following, Settings(language=language))
    return write_report(analysis, output)


def _company_name(generator: np.random.Generator) -> str:
    surname = _SURNAMES[generator.integers(len(_SURNAMES))]
    trade = _TRADES[generator.integers(len(_TRADES))]
    form = _FORMS[generator.integers(len(_FORMS))]
    pattern = generator.integers(3)
    if pattern == 0:
        name = f"{trade} {surname}"
    elif pattern == 1:
        name = f"{surname} {trade}"
    else:
        name = f"{trade}bedrijf {_PLACES[generator.integers(len(_PLACES))]}"
    return f"{name} {form}".strip()
