"""Figures of the rhetoric notebook: pronoun stance, modality, address, numbers, time, echo.

Each function takes the tidy tables of :mod:`analysis.rhetoric` /
:mod:`analysis.dialogue` and the two speakers compared, and returns a Figure.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from . import NEUTRAL, new_figure, speaker_colours

PAST_COLOUR = "#E69F00"
FUTURE_COLOUR = "#009E73"


def _grouped_bars(ax, summary: pd.DataFrame, speakers, value: str, labels=None, annotate: str = "count"):
    """Bars per category (x) and speaker (side by side), annotated with ``annotate`` values."""
    colours = speaker_colours(speakers)
    categories = list(dict.fromkeys(summary["category"]))
    x = np.arange(len(categories))
    width = 0.8 / len(speakers)
    for k, speaker in enumerate(speakers):
        own = summary[summary["speaker"] == speaker].set_index("category").reindex(categories)
        heights = own[value].fillna(0).to_numpy(dtype=float)
        bars = ax.bar(x + (k - (len(speakers) - 1) / 2) * width, heights, width, color=colours[speaker],
                      label=speaker)  # fmt: skip
        notes = [f"{int(n)}" if n else "" for n in own[annotate].fillna(0)]
        ax.bar_label(bars, labels=notes, padding=2, fontsize=8)
    ax.set_xticks(x, labels if labels is not None else categories)
    ax.margins(y=0.15)
    ax.legend(loc="upper right")


def plot_pronoun_stance(summary: pd.DataFrame, speakers) -> Figure:
    """Collective, personal and addressee pronouns per 1,000 words (bar labels: counts).

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> from analysis.rhetoric import count_pronouns
    >>> t = parse_transcript("Ann Lee: We and you.\\n\\nBob Ray: I.")
    >>> plot_pronoun_stance(count_pronouns(t.tokens), ["Ann Lee", "Bob Ray"]).axes[0].get_ylabel()
    'per 1,000 words'
    """
    fig, ax = new_figure()
    labels = ["collective\n(we, us, our)", "personal\n(I, me, my)", "addressee\n(you, your)"]
    _grouped_bars(ax, summary, list(speakers), "rate_per_1000", labels)
    ax.set_ylabel("per 1,000 words")
    ax.set_title("Pronoun stance: who speaks as 'we', as 'I', and to 'you' (bar labels: counts)")
    return fig


def plot_modality(summary: pd.DataFrame, speakers) -> Figure:
    """Modals of commitment, hedges and boosters per 1,000 words (bar labels: counts).

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> from analysis.rhetoric import count_modality
    >>> t = parse_transcript("Ann Lee: We must.\\n\\nBob Ray: We can.")
    >>> len(plot_modality(count_modality(t.tokens), ["Ann Lee", "Bob Ray"]).axes[0].patches)
    20
    """
    fig, ax = new_figure()
    _grouped_bars(ax, summary, list(speakers), "rate_per_1000")
    ax.axvline(7.5, color=NEUTRAL, linewidth=0.8, linestyle=":")
    ax.set_ylabel("per 1,000 words")
    ax.set_title("Modality and commitment: modals, hedges and boosters (bar labels: counts)")
    return fig


def plot_address(summary: pd.DataFrame, speakers) -> Figure:
    """Counts of salutations, vocatives, greetings, thanks and wishes.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> from analysis.rhetoric import count_address
    >>> t = parse_transcript("Ann Lee: Thank you, my friend.\\n\\nBob Ray: Hello.")
    >>> plot_address(count_address(t.tokens), ["Ann Lee", "Bob Ray"]).axes[0].get_ylabel()
    'occurrences'
    """
    fig, ax = new_figure()
    _grouped_bars(ax, summary, list(speakers), "count")
    ax.set_ylabel("occurrences")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.set_title("Forms of address and ritual")
    return fig


def plot_numbers(summary: pd.DataFrame, speakers) -> Figure:
    """Numbers by kind per 1,000 words (left) and the share of sentences with a number (right).

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> from analysis.rhetoric import count_numbers
    >>> t = parse_transcript("Ann Lee: In 2024 we met.\\n\\nBob Ray: Five times.")
    >>> len(plot_numbers(count_numbers(t.tokens), ["Ann Lee", "Bob Ray"]).axes)
    2
    """
    speakers = list(speakers)
    fig, (left, right) = new_figure(1, 2, width_ratios=[3, 1.2])
    _grouped_bars(left, summary[summary["category"] != "any"], speakers, "rate_per_1000")
    left.set_ylabel("per 1,000 words")
    left.set_title("Numbers by kind (bar labels: counts)")
    colours = speaker_colours(speakers)
    share = summary[summary["category"] == "any"].set_index("speaker").reindex(speakers)
    bars = right.bar(
        range(len(speakers)), 100 * share["sentence_share"], color=[colours[s] for s in speakers]
    )
    right.bar_label(bars, labels=[f"{w} of {n}" for w, n in zip(share["sentences_with"], share["sentences"])],
                    padding=2, fontsize=8)  # fmt: skip
    right.set_xticks(range(len(speakers)), [s.replace(" ", "\n") for s in speakers])
    right.set_ylim(0, 100)
    right.set_ylabel("% of sentences")
    right.set_title("Sentences with a number", fontsize=10)
    return fig


def plot_time_orientation(scores: pd.DataFrame, speakers) -> Figure:
    """Past (down) and future (up) markers of each sentence, along each speaker's speech.

    Bars sit at the sentence's position in its speaker's words and are as wide
    as the sentence.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> from analysis.rhetoric import score_time_orientation
    >>> t = parse_transcript("Ann Lee: We met.\\n\\nBob Ray: We will meet.")
    >>> len(plot_time_orientation(score_time_orientation(t.tokens), ["Ann Lee", "Bob Ray"]).axes)
    2
    """
    speakers = list(speakers)
    colours = speaker_colours(speakers)
    fig, axes = new_figure(len(speakers), 1, sharex=True, sharey=True, squeeze=False)
    for ax, speaker in zip(axes[:, 0], speakers):
        own = scores[scores["speaker"] == speaker]
        width = 100 * own["words"] / own["words"].sum()
        x = 100 * own["position"]
        ax.bar(x, own["future"], width * 0.9, color=FUTURE_COLOUR)
        ax.bar(x, -own["past"], width * 0.9, color=PAST_COLOUR)
        ax.axhline(0, color=NEUTRAL, linewidth=0.8)
        ax.set_title(speaker, color=colours[speaker], loc="left")
        ax.set_ylabel("markers")
    top = max(int(scores[["past", "future"]].to_numpy().max()), 1)
    axes[0, 0].set_ylim(-top - 0.5, top + 0.5)
    axes[0, 0].yaxis.get_major_locator().set_params(integer=True)
    axes[-1, 0].set_xlim(0, 100)
    axes[-1, 0].set_xlabel("position along the speaker's words (%)")
    handles = [Patch(color=FUTURE_COLOUR, label="future-looking (up)"),
               Patch(color=PAST_COLOUR, label="past-looking (down)")]  # fmt: skip
    fig.legend(handles=handles, loc="outside upper right", ncols=2)
    fig.suptitle("Time orientation along the speech: one bar per sentence", fontweight="bold", x=0.02,
                 ha="left")  # fmt: skip
    return fig


def plot_echo(echoes: pd.DataFrame, comparison: pd.DataFrame, speakers, top: int = 12) -> Figure:
    """Most echoed words and phrases (left) and the echo rate against the background (right).

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> from analysis.dialogue import compare_echo_with_background, find_echoes
    >>> t = parse_transcript("Ann Lee: Mutual trade grows.\\n\\nBob Ray: Trade grows fast.")
    >>> e = find_echoes(t.tokens, "Ann Lee", "Bob Ray")
    >>> c = compare_echo_with_background(t.tokens, "Ann Lee", "Bob Ray", [])
    >>> len(plot_echo(e, c, ["Ann Lee", "Bob Ray"]).axes)
    2
    """
    colours = speaker_colours(list(speakers))
    fig, (left, right) = new_figure(1, 2, width_ratios=[3, 2])
    shown = echoes.head(top).iloc[::-1]
    y = np.arange(len(shown))
    labels = [
        f"{text}  ({speaker.split()[-1]} ← {source.split()[-1]})" if len(set(echoes["speaker"])) > 1 else text
        for text, speaker, source in zip(shown["example"], shown["speaker"], shown["source"])
    ]
    left.barh(y + 0.2, shown["source_count"], 0.4, color=[colours[s] for s in shown["source"]])
    left.barh(y - 0.2, shown["echo_count"], 0.4, color=[colours[s] for s in shown["speaker"]])
    left.set_yticks(y, labels)
    left.set_xlabel("uses: upper bar before the echo (source), lower bar the echo")
    handles = [Patch(color=colour, label=name) for name, colour in colours.items()]
    left.legend(handles=handles, loc="lower right")
    left.xaxis.get_major_locator().set_params(integer=True)
    left.set_title(f"Top {len(shown)} echoed words and phrases")
    _plot_echo_rates(right, comparison, colours)
    return fig


def _plot_echo_rates(ax, comparison: pd.DataFrame, colours: dict) -> None:
    x = np.arange(len(comparison))
    ax.bar(x - 0.2, 100 * comparison["echo_rate"], 0.4, color=[colours[s] for s in comparison["speaker"]],
           label="observed")  # fmt: skip
    mean = 100 * comparison["baseline_mean"].fillna(0)
    spread = 100 * np.vstack([comparison["baseline_mean"] - comparison["baseline_low"],
                              comparison["baseline_high"] - comparison["baseline_mean"]])  # fmt: skip
    ax.bar(x + 0.2, mean, 0.4, color=NEUTRAL, yerr=np.nan_to_num(spread), capsize=4,
           label="unrelated speeches (95% of draws)")  # fmt: skip
    ax.set_xticks(x, [f"{s}\nechoes\n{src}" for s, src in zip(comparison["speaker"], comparison["source"])])
    ax.set_ylabel("% of content words used before by the other")
    ax.set_ylim(0, 100)
    ax.legend(loc="upper right", fontsize=8)
    ax.set_title("Echo rate vs chance overlap")
