"""Tests of analysis.stats: exact values on tiny inputs, scipy cross-checks, reproducibility."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats as scipy_stats

from analysis.errors import TranscriptError
from analysis.stats import (
    EmptySampleError,
    bootstrap_ci,
    cliffs_delta,
    delta_magnitude,
    describe_sample,
    format_interval,
    format_p,
    mann_whitney,
    percentile_interval,
)

samples = st.lists(st.integers(min_value=0, max_value=60), min_size=1, max_size=25)


# --- Cliff's delta and its magnitude -------------------------------------------------------------


def test_cliffs_delta_by_hand():
    # x = [1, 2, 3], y = [2, 4]; the six pairs: 1<2, 1<4, 2=2, 2<4, 3>2, 3<4
    # -> one "greater", four "less", one tie: (1 - 4) / 6 = -0.5
    assert cliffs_delta([1, 2, 3], [2, 4]) == -0.5


def test_cliffs_delta_extremes_and_ties():
    assert cliffs_delta([5, 6], [1, 2, 3]) == 1.0
    assert cliffs_delta([1], [5, 6]) == -1.0
    assert cliffs_delta([3, 3], [3, 3, 3]) == 0.0


@pytest.mark.parametrize(
    ("delta", "label"),
    [(0.0, "negligible"), (0.1469, "negligible"), (0.147, "small"), (-0.3299, "small"),
     (0.33, "medium"), (-0.4739, "medium"), (0.474, "large"), (-1.0, "large")],
)  # fmt: skip
def test_delta_magnitude_romano_thresholds(delta, label):
    # Romano et al. (2006): |d| < 0.147 negligible, < 0.33 small, < 0.474 medium, else large
    assert delta_magnitude(delta) == label


@settings(max_examples=60, deadline=None)
@given(samples, samples)
def test_cliffs_delta_is_antisymmetric_and_bounded(x, y):
    d = cliffs_delta(x, y)
    assert -1 <= d <= 1
    assert cliffs_delta(y, x) == pytest.approx(-d)


# --- Mann-Whitney ----------------------------------------------------------------------------------


def test_mann_whitney_by_hand():
    # same x, y as above: U_x = pairs with x > y (1) + half the ties (0.5) = 1.5
    # delta = 2 U / (n_x n_y) - 1 = 3 / 6 - 1 = -0.5
    r = mann_whitney([1, 2, 3], [2, 4])
    assert r.u == 1.5
    assert r.delta == -0.5
    assert r.magnitude == "large"
    assert (r.n_x, r.n_y) == (3, 2)
    expected = scipy_stats.mannwhitneyu([1, 2, 3], [2, 4], alternative="two-sided")
    assert r.p_value == pytest.approx(expected.pvalue)


def test_mann_whitney_exact_p_without_ties():
    # complete separation of 3 vs 3: exact two-sided p = 2 / C(6, 3) = 2 / 20 = 0.1
    r = mann_whitney([4, 5, 6], [1, 2, 3])
    assert (r.u, r.delta) == (9.0, 1.0)
    assert r.p_value == pytest.approx(0.1)


@settings(max_examples=60, deadline=None)
@given(samples, samples)
def test_mann_whitney_matches_scipy_and_delta(x, y):
    r = mann_whitney(x, y)
    expected = scipy_stats.mannwhitneyu(x, y, alternative="two-sided")
    assert r.u == pytest.approx(expected.statistic)
    assert r.p_value == pytest.approx(expected.pvalue, nan_ok=True)
    assert r.delta == pytest.approx(cliffs_delta(x, y))


def test_mann_whitney_empty_sample_is_a_clear_error():
    with pytest.raises(EmptySampleError, match="has no values"):
        mann_whitney([], [1, 2])
    assert issubclass(EmptySampleError, TranscriptError)
    assert issubclass(EmptySampleError, ValueError)


# --- bootstrap -------------------------------------------------------------------------------------


def test_bootstrap_matches_a_hand_rolled_percentile_bootstrap():
    values = np.array([3.0, 7.0, 1.0, 9.0, 4.0, 6.0])
    r = bootstrap_ci(values, statistic=np.mean, n_resamples=500, seed=42, level=0.9)
    rng = np.random.default_rng(42)
    means = values[rng.integers(0, 6, size=(500, 6))].mean(axis=1)
    assert r.estimate == 5.0
    assert (r.low, r.high) == pytest.approx(tuple(np.quantile(means, [0.05, 0.95])))
    assert (r.level, r.n_resamples, r.seed, r.sizes) == (0.9, 500, 42, (6,))


def test_bootstrap_is_reproducible_with_its_seed():
    x, y = [12, 30, 7, 22, 18, 40], [9, 11, 14, 8, 20]

    def diff(a, b):
        return a.mean() - b.mean()

    first = bootstrap_ci(x, y, statistic=diff, seed=7)
    again = bootstrap_ci(x, y, statistic=diff, seed=7)
    other = bootstrap_ci(x, y, statistic=diff, seed=8)
    assert first == again
    assert (first.low, first.high) != (other.low, other.high)
    assert first.estimate == pytest.approx(np.mean(x) - np.mean(y))
    assert first.low <= first.estimate <= first.high


def test_bootstrap_of_a_constant_sample_has_zero_width():
    r = bootstrap_ci([4, 4, 4], statistic=np.median, n_resamples=50)
    assert (r.estimate, r.low, r.high) == (4.0, 4.0, 4.0)


def test_bootstrap_of_a_single_value_claims_no_interval():
    r = bootstrap_ci([5], statistic=np.mean)
    assert r.estimate == 5.0
    assert math.isnan(r.low) and math.isnan(r.high)


def test_bootstrap_errors():
    with pytest.raises(EmptySampleError, match="Sample 2 has no values"):
        bootstrap_ci([1, 2], [], statistic=lambda a, b: a.mean() - b.mean())
    with pytest.raises(ValueError, match="level"):
        bootstrap_ci([1, 2], level=95)
    with pytest.raises(ValueError, match="NaN"):
        bootstrap_ci([1, float("nan")])
    with pytest.raises(TypeError):
        bootstrap_ci()


def test_percentile_interval():
    assert percentile_interval(np.arange(11), 0.8) == pytest.approx((1.0, 9.0))


# --- descriptive statistics and formatting ---------------------------------------------------------


def test_describe_sample_by_hand():
    # [1, 2, 3, 4]: mean 2.5; SD (n - 1) = sqrt((2.25 + 0.25 + 0.25 + 2.25) / 3) = sqrt(5 / 3);
    # quartiles by linear interpolation: 1 + 0.75 * 1 = 1.75 and 3 + 0.25 * 1 = 3.25
    d = describe_sample([4, 2, 1, 3])
    assert d["n"] == 4
    assert (d["mean"], d["median"], d["q1"], d["q3"], d["min"], d["max"]) == (2.5, 2.5, 1.75, 3.25, 1.0, 4.0)
    assert d["sd"] == pytest.approx(math.sqrt(5 / 3))


def test_describe_sample_edge_cases():
    one = describe_sample([7])
    assert (one["n"], one["mean"], one["q1"], one["q3"]) == (1, 7.0, 7.0, 7.0)
    assert math.isnan(one["sd"])
    empty = describe_sample([])
    assert empty["n"] == 0 and math.isnan(empty["mean"])


def test_formatting():
    assert format_p(0.2) == "p = 0.200"
    assert format_p(0.0004) == "p < 0.001"
    assert format_interval(-1.25, 20.04) == "95% CI -1.2 to 20.0"
    assert format_interval(1, 2, level=0.9, digits=2) == "90% CI 1.00 to 2.00"
    assert format_interval(float("nan"), 1.0) == "no interval: too few values"
