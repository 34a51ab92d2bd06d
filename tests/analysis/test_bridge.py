"""The revenue bridge on a small hand-made migration (amounts in cents)."""

import pandas as pd

from klantpiramide.analysis import bounds_from_euros, migrate, parse_split
from klantpiramide.analysis.bridge import WaterfallBar, revenue_bridge, waterfall_bars
from tests.helpers import year

SPLIT = parse_split("10,20,30,40")
OWN = bounds_from_euros(["100", "50", "20"], SPLIT)
BASE = [("1", 6000), ("2", 12000), ("3", 3000), ("4", 4000), ("5", 4500), ("6", 1000), ("7", 2500)]
FOLLOWING = [("1", 15000), ("2", 5500), ("3", 2500), ("4", 7000), ("5", 3000), ("6", 1200), ("8", 800)]


def customers_of(base, following, **options):
    return migrate(year(base), year(following), 2024, 2025, split=SPLIT, own_bounds=OWN, **options).customers


def test_steps_by_movement():
    bridge = revenue_bridge(customers_of(BASE, FOLLOWING))
    assert bridge.start == 33000
    assert [(step.kind, step.customers, step.change) for step in bridge.steps] == [
        ("lost", 1, -2500),
        ("down", 1, -6500),
        ("same", 3, -1800),
        ("up", 2, 12000),
        ("new", 1, 800),
    ]
    assert bridge.end == 35000
    assert bridge.running_totals() == [30500, 24000, 22200, 34200, 35000]


def test_unplaced_credit_notes_get_own_step():
    bridge = revenue_bridge(customers_of([*BASE, ("9", -500), ("10", 0)], [*FOLLOWING, ("10", 0)]))
    assert bridge.start == 32500
    assert (bridge.steps[-1].kind, bridge.steps[-1].customers, bridge.steps[-1].change) == ("not_placed", 2, 500)
    assert bridge.start + sum(step.change for step in bridge.steps) == bridge.end == 35000


def test_unplaced_zero_totals_get_no_step():
    bridge = revenue_bridge(customers_of([*BASE, ("10", 0)], [*FOLLOWING, ("10", 0)]))
    assert [step.kind for step in bridge.steps] == ["lost", "down", "same", "up", "new"]


def test_lost_step_includes_negative_next_year():
    bridge = revenue_bridge(customers_of([("1", 6000)], [("1", -700)]))
    assert [(step.kind, step.change) for step in bridge.steps if step.customers] == [("lost", -6700)]
    assert bridge.end == -700


def test_won_back_step_with_earlier_years():
    customers = customers_of(BASE, [*FOLLOWING, ("9", 2000)], earlier_active=pd.Index(["9"]))
    bridge = revenue_bridge(customers, won_back=True)
    assert [(step.kind, step.customers, step.change) for step in bridge.steps][-2:] == [("new", 1, 800), ("won_back", 1, 2000)]
    assert bridge.end == 37000


def test_waterfall_bars_float_between_totals():
    bars = waterfall_bars(revenue_bridge(customers_of(BASE, FOLLOWING)))
    assert bars == [
        WaterfallBar(0, 33000, 0, 0),
        WaterfallBar(30500, 0, 0, 2500),
        WaterfallBar(24000, 0, 0, 6500),
        WaterfallBar(22200, 0, 0, 1800),
        WaterfallBar(22200, 0, 12000, 0),
        WaterfallBar(34200, 0, 800, 0),
        WaterfallBar(0, 35000, 0, 0),
    ]
