"""Rhetorical devices: how a speaker builds the case and addresses the other.

Every measure works on the ``tokens`` table of a :class:`~analysis.Transcript`
and has two steps, so that each count can be traced to its sentences:

* ``find_<device>(tokens)`` returns the **matches**, one row per occurrence
  (``MATCH_COLUMNS``: speaker, turn, sentence_id, token_id, family, category,
  phrase, text);
* ``count_<device>(tokens)`` returns the **summary**, one row per speaker and
  category (``SUMMARY_COLUMNS``) with the count, the speaker's words, the rate
  per 1,000 words, the share of the speaker's sentences carrying a match and
  the ``sentence_ids`` that carry it.

The word lists are hand-made and live in ``data/lexicons/rhetoric.csv``
(columns ``family, category, phrase, not_after, not_before, rule, note``).
A phrase matches a run of word tokens inside one sentence (punctuation between
the words is ignored), longest phrase first, without overlaps inside a family.
``not_after`` / ``not_before`` list words (``|``-separated) that veto a match
when they come just before / after it: "the will", "a can", "would like".
Two context rules need code and are named in the ``rule`` column:

* ``not_month``: "May" is the month when capitalised inside a sentence, next
  to a number ("9 May", "May 9") or after in/of/since/until/from/during/
  early/late/mid/last/next;
* ``not_acronym``: "US" written in capitals (the lemma keeps acronyms in
  capitals) is the country, not the pronoun.

There is no part-of-speech tagger offline, so tense is read from documented
surface rules (see :func:`find_time_markers`).  The lists and rules are
approximations: translated speech in particular shapes pronouns and modals.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from .errors import LexiconError, TranscriptError
from .paths import LEXICON_DIR
from .tokens import iter_tokens, normalise
from .transcript import select_speakers

LEXICON_COLUMNS = ["family", "category", "phrase", "not_after", "not_before", "rule", "note"]
MATCH_COLUMNS = ["speaker", "turn", "sentence_id", "token_id", "family", "category", "phrase", "text"]
SUMMARY_COLUMNS = [
    "speaker", "family", "category", "count", "words", "rate_per_1000",
    "sentences", "sentences_with", "sentence_share", "sentence_ids",
]  # fmt: skip
RULES = frozenset({"", "not_month", "not_acronym"})
PRONOUN_CATEGORIES = ["collective", "personal", "addressee"]
MODALITY_CATEGORIES = ["will", "shall", "must", "should", "can", "may", "need to", "ready to"]
ADDRESS_CATEGORIES = ["salutation", "vocative", "greeting", "thanks", "wish"]
NUMBER_CATEGORIES = ["year", "percentage", "money", "ordinal", "cardinal"]
TIME_CATEGORIES = ["past", "future"]

_MONTH_CUES = frozenset("in of since until till from during early late mid last next".split())
_TITLE_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "prof"})
_SUBJECTS = frozenset({"i", "we", "you", "they", "he", "she", "it"})
_HAVE = frozenset({"have", "has", "had", "we've", "i've", "you've", "they've"})
_ADVERBS = frozenset("just also already never always then once all both jointly together really".split())
_YEAR = re.compile(r"^(1[89]\d\d|2[01]\d\d)s?$")
_CLAUSE_BREAKS = frozenset({",", ";", ":", "–", "—", "(", ")", '"', "“", "”"})
_CONJUNCTIONS = frozenset({"and", "but", "or", "so", "yet"})


# --------------------------------------------------------------------------- lexicon


@lru_cache(maxsize=8)
def _read_lexicon(path: str) -> pd.DataFrame:
    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False)
    except FileNotFoundError as error:
        raise LexiconError(f"Lexicon file {path} does not exist.") from error
    except (pd.errors.ParserError, UnicodeDecodeError) as error:
        raise LexiconError(f"Lexicon file {path} is not a readable CSV: {error}") from error
    missing = [c for c in LEXICON_COLUMNS if c not in table.columns]
    if missing:
        raise LexiconError(f"Lexicon file {path} lacks the column(s) {missing}; expected {LEXICON_COLUMNS}.")
    table = table[LEXICON_COLUMNS].apply(lambda column: column.str.strip())
    _check_lexicon(table, path)
    return table


def _check_lexicon(table: pd.DataFrame, path: str) -> None:
    for column in ("family", "category", "phrase"):
        empty = table.index[table[column] == ""].tolist()
        if empty:
            raise LexiconError(f"Lexicon file {path}: empty {column!r} in data row(s) {empty}.")
    unknown = sorted(set(table["rule"]) - RULES)
    if unknown:
        raise LexiconError(f"Lexicon file {path}: unknown rule(s) {unknown}; known: {sorted(RULES - {''})}.")
    duplicated = table[table.duplicated(["family", "phrase"])]
    if len(duplicated):
        pairs = list(zip(duplicated["family"], duplicated["phrase"]))
        raise LexiconError(f"Lexicon file {path}: phrase listed twice in a family: {pairs}.")


def load_rhetoric_lexicon(path: str | Path | None = None) -> pd.DataFrame:
    """Read and check the hand-made word lists of the rhetoric measures.

    Parameters
    ----------
    path : str or pathlib.Path, optional
        A CSV with ``LEXICON_COLUMNS``; defaults to ``data/lexicons/rhetoric.csv``.

    Raises
    ------
    LexiconError
        Missing file or column, empty phrase, unknown rule, duplicated phrase.

    Examples
    --------
    >>> lexicon = load_rhetoric_lexicon()
    >>> sorted(lexicon.loc[lexicon["family"] == "pronoun", "category"].unique())
    ['addressee', 'collective', 'personal']
    """
    path = Path(path) if path is not None else LEXICON_DIR / "rhetoric.csv"
    return _read_lexicon(str(path)).copy()


@dataclass(frozen=True)
class _Entry:
    words: tuple[str, ...]
    category: str
    phrase: str
    not_after: frozenset
    not_before: frozenset
    rule: str


def _phrase_words(phrase: str) -> tuple[str, ...]:
    return tuple(normalise(tok) for _, _, tok, kind in iter_tokens(phrase) if kind != "punct")


def _entries(lexicon: pd.DataFrame, family: str) -> dict[str, list[_Entry]]:
    rows = lexicon[lexicon["family"] == family]
    if rows.empty:
        raise LexiconError(f"The rhetoric lexicon has no rows for the family {family!r}.")
    by_first: dict[str, list[_Entry]] = defaultdict(list)
    for row in rows.itertuples(index=False):
        words = _phrase_words(row.phrase)
        veto_after = frozenset(filter(None, row.not_after.lower().split("|")))
        veto_before = frozenset(filter(None, row.not_before.lower().split("|")))
        entry = _Entry(words, row.category, row.phrase, veto_after, veto_before, row.rule)
        by_first[words[0]].append(entry)
    for entries in by_first.values():
        entries.sort(key=lambda e: -len(e.words))
    return by_first


# --------------------------------------------------------------------------- matching engine


@dataclass(frozen=True)
class _Sentence:
    """The word tokens of one sentence, as parallel lists."""

    sentence_id: int
    speaker: str
    turn: int
    kind: str
    token_id: list
    text: list
    lower: list
    lemma: list
    is_number: list
    is_stop: list


_SENTENCE_COLUMNS = ("speaker", "turn", "kind", "token_id", "text", "lower", "lemma", "is_number", "is_stop")


def _sentences(tokens: pd.DataFrame, words_only: bool = True) -> list[_Sentence]:
    """Cut the (word) tokens into sentences, in sentence order, each as parallel lists.

    Works on whole columns at once: one stable sort, then slices at the sentence
    boundaries (a per-sentence ``groupby`` costs a corpus minutes).
    """
    table = tokens[tokens["is_word"]] if words_only else tokens
    table = table.sort_values("sentence_id", kind="stable")
    ids = table["sentence_id"].to_numpy()
    starts = [0, *(np.flatnonzero(ids[1:] != ids[:-1]) + 1).tolist()] if len(ids) else []
    ends = [*starts[1:], len(ids)]
    columns = {name: table[name].tolist() for name in _SENTENCE_COLUMNS}
    return [
        _Sentence(
            int(ids[start]), columns["speaker"][start], int(columns["turn"][start]), columns["kind"][start],
            *(columns[name][start:end] for name in _SENTENCE_COLUMNS[3:]),
        )
        for start, end in zip(starts, ends)
    ]  # fmt: skip


def _match_row(s: _Sentence, i: int, n: int, family: str, category: str, phrase: str) -> list:
    return [s.speaker, s.turn, s.sentence_id, s.token_id[i], family, category, phrase,
            " ".join(s.text[i : i + n])]  # fmt: skip


def _is_month(s: _Sentence, i: int) -> bool:
    before = s.lower[i - 1] if i > 0 else ""
    number_next = i + 1 < len(s.lower) and s.is_number[i + 1]
    number_before = i > 0 and s.is_number[i - 1]
    return (i > 0 and s.text[i] == "May") or before in _MONTH_CUES or number_next or number_before


def _passes(entry: _Entry, s: _Sentence, i: int) -> bool:
    n = len(entry.words)
    if tuple(s.lower[i : i + n]) != entry.words:
        return False
    if i > 0 and s.lower[i - 1] in entry.not_after:
        return False
    if i + n < len(s.lower) and s.lower[i + n] in entry.not_before:
        return False
    if entry.rule == "not_month" and _is_month(s, i):
        return False
    return not (entry.rule == "not_acronym" and s.lemma[i].isupper())


def _match_sentence(s: _Sentence, by_first: dict, family: str) -> list[list]:
    rows, i = [], 0
    while i < len(s.lower):
        entry = next((e for e in by_first.get(s.lower[i], ()) if _passes(e, s, i)), None)
        if entry is None:
            i += 1
            continue
        rows.append(_match_row(s, i, len(entry.words), family, entry.category, entry.phrase))
        i += len(entry.words)
    return rows


def _frame(rows: list[list]) -> pd.DataFrame:
    table = pd.DataFrame(rows, columns=MATCH_COLUMNS)
    for column in ("turn", "sentence_id", "token_id"):
        table[column] = table[column].astype("int64")
    return table.sort_values("token_id", kind="stable").reset_index(drop=True)


def match_lexicon(tokens: pd.DataFrame, family: str, lexicon: pd.DataFrame | None = None) -> pd.DataFrame:
    """Find every phrase of one lexicon family in the word tokens.

    Parameters
    ----------
    tokens : pandas.DataFrame
        A transcript's ``tokens`` table.
    family : str
        A ``family`` of the lexicon (``"pronoun"``, ``"modality"``, ``"hedge"``...).
    lexicon : pandas.DataFrame, optional
        Defaults to :func:`load_rhetoric_lexicon`.

    Returns
    -------
    pandas.DataFrame
        One row per match, ``MATCH_COLUMNS``.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Ann Lee: We can see the will of a can in May. You may go.")
    >>> match_lexicon(t.tokens, "modality")[["sentence_id", "text"]].values.tolist()
    [[0, 'can'], [1, 'may']]
    """
    by_first = _entries(lexicon if lexicon is not None else load_rhetoric_lexicon(), family)
    rows = [row for s in _sentences(tokens) for row in _match_sentence(s, by_first, family)]
    return _frame(rows)


# --------------------------------------------------------------------------- summary


def _speakers(tokens: pd.DataFrame, speakers) -> list[str]:
    if tokens.empty or not tokens["is_word"].any():
        raise TranscriptError("The tokens table has no words: there is nothing to count.")
    return select_speakers(tokens, speakers)


def count_matches(
    matches: pd.DataFrame, tokens: pd.DataFrame, categories=None, speakers=None
) -> pd.DataFrame:
    """Count matches per speaker and category, with rates and the sentences behind them.

    Parameters
    ----------
    matches : pandas.DataFrame
        Rows in ``MATCH_COLUMNS`` (from a ``find_*`` function).
    tokens : pandas.DataFrame
        The ``tokens`` table the matches come from (gives the word and sentence totals).
    categories : list of str, optional
        Categories to report, in order, zeros included; default those in ``matches``.
    speakers : list of str, optional
        Speakers to report; default every speaker, in order of appearance.

    Returns
    -------
    pandas.DataFrame
        ``SUMMARY_COLUMNS``; ``rate_per_1000`` = 1000 * count / words and
        ``sentence_share`` = sentences_with / sentences.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Ann Lee: We met. We talked and I agreed.")
    >>> summary = count_matches(find_pronouns(t.tokens), t.tokens, ["collective", "personal"])
    >>> summary[["category", "count", "words", "rate_per_1000", "sentence_ids"]].values.tolist()
    [['collective', 2, 7, 285.714285..., [0, 1]], ['personal', 1, 7, 142.857142..., [1]]]
    """
    speakers = _speakers(tokens, speakers)
    words = tokens[tokens["is_word"]]
    totals = words.groupby("speaker").size()
    sentence_totals = words.groupby("speaker")["sentence_id"].nunique()
    categories = list(dict.fromkeys(matches["category"])) if categories is None else list(categories)
    family_of = dict(zip(matches["category"], matches["family"]))
    rows = []
    for speaker in speakers:
        own = matches[matches["speaker"] == speaker]
        n_words, n_sentences = int(totals.get(speaker, 0)), int(sentence_totals.get(speaker, 0))
        for category in categories:
            hits = own[own["category"] == category]
            ids = sorted(set(hits["sentence_id"].tolist()))
            rows.append([
                speaker, family_of.get(category, ""), category, len(hits), n_words,
                1000 * len(hits) / n_words if n_words else 0.0, n_sentences, len(ids),
                len(ids) / n_sentences if n_sentences else 0.0, ids,
            ])  # fmt: skip
    return pd.DataFrame(rows, columns=SUMMARY_COLUMNS)


def quote_matches(matches: pd.DataFrame, sentences: pd.DataFrame, speakers=None) -> pd.DataFrame:
    """The matches with the sentence that carries each one (the evidence, for reading).

    Parameters
    ----------
    matches : pandas.DataFrame
        Rows in ``MATCH_COLUMNS``.
    sentences : pandas.DataFrame
        The transcript's ``sentences`` table.
    speakers : list of str, optional
        Keep only these speakers.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Ann Lee: We met. It rained.")
    >>> quote_matches(find_pronouns(t.tokens), t.sentences)[["text", "sentence"]].values.tolist()
    [['We', 'We met.']]
    """
    text_of = dict(zip(sentences["sentence_id"], sentences["text"]))
    quoted = matches.assign(sentence=matches["sentence_id"].map(text_of))
    if speakers is not None:
        quoted = quoted[quoted["speaker"].isin(list(speakers))]
    return quoted.drop(columns=["family"]).reset_index(drop=True)


# --------------------------------------------------------------------------- pronouns


def find_pronouns(tokens: pd.DataFrame, lexicon: pd.DataFrame | None = None) -> pd.DataFrame:
    """Find collective (we, us, our), personal (I, me, my) and addressee (you, your) pronouns.

    "US" in capitals is the country; "World War I" is no pronoun.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Ann Lee: The US and us. You and I, after World War I.")
    >>> find_pronouns(t.tokens)[["category", "text"]].values.tolist()
    [['collective', 'us'], ['addressee', 'You'], ['personal', 'I']]
    """
    return match_lexicon(tokens, "pronoun", lexicon)


def count_pronouns(tokens: pd.DataFrame, speakers=None, lexicon=None) -> pd.DataFrame:
    """Pronoun stance per speaker: collective, personal and addressee rates per 1,000 words.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Ann Lee: We and you.\\n\\nBob Ray: I.")
    >>> count_pronouns(t.tokens).set_index(["speaker", "category"])["count"].tolist()
    [1, 0, 1, 0, 1, 0]
    """
    return count_matches(find_pronouns(tokens, lexicon), tokens, PRONOUN_CATEGORIES, speakers)


def compare_we_i(tokens: pd.DataFrame, speakers=None, lexicon=None) -> pd.DataFrame:
    """The we/I ratio per speaker, for the exact forms and for the whole categories.

    ``we_i_ratio`` = count of "we" / count of "I"; ``collective_personal_ratio``
    = collective / personal forms.  A ratio whose denominator is zero is NaN
    (undefined: the speaker never says "I"), never an error.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Ann Lee: We met, we talked and our team won. I agree.")
    >>> row = compare_we_i(t.tokens).iloc[0]
    >>> int(row["we"]), int(row["i"]), float(row["we_i_ratio"]), float(row["collective_personal_ratio"])
    (2, 1, 2.0, 3.0)
    """
    speakers = _speakers(tokens, speakers)
    matches = find_pronouns(tokens, lexicon)
    rows = []
    for speaker in speakers:
        own = matches[matches["speaker"] == speaker]
        forms = Counter(own["phrase"])
        kinds = Counter(own["category"])
        rows.append([speaker, forms["we"], forms["i"], kinds["collective"], kinds["personal"],
                     kinds["addressee"]])  # fmt: skip
    table = pd.DataFrame(rows, columns=["speaker", "we", "i", "collective", "personal", "addressee"])
    table["we_i_ratio"] = table["we"] / table["i"].where(table["i"] > 0)
    table["collective_personal_ratio"] = table["collective"] / table["personal"].where(table["personal"] > 0)
    return table


# --------------------------------------------------------------------------- modality


def find_modality(tokens: pd.DataFrame, lexicon: pd.DataFrame | None = None) -> pd.DataFrame:
    """Find modals of commitment (will, shall, must, should, can, may, need to, ready to), hedges, boosters.

    The modals' ``category`` is the modal itself; hedges and boosters have the
    category ``hedge`` / ``booster``.  "May" the month, "will" the noun and
    "can" the noun are left out (see the module notes).

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Ann Lee: The political will is there, so we will act. Perhaps we must.")
    >>> find_modality(t.tokens)[["category", "text"]].values.tolist()
    [['will', 'will'], ['hedge', 'Perhaps'], ['must', 'must']]
    """
    parts = [match_lexicon(tokens, family, lexicon) for family in ("modality", "hedge", "booster")]
    return _frame(pd.concat(parts).values.tolist())


def count_modality(tokens: pd.DataFrame, speakers=None, lexicon=None) -> pd.DataFrame:
    """Modals, hedges and boosters per speaker, with rates per 1,000 words.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Ann Lee: We must act. Of course we can.")
    >>> s = count_modality(t.tokens)
    >>> s.loc[s["count"] > 0, ["category", "count"]].values.tolist()
    [['must', 1], ['can', 1], ['booster', 1]]
    """
    categories = [*MODALITY_CATEGORIES, "hedge", "booster"]
    summary = count_matches(find_modality(tokens, lexicon), tokens, categories, speakers)
    summary["family"] = summary["category"].map({"hedge": "hedge", "booster": "booster"}).fillna("modality")
    return summary


# --------------------------------------------------------------------------- address and ritual


def _segments(tokens: pd.DataFrame) -> list[tuple[_Sentence, list[int]]]:
    """Comma-bounded stretches of words: (sentence, word indices) pairs.

    A period right after Mr/Mrs/Ms/Dr does not break a stretch ("Mr. President").
    """
    out = []
    for s in _sentences(tokens, words_only=False):
        current: list[int] = []
        for i, lower in enumerate(s.lower):
            is_word = lower[0].isalnum() or lower[0] in "$£€¥"
            if is_word:
                current.append(i)
            elif not (lower == "." and current and s.lower[current[-1]] in _TITLE_ABBREVIATIONS):
                out.append((s, current))
                current = []
        out.append((s, current))
    return [(s, seg) for s, seg in out if seg]


def _is_vocative(texts: list[str], lowers: list[str], titles: set, modifiers: set) -> bool:
    i = 0
    while i < len(lowers) and lowers[i] in modifiers:
        i += 1
    j = i
    while j < len(lowers) and lowers[j] in titles:
        j += 1
    names = texts[j:]
    if len(names) > 3 or not all(word[0].isupper() for word in names):
        return False
    if j > i:
        return lowers[i] != "and" and lowers[j - 1] != "and"
    return "dear" in lowers[:i] and len(names) > 0


def find_vocatives(tokens: pd.DataFrame, lexicon: pd.DataFrame | None = None) -> pd.DataFrame:
    """Find forms of address: comma-bounded stretches made of modifiers, titles and names.

    A stretch between punctuation marks is a vocative when it consists only of
    optional modifiers (my, dear, esteemed...), one or more titles (Mr,
    President, friend, colleagues...) and at most three capitalised names, or
    of "dear" and a name ("Dear Anna").  Its category is ``salutation`` in a
    salutation line, ``vocative`` elsewhere.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Ann Lee: Dear friend, welcome. Mr. President, we met the President of Chile.")
    >>> find_vocatives(t.tokens)[["category", "text"]].values.tolist()
    [['vocative', 'Dear friend'], ['vocative', 'Mr President']]
    """
    lexicon = lexicon if lexicon is not None else load_rhetoric_lexicon()
    address = lexicon[lexicon["family"] == "address"]
    titles = set(address.loc[address["category"] == "title", "phrase"].str.lower())
    modifiers = set(address.loc[address["category"] == "modifier", "phrase"].str.lower())
    if not titles:
        raise LexiconError("The rhetoric lexicon has no address titles (family 'address', category 'title').")
    rows = []
    for s, seg in _segments(tokens):
        texts, lowers = [s.text[i] for i in seg], [s.lower[i] for i in seg]
        if _is_vocative(texts, lowers, titles, modifiers):
            category = "salutation" if s.kind == "salutation" else "vocative"
            rows.append([s.speaker, s.turn, s.sentence_id, s.token_id[seg[0]], "address", category,
                         " ".join(lowers), " ".join(texts)])  # fmt: skip
    return _frame(rows)


def find_address(tokens: pd.DataFrame, lexicon: pd.DataFrame | None = None) -> pd.DataFrame:
    """Forms of address and ritual: salutations, vocatives, greetings, thanks and wishes.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Ann Lee: Dear colleagues, thank you. We wish you good health.")
    >>> find_address(t.tokens)[["category", "text"]].values.tolist()
    [['vocative', 'Dear colleagues'], ['thanks', 'thank you'], ['wish', 'wish you'], ['wish', 'good health']]
    """
    parts = [find_vocatives(tokens, lexicon), match_lexicon(tokens, "ritual", lexicon)]
    return _frame(pd.concat(parts).values.tolist())


def count_address(tokens: pd.DataFrame, speakers=None, lexicon=None) -> pd.DataFrame:
    """Salutations, vocatives, greetings, thanks and wishes per speaker.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Ann Lee: Thank you, my friend.")
    >>> count_address(t.tokens).set_index("category")["count"].to_dict()
    {'salutation': 0, 'vocative': 1, 'greeting': 0, 'thanks': 1, 'wish': 0}
    """
    return count_matches(find_address(tokens, lexicon), tokens, ADDRESS_CATEGORIES, speakers)


# --------------------------------------------------------------------------- numbers


def _number_labels(s: _Sentence, by_first: dict) -> tuple[list, list]:
    """Per word: the number-lexicon category covering it and the length of its phrase."""
    labels, lengths = [""] * len(s.lower), [0] * len(s.lower)
    for row in _match_sentence(s, by_first, "number"):
        i = s.token_id.index(row[3])
        n = len(row[6].split())
        labels[i], lengths[i] = row[5], n
        for k in range(i + 1, i + n):
            labels[k] = "cont"
    for i, is_number in enumerate(s.is_number):
        if is_number:
            labels[i], lengths[i] = "numeral", 1
    return labels, lengths


def _number_category(texts: list[str], kinds: set[str]) -> str:
    if "currency" in kinds or texts[0][0] in "$£€¥":
        return "money"
    if "percent" in kinds or any(t.endswith("%") for t in texts):
        return "percentage"
    if len(texts) == 1 and _YEAR.match(texts[0]):
        return "year"
    if "ordinal" in kinds or re.search(r"\d(st|nd|rd|th)$", texts[-1]):
        return "ordinal"
    return "cardinal"


def _numbers_in(s: _Sentence, by_first: dict) -> list[list]:
    labels, _ = _number_labels(s, by_first)
    rows, i = [], 0
    while i < len(labels):
        if labels[i] not in ("numeral", "cardinal", "scale", "ordinal"):
            i += 1
            continue
        j = i + 1
        while j < len(labels) and labels[j] in ("numeral", "cardinal", "scale") and labels[i] != "ordinal":
            j += 1
        while j < len(labels) and labels[j] in ("percent", "currency", "cont"):
            j += 1
        kinds = set(labels[i:j])
        category = _number_category(s.text[i:j], kinds)
        rows.append(_match_row(s, i, j - i, "number", category, " ".join(s.lower[i:j])))
        i = j
    return rows


def find_numbers(tokens: pd.DataFrame, lexicon: pd.DataFrame | None = None) -> pd.DataFrame:
    """Find numbers used as argument: years, percentages, money, ordinals and other amounts.

    A number expression is a numeral or number word with the scale words,
    percent sign or word and currency that go with it ("$220 billion",
    "seven percent", "ten thousand").  Category, first that applies: money
    (currency sign or word), percentage, year (a lone 1800-2199 numeral or
    decade), ordinal ("75th", "fifth"), cardinal.  "one" and "second" are not
    counted (too often no number).

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Ann Lee: In 2024 trade grew seven percent to $220 billion, fifth in 11 months.")
    >>> find_numbers(t.tokens)[["category", "text"]].values.tolist()
    [['year', '2024'], ['percentage', 'seven percent'], ['money', '$220 billion'], ['ordinal', 'fifth'],
     ['cardinal', '11']]
    """
    by_first = _entries(lexicon if lexicon is not None else load_rhetoric_lexicon(), "number")
    return _frame([row for s in _sentences(tokens) for row in _numbers_in(s, by_first)])


def count_numbers(tokens: pd.DataFrame, speakers=None, lexicon=None) -> pd.DataFrame:
    """Numbers per speaker by category, plus ``any``: the share of sentences with a number.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Ann Lee: In 2024 we met. We talked. Three times.")
    >>> s = count_numbers(t.tokens)
    >>> row = s[s["category"] == "any"].iloc[0]
    >>> int(row["count"]), int(row["sentences_with"]), round(float(row["sentence_share"]), 3)
    (2, 2, 0.667)
    """
    matches = find_numbers(tokens, lexicon)
    everything = matches.assign(category="any")
    return count_matches(pd.concat([matches, everything]), tokens, [*NUMBER_CATEGORIES, "any"], speakers)


# --------------------------------------------------------------------------- time orientation


def _is_past_form(lower: str, irregular: set) -> bool:
    return lower in irregular or (len(lower) > 4 and lower.endswith("ed") and not lower.endswith("eed"))


def _skip_adverb(s: _Sentence, k: int) -> int:
    if k < len(s.lower) and (s.lower[k] in _ADVERBS or s.lower[k].endswith("ly")):
        return k + 1
    return k


def _tense_rows(s: _Sentence, past_forms: set, participles: set) -> list[list]:
    """Simple past after a subject pronoun ("we launched") and perfects ("have achieved")."""
    rows = []
    for i, lower in enumerate(s.lower[:-1]):
        k = _skip_adverb(s, i + 1)
        if k >= len(s.lower):
            continue
        verb = s.lower[k]
        simple = lower in _SUBJECTS and _is_past_form(verb, past_forms)
        perfect = lower in _HAVE and (verb in participles or _is_past_form(verb, set()))
        if simple or perfect:
            phrase = "subject + past" if simple else "have + participle"
            rows.append([s.speaker, s.turn, s.sentence_id, s.token_id[k], "time", "past", phrase,
                         " ".join(s.text[i : k + 1])])  # fmt: skip
    return rows


def find_time_markers(tokens: pd.DataFrame, lexicon: pd.DataFrame | None = None) -> pd.DataFrame:
    """Find past-looking and future-looking markers (tense and time words).

    Past: past forms of be/have/do, time words looking back (ago, past,
    already, anniversary, history...), a subject pronoun followed (after at
    most one adverb) by an -ed word or a listed irregular past ("we met",
    "we solemnly celebrated"), and have/has + participle ("have calculated").
    Future: will/shall (not the noun), going to, plans and intentions (ready
    to, preparing to, plans), time words looking ahead (future, next year,
    upcoming).  No tagger is used: "-ed" adjectives after a pronoun are
    rare but would count.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Ann Lee: We met two years ago. We will meet again. The will is there.")
    >>> find_time_markers(t.tokens)[["sentence_id", "category", "text"]].values.tolist()
    [[0, 'past', 'We met'], [0, 'past', 'ago'], [1, 'future', 'will']]
    """
    lexicon = lexicon if lexicon is not None else load_rhetoric_lexicon()
    by_first = _entries(lexicon, "time")
    past_forms = set(lexicon.loc[lexicon["family"] == "past_form", "phrase"].str.lower())
    participles = set(lexicon.loc[lexicon["family"] == "participle", "phrase"].str.lower())
    rows = []
    for s in _sentences(tokens):
        rows += _match_sentence(s, by_first, "time") + _tense_rows(s, past_forms, participles)
    return _frame(rows)


def score_time_orientation(tokens: pd.DataFrame, lexicon: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per sentence: past and future markers and where the sentence lies in the speech.

    ``position`` is the sentence's midpoint as a share (0-1) of its speaker's
    words; ``orientation`` is ``past`` or ``future`` (more markers of that
    kind), ``mixed`` (as many of each) or ``none``.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Ann Lee: We met. We will meet. Hello.")
    >>> scores = score_time_orientation(t.tokens).round(3)
    >>> scores[["past", "future", "orientation", "position"]].values.tolist()
    [[1, 0, 'past', 0.167], [0, 1, 'future', 0.583], [0, 0, 'none', 0.917]]
    """
    words = tokens[tokens["is_word"]]
    if words.empty:
        raise TranscriptError("The tokens table has no words: there is nothing to score.")
    table = words.groupby("sentence_id", sort=True).agg(
        speaker=("speaker", "first"),
        turn=("turn", "first"),
        kind=("kind", "first"),
        words=("token_id", "size"),
    )
    markers = find_time_markers(tokens, lexicon)
    counts = markers.groupby(["sentence_id", "category"]).size().unstack(fill_value=0)
    for category in TIME_CATEGORIES:
        table[category] = counts[category] if category in counts else 0
    table[TIME_CATEGORIES] = table[TIME_CATEGORIES].fillna(0).astype("int64")
    before = table.groupby("speaker", sort=False)["words"].cumsum() - table["words"]
    total = table.groupby("speaker", sort=False)["words"].transform("sum")
    table["position"] = (before + table["words"] / 2) / total
    table["orientation"] = [_orientation(p, f) for p, f in zip(table["past"], table["future"])]
    return table.reset_index()


def _orientation(past: int, future: int) -> str:
    if past == future:
        return "mixed" if past else "none"
    return "past" if past > future else "future"


def count_time_orientation(tokens: pd.DataFrame, speakers=None, lexicon=None) -> pd.DataFrame:
    """Past- and future-looking markers per speaker (rates), and sentences by orientation.

    Rows ``past`` / ``future`` count markers; ``sentence_share`` is the share
    of the speaker's sentences whose orientation is past / future.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Ann Lee: We met. We will meet. Hello.")
    >>> count_time_orientation(t.tokens)[["category", "count", "sentence_share"]].values.tolist()
    [['past', 1, 0.333...], ['future', 1, 0.333...]]
    """
    summary = count_matches(find_time_markers(tokens, lexicon), tokens, TIME_CATEGORIES, speakers)
    scores = score_time_orientation(tokens, lexicon)
    ids = [
        scores.loc[(scores["speaker"] == who) & (scores["orientation"] == what), "sentence_id"].tolist()
        for who, what in zip(summary["speaker"], summary["category"])
    ]
    summary["sentence_ids"] = ids
    summary["sentences_with"] = [len(i) for i in ids]
    summary["sentence_share"] = summary["sentences_with"] / summary["sentences"]
    summary["family"] = "time"
    return summary


# --------------------------------------------------------------------------- findings


def _cell(summary: pd.DataFrame, speaker: str, category: str, column: str):
    row = summary[(summary["speaker"] == speaker) & (summary["category"] == category)]
    return row[column].iloc[0] if len(row) else 0


def _rate(summary: pd.DataFrame, speaker: str, category: str) -> str:
    count = int(_cell(summary, speaker, category, "count"))
    return f"{_cell(summary, speaker, category, 'rate_per_1000'):.1f} per 1,000 words ({count})"


def describe_pronouns(summary: pd.DataFrame, ratios: pd.DataFrame, a: str, b: str) -> list[str]:
    """Findings on pronoun stance, computed from :func:`count_pronouns` and :func:`compare_we_i`.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Ann Lee: We and you.\\n\\nBob Ray: I and we.")
    >>> describe_pronouns(count_pronouns(t.tokens), compare_we_i(t.tokens), "Ann Lee", "Bob Ray")[-1]
    "We/I ratio ('we' per 'I'): Ann Lee undefined (1 'we', 0 'I'); Bob Ray 1.0 (1 'we', 1 'I')."
    """
    labels = {"collective": "we/us/our", "personal": "I/me/my", "addressee": "you/your"}
    lines = [
        f"{label.capitalize()} ({category}): {a} {_rate(summary, a, category)}, "
        f"{b} {_rate(summary, b, category)}."
        for category, label in labels.items()
    ]
    parts = []
    for speaker in (a, b):
        row = ratios[ratios["speaker"] == speaker].iloc[0]
        value = "undefined" if pd.isna(row["we_i_ratio"]) else f"{row['we_i_ratio']:.1f}"
        parts.append(f"{speaker} {value} ({int(row['we'])} 'we', {int(row['i'])} 'I')")
    lines.append(f"We/I ratio ('we' per 'I'): {'; '.join(parts)}.")
    return lines


def describe_modality(summary: pd.DataFrame, a: str, b: str) -> list[str]:
    """Findings on modals of commitment, hedges and boosters, from :func:`count_modality`.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Ann Lee: We must act. We must win.\\n\\nBob Ray: Perhaps.")
    >>> describe_modality(count_modality(t.tokens), "Ann Lee", "Bob Ray")[0]
    "Ann Lee: 2 modals of commitment (333.3 per 1,000 words), most often 'must' (2);
    0 hedge(s), 0 booster(s)."
    """
    lines = []
    for speaker in (a, b):
        own = summary[(summary["speaker"] == speaker) & (summary["family"] == "modality")]
        total = int(own["count"].sum())
        words = int(summary.loc[summary["speaker"] == speaker, "words"].iloc[0])
        best = int(own["count"].max())
        tops = ", ".join(f"'{c}'" for c in own.loc[own["count"] == best, "category"])
        most = f", most often {tops} ({best} each)" if total and tops.count(",") else ""
        most = most or (f", most often {tops} ({best})" if total else "")
        hedges, boosters = (int(_cell(summary, speaker, c, "count")) for c in ("hedge", "booster"))
        lines.append(
            f"{speaker}: {total} modals of commitment ({1000 * total / words:.1f} per 1,000 words){most}; "
            f"{hedges} hedge(s), {boosters} booster(s)."
        )
    return lines


def describe_address(summary: pd.DataFrame, a: str, b: str) -> list[str]:
    """Findings on forms of address and ritual, from :func:`count_address`.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Ann Lee: Thank you, my friend.\\n\\nBob Ray: Hello.")
    >>> describe_address(count_address(t.tokens), "Ann Lee", "Bob Ray")
    ['Ann Lee: 1 vocative, 1 thanks.', 'Bob Ray: 1 greeting.']
    """
    lines = []
    for speaker in (a, b):
        own = summary[(summary["speaker"] == speaker) & (summary["count"] > 0)]
        listed = ", ".join(f"{int(n)} {c}" for c, n in zip(own["category"], own["count"]))
        lines.append(f"{speaker}: {listed or 'no forms of address or ritual found'}.")
    return lines


def describe_numbers(summary: pd.DataFrame, a: str, b: str) -> list[str]:
    """Findings on numbers as argument, from :func:`count_numbers`.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Ann Lee: In 2024 we met. We talked.\\n\\nBob Ray: Fine.")
    >>> describe_numbers(count_numbers(t.tokens), "Ann Lee", "Bob Ray")[0]
    'Ann Lee puts a number in 1 of 2 sentences (50%): 1 year.'
    """
    lines = []
    for speaker in (a, b):
        own = summary[
            (summary["speaker"] == speaker) & (summary["category"] != "any") & (summary["count"] > 0)
        ]
        kinds = ", ".join(f"{int(n)} {c}" for c, n in zip(own["category"], own["count"])) or "none"
        with_number = int(_cell(summary, speaker, "any", "sentences_with"))
        sentences = int(_cell(summary, speaker, "any", "sentences"))
        share = _cell(summary, speaker, "any", "sentence_share")
        lines.append(
            f"{speaker} puts a number in {with_number} of {sentences} sentences ({share:.0%}): {kinds}."
        )
    return lines


def describe_time(summary: pd.DataFrame, scores: pd.DataFrame, a: str, b: str) -> list[str]:
    """Findings on time orientation, from :func:`count_time_orientation` and :func:`score_time_orientation`.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Ann Lee: We met. We will meet.\\n\\nBob Ray: Fine.")
    >>> summary, scores = count_time_orientation(t.tokens), score_time_orientation(t.tokens)
    >>> describe_time(summary, scores, "Ann Lee", "Bob Ray")[0]
    'Ann Lee: 1 past-looking and 1 future-looking sentence(s) of 2; mean position along the speech:
    past-looking at 20%, future-looking at 70%.'
    """
    lines = []
    for speaker in (a, b):
        own = scores[scores["speaker"] == speaker]
        where = {o: own.loc[own["orientation"] == o, "position"] for o in TIME_CATEGORIES}
        placed = [f"{o}-looking at {where[o].mean():.0%}" for o in TIME_CATEGORIES if len(where[o])]
        line = (f"{speaker}: {len(where['past'])} past-looking and {len(where['future'])} future-looking "
                f"sentence(s) of {len(own)}")  # fmt: skip
        if placed:
            line += f"; mean position along the speech: {', '.join(placed)}"
        lines.append(line + ".")
    return lines
