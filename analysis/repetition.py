"""Repetition devices: repeated phrases, anaphora and lists (tricolon).

Built on the sentence engine of :mod:`analysis.rhetoric` (word tokens grouped by
sentence, punctuation kept for clause breaks).  The rules are surface rules, not
a parser: a long clause list can be missed, and a long first item at the start
of a sentence can make a false list of three.
"""

from __future__ import annotations

import pandas as pd

from .rhetoric import _CLAUSE_BREAKS, _CONJUNCTIONS, _Sentence, _sentences

NGRAM_COLUMNS = ["speaker", "turn", "sentence_id", "token_id", "n", "phrase", "text"]


def _is_word_token(lower: str) -> bool:
    return lower[0].isalnum() or lower[0] in "$£€¥"


def _stretches(s: _Sentence) -> list[list[int]]:
    """Runs of word tokens not broken by punctuation, as token indices."""
    runs, current = [], []
    for i, lower in enumerate(s.lower):
        if _is_word_token(lower):
            current.append(i)
        else:
            runs.append(current)
            current = []
    return [run for run in [*runs, current] if run]


def list_ngrams(tokens: pd.DataFrame, sizes=(1, 2, 3)) -> pd.DataFrame:
    """Every content n-gram: n words in a row, inside one sentence, not across punctuation.

    An n-gram must begin and end with a content word (not a stop word); its
    ``phrase`` joins the lemmas ("years of culture"), its ``text`` the words
    as written.  Unigrams are the content words.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Ann Lee: The Years of Culture, and the year.")
    >>> list_ngrams(t.tokens)[["n", "phrase"]].values.tolist()
    [[1, 'year'], [3, 'year of culture'], [1, 'culture'], [1, 'year']]
    """
    rows = []
    for s in _sentences(tokens, words_only=False):
        for run in _stretches(s):
            for a, i in enumerate(run):
                if s.is_stop[i]:
                    continue
                for n in sizes:
                    last = run[a + n - 1] if a + n - 1 < len(run) else None
                    if last is None or s.is_stop[last]:
                        continue
                    span = run[a : a + n]
                    rows.append(
                        [
                            s.speaker,
                            s.turn,
                            s.sentence_id,
                            s.token_id[i],
                            n,
                            " ".join(s.lemma[k] for k in span),
                            " ".join(s.text[k] for k in span),
                        ]
                    )
    table = pd.DataFrame(rows, columns=NGRAM_COLUMNS)
    return table.astype({"turn": "int64", "sentence_id": "int64", "token_id": "int64", "n": "int64"})


def find_repeated_phrases(tokens: pd.DataFrame, sizes=(2, 3), min_count: int = 2) -> pd.DataFrame:
    """Key phrases a speaker repeats: content n-grams used at least ``min_count`` times.

    A shorter phrase is dropped when a longer repeated phrase of the same
    speaker contains it and is used as often ("gas pipeline" inside
    "China-Russia gas pipeline").

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Ann Lee: Mutual trade grows. Mutual trade matters. Trade grows.")
    >>> find_repeated_phrases(t.tokens)[["phrase", "count", "sentence_ids"]].values.tolist()
    [['mutual trade', 2, [0, 1]], ['trade grow', 2, [0, 2]]]
    """
    grams = list_ngrams(tokens, sizes)
    columns = ["speaker", "phrase", "n", "count", "example", "sentence_ids"]
    grouped = grams.groupby(["speaker", "phrase", "n"], sort=False).agg(
        count=("token_id", "size"), example=("text", "first"), sentence_ids=("sentence_id", list)
    )
    repeated = grouped[grouped["count"] >= min_count].reset_index()
    if repeated.empty:
        return pd.DataFrame(columns=columns)
    inside = _contained(repeated)
    repeated = repeated[
        [key not in inside for key in zip(repeated["speaker"], repeated["phrase"], repeated["count"])]
    ]
    repeated = repeated.assign(sentence_ids=[sorted(set(ids)) for ids in repeated["sentence_ids"]])
    order = {name: i for i, name in enumerate(dict.fromkeys(tokens["speaker"]))}
    repeated = repeated.assign(_order=repeated["speaker"].map(order))
    repeated = repeated.sort_values(["_order", "count", "n", "phrase"], ascending=[True, False, False, True])
    return repeated[columns].reset_index(drop=True)


def _contained(table: pd.DataFrame) -> set[tuple]:
    """(speaker, shorter phrase, count) for every shorter phrase inside a repeated longer one."""
    inside = set()
    for speaker, phrase, count in zip(table["speaker"], table["phrase"], table["count"]):
        words = phrase.split()
        for size in range(1, len(words)):
            for k in range(len(words) - size + 1):
                inside.add((speaker, " ".join(words[k : k + size]), count))
    return inside


def _clauses(tokens: pd.DataFrame) -> list[tuple[_Sentence, int, list[int]]]:
    """Clauses: stretches between , ; : dashes (and sentence ends), as (sentence, order, word indices)."""
    out = []
    for s in _sentences(tokens, words_only=False):
        current: list[int] = []
        order = 0
        for i, lower in enumerate(s.lower):
            if _is_word_token(lower):
                current.append(i)
            elif lower in _CLAUSE_BREAKS and current:
                out.append((s, order, current))
                order, current = order + 1, []
        if current:
            out.append((s, order, current))
    return out


def _opening(s: _Sentence, clause: list[int]) -> str:
    words = [s.lower[i] for i in clause]
    while len(words) > 1 and words[0] in _CONJUNCTIONS:
        words = words[1:]
    return words[0]


def find_anaphora(tokens: pd.DataFrame, min_run: int = 2) -> pd.DataFrame:
    """Anaphora: successive sentences or clauses of one turn that open with the same word.

    Clauses are split at , ; : and dashes; a leading and/but/or/so/yet is
    skipped ("..., and we are working" opens with "we").  Runs of at least
    ``min_run`` units are reported, except on an article (the, a, an).
    ``level`` is ``sentence`` when every unit of the run begins a sentence.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Ann Lee: We came. We saw, and we won. The end.")
    >>> find_anaphora(t.tokens)[["opening", "units", "level", "sentence_ids"]].values.tolist()
    [['we', 3, 'clause', [0, 1]]]
    """
    columns = ["speaker", "turn", "opening", "units", "level", "sentence_ids", "text"]
    rows, run = [], []
    for unit in [*_clauses(tokens), None]:
        if run and unit is not None and unit[0].turn == run[-1][0].turn and _key(unit) == _key(run[-1]):
            run.append(unit)
            continue
        if len(run) >= min_run and _key(run[0]) not in {"the", "a", "an"}:
            rows.append(_anaphora_row(run))
        run = [unit] if unit is not None else []
    return pd.DataFrame(rows, columns=columns)


def _key(unit) -> str:
    return _opening(unit[0], unit[2])


def _anaphora_row(run) -> list:
    first = run[0][0]
    level = "sentence" if all(order == 0 for _, order, _ in run) else "clause"
    text = " / ".join(" ".join(s.text[i] for i in clause[:6]) for s, _, clause in run)
    ids = sorted({s.sentence_id for s, _, _ in run})
    return [first.speaker, first.turn, _key(run[0]), len(run), level, ids, text]


def _list_items(s: _Sentence, j: int, max_item_words: int) -> list[list[int]]:
    """Items of a list closed by the conjunction at index ``j``: [C, B, A, ...] (last first)."""
    end = j + 1
    while end < len(s.lower) and _is_word_token(s.lower[end]) and s.lower[end] not in ("and", "or"):
        end += 1
    items = [list(range(j + 1, end))]
    k = j - 1 if j > 0 and s.lower[j - 1] != "," else j - 2
    while k >= 0 and items[0]:
        m = k
        while m >= 0 and _is_word_token(s.lower[m]) and s.lower[m] not in ("and", "or"):
            m -= 1
        segment, boundary = list(range(m + 1, k + 1)), (s.lower[m] if m >= 0 else "")
        long = len(segment) > max_item_words
        if not segment or (boundary in ("and", "or") and len(items) > 1) or (boundary == "," and long):
            break
        items.append(segment)
        if boundary != "," or long:
            break
        k = m - 1
    return items


def find_tricolons(tokens: pd.DataFrame, max_item_words: int = 4) -> pd.DataFrame:
    """Lists of three (tricolon) and longer lists: "A, B and C".

    For each "and"/"or", the items before it are walked back over commas;
    every item but the first must have at most ``max_item_words`` words.  The
    first item may be longer only when nothing but the sentence start or a
    dash bounds it (its start is open, so only its last words are shown).  Lists of
    three are ``tricolon``, of four or more ``list``.  A surface rule: lists
    of long clauses are missed, and pairs of pairs can read as a list.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Ann Lee: We met in Beijing, Astana and Kazan. Tea and rice.")
    >>> find_tricolons(t.tokens)[["items", "kind", "text"]].values.tolist()
    [[3, 'tricolon', 'We met in Beijing, Astana and Kazan']]
    """
    columns = ["speaker", "turn", "sentence_id", "items", "kind", "text"]
    rows = []
    for s in _sentences(tokens, words_only=False):
        for j, lower in enumerate(s.lower):
            if lower not in ("and", "or"):
                continue
            items = _list_items(s, j, max_item_words)
            if len(items) >= 3 and items[0]:
                first, last = items[-1][-max_item_words:], items[0][:max_item_words]
                text = " ".join(s.text[first[0] : last[-1] + 1]).replace(" ,", ",")
                text += " …" if len(items[0]) > max_item_words else ""
                kind = "tricolon" if len(items) == 3 else "list"
                rows.append([s.speaker, s.turn, s.sentence_id, len(items), kind, text])
    return pd.DataFrame(rows, columns=columns)


def describe_repetition(anaphora: pd.DataFrame, tricolons: pd.DataFrame, repeated: pd.DataFrame,
                        a: str, b: str) -> list[str]:  # fmt: skip
    """Findings on anaphora, lists of three and repeated phrases.

    Examples
    --------
    >>> from analysis import parse_transcript
    >>> t = parse_transcript("Ann Lee: We came. We saw. Mutual trade, trust and peace. Mutual trade!")
    >>> describe_repetition(find_anaphora(t.tokens), find_tricolons(t.tokens),
    ...                     find_repeated_phrases(t.tokens), "Ann Lee", "Bob Ray")[0]
    "Ann Lee: 1 anaphora run(s), 1 tricolon(s), 0 longer list(s); most repeated phrase 'Mutual trade' (2x)."
    """
    lines = []
    for speaker in (a, b):
        runs = int((anaphora["speaker"] == speaker).sum())
        own_lists = tricolons[tricolons["speaker"] == speaker]
        threes = int((own_lists["kind"] == "tricolon").sum())
        own_phrases = repeated[repeated["speaker"] == speaker]
        top = "; no repeated phrase"
        if len(own_phrases):
            example, count = own_phrases["example"].iloc[0], int(own_phrases["count"].iloc[0])
            top = f"; most repeated phrase '{example}' ({count}x)"
        lines.append(f"{speaker}: {runs} anaphora run(s), {threes} tricolon(s), "
                     f"{len(own_lists) - threes} longer list(s){top}.")  # fmt: skip
    return lines
