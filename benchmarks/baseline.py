"""The straightforward approach a competent analyst would write, as the benchmark's yardstick.

pandas reads both sheets with the openpyxl engine, merges them, assigns the
categories by the same pyramid rule, makes the matrix with pivot_table, and
writes the matrix plus one sheet per cell with to_excel (openpyxl engine).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

SHARES = (0.01, 0.05, 0.20, 0.45)
LETTERS = np.array(["A", "B", "C", "D", "E"])


def categories(revenue: pd.Series, bounds: list[float]) -> pd.Series:
    above = np.zeros(len(revenue), dtype=int)
    for bound in bounds:
        above += (revenue < bound).to_numpy()
    return pd.Series(np.where(revenue > 0, LETTERS[above], ""), index=revenue.index)


def run(source: Path, output: Path) -> None:
    sheets = pd.read_excel(source, sheet_name=None, engine="openpyxl", dtype={"Klantnummer": str})
    (base_year, base), (next_year, following) = sorted(sheets.items())
    merged = base.merge(following, on="Klantnummer", how="outer", suffixes=("_basis", "_volgend")).fillna({"Omzet_basis": 0, "Omzet_volgend": 0})

    active = merged.loc[merged["Omzet_basis"] > 0, "Omzet_basis"].sort_values(ascending=False).to_numpy()
    bounds = [active[max(1, int(np.floor(share * len(active) + 0.5))) - 1] for share in SHARES]
    merged["rij"] = categories(merged["Omzet_basis"], bounds).replace("", "Nieuw")
    merged["kolom"] = categories(merged["Omzet_volgend"], bounds).replace("", "Verloren")
    merged = merged[(merged["Omzet_basis"] > 0) | (merged["Omzet_volgend"] > 0)]
    matrix = merged.pivot_table(index="rij", columns="kolom", values="Klantnummer", aggfunc="count", fill_value=0)

    with pd.ExcelWriter(output, engine="openpyxl") as writer:
        matrix.to_excel(writer, sheet_name="Matrix")
        for (row, column), group in merged.groupby(["rij", "kolom"]):
            group.to_excel(writer, sheet_name=f"{row}-{column}", index=False)


if __name__ == "__main__":
    run(Path(sys.argv[1]), Path(sys.argv[2]))
