"""Rhetorical devices and dialogue: exact values on hand-written sentences and on the seed."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure

from analysis import parse_transcript
from analysis import repetition as rep
from analysis import rhetoric as r
from analysis.dialogue import (
    compare_echo_with_background,
    describe_echo,
    find_echoes,
    frame_openings,
    load_background_texts,
    measure_echo,
    measure_turns,
    summarise_turns,
)
from analysis.errors import LexiconError, SpeakerNotFoundError, TranscriptError
from analysis.plots import rhetoric as plots


def tokens_of(text: str) -> pd.DataFrame:
    return parse_transcript(text).tokens


def texts(matches: pd.DataFrame, category: str | None = None) -> list[str]:
    if category is not None:
        matches = matches[matches["category"] == category]
    return matches["text"].tolist()


# --- lexicon ----------------------------------------------------------------------------------


def test_default_lexicon_has_every_family():
    lexicon = r.load_rhetoric_lexicon()
    assert set(lexicon["family"]) >= {
        "pronoun", "modality", "hedge", "booster", "address", "ritual", "number", "time",
        "past_form", "participle",
    }  # fmt: skip


HEADER = "family,category,phrase,not_after,not_before,rule,note\n"


@pytest.mark.parametrize(
    "content, message",
    [
        ("family,category,phrase\npronoun,collective,we\n", "lacks the column"),
        (HEADER + "pronoun,collective,,,,,\n", "empty 'phrase'"),
        (HEADER + "modality,may,may,,,not_a_rule,\n", "unknown rule"),
        (HEADER + "pronoun,collective,we,,,,\npronoun,personal,we,,,,\n", "listed twice"),
    ],
)
def test_malformed_lexicon_is_a_lexicon_error(tmp_path, content, message):
    path = tmp_path / "lexicon.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match=message):
        r.load_rhetoric_lexicon(path)


def test_missing_lexicon_file_and_missing_family(tmp_path):
    with pytest.raises(LexiconError, match="does not exist"):
        r.load_rhetoric_lexicon(tmp_path / "none.csv")
    path = tmp_path / "small.csv"
    path.write_text(HEADER + "pronoun,collective,we,,,,\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="no rows for the family 'modality'"):
        r.find_modality(tokens_of("Ann Lee: We can."), r.load_rhetoric_lexicon(path))


# --- pronouns ---------------------------------------------------------------------------------


def test_pronouns_on_hand_written_sentences():
    # we, our, us (collective: 3); I, my (personal: 2); you, your (addressee: 2)
    # "US" in capitals is the country; "World War I" is no pronoun; "mine" after "a" is a noun.
    tokens = tokens_of("Ann Lee: We and our friends in the US thank us. I and my team, you and your team. "
                       "After World War I, a gold mine opened.")  # fmt: skip
    matches = r.find_pronouns(tokens)
    assert texts(matches, "collective") == ["We", "our", "us"]
    assert texts(matches, "personal") == ["I", "my"]
    assert texts(matches, "addressee") == ["you", "your"]


def test_contractions_count_as_their_pronoun_category():
    matches = r.find_pronouns(tokens_of("Ann Lee: We'll go, I'm sure, and you're welcome. Let's go."))
    assert matches[["category", "phrase"]].values.tolist() == [
        ["collective", "we'll"], ["personal", "i'm"], ["addressee", "you're"], ["collective", "let's"],
    ]  # fmt: skip


def test_us_in_a_sentence_written_in_capitals_is_the_pronoun():
    # A shouted line has no acronyms to tell apart: the lemma is lower case, so "US" is "us".
    assert texts(r.find_pronouns(tokens_of("Ann Lee: JOIN US NOW."))) == ["US"]


def test_pronoun_counts_and_rates_per_speaker():
    tokens = tokens_of("Ann Lee: We met and we talked.\n\nBob Ray: I agree with you.")
    summary = r.count_pronouns(tokens).set_index(["speaker", "category"])
    # Ann Lee: 2 collective in 5 words -> 400 per 1,000; Bob Ray: 1 personal, 1 addressee in 4 words -> 250
    assert summary.loc[("Ann Lee", "collective"), ["count", "words"]].tolist() == [2, 5]
    assert summary.loc[("Ann Lee", "collective"), "rate_per_1000"] == pytest.approx(400.0)
    assert summary.loc[("Ann Lee", "personal"), "count"] == 0
    assert summary.loc[("Bob Ray", "addressee"), "rate_per_1000"] == pytest.approx(250.0)
    assert summary.loc[("Bob Ray", "addressee"), "sentence_ids"] == [1]


def test_we_i_ratio_is_nan_without_i():
    ratios = r.compare_we_i(tokens_of("Ann Lee: We met.\n\nBob Ray: I did and we did."))
    assert math.isnan(ratios.loc[0, "we_i_ratio"])
    assert ratios.loc[1, ["we", "i", "we_i_ratio"]].tolist() == [1, 1, 1.0]


def test_seed_pronoun_counts(seed):
    # Checked by hand against the text: Xi "we" in sentences 3 (twice), 4, 9; Putin "we" 13 times;
    # Putin "you" in 13, 14, 20, 21, 22, 23, 33, 44, 45.
    matches = r.find_pronouns(seed.tokens)
    forms = matches.groupby(["speaker", "phrase"]).size()
    assert forms[("Xi Jinping", "we")] == 4
    assert forms[("Vladimir Putin", "we")] == 13
    assert forms[("Vladimir Putin", "you")] == 9
    summary = r.count_pronouns(seed.tokens).set_index(["speaker", "category"])["count"]
    assert summary[("Xi Jinping", "collective")] == 5  # we x4 + our
    assert summary[("Vladimir Putin", "collective")] == 20  # we x13 + us + our x6
    ratios = r.compare_we_i(seed.tokens).set_index("speaker")
    assert ratios.loc["Vladimir Putin", "we_i_ratio"] == pytest.approx(13 / 6)


# --- modality ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Ann Lee: We met in May.",
        "Ann Lee: We met on 9 May.",
        "Ann Lee: We met on May 9.",
        "Ann Lee: Since may we have met.",
        "Ann Lee: Talks resume after May ends.",  # capitalised inside a sentence
    ],
)
def test_may_the_month_is_not_a_modal(text):
    assert texts(r.find_modality(tokens_of(text)), "may") == []


@pytest.mark.parametrize("text", ["Ann Lee: May I ask a question?", "Ann Lee: You may go now."])
def test_may_the_modal_is_counted(text):
    assert len(texts(r.find_modality(tokens_of(text)), "may")) == 1


def test_will_and_can_as_nouns_are_not_modals():
    tokens = tokens_of("Ann Lee: The will of the people. Political will matters. Their will is firm. "
                       "This will help. A can of paint. We can act. It is a must. We must act.")  # fmt: skip
    matches = r.find_modality(tokens)
    assert matches.loc[matches["category"] == "will", "sentence_id"].tolist() == [3]
    assert matches.loc[matches["category"] == "can", "sentence_id"].tolist() == [5]
    assert matches.loc[matches["category"] == "must", "sentence_id"].tolist() == [7]


def test_need_to_ready_to_hedges_and_boosters():
    tokens = tokens_of("Ann Lee: We need to act, and we are ready to act. The need to act is clear. "
                       "I would like to thank you. It would help. "
                       "Perhaps, of course, rather than not.")  # fmt: skip
    matches = r.find_modality(tokens)
    assert matches[["category", "text"]].values.tolist() == [
        ["need to", "need to"], ["ready to", "ready to"], ["hedge", "would"], ["hedge", "Perhaps"],
        ["booster", "of course"],
    ]  # fmt: skip


def test_seed_modality(seed):
    matches = r.find_modality(seed.tokens)
    xi = matches[matches["speaker"] == "Xi Jinping"]
    assert xi["category"].tolist() == ["will", "ready to"]
    putin = matches[matches["speaker"] == "Vladimir Putin"]
    # "during our visit to China in May" (sentence 20) is the month.
    assert 20 not in putin["sentence_id"].tolist()
    assert sorted(putin.loc[putin["family"] == "modality", "category"]) == ["can", "must", "should"]
    assert texts(putin, "booster") == ["I believe", "of course", "with confidence", "confidently"]


# --- address and ritual -----------------------------------------------------------------------


def test_vocatives_and_what_is_not_one():
    tokens = tokens_of("Ann Lee: Dear Anna, ladies and gentlemen, Mr. President, welcome. "
                       "We met the President of Chile. Friends and partners, thanks to you we won. "
                       "Thank you, my dear friend.")  # fmt: skip
    matches = r.find_address(tokens)
    assert matches[["category", "text"]].values.tolist() == [
        ["vocative", "Dear Anna"], ["vocative", "ladies and gentlemen"], ["vocative", "Mr President"],
        ["thanks", "Thank you"], ["vocative", "my dear friend"],
    ]  # fmt: skip


def test_salutation_lines_and_ritual_phrases():
    tokens = tokens_of("Ann Lee: Dear President Lee, My dear friend,\n\nI am glad to see you. "
                       "I congratulate you and wish you good health.")  # fmt: skip
    summary = r.count_address(tokens).set_index("category")["count"].to_dict()
    assert summary == {"salutation": 2, "vocative": 0, "greeting": 1, "thanks": 0, "wish": 3}


def test_seed_openings_and_closings(seed):
    openings = frame_openings(seed.turns, seed.sentences, r.find_address(seed.tokens))
    assert openings[["speaker", "role", "opening_ritual", "closing_ritual"]].values.tolist() == [
        ["Xi Jinping", "opens", "salutation", "thanks"],
        ["Vladimir Putin", "closes", "salutation", "vocative, wish"],
    ]


# --- numbers ----------------------------------------------------------------------------------


def test_numbers_by_category():
    tokens = tokens_of("Ann Lee: In 2024 trade rose 7% and then seven per cent, to $220 billion and "
                       "100 dollars. It was our 75th anniversary and the fifth year of the 1990s. "
                       "One of us met three hundred people. No one came.")  # fmt: skip
    matches = r.find_numbers(tokens)
    assert matches[["category", "text"]].values.tolist() == [
        ["year", "2024"], ["percentage", "7%"], ["percentage", "seven per cent"], ["money", "$220 billion"],
        ["money", "100 dollars"], ["ordinal", "75th"], ["ordinal", "fifth"], ["year", "1990s"],
        ["cardinal", "three hundred"],
    ]  # fmt: skip


def test_share_of_sentences_with_numbers():
    summary = r.count_numbers(tokens_of("Ann Lee: We met twice. In 2024 we met. We met 3 times."))
    any_row = summary[summary["category"] == "any"].iloc[0]
    # sentences 1 and 2 carry a number: 2 of 3
    assert (any_row["count"], any_row["sentences_with"], any_row["sentences"]) == (2, 2, 3)
    assert any_row["sentence_ids"] == [1, 2]


def test_seed_numbers(seed):
    matches = r.find_numbers(seed.tokens)
    putin = matches[matches["speaker"] == "Vladimir Putin"]
    assert texts(putin, "money") == ["$220 billion"]
    assert texts(putin, "percentage") == ["seven percent"]
    assert texts(matches[matches["speaker"] == "Xi Jinping"], "ordinal") == ["75th", "80th", "80th"]


# --- time orientation -------------------------------------------------------------------------


def test_time_markers_on_hand_written_sentences():
    tokens = tokens_of("Ann Lee: We jointly launched it two years ago. We have achieved much. "
                       "The will is there; we will meet next year. We need more.")  # fmt: skip
    matches = r.find_time_markers(tokens)
    assert matches[["sentence_id", "category", "text"]].values.tolist() == [
        [0, "past", "We jointly launched"], [0, "past", "ago"], [1, "past", "have achieved"],
        [2, "future", "will"], [2, "future", "next year"],
    ]  # fmt: skip
    scores = r.score_time_orientation(tokens)
    assert scores["orientation"].tolist() == ["past", "past", "future", "none"]


def test_time_positions_run_along_each_speaker():
    scores = r.score_time_orientation(tokens_of("Ann Lee: We met. We will meet.\n\nBob Ray: Yes."))
    # Ann Lee: 2 + 3 words -> midpoints 1/5 and 3.5/5; Bob Ray: one sentence at 0.5
    assert scores["position"].round(3).tolist() == [0.2, 0.7, 0.5]


def test_seed_time_orientation(seed):
    summary = r.count_time_orientation(seed.tokens).set_index(["speaker", "category"])
    assert summary.loc[("Xi Jinping", "future"), "sentence_ids"] == [2, 10]
    assert summary.loc[("Vladimir Putin", "future"), "sentence_ids"] == [44]


# --- repetition -------------------------------------------------------------------------------


def test_anaphora_runs():
    tokens = tokens_of("Ann Lee: We came. We saw, and we won. The end. The rest.\n\nBob Ray: We agree.")
    anaphora = rep.find_anaphora(tokens)
    # "the ... the" is an article, and a run does not cross turns.
    assert anaphora[["speaker", "opening", "units", "level"]].values.tolist() == [
        ["Ann Lee", "we", 3, "clause"]
    ]
    sentences_only = rep.find_anaphora(tokens_of("Ann Lee: I came. I saw. It ended."))
    assert sentences_only[["opening", "units", "level"]].values.tolist() == [["i", 2, "sentence"]]


def test_tricolons_and_what_is_not_a_list():
    tokens = tokens_of("Ann Lee: We fight fascism, Nazism and militarism. "
                       "The UN, SCO, BRICS and other platforms. "
                       "It was won with the blood and lives of millions. "
                       "It is important, together with our other like-minded people, "
                       "to carefully preserve and defend the historical Truth.")  # fmt: skip
    lists = rep.find_tricolons(tokens)
    assert lists[["sentence_id", "items", "kind"]].values.tolist() == [[0, 3, "tricolon"], [1, 4, "list"]]


def test_repeated_phrases_drop_shorter_ones_inside_longer():
    tokens = tokens_of("Ann Lee: The gas pipeline works. The gas pipeline works well. Gas pipeline.")
    repeated = rep.find_repeated_phrases(tokens)
    # "gas pipeline work" (2x) holds "gas pipeline" only twice of its three uses, "pipeline work" always.
    assert repeated[["phrase", "count"]].values.tolist() == [["gas pipeline", 3], ["gas pipeline work", 2]]


def test_seed_repeated_phrases_show_the_order_of_naming(seed):
    repeated = rep.find_repeated_phrases(seed.tokens).set_index(["speaker", "phrase"])["count"]
    assert repeated[("Xi Jinping", "china and russia")] == 3
    assert repeated[("Vladimir Putin", "russia and china")] == 2


# --- summaries and errors ---------------------------------------------------------------------


def test_summary_errors():
    tokens = tokens_of("Ann Lee: We met.")
    with pytest.raises(SpeakerNotFoundError, match="'Nobody' is not in"):
        r.count_pronouns(tokens, ["Nobody"])
    with pytest.raises(TranscriptError, match="no words"):
        r.count_pronouns(tokens.iloc[0:0])
    with pytest.raises(TranscriptError, match="no words"):
        r.score_time_orientation(tokens.iloc[0:0])


WORDS = st.sampled_from(["we", "you", "I", "may", "will", "the", "May", "trade", "2024", "ready", "to"])


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(WORDS, min_size=1, max_size=8), min_size=1, max_size=5))
def test_counts_add_up_to_the_matches(sentences):
    text = "Ann Lee: " + " ".join(" ".join(words) + "." for words in sentences)
    tokens = tokens_of(text)
    for find, count in ((r.find_pronouns, r.count_pronouns), (r.find_modality, r.count_modality)):
        summary = count(tokens)
        assert summary["count"].sum() == len(find(tokens))
        assert ((summary["rate_per_1000"] >= 0) & (summary["rate_per_1000"] <= 1000)).all()
        assert ((summary["sentence_share"] >= 0) & (summary["sentence_share"] <= 1)).all()


# --- dialogue ---------------------------------------------------------------------------------


def test_turns_and_shares():
    tokens = tokens_of("Ann Lee: Hello there.\n\nBob Ray: Hi. Fine.\n\nAnn Lee: Good.")
    assert measure_turns(tokens)["words"].tolist() == [2, 2, 1]
    summary = summarise_turns(tokens, ["Bob Ray", "Ann Lee"])
    assert summary[["speaker", "turns", "share_of_words", "opens", "closes"]].values.tolist() == [
        ["Bob Ray", 1, pytest.approx(0.4), False, False], ["Ann Lee", 2, pytest.approx(0.6), True, True],
    ]  # fmt: skip


def test_echo_counts_only_later_uses():
    # Bob Ray says "trade" before Ann Lee's second turn: Ann Lee echoes it; Bob Ray echoes "mutual trade".
    tokens = tokens_of("Ann Lee: Mutual trade grows.\n\nBob Ray: Mutual trade matters. Oil too.\n\n"
                       "Ann Lee: Oil, yes.")  # fmt: skip
    echoes = find_echoes(tokens, "Ann Lee", "Bob Ray")
    rows = echoes[["speaker", "source", "phrase", "source_count", "echo_count"]].values.tolist()
    assert ["Bob Ray", "Ann Lee", "mutual trade", 1, 1] in rows
    assert ["Ann Lee", "Bob Ray", "oil", 1, 1] in rows
    assert not any(row[2] == "matter" for row in rows)  # said once, never taken up
    rates = measure_echo(tokens, "Ann Lee", "Bob Ray").set_index("speaker")
    # Bob Ray: mutual, trade, matter, oil after Ann Lee began -> 2 echoed of 4;
    # Ann Lee's later words: oil (echo), yes (not a stop word, not echoed) -> 1 of 2
    assert rates.loc["Bob Ray", ["content_tokens", "echo_tokens"]].tolist() == [4, 2]
    assert rates.loc["Ann Lee", "echo_rate"] == 0.5


def test_echo_baseline_is_exact_on_a_one_window_background():
    tokens = tokens_of("Ann Lee: Mutual trade grows.\n\nBob Ray: Trade grows fast. Trade!")
    # background content lemmas: trade, ship (window of 3 is cut to 2): Bob Ray's trade, grow, fast,
    # trade -> 2 of 4 in it.
    result = compare_echo_with_background(tokens, "Ann Lee", "Bob Ray", ["Trade and ships."], draws=10)
    assert result[["echo_rate", "baseline_mean", "baseline_low", "baseline_high"]].values.tolist() == [
        [0.75, 0.5, 0.5, 0.5]
    ]
    assert result.loc[0, "share_at_or_above"] == 0.0


def test_echo_baseline_is_seeded_and_reports_no_background():
    tokens = tokens_of("Ann Lee: Mutual trade grows.\n\nBob Ray: Trade grows fast. Trade!")
    background = ["Fast ships carry trade across the seas and the trade grows every year."]
    first = compare_echo_with_background(tokens, "Ann Lee", "Bob Ray", background, seed=3)
    again = compare_echo_with_background(tokens, "Ann Lee", "Bob Ray", background, seed=3)
    pd.testing.assert_frame_equal(first, again)
    empty = compare_echo_with_background(tokens, "Ann Lee", "Bob Ray", [])
    assert math.isnan(empty.loc[0, "baseline_mean"]) and "not computed" in empty.loc[0, "note"]
    assert "no background baseline" in describe_echo(find_echoes(tokens, "Ann Lee", "Bob Ray"), empty)[0]
    assert load_background_texts("/no/such/folder") == []


def test_echo_errors():
    tokens = tokens_of("Ann Lee: Trade.\n\nBob Ray: Trade.")
    with pytest.raises(SpeakerNotFoundError):
        find_echoes(tokens, "Ann Lee", "Nobody")
    with pytest.raises(TranscriptError, match="twice"):
        measure_echo(tokens, "Ann Lee", "Ann Lee")


def test_seed_echo(seed):
    echoes = find_echoes(seed.tokens, "Xi Jinping", "Vladimir Putin").set_index("phrase")
    assert set(echoes["speaker"]) == {"Vladimir Putin"}  # Xi speaks first and only once
    assert echoes.loc["dear friend", ["source_count", "echo_count"]].tolist() == [1, 2]
    assert echoes.loc["year of culture", "echo_sentence_ids"] == [20, 38]


# --- findings and plots -----------------------------------------------------------------------


def test_seed_findings_are_computed(seed):
    tokens = seed.tokens
    pronoun_lines = r.describe_pronouns(r.count_pronouns(tokens), r.compare_we_i(tokens),
                                        "Xi Jinping", "Vladimir Putin")  # fmt: skip
    assert pronoun_lines[-1] == (
        "We/I ratio ('we' per 'I'): Xi Jinping 2.0 (4 'we', 2 'I'); Vladimir Putin 2.2 (13 'we', 6 'I')."
    )
    number_lines = r.describe_numbers(r.count_numbers(tokens), "Xi Jinping", "Vladimir Putin")
    assert number_lines[0].startswith("Xi Jinping puts a number in 5 of 12 sentences (42%)")


def test_plots_return_figures(seed):
    tokens, pair = seed.tokens, ["Xi Jinping", "Vladimir Putin"]
    figures = [
        plots.plot_pronoun_stance(r.count_pronouns(tokens), pair),
        plots.plot_modality(r.count_modality(tokens), pair),
        plots.plot_address(r.count_address(tokens), pair),
        plots.plot_numbers(r.count_numbers(tokens), pair),
        plots.plot_time_orientation(r.score_time_orientation(tokens), pair),
        plots.plot_echo(find_echoes(tokens, *pair), compare_echo_with_background(tokens, *pair, []), pair),
    ]
    assert all(isinstance(fig, Figure) for fig in figures)
    assert [len(fig.axes) for fig in figures] == [1, 1, 1, 2, 2, 2]
