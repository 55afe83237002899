"""Recurring themes: a reviewable lexicon, theme counts, dispersion, phrases and concordance.

The theme lexicon is a plain CSV (``data/lexicons/themes.csv``) with the
columns ``theme, pattern, match, note``.  ``match`` says how a pattern is
compared with the tokens of :mod:`analysis.transcript`:

``lemma``
    the dictionary form (``plan`` finds *plan*, *plans*, *planned*); an
    acronym written in capitals (``UN``, ``US``) only matches the acronym,
    never an ordinary word.
``word``
    the exact word form, in any case (``goods`` but not *good*).
``prefix``
    words starting with the pattern (``cooperat`` or ``cooperat*``); one word only.

A pattern may be a phrase of several words; its words must follow each other
in the same sentence with nothing between them (not even a comma).

Tie rules of the matcher (every token counts at most once):

1. the longest match (in tokens) wins: "Shanghai Cooperation Organisation"
   is one institution match, and its "Cooperation" is not counted again;
2. between overlapping matches of equal length, the one starting first wins;
3. for the very same words, ``word`` beats ``lemma`` beats ``prefix``, then
   the row higher up in the file wins.

The matcher indexes patterns by their first token and looks only at the
tokens that can start a match, so it scales to corpora of millions of tokens.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from .cache import cache_key, cached
from .errors import LexiconError, TranscriptError
from .paths import data_file
from .tokens import iter_tokens, lemmatise, load_stopwords, normalise
from .transcript import Transcript, check_speakers, require_nonempty, select_speakers

MATCH_TYPES = ("word", "lemma", "prefix")
LEXICON_COLUMNS = ["theme", "pattern", "match", "note", "line", "keys", "n_tokens"]
MATCH_COLUMNS = [
    "speaker", "turn", "sentence_id", "token_id", "n_tokens", "start", "end",
    "theme", "pattern", "match", "text",
]  # fmt: skip
COUNT_COLUMNS = ["speaker", "theme", "matches", "words", "rate_per_1000", "sentence_ids"]
POSITION_COLUMNS = [
    "speaker",
    "turn",
    "theme",
    "pattern",
    "sentence_id",
    "token_id",
    "word_index",
    "position",
]
PHRASE_COLUMNS = ["speaker", "phrase", "n", "count", "rate_per_1000", "shared"]
KWIC_COLUMNS = ["speaker", "sentence_id", "left", "match", "right"]
_REQUIRED = ("theme", "pattern", "match")
_PRIORITY = {"word": 0, "lemma": 1, "prefix": 2}
_TOKEN_NEEDS = ("token_id", "sentence_id", "speaker", "text", "lower", "lemma", "is_word")


# --------------------------------------------------------------------------- lexicon


def load_lexicon(path: str | Path | None = None) -> pd.DataFrame:
    """Read a theme lexicon CSV and check every row.

    Parameters
    ----------
    path : str or pathlib.Path, optional
        Defaults to ``data/lexicons/themes.csv``.  Columns ``theme, pattern,
        match`` are required, ``note`` is optional; blank lines and lines
        starting with ``#`` are skipped.

    Returns
    -------
    pandas.DataFrame
        ``theme, pattern, match, note, line, keys, n_tokens``: ``keys`` is the
        tuple of normalised tokens compared with the text, ``line`` the line
        number in the file.  ``attrs["path"]`` records the file read.  The
        parsed table is cached in ``data/processed`` under the file's bytes and
        the parsing code (lemmatising the patterns loads simplemma's dictionary,
        about 0.2 s), so an edited lexicon is always parsed afresh.

    Raises
    ------
    LexiconError
        Missing or unreadable file, missing column, empty theme or pattern,
        unknown match type, a pattern listed twice (in one theme or in two):
        the message names the file and the line.

    Examples
    --------
    >>> lexicon = load_lexicon()
    >>> lexicon.loc[lexicon["pattern"] == "Shanghai Cooperation Organisation", ["theme", "n_tokens"]].values
    array([['multilateral institutions', 3]], dtype=object)
    """
    path = Path(path) if path is not None else data_file("lexicons/themes.csv")
    try:
        key = cache_key([path, Path(__file__)], {"lexicon": str(path)})
    except OSError:  # missing or unreadable: let the parser say so
        return _parse_lexicon(path)
    return cached(key, lambda: _parse_lexicon(path), prefix="lexicon")


def _parse_lexicon(path: Path) -> pd.DataFrame:
    """Parse and check a lexicon file (see :func:`load_lexicon`); lemmatises every ``lemma`` pattern."""
    lines = _read_lines(path)
    rows = list(csv.reader(lines))
    header_at = next((i for i, row in enumerate(rows) if row), None)
    if header_at is None:
        raise LexiconError(f"Lexicon {path} is empty: expected a header 'theme,pattern,match,note'.")
    header = [name.strip().lower() for name in rows[header_at]]
    missing = [name for name in _REQUIRED if name not in header]
    if missing:
        raise LexiconError(
            f"Lexicon {path}, line {header_at + 1}: the header lacks the column(s) {', '.join(missing)}; "
            f"expected 'theme,pattern,match,note', found {','.join(header)!r}."
        )
    records, seen = [], {}
    for number, row in enumerate(rows[header_at + 1 :], start=header_at + 2):
        if row:
            record = _parse_row(row, header, f"Lexicon {path}, line {number}")
            _check_duplicate(record, number, seen, f"Lexicon {path}, line {number}")
            records.append({**record, "line": number})
    table = pd.DataFrame(records, columns=["theme", "pattern", "match", "note", "line", "keys"])
    table["n_tokens"] = table["keys"].map(len).astype(int)
    table.attrs["path"] = str(path)
    return table


def _read_lines(path: Path) -> list[str]:
    """The file's lines, comment lines blanked (so line numbers stay true)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise LexiconError(f"Lexicon file {path} does not exist.") from None
    except (OSError, UnicodeDecodeError) as error:
        raise LexiconError(f"Lexicon file {path} cannot be read as UTF-8 text: {error}.") from None
    lines = text.splitlines()
    return ["" if line.lstrip().startswith("#") else line for line in lines]


def _parse_row(row: list[str], header: list[str], where: str) -> dict:
    if len(row) != len(header):
        raise LexiconError(
            f"{where}: expected {len(header)} fields ({', '.join(header)}), found {len(row)}. "
            'Quote a field that contains a comma, e.g. "a note, with a comma".'
        )
    fields = {name: value.strip() for name, value in zip(header, row, strict=True)}
    theme, pattern, match = fields["theme"], fields["pattern"], fields["match"].lower() or "lemma"
    if not theme:
        raise LexiconError(f"{where}: the theme is empty.")
    if not pattern:
        raise LexiconError(f"{where}: the pattern is empty (theme {theme!r}).")
    if match not in MATCH_TYPES:
        raise LexiconError(
            f"{where}: unknown match type {fields['match']!r} for pattern {pattern!r}; "
            f"use one of {', '.join(MATCH_TYPES)}."
        )
    try:
        keys = pattern_keys(pattern, match)
    except ValueError as error:
        raise LexiconError(f"{where}: {error}") from None
    return {"theme": theme, "pattern": pattern, "match": match, "note": fields.get("note", ""), "keys": keys}


def _check_duplicate(record: dict, number: int, seen: dict, where: str) -> None:
    key = (record["match"], record["keys"])
    if key in seen:
        theme, line = seen[key]
        place = "in the same theme" if theme == record["theme"] else f"under theme {theme!r}"
        raise LexiconError(
            f"{where}: pattern {record['pattern']!r} ({record['match']}) is already listed {place} "
            f"on line {line}; a pattern can count for one theme only."
        )
    seen[key] = (record["theme"], number)


def pattern_keys(pattern: str, match: str = "lemma") -> tuple[str, ...]:
    """Turn a pattern into the token keys compared with the text.

    Uses the transcript tokeniser, so hyphenated words stay one token.

    Raises
    ------
    ValueError
        A pattern without any word, or a ``prefix`` pattern of several words.

    Examples
    --------
    >>> pattern_keys("Years of Culture"), pattern_keys("UN", "lemma"), pattern_keys("Cooperat*", "prefix")
    (('year', 'of', 'culture'), ('UN',), ('cooperat',))
    """
    text = pattern.strip().rstrip("*") if match == "prefix" else pattern
    tokens = list(iter_tokens(text))
    if not any(kind != "punct" for *_, kind in tokens):
        raise ValueError(f"pattern {pattern!r} has no word in it.")
    if match == "prefix" and len(tokens) != 1:
        raise ValueError(f"a prefix pattern must be one word, got {pattern!r}.")
    if match == "lemma":
        return tuple(
            lemmatise(token, keep_case=True) if kind != "punct" else normalise(token)
            for _, _, token, kind in tokens
        )
    return tuple(normalise(token) for _, _, token, _ in tokens)


def list_themes(lexicon: pd.DataFrame) -> list[str]:
    """Themes in the order of the lexicon file.

    Examples
    --------
    >>> list_themes(load_lexicon())[:2]
    ['friendship & personal ties', 'partnership & cooperation']
    """
    return list(dict.fromkeys(lexicon["theme"]))


def summarise_lexicon(lexicon: pd.DataFrame, examples: int = 6) -> pd.DataFrame:
    """One row per theme: how many patterns and the first few of them.

    Examples
    --------
    >>> summarise_lexicon(load_lexicon()).loc[3, ["theme", "examples"]].tolist()
    ['energy', 'energy, energy resources, gas, natural gas, gas pipeline, pipeline']
    """
    grouped = lexicon.groupby("theme", sort=False)["pattern"]
    return pd.DataFrame(
        {
            "theme": list(grouped.groups),
            "patterns": grouped.size().to_numpy(),
            "examples": grouped.apply(lambda p: ", ".join(p.head(examples))).to_numpy(),
        }
    )


def _resolve_lexicon(lexicon) -> pd.DataFrame:
    """A loaded lexicon from None (default file), a path, or a table with theme/pattern/match."""
    if lexicon is None or isinstance(lexicon, (str, Path)):
        return load_lexicon(lexicon)
    if "keys" not in lexicon.columns:  # e.g. a table built by hand or read with pandas
        lexicon = lexicon.assign(
            keys=[pattern_keys(p, m) for p, m in zip(lexicon["pattern"], lexicon["match"], strict=True)]
        )
    if "n_tokens" not in lexicon.columns:
        lexicon = lexicon.assign(n_tokens=lexicon["keys"].map(len))
    return lexicon


# --------------------------------------------------------------------------- matching


def _tokens_of(source) -> pd.DataFrame:
    tokens = source.tokens if isinstance(source, Transcript) else source
    missing = [c for c in _TOKEN_NEEDS if c not in tokens.columns]
    if missing:
        raise TranscriptError(f"The tokens table lacks the column(s) {', '.join(missing)}.")
    require_nonempty(tokens, "tokens")
    if not tokens["token_id"].is_monotonic_increasing:
        tokens = tokens.sort_values("token_id", kind="stable")
    return tokens.reset_index(drop=True)


def _candidate_patterns(tokens: pd.DataFrame, lexicon: pd.DataFrame) -> pd.DataFrame:
    """Pair each token position with the lexicon rows whose first token matches there.

    Vectorised: a join between the tokens and the patterns' first keys, so the
    cost grows with the number of candidate positions, not with tokens x patterns.
    """
    frames = [pd.DataFrame({"position": [], "row": []}, dtype=int)]
    columns = {"word": "lower", "lemma": "lemma", "prefix": "lower"}
    for match, rows in lexicon.groupby("match", sort=False):
        values = tokens[columns[match]].to_numpy(object)
        firsts = pd.DataFrame({"first": [k[0] for k in rows["keys"]], "row": rows.index})
        if match == "prefix":
            firsts = _expand_prefixes(firsts, values)
        positions = np.flatnonzero(pd.Series(values).isin(firsts["first"]).to_numpy())
        found = pd.DataFrame({"position": positions, "first": values[positions]})
        frames.append(found.merge(firsts, on="first")[["position", "row"]])
    return pd.concat(frames, ignore_index=True)


def _expand_prefixes(firsts: pd.DataFrame, values: np.ndarray) -> pd.DataFrame:
    """Turn prefix first-keys into the word forms of the text that start with them."""
    prefixes = tuple(firsts["first"])
    forms = [v for v in pd.unique(values) if isinstance(v, str) and v.startswith(prefixes)]
    pairs = [
        (v, r) for v in forms for p, r in zip(firsts["first"], firsts["row"], strict=True) if v.startswith(p)
    ]
    return pd.DataFrame(pairs, columns=["first", "row"])


def _all_matches(tokens: pd.DataFrame, lexicon: pd.DataFrame) -> list[tuple[int, int, int]]:
    """Every (position, length, lexicon row) where a pattern matches, overlaps included."""
    candidates = _candidate_patterns(tokens, lexicon)
    lengths = lexicon["n_tokens"].to_numpy()[lexicon.index.get_indexer(candidates["row"])]
    single = candidates[lengths == 1]
    found = [(p, 1, r) for p, r in zip(single["position"].tolist(), single["row"].tolist(), strict=True)]
    longer = candidates[lengths > 1]
    if longer.empty:
        return found
    keys, kinds = lexicon["keys"].to_dict(), lexicon["match"].to_dict()
    lower, lemma = tokens["lower"].tolist(), tokens["lemma"].tolist()
    arrays = {"word": lower, "lemma": lemma, "prefix": lower}
    token_ids, sentence_ids = tokens["token_id"].tolist(), tokens["sentence_id"].tolist()
    size = len(tokens)
    for position, row in zip(longer["position"].tolist(), longer["row"].tolist(), strict=True):
        pattern = keys[row]
        n, last = len(pattern), position + len(pattern) - 1
        if last >= size or token_ids[last] - token_ids[position] != n - 1:
            continue
        if sentence_ids[last] != sentence_ids[position]:
            continue
        values = arrays[kinds[row]]
        if all(values[position + i] == pattern[i] for i in range(1, n)):
            found.append((position, n, row))
    return found


def _resolve_overlaps(found: list[tuple[int, int, int]], lexicon: pd.DataFrame, size: int) -> list:
    """Apply the tie rules: longest first, then earliest, then word/lemma/prefix, then file order."""
    priority = lexicon["match"].map(_PRIORITY).to_dict()
    order = sorted(found, key=lambda m: (-m[1], m[0], priority[m[2]], m[2]))
    taken = bytearray(size)
    kept = []
    for position, n, row in order:
        if not any(taken[position : position + n]):
            taken[position : position + n] = b"\x01" * n
            kept.append((position, n, row))
    return sorted(kept)


def find_theme_matches(source: Transcript | pd.DataFrame, lexicon=None) -> pd.DataFrame:
    """Find every lexicon match in the tokens, one row per match (no token counted twice).

    Parameters
    ----------
    source : Transcript or pandas.DataFrame
        A transcript, or a tokens table with its columns (``token_id``,
        ``sentence_id``, ``speaker``, ``text``, ``lower``, ``lemma``, ``is_word``).
    lexicon : DataFrame, path or None
        A table from :func:`load_lexicon`, a CSV path, or ``None`` for the default.

    Returns
    -------
    pandas.DataFrame
        ``speaker, turn, sentence_id, token_id, n_tokens, start, end, theme,
        pattern, match, text`` in text order (``token_id`` is the first token).

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Ann Lee: The Shanghai Cooperation Organisation supports cooperation.")
    >>> find_theme_matches(t)[["theme", "text"]].values.tolist()
    [['multilateral institutions', 'Shanghai Cooperation Organisation'],
     ['partnership & cooperation', 'cooperation']]
    """
    tokens, lexicon = _tokens_of(source), _resolve_lexicon(lexicon)
    kept = _resolve_overlaps(_all_matches(tokens, lexicon), lexicon, len(tokens))
    positions = np.array([m[0] for m in kept], dtype=int)
    lasts = np.array([m[0] + m[1] - 1 for m in kept], dtype=int)
    rows = lexicon.loc[[m[2] for m in kept]]
    texts = tokens["text"].to_numpy(object)
    table = pd.DataFrame(
        {
            "speaker": tokens["speaker"].to_numpy(object)[positions],
            "turn": _column(tokens, "turn", positions),
            "sentence_id": tokens["sentence_id"].to_numpy()[positions],
            "token_id": tokens["token_id"].to_numpy()[positions],
            "n_tokens": np.array([m[1] for m in kept], dtype=int),
            "start": _column(tokens, "start", positions),
            "end": _column(tokens, "end", lasts),
            "theme": rows["theme"].to_numpy(object),
            "pattern": rows["pattern"].to_numpy(object),
            "match": rows["match"].to_numpy(object),
            "text": _span_texts(texts, positions, lasts),
        }
    )
    return table[MATCH_COLUMNS]


def _span_texts(texts: np.ndarray, positions: np.ndarray, lasts: np.ndarray) -> np.ndarray:
    """Token texts joined by spaces from each position to its last token."""
    out = texts[positions].copy()
    for i in np.flatnonzero(lasts > positions):
        out[i] = " ".join(texts[positions[i] : lasts[i] + 1])
    return out


def _column(tokens: pd.DataFrame, name: str, positions: np.ndarray) -> np.ndarray:
    if name not in tokens.columns:
        return np.full(len(positions), -1, dtype=int)
    return tokens[name].to_numpy()[positions]


# --------------------------------------------------------------------------- theme tables


def theme_counts(
    source: Transcript | pd.DataFrame, lexicon=None, speakers: Sequence[str] | None = None
) -> pd.DataFrame:
    """Count theme matches per speaker, with rates per 1,000 words and the evidence.

    Parameters
    ----------
    source : Transcript or tokens table
    lexicon : DataFrame, path or None
        See :func:`find_theme_matches`.
    speakers : list of str, optional
        Speakers to report (default all, in order of appearance).

    Returns
    -------
    pandas.DataFrame
        One row per speaker and theme (zeros included, themes in lexicon
        order): ``speaker, theme, matches, words, rate_per_1000,
        sentence_ids``.  ``words`` counts the speaker's word tokens
        (``is_word``); ``sentence_ids`` is the sorted tuple of the sentences
        that carry the theme (the evidence).  A speaker without words has rate 0.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Ann Lee: Trade grew. Our trade and energy ties.\\n\\nBo Li: Thanks.")
    >>> c = theme_counts(t)
    >>> c[c["matches"] > 0].values.tolist()
    [['Ann Lee', 'partnership & cooperation', 1, 7, 142.857143, (1,)], \
['Ann Lee', 'trade & economy', 2, 7, 285.714286, (0, 1)], ['Ann Lee', 'energy', 1, 7, 142.857143, (1,)]]
    """
    tokens, lexicon = _tokens_of(source), _resolve_lexicon(lexicon)
    chosen = select_speakers(tokens, speakers)
    matches = find_theme_matches(tokens, lexicon)
    words = tokens["speaker"][tokens["is_word"]].value_counts(sort=False)  # one column, not every column
    grid = pd.MultiIndex.from_product([chosen, list_themes(lexicon)], names=["speaker", "theme"])
    grouped = matches.groupby(["speaker", "theme"])["sentence_id"]
    table = pd.DataFrame(index=grid).reset_index()
    keys = list(zip(table["speaker"], table["theme"], strict=True))
    sizes, evidence = grouped.size(), grouped.apply(lambda s: tuple(sorted({int(i) for i in s})))
    table["matches"] = [int(sizes.get(k, 0)) for k in keys]
    table["words"] = [int(words.get(s, 0)) for s in table["speaker"]]
    denominator = table["words"].where(table["words"] > 0, np.nan)
    table["rate_per_1000"] = (1000 * table["matches"] / denominator).fillna(0.0).round(6)
    table["sentence_ids"] = [evidence.get(k, ()) for k in keys]
    return table[COUNT_COLUMNS]


def theme_evidence(
    transcript: Transcript, lexicon=None, speakers: Sequence[str] | None = None
) -> pd.DataFrame:
    """The sentences that carry each theme, with the words matched in them.

    Returns
    -------
    pandas.DataFrame
        ``speaker, theme, sentence_id, matches, matched, text``: one row per
        speaker, theme and sentence, in lexicon then text order.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Ann Lee: Gas and oil flow. We thank you.")
    >>> theme_evidence(t)[["theme", "sentence_id", "matched"]].values.tolist()
    [['energy', 0, 'Gas; oil']]
    """
    matches = find_theme_matches(transcript, lexicon)
    chosen = select_speakers(transcript.tokens, speakers)
    matches = matches[matches["speaker"].isin(chosen)]
    themes = list_themes(_resolve_lexicon(lexicon))
    grouped = matches.groupby(["speaker", "theme", "sentence_id"], sort=False)["text"]
    table = grouped.agg(matches="size", matched="; ".join).reset_index()
    table["text"] = table["sentence_id"].map(transcript.sentences.set_index("sentence_id")["text"])
    table["speaker"] = pd.Categorical(table["speaker"], chosen, ordered=True)
    table["theme"] = pd.Categorical(table["theme"], themes, ordered=True)
    table = table.sort_values(["speaker", "theme", "sentence_id"]).reset_index(drop=True)
    return table.astype({"speaker": object, "theme": object})


def theme_positions(
    source: Transcript | pd.DataFrame, lexicon=None, speakers: Sequence[str] | None = None
) -> pd.DataFrame:
    """Where each theme match falls along each speaker's speech (0 = first word, 1 = last).

    A speaker's speech is all their words in text order (several turns are
    joined).  ``word_index`` counts the speaker's words before the match;
    ``position = word_index / (words - 1)`` (0 for a one-word speech).

    Returns
    -------
    pandas.DataFrame
        ``speaker, turn, theme, pattern, sentence_id, token_id, word_index, position``.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Ann Lee: Trade is up, said the friend.")
    >>> theme_positions(t)[["theme", "word_index", "position"]].values.tolist()
    [['trade & economy', 0, 0.0], ['friendship & personal ties', 5, 1.0]]
    """
    tokens, lexicon = _tokens_of(source), _resolve_lexicon(lexicon)
    chosen = select_speakers(tokens, speakers)
    is_word = tokens["is_word"].astype(int)
    before = is_word.groupby(tokens["speaker"]).cumsum() - is_word
    totals = is_word.groupby(tokens["speaker"]).transform("sum")
    index = pd.Series(before.to_numpy(), index=tokens["token_id"])
    span = pd.Series((totals - 1).clip(lower=1).to_numpy(), index=tokens["token_id"])
    matches = find_theme_matches(tokens, lexicon)
    matches = matches[matches["speaker"].isin(chosen)].reset_index(drop=True)
    matches["word_index"] = matches["token_id"].map(index).astype(int)
    matches["position"] = (matches["word_index"] / matches["token_id"].map(span)).round(6)
    return matches[POSITION_COLUMNS]


# --------------------------------------------------------------------------- phrases


def _word_runs(tokens: pd.DataFrame, speaker: str) -> list[list[str]]:
    """Runs of consecutive word tokens (lower case) broken at punctuation and sentence ends."""
    own = tokens[tokens["speaker"] == speaker]
    breaks = (~own["is_word"]) | own["sentence_id"].ne(own["sentence_id"].shift())
    run_ids = (breaks | own["token_id"].diff().ne(1)).cumsum().to_numpy()[own["is_word"].to_numpy()]
    lowers = own.loc[own["is_word"], "lower"].tolist()
    cuts = [0, *(np.flatnonzero(np.diff(run_ids)) + 1).tolist(), len(lowers)]
    return [lowers[i:j] for i, j in zip(cuts[:-1], cuts[1:], strict=True) if j > i]


def _ngrams(runs: Iterable[list[str]], sizes: Iterable[int]) -> Counter:
    counts: Counter = Counter()
    for n in sizes:
        for run in runs:
            counts.update(tuple(run[i : i + n]) for i in range(len(run) - n + 1))
    return counts


def _drop_nested(counts: dict[tuple, int]) -> dict[tuple, int]:
    """Drop an n-gram found only inside one longer kept n-gram (same count)."""
    nested = set()
    for gram, count in counts.items():
        for n in range(2, len(gram)):
            for i in range(len(gram) - n + 1):
                part = gram[i : i + n]
                if counts.get(part) == count:
                    nested.add(part)
    return {gram: count for gram, count in counts.items() if gram not in nested}


def recurring_phrases(
    source: Transcript | pd.DataFrame,
    speakers: Sequence[str] | None = None,
    sizes: Sequence[int] = (2, 3, 4),
    min_count: int = 2,
    drop_nested: bool = True,
) -> pd.DataFrame:
    """Repeated n-grams per speaker, and whether the other speakers use them too.

    N-grams are taken over runs of word tokens (lower case) that punctuation
    and sentence ends interrupt.  N-grams that begin or end with a stop word
    (``analysis.tokens.load_stopwords``) are left out ("of the", "the 80th").

    Parameters
    ----------
    source : Transcript or tokens table
    speakers : list of str, optional
        Default: all speakers.
    sizes : sequence of int, default (2, 3, 4)
        N-gram lengths in words.
    min_count : int, default 2
        Keep n-grams a speaker uses at least this often.
    drop_nested : bool, default True
        Drop an n-gram that only ever occurs inside a longer kept one
        (same count), so "strategic cooperation" is not listed beside
        "comprehensive strategic cooperation" when both occur equally often.

    Returns
    -------
    pandas.DataFrame
        ``speaker, phrase, n, count, rate_per_1000, shared``: ``shared`` is
        True when every other listed speaker uses the phrase at least once.
        Sorted by speaker, then count (descending), then phrase.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Ann Lee: Mutual trade grew. Mutual trade, mutual aid.\\n\\nBo Li: Mutual trade")
    >>> recurring_phrases(t).values.tolist()
    [['Ann Lee', 'mutual trade', 2, 2, 285.714286, True]]
    """
    tokens = _tokens_of(source)
    chosen = select_speakers(tokens, speakers)
    stop = load_stopwords()
    counts = {s: _ngrams(_word_runs(tokens, s), sizes) for s in chosen}
    words = tokens[tokens["is_word"]].groupby("speaker").size()
    rows = []
    for speaker in chosen:
        kept = {
            g: c
            for g, c in counts[speaker].items()
            if c >= min_count and g[0] not in stop and g[-1] not in stop
        }
        kept = _drop_nested(kept) if drop_nested else kept
        others = [counts[s] for s in chosen if s != speaker]
        for gram, count in kept.items():
            shared = bool(others) and all(other.get(gram, 0) > 0 for other in others)
            rate = round(1000 * count / words[speaker], 6)
            rows.append([speaker, " ".join(gram), len(gram), count, rate, shared])
    table = pd.DataFrame(rows, columns=PHRASE_COLUMNS)
    table["_order"] = table["speaker"].map({s: i for i, s in enumerate(chosen)})
    table = table.sort_values(["_order", "count", "n", "phrase"], ascending=[True, False, False, True])
    return table.drop(columns="_order").reset_index(drop=True).astype({"count": int, "n": int})


def score_collocations(
    source: Transcript | pd.DataFrame,
    speakers: Sequence[str] | None = None,
    n: int = 2,
    measure: str = "likelihood_ratio",
    min_count: int = 2,
) -> pd.DataFrame:
    """Score word pairs (or triples) per speaker with NLTK's collocation finders.

    Runs of words broken at punctuation and sentence ends are the finder's
    documents, so no pair spans a comma or a full stop.  N-grams containing a
    stop word from ``data/stopwords_en.txt`` are filtered out (NLTK's
    downloadable stop-word corpus is not used).

    Parameters
    ----------
    n : {2, 3}
        Bigrams or trigrams.
    measure : str, default "likelihood_ratio"
        A scoring method of ``nltk.metrics.BigramAssocMeasures`` (or Trigram…),
        e.g. ``"pmi"``, ``"likelihood_ratio"``, ``"raw_freq"``.
    min_count : int, default 2
        Minimum frequency of the n-gram.

    Returns
    -------
    pandas.DataFrame
        ``speaker, phrase, count, score, measure``, best first per speaker.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Ann Lee: Gas pipeline works. A gas pipeline, gas. Oil.")
    >>> score_collocations(t, measure="raw_freq")[["phrase", "count"]].values.tolist()
    [['gas pipeline', 2]]
    """
    if n not in (2, 3):
        raise ValueError(f"score_collocations handles n=2 or n=3, got {n}.")
    # NLTK is imported here, not at module level: it takes a second to import.
    from nltk.collocations import BigramCollocationFinder, TrigramCollocationFinder
    from nltk.metrics import BigramAssocMeasures, TrigramAssocMeasures

    finder_class, measures = (
        (BigramCollocationFinder, BigramAssocMeasures)
        if n == 2
        else (TrigramCollocationFinder, TrigramAssocMeasures)
    )
    if not hasattr(measures, measure):
        raise ValueError(f"Unknown collocation measure {measure!r}; try 'likelihood_ratio' or 'pmi'.")
    tokens = _tokens_of(source)
    stop = load_stopwords()
    frames = []
    for speaker in select_speakers(tokens, speakers):
        finder = finder_class.from_documents(_word_runs(tokens, speaker))
        finder.apply_word_filter(lambda word: word in stop)
        finder.apply_freq_filter(min_count)
        scored = finder.score_ngrams(getattr(measures, measure))
        frames.append(
            pd.DataFrame(
                {
                    "speaker": speaker,
                    "phrase": [" ".join(gram) for gram, _ in scored],
                    "count": [int(finder.ngram_fd[gram]) for gram, _ in scored],
                    "score": [round(float(score), 6) for _, score in scored],
                    "measure": measure,
                },
                columns=["speaker", "phrase", "count", "score", "measure"],
            )
        )
    return pd.concat(frames, ignore_index=True).astype({"count": int, "score": float})


# --------------------------------------------------------------------------- concordance


def kwic(
    source: Transcript | pd.DataFrame,
    query: str,
    window: int = 6,
    sentences: pd.DataFrame | None = None,
    match: str = "lemma",
) -> pd.DataFrame:
    """Keyword in context: every occurrence of a word, lemma or phrase with its surroundings.

    Parameters
    ----------
    source : Transcript or tokens table
        With a Transcript (or a tokens table plus ``sentences``) the context
        keeps the original spacing and punctuation; with tokens alone the
        words are re-joined.
    query : str
        A word, a phrase (``"strategic cooperation"``) or a prefix ending
        in ``*`` (``"cooperat*"``, implies ``match="prefix"``).
    window : int, default 6
        Words shown on each side.  The context never crosses into another
        speaker's turn.
    sentences : DataFrame, optional
        The sentences table, when ``source`` is a tokens table.
    match : {"lemma", "word", "prefix"}
        How the query is compared (see the module docstring).

    Returns
    -------
    pandas.DataFrame
        ``speaker, sentence_id, left, match, right`` in text order.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Ann Lee: Plans matter. We plan, and plans change.")
    >>> kwic(t, "plan", window=2).values.tolist()
    [['Ann Lee', 0, '', 'Plans', 'matter. We'], ['Ann Lee', 1, 'matter. We', 'plan', ', and plans'], \
['Ann Lee', 1, 'plan, and', 'plans', 'change.']]
    """
    match = "prefix" if query.strip().endswith("*") else match
    if match not in MATCH_TYPES:
        raise ValueError(f"match must be one of {', '.join(MATCH_TYPES)}, got {match!r}.")
    if window < 0:
        raise ValueError(f"window must be 0 or more words, got {window}.")
    tokens = _tokens_of(source)
    lexicon = pd.DataFrame(
        {"theme": ["query"], "pattern": [query], "match": [match], "note": [""], "line": [0]}
    )
    lexicon["keys"] = [pattern_keys(query, match)]
    lexicon["n_tokens"] = lexicon["keys"].map(len)
    found = _resolve_overlaps(_all_matches(tokens, lexicon), lexicon, len(tokens))
    sentences = source.sentences if isinstance(source, Transcript) else sentences
    context = _Context(tokens, sentences)
    rows = []
    for position, n, _ in found:
        last = position + n - 1
        left, right = context.reach(position, -window), context.reach(last, window)
        rows.append([
            context.speakers[position], context.sentence_ids[position],
            context.text(left, position - 1), context.text(position, last), context.text(last + 1, right),
        ])  # fmt: skip
    return pd.DataFrame(rows, columns=KWIC_COLUMNS)


class _Context:
    """Token columns as lists, to walk a few tokens left and right of a match quickly."""

    def __init__(self, tokens: pd.DataFrame, sentences: pd.DataFrame | None):
        turn = tokens["turn"] if "turn" in tokens.columns else tokens["speaker"]
        self.block = turn.ne(turn.shift()).cumsum().tolist()
        self.is_word = tokens["is_word"].tolist()
        self.texts = tokens["text"].tolist()
        self.speakers = tokens["speaker"].tolist()
        self.sentence_ids = [int(i) for i in tokens["sentence_id"]]
        self.sentences = None
        if sentences is not None and {"start", "end"} <= set(tokens.columns):
            self.starts, self.ends = tokens["start"].tolist(), tokens["end"].tolist()
            self.sentences = dict(zip(sentences["sentence_id"], zip(sentences["start"], sentences["text"])))

    def reach(self, position: int, words: int) -> int:
        """The position ``words`` word tokens away (negative: leftwards), staying in the turn."""
        step, here, left = (1 if words > 0 else -1), position, abs(words)
        while left > 0 and self._same_turn(here + step, position):
            here += step
            left -= self.is_word[here]
        while step > 0 and self._same_turn(here + 1, position) and not self.is_word[here + 1]:
            here += 1  # keep the punctuation that closes the last word (". , ;")
        return here

    def _same_turn(self, i: int, position: int) -> bool:
        return 0 <= i < len(self.block) and self.block[i] == self.block[position]

    def text(self, first: int, last: int) -> str:
        """The text from token ``first`` to token ``last`` (empty when ``last < first``)."""
        if last < first:
            return ""
        if self.sentences is None:
            return _join_words(self.texts[first : last + 1], self.is_word[first : last + 1])
        pieces, begin = [], first
        for i in range(first, last + 1):
            if i == last or self.sentence_ids[i + 1] != self.sentence_ids[i]:
                offset, text = self.sentences[self.sentence_ids[i]]
                pieces.append(" ".join(text[self.starts[begin] - offset : self.ends[i] - offset].split()))
                begin = i + 1
        return " ".join(pieces)


def _join_words(texts: list[str], is_word: list[bool]) -> str:
    out = ""
    for text, word in zip(texts, is_word, strict=True):
        glue = "" if not out or (not word and text in ".,;:!?)]") or out[-1] in "([" else " "
        out += glue + text
    return out


# --------------------------------------------------------------------------- findings


def describe_themes(counts: pd.DataFrame, a: str, b: str) -> list[str]:
    """Findings sentences about theme rates, computed from :func:`theme_counts`.

    Examples
    --------
    >>> counts = pd.DataFrame({"speaker": ["A", "A", "B", "B"], "theme": ["x", "y", "x", "y"],
    ...     "matches": [3, 0, 1, 2], "words": [100, 100, 200, 200],
    ...     "rate_per_1000": [30.0, 0.0, 5.0, 10.0], "sentence_ids": [(0,), (), (5,), (6,)]})
    >>> print(describe_themes(counts, "A", "B")[0])
    A's most frequent theme is x (3 matches, 30.0 per 1,000 words);
    B's is y (2 matches, 10.0 per 1,000 words).
    """
    check_speakers(list(dict.fromkeys(counts["speaker"])), [a, b], "the theme counts")
    rates = counts.pivot(index="theme", columns="speaker", values="rate_per_1000")
    n = counts.pivot(index="theme", columns="speaker", values="matches")
    top_a, top_b = rates[a].idxmax(), rates[b].idxmax()
    out = [
        f"{a}'s most frequent theme is {top_a} ({n.at[top_a, a]} matches, "
        f"{rates.at[top_a, a]:.1f} per 1,000 words); {b}'s is {top_b} ({n.at[top_b, b]} matches, "
        f"{rates.at[top_b, b]:.1f} per 1,000 words)."
    ]
    gap = (rates[a] - rates[b]).sort_values()
    for theme, more, less in ((gap.index[-1], a, b), (gap.index[0], b, a)):
        if rates.at[theme, more] > rates.at[theme, less]:
            out.append(
                f"The widest gap in {more}'s favour is {theme}: {rates.at[theme, more]:.1f} vs "
                f"{rates.at[theme, less]:.1f} per 1,000 words "
                f"({n.at[theme, more]} vs {n.at[theme, less]} matches)."
            )
    for speaker in (a, b):
        absent = [theme for theme in rates.index if n.at[theme, speaker] == 0]
        if absent:
            out.append(f"{speaker} never touches: {', '.join(sorted(absent))}.")
    total = counts.groupby("speaker")["matches"].sum()
    out.append(
        f"All themes together: {total[a]} matches for {a}, {total[b]} for {b} "
        "(small counts: one sentence more or less changes a rate visibly)."
    )
    return out


def describe_positions(positions: pd.DataFrame, a: str, b: str) -> list[str]:
    """Findings about where themes sit in each speech, from :func:`theme_positions`.

    For each speaker: the theme met earliest and latest on average (themes with
    at least two matches), by median relative position.

    Examples
    --------
    >>> p = pd.DataFrame({"speaker": ["A"] * 4 + ["B"] * 2, "theme": ["x", "x", "y", "y", "x", "x"],
    ...     "position": [0.1, 0.2, 0.8, 0.9, 0.5, 0.5]})
    >>> describe_positions(p, "A", "B")
    ['A: x comes earliest (median position 0.15), y latest (0.85).', 'B: only x has two matches or more.']
    """
    out = []
    for speaker in (a, b):
        own = positions[positions["speaker"] == speaker]
        grouped = own.groupby("theme")["position"]
        medians = grouped.median()[grouped.size() >= 2].sort_values()
        if len(medians) >= 2:
            out.append(
                f"{speaker}: {medians.index[0]} comes earliest (median position {medians.iloc[0]:.2f}), "
                f"{medians.index[-1]} latest ({medians.iloc[-1]:.2f})."
            )
        elif len(medians) == 1:
            out.append(f"{speaker}: only {medians.index[0]} has two matches or more.")
        else:
            out.append(f"{speaker}: no theme has two matches or more.")
    return out


def describe_phrases(phrases: pd.DataFrame, a: str, b: str) -> list[str]:
    """Findings about recurring phrases, from :func:`recurring_phrases`.

    Examples
    --------
    >>> p = pd.DataFrame({"speaker": ["A", "B"], "phrase": ["mutual trade", "gas pipeline"], "n": [2, 2],
    ...     "count": [3, 2], "rate_per_1000": [1.0, 1.0], "shared": [True, False]})
    >>> describe_phrases(p, "A", "B")
    ["A's most repeated phrase is 'mutual trade' (3 times); B's is 'gas pipeline' (2 times).", \
"Phrases repeated by one speaker and used by the other: 'mutual trade'."]
    """
    out, tops = [], []
    for speaker in (a, b):
        own = phrases[phrases["speaker"] == speaker]
        tops.append(
            f"'{own['phrase'].iat[0]}' ({own['count'].iat[0]} times)"
            if len(own)
            else "none (no phrase repeats)"
        )
    out.append(f"{a}'s most repeated phrase is {tops[0]}; {b}'s is {tops[1]}.")
    shared = list(dict.fromkeys(phrases.loc[phrases["shared"], "phrase"]))
    out.append(
        "Phrases repeated by one speaker and used by the other: " + ", ".join(f"'{p}'" for p in shared) + "."
        if shared
        else "No repeated phrase is used by both speakers."
    )
    return out
