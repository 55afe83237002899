"""Figures of notebook 01: the transcript at a glance."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from . import NEUTRAL, new_figure, speaker_colours

#: Narrowest block drawn, as a share of the file, so that "[My Emphasis]" stays visible.
MIN_WIDTH = 0.006
#: Above this many units in a row, neighbouring units merge into blocks without outlines
#: (thousands of outlined slivers would draw as white).
MAX_OUTLINED = 300
EXCLUDED_COLOURS = {"commentary": "#bdbdbd", "label": "#4d4d4d", "editorial": "#984ea3", "stage": "#a6761d"}


def plot_transcript_at_a_glance(
    summary: pd.DataFrame, doc_map: pd.DataFrame, colours: dict[str, str] | None = None
) -> Figure:
    """Words per speaker (left) and a map of the file, unit by unit (right).

    Parameters
    ----------
    summary : pandas.DataFrame
        From :func:`analysis.summary.speaker_summary`.
    doc_map : pandas.DataFrame
        From :func:`analysis.summary.document_map`.
    colours : dict, optional
        Speaker -> colour; defaults to the suite's colours in summary order.

    Returns
    -------
    matplotlib.figure.Figure
    """
    colours = colours or speaker_colours(summary["speaker"])
    fig, (bars, strip) = new_figure(1, 2, width_ratios=[1, 2.2])
    _words_bars(bars, summary, colours)
    _document_strip(strip, doc_map, colours)
    fig.suptitle("The transcript at a glance", fontweight="bold")
    return fig


def _words_bars(ax, summary: pd.DataFrame, colours: dict[str, str]) -> None:
    names = summary["speaker"].tolist()
    ax.barh(names, summary["words"], color=[colours.get(n, NEUTRAL) for n in names])
    for y, (words, sentences) in enumerate(zip(summary["words"], summary["sentences"])):
        ax.text(words, y, f" {words} words\n {sentences} sentences", va="center", fontsize=9)
    ax.invert_yaxis()
    ax.set_xlim(0, summary["words"].max() * 1.6 if len(summary) else 1)
    ax.set_xlabel("word tokens")
    ax.set_title("How much each speaker says", loc="left")


def _document_strip(ax, doc_map: pd.DataFrame, colours: dict[str, str]) -> None:
    """One horizontal band per row kind: sentences by speaker, then excluded material."""
    speakers = [s for s in dict.fromkeys(doc_map["speaker"]) if s]
    rows = speakers + [k for k in EXCLUDED_COLOURS if (doc_map["kind"] == k).any()]
    for y, row in enumerate(rows):
        if row in speakers:
            units = doc_map[doc_map["speaker"] == row]
            colour = colours.get(row, NEUTRAL)
        else:
            units = doc_map[(doc_map["unit"] == "excluded") & (doc_map["kind"] == row)]
            colour = EXCLUDED_COLOURS[row]
        spans = _blocks(units["position_start"].tolist(), units["position_end"].tolist())
        many = len(units) > MAX_OUTLINED
        ax.broken_barh(spans, (y - 0.35, 0.7), facecolors=colour, edgecolor="none" if many else "white",
                       linewidth=0.6)  # fmt: skip
    ax.set_yticks(range(len(rows)), [_row_label(r, speakers) for r in rows])
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("position in the file (share of characters); each block is one sentence or span")
    ax.set_title("Where each unit lies in the file", loc="left")
    ax.set_ylim(len(rows) - 0.5, -0.5)


def _blocks(starts: list[float], ends: list[float]) -> list[tuple[float, float]]:
    """(start, width) blocks: units closer than ``MIN_WIDTH`` merge, and no block is narrower.

    Examples
    --------
    >>> _blocks([0.0, 0.001, 0.5], [0.001, 0.002, 0.6])  # few units: each kept, at least MIN_WIDTH
    [(0.0, 0.006), (0.001, 0.006), (0.5, 0.09999999999999998)]
    """
    blocks: list[list[float]] = []
    for start, end in zip(starts, ends):
        if blocks and start - blocks[-1][1] < MIN_WIDTH and len(starts) > MAX_OUTLINED:
            blocks[-1][1] = max(blocks[-1][1], end)
        else:
            blocks.append([start, end])
    return [(min(s, 1 - MIN_WIDTH), max(e - s, MIN_WIDTH)) for s, e in blocks]


def _row_label(row: str, speakers: list[str]) -> str:
    return row if row in speakers else f"({row})"
