"""The one place that writes figures: PNG plus the CSV of the data behind it.

Every figure of the suite goes through :func:`save_figure`, which fixes the
size and resolution and strips the metadata that would change from run to run
(software version, creation date), so that running the notebooks twice gives
byte-identical files.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from .paths import FIGURES_DIR

if TYPE_CHECKING:  # matplotlib is imported only when a figure is saved
    from matplotlib.figure import Figure

#: Size of every saved figure, in inches (width, height), and its resolution.
FIGURE_SIZE = (10.0, 6.0)
DPI = 120
_NAME = re.compile(r"^\d\d_[a-z0-9_]+$")


def save_figure(
    fig: Figure,
    name: str,
    data: pd.DataFrame | None = None,
    out_dir: str | Path | None = None,
    size: tuple[float, float] | None = FIGURE_SIZE,
    close: bool = False,
) -> Path:
    """Save a figure as ``<out_dir>/<name>.png`` and its data as ``<name>.csv``.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        The figure, as returned by a plot function of :mod:`analysis.plots`.
    name : str
        ``NN_what`` in lower case: the notebook's number and a short name,
        e.g. ``"02_top_words"``.
    data : pandas.DataFrame, optional
        The table behind the figure, written beside it as CSV (index dropped,
        floats rounded to 6 decimals so that files compare across machines).
    out_dir : str or pathlib.Path, optional
        Folder to write to (created if missing); defaults to ``figures/``.
    size : (float, float) or None
        Figure size in inches; ``None`` keeps the figure's own size.
    close : bool, default False
        Clear the figure after saving (frees memory in long loops).

    Returns
    -------
    pathlib.Path
        The PNG written.

    Examples
    --------
    >>> import tempfile
    >>> from analysis.plots import new_figure
    >>> fig, ax = new_figure()
    >>> _ = ax.plot([1, 2], [3, 4])
    >>> save_figure(fig, "99_example", out_dir=tempfile.mkdtemp()).name
    '99_example.png'
    """
    if not _NAME.match(name):
        raise ValueError(f"Figure name {name!r} must look like '02_top_words' (NN_ then a-z0-9_).")
    out = Path(out_dir) if out_dir is not None else FIGURES_DIR
    out.mkdir(parents=True, exist_ok=True)
    if size is not None:
        fig.set_size_inches(*size)
    png = out / f"{name}.png"
    fig.savefig(png, dpi=DPI, metadata={"Software": None}, facecolor="white")
    if data is not None:
        write_table(data, out / f"{name}.csv")
    if close:  # release the drawing (figures from new_figure are not tracked by pyplot)
        fig.clear()
    return png


def write_table(table: pd.DataFrame, path: str | Path) -> Path:
    """Write a table as CSV in a stable form (no index, floats to 6 decimals, LF line ends).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = write_table(pd.DataFrame({"x": [1 / 3]}), pathlib.Path(tempfile.mkdtemp()) / "t.csv")
    >>> p.read_text()
    'x\\n0.333333\\n'
    """
    path = Path(path)
    table.to_csv(path, index=False, float_format="%.6f", lineterminator="\n")
    return path
