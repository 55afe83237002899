"""Dialogue: turns, who opens and closes, and echo (what one speaker takes up from the other).

Echo is lexical: a content word (a lemma that is not a stop word) or a
2-3-word content phrase (see :func:`analysis.repetition.list_ngrams`) that the
echoing speaker uses *after* the other speaker has used it.  Some overlap is
expected by chance alone: two political speeches share words like "world"
or "people".  :func:`compare_echo_with_background` estimates that part by
replacing the source speaker's words with same-length stretches of unrelated
speeches (a background corpus) and measuring the overlap again.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

from .cache import cache_key, cached
from .errors import TranscriptError
from .paths import SHARED_CORPORA
from .repetition import list_ngrams
from .tokens import iter_tokens, lemmatise, load_stopwords, normalise
from .transcript import check_speakers, select_speakers

#: Where the shared background speeches live when the project sits beside ``shared/``.
BACKGROUND_DIR = SHARED_CORPORA / "inaugural"
ECHO_COLUMNS = [
    "speaker", "source", "phrase", "n", "source_count", "echo_count", "example",
    "source_sentence_ids", "echo_sentence_ids",
]  # fmt: skip


def _check_pair(tokens: pd.DataFrame, a: str, b: str) -> None:
    if tokens.empty or not tokens["is_word"].any():
        raise TranscriptError("The tokens table has no words: there is no dialogue to measure.")
    check_speakers(list(dict.fromkeys(tokens["speaker"])), [a, b], "the tokens table")
    if a == b:
        raise TranscriptError(f"Echo compares two different speakers; got {a!r} twice.")


# --------------------------------------------------------------------------- turns


def measure_turns(tokens: pd.DataFrame) -> pd.DataFrame:
    """One row per turn: its speaker, words, sentences and share of all words.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Ann Lee: Hello there.\\n\\nBob Ray: Hi. Fine.\\n\\nAnn Lee: Good.")
    >>> measure_turns(t.tokens)[["turn", "speaker", "words", "sentences", "share_of_words"]].values.tolist()
    [[0, 'Ann Lee', 2, 1, 0.4], [1, 'Bob Ray', 2, 2, 0.4], [2, 'Ann Lee', 1, 1, 0.2]]
    """
    words = tokens[tokens["is_word"]]
    if words.empty:
        raise TranscriptError("The tokens table has no words: there are no turns to measure.")
    table = words.groupby("turn", sort=True).agg(
        speaker=("speaker", "first"), words=("token_id", "size"), sentences=("sentence_id", "nunique")
    )
    table["share_of_words"] = table["words"] / table["words"].sum()
    return table.reset_index()


def summarise_turns(tokens: pd.DataFrame, speakers=None) -> pd.DataFrame:
    """Per speaker: turns, words, share of words, mean and longest turn, and who opens and closes.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Ann Lee: Hello there.\\n\\nBob Ray: Hi. Fine.\\n\\nAnn Lee: Good.")
    >>> columns = ["speaker", "turns", "words", "mean_turn_words", "opens", "closes"]
    >>> summarise_turns(t.tokens)[columns].values.tolist()
    [['Ann Lee', 2, 3, 1.5, True, True], ['Bob Ray', 1, 2, 2.0, False, False]]
    """
    turns = measure_turns(tokens)
    speakers = select_speakers(turns, speakers)
    grouped = turns.groupby("speaker", sort=False).agg(
        turns=("turn", "size"), words=("words", "sum"), share_of_words=("share_of_words", "sum"),
        mean_turn_words=("words", "mean"), longest_turn_words=("words", "max"),
    )  # fmt: skip
    grouped["opens"] = grouped.index == turns["speaker"].iloc[0]
    grouped["closes"] = grouped.index == turns["speaker"].iloc[-1]
    return grouped.loc[speakers].reset_index()


def frame_openings(turns: pd.DataFrame, sentences: pd.DataFrame, address: pd.DataFrame) -> pd.DataFrame:
    """How each turn opens and closes: the ritual found in its first and last paragraph.

    Parameters
    ----------
    turns, sentences : pandas.DataFrame
        A transcript's ``turns`` and ``sentences`` tables.
    address : pandas.DataFrame
        Matches from :func:`analysis.rhetoric.find_address`.

    Returns
    -------
    pandas.DataFrame
        turn, speaker, role (``opens`` for the first turn, ``closes`` for the
        last, ``opens and closes`` for a lone turn, ``""`` otherwise),
        opening_ritual / closing_ritual (categories, comma-joined, ``"none"``
        when there is none), opening_text / closing_text.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> from analysis.rhetoric import find_address
    >>> t = parse_transcript("Ann Lee: Dear friend,\\n\\nWe met.\\n\\nThank you.\\n\\nBob Ray: We did.")
    >>> frame_openings(t.turns, t.sentences, find_address(t.tokens))[
    ...     ["speaker", "role", "opening_ritual", "closing_ritual"]].values.tolist()
    [['Ann Lee', 'opens', 'salutation', 'thanks'], ['Bob Ray', 'closes', 'none', 'none']]
    """
    if turns.empty:
        raise TranscriptError("The turns table is empty: there is nothing to open or close.")
    paragraph_of = dict(zip(sentences["sentence_id"], sentences["paragraph"]))
    found = address.assign(paragraph=address["sentence_id"].map(paragraph_of))
    rows = []
    for position, turn in enumerate(turns.itertuples()):
        own = sentences[sentences["turn"] == turn.turn]
        first, last = own["paragraph"].min(), own["paragraph"].max()
        rows.append([
            turn.turn, turn.speaker, _role(position, len(turns)),
            _ritual(found, first), _ritual(found, last),
            " ".join(own.loc[own["paragraph"] == first, "text"]),
            " ".join(own.loc[own["paragraph"] == last, "text"]),
        ])  # fmt: skip
    columns = ["turn", "speaker", "role", "opening_ritual", "closing_ritual", "opening_text", "closing_text"]
    return pd.DataFrame(rows, columns=columns)


def _role(position: int, count: int) -> str:
    roles = (["opens"] if position == 0 else []) + (["closes"] if position == count - 1 else [])
    return " and ".join(roles)


def _ritual(found: pd.DataFrame, paragraph) -> str:
    categories = list(dict.fromkeys(found.loc[found["paragraph"] == paragraph, "category"]))
    return ", ".join(categories) or "none"


# --------------------------------------------------------------------------- echo


def _echo_direction(grams: pd.DataFrame, source: str, echoer: str) -> list[list]:
    said = grams[grams["speaker"] == source]
    heard = grams[grams["speaker"] == echoer]
    first_use = said.groupby("phrase")["token_id"].min()
    later = heard[heard["token_id"] > heard["phrase"].map(first_use).fillna(np.inf)]
    uses = {
        phrase: group for phrase, group in said[said["phrase"].isin(set(later["phrase"]))].groupby("phrase")
    }
    rows = []
    for (phrase, n), echoed in later.groupby(["phrase", "n"], sort=False):
        before = uses[phrase][uses[phrase]["token_id"] < echoed["token_id"].min()]
        rows.append([echoer, source, phrase, n, len(before), len(echoed), echoed["text"].iloc[0],
                     sorted(set(before["sentence_id"])), sorted(set(echoed["sentence_id"]))])  # fmt: skip
    return rows


def find_echoes(tokens: pd.DataFrame, a: str, b: str, sizes=(1, 2, 3)) -> pd.DataFrame:
    """Content words and phrases one speaker takes up after the other used them (both directions).

    Returns
    -------
    pandas.DataFrame
        ``ECHO_COLUMNS``: ``speaker`` echoes ``source``; ``source_count`` is
        how often the source had used the phrase before the first echo,
        ``echo_count`` how often the speaker uses it afterwards.  Sorted by
        echo_count, then length, then phrase.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Ann Lee: Mutual trade grows.\\n\\nBob Ray: Mutual trade grows fast. Trade!")
    >>> echoes = find_echoes(t.tokens, "Ann Lee", "Bob Ray")
    >>> echoes[["speaker", "phrase", "source_count", "echo_count"]].values.tolist()
    [['Bob Ray', 'trade', 1, 2], ['Bob Ray', 'mutual trade grow', 1, 1], ['Bob Ray', 'mutual trade', 1, 1],
     ['Bob Ray', 'trade grow', 1, 1], ['Bob Ray', 'grow', 1, 1], ['Bob Ray', 'mutual', 1, 1]]
    """
    _check_pair(tokens, a, b)
    grams = list_ngrams(tokens, sizes)
    rows = _echo_direction(grams, a, b) + _echo_direction(grams, b, a)
    table = pd.DataFrame(rows, columns=ECHO_COLUMNS)
    table = table.sort_values(["echo_count", "n", "phrase"], ascending=[False, False, True], kind="stable")
    return table.reset_index(drop=True)


def _echo_targets(tokens: pd.DataFrame, source: str, echoer: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The source's content words and the echoer's content words spoken after the source began."""
    words = list_ngrams(tokens, (1,))
    said = words[words["speaker"] == source]
    heard = words[words["speaker"] == echoer]
    if said.empty:
        return said, heard.iloc[0:0]
    heard = heard[heard["token_id"] > said["token_id"].min()]
    return said[said["token_id"] < heard["token_id"].max()] if len(heard) else said, heard


def measure_echo(tokens: pd.DataFrame, a: str, b: str) -> pd.DataFrame:
    """Echo rates: the share of a speaker's content words that the other had used before.

    Only directions in which the echoing speaker speaks after the source has
    begun are reported (in a two-turn exchange: the second speaker only).

    Returns
    -------
    pandas.DataFrame
        speaker, source, content_tokens, echo_tokens, echo_rate (token share),
        content_types, echo_types, type_rate.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Ann Lee: Mutual trade grows.\\n\\nBob Ray: Trade grows fast. Trade!")
    >>> rates = measure_echo(t.tokens, "Ann Lee", "Bob Ray")
    >>> rates[["speaker", "content_tokens", "echo_tokens", "echo_rate"]].values.tolist()
    [['Bob Ray', 4, 3, 0.75]]
    """
    _check_pair(tokens, a, b)
    rows = []
    for source, echoer in ((a, b), (b, a)):
        said, heard = _echo_targets(tokens, source, echoer)
        if heard.empty:
            continue
        first_use = said.groupby("phrase")["token_id"].min()
        echoed = heard[heard["token_id"] > heard["phrase"].map(first_use).fillna(np.inf)]
        types, echo_types = heard["phrase"].nunique(), echoed["phrase"].nunique()
        rows.append([echoer, source, len(heard), len(echoed), len(echoed) / len(heard),
                     types, echo_types, echo_types / types])  # fmt: skip
    columns = ["speaker", "source", "content_tokens", "echo_tokens", "echo_rate",
               "content_types", "echo_types", "type_rate"]  # fmt: skip
    return pd.DataFrame(rows, columns=columns)


def load_background_texts(folder: str | Path | None = None) -> list[str]:
    """Read the ``*.txt`` speeches of a background corpus (sorted by file name).

    Parameters
    ----------
    folder : path, optional
        Defaults to ``BACKGROUND_DIR`` (US inaugural addresses in the shared
        corpora beside the project).  A missing folder gives an empty list:
        the echo baseline is then reported as not computed.

    Examples
    --------
    >>> load_background_texts("/no/such/folder")
    []
    """
    folder = Path(folder) if folder is not None else BACKGROUND_DIR
    if not folder.is_dir():
        return []
    return [path.read_text(encoding="utf-8", errors="replace") for path in sorted(folder.glob("*.txt"))]


def background_lemmas(texts: list[str]) -> list[str]:
    """Content lemmas of background texts, in order, with the transcript's rules.

    Examples
    --------
    >>> background_lemmas(["The peoples of the world, and the UN."])
    ['people', 'world', 'UN']
    """
    stopwords = load_stopwords()
    return [
        lemmatise(token, keep_case=True)
        for text in texts
        for _, _, token, kind in iter_tokens(text)
        if kind != "punct" and normalise(token) not in stopwords
    ]


def cached_background_lemmas(texts: list[str]) -> list[str]:
    """:func:`background_lemmas`, kept in ``data/processed`` between runs.

    The key covers the texts, the tokenizer and lemmatizer code and their data
    (see :mod:`analysis.cache`), so a cached list is never stale.

    Examples
    --------
    >>> cached_background_lemmas(["The peoples of the world."])
    ['people', 'world']
    """
    digest = hashlib.sha256("\x00".join(texts).encode("utf-8", "surrogatepass")).hexdigest()
    key = cache_key([Path(__file__)], {"background": digest})
    return cached(key, lambda: background_lemmas(texts), prefix="background")


def compare_echo_with_background(
    tokens: pd.DataFrame, a: str, b: str, texts: list[str], draws: int = 200, seed: int = 0
) -> pd.DataFrame:
    """Observed echo rate against the overlap that unrelated speeches would give.

    For each direction of :func:`measure_echo`, ``draws`` times: take a random
    stretch of background content words as long as the source's content
    words (seeded), and compute the share of the echoing speaker's content
    words found in it.  ``baseline_low`` / ``baseline_high`` are the 2.5 and
    97.5 percentiles of those shares; ``share_at_or_above`` is the share of
    draws reaching the observed rate (an empirical p-value); ``excess`` is
    observed minus baseline mean.  The baseline shows how much overlap any
    political speech of that length would share with the echoing speaker;
    what rises above it is uptake (or a shared topic).

    With no background texts the baseline columns are NaN and ``note`` says so.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Ann Lee: Mutual trade grows.\\n\\nBob Ray: Trade grows fast. Trade!")
    >>> result = compare_echo_with_background(t.tokens, "Ann Lee", "Bob Ray", ["Trade and ships."], draws=20)
    >>> result[["speaker", "echo_rate", "source_words", "baseline_mean"]].values.tolist()
    [['Bob Ray', 0.75, 3, 0.5]]
    """
    observed = measure_echo(tokens, a, b)
    pool = cached_background_lemmas(texts)
    rng = np.random.default_rng(seed)
    rows = []
    for row in observed.itertuples():
        said, heard = _echo_targets(tokens, row.source, row.speaker)
        baseline = _baseline(heard["phrase"].tolist(), len(said), pool, draws, rng, row.echo_rate)
        rows.append([len(said), *baseline])
    columns = ["source_words", "baseline_mean", "baseline_low", "baseline_high", "share_at_or_above",
               "draws", "note"]  # fmt: skip
    result = pd.concat([observed, pd.DataFrame(rows, columns=columns, index=observed.index)], axis=1)
    result["excess"] = result["echo_rate"] - result["baseline_mean"]
    return result


def _baseline(heard: list[str], length: int, pool: list[str], draws: int, rng, observed: float) -> list:
    if not pool:
        return [np.nan, np.nan, np.nan, np.nan, 0, "no background texts: baseline not computed"]
    if draws < 1:
        raise TranscriptError(f"draws must be at least 1, got {draws}.")
    length = min(length, len(pool))
    starts = rng.integers(0, len(pool) - length + 1, size=draws)
    counts = Counter(heard)
    shares = np.array([_share_in(counts, set(pool[s : s + length])) for s in starts]) / len(heard)
    low, high = np.percentile(shares, [2.5, 97.5])
    note = f"{len(pool)} background content words; window {length} words"
    return [shares.mean(), low, high, (shares >= observed).mean(), draws, note]


def _share_in(counts: Counter, vocabulary: set) -> int:
    return sum(n for word, n in counts.items() if word in vocabulary)


# --------------------------------------------------------------------------- findings


def describe_dialogue(turn_summary: pd.DataFrame, openings: pd.DataFrame, a: str, b: str) -> list[str]:
    """Findings on turns and rituals of opening and closing, as sentences.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> from analysis.rhetoric import find_address
    >>> t = parse_transcript("Ann Lee: Dear friend,\\n\\nWe met.\\n\\nBob Ray: Thank you.")
    >>> describe_dialogue(summarise_turns(t.tokens), frame_openings(t.turns, t.sentences,
    ...     find_address(t.tokens)), "Ann Lee", "Bob Ray")[0]
    'Ann Lee speaks 4 of 6 words (67%) in 1 turn(s); Bob Ray speaks 2 (33%) in 1 turn(s).'
    """
    s = turn_summary.set_index("speaker")
    total = int(s["words"].sum())
    lines = [
        f"{a} speaks {int(s.at[a, 'words'])} of {total} words ({s.at[a, 'share_of_words']:.0%}) in "
        f"{int(s.at[a, 'turns'])} turn(s); {b} speaks {int(s.at[b, 'words'])} "
        f"({s.at[b, 'share_of_words']:.0%}) in {int(s.at[b, 'turns'])} turn(s)."
    ]
    first, last = openings.iloc[0], openings.iloc[-1]
    lines.append(f"{first['speaker']} opens the exchange (first paragraph: {first['opening_ritual']}).")
    lines.append(f"{last['speaker']} closes it (last paragraph: {last['closing_ritual']}).")
    for speaker in (a, b):
        own = openings[openings["speaker"] == speaker]
        if len(own):
            lines.append(
                f"{speaker}'s turns open with {', '.join(own['opening_ritual'])} "
                f"and close with {', '.join(own['closing_ritual'])}."
            )
    return lines


def describe_echo(echoes: pd.DataFrame, comparison: pd.DataFrame, top: int = 5) -> list[str]:
    """Findings on echo: the rate against the background baseline and the phrases taken up.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Ann Lee: Mutual trade grows.\\n\\nBob Ray: Trade grows fast. Trade!")
    >>> describe_echo(find_echoes(t.tokens, "Ann Lee", "Bob Ray"),
    ...               compare_echo_with_background(t.tokens, "Ann Lee", "Bob Ray", []))[0]
    "3 of Bob Ray's 4 content words (75%) repeat a word Ann Lee used before; no background baseline
    (no background texts: baseline not computed)."
    """
    lines = []
    for row in comparison.itertuples():
        head = (f"{row.echo_tokens} of {row.speaker}'s {row.content_tokens} content words "
                f"({row.echo_rate:.0%}) repeat a word {row.source} used before")  # fmt: skip
        if np.isnan(row.baseline_mean):
            lines.append(f"{head}; no background baseline ({row.note}).")
        else:
            lines.append(
                f"{head}; same-length stretches of unrelated speeches share {row.baseline_mean:.0%} "
                f"(95% of draws between {row.baseline_low:.0%} and {row.baseline_high:.0%}; "
                f"{row.share_at_or_above:.0%} of draws reach the observed rate)."
            )
        phrases = echoes[(echoes["speaker"] == row.speaker) & (echoes["n"] > 1)].head(top)
        if len(phrases):
            quoted = ", ".join(f"'{p}' ({c}x)" for p, c in zip(phrases["example"], phrases["echo_count"]))
            lines.append(f"Phrases {row.speaker} takes up from {row.source}: {quoted}.")
    return lines
