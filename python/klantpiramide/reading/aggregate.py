"""Total the rows of one year per customer, with notes on what the totalling found.

Every row given is summed into its customer, so the year's ``input_total``
always equals the sum of the frame's revenue.
"""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pandas as pd

from klantpiramide.reading.customers import comparable_name
from klantpiramide.reading.model import RawSheet, YearTable
from klantpiramide.reading.notes import NoteLog

MAX_ROWS_IN_DETAIL = 10
MAX_NAMES_IN_DETAIL = 3


def total_year(
    sheet: RawSheet,
    year: int,
    rows: np.ndarray,
    keys: np.ndarray,
    customers: np.ndarray,
    names: np.ndarray,
    cents: np.ndarray,
    log: NoteLog,
    *,
    transactions: bool,
) -> YearTable:
    """Sum the rows of ``year`` per customer key into a YearTable.

    ``rows`` are sheet row numbers; ``keys``, ``customers`` and ``names`` are
    object arrays of text, aligned with them. In a transaction list many rows
    per customer are the rule; elsewhere a customer listed twice gets a note.
    """
    cents = np.asarray(cents, dtype=np.int64)
    codes, uniques = pd.factorize(keys)
    if len(uniques) == len(keys):
        # Every customer once, as in most sheets of yearly totals: nothing to sum.
        totals = pd.DataFrame({"key": keys, "customer": customers, "name": names, "revenue": cents})
        first_rows = np.asarray(rows, dtype=np.int64)
    else:
        listed = pd.DataFrame({"row": rows, "code": codes, "customer": customers, "name": names, "revenue": cents})
        if not transactions:
            _note_duplicates(listed, year, log)
        _note_differing_names(listed, year, log)
        totals, first_rows = _sum_per_customer(listed, uniques)

    _note_inactive(totals, first_rows, year, log)
    return YearTable(year, sheet, totals, int(cents.sum()), log.notes(year), pd.Series(first_rows, dtype=np.int64))


def euros(cents: int) -> Decimal:
    """Return cents as a Decimal amount in currency units, for note details."""
    return Decimal(int(cents)).scaleb(-2)


def _sum_per_customer(listed: pd.DataFrame, uniques: np.ndarray) -> tuple[pd.DataFrame, np.ndarray]:
    """Sum revenue per customer code; show the longest number seen and the first name given."""
    codes = listed["code"].to_numpy()
    count = len(uniques)
    revenue = listed.groupby("code", sort=True)["revenue"].sum().to_numpy()
    _, first = np.unique(codes, return_index=True)

    # The longest form of the number ('00123' rather than '123'); the first one on a tie.
    lengths = listed["customer"].str.len().to_numpy()
    order = np.lexsort((np.arange(len(codes)), -lengths, codes))
    _, longest = np.unique(codes[order], return_index=True)
    customers = listed["customer"].to_numpy()[order[longest]]

    names = np.full(count, "", dtype=object)
    named = np.flatnonzero(listed["name"].to_numpy() != "")
    named_codes, first_named = np.unique(codes[named], return_index=True)
    names[named_codes] = listed["name"].to_numpy()[named[first_named]]

    totals = pd.DataFrame({"key": uniques, "customer": customers, "name": names, "revenue": revenue.astype(np.int64)})
    return totals, listed["row"].to_numpy()[first]


def _note_duplicates(listed: pd.DataFrame, year: int, log: NoteLog) -> None:
    """Note every customer number listed more than once, with its rows and summed amount."""
    repeated = listed[listed["code"].duplicated(keep=False)]
    first_rows = repeated.groupby("code", sort=False)["row"].first()
    room = log.room("note_duplicate", year)

    detailed = repeated[repeated["code"].isin(first_rows.index[:room])]
    for _, group in detailed.groupby("code", sort=False):
        source_rows = [int(row) for row in group["row"]]
        log.add(
            "note_duplicate",
            source_rows[0],
            year=year,
            customer=_longest(group["customer"]),
            rows=_row_list(source_rows),
            amount=euros(group["revenue"].sum()),
        )
    log.add_skipped("note_duplicate", [int(row) for row in first_rows.iloc[room:]], year=year)


def _note_differing_names(listed: pd.DataFrame, year: int, log: NoteLog) -> None:
    """Note customer numbers whose names differ after case, punctuation and legal form are ignored."""
    named = listed[listed["name"] != ""]
    counts = named.groupby("code", sort=False)["name"].nunique()
    candidates = counts[counts > 1].index
    if not len(candidates):
        return

    subset = named[named["code"].isin(candidates)].copy()
    subset["compared"] = subset["name"].map(comparable_name)
    forms = subset.groupby("code", sort=False)["compared"].nunique()
    differing = subset[subset["code"].isin(forms[forms > 1].index)]
    room = log.room("note_names_differ", year)

    skipped: list[int] = []
    for position, (_, group) in enumerate(differing.groupby("code", sort=False)):
        first_row = int(group["row"].iloc[0])
        if position >= room:
            skipped.append(first_row)
            continue
        # One original spelling per compared form, in the order they appear.
        distinct = group.drop_duplicates("compared")
        names = ", ".join(f"'{name}'" for name in distinct["name"].iloc[:MAX_NAMES_IN_DETAIL])
        rows = _row_list([int(row) for row in distinct["row"]])
        log.add("note_names_differ", first_row, year=year, customer=_longest(group["customer"]), names=names, rows=rows)
    log.add_skipped("note_names_differ", skipped, year=year)


def _note_inactive(totals: pd.DataFrame, first_rows: np.ndarray, year: int, log: NoteLog) -> None:
    """Note each customer with a negative total, and count those with a total of 0."""
    revenue = totals["revenue"].to_numpy()
    negative = np.flatnonzero(revenue < 0)
    negative = negative[np.argsort(first_rows[negative], kind="stable")]
    room = log.room("note_negative_total", year)
    for index in negative[:room]:
        customer = totals["customer"].iat[index]
        log.add("note_negative_total", int(first_rows[index]), year=year, customer=customer, amount=euros(revenue[index]))
    log.add_skipped("note_negative_total", first_rows[negative[room:]].tolist(), year=year)

    zero = int((revenue == 0).sum())
    if zero:
        log.add("note_zero_totals", year=year, count=zero)


def _longest(customers: pd.Series) -> str:
    return max(customers, key=len)


def _row_list(rows: list[int]) -> str:
    shown = ", ".join(str(row) for row in rows[:MAX_ROWS_IN_DETAIL])
    return shown + (", …" if len(rows) > MAX_ROWS_IN_DETAIL else "")
