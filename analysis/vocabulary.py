"""Vocabulary: which words each speaker uses, which set them apart, how varied they are.

Every function takes the tokens table of a :class:`~analysis.transcript.Transcript`
(``transcript.tokens`` or ``transcript.words``) and returns a new DataFrame; no
input is changed.

Which tokens count
------------------
Only word tokens (``is_word``) count, in text order (``token_id``).  Numbers
(``2024``, ``75th``, ``$220``) are **left out by default** (``drop_numbers=True``):
they are word tokens of the transcript, but a date or an amount is not a choice
of vocabulary, and every distinct number would count as a new "type" and lift
the diversity scores.  Pass ``drop_numbers=False`` to keep them.

Terms are lemmas by default for frequencies and keyness (``on="lemma"``:
*country* and *countries* are one term; acronyms keep their capitals, so *US*
is not *us*), and lower-cased word forms for lexical diversity (``on="lower"``:
the diversity measures were defined and validated on word forms).  Stop words
(``drop_stopwords=True``) are dropped from the *listing* only: rates, the
log-odds prior and the keyness statistics are always computed against all
the speaker's words, so the z-score of *friend* does not change when *the*
is hidden.  A term is a stop word when any of its tokens is flagged
``is_stop`` (NLTK's English list, ``data/stopwords_en.txt``).

Statistics
----------
* Weighted log-odds with an informative Dirichlet prior (Monroe, Colaresi &
  Quinn 2008, "Fightin' Words", *Political Analysis* 16(4), eq. 16-22).
* Dunning's (1993) log-likelihood G2 on the full 2x2 table, with Hardie's (2014)
  Log Ratio as its effect size, and Benjamini-Hochberg q-values.
* Lexical diversity: TTR, MATTR (Covington & McFall 2010), MTLD (McCarthy &
  Jarvis 2010), HD-D (McCarthy & Jarvis 2007), and a seeded bootstrap interval
  for MATTR.
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
from scipy import stats

from .errors import TranscriptError
from .transcript import check_speakers, require_nonempty

#: Token columns the functions read.
REQUIRED_COLUMNS = ("token_id", "sentence_id", "speaker", "lower", "lemma", "is_word", "is_number", "is_stop")
#: Columns a term can be taken from.
TERM_FIELDS = ("lemma", "lower")

#: MATTR window (Covington & McFall 2010).  Their examples use 500 words, far
#: longer than these speeches (337 and 705 words); 50 is the window Zenker &
#: Kyle (2021, *Assessing Writing* 47) found stable for texts of 50+ words, and
#: it leaves ~290 windows in the shorter speech.
MATTR_WINDOW = 50
#: MTLD factor threshold (McCarthy & Jarvis 2010, p. 384: the TTR at which a
#: factor ends; they recommend 0.72).
MTLD_THRESHOLD = 0.72
#: HD-D sample size (McCarthy & Jarvis 2007, p. 465: 42 tokens, the sample of
#: the vocd-D procedure).
HDD_SAMPLE = 42
#: Log Ratio's stand-in for a zero count (Hardie 2014): a count of 0 becomes 0.5
#: before the relative frequency is taken; other counts are unchanged.
LOG_RATIO_ZERO = 0.5
#: Pseudo-count added to every background-corpus count, so that a term missing
#: from the background still has a positive prior.
BACKGROUND_SMOOTHING = 0.5

FREQUENCY_COLUMNS = ["term", "count", "words", "per_1000", "rank", "is_stop"]
DISTINCTIVE_COLUMNS = [
    "term", "count_a", "count_b", "total", "per_1000_a", "per_1000_b", "log_odds", "z",
    "g2", "p_value", "q_value", "log_ratio", "favours", "is_stop",
]  # fmt: skip
SHARED_COLUMNS = ["term", "count_a", "count_b", "per_1000_a", "per_1000_b", "used_by", "is_stop"]
OVERLAP_COLUMNS = [
    "speaker_a", "speaker_b", "types_a", "types_b", "shared", "only_a", "only_b", "jaccard", "dice",
    "shared_token_share_a", "shared_token_share_b", "jaccard_equal_length",
]  # fmt: skip
DIVERSITY_COLUMNS = ["words", "types", "ttr", "mattr", "mtld", "hdd", "note"]
MOVING_COLUMNS = ["window", "start_token_id", "end_token_id", "progress", "ttr"]
INTERVAL_COLUMNS = ["mattr", "ci_low", "ci_high", "windows", "n_boot", "level"]
MATTR_COMPARISON_COLUMNS = [
    "speaker_a", "speaker_b", "mattr_a", "mattr_b", "difference", "ci_low", "ci_high",
    "windows_a", "windows_b", "n_boot", "level",
]  # fmt: skip


# --- selecting words ---------------------------------------------------------------------------


def select_words(
    tokens: pd.DataFrame,
    *,
    on: str = "lemma",
    drop_numbers: bool = True,
    columns: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Return the word tokens in text order, with the chosen form as ``term``.

    Parameters
    ----------
    tokens : pandas.DataFrame
        A transcript's ``tokens`` (or ``words``) table.
    on : {"lemma", "lower"}
        Take the term from the lemma or the lower-cased word form.
    drop_numbers : bool, default True
        Leave out number tokens (see the module notes).
    columns : list of str, optional
        Keep only these columns (plus ``token_id`` and ``term``); default all.
        On a large corpus this saves copying every column of every word.

    Returns
    -------
    pandas.DataFrame
        The selected rows plus ``term``, sorted by ``token_id``.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Ann Lee: Our countries traded $220 billion in 2024.")
    >>> select_words(t.tokens)["term"].tolist()
    ['our', 'country', 'trade', 'billion', 'in']
    """
    check_tokens(tokens)
    if on not in TERM_FIELDS:
        raise ValueError(f"on={on!r}: choose one of {TERM_FIELDS}.")
    keep = tokens["is_word"].astype(bool)
    if drop_numbers:
        keep &= ~tokens["is_number"].astype(bool)
    wanted = tokens.columns if columns is None else ["token_id", on, *columns]
    kept = [name for name in dict.fromkeys(wanted) if name in tokens.columns]  # a missing one: caller says
    words = tokens.loc[keep, kept].sort_values("token_id", kind="stable")
    return words.assign(term=words[on].astype(str)).reset_index(drop=True)


def check_tokens(tokens: pd.DataFrame) -> None:
    """Raise a clear :class:`TranscriptError` unless ``tokens`` looks like a tokens table.

    Examples
    --------
    >>> check_tokens(pd.DataFrame({"text": ["hi"]}))
    Traceback (most recent call last):
    ...
    analysis.errors.TranscriptError: The tokens table lacks columns ['token_id', ...]. Pass transcript.tokens.
    """
    if not isinstance(tokens, pd.DataFrame):
        raise TranscriptError(f"Expected the tokens table (a DataFrame), got {type(tokens).__name__}.")
    missing = [c for c in REQUIRED_COLUMNS if c not in tokens.columns]
    if missing:
        raise TranscriptError(f"The tokens table lacks columns {missing}. Pass transcript.tokens.")


def _checked_pair(tokens: pd.DataFrame, a: str, b: str) -> None:
    check_tokens(tokens)
    require_nonempty(tokens, "tokens")
    check_speakers(list(dict.fromkeys(tokens["speaker"])), [a, b], "the tokens table")
    if a == b:
        raise TranscriptError(f"Compare two different speakers (got {a!r} twice).")


def _group_order(words: pd.DataFrame, by: str) -> list:
    if by not in words.columns:
        raise TranscriptError(f"Cannot group by {by!r}: the tokens table has no such column.")
    return list(dict.fromkeys(words[by]))


def _sequences(words: pd.DataFrame, by: str) -> dict:
    """Group -> list of terms in text order."""
    return {key: group["term"].tolist() for key, group in words.groupby(by, sort=False)}


# --- frequencies -------------------------------------------------------------------------------


def word_frequencies(
    tokens: pd.DataFrame,
    by: str = "speaker",
    *,
    on: str = "lemma",
    drop_stopwords: bool = False,
    drop_numbers: bool = True,
) -> pd.DataFrame:
    """Count each term per group, with its rate per 1,000 words.

    Parameters
    ----------
    tokens : pandas.DataFrame
        A transcript's tokens table.
    by : str, default "speaker"
        Column to group by (``"speaker"``, ``"turn"``...).
    on : {"lemma", "lower"}
        Count lemmas or lower-cased word forms.
    drop_stopwords : bool, default False
        Leave stop words out of the listing (the rates keep all words as the base).
    drop_numbers : bool, default True
        Leave numbers out (also from the base ``words``).

    Returns
    -------
    pandas.DataFrame
        ``[by, term, count, words, per_1000, rank, is_stop]``: ``words`` is the
        group's word count, ``per_1000 = 1000 * count / words``, ``rank`` is 1 for
        the most frequent term listed (ties share the best rank).  Groups in order of
        first appearance, then by count (descending) and term.

    Raises
    ------
    TranscriptError
        Empty table, or no words left after dropping numbers.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Ann Lee: Peace and peace.\\n\\nBob Ray: Trade, trade, trade and more.")
    >>> word_frequencies(t.tokens, drop_stopwords=True)[["speaker", "term", "count", "per_1000"]]
       speaker   term  count     per_1000
    0  Ann Lee  peace      2   666.666667
    1  Bob Ray  trade      3   600.000000
    """
    words = select_words(tokens, on=on, drop_numbers=drop_numbers, columns=[by, "is_stop"])
    require_nonempty(words, "word tokens")
    order = _group_order(words, by)
    counts = (
        words.groupby([by, "term"], sort=False)
        .agg(count=("term", "size"), is_stop=("is_stop", "any"))
        .reset_index()
    )
    totals = words.groupby(by, sort=False).size()
    counts["words"] = counts[by].map(totals).astype(int)
    counts["per_1000"] = 1000.0 * counts["count"] / counts["words"]
    if drop_stopwords:
        counts = counts[~counts["is_stop"]]
    counts = counts.assign(rank=counts.groupby(by)["count"].rank(method="min", ascending=False).astype(int))
    position = counts[by].map({key: i for i, key in enumerate(order)})
    counts = counts.assign(_order=position).sort_values(
        ["_order", "count", "term"], ascending=[True, False, True], kind="stable"
    )
    return counts[[by, *FREQUENCY_COLUMNS]].reset_index(drop=True)


def top_terms(frequencies: pd.DataFrame, n: int = 15, by: str = "speaker") -> pd.DataFrame:
    """Keep the ``n`` most frequent terms of each group of a :func:`word_frequencies` table.

    Terms tied at the cut are kept in alphabetical order (the table's order), so
    check ``rank`` before reading much into the last few.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Ann Lee: Peace and peace.\\n\\nBob Ray: Trade, trade, trade and more.")
    >>> top_terms(word_frequencies(t.tokens), n=1)[["speaker", "term"]].values.tolist()
    [['Ann Lee', 'peace'], ['Bob Ray', 'trade']]
    """
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}.")
    return frequencies.groupby(by, sort=False).head(n).reset_index(drop=True)


# --- distinctive terms -------------------------------------------------------------------------


def count_pair(
    tokens: pd.DataFrame, a: str, b: str, *, on: str = "lemma", drop_numbers: bool = True
) -> tuple[pd.DataFrame, int, int]:
    """Count every term for two speakers: ``(table, n_a, n_b)``.

    ``table`` has ``term, count_a, count_b, is_stop`` (terms sorted), ``n_a`` and
    ``n_b`` are the speakers' word counts.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Ann Lee: Peace and peace.\\n\\nBob Ray: Trade and peace.")
    >>> table, n_a, n_b = count_pair(t.tokens, "Ann Lee", "Bob Ray")
    >>> table.values.tolist(), n_a, n_b
    ([['and', 1, 1, True], ['peace', 2, 1, False], ['trade', 0, 1, False]], 3, 3)
    """
    _checked_pair(tokens, a, b)
    words = select_words(tokens, on=on, drop_numbers=drop_numbers)
    words = words[words["speaker"].isin([a, b])]
    n = words["speaker"].value_counts()
    for name in (a, b):
        if n.get(name, 0) == 0:
            raise TranscriptError(f"{name!r} has no words to count (numbers dropped: {drop_numbers}).")
    grid = words.groupby(["term", "speaker"]).size().unstack(fill_value=0)
    grid = grid.reindex(columns=[a, b], fill_value=0)
    stop = words.groupby("term")["is_stop"].any()
    table = pd.DataFrame(
        {
            "term": grid.index.astype(str),
            "count_a": grid[a].to_numpy(dtype=int),
            "count_b": grid[b].to_numpy(dtype=int),
            "is_stop": stop.reindex(grid.index).to_numpy(dtype=bool),
        }
    )
    return table.sort_values("term", kind="stable").reset_index(drop=True), int(n[a]), int(n[b])


def dirichlet_prior(
    terms: pd.Series,
    pooled: np.ndarray,
    prior: str | Mapping | pd.Series | pd.DataFrame = "pooled",
    strength: float | None = None,
) -> tuple[np.ndarray, float]:
    """Return the prior pseudo-counts ``alpha_w`` and their sum ``alpha_0``.

    Parameters
    ----------
    terms : pandas.Series
        The vocabulary.
    pooled : numpy.ndarray
        Each term's count in the two texts together.
    prior : "pooled", mapping, Series or DataFrame
        ``"pooled"``: prior proportions from the pooled counts of the two texts
        (Monroe et al. 2008, sec. 3.5 use a larger corpus; with only two texts
        the pooled counts are the natural stand-in).  Otherwise background-corpus
        counts (``term -> count``, or a DataFrame with ``term`` and ``count``);
        each gets ``BACKGROUND_SMOOTHING`` (0.5) added so that no term has a
        zero prior.
    strength : float, optional
        ``alpha_0``, how many words the prior is worth.  Default: the number of
        words in the two texts, so the prior weighs as much as the data (with
        ``prior="pooled"`` this makes ``alpha_w`` the pooled count itself).

    Examples
    --------
    >>> alpha, alpha0 = dirichlet_prior(pd.Series(["a", "b"]), np.array([3, 1]))
    >>> alpha.tolist(), alpha0
    ([3.0, 1.0], 4.0)
    """
    pooled = np.asarray(pooled, dtype=float)
    if isinstance(prior, str):
        if prior != "pooled":
            raise ValueError(f"prior={prior!r}: use 'pooled' or background counts (term -> count).")
        weights = pooled
    else:
        background = _background_counts(prior)
        weights = background.reindex(terms.astype(str)).fillna(0.0).to_numpy(float) + BACKGROUND_SMOOTHING
    alpha0 = float(pooled.sum()) if strength is None else float(strength)
    if not alpha0 > 0:
        raise ValueError(f"The prior strength must be positive, got {strength!r}.")
    return alpha0 * weights / weights.sum(), alpha0


def _background_counts(prior) -> pd.Series:
    if isinstance(prior, pd.DataFrame):
        if not {"term", "count"} <= set(prior.columns):
            raise TranscriptError("A background DataFrame needs 'term' and 'count' columns.")
        series = prior.groupby(prior["term"].astype(str))["count"].sum()
    else:
        series = pd.Series(prior, dtype=float)
        series.index = series.index.astype(str)
    series = series.astype(float)
    if (series < 0).any() or series.isna().any():
        raise TranscriptError("Background counts must be non-negative numbers.")
    return series


def _log_odds(count: np.ndarray, n: int, alpha: np.ndarray, alpha0: float) -> np.ndarray:
    """log[(y_w + a_w) / (n + a_0 - y_w - a_w)]: one speaker's smoothed log-odds of w."""
    return np.log(count + alpha) - np.log(n + alpha0 - count - alpha)


def _xlogx(observed: np.ndarray, expected: np.ndarray) -> np.ndarray:
    """O * ln(O / E), with 0 * ln 0 = 0."""
    safe_o = np.where(observed > 0, observed, 1.0)
    safe_e = np.where(observed > 0, expected, 1.0)
    return np.where(observed > 0, observed * np.log(safe_o / safe_e), 0.0)


def log_likelihood(count_a, count_b, n_a: int, n_b: int) -> np.ndarray:
    """Dunning's G2 for each term, on the full 2x2 table (term / other words x speaker).

    ``G2 = 2 * sum(O * ln(O / E))`` over the four cells, ``E`` from the margins.
    (The two-cell shortcut of some keyness calculators, e.g. UCREL's, leaves out
    the "other words" cells and gives slightly smaller values.)

    Examples
    --------
    >>> # [[10, 0], [90, 100]], all E = row * 100 / 200: 2 * (10 ln 2 + 90 ln(90/95) + 100 ln(100/95))
    >>> log_likelihood(np.array([10]), np.array([0]), 100, 100).round(4).tolist()
    [14.3895]
    """
    ca = np.asarray(count_a, dtype=float)
    cb = np.asarray(count_b, dtype=float)
    total = float(n_a + n_b)
    row = ca + cb
    rest = total - row
    e_a, e_b = row * n_a / total, row * n_b / total
    r_a, r_b = rest * n_a / total, rest * n_b / total
    side_a = _xlogx(ca, e_a) + _xlogx(n_a - ca, r_a)
    side_b = _xlogx(cb, e_b) + _xlogx(n_b - cb, r_b)
    return 2.0 * (side_a + side_b)


def log_ratio(count_a, count_b, n_a: int, n_b: int) -> np.ndarray:
    """Hardie's (2014) Log Ratio: ``log2`` of the ratio of the relative frequencies.

    A zero count is replaced by ``LOG_RATIO_ZERO`` (0.5) first, so a term used by one
    speaker only gets a finite value; 1 means "twice as frequent", -1 "half as".

    Examples
    --------
    >>> # log2((4/100) / (1/200)) = log2(8); log2((0.5/100) / (3/200)) = log2(1/3)
    >>> log_ratio(np.array([4, 0]), np.array([1, 3]), 100, 200).tolist()
    [3.0, -1.584962500721156]
    """
    ca = np.asarray(count_a, dtype=float)
    cb = np.asarray(count_b, dtype=float)
    ca = np.where(ca == 0, LOG_RATIO_ZERO, ca)
    cb = np.where(cb == 0, LOG_RATIO_ZERO, cb)
    return np.log2(ca / n_a) - np.log2(cb / n_b)


def distinctive_terms(
    tokens: pd.DataFrame,
    a: str,
    b: str,
    *,
    on: str = "lemma",
    prior: str | Mapping | pd.Series | pd.DataFrame = "pooled",
    prior_strength: float | None = None,
    min_count: int = 1,
    drop_stopwords: bool = False,
    drop_numbers: bool = True,
) -> pd.DataFrame:
    """Which terms set speaker ``a`` apart from ``b``: log-odds z, G2 and Log Ratio.

    For each term ``w`` with counts ``y_a``, ``y_b`` in ``n_a``, ``n_b`` words:

    * ``log_odds`` (Monroe, Colaresi & Quinn 2008, eq. 16) =
      ``log[(y_a + a_w) / (n_a + a_0 - y_a - a_w)] - log[(y_b + a_w) / (n_b + a_0 - y_b - a_w)]``
      with the informative Dirichlet prior ``a_w`` (see :func:`dirichlet_prior`);
      ``z = log_odds / sqrt(1 / (y_a + a_w) + 1 / (y_b + a_w))`` (eq. 18-20).
      ``|z| > 1.96`` is the authors' conventional cut.
    * ``g2``: Dunning's log-likelihood (:func:`log_likelihood`), ``p_value`` from
      chi-square with 1 df, ``q_value`` its Benjamini-Hochberg adjustment over
      the rows returned (many terms are tested at once).
    * ``log_ratio``: Hardie's effect size (:func:`log_ratio`), so a significant
      G2 always comes with how big the difference is.

    Positive ``log_odds``, ``z``, ``log_ratio`` favour ``a``; swapping ``a`` and
    ``b`` flips their sign exactly and leaves ``g2``, ``p_value`` and ``q_value`` unchanged.

    Parameters
    ----------
    tokens : pandas.DataFrame
        A transcript's tokens table.
    a, b : str
        The two speakers.
    on : {"lemma", "lower"}
        Compare lemmas (default) or word forms.
    prior, prior_strength
        The Dirichlet prior: ``"pooled"`` or background counts, and ``alpha_0``
        (see :func:`dirichlet_prior`).
    min_count : int, default 1
        Keep terms used at least this often by the two together.
    drop_stopwords : bool, default False
        Hide stop words from the result (statistics unchanged).
    drop_numbers : bool, default True
        Leave numbers out (they then count in neither ``n``).

    Returns
    -------
    pandas.DataFrame
        ``term, count_a, count_b, total, per_1000_a, per_1000_b, log_odds, z, g2,
        p_value, q_value, log_ratio, favours, is_stop``, sorted by ``z``
        (most ``a``-like first).  ``favours`` names the speaker ``z`` points to
        (empty when ``z`` is 0).

    Raises
    ------
    SpeakerNotFoundError, TranscriptError
        Unknown speaker, the same speaker twice, empty table, a speaker without words.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Ann Lee: Peace and peace.\\n\\nBob Ray: Trade and peace.")
    >>> d = distinctive_terms(t.tokens, "Ann Lee", "Bob Ray")
    >>> d[["term", "count_a", "count_b", "favours"]].values.tolist()
    [['peace', 2, 1, 'Ann Lee'], ['and', 1, 1, ''], ['trade', 0, 1, 'Bob Ray']]
    >>> round(float(d.loc[0, "log_ratio"]), 3)
    1.0
    """
    if min_count < 1:
        raise ValueError(f"min_count must be at least 1, got {min_count}.")
    table, n_a, n_b = count_pair(tokens, a, b, on=on, drop_numbers=drop_numbers)
    ca = table["count_a"].to_numpy(float)
    cb = table["count_b"].to_numpy(float)
    alpha, alpha0 = dirichlet_prior(table["term"], ca + cb, prior, prior_strength)
    if len(table) == 1:  # one term only: both speakers use it all the time; nothing differs
        delta = np.zeros(1)
    else:
        delta = _log_odds(ca, n_a, alpha, alpha0) - _log_odds(cb, n_b, alpha, alpha0)
    z = delta / np.sqrt(1.0 / (ca + alpha) + 1.0 / (cb + alpha))
    g2 = log_likelihood(ca, cb, n_a, n_b)
    out = table.assign(
        total=table["count_a"] + table["count_b"],
        per_1000_a=1000.0 * ca / n_a,
        per_1000_b=1000.0 * cb / n_b,
        log_odds=delta,
        z=z,
        g2=g2,
        p_value=stats.chi2.sf(g2, df=1),
        log_ratio=log_ratio(ca, cb, n_a, n_b),
        favours=np.where(z > 0, a, np.where(z < 0, b, "")),
    )
    out = out[out["total"] >= min_count]
    out = out.assign(q_value=_benjamini_hochberg(out["p_value"].to_numpy()))
    if drop_stopwords:
        out = out[~out["is_stop"]]
    out = out.sort_values(["z", "term"], ascending=[False, True], kind="stable")
    return out[DISTINCTIVE_COLUMNS].reset_index(drop=True)


def top_keyness(table: pd.DataFrame, n: int = 14) -> pd.DataFrame:
    """The ``n`` terms with the largest G2 (ties by term), then sorted by Log Ratio.

    Examples
    --------
    >>> t = pd.DataFrame({"term": ["x", "y", "z"], "g2": [1.0, 2.0, 3.0], "log_ratio": [1.0, -1.0, 2.0]})
    >>> top_keyness(t, 2)["term"].tolist()
    ['z', 'y']
    """
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}.")
    rows = table.sort_values(["g2", "term"], ascending=[False, True], kind="stable").head(n)
    return rows.sort_values(["log_ratio", "term"], ascending=[False, True], kind="stable").reset_index(
        drop=True
    )


def _benjamini_hochberg(p: np.ndarray) -> np.ndarray:
    return stats.false_discovery_control(p) if len(p) else np.array([], dtype=float)


# --- shared vocabulary -------------------------------------------------------------------------


def shared_vocabulary(
    tokens: pd.DataFrame,
    a: str,
    b: str,
    *,
    on: str = "lemma",
    drop_stopwords: bool = False,
    drop_numbers: bool = True,
) -> pd.DataFrame:
    """List each term with who uses it: both, only ``a``, or only ``b``.

    Returns
    -------
    pandas.DataFrame
        ``term, count_a, count_b, per_1000_a, per_1000_b, used_by, is_stop``;
        ``used_by`` is ``"both"`` or the one speaker's name; rates are per 1,000
        of the speaker's words (all words, whatever is listed).  Sorted: shared terms, ``a``'s own, ``b``'s
        own, each by total count (descending) then term.  See
        :func:`vocabulary_overlap` for the summary measures.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Ann Lee: Peace and peace.\\n\\nBob Ray: Trade and peace.")
    >>> shared_vocabulary(t.tokens, "Ann Lee", "Bob Ray")[["term", "used_by"]].values.tolist()
    [['peace', 'both'], ['and', 'both'], ['trade', 'Bob Ray']]
    """
    table, n_a, n_b = count_pair(tokens, a, b, on=on, drop_numbers=drop_numbers)
    if drop_stopwords:
        table = table[~table["is_stop"]]
    table = table.assign(
        per_1000_a=1000.0 * table["count_a"] / n_a, per_1000_b=1000.0 * table["count_b"] / n_b
    )
    both = (table["count_a"] > 0) & (table["count_b"] > 0)
    used_by = np.where(both, "both", np.where(table["count_a"] > 0, a, b))
    group = np.where(both, 0, np.where(table["count_a"] > 0, 1, 2))
    out = table.assign(used_by=used_by, _group=group, _total=table["count_a"] + table["count_b"])
    out = out.sort_values(["_group", "_total", "term"], ascending=[True, False, True], kind="stable")
    return out[SHARED_COLUMNS].reset_index(drop=True)


def vocabulary_overlap(
    tokens: pd.DataFrame,
    a: str,
    b: str,
    *,
    on: str = "lemma",
    drop_stopwords: bool = False,
    drop_numbers: bool = True,
) -> pd.DataFrame:
    """Summarise how much vocabulary two speakers share (one row).

    * ``jaccard`` = shared types / all types; ``dice`` = 2 shared / (types_a + types_b).
    * ``shared_token_share_a``: the share of ``a``'s words (tokens) that are shared terms.
    * ``jaccard_equal_length``: the Jaccard index with the longer speaker cut to
      the shorter one's length, averaged over every contiguous stretch of that
      length (deterministic).  The plain Jaccard depends on length: a longer
      text has more types of its own.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Ann Lee: Peace and peace.\\n\\nBob Ray: Trade and peace.")
    >>> row = vocabulary_overlap(t.tokens, "Ann Lee", "Bob Ray").iloc[0]
    >>> int(row["shared"]), float(row["jaccard"]), float(row["dice"])
    (2, 0.6666666666666666, 0.8)
    """
    _checked_pair(tokens, a, b)
    words = select_words(tokens, on=on, drop_numbers=drop_numbers)
    if drop_stopwords:
        stop_terms = set(words.loc[words["is_stop"], "term"])
        words = words[~words["term"].isin(stop_terms)]
    seqs = _sequences(words[words["speaker"].isin([a, b])], "speaker")
    seq_a, seq_b = seqs.get(a, []), seqs.get(b, [])
    for name, seq in ((a, seq_a), (b, seq_b)):
        if not seq:
            raise TranscriptError(f"{name!r} has no words left to compare.")
    set_a, set_b = set(seq_a), set(seq_b)
    shared = set_a & set_b
    row = {
        "speaker_a": a,
        "speaker_b": b,
        "types_a": len(set_a),
        "types_b": len(set_b),
        "shared": len(shared),
        "only_a": len(set_a - set_b),
        "only_b": len(set_b - set_a),
        "jaccard": len(shared) / len(set_a | set_b),
        "dice": 2 * len(shared) / (len(set_a) + len(set_b)),
        "shared_token_share_a": sum(t in shared for t in seq_a) / len(seq_a),
        "shared_token_share_b": sum(t in shared for t in seq_b) / len(seq_b),
        "jaccard_equal_length": _jaccard_equal_length(seq_a, seq_b),
    }
    return pd.DataFrame([row], columns=OVERLAP_COLUMNS)


def _jaccard_equal_length(seq_a: list, seq_b: list) -> float:
    short, long_ = (seq_a, seq_b) if len(seq_a) <= len(seq_b) else (seq_b, seq_a)
    k, short_set = len(short), set(short)
    counts = Counter(long_[:k])
    values = []
    for start in range(len(long_) - k + 1):
        if start:
            out, new = long_[start - 1], long_[start + k - 1]
            counts[out] -= 1
            if counts[out] == 0:
                del counts[out]
            counts[new] += 1
        inter = sum(1 for t in counts if t in short_set)
        values.append(inter / (len(short_set) + len(counts) - inter))
    return float(np.mean(values))


# --- lexical diversity: one sequence ----------------------------------------------------------


def _require_length(words: Sequence, needed: int, what: str) -> None:
    if len(words) < needed:
        raise TranscriptError(f"{what} needs at least {needed} words; the text has {len(words)}.")


def score_ttr(words: Sequence) -> float:
    """Type-token ratio: distinct terms / terms.  Falls as a text gets longer.

    Examples
    --------
    >>> score_ttr("a b a c".split())
    0.75
    """
    _require_length(words, 1, "TTR")
    return len(set(words)) / len(words)


def window_types(words: Sequence, window: int = MATTR_WINDOW) -> np.ndarray:
    """Number of distinct terms in every window of ``window`` consecutive terms.

    Examples
    --------
    >>> window_types("a b a c".split(), 2).tolist()
    [2, 2, 2]
    """
    if not isinstance(window, (int, np.integer)) or window < 1:
        raise ValueError(f"The window must be a positive whole number of words, got {window!r}.")
    _require_length(words, window, f"A {window}-word window")
    # Word j is new in the windows starting at s, p[j] < s <= j (p[j]: its previous
    # occurrence), so it adds 1 to the starts max(p[j] + 1, j - window + 1) .. j:
    # a difference array summed once, linear in the text length.
    n = len(words)
    codes = pd.factorize(pd.Series(list(words), dtype=object))[0]
    position = np.arange(n)
    previous = np.full(n, -1)
    order = np.lexsort((position, codes))
    same = codes[order][1:] == codes[order][:-1]
    previous[order[1:][same]] = order[:-1][same]
    first = np.maximum(previous + 1, position - window + 1)
    change = np.bincount(first, minlength=n + 1) - np.bincount(position + 1, minlength=n + 1)
    return np.cumsum(change)[: n - window + 1].astype(int)


def score_mattr(words: Sequence, window: int = MATTR_WINDOW) -> float:
    """Moving-average TTR (Covington & McFall 2010): the mean TTR of every window.

    With ``n`` terms there are ``n - window + 1`` windows (tokens 1..w, 2..w+1, ...).
    Unlike TTR it does not fall with text length.  ``window`` defaults to
    ``MATTR_WINDOW`` = 50 (see the constant for why).

    Examples
    --------
    >>> score_mattr("a b a c".split(), window=2)  # windows ab, ba, ac: all TTR 1
    1.0
    >>> score_mattr("a a b b".split(), window=2)  # aa .5, ab 1, bb .5 -> 2/3
    0.6666666666666666
    """
    types = window_types(words, window)
    return float(types.sum() / (len(types) * window))


def _mtld_pass(words: Sequence, threshold: float) -> float:
    factors, seen, length, ttr = 0.0, set(), 0, 1.0
    for word in words:
        length += 1
        seen.add(word)
        ttr = len(seen) / length
        if ttr <= threshold:
            factors += 1
            seen, length = set(), 0
    if length:
        factors += (1 - ttr) / (1 - threshold)
    return len(words) / factors


def score_mtld(words: Sequence, threshold: float = MTLD_THRESHOLD) -> float:
    """Measure of Textual Lexical Diversity (McCarthy & Jarvis 2010), bidirectional.

    Reading forwards, the running TTR is tracked; each time it falls to
    ``threshold`` (0.72, McCarthy & Jarvis 2010, p. 384) a *factor* ends and
    the count restarts.  The leftover stretch adds a partial factor
    ``(1 - TTR) / (1 - threshold)``.  MTLD is words / factors; the reported
    value is the mean of the forward and backward passes.

    Raises
    ------
    TranscriptError
        Empty text, or every word differs (no factor: MTLD is unbounded).

    Examples
    --------
    >>> # forward a,a: TTR 1, .5 <= .72 -> 1 factor; a,b: leftover TTR 1 -> +0 ; 4/1 = 4
    >>> score_mtld("a a a b".split())  # backward b,a 1; a .67 -> 1 factor; a: +0 -> 4
    4.0
    """
    if not 0 < threshold < 1:
        raise ValueError(f"The MTLD threshold must lie between 0 and 1, got {threshold}.")
    _require_length(words, 1, "MTLD")
    if len(set(words)) == len(words):
        raise TranscriptError(
            f"MTLD is unbounded: all {len(words)} words differ, so the TTR never falls to {threshold}."
        )
    words = list(words)
    return (_mtld_pass(words, threshold) + _mtld_pass(words[::-1], threshold)) / 2


def score_hdd(words: Sequence, sample: int = HDD_SAMPLE) -> float:
    """HD-D (McCarthy & Jarvis 2007): the expected TTR of a random ``sample``-word draw.

    For each type with frequency ``f`` in ``N`` words, the hypergeometric chance
    that a draw of ``sample`` words (without replacement) contains it at least
    once is ``1 - P(X = 0)`` (``scipy.stats.hypergeom``); each type contributes that
    chance / ``sample`` (McCarthy & Jarvis 2007, pp. 465-466).  Multiply by
    ``sample`` for the expected number of types.  ``sample`` = 42 as in the paper.

    Examples
    --------
    >>> # 4 words, draw 2: 'a' (f=2) missed with P = C(2,2)/C(4,2) = 1/6; 'b', 'c' (f=1) with 3/6
    >>> round(score_hdd("a a b c".split(), sample=2), 10)  # (5/6 + 1/2 + 1/2) / 2
    0.9166666667
    """
    if not isinstance(sample, (int, np.integer)) or sample < 1:
        raise ValueError(f"The HD-D sample must be a positive whole number, got {sample!r}.")
    _require_length(words, sample, f"HD-D with a {sample}-word sample")
    freqs = np.array(list(Counter(words).values()))
    return float(np.sum(1.0 - _miss_chance(len(words), freqs, sample)) / sample)


def _miss_chance(total: int, freqs: np.ndarray, sample: int) -> np.ndarray:
    """``hypergeom.pmf(0, total, freqs, sample)`` = prod_i (total - f - i) / (total - i), i < sample.

    Computed once per distinct frequency (a text has few), ~100 times faster than
    scipy's general pmf on every type.
    """
    distinct, inverse = np.unique(freqs, return_inverse=True)
    steps = np.arange(sample)
    ratios = (total - distinct[:, None] - steps) / (total - steps)
    return np.prod(np.clip(ratios, 0.0, None), axis=1)[inverse]


# --- lexical diversity: tables -------------------------------------------------------------


def lexical_diversity(
    tokens: pd.DataFrame,
    by: str = "speaker",
    *,
    on: str = "lower",
    drop_numbers: bool = True,
    window: int = MATTR_WINDOW,
    threshold: float = MTLD_THRESHOLD,
    sample: int = HDD_SAMPLE,
) -> pd.DataFrame:
    """TTR, MATTR, MTLD and HD-D for each group.

    Raw TTR falls as a text gets longer, so it cannot compare speeches of
    different lengths; the three others are designed not to.

    Parameters
    ----------
    tokens : pandas.DataFrame
        A transcript's tokens table.
    by : str, default "speaker"
        Column to group by.
    on : {"lower", "lemma"}
        Word forms (default, as in the measures' validation studies) or lemmas.
    drop_numbers : bool, default True
        Leave numbers out.
    window : int, default 50
        MATTR window, Covington & McFall (2010); 50 because the texts are short
        (Zenker & Kyle 2021; see ``MATTR_WINDOW``).
    threshold : float, default 0.72
        MTLD factor threshold, McCarthy & Jarvis (2010, p. 384).
    sample : int, default 42
        HD-D sample size, McCarthy & Jarvis (2007, p. 465).

    Returns
    -------
    pandas.DataFrame
        ``[by, words, types, ttr, mattr, mtld, hdd, note]``.  A measure that is
        undefined for a group (too few words) is NaN and ``note`` says why;
        ``note`` is empty otherwise.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Ann Lee: a b a c a b.\\n\\nBob Ray: x y.")
    >>> d = lexical_diversity(t.tokens, window=2, sample=2)
    >>> d[["speaker", "words", "types", "ttr", "mattr"]].values.tolist()
    [['Ann Lee', 6, 3, 0.5, 1.0], ['Bob Ray', 2, 2, 1.0, 1.0]]
    >>> d.loc[1, "note"]
    'MTLD is unbounded: all 2 words differ, so the TTR never falls to 0.72.'
    """
    words = select_words(tokens, on=on, drop_numbers=drop_numbers)
    require_nonempty(words, "word tokens")
    _group_order(words, by)
    rows = []
    for key, seq in _sequences(words, by).items():
        values, notes = {}, []
        for name, func, arg in (
            ("ttr", score_ttr, None),
            ("mattr", score_mattr, window),
            ("mtld", score_mtld, threshold),
            ("hdd", score_hdd, sample),
        ):
            try:
                values[name] = func(seq) if arg is None else func(seq, arg)
            except TranscriptError as error:
                values[name] = np.nan
                notes.append(f"{error}")
        rows.append({by: key, "words": len(seq), "types": len(set(seq)), **values, "note": " ".join(notes)})
    return pd.DataFrame(rows, columns=[by, *DIVERSITY_COLUMNS])


def moving_ttr(
    tokens: pd.DataFrame,
    window: int = MATTR_WINDOW,
    by: str = "speaker",
    *,
    on: str = "lower",
    drop_numbers: bool = True,
) -> pd.DataFrame:
    """The TTR of every ``window``-word stretch along each group's text (MATTR's windows).

    Returns
    -------
    pandas.DataFrame
        ``[by, window, start_token_id, end_token_id, progress, ttr]``: ``window``
        numbers the windows from 0, ``start/end_token_id`` are the first and last
        tokens of the window, ``progress`` is the window's centre as a share of the
        group's text (0 to 1), so speeches of different length share one axis.
        The mean of ``ttr`` per group is its MATTR.  A group with fewer words
        than ``window`` has no window and no rows (its MATTR is undefined too:
        see :func:`lexical_diversity`, which says so in its ``note``).

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Ann Lee: a a b b.")
    >>> moving_ttr(t.tokens, window=2)[["progress", "ttr"]].values.tolist()
    [[0.25, 0.5], [0.5, 1.0], [0.75, 0.5]]
    """
    words = select_words(tokens, on=on, drop_numbers=drop_numbers)
    require_nonempty(words, "word tokens")
    _group_order(words, by)
    frames = []
    for key, group in words.groupby(by, sort=False):
        seq = group["term"].tolist()
        if len(seq) < window:
            continue
        types = window_types(seq, window)
        ids = group["token_id"].to_numpy()
        starts = np.arange(len(types))
        frames.append(
            pd.DataFrame(
                {
                    by: key,
                    "window": starts,
                    "start_token_id": ids[starts],
                    "end_token_id": ids[starts + window - 1],
                    "progress": (starts + window / 2) / len(seq),
                    "ttr": types / window,
                }
            )
        )
    if not frames:
        empty = {by: [], "window": [], "start_token_id": [], "end_token_id": [], "progress": [], "ttr": []}
        return pd.DataFrame(empty).astype({"progress": float, "ttr": float})[[by, *MOVING_COLUMNS]]
    return pd.concat(frames, ignore_index=True)[[by, *MOVING_COLUMNS]]


def _speaker_rng(seed: int, name) -> np.random.Generator:
    """A generator that depends on the seed and the group's name only, not on order."""
    return np.random.default_rng([seed, zlib.crc32(str(name).encode("utf-8"))])


def _mattr_replicates(seq: list, window: int, n_boot: int, rng: np.random.Generator) -> np.ndarray:
    """Bootstrap replicates of MATTR by resampling non-overlapping windows.

    Each replicate picks a random phase ``p`` (0 .. window-1), cuts the text into
    the non-overlapping windows starting at ``p, p + window, ...``, resamples them
    with replacement and averages their TTRs.  Over all phases the windows are
    exactly MATTR's, so the replicates centre on MATTR; resampling whole windows
    keeps word order inside each window and avoids the bias of resampling
    sentences (a duplicated sentence lowers every diversity score).
    """
    ttr = window_types(seq, window) / window
    out = np.empty(n_boot)
    phases = rng.integers(0, min(window, len(ttr)), size=n_boot)
    for i, phase in enumerate(phases):
        starts = np.arange(phase, len(ttr), window)
        out[i] = ttr[rng.choice(starts, size=len(starts), replace=True)].mean()
    return out


def _check_bootstrap(n_boot: int, level: float) -> None:
    if n_boot < 1:
        raise ValueError(f"n_boot must be at least 1, got {n_boot}.")
    if not 0 < level < 1:
        raise ValueError(f"level must lie between 0 and 1, got {level}.")


def mattr_intervals(
    tokens: pd.DataFrame,
    by: str = "speaker",
    *,
    on: str = "lower",
    drop_numbers: bool = True,
    window: int = MATTR_WINDOW,
    n_boot: int = 2000,
    level: float = 0.95,
    seed: int = 0,
) -> pd.DataFrame:
    """MATTR with a seeded bootstrap percentile interval, per group.

    The replicates resample non-overlapping ``window``-word stretches (random
    phase each time; see ``_mattr_replicates``).  Each group's random stream
    depends only on ``seed`` and the group's name, so a speaker's interval does not
    change with who else is in the table.

    Returns
    -------
    pandas.DataFrame
        ``[by, mattr, ci_low, ci_high, windows, n_boot, level]``; ``windows`` is the
        number of non-overlapping windows the text holds (the effective sample);
        a group shorter than ``window`` gets NaN values and 0 windows.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Ann Lee: a b a c a b a d a b a c.")
    >>> mattr_intervals(t.tokens, window=4, n_boot=200)[["mattr", "windows"]].values.tolist()
    [[0.75, 3.0]]
    """
    _check_bootstrap(n_boot, level)
    words = select_words(tokens, on=on, drop_numbers=drop_numbers)
    require_nonempty(words, "word tokens")
    _group_order(words, by)
    rows = []
    tail = 100 * (1 - level) / 2
    for key, seq in _sequences(words, by).items():
        if len(seq) < window:  # MATTR undefined: NaN, and 0 windows say why
            rows.append([key, np.nan, np.nan, np.nan, 0, n_boot, level])
            continue
        reps = _mattr_replicates(seq, window, n_boot, _speaker_rng(seed, key))
        low, high = np.percentile(reps, [tail, 100 - tail])
        rows.append([key, score_mattr(seq, window), low, high, len(seq) // window, n_boot, level])
    return pd.DataFrame(rows, columns=[by, *INTERVAL_COLUMNS])


def compare_mattr(
    tokens: pd.DataFrame,
    a: str,
    b: str,
    *,
    on: str = "lower",
    drop_numbers: bool = True,
    window: int = MATTR_WINDOW,
    n_boot: int = 2000,
    level: float = 0.95,
    seed: int = 0,
) -> pd.DataFrame:
    """The MATTR difference ``a - b`` with a seeded bootstrap percentile interval (one row).

    When a speaker has fewer words than ``window``, MATTR is undefined and the
    row holds NaN values (``windows_a``/``windows_b`` show why: 0 windows).

    ``windows_a`` and ``windows_b`` count the non-overlapping windows each text holds:
    the interval rests on that many independent-ish pieces, so it is rough when
    they are few.

    Uses the same replicates as :func:`mattr_intervals` (same ``seed``), one
    independent stream per speaker, so swapping ``a`` and ``b`` negates the
    difference and mirrors the interval.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Ann Lee: a b c d a b c d.\\n\\nBob Ray: a a b b a a b b.")
    >>> row = compare_mattr(t.tokens, "Ann Lee", "Bob Ray", window=2, n_boot=100).iloc[0]
    >>> float(row["mattr_a"]), float(row["mattr_b"]), float(row["difference"])
    (1.0, 0.7142857142857143, 0.2857142857142857)
    """
    _checked_pair(tokens, a, b)
    _check_bootstrap(n_boot, level)
    words = select_words(tokens, on=on, drop_numbers=drop_numbers)
    seqs = _sequences(words[words["speaker"].isin([a, b])], "speaker")
    short = [name for name in (a, b) if len(seqs.get(name, [])) < window]
    if short:  # a defined result, not an error: the notebook still runs on short texts
        windows = [len(seqs.get(name, [])) // window for name in (a, b)]
        row = [a, b, np.nan, np.nan, np.nan, np.nan, np.nan, *windows, n_boot, level]
        return pd.DataFrame([row], columns=MATTR_COMPARISON_COLUMNS)
    reps = {name: _mattr_replicates(seqs[name], window, n_boot, _speaker_rng(seed, name)) for name in (a, b)}
    tail = 100 * (1 - level) / 2
    low, high = np.percentile(reps[a] - reps[b], [tail, 100 - tail])
    value_a, value_b = score_mattr(seqs[a], window), score_mattr(seqs[b], window)
    windows = [len(seqs[name]) // window for name in (a, b)]
    row = [a, b, value_a, value_b, value_a - value_b, low, high, *windows, n_boot, level]
    return pd.DataFrame([row], columns=MATTR_COMPARISON_COLUMNS)


# --- findings ----------------------------------------------------------------------------------


def _join(items: Sequence[str]) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def describe_frequencies(frequencies: pd.DataFrame, a: str, b: str, n: int = 5) -> list[str]:
    """Sentences naming each speaker's most frequent terms with their rates.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Ann Lee: Peace and peace.\\n\\nBob Ray: Trade, trade, trade and more.")
    >>> describe_frequencies(word_frequencies(t.tokens, drop_stopwords=True), "Ann Lee", "Bob Ray", n=1)[0]
    "Of Ann Lee's 3 words, the most frequent listed: 'peace' (2 times, 666.7 per 1,000 words)."
    """
    out = []
    for name in (a, b):
        rows = frequencies[frequencies["speaker"] == name].head(n)
        if rows.empty:
            out.append(f"{name} has no words in this table.")
            continue
        listed = _join(
            [f"'{r.term}' ({r.count} times, {r.per_1000:.1f} per 1,000 words)" for r in rows.itertuples()]
        )
        out.append(f"Of {name}'s {rows['words'].iloc[0]} words, the most frequent listed: {listed}.")
    return out


def describe_distinctive(table: pd.DataFrame, a: str, b: str, n: int = 5, z: float = 1.96) -> list[str]:
    """Sentences on the terms that lean most to each speaker, with an honest multiple-testing note.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Ann Lee: Peace and peace.\\n\\nBob Ray: Trade and peace.")
    >>> describe_distinctive(distinctive_terms(t.tokens, "Ann Lee", "Bob Ray"), "Ann Lee", "Bob Ray")[0]
    "Terms leaning most towards Ann Lee: 'peace' (z = +0.67; 2 vs 1 uses); none passes |z| > 1.96."
    """
    out = []
    for name, side in ((a, table["z"] > 0), (b, table["z"] < 0)):
        rows = table[side]
        rows = rows.loc[rows["z"].abs().sort_values(ascending=False, kind="stable").index].head(n)
        if rows.empty:
            out.append(f"No term leans towards {name}.")
            continue
        listed = _join(
            [f"'{r.term}' (z = {r.z:+.2f}; {r.count_a} vs {r.count_b} uses)" for r in rows.itertuples()]
        )
        passing = int((table.loc[side, "z"].abs() > z).sum())
        tail = f"{passing} terms pass |z| > {z}" if passing else f"none passes |z| > {z}"
        out.append(f"Terms leaning most towards {name}: {listed}; {tail}.")
    tested, passing = len(table), int((table["z"].abs() > z).sum())
    out.append(
        f"{passing} of the {tested} terms listed pass |z| > {z}; with that many terms, about "
        f"{0.05 * tested:.0f} would pass by chance alone if the two chose words alike, so single "
        f"terms are hints, not proof. {int((table['q_value'] < 0.05).sum())} terms keep a significant "
        "G2 after the Benjamini-Hochberg correction (q < 0.05)."
    )
    if len(table):
        top = table.loc[table["g2"].idxmax()]
        who, other = (a, b) if top["log_ratio"] > 0 else (b, a)
        zero = min(top["count_a"], top["count_b"]) == 0
        size = (
            f"{other} never uses it (the 0.5 stand-in for zero makes the ratio a rough figure)"
            if zero
            else f"{who} uses it {2 ** abs(top['log_ratio']):.1f} times as often per word"
        )
        out.append(
            f"The largest log-likelihood is for '{top['term']}' ({top['count_a']} vs {top['count_b']} uses; "
            f"G2 = {top['g2']:.2f}, p = {top['p_value']:.3g}, q = {top['q_value']:.2f}; "
            f"Log Ratio {top['log_ratio']:+.2f}): {size}."
        )
    return out


def describe_diversity(diversity: pd.DataFrame, comparison: pd.DataFrame, a: str, b: str) -> list[str]:
    """Sentences comparing lexical diversity, from :func:`lexical_diversity` and :func:`compare_mattr`.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Ann Lee: a b c d a b c d.\\n\\nBob Ray: a a b b a a b b.")
    >>> d = lexical_diversity(t.tokens, window=2, sample=2)
    >>> c = compare_mattr(t.tokens, "Ann Lee", "Bob Ray", window=2, n_boot=50)
    >>> describe_diversity(d, c, "Ann Lee", "Bob Ray")[0]
    'Raw type-token ratio: Ann Lee 0.500 (8 words), Bob Ray 0.250 (8 words); the two are of similar ...'
    """
    rows = diversity.set_index("speaker")
    ra, rb = rows.loc[a], rows.loc[b]
    longer = a if ra["words"] > rb["words"] else b
    ratio = max(ra["words"], rb["words"]) / min(ra["words"], rb["words"])
    length = (
        f"{longer} spoke {ratio:.1f} times as many words, and TTR falls with length, so it cannot settle "
        "who is more varied"
        if ratio >= 1.1
        else "the two are of similar length, so TTR is a fair first look"
    )
    out = [
        f"Raw type-token ratio: {a} {ra['ttr']:.3f} ({ra['words']} words), {b} {rb['ttr']:.3f} "
        f"({rb['words']} words); {length}."
    ]
    c = comparison.iloc[0]
    if pd.isna(c["difference"]):
        out.append(
            f"MATTR needs at least {MATTR_WINDOW} words per speaker at the default window; "
            f"{a} has {ra['words']} and {b} {rb['words']}, so no MATTR comparison is made."
        )
        return out
    higher = a if c["difference"] > 0 else b
    verdict = (
        f"the interval excludes 0, so {higher}'s higher MATTR is larger than window-to-window noise"
        if c["ci_low"] > 0 or c["ci_high"] < 0
        else "the interval includes 0, so the difference is within window-to-window noise"
    )
    out.append(
        f"MATTR: {a} {c['mattr_a']:.3f}, {b} {c['mattr_b']:.3f}; difference {c['difference']:+.3f} "
        f"({c['level']:.0%} bootstrap interval {c['ci_low']:+.3f} to {c['ci_high']:+.3f}): {verdict} "
        f"(the interval rests on {min(c['windows_a'], c['windows_b'])} non-overlapping windows of the "
        "shorter speech, so treat it as rough)."
    )
    robust = [m for m in ("mattr", "mtld", "hdd") if pd.notna(ra[m]) and pd.notna(rb[m])]
    signs = {m: np.sign(ra[m] - rb[m]) for m in robust}
    if signs:
        agree = len(set(signs.values())) == 1
        more = a if next(iter(signs.values())) > 0 else b
        detail = f"MTLD {ra['mtld']:.1f} vs {rb['mtld']:.1f}, HD-D {ra['hdd']:.3f} vs {rb['hdd']:.3f}"
        out.append(
            f"The length-robust measures {'all' if agree else 'do not all'} point the same way ({detail}, "
            f"{a} first)" + (f": {more} has the more varied vocabulary." if agree else "; no clear ranking.")
        )
    return out


def describe_overlap(overlap: pd.DataFrame) -> list[str]:
    """Sentences on the shared vocabulary, from :func:`vocabulary_overlap`.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Ann Lee: Peace and peace.\\n\\nBob Ray: Trade and peace.")
    >>> describe_overlap(vocabulary_overlap(t.tokens, "Ann Lee", "Bob Ray"))[0]
    "Ann Lee and Bob Ray share 2 terms: 100% of Ann Lee's 2 distinct terms and 67% of Bob Ray's 3."
    """
    r = overlap.iloc[0]
    a, b = r["speaker_a"], r["speaker_b"]
    return [
        f"{a} and {b} share {r['shared']} terms: {r['shared'] / r['types_a']:.0%} of {a}'s "
        f"{r['types_a']} distinct terms and {r['shared'] / r['types_b']:.0%} of {b}'s {r['types_b']}.",
        f"Counted by use rather than by type, the shared terms make up {r['shared_token_share_a']:.0%} "
        f"of {a}'s words and {r['shared_token_share_b']:.0%} of {b}'s "
        "(counting only the words compared here).",
        f"Jaccard overlap {r['jaccard']:.2f} (Dice {r['dice']:.2f}); comparing the shorter speech with "
        f"equally long stretches of the longer one gives {r['jaccard_equal_length']:.2f}, "
        + (
            "so part of the low overlap comes from the difference in length."
            if r["jaccard_equal_length"] > r["jaccard"]
            else "so the low overlap is not an artefact of the difference in length."
        ),
    ]
