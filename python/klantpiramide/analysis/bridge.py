"""The revenue bridge: from the base year's total to the next year's, step by step.

Every customer belongs to exactly one step, by its movement: lost, fallers,
stable, risers, new (and won back, with three or more years). A step is the
sum of its customers' change (next-year revenue minus base-year revenue), so a
lost customer's step includes a negative next-year total, and a new customer's
step a negative base-year total. Customers active in neither year but with a
non-zero total in one of them get a step of their own. Totals are the sums
over every customer, credit notes included, so the steps add up to the cent.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

# Step order: the losses first, then the customers who stayed, then the gains.
STEP_ORDER = ("lost", "down", "same", "up", "new", "won_back", "not_placed")


@dataclass(frozen=True)
class BridgeStep:
    """One step of the bridge: its kind (a movement or 'not_placed'), its customers and their change in cents."""

    kind: str
    customers: int
    change: int


@dataclass(frozen=True)
class Bridge:
    """The base-year total, the steps and the next-year total, in cents."""

    start: int
    steps: tuple[BridgeStep, ...]
    end: int

    def running_totals(self) -> list[int]:
        """Return the total after each step; the last one equals ``end``."""
        return [int(total) for total in np.cumsum([self.start, *(step.change for step in self.steps)])[1:]]


def revenue_bridge(customers: pd.DataFrame, *, won_back: bool = False) -> Bridge:
    """Build the bridge from a migration's customer frame.

    ``won_back`` adds the step of won-back customers, which exists with three
    or more years. The step of customers not placed is added only when one of
    them has a non-zero total in either year.
    """
    movement = customers["movement"].to_numpy()
    change = customers["revenue_next"].to_numpy().astype(np.int64) - customers["revenue_base"].to_numpy().astype(np.int64)
    kinds = ["lost", "down", "same", "up", "new"] + (["won_back"] if won_back else [])

    steps = []
    for kind in kinds:
        members = movement == kind
        steps.append(BridgeStep(kind, int(members.sum()), int(change[members].sum())))

    not_placed = movement == ""
    revenues = customers[["revenue_base", "revenue_next"]].to_numpy()
    if (revenues[not_placed] != 0).any():
        steps.append(BridgeStep("not_placed", int(not_placed.sum()), int(change[not_placed].sum())))

    start = int(customers["revenue_base"].sum())
    end = int(customers["revenue_next"].sum())
    return Bridge(start, tuple(steps), end)


@dataclass(frozen=True)
class WaterfallBar:
    """One bar of a waterfall chart drawn as stacked bars, in cents.

    ``offset`` is the invisible part below the visible bar; exactly one of
    ``total``, ``increase`` and ``decrease`` is non-zero, unless the step is 0.
    """

    offset: int
    total: int
    increase: int
    decrease: int


def waterfall_bars(bridge: Bridge) -> list[WaterfallBar]:
    """Return the bars of the bridge's waterfall chart: the start total, one per step, the end total.

    A step floats between the totals before and after it: its offset is the
    lower of the two and its height the step's size.
    """
    # NOTE: a stacked bar below zero grows downward from zero. So a running
    # total below zero cannot float, and such a step is drawn from zero.
    bars = [WaterfallBar(0, bridge.start, 0, 0)]
    before = bridge.start
    for step in bridge.steps:
        after = before + step.change
        offset = max(0, min(before, after))
        bars.append(WaterfallBar(offset, 0, max(step.change, 0), max(-step.change, 0)))
        before = after
    bars.append(WaterfallBar(0, bridge.end, 0, 0))
    return bars
