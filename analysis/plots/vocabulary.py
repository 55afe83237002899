"""Figures for notebook 02 (vocabulary): each takes a table of :mod:`analysis.vocabulary`.

Colours come from :func:`analysis.plots.speaker_colours` (first speaker compared
vermillion, second blue), so they match every other figure of the suite.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from ..vocabulary import top_keyness
from . import NEUTRAL, new_figure, speaker_colours

_SIDE_NOTE = {"fontsize": 9, "color": "#555555"}


def plot_top_words(
    top: pd.DataFrame,
    speakers: tuple[str, str],
    by: str = "speaker",
    title: str = "Most frequent words of each speaker (stop words and numbers left out)",
) -> Figure:
    """Each speaker's most frequent terms, side by side on the same rate scale.

    Parameters
    ----------
    top : pandas.DataFrame
        :func:`analysis.vocabulary.top_terms` of a ``word_frequencies`` table.
    speakers : (str, str)
        The two speakers, in the suite's colour order.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> from analysis.vocabulary import top_terms, word_frequencies
    >>> t = parse_transcript("Ann Lee: Peace and peace.\\n\\nBob Ray: Trade, trade and more.")
    >>> plot_top_words(top_terms(word_frequencies(t.tokens)), ("Ann Lee", "Bob Ray")).axes[0].get_title()
    'Ann Lee'
    """
    colours = speaker_colours(speakers)
    fig, axes = new_figure(1, 2, sharex=True)
    rows = max(int((top[by] == name).sum()) for name in speakers) or 1
    for ax, name in zip(axes, speakers):
        part = top[top[by] == name].iloc[::-1]
        y = np.arange(len(part)) + (rows - len(part))
        ax.barh(y, part["per_1000"], color=colours[name], height=0.7)
        for yi, rate, count in zip(y, part["per_1000"], part["count"]):
            ax.text(rate, yi, f" {count}", va="center", fontsize=8, color="#333333")
        ax.set_yticks(y, part["term"])
        ax.set_ylim(-0.6, rows - 0.4)
        ax.set_title(name, color=colours[name])
        ax.set_xlabel("uses per 1,000 words (bar end: count)")
    axes[0].set_xlim(0, float(top["per_1000"].max()) * 1.15 if len(top) else 1)
    fig.suptitle(title, fontweight="bold")
    return fig


def _label_groups(points: pd.DataFrame, max_terms: int = 3) -> pd.DataFrame:
    """One label per plotted position: terms at the same (total, z) share a label."""
    rows = []
    for (total, z), group in points.groupby(["total", "z"], sort=False):
        terms = group["term"].tolist()
        text = ", ".join(terms[:max_terms]) + (
            f" +{len(terms) - max_terms}" if len(terms) > max_terms else ""
        )
        rows.append({"total": total, "z": z, "label": text})
    return pd.DataFrame(rows, columns=["total", "z", "label"])


def _spread(values: list[float], gap: float, low: float, high: float, rounds: int = 200) -> list[float]:
    """Move sorted 1-D positions apart (at least ``gap``) while keeping them near where they were.

    Examples
    --------
    >>> [round(v, 2) for v in _spread([0.0, 0.1, 0.2], gap=0.5, low=-5, high=5)]
    [-0.4, 0.1, 0.6]
    """
    out = sorted(values)
    for _ in range(rounds):
        moved = False
        for i in range(1, len(out)):
            short = gap - (out[i] - out[i - 1])
            if short > 1e-9:
                out[i - 1] -= short / 2
                out[i] += short / 2
                moved = True
        out = [min(max(v, low), high) for v in out]
        if not moved:
            break
    return out


def plot_distinctive_terms(
    table: pd.DataFrame, a: str, b: str, z_cut: float = 1.96, n_labels: int = 8
) -> Figure:
    """Log-odds z-score (Monroe et al. 2008) against how often a term is used, labelled.

    Terms to the top lean to ``a``, to the bottom to ``b``; the dashed lines mark
    ``|z| = z_cut``.  The ``n_labels`` strongest positions on each side are
    labelled in a column at the right, linked to their points (terms at the
    same position share a label).

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> from analysis.vocabulary import distinctive_terms
    >>> t = parse_transcript("Ann Lee: Peace and peace.\\n\\nBob Ray: Trade and peace.")
    >>> fig = plot_distinctive_terms(distinctive_terms(t.tokens, "Ann Lee", "Bob Ray"), "Ann Lee", "Bob Ray")
    >>> fig.axes[0].get_ylabel()
    'log-odds z-score (+ leans to Ann Lee)'
    """
    colours = speaker_colours([a, b])
    fig, ax = new_figure()
    strong = table["z"].abs() > z_cut
    colour = np.where(table["z"] > 0, colours[a], colours[b])
    ax.scatter(
        table["total"], table["z"], c=colour, s=np.where(strong, 40, 18), alpha=np.where(strong, 0.95, 0.45)
    )
    ax.set_xscale("log")
    top = max(float(table["z"].abs().max()) if len(table) else 0.0, z_cut) * 1.15
    ax.set_ylim(-top, top)
    x_max = float(table["total"].max()) if len(table) else 10.0
    ax.set_xlim(0.8, x_max * 4)
    for sign in (1, -1):
        ax.axhline(sign * z_cut, color=NEUTRAL, lw=0.8, ls="--")
    ax.axhline(0, color=NEUTRAL, lw=0.6)
    ax.text(x_max * 4, z_cut, f"|z| = {z_cut} ", ha="right", va="top", **_SIDE_NOTE)
    ax.text(0.82, 0, " faded: |z| below the cut", va="bottom", **_SIDE_NOTE)
    ax.text(0.82, top * 0.97, f"leans to {a}", va="top", color=colours[a], fontweight="bold")
    ax.text(0.82, -top * 0.97, f"leans to {b}", va="bottom", color=colours[b], fontweight="bold")
    label_x = x_max * 1.4
    for sign, name in ((1, a), (-1, b)):
        side = table[table["z"] * sign > 0]
        groups = _label_groups(side).assign(strength=lambda d: d["z"].abs())
        groups = groups.sort_values("strength", ascending=False, kind="stable").head(n_labels)
        if groups.empty:
            continue
        order = groups.sort_values("z")
        targets = _spread(order["z"].tolist(), gap=top / 14, low=-top * 0.95, high=top * 0.95)
        for (_, row), y in zip(order.iterrows(), targets):
            ax.annotate(
                row["label"], xy=(row["total"], row["z"]), xytext=(label_x, y), fontsize=8.5, va="center",
                color=colours[name], arrowprops={"arrowstyle": "-", "color": "#bbbbbb", "lw": 0.6},
            )  # fmt: skip
    ax.set_xlabel("times used by the two together (log scale)")
    ax.set_ylabel(f"log-odds z-score (+ leans to {a})")
    ax.set_title("Which words set the speakers apart: weighted log-odds with an informative prior")
    return fig


def plot_keyness(table: pd.DataFrame, a: str, b: str, n: int = 14) -> Figure:
    """Log Ratio (effect size) of the ``n`` terms with the largest G2, with G2 and q beside each bar.

    The rows are :func:`analysis.vocabulary.top_keyness` ``(table, n)``: save that as the figure's data.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> from analysis.vocabulary import distinctive_terms
    >>> t = parse_transcript("Ann Lee: Peace and peace.\\n\\nBob Ray: Trade and peace.")
    >>> fig = plot_keyness(distinctive_terms(t.tokens, "Ann Lee", "Bob Ray"), "Ann Lee", "Bob Ray")
    >>> fig.axes[0].get_xlabel()
    'Log Ratio = log2(rate for Ann Lee / rate for Bob Ray)   (+1: twice as often)'
    """
    colours = speaker_colours([a, b])
    rows = top_keyness(table, n).iloc[::-1]
    fig, ax = new_figure()
    y = np.arange(len(rows))
    ax.barh(y, rows["log_ratio"], color=[colours[a] if v > 0 else colours[b] for v in rows["log_ratio"]])
    labels = [f"{t}  ({ca} vs {cb})" for t, ca, cb in zip(rows["term"], rows["count_a"], rows["count_b"])]
    ax.set_yticks(y, labels)
    reach = float(rows["log_ratio"].abs().max()) if len(rows) else 1.0
    ax.set_xlim(-reach * 1.6, reach * 1.6)
    for yi, value, g2, q in zip(y, rows["log_ratio"], rows["g2"], rows["q_value"]):
        ax.text(
            value + (0.05 if value >= 0 else -0.05) * reach, yi, f"G2 {g2:.1f}, q {q:.2f}",
            va="center", ha="left" if value >= 0 else "right", fontsize=8, color="#333333",
        )  # fmt: skip
    ax.axvline(0, color=NEUTRAL, lw=0.8)
    ax.set_xlabel(f"Log Ratio = log2(rate for {a} / rate for {b})   (+1: twice as often)")
    ax.set_title("The largest log-likelihood (G2) differences, and how big they are (Log Ratio)")
    ax.text(0.01, 0.01, f"in brackets: uses by {a} vs {b}", transform=ax.transAxes, **_SIDE_NOTE)
    ax.text(
        0.99,
        0.01,
        "a zero count counts as 0.5 (Hardie 2014)",
        transform=ax.transAxes,
        ha="right",
        **_SIDE_NOTE,
    )
    return fig


def plot_lexical_diversity(
    diversity: pd.DataFrame, intervals: pd.DataFrame, speakers: tuple[str, str]
) -> Figure:
    """TTR, MATTR (with its bootstrap interval) and HD-D on a 0-1 scale; MTLD beside them.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> from analysis.vocabulary import lexical_diversity, mattr_intervals
    >>> t = parse_transcript("Ann Lee: a b a c a b.\\n\\nBob Ray: a b c a b c.")
    >>> d = lexical_diversity(t.tokens, window=3, sample=3)
    >>> i = mattr_intervals(t.tokens, window=3, n_boot=20)
    >>> len(plot_lexical_diversity(d, i, ("Ann Lee", "Bob Ray")).axes)
    2
    """
    colours = speaker_colours(speakers)
    fig, (left, right) = new_figure(1, 2, width_ratios=[3, 1])
    measures = [("ttr", "TTR\n(falls with length)"), ("mattr", "MATTR"), ("hdd", "HD-D")]
    rows = diversity.set_index("speaker")
    ci = intervals.set_index("speaker")
    offsets = (-0.12, 0.12)
    for offset, name in zip(offsets, speakers):
        x = np.arange(len(measures)) + offset
        values = [rows.loc[name, m] for m, _ in measures]
        left.scatter(
            x, values, color=colours[name], s=60, zorder=3, label=f"{name} ({rows.loc[name, 'words']} words)"
        )
        low, high = ci.loc[name, "ci_low"], ci.loc[name, "ci_high"]
        mattr = rows.loc[name, "mattr"]
        left.errorbar(
            x[1], mattr, yerr=[[mattr - low], [high - mattr]], color=colours[name], capsize=4, lw=1.5
        )
        for xi, v in zip(x, values):
            left.text(xi + 0.05, v, f"{v:.3f}", va="center", fontsize=8, color=colours[name])
        right.bar(offset * 2.5, rows.loc[name, "mtld"], width=0.5, color=colours[name])
        right.text(
            offset * 2.5, rows.loc[name, "mtld"], f"{rows.loc[name, 'mtld']:.1f}", ha="center", va="bottom"
        )
    left.set_xticks(range(len(measures)), [label for _, label in measures])
    left.set_xlim(-0.5, len(measures) - 0.3)
    low_y = float(np.nanmin(diversity[["ttr", "mattr", "hdd"]].to_numpy())) if len(diversity) else 0.0
    left.set_ylim(max(0.0, low_y - 0.1), 1.0)
    left.set_ylabel("score (0 to 1; higher = more varied)")
    level = float(intervals["level"].iloc[0]) if len(intervals) else 0.95
    left.set_title(f"Type-token measures (MATTR with {level:.0%} bootstrap interval)")
    left.legend(loc="lower right")
    right.set_xticks([])
    right.set_xlim(-0.8, 0.8)
    right.set_title("MTLD (words per factor)")
    right.set_ylim(0, float(np.nanmax(diversity["mtld"])) * 1.15 if diversity["mtld"].notna().any() else 1)
    fig.suptitle("Lexical diversity: how varied is each speaker's vocabulary?", fontweight="bold")
    return fig


def plot_moving_ttr(curve: pd.DataFrame, speakers: tuple[str, str], window: int) -> Figure:
    """The TTR of a moving ``window``-word stretch along each speech (positions as % of the speech).

    The dashed line is each speaker's mean of the curve, i.e. the MATTR.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> from analysis.vocabulary import moving_ttr
    >>> t = parse_transcript("Ann Lee: a b a c a b.\\n\\nBob Ray: a b c a b c.")
    >>> float(plot_moving_ttr(moving_ttr(t.tokens, 3), ("Ann Lee", "Bob Ray"), 3).axes[0].get_ylim()[1])
    1.02
    """
    colours = speaker_colours(speakers)
    fig, ax = new_figure()
    for name in speakers:
        part = curve[curve["speaker"] == name]
        if part.empty:
            label = f"{name} (fewer than {window} words: no window)"
            ax.plot([], [], color=colours[name], lw=1.6, label=label)
            continue
        mean = float(part["ttr"].mean())
        ax.plot(
            100 * part["progress"],
            part["ttr"],
            color=colours[name],
            lw=1.6,
            label=f"{name} (MATTR {mean:.3f})",
        )
        ax.axhline(mean, color=colours[name], lw=1, ls="--", alpha=0.8)
    ax.set_xlim(0, 100)
    low = float(curve["ttr"].min()) if len(curve) else 0.0
    ax.set_ylim(max(0.0, low - 0.08), 1.02)
    ax.set_xlabel("position in the speech (% of the speaker's words, window centre)")
    ax.set_ylabel(f"distinct words / {window}")
    ax.set_title(
        f"Type-token ratio in a moving {window}-word window along each speech (dashed: mean = MATTR)"
    )
    ax.legend(loc="lower left")
    return fig


def plot_shared_vocabulary(
    shared: pd.DataFrame,
    a: str,
    b: str,
    n: int = 12,
    title: str = "What the two speakers share (stop words and numbers left out)",
) -> Figure:
    """How many terms each speaker uses alone or with the other, and the shared terms used most.

    Parameters
    ----------
    shared : pandas.DataFrame
        :func:`analysis.vocabulary.shared_vocabulary` (all of it: the left panel counts it).
    n : int
        Shared terms shown on the right, by combined rate.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> from analysis.vocabulary import shared_vocabulary
    >>> t = parse_transcript("Ann Lee: Peace and peace.\\n\\nBob Ray: Trade and peace.")
    >>> shared = shared_vocabulary(t.tokens, "Ann Lee", "Bob Ray")
    >>> len(plot_shared_vocabulary(shared, "Ann Lee", "Bob Ray").axes)
    2
    """
    colours = speaker_colours([a, b])
    fig, (left, right) = new_figure(1, 2, width_ratios=[1, 2])
    groups = [(f"{a}\nonly", a, colours[a]), ("both", "both", NEUTRAL), (f"{b}\nonly", b, colours[b])]
    counts = [int((shared["used_by"] == key).sum()) for _, key, _ in groups]
    left.bar(range(3), counts, color=[c for *_, c in groups])
    for x, count in enumerate(counts):
        left.text(x, count, str(count), ha="center", va="bottom")
    left.set_xticks(range(3), [label for label, *_ in groups])
    left.set_ylabel("distinct terms")
    total = sum(counts) or 1
    left.set_title(f"Distinct terms\n(Jaccard {counts[1] / total:.2f})")
    left.set_ylim(0, max(counts + [1]) * 1.15)
    both = shared[shared["used_by"] == "both"]
    both = both.assign(_rate=both["per_1000_a"] + both["per_1000_b"])
    both = both.sort_values(["_rate", "term"], ascending=[False, True], kind="stable").head(n).iloc[::-1]
    y = np.arange(len(both))
    right.barh(y + 0.2, both["per_1000_a"], height=0.4, color=colours[a], label=a)
    right.barh(y - 0.2, both["per_1000_b"], height=0.4, color=colours[b], label=b)
    right.set_yticks(y, both["term"])
    right.set_xlabel("uses per 1,000 words")
    right.set_title(f"The {len(both)} shared terms used most")
    right.legend(loc="lower right")
    fig.suptitle(title, fontweight="bold")
    return fig
