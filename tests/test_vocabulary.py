"""Vocabulary measures: hand-computed values, an independent cross-check, symmetry, edge cases, the seed."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import chi2_contingency

from analysis import SpeakerNotFoundError, TranscriptError, load_stopwords
from analysis.paths import SEED_TRANSCRIPT
from analysis.vocabulary import (
    compare_mattr,
    count_pair,
    describe_distinctive,
    describe_diversity,
    describe_frequencies,
    describe_overlap,
    dirichlet_prior,
    distinctive_terms,
    lexical_diversity,
    log_likelihood,
    log_ratio,
    mattr_intervals,
    moving_ttr,
    score_hdd,
    score_mattr,
    score_mtld,
    score_ttr,
    shared_vocabulary,
    top_keyness,
    top_terms,
    vocabulary_overlap,
    window_types,
    word_frequencies,
)

A, B = "Ann Lee", "Bob Ray"


def make_tokens(texts: dict[str, str], numbers: tuple[str, ...] = ()) -> pd.DataFrame:
    """A minimal tokens table: one sentence per speaker, words split on spaces, lemma = lower."""
    rows, stop = [], load_stopwords()
    for sentence_id, (speaker, text) in enumerate(texts.items()):
        for word in text.split():
            rows.append({
                "token_id": len(rows), "sentence_id": sentence_id, "speaker": speaker,
                "lower": word.lower(), "lemma": word.lower(), "is_word": True,
                "is_number": word in numbers, "is_stop": word.lower() in stop,
            })  # fmt: skip
    columns = ["token_id", "sentence_id", "speaker", "lower", "lemma", "is_word", "is_number", "is_stop"]
    return pd.DataFrame(rows, columns=columns)


# A: "peace and peace" (3 words), B: "trade and peace" (3 words).  Pooled prior: alpha_w = pooled
# count (peace 3, and 2, trade 1), alpha_0 = 6.
SMALL = make_tokens({A: "peace and peace", B: "trade and peace"})


@pytest.fixture(scope="module")
def seed_tokens():
    from analysis import load_transcript

    return load_transcript(SEED_TRANSCRIPT).tokens


# --- frequencies -------------------------------------------------------------------------------


def test_word_frequencies_counts_and_rates():
    table = word_frequencies(SMALL)
    ann = table[table["speaker"] == A].set_index("term")
    assert ann["count"].to_dict() == {"peace": 2, "and": 1}
    assert ann.loc["peace", "per_1000"] == pytest.approx(1000 * 2 / 3)
    assert ann["rank"].to_dict() == {"peace": 1, "and": 2}
    assert table["speaker"].drop_duplicates().tolist() == [A, B]  # order of first appearance


def test_word_frequencies_drop_stopwords_keeps_the_rate_base():
    table = word_frequencies(SMALL, drop_stopwords=True)
    assert "and" not in set(table["term"])
    assert table.set_index(["speaker", "term"]).loc[(B, "trade"), "per_1000"] == pytest.approx(1000 / 3)
    assert set(table["words"]) == {3}


def test_word_frequencies_numbers_dropped_by_default():
    tokens = make_tokens({A: "in 2024 trade grew", B: "yes"}, numbers=("2024",))
    assert "2024" not in set(word_frequencies(tokens)["term"])
    assert word_frequencies(tokens)["words"].iloc[0] == 3
    kept = word_frequencies(tokens, drop_numbers=False)
    assert "2024" in set(kept["term"]) and kept["words"].iloc[0] == 4


def test_word_frequencies_by_other_column_and_top_terms():
    table = word_frequencies(SMALL, by="sentence_id")
    assert list(table.columns[:2]) == ["sentence_id", "term"]
    assert top_terms(word_frequencies(SMALL), n=1)["term"].tolist() == ["peace", "and"]  # B: ties by term


# --- distinctive terms: hand-computed values -------------------------------------------------


def test_log_odds_z_by_hand():
    d = distinctive_terms(SMALL, A, B).set_index("term")
    # peace: log[(2+3)/(3+6-2-3)] - log[(1+3)/(3+6-1-3)] = log(5/4) - log(4/5) = 2 ln 1.25;
    #        var = 1/(2+3) + 1/(1+3) = 0.45
    assert d.loc["peace", "log_odds"] == pytest.approx(2 * math.log(1.25))
    assert d.loc["peace", "z"] == pytest.approx(2 * math.log(1.25) / math.sqrt(0.45))  # 0.665285
    # trade (B only): log[(0+1)/(3+6-0-1)] - log[(1+1)/(3+6-1-1)] = log(1/8) - log(2/7) = log(7/16);
    #        var = 1/1 + 1/2
    assert d.loc["trade", "z"] == pytest.approx(math.log(7 / 16) / math.sqrt(1.5))  # -0.674980
    assert d.loc["and", "z"] == 0.0 and d.loc["and", "favours"] == ""
    assert d.loc["trade", "favours"] == B and d.loc["peace", "favours"] == A


def test_g2_and_log_ratio_by_hand():
    d = distinctive_terms(SMALL, A, B).set_index("term")
    # peace: [[2, 1], [1, 2]], every E = 1.5: 2 * (2*2 ln(2/1.5) + 2*1 ln(1/1.5)) = 8 ln(4/3) + 4 ln(2/3)
    assert d.loc["peace", "g2"] == pytest.approx(8 * math.log(4 / 3) + 4 * math.log(2 / 3))  # 0.679596
    # trade: [[0, 1], [3, 2]], E = [[.5, .5], [2.5, 2.5]]: 2 * (1 ln 2 + 3 ln(3/2.5) + 2 ln(2/2.5))
    assert d.loc["trade", "g2"] == pytest.approx(2 * (math.log(2) + 3 * math.log(1.2) + 2 * math.log(0.8)))
    # Log Ratio: peace log2((2/3) / (1/3)) = 1; trade: the zero becomes 0.5: log2((0.5/3) / (1/3)) = -1
    assert d.loc["peace", "log_ratio"] == pytest.approx(1.0)
    assert d.loc["trade", "log_ratio"] == pytest.approx(-1.0)
    assert d.loc["peace", "per_1000_a"] == pytest.approx(2000 / 3)


@pytest.mark.parametrize("cells", [(2, 1, 3, 3), (0, 1, 3, 3), (10, 0, 100, 100), (7, 30, 333, 697)])
def test_g2_matches_scipy_log_likelihood(cells):
    """Cross-check against an independent implementation: scipy's G-test on the same 2x2 table."""
    ca, cb, na, nb = cells
    expected = chi2_contingency([[ca, cb], [na - ca, nb - cb]], correction=False, lambda_="log-likelihood")[0]
    assert log_likelihood(np.array([ca]), np.array([cb]), na, nb)[0] == pytest.approx(expected, rel=1e-12)


def test_log_ratio_zero_smoothing_both_sides():
    # 0 vs 3 in 100 vs 200 words: log2((0.5/100) / (3/200)) = log2(1/3)
    assert log_ratio(np.array([0]), np.array([3]), 100, 200)[0] == pytest.approx(math.log2(1 / 3))
    assert log_ratio(np.array([2]), np.array([0]), 100, 100)[0] == pytest.approx(2.0)  # log2(2 / 0.5)


def test_dirichlet_prior_pooled_and_background():
    terms = pd.Series(["and", "peace", "trade"])
    alpha, alpha0 = dirichlet_prior(terms, np.array([2, 3, 1]))
    assert alpha.tolist() == [2.0, 3.0, 1.0] and alpha0 == 6.0
    # background counts + 0.5 each: [4.5+.5, 9.5+.5, 0+.5] = [5, 10, .5], sum 15.5; alpha_0 = 31
    alpha, alpha0 = dirichlet_prior(terms, np.array([2, 3, 1]), {"peace": 9.5, "and": 4.5}, strength=31)
    assert alpha.tolist() == pytest.approx([10.0, 20.0, 1.0]) and alpha0 == 31.0
    frame = pd.DataFrame({"term": ["peace", "and"], "count": [9.5, 4.5]})
    assert dirichlet_prior(terms, np.array([2, 3, 1]), frame, strength=31)[0].tolist() == pytest.approx(alpha)
    with pytest.raises(TranscriptError):
        dirichlet_prior(terms, np.array([2, 3, 1]), {"peace": -1})
    with pytest.raises(ValueError):
        dirichlet_prior(terms, np.array([2, 3, 1]), "flat")


def test_background_prior_changes_estimates_but_keeps_symmetry():
    background = {"peace": 100, "and": 500, "trade": 10}
    d = distinctive_terms(SMALL, A, B, prior=background).set_index("term")
    swapped = distinctive_terms(SMALL, B, A, prior=background).set_index("term")
    assert (d["z"] == -swapped.loc[d.index, "z"]).all()
    assert np.isfinite(d["z"]).all()


def test_stopword_filter_and_min_count_do_not_change_statistics():
    full = distinctive_terms(SMALL, A, B).set_index("term")
    hidden = distinctive_terms(SMALL, A, B, drop_stopwords=True).set_index("term")
    assert "and" not in hidden.index
    assert hidden["z"].to_dict() == full.loc[hidden.index, "z"].to_dict()
    frequent = distinctive_terms(SMALL, A, B, min_count=2)
    assert set(frequent["term"]) == {"peace", "and"}


def test_q_values_are_benjamini_hochberg():
    d = distinctive_terms(SMALL, A, B)
    p = np.sort(d["p_value"].to_numpy())
    m = len(p)
    expected = np.minimum.accumulate((p * m / np.arange(1, m + 1))[::-1])[::-1].clip(max=1)
    assert np.sort(d["q_value"].to_numpy()) == pytest.approx(expected)


def test_top_keyness_sorts_by_g2_then_log_ratio():
    rows = top_keyness(distinctive_terms(SMALL, A, B), n=2)
    assert rows["term"].tolist() == ["peace", "trade"]


# --- symmetry ----------------------------------------------------------------------------------

WORDS = st.lists(st.sampled_from(["peace", "trade", "war", "the", "of", "new", "friend", "year"]), min_size=1)


@settings(max_examples=40, deadline=None)
@given(WORDS, WORDS, st.integers(min_value=1, max_value=3))
def test_swapping_speakers_flips_signs_exactly(words_a, words_b, min_count):
    tokens = make_tokens({A: " ".join(words_a), B: " ".join(words_b)})
    ab = distinctive_terms(tokens, A, B, min_count=min_count).set_index("term")
    ba = distinctive_terms(tokens, B, A, min_count=min_count).set_index("term").loc[ab.index]
    assert (ab["count_a"] == ba["count_b"]).all() and (ab["count_b"] == ba["count_a"]).all()
    for column in ("log_odds", "z", "log_ratio"):
        assert (ab[column] == -ba[column]).all(), column
    for column in ("g2", "p_value", "q_value"):
        assert (ab[column] == ba[column]).all(), column
    assert (ab["favours"] == ba["favours"]).all()
    numeric = ab.select_dtypes("number")
    assert np.isfinite(numeric.to_numpy(dtype=float)).all()  # never a NaN or an infinity
    overlap_ab = vocabulary_overlap(tokens, A, B).iloc[0]
    overlap_ba = vocabulary_overlap(tokens, B, A).iloc[0]
    assert overlap_ab["jaccard"] == overlap_ba["jaccard"]
    assert overlap_ab["jaccard_equal_length"] == pytest.approx(overlap_ba["jaccard_equal_length"])
    shared_ab = shared_vocabulary(tokens, A, B).set_index("term")["used_by"]
    shared_ba = shared_vocabulary(tokens, B, A).set_index("term")["used_by"]
    assert shared_ab.to_dict() == shared_ba.to_dict()


def test_compare_mattr_is_antisymmetric():
    tokens = make_tokens({A: "a b c d e a b c d e f g", B: "a a b b c c a a b b c c"})
    ab = compare_mattr(tokens, A, B, window=4, n_boot=300).iloc[0]
    ba = compare_mattr(tokens, B, A, window=4, n_boot=300).iloc[0]
    assert ab["difference"] == -ba["difference"]
    assert ab["ci_low"] == pytest.approx(-ba["ci_high"]) and ab["ci_high"] == pytest.approx(-ba["ci_low"])


# --- shared vocabulary -------------------------------------------------------------------------


def test_shared_vocabulary_and_overlap_by_hand():
    shared = shared_vocabulary(SMALL, A, B)
    assert shared[["term", "used_by"]].values.tolist() == [["peace", "both"], ["and", "both"], ["trade", B]]
    row = vocabulary_overlap(SMALL, A, B).iloc[0]
    # types A {peace, and}, B {trade, and, peace}: shared 2, union 3; Dice 2*2/(2+3)
    assert (row["types_a"], row["types_b"], row["shared"], row["only_a"], row["only_b"]) == (2, 3, 2, 0, 1)
    assert row["jaccard"] == pytest.approx(2 / 3) and row["dice"] == pytest.approx(0.8)
    assert row["shared_token_share_a"] == 1.0 and row["shared_token_share_b"] == pytest.approx(2 / 3)
    # equal length: B is 3 words like A, one stretch only -> the plain Jaccard
    assert row["jaccard_equal_length"] == pytest.approx(2 / 3)


def test_jaccard_equal_length_averages_stretches():
    tokens = make_tokens({A: "x y", B: "x y z w"})
    # stretches of B of length 2: xy (J = 1), yz (1/3), zw (0) -> mean 4/9
    assert vocabulary_overlap(tokens, A, B).iloc[0]["jaccard_equal_length"] == pytest.approx(4 / 9)


# --- lexical diversity: hand-computed values and the cross-check -------------------------------


def test_ttr_and_mattr_by_hand():
    assert score_ttr("a b a c".split()) == 0.75
    # windows abac, baca, acab, caba, abad, bada, adab, daba, abac: all 3 types of 4
    assert score_mattr("a b a c a b a d a b a c".split(), window=4) == 0.75
    assert score_mattr("a a b b".split(), window=2) == pytest.approx(2 / 3)  # aa .5, ab 1, bb .5
    assert window_types("a a b b".split(), 2).tolist() == [1, 2, 1]


def test_mtld_by_hand():
    # forward a,a (TTR .5 <= .72: factor 1), b,c (leftover TTR 1: +0) -> 4 / 1 = 4
    # backward c,b,a,a (TTR .75 > .72, no factor) -> partial (1 - .75) / (1 - .72) = 0.892857 -> 4.48
    assert score_mtld("a a b c".split()) == pytest.approx((4 + 4 / (0.25 / 0.28)) / 2)  # 4.24
    assert score_mtld("a b a b c d".split()) == pytest.approx(6.0)


def test_hdd_by_hand():
    # N = 4, draw 2: 'a' (f = 2) is missed with P = C(2,2)/C(4,2) = 1/6, 'b' and 'c' with C(3,2)/C(4,2) = 1/2
    assert score_hdd("a a b c".split(), sample=2) == pytest.approx((5 / 6 + 1 / 2 + 1 / 2) / 2)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from("abcdefg"), min_size=2, max_size=60))
def test_diversity_invariants(words):
    assert score_mattr(words, window=len(words)) == pytest.approx(score_ttr(words))  # one window = TTR
    assert score_mattr(words, window=1) == 1.0
    assert score_hdd(words, sample=len(words)) == pytest.approx(score_ttr(words))  # draw all = TTR
    assert 0 < score_mattr(words, window=min(5, len(words))) <= 1


def test_seed_diversity_matches_lexicalrichness(seed_tokens):
    """Independent cross-check, run once in a scratch script (lexicalrichness is not a dependency).

    lexicalrichness 0.5.1 (LexicalRichness(words, preprocessor=None, tokenizer=None)) on the
    same word lists (lower-cased, numbers dropped: 333 and 697 words) gave:
      Xi Jinping      TTR 0.5225225225225225  mattr(50) 0.7244366197183099  mtld(0.72) 46.46921752945849
                      hdd(42) 0.7647532639178792
      Vladimir Putin  TTR 0.5021520803443329  mattr(50) 0.7930555555555543  mtld(0.72) 94.88731921957431
                      hdd(42) 0.8142896851488469
    and on small inputs: "a a b c" mtld 4.24, hdd(2) 0.9166666666666667;
    "a b a c a b a d a b a c" mattr(4) 0.75.
    """
    table = lexical_diversity(seed_tokens).set_index("speaker")
    expected = {  # words, TTR, MATTR, MTLD, HD-D
        "Xi Jinping": (333, 0.5225225225225225, 0.7244366197183099, 46.46921752945849, 0.7647532639178792),
        "Vladimir Putin": (
            697,
            0.5021520803443329,
            0.7930555555555543,
            94.88731921957431,
            0.8142896851488469,
        ),
    }
    for name, (words, ttr, mattr, mtld, hdd) in expected.items():
        row = table.loc[name]
        assert row["words"] == words
        assert [row["ttr"], row["mattr"], row["mtld"], row["hdd"]] == pytest.approx(
            [ttr, mattr, mtld, hdd], rel=1e-12
        )
        assert row["note"] == ""


def test_moving_ttr_is_mattr_along_the_text():
    tokens = make_tokens({A: "a b a c a b a d", B: "x y z x y z"})
    curve = moving_ttr(tokens, window=3)
    ann = curve[curve["speaker"] == A]
    assert len(ann) == 6 and ann["window"].tolist() == list(range(6))
    assert ann["ttr"].mean() == pytest.approx(score_mattr("a b a c a b a d".split(), 3))
    assert ann["start_token_id"].iloc[0] == 0 and ann["end_token_id"].iloc[0] == 2
    assert ann["progress"].tolist() == pytest.approx([(i + 1.5) / 8 for i in range(6)])


def test_mattr_intervals_are_seeded_and_order_free():
    tokens = make_tokens({A: "a b a c a b a d a b c d e f", B: "x y z x y z w v u x y z"})
    one = mattr_intervals(tokens, window=3, n_boot=200, seed=1)
    again = mattr_intervals(tokens, window=3, n_boot=200, seed=1)
    pd.testing.assert_frame_equal(one, again)
    alone = mattr_intervals(tokens[tokens["speaker"] == A], window=3, n_boot=200, seed=1)
    assert alone.iloc[0].to_dict() == one.iloc[0].to_dict()  # a speaker's interval ignores the others
    other = mattr_intervals(tokens, window=3, n_boot=200, seed=2)
    assert not one[["ci_low", "ci_high"]].equals(other[["ci_low", "ci_high"]])
    row = one.iloc[0]
    assert row["ci_low"] <= row["mattr"] <= row["ci_high"]


# --- edge cases --------------------------------------------------------------------------------

EMPTY = SMALL.iloc[0:0]


@pytest.mark.parametrize(
    "call",
    [
        lambda t: word_frequencies(t),
        lambda t: distinctive_terms(t, A, B),
        lambda t: shared_vocabulary(t, A, B),
        lambda t: vocabulary_overlap(t, A, B),
        lambda t: lexical_diversity(t),
        lambda t: moving_ttr(t),
        lambda t: mattr_intervals(t),
        lambda t: compare_mattr(t, A, B),
    ],
)
def test_empty_table_is_a_clear_error(call):
    with pytest.raises(TranscriptError):
        call(EMPTY)


def test_a_speaker_with_very_few_tokens():
    tokens = make_tokens({A: "peace and friendship and peace and trade " * 10, B: "peace"})
    d = distinctive_terms(tokens, A, B)
    assert np.isfinite(d.select_dtypes("number").to_numpy(dtype=float)).all()
    table = lexical_diversity(tokens).set_index("speaker")
    assert table.loc[B, "ttr"] == 1.0
    assert np.isnan(table.loc[B, ["mattr", "mtld", "hdd"]].to_numpy(dtype=float)).all()
    note = table.loc[B, "note"]
    assert "50 words" in note and "MTLD is unbounded" in note and "42-word sample" in note
    assert B not in set(moving_ttr(tokens)["speaker"])  # too short for a window: no rows
    row = compare_mattr(tokens, A, B).iloc[0]  # defined result: NaN, and 0 windows say why
    assert np.isnan(row["difference"]) and row["windows_b"] == 0


def test_one_shared_term_only():
    tokens = make_tokens({A: "yes yes", B: "yes"})
    row = distinctive_terms(tokens, A, B).iloc[0]
    assert (row["log_odds"], row["z"], row["g2"], row["log_ratio"]) == (0.0, 0.0, 0.0, 0.0)


def test_speaker_with_numbers_only_is_a_clear_error():
    tokens = make_tokens({A: "peace", B: "2024"}, numbers=("2024",))
    with pytest.raises(TranscriptError, match="no words"):
        distinctive_terms(tokens, A, B)
    assert distinctive_terms(tokens, A, B, drop_numbers=False)["total"].sum() == 2


def test_speaker_errors():
    with pytest.raises(SpeakerNotFoundError, match="Speaker 'Xi'"):
        distinctive_terms(SMALL, "Xi", B)
    with pytest.raises(TranscriptError, match="two different"):
        shared_vocabulary(SMALL, A, A)
    with pytest.raises(TranscriptError, match="lacks columns"):
        word_frequencies(pd.DataFrame({"text": ["x"]}))
    with pytest.raises(ValueError):
        word_frequencies(SMALL, on="stem")
    with pytest.raises(TranscriptError, match="group by"):
        lexical_diversity(SMALL, by="nope")


def test_measure_errors_are_clear():
    with pytest.raises(TranscriptError, match="needs at least 1"):
        score_ttr([])
    with pytest.raises(ValueError):
        score_mattr(["a"], window=0)
    with pytest.raises(ValueError):
        score_mtld(["a", "a"], threshold=1.0)
    with pytest.raises(TranscriptError, match="unbounded"):
        score_mtld(["a", "b"])


def test_inputs_are_not_mutated(seed_tokens):
    before = seed_tokens.copy(deep=True)
    a, b = "Xi Jinping", "Vladimir Putin"
    word_frequencies(seed_tokens, drop_stopwords=True)
    distinctive_terms(seed_tokens, a, b, drop_stopwords=True, min_count=2)
    shared_vocabulary(seed_tokens, a, b)
    vocabulary_overlap(seed_tokens, a, b, drop_stopwords=True)
    lexical_diversity(seed_tokens)
    moving_ttr(seed_tokens)
    compare_mattr(seed_tokens, a, b, n_boot=20)
    pd.testing.assert_frame_equal(seed_tokens, before)


# --- the seed ----------------------------------------------------------------------------------


def test_seed_facts(seed_tokens):
    a, b = "Xi Jinping", "Vladimir Putin"
    table, n_a, n_b = count_pair(seed_tokens, a, b)
    assert (n_a, n_b) == (333, 697)  # 337 and 705 word tokens less 4 and 8 numbers
    assert count_pair(seed_tokens, a, b, drop_numbers=False)[1:] == (337, 705)
    d = distinctive_terms(seed_tokens, a, b).set_index("term")
    assert d.loc["war", ["count_a", "count_b"]].tolist() == [4, 0]
    assert d.loc["war", "g2"] == pytest.approx(9.066060197995885)
    overlap = vocabulary_overlap(seed_tokens, a, b).iloc[0]
    assert (overlap["types_a"], overlap["types_b"], overlap["shared"]) == (168, 322, 84)
    c = compare_mattr(seed_tokens, a, b).iloc[0]
    assert c["difference"] == pytest.approx(0.7244366197183099 - 0.7930555555555543)
    assert c["ci_low"] < c["difference"] < c["ci_high"]


def test_findings_sentences(seed_tokens):
    a, b = "Xi Jinping", "Vladimir Putin"
    freq = describe_frequencies(word_frequencies(seed_tokens, drop_stopwords=True), a, b, n=2)
    assert freq[1].startswith("Of Vladimir Putin's 697 words, the most frequent listed: 'china' (9 times")
    d = distinctive_terms(seed_tokens, a, b, min_count=2, drop_stopwords=True)
    sentences = describe_distinctive(d, a, b)
    assert "'war' (z = +1.52; 4 vs 0 uses)" in sentences[0]
    assert "Vladimir Putin never uses it" in sentences[-1]
    diversity = describe_diversity(lexical_diversity(seed_tokens), compare_mattr(seed_tokens, a, b), a, b)
    assert "2.1 times as many words" in diversity[0]
    assert "Vladimir Putin has the more varied vocabulary" in diversity[-1]
    overlap = describe_overlap(vocabulary_overlap(seed_tokens, a, b))
    assert overlap[0].startswith("Xi Jinping and Vladimir Putin share 84 terms")
