"""Word tokens with offsets, lemmas and stop-word flags.

Tokenisation rules (one documented way for each hard case):

* Hyphenated compounds stay one token: ``China-Russia``, ``win-win``, ``UN-centric``.
* Possessives stay attached in the surface form (``People's``); the lemma drops
  them (``people``).  Contractions stay one token (``don't``).
* Numbers are one token with their currency sign, decimals, thousands
  separators, percent sign or ordinal suffix: ``$220``, ``7.5``, ``1,000``,
  ``75th``, ``7%``, ``1990s``.  They count as words (``is_word``) and are
  flagged ``is_number``.
* Abbreviations written with periods are one token (``U.S.``); titles lose
  their period (``Mr.`` -> ``Mr`` then punctuation ``.``).
* Every other non-space character is a punctuation token (``is_word`` False).

``lower`` is the lower-cased form with typographic apostrophes straightened.
``lemma`` comes from simplemma's English dictionary (offline, shipped in the
package); acronyms in capitals keep their case (``UN``, ``BRICS``) so that
"US" the country never merges with "us" the pronoun.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import simplemma

from .paths import data_file

_NUMBER = r"[$£€¥]?\d+(?:[.,]\d+)*(?:%|st\b|nd\b|rd\b|th\b|s\b)?"
_ACRONYM = r"(?:[A-Za-z]\.){2,}"
_WORDLIKE = r"\w+(?:[-‐'’]\w+)*"
TOKEN_PATTERN = re.compile(rf"(?P<number>{_NUMBER})|(?P<word>{_ACRONYM}|{_WORDLIKE})|(?P<punct>[^\w\s])")
_POSSESSIVE = re.compile(r"['’]s$")


def iter_tokens(text: str, start: int = 0, end: int | None = None):
    """Yield ``(start, end, text, kind)`` for each token of ``text[start:end]``.

    ``kind`` is ``"word"``, ``"number"`` or ``"punct"``; offsets are absolute.

    Examples
    --------
    >>> [t[2] for t in iter_tokens("China-Russia trade: $220 billion, the 75th.")]
    ['China-Russia', 'trade', ':', '$220', 'billion', ',', 'the', '75th', '.']
    """
    end = len(text) if end is None else end
    for match in TOKEN_PATTERN.finditer(text, start, end):
        yield match.start(), match.end(), match.group(), match.lastgroup


def normalise(token: str) -> str:
    """Lower-case a token and straighten its apostrophes.

    Examples
    --------
    >>> normalise("People’s")
    "people's"
    """
    return token.lower().replace("’", "'").replace("‐", "-")


@lru_cache(maxsize=200_000)
def lemmatise(token: str, keep_case: bool = False) -> str:
    """Return the dictionary form of a word token.

    Parameters
    ----------
    token : str
        A word token as written.
    keep_case : bool, default False
        Keep acronyms in capitals (``UN``); the caller decides, since a line
        written all in capitals has no acronyms to tell apart.

    Examples
    --------
    >>> lemmatise("countries"), lemmatise("People's"), lemmatise("BRICS", keep_case=True)
    ('country', 'people', 'BRICS')
    """
    if keep_case and is_acronym(token):
        return token
    lower = _POSSESSIVE.sub("", normalise(token))
    if "-" in lower or not lower.isalpha():
        return lower
    return simplemma.lemmatize(lower, lang="en").lower()


def is_acronym(token: str) -> bool:
    """True for capitalised abbreviations such as ``UN``, ``BRICS``, ``G20``.

    Examples
    --------
    >>> is_acronym("SCO"), is_acronym("I"), is_acronym("Putin")
    (True, False, False)
    """
    return 2 <= len(token) <= 6 and token.isupper()


@lru_cache(maxsize=8)
def load_stopwords(path: str | Path | None = None) -> frozenset[str]:
    """Read a stop-word list (one word per line, ``#`` starts a comment).

    Parameters
    ----------
    path : str or pathlib.Path, optional
        Defaults to ``data/stopwords_en.txt`` (NLTK's 179 English stop words).

    Examples
    --------
    >>> len(load_stopwords()), "the" in load_stopwords()
    (179, True)
    """
    path = Path(path) if path is not None else data_file("stopwords_en.txt")
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(normalise(line.strip()) for line in lines if line.strip() and not line.startswith("#"))


def token_features(forms: list[str], kinds: list[str], shouting: list[bool]) -> dict[str, list]:
    """Compute ``lower, lemma, is_word, is_number, is_stop`` for many tokens at once.

    Each distinct form is normalised and lemmatised once (corpora repeat forms
    heavily), so the cost grows with the vocabulary, not the text.

    Parameters
    ----------
    forms : list of str
        Tokens as written.
    kinds : list of str
        ``"word"``, ``"number"`` or ``"punct"`` per token (see :func:`iter_tokens`).
    shouting : list of bool
        True where the token's sentence is written in capitals (no acronyms to keep).

    Examples
    --------
    >>> token_features(["UN", "ties", "."], ["word", "word", "punct"], [False] * 3)["lemma"]
    ['UN', 'tie', '.']
    """
    stopwords = load_stopwords()
    lowers: dict[str, str] = {}
    lemmas: dict[tuple[str, bool], str] = {}
    lower, lemma = [], []
    for form, kind, shout in zip(forms, kinds, shouting):
        low = lowers.get(form)
        if low is None:
            low = lowers[form] = normalise(form)
        lower.append(low)
        if kind == "punct":
            lemma.append(low)
            continue
        key = (form, shout)
        found = lemmas.get(key)
        if found is None:
            found = lemmas[key] = lemmatise(form, keep_case=not shout)
        lemma.append(found)
    return {
        "lower": lower,
        "lemma": lemma,
        "is_word": [kind != "punct" for kind in kinds],
        "is_number": [kind == "number" for kind in kinds],
        # "US" kept as an acronym is the country, not the stop word "us"
        "is_stop": [low in stopwords and not is_acronym(lem) for low, lem in zip(lower, lemma)],
    }
