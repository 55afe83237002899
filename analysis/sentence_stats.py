"""Sentence length: words per sentence, per speaker, and how two speakers differ.

Sentences and words are the suite's own (``transcript.sentences`` and the word
tokens of ``transcript.tokens``: numbers count as words, punctuation does not).
Salutation lines ("Dear friend,") are kept in the table with ``kind ==
"salutation"`` but left out of every statistic unless ``include_salutations=True``.

Typical use::

    lengths = measure_sentences(transcript)
    summary = summarise_sentence_lengths(lengths, [a, b])
    differences = compare_sentence_lengths(lengths, a, b, seed=1)
    test = mann_whitney_sentence_lengths(lengths, a, b)
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from .stats import (
    N_RESAMPLES,
    SEED,
    EmptySampleError,
    as_sample,
    bootstrap_ci,
    describe_sample,
    format_interval,
    format_p,
    mann_whitney,
)
from .transcript import Transcript, check_speakers, select_speakers

LENGTH_COLUMNS = [
    "sentence_id", "speaker", "turn", "paragraph", "kind", "position", "relative_position", "words", "text",
]  # fmt: skip
SUMMARY_COLUMNS = [
    "speaker", "n", "mean", "median", "sd", "q1", "q3", "min", "max",
    "longest_words", "longest_sentence_id", "longest_text",
]  # fmt: skip
DIFFERENCE_COLUMNS = [
    "statistic", "speaker_a", "speaker_b", "value_a", "value_b", "difference",
    "ci_low", "ci_high", "level", "n_resamples", "seed",
]  # fmt: skip
TEST_COLUMNS = ["speaker_a", "speaker_b", "n_a", "n_b", "u", "p_value", "cliffs_delta", "magnitude"]

_STATISTICS = {"mean": np.mean, "median": np.median}


def measure_sentences(transcript: Transcript) -> pd.DataFrame:
    """One row per sentence with its length in words and its place in the speaker's speech.

    Parameters
    ----------
    transcript : Transcript

    Returns
    -------
    pandas.DataFrame
        ``LENGTH_COLUMNS``: ``words`` is the number of word tokens; ``position``
        is the sentence's number (1, 2, ...) among the speaker's sentences in
        order, ``relative_position`` the same scaled to 0 (first) .. 1 (last).
        Every sentence is kept; ``kind`` flags salutations.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Ann Lee: Dear friend,\\n\\nWe met. We talked at length.\\n\\nBob Ray: Yes.")
    >>> measure_sentences(t)[["speaker", "kind", "position", "words"]].values.tolist()
    [['Ann Lee', 'salutation', 1, 2], ['Ann Lee', 'speech', 2, 2], ['Ann Lee', 'speech', 3, 4], \
['Bob Ray', 'speech', 1, 1]]
    """
    sentences = transcript.sentences
    words = transcript.words.groupby("sentence_id").size()
    table = sentences[["sentence_id", "speaker", "turn", "paragraph", "kind", "text"]].copy()
    table["words"] = table["sentence_id"].map(words).fillna(0).astype(int)
    by_speaker = table.groupby("speaker", sort=False)
    table["position"] = by_speaker.cumcount() + 1
    last = by_speaker["position"].transform("max")
    table["relative_position"] = np.where(last > 1, (table["position"] - 1) / (last - 1).clip(lower=1), 0.0)
    return table[LENGTH_COLUMNS].reset_index(drop=True)


def select_sentences(
    lengths: pd.DataFrame, include_salutations: bool = False, speakers: Sequence[str] | None = None
) -> pd.DataFrame:
    """The rows that enter the statistics: speech sentences (plus salutations if asked), of some speakers.

    Examples
    --------
    >>> table = pd.DataFrame({"speaker": ["A", "A", "C"], "kind": ["salutation", "speech", "speech"],
    ...     "words": [2, 5, 4]})
    >>> select_sentences(table)["words"].tolist(), len(select_sentences(table, True, speakers=["A"]))
    ([5, 4], 2)
    """
    keep = pd.Series(True, index=lengths.index)
    if not include_salutations:
        keep &= lengths["kind"] != "salutation"
    if speakers is not None:
        keep &= lengths["speaker"].isin(list(speakers))
    return lengths[keep].reset_index(drop=True)


def speaker_lengths(lengths: pd.DataFrame, speaker: str, include_salutations: bool = False) -> np.ndarray:
    """The sentence lengths of one speaker as an array; a clear error when there are none.

    Raises
    ------
    SpeakerNotFoundError
        The speaker is not in the table.
    EmptySampleError
        The speaker has no sentences once salutations are left out.

    Examples
    --------
    >>> table = pd.DataFrame({"speaker": ["A", "A"], "kind": ["salutation", "speech"], "words": [2, 5]})
    >>> speaker_lengths(table, "A").tolist()
    [5.0]
    """
    check_speakers(list(dict.fromkeys(lengths["speaker"])), [speaker], "the sentence table")
    rows = select_sentences(lengths, include_salutations)
    values = rows.loc[rows["speaker"] == speaker, "words"]
    hint = (
        "" if include_salutations else " (salutations left out; pass include_salutations=True to count them)"
    )
    if values.empty:
        raise EmptySampleError(f"Speaker {speaker!r} has no sentences{hint}.")
    return as_sample(values, f"{speaker}'s sentence lengths")


def summarise_sentence_lengths(
    lengths: pd.DataFrame, speakers: Sequence[str] | None = None, include_salutations: bool = False
) -> pd.DataFrame:
    """Per speaker: n, mean, median, sd, quartiles, min, max and the longest sentence.

    Parameters
    ----------
    lengths : pandas.DataFrame
        From :func:`measure_sentences`.
    speakers : list of str, optional
        Speakers to summarise, in this order; default all, in order of appearance.
    include_salutations : bool, default False

    Returns
    -------
    pandas.DataFrame
        ``SUMMARY_COLUMNS``.  ``sd`` is the sample standard deviation (NaN for
        a single sentence).  A speaker with no sentences gets ``n = 0`` and NaN
        statistics (see :func:`~analysis.stats.describe_sample`).

    Examples
    --------
    >>> table = pd.DataFrame({"sentence_id": [0, 1, 2], "speaker": ["A", "A", "B"],
    ...     "kind": ["speech"] * 3, "words": [4, 10, 7], "text": ["a", "b", "c"]})
    >>> summarise_sentence_lengths(table)[["speaker", "n", "mean", "longest_words"]].values.tolist()
    [['A', 2, 7.0, 10], ['B', 1, 7.0, 7]]
    """
    speakers = select_speakers(lengths, speakers, "the sentence table")
    rows = select_sentences(lengths, include_salutations)
    records = []
    for speaker in speakers:
        own = rows[rows["speaker"] == speaker]
        record = {"speaker": speaker, **describe_sample(own["words"])}
        record.update(_longest(own))
        records.append(record)
    return pd.DataFrame(records, columns=SUMMARY_COLUMNS)


def _longest(rows: pd.DataFrame) -> dict:
    if rows.empty:
        return {"longest_words": 0, "longest_sentence_id": pd.NA, "longest_text": ""}
    top = rows.loc[rows["words"].idxmax()]  # first of equals: the earliest sentence
    return {
        "longest_words": int(top["words"]),
        "longest_sentence_id": int(top["sentence_id"]),
        "longest_text": top["text"],
    }


def compare_sentence_lengths(
    lengths: pd.DataFrame,
    a: str,
    b: str,
    *,
    include_salutations: bool = False,
    n_resamples: int = N_RESAMPLES,
    seed: int = SEED,
    level: float = 0.95,
) -> pd.DataFrame:
    """Difference in mean and median sentence length (a - b) with seeded bootstrap intervals.

    Each speaker's sentences are resampled with replacement, independently.

    Returns
    -------
    pandas.DataFrame
        ``DIFFERENCE_COLUMNS``, one row for ``mean`` and one for ``median``.
        Intervals are NaN when a speaker has a single sentence.

    Examples
    --------
    >>> table = pd.DataFrame({"speaker": ["A"] * 3 + ["B"] * 3, "kind": ["speech"] * 6,
    ...     "words": [10, 12, 14, 5, 6, 7]})
    >>> compare_sentence_lengths(table, "A", "B", seed=1)[["statistic", "difference"]].values.tolist()
    [['mean', 6.0], ['median', 6.0]]
    """
    x = speaker_lengths(lengths, a, include_salutations)
    y = speaker_lengths(lengths, b, include_salutations)
    records = []
    for name, func in _STATISTICS.items():
        statistic = _difference(func)
        result = bootstrap_ci(x, y, statistic=statistic, n_resamples=n_resamples, seed=seed, level=level,
                              vectorized=True)  # fmt: skip
        records.append([
            name, a, b, float(func(x)), float(func(y)), result.estimate,
            result.low, result.high, level, n_resamples, seed,
        ])  # fmt: skip
    return pd.DataFrame(records, columns=DIFFERENCE_COLUMNS)


def _difference(func):
    def difference(x, y, axis=None):
        return func(x, axis=axis) - func(y, axis=axis)

    return difference


def mann_whitney_sentence_lengths(
    lengths: pd.DataFrame, a: str, b: str, include_salutations: bool = False
) -> pd.DataFrame:
    """Mann-Whitney U test of a's sentence lengths against b's, with Cliff's delta.

    Returns
    -------
    pandas.DataFrame
        One row, ``TEST_COLUMNS``; ``cliffs_delta`` > 0 means a's sentences tend to be longer.

    Examples
    --------
    >>> table = pd.DataFrame({"speaker": list("AAABBB"), "kind": ["speech"] * 6, "words": [4, 5, 6, 1, 2, 3]})
    >>> mann_whitney_sentence_lengths(table, "A", "B")[["u", "cliffs_delta", "magnitude"]].values.tolist()
    [[9.0, 1.0, 'large']]
    """
    x = speaker_lengths(lengths, a, include_salutations)
    y = speaker_lengths(lengths, b, include_salutations)
    r = mann_whitney(x, y)
    return pd.DataFrame([[a, b, r.n_x, r.n_y, r.u, r.p_value, r.delta, r.magnitude]], columns=TEST_COLUMNS)


def longest_sentences(
    lengths: pd.DataFrame,
    speakers: Sequence[str] | None = None,
    n: int = 3,
    include_salutations: bool = False,
) -> pd.DataFrame:
    """The ``n`` longest sentences of each speaker, longest first (ties: earlier first).

    Examples
    --------
    >>> table = pd.DataFrame({"sentence_id": [0, 1, 2], "speaker": ["A"] * 3, "kind": ["speech"] * 3,
    ...     "position": [1, 2, 3], "words": [3, 9, 5], "text": ["x", "y", "z"]})
    >>> longest_sentences(table, n=2)[["rank", "words", "text"]].values.tolist()
    [[1, 9, 'y'], [2, 5, 'z']]
    """
    speakers = select_speakers(lengths, speakers, "the sentence table")
    rows = select_sentences(lengths, include_salutations)
    parts = []
    for speaker in speakers:
        own = rows[rows["speaker"] == speaker].sort_values(["words", "sentence_id"], ascending=[False, True])
        top = own.head(n).copy()
        top.insert(1, "rank", range(1, len(top) + 1))
        parts.append(top)
    columns = ["speaker", "rank", "sentence_id", "position", "words", "text"]
    return pd.concat(parts, ignore_index=True)[columns] if parts else pd.DataFrame(columns=columns)


def describe_sentence_lengths(
    summary: pd.DataFrame, differences: pd.DataFrame, test: pd.DataFrame, a: str, b: str
) -> list[str]:
    """Findings in plain sentences, every number taken from the tables.

    Examples
    --------
    >>> table = pd.DataFrame({"sentence_id": range(6), "speaker": list("AAABBB"), "kind": ["speech"] * 6,
    ...     "words": [10, 12, 14, 5, 6, 7], "text": list("uvwxyz")})
    >>> s = summarise_sentence_lengths(table)
    >>> d = compare_sentence_lengths(table, "A", "B", seed=1)
    >>> t = mann_whitney_sentence_lengths(table, "A", "B")
    >>> describe_sentence_lengths(s, d, t, "A", "B")[3]
    'Longest sentence: A 14 words, B 7 words.'
    """
    rows = summary.set_index("speaker")
    t = test.iloc[0]
    return [
        f"{_describe_speaker(rows.loc[a], a)} {_describe_speaker(rows.loc[b], b)}",
        _describe_differences(differences.set_index("statistic"), a, b),
        f"Mann-Whitney U = {t['u']:.1f}, {format_p(t['p_value'])}; Cliff's delta = "
        f"{t['cliffs_delta']:+.2f}, {t['magnitude']} by Romano et al.'s thresholds "
        f"(positive: {a}'s sentences tend to be longer).",
        f"Longest sentence: {a} {rows.loc[a, 'longest_words']} words, "
        f"{b} {rows.loc[b, 'longest_words']} words.",
    ]


def _describe_speaker(row: pd.Series, name: str) -> str:
    if row["n"] == 0:
        return f"{name}: no sentences."
    sd = "undefined for one sentence" if np.isnan(row["sd"]) else f"{row['sd']:.1f}"
    noun = "sentence" if row["n"] == 1 else "sentences"
    return f"{name}: {row['n']} {noun}, mean {row['mean']:.1f} words (median {row['median']:.1f}, SD {sd})."


def _describe_differences(rows: pd.DataFrame, a: str, b: str) -> str:
    mean, median = rows.loc["mean"], rows.loc["median"]
    gap = mean["difference"]
    lead = f"{a}'s sentences are longer on average" if gap > 0 else f"{b}'s sentences are longer on average"
    if gap == 0:
        lead = "Both speakers have the same mean sentence length"
    text = (
        f"{lead}: mean {a} minus mean {b} = {gap:+.1f} words "
        f"({format_interval(mean['ci_low'], mean['ci_high'], mean['level'])}); "
        f"median difference {median['difference']:+.1f} words "
        f"({format_interval(median['ci_low'], median['ci_high'], median['level'])})."
    )
    if mean["ci_low"] <= 0 <= mean["ci_high"]:
        text += " The interval for the means includes zero: these sentences do not settle which is longer."
    return text
