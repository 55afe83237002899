"""Per-speech distributions: one point per speech, one panel per measure."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from . import new_figure, speaker_colours


def plot_speeches(speeches: pd.DataFrame, a: str, b: str, measures: dict[str, str], colours=None) -> Figure:
    """Strip plots of per-speech measures, with each speaker's median as a bar.

    Parameters
    ----------
    speeches : pandas.DataFrame
        From :func:`analysis.speeches.measure_speeches`.
    a, b : str
        The two speakers compared.
    measures : dict
        Column -> axis label (e.g. :data:`analysis.speeches.SPEECH_MEASURES`).
    colours : dict, optional

    Returns
    -------
    matplotlib.figure.Figure
    """
    colours = colours or speaker_colours([a, b])
    ncols = (len(measures) + 1) // 2
    fig, axes = new_figure(2, ncols, sharey=True)
    jitter = np.random.default_rng(0)
    for ax in np.ravel(axes)[len(measures) :]:
        ax.set_visible(False)
    for ax, (column, label) in zip(np.ravel(axes), measures.items()):
        for y, speaker in enumerate((a, b)):
            values = speeches.loc[speeches["speaker"] == speaker, column].dropna().to_numpy(dtype=float)
            ax.scatter(values, y + jitter.uniform(-0.15, 0.15, len(values)), s=22, color=colours[speaker],
                       alpha=0.8, zorder=3)  # fmt: skip
            if len(values):
                median = float(np.median(values))
                ax.plot([median, median], [y - 0.3, y + 0.3], color="black", linewidth=2)
        counts = [(speeches["speaker"] == s).sum() for s in (a, b)]
        ax.set_yticks([0, 1], [f"{a}\n({counts[0]} speeches)", f"{b}\n({counts[1]} speeches)"])
        ax.set_ylim(1.6, -0.6)
        ax.set_title(label, loc="left")
        ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    fig.suptitle("One point per speech (black bar: median)", fontweight="bold")
    return fig
