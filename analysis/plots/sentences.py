"""Figures of notebook 04: sentence length per speaker, along each speech, and the longest sentences."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from . import NEUTRAL, new_figure, speaker_colours

#: Seed of the horizontal jitter of the points (fixed, so figures are identical run to run).
JITTER_SEED = 0


def plot_length_distributions(
    lengths: pd.DataFrame,
    speakers: Sequence[str],
    colours: dict[str, str] | None = None,
    include_salutations: bool = False,
) -> Figure:
    """Box plot of words per sentence for each speaker, every sentence shown as a point.

    Parameters
    ----------
    lengths : pandas.DataFrame
        From :func:`analysis.sentence_stats.measure_sentences`.
    speakers : list of str
        Speakers in display order (top to bottom).
    colours : dict, optional
    include_salutations : bool, default False

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> table = pd.DataFrame({"speaker": list("AABB"), "kind": ["speech"] * 4, "words": [3, 9, 4, 5]})
    >>> plot_length_distributions(table, ["A", "B"]).axes[0].get_xlabel()
    'words per sentence'
    """
    colours = colours or speaker_colours(speakers)
    rows = lengths if include_salutations else lengths[lengths["kind"] != "salutation"]
    samples = [rows.loc[rows["speaker"] == s, "words"].to_numpy() for s in speakers]
    fig, ax = new_figure()
    positions = np.arange(len(speakers))[::-1]
    filled = [(p, s) for p, s in zip(positions, samples, strict=True) if len(s)]
    if filled:
        ax.boxplot(
            [s for _, s in filled], positions=[p for p, _ in filled], orientation="horizontal", widths=0.5,
            showfliers=False, medianprops={"color": "black", "linewidth": 1.5},
        )  # fmt: skip
    rng = np.random.default_rng(JITTER_SEED)
    for position, sample, speaker in zip(positions, samples, speakers, strict=True):
        jitter = rng.uniform(-0.18, 0.18, len(sample))
        ax.scatter(sample, position + jitter, s=28, color=colours.get(speaker, NEUTRAL), alpha=0.8, zorder=3)
        if len(sample):
            ax.scatter(
                [sample.mean()], [position], marker="D", s=55, color="white", edgecolor="black", zorder=4
            )
    ax.set_yticks(positions, [f"{s}\n(n = {len(x)})" for s, x in zip(speakers, samples, strict=True)])
    ax.set_xlabel("words per sentence")
    ax.set_xlim(left=0)
    ax.legend(
        handles=[Line2D([], [], marker="D", ls="", color="white", markeredgecolor="black", label="mean")],
        loc="lower right",
    )
    left_out = "" if include_salutations else " (salutation lines left out)"
    ax.set_title(f"How long are the sentences?{left_out}", loc="left")
    return fig


def plot_lengths_along_speech(
    lengths: pd.DataFrame, speakers: Sequence[str], colours: dict[str, str] | None = None
) -> Figure:
    """Words per sentence in speaking order, one panel per speaker; salutations hollow.

    The dashed line is the speaker's median (salutations left out); thin grey
    lines mark paragraph breaks.

    Examples
    --------
    >>> table = pd.DataFrame({"speaker": list("AAB"), "kind": ["salutation", "speech", "speech"],
    ...     "position": [1, 2, 1], "paragraph": [0, 1, 2], "words": [2, 9, 5]})
    >>> len(plot_lengths_along_speech(table, ["A", "B"]).axes)
    2
    """
    colours = colours or speaker_colours(speakers)
    fig, axes = new_figure(len(speakers), 1, sharey=True, squeeze=False)
    for ax, speaker in zip(axes[:, 0], speakers, strict=True):
        own = lengths[lengths["speaker"] == speaker]
        _draw_speech(ax, own, colours.get(speaker, NEUTRAL))
        ax.set_title(speaker, loc="left", color=colours.get(speaker, NEUTRAL))
        ax.set_ylabel("words")
    axes[-1, 0].set_xlabel("sentence number in the speech")
    handles = [
        Line2D([], [], color=NEUTRAL, ls="--", label="median (speech sentences)"),
        Line2D([], [], marker="o", ls="", color=NEUTRAL, markerfacecolor="white", label="salutation line"),
        Line2D([], [], color="#d9d9d9", label="paragraph break"),
    ]
    fig.legend(handles=handles, loc="outside upper right", ncols=3, fontsize=8)
    fig.suptitle("Sentence length along each speech", fontweight="bold", x=0.01, ha="left")
    return fig


def _draw_speech(ax, own: pd.DataFrame, colour: str) -> None:
    speech = own["kind"] != "salutation"
    breaks = own["position"][own["paragraph"].ne(own["paragraph"].shift()) & (own["position"] > 1)]
    for x in breaks:
        ax.axvline(x - 0.5, color="#d9d9d9", lw=0.8, zorder=0)
    ax.vlines(own["position"], 0, own["words"], color=colour, lw=2, alpha=0.6)
    ax.scatter(own.loc[speech, "position"], own.loc[speech, "words"], color=colour, s=26, zorder=3)
    ax.scatter(
        own.loc[~speech, "position"],
        own.loc[~speech, "words"],
        facecolor="white",
        edgecolor=colour,
        s=26,
        zorder=3,
    )
    if speech.any():
        ax.axhline(own.loc[speech, "words"].median(), color=NEUTRAL, ls="--", lw=1)
    if len(own):
        ax.set_xlim(0.3, own["position"].max() + 0.7)
    ax.set_ylim(bottom=0)


def plot_longest_sentences(
    longest: pd.DataFrame,
    speakers: Sequence[str],
    colours: dict[str, str] | None = None,
    width: int = 64,
    max_lines: int = 8,
) -> Figure:
    """The longest sentences as text, one column per speaker.

    Parameters
    ----------
    longest : pandas.DataFrame
        From :func:`analysis.sentence_stats.longest_sentences`.
    speakers : list of str
    colours : dict, optional
    width : int, default 64
        Characters per line.
    max_lines : int, default 8
        Longer sentences are cut with an ellipsis (the table has the full text).

    Examples
    --------
    >>> table = pd.DataFrame({"speaker": ["A"], "rank": [1], "sentence_id": [4], "position": [5],
    ...     "words": [12], "text": ["A fairly long sentence."]})
    >>> len(plot_longest_sentences(table, ["A"]).axes)
    1
    """
    colours = colours or speaker_colours(speakers)
    fig, axes = new_figure(1, len(speakers), squeeze=False)
    for ax, speaker in zip(axes[0], speakers, strict=True):
        ax.set_axis_off()
        colour = colours.get(speaker, NEUTRAL)
        ax.set_title(f"{speaker}: longest sentences", loc="left", color=colour)
        offset = 0.0
        for row in longest[longest["speaker"] == speaker].itertuples():
            head = f"{row.rank}. {row.words} words (sentence {row.position} of the speech)"
            body = _wrap(row.text, width, max_lines)
            _text_at(ax, head, offset, fontweight="bold", color=colour)
            _text_at(ax, body, offset + 13, linespacing=1.25)
            offset += 13 + 9 * 1.25 * (body.count("\n") + 1) + 14
    fig.suptitle("The longest sentences, as spoken (translated)", fontweight="bold", x=0.01, ha="left")
    return fig


def _text_at(ax, text: str, points_down: float, **style) -> None:
    """Write text at the top left of the axes, ``points_down`` below its top edge."""
    ax.annotate(
        text, (0, 1), xycoords="axes fraction", xytext=(0, -points_down), textcoords="offset points",
        va="top", fontsize=9, **style,
    )  # fmt: skip


def _wrap(text: str, width: int, max_lines: int) -> str:
    lines = textwrap.wrap(" ".join(text.split()), width)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: width - 2].rstrip() + " …"
    return "\n".join(lines)
