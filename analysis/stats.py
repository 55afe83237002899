"""Shared statistics: seeded bootstrap intervals and the Mann-Whitney test with Cliff's delta.

Small, general functions that any metric module can import:

* :func:`bootstrap_ci` -- a percentile bootstrap confidence interval for any
  statistic of one or more samples (each sample resampled with replacement,
  independently), reproducible with its ``seed``;
* :func:`mann_whitney` -- the two-sided Mann-Whitney U test (from scipy) with
  Cliff's delta as its effect size and the magnitude label of Romano et al. (2006);
* :func:`cliffs_delta`, :func:`delta_magnitude`, :func:`describe_sample`,
  :func:`format_p` -- the pieces, usable on their own.

Empty samples raise :class:`EmptySampleError` (a :class:`~analysis.errors.TranscriptError`
and a ``ValueError``) with a message naming the sample, never a ZeroDivisionError
or a silent NaN.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from scipy import stats as scipy_stats

from .errors import TranscriptError

#: Romano et al. (2006) thresholds on |delta|: below 0.147 negligible, 0.33 small, 0.474 medium.
DELTA_THRESHOLDS = ((0.147, "negligible"), (0.33, "small"), (0.474, "medium"))

#: Default number of bootstrap resamples and seed used across the suite.
N_RESAMPLES = 1000
SEED = 20250121


class EmptySampleError(TranscriptError, ValueError):
    """A statistic was asked of a sample with no values."""


@dataclass(frozen=True)
class BootstrapResult:
    """A bootstrap estimate and its percentile interval.

    Attributes
    ----------
    estimate : float
        The statistic on the original samples.
    low, high : float
        The interval's bounds; NaN when a sample has a single value (one value
        says nothing about sampling variability, so no interval is claimed).
    level : float
        Confidence level, e.g. 0.95.
    n_resamples : int
    seed : int
    sizes : tuple of int
        The size of each sample.
    """

    estimate: float
    low: float
    high: float
    level: float
    n_resamples: int
    seed: int
    sizes: tuple[int, ...]


@dataclass(frozen=True)
class MannWhitneyResult:
    """Mann-Whitney U test of ``x`` against ``y`` with Cliff's delta.

    Attributes
    ----------
    u : float
        U statistic of ``x``: pairs with x > y, plus half the ties.
    p_value : float
        Two-sided p-value (scipy's ``method="auto"``: exact for small samples without ties).
    delta : float
        Cliff's delta, P(x > y) - P(x < y), in [-1, 1].
    magnitude : str
        ``negligible``, ``small``, ``medium`` or ``large`` (Romano et al. 2006).
    n_x, n_y : int
    """

    u: float
    p_value: float
    delta: float
    magnitude: str
    n_x: int
    n_y: int


def as_sample(values, name: str = "sample") -> np.ndarray:
    """Return ``values`` as a 1-D float array; raise :class:`EmptySampleError` if empty.

    Examples
    --------
    >>> as_sample([3, 1]).tolist()
    [3.0, 1.0]
    >>> as_sample([], "Anna's sentences")
    Traceback (most recent call last):
    ...
    analysis.stats.EmptySampleError: Anna's sentences has no values: nothing to compute.
    """
    array = np.asarray(values, dtype=float).ravel()
    if array.size == 0:
        raise EmptySampleError(f"{name} has no values: nothing to compute.")
    if np.isnan(array).any():
        raise ValueError(f"{name} contains NaN values; drop or fill them first.")
    return array


def resample_indices(n: int, n_resamples: int, rng: np.random.Generator) -> np.ndarray:
    """Draw ``n_resamples`` bootstrap samples of ``n`` positions (an ``n_resamples x n`` array).

    Examples
    --------
    >>> resample_indices(3, 2, np.random.default_rng(0)).shape
    (2, 3)
    """
    return rng.integers(0, n, size=(n_resamples, n))


def bootstrap_ci(
    *samples,
    statistic: Callable[..., float] = np.mean,
    n_resamples: int = N_RESAMPLES,
    seed: int = SEED,
    level: float = 0.95,
    vectorized: bool = False,
) -> BootstrapResult:
    """Percentile bootstrap confidence interval of ``statistic(*samples)``.

    Each sample is resampled with replacement, independently of the others,
    ``n_resamples`` times with ``numpy.random.default_rng(seed)``; the interval
    is the ``(1 - level) / 2`` and ``(1 + level) / 2`` quantiles of the
    resampled statistics.

    Parameters
    ----------
    *samples : array-like
        One or more 1-D samples.
    statistic : callable
        Takes as many arrays as there are samples, returns a number,
        e.g. ``np.median`` or ``lambda x, y: x.mean() - y.mean()``.
    n_resamples : int, default 1000
    seed : int
        Same seed, same samples -> same interval.
    level : float, default 0.95
    vectorized : bool, default False
        ``statistic`` takes an ``axis`` keyword (like ``np.mean``) and is then
        called once on all resamples (``axis=-1``) instead of once per resample;
        same draws, same interval, many times faster.

    Returns
    -------
    BootstrapResult

    Raises
    ------
    EmptySampleError
        A sample has no values.

    Examples
    --------
    >>> r = bootstrap_ci([1, 2, 3, 4, 5], statistic=np.mean, seed=1)
    >>> r.estimate, r.low <= 3 <= r.high
    (3.0, True)
    >>> diff = bootstrap_ci([5, 6, 7], [1, 2, 3], statistic=lambda x, y: x.mean() - y.mean())
    >>> diff.estimate
    4.0
    >>> def mean_difference(x, y, axis=None):
    ...     return x.mean(axis) - y.mean(axis)
    >>> fast = bootstrap_ci([5, 6, 7], [1, 2, 3], statistic=mean_difference, vectorized=True)
    >>> (fast.low, fast.high) == (diff.low, diff.high)
    True
    """
    if not samples:
        raise TypeError("bootstrap_ci needs at least one sample.")
    if not 0 < level < 1:
        raise ValueError(f"level must be between 0 and 1, not {level}.")
    if n_resamples < 1:
        raise ValueError(f"n_resamples must be at least 1, not {n_resamples}.")
    arrays = [as_sample(s, f"Sample {i + 1}") for i, s in enumerate(samples)]
    sizes = tuple(a.size for a in arrays)
    estimate = float(statistic(*arrays))
    if min(sizes) < 2:
        return BootstrapResult(estimate, np.nan, np.nan, level, n_resamples, seed, sizes)
    rng = np.random.default_rng(seed)
    draws = [resample_indices(a.size, n_resamples, rng) for a in arrays]
    if vectorized:
        values = np.asarray(statistic(*(a[d] for a, d in zip(arrays, draws, strict=True)), axis=-1), float)
    else:
        values = np.array(
            [statistic(*(a[d[i]] for a, d in zip(arrays, draws, strict=True))) for i in range(n_resamples)],
            dtype=float,
        )
    low, high = percentile_interval(values, level)
    return BootstrapResult(estimate, low, high, level, n_resamples, seed, sizes)


def percentile_interval(values, level: float = 0.95) -> tuple[float, float]:
    """The central ``level`` interval of bootstrap ``values`` (quantiles, linear interpolation).

    Examples
    --------
    >>> [round(v, 6) for v in percentile_interval(np.arange(101), 0.9)]
    [5.0, 95.0]
    """
    alpha = (1 - level) / 2
    low, high = np.quantile(np.asarray(values, dtype=float), [alpha, 1 - alpha])
    return float(low), float(high)


def cliffs_delta(x, y) -> float:
    """Cliff's delta: the share of pairs with x > y minus the share with x < y.

    Examples
    --------
    >>> cliffs_delta([3, 4], [1, 2])
    1.0
    >>> cliffs_delta([1, 2, 3], [2])  # pairs: 1<2, 2=2, 3>2 -> (1 - 1) / 3
    0.0
    """
    x, y = as_sample(x, "x"), as_sample(y, "y")
    signs = np.sign(x[:, None] - y[None, :])
    return float(signs.sum() / signs.size)


def delta_magnitude(delta: float) -> str:
    """Label |delta| with the thresholds of Romano et al. (2006).

    Examples
    --------
    >>> [delta_magnitude(d) for d in (0.1, -0.2, 0.4, -0.9)]
    ['negligible', 'small', 'medium', 'large']
    """
    size = abs(delta)
    for threshold, label in DELTA_THRESHOLDS:
        if size < threshold:
            return label
    return "large"


def mann_whitney(x, y) -> MannWhitneyResult:
    """Two-sided Mann-Whitney U test of ``x`` against ``y``, with Cliff's delta.

    Parameters
    ----------
    x, y : array-like
        Two independent samples (e.g. sentence lengths of two speakers).

    Returns
    -------
    MannWhitneyResult
        ``u`` is x's U statistic; ``delta`` > 0 means x tends to be larger.

    Raises
    ------
    EmptySampleError
        Either sample is empty.

    Examples
    --------
    >>> r = mann_whitney([4, 5, 6], [1, 2, 3])
    >>> r.u, round(r.p_value, 3), r.delta, r.magnitude
    (9.0, 0.1, 1.0, 'large')
    """
    x, y = as_sample(x, "x"), as_sample(y, "y")
    test = scipy_stats.mannwhitneyu(x, y, alternative="two-sided", method="auto")
    delta = 2 * float(test.statistic) / (x.size * y.size) - 1
    return MannWhitneyResult(
        float(test.statistic), float(test.pvalue), delta, delta_magnitude(delta), x.size, y.size
    )


def describe_sample(values) -> dict[str, float]:
    """n, mean, median, standard deviation (n - 1), quartiles, min and max of a sample.

    The standard deviation of a single value is NaN (undefined), stated here
    rather than silently reported as 0.  An empty sample gives ``n = 0`` and
    NaN for everything else.

    Examples
    --------
    >>> describe_sample([1, 2, 3, 4])
    {'n': 4, 'mean': 2.5, 'median': 2.5, 'sd': 1.290994..., 'q1': 1.75, 'q3': 3.25, 'min': 1.0, 'max': 4.0}
    """
    array = np.asarray(values, dtype=float).ravel()
    if array.size == 0:
        return {"n": 0, **dict.fromkeys(["mean", "median", "sd", "q1", "q3", "min", "max"], np.nan)}
    q1, median, q3 = np.quantile(array, [0.25, 0.5, 0.75])
    return {
        "n": int(array.size),
        "mean": float(array.mean()),
        "median": float(median),
        "sd": float(array.std(ddof=1)) if array.size > 1 else np.nan,
        "q1": float(q1),
        "q3": float(q3),
        "min": float(array.min()),
        "max": float(array.max()),
    }


def format_p(p: float) -> str:
    """Write a p-value for a sentence: ``p = 0.034``, ``p < 0.001``.

    Examples
    --------
    >>> format_p(0.03412), format_p(0.00001)
    ('p = 0.034', 'p < 0.001')
    """
    return "p < 0.001" if p < 0.001 else f"p = {p:.3f}"


def format_interval(low: float, high: float, level: float = 0.95, digits: int = 1) -> str:
    """Write an interval for a sentence: ``95% CI 1.2 to 3.4`` (or a note when undefined).

    Examples
    --------
    >>> format_interval(1.23, 3.456), format_interval(float("nan"), float("nan"))
    ('95% CI 1.2 to 3.5', 'no interval: too few values')
    >>> format_interval(-0.0362, 6.7)  # a bound that would read "-0.0" keeps its sign and digits
    '95% CI -0.036 to 6.7'
    """
    if np.isnan(low) or np.isnan(high):
        return "no interval: too few values"
    return f"{level:.0%} CI {format_number(low, digits)} to {format_number(high, digits)}"


def format_number(value: float, digits: int = 1) -> str:
    """Round for a sentence, but never to a misleading ``0.0`` / ``-0.0`` for a non-zero value.

    Examples
    --------
    >>> format_number(2.345), format_number(-0.0362), format_number(0.0)
    ('2.3', '-0.036', '0.0')
    """
    text = f"{value:.{digits}f}"
    if value != 0 and float(text) == 0:
        return f"{value:.2g}"
    return text
