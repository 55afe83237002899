"""Tests of analysis.sentence_stats: hand-made transcripts with exact values, seed facts, edge cases."""

from __future__ import annotations

import math

import matplotlib
import pandas as pd
import pytest
from scipy import stats as scipy_stats

from analysis import parse_transcript
from analysis.errors import SpeakerNotFoundError
from analysis.plots.sentences import (
    plot_length_distributions,
    plot_lengths_along_speech,
    plot_longest_sentences,
)
from analysis.sentence_stats import (
    DIFFERENCE_COLUMNS,
    LENGTH_COLUMNS,
    SUMMARY_COLUMNS,
    compare_sentence_lengths,
    describe_sentence_lengths,
    longest_sentences,
    mann_whitney_sentence_lengths,
    measure_sentences,
    summarise_sentence_lengths,
)
from analysis.stats import EmptySampleError, bootstrap_ci

matplotlib.use("Agg")

# Ann: salutation (2 words), then 3 and 8 words; Bob: 2 and 2 words.
SMALL = (
    "Ann Lee: Dear friend,\n\n"
    "We met today. We talked about trade and energy at length.\n\n"
    "Bob Ray: Thank you. I agree."
)


@pytest.fixture(scope="module")
def small():
    return measure_sentences(parse_transcript(SMALL))


def test_measure_sentences_counts_words_and_positions(small):
    assert list(small.columns) == LENGTH_COLUMNS
    assert small["words"].tolist() == [2, 3, 8, 2, 2]
    assert small["kind"].tolist() == ["salutation", "speech", "speech", "speech", "speech"]
    assert small["position"].tolist() == [1, 2, 3, 1, 2]
    assert small["relative_position"].tolist() == [0.0, 0.5, 1.0, 0.0, 1.0]


def test_numbers_count_as_words_and_punctuation_does_not():
    t = parse_transcript("Ann Lee: Trade reached $220 billion – up 7.5% in 2024.")
    # Trade, reached, $220, billion, up, 7.5%, in, 2024 -> 8 (the dash and the period are punctuation)
    assert measure_sentences(t)["words"].tolist() == [8]


def test_text_without_terminal_punctuation_is_one_sentence():
    t = parse_transcript("Ann Lee: we met and talked for hours")
    assert measure_sentences(t)[["words", "kind"]].values.tolist() == [[6, "speech"]]


def test_summary_by_hand(small):
    s = summarise_sentence_lengths(small, ["Ann Lee", "Bob Ray"]).set_index("speaker")
    assert list(s.reset_index().columns) == SUMMARY_COLUMNS
    ann = s.loc["Ann Lee"]
    # Ann's speech sentences: [3, 8] -> mean = median = 5.5, SD = sqrt(2 * 2.5**2 / 1) = sqrt(12.5),
    # quartiles 3 + 0.25 * 5 = 4.25 and 3 + 0.75 * 5 = 6.75
    assert (ann["n"], ann["mean"], ann["median"], ann["q1"], ann["q3"]) == (2, 5.5, 5.5, 4.25, 6.75)
    assert ann["sd"] == pytest.approx(math.sqrt(12.5))
    assert (ann["longest_words"], ann["longest_text"]) == (8, "We talked about trade and energy at length.")
    bob = s.loc["Bob Ray"]
    assert (bob["n"], bob["mean"], bob["sd"], bob["longest_sentence_id"]) == (2, 2.0, 0.0, 3)


def test_salutations_can_be_included(small):
    s = summarise_sentence_lengths(small, ["Ann Lee"], include_salutations=True).iloc[0]
    # [2, 3, 8] -> mean 13 / 3
    assert (s["n"], s["mean"], s["median"]) == (3, pytest.approx(13 / 3), 3.0)


def test_compare_by_hand_and_reproducible(small):
    d = compare_sentence_lengths(small, "Ann Lee", "Bob Ray", seed=3, n_resamples=200)
    assert list(d.columns) == DIFFERENCE_COLUMNS
    mean = d.set_index("statistic").loc["mean"]
    # mean 5.5 - 2.0 = 3.5; medians 5.5 - 2.0 = 3.5
    assert (mean["value_a"], mean["value_b"], mean["difference"]) == (5.5, 2.0, 3.5)
    assert d.set_index("statistic").loc["median", "difference"] == 3.5
    # the interval is the shared bootstrap's, with the same seed
    expected = bootstrap_ci(
        [3, 8], [2, 2], statistic=lambda x, y: x.mean() - y.mean(), seed=3, n_resamples=200
    )
    assert (mean["ci_low"], mean["ci_high"]) == (expected.low, expected.high)
    pd.testing.assert_frame_equal(
        d, compare_sentence_lengths(small, "Ann Lee", "Bob Ray", seed=3, n_resamples=200)
    )


def test_mann_whitney_table_matches_scipy(small):
    m = mann_whitney_sentence_lengths(small, "Ann Lee", "Bob Ray").iloc[0]
    # Ann [3, 8] vs Bob [2, 2]: all four pairs have Ann longer -> U = 4, delta = 1
    assert (m["u"], m["cliffs_delta"], m["magnitude"], m["n_a"], m["n_b"]) == (4.0, 1.0, "large", 2, 2)
    assert m["p_value"] == pytest.approx(scipy_stats.mannwhitneyu([3, 8], [2, 2]).pvalue)


def test_longest_sentences_order_and_ties(small):
    top = longest_sentences(small, ["Bob Ray", "Ann Lee"], n=2)
    assert top[["speaker", "rank", "words", "sentence_id"]].values.tolist() == [
        ["Bob Ray", 1, 2, 3], ["Bob Ray", 2, 2, 4], ["Ann Lee", 1, 8, 2], ["Ann Lee", 2, 3, 1],
    ]  # fmt: skip


def test_speaker_with_only_a_salutation():
    lengths = measure_sentences(parse_transcript("Ann Lee: Dear friend,\n\nBob Ray: Thank you. I agree."))
    summary = summarise_sentence_lengths(lengths)
    assert summary.set_index("speaker").loc["Ann Lee", "n"] == 0
    with pytest.raises(EmptySampleError, match="'Ann Lee' has no sentences.*include_salutations"):
        compare_sentence_lengths(lengths, "Ann Lee", "Bob Ray")
    with pytest.raises(EmptySampleError):
        mann_whitney_sentence_lengths(lengths, "Bob Ray", "Ann Lee")
    # counted when asked
    included = compare_sentence_lengths(lengths, "Ann Lee", "Bob Ray", include_salutations=True)
    assert included.loc[0, "difference"] == 0.0


def test_one_sentence_each_gives_defined_results():
    lengths = measure_sentences(parse_transcript("Ann Lee: We met today.\n\nBob Ray: I agree with you."))
    d = compare_sentence_lengths(lengths, "Ann Lee", "Bob Ray")
    assert d["difference"].tolist() == [-1.0, -1.0]
    assert d["ci_low"].isna().all() and d["ci_high"].isna().all()
    summary = summarise_sentence_lengths(lengths)
    test = mann_whitney_sentence_lengths(lengths, "Ann Lee", "Bob Ray")
    lines = describe_sentence_lengths(summary, d, test, "Ann Lee", "Bob Ray")
    assert "SD undefined for one sentence" in lines[0]
    assert "no interval" in lines[1]


def test_unknown_speaker_is_a_clear_error(small):
    with pytest.raises(SpeakerNotFoundError, match="'Xi' is not in the sentence table"):
        compare_sentence_lengths(small, "Xi", "Bob Ray")
    with pytest.raises(SpeakerNotFoundError):
        summarise_sentence_lengths(small, ["Nobody"])


def test_inputs_are_not_mutated(small):
    before = small.copy()
    summarise_sentence_lengths(small)
    compare_sentence_lengths(small, "Ann Lee", "Bob Ray", n_resamples=20)
    longest_sentences(small)
    pd.testing.assert_frame_equal(small, before)


def test_seed_facts(seed_lengths):
    summary = summarise_sentence_lengths(seed_lengths).set_index("speaker")
    # Xi: 337 words minus the 6-word salutation over 11 sentences; Putin: 705 - 5 over 33
    assert summary["n"].to_dict() == {"Xi Jinping": 11, "Vladimir Putin": 33}
    assert summary.loc["Xi Jinping", "mean"] == pytest.approx(331 / 11)
    assert summary.loc["Vladimir Putin", "mean"] == pytest.approx(700 / 33)
    assert summary.loc["Xi Jinping", "longest_words"] == 55


def test_describe_sentence_lengths_on_the_seed(seed_lengths):
    a, b = "Xi Jinping", "Vladimir Putin"
    lines = describe_sentence_lengths(
        summarise_sentence_lengths(seed_lengths, [a, b]),
        compare_sentence_lengths(seed_lengths, a, b),
        mann_whitney_sentence_lengths(seed_lengths, a, b),
        a,
        b,
    )
    assert len(lines) == 4
    assert lines[0].startswith("Xi Jinping: 11 sentences, mean 30.1 words")
    assert "Cliff's delta = +0.26, small" in lines[2]


def test_plots_return_figures(seed_lengths):
    speakers = ["Xi Jinping", "Vladimir Putin"]
    for fig in (
        plot_length_distributions(seed_lengths, speakers),
        plot_lengths_along_speech(seed_lengths, speakers),
        plot_longest_sentences(longest_sentences(seed_lengths, speakers), speakers),
    ):
        assert fig.axes


@pytest.fixture(scope="module")
def seed_lengths():
    from analysis import load_transcript
    from analysis.paths import SEED_TRANSCRIPT

    return measure_sentences(load_transcript(SEED_TRANSCRIPT))
