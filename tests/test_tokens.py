"""Tokens: the documented rules for compounds, possessives, numbers and lemmas."""

import pytest

from analysis import parse_transcript
from analysis.tokens import is_acronym, iter_tokens, lemmatise, load_stopwords, normalise


def words(text):
    return [(token, kind) for _, _, token, kind in iter_tokens(text)]


def test_compounds_possessives_and_numbers():
    assert words("China-Russia win-win UN-centric People's don't") == [
        ("China-Russia", "word"), ("win-win", "word"), ("UN-centric", "word"),
        ("People's", "word"), ("don't", "word"),
    ]  # fmt: skip
    assert words("$220 billion, 7.5 and 1,000; the 75th in 2024 (7%) 1990s G20") == [
        ("$220", "number"), ("billion", "word"), (",", "punct"), ("7.5", "number"), ("and", "word"),
        ("1,000", "number"), (";", "punct"), ("the", "word"), ("75th", "number"), ("in", "word"),
        ("2024", "number"), ("(", "punct"), ("7%", "number"), (")", "punct"), ("1990s", "number"),
        ("G20", "word"),
    ]  # fmt: skip


def test_abbreviations():
    assert words("Mr. Smith in the U.S.") == [
        ("Mr", "word"), (".", "punct"), ("Smith", "word"), ("in", "word"), ("the", "word"), ("U.S.", "word"),
    ]  # fmt: skip


def test_offsets_are_absolute():
    text = "xx Hello, world"
    assert [(s, e) for s, e, _, _ in iter_tokens(text, 3)] == [(3, 8), (8, 9), (10, 15)]


@pytest.mark.parametrize(
    ("token", "lemma"),
    [("countries", "country"), ("People's", "people"), ("China’s", "china"), ("celebrated", "celebrate"),
     ("ties", "tie"), ("win-win", "win-win"), ("2024", "2024")],
)  # fmt: skip
def test_lemmas(token, lemma):
    assert lemmatise(token) == lemma


def test_acronyms_keep_case_only_when_asked():
    assert lemmatise("US", keep_case=True) == "US"
    assert lemmatise("US") == "we"  # simplemma: the pronoun "us" has the lemma "we"
    assert is_acronym("BRICS") and not is_acronym("I") and not is_acronym("Russia")


def test_shouted_lines_are_not_acronyms():
    t = parse_transcript("THE PRESIDENT: WE THANK THE US.")
    assert t.tokens["lemma"].tolist() == ["we", "thank", "the", "we", "."]


def test_normalise_and_stopwords():
    assert normalise("People’s") == "people's"
    stop = load_stopwords()
    assert len(stop) == 179 and {"the", "we", "don't"} <= stop and "cooperation" not in stop


def test_token_table_flags(seed):
    tokens = seed.tokens.set_index("text")
    assert tokens.loc["$220", "is_number"] and tokens.loc["$220", "is_word"]
    assert not tokens.loc["China-Russia", "is_stop"].any()
    punctuation = seed.tokens[~seed.tokens["is_word"]]
    assert set(punctuation["text"]) >= {",", ".", "–", '"'}
