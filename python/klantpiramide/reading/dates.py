"""Invoice dates of a transaction list, and the (financial) year each one falls in.

Accepted: date cells; text as dd-mm-jjjj, d-m-jjjj, dd/mm/jjjj or dd.mm.jjjj
(day first, as Dutch systems write it), jjjj-mm-dd, or jjjjmmdd; numbers as
jjjjmmdd (19000101 to 21001231) or as Excel serial numbers (1 = 1-1-1900). A
time after the date is ignored.

A text in month-day-year order ('12/31/2024') raises an error rather than being
read the wrong way round. An all-ambiguous column ('03/04/2024' and alike) is
read day first.

Limitations: serial numbers follow Excel's 1900 date system. A serial from a
workbook in the 1904 date system that is not formatted as a date is read four
years early.
"""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pandas as pd

from klantpiramide.reading.model import CellError

NOT_A_TIME = np.datetime64("NaT", "D")
_DAY_FIRST = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[ T].*)?")
_YEAR_FIRST = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T].*)?")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")

# Excel's day 0 is 31-12-1899, and it counts a 29-02-1900 that never was (serial 60).
_SERIAL_EPOCH = np.datetime64("1899-12-31", "D")
_SERIAL_FAKE_LEAP_DAY = 60
_SERIAL_MAX = 2958465  # 31-12-9999
_COMPACT_MIN, _COMPACT_MAX = 19000101, 21001231


class DateProblem(Exception):
    """A cell of the date column that cannot be read; ``key`` is a message key of texts.MESSAGES."""

    def __init__(self, key: str, position: int, value: object) -> None:
        super().__init__(key, position, value)
        self.key = key
        self.position = position
        self.value = value


def parse_dates(values: list[object]) -> np.ndarray:
    """Return the dates of a column as datetime64[D], NaT for empty cells; raise DateProblem for the rest."""
    dates = np.full(len(values), NOT_A_TIME)
    # Invoice dates repeat a lot, so each distinct value is read once.
    objects = np.empty(len(values), dtype=object)
    objects[:] = values
    codes, uniques = pd.factorize(objects)
    if not len(uniques):
        return dates

    unique_dates = np.full(len(uniques), NOT_A_TIME)
    numbers: list[int] = []
    for index, value in enumerate(uniques):
        if isinstance(value, dt.date):
            unique_dates[index] = np.datetime64(value.date() if isinstance(value, dt.datetime) else value, "D")
        elif isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
            numbers.append(index)
        elif isinstance(value, str):
            if value.strip():
                unique_dates[index] = _text_to_date(value.strip(), _first_position(codes, index), value)
        else:
            key = "cell_error" if isinstance(value, CellError) else "date_invalid"
            raise DateProblem(key, _first_position(codes, index), value)

    if numbers:
        positions = np.asarray(numbers)
        unique_dates[positions] = _numbers_to_dates(uniques, positions, codes)

    present = codes >= 0
    dates[present] = unique_dates[codes[present]]
    return dates


def financial_years(dates: np.ndarray, start_month: int) -> np.ndarray:
    """Return the financial year of each date: the calendar year in which its financial year starts."""
    years = dates.astype("datetime64[Y]").astype(np.int64) + 1970
    months = dates.astype("datetime64[M]").astype(np.int64) % 12 + 1
    return np.where(months >= start_month, years, years - 1)


def financial_year_bounds(year: int, start_month: int) -> tuple[dt.date, dt.date]:
    """Return the first and last day of financial year ``year``."""
    first = dt.date(year, start_month, 1)
    following = dt.date(year + 1, start_month, 1)
    return first, following - dt.timedelta(days=1)


def _first_position(codes: np.ndarray, index: int) -> int:
    return int(np.flatnonzero(codes == index)[0])


def _text_to_date(text: str, position: int, value: object) -> np.datetime64:
    match = _DAY_FIRST.fullmatch(text)
    if match:
        day, month, year = (int(part) for part in match.groups())
        if month > 12 and day <= 12:
            raise DateProblem("date_month_first", position, value)
        return _make_date(year, month, day, position, value)

    match = _YEAR_FIRST.fullmatch(text) or _COMPACT.fullmatch(text)
    if match:
        year, month, day = (int(part) for part in match.groups())
        return _make_date(year, month, day, position, value)
    raise DateProblem("date_invalid", position, value)


def _make_date(year: int, month: int, day: int, position: int, value: object) -> np.datetime64:
    try:
        return np.datetime64(dt.date(year, month, day), "D")
    except ValueError:
        raise DateProblem("date_invalid", position, value) from None


def _numbers_to_dates(uniques: np.ndarray, positions: np.ndarray, codes: np.ndarray) -> np.ndarray:
    """Read numbers as jjjjmmdd when they fit, else as Excel serial numbers."""
    numbers = np.asarray([float(uniques[index]) for index in positions], dtype=np.float64)
    result = np.full(len(numbers), NOT_A_TIME)

    compact = (numbers == np.floor(numbers)) & (numbers >= _COMPACT_MIN) & (numbers <= _COMPACT_MAX)
    serial = ~compact & (numbers >= 1) & (numbers < _SERIAL_MAX + 1) & (np.floor(numbers) != _SERIAL_FAKE_LEAP_DAY)
    bad = ~compact & ~serial

    if compact.any():
        whole = numbers[compact].astype(np.int64)
        parts = pd.DataFrame({"year": whole // 10000, "month": whole // 100 % 100, "day": whole % 100})
        converted = pd.to_datetime(parts, errors="coerce").to_numpy().astype("datetime64[D]")
        result[compact] = converted
        invalid = np.isnat(converted)
        if invalid.any():
            bad[np.flatnonzero(compact)[invalid]] = True

    if serial.any():
        days = np.floor(numbers[serial]).astype(np.int64)
        # Serials after the fake leap day are one day ahead of the calendar.
        days = np.where(days > _SERIAL_FAKE_LEAP_DAY, days - 1, days)
        result[serial] = _SERIAL_EPOCH + days.astype("timedelta64[D]")

    if bad.any():
        index = int(positions[np.flatnonzero(bad)[0]])
        raise DateProblem("date_invalid", _first_position(codes, index), uniques[index])
    return result
