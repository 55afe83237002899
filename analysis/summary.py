"""The transcript at a glance: per-speaker counts and a map of the document.

Tables for notebook 01 and the overview: how much each speaker says, what was
left out of the speakers' words and why, and where each unit lies in the file.
"""

from __future__ import annotations

import pandas as pd

from .transcript import Transcript


def speaker_summary(transcript: Transcript) -> pd.DataFrame:
    """Count turns, paragraphs, sentences, salutations and words per speaker.

    Parameters
    ----------
    transcript : Transcript

    Returns
    -------
    pandas.DataFrame
        One row per speaker (order of first appearance): ``speaker, turns,
        paragraphs, sentences, salutations, words, share_of_words``
        (``share_of_words`` in percent of all speakers' words).

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Ann Lee: Dear friends,\\n\\nWe met. We won.\\n\\nBo Li: Yes.")
    >>> speaker_summary(t)[["speaker", "sentences", "salutations", "words"]].values.tolist()
    [['Ann Lee', 3, 1, 6], ['Bo Li', 1, 0, 1]]
    """
    order = transcript.speakers
    sentences = transcript.sentences
    table = pd.DataFrame(
        {
            "speaker": order,
            "turns": _count(transcript.turns, order),
            "paragraphs": _count(transcript.paragraphs, order),
            "sentences": _count(sentences, order),
            "salutations": _count(sentences[sentences["kind"] == "salutation"], order),
            "words": _count(transcript.words, order),
        }
    )
    total = table["words"].sum()
    table["share_of_words"] = (100 * table["words"] / total).round(1) if total else 0.0
    return table


def _count(table: pd.DataFrame, order: list[str]) -> list[int]:
    counts = table.groupby("speaker").size()
    return [int(counts.get(speaker, 0)) for speaker in order]


def excluded_summary(transcript: Transcript) -> pd.DataFrame:
    """List what was kept out of the speakers' words, with a short preview.

    Returns
    -------
    pandas.DataFrame
        ``kind, turn, start, end, characters, preview`` (preview: first 70 characters,
        whitespace collapsed).

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Intro here.\\n\\nAnn Lee: We won. (Applause.)")
    >>> excluded_summary(t)["kind"].tolist()
    ['commentary', 'label', 'stage']
    """
    excluded = transcript.excluded
    previews = excluded["text"].str.split().str.join(" ")
    return pd.DataFrame(
        {
            "kind": excluded["kind"],
            "turn": excluded["turn"],
            "start": excluded["start"],
            "end": excluded["end"],
            "characters": excluded["end"] - excluded["start"],
            "preview": previews.where(previews.str.len() <= 70, previews.str[:67] + "..."),
        }
    )


def document_map(transcript: Transcript) -> pd.DataFrame:
    """Every sentence and excluded span with its position in the file (0-1).

    Returns
    -------
    pandas.DataFrame
        ``unit, kind, speaker, start, end, position_start, position_end, words``,
        sorted by ``start``; ``unit`` is ``"sentence"`` or ``"excluded"``,
        ``speaker`` is empty for excluded spans.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Hi.\\n\\nAnn Lee: We won.")
    >>> document_map(t)[["unit", "kind", "speaker"]].values.tolist()
    [['excluded', 'commentary', ''], ['excluded', 'label', ''], ['sentence', 'speech', 'Ann Lee']]
    """
    size = max(len(transcript.raw), 1)
    words = transcript.words.groupby("sentence_id").size()
    sentences = transcript.sentences.assign(
        unit="sentence", words=transcript.sentences["sentence_id"].map(words).fillna(0).astype(int)
    )
    excluded = transcript.excluded.assign(unit="excluded", speaker="", words=0)
    columns = ["unit", "kind", "speaker", "start", "end", "words"]
    table = pd.concat([sentences[columns], excluded[columns]], ignore_index=True)
    table = table.sort_values("start", kind="stable").reset_index(drop=True)
    table.insert(5, "position_start", table["start"] / size)
    table.insert(6, "position_end", table["end"] / size)
    return table


def describe_segmentation(summary: pd.DataFrame, excluded: pd.DataFrame) -> list[str]:
    """Findings sentences computed from :func:`speaker_summary` and :func:`excluded_summary`.

    Examples
    --------
    >>> s = pd.DataFrame({"speaker": ["A", "B"], "turns": [1, 1], "sentences": [3, 6],
    ...     "salutations": [1, 0], "words": [30, 60], "share_of_words": [33.3, 66.7]})
    >>> describe_segmentation(s, pd.DataFrame({"kind": ["label", "label"]}))[0]
    'A speaks 30 words in 3 sentence units (1 turn); B speaks 60 words in 6 (1 turn).'
    """
    lines = []
    parts = [
        f"{row.speaker} speaks {row.words} words in {row.sentences} sentence units "
        f"({row.turns} turn{'s' if row.turns != 1 else ''})"
        for row in summary.itertuples()
    ]
    if len(parts) >= 2:
        first, second = parts[0], parts[1].replace(" sentence units", "")
        lines.append(f"{first}; {second}.")
    else:
        lines.extend(f"{part}." for part in parts)
    if len(summary) >= 2 and summary["words"].iloc[0] > 0:
        ratio = summary["words"].iloc[1] / summary["words"].iloc[0]
        lines.append(
            f"{summary['speaker'].iloc[1]} says {ratio:.2f} times as many words as "
            f"{summary['speaker'].iloc[0]}: compare rates, not raw counts."
        )
    kinds = excluded["kind"].value_counts()
    kept_out = ", ".join(f"{n} {kind}" for kind, n in kinds.items() if kind != "label")
    if kept_out:
        lines.append(f"Kept out of the speakers' words (and shown below): {kept_out} span(s).")
    salutes = int(summary["salutations"].sum())
    if salutes:
        lines.append(
            f"{salutes} salutation line(s) are flagged; sentence statistics leave them out by default."
        )
    return lines


def first_sentences(transcript: Transcript, n: int = 2) -> pd.DataFrame:
    """The first ``n`` sentence units of each turn (salutations included).

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Ann Lee: One. Two. Three.\\n\\nBo Li: Four.")
    >>> first_sentences(t, 2)["text"].tolist()
    ['One.', 'Two.', 'Four.']
    """
    sentences = transcript.sentences
    head = sentences.groupby("turn", sort=False).head(n)
    return head[["turn", "speaker", "sentence_id", "kind", "text"]].reset_index(drop=True)
