"""Fuzzing campaigns: thousands of generated transcripts through the loader and the splitter.

Whatever the input, the loader either raises a :class:`TranscriptError` or
returns tables that are lossless (every non-space character in exactly one
sentence or excluded span) with offsets that map back to the raw text.

The number of examples is set by the hypothesis profile: ``fuzz`` (the
default here, 2,000 transcripts per campaign) or ``quick`` (200), chosen with
``HYPOTHESIS_PROFILE=quick``.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_transcript import assert_lossless

from analysis import TranscriptError, parse_transcript
from analysis.splitter import sentence_spans

settings.register_profile(
    "fuzz", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "quick", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "fuzz")

LABELS = [
    "Anna Smith:", "PRESIDENT OF RUSSIA VLADIMIR PUTIN:", "Xi Jinping (retranslated):", "Q:", "Dr. Who:",
    "Speaker 2:", "THE PRESIDENT:", "Mr. Lee [via interpreter]:", "Putin:", "But first, Xi and Putin:",
    "Note:", "Third:", "http://example.org:", "10:30", ":", "::", "Anna:Smith:",
]  # fmt: skip
FRAGMENTS = [
    "We met.", "Mr. President, we agree.", "The U.S. and the U.K. talked at 5 p.m. Then", "It costs $100.00.",
    "(Applause.)", "(laughter)", "[My Emphasis]", "[sic", "(unclosed", "Really?!", "He said “Stop.” Then",
    "Dear friend,", "e.g. this", "Wait...", "…", "7.5 percent", "’quoted’", "«guillemets»", "No. 5", "i.e.",
    "J. R. R. Tolkien", "— dash —", "\u00a0", "\u2028", "\t", "é", "日本語。", "ﬁ", "🙂", "a:b", "x : y",
    "1.", "2)", "•", "St. Petersburg", "Jan. 21", "U.S.A.", "Ph.D.", "?", "!", ".", ",", ";", '"', "'",
]  # fmt: skip
SEPARATORS = [" ", "", "\n", "\n\n", "\r\n", "\r", "\n \n", "\n\n\n"]

fragment = st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6))
piece = st.one_of(
    st.sampled_from(LABELS).map(lambda label: f"\n{label} "),
    st.tuples(fragment, st.sampled_from(SEPARATORS)).map("".join),
)
transcripts = st.lists(piece, max_size=25).map("".join)


@settings(settings.get_profile(PROFILE))
@given(transcripts)
def test_loader_campaign(text):
    try:
        transcript = parse_transcript(text)
    except TranscriptError:
        return
    assert_lossless(transcript)
    assert transcript.speakers == list(dict.fromkeys(transcript.turns["speaker"]))


@settings(settings.get_profile(PROFILE))
@given(transcripts, st.text(min_size=1, max_size=12))
def test_loader_campaign_as_one_named_speaker(text, name):
    try:
        transcript = parse_transcript(text, speaker=name)
    except TranscriptError:
        return
    assert_lossless(transcript)


@settings(settings.get_profile(PROFILE))
@given(transcripts)
def test_splitter_campaign(text):
    spans = sentence_spans(text)
    covered = [0] * len(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        for i in range(start, end):
            covered[i] += 1
        previous_end = end
    assert all(covered[i] == 1 for i, char in enumerate(text) if not char.isspace())
