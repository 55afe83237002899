"""Figures of notebook 03: recurring themes and phrases."""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from . import NEUTRAL, new_figure, speaker_colours


def plot_theme_rates(counts: pd.DataFrame, a: str, b: str, colours: dict[str, str] | None = None) -> Figure:
    """Grouped horizontal bars: each theme's rate per 1,000 words for the two speakers.

    Parameters
    ----------
    counts : pandas.DataFrame
        From :func:`analysis.themes.theme_counts` (themes in lexicon order).
    a, b : str
        The two speakers compared (``a`` on top in each group).
    colours : dict, optional
        Speaker -> colour; defaults to the suite's pair.

    Returns
    -------
    matplotlib.figure.Figure
    """
    colours = colours or speaker_colours([a, b])
    themes = list(dict.fromkeys(counts["theme"]))
    fig, ax = new_figure()
    height, y = 0.38, np.arange(len(themes))
    top = counts["rate_per_1000"].max() or 1.0
    for shift, speaker in ((-height / 2, a), (height / 2, b)):
        own = counts[counts["speaker"] == speaker].set_index("theme").reindex(themes)
        ax.barh(y + shift, own["rate_per_1000"], height, color=colours.get(speaker, NEUTRAL), label=speaker)
        for yy, rate, n in zip(y + shift, own["rate_per_1000"], own["matches"], strict=True):
            ax.text(rate + top * 0.01, yy, f"{n}", va="center", fontsize=8, color="#333333")
    ax.set_yticks(y, [textwrap.fill(t, 28) for t in themes])
    ax.invert_yaxis()
    ax.set_xlim(0, top * 1.12)
    ax.set_xlabel("theme matches per 1,000 words (number at the bar end: matches)")
    ax.set_title("How often each leader returns to each theme", loc="left")
    ax.legend(loc="lower right", bbox_to_anchor=(1.0, 1.0), ncol=2, borderaxespad=0.2)
    ax.grid(axis="x", color="#e0e0e0", linewidth=0.6)
    ax.set_axisbelow(True)
    return fig


def plot_theme_dispersion(
    positions: pd.DataFrame, themes: list[str], a: str, b: str, colours: dict[str, str] | None = None
) -> Figure:
    """Dispersion ("x-ray") plot: one tick per theme match along each speaker's speech.

    Parameters
    ----------
    positions : pandas.DataFrame
        From :func:`analysis.themes.theme_positions`.
    themes : list of str
        Row order (all themes, so that empty rows show as empty).
    a, b : str
        The two speakers, one panel each.

    Returns
    -------
    matplotlib.figure.Figure
    """
    colours = colours or speaker_colours([a, b])
    fig, axes = new_figure(1, 2, sharey=True)
    rows = {theme: i for i, theme in enumerate(themes)}
    for ax, speaker in zip(axes, (a, b), strict=True):
        own = positions[(positions["speaker"] == speaker) & positions["theme"].isin(rows)]
        y = own["theme"].map(rows).to_numpy(dtype=float)
        ax.vlines(own["position"], y - 0.32, y + 0.32, color=colours.get(speaker, NEUTRAL), linewidth=1.6)
        for i in range(len(themes)):
            ax.axhline(i, color="#ececec", linewidth=0.8, zorder=0)
        ax.set_xlim(-0.02, 1.02)
        ax.set_xticks([0, 0.25, 0.5, 0.75, 1], ["start", "¼", "½", "¾", "end"])
        ax.set_title(f"{speaker} ({len(own)} matches)", loc="left", color=colours.get(speaker, NEUTRAL))
        ax.set_xlabel("position in the speaker's words")
    axes[0].set_yticks(range(len(themes)), [textwrap.fill(t, 26) for t in themes])
    axes[0].set_ylim(len(themes) - 0.5, -0.5)
    fig.suptitle("Where each theme comes up in each speech", fontweight="bold")
    return fig


def plot_recurring_phrases(phrases: pd.DataFrame, a: str, b: str, top: int = 10, colours=None) -> Figure:
    """The most repeated phrases of each speaker, side by side; ``*`` marks phrases both use.

    Parameters
    ----------
    phrases : pandas.DataFrame
        From :func:`analysis.themes.recurring_phrases` (sorted by count).
    a, b : str
        The two speakers, one panel each.
    top : int, default 10
        Phrases shown per speaker.

    Returns
    -------
    matplotlib.figure.Figure
    """
    colours = colours or speaker_colours([a, b])
    fig, axes = new_figure(1, 2)
    most = max(int(phrases["count"].max()) if len(phrases) else 1, 1)
    rows = max(min(top, phrases.groupby("speaker").size().max() if len(phrases) else 1), 3)
    for ax, speaker in zip(axes, (a, b), strict=True):
        own = phrases[phrases["speaker"] == speaker].head(top)
        labels = [f"{p} *" if shared else p for p, shared in zip(own["phrase"], own["shared"], strict=True)]
        ax.barh(range(len(own)), own["count"], color=colours.get(speaker, NEUTRAL), height=0.55)
        for y, count in enumerate(own["count"]):
            ax.text(count, y, f" {count}", va="center", fontsize=9)
        ax.set_yticks(range(len(own)), [textwrap.fill(label, 30) for label in labels])
        ax.set_ylim(rows - 0.5, -0.5)
        ax.set_xlim(0, most + 0.5)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_xlabel("times used")
        ax.set_title(speaker, loc="left", color=colours.get(speaker, NEUTRAL))
        if own.empty:
            ax.text(0.5, 0.5, "no phrase repeats", transform=ax.transAxes, ha="center", color=NEUTRAL)
    fig.suptitle("Most repeated phrases (2–4 words; * = the other speaker uses it too)", fontweight="bold")
    return fig
