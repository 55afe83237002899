"""Rhetorical analysis of speeches and dialogues: load, segment, measure, plot.

The public verbs are re-exported here::

    from analysis import load_transcript
    t = load_transcript("data/raw/2025-01-21-xi-putin-video-call.txt")
    t.sentences.groupby("speaker").size()
"""

from .corpus import load_corpus
from .errors import (
    LexiconError,
    NoSpeakerLabelsError,
    SpeakerNotFoundError,
    TranscriptEncodingError,
    TranscriptError,
    TranscriptFileError,
)
from .figures import save_figure
from .splitter import sentence_spans, split_sentences
from .tokens import iter_tokens, lemmatise, load_stopwords
from .transcript import Transcript, check_speakers, load_transcript, parse_transcript

__all__ = [
    "LexiconError",
    "NoSpeakerLabelsError",
    "SpeakerNotFoundError",
    "Transcript",
    "TranscriptEncodingError",
    "TranscriptError",
    "TranscriptFileError",
    "check_speakers",
    "iter_tokens",
    "load_corpus",
    "lemmatise",
    "load_stopwords",
    "load_transcript",
    "parse_transcript",
    "save_figure",
    "sentence_spans",
    "split_sentences",
]
