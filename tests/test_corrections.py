"""Corrections: applied at load time, offsets still map to the raw text."""

import pandas as pd
import pytest

from analysis import parse_transcript
from analysis.corrections import apply_corrections, load_corrections
from analysis.errors import LexiconError


def table(rows):
    return pd.DataFrame(
        [{"sha256": "x", "reason": "test", "line": i + 2, **row} for i, row in enumerate(rows)]
    )


def test_insertion_maps_back_to_raw():
    raw = "to theBRICS now"
    fixed = apply_corrections(
        raw, "x", table([{"start": 3, "end": 11, "original": "theBRICS", "replacement": "the BRICS"}])
    )
    assert fixed.text == "to the BRICS now"
    start = fixed.text.index("BRICS")
    assert raw[fixed.to_raw[start] : fixed.to_raw[start + 5]] == "BRICS"
    assert fixed.to_raw[-1] == len(raw)


def test_replacement_of_different_length():
    raw = "the Tic-Tok deal"
    fixed = apply_corrections(
        raw, "x", table([{"start": 4, "end": 11, "original": "Tic-Tok", "replacement": "TikTok"}])
    )
    assert fixed.text == "the TikTok deal"
    deal = fixed.text.index("deal")
    assert raw[fixed.to_raw[deal] : fixed.to_raw[deal + 4]] == "deal"
    assert (fixed.to_raw[1:] >= fixed.to_raw[:-1]).all()


def test_other_files_are_untouched():
    fixed = apply_corrections(
        "abc", "other", table([{"start": 0, "end": 1, "original": "a", "replacement": "A"}])
    )
    assert fixed.text == "abc" and fixed.applied.empty


def test_correction_that_does_not_fit_is_an_error():
    with pytest.raises(LexiconError, match="line 2"):
        apply_corrections("abc", "x", table([{"start": 0, "end": 1, "original": "z", "replacement": "A"}]))


def test_corrections_file_errors(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("sha256,start,end,original,replacement,reason\nx,a,1,o,r,why\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="line 2: start and end must be integers"):
        load_corrections(path)
    path.write_text("sha256,start,end,original,replacement,reason\nx,0,1,o,r,\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="give a reason"):
        load_corrections(path)


def test_custom_corrections_in_a_transcript():
    rows = table([{"start": 15, "end": 23, "original": "theBRICS", "replacement": "the BRICS"}])
    from analysis.reading import source_from_string

    text = "Anna Smith: In theBRICS we trust."
    rows["sha256"] = source_from_string(text).sha256
    t = parse_transcript(text, corrections=rows)
    assert "BRICS" in t.tokens["text"].tolist()
    assert t.sentences["text"].tolist() == ["In theBRICS we trust."]
