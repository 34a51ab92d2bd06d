"""The pyramid rule, pinned on small hand-made revenue lists (amounts in cents)."""

from fractions import Fraction

import numpy as np
import pytest

from klantpiramide.analysis import DEFAULT_SPLIT, bounds_from_euros, classify, parse_split, pyramid_bounds
from klantpiramide.errors import InputError, SettingsError


def letters(revenues, split=DEFAULT_SPLIT):
    bounds = pyramid_bounds(np.array(revenues), split)
    categories = bounds.categories
    return "".join("-" if index < 0 else categories[index] for index in classify(np.array(revenues), bounds))


def test_single_customer_is_a():
    assert letters([500]) == "A"


def test_three_customers_one_a_two_e():
    # k = max(1, floor(0.01*3 + 0.5)) = 1 for A, B and C; k = floor(0.45*3 + 0.5) = 1 for D.
    assert letters([300, 200, 100]) == "AEE"


def test_all_equal_revenues_are_all_a():
    assert letters([700] * 10) == "A" * 10


def test_fifty_customers_b_bound_is_third_revenue():
    revenues = list(range(5000, 0, -100))  # 50 customers: 5000, 4900, ..., 100
    bounds = pyramid_bounds(np.array(revenues))
    # A: k = floor(0.5 + 0.5) = 1; B: floor(2.5 + 0.5) = 3; C: floor(10.5) = 10; D: floor(23) = 23.
    assert bounds.lower_cents == (5000, 4800, 4100, 2800)


def test_tie_at_bound_shares_category():
    # n = 10: A bound at position 1, B at floor(0.5+0.5) = 1, C at 2, D at 5.
    revenues = [1000, 900, 900, 900, 500, 500, 100, 100, 50, 10]
    bounds = pyramid_bounds(np.array(revenues))
    assert bounds.lower_cents == (1000, 1000, 900, 500)
    assert letters(revenues) == "ACCCDDEEEE"


def test_zero_and_negative_are_inactive_and_not_ranked():
    assert letters([0, -250, 400, 300, 200]) == "--AEE"


def test_no_active_customer_raises():
    with pytest.raises(InputError) as raised:
        pyramid_bounds(np.array([0, -5]), year=2024)
    assert raised.value.key == "no_active_base"
    assert "2024" in str(raised.value)


def test_four_category_split_ends_in_d():
    split = parse_split("1,4,15,80")
    assert split.categories == ("A", "B", "C", "D")
    assert letters(list(range(100, 0, -1)), split) == "A" + "B" * 4 + "C" * 15 + "D" * 80


def test_default_split_on_hundred_distinct_customers():
    assert letters(list(range(100, 0, -1))) == "A" + "B" * 4 + "C" * 15 + "D" * 25 + "E" * 55


def test_split_with_decimals_is_exact():
    assert parse_split("2.5, 7.5, 90").shares == (Fraction(5, 2), Fraction(15, 2), Fraction(90))


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("1,4,15,25", "split_sum"),
        ("100", "split_invalid"),
        ("1,1,1,1,1,95", "split_invalid"),
        ("1,-4,103", "split_invalid"),
        ("a,b", "split_invalid"),
    ],
)
def test_invalid_split_raises(text, key):
    with pytest.raises(SettingsError) as raised:
        parse_split(text)
    assert raised.value.key == key


def test_own_bounds_in_euros_become_cents():
    bounds = bounds_from_euros(["10000", "2500,50", "1000", "250"])
    assert bounds.lower_cents == (1_000_000, 250_050, 100_000, 25_000)
    assert bounds.origin == "own"


@pytest.mark.parametrize(
    ("text", "cents"),
    [("1.000,50", 100_050), ("1,000.50", 100_050), ("2500,5", 250_050), ("1.000", 100_000), ("12.5", 1_250), ("€ 750", 75_000)],
)
def test_own_bound_in_dutch_or_english_notation(text, cents):
    bounds = bounds_from_euros([text, "10", "5", "1"])
    assert bounds.lower_cents[0] == cents


def test_own_bounds_classify_with_revenue_at_least_bound():
    bounds = bounds_from_euros(["100", "50", "20", "10"])
    revenues = np.array([10_000, 9_999, 5_000, 2_000, 1_000, 999, 1, 0])
    assert list(classify(revenues, bounds)) == [0, 1, 1, 2, 3, 4, 4, -1]


@pytest.mark.parametrize(
    ("values", "key"),
    [
        (["100", "50", "20"], "bounds_count"),
        (["10", "50", "20", "5"], "bounds_order"),
        (["100", "50", "20", "0"], "bounds_order"),
        (["100", "veel", "20", "5"], "bounds_invalid"),
    ],
)
def test_invalid_own_bounds_raise(values, key):
    with pytest.raises(SettingsError) as raised:
        bounds_from_euros(values)
    assert raised.value.key == key
