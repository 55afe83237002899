"""Figures of notebook 05: readability indices with intervals, and readability paragraph by paragraph."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from ..readability import HIGHER_IS_EASIER, INDICES
from . import NEUTRAL, new_figure, speaker_colours

# One definition of the indices, their labels and their direction (readability.py
# imports textstat only when an index is computed, so this stays light).
INDEX_LABELS = INDICES
EASIER_UP = HIGHER_IS_EASIER


def plot_readability_indices(
    scores: pd.DataFrame, speakers: Sequence[str], colours: dict[str, str] | None = None
) -> Figure:
    """Each index in its own panel: one point per speaker with its bootstrap interval.

    Parameters
    ----------
    scores : pandas.DataFrame
        From :func:`analysis.readability.score_speakers` (``speaker, index, label,
        value, ci_low, ci_high, level``).
    speakers : list of str
    colours : dict, optional

    Examples
    --------
    >>> scores = pd.DataFrame({"speaker": ["A", "B"], "index": ["smog_index"] * 2, "label": ["SMOG"] * 2,
    ...     "value": [12.0, 10.0], "ci_low": [10.0, 9.0], "ci_high": [14.0, 11.0], "level": [0.95] * 2})
    >>> [ax.get_title(loc="left") for ax in plot_readability_indices(scores, ["A", "B"]).axes]
    ['SMOG\\n(higher = harder)']
    """
    colours = colours or speaker_colours(speakers)
    names = list(dict.fromkeys(scores["index"]))
    ncols = min(4, len(names))
    nrows = int(np.ceil(len(names) / ncols))
    fig, axes = new_figure(nrows, ncols, squeeze=False)
    for ax, name in zip(axes.flat, names, strict=False):
        _draw_index(ax, scores[scores["index"] == name], name, speakers, colours)
    for ax in list(axes.flat)[len(names) :]:
        ax.set_visible(False)
    level = scores["level"].iloc[0] if len(scores) else 0.95
    handles = [Line2D([], [], marker="o", color=colours.get(s, NEUTRAL), label=s) for s in speakers]
    fig.legend(handles=handles, loc="outside lower center", ncols=len(speakers))
    fig.suptitle(
        f"Readability indices per speaker, with {level:.0%} bootstrap intervals (sentences resampled)",
        fontweight="bold", x=0.01, ha="left",
    )  # fmt: skip
    return fig


def _draw_index(ax, rows: pd.DataFrame, name: str, speakers: Sequence[str], colours) -> None:
    for x, speaker in enumerate(speakers):
        row = rows[rows["speaker"] == speaker]
        if row.empty:
            continue
        value, low, high = row[["value", "ci_low", "ci_high"]].iloc[0]
        colour = colours.get(speaker, NEUTRAL)
        if not (np.isnan(low) or np.isnan(high)):
            ax.errorbar(x, value, yerr=[[value - low], [high - value]], color=colour, capsize=4, lw=1.6)
        ax.plot(x, value, "o", color=colour, markersize=7)
        ax.annotate(f"{value:.1f}", (x, value), xytext=(7, 0), textcoords="offset points", va="center",
                    fontsize=8)  # fmt: skip
    label = INDEX_LABELS.get(name, rows["label"].iloc[0] if len(rows) else name)
    direction = "higher = easier" if name in EASIER_UP else "higher = harder"
    ax.set_title(f"{label}\n({direction})", loc="left", fontsize=10)
    ax.set_xticks([])
    ax.set_xlim(-0.6, len(speakers) - 0.2)
    ax.margins(y=0.15)


def plot_paragraph_readability(
    paragraphs: pd.DataFrame,
    speakers: Sequence[str],
    colours: dict[str, str] | None = None,
    indices: Sequence[str] = ("flesch_kincaid_grade", "flesch_reading_ease"),
    min_words: int | None = None,
) -> Figure:
    """Readability paragraph by paragraph along each speech; short paragraphs hollow.

    Parameters
    ----------
    paragraphs : pandas.DataFrame
        From :func:`analysis.readability.score_paragraphs` (``speaker, position,
        words, reliable`` and one column per index).
    speakers : list of str
    colours : dict, optional
    indices : sequence of str
        Index columns to draw, one panel each.
    min_words : int, optional
        The threshold behind ``reliable``, for the legend; default the table's ``min_words``.

    Examples
    --------
    >>> table = pd.DataFrame({"speaker": ["A", "A"], "position": [1, 2], "words": [40, 3],
    ...     "reliable": [True, False], "flesch_kincaid_grade": [9.0, 1.0],
    ...     "flesch_reading_ease": [60.0, 99.0]})
    >>> len(plot_paragraph_readability(table, ["A"]).axes)
    2
    """
    colours = colours or speaker_colours(speakers)
    fig, axes = new_figure(len(indices), 1, sharex=True, squeeze=False)
    for ax, name in zip(axes[:, 0], indices, strict=True):
        for speaker in speakers:
            _draw_paragraphs(
                ax, paragraphs[paragraphs["speaker"] == speaker], name, colours.get(speaker, NEUTRAL)
            )
        direction = "higher = easier" if name in EASIER_UP else "higher = harder"
        ax.set_title(f"{INDEX_LABELS.get(name, name)} ({direction})", loc="left", fontsize=10)
    axes[-1, 0].set_xlabel("paragraph number in the speech")
    if len(paragraphs):
        axes[-1, 0].set_xticks(range(1, int(paragraphs["position"].max()) + 1))
    if min_words is None and "min_words" in paragraphs and len(paragraphs):
        min_words = int(paragraphs["min_words"].iloc[0])
    short = "hollow: too few words" + (f" (< {min_words})" if min_words else "")
    handles = [Line2D([], [], marker="o", color=colours.get(s, NEUTRAL), label=s) for s in speakers]
    handles.append(Line2D([], [], marker="o", ls="", color=NEUTRAL, markerfacecolor="white", label=short))
    fig.legend(handles=handles, loc="outside lower center", ncols=len(handles))
    fig.suptitle("Readability paragraph by paragraph", fontweight="bold", x=0.01, ha="left")
    return fig


def _draw_paragraphs(ax, own: pd.DataFrame, name: str, colour: str) -> None:
    """Line through the reliable paragraphs only (broken at short ones), every paragraph a point."""
    line = own[name].where(own["reliable"])
    ax.plot(own["position"], line, color=colour, lw=1.2, alpha=0.7)
    solid, hollow = own[own["reliable"]], own[~own["reliable"]]
    ax.scatter(solid["position"], solid[name], color=colour, s=34, zorder=3)
    ax.scatter(hollow["position"], hollow[name], facecolor="white", edgecolor=colour, s=34, zorder=3)
