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
from .themes import find_theme_matches, kwic, load_lexicon, recurring_phrases, theme_counts, theme_positions
from .tokens import iter_tokens, lemmatise, load_stopwords
from .transcript import Transcript, check_speakers, load_transcript, parse_transcript
from .vocabulary import (
    compare_mattr,
    distinctive_terms,
    lexical_diversity,
    mattr_intervals,
    moving_ttr,
    shared_vocabulary,
    vocabulary_overlap,
    word_frequencies,
)

__all__ = [
    "compare_mattr",
    "distinctive_terms",
    "find_theme_matches",
    "kwic",
    "lexical_diversity",
    "load_lexicon",
    "mattr_intervals",
    "moving_ttr",
    "recurring_phrases",
    "shared_vocabulary",
    "theme_counts",
    "theme_positions",
    "vocabulary_overlap",
    "word_frequencies",
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
