"""Per-speech measures: one row per speech, tests across speeches when there are enough."""

import numpy as np
import pandas as pd
import pytest
from conftest import STATE_UNION, needs_state_union

from analysis import SpeakerNotFoundError, load_corpus, parse_transcript
from analysis.speeches import compare_speeches, describe_speeches, measure_speeches, speech_ids


def test_dialogue_turns_are_speeches():
    t = parse_transcript(
        "Ann Lee: We met. We won big.\n\nBo Li: I agree.\n\nAnn Lee: Dear friend,\n\nThanks."
    )
    table = measure_speeches(t, ["Ann Lee", "Bo Li"])
    # Ann's second turn: the salutation is left out of sentence lengths, "Thanks." is 1 word
    assert table[["speech", "speaker", "words", "sentences", "mean_sentence_length"]].values.tolist() == [
        [0, "Ann Lee", 5, 2, 2.5], [1, "Bo Li", 2, 1, 2.0], [2, "Ann Lee", 3, 1, 1.0],
    ]  # fmt: skip
    assert table["we_per_1000"].tolist() == [400.0, 0.0, 0.0]  # "We", "We" of 5 words
    assert table["mattr"].isna().all()  # shorter than the 50-word window
    assert speech_ids(t).tolist() == [0, 1, 2]


def test_too_few_speeches_gives_no_test():
    t = parse_transcript("Ann Lee: We met.\n\nBo Li: I agree.")
    comparison = compare_speeches(measure_speeches(t, ["Ann Lee", "Bo Li"]), "Ann Lee", "Bo Li")
    assert not comparison["enough"].any() and comparison["p_value"].isna().all()
    assert "need at least 3 each" in describe_speeches(comparison, "Ann Lee", "Bo Li")[0]


def test_comparison_across_speeches_exact():
    table = pd.DataFrame({
        "speaker": ["A"] * 3 + ["B"] * 3, "words": [1, 2, 3, 7, 8, 9],
        "mean_sentence_length": [5.0] * 6, "mattr": [np.nan] * 6, "we_per_1000": [1, 2, 3, 1, 2, 3],
    })  # fmt: skip
    comparison = compare_speeches(table, "A", "B").set_index("measure")
    assert comparison.loc["words", "cliffs_delta"] == -1.0  # every A below every B
    assert comparison.loc["words", "u"] == 0.0
    assert comparison.loc["we_per_1000", "cliffs_delta"] == 0.0
    assert not comparison.loc["mattr", "enough"]
    lines = describe_speeches(comparison.reset_index(), "A", "B")
    assert lines[0] == "Speeches compared: A 3, B 3 (the speech is the unit here)."


def test_unknown_speaker():
    with pytest.raises(SpeakerNotFoundError):
        measure_speeches(parse_transcript("Ann Lee: Hi."), ["Ann Lee", "Nobody"])


@needs_state_union
def test_two_presidents_speech_by_speech(tmp_path):
    for name in ("1997-Clinton.txt", "1998-Clinton.txt", "1999-Clinton.txt", "2004-GWBush.txt",
                 "2005-GWBush.txt", "2006-GWBush.txt"):  # fmt: skip
        (tmp_path / name).write_bytes((STATE_UNION / name).read_bytes())
    corpus = load_corpus(tmp_path)
    table = measure_speeches(corpus, ["Clinton", "GWBush"])
    assert table["year"].tolist() == [1997, 1998, 1999, 2004, 2005, 2006]
    assert table["mattr"].between(0.6, 0.95).all()
    comparison = compare_speeches(table, "Clinton", "GWBush")
    assert comparison["enough"].all()
    assert comparison.set_index("measure").loc["words", "cliffs_delta"] == 1.0
