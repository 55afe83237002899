"""The overview dashboard: one panel per notebook, from :func:`analysis.overview.overview_table`."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from . import NEUTRAL, new_figure, speaker_colours

#: Size of the dashboard (inches): larger than the standard figure, saved with ``size=None``.
DASHBOARD_SIZE = (15.0, 9.0)


def plot_overview(table: pd.DataFrame, a: str, b: str, colours: dict[str, str] | None = None) -> Figure:
    """Six panels: words, distinctive terms, themes, sentence length, readability, pronouns.

    Parameters
    ----------
    table : pandas.DataFrame
        From :func:`analysis.overview.overview_table`.
    a, b : str
        The two speakers compared.
    colours : dict, optional
        Speaker -> colour (default: the suite's colours for ``[a, b]``).

    Returns
    -------
    matplotlib.figure.Figure
    """
    colours = colours or speaker_colours([a, b])
    fig, axes = new_figure(2, 3, figsize=DASHBOARD_SIZE)
    panels = [_words, _terms, _themes, _sentences, _readability, _pronouns]
    for ax, draw in zip(axes.flat, panels):
        draw(ax, table, a, b, colours)
    fig.suptitle(f"{a} and {b}: the main differences at a glance", fontsize=15, fontweight="bold")
    return fig


def _panel(table: pd.DataFrame, name: str) -> pd.DataFrame:
    return table[table["panel"] == name]


def _paired_bars(ax, panel: pd.DataFrame, a: str, b: str, colours: dict[str, str], with_ci: bool = False):
    """Horizontal bars, one pair per item, in the order of first appearance."""
    items = list(dict.fromkeys(panel["item"]))
    y = np.arange(len(items))
    for offset, speaker in ((-0.2, a), (0.2, b)):
        rows = panel[panel["speaker"] == speaker].set_index("item").reindex(items)
        errors = None
        if with_ci and rows["ci_low"].notna().any():
            errors = [rows["value"] - rows["ci_low"], rows["ci_high"] - rows["value"]]
        ax.barh(y + offset, rows["value"], height=0.4, color=colours[speaker], label=speaker,
                xerr=errors, error_kw={"ecolor": "#333333", "elinewidth": 1, "capsize": 2})  # fmt: skip
    ax.set_yticks(y, items)
    ax.invert_yaxis()


def _words(ax, table, a, b, colours):
    panel = _panel(table, "words").set_index("speaker").loc[[a, b]]
    ax.bar([a, b], panel["value"], color=[colours[a], colours[b]], width=0.6)
    for x, (words, sentences) in enumerate(zip(panel["value"], panel["count"])):
        ax.text(
            x, words, f"{int(words)} words\n{int(sentences)} sentences", ha="center", va="bottom", fontsize=9
        )
    ax.set_ylim(0, panel["value"].max() * 1.3)
    ax.set_ylabel("word tokens")
    ax.set_title("1 · How much each says", loc="left")


def _terms(ax, table, a, b, colours):
    panel = _panel(table, "distinctive terms").sort_values("value", kind="stable")
    ax.barh(panel["item"], panel["value"], color=[colours.get(s, NEUTRAL) for s in panel["speaker"]])
    for limit in (-1.96, 1.96):
        ax.axvline(limit, color=NEUTRAL, linestyle="--", linewidth=0.8)
    ax.axvline(0, color="black", linewidth=0.6)
    ax.set_xlabel(f"log-odds z  (← {b} · {a} →; dashed: |z| = 1.96)")
    ax.set_title("2 · Words that lean to one side", loc="left")
    ax.tick_params(axis="y", labelsize=8)


def _themes(ax, table, a, b, colours):
    _paired_bars(ax, _panel(table, "themes"), a, b, colours)
    ax.set_xlabel("theme matches per 1,000 words")
    ax.set_title("3 · Themes they return to", loc="left")
    ax.tick_params(axis="y", labelsize=8)


def _sentences(ax, table, a, b, colours):
    panel = _panel(table, "sentence length")
    points = panel[panel["item"] == "words per sentence"]
    data = [points.loc[points["speaker"] == s, "value"].to_numpy() for s in (a, b)]
    parts = ax.boxplot(data, orientation="horizontal", widths=0.5, showfliers=False, patch_artist=True)
    for patch, speaker in zip(parts["boxes"], (a, b)):
        patch.set_facecolor(colours[speaker])
        patch.set_alpha(0.35)
    jitter = np.random.default_rng(0)
    for i, (values, speaker) in enumerate(zip(data, (a, b)), start=1):
        ax.scatter(
            values, i + jitter.uniform(-0.12, 0.12, len(values)), s=12, color=colours[speaker], zorder=3
        )
    ax.set_yticks([1, 2], [a, b])
    ax.invert_yaxis()
    difference = panel[panel["item"] == "difference in means"].iloc[0]
    ax.set_xlabel(
        f"words per sentence (difference in means {difference['value']:+.1f}, "
        f"95% CI {difference['ci_low']:+.1f} to {difference['ci_high']:+.1f})"
    )
    ax.set_title("4 · Sentence length", loc="left")


def _readability(ax, table, a, b, colours):
    _paired_bars(ax, _panel(table, "readability"), a, b, colours, with_ci=True)
    ax.set_xlabel("grade level (higher = harder); bars: 95% bootstrap interval")
    ax.set_title("5 · Readability", loc="left")


def _pronouns(ax, table, a, b, colours):
    _paired_bars(ax, _panel(table, "pronouns"), a, b, colours)
    ax.set_xlabel("per 1,000 words")
    ax.set_title("6 · We, I and you", loc="left")
    ax.legend(loc="lower right", fontsize=9)
