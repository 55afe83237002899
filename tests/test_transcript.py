"""Loader and segmenter: seed facts, transcripts in the wild, error paths, invariants."""

from __future__ import annotations

import hashlib

import pytest
from conftest import STATE_UNION, needs_state_union
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import (
    NoSpeakerLabelsError,
    SpeakerNotFoundError,
    TranscriptEncodingError,
    TranscriptError,
    TranscriptFileError,
    load_transcript,
    parse_transcript,
)
from analysis.paths import SEED_TRANSCRIPT

SEED_SHA256 = "f5f490c6766190a3e3a9d67c69ee15e12f1397b695665876b08a8649eec71bb8"


# --- the seed --------------------------------------------------------------------------------


def test_raw_seed_is_unchanged():
    assert hashlib.sha256(SEED_TRANSCRIPT.read_bytes()).hexdigest() == SEED_SHA256


def test_seed_speakers(seed):
    assert seed.speakers == ["Xi Jinping", "Vladimir Putin"]


def test_seed_labels_keep_title_and_note(seed):
    turns = seed.turns.set_index("speaker")
    assert turns.loc["Xi Jinping", "note"] == "retranslated"
    assert turns.loc["Xi Jinping", "title"] == ""
    assert turns.loc["Vladimir Putin", "title"] == "President of Russia"
    assert turns.loc["Vladimir Putin", "label"] == "President of Russia Vladimir Putin"


def test_seed_sentence_units(seed):
    counts = seed.sentences.groupby(["speaker", "kind"]).size().to_dict()
    assert counts == {
        ("Xi Jinping", "salutation"): 1,
        ("Xi Jinping", "speech"): 11,
        ("Vladimir Putin", "salutation"): 1,
        ("Vladimir Putin", "speech"): 33,
    }


def test_seed_salutations(seed):
    salutations = seed.sentences.loc[seed.sentences["kind"] == "salutation", "text"].tolist()
    assert salutations == ["Dear President Putin, My dear friend,", "President Xi Jinping, Dear friend,"]


def test_seed_vocative_inside_a_sentence_is_one_sentence(seed):
    texts = seed.sentences["text"]
    hits = texts[texts.str.startswith("Mr. President, this year we are preparing")]
    assert len(hits) == 1
    assert hits.iloc[0].endswith("with dignity.")


def test_seed_commentary_and_editorial_never_in_speech(seed):
    speech = " ".join(seed.turns["text"]) + " ".join(seed.sentences["text"])
    assert "[My Emphasis]" not in speech
    assert "But first" not in speech and "cartoon" not in speech
    assert not seed.tokens["lower"].isin(["emphasis", "cartoon"]).any()
    kinds = seed.excluded["kind"].tolist()
    assert kinds == ["commentary", "label", "label", "editorial"]
    assert seed.excluded["text"].iloc[-1] == "[My Emphasis]"
    assert seed.excluded["text"].iloc[0].endswith("But first, Xi and Putin:")


def test_seed_correction_unglues_brics(seed):
    assert seed.corrections["original"].tolist() == ["theBRICS"]
    putin = seed.tokens[seed.tokens["speaker"] == "Vladimir Putin"]
    assert (putin["lemma"] == "BRICS").sum() == 1
    brics = putin[putin["lower"] == "brics"].iloc[0]
    assert seed.raw[brics["start"] : brics["end"]] == "BRICS"
    the = seed.tokens.loc[brics["token_id"] - 1]
    assert seed.raw[the["start"] : the["end"]] == "the"


def test_seed_word_counts(seed):
    assert seed.words.groupby("speaker").size().to_dict() == {"Xi Jinping": 337, "Vladimir Putin": 705}


@pytest.mark.parametrize("table", ["turns", "paragraphs", "sentences", "tokens", "excluded"])
def test_offsets_map_back_to_raw(seed, table):
    frame = getattr(seed, table)
    for start, end, text in zip(frame["start"], frame["end"], frame["text"]):
        assert seed.raw[start:end] == text


def test_seed_every_character_in_exactly_one_unit(seed):
    assert_lossless(seed)


# --- transcripts in the wild ------------------------------------------------------------------


def test_long_titles_and_translation_notes():
    t = parse_transcript(
        "Remarks as published.\n\n"
        "President of the People's Republic of China Xi Jinping (as translated): Thank you.\n\n"
        "Prime Minister Narendra Modi (via interpreter): We agree.\n\n"
        "Secretary of State Antony J. Blinken: Good."
    )
    assert t.speakers == ["Xi Jinping", "Narendra Modi", "Antony J. Blinken"]
    assert t.turns["title"].tolist() == [
        "President of the People's Republic of China",
        "Prime Minister",
        "Secretary of State",
    ]
    assert t.turns["note"].tolist() == ["as translated", "via interpreter", ""]


def test_single_newline_paragraphs_and_capital_labels():
    t = parse_transcript(
        "THE PRESIDENT: Thank you all.\nWe will win. (Applause.)\nAnd we will not tire.\n"
        "MODERATOR: Questions?\nQ: What about trade?\n"
    )
    assert t.speakers == ["The President", "Moderator", "Q"]
    assert t.paragraphs["text"].tolist() == [
        "Thank you all.",
        "We will win.",
        "And we will not tire.",
        "Questions?",
        "What about trade?",
    ]
    assert t.excluded.query("kind == 'stage'")["text"].tolist() == ["(Applause.)"]


def test_lines_ending_in_colon_are_not_labels():
    t = parse_transcript(
        "Here is the transcript:\nBut first, Xi and Putin:\nXi and Putin:\n\n"
        "Anna Smith: We need three things:\nmoney, time and will.\n"
        "To the Congress of the United States:\nNothing.\n"
    )
    assert t.speakers == ["Anna Smith"]
    assert t.excluded.iloc[0]["kind"] == "commentary"
    assert "Xi and Putin:" in t.excluded.iloc[0]["text"]


def test_boilerplate_before_first_label_is_commentary():
    t = parse_transcript(
        "Home | News | Transcripts\nPosted by admin: 21 January\nSource: Kremlin\n\n"
        "Vladimir Putin: Good afternoon.\n"
    )
    assert t.speakers == ["Vladimir Putin"]
    assert t.sentences["text"].tolist() == ["Good afternoon."]
    assert "Source: Kremlin" in t.excluded.iloc[0]["text"]


def test_alias_table_and_surname_resolution():
    t = parse_transcript(
        "President Xi: Hello.\n\nVladimir Putin: Hello.\n\nPutin: Again.\n\nXi: Bye.",
        aliases={"president xi": "Xi Jinping"},
    )
    assert t.turns["speaker"].tolist() == ["Xi Jinping", "Vladimir Putin", "Vladimir Putin", "Xi Jinping"]
    assert t.speakers == ["Xi Jinping", "Vladimir Putin"]


def test_brackets_inside_a_sentence_are_excluded_from_tokens():
    t = parse_transcript("Anna Smith: We will [sic] go there today.")
    assert t.sentences["text"].tolist() == ["We will [sic] go there today."]
    assert "sic" not in t.tokens["lower"].tolist()
    row = t.excluded.query("kind == 'editorial'").iloc[0]
    assert row["text"] == "[sic]" and row["sentence_id"] == 0


def test_label_with_no_text_keeps_an_empty_turn():
    t = parse_transcript("Anna Smith:\n\nBob Lee: Hello.")
    assert t.turns["speaker"].tolist() == ["Anna Smith", "Bob Lee"]
    assert t.turns["text"].tolist() == ["", "Hello."]
    assert t.sentences["speaker"].tolist() == ["Bob Lee"]


def test_same_speaker_twice_in_a_row_gives_two_turns():
    t = parse_transcript("Anna Smith: One.\n\nAnna Smith: Two.")
    assert t.turns["turn"].tolist() == [0, 1]
    assert t.speakers == ["Anna Smith"]


def test_crlf_and_cr_line_ends(write_text):
    text = "Intro.\r\n\r\nAnna Smith: Hello there.\r\n\r\nBob Lee: Hi.\rSecond line."
    t = load_transcript(write_text(text))
    assert t.speakers == ["Anna Smith", "Bob Lee"]
    assert t.sentences["text"].tolist() == ["Hello there.", "Hi.", "Second line."]
    assert_lossless(t)


def test_utf8_bom_is_accepted(write_text):
    t = load_transcript(write_text(b"\xef\xbb\xbfAnna Smith: Hello."))
    assert t.raw.startswith("Anna")
    assert t.sentences["text"].tolist() == ["Hello."]


def test_utf16_with_bom_is_decoded(write_text):
    t = load_transcript(write_text("Anna Smith: Hello.", encoding="utf-16"))
    assert t.sentences["text"].tolist() == ["Hello."]


def test_latin1_with_encoding_option(write_text):
    path = write_text("Anna Smith: Café.", encoding="latin-1")
    with pytest.raises(TranscriptEncodingError, match="encoding='latin-1'"):
        load_transcript(path)
    assert load_transcript(path, encoding="latin-1").tokens["text"].tolist() == ["Café", "."]


def test_no_labels_read_as_one_named_speaker(write_text):
    t = load_transcript(write_text("We met. We agreed."), speaker="Anna Smith")
    assert t.speakers == ["Anna Smith"]
    assert len(t.sentences) == 2 and t.excluded.empty


# --- errors -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "error", "message"),
    [
        (b"", TranscriptFileError, "is empty"),
        (b"  \n\t\n", TranscriptFileError, "only whitespace"),
        (b"\x00\x01\x02PNG\x00", TranscriptFileError, "looks binary"),
        (b"Anna Smith: caf\xe9", TranscriptEncodingError, "encoding="),
        (b"Just a speech. No labels here.", NoSpeakerLabelsError, "speaker='Name'"),
    ],
)
def test_bad_files_raise_one_clear_error(write_text, content, error, message):
    path = write_text(content)
    with pytest.raises(error, match=message) as raised:
        load_transcript(path)
    assert str(path) in str(raised.value)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(TranscriptFileError, match="not found"):
        load_transcript(tmp_path / "nope.txt")
    with pytest.raises(TranscriptFileError, match="is a directory"):
        load_transcript(tmp_path)


def test_unknown_encoding_name(write_text):
    with pytest.raises(TranscriptEncodingError, match="Unknown encoding"):
        load_transcript(write_text("Anna Smith: Hi."), encoding="klingon")


def test_oversized_file_is_refused(write_text):
    with pytest.raises(TranscriptFileError, match="max_bytes"):
        load_transcript(write_text("Anna Smith: Hi." * 100), max_bytes=100)


def test_unknown_speaker_in_a_comparison(seed):
    with pytest.raises(SpeakerNotFoundError, match="'Xi' is not in") as raised:
        seed.check_speakers("Xi")
    assert "Xi Jinping" in str(raised.value)
    assert isinstance(raised.value, TranscriptError)


# --- generality -------------------------------------------------------------------------------


@needs_state_union
def test_state_union_labels_and_applause():
    t = load_transcript(STATE_UNION / "2002-GWBush.txt")
    assert t.speakers == ["The President"]
    stage = t.excluded[t.excluded["kind"] == "stage"]
    assert len(stage) >= 40
    assert stage["text"].str.fullmatch(r"\((Applause|Laughter)[^)]*\)", case=False).all()
    assert not t.tokens["lower"].eq("applause").any()
    assert t.excluded.iloc[0]["kind"] == "commentary"
    assert_lossless(t)


@needs_state_union
def test_state_union_without_labels_reads_as_one_speaker():
    t = load_transcript(STATE_UNION / "1961-Kennedy.txt", speaker="Kennedy")
    assert t.speakers == ["Kennedy"]
    assert len(t.sentences) > 100
    assert_lossless(t)


# --- invariants -------------------------------------------------------------------------------


def assert_lossless(t):
    """Every non-space character is in exactly one sentence or top-level excluded span."""
    owner = [0] * len(t.raw)
    spans = list(zip(t.sentences["start"], t.sentences["end"]))
    top = t.excluded[t.excluded["sentence_id"].isna()]
    spans += list(zip(top["start"], top["end"]))
    for start, end in spans:
        for i in range(start, end):
            owner[i] += 1
    for i, char in enumerate(t.raw):
        if not char.isspace():
            assert owner[i] == 1, (i, char, t.raw[max(0, i - 20) : i + 20])
    tokens = t.tokens.merge(
        t.sentences[["sentence_id", "start", "end"]], on="sentence_id", suffixes=("", "_s")
    )
    assert (tokens["start"] >= tokens["start_s"]).all() and (tokens["end"] <= tokens["end_s"]).all()
    for frame in (t.turns, t.sentences, t.tokens, t.excluded):
        assert all(t.raw[s:e] == x for s, e, x in zip(frame["start"], frame["end"], frame["text"]))


_names = st.sampled_from(["Anna Smith", "BOB LEE", "President of Russia Vladimir Putin", "Q", "Dr. Who"])
_notes = st.sampled_from(["", " (as translated)", " [interpreted]"])
_pieces = st.sampled_from(
    [
        "We met.", "Mr. President, we agree.", "The U.S. and the U.K. talked.", "It costs $100.00.",
        "(Applause.)", "[My Emphasis]", "Really?!", "He said \"Stop.\" Then left.", "Dear friend,",
        "e.g. this", "Wait...", "…", "7.5 percent", "’quoted’", "a: b", "Note: this", "\u00a0", "»x«",
    ]
)  # fmt: skip
_seps = st.sampled_from([" ", "\n", "\n\n", "\r\n", "\r", "\t"])


@st.composite
def transcripts(draw):
    parts = [draw(st.text(alphabet="abc .:\n", max_size=15))]
    for _ in range(draw(st.integers(1, 4))):
        parts.append(
            "\n" + draw(_seps) + draw(_names) + draw(_notes) + ":" + draw(st.sampled_from([" ", "\n"]))
        )
        parts += [draw(_pieces) + draw(_seps) for _ in range(draw(st.integers(0, 5)))]
    return "".join(parts)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(transcripts())
def test_generated_transcripts_are_segmented_losslessly(text):
    t = parse_transcript(text)
    assert t.speakers
    assert_lossless(t)
