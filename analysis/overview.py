"""The one-page overview: the key comparison of each notebook, in one table and one figure.

:func:`overview_table` runs the headline measure of every notebook for the two
speakers compared and stacks the results in one long table (``panel, speaker,
item, value, ci_low, ci_high, count``), which the dashboard figure draws and
:func:`describe_overview` turns into findings sentences, each with a link to
the notebook that explains it.
"""

from __future__ import annotations

import pandas as pd

from .readability import clean_sentence_texts, score_speakers
from .rhetoric import count_pronouns
from .sentence_stats import compare_sentence_lengths, mann_whitney_sentence_lengths, measure_sentences
from .summary import speaker_summary
from .themes import theme_counts
from .transcript import Transcript
from .vocabulary import distinctive_terms

OVERVIEW_COLUMNS = ["panel", "speaker", "item", "value", "ci_low", "ci_high", "count"]
#: Readability indices shown on the overview (all are grade levels: higher = harder).
OVERVIEW_INDICES = ("flesch_kincaid_grade", "gunning_fog", "smog_index", "coleman_liau_index")
#: Notebook behind each panel, for the links in the findings.
PANEL_NOTEBOOKS = {
    "words": "01_segmentation.ipynb",
    "distinctive terms": "02_vocabulary.ipynb",
    "themes": "03_themes.ipynb",
    "sentence length": "04_sentence_length.ipynb",
    "readability": "05_readability.ipynb",
    "pronouns": "06_rhetoric.ipynb",
}


def overview_table(
    transcript: Transcript, a: str, b: str, top_themes: int = 6, top_terms: int = 5
) -> pd.DataFrame:
    """The headline comparison of every notebook, as one long table.

    Parameters
    ----------
    transcript : Transcript
    a, b : str
        The two speakers compared.
    top_themes : int, default 6
        Themes kept: those with the most matches by the two together.
    top_terms : int, default 5
        Distinctive terms kept per speaker (by z-score of the weighted log-odds).

    Returns
    -------
    pandas.DataFrame
        ``panel, speaker, item, value, ci_low, ci_high, count``; ``ci_low`` and
        ``ci_high`` are 95% seeded bootstrap intervals where the panel has them.

    Examples
    --------
    >>> from analysis.paths import SEED_TRANSCRIPT
    >>> from analysis import load_transcript
    >>> table = overview_table(load_transcript(SEED_TRANSCRIPT), "Xi Jinping", "Vladimir Putin")
    >>> sorted(table["panel"].unique())
    ['distinctive terms', 'pronouns', 'readability', 'sentence length', 'themes', 'words']
    """
    transcript.check_speakers(a, b)
    parts = [
        _words_panel(transcript, a, b),
        _terms_panel(transcript, a, b, top_terms),
        _themes_panel(transcript, a, b, top_themes),
        _sentence_panel(transcript, a, b),
        _readability_panel(transcript, a, b),
        _pronoun_panel(transcript, a, b),
    ]
    return pd.concat(parts, ignore_index=True)[OVERVIEW_COLUMNS]


def _rows(panel: str, frame: pd.DataFrame, constants: dict | None = None, **columns: str) -> pd.DataFrame:
    """Rename ``frame``'s columns into the overview's (``columns``: new name -> old name)."""
    table = pd.DataFrame({new: frame[old].to_numpy() for new, old in columns.items()})
    table = table.assign(panel=panel, **(constants or {}))
    return table.reindex(columns=OVERVIEW_COLUMNS)


def _words_panel(transcript: Transcript, a: str, b: str) -> pd.DataFrame:
    summary = speaker_summary(transcript).set_index("speaker").loc[[a, b]].reset_index()
    return _rows("words", summary, {"item": "words"}, speaker="speaker", value="words", count="sentences")


def _terms_panel(transcript: Transcript, a: str, b: str, top: int) -> pd.DataFrame:
    terms = distinctive_terms(transcript.tokens, a, b, min_count=2, drop_stopwords=True)
    chosen = pd.concat([terms.nlargest(top, "z"), terms.nsmallest(top, "z")])
    chosen = chosen.assign(
        speaker=[a if z > 0 else b for z in chosen["z"]], count=chosen["count_a"] + chosen["count_b"]
    )
    return _rows("distinctive terms", chosen, speaker="speaker", item="term", value="z", count="count")


def _themes_panel(transcript: Transcript, a: str, b: str, top: int) -> pd.DataFrame:
    counts = theme_counts(transcript, speakers=[a, b])
    totals = counts.groupby("theme", sort=False)["matches"].sum()
    keep = totals.sort_values(ascending=False, kind="stable").index[:top]
    chosen = counts[counts["theme"].isin(keep)]
    return _rows("themes", chosen, speaker="speaker", item="theme", value="rate_per_1000", count="matches")


def _sentence_panel(transcript: Transcript, a: str, b: str) -> pd.DataFrame:
    lengths = measure_sentences(transcript)
    speech = lengths[(lengths["kind"] == "speech") & lengths["speaker"].isin([a, b])]
    means = compare_sentence_lengths(lengths, a, b)
    mean = means[means["statistic"] == "mean"].iloc[0]
    test = mann_whitney_sentence_lengths(lengths, a, b).iloc[0]
    constants = {"item": "words per sentence", "count": 1}
    points = _rows("sentence length", speech, constants, speaker="speaker", value="words")
    difference = pd.DataFrame([{
        "panel": "sentence length", "speaker": f"{a} - {b}", "item": "difference in means",
        "value": mean["difference"], "ci_low": mean["ci_low"], "ci_high": mean["ci_high"],
        "count": test["cliffs_delta"],
    }])  # fmt: skip
    return pd.concat([points, difference], ignore_index=True)


def _readability_panel(transcript: Transcript, a: str, b: str) -> pd.DataFrame:
    scores = score_speakers(clean_sentence_texts(transcript), [a, b])
    chosen = scores[scores["index"].isin(OVERVIEW_INDICES)]
    return _rows(
        "readability", chosen, speaker="speaker", item="label", value="value", ci_low="ci_low",
        ci_high="ci_high", count="n_sentences",
    )  # fmt: skip


#: How the pronoun categories of :func:`analysis.rhetoric.count_pronouns` are shown.
PRONOUN_LABELS = {"collective": "we · us · our", "personal": "I · me · my", "addressee": "you · your"}


def _pronoun_panel(transcript: Transcript, a: str, b: str) -> pd.DataFrame:
    pronouns = count_pronouns(transcript.tokens, [a, b])
    pronouns = pronouns.assign(label=pronouns["category"].map(PRONOUN_LABELS).fillna(pronouns["category"]))
    return _rows("pronouns", pronouns, speaker="speaker", item="label", value="rate_per_1000", count="count")


KIND_NAMES = {
    "label": "speaker label(s)",
    "commentary": "commentary block(s)",
    "editorial": "editorial insertion(s)",
    "stage": "stage direction(s)",
}


def describe_source(transcript: Transcript) -> list[str]:
    """What the transcript is: file, checksum, speakers, and what was kept out or corrected.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> describe_source(parse_transcript("Intro.\\n\\nAnn Lee: Hi.\\n\\nBo Li: Yes."))[1]
    'Speakers, in order: Ann Lee (1 words), Bo Li (1 words).'
    """
    words = transcript.words.groupby("speaker").size()
    speakers = ", ".join(f"{s} ({int(words.get(s, 0))} words)" for s in transcript.speakers)
    kept_out = transcript.excluded["kind"].value_counts()
    documents = transcript.documents
    source = (
        f"a corpus of {len(documents)} speeches in {transcript.name}"
        if documents is not None
        else f"{transcript.name} ({len(transcript.raw):,} characters, sha256 {transcript.sha256[:12]}...)"
    )
    lines = [f"Source: {source}.", f"Speakers, in order: {speakers}."]
    lines.append(
        "Kept out of the speakers' words: "
        + (
            ", ".join(f"{n} {KIND_NAMES.get(kind, kind)}" for kind, n in kept_out.items())
            if len(kept_out)
            else "nothing"
        )
        + f"; corrections applied at load time: {len(transcript.corrections)}."
    )
    return lines


def describe_overview(table: pd.DataFrame, a: str, b: str) -> list[str]:
    """Main findings, one per panel, each ending with a link to its notebook.

    Examples
    --------
    >>> from analysis.paths import SEED_TRANSCRIPT
    >>> from analysis import load_transcript
    >>> lines = describe_overview(overview_table(load_transcript(SEED_TRANSCRIPT), "Xi Jinping",
    ...     "Vladimir Putin"), "Xi Jinping", "Vladimir Putin")
    >>> lines[0].startswith("Vladimir Putin says 2.1 times as many words")
    True
    """
    lines = [
        _describe_words(table, a, b),
        _describe_terms(table, a, b),
        _describe_themes(table, a, b),
        _describe_sentences(table, a, b),
        _describe_readability(table, a, b),
        _describe_pronouns(table, a, b),
    ]
    return [f"{line} ([{notebook}]({notebook}))" for line, notebook in zip(lines, PANEL_NOTEBOOKS.values())]


def _panel(table: pd.DataFrame, name: str) -> pd.DataFrame:
    return table[table["panel"] == name]


def _describe_words(table: pd.DataFrame, a: str, b: str) -> str:
    words = _panel(table, "words").set_index("speaker")["value"]
    more, fewer = (a, b) if words[a] >= words[b] else (b, a)
    ratio = words[more] / words[fewer] if words[fewer] else float("inf")
    return (
        f"{more} says {ratio:.1f} times as many words as {fewer} ({int(words[more])} against "
        f"{int(words[fewer])}), so every comparison below uses rates, not raw counts."
    )


def _describe_terms(table: pd.DataFrame, a: str, b: str) -> str:
    terms = _panel(table, "distinctive terms")
    strongest = terms.loc[terms["value"].abs().idxmax()] if len(terms) else None
    if strongest is None:
        return "No term is used often enough by both to compare."
    significant = int((terms["value"].abs() > 1.96).sum())
    verdict = (
        f"{significant} of the terms shown pass |z| > 1.96"
        if significant
        else "none passes |z| > 1.96, so no single word reliably sets them apart at this length"
    )
    return (
        f"The word leaning most to one speaker is '{strongest['item']}' ({strongest['speaker']}, "
        f"z = {strongest['value']:+.2f}); {verdict}."
    )


def _describe_themes(table: pd.DataFrame, a: str, b: str) -> str:
    themes = _panel(table, "themes").pivot_table(index="item", columns="speaker", values="value", sort=False)
    gap = (themes[a] - themes[b]).sort_values(kind="stable")
    return (
        f"{a} returns most, relative to {b}, to {gap.index[-1]} ({themes.loc[gap.index[-1], a]:.1f} against "
        f"{themes.loc[gap.index[-1], b]:.1f} matches per 1,000 words); {b} to {gap.index[0]} "
        f"({themes.loc[gap.index[0], b]:.1f} against {themes.loc[gap.index[0], a]:.1f})."
    )


def _describe_sentences(table: pd.DataFrame, a: str, b: str) -> str:
    panel = _panel(table, "sentence length")
    difference = panel[panel["item"] == "difference in means"].iloc[0]
    means = panel[panel["item"] == "words per sentence"].groupby("speaker")["value"].mean()
    settled = difference["ci_low"] > 0 or difference["ci_high"] < 0
    return (
        f"Mean sentence length: {a} {means[a]:.1f} words, {b} {means[b]:.1f}; the difference "
        f"({difference['value']:+.1f}, 95% interval {difference['ci_low']:+.1f} to "
        f"{difference['ci_high']:+.1f}) "
        + (
            "excludes zero."
            if settled
            else "includes zero, so the data do not settle who speaks in longer sentences."
        )
    )


def _describe_readability(table: pd.DataFrame, a: str, b: str) -> str:
    panel = _panel(table, "readability").pivot_table(
        index="item", columns="speaker", values="value", sort=False
    )
    harder = int((panel[a] > panel[b]).sum())
    grade = panel.index[0]
    return (
        f"{a}'s text scores as harder on {harder} of {len(panel)} grade-level indices shown "
        f"({grade}: {panel.loc[grade, a]:.1f} against {panel.loc[grade, b]:.1f}); the indices are not "
        "independent evidence, and translation shapes them."
    )


def _describe_pronouns(table: pd.DataFrame, a: str, b: str) -> str:
    panel = _panel(table, "pronouns").pivot_table(index="item", columns="speaker", values="value", sort=False)
    we, you = PRONOUN_LABELS["collective"], PRONOUN_LABELS["addressee"]
    return (
        f"Collective 'we/us/our': {a} {panel.loc[we, a]:.1f} and {b} {panel.loc[we, b]:.1f} per 1,000 words; "
        f"addressing the other ('you/your'): {panel.loc[you, a]:.1f} against {panel.loc[you, b]:.1f}."
    )
