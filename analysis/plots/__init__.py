"""Plot functions: each takes tidy tables and returns a matplotlib Figure.

Shared look for the whole suite: the two compared speakers always get the same
two colours (first speaker compared -> ``SPEAKER_COLOURS[0]``), so a reader can
move between figures without a legend hunt.  Saving is done elsewhere
(:func:`analysis.figures.save_figure`).
"""

from __future__ import annotations

from collections.abc import Iterable

import matplotlib.pyplot as plt
from matplotlib.figure import Figure

#: Colour-blind-safe pair (Okabe-Ito vermillion and blue), then more for extra speakers.
SPEAKER_COLOURS = ("#D55E00", "#0072B2", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#999999")
NEUTRAL = "#7f7f7f"

STYLE = {
    "figure.dpi": 100,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titleweight": "bold",
    "axes.titlesize": 12,
    "axes.labelsize": 10,
    "xtick.labelsize": 9,
    "ytick.labelsize": 9,
    "legend.frameon": False,
    "font.family": "DejaVu Sans",
    "svg.hashsalt": "analysis",
}
plt.rcParams.update(STYLE)


def speaker_colours(speakers: Iterable[str]) -> dict[str, str]:
    """Map speakers, in the order given, to the suite's fixed colours.

    Examples
    --------
    >>> speaker_colours(["Xi Jinping", "Vladimir Putin"])
    {'Xi Jinping': '#D55E00', 'Vladimir Putin': '#0072B2'}
    """
    names = list(dict.fromkeys(speakers))
    return {name: SPEAKER_COLOURS[i % len(SPEAKER_COLOURS)] for i, name in enumerate(names)}


def new_figure(nrows: int = 1, ncols: int = 1, **kwargs) -> tuple[Figure, object]:
    """Create a figure of the suite's standard size with ``nrows x ncols`` axes.

    The figure is created through pyplot (so that Jupyter's inline display is
    set up) and closed at once: pyplot then neither keeps it alive nor draws it a
    second time at the end of the cell.  A notebook shows the figure by ending a
    cell with it; saving works as usual.
    """
    fig = plt.figure(figsize=kwargs.pop("figsize", (10.0, 6.0)), layout=kwargs.pop("layout", "constrained"))
    plt.close(fig)  # not tracked by pyplot: drawn once, as the cell's value, and freed when dropped
    axes = fig.subplots(nrows, ncols, **kwargs)
    return fig, axes
