"""Per-speech measures: distributions over speeches, not only totals.

In a corpus (:func:`analysis.load_corpus`) each file is a speech; in a dialogue
each turn is one.  Pooling all of a president's words hides how much his
speeches differ from one another; comparing two speakers speech by speech
treats the speech as the unit, which is the honest unit when speeches, not
words, are what was sampled.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from .rhetoric import count_pronouns
from .stats import format_p, mann_whitney
from .transcript import Transcript, check_speakers
from .vocabulary import MATTR_WINDOW, score_mattr

SPEECH_COLUMNS = [
    "speech", "speaker", "year", "words", "sentences", "mean_sentence_length", "mattr", "we_per_1000",
]  # fmt: skip
#: The per-speech measures compared between speakers, with how they are labelled.
SPEECH_MEASURES = {
    "words": "words per speech",
    "mean_sentence_length": "mean words per sentence",
    "mattr": f"MATTR ({MATTR_WINDOW}-word window)",
    "we_per_1000": "'we/us/our' per 1,000 words",
}
#: Fewest speeches per speaker for a test across speeches.
MIN_SPEECHES = 3


def speech_ids(transcript: Transcript) -> pd.Series:
    """Map each turn to its speech: the corpus document, or the turn itself in a dialogue.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> speech_ids(parse_transcript("Ann Lee: Hi.\\n\\nBo Li: Yes.")).tolist()
    [0, 1]
    """
    turns = transcript.turns
    column = "document" if "document" in turns else "turn"
    return pd.Series(turns[column].to_numpy(), index=turns["turn"].to_numpy(), name="speech")


def measure_speeches(transcript: Transcript, speakers: Sequence[str]) -> pd.DataFrame:
    """One row per speech of the given speakers, with length, sentence length, MATTR and 'we' rate.

    Parameters
    ----------
    transcript : Transcript
    speakers : list of str

    Returns
    -------
    pandas.DataFrame
        Columns :data:`SPEECH_COLUMNS`; ``year`` is empty outside corpora;
        ``mattr`` is NaN for speeches shorter than the window.  Salutation lines
        are left out of sentence lengths, as in notebook 04.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Ann Lee: We met. We won.\\n\\nBo Li: I agree.")
    >>> table = measure_speeches(t, ["Ann Lee", "Bo Li"])
    >>> table[["speaker", "words", "mean_sentence_length"]].values.tolist()
    [['Ann Lee', 4, 2.0], ['Bo Li', 2, 2.0]]
    """
    check_speakers(transcript.speakers, speakers, transcript.name)
    speech_of_turn = speech_ids(transcript)
    words = transcript.words[transcript.words["speaker"].isin(speakers)]
    words = words.assign(speech=words["turn"].map(speech_of_turn))
    speech_words = words[words["kind"] == "speech"]
    per_sentence = speech_words.groupby(["speech", "sentence_id"]).size().groupby("speech")
    pronouns = _we_rates(transcript, words, speakers)
    rows = []
    for (speech, speaker), group in words.groupby(["speech", "speaker"], sort=True):
        lengths = per_sentence.get_group(speech) if speech in per_sentence.groups else pd.Series(dtype=float)
        terms = group.loc[~group["is_number"], "lower"].tolist()
        rows.append([
            speech, speaker, _year(transcript, speech), len(group), len(lengths),
            float(lengths.mean()) if len(lengths) else np.nan,
            score_mattr(terms) if len(terms) >= MATTR_WINDOW else np.nan,
            pronouns.get(speech, 0.0),
        ])  # fmt: skip
    return pd.DataFrame(rows, columns=SPEECH_COLUMNS).astype({"year": "Int64"})


def _we_rates(transcript: Transcript, words: pd.DataFrame, speakers: Sequence[str]) -> dict:
    """Collective pronouns per 1,000 words, per speech (counted by the rhetoric lexicon)."""
    rates = {}
    for speech, group in words.groupby("speech"):
        tokens = transcript.tokens[transcript.tokens["turn"].isin(group["turn"].unique())]
        counts = count_pronouns(tokens, list(dict.fromkeys(group["speaker"])))
        collective = counts.loc[counts["category"] == "collective", "count"].sum()
        rates[speech] = 1000 * collective / len(group) if len(group) else 0.0
    return rates


def _year(transcript: Transcript, speech) -> int | None:
    documents = transcript.documents
    if documents is None:
        return None
    year = documents.loc[documents["document"] == speech, "year"]
    return None if year.empty or pd.isna(year.iloc[0]) else int(year.iloc[0])


def compare_speeches(speeches: pd.DataFrame, a: str, b: str) -> pd.DataFrame:
    """Mann-Whitney U and Cliff's delta across speeches, for each per-speech measure.

    Returns
    -------
    pandas.DataFrame
        ``measure, label, n_a, n_b, median_a, median_b, u, p_value, cliffs_delta,
        magnitude, enough``; ``enough`` is False (and the test columns NaN) when a
        speaker has fewer than :data:`MIN_SPEECHES` speeches with a value.

    Examples
    --------
    >>> t = pd.DataFrame({"speaker": ["A"] * 3 + ["B"] * 3, "words": [1, 2, 3, 7, 8, 9],
    ...     "mean_sentence_length": [1.0] * 6, "mattr": [np.nan] * 6, "we_per_1000": [0.0] * 6})
    >>> row = compare_speeches(t, "A", "B").iloc[0]
    >>> int(row["n_a"]), float(row["cliffs_delta"]), bool(row["enough"])
    (3, -1.0, True)
    """
    rows = []
    for measure, label in SPEECH_MEASURES.items():
        x = speeches.loc[speeches["speaker"] == a, measure].dropna().to_numpy(dtype=float)
        y = speeches.loc[speeches["speaker"] == b, measure].dropna().to_numpy(dtype=float)
        enough = len(x) >= MIN_SPEECHES and len(y) >= MIN_SPEECHES
        test = mann_whitney(x, y) if enough else None
        rows.append({
            "measure": measure, "label": label, "n_a": len(x), "n_b": len(y),
            "median_a": float(np.median(x)) if len(x) else np.nan,
            "median_b": float(np.median(y)) if len(y) else np.nan,
            "u": test.u if test else np.nan, "p_value": test.p_value if test else np.nan,
            "cliffs_delta": test.delta if test else np.nan, "magnitude": test.magnitude if test else "",
            "enough": enough,
        })  # fmt: skip
    return pd.DataFrame(rows)


def describe_speeches(comparison: pd.DataFrame, a: str, b: str) -> list[str]:
    """Findings sentences from :func:`compare_speeches`.

    Examples
    --------
    >>> c = pd.DataFrame([{"label": "words per speech", "n_a": 1, "n_b": 1, "enough": False}])
    >>> describe_speeches(c, "A", "B")[0][:60]
    'A has 1 speech(es) and B 1: per-speech distributions need at'
    """
    first = comparison.iloc[0]
    if not comparison["enough"].any():
        return [
            f"{a} has {first['n_a']} speech(es) and {b} {first['n_b']}: per-speech distributions need at "
            f"least {MIN_SPEECHES} each (load a folder of speeches with load_corpus), so the comparisons "
            "elsewhere pool all words."
        ]
    lines = [f"Speeches compared: {a} {first['n_a']}, {b} {first['n_b']} (the speech is the unit here)."]
    for row in comparison[comparison["enough"]].itertuples():
        lines.append(
            f"{row.label}: median {_short(row.median_a)} ({a}) against {_short(row.median_b)} ({b}); "
            f"Mann-Whitney {format_p(row.p_value)}, Cliff's delta {row.cliffs_delta:+.2f} ({row.magnitude})."
        )
    return lines


def _short(value: float) -> str:
    """Three significant figures for small values, whole numbers for large ones."""
    return f"{value:.0f}" if abs(value) >= 100 else f"{value:.3g}"
