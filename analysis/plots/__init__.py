"""Plot functions: each takes tidy tables and returns a matplotlib Figure.

Shared look for the whole suite: the two compared speakers always get the same
two colours (first speaker compared -> ``SPEAKER_COLOURS[0]``), so a reader can
move between figures without a legend hunt.  Saving is done elsewhere
(:func:`analysis.figures.save_figure`).
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable
from functools import cache

import matplotlib.font_manager
import matplotlib.pyplot as plt
from matplotlib import ft2font
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


class _FontsFromMemory:
    """Stands in for :mod:`matplotlib.ft2font` inside :mod:`matplotlib.font_manager`.

    FreeType reads a font through Python file callbacks, a ``seek`` and a
    ``read`` system call for every glyph table it touches: about 90,000 calls
    for the six figures of one notebook.  Fonts opened through this module come
    from the file's bytes held in memory instead (the same bytes, so every pixel
    is unchanged; ``tests/test_plots.py`` checks this).  Saving the suite's 23
    figures takes about 15% less time.
    """

    def __getattr__(self, name: str):
        return getattr(ft2font, name)

    @staticmethod
    def FT2Font(font, *args, **kwargs):  # matplotlib's name
        if isinstance(font, (str, bytes, os.PathLike)):
            font = io.BytesIO(_font_bytes(os.fsdecode(font)))
        return ft2font.FT2Font(font, *args, **kwargs)


@cache
def _font_bytes(path: str) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()


def fonts_from_memory(enable: bool = True) -> None:
    """Let matplotlib read font files from memory (``True``) or from disk, as it does by itself.

    Applied on import; only where :mod:`matplotlib.font_manager` opens fonts
    the way matplotlib 3.11 does (through its module-level ``ft2font``),
    otherwise left alone.
    """
    manager = matplotlib.font_manager
    opens_fonts_our_way = isinstance(manager.ft2font, (type(ft2font), _FontsFromMemory))
    if not hasattr(manager, "_get_font") or not opens_fonts_our_way:
        return
    manager.ft2font = _FontsFromMemory() if enable else ft2font
    manager._get_font.cache_clear()  # fonts already opened are opened again, the new way


fonts_from_memory()


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
